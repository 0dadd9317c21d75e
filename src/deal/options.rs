//! What is asked of the deal finder: the parties at the table, what may not
//! move, the day, how many deals, and how concessions are priced.

use std::time::Duration;

use crate::{Date, Stance};

/// How to look for deals (see [`Scenario::deals`](crate::Scenario::deals)).
///
/// Parties, kept parties, protected positions and required issues are named
/// by their keys (the files' `id`s); an unknown key is an
/// [`Error::InvalidOptions`](crate::Error::InvalidOptions) naming it.
///
/// # Examples
///
/// ```
/// use stancegraph::{Stance, deal::DealOptions};
///
/// let options = DealOptions::default()
///     .with_parties(["us", "nato", "russia"])
///     .with_keep("nato")
///     .with_require("full-ceasefire", Stance::Support)
///     .with_max(3);
/// assert_eq!(options.parties.len(), 3);
/// assert_eq!(options.max, 3);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DealOptions {
    /// The parties at the table, by key: principals (an actor that speaks for
    /// another counts as its principal). Empty (the default): every principal
    /// with a claim.
    pub parties: Vec<String>,
    /// Parties that concede nothing: their claims must all stay.
    pub keep: Vec<String>,
    /// Positions, by key, whose claims must stay.
    pub protect: Vec<String>,
    /// Outcomes that must hold: an issue, by key, and the stance that must
    /// prevail (`support`: the issue holds; `oppose`: it does not).
    pub require: Vec<(String, Stance)>,
    /// The day whose positions count; `None` (the default): the latest date
    /// of any position, i.e. the current state (undated positions always hold).
    pub as_of: Option<Date>,
    /// At most this many deals are listed, cheapest first. Default
    /// [`DealOptions::DEFAULT_MAX`].
    pub max: usize,
    /// Prices per firmness instead of the lexicographic order (any number of
    /// firm concessions is cheaper than one red line); `None` (the default)
    /// keeps the lexicographic order.
    pub weights: Option<Weights>,
    /// Stop searching after this long and return the best deals found, with
    /// a proven lower bound on the cheapest; `None` (the default): no limit.
    pub time_limit: Option<Duration>,
    /// Parts of the problem (issues linked by relations) with at most this
    /// many issues are solved by trying every outcome; larger parts by
    /// branch and bound. Both are exact; default
    /// [`DealOptions::DEFAULT_EXHAUSTIVE_ISSUES`].
    pub exhaustive_issues: usize,
}

/// Prices of one concession by firmness, for [`DealOptions::weights`].
///
/// # Examples
///
/// ```
/// use stancegraph::deal::Weights;
///
/// // Two firm concessions cost as much as one red line.
/// let w = Weights::new(2, 1, 0);
/// assert_eq!((w.red_line, w.firm, w.negotiable), (2, 1, 0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Weights {
    /// The price of withdrawing a red line.
    pub red_line: u64,
    /// The price of withdrawing a firm claim.
    pub firm: u64,
    /// The price of withdrawing a negotiable claim.
    pub negotiable: u64,
}

impl Weights {
    /// Prices per firmness.
    pub fn new(red_line: u64, firm: u64, negotiable: u64) -> Self {
        Weights {
            red_line,
            firm,
            negotiable,
        }
    }
}

impl DealOptions {
    /// The default number of deals listed.
    pub const DEFAULT_MAX: usize = 10;
    /// The default size up to which a part is solved by trying every outcome.
    pub const DEFAULT_EXHAUSTIVE_ISSUES: usize = 12;

    /// Sets [`DealOptions::parties`].
    pub fn with_parties<I, S>(mut self, parties: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.parties = parties.into_iter().map(Into::into).collect();
        self
    }

    /// Adds a party that concedes nothing ([`DealOptions::keep`]).
    pub fn with_keep(mut self, party: impl Into<String>) -> Self {
        self.keep.push(party.into());
        self
    }

    /// Adds a position whose claim must stay ([`DealOptions::protect`]).
    pub fn with_protect(mut self, position: impl Into<String>) -> Self {
        self.protect.push(position.into());
        self
    }

    /// Adds an outcome that must hold ([`DealOptions::require`]).
    pub fn with_require(mut self, issue: impl Into<String>, stance: Stance) -> Self {
        self.require.push((issue.into(), stance));
        self
    }

    /// Sets [`DealOptions::as_of`].
    pub fn with_as_of(mut self, date: Date) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Sets [`DealOptions::max`].
    pub fn with_max(mut self, max: usize) -> Self {
        self.max = max;
        self
    }

    /// Sets [`DealOptions::weights`].
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = Some(weights);
        self
    }

    /// Sets [`DealOptions::time_limit`].
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = Some(limit);
        self
    }

    /// Sets [`DealOptions::exhaustive_issues`] (0: always branch and bound).
    pub fn with_exhaustive_issues(mut self, issues: usize) -> Self {
        self.exhaustive_issues = issues;
        self
    }
}

impl Default for DealOptions {
    fn default() -> Self {
        DealOptions {
            parties: Vec::new(),
            keep: Vec::new(),
            protect: Vec::new(),
            require: Vec::new(),
            as_of: None,
            max: Self::DEFAULT_MAX,
            weights: None,
            time_limit: None,
            exhaustive_issues: Self::DEFAULT_EXHAUSTIVE_ISSUES,
        }
    }
}
