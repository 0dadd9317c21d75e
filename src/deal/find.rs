//! The deal finder: claims → independent parts → each part's minimal deals
//! in cost order → the cheapest combinations.
//!
//! Claims interact only through their issues and the relations between
//! issues, so the issues fall into independent parts (connected components
//! of the relation graph). A deal of the whole is one minimal deal of every
//! part, and its cost is the sum: the cheapest deals of the whole are
//! enumerated best-first over the parts' sorted lists (each combination
//! reached from exactly one parent, by advancing one part at or after the
//! last one advanced), pulling each part's next deal only when needed.
//! Parts whose claims already hold together contribute nothing.
//!
//! When the fixed claims (kept parties, protected positions) and required
//! outcomes cannot hold together under the relations, no deal exists; the
//! proof is a minimal set of them that already fails (deletion-based: each
//! is dropped in turn and stays dropped if the rest still fails).

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::time::Instant;

use super::DealOptions;
use super::claims::{Fixed, Table, table};
use super::record::{Cost, Deal, Deals, Obstacle};
use super::solve::{Lit, Part, PartDeals};
use crate::{Firmness, IssueId, RelationKind, Result, Scenario, Stance};

/// What a unit literal of a part stands for.
#[derive(Clone, Copy)]
enum UnitOrigin {
    Claim(usize, Fixed),
    Required(IssueId, Stance),
}

/// A part with the global meaning of its local indices.
struct Mapped {
    deals: PartDeals,
    /// Local claim → global claim.
    claims: Vec<usize>,
    units: Vec<Lit>,
    origins: Vec<UnitOrigin>,
}

/// The price of one concession: lexicographic by firmness unless weights
/// are given; always positive, and ordering by total price orders deals by
/// cost, then by number of concessions.
fn price(firmness: Firmness, base: u128, options: &DealOptions) -> u128 {
    match options.weights {
        None => match firmness {
            Firmness::RedLine => base * base,
            Firmness::Firm => base,
            Firmness::Negotiable => 1,
        },
        Some(w) => {
            let weight = match firmness {
                Firmness::RedLine => w.red_line,
                Firmness::Firm => w.firm,
                Firmness::Negotiable => w.negotiable,
            };
            u128::from(weight) * base + 1
        }
    }
}

