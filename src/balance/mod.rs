//! Structural balance of signed networks: camps, unbalanced cycles, the
//! triangle census, walk balance, the frustration index and k-camp
//! blockmodels, explained.
//!
//! - [`SignedGraph`]: read from an edge list or built from a stance graph;
//!   strict and weak [balance](Balance), the [triangle census](TriangleCensus).
//!   A multigraph of weighted ties: rows repeating a pair add up per sign, a
//!   pair with both signs is *ambivalent* ([`SignedGraph::ambivalent_pairs`]);
//!   the searches count total weight, exact to [`WEIGHT_DECIMALS`] decimal
//!   places, or each distinct signed pair once ([`SignedGraph::distinct_pairs`]).
//! - [`Frustration`] with [`FrustrationOptions`]: the least weight of ties out of place,
//!   exact with proof or heuristic with bounds; [`Tension`] shows why each is.
//! - [`Blockmodel`] with [`BlockmodelOptions`]: Doreian and Mrvar's k camps;
//!   [`PatternFit`]: a generalised blockmodel with a [`BlockPattern`] of
//!   expected signs per pair of blocks (mediators, …).
//! - [`Significance`] with [`SignificanceOptions`]: triangle balance and the
//!   frustration index against random sign arrangements, with p-values.
//! - [`Centrality`]: signed degrees, the PN index and the signed eigenvector
//!   centrality of every node ([`SignedGraph::centrality`]).
//! - [`BalanceReport`] with [`BalanceOptions`]: all of it, in words or JSON.

mod blockmodel;
mod centrality;
mod edge_list;
mod from_stance_graph;
mod frustration;
mod measures;
mod pattern;
mod report;
mod signed_graph;
mod significance;
mod weights;

pub use blockmodel::{Blockmodel, BlockmodelOptions};
pub use centrality::{Centrality, DENSE_MAX_NODES};
pub use from_stance_graph::TieSigns;
pub use frustration::{Frustration, FrustrationMethod, FrustrationOptions, Tension};
pub use measures::{Balance, TriangleCensus, WeakBalance};
pub use pattern::{BlockPattern, Expect, PatternFit};
pub use report::{BalanceOptions, BalanceReport, WALK_BALANCE_MAX_NODES};
pub use signed_graph::{EdgeEvidence, NodeOrigin, SignedEdge, SignedGraph};
pub use significance::{NullTest, Significance, SignificanceOptions};
pub(crate) use weights::Units;
pub use weights::WEIGHT_DECIMALS;
