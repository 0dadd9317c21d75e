//! Reading any input file: the one detector every subcommand uses.
//!
//! The kind of a file is decided once, by its extension ([`InputKind::of`]):
//! `.csv` is a statements table (read with [`StatementsCsv`] and the
//! `--*-col` flags of [`CsvArgs`]), `.dna` a Discourse Network Analyzer
//! database ([`stancegraph::io::read_dna_with_progress`], feature `dna`;
//! without it a clear error), anything else a scenario file
//! ([`Scenario::load`], which names the formats it knows). The kind travels
//! with the scenario ([`Input`]) so that no subcommand guesses again.
//!
//! [`load_all`] reads several files, reporting the problems of every invalid
//! one together.
//!
//! Imports draw a progress bar on stderr when it is a terminal; rows skipped
//! with `--skip-bad-rows` are each reported on stderr, with the count.

use std::io::Write;
use std::path::{Path, PathBuf};

use stancegraph::{
    Scenario, Stance,
    io::{LoadOptions, StatementsCsv},
};

use crate::error::CliError;
use crate::output;

/// What kind of file an input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A scenario file (.yaml, .yml, .json, .toml).
    Scenario,
    /// A statements table (.csv).
    Statements,
    /// A Discourse Network Analyzer database (.dna).
    Dna,
}

impl InputKind {
    /// The kind of `file`, by its extension (any case).
    pub fn of(file: &Path) -> Self {
        let extension = file
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match extension.as_deref() {
            Some("csv") => InputKind::Statements,
            Some("dna") => InputKind::Dna,
            _ => InputKind::Scenario,
        }
    }
}

/// A file read: its scenario and what kind of file it was.
pub struct Input {
    /// The scenario read (imported, for tables and databases).
    pub scenario: Scenario,
    /// The kind of file it came from.
    pub kind: InputKind,
}

/// One input file and how to read it if it is a table (`network`,
/// `balance`, `report`, `show`).
#[derive(clap::Args)]
pub struct InputArgs {
    /// A scenario (.yaml, .yml, .json, .toml), a case folder of scenario
    /// files, a statements table (.csv) or a Discourse Network Analyzer
    /// database (.dna, with the `dna` feature).
    pub file: PathBuf,
    #[command(flatten)]
    pub csv: CsvArgs,
    #[command(flatten)]
    pub read: ReadArgs,
}

impl InputArgs {
    /// Reads the file.
    pub fn load(&self) -> Result<Input, CliError> {
        load(&self.file, &self.csv, &self.read)
    }
}

/// How to read scenarios: for drafts, quotes need not be checked yet.
#[derive(clap::Args)]
pub struct ReadArgs {
    /// Do not check that quotes occur in their sources' text files (for
    /// drafts); the files must still exist.
    #[arg(long)]
    pub no_quote_check: bool,
}

impl ReadArgs {
    /// The library's options for these flags.
    pub fn options(&self) -> LoadOptions {
        LoadOptions::default().with_quote_check(!self.no_quote_check)
    }
}

