//! Who agrees with whom: `Scenario.ties`, `Scenario.camps`,
//! `Scenario.overview`, and what-if (`Scenario.with_positions`,
//! `Scenario.what_if`).
//!
//! The stance graph is built with the GIL released and kept (a
//! [`self_cell`] over the shared scenario) so that each tie's evidence —
//! the issues and positions behind it, and its sentence — is read on
//! demand.

use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use self_cell::self_cell;
use stancegraph::contradiction::CheckOptions;
use stancegraph::stance::{Attribution, GraphOptions, Overview, TieKind, TieSummary};
use stancegraph::{Scenario, StanceGraph};

use crate::convert::{data_frame, opt_date_arg};
use crate::errors::{IntoPyResult, bad_argument};
use crate::scenario::PyScenario;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Ties>()?;
    Ok(())
}

type Graph<'s> = StanceGraph<'s>;

self_cell!(
    struct Built {
        owner: Arc<Scenario>,
        #[covariant]
        dependent: Graph,
    }
);

/// `attribution` and `as_of` as the library's graph options.
fn graph_options(attribution: &str, as_of: Option<&Bound<'_, PyAny>>) -> PyResult<GraphOptions> {
    let attribution = match attribution.trim() {
        "speaker" => Attribution::Speaker,
        "principal" => Attribution::Principal,
        other => {
            return Err(bad_argument(
                "attribution",
                format!("unknown attribution `{other}`; expected speaker or principal"),
            ));
        }
    };
    let mut options = GraphOptions::default().with_attribution(attribution);
    if let Some(day) = opt_date_arg("as_of", as_of)? {
        options = options.with_as_of(day);
    }
    Ok(options)
}

fn tie_kind(kind: TieKind) -> &'static str {
    match kind {
        TieKind::Agreement => "agreement",
        TieKind::Conflict => "conflict",
    }
}

#[pymethods]
impl PyScenario {
    /// The ties between actors: two actors *agree* when they take the same
    /// side of an issue and are *in conflict* when they take opposite sides;
    /// a tie's weight is the number of issues behind it.
    ///
    /// ``attribution``: ``"principal"`` (default, as ``stancegraph show``:
    /// Kellogg's words count as the United States') or ``"speaker"``
    /// (Kellogg is Kellogg); ``as_of``: only the positions that hold on
    /// that day. Returns :class:`Ties`.
    #[pyo3(signature = (attribution = "principal", as_of = None))]
    fn ties(
        &self,
        py: Python<'_>,
        attribution: &str,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Ties> {
        let options = graph_options(attribution, as_of)?;
        let scenario = Arc::clone(&self.inner);
        let built =
            py.detach(move || Built::new(scenario, |s| StanceGraph::with_options(s, options)));
        let summaries = built.borrow_dependent().ties().collect();
        Ok(Ties {
            built: Arc::new(built),
            summaries,
        })
    }

    /// The camps on one issue: ``{"support": [...], "oppose": [...],
    /// "neutral": [...]}``, each member a dict ``actor``, ``positions``,
    /// ``firmness`` (the firmest) and ``conditional`` (all its positions
    /// conditional).
    #[pyo3(signature = (issue, attribution = "principal", as_of = None))]
    fn camps<'py>(
        &self,
        py: Python<'py>,
        issue: &str,
        attribution: &str,
        as_of: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let options = graph_options(attribution, as_of)?;
        let s = &*self.inner;
        let id = s
            .issue_id(issue)
            .ok_or_else(|| PyKeyError::new_err(format!("no issue `{issue}`")))?;
        let camps = py.detach(|| StanceGraph::with_options(s, options).camps(id));
        let out = PyDict::new(py);
        for (name, members) in [
            ("support", &camps.support),
            ("oppose", &camps.oppose),
            ("neutral", &camps.neutral),
        ] {
            let list = PyList::empty(py);
            for m in members {
                let d = PyDict::new(py);
                d.set_item("actor", s.actor(m.actor).key())?;
                d.set_item(
                    "positions",
                    m.positions
                        .iter()
                        .map(|&p| s.position(p).key())
                        .collect::<Vec<_>>(),
                )?;
                d.set_item("firmness", m.firmness.as_str())?;
                d.set_item("conditional", m.conditional)?;
                list.append(d)?;
            }
            out.set_item(name, list)?;
        }
        Ok(out)
    }

