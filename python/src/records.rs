//! The scenario's records as Python sequences: `Scenario.actors`,
//! `.issues`, `.relations`, `.positions` and `.sources`.
//!
//! Each sequence is a view of the shared scenario (no copy): `len()`,
//! indexing by position (negative too) or by key (`scenario.actors["us"]`),
//! `in` by key, iteration, and `to_pandas()` building the whole table
//! column by column in one pass. Each item is a small read-only object
//! (`Actor`, `Issue`, `Relation`, `Position`, `Source`) whose attributes
//! are plain values: keys as `str`, dates as `datetime.date`.

use std::sync::Arc;

use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use stancegraph::{ActorId, Condition, IssueId, PositionId, RelationId, Scenario};

use crate::convert::{data_frame, py_opt_date};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Actors>()?;
    m.add_class::<Issues>()?;
    m.add_class::<Relations>()?;
    m.add_class::<Positions>()?;
    m.add_class::<Sources>()?;
    m.add_class::<Actor>()?;
    m.add_class::<Issue>()?;
    m.add_class::<Relation>()?;
    m.add_class::<Position>()?;
    m.add_class::<Source>()?;
    Ok(())
}

/// Resolves a sequence index (`int`, negative from the end) or a key
/// (`str`, through `by_key`) to a 0-based index.
fn resolve(
    what: &str,
    len: usize,
    key: &Bound<'_, PyAny>,
    by_key: impl FnOnce(&str) -> Option<usize>,
) -> PyResult<usize> {
    if let Ok(text) = key.cast::<PyString>() {
        let text = text.to_cow()?;
        return by_key(&text).ok_or_else(|| PyKeyError::new_err(format!("no {what} `{text}`")));
    }
    let i = index_arg(what, len, key)?;
    let index = if i < 0 { i + len as isize } else { i };
    if index < 0 || index as usize >= len {
        return Err(PyIndexError::new_err(format!(
            "{what} index {i} out of range ({len} {what}s)"
        )));
    }
    Ok(index as usize)
}

/// An `int` index (anything with `__index__`, not `bool`): an int too large
/// for the machine is out of range (`IndexError`, as for a list), anything
/// else a `TypeError`.
pub fn index_arg(what: &str, len: usize, key: &Bound<'_, PyAny>) -> PyResult<isize> {
    if key.is_instance_of::<pyo3::types::PyBool>() || !key.hasattr("__index__")? {
        return Err(PyTypeError::new_err(format!(
            "{what}s are indexed by position (int) or key (str), not {}",
            key.get_type().name()?
        )));
    }
    key.extract::<isize>().map_err(|_| {
        PyIndexError::new_err(format!("{what} index {key} out of range ({len} {what}s)"))
    })
}

fn file_of(path: Option<&std::path::Path>) -> Option<String> {
    path.map(|p| p.display().to_string())
}

fn list<'py, T: IntoPyObject<'py>>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T, IntoIter: ExactSizeIterator>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(PyList::new(py, items)?.into_any())
}

/// Defines a sequence class over one list of the scenario.
macro_rules! sequence {
    ($seq:ident, $item:ident, $pyname:literal, $what:literal, $len:expr, $by_key:expr, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(name = $pyname, module = "stancegraph", frozen, sequence)]
        pub struct $seq {
            scenario: Arc<Scenario>,
        }

        impl $seq {
            pub fn new(scenario: Arc<Scenario>) -> Self {
                $seq { scenario }
            }

            fn count(&self) -> usize {
                let len: fn(&Scenario) -> usize = $len;
                len(&self.scenario)
            }
        }

        #[pymethods]
        impl $seq {
            fn __len__(&self) -> usize {
                self.count()
            }

            fn __getitem__(&self, key: &Bound<'_, PyAny>) -> PyResult<$item> {
                let by_key: fn(&Scenario, &str) -> Option<usize> = $by_key;
                let index = resolve($what, self.count(), key, |k| by_key(&self.scenario, k))?;
                Ok($item {
                    scenario: Arc::clone(&self.scenario),
                    index,
                })
            }

            fn __contains__(&self, key: &Bound<'_, PyAny>) -> PyResult<bool> {
                let by_key: fn(&Scenario, &str) -> Option<usize> = $by_key;
                Ok(match key.cast::<PyString>() {
                    Ok(text) => by_key(&self.scenario, &text.to_cow()?).is_some(),
                    Err(_) => false,
                })
            }

            fn __repr__(&self) -> String {
                format!(
                    concat!("<stancegraph.", $pyname, ": {} {}s>"),
                    self.count(),
                    $what
                )
            }
        }
    };
}

