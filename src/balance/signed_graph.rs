//! Signed graphs and structural balance: camps, unbalanced cycles, triangles.

use std::collections::{HashMap, VecDeque};

use crate::error::{Problem, ProblemKind};
use crate::stance::{Edge, Node};
use crate::{
    ActorId, Error, IssueId, PositionId, RelationId, RelationKind, Result, Stance, StanceGraph,
    stance::TieKind,
};

/// A tie in a [`SignedGraph`]: undirected, positive or negative.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct SignedEdge {
    /// One end (node index).
    pub a: usize,
    /// The other end (node index).
    pub b: usize,
    /// +1 (alliance, agreement) or −1 (enmity, conflict).
    pub sign: i8,
    /// The tie's weight (1 when none is given).
    pub weight: f64,
}

/// An undirected signed graph: labelled nodes and ±1 edges, at most one per
/// pair.
///
/// Build one from an edge list ([`SignedGraph::read_edges`]) or from a
/// scenario's actor network ([`SignedGraph::from_actor_ties`]).
///
/// # Examples
///
/// ```
/// use stancegraph::balance::SignedGraph;
///
/// let graphs = SignedGraph::read_edges("source,target,sign\nA,B,1\nB,C,-1\nA,C,-1\n", "t.csv")?;
/// let g = &graphs[0];
/// assert!(g.balance().is_balanced());
/// assert_eq!(g.triangles().balance_ratio(), 1.0);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SignedGraph {
    period: Option<String>,
    nodes: Vec<String>,
    /// Per node, what it stands for (empty for edge lists).
    origins: Vec<NodeOrigin>,
    edges: Vec<SignedEdge>,
    /// Per edge, what produced it (empty for edge lists).
    evidence: Vec<EdgeEvidence>,
    /// Per node: (neighbour, edge index), sorted by neighbour.
    adjacency: Vec<Vec<(usize, usize)>>,
}

/// What a node of a stance-derived [`SignedGraph`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NodeOrigin {
    /// An actor of the scenario.
    Actor(ActorId),
    /// An issue of the scenario.
    Issue(IssueId),
}

/// What produced an edge of a stance-derived [`SignedGraph`]: the positions,
/// relations, shared stances and links behind its sign.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EdgeEvidence {
    /// Actor–issue edges: the positions (support counts +1, oppose −1).
    pub positions: Vec<PositionId>,
    /// Issue–issue edges: the relations (`implies`/`equivalent` +1,
    /// `excludes`/`incompatible` −1).
    pub relations: Vec<RelationId>,
    /// Actor–actor edges of the actor network: issues agreed on
    /// ([`StanceGraph::agreement_between`] has the positions).
    pub agreements: u32,
    /// Actor–actor edges of the actor network: issues in conflict
    /// ([`StanceGraph::conflicts_between`] has the positions).
    pub conflicts: u32,
    /// One is a member of the other (+1).
    pub membership: bool,
    /// One speaks for the other (+1).
    pub speaks_for: bool,
}

/// The result of the strict balance test: the two camps, or an unbalanced
/// cycle that proves there are none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Balance {
    /// The graph splits into two camps with every positive edge inside a camp
    /// and every negative edge between them. Nodes by index; the camp of the
    /// lowest-numbered node of each component is the first.
    Balanced {
        /// The first camp.
        first: Vec<usize>,
        /// The second camp.
        second: Vec<usize>,
    },
    /// A cycle with an odd number of negative edges: node indices along it,
    /// and the edge indices joining them (edge i joins node i and i + 1,
    /// the last edge closing the cycle).
    Unbalanced {
        /// The nodes of the cycle, in order.
        cycle: Vec<usize>,
        /// The edges of the cycle, in order.
        edges: Vec<usize>,
    },
}

impl Balance {
    /// Whether the graph is balanced.
    pub fn is_balanced(&self) -> bool {
        matches!(self, Balance::Balanced { .. })
    }
}

/// The result of the weak (k-camp) balance test.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeakBalance {
    /// The camps: the components of the positive edges, by lowest node, each
    /// sorted; every negative edge runs between two camps.
    Balanced {
        /// The camps.
        camps: Vec<Vec<usize>>,
    },
    /// A negative edge inside a positive component, and the path of
    /// positive edges joining its ends (node indices from one end to the
    /// other, and the edges along it): together a cycle with exactly one
    /// negative edge.
    Unbalanced {
        /// The negative edge.
        negative: usize,
        /// The nodes of the positive path.
        path: Vec<usize>,
        /// The positive edges of the path.
        edges: Vec<usize>,
    },
}

