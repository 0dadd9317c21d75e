//! The sentences the report's parts share: a position in one line (for
//! tooltips and evidence), the one-sentence verdict on a contradiction, and
//! the words for each kind of contradiction.

use std::fmt::Write as _;

use super::HtmlReport;
use crate::model::words::{firmness as firmness_words, verb};
use crate::util::words::{join_names, quoted, shorten};
use crate::{Contradiction, Firmness, PositionId, contradiction::ContradictionKind};

impl HtmlReport<'_> {
    /// "Keith Kellogg, 2025-05-29: supports “…” (negotiable): “quote”".
    pub(crate) fn position_line(&self, id: PositionId) -> String {
        let s = self.scenario;
        let p = s.position(id);
        let mut line = shorten(s.actor(p.actor()).name(), 120);
        if let Some(d) = p.date() {
            let _ = write!(line, ", {d}");
        }
        let _ = write!(
            line,
            ": {} “{}”",
            verb(p.stance()),
            shorten(s.issue(p.issue()).name(), 80)
        );
        if p.firmness() != Firmness::Firm {
            let _ = write!(line, " ({})", firmness_words(p.firmness()));
        }
        if let Some(q) = p.quote() {
            let _ = write!(line, ": {}", quoted(&shorten(q, 160)));
        }
        if let Some(file) = s.provenance().position_in_case(id) {
            let _ = write!(line, " [coded in {}]", file.display());
        }
        line
    }

    /// One sentence saying who clashes with whom and why it matters.
    pub(crate) fn verdict(&self, c: &Contradiction<'_>) -> String {
        let s = self.scenario;
        let names: Vec<&str> = c.principals.iter().map(|&a| s.actor(a).name()).collect();
        let who = join_names(&names);
        let bloc = c.bloc.map(|b| s.actor(b).name()).unwrap_or("their bloc");
        match c.kind {
            ContradictionKind::SelfContradiction => {
                format!("{who} holds positions that cannot all hold together.")
            }
            ContradictionKind::MemberVsBloc => {
                let members: Vec<&str> = c
                    .principals
                    .iter()
                    .filter(|&&a| Some(a) != c.bloc)
                    .map(|&a| s.actor(a).name())
                    .collect();
                format!(
                    "{} is a member of {bloc}, yet its position and {bloc}'s cannot both hold.",
                    join_names(&members)
                )
            }
            ContradictionKind::BetweenAllies => {
                format!("{who}, allies in {bloc}, hold positions that cannot all hold together.")
            }
            ContradictionKind::Deadlock => format!(
                "{who} each hold a red line, and the red lines exclude each other: no deal unless one side moves."
            ),
            ContradictionKind::Reversal => {
                let issue = c
                    .positions
                    .first()
                    .map(|&p| s.issue(s.position(p).issue()).name())
                    .unwrap_or_default();
                format!("{who} reversed its stance on “{issue}”.")
            }
        }
    }
}

pub(crate) fn kind_words(kind: ContradictionKind) -> &'static str {
    match kind {
        ContradictionKind::SelfContradiction => "self-contradiction",
        ContradictionKind::MemberVsBloc => "member against bloc",
        ContradictionKind::BetweenAllies => "between allies",
        ContradictionKind::Deadlock => "deadlock",
        ContradictionKind::Reversal => "reversal",
    }
}
