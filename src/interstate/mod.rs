//! Dyadic panels of interstate relations: alliances and militarized
//! disputes year by year, as signed graphs — which allies fight each other,
//! and how balanced the system is each year.
//!
//! **Input.** Three CSV tables, read as streams by column name (other
//! columns ignored): alliance dyad-years ([`Alliances`]: `ccode1`,
//! `ccode2`, `year`, as ATOP 5.1's directed and symmetric dyad-years),
//! dispute dyad-years ([`Disputes`]: `dispnum`, `ccode1`, `ccode2`, `year`,
//! as the GML MID 2.2.1 directed dispute-years), and optionally the states'
//! names ([`StateNames`]: `stateabb`, `ccode`, `statenme`, as the COW state
//! system membership list). Every bad row is reported — file, row, line and
//! column, as [`Error::Invalid`](crate::Error::Invalid) problems — and none
//! is dropped.
//!
//! **The panel.** [`InterstatePanel`] holds per year the allied unordered
//! pairs ([`Dyad`]: lower code first) and the pairs in a dispute with their
//! dispute numbers ([`DyadDisputes`]). The rules: any alliance row of a pair
//! in a year makes it allied, whatever its pledge columns; any dispute row
//! puts it in that dispute; the directed rows `A,B` and `B,A` are one pair;
//! years without a tie are absent.
//!
//! **Queries.** Each year's [`SignedGraph`](crate::balance::SignedGraph)
//! ([`InterstatePanel::graph`]: allied +1, in a dispute −1, both an
//! ambivalent pair, every tie of weight 1); [allies in
//! conflict](InterstatePanel::allies_in_conflict) ([`AlliesInConflict`]:
//! Maoz et al.'s imbalanced dyads, with the disputes); [balance by
//! year](InterstatePanel::balance_by_year) ([`BalanceByYear`]: states,
//! positive, negative and ambivalent pairs and the frustration index — the
//! line index of balance of the year's network — exact by default, with its
//! proven lower bound); and the
//! [`InterstateSummary`] in words. Results are in a deterministic order:
//! years ascending, then pairs. [`output_files`] gives the files that
//! `stancegraph interstate` writes: the two tables and every year's signed
//! graph as one edge list.
//!
//! **Guarantees.** The results depend only on the input rows, not on their
//! order or the number of threads (unless a time limit cuts a frustration
//! search short, which [`YearBalance::exact`] then says). Each year's
//! frustration index is the branch-and-bound of
//! [`SignedGraph::frustration`](crate::balance::SignedGraph::frustration):
//! proven optimal when `exact`.
//!
//! Sources: Leeds et al. (2002), ATOP; Gibler, Miller & Little (2016), GML
//! MID; Correlates of War, State System Membership v2016; Maoz, Terris,
//! Kuperman & Talmud (2007), *Journal of Politics* 69:100–115; Doreian &
//! Mrvar (2015), *Journal of Social Structure* 16.
//!
//! ```
//! use stancegraph::interstate::{InterstatePanel, YearBalanceOptions};
//!
//! let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/interstate");
//! let panel = InterstatePanel::from_paths(
//!     format!("{dir}/atop_alliance_dyad_year.csv"),
//!     format!("{dir}/gml_mid_directed_dispute_year.csv"),
//!     Some(format!("{dir}/cow_states.csv")),
//! )?;
//! let allies = panel.allies_in_conflict();
//! // Greece and Turkey, NATO allies, in the 1976 Aegean crisis.
//! assert!(allies.iter().any(|a| (a.ccode1, a.ccode2, a.year) == (350, 640, 1976)));
//! let balance = panel.balance_by_year(&YearBalanceOptions::new());
//! assert!(balance.all_exact());
//! # Ok::<(), stancegraph::Error>(())
//! ```

mod alliances;
mod conflicts;
mod csv_text;
mod disputes;
mod dyad;
mod files;
mod panel;
mod states;
mod summary;
mod table;
mod yearly;

pub use alliances::Alliances;
pub use conflicts::{AlliesInConflict, AllyInConflict};
pub use disputes::Disputes;
pub use dyad::Dyad;
pub use files::{TableFormat, output_files};
pub use panel::{DyadDisputes, InterstatePanel};
pub use states::StateNames;
pub use summary::{InterstateSummary, PairInConflict};
pub use yearly::{BalanceByYear, YearBalance, YearBalanceOptions};
