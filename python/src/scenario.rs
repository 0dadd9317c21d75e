//! `stancegraph.Scenario`: loading, writing and the records.
//!
//! A `Scenario` holds the library's validated [`Scenario`] behind an `Arc`:
//! it is immutable in Python (an analysis never changes it), cheap to share
//! with the results that borrow it, and safe to use from several threads.
//! Reading and validating run with the GIL released.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::PyType;
use stancegraph::Scenario;
use stancegraph::io::{Format, LoadOptions};

use crate::errors::IntoPyResult;
use crate::records::{Actors, Issues, Positions, Relations, Sources};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyScenario>()?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    Ok(())
}

/// A validated scenario: actors, issues, relations between issues, sources
/// and positions (who took which stance on which issue, how firmly, when,
/// on what condition, with which quote).
///
/// Make one with :func:`stancegraph.load` (a scenario file or a case
/// folder), :meth:`Scenario.from_yaml`, :meth:`from_json`, :meth:`from_toml`,
/// :meth:`from_dict`, or from a table of coded statements
/// (:func:`stancegraph.read_statements`, :meth:`Scenario.from_statements`).
/// Invalid input raises :class:`stancegraph.ValidationError` listing every
/// problem. In Jupyter a scenario displays as its HTML report.
#[pyclass(name = "Scenario", module = "stancegraph", frozen)]
pub struct PyScenario {
    pub inner: Arc<Scenario>,
}

impl PyScenario {
    pub fn new(scenario: Scenario) -> Self {
        PyScenario {
            inner: Arc::new(scenario),
        }
    }
}

/// Reads a scenario file (``.yaml``, ``.yml``, ``.json``, ``.toml``) or a
/// case folder of them.
///
/// Quotes of positions whose source has a text ``file`` are checked against
/// that text unless ``quote_check=False`` (for drafts).
///
/// Raises :class:`ValidationError` (every problem, each naming its file,
/// record and field), ``FileNotFoundError`` and other ``OSError``\ s, or
/// ``ValueError`` (an unknown extension, an empty folder).
#[pyfunction]
#[pyo3(signature = (path, *, quote_check = true))]
pub fn load(py: Python<'_>, path: PathBuf, quote_check: bool) -> PyResult<PyScenario> {
    let options = LoadOptions::default().with_quote_check(quote_check);
    let scenario = py.detach(|| Scenario::load_with(&path, &options)).py(py)?;
    Ok(PyScenario::new(scenario))
}

fn from_text(
    py: Python<'_>,
    text: &str,
    read: fn(&str) -> stancegraph::Result<Scenario>,
) -> PyResult<PyScenario> {
    let scenario = py.detach(|| read(text)).py(py)?;
    Ok(PyScenario::new(scenario))
}

