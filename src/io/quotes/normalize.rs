//! The comparison form of quotes and source texts, and the split of a quote
//! at its ellipses; the rules are listed in the module header of `quotes`.
//!
//! NFKC is applied run by run: a run is a stretch of non-ASCII text together
//! with the ASCII character just before it (which may combine with it, as
//! `e` with U+0301 into `é`). A cut before an ASCII character is safe: ASCII
//! characters are starters that decompose to themselves and are never the
//! second half of a composition, so NFKC of the whole is NFKC of the pieces.
//! ASCII text, NFKC's identity, is copied byte by byte, and a run that the
//! quick check declares normalized skips NFKC.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// What one character of NFKC output becomes in the comparison form.
enum Folded {
    /// The character itself or its fold.
    Char(char),
    /// White space: part of a run that becomes one space.
    Space,
    /// An invisible formatting character: removed.
    Drop,
}

fn fold(c: char) -> Folded {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' => {
            Folded::Char('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => {
            Folded::Char('"')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Folded::Char('-'),
        '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Folded::Drop,
        c if c.is_whitespace() => Folded::Space,
        c => Folded::Char(c),
    }
}

/// A visible ASCII character: nothing to do but copy it.
fn is_plain(b: u8) -> bool {
    (b'!'..=b'~').contains(&b)
}

/// Eight copies of a byte.
const fn lanes(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The end of the run of visible ASCII characters and single spaces that
/// starts at `start` (a visible character), not counting a space at its
/// end. Eight bytes at a time: a lane is flagged when it is below `!`
/// (controls, white space) or above `~` (DEL, non-ASCII), or a space
/// followed by another; single spaces pass. The lowest flagged lane is
/// exact (a borrow or carry only runs upward from a flagged lane), and a
/// stray flag higher up only ends the run early, which the caller handles.
fn plain_run_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    loop {
        let Some(chunk) = bytes.get(i..i + 8) else {
            // Fewer than eight bytes left: one at a time.
            while i < bytes.len()
                && (is_plain(bytes[i]) || (bytes[i] == b' ' && bytes.get(i + 1) != Some(&b' ')))
            {
                i += 1;
            }
            break;
        };
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let high = lanes(0x80);
        let below = x.wrapping_sub(lanes(b' ')) & !x & high;
        let above = (x.wrapping_add(lanes(0x7f - b'~')) | x) & high;
        let space = {
            let t = x ^ lanes(b' ');
            t.wrapping_sub(lanes(1)) & !t & high
        };
        let stop = below | above | (space & (space >> 8));
        if stop != 0 {
            i += (stop.trailing_zeros() / 8) as usize;
            break;
        }
        // A space in the last lane followed by another ends the run there.
        if chunk[7] == b' ' && bytes.get(i + 8) == Some(&b' ') {
            i += 7;
            break;
        }
        i += 8;
    }
    // Single spaces pass, but one must not end the run.
    if bytes[i - 1] == b' ' {
        i -= 1;
    }
    i
}

/// A typographic quote or dash: unchanged by NFKC, combining with
/// nothing, and folded.
fn is_typographic(c: char) -> bool {
    matches!(
        c,
        '\u{2010}'..='\u{2015}' | '\u{2018}'..='\u{201F}' | '\u{2039}' | '\u{203A}' | '«' | '»'
    )
}

/// ASCII white space as `char::is_whitespace` sees it (space, tab, line
/// feed, vertical tab, form feed, carriage return).
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Writes the comparison form: spaces are held back until the next visible
/// character, so runs collapse and both ends are trimmed.
struct Writer {
    out: String,
    space: bool,
}

impl Writer {
    /// Writes the held-back space, if any, before visible text.
    #[inline]
    fn flush_space(&mut self) {
        if self.space {
            if !self.out.is_empty() {
                self.out.push(' ');
            }
            self.space = false;
        }
    }

    #[inline]
    fn visible(&mut self, c: char) {
        self.flush_space();
        self.out.push(c);
    }

    /// Writes text that is in the comparison form and starts and ends with
    /// a visible character.
    #[inline]
    fn visible_str(&mut self, s: &str) {
        self.flush_space();
        self.out.push_str(s);
    }

    fn folded(&mut self, c: char) {
        match fold(c) {
            Folded::Char(c) => self.visible(c),
            Folded::Space => self.space = true,
            Folded::Drop => {}
        }
    }
}

