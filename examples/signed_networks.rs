//! Structural balance of the real signed networks in the shared data folder:
//! the 51 Correlates of War windows, the Slovene parliamentary parties of
//! 1994 and the US Supreme Court's 2000–01 term (a two-mode case × justice
//! network), plus Read's Highland tribes. Prints per graph its size, the
//! balance figures, the frustration index (exact, with proof: the total
//! weight out of place, with the Slovene parties' weights), the index
//! counting each distinct signed pair once (signnet's convention) and the
//! time it took; with `--explain`, the full report of each graph. Then, for
//! Read's Highland tribes, the analyses beyond the index: the significance
//! test (is it more balanced than its signs shuffled?), a blockmodel of
//! three camps (Read's three alliances) and the signed centralities.
//! `examples/multigraph.rs` shows ties repeated and tied both ways.
//!
//! ```text
//! cargo run --release --example signed_networks -- ../shared/data/signed
//! cargo run --release --example signed_networks -- tests/data --explain
//! ```
//!
//! The folder must hold the edge lists by their shared names
//! (`cow_signed_networks.csv`, `slovene_parties_1994.csv`,
//! `supreme_court_2000_01.csv`, `highland_tribes.csv`); missing ones are
//! named and skipped, and if none is there the example fails.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use stancegraph::balance::{
    BalanceOptions, BalanceReport, BlockmodelOptions, SignedGraph, SignificanceOptions,
};

const FILES: [&str; 4] = [
    "highland_tribes.csv",
    "slovene_parties_1994.csv",
    "supreme_court_2000_01.csv",
    "cow_signed_networks.csv",
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let explain = args.iter().any(|a| a == "--explain");
    let Some(dir) = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
    else {
        eprintln!(
            "usage: signed_networks DIR [--explain]  (DIR: ../shared/data/signed or tests/data)"
        );
        return ExitCode::from(2);
    };
    if !dir.is_dir() {
        eprintln!(
            "{}: no such folder (the shared data folder is ../shared/data/signed)",
            dir.display()
        );
        return ExitCode::from(2);
    }
    println!(
        "| graph | nodes | edges (+/−) | balanced | triangle balance | walk balance | L | lower bound | exact | 1 − 2L/W | L, distinct pairs | ms |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut found = 0;
    let mut total = 0.0;
    for name in FILES {
        let path = dir.join(name);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e} (skipped)", path.display());
                continue;
            }
        };
        found += 1;
        let graphs = match SignedGraph::read_edges(&text, &path.display().to_string()) {
            Ok(g) => g,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        };
        for g in &graphs {
            let start = Instant::now();
            let report = match BalanceReport::new(g, &BalanceOptions::new()) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            };
            let distinct = g
                .distinct_pairs()
                .frustration(&BalanceOptions::new().frustration);
            let ms = start.elapsed().as_secs_f64() * 1e3;
            total += ms;
            let positive = g.edges().iter().filter(|e| e.sign > 0).count();
            let f = &report.frustration;
            println!(
                "| {}{} | {} | {} ({}/{}) | {} | {:.4} | {} | {} | {} | {} | {:.4} | {}{} | {:.1} |",
                name.trim_end_matches(".csv"),
                g.period().map(|p| format!(" {p}")).unwrap_or_default(),
                g.nodes().len(),
                g.edges().len(),
                positive,
                g.edges().len() - positive,
                if report.balance.is_balanced() {
                    "yes"
                } else {
                    "no"
                },
                report.triangles.balance_ratio(),
                report
                    .walk_balance
                    .map_or("-".to_owned(), |w| format!("{w:.4}")),
                f.value,
                f.lower_bound,
                if f.exact { "yes" } else { "no" },
                f.score(),
                distinct.value,
                if distinct.exact { "" } else { " (bound)" },
                ms
            );
            if explain {
                eprintln!("{}", report.explain(None));
            }
        }
    }
    if found == 0 {
        eprintln!("{}: none of {} is there", dir.display(), FILES.join(", "));
        return ExitCode::from(2);
    }
    println!(
        "\nall analyses (balance tests, triangles, walk balance, exact frustration): {total:.1} ms"
    );
    if let Some(tribes) = read_one(&dir.join("highland_tribes.csv")) {
        in_depth(&tribes);
    }
    ExitCode::SUCCESS
}

/// The first graph of an edge list, if it is there and reads.
fn read_one(path: &std::path::Path) -> Option<SignedGraph> {
    let text = std::fs::read_to_string(path).ok()?;
    SignedGraph::read_edges(&text, &path.display().to_string())
        .ok()?
        .into_iter()
        .next()
}

/// Significance, three camps and centralities: `stancegraph balance FILE
/// --edges --camps 3` and `stancegraph centrality FILE --edges` say the same.
fn in_depth(g: &SignedGraph) {
    let options = BalanceOptions::new()
        .with_significance(SignificanceOptions::new())
        .with_blockmodel(BlockmodelOptions::new(3));
    match BalanceReport::new(g, &options) {
        Ok(report) => {
            println!("\nRead's Highland tribes in depth\n");
            println!("{}", report.explain(None));
            println!("{}", g.centrality().explain(g));
        }
        Err(e) => eprintln!("{e}"),
    }
}
