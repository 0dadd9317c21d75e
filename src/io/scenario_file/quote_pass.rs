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

/// A quote to find: position `id`'s quote in its source's text.
pub(crate) struct QuoteJob {
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
        jobs: &[QuoteJob],
        quotes: bool,
        target_of: impl Fn(&QuoteJob) -> Target,
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
        let mut checks: Vec<engine::FileQuotes> = Vec::new();
        let mut check_jobs: Vec<Vec<usize>> = Vec::new();
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
            checks.push(engine::FileQuotes::new(
                path.clone(),
                wanted.iter().map(|&k| jobs[k].quote.clone()).collect(),
            ));
            check_jobs.push(wanted);
        }
        let results = engine::check_files(&checks);
        for ((check, wanted), result) in checks.iter().zip(&check_jobs).zip(results) {
            match result {
                Err(message) => {
                    for target in &self.files[check.path()] {
                        problems.push((target.clone(), unreadable(check.path(), &message)));
                    }
                }
                Ok(outcomes) => {
                    for (&k, outcome) in wanted.iter().zip(outcomes) {
                        if let Err(miss) = outcome {
                            problems.push((
                                target_of(&jobs[k]),
                                ProblemKind::QuoteNotFound {
                                    part: miss.part,
                                    part_index: miss.part_index,
                                    parts: miss.parts,
                                    closest: miss.closest,
                                    file: check.path().to_owned(),
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

/// Stand-in until the quote engine lands: whitespace-folded substring search.
mod engine {
    use std::path::{Path, PathBuf};

    pub(crate) struct FileQuotes {
        path: PathBuf,
        quotes: Vec<String>,
    }

    impl FileQuotes {
        pub(crate) fn new(path: PathBuf, quotes: Vec<String>) -> Self {
            FileQuotes { path, quotes }
        }

        pub(crate) fn path(&self) -> &Path {
            &self.path
        }
    }

    pub(crate) struct Miss {
        pub(crate) part: String,
        pub(crate) part_index: usize,
        pub(crate) parts: usize,
        pub(crate) closest: Option<String>,
    }

    fn fold(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[allow(clippy::type_complexity)]
    pub(crate) fn check_files(files: &[FileQuotes]) -> Vec<Result<Vec<Result<(), Miss>>, String>> {
        files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(&f.path).map_err(|e| e.to_string())?;
                let text = fold(&text);
                Ok(f.quotes
                    .iter()
                    .map(|q| {
                        let q = fold(q);
                        if text.contains(&q) {
                            Ok(())
                        } else {
                            Err(Miss {
                                part: q,
                                part_index: 0,
                                parts: 1,
                                closest: None,
                            })
                        }
                    })
                    .collect())
            })
            .collect()
    }
}
