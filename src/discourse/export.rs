//! Writing networks out: CSV matrices, GraphML, DOT, JSON and edge lists.
//!
//! These are data formats only. [`ExportFormat::Svg`] is the one picture: it
//! calls [`Network::to_svg`], which the render layer defines
//! (`render::network_svg`, with the frustration search that shades its
//! camps), so this module draws nothing.

use std::fmt::Write as _;

use crate::discourse::{Network, NetworkType};
use crate::util::escape::escape;

/// A network export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ExportFormat {
    /// A CSV matrix in DNA's layout: a header row of column labels after an
    /// empty cell, then one row per row label.
    Csv,
    /// GraphML with typed keys (opens in Gephi and visone).
    GraphMl,
    /// Graphviz DOT; positive and negative ties styled apart.
    Dot,
    /// JSON: labels, names, the matrix and the options.
    Json,
    /// An edge list CSV: `source,target,weight,sign`, one row per non-zero cell.
    Edges,
    /// An SVG drawing (the stance report's): nodes, positive ties as solid
    /// green lines and negative ones as dashed red lines, thickness by
    /// weight, the two camps of the structural balance shaded when there are
    /// negative ties; at most [`Network::SVG_MAX_NODES`] nodes, the strongest.
    Svg,
}

impl ExportFormat {
    /// The usual file extension of the format, without the dot: `csv` for
    /// the matrix and the edge list, `graphml`, `dot`, `json`, `svg`.
    ///
    /// ```
    /// use stancegraph::discourse::ExportFormat;
    ///
    /// assert_eq!(ExportFormat::Edges.extension(), "csv");
    /// assert_eq!(ExportFormat::GraphMl.extension(), "graphml");
    /// ```
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv | ExportFormat::Edges => "csv",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Dot => "dot",
            ExportFormat::Json => "json",
            ExportFormat::Svg => "svg",
        }
    }
}

impl std::str::FromStr for ExportFormat {
    type Err = crate::KeywordError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Ok(match text {
            "csv" => ExportFormat::Csv,
            "graphml" => ExportFormat::GraphMl,
            "dot" => ExportFormat::Dot,
            "json" => ExportFormat::Json,
            "edges" => ExportFormat::Edges,
            "svg" => ExportFormat::Svg,
            _ => {
                return Err(crate::KeywordError {
                    what: "export format",
                    value: text.to_owned(),
                    allowed: &["csv", "graphml", "dot", "json", "edges", "svg"],
                });
            }
        })
    }
}

/// How to write exports.
///
/// # Spreadsheet formulas
///
/// A CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage
/// return is run as a formula by Excel, LibreOffice and Google Sheets, so an
/// actor named `=HYPERLINK(...)` in someone else's data could act on the
/// analyst's machine ("CSV injection"). By default, label cells (actor and
/// issue names, never numbers) that start so are written with a leading `'`,
/// which spreadsheets show as text; [`ExportOptions::verbatim`] turns that off
/// for CSV meant for programs. GraphML, DOT and JSON escape every string for
/// their own syntax and need no such step.
///
/// # Examples
///
/// ```
/// use stancegraph::{Scenario, discourse::{ExportFormat, ExportOptions, NetworkMode, NetworkOptions, NetworkType}};
///
/// let s = Scenario::from_yaml_str(r#"
/// actors: [{id: "=1+1", name: A, kind: state}, {id: b, name: B, kind: state}]
/// issues: [{id: x, name: X}]
/// positions: [{actor: "=1+1", issue: x, stance: support}, {actor: b, issue: x, stance: support}]
/// "#)?;
/// let n = s.network(&NetworkOptions::new(NetworkMode::Actor, NetworkType::Congruence))?;
/// assert_eq!(n.export(ExportFormat::Edges), "source,target,weight,sign\n'=1+1,b,1,1\n");
/// let raw = n.export_with(ExportFormat::Edges, &ExportOptions::verbatim());
/// assert_eq!(raw, "source,target,weight,sign\n=1+1,b,1,1\n");
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportOptions {
    /// Prefix CSV label cells that a spreadsheet would run as a formula
    /// with `'` (default: on).
    pub neutralize_formulas: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            neutralize_formulas: true,
        }
    }
}

impl ExportOptions {
    /// Labels exactly as they are, for CSV read by programs.
    pub fn verbatim() -> Self {
        ExportOptions {
            neutralize_formulas: false,
        }
    }

