//! Positions added, removed and changed.
//!
//! A position is identified by its key (the file's `id`). Between two
//! versions, a key only the newer one has is *added*, a key only the older
//! one has is *removed*, and a key both have is *changed* when any of its
//! fields differs, compared by keys so that renumbered actors and issues do
//! not count: the actor's and issue's keys, stance, firmness, the condition
//! (an issue's key or the text), date, `until`, the source (`==`), quote and
//! note. Each change carries the fields that differ, before and after.
//!
//! With a day (`as_of`), only the positions that hold on that day count on
//! each side: a position that holds on the day in the newer version and not
//! in the older one (absent, or not holding then) is added, the reverse
//! removed, and a changed position is listed when it holds on the day on
//! both sides. Between two dates of one scenario, a position holding on the
//! later day and not on the earlier one is added, the reverse removed;
//! nothing is changed, since each position is the same record on both days.
//!
//! Every list is sorted by key. One pass over each side's positions with a
//! hash lookup of each key: O(P) expected time for P positions, plus the
//! sort of the changes.

use crate::diff::keys::Side;
use crate::util::keyword::keyword_enum;
use crate::{Condition, Date, Holding, Position, PositionId, Scenario, Source};

keyword_enum! {
    /// A field of a position that a diff compares. The keywords are part of
    /// the JSON output.
    PositionField, "position field" {
        /// `actor`: who took the position (by key).
        Actor => "actor",
        /// `issue`: what the position is about (by key).
        Issue => "issue",
        /// `stance`: support, oppose or neutral.
        Stance => "stance",
        /// `firmness`: red line, firm or negotiable.
        Firmness => "firmness",
        /// `condition`: the issue (by key) or text the position depends on.
        Condition => "condition",
        /// `date`: the day the position was taken.
        Date => "date",
        /// `until`: the last day the position held.
        Until => "until",
        /// `source`: where it was reported.
        Source => "source",
        /// `quote`: the words used.
        Quote => "quote",
        /// `note`: the analyst's coding note.
        Note => "note",
    }
}

/// One field of a position that differs between the two versions, as text
/// (keys for actors, issues and issue conditions; keywords; dates as
/// `YYYY-MM-DD`); `None` where the field is not set.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct FieldChange {
    /// Which field.
    pub field: PositionField,
    /// Its value in the older version.
    pub before: Option<String>,
    /// Its value in the newer version.
    pub after: Option<String>,
}

/// A position both versions have under one key, with different content.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PositionChange {
    /// The position in the older scenario.
    pub before: PositionId,
    /// The position in the newer scenario.
    pub after: PositionId,
    /// The fields that differ, in [`PositionField::ALL`] order.
    pub fields: Vec<FieldChange>,
}

/// The positions added, removed and changed, each list sorted by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PositionChanges {
    /// Positions of the newer scenario (ids of
    /// [`ScenarioDiff::newer`](crate::diff::ScenarioDiff::newer)).
    pub added: Vec<PositionId>,
    /// Positions of the older scenario (ids of
    /// [`ScenarioDiff::older`](crate::diff::ScenarioDiff::older)).
    pub removed: Vec<PositionId>,
    /// Positions of both, with what changed.
    pub changed: Vec<PositionChange>,
}

