//! The network kernel: dense matrices from counted positions.
//!
//! Its input is one [`Entry`] per counted position (actor and issue as
//! indices into the network's sorted labels, and the stance level); its
//! parameters are plain values: the sizes, the [`NetworkType`] (how positions
//! turn into cell values) and the [`Normalization`], both defined here with
//! their formulas. The two-mode matrix counts the positions of each cell;
//! the one-mode matrices sum, for every pair of rows, over the entities they
//! share, with the shared pair-sum kernel ([`pair_sums`]). Choosing the
//! positions, the labels and the mode is the caller's (`network`).

use crate::util::keyword::keyword_enum;
use crate::util::pair_sums::pair_sums;
use crate::util::rows::Rows;

keyword_enum! {
    /// How positions turn into cell values. With `x_ijk` the number of
    /// positions of actor `i` on issue `j` at stance level `k`:
    ///
    /// - one-mode (`actor`, `issue`): `ignore` Σⱼ(Σₖxᵢⱼₖ)(Σₖxᵢ'ⱼₖ);
    ///   `congruence` Σⱼ Σₖₖ' xᵢⱼₖ xᵢ'ⱼₖ' (1 − |qₖ − qₖ'|/R); `conflict` the same
    ///   with weight |qₖ − qₖ'|/R; `subtract` congruence − conflict. Levels are
    ///   support = 1, oppose = 0, R = 1 when no position is neutral, and
    ///   support = 1, neutral = 0, oppose = −1, R = 2 otherwise (DNA's rule for
    ///   integer qualifiers). The diagonal is 0.
    /// - two-mode (`affiliation`): `ignore` the number of positions; `subtract`
    ///   supports − opposes; `combine` 1 for support only, 2 for oppose only,
    ///   3 for both (neutral positions count for neither).
    NetworkType, "network type" {
        /// `ignore`: stances ignored; counts of positions.
        Ignore => "ignore",
        /// `congruence`: agreement weighted by closeness of stances (one-mode).
        Congruence => "congruence",
        /// `conflict`: disagreement weighted by distance of stances (one-mode).
        Conflict => "conflict",
        /// `subtract`: congruence − conflict (one-mode); support − oppose (two-mode).
        Subtract => "subtract",
        /// `combine`: 1 support only, 2 oppose only, 3 both (two-mode).
        Combine => "combine",
    }
}

keyword_enum! {
    /// How cell values are normalised. A zero denominator gives 0.
    ///
    /// `dna_jaccard` and `dna_cosine` reproduce DNA exactly, and are *not*
    /// the textbook measures: DNA's "jaccard" divides by
    /// Σ xᵢⱼₖ[xᵢ'ⱼₖ = 0] + Σ xᵢ'ⱼₖ[xᵢⱼₖ = 0] + Σ xᵢⱼₖ xᵢ'ⱼₖ, its "cosine" by
    /// aᵢ · aᵢ' (aᵢ = Σⱼₖ xᵢⱼₖ). `jaccard` and `cosine` are the true
    /// similarities of the actors' stance vectors xᵢ (xᵢⱼₖ over all j, k),
    /// whatever the type: cosine xᵢ·xᵢ' / (‖xᵢ‖ ‖xᵢ'‖), and the (weighted)
    /// Jaccard index Σ min(xᵢⱼₖ, xᵢ'ⱼₖ) / Σ max(xᵢⱼₖ, xᵢ'ⱼₖ).
    Normalization, "normalization" {
        /// `none`.
        None => "none",
        /// `average`: divide by (aᵢ + aᵢ')/2 (one-mode).
        Average => "average",
        /// `activity`: divide by the row sum (two-mode).
        Activity => "activity",
        /// `prominence`: divide by the column sum (two-mode).
        Prominence => "prominence",
        /// `dna_jaccard`: DNA's "jaccard" (one-mode).
        DnaJaccard => "dna_jaccard",
        /// `dna_cosine`: DNA's "cosine" (one-mode).
        DnaCosine => "dna_cosine",
        /// `jaccard`: the Tanimoto / Jaccard similarity of stance vectors (one-mode).
        Jaccard => "jaccard",
        /// `cosine`: the cosine similarity of stance vectors (one-mode).
        Cosine => "cosine",
    }
}

