//! Signed graphs: the type, its construction and accessors, and the entry
//! points of every structural balance analysis on it. The algorithms live
//! by concept next door: reading edge lists in `edge_list`, the
//! converters from a stance graph in `from_stance_graph`, the balance measures
//! (strict, weak, walk balance, triangles) in `measures`, the frustration
//! index in `frustration` and the Doreian–Mrvar blockmodel in `blockmodel`;
//! the methods here delegate to them.

use std::collections::HashMap;

use crate::balance::{
    Balance, BlockPattern, Blockmodel, BlockmodelOptions, Centrality, Frustration,
    FrustrationOptions, PatternFit, Significance, SignificanceOptions, TieSigns, TriangleCensus,
    WeakBalance, blockmodel, centrality, from_stance_graph, frustration, measures, pattern,
    significance,
};
use crate::error::ProblemKind;
use crate::{ActorId, Error, IssueId, PositionId, RelationId, Result, StanceGraph};

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

/// An undirected signed graph: labelled nodes and weighted ±1 edges, at most
/// one per pair **and sign**.
///
/// Build one from an edge list ([`SignedGraph::read_edges`]), from index
/// triples ([`SignedGraph::from_edges`], [`SignedGraph::from_weighted_edges`])
/// or from a scenario's actor network ([`SignedGraph::from_actor_ties`]).
///
/// It is a multigraph in the way real data are: ties given again with the same
/// sign add their weights into one edge; a pair tied with both signs keeps
/// both edges, an *ambivalent* pair ([`SignedGraph::ambivalent_pairs`]) —
/// two states allied and in a dispute the same year — whose lighter side is
/// out of place whatever the camps. The frustration index and the blockmodels
/// count the total weight of ties out of place;
/// [`SignedGraph::distinct_pairs`] counts each distinct signed pair once
/// instead (signnet's convention).
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
    pub agreement_count: u32,
    /// Actor–actor edges of the actor network: issues in conflict
    /// ([`StanceGraph::conflict_between`] has the positions).
    pub conflict_count: u32,
    /// One is a member of the other (+1).
    pub membership: bool,
    /// One speaks for the other (+1).
    pub speaks_for: bool,
}

