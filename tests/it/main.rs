//! The integration tests, one module per capability, in one test crate (one
//! link step instead of one per file). The browser test is its own crate
//! (`tests/browser.rs`): it drives Chromium and runs apart.
//!
//! Fixtures shared across modules (the founding scenario, the DNA sample,
//! the Highland tribes, the random signed graphs of the property tests, a
//! seeded shuffle, the binary's runner) are in `tests/common`.

#[path = "../common/mod.rs"]
mod common;

mod aliases;
mod balance;
mod blockmodel;
mod cases;
mod centrality;
#[cfg(feature = "cli")]
mod cli;
#[cfg(feature = "cli")]
mod cli_cases;
#[cfg(feature = "cli")]
mod cli_deals;
#[cfg(feature = "cli")]
mod cli_diff;
mod contradictions;
mod deals;
mod diff;
#[cfg(feature = "dna")]
mod dna;
mod events;
mod examples;
mod frontier;
mod frustration;
mod graph_report;
#[cfg(feature = "cli")]
mod hostile;
mod interstate;
mod loading;
mod multigraph;
mod networks;
mod pattern;
mod polarization;
mod quotes;
mod report;
mod report_since;
mod robustness;
mod roundtrip;
mod significance;
mod stance_graph;
mod votes;
