//! Doreian–Mrvar blockmodels: the local search against brute force, the
//! Highland tribes and the Slovene parties of 1994, bad options, determinism.

use crate::common;
use common::{read_graph, tribes};
use proptest::prelude::*;
use stancegraph::balance::{Blockmodel, BlockmodelOptions, SignedGraph};

fn parties() -> SignedGraph {
    read_graph(
        include_str!("../data/slovene_parties_1994.csv"),
        "slovene_parties_1994.csv",
    )
}

fn score(alpha: f64, negative_inside: usize, positive_between: usize) -> f64 {
    alpha * negative_inside as f64 + (1.0 - alpha) * positive_between as f64
}

/// Checks a result by its structure and recounts the misplaced ties from
/// its camps alone.
fn verify(g: &SignedGraph, model: &Blockmodel, k: usize) {
    let n = g.nodes().len();
    let camps = &model.camps;
    assert_eq!(camps.len(), k.min(n), "exactly min(k, n) camps");
    let mut seen = vec![false; n];
    for (c, camp) in camps.iter().enumerate() {
        assert!(!camp.is_empty(), "camp {c} is empty");
        assert!(camp.windows(2).all(|w| w[0] < w[1]), "camp {c} is sorted");
        for &v in camp {
            assert!(!seen[v], "node {v} in two camps");
            seen[v] = true;
            assert_eq!(model.camp_of(v), Some(c));
        }
    }
    assert!(seen.iter().all(|&s| s), "every node in a camp");
    assert!(
        camps.windows(2).all(|w| w[0][0] < w[1][0]),
        "camps by lowest member"
    );
    assert_eq!(model.camp_of(n), None);

    let camp_of = |v: usize| camps.iter().position(|c| c.contains(&v)).unwrap();
    let misplaced: Vec<usize> = g
        .edges()
        .iter()
        .enumerate()
        .filter(|(_, e)| (camp_of(e.a) == camp_of(e.b)) != (e.sign > 0))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(model.misplaced, misplaced);
    let negative = misplaced.iter().filter(|&&i| g.edges()[i].sign < 0).count();
    assert_eq!(model.negative_inside, negative);
    assert_eq!(model.positive_between, misplaced.len() - negative);
    assert_eq!(
        model.criterion(),
        score(model.alpha, negative, misplaced.len() - negative)
    );
}

/// The best criterion over every assignment of the nodes to `k` labels that
/// uses exactly min(k, n) of them.
fn brute_force(g: &SignedGraph, k: usize, alpha: f64) -> f64 {
    let n = g.nodes().len();
    let mut labels = vec![0usize; n];
    let mut best = f64::INFINITY;
    loop {
        let mut used = vec![false; k];
        labels.iter().for_each(|&l| used[l] = true);
        if used.iter().filter(|&&u| u).count() == k.min(n) {
            let (mut negative, mut positive) = (0, 0);
            for e in g.edges() {
                match (labels[e.a] == labels[e.b], e.sign > 0) {
                    (true, false) => negative += 1,
                    (false, true) => positive += 1,
                    _ => {}
                }
            }
            best = best.min(score(alpha, negative, positive));
        }
        // The next assignment, counting in base k.
        let Some(i) = labels.iter().position(|&l| l + 1 < k) else {
            return best;
        };
        labels[i] += 1;
        labels[..i].fill(0);
    }
}

fn names<'g>(g: &'g SignedGraph, model: &Blockmodel) -> Vec<Vec<&'g str>> {
    model
        .camps
        .iter()
        .map(|camp| camp.iter().map(|&v| g.nodes()[v].as_str()).collect())
        .collect()
}

fn alpha() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(0.5), Just(1.0), 0.0..=1.0f64]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_local_search_finds_the_brute_force_optimum(
        plan in common::signed_plan(1..=8, 24),
        k in 1usize..=3,
        alpha in alpha(),
    ) {
        let g = common::signed_graph(plan.0, &plan.1);
        let optimum = brute_force(&g, k, alpha);
        let options = BlockmodelOptions::new(k).with_alpha(alpha);
        let local = g.blockmodel(&options.with_exact_limit(0)).unwrap();
        verify(&g, &local, k);
        prop_assert!((local.criterion() - optimum).abs() < 1e-9,
            "local search {} against brute force {optimum}", local.criterion());
        let exact = g.blockmodel(&options).unwrap();
        verify(&g, &exact, k);
        prop_assert!(exact.exact);
        prop_assert!((exact.criterion() - optimum).abs() < 1e-9,
            "exhaustive search {} against brute force {optimum}", exact.criterion());
    }
}

