//! The deals in words: for each deal what each party must give up, with the
//! positions and quotes behind it and the contradictions it resolves; or,
//! when no deal exists, the constraints that rule every deal out.

use std::collections::HashMap;
use std::fmt;

use super::{Cost, Deal, Deals, Obstacle};
use crate::contradiction::CheckOptions;
use crate::model::words::verb;
use crate::util::words::join_names;
use crate::{Firmness, PositionId, Stance};

/// "1 red line, 2 firm claims and 1 negotiable claim"; "nothing".
pub(crate) fn cost_words(cost: &Cost) -> String {
    let mut parts = Vec::new();
    let plural = |n: u32, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    if cost.red_line > 0 {
        parts.push(plural(cost.red_line, "red line", "red lines"));
    }
    if cost.firm > 0 {
        parts.push(plural(cost.firm, "firm claim", "firm claims"));
    }
    if cost.negotiable > 0 {
        parts.push(plural(
            cost.negotiable,
            "negotiable claim",
            "negotiable claims",
        ));
    }
    if parts.is_empty() {
        return "nothing".to_owned();
    }
    let names: Vec<&str> = parts.iter().map(String::as_str).collect();
    join_names(&names)
}

fn firmness_noun(f: Firmness) -> &'static str {
    match f {
        Firmness::RedLine => "its red line",
        Firmness::Firm => "its firm claim",
        Firmness::Negotiable => "its negotiable claim",
    }
}

/// The explanation of a set of deals; see [`Deals::explain`].
pub struct Explanation<'d, 's> {
    deals: &'d Deals<'s>,
}

impl<'s> Deals<'s> {
    /// The deals in words: a paragraph per deal naming what each party must
    /// drop, the positions behind each concession (speaker, date, quote) and
    /// the contradictions it resolves; when no deal exists, the constraints
    /// that rule every deal out. Also the `Display` of [`Deals`].
    pub fn explain(&self) -> Explanation<'_, 's> {
        Explanation { deals: self }
    }

    /// The positions of claim `claim` in words: "Keith Kellogg, 2025-05-29:
    /// “…”".
    fn evidence(&self, claim: usize) -> String {
        let s = self.scenario;
        let mut lines = Vec::new();
        for &p in &self.claims[claim].positions {
            let position = s.position(p);
            let mut line = s.actor(position.actor()).name().to_owned();
            if let Some(d) = position.date() {
                line.push_str(&format!(", {d}"));
            }
            if let Some(q) = position.quote() {
                line.push_str(&format!(": “{}”", q.trim_matches(['“', '”', '"'])));
            }
            lines.push(line);
        }
        lines.join("; ")
    }

    fn claim_words(&self, claim: usize) -> String {
        let s = self.scenario;
        let c = &self.claims[claim];
        format!("{} “{}”", verb(c.stance), s.issue(c.issue).name())
    }

    fn write_deal(
        &self,
        f: &mut fmt::Formatter<'_>,
        n: usize,
        deal: &Deal,
        resolves: &HashMap<PositionId, Vec<String>>,
    ) -> fmt::Result {
        let s = self.scenario;
        if deal.concessions.is_empty() {
            return writeln!(
                f,
                "{n}. Nothing to concede: every claim can already hold together."
            );
        }
        writeln!(f, "{n}. Cost: {}.", cost_words(&deal.cost))?;
        for &(party, share) in &deal.by_party {
            let mine: Vec<usize> = deal
                .concessions
                .iter()
                .copied()
                .filter(|&c| self.claims[c].actor == party)
                .collect();
            let what: Vec<String> = mine
                .iter()
                .map(|&c| {
                    let claim = &self.claims[c];
                    let side = claim.side();
                    format!(
                        "{} {side} “{}”",
                        firmness_noun(claim.firmness),
                        s.issue(claim.issue).name()
                    )
                })
                .collect();
            let names: Vec<&str> = what.iter().map(String::as_str).collect();
            writeln!(
                f,
                "   {} must drop {} ({}).",
                s.actor(party).name(),
                join_names(&names),
                cost_words(&share)
            )?;
            for &c in &mine {
                writeln!(f, "     Behind it: {}.", self.evidence(c))?;
                let mut resolved: Vec<&String> = self.claims[c]
                    .positions
                    .iter()
                    .flat_map(|p| resolves.get(p).into_iter().flatten())
                    .collect();
                resolved.sort_unstable();
                resolved.dedup();
                if !resolved.is_empty() {
                    let names: Vec<&str> = resolved.iter().map(|r| r.as_str()).collect();
                    writeln!(f, "     It takes part in: {}.", names.join("; "))?;
                }
            }
        }
        Ok(())
    }
}

impl fmt::Display for Explanation<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.deals;
        let s = d.scenario;
        let parties: Vec<&str> = d.parties.iter().map(|&p| s.actor(p).name()).collect();
        write!(f, "Deals among {}", join_names(&parties))?;
        if let Some(day) = d.as_of {
            write!(f, " as of {day}")?;
        }
        writeln!(f, " ({} claims):", d.claims.len())?;
        if !d.feasible {
            writeln!(
                f,
                "No deal exists: these cannot all hold together under the relations between the issues:"
            )?;
            for obstacle in &d.proof {
                match *obstacle {
                    Obstacle::Kept { claim } => writeln!(
                        f,
                        "  - {} (kept) {}",
                        s.actor(d.claims[claim].actor).name(),
                        d.claim_words(claim)
                    )?,
                    Obstacle::Protected { claim, position } => writeln!(
                        f,
                        "  - {} {} (protected position {})",
                        s.actor(d.claims[claim].actor).name(),
                        d.claim_words(claim),
                        s.position(position).key()
                    )?,
                    Obstacle::Required { issue, stance } => writeln!(
                        f,
                        "  - required: “{}” {}",
                        s.issue(issue).name(),
                        if stance == Stance::Support {
                            "holds"
                        } else {
                            "does not hold"
                        }
                    )?,
                }
            }
            return Ok(());
        }
        if d.deals.is_empty() {
            return writeln!(
                f,
                "The time limit passed before a deal was found; any deal costs at least {} (price).",
                d.lower_bound.unwrap_or(0)
            );
        }
        // The contradictions each position takes part in, as of the day.
        let options = CheckOptions {
            as_of: d.as_of,
            ..CheckOptions::default()
        };
        let found = s.contradictions(&options);
        let mut resolves: HashMap<PositionId, Vec<String>> = HashMap::new();
        for c in found.iter() {
            let names: Vec<&str> = c.principals.iter().map(|&a| s.actor(a).name()).collect();
            let label = format!(
                "{} ({})",
                crate::contradiction::record::kind_noun(c.kind),
                join_names(&names)
            );
            for &p in &c.positions {
                resolves.entry(p).or_default().push(label.clone());
            }
        }
        for (i, deal) in d.deals.iter().enumerate() {
            d.write_deal(f, i + 1, deal, &resolves)?;
        }
        let pareto = d.pareto();
        if d.deals.len() > 1 {
            let list: Vec<String> = pareto.iter().map(|i| (i + 1).to_string()).collect();
            writeln!(
                f,
                "Pareto-optimal over the parties' costs: deal{} {}.",
                if list.len() == 1 { "" } else { "s" },
                list.join(", ")
            )?;
        }
        if !d.optimal {
            writeln!(
                f,
                "The time limit passed: the first deal is not proven the cheapest."
            )?;
        } else if !d.complete {
            writeln!(f, "More deals exist; raise the maximum to list them.")?;
        }
        Ok(())
    }
}

impl fmt::Display for Deals<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.explain().fmt(f)
    }
}
