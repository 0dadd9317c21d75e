//! Stage 2c of the frustration index: the linear-programming lower bound.
//!
//! A set of edges whose removal balances a signed graph must meet every
//! unbalanced cycle, so the frustration index is a minimum-weight covering
//! of unbalanced cycles by edges. Its linear relaxation (the cycle-covering,
//! or odd-cycle, relaxation of the max-cut view: `x ≥ 0`, `x(C) ≥ 1` for
//! every unbalanced cycle `C`, minimise `w·x`) has as dual the *fractional*
//! packing of unbalanced cycles: `y ≥ 0` per cycle, the cycles through an
//! edge adding up to at most its weight. Any feasible fractional packing is
//! a lower bound on the index, rounded up because weights are integers; it
//! is much stronger than the greedy integral packing of `bounds`, and on the
//! sparse gene-regulatory networks it meets the optimum.
//!
//! The packing LP is solved by the revised primal simplex method with
//! column generation (Dantzig–Wolfe style): the rows are the edges, the
//! columns the cycles found so far, the basis inverse is kept dense and
//! updated per pivot (a pivot touches only the rows its column reaches, so
//! it costs the column's reach times the edge count). The pricing problem,
//! a cycle whose edges' dual prices add up to less than one, is a shortest
//! path from `v+` to `v−` in the signed double cover (node `v` in two
//! copies, a negative edge crossing between them): such a path is an
//! unbalanced closed walk through `v`, and an unbalanced simple cycle is cut
//! out of it. Weights are perturbed by less than a millionth against
//! degeneracy. Sources: Dantzig and Wolfe's decomposition, the
//! Barahona–Mahjoub separation of cycle inequalities by shortest paths in
//! the double cover.
//!
//! **Guarantee.** Whatever the floating-point drift of the simplex, the bound
//! reported is recomputed from the cycles' values alone: negative values are
//! dropped, every edge's load is summed from scratch and the packing is
//! scaled down until no edge is over its weight; the bound is the rounded-up
//! total less a safety margin far above the rounding error. The deadline and
//! an iteration cap stop the method early with a valid, weaker bound. The
//! dense basis inverse takes 8·m² bytes, so the method runs on graphs of at
//! most [`LP_EDGE_LIMIT`] edges; `tight` solves larger ones with an inverse
//! over the tight edges only, sharing the pricing and the certificate.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::Instant;

use super::weighted::WGraph;

/// The largest graph, in edges, given to the simplex (its dense basis
/// inverse then takes 8 · 2,500² bytes = 50 MB).
pub(super) const LP_EDGE_LIMIT: usize = 2_500;

/// Pivots at most, per edge of the graph (a cap against stalling).
const PIVOTS_PER_EDGE: usize = 40;

/// What the linear programme gives: a proven lower bound and the dual
/// prices of the edges (the relaxation's fractional covering, which points
/// at the edges an optimal solution frustrates).
pub(super) struct LpBound {
    /// A proven lower bound on the frustration index of the graph.
    pub(super) lower: u64,
    /// Per edge, its value in the fractional covering (0 = never needed).
    pub(super) price: Vec<f64>,
}

/// A basic variable: the slack of an edge row or a cycle column.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Basic {
    Slack(usize),
    Cycle(usize),
}

/// The revised simplex on the packing LP `max Σ y` subject to
/// `Σ_{C ∋ e} y_C + s_e = w_e`.
struct Simplex {
    m: usize,
    /// Dense basis inverse, row-major, m × m.
    inverse: Vec<f64>,
    basic: Vec<Basic>,
    /// Values of the basic variables, per row.
    value: Vec<f64>,
    /// Dual prices of the rows (the covering's x).
    price: Vec<f64>,
    /// The cycle columns seen, as edge lists.
    cycles: Vec<Vec<usize>>,
    pivots: usize,
}

const PIVOT_TOLERANCE: f64 = 1e-9;
const PRICE_TOLERANCE: f64 = 1e-9;

impl Simplex {
    fn new(weights: &[f64]) -> Simplex {
        let m = weights.len();
        let mut inverse = vec![0.0; m * m];
        for i in 0..m {
            inverse[i * m + i] = 1.0;
        }
        Simplex {
            m,
            inverse,
            basic: (0..m).map(Basic::Slack).collect(),
            value: weights.to_vec(),
            price: vec![0.0; m],
            cycles: Vec::new(),
            pivots: 0,
        }
    }

    /// The column's reduced profit: 1 − its edges' prices.
    fn reduced(&self, cycle: &[usize]) -> f64 {
        1.0 - cycle.iter().map(|&e| self.price[e]).sum::<f64>()
    }

