//! The problems a scenario's records have, collected while resolving them.
//!
//! A [`Rec`] names a record cheaply (its list, its index in its file's list,
//! its key, line and file); it becomes a [`RecordRef`] only when there is a
//! problem to report. [`Problems`] collects every problem and sorts them into
//! file order at the end.

use std::path::PathBuf;
use std::str::FromStr;

use super::raw::{Lenient, Record};
use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::model::scenario::{KeyMap, register_key, span_problem};
use crate::util::keyword::KeywordError;
use crate::util::suggest::{Suggester, closest};
use crate::{ActorId, Date, Scenario};

/// A record being checked: cheap to make, turned into a [`RecordRef`] only
/// when there is a problem to report.
#[derive(Clone, Copy)]
pub(crate) struct Rec<'a> {
    pub(crate) section: Section,
    /// The index in the list of the record's file.
    pub(crate) index: usize,
    pub(crate) key: Option<&'a str>,
    pub(crate) line: Option<u64>,
    /// The number of the record's file (see [`Problems::files`]).
    pub(crate) file: u32,
}

impl<'a> Rec<'a> {
    pub(crate) fn new(
        section: Section,
        index: usize,
        key: Option<&'a str>,
        line: Option<u64>,
        file: u32,
    ) -> Self {
        Rec {
            section,
            index,
            key,
            line,
            file,
        }
    }

    /// The top level of file `file`.
    pub(crate) fn top(file: u32) -> Rec<'static> {
        Rec::new(Section::Scenario, 0, None, None, file)
    }

    fn to_ref(self) -> RecordRef {
        match self.section {
            Section::Scenario => RecordRef::top(),
            section => RecordRef::new(section, self.index, self.key),
        }
    }
}

/// Collects problems.
pub(crate) struct Problems {
    /// Every problem, with the number of its file.
    list: Vec<(u32, Problem)>,
    pub(crate) suggester: Suggester,
    /// The files of a case, by number, named in their problems; none when
    /// one text is read (its name is the error's origin).
    pub(crate) files: Vec<Option<PathBuf>>,
}

