//! The JSON shape of a check, built from the domain types.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::{Contradiction, Contradictions, contradiction::Step};

/// The document `Contradictions::to_json` writes.
pub(crate) fn json(found: &Contradictions<'_>) -> Value {
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_severity: BTreeMap<&str, usize> = BTreeMap::new();
    for c in found {
        *by_kind.entry(c.kind.as_str()).or_default() += 1;
        *by_severity.entry(c.severity.as_str()).or_default() += 1;
    }
    let s = found.scenario();
    let truncated: Vec<Value> = found
        .truncated()
        .iter()
        .map(|t| {
            let actors = sorted(t.principals.iter().map(|&a| s.actor(a).key()));
            let issues = sorted(t.issues.iter().map(|&i| s.issue(i).key()));
            json!({"kind": t.kind.as_str(), "actors": actors, "issues": issues,
                   "relation": t.relation.map(|r| r.index()),
                   "opposed_by": t.opposed_by.map(|p| s.position(p).key()),
                   "found": t.found, "reported": t.reported})
        })
        .collect();
    json!({
        "contradictions": found.iter().map(contradiction).collect::<Vec<_>>(),
        "summary": {
            "contradictions": found.len(),
            "by_kind": by_kind,
            "by_severity": by_severity,
            "truncated": truncated,
        },
    })
}

fn sorted<'a>(keys: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut keys: Vec<&str> = keys.collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

impl Contradiction<'_> {
    /// One contradiction in the machine shape of
    /// [`Contradictions::to_json`]'s `contradictions` list: `kind`,
    /// `severity`, `conditional`, `conditions`, `actors`, `positions`,
    /// `issues` (keys, sorted), `bloc`, `from`, `until`, `explanation` and
    /// the `reasoning` steps (each with its `step` kind, the keys it names
    /// and its `text`).
    ///
    /// ```
    /// use stancegraph::{Scenario, contradiction::CheckOptions};
    ///
    /// let s = Scenario::from_yaml_str(r#"
    /// actors: [{id: a, name: A, kind: state}]
    /// issues: [{id: x, name: X}, {id: y, name: Y}]
    /// relations: [{kind: excludes, issues: [x, y]}]
    /// positions:
    ///   - {actor: a, issue: x, stance: support}
    ///   - {actor: a, issue: y, stance: support}
    /// "#)?;
    /// let found = s.contradictions(&CheckOptions::default());
    /// let json = found.iter().next().unwrap().to_json();
    /// assert_eq!(json["kind"], "self_contradiction");
    /// assert_eq!(json["reasoning"][0]["step"], "position");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> Value {
        contradiction(self)
    }
}

pub(crate) fn contradiction(c: &Contradiction<'_>) -> Value {
    let s = c.scenario();
    let conditions: Vec<Value> = c
        .conditions()
        .map(|(p, condition)| {
            let (issue, text) = match condition {
                crate::Condition::Issue(i) => (Some(s.issue(*i).key()), None),
                crate::Condition::Text(t) => (None, Some(t.as_str())),
            };
            json!({"position": s.position(p).key(), "issue": issue, "text": text})
        })
        .collect();
    json!({
        "kind": c.kind.as_str(),
        "severity": c.severity.as_str(),
        "conditional": c.conditional(),
        "conditions": conditions,
        "actors": sorted(c.principals.iter().map(|&a| s.actor(a).key())),
        "positions": sorted(c.positions.iter().map(|&p| s.position(p).key())),
        "issues": sorted(c.issues.iter().map(|&i| s.issue(i).key())),
        "bloc": c.bloc.map(|b| s.actor(b).key()),
        "from": c.from.map(|d| d.to_string()),
        "until": c.until.map(|d| d.to_string()),
        "explanation": c.to_string(),
        "reasoning": c.reasoning.iter().map(|step| self::step(c, step)).collect::<Vec<_>>(),
    })
}

fn step(c: &Contradiction<'_>, step: &Step) -> Value {
    let s = c.scenario();
    let text = c.describe(step);
    match *step {
        Step::Position(p) => {
            let position = s.position(p);
            let mut value = json!({"step": "position", "position": position.key(),
                   "actor": s.actor(s.principal(position.actor())).key(),
                   "speaker": s.actor(position.actor()).key(),
                   "issue": s.issue(position.issue()).key(),
                   "stance": position.stance().as_str(), "firmness": position.firmness().as_str(),
                   "date": position.date().map(|d| d.to_string()), "quote": position.quote(),
                   "source": position.source().map(|src| json!({"title": src.title(), "publisher": src.publisher(), "url": src.url()})),
                   "text": text});
            // In a case folder, the file the position was coded in.
            if let Some(file) = s.provenance().position_in_case(p) {
                value["file"] = json!(file.display().to_string());
            }
            value
        }
        Step::SpeaksFor { speaker, principal } => json!({"step": "speaks_for",
            "speaker": s.actor(speaker).key(), "principal": s.actor(principal).key(), "text": text}),
        Step::Membership { member, bloc, .. } => json!({"step": "membership",
            "member": s.actor(member).key(), "bloc": s.actor(bloc).key(), "text": text}),
        Step::Implies { relation, from, to } => {
            json!({"step": "implies", "relation": relation.index(),
            "from": s.issue(from).key(), "to": s.issue(to).key(), "text": text})
        }
        Step::Excludes { relation } => json!({"step": "excludes", "relation": relation.index(),
            "issues": s.relation(relation).issues().iter().map(|&i| s.issue(i).key()).collect::<Vec<_>>(), "text": text}),
        Step::Opposes { position, issue } => json!({"step": "opposes",
            "position": s.position(position).key(), "issue": s.issue(issue).key(), "text": text}),
        Step::Supersedes { earlier, later } => json!({"step": "supersedes",
            "earlier": s.position(earlier).key(), "later": s.position(later).key(), "text": text}),
    }
}
