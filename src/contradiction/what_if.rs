//! What-if: the contradictions hypothetical positions would create or resolve.

use std::collections::BTreeSet;

use crate::{
    Contradiction, Scenario,
    contradiction::{CheckOptions, ContradictionKind},
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

impl<'a> WhatIf<'a> {
    /// [`Scenario::what_if`].
    pub(crate) fn between(
        scenario: &'a Scenario,
        baseline: &'a Scenario,
        options: &CheckOptions,
    ) -> WhatIf<'a> {
        // Uncapped: a group cut differently in the two runs would otherwise
        // show up as created or resolved.
        let options = options.clone().with_max_per_group(usize::MAX);
        let after = scenario.contradictions(&options).into_vec();
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