impl Problems {
    pub(crate) fn new() -> Self {
        Problems {
            list: Vec::new(),
            suggester: Suggester::new(),
            files: Vec::new(),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every problem, in file order: by file, then list, then record (checks
    /// run in passes).
    pub(crate) fn into_sorted(mut self) -> Vec<Problem> {
        self.list
            .sort_by_key(|(file, problem)| (*file, problem.record.section, problem.record.index));
        self.list.into_iter().map(|(_, problem)| problem).collect()
    }

    pub(crate) fn add(
        &mut self,
        record: Rec<'_>,
        field: impl Into<Option<String>>,
        kind: ProblemKind,
    ) {
        let mut problem = Problem::new(record.to_ref(), field, kind);
        problem.line = record.line;
        problem.file = self.files.get(record.file as usize).cloned().flatten();
        self.list.push((record.file, problem));
    }

    pub(crate) fn unknown_fields<T: Record>(
        &mut self,
        record: Rec<'_>,
        prefix: &str,
        unknown: &[String],
    ) {
        for key in unknown {
            let suggestion = closest(key, T::FIELDS.iter().copied()).map(str::to_owned);
            self.add(
                record,
                format!("{prefix}{key}"),
                ProblemKind::UnknownField { suggestion },
            );
        }
    }

    pub(crate) fn required<T>(
        &mut self,
        record: Rec<'_>,
        field: &str,
        value: Option<T>,
    ) -> Option<T> {
        if value.is_none() {
            self.add(record, field.to_owned(), ProblemKind::MissingField);
        }
        value
    }

    pub(crate) fn keyword<T: FromStr<Err = KeywordError> + Copy>(
        &mut self,
        record: Rec<'_>,
        field: &str,
        value: Lenient<T>,
    ) -> Option<T> {
        match value {
            Lenient::Valid(v) => Some(v),
            Lenient::Invalid(text) => {
                if let Err(error) = text.parse::<T>() {
                    let suggestion =
                        closest(&text, error.allowed.iter().copied()).map(str::to_owned);
                    self.add(
                        record,
                        field.to_owned(),
                        ProblemKind::UnknownValue { error, suggestion },
                    );
                }
                None
            }
        }
    }

    pub(crate) fn date(
        &mut self,
        record: Rec<'_>,
        field: &str,
        value: Option<Lenient<Date>>,
    ) -> Option<Date> {
        match value? {
            Lenient::Valid(d) => Some(d),
            Lenient::Invalid(text) => {
                if let Err(e) = text.parse::<Date>() {
                    self.add(record, field.to_owned(), ProblemKind::InvalidDate(e));
                }
                None
            }
        }
    }

    pub(crate) fn span(
        &mut self,
        record: Rec<'_>,
        prefix: &str,
        start: (&'static str, Option<Date>),
        end: (&'static str, Option<Date>),
    ) {
        if let Some(kind) = span_problem(start, end) {
            self.add(record, format!("{prefix}{}", end.0), kind);
        }
    }

    pub(crate) fn reference<Id: Copy>(
        &mut self,
        record: Rec<'_>,
        field: impl FnOnce() -> String,
        target: Section,
        key: &str,
        keys: &KeyMap<Id>,
    ) -> Option<Id> {
        if let Some(&id) = keys.get(key) {
            return Some(id);
        }
        let suggestion = self.suggester.suggest(key, keys.keys().map(String::as_str));
        self.add(
            record,
            field(),
            ProblemKind::UnknownReference {
                target,
                key: key.to_owned(),
                suggestion,
            },
        );
        None
    }

    /// An actor named by its id or one of its aliases.
    pub(crate) fn actor_reference(
        &mut self,
        record: Rec<'_>,
        field: impl FnOnce() -> String,
        key: &str,
        s: &Scenario,
    ) -> Option<ActorId> {
        // Ids first: most references use them, and most scenarios have no
        // aliases; `reference` reports a name that is neither.
        if let Some(&id) = s.actor_keys.get(key) {
            return Some(id);
        }
        if let Some(&id) = s.actor_aliases.get(key) {
            return Some(id);
        }
        self.reference(record, field, Section::Actors, key, &s.actor_keys)
    }

    /// Registers `key` for the record, reporting invalid and duplicate keys;
    /// `place` says where the record holding a key first is, by its id
    /// (file, index in that file's list, line).
    pub(crate) fn key<Id: Copy>(
        &mut self,
        record: Rec<'_>,
        key: &str,
        id: Id,
        keys: &mut KeyMap<Id>,
        index_of: fn(Id) -> usize,
        place: impl FnOnce(usize) -> Place,
    ) {
        if let Err(mut kind) = register_key(keys, key, id, record.section, index_of) {
            if let ProblemKind::DuplicateKey {
                first,
                first_file,
                first_line,
                ..
            } = &mut kind
                && let Some(global) = first.index
            {
                let at = place(global);
                first.index = Some(at.index);
                *first_line = at.line;
                if at.file != record.file {
                    *first_file = self.files.get(at.file as usize).cloned().flatten();
                }
            }
            self.add(record, "id".to_owned(), kind);
        }
    }
}

/// Where a record is: its file's number, its index in that file's list, and
/// the line where it starts.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Place {
    pub(crate) file: u32,
    pub(crate) index: usize,
    pub(crate) line: Option<u64>,
}

impl Place {
    /// The record, as a [`Rec`] of `section`.
    pub(crate) fn rec<'a>(self, section: Section, key: Option<&'a str>) -> Rec<'a> {
        Rec::new(section, self.index, key, self.line, self.file)
    }
}

/// A record and field named after reading, when the records' texts are no
/// longer at hand: what a late check (source files, quotes) reports on.
#[derive(Clone, Debug)]
pub(crate) struct Target {
    section: Section,
    index: usize,
    key: Option<String>,
    line: Option<u64>,
    file: u32,
    pub(crate) field: String,
}

impl Rec<'_> {
    /// The record's field `field`, owned.
    pub(crate) fn owned(self, field: &str) -> Target {
        Target {
            section: self.section,
            index: self.index,
            key: self.key.map(str::to_owned),
            line: self.line,
            file: self.file,
            field: field.to_owned(),
        }
    }
}

impl Problems {
    /// Adds a problem found by a late check.
    pub(crate) fn add_target(&mut self, target: &Target, kind: ProblemKind) {
        let rec = Rec::new(
            target.section,
            target.index,
            target.key.as_deref(),
            target.line,
            target.file,
        );
        self.add(rec, target.field.clone(), kind);
    }
}
