//! Escaping for the markup stancegraph writes: HTML and SVG (kept
//! well-formed XML) and GraphML.

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, a carriage return as
/// `&#13;` (a raw one would be read back as a line feed), and the characters
/// XML 1.0 cannot carry at all (other control characters, U+FFFE, U+FFFF)
/// replaced by U+FFFD, so the result is safe in text and in attribute values
/// alike.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            c if ((c as u32) < 0x20 && !matches!(c, '\t' | '\n'))
                || matches!(c, '\u{fffe}' | '\u{ffff}') =>
            {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(
            escape("<a href=\"x\">Tom & 'Jerry'</a>\u{0}\u{1b}\r\n\t\u{ffff}"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;\u{fffd}\u{fffd}&#13;\n\t\u{fffd}"
        );
    }
}
