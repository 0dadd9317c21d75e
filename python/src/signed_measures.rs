//! Signed networks beyond balance: `SignedGraph.centrality()` (signed
//! degrees, the PN index, the signed eigenvector centrality),
//! `SignedGraph.significance()` (more balanced than chance?) and
//! `SignedGraph.fit_pattern()` (generalised blockmodels), with their
//! results `Centrality`, `Significance` and `PatternFit` — what
//! `stancegraph centrality` and `balance --pattern` report, in the same
//! words. The work runs with the GIL released.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyList;
use stancegraph::balance::{BlockPattern, SignedGraph, SignificanceOptions};

use crate::convert::json_to_py;
use crate::errors::{IntoPyResult, bad_argument};
use crate::signed::{PySignedGraph, blockmodel_options};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyCentrality>()?;
    m.add_class::<PySignificance>()?;
    m.add_class::<PyPatternFit>()?;
    Ok(())
}

#[pymethods]
impl PySignedGraph {
    /// Signed centralities of every node: positive and negative (weighted)
    /// degree, Everett and Borgatti's PN index and the signed eigenvector
    /// centrality — what ``stancegraph centrality`` prints. Returns a
    /// :class:`Centrality`.
    fn centrality(&self, py: Python<'_>) -> PyCentrality {
        let graph = Arc::clone(&self.graph);
        let computed = py.detach(|| graph.centrality());
        PyCentrality::new(Arc::clone(&self.graph), computed)
    }

    /// Is the graph more balanced than chance? Triangle balance and the
    /// frustration index (heuristic) against the signs shuffled over the
    /// ties, seeded, with p-values — as ``stancegraph balance`` reports
    /// them. Returns a :class:`Significance`.
    #[pyo3(signature = (samples = SignificanceOptions::DEFAULT_SAMPLES as i64,
        frustration_samples = SignificanceOptions::DEFAULT_FRUSTRATION_SAMPLES as i64,
        seed = SignificanceOptions::DEFAULT_SEED))]
    fn significance(
        &self,
        py: Python<'_>,
        samples: i64,
        frustration_samples: i64,
        seed: u64,
    ) -> PyResult<PySignificance> {
        let options = significance_options(samples, frustration_samples, seed)?;
        let graph = Arc::clone(&self.graph);
        Ok(PySignificance::new(
            py.detach(move || graph.significance(&options)),
        ))
    }

    /// A generalised blockmodel: the labelling of the nodes into the blocks
    /// of ``pattern`` — rows of ``+``, ``-`` and ``.`` (either) separated by
    /// ``;``, e.g. ``"+-+;-++;+++"`` for two hostile camps and their
    /// mediators — that leaves the least weight of ties out of place (``alpha`` the
    /// weight of a negative tie in a positive block). Exhaustive (proven)
    /// when ``k**n <= exact_limit``, else local search from ``restarts``
    /// seeded starts. Returns a :class:`PatternFit`; a bad pattern raises
    /// :class:`ValidationError` naming it.
    #[pyo3(signature = (pattern, alpha = 0.5, *, restarts = None, seed = None, exact_limit = None))]
    fn fit_pattern(
        &self,
        py: Python<'_>,
        pattern: &str,
        alpha: f64,
        restarts: Option<usize>,
        seed: Option<u64>,
        exact_limit: Option<u64>,
    ) -> PyResult<PyPatternFit> {
        let pattern: BlockPattern = pattern.parse().py(py)?;
        if restarts == Some(0) {
            return Err(bad_argument("restarts", "must be at least 1"));
        }
        let options = blockmodel_options(pattern.k(), alpha, restarts, seed, exact_limit);
        let graph = Arc::clone(&self.graph);
        let fit = py.detach(|| graph.fit_pattern(&pattern, &options)).py(py)?;
        Ok(PyPatternFit {
            graph: Arc::clone(&self.graph),
            fit,
        })
    }
}

/// Signed centralities of every node of a signed graph (in node order):
/// ``positive_degree``, ``negative_degree``, ``pn_index`` and
/// ``eigenvector`` (lists; ``None`` when not defined, with
/// ``pn_problem``/``eigenvector_problem`` saying why), ``eigenvalue``.
/// ``to_pandas()`` gives one row per node, ``str()`` the text and
/// ``to_json()`` the JSON ``stancegraph centrality`` prints.
#[pyclass(name = "Centrality", module = "stancegraph", frozen)]
pub struct PyCentrality {
    graph: std::sync::Arc<SignedGraph>,
    inner: stancegraph::balance::Centrality,
}

