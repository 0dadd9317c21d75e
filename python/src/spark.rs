//! The per-partition kernels of `stancegraph.spark` (`python/stancegraph/spark.py`)
//! and its driver-side assembly.
//!
//! Spark hands each partition to a Python worker as Arrow record batches
//! (`mapInArrow`); the pure-Python layer casts the columns it needs to
//! Arrow strings and passes each column here as its three buffers (validity
//! bitmap, offsets, UTF-8 data — copied once into `bytes`, the only copy),
//! its offset, length and offset width. The kernels read the Arrow layout
//! directly, with every offset and length checked (a malformed column is a
//! `ValueError`, never a panic), and run with the GIL released:
//!
//! - `_EventPartition`: every row read by the library's rules
//!   ([`Event::read_fields`], so a partition reads as `stancegraph events`
//!   reads a file, bad fields named by the user's column and the row's number
//!   within the partition), aggregated by [`EventAggregator`]; `finish`
//!   gives the partial table (one row per dyad and period: events, the
//!   Goldstein sum in exact millionths as a 38-digit decimal, the quad counts)
//!   as Arrow buffers, which Spark sums per dyad and period;
//! - `_vote_partition`: the votes of whole roll calls made into
//!   [`RollCallVotes`] (checked as the CSV reader checks) and counted by the
//!   bit-set kernel; pairs that shared a roll call come back as Arrow buffers;
//! - `_window_name`: a `window` keyword in the library's own spelling
//!   (`" All"` is `all`), for the driver's checks and the ties' metadata;
//! - `_event_networks`: on the driver, the combined table made an
//!   [`EventNetworks`] again ([`EventNetworks::from_rows`]), for its signed
//!   graphs and everything else `aggregate_events` gives.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyTuple};
use stancegraph::events::{
    AggregateOptions, CodeBook, DyadPeriod, Event, EventAggregator, EventColumns, EventCounts,
    EventFields, EventNetworks, MAX_LISTED_PROBLEMS, QuadCounts,
};
use stancegraph::io::RollCallVotes;
use stancegraph::{Error, Problem};

use crate::errors::IntoPyResult;
use crate::events::{PyEventNetworks, aggregate_options, window_arg};

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<EventPartition>()?;
    m.add_function(wrap_pyfunction!(_vote_partition, m)?)?;
    m.add_function(wrap_pyfunction!(_event_networks, m)?)?;
    m.add_function(wrap_pyfunction!(_window_name, m)?)?;
    Ok(())
}

/// An Arrow string column as Python hands it over: `(validity or None,
/// offsets, data, offset, length, large)` — `large` for 64-bit offsets.
type ColumnArg<'py> = (
    Option<Bound<'py, PyBytes>>,
    Bound<'py, PyBytes>,
    Bound<'py, PyBytes>,
    usize,
    usize,
    bool,
);

/// An Arrow `string` or `large_string` column read in place.
struct Strings<'a> {
    /// The column's name, for errors.
    name: String,
    validity: Option<&'a [u8]>,
    offsets: &'a [u8],
    data: &'a [u8],
    offset: usize,
    len: usize,
    width: usize,
}

impl<'a> Strings<'a> {
    fn new(arg: &'a ColumnArg<'_>, name: &str) -> PyResult<Strings<'a>> {
        let (validity, offsets, data, offset, len, large) = arg;
        let (validity, offsets, data, offset, len, large) = (
            validity.as_ref().map(|v| v.as_bytes()),
            offsets.as_bytes(),
            data.as_bytes(),
            *offset,
            *len,
            *large,
        );
        let width = if large { 8 } else { 4 };
        let malformed = |what: &str| {
            PyValueError::new_err(format!(
                "column {name:?}: a malformed Arrow string array ({what})"
            ))
        };
        let end = offset.checked_add(len).ok_or_else(|| malformed("offset"))?;
        if offsets.len() / width < end + 1 {
            return Err(malformed("offsets shorter than the array"));
        }
        if let Some(v) = validity
            && v.len() * 8 < end
        {
            return Err(malformed("validity bitmap shorter than the array"));
        }
        Ok(Strings {
            name: name.to_owned(),
            validity,
            offsets,
            data,
            offset,
            len,
            width,
        })
    }

    fn position(&self, i: usize) -> Option<usize> {
        let at = i * self.width;
        let bytes = self.offsets.get(at..at + self.width)?;
        let value = if self.width == 8 {
            i64::from_le_bytes(bytes.try_into().ok()?)
        } else {
            i64::from(i32::from_le_bytes(bytes.try_into().ok()?))
        };
        usize::try_from(value).ok()
    }

    /// Row `i`'s text (`None` if null); `Err` for a malformed array.
    fn get(&self, i: usize) -> Result<Option<&'a str>, &'static str> {
        let j = self.offset + i;
        if let Some(v) = self.validity
            && v.get(j / 8).is_none_or(|b| b & (1 << (j % 8)) == 0)
        {
            return Ok(None);
        }
        let (Some(start), Some(end)) = (self.position(j), self.position(j + 1)) else {
            return Err("an offset out of range");
        };
        let bytes = self.data.get(start..end).ok_or("an offset past the data")?;
        std::str::from_utf8(bytes)
            .map(Some)
            .map_err(|_| "text that is not UTF-8")
    }
}

