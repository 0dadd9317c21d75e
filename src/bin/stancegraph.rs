//! `stancegraph`: validate and inspect stance scenarios from the command line.
//!
//! A thin layer over the library: every subcommand calls its public API.

use std::fmt::Display;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use std::time::Duration;

use stancegraph::{
    Date, Scenario, Stance, StanceGraph, balance::BalanceOptions, balance::BalanceReport,
    balance::FrustrationMethod, balance::FrustrationOptions, balance::SignedGraph,
    contradiction::CheckOptions, contradiction::ContradictionKind, contradiction::Severity,
    discourse::Duplicates, discourse::ExportFormat, discourse::ExportOptions, discourse::Level,
    discourse::NetworkMode, discourse::NetworkOptions, discourse::NetworkType,
    discourse::Normalization, discourse::PolarizationOptions, io::StatementsCsv,
    render::HtmlReport, render::HtmlReportOptions, stance::Attribution, stance::GraphOptions,
    stance::Overview,
};

/// Compare the stances of political actors: who agrees, who is in conflict,
/// and which positions cannot all hold together.
#[derive(Parser)]
#[command(name = "stancegraph", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check scenario files (YAML, JSON or TOML) and report every problem.
    ///
    /// Prints one summary line per valid file. Exits with 2 if any file is
    /// invalid, after printing each of its problems to stderr.
    Validate {
        /// The scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print an overview: actors, issues, camps, agreement and conflict.
    Show {
        /// The scenario file.
        file: PathBuf,
        /// Count statements for whom the speaker speaks for (an envoy's
        /// words as their state's) when deriving agreement and conflict.
        #[arg(long)]
        by_principal: bool,
        /// Count only the positions that hold on this day (YYYY-MM-DD): a later
        /// position of the same principal on an issue supersedes an earlier one.
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
    },
    /// Compute a discourse network (DNA's measures) and write it as CSV,
    /// GraphML, DOT, JSON or an edge list.
    Network(Box<NetworkArgs>),
    /// Structural balance of a signed network: camps, unbalanced cycles,
    /// triangles, walk balance, the frustration index (exact with proof, or
    /// heuristic with bounds), a k-camp blockmodel, and DNA's polarization.
    ///
    /// FILE is a scenario (its actors and issues, relations and links), a
    /// statements table or a .dna database (their actor network), or with
    /// --edges an edge list `source,target,sign[,weight][,period]`.
    /// Exits with 0 on success and 2 on invalid input.
    Balance(Box<BalanceArgs>),
    /// Write a self-contained HTML report: the actor network drawn as SVG,
    /// the contradictions, the camps per issue, the timeline and the
    /// structural balance. The file loads nothing from the network.
    ///
    /// FILE is a scenario, a statements table or a .dna database.
    Report(Box<ReportArgs>),
    /// Find the positions that cannot all hold together, most severe first.
    ///
    /// Exits with 0 on success, 2 on invalid input (printing every problem),
    /// and 1 only when `--deny` is given and a contradiction at or above that
    /// severity is found.
    Check {
        /// The scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// `text` for people, `json` for machines.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Consider only the positions that hold on this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Report only these kinds (repeatable): self_contradiction,
        /// member_vs_bloc, between_allies, deadlock, reversal.
        #[arg(long = "kind", value_name = "KIND")]
        kinds: Vec<ContradictionKind>,
        /// Report only contradictions at least this severe: critical, high, medium.
        #[arg(long, value_name = "SEVERITY")]
        min_severity: Option<Severity>,
        /// Exit with 1 if a contradiction at least this severe is reported.
        #[arg(long, value_name = "SEVERITY")]
        deny: Option<Severity>,
        /// Report at most this many contradictions per group (kind,
        /// principals, clause); the rest are counted.
        #[arg(long, value_name = "N", default_value_t = CheckOptions::DEFAULT_MAX_PER_GROUP,
              value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
        max_per_group: usize,
    },
}

