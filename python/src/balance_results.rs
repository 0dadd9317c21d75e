//! The results of the balance analyses of `signed.rs`: `Frustration` (the
//! frustration index with its camps, proof and tensions), `Blockmodel` and
//! `BalanceReport` (what `stancegraph balance` reports), each built once
//! from the library's result and read as plain values.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use stancegraph::balance::{Blockmodel, Frustration, FrustrationMethod, SignedGraph, Tension};

use crate::convert::json_to_py;
use crate::network::PyPolarization;
use crate::signed::{Triple, names, triple};

/// The frustration index of a signed graph: the least total weight of ties
/// out of place (``value``; their number when unweighted), a proven
/// ``lower_bound`` (equal when ``exact``), the two ``camps`` achieving the
/// value and the ``frustrated_edges``.
#[pyclass(name = "Frustration", module = "stancegraph", frozen)]
pub struct PyFrustration {
    /// The total weight of the ties the camps found put out of place (an
    /// upper bound on the index; the index itself when :attr:`exact`); a
    /// whole number when every weight is.
    #[pyo3(get)]
    value: f64,
    /// A proven lower bound on the index.
    #[pyo3(get)]
    lower_bound: f64,
    /// Whether the value is proven optimal (``value == lower_bound``).
    #[pyo3(get)]
    exact: bool,
    /// ``value - lower_bound`` (0 when exact).
    #[pyo3(get)]
    gap: f64,
    /// The normalised score 1 − 2·value/total weight (signnet's
    /// ``frustration``, 1 − 2L/m, when unweighted); 1 for a balanced graph.
    #[pyo3(get)]
    score: f64,
    /// The method that ran: ``"exact"`` or ``"heuristic"``.
    #[pyo3(get)]
    method: &'static str,
    /// Whether the time limit stopped the search.
    #[pyo3(get)]
    limit_reached: bool,
    /// The number of ties of the graph.
    #[pyo3(get)]
    edge_count: usize,
    /// The total weight of the ties of the graph.
    #[pyo3(get)]
    total_weight: f64,
    /// Blocks (biconnected components with a cycle) solved.
    #[pyo3(get)]
    block_count: usize,
    /// ``(nodes, ties)`` of the largest block after reduction.
    #[pyo3(get)]
    largest_block: (usize, usize),
    /// Branch-and-bound nodes explored.
    #[pyo3(get)]
    search_nodes: u64,
    /// The two camps: lists of node names (together every node; the first
    /// holds the first node of each connected component).
    #[pyo3(get)]
    camps: (Vec<String>, Vec<String>),
    /// The ties out of place (positive between the camps, negative inside
    /// one) as ``(source, target, sign)``.
    #[pyo3(get)]
    frustrated_edges: Vec<Triple>,
    tension_cycles: Vec<(Triple, Vec<String>)>,
    /// Whether any tie of the graph weighs other than 1.
    weighted: bool,
}

impl PyFrustration {
    pub(crate) fn of(g: &SignedGraph, f: &Frustration, tensions: &[Tension]) -> Self {
        PyFrustration {
            value: f.value,
            lower_bound: f.lower_bound,
            exact: f.exact,
            gap: f.gap(),
            score: f.score(),
            method: match f.method {
                FrustrationMethod::Heuristic => "heuristic",
                _ => "exact",
            },
            limit_reached: f.limit_reached,
            edge_count: f.edge_count,
            total_weight: f.total_weight,
            weighted: g.is_weighted(),
            block_count: f.block_count,
            largest_block: f.largest_block,
            search_nodes: f.search_nodes,
            camps: (names(g, &f.camps[0]), names(g, &f.camps[1])),
            frustrated_edges: f.frustrated_edges.iter().map(|&e| triple(g, e)).collect(),
            tension_cycles: tensions
                .iter()
                .map(|t| (triple(g, t.edge), names(g, &t.nodes)))
                .collect(),
        }
    }
}

#[pymethods]
impl PyFrustration {
    /// Why each frustrated tie is out of place: a list of dicts with
    /// ``edge`` (the tie) and ``cycle`` (the nodes of the unbalanced cycle
    /// it closes with ties in place, from one end to the other; empty when
    /// no such path exists).
    #[getter]
    fn tensions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for (edge, cycle) in &self.tension_cycles {
            let d = PyDict::new(py);
            d.set_item("edge", edge.clone())?;
            d.set_item("cycle", cycle.clone())?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Every figure as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("value", self.value)?;
        d.set_item("lower_bound", self.lower_bound)?;
        d.set_item("exact", self.exact)?;
        d.set_item("gap", self.gap)?;
        d.set_item("score", self.score)?;
        d.set_item("method", self.method)?;
        d.set_item("limit_reached", self.limit_reached)?;
        d.set_item("edge_count", self.edge_count)?;
        d.set_item("total_weight", self.total_weight)?;
        d.set_item("block_count", self.block_count)?;
        d.set_item("largest_block", self.largest_block)?;
        d.set_item("search_nodes", self.search_nodes)?;
        d.set_item("camps", self.camps.clone())?;
        d.set_item("frustrated_edges", self.frustrated_edges.clone())?;
        d.set_item("tensions", self.tensions(py)?)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        let how = if self.exact {
            "exact".to_owned()
        } else if self.limit_reached {
            format!("time limit, at least {}", self.lower_bound)
        } else {
            format!("heuristic, at least {}", self.lower_bound)
        };
        let of = if !self.weighted {
            format!("{} ties", self.edge_count)
        } else {
            format!("weight {} ({} ties)", self.total_weight, self.edge_count)
        };
        format!(
            "<stancegraph.Frustration {} of {of} ({how}); camps of {} and {}>",
            self.value,
            self.camps.0.len(),
            self.camps.1.len()
        )
    }
}

