//! The panel's CSV tables, read as a stream: columns found by name in the
//! header (extra columns ignored), one record at a time, every bad cell
//! reported with its file, row, line and column — never the first only,
//! never dropped.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Problem, ProblemKind};
use crate::io::table_problem::{missing_column, row_problem, unreadable_header};
use crate::{Error, Result};

/// The cells of the current row in the columns asked for, and where to
/// report what is wrong with them.
pub(crate) struct Cells<'a> {
    record: &'a csv::StringRecord,
    columns: &'a [usize],
    names: &'a [&'static str],
    row: usize,
    line: Option<u64>,
    problems: &'a mut Vec<Problem>,
}

impl Cells<'_> {
    /// The trimmed text of the `i`-th column asked for.
    pub(crate) fn text(&self, i: usize) -> &str {
        self.record.get(self.columns[i]).unwrap_or_default().trim()
    }

    /// The `i`-th column as a whole number of type `T`, or `None` after
    /// reporting it: empty or `NA` is a missing field, anything else that is
    /// not a whole number in `T`'s range is `reason`. A whole number written
    /// with a zero fraction (`350.0`, as some exports write integers) counts.
    pub(crate) fn whole<T: TryFrom<i64>>(&mut self, i: usize, reason: &'static str) -> Option<T> {
        let text = self.text(i);
        if text.is_empty() || text == "NA" {
            self.bad(i, ProblemKind::MissingField);
            return None;
        }
        let value = text.parse::<i64>().ok().or_else(|| {
            let f = text.parse::<f64>().ok()?;
            // Whole and well inside i64: the cast is exact.
            (f.fract() == 0.0 && f.abs() < 9.0e15).then_some(f as i64)
        });
        match value.and_then(|v| T::try_from(v).ok()) {
            Some(v) => Some(v),
            None => {
                self.bad(i, ProblemKind::Invalid { reason });
                None
            }
        }
    }

    /// Reports the `i`-th column of this row.
    pub(crate) fn bad(&mut self, i: usize, kind: ProblemKind) {
        self.problems
            .push(row_problem(self.row, self.line, Some(self.names[i]), kind));
    }
}

/// Reads the CSV `reader` (named `origin` in problems), finding the columns
/// `names` in its header, and calls `each` on every row with the cells of
/// those columns. Rows are numbered from 1 (the header excluded), as the
/// crate's other tables count them.
///
/// # Errors
///
/// [`Error::Invalid`] with every problem — an unreadable header, each
/// missing column, each row that is not CSV or has too few fields, and
/// whatever `each` reported — each naming `origin` as its file.
pub(crate) fn read_table<R: Read>(
    reader: R,
    origin: &str,
    names: &[&'static str],
    mut each: impl FnMut(&mut Cells<'_>),
) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let mut problems = Vec::new();
    let columns: Vec<Option<usize>> = match reader.headers() {
        Ok(headers) => {
            let headers: Vec<&str> = headers
                .iter()
                .map(|h| h.trim_start_matches('\u{feff}').trim())
                .collect();
            names
                .iter()
                .map(|name| headers.iter().position(|h| h == name))
                .collect()
        }
        Err(_) => return Err(invalid(origin, vec![unreadable_header()])),
    };
    for (name, column) in names.iter().zip(&columns) {
        if column.is_none() {
            problems.push(missing_column(name));
        }
    }
    let columns: Vec<usize> = columns.into_iter().flatten().collect();
    if columns.len() < names.len() {
        return Err(invalid(origin, problems));
    }
    let needed = columns.iter().max().map_or(0, |&c| c + 1);
    let mut record = csv::StringRecord::new();
    let mut row = 0;
    loop {
        row += 1;
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let (line, reason) = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => (e.position(), "the row is not UTF-8 text"),
                    _ => (e.position(), "the row cannot be read as CSV"),
                };
                problems.push(row_problem(
                    row,
                    line.map(|p| p.line()),
                    None,
                    ProblemKind::Invalid { reason },
                ));
                // A broken quote can swallow the rest of the file: stop at
                // an I/O error, go on after a bad row.
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
                continue;
            }
        }
        let line = record.position().map(|p| p.line());
        if record.len() < needed {
            problems.push(row_problem(
                row,
                line,
                None,
                ProblemKind::Invalid {
                    reason: "the row has fewer fields than the header",
                },
            ));
            continue;
        }
        let mut cells = Cells {
            record: &record,
            columns: &columns,
            names,
            row,
            line,
            problems: &mut problems,
        };
        each(&mut cells);
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(invalid(origin, problems))
    }
}

/// The file at `path`, opened for reading (buffered by the CSV reader).
///
/// # Errors
///
/// [`Error::Io`] naming the file.
pub(crate) fn open(path: &Path) -> Result<std::fs::File> {
    std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })
}

/// The problems of the file `origin`, each naming it.
fn invalid(origin: &str, mut problems: Vec<Problem>) -> Error {
    for p in &mut problems {
        p.file = Some(PathBuf::from(origin));
    }
    Error::Invalid {
        origin: origin.to_owned(),
        problems,
    }
}
