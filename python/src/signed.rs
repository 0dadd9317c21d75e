//! Signed graphs and structural balance: `SignedGraph` (from a pandas
//! frame, a list of edges, the `balance --edges` CSV, or a scenario), its
//! balance tests, triangle census, frustration index, blockmodels and the
//! balance report of the `stancegraph balance` command.
//!
//! Signs come in as the edge-list reader takes them (+1/-1 or any non-zero
//! number, whose sign counts), and also as `"+"`/`"-"` and
//! `"positive"`/`"negative"`. Every bad row is reported at once, as a
//! `ValidationError` naming the row (counted from 1, as in the library's
//! tables) and the field. Ties may carry weights (positive numbers; a
//! negative one only on a negative tie, its magnitude counting); rows
//! repeating a pair add up per sign and a pair with both signs keeps a tie of
//! each (an ambivalent pair), as in the library.
//! Frustration, blockmodels, walk balance and the report run with the GIL
//! released. Results are plain values (node names, `(u, v, sign)` triples,
//! dicts) or small objects with attributes.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};
use stancegraph::balance::{
    Balance, BalanceOptions, BalanceReport, BlockPattern, BlockmodelOptions, FrustrationMethod,
    FrustrationOptions, NodeOrigin, SignedGraph, SignificanceOptions, TieSigns, TriangleCensus,
    WeakBalance,
};
use stancegraph::discourse::{Level, PolarizationOptions};
use stancegraph::stance::{Attribution, GraphOptions};
use stancegraph::{Error, Scenario, StanceGraph};

pub use crate::balance_results::{PyBalanceReport, PyBlockmodel, PyFrustration};
use crate::convert::json_to_py;
use crate::convert::{data_frame, import_optional, opt_date_arg};
use crate::errors::{IntoPyResult, bad_argument};
use crate::network::PyPolarization;
use crate::scenario::PyScenario;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PySignedGraph>()?;
    m.add_class::<PyFrustration>()?;
    m.add_class::<PyBlockmodel>()?;
    m.add_class::<PyBalanceReport>()?;
    Ok(())
}

/// An edge as `(source, target, sign)`.
pub(crate) type Triple = (String, String, i8);

pub(crate) fn triple(g: &SignedGraph, e: usize) -> Triple {
    let edge = g.edges()[e];
    (
        g.nodes()[edge.a].clone(),
        g.nodes()[edge.b].clone(),
        edge.sign,
    )
}

pub(crate) fn names(g: &SignedGraph, nodes: &[usize]) -> Vec<String> {
    nodes.iter().map(|&v| g.nodes()[v].clone()).collect()
}

/// A weight as the edge-list reader takes it (a positive number, or a
/// negative one on a negative tie), or why not. A missing weight — `None`,
/// pandas' `NA` or `NaN` (how pandas reads an empty cell), an empty string —
/// is 1, as an empty cell is for the edge-list reader.
fn weight_of(value: Option<&Bound<'_, PyAny>>, sign: Option<i8>) -> Result<f64, String> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(1.0);
    };
    let kind = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    if kind == "NAType" {
        return Ok(1.0);
    }
    if value.is_instance_of::<pyo3::types::PyBool>() || kind == "bool_" || kind == "bool" {
        return Err("not a weight: a bool; expected a positive number".to_owned());
    }
    let number = match value.cast::<PyString>() {
        Ok(text) => {
            let text = text.to_cow().map_err(|e| e.to_string())?;
            if text.trim().is_empty() {
                return Ok(1.0);
            }
            // As the edge-list reader: the text "nan" is not a weight.
            text.trim().parse::<f64>().ok().filter(|w| !w.is_nan())
        }
        Err(_) => value.extract::<f64>().ok(),
    };
    match number {
        Some(w) if w.is_nan() => Ok(1.0),
        Some(w) if w.is_finite() && w > 0.0 => Ok(w),
        Some(w) if w.is_finite() && w < 0.0 && sign != Some(1) => Ok(-w),
        Some(w) if w.is_finite() && w < 0.0 => {
            Err("a negative weight on a positive tie".to_owned())
        }
        _ => Err(format!(
            "not a positive finite number: {}",
            value.repr().map(|r| r.to_string()).unwrap_or_default()
        )),
    }
}

/// A row of a graph being built: source, target, sign and optional weight.
type Row<'py> = (
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Bound<'py, PyAny>,
    Option<Bound<'py, PyAny>>,
);

/// Problems found in the rows given, as a `ValidationError` shaped like the
/// library's (`origin: rows[i], field `f`: message`, one per line).
struct RowProblems {
    origin: &'static str,
    problems: Vec<(Option<usize>, &'static str, String)>,
}

impl RowProblems {
    fn new(origin: &'static str) -> Self {
        RowProblems {
            origin,
            problems: Vec::new(),
        }
    }

    /// A problem in data row `row` (1-based), or in the header when `None`.
    fn push(&mut self, row: Option<usize>, field: &'static str, message: String) {
        self.problems.push((row, field, message));
    }

