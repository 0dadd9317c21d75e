//! The last pass of loading from files: every source's text file must be
//! readable, and every quote of a position citing a source with a file must
//! occur in that text (see [`crate::io::quotes`] for the comparison rules).
//!
//! Each text file is read once, however many sources and quotes name it,
//! and its quotes are checked together against one index of the text.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::problems::Target;
use crate::Source;
use crate::error::ProblemKind;
use crate::io::quotes;

/// A quote to find: position `id`'s quote in its source's text.
pub(crate) struct PositionQuote {
    pub(crate) id: usize,
    pub(crate) key: Option<String>,
    pub(crate) source: Arc<Source>,
    pub(crate) quote: String,
}

/// The text files a scenario needs, each with the records that name it.
#[derive(Default)]
pub(crate) struct QuotePass {
    files: BTreeMap<PathBuf, Vec<Target>>,
}

impl QuotePass {
    /// `target` names the file at `path`, which must be readable.
    pub(crate) fn need(&mut self, path: &Path, target: Target) {
        self.files.entry(path.to_owned()).or_default().push(target);
    }

    /// Reads the files and checks the quotes (if `quotes`), returning the
    /// problems: an unreadable file on each record naming it, a quote not
    /// found on its position (`target_of` names it).
    pub(crate) fn run(
        self,
        jobs: &[PositionQuote],
        quotes: bool,
        target_of: impl Fn(&PositionQuote) -> Target,
    ) -> Vec<(Target, ProblemKind)> {
        let mut problems = Vec::new();
        // Quotes by file, in job order.
        let mut by_file: BTreeMap<&Path, Vec<usize>> = BTreeMap::new();
        if quotes {
            for (k, job) in jobs.iter().enumerate() {
                if let Some(path) = job.source.text_path() {
                    by_file.entry(path).or_default().push(k);
                }
            }
        }
        let mut checks: Vec<quotes::QuoteJob> = Vec::new();
        for (path, targets) in &self.files {
            let wanted = by_file.remove(path.as_path()).unwrap_or_default();
            if wanted.is_empty() {
                if let Err(e) = std::fs::metadata(path).and_then(|m| {
                    if m.is_file() {
                        Ok(())
                    } else {
                        Err(std::io::Error::other("not a file"))
                    }
                }) {
                    for target in targets {
                        problems.push((target.clone(), unreadable(path, &e.to_string())));
                    }
                }
                continue;
            }
            let mut job = quotes::QuoteJob::new(path.clone());
            for k in wanted {
                job.push(k, jobs[k].quote.clone());
            }
            checks.push(job);
        }
        for file in quotes::check_quote_files(&checks) {
            match file.checks {
                Err(e) => {
                    for target in &self.files[&file.path] {
                        problems.push((target.clone(), unreadable(&file.path, &e.to_string())));
                    }
                }
                Ok(outcomes) => {
                    for check in outcomes {
                        if let Err(miss) = check.result {
                            problems.push((
                                target_of(&jobs[check.tag]),
                                ProblemKind::QuoteNotFound {
                                    part: miss.part,
                                    part_index: miss.index,
                                    parts: miss.parts,
                                    out_of_order: miss.out_of_order,
                                    closest: miss.closest,
                                    file: file.path.clone(),
                                },
                            ));
                        }
                    }
                }
            }
        }
        problems
    }
}

fn unreadable(path: &Path, message: &str) -> ProblemKind {
    ProblemKind::UnreadableFile {
        path: path.to_owned(),
        message: message.to_owned(),
    }
}
