//! The HTML report of signed networks — an edge list, or the networks of
//! aggregated event data, one [`SignedGraph`] per period: one
//! self-contained page, or its drawing alone as SVG.
//!
//! What it draws: the network of one period, laid out by stress
//! majorisation (`render::drawing`, as the scenario report and
//! [`Network::to_svg`](crate::discourse::Network::to_svg) draw), positive
//! ties solid green, negative ties dashed red, thicker for heavier ties,
//! every node and tie with a tooltip, the two camps of the frustration index
//! shaded; at most [`GraphReportOptions::max_nodes`] nodes (the strongest,
//! by the total weight of their ties), and the drawing's description says
//! when some are left out. Around it: a summary, with several periods an
//! overview of them all, the structural balance in the words of
//! [`BalanceReport::explain`], the ambivalent pairs and the most central
//! nodes.
//!
//! Guarantees: the page loads nothing (no script, font, image or style
//! sheet from anywhere) and is well-formed XML as well as HTML; every text
//! from the data is escaped; the same graphs and options give the same
//! bytes (unless a frustration time limit stops a search, which then says
//! so, as its result depends on the machine's speed).
//!
//! This file holds the public face and the page's frame; `draw` builds the
//! drawing and `sections` writes the sections.

mod draw;
mod sections;

use std::time::Duration;

use crate::balance::{
    BalanceOptions, BalanceReport, Centrality, FrustrationOptions, SignedGraph, SignificanceOptions,
};
use crate::render::report::{write_page_end, write_page_start};
use crate::{Error, Problem, RecordRef, Result, Section};

/// What a [`GraphReport`] shows and how far it goes.
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use stancegraph::render::GraphReportOptions;
///
/// let options = GraphReportOptions::new()
///     .with_title("Interstate ties")
///     .with_period("2018-06-02")
///     .with_max_nodes(50)
///     .with_time_limit(Duration::from_secs(2))
///     .with_significance(false);
/// assert_eq!(options.max_nodes, 50);
/// assert!(options.significance.is_none());
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GraphReportOptions {
    /// The page's title (default "Signed network").
    pub title: Option<String>,
    /// The period shown in full (drawing, balance, ambivalent pairs,
    /// centrality), as [`SignedGraph::period`] names it; `None`, the
    /// default, shows the last graph.
    pub period: Option<String>,
    /// Draw at most this many nodes, the strongest by the total weight of
    /// their ties (default 100, at most [`GraphReportOptions::MAX_NODES`]).
    pub max_nodes: usize,
    /// How to compute the frustration index of every period (default:
    /// automatic, with a 10-second limit per period).
    pub frustration: FrustrationOptions,
    /// The significance test of the period shown (default on, with
    /// [`SignificanceOptions::new`]); it runs on graphs of up to
    /// [`SignificanceOptions::DEFAULT_MAX_EDGES`] ties, and the page says
    /// when it was left out.
    pub significance: Option<SignificanceOptions>,
}

impl GraphReportOptions {
    /// The largest [`GraphReportOptions::max_nodes`] accepted: more nodes
    /// than that are no longer legible (and the layout is cubic).
    pub const MAX_NODES: usize = 300;
    /// The default [`GraphReportOptions::max_nodes`].
    pub const DEFAULT_MAX_NODES: usize = 100;
    /// The default time limit of the shown period's frustration search (the
    /// overview's other periods share one more).
    pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(10);

    /// The defaults.
    pub fn new() -> Self {
        GraphReportOptions::default()
    }

    /// Sets [`GraphReportOptions::title`].
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets [`GraphReportOptions::period`].
    pub fn with_period(mut self, period: impl Into<String>) -> Self {
        self.period = Some(period.into());
        self
    }

    /// Sets [`GraphReportOptions::max_nodes`].
    pub fn with_max_nodes(mut self, max: usize) -> Self {
        self.max_nodes = max;
        self
    }

    /// Sets the time limit of the shown period's frustration search; the
    /// overview's other periods share one more such limit between them.
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.frustration = self.frustration.with_time_limit(limit);
        self
    }

    /// Sets [`GraphReportOptions::frustration`].
    pub fn with_frustration(mut self, options: FrustrationOptions) -> Self {
        self.frustration = options;
        self
    }

    /// Turns the significance test on (with [`SignificanceOptions::new`])
    /// or off.
    pub fn with_significance(mut self, on: bool) -> Self {
        self.significance = on.then(SignificanceOptions::new);
        self
    }
}

