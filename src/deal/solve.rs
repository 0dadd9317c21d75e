//! The exact search inside one part: the cheapest outcomes of its issues,
//! and from them its minimal deals in cost order.
//!
//! A part is a set of issues linked by relations, with the claims on them.
//! Each issue is a Boolean variable (it holds or not); relations are hard
//! clauses; a claim is a literal (support: the issue holds; oppose: it does
//! not) that costs its price when the outcome goes against it. So the
//! concessions an outcome forces are the claims it violates, and every
//! minimal deal (minimal correction set) is the set violated by some outcome
//! of least cost among those that do not violate all of an earlier deal.
//!
//! **Why this enumerates the minimal deals, cheapest first.** Let `A` be an
//! outcome of least cost among those satisfying the relations, the fixed
//! claims and one *blocking clause* per deal found so far ("keep at least one
//! of its claims"), and `V` the claims it violates. If some `V' ⊊ V` were a
//! correction set, an outcome violating only claims of `V'` would cost less
//! (every price is positive) and would satisfy every blocking clause (a
//! found deal inside `V'` would be inside `V`, which `A` already keeps part
//! of), contradicting the choice of `A`; so `V` is minimal. Any unlisted
//! minimal deal cheaper than `V` is violated by an outcome that satisfies
//! every blocking clause (a listed deal inside it would contradict its
//! minimality) and would have been chosen. The search ends when the blocking
//! clauses leave no outcome: every minimal deal has been listed.
//!
//! **Least-cost outcomes.** Parts of at most
//! [`DealOptions::exhaustive_issues`](super::DealOptions::exhaustive_issues)
//! issues try every outcome (2ⁿ, each checked against the clauses as bit
//! masks) and keep the inclusion-minimal violated sets, which is the same
//! list at once. Larger parts use depth-first branch and bound over the
//! issues with unit propagation, decomposing into independent sub-parts
//! whenever the remaining clauses fall apart (an AND/OR search: the cost of
//! independent sub-parts adds up), the cheaper value of each issue tried
//! first, and the lower bound "what is spent so far plus, for every open
//! issue, the cheaper of its two values". A deadline stops the search with
//! the best outcome found and a proven lower bound.

use std::collections::HashMap;
use std::time::Instant;

/// A literal: local issue `var` has `value` (`true`: the issue holds).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Lit {
    pub(crate) var: u32,
    pub(crate) value: bool,
}

impl Lit {
    pub(crate) fn new(var: u32, value: bool) -> Self {
        Lit { var, value }
    }
}

/// One part of the problem, in local indices.
#[derive(Clone, Debug, Default)]
pub(crate) struct Part {
    /// The number of issues (variables).
    pub(crate) vars: usize,
    /// Hard clauses: the relations.
    pub(crate) clauses: Vec<Vec<Lit>>,
    /// Hard unit literals: fixed claims and required outcomes.
    pub(crate) units: Vec<Lit>,
    /// Each claim's literal.
    pub(crate) claim_lit: Vec<Lit>,
    /// Each claim's price (positive).
    pub(crate) price: Vec<u128>,
}

/// A search that ran out of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TimedOut;

/// The minimal deals of one part, listed lazily in cost order.
pub(crate) struct PartDeals {
    part: Part,
    /// Found so far: (cost, local claims violated, sorted), cheapest first.
    pub(crate) found: Vec<(u128, Vec<u32>)>,
    /// Every minimal deal is in `found`.
    pub(crate) exhausted: bool,
    /// The relations and units alone cannot hold.
    pub(crate) infeasible: bool,
    blocking: Vec<Vec<Lit>>,
    /// Deals of the cheapest cost not yet handed out (a tie group is
    /// gathered whole, then ordered by size).
    pending: Vec<(u128, Vec<u32>)>,
    /// The best lower bound proven when the deadline stopped the search.
    pub(crate) bound: Option<u128>,
    /// The blocking clauses leave no outcome: once `pending` is handed
    /// out, the list is complete.
    no_more: bool,
}

