//! An SVG drawing of a signed network: nodes shaped and coloured by kind,
//! agreement and conflict ties told apart by colour *and* dash (so the
//! drawing reads in grey-scale), membership and speaks-for links, the
//! contradictions between actors, the balance camps shaded, and a `<title>`
//! tooltip on every node and tie. The layout is
//! [stress majorisation](crate::render::layout), so the same network gives the same
//! bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::render::layout::stress_layout;
use crate::util::escape::escape_display as escape;
use crate::util::words::shorten_middle;

/// The drawing's width in SVG units (pixels at 100%).
const WIDTH: f64 = 960.0;
const MARGIN_X: f64 = 24.0;
const MARGIN_TOP: f64 = 28.0;
const MARGIN_BOTTOM: f64 = 24.0;
const LEGEND_HEIGHT: f64 = 64.0;
const FONT_SIZE: f64 = 12.0;
/// Average advance of a character at `FONT_SIZE`, for label boxes.
const MAX_LABEL_CHARS: usize = 26;

/// About how wide `text` is at `FONT_SIZE` in a sans-serif face: wide
/// letters, narrow punctuation, and full-width scripts (CJK, emoji) apart.
fn text_width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'W' | 'M' | 'm' | 'w' | '@' | '%' => 10.0,
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 3.5,
            'A'..='Z' => 8.0,
            ' ' | '(' | ')' | '-' | 'f' | 't' | 'r' => 4.5,
            c if c.is_ascii() => 6.6,
            '\u{1100}'..='\u{115f}'
            | '\u{2e80}'..='\u{a4cf}'
            | '\u{ac00}'..='\u{d7a3}'
            | '\u{f900}'..='\u{faff}'
            | '\u{fe30}'..='\u{fe4f}'
            | '\u{ff00}'..='\u{ff60}'
            | '\u{1f300}'..='\u{1faff}'
            | '\u{20000}'..='\u{3fffd}' => 12.5,
            _ => 7.5,
        })
        .sum()
}

pub(crate) const AGREEMENT_COLOUR: &str = "#1b7837";
pub(crate) const CONFLICT_COLOUR: &str = "#b2182b";
pub(crate) const CONTRADICTION_COLOUR: &str = "#762a83";
const LINK_GREY: &str = "#8c8c8c";
pub(crate) const CAMP_COLOURS: [&str; 2] = ["#2166ac", "#e08214"];
const CAMP_OPACITY: [f64; 2] = [0.14, 0.20];

/// How a node is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Circle,
    Hexagon,
    Square,
    Diamond,
    Triangle,
}

/// One node of a drawing.
#[derive(Clone, Debug)]
pub(crate) struct NodeSpec {
    /// The label under the node (shortened when long).
    pub label: String,
    /// The kind, as a word (a CSS class and the legend's entry).
    pub kind: String,
    pub shape: Shape,
    pub colour: &'static str,
    pub radius: f64,
    /// The tooltip, plain text.
    pub tooltip: String,
    /// The balance camp (0 or 1), if any.
    pub camp: Option<usize>,
    /// Part of a contradiction: drawn with a ring.
    pub marked: bool,
}

/// What a link stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LinkKind {
    Membership,
    SpeaksFor,
    Agreement,
    Conflict,
    Contradiction,
}

