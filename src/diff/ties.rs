//! Agreement and conflict ties formed, broken and changed in weight, at the
//! principal level.
//!
//! A tie is the [`StanceGraph`](crate::StanceGraph)'s with
//! [`Attribution::Principal`](crate::stance::Attribution::Principal): two
//! principals agree on an issue when they take the same side of it, and
//! conflict when they take opposite sides; the weight is the number of
//! issues. Each side counts the positions that hold on its day (or every
//! position, without a day). A tie is identified by its two principals'
//! keys and its kind; it is *formed* when only the newer side has it,
//! *broken* when only the older side has it, and *changed* when both have it
//! with different weights.
//!
//! # Algorithm
//!
//! Building both graphs whole would cost the sum over issues of the squared
//! number of actors on each (on a million positions, tens of millions of
//! pairs) although a small change moves few ties. Instead:
//!
//! 1. Each side's positions become *sides*: one `(principal, issue)` entry
//!    with the stances taken (support, oppose or both; neutral takes no
//!    side), by shared key numbers, sorted. O(P log P).
//! 2. A merge of the two sorted lists finds the *touched* entries, those
//!    whose sides differ. A tie's weight counts issues on which both of its
//!    principals take sides, so it can differ only for a pair (a, b) with a
//!    touched entry (a, i) and b taking a side on i on either version.
//! 3. For each such pair, both sides' weights come from merging the two
//!    principals' sorted entries; the issues behind a tie are listed only
//!    for the ties that changed.
//!
//! Time O(P log P + Σ over touched entries of the actors on their issue ×
//! the entries of the two principals); memory O(P). `tests/it/diff.rs`
//! checks the result against two whole stance graphs.

use crate::diff::keys::{KeySpace, Side};
use crate::stance::TieKind;
use crate::util::rows::Rows;
use crate::{PositionId, Scenario, Stance};

/// A tie that appeared, went away or changed weight.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TieChange<'a> {
    /// The two principals' keys, sorted.
    pub actors: [&'a str; 2],
    /// Agreement or conflict.
    pub kind: TieKind,
    /// The number of issues behind the tie before (0 for a formed tie).
    pub weight_before: u32,
    /// The number of issues behind it after (0 for a broken tie).
    pub weight_after: u32,
    /// The keys of those issues before, sorted.
    pub issues_before: Vec<&'a str>,
    /// The keys of those issues after, sorted.
    pub issues_after: Vec<&'a str>,
}

/// The ties formed, broken and changed, each list sorted by the actors'
/// keys, then kind (agreement first).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TieChanges<'a> {
    /// Ties only the newer side has.
    pub formed: Vec<TieChange<'a>>,
    /// Ties only the older side has.
    pub broken: Vec<TieChange<'a>>,
    /// Ties both sides have, with different weights.
    pub changed: Vec<TieChange<'a>>,
}

impl TieChanges<'_> {
    /// Whether no tie was formed, broken or changed.
    pub fn is_empty(&self) -> bool {
        self.formed.is_empty() && self.broken.is_empty() && self.changed.is_empty()
    }
}

const SUPPORT: u8 = 1;
const OPPOSE: u8 = 2;

/// One principal's sides on one issue.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    actor: u32,
    issue: u32,
    sides: u8,
}

/// One version as the tie pass reads it: a scenario, its key numbers, and
/// which positions count.
pub(crate) struct View<'s, F: Fn(PositionId) -> bool> {
    pub scenario: &'s Scenario,
    pub side: &'s Side,
    pub counts: F,
}