/// Defines an item class: the scenario and the item's index.
macro_rules! item {
    ($item:ident, $pyname:literal, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(name = $pyname, module = "stancegraph", frozen)]
        pub struct $item {
            scenario: Arc<Scenario>,
            index: usize,
        }

        #[pymethods]
        impl $item {
            /// The same record of the same scenario.
            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<$item>().is_ok_and(|o| {
                    let o = o.get();
                    o.index == self.index && Arc::ptr_eq(&o.scenario, &self.scenario)
                })
            }

            fn __hash__(&self) -> u64 {
                // The scenario's address and the record's index.
                (Arc::as_ptr(&self.scenario) as u64).rotate_left(17) ^ self.index as u64
            }
        }
    };
}

sequence!(
    Actors,
    Actor,
    "Actors",
    "actor",
    |s| s.actors().len(),
    |s, k| s.actor_id(k).map(ActorId::index),
    "The scenario's actors: a sequence of :class:`Actor`, also indexed by key (or alias)."
);
sequence!(
    Issues,
    Issue,
    "Issues",
    "issue",
    |s| s.issues().len(),
    |s, k| s.issue_id(k).map(IssueId::index),
    "The scenario's issues: a sequence of :class:`Issue`, also indexed by key."
);
sequence!(
    Relations,
    Relation,
    "Relations",
    "relation",
    |s| s.relations().len(),
    |_, _| None,
    "The relations between the scenario's issues: a sequence of :class:`Relation`."
);
sequence!(
    Positions,
    Position,
    "Positions",
    "position",
    |s| s.positions().len(),
    |s, k| s.position_id(k).map(PositionId::index),
    "The scenario's positions: a sequence of :class:`Position`, also indexed by key."
);
sequence!(
    Sources,
    Source,
    "Sources",
    "source",
    |s| s.sources().len(),
    |s, k| s.sources().position(|src| src.key() == Some(k)),
    "The sources of the scenario's ``sources`` list: a sequence of :class:`Source`."
);

item!(
    Actor,
    "Actor",
    "An actor: a state, an alliance, an organisation, a person who speaks for one."
);
item!(
    Issue,
    "Issue",
    "An issue: a proposition actors take stances on."
);
item!(
    Relation,
    "Relation",
    "How issues constrain each other (``implies``, ``excludes``, …)."
);
item!(
    Position,
    "Position",
    "A position: who took which stance on which issue, how firmly, when, on what condition, with which quote."
);
item!(Source, "Source", "A document positions are reported in.");

impl Actor {
    fn get(&self) -> &stancegraph::Actor {
        self.scenario.actor(ActorId::from_index(self.index as u32))
    }
}

