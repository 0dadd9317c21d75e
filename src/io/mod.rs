//! Reading and writing: scenario files, and importers that turn other
//! people's data into a [`Scenario`](crate::Scenario).
//!
//! - Scenario files ([`Format`]): YAML, JSON and TOML with one shape, read
//!   with [`Scenario::load`](crate::Scenario::load) and friends, every
//!   problem named by file, record and field; a case folder of such files
//!   read as one scenario; [`LoadOptions`].
//! - [`StatementsCsv`]: a long table of coded statements, one position per row.
//! - [`RollCallVotes`]: roll-call votes such as the UN General Assembly's.
//! - [`read_dna`] (feature `dna`): Discourse Network Analyzer databases.
//! - [`Progress`]: how far a long import has come.
//!
//! Importers build a scenario as any caller would, with
//! [`Scenario::new`](crate::Scenario::new) and the checked `add_*` methods;
//! from inside the crate they only add precise problem reports (row, column,
//! line) to what the public API offers.

#[cfg(feature = "dna")]
mod dna;
mod progress;
pub mod quotes;
pub(crate) mod scenario_file;
pub(crate) mod statements;
pub(crate) mod table_problem;
mod votes;

#[cfg(feature = "dna")]
pub use dna::{read_dna, read_dna_with_progress};
pub use progress::Progress;
pub use quotes::{
    FileQuotes, QuoteCheck, QuoteJob, QuoteMatch, QuoteMiss, SourceText, check_quote_files,
    normalize_quote_text, quote_parts,
};
pub use scenario_file::{Format, LoadOptions};
pub use statements::{Import, StatementsCsv};
pub use votes::{RollCallVotes, Vote, VoteAgreement};
