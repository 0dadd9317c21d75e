//! Event codes: CAMEO codes with their Goldstein weights, PLOVER types, and
//! the four quad classes.
//!
//! Algorithm: the CAMEO table is read once into a hash map from code (as
//! text: `01`, `010`, `0211` — leading zeros are part of the code) to its
//! Goldstein weight and name. The quad class of a CAMEO code follows from
//! its root (its first two digits), as in the icews R package: roots 01–05
//! verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict,
//! 14–20 material conflict. A PLOVER type is scored through the CAMEO codes
//! behind it: the mean Goldstein weight of every code the conversion table
//! assigns to it, and the quad class of their roots (the most frequent one;
//! every type of the 2021 table has a single one). Types of PLOVER's earlier
//! drafts that are CAMEO root names (`DEMAND`, `DISAPPROVE`, `FIGHT`,
//! `INVESTIGATE`, as in the gold-standard records) stand for the codes under
//! that root.
//!
//! Sources (compiled in, see `src/events/data/SOURCE.md`): the icews R
//! package's `cameo-codes.csv` (Schrodt's CAMEO codebook v1.1b3, Goldstein
//! 1992; MIT), and the Open Event Data Alliance's `CAMEO2PLOVER-2021.txt`
//! (CC BY-SA 4.0).
//!
//! Guarantees: lookups never panic; a table that cannot be read is an
//! [`Error::Invalid`] naming every bad line.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use crate::error::{Problem, ProblemKind};
use crate::{Error, Result};

const CAMEO_CSV: &str = include_str!("data/cameo_codes_goldstein.csv");
const PLOVER_TXT: &str = include_str!("data/cameo2plover_2021.txt");

/// The four quad classes of event data: cooperation or conflict, in words or
/// in deeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuadClass {
    /// CAMEO roots 01–05: statements, appeals, intents, consultation,
    /// diplomatic cooperation.
    VerbalCooperation,
    /// CAMEO roots 06–08: material cooperation, aid, yielding.
    MaterialCooperation,
    /// CAMEO roots 09–13: investigations, demands, disapproval, rejection,
    /// threats.
    VerbalConflict,
    /// CAMEO roots 14–20: protest, force posture, reduced relations,
    /// coercion, assault, fighting, mass violence.
    MaterialConflict,
}

impl QuadClass {
    /// All four, in order (the order of [`QuadCounts`](crate::events::QuadCounts)).
    pub const ALL: [QuadClass; 4] = [
        QuadClass::VerbalCooperation,
        QuadClass::MaterialCooperation,
        QuadClass::VerbalConflict,
        QuadClass::MaterialConflict,
    ];

    /// The quad class of a CAMEO code (`"040"`, `"1721"`), from its root;
    /// none when the code is not 2 to 4 digits with a root from 01 to 20.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::events::QuadClass;
    ///
    /// assert_eq!(QuadClass::of_cameo("040"), Some(QuadClass::VerbalCooperation));
    /// assert_eq!(QuadClass::of_cameo("190"), Some(QuadClass::MaterialConflict));
    /// assert_eq!(QuadClass::of_cameo("40"), None); // "040" lost its leading zero
    /// ```
    pub fn of_cameo(code: &str) -> Option<QuadClass> {
        let root = cameo_root(code)?;
        Some(match root {
            1..=5 => QuadClass::VerbalCooperation,
            6..=8 => QuadClass::MaterialCooperation,
            9..=13 => QuadClass::VerbalConflict,
            _ => QuadClass::MaterialConflict,
        })
    }

    /// The name used in tables: `verbal_cooperation`, `material_cooperation`,
    /// `verbal_conflict`, `material_conflict`.
    pub fn as_str(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal_cooperation",
            QuadClass::MaterialCooperation => "material_cooperation",
            QuadClass::VerbalConflict => "verbal_conflict",
            QuadClass::MaterialConflict => "material_conflict",
        }
    }

    /// The position in [`QuadClass::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for QuadClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The root (1..=20) of a CAMEO code of 2 to 4 digits.
