//! Contradictions new and resolved, checking only what a change can reach.
//!
//! A contradiction is identified by its kind and the sorted keys of its
//! positions. *New* ones are found in the newer version (or as of the later
//! day) and not in the older one (or as of the earlier day), *resolved* ones
//! the reverse. Both checks run uncapped
//! ([`max_per_group`](crate::contradiction::CheckOptions::max_per_group)
//! is ignored): a group cut at different places on the two sides would
//! otherwise show up as new or resolved.
//!
//! # Between two versions: only what a change can reach
//!
//! Checking both versions whole costs two full checks. When the two
//! versions have the same *structure* — the same actor keys with the same
//! `speaks_for` links and memberships (bloc, since, until), the same issue
//! keys and the same relations (kind and issues), all by key; names, roles,
//! descriptions and notes may differ — the diff checks on each side only
//! the positions a change can reach, and gets the same answer:
//!
//! 1. *What the engine's verdict on a set depends on.* Whether a set S of
//!    positions is reported, and with which kind, depends only on S's
//!    positions (issue, stance, firmness, principal), on when each of them
//!    holds, and on the structure: minimality and unsatisfiability use the
//!    relations; the kind, the alliances and the common day use the
//!    principals, memberships and holdings; a reversal uses the dated
//!    positions of one principal on one issue. Nothing else in the
//!    scenario enters.
//! 2. *Touched groups.* Call a *group* a principal and an issue (by keys).
//!    A group is touched when a position of it is added, removed or changed
//!    (on either side, before or after the change). A position holds on the
//!    days its date, its `until` and the later dated positions of its group
//!    say ([`Holding`](crate::Holding)); so a position of an untouched group
//!    has the same content and the same holding on both sides. By (1), a
//!    set made only of such *unaffected* positions is reported on one side
//!    exactly when it is reported on the other, with the same kind: it is
//!    neither new nor resolved. Only sets containing an *affected* position
//!    (one of a touched group) can differ.
//! 3. *Who can join an affected position.* The positions of a reported set
//!    all lie in one connected component of the issues under the relations
//!    (each supporting position's issue reaches an issue of the violated
//!    clause, and an opposing position sits on one; a reversal is on one
//!    issue). Its principals are pairwise related — one principal, or a bloc
//!    and its member, or two members of a common bloc — unless every
//!    position is a red line (a deadlock). So a position q can share a
//!    reported set with an affected position a only if q's issue is in a's
//!    component and q's principal is related to a's, or both are red lines.
//!    The diff keeps, on each side, the affected positions and every q that
//!    meets this test for some affected a of *either* side (their principals
//!    and blocs, and whether one is a red line, gathered per component).
//! 4. *The restricted check.* The engine run on the kept positions with
//!    the affected ones as its focus (`engine::find_among`, holdings still
//!    computed from every position) reports exactly the sets of the full
//!    check that are made of kept positions and contain an affected one; it
//!    never enumerates the others. By (3) that is every reported set with
//!    an affected position. (A reversal lies within one group, and an
//!    affected group is kept whole, as the engine requires.)
//!
//! Hence new and resolved computed from the two restricted checks equal
//! those from two full checks; `tests/it/diff.rs` checks this against the
//! full computation on random scenarios. When the structure differs, both
//! sides are checked whole. Either way the two checks run on two threads.
//!
//! # Between two dates
//!
//! One scenario checked as of each day (on two threads). A reversal is
//! reported as of a day once its later position is dated on or before it,
//! so a reversal is new exactly when its later position is dated after the
//! earlier day and on or before the later one.

use std::collections::HashSet;

use crate::contradiction::CheckOptions;
use crate::contradiction::engine;
use crate::diff::keys::{KeySpace, Side};
use crate::diff::positions::PositionChanges;
use crate::util::rows::Rows;
use crate::{Contradiction, Contradictions, Date, Firmness, Scenario};

/// The contradictions a change created and those it resolved.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct ContradictionChanges<'a> {
    /// Found in the newer version (or as of the later day) and not in the
    /// older one; by severity, kind, then position keys.
    pub new: Vec<Contradiction<'a>>,
    /// Found in the older version (or as of the earlier day) and not in the
    /// newer one; same order.
    pub resolved: Vec<Contradiction<'a>>,
}

impl ContradictionChanges<'_> {
    /// Whether none appeared and none went away.
    pub fn is_empty(&self) -> bool {
        self.new.is_empty() && self.resolved.is_empty()
    }
}

