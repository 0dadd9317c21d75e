//! Importing a long table of coded statements (one position per row).

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::{Actor, ActorKind, Date, Error, Issue, Position, Result, Scenario, Source, Stance};

/// Reads a statements CSV — one position per row — into a [`Scenario`].
///
/// A person who speaks for several actors in different rows becomes one
/// actor per actor spoken for (see the keys in the actor list), so that
/// every row counts for its own actor.
///
/// Name the columns to read; the rest are ignored. Each row becomes a
/// position of its actor (or, with a speaker column, of the speaker, who
/// then speaks for the actor) on its issue. Actors and issues are created
/// from the values, keyed by the values themselves. Stance values are mapped
/// through a table: by default `support`/`oppose`/`neutral`, `yes`/`no`/
/// `abstain`, `agree`/`disagree`, `1`/`0` (case-insensitive); add your own
/// with [`stance`](Self::stance).
///
/// Every bad row is reported (line, row, column, what); nothing is skipped
/// silently.
///
/// # Examples
///
/// ```
/// use stancegraph::{Stance, io::StatementsCsv};
///
/// let csv = "person,organization,concept,agreement,date\n\
///            Ann,Green Party,Carbon tax,1,2020-01-02\n\
///            Bob,Coal Union,Carbon tax,0,2020-01-03\n";
/// let scenario = StatementsCsv::new("organization", "concept", "agreement")
///     .speaker("person")
///     .date("date")
///     .read_str(csv, "statements.csv")?;
/// assert_eq!(scenario.positions().len(), 2);
/// let ann = scenario.actor_id("Ann").unwrap();
/// assert_eq!(scenario.principal(ann), scenario.actor_id("Green Party").unwrap());
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct StatementsCsv {
    actor: String,
    issue: String,
    stance: String,
    speaker: Option<String>,
    date: Option<String>,
    quote: Option<String>,
    source: Option<String>,
    id: Option<String>,
    stances: Vec<(String, Stance)>,
    actor_kind: ActorKind,
    skip_bad_rows: bool,
}

/// What [`StatementsCsv::import_str`] and [`StatementsCsv::import_path`]
/// read: the scenario and, when bad rows may be skipped, the problems of
/// every skipped row (never silently dropped).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Import {
    /// The scenario of the rows read.
    pub scenario: Scenario,
    /// The problems of the skipped rows, in row order (a row may have
    /// several); empty unless [`StatementsCsv::skip_bad_rows`] was asked for.
    pub skipped: Vec<Problem>,
}

impl Import {
    /// How many rows were skipped.
    pub fn skipped_row_count(&self) -> usize {
        let mut rows: Vec<Option<usize>> = self.skipped.iter().map(|p| p.record.index).collect();
        rows.dedup();
        rows.len()
    }
}

impl StatementsCsv {
    /// Reads the actor, issue and stance from these columns (by header name).
    pub fn new(actor: &str, issue: &str, stance: &str) -> Self {
        let defaults = [
            ("support", Stance::Support),
            ("oppose", Stance::Oppose),
            ("neutral", Stance::Neutral),
            ("yes", Stance::Support),
            ("no", Stance::Oppose),
            ("abstain", Stance::Neutral),
            ("agree", Stance::Support),
            ("disagree", Stance::Oppose),
            ("1", Stance::Support),
            ("0", Stance::Oppose),
        ];
        StatementsCsv {
            actor: actor.to_owned(),
            issue: issue.to_owned(),
            stance: stance.to_owned(),
            speaker: None,
            date: None,
            quote: None,
            source: None,
            id: None,
            stances: defaults
                .iter()
                .map(|(k, s)| ((*k).to_owned(), *s))
                .collect(),
            actor_kind: ActorKind::Organization,
            skip_bad_rows: false,
        }
    }

    /// The column naming the person who spoke for the actor.
    pub fn speaker(mut self, column: &str) -> Self {
        self.speaker = Some(column.to_owned());
        self
    }

    /// The column with the date (`YYYY-MM-DD`, optionally followed by `T` and a time).
    pub fn date(mut self, column: &str) -> Self {
        self.date = Some(column.to_owned());
        self
    }

    /// The column with the quote.
    pub fn quote(mut self, column: &str) -> Self {
        self.quote = Some(column.to_owned());
        self
    }

    /// The column naming the source document (its title).
    pub fn source(mut self, column: &str) -> Self {
        self.source = Some(column.to_owned());
        self
    }

