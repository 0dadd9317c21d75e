//! Scale check: time and peak memory from a JSON scenario file to a built
//! stance graph.
//!
//! ```text
//! cargo run --release --example scale -- generate 1000000 /tmp/1m.json
//! cargo run --release --example scale -- load /tmp/1m.json
//! ```
//!
//! `load` reads the file, parses and validates it, builds the graph, and
//! prints each step's time and the process's peak resident memory (Linux).
//!
//! ```text
//! cargo run --release --example scale -- generate-contested 1000000 /tmp/c1m.json
//! cargo run --release --example scale -- check /tmp/c1m.json
//! ```
//!
//! `check` loads the file and runs the contradiction engine on it.
//!
//! ```text
//! cargo run --release --example scale -- frustration 100000 1000000
//! ```
//!
//! `frustration` generates a signed graph with planted camps and 10% noise
//! and times the balance test, the triangle census and the heuristic
//! frustration index (with its gap).

use std::process::ExitCode;
use std::time::Instant;

use stancegraph::{Scenario, StanceGraph, io::Format};

#[path = "../benches/common/mod.rs"]
mod common;

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", n, path] => {
            let Ok(n) = n.parse::<usize>() else {
                eprintln!("not a number of positions: {n}");
                return ExitCode::from(2);
            };
            let text = common::json(n);
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("{path}: {e}");
                return ExitCode::from(2);
            }
            println!("wrote {n} positions to {path}");
            ExitCode::SUCCESS
        }
        ["generate-contested", n, path] => {
            let Ok(n) = n.parse::<usize>() else {
                eprintln!("not a number of positions: {n}");
                return ExitCode::from(2);
            };
            let text = match common::contested(n).to_string_as(Format::Json) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            };
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("{path}: {e}");
                return ExitCode::from(2);
            }
            println!("wrote a contested scenario of {n} positions to {path}");
            ExitCode::SUCCESS
        }
        ["check", path] => {
            let start = Instant::now();
            let scenario = match Scenario::load(path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e} (create it with `scale generate-contested N {path}`)");
                    return ExitCode::from(2);
                }
            };
            let loaded = start.elapsed();
            let found =
                scenario.contradictions(&stancegraph::contradiction::CheckOptions::default());
            let checked = start.elapsed();
            let mut by_kind = std::collections::BTreeMap::new();
            for c in &found {
                *by_kind.entry(c.kind.as_str()).or_insert(0usize) += 1;
            }
            println!(
                "{} positions, {} actors, {} issues, {} relations -> {} contradictions {:?}, {} truncated groups",
                scenario.positions().len(),
                scenario.actors().len(),
                scenario.issues().len(),
                scenario.relations().len(),
                found.len(),
                by_kind,
                found.truncated().len()
            );
            println!(
                "load {:.3} s, check {:.3} s",
                loaded.as_secs_f64(),
                (checked - loaded).as_secs_f64()
            );
            if let Some(mib) = peak_memory_mib() {
                println!("peak resident memory {mib:.0} MiB");
            }
            ExitCode::SUCCESS
        }
        ["network", n] => {
            let Ok(n) = n.parse::<usize>() else {
                eprintln!("not a number of positions: {n}");
                return ExitCode::from(2);
            };
            let start = Instant::now();
            let scenario = common::discourse(n);
            let built = start.elapsed();
            let options = stancegraph::discourse::NetworkOptions::new(
                stancegraph::discourse::NetworkMode::Actor,
                stancegraph::discourse::NetworkType::Congruence,
            )
            .with_normalization(stancegraph::discourse::Normalization::Average);
            let network = match scenario.network(&options) {
                Ok(network) => network,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            };
            let computed = start.elapsed();
            println!(
                "{n} positions, {} x {} congruence network (average), sum {:.1}",
                network.row_labels().len(),
                network.column_labels().len(),
                network.sum()
            );
            println!(
                "generate {:.3} s, network {:.3} s",
                built.as_secs_f64(),
                (computed - built).as_secs_f64()
            );
            if let Some(mib) = peak_memory_mib() {
                println!("peak resident memory {mib:.0} MiB");
            }
            ExitCode::SUCCESS
        }
        ["load", path] => {
            let start = Instant::now();
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("{path}: {e} (create it with `scale generate N {path}`)");
                    return ExitCode::from(2);
                }
            };
            let read = start.elapsed();
            let scenario = match Scenario::from_slice_as(&bytes, Format::Json, path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{e}");
                    return ExitCode::from(2);
                }
            };
            drop(bytes);
            let parsed = start.elapsed();
            let graph = StanceGraph::new(&scenario);
            let built = start.elapsed();
            println!(
                "{} positions, {} actors, {} issues -> {} ties",
                scenario.positions().len(),
                scenario.actors().len(),
                scenario.issues().len(),
                graph.ties().len()
            );
            println!(
                "read {:.3} s, parse+validate {:.3} s, build graph {:.3} s, total {:.3} s",
                read.as_secs_f64(),
                (parsed - read).as_secs_f64(),
                (built - parsed).as_secs_f64(),
                built.as_secs_f64()
            );
            if let Some(mib) = peak_memory_mib() {
                println!("peak resident memory {mib:.0} MiB");
            }
            ExitCode::SUCCESS
        }
        ["frustration", nodes, edges] => {
            let (Ok(nodes), Ok(edges)) = (nodes.parse::<usize>(), edges.parse::<usize>()) else {
                eprintln!("not numbers of nodes and edges: {nodes} {edges}");
                return ExitCode::from(2);
            };
            let start = Instant::now();
            let graph = common::signed(nodes, edges, 0.1, 7);
            let built = start.elapsed();
            let balance = graph.balance();
            let balanced = start.elapsed();
            let census = graph.triangles();
            let counted = start.elapsed();
            let f = graph.frustration(
                &stancegraph::balance::FrustrationOptions::new()
                    .with_method(stancegraph::balance::FrustrationMethod::Heuristic),
            );
            let solved = start.elapsed();
            println!(
                "{nodes} nodes, {} edges (10% of signs against the planted camps): balanced {}, {} triangles",
                graph.edges().len(),
                balance.is_balanced(),
                census.total()
            );
            println!(
                "frustration (heuristic): {} frustrated edges, lower bound {}, gap {} ({:.1}% of the value)",
                f.value,
                f.lower_bound,
                f.gap(),
                100.0 * f.gap() as f64 / f.value.max(1) as f64
            );
            println!(
                "generate {:.3} s, balance test {:.3} s, triangle census {:.3} s, frustration {:.3} s",
                built.as_secs_f64(),
                (balanced - built).as_secs_f64(),
                (counted - balanced).as_secs_f64(),
                (solved - counted).as_secs_f64()
            );
            if let Some(mib) = peak_memory_mib() {
                println!("peak resident memory {mib:.0} MiB");
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!(
                "usage: scale generate N FILE.json | scale load FILE.json | \
                 scale generate-contested N FILE.json | scale check FILE.json | scale network N | \
                 scale frustration NODES EDGES"
            );
            ExitCode::from(2)
        }
    }
}
