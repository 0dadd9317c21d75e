//! `centrality`: signed centralities of every node of a signed network —
//! positive and negative (weighted) degree, the PN index and the signed
//! eigenvector centrality — as text or JSON.
//!
//! The network is read as `balance` reads it: an edge list (`--edges`, one
//! table per period), or the signed graph of a scenario (actors and issues,
//! or `--graph actors`), a statements table or a .dna database (the actor
//! network).
//!
//! Library API: [`stancegraph::balance::SignedGraph::centrality`] and
//! [`stancegraph::balance::Centrality`] (`explain`, `to_json`).

use std::process::ExitCode;

use stancegraph::Date;
use stancegraph::balance::SignedGraph;

use super::balance::{GraphChoice, TiesChoice, distinct, edge_graphs, scenario_graph};
use super::{AttributionChoice, OutputFormat};
use crate::error::CliError;
use crate::input::InputArgs;
use crate::output;

/// Options of `centrality`.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// FILE is an edge list CSV: `source,target,sign`, optional `weight` and
    /// `period` (one table per period).
    #[arg(long, conflicts_with_all = [
        "graph", "ties", "attribution", "as_of",
        "actor_col", "issue_col", "stance_col", "date_col", "speaker_col",
        "quote_col", "source_col", "id_col", "stance_map", "skip_bad_rows",
    ])]
    edges: bool,
    /// Only this period of the edge list.
    #[arg(long, value_name = "P", requires = "edges")]
    period: Option<String>,
    /// Every tie of weight 1: each distinct signed pair counts once
    /// (signnet's convention). Default: weighted degrees and matrices.
    #[arg(long)]
    distinct_pairs: bool,
    /// For scenario files: `stances` (actors and issues; default) or
    /// `actors` (the actor network of agreement and conflict).
    #[arg(long, value_enum)]
    graph: Option<GraphChoice>,
    /// For scenarios, statements and .dna files: `net` (one tie per pair,
    /// the sign of for minus against; default) or `both` (a positive tie
    /// weighing what speaks for the pair and a negative one weighing what
    /// speaks against it: pairs with both are ambivalent).
    #[arg(long, value_enum, default_value_t = TiesChoice::Net)]
    ties: TiesChoice,
    /// Whom positions count for.
    #[arg(long, value_enum, default_value_t = AttributionChoice::Principal)]
    attribution: AttributionChoice,
    /// Count only the positions that hold on this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// `text` for people, `json` for machines.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let file = &args.input.file;
    let graphs: Vec<SignedGraph> = if args.edges {
        edge_graphs(file, args.period.as_deref())?
    } else {
        let input = args.input.load()?;
        vec![
            scenario_graph(
                &input,
                file,
                args.graph,
                args.ties,
                args.attribution,
                args.as_of,
            )?
            .0,
        ]
    };
    let graphs = distinct(graphs, args.distinct_pairs);
    let results: Vec<_> = graphs.iter().map(|g| (g, g.centrality())).collect();
    let text = match args.format {
        OutputFormat::Json => {
            let one = |(g, c): &(&SignedGraph, stancegraph::balance::Centrality)| {
                let mut value = c.to_json(g);
                if let Some(p) = g.period() {
                    value["period"] = serde_json::json!(p);
                }
                value
            };
            output::json(&match results.as_slice() {
                [single] => one(single),
                many => serde_json::Value::from(many.iter().map(one).collect::<Vec<_>>()),
            })
        }
        OutputFormat::Text => results
            .iter()
            .map(|(g, c)| match g.period() {
                Some(p) => format!("Period {p}\n{}", c.explain(g)),
                None => c.explain(g),
            })
            .collect::<Vec<_>>()
            .join("\n"),
    };
    output::emit(text)?;
    Ok(ExitCode::SUCCESS)
}
