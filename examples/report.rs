//! Self-contained HTML stance reports ([`stancegraph::render::HtmlReport`]).
//!
//! ```text
//! cargo run --example report                      # the founding scenario (built in)
//! cargo run --example report -- dna ../shared/data/dna_sample_csv/statements.csv
//! cargo run --release --example report -- un ../shared/data/unvotes/un_votes.csv \
//!     ../shared/data/unvotes/un_roll_calls.csv 2019
//! ```
//!
//! Each writes `NAME.html` (the report) and `NAME.svg` (the network drawing alone) into
//! `target/reports/`, or into the directory given with `--out DIR`, and prints what it drew.
//! The UN report has one actor per country (193 in 2019), so the drawing groups countries that
//! vote alike; the DNA sample's statements table is the Discourse Network Analyzer sample.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod common;

use common::read_roll_calls;
use stancegraph::{
    Actor, ActorKind, Issue, Position, Scenario,
    io::{RollCallVotes, StatementsCsv},
    render::HtmlReport,
};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut out = PathBuf::from("target/reports");
    if let Some(i) = args.iter().position(|a| a == "--out") {
        if i + 1 >= args.len() {
            eprintln!("report: --out needs a directory");
            return ExitCode::from(2);
        }
        out = PathBuf::from(args.remove(i + 1));
        args.remove(i);
    }
    let built = match args.first().map(String::as_str) {
        None | Some("founding") => founding().map(|s| ("istanbul-talks", s)),
        Some("dna") => match args.get(1) {
            Some(path) => dna(Path::new(path)).map(|s| ("dna-sample", s)),
            None => Err(
                "give the DNA sample's statements table: report dna PATH/TO/statements.csv \
                 (shared/data/dna_sample_csv/statements.csv or tests/data/dna_sample_statements.csv)"
                    .to_owned(),
            ),
        },
        Some("un") => match (args.get(1), args.get(2), args.get(3)) {
            (Some(votes), Some(roll_calls), Some(year)) => {
                un(Path::new(votes), Path::new(roll_calls), year).map(|s| ("un-votes", s))
            }
            _ => Err(
                "give the votes, the roll calls and a year: report un un_votes.csv un_roll_calls.csv 2019 \
                 (shared/data/unvotes/, or tests/data/un_votes_2019.csv and un_roll_calls_2019.csv)"
                    .to_owned(),
            ),
        },
        Some(other) => Err(format!("unknown report `{other}`: founding, dna or un")),
    };
    let (name, scenario) = match built {
        Ok(b) => b,
        Err(e) => {
            eprintln!("report: {e}");
            return ExitCode::from(2);
        }
    };
    let report = match HtmlReport::new(&scenario) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("report: {e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("report: {}: {e}", out.display());
        return ExitCode::from(2);
    }
    for (extension, text) in [("html", report.render_html()), ("svg", report.render_svg())] {
        let path = out.join(format!("{name}.{extension}"));
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("report: {}: {e}", path.display());
            return ExitCode::from(2);
        }
        println!("wrote {}", path.display());
    }
    println!(
        "{} actors drawn as {:?}, {} contradictions, {} ties",
        scenario.actors().len(),
        report.drawn_as(),
        report.contradictions().len(),
        report.graph().ties().len()
    );
    ExitCode::SUCCESS
}

/// The founding scenario, compiled into the example.
fn founding() -> Result<Scenario, String> {
    Scenario::from_yaml_str(include_str!("data/istanbul-talks.yaml")).map_err(|e| e.to_string())
}

/// The DNA sample's statements: organisations, spoken for by their people.
fn dna(path: &Path) -> Result<Scenario, String> {
    let mut scenario = StatementsCsv::new("organization", "concept", "agreement")
        .speaker("person")
        .date("date")
        .quote("text")
        .source("document_title")
        .id("statement_id")
        .read_path(path)
        .map_err(|e| e.to_string())?;
    scenario = scenario.with_title(
        "Discourse Network Analyzer sample: US congressional hearings on climate policy, 2005",
    );
    Ok(scenario)
}

/// One year of UN General Assembly votes: countries as states, that
/// year's roll calls as issues named by their description.
fn un(votes: &Path, roll_calls: &Path, year: &str) -> Result<Scenario, String> {
    let year: i32 = year
        .parse()
        .map_err(|_| format!("`{year}` is not a year"))?;
    let calls = read_roll_calls(roll_calls, year)?;
    if calls.is_empty() {
        return Err(format!(
            "{}: no roll calls dated {year}",
            roll_calls.display()
        ));
    }
    let mut votes = RollCallVotes::read_csv(votes).map_err(|e| e.to_string())?;
    votes.retain_roll_calls(|id| calls.contains_key(&id));
    // The countries that voted that year (the file holds every year's).
    let mut voted = vec![false; votes.countries().len()];
    for (country, _, _) in votes.votes() {
        voted[country] = true;
    }
    let mut s = Scenario::new().with_title(format!("UN General Assembly roll-call votes, {year}"));
    s = s.with_description(format!(
        "{} countries on {} roll calls (Voeten, Strezhnev and Bailey, Harvard Dataverse hdl:1902.1/12379): yes is support, no is oppose, abstain is neutral.",
        voted.iter().filter(|&&v| v).count(),
        votes.roll_calls().len()
    ));
    let err = |e: stancegraph::Error| e.to_string();
    let mut countries = Vec::new();
    for (i, (name, code)) in votes.countries().iter().zip(votes.codes()).enumerate() {
        if !voted[i] {
            countries.push(None);
            continue;
        }
        let mut actor = Actor::new(name.clone(), name.clone(), ActorKind::State);
        if !code.is_empty() {
            actor = actor.with_alias(code.clone());
        }
        countries.push(Some(s.add_actor(actor).map_err(err)?));
    }
    let mut issues = Vec::new();
    for id in votes.roll_calls() {
        let call = calls
            .get(id)
            .ok_or_else(|| format!("roll call {id} has no date"))?;
        let name = format!("{} ({})", call.short.trim(), call.resolution);
        let issue = s
            .add_issue(Issue::new(format!("rc-{id}"), name))
            .map_err(err)?;
        issues.push((issue, call.date));
    }
    for (country, call, vote) in votes.votes() {
        if let Some(actor) = countries[country] {
            let (issue, date) = issues[call];
            let position = Position::new(actor, issue, vote.stance()).with_date(date);
            s.add_position(position).map_err(err)?;
        }
    }
    Ok(s)
}
