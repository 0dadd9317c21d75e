//! Event data: `read_events` (the events of an ICEWS, PLOVER or delimited
//! file as a pandas `DataFrame`) and `aggregate_events` with
//! `EventNetworks` (per dyad and period: a pandas `DataFrame` or a pyarrow
//! `Table`, the counts of what was read and dropped, the CSV, JSON and edge
//! list the command line writes, and one `SignedGraph` per period).
//!
//! Reading and aggregating run in the library with the GIL released; the
//! tables are built from plain lists at the boundary.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use stancegraph::Error;
use stancegraph::events::{
    ActorLevel, AggregateOptions, EventColumns, EventFormat, EventNetworks, EventReader,
    ReadOptions, Window,
};

use crate::convert::{data_frame, import_optional, json_text, json_to_py};
use crate::errors::{IntoPyResult, bad_argument};
use crate::signed::PySignedGraph;

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyEventNetworks>()?;
    m.add_function(wrap_pyfunction!(read_events, m)?)?;
    m.add_function(wrap_pyfunction!(aggregate_events, m)?)?;
    Ok(())
}

/// The read options from the reading keywords both functions share.
#[allow(clippy::too_many_arguments)]
fn reading(
    format: Option<&str>,
    delimiter: Option<&str>,
    source: &str,
    target: &str,
    source_country: &str,
    target_country: &str,
    date: &str,
    code: &str,
    score: &str,
) -> PyResult<ReadOptions> {
    let format = match format {
        None => None,
        Some("icews") => Some(EventFormat::Icews),
        Some("delimited") => Some(EventFormat::Delimited),
        Some("plover") => Some(EventFormat::Plover),
        Some(other) => {
            return Err(bad_argument(
                "format",
                format!("expected 'icews', 'delimited' or 'plover', got {other:?}"),
            ));
        }
    };
    // As the command line's `--delimiter`: `\t` (two characters) or `tab`
    // for a tab, else one ASCII character.
    let delimiter = match delimiter {
        None => None,
        Some("\\t" | "tab") => Some(b'\t'),
        Some(d) if d.len() == 1 && d.is_ascii() => Some(d.as_bytes()[0]),
        Some(_) => {
            return Err(bad_argument(
                "delimiter",
                "expected one ASCII character, or \\t",
            ));
        }
    };
    let mut columns = EventColumns::default();
    columns.delimiter = delimiter;
    columns.source = source.to_owned();
    columns.target = target.to_owned();
    columns.source_country = source_country.to_owned();
    columns.target_country = target_country.to_owned();
    columns.date = date.to_owned();
    columns.code = code.to_owned();
    columns.score = score.to_owned();
    let mut options = ReadOptions::default();
    options.format = format;
    options.columns = columns;
    Ok(options)
}

/// The events of one file, as columns.
#[derive(Default)]
struct EventColumnsOut {
    source: Vec<String>,
    source_country: Vec<String>,
    target: Vec<String>,
    target_country: Vec<String>,
    date: Vec<Option<String>>,
    code: Vec<String>,
    score: Vec<f64>,
    quad: Vec<Option<&'static str>>,
}

fn read_all(path: &PathBuf, read: &ReadOptions) -> Result<EventColumnsOut, Error> {
    let mut reader = EventReader::open(path, read)?;
    let mut out = EventColumnsOut::default();
    reader.for_each(|event| {
        out.source.push(event.source.clone());
        out.source_country.push(event.source_country.clone());
        out.target.push(event.target.clone());
        out.target_country.push(event.target_country.clone());
        out.date.push(event.date.map(|d| d.to_string()));
        out.code.push(event.code.clone());
        out.score.push(event.score);
        out.quad.push(event.quad.map(|q| q.as_str()));
    })?;
    Ok(out)
}

/// Reads the events of a file into a pandas ``DataFrame`` with the columns
/// ``source``, ``source_country``, ``target``, ``target_country``, ``date``
/// (``datetime64``, ``NaT`` when missing), ``code`` (a CAMEO code as text,
/// leading zeros kept, or a PLOVER type), ``score`` (Goldstein, −10 to +10)
/// and ``quad`` (``verbal_cooperation``, ``material_cooperation``,
/// ``verbal_conflict``, ``material_conflict`` or ``None``). Missing names
/// (``NA`` in ICEWS) are empty strings.
///
/// The format is told from the file (``format=None``): ``.tab`` (or ICEWS's
/// header) ICEWS, ``.json``/``.jsonl`` PLOVER records, anything else a
/// delimited table whose columns the keywords name (tab-separated for
/// ``.tsv``; ``delimiter`` to say otherwise: one ASCII character, or
/// ``"\\t"`` or ``"tab"`` for a tab, as ``--delimiter``). A PLOVER record
/// with several sources or targets gives a row per pair.
///
/// Raises :class:`ValidationError` listing every bad row (file, line,
/// field), ``FileNotFoundError`` and other ``OSError``\ s.
#[pyfunction]
#[pyo3(signature = (path, *, format = None, delimiter = None, source = "source",
    target = "target", source_country = "source_country",
    target_country = "target_country", date = "date", code = "code", score = "score"))]
