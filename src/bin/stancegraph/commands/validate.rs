//! `validate`: reads every input file and prints one summary line per valid
//! one (its actors, issues, relations and positions); the problems of every
//! invalid file are reported together, with exit code 2.
//!
//! Library API: [`crate::input::load_all`] (that is [`stancegraph::Scenario::load`],
//! [`stancegraph::io::StatementsCsv`] or [`stancegraph::io::read_dna`]) and
//! the counts of [`stancegraph::Scenario`].

use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::CliError;
use crate::input::{self, CsvArgs};
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// The input files: scenarios (.yaml, .yml, .json, .toml), statements
    /// tables (.csv) or Discourse Network Analyzer databases (.dna, with the
    /// `dna` feature).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[command(flatten)]
    csv: CsvArgs,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    input::load_all(&args.files, &args.csv, |file, input| {
        let s = &input.scenario;
        output::emit(format!(
            "{}: ok: {} actors, {} issues, {} relations, {} positions\n",
            file.display(),
            s.actors().len(),
            s.issues().len(),
            s.relations().len(),
            s.positions().len()
        ))
    })?;
    Ok(ExitCode::SUCCESS)
}