/// Options of `network` (boxed: clap's enums should stay small).
#[derive(clap::Args)]
struct NetworkArgs {
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

/// Options of `balance`.
#[derive(clap::Args)]
struct BalanceArgs {
    #[command(flatten)]
    input: InputArgs,
    /// FILE is an edge list CSV: `source,target,sign`, optional `weight` and
    /// `period` (one analysis per period).
    #[arg(long)]
    edges: bool,
    /// Only this period of the edge list.
    #[arg(long, value_name = "P", requires = "edges")]
    period: Option<String>,
    /// Prove the frustration index optimal, however long it takes (see
    /// --time-limit). Default: exact when the reduced graph is small enough.
    #[arg(long, conflicts_with = "heuristic")]
    exact: bool,
    /// Local search with bounds only (for large graphs).
    #[arg(long)]
    heuristic: bool,
    /// Stop after this many seconds, reporting the best camps and the proven
    /// bounds. Default: 60 seconds, or none with --exact.
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<f64>,
    /// Fit a blockmodel of K camps (Doreian–Mrvar).
    #[arg(long, value_name = "K",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    camps: Option<usize>,
    /// The blockmodel's weight on negative ties inside camps (1 − A on
    /// positive ties between camps), between 0 and 1.
    #[arg(long, value_name = "A", default_value_t = 0.5, requires = "camps")]
    alpha: f64,
    /// For scenario files: `stances` (actors and issues; default) or
    /// `actors` (the actor network of agreement and conflict). Statements
    /// and .dna files always give the actor network.
    #[arg(long, value_enum)]
    graph: Option<GraphChoice>,
    /// Count positions for the speaker (Kellogg) rather than for whom they
    /// speak (the United States, the default).
    #[arg(long)]
    by_speaker: bool,
    /// Count only the positions that hold on this day (YYYY-MM-DD). DNA's
    /// polarization, which has no notion of supersession, counts the
    /// statements dated up to that day.
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// `text` for people, `json` for machines.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

/// Options of `report`.
#[derive(clap::Args)]
struct ReportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Write the report here (default: report.html, or report.svg with
    /// --format svg).
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<PathBuf>,
    /// Show the positions that hold on this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// Draw at most this many actors one by one; beyond, spokespeople are
    /// folded into whom they speak for, then actors are grouped.
    #[arg(long, value_name = "N", default_value_t = 60,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=200))]
    max_actors: usize,
    /// How many groups to draw when actors are grouped.
    #[arg(long, value_name = "N", default_value_t = 12,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100))]
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum GraphChoice {
    Stances,
    Actors,
}

/// The input of `network` and `balance`: a file and how to read a CSV.
#[derive(clap::Args)]
struct InputArgs {
    /// A scenario (.yaml, .yml, .json, .toml), a statements table (.csv) or a
    /// Discourse Network Analyzer database (.dna, with the `dna` feature).
    file: PathBuf,
    /// CSV input: the actor column.
    #[arg(long, default_value = "actor")]
    actor_col: String,
    /// CSV input: the issue column.
    #[arg(long, default_value = "issue")]
    issue_col: String,
    /// CSV input: the stance column.
    #[arg(long, default_value = "stance")]
    stance_col: String,
    /// CSV input: the date column.
    #[arg(long)]
    date_col: Option<String>,
    /// CSV input: the column of the person speaking for the actor.
    #[arg(long)]
    speaker_col: Option<String>,
    /// CSV input: the quote column.
    #[arg(long)]
    quote_col: Option<String>,
    /// CSV input: the source document column (used by --duplicates document).
    #[arg(long)]
    source_col: Option<String>,
    /// CSV input: the unique row id column.
    #[arg(long)]
    id_col: Option<String>,
    /// CSV input: extra stance values, e.g. `yes=support,no=oppose,abstain=neutral`.
    #[arg(long, value_name = "MAP")]
    stance_map: Option<String>,
    /// CSV input: skip bad rows instead of failing; every skipped row is
    /// reported on stderr, with the count.
    #[arg(long)]
    skip_bad_rows: bool,
}

fn parse_normalization(text: &str) -> Result<Normalization, String> {
    text.replace('-', "_")
        .parse()
        .map_err(|e: stancegraph::KeywordError| e.to_string())
}

fn parse_export_format(text: &str) -> Result<ExportFormat, String> {
    text.parse()
        .map_err(|e: stancegraph::KeywordError| e.to_string())
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Validate { files } => validate(&files),
        Command::Show {
            file,
            by_principal,
            as_of,
        } => show(&file, by_principal, as_of),
        Command::Network(args) => network(&args),
        Command::Balance(args) => balance(&args),
        Command::Report(args) => report(&args),
        Command::Check {
            files,
            format,
            as_of,
            kinds,
            min_severity,
            deny,
            max_per_group,
        } => {
            let mut options = CheckOptions::default().with_max_per_group(max_per_group);
            options.as_of = as_of;
            let filter = Filter {
                kinds,
                min_severity,
                deny,
            };
            check(&files, format, &options, &filter)
        }
    }
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

/// The scenario of a file, or the message saying why not.
fn load_any(args: &InputArgs) -> Result<Scenario, String> {
    let extension = args
        .file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => {}
        #[cfg(feature = "dna")]
        Some("dna") => {
            let mut bar = ProgressBar::new(&args.file);
            return stancegraph::io::read_dna_with_progress(&args.file, &mut |p| bar.show(p))
                .map_err(|e| e.to_string());
        }
        #[cfg(not(feature = "dna"))]
        Some("dna") => {
            return Err(format!(
                "{}: reading .dna databases needs stancegraph built with the `dna` feature",
                args.file.display()
            ));
        }
        _ => return Scenario::load(&args.file).map_err(|e| e.to_string()),
    }
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
                return Err(format!(
                    "--stance-map: `{pair}` is not VALUE=support|oppose|neutral"
                ));
            }
        }
    }
    if args.skip_bad_rows {
        csv = csv.skip_bad_rows();
    }
    let mut bar = ProgressBar::new(&args.file);
    let import = csv
        .import_path(&args.file, &mut |p| bar.show(p))
        .map_err(|e| e.to_string())?;
    if !import.skipped.is_empty() {
        let origin = args.file.display().to_string();
        let mut text = format!(
            "{origin}: skipped {} bad row{}:\n",
            import.rows_skipped(),
            if import.rows_skipped() == 1 { "" } else { "s" }
        );
        for problem in &import.skipped {
            let line = problem.line.map(|l| format!(":{l}")).unwrap_or_default();
            text.push_str(&format!("  {origin}{line}: {problem}\n"));
        }
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }
    Ok(import.scenario)
}

