//! `report`: the self-contained HTML report of an input file (or its
//! network drawing alone, as SVG) written to a file, titled with the file's
//! name; what was written is said on stderr.
//!
//! Library API: [`stancegraph::render::HtmlReport::with_options`] with
//! [`stancegraph::render::HtmlReportOptions`] (`--since` is its `since`,
//! the section drawn from `Scenario::diff_dates`), rendered by
//! `render_html` or `render_svg`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use stancegraph::{Date, render::HtmlReport, render::HtmlReportOptions};

use crate::error::CliError;
use crate::input::InputArgs;
use crate::output;

/// Options of `report`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Write the report here (default: report.html, or report.svg with
    /// --format svg).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// Show the positions that hold on this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// Add a section "What changed since DATE": positions taken and ended,
    /// contradictions that appeared and went away, who reversed, and the
    /// ties formed and broken, up to --as-of (or the latest dated position).
    #[arg(long, value_name = "DATE")]
    since: Option<Date>,
    /// Draw at most this many actors one by one; beyond, spokespeople are
    /// folded into whom they speak for, then actors are grouped.
    #[arg(long, value_name = "N", default_value_t = HtmlReportOptions::default().max_actors,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new()
              .range(1..=HtmlReportOptions::MAX_ACTORS as u64))]
    max_actors: usize,
    /// How many groups to draw when actors are grouped.
    #[arg(long, value_name = "N", default_value_t = HtmlReportOptions::default().groups,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new()
              .range(1..=HtmlReportOptions::MAX_GROUPS as u64))]
    groups: usize,
    /// `html` (the whole report) or `svg` (the network drawing alone).
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    Html,
    Svg,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let scenario = args.input.load()?.scenario;
    let name = args
        .input
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut options = HtmlReportOptions::new()
        .with_max_actors(args.max_actors)
        .with_groups(args.groups)
        .with_title(name);
    if let Some(day) = args.as_of {
        options = options.with_as_of(day);
    }
    if let Some(day) = args.since {
        options = options.with_since(day);
    }
    let report = HtmlReport::with_options(&scenario, options)?;
    let (text, default) = match args.format {
        ReportFormat::Html => (report.render_html(), "report.html"),
        ReportFormat::Svg => (report.render_svg(), "report.svg"),
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(default));
    output::write_file(&output, text)?;
    output::note(&format!(
        "stancegraph: wrote {} ({} actors, {} contradictions)\n",
        output.display(),
        scenario.actors().len(),
        report.contradictions().len()
    ));
    Ok(ExitCode::SUCCESS)
}
