//! Readers: `read_statements` and `Scenario.from_statements` (a table of
//! coded statements, one position per row), `read_dna` (a Discourse Network
//! Analyzer database), and `read_votes` with `Votes` (roll-call votes and
//! their pairwise agreement counts).
//!
//! A table given from Python (a pandas `DataFrame`, a pyarrow `Table` or a
//! dict of columns) is turned into CSV text of the columns named and read by
//! the library's [`StatementsCsv`], so that a file and a frame of the same
//! statements give the same scenario, row for row, with the same checks;
//! its problems name the row (1-based, as the library counts rows) and the
//! column, without a line (there is no file). Skipped bad rows
//! (`skip_bad_rows=True`) are never dropped silently: they come as one
//! `stancegraph.SkippedRowsWarning` listing each, with `.problems`.
//!
//! The agreement matrices come back as numpy arrays made from bytes
//! (`numpy.frombuffer`), so the package needs no numpy headers; reading and
//! counting run with the GIL released.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::Arc;

use pyo3::exceptions::PyUserWarning;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use stancegraph::io::{Import, RollCallVotes, StatementsCsv, Vote, VoteAgreement};
use stancegraph::{ActorKind, Date, Error, Stance};

use crate::convert::{data_frame, date_arg, keyword};
use crate::errors::{IntoPyResult, bad_argument, to_py};
use crate::scenario::PyScenario;

pyo3::create_exception!(
    stancegraph,
    SkippedRowsWarning,
    PyUserWarning,
    "Bad rows of a statements table were skipped (``skip_bad_rows=True``).\n\n\
     The message lists every skipped row with its line (or row) and field; \
     ``problems`` has them as dicts, as :class:`ValidationError` does."
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add(
        "SkippedRowsWarning",
        m.py().get_type::<SkippedRowsWarning>(),
    )?;
    m.add_class::<PyVotes>()?;
    m.add_function(wrap_pyfunction!(read_statements, m)?)?;
    m.add_function(wrap_pyfunction!(read_dna, m)?)?;
    m.add_function(wrap_pyfunction!(read_votes, m)?)?;
    Ok(())
}

// ---------------------------------------------------------------- statements

/// The columns and mapping of a statements table, as the Python keywords
/// give them.
struct Columns<'a, 'py> {
    actor: &'a str,
    issue: &'a str,
    stance: &'a str,
    date: Option<&'a str>,
    speaker: Option<&'a str>,
    quote: Option<&'a str>,
    source: Option<&'a str>,
    id: Option<&'a str>,
    stance_map: Option<&'a Bound<'py, PyAny>>,
    actor_kind: &'a str,
    skip_bad_rows: bool,
}

impl Columns<'_, '_> {
    /// The library's reader for these columns.
    fn reader(&self) -> PyResult<StatementsCsv> {
        let mut csv = StatementsCsv::new(self.actor, self.issue, self.stance)
            .actor_kind(keyword::<ActorKind>("actor_kind", self.actor_kind)?);
        type Setter = fn(StatementsCsv, &str) -> StatementsCsv;
        let optional: [(Option<&str>, Setter); 5] = [
            (self.date, StatementsCsv::date),
            (self.speaker, StatementsCsv::speaker),
            (self.quote, StatementsCsv::quote),
            (self.source, StatementsCsv::source),
            (self.id, StatementsCsv::id),
        ];
        for (column, set) in optional {
            if let Some(column) = column {
                csv = set(csv, column);
            }
        }
        if let Some(map) = self.stance_map.filter(|m| !m.is_none()) {
            let Ok(map) = map.cast::<PyDict>() else {
                return Err(bad_argument(
                    "stance_map",
                    format!(
                        "expected a dict of value -> stance, e.g. {{\"yes\": \"support\"}}, got {}",
                        map.get_type().name()?
                    ),
                ));
            };
            for (value, stance) in map.iter() {
                let value = value.str()?.to_cow()?.trim().to_owned();
                let Ok(stance) = stance.cast::<PyString>() else {
                    return Err(bad_argument(
                        "stance_map",
                        format!("the stance of `{value}` must be support, oppose or neutral"),
                    ));
                };
                let stance = keyword::<Stance>("stance_map", &stance.to_cow()?)?;
                csv = csv.stance(&value, stance);
            }
        }
        if self.skip_bad_rows {
            csv = csv.skip_bad_rows();
        }
        Ok(csv)
    }