/// `balance`: one analysis per graph (per period of an edge list).
fn balance(args: &BalanceArgs) -> ExitCode {
    let file = &args.input.file;
    let mut frustration = FrustrationOptions::new();
    if args.exact {
        frustration = frustration.with_method(FrustrationMethod::Exact);
    } else if args.heuristic {
        frustration = frustration.with_method(FrustrationMethod::Heuristic);
    }
    let default_limit = (!args.exact).then_some(60.0);
    if let Some(seconds) = args.time_limit.or(default_limit) {
        match Duration::try_from_secs_f64(seconds) {
            Ok(limit) => frustration = frustration.with_time_limit(limit),
            Err(_) => {
                eprintln!("--time-limit: {seconds} is not a number of seconds");
                return ExitCode::from(2);
            }
        }
    }
    let mut options = BalanceOptions::new().with_frustration(frustration);
    if let Some(k) = args.camps {
        options = options.with_camps(k, args.alpha);
    }
    if args.edges {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{}: {e}", file.display());
                return ExitCode::from(2);
            }
        };
        let mut graphs = match SignedGraph::read_edges(&text, &file.display().to_string()) {
            Ok(g) => g,
            Err(e) => {
                print_error(&e);
                return ExitCode::from(2);
            }
        };
        if let Some(p) = &args.period {
            graphs.retain(|g| g.period() == Some(p.as_str()));
            if graphs.is_empty() {
                eprintln!("{}: no period `{p}` in the edge list", file.display());
                return ExitCode::from(2);
            }
        }
        let mut reports = Vec::with_capacity(graphs.len());
        for g in &graphs {
            match BalanceReport::new(g, &options) {
                Ok(r) => reports.push(r),
                Err(e) => {
                    print_error(&e);
                    return ExitCode::from(2);
                }
            }
        }
        return print_balance(&reports, None, args.format);
    }
    let scenario = match load_any(&args.input) {
        Ok(s) => s,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(2);
        }
    };
    let is_scenario = !matches!(
        file.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("csv" | "dna")
    );
    let choice = match (is_scenario, args.graph) {
        (true, Some(choice)) => choice,
        (true, None) => GraphChoice::Stances,
        (false, None | Some(GraphChoice::Actors)) => GraphChoice::Actors,
        (false, Some(GraphChoice::Stances)) => {
            eprintln!(
                "{}: --graph stances needs a scenario file; statements and .dna files give the actor network",
                file.display()
            );
            return ExitCode::from(2);
        }
    };
    let mut graph_options = GraphOptions::default().with_attribution(if args.by_speaker {
        Attribution::Speaker
    } else {
        Attribution::Principal
    });
    if let Some(date) = args.as_of {
        graph_options = graph_options.with_as_of(date);
    }
    let graph = StanceGraph::with_options(&scenario, graph_options);
    let signed = match choice {
        GraphChoice::Stances => SignedGraph::from_actors_and_issues(&graph),
        GraphChoice::Actors => SignedGraph::from_actor_ties(&graph),
    };
    let mut report = match BalanceReport::new(&signed, &options) {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(2);
        }
    };
    if choice == GraphChoice::Actors && scenario.actors().len() >= 2 {
        let level = if args.by_speaker {
            Level::Actor
        } else {
            Level::Principal
        };
        let polarization = PolarizationOptions::new()
            .with_level(level)
            .with_range(None, args.as_of);
        match scenario.polarization(&polarization) {
            Ok(p) => report = report.with_polarization(p),
            Err(e) => eprintln!("note: polarization not computed: {e}"),
        }
    }
    print_balance(&[report], Some(&scenario), args.format)
}