/// Between two versions, both as of `options.as_of` if set.
pub(crate) fn between_versions<'a>(
    older: &'a Scenario,
    newer: &'a Scenario,
    (space, old, new): (&KeySpace<'_>, &Side, &Side),
    changes: &PositionChanges,
    options: &CheckOptions,
) -> ContradictionChanges<'a> {
    let options = options.clone().with_max_per_group(usize::MAX);
    let keep = same_structure(older, newer, space, old, new)
        .then(|| kept(older, newer, (space, old, new), changes));
    let (before, after) = std::thread::scope(|scope| {
        let keep = keep.as_ref();
        let options = &options;
        let before = scope.spawn(move || match keep {
            Some((old, _)) => engine::find_among(older, options, &old.keep, &old.affected),
            None => engine::find(older, options),
        });
        let after = match keep {
            Some((_, new)) => engine::find_among(newer, options, &new.keep, &new.affected),
            None => engine::find(newer, options),
        };
        (before.join(), after)
    });
    let before = before.unwrap_or_else(|e| std::panic::resume_unwind(e));
    compare(before, after)
}

/// One scenario as of `from` and as of `to`.
pub(crate) fn between_days<'a>(
    s: &'a Scenario,
    from: Date,
    to: Date,
    options: &CheckOptions,
) -> ContradictionChanges<'a> {
    let options = options.clone().with_max_per_group(usize::MAX);
    let (before, after) = std::thread::scope(|scope| {
        let earlier = options.clone().with_as_of(from);
        let before = scope.spawn(move || engine::find(s, &earlier));
        let after = engine::find(s, &options.clone().with_as_of(to));
        (before.join(), after)
    });
    let before = before.unwrap_or_else(|e| std::panic::resume_unwind(e));
    compare(before, after)
}

type Identity<'a> = (crate::contradiction::ContradictionKind, Vec<&'a str>);

fn identity<'a>(c: &Contradiction<'a>) -> Identity<'a> {
    let s = c.scenario;
    let mut keys: Vec<&'a str> = c.positions.iter().map(|&p| s.position(p).key()).collect();
    keys.sort_unstable();
    (c.kind, keys)
}

/// The contradictions only `after` has and those only `before` has.
fn compare<'a>(before: Contradictions<'a>, after: Contradictions<'a>) -> ContradictionChanges<'a> {
    let identities = |found: &Contradictions<'a>| -> HashSet<Identity<'a>> {
        found.iter().map(identity).collect()
    };
    let (before_ids, after_ids) = (identities(&before), identities(&after));
    let only = |these: Contradictions<'a>, seen: &HashSet<Identity<'a>>| {
        let mut only: Vec<(Identity<'a>, Contradiction<'a>)> = these
            .into_vec()
            .into_iter()
            .map(|c| (identity(&c), c))
            .filter(|(id, _)| !seen.contains(id))
            .collect();
        only.sort_by(|(a, x), (b, y)| (x.severity, a).cmp(&(y.severity, b)));
        only.into_iter().map(|(_, c)| c).collect::<Vec<_>>()
    };
    let new = only(after, &before_ids);
    let resolved = only(before, &after_ids);
    ContradictionChanges { new, resolved }
}

/// Whether the two versions have the same actors (keys, `speaks_for`,
/// memberships), issues (keys) and relations (kind and issues), by key.
/// The older side's shared numbers are its own indices (see `keys.rs`).
fn same_structure(
    older: &Scenario,
    newer: &Scenario,
    space: &KeySpace<'_>,
    old: &Side,
    new: &Side,
) -> bool {
    if std::ptr::eq(older, newer) {
        return true;
    }
    let (n_actors, n_issues) = (older.actors().len(), older.issues().len());
    if space.actors.len() != n_actors
        || space.issues.len() != n_issues
        || newer.actors().len() != n_actors
        || newer.issues().len() != n_issues
        || newer.relations().len() != older.relations().len()
    {
        return false;
    }
    let links = |s: &Scenario, side: &Side, a: crate::ActorId| {
        let actor = s.actor(a);
        let mut memberships: Vec<(u32, Option<Date>, Option<Date>)> = actor
            .memberships()
            .iter()
            .map(|m| (side.actor(m.bloc()), m.since(), m.until()))
            .collect();
        memberships.sort_unstable();
        (actor.speaks_for().map(|p| side.actor(p)), memberships)
    };
    let actors_match = newer.actors().all(|(id, _)| {
        let counterpart = crate::ActorId::from_index(new.actor(id));
        links(newer, new, id) == links(older, old, counterpart)
    });
    let relations = |s: &Scenario, side: &Side| {
        let mut all: Vec<(crate::RelationKind, Vec<u32>)> = s
            .relations()
            .map(|(_, r)| {
                (
                    r.kind(),
                    r.issues().iter().map(|&i| side.issue(i)).collect(),
                )
            })
            .collect();
        all.sort_unstable();
        all
    };
    actors_match && relations(older, old) == relations(newer, new)
}

/// One side's positions for the restricted check: those affected by the
/// change, and those kept (see the module's proof, steps 2 and 3).
struct Kept {
    affected: Vec<bool>,
    keep: Vec<bool>,
}

