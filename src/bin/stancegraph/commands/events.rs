//! `events`: political event data (ICEWS `.tab`, PLOVER `.json`, delimited
//! tables) aggregated per dyad and period, written as a table (CSV or JSON)
//! or as an edge list that `balance --edges` reads.
//!
//! Library API: [`stancegraph::events::aggregate_file`] with
//! [`stancegraph::events::ReadOptions`] and
//! [`stancegraph::events::AggregateOptions`];
//! [`stancegraph::events::EventNetworks`] (`write_csv`, `write_edges`,
//! `to_json`, `counts`).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use stancegraph::events::{
    ActorLevel, AggregateOptions, EventColumns, EventFormat, ReadOptions, Window, aggregate_file,
};

use crate::error::CliError;
use crate::output;

/// Options of `events`.
#[derive(clap::Args)]
pub struct Args {
    /// The event file: `.tab` ICEWS (or any file whose first line is
    /// ICEWS's header), `.json`/`.jsonl` PLOVER records, anything else a
    /// delimited table with named columns (tab-separated for `.tsv`).
    file: PathBuf,
    #[command(flatten)]
    aggregate: AggregateArgs,
    /// `csv` (source,target,period,events,goldstein, then the quad-class
    /// counts and the sign), `json`, or `edges`
    /// (source,target,sign,weight,period, for `balance --edges`).
    #[arg(long, value_enum, default_value_t = EventsFormat::Csv)]
    format: EventsFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    #[command(flatten)]
    read: EventReadArgs,
    /// Delimited tables: the source actor's column.
    #[arg(long, value_name = "NAME", default_value = "source")]
    source_col: String,
    /// Delimited tables: the date column, YYYY-MM-DD or YYYYMMDD (used if
    /// present).
    #[arg(long, value_name = "NAME", default_value = "date")]
    date_col: String,
}

/// How to read an event file (`events`, and `report --events`), but for
/// the source and date columns: `report` has `--source-col` and
/// `--date-col` for statements tables, and they name the events' columns
/// there with `--events`.
#[derive(clap::Args)]
pub struct EventReadArgs {
    /// Read FILE as this format, whatever its name.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Delimited tables: the field delimiter (one character; `\t` or `tab`
    /// for a tab).
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Delimited tables: the target actor's column.
    #[arg(long, value_name = "NAME", default_value = "target")]
    target_col: String,
    /// Delimited tables: the source's country column (used if present).
    #[arg(long, value_name = "NAME", default_value = "source_country")]
    source_country_col: String,
    /// Delimited tables: the target's country column (used if present).
    #[arg(long, value_name = "NAME", default_value = "target_country")]
    target_country_col: String,
    /// Delimited tables: the CAMEO code or PLOVER type column (used if present).
    #[arg(long, value_name = "NAME", default_value = "code")]
    code_col: String,
    /// Delimited tables: the Goldstein score column (used if present; else
    /// the code's weight).
    #[arg(long, value_name = "NAME", default_value = "score")]
    score_col: String,
}

impl EventReadArgs {
    /// The ids of these flags (`report`'s usage checks).
    pub const IDS: [&str; 7] = [
        "input_format",
        "delimiter",
        "target_col",
        "source_country_col",
        "target_country_col",
        "code_col",
        "score_col",
    ];

    /// The library's read options for these flags, with the source actor's
    /// and the date's columns (the library's defaults when `None`).
    pub fn options(&self, source_col: Option<&str>, date_col: Option<&str>) -> ReadOptions {
        let mut columns = EventColumns::default();
        columns.delimiter = self.delimiter;
        if let Some(source) = source_col {
            columns.source = source.to_owned();
        }
        columns.target = self.target_col.clone();
        columns.source_country = self.source_country_col.clone();
        columns.target_country = self.target_country_col.clone();
        if let Some(date) = date_col {
            columns.date = date.to_owned();
        }
        columns.code = self.code_col.clone();
        columns.score = self.score_col.clone();
        let mut read = ReadOptions::default();
        read.columns = columns;
        read.format = self.input_format.map(|f| match f {
            InputFormat::Icews => EventFormat::Icews,
            InputFormat::Delimited => EventFormat::Delimited,
            InputFormat::Plover => EventFormat::Plover,
        });
        read
    }
}

/// How to aggregate events into signed networks (`events`, and `report
/// --events`).
#[derive(clap::Args)]
pub struct AggregateArgs {
    /// Nodes: `country` (the events' country columns) or `actor` (names).
    #[arg(long, value_enum, default_value_t = LevelChoice::Country)]
    level: LevelChoice,
    /// Periods: all, day (YYYY-MM-DD), week (ISO, YYYY-Www), month
    /// (YYYY-MM), year (YYYY), or LENGTH/STEP for sliding windows of LENGTH
    /// days every STEP days (e.g. 30/7; from Monday 1970-01-05).
    #[arg(long, default_value = "all", value_parser = parse_window)]
    window: Window,
    /// Fold A→B and B→A into one dyad (named in name order).
    #[arg(long)]
    undirected: bool,
}

impl AggregateArgs {
    /// The ids of these flags (`report`'s usage checks).
    pub const IDS: [&str; 3] = ["level", "window", "undirected"];

    /// The library's options for these flags.
    pub fn options(&self) -> AggregateOptions {
        AggregateOptions::default()
            .with_level(match self.level {
                LevelChoice::Country => ActorLevel::Country,
                LevelChoice::Actor => ActorLevel::Actor,
            })
            .with_window(self.window)
            .with_directed(!self.undirected)
    }
}

/// `--level`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LevelChoice {
    Country,
    Actor,
}

/// `--format` of `events`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EventsFormat {
    Csv,
    Json,
    Edges,
}

/// `--input-format`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Icews,
    Delimited,
    Plover,
}

fn parse_window(text: &str) -> Result<Window, String> {
    Window::parse(text).ok_or_else(|| format!("expected {}", Window::NAMES))
}

fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "\\t" | "tab" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        _ => Err("expected one ASCII character, or \\t".to_owned()),
    }
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let read = args
        .read
        .options(Some(&args.source_col), Some(&args.date_col));
    let networks = aggregate_file(&args.file, &read, &args.aggregate.options())?;
    let mut text = Vec::new();
    let written = match args.format {
        EventsFormat::Csv => networks.write_csv(&mut text),
        EventsFormat::Edges => networks.write_edges(&mut text),
        EventsFormat::Json => {
            text = output::json(&networks.to_json()).into_bytes();
            Ok(())
        }
    };
    written.map_err(CliError::Output)?;
    match &args.output {
        Some(path) => output::write_file(path, &text)?,
        None => output::emit(String::from_utf8_lossy(&text))?,
    }
    output::note(&format!(
        "{}: {}; {} dyad-periods\n",
        args.file.display(),
        networks.counts(),
        networks.rows().len()
    ));
    Ok(ExitCode::SUCCESS)
}
