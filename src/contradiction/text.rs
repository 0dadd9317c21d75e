//! The text shape of a check: what the command line prints for a set of
//! contradictions, kept in the library so that every front end says the
//! same thing in the same words.
//!
//! A count line, then the contradictions grouped by kind in
//! [`ContradictionKind::ALL`] order, numbered within the group, each its one
//! explained paragraph ([`Contradiction`]'s `Display`); last, one note per
//! group the [`max_per_group`](crate::contradiction::CheckOptions::max_per_group)
//! cap cut short. The result's order (most severe first) is kept inside each
//! group.

use std::fmt;

use crate::Contradictions;
use crate::contradiction::ContradictionKind;

impl Contradictions<'_> {
    /// The contradictions in words, as the command line prints them: a count,
    /// then each contradiction grouped by kind, then a note for every group
    /// the cap cut short. [`Display`](fmt::Display) writes the same text.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{contradiction::CheckOptions, Scenario};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}]
    /// issues: [{id: x, name: X}, {id: y, name: Y}]
    /// relations: [{kind: excludes, issues: [x, y]}]
    /// positions:
    ///   - {id: px, actor: a, issue: x, stance: support}
    ///   - {id: py, actor: a, issue: y, stance: support}
    /// ")?;
    /// let text = s.contradictions(&CheckOptions::default()).explain();
    /// assert!(text.starts_with("1 contradiction\n\nself contradiction (1)\n\n  1. "));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn explain(&self) -> String {
        let mut out = String::new();
        let _ = self.write_text(&mut out);
        out
    }

    fn write_text(&self, out: &mut impl fmt::Write) -> fmt::Result {
        let n = self.len();
        writeln!(out, "{n} contradiction{}", if n == 1 { "" } else { "s" })?;
        for kind in ContradictionKind::ALL {
            let group: Vec<_> = self.iter().filter(|c| c.kind == *kind).collect();
            if group.is_empty() {
                continue;
            }
            writeln!(
                out,
                "\n{} ({})",
                kind.as_str().replace('_', " "),
                group.len()
            )?;
            for (i, c) in group.iter().enumerate() {
                writeln!(out, "\n  {}. {c}", i + 1)?;
            }
        }
        let s = self.scenario();
        for t in self.truncated() {
            let actors: Vec<&str> = t.principals.iter().map(|&a| s.actor(a).key()).collect();
            writeln!(
                out,
                "\nnote: {} {} contradictions among {} found, {} reported (raise max_per_group to see more)",
                t.found,
                t.kind,
                actors.join(", "),
                t.reported
            )?;
        }
        Ok(())
    }
}

impl fmt::Display for Contradictions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_text(f)
    }
}
