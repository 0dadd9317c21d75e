//! The report's "What a deal would take" section: the cheapest deals among
//! every party with a claim (as of the day shown), by
//! [`Scenario::deals`](crate::Scenario::deals) — for each, its cost and what
//! each party must drop, with the positions behind each concession; and
//! which deals are Pareto-optimal over the parties' costs. At most
//! [`deals`](crate::render::HtmlReportOptions::deals) deals are shown, each
//! with at most 12 parties (those conceding most first), 5 concessions per
//! party and 3 positions per concession; the rest are counted. The search
//! stops after 10 seconds (parts of hundreds of linked issues can take the
//! exact search long); the section then says the deal is not proven the
//! cheapest.

use std::fmt::Write as _;

use crate::Firmness;
use crate::deal::{DealOptions, cost_words};
use crate::render::report::HtmlReport;
use crate::util::escape::escape_display as escape;

/// At most this many parties per deal, concessions per party and
/// positions per concession are shown; the rest are counted.
const MAX_PARTIES: usize = 12;
const MAX_CONCESSIONS: usize = 5;
const MAX_POSITIONS: usize = 3;
/// How long the report searches for deals.
const DEALS_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

impl HtmlReport<'_> {
    pub(crate) fn write_deals(&self, out: &mut String) {
        if self.options.deals == 0 {
            return;
        }
        let s = self.scenario;
        // Parts of hundreds of linked issues can take the exact search long:
        // the page is written within the limit, saying when it was reached.
        let mut options = DealOptions::default()
            .with_max(self.options.deals)
            .with_time_limit(DEALS_TIME_LIMIT);
        options.as_of = self.options.as_of;
        let Ok(deals) = s.deals(&options) else {
            return;
        };
        out.push_str(
            "<section id=\"deals\" aria-labelledby=\"deals-h\">\n<h2 id=\"deals-h\">What a deal would take</h2>\n",
        );
        let _ = writeln!(
            out,
            "<p class=\"help\">The cheapest sets of claims the {} parties would have to withdraw so that all \
             their other claims can hold together{}: red lines count most, then firm claims, then negotiable \
             ones. Each deal is minimal: putting back any concession breaks it.</p>",
            deals.parties.len(),
            deals
                .as_of
                .map(|d| format!(" as of {d}"))
                .unwrap_or_default()
        );
        if deals
            .deals
            .first()
            .is_some_and(|d| d.concessions.is_empty())
        {
            out.push_str("<p>Every claim can already hold together: no concession is needed.</p>\n</section>\n");
            return;
        }
        let pareto = deals.pareto();
        for (i, deal) in deals.deals.iter().enumerate() {
            let _ = writeln!(
                out,
                "<article class=\"deal\" id=\"deal{}\">\n<h3>Deal {}: {}{}</h3>\n<ul>",
                i + 1,
                i + 1,
                escape(&cost_words(&deal.cost)),
                if deals.deals.len() > 1 && pareto.contains(&i) {
                    " <span class=\"badge\">Pareto-optimal</span>"
                } else {
                    ""
                }
            );
            // The parties conceding most first; long deals are cut short
            // (the full list is `stancegraph deals`).
            let mut parties = deal.by_party.clone();
            parties.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(party, share) in parties.iter().take(MAX_PARTIES) {
                let _ = write!(
                    out,
                    "<li><strong>{}</strong> drops {}:<ul>",
                    escape(s.actor(party).name()),
                    escape(&cost_words(&share))
                );
                let mine: Vec<usize> = (deal.concessions.iter().copied())
                    .filter(|&c| deals.claims[c].actor == party)
                    .collect();
                for &c in mine.iter().take(MAX_CONCESSIONS) {
                    let claim = &deals.claims[c];
                    let what = match claim.firmness {
                        Firmness::RedLine => "<strong class=\"redline\">red line</strong>",
                        Firmness::Firm => "firm claim",
                        Firmness::Negotiable => "negotiable claim",
                    };
                    let side = claim.side();
                    let _ = write!(
                        out,
                        "<li>its {what} {side} “{}”<ul>",
                        escape(s.issue(claim.issue).name())
                    );
                    for &p in claim.positions.iter().take(MAX_POSITIONS) {
                        let _ = write!(out, "<li>{}</li>", escape(&self.position_line(p)));
                    }
                    if claim.positions.len() > MAX_POSITIONS {
                        let _ = write!(
                            out,
                            "<li>and {} more positions</li>",
                            claim.positions.len() - MAX_POSITIONS
                        );
                    }
                    out.push_str("</ul></li>");
                }
                if mine.len() > MAX_CONCESSIONS {
                    let _ = write!(
                        out,
                        "<li>and {} more concessions</li>",
                        mine.len() - MAX_CONCESSIONS
                    );
                }
                out.push_str("</ul></li>\n");
            }
            if parties.len() > MAX_PARTIES {
                let _ = writeln!(
                    out,
                    "<li>and {} more parties conceding (<code>stancegraph deals</code> lists them all)</li>",
                    parties.len() - MAX_PARTIES
                );
            }
            out.push_str("</ul>\n</article>\n");
        }
        if !deals.is_optimal() {
            let _ = writeln!(
                out,
                "<p class=\"help\">The search stopped after {} s: the deal shown is minimal but not proven the \
                 cheapest (<code>stancegraph deals --time-limit</code> searches longer).</p>",
                DEALS_TIME_LIMIT.as_secs()
            );
        } else if !deals.is_complete() {
            let _ = writeln!(
                out,
                "<p class=\"help\">The {} cheapest deals are shown; more exist (<code>stancegraph deals</code> lists them, \
                 with parties to keep, positions to protect and outcomes to require).</p>",
                deals.deals.len()
            );
        }
        out.push_str("</section>\n");
    }
}
