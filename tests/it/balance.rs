//! Structural balance: the strict test with its witness, and the triangle census.

use crate::common;
use common::tribes;
use proptest::prelude::*;
use stancegraph::balance::{Balance, SignedGraph};

/// Checks a balance result by its structure: camps respect every edge, or the
/// cycle is a real cycle with an odd number of negative edges.
fn verify(g: &SignedGraph, balance: &Balance) {
    match balance {
        Balance::Balanced { first, second } => {
            assert_eq!(first.len() + second.len(), g.nodes().len());
            let in_first = |v: usize| first.contains(&v);
            for e in g.edges() {
                let same = in_first(e.a) == in_first(e.b);
                assert_eq!(same, e.sign > 0, "edge {} -- {}", e.a, e.b);
            }
        }
        Balance::Unbalanced { cycle, edges } => {
            assert_eq!(cycle.len(), edges.len());
            for (i, &e) in edges.iter().enumerate() {
                let (x, y) = (cycle[i], cycle[(i + 1) % cycle.len()]);
                let edge = g.edges()[e];
                assert!(
                    (edge.a, edge.b) == (x, y) || (edge.a, edge.b) == (y, x),
                    "edge {e} does not join {x} and {y}"
                );
            }
            let mut seen = cycle.clone();
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), cycle.len(), "a simple cycle");
            let negatives = edges.iter().filter(|&&e| g.edges()[e].sign < 0).count();
            assert_eq!(negatives % 2, 1, "an odd number of negative edges");
        }
    }
}

#[test]
fn highland_tribes_match_the_published_triangle_balance() {
    let g = tribes();
    assert_eq!((g.nodes().len(), g.edges().len()), (16, 58));
    let t = g.triangles();
    assert_eq!(t.total(), 68);
    assert_eq!(t.ppp + t.pnn, 59);
    assert!((t.balance_ratio() - 0.8676471).abs() < 1e-7);
    assert_eq!(t.unbalanced.len(), 9);
    let balance = g.balance();
    assert!(!balance.is_balanced());
    verify(&g, &balance);
}

#[test]
fn periods_split_an_edge_list_and_bad_rows_are_named() {
    let graphs = SignedGraph::read_edges(
        "period,source,target,sign\n46-49,A,B,1\n50-53,A,B,-1\n46-49,B,C,-1\n",
        "cow.csv",
    )
    .unwrap();
    assert_eq!(
        graphs
            .iter()
            .map(|g| g.period().unwrap())
            .collect::<Vec<_>>(),
        ["46-49", "50-53"]
    );
    assert_eq!(graphs[0].edges().len(), 2);
    let err = SignedGraph::read_edges(
        "source,target,sign,weight\nA,B,1,0\nB,A,1,-2\nC,C,1,\nD,E,x,1\n",
        "e.csv",
    )
    .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("e.csv:2: rows[1], field `weight`: not a positive finite number"),
        "{text}"
    );
    assert!(
        text.contains("e.csv:3: rows[2], field `weight`: a negative weight on a positive tie"),
        "{text}"
    );
    assert!(
        text.contains("e.csv:4: rows[3], field `target`: a node tied to itself"),
        "{text}"
    );
    assert!(
        text.contains("e.csv:5: rows[4], field `sign`: not a non-zero number"),
        "{text}"
    );
}

fn by_principal(s: &stancegraph::Scenario) -> stancegraph::StanceGraph<'_> {
    stancegraph::StanceGraph::with_options(
        s,
        stancegraph::stance::GraphOptions::default()
            .with_attribution(stancegraph::stance::Attribution::Principal),
    )
}

#[test]
fn the_founding_scenarios_actor_network_is_not_balanced() {
    let s = common::founding();
    let graph = by_principal(&s);
    let g = SignedGraph::from_actor_ties(&graph);
    let balance = g.balance();
    verify(&g, &balance);
    // NATO and Russia are at odds while actors such as the US are on good
    // terms with both: no split into two camps respects every tie, and the
    // witness cycle runs through that one hostile tie.
    let Balance::Unbalanced { cycle, .. } = &balance else {
        panic!("the founding actor network is balanced: {balance:?}");
    };
    let names: Vec<&str> = cycle.iter().map(|&v| g.nodes()[v].as_str()).collect();
    assert!(
        names.contains(&"nato") && names.contains(&"russia"),
        "{names:?}"
    );
}

