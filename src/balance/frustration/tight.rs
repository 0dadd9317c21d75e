//! Stage 2c on large blocks: the LP bound of `lp` with a basis inverse over
//! the tight edges only.
//!
//! The packing LP (`max Σ y_C` subject to `Σ_{C ∋ e} y_C + s_e = w_e`) has
//! one row per edge, so `lp`'s dense basis inverse takes 8·m² bytes, too
//! much beyond a few thousand edges. But a basis of k cycle columns and
//! m − k edge slacks has the block form `B = [A_TC 0; A_RC I]`, where `T`
//! are the k *tight* edges (slack not basic) and `R` the others, so
//! `B⁻¹ = [M 0; −A_RC·M I]` with `M = A_TC⁻¹` a k × k matrix: only `M` is
//! kept, dense, and k is the number of cycles in the fractional packing,
//! far below m on real networks (Bitcoin OTC: a few thousand of its 17,313
//! reduced edges). The dual prices are zero off `T` and `1ᵀM` on it. Each
//! pivot is one of four updates of `M`: a cycle replaces a cycle (a rank-one
//! update), a cycle enters while an edge becomes tight (`M` is bordered by
//! a row and a column, through the Schur complement), an edge's slack
//! enters while a cycle leaves (a row and a column are deleted), or one
//! edge's slack replaces another's (Sherman–Morrison). Pricing, cutting
//! cycles out of walks, and the certificate are `lp`'s. Sources: the
//! revised simplex method with a partitioned basis (the "basis of the
//! tight part", as in generalised upper bounding), Sherman and Morrison's
//! rank-one inverse update, column generation after Dantzig and Wolfe.
//!
//! **Guarantee.** The primal simplex keeps a feasible packing at every
//! step, so stopping early (deadline, pivot cap, or `M` reaching
//! [`TIGHT_BASIS_LIMIT`] rows) still gives a valid bound; and whatever the
//! floating-point drift, the bound is `lp::certify`'s, recomputed from the
//! cycles' values alone. Every weight is a positive integer; the bound is
//! valid for any such weights.

use std::time::Instant;

use super::lp::{LpBound, Pricer, certify, jittered_weights};
use super::weighted::WGraph;

/// The most cycles in the basis (the inverse then takes 8 · 6,000² bytes
/// = 288 MB); past it, the simplex stops with the packing it has.
pub(super) const TIGHT_BASIS_LIMIT: usize = 6_000;

/// Pivots at most, per edge of the graph (a cap against stalling).
const PIVOTS_PER_EDGE: usize = 4;

/// Pivots between recomputations of values, slacks and prices from `M`.
const REFRESH: usize = 512;

/// Pivots between checks whether the packing already proves the goal (a
/// check costs one pass over the packing's cycles and the edges).
const CHECK: usize = 64;

const PIVOT_TOLERANCE: f64 = 1e-9;
const PRICE_TOLERANCE: f64 = 1e-9;
const NONE: usize = usize::MAX;

/// The pricing search's cost per edge: on a large graph most prices are
/// zero, and without it the cycles found would wander through the graph.
const HOP_COST: f64 = 1e-3;

/// The column entering the basis.
#[derive(Clone, Copy)]
enum Column<'c> {
    Cycle(&'c [usize]),
    Slack(usize),
}

/// What a pivot did.
#[derive(PartialEq, Eq)]
enum Pivot {
    Done,
    /// Unbounded or degenerate to the tolerance: nothing changed.
    Blocked,
    /// The basis would exceed [`TIGHT_BASIS_LIMIT`]: nothing changed.
    Full,
}

