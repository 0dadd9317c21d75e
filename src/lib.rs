//! **stancegraph** compares the stances of political actors: who agrees with
//! whom, who is in conflict, and which positions cannot all hold together.
//!
//! An analyst writes down a [`Scenario`]: [actors](Actor) (states, alliances,
//! organisations and the people who speak for them), [issues](Issue)
//! (propositions such as "Ukraine joins NATO"), [relations](Relation) between
//! issues ("freezing NATO's expansion excludes Ukraine joining"), and
//! [positions](Position): who took which [stance](Stance) on which issue, how
//! firmly, on what condition, when, and with which quote from which source.
//! The [`StanceGraph`] turns the scenario into a graph of agreement and
//! conflict between actors whose every edge can explain itself, and
//! [`Scenario::contradictions`] finds every minimal set of positions that
//! cannot all hold under the relations.
//!
//! ```
//! use stancegraph::{stance::Attribution, stance::GraphOptions, Scenario, StanceGraph};
//!
//! let scenario = Scenario::from_yaml_str(r#"
//! actors:
//!   - {id: us, name: United States, kind: state, member_of: [nato]}
//!   - {id: nato, name: NATO, kind: alliance}
//!   - {id: russia, name: Russia, kind: state}
//!   - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
//! issues:
//!   - {id: freeze, name: NATO stops expanding eastward}
//! positions:
//!   - {actor: kellogg, issue: freeze, stance: support, firmness: negotiable,
//!      quote: "That's one of the issues that Russia will bring up"}
//!   - {actor: russia, issue: freeze, stance: support, firmness: red_line}
//! "#)?;
//!
//! // Count Kellogg's words as the United States' position.
//! let options = GraphOptions::default().with_attribution(Attribution::Principal);
//! let graph = StanceGraph::with_options(&scenario, options);
//! let us = scenario.actor_id("us").unwrap();
//! let russia = scenario.actor_id("russia").unwrap();
//! let tie = graph.agreement_between(us, russia).unwrap();
//! assert_eq!(tie.to_string(),
//!     "United States and Russia agree: both support \"NATO stops expanding eastward\"");
//! # Ok::<(), stancegraph::Error>(())
//! ```
//!
//! # The main types
//!
//! - [`Scenario`]: the validated model; load it with [`Scenario::load`] or
//!   build it with [`Scenario::new`] and `add_*`. Items are addressed by small
//!   `Copy` ids ([`ActorId`], [`IssueId`], [`PositionId`], [`RelationId`]).
//! - [`StanceGraph`]: agreement and conflict ties, [camps](StanceGraph::camps)
//!   per issue, and the underlying [petgraph](StanceGraph::petgraph) graph for
//!   advanced use.
//! - [`Holding`]: when a position holds ([`Scenario::holdings`]); a later
//!   position of the same principal on an issue supersedes an earlier one, and
//!   [`GraphOptions::as_of`] builds the graph of one day.
//! - [`Scenario::contradictions`] → [`Contradictions`]: every minimal set of
//!   positions that cannot all hold, explained ([`Contradiction`], [`Step`]).
//! - [`Scenario::network`] → [`Network`]: Discourse Network Analyzer's
//!   networks ([`NetworkOptions`]), exported with [`Network::export`].
//! - [`StatementsCsv`], [`RollCallVotes`]: importers for coded-statement
//!   tables and roll-call votes.
//! - [`SignedGraph`]: structural balance of signed networks, read from an
//!   edge list or built from a scenario ([`SignedGraph::from_actors_and_issues`] for
//!   actors and issues): strict and weak [balance](Balance), the
//!   [triangle census](TriangleCensus), walk balance, the
//!   [frustration index](SignedGraph::frustration) (exact with proof or
//!   heuristic with bounds, [`Frustration`], [`Tension`]) and the k-camp
//!   [blockmodel](SignedGraph::blockmodel); [`BalanceReport`] explains it all.
//! - [`Scenario::polarization`] → [`Polarization`]: DNA's polarization score.
//! - [`Overview`]: the plain-text report the example and the command line print.
//! - [`HtmlReport`]: the self-contained HTML report ([`HtmlReportOptions`]): the actor
//!   network drawn as SVG, the contradictions, camps per issue, a timeline and
//!   the structural balance, every tie with the quotes behind it.
//! - [`Error`]: one error type; validation reports every [`Problem`], each
//!   naming the record and field.
//!
//! # The scenario file format
//!
//! YAML, JSON and TOML files share one shape. Every list is optional; unknown
//! keys are errors (with a "did you mean" hint).
//!
//! ```yaml
//! title: Istanbul ceasefire talks              # optional; also `description`
//! actors:
//!   - id: us                                   # required, unique among actors
//!     name: United States                      # required
//!     kind: state                              # state | alliance | organization | person | group | other
//!     aliases: [USA]                           # optional
//!     member_of: [nato]                        # or [{actor: nato, since: 1949-04-04, until: ...}]
//!   - id: kellogg
//!     name: Keith Kellogg
//!     kind: person
//!     speaks_for: us                           # optional: the actor this one represents
//!     role: Special Envoy for Ukraine and Russia
//! issues:
//!   - id: freeze-expansion                     # required, unique among issues
//!     name: NATO stops expanding eastward      # required: the proposition
//!     description: ...                         # optional
//!     tags: [nato]                             # optional
//! relations:
//!   - {kind: excludes, issues: [freeze-expansion, ukraine-joins-nato], note: "..."}
//!   - {kind: implies, issues: [a, b]}          # a implies b (ordered)
//!   - {kind: equivalent, issues: [a, b]}
//!   - {kind: incompatible, issues: [a, b, c]}  # not all of them (two or more)
//! positions:
//!   - id: kellogg-freeze                       # optional; else `actor:issue`, `actor:issue:2`, ...
//!     actor: kellogg                           # required
//!     issue: freeze-expansion                  # required
//!     stance: support                          # required: support | oppose | neutral
//!     firmness: negotiable                     # red_line | firm | negotiable; default firm
//!     condition: ceasefire                     # an issue id; {issue: id}; {text: "..."}
//!     date: 2025-05-29                         # optional, YYYY-MM-DD
//!     until: 2025-06-30                        # optional, not before `date`
//!     source: {title: "...", publisher: "...", url: "..."}
//!     quote: "That's one of the issues that Russia will bring up"
//!     note: "coded as conditional support"     # optional analyst's note
//! ```
//!
//! A bare `condition` names an issue; a bare word that is no issue's id is an
//! error (it is most likely a typo), while text containing a space is taken
//! as a condition in words.
//!
//! Loading checks everything and reports **all** problems, each naming the
//! file, the record and the field: unknown references, duplicate ids,
//! `member_of` or `speaks_for` cycles, relations with too few or repeated
//! issues, unknown keywords (listing the allowed ones), impossible dates,
//! `until` before `date`, missing required fields and unknown keys. Malformed
//! text gives an [`Error::Syntax`] with line and column. Nothing is dropped
//! silently: duplicate keys within a mapping are errors in every format.
//!
//! # Crate features
//!
//! - `toml` (default): read and write TOML scenario files.
//! - `cli`: the `stancegraph` command-line program (`validate`, `show`,
//!   `check`, `network`, `balance`, `report`).
//! - `dna`: [`read_dna`], importing Discourse Network Analyzer `.dna`
//!   databases (SQLite, built from the bundled C sources).

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::unwrap_used, clippy::expect_used)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod analyses;
mod error;
mod model;
mod util;

pub mod balance;
pub mod contradiction;
pub mod discourse;
pub mod io;
pub mod render;
pub mod stance;

pub use contradiction::{Contradiction, Contradictions};
pub use error::{Error, Problem, ProblemKind, RecordRef, Result, Section};
pub use model::{
    Actor, ActorId, ActorKind, Condition, Date, DateError, Firmness, Holding, Issue, IssueId,
    Membership, Position, PositionId, Relation, RelationId, RelationKind, Scenario, Source, Stance,
};
pub use stance::StanceGraph;
pub use util::keyword::KeywordError;

/// The graph library under [`StanceGraph::petgraph`], re-exported so that
/// callers use the very version stancegraph was built with.
pub use petgraph;

// The README's examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
