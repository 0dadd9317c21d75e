//! The founding scenario: the US offer to discuss freezing NATO's eastward
//! expansion ahead of the 2 June 2025 ceasefire talks in Istanbul.
//!
//! Run with `cargo run --example istanbul_talks`, or pass a scenario file of
//! your own: `cargo run --example istanbul_talks -- path/to/scenario.yaml`.

use std::process::ExitCode;

use stancegraph::{
    Scenario, StanceGraph,
    balance::{BalanceOptions, BalanceReport, SignedGraph},
    contradiction::CheckOptions,
    deal::DealOptions,
    stance::{Attribution, GraphOptions, Overview},
};

/// The built-in scenario, also at `examples/data/istanbul-talks.yaml`.
const ISTANBUL_TALKS: &str = include_str!("data/istanbul-talks.yaml");

fn main() -> ExitCode {
    let loaded = match std::env::args_os().nth(1) {
        Some(path) => Scenario::load(path),
        None => Scenario::from_slice_as(
            ISTANBUL_TALKS.as_bytes(),
            stancegraph::io::Format::Yaml,
            "examples/data/istanbul-talks.yaml",
        ),
    };
    let scenario = match loaded {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };

    // Everyone as written: who said what.
    let graph = StanceGraph::new(&scenario);
    print!("{}", Overview::new(&graph));

    // The same statements counted for the states and blocs the speakers
    // represent: Kellogg's and Trump's words are the United States' position.
    let by_principal = StanceGraph::with_options(
        &scenario,
        GraphOptions::default().with_attribution(Attribution::Principal),
    );
    println!(
        "\nAgreement and conflict between principals (speakers folded into whom they speak for)"
    );
    for t in by_principal.ties() {
        if let Some(tie) = by_principal.tie(t.a, t.b, t.kind) {
            println!("  {tie}");
        }
    }

    // What cannot all hold together, most severe first.
    let contradictions = scenario.contradictions(&CheckOptions::default());
    println!("\nContradictions ({})", contradictions.len());
    for (i, c) in contradictions.iter().enumerate() {
        println!("\n{}. {c}", i + 1);
    }

    // Structural balance of actors and issues: the same tension as an
    // unbalanced cycle (the US is NATO's member, backs the freeze, which
    // excludes the membership NATO backs).
    let signed = SignedGraph::from_actors_and_issues(&by_principal);
    match BalanceReport::new(&signed, &BalanceOptions::new()) {
        Ok(report) => print!("\nStructural balance\n{}", report.explain(Some(&scenario))),
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }

    // What a deal would take among the US, NATO and Russia: the cheapest
    // concessions, and what is left if NATO keeps its red line.
    let table = DealOptions::default().with_parties(["us", "nato", "russia"]);
    for (title, options) in [
        (
            "What a deal would take (the US, NATO and Russia)",
            table.clone(),
        ),
        (
            "If NATO concedes nothing",
            table.with_keep("nato").with_max(3),
        ),
    ] {
        match scenario.deals(&options) {
            Ok(deals) => print!("\n{title}\n{deals}"),
            // A scenario of your own may not have these parties.
            Err(e) => println!("\n{title}: {e}"),
        }
    }
    ExitCode::SUCCESS
}
