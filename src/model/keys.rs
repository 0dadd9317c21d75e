//! Keys and the rules records share, whether read from files or added in
//! code: key maps, valid and unique keys, assigned keys, time spans and
//! relation arity.

use std::collections::HashMap;

use crate::error::{ProblemKind, RecordRef, Section};
use crate::{Date, RelationKind};

/// Key maps hash with foldhash: fast, and seeded per process so that file
/// contents cannot be crafted to collide. Nothing iterates them for output.
pub(crate) type KeyMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

pub(crate) fn key_problem(key: &str) -> Option<ProblemKind> {
    let reason = if key.is_empty() {
        "it is empty"
    } else if key.trim() != key {
        "it starts or ends with white space"
    } else {
        return None;
    };
    Some(ProblemKind::InvalidKey {
        key: key.to_owned(),
        reason,
    })
}

/// Registers `key` for the item `id` of `section`, or says why it cannot:
/// it is not a valid key, or another item has it.
/// A name two actors would answer to.
pub(crate) fn ambiguous(name: &str, other: RecordRef) -> ProblemKind {
    ProblemKind::AmbiguousAlias {
        name: name.to_owned(),
        other,
    }
}

pub(crate) fn register_key<Id: Copy>(
    keys: &mut KeyMap<Id>,
    key: &str,
    id: Id,
    section: Section,
    index_of: fn(Id) -> usize,
) -> Result<(), ProblemKind> {
    if let Some(kind) = key_problem(key) {
        return Err(kind);
    }
    if let Some(&first) = keys.get(key) {
        return Err(ProblemKind::DuplicateKey {
            key: key.to_owned(),
            first: RecordRef::new(section, index_of(first), Some(key)),
            first_file: None,
            first_line: None,
        });
    }
    keys.insert(key.to_owned(), id);
    Ok(())
}

/// The first free key among `base`, `base:2`, `base:3`, … starting at the
/// `n`-th, and the `n` to start from next time.
pub(crate) fn free_key<V>(base: &str, mut n: u32, taken: &KeyMap<V>) -> (String, u32) {
    loop {
        let candidate = if n <= 1 {
            base.to_owned()
        } else {
            format!("{base}:{n}")
        };
        n += 1;
        if !taken.contains_key(&candidate) {
            return (candidate, n);
        }
    }
}

/// The problem with a time span that ends before it starts, if it does.
pub(crate) fn span_problem(
    (start_field, start): (&'static str, Option<Date>),
    (end_field, end): (&'static str, Option<Date>),
) -> Option<ProblemKind> {
    match (start, end) {
        (Some(start), Some(end)) if end < start => Some(ProblemKind::EndBeforeStart {
            start_field,
            start,
            end_field,
            end,
        }),
        _ => None,
    }
}

/// What is wrong with a relation's issue keys, if anything.
pub(crate) fn relation_problem(
    kind: RelationKind,
    keys: &[impl AsRef<str>],
) -> Option<ProblemKind> {
    let found = keys.len();
    if !kind.arity().contains(&found) {
        return Some(ProblemKind::Arity { kind, found });
    }
    let mut seen = std::collections::HashSet::with_capacity(found);
    for key in keys {
        if !seen.insert(key.as_ref()) {
            return Some(ProblemKind::RepeatedIssue {
                key: key.as_ref().to_owned(),
            });
        }
    }
    None
}