/// The revised simplex with the partitioned basis of the module header.
struct Tight {
    weight: Vec<f64>,
    /// The cycle columns seen, as edge lists.
    cycles: Vec<Vec<usize>>,
    /// Per basis row i: the cycle (into `cycles`), its value.
    basic: Vec<usize>,
    value: Vec<f64>,
    /// Per basis column j: the tight edge; per edge its position or NONE.
    tight: Vec<usize>,
    position: Vec<usize>,
    /// `M = A_TC⁻¹`, rows by basic cycle, columns by tight edge.
    inverse: Vec<Vec<f64>>,
    /// Per edge: its slack (0 on tight edges).
    slack: Vec<f64>,
    /// Per edge: its dual price (0 off the tight edges).
    price: Vec<f64>,
    pivots: usize,
    /// Scratch: per edge, the entering column's entry in `B⁻¹a` (slack rows).
    reach: Vec<f64>,
    touched: Vec<usize>,
    listed: Vec<bool>,
}

impl Tight {
    fn new(weight: Vec<f64>) -> Tight {
        let m = weight.len();
        Tight {
            slack: weight.clone(),
            weight,
            cycles: Vec::new(),
            basic: Vec::new(),
            value: Vec::new(),
            tight: Vec::new(),
            position: vec![NONE; m],
            inverse: Vec::new(),
            price: vec![0.0; m],
            pivots: 0,
            reach: vec![0.0; m],
            touched: Vec::new(),
            listed: vec![false; m],
        }
    }

    /// The column's reduced profit: 1 − its edges' prices.
    fn reduced(&self, cycle: &[usize]) -> f64 {
        1.0 - cycle.iter().map(|&e| self.price[e]).sum::<f64>()
    }

    /// Σ of the rows of `M` whose cycles pass through edge `f` (the row of
    /// `A_RC·M` at `f`).
    fn through(&self, f: usize) -> Vec<f64> {
        let mut v = vec![0.0; self.tight.len()];
        for (i, &c) in self.basic.iter().enumerate() {
            if self.cycles[c].contains(&f) {
                for (x, &b) in v.iter_mut().zip(&self.inverse[i]) {
                    *x += b;
                }
            }
        }
        v
    }