impl PartDeals {
    /// Prepares the part; with at most `exhaustive` issues, lists every
    /// minimal deal at once.
    pub(crate) fn new(part: Part, exhaustive: usize) -> Self {
        let mut deals = PartDeals {
            part,
            found: Vec::new(),
            exhausted: false,
            infeasible: false,
            blocking: Vec::new(),
            pending: Vec::new(),
            bound: None,
            no_more: false,
        };
        if deals.part.vars <= exhaustive.min(20) {
            deals.exhaustive();
        } else if !Search::new(&deals.part, &[], true).feasible() {
            deals.infeasible = true;
            deals.exhausted = true;
        }
        deals
    }

    /// The `n`-th cheapest minimal deal, computing it if needed; `None` when
    /// there are fewer, `Err` when the deadline passed first.
    pub(crate) fn get(
        &mut self,
        n: usize,
        deadline: Option<Instant>,
    ) -> Result<Option<&(u128, Vec<u32>)>, TimedOut> {
        while self.found.len() <= n && !self.exhausted {
            self.next(deadline)?;
        }
        Ok(self.found.get(n))
    }

    /// Every outcome: the violated sets that are minimal under inclusion,
    /// sorted by cost, size and claims.
    fn exhaustive(&mut self) {
        let p = &self.part;
        let n = p.vars;
        let mask = |lits: &[Lit]| -> (u32, u32) {
            // (variables mentioned, the values that satisfy them)
            lits.iter().fold((0, 0), |(m, v), l| {
                (m | 1 << l.var, v | (u32::from(l.value) << l.var))
            })
        };
        let clauses: Vec<(u32, u32)> = p.clauses.iter().map(|c| mask(c)).collect();
        let (unit_mask, unit_values) = mask(&p.units);
        // Two units on one issue that disagree leave no outcome.
        let clash = p
            .units
            .iter()
            .any(|u| p.units.iter().any(|w| w.var == u.var && w.value != u.value));
        let mut sets: Vec<(u128, Vec<u32>)> = Vec::new();
        for outcome in 0u32..(1u32 << n) {
            if clash {
                break;
            }
            if outcome & unit_mask != unit_values & unit_mask {
                continue;
            }
            // A clause holds when some literal agrees with the outcome.
            if clauses.iter().any(|&(m, v)| (!(outcome ^ v)) & m == 0) {
                continue;
            }
            let mut violated = Vec::new();
            let mut cost = 0u128;
            for (c, l) in p.claim_lit.iter().enumerate() {
                if (outcome >> l.var & 1 == 1) != l.value {
                    violated.push(c as u32);
                    cost += p.price[c];
                }
            }
            sets.push((cost, violated));
        }
        self.infeasible = sets.is_empty();
        sets.sort_unstable_by(|a, b| (a.0, a.1.len(), &a.1).cmp(&(b.0, b.1.len(), &b.1)));
        sets.dedup();
        // Cheapest first: a set is minimal unless an earlier (no dearer)
        // one is inside it.
        let mut minimal: Vec<(u128, Vec<u32>)> = Vec::new();
        for (cost, set) in sets {
            if !minimal.iter().any(|(_, m)| is_subset(m, &set)) {
                minimal.push((cost, set));
            }
        }
        self.found = minimal;
        self.exhausted = true;
    }

    /// Lists the next minimal deal: from the tie group at hand, or by
    /// searching for the next group (every deal of the next cost, ordered
    /// by size and claims).
    fn next(&mut self, deadline: Option<Instant>) -> Result<(), TimedOut> {
        if let Some(deal) = self.pending.pop() {
            self.found.push(deal);
            self.exhausted = self.no_more && self.pending.is_empty();
            return Ok(());
        }
        let mut group: Vec<(u128, Vec<u32>)> = Vec::new();
        loop {
            let mut search = Search::new(&self.part, &self.blocking, false);
            search.deadline = deadline;
            let outcome = search.cheapest().map_err(|bound| {
                self.bound = Some(bound);
                TimedOut
            })?;
            let Some((cost, values)) = outcome else {
                self.no_more = true;
                break;
            };
            if group.first().is_some_and(|(c, _)| *c != cost) {
                // A dearer deal: it is found again for the next group.
                break;
            }
            let violated: Vec<u32> = (self.part.claim_lit.iter().enumerate())
                .filter(|(_, l)| values[l.var as usize] != l.value)
                .map(|(c, _)| c as u32)
                .collect();
            self.blocking.push(
                violated
                    .iter()
                    .map(|&c| self.part.claim_lit[c as usize])
                    .collect(),
            );
            group.push((cost, violated));
        }
        // Handed out smallest first, then by claims.
        group.sort_unstable_by(|a, b| (b.1.len(), &b.1).cmp(&(a.1.len(), &a.1)));
        match group.pop() {
            Some(deal) => self.found.push(deal),
            None => self.exhausted = true,
        }
        self.pending = group;
        self.exhausted |= self.no_more && self.pending.is_empty();
        Ok(())
    }

