//! `report`: the self-contained HTML report of an input file (or its
//! network drawing alone, as SVG) written to a file, titled with the file's
//! name; what was written is said on stderr.
//!
//! FILE is a scenario, a statements table or a .dna database; with
//! `--edges` an edge list (as `balance --edges` reads it), with `--events`
//! an event file aggregated as `events` aggregates it (the same
//! `--level`, `--window` and `--undirected`): one signed graph per period,
//! the period `--period` (default the last) shown in full.
//!
//! Library API: [`stancegraph::render::HtmlReport::with_options`] with
//! [`stancegraph::render::HtmlReportOptions`] (`--since` is its `since`,
//! the section drawn from `Scenario::diff_dates`), and for signed graphs
//! [`stancegraph::render::GraphReport::with_options`] with
//! [`stancegraph::render::GraphReportOptions`], rendered by `render_html`
//! or `render_svg`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use stancegraph::balance::FrustrationOptions;
use stancegraph::events::aggregate_file;
use stancegraph::render::{GraphReport, GraphReportOptions};
use stancegraph::{Date, render::HtmlReport, render::HtmlReportOptions};

use super::balance::{distinct, edge_graphs, find_period};
use super::events::{AggregateArgs, EventReadArgs};
use crate::error::CliError;
use crate::input::InputArgs;
use crate::output;

/// The flags that say how to read or show a scenario: usage errors with
/// `--edges` or `--events`, whose input is already a signed network (named
/// one by one so that the error names the flag given) — but for
/// `--source-col` and `--date-col`, which name an event table's columns
/// with `--events` (see [`EVENT_COLUMNS`]).
const SCENARIO_FLAGS: [&str; 13] = [
    "as_of",
    "since",
    "max_actors",
    "groups",
    "no_quote_check",
    "actor_col",
    "issue_col",
    "stance_col",
    "speaker_col",
    "quote_col",
    "id_col",
    "stance_map",
    "skip_bad_rows",
];

/// The statements table's flags that also name an event table's columns,
/// as `events` reads them (default `source` and `date`); usage errors with
/// `--edges`.
const EVENT_COLUMNS: [&str; 2] = ["source_col", "date_col"];

/// Options of `report`.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("network").args(["edges", "events"])))]
#[command(group(clap::ArgGroup::new("aggregation")
    .args(AggregateArgs::IDS).multiple(true).requires("events")))]
#[command(group(clap::ArgGroup::new("event_reading")
    .args(EventReadArgs::IDS).multiple(true).requires("events")))]
#[command(mut_arg("file", |a| a.help(
    "A scenario (.yaml, .yml, .json, .toml), a case folder of scenario files, a statements \
     table (.csv) or a Discourse Network Analyzer database (.dna, with the `dna` feature); with \
     --edges an edge list, with --events an event file")))]
#[command(mut_arg("source_col", |a| a.help(
    "CSV input: the source document column; \
     with --events, the source actor's column (default source)")))]
