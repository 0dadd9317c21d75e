//! `validate`: reads every input file and prints one summary line per valid
//! one (its actors, issues, relations and positions; for a case folder, its
//! files, sources and verified quotes too); the problems of every invalid
//! file are reported together, with exit code 2. `--no-quote-check` skips
//! checking quotes against their sources' texts (for drafts).
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
    let quote_check = !args.inputs.read.no_quote_check;
    input::load_all(&args.inputs, |file, input| {
        let s = &input.scenario;
        let case = match s.provenance().files().len() {
            n if file.is_dir() => format!("case of {n} file{}, ", if n == 1 { "" } else { "s" }),
            _ => String::new(),
        };
        let mut line = format!(
            "{}: ok: {case}{} actors, {} issues, {} relations, {} positions",
            file.display(),
            s.actors().len(),
            s.issues().len(),
            s.relations().len(),
            s.positions().len()
        );
        let sources = s.sources().len();
        if sources > 0 {
            line += &format!(", {sources} source{}", if sources == 1 { "" } else { "s" });
        }
        let quotes = s
            .positions()
            .filter(|(_, p)| {
                p.quote().is_some() && p.source().is_some_and(|x| x.text_path().is_some())
            })
            .count();
        if quotes > 0 {
            line += &match quote_check {
                true => format!(
                    "; {quotes} quote{} verified",
                    if quotes == 1 { "" } else { "s" }
                ),
                false => format!(
                    "; {quotes} quote{} not checked (--no-quote-check)",
                    if quotes == 1 { "" } else { "s" }
                ),
            };
        }
        output::emit(line + "\n")
    })?;
    Ok(ExitCode::SUCCESS)
}
