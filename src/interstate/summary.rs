//! The short summary of a panel's results: the pairs most often allied and
//! fighting, and the years least balanced, in words.

use std::collections::BTreeMap;
use std::fmt;

use crate::interstate::{AlliesInConflict, BalanceByYear, YearBalance};
use crate::util::words::{plural, real, thousands};

/// A pair of states over all the years it was allied and in a dispute.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PairInConflict {
    /// The lower COW code.
    pub ccode1: u32,
    /// The higher COW code.
    pub ccode2: u32,
    /// The name of `ccode1`, if named.
    pub name1: Option<String>,
    /// The name of `ccode2`, if named.
    pub name2: Option<String>,
    /// The years the pair was allied and in a dispute.
    pub years: usize,
    /// The first such year.
    pub first_year: i32,
    /// The last such year.
    pub last_year: i32,
    /// The distinct disputes of the pair in those years.
    pub disputes: usize,
}

impl fmt::Display for PairInConflict {
    /// `Greece and Turkey (350–640): 22 years between 1974 and 2001, 30 disputes`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = |code: u32, name: &Option<String>| {
            name.clone().unwrap_or_else(|| format!("state {code}"))
        };
        write!(
            f,
            "{} and {} ({}–{}): {}",
            name(self.ccode1, &self.name1),
            name(self.ccode2, &self.name2),
            self.ccode1,
            self.ccode2,
            plural(self.years, "year"),
        )?;
        if self.first_year == self.last_year {
            write!(f, " ({})", self.first_year)?;
        } else {
            write!(f, " between {} and {}", self.first_year, self.last_year)?;
        }
        write!(f, ", {}", plural(self.disputes, "dispute"))
    }
}

/// What a panel's results come to: the pairs most often allied and in a
/// dispute (most years first, then most disputes, then by codes) and the
/// years least balanced (highest frustration index first, then the earlier
/// year). Its `Display` is the summary the `interstate` example and command
/// print.
///
/// # Examples
///
/// ```
/// use stancegraph::interstate::{Alliances, Disputes, InterstatePanel, InterstateSummary, StateNames, YearBalanceOptions};
///
/// let alliances = Alliances::from_reader("ccode1,ccode2,year\n350,640,1974\n350,640,1975\n".as_bytes(), "a.csv")?;
/// let disputes = Disputes::from_reader(
///     "dispnum,ccode1,ccode2,year\n1,350,640,1974\n2,350,640,1975\n".as_bytes(), "d.csv")?;
/// let panel = InterstatePanel::new(alliances, disputes, StateNames::new());
/// let summary = InterstateSummary::new(
///     &panel.allies_in_conflict(), &panel.balance_by_year(&YearBalanceOptions::new()), 5);
/// assert_eq!(summary.most_often[0].to_string(), "state 350 and state 640 (350–640): 2 years between 1974 and 1975, 2 disputes");
/// assert!(summary.to_string().contains("every frustration index proven"));
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct InterstateSummary {
    /// The pair-years of allies in a dispute.
    pub pair_years: usize,
    /// The distinct pairs among them.
    pub pairs: usize,
    /// The pairs most often allied and in a dispute, at most `top`.
    pub most_often: Vec<PairInConflict>,
    /// The years with a tie.
    pub years: usize,
    /// The years whose frustration index is not proven.
    pub unproven: usize,
    /// The least balanced years, at most `top`.
    pub least_balanced: Vec<YearBalance>,
}

impl InterstateSummary {
    /// The summary of `allies` and `balance`, listing at most `top` pairs
    /// and years.
    pub fn new(allies: &AlliesInConflict, balance: &BalanceByYear, top: usize) -> Self {
        let mut by_pair: BTreeMap<(u32, u32), (PairInConflict, Vec<u32>)> = BTreeMap::new();
        for r in allies {
            let (pair, disputes) = by_pair.entry((r.ccode1, r.ccode2)).or_insert_with(|| {
                (
                    PairInConflict {
                        ccode1: r.ccode1,
                        ccode2: r.ccode2,
                        name1: r.name1.clone(),
                        name2: r.name2.clone(),
                        years: 0,
                        first_year: r.year,
                        last_year: r.year,
                        disputes: 0,
                    },
                    Vec::new(),
                )
            });
            pair.years += 1;
            pair.first_year = pair.first_year.min(r.year);
            pair.last_year = pair.last_year.max(r.year);
            disputes.extend(&r.disputes);
        }
        let pairs = by_pair.len();
        let mut most_often: Vec<PairInConflict> = by_pair
            .into_values()
            .map(|(mut pair, mut disputes)| {
                disputes.sort_unstable();
                disputes.dedup();
                pair.disputes = disputes.len();
                pair
            })
            .collect();
        // Stable: equal pairs stay in code order.
        most_often.sort_by(|a, b| b.years.cmp(&a.years).then(b.disputes.cmp(&a.disputes)));
        most_often.truncate(top);
        let mut least_balanced: Vec<YearBalance> = balance.to_vec();
        least_balanced.sort_by(|a, b| b.frustration.total_cmp(&a.frustration));
        least_balanced.truncate(top);
        InterstateSummary {
            pair_years: allies.len(),
            pairs,
            most_often,
            years: balance.len(),
            unproven: balance.iter().filter(|y| !y.exact).count(),
            least_balanced,
        }
    }
}

impl fmt::Display for InterstateSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Allies in militarized disputes: {} of {}.",
            plural(self.pair_years, "pair-year"),
            plural(self.pairs, "pair")
        )?;
        if !self.most_often.is_empty() {
            writeln!(f, "Most often allied and in a dispute:")?;
            for p in &self.most_often {
                writeln!(f, "  {p}")?;
            }
        }
        let proven = if self.unproven == 0 {
            "every frustration index proven".to_owned()
        } else {
            format!(
                "{} not proven (their lower bounds are given)",
                plural(self.unproven, "index")
            )
            .replace("indexs", "indices")
        };
        writeln!(
            f,
            "Balance by year: {} with a tie, {proven}.",
            plural(self.years, "year")
        )?;
        if !self.least_balanced.is_empty() {
            writeln!(f, "Least balanced (frustration index, ties out of place):")?;
            for y in &self.least_balanced {
                writeln!(
                    f,
                    "  {}: {} of {} ties ({:.1}%), {} states{}",
                    y.year,
                    real(y.frustration),
                    thousands(y.positive + y.negative),
                    100.0 * y.frustrated_share(),
                    thousands(y.states),
                    if y.exact { "" } else { ", not proven" }
                )?;
            }
        }
        Ok(())
    }
}
