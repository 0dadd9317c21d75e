//! A deterministic graph layout: stress majorisation (Gansner, Koren and
//! North 2004) started from classical scaling, so the same graph always
//! gives the same picture.
//!
//! Only `+ − × ÷` and `sqrt` are used (no `sin`, `cos` or `atan2`, whose
//! last bits differ between maths libraries), so the coordinates are the
//! same on every platform.

use crate::util::rng::SplitMix64;

/// Most sweeps of the majorisation; it usually converges well before.
const SWEEPS: usize = 400;

/// Positions for `n` nodes joined by `links` `(a, b, ideal length)`, with
/// the pairs in `apart` `(a, b, least distance)` kept at least that far
/// apart (conflicts).
///
/// Node pairs are asked to lie as far apart as their shortest path along
/// the links; pairs in different connected parts a little further than the
/// longest path. The result is in layout units (about one per unit length),
/// rotated so that its long axis is horizontal.
///
/// # Complexity
///
/// O(n³) for the shortest paths and O(n²) per sweep: meant for drawings of
/// at most a few hundred nodes.
pub(crate) fn stress_layout(
    n: usize,
    links: &[(usize, usize, f64)],
    apart: &[(usize, usize, f64)],
) -> Vec<[f64; 2]> {
    match n {
        0 => return Vec::new(),
        1 => return vec![[0.0, 0.0]],
        _ => {}
    }
    let mut target = distances(n, links);
    for &(a, b, length) in apart {
        if a != b && a < n && b < n && length.is_finite() {
            let d = target[a * n + b].max(length);
            target[a * n + b] = d;
            target[b * n + a] = d;
        }
    }
    let mut xy = classical_scaling(n, &target);
    majorise(n, &target, &mut xy);
    orient(&mut xy);
    xy
}

/// All-pairs shortest path lengths (Floyd–Warshall); unreachable pairs get
/// the longest finite length plus one.
fn distances(n: usize, links: &[(usize, usize, f64)]) -> Vec<f64> {
    let mut d = vec![f64::INFINITY; n * n];
    for i in 0..n {
        d[i * n + i] = 0.0;
    }
    for &(a, b, length) in links {
        if a != b && a < n && b < n {
            let length = if length.is_finite() {
                length.max(0.1)
            } else {
                1.0
            };
            if length < d[a * n + b] {
                d[a * n + b] = length;
                d[b * n + a] = length;
            }
        }
    }
    for k in 0..n {
        for i in 0..n {
            let dik = d[i * n + k];
            if dik.is_infinite() {
                continue;
            }
            for j in 0..n {
                let through = dik + d[k * n + j];
                if through < d[i * n + j] {
                    d[i * n + j] = through;
                }
            }
        }
    }
    let longest = d
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .fold(1.0_f64, f64::max);
    for v in &mut d {
        if v.is_infinite() {
            *v = longest + 1.0;
        }
    }
    d
}

/// Classical (Torgerson) scaling: the top two eigenvectors of the
/// double-centred squared distances, by power iteration from fixed starts,
/// plus a small seeded jitter so that no two nodes coincide.
fn classical_scaling(n: usize, d: &[f64]) -> Vec<[f64; 2]> {
    let mut b = vec![0.0; n * n];
    let mut row_mean = vec![0.0; n];
    let mut total = 0.0;
    for i in 0..n {
        for j in 0..n {
            let sq = d[i * n + j] * d[i * n + j];
            b[i * n + j] = sq;
            row_mean[i] += sq / n as f64;
            total += sq;
        }
    }
    let mean = total / (n * n) as f64;
    for i in 0..n {
        for j in 0..n {
            b[i * n + j] = -0.5 * (b[i * n + j] - row_mean[i] - row_mean[j] + mean);
        }
    }
    // Unit eigenvectors (for deflation) and the coordinates they give.
    let mut units: Vec<Vec<f64>> = Vec::with_capacity(2);
    let mut coords: Vec<Vec<f64>> = Vec::with_capacity(2);
    for axis in 0..2 {
        let mut v: Vec<f64> = (0..n).map(|i| unit(i as u64 * 2 + axis as u64)).collect();
        let mut lambda = 0.0;
        for _ in 0..200 {
            for unit in &units {
                let dot: f64 = v.iter().zip(unit).map(|(a, b)| a * b).sum();
                for (x, u) in v.iter_mut().zip(unit) {
                    *x -= dot * u;
                }
            }
            let w: Vec<f64> = (0..n)
                .map(|i| (0..n).map(|j| b[i * n + j] * v[j]).sum())
                .collect();
            let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm < 1e-12 {
                lambda = 0.0;
                break;
            }
            lambda = norm;
            v = w.into_iter().map(|x| x / norm).collect();
        }
        let scale = lambda.sqrt();
        coords.push(v.iter().map(|x| x * scale).collect());
        units.push(v);
    }
    let (x, y) = (&coords[0], &coords[1]);
    let spread = d.iter().copied().fold(1.0_f64, f64::max);
    let mut rng = SplitMix64(0x5eed_1a70_u64);
    let mut jitter = || (rng.next() as f64 / u64::MAX as f64 - 0.5) * 0.02 * spread;
    (0..n)
        .map(|i| {
            let (jx, jy) = (jitter(), jitter());
            let (px, py) = (x[i], y[i]);
            if px.is_finite() && py.is_finite() && (px != 0.0 || py != 0.0) {
                [px + jx, py + jy]
            } else {
                // Degenerate scaling: start from a seeded scatter.
                [
                    spread * unit(2 * (n + i) as u64) + jx,
                    spread * unit(2 * (n + i) as u64 + 1) + jy,
                ]
            }
        })
        .collect()
}