    /// A minimal deal found without regard to cost, for when the deadline
    /// passed before the cheapest was proven: any outcome that satisfies
    /// the hard clauses, then each violated claim put back while the rest
    /// can still hold (so the claims kept are a maximal set that holds, and
    /// the rest a minimal deal).
    pub(crate) fn fallback(&self) -> Option<(u128, Vec<u32>)> {
        let mut units = self.part.units.clone();
        let values = {
            // The first outcome of a cheaper-value-first descent: no proof,
            // but usually close to the cheapest.
            let mut search = Search::new(&self.part, &[], false);
            search.greedy = true;
            search.cheapest().ok()??.1
        };
        let mut violated = Vec::new();
        for (c, l) in self.part.claim_lit.iter().enumerate() {
            if values[l.var as usize] == l.value {
                units.push(*l);
            } else {
                violated.push(c as u32);
            }
        }
        let mut deal = Vec::new();
        for c in violated {
            units.push(self.part.claim_lit[c as usize]);
            if !self.feasible_with(&units) {
                units.pop();
                deal.push(c);
            }
        }
        let cost = deal.iter().map(|&c| self.part.price[c as usize]).sum();
        Some((cost, deal))
    }

    /// Whether the relations hold with these extra unit literals (the
    /// part's own units replaced): for the proof of infeasibility.
    pub(crate) fn feasible_with(&self, units: &[Lit]) -> bool {
        let mut part = self.part.clone();
        part.units = units.to_vec();
        Search::new(&part, &[], true).feasible()
    }
}

fn is_subset(small: &[u32], big: &[u32]) -> bool {
    let mut it = big.iter();
    small.iter().all(|x| it.by_ref().any(|y| y == x))
}

/// What is known of a subproblem: its optimum, or that it has none below
/// a bound.
enum Cached {
    Best(u128, Vec<Lit>),
    AtLeast(u128),
}

/// Depth-first branch and bound over one part's issues.
struct Search<'p> {
    part: &'p Part,
    /// Hard clauses: the relations, then the blocking clauses.
    clauses: Vec<&'p [Lit]>,
    /// For each variable, the clauses it appears in.
    occurs: Vec<Vec<u32>>,
    /// The price of each value of each variable: `cost[v][value]`.
    cost: Vec<[u128; 2]>,
    values: Vec<Option<bool>>,
    trail: Vec<u32>,
    /// Only feasibility matters (every price taken as zero).
    feasibility: bool,
    deadline: Option<Instant>,
    nodes: u64,
    timed_out: bool,
    /// Stop at the first outcome found (cheaper values first), unproven.
    greedy: bool,
    /// Subproblems solved, by [`Search::group_key`].
    cache: HashMap<Vec<u32>, Cached>,
    /// Scratch marks for the conflict bound (one epoch per use).
    epoch: u32,
    clause_seen: Vec<u32>,
    var_used: Vec<u32>,
}

