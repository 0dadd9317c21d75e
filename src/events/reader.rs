//! [`EventReader`]: one streaming reader over the three event formats, with
//! the input format told by extension or content.
//!
//! Guarantees: memory is bounded by the longest row (record), whatever the
//! input's size; a bad row is returned as an [`Error::Invalid`] naming the
//! file, the line and the field, and reading goes on with the next row;
//! nothing panics.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::sync::Arc;

use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::events::delimited::Delimited;
use crate::events::icews::{Icews, IcewsColumns, Step, is_icews_header};
use crate::events::plover::{Next, Parsed, Scanner, parse_record};
use crate::events::{CodeBook, Event, EventColumns};
use crate::{Error, Result};

/// At most this many problems are listed in the error of
/// [`EventReader::for_each`]; the rest are counted.
pub const MAX_LISTED_PROBLEMS: usize = 1000;

/// Problems of bad rows as they are found: up to [`MAX_LISTED_PROBLEMS`]
/// kept, the rest counted.
#[derive(Default)]
pub(crate) struct Problems {
    pub(crate) listed: Vec<Problem>,
    pub(crate) unlisted: usize,
}

impl Problems {
    pub(crate) fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        for problem in problems {
            if self.listed.len() < MAX_LISTED_PROBLEMS {
                self.listed.push(problem);
            } else {
                self.unlisted += 1;
            }
        }
    }

    /// `Ok` when there were none; else [`Error::Invalid`] listing them.
    pub(crate) fn into_result(mut self, origin: &str) -> Result<()> {
        if self.unlisted > 0 {
            self.listed.push(Problem::new(
                RecordRef::whole(Section::Rows),
                Some(format!("{} more", self.unlisted)),
                ProblemKind::Invalid {
                    reason: "further problems, not listed",
                },
            ));
        }
        if self.listed.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid {
                origin: origin.to_owned(),
                problems: self.listed,
            })
        }
    }
}

/// The event formats stancegraph reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventFormat {
    /// ICEWS `.tab`: tab-separated, ICEWS's column names, `NA` missing.
    Icews,
    /// A delimited table with named columns ([`EventColumns`]).
    Delimited,
    /// PLOVER JSON records (an array, or one per line).
    Plover,
}

impl EventFormat {
    /// The format a file name says: `.tab` ICEWS, `.json`/`.jsonl` PLOVER,
    /// anything else a delimited table. [`EventReader::open`] also reads
    /// ICEWS's header under any extension.
    pub fn from_path(path: &Path) -> EventFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("tab") => EventFormat::Icews,
            Some("json" | "jsonl" | "ndjson") => EventFormat::Plover,
            _ => EventFormat::Delimited,
        }
    }
}

/// How to read an event file ([`EventReader::open`]).
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ReadOptions {
    /// The format; `None`: by extension and content ([`EventFormat::from_path`]).
    pub format: Option<EventFormat>,
    /// The columns of a delimited table.
    pub columns: EventColumns,
    /// The code book; `None`: the compiled-in one ([`CodeBook::builtin`]).
    pub codes: Option<Arc<CodeBook>>,
}

enum Kind<R> {
    Icews(Icews<R>),
    // Boxed: the csv reader's state is large.
    Delimited(Box<Delimited<R>>),
    Plover {
        scanner: Scanner<R>,
        buf: Vec<u8>,
        pending: VecDeque<Event>,
    },
}

/// A streaming reader of events: ICEWS `.tab`, a delimited table with named
/// columns, or PLOVER JSON records.
///
/// Read one event at a time into a reused [`Event`] with
/// [`read_event`](Self::read_event), or iterate with
/// [`events`](Self::events). A bad row is an [`Error::Invalid`] naming the
/// file, line and field; the next call reads on, so that a caller can list
/// every bad row (as [`EventAggregator::add_reader`](crate::events::EventAggregator::add_reader) does).
///
/// # Examples
///
/// ```
/// use stancegraph::events::{Event, EventReader};
///
/// let tab = "Event ID\tEvent Date\tSource Name\tSource Country\tCAMEO Code\tIntensity\tTarget Name\tTarget Country\n\
///            1\t2018-06-01\tDonald Trump\tUnited States\t036\t4\tKim Jong-Un\tNorth Korea\n\
///            2\t2018-06-01\tKim Jong-Un\tNorth Korea\t0x1\tNA\tNA\tNA\n";
/// let mut reader = EventReader::icews(tab.as_bytes(), "sample.tab")?;
/// let mut event = Event::default();
/// assert!(reader.read_event(&mut event)?);
/// assert_eq!((event.code.as_str(), event.score), ("036", 4.0));
/// let bad = reader.read_event(&mut event).unwrap_err();
/// assert!(bad.to_string().starts_with("sample.tab:3: rows[2], field `CAMEO Code`"));
/// assert!(!reader.read_event(&mut event)?);
/// # Ok::<(), stancegraph::Error>(())
/// ```
pub struct EventReader<R> {
    origin: String,
    kind: Kind<R>,
    codes: Arc<CodeBook>,
    builtin: bool,
    row: usize,
    documents: u64,
    has_countries: bool,
}

