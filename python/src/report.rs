//! `Scenario.report_html`, `Scenario.report_svg` and the notebook display
//! (`_repr_html_`): the library's self-contained HTML report (the network
//! drawn as SVG, contradictions, camps, timeline, balance, deals), built
//! with the GIL released.
//!
//! In Jupyter a scenario displays as its report inside an `<iframe
//! srcdoc>`, so that the report's styles and ids never touch the notebook's
//! page.

use pyo3::prelude::*;
use stancegraph::render::{HtmlReport, HtmlReportOptions};

use crate::convert::opt_date_arg;
use crate::errors::IntoPyResult;
use crate::scenario::PyScenario;

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
