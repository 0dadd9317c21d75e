//! Quote verification at the scale of issue 13: 100,000 quotes checked
//! against 10,000 source texts of about 100 KB (1 GB in all), end to end
//! (read, normalize, index, check) with `check_quote_files`; and the same
//! files read and normalized with no quotes, the floor.
//!
//! `cargo bench --bench quotes` — see BENCHMARKS.md for recorded figures.
//! `QUOTES_BENCH_TEXTS=500 cargo bench --bench quotes` shrinks the corpus
//! (ten quotes per text at any size).
//!
//! The corpus is generated once, deterministically, into
//! `target/tmp/quotes-bench-<texts>/` and reused: prose-like sentences over
//! a vocabulary drawn with a skew to frequent words, with typographic
//! quotes, apostrophes and dashes, paragraphs on new lines. Quotes are
//! excerpts of 4 to 30 words; half are typed with ASCII quotes and dashes,
//! a fifth leave words out with `[…]` or `...`, and 1% are random word
//! sequences that occur nowhere.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::io::{QuoteJob, check_quote_files};

mod common;

use common::Rng;

const TEXTS: usize = 10_000;
const TEXT_BYTES: usize = 100_000;
const QUOTES_PER_TEXT: usize = 10;

/// The corpus: one job per text, and how many quotes are absent.
struct Corpus {
    jobs: Vec<QuoteJob>,
    absent: usize,
    bytes: u64,
}

fn vocabulary(rng: &mut Rng) -> Vec<String> {
    const COMMON: [&str; 24] = [
        "the", "of", "and", "to", "in", "a", "is", "that", "we", "will", "not", "for", "it", "on",
        "our", "this", "with", "be", "are", "as", "have", "they", "by", "all",
    ];
    const SYLLABLES: [&str; 24] = [
        "ta", "ri", "on", "mel", "por", "sa", "ven", "gu", "li", "da", "ko", "ne", "stra", "pi",
        "el", "mo", "ru", "an", "te", "vi", "gar", "sol", "be", "tion",
    ];
    let mut words: Vec<String> = COMMON.iter().map(|w| (*w).to_owned()).collect();
    while words.len() < 4_000 {
        let mut w = String::new();
        for _ in 0..1 + rng.below(4) {
            w.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
        }
        words.push(w);
    }
    words
}

/// A word, skewed towards the front of the vocabulary (frequent words).
fn word<'a>(rng: &mut Rng, words: &'a [String]) -> &'a str {
    let u = rng.below(1 << 20) as f64 / f64::from(1 << 20);
    &words[(u * u * u * words.len() as f64) as usize]
}

/// About `TEXT_BYTES` of prose.
fn text(rng: &mut Rng, words: &[String]) -> String {
    let mut text = String::with_capacity(TEXT_BYTES + 512);
    while text.len() < TEXT_BYTES {
        let len = 6 + rng.below(20);
        let quoted = rng.below(6) == 0;
        if quoted {
            text.push('“');
        }
        for i in 0..len {
            let w = word(rng, words);
            if i == 0 {
                let mut chars = w.chars();
                if let Some(c) = chars.next() {
                    text.extend(c.to_uppercase());
                    text.push_str(chars.as_str());
                }
            } else {
                text.push_str(w);
            }
            match rng.below(40) {
                0 => text.push_str("’s"),
                1 => text.push(','),
                2 if i + 1 < len => text.push_str(" –"),
                _ => {}
            }
            if i + 1 < len {
                text.push(' ');
            }
        }
        text.push('.');
        if quoted {
            text.push('”');
        }
        text.push_str(if rng.below(8) == 0 { "\n\n" } else { " " });
    }
    text
}

/// A quote for `text`: an excerpt as typed by an analyst, or (1%) words
/// that occur nowhere. Returns the quote and whether it is absent.
fn quote(rng: &mut Rng, text: &str, words: &[String]) -> (String, bool) {
    if rng.below(100) == 0 {
        let absent: Vec<&str> = (0..10).map(|_| word(rng, words)).collect();
        return (absent.join(" "), true);
    }
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let len = 4 + rng.below(27);
    let start = rng.below(tokens.len() - 2 * len);
    let mut quote = tokens[start..start + len].join(" ");
    if rng.below(5) == 0 {
        let gap = 1 + rng.below(len);
        let more = tokens[start + len + gap..start + 2 * len].join(" ");
        let mark = if rng.below(2) == 0 { " […] " } else { "... " };
        quote = format!("{quote}{mark}{more}");
    }
    if rng.below(2) == 0 {
        quote = quote
            .replace(['“', '”'], "\"")
            .replace('’', "'")
            .replace('–', "-");
    }
    (quote, false)
}

/// Writes the corpus under `dir` (texts, then the quote list last, so that
/// a complete list means a complete corpus).
fn generate(dir: &Path, texts: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut rng = Rng::new(0x0009_07e5);
    let words = vocabulary(&mut rng);
    let mut list = String::new();
    for t in 0..texts {
        let body = text(&mut rng, &words);
        std::fs::write(dir.join(format!("text-{t:05}.txt")), &body)?;
        for _ in 0..QUOTES_PER_TEXT {
            let (q, absent) = quote(&mut rng, &body, &words);
            writeln!(list, "{t}\t{}\t{q}", u8::from(absent)).unwrap();
        }
    }
    std::fs::write(dir.join("quotes.tsv"), list)
}

fn corpus(texts: usize) -> Corpus {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("quotes-bench-{texts}"));
    let list_path = dir.join("quotes.tsv");
    if !list_path.exists() {
        eprintln!("generating the quote corpus in {}", dir.display());
        generate(&dir, texts).unwrap();
    }
    let mut jobs: Vec<QuoteJob> = (0..texts)
        .map(|t| QuoteJob::new(dir.join(format!("text-{t:05}.txt"))))
        .collect();
    let mut absent = 0;
    let list = std::fs::read_to_string(list_path).unwrap();
    for (i, line) in list.lines().enumerate() {
        let mut fields = line.splitn(3, '\t');
        let t: usize = fields.next().unwrap().parse().unwrap();
        absent += usize::from(fields.next() == Some("1"));
        jobs[t].push(i, fields.next().unwrap());
    }
    let bytes = jobs
        .iter()
        .map(|j| std::fs::metadata(&j.path).unwrap().len())
        .sum();
    Corpus {
        jobs,
        absent,
        bytes,
    }
}

fn misses(jobs: &[QuoteJob]) -> usize {
    check_quote_files(jobs)
        .iter()
        .map(|f| {
            let checks = f.checks.as_ref().unwrap();
            checks.iter().filter(|c| c.result.is_err()).count()
        })
        .sum()
}

fn quotes(c: &mut Criterion) {
    let texts = std::env::var("QUOTES_BENCH_TEXTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(TEXTS);
    let corpus = corpus(texts);
    // Every excerpt is found and every absent quote missed.
    assert_eq!(misses(&corpus.jobs), corpus.absent);
    let quotes = texts * QUOTES_PER_TEXT;
    let bare: Vec<QuoteJob> = corpus
        .jobs
        .iter()
        .map(|j| QuoteJob::new(j.path.clone()))
        .collect();

    let mut group = c.benchmark_group("quotes");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(corpus.bytes));
    group.bench_function(BenchmarkId::new("read_normalize", texts), |b| {
        b.iter(|| check_quote_files(&bare).len())
    });
    group.bench_function(BenchmarkId::new("check", quotes), |b| {
        b.iter(|| misses(&corpus.jobs))
    });
    group.finish();
}

criterion_group!(benches, quotes);
criterion_main!(benches);