    /// Every column named, each once, in keyword order.
    fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for name in [self.actor, self.issue, self.stance]
            .into_iter()
            .chain(self.date)
            .chain(self.speaker)
            .chain(self.quote)
            .chain(self.source)
            .chain(self.id)
        {
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}

/// The scenario of an import; skipped rows as one `SkippedRowsWarning`.
fn finish(py: Python<'_>, import: Import, origin: &str) -> PyResult<PyScenario> {
    if !import.skipped.is_empty() {
        let rows = import.skipped_row_count();
        let error = to_py(
            py,
            Error::Invalid {
                origin: origin.to_owned(),
                problems: import.skipped,
            },
        );
        let value = error.value(py);
        let message = format!(
            "{origin}: skipped {rows} bad row{} ({} kept):\n{value}",
            if rows == 1 { "" } else { "s" },
            import.scenario.positions().len(),
        );
        let warning = py.get_type::<SkippedRowsWarning>().call1((message,))?;
        if let Ok(problems) = value.getattr("problems") {
            warning.setattr("problems", problems)?;
        }
        let kwargs = PyDict::new(py);
        kwargs.set_item("stacklevel", 1)?;
        py.import("warnings")?
            .getattr("warn")?
            .call((warning,), Some(&kwargs))?;
    }
    Ok(PyScenario::new(import.scenario))
}

/// Reads a table of coded statements (CSV, one position per row) into a
/// :class:`Scenario`.
///
/// Each row becomes a position of its ``actor`` (or, with a ``speaker``
/// column, of the speaker, who then speaks for the actor) on its ``issue``.
/// Actors and issues are made from the values, keyed by the values. Stance
/// values are case-insensitive: by default ``support``/``oppose``/``neutral``,
/// ``yes``/``no``/``abstain``, ``agree``/``disagree``, ``1``/``0``; add or
/// override values with ``stance_map`` (e.g. ``{"pro": "support"}``).
/// The optional columns: ``date`` (``YYYY-MM-DD``, a time after ``T`` is
/// ignored), ``speaker``, ``quote``, ``source`` (the document's title) and
/// ``id`` (a unique key per row). ``actor_kind`` is the kind of the actors
/// made from the actor column (``organization`` by default).
///
/// Raises :class:`ValidationError` listing every bad row (line, row and
/// column: a missing column, an unknown stance value, an invalid date, an
/// empty actor or issue, a duplicate id). With ``skip_bad_rows=True`` the bad
/// rows are skipped instead, and a :class:`SkippedRowsWarning` lists each of
/// them (its ``problems`` as dicts); a missing column still raises.
#[pyfunction]
#[pyo3(signature = (
    path, actor = "actor", issue = "issue", stance = "stance", date = None, speaker = None,
    quote = None, source = None, id = None, stance_map = None, skip_bad_rows = false, *,
    actor_kind = "organization"
))]
#[allow(clippy::too_many_arguments)] // the Python keywords, one per column
fn read_statements(
    py: Python<'_>,
    path: PathBuf,
    actor: &str,
    issue: &str,
    stance: &str,
    date: Option<&str>,
    speaker: Option<&str>,
    quote: Option<&str>,
    source: Option<&str>,
    id: Option<&str>,
    stance_map: Option<&Bound<'_, PyAny>>,
    skip_bad_rows: bool,
    actor_kind: &str,
) -> PyResult<PyScenario> {
    let columns = Columns {
        actor,
        issue,
        stance,
        date,
        speaker,
        quote,
        source,
        id,
        stance_map,
        actor_kind,
        skip_bad_rows,
    };
    let csv = columns.reader()?;
    let import = py.detach(|| csv.import_path(&path, &mut |_| {})).py(py)?;
    finish(py, import, &path.display().to_string())
}

