//! `Scenario.contradictions`: every minimal set of positions that cannot
//! all hold, as `Contradictions` (a sequence of `Contradiction`).
//!
//! The check runs with the GIL released. Its result borrows the scenario,
//! so the Python object owns both: a [`self_cell`] pairs the shared
//! `Arc<Scenario>` with the library's `Contradictions` that borrows it (no
//! unsafe code here, no copy). Items, explanations and tables are built on
//! demand, so crossing the boundary costs what is read, not what is found.
//! The texts and JSON are the library's, the same bytes as
//! `stancegraph check` prints.

use std::collections::BTreeMap;
use std::sync::Arc;

use pyo3::exceptions::PyIndexError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PySlice, PyString};
use self_cell::self_cell;
use stancegraph::Scenario;
use stancegraph::contradiction::{CheckOptions, ContradictionKind, Severity};

use crate::convert::{data_frame, json_text, json_to_py, keyword, opt_date_arg, py_opt_date};
use crate::errors::bad_argument;
use crate::scenario::PyScenario;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyContradictions>()?;
    m.add_class::<PyContradiction>()?;
    Ok(())
}

type Found<'s> = stancegraph::Contradictions<'s>;

self_cell!(
    struct Checked {
        owner: Arc<Scenario>,
        #[covariant]
        dependent: Found,
    }
);

/// `kinds`: one keyword or a list of them.
fn kinds_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<ContradictionKind>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(Vec::new());
    };
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(vec![keyword("kinds", &text.to_cow()?)?]);
    }
    let mut kinds = Vec::new();
    for item in value.try_iter()? {
        let item = item?;
        let text: String = item
            .extract()
            .map_err(|_| bad_argument("kinds", "expected a kind or a list of kinds (str)"))?;
        kinds.push(keyword("kinds", &text)?);
    }
    Ok(kinds)
}

#[pymethods]
impl PyScenario {
    /// Every minimal set of positions that cannot all hold under the
    /// relations, memberships and speakers of the scenario.
    ///
    /// ``as_of`` keeps the positions that hold on that day (a date or
    /// ``"YYYY-MM-DD"``); ``kinds`` keeps these kinds
    /// (``self_contradiction``, ``member_vs_bloc``, ``between_allies``,
    /// ``deadlock``, ``reversal``; one or a list); ``min_severity`` keeps
    /// those at least this severe (``critical``, ``high``, ``medium``);
    /// ``max_per_group`` caps each group (kind, principals, clause), the rest
    /// counted in :attr:`Contradictions.truncated`. Most severe first.
    #[pyo3(signature = (as_of = None, kinds = None, min_severity = None, *, max_per_group = CheckOptions::DEFAULT_MAX_PER_GROUP as i64))]
    #[pyo3(
        text_signature = "(self, as_of=None, kinds=None, min_severity=None, *, max_per_group=100)"
    )]
    fn contradictions(
        &self,
        py: Python<'_>,
        as_of: Option<&Bound<'_, PyAny>>,
        kinds: Option<&Bound<'_, PyAny>>,
        min_severity: Option<&str>,
        max_per_group: i64,
    ) -> PyResult<PyContradictions> {
        let max_per_group = crate::convert::count_arg("max_per_group", max_per_group, 1)?;
        let mut options = CheckOptions::default().with_max_per_group(max_per_group);
        options.as_of = opt_date_arg("as_of", as_of)?;
        let kinds = kinds_arg(kinds)?;
        let min: Option<Severity> = min_severity
            .map(|s| keyword("min_severity", s))
            .transpose()?;
        let scenario = Arc::clone(&self.inner);
        let checked = py.detach(move || {
            Checked::new(scenario, |s| {
                let mut found = s.contradictions(&options);
                if !kinds.is_empty() || min.is_some() {
                    found.retain(|c| {
                        (kinds.is_empty() || kinds.contains(&c.kind))
                            && min.is_none_or(|min| c.severity <= min)
                    });
                }
                found
            })
        });
        Ok(PyContradictions {
            checked: Arc::new(checked),
        })
    }
}

/// The contradictions found: a sequence of :class:`Contradiction`, most
/// severe first.
///
/// ``str()`` (or :meth:`explain`) is the text ``stancegraph check`` prints;
/// :meth:`to_json` its JSON; :meth:`to_pandas` one row per contradiction.
#[pyclass(name = "Contradictions", module = "stancegraph", frozen, sequence)]
pub struct PyContradictions {
    checked: Arc<Checked>,
}

impl PyContradictions {
    fn found(&self) -> &Found<'_> {
        self.checked.borrow_dependent()
    }

    fn item(&self, index: usize) -> PyContradiction {
        PyContradiction {
            checked: Arc::clone(&self.checked),
            index,
        }
    }
}

