//! The contradiction engine on contested scenarios of 10k, 100k and 1M positions.
//!
//! `cargo bench --bench check` — see BENCHMARKS.md for recorded figures.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::contradiction::CheckOptions;

mod common;

fn check(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for size in common::CHECK_SIZES {
        let scenario = common::contested(size);
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(
            BenchmarkId::new("contradictions", size),
            &scenario,
            |b, s| b.iter(|| s.contradictions(&CheckOptions::default()).len()),
        );
    }
    group.finish();
}

criterion_group!(benches, check);
criterion_main!(benches);