impl PyCentrality {
    pub(crate) fn new(
        graph: std::sync::Arc<SignedGraph>,
        inner: stancegraph::balance::Centrality,
    ) -> Self {
        PyCentrality { graph, inner }
    }
}

#[pymethods]
impl PyCentrality {
    /// The node names, in the order of the lists.
    #[getter]
    fn nodes(&self) -> Vec<String> {
        self.graph.nodes().to_vec()
    }
    /// Per node, the total weight of its positive ties.
    #[getter]
    fn positive_degree(&self) -> Vec<f64> {
        self.inner.positive_degree.clone()
    }
    /// Per node, the total weight of its negative ties.
    #[getter]
    fn negative_degree(&self) -> Vec<f64> {
        self.inner.negative_degree.clone()
    }
    /// Per node, the PN index ``(I − A/(2n−2))⁻¹·1`` with ``A = P − 2N``
    /// (``None`` when not defined).
    #[getter]
    fn pn_index(&self) -> Option<Vec<f64>> {
        self.inner.pn_index.clone()
    }
    /// Why the PN index is not defined, when it is not.
    #[getter]
    fn pn_problem(&self) -> Option<String> {
        self.inner.pn_problem.clone()
    }
    /// Per node, the signed eigenvector centrality, largest entry +1
    /// (``None`` when no eigenvalue dominates in absolute value).
    #[getter]
    fn eigenvector(&self) -> Option<Vec<f64>> {
        self.inner.eigenvector.clone()
    }
    /// Why the eigenvector centrality is not defined, when it is not.
    #[getter]
    fn eigenvector_problem(&self) -> Option<String> {
        self.inner.eigenvector_problem.clone()
    }
    /// The eigenvalue of largest absolute value, when it dominates.
    #[getter]
    fn eigenvalue(&self) -> Option<f64> {
        self.inner.eigenvalue
    }
    /// One row per node: ``id, positive_degree, negative_degree, pn_index,
    /// eigenvector``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let n = self.graph.nodes().len();
        let column = |values: &Option<Vec<f64>>| -> PyResult<Bound<'py, PyAny>> {
            Ok(match values {
                Some(v) => PyList::new(py, v)?.into_any(),
                None => PyList::new(py, vec![f64::NAN; n])?.into_any(),
            })
        };
        crate::convert::data_frame(
            py,
            vec![
                ("id", PyList::new(py, self.graph.nodes())?.into_any()),
                (
                    "positive_degree",
                    PyList::new(py, &self.inner.positive_degree)?.into_any(),
                ),
                (
                    "negative_degree",
                    PyList::new(py, &self.inner.negative_degree)?.into_any(),
                ),
                ("pn_index", column(&self.inner.pn_index)?),
                ("eigenvector", column(&self.inner.eigenvector)?),
            ],
            &[],
        )
    }
    /// The JSON document as Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_json(&self.graph))
    }
    /// The JSON ``stancegraph centrality --format json`` prints (the same
    /// bytes).
    fn to_json(&self) -> String {
        crate::convert::json_text(&self.inner.to_json(&self.graph))
    }
    /// The text ``stancegraph centrality`` prints.
    fn explain(&self) -> String {
        self.inner.explain(&self.graph)
    }
    fn __str__(&self) -> String {
        self.explain()
    }
    fn __repr__(&self) -> String {
        format!(
            "<stancegraph.Centrality of {} nodes{}>",
            self.graph.nodes().len(),
            match self.inner.eigenvalue {
                Some(l) => format!(", eigenvalue {l:.4}"),
                None => String::new(),
            }
        )
    }
}

/// Triangle balance and the frustration index against random sign
/// arrangements: ``triangles`` and ``frustration``, each a dict
/// ``observed, mean, sd, z, p_value, samples, seed`` (``None`` when there is
/// nothing to test). ``str()`` is the text ``stancegraph balance`` adds.
#[pyclass(name = "Significance", module = "stancegraph", frozen)]
pub struct PySignificance {
    inner: stancegraph::balance::Significance,
}

impl PySignificance {
    pub(crate) fn new(inner: stancegraph::balance::Significance) -> Self {
        PySignificance { inner }
    }
}

#[pymethods]
impl PySignificance {
    /// Triangle balance against its null distribution, or ``None``.
    #[getter]
    fn triangles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_json()["triangles"])
    }
    /// The frustration index against its null distribution, or ``None``.
    #[getter]
    fn frustration<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_json()["frustration"])
    }
    /// Both tests as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_json())
    }
    /// Both tests as JSON text.
    fn to_json(&self) -> String {
        crate::convert::json_text(&self.inner.to_json())
    }
    /// The tests in words.
    fn explain(&self) -> String {
        self.inner.explain()
    }
    fn __str__(&self) -> String {
        self.inner.explain()
    }
    fn __repr__(&self) -> String {
        let p = |t: &Option<stancegraph::balance::NullTest>| {
            t.as_ref()
                .map_or_else(|| "—".to_owned(), |t| format!("{:.4}", t.p_value))
        };
        format!(
            "<stancegraph.Significance: triangles p = {}, frustration p = {}>",
            p(&self.inner.triangles),
            p(&self.inner.frustration)
        )
    }
}

