//! `show`: the plain-text overview of an input (actors, issues, camps per
//! issue, agreement and conflict), with positions counted for their
//! principal (default) or their speaker, on one day or all.
//!
//! Library API: [`stancegraph::StanceGraph::with_options`] with
//! [`stancegraph::stance::GraphOptions`], printed by
//! [`stancegraph::stance::Overview`].

use std::process::ExitCode;

use stancegraph::{Date, StanceGraph, stance::Overview};

use super::AttributionChoice;
use crate::error::CliError;
use crate::input::InputArgs;
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Whom a statement counts for when deriving agreement and conflict.
    #[arg(long, value_enum, default_value_t = AttributionChoice::Principal)]
    attribution: AttributionChoice,
    /// Deprecated: `--attribution principal`, now the default.
    #[arg(long, hide = true, conflicts_with = "attribution")]
    by_principal: bool,
    /// Count only the positions that hold on this day (YYYY-MM-DD): a later
    /// position of the same principal on an issue supersedes an earlier one.
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let input = args.input.load()?;
    let options = args
        .attribution
        .or_alias(args.by_principal.then_some(AttributionChoice::Principal))
        .graph_options(args.as_of);
    let graph = StanceGraph::with_options(&input.scenario, options);
    output::emit(Overview::new(&graph))?;
    Ok(ExitCode::SUCCESS)
}