    fn pivot(&mut self, column: Column<'_>, profit: f64) -> Pivot {
        let k = self.basic.len();
        // d_C = M a_T.
        let mut dc = vec![0.0; k];
        match column {
            Column::Cycle(cycle) => {
                for &e in cycle {
                    let j = self.position[e];
                    if j != NONE {
                        for (d, row) in dc.iter_mut().zip(&self.inverse) {
                            *d += row[j];
                        }
                    }
                }
            }
            Column::Slack(e) => {
                let j = self.position[e];
                if j == NONE {
                    return Pivot::Blocked;
                }
                for (d, row) in dc.iter_mut().zip(&self.inverse) {
                    *d = row[j];
                }
            }
        }
        // d_R = a_R − A_RC d_C, on the edges it reaches.
        for &f in &self.touched {
            self.reach[f] = 0.0;
            self.listed[f] = false;
        }
        self.touched.clear();
        if let Column::Cycle(cycle) = column {
            for &e in cycle {
                if self.position[e] == NONE {
                    if !self.listed[e] {
                        self.listed[e] = true;
                        self.touched.push(e);
                    }
                    self.reach[e] += 1.0;
                }
            }
        }
        for (i, &d) in dc.iter().enumerate() {
            if d != 0.0 {
                for &f in &self.cycles[self.basic[i]] {
                    if self.position[f] == NONE {
                        if !self.listed[f] {
                            self.listed[f] = true;
                            self.touched.push(f);
                        }
                        self.reach[f] -= d;
                    }
                }
            }
        }
        // Ratio test; ties go to the first cycle, then the first edge reached.
        let mut leave: Option<(f64, Result<usize, usize>)> = None;
        for (i, &d) in dc.iter().enumerate() {
            if d > PIVOT_TOLERANCE {
                let ratio = self.value[i].max(0.0) / d;
                if leave.is_none_or(|(best, _)| ratio < best) {
                    leave = Some((ratio, Ok(i)));
                }
            }
        }
        for &f in &self.touched {
            let d = self.reach[f];
            if d > PIVOT_TOLERANCE {
                let ratio = self.slack[f].max(0.0) / d;
                if leave.is_none_or(|(best, _)| ratio < best) {
                    leave = Some((ratio, Err(f)));
                }
            }
        }
        let Some((theta, leaving)) = leave else {
            return Pivot::Blocked;
        };
        if matches!((column, leaving), (Column::Cycle(_), Err(_))) && k >= TIGHT_BASIS_LIMIT {
            return Pivot::Full;
        }
        // Values.
        for (y, &d) in self.value.iter_mut().zip(&dc) {
            *y -= theta * d;
        }
        for &f in &self.touched {
            self.slack[f] -= theta * self.reach[f];
        }
        // Prices: π += profit / d_r · (row r of B⁻¹), then the update of M.
        match leaving {
            Ok(r) => {
                let dr = dc[r];
                let step = profit / dr;
                for (j, &e) in self.tight.iter().enumerate() {
                    self.price[e] += step * self.inverse[r][j];
                }
                match column {
                    Column::Cycle(cycle) => {
                        // A cycle replaces cycle r.
                        let row_r: Vec<f64> = self.inverse[r].iter().map(|&b| b / dr).collect();
                        rank_one(
                            &mut self.inverse,
                            &row_r,
                            |i, _| {
                                if i == r { 0.0 } else { -dc[i] }
                            },
                        );
                        self.inverse[r] = row_r;
                        self.cycles.push(cycle.to_vec());
                        self.basic[r] = self.cycles.len() - 1;
                        self.value[r] = theta;
                    }
                    Column::Slack(e) => {
                        // Edge e's slack enters, cycle r leaves: delete
                        // row r and e's column.
                        let j = self.position[e];
                        let row_r = self.inverse[r].clone();
                        rank_one(&mut self.inverse, &row_r, |i, row| {
                            if i == r { 0.0 } else { -row[j] / dr }
                        });
                        self.inverse.swap_remove(r);
                        self.basic.swap_remove(r);
                        self.value.swap_remove(r);
                        for row in &mut self.inverse {
                            row.swap_remove(j);
                        }
                        self.tight.swap_remove(j);
                        if let Some(&moved) = self.tight.get(j) {
                            self.position[moved] = j;
                        }
                        self.position[e] = NONE;
                        self.price[e] = 0.0;
                        self.slack[e] = theta;
                    }
                }
            }
            Err(f) => {
                let sigma = self.reach[f];
                let step = profit / sigma;
                let v = self.through(f);
                for (j, &e) in self.tight.iter().enumerate() {
                    self.price[e] -= step * v[j];
                }
                self.price[f] += step;
                match column {
                    Column::Cycle(cycle) => {
                        // A cycle enters, edge f becomes tight: border M.
                        rank_one(&mut self.inverse, &v, |i, _| dc[i] / sigma);
                        for (row, &d) in self.inverse.iter_mut().zip(&dc) {
                            row.push(-d / sigma);
                        }
                        let mut row: Vec<f64> = v.iter().map(|&b| -b / sigma).collect();
                        row.push(1.0 / sigma);
                        self.inverse.push(row);
                        self.cycles.push(cycle.to_vec());
                        self.basic.push(self.cycles.len() - 1);
                        self.value.push(theta);
                        self.position[f] = self.tight.len();
                        self.tight.push(f);
                    }
                    Column::Slack(e) => {
                        // Edge e's slack enters, f's leaves: f takes e's
                        // column (Sherman–Morrison).
                        let j = self.position[e];
                        rank_one(&mut self.inverse, &v, |i, _| dc[i] / sigma);
                        for (row, &d) in self.inverse.iter_mut().zip(&dc) {
                            row[j] -= d / sigma;
                        }
                        self.tight[j] = f;
                        self.position[f] = j;
                        self.position[e] = NONE;
                        self.price[e] = 0.0;
                        self.slack[e] = theta;
                    }
                }
                self.slack[f] = 0.0;
            }
        }
        self.pivots += 1;
        if self.pivots.is_multiple_of(REFRESH) {
            self.refresh();
        }
        Pivot::Done
    }