#[test]
fn the_local_search_leaves_camps_of_one_node_where_they_belong() {
    // Found by the property test: at alpha 0 the best three camps are n0,
    // n3 and the rest; from most starts no single move or swap gets there.
    let g = read_graph(
        "source,target,sign\nn3,n0,1\nn6,n7,1\nn2,n5,1\nn2,n6,1\nn7,n1,1\nn2,n1,1\nn5,n4,1\nn1,n4,1\n",
        "t.csv",
    );
    let options = BlockmodelOptions::new(3).with_alpha(0.0);
    let local = g.blockmodel(&options.with_exact_limit(0)).unwrap();
    verify(&g, &local, 3);
    assert_eq!(brute_force(&g, 3, 0.0), 1.0);
    assert_eq!(local.criterion(), 1.0);
    assert_eq!(local.camps, g.blockmodel(&options).unwrap().camps);
}

#[test]
fn highland_tribes_two_camps_leave_the_published_frustration_index() {
    let g = tribes();
    let model = g.blockmodel(&BlockmodelOptions::new(2)).unwrap();
    verify(&g, &model, 2);
    assert!(model.exact);
    // At alpha 0.5 and k = 2 twice the criterion is the frustration index L:
    // signnet publishes 1 − 2L/m = 0.7586207 for m = 58, so L = 7.
    assert_eq!(model.misplaced.len(), 7);
    assert!((1.0 - 2.0 * 7.0 / 58.0 - 0.7586207_f64).abs() < 1e-7);
    assert_eq!(model.criterion(), 3.5);
    assert_eq!((model.negative_inside, model.positive_between), (7, 0));
    assert_eq!(
        names(&g, &model)[0],
        ["Gavev", "Kotun", "Nagad", "Gama"],
        "{model}"
    );
}

#[test]
fn highland_tribes_three_camps_leave_two_alliances_across() {
    let g = tribes();
    let three = g.blockmodel(&BlockmodelOptions::new(3)).unwrap();
    verify(&g, &three, 3);
    // 16 tribes into 3 camps: 7,141,686 partitions, under the default limit.
    assert!(three.exact);
    assert_eq!(
        names(&g, &three),
        [
            vec!["Gavev", "Kotun", "Nagad", "Gama"],
            vec!["Ove", "Alika", "Gahuk", "Asaro", "Masil", "Ukudz", "Geham"],
            vec!["Nagam", "Notoh", "Kohik", "Seuve", "Uheto"],
        ]
    );
    assert_eq!((three.negative_inside, three.positive_between), (0, 2));
    assert_eq!(three.criterion(), 1.0);
    let two = g.blockmodel(&BlockmodelOptions::new(2)).unwrap();
    assert!(three.criterion() <= two.criterion());
    // No partition fits perfectly: the tribes are not even weakly balanced.
    assert!(!g.weak_balance().is_balanced());
    assert!(three.criterion() > 0.0);
    // The local search alone finds the same.
    let local = g
        .blockmodel(&BlockmodelOptions::new(3).with_exact_limit(0))
        .unwrap();
    assert!(!local.exact);
    assert_eq!(local.camps, three.camps);
}

#[test]
fn slovene_parties_blockmodels_are_optimal() {
    let g = parties();
    assert_eq!((g.nodes().len(), g.edges().len()), (10, 45));
    let expected = [
        (
            2,
            (2, 0),
            vec![
                vec!["SKD", "SDSS", "ZS", "SLS", "SPS"],
                vec!["ZLSD", "LDS", "ZS-ESS", "DS", "SNS"],
            ],
        ),
        (
            3,
            (0, 2),
            vec![
                vec!["SKD", "SDSS", "ZS", "SLS", "SPS"],
                vec!["ZLSD", "LDS", "ZS-ESS", "DS"],
                vec!["SNS"],
            ],
        ),
    ];
    for (k, counts, camps) in expected {
        let model = g.blockmodel(&BlockmodelOptions::new(k)).unwrap();
        verify(&g, &model, k);
        assert!(model.exact);
        assert_eq!(
            (model.negative_inside, model.positive_between),
            counts,
            "k = {k}"
        );
        assert_eq!(model.criterion(), 1.0, "k = {k}");
        assert_eq!(names(&g, &model), camps, "k = {k}");
        // Checked independently over all k^10 assignments.
        assert_eq!(brute_force(&g, k, 0.5), model.criterion(), "k = {k}");
        let local = g
            .blockmodel(&BlockmodelOptions::new(k).with_exact_limit(0))
            .unwrap();
        assert_eq!(local.criterion(), model.criterion(), "k = {k}");
    }
    for alpha in [0.0, 0.2, 0.8, 1.0] {
        let model = g
            .blockmodel(&BlockmodelOptions::new(3).with_alpha(alpha))
            .unwrap();
        verify(&g, &model, 3);
        assert!((model.criterion() - brute_force(&g, 3, alpha)).abs() < 1e-12);
    }
}

