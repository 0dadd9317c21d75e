//! Roll-call votes (such as the UN General Assembly's): a compact table and
//! fast pairwise agreement counts.
//!
//! This module holds the table ([`RollCallVotes`], [`Vote`]) and reads it
//! from CSV: the data is split in two at a line start outside quotes, the
//! halves are parsed on two threads (`parse`), and the results are merged,
//! numbering rows and first appearances as one pass would. Every bad row is
//! reported (line, column, value), and so is a second vote of a country in
//! one roll call, which would otherwise be counted twice. Countries are
//! sorted by name (byte order); roll calls keep their order of first
//! appearance.
//!
//! - `agreement`: [`VoteAgreement`], the pairwise counts.
//! - `scenario`: the votes as a [`Scenario`](crate::Scenario).

mod agreement;
mod parse;
mod scenario;

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Problem, ProblemKind, RecordRef};
use crate::{Error, Result, Stance};

pub use agreement::VoteAgreement;

use parse::{Columns, parse_chunk, split_point};

/// A vote cast in a roll call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vote {
    /// `yes`: support.
    Yes,
    /// `no`: oppose.
    No,
    /// `abstain`: neutral.
    Abstain,
}

impl Vote {
    /// The stance a vote expresses: yes → support, no → oppose, abstain → neutral.
    pub fn stance(self) -> Stance {
        match self {
            Vote::Yes => Stance::Support,
            Vote::No => Stance::Oppose,
            Vote::Abstain => Stance::Neutral,
        }
    }
}

/// Roll-call votes: who voted how in which roll call, held compactly (a
/// few bytes per vote) for bodies of hundreds of members and thousands of
/// roll calls.
///
/// Read the UN General Assembly data (`rcid,country,country_code,vote`) with
/// [`RollCallVotes::read_csv`]; turn it into a [`Scenario`](crate::Scenario) with
/// [`to_scenario`](Self::to_scenario) for everything else stancegraph does,
/// or count agreement between every pair of voters with
/// [`agreement`](Self::agreement), which uses bit sets and is much faster
/// than the general network kernel for this shape of data.
///
/// # Examples
///
/// ```
/// use stancegraph::io::RollCallVotes;
///
/// let csv = "rcid,country,country_code,vote\n\
///            3,United States,US,yes\n3,Canada,CA,no\n3,Namibia,NA,yes\n\
///            4,United States,US,no\n4,Canada,CA,no\n";
/// let votes = RollCallVotes::read_csv_str(csv, "votes.csv")?;
/// assert_eq!((votes.countries().len(), votes.roll_calls().len(), votes.len()), (3, 2, 5));
/// let m = votes.agreement();
/// let (ca, us) = (0, 2); // sorted: Canada, Namibia, United States
/// assert_eq!((m.shared(ca, us), m.identical(ca, us), m.opposed(ca, us)), (2, 1, 1));
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct RollCallVotes {
    countries: Vec<String>,
    codes: Vec<String>,
    roll_calls: Vec<u64>,
    /// (country index, roll-call index, vote), in file order.
    votes: Vec<(u32, u32, Vote)>,
}