#[pymethods]
impl PyScenario {
    /// A scenario from a table of coded statements in memory: a pandas
    /// ``DataFrame``, a pyarrow ``Table``, or a dict of columns (lists,
    /// numpy arrays or Series of equal length). The keywords are those of
    /// :func:`read_statements`; only the columns named are read.
    ///
    /// Cells may be text, numbers (``1``/``0`` stances), ``None``/``NaN``
    /// (empty), and dates as ``datetime.date``, ``datetime64`` or ISO text.
    /// The result is the scenario :func:`read_statements` gives for the same
    /// rows written as CSV. Problems name the row (1-based, the first data
    /// row is row 1) and the column, e.g. ``rows[3], field `stance```.
    #[classmethod]
    #[pyo3(signature = (
        data, actor = "actor", issue = "issue", stance = "stance", date = None, speaker = None,
        quote = None, source = None, id = None, stance_map = None, skip_bad_rows = false, *,
        actor_kind = "organization"
    ))]
    #[allow(clippy::too_many_arguments)] // the Python keywords, one per column
    fn from_statements(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        actor: &str,
        issue: &str,
        stance: &str,
        date: Option<&str>,
        speaker: Option<&str>,
        quote: Option<&str>,
        source: Option<&str>,
        id: Option<&str>,
        stance_map: Option<&Bound<'_, PyAny>>,
        skip_bad_rows: bool,
        actor_kind: &str,
    ) -> PyResult<PyScenario> {
        let columns = Columns {
            actor,
            issue,
            stance,
            date,
            speaker,
            quote,
            source,
            id,
            stance_map,
            actor_kind,
            skip_bad_rows,
        };
        let csv = columns.reader()?;
        let table = Table::of(data)?;
        let text = table.to_csv(&columns.names())?;
        let origin = table.origin();
        let import = py
            .detach(|| csv.import_str(&text, origin, &mut |_| {}))
            .map(|mut import| {
                without_lines(&mut import.skipped);
                import
            })
            .map_err(|mut e| {
                if let Error::Invalid { problems, .. } = &mut e {
                    without_lines(problems);
                }
                e
            })
            .py(py)?;
        finish(py, import, origin)
    }
}

/// The lines of the CSV made from a table mean nothing to its user: the
/// row and column say where.
fn without_lines(problems: &mut [stancegraph::Problem]) {
    for p in problems {
        p.line = None;
    }
}

/// A table of statements from Python.
enum Table<'py> {
    Frame(Bound<'py, PyAny>),
    Arrow(Bound<'py, PyAny>),
    Columns(Bound<'py, PyAny>),
}

impl<'py> Table<'py> {
    fn of(data: &Bound<'py, PyAny>) -> PyResult<Self> {
        if data.cast::<PyDict>().is_ok() {
            return Ok(Table::Columns(data.clone()));
        }
        if data.hasattr("schema")? && data.hasattr("column_names")? && data.hasattr("column")? {
            return Ok(Table::Arrow(data.clone()));
        }
        if data.hasattr("columns")? && data.hasattr("dtypes")? && data.hasattr("iloc")? {
            return Ok(Table::Frame(data.clone()));
        }
        if data.hasattr("keys")? && data.hasattr("__getitem__")? {
            return Ok(Table::Columns(data.clone()));
        }
        Err(bad_argument(
            "data",
            format!(
                "expected a pandas DataFrame, a pyarrow Table or a dict of columns, got {}",
                data.get_type().name()?
            ),
        ))
    }

    /// How problems name the table.
    fn origin(&self) -> &'static str {
        match self {
            Table::Frame(_) => "<DataFrame>",
            Table::Arrow(_) => "<pyarrow.Table>",
            Table::Columns(_) => "<columns>",
        }
    }

    /// The column `name`, if the table has it.
    fn column(&self, name: &str) -> PyResult<Option<Bound<'py, PyAny>>> {
        let (table, has) = match self {
            Table::Frame(t) => (t, t.getattr("columns")?.contains(name)?),
            Table::Arrow(t) => (t, t.getattr("column_names")?.contains(name)?),
            Table::Columns(t) => (t, t.contains(name)?),
        };
        if !has {
            return Ok(None);
        }
        let column = match self {
            Table::Arrow(t) => t.call_method1("column", (name,))?,
            _ => table.get_item(name)?,
        };
        if matches!(self, Table::Frame(_)) && column.hasattr("columns")? {
            return Err(bad_argument(
                "data",
                format!("the DataFrame has more than one column named `{name}`"),
            ));
        }
        Ok(Some(column))
    }

    /// The named columns the table has, as CSV text (a missing one is left
    /// out of the header, for the library to report).
    fn to_csv(&self, names: &[&str]) -> PyResult<String> {
        let mut columns: Vec<(&str, Cells)> = Vec::new();
        for &name in names {
            if let Some(column) = self.column(name)? {
                columns.push((name, column_cells(name, &column)?));
            }
        }
        let rows = columns.first().map_or(0, |(_, c)| c.len());
        for (name, cells) in &columns {
            if cells.len() != rows {
                return Err(bad_argument(
                    "data",
                    format!(
                        "column `{name}` has {} values, `{}` has {rows}",
                        cells.len(),
                        columns[0].0
                    ),
                ));
            }
        }
        let size: usize = columns
            .iter()
            .map(|(_, c)| c.text.len() + 3 * c.len())
            .sum();
        let mut out = String::with_capacity(size + 256);
        for (i, (name, _)) in columns.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            push_field(&mut out, name);
        }
        out.push('\n');
        // Most columns need no quoting at all: look once per column.
        let quoted: Vec<bool> = columns.iter().map(|(_, c)| needs_quotes(&c.text)).collect();
        for row in 0..rows {
            for (i, (_, cells)) in columns.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if quoted[i] {
                    push_field(&mut out, cells.get(row));
                } else {
                    out.push_str(cells.get(row));
                }
            }
            out.push('\n');
        }
        Ok(out)
    }
}

