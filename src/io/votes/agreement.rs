//! Pairwise agreement between the voters of roll calls: for every pair of
//! countries, the roll calls both voted in, voted identically, and voted yes
//! against no; each matrix can be written as CSV.
//!
//! Per country, yes, no and abstain are bit sets over roll calls; a pair's
//! three counts are population counts of their intersections, O(V + C² · R / 64)
//! for V votes, C countries and R roll calls. The rows of pairs are split over
//! two threads where the pairs halve. The matrices are symmetric with a zero
//! diagonal.

use super::{RollCallVotes, Vote};

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
    /// cell, then one row per label (labels safe for spreadsheets: one
    /// starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a
    /// leading `'`, as [`ExportOptions`](crate::discourse::ExportOptions)
    /// does by default).
    pub fn to_csv(&self, labels: &[String], which: fn(&Self, usize, usize) -> u32) -> String {
        let mut writer =
            csv::WriterBuilder::new().from_writer(Vec::with_capacity(self.n * self.n * 4));
        let mut header = vec![String::new()];
        let safe = crate::util::escape::spreadsheet_safe;
        header.extend(labels.iter().map(|l| safe(l)));
        // Writing to memory cannot fail.
        let _ = writer.write_record(&header);
        let mut row = Vec::with_capacity(self.n + 1);
        for (a, label) in labels.iter().enumerate() {
            row.clear();
            row.push(safe(label));
            for b in 0..self.n {
                row.push(which(self, a, b).to_string());
            }
            let _ = writer.write_record(&row);
        }
        String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
    }

    /// The three matrices' files, in the order [`write_matrices`](Self::write_matrices)
    /// writes them: `shared.csv`, `identical.csv`, `opposed.csv`.
    pub const MATRIX_FILES: [&'static str; 3] = ["shared.csv", "identical.csv", "opposed.csv"];

    /// Writes the three matrices as CSV ([`to_csv`](Self::to_csv)) into
    /// `dir` (created if missing): `shared.csv`, `identical.csv` and
    /// `opposed.csv` — what the `un_votes` example and the Python
    /// package's `Votes.write_matrices` write.
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) naming the folder or the file that
    /// could not be written.
    pub fn write_matrices(&self, labels: &[String], dir: &std::path::Path) -> crate::Result<()> {
        let io = |path: &std::path::Path| {
            let path = path.to_owned();
            move |source| crate::Error::Io { path, source }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let counts: [fn(&Self, usize, usize) -> u32; 3] =
            [Self::shared, Self::identical, Self::opposed];
        for (name, which) in Self::MATRIX_FILES.into_iter().zip(counts) {
            let path = dir.join(name);
            std::fs::write(&path, self.to_csv(labels, which)).map_err(io(&path))?;
        }
        Ok(())
    }
}

impl RollCallVotes {
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
}