/// Several input files and how to read those that are tables (`validate`,
/// `check`).
#[derive(clap::Args)]
pub struct InputsArgs {
    /// The input files: scenarios (.yaml, .yml, .json, .toml), case folders
    /// of scenario files, statements tables (.csv) or Discourse Network
    /// Analyzer databases (.dna, with the `dna` feature).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub csv: CsvArgs,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How to read a statements table: its columns and stance values.
#[derive(clap::Args)]
pub struct CsvArgs {
    /// CSV input: the actor column.
    #[arg(long, default_value = "actor")]
    pub actor_col: String,
    /// CSV input: the issue column.
    #[arg(long, default_value = "issue")]
    pub issue_col: String,
    /// CSV input: the stance column.
    #[arg(long, default_value = "stance")]
    pub stance_col: String,
    /// CSV input: the date column.
    #[arg(long)]
    pub date_col: Option<String>,
    /// CSV input: the column of the person speaking for the actor.
    #[arg(long)]
    pub speaker_col: Option<String>,
    /// CSV input: the quote column.
    #[arg(long)]
    pub quote_col: Option<String>,
    /// CSV input: the source document column (used by --duplicates document).
    #[arg(long)]
    pub source_col: Option<String>,
    /// CSV input: the unique row id column.
    #[arg(long)]
    pub id_col: Option<String>,
    /// CSV input: extra stance values, e.g. `yes=support,no=oppose,abstain=neutral`.
    #[arg(long, value_name = "MAP")]
    pub stance_map: Option<String>,
    /// CSV input: skip bad rows instead of failing; every skipped row is
    /// reported on stderr, with the count.
    #[arg(long)]
    pub skip_bad_rows: bool,
}

/// Reads `file` as its kind says; a table with the columns of `csv`.
pub fn load(file: &Path, csv: &CsvArgs, read: &ReadArgs) -> Result<Input, CliError> {
    let kind = InputKind::of(file);
    let scenario = match kind {
        InputKind::Scenario => Scenario::load_with(file, &read.options())?,
        InputKind::Statements => read_statements(file, csv)?,
        InputKind::Dna => read_dna(file)?,
    };
    Ok(Input { scenario, kind })
}

/// Reads every file in order (`validate`, `check`), handing each valid one
/// to `each` as soon as it is read. The problems of the invalid ones are
/// collected and returned together, after every file has been read, as one
/// [`CliError::Invalid`] (each file's lines in order); an error of `each`
/// (such as a closed stdout) stops at once.
pub fn load_all<'a>(
    inputs: &'a InputsArgs,
    mut each: impl FnMut(&'a Path, Input) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let mut problems = Vec::new();
    for file in &inputs.files {
        match load(file, &inputs.csv, &inputs.read) {
            Ok(input) => each(file, input)?,
            Err(CliError::Invalid(problem)) => problems.push(problem),
            Err(e) => return Err(e),
        }
    }
    CliError::all(problems).map_or(Ok(()), Err)
}

#[cfg(feature = "dna")]
fn read_dna(file: &Path) -> Result<Scenario, CliError> {
    let mut bar = ProgressBar::new(file);
    Ok(stancegraph::io::read_dna_with_progress(file, &mut |p| {
        bar.show(p)
    })?)
}

#[cfg(not(feature = "dna"))]
fn read_dna(file: &Path) -> Result<Scenario, CliError> {
    Err(CliError::file(
        file,
        "reading .dna databases needs stancegraph built with the `dna` feature",
    ))
}

/// The scenario of a statements table; skipped rows are reported on stderr.
fn read_statements(file: &Path, args: &CsvArgs) -> Result<Scenario, CliError> {
    let mut csv = StatementsCsv::new(&args.actor_col, &args.issue_col, &args.stance_col);
    type Setter = fn(StatementsCsv, &str) -> StatementsCsv;
    let optional: [(&Option<String>, Setter); 5] = [
        (&args.date_col, StatementsCsv::date),
        (&args.speaker_col, StatementsCsv::speaker),
        (&args.quote_col, StatementsCsv::quote),
        (&args.source_col, StatementsCsv::source),
        (&args.id_col, StatementsCsv::id),
    ];
    for (column, setter) in optional {
        if let Some(column) = column {
            csv = setter(csv, column);
        }
    }
    for pair in args.stance_map.iter().flat_map(|m| m.split(',')) {
        let parsed = pair.split_once('=').and_then(|(value, stance)| {
            Some((value.trim(), stance.trim().parse::<Stance>().ok()?))
        });
        match parsed {
            Some((value, stance)) => csv = csv.stance(value, stance),
            None => {
                return Err(CliError::invalid(format!(
                    "--stance-map: `{pair}` is not VALUE=support|oppose|neutral"
                )));
            }
        }
    }
    if args.skip_bad_rows {
        csv = csv.skip_bad_rows();
    }
    let mut bar = ProgressBar::new(file);
    let import = csv.import_path(file, &mut |p| bar.show(p))?;
    if !import.skipped.is_empty() {
        let origin = file.display().to_string();
        let mut text = format!(
            "{origin}: skipped {} bad row{}:\n",
            import.skipped_row_count(),
            if import.skipped_row_count() == 1 {
                ""
            } else {
                "s"
            }
        );
        for problem in &import.skipped {
            let line = problem.line.map(|l| format!(":{l}")).unwrap_or_default();
            text.push_str(&format!("  {origin}{line}: {problem}\n"));
        }
        output::note(&text);
    }
    Ok(import.scenario)
}

/// A progress bar on stderr for imports, drawn only when stderr is a
/// terminal, redrawn at each whole percent, erased when done.
struct ProgressBar {
    label: String,
    enabled: bool,
    percent: Option<u64>,
}

impl ProgressBar {
    fn new(file: &Path) -> Self {
        use std::io::IsTerminal;
        ProgressBar {
            label: file.display().to_string(),
            enabled: std::io::stderr().is_terminal(),
            percent: None,
        }
    }

    fn show(&mut self, p: stancegraph::io::Progress) {
        if !self.enabled || p.total == 0 {
            return;
        }
        let percent = (p.done.min(p.total) * 100) / p.total;
        if self.percent == Some(percent) {
            return;
        }
        self.percent = Some(percent);
        let filled = (percent / 5) as usize;
        let mut err = std::io::stderr().lock();
        if percent >= 100 {
            let _ = write!(err, "\r\x1b[2K");
        } else {
            let _ = write!(
                err,
                "\r  reading {} [{}{}] {percent:>3}%",
                self.label,
                "#".repeat(filled),
                "-".repeat(20 - filled)
            );
        }
        let _ = err.flush();
    }
}
