//! Quote verification: does a position's quote occur in its source's text?
//!
//! A quote is compared with the text it cites in a *comparison form* that
//! forgives typography but not wording, and an omission marked in the quote
//! splits it into parts that must occur in the text in order. A quote that
//! is not found comes back as a [`QuoteMiss`] naming the missing part and the
//! passage of the text most like it, so that a typo is one glance away.
//!
//! # The comparison form
//!
//! [`normalize_quote_text`] applies, to quotes and texts alike:
//!
//! 1. Unicode NFKC: compatibility forms become plain ones (full-width `Ａ` →
//!    `A`, the ligature `ﬁ` → `fi`, `²` → `2`, no-break space → space, `…` →
//!    `...`), and letters with combining marks are composed (`e` + U+0301 →
//!    `é`).
//! 2. Typographic single quotes and apostrophes `‘ ’ ‚ ‛ ‹ ›` become `'`;
//!    double quotes and guillemets `“ ” „ ‟ « »` become `"`.
//! 3. Dashes and the minus sign `‐ ‑ ‒ – — ― −` (U+2010 to U+2015, U+2212)
//!    become `-`.
//! 4. Invisible formatting characters are removed: soft hyphen (U+00AD),
//!    zero-width space (U+200B), word joiner (U+2060) and the byte-order
//!    mark (U+FEFF).
//! 5. Every run of white space (Unicode `White_Space`: spaces, tabs, line
//!    breaks, no-break and ideographic spaces) becomes one space; leading and
//!    trailing white space is removed.
//!
//! Case is kept: `Peace` does not match `peace`. Matching is plain substring
//! search in the comparison form, so a quote may start or end inside a word.
//!
//! # Omissions
//!
//! [`quote_parts`] cuts a quote at `…`, `[…]`, `(…)`, `[...]`, `(...)` and at
//! any run of three or more dots (brackets and the spaces inside them go with
//! the ellipsis). The parts must occur in the text in order, each starting
//! at or after the end of the one before. A quote with no parts (empty, or
//! only ellipses) is found trivially.
//!
//! # Checking many quotes
//!
//! A [`SourceText`] is normalized once. [`SourceText::find_each`] checks many
//! quotes against it with one search per distinct part for the first
//! occurrence of every part: up to 64 distinct parts, each is searched on
//! its own with `memchr::memmem` (vectorized, several GB/s: measured three
//! times faster than an automaton at ten quotes per text); beyond that, one
//! Aho–Corasick automaton over all of them scans the text once, reporting
//! overlapping matches until every part was seen. Either way the cost is
//! linear in the text: O(n · min(k, 64) + q) for a text of n bytes, k
//! distinct parts and quotes of q bytes, never O(k · n) for large k.
//! The parts of each quote are then placed in order from that table, and
//! only when a part's first occurrence lies before the end of the previous
//! part is the text searched again from there. Placing each part at its
//! earliest occurrence after the previous one is optimal: if any in-order
//! placement exists, this one finds it. [`check_quote_files`] does this for
//! many text files at once, on all available cores, with results in input
//! order.
//!
//! The hint of a miss ([`QuoteMiss::closest`]) is computed only for misses;
//! `closest.rs` explains how.

mod batch;
mod closest;
mod normalize;

use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem;

use crate::util::words::shorten;

pub use batch::{FileQuotes, QuoteCheck, QuoteJob, check_quote_files};
pub use normalize::{normalize_quote_text, quote_parts};

use closest::WordIndex;

/// Where a quote was found: the byte range of each of its parts in the
/// comparison form of the text ([`SourceText::normalized`]), in order.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuoteMatch {
    /// One range per part of the quote, in order and not overlapping; empty
    /// for a quote without parts.
    pub ranges: Vec<Range<usize>>,
}

/// Why a quote was not found: the first part of it that could not be placed
/// after the parts before it (which were all found, in order), and the
/// passage of the text most like it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuoteMiss {
    /// The missing part, in the comparison form.
    pub part: String,
    /// Its index among the parts (0 for the first); the parts before it were
    /// found in order.
    pub index: usize,
    /// How many parts the quote has (1 for a quote without omissions).
    pub parts: usize,
    /// Whether the part does occur in the text, but only before the end of
    /// the part before it: the quote's parts are out of order.
    pub out_of_order: bool,
    /// The passage of the text (in the comparison form) most like the part:
    /// about as many words, cut at word boundaries; for a part out of order,
    /// the part itself. `None` when nothing in the text resembles it.
    pub closest: Option<String>,
}

