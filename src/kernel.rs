//! The network kernel: dense matrices from counted positions.

use crate::network::Entry;
use crate::{NetworkOptions, NetworkType, Normalization};

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
    for (a, row) in rows(entries, n_actors, |e| (e.actor, e.issue))
        .into_iter()
        .enumerate()
    {
        for (x, c) in row {
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
                let row = &mut values[a * n_issues..(a + 1) * n_issues];
                let sum: f64 = row.iter().sum();
                row.iter_mut().for_each(|v| *v = ratio(*v, sum));
            }
        }
        Normalization::Prominence => {
            for x in 0..n_issues {
                let sum: f64 = (0..n_actors).map(|a| values[a * n_issues + x]).sum();
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
    // For each shared entity, the rows on it with their counts.
    let shared = rows(entries, n_shared, |e| {
        let (r, s) = key(e);
        (s, r)
    });
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
    let need_dna_jaccard = options.normalization == Normalization::DnaJaccard;
    let need_dot = matches!(
        options.normalization,
        Normalization::Jaccard | Normalization::Cosine
    ) || need_dna_jaccard;
    let mut values = vec![0.0; n * n];
    let mut dot = if need_dot {
        vec![0.0; n * n]
    } else {
        Vec::new()
    };
    // Σ xᵢⱼₖ over (j, k) where the other row has xᵢ'ⱼₖ > 0 (DNA's jaccard).
    let mut covered = if need_dna_jaccard {
        vec![0.0; n * n]
    } else {
        Vec::new()
    };
    for list in &shared {
        for (i, &(r1, c1)) in list.iter().enumerate() {
            for &(r2, c2) in &list[i + 1..] {
                let value = if options.kind == NetworkType::Ignore {
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
                values[r1 * n + r2] += value;
                values[r2 * n + r1] += value;
                if need_dot {
                    let d: f64 = (0..3).map(|k| c1[k] * c2[k]).sum();
                    dot[r1 * n + r2] += d;
                    dot[r2 * n + r1] += d;
                }
                if need_dna_jaccard {
                    let a12: f64 = (0..3).filter(|&k| c2[k] > 0.0).map(|k| c1[k]).sum();
                    let a21: f64 = (0..3).filter(|&k| c1[k] > 0.0).map(|k| c2[k]).sum();
                    covered[r1 * n + r2] += a12;
                    covered[r2 * n + r1] += a21;
                }
            }
        }
    }
    if options.normalization == Normalization::None {
        return values;
    }
    // Per-row activity a and squared norm.
    let mut activity = vec![0.0; n];
    let mut norm2 = vec![0.0; n];
    for list in &shared {
        for &(r, c) in list {
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
                Normalization::Cosine => (norm2[r1] * norm2[r2]).sqrt(),
                Normalization::Jaccard => norm2[r1] + norm2[r2] - dot[cell],
                _ => 1.0,
            };
            values[cell] = ratio(values[cell], denominator);
        }
    }
    values
}
