//! One key space for the two sides of a diff: the two scenarios number
//! their actors and issues independently, so the diff gives every actor key
//! and every issue key one small number (`u32`) shared by both sides, and
//! each side a table from its own ids to those numbers. Comparing two
//! positions' actors or issues is then comparing two integers, not two
//! strings, and the tie and contradiction passes can index arrays by key.
//!
//! When both sides are one scenario (a diff between two dates) the shared
//! numbers are that scenario's own indices.

use std::collections::HashMap;

use crate::{ActorId, IssueId, Scenario};

/// Actor and issue keys numbered once for both sides.
pub(crate) struct KeySpace<'a> {
    /// The key of each shared actor number.
    pub actors: Vec<&'a str>,
    /// The key of each shared issue number.
    pub issues: Vec<&'a str>,
}

/// One side's ids in the shared numbering.
#[derive(Clone)]
pub(crate) struct Side {
    /// Per actor id: its shared number.
    pub actor: Vec<u32>,
    /// Per actor id: the shared number of its principal (the top of its
    /// `speaks_for` chain).
    pub principal: Vec<u32>,
    /// Per issue id: its shared number.
    pub issue: Vec<u32>,
}

impl Side {
    /// The shared number of `actor`.
    pub fn actor(&self, actor: ActorId) -> u32 {
        self.actor[actor.index()]
    }

    /// The shared number of `actor`'s principal.
    pub fn principal(&self, actor: ActorId) -> u32 {
        self.principal[actor.index()]
    }

    /// The shared number of `issue`.
    pub fn issue(&self, issue: IssueId) -> u32 {
        self.issue[issue.index()]
    }
}

/// The key space of `older` and `newer`, and each side's table.
pub(crate) fn key_space<'a>(
    older: &'a Scenario,
    newer: &'a Scenario,
) -> (KeySpace<'a>, Side, Side) {
    let mut space = KeySpace {
        actors: older.actors().map(|(_, a)| a.key()).collect(),
        issues: older.issues().map(|(_, i)| i.key()).collect(),
    };
    let old = side(older, &mut space, false);
    if std::ptr::eq(older, newer) {
        let new = old.clone();
        return (space, old, new);
    }
    let new = side(newer, &mut space, true);
    (space, old, new)
}

/// The table of `s`, numbering its keys not yet in `space` (for the newer
/// side; the older side's keys are numbered in its own order).
fn side<'a>(s: &'a Scenario, space: &mut KeySpace<'a>, extend: bool) -> Side {
    let number = |keys: &mut Vec<&'a str>, index: &HashMap<&'a str, u32>, key: &'a str| {
        if let Some(&n) = index.get(key) {
            return n;
        }
        keys.push(key);
        (keys.len() - 1) as u32
    };
    let (actor, issue) = if extend {
        let actor_index: HashMap<&str, u32> = numbered(&space.actors);
        let issue_index: HashMap<&str, u32> = numbered(&space.issues);
        let actor = s
            .actors()
            .map(|(_, a)| number(&mut space.actors, &actor_index, a.key()))
            .collect::<Vec<u32>>();
        let issue = s
            .issues()
            .map(|(_, i)| number(&mut space.issues, &issue_index, i.key()))
            .collect::<Vec<u32>>();
        (actor, issue)
    } else {
        (
            (0..s.actors().len() as u32).collect(),
            (0..s.issues().len() as u32).collect(),
        )
    };
    let principal = s
        .actors()
        .map(|(id, _)| actor[s.principal(id).index()])
        .collect();
    Side {
        actor,
        principal,
        issue,
    }
}

fn numbered<'a>(keys: &[&'a str]) -> HashMap<&'a str, u32> {
    keys.iter()
        .enumerate()
        .map(|(i, &k)| (k, i as u32))
        .collect()
}
