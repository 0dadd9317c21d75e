//! What-if for deals: the deals hypothetical positions open or close.

use std::collections::BTreeSet;
use std::fmt;

use super::text::cost_words;
use super::{DealOptions, Deals};
use crate::{Result, Scenario};

/// The difference hypothetical positions make to the deals: those listed
/// with them and not without (`opened`), and the reverse (`closed`). A deal
/// is identified by the keys of its concessions and its cost (a concession
/// that became cheaper is a new deal).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct DealsWhatIf<'a> {
    /// The deals of the baseline.
    pub before: Deals<'a>,
    /// The deals with the hypothetical positions.
    pub after: Deals<'a>,
    /// Indices into `after.deals` of the deals the baseline does not list.
    pub opened: Vec<usize>,
    /// Indices into `before.deals` of the deals no longer listed.
    pub closed: Vec<usize>,
}

fn identities(deals: &Deals<'_>) -> Vec<(Vec<String>, super::Cost)> {
    deals
        .deals
        .iter()
        .map(|d| {
            let keys = d.concessions.iter().map(|&c| deals.claim_key(c).to_owned());
            (keys.collect(), d.cost)
        })
        .collect()
}

impl<'a> DealsWhatIf<'a> {
    pub(crate) fn between(
        scenario: &'a Scenario,
        baseline: &'a Scenario,
        options: &DealOptions,
    ) -> Result<Self> {
        let after = scenario.deals(options)?;
        let before = baseline.deals(options)?;
        let (a, b) = (identities(&after), identities(&before));
        let (a_set, b_set): (BTreeSet<_>, BTreeSet<_>) = (a.iter().collect(), b.iter().collect());
        let opened = (0..a.len()).filter(|&i| !b_set.contains(&a[i])).collect();
        let closed = (0..b.len()).filter(|&i| !a_set.contains(&b[i])).collect();
        Ok(DealsWhatIf {
            before,
            after,
            opened,
            closed,
        })
    }
}

impl fmt::Display for DealsWhatIf<'_> {
    /// "The cheapest deal costs 1 red line (before: 2 red lines and 1
    /// negotiable claim); 1 deal opened, 1 closed."
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cheapest = |d: &Deals<'_>| match (d.feasible, d.deals.first()) {
            (true, Some(deal)) => cost_words(&deal.cost),
            _ => "impossible (no deal exists)".to_owned(),
        };
        writeln!(
            f,
            "The cheapest deal costs {} (before: {}); {} deal{} opened, {} closed.",
            cheapest(&self.after),
            cheapest(&self.before),
            self.opened.len(),
            if self.opened.len() == 1 { "" } else { "s" },
            self.closed.len()
        )?;
        for &i in &self.opened {
            let keys: Vec<&str> = (self.after.deals[i].concessions.iter())
                .map(|&c| self.after.claim_key(c))
                .collect();
            writeln!(f, "  opened: {}", keys.join(", "))?;
        }
        for &i in &self.closed {
            let keys: Vec<&str> = (self.before.deals[i].concessions.iter())
                .map(|&c| self.before.claim_key(c))
                .collect();
            writeln!(f, "  closed: {}", keys.join(", "))?;
        }
        Ok(())
    }
}
