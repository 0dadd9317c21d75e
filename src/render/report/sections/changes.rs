//! The report's "What changed since D" section, shown when
//! [`HtmlReportOptions::since`](crate::render::HtmlReportOptions::since) is
//! set: the diff of the scenario from that day to the day shown (`as_of`,
//! or the latest day a position was dated or ended), from
//! [`Scenario::diff_dates`](crate::Scenario::diff_dates). In order: a
//! summary line; who reversed (with the later quote); the contradictions
//! that appeared and those that went away, as cards with a verdict and
//! quotes; the positions taken and those that ended, one line each; and a
//! table of the ties between principals formed, broken and changed in
//! weight. Each list shows at most
//! [`max_cards`](crate::render::HtmlReportOptions::max_cards) entries and
//! counts the rest.

use std::fmt::Write as _;

use crate::diff::{DiffOptions, ScenarioDiff, TieChange};
use crate::render::report::HtmlReport;
use crate::render::report::text::kind_words;
use crate::util::escape::escape_display as escape;
use crate::util::words::{capitalize, plural, quoted, thousands};
use crate::{Contradiction, Date, contradiction::ContradictionKind};

impl HtmlReport<'_> {
    /// The day the changes run to: `as_of`, else the latest day a position
    /// was dated or ended (never before `since`).
    pub(crate) fn changes_until(&self, since: Date) -> Date {
        let latest = (self.scenario.positions())
            .flat_map(|(_, p)| [p.date(), p.until()])
            .flatten()
            .max();
        self.options.as_of.or(latest).unwrap_or(since).max(since)
    }

    pub(crate) fn write_changes(&self, out: &mut String) {
        let Some(since) = self.options.since else {
            return;
        };
        let to = self.changes_until(since);
        let d = self.scenario.diff_dates(since, to, &DiffOptions::default());
        let _ = writeln!(
            out,
            "<section id=\"changes\" aria-labelledby=\"changes-h\">\n<h2 id=\"changes-h\">What changed since {since}</h2>"
        );
        let (c, p, t) = (&d.contradictions, &d.positions, &d.ties);
        let _ = writeln!(
            out,
            "<p class=\"help\">From {since} to {to}: {} taken and {} no longer holding; {} appeared and {} went away; \
             between principals, {} formed, {} broken and {} changed in weight.</p>",
            plural(p.added.len(), "position"),
            thousands(p.removed.len()),
            plural(c.new.len(), "contradiction"),
            thousands(c.resolved.len()),
            plural(t.formed.len(), "tie"),
            thousands(t.broken.len()),
            thousands(t.changed.len()),
        );
        if d.is_empty() {
            out.push_str("<p>Nothing changed.</p>\n</section>\n");
            return;
        }
        let reversal = |c: &&Contradiction<'_>| c.kind == ContradictionKind::Reversal;
        let reversals: Vec<_> = c.new.iter().filter(reversal).collect();
        if !reversals.is_empty() {
            let _ = writeln!(out, "<h3>Who reversed ({})</h3>", reversals.len());
            for r in self.capped(out, &reversals) {
                let _ = writeln!(out, "<p class=\"verdict\">{}</p>", escape(&self.verdict(r)));
                if let Some(&later) = r.positions.last() {
                    self.write_quote(out, later);
                }
            }
        }
        let appeared: Vec<_> = c.new.iter().filter(|x| !reversal(x)).collect();
        let gone: Vec<_> = c.resolved.iter().collect();
        for (title, list) in [
            ("Contradictions that appeared", appeared),
            ("Contradictions that went away", gone),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "<h3>{title} ({})</h3>", thousands(list.len()));
            for x in self.capped(out, &list) {
                self.write_change_card(out, x);
            }
        }
        for (title, list) in [
            ("Positions taken", &p.added),
            ("Positions no longer holding", &p.removed),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(out, "<h3>{title} ({})</h3>\n<ul>", thousands(list.len()));
            for &id in self.capped(out, list) {
                let _ = writeln!(out, "<li>{}</li>", escape(&self.position_line(id)));
            }
            out.push_str("</ul>\n");
        }
        self.write_tie_changes(out, &d);
        out.push_str("</section>\n");
    }

    /// The first `max_cards` of `list`; a note counts the rest (written
    /// before the list, so that it is not missed).
    fn capped<'l, T>(&self, out: &mut String, list: &'l [T]) -> &'l [T] {
        let most = self.options.max_cards;
        if list.len() > most {
            let _ = writeln!(
                out,
                "<p class=\"note\">The first {most} of {} are shown.</p>",
                thousands(list.len())
            );
        }
        &list[..list.len().min(most)]
    }

    /// A contradiction that appeared or went away: its kind, verdict and
    /// quotes.
    fn write_change_card(&self, out: &mut String, c: &Contradiction<'_>) {
        let severity = c.severity.as_str();
        let _ = write!(
            out,
            "<article class=\"card change {severity}\" data-kind=\"{}\">\n<h3><span class=\"badge {severity}\">{}</span> {}</h3>\n<p class=\"verdict\">{}</p>\n",
            c.kind.as_str(),
            capitalize(severity),
            capitalize(kind_words(c.kind)),
            escape(&self.verdict(c))
        );
        for &p in &c.positions {
            self.write_quote(out, p);
        }
        out.push_str("</article>\n");
    }

    fn write_tie_changes(&self, out: &mut String, d: &ScenarioDiff<'_>) {
        let t = &d.ties;
        if t.is_empty() {
            return;
        }
        let rows: Vec<(&str, &TieChange<'_>)> = (t.formed.iter().map(|x| ("formed", x)))
            .chain(t.broken.iter().map(|x| ("broken", x)))
            .chain(t.changed.iter().map(|x| ("changed", x)))
            .collect();
        out.push_str(
            "<h3>Ties between principals</h3>\n<table class=\"ties\">\n<thead><tr><th scope=\"col\">Principals</th>\
             <th scope=\"col\">Tie</th><th scope=\"col\">Change</th><th scope=\"col\">Issues before</th>\
             <th scope=\"col\">Issues after</th></tr></thead>\n<tbody>\n",
        );
        for (change, tie) in self.capped(out, &rows) {
            let issues = |keys: &[&str]| -> String {
                let names: Vec<String> = keys
                    .iter()
                    .map(|k| {
                        let s = self.scenario;
                        s.issue_id(k)
                            .map_or_else(|| quoted(k), |i| quoted(s.issue(i).name()))
                    })
                    .collect();
                escape(&names.join(", ")).to_string()
            };
            let names: Vec<String> = (tie.actors.iter())
                .map(|k| {
                    let s = self.scenario;
                    let name = s.actor_id(k).map_or(*k, |a| s.actor(a).name());
                    escape(name).to_string()
                })
                .collect();
            let _ = writeln!(
                out,
                "<tr class=\"{change}\"><th scope=\"row\">{}</th><td>{}</td><td>{change}: {} → {}</td><td>{}</td><td>{}</td></tr>",
                names.join(" – "),
                tie.kind,
                tie.weight_before,
                tie.weight_after,
                issues(&tie.issues_before),
                issues(&tie.issues_after),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
}