/// Strings written as an Arrow `string` array's offsets and data.
#[derive(Default)]
struct StringsOut {
    offsets: Vec<u8>,
    data: Vec<u8>,
}

impl StringsOut {
    fn with_capacity(n: usize) -> Self {
        let mut out = StringsOut {
            offsets: Vec::with_capacity((n + 1) * 4),
            data: Vec::new(),
        };
        out.offsets.extend_from_slice(&0i32.to_le_bytes());
        out
    }

    fn push(&mut self, text: &str) -> PyResult<()> {
        self.data.extend_from_slice(text.as_bytes());
        let end = i32::try_from(self.data.len()).map_err(|_| {
            PyValueError::new_err(
                "over 2 GiB of names in one partition's result: use more partitions",
            )
        })?;
        self.offsets.extend_from_slice(&end.to_le_bytes());
        Ok(())
    }

    fn into_py<'py>(self, py: Python<'py>) -> (Bound<'py, PyBytes>, Bound<'py, PyBytes>) {
        (
            PyBytes::new(py, &self.offsets),
            PyBytes::new(py, &self.data),
        )
    }
}

fn int64s<'py>(py: Python<'py>, values: impl Iterator<Item = i64>) -> Bound<'py, PyBytes> {
    let bytes: Vec<u8> = values.flat_map(i64::to_le_bytes).collect();
    PyBytes::new(py, &bytes)
}

/// One partition's events, aggregated as they come (see the module header).
#[pyclass(name = "_EventPartition", module = "stancegraph._native")]
pub struct EventPartition {
    aggregator: Option<EventAggregator>,
    columns: EventColumns,
    origin: String,
    event: Event,
    rows: usize,
    bad_rows: usize,
    problems: Vec<Problem>,
}

#[pymethods]
impl EventPartition {
    /// A partition's aggregate: `names` the user's column name of each role
    /// (in the order source, source_country, target, target_country,
    /// date, code, score; for problems), `partition` its number.
    #[new]
    #[pyo3(signature = (level, window, directed, names, partition))]
    fn new(
        level: &str,
        window: &str,
        directed: bool,
        names: [String; 7],
        partition: i64,
    ) -> PyResult<Self> {
        let options = aggregate_options(level, window, directed)?;
        let mut columns = EventColumns::default();
        let slots = [
            &mut columns.source,
            &mut columns.source_country,
            &mut columns.target,
            &mut columns.target_country,
            &mut columns.date,
            &mut columns.code,
            &mut columns.score,
        ];
        for (slot, name) in slots.into_iter().zip(names) {
            *slot = name;
        }
        Ok(EventPartition {
            aggregator: Some(EventAggregator::new(options)),
            columns,
            origin: format!("Spark partition {partition}"),
            event: Event::default(),
            rows: 0,
            bad_rows: 0,
            problems: Vec::new(),
        })
    }

