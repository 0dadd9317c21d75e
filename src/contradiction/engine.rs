//! The contradiction engine: every minimal set of positions that cannot all hold.
//!
//! Each `support` position asserts its issue, each `oppose` position its
//! negation; relations are hard constraints. All of them are Horn clauses, and
//! every `implies`/`equivalent` clause has a single premise, so what a set of
//! positions forces is the union of what each supported issue reaches in the
//! implication graph. A set is contradictory exactly when that union covers a
//! negative clause: both issues of an `excludes`, all issues of an
//! `incompatible`, or an issue some position in the set opposes. Every
//! minimal contradictory set is therefore one negative clause plus a minimal
//! cover of its issues by supported issues, which is how the engine
//! enumerates them: per clause, joining the candidate positions through the
//! alliance structure, so that work follows the pairs that can be reported.
//!
//! A restricted run (`find_among`, for `Scenario::diff`) looks only at some
//! positions, and enumerates only the sets with at least one position of a
//! focus: a join pairs a position outside the focus only with focused ones.

use std::collections::{HashMap, HashSet};

use crate::contradiction::options::CheckOptions;
use crate::contradiction::record::{Contradiction, ContradictionKind, Severity, Step};
use crate::contradiction::set::{Contradictions, Truncation};
use crate::util::rows::Rows;
use crate::{
    ActorId, Date, Firmness, Holding, IssueId, PositionId, RelationId, RelationKind, Scenario,
    Stance,
};

/// [`Scenario::contradictions`].
pub(crate) fn find<'s>(scenario: &'s Scenario, options: &CheckOptions) -> Contradictions<'s> {
    Engine::new(scenario, options, None).run()
}

/// The contradictions of [`find`] whose positions are all kept (`keep`,
/// indexed by position) and at least one of which is in `focus`: the same
/// sets, kinds and explanations, found without looking at the other
/// positions, nor enumerating sets without a focused position. (Holdings
/// still come from every position, so a kept position holds exactly as it
/// does in the whole scenario.) `focus` must lie within `keep`, and every
/// position of a principal on an issue where a position is focused must be
/// kept: a reversal is found among the kept positions of one principal on
/// one issue. `Scenario::diff` checks only what a change can reach this way.
pub(crate) fn find_among<'s>(
    scenario: &'s Scenario,
    options: &CheckOptions,
    keep: &[bool],
    focus: &[bool],
) -> Contradictions<'s> {
    let mut engine = Engine::new(scenario, options, Some(keep));
    engine.focus = Some(focus.to_vec());
    engine.run()
}

/// What a contradiction violates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Clause {
    /// An `excludes` or `incompatible` relation.
    Relation(RelationId),
    /// A position opposing an issue.
    Opposition(PositionId, IssueId),
}

/// Which issues reach one issue of a clause, with the next hop towards it.
struct Ancestors {
    atom: IssueId,
    next: HashMap<IssueId, Option<(IssueId, RelationId)>, foldhash::fast::RandomState>,
}

impl Ancestors {
    fn reaches(&self, issue: IssueId) -> bool {
        self.next.contains_key(&issue)
    }

    /// The implication steps from `issue` to the atom.
    fn path(&self, mut issue: IssueId, steps: &mut Vec<Step>) {
        while let Some(Some((to, relation))) = self.next.get(&issue) {
            steps.push(Step::Implies {
                relation: *relation,
                from: issue,
                to: *to,
            });
            issue = *to;
        }
    }
}

struct Classified {
    kind: ContradictionKind,
    principals: Vec<ActorId>,
    from: Option<Date>,
    until: Option<Date>,
    bloc: Option<ActorId>,
    memberships: Vec<Step>,
}

/// One side of a join (see [`Engine::join_index`]).
struct JoinIndex {
    by_principal: Vec<(ActorId, PositionId)>,
    by_bloc: Vec<(ActorId, PositionId)>,
    red: Vec<PositionId>,
}

