//! Library errors as Python exceptions.
//!
//! - [`Error::Invalid`], [`Error::InvalidOptions`] and [`Error::Syntax`]:
//!   `stancegraph.ValidationError` (a `ValueError`), its message the
//!   library's text (every problem, one per line) and `.problems` a list of
//!   dicts with `file`, `record`, `field`, `line` and `message` (and
//!   `section`, `index`, `key`, `text` for finer work);
//! - [`Error::Io`]: the `OSError` subclass of its kind (`FileNotFoundError`,
//!   `PermissionError`, …) with `.filename` set;
//! - every other error: `ValueError` with the library's text.
//!
//! `ValidationError` is defined in Python (`stancegraph/_errors.py`) so that
//! it documents itself and pickles; it is looked up once.

use pyo3::exceptions::{
    PyFileExistsError, PyFileNotFoundError, PyIsADirectoryError, PyNotADirectoryError, PyOSError,
    PyPermissionError, PyValueError,
};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};
use stancegraph::{Error, Problem};

static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// `stancegraph.ValidationError`, imported once.
fn validation_error(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    VALIDATION_ERROR.import(py, "stancegraph._errors", "ValidationError")
}

/// A library error as the Python exception a user expects.
pub fn to_py(py: Python<'_>, error: Error) -> PyErr {
    match error {
        Error::Io { path, source } => {
            let filename = path.display().to_string();
            let args = (
                source.raw_os_error().unwrap_or(0),
                source.to_string(),
                filename,
            );
            use std::io::ErrorKind::*;
            match source.kind() {
                NotFound => PyFileNotFoundError::new_err(args),
                PermissionDenied => PyPermissionError::new_err(args),
                AlreadyExists => PyFileExistsError::new_err(args),
                IsADirectory => PyIsADirectoryError::new_err(args),
                NotADirectory => PyNotADirectoryError::new_err(args),
                _ => PyOSError::new_err(args),
            }
        }
        Error::Syntax {
            ref origin,
            line,
            ref path,
            ref message,
            ..
        } => {
            let problem = ProblemDict {
                file: non_empty(origin),
                record: None,
                field: path.clone(),
                line,
                message: message.clone(),
                section: None,
                index: None,
                key: None,
                text: error.to_string(),
            };
            validation(py, error.to_string(), vec![problem])
        }
        Error::Invalid {
            ref origin,
            ref problems,
        } => {
            let problems = problems
                .iter()
                .map(|p| ProblemDict::of(p, non_empty(origin)))
                .collect();
            validation(py, error.to_string(), problems)
        }
        Error::InvalidOptions { ref problems } => {
            let problems = problems.iter().map(|p| ProblemDict::of(p, None)).collect();
            validation(py, error.to_string(), problems)
        }
        other => PyValueError::new_err(other.to_string()),
    }
}

/// `Result<T, Error>` into `PyResult<T>`.
pub trait IntoPyResult<T> {
    /// The library's error as a Python exception.
    fn py(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPyResult<T> for Result<T, Error> {
    fn py(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, e))
    }
}

fn non_empty(origin: &str) -> Option<String> {
    (!origin.is_empty()).then(|| origin.to_owned())
}

/// One problem as the dict Python sees.
struct ProblemDict {
    file: Option<String>,
    record: Option<String>,
    field: Option<String>,
    line: Option<u64>,
    message: String,
    section: Option<&'static str>,
    index: Option<usize>,
    key: Option<String>,
    text: String,
}

impl ProblemDict {
    fn of(problem: &Problem, origin: Option<String>) -> Self {
        let file = problem
            .file
            .as_ref()
            .map(|f| f.display().to_string())
            .or(origin);
        ProblemDict {
            record: Some(problem.record.to_string()),
            field: problem.field.clone(),
            line: problem.line,
            message: problem.kind.to_string(),
            section: Some(problem.record.section.as_str()),
            index: problem.record.index,
            key: problem.record.key.clone(),
            text: match (&file, problem.line) {
                (Some(f), Some(l)) => format!("{f}:{l}: {problem}"),
                (Some(f), None) => format!("{f}: {problem}"),
                (None, Some(l)) => format!("line {l}: {problem}"),
                (None, None) => problem.to_string(),
            },
            file,
        }
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("file", &self.file)?;
        d.set_item("record", &self.record)?;
        d.set_item("field", &self.field)?;
        d.set_item("line", self.line)?;
        d.set_item("message", &self.message)?;
        d.set_item("section", self.section)?;
        d.set_item("index", self.index)?;
        d.set_item("key", &self.key)?;
        d.set_item("text", &self.text)?;
        Ok(d)
    }
}

/// A `ValidationError` with its problems; if the class or the dicts cannot
/// be made (an interpreter shutting down), a plain `ValueError`.
fn validation(py: Python<'_>, message: String, problems: Vec<ProblemDict>) -> PyErr {
    let made = (|| -> PyResult<PyErr> {
        let dicts = problems
            .iter()
            .map(|p| p.to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        let list = PyList::new(py, dicts)?;
        let instance = validation_error(py)?.call1((message.as_str(), list))?;
        Ok(PyErr::from_value(instance))
    })();
    made.unwrap_or_else(|_| PyValueError::new_err(message))
}

/// A `ValueError` naming the argument at fault.
pub fn bad_argument(name: &str, message: impl std::fmt::Display) -> PyErr {
    PyValueError::new_err(format!("{name}: {message}"))
}
