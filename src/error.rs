//! The crate's error type and the problems validation reports.

use std::fmt;
use std::path::PathBuf;

use crate::util::keyword::KeywordError;
use crate::{DateError, RelationKind, io::Format};

/// A `Result` whose error defaults to [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in stancegraph.
///
/// Contradictions and conflicts are *results*, never errors: an `Error` always
/// means the input could not be read or is not valid (a scenario, a table,
/// an edge list, matrices), or the options asked of an analysis are not.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The text is not well-formed YAML, JSON or TOML, or a value has the
    /// wrong type (a list where a string belongs).
    #[error("{origin}{}: {message}{}", fmt_location(*line, *column), fmt_path(path.as_deref()))]
    Syntax {
        /// The file name, or `<input>` for text given directly.
        origin: String,
        /// The format the text was read as.
        format: Format,
        /// 1-based line of the problem, where the format reports one.
        line: Option<u64>,
        /// 1-based column of the problem, where the format reports one.
        column: Option<u64>,
        /// Where in the document, e.g. `positions[3].source`, where known.
        path: Option<String>,
        /// What the parser said.
        message: String,
    },
    /// The input is well-formed but not valid: a scenario, a statements or
    /// roll-call table, an edge list, matrices. Every problem found is
    /// listed, not just the first.
    #[error("{}", InvalidDisplay { origin, problems })]
    Invalid {
        /// The file name, or `<input>` for text given directly.
        origin: String,
        /// Every problem, in file order.
        problems: Vec<Problem>,
    },
    /// The options given to an analysis are out of range or do not fit
    /// together (a blockmodel of 0 camps, a normalisation for another mode).
    /// Every such option is listed, each a [`Problem`] in
    /// [`Section::Options`] naming the option as its field.
    #[error("{}", InvalidDisplay { origin: "", problems })]
    InvalidOptions {
        /// Every option at fault.
        problems: Vec<Problem>,
    },
    /// The file's extension names no supported format.
    #[error("{}: cannot tell the format from the file name; use .yaml, .yml, .json{}", path.display(), if cfg!(feature = "toml") { " or .toml" } else { "" })]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// A folder read as a case holds no scenario file.
    #[error("{}: the folder holds no scenario file (.yaml, .yml, .json{})", path.display(), if cfg!(feature = "toml") { " or .toml" } else { "" })]
    EmptyCase {
        /// The folder.
        path: PathBuf,
    },
    /// The format is supported only with a cargo feature that is off.
    #[error("{format} support needs the `{feature}` cargo feature of stancegraph")]
    FeatureDisabled {
        /// The format asked for.
        format: Format,
        /// The feature that enables it.
        feature: &'static str,
    },
    /// A database could not be read: not a database, corrupted, or not of
    /// the expected schema.
    #[error("{origin}: {message}")]
    Database {
        /// The file.
        origin: String,
        /// What is wrong.
        message: String,
    },
    /// A scenario could not be written in the requested format.
    #[error("cannot write the scenario as {format}: {message}")]
    Write {
        /// The target format.
        format: Format,
        /// What the serializer said.
        message: String,
    },
}

impl Error {
    /// The problems, if this is an [`Error::Invalid`] or an
    /// [`Error::InvalidOptions`]; empty otherwise.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Error::Invalid { problems, .. } | Error::InvalidOptions { problems } => problems,
            _ => &[],
        }
    }

    /// One option at fault: `field` names it, `reason` says what is wrong.
    pub(crate) fn invalid_option(field: &str, reason: &'static str) -> Error {
        Error::InvalidOptions {
            problems: vec![Problem::option(field, reason)],
        }
    }

    pub(crate) fn invalid(problem: Problem) -> Error {
        Error::Invalid {
            origin: String::new(),
            problems: vec![problem],
        }
    }
}

fn fmt_location(line: Option<u64>, column: Option<u64>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

fn fmt_path(path: Option<&str>) -> String {
    match path {
        Some(p) if !p.is_empty() && p != "." => format!(" (at {p})"),
        _ => String::new(),
    }
}

struct InvalidDisplay<'a> {
    origin: &'a str,
    problems: &'a [Problem],
}

