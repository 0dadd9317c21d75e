//! Signed centralities and degrees: per node the positive and negative
//! (weighted) degree, Everett and Borgatti's PN index and the signed
//! eigenvector centrality — signnet's `degree_signed`, `pn_index` and
//! `eigen_centrality_signed`.
//!
//! # Algorithms
//!
//! - **Degrees**: the total weight of a node's positive and of its negative
//!   ties, O(m).
//! - **PN index** (Everett & Borgatti 2014, "Networks containing negative
//!   ties", *Social Networks* 38): `PN = (I − A/(2n−2))⁻¹·1` with
//!   `A = P − 2N`, `P` and `N` the (weighted) positive and negative
//!   adjacency matrices. The matrix is symmetric; for ties of weight at most
//!   1 its eigenvalues lie in (0, 2], so it is positive definite and the
//!   system is solved by conjugate gradients over the adjacency lists,
//!   O(m) per iteration, to a relative residual of 1e-12 — no dense matrix,
//!   so any size. Heavier weights can make the matrix indefinite or
//!   singular: then (and whenever conjugate gradients stall) a dense LU
//!   solve up to [`DENSE_MAX_NODES`] nodes, or an error saying the index is
//!   not defined.
//! - **Signed eigenvector centrality** (Bonacich & Lloyd 2004): the
//!   eigenvector of the signed adjacency matrix for its eigenvalue of
//!   largest absolute value, scaled so that its largest entry in absolute
//!   value is +1 (signnet's `scale = TRUE`, with the sign fixed so that
//!   results are deterministic). It is defined only when that eigenvalue is
//!   unique in absolute value (a `λ` and a `−λ`, or a repeated `λ`, leave the
//!   vector undetermined): otherwise [`Centrality::eigenvector`] is `None`
//!   and [`Centrality::eigenvector_problem`] says why. Dense symmetric
//!   eigen-decomposition (nalgebra) up to [`DENSE_MAX_NODES`] nodes, power
//!   iteration beyond (which converges exactly when the eigenvalue
//!   dominates, and reports when it does not).
//!
//! # Guarantees
//!
//! Deterministic; on unweighted simple graphs the values of signnet's
//! `pn_index` and `eigen_centrality_signed` (up to the eigenvector's sign,
//! which signnet leaves to its eigen-solver). Tested against an
//! independent dense computation (Gauss–Jordan and Jacobi rotations).

use crate::balance::SignedGraph;

/// Above this many nodes the dense solvers (O(n³)) are not used.
pub const DENSE_MAX_NODES: usize = 2_000;

/// Relative gap under which the two largest eigenvalues (in absolute
/// value) count as equal.
const EIGEN_GAP: f64 = 1e-9;

/// Signed centralities of every node of a [`SignedGraph`], by node index:
/// see [`SignedGraph::centrality`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Centrality {
    /// Per node, the total weight of its positive ties.
    pub positive_degree: Vec<f64>,
    /// Per node, the total weight of its negative ties.
    pub negative_degree: Vec<f64>,
    /// Per node, Everett and Borgatti's PN index; `None` when the index is
    /// not defined (see [`Centrality::pn_problem`]).
    pub pn_index: Option<Vec<f64>>,
    /// Why the PN index is not defined, when it is not.
    pub pn_problem: Option<String>,
    /// Per node, the signed eigenvector centrality (largest entry +1);
    /// `None` when no eigenvalue dominates.
    pub eigenvector: Option<Vec<f64>>,
    /// Why the eigenvector centrality is not defined, when it is not.
    pub eigenvector_problem: Option<String>,
    /// The eigenvalue of largest absolute value (when it dominates).
    pub eigenvalue: Option<f64>,
}

