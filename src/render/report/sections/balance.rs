//! The report's structural balance section: the signed graph of actors and
//! issues in numbers, the verdict (balanced, or the frustration index and
//! whether it is proven the fewest), the triangle census, the two camps,
//! and every out-of-place tie (at most 50) with the cycle that explains it
//! and the positions and relations behind its ties.

use std::fmt::Write as _;

use crate::balance::BalanceReport;
use crate::render::drawing::CAMP_COLOURS;
use crate::render::report::HtmlReport;
use crate::util::escape::escape_display as escape;
use crate::util::words::{plural, real, thousands};

impl HtmlReport<'_> {
    pub(crate) fn write_balance(&self, out: &mut String, balance: &BalanceReport<'_>) {
        const TENSIONS: usize = 50;
        let g = &self.signed;
        let label = |v: usize| self.node_name(v);
        let f = &balance.frustration;
        out.push_str("<section id=\"balance\" aria-labelledby=\"balance-h\">\n<h2 id=\"balance-h\">Structural balance</h2>\n");
        let positive = g.edges().iter().filter(|e| e.sign > 0).count();
        let _ = writeln!(
            out,
            "<p class=\"help\">The signed graph of actors and issues: support (+) and opposition (−) from actors to issues, \
             relations between issues (implies +, excludes −), membership and speaking for (+). It is balanced when its nodes \
             split into two camps with every + inside a camp and every − between them. {} nodes, {} ties ({} positive, {} negative).</p>",
            thousands(g.nodes().len()),
            thousands(g.edges().len()),
            thousands(positive),
            thousands(g.edges().len() - positive)
        );
        let verdict = if balance.balance.is_balanced() {
            "<strong>Balanced.</strong> Two camps fit every tie.".to_owned()
        } else {
            let how = if f.exact {
                if g.is_weighted() {
                    "proven the least weight possible".to_owned()
                } else {
                    "proven the fewest possible".to_owned()
                }
            } else if f.limit_reached {
                format!(
                    "the time limit stopped the search; at least {}",
                    real(f.lower_bound)
                )
            } else {
                format!("heuristic; at least {}", real(f.lower_bound))
            };
            format!(
                "<strong>Not balanced.</strong> Frustration index {}: {} out of place ({how}); frustration score 1 − 2L/{} = {:.3}.",
                real(f.value),
                plural(f.frustrated_edges.len(), "tie"),
                if g.is_weighted() { "W" } else { "m" },
                f.score()
            )
        };
        let _ = writeln!(out, "<p class=\"verdict\">{verdict}</p>");
        let t = &balance.triangles;
        if t.total() > 0 {
            let _ = writeln!(
                out,
                "<p>Triangles: {} of {} balanced (ratio {:.3}).</p>",
                t.ppp + t.pnn,
                t.total(),
                t.balance_ratio()
            );
        }
        out.push_str("<table class=\"balance-camps\">\n<thead><tr><th scope=\"col\">Camp</th><th scope=\"col\">Actors</th><th scope=\"col\">Issues</th></tr></thead>\n<tbody>\n");
        let actors = self.scenario.actors().len();
        for (i, camp) in f.camps.iter().enumerate() {
            let names = |issues: bool| {
                let list: Vec<String> = camp
                    .iter()
                    .filter(|&&v| (v >= actors) == issues && g.degree(v) > 0)
                    .map(|&v| escape(&label(v)))
                    .collect();
                if list.is_empty() {
                    "—".to_owned()
                } else {
                    list.join(", ")
                }
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:{}\"></span> Camp {}</th><td>{}</td><td>{}</td></tr>",
                CAMP_COLOURS[i],
                i + 1,
                names(false),
                names(true)
            );
        }
        out.push_str("</tbody>\n</table>\n");
        let isolated = (0..g.nodes().len()).filter(|&v| g.degree(v) == 0).count();
        if isolated > 0 {
            let _ = writeln!(
                out,
                "<p class=\"note\">{} without any tie belong to neither camp.</p>",
                plural(isolated, "node")
            );
        }
        if !balance.tensions.is_empty() {
            let _ = writeln!(
                out,
                "<h3>Out-of-place ties ({})</h3>\n<p class=\"help\">Each tie below contradicts the camps; the cycle shows why: it has an odd number of negative ties, so one of its ties must be out of place.</p>\n<ol class=\"tensions\">",
                thousands(balance.tensions.len())
            );
            for tension in balance.tensions.iter().take(TENSIONS) {
                let e = g.edges()[tension.edge];
                let what = if e.sign > 0 {
                    "a positive tie between the camps"
                } else {
                    "a negative tie inside a camp"
                };
                let _ = write!(
                    out,
                    "<li><strong>{} — {}</strong>: {what}",
                    escape(&label(e.a)),
                    escape(&label(e.b))
                );
                if !tension.nodes.is_empty() {
                    let mut cycle: Vec<String> = tension.nodes.iter().map(|&v| label(v)).collect();
                    cycle.push(label(tension.nodes[0]));
                    let _ = write!(out, ". Cycle: {}", escape(&cycle.join(" → ")));
                }
                let evidence = self.tension_evidence(&tension.edges);
                if !evidence.is_empty() {
                    let _ = write!(
                        out,
                        "<details{}><summary>What stands behind these ties ({})</summary><ul class=\"evidence\">",
                        if evidence.len() <= 6 {
                            " open=\"open\""
                        } else {
                            ""
                        },
                        evidence.len()
                    );
                    for line in evidence {
                        let _ = write!(out, "<li>{}</li>", escape(&line));
                    }
                    out.push_str("</ul></details>");
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
            if balance.tensions.len() > TENSIONS {
                let _ = writeln!(
                    out,
                    "<p class=\"note\">{} more out-of-place ties; `stancegraph balance` lists them all.</p>",
                    balance.tensions.len() - TENSIONS
                );
            }
        }
        out.push_str("</section>\n");
    }

    /// The name of a node of the signed graph: an actor's or an issue's.
    pub(crate) fn node_name(&self, v: usize) -> String {
        let s = self.scenario;
        match self.signed.origin(v) {
            Some(crate::balance::NodeOrigin::Actor(a)) => s.actor(a).name().to_owned(),
            Some(crate::balance::NodeOrigin::Issue(i)) => format!("“{}”", s.issue(i).name()),
            _ => self.signed.nodes().get(v).cloned().unwrap_or_default(),
        }
    }

    /// What stands behind the ties of a cycle, one line each.
    pub(crate) fn tension_evidence(&self, edges: &[usize]) -> Vec<String> {
        let s = self.scenario;
        let g = &self.signed;
        let mut lines = Vec::new();
        for &e in edges {
            let (Some(edge), Some(ev)) = (g.edges().get(e), g.evidence(e)) else {
                continue;
            };
            let (a, b) = (self.node_name(edge.a), self.node_name(edge.b));
            if ev.membership {
                lines.push(format!("{a} and {b}: one is a member of the other"));
            }
            if ev.speaks_for {
                lines.push(format!("{a} and {b}: one speaks for the other"));
            }
            for &p in &ev.positions {
                lines.push(self.position_line(p));
            }
            for &r in &ev.relations {
                let rel = s.relation(r);
                let names: Vec<String> = rel
                    .issues()
                    .iter()
                    .map(|&i| format!("“{}”", s.issue(i).name()))
                    .collect();
                let mut line = format!("{} {}", names.join(" "), rel.kind());
                if let [x, rest @ ..] = names.as_slice() {
                    line = format!("{x} {} {}", rel.kind(), rest.join(", "));
                }
                if let Some(note) = rel.note() {
                    let _ = write!(line, " ({note})");
                }
                lines.push(line);
            }
        }
        lines
    }
}