impl QuoteMiss {
    /// Whether some parts before the missing one were found (in order).
    pub fn earlier_parts_found(&self) -> bool {
        self.index > 0
    }
}

/// Up to this many distinct parts per text, each is searched on its own
/// (see the module header).
const SCAN_EACH_UP_TO: usize = 64;

/// Parts are shortened to this many characters in messages.
const SHOWN_PART: usize = 60;

impl fmt::Display for QuoteMiss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = shorten(&self.part, SHOWN_PART);
        if self.out_of_order {
            return write!(
                f,
                "part {} of {} (\"{part}\") occurs in the text only before part {}: \
                 the parts are out of order",
                self.index + 1,
                self.parts,
                self.index
            );
        }
        match (self.parts, self.index) {
            (1, _) => write!(f, "quote not found in the text")?,
            (n, 0) => write!(f, "part 1 of {n} (\"{part}\") not found in the text")?,
            (n, i) => write!(
                f,
                "part {} of {n} (\"{part}\") not found after part {i}",
                i + 1
            )?,
        }
        match &self.closest {
            Some(passage) => write!(f, "; closest passage: \"{passage}\""),
            None => write!(f, "; nothing in the text resembles it"),
        }
    }
}

/// A source text, normalized once, to check quotes against.
///
/// The text is held in the [comparison form](self#the-comparison-form);
/// the index behind [`QuoteMiss::closest`] is built on the first miss.
///
/// # Examples
///
/// ```
/// use stancegraph::io::SourceText;
///
/// let text = SourceText::new("He said: “We will never give up.\nNever.” Then he left.");
/// assert!(text.find("\"We will never give up. Never.\"").is_ok());
/// assert!(text.find("We will […] give up").is_ok());
///
/// let miss = text.find("We will never give in").unwrap_err();
/// assert_eq!(miss.closest.as_deref(), Some("\"We will never give up."));
/// ```
#[derive(Clone, Debug)]
pub struct SourceText {
    text: String,
    words: OnceLock<WordIndex>,
}

impl SourceText {
    /// The text in the comparison form.
    ///
    /// # Complexity
    ///
    /// O(n) for a text of n bytes.
    pub fn new(text: &str) -> Self {
        SourceText {
            text: normalize_quote_text(text),
            words: OnceLock::new(),
        }
    }

    /// The text in the comparison form: what quotes are compared with, and
    /// what the ranges of a [`QuoteMatch`] point into.
    pub fn normalized(&self) -> &str {
        &self.text
    }

    /// Finds `quote` in the text: every part of it, in order.
    ///
    /// # Errors
    ///
    /// A [`QuoteMiss`] when a part cannot be placed after the ones before it.
    ///
    /// # Complexity
    ///
    /// O(n) per part for a text of n bytes; a miss adds O(n) for the hint.
    /// For many quotes use [`find_each`](Self::find_each).
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::io::SourceText;
    ///
    /// let text = SourceText::new("One, two, three.");
    /// let found = text.find("One … three")?;
    /// assert_eq!(found.ranges, [0..3, 10..15]);
    /// let miss = text.find("three … One").unwrap_err();
    /// assert!(miss.out_of_order);
    /// # Ok::<(), stancegraph::io::QuoteMiss>(())
    /// ```
    pub fn find(&self, quote: &str) -> Result<QuoteMatch, QuoteMiss> {
        let parts = quote_parts(quote);
        let first: Vec<Option<usize>> = parts
            .iter()
            .map(|p| memmem::find(self.text.as_bytes(), p.as_bytes()))
            .collect();
        self.place(&parts, &first)
    }

