//! `interstate`: a dyadic panel of interstate relations (alliance and
//! dispute dyad-years, COW state names) — the allies in militarized
//! disputes and the structural balance of every year — written to a
//! directory as CSV or JSON, with a summary on stdout.
//!
//! Library API: [`stancegraph::interstate::InterstatePanel`] with
//! [`stancegraph::interstate::YearBalanceOptions`]; the files are
//! [`AlliesInConflict::to_csv`](stancegraph::interstate::AlliesInConflict::to_csv)
//! and [`BalanceByYear::to_csv`](stancegraph::interstate::BalanceByYear::to_csv)
//! (or `to_json`), the summary [`InterstateSummary`]'s text — the bytes the
//! `interstate` example and Python write.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use stancegraph::interstate::{InterstatePanel, InterstateSummary, YearBalanceOptions};

use crate::error::CliError;
use crate::output;

/// `--format` of `interstate`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Csv,
    Json,
}

/// Options of `interstate`.
#[derive(clap::Args)]
pub struct Args {
    /// Alliance dyad-years (ATOP): columns ccode1, ccode2, year.
    #[arg(long, value_name = "FILE")]
    alliances: PathBuf,
    /// Dispute dyad-years (GML MID): columns dispnum, ccode1, ccode2, year.
    #[arg(long, value_name = "FILE")]
    disputes: PathBuf,
    /// State names (COW): columns stateabb, ccode, statenme. Without it,
    /// states are labelled by code.
    #[arg(long, value_name = "FILE")]
    states: Option<PathBuf>,
    /// The directory to write allies_in_conflict and balance_by_year to.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// csv or json.
    #[arg(long, default_value = "csv")]
    format: TableFormat,
    /// Stop each year's exact frustration search after this long; a year
    /// stopped early says `exact` false, with its proven lower bound.
    /// Default: no limit (`inf`: every year proven).
    #[arg(long, value_name = "SECONDS", value_parser = super::parse_time_limit)]
    time_limit: Option<super::TimeLimit>,
    /// Pairs and years listed in the summary.
    #[arg(long, value_name = "N", default_value_t = 5)]
    top: usize,
    /// Years solved at once (0: every core). The results do not depend on
    /// it.
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let mut options = YearBalanceOptions::new().with_threads(args.threads);
    if let Some(super::TimeLimit(Some(limit))) = args.time_limit {
        options = options.with_time_limit(limit);
    }
    let panel = InterstatePanel::from_paths(&args.alliances, &args.disputes, args.states.as_ref())?;
    let allies = panel.allies_in_conflict();
    let balance = panel.balance_by_year(&options);
    output::create_dir(&args.out)?;
    let (allies_text, balance_text, extension) = match args.format {
        TableFormat::Csv => (allies.to_csv(), balance.to_csv(), "csv"),
        TableFormat::Json => (
            output::json(&allies.to_json()),
            output::json(&balance.to_json()),
            "json",
        ),
    };
    output::write_file(
        &args.out.join(format!("allies_in_conflict.{extension}")),
        allies_text,
    )?;
    output::write_file(
        &args.out.join(format!("balance_by_year.{extension}")),
        balance_text,
    )?;
    output::emit(InterstateSummary::new(&allies, &balance, args.top))?;
    output::note(&format!(
        "stancegraph: wrote allies_in_conflict.{extension} and balance_by_year.{extension} to {}\n",
        args.out.display()
    ));
    Ok(ExitCode::SUCCESS)
}
