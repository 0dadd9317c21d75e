//! Quote verification over files: `check_quote_files` reads every job's
//! file, checks its quotes in one pass, and reports results in input order,
//! with unreadable files as errors.

use std::io::ErrorKind;

use stancegraph::io::{QuoteJob, SourceText, check_quote_files};

use crate::common::{Lcg, scratch_dir};

const SPEECH: &str = "Mr President,\r\n\r\nWe will – I promise you – cut taxes.\n\
    « Nous ne reculerons pas », said the minister; “we won’t”.\n";

#[test]
fn quotes_in_files_are_checked_with_their_tags() {
    let dir = scratch_dir("quotes-tags");
    std::fs::write(dir.join("speech.txt"), SPEECH).unwrap();
    let jobs = [QuoteJob::new(dir.join("speech.txt"))
        .with_quote(10, "We will - I promise you - cut taxes.")
        .with_quote(11, "« Nous ne reculerons pas » […] \"we won't\"")
        .with_quote(12, "We will cut taxes")
        .with_quote(13, "")];
    let results = check_quote_files(&jobs);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].path, dir.join("speech.txt"));
    let checks = results[0].checks.as_ref().unwrap();
    let tags: Vec<usize> = checks.iter().map(|c| c.tag).collect();
    assert_eq!(tags, [10, 11, 12, 13]);
    assert!(checks[0].result.is_ok());
    assert!(checks[1].result.is_ok());
    let miss = checks[2].result.as_ref().unwrap_err();
    assert_eq!(
        miss.closest.as_deref(),
        Some("We will - I promise you - cut taxes.")
    );
    assert!(checks[3].result.is_ok());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_missing_file_is_an_error_even_without_quotes() {
    let dir = scratch_dir("quotes-missing");
    let jobs = [
        QuoteJob::new(dir.join("nowhere.txt")).with_quote(0, "x"),
        QuoteJob::new(dir.join("nowhere-either.txt")),
    ];
    let results = check_quote_files(&jobs);
    for result in &results {
        let err = result.checks.as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_naming_the_byte() {
    let dir = scratch_dir("quotes-latin1");
    // "café" in Latin-1: the é is byte 0xE9 at offset 3.
    std::fs::write(dir.join("latin1.txt"), b"caf\xe9 au lait").unwrap();
    let results = check_quote_files(&[QuoteJob::new(dir.join("latin1.txt")).with_quote(0, "caf")]);
    let err = results[0].checks.as_ref().unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidData);
    assert_eq!(err.to_string(), "not UTF-8 text: invalid byte at offset 3");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_directory_is_an_error() {
    let dir = scratch_dir("quotes-dir");
    let results = check_quote_files(&[QuoteJob::new(&*dir).with_quote(0, "x")]);
    assert!(results[0].checks.is_err());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn no_jobs_give_no_results() {
    assert!(check_quote_files(&[]).is_empty());
}

/// Many files on several threads: the results come back in input order and
/// agree, quote by quote, with checking each text on its own.
#[test]
fn results_follow_input_order_and_agree_with_single_checks() {
    let dir = scratch_dir("quotes-order");
    let words = [
        "tax",
        "peace",
        "“war”",
        "will",
        "not",
        "–",
        "the",
        "deal",
        "now,",
        "never.",
    ];
    let mut rng = Lcg::new(7);
    let mut jobs = Vec::new();
    let mut texts = Vec::new();
    for f in 0..40 {
        let text: Vec<&str> = (0..300)
            .map(|_| words[rng.next_value() as usize % words.len()])
            .collect();
        let text = text.join(if f % 2 == 0 { " " } else { "\n " });
        let path = dir.join(format!("text-{f}.txt"));
        std::fs::write(&path, &text).unwrap();
        let mut job = QuoteJob::new(path);
        for q in 0..20 {
            let len = 1 + rng.next_value() as usize % 6;
            let quote: Vec<&str> = (0..len)
                .map(|_| words[rng.next_value() as usize % words.len()])
                .collect();
            let quote = quote.join(if q % 3 == 0 { " … " } else { " " });
            job.push(f * 100 + q, quote);
        }
        jobs.push(job);
        texts.push(text);
    }
    // An unreadable file in the middle does not disturb the order.
    jobs.insert(17, QuoteJob::new(dir.join("absent.txt")).with_quote(1, "x"));
    texts.insert(17, String::new());
    let results = check_quote_files(&jobs);
    assert_eq!(results.len(), jobs.len());
    let (mut found, mut missed) = (0, 0);
    for ((job, result), text) in jobs.iter().zip(&results).zip(&texts) {
        assert_eq!(job.path, result.path);
        let Ok(checks) = &result.checks else {
            assert!(job.path.ends_with("absent.txt"));
            continue;
        };
        let source = SourceText::new(text);
        assert_eq!(checks.len(), job.quotes.len());
        for ((tag, quote), check) in job.quotes.iter().zip(checks) {
            assert_eq!(check.tag, *tag);
            assert_eq!(check.result, source.find(quote), "{quote:?}");
            if check.result.is_ok() {
                found += 1;
            } else {
                missed += 1;
            }
        }
    }
    // The test means something only if both outcomes occur.
    assert!(
        found > 100 && missed > 100,
        "{found} found, {missed} missed"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