/// Whether CSV needs `text` quoted.
fn needs_quotes(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'))
}

/// One CSV field, quoted when it must be.
fn push_field(out: &mut String, text: &str) {
    if needs_quotes(text) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// A column's cells: dates (`datetime64`, arrow dates and naive
/// timestamps) from their day numbers, other columns through their values.
fn column_cells(name: &str, column: &Bound<'_, PyAny>) -> PyResult<Cells> {
    match day_numbers(column)? {
        Some(days) => Ok(Cells::of_days(&days)),
        None => Cells::of(name, &values(column)?),
    }
}

/// Missing in [`day_numbers`] (numpy's `NaT`).
const NO_DAY: i64 = i64::MIN;

/// Days since 1970-01-01 of a date column, computed in numpy or arrow
/// (`NO_DAY` where missing); `None` for any other column.
fn day_numbers(column: &Bound<'_, PyAny>) -> PyResult<Option<Vec<i64>>> {
    let py = column.py();
    let days = if column.hasattr("to_pylist")? {
        // pyarrow: dates and timestamps without a time zone, as date32.
        let pa = py.import("pyarrow")?;
        let types = pa.getattr("types")?;
        let kind = column.getattr("type")?;
        let is = |what: &str| -> PyResult<bool> { types.call_method1(what, (&kind,))?.is_truthy() };
        let naive = !is("is_timestamp")? || kind.getattr("tz")?.is_none();
        if !(is("is_date")? || is("is_timestamp")?) || !naive {
            return Ok(None);
        }
        let int32 = column
            .call_method1("cast", (pa.call_method0("date32")?,))?
            .call_method1("cast", (pa.call_method0("int32")?,))?;
        let filled = py
            .import("pyarrow.compute")?
            .call_method1("fill_null", (int32, i64::from(i32::MIN)))?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("zero_copy_only", false)?;
        let days = filled
            .call_method("to_numpy", (), Some(&kwargs))?
            .call_method1("astype", ("int64",))?;
        let missing = days.call_method1("__eq__", (i64::from(i32::MIN),))?;
        days.set_item(missing, NO_DAY)?;
        days
    } else if column.hasattr("dtype")? {
        let array = if column.hasattr("to_numpy")? {
            column.call_method0("to_numpy")?
        } else {
            column.clone()
        };
        let kind: String = array.getattr("dtype")?.getattr("kind")?.extract()?;
        if kind != "M" {
            return Ok(None);
        }
        // datetime64 of any unit to days (floored), NaT stays i64::MIN.
        array
            .call_method1("astype", ("datetime64[D]",))?
            .call_method1("view", ("int64",))?
    } else {
        return Ok(None);
    };
    let bytes: Vec<u8> = days
        .call_method1("astype", ("=i8",))?
        .call_method0("tobytes")?
        .extract()?;
    Ok(Some(
        bytes
            .chunks_exact(8)
            .map(|b| {
                let mut word = [0u8; 8];
                word.copy_from_slice(b);
                i64::from_ne_bytes(word)
            })
            .collect(),
    ))
}

/// The civil date of a day number (days since 1970-01-01, proleptic
/// Gregorian): eras of 400 years, years starting on 1 March.
fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// A column's values as a Python list (texts of pyarrow through numpy,
/// missing ones as `""`: much faster than `to_pylist`).
fn values<'py>(column: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = column.py();
    if let Ok(list) = column.cast::<PyList>() {
        return Ok(list.clone());
    }
    if column.hasattr("to_pylist")? {
        let types = py.import("pyarrow")?.getattr("types")?;
        let kind = column.getattr("type")?;
        let is = |what: &str| -> PyResult<bool> { types.call_method1(what, (&kind,))?.is_truthy() };
        if is("is_string")? || is("is_large_string")? {
            let filled = py
                .import("pyarrow.compute")?
                .call_method1("fill_null", (column, ""))?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("zero_copy_only", false)?;
            return Ok(filled
                .call_method("to_numpy", (), Some(&kwargs))?
                .call_method0("tolist")?
                .cast_into::<PyList>()?);
        }
        return Ok(column.call_method0("to_pylist")?.cast_into::<PyList>()?);
    }
    if column.hasattr("tolist")? {
        return Ok(column.call_method0("tolist")?.cast_into::<PyList>()?);
    }
    if let Ok(tuple) = column.cast::<PyTuple>() {
        return PyList::new(py, tuple.iter());
    }
    let list = py.import("builtins")?.getattr("list")?.call1((column,))?;
    Ok(list.cast_into::<PyList>()?)
}

