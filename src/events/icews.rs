//! The ICEWS `.tab` format: UTF-8 tab-separated values with a header, one
//! event per line, no quoting, the literal `NA` for missing values, CAMEO
//! codes as text (leading zeros kept).
//!
//! Algorithm: one line at a time (`BufRead::read_until` into one reused
//! buffer, so memory is bounded by the longest line); a line must have the
//! header's number of fields; only the seven columns used are looked at,
//! found by name in the header (`Event Date`, `Source Name`, `Source
//! Country`, `CAMEO Code`, `Intensity`, `Target Name`, `Target Country`).
//! `Intensity` is the event's score (ICEWS gives the Goldstein weight of
//! its code); when it is `NA`, the code book's weight of the code is used.
//!
//! Source: Boschee et al. (2015), "ICEWS Coded Event Data", Harvard
//! Dataverse, doi:10.7910/DVN/28075; the column layout of the icews R
//! package's sample.

use std::io::BufRead;

use crate::error::{Problem, ProblemKind};
use crate::events::event::{FieldNames, RawFields, fill, utf8};
use crate::events::{CodeBook, Event};

/// The columns used and where they are.
#[derive(Clone)]
pub(crate) struct IcewsColumns {
    width: usize,
    /// The largest index of a column used.
    last: usize,
    date: usize,
    source: usize,
    source_country: usize,
    code: usize,
    intensity: usize,
    target: usize,
    target_country: usize,
}

pub(crate) const NAMES: FieldNames<'static> = FieldNames {
    source: "Source Name",
    source_country: "Source Country",
    target: "Target Name",
    target_country: "Target Country",
    date: "Event Date",
    code: "CAMEO Code",
    score: "Intensity",
};

/// Whether a header line is ICEWS's.
pub(crate) fn is_icews_header(line: &[u8]) -> bool {
    line.starts_with(b"Event ID\tEvent Date\t")
}

impl IcewsColumns {
    /// Finds the columns in the header line; every missing one is a problem.
    pub(crate) fn from_header(line: &[u8]) -> Result<IcewsColumns, Vec<Problem>> {
        let line = trim_newline(line);
        let fields: Vec<&[u8]> = line.split(|&b| b == b'\t').collect();
        let mut problems = Vec::new();
        let mut find = |name: &str| {
            let i = fields
                .iter()
                .position(|f| f.trim_ascii() == name.as_bytes());
            if i.is_none() {
                problems.push(crate::io::table_problem::missing_column(name));
            }
            i.unwrap_or(0)
        };
        let mut columns = IcewsColumns {
            width: fields.len(),
            last: 0,
            date: find(NAMES.date),
            source: find(NAMES.source),
            source_country: find(NAMES.source_country),
            code: find(NAMES.code),
            intensity: find(NAMES.score),
            target: find(NAMES.target),
            target_country: find(NAMES.target_country),
        };
        columns.last = [
            columns.date,
            columns.source,
            columns.source_country,
            columns.code,
            columns.intensity,
            columns.target,
            columns.target_country,
        ]
        .into_iter()
        .max()
        .unwrap_or(0);
        if problems.is_empty() {
            Ok(columns)
        } else {
            Err(problems)
        }
    }
}

fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The ICEWS reader's state: the input, the columns, the line buffer.
pub(crate) struct Icews<R> {
    pub(crate) reader: R,
    pub(crate) columns: IcewsColumns,
    pub(crate) buf: Vec<u8>,
    /// The line last read (1-based; the header is line 1).
    pub(crate) line: u64,
    fields: Vec<usize>,
}

/// What reading one line gave.
pub(crate) enum Step {
    /// An event, filled in.
    Event,
    /// A bad row, with its problems.
    Bad(Vec<Problem>),
    /// The end of the input.
    End,
}

impl<R: BufRead> Icews<R> {
    pub(crate) fn new(reader: R, columns: IcewsColumns, line: u64) -> Self {
        Icews {
            reader,
            columns,
            buf: Vec::with_capacity(512),
            line,
            fields: Vec::with_capacity(32),
        }
    }

    /// Parses the line gathered in `buf` (none if it is blank), emptying it.
    fn parse_buffered(&mut self, event: &mut Event, codes: &CodeBook, row: usize) -> Option<Step> {
        self.line += 1;
        let line = std::mem::take(&mut self.buf);
        let trimmed = trim_newline(&line);
        let step = (!trimmed.is_empty()).then(|| {
            parse(
                &self.columns,
                &mut self.fields,
                self.line,
                trimmed,
                event,
                codes,
                row,
            )
        });
        self.buf = line;
        self.buf.clear();
        step
    }

