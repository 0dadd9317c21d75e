//! The stance graph: actors, issues and the agreement and conflict between actors.

use std::fmt;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::util::rows::Rows;

use crate::{
    ActorId, Date, Firmness, Holding, IssueId, PositionId, RelationId, RelationKind, Scenario,
    Stance,
};

/// Whose positions a statement counts as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Attribution {
    /// The actor who took the position, as written (Kellogg is Kellogg).
    #[default]
    Speaker,
    /// The top of the speaker's `speaks_for` chain (Kellogg's positions are
    /// the United States'). Ties never join an actor to itself, so two
    /// spokespeople of one state neither agree nor conflict.
    Principal,
}

/// How to build a [`StanceGraph`].
///
/// # Examples
///
/// ```
/// use stancegraph::{stance::{Attribution, GraphOptions}};
///
/// let options = GraphOptions::default().with_attribution(Attribution::Principal);
/// assert_eq!(options.attribution, Attribution::Principal);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct GraphOptions {
    /// Whose positions statements count as; [`Attribution::Speaker`] by default.
    pub attribution: Attribution,
    /// Count only the positions that hold on this day (see [`Holding`]:
    /// later positions of the same principal on the same issue supersede
    /// earlier ones). `None`, the default, counts every position ever taken.
    pub as_of: Option<Date>,
}

impl GraphOptions {
    /// Sets [`GraphOptions::attribution`].
    pub fn with_attribution(mut self, attribution: Attribution) -> Self {
        self.attribution = attribution;
        self
    }

    /// Sets [`GraphOptions::as_of`].
    pub fn with_as_of(mut self, date: Date) -> Self {
        self.as_of = Some(date);
        self
    }
}

/// A node of the underlying petgraph graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Node {
    /// An actor.
    Actor(ActorId),
    /// An issue.
    Issue(IssueId),
}

/// An edge of the underlying petgraph graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Edge {
    /// Actor → issue: the (attributed) actor took this position.
    Stance(PositionId),
    /// Member → bloc: the member's `n`-th membership
    /// ([`Actor::memberships`](crate::Actor::memberships)).
    MemberOf(u32),
    /// Speaker → principal: the speaker speaks directly for the principal.
    SpeaksFor,
    /// Issue → issue: a relation. Binary relations give one edge from the
    /// first issue to the second; an `incompatible` set gives one edge per
    /// pair of its issues, in file order.
    Relation(RelationId),
    /// Actor → actor (lower id to higher): they took the same side on this
    /// many issues.
    Agreement(u32),
    /// Actor → actor (lower id to higher): they took opposite sides on this
    /// many issues.
    Conflict(u32),
}

/// Agreement or conflict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TieKind {
    /// The same side of an issue (both support or both oppose).
    Agreement,
    /// Opposite sides of an issue (one supports, the other opposes).
    Conflict,
}

impl fmt::Display for TieKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(match self {
            TieKind::Agreement => "agreement",
            TieKind::Conflict => "conflict",
        })
    }
}

/// One signed actor–actor edge, without its evidence: see
/// [`StanceGraph::tie`] for that.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct TieSummary {
    /// The actor with the lower id.
    pub a: ActorId,
    /// The actor with the higher id.
    pub b: ActorId,
    /// Agreement or conflict.
    pub kind: TieKind,
    /// The number of issues behind the tie.
    pub weight: u32,
}

/// One issue behind a [`Tie`]: the positions of each side that produced it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TieIssue {
    /// The shared issue.
    pub issue: IssueId,
    /// The first actor's stance.
    pub stance_a: Stance,
    /// The second actor's stance.
    pub stance_b: Stance,
    /// The first actor's positions with `stance_a` on the issue, in order.
    pub positions_a: Vec<PositionId>,
    /// The second actor's positions with `stance_b` on the issue, in order.
    pub positions_b: Vec<PositionId>,
}

