//! The model: what an analyst writes down. Actors, issues, the relations
//! between issues, positions, and the [`Scenario`] that holds them all,
//! validated. Everything here is re-exported at the crate root.
//!
//! - [`id`]: small `Copy` handles into one scenario.
//! - [`date`]: calendar dates.
//! - [`actor`], [`issue`], [`position`]: the records.
//! - [`provenance`]: the file each record was read from.
//! - [`scenario`]: the validated whole, built record by record.
//! - `keys`: key maps and the rules records share (unique keys, spans, relation arity).
//! - [`holding`]: when a position holds (dates, `until`, supersession).
//! - [`words`]: the model's values in English.

pub(crate) mod actor;
pub(crate) mod date;
pub(crate) mod holding;
pub(crate) mod id;
pub(crate) mod issue;
pub(crate) mod keys;
pub(crate) mod position;
pub(crate) mod provenance;
pub(crate) mod scenario;
pub(crate) mod words;

pub use actor::{Actor, ActorKind, Membership};
pub use date::{Date, DateError};
pub use holding::Holding;
pub use id::{ActorId, IssueId, PositionId, RelationId};
pub use issue::{Issue, Relation, RelationKind};
pub use position::{Condition, Firmness, Position, Source, Stance};
pub use provenance::Provenance;
pub use scenario::Scenario;