fn cameo_root(code: &str) -> Option<u8> {
    let b = code.as_bytes();
    if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let root = (b[0] - b'0') * 10 + (b[1] - b'0');
    (1..=20).contains(&root).then_some(root)
}

/// How a PLOVER type is scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PloverScore {
    /// The mean Goldstein weight of the CAMEO codes behind the type.
    pub goldstein: f64,
    /// The quad class of those codes.
    pub quad: QuadClass,
}

/// CAMEO codes with their Goldstein weights and names, and PLOVER types
/// scored through them.
///
/// [`CodeBook::builtin`] is compiled in (the icews package's CAMEO table and
/// the 2021 CAMEO→PLOVER table); [`CodeBook::load`] reads other versions.
///
/// # Examples
///
/// ```
/// use stancegraph::events::{CodeBook, QuadClass};
///
/// let codes = CodeBook::builtin();
/// assert_eq!(codes.goldstein("040"), Some(1.0));
/// assert_eq!(codes.goldstein("190"), Some(-10.0));
/// assert_eq!(codes.name("0211"), Some("Appeal for economic cooperation"));
/// let agree = codes.plover("AGREE").unwrap();
/// assert_eq!(agree.quad, QuadClass::VerbalCooperation);
/// assert!(agree.goldstein > 0.0);
/// ```
#[derive(Clone, Debug, Default)]
pub struct CodeBook {
    cameo: HashMap<String, (f64, String)>,
    plover: HashMap<String, PloverScore>,
}

impl CodeBook {
    /// The compiled-in tables.
    pub fn builtin() -> &'static CodeBook {
        static BUILTIN: OnceLock<CodeBook> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // The compiled-in tables are tested to parse; an empty book
            // (every code unknown) is the fallback rather than a panic.
            CodeBook::from_texts(
                CAMEO_CSV,
                "cameo_codes_goldstein.csv",
                PLOVER_TXT,
                "cameo2plover_2021.txt",
            )
            .unwrap_or_default()
        })
    }

    /// Reads a CAMEO table (CSV with columns `code` and `goldstein`,
    /// optional `name`) and, if given, a CAMEO→PLOVER table (lines
    /// `CODE: TYPE, mode, context # label`; `#` comments and blank lines
    /// skipped). Without a PLOVER table, the compiled-in one is used.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when a file cannot be read; [`Error::Invalid`] naming
    /// every bad line.
    pub fn load(cameo: impl AsRef<Path>, plover: Option<&Path>) -> Result<CodeBook> {
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.to_owned(),
                source,
            })
        };
        let cameo = cameo.as_ref();
        let cameo_text = read(cameo)?;
        let (plover_text, plover_origin) = match plover {
            Some(p) => (read(p)?, p.display().to_string()),
            None => (PLOVER_TXT.to_owned(), "cameo2plover_2021.txt".to_owned()),
        };
        CodeBook::from_texts(
            &cameo_text,
            &cameo.display().to_string(),
            &plover_text,
            &plover_origin,
        )
    }

    /// Reads the two tables from text; see [`CodeBook::load`].
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] naming every bad line.
    pub fn from_texts(
        cameo: &str,
        cameo_origin: &str,
        plover: &str,
        plover_origin: &str,
    ) -> Result<CodeBook> {
        let mut book = CodeBook {
            cameo: read_cameo(cameo, cameo_origin)?,
            plover: HashMap::new(),
        };
        book.plover = read_plover(plover, plover_origin, &book.cameo)?;
        Ok(book)
    }

    /// The Goldstein weight of a CAMEO code (leading zeros count).
    pub fn goldstein(&self, code: &str) -> Option<f64> {
        self.cameo.get(code).map(|c| c.0)
    }

    /// The name of a CAMEO code.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.cameo.get(code).map(|c| c.1.as_str())
    }

    /// The score of a PLOVER type (`AGREE`, `ASSAULT`; case-insensitive).
    pub fn plover(&self, event_type: &str) -> Option<PloverScore> {
        match self.plover.get(event_type) {
            Some(s) => Some(*s),
            None => self.plover.get(&event_type.to_ascii_uppercase()).copied(),
        }
    }

    /// The number of CAMEO codes.
    pub fn len(&self) -> usize {
        self.cameo.len()
    }

    /// Whether the book holds no CAMEO code.
    pub fn is_empty(&self) -> bool {
        self.cameo.is_empty()
    }
}