    /// Brings a column into the basis (a cycle's edge list, or an edge's
    /// slack as `Err(e)`), with `profit` its reduced profit (> 0). Returns
    /// false when the column is unbounded or degenerate to the tolerance.
    fn pivot(&mut self, column: Result<&[usize], usize>, profit: f64) -> bool {
        let m = self.m;
        // d = B⁻¹ a.
        let mut d = vec![0.0; m];
        match column {
            Ok(cycle) => {
                for &e in cycle {
                    for (i, di) in d.iter_mut().enumerate() {
                        *di += self.inverse[i * m + e];
                    }
                }
            }
            Err(e) => {
                for (i, di) in d.iter_mut().enumerate() {
                    *di = self.inverse[i * m + e];
                }
            }
        }
        // Ratio test; ties go to the lowest row.
        let mut leave: Option<(f64, usize)> = None;
        for (i, &di) in d.iter().enumerate() {
            if di > PIVOT_TOLERANCE {
                let ratio = self.value[i].max(0.0) / di;
                if leave.is_none_or(|(best, _)| ratio < best) {
                    leave = Some((ratio, i));
                }
            }
        }
        let Some((theta, r)) = leave else {
            return false;
        };
        let dr = d[r];
        // Prices: π += profit / d_r · (row r of B⁻¹).
        let step = profit / dr;
        let row_r: Vec<f64> = self.inverse[r * m..(r + 1) * m].to_vec();
        for (p, &b) in self.price.iter_mut().zip(&row_r) {
            *p += step * b;
        }
        // Values and inverse.
        for (i, &di) in d.iter().enumerate() {
            if i != r && di != 0.0 {
                self.value[i] -= theta * di;
                let row = &mut self.inverse[i * m..(i + 1) * m];
                let f = di / dr;
                for (x, &b) in row.iter_mut().zip(&row_r) {
                    *x -= f * b;
                }
            }
        }
        self.value[r] = theta;
        for x in &mut self.inverse[r * m..(r + 1) * m] {
            *x /= dr;
        }
        self.basic[r] = match column {
            Ok(cycle) => {
                self.cycles.push(cycle.to_vec());
                Basic::Cycle(self.cycles.len() - 1)
            }
            Err(e) => Basic::Slack(e),
        };
        self.pivots += 1;
        true
    }
}

/// Shortest unbalanced cycles under the current prices, by Dijkstra's
/// algorithm in the signed double cover, with buffers reused between
/// searches.
pub(super) struct Pricer {
    dist: Vec<f64>,
    stamp: Vec<u32>,
    done: Vec<u32>,
    via: Vec<(usize, usize)>,
    round: u32,
    heap: BinaryHeap<Reverse<(u64, usize)>>,
    /// Added to every edge's price in the search, so that among cycles of
    /// (nearly) equal price the one with fewer edges is found.
    hop: f64,
}

impl Pricer {
    pub(super) fn new(n: usize) -> Pricer {
        Pricer {
            dist: vec![0.0; 2 * n],
            stamp: vec![0; 2 * n],
            done: vec![0; 2 * n],
            via: vec![(0, 0); 2 * n],
            round: 0,
            heap: BinaryHeap::new(),
            hop: 0.0,
        }
    }

    /// Sets the cost added per edge in the search (see `hop`).
    pub(super) fn with_hop_cost(mut self, hop: f64) -> Pricer {
        self.hop = hop;
        self
    }

    /// An unbalanced simple cycle through (or near) `v` whose prices add up
    /// to less than `cutoff`, as an edge list; none if there is none.
    pub(super) fn cycle(
        &mut self,
        graph: &WGraph<'_>,
        price: &[f64],
        v: usize,
        cutoff: f64,
    ) -> Option<Vec<usize>> {
        self.round = self.round.wrapping_add(1);
        if self.round == 0 {
            self.stamp.fill(0);
            self.done.fill(0);
            self.round = 1;
        }
        let round = self.round;
        let (start, goal) = (2 * v, 2 * v + 1);
        self.heap.clear();
        self.stamp[start] = round;
        self.dist[start] = 0.0;
        self.heap.push(Reverse((0f64.to_bits(), start)));
        let mut found = false;
        while let Some(Reverse((bits, x))) = self.heap.pop() {
            let dx = f64::from_bits(bits);
            if self.done[x] == round || dx > self.dist[x] {
                continue;
            }
            if dx >= cutoff {
                break;
            }
            if x == goal {
                found = true;
                break;
            }
            self.done[x] = round;
            let (a, parity) = (x / 2, x % 2);
            for &(b, e) in graph.around(a) {
                let y = 2 * b + (parity ^ usize::from(graph.edges[e].negative));
                let dy = dx + price[e].max(0.0) + self.hop;
                if self.done[y] != round && (self.stamp[y] != round || dy < self.dist[y]) {
                    self.stamp[y] = round;
                    self.dist[y] = dy;
                    self.via[y] = (x, e);
                    self.heap.push(Reverse((dy.to_bits(), y)));
                }
            }
        }
        if !found {
            return None;
        }
        // The closed walk, as (node, edge to the next node) steps.
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        let mut at = goal;
        while at != start {
            let (p, e) = self.via[at];
            nodes.push(p / 2);
            edges.push(e);
            at = p;
        }
        nodes.reverse();
        edges.reverse();
        Some(odd_cycle(graph, &nodes, &edges))
    }
}