#[pymethods]
impl Actor {
    /// The key (the file's ``id``).
    #[getter]
    fn id(&self) -> &str {
        self.get().key()
    }
    /// The display name.
    #[getter]
    fn name(&self) -> &str {
        self.get().name()
    }
    /// ``state``, ``alliance``, ``organization``, ``person``, … (the file's keyword).
    #[getter]
    fn kind(&self) -> &'static str {
        self.get().kind().as_str()
    }
    /// Other names the actor is known by.
    #[getter]
    fn aliases(&self) -> Vec<String> {
        self.get().aliases().to_vec()
    }
    /// The keys of the blocs the actor is a member of.
    #[getter]
    fn member_of(&self) -> Vec<&str> {
        self.get()
            .memberships()
            .iter()
            .map(|m| self.scenario.actor(m.bloc()).key())
            .collect()
    }
    /// The memberships with their bounds: dicts ``bloc``, ``since``, ``until``.
    #[getter]
    fn memberships<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, pyo3::types::PyDict>>> {
        self.get()
            .memberships()
            .iter()
            .map(|m| {
                let d = pyo3::types::PyDict::new(py);
                d.set_item("bloc", self.scenario.actor(m.bloc()).key())?;
                d.set_item("since", py_opt_date(py, m.since())?)?;
                d.set_item("until", py_opt_date(py, m.until())?)?;
                Ok(d)
            })
            .collect()
    }
    /// The key of the actor this one speaks for, if any.
    #[getter]
    fn speaks_for(&self) -> Option<&str> {
        self.get()
            .speaks_for()
            .map(|a| self.scenario.actor(a).key())
    }
    /// The role in which the actor speaks, e.g. ``NATO Secretary General``.
    #[getter]
    fn role(&self) -> Option<&str> {
        self.get().role()
    }
    /// The file the actor was read from (case folders), if any.
    #[getter]
    fn file(&self) -> Option<String> {
        file_of(
            self.scenario
                .provenance()
                .actor_file(ActorId::from_index(self.index as u32)),
        )
    }
    fn __repr__(&self) -> String {
        format!("<Actor {} ({}, {})>", self.id(), self.name(), self.kind())
    }
}

impl Issue {
    fn get(&self) -> &stancegraph::Issue {
        self.scenario.issue(IssueId::from_index(self.index as u32))
    }
}

#[pymethods]
impl Issue {
    /// The key (the file's ``id``).
    #[getter]
    fn id(&self) -> &str {
        self.get().key()
    }
    /// The proposition, e.g. ``Ukraine becomes a member of NATO``.
    #[getter]
    fn name(&self) -> &str {
        self.get().name()
    }
    /// A longer description, if any.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.get().description()
    }
    /// The tags.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.get().tags().to_vec()
    }
    /// The file the issue was read from (case folders), if any.
    #[getter]
    fn file(&self) -> Option<String> {
        file_of(
            self.scenario
                .provenance()
                .issue_file(IssueId::from_index(self.index as u32)),
        )
    }
    fn __repr__(&self) -> String {
        format!("<Issue {}: {}>", self.id(), self.name())
    }
}

impl Relation {
    fn get(&self) -> &stancegraph::Relation {
        self.scenario
            .relation(RelationId::from_index(self.index as u32))
    }
}

#[pymethods]
impl Relation {
    /// ``implies``, ``excludes``, ``equivalent`` or ``incompatible``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.get().kind().as_str()
    }
    /// The keys of the related issues, in order.
    #[getter]
    fn issues(&self) -> Vec<&str> {
        self.get()
            .issues()
            .iter()
            .map(|&i| self.scenario.issue(i).key())
            .collect()
    }
    /// Why the relation holds, if noted.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.get().note()
    }
    fn __repr__(&self) -> String {
        format!("<Relation {} {:?}>", self.kind(), self.issues())
    }
}

impl Position {
    fn id_(&self) -> PositionId {
        PositionId::from_index(self.index as u32)
    }
    fn get(&self) -> &stancegraph::Position {
        self.scenario.position(self.id_())
    }
}

fn condition_text(s: &Scenario, c: Option<&Condition>) -> Option<String> {
    c.map(|c| match c {
        Condition::Issue(i) => s.issue(*i).key().to_owned(),
        Condition::Text(t) => t.clone(),
        #[allow(unreachable_patterns)]
        _ => String::new(),
    })
}

fn source_label(source: Option<&stancegraph::Source>) -> Option<String> {
    source.and_then(|s| s.key().or(s.title()).map(str::to_owned))
}