#[allow(clippy::too_many_arguments)]
fn read_events<'py>(
    py: Python<'py>,
    path: PathBuf,
    format: Option<&str>,
    delimiter: Option<&str>,
    source: &str,
    target: &str,
    source_country: &str,
    target_country: &str,
    date: &str,
    code: &str,
    score: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let options = reading(
        format,
        delimiter,
        source,
        target,
        source_country,
        target_country,
        date,
        code,
        score,
    )?;
    let out = py.detach(|| read_all(&path, &options)).py(py)?;
    data_frame(
        py,
        vec![
            ("source", PyList::new(py, out.source)?.into_any()),
            (
                "source_country",
                PyList::new(py, out.source_country)?.into_any(),
            ),
            ("target", PyList::new(py, out.target)?.into_any()),
            (
                "target_country",
                PyList::new(py, out.target_country)?.into_any(),
            ),
            ("date", dates(py, out.date)?),
            ("code", PyList::new(py, out.code)?.into_any()),
            ("score", PyList::new(py, out.score)?.into_any()),
            ("quad", PyList::new(py, out.quad)?.into_any()),
        ],
        &[],
    )
}

/// ISO dates (or `None`) as a `datetime64` column, converted before the
/// frame is built (setting a column afterwards warns in pandas 2).
fn dates<'py>(py: Python<'py>, dates: Vec<Option<String>>) -> PyResult<Bound<'py, PyAny>> {
    let pandas = import_optional(py, "pandas")?;
    let kw = PyDict::new(py);
    kw.set_item("format", "%Y-%m-%d")?;
    kw.set_item("errors", "coerce")?;
    pandas
        .getattr("to_datetime")?
        .call((PyList::new(py, dates)?,), Some(&kw))
}

/// Reads an event file and aggregates it per dyad and period: see
/// :class:`EventNetworks`.
///
/// ``level`` is ``"country"`` (the events' country columns) or ``"actor"``
/// (names); ``window`` is ``"all"``, ``"day"``, ``"week"`` (ISO,
/// ``YYYY-Www``), ``"month"``, ``"year"`` or ``"LENGTH/STEP"`` for sliding
/// windows of LENGTH days every STEP days (from Monday 1970-01-05);
/// ``directed=False`` folds A→B and B→A into one dyad. The reading keywords
/// are :func:`read_events`'.
///
/// Raises :class:`ValidationError` listing every bad row, ``ValueError`` for
/// a bad keyword (or the country level on a table without country columns),
/// ``FileNotFoundError`` and other ``OSError``\ s.
#[pyfunction]
#[pyo3(signature = (path, *, level = "country", window = "all", directed = true,
    format = None, delimiter = None, source = "source", target = "target",
    source_country = "source_country", target_country = "target_country",
    date = "date", code = "code", score = "score"))]
#[allow(clippy::too_many_arguments)]
fn aggregate_events(
    py: Python<'_>,
    path: PathBuf,
    level: &str,
    window: &str,
    directed: bool,
    format: Option<&str>,
    delimiter: Option<&str>,
    source: &str,
    target: &str,
    source_country: &str,
    target_country: &str,
    date: &str,
    code: &str,
    score: &str,
) -> PyResult<PyEventNetworks> {
    let read = reading(
        format,
        delimiter,
        source,
        target,
        source_country,
        target_country,
        date,
        code,
        score,
    )?;
    let options = aggregate_options(level, window, directed)?;
    let networks = py
        .detach(|| stancegraph::events::aggregate_file(&path, &read, &options))
        .py(py)?;
    Ok(PyEventNetworks {
        inner: Arc::new(networks),
    })
}

/// The aggregation options from the `level`, `window` and `directed` keywords.
pub(crate) fn aggregate_options(
    level: &str,
    window: &str,
    directed: bool,
) -> PyResult<AggregateOptions> {
    let level = match level.replace('-', "_").as_str() {
        "country" => ActorLevel::Country,
        "actor" => ActorLevel::Actor,
        other => {
            return Err(bad_argument(
                "level",
                format!("expected 'country' or 'actor', got {other:?}"),
            ));
        }
    };
    let window = window_arg(window)?;
    Ok(AggregateOptions::default()
        .with_level(level)
        .with_window(window)
        .with_directed(directed))
}

/// A `window` keyword read as the library reads it (trimmed, any case), or
/// a `ValueError` naming `window` and the names it takes.
pub(crate) fn window_arg(window: &str) -> PyResult<Window> {
    Window::parse(window).ok_or_else(|| {
        bad_argument(
            "window",
            format!("expected {}, got {window:?}", Window::NAMES),
        )
    })
}

/// Event data aggregated per dyad and period (:func:`aggregate_events`):
/// every dyad and period with at least one event, sorted by period, source
/// and target; the number of events, the Goldstein sum, the counts per quad
/// class and the sign of the net score (0: no tie). Self-dyads, events with
/// a missing side and (for windows other than ``all``) undated events are
/// dropped and counted in :attr:`counts`.
///
/// ``len(networks)`` is the number of rows.
#[pyclass(name = "EventNetworks", module = "stancegraph", frozen)]
pub struct PyEventNetworks {
    pub(crate) inner: Arc<EventNetworks>,
}

