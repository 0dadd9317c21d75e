//! Roll-call votes (such as the UN General Assembly's): a compact table and
//! fast pairwise agreement counts.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{Problem, ProblemKind, RecordRef};
use crate::{Actor, ActorKind, Date, Error, Issue, Position, Result, Scenario, Stance};

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
/// [`RollCallVotes::read_csv`]; turn it into a [`Scenario`] with
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

/// Pairwise counts over roll calls: voted in both, voted identically, voted
/// yes against no. Square matrices over [`RollCallVotes::countries`], zero
/// diagonal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VoteAgreement {
    n: usize,
    shared: Vec<u32>,
    identical: Vec<u32>,
    opposed: Vec<u32>,
}

impl VoteAgreement {
    /// Roll calls in which both `a` and `b` voted.
    pub fn shared(&self, a: usize, b: usize) -> u32 {
        self.shared[a * self.n + b]
    }

    /// Roll calls in which `a` and `b` cast the same vote.
    pub fn identical(&self, a: usize, b: usize) -> u32 {
        self.identical[a * self.n + b]
    }

    /// Roll calls in which one voted yes and the other no.
    pub fn opposed(&self, a: usize, b: usize) -> u32 {
        self.opposed[a * self.n + b]
    }

    /// One of the matrices as CSV: a header row of the labels after an empty
    /// cell, then one row per label (labels safe for spreadsheets, see
    /// [`ExportOptions`](crate::discourse::ExportOptions)).
    pub fn to_csv(&self, labels: &[String], which: fn(&Self, usize, usize) -> u32) -> String {
        let mut writer =
            csv::WriterBuilder::new().from_writer(Vec::with_capacity(self.n * self.n * 4));
        let mut header = vec![String::new()];
        let safe = crate::discourse::ExportOptions::default();
        header.extend(labels.iter().map(|l| safe.label(l)));
        // Writing to memory cannot fail.
        let _ = writer.write_record(&header);
        let mut row = Vec::with_capacity(self.n + 1);
        for (a, label) in labels.iter().enumerate() {
            row.clear();
            row.push(safe.label(label));
            for b in 0..self.n {
                row.push(which(self, a, b).to_string());
            }
            let _ = writer.write_record(&row);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }
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

        // Merge, numbering rows and first appearances as one pass would.
        let mut problems = first.problems;
        let rows_before = first.rows;
        problems.extend(second.problems.into_iter().map(|mut p| {
            if let Some(index) = &mut p.record.index {
                *index += rows_before;
            }
            p
        }));
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        let mut out = RollCallVotes::default();
        let mut country_index: HashMap<Vec<u8>, u32, foldhash::fast::RandomState> =
            HashMap::default();
        let mut roll_call_index: HashMap<u64, u32, foldhash::fast::RandomState> =
            HashMap::default();
        for chunk in [first.parsed, second.parsed] {
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

    /// For every pair of countries: roll calls both voted in, voted
    /// identically, voted yes against no.
    ///
    /// # Complexity
    ///
    /// O(V + C² · R / 64) for V votes, C countries and R roll calls (bit sets).
    pub fn agreement(&self) -> VoteAgreement {
        let n = self.countries.len();
        let words = self.roll_calls.len().div_ceil(64);
        // Per country: yes, no and abstain bit sets over roll calls.
        let mut bits = vec![0u64; n * 3 * words];
        for &(c, r, v) in &self.votes {
            let kind = match v {
                Vote::Yes => 0,
                Vote::No => 1,
                Vote::Abstain => 2,
            };
            bits[(c as usize * 3 + kind) * words + r as usize / 64] |= 1 << (r % 64);
        }
        let set = |c: usize, kind: usize| &bits[(c * 3 + kind) * words..(c * 3 + kind + 1) * words];
        let mut m = VoteAgreement {
            n,
            shared: vec![0; n * n],
            identical: vec![0; n * n],
            opposed: vec![0; n * n],
        };
        // Rows of pairs (a, b > a) on two threads, split where the pairs halve.
        let pairs_row = |a: usize| {
            let (ya, na, aa) = (set(a, 0), set(a, 1), set(a, 2));
            (a + 1..n)
                .map(|b| {
                    let (yb, nb, ab) = (set(b, 0), set(b, 1), set(b, 2));
                    let (mut shared, mut identical, mut opposed) = (0u32, 0u32, 0u32);
                    for w in 0..words {
                        let va = ya[w] | na[w] | aa[w];
                        let vb = yb[w] | nb[w] | ab[w];
                        shared += (va & vb).count_ones();
                        identical += (ya[w] & yb[w]).count_ones()
                            + (na[w] & nb[w]).count_ones()
                            + (aa[w] & ab[w]).count_ones();
                        opposed += (ya[w] & nb[w]).count_ones() + (na[w] & yb[w]).count_ones();
                    }
                    [shared, identical, opposed]
                })
                .collect::<Vec<_>>()
        };
        let total_pairs = n * n.saturating_sub(1) / 2;
        let mut split = 0;
        let mut pairs_before = 0;
        while split < n && pairs_before * 2 < total_pairs {
            pairs_before += n - 1 - split;
            split += 1;
        }
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| (split..n).map(pairs_row).collect::<Vec<_>>());
            let first: Vec<_> = (0..split).map(pairs_row).collect();
            (first, second.join())
        });
        let rows = first.into_iter().chain(second.unwrap_or_else(|_| {
            // The worker cannot panic on this data; recompute in place if it did.
            (split..n).map(pairs_row).collect()
        }));
        for (a, row) in rows.enumerate() {
            for (i, [shared, identical, opposed]) in row.into_iter().enumerate() {
                let b = a + 1 + i;
                for (matrix, value) in [
                    (&mut m.shared, shared),
                    (&mut m.identical, identical),
                    (&mut m.opposed, opposed),
                ] {
                    matrix[a * n + b] = value;
                    matrix[b * n + a] = value;
                }
            }
        }
        m
    }

    /// The votes as a scenario: countries as states, roll calls as issues
    /// (`rc-<id>`), votes as positions (yes → support, no → oppose, abstain →
    /// neutral), dated with `dates` where given.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] if two countries share a name or a roll call id
    /// repeats (neither happens in data read by this type).
    pub fn to_scenario(&self, dates: &HashMap<u64, Date>) -> Result<Scenario> {
        let mut s = Scenario::new();
        let mut actors = Vec::with_capacity(self.countries.len());
        for (name, code) in self.countries.iter().zip(&self.codes) {
            let mut actor = Actor::new(name.clone(), name.clone(), ActorKind::State);
            if !code.is_empty() {
                actor = actor.with_alias(code.clone());
            }
            actors.push(s.add_actor(actor)?);
        }
        let mut issues = Vec::with_capacity(self.roll_calls.len());
        for id in &self.roll_calls {
            issues.push(s.add_issue(Issue::new(format!("rc-{id}"), format!("UN roll call {id}")))?);
        }
        for &(c, r, v) in &self.votes {
            let mut p = Position::new(actors[c as usize], issues[r as usize], v.stance());
            if let Some(d) = dates.get(&self.roll_calls[r as usize]) {
                p = p.with_date(*d);
            }
            s.add_position(p)?;
        }
        Ok(s)
    }
}

