//! Event data: reading ICEWS `.tab` text and aggregating it to country
//! dyads by month, on the ICEWS sample (tests/data) repeated with shifted
//! months — SMALL (the sample, 3,705 events), MEDIUM (100,000) and LARGE
//! (1,000,000, about 260 MB, built in memory) — and the kernel alone on
//! events already read.
//!
//! `cargo bench --bench events` — see BENCHMARKS.md for recorded figures
//! and the side-by-side with pandas (`benches/baseline/events_pandas.sh`).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::events::{AggregateOptions, Event, EventAggregator, EventReader, Window};

const SAMPLE: &str = include_str!("../tests/data/icews_events_2018-06-01_02.tab");
const SMALL: usize = 3_705;
const MEDIUM: usize = 100_000;
const LARGE: usize = 1_000_000;

/// `n` events: the sample repeated, each repetition one month later (days
/// clamped to 28), as `benches/baseline/events_generate.py` writes them.
fn icews(n: usize) -> String {
    let mut lines = SAMPLE.lines();
    let header = lines.next().unwrap_or_default();
    let rows: Vec<(&str, &str)> = lines
        .filter_map(|l| {
            let mut parts = l.splitn(3, '\t');
            let (_, date, rest) = (parts.next()?, parts.next()?, parts.next()?);
            Some((date, rest))
        })
        .collect();
    let mut out = String::with_capacity(n * 270);
    out.push_str(header);
    out.push('\n');
    let (mut written, mut rep) = (0, 0);
    while written < n {
        let (year, month) = (2018 + (5 + rep) / 12, (5 + rep) % 12 + 1);
        for (date, rest) in rows.iter().take(n - written) {
            let day: u32 = date[8..10].parse().unwrap_or(1).min(28);
            written += 1;
            out.push_str(&format!(
                "{written}\t{year:04}-{month:02}-{day:02}\t{rest}\n"
            ));
        }
        rep += 1;
    }
    out
}

fn events(c: &mut Criterion) {
    let mut group = c.benchmark_group("events");
    group.sample_size(10);
    let options = AggregateOptions::default().with_window(Window::Month);
    for n in [SMALL, MEDIUM, LARGE] {
        let text = icews(n);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("read_aggregate_month", n),
            &text,
            |b, t| {
                b.iter(|| {
                    let mut reader = EventReader::icews(t.as_bytes(), "bench.tab").unwrap();
                    let mut agg = EventAggregator::new(options);
                    agg.add_reader(&mut reader).unwrap();
                    agg.finish().rows().len()
                })
            },
        );
        if n == MEDIUM {
            let mut reader = EventReader::icews(text.as_bytes(), "bench.tab").unwrap();
            let read: Vec<Event> = reader.events().map(|e| e.unwrap()).collect();
            group.throughput(Throughput::Elements(read.len() as u64));
            group.bench_with_input(BenchmarkId::new("aggregate_month", n), &read, |b, r| {
                b.iter(|| {
                    let mut agg = EventAggregator::new(options);
                    for e in r {
                        agg.add(e);
                    }
                    agg.finish().rows().len()
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, events);
criterion_main!(benches);
