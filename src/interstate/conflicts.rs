//! Allies in conflict: the pairs of states allied and in a militarized
//! dispute in the same year (Maoz et al. 2007's "imbalanced" dyads), with
//! the disputes, as records, CSV and JSON.

use std::fmt;
use std::ops::Deref;

use serde_json::{Value, json};

use crate::interstate::InterstatePanel;
use crate::interstate::csv_text::field;
use crate::util::words::join_names;

/// A pair of states allied and in a militarized dispute in the same year.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct AllyInConflict {
    /// The lower COW code of the pair.
    pub ccode1: u32,
    /// The higher COW code.
    pub ccode2: u32,
    /// The name of `ccode1` (`statenme`), if named.
    pub name1: Option<String>,
    /// The name of `ccode2`, if named.
    pub name2: Option<String>,
    /// The year.
    pub year: i32,
    /// The disputes the pair was in that year (`dispnum`), ascending,
    /// each once.
    pub disputes: Vec<u32>,
}

impl fmt::Display for AllyInConflict {
    /// `Greece (350) and Turkey (640), allies in 1974, in disputes 1234 and 2345`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = |code: u32, name: &Option<String>| match name {
            Some(n) => format!("{n} ({code})"),
            None => format!("state {code}"),
        };
        let numbers: Vec<String> = self.disputes.iter().map(u32::to_string).collect();
        let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
        write!(
            f,
            "{} and {}, allies in {}, in dispute{} {}",
            state(self.ccode1, &self.name1),
            state(self.ccode2, &self.name2),
            self.year,
            if self.disputes.len() == 1 { "" } else { "s" },
            join_names(&numbers)
        )
    }
}

/// Every pair of states allied and in a dispute in the same year
/// ([`InterstatePanel::allies_in_conflict`]): years ascending, then pairs.
/// A slice of [`AllyInConflict`] (it derefs to one), with its CSV and JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AlliesInConflict {
    records: Vec<AllyInConflict>,
}

impl Deref for AlliesInConflict {
    type Target = [AllyInConflict];

    fn deref(&self) -> &[AllyInConflict] {
        &self.records
    }
}

impl<'a> IntoIterator for &'a AlliesInConflict {
    type Item = &'a AllyInConflict;
    type IntoIter = std::slice::Iter<'a, AllyInConflict>;

    fn into_iter(self) -> Self::IntoIter {
        self.records.iter()
    }
}

impl AlliesInConflict {
    /// The CSV columns, in order.
    pub const COLUMNS: [&'static str; 6] =
        ["ccode1", "ccode2", "name1", "name2", "year", "disputes"];

    /// The records as CSV: a header `ccode1,ccode2,name1,name2,year,disputes`
    /// and a row per record, `disputes` the dispute numbers joined by `;`
    /// and an unnamed state's name empty.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::interstate::{Alliances, Disputes, InterstatePanel, StateNames};
    ///
    /// let alliances = Alliances::from_reader("ccode1,ccode2,year\n640,350,1976\n".as_bytes(), "a.csv")?;
    /// let disputes = Disputes::from_reader(
    ///     "dispnum,ccode1,ccode2,year\n3555,350,640,1976\n2042,640,350,1976\n".as_bytes(), "d.csv")?;
    /// let panel = InterstatePanel::new(alliances, disputes, StateNames::new());
    /// assert_eq!(panel.allies_in_conflict().to_csv(),
    ///     "ccode1,ccode2,name1,name2,year,disputes\n350,640,,,1976,2042;3555\n");
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = Self::COLUMNS.join(",");
        out.push('\n');
        for r in &self.records {
            let disputes: Vec<String> = r.disputes.iter().map(u32::to_string).collect();
            out.push_str(&format!(
                "{},{},{},{},{},{}\n",
                r.ccode1,
                r.ccode2,
                field(r.name1.as_deref().unwrap_or_default()),
                field(r.name2.as_deref().unwrap_or_default()),
                r.year,
                disputes.join(";")
            ));
        }
        out
    }

    /// The records as a JSON array of objects with the CSV's keys
    /// (`name1`/`name2` null when unnamed, `disputes` an array of numbers).
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.records
                .iter()
                .map(|r| {
                    json!({
                        "ccode1": r.ccode1,
                        "ccode2": r.ccode2,
                        "name1": r.name1,
                        "name2": r.name2,
                        "year": r.year,
                        "disputes": r.disputes,
                    })
                })
                .collect(),
        )
    }
}

/// [`InterstatePanel::allies_in_conflict`].
pub(crate) fn allies_in_conflict(panel: &InterstatePanel) -> AlliesInConflict {
    let name = |c: u32| panel.names.name(c).map(str::to_owned);
    let mut records = Vec::new();
    for y in &panel.years {
        y.each_pair(|dyad, allied, disputes| {
            if let (true, Some(d)) = (allied, disputes) {
                records.push(AllyInConflict {
                    ccode1: dyad.ccode1,
                    ccode2: dyad.ccode2,
                    name1: name(dyad.ccode1),
                    name2: name(dyad.ccode2),
                    year: y.year,
                    disputes: d.disputes.clone(),
                });
            }
        });
    }
    AlliesInConflict { records }
}
