//! `Scenario.report_html`, `Scenario.report_svg` and the notebook display
//! (`_repr_html_`): the library's self-contained HTML report (the network
//! drawn as SVG, contradictions, camps, timeline, balance, deals), built
//! with the GIL released; and the report of signed networks
//! (`SignedGraph.report_html`/`report_svg`, `EventNetworks.report_html`/
//! `report_svg`: one graph, or every period with one shown in full;
//! `_graphs_report`, behind `stancegraph.report_html`/`report_svg`
//! (`stancegraph/_reports.py`): a list of graphs, such as the periods of an
//! edge list, as `stancegraph report --edges` draws them).
//!
//! In Jupyter a scenario displays as its report inside an `<iframe
//! srcdoc>`, so that the report's styles and ids never touch the notebook's
//! page.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use stancegraph::balance::SignedGraph;
use stancegraph::render::{GraphReport, GraphReportOptions, HtmlReport, HtmlReportOptions};

use crate::convert::opt_date_arg;
use crate::errors::{IntoPyResult, bad_argument};
use crate::events::PyEventNetworks;
use crate::scenario::PyScenario;
use crate::signed::PySignedGraph;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_graphs_report, m)?)?;
    Ok(())
}

/// What to render.
#[derive(Clone, Copy)]
enum Shape {
    Html,
    Svg,
}

impl PyScenario {
    #[allow(clippy::too_many_arguments)]
    fn render(
        &self,
        py: Python<'_>,
        shape: Shape,
        as_of: Option<&Bound<'_, PyAny>>,
        since: Option<&Bound<'_, PyAny>>,
        title: Option<String>,
        max_actors: Option<i64>,
        groups: Option<i64>,
        deals: Option<i64>,
        max_cards: Option<i64>,
        max_timeline: Option<i64>,
    ) -> PyResult<String> {
        let count = |name: &str, n: Option<i64>, min: usize| {
            n.map(|n| crate::convert::count_arg(name, n, min))
                .transpose()
        };
        let (max_actors, groups, deals) = (
            count("max_actors", max_actors, 1)?,
            count("groups", groups, 1)?,
            count("deals", deals, 0)?,
        );
        let (max_cards, max_timeline) = (
            count("max_cards", max_cards, 0)?,
            count("max_timeline", max_timeline, 0)?,
        );
        let mut options = HtmlReportOptions::new();
        if let Some(day) = opt_date_arg("as_of", as_of)? {
            options = options.with_as_of(day);
        }
        if let Some(day) = opt_date_arg("since", since)? {
            options = options.with_since(day);
        }
        if let Some(title) = title {
            options = options.with_title(title);
        }
        if let Some(n) = max_actors {
            options = options.with_max_actors(n);
        }
        if let Some(n) = groups {
            options = options.with_groups(n);
        }
        if let Some(n) = deals {
            options = options.with_deals(n);
        }
        if let Some(n) = max_cards {
            options.max_cards = n;
        }
        if let Some(n) = max_timeline {
            options.max_timeline = n;
        }
        let scenario = &*self.inner;
        py.detach(|| {
            let report = HtmlReport::with_options(scenario, options)?;
            Ok(match shape {
                Shape::Html => report.render_html(),
                Shape::Svg => report.render_svg(),
            })
        })
        .py(py)
    }
}

#[pymethods]
impl PyScenario {
    /// The self-contained HTML report (one file, no network access): the
    /// network drawn as SVG, the contradictions with their quotes, the
    /// camps, the timeline, the balance and what a deal would take.
    ///
    /// ``as_of``: show the positions that hold on that day; ``since``: add
    /// "What changed since" that day; ``title``: the title when the scenario
    /// has none; ``max_actors`` (1–200, default 60) and ``groups`` (1–100,
    /// default 12): how many actors to draw one by one, and how many groups
    /// beyond; ``deals``: how many deals to show (default 3, 0 for none);
    /// ``max_cards``, ``max_timeline``: caps of the lists. Bad values raise
    /// ``ValueError`` naming the option (:class:`ValidationError` for
    /// values the report refuses, such as ``max_actors=0`` or ``since``
    /// after ``as_of``).
    #[pyo3(signature = (*, as_of = None, since = None, title = None, max_actors = None, groups = None, deals = None, max_cards = None, max_timeline = None))]
    #[allow(clippy::too_many_arguments)]
    fn report_html(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        since: Option<&Bound<'_, PyAny>>,
        title: Option<String>,
        max_actors: Option<i64>,
        groups: Option<i64>,
        deals: Option<i64>,
        max_cards: Option<i64>,
        max_timeline: Option<i64>,
    ) -> PyResult<String> {
        self.render(
            py,
            Shape::Html,
            as_of,
            since,
            title,
            max_actors,
            groups,
            deals,
            max_cards,
            max_timeline,
        )
    }

