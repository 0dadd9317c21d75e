//! Significance of balance: is a signed network more balanced than chance?
//!
//! # Method
//!
//! The null model keeps the network — its nodes, its ties and how many of
//! them are positive — and shuffles the signs over the ties (a uniform
//! random permutation, Fisher–Yates). For each of `samples` shuffles the
//! measure is computed again; the p-value is the share of shuffles at
//! least as balanced as the observed network, counting the observed one
//! (`(1 + #{null ≥ observed}) / (1 + samples)`, so never 0: Davison and
//! Hinkley 1997, §4.2). Two measures:
//!
//! - **triangle balance**: the share of balanced triangles (`+++`, `+--`).
//!   The triangles are enumerated once; a shuffle only recounts their
//!   signs, O(T) each.
//! - **the frustration index**: the least weight of ties out of place, by the
//!   local-search heuristic (the same method for the observed network and
//!   every shuffle, so that like is compared with like: an upper bound each,
//!   not the exact index). Lower is more balanced. O(m · rounds) per
//!   shuffle, so it has its own, smaller number of samples.
//!
//! # Guarantees
//!
//! Reproducible: shuffle `i` draws from its own generator seeded by
//! `seed` and `i`, so the result depends on the seed and the sample counts
//! only — not on the number of threads that share the work.

use crate::balance::{FrustrationMethod, FrustrationOptions, SignedGraph, measures};
use crate::util::rng::SplitMix64;

/// How to test significance: see [`SignedGraph::significance`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SignificanceOptions {
    /// Shuffles for triangle balance (default 1,000; 0 skips the test).
    pub samples: usize,
    /// Shuffles for the frustration index (default 100; 0 skips the test).
    pub frustration_samples: usize,
    /// The seed of the shuffles.
    pub seed: u64,
}

impl Default for SignificanceOptions {
    fn default() -> Self {
        SignificanceOptions {
            samples: Self::DEFAULT_SAMPLES,
            frustration_samples: Self::DEFAULT_FRUSTRATION_SAMPLES,
            seed: Self::DEFAULT_SEED,
        }
    }
}

impl SignificanceOptions {
    /// The default number of shuffles for triangle balance.
    pub const DEFAULT_SAMPLES: usize = 1_000;
    /// The default number of shuffles for the frustration index.
    pub const DEFAULT_FRUSTRATION_SAMPLES: usize = 100;
    /// The default seed.
    pub const DEFAULT_SEED: u64 = 0x5eed;
    /// Up to this many ties the command line's `balance` tests significance
    /// by default in its text output (about a second with the default
    /// samples on two cores).
    pub const DEFAULT_MAX_EDGES: usize = 10_000;

    /// The defaults.
    pub fn new() -> Self {
        SignificanceOptions::default()
    }

    /// Sets [`SignificanceOptions::samples`].
    pub fn with_samples(mut self, samples: usize) -> Self {
        self.samples = samples;
        self
    }

    /// Sets [`SignificanceOptions::frustration_samples`].
    pub fn with_frustration_samples(mut self, samples: usize) -> Self {
        self.frustration_samples = samples;
        self
    }

    /// Sets [`SignificanceOptions::seed`].
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

/// One measure against its null distribution.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct NullTest {
    /// The measure on the network as it is.
    pub observed: f64,
    /// The mean over the shuffles.
    pub mean: f64,
    /// The standard deviation over the shuffles.
    pub sd: f64,
    /// `(observed − mean) / sd` (0 when the shuffles do not vary).
    pub z: f64,
    /// The share of shuffles at least as balanced, counting the observed
    /// network: `(1 + k) / (1 + samples)`.
    pub p_value: f64,
    /// How many shuffles.
    pub samples: usize,
    /// The seed of the shuffles.
    pub seed: u64,
}

/// Triangle balance and the frustration index against random sign
/// arrangements: see [`SignedGraph::significance`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Significance {
    /// The share of balanced triangles; `None` with no triangle (or no
    /// samples asked for).
    pub triangles: Option<NullTest>,
    /// The frustration index (the heuristic's, for the observed network and
    /// every shuffle); `None` with no tie (or no samples asked for).
    pub frustration: Option<NullTest>,
}

impl Significance {
    /// The result as JSON: `{"triangles": test|null, "frustration":
    /// test|null}`, each test `{"observed", "mean", "sd", "z", "p_value",
    /// "samples", "seed"}`.
    pub fn to_json(&self) -> serde_json::Value {
        let test = |t: &Option<NullTest>| {
            t.as_ref().map(|t| {
                serde_json::json!({"observed": t.observed, "mean": t.mean, "sd": t.sd, "z": t.z,
                    "p_value": t.p_value, "samples": t.samples, "seed": t.seed})
            })
        };
        serde_json::json!({
            "triangles": test(&self.triangles),
            "frustration": test(&self.frustration),
        })
    }

