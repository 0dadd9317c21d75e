//! Progress of a long import, reported to a caller's callback.

/// How far a long import has come: `done` of `total` units (bytes or
/// records, as the importer says).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Units done.
    pub done: u64,
    /// Units in all.
    pub total: u64,
}
