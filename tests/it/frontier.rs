//! The exact frustration index at the frontier (issue 16): the linear-
//! programming bound and the LP-guided camps, checked against brute force
//! on small random graphs and against the known values of the
//! gene-regulatory networks that the cycle-packing bound alone could not
//! prove (macrophage 332, EGFR 193, yeast 40). Weighted multigraphs are
//! checked against brute force by the unit tests beside the solver
//! (`src/balance/frustration/lp.rs`) and through the public API in
//! `multigraph.rs` (with the multigraph values, macrophage 374 and yeast 41).

use crate::common::{brute_force_frustration, read_graph};
use std::time::Duration;

use stancegraph::balance::{Frustration, FrustrationMethod, FrustrationOptions, SignedGraph};

/// SplitMix64, for reproducible random graphs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, k: usize) -> usize {
        (self.next() % k as u64) as usize
    }
}

fn options(method: FrustrationMethod) -> FrustrationOptions {
    FrustrationOptions::new()
        .with_method(method)
        .with_time_limit(Duration::from_secs(120))
}

fn check_camps(g: &SignedGraph, f: &Frustration) {
    let mut side = vec![None; g.nodes().len()];
    for (c, camp) in f.camps.iter().enumerate() {
        for &v in camp {
            side[v] = Some(c == 0);
        }
    }
    let frustrated = g
        .edges()
        .iter()
        .filter(|e| (side[e.a] == side[e.b]) != (e.sign > 0))
        .count();
    assert_eq!(frustrated as f64, f.value);
    assert!(f.lower_bound <= f.value);
}

#[test]
fn exact_and_heuristic_agree_with_brute_force_on_dense_random_graphs() {
    // Dense graphs: after reduction they keep a core the LP bound works on.
    let mut rng = Rng(1616);
    for round in 0..400 {
        let n = 4 + round % 9;
        let mut edges = Vec::new();
        let density = 30 + rng.below(70);
        for a in 0..n {
            for b in a + 1..n {
                if rng.below(100) < density {
                    let sign = if rng.below(100) < 40 { -1 } else { 1 };
                    edges.push((a, b, sign));
                }
            }
        }
        let names = (0..n).map(|v| format!("n{v}")).collect();
        let g = SignedGraph::from_edges(names, &edges).unwrap();
        let optimum = brute_force_frustration(&g);
        let exact = g.frustration(&options(FrustrationMethod::Exact));
        check_camps(&g, &exact);
        assert!(exact.exact, "round {round}");
        assert_eq!(exact.value, optimum, "round {round}");
        let heuristic = g.frustration(&options(FrustrationMethod::Heuristic));
        check_camps(&g, &heuristic);
        assert!(heuristic.lower_bound <= optimum && optimum <= heuristic.value);
    }
}

#[test]
fn the_gene_regulatory_networks_are_proven_optimal() {
    for (file, text, value) in [
        (
            "macrophage_simple.csv",
            include_str!("../data/macrophage_simple.csv"),
            332,
        ),
        (
            "egfr_simple.csv",
            include_str!("../data/egfr_simple.csv"),
            193,
        ),
        (
            "yeast_simple.csv",
            include_str!("../data/yeast_simple.csv"),
            40,
        ),
    ] {
        let g = read_graph(text, file);
        let f = g.frustration(&options(FrustrationMethod::Exact));
        check_camps(&g, &f);
        assert!(
            f.exact && !f.limit_reached,
            "{file}: {} / {}",
            f.value,
            f.lower_bound
        );
        assert_eq!(f.value, f64::from(value), "{file}");
    }
}
