//! `stancegraph`: validate and inspect stance scenarios from the command line.
//!
//! A thin layer over the library: every subcommand calls its public API.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use stancegraph::{Attribution, GraphOptions, Overview, Scenario, StanceGraph};

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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { files } => validate(&files),
        Command::Show { file, by_principal } => show(&file, by_principal),
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        match Scenario::load(file) {
            Ok(s) => println!(
                "{}: ok: {} actors, {} issues, {} relations, {} positions",
                file.display(),
                s.actors().len(),
                s.issues().len(),
                s.relations().len(),
                s.positions().len()
            ),
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

fn show(file: &Path, by_principal: bool) -> ExitCode {
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
    let graph = StanceGraph::with_options(
        &scenario,
        GraphOptions::default().with_attribution(attribution),
    );
    print!("{}", Overview::new(&graph));
    ExitCode::SUCCESS
}
