//! The contradiction engine: every minimal set of positions that cannot all
//! hold under the relations between issues, each explained.
//!
//! - [`Contradiction`] (also at the crate root): one such set, with its
//!   [kind](ContradictionKind), [severity](Severity), the positions and the
//!   reasoning path ([`Step`]).
//! - [`Contradictions`] (also at the crate root): all of them, most severe
//!   first, from [`Scenario::contradictions`](crate::Scenario::contradictions)
//!   with [`CheckOptions`]; [`Truncation`] counts what a group cap left out.
//! - [`WhatIf`]: the contradictions hypothetical positions would create or
//!   resolve.

pub(crate) mod engine;
pub(crate) mod json;
mod options;
pub(crate) mod record;
mod set;
mod text;
mod what_if;

pub use options::CheckOptions;
pub(crate) use record::describe_position;
pub use record::{Contradiction, ContradictionKind, Severity, Step};
pub use set::{Contradictions, Truncation};
pub use what_if::WhatIf;
