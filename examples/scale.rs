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
//! ```text
//! cargo run --release --example scale -- generate-negotiation 200 4000 0.0 /tmp/deals.json
//! ```
//!
//! `generate-negotiation` writes a negotiation for the deal finder (parties,
//! issues, share of relations across topics; see `benches/common`), loads
//! it back to check that it is valid, and prints its size: parties and
//! spokespeople, relations and the largest group of issues they link,
//! positions, and how many issues are contested on the last day.
//!
//! `significance N M` times [`SignedGraph::significance`] with its defaults
//! (1,000 triangle and 100 frustration shuffles) on the same kind of graph.
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

/// Prints the size of a negotiation scenario: what the deal finder will
/// see on the last day of its positions.
fn print_negotiation(s: &Scenario) {
    use stancegraph::{ActorKind, Stance};
    let speakers = s.actors().filter(|(_, a)| a.speaks_for().is_some()).count();
    let blocs = s
        .actors()
        .filter(|(_, a)| a.kind() == ActorKind::Alliance)
        .count();
    let topic = |i: stancegraph::IssueId| s.issue(i).tags().first().cloned();
    let crossing = s
        .relations()
        .filter(|(_, r)| r.issues().iter().any(|&i| topic(i) != topic(r.issues()[0])))
        .count();
    // Issues linked by relations, by union-find: the deal finder's parts.
    let mut parent: Vec<usize> = (0..s.issues().len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (_, r) in s.relations() {
        let first = root(&mut parent, r.issues()[0].index());
        for i in &r.issues()[1..] {
            let other = root(&mut parent, i.index());
            parent[other] = first;
        }
    }
    let mut sizes = vec![0usize; parent.len()];
    for i in 0..parent.len() {
        sizes[root(&mut parent, i)] += 1;
    }
    let largest = sizes.iter().max().copied().unwrap_or(0);
    // Claims on the last day: holding, non-neutral positions by principal.
    let last = s.positions().filter_map(|(_, p)| p.date()).max();
    let holdings = s.holdings();
    let mut claims = std::collections::BTreeSet::new();
    for (id, p) in s.positions() {
        if p.stance() != Stance::Neutral
            && last.is_none_or(|day| holdings[id.index()].holds_on(day))
        {
            claims.insert((p.issue(), p.stance(), s.principal(p.actor())));
        }
    }
    let mut sides = vec![(false, false); s.issues().len()];
    for &(issue, stance, _) in &claims {
        let side = &mut sides[issue.index()];
        match stance {
            Stance::Support => side.0 = true,
            _ => side.1 = true,
        }
    }
    let contested = sides.iter().filter(|&&(a, b)| a && b).count();
    let superseded = holdings
        .iter()
        .filter(|h| h.superseded_by.is_some())
        .count();
    let until = s.positions().filter(|(_, p)| p.until().is_some()).count();
    println!(
        "{} actors: {} parties, {speakers} spokespeople, {blocs} blocs",
        s.actors().len(),
        s.actors().len() - speakers - blocs
    );
    println!(
        "{} issues, {} relations ({crossing} across topics), largest linked group {largest} issues",
        s.issues().len(),
        s.relations().len()
    );
    println!(
        "{} positions ({superseded} superseded, {until} with an end); on {}: {} claims, {contested} contested issues",
        s.positions().len(),
        last.map_or_else(|| "any day".to_owned(), |d| d.to_string()),
        claims.len()
    );
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
        ["generate-negotiation", parties, issues, cross, path] => {
            let (Ok(parties), Ok(issues), Ok(cross)) = (
                parties.parse::<usize>(),
                issues.parse::<usize>(),
                cross.parse::<f64>(),
            ) else {
                eprintln!(
                    "not numbers of parties and issues and a share of crossing relations: \
                     {parties} {issues} {cross}"
                );
                return ExitCode::from(2);
            };
            if !(0.0..=1.0).contains(&cross) {
                eprintln!("the share of crossing relations is between 0 and 1, not {cross}");
                return ExitCode::from(2);
            }
            let start = Instant::now();
            let generated = common::negotiation(parties, issues, cross);
            let built = start.elapsed();
            if let Err(e) = generated.save(path) {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
            let saved = start.elapsed();
            let scenario = match Scenario::load(path) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{path} does not load back: {e}");
                    return ExitCode::from(2);
                }
            };
            let loaded = start.elapsed();
            println!("wrote {path}");
            print_negotiation(&scenario);
            println!(
                "generate {:.3} s, save {:.3} s, load {:.3} s",
                built.as_secs_f64(),
                (saved - built).as_secs_f64(),
                (loaded - saved).as_secs_f64()
            );
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
        ["significance", nodes, edges] => {
            let (Ok(nodes), Ok(edges)) = (nodes.parse::<usize>(), edges.parse::<usize>()) else {
                eprintln!("not numbers of nodes and edges: {nodes} {edges}");
                return ExitCode::from(2);
            };
            let graph = common::signed(nodes, edges, 0.1, 7);
            let start = Instant::now();
            let s = graph.significance(&stancegraph::balance::SignificanceOptions::new());
            let elapsed = start.elapsed();
            print!(
                "{nodes} nodes, {} edges, {} triangles (10% of signs against the planted camps):\n{}",
                graph.edges().len(),
                graph.triangles().total(),
                s.explain()
            );
            println!(
                "significance (1,000 + 100 shuffles, every core) {:.3} s",
                elapsed.as_secs_f64()
            );
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
                100.0 * f.gap() / f.value.max(1.0)
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
                 scale frustration NODES EDGES | \
                 scale generate-negotiation PARTIES ISSUES CROSS FILE.json | \
                 scale significance NODES EDGES"
            );
            ExitCode::from(2)
        }
    }
}
