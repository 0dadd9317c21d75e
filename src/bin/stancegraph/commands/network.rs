//! `network`: a discourse network (DNA's one-mode and affiliation networks,
//! with its types, normalizations, duplicate rules and filters) of an input
//! file, exported as CSV, GraphML, DOT, JSON, an edge list or an SVG
//! drawing, to stdout or a file; or one file per sliding time window.
//!
//! Library API: [`stancegraph::Scenario::network`] and
//! [`stancegraph::Scenario::network_windows`] with
//! [`stancegraph::discourse::NetworkOptions`], written by
//! [`stancegraph::discourse::Network::export_with`].

use std::path::PathBuf;
use std::process::ExitCode;

use stancegraph::{
    Date, discourse::Duplicates, discourse::ExportFormat, discourse::ExportOptions,
    discourse::Level, discourse::NetworkMode, discourse::NetworkOptions, discourse::NetworkType,
    discourse::Normalization,
};

use crate::error::CliError;
use crate::input::InputArgs;
use crate::output;

/// Options of `network` (boxed: clap's enums should stay small).
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// `actor` or `issue` (one-mode), or `affiliation` (actor × issue).
    #[arg(long, default_value = "actor")]
    mode: NetworkMode,
    /// ignore, congruence, conflict, subtract (one-mode); ignore, subtract, combine (affiliation).
    #[arg(long = "type", default_value = "ignore")]
    kind: NetworkType,
    /// none, average, dna-jaccard, dna-cosine, jaccard, cosine (one-mode);
    /// activity, prominence (affiliation).
    #[arg(long, default_value = "none", value_parser = parse_normalization)]
    normalize: Normalization,
    /// Whom positions count for: actor, principal (persons folded into what
    /// they speak for) or bloc.
    #[arg(long, default_value = "actor")]
    level: Level,
    /// Only positions on or after this day.
    #[arg(long, value_name = "DATE")]
    from: Option<Date>,
    /// Only positions on or before this day.
    #[arg(long, value_name = "DATE")]
    to: Option<Date>,
    /// Only these actors (repeatable; keys at the chosen level).
    #[arg(long = "include-actor", value_name = "KEY")]
    include_actors: Vec<String>,
    /// Never these actors (repeatable).
    #[arg(long = "exclude-actor", value_name = "KEY")]
    exclude_actors: Vec<String>,
    /// Only these issues (repeatable).
    #[arg(long = "include-issue", value_name = "KEY")]
    include_issues: Vec<String>,
    /// Never these issues (repeatable).
    #[arg(long = "exclude-issue", value_name = "KEY")]
    exclude_issues: Vec<String>,
    /// include, document, week, month, year or acrossrange.
    #[arg(long, default_value = "include")]
    duplicates: Duplicates,
    /// Sliding windows of this many days (needs --step-days and -o DIR).
    #[arg(long, value_name = "N", requires = "step_days")]
    window_days: Option<u32>,
    /// Days between the starts of windows.
    #[arg(long, value_name = "N", requires = "window_days")]
    step_days: Option<u32>,
    /// csv (DNA's matrix layout), graphml, dot, json, edges or svg (a drawing).
    #[arg(long, default_value = "csv", value_parser = parse_export_format)]
    format: ExportFormat,
    /// Write CSV labels exactly as they are. By default a label starting
    /// with =, +, -, @, a tab or a carriage return gets a leading ' so that
    /// spreadsheets do not run it as a formula.
    #[arg(long)]
    verbatim: bool,
    /// Write here instead of stdout (a directory with windows).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
}

/// Normalizations are spelled with `-` on the command line, `_` in the library.
fn parse_normalization(text: &str) -> Result<Normalization, String> {
    text.replace('-', "_")
        .parse()
        .map_err(|e: stancegraph::KeywordError| e.to_string())
}

fn parse_export_format(text: &str) -> Result<ExportFormat, String> {
    text.parse()
        .map_err(|e: stancegraph::KeywordError| e.to_string())
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let export = if args.verbatim {
        ExportOptions::verbatim()
    } else {
        ExportOptions::default()
    };
    let scenario = args.input.load()?.scenario;
    let mut options = NetworkOptions::new(args.mode, args.kind)
        .with_normalization(args.normalize)
        .with_level(args.level)
        .with_duplicates(args.duplicates)
        .with_range(args.from, args.to);
    options.include_actors = args.include_actors.clone();
    options.exclude_actors = args.exclude_actors.clone();
    options.include_issues = args.include_issues.clone();
    options.exclude_issues = args.exclude_issues.clone();
    let (Some(width), Some(step)) = (args.window_days, args.step_days) else {
        let text = scenario
            .network(&options)?
            .export_with(args.format, &export);
        match &args.output {
            Some(path) => output::write_file(path, text)?,
            None => output::emit(text)?,
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(dir) = &args.output else {
        return Err(CliError::invalid(
            "stancegraph: windows are written one file each: give a directory with -o",
        ));
    };
    let windows = scenario.network_windows(&options, width, step)?;
    output::create_dir(dir)?;
    let extension = args.format.extension();
    for w in &windows {
        let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let name = format!("window-{}-{}.{extension}", day(w.span().0), day(w.span().1));
        output::write_file(&dir.join(name), w.export_with(args.format, &export))?;
    }
    output::note(&format!(
        "stancegraph: wrote {} windows to {}\n",
        windows.len(),
        dir.display()
    ));
    Ok(ExitCode::SUCCESS)
}
