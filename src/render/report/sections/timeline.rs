//! The report's timeline: dated positions per principal, oldest first,
//! with reversals marked (the reversal contradictions, so the timeline and
//! the cards agree), at most
//! [`HtmlReportOptions::max_timeline`](crate::render::HtmlReportOptions::max_timeline)
//! listed; above the list, a small SVG strip with time across and one row
//! per principal (at most 40, the most active), long spans bucketed to
//! about 150 columns of marks.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::words::verb;
use crate::render::drawing::{AGREEMENT_COLOUR, CONFLICT_COLOUR};
use crate::render::report::HtmlReport;
use crate::util::escape::escape_display as escape;
use crate::util::words::{plural, shorten, thousands};
use crate::{ActorId, Date, Firmness, PositionId, Stance, contradiction::ContradictionKind};

impl HtmlReport<'_> {
    pub(crate) fn write_timeline(&self, out: &mut String) {
        let s = self.scenario;
        let visible = |p: &crate::Position| self.visible(p);
        // Per principal, its positions by date (undated last), then id.
        let mut by_principal: BTreeMap<ActorId, Vec<PositionId>> = BTreeMap::new();
        for (id, p) in s.positions() {
            if visible(p) {
                by_principal
                    .entry(s.principal(p.actor()))
                    .or_default()
                    .push(id);
            }
        }
        for list in by_principal.values_mut() {
            list.sort_by_key(|&p| (s.position(p).date().is_none(), s.position(p).date(), p));
        }
        // The reversals are the reversal contradictions (later → earlier),
        // so the timeline and the cards agree.
        let mut reversed_by: BTreeMap<PositionId, PositionId> = BTreeMap::new();
        for c in self
            .contradictions
            .iter()
            .filter(|c| c.kind == ContradictionKind::Reversal)
        {
            if let [earlier, later] = c.positions[..]
                && visible(s.position(later))
            {
                reversed_by.insert(later, earlier);
            }
        }
        let total: usize = by_principal.values().map(Vec::len).sum();
        let _ = writeln!(
            out,
            "<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline of positions</h2>\n\
             <p class=\"help\">Dated positions per principal, oldest first; a later position on an issue replaces an earlier one. \
             <span class=\"reversal-mark\">↺ reversal</span> marks a move to the other side.{}</p>",
            if reversed_by.is_empty() {
                " No reversals."
            } else {
                ""
            }
        );
        self.write_timeline_strip(out, &by_principal, &reversed_by);
        let open = total <= 200;
        let mut listed = 0;
        out.push_str("<div class=\"timeline\">\n");
        for (principal, list) in &by_principal {
            let mut counts = [0usize; 3];
            for &p in list {
                counts[match s.position(p).stance() {
                    Stance::Support => 0,
                    Stance::Oppose => 1,
                    Stance::Neutral => 2,
                }] += 1;
            }
            let reversals = list.iter().filter(|p| reversed_by.contains_key(p)).count();
            let _ = write!(
                out,
                "<details class=\"actor-timeline\"{}><summary><strong>{}</strong>: {} ({} support, {} oppose, {} neutral){}</summary>\n<ol>\n",
                if open { " open=\"open\"" } else { "" },
                escape(s.actor(*principal).name()),
                plural(list.len(), "position"),
                counts[0],
                counts[1],
                counts[2],
                if reversals > 0 {
                    format!(
                        " · <span class=\"reversal-mark\">↺ {}</span>",
                        plural(reversals, "reversal")
                    )
                } else {
                    String::new()
                }
            );
            for &id in list {
                if listed >= self.options.max_timeline {
                    break;
                }
                listed += 1;
                let p = s.position(id);
                let class = if reversed_by.contains_key(&id) {
                    " class=\"reversal\""
                } else {
                    ""
                };
                let date = p
                    .date()
                    .map(|d| format!("<time datetime=\"{d}\">{d}</time>"))
                    .unwrap_or_else(|| "undated".to_owned());
                let mut speaker = String::new();
                if p.actor() != *principal {
                    speaker = format!(" (through {})", escape(s.actor(p.actor()).name()));
                }
                let _ = write!(
                    out,
                    "<li{class}>{date} · <span class=\"stance {}\">{}</span> “{}”{speaker}",
                    p.stance().as_str(),
                    verb(p.stance()),
                    escape(s.issue(p.issue()).name())
                );
                if p.firmness() == Firmness::RedLine {
                    out.push_str(" · <strong class=\"redline\">red line</strong>");
                } else if p.firmness() == Firmness::Negotiable {
                    out.push_str(" · negotiable");
                }
                if let Some(earlier) = reversed_by.get(&id) {
                    let e = s.position(*earlier);
                    let _ = write!(
                        out,
                        " · <span class=\"reversal-mark\">↺ reversal: {} before{}</span>",
                        verb(e.stance()),
                        e.date().map(|d| format!(", since {d}")).unwrap_or_default()
                    );
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n</details>\n");
        }
        out.push_str("</div>\n");
        if listed < total {
            let _ = writeln!(
                out,
                "<p class=\"note\">{} of {} positions are listed (at most {}); each principal’s summary line counts them all.</p>",
                listed, total, self.options.max_timeline
            );
        }
        out.push_str("</section>\n");
    }

    /// A small SVG: time across, one row per principal (at most 40, the most
    /// active), one mark per dated position; drawn when positions fall on at
    /// least two days.
    pub(crate) fn write_timeline_strip(
        &self,
        out: &mut String,
        by_principal: &BTreeMap<ActorId, Vec<PositionId>>,
        reversed_by: &BTreeMap<PositionId, PositionId>,
    ) {
        const ROWS: usize = 40;
        let s = self.scenario;
        let dates: BTreeSet<Date> = by_principal
            .values()
            .flatten()
            .filter_map(|&p| s.position(p).date())
            .collect();
        let (Some(&first), Some(&last)) = (dates.first(), dates.last()) else {
            return;
        };
        if first == last {
            return;
        }
        let mut rows: Vec<(&ActorId, &Vec<PositionId>)> = by_principal
            .iter()
            .filter(|(_, l)| l.iter().any(|&p| s.position(p).date().is_some()))
            .collect();
        rows.sort_by_key(|(a, l)| (std::cmp::Reverse(l.len()), **a));
        let hidden = rows.len().saturating_sub(ROWS);
        rows.truncate(ROWS);
        rows.sort_by_key(|(a, _)| **a);
        let (left, width, row) = (180.0, 960.0, 18.0);
        let height = 30.0 + row * rows.len() as f64 + 24.0;
        let days = days_between(first, last).max(1) as f64;
        // At most about 150 columns of marks: long spans are bucketed by as
        // many days as that takes, each mark at its bucket's first day.
        let bucket = (days_between(first, last) / 150 + 1).max(1);
        let x = |d: Date| {
            let day = days_between(first, d);
            left + (width - left - 20.0) * (day - day % bucket) as f64 / days
        };
        let _ = write!(
            out,
            "<figure class=\"strip\"><div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height:.0}\" width=\"{width}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"strip-title\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\
             <title id=\"strip-title\">Positions over time, {first} to {last}: one row per principal; up-triangles support, down-triangles oppose, circles neutral, purple rings reversals</title>\n\
             <rect width=\"{width}\" height=\"{height:.0}\" fill=\"#ffffff\"/>\n"
        );
        let axis_y = height - 16.0;
        let _ = write!(
            out,
            "<line x1=\"{left}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#8c8c8c\"/><text x=\"{left}\" y=\"{:.1}\" fill=\"#1a1a1a\">{first}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1a1a1a\">{last}</text>",
            width - 20.0,
            axis_y + 13.0,
            width - 20.0,
            axis_y + 13.0
        );
        for (r, (principal, list)) in rows.iter().enumerate() {
            let y = 24.0 + row * r as f64;
            let _ = write!(
                out,
                "<g class=\"row\"><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text><line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#e6e6e6\"/>",
                left - 8.0,
                y + 4.0,
                escape(&shorten(s.actor(**principal).name(), 26)),
                width - 20.0
            );
            // One mark per day and stance, its tooltip listing the positions
            // (at most five, then a count): a busy row stays small.
            let mut marks: BTreeMap<(i64, u8), Vec<PositionId>> = BTreeMap::new();
            for &p in list.iter() {
                let position = s.position(p);
                if let Some(d) = position.date() {
                    let order = match position.stance() {
                        Stance::Support => 0,
                        Stance::Oppose => 1,
                        Stance::Neutral => 2,
                    };
                    let day = days_between(first, d);
                    marks
                        .entry((day - day % bucket, order))
                        .or_default()
                        .push(p);
                }
            }
            for ids in marks.values() {
                let position = s.position(ids[0]);
                let Some(d) = position.date() else { continue };
                let cx = x(d);
                let mark = match position.stance() {
                    Stance::Support => format!(
                        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{AGREEMENT_COLOUR}\"/>",
                        cx,
                        y - 5.0,
                        cx - 5.0,
                        y + 4.0,
                        cx + 5.0,
                        y + 4.0
                    ),
                    Stance::Oppose => format!(
                        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{CONFLICT_COLOUR}\"/>",
                        cx,
                        y + 5.0,
                        cx - 5.0,
                        y - 4.0,
                        cx + 5.0,
                        y - 4.0
                    ),
                    Stance::Neutral => {
                        format!("<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"#8c8c8c\"/>")
                    }
                };
                let ring = if ids.iter().any(|p| reversed_by.contains_key(p)) {
                    format!(
                        "<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"8\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
                        crate::render::drawing::CONTRADICTION_COLOUR
                    )
                } else {
                    String::new()
                };
                // One position in full; several as a count and their issues.
                let tip = if let [one] = ids[..] {
                    vec![self.position_line(one)]
                } else {
                    let mut names: Vec<String> = ids
                        .iter()
                        .take(3)
                        .map(|&p| {
                            format!("“{}”", shorten(s.issue(s.position(p).issue()).name(), 50))
                        })
                        .collect();
                    if ids.len() > 3 {
                        names.push(format!("and {} more", thousands(ids.len() - 3)));
                    }
                    let when = if bucket == 1 {
                        d.to_string()
                    } else {
                        format!("{bucket} days from {d}")
                    };
                    vec![format!(
                        "{}, {when}: {} {} issues: {}",
                        shorten(s.actor(**principal).name(), 120),
                        verb(position.stance()),
                        thousands(ids.len()),
                        names.join(", ")
                    )]
                };
                let _ = write!(
                    out,
                    "<g class=\"mark\"><title>{}</title>{mark}{ring}</g>",
                    escape(&tip.join("\n"))
                );
            }
            out.push_str("</g>\n");
        }
        out.push_str("</svg></div>");
        if hidden > 0 {
            let _ = write!(
                out,
                "<figcaption>The {ROWS} principals with the most positions; {} more are in the list below.</figcaption>",
                hidden
            );
        }
        out.push_str("</figure>\n");
    }
}

/// Whole days from `a` to `b`.
fn days_between(a: Date, b: Date) -> i64 {
    // Between civil dates the span's largest unit is days.
    a.to_jiff()
        .until(b.to_jiff())
        .map_or(0, |span| i64::from(span.get_days()))
}