    /// The column with a unique id for each row (the position's key).
    pub fn id(mut self, column: &str) -> Self {
        self.id = Some(column.to_owned());
        self
    }

    /// Maps a stance value (case-insensitive) to a stance, replacing any
    /// earlier mapping of it.
    pub fn stance(mut self, value: &str, stance: Stance) -> Self {
        let value = value.to_lowercase();
        self.stances.retain(|(v, _)| *v != value);
        self.stances.push((value, stance));
        self
    }

    /// The kind of the actors created from the actor column (default `organization`).
    pub fn actor_kind(mut self, kind: ActorKind) -> Self {
        self.actor_kind = kind;
        self
    }

    /// Skips bad rows instead of failing, with [`import_str`](Self::import_str)
    /// and [`import_path`](Self::import_path), which return every skipped
    /// row's problems. Problems with the header (a missing column) still
    /// fail the import; `read_*` never skip.
    pub fn skip_bad_rows(mut self) -> Self {
        self.skip_bad_rows = true;
        self
    }

    /// Reads a CSV file.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, otherwise as
    /// [`read_str`](Self::read_str).
    pub fn read_path(&self, path: impl AsRef<Path>) -> Result<Scenario> {
        self.read_path_with_progress(path, &mut |_| {})
    }

    /// As [`read_path`](Self::read_path), reporting progress in bytes read.
    ///
    /// # Errors
    ///
    /// As [`read_path`](Self::read_path).
    pub fn read_path_with_progress(
        &self,
        path: impl AsRef<Path>,
        progress: &mut dyn FnMut(crate::io::Progress),
    ) -> Result<Scenario> {
        self.import_file(path.as_ref(), progress, false)
            .map(|import| import.scenario)
    }

    /// Reads a CSV file, skipping bad rows if [`skip_bad_rows`](Self::skip_bad_rows)
    /// was asked for, and reporting progress.
    ///
    /// # Errors
    ///
    /// As [`read_path`](Self::read_path); bad rows only when not skipping.
    pub fn import_path(
        &self,
        path: impl AsRef<Path>,
        progress: &mut dyn FnMut(crate::io::Progress),
    ) -> Result<Import> {
        self.import_file(path.as_ref(), progress, self.skip_bad_rows)
    }

