//! An unordered pair of states, by Correlates of War code, kept with the
//! lower code first so that `A,B` and `B,A` rows are the same dyad.

use std::fmt;

/// An unordered pair of states by their Correlates of War codes (`ccode`),
/// the lower code first: [`Dyad::new`] orders them, so `(640, 350)` and
/// `(350, 640)` are the same dyad. Ordered by `ccode1`, then `ccode2`.
///
/// # Examples
///
/// ```
/// use stancegraph::interstate::Dyad;
///
/// let greece_turkey = Dyad::new(640, 350).unwrap();
/// assert_eq!((greece_turkey.ccode1, greece_turkey.ccode2), (350, 640));
/// assert_eq!(greece_turkey, Dyad::new(350, 640).unwrap());
/// assert!(Dyad::new(2, 2).is_none()); // a state is no pair with itself
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct Dyad {
    /// The lower code.
    pub ccode1: u32,
    /// The higher code.
    pub ccode2: u32,
}

impl Dyad {
    /// The dyad of `a` and `b`, in either order; `None` when `a == b`.
    pub fn new(a: u32, b: u32) -> Option<Dyad> {
        (a != b).then(|| Dyad {
            ccode1: a.min(b),
            ccode2: a.max(b),
        })
    }
}

impl fmt::Display for Dyad {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.ccode1, self.ccode2)
    }
}