    /// The plain-text overview ``stancegraph show`` prints (the same text):
    /// the actors, the camps per issue, the ties.
    #[pyo3(signature = (attribution = "principal", as_of = None))]
    fn overview(
        &self,
        py: Python<'_>,
        attribution: &str,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<String> {
        let options = graph_options(attribution, as_of)?;
        let s = &*self.inner;
        Ok(py.detach(|| {
            let graph = StanceGraph::with_options(s, options);
            Overview::new(&graph).to_string()
        }))
    }

    /// This scenario with more positions (hypothetical ones, for
    /// :meth:`what_if`): dicts of the file's ``positions`` shape. Problems
    /// name them as ``positions[i]`` after the scenario's own.
    fn with_positions(&self, py: Python<'_>, positions: &Bound<'_, PyAny>) -> PyResult<PyScenario> {
        if positions.cast::<PyDict>().is_ok() || positions.is_instance_of::<pyo3::types::PyString>()
        {
            return Err(PyTypeError::new_err(
                "with_positions: expected a list of position dicts, not one dict or a str",
            ));
        }
        let data = self.to_dict(py)?;
        let list = match data.get_item("positions") {
            Ok(list) => list,
            Err(_) => {
                let empty = PyList::empty(py).into_any();
                data.set_item("positions", &empty)?;
                empty
            }
        };
        for position in positions.try_iter().map_err(|_| {
            PyTypeError::new_err("with_positions: expected a list of position dicts")
        })? {
            list.call_method1("append", (position?,))?;
        }
        let json = py.import("json")?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("default", py.import("builtins")?.getattr("str")?)?;
        let text: String = json
            .getattr("dumps")?
            .call((data,), Some(&kwargs))?
            .extract()?;
        let scenario = py.detach(|| Scenario::from_json_str(&text)).py(py)?;
        Ok(PyScenario::new(scenario))
    }

    /// The contradictions this scenario has and ``baseline`` has not
    /// (``created``), and those ``baseline`` has and this one has not
    /// (``resolved``): ``{"created": [...], "resolved": [...]}``, each
    /// contradiction a dict in the shape of :meth:`Contradiction.to_dict`.
    #[pyo3(signature = (baseline, as_of = None))]
    fn what_if<'py>(
        &self,
        py: Python<'py>,
        baseline: &Bound<'py, PyScenario>,
        as_of: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let mut options = CheckOptions::default();
        options.as_of = opt_date_arg("as_of", as_of)?;
        let (after, before) = (&*self.inner, &*baseline.get().inner);
        let value = py.detach(|| {
            let w = after.what_if(before, &options);
            let list = |l: &[stancegraph::Contradiction<'_>]| {
                l.iter().map(|c| c.to_json()).collect::<Vec<_>>()
            };
            serde_json::json!({"created": list(&w.created), "resolved": list(&w.resolved)})
        });
        crate::convert::json_to_py(py, &value)
    }
}

/// The ties of a stance graph: a sequence of dicts ``a``, ``b`` (actor
/// keys), ``kind`` (``agreement`` or ``conflict``), ``weight`` (issues),
/// ``issues`` (per issue: ``issue``, ``stance_a``, ``stance_b``,
/// ``positions_a``, ``positions_b``) and ``explanation`` (the sentence).
#[pyclass(module = "stancegraph", frozen, sequence)]
pub struct Ties {
    built: Arc<Built>,
    summaries: Vec<TieSummary>,
}

