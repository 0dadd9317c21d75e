//! `stancegraph`: validate and inspect stance scenarios from the command line.
//!
//! A thin layer over the library: every subcommand calls its public API.

use std::fmt::Display;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use stancegraph::{
    Attribution, CheckOptions, ContradictionKind, Date, GraphOptions, Overview, Scenario, Severity,
    StanceGraph,
};

/// Compare the stances of political actors: who agrees, who is in conflict,
/// and which positions cannot all hold together.
#[derive(Parser)]
#[command(name = "stancegraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario files (YAML, JSON or TOML) and report every problem.
    ///
    /// Prints one summary line per valid file. Exits with 2 if any file is
    /// invalid, after printing each of its problems to stderr.
    Validate {
        /// The scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print an overview: actors, issues, camps, agreement and conflict.
    Show {
        /// The scenario file.
        file: PathBuf,
        /// Count statements for whom the speaker speaks for (an envoy's
        /// words as their state's) when deriving agreement and conflict.
        #[arg(long)]
        by_principal: bool,
        /// Count only the positions that hold on this day (YYYY-MM-DD): a later
        /// position of the same principal on an issue supersedes an earlier one.
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
    },
    /// Find the positions that cannot all hold together, most severe first.
    ///
    /// Exits with 0 on success, 2 on invalid input (printing every problem),
    /// and 1 only when `--deny` is given and a contradiction at or above that
    /// severity is found.
    Check {
        /// The scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `text` for people, `json` for machines.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Consider only the positions that hold on this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Report only these kinds (repeatable): self_contradiction,
        /// member_vs_bloc, between_allies, deadlock, reversal.
        #[arg(long = "kind", value_name = "KIND")]
        kinds: Vec<ContradictionKind>,
        /// Report only contradictions at least this severe: critical, high, medium.
        #[arg(long, value_name = "SEVERITY")]
        min_severity: Option<Severity>,
        /// Exit with 1 if a contradiction at least this severe is reported.
        #[arg(long, value_name = "SEVERITY")]
        deny: Option<Severity>,
        /// Report at most this many contradictions per group (kind,
        /// principals, clause); the rest are counted.
        #[arg(long, value_name = "N", default_value_t = CheckOptions::DEFAULT_MAX_PER_GROUP,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        max_per_group: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { files } => validate(&files),
        Command::Show {
            file,
            by_principal,
            as_of,
        } => show(&file, by_principal, as_of),
        Command::Check {
            files,
            format,
            as_of,
            kinds,
            min_severity,
            deny,
            max_per_group,
        } => {
            let mut options = CheckOptions::default().with_max_per_group(max_per_group);
            options.as_of = as_of;
            let filter = Filter {
                kinds,
                min_severity,
                deny,
            };
            check(&files, format, &options, &filter)
        }
    }
}

struct Filter {
    kinds: Vec<ContradictionKind>,
    min_severity: Option<Severity>,
    deny: Option<Severity>,
}

fn check(
    files: &[PathBuf],
    format: OutputFormat,
    options: &CheckOptions,
    filter: &Filter,
) -> ExitCode {
    let mut scenarios = Vec::new();
    let mut invalid = false;
    for file in files {
        match Scenario::load(file) {
            Ok(s) => scenarios.push((file, s)),
            Err(e) => {
                invalid = true;
                eprintln!("{e}");
            }
        }
    }
    if invalid {
        return ExitCode::from(2);
    }
    let mut denied = false;
    let mut documents = Vec::new();
    let mut text = String::new();
    for (file, scenario) in &scenarios {
        let mut found = scenario.contradictions(options);
        found.retain(|c| {
            (filter.kinds.is_empty() || filter.kinds.contains(&c.kind))
                && filter.min_severity.is_none_or(|min| c.severity <= min)
        });
        denied |= filter
            .deny
            .is_some_and(|deny| found.iter().any(|c| c.severity <= deny));
        match format {
            OutputFormat::Json => documents.push((file, found.to_json())),
            OutputFormat::Text => text.push_str(&render_text(file, &found)),
        }
    }
    let output = match format {
        OutputFormat::Text => text,
        // One file: the report itself; several: {"files": [{"file": ..., report...}]}.
        OutputFormat::Json if documents.len() == 1 => format!("{}\n", documents[0].1),
        OutputFormat::Json => {
            let files: Vec<serde_json::Value> = documents
                .iter()
                .map(|(file, json)| {
                    let mut value: serde_json::Value =
                        serde_json::from_str(json).unwrap_or_default();
                    if let Some(map) = value.as_object_mut() {
                        map.insert("file".into(), file.display().to_string().into());
                    }
                    value
                })
                .collect();
            let doc = serde_json::json!({ "files": files });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )
        }
    };
    if let Err(code) = emit(output) {
        return code;
    }
    if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn render_text(file: &Path, found: &stancegraph::Contradictions<'_>) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}: {} contradiction{}",
        file.display(),
        found.len(),
        if found.len() == 1 { "" } else { "s" }
    );
    // Grouped by kind; within a kind, most severe first.
    for kind in ContradictionKind::ALL {
        let group: Vec<_> = found.iter().filter(|c| c.kind == *kind).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{} ({})",
            kind.as_str().replace('_', " "),
            group.len()
        );
        for (i, c) in group.iter().enumerate() {
            let _ = writeln!(out, "\n  {}. {c}", i + 1);
        }
    }
    for t in found.truncated() {
        let s = found.scenario();
        let actors: Vec<&str> = t.principals.iter().map(|&a| s.actor(a).key()).collect();
        let _ = writeln!(
            out,
            "\nnote: {} {} contradictions among {} found, {} reported (raise --max-per-group to see more)",
            t.found,
            t.kind,
            actors.join(", "),
            t.reported
        );
    }
    out
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        match Scenario::load(file) {
            Ok(s) => {
                let summary = format!(
                    "{}: ok: {} actors, {} issues, {} relations, {} positions\n",
                    file.display(),
                    s.actors().len(),
                    s.issues().len(),
                    s.relations().len(),
                    s.positions().len()
                );
                if let Err(code) = emit(summary) {
                    return code;
                }
            }
            Err(e) => {
                ok = false;
                eprintln!("{e}");
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn show(file: &Path, by_principal: bool, as_of: Option<Date>) -> ExitCode {
    let scenario = match Scenario::load(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let attribution = if by_principal {
        Attribution::Principal
    } else {
        Attribution::Speaker
    };
    let mut options = GraphOptions::default().with_attribution(attribution);
    options.as_of = as_of;
    let graph = StanceGraph::with_options(&scenario, options);
    match emit(Overview::new(&graph)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// Writes to stdout. A closed pipe (`stancegraph show f | head`) ends the
/// output quietly; any other write error is reported.
fn emit(text: impl Display) -> Result<(), ExitCode> {
    match write!(std::io::stdout().lock(), "{text}") {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("stancegraph: cannot write the output: {e}");
            Err(ExitCode::from(1))
        }
    }
}