/// What each side must check, `(older, newer)`. Assumes the same structure.
fn kept(
    older: &Scenario,
    newer: &Scenario,
    (space, old, new): (&KeySpace<'_>, &Side, &Side),
    changes: &PositionChanges,
) -> (Kept, Kept) {
    // Touched groups, by shared principal and issue numbers.
    let group = |s: &Scenario, side: &Side, p: crate::PositionId| {
        let position = s.position(p);
        (
            side.principal(position.actor()),
            side.issue(position.issue()),
        )
    };
    let mut touched: HashSet<(u32, u32), foldhash::fast::RandomState> = HashSet::default();
    touched.extend(changes.added.iter().map(|&p| group(newer, new, p)));
    touched.extend(changes.removed.iter().map(|&p| group(older, old, p)));
    for c in &changes.changed {
        touched.insert(group(older, old, c.before));
        touched.insert(group(newer, new, c.after));
    }
    // Components of issues under the relations (the same on both sides).
    let component = components(older, space.issues.len());
    // Blocs of each actor, by shared number (the older side's indices).
    let blocs = Rows::from_pairs(
        space.actors.len(),
        older.actors().flat_map(|(id, a)| {
            a.memberships()
                .iter()
                .map(move |m| (id.index(), m.bloc().index() as u32))
        }),
    );
    let affected = |s: &Scenario, side: &Side| -> Vec<bool> {
        s.positions()
            .map(|(id, _)| touched.contains(&group(s, side, id)))
            .collect()
    };
    let (old_affected, new_affected) = (affected(older, old), affected(newer, new));
    // Per component: the principals of its affected positions and their
    // blocs (`reach`), and whether one of them is a red line.
    let mut reach: HashSet<(u32, u32), foldhash::fast::RandomState> = HashSet::default();
    let mut red = vec![false; space.issues.len()];
    let mut live = vec![false; space.issues.len()];
    for (s, side, mask) in [(older, old, &old_affected), (newer, new, &new_affected)] {
        for (id, p) in s.positions().filter(|(id, _)| mask[id.index()]) {
            let (principal, issue) = group(s, side, id);
            let c = component[issue as usize];
            live[c as usize] = true;
            red[c as usize] |= p.firmness() == Firmness::RedLine;
            reach.insert((c, principal));
            reach.extend(blocs.row(principal as usize).iter().map(|&b| (c, b)));
        }
    }
    let keep = |s: &Scenario, side: &Side, mask: &[bool]| -> Vec<bool> {
        s.positions()
            .map(|(id, p)| {
                let (principal, issue) = group(s, side, id);
                let c = component[issue as usize];
                mask[id.index()]
                    || (live[c as usize]
                        && ((red[c as usize] && p.firmness() == Firmness::RedLine)
                            || reach.contains(&(c, principal))
                            || blocs
                                .row(principal as usize)
                                .iter()
                                .any(|&b| reach.contains(&(c, b)))))
            })
            .collect()
    };
    (
        Kept {
            keep: keep(older, old, &old_affected),
            affected: old_affected,
        },
        Kept {
            keep: keep(newer, new, &new_affected),
            affected: new_affected,
        },
    )
}

/// The component of each issue (by shared number; the older side's
/// indices) under the relations: union–find, each root its lowest issue.
fn components(s: &Scenario, n: usize) -> Vec<u32> {
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn root(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let up = parent[parent[x as usize] as usize];
            parent[x as usize] = up;
            x = up;
        }
        x
    }
    for (_, r) in s.relations() {
        let issues = r.issues();
        for pair in issues.windows(2) {
            let (a, b) = (
                root(&mut parent, pair[0].index() as u32),
                root(&mut parent, pair[1].index() as u32),
            );
            let (low, high) = (a.min(b), a.max(b));
            parent[high as usize] = low;
        }
    }
    (0..n as u32).map(|x| root(&mut parent, x)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_join_the_issues_of_every_relation() {
        let s = Scenario::from_yaml_str(
            "
issues: [{id: a, name: A}, {id: b, name: B}, {id: c, name: C}, {id: d, name: D}, {id: e, name: E}]
relations:
  - {kind: incompatible, issues: [e, c, b]}
  - {kind: implies, issues: [d, a]}
",
        )
        .unwrap();
        assert_eq!(components(&s, 5), [0, 1, 1, 0, 1]);
    }

    #[test]
    fn names_and_notes_do_not_change_the_structure_but_a_membership_does() {
        let base = "
actors:
  - {id: bloc, name: Bloc, kind: alliance}
  - {id: m, name: M, kind: state, member_of: [bloc]}
issues: [{id: x, name: X}, {id: y, name: Y}]
relations: [{kind: excludes, issues: [x, y]}]
";
        let old = Scenario::from_yaml_str(base).unwrap();
        let renamed = Scenario::from_yaml_str(&base.replace("name: M,", "name: Em,")).unwrap();
        let left = Scenario::from_yaml_str(&base.replace(", member_of: [bloc]", "")).unwrap();
        let same = |a: &Scenario, b: &Scenario| {
            let (space, x, y) = crate::diff::keys::key_space(a, b);
            same_structure(a, b, &space, &x, &y)
        };
        assert!(same(&old, &renamed));
        assert!(!same(&old, &left));
    }
}
