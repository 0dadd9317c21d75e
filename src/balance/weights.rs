//! Tie weights as exact integers, for the searches that add them up.
//!
//! The frustration index, the blockmodels and the generalised blockmodels
//! minimise a **total weight** of ties out of place. Their searches compare
//! sums, prune on bounds and prove optimality, so they run on integers: each
//! weight becomes a whole number of *units*, `round(w · 10^d)`, with `d` the
//! fewest decimal places (at most [`WEIGHT_DECIMALS`]) that write every weight
//! of the graph exactly. Weights read from text (`2`, `0.5`, `1.25`) are
//! therefore exact; a weight with more decimals (`1/3`) is counted to six
//! decimal places. Results are converted back by dividing by `10^d`, so a
//! total of whole weights is a whole number, and an unweighted graph (every
//! weight 1) gives exactly the counts it always did.
//!
//! Guarantee: the total of all units stays below 2^52, so that no sum in a
//! search overflows and every total converts back to an `f64` exactly; for
//! huge weights `d` becomes negative (weights counted to tens, hundreds, …),
//! and no tie ever counts less than one unit.

use crate::balance::SignedEdge;

/// The most decimal places a weight is counted to.
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
}

impl Units {
    /// The weights of `edges` in units.
    pub(crate) fn of(edges: &[SignedEdge]) -> Units {
        if edges.iter().all(|e| e.weight == 1.0) {
            return Units {
                units: vec![1; edges.len()],
                scale: 1.0,
            };
        }
        let decimals = edges.iter().map(|e| decimals(e.weight)).max().unwrap_or(0);
        let total: f64 = edges.iter().map(|e| e.weight).sum();
        let mut d = decimals;
        while d > -300 && total * 10f64.powi(d) >= UNIT_LIMIT {
            d -= 1;
        }
        let scale = 10f64.powi(d);
        let units = edges
            .iter()
            .map(|e| ((e.weight * scale).round() as u64).max(1))
            .collect();
        Units { units, scale }
    }

    /// A total of units as a weight.
    pub(crate) fn weight(&self, units: u64) -> f64 {
        units as f64 / self.scale
    }

    /// The total of the units of `edges` (indices), as a weight.
    pub(crate) fn weight_of(&self, edges: impl IntoIterator<Item = usize>) -> f64 {
        self.weight(edges.into_iter().map(|e| self.units[e]).sum())
    }
}

/// The fewest decimal places (up to [`WEIGHT_DECIMALS`]) that write `w` exactly,
/// as far as an `f64` tells.
fn decimals(w: f64) -> i32 {
    (0..WEIGHT_DECIMALS)
        .find(|&d| {
            let x = w * 10f64.powi(d);
            (x - x.round()).abs() <= 1e-9 * x.abs().max(1.0)
        })
        .unwrap_or(WEIGHT_DECIMALS)
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
        assert_eq!((u.units, u.scale), (vec![1, 1], 1.0));
    }

    #[test]
    fn decimals_are_exact() {
        let u = Units::of(&edges(&[0.5, 1.25, 3.0]));
        assert_eq!((u.units.clone(), u.scale), (vec![50, 125, 300], 100.0));
        assert_eq!(u.weight_of([0, 1]), 1.75);
        let u = Units::of(&edges(&[0.1, 0.2]));
        assert_eq!(u.weight_of([0, 1]), 0.3);
    }

    #[test]
    fn long_fractions_count_to_six_places() {
        let u = Units::of(&edges(&[1.0 / 3.0, 1.0]));
        assert_eq!(u.units, vec![333_333, 1_000_000]);
    }

    #[test]
    fn huge_weights_keep_totals_small() {
        let u = Units::of(&edges(&[1e300, 1.0]));
        assert!(u.units.iter().sum::<u64>() < 1 << 52);
        assert_eq!(u.units[1], 1);
        assert!((u.weight(u.units[0]) / 1e300 - 1.0).abs() < 1e-9);
    }
}