impl PyEventNetworks {
    /// The Python object of a table.
    pub(crate) fn new(networks: EventNetworks) -> Self {
        PyEventNetworks {
            inner: Arc::new(networks),
        }
    }

    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Vec<(&'static str, Bound<'py, PyAny>)>> {
        let rows = self.inner.rows();
        let text = |f: fn(&stancegraph::events::DyadPeriod) -> &str| {
            PyList::new(py, rows.iter().map(f)).map(Bound::into_any)
        };
        let int = |f: fn(&stancegraph::events::DyadPeriod) -> u64| {
            PyList::new(py, rows.iter().map(f)).map(Bound::into_any)
        };
        Ok(vec![
            ("source", text(|r| &r.source)?),
            ("target", text(|r| &r.target)?),
            ("period", text(|r| &r.period)?),
            ("events", int(|r| r.events)?),
            (
                "goldstein",
                PyList::new(py, rows.iter().map(|r| r.goldstein))?.into_any(),
            ),
            ("verbal_cooperation", int(|r| r.quad.verbal_cooperation)?),
            (
                "material_cooperation",
                int(|r| r.quad.material_cooperation)?,
            ),
            ("verbal_conflict", int(|r| r.quad.verbal_conflict)?),
            ("material_conflict", int(|r| r.quad.material_conflict)?),
            (
                "sign",
                PyList::new(py, rows.iter().map(|r| r.sign))?.into_any(),
            ),
        ])
    }
}

#[pymethods]
impl PyEventNetworks {
    /// The table as a pandas ``DataFrame``: ``source``, ``target``,
    /// ``period``, ``events``, ``goldstein``, then ``verbal_cooperation``,
    /// ``material_cooperation``, ``verbal_conflict``, ``material_conflict``
    /// and ``sign`` — the command line's CSV columns.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        data_frame(py, self.columns(py)?, &[])
    }

    /// The table as a pyarrow ``Table`` (the columns of :meth:`to_pandas`).
    fn to_arrow<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pa = import_optional(py, "pyarrow")?;
        let dict = PyDict::new(py);
        for (name, values) in self.columns(py)? {
            dict.set_item(name, values)?;
        }
        pa.getattr("table")?.call1((dict,))
    }

    /// One :class:`SignedGraph` per period, in order: nodes the countries or
    /// actors with a tie that period, an edge per dyad with a non-zero net
    /// score weighing its absolute value. A directed aggregation's A→B and
    /// B→A are two ties: same signs add up, opposite signs make an
    /// ambivalent pair.
    fn graphs(&self, py: Python<'_>) -> Vec<PySignedGraph> {
        let inner = Arc::clone(&self.inner);
        py.detach(move || inner.graphs())
            .into_iter()
            .map(PySignedGraph::plain)
            .collect()
    }

    /// The periods with at least one dyad, in order.
    #[getter]
    fn periods(&self) -> Vec<String> {
        self.inner
            .periods()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// What was read and dropped: a dict with ``read``, ``aggregated``,
    /// ``self_dyads``, ``missing_side`` and ``missing_date``.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let c = self.inner.counts();
        let d = PyDict::new(py);
        d.set_item("read", c.read)?;
        d.set_item("aggregated", c.aggregated)?;
        d.set_item("self_dyads", c.self_dyads)?;
        d.set_item("missing_side", c.missing_side)?;
        d.set_item("missing_date", c.missing_date)?;
        Ok(d)
    }

    /// The table as CSV text: the bytes ``stancegraph events`` writes.
    fn to_csv(&self) -> PyResult<String> {
        let mut out = Vec::new();
        self.inner
            .write_csv(&mut out)
            .map_err(pyo3::exceptions::PyOSError::new_err)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// The dyads with a tie as an edge list (``source,target,sign,weight,period``)
    /// that :meth:`SignedGraph.read_edges` and ``stancegraph balance --edges``
    /// read: the bytes ``stancegraph events --format edges`` writes.
    fn to_edges(&self) -> PyResult<String> {
        let mut out = Vec::new();
        self.inner
            .write_edges(&mut out)
            .map_err(pyo3::exceptions::PyOSError::new_err)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// The table and counts as JSON text: the bytes ``stancegraph events
    /// --format json`` prints.
    fn to_json(&self) -> String {
        json_text(&self.inner.to_json())
    }

    /// The table and counts as Python values (``json.loads`` of :meth:`to_json`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &self.inner.to_json())
    }

    fn __len__(&self) -> usize {
        self.inner.rows().len()
    }

    fn __repr__(&self) -> String {
        let o = self.inner.options();
        format!(
            "<EventNetworks: {} dyad-periods, {} periods, level={}, window={}, directed={}>",
            self.inner.rows().len(),
            self.inner.periods().len(),
            o.level.as_str(),
            o.window,
            if o.directed { "True" } else { "False" }
        )
    }
}