/// A column's cells as text: one buffer and where each cell is in it.
struct Cells {
    text: String,
    spans: Vec<(usize, usize)>,
}

impl Cells {
    fn of(name: &str, values: &Bound<'_, PyList>) -> PyResult<Self> {
        if let Some(cells) = Self::joined(values)? {
            return Ok(cells);
        }
        let mut cells = Cells {
            text: String::new(),
            spans: Vec::with_capacity(values.len()),
        };
        for (row, value) in values.iter().enumerate() {
            let start = cells.text.len();
            cell_text(&mut cells.text, &value).map_err(|e| {
                bad_argument("data", format!("rows[{}], column `{name}`: {e}", row + 1))
            })?;
            cells.spans.push((start, cells.text.len()));
        }
        Ok(cells)
    }

    /// A column of texts only, joined by NUL in Python and split here: one
    /// conversion instead of one per cell. `None` when a value is not text
    /// or a text holds a NUL.
    fn joined(values: &Bound<'_, PyList>) -> PyResult<Option<Self>> {
        let py = values.py();
        let Ok(joined) = PyString::new(py, "\0").call_method1("join", (values,)) else {
            return Ok(None);
        };
        // A text that is not valid Unicode: the cell by cell way names its row.
        let Ok(text) = joined.cast::<PyString>()?.to_cow().map(|t| t.into_owned()) else {
            return Ok(None);
        };
        let mut spans = Vec::with_capacity(values.len());
        let mut start = 0;
        for end in text.match_indices('\0').map(|(i, _)| i) {
            spans.push((start, end));
            start = end + 1;
        }
        if !values.is_empty() {
            spans.push((start, text.len()));
        }
        Ok((spans.len() == values.len()).then_some(Cells { text, spans }))
    }

