//! The files of an interstate panel's analysis, as `stancegraph interstate`
//! writes them to its folder (and Python's `InterstatePanel.write`, and the
//! `interstate` example): one definition of their names and contents, so
//! that every layer writes the same bytes.
//!
//! - `allies_in_conflict.csv` (or `.json`): [`AlliesInConflict`];
//! - `balance_by_year.csv` (or `.json`): [`BalanceByYear`];
//! - `signed_networks.csv`: every year's signed graph as one edge list whose
//!   periods are the years ([`InterstatePanel::edge_list`]),
//!   for `stancegraph balance --edges` and `report --edges` — CSV whatever
//!   the format, as those read it.
//!
//! JSON is pretty-printed with a final line break.

use crate::interstate::{AlliesInConflict, BalanceByYear, InterstatePanel};

/// The format of the two tables (the edge list is always CSV).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum TableFormat {
    /// Comma-separated values with a header (the default).
    #[default]
    Csv,
    /// A JSON array of objects.
    Json,
}

/// The files of the analysis: (file name, text), in the order above.
///
/// ```
/// use stancegraph::interstate::{InterstatePanel, TableFormat, YearBalanceOptions, output_files};
///
/// let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/interstate");
/// let panel = InterstatePanel::from_paths(
///     format!("{dir}/atop_alliance_dyad_year.csv"),
///     format!("{dir}/gml_mid_directed_dispute_year.csv"),
///     Some(format!("{dir}/cow_states.csv")),
/// )?;
/// let allies = panel.allies_in_conflict();
/// let balance = panel.balance_by_year(&YearBalanceOptions::new());
/// let files = output_files(&panel, &allies, &balance, TableFormat::Json);
/// let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
/// assert_eq!(names, ["allies_in_conflict.json", "balance_by_year.json", "signed_networks.csv"]);
/// // The edge list reads back as the panel's graphs, one per year.
/// let graphs = stancegraph::balance::SignedGraph::read_edges(&files[2].1, "signed_networks.csv")?;
/// assert_eq!(graphs.len(), panel.years().len());
/// # Ok::<(), stancegraph::Error>(())
/// ```
///
/// # Complexity
///
/// Linear in the tables and the panel's pairs.
pub fn output_files(
    panel: &InterstatePanel,
    allies: &AlliesInConflict,
    balance: &BalanceByYear,
    format: TableFormat,
) -> Vec<(String, String)> {
    let (extension, allies_text, balance_text) = match format {
        TableFormat::Csv => ("csv", allies.to_csv(), balance.to_csv()),
        TableFormat::Json => (
            "json",
            format!("{:#}\n", allies.to_json()),
            format!("{:#}\n", balance.to_json()),
        ),
    };
    vec![
        (format!("allies_in_conflict.{extension}"), allies_text),
        (format!("balance_by_year.{extension}"), balance_text),
        ("signed_networks.csv".to_owned(), panel.edge_list()),
    ]
}