impl<'p> Search<'p> {
    fn new(part: &'p Part, blocking: &'p [Vec<Lit>], feasibility: bool) -> Self {
        let clauses: Vec<&[Lit]> = part
            .clauses
            .iter()
            .chain(blocking)
            .map(Vec::as_slice)
            .collect();
        let mut occurs = vec![Vec::new(); part.vars];
        for (i, c) in clauses.iter().enumerate() {
            for l in c.iter() {
                occurs[l.var as usize].push(i as u32);
            }
        }
        let clauses_len = clauses.len();
        let mut cost = vec![[0u128; 2]; part.vars];
        if !feasibility {
            for (c, l) in part.claim_lit.iter().enumerate() {
                // The claim is violated by the other value.
                cost[l.var as usize][usize::from(!l.value)] += part.price[c];
            }
        }
        Search {
            part,
            clauses,
            occurs,
            cost,
            values: vec![None; part.vars],
            trail: Vec::new(),
            feasibility,
            deadline: None,
            nodes: 0,
            timed_out: false,
            greedy: false,
            cache: HashMap::new(),
            epoch: 0,
            clause_seen: vec![0; clauses_len],
            var_used: vec![0; part.vars],
        }
    }

    /// Assigns `lit` and propagates; false on a conflict (the trail keeps
    /// what was assigned, for [`Search::undo`]).
    fn assign(&mut self, lit: Lit) -> bool {
        let mut queue = vec![lit];
        while let Some(l) = queue.pop() {
            match self.values[l.var as usize] {
                Some(v) if v == l.value => continue,
                Some(_) => return false,
                None => {}
            }
            self.values[l.var as usize] = Some(l.value);
            self.trail.push(l.var);
            for &ci in &self.occurs[l.var as usize] {
                let clause = self.clauses[ci as usize];
                let mut open = None;
                let mut open_count = 0;
                let mut satisfied = false;
                for x in clause {
                    match self.values[x.var as usize] {
                        Some(v) if v == x.value => {
                            satisfied = true;
                            break;
                        }
                        Some(_) => {}
                        None => {
                            open_count += 1;
                            open = Some(*x);
                        }
                    }
                }
                if satisfied {
                    continue;
                }
                match (open_count, open) {
                    (0, _) => return false,
                    (1, Some(x)) => queue.push(x),
                    _ => {}
                }
            }
        }
        true
    }

    fn undo(&mut self, to: usize) {
        while self.trail.len() > to {
            let v = self.trail.pop().unwrap_or_default();
            self.values[v as usize] = None;
        }
    }

    /// The root: units, then every clause with no open literal checked.
    fn root(&mut self) -> bool {
        let units = self.part.units.clone();
        if !units.into_iter().all(|u| self.assign(u)) {
            return false;
        }
        // Empty or already falsified clauses (all their variables fixed by
        // units) are caught by `assign`; an empty clause has no variable.
        !self.clauses.iter().any(|c| c.is_empty())
    }

    fn feasible(mut self) -> bool {
        if !self.root() {
            return false;
        }
        let vars: Vec<u32> = (0..self.part.vars as u32)
            .filter(|&v| self.values[v as usize].is_none())
            .collect();
        self.solve(&vars, 1).is_some()
    }

    /// The least-cost outcome (cost, values), `None` if none exists, or the
    /// proven lower bound when the deadline passed.
    fn cheapest(mut self) -> Result<Option<(u128, Vec<bool>)>, u128> {
        if !self.root() {
            return Ok(None);
        }
        let fixed: u128 = (self.trail.iter())
            .map(|&v| self.cost[v as usize][usize::from(self.values[v as usize] == Some(true))])
            .sum();
        let vars: Vec<u32> = (0..self.part.vars as u32)
            .filter(|&v| self.values[v as usize].is_none())
            .collect();
        let root_bound = fixed + vars.iter().map(|&v| self.min_cost(v)).sum::<u128>();
        let result = self.solve(&vars, u128::MAX);
        if self.timed_out {
            return Err(root_bound);
        }
        Ok(result.map(|(cost, lits)| {
            let mut values: Vec<bool> = self.values.iter().map(|v| v.unwrap_or(false)).collect();
            for l in lits {
                values[l.var as usize] = l.value;
            }
            (fixed + cost, values)
        }))
    }

    fn min_cost(&self, v: u32) -> u128 {
        let [f, t] = self.cost[v as usize];
        f.min(t)
    }