    /// A label cell for CSV under these options.
    pub(crate) fn label(&self, text: &str) -> String {
        if self.neutralize_formulas {
            crate::util::escape::spreadsheet_safe(text)
        } else {
            text.to_owned()
        }
    }
}

/// A cell value as text: whole numbers without a fraction, others in the
/// shortest form that reads back to the same number.
pub(crate) fn number(v: f64) -> String {
    if v.abs() < 1e15 {
        crate::util::number::text(v)
    } else {
        format!("{v}")
    }
}

fn csv_line(fields: impl IntoIterator<Item = String>) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let fields: Vec<String> = fields.into_iter().collect();
    // Writing to memory cannot fail.
    let _ = writer.write_record(&fields);
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn dot_id(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Network {
    /// The network in `format`.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, discourse::{ExportFormat, NetworkMode, NetworkOptions, NetworkType}};
    ///
    /// let s = Scenario::from_yaml_str(r#"
    /// actors: [{id: "A & B", name: A, kind: state}, {id: "C <D>", name: C, kind: state}]
    /// issues: [{id: x, name: X}]
    /// positions:
    ///   - {actor: "A & B", issue: x, stance: support}
    ///   - {actor: "C <D>", issue: x, stance: support}
    /// "#)?;
    /// let n = s.network(&NetworkOptions::new(NetworkMode::Actor, NetworkType::Congruence))?;
    /// assert!(n.export(ExportFormat::GraphMl).contains("A &amp; B"));
    /// assert_eq!(n.export(ExportFormat::Edges), "source,target,weight,sign\nA & B,C <D>,1,1\n");
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn export(&self, format: ExportFormat) -> String {
        self.export_with(format, &ExportOptions::default())
    }

    /// The network in `format`, with `options` (see [`ExportOptions`]).
    pub fn export_with(&self, format: ExportFormat, options: &ExportOptions) -> String {
        match format {
            ExportFormat::Csv => self.csv_matrix(options),
            ExportFormat::GraphMl => self.to_graphml(),
            ExportFormat::Dot => self.to_dot(),
            ExportFormat::Json => format!("{:#}\n", self.to_json()),
            ExportFormat::Edges => self.csv_edges(options),
            ExportFormat::Svg => self.to_svg(),
        }
    }

    /// The non-zero cells as (row, column, value); for one-mode networks
    /// each pair once (row < column).
    pub fn edges(&self) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
        let one_mode = self.is_one_mode();
        (0..self.rows.len()).flat_map(move |r| {
            let start = if one_mode { r + 1 } else { 0 };
            (start..self.columns.len()).filter_map(move |c| {
                let v = self.get(r, c);
                (v != 0.0).then_some((r, c, v))
            })
        })
    }

    /// The matrix as CSV in DNA's layout (labels safe for spreadsheets; see
    /// [`ExportOptions`]).
    pub fn to_csv(&self) -> String {
        self.csv_matrix(&ExportOptions::default())
    }

    fn csv_matrix(&self, options: &ExportOptions) -> String {
        let mut out = csv_line(
            std::iter::once(String::new()).chain(self.columns.iter().map(|c| options.label(c))),
        );
        for (r, label) in self.rows.iter().enumerate() {
            out.push_str(&csv_line(
                std::iter::once(options.label(label)).chain(self.row(r).iter().map(|&v| number(v))),
            ));
        }
        out
    }

    /// The sign of a value: negative values, and every value of a
    /// `conflict` network, are ties of disagreement.
    pub(crate) fn sign(&self, v: f64) -> i8 {
        if v < 0.0 || self.options.kind == NetworkType::Conflict {
            -1
        } else {
            1
        }
    }

    /// The non-zero cells as an edge list CSV (`source,target,weight,sign`;
    /// labels safe for spreadsheets, see [`ExportOptions`]).
    pub fn to_edge_list(&self) -> String {
        self.csv_edges(&ExportOptions::default())
    }

    fn csv_edges(&self, options: &ExportOptions) -> String {
        let mut out = String::from("source,target,weight,sign\n");
        for (r, c, v) in self.edges() {
            out.push_str(&csv_line([
                options.label(&self.rows[r]),
                options.label(&self.columns[c]),
                number(v.abs()),
                self.sign(v).to_string(),
            ]));
        }
        out
    }

    fn node_ids(&self) -> (Vec<String>, Vec<String>) {
        if self.is_one_mode() {
            let ids: Vec<String> = (0..self.rows.len()).map(|i| format!("n{i}")).collect();
            (ids.clone(), ids)
        } else {
            (
                (0..self.rows.len()).map(|i| format!("a{i}")).collect(),
                (0..self.columns.len()).map(|i| format!("i{i}")).collect(),
            )
        }
    }

    /// GraphML with typed keys: node `label`, `name` and `type` (`actor` or
    /// `issue`), edge `weight` (absolute value) and `sign` (1 or −1).
    pub fn to_graphml(&self) -> String {
        let (row_ids, column_ids) = self.node_ids();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
        out.push_str(
            "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        );
        out.push_str("  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n");
        out.push_str("  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n");
        out.push_str(
            "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        );
        out.push_str("  <key id=\"sign\" for=\"edge\" attr.name=\"sign\" attr.type=\"int\"/>\n");
        out.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
        let kind = |row: bool| match (self.options.mode, row) {
            (crate::discourse::NetworkMode::Issue, _)
            | (crate::discourse::NetworkMode::Affiliation, false) => "issue",
            _ => "actor",
        };
        let mut node = |id: &str, label: &str, name: &str, kind: &str| {
            let _ = writeln!(
                out,
                "    <node id=\"{id}\"><data key=\"label\">{}</data><data key=\"name\">{}</data><data key=\"type\">{kind}</data></node>",
                escape(label),
                escape(name)
            );
        };
        for (i, id) in row_ids.iter().enumerate() {
            node(id, &self.rows[i], &self.row_names[i], kind(true));
        }
        if !self.is_one_mode() {
            for (i, id) in column_ids.iter().enumerate() {
                node(id, &self.columns[i], &self.column_names[i], kind(false));
            }
        }
        for (n, (r, c, v)) in self.edges().enumerate() {
            let _ = writeln!(
                out,
                "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\"><data key=\"weight\">{}</data><data key=\"sign\">{}</data></edge>",
                row_ids[r],
                column_ids[c],
                number(v.abs()),
                self.sign(v)
            );
        }
        out.push_str("  </graph>\n</graphml>\n");
        out
    }

    /// Graphviz DOT: agreement-like ties solid, conflict and negative ties
    /// red and dashed (readable in grey-scale), width by weight.
    pub fn to_dot(&self) -> String {
        let (row_ids, column_ids) = self.node_ids();
        let mut out =
            String::from("graph stancegraph {\n  node [shape=box, fontname=\"Helvetica\"];\n");
        let max = self.edges().map(|(_, _, v)| v.abs()).fold(0.0, f64::max);
        // Every node, isolates included, labelled with its key.
        for (id, label) in row_ids.iter().zip(&self.rows) {
            let _ = writeln!(out, "  {id} [label={}];", dot_id(label));
        }
        if !self.is_one_mode() {
            for (id, label) in column_ids.iter().zip(&self.columns) {
                let _ = writeln!(out, "  {id} [label={}, shape=ellipse];", dot_id(label));
            }
        }
        for (r, c, v) in self.edges() {
            let width = if max > 0.0 {
                1.0 + 3.0 * v.abs() / max
            } else {
                1.0
            };
            let style = if self.sign(v) < 0 {
                "color=\"#b2182b\", style=dashed"
            } else {
                "color=\"#2166ac\", style=solid"
            };
            // dot's layout weight must be a whole number; the value goes in a tooltip.
            let _ = writeln!(
                out,
                "  {} -- {} [weight={}, penwidth={width:.2}, tooltip={}, {style}];",
                row_ids[r],
                column_ids[c],
                (v.abs().round() as i64).max(1),
                dot_id(&number(v))
            );
        }
        out.push_str("}\n");
        out
    }

    /// JSON: options, labels, names, the matrix, the span and the count of
    /// positions. [`Network::export`] with [`ExportFormat::Json`] writes it
    /// pretty-printed.
    pub fn to_json(&self) -> serde_json::Value {
        let matrix: Vec<Vec<f64>> = (0..self.rows.len()).map(|r| self.row(r).to_vec()).collect();
        let o = &self.options;
        serde_json::json!({
            "mode": o.mode.as_str(),
            "type": o.kind.as_str(),
            "normalization": o.normalization.as_str(),
            "level": o.level.as_str(),
            "duplicates": o.duplicates.as_str(),
            "from": self.span.0.map(|d| d.to_string()),
            "to": self.span.1.map(|d| d.to_string()),
            "positions": self.positions,
            "rows": self.rows,
            "row_names": self.row_names,
            "columns": self.columns,
            "column_names": self.column_names,
            "matrix": matrix,
        })
    }
}