    fn into_result(self, py: Python<'_>) -> PyResult<()> {
        if self.problems.is_empty() {
            return Ok(());
        }
        let dicts = PyList::empty(py);
        let mut lines = Vec::with_capacity(self.problems.len());
        for (row, field, message) in &self.problems {
            let record = match row {
                Some(r) => format!("rows[{r}]"),
                None => "header".to_owned(),
            };
            let text = format!("{}: {record}, field `{field}`: {message}", self.origin);
            let d = PyDict::new(py);
            d.set_item("file", self.origin)?;
            d.set_item("record", &record)?;
            d.set_item("field", *field)?;
            d.set_item("line", py.None())?;
            d.set_item("message", message)?;
            d.set_item("section", if row.is_some() { "rows" } else { "header" })?;
            d.set_item("index", *row)?;
            d.set_item("key", py.None())?;
            d.set_item("text", &text)?;
            dicts.append(d)?;
            lines.push(text);
        }
        let class = py
            .import("stancegraph._errors")?
            .getattr("ValidationError")?;
        Err(PyErr::from_value(class.call1((lines.join("\n"), dicts))?))
    }
}

/// A sign as the edge-list reader takes it, or why not.
fn sign_of(value: &Bound<'_, PyAny>) -> Result<i8, String> {
    let expected =
        "expected +1/-1 (or any non-zero number), \"+\"/\"-\" or \"positive\"/\"negative\"";
    let describe = || {
        value
            .repr()
            .map(|r| r.to_string())
            .unwrap_or_else(|_| "?".to_owned())
    };
    if value.is_none() {
        return Err(format!("missing sign; {expected}"));
    }
    let number = if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow().map_err(|_| describe())?;
        match text.trim().to_ascii_lowercase().as_str() {
            "+" | "positive" => return Ok(1),
            "-" | "negative" => return Ok(-1),
            other => other.parse::<f64>().ok(),
        }
    } else if value.is_instance_of::<pyo3::types::PyBool>() {
        None
    } else {
        value.extract::<f64>().ok()
    };
    match number {
        Some(v) if v.is_finite() && v != 0.0 => Ok(if v > 0.0 { 1 } else { -1 }),
        Some(v) if v.is_nan() => Err(format!("missing sign; {expected}")),
        _ => Err(format!("not a sign: {}; {expected}", describe())),
    }
}

/// A node name: text, or a whole number written in decimal.
fn node_name(value: &Bound<'_, PyAny>) -> Result<String, String> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow().map_err(|e| e.to_string())?;
        let text = text.trim();
        return if text.is_empty() {
            Err("empty node name".to_owned())
        } else {
            Ok(text.to_owned())
        };
    }
    if !value.is_instance_of::<pyo3::types::PyBool>()
        && let Ok(i) = value.extract::<i64>()
    {
        return Ok(i.to_string());
    }
    // A whole float (an integer column with gaps becomes float64 in pandas).
    if let Ok(f) = value.extract::<f64>()
        && f.is_finite()
        && f.fract() == 0.0
        && f.abs() < 9.007_199_254_740_992e15
    {
        return Ok(format!("{}", f as i64));
    }
    // pandas.NA and other missing markers.
    if value
        .get_type()
        .name()
        .is_ok_and(|n| n == "NAType" || n == "NaTType")
    {
        return Err("missing node name".to_owned());
    }
    if value.is_none() || value.extract::<f64>().is_ok_and(f64::is_nan) {
        return Err("missing node name".to_owned());
    }
    let kind = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(format!("node names are text (str), got {kind}"))
}

/// Builds a graph from parallel columns of sources, targets, signs and
/// optional weights (row i is data row i + 1), with `nodes` first in the
/// given order.
fn build(
    py: Python<'_>,
    origin: &'static str,
    nodes: Option<&Bound<'_, PyAny>>,
    rows: Vec<Row<'_>>,
) -> PyResult<SignedGraph> {
    let mut labels: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    if let Some(given) = nodes.filter(|n| !n.is_none()) {
        if given.is_instance_of::<PyString>() {
            return Err(bad_argument(
                "nodes",
                "expected a list of node names, not one str",
            ));
        }
        for item in given.try_iter()? {
            let name = node_name(&item?).map_err(|m| bad_argument("nodes", m))?;
            if index.insert(name.clone(), labels.len()).is_some() {
                return Err(bad_argument("nodes", format!("`{name}` is given twice")));
            }
            labels.push(name);
        }
    }
    let mut problems = RowProblems::new(origin);
    let mut triples = Vec::with_capacity(rows.len());
    for (i, (source, target, sign, weight)) in rows.iter().enumerate() {
        let row = i + 1;
        let mut node = |field: &'static str, value: &Bound<'_, PyAny>| match node_name(value) {
            Ok(name) => Some(*index.entry(name.clone()).or_insert_with(|| {
                labels.push(name);
                labels.len() - 1
            })),
            Err(message) => {
                problems.push(Some(row), field, message);
                None
            }
        };
        let (a, b) = (node("source", source), node("target", target));
        let s = sign_of(sign)
            .map_err(|message| problems.push(Some(row), "sign", message))
            .ok();
        let w = weight_of(weight.as_ref(), s)
            .map_err(|message| problems.push(Some(row), "weight", message))
            .ok();
        if let (Some(a), Some(b), Some(s), Some(w)) = (a, b, s, w) {
            triples.push((a, b, s, w));
        }
    }
    problems.into_result(py)?;
    py.detach(move || SignedGraph::from_weighted_edges(labels, &triples))
        .py(py)
}

