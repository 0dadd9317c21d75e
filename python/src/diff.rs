//! `Scenario.diff`: what changed between two versions of a case, or in one
//! case between two days — positions added, removed and changed,
//! contradictions that appeared or were resolved, ties formed, broken or
//! changed.
//!
//! The comparison runs with the GIL released. `ScenarioDiff` keeps the
//! scenarios it compares alive (a [`self_cell`] over their `Arc`s) and
//! gives the library's changelog text and JSON (the same bytes as
//! `stancegraph diff`), and the JSON's parts as Python values.

use std::sync::Arc;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use self_cell::self_cell;
use stancegraph::Scenario;
use stancegraph::diff::{DiffOptions, ScenarioDiff};

use crate::convert::opt_date_arg;
use crate::errors::bad_argument;
use crate::scenario::PyScenario;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyScenarioDiff>()?;
    Ok(())
}

/// The scenarios a diff compares: two versions, or one case (`newer` none).
struct Versions {
    older: Arc<Scenario>,
    newer: Option<Arc<Scenario>>,
}

type Compared<'a> = ScenarioDiff<'a>;

self_cell!(
    struct Diffed {
        owner: Versions,
        #[covariant]
        dependent: Compared,
    }
);

#[pymethods]
impl PyScenario {
    /// What changed: ``a.diff(b)`` from this version to the newer ``b``
    /// (``as_of``: compare both as of that day; default their full
    /// histories), or ``a.diff(from_=d1, to=d2)`` within this case between
    /// two days.
    ///
    /// Returns a :class:`ScenarioDiff`: ``str()`` is the changelog
    /// ``stancegraph diff`` prints, :meth:`ScenarioDiff.to_json` its JSON,
    /// and ``positions``, ``contradictions``, ``ties`` and ``summary`` the
    /// JSON's parts.
    #[pyo3(signature = (other = None, *, as_of = None, from_ = None, to = None))]
    fn diff(
        &self,
        py: Python<'_>,
        other: Option<&Bound<'_, PyScenario>>,
        as_of: Option<&Bound<'_, PyAny>>,
        from_: Option<&Bound<'_, PyAny>>,
        to: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyScenarioDiff> {
        let mut options = DiffOptions::default();
        options.as_of = opt_date_arg("as_of", as_of)?;
        let from = opt_date_arg("from_", from_)?;
        let to = opt_date_arg("to", to)?;
        let versions = Versions {
            older: Arc::clone(&self.inner),
            newer: other.map(|o| Arc::clone(&o.get().inner)),
        };
        let days = match (&versions.newer, from, to) {
            (Some(_), None, None) => None,
            (Some(_), _, _) => {
                return Err(PyTypeError::new_err(
                    "diff: give either another version, or from_ and to, not both",
                ));
            }
            (None, Some(from), Some(to)) if from > to => {
                return Err(bad_argument("from_", format!("{from} is after to={to}")));
            }
            (None, Some(from), Some(to)) => {
                if options.as_of.is_some() {
                    return Err(PyTypeError::new_err(
                        "diff: as_of compares two versions; with from_ and to, leave it out",
                    ));
                }
                Some((from, to))
            }
            (None, _, _) => {
                return Err(PyTypeError::new_err(
                    "diff: give another version (a.diff(b)) or two days (a.diff(from_=..., to=...))",
                ));
            }
        };
        let diffed = py.detach(move || {
            Diffed::new(versions, |v| match (days, &v.newer) {
                (Some((from, to)), _) => v.older.diff_dates(from, to, &options),
                (None, Some(newer)) => v.older.diff(newer, &options),
                // Ruled out above: one version without days never gets here;
                // compare the case with itself (an empty diff) rather than panic.
                (None, None) => v.older.diff(&v.older, &options),
            })
        });
        Ok(PyScenarioDiff {
            diffed: Arc::new(diffed),
            json: std::sync::OnceLock::new(),
            text: std::sync::OnceLock::new(),
        })
    }
}

/// What changed between two versions or two days.
///
/// ``str()`` is the changelog ``stancegraph diff`` prints; ``bool()`` is
/// false when nothing changed.
#[pyclass(name = "ScenarioDiff", module = "stancegraph", frozen)]
pub struct PyScenarioDiff {
    diffed: Arc<Diffed>,
    /// The JSON text, made once on first use.
    json: std::sync::OnceLock<String>,
    /// The changelog text, made once on first use.
    text: std::sync::OnceLock<String>,
}

impl PyScenarioDiff {
    fn diff(&self) -> &Compared<'_> {
        self.diffed.borrow_dependent()
    }

    fn text(&self, py: Python<'_>) -> &str {
        let diff = self.diff();
        self.text.get_or_init(|| py.detach(|| diff.to_string()))
    }

    fn part<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        self.to_dict(py)?.get_item(key)
    }
}

#[pymethods]
impl PyScenarioDiff {
    /// The JSON ``stancegraph diff --format json`` prints (the same bytes).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        if let Some(text) = self.json.get() {
            return Ok(text.clone());
        }
        let diff = self.diff();
        let text = py.detach(|| crate::convert::json_text(&diff.to_json()));
        Ok(self.json.get_or_init(|| text).clone())
    }

    /// The JSON shape as Python values.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.to_json(py)?;
        crate::convert::loads(py, &text)
    }

    /// Positions: ``{"added", "removed", "changed", "changes"}`` (keys;
    /// ``changes`` gives each changed position's fields before and after).
    #[getter]
    fn positions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "positions")
    }

    /// Contradictions: ``{"new", "resolved"}``, each a list in the shape of
    /// :meth:`Contradiction.to_dict`.
    #[getter]
    fn contradictions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "contradictions")
    }

    /// Ties between principals: ``{"formed", "broken", "changed"}``.
    #[getter]
    fn ties<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "ties")
    }

    /// How many of each.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.part(py, "summary")
    }

    /// The changelog text.
    fn explain(&self, py: Python<'_>) -> String {
        self.text(py).to_owned()
    }

    fn __str__(&self, py: Python<'_>) -> String {
        self.explain(py)
    }

    fn __bool__(&self) -> bool {
        !self.diff().is_empty()
    }

    fn __repr__(&self, py: Python<'_>) -> String {
        let first = self.text(py).lines().next().unwrap_or_default();
        format!("<stancegraph.ScenarioDiff: {first}>")
    }
}