impl fmt::Display for InvalidDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            // A problem found in one file of a case names that file.
            let origin = match &problem.file {
                Some(file) => file.display().to_string(),
                None => self.origin.to_owned(),
            };
            match (origin.is_empty(), problem.line) {
                (true, None) => write!(f, "{problem}")?,
                (true, Some(line)) => write!(f, "line {line}: {problem}")?,
                (false, None) => write!(f, "{origin}: {problem}")?,
                (false, Some(line)) => write!(f, "{origin}:{line}: {problem}")?,
            }
        }
        Ok(())
    }
}

/// A list in a scenario: where a record lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Section {
    /// The top level of the file.
    Scenario,
    /// `actors`.
    Actors,
    /// `issues`.
    Issues,
    /// `relations`.
    Relations,
    /// `sources`.
    Sources,
    /// `positions`.
    Positions,
    /// Rows of an imported table (the index is the 1-based row number,
    /// header excluded).
    Rows,
    /// The header row of an imported table.
    Header,
    /// The options of an analysis (not the input data).
    Options,
}

impl Section {
    /// The key of the list in files (`actors`, …; `scenario` for the top level).
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Scenario => "scenario",
            Section::Actors => "actors",
            Section::Issues => "issues",
            Section::Relations => "relations",
            Section::Sources => "sources",
            Section::Positions => "positions",
            Section::Rows => "rows",
            Section::Header => "header",
            Section::Options => "options",
        }
    }
}

/// Names one record of a scenario: its list, its index there and, if it
/// has one, its key. Displays as `positions[3] (kellogg-freeze)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordRef {
    /// The list the record is in.
    pub section: Section,
    /// The 0-based index in that list (none for the top level).
    pub index: Option<usize>,
    /// The record's key (`id`), if it has a usable one.
    pub key: Option<String>,
}

impl RecordRef {
    pub(crate) fn new(section: Section, index: usize, key: Option<&str>) -> Self {
        RecordRef {
            section,
            index: Some(index),
            key: key.filter(|k| !k.is_empty()).map(str::to_owned),
        }
    }

    pub(crate) fn top() -> Self {
        RecordRef::whole(Section::Scenario)
    }

    /// A whole section with no index: the top level, a table's header, the
    /// options.
    pub(crate) fn whole(section: Section) -> Self {
        RecordRef {
            section,
            index: None,
            key: None,
        }
    }
}

impl fmt::Display for RecordRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.section.as_str())?;
        if let Some(i) = self.index {
            write!(f, "[{i}]")?;
        }
        if let Some(k) = &self.key {
            write!(f, " ({k})")?;
        }
        Ok(())
    }
}

/// One thing wrong with a scenario: which record, which field, and what.
///
/// Displays as one line, e.g. ``positions[3] (kellogg-freeze), field `actor`:
/// unknown actor `kelog`; did you mean `kellogg`?``
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// The record at fault.
    pub record: RecordRef,
    /// The field at fault, as a path inside the record (`member_of[1].since`),
    /// or none when the record as a whole is at fault.
    pub field: Option<String>,
    /// What is wrong.
    pub kind: ProblemKind,
    /// The 1-based line where the record starts, where the format reports
    /// one (YAML and TOML; JSON parsers give positions only for syntax errors).
    pub line: Option<u64>,
    /// The file the record is in, when a case folder was read (the record's
    /// index is then its index in that file's list).
    pub file: Option<PathBuf>,
}

impl Problem {
    /// An option of an analysis at fault (see [`Error::InvalidOptions`]).
    pub(crate) fn option(field: &str, reason: &'static str) -> Self {
        Problem::new(
            RecordRef::whole(Section::Options),
            Some(field.to_owned()),
            ProblemKind::Invalid { reason },
        )
    }

