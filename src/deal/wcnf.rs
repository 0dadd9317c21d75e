//! The weighted MaxSAT encoding of the deal problem, in the classic WCNF
//! format, so that anyone can cross-check the cheapest deal with a MaxSAT
//! solver.
//!
//! One variable per issue (1-based, in scenario order; true: the issue
//! holds). Hard clauses (weight `top`): the relations (`excludes a b`: ¬a ∨
//! ¬b; `implies a b`: ¬a ∨ b; `equivalent`: both implications;
//! `incompatible a b c`: ¬a ∨ ¬b ∨ ¬c), kept and protected claims and
//! required outcomes as units. One soft unit clause per claim (support: the
//! issue's variable; oppose: its negation) weighing the claim's price: by
//! default red_line × B² + firm × B + negotiable with B the number of claims
//! plus one (so the optimum orders deals lexicographically, then by number
//! of concessions); with [`Weights`](super::Weights), weight × B + 1. The
//! optimum is the [`Deal::weight`](super::Deal::weight) of the cheapest deal.

use std::fmt::Write as _;

use super::Deals;
use super::find::relation_clauses;
use crate::Stance;

impl Deals<'_> {
    /// The problem as a WCNF text (the classic `p wcnf` format), with the
    /// claims named in comments.
    pub fn to_wcnf(&self) -> String {
        let s = self.scenario;
        let var = |i: crate::IssueId| (i.index() + 1) as i64;
        let lit = |i: crate::IssueId, value: bool| if value { var(i) } else { -var(i) };
        let mut hard: Vec<Vec<i64>> = Vec::new();
        for (_, r) in s.relations() {
            for clause in relation_clauses(r.kind(), r.issues()) {
                hard.push(clause.into_iter().map(|(i, v)| lit(i, v)).collect());
            }
        }
        for &(i, value) in &self.hard_units {
            hard.push(vec![lit(i, value)]);
        }
        let soft_total: u128 = self.prices.iter().sum();
        let top = soft_total + 1;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "c stancegraph deal problem: {} claims, {} issues",
            self.claims.len(),
            s.issues().len()
        );
        for (i, issue) in s.issues() {
            let _ = writeln!(out, "c var {} = issue {}", var(i), issue.key());
        }
        let _ = writeln!(
            out,
            "p wcnf {} {} {top}",
            s.issues().len(),
            hard.len() + self.claims.len()
        );
        for clause in &hard {
            let _ = write!(out, "{top}");
            for l in clause {
                let _ = write!(out, " {l}");
            }
            out.push_str(" 0\n");
        }
        for (c, claim) in self.claims.iter().enumerate() {
            let _ = writeln!(out, "c claim {}", self.keys[c]);
            let _ = writeln!(
                out,
                "{} {} 0",
                self.prices[c],
                lit(claim.issue, claim.stance == Stance::Support)
            );
        }
        out
    }
}