    fn import_file(
        &self,
        path: &Path,
        progress: &mut dyn FnMut(crate::io::Progress),
        skip: bool,
    ) -> Result<Import> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        let text = utf8(&bytes, path)?;
        self.import_text(text, &path.display().to_string(), progress, skip)
    }

    /// Reads CSV text, naming `origin` in errors.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] listing every bad row — a missing column, an
    /// unknown stance value (with the mapping), an invalid date, an empty
    /// actor or issue, a duplicate id, a person speaking for two actors, a
    /// ragged row — each with its line and column.
    pub fn read_str(&self, text: &str, origin: &str) -> Result<Scenario> {
        self.read_str_with_progress(text, origin, &mut |_| {})
    }

    /// As [`read_str`](Self::read_str), reporting progress in bytes read
    /// (about every 64 KiB, and once at the end) — for a progress bar.
    ///
    /// # Errors
    ///
    /// As [`read_str`](Self::read_str).
    pub fn read_str_with_progress(
        &self,
        text: &str,
        origin: &str,
        progress: &mut dyn FnMut(crate::io::Progress),
    ) -> Result<Scenario> {
        self.import_text(text, origin, progress, false)
            .map(|import| import.scenario)
    }

    /// Reads CSV text, skipping bad rows if [`skip_bad_rows`](Self::skip_bad_rows)
    /// was asked for (each reported in [`Import::skipped`]), and reporting
    /// progress in bytes read.
    ///
    /// # Errors
    ///
    /// As [`read_str`](Self::read_str); bad rows only when not skipping.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::io::StatementsCsv;
    ///
    /// let text = "actor,issue,stance\nus,freeze,support\nnato,freeze,maybe\nru,freeze,oppose\n";
    /// let csv = StatementsCsv::new("actor", "issue", "stance");
    /// assert!(csv.read_str(text, "s.csv").is_err());
    /// let import = csv.skip_bad_rows().import_str(text, "s.csv", &mut |_| {})?;
    /// assert_eq!(import.scenario.positions().len(), 2);
    /// assert_eq!(import.skipped_row_count(), 1);
    /// assert!(import.skipped[0].to_string().contains("`maybe` is not in the mapping"));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn import_str(
        &self,
        text: &str,
        origin: &str,
        progress: &mut dyn FnMut(crate::io::Progress),
    ) -> Result<Import> {
        self.import_text(text, origin, progress, self.skip_bad_rows)
    }

    /// The import itself; `skip` says whether bad rows are skipped.
    fn import_text(
        &self,
        text: &str,
        origin: &str,
        progress: &mut dyn FnMut(crate::io::Progress),
        skip: bool,
    ) -> Result<Import> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let total = text.len() as u64;
        let mut reported = 0u64;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(text.as_bytes());
        let invalid = |problems: Vec<Problem>| Error::Invalid {
            origin: origin.to_owned(),
            problems,
        };
        let headers = reader
            .headers()
            .map_err(|_| invalid(vec![crate::io::table_problem::unreadable_header()]))?
            .clone();
        let column = |name: &str| headers.iter().position(|h| h == name);
        let mut problems = Vec::new();
        let mut require = |name: &Option<String>| -> Option<usize> {
            let name = name.as_deref()?;
            let found = column(name);
            if found.is_none() {
                problems.push(crate::io::table_problem::missing_column(name));
            }
            found
        };
        let actor_col = require(&Some(self.actor.clone()));
        let issue_col = require(&Some(self.issue.clone()));
        let stance_col = require(&Some(self.stance.clone()));
        let speaker_col = require(&self.speaker);
        let date_col = require(&self.date);
        let quote_col = require(&self.quote);
        let source_col = require(&self.source);
        let id_col = require(&self.id);
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        let (Some(actor_col), Some(issue_col), Some(stance_col)) =
            (actor_col, issue_col, stance_col)
        else {
            return Err(invalid(problems));
        };

        let mut scenario = Scenario::new();
        let mut actors = ImportedActors::default();
        let mapping: Vec<String> = self
            .stances
            .iter()
            .map(|(v, s)| format!("{v}={s}"))
            .collect();
        let mut records = reader.records();
        let mut row_index = 0;
        while let Some(record) = records.next() {
            let row_start = problems.len();
            let row = row_index + 1;
            row_index += 1;
            let done = records.reader().position().byte();
            if done >= reported + (64 << 10) {
                reported = done;
                progress(crate::io::Progress { done, total });
            }
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    problems.push(csv_problem(&e, row));
                    continue;
                }
            };
            let line = record.position().map(|p| p.line());
            let mut bad = |column: &str, kind: ProblemKind| {
                problems.push(crate::io::table_problem::row_problem(
                    row,
                    line,
                    Some(column),
                    kind,
                ));
            };
            let cell = |i: usize| record.get(i).unwrap_or_default().trim();
            let actor = cell(actor_col);
            let issue = cell(issue_col);
            if actor.is_empty() {
                bad(&self.actor, ProblemKind::MissingField);
            }
            if issue.is_empty() {
                bad(&self.issue, ProblemKind::MissingField);
            }
            let raw_stance = cell(stance_col).to_lowercase();
            let stance = self
                .stances
                .iter()
                .find(|(v, _)| *v == raw_stance)
                .map(|(_, s)| *s);
            if stance.is_none() {
                bad(
                    &self.stance,
                    ProblemKind::UnmappedValue {
                        value: raw_stance.clone(),
                        mapping: mapping.clone(),
                    },
                );
            }
            let date = match date_col.map(cell).filter(|d| !d.is_empty()) {
                None => None,
                Some(text) => {
                    let day = text.split_once('T').map_or(text, |(d, _)| d);
                    match day.parse::<Date>() {
                        Ok(d) => Some(d),
                        Err(e) => {
                            bad(
                                self.date.as_deref().unwrap_or_default(),
                                ProblemKind::InvalidDate(e),
                            );
                            None
                        }
                    }
                }
            };
            let speaker = speaker_col.map(cell).filter(|s| !s.is_empty());
            let (Some(stance), false, false) = (stance, actor.is_empty(), issue.is_empty()) else {
                continue;
            };
            if problems.len() > row_start || (!skip && !problems.is_empty()) {
                // This row is bad, or an earlier one was and nothing is
                // skipped: keep validating the remaining rows, build nothing.
                continue;
            }
            let actor_id = actors.organisation(&mut scenario, actor, self.actor_kind)?;
            let who = match speaker {
                Some(person) => actors.person(&mut scenario, person, actor_id)?,
                None => actor_id,
            };
            let issue_id = match scenario.issue_id(issue) {
                Some(id) => id,
                None => scenario.add_issue(Issue::new(issue, issue))?,
            };
            let mut position = Position::new(who, issue_id, stance);
            if let Some(d) = date {
                position = position.with_date(d);
            }
            if let Some(q) = quote_col.map(cell).filter(|q| !q.is_empty()) {
                position = position.with_quote(q);
            }
            if let Some(src) = source_col.map(cell).filter(|s| !s.is_empty()) {
                position = position.with_source(Source::new().with_title(src));
            }
            if let Some(id) = id_col.map(cell).filter(|s| !s.is_empty()) {
                position = position.with_key(id);
            }
            if let Err(e) = scenario.add_position(position) {
                for mut problem in e.problems().iter().cloned() {
                    problem.record = RecordRef::new(Section::Rows, row, None);
                    problem.line = line;
                    problems.push(problem);
                }
            }
        }
        progress(crate::io::Progress { done: total, total });
        if problems.is_empty() || skip {
            Ok(Import {
                scenario,
                skipped: problems,
            })
        } else {
            Err(invalid(problems))
        }
    }
}

