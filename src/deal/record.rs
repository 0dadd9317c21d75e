//! What the deal finder returns: the claims, the deals with their costs per
//! party, and the proof when no deal exists.

use crate::{ActorId, Date, IssueId, PositionId, Scenario, Stance};

use super::Claim;

/// How many concessions of each firmness: the cost of a deal (or of one
/// party's share of it). Ordered lexicographically — any number of firm
/// concessions is cheaper than one red line.
///
/// # Examples
///
/// ```
/// use stancegraph::deal::Cost;
///
/// let one_red_line = Cost { red_line: 1, firm: 0, negotiable: 0 };
/// let many_firm = Cost { red_line: 0, firm: 9, negotiable: 9 };
/// assert!(many_firm < one_red_line);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cost {
    /// Red lines withdrawn.
    pub red_line: u32,
    /// Firm claims withdrawn.
    pub firm: u32,
    /// Negotiable claims withdrawn.
    pub negotiable: u32,
}

impl Cost {
    /// The number of concessions.
    pub fn total(&self) -> u32 {
        self.red_line + self.firm + self.negotiable
    }
}

/// One deal: the claims to withdraw so that all the others can hold
/// together, and nothing more (putting back any one breaks it).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deal {
    /// The claims withdrawn, as indices into [`Deals::claims`], in key order.
    pub concessions: Vec<usize>,
    /// What they cost.
    pub cost: Cost,
    /// The cost as one number: the deal's price in the order used (see the
    /// WCNF encoding, [`Deals::to_wcnf`]); saturates at `u64::MAX`.
    pub weight: u64,
    /// What each conceding party gives up, by party id.
    pub by_party: Vec<(ActorId, Cost)>,
}

/// A reason no deal exists: one of a minimal set of constraints that cannot
/// all hold under the relations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Obstacle {
    /// A claim of a kept party (index into [`Deals::claims`]).
    Kept {
        /// The claim.
        claim: usize,
    },
    /// A claim backed by a protected position.
    Protected {
        /// The claim.
        claim: usize,
        /// The protected position.
        position: PositionId,
    },
    /// A required outcome.
    Required {
        /// The issue.
        issue: IssueId,
        /// The stance that must prevail.
        stance: Stance,
    },
}

/// The deals for the parties at the table, cheapest first, with the claims
/// they are made of (see [`Scenario::deals`]).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Deals<'s> {
    pub(crate) scenario: &'s Scenario,
    /// The parties at the table (principals), by id.
    pub parties: Vec<ActorId>,
    /// The day the claims were read; `None` when no position is dated.
    pub as_of: Option<Date>,
    /// Every claim of the parties, in key order.
    pub claims: Vec<Claim>,
    /// The deals, cheapest first, then fewer concessions, then by the keys
    /// of the claims (when more than a thousand deals beyond `max` tie in
    /// cost, the order among those ties is the order they were found in).
    /// Empty only when no deal exists; `[empty deal]` when everything can
    /// already hold.
    pub deals: Vec<Deal>,
    /// Whether any deal exists under the constraints.
    pub feasible: bool,
    /// When no deal exists: a minimal set of constraints (kept and
    /// protected claims, required outcomes) that already rules every deal
    /// out under the relations.
    pub proof: Vec<Obstacle>,
    /// When the time limit stopped the search before the cheapest deal was
    /// proven: a proven lower bound on its price ([`Deal::weight`]).
    pub lower_bound: Option<u128>,
    pub(crate) optimal: bool,
    pub(crate) complete: bool,
    pub(crate) keys: Vec<String>,
    /// Each claim's price (see [`Deal::weight`]).
    pub(crate) prices: Vec<u128>,
    /// The hard unit literals: fixed claims and required outcomes.
    pub(crate) hard_units: Vec<(IssueId, bool)>,
}

impl<'s> Deals<'s> {
    pub(crate) fn new(
        scenario: &'s Scenario,
        parties: Vec<ActorId>,
        as_of: Option<Date>,
        claims: Vec<Claim>,
        keys: Vec<String>,
    ) -> Self {
        Deals {
            scenario,
            parties,
            as_of,
            claims,
            deals: Vec::new(),
            feasible: true,
            proof: Vec::new(),
            lower_bound: None,
            optimal: true,
            complete: true,
            keys,
            prices: Vec::new(),
            hard_units: Vec::new(),
        }
    }

    /// A deal of these concessions (claim indices, sorted) and price.
    pub(crate) fn deal(&self, concessions: Vec<usize>, price: u128) -> Deal {
        let mut cost = Cost::default();
        let mut by_party: Vec<(ActorId, Cost)> = Vec::new();
        for &c in &concessions {
            let claim = &self.claims[c];
            cost.add(claim.firmness);
            match by_party.iter_mut().find(|(a, _)| *a == claim.actor) {
                Some((_, share)) => share.add(claim.firmness),
                None => {
                    let mut share = Cost::default();
                    share.add(claim.firmness);
                    by_party.push((claim.actor, share));
                }
            }
        }
        by_party.sort_unstable_by_key(|&(a, _)| a);
        Deal {
            concessions,
            cost,
            weight: u64::try_from(price).unwrap_or(u64::MAX),
            by_party,
        }
    }

    /// The keys of a deal's concessions, for ordering ties.
    pub(crate) fn concession_keys<'a>(&'a self, deal: &Deal) -> Vec<&'a str> {
        deal.concessions
            .iter()
            .map(|&c| self.keys[c].as_str())
            .collect()
    }

    /// The scenario the deals are about.
    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }

    /// The key of claim `claim` (`party:issue:stance`).
    pub fn claim_key(&self, claim: usize) -> &str {
        &self.keys[claim]
    }

    /// Whether any deal exists under the constraints.
    pub fn is_feasible(&self) -> bool {
        self.feasible
    }

    /// Whether the first deal is proven the cheapest (false only when the
    /// time limit stopped the search first).
    pub fn is_optimal(&self) -> bool {
        self.optimal
    }

    /// Whether every minimal deal is listed: no cap (`max`) or time limit
    /// was hit.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// What party `party` concedes in deal `deal` (zero if nothing).
    pub fn party_cost(&self, deal: &Deal, party: ActorId) -> Cost {
        deal.by_party
            .iter()
            .find(|(a, _)| *a == party)
            .map_or_else(Cost::default, |&(_, c)| c)
    }

    /// The indices of the Pareto-optimal deals among those listed: no other
    /// listed deal costs every party at most as much and one party less.
    /// When [`is_complete`](Self::is_complete), these are the Pareto-optimal
    /// deals of all.
    ///
    /// # Complexity
    ///
    /// O(D² · P) for D deals and P parties.
    pub fn pareto(&self) -> Vec<usize> {
        let costs: Vec<Vec<Cost>> = self
            .deals
            .iter()
            .map(|d| {
                self.parties
                    .iter()
                    .map(|&p| self.party_cost(d, p))
                    .collect()
            })
            .collect();
        let dominates = |a: &[Cost], b: &[Cost]| {
            a.iter().zip(b).all(|(x, y)| x <= y) && a.iter().zip(b).any(|(x, y)| x < y)
        };
        (0..costs.len())
            .filter(|&i| !(0..costs.len()).any(|j| j != i && dominates(&costs[j], &costs[i])))
            .collect()
    }
}
