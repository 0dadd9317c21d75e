//! The analyses, as methods of the [`Scenario`] they analyse: one place that
//! lists what can be asked of a scenario, each method a thin entry point into
//! its layer (the contradiction engine, discourse networks, polarization).
//!
//! `impl Scenario` lives in three files, one per layer: the model
//! (`model/scenario.rs`: building and reading, holdings), files
//! (`io/scenario_file`: load, parse, save) and the analyses (here).

use crate::contradiction::{CheckOptions, WhatIf};
use crate::diff::{DiffOptions, ScenarioDiff};
use crate::discourse::{
    Network, NetworkOptions, NetworkPair, NetworkType, Polarization, PolarizationOptions,
};
use crate::{Contradictions, Date, Position, Result, Scenario};

impl Scenario {
    /// Every minimal set of positions that cannot all hold, of a reportable
    /// kind, and every reversal.
    ///
    /// The contract:
    /// - `support` asserts the issue, `oppose` its negation, `neutral` nothing.
    /// - A position counts for its speaker's principal (the top of the
    ///   `speaks_for` chain); explanations name the speaker.
    /// - Relations are hard constraints. A position with a condition is taken
    ///   as asserted (the condition assumed met) and the contradiction is
    ///   marked conditional, naming the condition. The condition itself is
    ///   not asserted on the actor's behalf: "support X if C" clashes where
    ///   X clashes, not where C does.
    /// - A set contradicts only if its positions hold on a common day (see
    ///   [`Holding`](crate::Holding)); [`CheckOptions::as_of`] keeps only one day.
    /// - A contradiction is minimal: drop any position and the rest can hold.
    /// - Kinds: one principal → `self_contradiction`; a bloc and members of it
    ///   at that time → `member_vs_bloc`; members of a common bloc at that
    ///   time → `between_allies`; otherwise, if every position is a red line →
    ///   `deadlock`; otherwise it is mere conflict and not reported. Blocs are
    ///   direct `member_of` links. A `reversal` is a principal's position
    ///   superseded by its own opposite stance on the same issue.
    ///
    /// # Complexity
    ///
    /// O(P log P) to index, then for each negative clause, work proportional
    /// to its candidate positions (those supporting an issue that reaches the
    /// clause) times the memberships of their principals, plus the pairs that
    /// can be reported and red-line pairs.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, contradiction::{CheckOptions, ContradictionKind, Severity}};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors:
    ///   - {id: nato, name: NATO, kind: alliance}
    ///   - {id: us, name: United States, kind: state, member_of: [nato]}
    /// issues:
    ///   - {id: freeze, name: NATO stops expanding eastward}
    ///   - {id: join, name: Ukraine joins NATO}
    /// relations:
    ///   - {kind: excludes, issues: [freeze, join]}
    /// positions:
    ///   - {actor: us, issue: freeze, stance: support, firmness: negotiable}
    ///   - {actor: nato, issue: join, stance: support, firmness: red_line}
    /// ")?;
    /// let found = s.contradictions(&CheckOptions::default());
    /// let c = found.iter().next().unwrap();
    /// assert_eq!(c.kind, ContradictionKind::MemberVsBloc);
    /// assert_eq!(c.severity, Severity::Critical);
    /// assert!(c.to_string().contains("“NATO stops expanding eastward” excludes “Ukraine joins NATO”"));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn contradictions(&self, options: &CheckOptions) -> Contradictions<'_> {
        crate::contradiction::engine::find(self, options)
    }

    /// The deals: the cheapest sets of claims to withdraw so that every
    /// remaining claim of the parties can hold together, cheapest first,
    /// each minimal, with what each party concedes (see [`crate::deal`] for
    /// the contract).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOptions`](crate::Error::InvalidOptions) naming each
    /// unknown party, position or issue of the options, a kept party not at
    /// the table, a protected position that makes no claim, a `max` of 0.
    ///
    /// # Complexity
    ///
    /// Linear in positions and relations to read the claims and split the
    /// issues into independent parts; then, per part of `k` issues, 2ᵏ
    /// outcomes for small parts, and a branch and bound (exponential in the
    /// worst case; [`DealOptions::time_limit`](crate::deal::DealOptions::time_limit) caps it) for larger ones,
    /// once per deal listed.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, deal::{Cost, DealOptions}};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors:
    ///   - {id: nato, name: NATO, kind: alliance}
    ///   - {id: us, name: United States, kind: state, member_of: [nato]}
    ///   - {id: russia, name: Russia, kind: state}
    /// issues:
    ///   - {id: freeze, name: NATO stops expanding eastward}
    ///   - {id: join, name: Ukraine joins NATO}
    /// relations:
    ///   - {kind: excludes, issues: [freeze, join]}
    /// positions:
    ///   - {actor: us, issue: freeze, stance: support, firmness: negotiable}
    ///   - {actor: nato, issue: join, stance: support, firmness: red_line}
    ///   - {actor: russia, issue: freeze, stance: support, firmness: red_line}
    /// ")?;
    /// let deals = s.deals(&DealOptions::default())?;
    /// // The cheapest way out: NATO drops its red line.
    /// assert_eq!(deals.deals[0].cost, Cost { red_line: 1, firm: 0, negotiable: 0 });
    /// assert_eq!(deals.claim_key(deals.deals[0].concessions[0]), "nato:join:support");
    /// // If NATO keeps it, Russia drops its red line and the US its offer.
    /// let kept = s.deals(&DealOptions::default().with_keep("nato"))?;
    /// assert_eq!(kept.deals[0].cost, Cost { red_line: 1, firm: 0, negotiable: 1 });
    /// assert!(deals.is_optimal() && deals.is_complete());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn deals(&self, options: &crate::deal::DealOptions) -> Result<crate::deal::Deals<'_>> {
        crate::deal::find(self, options)
    }

    /// The deals this scenario has and `baseline` has not (`opened`), and
    /// the reverse (`closed`): what hypothetical positions (see
    /// [`Scenario::with_hypothetical`]) would do to the deals.
    ///
    /// # Errors
    ///
    /// As [`Scenario::deals`], for either scenario.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Position, Scenario, Stance, deal::DealOptions};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: nato, name: NATO, kind: alliance}, {id: russia, name: Russia, kind: state}]
    /// issues: [{id: freeze, name: NATO stops expanding eastward}, {id: join, name: Ukraine joins NATO}]
    /// relations: [{kind: excludes, issues: [freeze, join]}]
    /// positions:
    ///   - {actor: nato, issue: join, stance: support, firmness: red_line}
    ///   - {actor: russia, issue: freeze, stance: support, firmness: red_line}
    /// ")?;
    /// // What if Russia softened its demand to a negotiable one?
    /// let russia = s.actor_id("russia").unwrap();
    /// let freeze = s.issue_id("freeze").unwrap();
    /// let softer = s.with_hypothetical([Position::new(russia, freeze, Stance::Support)
    ///     .with_firmness(stancegraph::Firmness::Negotiable).with_key("softer")])?;
    /// let w = softer.deals_what_if(&s, &DealOptions::default())?;
    /// // Its red line still stands beside the new claim (both hold): nothing changes.
    /// assert!(w.opened.is_empty() && w.closed.is_empty());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn deals_what_if<'a>(
        &'a self,
        baseline: &'a Scenario,
        options: &crate::deal::DealOptions,
    ) -> Result<crate::deal::DealsWhatIf<'a>> {
        crate::deal::DealsWhatIf::between(self, baseline, options)
    }

    /// A copy of this scenario with hypothetical positions added after the
    /// existing ones (existing ids are unchanged).
    ///
    /// # Errors
    ///
    /// As [`Scenario::add_position`], for the first position that cannot be added.
    pub fn with_hypothetical(
        &self,
        positions: impl IntoIterator<Item = Position>,
    ) -> Result<Scenario> {
        let mut hypothetical = self.clone();
        for position in positions {
            hypothetical.add_position(position)?;
        }
        Ok(hypothetical)
    }

    /// The contradictions this scenario has and `baseline` has not
    /// (`created`), and those `baseline` has and this one has not
    /// (`resolved`). Typically `self` is `baseline.with_hypothetical(...)`.
    ///
    /// # Complexity
    ///
    /// Two checks (see [`Scenario::contradictions`]), without the cap per group.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Firmness, Position, Scenario, Stance, contradiction::{CheckOptions, ContradictionKind}};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors:
    ///   - {id: nato, name: NATO, kind: alliance}
    ///   - {id: us, name: United States, kind: state, member_of: [nato]}
    /// issues:
    ///   - {id: freeze, name: NATO stops expanding eastward}
    ///   - {id: join, name: Ukraine joins NATO}
    /// relations: [{kind: excludes, issues: [freeze, join]}]
    /// positions:
    ///   - {actor: nato, issue: join, stance: support, firmness: red_line, date: 2025-05-29}
    /// ")?;
    /// let us = s.actor_id("us").unwrap();
    /// let freeze = s.issue_id("freeze").unwrap();
    /// // What if the US formally offered the freeze as a red line?
    /// let offer = Position::new(us, freeze, Stance::Support)
    ///     .with_firmness(Firmness::RedLine)
    ///     .with_date("2025-06-02".parse()?);
    /// let hypothetical = s.with_hypothetical([offer])?;
    /// let diff = hypothetical.what_if(&s, &CheckOptions::default());
    /// assert_eq!(diff.created.len(), 1);
    /// assert_eq!(diff.created[0].kind, ContradictionKind::MemberVsBloc);
    /// assert!(diff.resolved.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn what_if<'a>(&'a self, baseline: &'a Scenario, options: &CheckOptions) -> WhatIf<'a> {
        WhatIf::between(self, baseline, options)
    }

    /// What changed from this version of a scenario to `newer`: positions
    /// added, removed and changed (by key, each change with its fields
    /// before and after), contradictions new and resolved (identified by
    /// kind and the sorted keys of their positions, each with its
    /// explanation), and agreement and conflict ties between principals
    /// formed, broken and changed in weight (with both weights and the
    /// issues). Everything is matched by key, since the two versions number
    /// their records independently. With [`DiffOptions::as_of`] both
    /// versions are taken as of that day; without it, the full histories
    /// are compared.
    ///
    /// # Complexity
    ///
    /// O(P log P) for P positions on the two sides, plus: for the
    /// contradictions, two checks (see [`Scenario::contradictions`]) on two
    /// threads — when both versions have the same actors, issues and
    /// relations, each restricted to the positions a change can reach (see
    /// the [`diff`](crate::diff) module); for the ties, work proportional to
    /// the pairs of principals on the issues whose sides changed.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, contradiction::ContradictionKind, diff::DiffOptions};
    ///
    /// let old = Scenario::from_yaml_str("
    /// actors:
    ///   - {id: nato, name: NATO, kind: alliance}
    ///   - {id: us, name: United States, kind: state, member_of: [nato]}
    /// issues: [{id: freeze, name: NATO stops expanding eastward}, {id: join, name: Ukraine joins NATO}]
    /// relations: [{kind: excludes, issues: [freeze, join]}]
    /// positions:
    ///   - {id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line}
    ///   - {id: us-freeze, actor: us, issue: freeze, stance: support}
    /// ")?;
    /// // The newer version: the US no longer offers the freeze.
    /// let new = Scenario::from_yaml_str("
    /// actors:
    ///   - {id: nato, name: NATO, kind: alliance}
    ///   - {id: us, name: United States, kind: state, member_of: [nato]}
    /// issues: [{id: freeze, name: NATO stops expanding eastward}, {id: join, name: Ukraine joins NATO}]
    /// relations: [{kind: excludes, issues: [freeze, join]}]
    /// positions:
    ///   - {id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line}
    ///   - {id: us-freeze, actor: us, issue: freeze, stance: oppose}
    /// ")?;
    /// let diff = old.diff(&new, &DiffOptions::default());
    /// assert_eq!(diff.positions.changed.len(), 1);
    /// assert_eq!(diff.contradictions.resolved[0].kind, ContradictionKind::MemberVsBloc);
    /// assert!(diff.to_string().contains("us-freeze: stance support → oppose"));
    /// assert!(old.diff(&old, &DiffOptions::default()).is_empty());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn diff<'a>(&'a self, newer: &'a Scenario, options: &DiffOptions) -> ScenarioDiff<'a> {
        crate::diff::versions(self, newer, options)
    }

    /// What changed in this scenario from the day `from` to the day `to`:
    /// positions holding on `to` and not on `from` are added, the reverse
    /// removed (none is changed); contradictions reported as of `to` and
    /// not as of `from` are new, the reverse resolved (so a reversal is new
    /// when its later position is dated after `from` and on or before
    /// `to`); ties between principals as of each day. `options.as_of` is
    /// not used.
    ///
    /// # Complexity
    ///
    /// Two checks as of each day (see [`Scenario::contradictions`]) on two
    /// threads, plus O(P log P) for the positions and the ties as for
    /// [`Scenario::diff`].
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, contradiction::ContradictionKind, diff::DiffOptions};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}]
    /// issues: [{id: x, name: X}]
    /// positions:
    ///   - {id: early, actor: a, issue: x, stance: support, date: 2025-01-01}
    ///   - {id: late, actor: a, issue: x, stance: oppose, date: 2025-03-01, quote: We changed our mind}
    /// ")?;
    /// let diff = s.diff_dates("2025-02-01".parse()?, "2025-04-01".parse()?, &DiffOptions::default());
    /// assert_eq!(s.position(diff.positions.added[0]).key(), "late");
    /// assert_eq!(s.position(diff.positions.removed[0]).key(), "early");
    /// assert_eq!(diff.contradictions.new[0].kind, ContradictionKind::Reversal);
    /// assert!(diff.to_string().contains("A moved from support to oppose on “X” on 2025-03-01"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn diff_dates(&self, from: Date, to: Date, options: &DiffOptions) -> ScenarioDiff<'_> {
        crate::diff::dates(self, from, to, options)
    }

    /// The network `options` describes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOptions`](crate::Error::InvalidOptions) when the type or normalisation does not apply to
    /// the mode (`combine` is two-mode only, `congruence` one-mode only, …).
    ///
    /// # Complexity
    ///
    /// O(P log P) to filter and de-duplicate P positions, then O(Σⱼ nⱼ²) for
    /// one-mode networks (nⱼ: entities on issue j), and O(rows × columns)
    /// memory for the dense matrix.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, discourse::{NetworkMode, NetworkOptions, NetworkType}};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
    /// issues: [{id: x, name: X}, {id: y, name: Y}]
    /// positions:
    ///   - {actor: a, issue: x, stance: support}
    ///   - {actor: b, issue: x, stance: support}
    ///   - {actor: a, issue: y, stance: support}
    ///   - {actor: b, issue: y, stance: oppose}
    /// ")?;
    /// let congruence = s.network(&NetworkOptions::new(NetworkMode::Actor, NetworkType::Congruence))?;
    /// assert_eq!(congruence.value("a", "b"), Some(1.0));
    /// let conflict = s.network(&NetworkOptions::new(NetworkMode::Actor, NetworkType::Conflict))?;
    /// assert_eq!(conflict.value("a", "b"), Some(1.0));
    /// let two_mode = s.network(&NetworkOptions::new(NetworkMode::Affiliation, NetworkType::Subtract))?;
    /// assert_eq!(two_mode.value("b", "y"), Some(-1.0));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn network(&self, options: &NetworkOptions) -> Result<Network> {
        crate::discourse::network::network(self, options)
    }

    /// Networks over sliding time windows: `width_days` wide, starting every
    /// `step_days`, from the first to the last dated position (within
    /// `options`' range). Each network's [`span`](Network::span) is its window.
    ///
    /// # Errors
    ///
    /// As [`Scenario::network`]; also [`Error::InvalidOptions`](crate::Error::InvalidOptions) for a zero width or step.
    pub fn network_windows(
        &self,
        options: &NetworkOptions,
        width_days: u32,
        step_days: u32,
    ) -> Result<Vec<Network>> {
        crate::discourse::network::network_windows(self, options, width_days, step_days)
    }

    /// DNA's polarization of the actor network: the average-normalised
    /// congruence and conflict networks at `options.level` (within the date
    /// range, with the duplicates rule), and the balanced split into two
    /// camps with the highest Q ([`NetworkPair::polarization`]).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::Error::Invalid) when fewer than two actors have a counted position.
    ///
    /// # Complexity
    ///
    /// Building the networks ([`Scenario::network`]), then as
    /// [`NetworkPair::polarization`].
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{discourse::PolarizationOptions, Scenario};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state},
    ///          {id: c, name: C, kind: state}, {id: d, name: D, kind: state}]
    /// issues: [{id: x, name: X}, {id: y, name: Y}]
    /// positions:
    ///   - {actor: a, issue: x, stance: support}
    ///   - {actor: b, issue: x, stance: support}
    ///   - {actor: c, issue: x, stance: oppose}
    ///   - {actor: d, issue: x, stance: oppose}
    ///   - {actor: a, issue: y, stance: oppose}
    ///   - {actor: c, issue: y, stance: support}
    /// ")?;
    /// let p = s.polarization(&PolarizationOptions::default())?;
    /// assert!(p.exact && (p.q - 4.0 / 7.0).abs() < 1e-12);
    /// // DNA's Q prefers the split with every agreeing pair across camps
    /// // (see Polarization).
    /// assert_eq!(p.clusters, [vec!["a", "c"], vec!["b", "d"]]);
    /// assert_eq!(p.within_congruence, 0.0);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn polarization(&self, options: &PolarizationOptions) -> Result<Polarization> {
        let congruence = self.network(&options.network(NetworkType::Congruence))?;
        let conflict = self.network(&options.network(NetworkType::Conflict))?;
        Ok(NetworkPair::from_networks(&congruence, &conflict)?.polarization(options))
    }
}