fn bad_line(line: u64, field: &str, reason: &'static str) -> Problem {
    crate::io::table_problem::row_problem(
        line.saturating_sub(1) as usize,
        Some(line),
        Some(field).filter(|f| !f.is_empty()),
        ProblemKind::Invalid { reason },
    )
}

fn read_cameo(text: &str, origin: &str) -> Result<HashMap<String, (f64, String)>> {
    let invalid = |problems| Error::Invalid {
        origin: origin.to_owned(),
        problems,
    };
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| invalid(vec![crate::io::table_problem::unreadable_header()]))?
        .clone();
    let [code, goldstein] =
        crate::io::table_problem::find_columns(&headers, ["code", "goldstein"]).map_err(invalid)?;
    let name = headers.iter().position(|h| h == "name");
    let mut out = HashMap::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(bad_line(line, "", "the row cannot be read as CSV"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let c = record.get(code).unwrap_or_default().trim();
        let g = record.get(goldstein).unwrap_or_default().trim();
        if cameo_root(c).is_none() {
            problems.push(bad_line(
                line,
                "code",
                "not a CAMEO code (2 to 4 digits, root 01 to 20)",
            ));
            continue;
        }
        let Some(g) = g.parse::<f64>().ok().filter(|g| g.is_finite()) else {
            problems.push(bad_line(line, "goldstein", "not a number"));
            continue;
        };
        let n = name.and_then(|i| record.get(i)).unwrap_or_default();
        out.insert(c.to_owned(), (g, n.to_owned()));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(invalid(problems))
    }
}

