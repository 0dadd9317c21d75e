//! The frustration index: exact values checked against brute force on small
//! graphs and against an independent solver (HiGHS, through the baseline
//! script in `benches/baseline/`) on the 51 Correlates of War windows.

use crate::common;
use common::read_graphs;
use std::time::Duration;

use proptest::prelude::*;
use stancegraph::balance::{Frustration, FrustrationMethod, FrustrationOptions, SignedGraph};

fn exact() -> FrustrationOptions {
    FrustrationOptions::new().with_method(FrustrationMethod::Exact)
}

/// The result explains itself: the camps cover every node once, the
/// frustrated edges are exactly those the camps frustrate, and the value is
/// their count.
fn verify(g: &SignedGraph, f: &Frustration) {
    let n = g.nodes().len();
    let mut side = vec![None; n];
    for (c, camp) in f.camps.iter().enumerate() {
        assert!(camp.windows(2).all(|w| w[0] < w[1]), "camps sorted");
        for &v in camp {
            assert!(side[v].is_none(), "node {v} in two camps");
            side[v] = Some(c == 0);
        }
    }
    assert!(side.iter().all(Option::is_some), "every node has a camp");
    let frustrated: Vec<usize> = g
        .edges()
        .iter()
        .enumerate()
        .filter(|(_, e)| (side[e.a] == side[e.b]) != (e.sign > 0))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(frustrated, f.frustrated_edges);
    let weight: f64 = frustrated.iter().map(|&e| g.edges()[e].weight).sum();
    assert!(
        (f.value - weight).abs() < 1e-9 * weight.max(1.0),
        "{} != {weight}",
        f.value
    );
    assert!(f.lower_bound <= f.value);
    assert_eq!(f.edge_count, g.edges().len());
    // Each tension is a simple cycle, closed by its frustrated edge, whose
    // path uses unfrustrated edges only, with an odd number of negatives.
    let tensions = f.tensions(g);
    assert_eq!(tensions.len(), f.frustrated_edges.len());
    for t in tensions.iter().filter(|t| !t.nodes.is_empty()) {
        assert_eq!(t.edges.len(), t.nodes.len());
        assert_eq!(t.edges.last(), Some(&t.edge));
        for (i, &e) in t.edges.iter().enumerate() {
            let (x, y) = (t.nodes[i], t.nodes[(i + 1) % t.nodes.len()]);
            let edge = g.edges()[e];
            assert!((edge.a, edge.b) == (x, y) || (edge.a, edge.b) == (y, x));
            assert_eq!(e == t.edge, frustrated.contains(&e));
        }
        let mut distinct = t.nodes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), t.nodes.len());
        let negatives = t.edges.iter().filter(|&&e| g.edges()[e].sign < 0).count();
        assert_eq!(negatives % 2, 1);
    }
}

use crate::common::brute_force_frustration as brute_force;

#[test]
fn highland_tribes_match_the_published_frustration_score() {
    let g = &common::tribes();
    let f = g.frustration(&FrustrationOptions::new());
    verify(g, &f);
    assert_eq!((f.value, f.lower_bound, f.edge_count), (7.0, 7.0, 58));
    assert!(f.exact);
    assert_eq!(f.method, FrustrationMethod::Exact);
    // signnet: frustration score 1 - 2L/m = 0.7586207.
    assert!((f.score() - 0.7586207).abs() < 1e-7, "{}", f.score());
    // Gahuku-Gama: Gama and its allies against the rest; the camps agree
    // with brute force on all 2^15 splits.
    assert_eq!(brute_force(g), 7.0);
}

/// The 51 Correlates of War windows: every value proven optimal and equal to
/// what HiGHS proved optimal for the standard integer programme
/// (`benches/baseline/frustration_milp.py`, results in
/// `tests/data/cow_frustration_highs.csv`).
#[test]
fn correlates_of_war_windows_match_highs() {
    let graphs = read_graphs(include_str!("../data/cow_signed_networks.csv"), "cow.csv");
    assert_eq!(graphs.len(), 51);
    let highs: Vec<(String, usize, usize, usize)> =
        include_str!("../data/cow_frustration_highs.csv")
            .lines()
            .skip(1)
            .map(|line| {
                let f: Vec<&str> = line.split(',').collect();
                (
                    f[0].to_owned(),
                    f[1].parse().unwrap(),
                    f[2].parse().unwrap(),
                    f[3].parse().unwrap(),
                )
            })
            .collect();
    assert_eq!(highs.len(), 51);
    for (g, (period, nodes, edges, value)) in graphs.iter().zip(&highs) {
        assert_eq!(g.period(), Some(period.as_str()));
        assert_eq!((g.nodes().len(), g.edges().len()), (*nodes, *edges));
        let f = g.frustration(&exact());
        verify(g, &f);
        assert!(f.exact, "{period}: {} > {}", f.value, f.lower_bound);
        assert!(!f.limit_reached);
        assert_eq!(f.value, *value as f64, "{period}");
    }
    // Since the LP bound (issue 16) no window needs the branch and bound;
    // the search is exercised against brute force by the unit tests of
    // `src/balance/frustration/lp.rs` and the random graphs here.
}