impl RollCallVotes {
    /// Reads votes from a CSV file with columns `rcid`, `country`,
    /// `country_code` and `vote` (`yes`, `no` or `abstain`). Codes are read as
    /// text: Namibia's `NA` stays `NA`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read; [`Error::Invalid`] for a
    /// missing column and for every bad row (line, column, value).
    pub fn read_csv(path: impl AsRef<Path>) -> Result<RollCallVotes> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        Self::read_csv_bytes(&bytes, &path.display().to_string())
    }

    /// Reads votes from CSV text; see [`read_csv`](Self::read_csv).
    ///
    /// # Errors
    ///
    /// As [`read_csv`](Self::read_csv).
    pub fn read_csv_str(text: &str, origin: &str) -> Result<RollCallVotes> {
        Self::read_csv_bytes(text.as_bytes(), origin)
    }

    fn read_csv_bytes(bytes: &[u8], origin: &str) -> Result<RollCallVotes> {
        let invalid = |problems: Vec<Problem>| Error::Invalid {
            origin: origin.to_owned(),
            problems,
        };
        let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
        let headers = reader
            .byte_headers()
            .map_err(|_| invalid(vec![crate::io::table_problem::unreadable_header()]))?
            .clone();
        let data_start = reader.position().byte() as usize;
        let column = |name: &str| headers.iter().position(|h| h == name.as_bytes());
        let mut missing = Vec::new();
        let mut find = |name: &'static str| {
            let c = column(name);
            if c.is_none() {
                missing.push(crate::io::table_problem::missing_column(name));
            }
            c
        };
        let (rcid, country, code, vote) = (
            find("rcid"),
            find("country"),
            find("country_code"),
            find("vote"),
        );
        let (Some(rcid), Some(country), Some(code), Some(vote)) = (rcid, country, code, vote)
        else {
            return Err(invalid(missing));
        };
        let columns = Columns {
            width: headers.len(),
            rcid,
            country,
            code,
            vote,
        };

        // Two halves, parsed on two threads, split at a line start outside quotes.
        let data = &bytes[data_start.min(bytes.len())..];
        let split = split_point(data);
        let header_lines =
            memchr::memchr_iter(b'\n', &bytes[..data_start.min(bytes.len())]).count() as u64;
        let first_half_lines = memchr::memchr_iter(b'\n', &data[..split]).count() as u64;
        let (first, second) = std::thread::scope(|scope| {
            let second = scope
                .spawn(|| parse_chunk(&data[split..], &columns, header_lines + first_half_lines));
            let first = parse_chunk(&data[..split], &columns, header_lines);
            (first, second.join())
        });
        let Ok(second) = second else {
            return Err(invalid(vec![Problem::new(
                RecordRef::top(),
                None,
                ProblemKind::Invalid {
                    reason: "reading the second half of the file failed",
                },
            )]));
        };

        Self::from_chunks(vec![first, second], origin)
    }

    /// Votes from rows of text fields `[rcid, country, country_code, vote]`
    /// — a data frame's or a Spark partition's columns — checked as
    /// [`read_csv`](Self::read_csv) checks a file's rows (numbered from 1 in
    /// the order given; `origin` names the source in errors).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for every bad row (`rcid` not a whole number,
    /// `vote` not `yes`, `no` or `abstain`, an empty `country`) and for a
    /// second vote of a country in one roll call.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::io::RollCallVotes;
    ///
    /// let rows = [["3", "Canada", "CA", "no"], ["3", "United States", "US", "yes"]];
    /// let votes = RollCallVotes::from_rows(rows, "partition 0")?;
    /// assert_eq!(votes.agreement().opposed(0, 1), 1);
    /// let bad = RollCallVotes::from_rows([["3", "Canada", "CA", "maybe"]], "partition 0");
    /// assert!(bad.unwrap_err().to_string().contains("maybe"));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_rows<'a>(
        rows: impl IntoIterator<Item = [&'a str; 4]>,
        origin: &str,
    ) -> Result<RollCallVotes> {
        Self::from_chunks(vec![parse::parse_rows(rows)], origin)
    }

    /// The votes of parsed parts, in order: problems renumbered as one pass
    /// would number them, countries and roll calls numbered by first
    /// appearance, a repeated vote refused, countries sorted.
    fn from_chunks(chunks: Vec<parse::Chunk>, origin: &str) -> Result<RollCallVotes> {
        let invalid = |problems: Vec<Problem>| Error::Invalid {
            origin: origin.to_owned(),
            problems,
        };
        // Merge, numbering rows and first appearances as one pass would.
        let mut problems = Vec::new();
        let mut rows_before = 0;
        let mut parts = Vec::with_capacity(chunks.len());
        for chunk in chunks {
            problems.extend(chunk.problems.into_iter().map(|mut p| {
                if let Some(index) = &mut p.record.index {
                    *index += rows_before;
                }
                p
            }));
            rows_before += chunk.rows;
            parts.push(chunk.parsed);
        }
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        let mut out = RollCallVotes::default();
        let mut country_index: HashMap<Vec<u8>, u32, foldhash::fast::RandomState> =
            HashMap::default();
        let mut roll_call_index: HashMap<u64, u32, foldhash::fast::RandomState> =
            HashMap::default();
        for chunk in parts {
            let countries: Vec<u32> = chunk
                .countries
                .into_iter()
                .map(|(name, code)| {
                    *country_index.entry(name.clone()).or_insert_with(|| {
                        out.countries
                            .push(String::from_utf8_lossy(&name).into_owned());
                        out.codes.push(code);
                        (out.countries.len() - 1) as u32
                    })
                })
                .collect();
            let roll_calls: Vec<u32> = chunk
                .roll_calls
                .into_iter()
                .map(|id| {
                    *roll_call_index.entry(id).or_insert_with(|| {
                        out.roll_calls.push(id);
                        (out.roll_calls.len() - 1) as u32
                    })
                })
                .collect();
            // Renumber in place; the first chunk's vector becomes the result.
            let mut votes = chunk.votes;
            for vote in &mut votes {
                *vote = (
                    countries[vote.0 as usize],
                    roll_calls[vote.1 as usize],
                    vote.2,
                );
            }
            if out.votes.is_empty() {
                out.votes = votes;
            } else {
                out.votes.extend_from_slice(&votes);
            }
        }
        // A second vote of a country in one roll call would be counted twice
        // (and could be both identical and opposed): say so instead.
        let mut seen = vec![false; out.countries.len() * out.roll_calls.len()];
        let mut repeats = Vec::new();
        for &(c, r, _) in &out.votes {
            let cell = &mut seen[c as usize * out.roll_calls.len() + r as usize];
            if std::mem::replace(cell, true) && repeats.len() < 20 {
                repeats.push(Problem::new(
                    RecordRef::top(),
                    Some(format!(
                        "{} in roll call {}",
                        out.countries[c as usize], out.roll_calls[r as usize]
                    )),
                    ProblemKind::Invalid {
                        reason: "a second vote of this country in this roll call",
                    },
                ));
            }
        }
        if !repeats.is_empty() {
            return Err(invalid(repeats));
        }
        out.sort_countries();
        Ok(out)
    }

    /// Orders countries by name (byte order), renumbering the votes.
    fn sort_countries(&mut self) {
        let mut order: Vec<usize> = (0..self.countries.len()).collect();
        order.sort_by(|&a, &b| self.countries[a].cmp(&self.countries[b]));
        let mut new_index = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new as u32;
        }
        self.countries = order.iter().map(|&i| self.countries[i].clone()).collect();
        self.codes = order.iter().map(|&i| self.codes[i].clone()).collect();
        for v in &mut self.votes {
            v.0 = new_index[v.0 as usize];
        }
    }

    /// Country names, sorted by byte order.
    pub fn countries(&self) -> &[String] {
        &self.countries
    }

    /// Country codes, parallel to [`countries`](Self::countries).
    pub fn codes(&self) -> &[String] {
        &self.codes
    }

    /// Roll-call ids, in order of first appearance.
    pub fn roll_calls(&self) -> &[u64] {
        &self.roll_calls
    }

    /// The number of votes.
    pub fn len(&self) -> usize {
        self.votes.len()
    }

    /// Whether there are no votes.
    pub fn is_empty(&self) -> bool {
        self.votes.is_empty()
    }

    /// The votes as (country index, roll-call index, vote), in file order.
    pub fn votes(&self) -> impl ExactSizeIterator<Item = (usize, usize, Vote)> + '_ {
        self.votes
            .iter()
            .map(|&(c, r, v)| (c as usize, r as usize, v))
    }

    /// Keeps only the roll calls `keep` accepts (by id), with their votes;
    /// [`roll_calls`](Self::roll_calls) then lists only those. Countries
    /// stay, even those left without a vote (the agreement matrices keep
    /// every country).
    pub fn retain_roll_calls(&mut self, mut keep: impl FnMut(u64) -> bool) {
        let mut index = vec![u32::MAX; self.roll_calls.len()];
        let mut kept = Vec::new();
        for (i, &id) in self.roll_calls.iter().enumerate() {
            if keep(id) {
                index[i] = kept.len() as u32;
                kept.push(id);
            }
        }
        self.votes.retain_mut(|v| match index[v.1 as usize] {
            u32::MAX => false,
            r => {
                v.1 = r;
                true
            }
        });
        self.roll_calls = kept;
    }
}
