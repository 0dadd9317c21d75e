//! `diff`: what changed between two versions of a case (`diff OLD NEW`,
//! optionally both as of a day), or in one case between two days
//! (`diff CASE --from D1 --to D2`), as a text changelog or JSON.
//!
//! Inputs are read by the common input machinery (any scenario file, or a
//! table or database); if both are invalid, both files' problems are
//! reported together. The exit code does not depend on whether anything
//! changed: 0 on success, 2 on bad usage or invalid input.
//!
//! Library API: [`stancegraph::Scenario::diff`] and
//! [`stancegraph::Scenario::diff_dates`] with
//! [`stancegraph::diff::DiffOptions`]; the text is the
//! [`stancegraph::diff::ScenarioDiff`] `Display`, the JSON its `to_json`.

use std::path::PathBuf;
use std::process::ExitCode;

use stancegraph::{Date, diff::DiffOptions};

use super::OutputFormat;
use crate::error::CliError;
use crate::input::{self, CsvArgs, ReadArgs};
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    /// The older version (a scenario, statements table or .dna database),
    /// or with --from and --to the one case to compare between two days.
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The newer version of the same case (not with --from/--to).
    #[arg(value_name = "NEW")]
    new: Option<PathBuf>,
    /// With OLD and NEW: compare both versions as of this day (YYYY-MM-DD);
    /// without it the full histories are compared.
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    as_of: Option<Date>,
    /// With one CASE: the earlier day (YYYY-MM-DD); needs --to.
    #[arg(long, value_name = "DATE", requires = "to")]
    from: Option<Date>,
    /// With one CASE: the later day (YYYY-MM-DD); needs --from.
    #[arg(long, value_name = "DATE", requires = "from")]
    to: Option<Date>,
    /// `text` for people (a changelog), `json` for machines.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    #[command(flatten)]
    csv: CsvArgs,
    #[command(flatten)]
    read: ReadArgs,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let days = match (&args.new, args.from, args.to) {
        (Some(_), None, None) => None,
        (Some(_), _, _) => {
            return Err(CliError::invalid(
                "stancegraph diff: give either OLD NEW, or one CASE with --from and --to, not both",
            ));
        }
        (None, Some(from), Some(to)) if from > to => {
            return Err(CliError::invalid(format!(
                "stancegraph diff: --from {from} is after --to {to}"
            )));
        }
        (None, Some(from), Some(to)) => Some((from, to)),
        (None, _, _) => {
            return Err(CliError::invalid(
                "stancegraph diff: give two versions (OLD NEW), or one CASE with --from and --to",
            ));
        }
    };
    let mut options = DiffOptions::default();
    options.as_of = args.as_of;
    let mut problems = Vec::new();
    let mut read = |file: &PathBuf| match input::load(file, &args.csv, &args.read) {
        Ok(input) => Ok(Some(input.scenario)),
        Err(CliError::Invalid(problem)) => {
            problems.push(problem);
            Ok(None)
        }
        Err(e) => Err(e),
    };
    let old = read(&args.old)?;
    let new = args.new.as_ref().map(&mut read).transpose()?.flatten();
    if let Some(e) = CliError::all(problems) {
        return Err(e);
    }
    let Some(old) = old else {
        return Err(CliError::invalid("stancegraph diff: OLD could not be read"));
    };
    let diff = match (days, &new) {
        (Some((from, to)), _) => old.diff_dates(from, to, &options),
        (None, Some(new)) => old.diff(new, &options),
        (None, None) => {
            return Err(CliError::invalid("stancegraph diff: NEW could not be read"));
        }
    };
    output::emit(match args.format {
        OutputFormat::Text => diff.to_string(),
        OutputFormat::Json => output::json(&diff.to_json()),
    })?;
    Ok(ExitCode::SUCCESS)
}
