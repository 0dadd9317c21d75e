//! The deal finder (issue 14) on generated negotiations: the cheapest deal
//! and the ten cheapest with 200 parties and 4,000 issues (about 2,600
//! relations and 40,000 positions), and how the cheapest grows with the
//! number of parties (50 to 400 at 4,000 issues) and with the share of
//! relations that cross topics (0 to 0.1: from 400 parts of ten issues to
//! parts of up to 82 issues). The generator is `common::negotiation`.
//!
//! `cargo bench --bench deals` — see BENCHMARKS.md for recorded figures;
//! `benches/baseline/deals_side_by_side.sh` compares the whole program with
//! PySAT's RC2 on the same problem.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use stancegraph::deal::DealOptions;

mod common;

fn cheapest(c: &mut Criterion) {
    let mut group = c.benchmark_group("deals");
    group.sample_size(10);
    let scenario = common::negotiation(200, 4_000, 0.0);
    for max in [1, 10] {
        let options = DealOptions::default().with_max(max);
        group.bench_with_input(
            BenchmarkId::new("200_parties_4000_issues", format!("max_{max}")),
            &options,
            |b, options| b.iter(|| scenario.deals(options).expect("the negotiation has a deal")),
        );
    }
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let cheapest = DealOptions::default().with_max(1);
    let mut group = c.benchmark_group("deals_parties");
    group.sample_size(10);
    for parties in [50, 100, 200, 400] {
        let scenario = common::negotiation(parties, 4_000, 0.0);
        group.bench_with_input(BenchmarkId::new("cheapest", parties), &scenario, |b, s| {
            b.iter(|| s.deals(&cheapest).expect("the negotiation has a deal"))
        });
    }
    group.finish();
    let mut group = c.benchmark_group("deals_cross");
    group.sample_size(10);
    // Beyond 0.1 the largest part holds hundreds of issues and the exact
    // search takes minutes (see BENCHMARKS.md): measured with a time limit
    // by the side-by-side script instead.
    for cross in [0.0, 0.05, 0.1] {
        let scenario = common::negotiation(200, 4_000, cross);
        group.bench_with_input(BenchmarkId::new("cheapest", cross), &scenario, |b, s| {
            b.iter(|| s.deals(&cheapest).expect("the negotiation has a deal"))
        });
    }
    group.finish();
}

criterion_group!(benches, cheapest, scaling);
criterion_main!(benches);
