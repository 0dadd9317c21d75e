//! `Scenario::diff` of two versions of a contested scenario (100k and 1M
//! positions) that differ in 1% of their positions.
//!
//! `cargo bench --bench diff` — see BENCHMARKS.md for recorded figures.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::diff::DiffOptions;

mod common;

fn diff(c: &mut Criterion) {
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    for size in [100_000, 1_000_000] {
        let (older, newer) = common::contested_versions(size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(
            BenchmarkId::new("versions", size),
            &(older, newer),
            |b, (older, newer)| b.iter(|| older.diff(newer, &DiffOptions::default()).is_empty()),
        );
    }
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