impl SignedGraph {
    /// Reads an edge list CSV: columns `source`, `target` and `sign` (+1/−1,
    /// or any number, whose sign counts), optional `weight` (a positive
    /// number, or a negative one on a negative tie, whose magnitude counts;
    /// 1 when the column or the cell is empty), and optional
    /// `period`, which splits the rows into one graph per period (in order
    /// of first appearance). Every row is a tie. Ties are undirected: rows
    /// repeating a pair with the same sign (as `A,B` and `B,A`, say) are one
    /// edge whose weight is their sum; a pair given with both signs keeps one
    /// edge of each (an [ambivalent pair](SignedGraph::ambivalent_pairs)).
    /// Edges are numbered in the order of their first row.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for a missing column and every bad row (line,
    /// column): an unreadable or zero sign, a weight that is not a positive
    /// finite number, an empty node name, a self-loop, or a row whose weight
    /// takes the period's total past the largest `f64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::{FrustrationOptions, SignedGraph};
    ///
    /// // Allied twice, and in one dispute, the same year; B and C at odds.
    /// let text = "source,target,sign,weight\nA,B,1,1\nB,A,1,1\nA,B,-1,1\nB,C,-1,0.5\n";
    /// let g = &SignedGraph::read_edges(text, "ties.csv")?[0];
    /// assert_eq!(g.edges().len(), 3);
    /// assert_eq!(g.edges()[0].weight, 2.0);
    /// assert_eq!(g.ambivalent_pairs(), [(0, 1)]);
    /// // Whatever the camps, the lighter side of A–B (the dispute) is out of place.
    /// let f = g.frustration(&FrustrationOptions::new());
    /// assert_eq!((f.value, f.exact), (1.0, true));
    /// assert_eq!(f.frustrated_edges, [1]);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn read_edges(text: &str, origin: &str) -> Result<Vec<SignedGraph>> {
        crate::balance::edge_list::read_edges(text, origin)
    }

    /// Writes `graphs` as one edge list that [`read_edges`](Self::read_edges)
    /// (and `stancegraph balance --edges`, `report --edges`) reads:
    /// `source,target,sign,weight`, then `period` when a graph has one; a row
    /// per edge (an ambivalent pair has two), graph after graph. Reading it
    /// gives the same periods, ties, signs and weights (weights in the
    /// shortest text that reads back to the same number); nodes without a tie
    /// are not in an edge list, and names are read back trimmed.
    ///
    /// ```
    /// use stancegraph::balance::SignedGraph;
    /// let text = "source,target,sign,weight,period\nA,B,1,2.5,1990\nA,B,-1,1,1990\nB,C,-1,1,1991\n";
    /// let graphs = SignedGraph::read_edges(text, "ties.csv")?;
    /// let mut written = Vec::new();
    /// SignedGraph::write_edges(&graphs, &mut written)?;
    /// assert_eq!(String::from_utf8(written).unwrap(), text);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// When `out` cannot be written, or — [`std::io::ErrorKind::InvalidInput`],
    /// before anything is written, naming the graph and why — when the
    /// graphs would not read back as themselves: several graphs without a
    /// period each, or two with the same period; a period or a tied node's
    /// name with spaces around it (reading trims them); an empty name; two
    /// tied nodes of one name.
    pub fn write_edges(graphs: &[SignedGraph], out: impl std::io::Write) -> std::io::Result<()> {
        crate::balance::edge_list::write_edges(graphs, out)
    }

    /// A graph read from an edge list, in period `period`: no origins or
    /// evidence; the adjacency is built here.
    pub(crate) fn from_edge_list(
        period: Option<String>,
        nodes: Vec<String>,
        edges: Vec<SignedEdge>,
    ) -> SignedGraph {
        let mut g = SignedGraph {
            period,
            nodes,
            edges,
            ..SignedGraph::default()
        };
        g.index();
        g
    }

    /// A signed graph from node labels and `(a, b, sign)` triples of node
    /// indices (sign +1 or −1), each a tie of weight 1: see
    /// [`SignedGraph::from_weighted_edges`].
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] naming every bad triple (row i + 1): an index out
    /// of range, a sign other than ±1 or a self-loop.
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
        let weighted: Vec<(usize, usize, i8, f64)> =
            edges.iter().map(|&(a, b, s)| (a, b, s, 1.0)).collect();
        SignedGraph::from_weighted_edges(nodes, &weighted)
    }

    /// A signed graph from node labels and `(a, b, sign, weight)` ties of
    /// node indices: sign +1 or −1, weight a positive finite number. Ties
    /// repeating a pair with the same sign add up into one edge; a pair tied
    /// with both signs keeps an edge of each (an
    /// [ambivalent pair](SignedGraph::ambivalent_pairs)). Edges are numbered
    /// in the order of their first tie.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] naming every bad tie (row i + 1): an index out of
    /// range, a sign other than ±1, a weight that is not a positive finite
    /// number, a self-loop, or weights whose total passes the largest `f64`.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::{FrustrationOptions, SignedGraph};
    ///
    /// let nodes = vec!["A".to_owned(), "B".to_owned(), "C".to_owned()];
    /// let ties = [(0, 1, 1, 3.0), (1, 2, 1, 1.0), (0, 2, -1, 2.5), (0, 1, -1, 0.5)];
    /// let g = SignedGraph::from_weighted_edges(nodes, &ties)?;
    /// assert_eq!(g.ambivalent_pairs(), [(0, 3)]);
    /// let f = g.frustration(&FrustrationOptions::new());
    /// // The ambivalent pair's lighter side (0.5), and B–C (1) to close the triangle.
    /// assert_eq!(f.value, 1.5);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_weighted_edges(
        nodes: Vec<String>,
        edges: &[(usize, usize, i8, f64)],
    ) -> Result<SignedGraph> {
        let n = nodes.len();
        let mut problems = Vec::new();
        let mut seen: HashMap<(usize, usize, i8), usize> = HashMap::with_capacity(edges.len());
        let mut kept: Vec<SignedEdge> = Vec::with_capacity(edges.len());
        let mut total = 0.0f64;
        for (i, &(a, b, sign, weight)) in edges.iter().enumerate() {
            let reason = if a >= n || b >= n {
                Some("a node index out of range")
            } else if sign != 1 && sign != -1 {
                Some("the sign is not +1 or -1")
            } else if !(weight.is_finite() && weight > 0.0) {
                Some("the weight is not a positive finite number")
            } else if a == b {
                Some("a node tied to itself")
            } else if !(total + weight).is_finite() {
                Some("the weights add up past the largest number")
            } else {
                total += weight;
                None
            };
            if let Some(reason) = reason {
                problems.push(crate::io::table_problem::row_problem(
                    i + 1,
                    None,
                    None,
                    ProblemKind::Invalid { reason },
                ));
                continue;
            }
            match seen.entry((a.min(b), a.max(b), sign)) {
                std::collections::hash_map::Entry::Occupied(e) => kept[*e.get()].weight += weight,
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(kept.len());
                    kept.push(SignedEdge { a, b, sign, weight });
                }
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
        from_stance_graph::actor_ties(graph, TieSigns::Net)
    }

    /// The signed actor network, each pair signed as `signs` says: the net
    /// (as [`SignedGraph::from_actor_ties`]), or with [`TieSigns::Both`] a
    /// positive tie weighing the issues agreed on plus the links and a
    /// negative tie weighing the issues in conflict — a pair that agrees on
    /// some issues and conflicts on others is an ambivalent pair.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, StanceGraph, balance::{SignedGraph, TieSigns}};
    ///
    /// // a and b agree on x and y and are at odds over z.
    /// let scenario = Scenario::from_yaml_str(r#"
    /// actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
    /// issues: [{id: x, name: X}, {id: y, name: Y}, {id: z, name: Z}]
    /// positions:
    ///   - {actor: a, issue: x, stance: support}
    ///   - {actor: b, issue: x, stance: support}
    ///   - {actor: a, issue: y, stance: oppose}
    ///   - {actor: b, issue: y, stance: oppose}
    ///   - {actor: a, issue: z, stance: support}
    ///   - {actor: b, issue: z, stance: oppose}
    /// "#)?;
    /// let graph = StanceGraph::new(&scenario);
    /// let net = SignedGraph::from_actor_ties(&graph);
    /// assert_eq!((net.edges().len(), net.edges()[0].sign, net.edges()[0].weight), (1, 1, 1.0));
    /// let both = SignedGraph::from_actor_ties_with(&graph, TieSigns::Both);
    /// assert_eq!(both.ambivalent_pairs(), [(0, 1)]);
    /// assert_eq!((both.edges()[0].weight, both.edges()[1].weight), (2.0, 1.0));
    /// let evidence = both.evidence(1).unwrap();
    /// assert_eq!((evidence.agreement_count, evidence.conflict_count), (2, 1));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_actor_ties_with(graph: &StanceGraph<'_>, signs: TieSigns) -> SignedGraph {
        from_stance_graph::actor_ties(graph, signs)
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
    /// use stancegraph::{Scenario, StanceGraph, stance::{Attribution, GraphOptions}, balance::SignedGraph};
    ///
    /// let scenario = Scenario::load("examples/data/istanbul-talks.yaml")?;
    /// let options = GraphOptions::default().with_attribution(Attribution::Principal);
    /// let graph = StanceGraph::with_options(&scenario, options);
    /// let signed = SignedGraph::from_actors_and_issues(&graph);
    /// assert!(!signed.balance().is_balanced());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_actors_and_issues(graph: &StanceGraph<'_>) -> SignedGraph {
        from_stance_graph::actors_and_issues(graph, TieSigns::Net)
    }

    /// The signed graph of actors and issues, each pair signed as `signs`
    /// says: the net (as [`SignedGraph::from_actors_and_issues`]), or with
    /// [`TieSigns::Both`] a positive tie weighing the supporting positions
    /// (the `implies`/`equivalent` relations, the links) and a negative tie
    /// weighing the opposing ones (`excludes`/`incompatible`): an actor who
    /// supported an issue and later opposed it is an ambivalent pair.
    pub fn from_actors_and_issues_with(graph: &StanceGraph<'_>, signs: TieSigns) -> SignedGraph {
        from_stance_graph::actors_and_issues(graph, signs)
    }

    /// A graph built from a scenario: per pair of nodes, the evidence for
    /// and against it and what it is; signed by `signs`. Edges in pair
    /// order, the positive before the negative.
    pub(crate) fn from_tally(
        nodes: Vec<String>,
        origins: Vec<NodeOrigin>,
        tally: from_stance_graph::Tally,
        signs: TieSigns,
    ) -> SignedGraph {
        let mut pairs: Vec<_> = tally.into_iter().collect();
        pairs.sort_unstable_by_key(|(k, _)| *k);
        let mut g = SignedGraph {
            period: None,
            nodes,
            origins,
            edges: Vec::with_capacity(pairs.len()),
            evidence: Vec::with_capacity(pairs.len()),
            adjacency: Vec::new(),
        };
        for ((a, b), (plus, minus, mut evidence)) in pairs {
            evidence.positions.sort_unstable();
            evidence.relations.sort_unstable();
            let ties: Vec<(i8, u64)> = match signs {
                TieSigns::Net if plus > minus => vec![(1, plus - minus)],
                TieSigns::Net if minus > plus => vec![(-1, minus - plus)],
                TieSigns::Net => Vec::new(),
                TieSigns::Both => [(1, plus), (-1, minus)]
                    .into_iter()
                    .filter(|&(_, w)| w > 0)
                    .collect(),
            };
            for (sign, weight) in ties {
                g.edges.push(SignedEdge {
                    a,
                    b,
                    sign,
                    weight: weight as f64,
                });
                g.evidence.push(evidence.clone());
            }
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

    /// Where the graph of `period` is among `graphs` (an edge list's periods,
    /// or [`EventNetworks::graphs`](crate::events::EventNetworks::graphs)),
    /// or else [`ProblemKind::UnknownPeriod`](crate::ProblemKind::UnknownPeriod)
    /// with the periods there are: the one text that the library, the
    /// command line and Python all give, ``no period `P` (its periods: A, B,
    /// … and N more)``, the first ten listed (or `it has no periods`).
    ///
    /// ```
    /// use stancegraph::balance::SignedGraph;
    /// let text = "source,target,sign,period\nA,B,1,2018\nA,B,-1,2019\n";
    /// let graphs = SignedGraph::read_edges(text, "ties.csv")?;
    /// assert_eq!(SignedGraph::find_period(&graphs, "2019"), Ok(1));
    /// assert_eq!(
    ///     SignedGraph::find_period(&graphs, "2020").unwrap_err().to_string(),
    ///     "no period `2020` (its periods: 2018, 2019)"
    /// );
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn find_period(
        graphs: &[SignedGraph],
        period: &str,
    ) -> std::result::Result<usize, crate::ProblemKind> {
        graphs
            .iter()
            .position(|g| g.period() == Some(period))
            .ok_or_else(|| crate::ProblemKind::UnknownPeriod {
                period: period.to_owned(),
                periods: graphs
                    .iter()
                    .filter_map(|g| g.period().map(str::to_owned))
                    .collect(),
            })
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

    /// The ambivalent pairs: pairs of nodes tied with both signs, as
    /// `(positive edge, negative edge)` indices, in the order of the pairs'
    /// first edge. Whatever the camps, one side of each is out of place: the
    /// frustration index counts at least the lighter side of every one.
    pub fn ambivalent_pairs(&self) -> Vec<(usize, usize)> {
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        for (u, list) in self.adjacency.iter().enumerate() {
            // Sorted by neighbour: the two edges of a pair are next to each other.
            for w in list.windows(2) {
                let ((x, e), (y, f)) = (w[0], w[1]);
                if x == y && u < x {
                    pairs.push(if self.edges[e].sign > 0 {
                        (e, f)
                    } else {
                        (f, e)
                    });
                }
            }
        }
        pairs.sort_unstable_by_key(|&(p, n)| p.min(n));
        pairs
    }

    /// Whether any pair is tied with both signs.
    pub fn has_ambivalent_pairs(&self) -> bool {
        self.adjacency
            .iter()
            .any(|list| list.windows(2).any(|w| w[0].0 == w[1].0))
    }

    /// Whether any edge weighs other than 1.
    pub fn is_weighted(&self) -> bool {
        self.edges.iter().any(|e| e.weight != 1.0)
    }

    /// The total weight of the edges.
    pub fn total_weight(&self) -> f64 {
        // Summed in exact units when the weights have few decimals, so that
        // 0.1 + 0.2 totals 0.3 (see `balance::weights`).
        crate::balance::weights::Units::of(&self.edges).weight_of(0..self.edges.len())
    }

    /// The same graph with every edge of weight 1: each distinct signed pair
    /// counts once (signnet's convention), however many rows gave it and
    /// whatever their weights; an ambivalent pair still has two edges.
    /// Nodes, edges, their order and evidence are kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::{FrustrationOptions, SignedGraph};
    ///
    /// let text = "source,target,sign\nA,B,1\nA,B,1\nA,B,-1\n";
    /// let g = &SignedGraph::read_edges(text, "t.csv")?[0];
    /// assert_eq!(g.frustration(&FrustrationOptions::new()).value, 1.0);
    /// let distinct = g.distinct_pairs();
    /// assert_eq!(distinct.edges()[0].weight, 1.0);
    /// assert_eq!(distinct.frustration(&FrustrationOptions::new()).value, 1.0);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn distinct_pairs(&self) -> SignedGraph {
        let mut g = self.clone();
        for e in &mut g.edges {
            e.weight = 1.0;
        }
        g
    }

    /// A generalised blockmodel: the labelling of the nodes into the
    /// `pattern`'s blocks that leaves the least total weight of ties out of
    /// place, each pair of blocks expecting positive ties, negative ties or
    /// either — e.g. mediators, a block friendly to two hostile camps. The
    /// criterion is `alpha · N + (1 − alpha) · P`, with N the total weight of
    /// the negative ties in blocks expected positive and P that of the
    /// positive ties in blocks expected negative; every edge counts on its
    /// own, so of an [ambivalent pair](SignedGraph::ambivalent_pairs) one side
    /// is out of place unless its blocks expect either sign. `options` gives
    /// `alpha`, `restarts`, `seed` and `exact_limit` (its `k` is the
    /// pattern's). See [`PatternFit`] and the module `pattern` for the
    /// search; [`SignedGraph::distinct_pairs`] counts ties instead.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOptions`] for an `alpha` outside 0 to 1.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::{BlockPattern, BlockmodelOptions, SignedGraph};
    ///
    /// // Two hostile camps {a, b} and {c, d}, and m friendly to all.
    /// let g = &SignedGraph::read_edges(
    ///     "source,target,sign\na,b,1\nc,d,1\na,c,-1\nb,d,-1\nm,a,1\nm,b,1\nm,c,1\nm,d,1\n",
    ///     "mediator.csv",
    /// )?[0];
    /// let mediators: BlockPattern = "+-+;-++;+++".parse()?;
    /// let fit = g.fit_pattern(&mediators, &BlockmodelOptions::new(3))?;
    /// assert_eq!(fit.criterion(), 0.0);
    /// assert!(fit.exact);
    /// let m = g.nodes().iter().position(|n| n == "m").unwrap();
    /// assert_eq!(fit.blocks[2], vec![m]);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn fit_pattern(
        &self,
        pattern: &BlockPattern,
        options: &BlockmodelOptions,
    ) -> Result<PatternFit> {
        pattern::fit_pattern(self, pattern, options)
    }

    /// Is the graph more balanced than chance? Triangle balance and the
    /// frustration index (by the heuristic) against the same graph with its
    /// signs shuffled over its ties, seeded, with p-values: see
    /// [`Significance`].
    ///
    /// # Complexity
    ///
    /// The triangles once, then O(T) per shuffle; O(m · rounds) per
    /// frustration shuffle. Shuffles run on every core; the result depends
    /// only on the options.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::{SignedGraph, SignificanceOptions};
    ///
    /// // Two camps of four, friends inside, enemies across: perfectly balanced.
    /// let mut rows = String::from("source,target,sign\n");
    /// for a in 0..8 {
    ///     for b in a + 1..8 {
    ///         let sign = if (a < 4) == (b < 4) { 1 } else { -1 };
    ///         rows.push_str(&format!("n{a},n{b},{sign}\n"));
    ///     }
    /// }
    /// let g = &SignedGraph::read_edges(&rows, "camps.csv")?[0];
    /// let s = g.significance(&SignificanceOptions::new().with_samples(200).with_frustration_samples(20));
    /// let triangles = s.triangles.unwrap();
    /// assert_eq!(triangles.observed, 1.0);
    /// assert!(triangles.p_value < 0.05);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn significance(&self, options: &SignificanceOptions) -> Significance {
        significance::significance(self, options)
    }

    /// Replaces the signs of the edges, in edge order (the significance
    /// test's shuffles).
    pub(crate) fn set_signs(&mut self, signs: &[i8]) {
        for (e, &s) in self.edges.iter_mut().zip(signs) {
            e.sign = s;
        }
    }

    /// Signed centralities of every node: the positive and negative
    /// (weighted) degree, Everett and Borgatti's PN index and the signed
    /// eigenvector centrality (signnet's `degree_signed`, `pn_index`,
    /// `eigen_centrality_signed`). What is not defined — the PN index for
    /// weights that make its matrix singular, the eigenvector when no
    /// eigenvalue dominates in absolute value — is `None`, with the reason.
    ///
    /// # Complexity
    ///
    /// Degrees O(m); the PN index by conjugate gradients, O(m) per
    /// iteration; the eigenvector by dense eigen-decomposition, O(n³), up to
    /// [`DENSE_MAX_NODES`](crate::balance::DENSE_MAX_NODES) nodes, then by
    /// power iteration, O(m) per step.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::balance::SignedGraph;
    ///
    /// // A star: the centre is tied positively to a and b, negatively to c.
    /// let g = &SignedGraph::read_edges("source,target,sign\nhub,a,1\nhub,b,1\nhub,c,-1\n", "t.csv")?[0];
    /// let c = g.centrality();
    /// assert_eq!((c.positive_degree[0], c.negative_degree[0]), (2.0, 1.0));
    /// let pn = c.pn_index.as_ref().unwrap();
    /// assert!(pn[1] > pn[3]); // a friend of the hub beats its enemy
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn centrality(&self) -> Centrality {
        centrality::centrality(self)
    }

    /// The strict balance test: two camps, or an unbalanced cycle.
    ///
    /// # Complexity
    ///
    /// O(n + m): a breadth-first search putting the ends of positive edges in
    /// the same camp and of negative edges in opposite camps.
    pub fn balance(&self) -> Balance {
        measures::balance(self)
    }

    /// The weak balance test (Davis): camps, any number of them, with
    /// positive edges inside and negative edges between; or a witness.
    ///
    /// # Complexity
    ///
    /// O(n + m).
    pub fn weak_balance(&self) -> WeakBalance {
        measures::weak_balance(self)
    }

    /// Walk balance (Estrada): Σ exp(λᵢ(A)) / Σ exp(λᵢ(|A|)) over the
    /// eigenvalues of the signed adjacency matrix A (entries ±1, weights
    /// left out; an ambivalent pair is 0 in A and 2 in |A|) and of its
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
        measures::walk_balance(self)
    }

    /// Every triangle by its signs, and the unbalanced ones.
    ///
    /// # Complexity
    ///
    /// O(m^1.5): each edge is oriented from lower to higher (degree, index)
    /// and triangles are found by intersecting out-neighbour lists.
    pub fn triangles(&self) -> TriangleCensus {
        measures::triangles(self)
    }

    /// The frustration index: the least total weight of edges whose
    /// removal leaves the graph balanced (the fewest edges, when every
    /// weight is 1), the camps that achieve it, and the frustrated edges,
    /// with a proven lower bound (equal to the value when exact).
    ///
    /// Weights count to [`WEIGHT_DECIMALS`](crate::balance::WEIGHT_DECIMALS)
    /// decimal places; an ambivalent pair counts at least its lighter side.
    /// For signnet's count of distinct signed pairs, call it on
    /// [`SignedGraph::distinct_pairs`].
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{balance::{FrustrationOptions, SignedGraph}};
    ///
    /// // A triangle with one negative edge: one edge must go.
    /// let text = "source,target,sign\nA,B,1\nB,C,1\nA,C,-1\nC,D,-1\n";
    /// let g = &SignedGraph::read_edges(text, "t.csv")?[0];
    /// let f = g.frustration(&FrustrationOptions::new());
    /// assert_eq!((f.value, f.lower_bound), (1.0, 1.0));
    /// assert!(f.exact);
    /// assert_eq!(f.frustrated_edges.len(), 1);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    ///
    /// # Complexity
    ///
    /// Decomposition is linear; the reduction handles a node once per pass
    /// of its queue (near-linear in practice, O(d log d) per visit of a node
    /// of degree d). The local search is O((n + m)·rounds) for its restarts
    /// plus the moves of at least n local rounds. The packing bound costs a
    /// breadth-first search, O(m), per frustrated edge in exact mode and
    /// O(d²) per frustrated edge (cycles of at most five edges) in heuristic
    /// mode. The exact search is exponential in the worst case (the problem
    /// is NP-hard); use [`FrustrationOptions::with_time_limit`] to bound it.
    /// A time limit makes the result depend on the machine's speed (it is
    /// then reported in [`Frustration::limit_reached`]).
    pub fn frustration(&self, options: &FrustrationOptions) -> Frustration {
        frustration::frustration(self, options)
    }

    /// The Doreian–Mrvar blockmodel: the partition of the nodes into `k`
    /// camps that minimises `alpha · N + (1 − alpha) · P`, where N is the
    /// total weight of the negative ties inside a camp and P that of the
    /// positive ties between camps (Doreian & Mrvar 1996, *Social Networks*
    /// 18:149–168); on a graph whose ties all weigh 1 they are the numbers of
    /// such ties.
    ///
    /// Every edge counts on its own, with its weight (exact to
    /// [`WEIGHT_DECIMALS`](crate::balance::WEIGHT_DECIMALS) decimal places):
    /// of an [ambivalent pair](SignedGraph::ambivalent_pairs) one side is out
    /// of place whatever the camps. [`SignedGraph::distinct_pairs`] counts
    /// each distinct signed pair once instead. Every camp has a member: with
    /// at least `k` nodes there are exactly `k` camps, with fewer there is one
    /// camp per node. Ties between equally good partitions are broken as
    /// [`Blockmodel`] says.
    ///
    /// The search is Doreian and Mrvar's relocation method: from each of
    /// [`restarts`](BlockmodelOptions::restarts) random partitions (seeded
    /// by [`seed`](BlockmodelOptions::seed)), move single nodes to another
    /// camp and swap nodes between camps while that lowers the criterion;
    /// the best local optimum wins. Two more steps take it out of the local
    /// optima that keeping every camp non-empty creates (a small camp with
    /// the wrong members, which no single move or swap can empty):
    /// dissolving a camp and founding it anew with the node that fits it
    /// best, and a Fiduccia–Mattheyses pass (every node moves once, the
    /// cheapest move first, even uphill; the best partition on the way is
    /// kept). When the graph is small enough (see
    /// [`exact_limit`](BlockmodelOptions::exact_limit)) a
    /// branch-and-bound search over all partitions follows, and the result
    /// is [proven optimal](Blockmodel::exact).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOptions`] naming each option out of range: `k` of 0, an
    /// `alpha` outside 0 to 1 (or not a number), `restarts` of 0.
    ///
    /// # Complexity
    ///
    /// O(n·k + m) memory. Each node keeps the total weight of its positive
    /// and negative ties into every camp (O(m + n·k) to build per start), so
    /// a move or swap is weighed in O(1) and made in O(degree): one round of
    /// moves is O(n·k + m); of swaps O(m + k·n), since only swaps across a
    /// tie or out of a one-node camp can beat the best moves; of
    /// dissolutions O(n·k + m); a Fiduccia–Mattheyses pass
    /// O((n + m)·(k + log n)). The number of rounds depends on the graph;
    /// each lowers the criterion. The exhaustive search visits at most
    /// `exact_limit` partitions, usually far fewer thanks to the bound.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{balance::{BlockmodelOptions, SignedGraph}};
    ///
    /// let csv = "source,target,sign\nA,B,1\nC,D,1\nA,C,-1\nB,D,-1\nB,C,1\n";
    /// let g = &SignedGraph::read_edges(csv, "t.csv")?[0];
    /// let model = g.blockmodel(&BlockmodelOptions::new(2))?;
    /// let names = |camp: &[usize]| camp.iter().map(|&v| g.nodes()[v].as_str()).collect::<Vec<_>>();
    /// assert_eq!(names(&model.camps[0]), ["A", "B"]);
    /// assert_eq!(names(&model.camps[1]), ["C", "D"]);
    /// // B and C are allies across the divide: the one misplaced tie.
    /// assert_eq!(model.misplaced, [4]);
    /// assert_eq!((model.negative_inside, model.positive_between), (0.0, 1.0));
    /// assert_eq!(model.criterion(), 0.5);
    /// assert!(model.exact);
    ///
    /// // Weighted, with an ambivalent pair: B and C strongly allied (3) and
    /// // at odds once (0.5); the hostility across weighs 2.
    /// let csv = "source,target,sign,weight\nA,B,1,1\nC,D,1,1\nA,C,-1,2\nB,D,-1,2\nB,C,1,3\nB,C,-1,0.5\n";
    /// let g = &SignedGraph::read_edges(csv, "t.csv")?[0];
    /// let model = g.blockmodel(&BlockmodelOptions::new(2))?;
    /// // B joins C: A–B and C–D fall between camps, B–C's dispute inside.
    /// assert_eq!(names(&model.camps[0]), ["A", "D"]);
    /// assert_eq!((model.negative_inside, model.positive_between), (0.5, 2.0));
    /// assert_eq!(model.criterion(), 1.25);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn blockmodel(&self, options: &BlockmodelOptions) -> Result<Blockmodel> {
        blockmodel::blockmodel(self, options)
    }
}
