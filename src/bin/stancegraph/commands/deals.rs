//! `deals`: what a deal would take — the cheapest sets of claims the
//! parties at the table would have to withdraw for all the others to hold
//! together, who must make them, and proof when no deal exists.
//!
//! Library API: [`stancegraph::Scenario::deals`] with
//! [`stancegraph::deal::DealOptions`]; the text is the
//! [`stancegraph::deal::Deals`] `Display`, the JSON its `to_json`, the
//! `--wcnf` file its `to_wcnf`.

use std::path::PathBuf;
use std::process::ExitCode;

use stancegraph::{Date, Stance, deal::DealOptions};

use super::OutputFormat;
use crate::error::CliError;
use crate::input::InputArgs;
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// The parties at the table, by id, comma-separated (default: every
    /// principal with a claim). A spokesperson stands for its principal.
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    parties: Vec<String>,
    /// A party that concedes nothing (repeatable).
    #[arg(long, value_name = "PARTY")]
    keep: Vec<String>,
    /// A position whose claim must stay (repeatable).
    #[arg(long, value_name = "POSITION")]
    protect: Vec<String>,
    /// An outcome that must hold: ISSUE=support (it holds) or ISSUE=oppose
    /// (it does not) (repeatable).
    #[arg(long, value_name = "ISSUE=STANCE", value_parser = parse_require)]
    require: Vec<(String, Stance)>,
    /// The day whose positions count (YYYY-MM-DD; default: the latest date
    /// of any position).
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// List at most this many deals, cheapest first.
    #[arg(long, value_name = "N", default_value_t = DealOptions::DEFAULT_MAX,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    max: usize,
    /// Stop after this many seconds with the best deals proven so far and a
    /// lower bound. Default: no limit (`inf`).
    #[arg(long, value_name = "SECONDS", value_parser = super::parse_time_limit)]
    time_limit: Option<super::TimeLimit>,
    /// `text` for people, `json` for machines.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Also write the weighted MaxSAT encoding (WCNF) to this file, to
    /// cross-check with any MaxSAT solver.
    #[arg(long, value_name = "OUT")]
    wcnf: Option<PathBuf>,
}

fn parse_require(text: &str) -> Result<(String, Stance), String> {
    let (issue, stance) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}` is not ISSUE=support|oppose"))?;
    match stance.trim().parse::<Stance>() {
        Ok(s @ (Stance::Support | Stance::Oppose)) => Ok((issue.trim().to_owned(), s)),
        _ => Err(format!("`{stance}` is not support or oppose")),
    }
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let input = args.input.load()?;
    let mut options = DealOptions::default()
        .with_parties(args.parties.iter().cloned())
        .with_max(args.max);
    for party in &args.keep {
        options = options.with_keep(party.clone());
    }
    for position in &args.protect {
        options = options.with_protect(position.clone());
    }
    for (issue, stance) in &args.require {
        options = options.with_require(issue.clone(), *stance);
    }
    options.as_of = args.as_of;
    if let Some(super::TimeLimit(Some(limit))) = args.time_limit {
        options = options.with_time_limit(limit);
    }
    let deals = input.scenario.deals(&options)?;
    if let Some(path) = &args.wcnf {
        output::write_file(path, deals.to_wcnf())?;
    }
    match args.format {
        OutputFormat::Text => output::emit(deals.explain())?,
        OutputFormat::Json => output::emit(output::json(&deals.to_json()))?,
    }
    Ok(ExitCode::SUCCESS)
}