impl LinkKind {
    fn class(self) -> &'static str {
        match self {
            LinkKind::Membership => "membership",
            LinkKind::SpeaksFor => "speaks-for",
            LinkKind::Agreement => "agreement",
            LinkKind::Conflict => "conflict",
            LinkKind::Contradiction => "contradiction",
        }
    }

    /// Colour, dash pattern and base width.
    fn style(self) -> (&'static str, Option<&'static str>, f64) {
        match self {
            LinkKind::Membership => (LINK_GREY, None, 1.0),
            LinkKind::SpeaksFor => (LINK_GREY, Some("1 3"), 1.2),
            LinkKind::Agreement => (AGREEMENT_COLOUR, None, 1.4),
            LinkKind::Conflict => (CONFLICT_COLOUR, Some("7 4"), 1.4),
            LinkKind::Contradiction => (CONTRADICTION_COLOUR, Some("1 5"), 3.4),
        }
    }

    /// The ideal length in the layout, and whether the pair is only kept
    /// apart (conflicts) rather than drawn together.
    fn length(self) -> Option<(f64, bool)> {
        match self {
            LinkKind::Membership => Some((1.3, false)),
            LinkKind::SpeaksFor => Some((0.7, false)),
            LinkKind::Agreement => Some((1.0, false)),
            LinkKind::Conflict => Some((2.6, true)),
            LinkKind::Contradiction => None,
        }
    }

    fn legend(self) -> &'static str {
        match self {
            LinkKind::Membership => "member of",
            LinkKind::SpeaksFor => "speaks for",
            LinkKind::Agreement => "agreement",
            LinkKind::Conflict => "conflict",
            LinkKind::Contradiction => "contradiction",
        }
    }
}

/// One link of a drawing.
#[derive(Clone, Debug)]
pub(crate) struct LinkSpec {
    pub a: usize,
    pub b: usize,
    pub kind: LinkKind,
    /// Thickness grows with the logarithm of the weight.
    pub weight: f64,
    /// The tooltip, plain text.
    pub tooltip: String,
    /// A short label written at the link's middle (contradictions).
    pub label: Option<String>,
}

/// A network ready to draw.
#[derive(Clone, Debug, Default)]
pub(crate) struct Drawing {
    /// The SVG's `<title>`.
    pub title: String,
    /// The SVG's `<desc>`: what the drawing shows, in words.
    pub description: String,
    pub nodes: Vec<NodeSpec>,
    pub links: Vec<LinkSpec>,
    /// Names of the two camps, for the legend (when camps are shaded).
    pub camp_names: Option<[String; 2]>,
}

struct Placed {
    x: f64,
    y: f64,
    half_width: f64,
}

impl Drawing {
    /// The standalone SVG document (also inlined in the HTML report).
    pub(crate) fn svg(&self, id: &str) -> String {
        let placed = self.place();
        let height = placed.height;
        let total = height + LEGEND_HEIGHT;
        let mut out = String::with_capacity(4096 + 600 * (self.nodes.len() + self.links.len()));
        let _ = write!(
            out,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="network" id="{id}" viewBox="0 0 {WIDTH} {total:.0}" width="{WIDTH}" height="{total:.0}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif" font-size="{FONT_SIZE}">"#
        );
        let _ = write!(
            out,
            "\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
            escape(&self.title),
            escape(&self.description)
        );
        let _ = writeln!(
            out,
            r##"<rect x="0" y="0" width="{WIDTH}" height="{total:.0}" fill="#ffffff"/>"##
        );
        self.write_camps(&mut out, &placed.nodes);
        self.write_links(&mut out, &placed.nodes);
        self.write_nodes(&mut out, &placed.nodes);
        self.write_legend(&mut out, height);
        out.push_str("</svg>\n");
        out
    }

    fn label(&self, i: usize) -> String {
        shorten_middle(&self.nodes[i].label, MAX_LABEL_CHARS)
    }