    /// Adds one batch: a column per role (`None`: the input has none).
    fn add<'py>(&mut self, py: Python<'py>, columns: [Option<ColumnArg<'py>>; 7]) -> PyResult<()> {
        let mut read: [Option<Strings<'_>>; 7] = Default::default();
        let mut len = None;
        let c = &self.columns;
        let names = [
            &c.source,
            &c.source_country,
            &c.target,
            &c.target_country,
            &c.date,
            &c.code,
            &c.score,
        ];
        for ((slot, column), name) in read.iter_mut().zip(&columns).zip(names) {
            if let Some(arg) = column {
                let strings = Strings::new(arg, name)?;
                if len.is_some_and(|n| n != strings.len) {
                    return Err(PyValueError::new_err(
                        "the columns of a batch differ in length",
                    ));
                }
                len = Some(strings.len);
                *slot = Some(strings);
            }
        }
        let Some(len) = len else {
            return Ok(());
        };
        let this = &mut *self;
        py.detach(|| this.add_rows(&read, len))
            .map_err(PyValueError::new_err)
    }

    /// The partial table: `(rows, source, target, period, events,
    /// millionths, verbal_cooperation, material_cooperation,
    /// verbal_conflict, material_conflict)`, strings as `(offsets, data)`,
    /// the exact Goldstein millionths as Arrow `decimal128(38, 0)` values
    /// (16 little-endian bytes) and counts as little-endian 64-bit integers.
    ///
    /// Raises `ValidationError` listing the partition's bad rows.
    fn finish<'py>(&mut self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        if !self.problems.is_empty() {
            let problems = std::mem::take(&mut self.problems);
            let mut origin = self.origin.clone();
            if self.bad_rows > problems.len() {
                origin.push_str(&format!(
                    " ({} bad rows, the first {} problems listed)",
                    self.bad_rows,
                    problems.len()
                ));
            }
            return Err(Error::Invalid { origin, problems }).py(py);
        }
        let Some(aggregator) = self.aggregator.take() else {
            return Err(PyValueError::new_err("this partition is finished already"));
        };
        let networks = py.detach(|| aggregator.finish());
        let rows = networks.rows();
        // Arrow decimal128(38, 0): 16 little-endian bytes per value.
        let units: Vec<u8> = rows
            .iter()
            .flat_map(|r| r.goldstein_millionths().to_le_bytes())
            .collect();
        let (mut source, mut target, mut period) = (
            StringsOut::with_capacity(rows.len()),
            StringsOut::with_capacity(rows.len()),
            StringsOut::with_capacity(rows.len()),
        );
        for r in rows {
            source.push(&r.source)?;
            target.push(&r.target)?;
            period.push(&r.period)?;
        }
        let count = |f: fn(&DyadPeriod) -> u64| {
            int64s(
                py,
                rows.iter().map(|r| i64::try_from(f(r)).unwrap_or(i64::MAX)),
            )
        };
        let items: Vec<Bound<'py, PyAny>> = vec![
            rows.len().into_pyobject(py)?.into_any(),
            source.into_py(py).into_pyobject(py)?.into_any(),
            target.into_py(py).into_pyobject(py)?.into_any(),
            period.into_py(py).into_pyobject(py)?.into_any(),
            count(|r| r.events).into_any(),
            PyBytes::new(py, &units).into_any(),
            count(|r| r.quad.verbal_cooperation).into_any(),
            count(|r| r.quad.material_cooperation).into_any(),
            count(|r| r.quad.verbal_conflict).into_any(),
            count(|r| r.quad.material_conflict).into_any(),
        ];
        PyTuple::new(py, items)
    }
}

impl EventPartition {
    fn add_rows(&mut self, columns: &[Option<Strings<'_>>; 7], len: usize) -> Result<(), String> {
        let Some(aggregator) = self.aggregator.as_mut() else {
            return Err("this partition is finished already".into());
        };
        let codes = CodeBook::builtin();
        for i in 0..len {
            self.rows += 1;
            let mut cell = [None; 7];
            for (value, column) in cell.iter_mut().zip(columns) {
                if let Some(c) = column {
                    *value = c.get(i).map_err(|what| {
                        format!(
                            "{}, row {}, column {:?}: {what}",
                            self.origin, self.rows, c.name
                        )
                    })?;
                }
            }
            // In the roles' order (see `new`).
            let fields = EventFields::new()
                .with_source(cell[0])
                .with_source_country(cell[1])
                .with_target(cell[2])
                .with_target_country(cell[3])
                .with_date(cell[4])
                .with_code(cell[5])
                .with_score(cell[6]);
            match self
                .event
                .read_fields(&fields, &self.columns, codes, self.rows)
            {
                Ok(()) => aggregator.add(&self.event),
                Err(problems) => {
                    self.bad_rows += 1;
                    let room = MAX_LISTED_PROBLEMS.saturating_sub(self.problems.len());
                    self.problems.extend(problems.into_iter().take(room));
                }
            }
        }
        Ok(())
    }
}

/// One partition's roll calls counted: `(pairs, country1, country2,
/// shared, identical, opposed)` for the pairs of countries (in name order)
/// that shared a roll call, strings as `(offsets, data)` and counts as
/// little-endian 64-bit integers. Every vote of a roll call must be in the
/// partition (Spark repartitions by roll call first).
#[pyfunction]
fn _vote_partition<'py>(
    py: Python<'py>,
    rcid: ColumnArg<'py>,
    country: ColumnArg<'py>,
    vote: ColumnArg<'py>,
    names: [String; 3],
    partition: i64,
) -> PyResult<Bound<'py, PyTuple>> {
    let [rcid_name, country_name, vote_name] = names;
    let columns = [
        Strings::new(&rcid, &rcid_name)?,
        Strings::new(&country, &country_name)?,
        Strings::new(&vote, &vote_name)?,
    ];
    let len = columns[0].len;
    if columns.iter().any(|c| c.len != len) {
        return Err(PyValueError::new_err(
            "the columns of a batch differ in length",
        ));
    }
    let origin = format!("Spark partition {partition}");
    let counted = py.detach(|| -> Result<Result<_, Error>, String> {
        let mut rows = Vec::with_capacity(len);
        for i in 0..len {
            let mut cell = [""; 3];
            for (value, column) in cell.iter_mut().zip(&columns) {
                *value = column
                    .get(i)
                    .map_err(|what| {
                        format!("{origin}, row {}, column {:?}: {what}", i + 1, column.name)
                    })?
                    .unwrap_or_default();
            }
            let [r, c, v] = cell;
            rows.push([r, c, "", v]);
        }
        Ok(RollCallVotes::from_rows(rows, &origin).map(|votes| {
            let m = votes.agreement();
            let n = votes.countries().len();
            let mut pairs = Vec::new();
            for a in 0..n {
                for b in a + 1..n {
                    if m.shared(a, b) > 0 {
                        pairs.push((a, b, m.shared(a, b), m.identical(a, b), m.opposed(a, b)));
                    }
                }
            }
            (votes, pairs)
        }))
    });
    let (votes, pairs) = counted
        .map_err(PyValueError::new_err)?
        .map_err(|e| rename_vote_fields(e, &rcid_name, &country_name, &vote_name))
        .py(py)?;
    let (mut first, mut second) = (
        StringsOut::with_capacity(pairs.len()),
        StringsOut::with_capacity(pairs.len()),
    );
    for &(a, b, ..) in &pairs {
        first.push(&votes.countries()[a])?;
        second.push(&votes.countries()[b])?;
    }
    let items: Vec<Bound<'py, PyAny>> = vec![
        pairs.len().into_pyobject(py)?.into_any(),
        first.into_py(py).into_pyobject(py)?.into_any(),
        second.into_py(py).into_pyobject(py)?.into_any(),
        int64s(py, pairs.iter().map(|p| i64::from(p.2))).into_any(),
        int64s(py, pairs.iter().map(|p| i64::from(p.3))).into_any(),
        int64s(py, pairs.iter().map(|p| i64::from(p.4))).into_any(),
    ];
    PyTuple::new(py, items)
}