    /// The bound the current packing proves (`lp::certify`).
    fn proven(&self, graph: &WGraph<'_>) -> u64 {
        let packing = self
            .basic
            .iter()
            .zip(&self.value)
            .map(|(&c, &y)| (self.cycles[c].as_slice(), y));
        certify(graph, packing)
    }

    /// Recomputes values, slacks and prices from `M` against drift:
    /// `y = M w_T`, `s = w − A y` off `T`, `π_T = 1ᵀ M`.
    fn refresh(&mut self) {
        let wt: Vec<f64> = self.tight.iter().map(|&e| self.weight[e]).collect();
        for (y, row) in self.value.iter_mut().zip(&self.inverse) {
            *y = row.iter().zip(&wt).map(|(a, b)| a * b).sum();
        }
        self.slack.clone_from(&self.weight);
        for (&c, &y) in self.basic.iter().zip(&self.value) {
            for &e in &self.cycles[c] {
                self.slack[e] -= y;
            }
        }
        for &e in &self.tight {
            self.slack[e] = 0.0;
        }
        self.price.fill(0.0);
        for row in &self.inverse {
            for (&e, &b) in self.tight.iter().zip(row) {
                self.price[e] += b;
            }
        }
    }
}

/// `row += g · other` for every `g = factor(i)` that is not zero, over the
/// rows of `inverse`, touching only the entries where `other` is not zero
/// (the rows of `M` are often sparse): the rank-one update every pivot
/// makes.
fn rank_one(inverse: &mut [Vec<f64>], other: &[f64], factor: impl Fn(usize, &[f64]) -> f64) {
    let nonzero: Vec<usize> = (0..other.len()).filter(|&j| other[j] != 0.0).collect();
    let sparse = nonzero.len() * 2 < other.len();
    for (i, row) in inverse.iter_mut().enumerate() {
        let g = factor(i, row);
        if g == 0.0 {
            continue;
        }
        if sparse {
            for &j in &nonzero {
                row[j] += g * other[j];
            }
        } else {
            for (x, &b) in row.iter_mut().zip(other) {
                *x += g * b;
            }
        }
    }
}

/// The LP bound of `graph` with the tight-edge basis of the module header;
/// `None` on a graph without edges.
/// The simplex stops as soon as its packing proves `goal` (the best value
/// known: nothing higher can be proven).
pub(super) fn tight_lp_bound(
    graph: &WGraph<'_>,
    deadline: Option<Instant>,
    goal: u64,
) -> Option<LpBound> {
    let m = graph.edges.len();
    if m == 0 {
        return None;
    }
    let mut simplex = Tight::new(jittered_weights(graph));
    let mut pricer = Pricer::new(graph.n).with_hop_cost(HOP_COST);
    let max_pivots = PIVOTS_PER_EDGE * m + 1_000;
    let out_of_time = || deadline.is_some_and(|d| Instant::now() >= d);
    'rounds: loop {
        let mut entered = false;
        // Tight edges with a negative price: their slacks re-enter.
        let mut j = 0;
        while j < simplex.tight.len() {
            let e = simplex.tight[j];
            if simplex.price[e] < -PRICE_TOLERANCE {
                let profit = -simplex.price[e];
                if simplex.pivot(Column::Slack(e), profit) == Pivot::Done {
                    entered = true;
                    continue;
                }
            }
            j += 1;
        }
        for v in 0..graph.n {
            if simplex.pivots >= max_pivots || out_of_time() {
                break 'rounds;
            }
            for _ in 0..4 {
                let Some(cycle) = pricer.cycle(graph, &simplex.price, v, 1.0 - PRICE_TOLERANCE)
                else {
                    break;
                };
                let profit = simplex.reduced(&cycle);
                if profit <= PRICE_TOLERANCE {
                    break;
                }
                match simplex.pivot(Column::Cycle(&cycle), profit) {
                    Pivot::Done => {
                        entered = true;
                        if simplex.pivots.is_multiple_of(CHECK) && simplex.proven(graph) >= goal {
                            break 'rounds;
                        }
                    }
                    Pivot::Blocked => break,
                    Pivot::Full => break 'rounds,
                }
            }
        }
        if !entered {
            break;
        }
    }
    let mut packing: Vec<(Vec<usize>, f64)> = simplex
        .basic
        .iter()
        .zip(&simplex.value)
        .map(|(&c, &y)| (simplex.cycles[c].clone(), y))
        .collect();
    pack_residual(graph, &simplex.weight, &mut packing, &mut pricer, deadline);
    let lower = certify(graph, packing.iter().map(|(c, y)| (c.as_slice(), *y)));
    let price = simplex.price.iter().map(|&p| p.clamp(0.0, 1.0)).collect();
    Some(LpBound { lower, price })
}