struct Engine<'s> {
    s: &'s Scenario,
    options: CheckOptions,
    /// Per position: its principal, and whether it is a red line.
    position_principal: Vec<ActorId>,
    red: Vec<bool>,
    /// Per actor: the blocs it belongs to (at any time), sorted.
    blocs: Rows<ActorId>,
    holding: Vec<Holding>,
    /// The positions a contradiction may use (all when `None`).
    keep: Option<Vec<bool>>,
    /// Only sets with one of these positions are enumerated (all when `None`).
    focus: Option<Vec<bool>>,
    /// Implication edges a → b (`implies`, both ways for `equivalent`).
    succ: Rows<(IssueId, RelationId)>,
    pred: Rows<(IssueId, RelationId)>,
    /// Negative relation clauses touching each issue.
    clauses_of: Rows<RelationId>,
    supporters: Rows<PositionId>,
    opposers: Rows<PositionId>,
    /// For each issue that cannot hold, a relation that makes it so.
    impossible: Vec<Option<RelationId>>,
    seen: HashSet<Box<[PositionId]>, foldhash::fast::RandomState>,
    /// Every contradiction found, by group (kind, principals, clause).
    groups: HashMap<
        (ContradictionKind, Vec<ActorId>, Clause),
        Vec<Contradiction<'s>>,
        foldhash::fast::RandomState,
    >,
}

impl<'s> Engine<'s> {
    fn new(s: &'s Scenario, options: &CheckOptions, keep: Option<&[bool]>) -> Self {
        let n_issues = s.issues.len();
        let principal: Vec<ActorId> = s.actors().map(|(id, _)| s.principal(id)).collect();
        let holding = s.holdings();
        let active = |id: PositionId| {
            keep.is_none_or(|k| k[id.index()])
                && options
                    .as_of
                    .is_none_or(|day| holding[id.index()].holds_on(day))
        };
        let mut edges = Vec::new();
        let mut clauses = Vec::new();
        for (id, r) in s.relations() {
            let issues = r.issues();
            match r.kind() {
                RelationKind::Implies => edges.push((issues[0], issues[1], id)),
                RelationKind::Equivalent => {
                    edges.push((issues[0], issues[1], id));
                    edges.push((issues[1], issues[0], id));
                }
                RelationKind::Excludes | RelationKind::Incompatible => {
                    for &i in issues {
                        clauses.push((i.index(), id));
                    }
                }
            }
        }
        let succ = Rows::from_pairs(n_issues, edges.iter().map(|&(a, b, r)| (a.index(), (b, r))));
        let pred = Rows::from_pairs(n_issues, edges.iter().map(|&(a, b, r)| (b.index(), (a, r))));
        let clauses_of = Rows::from_pairs(n_issues, clauses);
        let by_stance = |stance: Stance| {
            Rows::from_pairs(
                n_issues,
                s.positions()
                    .filter(|(id, p)| p.stance() == stance && active(*id))
                    .map(|(id, p)| (p.issue().index(), id)),
            )
        };
        let supporters = by_stance(Stance::Support);
        let opposers = by_stance(Stance::Oppose);
        let position_principal = s
            .positions()
            .map(|(_, p)| principal[p.actor().index()])
            .collect();
        let red = s
            .positions()
            .map(|(_, p)| p.firmness() == Firmness::RedLine)
            .collect();
        let blocs = Rows::from_pairs(
            s.actors.len(),
            s.actors().flat_map(|(id, a)| {
                let mut blocs: Vec<ActorId> = a.memberships().iter().map(|m| m.bloc()).collect();
                blocs.sort_unstable();
                blocs.dedup();
                blocs.into_iter().map(move |b| (id.index(), b))
            }),
        );
        let mut engine = Engine {
            s,
            options: options.clone(),
            position_principal,
            red,
            blocs,
            holding,
            keep: keep.map(<[bool]>::to_vec),
            focus: None,
            succ,
            pred,
            clauses_of,
            supporters,
            opposers,
            impossible: vec![None; n_issues],
            seen: HashSet::default(),
            groups: HashMap::default(),
        };
        engine.find_impossible();
        engine
    }