/// The frustration options from the keyword arguments.
fn frustration_options(
    exact: Option<bool>,
    time_limit: Option<f64>,
    exact_limit: Option<u64>,
    rounds: Option<usize>,
    seed: Option<u64>,
) -> PyResult<FrustrationOptions> {
    let mut options = FrustrationOptions::new();
    match exact {
        Some(true) => options = options.with_method(FrustrationMethod::Exact),
        Some(false) => options = options.with_method(FrustrationMethod::Heuristic),
        None => {}
    }
    // As `stancegraph balance`: 60 seconds unless exact is asked for
    // (`inf` for no limit).
    let default_limit = (exact != Some(true)).then_some(60.0);
    if let Some(limit) = crate::convert::time_limit_arg(time_limit.or(default_limit))? {
        options = options.with_time_limit(limit);
    }
    if let Some(limit) = exact_limit {
        options = options.with_exact_limit(limit);
    }
    if let Some(rounds) = rounds {
        options = options.with_rounds(rounds);
    }
    if let Some(seed) = seed {
        options = options.with_seed(seed);
    }
    Ok(options)
}

pub(crate) fn blockmodel_options(
    k: usize,
    alpha: f64,
    restarts: Option<usize>,
    seed: Option<u64>,
    exact_limit: Option<u64>,
) -> BlockmodelOptions {
    let mut options = BlockmodelOptions::new(k).with_alpha(alpha);
    if let Some(restarts) = restarts {
        options = options.with_restarts(restarts);
    }
    if let Some(seed) = seed {
        options = options.with_seed(seed);
    }
    if let Some(limit) = exact_limit {
        options = options.with_exact_limit(limit);
    }
    options
}

/// An undirected signed graph: named nodes and ties of sign +1 (alliance,
/// agreement) or -1 (enmity, conflict), at most one per pair.
///
/// Make one with :meth:`from_pandas`, :meth:`from_edges`,
/// :meth:`read_edges` (the ``stancegraph balance --edges`` CSV) or
/// :meth:`Scenario.signed_graph`. Then :meth:`balance`,
/// :meth:`weak_balance`, :meth:`triangles`, :meth:`walk_balance`,
/// :meth:`frustration`, :meth:`blockmodel`, or all of it with
/// :meth:`report` (the ``balance`` command's text and JSON).
/// ``len(graph)`` is the number of nodes.
#[pyclass(name = "SignedGraph", module = "stancegraph", frozen)]
pub struct PySignedGraph {
    pub(crate) graph: Arc<SignedGraph>,
    /// The scenario the graph was built from, for the report's evidence.
    scenario: Option<Arc<Scenario>>,
    /// DNA's polarization to add to the report (the actor network of a
    /// scenario, as the `balance` command does).
    polarization: Option<PolarizationOptions>,
}

impl PySignedGraph {
    pub(crate) fn plain(graph: SignedGraph) -> Self {
        PySignedGraph {
            graph: Arc::new(graph),
            scenario: None,
            polarization: None,
        }
    }

    fn analyse(&self, py: Python<'_>, options: BalanceOptions) -> PyResult<PyBalanceReport> {
        let graph = Arc::clone(&self.graph);
        let scenario = self.scenario.clone();
        let polarization = self.polarization.clone();
        let parts = py
            .detach(move || -> stancegraph::Result<_> {
                let mut report = BalanceReport::new(&graph, &options)?;
                if let (Some(s), Some(p)) = (&scenario, &polarization)
                    && s.actors().len() >= 2
                    && let Ok(found) = s.polarization(p)
                {
                    report = report.with_polarization(found);
                }
                let s = scenario.as_deref();
                Ok(ReportParts {
                    text: report.explain(s),
                    json: report.to_json(s),
                    balanced: report.balance.is_balanced(),
                    weakly_balanced: report.weak.is_balanced(),
                    walk_balance: report.walk_balance,
                    triangles: report.triangles.clone(),
                    frustration: PyFrustration::of(&graph, &report.frustration, &report.tensions),
                    blockmodel: report
                        .blockmodel
                        .as_ref()
                        .map(|b| PyBlockmodel::of(&graph, b)),
                    polarization: report.polarization.clone(),
                })
            })
            .py(py)?;
        Ok(PyBalanceReport {
            text: parts.text,
            json: parts.json,
            balanced: parts.balanced,
            weakly_balanced: parts.weakly_balanced,
            walk_balance: parts.walk_balance,
            triangles: census(py, &self.graph, &parts.triangles)?.unbind(),
            frustration: Py::new(py, parts.frustration)?,
            blockmodel: parts.blockmodel.map(|b| Py::new(py, b)).transpose()?,
            polarization: parts
                .polarization
                .map(|p| Py::new(py, PyPolarization::new(p)))
                .transpose()?,
        })
    }
}

/// `graph.report(**options)`, for the methods that show the report in
/// another form; `significance` (when `options` leave it out) as given.
fn report_of<'py>(
    graph: &Bound<'py, PySignedGraph>,
    options: Option<&Bound<'py, PyDict>>,
    significance: Option<bool>,
) -> PyResult<Bound<'py, PyBalanceReport>> {
    let py = graph.py();
    let options = match options {
        Some(given) => given.copy()?,
        None => PyDict::new(py),
    };
    if !options.contains("significance")? {
        options.set_item("significance", significance)?;
    }
    Ok(graph
        .call_method("report", (), Some(&options))?
        .cast_into::<PyBalanceReport>()?)
}

struct ReportParts {
    text: String,
    json: serde_json::Value,
    balanced: bool,
    weakly_balanced: bool,
    walk_balance: Option<f64>,
    triangles: TriangleCensus,
    frustration: PyFrustration,
    blockmodel: Option<PyBlockmodel>,
    polarization: Option<stancegraph::discourse::Polarization>,
}

