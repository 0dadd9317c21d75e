//! The network kernel: one-mode congruence networks of 2,000 actors.
//!
//! `cargo bench --bench network` — see BENCHMARKS.md for recorded figures.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::discourse::{NetworkMode, NetworkOptions, NetworkType, Normalization};

mod common;

fn network(c: &mut Criterion) {
    let mut group = c.benchmark_group("network");
    group.sample_size(10);
    let options = NetworkOptions::new(NetworkMode::Actor, NetworkType::Congruence)
        .with_normalization(Normalization::Average);
    for size in [100_000, 1_000_000] {
        let scenario = common::discourse(size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(
            BenchmarkId::new("congruence_average", size),
            &scenario,
            |b, s| b.iter(|| s.network(&options).unwrap().sum()),
        );
    }
    group.finish();
}

criterion_group!(benches, network);
criterion_main!(benches);