impl PositionChanges {
    /// Whether nothing was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// The whole histories compared, key by key, unsorted.
pub(crate) fn compare(
    older: &Scenario,
    newer: &Scenario,
    old: &Side,
    new: &Side,
) -> PositionChanges {
    let mut changes = PositionChanges::default();
    if std::ptr::eq(older, newer) {
        return changes;
    }
    let mut matched = vec![false; older.positions().len()];
    // Versions mostly keep the order of positions: try the place the last
    // match predicts (insertions and removals shift it) before the key map.
    let mut shift: i64 = 0;
    for (after, q) in newer.positions() {
        let guess = PositionId::from_index((after.index() as i64 + shift).max(0) as u32);
        let same_place = older
            .get_position(guess)
            .filter(|p| p.key() == q.key())
            .map(|_| guess);
        let Some(before) = same_place.or_else(|| older.position_id(q.key())) else {
            changes.added.push(after);
            continue;
        };
        shift = before.index() as i64 - after.index() as i64;
        matched[before.index()] = true;
        let p = older.position(before);
        if !same(p, q, old, new) {
            changes.changed.push(PositionChange {
                before,
                after,
                fields: fields(older, p, newer, q),
            });
        }
    }
    changes.removed = older
        .positions()
        .filter(|(id, _)| !matched[id.index()])
        .map(|(id, _)| id)
        .collect();
    changes
}

/// Whether two positions have the same content, by keys.
fn same(p: &Position, q: &Position, old: &Side, new: &Side) -> bool {
    let condition = match (p.condition(), q.condition()) {
        (None, None) => true,
        (Some(Condition::Issue(a)), Some(Condition::Issue(b))) => old.issue(*a) == new.issue(*b),
        (Some(Condition::Text(a)), Some(Condition::Text(b))) => a == b,
        _ => false,
    };
    condition
        && old.actor(p.actor()) == new.actor(q.actor())
        && old.issue(p.issue()) == new.issue(q.issue())
        && p.stance() == q.stance()
        && p.firmness() == q.firmness()
        && p.date() == q.date()
        && p.until() == q.until()
        && p.source() == q.source()
        && p.quote() == q.quote()
        && p.note() == q.note()
}

/// The fields of `p` (in `older`) and `q` (in `newer`) that differ.
fn fields(older: &Scenario, p: &Position, newer: &Scenario, q: &Position) -> Vec<FieldChange> {
    PositionField::ALL
        .iter()
        .filter_map(|&field| {
            let (before, after) = (value(older, p, field), value(newer, q, field));
            let differs = match field {
                // Two sources may differ in what their text leaves out.
                PositionField::Source => p.source() != q.source(),
                PositionField::Condition => {
                    before != after
                        || matches!(
                            (p.condition(), q.condition()),
                            (Some(Condition::Issue(_)), Some(Condition::Text(_)))
                                | (Some(Condition::Text(_)), Some(Condition::Issue(_)))
                        )
                }
                _ => before != after,
            };
            differs.then_some(FieldChange {
                field,
                before,
                after,
            })
        })
        .collect()
}

/// A field of a position as text, by keys.
pub(crate) fn value(s: &Scenario, p: &Position, field: PositionField) -> Option<String> {
    let day = |d: Option<Date>| d.map(|d| d.to_string());
    match field {
        PositionField::Actor => Some(s.actor(p.actor()).key().to_owned()),
        PositionField::Issue => Some(s.issue(p.issue()).key().to_owned()),
        PositionField::Stance => Some(p.stance().as_str().to_owned()),
        PositionField::Firmness => Some(p.firmness().as_str().to_owned()),
        PositionField::Condition => p.condition().map(|c| match c {
            Condition::Issue(i) => s.issue(*i).key().to_owned(),
            Condition::Text(t) => t.clone(),
        }),
        PositionField::Date => day(p.date()),
        PositionField::Until => day(p.until()),
        PositionField::Source => p.source().map(source),
        PositionField::Quote => p.quote().map(str::to_owned),
        PositionField::Note => p.note().map(str::to_owned),
    }
}

/// A source in one line: its title, publisher and address, as given.
fn source(src: &Source) -> String {
    [src.title(), src.publisher(), src.url()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" — ")
}

/// The changes of the whole histories narrowed to the positions that hold
/// on `day` on each side.
pub(crate) fn on_day(
    all: &PositionChanges,
    older: &Scenario,
    newer: &Scenario,
    (old_holdings, new_holdings): (&[Holding], &[Holding]),
    day: Date,
) -> PositionChanges {
    let holds = |h: &[Holding], p: PositionId| h[p.index()].holds_on(day);
    // A key holding on the day on one side and not (or absent) on the other.
    let only = |s: &Scenario, h: &[Holding], other: &Scenario, other_h: &[Holding]| {
        s.positions()
            .filter(|(id, p)| {
                holds(h, *id)
                    && other
                        .position_id(p.key())
                        .is_none_or(|o| !holds(other_h, o))
            })
            .map(|(id, _)| id)
            .collect::<Vec<_>>()
    };
    PositionChanges {
        added: only(newer, new_holdings, older, old_holdings),
        removed: only(older, old_holdings, newer, new_holdings),
        changed: all
            .changed
            .iter()
            .filter(|c| holds(old_holdings, c.before) && holds(new_holdings, c.after))
            .cloned()
            .collect(),
    }
}

/// One scenario's positions holding on `to` and not on `from` (added), and
/// the reverse (removed).
pub(crate) fn between_days(holdings: &[Holding], from: Date, to: Date) -> PositionChanges {
    let ids = |a: Date, b: Date| {
        holdings
            .iter()
            .enumerate()
            .filter(|(_, h)| h.holds_on(b) && !h.holds_on(a))
            .map(|(i, _)| PositionId::from_index(i as u32))
            .collect()
    };
    PositionChanges {
        added: ids(from, to),
        removed: ids(to, from),
        changed: Vec::new(),
    }
}

/// Sorts every list by key.
pub(crate) fn sort(changes: &mut PositionChanges, older: &Scenario, newer: &Scenario) {
    changes
        .added
        .sort_unstable_by(|&a, &b| newer.position(a).key().cmp(newer.position(b).key()));
    changes
        .removed
        .sort_unstable_by(|&a, &b| older.position(a).key().cmp(older.position(b).key()));
    changes.changed.sort_unstable_by(|a, b| {
        older
            .position(a.before)
            .key()
            .cmp(older.position(b.before).key())
    });
}