    /// The result in words: one line per measure.
    pub fn explain(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.triangles {
            out.push_str(&format!(
                "Triangle balance {:.4} against {:.4} ± {:.4} with the signs shuffled ({} shuffles, seed {}): p = {:.4}{}\n",
                t.observed,
                t.mean,
                t.sd,
                t.samples,
                t.seed,
                t.p_value,
                verdict(t.p_value, "more balanced than chance")
            ));
        }
        if let Some(t) = &self.frustration {
            out.push_str(&format!(
                "Frustration index (heuristic) {} against {:.1} ± {:.1} with the signs shuffled ({} shuffles, seed {}): p = {:.4}{}\n",
                t.observed,
                t.mean,
                t.sd,
                t.samples,
                t.seed,
                t.p_value,
                verdict(t.p_value, "fewer ties out of place than chance")
            ));
        }
        out
    }
}

fn verdict(p: f64, what: &str) -> String {
    if p <= 0.01 {
        format!(" — {what}")
    } else if p <= 0.05 {
        format!(" — {what} (at the 5% level)")
    } else {
        " — not distinguishable from chance".to_owned()
    }
}

/// The generator of shuffle `i`.
fn generator(seed: u64, i: usize) -> SplitMix64 {
    let mut mix = SplitMix64(seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
    SplitMix64(mix.next())
}

/// `f(i)` for every shuffle `i` in 0..count, on every core, in order.
fn each_sample(count: usize, f: impl Fn(usize) -> f64 + Sync) -> Vec<f64> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, count.max(1));
    let chunk = count.div_ceil(threads).max(1);
    let mut out = vec![0.0; count];
    std::thread::scope(|scope| {
        for (k, part) in out.chunks_mut(chunk).enumerate() {
            let f = &f;
            scope.spawn(move || {
                for (j, slot) in part.iter_mut().enumerate() {
                    *slot = f(k * chunk + j);
                }
            });
        }
    });
    out
}

/// `observed` against `null`; `more_balanced(x)` says whether a shuffle
/// is at least as balanced as the observed network.
fn test(observed: f64, null: &[f64], seed: u64, at_least: impl Fn(f64) -> bool) -> NullTest {
    let n = null.len() as f64;
    let mean = null.iter().sum::<f64>() / n;
    let var = null.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0).max(1.0);
    let sd = var.sqrt();
    let k = null.iter().filter(|&&x| at_least(x)).count();
    NullTest {
        observed,
        mean,
        sd,
        z: if sd > 0.0 {
            (observed - mean) / sd
        } else {
            0.0
        },
        p_value: (1 + k) as f64 / (1.0 + n),
        samples: null.len(),
        seed,
    }
}

/// [`SignedGraph::significance`].
pub(crate) fn significance(graph: &SignedGraph, options: &SignificanceOptions) -> Significance {
    let signs: Vec<i8> = graph.edges().iter().map(|e| e.sign).collect();
    let shuffled = |i: usize| {
        let mut s = signs.clone();
        generator(options.seed, i).shuffle(&mut s);
        s
    };
    let triangles = (options.samples > 0)
        .then(|| triangle_edges(graph))
        .filter(|t| !t.is_empty())
        .map(|t| {
            let ratio = |s: &[i8]| {
                let balanced = t
                    .iter()
                    .filter(|[a, b, c]| s[*a] * s[*b] * s[*c] > 0)
                    .count();
                balanced as f64 / t.len() as f64
            };
            let observed = ratio(&signs);
            let null = each_sample(options.samples, |i| ratio(&shuffled(i)));
            test(observed, &null, options.seed, |x| x >= observed)
        });
    let frustration = (options.frustration_samples > 0 && !signs.is_empty()).then(|| {
        // Values, not proofs: the local search alone, the same for the
        // observed network and every shuffle (the LP bound and its guided
        // camps would cost seconds per shuffle on dense weighted graphs).
        let heuristic = FrustrationOptions {
            value_only: true,
            ..FrustrationOptions::new().with_method(FrustrationMethod::Heuristic)
        };
        let index = |s: &[i8]| {
            let mut g = graph.clone();
            g.set_signs(s);
            g.frustration(&heuristic).value
        };
        let observed = index(&signs);
        let null = each_sample(options.frustration_samples, |i| index(&shuffled(i)));
        test(observed, &null, options.seed, |x| x <= observed)
    });
    Significance {
        triangles,
        frustration,
    }
}

/// Every triangle as its three edge indices (each once; in a multigraph,
/// each choice of one tie per side).
fn triangle_edges(graph: &SignedGraph) -> Vec<[usize; 3]> {
    let adjacency = graph.adjacency();
    let mut out = Vec::new();
    for (a, list) in adjacency.iter().enumerate() {
        for &(b, ab) in list.iter().filter(|&&(b, _)| b > a) {
            // Common neighbours c > b of a and b: merge the sorted lists.
            let (mut i, mut j) = (0, 0);
            let (la, lb) = (list, &adjacency[b]);
            while i < la.len() && j < lb.len() {
                let (ca, cb) = (la[i].0, lb[j].0);
                match ca.cmp(&cb) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        // Every choice of one tie per side (an ambivalent
                        // pair has two).
                        let (i_end, j_end) = (measures::run_end(la, i), measures::run_end(lb, j));
                        if ca > b {
                            for &(_, ac) in &la[i..i_end] {
                                for &(_, bc) in &lb[j..j_end] {
                                    out.push([ab, ac, bc]);
                                }
                            }
                        }
                        i = i_end;
                        j = j_end;
                    }
                }
            }
        }
    }
    out
}
