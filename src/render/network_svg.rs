//! The SVG drawing of a discourse [`Network`] ([`Network::to_svg`], and
//! [`ExportFormat::Svg`](crate::discourse::ExportFormat::Svg) of
//! [`Network::export`]): the discourse layer writes the data formats, the
//! render layer draws.
//!
//! Rows and, for affiliation networks, columns are nodes; at most
//! [`Network::SVG_MAX_NODES`] are drawn, the strongest by the sum of their
//! ties' absolute values (ties broken by order). Positive ties are solid
//! green, negative ones (and every tie of a `conflict` network) dashed red,
//! thicker for larger values. With negative ties, the frustration index of
//! the drawn signed graph is searched (the automatic method of
//! [`FrustrationOptions`](crate::balance::FrustrationOptions), for at most a
//! second) and its two camps are shaded. The drawing itself is
//! [`render::drawing`](crate::render::drawing)'s, laid out by stress
//! majorisation, so the same network gives the same bytes.

use crate::discourse::Network;
use crate::discourse::export::number;

impl Network {
    /// The most nodes [`Network::to_svg`] draws (the strongest, by the sum
    /// of their ties' absolute values).
    pub const SVG_MAX_NODES: usize = 300;

    /// The network drawn as a standalone SVG document, laid out by stress
    /// majorisation (the same network gives the same bytes). Rows and, for
    /// affiliation networks, columns are nodes; positive ties are solid
    /// green, negative ones (and every tie of a `conflict` network) dashed
    /// red, thicker for larger values; every node and tie has a `<title>`
    /// tooltip. With negative ties, the two camps of the frustration index
    /// (a heuristic search of at most a second) are shaded. Above
    /// [`Network::SVG_MAX_NODES`] nodes only the strongest are drawn, and
    /// the drawing's description says so.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, discourse::{NetworkMode, NetworkOptions, NetworkType}};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: Alpha, kind: state}, {id: b, name: Beta, kind: state}]
    /// issues: [{id: x, name: X}]
    /// positions: [{actor: a, issue: x, stance: support}, {actor: b, issue: x, stance: oppose}]
    /// ")?;
    /// let n = s.network(&NetworkOptions::new(NetworkMode::Actor, NetworkType::Subtract))?;
    /// let svg = n.to_svg();
    /// assert!(svg.contains("<g class=\"link conflict\">"));
    /// assert_eq!(svg.matches("<g class=\"node ").count(), 2);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn to_svg(&self) -> String {
        use crate::render::drawing::{Drawing, LinkKind, LinkSpec, NodeSpec, Shape};
        let one_mode = self.is_one_mode();
        let rows = self.rows.len();
        let total = if one_mode {
            rows
        } else {
            rows + self.columns.len()
        };
        let column_node = |c: usize| if one_mode { c } else { rows + c };
        let mut strength = vec![0.0f64; total];
        for (r, c, v) in self.edges() {
            strength[r] += v.abs();
            strength[column_node(c)] += v.abs();
        }
        let mut order: Vec<usize> = (0..total).collect();
        order.sort_by(|&a, &b| strength[b].total_cmp(&strength[a]).then(a.cmp(&b)));
        order.truncate(Self::SVG_MAX_NODES);
        order.sort_unstable();
        let mut slot = vec![usize::MAX; total];
        for (i, &v) in order.iter().enumerate() {
            slot[v] = i;
        }
        // Rows are issues only in the one-mode issue network.
        let what = match self.options.mode {
            crate::discourse::NetworkMode::Issue => "issue",
            _ => "actor",
        };
        let mut nodes: Vec<NodeSpec> = order
            .iter()
            .map(|&v| {
                let (key, name, kind, shape, colour) = if v < rows {
                    (
                        &self.rows[v],
                        &self.row_names[v],
                        what,
                        Shape::Circle,
                        "#2166ac",
                    )
                } else {
                    let c = v - rows;
                    (
                        &self.columns[c],
                        &self.column_names[c],
                        "issue",
                        Shape::Square,
                        "#35978f",
                    )
                };
                NodeSpec {
                    label: name.clone(),
                    kind: kind.to_owned(),
                    shape,
                    colour,
                    radius: 8.0,
                    tooltip: format!("{name} ({key}); ties: {}", number(strength[v])),
                    camp: None,
                    marked: false,
                }
            })
            .collect();
        let mut links = Vec::new();
        let mut signed = Vec::new();
        for (r, c, v) in self.edges() {
            let (a, b) = (slot[r], slot[column_node(c)]);
            if a == usize::MAX || b == usize::MAX || a == b {
                continue;
            }
            let sign = self.sign(v);
            signed.push((a, b, sign));
            links.push(LinkSpec {
                a,
                b,
                kind: if sign < 0 {
                    LinkKind::Conflict
                } else {
                    LinkKind::Agreement
                },
                weight: v.abs(),
                tooltip: format!("{} — {}: {}", nodes[a].label, nodes[b].label, number(v)),
                label: None,
            });
        }
        let mut camps_shown = false;
        if signed.iter().any(|e| e.2 < 0) {
            let labels = nodes.iter().map(|n| n.label.clone()).collect();
            if let Ok(graph) = crate::balance::SignedGraph::from_edges(labels, &signed) {
                let options = crate::balance::FrustrationOptions::new()
                    .with_time_limit(std::time::Duration::from_secs(1));
                let f = graph.frustration(&options);
                for (camp, members) in f.camps.iter().enumerate() {
                    for &v in members {
                        if graph.degree(v) > 0 {
                            nodes[v].camp = Some(camp);
                            camps_shown = true;
                        }
                    }
                }
            }
        }
        let description = format!(
            "{} of {} nodes{}, {} ties: positive ties solid green, negative ties dashed red, thicker for larger values{}.",
            nodes.len(),
            total,
            if nodes.len() < total {
                " (the strongest)"
            } else {
                ""
            },
            links.len(),
            if camps_shown {
                "; shaded: the two camps of the structural balance"
            } else {
                ""
            }
        );
        let drawing = Drawing {
            title: format!(
                "{} network ({})",
                match self.options.mode {
                    crate::discourse::NetworkMode::Actor => "Actor",
                    crate::discourse::NetworkMode::Issue => "Issue",
                    _ => "Affiliation",
                },
                self.options.kind.as_str()
            ),
            description,
            nodes,
            links,
            camp_names: camps_shown.then(|| ["camp 1".to_owned(), "camp 2".to_owned()]),
        };
        let mut svg = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.push_str(&drawing.svg("network"));
        svg
    }
}
