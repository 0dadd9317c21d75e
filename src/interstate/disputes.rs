//! Militarized dispute dyad-years such as the GML MID directed
//! dispute-years: every row of a pair in a year puts the pair in that
//! dispute that year, whichever side each state was on.

use std::io::Read;
use std::path::Path;

use crate::Result;
use crate::interstate::Dyad;
use crate::interstate::alliances::dyad_year;
use crate::interstate::table::{open, read_table};

/// The pairs in a militarized dispute per year, with the disputes' numbers,
/// from a dispute dyad-year table such as the GML MID directed
/// dispute-years (`dispnum`, `ccode1`, `ccode2`, `year`; other columns
/// ignored).
///
/// Every row counts: the pair was in dispute `dispnum` that year. Rows
/// repeating a pair, year and dispute (the directed `A,B` and `B,A`) are
/// one; a pair in several disputes in a year keeps every number.
///
/// # Examples
///
/// ```
/// use stancegraph::interstate::Disputes;
///
/// let csv = "dispnum,ccode1,ccode2,year\n3555,350,640,1976\n3555,640,350,1976\n2042,640,350,1976\n";
/// let disputes = Disputes::from_reader(csv.as_bytes(), "mid.csv")?;
/// assert_eq!(disputes.rows(), 3);
/// assert_eq!(disputes.len(), 2); // Greece–Turkey in 1976, disputes 2042 and 3555
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Disputes {
    /// `(year, dyad, dispute number)`, ascending, without repeats.
    pub(crate) pairs: Vec<(i32, Dyad, u32)>,
    rows: usize,
}

impl Disputes {
    /// Reads a dispute dyad-year CSV file: see [`Disputes::from_reader`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) when the file cannot be opened or
    /// read, otherwise as [`Disputes::from_reader`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Disputes> {
        let path = path.as_ref();
        Disputes::from_reader(open(path)?, &path.display().to_string())
    }

    /// Reads a dispute dyad-year CSV as a stream, naming `origin` in
    /// problems: columns `dispnum`, `ccode1`, `ccode2` and `year` by name,
    /// any others ignored.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::Error::Invalid) listing every problem, each
    /// naming the file, the row, its line and the column: a missing column,
    /// a row that is not CSV, an empty or `NA` cell, a dispute number, code
    /// or year that is not a whole number, a state paired with itself.
    ///
    /// # Complexity
    ///
    /// O(r log r) for r rows; memory O(r).
    pub fn from_reader(reader: impl Read, origin: &str) -> Result<Disputes> {
        let mut pairs = Vec::new();
        let mut rows = 0;
        let columns = ["dispnum", "ccode1", "ccode2", "year"];
        read_table(reader, origin, &columns, |cells| {
            rows += 1;
            let dispute = cells.whole::<u32>(0, "not a dispute number (a whole number, 0 or more)");
            if let (Some(dispute), Some((year, dyad))) = (dispute, dyad_year(cells, 1)) {
                pairs.push((year, dyad, dispute));
            }
        })?;
        pairs.sort_unstable();
        pairs.dedup();
        Ok(Disputes { pairs, rows })
    }

    /// The rows read.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The (pair, year, dispute) triples: unordered pairs, each dispute of
    /// a pair in a year once.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether no pair was in a dispute.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }
}