    /// Reads the next non-blank line into `event`; `row` is its 1-based
    /// data row, for problems.
    pub(crate) fn step(
        &mut self,
        event: &mut Event,
        codes: &CodeBook,
        row: usize,
    ) -> std::io::Result<Step> {
        // Lines are parsed where they lie in the reader's buffer; only a
        // line across two fills is copied (into `buf`).
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                if self.buf.is_empty() {
                    return Ok(Step::End);
                }
                // A last line without a line break.
                return Ok(self.parse_buffered(event, codes, row).unwrap_or(Step::End));
            }
            match memchr::memchr(b'\n', available) {
                Some(i) if self.buf.is_empty() => {
                    self.line += 1;
                    let line = trim_newline(&available[..i]);
                    let step = (!line.is_empty()).then(|| {
                        parse(
                            &self.columns,
                            &mut self.fields,
                            self.line,
                            line,
                            event,
                            codes,
                            row,
                        )
                    });
                    self.reader.consume(i + 1);
                    if let Some(step) = step {
                        return Ok(step);
                    }
                }
                Some(i) => {
                    self.buf.extend_from_slice(&available[..=i]);
                    self.reader.consume(i + 1);
                    if let Some(step) = self.parse_buffered(event, codes, row) {
                        return Ok(step);
                    }
                }
                None => {
                    let n = available.len();
                    self.buf.extend_from_slice(available);
                    self.reader.consume(n);
                }
            }
        }
    }
}

/// Parses one line (without its line break) into `event`.
fn parse(
    columns: &IcewsColumns,
    fields: &mut Vec<usize>,
    line_no: u64,
    line: &[u8],
    event: &mut Event,
    codes: &CodeBook,
    row: usize,
) -> Step {
    let c = columns;
    // Field starts: 0 and every byte after a tab, found by a plain scan
    // (fields are short: it beats a vectorised search) up to the last
    // column used; the tabs after it are only counted.
    fields.clear();
    fields.push(0);
    let mut end = line.len();
    for (i, &b) in line.iter().enumerate() {
        if b == b'\t' {
            fields.push(i + 1);
            if fields.len() > c.last + 1 {
                end = i + 1;
                break;
            }
        }
    }
    let width = fields.len() + line[end..].iter().filter(|&&b| b == b'\t').count();
    if width != c.width {
        return Step::Bad(vec![crate::io::table_problem::row_problem(
            row,
            Some(line_no),
            None,
            ProblemKind::Invalid {
                reason: "not the header's number of tab-separated fields",
            },
        )]);
    }
    let fields = &*fields;
    let at = (row, Some(line_no));
    // One UTF-8 check of the whole line; field by field (to name the
    // bad one) only when it fails.
    // Only the part holding the columns used must be text.
    let used = fields.get(c.last + 1).map_or(line.len(), |&n| n - 1);
    let raw = match std::str::from_utf8(&line[..used]) {
        Ok(text) => {
            let field = |i: usize| {
                let start = fields[i];
                let end = fields.get(i + 1).map_or(text.len(), |&n| n - 1);
                text.get(start..end)
            };
            RawFields {
                source: field(c.source),
                source_country: field(c.source_country),
                target: field(c.target),
                target_country: field(c.target_country),
                date: field(c.date),
                code: field(c.code),
                score: field(c.intensity),
            }
        }
        Err(_) => {
            let field = |i: usize| {
                let start = fields[i];
                let end = fields.get(i + 1).map_or(line.len(), |&n| n - 1);
                line.get(start..end)
            };
            let mut problems = Vec::new();
            let mut text = |i: usize, name: &str| utf8(field(i), name, row, line_no, &mut problems);
            let raw = RawFields {
                source: text(c.source, NAMES.source),
                source_country: text(c.source_country, NAMES.source_country),
                target: text(c.target, NAMES.target),
                target_country: text(c.target_country, NAMES.target_country),
                date: text(c.date, NAMES.date),
                code: text(c.code, NAMES.code),
                score: text(c.intensity, NAMES.score),
            };
            if !problems.is_empty() {
                return Step::Bad(problems);
            }
            raw
        }
    };
    match fill(event, &raw, NAMES, codes, at, Vec::new()) {
        Ok(()) => Step::Event,
        Err(problems) => Step::Bad(problems),
    }
}