    fn value_cost(&self, l: Lit) -> u128 {
        self.cost[l.var as usize][usize::from(l.value)]
    }

    /// The open variables of `vars` split into groups that no open clause
    /// links.
    fn split(&self, vars: &[u32]) -> Vec<Vec<u32>> {
        let mut group: Vec<u32> = vec![u32::MAX; self.part.vars];
        let mut groups = Vec::new();
        for &start in vars {
            if self.values[start as usize].is_some() || group[start as usize] != u32::MAX {
                continue;
            }
            let g = groups.len() as u32;
            let mut members = vec![start];
            group[start as usize] = g;
            let mut i = 0;
            while i < members.len() {
                let v = members[i];
                i += 1;
                for &ci in &self.occurs[v as usize] {
                    let clause = self.clauses[ci as usize];
                    if self.satisfied(clause) {
                        continue;
                    }
                    for x in clause {
                        if self.values[x.var as usize].is_none()
                            && group[x.var as usize] == u32::MAX
                        {
                            group[x.var as usize] = g;
                            members.push(x.var);
                        }
                    }
                }
            }
            groups.push(members);
        }
        groups
    }

    /// The least cost of the open variables of `vars` below `limit` (with
    /// the values chosen), or `None`.
    fn solve(&mut self, vars: &[u32], limit: u128) -> Option<(u128, Vec<Lit>)> {
        let groups = self.split(vars);
        if groups.len() > 1 {
            let bounds: Vec<u128> = groups
                .iter()
                .map(|g| g.iter().map(|&v| self.min_cost(v)).sum())
                .collect();
            let mut total = 0u128;
            let mut rest: u128 = bounds.iter().sum();
            let mut lits = Vec::new();
            for (g, bound) in groups.iter().zip(&bounds) {
                rest -= bound;
                let budget = limit.checked_sub(total + rest)?;
                let (cost, mut chosen) = self.solve_group(g, budget)?;
                total += cost;
                lits.append(&mut chosen);
            }
            return Some((total, lits));
        }
        match groups.into_iter().next() {
            Some(g) => self.solve_group(&g, limit),
            None => (limit > 0).then(|| (0, Vec::new())),
        }
    }

    /// One group linked by open clauses: branch on its most constrained
    /// variable, the cheaper value first.
    /// [`Search::solve_branch`] remembered: a group's subproblem is fixed by
    /// its variables and the open clauses that touch them (assigned
    /// variables only decide which clauses are still open), so the same
    /// subproblem met again in another branch is not searched again.
    fn solve_group(&mut self, vars: &[u32], limit: u128) -> Option<(u128, Vec<Lit>)> {
        if self.feasibility || vars.len() < 2 {
            return self.solve_branch(vars, limit);
        }
        let key = self.group_key(vars);
        match self.cache.get(&key) {
            Some(Cached::Best(cost, lits)) => {
                return (*cost < limit).then(|| (*cost, lits.clone()));
            }
            Some(Cached::AtLeast(bound)) if *bound >= limit => return None,
            _ => {}
        }
        let result = self.solve_branch(vars, limit);
        if self.timed_out {
            return None;
        }
        if self.cache.len() > 1 << 20 {
            self.cache.clear();
        }
        let entry = match &result {
            Some((cost, lits)) => Cached::Best(*cost, lits.clone()),
            None => Cached::AtLeast(limit),
        };
        self.cache.insert(key, entry);
        result
    }

    /// The group's variables (sorted) and the open clauses touching them.
    fn group_key(&mut self, vars: &[u32]) -> Vec<u32> {
        let mut sorted = vars.to_vec();
        sorted.sort_unstable();
        self.epoch += 1;
        let epoch = self.epoch;
        let mut open = Vec::new();
        for &v in &sorted {
            for &ci in &self.occurs[v as usize] {
                if self.clause_seen[ci as usize] == epoch {
                    continue;
                }
                self.clause_seen[ci as usize] = epoch;
                let clause = self.clauses[ci as usize];
                if !self.satisfied(clause) {
                    open.push(ci);
                }
            }
        }
        open.sort_unstable();
        sorted.push(u32::MAX);
        sorted.extend(open);
        sorted
    }