/// Cuts an unbalanced simple cycle out of an unbalanced closed walk: the
/// walk's step i leaves node `nodes[i]` by edge `edges[i]` (to
/// `nodes[i + 1]`, the last step back to `nodes[0]`). A repeated node splits
/// the walk into two closed walks, one of which is unbalanced: keep it.
fn odd_cycle(graph: &WGraph<'_>, nodes: &[usize], edges: &[usize]) -> Vec<usize> {
    let mut nodes = nodes.to_vec();
    let mut edges = edges.to_vec();
    loop {
        let len = nodes.len();
        let mut first: Vec<(usize, usize)> = nodes.iter().copied().zip(0..len).collect();
        first.sort_unstable();
        let repeat = first
            .windows(2)
            .find(|w| w[0].0 == w[1].0)
            .map(|w| (w[0].1.min(w[1].1), w[0].1.max(w[1].1)));
        let Some((i, j)) = repeat else {
            return edges;
        };
        // Inner walk: steps i..j; outer: the rest.
        let inner_odd = edges[i..j]
            .iter()
            .filter(|&&e| graph.edges[e].negative)
            .count()
            % 2
            == 1;
        if inner_odd {
            nodes = nodes[i..j].to_vec();
            edges = edges[i..j].to_vec();
        } else {
            nodes.drain(i..j);
            edges.drain(i..j);
        }
    }
}

/// The LP bound of `graph`: a fractional packing of unbalanced cycles by
/// the simplex method with column generation, certified as the module
/// header says. `None` when the graph is larger than [`LP_EDGE_LIMIT`].
pub(super) fn lp_bound(graph: &WGraph<'_>, deadline: Option<Instant>) -> Option<LpBound> {
    let m = graph.edges.len();
    if m > LP_EDGE_LIMIT || m == 0 {
        return None;
    }
    let weights = jittered_weights(graph);
    let mut simplex = Simplex::new(&weights);
    let mut pricer = Pricer::new(graph.n);
    let max_pivots = PIVOTS_PER_EDGE * m + 1_000;
    'rounds: loop {
        let mut entered = false;
        // Slacks with a negative price re-enter.
        for e in 0..m {
            if simplex.price[e] < -PRICE_TOLERANCE {
                let profit = -simplex.price[e];
                if simplex.pivot(Err(e), profit) {
                    entered = true;
                }
            }
        }
        for v in 0..graph.n {
            if simplex.pivots >= max_pivots {
                break 'rounds;
            }
            if v % 64 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                break 'rounds;
            }
            // Each source may give several cycles while their profit lasts.
            for _ in 0..4 {
                let Some(cycle) = pricer.cycle(graph, &simplex.price, v, 1.0 - PRICE_TOLERANCE)
                else {
                    break;
                };
                let profit = simplex.reduced(&cycle);
                if profit <= PRICE_TOLERANCE || !simplex.pivot(Ok(&cycle), profit) {
                    break;
                }
                entered = true;
            }
        }
        if !entered {
            break;
        }
    }
    let packing = simplex
        .basic
        .iter()
        .zip(&simplex.value)
        .filter_map(|(basic, &y)| match *basic {
            Basic::Cycle(c) => Some((simplex.cycles[c].as_slice(), y)),
            Basic::Slack(_) => None,
        });
    let lower = certify(graph, packing);
    let price = simplex.price.iter().map(|&p| p.clamp(0.0, 1.0)).collect();
    Some(LpBound { lower, price })
}