fn io_error(origin: &str, source: std::io::Error) -> Error {
    Error::Io {
        path: origin.into(),
        source,
    }
}

impl EventReader<BufReader<File>> {
    /// Opens an event file, its format from `options` or else from its
    /// extension and content: a first line starting `Event ID<TAB>Event
    /// Date<TAB>` is ICEWS whatever the extension; `.tab` is ICEWS, `.json`
    /// and `.jsonl` PLOVER, anything else a delimited table (tab-separated
    /// for `.tsv`, else comma-separated, unless
    /// [`EventColumns::delimiter`] says).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read; [`Error::Invalid`] when
    /// the header lacks a column.
    pub fn open(path: impl AsRef<Path>, options: &ReadOptions) -> Result<Self> {
        let path = path.as_ref();
        let origin = path.display().to_string();
        let file = File::open(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let mut reader = BufReader::with_capacity(1 << 16, file);
        let format = match options.format {
            Some(f) => f,
            None => {
                let head = reader.fill_buf().map_err(|e| io_error(&origin, e))?;
                if is_icews_header(head) {
                    EventFormat::Icews
                } else {
                    EventFormat::from_path(path)
                }
            }
        };
        let tsv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
        let mut columns = options.columns.clone();
        if columns.delimiter.is_none() && tsv {
            columns.delimiter = Some(b'\t');
        }
        let reader = match format {
            EventFormat::Icews => EventReader::icews(reader, &origin),
            EventFormat::Delimited => EventReader::delimited(reader, &origin, &columns),
            EventFormat::Plover => Ok(EventReader::plover(reader, &origin)),
        }?;
        Ok(match &options.codes {
            Some(codes) => reader.with_codes(codes.clone()),
            None => reader,
        })
    }
}

impl<R: BufRead> EventReader<R> {
    fn with_kind(origin: &str, kind: Kind<R>, has_countries: bool) -> Self {
        EventReader {
            origin: origin.to_owned(),
            kind,
            codes: Arc::new(CodeBook::default()),
            builtin: true,
            row: 0,
            documents: 0,
            has_countries,
        }
    }

    /// Reads ICEWS `.tab` events; `origin` names the input in problems.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the header cannot be read; [`Error::Invalid`]
    /// naming every column missing from it.
    pub fn icews(mut reader: R, origin: &str) -> Result<Self> {
        let mut header = Vec::new();
        reader
            .read_until(b'\n', &mut header)
            .map_err(|e| io_error(origin, e))?;
        let columns = IcewsColumns::from_header(&header).map_err(|problems| Error::Invalid {
            origin: origin.to_owned(),
            problems,
        })?;
        Ok(Self::with_kind(
            origin,
            Kind::Icews(Icews::new(reader, columns, 1)),
            true,
        ))
    }

    /// Reads a delimited event table with the named `columns`; the
    /// delimiter is a comma unless [`EventColumns::delimiter`] says.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] naming every required column missing from the
    /// header, or when it has neither a code nor a score column.
    pub fn delimited(reader: R, origin: &str, columns: &EventColumns) -> Result<Self> {
        let delimiter = columns.delimiter.unwrap_or(b',');
        let d = Delimited::new(reader, columns, delimiter).map_err(|problems| Error::Invalid {
            origin: origin.to_owned(),
            problems,
        })?;
        let has_countries = d.found().has_countries();
        Ok(Self::with_kind(
            origin,
            Kind::Delimited(Box::new(d)),
            has_countries,
        ))
    }

    /// Reads PLOVER JSON records: an array of them, or one after another.
    pub fn plover(reader: R, origin: &str) -> Self {
        Self::with_kind(
            origin,
            Kind::Plover {
                scanner: Scanner::new(reader),
                buf: Vec::new(),
                pending: VecDeque::new(),
            },
            true,
        )
    }

    /// This reader with another code book than the compiled-in one.
    pub fn with_codes(mut self, codes: Arc<CodeBook>) -> Self {
        self.codes = codes;
        self.builtin = false;
        self
    }

    /// The input's name, as problems give it.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The format being read.
    pub fn format(&self) -> EventFormat {
        match self.kind {
            Kind::Icews(_) => EventFormat::Icews,
            Kind::Delimited(_) => EventFormat::Delimited,
            Kind::Plover { .. } => EventFormat::Plover,
        }
    }

    /// Whether the events carry their actors' countries (ICEWS and PLOVER
    /// always; a delimited table when it has both country columns).
    pub fn has_countries(&self) -> bool {
        self.has_countries
    }

    /// The `DOCUMENT` records skipped so far (PLOVER).
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// The data rows (records) read so far, bad ones included.
    pub fn rows(&self) -> usize {
        self.row
    }