    fn principal_of(&self, p: PositionId) -> ActorId {
        self.position_principal[p.index()]
    }

    fn is_red(&self, p: PositionId) -> bool {
        self.red[p.index()]
    }

    fn is_kept(&self, p: PositionId) -> bool {
        self.keep.as_ref().is_none_or(|k| k[p.index()])
    }

    fn is_focused(&self, p: PositionId) -> bool {
        self.focus.as_ref().is_none_or(|f| f[p.index()])
    }

    fn blocs_of(&self, actor: ActorId) -> &[ActorId] {
        self.blocs.row(actor.index())
    }

    /// Whether two principals are one, or a bloc and a member, or members of
    /// a common bloc (at some time).
    fn related(&self, a: ActorId, b: ActorId) -> bool {
        let (x, y) = (self.blocs_of(a), self.blocs_of(b));
        a == b
            || x.binary_search(&b).is_ok()
            || y.binary_search(&a).is_ok()
            || x.iter().any(|bloc| y.binary_search(bloc).is_ok())
    }

    /// Every issue that reaches `atom`, with the next hop towards it.
    fn ancestors(&self, atom: IssueId) -> Ancestors {
        let mut next = HashMap::default();
        next.insert(atom, None);
        let mut queue = vec![atom];
        let mut head = 0;
        while let Some(&x) = queue.get(head) {
            head += 1;
            for &(a, relation) in self.pred.row(x.index()) {
                if let std::collections::hash_map::Entry::Vacant(e) = next.entry(a) {
                    e.insert(Some((x, relation)));
                    queue.push(a);
                }
            }
        }
        Ancestors { atom, next }
    }

    /// Every issue `from` reaches (itself included).
    fn reach(&self, from: IssueId, out: &mut HashSet<IssueId, foldhash::fast::RandomState>) {
        if !out.insert(from) {
            return;
        }
        let mut stack = vec![from];
        while let Some(x) = stack.pop() {
            for &(b, _) in self.succ.row(x.index()) {
                if out.insert(b) {
                    stack.push(b);
                }
            }
        }
    }