/// The triangle census as a dict.
fn census<'py>(
    py: Python<'py>,
    g: &SignedGraph,
    t: &TriangleCensus,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("+++", t.ppp)?;
    d.set_item("++-", t.ppn)?;
    d.set_item("+--", t.pnn)?;
    d.set_item("---", t.nnn)?;
    d.set_item("total", t.total())?;
    d.set_item("balance_ratio", t.balance_ratio())?;
    let unbalanced: Vec<(String, String, String)> = t
        .unbalanced
        .iter()
        .map(|[a, b, c]| {
            (
                g.nodes()[*a].clone(),
                g.nodes()[*b].clone(),
                g.nodes()[*c].clone(),
            )
        })
        .collect();
    d.set_item("unbalanced", unbalanced)?;
    Ok(d)
}

#[pymethods]
impl PySignedGraph {
    /// A signed graph from a pandas ``DataFrame`` of edges, one row each.
    ///
    /// :param df: the frame.
    /// :param source: the column of one end's name.
    /// :param target: the column of the other end's name.
    /// :param sign: the column of signs: +1/-1 (or any non-zero number,
    ///     whose sign counts), ``"+"``/``"-"``, ``"positive"``/``"negative"``.
    /// :param weight: the column of weights: positive numbers (a negative
    ///     one only on a negative tie; its magnitude counts); missing cells
    ///     (NaN, ``NA``, ``None``) weigh 1. By default the column ``weight``
    ///     when the frame has one (as the edge-list reader and
    ///     :meth:`to_pandas` do), else every tie weighs 1; a column named
    ///     here must exist.
    /// :param nodes: optional node names, first and in this order
    ///     (isolated nodes too); the others follow in order of appearance.
    ///
    /// Names are text (whole numbers are taken in decimal). Raises
    /// :class:`ValidationError` naming a missing column, and every bad row
    /// (counted from 1) with its field: a missing or unreadable sign or
    /// name or weight, a node tied to itself. Rows repeating a pair add up
    /// per sign; a pair with both signs keeps a tie of each (see
    /// :meth:`ambivalent_pairs`).
    #[classmethod]
    #[pyo3(signature = (df, source = "source", target = "target", sign = "sign", weight = None, *, nodes = None))]
    #[allow(clippy::too_many_arguments)]
    fn from_pandas(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        df: &Bound<'_, PyAny>,
        source: &str,
        target: &str,
        sign: &str,
        weight: Option<&str>,
        nodes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PySignedGraph> {
        if !df.hasattr("columns")? {
            return Err(bad_argument(
                "df",
                "expected a pandas DataFrame (use SignedGraph.from_edges for a list)",
            ));
        }
        let columns: Vec<String> = df
            .getattr("columns")?
            .try_iter()?
            .map(|c| c.and_then(|c| c.str()).map(|c| c.to_string()))
            .collect::<PyResult<_>>()?;
        let mut problems = RowProblems::new("frame");
        let mut column =
            |field: &'static str, name: &str| -> PyResult<Option<Vec<Bound<'_, PyAny>>>> {
                if !df.contains(name)? {
                    problems.push(
                        None,
                        field,
                        format!(
                            "no column `{name}` in the frame (its columns: {})",
                            columns.join(", ")
                        ),
                    );
                    return Ok(None);
                }
                let values = df.get_item(name)?.call_method0("tolist")?;
                Ok(Some(values.try_iter()?.collect::<PyResult<Vec<_>>>()?))
            };
        let (s, t, g) = (
            column("source", source)?,
            column("target", target)?,
            column("sign", sign)?,
        );
        let w = match weight {
            Some(name) => Some(column("weight", name)?),
            None if df.contains("weight")? => Some(column("weight", "weight")?),
            None => None,
        };
        problems.into_result(py)?;
        let (Some(s), Some(t), Some(g)) = (s, t, g) else {
            return Err(PyValueError::new_err("a column is missing"));
        };
        let mut weights = w.flatten().map(Vec::into_iter);
        let rows = s
            .into_iter()
            .zip(t)
            .zip(g)
            .map(|((a, b), c)| (a, b, c, weights.as_mut().and_then(Iterator::next)))
            .collect();
        build(py, "frame", nodes, rows).map(PySignedGraph::plain)
    }

    /// A signed graph from a list of ``(source, target, sign)`` or
    /// ``(source, target, sign, weight)`` tuples.
    ///
    /// Names are text (whole numbers are taken in decimal); signs are
    /// +1/-1 (or any non-zero number), ``"+"``/``"-"`` or
    /// ``"positive"``/``"negative"``; weights positive numbers (1 when
    /// left out). Ties repeating a pair add up per sign; a pair with both
    /// signs keeps a tie of each. ``nodes`` optionally lists node names
    /// first, in this order (isolated nodes too).
    ///
    /// Raises :class:`ValidationError` naming every bad row (counted from
    /// 1) and field, as :meth:`from_pandas`.
    #[classmethod]
    #[pyo3(signature = (edges, *, nodes = None))]
    fn from_edges(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        edges: &Bound<'_, PyAny>,
        nodes: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PySignedGraph> {
        let mut rows = Vec::new();
        for (i, item) in edges.try_iter()?.enumerate() {
            let item = item?;
            let tuple = item
                .cast::<PyTuple>()
                .cloned()
                .or_else(|_| PyTuple::new(py, item.try_iter()?.collect::<PyResult<Vec<_>>>()?))
                .map_err(|_| {
                    bad_argument(
                        "edges",
                        format!(
                            "row {}: expected a (source, target, sign[, weight]) tuple",
                            i + 1
                        ),
                    )
                })?;
            match tuple.len() {
                3 | 4 => rows.push((
                    tuple.get_item(0)?,
                    tuple.get_item(1)?,
                    tuple.get_item(2)?,
                    (tuple.len() == 4).then(|| tuple.get_item(3)).transpose()?,
                )),
                n => {
                    return Err(bad_argument(
                        "edges",
                        format!(
                            "row {}: expected a (source, target, sign[, weight]) tuple, got {n} items",
                            i + 1
                        ),
                    ));
                }
            }
        }
        build(py, "edges", nodes, rows).map(PySignedGraph::plain)
    }

    /// Reads an edge list CSV, the ``stancegraph balance --edges`` input:
    /// columns ``source``, ``target`` and ``sign`` (+1/-1, or any non-zero
    /// number), optional ``weight`` (rows repeating a pair add up per sign;
    /// a pair with both signs keeps a tie of each) and optional ``period``.
    ///
    /// :param source: a path (``str`` or ``os.PathLike``), or the CSV text
    ///     itself (a ``str`` with a line break).
    /// :param period: only this period.
    /// :returns: a :class:`SignedGraph` when the list has no ``period``
    ///     column (or ``period`` is given); else a dict of period to
    ///     :class:`SignedGraph`, in order of first appearance.
    ///
    /// Raises :class:`ValidationError` for a missing column and every bad
    /// row (line, column), ``FileNotFoundError`` and other ``OSError``\ s,
    /// and ``ValueError`` for a period not in the list (``period: no period
    /// `P` (its periods: A, B, …)``, the first ten and how many more).
    #[classmethod]
    #[pyo3(signature = (source, *, period = None))]
    fn read_edges<'py>(
        _cls: &Bound<'py, PyType>,
        py: Python<'py>,
        source: &Bound<'py, PyAny>,
        period: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let inline = source
            .cast::<PyString>()
            .ok()
            .map(|s| s.to_cow().map(|t| t.into_owned()))
            .transpose()?
            .filter(|t| t.contains('\n'));
        let (text, origin) = match inline {
            Some(text) => (text, "<input>".to_owned()),
            None => {
                let path: std::path::PathBuf = source.extract()?;
                let origin = path.display().to_string();
                let text = py
                    .detach(|| std::fs::read_to_string(&path))
                    .map_err(|e| Error::Io { path, source: e })
                    .py(py)?;
                (text, origin)
            }
        };
        let mut graphs = py
            .detach(|| SignedGraph::read_edges(&text, &origin))
            .py(py)?;
        if let Some(p) = period {
            let i = SignedGraph::find_period(&graphs, p).map_err(|e| bad_argument("period", e))?;
            let graph = graphs.swap_remove(i);
            return Ok(Bound::new(py, PySignedGraph::plain(graph))?.into_any());
        }
        if graphs.first().is_none_or(|g| g.period().is_none()) {
            let graph = graphs.pop().unwrap_or_default();
            return Ok(Bound::new(py, PySignedGraph::plain(graph))?.into_any());
        }
        let d = PyDict::new(py);
        for g in graphs {
            let key = g.period().unwrap_or_default().to_owned();
            d.set_item(key, PySignedGraph::plain(g))?;
        }
        Ok(d.into_any())
    }

    /// The period this graph was read for, if the edge list had one.
    #[getter]
    fn period(&self) -> Option<&str> {
        self.graph.period()
    }

    /// The node names, by index.
    #[getter]
    fn nodes(&self) -> Vec<String> {
        self.graph.nodes().to_vec()
    }

    /// The ties as ``(source, target, sign)`` tuples, in order.
    #[getter]
    fn edges(&self) -> Vec<Triple> {
        (0..self.graph.edges().len())
            .map(|e| triple(&self.graph, e))
            .collect()
    }

    /// The ties' weights, in the order of :attr:`edges` (1 where none was
    /// given; repeated rows summed).
    #[getter]
    fn weights(&self) -> Vec<f64> {
        self.graph.edges().iter().map(|e| e.weight).collect()
    }

    /// The total weight of the ties (their number when unweighted).
    #[getter]
    fn total_weight(&self) -> f64 {
        self.graph.total_weight()
    }

    /// Whether any tie weighs other than 1.
    #[getter]
    fn is_weighted(&self) -> bool {
        self.graph.is_weighted()
    }

    /// The pairs tied with both signs, as ``(source, target, positive
    /// weight, negative weight)`` tuples in the order of their first tie:
    /// whatever the camps, the lighter side of each is out of place.
    fn ambivalent_pairs(&self) -> Vec<(String, String, f64, f64)> {
        let g = &*self.graph;
        g.ambivalent_pairs()
            .into_iter()
            .map(|(p, n)| {
                let (pe, ne) = (g.edges()[p], g.edges()[n]);
                (
                    g.nodes()[pe.a].clone(),
                    g.nodes()[pe.b].clone(),
                    pe.weight,
                    ne.weight,
                )
            })
            .collect()
    }

    /// The same graph with every tie of weight 1: each distinct signed pair
    /// counts once, however many rows gave it and whatever their weights
    /// (signnet's convention; ``stancegraph balance --distinct-pairs``).
    fn distinct_pairs(&self) -> PySignedGraph {
        PySignedGraph {
            graph: Arc::new(self.graph.distinct_pairs()),
            scenario: self.scenario.clone(),
            polarization: self.polarization.clone(),
        }
    }

    /// The strict balance test (two camps, every positive tie inside a
    /// camp and every negative one between).
    ///
    /// :returns: a dict: ``balanced`` (bool); ``camps``, two lists of node
    ///     names when balanced (else ``None``); ``cycle``, the nodes of a
    ///     cycle with an odd number of negative ties that proves it is not
    ///     (else ``None``), and ``cycle_edges``, its ties as
    ///     ``(source, target, sign)``.
    fn balance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let g = &*self.graph;
        let d = PyDict::new(py);
        match g.balance() {
            Balance::Balanced { first, second } => {
                d.set_item("balanced", true)?;
                d.set_item("camps", (names(g, &first), names(g, &second)))?;
                d.set_item("cycle", py.None())?;
                d.set_item("cycle_edges", py.None())?;
            }
            Balance::Unbalanced { cycle, edges } => {
                d.set_item("balanced", false)?;
                d.set_item("camps", py.None())?;
                d.set_item("cycle", names(g, &cycle))?;
                let ties: Vec<Triple> = edges.iter().map(|&e| triple(g, e)).collect();
                d.set_item("cycle_edges", ties)?;
            }
        }
        Ok(d)
    }

