//! `interstate`: a dyadic panel of interstate relations (alliance and
//! dispute dyad-years, COW state names) — the allies in militarized
//! disputes and the structural balance of every year — written to a
//! directory as CSV or JSON, with a summary on stdout.
//!
//! Library API: [`stancegraph::interstate::InterstatePanel`] with
//! [`stancegraph::interstate::YearBalanceOptions`]; the files are
//! [`stancegraph::interstate::output_files`] (the two tables, CSV or JSON,
//! and every year's signed graph as one edge list), the summary
//! [`InterstateSummary`]'s text — the bytes the `interstate` example and
//! Python write.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use stancegraph::interstate::{self, InterstatePanel, InterstateSummary, YearBalanceOptions};

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
    /// The directory to write allies_in_conflict and balance_by_year to
    /// (CSV or JSON), and signed_networks.csv: every year's signed graph as
    /// one edge list (for `balance --edges` and `report --edges`).
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
    let format = match args.format {
        TableFormat::Csv => interstate::TableFormat::Csv,
        TableFormat::Json => interstate::TableFormat::Json,
    };
    let files = interstate::output_files(&panel, &allies, &balance, format);
    for (name, text) in &files {
        output::write_file(&args.out.join(name), text)?;
    }
    output::emit(InterstateSummary::new(&allies, &balance, args.top))?;
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    output::note(&format!(
        "stancegraph: wrote {} and {} to {}\n",
        names[..names.len() - 1].join(", "),
        names[names.len() - 1],
        args.out.display()
    ));
    Ok(ExitCode::SUCCESS)
}