    pub(crate) fn new(
        record: RecordRef,
        field: impl Into<Option<String>>,
        kind: ProblemKind,
    ) -> Self {
        Problem {
            record,
            field: field.into(),
            kind,
            line: None,
            file: None,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.record)?;
        if let Some(field) = &self.field {
            write!(f, ", field `{field}`")?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// The kinds of [`Problem`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required field is absent.
    #[error("missing required field")]
    MissingField,
    /// A key the format does not define.
    #[error("unknown field{}", did_you_mean(suggestion.as_deref()))]
    UnknownField {
        /// The closest known field name, if one is close.
        suggestion: Option<String>,
    },
    /// A keyword outside its enum (`stance: suport`).
    #[error("{error}{}", did_you_mean(suggestion.as_deref()))]
    UnknownValue {
        /// The value, what it names and what is allowed.
        error: KeywordError,
        /// The closest allowed value, if one is close.
        suggestion: Option<String>,
    },
    /// A date that does not parse or does not exist.
    #[error(transparent)]
    InvalidDate(#[from] DateError),
    /// A key that must be non-empty, without surrounding white space.
    #[error("invalid id `{key}`: {reason}")]
    InvalidKey {
        /// The key as written.
        key: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A reference to an actor, issue or position that does not exist.
    #[error("unknown {} `{key}`{}", target_name(*target), did_you_mean(suggestion.as_deref()))]
    UnknownReference {
        /// The list the reference points into.
        target: Section,
        /// The key as written.
        key: String,
        /// The closest existing key, if one is close.
        suggestion: Option<String>,
    },
    /// A key used by two records of the same list.
    #[error("duplicate id `{key}`, first used by {first}{}", fmt_place(first_file.as_deref(), *first_line))]
    DuplicateKey {
        /// The key.
        key: String,
        /// The record that used it first.
        first: RecordRef,
        /// The file of that record, when a case folder was read.
        first_file: Option<PathBuf>,
        /// The line where that record starts, where the format reports one.
        first_line: Option<u64>,
    },
    /// A top-level field (`title`, `description`) that a case gives in two
    /// files: it may be given once.
    #[error("given twice: first in {}", first_file.display())]
    GivenTwice {
        /// The file that gave it first.
        first_file: PathBuf,
    },
    /// A source's text file that cannot be read: missing, unreadable or not
    /// UTF-8.
    #[error("cannot read `{}`: {message}", path.display())]
    UnreadableFile {
        /// The file, as resolved (relative to the file that names it).
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A quote that does not occur in the text of its source, after
    /// normalisation (see [`io::quotes`](crate::io::quotes)).
    #[error("{}", quote_not_found(part, *part_index, *parts, *out_of_order, closest.as_deref(), file))]
    QuoteNotFound {
        /// The part of the quote not found (normalised); the whole quote
        /// when it has one part.
        part: String,
        /// Its index among the parts (`[…]` splits a quote into parts).
        part_index: usize,
        /// How many parts the quote has.
        parts: usize,
        /// Whether the part does occur, but only before the parts preceding it.
        out_of_order: bool,
        /// The passage of the text most like the missing part, if any is alike.
        closest: Option<String>,
        /// The source's text file.
        file: PathBuf,
    },
    /// An actor's alias, or its id, that another actor already answers to
    /// (as its id or an alias): a reference by that name could mean either.
    #[error("`{name}` would name two actors: {other} already answers to it")]
    AmbiguousAlias {
        /// The alias or id.
        name: String,
        /// The other actor.
        other: RecordRef,
    },
    /// A chain of `member_of` or `speaks_for` links that returns to its start.
    #[error("`{link}` cycle: {}", path.join(" -> "))]
    Cycle {
        /// `member_of` or `speaks_for`.
        link: &'static str,
        /// The actor keys along the cycle, the first repeated at the end.
        path: Vec<String>,
    },
    /// A relation with the wrong number of issues.
    #[error("a `{kind}` relation needs {} issues, found {found}", arity_text(*kind))]
    Arity {
        /// The relation's kind.
        kind: RelationKind,
        /// How many issues it names.
        found: usize,
    },
    /// A relation that names the same issue twice.
    #[error("issue `{key}` appears more than once")]
    RepeatedIssue {
        /// The issue's key.
        key: String,
    },
    /// A time span that ends before it starts.
    #[error("`{end_field}` {end} is before `{start_field}` {start}")]
    EndBeforeStart {
        /// The name of the start field (`date`, `since`).
        start_field: &'static str,
        /// The start.
        start: crate::Date,
        /// The name of the end field (`until`).
        end_field: &'static str,
        /// The end.
        end: crate::Date,
    },
    /// A bare word as `condition` that is no issue's key. Free-text
    /// conditions are written `{text: ...}` or contain a space.
    #[error("`{key}` is not an issue{}; write `{{text: \"...\"}}` for a condition in words", did_you_mean(suggestion.as_deref()))]
    UnknownCondition {
        /// The word as written.
        key: String,
        /// The closest issue key, if one is close.
        suggestion: Option<String>,
    },
    /// An imported value with no entry in the value mapping.
    #[error("`{value}` is not in the mapping ({})", mapping.join(", "))]
    UnmappedValue {
        /// The value as read.
        value: String,
        /// The mapping, as `value=meaning` pairs.
        mapping: Vec<String>,
    },
    /// A value that breaks a rule of the format.
    #[error("{reason}")]
    Invalid {
        /// The rule.
        reason: &'static str,
    },
    /// A period that none of the signed graphs has (an edge list's
    /// periods, aggregated events): see
    /// [`SignedGraph::find_period`](crate::balance::SignedGraph::find_period).
    #[error("no period `{period}` ({})", periods_listed(periods))]
    UnknownPeriod {
        /// The period asked for.
        period: String,
        /// The periods there are, in order.
        periods: Vec<String>,
    },
    /// An id handed to a scenario method that is not one of its own.
    #[error("no such {} in this scenario: {id}", target_name(*target))]
    NoSuchId {
        /// The list the id points into.
        target: Section,
        /// The id, displayed.
        id: String,
    },
}

/// The first ten `periods`, and how many more ("it has no periods" when
/// there are none).
fn periods_listed(periods: &[String]) -> String {
    const LISTED: usize = 10;
    if periods.is_empty() {
        return "it has no periods".to_owned();
    }
    let more = periods.len().saturating_sub(LISTED);
    let mut text = format!(
        "its periods: {}",
        periods[..periods.len().min(LISTED)].join(", ")
    );
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

fn target_name(section: Section) -> &'static str {
    match section {
        Section::Actors => "actor",
        Section::Issues => "issue",
        Section::Relations => "relation",
        Section::Sources => "source",
        Section::Positions => "position",
        Section::Scenario => "scenario",
        Section::Rows => "row",
        Section::Header => "header",
        Section::Options => "options",
    }
}

fn arity_text(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Incompatible => "at least 2",
        _ => "exactly 2",
    }
}

fn fmt_place(file: Option<&std::path::Path>, line: Option<u64>) -> String {
    match (file, line) {
        (Some(file), Some(line)) => format!(" at {}:{line}", file.display()),
        (Some(file), None) => format!(" in {}", file.display()),
        (None, Some(line)) => format!(" at line {line}"),
        (None, None) => String::new(),
    }
}

fn quote_not_found(
    part: &str,
    part_index: usize,
    parts: usize,
    out_of_order: bool,
    closest: Option<&str>,
    file: &std::path::Path,
) -> String {
    let what = if parts > 1 {
        format!(
            "part {} of {parts} of the quote, \"{part}\",",
            part_index + 1
        )
    } else {
        "the quote".to_owned()
    };
    if out_of_order {
        return format!(
            "{what} occurs in `{}` only before the parts that precede it in the quote",
            file.display()
        );
    }
    let hint = match closest {
        Some(passage) => format!("; the closest passage is \"{passage}\""),
        None => "; no passage of the text resembles it".to_owned(),
    };
    format!("{what} does not occur in `{}`{hint}", file.display())
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_read_as_one_line_naming_record_and_field() {
        let p = Problem::new(
            RecordRef::new(Section::Positions, 3, Some("kellogg-freeze")),
            Some("actor".to_owned()),
            ProblemKind::UnknownReference {
                target: Section::Actors,
                key: "kelog".into(),
                suggestion: Some("kellogg".into()),
            },
        );
        assert_eq!(
            p.to_string(),
            "positions[3] (kellogg-freeze), field `actor`: unknown actor `kelog`; did you mean `kellogg`?"
        );
        let e = Error::Invalid {
            origin: "talks.yaml".into(),
            problems: vec![p.clone(), p],
        };
        assert_eq!(e.to_string().lines().count(), 2);
        assert!(e.to_string().starts_with("talks.yaml: positions[3]"));
    }
}