/// A dict of the file's shape as JSON text, by `stancegraph._convert.dumps`:
/// dates (`datetime.date`, `datetime.datetime` at midnight,
/// `pandas.Timestamp`, `numpy.datetime64`) as ISO days, numpy scalars as
/// their values, NaN refused; anything else JSON cannot hold is a
/// `TypeError` naming where it is.
pub fn dict_to_json(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<String> {
    py.import("stancegraph._convert")?
        .getattr("dumps")?
        .call1((data,))?
        .extract()
}

#[pymethods]
impl PyScenario {
    /// Reads a scenario file or case folder; the same as
    /// :func:`stancegraph.load`.
    #[classmethod]
    #[pyo3(signature = (path, *, quote_check = true))]
    fn load(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        path: PathBuf,
        quote_check: bool,
    ) -> PyResult<PyScenario> {
        load(py, path, quote_check)
    }

    /// A scenario from YAML text.
    #[classmethod]
    fn from_yaml(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<PyScenario> {
        from_text(py, text, Scenario::from_yaml_str)
    }

    /// A scenario from JSON text.
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<PyScenario> {
        from_text(py, text, Scenario::from_json_str)
    }

    /// A scenario from TOML text.
    #[classmethod]
    fn from_toml(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<PyScenario> {
        from_text(py, text, Scenario::from_toml_str)
    }

    /// A scenario from a dict of the file's shape (``actors``, ``issues``,
    /// ``relations``, ``sources``, ``positions``, …), as ``json.loads`` or
    /// ``yaml.safe_load`` give it. Dates may be ``datetime.date`` objects.
    #[classmethod]
    fn from_dict(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<PyScenario> {
        let text = dict_to_json(py, data)?;
        from_text(py, &text, Scenario::from_json_str)
    }

    /// The scenario as text in ``format`` (``"yaml"``, ``"json"`` or
    /// ``"toml"``), in the file shape :meth:`from_yaml` and friends read.
    #[pyo3(signature = (format = "yaml"))]
    fn dumps(&self, py: Python<'_>, format: &str) -> PyResult<String> {
        let scenario = &*self.inner;
        let format = match format.trim().to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Format::Yaml,
            "json" => Format::Json,
            "toml" => Format::Toml,
            other => {
                return Err(crate::errors::bad_argument(
                    "format",
                    format!("unknown format `{other}`; expected yaml, json or toml"),
                ));
            }
        };
        py.detach(|| scenario.to_string_as(format)).py(py)
    }

    /// The scenario as a dict of the file's shape (what :meth:`from_dict`
    /// reads).
    pub fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let text = self.inner.to_string_as(Format::Json).py(py)?;
        crate::convert::loads(py, &text)
    }

    /// Writes the scenario to ``path``, in the format its extension names.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        let scenario = Arc::clone(&self.inner);
        py.detach(move || scenario.save(&path)).py(py)
    }

    /// The scenario's title, if it has one.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title()
    }

    /// The scenario's description, if it has one.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.inner.description()
    }

    /// The actors, in file order (a sequence of :class:`Actor`; also
    /// indexed by key, and ``.to_pandas()``).
    #[getter]
    fn actors(&self) -> Actors {
        Actors::new(Arc::clone(&self.inner))
    }

    /// The issues, in file order (a sequence of :class:`Issue`).
    #[getter]
    fn issues(&self) -> Issues {
        Issues::new(Arc::clone(&self.inner))
    }

    /// The relations between issues (a sequence of :class:`Relation`).
    #[getter]
    fn relations(&self) -> Relations {
        Relations::new(Arc::clone(&self.inner))
    }

    /// The positions, in file order (a sequence of :class:`Position`).
    #[getter]
    fn positions(&self) -> Positions {
        Positions::new(Arc::clone(&self.inner))
    }

    /// The sources declared in the scenario's ``sources`` list (a sequence
    /// of :class:`Source`).
    #[getter]
    fn sources(&self) -> Sources {
        Sources::new(Arc::clone(&self.inner))
    }

    /// The files the scenario was read from, in reading order (one for a
    /// file, several for a case folder, none for text).
    #[getter]
    fn files(&self) -> Vec<String> {
        self.inner
            .provenance()
            .files()
            .iter()
            .map(|f| f.display().to_string())
            .collect()
    }

    fn __repr__(&self) -> String {
        let s = &self.inner;
        let title = s.title().map(|t| format!(" {t:?}")).unwrap_or_default();
        format!(
            "<stancegraph.Scenario{title}: {} actors, {} issues, {} relations, {} positions>",
            s.actors().len(),
            s.issues().len(),
            s.relations().len(),
            s.positions().len()
        )
    }

    /// Pickles as its JSON text (the files it was read from are not kept).
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let text = self.inner.to_string_as(Format::Json).py(py)?;
        let from_json = py.get_type::<PyScenario>().getattr("from_json")?;
        Ok((from_json, (text,)))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyScenario>().is_ok_and(|o| {
            Arc::ptr_eq(&self.inner, &o.get().inner) || *self.inner == *o.get().inner
        })
    }
}
