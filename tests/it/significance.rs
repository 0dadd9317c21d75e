//! Significance of balance against random sign arrangements: reproducible,
//! the observed values equal the census and the frustration heuristic, the
//! p-values match the exact null distribution enumerated by brute force.

use stancegraph::balance::{
    FrustrationMethod, FrustrationOptions, SignedGraph, SignificanceOptions,
};

use crate::common::{read_graph, read_graphs, tribes};

fn options(samples: usize, frustration: usize, seed: u64) -> SignificanceOptions {
    SignificanceOptions::new()
        .with_samples(samples)
        .with_frustration_samples(frustration)
        .with_seed(seed)
}

#[test]
fn reproducible_under_a_seed() {
    let g = tribes();
    let a = g.significance(&options(300, 30, 7));
    let b = g.significance(&options(300, 30, 7));
    assert_eq!(a, b);
    let c = g.significance(&options(300, 30, 8));
    assert_ne!(
        a.triangles.as_ref().unwrap().mean,
        c.triangles.as_ref().unwrap().mean
    );
    assert_eq!(a.triangles.as_ref().unwrap().samples, 300);
    assert_eq!(a.frustration.as_ref().unwrap().samples, 30);
}

#[test]
fn observed_values_are_the_census_and_the_heuristic() {
    let cow = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cow_signed_networks.csv"
    ))
    .unwrap();
    let heuristic = FrustrationOptions::new().with_method(FrustrationMethod::Heuristic);
    for g in read_graphs(&cow, "cow.csv")
        .iter()
        .step_by(10)
        .chain([&tribes()])
    {
        let s = g.significance(&options(20, 5, 1));
        let census = g.triangles();
        match s.triangles {
            Some(t) => assert_eq!(t.observed, census.balance_ratio()),
            None => assert_eq!(census.total(), 0),
        }
        let f = s.frustration.unwrap();
        assert_eq!(f.observed, g.frustration(&heuristic).value);
    }
}

#[test]
fn p_values_match_the_exact_null_distribution() {
    // Two triangles sharing a tie (a diamond with its diagonal) plus a tail:
    // 6 ties, 3 of them positive. Every arrangement of the 3 positive signs
    // over the 6 ties is equally likely under the null: enumerate all 20.
    let g = read_graph(
        "source,target,sign\na,b,1\nb,c,1\na,c,-1\nb,d,-1\nc,d,1\nd,e,-1\n",
        "diamond.csv",
    );
    let edges: Vec<(usize, usize)> = g.edges().iter().map(|e| (e.a, e.b)).collect();
    let triangles = [[0usize, 1, 2], [1, 3, 4]]; // (ab, bc, ac) and (bc, bd, cd)
    let ratio = |signs: &[i8]| {
        triangles
            .iter()
            .filter(|t| t.iter().map(|&e| signs[e]).product::<i8>() > 0)
            .count() as f64
            / 2.0
    };
    let observed_signs: Vec<i8> = g.edges().iter().map(|e| e.sign).collect();
    let observed = ratio(&observed_signs);
    let mut at_least = 0;
    let mut total = 0;
    for mask in 0u32..64 {
        if mask.count_ones() != 3 {
            continue;
        }
        let signs: Vec<i8> = (0..6)
            .map(|i| if mask >> i & 1 == 1 { 1 } else { -1 })
            .collect();
        total += 1;
        at_least += usize::from(ratio(&signs) >= observed);
    }
    assert_eq!((total, edges.len()), (20, 6));
    let exact = at_least as f64 / total as f64;
    let s = g.significance(&options(20_000, 0, 3));
    let t = s.triangles.unwrap();
    assert_eq!(t.observed, observed);
    assert!(
        (t.p_value - exact).abs() < 0.015,
        "{} vs exact {exact}",
        t.p_value
    );
    assert!(s.frustration.is_none(), "0 frustration samples: no test");
}

#[test]
fn two_clear_camps_are_significant_and_random_signs_are_not() {
    let mut camps = String::from("source,target,sign\n");
    let mut random = String::from("source,target,sign\n");
    let mut rng = crate::common::Lcg::new(42);
    for a in 0..12 {
        for b in a + 1..12 {
            let sign = if (a < 6) == (b < 6) { 1 } else { -1 };
            camps.push_str(&format!("n{a},n{b},{sign}\n"));
            let coin = if rng.next_value().is_multiple_of(2) {
                1
            } else {
                -1
            };
            random.push_str(&format!("n{a},n{b},{coin}\n"));
        }
    }
    let opts = options(500, 50, 11);
    let s = read_graph(&camps, "camps.csv").significance(&opts);
    let (t, f) = (s.triangles.clone().unwrap(), s.frustration.clone().unwrap());
    assert_eq!((t.observed, f.observed), (1.0, 0.0));
    assert!(t.p_value <= 2.0 / 501.0 && f.p_value <= 2.0 / 51.0);
    assert!(t.z > 3.0 && f.z < -3.0);
    let r = read_graph(&random, "random.csv").significance(&opts);
    assert!(r.triangles.unwrap().p_value > 0.05);
    let text = s.explain();
    assert!(text.contains("more balanced than chance"));
    let json = s.to_json();
    assert_eq!(json["triangles"]["samples"], 500);
    assert_eq!(json["frustration"]["seed"], 11);
}

#[test]
fn no_triangles_no_ties_no_test() {
    let path = read_graph("source,target,sign\na,b,1\nb,c,-1\nc,d,1\n", "path.csv");
    let s = path.significance(&SignificanceOptions::new().with_frustration_samples(10));
    assert!(s.triangles.is_none());
    assert_eq!(s.frustration.unwrap().observed, 0.0);
    let empty = SignedGraph::from_edges(vec!["a".into()], &[]).unwrap();
    let s = empty.significance(&SignificanceOptions::new());
    assert!(s.triangles.is_none() && s.frustration.is_none());
    assert_eq!(s.explain(), "");
}