/// Agreement or conflict between two actors, with the issues and positions
/// that produced it. Displays as one sentence.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Tie<'s> {
    scenario: &'s Scenario,
    /// Agreement or conflict.
    pub kind: TieKind,
    /// The first actor, as asked.
    pub a: ActorId,
    /// The second actor, as asked.
    pub b: ActorId,
    /// The evidence, by issue id, then `stance_a`.
    pub issues: Vec<TieIssue>,
}

impl Tie<'_> {
    /// The number of distinct issues behind the tie (the edge weight).
    pub fn weight(&self) -> usize {
        let mut n = 0;
        let mut last = None;
        for i in &self.issues {
            if last != Some(i.issue) {
                n += 1;
                last = Some(i.issue);
            }
        }
        n
    }
}

impl fmt::Display for Tie<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.scenario;
        let (a, b) = (s.actor(self.a).name(), s.actor(self.b).name());
        match self.kind {
            TieKind::Agreement => write!(f, "{a} and {b} agree: ")?,
            TieKind::Conflict => write!(f, "{a} and {b} are in conflict: ")?,
        }
        for (i, x) in self.issues.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            let issue = s.issue(x.issue).name();
            match self.kind {
                TieKind::Agreement => write!(f, "both {} \"{issue}\"", x.stance_a)?,
                TieKind::Conflict => {
                    write!(f, "{a} {}s and {b} {}s \"{issue}\"", x.stance_a, x.stance_b)?
                }
            }
        }
        Ok(())
    }
}

/// An actor in one camp of an issue.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CampMember {
    /// The (attributed) actor.
    pub actor: ActorId,
    /// Its positions with this camp's stance, in order.
    pub positions: Vec<PositionId>,
    /// The firmest of those positions.
    pub firmness: Firmness,
    /// Whether every one of those positions has a condition.
    pub conditional: bool,
}

/// Who supports, opposes and stays neutral on an issue.
///
/// An actor that changed its stance over time appears in more than one camp.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Camps {
    /// The issue.
    pub issue: IssueId,
    /// Supporters, by actor id.
    pub support: Vec<CampMember>,
    /// Opponents, by actor id.
    pub oppose: Vec<CampMember>,
    /// Neutral actors, by actor id.
    pub neutral: Vec<CampMember>,
}

impl Camps {
    /// The camp of `stance`.
    pub fn of(&self, stance: Stance) -> &[CampMember] {
        match stance {
            Stance::Support => &self.support,
            Stance::Oppose => &self.oppose,
            Stance::Neutral => &self.neutral,
        }
    }
}

/// A position as the graph indexes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    actor: ActorId,
    issue: IssueId,
    position: PositionId,
    stance: Stance,
}

const SUPPORT: u8 = 1;
const OPPOSE: u8 = 2;

fn bit(stance: Stance) -> u8 {
    match stance {
        Stance::Support => SUPPORT,
        Stance::Oppose => OPPOSE,
        Stance::Neutral => 0,
    }
}

fn agree(x: u8, y: u8) -> bool {
    x & y != 0
}

fn conflict(x: u8, y: u8) -> bool {
    (x & SUPPORT != 0 && y & OPPOSE != 0) || (x & OPPOSE != 0 && y & SUPPORT != 0)
}

