//! The panel's results as CSV text: fields quoted only when they must be
//! (a comma, a quote or a line break), numbers as the crate writes them.

use std::borrow::Cow;

/// `field` as a CSV field.
pub(crate) fn field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(super::field("Greece"), "Greece");
        assert_eq!(super::field("Korea, Republic of"), "\"Korea, Republic of\"");
        assert_eq!(super::field("a \"b\""), "\"a \"\"b\"\"\"");
    }
}