/// The text of a file, or an error naming the line where it stops being
/// UTF-8.
fn utf8<'a>(bytes: &'a [u8], path: &Path) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let mut problem = Problem::new(
            RecordRef::top(),
            None,
            ProblemKind::Invalid {
                reason: "the file is not valid UTF-8",
            },
        );
        problem.line = Some(
            bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1,
        );
        Error::Invalid {
            origin: path.display().to_string(),
            problems: vec![problem],
        }
    })
}

/// Actors of imported statements: organisations by name, and persons per
/// organisation they speak for, in separate namespaces. A person coded for
/// two organisations becomes two actors (`Name (Organisation)` for the
/// second), so that each statement counts for its own organisation; a key
/// already taken by an actor of the other kind gets ` (person)` or
/// ` (organization)` appended.
#[derive(Default)]
pub(crate) struct ImportedActors {
    organisations: HashMap<String, crate::ActorId>,
    persons: HashMap<(String, crate::ActorId), crate::ActorId>,
    person_names: std::collections::HashSet<String>,
}

impl ImportedActors {
    pub(crate) fn organisation(
        &mut self,
        s: &mut Scenario,
        name: &str,
        kind: ActorKind,
    ) -> Result<crate::ActorId> {
        if let Some(&id) = self.organisations.get(name) {
            return Ok(id);
        }
        let key = free_actor_key(s, name, "organization");
        let id = s.add_actor(Actor::new(key, name, kind))?;
        self.organisations.insert(name.to_owned(), id);
        Ok(id)
    }

    pub(crate) fn person(
        &mut self,
        s: &mut Scenario,
        name: &str,
        organisation: crate::ActorId,
    ) -> Result<crate::ActorId> {
        if let Some(&id) = self.persons.get(&(name.to_owned(), organisation)) {
            return Ok(id);
        }
        let key = if self.person_names.contains(name) {
            free_actor_key(
                s,
                &format!("{name} ({})", s.actor(organisation).name()),
                "person",
            )
        } else {
            free_actor_key(s, name, "person")
        };
        let id = s.add_actor(Actor::new(key, name, ActorKind::Person))?;
        s.set_speaks_for(id, organisation)?;
        self.persons.insert((name.to_owned(), organisation), id);
        self.person_names.insert(name.to_owned());
        Ok(id)
    }
}

fn free_actor_key(s: &Scenario, name: &str, kind: &str) -> String {
    let mut key = name.to_owned();
    if s.actor_id(&key).is_some() {
        key = format!("{name} ({kind})");
    }
    let mut n = 2;
    while s.actor_id(&key).is_some() {
        key = format!("{name} ({kind} {n})");
        n += 1;
    }
    key
}

fn csv_problem(e: &csv::Error, row: usize) -> Problem {
    let reason: &'static str = match e.kind() {
        csv::ErrorKind::UnequalLengths { .. } => {
            "the row has a different number of fields than the header (an unclosed quote runs on into the lines after it)"
        }
        csv::ErrorKind::Utf8 { .. } => "the row is not valid UTF-8",
        _ => "the row cannot be read as CSV",
    };
    crate::io::table_problem::row_problem(
        row,
        e.position().map(|p| p.line()),
        None,
        ProblemKind::Invalid { reason },
    )
}
