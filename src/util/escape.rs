//! Escaping for what stancegraph writes: HTML and SVG (kept well-formed
//! XML), GraphML, and CSV labels safe for spreadsheets.

/// Writes `field` as a CSV cell: quoted, its quotes doubled, when it holds a
/// comma, a quote or a line break; as it is otherwise (what the CSV readers
/// read back to the same text).
pub(crate) fn write_csv_field(out: &mut impl std::io::Write, field: &str) -> std::io::Result<()> {
    if field.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", field.replace('"', "\"\""))
    } else {
        out.write_all(field.as_bytes())
    }
}

/// A CSV label cell that a spreadsheet will not run as a formula: a label
/// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
/// leading `'` (OWASP's advice on CSV injection).
pub(crate) fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, a carriage return as
/// `&#13;` (a raw one would be read back as a line feed), and the characters
/// XML 1.0 cannot carry at all (other control characters, U+FFFE, U+FFFF)
/// replaced by U+FFFD, so the result is safe in text and in attribute values
/// alike.
pub(crate) fn escape(text: &str) -> String {
    escape_with(text, false)
}

/// [`escape`] for text shown in a page or drawing: also replaces the
/// bidirectional embedding, override and isolate controls (U+202A–U+202E,
/// U+2066–U+2069) with U+FFFD, so that a name cannot reverse the sentence
/// around it. Right-to-left names themselves display as they should.
pub(crate) fn escape_display(text: &str) -> String {
    escape_with(text, true)
}

fn escape_with(text: &str, display: bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' if display => out.push('\u{fffd}'),
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
        assert_eq!(escape("Beta\u{202e}"), "Beta\u{202e}");
        assert_eq!(
            escape_display("Beta\u{202e} \u{2067}x\u{2069} שלום"),
            "Beta\u{fffd} \u{fffd}x\u{fffd} שלום"
        );
    }
}