impl Centrality {
    /// The result as JSON: `{"nodes": [{"id", "positive_degree",
    /// "negative_degree", "pn_index", "eigenvector"}], "eigenvalue",
    /// "pn_problem", "eigenvector_problem"}` (`null` for what is not
    /// defined, with the problem saying why).
    pub fn to_json(&self, graph: &SignedGraph) -> serde_json::Value {
        let nodes: Vec<serde_json::Value> = graph
            .nodes()
            .iter()
            .enumerate()
            .map(|(v, id)| {
                serde_json::json!({
                    "id": id,
                    "positive_degree": self.positive_degree[v],
                    "negative_degree": self.negative_degree[v],
                    "pn_index": self.pn_index.as_ref().map(|p| p[v]),
                    "eigenvector": self.eigenvector.as_ref().map(|e| e[v]),
                })
            })
            .collect();
        serde_json::json!({
            "nodes": nodes,
            "eigenvalue": self.eigenvalue,
            "pn_problem": self.pn_problem,
            "eigenvector_problem": self.eigenvector_problem,
        })
    }

    /// The result as text: one line per node (id, positive and negative
    /// degree, PN index, eigenvector centrality), highest PN index first,
    /// and a note for what is not defined.
    pub fn explain(&self, graph: &SignedGraph) -> String {
        let n = graph.nodes().len();
        let mut order: Vec<usize> = (0..n).collect();
        if let Some(pn) = &self.pn_index {
            order.sort_by(|&a, &b| pn[b].total_cmp(&pn[a]).then(a.cmp(&b)));
        }
        let width = graph
            .nodes()
            .iter()
            .map(|s| s.chars().count())
            .max()
            .unwrap_or(0)
            .max(4);
        let mut out = format!(
            "Signed centralities of {n} node{} ({} ties)\n{:width$}  {:>9}  {:>9}  {:>9}  {:>11}\n",
            if n == 1 { "" } else { "s" },
            graph.edges().len(),
            "node",
            "positive",
            "negative",
            "PN index",
            "eigenvector",
        );
        let number = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| format!("{x:.4}"));
        for v in order {
            out.push_str(&format!(
                "{:width$}  {:>9}  {:>9}  {:>9}  {:>11}\n",
                graph.nodes()[v],
                trim(self.positive_degree[v]),
                trim(self.negative_degree[v]),
                number(self.pn_index.as_ref().map(|p| p[v])),
                number(self.eigenvector.as_ref().map(|e| e[v])),
            ));
        }
        if let Some(problem) = &self.pn_problem {
            out.push_str(&format!("note: no PN index: {problem}\n"));
        }
        if let Some(problem) = &self.eigenvector_problem {
            out.push_str(&format!("note: no eigenvector centrality: {problem}\n"));
        }
        out
    }
}

/// A weight as text: whole numbers without decimals.
fn trim(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x:.4}")
    }
}

/// [`SignedGraph::centrality`].
pub(crate) fn centrality(graph: &SignedGraph) -> Centrality {
    let n = graph.nodes().len();
    let mut positive_degree = vec![0.0; n];
    let mut negative_degree = vec![0.0; n];
    for e in graph.edges() {
        let degree = if e.sign > 0 {
            &mut positive_degree
        } else {
            &mut negative_degree
        };
        degree[e.a] += e.weight;
        degree[e.b] += e.weight;
    }
    let (pn_index, pn_problem) = match pn_index(graph) {
        Ok(pn) => (Some(pn), None),
        Err(problem) => (None, Some(problem)),
    };
    let (eigenvector, eigenvalue, eigenvector_problem) = match eigenvector(graph) {
        Ok((vector, value)) => (Some(vector), Some(value), None),
        Err(problem) => (None, None, Some(problem)),
    };
    Centrality {
        positive_degree,
        negative_degree,
        pn_index,
        pn_problem,
        eigenvector,
        eigenvector_problem,
        eigenvalue,
    }
}

