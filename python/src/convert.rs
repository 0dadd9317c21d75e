//! Values across the boundary: dates and keywords in; dates, lists and
//! frames out.
//!
//! A date argument is an ISO text (`"2025-06-02"`) or anything with `year`,
//! `month` and `day` (`datetime.date`, `datetime.datetime`,
//! `pandas.Timestamp`); a keyword argument is the library's keyword, with
//! `-` accepted for `_` as on the command line. Bad values raise
//! `ValueError` naming the argument and what is allowed.

use std::str::FromStr;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyString};
use stancegraph::{Date, KeywordError};

use crate::errors::bad_argument;

/// A date argument (see the module header).
pub fn date_arg(name: &str, value: &Bound<'_, PyAny>) -> PyResult<Date> {
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        return Date::from_str(text.trim()).map_err(|e| bad_argument(name, e));
    }
    let type_name = value.get_type().name()?.to_string();
    // numpy.datetime64: its text starts with the day (`2025-05-29`, `2025-05-29T00:00`).
    if type_name == "datetime64" {
        let text = value.str()?.to_cow()?.into_owned();
        let day = text.get(..10).unwrap_or(&text);
        return Date::from_str(day).map_err(|e| bad_argument(name, e));
    }
    if value.hasattr("year")? && value.hasattr("month")? && value.hasattr("day")? {
        let part = |field: &str| -> PyResult<i64> {
            value
                .getattr(field)?
                .extract::<i64>()
                .map_err(|_| bad_argument(name, format!("not a date: {}", describe(value))))
        };
        let (year, month, day) = (part("year")?, part("month")?, part("day")?);
        let (Ok(year), Ok(month), Ok(day)) = (
            i32::try_from(year),
            u32::try_from(month),
            u32::try_from(day),
        ) else {
            return Err(bad_argument(
                name,
                format!("not a date: {}", describe(value)),
            ));
        };
        return Date::new(year, month, day).map_err(|e| bad_argument(name, e));
    }
    Err(bad_argument(
        name,
        format!("expected a date (\"YYYY-MM-DD\" or a datetime.date), got {type_name}"),
    ))
}

/// `repr(value)`, or its type's name if that fails.
fn describe(value: &Bound<'_, PyAny>) -> String {
    value
        .repr()
        .and_then(|r| r.to_cow().map(|c| c.into_owned()))
        .unwrap_or_else(|_| "a value that is not a date".to_owned())
}

/// An optional date argument.
pub fn opt_date_arg(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => date_arg(name, v).map(Some),
    }
}

/// A keyword argument parsed as the library's enum `T` (any case; `-`
/// for `_`).
pub fn keyword<T: FromStr<Err = KeywordError>>(name: &str, text: &str) -> PyResult<T> {
    let given = text.trim();
    let folded = given.to_lowercase();
    folded
        .parse::<T>()
        .or_else(|_| folded.replace('-', "_").parse::<T>())
        .map_err(|mut e| {
            // Name the value as given, not as folded.
            e.value = given.to_owned();
            bad_argument(name, e)
        })
}

/// A `time_limit` argument in seconds: `None`, `inf` or more seconds than a
/// clock can count for none (as `--time-limit`); a negative or NaN number
/// is a `ValueError` naming it.
pub fn time_limit_arg(seconds: Option<f64>) -> PyResult<Option<std::time::Duration>> {
    match seconds {
        None => Ok(None),
        Some(s) if s >= 0.0 => Ok(std::time::Duration::try_from_secs_f64(s).ok()),
        Some(s) => Err(bad_argument(
            "time_limit",
            format!("`{s}` is not a number of seconds"),
        )),
    }
}

/// A count argument (`max`, `max_per_group`, …): a whole number of at
/// least `min`, as `usize`; a negative or huge number is a `ValueError`
/// naming the argument, not an `OverflowError`.
pub fn count_arg(name: &str, value: i64, min: usize) -> PyResult<usize> {
    match usize::try_from(value) {
        Ok(n) if n >= min => Ok(n),
        _ => Err(bad_argument(
            name,
            format!("must be at least {min}, got {value}"),
        )),
    }
}

static DATE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A `datetime.date`.
pub fn py_date<'py>(py: Python<'py>, date: Date) -> PyResult<Bound<'py, PyAny>> {
    let class = DATE.import(py, "datetime", "date")?;
    class.call1((date.year(), date.month(), date.day()))
}

/// An optional `datetime.date` (`None` when absent).
pub fn py_opt_date<'py>(py: Python<'py>, date: Option<Date>) -> PyResult<Bound<'py, PyAny>> {
    match date {
        Some(d) => py_date(py, d),
        None => Ok(py.None().into_bound(py)),
    }
}

/// `module`, imported, or an `ImportError` saying which extra to install.
pub fn import_optional<'py>(py: Python<'py>, module: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        pyo3::exceptions::PyImportError::new_err(format!(
            "this needs {module} (pip install {module}): {e}"
        ))
    })
}

/// JSON text as the command line prints it (`output::json` of the CLI):
/// pretty, two-space indents, a final newline — the same bytes.
pub fn json_text(value: &serde_json::Value) -> String {
    format!("{value:#}\n")
}

/// A `serde_json::Value` as the Python value `json.loads` gives.
pub fn json_to_py<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    loads(py, &value.to_string())
}

/// JSON text as Python values (`json.loads`).
pub fn loads<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((text,))
}

/// A pandas `DataFrame` of `columns` (name → list), in the given order;
/// the columns named in `dates` (ISO texts or `None`) become
/// `datetime64` columns.
pub fn data_frame<'py>(
    py: Python<'py>,
    columns: Vec<(&str, Bound<'py, PyAny>)>,
    dates: &[&str],
) -> PyResult<Bound<'py, PyAny>> {
    let pandas = import_optional(py, "pandas")?;
    let dict = PyDict::new(py);
    let mut order = Vec::with_capacity(columns.len());
    for (name, values) in columns {
        order.push(name);
        // Dates are converted before the frame is made: setting a column of
        // a frame from here would look like chained assignment to pandas 2.
        let values = if dates.contains(&name) {
            let kw = PyDict::new(py);
            kw.set_item("format", "%Y-%m-%d")?;
            kw.set_item("errors", "coerce")?;
            pandas.getattr("to_datetime")?.call((values,), Some(&kw))?
        } else {
            values
        };
        dict.set_item(name, values)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", order)?;
    let frame = pandas.getattr("DataFrame")?.call((dict,), Some(&kwargs))?;
    Ok(frame)
}