#[test]
fn bad_options_are_named() {
    let g = tribes();
    let err = g
        .blockmodel(&BlockmodelOptions::new(0).with_alpha(1.5).with_restarts(0))
        .unwrap_err();
    assert!(
        matches!(err, stancegraph::Error::InvalidOptions { .. }),
        "{err:?}"
    );
    assert_eq!(err.problems().len(), 3);
    assert!(
        err.problems()
            .iter()
            .all(|p| p.record.section == stancegraph::Section::Options)
    );
    let text = err.to_string();
    assert!(
        text.contains("field `k`: a blockmodel needs at least one camp"),
        "{text}"
    );
    assert!(
        text.contains("field `alpha`: must be a number from 0 to 1"),
        "{text}"
    );
    assert!(
        text.contains("field `restarts`: the local search needs at least one start"),
        "{text}"
    );
    for alpha in [-0.1, f64::NAN, f64::INFINITY] {
        let err = g
            .blockmodel(&BlockmodelOptions::new(2).with_alpha(alpha))
            .unwrap_err();
        assert_eq!(err.problems().len(), 1);
        assert_eq!(err.problems()[0].field.as_deref(), Some("alpha"));
    }
}

#[test]
fn tiny_graphs_have_one_partition() {
    let empty = SignedGraph::default()
        .blockmodel(&BlockmodelOptions::new(2))
        .unwrap();
    assert!(empty.camps.is_empty() && empty.exact);
    assert_eq!(empty.criterion(), 0.0);

    let g = read_graph("source,target,sign\nA,B,1\nB,C,-1\n", "t.csv");
    let alone = g.blockmodel(&BlockmodelOptions::new(5)).unwrap();
    verify(&g, &alone, 5);
    assert_eq!(alone.camps, [vec![0], vec![1], vec![2]]);
    assert_eq!((alone.k, alone.restarts), (5, 0));
    assert_eq!(alone.misplaced, [0]);
    let together = g.blockmodel(&BlockmodelOptions::new(1)).unwrap();
    assert_eq!(together.misplaced, [1]);
    assert_eq!(
        together.to_string(),
        "1 camp, criterion 0.5 (1 negative tie inside, 0 positive ties between, alpha 0.5), proven optimal"
    );
}

#[test]
fn results_are_deterministic_and_ignore_names_and_order() {
    let g = tribes();
    // Four camps are past the exhaustive limit: the local search decides.
    let options = BlockmodelOptions::new(4).with_seed(42);
    let first = g.blockmodel(&options).unwrap();
    assert!(!first.exact);
    assert_eq!(first.restarts, BlockmodelOptions::DEFAULT_RESTARTS);
    assert_eq!(g.blockmodel(&options).unwrap(), first);
    verify(&g, &first, 4);

    // The same graph with renamed tribes, rows reversed and ends swapped.
    let text = include_str!("../data/highland_tribes.csv");
    let mut rows: Vec<String> = text
        .lines()
        .skip(1)
        .map(|row| {
            let f: Vec<&str> = row.split(',').collect();
            format!("tribe-{},tribe-{},{}", f[1], f[0], f[2])
        })
        .collect();
    rows.reverse();
    let shuffled = read_graph(
        &format!("source,target,sign\n{}\n", rows.join("\n")),
        "shuffled.csv",
    );
    for k in 1..=4 {
        for seed in [1, 2] {
            let options = BlockmodelOptions::new(k).with_seed(seed);
            let a = g.blockmodel(&options).unwrap();
            let b = shuffled.blockmodel(&options).unwrap();
            verify(&shuffled, &b, k);
            assert_eq!(a.criterion(), b.criterion(), "k = {k}, seed {seed}");
        }
    }
}