struct Columns {
    /// How many fields a record has (the header's).
    width: usize,
    rcid: usize,
    country: usize,
    code: usize,
    vote: usize,
}

/// Votes of one part of the file, with chunk-local numbering.
#[derive(Default)]
struct Parsed {
    countries: Vec<(Vec<u8>, String)>,
    roll_calls: Vec<u64>,
    votes: Vec<(u32, u32, Vote)>,
}

struct Chunk {
    parsed: Parsed,
    rows: usize,
    problems: Vec<Problem>,
}

/// A byte offset near the middle of `data` where a line starts outside any
/// quoted field (an even number of quotes before it), or the end.
fn split_point(data: &[u8]) -> usize {
    let middle = data.len() / 2;
    let mut quotes = memchr::memchr_iter(b'"', &data[..middle]).count();
    for (i, &b) in data[middle..].iter().enumerate() {
        if b == b'"' {
            quotes += 1;
        } else if b == b'\n' && quotes.is_multiple_of(2) {
            return middle + i + 1;
        }
    }
    data.len()
}

fn parse_chunk(data: &[u8], columns: &Columns, line_offset: u64) -> Chunk {
    // Without a quote anywhere, CSV is lines of comma-separated fields: split
    // them directly (much faster); otherwise let the csv crate do it.
    if memchr::memchr(b'"', data).is_none() {
        return parse_plain(data, columns, line_offset);
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(data);
    let mut builder = ChunkBuilder::default();
    let mut record = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map(|p| p.line() + line_offset);
                let field = |i: usize| record.get(i).unwrap_or_default();
                builder.row(
                    Row {
                        rcid: field(columns.rcid),
                        country: field(columns.country),
                        code: field(columns.code),
                        vote: field(columns.vote),
                    },
                    line,
                );
            }
            Err(e) => builder.ragged(e.position().map(|p| p.line() + line_offset)),
        }
    }
    builder.finish()
}

/// Numbers countries and roll calls of one chunk as rows come in.
#[derive(Default)]
struct ChunkBuilder {
    parsed: Parsed,
    rows: usize,
    problems: Vec<Problem>,
    country_index: HashMap<Vec<u8>, u32, foldhash::fast::RandomState>,
    roll_call_index: HashMap<u64, u32, foldhash::fast::RandomState>,
    // Votes come grouped by roll call, and countries in much the same order
    // in each: remember the last roll call and guess the next country.
    last_roll_call: Option<(Vec<u8>, u64, u32)>,
    last_country: Option<u32>,
}

