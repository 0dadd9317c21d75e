//! What changed: between two versions of a scenario
//! ([`Scenario::diff`](crate::Scenario::diff)), or in one scenario between
//! two days ([`Scenario::diff_dates`](crate::Scenario::diff_dates)).
//!
//! A [`ScenarioDiff`] has three parts, each carrying its evidence:
//!
//! - [`PositionChanges`]: positions added, removed and changed (by key; a
//!   change lists each [`FieldChange`] before and after), `positions.rs`;
//! - [`ContradictionChanges`]: contradictions new and resolved (identified
//!   by kind and the sorted keys of their positions), each with its
//!   explanation and quotes, `contradictions.rs`; between two versions with
//!   the same actors, issues and relations, only what a change can reach is
//!   checked again, with the proof in that file;
//! - [`TieChanges`]: agreement and conflict ties between principals formed,
//!   broken and changed in weight, each with both weights and the issues
//!   behind them, `ties.rs`.
//!
//! The two sides are different scenarios, so everything is matched by key
//! (`keys.rs` numbers the keys once for both), never by internal id. Every
//! list is in a deterministic order. The text changelog (`Display`) is in
//! `text.rs`, the JSON document ([`ScenarioDiff::to_json`]) in `json.rs`.

mod contradictions;
mod json;
mod keys;
mod positions;
mod text;
mod ties;

pub use contradictions::ContradictionChanges;
pub use positions::{FieldChange, PositionChange, PositionChanges, PositionField};
pub use ties::{TieChange, TieChanges};

use crate::contradiction::CheckOptions;
use crate::{Date, Scenario};

/// How to compare.
///
/// # Examples
///
/// ```
/// use stancegraph::{contradiction::CheckOptions, diff::DiffOptions};
///
/// let options = DiffOptions::default()
///     .with_as_of("2025-06-01".parse()?)
///     .with_check(CheckOptions::default());
/// assert_eq!(options.as_of, Some("2025-06-01".parse()?));
/// # Ok::<(), stancegraph::DateError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct DiffOptions {
    /// Compare both versions as of this day: only the positions that hold
    /// on it count, on each side (positions, contradictions and ties).
    /// `None`, the default, compares the full histories. Not used by
    /// [`Scenario::diff_dates`], which has its own two days.
    pub as_of: Option<Date>,
    /// How contradictions are found on each side. Its `as_of` is replaced
    /// by the diff's day (or each of the two days), and its `max_per_group`
    /// is not applied: a group cut at different places on the two sides
    /// would show up as new or resolved.
    pub check: CheckOptions,
}

impl DiffOptions {
    /// Sets [`DiffOptions::as_of`].
    pub fn with_as_of(mut self, date: Date) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Sets [`DiffOptions::check`].
    pub fn with_check(mut self, check: CheckOptions) -> Self {
        self.check = check;
        self
    }
}

/// What a [`ScenarioDiff`] compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiffMode {
    /// Two versions of a scenario, both as of a day or over their full
    /// histories.
    Versions {
        /// The day both versions were taken as of, if any.
        as_of: Option<Date>,
    },
    /// One scenario on two days.
    Dates {
        /// The earlier day (the "before" side).
        from: Date,
        /// The later day (the "after" side).
        to: Date,
    },
}

/// What changed between two versions of a scenario, or between two days.
///
/// The *older* side is the scenario `diff` was called on (or the earlier
/// day), the *newer* side the other one (or the later day); for a diff
/// between dates both are the same scenario. Displays as a short changelog
/// with the quotes; [`to_json`](Self::to_json) gives the machine shape.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ScenarioDiff<'a> {
    older: &'a Scenario,
    newer: &'a Scenario,
    mode: DiffMode,
    /// Positions added, removed and changed.
    pub positions: PositionChanges,
    /// Contradictions new and resolved.
    pub contradictions: ContradictionChanges<'a>,
    /// Ties between principals formed, broken and changed in weight.
    pub ties: TieChanges<'a>,
}

