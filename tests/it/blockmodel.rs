//! Doreian–Mrvar blockmodels: the local search against brute force (also on
//! weighted multigraphs with ambivalent pairs), the Highland tribes and the
//! Slovene parties of 1994 (weighted, and tie by tie), bad options,
//! determinism.

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

fn score(alpha: f64, negative_inside: f64, positive_between: f64) -> f64 {
    alpha * negative_inside + (1.0 - alpha) * positive_between
}

/// Whether two totals of weights agree, up to the rounding of adding the
/// weights in another order.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A weighted multigraph on `n` nodes from rows `(a, b, positive, weight in
/// hundredths)`; rows on one node are skipped. Rows repeating a pair add up
/// or, with the other sign, make it ambivalent.
fn weighted_graph(n: usize, rows: &[(usize, usize, bool, u32)]) -> SignedGraph {
    let ties: Vec<(usize, usize, i8, f64)> = rows
        .iter()
        .filter(|&&(a, b, _, _)| a != b)
        .map(|&(a, b, positive, w)| (a, b, if positive { 1 } else { -1 }, f64::from(w) / 100.0))
        .collect();
    SignedGraph::from_weighted_edges((0..n).map(|v| format!("n{v}")).collect(), &ties).unwrap()
}

/// Random weighted multigraphs: up to 8 nodes, up to 30 rows with weights
/// from 0.01 to 5 (two decimals), on few enough pairs that many repeat.
fn weighted_plan() -> impl Strategy<Value = (usize, Vec<(usize, usize, bool, u32)>)> {
    (1usize..=8).prop_flat_map(|n| {
        (
            Just(n),
            proptest::collection::vec((0..n, 0..n, any::<bool>(), 1u32..=500), 0..=30),
        )
    })
}

/// Checks a result by its structure and recounts the misplaced ties and
/// their weights from its camps alone.
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
    // Every edge on its own: one side of each ambivalent pair is misplaced.
    for (p, n) in g.ambivalent_pairs() {
        assert_ne!(misplaced.contains(&p), misplaced.contains(&n));
    }
    let weight = |negative: bool| -> f64 {
        misplaced
            .iter()
            .map(|&i| g.edges()[i])
            .filter(|e| (e.sign < 0) == negative)
            .map(|e| e.weight)
            .sum()
    };
    let (negative, positive) = (weight(true), weight(false));
    if g.is_weighted() {
        assert!(close(model.negative_inside, negative), "{model}");
        assert!(close(model.positive_between, positive), "{model}");
    } else {
        assert_eq!(model.negative_inside, negative);
        assert_eq!(model.positive_between, positive);
    }
    assert_eq!(
        model.criterion(),
        score(model.alpha, model.negative_inside, model.positive_between)
    );
}