    /// Layout, scaled to the canvas, with labels pushed apart.
    fn place(&self) -> Layout {
        let n = self.nodes.len();
        let xy = self.pack();
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
        for (i, p) in xy.iter().enumerate() {
            if i == 0 {
                (min_x, max_x, min_y, max_y) = (p[0], p[0], p[1], p[1]);
            }
            min_x = min_x.min(p[0]);
            max_x = max_x.max(p[0]);
            min_y = min_y.min(p[1]);
            max_y = max_y.max(p[1]);
        }
        let widest = (0..n).map(|i| self.half_width(i)).fold(40.0_f64, f64::max);
        let span_x = (max_x - min_x).max(1e-6);
        let span_y = (max_y - min_y).max(1e-6);
        let inner_width = WIDTH - 2.0 * (MARGIN_X + widest);
        // Height follows the layout's shape, within reason; more nodes get
        // more room.
        let room = 380.0 + 12.0 * n as f64;
        // Enough room for every node's box (shape and label) with some slack,
        // whatever the layout's shape, so that labels can be pushed apart.
        let boxes: f64 = (0..n)
            .map(|i| {
                let r = self.nodes[i].radius;
                (2.0 * self.half_width(i) + 8.0) * (2.0 * r + FONT_SIZE + 17.0)
            })
            .sum();
        let needed = (1.6 * boxes / inner_width).min(2400.0);
        let inner_height = (inner_width * span_y / span_x)
            .clamp(140.0_f64.min(room), room.min(720.0))
            .max(needed);
        // One scale, stretched up to 1.5 times along the roomier axis.
        let scale = (inner_width / span_x).min(inner_height / span_y);
        let scale_x = (inner_width / span_x).min(1.5 * scale);
        let scale_y = (inner_height / span_y).min(1.5 * scale);
        let height = MARGIN_TOP + inner_height + MARGIN_BOTTOM + 30.0;
        let (cx, cy) = ((min_x + max_x) / 2.0, (min_y + max_y) / 2.0);
        let mut nodes: Vec<Placed> = xy
            .iter()
            .enumerate()
            .map(|(i, p)| Placed {
                x: WIDTH / 2.0 + (p[0] - cx) * scale_x,
                y: MARGIN_TOP + inner_height / 2.0 + (p[1] - cy) * scale_y,
                half_width: self.half_width(i),
            })
            .collect();
        self.separate(&mut nodes, height);
        // Trim the blank bands above and below the drawing.
        let top = (0..n)
            .map(|i| nodes[i].y - self.nodes[i].radius - 3.0)
            .fold(f64::INFINITY, f64::min);
        let bottom = (0..n)
            .map(|i| nodes[i].y + self.nodes[i].radius + FONT_SIZE + 6.0)
            .fold(f64::NEG_INFINITY, f64::max);
        let height = if top.is_finite() && bottom.is_finite() {
            let shift = top - MARGIN_TOP;
            for p in &mut nodes {
                p.y -= shift;
            }
            (bottom - shift + MARGIN_BOTTOM).max(120.0)
        } else {
            height
        };
        Layout { nodes, height }
    }