/// Actors and issues as a graph, with signed agreement and conflict edges
/// between actors derived from the issues they share.
///
/// Two actors **agree** on an issue when both support it or both oppose it,
/// and are **in conflict** when one supports and the other opposes it;
/// neutral positions take no side and make no tie. Each issue counts once
/// per pair and kind, so an edge's weight is the number of issues behind it.
/// A pair can both agree (on some issues) and conflict (on others): they
/// then have two edges.
///
/// By default every position ever taken counts, so an actor that changed
/// sides over time sits in two camps and can both agree and conflict with
/// another on one issue; [`GraphOptions::as_of`] restricts the graph to the
/// positions that hold on one day.
///
/// Edges store their weights; the positions behind an edge are recovered on
/// demand ([`tie`](Self::tie), [`tie_of_edge`](Self::tie_of_edge)) from a
/// per-actor index, in time proportional to the two actors' positions.
/// Storing them on every edge would cost memory quadratic in the actors per
/// issue (1.4 GB for the UN General Assembly votes).
///
/// Which actors a person speaks for and who belongs to a bloc are questions
/// about the scenario: [`Scenario::speaks_for_chain`],
/// [`Scenario::spokespeople`], [`Scenario::members`],
/// [`Scenario::members_on`].
///
/// The graph borrows its scenario. Every query returns ids of that scenario,
/// in a documented order; the same scenario always gives the same graph.
///
/// # Examples
///
/// ```
/// use stancegraph::{Scenario, StanceGraph, stance::TieKind};
///
/// let scenario = Scenario::from_yaml_str("
/// actors:
///   - {id: rutte, name: Mark Rutte, kind: person}
///   - {id: russia, name: Russia, kind: state}
///   - {id: pavel, name: Petr Pavel, kind: person}
/// issues:
///   - {id: join, name: Ukraine joins NATO}
/// positions:
///   - {actor: rutte, issue: join, stance: support, firmness: red_line}
///   - {actor: russia, issue: join, stance: oppose, firmness: red_line}
///   - {actor: pavel, issue: join, stance: neutral}
/// ")?;
/// let graph = StanceGraph::new(&scenario);
/// let rutte = scenario.actor_id("rutte").unwrap();
/// let russia = scenario.actor_id("russia").unwrap();
///
/// let tie = graph.conflict_between(rutte, russia).unwrap();
/// assert_eq!(tie.to_string(),
///     "Mark Rutte and Russia are in conflict: Mark Rutte supports and Russia opposes \"Ukraine joins NATO\"");
/// assert!(graph.agreement_between(rutte, russia).is_none());
///
/// let camps = graph.camps(scenario.issue_id("join").unwrap());
/// assert_eq!(camps.neutral.len(), 1);
/// assert_eq!(graph.ties().map(|t| t.kind).collect::<Vec<_>>(), [TieKind::Conflict]);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Debug)]
pub struct StanceGraph<'s> {
    scenario: &'s Scenario,
    options: GraphOptions,
    graph: DiGraph<Node, Edge>,
    by_actor: Rows<Entry>,
    by_issue: Rows<Entry>,
    ties: Vec<TieSummary>,
}

impl<'s> StanceGraph<'s> {
    /// Builds the graph of `scenario` with default options.
    ///
    /// # Complexity
    ///
    /// O(P log P + Σᵢ kᵢ²) time for P positions, where kᵢ is the number of
    /// actors with a side on issue i; O(P + A + T) memory for A actors and
    /// T ties. The evidence behind ties is not stored but recovered on demand
    /// from a per-actor index (see [`StanceGraph::tie`]).
    pub fn new(scenario: &'s Scenario) -> Self {
        Self::with_options(scenario, GraphOptions::default())
    }

