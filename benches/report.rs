//! The HTML report: the founding scenario, the DNA sample and a year of UN
//! votes (193 countries, 90 roll calls, 16,174 positions; drawn as groups).
//!
//! `cargo bench --bench report` — see BENCHMARKS.md for recorded figures.

use std::collections::HashMap;

use criterion::{Criterion, criterion_group, criterion_main};
use stancegraph::{
    Scenario,
    io::{RollCallVotes, StatementsCsv},
    render::HtmlReport,
};

fn scenarios() -> Vec<(&'static str, Scenario)> {
    let founding = Scenario::from_yaml_str(include_str!("../examples/data/istanbul-talks.yaml"))
        .expect("the founding scenario loads");
    let dna = StatementsCsv::new("organization", "concept", "agreement")
        .speaker("person")
        .date("date")
        .quote("text")
        .id("statement_id")
        .read_str(
            include_str!("../tests/data/dna_sample_statements.csv"),
            "dna_sample_statements.csv",
        )
        .expect("the DNA sample loads");
    let un = RollCallVotes::read_csv_str(
        include_str!("../tests/data/un_votes_2019.csv"),
        "un_votes_2019.csv",
    )
    .and_then(|v| v.to_scenario(&HashMap::new()))
    .expect("the UN votes load");
    vec![("founding", founding), ("dna_sample", dna), ("un_2019", un)]
}

fn report(c: &mut Criterion) {
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for (name, scenario) in scenarios() {
        group.bench_function(format!("{name}/new"), |b| {
            b.iter(|| HtmlReport::new(&scenario).map(|r| r.contradictions().len()))
        });
        let report = HtmlReport::new(&scenario).expect("a report");
        group.bench_function(format!("{name}/render_html"), |b| {
            b.iter(|| report.render_html().len())
        });
    }
    group.finish();
}

criterion_group!(benches, report);
criterion_main!(benches);