    /// Lays out each connected part on its own and packs the parts in
    /// shelves, largest first; nodes without links go last, in a row, so
    /// that they do not squeeze the rest.
    fn pack(&self) -> Vec<[f64; 2]> {
        const GAP: f64 = 1.2;
        let n = self.nodes.len();
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut v: usize) -> usize {
            while parent[v] != v {
                parent[v] = parent[parent[v]];
                v = parent[v];
            }
            v
        }
        let laid: Vec<(usize, usize, f64, bool)> = self
            .links
            .iter()
            .filter(|l| l.a < n && l.b < n && l.a != l.b)
            .filter_map(|l| l.kind.length().map(|(len, repel)| (l.a, l.b, len, repel)))
            .collect();
        for &(a, b, _, _) in &laid {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
        let mut parts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for v in 0..n {
            let r = root(&mut parent, v);
            parts.entry(r).or_default().push(v);
        }
        let (mut alone, mut parts): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
            parts.into_values().partition(|p| p.len() == 1);
        parts.sort_by_key(|p| (std::cmp::Reverse(p.len()), p[0]));
        alone.sort();
        // Each part's layout, moved so that its box starts at the origin.
        // Per part: its nodes, their positions, its width and height.
        type Part = (Vec<usize>, Vec<[f64; 2]>, f64, f64);
        let mut boxes: Vec<Part> = Vec::new();
        for part in parts {
            let mut local = vec![usize::MAX; n];
            for (i, &v) in part.iter().enumerate() {
                local[v] = i;
            }
            let mut attract = Vec::new();
            let mut apart = Vec::new();
            for &(a, b, length, repel) in &laid {
                if local[a] != usize::MAX && local[b] != usize::MAX {
                    let link = (local[a], local[b], length);
                    if repel {
                        apart.push(link)
                    } else {
                        attract.push(link)
                    }
                }
            }
            let mut xy = stress_layout(part.len(), &attract, &apart);
            let min_x = xy.iter().map(|p| p[0]).fold(f64::INFINITY, f64::min);
            let min_y = xy.iter().map(|p| p[1]).fold(f64::INFINITY, f64::min);
            for p in &mut xy {
                p[0] -= min_x;
                p[1] -= min_y;
            }
            let w = xy.iter().map(|p| p[0]).fold(0.0, f64::max);
            let h = xy.iter().map(|p| p[1]).fold(0.0, f64::max);
            boxes.push((part, xy, w, h));
        }
        let area: f64 = boxes.iter().map(|b| (b.2 + GAP) * (b.3 + GAP)).sum::<f64>()
            + alone.len() as f64 * GAP * GAP;
        let widest = boxes.iter().map(|b| b.2).fold(0.0, f64::max);
        let shelf_width = widest.max(1.6 * area.sqrt());
        let mut out = vec![[0.0, 0.0]; n];
        let (mut x, mut y, mut shelf_height) = (0.0_f64, 0.0_f64, 0.0_f64);
        let place = |w: f64, h: f64, x: &mut f64, y: &mut f64, shelf_height: &mut f64| {
            if *x > 0.0 && *x + w > shelf_width {
                *x = 0.0;
                *y += *shelf_height + GAP;
                *shelf_height = 0.0;
            }
            let at = (*x, *y);
            *x += w + GAP;
            *shelf_height = shelf_height.max(h);
            at
        };
        for (part, xy, w, h) in &boxes {
            let (ox, oy) = place(*w, *h, &mut x, &mut y, &mut shelf_height);
            for (i, &v) in part.iter().enumerate() {
                out[v] = [ox + xy[i][0], oy + xy[i][1]];
            }
        }
        if !boxes.is_empty() && !alone.is_empty() {
            // Nodes without links start a shelf of their own, close by.
            x = 0.0;
            y += shelf_height + GAP / 2.0;
            shelf_height = 0.0;
        }
        for part in &alone {
            let (ox, oy) = place(0.0, 0.0, &mut x, &mut y, &mut shelf_height);
            out[part[0]] = [ox, oy];
        }
        out
    }

    fn half_width(&self, i: usize) -> f64 {
        (text_width(&self.label(i)) / 2.0 + 3.0).max(self.nodes[i].radius + 3.0)
    }

    /// Pushes apart nodes whose boxes (shape and label) overlap, a few
    /// hundred passes at most, keeping them on the canvas.
    fn separate(&self, nodes: &mut [Placed], height: f64) {
        let n = nodes.len();
        let top = |i: usize| self.nodes[i].radius + 3.0;
        let bottom = |i: usize| self.nodes[i].radius + FONT_SIZE + 6.0;
        for _ in 0..300 {
            let mut moved = false;
            for i in 0..n {
                for j in i + 1..n {
                    let (a, b) = (&nodes[i], &nodes[j]);
                    let overlap_x = a.half_width + b.half_width - (a.x - b.x).abs();
                    let (upper, lower) = if a.y <= b.y { (i, j) } else { (j, i) };
                    let overlap_y = bottom(upper) + top(lower) - (nodes[lower].y - nodes[upper].y);
                    if overlap_x <= 0.0 || overlap_y <= 0.0 {
                        continue;
                    }
                    moved = true;
                    if overlap_x < overlap_y {
                        let shift = overlap_x / 2.0 + 0.5;
                        let (left, right) = if nodes[i].x <= nodes[j].x {
                            (i, j)
                        } else {
                            (j, i)
                        };
                        nodes[left].x -= shift;
                        nodes[right].x += shift;
                    } else {
                        let shift = overlap_y / 2.0 + 0.5;
                        nodes[upper].y -= shift;
                        nodes[lower].y += shift;
                    }
                }
            }
            for (i, p) in nodes.iter_mut().enumerate() {
                p.x = p.x.clamp(p.half_width + 4.0, WIDTH - p.half_width - 4.0);
                p.y = p.y.clamp(top(i) + 4.0, height - bottom(i) - 4.0);
            }
            if !moved {
                break;
            }
        }
    }

