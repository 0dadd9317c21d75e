//! The report's contradiction cards, most severe first (at most
//! [`HtmlReportOptions::max_cards`](crate::render::HtmlReportOptions::max_cards),
//! the rest counted): each with its kind, principals, time span and
//! conditions, a verdict, every position as a quotation with speaker,
//! stance, firmness, date and source, and the reasoning why the positions
//! cannot all hold.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::model::words::{condition as condition_words, verb};
use crate::render::report::HtmlReport;
use crate::render::report::text::kind_words;
use crate::util::escape::escape_display as escape;
use crate::util::words::{capitalize, join_names, quoted, thousands};
use crate::{Firmness, PositionId, contradiction::Step};

impl HtmlReport<'_> {
    pub(crate) fn write_contradictions(&self, out: &mut String) {
        let s = self.scenario;
        let found = &self.contradictions;
        let _ = writeln!(
            out,
            "<section id=\"contradictions\" aria-labelledby=\"contradictions-h\">\n<h2 id=\"contradictions-h\">Contradictions ({})</h2>",
            thousands(found.len())
        );
        if found.is_empty() {
            out.push_str("<p>None: no set of positions breaks a relation between issues, and no principal reversed itself.</p>\n");
        }
        for (k, c) in found.iter().take(self.options.max_cards).enumerate() {
            let severity = c.severity.as_str();
            let names: Vec<&str> = c.principals.iter().map(|&a| s.actor(a).name()).collect();
            let _ = write!(
                out,
                "<article class=\"card {severity}\" id=\"c{}\" data-kind=\"{}\">\n<h3><span class=\"badge {severity}\">{}</span> {}: {}</h3>\n",
                k + 1,
                c.kind.as_str(),
                capitalize(severity),
                capitalize(kind_words(c.kind)),
                escape(&join_names(&names))
            );
            let mut when = match (c.from, c.until) {
                (Some(a), Some(b)) if a == b => format!("On {a}"),
                (Some(a), Some(b)) => format!("From {a} to {b}"),
                (Some(a), None) => format!("From {a}"),
                (None, Some(b)) => format!("Until {b}"),
                (None, None) => "At any time".to_owned(),
            };
            let conditions: BTreeSet<String> = c
                .conditions()
                .map(|(_, condition)| condition_words(s, condition))
                .collect();
            if !conditions.is_empty() {
                let _ = write!(
                    when,
                    " · assuming {} (a condition one side set)",
                    conditions.into_iter().collect::<Vec<_>>().join(" and ")
                );
            }
            let _ = write!(
                out,
                "<p class=\"when\">{}</p>\n<p class=\"verdict\">{}</p>\n",
                escape(&when),
                escape(&self.verdict(c))
            );
            for &p in &c.positions {
                self.write_quote(out, p);
            }
            out.push_str("<details open=\"open\"><summary>Why these cannot all hold</summary>\n<ol class=\"reasoning\">\n");
            for step in &c.reasoning {
                if matches!(step, Step::Position(_)) {
                    continue;
                }
                let _ = writeln!(out, "<li>{}</li>", escape(&c.describe(step)));
            }
            out.push_str("</ol>\n</details>\n</article>\n");
        }
        if found.len() > self.options.max_cards {
            let _ = writeln!(
                out,
                "<p class=\"note\">{} more contradictions are not shown as cards (the report shows at most {}); `stancegraph check` lists them all.</p>",
                found.len() - self.options.max_cards,
                self.options.max_cards
            );
        }
        for t in found.truncated() {
            let actors: Vec<&str> = t.principals.iter().map(|&a| s.actor(a).name()).collect();
            let _ = writeln!(
                out,
                "<p class=\"note\">{} {} contradictions among {} were found and {} are reported.</p>",
                t.found,
                kind_words(t.kind),
                escape(&join_names(&actors)),
                t.reported
            );
        }
        out.push_str("</section>\n");
    }

    /// A position as a quotation with its speaker, stance, date and source.
    pub(crate) fn write_quote(&self, out: &mut String, id: PositionId) {
        let s = self.scenario;
        let p = s.position(id);
        let speaker = s.actor(p.actor());
        let principal = s.principal(p.actor());
        let firmness = p.firmness();
        let _ = write!(
            out,
            "<blockquote class=\"position {}\" data-position=\"p{}\">",
            firmness.as_str().replace('_', "-"),
            id.index()
        );
        match p.quote() {
            Some(q) => {
                let _ = write!(out, "<p>{}</p>", escape(&quoted(q)));
            }
            None => out.push_str("<p class=\"noquote\">(no quote recorded)</p>"),
        }
        let mut who = escape(speaker.name());
        if let Some(role) = speaker.role() {
            let _ = write!(who, ", {}", escape(role));
        }
        if principal != p.actor() {
            let _ = write!(who, ", for {}", escape(s.actor(principal).name()));
        }
        let _ = write!(
            out,
            "<footer>— {who} · {} “{}”",
            verb(p.stance()),
            escape(s.issue(p.issue()).name())
        );
        match firmness {
            Firmness::RedLine => out.push_str(" · <strong class=\"redline\">red line</strong>"),
            Firmness::Negotiable => out.push_str(" · negotiable"),
            Firmness::Firm => out.push_str(" · firm"),
        }
        if let Some(c) = p.condition() {
            let _ = write!(out, " · if {}", escape(&condition_words(s, c)));
        }
        if let Some(d) = p.date() {
            let _ = write!(out, " · <time datetime=\"{d}\">{d}</time>");
        }
        if let Some(source) = p.source() {
            let mut parts = Vec::new();
            if let Some(t) = source.title() {
                parts.push(format!("<cite>{}</cite>", escape(t)));
            }
            if let Some(publisher) = source.publisher() {
                parts.push(escape(publisher));
            }
            if let Some(url) = source.url() {
                parts.push(format!("<span class=\"url\">{}</span>", escape(url)));
            }
            if !parts.is_empty() {
                let _ = write!(out, " · source: {}", parts.join(", "));
            }
        }
        if let Some(file) = s.provenance().position_in_case(id) {
            let _ = write!(
                out,
                " · coded in <code class=\"file\">{}</code>",
                escape(&file.display().to_string())
            );
        }
        if let Some(note) = p.note() {
            let _ = write!(
                out,
                "<br/><span class=\"note\">Coder’s note: {}</span>",
                escape(note)
            );
        }
        out.push_str("</footer></blockquote>\n");
    }
}