    /// The report's network drawing alone, as an SVG document (the options
    /// of :meth:`report_html` that apply to the drawing).
    #[pyo3(signature = (*, as_of = None, max_actors = None, groups = None))]
    fn report_svg(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        max_actors: Option<i64>,
        groups: Option<i64>,
    ) -> PyResult<String> {
        self.render(
            py,
            Shape::Svg,
            as_of,
            None,
            None,
            max_actors,
            groups,
            None,
            None,
            None,
        )
    }

    /// The report for Jupyter: :meth:`report_html` inside an ``<iframe
    /// srcdoc>`` (so its styles stay inside).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let html = self.report_html(py, None, None, None, None, None, None, None, None)?;
        Ok(format!(
            "<iframe srcdoc=\"{}\" style=\"width: 100%; height: 800px; border: 1px solid #ddd;\" \
             title=\"stancegraph report\"></iframe>",
            escape_attribute(&html)
        ))
    }
}

/// Escapes text for a double-quoted HTML attribute.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// The keyword arguments of the signed graphs' `report_html`/`report_svg`,
/// checked and turned into [`GraphReportOptions`] (the one conversion every
/// signed-network report uses).
fn graph_report_options(
    title: Option<String>,
    period: Option<String>,
    max_nodes: Option<i64>,
    time_limit: Option<f64>,
    significance: bool,
) -> PyResult<GraphReportOptions> {
    let mut options = GraphReportOptions::new().with_significance(significance);
    if let Some(title) = title {
        options = options.with_title(title);
    }
    if let Some(period) = period {
        options = options.with_period(period);
    }
    if let Some(n) = max_nodes {
        options = options.with_max_nodes(crate::convert::count_arg("max_nodes", n, 1)?);
    }
    if time_limit.is_some() {
        // `inf` is no limit at all.
        options = match crate::convert::time_limit_arg(time_limit)? {
            Some(limit) => options.with_time_limit(limit),
            None => options.with_frustration(stancegraph::balance::FrustrationOptions::new()),
        };
    }
    Ok(options)
}

/// The report of signed graphs, rendered with the GIL released.
fn render_graphs(
    py: Python<'_>,
    graphs: impl FnOnce() -> Vec<SignedGraph> + Send,
    shape: Shape,
    options: GraphReportOptions,
) -> PyResult<String> {
    py.detach(|| {
        let graphs = graphs();
        let report = GraphReport::with_options(&graphs, options)?;
        Ok(match shape {
            Shape::Html => report.render_html(),
            Shape::Svg => report.render_svg(),
        })
    })
    .py(py)
}

#[pymethods]
impl PySignedGraph {
    /// The self-contained HTML report of this signed graph (one file, no
    /// network access): a summary, the network drawn as SVG (positive ties
    /// solid green, negative dashed red, the two camps of the frustration
    /// index shaded), the structural balance in the words of
    /// :meth:`explain`, the ambivalent pairs and the most central nodes.
    ///
    /// ``title``: the page's title; ``max_nodes`` (1–300, default 100): draw
    /// at most this many nodes, the strongest; ``time_limit``: seconds for
    /// the frustration search (default 10); ``significance``: add the
    /// significance test (default on, up to 10,000 ties). Bad values raise
    /// ``ValueError`` naming the option (:class:`ValidationError` for values
    /// the report refuses, such as ``max_nodes=500``).
    #[pyo3(signature = (*, title = None, max_nodes = None, time_limit = None, significance = true))]
    fn report_html(
        &self,
        py: Python<'_>,
        title: Option<String>,
        max_nodes: Option<i64>,
        time_limit: Option<f64>,
        significance: bool,
    ) -> PyResult<String> {
        let graph = &self.graph;
        let options = graph_report_options(title, None, max_nodes, time_limit, significance)?;
        render_graphs(py, || vec![SignedGraph::clone(graph)], Shape::Html, options)
    }

    /// The report's network drawing alone, as an SVG document (the options
    /// of :meth:`report_html` that apply to the drawing).
    #[pyo3(signature = (*, max_nodes = None, time_limit = None))]
    fn report_svg(
        &self,
        py: Python<'_>,
        max_nodes: Option<i64>,
        time_limit: Option<f64>,
    ) -> PyResult<String> {
        let graph = &self.graph;
        let options = graph_report_options(None, None, max_nodes, time_limit, false)?;
        render_graphs(py, || vec![SignedGraph::clone(graph)], Shape::Svg, options)
    }
}