    fn write_camps(&self, out: &mut String, at: &[Placed]) {
        for (camp, colour) in CAMP_COLOURS.iter().enumerate() {
            let members: Vec<usize> = (0..self.nodes.len())
                .filter(|&i| self.nodes[i].camp == Some(camp))
                .collect();
            if members.is_empty() {
                continue;
            }
            // One group with the opacity: overlapping discs merge into one
            // evenly shaded area.
            let _ = writeln!(
                out,
                r#"<g class="camp" data-camp="{}" fill="{colour}" opacity="{}">"#,
                camp + 1,
                CAMP_OPACITY[camp]
            );
            for i in members {
                let _ = writeln!(
                    out,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}"/>"#,
                    at[i].x,
                    at[i].y,
                    self.nodes[i].radius + 22.0
                );
            }
            out.push_str("</g>\n");
        }
    }

    fn write_links(&self, out: &mut String, at: &[Placed]) {
        // Parallel links of one pair are bent apart.
        let mut per_pair: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        let mut order: Vec<usize> = (0..self.links.len()).collect();
        order.sort_by_key(|&l| (self.links[l].kind, l));
        let mut slots = vec![0usize; self.links.len()];
        for &l in &order {
            let link = &self.links[l];
            let key = (link.a.min(link.b), link.a.max(link.b));
            let count = per_pair.entry(key).or_default();
            slots[l] = *count;
            *count += 1;
        }
        out.push_str("<g class=\"links\" fill=\"none\" stroke-linecap=\"round\">\n");
        let mut placed_labels: Vec<(f64, f64, f64)> = Vec::new();
        for &l in &order {
            let link = &self.links[l];
            let (Some(a), Some(b)) = (at.get(link.a), at.get(link.b)) else {
                continue;
            };
            let key = (link.a.min(link.b), link.a.max(link.b));
            let parallel = per_pair.get(&key).copied().unwrap_or(1);
            let slot = slots[l];
            // Offsets 0, +1, −1, +2, … centred on the straight line.
            let mut offset = if parallel == 1 {
                0.0
            } else {
                let k = slot as f64 - (parallel as f64 - 1.0) / 2.0;
                k * 16.0
            };
            // Contradictions always bend, so that they stand apart from the
            // ties and do not run through the nodes between their ends.
            if link.kind == LinkKind::Contradiction {
                offset += if offset >= 0.0 { 22.0 } else { -22.0 };
            }
            let (x1, y1, x2, y2) = if link.a <= link.b {
                (a.x, a.y, b.x, b.y)
            } else {
                (b.x, b.y, a.x, a.y)
            };
            // The path, and its control point when it bends.
            let (path, control) = if offset == 0.0 {
                (
                    format!("M{x1:.1} {y1:.1}L{x2:.1} {y2:.1}"),
                    ((x1 + x2) / 2.0, (y1 + y2) / 2.0),
                )
            } else {
                let (dx, dy) = (x2 - x1, y2 - y1);
                let length = (dx * dx + dy * dy).sqrt().max(1e-6);
                let (nx, ny) = (-dy / length, dx / length);
                let (mx, my) = (
                    (x1 + x2) / 2.0 + 2.0 * offset * nx,
                    (y1 + y2) / 2.0 + 2.0 * offset * ny,
                );
                (
                    format!("M{x1:.1} {y1:.1}Q{mx:.1} {my:.1} {x2:.1} {y2:.1}"),
                    (mx, my),
                )
            };
            let (colour, dash, base) = link.kind.style();
            let width = match link.kind {
                LinkKind::Agreement | LinkKind::Conflict => {
                    // Grows like the square root (no logarithm: see the
                    // layout's note on platforms).
                    (base + 1.1 * (link.weight.max(1.0).sqrt() - 1.0)).min(9.0)
                }
                _ => base,
            };
            let dash = dash
                .map(|d| format!(r#" stroke-dasharray="{d}""#))
                .unwrap_or_default();
            // A point along the (quadratic) path.
            let along = |t: f64| {
                let u = 1.0 - t;
                (
                    u * u * x1 + 2.0 * u * t * control.0 + t * t * x2,
                    u * u * y1 + 2.0 * u * t * control.1 + t * t * y2,
                )
            };
            let label = link
                .label
                .as_ref()
                .map(|text| {
                    // The first place along the path where the label covers
                    // no node, no node's label and no other link label.
                    let half = text.chars().count() as f64 * 3.1 + 2.0;
                    let clear = |(px, py): (f64, f64)| {
                        let (top, bottom) = (py - 14.0, py);
                        let nodes_clear = at.iter().enumerate().all(|(i, n)| {
                            let r = self.nodes[i].radius;
                            (px - n.x).abs() >= half + n.half_width
                                || bottom <= n.y - r - 3.0
                                || top >= n.y + r + FONT_SIZE + 6.0
                        });
                        nodes_clear
                            && placed_labels.iter().all(|&(lx, ly, lh): &(f64, f64, f64)| {
                                (px - lx).abs() >= half + lh || (py - ly).abs() >= 14.0
                            })
                    };
                    let middle = [-4.0, 15.0, -16.0]
                        .into_iter()
                        .flat_map(|dy| {
                            [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].into_iter().map(move |t| (t, dy))
                        })
                        .map(|(t, dy)| {
                            let (px, py) = along(t);
                            (px, py + dy)
                        })
                        .find(|&p| clear(p))
                        .unwrap_or_else(|| {
                            let (px, py) = along(0.5);
                            (px, py - 4.0)
                        });
                    placed_labels.push((middle.0, middle.1, half));
                    format!(
                        r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" font-weight="700" fill="{colour}" stroke="#ffffff" stroke-width="3.5" paint-order="stroke" stroke-linejoin="round">{}</text>"##,
                        middle.0,
                        middle.1,
                        escape(text)
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                out,
                r#"<g class="link {}"><title>{}</title><path d="{path}" stroke="transparent" stroke-width="{:.1}"/><path d="{path}" stroke="{colour}" stroke-width="{width:.1}"{dash}/>{label}</g>"#,
                link.kind.class(),
                escape(&link.tooltip),
                (width + 8.0).max(10.0)
            );
        }
        out.push_str("</g>\n");
    }

    fn write_nodes(&self, out: &mut String, at: &[Placed]) {
        out.push_str("<g class=\"nodes\">\n");
        for (i, node) in self.nodes.iter().enumerate() {
            let p = &at[i];
            let _ = write!(
                out,
                r#"<g class="node {}"><title>{}</title>"#,
                node.kind,
                escape(&node.tooltip)
            );
            if node.marked {
                let _ = write!(
                    out,
                    r#"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="{CONTRADICTION_COLOUR}" stroke-width="3"/>"#,
                    p.x,
                    p.y,
                    node.radius + 5.0
                );
            }
            out.push_str(&shape(node.shape, p.x, p.y, node.radius, node.colour));
            let _ = writeln!(
                out,
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#1a1a1a" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">{}</text></g>"##,
                p.x,
                p.y + node.radius + FONT_SIZE + 1.0,
                escape(&self.label(i))
            );
        }
        out.push_str("</g>\n");
    }

    fn write_legend(&self, out: &mut String, top: f64) {
        let y = top + 18.0;
        let _ = writeln!(
            out,
            r##"<g class="legend" font-size="11" fill="#1a1a1a"><line x1="12" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#d0d0d0"/>"##,
            top + 2.0,
            WIDTH - 12.0,
            top + 2.0
        );
        let mut x = 16.0;
        let present: Vec<LinkKind> = {
            let mut kinds: Vec<LinkKind> = self.links.iter().map(|l| l.kind).collect();
            kinds.sort();
            kinds.dedup();
            kinds
        };
        for kind in [
            LinkKind::Agreement,
            LinkKind::Conflict,
            LinkKind::Contradiction,
            LinkKind::Membership,
            LinkKind::SpeaksFor,
        ] {
            if !present.contains(&kind) {
                continue;
            }
            let (colour, dash, base) = kind.style();
            let dash = dash
                .map(|d| format!(r#" stroke-dasharray="{d}""#))
                .unwrap_or_default();
            let width = if kind == LinkKind::Contradiction {
                base
            } else {
                base + 1.0
            };
            let _ = write!(
                out,
                r#"<path d="M{x:.1} {y:.1}h34" stroke="{colour}" stroke-width="{width:.1}" stroke-linecap="round" fill="none"{dash}/><text x="{:.1}" y="{:.1}">{}</text>"#,
                x + 40.0,
                y + 4.0,
                kind.legend()
            );
            x += 48.0 + kind.legend().len() as f64 * 6.2 + 14.0;
        }
        // Node kinds present, in order of first appearance.
        let mut kinds: Vec<(&str, Shape, &str)> = Vec::new();
        for node in &self.nodes {
            if !kinds.iter().any(|k| k.0 == node.kind) {
                kinds.push((&node.kind, node.shape, node.colour));
            }
        }
        let y2 = y + 24.0;
        let mut x2 = 16.0;
        for (kind, s, colour) in kinds {
            out.push_str(&shape(s, x2 + 6.0, y2, 6.0, colour));
            let _ = write!(
                out,
                r#"<text x="{:.1}" y="{:.1}">{}</text>"#,
                x2 + 16.0,
                y2 + 4.0,
                escape(kind)
            );
            x2 += 30.0 + kind.len() as f64 * 6.2;
        }
        if self.nodes.iter().any(|n| n.marked) {
            let _ = write!(
                out,
                r#"<circle cx="{:.1}" cy="{y2:.1}" r="7" fill="none" stroke="{CONTRADICTION_COLOUR}" stroke-width="3"/><text x="{:.1}" y="{:.1}">in a contradiction</text>"#,
                x2 + 6.0,
                x2 + 18.0,
                y2 + 4.0
            );
            x2 += 140.0;
        }
        if let Some(names) = &self.camp_names {
            for (camp, name) in names.iter().enumerate() {
                let _ = write!(
                    out,
                    r#"<circle cx="{:.1}" cy="{y2:.1}" r="8" fill="{}" opacity="{}"/><text x="{:.1}" y="{:.1}">{}</text>"#,
                    x2 + 6.0,
                    CAMP_COLOURS[camp],
                    CAMP_OPACITY[camp] * 2.0,
                    x2 + 18.0,
                    y2 + 4.0,
                    escape(name)
                );
                x2 += 30.0 + name.chars().count() as f64 * 6.2;
            }
        }
        out.push_str("</g>\n");
    }
}

struct Layout {
    nodes: Vec<Placed>,
    height: f64,
}

/// The SVG element of a node shape centred at (x, y).
fn shape(shape: Shape, x: f64, y: f64, r: f64, colour: &str) -> String {
    let stroke = r##"stroke="#ffffff" stroke-width="1.5""##;
    // Corners on the unit circle, as constants (no trigonometry at run
    // time, so every platform writes the same digits).
    const HALF_ROOT_3: f64 = 0.866_025_403_784_438_6;
    let polygon = |corners: &[(f64, f64)], scale: f64| {
        let points: Vec<String> = corners
            .iter()
            .map(|(cx, cy)| format!("{:.1},{:.1}", x + scale * r * cx, y + scale * r * cy))
            .collect();
        format!(
            r#"<polygon points="{}" fill="{colour}" {stroke}/>"#,
            points.join(" ")
        )
    };
    match shape {
        Shape::Circle => {
            format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{colour}" {stroke}/>"#)
        }
        Shape::Square => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="2" fill="{colour}" {stroke}/>"#,
            x - r * 0.9,
            y - r * 0.9,
            r * 1.8,
            r * 1.8
        ),
        Shape::Hexagon => polygon(
            &[
                (1.0, 0.0),
                (0.5, HALF_ROOT_3),
                (-0.5, HALF_ROOT_3),
                (-1.0, 0.0),
                (-0.5, -HALF_ROOT_3),
                (0.5, -HALF_ROOT_3),
            ],
            1.15,
        ),
        Shape::Diamond => polygon(&[(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)], 1.2),
        Shape::Triangle => polygon(&[(0.0, -1.0), (HALF_ROOT_3, 0.5), (-HALF_ROOT_3, 0.5)], 1.3),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(label: &str) -> NodeSpec {
        NodeSpec {
            label: label.to_owned(),
            kind: "state".to_owned(),
            shape: Shape::Circle,
            colour: "#0072b2",
            radius: 9.0,
            tooltip: format!("{label} <tip>"),
            camp: Some(0),
            marked: false,
        }
    }

    #[test]
    fn the_svg_is_well_formed_xml_with_every_node_and_link() {
        let drawing = Drawing {
            title: "A & B".into(),
            description: "d".into(),
            nodes: vec![node("A"), node("B <b>"), node("C")],
            links: vec![
                LinkSpec {
                    a: 0,
                    b: 1,
                    kind: LinkKind::Agreement,
                    weight: 2.0,
                    tooltip: "x".into(),
                    label: None,
                },
                LinkSpec {
                    a: 0,
                    b: 1,
                    kind: LinkKind::Conflict,
                    weight: 1.0,
                    tooltip: "y".into(),
                    label: None,
                },
                LinkSpec {
                    a: 1,
                    b: 2,
                    kind: LinkKind::Contradiction,
                    weight: 1.0,
                    tooltip: "z".into(),
                    label: Some("deadlock".into()),
                },
            ],
            camp_names: None,
        };
        let svg = drawing.svg("n");
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let count = |class: &str| {
            doc.descendants()
                .filter(|n| {
                    n.attribute("class")
                        .is_some_and(|c| c.split(' ').any(|w| w == class))
                })
                .count()
        };
        assert_eq!(count("node"), 3);
        assert_eq!(count("link"), 3);
        assert_eq!(count("conflict"), 1);
        assert!(svg.contains("B &lt;b&gt;"));
        assert_eq!(svg, drawing.svg("n"), "deterministic");
    }

    #[test]
    fn labels_do_not_overlap_in_a_crowded_drawing() {
        let nodes: Vec<NodeSpec> = (0..40)
            .map(|i| node(&format!("Actor number {i}")))
            .collect();
        let links: Vec<LinkSpec> = (0..40)
            .flat_map(|i| (i + 1..40).map(move |j| (i, j)))
            .map(|(a, b)| LinkSpec {
                a,
                b,
                kind: LinkKind::Agreement,
                weight: 1.0,
                tooltip: String::new(),
                label: None,
            })
            .collect();
        let drawing = Drawing {
            nodes,
            links,
            ..Drawing::default()
        };
        let layout = drawing.place();
        let mut overlaps = 0;
        for i in 0..40 {
            for j in i + 1..40 {
                let (a, b) = (&layout.nodes[i], &layout.nodes[j]);
                if (a.x - b.x).abs() < a.half_width + b.half_width - 1.0 && (a.y - b.y).abs() < 24.0
                {
                    overlaps += 1;
                }
            }
        }
        assert_eq!(overlaps, 0);
    }
}
