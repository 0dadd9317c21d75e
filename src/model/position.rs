//! Positions: who said what about which issue, how firmly, when and where.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::util::keyword::keyword_enum;
use crate::{ActorId, Date, IssueId};

keyword_enum! {
    /// Where an actor stands on an issue.
    Stance, "stance" {
        /// `support`: the actor asserts the proposition.
        Support => "support",
        /// `oppose`: the actor asserts its negation.
        Oppose => "oppose",
        /// `neutral`: on record about the issue without taking a side; asserts nothing.
        Neutral => "neutral",
    }
}

impl Stance {
    /// The opposite side: support ↔ oppose; neutral stays neutral.
    pub fn opposite(self) -> Stance {
        match self {
            Stance::Support => Stance::Oppose,
            Stance::Oppose => Stance::Support,
            Stance::Neutral => Stance::Neutral,
        }
    }
}

keyword_enum! {
    /// How firmly a position is held.
    ///
    /// Ordered from least to most firm, so `a < b` means `b` is firmer.
    Firmness, "firmness" {
        /// `negotiable`: open to trade-offs.
        Negotiable => "negotiable",
        /// `firm`: the default; stated without reservation.
        Firm => "firm",
        /// `red_line`: declared non-negotiable.
        RedLine => "red_line",
    }
}

#[allow(clippy::derivable_impls)] // the enum comes from a macro
impl Default for Firmness {
    fn default() -> Self {
        Firmness::Firm
    }
}

/// What a position depends on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Condition {
    /// The position holds if this issue holds, e.g. support for freezing NATO's
    /// expansion *if* it becomes the condition for a ceasefire.
    Issue(IssueId),
    /// A condition stated in words that no issue captures.
    Text(String),
}

/// Where a position was reported: a document, given inline on a position
/// or declared once in a scenario's `sources` list (with a key) and named by
/// positions.
///
/// A source with a `file` points at the document's text (a path relative to
/// the scenario file that declares the source); when a scenario is loaded
/// from files, every quote of a position citing it must occur in that text
/// (see [`io::quotes`](crate::io::quotes)).
///
/// # Examples
///
/// ```
/// use stancegraph::Source;
///
/// let source = Source::new()
///     .with_title("US Offers to Freeze NATO Expansion in Bid to End Ukraine War")
///     .with_publisher("news report");
/// assert_eq!(source.publisher(), Some("news report"));
/// assert_eq!(source.url(), None);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Source {
    pub(crate) key: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) date: Option<Date>,
    pub(crate) file: Option<PathBuf>,
    /// `file` resolved against the folder of the scenario file that
    /// declares the source: where its text is read.
    pub(crate) text_path: Option<PathBuf>,
}

impl Source {
    /// An empty source; fill it with the `with_*` methods.
    pub fn new() -> Self {
        Source::default()
    }

    /// Sets the title of the document.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the publisher.
    pub fn with_publisher(mut self, publisher: impl Into<String>) -> Self {
        self.publisher = Some(publisher.into());
        self
    }