/// Adds to `packing` cycles on the capacity it leaves (when the simplex
/// stopped early, much is left): per node, the unbalanced cycles of fewest
/// edges through it among the edges with capacity left, each taking the
/// least capacity left on its edges, while there are any.
fn pack_residual(
    graph: &WGraph<'_>,
    weight: &[f64],
    packing: &mut Vec<(Vec<usize>, f64)>,
    pricer: &mut Pricer,
    deadline: Option<Instant>,
) {
    let mut left = weight.to_vec();
    for (cycle, y) in packing.iter() {
        if y.is_finite() && *y > 0.0 {
            for &e in cycle {
                left[e] -= y;
            }
        }
    }
    // A saturated edge costs more than any cycle may: the search avoids it.
    let blocked = |left: f64| if left > RESIDUAL { 0.0 } else { 2.0 };
    let mut cost: Vec<f64> = left.iter().map(|&l| blocked(l)).collect();
    for v in 0..graph.n {
        while let Some(cycle) = pricer.cycle(graph, &cost, v, 1.0) {
            if deadline.is_some_and(|d| Instant::now() >= d) {
                return;
            }
            let delta = cycle.iter().map(|&e| left[e]).fold(f64::INFINITY, f64::min);
            if delta.is_nan() || delta <= RESIDUAL {
                break;
            }
            for &e in &cycle {
                left[e] -= delta;
                cost[e] = blocked(left[e]);
            }
            packing.push((cycle, delta));
        }
    }
}

/// Capacity below this counts as none in [`pack_residual`].
const RESIDUAL: f64 = 1e-6;

#[cfg(test)]
mod tests {
    use super::super::lp::lp_bound;
    use super::super::weighted::{WEdge, WGraph};
    use super::tight_lp_bound;
    use crate::util::rng::SplitMix64;

    #[test]
    fn the_tight_basis_simplex_finds_the_dense_simplex_bound() {
        let mut rng = SplitMix64(2016);
        for round in 0..200 {
            let n = 4 + round % 20;
            let m = n + rng.below(4 * n);
            let edges: Vec<WEdge> = (0..m)
                .filter_map(|_| {
                    let (u, v) = (rng.below(n), rng.below(n));
                    (u != v).then(|| WEdge {
                        u,
                        v,
                        negative: rng.next().is_multiple_of(3),
                        weight: 1 + rng.next() % if round % 2 == 0 { 3 } else { 1_000_000 },
                    })
                })
                .collect();
            let graph = WGraph::new(n, &edges);
            let dense = lp_bound(&graph, None).map(|b| b.lower);
            let tight = tight_lp_bound(&graph, None, u64::MAX).map(|b| b.lower);
            assert_eq!(dense, tight, "round {round}");
        }
    }
}
