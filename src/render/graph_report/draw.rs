//! The drawing of the period shown: at most
//! [`GraphReportOptions::max_nodes`](super::GraphReportOptions::max_nodes)
//! nodes, the strongest by the total weight of their ties (ties broken by
//! node order), and at most [`MOST_TIES`] ties between them, the heaviest;
//! the camps are those of the balance section (the whole graph's
//! frustration index), so that the drawing and the text agree.

use crate::render::drawing::{Drawing, LinkKind, LinkSpec, NodeSpec, Shape};
use crate::util::number;
use crate::util::words::{plural, thousands};

use super::GraphReport;

/// The most ties drawn one by one (the heaviest); the description counts
/// the rest.
pub(crate) const MOST_TIES: usize = 2_000;

impl GraphReport<'_> {
    /// The drawing of the graph shown.
    pub(crate) fn drawing(&self) -> Drawing {
        let g = self.shown();
        let n = g.nodes().len();
        let mut strength = vec![0.0f64; n];
        for e in g.edges() {
            strength[e.a] += e.weight;
            strength[e.b] += e.weight;
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| strength[b].total_cmp(&strength[a]).then(a.cmp(&b)));
        order.truncate(self.options.max_nodes);
        order.sort_unstable();
        let mut slot = vec![usize::MAX; n];
        for (i, &v) in order.iter().enumerate() {
            slot[v] = i;
        }
        let f = &self.balance.frustration;
        let mut camp = vec![None; n];
        for (c, members) in f.camps.iter().enumerate() {
            for &v in members {
                if let Some(x) = camp.get_mut(v)
                    && g.degree(v) > 0
                {
                    *x = Some(c);
                }
            }
        }
        let shaded = g.edges().iter().any(|e| e.sign < 0);
        let nodes: Vec<NodeSpec> = order
            .iter()
            .map(|&v| {
                let name = &g.nodes()[v];
                NodeSpec {
                    label: name.clone(),
                    kind: "node".to_owned(),
                    shape: Shape::Circle,
                    colour: "#2166ac",
                    radius: 8.0,
                    tooltip: format!(
                        "{name}: {}, total weight {}",
                        plural(g.degree(v), "tie"),
                        number::text(strength[v])
                    ),
                    camp: if shaded { camp[v] } else { None },
                    marked: false,
                }
            })
            .collect();
        let mut drawn: Vec<usize> = (0..g.edges().len())
            .filter(|&e| {
                let x = g.edges()[e];
                slot[x.a] != usize::MAX && slot[x.b] != usize::MAX
            })
            .collect();
        let between = drawn.len();
        drawn.sort_by(|&x, &y| {
            g.edges()[y]
                .weight
                .total_cmp(&g.edges()[x].weight)
                .then(x.cmp(&y))
        });
        drawn.truncate(MOST_TIES);
        drawn.sort_unstable();
        let links: Vec<LinkSpec> = drawn
            .iter()
            .map(|&e| {
                let x = g.edges()[e];
                let (a, b) = (slot[x.a], slot[x.b]);
                LinkSpec {
                    a,
                    b,
                    kind: if x.sign < 0 {
                        LinkKind::Conflict
                    } else {
                        LinkKind::Agreement
                    },
                    weight: x.weight,
                    tooltip: format!(
                        "{} — {}: {}, weight {}",
                        nodes[a].label,
                        nodes[b].label,
                        if x.sign < 0 { "negative" } else { "positive" },
                        number::text(x.weight)
                    ),
                    label: None,
                }
            })
            .collect();
        let camps_shown = nodes.iter().any(|v| v.camp.is_some());
        let description = format!(
            "{} of {}{}, {} of {}{}: positive ties solid green, negative ties dashed red, thicker for heavier ties{}.",
            thousands(nodes.len()),
            plural(n, "node"),
            if nodes.len() < n {
                " (the strongest, by the total weight of their ties)"
            } else {
                ""
            },
            thousands(links.len()),
            plural(g.edges().len(), "tie"),
            if links.len() < between {
                " (the heaviest between the nodes drawn)"
            } else {
                ""
            },
            if camps_shown {
                "; shaded: the two camps of the frustration index"
            } else {
                ""
            }
        );
        Drawing {
            title: format!("Signed network, {}", Self::period_name(g.period())),
            description,
            nodes,
            links,
            camp_names: camps_shown.then(|| ["camp 1".to_owned(), "camp 2".to_owned()]),
        }
    }
}