    /// Sets the address of the document.
    pub fn with_url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets the key (the file's `id`) by which positions name the source.
    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Sets the day the document was published.
    pub fn with_date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the file holding the document's text, as written in a scenario
    /// file (relative to it). Its text is read from the same path.
    pub fn with_file(mut self, file: impl Into<PathBuf>) -> Self {
        let file = file.into();
        self.text_path = Some(file.clone());
        self.file = Some(file);
        self
    }

    /// The key positions name the source by, for a source declared in a
    /// scenario's `sources` list.
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// The day the document was published.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The file holding the document's text, as written (relative to the
    /// scenario file that declares the source).
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Where the document's text is read: [`Source::file`] resolved against
    /// the folder of the scenario file that declares the source.
    pub fn text_path(&self) -> Option<&Path> {
        self.text_path.as_deref()
    }

    /// The title of the document.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The publisher.
    pub fn publisher(&self) -> Option<&str> {
        self.publisher.as_deref()
    }

    /// The address of the document.
    pub fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
}

/// Two sources are equal when their fields are, wherever their files were
/// read from ([`Source::text_path`] is provenance, not content).
impl PartialEq for Source {
    fn eq(&self, other: &Self) -> bool {
        (self.key == other.key)
            && (self.title == other.title)
            && (self.publisher == other.publisher)
            && (self.url == other.url)
            && (self.date == other.date)
            && (self.file == other.file)
    }
}

impl Eq for Source {}

/// One actor's stance on one issue, with its firmness, condition, time and
/// provenance.
///
/// # Examples
///
/// ```
/// use stancegraph::{Actor, ActorKind, Firmness, Issue, Position, Scenario, Stance};
///
/// let mut scenario = Scenario::new();
/// let rutte = scenario.add_actor(Actor::new("rutte", "Mark Rutte", ActorKind::Person))?;
/// let join = scenario.add_issue(Issue::new("join", "Ukraine joins NATO"))?;
/// let p = scenario.add_position(
///     Position::new(rutte, join, Stance::Support)
///         .with_firmness(Firmness::RedLine)
///         .with_date("2025-05-29".parse()?)
///         .with_quote("We will not compromise on Ukraine's right to join NATO"),
/// )?;
/// assert_eq!(scenario.position(p).key(), "rutte:join");
/// assert_eq!(scenario.position(p).firmness(), Firmness::RedLine);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    pub(crate) key: Option<String>,
    pub(crate) actor: ActorId,
    pub(crate) issue: IssueId,
    pub(crate) stance: Stance,
    pub(crate) firmness: Firmness,
    pub(crate) condition: Option<Condition>,
    pub(crate) date: Option<Date>,
    pub(crate) until: Option<Date>,
    /// Shared with the scenario's `sources` list when declared there.
    pub(crate) source: Option<Arc<Source>>,
    pub(crate) quote: Option<String>,
    pub(crate) note: Option<String>,
}

impl Position {
    /// `actor` takes `stance` on `issue`, firmly, undated, without source.
    pub fn new(actor: ActorId, issue: IssueId, stance: Stance) -> Self {
        Position {
            key: None,
            actor,
            issue,
            stance,
            firmness: Firmness::default(),
            condition: None,
            date: None,
            until: None,
            source: None,
            quote: None,
            note: None,
        }
    }

    /// Sets the key (the file's `id`). Without one, the scenario assigns
    /// `actor:issue` (then `actor:issue:2`, … for further positions of the
    /// same pair).
    pub fn with_key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// Sets the firmness.
    pub fn with_firmness(mut self, firmness: Firmness) -> Self {
        self.firmness = firmness;
        self
    }

    /// Sets the condition the position depends on.
    pub fn with_condition(mut self, condition: Condition) -> Self {
        self.condition = Some(condition);
        self
    }

    /// Sets the day the position was taken.
    pub fn with_date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }

    /// Sets the last day the position held.
    pub fn with_until(mut self, until: Date) -> Self {
        self.until = Some(until);
        self
    }

    /// Sets where the position was reported.
    pub fn with_source(mut self, source: Source) -> Self {
        self.source = Some(Arc::new(source));
        self
    }

    /// Sets the words the actor used.
    pub fn with_quote(mut self, quote: impl Into<String>) -> Self {
        self.quote = Some(quote.into());
        self
    }

    /// Sets the analyst's note on how the statement was coded.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The key that identifies the position (given, or assigned when added).
    pub fn key(&self) -> &str {
        self.key.as_deref().unwrap_or_default()
    }

    /// Who took the position (the speaker, as written).
    pub fn actor(&self) -> ActorId {
        self.actor
    }

    /// The issue the position is about.
    pub fn issue(&self) -> IssueId {
        self.issue
    }

    /// Support, opposition or neutrality.
    pub fn stance(&self) -> Stance {
        self.stance
    }

    /// How firmly the position is held.
    pub fn firmness(&self) -> Firmness {
        self.firmness
    }

    /// What the position depends on, if anything.
    pub fn condition(&self) -> Option<&Condition> {
        self.condition.as_ref()
    }

    /// The day the position was taken, if known.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// The last day the position held, if it was withdrawn.
    pub fn until(&self) -> Option<Date> {
        self.until
    }

    /// Where it was reported.
    pub fn source(&self) -> Option<&Source> {
        self.source.as_deref()
    }

    /// The words the actor used.
    pub fn quote(&self) -> Option<&str> {
        self.quote.as_deref()
    }

    /// The analyst's coding note.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}