#[pymethods]
impl Position {
    /// The key (the file's ``id``, or ``actor:issue`` when none was given).
    #[getter]
    fn id(&self) -> &str {
        self.get().key()
    }
    /// The key of the actor who took the position.
    #[getter]
    fn actor(&self) -> &str {
        self.scenario.actor(self.get().actor()).key()
    }
    /// The key of the actor the position counts for (through ``speaks_for``).
    #[getter]
    fn principal(&self) -> &str {
        self.scenario
            .actor(self.scenario.principal(self.get().actor()))
            .key()
    }
    /// The key of the issue.
    #[getter]
    fn issue(&self) -> &str {
        self.scenario.issue(self.get().issue()).key()
    }
    /// ``support``, ``oppose`` or ``neutral``.
    #[getter]
    fn stance(&self) -> &'static str {
        self.get().stance().as_str()
    }
    /// ``negotiable``, ``firm`` or ``red_line``.
    #[getter]
    fn firmness(&self) -> &'static str {
        self.get().firmness().as_str()
    }
    /// What the position depends on: an issue key, or a condition in words.
    #[getter]
    fn condition(&self) -> Option<String> {
        condition_text(&self.scenario, self.get().condition())
    }
    /// The day the position was taken, if known.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_date(py, self.get().date())
    }
    /// The last day it holds, if bounded.
    #[getter]
    fn until<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_date(py, self.get().until())
    }
    /// The source's key (or title, for an inline source), if any.
    #[getter]
    fn source(&self) -> Option<String> {
        source_label(self.get().source())
    }
    /// The quote, if any.
    #[getter]
    fn quote(&self) -> Option<&str> {
        self.get().quote()
    }
    /// A note, if any.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.get().note()
    }
    /// The file the position was coded in (case folders), if any.
    #[getter]
    fn file(&self) -> Option<String> {
        file_of(self.scenario.provenance().position_file(self.id_()))
    }
    fn __repr__(&self) -> String {
        format!(
            "<Position {}: {} {} {} ({})>",
            self.id(),
            self.actor(),
            self.stance(),
            self.issue(),
            self.firmness()
        )
    }
}

impl Source {
    fn get(&self) -> PyResult<&stancegraph::Source> {
        self.scenario
            .sources()
            .nth(self.index)
            .ok_or_else(|| PyIndexError::new_err("source index out of range"))
    }
}

#[pymethods]
impl Source {
    /// The key (the ``sources`` list's ``id``).
    #[getter]
    fn id(&self) -> PyResult<Option<String>> {
        Ok(self.get()?.key().map(str::to_owned))
    }
    /// The document's title.
    #[getter]
    fn title(&self) -> PyResult<Option<String>> {
        Ok(self.get()?.title().map(str::to_owned))
    }
    /// The publisher.
    #[getter]
    fn publisher(&self) -> PyResult<Option<String>> {
        Ok(self.get()?.publisher().map(str::to_owned))
    }
    /// The address.
    #[getter]
    fn url(&self) -> PyResult<Option<String>> {
        Ok(self.get()?.url().map(str::to_owned))
    }
    /// The day of publication.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_opt_date(py, self.get()?.date())
    }
    /// The document's text file, as given (relative to its scenario file).
    #[getter]
    fn file(&self) -> PyResult<Option<String>> {
        Ok(file_of(self.get()?.file()))
    }
    fn __repr__(&self) -> PyResult<String> {
        Ok(format!(
            "<Source {}>",
            self.id()?.or(self.title()?).unwrap_or_default()
        ))
    }
}

fn date_text(d: Option<stancegraph::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

#[pymethods]
impl Actors {
    /// The actors as a pandas DataFrame: ``id, name, kind, aliases,
    /// member_of, speaks_for, role, file`` (lists in the list columns).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &*self.scenario;
        let p = s.provenance();
        let key = |a: ActorId| s.actor(a).key();
        data_frame(
            py,
            vec![
                ("id", list(py, s.actors().map(|(_, a)| a.key()))?),
                ("name", list(py, s.actors().map(|(_, a)| a.name()))?),
                (
                    "kind",
                    list(py, s.actors().map(|(_, a)| a.kind().as_str()))?,
                ),
                (
                    "aliases",
                    list(py, s.actors().map(|(_, a)| a.aliases().to_vec()))?,
                ),
                (
                    "member_of",
                    list(
                        py,
                        s.actors().map(|(_, a)| {
                            a.memberships()
                                .iter()
                                .map(|m| key(m.bloc()))
                                .collect::<Vec<_>>()
                        }),
                    )?,
                ),
                (
                    "speaks_for",
                    list(py, s.actors().map(|(_, a)| a.speaks_for().map(key)))?,
                ),
                ("role", list(py, s.actors().map(|(_, a)| a.role()))?),
                (
                    "file",
                    list(py, s.actors().map(|(id, _)| file_of(p.actor_file(id))))?,
                ),
            ],
            &[],
        )
    }
}