/// The edges' weights lowered by less than a millionth (deterministically)
/// so that few pivots are degenerate.
pub(super) fn jittered_weights(graph: &WGraph<'_>) -> Vec<f64> {
    graph
        .edges
        .iter()
        .enumerate()
        .map(|(e, x)| {
            let jitter =
                ((e as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 44) as f64 / (1u64 << 20) as f64;
            x.weight as f64 * (1.0 - 1e-7 * (1.0 + jitter))
        })
        .collect()
}

/// The proven bound of a fractional packing of unbalanced cycles, given as
/// (cycle, value) pairs: negative or non-finite values dropped, every
/// edge's load summed from scratch, the packing scaled down until no edge
/// carries more than its weight, the total rounded up after a safety margin.
pub(super) fn certify<'c>(
    graph: &WGraph<'_>,
    packing: impl IntoIterator<Item = (&'c [usize], f64)>,
) -> u64 {
    let mut load = vec![0.0f64; graph.edges.len()];
    let mut total = 0.0f64;
    for (cycle, y) in packing {
        if y.is_finite() && y > 0.0 {
            total += y;
            for &e in cycle {
                load[e] += y;
            }
        }
    }
    let over = graph
        .edges
        .iter()
        .zip(&load)
        .map(|(x, &l)| l / x.weight as f64)
        .fold(1.0f64, f64::max);
    let bound = total / over;
    // Relative rounding error of the sums is below 1e-12; keep far clear.
    let safe = bound - 1e-7 * bound.max(1.0);
    if safe.is_finite() && safe > 0.0 {
        safe.ceil() as u64
    } else {
        0
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::exact::Search;
    use super::super::guided::guided_sides;
    use super::super::weighted::{WEdge, WGraph};
    use super::lp_bound;
    use crate::util::rng::SplitMix64;

    /// Random weighted signed multigraphs: parallel edges of both signs,
    /// weights up to a million.
    pub(in super::super) fn random_edges(rng: &mut SplitMix64, n: usize, m: usize) -> Vec<WEdge> {
        (0..m)
            .filter_map(|_| {
                let (u, v) = (rng.below(n), rng.below(n));
                (u != v).then(|| WEdge {
                    u,
                    v,
                    negative: rng.next().is_multiple_of(3),
                    weight: 1 + rng.next()
                        % if rng.next().is_multiple_of(2) {
                            5
                        } else {
                            1_000_000
                        },
                })
            })
            .collect()
    }

    pub(in super::super) fn brute_force(graph: &WGraph<'_>) -> u64 {
        (0..1u32 << (graph.n - 1))
            .map(|mask| {
                let side: Vec<bool> = (0..graph.n).map(|v| mask >> v & 1 == 1).collect();
                graph.cost(&side)
            })
            .min()
            .unwrap_or(0)
    }

    #[test]
    fn the_lp_bound_is_never_above_the_optimum_and_the_floor_stops_the_search_at_it() {
        let mut rng = SplitMix64(16);
        for round in 0..300 {
            let n = 3 + round % 9;
            let m = n + rng.below(3 * n);
            let edges = random_edges(&mut rng, n, m);
            let graph = WGraph::new(n, &edges);
            let optimum = brute_force(&graph);
            let Some(lp) = lp_bound(&graph, None) else {
                assert!(edges.is_empty());
                continue;
            };
            assert!(
                lp.lower <= optimum,
                "round {round}: bound {} > optimum {optimum}",
                lp.lower
            );
            assert_eq!(lp.price.len(), edges.len());
            if let Some(side) = guided_sides(&graph, &lp.price, 8, 1, 10_000, None) {
                assert_eq!(side.len(), n);
                assert!(graph.cost(&side) >= optimum);
            }
            let side = vec![true; n];
            let upper = graph.cost(&side);
            let mut search = Search::new(&graph, side, upper, None).with_floor(lp.lower);
            search.run();
            assert!(search.proven());
            assert_eq!(search.upper, optimum, "round {round}");
            assert_eq!(graph.cost(&search.best), optimum);
        }
    }

    #[test]
    fn the_lp_bound_is_tight_on_an_odd_wheel_and_a_negative_clique() {
        // K4 with every edge negative: two frustrated edges at best, and
        // the LP (a third on each edge) proves it.
        let k4: Vec<WEdge> = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]
            .iter()
            .map(|&(u, v)| WEdge {
                u,
                v,
                negative: true,
                weight: 1,
            })
            .collect();
        let graph = WGraph::new(4, &k4);
        assert_eq!(brute_force(&graph), 2);
        assert_eq!(lp_bound(&graph, None).map(|b| b.lower), Some(2));
        // A heavy unbalanced triangle: its lightest edge.
        let triangle = [(0, 1, false, 7), (1, 2, false, 5), (2, 0, true, 9)].map(
            |(u, v, negative, weight)| WEdge {
                u,
                v,
                negative,
                weight,
            },
        );
        let graph = WGraph::new(3, &triangle);
        assert_eq!(lp_bound(&graph, None).map(|b| b.lower), Some(5));
    }
}
