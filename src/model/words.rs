//! The model's values in English: verbs for stances, firmness, conditions.
//! Shared by the text explanations (contradictions, balance) and the HTML
//! report; the plain-text helpers (quotes, names joined, counts) are in
//! `util/words.rs`.

use crate::{Condition, Firmness, Scenario, Stance};

/// "supports", "opposes", "is neutral on".
pub(crate) fn verb(stance: Stance) -> &'static str {
    match stance {
        Stance::Support => "supports",
        Stance::Oppose => "opposes",
        Stance::Neutral => "is neutral on",
    }
}

/// "red line", "firm", "negotiable".
pub(crate) fn firmness(f: Firmness) -> &'static str {
    match f {
        Firmness::RedLine => "red line",
        Firmness::Firm => "firm",
        Firmness::Negotiable => "negotiable",
    }
}

/// A condition in words: an issue's name in quotation marks, or the text.
pub(crate) fn condition(s: &Scenario, c: &Condition) -> String {
    match c {
        Condition::Issue(i) => format!("“{}”", s.issue(*i).name()),
        Condition::Text(t) => t.clone(),
    }
}