/// The best criterion over every assignment of the nodes to `k` labels that
/// uses exactly min(k, n) of them, adding up the weights of the misplaced
/// ties.
fn brute_force(g: &SignedGraph, k: usize, alpha: f64) -> f64 {
    let n = g.nodes().len();
    let mut labels = vec![0usize; n];
    let mut best = f64::INFINITY;
    loop {
        let mut used = vec![false; k];
        labels.iter().for_each(|&l| used[l] = true);
        if used.iter().filter(|&&u| u).count() == k.min(n) {
            let (mut negative, mut positive) = (0.0, 0.0);
            for e in g.edges() {
                match (labels[e.a] == labels[e.b], e.sign > 0) {
                    (true, false) => negative += e.weight,
                    (false, true) => positive += e.weight,
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn weighted_multigraphs_match_the_brute_force_optimum(
        plan in weighted_plan(),
        k in 2usize..=3,
        alpha in alpha(),
    ) {
        let g = weighted_graph(plan.0, &plan.1);
        let optimum = brute_force(&g, k, alpha);
        let options = BlockmodelOptions::new(k).with_alpha(alpha);
        let exact = g.blockmodel(&options).unwrap();
        verify(&g, &exact, k);
        prop_assert!(exact.exact);
        prop_assert!(close(exact.criterion(), optimum),
            "exhaustive search {} against brute force {optimum}", exact.criterion());
        let local = g.blockmodel(&options.with_exact_limit(0)).unwrap();
        verify(&g, &local, k);
        prop_assert!(close(local.criterion(), optimum),
            "local search {} against brute force {optimum}", local.criterion());
    }
}

#[test]
fn ambivalent_pairs_leave_a_side_out_of_place() {
    // A and B allied (2.5) and at odds (1.5); C hostile to both (0.25 each).
    let g = read_graph(
        "source,target,sign,weight\nA,B,1,2\nB,A,1,0.5\nA,B,-1,1.5\nA,C,-1,0.25\nB,C,-1,0.25\n",
        "ambivalent.csv",
    );
    assert_eq!(g.ambivalent_pairs(), [(0, 1)]);
    let model = g.blockmodel(&BlockmodelOptions::new(2)).unwrap();
    verify(&g, &model, 2);
    assert!(model.exact);
    assert_eq!(model.camps, [vec![0, 1], vec![2]]);
    assert_eq!(model.misplaced, [1]);
    assert_eq!((model.negative_inside, model.positive_between), (1.5, 0.0));
    assert_eq!(model.criterion(), 0.75);
    assert_eq!(
        model.to_string(),
        "2 camps, criterion 0.75 (negative ties inside of total weight 1.5, positive ties between of total weight 0, alpha 0.5), proven optimal"
    );
    // When negative ties inside weigh more, A and B part: the alliance is
    // out of place instead (and A–C, once C joins A).
    let apart = g
        .blockmodel(&BlockmodelOptions::new(2).with_alpha(0.9))
        .unwrap();
    verify(&g, &apart, 2);
    assert_eq!(apart.camps, [vec![0, 2], vec![1]]);
    assert_eq!(apart.misplaced, [0, 2]);
    assert_eq!((apart.negative_inside, apart.positive_between), (0.25, 2.5));
    assert!(close(apart.criterion(), 0.475));
    // Tie by tie, each side counts once.
    let distinct = g.distinct_pairs();
    let one = distinct.blockmodel(&BlockmodelOptions::new(2)).unwrap();
    assert_eq!((one.negative_inside, one.positive_between), (1.0, 0.0));
    assert!(
        one.to_string()
            .contains("(1 negative tie inside, 0 positive ties between")
    );
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
    assert_eq!((model.negative_inside, model.positive_between), (7.0, 0.0));
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
    assert_eq!((three.negative_inside, three.positive_between), (0.0, 2.0));
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
    // Tie by tie (signnet's convention): the weights −25…+25 set aside.
    let g = parties().distinct_pairs();
    assert_eq!((g.nodes().len(), g.edges().len()), (10, 45));
    assert!(!g.is_weighted());
    let expected = [
        (
            2,
            (2.0, 0.0),
            vec![
                vec!["SKD", "SDSS", "ZS", "SLS", "SPS"],
                vec!["ZLSD", "LDS", "ZS-ESS", "DS", "SNS"],
            ],
        ),
        (
            3,
            (0.0, 2.0),
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
fn slovene_parties_weighted_blockmodels_are_optimal() {
    // The weights −25…+25 read as magnitudes: the strength of each tie counts.
    let g = parties();
    assert!(g.is_weighted() && !g.has_ambivalent_pairs());
    assert!(g.edges().iter().all(|e| (1.0..=25.0).contains(&e.weight)));
    for k in [2, 3] {
        for alpha in [0.5, 0.2, 0.8] {
            let options = BlockmodelOptions::new(k).with_alpha(alpha);
            let model = g.blockmodel(&options).unwrap();
            verify(&g, &model, k);
            assert!(model.exact);
            // Checked independently over all k^10 assignments.
            let optimum = brute_force(&g, k, alpha);
            assert!(
                close(model.criterion(), optimum),
                "k = {k}, alpha {alpha}: {model}"
            );
            let local = g.blockmodel(&options.with_exact_limit(0)).unwrap();
            assert!(
                close(local.criterion(), optimum),
                "k = {k}, alpha {alpha}: {local}"
            );
        }
    }
    // Weighted, the two camps tie by tie stay the best split.
    let two = g.blockmodel(&BlockmodelOptions::new(2)).unwrap();
    let by_ties = g
        .distinct_pairs()
        .blockmodel(&BlockmodelOptions::new(2))
        .unwrap();
    assert_eq!(two.camps, by_ties.camps);
    assert_eq!(two.misplaced, by_ties.misplaced);
    let weight: f64 = two.misplaced.iter().map(|&e| g.edges()[e].weight).sum();
    assert_eq!(two.negative_inside + two.positive_between, weight);
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