    fn solve_branch(&mut self, vars: &[u32], limit: u128) -> Option<(u128, Vec<Lit>)> {
        self.nodes += 1;
        if (self.nodes == 1 || self.nodes.is_multiple_of(1024))
            && self.deadline.is_some_and(|d| Instant::now() >= d)
        {
            self.timed_out = true;
        }
        if self.timed_out {
            return None;
        }
        // Dominated values first: they shrink and split the group.
        let mark = self.trail.len();
        self.fix_dominated(vars);
        // Everything assigned since the mark, propagation included.
        let fixed: Vec<Lit> = self.assigned_since(mark);
        let spent: u128 = fixed.iter().map(|&l| self.value_cost(l)).sum();
        let result = if fixed.is_empty() {
            self.branch(vars, limit)
        } else if spent >= limit {
            None
        } else {
            let rest: Vec<u32> = vars
                .iter()
                .copied()
                .filter(|&v| self.values[v as usize].is_none())
                .collect();
            self.solve(&rest, limit - spent).map(|(cost, mut lits)| {
                let mut chosen = fixed;
                chosen.append(&mut lits);
                (spent + cost, chosen)
            })
        };
        self.undo(mark);
        result
    }

    /// Fixes, until none is left, every open variable whose cheaper value
    /// (either, when both cost the same) is the only polarity it has in the
    /// open clauses: that value costs least and only satisfies clauses, so
    /// some best outcome takes it.
    fn fix_dominated(&mut self, vars: &[u32]) {
        if self.feasibility {
            return;
        }
        loop {
            let mut changed = false;
            for &v in vars {
                if self.values[v as usize].is_some() {
                    continue;
                }
                let (mut wants_true, mut wants_false) = (false, false);
                for &ci in &self.occurs[v as usize] {
                    let clause = self.clauses[ci as usize];
                    if self.satisfied(clause) {
                        continue;
                    }
                    for x in clause.iter().filter(|x| x.var == v) {
                        if x.value {
                            wants_true = true;
                        } else {
                            wants_false = true;
                        }
                    }
                }
                let [f, t] = self.cost[v as usize];
                let value = match (wants_true, wants_false) {
                    (true, true) => continue,
                    (true, false) if t <= f => true,
                    (false, true) if f <= t => false,
                    (false, false) => t < f,
                    _ => continue,
                };
                // A pure value satisfies every open clause it is in, so it
                // propagates nothing and cannot conflict.
                changed |= self.assign(Lit::new(v, value));
            }
            if !changed {
                break;
            }
        }
    }

    /// Branches on the group's most constrained variable, the cheaper value first.
    fn branch(&mut self, vars: &[u32], limit: u128) -> Option<(u128, Vec<Lit>)> {
        let bound: u128 =
            vars.iter().map(|&v| self.min_cost(v)).sum::<u128>() + self.conflict_bound(vars);
        if bound >= limit && !self.greedy {
            return None;
        }
        if self.feasibility && vars.iter().all(|&v| self.occurs[v as usize].is_empty()) {
            // No open clause: any values do.
            return Some((0, Vec::new()));
        }
        let branch = *vars
            .iter()
            .max_by_key(|&&v| (self.occurs[v as usize].len(), std::cmp::Reverse(v)))?;
        let [f, t] = self.cost[branch as usize];
        let order = if t < f { [true, false] } else { [false, true] };
        let mut best: Option<(u128, Vec<Lit>)> = None;
        for value in order {
            let mark = self.trail.len();
            let limit_now = best.as_ref().map_or(limit, |(c, _)| *c);
            if self.assign(Lit::new(branch, value)) {
                let assigned: Vec<Lit> = self.assigned_since(mark);
                let spent: u128 = assigned.iter().map(|&l| self.value_cost(l)).sum();
                if spent < limit_now || self.greedy {
                    let rest: Vec<u32> = vars
                        .iter()
                        .copied()
                        .filter(|&v| self.values[v as usize].is_none())
                        .collect();
                    if let Some((cost, mut lits)) =
                        self.solve(&rest, limit_now.saturating_sub(spent))
                    {
                        let mut chosen = assigned;
                        chosen.append(&mut lits);
                        best = Some((spent + cost, chosen));
                    }
                }
            }
            self.undo(mark);
            if (self.feasibility || self.greedy) && best.is_some() {
                break;
            }
        }
        best
    }

