//! Where results go: stdout (a closed pipe ends the output quietly), files
//! (a failure names the file), and JSON printed the one way every subcommand
//! prints it (pretty, two spaces, a final newline).

use std::fmt::Display;
use std::io::Write;
use std::path::Path;

use crate::error::CliError;

/// Writes to stdout. A closed pipe (`stancegraph show f | head`) ends the
/// output quietly ([`CliError::OutputClosed`]); any other write error is
/// [`CliError::Output`].
pub fn emit(text: impl Display) -> Result<(), CliError> {
    match write!(std::io::stdout().lock(), "{text}") {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(CliError::OutputClosed),
        Err(e) => Err(CliError::Output(e)),
    }
}

/// Writes `text` to the file `path`; a failure is invalid usage naming the
/// file (`stancegraph: PATH: reason`).
pub fn write_file(path: &Path, text: impl AsRef<[u8]>) -> Result<(), CliError> {
    std::fs::write(path, text)
        .map_err(|e| CliError::invalid(format!("stancegraph: {}: {e}", path.display())))
}

/// Creates the directory `dir` (and its parents) for files to be written in.
pub fn create_dir(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::invalid(format!("stancegraph: {}: {e}", dir.display())))
}

/// A JSON document as printed: pretty, ending with a newline.
pub fn json(value: &serde_json::Value) -> String {
    format!("{value:#}\n")
}

/// A note for the user on stderr (what was written, what was skipped), in
/// one write; it never fails the command.
pub fn note(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
