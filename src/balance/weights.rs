//! Tie weights as exact integers, for the searches that add them up.
//!
//! The frustration index, the blockmodels and the generalised blockmodels
//! minimise a **total weight** of ties out of place. Their searches compare
//! sums, prune on bounds and prove optimality, so they run on integers: each
//! weight becomes a whole number of *units*, `round(w · 10^d)`, with `d` the
//! fewest decimal places (at most [`WEIGHT_DECIMALS`]) that write every weight
//! of the graph exactly, up to a relative 10^-12 (the binary noise of adding
//! decimal weights: `1.4 + 0.23` has two decimal places, `10000000000.4`
//! one). When that is possible with a
//! total below 2^52 units the units are **lossless**: the searches are exact
//! for the real weights, and results are converted back by dividing by
//! `10^d`, so a total of whole weights is a whole number, and an unweighted
//! graph (every weight 1) gives exactly the counts it always did.
//!
//! Otherwise (a weight with more decimals, such as `1/3` or `1e-7`, or
//! weights so large or so spread that their total would pass 2^52 units) the
//! units are a rounding (`Units::lossless` is false): `d` is the largest
//! that keeps the total below 2^52 (negative for huge weights: tens,
//! hundreds, …), no tie counts less than one unit, and the callers say so —
//! the values they report are the real weights of what they found, never the
//! rounded ones, and they claim no optimality the rounding could break (a
//! lower bound is lowered by the largest error the rounding can make,
//! `Units::rounding_error`).
//!
//! Guarantee: the total of all units stays below 2^52, so that no sum in a
//! search overflows and every total converts back to an `f64` exactly. The
//! graphs' constructors reject weights whose total is not finite.

use crate::balance::SignedEdge;

/// The most decimal places a weight is counted to exactly; weights with more
/// are rounded, and results on them are not claimed optimal.
pub const WEIGHT_DECIMALS: i32 = 6;

/// Totals of units stay below this.
const UNIT_LIMIT: f64 = 4_503_599_627_370_496.0; // 2^52

/// The edges' weights in integer units, and how many units make a weight of 1.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Units {
    /// Per edge, its weight in units (at least 1).
    pub(crate) units: Vec<u64>,
    /// Units per weight of 1: `10^d`.
    pub(crate) scale: f64,
    /// Whether every weight is exactly its units over `scale`.
    pub(crate) lossless: bool,
    /// Per edge, its real weight.
    weights: Vec<f64>,
}

impl Units {
    /// The weights of `edges` in units.
    pub(crate) fn of(edges: &[SignedEdge]) -> Units {
        let weights: Vec<f64> = edges.iter().map(|e| e.weight).collect();
        if weights.iter().all(|&w| w == 1.0) {
            return Units {
                units: vec![1; edges.len()],
                scale: 1.0,
                lossless: true,
                weights,
            };
        }
        let needed = weights.iter().map(|&w| decimals(w)).max().unwrap_or(0);
        let total: f64 = weights.iter().sum();
        let mut d = needed.min(WEIGHT_DECIMALS);
        while d > -300 && total * 10f64.powi(d) >= UNIT_LIMIT {
            d -= 1;
        }
        let scale = 10f64.powi(d);
        let units: Vec<u64> = weights
            .iter()
            .map(|&w| ((w * scale).round() as u64).max(1))
            .collect();
        // Lossless when no decimal was cut and every weight is its units (up
        // to the binary noise of the sums that made it).
        let lossless = d == needed
            && units
                .iter()
                .zip(&weights)
                .all(|(&u, &w)| (u as f64 - w * scale).abs() <= WHOLE * (w * scale).max(1.0));
        Units {
            units,
            scale,
            lossless,
            weights,
        }
    }

    /// A total of units as a weight (exact when lossless).
    pub(crate) fn weight(&self, units: u64) -> f64 {
        units as f64 / self.scale
    }

    /// The total weight of `edges` (indices): from the units when lossless
    /// (exact, and whole when the weights are), else the real weights' sum.
    pub(crate) fn weight_of(&self, edges: impl IntoIterator<Item = usize>) -> f64 {
        if self.lossless {
            self.weight(edges.into_iter().map(|e| self.units[e]).sum())
        } else {
            edges.into_iter().map(|e| self.weights[e]).sum()
        }
    }

