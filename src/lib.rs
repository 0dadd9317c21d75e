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
//! use stancegraph::contradiction::{CheckOptions, ContradictionKind};
//! use stancegraph::stance::{Attribution, GraphOptions};
//! use stancegraph::{Scenario, StanceGraph};
//!
//! let scenario = Scenario::from_yaml_str(r#"
//! actors:
//!   - {id: us, name: United States, kind: state, member_of: [nato]}
//!   - {id: nato, name: NATO, kind: alliance}
//!   - {id: russia, name: Russia, kind: state}
//!   - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
//! issues:
//!   - {id: freeze, name: NATO stops expanding eastward}
//!   - {id: join, name: Ukraine joins NATO}
//! relations:
//!   - {kind: excludes, issues: [freeze, join]}
//! positions:
//!   - {actor: kellogg, issue: freeze, stance: support, firmness: negotiable,
//!      quote: "That's one of the issues that Russia will bring up"}
//!   - {actor: russia, issue: freeze, stance: support}
//!   - {actor: nato, issue: join, stance: support, firmness: red_line}
//! "#)?;
//!
//! // The US offer, through its envoy, cannot hold with NATO's red line
//! // while the US is a member of NATO.
//! let found = scenario.contradictions(&CheckOptions::default());
//! assert_eq!(found.len(), 1);
//! let c = found.iter().next().unwrap();
//! assert_eq!(c.kind, ContradictionKind::MemberVsBloc);
//! assert!(c.to_string().contains("United States is a member of NATO"));
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
//! At the root, the model and the two results most callers want:
//!
//! - [`Scenario`]: the validated model; load it with [`Scenario::load`] or
//!   build it with [`Scenario::new`] and `add_*`. Items are addressed by small
//!   `Copy` ids ([`ActorId`], [`IssueId`], [`PositionId`], [`RelationId`]);
//!   the records are [`Actor`], [`Issue`], [`Relation`] and [`Position`].
//!   [`Holding`] says when a position holds ([`Scenario::holdings`]): a later
//!   position of the same principal on an issue supersedes an earlier one.
//! - [`StanceGraph`]: agreement and conflict ties, [camps](StanceGraph::camps)
//!   per issue, and the underlying [petgraph](StanceGraph::petgraph) graph
//!   (the crate re-exports [`petgraph`] so that you use the same version).
//! - [`Contradictions`] from [`Scenario::contradictions`]: every minimal set of
//!   positions that cannot all hold, each a [`Contradiction`] that explains
//!   itself.
//! - [`Error`]: one error type; validation reports every [`Problem`], each
//!   naming the file, the record and the field; bad options of an analysis
//!   come back as [`Error::InvalidOptions`].
//!
//! The rest is grouped by domain, one module each:
//!
//! | module | what it holds |
//! |---|---|
//! | [`stance`] | [`GraphOptions`](stance::GraphOptions) (whose words count, on which day), [`Tie`](stance::Tie), [`Camps`](stance::Camps), the plain-text [`Overview`](stance::Overview) |
//! | [`contradiction`] | [`CheckOptions`](contradiction::CheckOptions), kinds and severities, the reasoning [`Step`](contradiction::Step)s, [`WhatIf`](contradiction::WhatIf) |
//! | [`deal`] | [`Scenario::deals`]: the cheapest [`Deal`](deal::Deal)s — which claims must be withdrawn, by whom, with proof ([`DealOptions`](deal::DealOptions), [`Deals`](deal::Deals)) |
//! | [`discourse`] | Discourse Network Analyzer's [`Network`](discourse::Network)s and their export, DNA's [`Polarization`](discourse::Polarization) |
//! | [`diff`] | [`Scenario::diff`] and [`Scenario::diff_dates`]: positions, contradictions and ties that changed ([`ScenarioDiff`](diff::ScenarioDiff)) |
//! | [`balance`] | [`SignedGraph`](balance::SignedGraph): structural balance, the [frustration index](balance::Frustration) (exact with proof or bounded), [blockmodels](balance::Blockmodel), the explained [`BalanceReport`](balance::BalanceReport) |
//! | [`interstate`] | dyadic panels of interstate relations: alliance and dispute dyad-years read into an [`InterstatePanel`](interstate::InterstatePanel), per-year signed graphs, [allies in conflict](interstate::AlliesInConflict), [balance by year](interstate::BalanceByYear), the [files](interstate::output_files) the command writes |
//! | [`events`] | political event data (ICEWS, PLOVER, delimited tables with CAMEO codes) read as a stream and aggregated per dyad and period into tables and [`SignedGraph`](balance::SignedGraph)s ([`EventReader`](events::EventReader), [`EventAggregator`](events::EventAggregator), [`EventNetworks`](events::EventNetworks)); rows from columnar sources such as Spark partitions ([`EventFields`](events::EventFields), [`EventNetworks::from_rows`](events::EventNetworks::from_rows)) |
//! | [`io`] | scenario file [`Format`](io::Format)s and case folders ([`LoadOptions`](io::LoadOptions)), [quote verification](io::quotes), the [`StatementsCsv`](io::StatementsCsv) and [`RollCallVotes`](io::RollCallVotes) importers, `.dna` databases |
//! | [`render`] | the self-contained [`HtmlReport`](render::HtmlReport) of a scenario: the network drawn as SVG, the contradictions, camps, timeline and balance; [`GraphReport`](render::GraphReport), the same kind of page for signed networks (an edge list, aggregated events) |
//!
//! Results that explain themselves say it the same way: `Display` (or
//! `explain()`, for reports that take the scenario to name things) for one
//! clear English text, and `to_json()` returning a [`serde_json::Value`]
//! where a machine shape exists ([`Contradictions`], the discourse
//! [`Network`](discourse::Network), the [`BalanceReport`](balance::BalanceReport)).
//!
//! # Crate layout
//!
//! The folders of `src/` are the layers; each uses only those before it in
//! this list (the one exception is noted):
//!
//! - `util/`: the seeded random-number generator (`rng`), compressed rows
//!   (`rows`), the pair-sum kernel shared by the stance graph and the
//!   discourse networks (`pair_sums`), keyword enums (`keyword`), "did you
//!   mean" hints (`suggest`), plain English helpers (`words`), escaping for
//!   markup and spreadsheets (`escape`).
//! - `model/` and `error.rs`, one layer: ids, dates, actors, issues and
//!   relations, positions and sources, keys (`model/keys.rs`), the
//!   [`Scenario`], where its records were read ([`Provenance`]), when positions hold, the
//!   model's values in English (`model/words.rs`); the one error type and the
//!   problems it lists (it names the file [`Format`](io::Format) of a syntax
//!   error).
//! - `io/`: scenario files and case folders (`io/scenario_file/`: raw
//!   records, the parser driving the resolver, resolving them into a
//!   scenario with every problem, the case folder's files, the source files
//!   and quotes pass, writing), quote verification (`io/quotes/`), the
//!   statements table, roll calls
//!   (`io/votes/`: reading, parsing, pairwise agreement, conversion) and
//!   `.dna` importers, import problems, progress.
//! - `stance/`: the stance graph and its overview.
//! - `contradiction/`: the check's options, the engine, the contradiction
//!   record, the result set, its text and JSON shapes, what-if.
//! - `deal/`: the deal finder — claims, independent parts, the exact search
//!   per part, the best-first combination, the result with its text, JSON
//!   and WCNF shapes, what-if.
//! - `discourse/`: DNA's networks (the matrix kernel, the network, the data
//!   export formats) and polarization. The exception: an SVG export is drawn
//!   by `render/network_svg.rs`, which the export calls.
//! - `diff/`: what changed between two versions or two days: the shared key
//!   numbering, positions, contradictions (re-checking only what a change
//!   can reach), ties, the changelog text and the JSON.
//! - `balance/`: signed graphs, edge lists, the converters from a stance
//!   graph, the balance measures, the frustration index
//!   (`balance/frustration/`: decomposition, the weighted block, local
//!   search, bounds, exact search, tension cycles), blockmodels and the
//!   balance report.
//! - `interstate/`: dyadic panels — the streaming table reader shared by
//!   the three files (`table`), the alliance, dispute and state-name
//!   readers, the unordered pair (`dyad`), the panel and its yearly graphs,
//!   allies in conflict, balance by year (years in parallel), the summary,
//!   the command's output files (`files`), CSV fields. It builds on
//!   `balance/`.
//! - `events/`: event data: the event and its field rules, the code book
//!   (CAMEO, PLOVER, quad classes; tables compiled in from `events/data/`),
//!   one file per reader (ICEWS, delimited, PLOVER) and the reader over
//!   them, columnar rows (`fields.rs`: a data frame's or a Spark
//!   partition's cells read by the same rules), time windows, the
//!   aggregation kernel and its result.
//! - `render/`: the layout, the SVG drawing, a discourse network drawn
//!   (`network_svg.rs`), the HTML report (`render/report/`: options and
//!   page, view model, clustering, drawing, shared sentences, one file per
//!   section, the CSS).
//! - `analyses.rs`: the analyses as methods of [`Scenario`]
//!   (`contradictions`, `with_hypothetical`, `what_if`, `diff`,
//!   `diff_dates`, `network`, `network_windows`, `polarization`), each a thin entry point into its
//!   layer.
//! - `bin/stancegraph/`: the command line: `main.rs`, the input detector,
//!   output, and one file per subcommand in `commands/`, over the public API
//!   only.
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
//!     aliases: [USA]                           # optional; any actor reference may use one
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
//! aliases that would name two actors,
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
//!   `check`, `diff`, `network`, `balance`, `centrality`, `deals`,
//!   `report`, `interstate`, `events`).
//! - `dna`: `io::read_dna`, importing Discourse Network Analyzer `.dna`
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
pub mod deal;
pub mod diff;
pub mod discourse;
pub mod events;
pub mod interstate;
pub mod io;
pub mod render;
pub mod stance;

pub use contradiction::{Contradiction, Contradictions};
pub use error::{Error, Problem, ProblemKind, RecordRef, Result, Section};
pub use model::{
    Actor, ActorId, ActorKind, Condition, Date, DateError, Firmness, Holding, Issue, IssueId,
    Membership, Position, PositionId, Provenance, Relation, RelationId, RelationKind, Scenario,
    Source, Stance,
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
