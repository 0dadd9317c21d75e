//! Parsing one part of a roll-call CSV file into votes numbered within the
//! part (the caller merges the parts), each bad row reported with its line.
//!
//! Without a quote anywhere, CSV is lines of comma-separated fields, split
//! directly (much faster, and a line with other than the header's number of
//! fields is an error, as the csv crate would say); otherwise the csv crate
//! reads the records. Votes come grouped by roll call, and countries in much
//! the same order in each, so the last roll call is remembered and the next
//! country guessed before a hash lookup.

use std::collections::HashMap;

use super::Vote;
use crate::error::{Problem, ProblemKind};

/// Where the columns are in a record.
pub(super) struct Columns {
    /// How many fields a record has (the header's).
    pub(super) width: usize,
    pub(super) rcid: usize,
    pub(super) country: usize,
    pub(super) code: usize,
    pub(super) vote: usize,
}

/// Votes of one part of the file, with chunk-local numbering.
#[derive(Default)]
pub(super) struct Parsed {
    pub(super) countries: Vec<(Vec<u8>, String)>,
    pub(super) roll_calls: Vec<u64>,
    pub(super) votes: Vec<(u32, u32, Vote)>,
}

/// What parsing one part of the file gives: its votes, its row count and
/// its problems (rows numbered within the part).
pub(super) struct Chunk {
    pub(super) parsed: Parsed,
    pub(super) rows: usize,
    pub(super) problems: Vec<Problem>,
}

/// A byte offset near the middle of `data` where a line starts outside any
/// quoted field (an even number of quotes before it), or the end.
pub(super) fn split_point(data: &[u8]) -> usize {
    let middle = data.len() / 2;
    let mut quotes = memchr::memchr_iter(b'"', &data[..middle]).count();
    for (i, &b) in data[middle..].iter().enumerate() {
        if b == b'"' {
            quotes += 1;
        } else if b == b'\n' && quotes.is_multiple_of(2) {
            return middle + i + 1;
        }
    }
    data.len()
}

pub(super) fn parse_chunk(data: &[u8], columns: &Columns, line_offset: u64) -> Chunk {
    // Without a quote anywhere, CSV is lines of comma-separated fields: split
    // them directly (much faster); otherwise let the csv crate do it.
    if memchr::memchr(b'"', data).is_none() {
        return parse_plain(data, columns, line_offset);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(data);
    let mut builder = ChunkBuilder::default();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map(|p| p.line() + line_offset);
                let field = |i: usize| record.get(i).unwrap_or_default();
                builder.row(
                    Row {
                        rcid: field(columns.rcid),
                        country: field(columns.country),
                        code: field(columns.code),
                        vote: field(columns.vote),
                    },
                    line,
                );
            }
            Err(e) => builder.ragged(e.position().map(|p| p.line() + line_offset)),
        }
    }
    builder.finish()
}

/// Rows of text fields `[rcid, country, country_code, vote]`, numbered
/// from 1 (no lines: they come from no file).
pub(super) fn parse_rows<'a>(rows: impl IntoIterator<Item = [&'a str; 4]>) -> Chunk {
    let mut builder = ChunkBuilder::default();
    for [rcid, country, code, vote] in rows {
        builder.row(
            Row {
                rcid: rcid.as_bytes(),
                country: country.as_bytes(),
                code: code.as_bytes(),
                vote: vote.as_bytes(),
            },
            None,
        );
    }
    builder.finish()
}

/// Numbers countries and roll calls of one chunk as rows come in.
#[derive(Default)]
struct ChunkBuilder {
    parsed: Parsed,
    rows: usize,
    problems: Vec<Problem>,
    country_index: HashMap<Vec<u8>, u32, foldhash::fast::RandomState>,
    roll_call_index: HashMap<u64, u32, foldhash::fast::RandomState>,
    // Votes come grouped by roll call, and countries in much the same order
    // in each: remember the last roll call and guess the next country.
    last_roll_call: Option<(Vec<u8>, u64, u32)>,
    last_country: Option<u32>,
}

impl ChunkBuilder {
    fn bad(&mut self, line: Option<u64>, column: &str, kind: ProblemKind) {
        let column = Some(column).filter(|c| !c.is_empty());
        self.problems.push(crate::io::table_problem::row_problem(
            self.rows, line, column, kind,
        ));
    }