/// The comparison form of a quote or a source text: Unicode NFKC, then
/// typographic quotes, apostrophes and dashes folded to their ASCII forms,
/// invisible formatting characters removed, every run of white space made one
/// space, and both ends trimmed. Case is kept. Every rule is listed in the
/// [module header](crate::io::quotes#the-comparison-form).
///
/// # Complexity
///
/// O(n) for a text of n bytes; ASCII text is copied byte by byte.
///
/// # Examples
///
/// ```
/// use stancegraph::io::normalize_quote_text;
///
/// assert_eq!(
///     normalize_quote_text("  «Don’t  –\n\u{a0}ever»  "),
///     "\"Don't - ever\""
/// );
/// // NFKC: full-width letters and ligatures become plain ones; … becomes ...
/// assert_eq!(normalize_quote_text("Ｗａｉｔ… ﬁne"), "Wait... fine");
/// ```
pub fn normalize_quote_text(text: &str) -> String {
    let mut w = Writer {
        out: String::with_capacity(text.len()),
        space: false,
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if is_plain(b) {
            // A run of visible ASCII words with single spaces between them is
            // already in the comparison form: copied at once.
            let start = i;
            i = plain_run_end(bytes, i);
            w.visible_str(&text[start..i]);
            continue;
        }
        if b.is_ascii() {
            if is_ascii_space(b) {
                w.space = true;
            } else {
                w.visible(char::from(b));
            }
            i += 1;
            continue;
        }
        let end = bytes[i..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |p| i + p);
        // Typographic quotes and dashes, the common case in prose, are NFKC
        // starters that combine with nothing: folded at once.
        if text[i..end].chars().all(is_typographic) {
            text[i..end].chars().for_each(|c| w.folded(c));
            i = end;
            continue;
        }
        // The visible ASCII character before the run may combine with it, so
        // it is taken back and normalized with the run.
        let mut start = i;
        if i > 0 && !is_ascii_space(bytes[i - 1]) {
            w.out.pop();
            start = i - 1;
        }
        let run = &text[start..end];
        if is_nfkc_quick(run.chars()) == IsNormalized::Yes {
            run.chars().for_each(|c| w.folded(c));
        } else {
            run.nfkc().for_each(|c| w.folded(c));
        }
        i = end;
    }
    w.out
}

/// The parts of a quote, each in the comparison form of
/// [`normalize_quote_text`]: the quote is cut at every ellipsis that marks an
/// omission — `…`, `[…]`, `(…)`, `[...]`, `(...)` and any run of three or
/// more dots (NFKC makes `…` three dots), brackets and the spaces inside them
/// included — and each part is trimmed; empty parts are dropped, so a quote
/// of nothing but ellipses has no parts.
///
/// # Complexity
///
/// O(n) for a quote of n bytes.
///
/// # Examples
///
/// ```
/// use stancegraph::io::quote_parts;
///
/// assert_eq!(
///     quote_parts("We will […] never give up… on “peace”"),
///     ["We will", "never give up", "on \"peace\""]
/// );
/// assert_eq!(quote_parts("[...] the rest"), ["the rest"]);
/// assert!(quote_parts(" … ").is_empty());
/// ```
pub fn quote_parts(quote: &str) -> Vec<String> {
    let text = normalize_quote_text(quote);
    let bytes = text.as_bytes();
    let mut parts = Vec::new();
    let mut part_start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'.' {
            i += 1;
            continue;
        }
        let dots = bytes[i..].iter().take_while(|&&b| b == b'.').count();
        if dots < 3 {
            i += dots;
            continue;
        }
        let (cut_start, cut_end) = bracketed(bytes, i, i + dots).unwrap_or((i, i + dots));
        push_part(&mut parts, &text[part_start..cut_start]);
        part_start = cut_end;
        i = cut_end;
    }
    push_part(&mut parts, &text[part_start..]);
    parts
}

/// The extent of the brackets around the dots at `start..end`, when they
/// are enclosed as `[...]`, `(...)` or with a space inside (`[ ... ]`).
fn bracketed(bytes: &[u8], start: usize, end: usize) -> Option<(usize, usize)> {
    let mut open = start;
    if open > 0 && bytes[open - 1] == b' ' {
        open -= 1;
    }
    let mut close = end;
    if bytes.get(close) == Some(&b' ') {
        close += 1;
    }
    let closing = match *bytes.get(open.checked_sub(1)?)? {
        b'[' => b']',
        b'(' => b')',
        _ => return None,
    };
    (bytes.get(close) == Some(&closing)).then_some((open - 1, close + 1))
}