#[pymethods]
impl Issues {
    /// The issues as a pandas DataFrame: ``id, name, description, tags, file``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &*self.scenario;
        let p = s.provenance();
        data_frame(
            py,
            vec![
                ("id", list(py, s.issues().map(|(_, i)| i.key()))?),
                ("name", list(py, s.issues().map(|(_, i)| i.name()))?),
                (
                    "description",
                    list(py, s.issues().map(|(_, i)| i.description()))?,
                ),
                (
                    "tags",
                    list(py, s.issues().map(|(_, i)| i.tags().to_vec()))?,
                ),
                (
                    "file",
                    list(py, s.issues().map(|(id, _)| file_of(p.issue_file(id))))?,
                ),
            ],
            &[],
        )
    }
}

#[pymethods]
impl Relations {
    /// The relations as a pandas DataFrame: ``kind, issues, note``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &*self.scenario;
        data_frame(
            py,
            vec![
                (
                    "kind",
                    list(py, s.relations().map(|(_, r)| r.kind().as_str()))?,
                ),
                (
                    "issues",
                    list(
                        py,
                        s.relations().map(|(_, r)| {
                            r.issues()
                                .iter()
                                .map(|&i| s.issue(i).key())
                                .collect::<Vec<_>>()
                        }),
                    )?,
                ),
                ("note", list(py, s.relations().map(|(_, r)| r.note()))?),
            ],
            &[],
        )
    }
}

#[pymethods]
impl Positions {
    /// The positions as a pandas DataFrame: ``id, actor, principal, issue,
    /// stance, firmness, condition, date, until, source, quote, note, file``
    /// (``date`` and ``until`` as ``datetime64``; missing values as NaT or
    /// None).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &*self.scenario;
        let p = s.provenance();
        let all = || s.positions();
        data_frame(
            py,
            vec![
                ("id", list(py, all().map(|(_, x)| x.key()))?),
                (
                    "actor",
                    list(py, all().map(|(_, x)| s.actor(x.actor()).key()))?,
                ),
                (
                    "principal",
                    list(
                        py,
                        all().map(|(_, x)| s.actor(s.principal(x.actor())).key()),
                    )?,
                ),
                (
                    "issue",
                    list(py, all().map(|(_, x)| s.issue(x.issue()).key()))?,
                ),
                ("stance", list(py, all().map(|(_, x)| x.stance().as_str()))?),
                (
                    "firmness",
                    list(py, all().map(|(_, x)| x.firmness().as_str()))?,
                ),
                (
                    "condition",
                    list(py, all().map(|(_, x)| condition_text(s, x.condition())))?,
                ),
                ("date", list(py, all().map(|(_, x)| date_text(x.date())))?),
                ("until", list(py, all().map(|(_, x)| date_text(x.until())))?),
                (
                    "source",
                    list(py, all().map(|(_, x)| source_label(x.source())))?,
                ),
                ("quote", list(py, all().map(|(_, x)| x.quote()))?),
                ("note", list(py, all().map(|(_, x)| x.note()))?),
                (
                    "file",
                    list(py, all().map(|(id, _)| file_of(p.position_file(id))))?,
                ),
            ],
            &["date", "until"],
        )
    }
}

#[pymethods]
impl Sources {
    /// The sources as a pandas DataFrame: ``id, title, publisher, url, date, file``.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let s = &*self.scenario;
        data_frame(
            py,
            vec![
                ("id", list(py, s.sources().map(|x| x.key()))?),
                ("title", list(py, s.sources().map(|x| x.title()))?),
                ("publisher", list(py, s.sources().map(|x| x.publisher()))?),
                ("url", list(py, s.sources().map(|x| x.url()))?),
                ("date", list(py, s.sources().map(|x| date_text(x.date())))?),
                ("file", list(py, s.sources().map(|x| file_of(x.file())))?),
            ],
            &["date"],
        )
    }
}