/// The ties that differ between `before` and `after`.
pub(crate) fn between<'a, F, G>(
    space: &KeySpace<'a>,
    before: View<'_, F>,
    after: View<'_, G>,
) -> TieChanges<'a>
where
    F: Fn(PositionId) -> bool,
    G: Fn(PositionId) -> bool,
{
    let old = entries(before.scenario, before.side, before.counts);
    let new = entries(after.scenario, after.side, after.counts);
    let touched = touched(&old, &new);
    let mut changes = TieChanges::default();
    if touched.is_empty() {
        return changes;
    }
    let n_actors = space.actors.len();
    let n_issues = space.issues.len();
    let mut touched_issue = vec![false; n_issues];
    for &(_, i) in &touched {
        touched_issue[i as usize] = true;
    }
    // Who takes a side on each touched issue, on either version.
    let on_issue = Rows::from_pairs(
        n_issues,
        old.iter()
            .chain(&new)
            .filter(|e| touched_issue[e.issue as usize])
            .map(|e| (e.issue as usize, e.actor)),
    );
    // Pairs by the ranks of their keys, so that the changes come out sorted.
    let mut by_rank: Vec<u32> = (0..n_actors as u32).collect();
    by_rank.sort_unstable_by_key(|&a| space.actors[a as usize]);
    let mut rank = vec![0; n_actors];
    for (r, &a) in by_rank.iter().enumerate() {
        rank[a as usize] = r as u32;
    }
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for &(a, i) in &touched {
        for &b in on_issue.row(i as usize) {
            let (x, y) = (rank[a as usize], rank[b as usize]);
            if x != y {
                pairs.push((x.min(y), x.max(y)));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let old = Rows::group(old, n_actors, |e| e.actor as usize);
    let new = Rows::group(new, n_actors, |e| e.actor as usize);
    for (x, y) in pairs {
        let (a, b) = (by_rank[x as usize], by_rank[y as usize]);
        let before = weights(old.row(a as usize), old.row(b as usize));
        let after = weights(new.row(a as usize), new.row(b as usize));
        for (k, kind) in [TieKind::Agreement, TieKind::Conflict]
            .into_iter()
            .enumerate()
        {
            if before[k] == after[k] {
                continue;
            }
            let list = |rows: &Rows<Entry>| -> Vec<&'a str> {
                let mut keys: Vec<&'a str> =
                    issues(rows.row(a as usize), rows.row(b as usize), kind)
                        .map(|i| space.issues[i as usize])
                        .collect();
                keys.sort_unstable();
                keys
            };
            let change = TieChange {
                actors: [space.actors[a as usize], space.actors[b as usize]],
                kind,
                weight_before: before[k],
                weight_after: after[k],
                issues_before: list(&old),
                issues_after: list(&new),
            };
            match (before[k], after[k]) {
                (0, _) => changes.formed.push(change),
                (_, 0) => changes.broken.push(change),
                _ => changes.changed.push(change),
            }
        }
    }
    changes
}

/// The sides each principal takes on each issue, from the positions that
/// count, sorted by principal and issue; entries with no side are dropped.
fn entries(s: &Scenario, side: &Side, counts: impl Fn(PositionId) -> bool) -> Vec<Entry> {
    let mut all: Vec<Entry> = s
        .positions()
        .filter(|(id, p)| p.stance() != Stance::Neutral && counts(*id))
        .map(|(_, p)| Entry {
            actor: side.principal(p.actor()),
            issue: side.issue(p.issue()),
            sides: if p.stance() == Stance::Support {
                SUPPORT
            } else {
                OPPOSE
            },
        })
        .collect();
    all.sort_unstable();
    all.dedup_by(|next, kept| {
        let same = next.actor == kept.actor && next.issue == kept.issue;
        if same {
            kept.sides |= next.sides;
        }
        same
    });
    all
}

/// The `(principal, issue)` entries whose sides differ between the two
/// sorted lists.
fn touched(old: &[Entry], new: &[Entry]) -> Vec<(u32, u32)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < old.len() || j < new.len() {
        let x = old.get(i).map(|e| (e.actor, e.issue));
        let y = new.get(j).map(|e| (e.actor, e.issue));
        match (x, y) {
            (Some(x), Some(y)) if x == y => {
                if old[i].sides != new[j].sides {
                    out.push(x);
                }
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => {
                out.push(x);
                i += 1;
            }
            (Some(x), None) => {
                out.push(x);
                i += 1;
            }
            (_, Some(y)) => {
                out.push(y);
                j += 1;
            }
            (None, None) => break,
        }
    }
    out
}

fn agree(x: u8, y: u8) -> bool {
    x & y != 0
}

fn conflict(x: u8, y: u8) -> bool {
    (x & SUPPORT != 0 && y & OPPOSE != 0) || (x & OPPOSE != 0 && y & SUPPORT != 0)
}

/// The issues both rows take sides on, with the sides of each.
fn shared<'r>(a: &'r [Entry], b: &'r [Entry]) -> impl Iterator<Item = (u32, u8, u8)> + 'r {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            if x.issue < y.issue {
                i += 1;
            } else if y.issue < x.issue {
                j += 1;
            } else {
                i += 1;
                j += 1;
                return Some((x.issue, x.sides, y.sides));
            }
        }
        None
    })
}

/// Agreement and conflict weights of two principals' rows.
fn weights(a: &[Entry], b: &[Entry]) -> [u32; 2] {
    let mut w = [0; 2];
    for (_, x, y) in shared(a, b) {
        w[0] += u32::from(agree(x, y));
        w[1] += u32::from(conflict(x, y));
    }
    w
}

/// The issues behind the tie of `kind` between two principals' rows.
fn issues<'r>(a: &'r [Entry], b: &'r [Entry], kind: TieKind) -> impl Iterator<Item = u32> + 'r {
    shared(a, b)
        .filter(move |&(_, x, y)| match kind {
            TieKind::Agreement => agree(x, y),
            TieKind::Conflict => conflict(x, y),
        })
        .map(|(i, _, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(actor: u32, issue: u32, sides: u8) -> Entry {
        Entry {
            actor,
            issue,
            sides,
        }
    }

    #[test]
    fn touched_entries_are_those_whose_sides_differ_or_exist_on_one_side() {
        let old = [
            entry(0, 0, SUPPORT),
            entry(0, 1, OPPOSE),
            entry(2, 0, SUPPORT),
        ];
        let new = [
            entry(0, 0, SUPPORT),
            entry(0, 1, SUPPORT | OPPOSE),
            entry(1, 3, OPPOSE),
        ];
        assert_eq!(touched(&old, &new), [(0, 1), (1, 3), (2, 0)]);
        assert!(touched(&old, &old).is_empty());
    }

    #[test]
    fn weights_count_each_shared_issue_once_per_kind() {
        // Both sides of issue 0 against support: agreement and conflict.
        let a = [
            entry(0, 0, SUPPORT | OPPOSE),
            entry(0, 1, SUPPORT),
            entry(0, 2, OPPOSE),
        ];
        let b = [
            entry(1, 0, SUPPORT),
            entry(1, 1, OPPOSE),
            entry(1, 3, OPPOSE),
        ];
        assert_eq!(weights(&a, &b), [1, 2]);
        assert_eq!(
            issues(&a, &b, TieKind::Conflict).collect::<Vec<_>>(),
            [0, 1]
        );
    }
}