fn push_part(parts: &mut Vec<String>, part: &str) {
    let part = part.trim_matches(' ');
    if !part.is_empty() {
        parts.push(part.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> String {
        normalize_quote_text(text)
    }

    #[test]
    fn single_quotes_and_apostrophes_fold_to_ascii() {
        for c in [
            '\u{2018}', '\u{2019}', '\u{201A}', '\u{201B}', '\u{2039}', '\u{203A}',
        ] {
            assert_eq!(n(&format!("a{c}b")), "a'b", "{c:?}");
        }
        // Full-width apostrophe: by NFKC.
        assert_eq!(n("don\u{FF07}t"), "don't");
    }

    #[test]
    fn double_quotes_and_guillemets_fold_to_ascii() {
        for c in ['\u{201C}', '\u{201D}', '\u{201E}', '\u{201F}', '«', '»'] {
            assert_eq!(n(&format!("a{c}b")), "a\"b", "{c:?}");
        }
        assert_eq!(n("„Ja“, sagte er"), "\"Ja\", sagte er");
        assert_eq!(n("« oui »"), "\" oui \"");
    }

    #[test]
    fn dashes_and_minus_fold_to_hyphen_minus() {
        for c in [
            '–', '—', '−', '\u{2010}', '\u{2011}', '\u{2012}', '\u{2015}',
        ] {
            assert_eq!(n(&format!("1{c}2")), "1-2", "{c:?}");
        }
        // Small and full-width forms: by NFKC, then the fold.
        assert_eq!(n("a\u{FE58}b\u{FF0D}c"), "a-b-c");
    }

    /// Asserts the comparison form of each text.
    fn assert_forms(cases: &[(&str, &str)]) {
        for (text, form) in cases {
            assert_eq!(n(text), *form, "{text:?}");
        }
    }

    #[test]
    fn nfkc_applies() {
        assert_forms(&[
            ("Ｆｕｌｌ ｗｉｄｔｈ", "Full width"),
            ("ﬁnal eﬀort", "final effort"),
            ("x²", "x2"),
            ("wait…", "wait..."),
            ("\u{2160}", "I"), // roman numeral one
            // Composition, including with the ASCII letter before the mark.
            ("cafe\u{301}", "café"),
            ("e\u{301}te\u{301}", "été"),
            ("a=\u{338}b", "a≠b"),
            ("Gr\u{FC}\u{DF}e", "Grüße"),
            // Hangul jamo compose into a syllable.
            ("\u{1100}\u{1161}", "\u{AC00}"),
        ]);
    }

    #[test]
    fn whitespace_runs_become_one_space_and_ends_are_trimmed() {
        assert_forms(&[
            ("  a \t\n\r\n b\u{B}c  ", "a b c"),
            ("a\u{A0}b\u{2003}\u{2009}c\u{3000}d\u{2028}e", "a b c d e"),
            ("a \u{A0} \n b", "a b"),
            (" \n\t ", ""),
            ("", ""),
        ]);
    }

    #[test]
    fn invisible_characters_are_removed() {
        assert_forms(&[
            ("co\u{AD}operation", "cooperation"),
            ("\u{FEFF}a\u{200B}b\u{2060}c", "abc"),
        ]);
    }

    #[test]
    fn case_is_kept() {
        assert_eq!(n("Peace NOW"), "Peace NOW");
        assert_ne!(n("Peace"), n("peace"));
    }

    #[test]
    fn normalizing_is_idempotent() {
        for text in ["«Don’t» – x … ﬁ ", "e\u{301}\u{301} Ａ", "a  b", "\u{A0}x"] {
            let once = n(text);
            assert_eq!(n(&once), once, "{text:?}");
        }
    }

    /// The rules applied literally: NFKC of the whole text, then the folds,
    /// then white space.
    fn reference(text: &str) -> String {
        let mut w = Writer {
            out: String::new(),
            space: false,
        };
        text.nfkc().for_each(|c| w.folded(c));
        w.out
    }

    proptest::proptest! {
        #[test]
        fn normalizing_agrees_with_the_rules_applied_literally(
            text in "([a-z!~]{0,9}[ \t\n\u{7f}]{0,3}|[\u{301}\u{338}\u{A0}’—…ﬁＡ\u{1100}\u{1161}\u{AD}é=\u{2011}\u{2017}“«]){0,40}",
        ) {
            proptest::prop_assert_eq!(normalize_quote_text(&text), reference(&text));
        }
    }

    #[test]
    fn runs_of_plain_text_end_at_the_right_byte() {
        for text in [
            "abcdefgh  ijklmnop",
            "abcdefg  hijklmnop",
            "abcdefgh ijklmnop ",
            "abcdefg\u{7f}hij",
            "abcdefghijklmno\tp",
            "a b c d e f g h i j  k",
            "abcdefg  ",
            "abcdefgh€",
            "a ! b  !",
        ] {
            assert_eq!(normalize_quote_text(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn ellipses_split_quotes() {
        let want = ["a b", "c d"];
        for sep in [
            "…", "[…]", "[...]", "...", "(…)", "(...)", "[ … ]", "....", "[....]",
        ] {
            assert_eq!(quote_parts(&format!("a b {sep} c d")), want, "{sep:?}");
            assert_eq!(quote_parts(&format!("a b{sep}c d")), want, "{sep:?}");
        }
        assert_eq!(
            quote_parts("one [...] two … three"),
            ["one", "two", "three"]
        );
    }

    #[test]
    fn splitting_leaves_no_stray_brackets_or_dots() {
        assert_eq!(quote_parts("[…] a"), ["a"]);
        assert_eq!(quote_parts("a […]"), ["a"]);
        assert_eq!(quote_parts("a [sic] b"), ["a [sic] b"]);
        assert_eq!(quote_parts("a [… b"), ["a [", "b"]);
        assert_eq!(quote_parts("Mr. Smith.. went"), ["Mr. Smith.. went"]);
    }

    #[test]
    fn empty_parts_are_dropped() {
        assert!(quote_parts("").is_empty());
        assert!(quote_parts("  ").is_empty());
        assert!(quote_parts("[…] … ...").is_empty());
        assert_eq!(quote_parts("a … … b"), ["a", "b"]);
    }
}
