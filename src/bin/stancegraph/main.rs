//! `stancegraph`: validate and inspect stance scenarios from the command line.
//!
//! A thin layer over the library: every subcommand calls its public API.
//! The layout follows cargo's `src/bin/cargo`: this file parses the command
//! line and prints errors; [`input`] reads any input file, [`output`] writes
//! the results, and `commands/` holds one file per subcommand, each with its
//! arguments and an `exec` returning a `Result`.
//!
//! Errors flow up as [`CliError`] to [`main`], the one place that prints
//! them and picks the exit code: 2 for invalid input or usage (every problem
//! printed, in one write) and when an output file or directory (`-o`) cannot
//! be written, naming it; 1 when stdout cannot be written; 0 when stdout was
//! closed early (`stancegraph show f | head`). A subcommand's own exit codes
//! (`check --deny` gives 1) are its `Ok` value.

mod commands;
mod error;
mod input;
mod output;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::error::CliError;

/// Compare the stances of political actors: who agrees, who is in conflict,
/// and which positions cannot all hold together.
#[derive(Parser)]
#[command(name = "stancegraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: commands::Command,
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(CliError::Invalid(message)) => {
            // One write: a million problems must not cost a million system calls.
            let text = format!("{message}\n");
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            ExitCode::from(2)
        }
        Err(CliError::Output(e)) => {
            eprintln!("stancegraph: cannot write the output: {e}");
            ExitCode::from(1)
        }
        Err(CliError::OutputClosed) => ExitCode::SUCCESS,
    }
}

fn run() -> Result<ExitCode, CliError> {
    commands::exec(Cli::parse().command)
}
