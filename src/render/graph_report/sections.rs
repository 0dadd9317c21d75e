//! The sections of the signed network report, one writer each, in page
//! order: the header, the summary of the period shown, the overview of
//! every period (with several), the network figure, the structural balance
//! (the text of [`BalanceReport::explain`](crate::balance::BalanceReport::explain)
//! as paragraphs and lists), the ambivalent pairs and the most central
//! nodes. Each writes well-formed XHTML and escapes every text from the
//! data.

use std::fmt::Write as _;

use crate::render::drawing::Drawing;
use crate::render::report::write_figure;
use crate::util::escape::escape_display as escape;
use crate::util::number;
use crate::util::words::{plural, real, thousands};

use super::GraphReport;

/// The most items of one list of the balance section (out-of-place ties,
/// say); the rest are counted.
const MOST_ITEMS: usize = 200;
/// The rows of the centrality table.
const CENTRAL_ROWS: usize = 20;

impl GraphReport<'_> {
    pub(crate) fn write_header(&self, out: &mut String, title: &str) {
        let g = self.shown();
        let _ = write!(out, "<header>\n<h1>{}</h1>\n", escape(title));
        let _ = write!(
            out,
            "<p class=\"counts\"><span>{}</span>",
            plural(self.graphs.len(), "signed graph")
        );
        if let Some(p) = g.period() {
            let _ = write!(out, " · <strong>shown: {}</strong>", escape(p));
        }
        out.push_str("</p>\n<nav aria-label=\"Sections\"><a href=\"#summary\">Summary</a> ");
        if self.graphs.len() > 1 {
            out.push_str("<a href=\"#periods\">Periods</a> ");
        }
        out.push_str(
            "<a href=\"#network\">Network</a> <a href=\"#balance\">Structural balance</a> \
             <a href=\"#ambivalent\">Ambivalent pairs</a> <a href=\"#centrality\">Centrality</a></nav>\n</header>\n",
        );
    }

    pub(crate) fn write_summary(&self, out: &mut String) {
        let g = self.shown();
        let positive = g.edges().iter().filter(|e| e.sign > 0).count();
        out.push_str("<section id=\"summary\" aria-labelledby=\"summary-h\">\n<h2 id=\"summary-h\">Summary</h2>\n<ul>\n");
        let _ = writeln!(
            out,
            "<li>Period: <strong>{}</strong></li>",
            escape(Self::period_name(g.period()))
        );
        let _ = writeln!(
            out,
            "<li>{}, {} ({} positive, {} negative)</li>",
            plural(g.nodes().len(), "node"),
            plural(g.edges().len(), "tie"),
            thousands(positive),
            thousands(g.edges().len() - positive)
        );
        if g.is_weighted() {
            let _ = writeln!(
                out,
                "<li>Total weight {}</li>",
                number::text(g.total_weight())
            );
        }
        let ambivalent = g.ambivalent_pairs().len();
        let _ = writeln!(
            out,
            "<li>{}</li>",
            if ambivalent == 0 {
                "No ambivalent pair (no pair tied both ways)".to_owned()
            } else {
                format!(
                    "<a href=\"#ambivalent\">{}</a> (tied both ways)",
                    plural(ambivalent, "ambivalent pair")
                )
            }
        );
        let f = &self.balance.frustration;
        let _ = writeln!(
            out,
            "<li>{}</li>",
            if self.balance.balance.is_balanced() {
                "<strong>Balanced</strong>: two camps fit every tie".to_owned()
            } else {
                format!(
                    "<strong>Not balanced</strong>: frustration index {} ({})",
                    number::text(f.value),
                    if f.exact {
                        "proven"
                    } else {
                        "at most; not proven"
                    }
                )
            }
        );
        out.push_str("</ul>\n</section>\n");
    }

    pub(crate) fn write_overview(&self, out: &mut String) {
        if self.graphs.len() < 2 {
            return;
        }
        out.push_str("<section id=\"periods\" aria-labelledby=\"periods-h\">\n<h2 id=\"periods-h\">Periods</h2>\n\
            <p class=\"help\">Every period's signed graph; the frustration index is the least total weight of ties out of place whatever the two camps, proven when exact. The period shown below is marked.</p>\n\
            <table class=\"periods\">\n<thead><tr><th scope=\"col\">Period</th><th scope=\"col\">Nodes</th><th scope=\"col\">Ties</th><th scope=\"col\">Frustration</th><th scope=\"col\">Exact</th></tr></thead>\n<tbody>\n");
        for (i, row) in self.overview.iter().enumerate() {
            let name = escape(Self::period_name(row.period.as_deref()));
            let _ = writeln!(
                out,
                "<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                if i == self.shown {
                    " class=\"shown\""
                } else {
                    ""
                },
                if i == self.shown {
                    format!("<strong>{name}</strong> (shown)")
                } else {
                    name
                },
                thousands(row.nodes),
                thousands(row.ties),
                if row.exact {
                    real(row.frustration)
                } else {
                    format!("{} (≥ {})", real(row.frustration), real(row.lower_bound))
                },
                if row.exact { "yes" } else { "no" }
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    pub(crate) fn write_network(&self, out: &mut String, drawing: &Drawing) {
        out.push_str("<section id=\"network\" aria-labelledby=\"network-h\">\n<h2 id=\"network-h\">The network</h2>\n");
        write_figure(out, drawing, "its ties and weight");
        out.push_str("</section>\n");
    }

    /// [`BalanceReport::explain`]'s text, each line a paragraph and its
    /// indented lines a list, leaving out what other sections show (the
    /// period, the ambivalent pairs).
    pub(crate) fn write_balance(&self, out: &mut String) {
        out.push_str("<section id=\"balance\" aria-labelledby=\"balance-h\">\n<h2 id=\"balance-h\">Structural balance</h2>\n");
        let text = self.balance.explain(None);
        let mut items: Vec<&str> = Vec::new();
        let mut skipping = false;
        for line in text.lines() {
            if let Some(item) = line.strip_prefix("  ") {
                if !skipping {
                    items.push(item.trim_start());
                }
                continue;
            }
            write_items(out, &mut items);
            skipping = line.starts_with("Period ") || line.starts_with("Ambivalent pairs (");
            if !skipping {
                let _ = writeln!(out, "<p>{}</p>", escape(line));
            }
        }
        write_items(out, &mut items);
        if self.balance.significance.is_none() && self.options.significance.is_some() {
            let _ = writeln!(
                out,
                "<p class=\"note\">The significance test is left out above {} ties.</p>",
                thousands(crate::balance::SignificanceOptions::DEFAULT_MAX_EDGES)
            );
        }
        out.push_str("</section>\n");
    }

    pub(crate) fn write_ambivalent(&self, out: &mut String) {
        let g = self.shown();
        let pairs = g.ambivalent_pairs();
        out.push_str("<section id=\"ambivalent\" aria-labelledby=\"ambivalent-h\">\n<h2 id=\"ambivalent-h\">Ambivalent pairs</h2>\n");
        if pairs.is_empty() {
            out.push_str("<p>No pair is tied both ways.</p>\n</section>\n");
            return;
        }
        let _ = writeln!(
            out,
            "<p class=\"help\">{} tied both ways, so whatever the camps the lighter side is out of place.</p>\n\
             <table class=\"ambivalent\">\n<thead><tr><th scope=\"col\">Pair</th><th scope=\"col\">Positive</th><th scope=\"col\">Negative</th></tr></thead>\n<tbody>",
            plural(pairs.len(), "pair")
        );
        for (p, n) in pairs {
            let (pe, ne) = (g.edges()[p], g.edges()[n]);
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{} — {}</th><td>{}</td><td>{}</td></tr>",
                escape(&g.nodes()[pe.a]),
                escape(&g.nodes()[pe.b]),
                number::text(pe.weight),
                number::text(ne.weight)
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }

    pub(crate) fn write_centrality(&self, out: &mut String) {
        let g = self.shown();
        let c = &self.centrality;
        let n = g.nodes().len();
        let mut order: Vec<usize> = (0..n).collect();
        let strength = |v: usize| c.positive_degree[v] + c.negative_degree[v];
        match &c.pn_index {
            Some(pn) => order.sort_by(|&a, &b| pn[b].total_cmp(&pn[a]).then(a.cmp(&b))),
            None => order.sort_by(|&a, &b| strength(b).total_cmp(&strength(a)).then(a.cmp(&b))),
        }
        order.truncate(CENTRAL_ROWS);
        let _ = writeln!(
            out,
            "<section id=\"centrality\" aria-labelledby=\"centrality-h\">\n<h2 id=\"centrality-h\">The most central nodes</h2>\n\
             <p class=\"help\">{} of {}, by {}: positive and negative degree (the total weight of the node's positive and negative ties), \
             Everett and Borgatti's PN index (high for many friends and few enemies, counted along walks) and the signed eigenvector centrality.</p>\n\
             <table class=\"centrality\">\n<thead><tr><th scope=\"col\">Node</th><th scope=\"col\">Positive</th><th scope=\"col\">Negative</th><th scope=\"col\">PN index</th><th scope=\"col\">Eigenvector</th></tr></thead>\n<tbody>",
            order.len(),
            plural(n, "node"),
            if c.pn_index.is_some() {
                "PN index"
            } else {
                "total weight"
            }
        );
        let value = |x: Option<f64>| x.map_or_else(|| "—".to_owned(), |x| format!("{x:.4}"));
        for v in order {
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&g.nodes()[v]),
                number::text(c.positive_degree[v]),
                number::text(c.negative_degree[v]),
                value(c.pn_index.as_ref().map(|p| p[v])),
                value(c.eigenvector.as_ref().map(|e| e[v]))
            );
        }
        out.push_str("</tbody>\n</table>\n");
        for (what, problem) in [
            ("PN index", &c.pn_problem),
            ("eigenvector centrality", &c.eigenvector_problem),
        ] {
            if let Some(p) = problem {
                let _ = writeln!(out, "<p class=\"note\">No {what}: {}</p>", escape(p));
            }
        }
        out.push_str("</section>\n");
    }
}

/// The indented lines gathered so far as a list (at most [`MOST_ITEMS`],
/// the rest counted), emptied.
fn write_items(out: &mut String, items: &mut Vec<&str>) {
    if items.is_empty() {
        return;
    }
    out.push_str("<ul class=\"explain\">\n");
    for item in items.iter().take(MOST_ITEMS) {
        let _ = writeln!(out, "<li>{}</li>", escape(item));
    }
    out.push_str("</ul>\n");
    if items.len() > MOST_ITEMS {
        let _ = writeln!(
            out,
            "<p class=\"note\">{} more; <code>stancegraph balance --edges</code> lists them all.</p>",
            thousands(items.len() - MOST_ITEMS)
        );
    }
    items.clear();
}