/// `report`: the HTML page (or the SVG drawing) written to a file.
fn report(args: &ReportArgs) -> ExitCode {
    let scenario = match load_any(&args.input) {
        Ok(s) => s,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(2);
        }
    };
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
    let report = match HtmlReport::with_options(&scenario, options) {
        Ok(r) => r,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(2);
        }
    };
    let (text, default) = match args.format {
        ReportFormat::Html => (report.render_html(), "report.html"),
        ReportFormat::Svg => (report.render_svg(), "report.svg"),
    };
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(default));
    if let Err(e) = std::fs::write(&output, text) {
        eprintln!("stancegraph: {}: {e}", output.display());
        return ExitCode::from(2);
    }
    eprintln!(
        "stancegraph: wrote {} ({} actors, {} contradictions)",
        output.display(),
        scenario.actors().len(),
        report.contradictions().len()
    );
    ExitCode::SUCCESS
}

fn print_balance(
    reports: &[BalanceReport<'_>],
    scenario: Option<&Scenario>,
    format: OutputFormat,
) -> ExitCode {
    let text = match format {
        OutputFormat::Json => {
            let value = match reports {
                [one] => one.to_json(scenario),
                many => serde_json::Value::from(
                    many.iter().map(|r| r.to_json(scenario)).collect::<Vec<_>>(),
                ),
            };
            format!("{value:#}\n")
        }
        OutputFormat::Text => reports
            .iter()
            .map(|r| r.explain(scenario))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    match emit(&text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

fn network(args: &NetworkArgs) -> ExitCode {
    let export = if args.verbatim {
        ExportOptions::verbatim()
    } else {
        ExportOptions::default()
    };
    let scenario = match load_any(&args.input) {
        Ok(s) => s,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(2);
        }
    };
    let mut options = NetworkOptions::new(args.mode, args.kind)
        .with_normalization(args.normalize)
        .with_level(args.level)
        .with_duplicates(args.duplicates)
        .with_range(args.from, args.to);
    options.include_actors = args.include_actors.clone();
    options.exclude_actors = args.exclude_actors.clone();
    options.include_issues = args.include_issues.clone();
    options.exclude_issues = args.exclude_issues.clone();
    let extension = match args.format {
        ExportFormat::Csv | ExportFormat::Edges => "csv",
        ExportFormat::GraphMl => "graphml",
        ExportFormat::Dot => "dot",
        ExportFormat::Svg => "svg",
        _ => "json",
    };
    let write = |path: &Path, text: String| match std::fs::write(path, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stancegraph: {}: {e}", path.display());
            ExitCode::from(2)
        }
    };
    let result = match (args.window_days, args.step_days) {
        (Some(width), Some(step)) => {
            let Some(dir) = &args.output else {
                eprintln!(
                    "stancegraph: windows are written one file each: give a directory with -o"
                );
                return ExitCode::from(2);
            };
            scenario
                .network_windows(&options, width, step)
                .map(|windows| {
                    if let Err(e) = std::fs::create_dir_all(dir) {
                        eprintln!("stancegraph: {}: {e}", dir.display());
                        return ExitCode::from(2);
                    }
                    for w in &windows {
                        let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
                        let name =
                            format!("window-{}-{}.{extension}", day(w.span().0), day(w.span().1));
                        let code = write(&dir.join(name), w.export_with(args.format, &export));
                        if code != ExitCode::SUCCESS {
                            return code;
                        }
                    }
                    eprintln!(
                        "stancegraph: wrote {} windows to {}",
                        windows.len(),
                        dir.display()
                    );
                    ExitCode::SUCCESS
                })
        }
        _ => scenario.network(&options).map(|n| {
            let text = n.export_with(args.format, &export);
            match &args.output {
                Some(path) => write(path, text),
                None => emit(text).err().unwrap_or(ExitCode::SUCCESS),
            }
        }),
    };
    result.unwrap_or_else(|e| {
        print_error(&e);
        ExitCode::from(2)
    })
}

struct Filter {
    kinds: Vec<ContradictionKind>,
    min_severity: Option<Severity>,
    deny: Option<Severity>,
}

fn check(
    files: &[PathBuf],
    format: OutputFormat,
    options: &CheckOptions,
    filter: &Filter,
) -> ExitCode {
    let mut scenarios = Vec::new();
    let mut invalid = false;
    for file in files {
        match Scenario::load(file) {
            Ok(s) => scenarios.push((file, s)),
            Err(e) => {
                invalid = true;
                print_error(&e);
            }
        }
    }
    if invalid {
        return ExitCode::from(2);
    }
    let mut denied = false;
    let mut documents = Vec::new();
    let mut text = String::new();
    for (file, scenario) in &scenarios {
        let mut found = scenario.contradictions(options);
        found.retain(|c| {
            (filter.kinds.is_empty() || filter.kinds.contains(&c.kind))
                && filter.min_severity.is_none_or(|min| c.severity <= min)
        });
        denied |= filter
            .deny
            .is_some_and(|deny| found.iter().any(|c| c.severity <= deny));
        match format {
            OutputFormat::Json => documents.push((file, found.to_json())),
            OutputFormat::Text => text.push_str(&render_text(file, &found)),
        }
    }
    let output = match format {
        OutputFormat::Text => text,
        // One file: the report itself; several: {"files": [{"file": ..., report...}]}.
        OutputFormat::Json if documents.len() == 1 => format!("{:#}\n", documents[0].1),
        OutputFormat::Json => {
            let files: Vec<serde_json::Value> = documents
                .iter()
                .map(|(file, json)| {
                    let mut value = json.clone();
                    if let Some(map) = value.as_object_mut() {
                        map.insert("file".into(), file.display().to_string().into());
                    }
                    value
                })
                .collect();
            let doc = serde_json::json!({ "files": files });
            format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            )
        }
    };
    if let Err(code) = emit(output) {
        return code;
    }
    if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn render_text(file: &Path, found: &stancegraph::Contradictions<'_>) -> String {
    format!("{}: {found}", file.display())
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        match Scenario::load(file) {
            Ok(s) => {
                let summary = format!(
                    "{}: ok: {} actors, {} issues, {} relations, {} positions\n",
                    file.display(),
                    s.actors().len(),
                    s.issues().len(),
                    s.relations().len(),
                    s.positions().len()
                );
                if let Err(code) = emit(summary) {
                    return code;
                }
            }
            Err(e) => {
                ok = false;
                print_error(&e);
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn show(file: &Path, by_principal: bool, as_of: Option<Date>) -> ExitCode {
    let scenario = match Scenario::load(file) {
        Ok(s) => s,
        Err(e) => {
            print_error(&e);
            return ExitCode::from(2);
        }
    };
    let attribution = if by_principal {
        Attribution::Principal
    } else {
        Attribution::Speaker
    };
    let mut options = GraphOptions::default().with_attribution(attribution);
    options.as_of = as_of;
    let graph = StanceGraph::with_options(&scenario, options);
    match emit(Overview::new(&graph)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// Writes to stdout. A closed pipe (`stancegraph show f | head`) ends the
/// output quietly; any other write error is reported.
fn emit(text: impl Display) -> Result<(), ExitCode> {
    match write!(std::io::stdout().lock(), "{text}") {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(ExitCode::SUCCESS),
        Err(e) => {
            eprintln!("stancegraph: cannot write the output: {e}");
            Err(ExitCode::from(1))
        }
    }
}

/// Prints an error (one line per problem) to stderr in one write: a million
/// problems must not cost a million system calls.
fn print_error(e: &dyn Display) {
    let text = format!("{e}\n");
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