    /// Builds the graph of `scenario` with `options`.
    ///
    /// # Complexity
    ///
    /// As [`StanceGraph::new`].
    pub fn with_options(scenario: &'s Scenario, options: GraphOptions) -> Self {
        let n_actors = scenario.actors.len();
        let n_issues = scenario.issues.len();
        let principal: Vec<ActorId> = match options.attribution {
            Attribution::Speaker => scenario.actors().map(|(id, _)| id).collect(),
            Attribution::Principal => scenario
                .actors()
                .map(|(id, _)| scenario.principal(id))
                .collect(),
        };
        let holdings: Option<Vec<Holding>> = options.as_of.map(|_| scenario.holdings());
        let holds = |position: PositionId| match (&holdings, options.as_of) {
            (Some(h), Some(day)) => h[position.index()].holds_on(day),
            _ => true,
        };
        let mut entries: Vec<Entry> = scenario
            .positions()
            .filter(|(position, _)| holds(*position))
            .map(|(position, p)| Entry {
                actor: principal[p.actor.index()],
                issue: p.issue,
                position,
                stance: p.stance,
            })
            .collect();
        entries.sort_unstable();
        let by_actor = Rows::group(entries.clone(), n_actors, |e| e.actor.index());
        entries.sort_unstable_by_key(|e| (e.issue, e.actor, e.position));
        let by_issue = Rows::group(entries, n_issues, |e| e.issue.index());
        let ties = compute_ties(&by_actor, &by_issue, n_actors);

        let mut graph = DiGraph::with_capacity(
            n_actors + n_issues,
            scenario.positions.len() + ties.len() + n_actors + scenario.relations.len(),
        );
        for (id, _) in scenario.actors() {
            graph.add_node(Node::Actor(id));
        }
        for (id, _) in scenario.issues() {
            graph.add_node(Node::Issue(id));
        }
        let actor_node = |a: ActorId| NodeIndex::new(a.index());
        let issue_node = |i: IssueId| NodeIndex::new(n_actors + i.index());
        for (id, actor) in scenario.actors() {
            for (n, m) in actor.memberships().iter().enumerate() {
                graph.add_edge(
                    actor_node(id),
                    actor_node(m.bloc()),
                    Edge::MemberOf(n as u32),
                );
            }
            if let Some(principal) = actor.speaks_for() {
                graph.add_edge(actor_node(id), actor_node(principal), Edge::SpeaksFor);
            }
        }
        for (id, relation) in scenario.relations() {
            let issues = relation.issues();
            match relation.kind() {
                RelationKind::Incompatible => {
                    for (i, &x) in issues.iter().enumerate() {
                        for &y in &issues[i + 1..] {
                            graph.add_edge(issue_node(x), issue_node(y), Edge::Relation(id));
                        }
                    }
                }
                _ => {
                    if let [x, y] = issues {
                        graph.add_edge(issue_node(*x), issue_node(*y), Edge::Relation(id));
                    }
                }
            }
        }
        for e in &by_actor.items {
            graph.add_edge(
                actor_node(e.actor),
                issue_node(e.issue),
                Edge::Stance(e.position),
            );
        }
        for t in &ties {
            let edge = match t.kind {
                TieKind::Agreement => Edge::Agreement(t.weight),
                TieKind::Conflict => Edge::Conflict(t.weight),
            };
            graph.add_edge(actor_node(t.a), actor_node(t.b), edge);
        }
        StanceGraph {
            scenario,
            options,
            graph,
            by_actor,
            by_issue,
            ties,
        }
    }

