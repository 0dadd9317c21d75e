//! PLOVER event records in JSON: an array of records (as the PLOVER
//! gold-standard records) or one record after another (JSON Lines).
//!
//! A record has `id`, `date` (`YYYY-MM-DD`), `source` and `target` (each a
//! list of actors `{actorText, code, sector}`, one such actor, a string, or
//! empty) and `event`, the PLOVER type (`AGREE`, `ASSAULT`…), scored through
//! the code book ([`CodeBook::plover`]). A record with several sources or
//! targets gives one event per (source, target) pair; with none on a side,
//! one event with that side missing (dropped and counted by the
//! aggregation). `DOCUMENT` records document the file and are no events:
//! they are skipped and counted ([`EventReader::documents`](crate::events::EventReader::documents)).
//! At the actor level an actor is its `actorText`, at the country level its
//! `code` (ISO 3166 alpha-3, or `IGO`…).
//!
//! Algorithm: a small scanner reads the input byte by byte through its
//! buffer, tracking strings, escapes and nesting depth, and hands one
//! top-level record at a time to serde_json: memory is bounded by the
//! largest record, and each record knows the line it starts on.
//!
//! Source: Halterman, Bagozzi, Beger, Schrodt and Scarborough (2023),
//! "PLOVER and POLECAT: A New Political Event Ontology and Dataset"; the
//! gold-standard records of `openeventdata/PLOVER`.

use std::io::BufRead;

use serde::Deserialize;

use crate::Date;
use crate::error::{Problem, ProblemKind};
use crate::events::{CodeBook, Event};

/// One top-level JSON value's bytes at a time.
pub(crate) struct Scanner<R> {
    reader: R,
    /// The current line (1-based).
    line: u64,
    /// Whether the input is one array (`[...]`) rather than a sequence.
    array: Option<bool>,
    done: bool,
}

/// What the scanner found next.
pub(crate) enum Next {
    /// A record's bytes, and the line it starts on.
    Record(u64),
    /// Text that is not a JSON record where one belongs, at a line.
    Bad(u64, &'static str),
    /// The end.
    End,
}

impl<R: BufRead> Scanner<R> {
    pub(crate) fn new(reader: R) -> Self {
        Scanner {
            reader,
            line: 1,
            array: None,
            done: false,
        }
    }

    /// The next byte, counting lines.
    fn byte(&mut self) -> std::io::Result<Option<u8>> {
        let buf = self.reader.fill_buf()?;
        let Some(&b) = buf.first() else {
            return Ok(None);
        };
        self.reader.consume(1);
        if b == b'\n' {
            self.line += 1;
        }
        Ok(Some(b))
    }

    /// The next byte that is not white space (nor, between records, a comma).
    fn skip(&mut self, commas: bool) -> std::io::Result<Option<u8>> {
        loop {
            match self.byte()? {
                Some(b) if b.is_ascii_whitespace() || (commas && b == b',') => {}
                other => return Ok(other),
            }
        }
    }

    /// Reads the next record's bytes into `out`.
    pub(crate) fn next(&mut self, out: &mut Vec<u8>) -> std::io::Result<Next> {
        out.clear();
        if self.done {
            return Ok(Next::End);
        }
        if self.array.is_none() {
            match self.skip(false)? {
                None => {
                    self.done = true;
                    return Ok(Next::End);
                }
                Some(b'[') => self.array = Some(true),
                Some(b'{') => {
                    self.array = Some(false);
                    return self.record(out, b'{');
                }
                Some(_) => {
                    self.done = true;
                    return Ok(Next::Bad(
                        self.line,
                        "expected a JSON array of records or one record per line",
                    ));
                }
            }
        }
        match self.skip(true)? {
            None if self.array == Some(true) => {
                self.done = true;
                Ok(Next::Bad(
                    self.line,
                    "the array is not closed (`]` missing)",
                ))
            }
            None => {
                self.done = true;
                Ok(Next::End)
            }
            Some(b']') if self.array == Some(true) => {
                self.done = true;
                Ok(Next::End)
            }
            Some(b'{') => self.record(out, b'{'),
            Some(_) => {
                self.done = true;
                Ok(Next::Bad(self.line, "expected a record (`{`)"))
            }
        }
    }