    /// The most the rounding can misstate the weight of any set of edges:
    /// the sum over all edges of |weight − units / scale| (0 when lossless).
    pub(crate) fn rounding_error(&self) -> f64 {
        if self.lossless {
            return 0.0;
        }
        self.units
            .iter()
            .zip(&self.weights)
            .map(|(&u, &w)| (w - u as f64 / self.scale).abs())
            .sum()
    }

    /// A proven lower bound in units, as a bound on the real weights: the
    /// units' bound when lossless, else lowered by the rounding error.
    pub(crate) fn lower_bound(&self, units: u64) -> f64 {
        if self.lossless {
            self.weight(units)
        } else {
            (self.weight(units) - self.rounding_error()).max(0.0)
        }
    }
}

/// How close to a whole number `x` must be to count as one: a relative
/// 10^-12, far above the noise of adding decimal weights in binary
/// (`1.4 + 0.23` is `1.6300000000000001`) and far below any decimal a
/// weight is written with (`10000000000.4` is not whole).
const WHOLE: f64 = 1e-12;

fn is_whole(x: f64) -> bool {
    (x - x.round()).abs() <= WHOLE * x.abs().max(1.0)
}

/// The fewest decimal places that write `w` (`0.45`: 2, `1.6300000000000001`,
/// a sum of `1.4` and `0.23`: 2, `10000000000.4`: 1), or
/// `WEIGHT_DECIMALS + 1` when more are needed (`1e-7`, `1/3`).
fn decimals(w: f64) -> i32 {
    (0..=WEIGHT_DECIMALS)
        .find(|&d| is_whole(w * 10f64.powi(d)))
        .unwrap_or(WEIGHT_DECIMALS + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edges(weights: &[f64]) -> Vec<SignedEdge> {
        weights
            .iter()
            .map(|&weight| SignedEdge {
                a: 0,
                b: 1,
                sign: 1,
                weight,
            })
            .collect()
    }

    #[test]
    fn unit_weights_are_one_unit() {
        let u = Units::of(&edges(&[1.0, 1.0]));
        assert_eq!(
            (u.units.clone(), u.scale, u.lossless),
            (vec![1, 1], 1.0, true)
        );
    }

    #[test]
    fn decimals_are_exact() {
        let u = Units::of(&edges(&[0.5, 1.25, 3.0]));
        assert_eq!((u.units.clone(), u.scale), (vec![50, 125, 300], 100.0));
        assert!(u.lossless);
        assert_eq!(u.weight_of([0, 1]), 1.75);
        let u = Units::of(&edges(&[0.1, 0.2]));
        assert_eq!(u.weight_of([0, 1]), 0.3);
    }

    #[test]
    fn long_fractions_count_to_six_places_and_say_so() {
        let u = Units::of(&edges(&[1.0 / 3.0, 1.0]));
        assert_eq!(u.units, vec![333_333, 1_000_000]);
        assert!(!u.lossless);
        assert!((u.rounding_error() - 1.0 / 3.0e6).abs() < 1e-12);
        assert_eq!(u.weight_of([0, 1]), 1.0 / 3.0 + 1.0);
        assert!(u.lower_bound(1_333_333) <= 1.0 / 3.0 + 1.0);
    }

    #[test]
    fn sums_of_decimals_are_still_decimals() {
        let u = Units::of(&edges(&[1.4 + 0.23, 3.81]));
        assert!(u.lossless);
        assert_eq!(u.units, vec![163, 381]);
        assert_eq!(u.weight_of([0]), 1.63);
    }

    #[test]
    fn large_numbers_keep_their_decimals() {
        let u = Units::of(&edges(&[10_000_000_000.4, 10_000_000_000.0]));
        assert!(u.lossless);
        assert_eq!(u.units, vec![100_000_000_004, 100_000_000_000]);
        let u = Units::of(&edges(&[0.0000014, 0.0000001]));
        assert!(!u.lossless, "seven decimals are more than six");
    }

    #[test]
    fn huge_weights_keep_totals_small() {
        let u = Units::of(&edges(&[1e300, 1.0]));
        assert!(u.units.iter().sum::<u64>() < 1 << 52);
        assert_eq!(u.units[1], 1);
        assert!(!u.lossless);
        assert_eq!(u.weight_of([0]), 1e300);
        let u = Units::of(&edges(&[1e14, 0.45, 0.24]));
        assert!(!u.lossless, "1e16 units would pass 2^52");
    }
}
