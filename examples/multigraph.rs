//! Weighted and ambivalent ties: a signed **multigraph**, read row by row.
//!
//! Real signed data repeat themselves: two states allied by several
//! treaties, a pair of genes regulating each other both ways, two parties
//! agreeing on some votes and opposing each other on others. stancegraph
//! reads every row as a tie (weight 1 unless a `weight` column says
//! otherwise), adds up rows that repeat a pair with the same sign and keeps
//! both signs of a pair tied both ways (an *ambivalent* pair). The
//! frustration index then counts the **total weight** out of place; with
//! [`SignedGraph::distinct_pairs`] it counts each distinct signed pair once,
//! as signnet does.
//!
//! ```text
//! cargo run --release --example multigraph                       # macrophage (tests/data)
//! cargo run --release --example multigraph -- ../shared/data/signed/yeast_signed.csv
//! ```
//!
//! The macrophage gene-regulatory network (Hüffner, Betzler & Niedermeier's
//! `bsg` data; 1,582 rows on 1,426 pairs, one pair tied both ways) has index
//! 374 counting its parallel edges (bsg's own test value) and 333 counting
//! each distinct signed pair once; as a simple graph, where a pair's rows
//! net out to one sign, it has 332 (Aref, Mason & Wilson). Yeast: 41.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use stancegraph::balance::{FrustrationOptions, SignedGraph};

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/macrophage_signed.csv"
        )
        .to_owned()
    });
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e} (give an edge list CSV: source,target,sign[,weight])");
            return ExitCode::from(2);
        }
    };
    let graphs = match SignedGraph::read_edges(&text, &path) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let rows = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    let options = FrustrationOptions::new().with_time_limit(Duration::from_secs(60));
    for g in &graphs {
        let ambivalent = g.ambivalent_pairs();
        println!(
            "{path}{}: {} nodes, {rows} rows → {} ties of total weight {}; {} pair(s) tied both ways",
            g.period().map(|p| format!(" ({p})")).unwrap_or_default(),
            g.nodes().len(),
            g.edges().len(),
            g.total_weight(),
            ambivalent.len()
        );
        for &(p, n) in ambivalent.iter().take(5) {
            let (pe, ne) = (g.edges()[p], g.edges()[n]);
            println!(
                "  {} -- {}: positive {}, negative {} (the lighter side is out of place whatever the camps)",
                g.nodes()[pe.a],
                g.nodes()[pe.b],
                pe.weight,
                ne.weight
            );
        }
        for (what, graph) in [
            ("total weight", g.clone()),
            ("distinct pairs", g.distinct_pairs()),
        ] {
            let start = Instant::now();
            let f = graph.frustration(&options);
            println!(
                "  frustration index counting {what}: {} ({}), {} ties out of place, {:.2} s",
                f.value,
                if f.exact {
                    "exact, proven optimal".to_owned()
                } else {
                    format!("not proven: at least {}", f.lower_bound)
                },
                f.frustrated_edges.len(),
                start.elapsed().as_secs_f64()
            );
        }
    }
    ExitCode::SUCCESS
}
