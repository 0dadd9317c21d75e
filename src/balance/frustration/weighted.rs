//! The weighted signed graph of a reduced block, in compressed adjacency
//! form, that the local search, the lower bound and the exact search work
//! on: which edges camps frustrate, what they cost, and what moving a node
//! to the other camp saves.

/// An edge of a reduced block: ends, whether negative, weight.
#[derive(Clone, Copy, Debug)]
pub(super) struct WEdge {
    pub(super) u: usize,
    pub(super) v: usize,
    pub(super) negative: bool,
    pub(super) weight: u64,
}

/// A weighted signed graph in compressed adjacency form.
pub(super) struct WGraph<'a> {
    pub(super) n: usize,
    pub(super) edges: &'a [WEdge],
    start: Vec<usize>,
    /// (neighbour, edge) pairs, grouped by node.
    list: Vec<(usize, usize)>,
}

impl<'a> WGraph<'a> {
    pub(super) fn new(n: usize, edges: &'a [WEdge]) -> WGraph<'a> {
        let mut degree = vec![0usize; n + 1];
        for e in edges {
            degree[e.u] += 1;
            degree[e.v] += 1;
        }
        let mut start = vec![0usize; n + 1];
        for v in 0..n {
            start[v + 1] = start[v] + degree[v];
        }
        let mut fill = start.clone();
        let mut list = vec![(0, 0); start[n]];
        for (i, e) in edges.iter().enumerate() {
            list[fill[e.u]] = (e.v, i);
            fill[e.u] += 1;
            list[fill[e.v]] = (e.u, i);
            fill[e.v] += 1;
        }
        WGraph {
            n,
            edges,
            start,
            list,
        }
    }

    pub(super) fn around(&self, v: usize) -> &[(usize, usize)] {
        &self.list[self.start[v]..self.start[v + 1]]
    }

    pub(super) fn frustrated(&self, e: usize, side: &[bool]) -> bool {
        let e = &self.edges[e];
        (side[e.u] == side[e.v]) == e.negative
    }

    pub(super) fn cost(&self, side: &[bool]) -> u64 {
        (0..self.edges.len())
            .filter(|&e| self.frustrated(e, side))
            .map(|e| self.edges[e].weight)
            .sum()
    }

    /// What moving `v` to the other camp saves.
    pub(super) fn gain(&self, v: usize, side: &[bool]) -> i64 {
        self.gain_within(v, side, None)
    }

    /// What moving `v` saves on its edges to the nodes in `within` (all
    /// nodes when none).
    pub(super) fn gain_within(&self, v: usize, side: &[bool], within: Option<&[bool]>) -> i64 {
        self.around(v)
            .iter()
            .filter(|&&(u, _)| within.is_none_or(|w| w[u]))
            .map(|&(_, e)| {
                let w = self.edges[e].weight as i64;
                if self.frustrated(e, side) { w } else { -w }
            })
            .sum()
    }
}