/// `y = A·x` for the signed matrix with entries `weight(e)·f(sign)`.
fn multiply(graph: &SignedGraph, x: &[f64], y: &mut [f64], entry: impl Fn(i8) -> f64) {
    y.iter_mut().for_each(|v| *v = 0.0);
    for e in graph.edges() {
        let a = e.weight * entry(e.sign);
        y[e.a] += a * x[e.b];
        y[e.b] += a * x[e.a];
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// `A = P − 2N`: the PN index's matrix entry for a tie of this sign.
fn pn_entry(sign: i8) -> f64 {
    if sign > 0 { 1.0 } else { -2.0 }
}

/// The PN index, or why it is not defined.
pub(crate) fn pn_index(graph: &SignedGraph) -> Result<Vec<f64>, String> {
    let n = graph.nodes().len();
    if n <= 1 {
        return Ok(vec![1.0; n]);
    }
    let scale = 1.0 / (2.0 * n as f64 - 2.0);
    // M·x = x − scale·A·x.
    let apply = |x: &[f64], y: &mut [f64]| {
        multiply(graph, x, y, pn_entry);
        for (yi, xi) in y.iter_mut().zip(x) {
            *yi = xi - scale * *yi;
        }
    };
    if let Some(x) = conjugate_gradients(n, apply) {
        return Ok(x);
    }
    if n > DENSE_MAX_NODES {
        return Err(format!(
            "I − A/(2n−2) is not positive definite for these weights, and {n} nodes are too many \
             for a dense solve (at most {DENSE_MAX_NODES})"
        ));
    }
    let mut m = nalgebra::DMatrix::<f64>::identity(n, n);
    for e in graph.edges() {
        let a = scale * e.weight * pn_entry(e.sign);
        m[(e.a, e.b)] -= a;
        m[(e.b, e.a)] -= a;
    }
    let ones = nalgebra::DVector::<f64>::from_element(n, 1.0);
    m.lu()
        .solve(&ones)
        .filter(|x| x.iter().all(|v| v.is_finite()))
        .map(|x| x.iter().copied().collect())
        .ok_or_else(|| "I − A/(2n−2) is singular for these weights".to_owned())
}

/// Solves `M·x = 1` for a symmetric `M` given as `apply`, by conjugate
/// gradients; `None` when `M` shows itself not positive definite or the
/// iteration stalls.
fn conjugate_gradients(n: usize, apply: impl Fn(&[f64], &mut [f64])) -> Option<Vec<f64>> {
    let b_norm = (n as f64).sqrt();
    let mut x = vec![0.0; n];
    let mut r = vec![1.0; n];
    let mut p = r.clone();
    let mut mp = vec![0.0; n];
    let mut rr = dot(&r, &r);
    for _ in 0..(10 * n).max(1_000) {
        if rr.sqrt() <= 1e-12 * b_norm {
            return Some(x);
        }
        apply(&p, &mut mp);
        let curvature = dot(&p, &mp);
        if curvature <= 0.0 || !curvature.is_finite() {
            return None;
        }
        let alpha = rr / curvature;
        for i in 0..n {
            x[i] += alpha * p[i];
            r[i] -= alpha * mp[i];
        }
        let next = dot(&r, &r);
        let beta = next / rr;
        rr = next;
        for i in 0..n {
            p[i] = r[i] + beta * p[i];
        }
    }
    (rr.sqrt() <= 1e-9 * b_norm).then_some(x)
}

/// Scales `v` so that its entry of largest absolute value is +1.
fn normalise(mut v: Vec<f64>) -> Vec<f64> {
    let top = v
        .iter()
        .copied()
        .max_by(|a, b| a.abs().total_cmp(&b.abs()).then(b.total_cmp(a)))
        .unwrap_or(1.0);
    if top != 0.0 {
        v.iter_mut().for_each(|x| *x /= top);
    }
    v
}

/// The signed eigenvector centrality and its eigenvalue, or why it is not
/// defined.
pub(crate) fn eigenvector(graph: &SignedGraph) -> Result<(Vec<f64>, f64), String> {
    let n = graph.nodes().len();
    if graph.edges().is_empty() {
        return Err("the graph has no ties (every eigenvalue is 0)".to_owned());
    }
    let sign = |s: i8| f64::from(s);
    if n <= DENSE_MAX_NODES {
        let mut a = nalgebra::DMatrix::<f64>::zeros(n, n);
        for e in graph.edges() {
            a[(e.a, e.b)] += e.weight * sign(e.sign);
            a[(e.b, e.a)] += e.weight * sign(e.sign);
        }
        let eigen = a.symmetric_eigen();
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&i, &j| {
            eigen.eigenvalues[j]
                .abs()
                .total_cmp(&eigen.eigenvalues[i].abs())
        });
        let first = eigen.eigenvalues[order[0]];
        if let Some(&second) = order.get(1) {
            let second = eigen.eigenvalues[second];
            if first.abs() - second.abs() <= EIGEN_GAP * first.abs().max(1.0) {
                return Err(no_dominant(first, second));
            }
        }
        let vector = eigen
            .eigenvectors
            .column(order[0])
            .iter()
            .copied()
            .collect();
        return Ok((normalise(vector), first));
    }
    power_iteration(graph, n)
}

fn no_dominant(first: f64, second: f64) -> String {
    format!(
        "no eigenvalue dominates: the two largest in absolute value are {first:.6} and \
         {second:.6}, so the eigenvector is not determined"
    )
}

/// Power iteration from a deterministic start; it converges (up to the
/// vector's sign) exactly when one eigenvalue dominates in absolute value.
fn power_iteration(graph: &SignedGraph, n: usize) -> Result<(Vec<f64>, f64), String> {
    // A start with a component along every eigenvector (almost surely):
    // the seeded generator, fixed seed.
    let mut rng = crate::util::rng::SplitMix64(0x5EED_CE47);
    let mut x: Vec<f64> = (0..n).map(|_| rng.next_f64() + 0.5).collect();
    let norm = dot(&x, &x).sqrt();
    x.iter_mut().for_each(|v| *v /= norm);
    let mut y = vec![0.0; n];
    let mut lambda = 0.0;
    for _ in 0..20_000 {
        multiply(graph, &x, &mut y, f64::from);
        lambda = dot(&x, &y);
        let norm = dot(&y, &y).sqrt();
        if norm == 0.0 {
            return Err("A·x vanished: every eigenvalue is 0 on this start".to_owned());
        }
        y.iter_mut().for_each(|v| *v /= norm);
        // Converged up to sign?
        let same = x
            .iter()
            .zip(&y)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max);
        let flipped = x
            .iter()
            .zip(&y)
            .map(|(a, b)| (a + b).abs())
            .fold(0.0, f64::max);
        std::mem::swap(&mut x, &mut y);
        if same.min(flipped) < 1e-12 {
            return Ok((normalise(x), lambda));
        }
    }
    Err(format!(
        "power iteration did not settle in 20,000 steps (Rayleigh quotient {lambda:.6}): no \
         eigenvalue dominates clearly"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random_graph(n: usize, m: usize, seed: u64) -> SignedGraph {
        let mut rng = crate::util::rng::SplitMix64(seed);
        let mut seen = std::collections::HashSet::new();
        let mut edges = Vec::new();
        while edges.len() < m {
            let a = rng.below(n);
            let b = rng.below(n);
            if a != b && seen.insert((a.min(b), a.max(b))) {
                edges.push((a, b, if rng.next_f64() < 0.6 { 1 } else { -1 }));
            }
        }
        SignedGraph::from_edges((0..n).map(|i| format!("v{i}")).collect(), &edges)
            .expect("a valid graph")
    }

    #[test]
    fn conjugate_gradients_agree_with_the_dense_solve() {
        for seed in 1..6 {
            let g = random_graph(150, 900, seed);
            let n = g.nodes().len();
            let by_cg = pn_index(&g).expect("defined");
            let scale = 1.0 / (2.0 * n as f64 - 2.0);
            let mut m = nalgebra::DMatrix::<f64>::identity(n, n);
            for e in g.edges() {
                let a = scale * pn_entry(e.sign);
                m[(e.a, e.b)] -= a;
                m[(e.b, e.a)] -= a;
            }
            let dense = m
                .lu()
                .solve(&nalgebra::DVector::from_element(n, 1.0))
                .expect("regular");
            for v in 0..n {
                assert!((by_cg[v] - dense[v]).abs() < 1e-9, "{seed} {v}");
            }
        }
    }

    #[test]
    fn power_iteration_agrees_with_the_dense_eigenvector() {
        for seed in 1..6 {
            let g = random_graph(120, 700, seed);
            let (dense, lambda) = eigenvector(&g).expect("dominant");
            let (power, mu) = power_iteration(&g, g.nodes().len()).expect("converges");
            assert!((lambda - mu).abs() < 1e-8 * lambda.abs());
            for v in 0..dense.len() {
                assert!((dense[v] - power[v]).abs() < 1e-6, "{seed} {v}");
            }
        }
    }
}
