//! Stage 2d of the frustration index: camps guided by the linear programme.
//!
//! The LP relaxation's fractional covering (the edges' dual prices in
//! `lp`) is zero on the edges that no optimal fractional solution needs to
//! frustrate; where the relaxation is tight (it meets the optimum on the
//! sparse networks of the literature), an optimal set of frustrated edges
//! lies among the priced ones. So the edges priced (near) zero are
//! contracted, cheapest first, as long as they do not close an unbalanced
//! cycle among themselves (a parity union–find), and the much smaller
//! contracted graph is solved by local search and a node-limited branch and
//! bound; its camps, expanded, are a candidate for the upper bound. A
//! heuristic only: it never affects the lower bound.

use std::time::Instant;

use super::exact::Search;
use super::weighted::{WEdge, WGraph};
use crate::util::rng::SplitMix64;

/// Prices below this count as zero.
const ZERO_PRICE: f64 = 1e-6;

/// Union–find with the parity of each node to its root.
pub(super) struct Parity {
    parent: Vec<usize>,
    /// Parity to the parent.
    odd: Vec<bool>,
}

impl Parity {
    pub(super) fn new(n: usize) -> Parity {
        Parity {
            parent: (0..n).collect(),
            odd: vec![false; n],
        }
    }

    /// The root of `x` and the parity of `x` to it.
    pub(super) fn find(&mut self, x: usize) -> (usize, bool) {
        let mut path = Vec::new();
        let mut at = x;
        while self.parent[at] != at {
            path.push(at);
            at = self.parent[at];
        }
        let root = at;
        // Compress: from the node nearest the root outwards.
        let mut acc = false;
        for &y in path.iter().rev() {
            acc ^= self.odd[y];
            self.odd[y] = acc;
            self.parent[y] = root;
        }
        (root, if path.is_empty() { false } else { self.odd[x] })
    }

    /// Joins `u` and `v` with the given parity; false if that contradicts
    /// what is already joined.
    pub(super) fn join(&mut self, u: usize, v: usize, odd: bool) -> bool {
        let (ru, pu) = self.find(u);
        let (rv, pv) = self.find(v);
        if ru == rv {
            return (pu ^ pv) == odd;
        }
        self.parent[rv] = ru;
        self.odd[rv] = pu ^ pv ^ odd;
        true
    }

    /// The sets numbered from 0 in the order of their first node: how many
    /// there are, and per node its set and its parity to the set's root.
    pub(super) fn places(&mut self) -> (usize, Vec<(usize, bool)>) {
        let n = self.parent.len();
        let mut index = vec![usize::MAX; n];
        let mut count = 0usize;
        let mut place = Vec::with_capacity(n);
        for v in 0..n {
            let (r, p) = self.find(v);
            if index[r] == usize::MAX {
                index[r] = count;
                count += 1;
            }
            place.push((index[r], p));
        }
        (count, place)
    }
}

/// Camps for `graph` from the LP prices, as the module header says; `None`
/// when nothing could be contracted or the deadline has passed (which also
/// cuts the search short).
pub(super) fn guided_sides(
    graph: &WGraph<'_>,
    price: &[f64],
    rounds: usize,
    seed: u64,
    node_budget: u64,
    deadline: Option<Instant>,
) -> Option<Vec<bool>> {
    if deadline.is_some_and(|d| Instant::now() >= d) {
        return None;
    }
    let n = graph.n;
    let mut order: Vec<usize> = (0..graph.edges.len())
        .filter(|&e| price.get(e).is_some_and(|&p| p < ZERO_PRICE))
        .collect();
    // Heaviest first: the surest to stay unfrustrated.
    order.sort_by_key(|&e| (std::cmp::Reverse(graph.edges[e].weight), e));
    let mut sets = Parity::new(n);
    let mut joined = 0usize;
    for &e in &order {
        let x = &graph.edges[e];
        if sets.join(x.u, x.v, x.negative) {
            joined += 1;
        }
    }
    if joined == 0 {
        return None;
    }
    // Number the roots; the contracted edges keep their signs seen from the roots.
    let (count, place) = sets.places();
    let edges: Vec<WEdge> = graph
        .edges
        .iter()
        .filter_map(|x| {
            let ((a, pa), (b, pb)) = (place[x.u], place[x.v]);
            (a != b).then_some(WEdge {
                u: a,
                v: b,
                negative: x.negative ^ pa ^ pb,
                weight: x.weight,
            })
        })
        .collect();
    let small = WGraph::new(count, &edges);
    let mut rng = SplitMix64(seed);
    let (side, _) = small.local_search(rounds, &mut rng, deadline);
    let upper = small.cost(&side);
    let mut search = Search::new(&small, side, upper, deadline).with_budget(node_budget);
    search.run();
    let best = search.best;
    Some(
        place
            .iter()
            .map(|&(r, p)| best.get(r).copied().unwrap_or(true) ^ p)
            .collect(),
    )
}
