//! The one error type of the command line, and what each kind means for the
//! exit code (printed by `main`, nowhere else).

use std::fmt::Display;
use std::path::Path;

/// Why a subcommand stopped.
#[derive(Debug)]
pub enum CliError {
    /// Invalid input or usage, or an output file or directory that cannot
    /// be written: the message, one line per problem (several files'
    /// problems joined by newlines). Exit code 2.
    Invalid(String),
    /// Stdout could not be written (other than a closed pipe). Exit code 1.
    Output(std::io::Error),
    /// Stdout was closed by its reader (`| head`): the output ends quietly,
    /// exit code 0.
    OutputClosed,
}

impl CliError {
    /// Invalid input or usage, with this message.
    pub fn invalid(message: impl Display) -> Self {
        CliError::Invalid(message.to_string())
    }

    /// A problem with a file, as `FILE: problem`.
    pub fn file(path: &Path, problem: impl Display) -> Self {
        CliError::Invalid(format!("{}: {problem}", path.display()))
    }

    /// Several inputs' problems as one error (each input's lines in order),
    /// or `None` when there were none.
    pub fn all(problems: Vec<String>) -> Option<Self> {
        (!problems.is_empty()).then(|| CliError::Invalid(problems.join("\n")))
    }
}

/// The library's errors are invalid input: their text names the file, the
/// record and the field of every problem.
impl From<stancegraph::Error> for CliError {
    fn from(e: stancegraph::Error) -> Self {
        CliError::invalid(e)
    }
}