    /// Finds each of `quotes` in the text, as [`find`](Self::find) would,
    /// scanning the text once for all of them. Results are in the order of
    /// `quotes`.
    ///
    /// # Complexity
    ///
    /// O(n · min(k, 64) + q + r) for a text of n bytes, k distinct parts,
    /// quotes of q bytes in all and, beyond 64 parts, r occurrences of parts
    /// up to the first of each (the automaton reports every occurrence it
    /// meets and stops once every part was seen); plus O(n) for a part whose
    /// first occurrence lies before the end of the part before it, and O(n)
    /// per miss for the hint.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::io::SourceText;
    ///
    /// let text = SourceText::new("The tax will rise next year. Wages will not.");
    /// let results = text.find_each(["The tax will rise", "Wages will not rise", "will … not"]);
    /// assert!(results[0].is_ok() && results[2].is_ok());
    /// assert_eq!(
    ///     results[1].as_ref().unwrap_err().to_string(),
    ///     "quote not found in the text; closest passage: \"Wages will not.\""
    /// );
    /// ```
    pub fn find_each<I, S>(&self, quotes: I) -> Vec<Result<QuoteMatch, QuoteMiss>>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let quotes: Vec<Vec<String>> = quotes
            .into_iter()
            .map(|q| quote_parts(q.as_ref()))
            .collect();
        // Distinct parts become the automaton's patterns.
        let mut ids: std::collections::HashMap<&str, usize, foldhash::fast::RandomState> =
            Default::default();
        let mut patterns: Vec<&str> = Vec::new();
        let pattern_ids: Vec<Vec<usize>> = quotes
            .iter()
            .map(|parts| {
                parts
                    .iter()
                    .map(|p| {
                        *ids.entry(p.as_str()).or_insert_with(|| {
                            patterns.push(p);
                            patterns.len() - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let table = self.first_occurrences(&patterns);
        quotes
            .iter()
            .zip(&pattern_ids)
            .map(|(parts, ids)| {
                let first: Vec<Option<usize>> = ids.iter().map(|&id| table[id]).collect();
                self.place(parts, &first)
            })
            .collect()
    }

    /// The start of the first occurrence of each pattern in the text.
    fn first_occurrences(&self, patterns: &[&str]) -> Vec<Option<usize>> {
        let mut first = vec![None; patterns.len()];
        if patterns.is_empty() {
            return first;
        }
        let automaton = (patterns.len() > SCAN_EACH_UP_TO)
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(patterns)
                    .ok()
            })
            .flatten();
        let Some(automaton) = automaton else {
            // Few patterns (or beyond the automaton's size limits): one
            // vectorized search per pattern.
            for (slot, p) in first.iter_mut().zip(patterns) {
                *slot = memmem::find(self.text.as_bytes(), p.as_bytes());
            }
            return first;
        };
        let mut missing = patterns.len();
        // Overlapping matches come in order of their end, so the first one
        // reported for a pattern is its leftmost.
        for m in automaton.find_overlapping_iter(&self.text) {
            let slot = &mut first[m.pattern().as_usize()];
            if slot.is_none() {
                *slot = Some(m.start());
                missing -= 1;
                if missing == 0 {
                    break;
                }
            }
        }
        first
    }

    /// Places `parts` in order, each at its earliest occurrence after the
    /// previous one; `first` holds the first occurrence of each part anywhere.
    fn place(&self, parts: &[String], first: &[Option<usize>]) -> Result<QuoteMatch, QuoteMiss> {
        let mut ranges = Vec::with_capacity(parts.len());
        let mut end = 0;
        for (i, (part, &first)) in parts.iter().zip(first).enumerate() {
            let at = match first {
                None => return Err(self.miss(parts, i, false)),
                Some(at) if at >= end => at,
                Some(_) => match memmem::find(&self.text.as_bytes()[end..], part.as_bytes()) {
                    Some(offset) => end + offset,
                    None => return Err(self.miss(parts, i, true)),
                },
            };
            end = at + part.len();
            ranges.push(at..end);
        }
        Ok(QuoteMatch { ranges })
    }

    fn miss(&self, parts: &[String], index: usize, out_of_order: bool) -> QuoteMiss {
        let part = &parts[index];
        let closest = if out_of_order {
            Some(part.clone())
        } else {
            self.words
                .get_or_init(|| WordIndex::new(&self.text))
                .closest(&self.text, part)
        };
        QuoteMiss {
            part: part.clone(),
            index,
            parts: parts.len(),
            out_of_order,
            closest,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const SPEECH: &str = "Thank you all for coming.\n\nThe tax will rise next year, \
        and we will not apologise for it. Our schools need the money; our \
        hospitals need it more. I have said it before – and I’ll say it again: \
        “no child left behind” is a promise, not a slogan. Questions?";

    fn speech() -> SourceText {
        SourceText::new(SPEECH)
    }

    fn closest(text: &SourceText, quote: &str) -> Option<String> {
        text.find(quote).unwrap_err().closest
    }

    #[test]
    fn quotes_match_across_typography_and_line_breaks() {
        let t = speech();
        assert!(t.find("coming. The tax").is_ok());
        assert!(
            t.find("I have said it before - and I'll say it again")
                .is_ok()
        );
        assert!(t.find("\"no child left behind\"").is_ok());
        assert!(t.find("«no child left behind»").is_ok());
        assert!(t.find("“no child   left\nbehind”").is_ok());
        assert!(t.find("The Tax will rise").is_err(), "case-sensitive");
    }

    #[test]
    fn ranges_point_into_the_normalized_text() {
        let t = speech();
        let found = t.find("The tax […] year … not apologise").unwrap();
        let got: Vec<&str> = found
            .ranges
            .iter()
            .map(|r| &t.normalized()[r.clone()])
            .collect();
        assert_eq!(got, ["The tax", "year", "not apologise"]);
    }

    #[test]
    fn parts_must_occur_in_order() {
        let t = speech();
        assert!(t.find("schools … hospitals").is_ok());
        let miss = t.find("hospitals … schools").unwrap_err();
        assert!(miss.out_of_order);
        assert_eq!((miss.index, miss.parts), (1, 2));
        assert!(miss.earlier_parts_found());
        assert_eq!(miss.closest.as_deref(), Some("schools"));
        assert_eq!(
            miss.to_string(),
            "part 2 of 2 (\"schools\") occurs in the text only before part 1: \
             the parts are out of order"
        );
    }

    #[test]
    fn a_repeated_part_is_found_after_the_previous_one() {
        let t = SourceText::new("need the money; need it more");
        // "need" first occurs before the end of "money": searched again from there.
        let found = t.find("money … need").unwrap();
        assert_eq!(found.ranges, [9..14, 16..20]);
        assert!(t.find("need … need … need").is_err());
        let found = t.find_each(["need … need", "it … need"]);
        assert_eq!(found[0].as_ref().unwrap().ranges, [0..4, 16..20]);
        assert!(found[1].as_ref().unwrap_err().out_of_order);
    }

    #[test]
    fn parts_do_not_overlap() {
        let t = SourceText::new("abcab");
        assert!(t.find("abc … cab").is_err());
        assert!(t.find("abc … ab").is_ok());
    }

    #[test]
    fn an_empty_quote_is_found_trivially() {
        let t = speech();
        assert!(t.find("").unwrap().ranges.is_empty());
        assert!(t.find(" […] ").unwrap().ranges.is_empty());
        assert!(SourceText::new("").find("").is_ok());
    }

    #[test]
    fn a_quote_against_an_empty_text_misses_without_a_hint() {
        let miss = SourceText::new("  ").find("anything").unwrap_err();
        assert_eq!(miss.closest, None);
        assert_eq!(
            miss.to_string(),
            "quote not found in the text; nothing in the text resembles it"
        );
    }

    /// Asserts the hint for each quote missing from the speech.
    fn assert_hints(cases: &[(&str, &str)]) {
        let t = speech();
        for (quote, hint) in cases {
            assert_eq!(closest(&t, quote).as_deref(), Some(*hint), "{quote}");
        }
    }

    #[test]
    fn a_typo_points_at_its_sentence() {
        assert_hints(&[
            (
                "The tax will rsie next year",
                "The tax will rise next year,",
            ),
            ("Our schols need the money", "Our schools need the money;"),
            // A typo in the first or the last word.
            ("Tha tax will rise", "The tax will rise"),
            ("hospitals need it mroe.", "hospitals need it more."),
        ]);
    }

    #[test]
    fn a_changed_word_points_at_its_sentence() {
        assert_hints(&[
            (
                "we will not apologize for it",
                "we will not apologise for it.",
            ),
            (
                "The tax will fall next year",
                "The tax will rise next year,",
            ),
            ("is a promise, not a threat.", "is a promise, not a slogan."),
            ("Taxes will rise next year", "tax will rise next year,"),
        ]);
    }

    #[test]
    fn an_unmarked_omission_points_at_the_whole_passage() {
        assert_hints(&[
            (
                "The tax will rise next year, we will not apologise",
                "The tax will rise next year, and we will not apologise",
            ),
            (
                "I have said it before: no child left behind",
                "I have said it before - and I'll say it again: \"no child left behind\"",
            ),
        ]);
    }

    #[test]
    fn a_paraphrase_points_at_its_sentence() {
        let t = speech();
        let hint = closest(
            &t,
            "Taxes are going to go up next year, and we won't say sorry",
        )
        .unwrap();
        assert!(hint.contains("rise next year"), "{hint}");
        let hint = closest(&t, "hospitals need money even more than schools").unwrap();
        assert!(hint.contains("hospitals need it more"), "{hint}");
    }

    #[test]
    fn a_quote_unlike_the_text_has_no_hint() {
        let t = speech();
        assert_eq!(
            closest(&t, "Elephants dance gracefully under moonlight"),
            None
        );
        // One shared common word is no resemblance.
        assert_eq!(
            closest(&t, "the quick brown fox jumps over lazy dogs"),
            None
        );
    }

    #[test]
    fn a_missing_part_is_named_with_its_hint() {
        let t = speech();
        let miss = t
            .find("The tax will rise […] our hospitals need it less")
            .unwrap_err();
        assert_eq!((miss.index, miss.parts, miss.out_of_order), (1, 2, false));
        assert_eq!(miss.part, "our hospitals need it less");
        assert_eq!(miss.closest.as_deref(), Some("our hospitals need it more."));
        assert_eq!(
            miss.to_string(),
            "part 2 of 2 (\"our hospitals need it less\") not found after part 1; \
             closest passage: \"our hospitals need it more.\""
        );
        let miss = t.find("Zebras […] The tax").unwrap_err();
        assert_eq!((miss.index, miss.earlier_parts_found()), (0, false));
        assert!(
            miss.to_string()
                .starts_with("part 1 of 2 (\"Zebras\") not found in the text")
        );
    }

    #[test]
    fn long_parts_are_shortened_in_messages() {
        let t = SourceText::new("short");
        let long = "word ".repeat(40);
        let miss = t.find(&format!("short … {long}")).unwrap_err();
        let message = miss.to_string();
        assert!(message.contains("…\") not found after part 1"), "{message}");
        assert!(message.len() < 150, "{message}");
    }

    #[test]
    fn huge_texts_are_searched_to_the_end() {
        let mut text =
            "Lorem ipsum dolor sit amet, consectetur — adipiscing elit.\n".repeat(100_000);
        text.push_str("The last words “here”.");
        let t = SourceText::new(&text);
        let found = t.find("elit. The last words \"here\".").unwrap();
        assert_eq!(found.ranges[0].end, t.normalized().len());
        let results = t.find_each(["Lorem … here", "The last words there"]);
        assert!(results[0].is_ok());
        assert_eq!(
            results[1].as_ref().unwrap_err().closest.as_deref(),
            Some("The last words \"here\".")
        );
    }

    /// Brute force: whether `parts` can be placed in order in `text`, by
    /// trying every occurrence of every part.
    fn placeable(text: &str, parts: &[String], from: usize) -> bool {
        let Some((first, rest)) = parts.split_first() else {
            return true;
        };
        (from..=text.len())
            .filter(|&i| text[i..].starts_with(first.as_str()))
            .any(|i| placeable(text, rest, i + first.len()))
    }

    proptest! {
        #[test]
        fn find_and_find_each_agree_with_brute_force(
            text in "[ab ]{0,24}",
            quotes in proptest::collection::vec("[ab ]{0,4}(…[ab ]{1,3}){0,3}", 1..6),
        ) {
            let t = SourceText::new(&text);
            let each = t.find_each(&quotes);
            for (q, batch) in quotes.iter().zip(&each) {
                let single = t.find(q);
                prop_assert_eq!(&single, batch);
                let parts = quote_parts(q);
                prop_assert_eq!(single.is_ok(), placeable(t.normalized(), &parts, 0));
                if let Ok(m) = single {
                    for (r, p) in m.ranges.iter().zip(&parts) {
                        prop_assert_eq!(&t.normalized()[r.clone()], p.as_str());
                    }
                    prop_assert!(m.ranges.windows(2).all(|w| w[0].end <= w[1].start));
                }
            }
        }

        /// Enough distinct parts for the automaton (more than 64).
        #[test]
        fn the_automaton_agrees_with_single_searches(
            text in "[abc ]{0,300}",
            quotes in proptest::collection::vec("[abc]{1,6}( … [abc]{1,6}){0,2}", 70..120),
        ) {
            let t = SourceText::new(&text);
            let distinct: std::collections::HashSet<String> =
                quotes.iter().flat_map(|q| quote_parts(q)).collect();
            prop_assert!(distinct.len() > SCAN_EACH_UP_TO);
            let each = t.find_each(&quotes);
            for (q, batch) in quotes.iter().zip(&each) {
                prop_assert_eq!(&t.find(q), batch);
            }
        }
    }
}
