//! One event as the readers give it: who did what to whom, when, with which
//! code and score — and the shared rules that turn a row's raw fields into
//! one (missing values, dates, codes, scores), so that every reader applies
//! them alike and names every bad field.

use crate::Date;
use crate::error::{Problem, ProblemKind};
use crate::events::{CodeBook, QuadClass};

/// Largest score magnitude accepted: scores are summed exactly in
/// millionths (see [`EventAggregator`](crate::events::EventAggregator)).
pub(crate) const MAX_SCORE: f64 = 1e9;

/// One event: a source actor did something (a code, scored on the
/// Goldstein conflict–cooperation scale) to a target actor on a day.
///
/// An empty name or country means missing (`NA` in ICEWS). Readers fill an
/// `Event` in place ([`EventReader::read_event`](crate::events::EventReader::read_event)),
/// reusing its strings, so that reading millions allocates nothing per event.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// The source actor's name (`Foreign Affairs (Bangladesh)`); empty if missing.
    pub source: String,
    /// The source actor's country (`Bangladesh`, or a code such as `BGD`); empty if missing.
    pub source_country: String,
    /// The target actor's name; empty if missing.
    pub target: String,
    /// The target actor's country; empty if missing.
    pub target_country: String,
    /// The day of the event, if known.
    pub date: Option<Date>,
    /// The event code as written: a CAMEO code (`040`) or a PLOVER type
    /// (`AGREE`); empty if none.
    pub code: String,
    /// The Goldstein score, −10 (most conflictual) to +10 (most cooperative).
    pub score: f64,
    /// The quad class of the code, if the event has a code.
    pub quad: Option<QuadClass>,
}

impl Event {
    /// An event between two actors with a score: the building block of
    /// tests and of events made in code.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::events::Event;
    ///
    /// let e = Event::new("USA", "PRK", "2018-06-01".parse().ok(), 3.0);
    /// assert_eq!((e.source_country.as_str(), e.target_country.as_str()), ("USA", "PRK"));
    /// ```
    pub fn new(
        source_country: &str,
        target_country: &str,
        date: Option<Date>,
        score: f64,
    ) -> Event {
        Event {
            source: source_country.to_owned(),
            source_country: source_country.to_owned(),
            target: target_country.to_owned(),
            target_country: target_country.to_owned(),
            date,
            score,
            ..Event::default()
        }
    }

    /// This event with its names (the actor level) set.
    pub fn with_actors(mut self, source: &str, target: &str) -> Event {
        self.source = source.to_owned();
        self.target = target.to_owned();
        self
    }

    /// This event with a code: a CAMEO code sets the quad class from its
    /// root, a PLOVER type from the built-in code book.
    pub fn with_code(mut self, code: &str) -> Event {
        self.code = code.to_owned();
        self.quad =
            QuadClass::of_cameo(code).or_else(|| CodeBook::builtin().plover(code).map(|p| p.quad));
        self
    }
}

/// The raw fields of one row, as text; `None` for a column the input does
/// not have (or a cell that is not UTF-8, reported by [`utf8`]).
#[derive(Default)]
pub(crate) struct RawFields<'a> {
    pub(crate) source: Option<&'a str>,
    pub(crate) source_country: Option<&'a str>,
    pub(crate) target: Option<&'a str>,
    pub(crate) target_country: Option<&'a str>,
    pub(crate) date: Option<&'a str>,
    pub(crate) code: Option<&'a str>,
    pub(crate) score: Option<&'a str>,
}

/// A cell's bytes as text; a cell that is not UTF-8 is a problem (and `None`).
pub(crate) fn utf8<'a>(
    value: Option<&'a [u8]>,
    field: &str,
    row: usize,
    line: u64,
    problems: &mut Vec<Problem>,
) -> Option<&'a str> {
    match std::str::from_utf8(value?) {
        Ok(s) => Some(s),
        Err(_) => {
            problems.push(crate::io::table_problem::row_problem(
                row,
                Some(line),
                Some(field),
                ProblemKind::Invalid {
                    reason: "not UTF-8 text",
                },
            ));
            None
        }
    }
}

