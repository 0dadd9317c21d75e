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