/// One counted position, mapped to the network's entities (indices into
/// the sorted actor and issue labels) and its stance level (support,
/// oppose, neutral).
pub(crate) struct Entry {
    pub(crate) actor: usize,
    pub(crate) issue: usize,
    pub(crate) level: usize,
}

/// Counts per stance level: support, oppose, neutral.
type Levels = [f64; 3];

/// Compressed rows of (other index, level counts), sorted by other index.
fn rows(
    entries: &[Entry],
    n: usize,
    key: impl Fn(&Entry) -> (usize, usize),
) -> Vec<Vec<(usize, Levels)>> {
    let mut rows: Vec<Vec<(usize, Levels)>> = vec![Vec::new(); n];
    let mut sorted: Vec<(usize, usize, usize)> = entries
        .iter()
        .map(|e| {
            let (r, s) = key(e);
            (r, s, e.level)
        })
        .collect();
    sorted.sort_unstable();
    for (r, s, level) in sorted {
        let row = &mut rows[r];
        match row.last_mut() {
            Some((last, counts)) if *last == s => counts[level] += 1.0,
            _ => {
                let mut counts = [0.0; 3];
                counts[level] = 1.0;
                row.push((s, counts));
            }
        }
    }
    rows
}

/// The two-mode actor × issue matrix.
pub(crate) fn two_mode(
    entries: &[Entry],
    n_actors: usize,
    n_issues: usize,
    kind: NetworkType,
    normalization: Normalization,
) -> Vec<f64> {
    let mut values = vec![0.0; n_actors * n_issues];
    // Positions per cell: what activity and prominence divide by, whatever
    // the type (signed or coded values would flip signs or divide by codes).
    let mut counts = vec![0.0; n_actors * n_issues];
    for (a, row) in rows(entries, n_actors, |e| (e.actor, e.issue))
        .into_iter()
        .enumerate()
    {
        for (x, c) in row {
            counts[a * n_issues + x] = c.iter().sum();
            values[a * n_issues + x] = match kind {
                NetworkType::Subtract => c[0] - c[1],
                NetworkType::Combine => match (c[0] > 0.0, c[1] > 0.0) {
                    (true, false) => 1.0,
                    (false, true) => 2.0,
                    (true, true) => 3.0,
                    (false, false) => 0.0,
                },
                _ => c.iter().sum(),
            };
        }
    }
    match normalization {
        Normalization::Activity => {
            for a in 0..n_actors {
                let sum: f64 = counts[a * n_issues..(a + 1) * n_issues].iter().sum();
                let row = &mut values[a * n_issues..(a + 1) * n_issues];
                row.iter_mut().for_each(|v| *v = ratio(*v, sum));
            }
        }
        Normalization::Prominence => {
            for x in 0..n_issues {
                let sum: f64 = (0..n_actors).map(|a| counts[a * n_issues + x]).sum();
                for a in 0..n_actors {
                    values[a * n_issues + x] = ratio(values[a * n_issues + x], sum);
                }
            }
        }
        _ => {}
    }
    values
}

fn ratio(value: f64, denominator: f64) -> f64 {
    if denominator == 0.0 {
        0.0
    } else {
        value / denominator
    }
}

