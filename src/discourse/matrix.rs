//! The network kernel: dense matrices from counted positions.

use crate::discourse::network::Entry;
use crate::util::rows::Rows;
use crate::{discourse::NetworkOptions, discourse::NetworkType, discourse::Normalization};

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
    options: &NetworkOptions,
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
            values[a * n_issues + x] = match options.kind {
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
    match options.normalization {
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
    options: &NetworkOptions,
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
            weight[k][l] = match options.kind {
                NetworkType::Congruence => 1.0 - distance,
                NetworkType::Conflict => distance,
                NetworkType::Subtract => 1.0 - 2.0 * distance,
                _ => 1.0,
            };
        }
    }
    let ignore = options.kind == NetworkType::Ignore;
    let need_dot = matches!(
        options.normalization,
        Normalization::Cosine | Normalization::DnaJaccard
    );
    // DNA's jaccard needs the covered counts; the true Jaccard Σ min (kept in the same slot).
    let need_covered = matches!(
        options.normalization,
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
        if options.normalization == Normalization::Jaccard {
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
    if options.normalization == Normalization::None {
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
            let denominator = match options.normalization {
                Normalization::Average => (activity[r1] + activity[r2]) / 2.0,
                Normalization::DnaCosine => activity[r1] * activity[r2],
                Normalization::DnaJaccard => {
                    (activity[r1] - covered[cell])
                        + (activity[r2] - covered[r2 * n + r1])
                        + dot[cell]
                }
                _ => 1.0,
            };
            values[cell] = match options.normalization {
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

/// The shared core of every actor × actor (or issue × issue) measure: for
/// each pair of rows that meet on a shared entity, the sum over those
/// entities of `f(row₁'s value, row₂'s value)`.
///
/// `by_row[r]` lists (shared entity, value) and `by_shared[s]` lists
/// (row, value), each sorted by its first field. Pairs come out once, with
/// row₁ < row₂, ordered by (row₁, row₂), to `sink`: a row-by-row sparse
/// product (Gustavson), in O(Σₛ nₛ²) time and O(rows) scratch memory.
pub(crate) fn pair_sums<L: Copy, const K: usize>(
    by_row: &Rows<(u32, L)>,
    by_shared: &Rows<(u32, L)>,
    n: usize,
    f: impl Fn(L, L) -> [f64; K],
    mut sink: impl FnMut(usize, usize, [f64; K]),
) {
    let mut sums = vec![[0.0; K]; n];
    let mut touched_flag = vec![false; n];
    let mut touched: Vec<usize> = Vec::new();
    for r1 in 0..n {
        for &(s, l1) in by_row.row(r1) {
            let list = by_shared.row(s as usize);
            let start = list.partition_point(|&(r, _)| r as usize <= r1);
            for &(r2, l2) in &list[start..] {
                let r2 = r2 as usize;
                if !touched_flag[r2] {
                    touched_flag[r2] = true;
                    touched.push(r2);
                }
                let v = f(l1, l2);
                for (sum, x) in sums[r2].iter_mut().zip(v) {
                    *sum += x;
                }
            }
        }
        touched.sort_unstable();
        for &r2 in &touched {
            sink(r1, r2, sums[r2]);
            sums[r2] = [0.0; K];
            touched_flag[r2] = false;
        }
        touched.clear();
    }
}
