//! The text shape of a diff: a short changelog, as the command line prints
//! it.
//!
//! A heading saying what was compared, then one block per part that
//! changed: the positions (`+` added, `-` removed, each in one line with its
//! quote; `~` changed, with each field before → after), who reversed (new
//! reversals, with the later quote), the new and the resolved
//! contradictions (each its explained paragraph), and the ties (`+`
//! formed, `-` broken, `~` changed weight, with the issues behind them).
//! A diff with no change says so in one line.

use std::fmt;

use crate::contradiction::{ContradictionKind, describe_position};
use crate::diff::{DiffMode, FieldChange, PositionField, ScenarioDiff, TieChange};
use crate::stance::TieKind;
use crate::util::words::{plural, quoted};
use crate::{Contradiction, Scenario};

impl fmt::Display for ScenarioDiff<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.mode {
            DiffMode::Versions { as_of: None } => {
                f.write_str("Changes from the older version to the newer one")?
            }
            DiffMode::Versions { as_of: Some(day) } => write!(
                f,
                "Changes from the older version to the newer one, as of {day}"
            )?,
            DiffMode::Dates { from, to } => write!(f, "Changes from {from} to {to}")?,
        }
        if self.is_empty() {
            return f.write_str(": none.\n");
        }
        f.write_str("\n")?;
        self.write_positions(f)?;
        self.write_contradictions(f)?;
        self.write_ties(f)
    }
}

impl ScenarioDiff<'_> {
    fn write_positions(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.positions;
        if p.is_empty() {
            return Ok(());
        }
        counts(
            f,
            "Positions",
            [
                (p.added.len(), "added"),
                (p.removed.len(), "removed"),
                (p.changed.len(), "changed"),
            ],
        )?;
        for &id in &p.added {
            let key = self.newer.position(id).key();
            writeln!(f, "  + {key}: {}", describe_position(self.newer, id))?;
        }
        for &id in &p.removed {
            let key = self.older.position(id).key();
            writeln!(f, "  - {key}: {}", describe_position(self.older, id))?;
        }
        for c in &p.changed {
            let key = self.newer.position(c.after).key();
            let fields: Vec<String> = c.fields.iter().map(field).collect();
            writeln!(f, "  ~ {key}: {}", fields.join("; "))?;
        }
        Ok(())
    }

    fn write_contradictions(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let is_reversal = |c: &&Contradiction<'_>| c.kind == ContradictionKind::Reversal;
        let reversals: Vec<_> = self.contradictions.new.iter().filter(is_reversal).collect();
        if !reversals.is_empty() {
            writeln!(f, "\nWho reversed: {}", reversals.len())?;
            for c in reversals {
                writeln!(f, "  {}", reversal(c))?;
            }
        }
        let new: Vec<_> = (self.contradictions.new.iter())
            .filter(|c| !is_reversal(c))
            .collect();
        for (title, list) in [
            ("New contradictions", new),
            (
                "Resolved contradictions",
                self.contradictions.resolved.iter().collect(),
            ),
        ] {
            if list.is_empty() {
                continue;
            }
            writeln!(f, "\n{title}: {}", list.len())?;
            for (i, c) in list.iter().enumerate() {
                writeln!(f, "  {}. {c}", i + 1)?;
            }
        }
        Ok(())
    }

    fn write_ties(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = &self.ties;
        if t.is_empty() {
            return Ok(());
        }
        counts(
            f,
            "Ties between principals",
            [
                (t.formed.len(), "formed"),
                (t.broken.len(), "broken"),
                (t.changed.len(), "changed"),
            ],
        )?;
        for (mark, list) in [("+", &t.formed), ("-", &t.broken), ("~", &t.changed)] {
            for tie in list {
                writeln!(f, "  {mark} {}", self.tie(tie))?;
            }
        }
        Ok(())
    }

    /// One tie change in words, naming each principal from the newer side
    /// if it has the actor.
    fn tie(&self, t: &TieChange<'_>) -> String {
        let names = |s: &Scenario, key: &str| s.actor_id(key).map(|a| s.actor(a).name().to_owned());
        let name = |key: &str| {
            names(self.newer, key)
                .or_else(|| names(self.older, key))
                .unwrap_or_else(|| key.to_owned())
        };
        let issue_names = |s: &Scenario, keys: &[&str]| -> String {
            let names: Vec<String> = keys
                .iter()
                .map(|k| match s.issue_id(k) {
                    Some(i) => quoted(s.issue(i).name()),
                    None => quoted(k),
                })
                .collect();
            names.join(", ")
        };
        let (a, b) = (name(t.actors[0]), name(t.actors[1]));
        let (now, no_longer, plain) = match t.kind {
            TieKind::Agreement => ("now agree", "no longer agree", "agree"),
            TieKind::Conflict => (
                "are now in conflict",
                "are no longer in conflict",
                "are in conflict",
            ),
        };
        if t.weight_before == 0 {
            format!(
                "{a} and {b} {now} on {}: {}",
                plural(t.weight_after as usize, "issue"),
                issue_names(self.newer, &t.issues_after)
            )
        } else if t.weight_after == 0 {
            format!(
                "{a} and {b} {no_longer}; before, on {}: {}",
                plural(t.weight_before as usize, "issue"),
                issue_names(self.older, &t.issues_before)
            )
        } else {
            format!(
                "{a} and {b} {plain} on {} instead of {}: {}",
                plural(t.weight_after as usize, "issue"),
                t.weight_before,
                issue_names(self.newer, &t.issues_after)
            )
        }
    }
}

/// A block's heading: `Positions: 2 added, 0 removed, 1 changed`.
fn counts(f: &mut fmt::Formatter<'_>, title: &str, counts: [(usize, &str); 3]) -> fmt::Result {
    let parts: Vec<String> = counts
        .iter()
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    writeln!(f, "\n{title}: {}", parts.join(", "))
}

/// One changed field: `stance support → oppose`.
fn field(c: &FieldChange) -> String {
    let show = |v: &Option<String>| match (c.field, v) {
        (_, None) => "(none)".to_owned(),
        (PositionField::Quote | PositionField::Note, Some(text)) => quoted(text),
        (_, Some(text)) => text.clone(),
    };
    format!("{} {} → {}", c.field, show(&c.before), show(&c.after))
}

/// A new reversal in one line: who moved, from what to what, when, and the
/// later quote.
fn reversal(c: &Contradiction<'_>) -> String {
    let s = c.scenario();
    let [earlier, later] = c.positions[..] else {
        return c.to_string();
    };
    let (e, l) = (s.position(earlier), s.position(later));
    let mut text = format!(
        "{} moved from {} to {} on {}",
        s.actor(s.principal(l.actor())).name(),
        e.stance(),
        l.stance(),
        quoted(s.issue(l.issue()).name())
    );
    if let Some(day) = l.date() {
        text.push_str(&format!(" on {day}"));
    }
    if l.actor() != s.principal(l.actor()) {
        text.push_str(&format!(", through {}", s.actor(l.actor()).name()));
    }
    if let Some(q) = l.quote() {
        text.push_str(&format!(": {}", quoted(q)));
    }
    text
}