#[command(mut_arg("date_col", |a| a.help(
    "CSV input: the date column; with --events, the events' date column \
     (default date), YYYY-MM-DD or YYYYMMDD")))]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// FILE is an edge list CSV: `source,target,sign`, optional `weight` and
    /// `period` (one signed graph per period), as `balance --edges` reads.
    #[arg(long, conflicts_with_all = SCENARIO_FLAGS, conflicts_with_all = EVENT_COLUMNS,
          conflicts_with_all = AggregateArgs::IDS, conflicts_with_all = EventReadArgs::IDS)]
    edges: bool,
    /// FILE is an event file (ICEWS `.tab`, PLOVER `.json`, a delimited
    /// table: its columns named as `events` names them), aggregated as
    /// `events` does: one signed graph per period.
    #[arg(long, conflicts_with_all = SCENARIO_FLAGS)]
    events: bool,
    #[command(flatten)]
    aggregate: AggregateArgs,
    #[command(flatten)]
    read: EventReadArgs,
    /// With --edges or --events: the period shown in full (drawing,
    /// balance, centrality); default the last. Every period is in the
    /// overview.
    #[arg(long, value_name = "P", requires = "network")]
    period: Option<String>,
    /// With --edges or --events: draw at most this many nodes (the
    /// strongest).
    #[arg(long, value_name = "N", requires = "network",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new()
              .range(1..=GraphReportOptions::MAX_NODES as u64))]
    max_nodes: Option<usize>,
    /// With --edges or --events: stop the shown period's frustration search
    /// after this many seconds (default 10; `inf` for no limit); the
    /// overview's other periods share as many seconds between them.
    #[arg(long, value_name = "SECONDS", requires = "network",
          value_parser = super::parse_time_limit)]
    time_limit: Option<super::TimeLimit>,
    /// With --edges or --events: leave the significance test out (the SVG
    /// alone never runs it: it does not show it).
    #[arg(long, requires = "network")]
    no_significance: bool,
    /// With --edges or --events: count each distinct signed pair once,
    /// whatever its weight and however many rows give it (signnet's
    /// convention), as `balance --distinct-pairs`. Default: total weight.
    #[arg(long, requires = "network")]
    distinct_pairs: bool,
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
    let name = args
        .input
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if args.edges || args.events {
        return network_report(args, name);
    }
    let scenario = args.input.load()?.scenario;
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
    let output = args.write(|| report.render_html(), || report.render_svg())?;
    output::note(&format!(
        "stancegraph: wrote {} ({} actors, {} contradictions)\n",
        output.display(),
        scenario.actors().len(),
        report.contradictions().len()
    ));
    Ok(ExitCode::SUCCESS)
}

impl Args {
    /// Writes the page (`html`) or the drawing (`svg`), as `--format` says,
    /// to `-o` or to report.html / report.svg; returns where.
    fn write(
        &self,
        html: impl FnOnce() -> String,
        svg: impl FnOnce() -> String,
    ) -> Result<PathBuf, CliError> {
        let (text, default) = match self.format {
            ReportFormat::Html => (html(), "report.html"),
            ReportFormat::Svg => (svg(), "report.svg"),
        };
        let output = self
            .output
            .clone()
            .unwrap_or_else(|| PathBuf::from(default));
        output::write_file(&output, text)?;
        Ok(output)
    }
}

/// `report --edges` and `report --events`: the report of the signed graphs
/// of an edge list or of aggregated events.
fn network_report(args: &Args, name: String) -> Result<ExitCode, CliError> {
    let file = &args.input.file;
    let graphs = if args.edges {
        edge_graphs(file, None)?
    } else {
        let csv = &args.input.csv;
        let read = args
            .read
            .options(csv.source_col.as_deref(), csv.date_col.as_deref());
        aggregate_file(file, &read, &args.aggregate.options())?.graphs()
    };
    if graphs.is_empty() {
        return Err(CliError::file(file, "no tie to report on"));
    }
    let graphs = distinct(graphs, args.distinct_pairs);
    let mut options = GraphReportOptions::new().with_title(name);
    if let Some(p) = &args.period {
        find_period(file, &graphs, p)?;
        options = options.with_period(p.clone());
    }
    if let Some(n) = args.max_nodes {
        options = options.with_max_nodes(n);
    }
    match args.time_limit {
        Some(super::TimeLimit(Some(limit))) => options = options.with_time_limit(limit),
        // `inf`: no limit at all.
        Some(super::TimeLimit(None)) => {
            options = options.with_frustration(FrustrationOptions::new());
        }
        None => {}
    }
    if args.no_significance || args.format == ReportFormat::Svg {
        options = options.with_significance(false);
    }
    let report = GraphReport::with_options(&graphs, options)?;
    let output = args.write(|| report.render_html(), || report.render_svg())?;
    let shown = report.shown();
    output::note(&format!(
        "stancegraph: wrote {} ({} nodes, {} ties{}; {} period{})\n",
        output.display(),
        shown.nodes().len(),
        shown.edges().len(),
        shown
            .period()
            .map(|p| format!(" in period {p}"))
            .unwrap_or_default(),
        graphs.len(),
        if graphs.len() == 1 { "" } else { "s" }
    ));
    Ok(ExitCode::SUCCESS)
}