/// The Doreian–Mrvar blockmodel: the camps, the ties they leave out of
/// place, and the criterion ``alpha · negative_inside + (1 − alpha) ·
/// positive_between`` (total weights of the ties out of place).
#[pyclass(name = "Blockmodel", module = "stancegraph", frozen)]
pub struct PyBlockmodel {
    /// The number of camps asked for.
    #[pyo3(get)]
    k: usize,
    /// How much negative ties inside a camp count (positive ties between
    /// camps count ``1 − alpha``).
    #[pyo3(get)]
    alpha: f64,
    /// ``alpha · negative_inside + (1 − alpha) · positive_between``.
    #[pyo3(get)]
    criterion: f64,
    /// The total weight of the negative ties inside a camp (their number
    /// when every tie weighs 1).
    #[pyo3(get)]
    negative_inside: f64,
    /// The total weight of the positive ties between camps (their number
    /// when every tie weighs 1).
    #[pyo3(get)]
    positive_between: f64,
    /// The camps: lists of node names, ordered by their first node.
    #[pyo3(get)]
    camps: Vec<Vec<String>>,
    /// The ties out of place as ``(source, target, sign)``.
    #[pyo3(get)]
    misplaced: Vec<Triple>,
    /// Whether the partition is proven optimal.
    #[pyo3(get)]
    exact: bool,
    /// Random starts of the local search.
    #[pyo3(get)]
    restarts: usize,
    camp_of: Vec<(String, usize)>,
    text: String,
}

impl PyBlockmodel {
    pub(crate) fn of(g: &SignedGraph, b: &Blockmodel) -> Self {
        PyBlockmodel {
            k: b.k,
            alpha: b.alpha,
            criterion: b.criterion(),
            negative_inside: b.negative_inside,
            positive_between: b.positive_between,
            camps: b.camps.iter().map(|c| names(g, c)).collect(),
            camp_of: g
                .nodes()
                .iter()
                .cloned()
                .zip(b.membership.iter().copied())
                .collect(),
            misplaced: b.misplaced.iter().map(|&e| triple(g, e)).collect(),
            exact: b.exact,
            restarts: b.restarts,
            text: b.to_string(),
        }
    }
}

#[pymethods]
impl PyBlockmodel {
    /// The camp (an index into :attr:`camps`) of each node, by name.
    #[getter]
    fn membership<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (name, camp) in &self.camp_of {
            d.set_item(name, camp)?;
        }
        Ok(d)
    }

    /// One line: camps, criterion, the ties out of place, and whether it is
    /// proven optimal.
    fn __str__(&self) -> String {
        self.text.clone()
    }

    fn __repr__(&self) -> String {
        format!("<stancegraph.Blockmodel {}>", self.text)
    }
}

/// The structural balance of a signed graph, as ``stancegraph balance``
/// reports it: :meth:`explain` (its text), :meth:`to_json` (its JSON
/// document), and the parts as attributes.
#[pyclass(name = "BalanceReport", module = "stancegraph", frozen)]
pub struct PyBalanceReport {
    pub(crate) text: String,
    pub(crate) json: serde_json::Value,
    pub(crate) balanced: bool,
    pub(crate) weakly_balanced: bool,
    pub(crate) walk_balance: Option<f64>,
    pub(crate) triangles: Py<PyDict>,
    pub(crate) frustration: Py<PyFrustration>,
    pub(crate) blockmodel: Option<Py<PyBlockmodel>>,
    pub(crate) polarization: Option<Py<PyPolarization>>,
}

#[pymethods]
impl PyBalanceReport {
    /// Whether the graph is (strictly) balanced.
    #[getter]
    fn balanced(&self) -> bool {
        self.balanced
    }

    /// Whether the graph is weakly balanced.
    #[getter]
    fn weakly_balanced(&self) -> bool {
        self.weakly_balanced
    }

    /// Walk balance, or ``None`` for graphs too large to compute it.
    #[getter]
    fn walk_balance(&self) -> Option<f64> {
        self.walk_balance
    }

    /// The triangle census (as :meth:`SignedGraph.triangles`; a copy).
    #[getter]
    fn triangles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.triangles.bind(py).copy()
    }

    /// The :class:`Frustration`.
    #[getter]
    fn frustration(&self, py: Python<'_>) -> Py<PyFrustration> {
        self.frustration.clone_ref(py)
    }

    /// The :class:`Blockmodel`, when ``camps`` was given.
    #[getter]
    fn blockmodel(&self, py: Python<'_>) -> Option<Py<PyBlockmodel>> {
        self.blockmodel.as_ref().map(|b| b.clone_ref(py))
    }

    /// DNA's :class:`Polarization`, for a scenario's actor network.
    #[getter]
    fn polarization(&self, py: Python<'_>) -> Option<Py<PyPolarization>> {
        self.polarization.as_ref().map(|p| p.clone_ref(py))
    }

    /// The report in words, as ``stancegraph balance`` prints it.
    fn explain(&self) -> String {
        self.text.clone()
    }

    /// The report as a dict, as ``stancegraph balance --format json``
    /// prints it.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.json)
    }

    /// The report as JSON text, what ``stancegraph balance --format json``
    /// prints (the same bytes).
    fn to_json(&self) -> String {
        crate::convert::json_text(&self.json)
    }

    fn __str__(&self) -> String {
        self.text.clone()
    }

    fn __repr__(&self) -> String {
        format!(
            "<stancegraph.BalanceReport: {}, frustration {}>",
            if self.balanced {
                "balanced"
            } else {
                "not balanced"
            },
            self.json["frustration"]["value"]
        )
    }
}