#[pymethods]
impl PyContradictions {
    fn __len__(&self) -> usize {
        self.found().len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let len = self.found().len();
        if let Ok(slice) = key.cast::<PySlice>() {
            let indices = slice.indices(len as isize)?;
            let items = (0..indices.slicelength)
                .map(|k| self.item((indices.start + k as isize * indices.step) as usize));
            return Ok(PyList::new(py, items)?.into_any());
        }
        let i = crate::records::index_arg("contradiction", len, key)?;
        let index = if i < 0 { i + len as isize } else { i };
        if index < 0 || index as usize >= len {
            return Err(PyIndexError::new_err(format!(
                "contradiction index {i} out of range ({len} contradictions)"
            )));
        }
        Ok(Bound::new(py, self.item(index as usize))?.into_any())
    }

    /// The text ``stancegraph check`` prints: a count, then the
    /// contradictions grouped by kind, each explained.
    fn explain(&self, py: Python<'_>) -> String {
        let found = self.found();
        py.detach(|| found.explain())
    }

    fn __str__(&self, py: Python<'_>) -> String {
        self.explain(py)
    }

    fn __repr__(&self) -> String {
        let n = self.found().len();
        format!(
            "<stancegraph.Contradictions: {n} contradiction{}>",
            if n == 1 { "" } else { "s" }
        )
    }

    /// The JSON ``stancegraph check --format json`` prints (the same
    /// bytes): ``{"contradictions": [...], "summary": {...}}``.
    fn to_json(&self, py: Python<'_>) -> String {
        let found = self.found();
        py.detach(|| json_text(&found.to_json()))
    }

    /// The JSON shape as Python values (``json.loads(self.to_json())``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let found = self.found();
        let value = py.detach(|| found.to_json());
        json_to_py(py, &value)
    }

    /// How many of each kind and severity, and the groups the cap cut
    /// short: ``{"contradictions", "by_kind", "by_severity", "truncated"}``
    /// (the ``summary`` of :meth:`to_json`, without building the rest).
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let found = self.found();
        let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_severity: BTreeMap<&str, usize> = BTreeMap::new();
        for c in found {
            *by_kind.entry(c.kind.as_str()).or_default() += 1;
            *by_severity.entry(c.severity.as_str()).or_default() += 1;
        }
        let summary = PyDict::new(py);
        summary.set_item("contradictions", found.len())?;
        summary.set_item("by_kind", by_kind)?;
        summary.set_item("by_severity", by_severity)?;
        summary.set_item("truncated", self.truncated(py)?)?;
        Ok(summary)
    }

    /// The groups ``max_per_group`` cut short: dicts ``kind``, ``actors``,
    /// ``issues``, ``relation``, ``opposed_by``, ``found``, ``reported``.
    #[getter]
    fn truncated<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let found = self.found();
        let s = found.scenario();
        let list = PyList::empty(py);
        for t in found.truncated() {
            let mut actors: Vec<&str> = t.principals.iter().map(|&a| s.actor(a).key()).collect();
            actors.sort_unstable();
            actors.dedup();
            let mut issues: Vec<&str> = t.issues.iter().map(|&i| s.issue(i).key()).collect();
            issues.sort_unstable();
            issues.dedup();
            let d = PyDict::new(py);
            d.set_item("kind", t.kind.as_str())?;
            d.set_item("actors", actors)?;
            d.set_item("issues", issues)?;
            d.set_item("relation", t.relation.map(|r| r.index()))?;
            d.set_item("opposed_by", t.opposed_by.map(|p| s.position(p).key()))?;
            d.set_item("found", t.found)?;
            d.set_item("reported", t.reported)?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// One row per contradiction: ``kind, severity, conditional, actors,
    /// positions, issues, explanation, bloc, start, end`` (keys in lists,
    /// sorted; ``start``/``end`` as ``datetime64``).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let found = self.found();
        let s = found.scenario();
        let keys = |mut k: Vec<&str>| -> Vec<String> {
            k.sort_unstable();
            k.dedup();
            k.into_iter().map(str::to_owned).collect()
        };
        let mut kind = Vec::with_capacity(found.len());
        let mut severity = Vec::with_capacity(found.len());
        let mut conditional = Vec::with_capacity(found.len());
        let mut actors = Vec::with_capacity(found.len());
        let mut positions = Vec::with_capacity(found.len());
        let mut issues = Vec::with_capacity(found.len());
        let mut explanation = Vec::with_capacity(found.len());
        let mut bloc = Vec::with_capacity(found.len());
        let mut start = Vec::with_capacity(found.len());
        let mut end = Vec::with_capacity(found.len());
        py.detach(|| {
            for c in found {
                kind.push(c.kind.as_str());
                severity.push(c.severity.as_str());
                conditional.push(c.conditional());
                actors.push(keys(
                    c.principals.iter().map(|&a| s.actor(a).key()).collect(),
                ));
                positions.push(keys(
                    c.positions.iter().map(|&p| s.position(p).key()).collect(),
                ));
                issues.push(keys(c.issues.iter().map(|&i| s.issue(i).key()).collect()));
                explanation.push(c.to_string());
                bloc.push(c.bloc.map(|b| s.actor(b).key()));
                start.push(c.from.map(|d| d.to_string()));
                end.push(c.until.map(|d| d.to_string()));
            }
        });
        data_frame(
            py,
            vec![
                ("kind", PyList::new(py, kind)?.into_any()),
                ("severity", PyList::new(py, severity)?.into_any()),
                ("conditional", PyList::new(py, conditional)?.into_any()),
                ("actors", PyList::new(py, actors)?.into_any()),
                ("positions", PyList::new(py, positions)?.into_any()),
                ("issues", PyList::new(py, issues)?.into_any()),
                ("explanation", PyList::new(py, explanation)?.into_any()),
                ("bloc", PyList::new(py, bloc)?.into_any()),
                ("start", PyList::new(py, start)?.into_any()),
                ("end", PyList::new(py, end)?.into_any()),
            ],
            &["start", "end"],
        )
    }
}

