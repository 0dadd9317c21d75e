//! ATOP alliance dyad-years: every row of a pair in a year says the pair
//! was allied that year, whatever its pledge columns (defence, offence,
//! neutrality, non-aggression, consultation); the directed rows `A,B` and
//! `B,A` are the one unordered pair.

use std::io::Read;
use std::path::Path;

use crate::Result;
use crate::error::ProblemKind;
use crate::interstate::Dyad;
use crate::interstate::table::{Cells, open, read_table};

/// The reason given for a bad state code.
pub(crate) const BAD_CCODE: &str = "not a COW state code (a whole number, 0 or more)";
/// The reason given for a bad year.
pub(crate) const BAD_YEAR: &str = "not a year (a whole number)";
/// The reason given for a row pairing a state with itself.
const SELF_DYAD: &str = "a state paired with itself";

/// The year and unordered pair of a dyad-year row whose columns `first`,
/// `first + 1` and `first + 2` are `ccode1`, `ccode2` and `year` (alliance
/// and dispute tables alike), or `None` after reporting each bad cell — a
/// state paired with itself on `ccode2`.
pub(crate) fn dyad_year(cells: &mut Cells<'_>, first: usize) -> Option<(i32, Dyad)> {
    let a = cells.whole::<u32>(first, BAD_CCODE);
    let b = cells.whole::<u32>(first + 1, BAD_CCODE);
    let year = cells.whole::<i32>(first + 2, BAD_YEAR);
    let (a, b, year) = (a?, b?, year?);
    let dyad = Dyad::new(a, b);
    if dyad.is_none() {
        cells.bad(first + 1, ProblemKind::Invalid { reason: SELF_DYAD });
    }
    Some((year, dyad?))
}

/// The allied pairs of an alliance dyad-year table such as ATOP's
/// (`ccode1`, `ccode2`, `year`; other columns ignored), one per unordered
/// pair and year.
///
/// Every row counts, whatever its pledge columns: ATOP lists a dyad-year
/// only for pairs with an alliance in force, and a row whose pledges are
/// all 0 (170 in ATOP 5.1) is still an alliance. Rows repeating a pair in
/// a year (the directed `A,B` and `B,A`) are one allied pair.
///
/// # Examples
///
/// ```
/// use stancegraph::interstate::Alliances;
///
/// let csv = "ccode1,ccode2,year,atop_defense\n350,640,1974,1\n640,350,1974,1\n2,20,1974,0\n";
/// let alliances = Alliances::from_reader(csv.as_bytes(), "atop.csv")?;
/// assert_eq!(alliances.rows(), 3);
/// assert_eq!(alliances.len(), 2); // Greece–Turkey once, USA–Canada
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Alliances {
    /// `(year, dyad)`, ascending, without repeats.
    pub(crate) pairs: Vec<(i32, Dyad)>,
    rows: usize,
}

impl Alliances {
    /// Reads an alliance dyad-year CSV file: see [`Alliances::from_reader`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) when the file cannot be opened or
    /// read, otherwise as [`Alliances::from_reader`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Alliances> {
        let path = path.as_ref();
        Alliances::from_reader(open(path)?, &path.display().to_string())
    }

    /// Reads an alliance dyad-year CSV as a stream, naming `origin` in
    /// problems: columns `ccode1`, `ccode2` and `year` by name, any others
    /// ignored.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::Error::Invalid) listing every problem, each
    /// naming the file, the row, its line and the column: a missing column,
    /// a row that is not CSV, an empty or `NA` cell, a code or year that is
    /// not a whole number, a state paired with itself.
    ///
    /// # Complexity
    ///
    /// O(r log r) for r rows; memory O(r) (the pairs, 12 bytes each).
    pub fn from_reader(reader: impl Read, origin: &str) -> Result<Alliances> {
        let mut pairs = Vec::new();
        let mut rows = 0;
        read_table(reader, origin, &["ccode1", "ccode2", "year"], |cells| {
            rows += 1;
            pairs.extend(dyad_year(cells, 0));
        })?;
        pairs.sort_unstable();
        pairs.dedup();
        Ok(Alliances { pairs, rows })
    }

    /// The rows read.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The allied pair-years: unordered pairs, each year once.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether no pair was allied in any year.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}