/// The one-mode matrix over actors (or issues, when `by_issue`), sharing
/// issues (or actors).
pub(crate) fn one_mode(
    entries: &[Entry],
    n_actors: usize,
    n_issues: usize,
    by_issue: bool,
    neutral_present: bool,
    kind: NetworkType,
    normalization: Normalization,
) -> Vec<f64> {
    let (n, n_shared) = if by_issue {
        (n_issues, n_actors)
    } else {
        (n_actors, n_issues)
    };
    let key = |e: &Entry| {
        if by_issue {
            (e.issue, e.actor)
        } else {
            (e.actor, e.issue)
        }
    };
    // Each row's (shared entity, counts), and each shared entity's (row, counts).
    let to_rows = |lists: Vec<Vec<(usize, Levels)>>| {
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        offsets.push(0);
        let mut items = Vec::new();
        for list in lists {
            items.extend(list.into_iter().map(|(k, c)| (k as u32, c)));
            offsets.push(items.len());
        }
        Rows::from_parts(offsets, items)
    };
    let by_row = to_rows(rows(entries, n, key));
    let shared = to_rows(rows(entries, n_shared, |e| {
        let (r, s) = key(e);
        (s, r)
    }));
    // Stance levels q and range R (DNA's rule): binary without neutral.
    let (q, range): ([f64; 3], f64) = if neutral_present {
        ([1.0, -1.0, 0.0], 2.0)
    } else {
        ([1.0, 0.0, 0.0], 1.0)
    };
    let mut weight = [[0.0; 3]; 3];
    for k in 0..3 {
        for l in 0..3 {
            let distance = (q[k] - q[l]).abs() / range;
            weight[k][l] = match kind {
                NetworkType::Congruence => 1.0 - distance,
                NetworkType::Conflict => distance,
                NetworkType::Subtract => 1.0 - 2.0 * distance,
                _ => 1.0,
            };
        }
    }
    let ignore = kind == NetworkType::Ignore;
    let need_dot = matches!(
        normalization,
        Normalization::Cosine | Normalization::DnaJaccard
    );
    // DNA's jaccard needs the covered counts; the true Jaccard Σ min (kept in the same slot).
    let need_covered = matches!(
        normalization,
        Normalization::DnaJaccard | Normalization::Jaccard
    );
    let mut values = vec![0.0; n * n];
    let mut dot = vec![0.0; if need_dot { n * n } else { 0 }];
    let mut covered = vec![0.0; if need_covered { n * n } else { 0 }];
    // Per pair: the value, the dot product of the count vectors, and the
    // counts each row has where the other has some (DNA's jaccard).
    let measure = |c1: Levels, c2: Levels| {
        let value = if ignore {
            c1.iter().sum::<f64>() * c2.iter().sum::<f64>()
        } else {
            let mut v = 0.0;
            for k in 0..3 {
                if c1[k] != 0.0 {
                    for l in 0..3 {
                        v += c1[k] * c2[l] * weight[k][l];
                    }
                }
            }
            v
        };
        if normalization == Normalization::Jaccard {
            let min: f64 = (0..3).map(|k| c1[k].min(c2[k])).sum();
            return [value, 0.0, min, min];
        }
        if !need_dot {
            return [value, 0.0, 0.0, 0.0];
        }
        let d: f64 = (0..3).map(|k| c1[k] * c2[k]).sum();
        if !need_covered {
            return [value, d, 0.0, 0.0];
        }
        let a12: f64 = (0..3).filter(|&k| c2[k] > 0.0).map(|k| c1[k]).sum();
        let a21: f64 = (0..3).filter(|&k| c1[k] > 0.0).map(|k| c2[k]).sum();
        [value, d, a12, a21]
    };
    pair_sums(
        &by_row,
        &shared,
        n,
        measure,
        |r1, r2, [value, d, a12, a21]| {
            values[r1 * n + r2] = value;
            values[r2 * n + r1] = value;
            if need_dot {
                dot[r1 * n + r2] = d;
                dot[r2 * n + r1] = d;
            }
            if need_covered {
                covered[r1 * n + r2] = a12;
                covered[r2 * n + r1] = a21;
            }
        },
    );
    if normalization == Normalization::None {
        return values;
    }
    // Per-row activity a and squared norm.
    let mut activity = vec![0.0; n];
    let mut norm2 = vec![0.0; n];
    for r in 0..n {
        for &(_, c) in by_row.row(r) {
            activity[r] += c.iter().sum::<f64>();
            norm2[r] += c.iter().map(|x| x * x).sum::<f64>();
        }
    }
    for r1 in 0..n {
        for r2 in 0..n {
            if r1 == r2 {
                continue;
            }
            let cell = r1 * n + r2;
            let denominator = match normalization {
                Normalization::Average => (activity[r1] + activity[r2]) / 2.0,
                Normalization::DnaCosine => activity[r1] * activity[r2],
                Normalization::DnaJaccard => {
                    (activity[r1] - covered[cell])
                        + (activity[r2] - covered[r2 * n + r1])
                        + dot[cell]
                }
                _ => 1.0,
            };
            values[cell] = match normalization {
                // The similarity of the two stance vectors, whatever the type.
                Normalization::Cosine => ratio(dot[cell], (norm2[r1] * norm2[r2]).sqrt()),
                Normalization::Jaccard => {
                    let min = covered[cell];
                    ratio(min, activity[r1] + activity[r2] - min)
                }
                _ => ratio(values[cell], denominator),
            };
        }
    }
    values
}
