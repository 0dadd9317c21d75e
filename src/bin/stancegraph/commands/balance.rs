//! `balance`: structural balance of a signed network, as text or JSON.
//!
//! The network is an edge list (`--edges`, one analysis per period), or is
//! built from an input file: for a scenario its actors and issues (or, with
//! `--graph actors`, its actor network), for a statements table or a .dna
//! database the actor network, then with DNA's polarization added.
//!
//! Library API: [`stancegraph::balance::SignedGraph::read_edges`],
//! [`stancegraph::balance::SignedGraph::from_actors_and_issues`] and
//! [`stancegraph::balance::SignedGraph::from_actor_ties`] (of a
//! [`stancegraph::StanceGraph`]), [`stancegraph::balance::BalanceReport`]
//! (`explain` and `to_json`), and [`stancegraph::Scenario::polarization`].

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use clap::ValueEnum;
use stancegraph::{
    Date, Scenario, StanceGraph, balance::BalanceOptions, balance::BalanceReport,
    balance::BlockmodelOptions, balance::FrustrationMethod, balance::FrustrationOptions,
    balance::SignedGraph, balance::SignificanceOptions, balance::TieSigns,
    discourse::PolarizationOptions,
};

use super::{AttributionChoice, OutputFormat};
use crate::error::CliError;
use crate::input::{Input, InputArgs, InputKind};
use crate::output;

/// Options of `balance`.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("blockmodels").args(["camps", "pattern"]).multiple(true)))]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// FILE is an edge list CSV: `source,target,sign`, optional `weight` and
    /// `period` (one analysis per period).
    // An edge list is already a signed graph: the options that say how to
    // read a table (every flag of `CsvArgs`) or build a graph from a file
    // would be silently ignored, so they are usage errors. Named one by one
    // rather than as clap's `CsvArgs` group so that the error names the
    // flag given, not all ten.
    #[arg(long, conflicts_with_all = [
        "graph", "ties", "attribution", "by_speaker", "as_of",
        "actor_col", "issue_col", "stance_col", "date_col", "speaker_col",
        "quote_col", "source_col", "id_col", "stance_map", "skip_bad_rows",
    ])]
    edges: bool,
    /// Only this period of the edge list.
    #[arg(long, value_name = "P", requires = "edges")]
    period: Option<String>,
    /// Count each distinct signed pair once, whatever its weight and however
    /// many rows give it (signnet's convention). Default: total weight.
    #[arg(long)]
    distinct_pairs: bool,
    /// Prove the frustration index optimal, however long it takes (see
    /// --time-limit). Default: exact when the reduced graph is small enough.
    #[arg(long, conflicts_with = "heuristic")]
    exact: bool,
    /// Local search with bounds only (for large graphs).
    #[arg(long)]
    heuristic: bool,
    /// Stop after this many seconds, reporting the best camps and the proven
    /// bounds; `inf` for no limit. Default: 60 seconds, or none with --exact.
    #[arg(long, value_name = "SECONDS", value_parser = super::parse_time_limit)]
    time_limit: Option<super::TimeLimit>,
    /// Fit a blockmodel of K camps (Doreian–Mrvar).
    #[arg(long, value_name = "K",
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    camps: Option<usize>,
    /// Fit a generalised blockmodel of this pattern of expected signs per
    /// pair of blocks: rows of `+`, `-` and `.` (either) separated by `;`,
    /// e.g. `+-+;-++;+++` for two hostile camps and their mediators.
    #[arg(long, value_name = "PATTERN")]
    pattern: Option<stancegraph::balance::BlockPattern>,
    /// The blockmodel's weight on negative ties inside camps (1 − A on
    /// positive ties between camps), between 0 and 1.
    #[arg(long, value_name = "A", default_value_t = BlockmodelOptions::DEFAULT_ALPHA, requires = "blockmodels")]
    alpha: f64,
    /// For scenario files: `stances` (actors and issues; default) or
    /// `actors` (the actor network of agreement and conflict). Statements
    /// and .dna files always give the actor network.
    #[arg(long, value_enum)]
    graph: Option<GraphChoice>,
    /// For scenarios, statements and .dna files: `net` (one tie per pair,
    /// the sign of for minus against; default) or `both` (a positive tie
    /// weighing what speaks for the pair and a negative one weighing what
    /// speaks against it: pairs with both are ambivalent).
    #[arg(long, value_enum, default_value_t = TiesChoice::Net)]
    ties: TiesChoice,
    /// Whom positions count for; DNA's polarization is then of principals
    /// or of actors.
    #[arg(long, value_enum, default_value_t = AttributionChoice::Principal)]
    attribution: AttributionChoice,
    /// Deprecated: `--attribution speaker`.
    #[arg(long, hide = true, conflicts_with = "attribution")]
    by_speaker: bool,
    /// Count only the positions that hold on this day (YYYY-MM-DD). DNA's
    /// polarization, which has no notion of supersession, counts the
    /// statements dated up to that day.
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// `text` for people, `json` for machines.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Test whether the network is more balanced than chance: triangle
    /// balance and the frustration index against the signs shuffled over
    /// the ties (seeded), with p-values. Default: on for text output of
    /// networks of up to 10,000 ties.
    #[arg(long, conflicts_with = "no_significance")]
    significance: bool,
    /// Leave the significance test out.
    #[arg(long)]
    no_significance: bool,
    /// Shuffles for triangle balance in the significance test.
    #[arg(long, value_name = "N", default_value_t = SignificanceOptions::DEFAULT_SAMPLES)]
    samples: usize,
    /// Shuffles for the frustration index in the significance test.
    #[arg(long, value_name = "N", default_value_t = SignificanceOptions::DEFAULT_FRUSTRATION_SAMPLES)]
    frustration_samples: usize,
    /// The seed of the shuffles.
    #[arg(long, value_name = "SEED", default_value_t = SignificanceOptions::DEFAULT_SEED)]
    seed: u64,
}

