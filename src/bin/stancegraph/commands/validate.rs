//! `validate`: reads every input file and prints one summary line per valid
//! one (its actors, issues, relations and positions); the problems of every
//! invalid file are reported together, with exit code 2.
//!
//! Library API: [`crate::input::load_all`] (that is [`stancegraph::Scenario::load`],
//! [`stancegraph::io::StatementsCsv`] or [`stancegraph::io::read_dna`]) and
//! the counts of [`stancegraph::Scenario`].

use std::process::ExitCode;

use crate::error::CliError;
use crate::input::{self, InputsArgs};
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: InputsArgs,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    input::load_all(&args.inputs, |file, input| {
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
