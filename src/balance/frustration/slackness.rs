//! Stage 2c on a gap the packing leaves: one more unit of the lower bound
//! by complementary slackness.
//!
//! Let the routed packing of `reroute` have value `P`, each edge `e`
//! carrying `load(e) ≤ w(e)` of it. For any camps frustrating the edge set
//! `F`, every packed cycle meets `F`, so `Σ_{e∈F} load(e) ≥ P` and
//!
//! `cost(F) = Σ_{e∈F} w(e) ≥ P + Σ_{e∈F} (w(e) − load(e))`.
//!
//! Call an edge *spare* when `load(e) < w(e)` (weights and loads are whole
//! units, so a spare edge adds at least one). Camps that frustrate a spare
//! edge cost at least `P + 1`; camps that frustrate none keep every spare
//! edge in place, so they are the camps of the graph with its spare edges
//! contracted (a union–find with parities; an unbalanced cycle of spare
//! edges means there are none). That graph is usually far smaller (on
//! Wikipedia's block of 97,528 edges, 48,266 spare edges leave 129 nodes and
//! 3,550 edges) and is solved by the whole solver, its lower bound `Q` with
//! the weight its contraction frustrates whatever the camps. So the index
//! is at least `min(Q, P + 1)`, and the contracted graph's camps, expanded,
//! are a candidate for the value. When the value is `P + 1`, `Q > P`
//! proves it optimal. Sources: LP duality's complementary slackness, used
//! as in reduced-cost fixing of integer programming.
//!
//! **Guarantee.** The bound holds for any positive integer weights and any
//! packing; the contracted graph is solved only when it has at most half the
//! edges, so the recursion ends.

use std::collections::BTreeMap;
use std::time::Instant;

use super::guided::Parity;
use super::reroute::Rerouted;
use super::weighted::WGraph;
use super::{FrustrationMethod, FrustrationOptions, solve_graph};
use crate::balance::SignedEdge;

/// What the contracted graph gives: a lower bound, and camps with their cost
/// when it had any.
pub(super) struct Closed {
    pub(super) lower: u64,
    pub(super) better: Option<(u64, Vec<bool>)>,
    pub(super) limit_reached: bool,
    pub(super) search_nodes: u64,
}

/// The bound `min(Q, P + 1)` of the module header for the packing
/// `routed`, solving the contracted graph exactly when `exact`; `None` when
/// the contraction leaves more than half the edges or the deadline has
/// passed.
pub(super) fn close(
    graph: &WGraph<'_>,
    routed: &Rerouted,
    exact: bool,
    options: &FrustrationOptions,
    deadline: Option<Instant>,
) -> Option<Closed> {
    if deadline.is_some_and(|d| Instant::now() >= d) {
        return None;
    }
    let n = graph.n;
    let next = routed.lower.saturating_add(1);
    let mut sets = Parity::new(n);
    for (e, x) in graph.edges.iter().enumerate() {
        if routed.spare.get(e).copied().unwrap_or(false) && !sets.join(x.u, x.v, x.negative) {
            // An unbalanced cycle of spare edges: every camps frustrate
            // one of them.
            return Some(Closed {
                lower: next,
                better: None,
                limit_reached: false,
                search_nodes: 0,
            });
        }
    }
    let (count, place) = sets.places();
    // Edges between sets, merged per pair and sign; inside a set an edge
    // out of place is frustrated whatever the camps.
    let mut merged: BTreeMap<(usize, usize, bool), u64> = BTreeMap::new();
    let mut inside = 0u64;
    for x in graph.edges {
        let ((a, pa), (b, pb)) = (place[x.u], place[x.v]);
        let negative = x.negative ^ pa ^ pb;
        if a == b {
            if negative {
                inside += x.weight;
            }
        } else {
            *merged.entry((a.min(b), a.max(b), negative)).or_insert(0) += x.weight;
        }
    }
    if merged.len() * 2 > graph.edges.len() {
        return None;
    }
    let mut edges = Vec::with_capacity(merged.len());
    let mut units = Vec::with_capacity(merged.len());
    let mut adjacency: Vec<Vec<(usize, usize)>> = vec![Vec::new(); count];
    for (&(a, b, negative), &weight) in &merged {
        let id = edges.len();
        edges.push(SignedEdge {
            a,
            b,
            sign: if negative { -1 } else { 1 },
            weight: weight as f64,
        });
        units.push(weight);
        adjacency[a].push((b, id));
        adjacency[b].push((a, id));
    }
    for list in &mut adjacency {
        list.sort_unstable();
    }
    let mut sub = options.clone();
    sub.method = if exact {
        FrustrationMethod::Exact
    } else {
        FrustrationMethod::Heuristic
    };
    let solved = solve_graph(count, &edges, &adjacency, &units, &sub, deadline);
    let side: Vec<bool> = place.iter().map(|&(r, p)| solved.sides[r] ^ p).collect();
    let cost = graph.cost(&side);
    Some(Closed {
        lower: solved.lower.saturating_add(inside).min(next),
        better: Some((cost, side)),
        limit_reached: solved.limit_reached,
        search_nodes: solved.search_nodes,
    })
}

#[cfg(test)]
mod tests {
    use super::super::FrustrationOptions;
    use super::super::lp::tests::{brute_force, random_edges};
    use super::super::weighted::WGraph;
    use super::close;
    use crate::util::rng::SplitMix64;

    #[test]
    fn the_closed_bound_never_passes_the_optimum_and_its_camps_cost_what_they_say() {
        let mut rng = SplitMix64(2020);
        let options = FrustrationOptions::new();
        let mut closed_some = 0;
        for round in 0..300 {
            let n = 3 + round % 10;
            let m = n + rng.below(4 * n);
            let edges = random_edges(&mut rng, n, m);
            let graph = WGraph::new(n, &edges);
            let optimum = brute_force(&graph);
            let (side, _) = graph.local_search(4, &mut rng, None);
            let routed = graph.rerouted_packing(&side, 2, u64::MAX, None);
            assert!(routed.lower <= optimum, "round {round}");
            let Some(closed) = close(&graph, &routed, true, &options, None) else {
                continue;
            };
            // Solved exactly, the contracted graph proves at least the packing.
            assert!(
                routed.lower <= closed.lower && closed.lower <= optimum,
                "round {round}: {} ≤ {} ≤ {optimum}?",
                routed.lower,
                closed.lower
            );
            if let Some((cost, camps)) = closed.better {
                assert_eq!(cost, graph.cost(&camps), "round {round}");
                assert!(cost >= optimum, "round {round}");
            }
            closed_some += usize::from(closed.lower > routed.lower);
        }
        assert!(closed_some > 0, "the bound never gained");
    }
}
