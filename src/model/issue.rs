//! Issues (propositions) and the logical relations between them.

use crate::IssueId;
use crate::util::keyword::keyword_enum;

/// A proposition an actor can support or oppose, such as
/// "Ukraine joins NATO" or "NATO stops expanding eastward".
///
/// # Examples
///
/// ```
/// use stancegraph::Issue;
///
/// let issue = Issue::new("ukraine-joins-nato", "Ukraine becomes a member of NATO")
///     .with_tag("nato");
/// assert_eq!(issue.name(), "Ukraine becomes a member of NATO");
/// assert_eq!(issue.tags(), ["nato"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) tags: Vec<String>,
}

impl Issue {
    /// An issue with its key (the file's `id`) and the proposition it states.
    pub fn new(key: impl Into<String>, name: impl Into<String>) -> Self {
        Issue {
            key: key.into(),
            name: name.into(),
            description: None,
            tags: Vec::new(),
        }
    }

    /// Sets a longer description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Adds a tag.
    pub fn with_tag(mut self, tag: impl Into<String>) -> Self {
        self.tags.push(tag.into());
        self
    }

    /// The key that identifies the issue in files (`id`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The proposition, e.g. `NATO stops expanding eastward`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The longer description, if any.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Tags, in file order.
    pub fn tags(&self) -> &[String] {
        &self.tags
    }
}

keyword_enum! {
    /// How the issues of a [`Relation`] constrain each other.
    RelationKind, "relation kind" {
        /// `implies`: if the first issue holds, so does the second (ordered, two issues).
        Implies => "implies",
        /// `excludes`: the two issues cannot both hold.
        Excludes => "excludes",
        /// `equivalent`: the two issues hold or fail together.
        Equivalent => "equivalent",
        /// `incompatible`: the issues (two or more) cannot all hold together.
        Incompatible => "incompatible",
    }
}

impl RelationKind {
    /// The number of issues the relation needs: exactly two, except
    /// `incompatible`, which takes two or more.
    pub fn arity(self) -> std::ops::RangeInclusive<usize> {
        match self {
            RelationKind::Incompatible => 2..=usize::MAX,
            _ => 2..=2,
        }
    }
}

/// A logical constraint between issues, e.g. "freezing NATO's expansion
/// excludes Ukraine joining NATO".
///
/// # Examples
///
/// ```
/// use stancegraph::{Issue, Relation, RelationKind, Scenario};
///
/// let mut scenario = Scenario::new();
/// let freeze = scenario.add_issue(Issue::new("freeze", "NATO stops expanding"))?;
/// let join = scenario.add_issue(Issue::new("join", "Ukraine joins NATO"))?;
/// let r = scenario.add_relation(
///     Relation::new(RelationKind::Excludes, [freeze, join]).with_note("a freeze shuts Ukraine out"),
/// )?;
/// assert_eq!(scenario.relation(r).issues(), [freeze, join]);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub(crate) kind: RelationKind,
    pub(crate) issues: Vec<IssueId>,
    pub(crate) note: Option<String>,
}

impl Relation {
    /// A relation of `kind` between `issues` (in order: for `implies`, the
    /// first implies the second).
    pub fn new(kind: RelationKind, issues: impl IntoIterator<Item = IssueId>) -> Self {
        Relation {
            kind,
            issues: issues.into_iter().collect(),
            note: None,
        }
    }

    /// Sets a note on why the relation holds.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.note = Some(note.into());
        self
    }

    /// The kind of constraint.
    pub fn kind(&self) -> RelationKind {
        self.kind
    }

    /// The issues, in file order.
    pub fn issues(&self) -> &[IssueId] {
        &self.issues
    }

    /// Why the relation holds, if noted.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }
}
