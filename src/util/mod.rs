//! The bottom layer: small tools every other layer uses, none of them part of
//! the public API (except [`KeywordError`](crate::KeywordError), re-exported at
//! the root).
//!
//! - [`rng`]: the crate's one seeded random-number generator (SplitMix64).
//! - [`rows`]: compressed rows, many short lists in two flat vectors.
//! - [`pair_sums`]: sums over the shared entities of every pair of rows.
//! - [`keyword`]: enums written as snake_case keywords, and their parse error.
//! - [`suggest`]: "did you mean" hints.
//! - [`words`]: how results are put into English.
//! - [`escape`]: escaping for HTML, SVG and GraphML.
//! - [`number`]: real numbers as text and JSON (whole ones without a fraction).

pub(crate) mod escape;
pub(crate) mod keyword;
pub(crate) mod number;
pub(crate) mod pair_sums;
pub(crate) mod rng;
pub(crate) mod rows;
pub(crate) mod suggest;
pub(crate) mod words;