fn read_plover(
    text: &str,
    origin: &str,
    cameo: &HashMap<String, (f64, String)>,
) -> Result<HashMap<String, PloverScore>> {
    // Per type: the CAMEO codes behind it.
    let mut codes: HashMap<String, Vec<String>> = HashMap::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i as u64 + 1;
        let content = raw.split('#').next().unwrap_or_default().trim();
        // Blank lines, comments and the `~~~~~` rule that ends the table.
        if content.is_empty() || content.chars().all(|c| c == '~') {
            continue;
        }
        let Some((code, rest)) = content.split_once(':') else {
            problems.push(bad_line(line, "", "expected `CODE: TYPE, mode, context`"));
            continue;
        };
        let code = code.trim();
        let event_type = rest.split(',').next().unwrap_or_default().trim();
        if cameo_root(code).is_none() {
            problems.push(bad_line(
                line,
                "code",
                "not a CAMEO code (2 to 4 digits, root 01 to 20)",
            ));
            continue;
        }
        if event_type.is_empty() {
            problems.push(bad_line(line, "type", "no PLOVER type"));
            continue;
        }
        codes
            .entry(event_type.to_ascii_uppercase())
            .or_default()
            .push(code.to_owned());
    }
    if !problems.is_empty() {
        return Err(Error::Invalid {
            origin: origin.to_owned(),
            problems,
        });
    }
    // Earlier drafts' types that are CAMEO root names stand for that root.
    for (code, (_, name)) in cameo {
        if code.len() == 2 {
            let name = name.trim().to_ascii_uppercase();
            if !name.contains(' ') && !codes.contains_key(&name) {
                let under: Vec<String> = cameo
                    .keys()
                    .filter(|c| c.starts_with(code.as_str()))
                    .cloned()
                    .collect();
                codes.insert(name, under);
            }
        }
    }
    let mut out = HashMap::new();
    for (event_type, list) in codes {
        let weights: Vec<f64> = list
            .iter()
            .filter_map(|c| cameo.get(c).map(|v| v.0))
            .collect();
        let mut quads = [0usize; 4];
        for c in &list {
            if let Some(q) = QuadClass::of_cameo(c) {
                quads[q.index()] += 1;
            }
        }
        // The most frequent quad class; ties go to the earlier class.
        let mut best = 0;
        for (i, &n) in quads.iter().enumerate() {
            if n > quads[best] {
                best = i;
            }
        }
        if weights.is_empty() {
            continue;
        }
        let goldstein = weights.iter().sum::<f64>() / weights.len() as f64;
        out.insert(
            event_type,
            PloverScore {
                goldstein,
                quad: QuadClass::ALL[best],
            },
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_tables_parse() {
        let cameo = read_cameo(CAMEO_CSV, "cameo").unwrap();
        assert_eq!(cameo.len(), 312);
        let book = CodeBook::builtin();
        assert_eq!(book.len(), 312);
        assert_eq!(book.goldstein("01"), Some(0.0));
        assert_eq!(book.goldstein("1"), None);
        // Every PLOVER type of 2021, and the older root names.
        for t in [
            "AGREE",
            "CONSULT",
            "SUPPORT",
            "CONCEDE",
            "COOPERATE",
            "AID",
            "RETREAT",
            "REQUEST",
            "ACCUSE",
            "REJECT",
            "THREATEN",
            "PROTEST",
            "SANCTION",
            "MOBILIZE",
            "COERCE",
            "ASSAULT",
            "DEMAND",
            "DISAPPROVE",
            "FIGHT",
            "INVESTIGATE",
        ] {
            assert!(book.plover(t).is_some(), "{t}");
        }
        assert_eq!(
            book.plover("assault").unwrap().quad,
            QuadClass::MaterialConflict
        );
        assert_eq!(
            book.plover("FIGHT").unwrap().quad,
            QuadClass::MaterialConflict
        );
        assert!(book.plover("FIGHT").unwrap().goldstein <= -9.0);
        assert_eq!(
            book.plover("RETREAT").unwrap().quad,
            QuadClass::MaterialCooperation
        );
        assert_eq!(
            book.plover("ACCUSE").unwrap().quad,
            QuadClass::VerbalConflict
        );
        assert!(book.plover("DOCUMENT").is_none());
    }

    #[test]
    fn quad_classes_by_root() {
        for (code, quad) in [
            ("01", QuadClass::VerbalCooperation),
            ("0512", QuadClass::VerbalCooperation),
            ("06", QuadClass::MaterialCooperation),
            ("084", QuadClass::MaterialCooperation),
            ("09", QuadClass::VerbalConflict),
            ("138", QuadClass::VerbalConflict),
            ("14", QuadClass::MaterialConflict),
            ("2042", QuadClass::MaterialConflict),
        ] {
            assert_eq!(QuadClass::of_cameo(code), Some(quad), "{code}");
        }
        for bad in ["", "0", "00", "21", "12345", "4a", "NA"] {
            assert_eq!(QuadClass::of_cameo(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_tables_name_their_lines() {
        let e =
            CodeBook::from_texts("code,goldstein\n01,x\n99,1\n", "c.csv", "", "p.txt").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("c.csv:2"), "{text}");
        assert!(text.contains("c.csv:3"), "{text}");
        let e = CodeBook::from_texts("code,goldstein\n01,0\n", "c.csv", "01 AGREE\n", "p.txt")
            .unwrap_err();
        assert!(e.to_string().contains("p.txt:1"), "{e}");
    }
}