impl<'a> ScenarioDiff<'a> {
    /// The older scenario: removed positions, the `before` of changes and
    /// resolved contradictions refer to it.
    pub fn older(&self) -> &'a Scenario {
        self.older
    }

    /// The newer scenario: added positions, the `after` of changes and new
    /// contradictions refer to it.
    pub fn newer(&self) -> &'a Scenario {
        self.newer
    }

    /// What was compared.
    pub fn mode(&self) -> DiffMode {
        self.mode
    }

    /// Whether nothing changed: no position, contradiction or tie.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty() && self.contradictions.is_empty() && self.ties.is_empty()
    }

    /// The diff as JSON: `{"positions": {"added", "removed", "changed",
    /// "changes"}, "contradictions": {"new", "resolved"}, "ties": {"formed",
    /// "broken", "changed"}, "mode", "as_of", "from", "to", "summary"}`.
    /// Positions are listed by key (`changes` gives each changed position's
    /// `fields`, each with `field`, `before` and `after`); a contradiction
    /// has the shape of [`Contradictions::to_json`](crate::Contradictions::to_json)'s
    /// (`kind`, `severity`, `actors`, `positions`, `explanation`, …); a tie
    /// has `actors` (two sorted principal keys), `kind` (`agreement` or
    /// `conflict`), `weight_before`, `weight_after`, `issues_before` and
    /// `issues_after`. The summary counts each list.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{diff::DiffOptions, Scenario};
    ///
    /// let old = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
    /// issues: [{id: x, name: X}]
    /// positions: [{id: pa, actor: a, issue: x, stance: support}]
    /// ")?;
    /// let new = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
    /// issues: [{id: x, name: X}]
    /// positions:
    ///   - {id: pa, actor: a, issue: x, stance: support}
    ///   - {id: pb, actor: b, issue: x, stance: oppose}
    /// ")?;
    /// let json = old.diff(&new, &DiffOptions::default()).to_json();
    /// assert_eq!(json["positions"]["added"], serde_json::json!(["pb"]));
    /// assert_eq!(json["ties"]["formed"][0]["kind"], "conflict");
    /// assert_eq!(json["ties"]["formed"][0]["actors"], serde_json::json!(["a", "b"]));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        json::json(self)
    }
}

/// [`Scenario::diff`](crate::Scenario::diff).
pub(crate) fn versions<'a>(
    older: &'a Scenario,
    newer: &'a Scenario,
    options: &DiffOptions,
) -> ScenarioDiff<'a> {
    let (space, old, new) = keys::key_space(older, newer);
    let all = positions::compare(older, newer, &old, &new);
    let mut check = options.check.clone();
    check.as_of = options.as_of;
    // Each side's holdings, when a day is given.
    let holdings = options.as_of.map(|_| (older.holdings(), newer.holdings()));
    // The ties beside the two contradiction checks (which take two threads).
    let (contradictions, ties) = std::thread::scope(|scope| {
        let ties = scope.spawn(|| {
            ties::between(
                &space,
                ties::View {
                    scenario: older,
                    side: &old,
                    counts: holds(holdings.as_ref().map(|h| &h.0[..]), options.as_of),
                },
                ties::View {
                    scenario: newer,
                    side: &new,
                    counts: holds(holdings.as_ref().map(|h| &h.1[..]), options.as_of),
                },
            )
        });
        let contradictions =
            contradictions::between_versions(older, newer, (&space, &old, &new), &all, &check);
        (contradictions, ties.join())
    });
    let ties = ties.unwrap_or_else(|e| std::panic::resume_unwind(e));
    let mut positions = match (options.as_of, &holdings) {
        (Some(day), Some((before, after))) => {
            positions::on_day(&all, older, newer, (before, after), day)
        }
        _ => all,
    };
    positions::sort(&mut positions, older, newer);
    ScenarioDiff {
        older,
        newer,
        mode: DiffMode::Versions {
            as_of: options.as_of,
        },
        positions,
        contradictions,
        ties,
    }
}

/// Whether a position counts: it holds on `day` (every position counts
/// without a day).
fn holds(
    holdings: Option<&[crate::Holding]>,
    day: Option<Date>,
) -> impl Fn(crate::PositionId) -> bool + '_ {
    move |p| match (holdings, day) {
        (Some(h), Some(day)) => h[p.index()].holds_on(day),
        _ => true,
    }
}

/// [`Scenario::diff_dates`](crate::Scenario::diff_dates).
pub(crate) fn dates<'a>(
    s: &'a Scenario,
    from: Date,
    to: Date,
    options: &DiffOptions,
) -> ScenarioDiff<'a> {
    let (space, side, _) = keys::key_space(s, s);
    let holdings = s.holdings();
    let mut positions = positions::between_days(&holdings, from, to);
    positions::sort(&mut positions, s, s);
    let view = |day: Date| ties::View {
        scenario: s,
        side: &side,
        counts: holds(Some(&holdings), Some(day)),
    };
    let (contradictions, ties) = std::thread::scope(|scope| {
        let ties = scope.spawn(|| ties::between(&space, view(from), view(to)));
        let contradictions = contradictions::between_days(s, from, to, &options.check);
        (contradictions, ties.join())
    });
    let ties = ties.unwrap_or_else(|e| std::panic::resume_unwind(e));
    ScenarioDiff {
        older: s,
        newer: s,
        mode: DiffMode::Dates { from, to },
        positions,
        contradictions,
        ties,
    }
}
