//! Claims: what each party at the table asserts, as of one day.
//!
//! A position that holds on the day (undated positions always hold; a
//! superseded or ended one does not) and is not neutral gives its speaker's
//! principal a claim *(principal, issue, stance)*, attributed through
//! `speaks_for` as in the contradiction engine. Several positions may back
//! one claim; the claim's firmness is the firmest of them. Conditions are
//! assumed met and never asserted, so a conditional position is a claim
//! like any other.

use std::collections::BTreeMap;

use super::DealOptions;
use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::{ActorId, Date, Error, Firmness, IssueId, PositionId, Result, Scenario, Stance};

/// One party's assertion on one issue, backed by one or more positions.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Claim {
    /// The party (a principal).
    pub actor: ActorId,
    /// The issue.
    pub issue: IssueId,
    /// [`Stance::Support`] (the issue holds) or [`Stance::Oppose`] (it does not).
    pub stance: Stance,
    /// The firmest of the positions behind it.
    pub firmness: Firmness,
    /// The positions behind it, in scenario order.
    pub positions: Vec<PositionId>,
}

impl Claim {
    /// "supporting" or "opposing": the claim's side in words.
    pub(crate) fn side(&self) -> &'static str {
        if self.stance == Stance::Support {
            "supporting"
        } else {
            "opposing"
        }
    }

    /// `party:issue:stance`, by keys: how claims are named and ordered.
    pub fn key(&self, s: &Scenario) -> String {
        format!(
            "{}:{}:{}",
            s.actor(self.actor).key(),
            s.issue(self.issue).key(),
            self.stance.as_str()
        )
    }
}

/// Why a claim must stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fixed {
    /// Its party concedes nothing.
    Kept,
    /// One of its positions is protected.
    Protected(PositionId),
}

/// The claims of the parties at the table and what may not move.
pub(crate) struct Table {
    pub(crate) parties: Vec<ActorId>,
    pub(crate) as_of: Option<Date>,
    /// Sorted by key.
    pub(crate) claims: Vec<Claim>,
    pub(crate) keys: Vec<String>,
    /// Claims that must stay, by index, with the reason.
    pub(crate) fixed: Vec<(usize, Fixed)>,
    pub(crate) required: Vec<(IssueId, Stance)>,
}

fn unknown(field: String, target: Section, key: &str) -> Problem {
    Problem::new(
        RecordRef::whole(Section::Options),
        Some(field),
        ProblemKind::UnknownReference {
            target,
            key: key.to_owned(),
            suggestion: None,
        },
    )
}

/// The day the claims are read: the one asked for, or the latest date of
/// any position.
pub(crate) fn default_as_of(s: &Scenario) -> Option<Date> {
    s.positions().filter_map(|(_, p)| p.date()).max()
}

/// Reads the claims and the constraints of `options`.
pub(crate) fn table(s: &Scenario, options: &DealOptions) -> Result<Table> {
    let mut problems = Vec::new();
    if options.max == 0 {
        problems.push(Problem::option("max", "must be at least 1"));
    }
    let party = |key: &str| s.actor_id(key).map(|a| s.principal(a));
    let mut parties: Vec<ActorId> = Vec::new();
    for (i, key) in options.parties.iter().enumerate() {
        match party(key) {
            Some(p) => parties.push(p),
            None => problems.push(unknown(format!("parties[{i}]"), Section::Actors, key)),
        }
    }
    let mut keep: Vec<ActorId> = Vec::new();
    for (i, key) in options.keep.iter().enumerate() {
        match party(key) {
            Some(p) => keep.push(p),
            None => problems.push(unknown(format!("keep[{i}]"), Section::Actors, key)),
        }
    }
    let mut protect: Vec<PositionId> = Vec::new();
    for (i, key) in options.protect.iter().enumerate() {
        match s.position_id(key) {
            Some(p) => protect.push(p),
            None => problems.push(unknown(format!("protect[{i}]"), Section::Positions, key)),
        }
    }
    let mut required = Vec::new();
    for (i, (key, stance)) in options.require.iter().enumerate() {
        match s.issue_id(key) {
            Some(_) if *stance == Stance::Neutral => problems.push(Problem::option(
                &format!("require[{i}]"),
                "a required outcome is `support` or `oppose`",
            )),
            Some(issue) => required.push((issue, *stance)),
            None => problems.push(unknown(format!("require[{i}]"), Section::Issues, key)),
        }
    }
    let as_of = options.as_of.or_else(|| default_as_of(s));
    let holdings = s.holdings();
    let mut by_claim: BTreeMap<(ActorId, IssueId, Stance), Claim> = BTreeMap::new();
    for (id, p) in s.positions() {
        if p.stance() == Stance::Neutral
            || as_of.is_some_and(|day| !holdings[id.index()].holds_on(day))
        {
            continue;
        }
        let principal = s.principal(p.actor());
        if !parties.is_empty() && !parties.contains(&principal) {
            continue;
        }
        let claim = by_claim
            .entry((principal, p.issue(), p.stance()))
            .or_insert_with(|| Claim {
                actor: principal,
                issue: p.issue(),
                stance: p.stance(),
                firmness: p.firmness(),
                positions: Vec::new(),
            });
        claim.firmness = claim.firmness.max(p.firmness());
        claim.positions.push(id);
    }
    if parties.is_empty() {
        parties = by_claim.keys().map(|&(a, _, _)| a).collect();
    }
    parties.sort_unstable();
    parties.dedup();
    for (i, &k) in keep.iter().enumerate() {
        if !parties.contains(&k) {
            problems.push(Problem::option(
                &format!("keep[{i}]"),
                "a kept party must be at the table",
            ));
        }
    }
    let mut claims: Vec<(String, Claim)> = by_claim.into_values().map(|c| (c.key(s), c)).collect();
    claims.sort_by(|a, b| a.0.cmp(&b.0));
    let (keys, claims): (Vec<String>, Vec<Claim>) = claims.into_iter().unzip();
    let mut fixed = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if keep.contains(&claim.actor) {
            fixed.push((i, Fixed::Kept));
        }
    }
    for (i, &position) in protect.iter().enumerate() {
        match claims.iter().position(|c| c.positions.contains(&position)) {
            Some(c) => {
                if !fixed.iter().any(|&(f, _)| f == c) {
                    fixed.push((c, Fixed::Protected(position)));
                }
            }
            None => problems.push(Problem::option(
                &format!("protect[{i}]"),
                "the position makes no claim on the day: it is neutral, does not hold then, \
                 or its party is not at the table",
            )),
        }
    }
    fixed.sort_unstable_by_key(|&(c, _)| c);
    if !problems.is_empty() {
        return Err(Error::InvalidOptions { problems });
    }
    Ok(Table {
        parties,
        as_of,
        claims,
        keys,
        fixed,
        required,
    })
}
