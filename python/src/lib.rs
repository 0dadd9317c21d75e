//! The Python package of stancegraph: a thin [PyO3](https://pyo3.rs) layer
//! over the Rust library, built by maturin into `stancegraph._native` and
//! re-exported by the pure-Python package `stancegraph` beside it.
//!
//! Every class and function here forwards to the library's public API and
//! converts at the boundary only: keywords and dates in, plain Python values
//! (str, int, float, `datetime.date`, lists, dicts), numpy arrays and pandas
//! frames out. Long work runs with the GIL released (`Python::detach`);
//! library errors become Python exceptions (`errors.rs`), never a panic.
//! Results that borrow their scenario (the contradictions) keep it alive
//! through a shared `Arc` and are read lazily.
//!
//! One file per capability, as in the library:
//!
//! - `errors.rs`: `stancegraph.ValidationError` with `.problems`, and the
//!   mapping of every library error to the exception a Python user expects;
//! - `convert.rs`: dates and keywords in, dates and frames out;
//! - `scenario.rs`: `Scenario` (loading, writing, the records);
//! - `records.rs`: the `actors`, `issues`, `positions`, `relations` and
//!   `sources` sequences and their `to_pandas()`;
//! - `contradictions.rs`: `Scenario.contradictions` and its results;
//! - `deals.rs`: `Scenario.deals`;
//! - `diff.rs`: `Scenario.diff`;
//! - `report.rs`: `Scenario.report_html` and the notebook display; the
//!   report of signed graphs (`SignedGraph.report_html`,
//!   `EventNetworks.report_html`, and `_graphs_report` of a list, behind
//!   `stancegraph.report_html` in `stancegraph/_reports.py`);
//! - `stance.rs`: `Scenario.ties`, `camps`, `overview`, and what-if
//!   (`with_positions`, `what_if`);
//! - `network.rs`: `Scenario.network` and the discourse `Network`;
//! - `signed.rs`: `SignedGraph` and its balance measures;
//!   `balance_results.rs`: their results (`Frustration`, `Blockmodel`,
//!   `BalanceReport`); `signed_measures.rs`: centralities, significance
//!   and generalised blockmodels;
//! - `readers.rs`: `read_statements`, `Scenario.from_statements`,
//!   `read_dna`, `read_votes` and `Votes`;
//! - `interstate.rs`: `read_interstate` and `InterstatePanel` (alliance and
//!   dispute dyad-years: allies in conflict, balance by year).
//! - `events.rs`: `read_events`, `aggregate_events` and `EventNetworks`
//!   (event data per dyad and period, and a `SignedGraph` per period).
//! - `spark.rs`: the per-partition kernels of `stancegraph.spark` (Arrow
//!   string buffers in, partial aggregates out) and the driver's assembly.

use pyo3::prelude::*;

mod balance_results;
mod contradictions;
mod convert;
mod deals;
mod diff;
mod errors;
mod events;
mod interstate;
mod network;
mod readers;
mod records;
mod report;
mod scenario;
mod signed;
mod signed_measures;
mod spark;
mod stance;

/// The extension module `stancegraph._native`.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    scenario::register(m)?;
    records::register(m)?;
    contradictions::register(m)?;
    deals::register(m)?;
    diff::register(m)?;
    network::register(m)?;
    signed::register(m)?;
    signed_measures::register(m)?;
    report::register(m)?;
    readers::register(m)?;
    events::register(m)?;
    stance::register(m)?;
    interstate::register(m)?;
    spark::register(m)?;
    Ok(())
}