    /// The weak balance test (Davis: any number of camps).
    ///
    /// :returns: a dict: ``balanced``; ``camps`` (a list of lists of node
    ///     names, the groups joined by positive ties) when weakly balanced;
    ///     else ``negative_edge``, a negative tie inside such a group, and
    ///     ``path``, the positive path joining its ends.
    fn weak_balance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let g = &*self.graph;
        let d = PyDict::new(py);
        match g.weak_balance() {
            WeakBalance::Balanced { camps } => {
                d.set_item("balanced", true)?;
                let camps: Vec<Vec<String>> = camps.iter().map(|c| names(g, c)).collect();
                d.set_item("camps", camps)?;
                d.set_item("negative_edge", py.None())?;
                d.set_item("path", py.None())?;
            }
            WeakBalance::Unbalanced { negative, path, .. } => {
                d.set_item("balanced", false)?;
                d.set_item("camps", py.None())?;
                d.set_item("negative_edge", triple(g, negative))?;
                d.set_item("path", names(g, &path))?;
            }
        }
        Ok(d)
    }

    /// The triangle census: a dict with the counts ``"+++"``, ``"++-"``,
    /// ``"+--"``, ``"---"``, ``total``, ``balance_ratio`` (the share of
    /// balanced triangles, 1 without triangles) and ``unbalanced`` (the
    /// unbalanced triangles as triples of node names).
    fn triangles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let graph = Arc::clone(&self.graph);
        let t = py.detach(move || graph.triangles());
        census(py, &self.graph, &t)
    }

    /// Walk balance (Estrada): 1 for a balanced graph, smaller the more
    /// closed walks are unbalanced. O(n³): for up to a few thousand nodes.
    fn walk_balance(&self, py: Python<'_>) -> f64 {
        let graph = Arc::clone(&self.graph);
        py.detach(move || graph.walk_balance())
    }

    /// The frustration index: the least total weight of ties whose removal
    /// leaves the graph balanced (the fewest ties when unweighted), the
    /// camps achieving it, and a proven lower bound.
    ///
    /// :param exact: ``True`` to prove the value optimal however long it
    ///     takes (bounded by ``time_limit``), ``False`` for the local search
    ///     with bounds only; ``None`` (default): exact when the reduced graph
    ///     is small enough (``exact_limit`` edges per block).
    /// :param time_limit: stop after this many seconds with the best camps
    ///     and the proven bounds; ``None`` (default): 60 seconds, or no limit
    ///     with ``exact=True``, as ``stancegraph balance``; ``inf``: no limit.
    /// :returns: a :class:`Frustration`.
    #[pyo3(signature = (exact = None, time_limit = None, *, exact_limit = None, rounds = None, seed = None))]
    fn frustration(
        &self,
        py: Python<'_>,
        exact: Option<bool>,
        time_limit: Option<f64>,
        exact_limit: Option<u64>,
        rounds: Option<usize>,
        seed: Option<u64>,
    ) -> PyResult<PyFrustration> {
        let options = frustration_options(exact, time_limit, exact_limit, rounds, seed)?;
        let graph = Arc::clone(&self.graph);
        let parts = py.detach(move || {
            let f = graph.frustration(&options);
            let tensions = f.tensions(&graph);
            PyFrustration::of(&graph, &f, &tensions)
        });
        Ok(parts)
    }

    /// The Doreian–Mrvar blockmodel: the partition into ``k`` camps
    /// minimising ``alpha · N + (1 − alpha) · P`` (N the total weight of
    /// negative ties inside camps, P of positive ties between), by seeded
    /// relocation search, proven
    /// optimal when the graph is small enough (``exact_limit`` partitions).
    ///
    /// :returns: a :class:`Blockmodel`.
    ///
    /// Raises :class:`ValidationError` naming each option out of range
    /// (``k`` of 0, ``alpha`` outside 0 to 1, ``restarts`` of 0).
    #[pyo3(signature = (k = 2, alpha = 0.5, *, restarts = None, seed = None, exact_limit = None))]
    fn blockmodel(
        &self,
        py: Python<'_>,
        k: usize,
        alpha: f64,
        restarts: Option<usize>,
        seed: Option<u64>,
        exact_limit: Option<u64>,
    ) -> PyResult<PyBlockmodel> {
        let options = blockmodel_options(k, alpha, restarts, seed, exact_limit);
        let graph = Arc::clone(&self.graph);
        let parts = py
            .detach(move || {
                graph
                    .blockmodel(&options)
                    .map(|b| PyBlockmodel::of(&graph, &b))
            })
            .py(py)?;
        Ok(parts)
    }

    /// Everything the ``stancegraph balance`` command reports: balance,
    /// weak balance, triangles, walk balance, the frustration index with
    /// the cycle behind each out-of-place tie, and the blockmodel of
    /// ``camps`` camps when asked for (and, for a scenario's actor network,
    /// DNA's polarization, as the command adds it).
    ///
    /// :param exact: as :meth:`frustration`.
    /// :param time_limit: as :meth:`frustration` (``None``: 60 seconds, or
    ///     no limit with ``exact=True``).
    /// :param camps: fit a blockmodel of this many camps.
    /// :param alpha: the blockmodel's weight on negative ties inside camps
    ///     (and the pattern's).
    /// :param significance: add the significance test (``None``: for up to
    ///     10,000 ties, as the command's text).
    /// :param pattern: fit a generalised blockmodel of this pattern, as
    ///     :meth:`fit_pattern` (``balance --pattern``).
    /// :param samples: the significance test's shuffles for triangle
    ///     balance (default 1000; ``--samples``).
    /// :param frustration_samples: its shuffles for the frustration index
    ///     (default 100; ``--frustration-samples``).
    /// :param seed: the seed of the shuffles (default 24301; ``--seed``).
    /// :returns: a :class:`BalanceReport` (``.explain()`` for the text,
    ///     ``.to_json()`` for the JSON document; :meth:`explain`,
    ///     :meth:`to_dict` and :meth:`to_json` take the same keywords).
    ///
    /// A bad ``pattern`` raises :class:`ValidationError` naming it.
    #[pyo3(signature = (*, exact = None, time_limit = None, camps = None, alpha = 0.5, significance = None,
        pattern = None, samples = SignificanceOptions::DEFAULT_SAMPLES as i64,
        frustration_samples = SignificanceOptions::DEFAULT_FRUSTRATION_SAMPLES as i64,
        seed = SignificanceOptions::DEFAULT_SEED))]
    #[allow(clippy::too_many_arguments)]
    fn report(
        &self,
        py: Python<'_>,
        exact: Option<bool>,
        time_limit: Option<f64>,
        camps: Option<usize>,
        alpha: f64,
        significance: Option<bool>,
        pattern: Option<&str>,
        samples: i64,
        frustration_samples: i64,
        seed: u64,
    ) -> PyResult<PyBalanceReport> {
        // As `stancegraph balance` prints text: significance for up to
        // DEFAULT_MAX_EDGES ties unless said otherwise.
        let significance = significance
            .unwrap_or(self.graph.edges().len() <= SignificanceOptions::DEFAULT_MAX_EDGES);
        // The options as `stancegraph balance` builds them from its flags.
        let frustration = frustration_options(exact, time_limit, None, None, None)?;
        let mut options = BalanceOptions::new().with_frustration(frustration);
        if let Some(k) = camps {
            options = options.with_blockmodel(blockmodel_options(k, alpha, None, None, None));
        }
        if let Some(text) = pattern {
            let pattern: BlockPattern = text.parse().py(py)?;
            let fit = blockmodel_options(pattern.k(), alpha, None, None, None);
            options = options.with_pattern(pattern, fit);
        }
        // Checked whether or not the test runs: a bad value is named.
        let test =
            crate::signed_measures::significance_options(samples, frustration_samples, seed)?;
        if significance {
            options = options.with_significance(test);
        }
        self.analyse(py, options)
    }

    /// The balance report in words: ``report(**options).explain()``, the
    /// text ``stancegraph balance`` prints (``options``: the keywords of
    /// :meth:`report`).
    #[pyo3(signature = (**options))]
    fn explain(slf: &Bound<'_, Self>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        Ok(report_of(slf, options, None)?.get().text.clone())
    }

    /// The balance report as a dict: ``report(**options).to_dict()``, the
    /// document ``stancegraph balance --format json`` prints (``options``:
    /// the keywords of :meth:`report`, without the significance test unless
    /// ``significance=True``, as the command's JSON).
    #[pyo3(signature = (**options))]
    fn to_dict<'py>(
        slf: &Bound<'py, Self>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let report = report_of(slf, options, Some(false))?;
        json_to_py(slf.py(), &report.get().json)
    }

    /// The balance report as JSON text: ``report(**options).to_json()``,
    /// what ``stancegraph balance --format json`` prints (``options`` as
    /// :meth:`to_dict`'s).
    #[pyo3(signature = (**options))]
    fn to_json(slf: &Bound<'_, Self>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let report = report_of(slf, options, Some(false))?;
        Ok(format!("{:#}\n", report.get().json))
    }

    /// The ties as a pandas ``DataFrame``: ``source``, ``target``, ``sign``
    /// and ``weight`` (1 unless an edge list summed repeated ties).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let g = &*self.graph;
        let column = |f: fn(&SignedGraph, usize) -> String| -> PyResult<Bound<'py, PyAny>> {
            Ok(PyList::new(py, (0..g.edges().len()).map(|e| f(g, e)))?.into_any())
        };
        data_frame(
            py,
            vec![
                ("source", column(|g, e| g.nodes()[g.edges()[e].a].clone())?),
                ("target", column(|g, e| g.nodes()[g.edges()[e].b].clone())?),
                (
                    "sign",
                    PyList::new(py, g.edges().iter().map(|e| e.sign))?.into_any(),
                ),
                (
                    "weight",
                    PyList::new(py, g.edges().iter().map(|e| e.weight))?.into_any(),
                ),
            ],
            &[],
        )
    }

    /// The graph as a ``networkx.Graph`` (networkx must be installed):
    /// nodes by name, in order (for a scenario's graph with ``type``,
    /// ``"actor"`` or ``"issue"``, and ``name``), each tie with the edge
    /// attributes ``sign`` (1 or -1) and ``weight``; ``graph.graph["period"]``
    /// is the period, if any. A graph with an ambivalent pair (tied with
    /// both signs) becomes a ``networkx.MultiGraph``, so that no tie is lost.
    fn to_networkx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let nx = import_optional(py, "networkx")?;
        let g = &*self.graph;
        let class = if g.has_ambivalent_pairs() {
            "MultiGraph"
        } else {
            "Graph"
        };
        let graph = nx.getattr(class)?.call0()?;
        graph.getattr("graph")?.set_item("period", g.period())?;
        let add_node = graph.getattr("add_node")?;
        for (v, name) in g.nodes().iter().enumerate() {
            let attrs = PyDict::new(py);
            match (g.origin(v), &self.scenario) {
                (Some(NodeOrigin::Actor(a)), Some(s)) => {
                    attrs.set_item("type", "actor")?;
                    attrs.set_item("name", s.actor(a).name())?;
                }
                (Some(NodeOrigin::Issue(i)), Some(s)) => {
                    attrs.set_item("type", "issue")?;
                    attrs.set_item("name", s.issue(i).name())?;
                }
                _ => {}
            }
            add_node.call((name,), Some(&attrs))?;
        }
        let add_edge = graph.getattr("add_edge")?;
        for e in g.edges() {
            let attrs = PyDict::new(py);
            attrs.set_item("sign", e.sign)?;
            attrs.set_item("weight", e.weight)?;
            add_edge.call((&g.nodes()[e.a], &g.nodes()[e.b]), Some(&attrs))?;
        }
        Ok(graph)
    }

    /// The number of nodes.
    fn __len__(&self) -> usize {
        self.graph.nodes().len()
    }

    fn __repr__(&self) -> String {
        let g = &*self.graph;
        let positive = g.edges().iter().filter(|e| e.sign > 0).count();
        let period = g
            .period()
            .map(|p| format!(" period {p:?}"))
            .unwrap_or_default();
        format!(
            "<stancegraph.SignedGraph{period}: {} nodes, {} ties ({positive} positive, {} negative)>",
            g.nodes().len(),
            g.edges().len(),
            g.edges().len() - positive
        )
    }
}