    /// Day numbers as `YYYY-MM-DD` (none where missing).
    fn of_days(days: &[i64]) -> Self {
        let mut cells = Cells {
            text: String::with_capacity(days.len() * 10),
            spans: Vec::with_capacity(days.len()),
        };
        for &day in days {
            let start = cells.text.len();
            if day != NO_DAY {
                let (y, m, d) = civil(day);
                let _ = write!(cells.text, "{y:04}-{m:02}-{d:02}");
            }
            cells.spans.push((start, cells.text.len()));
        }
        cells
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    fn get(&self, row: usize) -> &str {
        let (start, end) = self.spans[row];
        self.text.get(start..end).unwrap_or_default()
    }
}

/// One cell as the CSV would have it: text as is, `None`/`NaN`/`NaT`/`NA`
/// empty, whole floats without `.0` (a stance column of `1.0`/`0.0`), dates
/// and datetimes as `YYYY-MM-DD` (their `isoformat()` up to a `T`),
/// anything else as `str()` gives it.
fn cell_text(out: &mut String, value: &Bound<'_, PyAny>) -> PyResult<()> {
    if let Ok(text) = value.cast::<PyString>() {
        out.push_str(&text.to_cow()?);
        return Ok(());
    }
    if value.is_none() {
        return Ok(());
    }
    if value.cast::<PyBool>().is_ok() {
        out.push_str(if value.is_truthy()? { "True" } else { "False" });
        return Ok(());
    }
    if value.cast::<PyInt>().is_ok() {
        match value.extract::<i64>() {
            Ok(n) => {
                let _ = write!(out, "{n}");
            }
            Err(_) => out.push_str(&value.str()?.to_cow()?),
        }
        return Ok(());
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        let x = float.value();
        if x.is_nan() {
            return Ok(());
        }
        if x.fract() == 0.0 && x.abs() < 1e15 {
            let _ = write!(out, "{}", x as i64);
        } else {
            out.push_str(&value.str()?.to_cow()?);
        }
        return Ok(());
    }
    if value.hasattr("isoformat")? && value.hasattr("year")? {
        // date, datetime, pandas Timestamp (pandas NaT writes `NaT`: no date).
        let text = value.call_method0("isoformat")?;
        let text = text.cast::<PyString>()?.to_cow()?;
        if text != "NaT" {
            out.push_str(text.split_once('T').map_or(&*text, |(d, _)| d));
        }
        return Ok(());
    }
    if value.get_type().name()?.to_cow()? == "NAType" {
        return Ok(()); // pandas NA
    }
    out.push_str(&value.str()?.to_cow()?);
    Ok(())
}

// ---------------------------------------------------------------- DNA

/// Reads the statements of a Discourse Network Analyzer database (``.dna``,
/// DNA 3 schema) into a :class:`Scenario`: each organisation an actor, each
/// person an actor speaking for their organisation, each concept an issue,
/// ``agreement`` 1 as support and 0 as oppose, the document's date as the
/// position's date, the coded passage as its quote, the document's title as
/// its source and the statement id as its key. The file is opened
/// read-only.
///
/// Raises ``FileNotFoundError``, or ``ValueError`` when the file is not an
/// SQLite database or lacks the DNA tables (naming what is missing).
#[pyfunction]
fn read_dna(py: Python<'_>, path: PathBuf) -> PyResult<PyScenario> {
    let scenario = py.detach(|| stancegraph::io::read_dna(&path)).py(py)?;
    Ok(PyScenario::new(scenario))
}

// ---------------------------------------------------------------- votes

/// Reads roll-call votes from a CSV file with the columns ``rcid``,
/// ``country``, ``country_code`` and ``vote`` (``yes``, ``no`` or
/// ``abstain``), such as the UN General Assembly data (``un_votes.csv``).
/// Codes are read as text (Namibia's ``NA`` stays ``NA``).
///
/// Raises :class:`ValidationError` for a missing column and for every bad
/// row (line, column, value), and for a second vote of a country in one
/// roll call; ``FileNotFoundError`` and other ``OSError``\ s.
#[pyfunction]
fn read_votes(py: Python<'_>, path: PathBuf) -> PyResult<PyVotes> {
    let votes = py.detach(|| RollCallVotes::read_csv(&path)).py(py)?;
    Ok(PyVotes {
        inner: Arc::new(votes),
    })
}

/// Roll-call votes: who voted how in which roll call, held compactly.
///
/// ``countries`` are sorted by name (byte order), ``codes`` parallel to
/// them; ``roll_calls`` are the roll-call ids in order of first appearance;
/// ``len(votes)`` is the number of votes. :meth:`agreement_matrices` counts,
/// for every pair of countries, the roll calls both voted in, voted
/// identically and voted yes against no (bit sets; far faster than the
/// general network kernel for this shape of data); :meth:`to_scenario`
/// makes a :class:`Scenario` of the votes for everything else.
#[pyclass(name = "Votes", module = "stancegraph", frozen)]
pub struct PyVotes {
    inner: Arc<RollCallVotes>,
}

static VOTE_WORDS: [&str; 3] = ["yes", "no", "abstain"];

fn vote_index(vote: Vote) -> usize {
    match vote {
        Vote::Yes => 0,
        Vote::No => 1,
        Vote::Abstain => 2,
    }
}

/// A square matrix of counts as a writable numpy `uint32` array.
fn matrix<'py>(
    py: Python<'py>,
    numpy: &Bound<'py, PyModule>,
    n: usize,
    counts: &[u8],
) -> PyResult<Bound<'py, PyAny>> {
    let buffer = PyByteArray::new(py, counts);
    let kwargs = PyDict::new(py);
    kwargs.set_item("dtype", numpy.getattr("uint32")?)?;
    numpy
        .getattr("frombuffer")?
        .call((buffer,), Some(&kwargs))?
        .call_method1("reshape", (n, n))
}

