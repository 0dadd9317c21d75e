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
    if value.hasattr("year")? && value.hasattr("month")? && value.hasattr("day")? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u32 = value.getattr("month")?.extract()?;
        let day: u32 = value.getattr("day")?.extract()?;
        return Date::new(year, month, day).map_err(|e| bad_argument(name, e));
    }
    Err(bad_argument(
        name,
        format!(
            "expected a date (\"YYYY-MM-DD\" or a datetime.date), got {}",
            value.get_type().name()?
        ),
    ))
}

/// An optional date argument.
pub fn opt_date_arg(name: &str, value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    match value {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => date_arg(name, v).map(Some),
    }
}

/// A keyword argument parsed as the library's enum `T`.
pub fn keyword<T: FromStr<Err = KeywordError>>(name: &str, text: &str) -> PyResult<T> {
    let text = text.trim();
    text.parse::<T>()
        .or_else(|_| text.replace('-', "_").parse::<T>())
        .map_err(|e| bad_argument(name, e))
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
        dict.set_item(name, values)?;
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("columns", order)?;
    let frame = pandas.getattr("DataFrame")?.call((dict,), Some(&kwargs))?;
    for name in dates {
        let kw = PyDict::new(py);
        kw.set_item("format", "%Y-%m-%d")?;
        kw.set_item("errors", "coerce")?;
        let column = pandas
            .getattr("to_datetime")?
            .call((frame.get_item(*name)?,), Some(&kw))?;
        frame.set_item(*name, column)?;
    }
    Ok(frame)
}
