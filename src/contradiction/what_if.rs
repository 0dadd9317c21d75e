//! What-if: the contradictions hypothetical positions would create or resolve.

use std::collections::BTreeSet;

use crate::{
    Contradiction, Position, Result, Scenario, contradiction::CheckOptions,
    contradiction::ContradictionKind,
};

/// The difference hypothetical positions make: the contradictions they
/// create and those they resolve (a later position supersedes an earlier
/// one, so that it no longer holds).
///
/// A contradiction is identified by its kind and the keys of its positions.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct WhatIf<'a> {
    /// Found with the hypothetical positions and not without them, most
    /// severe first.
    pub created: Vec<Contradiction<'a>>,
    /// Found without the hypothetical positions and not with them, most
    /// severe first.
    pub resolved: Vec<Contradiction<'a>>,
}

impl Scenario {
    /// A copy of this scenario with hypothetical positions added after the
    /// existing ones (existing ids are unchanged).
    ///
    /// # Errors
    ///
    /// As [`Scenario::add_position`], for the first position that cannot be added.
    pub fn with_hypothetical(
        &self,
        positions: impl IntoIterator<Item = Position>,
    ) -> Result<Scenario> {
        let mut hypothetical = self.clone();
        for position in positions {
            hypothetical.add_position(position)?;
        }
        Ok(hypothetical)
    }

    /// The contradictions this scenario has and `baseline` has not
    /// (`created`), and those `baseline` has and this one has not
    /// (`resolved`). Typically `self` is `baseline.with_hypothetical(...)`.
    ///
    /// # Complexity
    ///
    /// Two checks (see [`Scenario::contradictions`]), without the cap per group.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{contradiction::CheckOptions, contradiction::ContradictionKind, Firmness, Position, Scenario, Stance};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors:
    ///   - {id: nato, name: NATO, kind: alliance}
    ///   - {id: us, name: United States, kind: state, member_of: [nato]}
    /// issues:
    ///   - {id: freeze, name: NATO stops expanding eastward}
    ///   - {id: join, name: Ukraine joins NATO}
    /// relations: [{kind: excludes, issues: [freeze, join]}]
    /// positions:
    ///   - {actor: nato, issue: join, stance: support, firmness: red_line, date: 2025-05-29}
    /// ")?;
    /// let us = s.actor_id("us").unwrap();
    /// let freeze = s.issue_id("freeze").unwrap();
    /// // What if the US formally offered the freeze as a red line?
    /// let offer = Position::new(us, freeze, Stance::Support)
    ///     .with_firmness(Firmness::RedLine)
    ///     .with_date("2025-06-02".parse()?);
    /// let hypothetical = s.with_hypothetical([offer])?;
    /// let diff = hypothetical.what_if(&s, &CheckOptions::default());
    /// assert_eq!(diff.created.len(), 1);
    /// assert_eq!(diff.created[0].kind, ContradictionKind::MemberVsBloc);
    /// assert!(diff.resolved.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn what_if<'a>(&'a self, baseline: &'a Scenario, options: &CheckOptions) -> WhatIf<'a> {
        // Uncapped: a group cut differently in the two runs would otherwise
        // show up as created or resolved.
        let options = options.clone().with_max_per_group(usize::MAX);
        let after = self.contradictions(&options).into_vec();
        let before = baseline.contradictions(&options).into_vec();
        let identities =
            |list: &[Contradiction<'_>]| -> BTreeSet<(ContradictionKind, Vec<String>)> {
                list.iter().map(identity).collect()
            };
        let (after_ids, before_ids) = (identities(&after), identities(&before));
        WhatIf {
            created: after
                .into_iter()
                .filter(|c| !before_ids.contains(&identity(c)))
                .collect(),
            resolved: before
                .into_iter()
                .filter(|c| !after_ids.contains(&identity(c)))
                .collect(),
        }
    }
}

fn identity(c: &Contradiction<'_>) -> (ContradictionKind, Vec<String>) {
    let s = c.scenario();
    let mut keys: Vec<String> = c
        .positions
        .iter()
        .map(|&p| s.position(p).key().to_owned())
        .collect();
    keys.sort();
    (c.kind, keys)
}
