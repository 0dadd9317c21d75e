//! The deal finder: the cheapest concessions that would let every remaining
//! claim hold, who must make them, and proof that nothing cheaper exists.
//!
//! # The contract
//!
//! - **Claims.** For the parties at the table (principals; by default every
//!   principal with a claim), each non-neutral position that holds on the
//!   day ([`DealOptions::as_of`]; by default the latest date of any position,
//!   i.e. the current state; undated positions always hold) gives a claim
//!   *(principal, issue, stance)*, attributed through `speaks_for` as in the
//!   contradiction engine. Several positions may back one claim; the claim's
//!   firmness is the firmest of them.
//! - **Consistency.** Support asserts the issue, oppose its negation; every
//!   relation is a hard constraint; conditions are assumed met, never
//!   asserted (as in the contradiction engine).
//! - **A deal** is a set of claims to withdraw (concessions) such that all
//!   remaining claims can hold together, and that is **minimal**: putting
//!   back any one concession breaks it. When everything can already hold,
//!   the only deal is the empty one.
//! - **Cost** of a deal: the red lines, firm and negotiable claims withdrawn
//!   ([`Cost`]), compared lexicographically — any number of firm concessions
//!   is cheaper than one red line. Deals come cheapest first, then fewer
//!   concessions, then by the claims' keys. [`DealOptions::weights`] prices
//!   firmness numerically instead.
//! - **Constraints.** Kept parties concede nothing, protected positions'
//!   claims stay, required outcomes hold. If no deal exists under them,
//!   [`Deals::proof`] is a minimal set of them that already rules every deal
//!   out.
//! - **Per party.** Each deal says what each party concedes
//!   ([`Deal::by_party`]); [`Deals::pareto`] lists the deals no other beats
//!   for every party.
//!
//! # How (exact by construction)
//!
//! Issues linked by relations form independent parts (`find`). In each part
//! the minimal deals are enumerated cheapest first (`solve`): as the claims
//! violated by a least-cost outcome of the issues, each found deal then
//! blocked by a clause "keep one of its claims" — the hitting-set duality
//! between minimal deals (correction sets) and the minimal contradictions —
//! with small parts solved by trying every outcome and larger ones by
//! branch and bound with decomposition. The cheapest deals of the whole are
//! the cheapest combinations of one deal per part. A time limit returns what
//! is proven with a lower bound. [`Deals::to_wcnf`] writes the same problem
//! for any weighted MaxSAT solver.

mod claims;
mod find;
mod json;
mod options;
mod record;
mod solve;
mod text;
mod wcnf;
mod what_if;

pub use claims::Claim;
pub(crate) use find::find;
pub use options::{DealOptions, Weights};
pub use record::{Cost, Deal, Deals, Obstacle};
pub use text::Explanation;
pub(crate) use text::cost_words;
pub use what_if::DealsWhatIf;
