//! A plain-text overview of a scenario and its stance graph.

use std::fmt;

use crate::{Condition, Firmness, Stance, StanceGraph};

/// A readable plain-text overview: the actors, the issues and their
/// relations, the camps on each issue, and the agreement and conflict ties.
///
/// This is what `cargo run --example istanbul_talks` and `stancegraph show`
/// print. The text is deterministic: the same graph gives the same bytes.
///
/// # Examples
///
/// ```
/// use stancegraph::{stance::Overview, Scenario, StanceGraph};
///
/// let s = Scenario::from_yaml_str("
/// title: Two allies
/// actors: [{id: us, name: United States, kind: state}, {id: uk, name: United Kingdom, kind: state}]
/// issues: [{id: ceasefire, name: A full ceasefire}]
/// positions:
///   - {actor: us, issue: ceasefire, stance: support}
///   - {actor: uk, issue: ceasefire, stance: support}
/// ")?;
/// let text = Overview::new(&StanceGraph::new(&s)).to_string();
/// assert!(text.starts_with("Two allies\n"));
/// assert!(text.contains("agreement  us — uk"));
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Overview<'g, 's> {
    graph: &'g StanceGraph<'s>,
}

impl<'g, 's> Overview<'g, 's> {
    /// The overview of `graph` and its scenario.
    pub fn new(graph: &'g StanceGraph<'s>) -> Self {
        Overview { graph }
    }
}

impl fmt::Display for Overview<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let g = self.graph;
        let s = g.scenario();
        writeln!(f, "{}", s.title().unwrap_or("Untitled scenario"))?;
        let dates: Vec<_> = s.positions().filter_map(|(_, p)| p.date()).collect();
        write!(
            f,
            "{} actors, {} issues, {} relations, {} positions",
            s.actors().len(),
            s.issues().len(),
            s.relations().len(),
            s.positions().len()
        )?;
        match (dates.iter().min(), dates.iter().max()) {
            (Some(first), Some(last)) if first == last => write!(f, ", dated {first}")?,
            (Some(first), Some(last)) => write!(f, ", dated {first} to {last}")?,
            _ => {}
        }
        writeln!(f)?;
        if let Some(day) = g.options().as_of {
            writeln!(f, "Camps and ties count the positions that hold on {day}")?;
        }

        writeln!(f, "\nActors")?;
        let width = s
            .actors()
            .map(|(_, a)| a.key().chars().count())
            .max()
            .unwrap_or(0);
        for (_, a) in s.actors() {
            write!(f, "  {:width$}  {} ({})", a.key(), a.name(), a.kind())?;
            if let Some(p) = a.speaks_for() {
                write!(f, ", speaks for {}", s.actor(p).key())?;
                if let Some(role) = a.role() {
                    write!(f, " as {role}")?;
                }
            }
            for m in a.memberships() {
                write!(f, ", member of {}", s.actor(m.bloc()).key())?;
                match (m.since(), m.until()) {
                    (Some(since), Some(until)) => write!(f, " ({since} to {until})")?,
                    (Some(since), None) => write!(f, " (since {since})")?,
                    (None, Some(until)) => write!(f, " (until {until})")?,
                    (None, None) => {}
                }
            }
            writeln!(f)?;
        }

        writeln!(f, "\nIssues")?;
        let width = s
            .issues()
            .map(|(_, x)| x.key().chars().count())
            .max()
            .unwrap_or(0);
        for (id, issue) in s.issues() {
            writeln!(f, "  {:width$}  {}", issue.key(), issue.name())?;
            for (_, r) in s
                .relations()
                .filter(|(_, r)| r.issues().first() == Some(&id))
            {
                let others: Vec<&str> = r.issues()[1..].iter().map(|&i| s.issue(i).key()).collect();
                write!(f, "  {:width$}  - {} {}", "", r.kind(), others.join(", "))?;
                if let Some(note) = r.note() {
                    write!(f, ": {note}")?;
                }
                writeln!(f)?;
            }
        }

        writeln!(f, "\nCamps")?;
        for (id, issue) in s.issues() {
            let camps = g.camps(id);
            writeln!(f, "  {}", issue.key())?;
            for stance in Stance::ALL {
                let members = camps.of(*stance);
                if members.is_empty() {
                    continue;
                }
                write!(f, "    {:8}", format!("{stance}:"))?;
                for (i, m) in members.iter().enumerate() {
                    f.write_str(if i == 0 { " " } else { ", " })?;
                    f.write_str(s.actor(m.actor).key())?;
                    let mut notes = Vec::new();
                    if m.firmness != Firmness::Firm {
                        notes.push(m.firmness.as_str().replace('_', " "));
                    }
                    if m.conditional {
                        let conditions: Vec<String> = m
                            .positions
                            .iter()
                            .filter_map(|&p| s.position(p).condition())
                            .map(|c| match c {
                                Condition::Issue(i) => s.issue(*i).key().to_owned(),
                                Condition::Text(t) => format!("\"{t}\""),
                            })
                            .collect();
                        notes.push(format!("if {}", conditions.join(" or ")));
                    }
                    if !notes.is_empty() {
                        write!(f, " ({})", notes.join(", "))?;
                    }
                }
                writeln!(f)?;
            }
        }

        writeln!(f, "\nAgreement and conflict")?;
        if g.ties().len() == 0 {
            writeln!(f, "  (none)")?;
        }
        for t in g.ties() {
            let tie = g.tie(t.a, t.b, t.kind);
            let issues: Vec<&str> = tie
                .iter()
                .flat_map(|tie| tie.issues.iter().map(|x| s.issue(x.issue).key()))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            writeln!(
                f,
                "  {:9}  {} — {}  ({} issue{}: {})",
                t.kind,
                s.actor(t.a).key(),
                s.actor(t.b).key(),
                t.weight,
                if t.weight == 1 { "" } else { "s" },
                issues.join(", ")
            )?;
        }
        Ok(())
    }
}