/// The names the readers give the fields in problems.
#[derive(Clone, Copy)]
pub(crate) struct FieldNames<'a> {
    pub(crate) source: &'a str,
    pub(crate) source_country: &'a str,
    pub(crate) target: &'a str,
    pub(crate) target_country: &'a str,
    pub(crate) date: &'a str,
    pub(crate) code: &'a str,
    pub(crate) score: &'a str,
}

/// A value that counts as missing: absent column, empty cell or `NA`.
fn present(value: Option<&str>) -> Option<&str> {
    let v = value?.trim_ascii();
    (!v.is_empty() && v != "NA").then_some(v)
}

/// Fills `event` from a row's fields; every bad field is a problem (row
/// `row`, line `line`; `problems` holds those found already) and the event
/// is then not to be used. A row of a columnar source has no line (`None`).
pub(crate) fn fill(
    event: &mut Event,
    raw: &RawFields<'_>,
    names: FieldNames<'_>,
    codes: &CodeBook,
    (row, line): (usize, Option<u64>),
    mut problems: Vec<Problem>,
) -> Result<(), Vec<Problem>> {
    let mut bad = |field: &str, kind: ProblemKind| {
        problems.push(crate::io::table_problem::row_problem(
            row,
            line,
            Some(field),
            kind,
        ));
    };
    let text = |out: &mut String, value: Option<&str>| {
        out.clear();
        if let Some(v) = present(value) {
            out.push_str(v);
        }
    };
    text(&mut event.source, raw.source);
    text(&mut event.source_country, raw.source_country);
    text(&mut event.target, raw.target);
    text(&mut event.target_country, raw.target_country);
    text(&mut event.code, raw.code);
    event.date = None;
    if let Some(d) = present(raw.date) {
        // GDELT writes days as YYYYMMDD (its SQLDATE): read them as YYYY-MM-DD.
        let dashed;
        let d = if d.len() == 8 && d.bytes().all(|b| b.is_ascii_digit()) {
            dashed = format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..]);
            dashed.as_str()
        } else {
            d
        };
        match d.parse::<Date>() {
            Ok(d) => event.date = Some(d),
            Err(e) => bad(names.date, ProblemKind::InvalidDate(e)),
        }
    }
    event.quad = None;
    // The code book's weight of a CAMEO code, looked up only when needed.
    let mut from_code = None;
    let mut cameo = false;
    if !event.code.is_empty() {
        if event.code.bytes().all(|b| b.is_ascii_digit()) {
            event.quad = QuadClass::of_cameo(&event.code);
            cameo = true;
            if event.quad.is_none() {
                bad(
                    names.code,
                    ProblemKind::Invalid {
                        reason: "not a CAMEO code (2 to 4 digits with a root from 01 to 20; a leading zero lost?)",
                    },
                );
            }
        } else if let Some(p) = codes.plover(&event.code) {
            event.quad = Some(p.quad);
            from_code = Some(p.goldstein);
        } else {
            bad(
                names.code,
                ProblemKind::Invalid {
                    reason: "neither a CAMEO code nor a PLOVER type of the code book",
                },
            );
        }
    }
    if cameo && present(raw.score).is_none() {
        from_code = codes.goldstein(&event.code);
    }
    match present(raw.score) {
        Some(s) => {
            let parsed = s
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= MAX_SCORE);
            match parsed {
                Some(v) => event.score = v,
                None => bad(
                    names.score,
                    ProblemKind::Invalid {
                        reason: "not a number between -1e9 and 1e9",
                    },
                ),
            }
        }
        None => match from_code {
            Some(v) => event.score = v,
            // A bad code is reported already.
            None if !event.code.is_empty() && event.quad.is_some() => bad(
                names.score,
                ProblemKind::Invalid {
                    reason: "no score: the score is missing and the code is not in the code book",
                },
            ),
            None if event.code.is_empty() => bad(names.score, ProblemKind::MissingField),
            None => {}
        },
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}
