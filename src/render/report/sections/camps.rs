//! The report's camps per issue: one table row per issue with its
//! relations, and who supports, opposes or takes no side, counting
//! spokespeople for whom they speak; red lines and negotiable positions are
//! marked in words, not only in colour, and conditions follow "if".

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::words::condition as condition_words;
use crate::render::report::HtmlReport;
use crate::util::escape::escape_display as escape;
use crate::{Firmness, Stance};

impl HtmlReport<'_> {
    pub(crate) fn write_issues(&self, out: &mut String) {
        let s = self.scenario;
        // Names shown per camp before "and N more".
        let chips = if s.actors().len() <= self.options.max_actors {
            40
        } else {
            12
        };
        out.push_str("<section id=\"issues\" aria-labelledby=\"issues-h\">\n<h2 id=\"issues-h\">Camps per issue</h2>\n\
            <p class=\"help\">Who supports, opposes or takes no side on each issue, counting spokespeople for whom they speak. \
            <span class=\"chip red-line\">red line</span> positions are declared non-negotiable; \
            <span class=\"chip negotiable\">negotiable</span> ones are open to trade; a condition follows “if”.</p>\n");
        if s.issues().len() == 0 {
            out.push_str("<p>No issues.</p>\n");
        } else {
            out.push_str("<table class=\"camps\">\n<thead><tr><th scope=\"col\">Issue</th><th scope=\"col\">Support</th><th scope=\"col\">Oppose</th><th scope=\"col\">Neutral</th></tr></thead>\n<tbody>\n");
        }
        for (id, issue) in s.issues() {
            let camps = self.graph.camps(id);
            let _ = write!(
                out,
                "<tr id=\"issue-{}\"><th scope=\"row\">{}",
                id.index(),
                escape(issue.name())
            );
            for (_, r) in s.relations_of(id) {
                let others: Vec<String> = r
                    .issues()
                    .iter()
                    .filter(|&&i| i != id)
                    .map(|&i| format!("“{}”", s.issue(i).name()))
                    .collect();
                let verb = match r.kind() {
                    crate::RelationKind::Implies if r.issues().first() == Some(&id) => "implies",
                    crate::RelationKind::Implies => "follows from",
                    crate::RelationKind::Equivalent => "is equivalent to",
                    crate::RelationKind::Excludes => "excludes",
                    _ => "cannot all hold with",
                };
                let _ = write!(
                    out,
                    "<br/><small>{verb} {}</small>",
                    escape(&others.join(", "))
                );
            }
            out.push_str("</th>");
            for stance in [Stance::Support, Stance::Oppose, Stance::Neutral] {
                let members = camps.of(stance);
                out.push_str("<td>");
                for m in members.iter().take(chips) {
                    let class = m.firmness.as_str().replace('_', "-");
                    let _ = write!(
                        out,
                        "<span class=\"chip {class}\">{}",
                        escape(s.actor(m.actor).name())
                    );
                    match m.firmness {
                        Firmness::RedLine => out.push_str(" <strong>red line</strong>"),
                        Firmness::Negotiable => out.push_str(" <em>negotiable</em>"),
                        Firmness::Firm => {}
                    }
                    if m.conditional {
                        let conditions: BTreeSet<String> = m
                            .positions
                            .iter()
                            .filter_map(|&p| s.position(p).condition())
                            .map(|c| condition_words(s, c))
                            .collect();
                        let _ = write!(
                            out,
                            " <em>if {}</em>",
                            escape(&conditions.into_iter().collect::<Vec<_>>().join(" or "))
                        );
                    }
                    out.push_str("</span> ");
                }
                if members.len() > chips {
                    let rest: Vec<String> = members[chips..]
                        .iter()
                        .map(|m| escape(s.actor(m.actor).name()))
                        .collect();
                    let _ = write!(
                        out,
                        "<details><summary>and {} more</summary>{}</details>",
                        rest.len(),
                        rest.join(", ")
                    );
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        if s.issues().len() > 0 {
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }
}
