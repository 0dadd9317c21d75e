//! State names from a Correlates of War state system membership table:
//! each code's abbreviation (the panel's node labels) and name. A state
//! with several spells of membership has several rows; they must agree.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::io::Read;
use std::path::Path;

use crate::Result;
use crate::error::ProblemKind;
use crate::interstate::alliances::BAD_CCODE;
use crate::interstate::table::{open, read_table};

/// A state's abbreviation and name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Named {
    abbreviation: String,
    name: String,
}

/// The abbreviation and name of each Correlates of War state code, from a
/// COW state system membership table (`stateabb`, `ccode`, `statenme`;
/// other columns ignored).
///
/// A code may have several rows (a state's spells of membership: Germany,
/// Egypt, …) as long as they give the same abbreviation and name; an
/// abbreviation must name one code, so that the panel's node labels name
/// one state each.
///
/// # Examples
///
/// ```
/// use stancegraph::interstate::StateNames;
///
/// let csv = "stateabb,ccode,statenme,styear\nGRC,350,Greece,1828\nTUR,640,Turkey,1816\nGRC,350,Greece,1944\n";
/// let states = StateNames::from_reader(csv.as_bytes(), "states.csv")?;
/// assert_eq!(states.len(), 2);
/// assert_eq!(states.abbreviation(350), Some("GRC"));
/// assert_eq!(states.name(640), Some("Turkey"));
/// assert_eq!(states.name(2), None);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StateNames {
    by_code: HashMap<u32, Named>,
}

impl StateNames {
    /// No names: every state is labelled by its code.
    pub fn new() -> StateNames {
        StateNames::default()
    }

    /// Reads a COW states CSV file: see [`StateNames::from_reader`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) when the file cannot be opened or
    /// read, otherwise as [`StateNames::from_reader`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<StateNames> {
        let path = path.as_ref();
        StateNames::from_reader(open(path)?, &path.display().to_string())
    }

    /// Reads a COW states CSV as a stream, naming `origin` in problems:
    /// columns `stateabb`, `ccode` and `statenme` by name, any others
    /// ignored.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::Error::Invalid) listing every problem, each
    /// naming the file, the row, its line and the column: a missing column,
    /// a row that is not CSV, an empty abbreviation or name, a code that is
    /// not a whole number, a code named differently by an earlier row, an
    /// abbreviation an earlier row gives another code, an abbreviation that
    /// is a number (the graphs label a state without a name by its code:
    /// labels stay unique, and [`InterstatePanel::graphs`](crate::interstate::InterstatePanel::graphs)
    /// written as an edge list reads back).
    pub fn from_reader(reader: impl Read, origin: &str) -> Result<StateNames> {
        let mut by_code: HashMap<u32, Named> = HashMap::new();
        let mut by_abbreviation: HashMap<String, u32> = HashMap::new();
        read_table(
            reader,
            origin,
            &["stateabb", "ccode", "statenme"],
            |cells| {
                let code = cells.whole::<u32>(1, BAD_CCODE);
                let (abbreviation, name) = (cells.text(0).to_owned(), cells.text(2).to_owned());
                if abbreviation.is_empty() {
                    cells.bad(0, ProblemKind::MissingField);
                } else if abbreviation.bytes().all(|b| b.is_ascii_digit()) {
                    // Unnamed states are labelled by their code: a numeric
                    // abbreviation could name two nodes alike.
                    cells.bad(
                        0,
                        ProblemKind::Invalid {
                            reason: "a number: the graphs label a state without a name by its code",
                        },
                    );
                    return;
                }
                if name.is_empty() {
                    cells.bad(2, ProblemKind::MissingField);
                }
                let Some(code) = code.filter(|_| !abbreviation.is_empty() && !name.is_empty())
                else {
                    return;
                };
                match by_abbreviation.entry(abbreviation.clone()) {
                    Entry::Occupied(e) if *e.get() != code => {
                        cells.bad(
                            0,
                            ProblemKind::Invalid {
                                reason: "an earlier row gives this abbreviation to another code",
                            },
                        );
                        return;
                    }
                    Entry::Occupied(_) => {}
                    Entry::Vacant(e) => {
                        e.insert(code);
                    }
                }
                let named = Named { abbreviation, name };
                match by_code.entry(code) {
                    Entry::Occupied(e) if *e.get() != named => cells.bad(
                        1,
                        ProblemKind::Invalid {
                            reason: "an earlier row names this code differently",
                        },
                    ),
                    Entry::Occupied(_) => {}
                    Entry::Vacant(e) => {
                        e.insert(named);
                    }
                }
            },
        )?;
        Ok(StateNames { by_code })
    }

    /// The abbreviation of the state `ccode` (`GRC`), if named.
    pub fn abbreviation(&self, ccode: u32) -> Option<&str> {
        self.by_code.get(&ccode).map(|n| n.abbreviation.as_str())
    }

    /// The name of the state `ccode` (`Greece`), if named.
    pub fn name(&self, ccode: u32) -> Option<&str> {
        self.by_code.get(&ccode).map(|n| n.name.as_str())
    }

    /// The label of the state `ccode` in the panel's graphs: its
    /// abbreviation, or the code itself when unnamed.
    pub fn label(&self, ccode: u32) -> String {
        self.abbreviation(ccode)
            .map_or_else(|| ccode.to_string(), str::to_owned)
    }

    /// The codes named.
    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    /// Whether no code is named.
    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }
}