/// One set of positions that cannot all hold, with its proof.
///
/// ``str()`` is its explanation (the quotes, dates and the reasoning path);
/// ``reasoning`` the steps as dicts (``step``, the keys it names, ``text``).
#[pyclass(name = "Contradiction", module = "stancegraph", frozen)]
pub struct PyContradiction {
    checked: Arc<Checked>,
    index: usize,
}

impl PyContradiction {
    fn get(&self) -> PyResult<&stancegraph::Contradiction<'_>> {
        self.checked
            .borrow_dependent()
            .iter()
            .nth(self.index)
            .ok_or_else(|| PyIndexError::new_err("contradiction index out of range"))
    }

    fn json_field<'py>(&self, py: Python<'py>, field: &str) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.get()?.to_json()[field])
    }

    fn keys(mut keys: Vec<&str>) -> Vec<&str> {
        keys.sort_unstable();
        keys.dedup();
        keys
    }
}

#[pymethods]
impl PyContradiction {
    /// ``self_contradiction``, ``member_vs_bloc``, ``between_allies``,
    /// ``deadlock`` or ``reversal``.
    #[getter]
    fn kind(&self) -> PyResult<&'static str> {
        Ok(self.get()?.kind.as_str())
    }

    /// ``critical`` (a red line is at stake), ``high`` or ``medium``.
    #[getter]
    fn severity(&self) -> PyResult<&'static str> {
        Ok(self.get()?.severity.as_str())
    }

    /// Whether a position in it holds only on a condition.
    #[getter]
    fn conditional(&self) -> PyResult<bool> {
        Ok(self.get()?.conditional())
    }

    /// The conditions: dicts ``position``, ``issue`` (a key) or ``text``.
    #[getter]
    fn conditions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.json_field(py, "conditions")
    }

    /// The keys of the principals whose positions clash, sorted.
    #[getter]
    fn actors(&self) -> PyResult<Vec<&str>> {
        let c = self.get()?;
        let s = c.scenario();
        Ok(Self::keys(
            c.principals.iter().map(|&a| s.actor(a).key()).collect(),
        ))
    }

    /// The keys of the positions that cannot all hold, sorted.
    #[getter]
    fn positions(&self) -> PyResult<Vec<&str>> {
        let c = self.get()?;
        let s = c.scenario();
        Ok(Self::keys(
            c.positions.iter().map(|&p| s.position(p).key()).collect(),
        ))
    }

    /// The keys of the issues involved, sorted.
    #[getter]
    fn issues(&self) -> PyResult<Vec<&str>> {
        let c = self.get()?;
        let s = c.scenario();
        Ok(Self::keys(
            c.issues.iter().map(|&i| s.issue(i).key()).collect(),
        ))
    }

    /// The bloc of a ``member_vs_bloc`` or ``between_allies``
    /// contradiction, if any.
    #[getter]
    fn bloc(&self) -> PyResult<Option<&str>> {
        let c = self.get()?;
        Ok(c.bloc.map(|b| c.scenario().actor(b).key()))
    }

    /// The first day all its positions hold (``None``: from the start).
    #[getter]
    fn start<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_date(py, self.get()?.from)
    }

    /// The last day they all hold (``None``: open-ended).
    #[getter]
    fn end<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_date(py, self.get()?.until)
    }

    /// The explanation: what each side holds, with quotes and dates, and
    /// why they cannot all hold.
    #[getter]
    fn explanation(&self) -> PyResult<String> {
        Ok(self.get()?.to_string())
    }

    /// The reasoning path, step by step: dicts with ``step`` (``position``,
    /// ``speaks_for``, ``membership``, ``implies``, ``excludes``,
    /// ``opposes``, ``supersedes``), the keys it names and its ``text``.
    #[getter]
    fn reasoning<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.json_field(py, "reasoning")
    }

    /// This contradiction as a dict, in the shape of one entry of
    /// :meth:`Contradictions.to_json`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.get()?.to_json())
    }

    fn __str__(&self) -> PyResult<String> {
        self.explanation()
    }

    /// The same contradiction of the same check.
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyContradiction>().is_ok_and(|o| {
            let o = o.get();
            o.index == self.index && Arc::ptr_eq(&o.checked, &self.checked)
        })
    }

    fn __hash__(&self) -> u64 {
        (Arc::as_ptr(&self.checked) as u64).rotate_left(17) ^ self.index as u64
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!(
            "<Contradiction {} ({}): {}>",
            self.kind()?,
            self.severity()?,
            self.positions()?.join(", ")
        ))
    }
}
