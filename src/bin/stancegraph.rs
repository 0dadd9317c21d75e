//! `stancegraph`: validate and inspect stance scenarios from the command line.
//!
//! A thin layer over the library: every subcommand calls its public API.

use std::fmt::Display;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use stancegraph::{Attribution, Date, GraphOptions, Overview, Scenario, StanceGraph};

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
    }
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
