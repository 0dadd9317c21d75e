//! The result of a check: the contradictions found, in a deterministic order
//! (severity, then kind, then position ids), and the groups the
//! [`max_per_group`](crate::contradiction::CheckOptions::max_per_group) cap cut
//! short ([`Truncation`]). The engine builds it; its text shape
//! (`explain`, `Display`) is in `text.rs`, its JSON document in `json.rs`.

use crate::contradiction::record::{Contradiction, ContradictionKind};
use crate::{ActorId, IssueId, PositionId, RelationId, Scenario};

/// A group of contradictions the cap cut short.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Truncation {
    /// The kind of the group.
    pub kind: ContradictionKind,
    /// The principals of the group.
    pub principals: Vec<ActorId>,
    /// The issues of the clause the group violates.
    pub issues: Vec<IssueId>,
    /// The `excludes` or `incompatible` relation the group violates, if any.
    pub relation: Option<RelationId>,
    /// The opposing position the group clashes with (or, for reversals, the
    /// later position), if any.
    pub opposed_by: Option<PositionId>,
    /// How many contradictions the group has.
    pub found: usize,
    /// How many of them are reported.
    pub reported: usize,
}

/// The result of a check: contradictions in a deterministic order (severity,
/// then kind, then position ids), and the groups the cap cut short.
#[derive(Clone, Debug)]
pub struct Contradictions<'s> {
    pub(super) scenario: &'s Scenario,
    pub(super) items: Vec<Contradiction<'s>>,
    pub(super) truncated: Vec<Truncation>,
}

impl<'s> Contradictions<'s> {
    /// The contradictions, most severe first.
    pub fn iter(&self) -> std::slice::Iter<'_, Contradiction<'s>> {
        self.items.iter()
    }

    /// The scenario that was checked.
    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }

    /// How many were reported.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether none was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The groups with more contradictions than the cap; empty when nothing
    /// was left out.
    pub fn truncated(&self) -> &[Truncation] {
        &self.truncated
    }

    /// The contradictions, most severe first.
    pub fn into_vec(self) -> Vec<Contradiction<'s>> {
        self.items
    }

    /// Keeps only the contradictions `keep` accepts (the truncation notes stay).
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, contradiction::{CheckOptions, Severity}};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}]
    /// issues: [{id: x, name: X}]
    /// positions:
    ///   - {actor: a, issue: x, stance: support, date: 2020-01-01}
    ///   - {actor: a, issue: x, stance: oppose, date: 2021-01-01}
    /// ")?;
    /// let mut found = s.contradictions(&CheckOptions::default());
    /// assert_eq!(found.len(), 1); // a reversal, ranked high: a firm position was abandoned
    /// found.retain(|c| c.severity <= Severity::Critical);
    /// assert!(found.is_empty());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&Contradiction<'s>) -> bool) {
        self.items.retain(keep);
    }

    /// The contradictions as JSON, in the documented shape:
    /// `{"contradictions": [...], "summary": {...}}`. Each contradiction has
    /// `kind`, `severity`, `conditional`, `conditions`, `actors` (principal
    /// ids), `positions`, `issues` (ids; each list sorted), `bloc`, `from`,
    /// `until` (dates or null), `explanation` (the paragraph) and `reasoning`
    /// (one object per step with a `step` name, the ids it involves and its
    /// `text`). The summary counts contradictions in all, by kind and by
    /// severity, and lists the truncated groups.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{contradiction::CheckOptions, Scenario};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}]
    /// issues: [{id: x, name: X}, {id: y, name: Y}]
    /// relations: [{kind: excludes, issues: [x, y]}]
    /// positions:
    ///   - {id: px, actor: a, issue: x, stance: support}
    ///   - {id: py, actor: a, issue: y, stance: support}
    /// ")?;
    /// let json = s.contradictions(&CheckOptions::default()).to_json();
    /// assert_eq!(json["contradictions"][0]["kind"], "self_contradiction");
    /// assert_eq!(json["contradictions"][0]["positions"], serde_json::json!(["px", "py"]));
    /// assert_eq!(json["summary"]["by_kind"]["self_contradiction"], 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_json(&self) -> serde_json::Value {
        crate::contradiction::json::json(self)
    }
}

impl<'a, 's> IntoIterator for &'a Contradictions<'s> {
    type Item = &'a Contradiction<'s>;
    type IntoIter = std::slice::Iter<'a, Contradiction<'s>>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
