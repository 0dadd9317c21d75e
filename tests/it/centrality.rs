//! Signed centralities against an independent dense computation: the PN
//! index by Gauss–Jordan elimination of `I − A/(2n−2)`, the eigenvector
//! centrality by Jacobi rotations of the signed adjacency matrix — neither
//! shares code with the library's conjugate gradients, LU or nalgebra eigen
//! solver paths. Plus the defined/undefined cases and the shapes.

// The oracles index matrices by row and column, as the textbooks write them.
#![allow(clippy::needless_range_loop)]

use stancegraph::balance::SignedGraph;

use crate::common::{Lcg, read_graph, tribes};

/// A random simple signed graph on `n` nodes with about `m` edges.
fn random(n: usize, m: usize, seed: u64) -> SignedGraph {
    let mut rng = Lcg::new(seed);
    let mut seen = std::collections::HashSet::new();
    let mut edges = Vec::new();
    while edges.len() < m {
        let a = rng.next_value() as usize % n;
        let b = rng.next_value() as usize % n;
        if a != b && seen.insert((a.min(b), a.max(b))) {
            let sign = if rng.next_value() % 5 < 3 { 1 } else { -1 };
            edges.push((a, b, sign));
        }
    }
    SignedGraph::from_edges((0..n).map(|i| format!("v{i}")).collect(), &edges).unwrap()
}

fn dense(g: &SignedGraph, entry: impl Fn(i8) -> f64) -> Vec<Vec<f64>> {
    let n = g.nodes().len();
    let mut a = vec![vec![0.0; n]; n];
    for e in g.edges() {
        a[e.a][e.b] += e.weight * entry(e.sign);
        a[e.b][e.a] += e.weight * entry(e.sign);
    }
    a
}

/// Solves `m·x = b` by Gauss–Jordan elimination with partial pivoting.
fn gauss_jordan(mut m: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| m[i][col].abs().total_cmp(&m[j][col].abs()))
            .unwrap();
        m.swap(col, pivot);
        b.swap(col, pivot);
        let p = m[col][col];
        for k in 0..n {
            m[col][k] /= p;
        }
        b[col] /= p;
        for row in 0..n {
            if row != col && m[row][col] != 0.0 {
                let f = m[row][col];
                for k in 0..n {
                    m[row][k] -= f * m[col][k];
                }
                b[row] -= f * b[col];
            }
        }
    }
    b
}

/// Eigenvalues and eigenvectors (columns) of a symmetric matrix by cyclic
/// Jacobi rotations.
fn jacobi(mut a: Vec<Vec<f64>>) -> (Vec<f64>, Vec<Vec<f64>>) {
    let n = a.len();
    let mut v: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| f64::from(u8::from(i == j))).collect())
        .collect();
    for _sweep in 0..100 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        if off < 1e-22 {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                if a[p][q].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q][q] - a[p][p]) / (2.0 * a[p][q]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let t = if theta == 0.0 { 1.0 } else { t };
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for k in 0..n {
                    let (akp, akq) = (a[k][p], a[k][q]);
                    a[k][p] = c * akp - s * akq;
                    a[k][q] = s * akp + c * akq;
                }
                for k in 0..n {
                    let (apk, aqk) = (a[p][k], a[q][k]);
                    a[p][k] = c * apk - s * aqk;
                    a[q][k] = s * apk + c * aqk;
                }
                for row in v.iter_mut() {
                    let (vkp, vkq) = (row[p], row[q]);
                    row[p] = c * vkp - s * vkq;
                    row[q] = s * vkp + c * vkq;
                }
            }
        }
    }
    let values = (0..n).map(|i| a[i][i]).collect();
    (values, v)
}

#[test]
fn pn_index_equals_the_dense_solution() {
    for (n, m, seed) in [(12, 30, 1), (40, 150, 2), (90, 600, 3), (60, 60, 4)] {
        let g = random(n, m, seed);
        let mut matrix = dense(&g, |s| if s > 0 { 1.0 } else { -2.0 });
        let scale = 1.0 / (2.0 * n as f64 - 2.0);
        for (i, row) in matrix.iter_mut().enumerate() {
            for x in row.iter_mut() {
                *x *= -scale;
            }
            row[i] += 1.0;
        }
        let expected = gauss_jordan(matrix, vec![1.0; n]);
        let c = g.centrality();
        let pn = c.pn_index.as_ref().unwrap();
        for v in 0..n {
            assert!(
                (pn[v] - expected[v]).abs() < 1e-9,
                "n={n} v={v}: {} vs {}",
                pn[v],
                expected[v]
            );
        }
    }
}