/// A generalised blockmodel: ``blocks`` (lists of node names, in the
/// pattern's order), ``block_of`` (node → block), ``criterion``,
/// ``negative_in_positive``, ``positive_in_negative`` (total weights of the
/// ties out of place), ``misplaced`` (``(u, v, sign)``), ``exact`` (proven
/// optimal), ``pattern``, ``alpha``.
#[pyclass(name = "PatternFit", module = "stancegraph", frozen)]
pub struct PyPatternFit {
    graph: Arc<SignedGraph>,
    fit: stancegraph::balance::PatternFit,
}

#[pymethods]
impl PyPatternFit {
    /// The pattern, as text.
    #[getter]
    fn pattern(&self) -> String {
        self.fit.pattern.to_string()
    }
    /// How much negative ties in positive blocks count (positive ties in
    /// negative blocks count ``1 − alpha``).
    #[getter]
    fn alpha(&self) -> f64 {
        self.fit.alpha
    }
    /// ``alpha · negative_in_positive + (1 − alpha) · positive_in_negative``.
    #[getter]
    fn criterion(&self) -> f64 {
        self.fit.criterion()
    }
    /// The total weight of the negative ties in pairs of blocks expected
    /// positive (their number when every tie weighs 1).
    #[getter]
    fn negative_in_positive(&self) -> f64 {
        self.fit.negative_in_positive
    }
    /// The total weight of the positive ties in pairs of blocks expected
    /// negative (their number when every tie weighs 1).
    #[getter]
    fn positive_in_negative(&self) -> f64 {
        self.fit.positive_in_negative
    }
    /// Whether every labelling was tried (the criterion is then optimal).
    #[getter]
    fn exact(&self) -> bool {
        self.fit.exact
    }
    /// The node names of each block, in the pattern's order.
    #[getter]
    fn blocks(&self) -> Vec<Vec<String>> {
        let nodes = self.graph.nodes();
        self.fit
            .blocks
            .iter()
            .map(|b| b.iter().map(|&v| nodes[v].clone()).collect())
            .collect()
    }
    /// Each node's block (0-based), by name.
    #[getter]
    fn block_of(&self) -> std::collections::BTreeMap<String, usize> {
        let nodes = self.graph.nodes();
        self.fit
            .block_of
            .iter()
            .enumerate()
            .map(|(v, &b)| (nodes[v].clone(), b))
            .collect()
    }
    /// The out-of-place ties as ``(u, v, sign)``.
    #[getter]
    fn misplaced(&self) -> Vec<(String, String, i8)> {
        let nodes = self.graph.nodes();
        self.fit
            .misplaced
            .iter()
            .map(|&e| {
                let edge = self.graph.edges()[e];
                (nodes[edge.a].clone(), nodes[edge.b].clone(), edge.sign)
            })
            .collect()
    }
    /// The fit as a dict (``balance --pattern --format json``'s
    /// ``pattern_blockmodel``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.fit.to_json(&self.graph))
    }
    /// The fit as JSON text.
    fn to_json(&self) -> String {
        crate::convert::json_text(&self.fit.to_json(&self.graph))
    }
    /// The fit in words.
    fn explain(&self) -> String {
        self.fit.explain(&self.graph)
    }
    fn __str__(&self) -> String {
        self.explain()
    }
    fn __repr__(&self) -> String {
        format!(
            "<stancegraph.PatternFit {}: criterion {}{}>",
            self.fit.pattern,
            self.fit.criterion(),
            if self.fit.exact { ", proven" } else { "" }
        )
    }
}

/// The significance test's options from the Python keywords (``samples``,
/// ``frustration_samples``: whole numbers of 0 or more, else a `ValueError`
/// naming the argument, as ``--samples`` and ``--frustration-samples``).
pub(crate) fn significance_options(
    samples: i64,
    frustration_samples: i64,
    seed: u64,
) -> PyResult<SignificanceOptions> {
    Ok(SignificanceOptions::new()
        .with_samples(crate::convert::count_arg("samples", samples, 0)?)
        .with_frustration_samples(crate::convert::count_arg(
            "frustration_samples",
            frustration_samples,
            0,
        )?)
        .with_seed(seed))
}
