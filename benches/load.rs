//! Loading scenario files and building the stance graph at three sizes.
//!
//! `cargo bench --bench load` — see BENCHMARKS.md for recorded figures.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::{Scenario, StanceGraph, io::Format};

mod common;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("json_to_graph");
    group.sample_size(10);
    for size in [common::SMALL, common::MEDIUM, common::LARGE] {
        let text = common::json(size);
        group.throughput(Throughput::Elements(size as u64));
        // The floor: parsing the same text into an untyped serde_json tree.
        group.bench_with_input(
            BenchmarkId::new("serde_json_value", size),
            &text,
            |b, text| b.iter(|| serde_json::from_str::<serde_json::Value>(text).unwrap()),
        );
        group.bench_with_input(
            BenchmarkId::new("parse_validate", size),
            &text,
            |b, text| {
                b.iter(|| {
                    Scenario::from_slice_as(text.as_bytes(), Format::Json, "bench.json").unwrap()
                })
            },
        );
        let scenario = Scenario::from_json_str(&text).unwrap();
        group.bench_with_input(BenchmarkId::new("build_graph", size), &scenario, |b, s| {
            b.iter(|| StanceGraph::new(s).ties().len())
        });
        group.bench_with_input(BenchmarkId::new("json_to_graph", size), &text, |b, text| {
            b.iter(|| {
                let s =
                    Scenario::from_slice_as(text.as_bytes(), Format::Json, "bench.json").unwrap();
                StanceGraph::new(&s).ties().len()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("yaml");
    group.sample_size(10);
    let text = common::scenario(common::MEDIUM)
        .to_string_as(Format::Yaml)
        .unwrap();
    group.throughput(Throughput::Elements(common::MEDIUM as u64));
    group.bench_function(BenchmarkId::new("parse_validate", common::MEDIUM), |b| {
        b.iter(|| Scenario::from_yaml_str(&text).unwrap())
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