impl Default for GraphReportOptions {
    fn default() -> Self {
        GraphReportOptions {
            title: None,
            period: None,
            max_nodes: Self::DEFAULT_MAX_NODES,
            frustration: FrustrationOptions::new().with_time_limit(Self::DEFAULT_TIME_LIMIT),
            significance: Some(SignificanceOptions::new()),
        }
    }
}

/// One period in the overview of a [`GraphReport`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PeriodSummary {
    /// The period ([`SignedGraph::period`]), or `None` for a graph without.
    pub period: Option<String>,
    /// Its nodes.
    pub nodes: usize,
    /// Its ties.
    pub ties: usize,
    /// Its frustration index ([`SignedGraph::frustration`]).
    pub frustration: f64,
    /// The proven lower bound of the index (equal to it when exact).
    pub lower_bound: f64,
    /// Whether that index is proven the least.
    pub exact: bool,
}

/// The report of one or more signed graphs, rendered as a self-contained
/// HTML page ([`GraphReport::render_html`]) or the network drawing alone
/// ([`GraphReport::render_svg`]).
///
/// The page has a header, with several graphs an **overview** of the
/// periods (nodes, ties, frustration index, proven or not), then for the
/// period shown ([`GraphReportOptions::period`], the last by default) a
/// **summary** (nodes, ties, total weight when weighted, ambivalent pairs),
/// the **network** drawn as SVG, the **structural balance** in the words of
/// [`BalanceReport::explain`] (balance, triangles, the frustration index,
/// its bound and whether it is exact, the camps, every out-of-place tie with
/// its weight, the significance test), the **ambivalent pairs** (tied both
/// ways) and the **most central nodes** (PN index, degrees).
///
/// The drawing is laid out by stress majorisation, as [`HtmlReport`](super::HtmlReport)
/// draws: positive ties solid green, negative ties dashed red, thicker for
/// heavier ties, the two camps of the frustration index shaded, every node
/// and tie with a `<title>` tooltip; at most
/// [`GraphReportOptions::max_nodes`] nodes, the strongest by the total
/// weight of their ties, and at most 2,000 ties between them, the heaviest
/// (the drawing's description says when some are left out).
///
/// The file loads nothing: no scripts, fonts, images or style sheets from
/// anywhere. It is well-formed XML as well as HTML, every text from the data
/// is escaped, and the same graphs and options give the same bytes (unless
/// a frustration time limit stops a search: its result then depends on the
/// machine's speed, and the page says the limit stopped it).
///
/// # Examples
///
/// ```
/// use stancegraph::{balance::SignedGraph, render::{GraphReport, GraphReportOptions}};
///
/// let text = "source,target,sign,period\nA,B,1,2019\nB,C,-1,2019\nA,B,1,2020\nB,C,1,2020\nA,C,-1,2020\n";
/// let graphs = SignedGraph::read_edges(text, "ties.csv")?;
/// let report = GraphReport::with_options(&graphs, GraphReportOptions::new().with_title("Ties"))?;
/// assert_eq!(report.shown().period(), Some("2020"));
/// let html = report.render_html();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("Frustration index: 1 (exact, proven optimal)"));
/// assert_eq!(report.overview().len(), 2);
/// assert!(report.render_svg().contains("<svg"));
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Debug)]
pub struct GraphReport<'g> {
    graphs: &'g [SignedGraph],
    options: GraphReportOptions,
    shown: usize,
    balance: BalanceReport<'g>,
    overview: Vec<PeriodSummary>,
    centrality: Centrality,
}