fn find_root(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// The clauses of a relation over issue literals (`true`: the issue holds).
pub(crate) fn relation_clauses(
    kind: RelationKind,
    issues: &[IssueId],
) -> Vec<Vec<(IssueId, bool)>> {
    match (kind, issues) {
        (RelationKind::Implies, [a, b]) => vec![vec![(*a, false), (*b, true)]],
        (RelationKind::Excludes, [a, b]) => vec![vec![(*a, false), (*b, false)]],
        (RelationKind::Equivalent, [a, b]) => {
            vec![vec![(*a, false), (*b, true)], vec![(*a, true), (*b, false)]]
        }
        (RelationKind::Incompatible, all) => vec![all.iter().map(|&i| (i, false)).collect()],
        // Scenarios are valid: other arities do not occur.
        _ => Vec::new(),
    }
}

/// Splits the problem into independent parts.
fn parts(s: &Scenario, t: &Table, prices: &[u128], options: &DealOptions) -> Vec<Mapped> {
    let n = s.issues().len();
    let mut parent: Vec<usize> = (0..n).collect();
    let clauses: Vec<Vec<(IssueId, bool)>> = s
        .relations()
        .flat_map(|(_, r)| relation_clauses(r.kind(), r.issues()))
        .collect();
    for c in &clauses {
        for w in c.windows(2) {
            let (a, b) = (
                find_root(&mut parent, w[0].0.index()),
                find_root(&mut parent, w[1].0.index()),
            );
            parent[a.max(b)] = a.min(b);
        }
    }
    // Parts that hold a claim or a required outcome, in order of their first issue.
    let mut part_of: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    let touched = t
        .claims
        .iter()
        .map(|c| c.issue)
        .chain(t.required.iter().map(|&(i, _)| i));
    let mut roots: Vec<usize> = touched.map(|i| find_root(&mut parent, i.index())).collect();
    roots.sort_unstable();
    roots.dedup();
    for r in roots {
        part_of.insert(r, members.len());
        members.push(Vec::new());
    }
    for i in 0..n {
        let r = find_root(&mut parent, i);
        if let Some(&p) = part_of.get(&r) {
            members[p].push(i);
        }
    }
    let mut mapped: Vec<(Part, Vec<usize>, Vec<UnitOrigin>)> =
        vec![(Part::default(), Vec::new(), Vec::new()); members.len()];
    let mut local = vec![0u32; n];
    for (p, m) in members.iter().enumerate() {
        mapped[p].0.vars = m.len();
        for (k, &i) in m.iter().enumerate() {
            local[i] = k as u32;
        }
    }
    let lit = |issue: IssueId, value: bool| Lit::new(local[issue.index()], value);
    for c in &clauses {
        let r = find_root(&mut parent, c[0].0.index());
        if let Some(&p) = part_of.get(&r) {
            mapped[p]
                .0
                .clauses
                .push(c.iter().map(|&(i, v)| lit(i, v)).collect());
        }
    }
    for (g, claim) in t.claims.iter().enumerate() {
        let p = part_of[&find_root(&mut parent, claim.issue.index())];
        mapped[p]
            .0
            .claim_lit
            .push(lit(claim.issue, claim.stance == Stance::Support));
        mapped[p].0.price.push(prices[g]);
        mapped[p].1.push(g);
    }
    for &(g, why) in &t.fixed {
        let claim = &t.claims[g];
        let p = part_of[&find_root(&mut parent, claim.issue.index())];
        mapped[p]
            .0
            .units
            .push(lit(claim.issue, claim.stance == Stance::Support));
        mapped[p].2.push(UnitOrigin::Claim(g, why));
    }
    for &(issue, stance) in &t.required {
        let p = part_of[&find_root(&mut parent, issue.index())];
        mapped[p]
            .0
            .units
            .push(lit(issue, stance == Stance::Support));
        mapped[p].2.push(UnitOrigin::Required(issue, stance));
    }
    mapped
        .into_iter()
        .map(|(part, claims, origins)| {
            let units = part.units.clone();
            Mapped {
                deals: PartDeals::new(part, options.exhaustive_issues),
                claims,
                units,
                origins,
            }
        })
        .collect()
}

/// A minimal set of a failing part's units that still fails.
fn proof(part: &Mapped) -> Vec<UnitOrigin> {
    let mut keep: Vec<usize> = (0..part.units.len()).collect();
    let mut i = 0;
    while i < keep.len() {
        let without: Vec<Lit> = keep
            .iter()
            .enumerate()
            .filter(|&(k, _)| k != i)
            .map(|(_, &u)| part.units[u])
            .collect();
        if part.deals.feasible_with(&without) {
            i += 1;
        } else {
            keep.remove(i);
        }
    }
    keep.into_iter().map(|u| part.origins[u]).collect()
}

/// Finds the deals (see [`Scenario::deals`]).
pub(crate) fn find<'s>(s: &'s Scenario, options: &DealOptions) -> Result<Deals<'s>> {
    let t = table(s, options)?;
    let base = t.claims.len() as u128 + 1;
    let prices: Vec<u128> = t
        .claims
        .iter()
        .map(|c| price(c.firmness, base, options))
        .collect();
    // A limit too far away to be a day (1e19 s) is no limit, not an overflow.
    let deadline = options
        .time_limit
        .and_then(|d| Instant::now().checked_add(d));
    let mut parts = parts(s, &t, &prices, options);
    let mut deals = Deals::new(
        s,
        t.parties.clone(),
        t.as_of,
        t.claims.clone(),
        t.keys.clone(),
    );
    deals.prices = prices;
    deals.hard_units = (t.fixed.iter())
        .map(|&(c, _)| (t.claims[c].issue, t.claims[c].stance == Stance::Support))
        .chain(t.required.iter().map(|&(i, st)| (i, st == Stance::Support)))
        .collect();
    let failing: Vec<&Mapped> = parts.iter().filter(|p| p.deals.infeasible).collect();
    if !failing.is_empty() {
        deals.feasible = false;
        deals.complete = true;
        deals.optimal = true;
        for part in failing {
            for origin in proof(part) {
                deals.proof.push(match origin {
                    UnitOrigin::Claim(c, Fixed::Kept) => Obstacle::Kept { claim: c },
                    UnitOrigin::Claim(c, Fixed::Protected(p)) => Obstacle::Protected {
                        claim: c,
                        position: p,
                    },
                    UnitOrigin::Required(issue, stance) => Obstacle::Required { issue, stance },
                });
            }
        }
        return Ok(deals);
    }
    // The parts with something to concede.
    let mut timed_out = false;
    let mut open: Vec<usize> = Vec::new();
    for (k, part) in parts.iter_mut().enumerate() {
        match part.deals.get(0, deadline) {
            Ok(Some((cost, _))) if *cost > 0 => open.push(k),
            Ok(_) => {}
            Err(_) => {
                timed_out = true;
                open.push(k);
            }
        }
    }
    if timed_out {
        // The best found: each part's cheapest where proven, a minimal deal
        // found without regard to cost elsewhere; and a proven lower bound.
        deals.optimal = false;
        deals.complete = false;
        let mut bound = 0u128;
        let mut total = 0u128;
        let mut concessions = Vec::new();
        for &k in &open {
            let part = &parts[k];
            let (cost, local) = match part.deals.found.first() {
                Some(found) => {
                    bound += found.0;
                    found.clone()
                }
                None => {
                    bound += part.deals.bound.unwrap_or(0);
                    part.deals.fallback().unwrap_or_default()
                }
            };
            total += cost;
            concessions.extend(local.iter().map(|&c| part.claims[c as usize]));
        }
        concessions.sort_unstable();
        deals.lower_bound = Some(bound);
        deals.deals.push(deals.deal(concessions, total));
        return Ok(deals);
    }
    // Best-first over combinations: (price, indices, last part advanced).
    let first: u128 = open.iter().map(|&k| parts[k].deals.found[0].0).sum();
    let mut heap: BinaryHeap<Reverse<(u128, Vec<u32>, usize)>> = BinaryHeap::new();
    heap.push(Reverse((first, vec![0; open.len()], 0)));
    let mut listed: Vec<(u128, Vec<u32>)> = Vec::new();
    let cap = options.max.saturating_add(1_000);
    while let Some(Reverse((total, picks, last))) = heap.pop() {
        if listed.len() >= options.max && listed.last().is_some_and(|(p, _)| *p < total) {
            heap.push(Reverse((total, picks, last)));
            break;
        }
        if listed.len() >= cap {
            heap.push(Reverse((total, picks, last)));
            break;
        }
        for p in last..open.len() {
            let part = &mut parts[open[p]].deals;
            let now = part.found[picks[p] as usize].0;
            match part.get(picks[p] as usize + 1, deadline) {
                Ok(Some((next, _))) => {
                    let mut more = picks.clone();
                    more[p] += 1;
                    heap.push(Reverse((total - now + next, more, p)));
                }
                Ok(None) => {}
                Err(_) => timed_out = true,
            }
        }
        listed.push((total, picks));
        if timed_out {
            break;
        }
    }
    deals.complete = heap.is_empty() && !timed_out && listed.len() <= options.max;
    deals.optimal = true;
    // Cheapest first, then fewer concessions (both in the price), then by claim keys.
    let mut built: Vec<(u128, Deal)> = listed
        .into_iter()
        .map(|(total, picks)| {
            let mut concessions: Vec<usize> = Vec::new();
            for (p, &pick) in picks.iter().enumerate() {
                let part = &parts[open[p]];
                let (_, local) = &part.deals.found[pick as usize];
                concessions.extend(local.iter().map(|&c| part.claims[c as usize]));
            }
            concessions.sort_unstable();
            (total, deals.deal(concessions, total))
        })
        .collect();
    built.sort_by_cached_key(|(total, deal)| (*total, deals.concession_keys(deal)));
    built.truncate(options.max);
    deals.deals = built.into_iter().map(|(_, d)| d).collect();
    if deals.deals.is_empty() {
        // Everything holds already: the only deal is the empty one.
        deals.deals.push(deals.deal(Vec::new(), 0));
    }
    Ok(deals)
}

impl Cost {
    pub(crate) fn add(&mut self, firmness: Firmness) {
        match firmness {
            Firmness::RedLine => self.red_line += 1,
            Firmness::Firm => self.firm += 1,
            Firmness::Negotiable => self.negotiable += 1,
        }
    }
}