    /// Reads the next event into `event`: `Ok(true)` when one was read,
    /// `Ok(false)` at the end.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for a bad row, naming the file, the line and every
    /// bad field (the next call reads the next row); [`Error::Io`] when the
    /// input cannot be read.
    pub fn read_event(&mut self, event: &mut Event) -> Result<bool> {
        let codes: &CodeBook = if self.builtin {
            CodeBook::builtin()
        } else {
            &self.codes
        };
        let step = match &mut self.kind {
            Kind::Icews(r) => {
                let row = self.row + 1;
                let s = r.step(event, codes, row);
                if !matches!(s, Ok(Step::End)) {
                    self.row = row;
                }
                s
            }
            Kind::Delimited(r) => {
                let row = self.row + 1;
                let s = r.step(event, codes, row);
                if !matches!(s, Ok(Step::End)) {
                    self.row = row;
                }
                s
            }
            Kind::Plover {
                scanner,
                buf,
                pending,
            } => loop {
                if let Some(e) = pending.pop_front() {
                    *event = e;
                    break Ok(Step::Event);
                }
                match scanner.next(buf) {
                    Err(e) => break Err(e),
                    Ok(Next::End) => break Ok(Step::End),
                    Ok(Next::Bad(line, reason)) => {
                        self.row += 1;
                        break Ok(Step::Bad(vec![crate::io::table_problem::row_problem(
                            self.row,
                            Some(line),
                            None,
                            ProblemKind::Invalid { reason },
                        )]));
                    }
                    Ok(Next::Record(line)) => {
                        self.row += 1;
                        match parse_record(buf, codes, self.row, line) {
                            Parsed::Events(events) => pending.extend(events),
                            Parsed::Document => self.documents += 1,
                            Parsed::Bad(problems) => break Ok(Step::Bad(problems)),
                        }
                    }
                }
            },
        };
        match step {
            Ok(Step::Event) => Ok(true),
            Ok(Step::End) => Ok(false),
            Ok(Step::Bad(problems)) => Err(self.invalid(problems)),
            Err(e) => Err(io_error(&self.origin, e)),
        }
    }

    /// Calls `f` on every event, to the end of the input; bad rows are
    /// collected meanwhile. Returns the number of events.
    ///
    /// # Errors
    ///
    /// After the whole input has been read, [`Error::Invalid`] listing
    /// every bad row's problems (up to [`MAX_LISTED_PROBLEMS`], then one
    /// saying how many more there are); [`Error::Io`] at once when the
    /// input cannot be read.
    pub fn for_each(&mut self, f: impl FnMut(&Event)) -> Result<u64> {
        let mut problems = Problems::default();
        let count = self.for_each_collecting(f, &mut problems)?;
        problems.into_result(&self.origin).map(|()| count)
    }

    /// [`for_each`](Self::for_each), the bad rows' problems into `problems`.
    pub(crate) fn for_each_collecting(
        &mut self,
        mut f: impl FnMut(&Event),
        problems: &mut Problems,
    ) -> Result<u64> {
        let mut event = Event::default();
        let mut count = 0u64;
        loop {
            match self.read_event(&mut event) {
                Ok(true) => {
                    count += 1;
                    f(&event);
                }
                Ok(false) => return Ok(count),
                Err(Error::Invalid { problems: p, .. }) => problems.extend(p),
                Err(e) => return Err(e),
            }
        }
    }

    /// The lines read so far (ICEWS; the header is line 1).
    pub(crate) fn lines(&self) -> u64 {
        match &self.kind {
            Kind::Icews(r) => r.line,
            _ => 0,
        }
    }

    /// An ICEWS reader of part of a file: `reader` starts at a line start
    /// after the header, `line` lines into the file (1 for the first part;
    /// 0 for a later one, whose lines and rows the caller shifts).
    pub(crate) fn icews_part(reader: R, origin: &str, columns: IcewsColumns, line: u64) -> Self {
        Self::with_kind(origin, Kind::Icews(Icews::new(reader, columns, line)), true)
    }

    fn invalid(&self, problems: Vec<Problem>) -> Error {
        Error::Invalid {
            origin: self.origin.clone(),
            problems,
        }
    }

    /// The events as an iterator of owned events (bad rows as errors, as
    /// [`read_event`](Self::read_event) gives them). An I/O error ends it.
    pub fn events(&mut self) -> Events<'_, R> {
        Events {
            reader: self,
            done: false,
        }
    }
}

/// The iterator of [`EventReader::events`].
pub struct Events<'a, R> {
    reader: &'a mut EventReader<R>,
    done: bool,
}

impl<R: BufRead> Iterator for Events<'_, R> {
    type Item = Result<Event>;

    fn next(&mut self) -> Option<Result<Event>> {
        if self.done {
            return None;
        }
        let mut event = Event::default();
        match self.reader.read_event(&mut event) {
            Ok(true) => Some(Ok(event)),
            Ok(false) => {
                self.done = true;
                None
            }
            Err(e) => {
                if matches!(e, Error::Io { .. }) {
                    self.done = true;
                }
                Some(Err(e))
            }
        }
    }
}