impl Ties {
    fn tie<'py>(&self, py: Python<'py>, summary: &TieSummary) -> PyResult<Bound<'py, PyDict>> {
        let graph = self.built.borrow_dependent();
        let s = graph.scenario();
        let d = PyDict::new(py);
        d.set_item("a", s.actor(summary.a).key())?;
        d.set_item("b", s.actor(summary.b).key())?;
        d.set_item("kind", tie_kind(summary.kind))?;
        d.set_item("weight", summary.weight)?;
        let Some(tie) = graph.tie(summary.a, summary.b, summary.kind) else {
            d.set_item("issues", PyList::empty(py))?;
            d.set_item("explanation", py.None())?;
            return Ok(d);
        };
        let issues = PyList::empty(py);
        for x in &tie.issues {
            let i = PyDict::new(py);
            i.set_item("issue", s.issue(x.issue).key())?;
            i.set_item("stance_a", x.stance_a.as_str())?;
            i.set_item("stance_b", x.stance_b.as_str())?;
            let keys = |ps: &[stancegraph::PositionId]| {
                ps.iter().map(|&p| s.position(p).key()).collect::<Vec<_>>()
            };
            i.set_item("positions_a", keys(&x.positions_a))?;
            i.set_item("positions_b", keys(&x.positions_b))?;
            issues.append(i)?;
        }
        d.set_item("issues", issues)?;
        d.set_item("explanation", tie.to_string())?;
        Ok(d)
    }
}

#[pymethods]
impl Ties {
    fn __len__(&self) -> usize {
        self.summaries.len()
    }

    fn __getitem__<'py>(&self, py: Python<'py>, index: isize) -> PyResult<Bound<'py, PyDict>> {
        let len = self.summaries.len();
        let i = if index < 0 {
            index + len as isize
        } else {
            index
        };
        if i < 0 || i as usize >= len {
            return Err(PyIndexError::new_err(format!(
                "tie index {index} out of range ({len} ties)"
            )));
        }
        self.tie(py, &self.summaries[i as usize])
    }

    fn __repr__(&self) -> String {
        let agree = self
            .summaries
            .iter()
            .filter(|t| t.kind == TieKind::Agreement)
            .count();
        format!(
            "<stancegraph.Ties: {agree} agreement, {} conflict>",
            self.summaries.len() - agree
        )
    }

    /// The tie between two actors of one kind (``"agreement"`` or
    /// ``"conflict"``) as a dict, or ``None``.
    fn between<'py>(
        &self,
        py: Python<'py>,
        a: &str,
        b: &str,
        kind: &str,
    ) -> PyResult<Option<Bound<'py, PyDict>>> {
        let s = self.built.borrow_owner();
        let actor = |key: &str| {
            s.actor_id(key)
                .ok_or_else(|| PyKeyError::new_err(format!("no actor `{key}`")))
        };
        let kind = match kind {
            "agreement" => TieKind::Agreement,
            "conflict" => TieKind::Conflict,
            other => {
                return Err(bad_argument(
                    "kind",
                    format!("unknown tie kind `{other}`; expected agreement or conflict"),
                ));
            }
        };
        let (a, b) = (actor(a)?, actor(b)?);
        let found = self
            .summaries
            .iter()
            .find(|t| t.kind == kind && ((t.a, t.b) == (a, b) || (t.a, t.b) == (b, a)));
        found.map(|t| self.tie(py, t)).transpose()
    }

    /// One row per tie: ``a, b, kind, weight, issues`` (the keys of the
    /// issues behind it) and ``explanation``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let graph = self.built.borrow_dependent();
        let s = graph.scenario();
        let t = &self.summaries;
        let mut issues = Vec::with_capacity(t.len());
        let mut explanation = Vec::with_capacity(t.len());
        py.detach(|| {
            for x in t {
                let tie = graph.tie(x.a, x.b, x.kind);
                let mut keys: Vec<&str> = tie
                    .iter()
                    .flat_map(|tie| tie.issues.iter().map(|i| s.issue(i.issue).key()))
                    .collect();
                keys.dedup();
                issues.push(keys);
                explanation.push(tie.map(|tie| tie.to_string()));
            }
        });
        data_frame(
            py,
            vec![
                (
                    "a",
                    PyList::new(py, t.iter().map(|x| s.actor(x.a).key()))?.into_any(),
                ),
                (
                    "b",
                    PyList::new(py, t.iter().map(|x| s.actor(x.b).key()))?.into_any(),
                ),
                (
                    "kind",
                    PyList::new(py, t.iter().map(|x| tie_kind(x.kind)))?.into_any(),
                ),
                (
                    "weight",
                    PyList::new(py, t.iter().map(|x| x.weight))?.into_any(),
                ),
                ("issues", PyList::new(py, issues)?.into_any()),
                ("explanation", PyList::new(py, explanation)?.into_any()),
            ],
            &[],
        )
    }
}