impl<'g> GraphReport<'g> {
    /// The report of `graphs` with default options.
    ///
    /// # Errors
    ///
    /// As [`GraphReport::with_options`].
    pub fn new(graphs: &'g [SignedGraph]) -> Result<GraphReport<'g>> {
        GraphReport::with_options(graphs, GraphReportOptions::default())
    }

    /// The report of `graphs`: the balance analysis, the centralities and
    /// the significance test of the period shown, and the frustration index
    /// of every other period, all computed here; rendering only writes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOptions`] naming the field: `graphs` when there is no
    /// graph, `max_nodes` when zero or above
    /// [`GraphReportOptions::MAX_NODES`], `period` when no graph has that
    /// period.
    ///
    /// # Complexity
    ///
    /// One frustration search per graph (the shown one bounded by the time
    /// limit, all others together by one more), the
    /// significance test's shuffles and the centralities (O(n³) up to
    /// [`DENSE_MAX_NODES`](crate::balance::DENSE_MAX_NODES) nodes) of the
    /// graph shown.
    pub fn with_options(
        graphs: &'g [SignedGraph],
        options: GraphReportOptions,
    ) -> Result<GraphReport<'g>> {
        let mut problems = Vec::new();
        if graphs.is_empty() {
            problems.push(Problem::option(
                "graphs",
                "no signed graph to report on: the input has no tie",
            ));
        }
        if options.max_nodes == 0 || options.max_nodes > GraphReportOptions::MAX_NODES {
            problems.push(Problem::option(
                "max_nodes",
                "must be between 1 and 300: more nodes than that are no longer legible (and the layout is cubic)",
            ));
        }
        let shown = match &options.period {
            Some(_) if graphs.is_empty() => None,
            Some(p) => SignedGraph::find_period(graphs, p)
                .map_err(|kind| {
                    problems.push(Problem::new(
                        RecordRef::whole(Section::Options),
                        Some("period".to_owned()),
                        kind,
                    ))
                })
                .ok(),
            None => graphs.len().checked_sub(1),
        };
        let shown = match shown {
            Some(i) if problems.is_empty() => i,
            Some(_) | None => return Err(Error::InvalidOptions { problems }),
        };
        let graph = &graphs[shown];
        let mut balance_options =
            BalanceOptions::new().with_frustration(options.frustration.clone());
        if let Some(s) = &options.significance
            && graph.edges().len() <= SignificanceOptions::DEFAULT_MAX_EDGES
        {
            balance_options = balance_options.with_significance(s.clone());
        }
        let balance = BalanceReport::new(graph, &balance_options)?;
        // The other periods share one budget, the time limit, split evenly
        // over those left: a year of daily windows costs at most twice the
        // limit, not a limit per day (a period cut short shows its bound).
        let started = std::time::Instant::now();
        let mut others_left = graphs.len().saturating_sub(1);
        let overview = graphs
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let (frustration, lower_bound, exact) = if i == shown {
                    let f = &balance.frustration;
                    (f.value, f.lower_bound, f.exact)
                } else {
                    let mut period_options = options.frustration.clone();
                    if let Some(limit) = options.frustration.time_limit {
                        let left = limit.saturating_sub(started.elapsed());
                        let share = u32::try_from(others_left.max(1)).unwrap_or(u32::MAX);
                        period_options = period_options.with_time_limit(left / share);
                    }
                    others_left = others_left.saturating_sub(1);
                    let f = g.frustration(&period_options);
                    (f.value, f.lower_bound, f.exact)
                };
                PeriodSummary {
                    period: g.period().map(str::to_owned),
                    nodes: g.nodes().len(),
                    ties: g.edges().len(),
                    frustration,
                    lower_bound,
                    exact,
                }
            })
            .collect();
        let centrality = graph.centrality();
        Ok(GraphReport {
            graphs,
            options,
            shown,
            balance,
            overview,
            centrality,
        })
    }

    /// The graph shown in full (drawn, analysed).
    pub fn shown(&self) -> &'g SignedGraph {
        &self.graphs[self.shown]
    }

    /// The balance analysis of the graph shown.
    pub fn balance(&self) -> &BalanceReport<'g> {
        &self.balance
    }

    /// Every graph in order: its period, size and frustration index.
    pub fn overview(&self) -> &[PeriodSummary] {
        &self.overview
    }

    /// The drawing of the graph shown, as a standalone SVG document.
    pub fn render_svg(&self) -> String {
        let mut svg = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.push_str(&self.drawing().svg("network"));
        svg
    }

    /// The whole report as one HTML page.
    pub fn render_html(&self) -> String {
        let title = self.title();
        let drawing = self.drawing();
        let mut out = String::with_capacity(64 * 1024);
        write_page_start(&mut out, title, "signed network report");
        self.write_header(&mut out, title);
        out.push_str("<main>\n");
        self.write_summary(&mut out);
        self.write_overview(&mut out);
        self.write_network(&mut out, &drawing);
        self.write_balance(&mut out);
        self.write_ambivalent(&mut out);
        self.write_centrality(&mut out);
        out.push_str("</main>\n");
        write_page_end(&mut out, "signed network");
        out
    }

    fn title(&self) -> &str {
        self.options.title.as_deref().unwrap_or("Signed network")
    }

    /// The period's name, or a stand-in for a graph without.
    fn period_name(period: Option<&str>) -> &str {
        period.unwrap_or("all ties")
    }
}