/// `--ties` of `balance` and `centrality`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TiesChoice {
    /// One tie per pair: the sign of the net.
    Net,
    /// A positive and a negative tie where there is evidence both ways.
    Both,
}

/// `--graph` of `balance` and `centrality`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphChoice {
    /// A scenario's actors and issues, with relations and links.
    Stances,
    /// The actor network of agreement and conflict.
    Actors,
}

/// The graphs of an edge list (`--edges`): one per period, or only
/// `period`'s.
pub fn edge_graphs(file: &Path, period: Option<&str>) -> Result<Vec<SignedGraph>, CliError> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::file(file, e))?;
    let mut graphs = SignedGraph::read_edges(&text, &file.display().to_string())?;
    if let Some(p) = period {
        let i = find_period(file, &graphs, p)?;
        graphs = vec![graphs.swap_remove(i)];
    }
    Ok(graphs)
}

/// Where `period` is among the graphs of `file` (`--period` of `balance`
/// and `report`), or the usage error naming the file and the periods there
/// are.
pub fn find_period(file: &Path, graphs: &[SignedGraph], period: &str) -> Result<usize, CliError> {
    SignedGraph::find_period(graphs, period)
        .map_err(|kind| CliError::file(file, format!("--period: {kind}")))
}

/// `graphs`, with every weight 1 when `distinct_pairs` (`--distinct-pairs`).
pub fn distinct(graphs: Vec<SignedGraph>, distinct_pairs: bool) -> Vec<SignedGraph> {
    if distinct_pairs {
        graphs.iter().map(SignedGraph::distinct_pairs).collect()
    } else {
        graphs
    }
}

/// The signed graph of an input file and which one it is: for a scenario
/// its actors and issues unless `--graph actors`; for statements and .dna
/// files the actor network.
pub fn scenario_graph(
    input: &Input,
    file: &Path,
    graph: Option<GraphChoice>,
    ties: TiesChoice,
    attribution: AttributionChoice,
    as_of: Option<Date>,
) -> Result<(SignedGraph, GraphChoice), CliError> {
    let choice = match (input.kind, graph) {
        (InputKind::Scenario, Some(choice)) => choice,
        (InputKind::Scenario, None) => GraphChoice::Stances,
        (_, None | Some(GraphChoice::Actors)) => GraphChoice::Actors,
        (_, Some(GraphChoice::Stances)) => {
            return Err(CliError::file(
                file,
                "--graph stances needs a scenario file; statements and .dna files give the actor network",
            ));
        }
    };
    let stances = StanceGraph::with_options(&input.scenario, attribution.graph_options(as_of));
    let signs = match ties {
        TiesChoice::Net => TieSigns::Net,
        TiesChoice::Both => TieSigns::Both,
    };
    let signed = match choice {
        GraphChoice::Stances => SignedGraph::from_actors_and_issues_with(&stances, signs),
        GraphChoice::Actors => SignedGraph::from_actor_ties_with(&stances, signs),
    };
    Ok((signed, choice))
}

