//! The top of the report's page: the header (title, description, counts,
//! date span, the day shown, the section links) and the key findings (the
//! contradictions by severity, the strongest conflicts, the balance verdict
//! and how the drawing aggregates actors).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::render::report::view::Nodes;
use crate::render::report::{DrawnAs, HtmlReport};
use crate::util::escape::escape_display as escape;
use crate::util::words::{plural, thousands};
use crate::{Date, balance::BalanceReport, contradiction::Severity, stance::TieKind};

impl HtmlReport<'_> {
    pub(crate) fn write_header(&self, out: &mut String, title: &str) {
        let s = self.scenario;
        let _ = write!(out, "<header>\n<h1>{}</h1>\n", escape(title));
        if let Some(d) = s.description() {
            let _ = writeln!(out, "<p class=\"lead\">{}</p>", escape(d));
        }
        let dates: Vec<Date> = s.positions().filter_map(|(_, p)| p.date()).collect();
        let span = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if a == b => format!("positions dated {a}"),
            (Some(a), Some(b)) => format!("positions dated {a} to {b}"),
            _ if s.positions().len() == 0 => "no positions".to_owned(),
            _ => "positions undated".to_owned(),
        };
        let _ = write!(
            out,
            "<p class=\"counts\"><span>{}</span> · <span>{}</span> · <span>{}</span> · <span>{}</span> · <span>{span}</span>",
            plural(s.actors().len(), "actor"),
            plural(s.issues().len(), "issue"),
            plural(s.relations().len(), "relation"),
            plural(s.positions().len(), "position"),
        );
        if let Some(day) = self.options.as_of {
            let holding = s.holdings().iter().filter(|h| h.holds_on(day)).count();
            let _ = write!(
                out,
                " · <strong>as of {day}: {} hold{}</strong>",
                thousands(holding),
                if holding == 1 { "s" } else { "" }
            );
        }
        out.push_str("</p>\n<nav aria-label=\"Sections\">");
        if let Some(since) = self.options.since {
            let _ = write!(out, "<a href=\"#changes\">Changes since {since}</a> ");
        }
        out.push_str(
            "<a href=\"#network\">Network</a> <a href=\"#contradictions\">Contradictions</a> ",
        );
        if self.options.deals > 0 {
            out.push_str("<a href=\"#deals\">Deals</a> ");
        }
        out.push_str("<a href=\"#issues\">Camps per issue</a> <a href=\"#timeline\">Timeline</a> <a href=\"#balance\">Structural balance</a></nav>\n</header>\n");
    }

    pub(crate) fn write_findings(
        &self,
        out: &mut String,
        balance: &BalanceReport<'_>,
        nodes: &Nodes,
    ) {
        let s = self.scenario;
        out.push_str("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Key findings</h2>\n<ul>\n");
        let found = &self.contradictions;
        if found.is_empty() {
            out.push_str("<li>No contradictions: the positions can all hold together.</li>\n");
        } else {
            let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
            for c in found {
                *by_severity.entry(c.severity).or_default() += 1;
            }
            let counts: Vec<String> = by_severity
                .iter()
                .map(|(sev, n)| format!("{} {}", thousands(*n), sev.as_str()))
                .collect();
            let first = &found.iter().as_slice()[0];
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> ({}). The most severe: <a href=\"#c1\">{}</a></li>",
                plural(found.len(), "contradiction"),
                counts.join(", "),
                escape(&self.verdict(first))
            );
        }
        let mut conflicts: Vec<_> = self
            .graph
            .ties()
            .filter(|t| t.kind == TieKind::Conflict)
            .collect();
        conflicts.sort_by_key(|t| (std::cmp::Reverse(t.weight), t.a, t.b));
        if conflicts.is_empty() {
            out.push_str("<li>No two actors take opposite sides on any issue.</li>\n");
        } else {
            let top: Vec<String> = conflicts
                .iter()
                .take(3)
                .map(|t| {
                    format!(
                        "{} vs {} ({})",
                        s.actor(t.a).name(),
                        s.actor(t.b).name(),
                        plural(t.weight as usize, "issue")
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<li>{} of actors in conflict; the strongest: {}.</li>",
                plural(conflicts.len(), "pair"),
                escape(&top.join("; "))
            );
        }
        let f = &balance.frustration;
        let _ = writeln!(
            out,
            "<li>Structural balance: {}.</li>",
            if balance.balance.is_balanced() {
                "balanced — actors and issues split into two camps that fit every tie".to_owned()
            } else {
                format!(
                    "not balanced — {} out of place{}",
                    plural(f.frustrated_edges.len(), "tie"),
                    if f.exact && balance.graph.is_weighted() {
                        " (proven the least weight)"
                    } else if f.exact {
                        " (proven the fewest)"
                    } else {
                        " (at most; heuristic)"
                    }
                )
            }
        );
        if nodes.drawn_as != DrawnAs::Actors {
            let _ = writeln!(
                out,
                "<li>The drawing shows {} nodes for {}: {}.</li>",
                nodes.members.len(),
                plural(s.actors().len(), "actor"),
                match nodes.drawn_as {
                    DrawnAs::Principals => "spokespeople are folded into whom they speak for",
                    _ =>
                        "actors are grouped by how alike their sides are (average linkage on net agreement); every actor is listed below the drawing",
                }
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
}