#[pymethods]
impl PyScenario {
    /// The scenario as a signed graph, as the ``stancegraph balance``
    /// command builds it.
    ///
    /// :param graph: ``"stances"`` (default): actors **and** issues, an
    ///     actor–issue tie per supported (+1) or opposed (-1) issue, an
    ///     issue–issue tie per relation (implies/equivalent +1,
    ///     excludes/incompatible -1), +1 for memberships and speaks-for
    ///     links; ``"actors"``: the actor network of agreement and conflict
    ///     (its report adds DNA's polarization, as the command does).
    /// :param attribution: whose words count: ``"principal"`` (default:
    ///     an envoy's words are their state's) or ``"speaker"``.
    /// :param as_of: only the positions that hold on this day.
    /// :param ties: ``"net"`` (default): one tie per pair, the sign of what
    ///     speaks for it minus what speaks against it; ``"both"``: a positive
    ///     tie weighing the one and a negative tie weighing the other, so
    ///     that a pair agreeing on some issues and in conflict on others is
    ///     an ambivalent pair (``stancegraph balance --ties both``).
    /// :returns: a :class:`SignedGraph` whose report cites the statements
    ///     behind each tie.
    #[pyo3(signature = (graph = "stances", *, attribution = "principal", as_of = None, ties = "net"))]
    fn signed_graph(
        &self,
        py: Python<'_>,
        graph: &str,
        attribution: &str,
        as_of: Option<&Bound<'_, PyAny>>,
        ties: &str,
    ) -> PyResult<PySignedGraph> {
        let signs = match ties.trim().to_ascii_lowercase().as_str() {
            "net" => TieSigns::Net,
            "both" => TieSigns::Both,
            other => {
                return Err(bad_argument(
                    "ties",
                    format!("unknown ties `{other}`; expected net or both"),
                ));
            }
        };
        let actors = match graph.trim().to_ascii_lowercase().as_str() {
            "stances" => false,
            "actors" => true,
            other => {
                return Err(bad_argument(
                    "graph",
                    format!("unknown graph `{other}`; expected stances or actors"),
                ));
            }
        };
        let (attribution, level) = match attribution.trim().to_ascii_lowercase().as_str() {
            "principal" => (Attribution::Principal, Level::Principal),
            "speaker" => (Attribution::Speaker, Level::Actor),
            other => {
                return Err(bad_argument(
                    "attribution",
                    format!("unknown attribution `{other}`; expected principal or speaker"),
                ));
            }
        };
        let as_of = opt_date_arg("as_of", as_of)?;
        let mut options = GraphOptions::default().with_attribution(attribution);
        options.as_of = as_of;
        let scenario = Arc::clone(&self.inner);
        let signed = py.detach(|| {
            let stance = StanceGraph::with_options(&scenario, options);
            if actors {
                SignedGraph::from_actor_ties_with(&stance, signs)
            } else {
                SignedGraph::from_actors_and_issues_with(&stance, signs)
            }
        });
        Ok(PySignedGraph {
            graph: Arc::new(signed),
            scenario: Some(scenario),
            polarization: actors.then(|| {
                PolarizationOptions::new()
                    .with_level(level)
                    .with_range(None, as_of)
            }),
        })
    }
}