    /// A lower bound on what `vars` must spend beyond each one's cheaper
    /// value: every open clause that the cheaper values of its open
    /// variables would all falsify forces one of them to its dearer value;
    /// such clauses with no variable in common add up (disjoint conflicts).
    fn conflict_bound(&mut self, vars: &[u32]) -> u128 {
        if self.feasibility {
            return 0;
        }
        self.epoch += 1;
        let epoch = self.epoch;
        let mut extra = 0u128;
        for &v in vars {
            for k in 0..self.occurs[v as usize].len() {
                let ci = self.occurs[v as usize][k] as usize;
                if self.clause_seen[ci] == epoch {
                    continue;
                }
                self.clause_seen[ci] = epoch;
                let clause = self.clauses[ci];
                let mut step = u128::MAX;
                let mut falsified = true;
                for x in clause {
                    let var = x.var as usize;
                    match self.values[var] {
                        Some(value) if value == x.value => {
                            falsified = false;
                            break;
                        }
                        Some(_) => {}
                        None => {
                            let [f, t] = self.cost[var];
                            let cheap = t < f;
                            if cheap == x.value || self.var_used[var] == epoch {
                                // Satisfiable at no extra cost, or its
                                // variable already counted.
                                falsified = false;
                                break;
                            }
                            step = step.min(f.max(t) - f.min(t));
                        }
                    }
                }
                if falsified && step != u128::MAX && step > 0 {
                    extra += step;
                    for x in clause {
                        if self.values[x.var as usize].is_none() {
                            self.var_used[x.var as usize] = epoch;
                        }
                    }
                }
            }
        }
        extra
    }

    /// Whether some literal of `clause` holds.
    fn satisfied(&self, clause: &[Lit]) -> bool {
        clause
            .iter()
            .any(|x| self.values[x.var as usize] == Some(x.value))
    }

    /// The literals assigned since the trail was at `mark`, propagation
    /// included.
    fn assigned_since(&self, mark: usize) -> Vec<Lit> {
        self.trail[mark..]
            .iter()
            .map(|&v| Lit::new(v, self.values[v as usize] == Some(true)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// freeze (0) excludes join (1); US supports freeze (negotiable: 1),
    /// NATO supports join (red line: 100), Russia supports freeze (100)
    /// and opposes join (100).
    fn founding() -> Part {
        Part {
            vars: 2,
            clauses: vec![vec![Lit::new(0, false), Lit::new(1, false)]],
            units: Vec::new(),
            claim_lit: vec![
                Lit::new(0, true),
                Lit::new(1, true),
                Lit::new(0, true),
                Lit::new(1, false),
            ],
            price: vec![1, 100, 100, 100],
        }
    }

    fn all(mut deals: PartDeals) -> Vec<(u128, Vec<u32>)> {
        let mut n = 0;
        while deals.get(n, None).unwrap().is_some() {
            n += 1;
        }
        deals.found
    }

    #[test]
    fn both_searches_list_the_minimal_deals_cheapest_first() {
        let expected = vec![(100, vec![1]), (201, vec![0, 2, 3])];
        assert_eq!(all(PartDeals::new(founding(), 12)), expected);
        assert_eq!(all(PartDeals::new(founding(), 0)), expected);
    }

    #[test]
    fn a_unit_against_the_relations_is_infeasible() {
        let mut part = founding();
        part.units = vec![Lit::new(0, true), Lit::new(1, true)];
        assert!(PartDeals::new(part.clone(), 12).infeasible);
        assert!(PartDeals::new(part.clone(), 0).infeasible);
        let deals = PartDeals::new(founding(), 0);
        assert!(deals.feasible_with(&[Lit::new(0, true)]));
        assert!(!deals.feasible_with(&part.units));
    }
}
