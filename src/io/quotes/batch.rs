//! Checking the quotes of many source files at once: the files are read,
//! normalized and checked on all available cores (`std::thread::scope`,
//! workers taking the next file from a shared counter), each file's quotes
//! in one pass ([`SourceText::find_each`]), and the results are put back in
//! input order, so the output does not depend on the scheduling.

use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{QuoteMatch, QuoteMiss, SourceText};

/// The quotes to check in one text file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuoteJob {
    /// The text file (UTF-8).
    pub path: PathBuf,
    /// The quotes, each with the caller's tag (say, a position's index).
    pub quotes: Vec<(usize, String)>,
}

impl QuoteJob {
    /// A job for the file at `path`, with no quotes yet.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        QuoteJob {
            path: path.into(),
            quotes: Vec::new(),
        }
    }

    /// Adds a quote to check, with the caller's tag for it.
    pub fn with_quote(mut self, tag: usize, quote: impl Into<String>) -> Self {
        self.push(tag, quote);
        self
    }

    /// Adds a quote to check, with the caller's tag for it.
    pub fn push(&mut self, tag: usize, quote: impl Into<String>) {
        self.quotes.push((tag, quote.into()));
    }
}

/// The outcome for one quote of a [`QuoteJob`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuoteCheck {
    /// The caller's tag of the quote.
    pub tag: usize,
    /// Where the quote was found, or why not.
    pub result: Result<QuoteMatch, QuoteMiss>,
}

/// The outcome for one [`QuoteJob`]: its file could not be read, or the
/// outcome of each of its quotes.
#[derive(Debug)]
#[non_exhaustive]
pub struct FileQuotes {
    /// The job's file.
    pub path: PathBuf,
    /// The file's read error (including text that is not UTF-8, as
    /// [`io::ErrorKind::InvalidData`] naming the first bad byte's offset),
    /// or one check per quote, in the job's order.
    pub checks: Result<Vec<QuoteCheck>, io::Error>,
}

/// Checks the quotes of every job against its file, reading and checking
/// the files in parallel on [`std::thread::available_parallelism`] threads.
/// Results are in the order of `jobs`, one per job. Every job's file is read,
/// even one with no quotes, so an unreadable file is always reported; give
/// each file one job (with all its quotes) so that it is read once.
///
/// # Errors
///
/// None as such: a file that cannot be read is reported in its
/// [`FileQuotes::checks`], a quote that is not found in its check.
///
/// # Complexity
///
/// O(n + q) per file of n bytes with quotes of q bytes in all (see
/// [`SourceText::find_each`]), spread over the threads; one file's text is
/// held in memory per thread at a time.
///
/// # Examples
///
/// ```
/// use stancegraph::io::{QuoteJob, check_quote_files};
///
/// let dir = std::env::temp_dir().join(format!("quote-doc-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("speech.txt"), "We will – I promise – cut taxes.")?;
/// let jobs = [
///     QuoteJob::new(dir.join("speech.txt"))
///         .with_quote(7, "We will … cut taxes")
///         .with_quote(8, "We will raise taxes"),
///     QuoteJob::new(dir.join("missing.txt")).with_quote(9, "anything"),
/// ];
/// let results = check_quote_files(&jobs);
/// let checks = results[0].checks.as_ref().unwrap();
/// assert!(checks[0].result.is_ok());
/// assert_eq!(checks[1].tag, 8);
/// assert!(checks[1].result.is_err());
/// assert!(results[1].checks.is_err());
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn check_quote_files(jobs: &[QuoteJob]) -> Vec<FileQuotes> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(jobs.len());
    if threads <= 1 {
        return jobs.iter().map(check_job).collect();
    }
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(i) else {
                return done;
            };
            done.push((i, check_job(job)));
        }
    };
    let mut done: Vec<(usize, FileQuotes)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads).map(|_| s.spawn(worker)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

fn check_job(job: &QuoteJob) -> FileQuotes {
    let checks = read_text(job).map(|text| {
        let text = SourceText::new(&text);
        let results = text.find_each(job.quotes.iter().map(|(_, q)| q));
        job.quotes
            .iter()
            .zip(results)
            .map(|((tag, _), result)| QuoteCheck { tag: *tag, result })
            .collect()
    });
    FileQuotes {
        path: job.path.clone(),
        checks,
    }
}

fn read_text(job: &QuoteJob) -> io::Result<String> {
    let bytes = std::fs::read(&job.path)?;
    String::from_utf8(bytes).map_err(|e| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "not UTF-8 text: invalid byte at offset {}",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}