impl WeakBalance {
    /// Whether the graph is weakly balanced.
    pub fn is_balanced(&self) -> bool {
        matches!(self, WeakBalance::Balanced { .. })
    }
}

/// Counts of triangles by their signs, and the unbalanced ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TriangleCensus {
    /// Triangles `+++` (balanced).
    pub ppp: usize,
    /// Triangles `++-` (unbalanced).
    pub ppn: usize,
    /// Triangles `+--` (balanced: the enemy of my enemy).
    pub pnn: usize,
    /// Triangles `---` (unbalanced under strict balance).
    pub nnn: usize,
    /// The unbalanced triangles (`++-` and `---`), as sorted node triples, in order.
    pub unbalanced: Vec<[usize; 3]>,
}

impl TriangleCensus {
    /// All triangles.
    pub fn total(&self) -> usize {
        self.ppp + self.ppn + self.pnn + self.nnn
    }

    /// The share of balanced triangles (`+++` and `+--`); 1 without triangles.
    pub fn balance_ratio(&self) -> f64 {
        match self.total() {
            0 => 1.0,
            total => (self.ppp + self.pnn) as f64 / total as f64,
        }
    }
}

impl SignedGraph {
    /// Reads an edge list CSV: columns `source`, `target` and `sign` (+1/−1,
    /// or any number, whose sign counts), optional `weight`, and optional
    /// `period`, which splits the rows into one graph per period (in order
    /// of first appearance). Ties are undirected: a pair given again with the
    /// same sign (as `A,B` and `B,A`, say) is one edge whose weight is the
    /// sum; with the other sign it is an error.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for a missing column and every bad row (line,
    /// column): an unreadable or zero sign, a self-loop, or a pair given
    /// twice with different signs.
    pub fn read_edges(text: &str, origin: &str) -> Result<Vec<SignedGraph>> {
        let invalid = |problems: Vec<Problem>| Error::Invalid {
            origin: origin.to_owned(),
            problems,
        };
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|_| invalid(vec![crate::io::table_problem::unreadable_header()]))?
            .clone();
        let column = |name: &str| headers.iter().position(|h| h == name);
        let mut problems = Vec::new();
        let mut required = |name: &'static str| {
            let c = column(name);
            if c.is_none() {
                problems.push(crate::io::table_problem::missing_column(name));
            }
            c
        };
        let (source, target, sign) = (required("source"), required("target"), required("sign"));
        let (Some(source), Some(target), Some(sign)) = (source, target, sign) else {
            return Err(invalid(problems));
        };
        let (weight, period) = (column("weight"), column("period"));

        let mut graphs: Vec<SignedGraph> = Vec::new();
        let mut by_period: HashMap<String, usize> = HashMap::new();
        let mut node_index: Vec<HashMap<String, usize>> = Vec::new();
        let mut pairs: Vec<HashMap<(usize, usize), usize>> = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let row = i + 1;
            let mut bad = |line: Option<u64>, field: &str, reason: &'static str| {
                let column = Some(field).filter(|f| !f.is_empty());
                problems.push(crate::io::table_problem::row_problem(
                    row,
                    line,
                    column,
                    ProblemKind::Invalid { reason },
                ));
            };
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    bad(
                        e.position().map(|p| p.line()),
                        "",
                        "the row cannot be read as CSV",
                    );
                    continue;
                }
            };
            let line = record.position().map(|p| p.line());
            let get = |c: usize| record.get(c).unwrap_or_default().trim();
            let value: Option<f64> = get(sign)
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v != 0.0);
            let Some(value) = value else {
                bad(line, "sign", "not a non-zero number");
                continue;
            };
            let w = match weight.map(get) {
                None | Some("") => 1.0,
                Some(text) => match text.parse::<f64>() {
                    Ok(w) if w.is_finite() => w.abs(),
                    _ => {
                        bad(line, "weight", "not a finite number");
                        continue;
                    }
                },
            };
            let (a_name, b_name) = (get(source), get(target));
            if a_name.is_empty() || b_name.is_empty() {
                bad(
                    line,
                    if a_name.is_empty() {
                        "source"
                    } else {
                        "target"
                    },
                    "empty node name",
                );
                continue;
            }
            if a_name == b_name {
                bad(line, "target", "a node tied to itself");
                continue;
            }
            let key = period.map(get).unwrap_or_default().to_owned();
            let g = *by_period.entry(key.clone()).or_insert_with(|| {
                graphs.push(SignedGraph {
                    period: period.map(|_| key.clone()),
                    ..SignedGraph::default()
                });
                node_index.push(HashMap::new());
                pairs.push(HashMap::new());
                graphs.len() - 1
            });
            let graph = &mut graphs[g];
            let mut node = |name: &str| {
                *node_index[g].entry(name.to_owned()).or_insert_with(|| {
                    graph.nodes.push(name.to_owned());
                    graph.nodes.len() - 1
                })
            };
            let (a, b) = (node(a_name), node(b_name));
            let s: i8 = if value > 0.0 { 1 } else { -1 };
            match pairs[g].get(&(a.min(b), a.max(b))) {
                Some(&e) if graph.edges[e].sign != s => bad(
                    line,
                    "sign",
                    "this pair was given before with the other sign",
                ),
                // The same tie again (A,B then B,A, say): one edge, weights added.
                Some(&e) => graph.edges[e].weight += w,
                None => {
                    pairs[g].insert((a.min(b), a.max(b)), graph.edges.len());
                    graph.edges.push(SignedEdge {
                        a,
                        b,
                        sign: s,
                        weight: w,
                    });
                }
            }
        }
        if !problems.is_empty() {
            return Err(invalid(problems));
        }
        for g in &mut graphs {
            g.index();
        }
        Ok(graphs)
    }

    /// A signed graph from node labels and `(a, b, sign)` triples of node
    /// indices (sign +1 or −1; weight 1).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] naming every bad triple (row i + 1): an index out
    /// of range, a sign other than ±1, a self-loop, or a pair given twice.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::SignedGraph;
    ///
    /// let nodes = vec!["A".to_owned(), "B".to_owned(), "C".to_owned()];
    /// let g = SignedGraph::from_edges(nodes, &[(0, 1, 1), (1, 2, -1), (0, 2, -1)])?;
    /// assert_eq!(g.edges().len(), 3);
    /// assert!(SignedGraph::from_edges(vec!["A".into()], &[(0, 0, 1)]).is_err());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_edges(nodes: Vec<String>, edges: &[(usize, usize, i8)]) -> Result<SignedGraph> {
        let n = nodes.len();
        let mut problems = Vec::new();
        let mut seen: HashMap<(usize, usize), usize> = HashMap::with_capacity(edges.len());
        let mut kept = Vec::with_capacity(edges.len());
        for (i, &(a, b, sign)) in edges.iter().enumerate() {
            let reason = if a >= n || b >= n {
                Some("a node index out of range")
            } else if sign != 1 && sign != -1 {
                Some("the sign is not +1 or -1")
            } else if a == b {
                Some("a node tied to itself")
            } else if seen.insert((a.min(b), a.max(b)), i).is_some() {
                Some("this pair was given before")
            } else {
                None
            };
            match reason {
                Some(reason) => problems.push(crate::io::table_problem::row_problem(
                    i + 1,
                    None,
                    None,
                    ProblemKind::Invalid { reason },
                )),
                None => kept.push(SignedEdge {
                    a,
                    b,
                    sign,
                    weight: 1.0,
                }),
            }
        }
        if !problems.is_empty() {
            return Err(Error::Invalid {
                origin: "edges".to_owned(),
                problems,
            });
        }
        let mut g = SignedGraph {
            period: None,
            nodes,
            edges: kept,
            adjacency: Vec::new(),
            origins: Vec::new(),
            evidence: Vec::new(),
        };
        g.index();
        Ok(g)
    }

    /// The signed actor network of a stance graph. Per pair of actors the
    /// sign is that of (issues agreed on − issues in conflict), plus one for
    /// a membership of one in the other and one for a speaks-for link between
    /// them; a net of zero gives no edge. The weight is the absolute net.
    /// Each edge keeps its [`EdgeEvidence`] (counts and links; the positions
    /// behind a tie are [`StanceGraph::tie`]'s).
    pub fn from_actor_ties(graph: &StanceGraph<'_>) -> SignedGraph {
        let s = graph.scenario();
        let mut net: HashMap<(usize, usize), (i64, EdgeEvidence)> = HashMap::new();
        let pair = |a: usize, b: usize| (a.min(b), a.max(b));
        for t in graph.ties() {
            let entry = net.entry(pair(t.a.index(), t.b.index())).or_default();
            match t.kind {
                TieKind::Agreement => {
                    entry.0 += i64::from(t.weight);
                    entry.1.agreements += t.weight;
                }
                TieKind::Conflict => {
                    entry.0 -= i64::from(t.weight);
                    entry.1.conflicts += t.weight;
                }
            }
        }
        for (id, actor) in s.actors() {
            for m in actor.memberships() {
                if m.bloc() != id {
                    let entry = net.entry(pair(id.index(), m.bloc().index())).or_default();
                    if !entry.1.membership {
                        entry.0 += 1;
                        entry.1.membership = true;
                    }
                }
            }
            if let Some(p) = actor.speaks_for() {
                let entry = net.entry(pair(id.index(), p.index())).or_default();
                entry.0 += 1;
                entry.1.speaks_for = true;
            }
        }
        let nodes = s.actors().map(|(_, a)| a.key().to_owned()).collect();
        let origins = s.actors().map(|(id, _)| NodeOrigin::Actor(id)).collect();
        SignedGraph::from_net(nodes, origins, net)
    }

    /// The signed graph of actors **and issues** behind a stance graph: an
    /// actor–issue edge per (attributed) actor and issue, +1 per supporting
    /// and −1 per opposing position (neutral ones count nothing); an
    /// issue–issue edge per relation, +1 for `implies` and `equivalent`, −1
    /// for `excludes` and `incompatible` (every pair of its issues); an
    /// actor–actor edge, +1, for a membership or a speaks-for link. Per pair
    /// the sign is that of the net; a net of zero gives no edge. Nodes are
    /// the actors (by id) then the issues; every edge keeps its
    /// [`EdgeEvidence`].
    ///
    /// This is the graph in which a contradiction through a relation shows
    /// as an unbalanced cycle: the United States supports the freeze, the
    /// freeze excludes Ukraine's membership, NATO supports the membership, and
    /// the United States is a member of NATO.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{stance::Attribution, stance::GraphOptions, Scenario, balance::SignedGraph, StanceGraph};
    ///
    /// let scenario = Scenario::load("examples/data/istanbul-talks.yaml")?;
    /// let options = GraphOptions::default().with_attribution(Attribution::Principal);
    /// let graph = StanceGraph::with_options(&scenario, options);
    /// let signed = SignedGraph::from_actors_and_issues(&graph);
    /// assert!(!signed.balance().is_balanced());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_actors_and_issues(graph: &StanceGraph<'_>) -> SignedGraph {
        let s = graph.scenario();
        let actors = s.actors().len();
        let index = |node: Node| match node {
            Node::Actor(a) => a.index(),
            Node::Issue(i) => actors + i.index(),
        };
        let pg = graph.petgraph();
        let mut net: HashMap<(usize, usize), (i64, EdgeEvidence)> = HashMap::new();
        let pair = |a: usize, b: usize| (a.min(b), a.max(b));
        for e in pg.edge_indices() {
            let Some((from, to)) = pg.edge_endpoints(e) else {
                continue;
            };
            let (a, b) = (index(pg[from]), index(pg[to]));
            // Agreement and conflict ties between actors are not part of
            // this graph: skip them before they cost a map entry each.
            if a == b || matches!(pg[e], Edge::Agreement(_) | Edge::Conflict(_)) {
                continue;
            }
            let entry = net.entry(pair(a, b)).or_default();
            match pg[e] {
                Edge::Stance(p) => {
                    entry.0 += match s.position(p).stance() {
                        Stance::Support => 1,
                        Stance::Oppose => -1,
                        _ => 0,
                    };
                    entry.1.positions.push(p);
                }
                Edge::Relation(r) => {
                    entry.0 += match s.relation(r).kind() {
                        RelationKind::Implies | RelationKind::Equivalent => 1,
                        _ => -1,
                    };
                    entry.1.relations.push(r);
                }
                Edge::MemberOf(_) if !entry.1.membership => {
                    entry.0 += 1;
                    entry.1.membership = true;
                }
                Edge::SpeaksFor => {
                    entry.0 += 1;
                    entry.1.speaks_for = true;
                }
                _ => {}
            }
        }
        let nodes = s
            .actors()
            .map(|(_, a)| a.key().to_owned())
            .chain(s.issues().map(|(_, i)| i.key().to_owned()))
            .collect();
        let origins = s
            .actors()
            .map(|(id, _)| NodeOrigin::Actor(id))
            .chain(s.issues().map(|(id, _)| NodeOrigin::Issue(id)))
            .collect();
        SignedGraph::from_net(nodes, origins, net)
    }

    fn from_net(
        nodes: Vec<String>,
        origins: Vec<NodeOrigin>,
        net: HashMap<(usize, usize), (i64, EdgeEvidence)>,
    ) -> SignedGraph {
        let mut pairs: Vec<((usize, usize), (i64, EdgeEvidence))> =
            net.into_iter().filter(|(_, (v, _))| *v != 0).collect();
        pairs.sort_unstable_by_key(|(k, _)| *k);
        let mut g = SignedGraph {
            period: None,
            nodes,
            origins,
            edges: Vec::with_capacity(pairs.len()),
            evidence: Vec::with_capacity(pairs.len()),
            adjacency: Vec::new(),
        };
        for ((a, b), (v, mut evidence)) in pairs {
            evidence.positions.sort_unstable();
            evidence.relations.sort_unstable();
            g.edges.push(SignedEdge {
                a,
                b,
                sign: if v > 0 { 1 } else { -1 },
                weight: v.unsigned_abs() as f64,
            });
            g.evidence.push(evidence);
        }
        g.index();
        g
    }

    /// What node `v` stands for, for graphs built from a scenario.
    pub fn origin(&self, v: usize) -> Option<NodeOrigin> {
        self.origins.get(v).copied()
    }

    /// What produced edge `e`, for graphs built from a scenario.
    pub fn evidence(&self, e: usize) -> Option<&EdgeEvidence> {
        self.evidence.get(e)
    }

    fn index(&mut self) {
        self.adjacency = vec![Vec::new(); self.nodes.len()];
        for (i, e) in self.edges.iter().enumerate() {
            self.adjacency[e.a].push((e.b, i));
            self.adjacency[e.b].push((e.a, i));
        }
        for list in &mut self.adjacency {
            list.sort_unstable();
        }
    }

    /// The period this graph was read for, if the edge list had one.
    pub fn period(&self) -> Option<&str> {
        self.period.as_deref()
    }

    /// Node labels, by index.
    pub fn nodes(&self) -> &[String] {
        &self.nodes
    }

    /// Edges, by index.
    pub fn edges(&self) -> &[SignedEdge] {
        &self.edges
    }

    /// Per node: (neighbour, edge index), sorted by neighbour.
    pub(crate) fn adjacency(&self) -> &[Vec<(usize, usize)>] {
        &self.adjacency
    }

    /// How many edges node `v` has (0 for a node out of range).
    pub fn degree(&self, v: usize) -> usize {
        self.adjacency.get(v).map_or(0, Vec::len)
    }

    /// The strict balance test: two camps, or an unbalanced cycle.
    ///
    /// # Complexity
    ///
    /// O(n + m): a breadth-first search putting the ends of positive edges in
    /// the same camp and of negative edges in opposite camps.
    pub fn balance(&self) -> Balance {
        let n = self.nodes.len();
        let mut side: Vec<Option<bool>> = vec![None; n];
        // Breadth-first tree: parent node and edge.
        let mut parent: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut depth = vec![0usize; n];
        for root in 0..n {
            if side[root].is_some() {
                continue;
            }
            side[root] = Some(true);
            let mut queue = VecDeque::from([root]);
            while let Some(u) = queue.pop_front() {
                for &(v, e) in &self.adjacency[u] {
                    let want = match self.edges[e].sign {
                        1 => side[u],
                        _ => side[u].map(|s| !s),
                    };
                    match side[v] {
                        None => {
                            side[v] = want;
                            parent[v] = Some((u, e));
                            depth[v] = depth[u] + 1;
                            queue.push_back(v);
                        }
                        Some(s) if Some(s) != want => {
                            return self.unbalanced_cycle(u, v, e, &parent, &depth);
                        }
                        _ => {}
                    }
                }
            }
        }
        let (first, second) = (0..n).partition(|&i| side[i] == Some(true));
        Balance::Balanced { first, second }
    }

    /// The cycle closed by edge `e` between `u` and `v` in the BFS tree.
    fn unbalanced_cycle(
        &self,
        mut u: usize,
        mut v: usize,
        e: usize,
        parent: &[Option<(usize, usize)>],
        depth: &[usize],
    ) -> Balance {
        let (start_u, start_v) = (u, v);
        let (mut up_u, mut up_v) = (Vec::new(), Vec::new());
        while depth[u] > depth[v] {
            let Some((p, pe)) = parent[u] else { break };
            up_u.push(pe);
            u = p;
        }
        while depth[v] > depth[u] {
            let Some((p, pe)) = parent[v] else { break };
            up_v.push(pe);
            v = p;
        }
        while u != v {
            let (Some((pu, eu)), Some((pv, ev))) = (parent[u], parent[v]) else {
                break;
            };
            up_u.push(eu);
            up_v.push(ev);
            u = pu;
            v = pv;
        }
        // Cycle: start_u → … → ancestor → … → start_v → (e) → start_u.
        let mut nodes = vec![start_u];
        let mut edges = Vec::new();
        let mut at = start_u;
        for &edge in &up_u {
            edges.push(edge);
            let other = if self.edges[edge].a == at {
                self.edges[edge].b
            } else {
                self.edges[edge].a
            };
            nodes.push(other);
            at = other;
        }
        let mut down: Vec<usize> = Vec::new();
        let mut at_v = start_v;
        let mut path_v = vec![start_v];
        for &edge in &up_v {
            let other = if self.edges[edge].a == at_v {
                self.edges[edge].b
            } else {
                self.edges[edge].a
            };
            path_v.push(other);
            down.push(edge);
            at_v = other;
        }
        // Walk back down from the ancestor to start_v.
        for (i, &edge) in down.iter().enumerate().rev() {
            edges.push(edge);
            nodes.push(path_v[i]);
        }
        edges.push(e);
        Balance::Unbalanced {
            cycle: nodes,
            edges,
        }
    }

    /// The weak balance test (Davis): camps, any number of them, with
    /// positive edges inside and negative edges between; or a witness.
    ///
    /// # Complexity
    ///
    /// O(n + m).
    pub fn weak_balance(&self) -> WeakBalance {
        let n = self.nodes.len();
        // Positive components by breadth-first search, remembering the tree.
        let mut component = vec![usize::MAX; n];
        let mut parent: Vec<Option<(usize, usize)>> = vec![None; n];
        let mut camps: Vec<Vec<usize>> = Vec::new();
        for root in 0..n {
            if component[root] != usize::MAX {
                continue;
            }
            let c = camps.len();
            component[root] = c;
            let mut members = vec![root];
            let mut queue = VecDeque::from([root]);
            while let Some(u) = queue.pop_front() {
                for &(v, e) in &self.adjacency[u] {
                    if self.edges[e].sign > 0 && component[v] == usize::MAX {
                        component[v] = c;
                        parent[v] = Some((u, e));
                        members.push(v);
                        queue.push_back(v);
                    }
                }
            }
            members.sort_unstable();
            camps.push(members);
        }
        let inside = self
            .edges
            .iter()
            .enumerate()
            .find(|(_, e)| e.sign < 0 && component[e.a] == component[e.b]);
        let Some((negative, edge)) = inside else {
            return WeakBalance::Balanced { camps };
        };
        // The tree path between the ends: up from each to their common ancestor.
        let ancestors = |mut v: usize| {
            let mut chain = vec![(v, None)];
            while let Some((p, e)) = parent[v] {
                chain.push((p, Some(e)));
                v = p;
            }
            chain
        };
        let (from_a, from_b) = (ancestors(edge.a), ancestors(edge.b));
        let on_b: HashMap<usize, usize> = from_b
            .iter()
            .enumerate()
            .map(|(i, &(v, _))| (v, i))
            .collect();
        let meet = from_a
            .iter()
            .position(|(v, _)| on_b.contains_key(v))
            .unwrap_or(from_a.len() - 1);
        let meet_b = on_b.get(&from_a[meet].0).copied().unwrap_or(0);
        let mut path: Vec<usize> = from_a[..=meet].iter().map(|&(v, _)| v).collect();
        let mut edges: Vec<usize> = from_a[1..=meet].iter().filter_map(|&(_, e)| e).collect();
        for i in (0..meet_b).rev() {
            path.push(from_b[i].0);
            if let Some(e) = from_b[i + 1].1 {
                edges.push(e);
            }
        }
        WeakBalance::Unbalanced {
            negative,
            path,
            edges,
        }
    }

    /// Walk balance (Estrada): Σ exp(λᵢ(A)) / Σ exp(λᵢ(|A|)) over the
    /// eigenvalues of the signed adjacency matrix A (entries ±1) and of its
    /// absolute value: 1 for a balanced graph, smaller the more closed walks
    /// are unbalanced. 1 for a graph without nodes.
    ///
    /// # Complexity
    ///
    /// O(n³) time and O(n²) memory (two dense symmetric eigenproblems, with
    /// nalgebra): meant for graphs of up to a few thousand nodes.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::SignedGraph;
    ///
    /// let g = &SignedGraph::read_edges("source,target,sign\nA,B,1\nB,C,-1\nA,C,-1\n", "t.csv")?[0];
    /// assert!((g.walk_balance() - 1.0).abs() < 1e-12);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn walk_balance(&self) -> f64 {
        let n = self.nodes.len();
        if n == 0 {
            return 1.0;
        }
        let mut signed = nalgebra::DMatrix::<f64>::zeros(n, n);
        for e in &self.edges {
            let s = f64::from(e.sign);
            signed[(e.a, e.b)] = s;
            signed[(e.b, e.a)] = s;
        }
        let absolute = signed.abs();
        // exp(λ) can overflow for dense graphs: scale both sums by exp(−λmax(|A|)),
        // which is the largest eigenvalue of either matrix (Perron–Frobenius).
        let lambda_signed = signed.symmetric_eigenvalues();
        let lambda_absolute = absolute.symmetric_eigenvalues();
        let top = lambda_absolute
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let sum =
            |values: &nalgebra::DVector<f64>| values.iter().map(|l| (l - top).exp()).sum::<f64>();
        sum(&lambda_signed) / sum(&lambda_absolute)
    }

    /// Every triangle by its signs, and the unbalanced ones.
    ///
    /// # Complexity
    ///
    /// O(m^1.5): each edge is oriented from lower to higher (degree, index)
    /// and triangles are found by intersecting out-neighbour lists.
    pub fn triangles(&self) -> TriangleCensus {
        let n = self.nodes.len();
        let rank = |v: usize| (self.adjacency[v].len(), v);
        let mut out: Vec<Vec<(usize, i8)>> = vec![Vec::new(); n];
        for e in &self.edges {
            let (lo, hi) = if rank(e.a) < rank(e.b) {
                (e.a, e.b)
            } else {
                (e.b, e.a)
            };
            out[lo].push((hi, e.sign));
        }
        for list in &mut out {
            list.sort_unstable();
        }
        let mut census = TriangleCensus::default();
        for u in 0..n {
            for &(v, s_uv) in &out[u] {
                // Common out-neighbours of u and v.
                let (a, b) = (&out[u], &out[v]);
                let (mut i, mut j) = (0, 0);
                while i < a.len() && j < b.len() {
                    if a[i].0 < b[j].0 {
                        i += 1;
                    } else if b[j].0 < a[i].0 {
                        j += 1;
                    } else {
                        let w = a[i].0;
                        let negatives = [s_uv, a[i].1, b[j].1].iter().filter(|&&s| s < 0).count();
                        match negatives {
                            0 => census.ppp += 1,
                            1 => census.ppn += 1,
                            2 => census.pnn += 1,
                            _ => census.nnn += 1,
                        }
                        if negatives % 2 == 1 {
                            let mut t = [u, v, w];
                            t.sort_unstable();
                            census.unbalanced.push(t);
                        }
                        i += 1;
                        j += 1;
                    }
                }
            }
        }
        census.unbalanced.sort_unstable();
        census
    }
}