/// One analysis per graph (per period of an edge list).
pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let file = &args.input.file;
    let mut frustration = FrustrationOptions::new();
    if args.exact {
        frustration = frustration.with_method(FrustrationMethod::Exact);
    } else if args.heuristic {
        frustration = frustration.with_method(FrustrationMethod::Heuristic);
    }
    let limit = match args.time_limit {
        Some(super::TimeLimit(limit)) => limit,
        None => (!args.exact).then_some(Duration::from_secs(60)),
    };
    if let Some(limit) = limit {
        frustration = frustration.with_time_limit(limit);
    }
    let mut options = BalanceOptions::new().with_frustration(frustration);
    if let Some(k) = args.camps {
        options = options.with_blockmodel(BlockmodelOptions::new(k).with_alpha(args.alpha));
    }
    if let Some(pattern) = &args.pattern {
        options = options.with_pattern(
            pattern.clone(),
            BlockmodelOptions::new(pattern.k()).with_alpha(args.alpha),
        );
    }
    if args.edges {
        let graphs = distinct(
            edge_graphs(file, args.period.as_deref())?,
            args.distinct_pairs,
        );
        let reports = graphs
            .iter()
            .map(|g| BalanceReport::new(g, &with_significance(args, g, &options)))
            .collect::<Result<Vec<_>, _>>()?;
        return print(&reports, None, args.format);
    }
    let input = args.input.load()?;
    let scenario = &input.scenario;
    let attribution = args
        .attribution
        .or_alias(args.by_speaker.then_some(AttributionChoice::Speaker));
    let (signed, choice) =
        scenario_graph(&input, file, args.graph, args.ties, attribution, args.as_of)?;
    let signed = if args.distinct_pairs {
        signed.distinct_pairs()
    } else {
        signed
    };
    let mut report = BalanceReport::new(&signed, &with_significance(args, &signed, &options))?;
    if choice == GraphChoice::Actors && scenario.actors().len() >= 2 {
        let polarization = PolarizationOptions::new()
            .with_level(attribution.level())
            .with_range(None, args.as_of);
        match scenario.polarization(&polarization) {
            Ok(p) => report = report.with_polarization(p),
            Err(e) => output::note(&format!("note: polarization not computed: {e}\n")),
        }
    }
    print(&[report], Some(scenario), args.format)
}

/// `options` with the significance test when asked for, or by default for
/// text output of networks of up to
/// [`SignificanceOptions::DEFAULT_MAX_EDGES`] ties.
fn with_significance(args: &Args, graph: &SignedGraph, options: &BalanceOptions) -> BalanceOptions {
    let by_default = args.format == OutputFormat::Text
        && graph.edges().len() <= SignificanceOptions::DEFAULT_MAX_EDGES;
    if args.significance || (by_default && !args.no_significance) {
        options.clone().with_significance(
            SignificanceOptions::new()
                .with_samples(args.samples)
                .with_frustration_samples(args.frustration_samples)
                .with_seed(args.seed),
        )
    } else {
        options.clone()
    }
}

fn print(
    reports: &[BalanceReport<'_>],
    scenario: Option<&Scenario>,
    format: OutputFormat,
) -> Result<ExitCode, CliError> {
    let text = match format {
        OutputFormat::Json => output::json(&match reports {
            [one] => one.to_json(scenario),
            many => serde_json::Value::from(
                many.iter().map(|r| r.to_json(scenario)).collect::<Vec<_>>(),
            ),
        }),
        OutputFormat::Text => reports
            .iter()
            .map(|r| r.explain(scenario))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    output::emit(text)?;
    Ok(ExitCode::SUCCESS)
}
