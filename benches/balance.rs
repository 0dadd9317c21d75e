//! Structural balance: the exact frustration index of the 51 Correlates of
//! War windows (compare with `benches/baseline/frustration_milp.py`), the
//! heuristic on 100k nodes / 1M edges, and the balance test and triangle
//! census at growing sizes (their scaling).
//!
//! `cargo bench --bench balance` — see BENCHMARKS.md for recorded figures.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::balance::{FrustrationMethod, FrustrationOptions, SignedGraph};

mod common;

fn cow() -> Vec<SignedGraph> {
    SignedGraph::read_edges(
        include_str!("../tests/data/cow_signed_networks.csv"),
        "cow_signed_networks.csv",
    )
    .expect("the CoW edge list is valid")
}

fn frustration(c: &mut Criterion) {
    let mut group = c.benchmark_group("frustration");
    group.sample_size(10);
    let windows = cow();
    let exact = FrustrationOptions::new().with_method(FrustrationMethod::Exact);
    group.bench_function("exact_cow_51_windows", |b| {
        b.iter(|| {
            windows
                .iter()
                .map(|g| {
                    let f = g.frustration(&exact);
                    assert!(f.exact);
                    f.value
                })
                .sum::<f64>()
        })
    });
    let heuristic = FrustrationOptions::new().with_method(FrustrationMethod::Heuristic);
    let large = common::signed(100_000, 1_000_000, 0.1, 7);
    group.bench_function("heuristic_100k_nodes_1m_edges", |b| {
        b.iter(|| large.frustration(&heuristic).value)
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("balance_scaling");
    group.sample_size(10);
    for edges in [100_000usize, 1_000_000] {
        // Balanced (no noise): the test must visit everything.
        let g = common::signed(edges / 10, edges, 0.0, 11);
        group.throughput(Throughput::Elements(edges as u64));
        group.bench_with_input(BenchmarkId::new("strict_balance", edges), &g, |b, g| {
            b.iter(|| g.balance().is_balanced())
        });
        group.bench_with_input(BenchmarkId::new("triangle_census", edges), &g, |b, g| {
            b.iter(|| g.triangles().total())
        });
    }
    group.finish();
}

criterion_group!(benches, frustration, scaling);
criterion_main!(benches);