/// The three matrices, row-major, as native-endian `u32` bytes.
fn matrix_bytes(m: &VoteAgreement, n: usize) -> [Vec<u8>; 3] {
    let mut out = [
        Vec::with_capacity(n * n * 4),
        Vec::with_capacity(n * n * 4),
        Vec::with_capacity(n * n * 4),
    ];
    for a in 0..n {
        for b in 0..n {
            out[0].extend_from_slice(&m.shared(a, b).to_ne_bytes());
            out[1].extend_from_slice(&m.identical(a, b).to_ne_bytes());
            out[2].extend_from_slice(&m.opposed(a, b).to_ne_bytes());
        }
    }
    out
}

#[pymethods]
impl PyVotes {
    /// Reads votes from a CSV file; the same as :func:`stancegraph.read_votes`.
    #[classmethod]
    fn read_csv(_cls: &Bound<'_, PyType>, py: Python<'_>, path: PathBuf) -> PyResult<PyVotes> {
        read_votes(py, path)
    }

    /// Votes from CSV text (columns ``rcid``, ``country``, ``country_code``,
    /// ``vote``); problems name ``<input>`` and the line.
    #[classmethod]
    fn from_csv_text(_cls: &Bound<'_, PyType>, py: Python<'_>, text: &str) -> PyResult<PyVotes> {
        let votes = py
            .detach(|| RollCallVotes::read_csv_str(text, "<input>"))
            .py(py)?;
        Ok(PyVotes {
            inner: Arc::new(votes),
        })
    }

    /// Country names, sorted by byte order (the rows and columns of the
    /// agreement matrices).
    #[getter]
    fn countries(&self) -> Vec<String> {
        self.inner.countries().to_vec()
    }

    /// Country codes, parallel to :attr:`countries`.
    #[getter]
    fn codes(&self) -> Vec<String> {
        self.inner.codes().to_vec()
    }

    /// Roll-call ids, in order of first appearance.
    #[getter]
    fn roll_calls(&self) -> Vec<u64> {
        self.inner.roll_calls().to_vec()
    }