/// The founding tension as structural balance: in the graph of actors and
/// issues, the US (member of NATO, backing the freeze through Kellogg and
/// Trump), the freeze (which excludes Ukraine's membership) and NATO (backing
/// the membership through Rutte) close an unbalanced cycle, and the evidence
/// of each of its ties names those positions and that relation.
#[test]
fn the_founding_tension_is_an_unbalanced_cycle_with_its_evidence() {
    use stancegraph::balance::{FrustrationOptions, NodeOrigin};
    let s = common::founding();
    let graph = by_principal(&s);
    let g = SignedGraph::from_actors_and_issues(&graph);
    assert_eq!(g.nodes().len(), s.actors().len() + s.issues().len());
    assert_eq!(
        g.origin(0),
        Some(NodeOrigin::Actor(s.actor_id("us").unwrap()))
    );
    let balance = g.balance();
    verify(&g, &balance);
    let f = g.frustration(&FrustrationOptions::new());
    assert_eq!((f.value, f.lower_bound), (1.0, 1.0));
    let tensions = f.tensions(&g);
    assert_eq!(tensions.len(), 1);
    let mut names: Vec<&str> = tensions[0]
        .nodes
        .iter()
        .map(|&v| g.nodes()[v].as_str())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["freeze-expansion", "nato", "ukraine-joins-nato", "us"]
    );
    // The cycle's evidence: both US positions, the relation, Rutte's red
    // line and the membership.
    let mut positions = Vec::new();
    let (mut relations, mut memberships) = (0, 0);
    for &e in &tensions[0].edges {
        let ev = g.evidence(e).unwrap();
        positions.extend(ev.positions.iter().map(|&p| s.position(p).key().to_owned()));
        relations += ev.relations.len();
        memberships += usize::from(ev.membership);
    }
    positions.sort_unstable();
    assert_eq!(
        positions,
        ["kellogg-freeze", "rutte-ukraine-nato", "trump-freeze"]
    );
    assert_eq!((relations, memberships), (1, 1));
    // By speaker, the cycle runs through Kellogg (or Trump) and Rutte instead,
    // and is still there.
    let by_speaker = stancegraph::StanceGraph::new(&s);
    let g = SignedGraph::from_actors_and_issues(&by_speaker);
    assert_eq!(g.frustration(&FrustrationOptions::new()).value, 1.0);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn balance_agrees_with_brute_force(plan in common::signed_plan(2..=8, 20)) {
        let g = common::signed_graph(plan.0, &plan.1);
        let balance = g.balance();
        verify(&g, &balance);
        // Brute force: is there a two-colouring respecting every edge?
        let n = g.nodes().len();
        let exists = (0u32..1 << n.min(20)).any(|mask| {
            g.edges().iter().all(|e| ((mask >> e.a) & 1 == (mask >> e.b) & 1) == (e.sign > 0))
        });
        prop_assert_eq!(balance.is_balanced(), exists);
    }

    #[test]
    fn the_triangle_census_matches_brute_force(plan in common::signed_plan(2..=8, 20)) {
        let g = common::signed_graph(plan.0, &plan.1);
        let n = g.nodes().len();
        let mut sign = std::collections::HashMap::new();
        for e in g.edges() {
            sign.insert((e.a.min(e.b), e.a.max(e.b)), e.sign);
        }
        let mut counts = [0usize; 4];
        for a in 0..n {
            for b in a + 1..n {
                for c in b + 1..n {
                    if let (Some(x), Some(y), Some(z)) = (sign.get(&(a, b)), sign.get(&(a, c)), sign.get(&(b, c))) {
                        counts[[x, y, z].iter().filter(|s| ***s < 0).count()] += 1;
                    }
                }
            }
        }
        let t = g.triangles();
        prop_assert_eq!([t.ppp, t.ppn, t.pnn, t.nnn], counts);
        prop_assert_eq!(t.unbalanced.len(), counts[1] + counts[3]);
    }
}

fn verify_weak(g: &SignedGraph, weak: &stancegraph::balance::WeakBalance) {
    match weak {
        stancegraph::balance::WeakBalance::Balanced { camps } => {
            let mut camp_of = vec![usize::MAX; g.nodes().len()];
            for (c, members) in camps.iter().enumerate() {
                for &v in members {
                    camp_of[v] = c;
                }
            }
            assert!(camp_of.iter().all(|&c| c != usize::MAX));
            for e in g.edges() {
                assert_eq!(camp_of[e.a] == camp_of[e.b], e.sign > 0);
            }
        }
        stancegraph::balance::WeakBalance::Unbalanced {
            negative,
            path,
            edges,
        } => {
            let neg = g.edges()[*negative];
            assert!(neg.sign < 0);
            assert_eq!(path.len(), edges.len() + 1);
            assert_eq!(
                (
                    path[0].min(path[path.len() - 1]),
                    path[0].max(path[path.len() - 1])
                ),
                (neg.a.min(neg.b), neg.a.max(neg.b))
            );
            for (i, &e) in edges.iter().enumerate() {
                let edge = g.edges()[e];
                assert!(edge.sign > 0);
                let (x, y) = (path[i], path[i + 1]);
                assert!((edge.a, edge.b) == (x, y) || (edge.a, edge.b) == (y, x));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn weak_balance_is_proved_either_way(plan in common::signed_plan(2..=8, 20)) {
        let g = common::signed_graph(plan.0, &plan.1);
        let weak = g.weak_balance();
        verify_weak(&g, &weak);
        // Strict balance implies weak balance.
        if g.balance().is_balanced() {
            prop_assert!(weak.is_balanced());
        }
    }
}

#[test]
fn highland_tribes_are_not_weakly_balanced_either() {
    let g = tribes();
    let weak = g.weak_balance();
    assert!(!weak.is_balanced());
    verify_weak(&g, &weak);
}

#[test]
fn highland_tribes_walk_balance_matches_the_published_figure() {
    assert!(
        (tribes().walk_balance() - 0.3575761).abs() < 1e-7,
        "{}",
        tribes().walk_balance()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn walk_balance_is_one_exactly_for_balanced_graphs(plan in common::signed_plan(2..=8, 20)) {
        let g = common::signed_graph(plan.0, &plan.1);
        let w = g.walk_balance();
        prop_assert!(w > 0.0 && w <= 1.0 + 1e-9, "{w}");
        if g.balance().is_balanced() {
            prop_assert!((w - 1.0).abs() < 1e-9, "{w}");
        }
    }
}

#[test]
fn a_tie_given_twice_is_one_edge_with_both_weights() {
    let g = &SignedGraph::read_edges(
        "source,target,sign,weight\nA,B,1,2\nB,A,1,3\nB,C,-1,1\n",
        "e.csv",
    )
    .unwrap()[0];
    assert_eq!(g.edges().len(), 2);
    assert_eq!(g.edges()[0].weight, 5.0);
}