    fn ragged(&mut self, line: Option<u64>) {
        self.rows += 1;
        self.bad(
            line,
            "",
            ProblemKind::Invalid {
                reason: "the row cannot be read as CSV (too few fields, or not UTF-8)",
            },
        );
    }

    fn row(&mut self, row: Row<'_>, line: Option<u64>) {
        self.rows += 1;
        let id = match &self.last_roll_call {
            Some((bytes, id, _)) if bytes.as_slice() == row.rcid => Some(*id),
            _ => std::str::from_utf8(row.rcid)
                .ok()
                .and_then(|t| t.trim().parse::<u64>().ok()),
        };
        let cast = match row.vote {
            b"yes" => Some(Vote::Yes),
            b"no" => Some(Vote::No),
            b"abstain" => Some(Vote::Abstain),
            _ => None,
        };
        if id.is_none() {
            self.bad(
                line,
                "rcid",
                ProblemKind::Invalid {
                    reason: "not a whole number",
                },
            );
        }
        if cast.is_none() {
            self.bad(
                line,
                "vote",
                ProblemKind::UnmappedValue {
                    value: String::from_utf8_lossy(row.vote).into_owned(),
                    mapping: vec![
                        "yes=support".into(),
                        "no=oppose".into(),
                        "abstain=neutral".into(),
                    ],
                },
            );
        }
        if row.country.is_empty() {
            self.bad(line, "country", ProblemKind::MissingField);
        }
        let (Some(id), Some(cast), false) = (id, cast, row.country.is_empty()) else {
            return;
        };
        let parsed = &mut self.parsed;
        let guess = self.last_country.map(|c| c as usize + 1).filter(|&g| {
            parsed
                .countries
                .get(g)
                .is_some_and(|(n, _)| n.as_slice() == row.country)
        });
        let c = match guess
            .map(|g| g as u32)
            .or_else(|| self.country_index.get(row.country).copied())
        {
            Some(c) => c,
            None => {
                let c = parsed.countries.len() as u32;
                parsed.countries.push((
                    row.country.to_vec(),
                    String::from_utf8_lossy(row.code).into_owned(),
                ));
                self.country_index.insert(row.country.to_vec(), c);
                c
            }
        };
        self.last_country = Some(c);
        let r = match &self.last_roll_call {
            Some((_, last, r)) if *last == id => *r,
            _ => {
                let r = *self.roll_call_index.entry(id).or_insert_with(|| {
                    parsed.roll_calls.push(id);
                    (parsed.roll_calls.len() - 1) as u32
                });
                self.last_roll_call = Some((row.rcid.to_vec(), id, r));
                r
            }
        };
        parsed.votes.push((c, r, cast));
    }

    fn finish(self) -> Chunk {
        Chunk {
            parsed: self.parsed,
            rows: self.rows,
            problems: self.problems,
        }
    }
}

/// What one row says, before numbering.
struct Row<'a> {
    rcid: &'a [u8],
    country: &'a [u8],
    code: &'a [u8],
    vote: &'a [u8],
}

/// [`parse_chunk`] for text without quotes: every line is a record.
fn parse_plain(data: &[u8], columns: &Columns, line_offset: u64) -> Chunk {
    // Exactly the header's number of fields, as the csv crate requires.
    let width = columns.width;
    let mut builder = ChunkBuilder::default();
    // About one vote per 20 bytes (a UN row is 20 to 40): reserve once.
    builder.parsed.votes.reserve(data.len() / 20);
    let mut fields: Vec<&[u8]> = Vec::with_capacity(width.max(8));
    let mut start = 0;
    let mut line_number = line_offset;
    while start < data.len() {
        let end = memchr::memchr(b'\n', &data[start..]).map_or(data.len(), |i| start + i);
        let line = &data[start..end];
        start = end + 1;
        line_number += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        fields.clear();
        let mut field_start = 0;
        // Lines are short: a plain scan beats a vectorised search here.
        for (i, &b) in line.iter().enumerate() {
            if b == b',' {
                fields.push(&line[field_start..i]);
                field_start = i + 1;
            }
        }
        fields.push(&line[field_start..]);
        let line_number = Some(line_number);
        if fields.len() != width {
            builder.ragged(line_number);
            continue;
        }
        builder.row(
            Row {
                rcid: fields[columns.rcid],
                country: fields[columns.country],
                code: fields[columns.code],
                vote: fields[columns.vote],
            },
            line_number,
        );
    }
    builder.finish()
}