/// The Supreme Court's signed two-mode network (cases × justices): no
/// triangles at all, so only the frustration index tells how far it is from
/// two camps; HiGHS proves 37 optimal for the standard integer programme.
#[test]
fn the_supreme_court_two_mode_network_matches_highs() {
    let g = &read_graphs(
        include_str!("../data/supreme_court_2000_01.csv"),
        "supreme_court_2000_01.csv",
    )[0];
    assert_eq!((g.nodes().len(), g.edges().len()), (35, 232));
    assert_eq!(g.triangles().total(), 0);
    let f = g.frustration(&exact());
    verify(g, &f);
    assert_eq!((f.value, f.lower_bound), (37.0, 37.0));
    assert_eq!(brute_force_two_mode(g), 37);
}

/// Brute force over the justices' camps only: with the 9 justices placed,
/// each case independently takes its cheaper camp (2^8 placements).
fn brute_force_two_mode(g: &SignedGraph) -> usize {
    let justices: Vec<usize> = (0..g.nodes().len())
        .filter(|&v| g.edges().iter().any(|e| e.b == v))
        .collect();
    assert_eq!(justices.len(), 9);
    let cases: Vec<usize> = (0..g.nodes().len())
        .filter(|v| !justices.contains(v))
        .collect();
    (0u32..1 << (justices.len() - 1))
        .map(|mask| {
            let side = |v: usize| mask >> justices.iter().position(|&j| j == v).unwrap() & 1 == 1;
            cases
                .iter()
                .map(|&c| {
                    let cost = |camp: bool| {
                        g.edges()
                            .iter()
                            .filter(|e| e.a == c && ((side(e.b) == camp) != (e.sign > 0)))
                            .count()
                    };
                    cost(true).min(cost(false))
                })
                .sum::<usize>()
        })
        .min()
        .unwrap()
}

#[test]
fn the_heuristic_is_labelled_and_bounded() {
    let graphs = read_graphs(include_str!("../data/cow_signed_networks.csv"), "cow.csv");
    let highs = [17.0, 18.0, 20.0];
    for (g, optimum) in graphs.iter().zip(highs) {
        let f = g.frustration(&FrustrationOptions::new().with_method(FrustrationMethod::Heuristic));
        verify(g, &f);
        assert_eq!(f.method, FrustrationMethod::Heuristic);
        assert_eq!(f.search_nodes, 0);
        assert!(f.lower_bound <= optimum && optimum <= f.value);
        assert_eq!(f.gap(), f.value - f.lower_bound);
    }
}

#[test]
fn a_time_limit_returns_the_best_camps_and_proven_bounds() {
    let graphs = read_graphs(include_str!("../data/cow_signed_networks.csv"), "cow.csv");
    // 76-79 needs thousands of search nodes; no time at all stops it early.
    let g = graphs.iter().find(|g| g.period() == Some("76-79")).unwrap();
    let f = g.frustration(&exact().with_time_limit(Duration::ZERO));
    verify(g, &f);
    assert!(f.limit_reached);
    assert!(f.lower_bound <= 50.0 && 50.0 <= f.value);
}

#[test]
fn trees_and_balanced_graphs_have_no_frustration_and_empty_graphs_work() {
    let tree = &read_graphs(
        "source,target,sign\nA,B,-1\nB,C,-1\nC,D,1\nB,E,-1\n",
        "t.csv",
    )[0];
    let f = tree.frustration(&FrustrationOptions::new());
    verify(tree, &f);
    assert_eq!((f.value, f.lower_bound, f.block_count), (0.0, 0.0, 0));
    assert_eq!(f.camps, [vec![0, 2, 3, 4], vec![1]]);
    let empty = SignedGraph::from_edges(vec!["A".into()], &[]).unwrap();
    let f = empty.frustration(&FrustrationOptions::new());
    assert_eq!(
        (f.value, f.camps.clone(), f.score()),
        (0.0, [vec![0], vec![]], 1.0)
    );
}

