//! The stance graph: agreement and conflict between actors, derived from
//! their positions, every tie able to explain itself.
//!
//! - [`StanceGraph`] (also at the crate root): ties, camps per issue, the
//!   underlying petgraph graph.
//! - [`GraphOptions`]: whose positions count ([`Attribution`]) and on which day.
//! - [`Overview`]: the plain-text overview the example and the command line print.

mod graph;
mod overview;

pub use graph::{
    Attribution, CampMember, Camps, Edge, GraphOptions, Node, StanceGraph, Tie, TieIssue, TieKind,
    TieSummary,
};
pub use overview::Overview;