/// A number in [−1, 1) fixed by `k` (SplitMix64).
fn unit(k: u64) -> f64 {
    let bits = SplitMix64(k.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x1a70).next() >> 11;
    bits as f64 / (1u64 << 52) as f64 - 1.0
}

/// Stress majorisation, node by node (Gauss–Seidel), weights 1/d².
fn majorise(n: usize, d: &[f64], xy: &mut [[f64; 2]]) {
    for _ in 0..SWEEPS {
        let mut moved = 0.0;
        for i in 0..n {
            let (mut sx, mut sy, mut sw) = (0.0, 0.0, 0.0);
            for j in 0..n {
                if i == j {
                    continue;
                }
                let t = d[i * n + j].max(1e-3);
                let w = 1.0 / (t * t);
                let (dx, dy) = (xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
                let dist = (dx * dx + dy * dy).sqrt();
                let (ux, uy) = if dist > 1e-9 {
                    (dx / dist, dy / dist)
                } else {
                    // Coincident: push apart along a direction fixed by the pair.
                    const DIRECTIONS: [(f64, f64); 8] = [
                        (1.0, 0.0),
                        (0.6, 0.8),
                        (0.0, 1.0),
                        (-0.8, 0.6),
                        (-1.0, 0.0),
                        (-0.6, -0.8),
                        (0.0, -1.0),
                        (0.8, -0.6),
                    ];
                    DIRECTIONS[(i * 31 + j * 17) % 8]
                };
                sx += w * (xy[j][0] + t * ux);
                sy += w * (xy[j][1] + t * uy);
                sw += w;
            }
            if sw > 0.0 {
                let next = [sx / sw, sy / sw];
                moved += (next[0] - xy[i][0]).abs() + (next[1] - xy[i][1]).abs();
                xy[i] = next;
            }
        }
        if moved < 1e-4 * n as f64 {
            break;
        }
    }
}

/// Centres the layout and turns its long axis horizontal, with a fixed
/// choice of sign, so that the picture is landscape and repeatable.
fn orient(xy: &mut [[f64; 2]]) {
    let n = xy.len() as f64;
    let (mx, my) = xy
        .iter()
        .fold((0.0, 0.0), |(a, b), p| (a + p[0] / n, b + p[1] / n));
    let (mut sxx, mut syy, mut sxy) = (0.0, 0.0, 0.0);
    for p in xy.iter_mut() {
        p[0] -= mx;
        p[1] -= my;
        sxx += p[0] * p[0];
        syy += p[1] * p[1];
        sxy += p[0] * p[1];
    }
    // The unit eigenvector (c, s) of the covariance's larger eigenvalue.
    let half = (sxx - syy) / 2.0;
    let root = (half * half + sxy * sxy).sqrt();
    let (c, s) = if root < 1e-12 {
        (1.0, 0.0)
    } else if half >= 0.0 {
        let (vx, vy) = (half + root, sxy);
        let norm = (vx * vx + vy * vy).sqrt();
        (vx / norm, vy / norm)
    } else {
        let (vx, vy) = (sxy, root - half);
        let norm = (vx * vx + vy * vy).sqrt();
        (vx / norm, vy / norm)
    };
    for p in xy.iter_mut() {
        *p = [c * p[0] + s * p[1], -s * p[0] + c * p[1]];
    }
    // Node 0 on the left, and the first node off the axis above it.
    if xy.first().is_some_and(|p| p[0] > 0.0) {
        for p in xy.iter_mut() {
            p[0] = -p[0];
        }
    }
    if xy
        .iter()
        .find(|p| p[1].abs() > 1e-9)
        .is_some_and(|p| p[1] > 0.0)
    {
        for p in xy.iter_mut() {
            p[1] = -p[1];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    }

    #[test]
    fn a_path_is_laid_out_in_order_and_at_its_lengths() {
        let links = [(0, 1, 1.0), (1, 2, 1.0), (2, 3, 1.0)];
        let xy = stress_layout(4, &links, &[]);
        assert!((dist(xy[0], xy[3]) - 3.0).abs() < 0.05, "{xy:?}");
        assert!((dist(xy[0], xy[1]) - 1.0).abs() < 0.05);
        assert!(xy[0][0] < xy[1][0] && xy[1][0] < xy[2][0] && xy[2][0] < xy[3][0]);
    }

    #[test]
    fn the_same_graph_gives_the_same_layout_and_no_nodes_coincide() {
        let links = [(0, 1, 1.0), (2, 3, 3.0), (4, 5, 1.0), (1, 2, 1.0)];
        let a = stress_layout(8, &links, &[]);
        let b = stress_layout(8, &links, &[]);
        assert_eq!(a, b);
        for i in 0..8 {
            for j in i + 1..8 {
                assert!(dist(a[i], a[j]) > 0.1, "{i} and {j} coincide: {a:?}");
            }
        }
        assert!(a.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    }

    #[test]
    fn pairs_kept_apart_end_up_further_apart() {
        let links = [(0, 1, 1.0), (1, 2, 1.0)];
        let close = stress_layout(3, &links, &[]);
        let far = stress_layout(3, &links, &[(0, 1, 3.0)]);
        assert!(dist(far[0], far[1]) > dist(close[0], close[1]) + 0.5);
    }

    #[test]
    fn a_triangle_keeps_its_shape() {
        let links = [(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0)];
        let xy = stress_layout(3, &links, &[]);
        for (a, b) in [(0, 1), (1, 2), (0, 2)] {
            assert!((dist(xy[a], xy[b]) - 1.0).abs() < 0.05, "{xy:?}");
        }
    }
}