#[pymethods]
impl PyEventNetworks {
    /// The self-contained HTML report of the aggregated networks, as
    /// ``stancegraph report --events`` writes it: an overview of every
    /// period (nodes, ties, frustration index, proven or not), then for the
    /// period shown (``period``, default the last) the summary, the drawing,
    /// the structural balance, the ambivalent pairs and the most central
    /// nodes. The options are :meth:`SignedGraph.report_html`'s; an unknown
    /// ``period`` raises :class:`ValidationError` naming ``period``.
    #[pyo3(signature = (*, title = None, period = None, max_nodes = None, time_limit = None, significance = true))]
    #[allow(clippy::too_many_arguments)]
    fn report_html(
        &self,
        py: Python<'_>,
        title: Option<String>,
        period: Option<String>,
        max_nodes: Option<i64>,
        time_limit: Option<f64>,
        significance: bool,
    ) -> PyResult<String> {
        let inner = &self.inner;
        let options = graph_report_options(title, period, max_nodes, time_limit, significance)?;
        render_graphs(py, || inner.graphs(), Shape::Html, options)
    }

    /// The drawing of one period (``period``, default the last) alone, as
    /// an SVG document.
    #[pyo3(signature = (*, period = None, max_nodes = None, time_limit = None))]
    fn report_svg(
        &self,
        py: Python<'_>,
        period: Option<String>,
        max_nodes: Option<i64>,
        time_limit: Option<f64>,
    ) -> PyResult<String> {
        let inner = &self.inner;
        let options = graph_report_options(None, period, max_nodes, time_limit, false)?;
        render_graphs(py, || inner.graphs(), Shape::Svg, options)
    }
}

/// The graphs of a `graphs` argument: a sequence of `SignedGraph`, or a
/// dict of them (what `SignedGraph.read_edges` returns for an edge list
/// with periods), its values in order.
fn graphs_arg(graphs: &Bound<'_, PyAny>) -> PyResult<Vec<Arc<SignedGraph>>> {
    const EXPECTED: &str = "expected a list of SignedGraph, or the dict of period to SignedGraph \
         that SignedGraph.read_edges returns";
    if graphs.is_instance_of::<PySignedGraph>() {
        return Err(bad_argument(
            "graphs",
            format!("{EXPECTED}, got one SignedGraph (its report_html/report_svg report on it)"),
        ));
    }
    let items = match graphs.cast::<PyDict>() {
        Ok(dict) => dict.values().into_any(),
        Err(_) => graphs.clone(),
    };
    let items = items
        .try_iter()
        .ok()
        .filter(|_| !graphs.is_instance_of::<PyString>())
        .ok_or_else(|| {
            let got = graphs.get_type().name().map(|n| n.to_string());
            bad_argument(
                "graphs",
                format!("{EXPECTED}, got {}", got.unwrap_or_default()),
            )
        })?;
    let mut out = Vec::new();
    for (i, item) in items.enumerate() {
        let item = item?;
        let graph = item.cast::<PySignedGraph>().map_err(|_| {
            let got = item.get_type().name().map(|n| n.to_string());
            bad_argument(
                "graphs",
                format!(
                    "item {i} is a {}, not a SignedGraph; {EXPECTED}",
                    got.unwrap_or_default()
                ),
            )
        })?;
        out.push(Arc::clone(&graph.get().graph));
    }
    Ok(out)
}

/// The report of several signed graphs, for `stancegraph.report_html`
/// (`svg` false) and `report_svg` (`svg` true) in `stancegraph/_reports.py`,
/// which document the arguments.
#[pyfunction]
#[pyo3(signature = (graphs, svg, significance, title, period, max_nodes, time_limit))]
#[allow(clippy::too_many_arguments)]
fn _graphs_report(
    py: Python<'_>,
    graphs: &Bound<'_, PyAny>,
    svg: bool,
    significance: bool,
    title: Option<String>,
    period: Option<String>,
    max_nodes: Option<i64>,
    time_limit: Option<f64>,
) -> PyResult<String> {
    let graphs = graphs_arg(graphs)?;
    let options = graph_report_options(title, period, max_nodes, time_limit, significance)?;
    let shape = if svg { Shape::Svg } else { Shape::Html };
    let copies = move || graphs.iter().map(|g| SignedGraph::clone(g)).collect();
    render_graphs(py, copies, shape, options)
}