#[test]
fn eigenvector_centrality_equals_the_dense_eigenvector() {
    for (n, m, seed) in [(15, 40, 11), (50, 200, 12), (80, 500, 13)] {
        let g = random(n, m, seed);
        let (values, vectors) = jacobi(dense(&g, f64::from));
        let top = (0..n)
            .max_by(|&i, &j| values[i].abs().total_cmp(&values[j].abs()))
            .unwrap();
        let mut expected: Vec<f64> = vectors.iter().map(|row| row[top]).collect();
        let biggest = expected
            .iter()
            .copied()
            .max_by(|a, b| a.abs().total_cmp(&b.abs()))
            .unwrap();
        expected.iter_mut().for_each(|x| *x /= biggest);
        let c = g.centrality();
        assert!((c.eigenvalue.unwrap() - values[top]).abs() < 1e-8);
        let got = c.eigenvector.as_ref().unwrap();
        for v in 0..n {
            assert!((got[v] - expected[v]).abs() < 1e-7, "n={n} v={v}");
        }
        // Scaled: the largest entry is exactly +1.
        assert_eq!(got.iter().copied().fold(f64::MIN, f64::max), 1.0);
    }
}

#[test]
fn degrees_count_weights_per_sign() {
    let g = read_graph(
        "source,target,sign,weight\na,b,1,2.5\na,c,-1,1\nb,c,-1,3\nc,d,1,1\n",
        "w.csv",
    );
    let c = g.centrality();
    let id = |s: &str| g.nodes().iter().position(|n| n == s).unwrap();
    assert_eq!(c.positive_degree[id("a")], 2.5);
    assert_eq!(c.negative_degree[id("c")], 4.0);
    assert_eq!(
        (c.positive_degree[id("d")], c.negative_degree[id("d")]),
        (1.0, 0.0)
    );
}

#[test]
fn no_dominant_eigenvalue_is_said_not_guessed() {
    // A square of negative ties is bipartite: its spectrum is symmetric (±2).
    let g = read_graph(
        "source,target,sign\na,b,-1\nb,c,-1\nc,d,-1\nd,a,-1\n",
        "sq.csv",
    );
    let c = g.centrality();
    assert!(c.eigenvector.is_none() && c.eigenvalue.is_none());
    assert!(
        c.eigenvector_problem
            .as_ref()
            .unwrap()
            .contains("no eigenvalue dominates")
    );
    // The PN index is still defined, and the same for every node of a symmetric graph.
    let pn = c.pn_index.as_ref().unwrap();
    assert!(pn.iter().all(|&x| (x - pn[0]).abs() < 1e-12));
    let text = c.explain(&g);
    assert!(text.contains("note: no eigenvector centrality: no eigenvalue dominates"));
    let json = c.to_json(&g);
    assert!(json["nodes"][0]["eigenvector"].is_null());
    assert!(json["eigenvector_problem"].is_string());
}

#[test]
fn the_highland_tribes() {
    let g = tribes();
    let c = g.centrality();
    let pn = c.pn_index.as_ref().unwrap();
    // Every tribe's PN index is positive (Everett and Borgatti's range for
    // these densities), and more friends than enemies ranks higher.
    assert!(pn.iter().all(|&x| x > 0.0));
    let json = c.to_json(&g);
    let nodes = json["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 16);
    for key in [
        "id",
        "positive_degree",
        "negative_degree",
        "pn_index",
        "eigenvector",
    ] {
        assert!(nodes[0].get(key).is_some(), "{key}");
    }
    let total: f64 = c.positive_degree.iter().chain(&c.negative_degree).sum();
    assert_eq!(total, 2.0 * g.edges().len() as f64);
    assert!(
        c.explain(&g)
            .starts_with("Signed centralities of 16 nodes (58 ties)")
    );
}

#[test]
fn the_centrality_command() {
    use crate::common::stancegraph;
    let tribes = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/highland_tribes.csv"
    );
    let out = stancegraph(&["centrality", tribes, "--edges"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("Signed centralities of 16 nodes (58 ties)\n"));
    let out = stancegraph(&["centrality", tribes, "--edges", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = tribes_json();
    let (got, want) = (
        json["nodes"].as_array().unwrap(),
        expected["nodes"].as_array().unwrap(),
    );
    assert_eq!(got.len(), want.len());
    for (g, w) in got.iter().zip(want) {
        assert_eq!(g["id"], w["id"]);
        for key in [
            "positive_degree",
            "negative_degree",
            "pn_index",
            "eigenvector",
        ] {
            let (a, b) = (g[key].as_f64().unwrap(), w[key].as_f64().unwrap());
            assert!((a - b).abs() < 1e-12, "{key}: {a} vs {b}");
        }
    }
    // Periods: one object each, with its period.
    let cow = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cow_signed_networks.csv"
    );
    let out = stancegraph(&["centrality", cow, "--edges", "--format", "json"]);
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all.as_array().unwrap().len(), 51);
    assert!(all[0]["period"].is_string());
    let out = stancegraph(&["centrality", cow, "--edges", "--period", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    // A scenario: its actors and issues, or its actor network.
    let founding = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/istanbul-talks.yaml"
    );
    let out = stancegraph(&[
        "centrality",
        founding,
        "--graph",
        "actors",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["nodes"][0]["id"], "us");
    let out = stancegraph(&["centrality", founding, "--edges"]);
    assert_eq!(out.status.code(), Some(2), "a scenario is not an edge list");
}

fn tribes_json() -> serde_json::Value {
    let g = tribes();
    g.centrality().to_json(&g)
}