/// The library names the vote fields as the CSV's columns (`rcid`,
/// `country`, `vote`): problems name the DataFrame's columns instead.
fn rename_vote_fields(error: Error, rcid: &str, country: &str, vote: &str) -> Error {
    match error {
        Error::Invalid { origin, problems } => Error::Invalid {
            origin,
            problems: problems
                .into_iter()
                .map(|mut p| {
                    p.field = p.field.map(|f| match f.as_str() {
                        "rcid" => rcid.to_owned(),
                        "country" => country.to_owned(),
                        "vote" => vote.to_owned(),
                        _ => f,
                    });
                    p
                })
                .collect(),
        },
        other => other,
    }
}

/// The combined ties table (columns as lists) made an `EventNetworks`.
#[pyfunction]
#[pyo3(signature = (source, target, period, events, goldstein, quads, level, window, directed))]
#[allow(clippy::too_many_arguments)]
fn _event_networks(
    py: Python<'_>,
    source: Vec<String>,
    target: Vec<String>,
    period: Vec<String>,
    events: Vec<u64>,
    goldstein: Vec<f64>,
    quads: [Vec<u64>; 4],
    level: &str,
    window: &str,
    directed: bool,
) -> PyResult<PyEventNetworks> {
    let options: AggregateOptions = aggregate_options(level, window, directed)?;
    let n = source.len();
    if [target.len(), period.len(), events.len(), goldstein.len()]
        .into_iter()
        .chain(quads.iter().map(Vec::len))
        .any(|l| l != n)
    {
        return Err(PyValueError::new_err("the columns differ in length"));
    }
    let rows: Vec<DyadPeriod> = (0..n)
        .map(|i| {
            DyadPeriod::new(
                &source[i],
                &target[i],
                &period[i],
                events[i],
                goldstein[i],
                QuadCounts::new(quads[0][i], quads[1][i], quads[2][i], quads[3][i]),
            )
        })
        .collect();
    let networks = py
        .detach(|| {
            EventNetworks::from_rows(options, rows, EventCounts::default(), "the ties DataFrame")
        })
        .py(py)?;
    Ok(PyEventNetworks::new(networks))
}

/// The canonical name of a `window` keyword (`" All"` → `"all"`, `"30 / 7"`
/// → `"30/7"`), as the library reads and displays it; `ValueError` naming
/// `window` for one it does not take.
#[pyfunction]
fn _window_name(window: &str) -> PyResult<String> {
    Ok(window_arg(window)?.to_string())
}