    fn clause_atoms(&self, relation: RelationId) -> &'s [IssueId] {
        self.s.relation(relation).issues()
    }

    /// Marks the issues whose consequences violate a relation on their own.
    fn find_impossible(&mut self) {
        for (id, r) in self.s.relations() {
            if !matches!(
                r.kind(),
                RelationKind::Excludes | RelationKind::Incompatible
            ) {
                continue;
            }
            let mut common: Option<Vec<IssueId>> = None;
            for &atom in r.issues() {
                let anc = self.ancestors(atom);
                common = Some(match common {
                    None => anc.next.keys().copied().collect(),
                    Some(c) => c.into_iter().filter(|i| anc.reaches(*i)).collect(),
                });
            }
            for issue in common.unwrap_or_default() {
                self.impossible[issue.index()].get_or_insert(id);
            }
        }
    }

    /// Whether these positions cannot all hold (ignoring time).
    fn is_unsat(&self, set: &[PositionId]) -> bool {
        let mut forced = HashSet::default();
        for &p in set {
            let position = self.s.position(p);
            if position.stance() == Stance::Support {
                self.reach(position.issue(), &mut forced);
            }
        }
        set.iter().any(|&p| {
            let position = self.s.position(p);
            position.stance() == Stance::Oppose && forced.contains(&position.issue())
        }) || forced.iter().any(|x| {
            self.clauses_of
                .row(x.index())
                .iter()
                .any(|&r| self.clause_atoms(r).iter().all(|a| forced.contains(a)))
        })
    }

    fn run(mut self) -> Contradictions<'s> {
        // Supporting an issue that cannot hold contradicts itself.
        for issue in 0..self.impossible.len() {
            let Some(relation) = self.impossible[issue] else {
                continue;
            };
            let supporters: Vec<PositionId> = (self.supporters.row(issue).iter().copied())
                .filter(|&p| self.is_focused(p))
                .collect();
            let ancestors: Vec<Ancestors> = self
                .clause_atoms(relation)
                .iter()
                .map(|&a| self.ancestors(a))
                .collect();
            for p in supporters {
                self.record(&[p], Clause::Relation(relation), &ancestors);
            }
        }
        // An issue forced by support and opposed by a position.
        for x in 0..self.opposers.offsets.len().saturating_sub(1) {
            if self.opposers.row(x).is_empty() {
                continue;
            }
            let atom = IssueId::from_index(x as u32);
            let anc = self.ancestors(atom);
            let candidates = self.candidates(&anc);
            let opposers: Vec<PositionId> = self.opposers.row(x).to_vec();
            let pairs = self.join(&candidates, &opposers);
            for (p, q) in pairs {
                self.record(
                    &[p, q],
                    Clause::Opposition(q, atom),
                    std::slice::from_ref(&anc),
                );
            }
        }
        // Relations that forbid issues from all holding.
        for (id, r) in self.s.relations() {
            if !matches!(
                r.kind(),
                RelationKind::Excludes | RelationKind::Incompatible
            ) {
                continue;
            }
            let ancestors: Vec<Ancestors> = r.issues().iter().map(|&a| self.ancestors(a)).collect();
            if let [first, second] = ancestors.as_slice() {
                let left = self.candidates(first);
                let right = self.candidates(second);
                for (p, q) in self.join(&left, &right) {
                    self.record(&[p, q], Clause::Relation(id), &ancestors);
                }
            } else {
                self.covers(id, &ancestors);
            }
        }
        self.reversals();
        self.finish()
    }

    /// Supporting positions whose issue reaches the atom and can hold.
    fn candidates(&self, anc: &Ancestors) -> Vec<PositionId> {
        let mut out: Vec<PositionId> = anc
            .next
            .keys()
            .filter(|i| self.impossible[i.index()].is_none())
            .flat_map(|i| self.supporters.row(i.index()).iter().copied())
            .collect();
        out.sort_unstable();
        out
    }

    /// Pairs from `left` × `right` whose principals can make a reportable
    /// contradiction: the same principal, a bloc and its member, two members
    /// of a bloc, or two red lines. Time and the exact kind are checked later.
    fn join(&self, left: &[PositionId], right: &[PositionId]) -> Vec<(PositionId, PositionId)> {
        // With a focus, a position outside it pairs only with focused ones.
        let all = self.join_index(right.iter().copied());
        let focused = self
            .focus
            .as_ref()
            .map(|f| self.join_index(right.iter().copied().filter(|q| f[q.index()])));
        let run = |index: &[(ActorId, PositionId)], key: ActorId| -> std::ops::Range<usize> {
            let start = index.partition_point(|&(k, _)| k < key);
            let end = start + index[start..].partition_point(|&(k, _)| k == key);
            start..end
        };
        let mut pairs = Vec::new();
        let mut partners: Vec<PositionId> = Vec::new();
        for &p in left {
            let JoinIndex {
                by_principal,
                by_bloc,
                red,
            } = match &focused {
                Some(focused) if !self.is_focused(p) => focused,
                _ => &all,
            };
            let principal = self.principal_of(p);
            let holding = &self.holding[p.index()];
            partners.clear();
            let mut take = |index: &[(ActorId, PositionId)], key: ActorId| {
                partners.extend(index[run(index, key)].iter().map(|&(_, q)| q));
            };
            take(by_principal, principal);
            take(by_bloc, principal);
            for &bloc in self.blocs_of(principal) {
                take(by_principal, bloc);
                take(by_bloc, bloc);
            }
            if self.is_red(p) {
                partners.extend(red.iter().copied());
            }
            partners.sort_unstable();
            partners.dedup();
            pairs.extend(
                partners
                    .iter()
                    .filter(|&&q| q != p && holding.overlaps(&self.holding[q.index()]))
                    .map(|&q| (p, q)),
            );
        }
        pairs
    }

    /// The right side of a join indexed by principal and by bloc, as sorted
    /// runs, with its red lines.
    fn join_index(&self, right: impl Iterator<Item = PositionId>) -> JoinIndex {
        let mut index = JoinIndex {
            by_principal: Vec::new(),
            by_bloc: Vec::new(),
            red: Vec::new(),
        };
        for q in right {
            let principal = self.principal_of(q);
            index.by_principal.push((principal, q));
            index
                .by_bloc
                .extend(self.blocs_of(principal).iter().map(|&b| (b, q)));
            if self.is_red(q) {
                index.red.push(q);
            }
        }
        index.by_principal.sort_unstable();
        index.by_bloc.sort_unstable();
        index
    }

    /// Minimal covers of an `incompatible` clause with three or more issues.
    fn covers(&mut self, relation: RelationId, ancestors: &[Ancestors]) {
        let candidates: Vec<Vec<PositionId>> =
            ancestors.iter().map(|a| self.candidates(a)).collect();
        let mut chosen = Vec::new();
        let mut results = Vec::new();
        self.cover_search(ancestors, &candidates, &mut chosen, &mut results);
        for set in results {
            self.record(&set, Clause::Relation(relation), ancestors);
        }
    }

    fn cover_search(
        &self,
        ancestors: &[Ancestors],
        candidates: &[Vec<PositionId>],
        chosen: &mut Vec<PositionId>,
        results: &mut Vec<Vec<PositionId>>,
    ) {
        let covered = |set: &[PositionId], atom: usize| {
            set.iter()
                .any(|&p| ancestors[atom].reaches(self.s.position(p).issue()))
        };
        let Some(atom) = (0..ancestors.len()).find(|&a| !covered(chosen, a)) else {
            // Every position must cover an issue no other one does.
            let minimal = (0..chosen.len()).all(|i| {
                let rest: Vec<PositionId> = chosen
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, &p)| p)
                    .collect();
                (0..ancestors.len()).any(|a| !covered(&rest, a))
            });
            if minimal && chosen.iter().any(|&p| self.is_focused(p)) {
                results.push(chosen.clone());
            }
            return;
        };
        for &p in &candidates[atom] {
            if chosen.contains(&p) || !self.compatible(chosen, p) {
                continue;
            }
            chosen.push(p);
            self.cover_search(ancestors, candidates, chosen, results);
            chosen.pop();
        }
    }

    /// Whether `p` can join `chosen` in a reportable contradiction.
    fn compatible(&self, chosen: &[PositionId], p: PositionId) -> bool {
        let principal = self.principal_of(p);
        let holding = &self.holding[p.index()];
        let overlap = chosen
            .iter()
            .all(|&q| self.holding[q.index()].overlaps(holding));
        let all_red = self.is_red(p) && chosen.iter().all(|&q| self.is_red(q));
        overlap
            && (all_red
                || chosen
                    .iter()
                    .all(|&q| self.related(principal, self.principal_of(q))))
    }

    /// The kind, principals and common time of a contradictory set, if it is
    /// reportable.
    fn classify(&self, set: &[PositionId]) -> Option<Classified> {
        let mut from: Option<Date> = None;
        let mut until: Option<Date> = None;
        for &p in set {
            let h = self.holding[p.index()];
            from = from.max(h.from);
            until = min_end(until, h.to);
        }
        if matches!((from, until), (Some(a), Some(b)) if a > b) {
            return None;
        }
        // Checking one day: the alliance must exist on that day.
        if let Some(day) = self.options.as_of {
            (from, until) = (Some(day), Some(day));
        }
        let mut principals: Vec<ActorId> = set.iter().map(|&p| self.principal_of(p)).collect();
        principals.sort_unstable();
        principals.dedup();
        let base = |kind| Classified {
            kind,
            principals: principals.clone(),
            from,
            until,
            bloc: None,
            memberships: Vec::new(),
        };
        if principals.len() == 1 {
            return Some(base(ContradictionKind::SelfContradiction));
        }
        // A bloc and members of it, then members of a common bloc; of several
        // blocs, the one whose alliance starts first (then the lowest id).
        let earliest =
            |options: Vec<Classified>| options.into_iter().min_by_key(|c| (c.from, c.bloc));
        let as_bloc: Vec<Classified> = principals
            .iter()
            .filter_map(|&bloc| {
                let members: Vec<ActorId> =
                    principals.iter().copied().filter(|&a| a != bloc).collect();
                self.allied(&members, bloc, from, until)
            })
            .collect();
        if let Some(c) = earliest(as_bloc) {
            return Some(
                Classified {
                    kind: ContradictionKind::MemberVsBloc,
                    ..c
                }
                .with_principals(&principals),
            );
        }
        let common: Vec<Classified> = self
            .blocs_of(principals[0])
            .iter()
            .filter_map(|&bloc| self.allied(&principals, bloc, from, until))
            .collect();
        if let Some(c) = earliest(common) {
            return Some(
                Classified {
                    kind: ContradictionKind::BetweenAllies,
                    ..c
                }
                .with_principals(&principals),
            );
        }
        if set.iter().all(|&p| self.is_red(p)) {
            return Some(base(ContradictionKind::Deadlock));
        }
        None
    }

    /// Whether every one of `members` belongs to `bloc` on some common day
    /// within [from, until]; the earliest such span and the memberships used.
    fn allied(
        &self,
        members: &[ActorId],
        bloc: ActorId,
        from: Option<Date>,
        until: Option<Date>,
    ) -> Option<Classified> {
        // Days on which all members so far belong to the bloc, as spans.
        let mut spans = vec![(from, until)];
        for &member in members {
            let mut next = Vec::new();
            for m in self
                .s
                .actor(member)
                .memberships()
                .iter()
                .filter(|m| m.bloc() == bloc)
            {
                for &(a, b) in &spans {
                    let start = a.max(m.since());
                    let end = min_end(b, m.until());
                    if !matches!((start, end), (Some(x), Some(y)) if x > y) {
                        next.push((start, end));
                    }
                }
            }
            if next.is_empty() {
                return None;
            }
            spans = next;
        }
        let (from, until) = spans.into_iter().min()?;
        let steps = members
            .iter()
            .filter_map(|&member| {
                let (index, _) =
                    self.s
                        .actor(member)
                        .memberships()
                        .iter()
                        .enumerate()
                        .find(|(_, m)| {
                            m.bloc() == bloc
                                && m.since().is_none_or(|s| until.is_none_or(|u| s <= u))
                                && m.until().is_none_or(|e| from.is_none_or(|f| f <= e))
                        })?;
                Some(Step::Membership {
                    member,
                    bloc,
                    index,
                })
            })
            .collect();
        Some(Classified {
            kind: ContradictionKind::BetweenAllies,
            principals: Vec::new(),
            from,
            until,
            bloc: Some(bloc),
            memberships: steps,
        })
    }

    /// Records a contradictory set found through `clause`, if it is new,
    /// minimal and reportable.
    fn record(&mut self, set: &[PositionId], clause: Clause, ancestors: &[Ancestors]) {
        let mut key: Vec<PositionId> = set.to_vec();
        key.sort_unstable();
        key.dedup();
        if self.seen.contains(key.as_slice()) {
            return;
        }
        // Minimal: no position can hold nothing on its own, no smaller subset clashes.
        if key.len() > 1 {
            let impossible_alone = key.iter().any(|&p| {
                let position = self.s.position(p);
                position.stance() == Stance::Support
                    && self.impossible[position.issue().index()].is_some()
            });
            if impossible_alone {
                return;
            }
            if key.len() > 2 {
                for skip in 0..key.len() {
                    let rest: Vec<PositionId> = key
                        .iter()
                        .enumerate()
                        .filter(|&(i, _)| i != skip)
                        .map(|(_, &p)| p)
                        .collect();
                    if self.is_unsat(&rest) {
                        return;
                    }
                }
            }
        }
        let Some(classified) = self.classify(&key) else {
            return;
        };
        self.seen.insert(key.clone().into_boxed_slice());
        let group = (classified.kind, classified.principals.clone(), clause);
        let contradiction = self.explain(key, clause, ancestors, classified);
        self.groups.entry(group).or_default().push(contradiction);
    }

    fn explain(
        &self,
        positions: Vec<PositionId>,
        clause: Clause,
        ancestors: &[Ancestors],
        c: Classified,
    ) -> Contradiction<'s> {
        let mut reasoning = Vec::new();
        // Supporting positions first, the opposing one last.
        let mut ordered = positions.clone();
        ordered.sort_by_key(|&p| (self.s.position(p).stance() != Stance::Support, p));
        for &p in &ordered {
            reasoning.push(Step::Position(p));
            let mut speaker = self.s.position(p).actor();
            while let Some(principal) = self.s.actor(speaker).speaks_for() {
                reasoning.push(Step::SpeaksFor { speaker, principal });
                speaker = principal;
            }
        }
        reasoning.extend(c.memberships.iter().copied());
        // How each supported issue reaches the clause.
        for anc in ancestors {
            let via = ordered.iter().find(|&&p| {
                self.s.position(p).stance() == Stance::Support
                    && anc.reaches(self.s.position(p).issue())
            });
            if let Some(&p) = via {
                anc.path(self.s.position(p).issue(), &mut reasoning);
            }
        }
        match clause {
            Clause::Relation(relation) => reasoning.push(Step::Excludes { relation }),
            Clause::Opposition(position, issue) => {
                reasoning.push(Step::Opposes { position, issue })
            }
        }
        let mut issues: Vec<IssueId> = positions
            .iter()
            .map(|&p| self.s.position(p).issue())
            .collect();
        issues.extend(ancestors.iter().map(|a| a.atom));
        for step in &reasoning {
            if let Step::Implies { from, to, .. } = step {
                issues.extend([*from, *to]);
            }
        }
        issues.sort_unstable();
        issues.dedup();
        let severity = Severity::of(positions.iter().map(|&p| self.s.position(p).firmness()));
        Contradiction {
            scenario: self.s,
            kind: c.kind,
            severity,
            principals: c.principals,
            positions,
            issues,
            from: c.from,
            until: c.until,
            reasoning,
            bloc: c.bloc,
        }
    }

    /// A principal's stance turned to the opposite one: consecutive dated
    /// days of its non-neutral positions on an issue with opposite stances.
    fn reversals(&mut self) {
        let mut dated: Vec<(ActorId, IssueId, Date, PositionId)> = self
            .s
            .positions()
            .filter(|(id, p)| p.stance() != Stance::Neutral && self.is_kept(*id))
            .filter_map(|(id, p)| p.date().map(|d| (self.principal_of(id), p.issue(), d, id)))
            .collect();
        dated.sort_unstable();
        let same_group = |a: &(ActorId, IssueId, Date, PositionId),
                          b: &(ActorId, IssueId, Date, PositionId)| {
            a.0 == b.0 && a.1 == b.1
        };
        let mut i = 0;
        while i < dated.len() {
            // This day's positions, then the next day's of the same group.
            let day_end = i + dated[i..]
                .iter()
                .take_while(|x| same_group(x, &dated[i]) && x.2 == dated[i].2)
                .count();
            let next_end = day_end
                + dated[day_end..]
                    .iter()
                    .take_while(|x| {
                        same_group(x, &dated[i]) && x.2 == dated.get(day_end).map_or(x.2, |d| d.2)
                    })
                    .count();
            let later_day = dated
                .get(day_end)
                .filter(|x| same_group(x, &dated[i]))
                .map(|x| x.2);
            if let Some(day) = later_day
                && self.options.as_of.is_none_or(|d| day <= d)
            {
                for &(principal, issue, _, earlier) in &dated[i..day_end] {
                    for &(_, _, _, later) in &dated[day_end..next_end] {
                        if self.s.position(later).stance()
                            == self.s.position(earlier).stance().opposite()
                            && (self.is_focused(earlier) || self.is_focused(later))
                        {
                            self.reversal(principal, issue, earlier, later);
                        }
                    }
                }
            }
            i = day_end;
        }
    }

    fn reversal(
        &mut self,
        principal: ActorId,
        issue: IssueId,
        earlier: PositionId,
        later: PositionId,
    ) {
        let severity = match self.s.position(earlier).firmness() {
            Firmness::RedLine => Severity::Critical,
            Firmness::Firm => Severity::High,
            Firmness::Negotiable => Severity::Medium,
        };
        let mut reasoning = vec![Step::Position(earlier), Step::Position(later)];
        for q in [earlier, later] {
            let mut speaker = self.s.position(q).actor();
            while let Some(up) = self.s.actor(speaker).speaks_for() {
                reasoning.push(Step::SpeaksFor {
                    speaker,
                    principal: up,
                });
                speaker = up;
            }
        }
        reasoning.push(Step::Supersedes { earlier, later });
        let contradiction = Contradiction {
            scenario: self.s,
            kind: ContradictionKind::Reversal,
            severity,
            principals: vec![principal],
            positions: vec![earlier, later],
            issues: vec![issue],
            from: self.s.position(earlier).date(),
            until: self.s.position(later).date(),
            reasoning,
            bloc: None,
        };
        let group = (
            ContradictionKind::Reversal,
            vec![principal],
            Clause::Opposition(later, issue),
        );
        self.groups.entry(group).or_default().push(contradiction);
    }

    /// Keeps the most severe `max_per_group` of each group, notes the rest,
    /// and sorts everything.
    fn finish(self) -> Contradictions<'s> {
        let cap = self.options.max_per_group;
        let mut groups: Vec<_> = self.groups.into_iter().collect();
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        let mut items = Vec::new();
        let mut truncated = Vec::new();
        for ((kind, principals, clause), mut group) in groups {
            group.sort_by(|a, b| (a.severity, &a.positions).cmp(&(b.severity, &b.positions)));
            if group.len() > cap {
                let (relation, opposed_by, issues) = match clause {
                    Clause::Relation(r) => (Some(r), None, self.s.relation(r).issues().to_vec()),
                    Clause::Opposition(p, issue) => (None, Some(p), vec![issue]),
                };
                truncated.push(Truncation {
                    kind,
                    principals,
                    issues,
                    relation,
                    opposed_by,
                    found: group.len(),
                    reported: cap,
                });
                group.truncate(cap);
            }
            items.extend(group);
        }
        items.sort_by(|a, b| {
            (a.severity, a.kind, &a.positions).cmp(&(b.severity, b.kind, &b.positions))
        });
        Contradictions {
            scenario: self.s,
            items,
            truncated,
        }
    }
}

impl Classified {
    fn with_principals(mut self, principals: &[ActorId]) -> Self {
        self.principals = principals.to_vec();
        self
    }
}

/// The earlier of two end days, where `None` is open-ended.
fn min_end(a: Option<Date>, b: Option<Date>) -> Option<Date> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
