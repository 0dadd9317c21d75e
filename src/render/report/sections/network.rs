//! The report's network section: the drawing as a figure with its
//! description, and, when actors are drawn as groups, the table of every
//! group's members.

use std::fmt::Write as _;

use crate::render::drawing::Drawing;
use crate::render::report::view::Nodes;
use crate::render::report::{DrawnAs, HtmlReport};
use crate::util::escape::escape_display as escape;

impl HtmlReport<'_> {
    pub(crate) fn write_network(&self, out: &mut String, drawing: &Drawing, nodes: &Nodes) {
        let s = self.scenario;
        out.push_str("<section id=\"network\" aria-labelledby=\"network-h\">\n<h2 id=\"network-h\">Who agrees, who is in conflict</h2>\n");
        write_figure(out, drawing, "the positions behind it");
        if nodes.drawn_as == DrawnAs::Groups {
            out.push_str("<table class=\"groups\">\n<caption>The groups drawn, and their members</caption>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Members</th></tr></thead>\n<tbody>\n");
            for (i, members) in nodes.members.iter().enumerate() {
                let names: Vec<String> = members
                    .iter()
                    .map(|&a| {
                        format!(
                            "<span class=\"member\">{}</span>",
                            escape(s.actor(a).name())
                        )
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td></tr>",
                    escape(&drawing.nodes[i].label),
                    names.join(", ")
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }
}

/// The drawing as a figure, captioned with its description and what its
/// tooltips tell (`behind`: "the positions behind it").
pub(crate) fn write_figure(out: &mut String, drawing: &Drawing, behind: &str) {
    out.push_str("<figure>\n<div class=\"scroll\">");
    out.push_str(&drawing.svg("network-svg"));
    let _ = writeln!(
        out,
        "</div>\n<figcaption>{} Hover over a node or a tie for {behind}.</figcaption>\n</figure>",
        escape(&drawing.description)
    );
}
