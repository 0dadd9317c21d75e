//! Small `Copy` handles for the things a [`Scenario`](crate::Scenario) holds.
//!
//! An id is an index into one scenario: it is cheap to copy, hash and compare,
//! and it is only meaningful for the scenario that issued it. The textual id
//! written in a scenario file (`id: kellogg`) is the item's *key*; look keys up
//! with [`Scenario::actor_id`](crate::Scenario::actor_id) and friends.

use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl $name {
            /// The id of the item at `index` in its scenario list (0-based).
            ///
            /// Ids are dense: the n-th item added gets index n. The `add_*`
            /// methods reject ids the scenario does not have; the plain
            /// accessors ([`Scenario::actor`](crate::Scenario::actor), …)
            /// panic on them, and the `get_*` accessors return `None`.
            pub const fn from_index(index: u32) -> Self {
                Self(index)
            }

            /// The 0-based position of the item in its scenario list.
            pub const fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($prefix, "[{}]"), self.0)
            }
        }
    };
}

id_type!(
    /// Identifies an [`Actor`](crate::Actor) within its scenario.
    ActorId,
    "actors"
);
id_type!(
    /// Identifies an [`Issue`](crate::Issue) within its scenario.
    IssueId,
    "issues"
);
id_type!(
    /// Identifies a [`Position`](crate::Position) within its scenario.
    PositionId,
    "positions"
);
id_type!(
    /// Identifies a [`Relation`](crate::Relation) within its scenario.
    RelationId,
    "relations"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_as_the_record_they_point_to() {
        assert_eq!(PositionId::from_index(3).to_string(), "positions[3]");
        assert_eq!(ActorId::from_index(0).index(), 0);
        assert!(IssueId::from_index(1) < IssueId::from_index(2));
    }
}