impl ChunkBuilder {
    fn bad(&mut self, line: Option<u64>, column: &str, kind: ProblemKind) {
        let column = Some(column).filter(|c| !c.is_empty());
        self.problems.push(crate::io::table_problem::row_problem(
            self.rows, line, column, kind,
        ));
    }

    fn ragged(&mut self, line: Option<u64>) {
        self.rows += 1;
        self.bad(
            line,
            "",
            ProblemKind::Invalid {
                reason: "the row cannot be read as CSV (too few fields, or not UTF-8)",
            },
        );
    }

    fn row(&mut self, row: Row<'_>, line: Option<u64>) {
        self.rows += 1;
        let id = match &self.last_roll_call {
            Some((bytes, id, _)) if bytes.as_slice() == row.rcid => Some(*id),
            _ => std::str::from_utf8(row.rcid)
                .ok()
                .and_then(|t| t.trim().parse::<u64>().ok()),
        };
        let cast = match row.vote {
            b"yes" => Some(Vote::Yes),
            b"no" => Some(Vote::No),
            b"abstain" => Some(Vote::Abstain),
            _ => None,
        };
        if id.is_none() {
            self.bad(
                line,
                "rcid",
                ProblemKind::Invalid {
                    reason: "not a whole number",
                },
            );
        }
        if cast.is_none() {
            self.bad(
                line,
                "vote",
                ProblemKind::UnmappedValue {
                    value: String::from_utf8_lossy(row.vote).into_owned(),
                    mapping: vec![
                        "yes=support".into(),
                        "no=oppose".into(),
                        "abstain=neutral".into(),
                    ],
                },
            );
        }
        if row.country.is_empty() {
            self.bad(line, "country", ProblemKind::MissingField);
        }
        let (Some(id), Some(cast), false) = (id, cast, row.country.is_empty()) else {
            return;
        };
        let parsed = &mut self.parsed;
        let guess = self.last_country.map(|c| c as usize + 1).filter(|&g| {
            parsed
                .countries
                .get(g)
                .is_some_and(|(n, _)| n.as_slice() == row.country)
        });
        let c = match guess
            .map(|g| g as u32)
            .or_else(|| self.country_index.get(row.country).copied())
        {
            Some(c) => c,
            None => {
                let c = parsed.countries.len() as u32;
                parsed.countries.push((
                    row.country.to_vec(),
                    String::from_utf8_lossy(row.code).into_owned(),
                ));
                self.country_index.insert(row.country.to_vec(), c);
                c
            }
        };
        self.last_country = Some(c);
        let r = match &self.last_roll_call {
            Some((_, last, r)) if *last == id => *r,
            _ => {
                let r = *self.roll_call_index.entry(id).or_insert_with(|| {
                    parsed.roll_calls.push(id);
                    (parsed.roll_calls.len() - 1) as u32
                });
                self.last_roll_call = Some((row.rcid.to_vec(), id, r));
                r
            }
        };
        parsed.votes.push((c, r, cast));
    }

    fn finish(self) -> Chunk {
        Chunk {
            parsed: self.parsed,
            rows: self.rows,
            problems: self.problems,
        }
    }
}

/// What one row says, before numbering.
struct Row<'a> {
    rcid: &'a [u8],
    country: &'a [u8],
    code: &'a [u8],
    vote: &'a [u8],
}

/// [`parse_chunk`] for text without quotes: every line is a record.
fn parse_plain(data: &[u8], columns: &Columns, line_offset: u64) -> Chunk {
    // Exactly the header's number of fields, as the csv crate requires.
    let width = columns.width;
    let mut builder = ChunkBuilder::default();
    // About one vote per 20 bytes (a UN row is 20 to 40): reserve once.
    builder.parsed.votes.reserve(data.len() / 20);
    let mut fields: Vec<&[u8]> = Vec::with_capacity(width.max(8));
    let mut start = 0;
    let mut line_number = line_offset;
    while start < data.len() {
        let end = memchr::memchr(b'\n', &data[start..]).map_or(data.len(), |i| start + i);
        let line = &data[start..end];
        start = end + 1;
        line_number += 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        fields.clear();
        let mut field_start = 0;
        // Lines are short: a plain scan beats a vectorised search here.
        for (i, &b) in line.iter().enumerate() {
            if b == b',' {
                fields.push(&line[field_start..i]);
                field_start = i + 1;
            }
        }
        fields.push(&line[field_start..]);
        let line_number = Some(line_number);
        if fields.len() != width {
            builder.ragged(line_number);
            continue;
        }
        builder.row(
            Row {
                rcid: fields[columns.rcid],
                country: fields[columns.country],
                code: fields[columns.code],
                vote: fields[columns.vote],
            },
            line_number,
        );
    }
    builder.finish()
}