    /// The number of votes.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "<stancegraph.Votes: {} votes, {} roll calls, {} countries>",
            self.inner.len(),
            self.inner.roll_calls().len(),
            self.inner.countries().len()
        )
    }

    /// The votes of the roll calls whose ids are in ``roll_calls`` (any
    /// iterable of ints; ids without votes are ignored), as new
    /// :class:`Votes`. Every country stays, even one left without a vote, so
    /// that matrices of different selections line up.
    fn select(&self, py: Python<'_>, roll_calls: &Bound<'_, PyAny>) -> PyResult<PyVotes> {
        let mut keep = HashSet::new();
        for id in roll_calls.try_iter()? {
            let id = id?;
            let id: u64 = id.extract().map_err(|_| {
                bad_argument("roll_calls", "expected roll-call ids (non-negative ints)")
            })?;
            keep.insert(id);
        }
        let mut votes = (*self.inner).clone();
        py.detach(|| votes.retain_roll_calls(|id| keep.contains(&id)));
        Ok(PyVotes {
            inner: Arc::new(votes),
        })
    }

    /// For every pair of countries, the roll calls both voted in
    /// (``shared``), voted identically (``identical``) and voted yes against
    /// no (``opposed``): ``(names, shared, identical, opposed)``, ``names``
    /// the country names (:attr:`countries`), the three ``n × n`` numpy
    /// ``uint32`` arrays in that order, symmetric with a zero diagonal.
    ///
    /// The counting runs with the GIL released, in O(V + C² · R / 64) for V
    /// votes, C countries and R roll calls.
    fn agreement_matrices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let votes = Arc::clone(&self.inner);
        let n = votes.countries().len();
        let [shared, identical, opposed] = py.detach(move || matrix_bytes(&votes.agreement(), n));
        let numpy = py.import("numpy")?;
        PyTuple::new(
            py,
            [
                PyList::new(py, self.inner.countries())?.into_any(),
                matrix(py, &numpy, n, &shared)?,
                matrix(py, &numpy, n, &identical)?,
                matrix(py, &numpy, n, &opposed)?,
            ],
        )
    }

    /// Writes the three agreement matrices as ``shared.csv``,
    /// ``identical.csv`` and ``opposed.csv`` into ``directory`` (made if
    /// missing): a header row of the country names after an empty cell,
    /// one row per country, integer counts — byte for byte what
    /// ``cargo run --example un_votes -- --matrices DIR`` writes. Counting
    /// and writing run with the GIL released.
    fn write_matrices(&self, py: Python<'_>, directory: PathBuf) -> PyResult<()> {
        let votes = Arc::clone(&self.inner);
        py.detach(move || {
            votes
                .agreement()
                .write_matrices(votes.countries(), &directory)
        })
        .py(py)
    }

    /// The votes as a pandas ``DataFrame`` with the columns ``rcid``,
    /// ``country``, ``country_code`` and ``vote`` (``yes``/``no``/
    /// ``abstain``), in file order: the table :func:`read_votes` read.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let v = &self.inner;
        let names: Vec<Bound<'py, PyString>> =
            v.countries().iter().map(|c| PyString::new(py, c)).collect();
        let codes: Vec<Bound<'py, PyString>> =
            v.codes().iter().map(|c| PyString::new(py, c)).collect();
        let words: Vec<Bound<'py, PyString>> =
            VOTE_WORDS.iter().map(|w| PyString::new(py, w)).collect();
        let ids = v.roll_calls();
        let rcid = PyList::new(py, v.votes().map(|(_, r, _)| ids[r]))?;
        let country = PyList::new(py, v.votes().map(|(c, _, _)| &names[c]))?;
        let code = PyList::new(py, v.votes().map(|(c, _, _)| &codes[c]))?;
        let vote = PyList::new(py, v.votes().map(|(_, _, x)| &words[vote_index(x)]))?;
        data_frame(
            py,
            vec![
                ("rcid", rcid.into_any()),
                ("country", country.into_any()),
                ("country_code", code.into_any()),
                ("vote", vote.into_any()),
            ],
            &[],
        )
    }

    /// The votes as a :class:`Scenario`: countries as states (their codes as
    /// aliases), roll calls as issues (``rc-<id>``), votes as positions (yes
    /// → support, no → oppose, abstain → neutral). ``dates`` maps roll-call
    /// ids to dates (``datetime.date`` or ``"YYYY-MM-DD"``; a dict, a pandas
    /// Series, anything with ``items()``) to date the positions.
    #[pyo3(signature = (dates = None))]
    fn to_scenario(
        &self,
        py: Python<'_>,
        dates: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyScenario> {
        let mut by_id: HashMap<u64, Date> = HashMap::new();
        if let Some(dates) = dates.filter(|d| !d.is_none()) {
            if !dates.hasattr("items")? {
                return Err(bad_argument(
                    "dates",
                    "expected a mapping of roll-call id -> date",
                ));
            }
            for item in dates.call_method0("items")?.try_iter()? {
                let (id, date): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item?.extract()?;
                let id: u64 = id
                    .extract()
                    .map_err(|_| bad_argument("dates", "keys must be roll-call ids (ints)"))?;
                by_id.insert(id, date_arg(&format!("dates[{id}]"), &date)?);
            }
        }
        let votes = Arc::clone(&self.inner);
        let scenario = py.detach(move || votes.to_scenario(&by_id)).py(py)?;
        Ok(PyScenario::new(scenario))
    }
}