#[test]
fn blocks_joined_at_cut_nodes_add_up() {
    // Two unbalanced triangles sharing node C, and a pendant edge.
    let text = "source,target,sign\nA,B,1\nB,C,1\nA,C,-1\nC,D,-1\nD,E,-1\nC,E,-1\nE,F,1\n";
    let g = &read_graphs(text, "t.csv")[0];
    let f = g.frustration(&exact());
    verify(g, &f);
    assert_eq!((f.value, f.lower_bound, f.block_count), (2.0, 2.0, 2));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Exact mode equals brute force; the heuristic brackets the optimum.
    #[test]
    fn exact_equals_brute_force((n, edges) in common::signed_plan(2..=11, usize::MAX)) {
        let g = common::signed_graph(n, &edges);
        let optimum = brute_force(&g);
        let f = g.frustration(&exact());
        verify(&g, &f);
        prop_assert!(f.exact);
        prop_assert_eq!(f.value, optimum);
        let h = g.frustration(&FrustrationOptions::new().with_method(FrustrationMethod::Heuristic));
        verify(&g, &h);
        prop_assert!(h.lower_bound <= optimum && optimum <= h.value);
        // No search: the bounds alone, and a balanced graph has none.
        prop_assert_eq!(optimum == 0.0, g.balance().is_balanced());
    }

    /// The same graph with its nodes renamed and edges shuffled has the
    /// same index.
    #[test]
    fn the_index_ignores_order((n, edges) in common::signed_plan(2..=11, usize::MAX), seed in any::<u64>()) {
        let g = common::signed_graph(n, &edges);
        let mut perm: Vec<usize> = (0..n).collect();
        common::shuffle(&mut perm, seed);
        let mut moved: Vec<(usize, usize, bool)> =
            edges.iter().map(|&(a, b, x)| (perm[b], perm[a], x)).collect();
        moved.reverse();
        let h = common::signed_graph(n, &moved);
        prop_assert_eq!(g.frustration(&exact()).value, h.frustration(&exact()).value);
    }
}

/// Graphs the reductions work on: a small skeleton multigraph whose edges
/// are paths of one to three edges (degree-two chains, parallel paths with
/// equal or opposite signs), with pendant nodes hanging off it.
fn chains() -> impl Strategy<Value = (usize, Vec<(usize, usize, bool)>)> {
    (
        3usize..=4,
        proptest::collection::vec((0usize..4, 0usize..4, 1usize..=3, any::<u8>()), 1..=6),
        proptest::collection::vec((0usize..4, any::<bool>()), 0..3),
    )
        .prop_map(|(skeleton, paths, pendants)| {
            let mut n = skeleton;
            let mut edges: Vec<(usize, usize, bool)> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for (a, b, length, signs) in paths {
                let (a, b) = (a % skeleton, b % skeleton);
                let mut at = a;
                for step in 0..length {
                    let next = if step + 1 == length && a != b { b } else { n };
                    if next == n {
                        n += 1;
                    }
                    if at != next && seen.insert((at.min(next), at.max(next))) {
                        edges.push((at, next, signs >> step & 1 == 1));
                    }
                    at = next;
                }
            }
            for (v, sign) in pendants {
                edges.push((v % skeleton, n, sign));
                n += 1;
            }
            (n, edges)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn reductions_keep_the_index_exact((n, edges) in chains()) {
        let g = common::signed_graph(n, &edges);
        let f = g.frustration(&exact());
        verify(&g, &f);
        prop_assert!(f.exact);
        prop_assert_eq!(f.value, brute_force(&g));
    }
}

#[test]
fn a_time_limit_too_far_away_is_no_limit() {
    // `Instant::now() + 1e19 s` overflows; the search must treat it as no limit.
    let g = SignedGraph::from_edges(
        ["a", "b", "c"].map(String::from).to_vec(),
        &[(0, 1, 1), (1, 2, -1), (0, 2, 1)],
    )
    .unwrap();
    let f = g
        .frustration(&FrustrationOptions::default().with_time_limit(Duration::from_secs_f64(1e19)));
    assert_eq!((f.value, f.exact), (1.0, true));
}
