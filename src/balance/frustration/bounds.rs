//! Stage 2b of the frustration index: the proven lower bound, a packing of
//! unbalanced cycles. With the best camps found, each frustrated edge is
//! closed into a cycle by a shortest path of unfrustrated edges, and cycles
//! sharing no edge (by capacity, for merged edges) each need a frustrated
//! edge of their own. The exact mode packs cycles of any length (shortest
//! first); the heuristic mode only cycles of at most five edges, which is
//! cheap on large graphs.

use std::collections::VecDeque;

use super::weighted::WGraph;

impl WGraph<'_> {
    /// A lower bound: a packing of unbalanced cycles sharing no edge
    /// capacity, each closing a frustrated edge of `side` by a path of
    /// unfrustrated edges. Only nodes with `within[v]` take part when given.
    /// `short_only` limits the cycles to five edges (cheap on large graphs;
    /// then `within` must be `None`).
    pub(super) fn packing(&self, side: &[bool], within: Option<&[bool]>, short_only: bool) -> u64 {
        let inside = |v: usize| within.is_none_or(|w| w[v]);
        let mut capacity: Vec<u64> = self.edges.iter().map(|e| e.weight).collect();
        let mut frustrated: Vec<usize> = (0..self.edges.len())
            .filter(|&e| {
                let x = &self.edges[e];
                inside(x.u) && inside(x.v) && self.frustrated(e, side)
            })
            .collect();
        let mut total = 0u64;
        if short_only {
            return self.short_packing(side, &mut capacity, &frustrated);
        }
        // Shortest cycles first: rounds of growing path length.
        let mut seen = vec![usize::MAX; self.n];
        let mut via: Vec<(usize, usize)> = vec![(usize::MAX, usize::MAX); self.n];
        let mut stamp = 0usize;
        let mut queue = VecDeque::new();
        let mut limit = 2usize;
        while !frustrated.is_empty() {
            let mut next_round = Vec::new();
            for &f in &frustrated {
                while capacity[f] > 0 {
                    let x = self.edges[f];
                    // Breadth-first search from x.u to x.v over unfrustrated edges.
                    stamp += 1;
                    seen[x.u] = stamp;
                    queue.clear();
                    queue.push_back((x.u, 0usize));
                    let mut found = false;
                    while let Some((a, depth)) = queue.pop_front() {
                        if depth >= limit {
                            break;
                        }
                        for &(b, e) in self.around(a) {
                            if seen[b] == stamp
                                || capacity[e] == 0
                                || !inside(b)
                                || self.frustrated(e, side)
                            {
                                continue;
                            }
                            seen[b] = stamp;
                            via[b] = (a, e);
                            if b == x.v {
                                found = true;
                                break;
                            }
                            queue.push_back((b, depth + 1));
                        }
                        if found {
                            break;
                        }
                    }
                    if !found {
                        break;
                    }
                    let mut delta = capacity[f];
                    let mut at = x.v;
                    while at != x.u {
                        let (p, e) = via[at];
                        delta = delta.min(capacity[e]);
                        at = p;
                    }
                    let mut at = x.v;
                    while at != x.u {
                        let (p, e) = via[at];
                        capacity[e] -= delta;
                        at = p;
                    }
                    capacity[f] -= delta;
                    total += delta;
                }
                if capacity[f] > 0 {
                    next_round.push(f);
                }
            }
            if limit >= self.n {
                break;
            }
            frustrated = next_round;
            limit = if limit < 4 { limit + 1 } else { self.n };
        }
        total
    }

    /// The packing of [`WGraph::packing`] restricted to cycles of at most
    /// five edges, found by meeting in the middle: the unfrustrated
    /// neighbourhood of one end (up to two steps) is marked, then the other
    /// end's is searched for a mark. A first pass takes triangles only, so
    /// that they get the capacity first. O(d²) per frustrated edge for
    /// average degree d.
    fn short_packing(&self, side: &[bool], capacity: &mut [u64], frustrated: &[usize]) -> u64 {
        // Capacity left on unfrustrated edges (frustrated ones count as closed).
        let mut open: Vec<u64> = capacity
            .iter()
            .enumerate()
            .map(|(e, &c)| if self.frustrated(e, side) { 0 } else { c })
            .collect();
        let mut mark = vec![0u32; self.n];
        // Per marked node: (parent node, edge) towards the marking end.
        let mut via: Vec<(usize, usize)> = vec![(0, 0); self.n];
        let mut stamp = 0u32;
        let mut total = 0u64;
        let (mut layer, mut next, mut path) = (Vec::new(), Vec::new(), Vec::new());
        for depth in [1usize, 2] {
            for &f in frustrated {
                if capacity[f] == 0 {
                    continue;
                }
                let x = self.edges[f];
                let (u, v) = (x.u, x.v);
                stamp = stamp.wrapping_add(1);
                if stamp == 0 {
                    mark.fill(0);
                    stamp = 1;
                }
                // Mark up to `depth` steps from v, never through u.
                layer.clear();
                layer.push(v);
                mark[v] = stamp;
                for _ in 0..depth {
                    next.clear();
                    for &a in &layer {
                        for &(b, e) in self.around(a) {
                            if b != u && mark[b] != stamp && open[e] > 0 {
                                mark[b] = stamp;
                                via[b] = (a, e);
                                next.push(b);
                            }
                        }
                    }
                    std::mem::swap(&mut layer, &mut next);
                }
                // Search up to `depth` steps from u for a marked node; u's
                // own neighbours first (shorter cycles).
                let mut meet = None;
                'search: for hop in 0..depth {
                    for &(a, e1) in self.around(u) {
                        if a == v || open[e1] == 0 {
                            continue;
                        }
                        if hop == 0 {
                            if mark[a] == stamp {
                                meet = Some((a, None, e1));
                                break 'search;
                            }
                            continue;
                        }
                        if mark[a] == stamp {
                            continue;
                        }
                        for &(b, e2) in self.around(a) {
                            if b != u && b != v && open[e2] > 0 && mark[b] == stamp {
                                meet = Some((b, Some((a, e2)), e1));
                                break 'search;
                            }
                        }
                    }
                }
                let Some((z, middle, first)) = meet else {
                    continue;
                };
                // The cycle: u –first– (a –e2–) z, then z … v by the marks, then f.
                path.clear();
                path.push(first);
                if let Some((_, e2)) = middle {
                    path.push(e2);
                }
                let mut at = z;
                while at != v {
                    let (p, e) = via[at];
                    path.push(e);
                    at = p;
                }
                let delta = path.iter().map(|&e| open[e]).fold(capacity[f], u64::min);
                for &e in &path {
                    open[e] -= delta;
                    capacity[e] -= delta;
                }
                capacity[f] -= delta;
                total += delta;
            }
        }
        total
    }
}
