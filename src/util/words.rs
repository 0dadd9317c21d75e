//! How results are put into English: names joined, counts, quotes and
//! shortened labels. Shared by the text explanations (contradictions,
//! balance) and the HTML report. The words for the model's own values
//! (stances, firmness, conditions) are in `model/words.rs`.

/// A quote in quotation marks, unless it carries its own.
pub(crate) fn quoted(q: &str) -> String {
    if q.starts_with(['\u{201c}', '"']) {
        q.to_owned()
    } else {
        format!("“{q}”")
    }
}

/// The first letter in upper case.
pub(crate) fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "A", "A and B", "A, B and C".
pub(crate) fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "1 tie", "2 ties", "12,382 pairs".
pub(crate) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{} {word}s", thousands(n))
    }
}

/// A real number with commas between the thousands of its whole part
/// (`1,073`, `2.5`, `12,345.25`).
pub(crate) fn real(x: f64) -> String {
    if (0.0..9e15).contains(&x) {
        let whole = x.trunc();
        let text = crate::util::number::text(x);
        let rest = text.find('.').map_or("", |i| &text[i..]);
        format!("{}{rest}", thousands(whole as usize))
    } else {
        crate::util::number::text(x)
    }
}

/// `n` with commas between thousands.
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `text` cut to `max` characters, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut s: String = text.chars().take(max.saturating_sub(1)).collect();
        s.push('…');
        s
    }
}

/// `text` cut to `max` characters in the middle, keeping its start and end
/// ("Ministry of Fo…of Estonia"), so that long names sharing a prefix stay
/// apart.
pub(crate) fn shorten_middle(text: &str, max: usize) -> String {
    let count = text.chars().count();
    if count <= max || max < 8 {
        return shorten(text, max);
    }
    let head = (max - 1) * 3 / 5;
    let tail = max - 1 - head;
    let mut s: String = text.chars().take(head).collect();
    s.push('…');
    s.extend(text.chars().skip(count - tail));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_names_and_labels_read_well() {
        assert_eq!(plural(1, "tie"), "1 tie");
        assert_eq!(plural(12_382, "pair"), "12,382 pairs");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(join_names(&["A", "B", "C"]), "A, B and C");
        assert_eq!(capitalize("critical"), "Critical");
        assert_eq!(quoted("yes"), "“yes”");
        assert_eq!(quoted("“yes”"), "“yes”");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(
            shorten_middle("Ministry of Foreign Affairs of Country 17", 26),
            "Ministry of For…Country 17"
        );
    }
}
