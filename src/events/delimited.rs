//! A generic delimited event table: named columns for the source and
//! target (names and, optionally, countries), the date, the code and/or the
//! score, any delimiter (comma, tab, semicolon…), CSV quoting.
//!
//! Algorithm: the csv crate reads one record at a time into one reused
//! [`csv::ByteRecord`] (memory bounded by the longest record); columns are
//! found by name in the header. A code of digits is a CAMEO code, any other
//! a PLOVER type; the score, when the column is missing or the cell empty
//! or `NA`, is the code book's weight of the code.

use std::io::BufRead;

use crate::error::{Problem, ProblemKind};
use crate::events::event::{FieldNames, RawFields, fill, utf8};
use crate::events::icews::Step;
use crate::events::{CodeBook, Event};

/// The columns of a generic delimited event table, by name.
///
/// `source` and `target` are required, and `code` or `score` (or both);
/// the others are used when the header has them. The defaults are the
/// lowercase names below and a comma; `delimiter: None` lets
/// [`EventReader::open`](crate::events::EventReader::open) choose by
/// extension (tab for `.tsv`, else comma).
///
/// # Examples
///
/// ```
/// use stancegraph::events::{EventColumns, EventReader, Event};
///
/// let mut columns = EventColumns::default();
/// columns.source = "actor1".into();
/// columns.target = "actor2".into();
/// columns.delimiter = Some(b';');
/// let text = "actor1;actor2;date;score\nUSA;PRK;2018-06-01;-2\n";
/// let mut reader = EventReader::delimited(text.as_bytes(), "t.csv", &columns)?;
/// let mut event = Event::default();
/// assert!(reader.read_event(&mut event)?);
/// assert_eq!((event.source.as_str(), event.score), ("USA", -2.0));
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventColumns {
    /// The field delimiter; `None`: a comma, or a tab for `.tsv` files.
    pub delimiter: Option<u8>,
    /// The source actor's name (required).
    pub source: String,
    /// The target actor's name (required).
    pub target: String,
    /// The source actor's country (used if present).
    pub source_country: String,
    /// The target actor's country (used if present).
    pub target_country: String,
    /// The day, `YYYY-MM-DD` or `YYYYMMDD` (GDELT's; used if present).
    pub date: String,
    /// A CAMEO code or PLOVER type (used if present).
    pub code: String,
    /// The Goldstein score (used if present).
    pub score: String,
}

impl Default for EventColumns {
    fn default() -> Self {
        EventColumns {
            delimiter: None,
            source: "source".into(),
            target: "target".into(),
            source_country: "source_country".into(),
            target_country: "target_country".into(),
            date: "date".into(),
            code: "code".into(),
            score: "score".into(),
        }
    }
}

/// Where the columns are (`None`: not in the header).
pub(crate) struct Found {
    source: usize,
    target: usize,
    source_country: Option<usize>,
    target_country: Option<usize>,
    date: Option<usize>,
    code: Option<usize>,
    score: Option<usize>,
}

impl Found {
    pub(crate) fn has_countries(&self) -> bool {
        self.source_country.is_some() && self.target_country.is_some()
    }
}

/// The generic reader's state.
pub(crate) struct Delimited<R> {
    reader: csv::Reader<R>,
    found: Found,
    names: EventColumns,
    record: csv::ByteRecord,
}

impl<R: BufRead> Delimited<R> {
    pub(crate) fn new(
        reader: R,
        columns: &EventColumns,
        delimiter: u8,
    ) -> Result<Delimited<R>, Vec<Problem>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(reader);
        let headers = reader
            .byte_headers()
            .map_err(|_| vec![crate::io::table_problem::unreadable_header()])?
            .clone();
        let find = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim_ascii() == name.as_bytes())
        };
        let mut problems = Vec::new();
        let mut required = |name: &str| {
            let i = find(name);
            if i.is_none() {
                problems.push(crate::io::table_problem::missing_column(name));
            }
            i.unwrap_or(0)
        };
        let (source, target) = (required(&columns.source), required(&columns.target));
        let found = Found {
            source,
            target,
            source_country: find(&columns.source_country),
            target_country: find(&columns.target_country),
            date: find(&columns.date),
            code: find(&columns.code),
            score: find(&columns.score),
        };
        if found.code.is_none() && found.score.is_none() {
            problems.push(crate::error::Problem::new(
                crate::error::RecordRef::whole(crate::error::Section::Header),
                Some(format!("{} or {}", columns.code, columns.score)),
                ProblemKind::Invalid {
                    reason: "an event table needs a code or a score column",
                },
            ));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Delimited {
            reader,
            found,
            names: columns.clone(),
            record: csv::ByteRecord::new(),
        })
    }

    pub(crate) fn found(&self) -> &Found {
        &self.found
    }

    pub(crate) fn step(
        &mut self,
        event: &mut Event,
        codes: &CodeBook,
        row: usize,
    ) -> std::io::Result<Step> {
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => Ok(Step::End),
            Ok(true) => {
                let line = self.record.position().map_or(0, |p| p.line());
                let r = &self.record;
                let f = &self.found;
                let n = &self.names;
                let mut problems = Vec::new();
                let mut get = |i: Option<usize>, name: &str| {
                    let bytes = i.map(|i| r.get(i).unwrap_or_default());
                    utf8(bytes, name, row, line, &mut problems)
                };
                let raw = RawFields {
                    source: get(Some(f.source), &n.source),
                    source_country: get(f.source_country, &n.source_country),
                    target: get(Some(f.target), &n.target),
                    target_country: get(f.target_country, &n.target_country),
                    date: get(f.date, &n.date),
                    code: get(f.code, &n.code),
                    score: get(f.score, &n.score),
                };
                let names = FieldNames {
                    source: &n.source,
                    source_country: &n.source_country,
                    target: &n.target,
                    target_country: &n.target_country,
                    date: &n.date,
                    code: &n.code,
                    score: &n.score,
                };
                Ok(
                    match fill(event, &raw, names, codes, (row, Some(line)), problems) {
                        Ok(()) => Step::Event,
                        Err(problems) => Step::Bad(problems),
                    },
                )
            }
            Err(e) => {
                let line = e.position().map(|p| p.line());
                if let csv::ErrorKind::Io(_) = e.kind() {
                    return Err(std::io::Error::other(e.to_string()));
                }
                Ok(Step::Bad(vec![crate::io::table_problem::row_problem(
                    row,
                    line,
                    None,
                    ProblemKind::Invalid {
                        reason: "the row cannot be read as delimited text",
                    },
                )]))
            }
        }
    }
}