    /// Reads one object, its opening brace already read.
    fn record(&mut self, out: &mut Vec<u8>, first: u8) -> std::io::Result<Next> {
        let start = self.line;
        out.push(first);
        let (mut depth, mut in_string, mut escaped) = (1usize, false, false);
        while depth > 0 {
            let Some(b) = self.byte()? else {
                self.done = true;
                return Ok(Next::Bad(start, "the record is not closed (`}` missing)"));
            };
            out.push(b);
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
            } else {
                match b {
                    b'"' => in_string = true,
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => depth -= 1,
                    _ => {}
                }
            }
        }
        Ok(Next::Record(start))
    }
}

/// A PLOVER record, as far as events go.
#[derive(Deserialize)]
struct Record {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<Actors>,
    #[serde(default)]
    target: Option<Actors>,
    #[serde(default)]
    event: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Actors {
    List(Vec<Actor>),
    One(Actor),
    Text(String),
}

#[derive(Deserialize, Default, Clone)]
struct Actor {
    #[serde(default, rename = "actorText")]
    actor_text: Option<String>,
    #[serde(default)]
    code: Option<String>,
}

impl Actors {
    fn list(this: Option<Actors>) -> Vec<Actor> {
        let clean = |s: Option<String>| s.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
        let list = match this {
            None => Vec::new(),
            Some(Actors::List(l)) => l,
            Some(Actors::One(a)) => vec![a],
            Some(Actors::Text(t)) => vec![Actor {
                actor_text: Some(t),
                code: None,
            }],
        };
        list.into_iter()
            .map(|a| Actor {
                actor_text: clean(a.actor_text),
                code: clean(a.code),
            })
            .filter(|a| a.actor_text.is_some() || a.code.is_some())
            .collect()
    }
}

/// What one record gives.
pub(crate) enum Parsed {
    /// Its events.
    Events(Vec<Event>),
    /// A `DOCUMENT` record.
    Document,
    /// Its problems.
    Bad(Vec<Problem>),
}

/// The events of one record's bytes (row `row`, starting at `line`).
pub(crate) fn parse_record(bytes: &[u8], codes: &CodeBook, row: usize, line: u64) -> Parsed {
    let bad = |field: Option<&str>, kind: ProblemKind, key: Option<&str>| {
        let mut p = crate::io::table_problem::row_problem(row, Some(line), field, kind);
        p.record.key = key.map(str::to_owned);
        p
    };
    let record: Record = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(_) => {
            return Parsed::Bad(vec![bad(
                None,
                ProblemKind::Invalid {
                    reason: "not a PLOVER record (JSON with `source`, `target`, `event` and `date`)",
                },
                None,
            )]);
        }
    };
    let key = record.id.as_deref();
    let event_type = record.event.as_deref().map(str::trim).unwrap_or_default();
    if event_type.eq_ignore_ascii_case("DOCUMENT") {
        return Parsed::Document;
    }
    let mut problems = Vec::new();
    let score = if event_type.is_empty() {
        problems.push(bad(Some("event"), ProblemKind::MissingField, key));
        None
    } else {
        let s = codes.plover(event_type);
        if s.is_none() {
            problems.push(bad(
                Some("event"),
                ProblemKind::Invalid {
                    reason: "not a PLOVER type of the code book",
                },
                key,
            ));
        }
        s
    };
    let date = match record.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => match text.parse::<Date>() {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(bad(Some("date"), ProblemKind::InvalidDate(e), key));
                None
            }
        },
    };
    let Some(score) = score else {
        return Parsed::Bad(problems);
    };
    if !problems.is_empty() {
        return Parsed::Bad(problems);
    }
    let mut sources = Actors::list(record.source);
    let mut targets = Actors::list(record.target);
    // A missing side is one event with that side empty, dropped and counted.
    if sources.is_empty() {
        sources.push(Actor::default());
    }
    if targets.is_empty() {
        targets.push(Actor::default());
    }
    let mut events = Vec::with_capacity(sources.len() * targets.len());
    for s in &sources {
        for t in &targets {
            let name = |a: &Actor| {
                a.actor_text
                    .clone()
                    .or_else(|| a.code.clone())
                    .unwrap_or_default()
            };
            events.push(Event {
                source: name(s),
                source_country: s.code.clone().unwrap_or_default(),
                target: name(t),
                target_country: t.code.clone().unwrap_or_default(),
                date,
                code: event_type.to_owned(),
                score: score.goldstein,
                quad: Some(score.quad),
            });
        }
    }
    Parsed::Events(events)
}