    /// The scenario the graph was built from.
    pub fn scenario(&self) -> &'s Scenario {
        self.scenario
    }

    /// The options the graph was built with.
    pub fn options(&self) -> &GraphOptions {
        &self.options
    }

    /// The underlying petgraph graph, for algorithms this crate does not offer.
    ///
    /// Node `i` for `i < actors` is actor `i` (`ActorId::from_index(i)`), and
    /// node `actors + j` is issue `j`; node and edge weights ([`Node`],
    /// [`Edge`]) carry the scenario's ids. Edges are added in this order:
    /// memberships and speaks-for links (by actor), relations (by relation),
    /// stances (by actor, issue, position), ties (by actor pair, agreement
    /// first).
    pub fn petgraph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// The tie behind an agreement or conflict edge of [`petgraph`](Self::petgraph),
    /// with its evidence; `None` for other edges and unknown indices.
    ///
    /// # Complexity
    ///
    /// O(pₐ + p_b) for the two actors' numbers of positions.
    pub fn tie_of_edge(&self, edge: petgraph::graph::EdgeIndex) -> Option<Tie<'s>> {
        let (x, y) = self.graph.edge_endpoints(edge)?;
        let kind = match self.graph.edge_weight(edge)? {
            Edge::Agreement(_) => TieKind::Agreement,
            Edge::Conflict(_) => TieKind::Conflict,
            _ => return None,
        };
        match (self.graph[x], self.graph[y]) {
            (Node::Actor(a), Node::Actor(b)) => self.tie(a, b, kind),
            _ => None,
        }
    }

    /// Every agreement and conflict edge, ordered by `(a, b, kind)` with
    /// agreement before conflict.
    ///
    /// # Complexity
    ///
    /// O(1) per item.
    pub fn ties(&self) -> impl ExactSizeIterator<Item = TieSummary> + '_ {
        self.ties.iter().copied()
    }

    /// The ties of `actor`, in the order of [`ties`](Self::ties).
    ///
    /// # Complexity
    ///
    /// O(T) for T ties.
    pub fn ties_of(&self, actor: ActorId) -> impl Iterator<Item = TieSummary> + '_ {
        self.ties().filter(move |t| t.a == actor || t.b == actor)
    }

    /// The issues on which `a` and `b` take the same side, with the positions
    /// behind each, or `None` if there are none (or `a == b`).
    ///
    /// With [`Attribution::Principal`], pass principals: a spokesperson has no
    /// positions of its own at that level.
    ///
    /// # Complexity
    ///
    /// O(pₐ + p_b) for the two actors' numbers of positions.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, StanceGraph};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: us, name: United States, kind: state}, {id: uk, name: United Kingdom, kind: state}]
    /// issues: [{id: ceasefire, name: A full ceasefire}]
    /// positions:
    ///   - {actor: us, issue: ceasefire, stance: support}
    ///   - {actor: uk, issue: ceasefire, stance: support}
    /// ")?;
    /// let g = StanceGraph::new(&s);
    /// let (us, uk) = (s.actor_id("us").unwrap(), s.actor_id("uk").unwrap());
    /// let tie = g.agreement_between(us, uk).unwrap();
    /// assert_eq!(tie.weight(), 1);
    /// assert_eq!(s.position(tie.issues[0].positions_b[0]).key(), "uk:ceasefire");
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn agreement_between(&self, a: ActorId, b: ActorId) -> Option<Tie<'s>> {
        self.tie(a, b, TieKind::Agreement)
    }

    /// The issues on which `a` and `b` take opposite sides, with the positions
    /// behind each, or `None` if there are none (or `a == b`).
    ///
    /// # Complexity
    ///
    /// O(pₐ + p_b) for the two actors' numbers of positions.
    pub fn conflict_between(&self, a: ActorId, b: ActorId) -> Option<Tie<'s>> {
        self.tie(a, b, TieKind::Conflict)
    }

    /// The tie of `kind` between `a` and `b` with its evidence, or `None`.
    ///
    /// # Complexity
    ///
    /// O(pₐ + p_b) for the two actors' numbers of positions.
    pub fn tie(&self, a: ActorId, b: ActorId, kind: TieKind) -> Option<Tie<'s>> {
        if a == b {
            return None;
        }
        let (ra, rb) = (self.by_actor.row(a.index()), self.by_actor.row(b.index()));
        let mut issues = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < ra.len() && j < rb.len() {
            let (x, y) = (ra[i].issue, rb[j].issue);
            if x < y {
                i += 1;
            } else if y < x {
                j += 1;
            } else {
                let ei = ra[i..].partition_point(|e| e.issue == x) + i;
                let ej = rb[j..].partition_point(|e| e.issue == x) + j;
                collect_evidence(&ra[i..ei], &rb[j..ej], kind, &mut issues);
                i = ei;
                j = ej;
            }
        }
        (!issues.is_empty()).then_some(Tie {
            scenario: self.scenario,
            kind,
            a,
            b,
            issues,
        })
    }

    /// Who supports, opposes and stays neutral on `issue`, with their
    /// positions, each camp ordered by actor id.
    ///
    /// # Complexity
    ///
    /// O(p) for the issue's number of positions.
    pub fn camps(&self, issue: IssueId) -> Camps {
        let mut camps = Camps {
            issue,
            support: Vec::new(),
            oppose: Vec::new(),
            neutral: Vec::new(),
        };
        for e in self.by_issue.row(issue.index()) {
            let p = self.scenario.position(e.position);
            let camp = match e.stance {
                Stance::Support => &mut camps.support,
                Stance::Oppose => &mut camps.oppose,
                Stance::Neutral => &mut camps.neutral,
            };
            match camp.last_mut() {
                Some(m) if m.actor == e.actor => {
                    m.positions.push(e.position);
                    m.firmness = m.firmness.max(p.firmness());
                    m.conditional &= p.condition().is_some();
                }
                _ => camp.push(CampMember {
                    actor: e.actor,
                    positions: vec![e.position],
                    firmness: p.firmness(),
                    conditional: p.condition().is_some(),
                }),
            }
        }
        camps
    }

    /// The positions attributed to `actor` (at this graph's attribution
    /// level), ordered by issue, then position.
    pub fn positions_of(&self, actor: ActorId) -> impl ExactSizeIterator<Item = PositionId> + '_ {
        self.by_actor.row(actor.index()).iter().map(|e| e.position)
    }
}

