//! Problems found while reading tables (CSV imports), named alike everywhere.

use crate::error::{Problem, ProblemKind, RecordRef, Section};

/// The header row cannot be read.
pub(crate) fn unreadable_header() -> Problem {
    Problem::new(
        RecordRef::whole(Section::Header),
        None,
        ProblemKind::Invalid {
            reason: "the header cannot be read as CSV",
        },
    )
}

/// A column the import needs is not in the header.
pub(crate) fn missing_column(name: &str) -> Problem {
    Problem::new(
        RecordRef::whole(Section::Header),
        Some(name.to_owned()),
        ProblemKind::Invalid {
            reason: "no such column in the header",
        },
    )
}

/// Where the columns `names` are among `headers` (compared as given: the
/// caller trims or not); every missing one is a problem, all listed.
pub(crate) fn find_columns<'h, const N: usize>(
    headers: impl IntoIterator<Item = &'h str>,
    names: [&str; N],
) -> Result<[usize; N], Vec<Problem>> {
    let headers: Vec<&str> = headers.into_iter().collect();
    let mut found = [0; N];
    let mut problems = Vec::new();
    for (slot, name) in found.iter_mut().zip(names) {
        match headers.iter().position(|&h| h == name) {
            Some(i) => *slot = i,
            None => problems.push(missing_column(name)),
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

/// Something wrong in data row `row` (1-based, header excluded), at `line`
/// of the file, in `column` (none for the row as a whole).
pub(crate) fn row_problem(
    row: usize,
    line: Option<u64>,
    column: Option<&str>,
    kind: ProblemKind,
) -> Problem {
    let mut problem = Problem::new(
        RecordRef::new(Section::Rows, row, None),
        column.map(str::to_owned),
        kind,
    );
    problem.line = line;
    problem
}
