//! Event data to signed networks: an ICEWS file (or PLOVER records, or a
//! delimited event table) aggregated to country dyads per day, the
//! cooperation and conflict of each dyad, and the structural balance of
//! each day's network; with `--report PATH`, the HTML report of the
//! networks (every period in an overview, the last drawn and explained).
//!
//! ```text
//! cargo run --release --example events                        # the ICEWS sample (tests/data)
//! cargo run --release --example events -- events.tab month    # any file, any window
//! cargo run --release --example events -- --report target/reports/events.html
//! ```
//!
//! The ICEWS sample (3,705 events of 1–2 June 2018, the week before the
//! Singapore summit) has the United States → North Korea as its busiest
//! dyad (181 events) and North Korea → the United States second (131).

use std::process::ExitCode;

use stancegraph::balance::FrustrationOptions;
use stancegraph::events::{AggregateOptions, ReadOptions, Window, aggregate_file};
use stancegraph::render::{GraphReport, GraphReportOptions};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--report PATH`, anywhere: where to write the HTML report.
    let report = match args.iter().position(|a| a == "--report") {
        Some(i) if i + 1 < args.len() => {
            let path = args.remove(i + 1);
            args.remove(i);
            Some(path)
        }
        Some(_) => {
            eprintln!("--report needs a path");
            return ExitCode::from(2);
        }
        None => None,
    };
    let mut args = args.into_iter();
    let path = args.next().unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/icews_events_2018-06-01_02.tab"
        )
        .to_owned()
    });
    let window = match args
        .next()
        .as_deref()
        .map_or(Some(Window::Day), Window::parse)
    {
        Some(w) => w,
        None => {
            eprintln!("the window is one of {}", Window::NAMES);
            return ExitCode::from(2);
        }
    };
    let options = AggregateOptions::default().with_window(window);
    let networks = match aggregate_file(&path, &ReadOptions::default(), &options) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("{e}");
            eprintln!(
                "(give an event file: ICEWS .tab, PLOVER .json, or a delimited table with source, target and code or score columns)"
            );
            return ExitCode::from(2);
        }
    };
    println!("{path}: {}", networks.counts());

    // The busiest dyads, over all periods.
    let mut rows: Vec<_> = networks.rows().iter().collect();
    rows.sort_by(|a, b| b.events.cmp(&a.events).then(a.source.cmp(&b.source)));
    println!("\nBusiest dyads:");
    for r in rows.iter().take(5) {
        println!(
            "  {} -> {} ({}): {} events, Goldstein sum {}, {} of them material conflict",
            r.source, r.target, r.period, r.events, r.goldstein, r.quad.material_conflict
        );
    }

    // Each period's network: how far from two hostile camps is it?
    println!("\nBalance per period (frustration index: the least weight out of place):");
    for g in networks.graphs() {
        let f = g.frustration(&FrustrationOptions::new());
        println!(
            "  {}: {} countries, {} ties, frustration {}{} of total weight {:.1}",
            g.period().unwrap_or("all"),
            g.nodes().len(),
            g.edges().len(),
            f.value,
            if f.exact { " (proven)" } else { "" },
            g.total_weight()
        );
    }

    // The report: every period in the overview, the last drawn and explained.
    if let Some(out) = report {
        let graphs = networks.graphs();
        let name = std::path::Path::new(&path)
            .file_name()
            .map_or_else(|| path.clone(), |n| n.to_string_lossy().into_owned());
        let written =
            GraphReport::with_options(&graphs, GraphReportOptions::new().with_title(name))
                .map_err(|e| e.to_string())
                .and_then(|r| {
                    std::fs::write(&out, r.render_html()).map_err(|e| format!("{out}: {e}"))
                });
        match written {
            Ok(()) => println!("\nReport: {out}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}