/// Adds the evidence for one shared issue: `xs` and `ys` are the two actors'
/// entries on it.
fn collect_evidence(xs: &[Entry], ys: &[Entry], kind: TieKind, out: &mut Vec<TieIssue>) {
    for sa in [Stance::Support, Stance::Oppose] {
        let sb = match kind {
            TieKind::Agreement => sa,
            TieKind::Conflict => sa.opposite(),
        };
        let pa: Vec<PositionId> = xs
            .iter()
            .filter(|e| e.stance == sa)
            .map(|e| e.position)
            .collect();
        let pb: Vec<PositionId> = ys
            .iter()
            .filter(|e| e.stance == sb)
            .map(|e| e.position)
            .collect();
        if !pa.is_empty() && !pb.is_empty() {
            out.push(TieIssue {
                issue: xs[0].issue,
                stance_a: sa,
                stance_b: sb,
                positions_a: pa,
                positions_b: pb,
            });
        }
    }
}

/// All ties, by (a, b, kind): the network kernel's pair sums over issues of
/// "same side" and "opposite sides" (each issue once per pair).
fn compute_ties(
    by_actor: &Rows<Entry>,
    by_issue: &Rows<Entry>,
    n_actors: usize,
) -> Vec<TieSummary> {
    // One (actor, bits) per actor and issue, ignoring neutral-only stances.
    let side_rows = |rows: &Rows<Entry>, key: fn(&Entry) -> usize, n: usize| {
        let mut items: Vec<(u32, u8)> = Vec::new();
        let mut offsets = Vec::with_capacity(n + 1);
        offsets.push(0);
        for r in 0..n {
            let row = rows.row(r);
            let mut i = 0;
            while i < row.len() {
                let k = key(&row[i]);
                let mut bits = 0;
                while i < row.len() && key(&row[i]) == k {
                    bits |= bit(row[i].stance);
                    i += 1;
                }
                if bits != 0 {
                    items.push((k as u32, bits));
                }
            }
            offsets.push(items.len());
        }
        Rows::from_parts(offsets, items)
    };
    let actor_issues = side_rows(by_actor, |e| e.issue.index(), n_actors);
    let issue_actors = side_rows(by_issue, |e| e.actor.index(), by_issue.offsets.len() - 1);
    // The pair sums the network kernel also uses: issues agreed on, issues in conflict.
    let mut ties = Vec::new();
    crate::util::pair_sums::pair_sums(
        &actor_issues,
        &issue_actors,
        n_actors,
        |a: u8, b: u8| {
            [
                f64::from(u8::from(agree(a, b))),
                f64::from(u8::from(conflict(a, b))),
            ]
        },
        |a, b, [agreements, conflicts]| {
            let (pa, pb) = (ActorId::from_index(a as u32), ActorId::from_index(b as u32));
            for (kind, weight) in [
                (TieKind::Agreement, agreements),
                (TieKind::Conflict, conflicts),
            ] {
                if weight > 0.0 {
                    ties.push(TieSummary {
                        a: pa,
                        b: pb,
                        kind,
                        weight: weight as u32,
                    });
                }
            }
        },
    );
    ties
}
