//! The frustration index: the fewest edges whose removal (or sign change)
//! leaves a signed graph balanced, with the camps that achieve it and a
//! proven lower bound.
//!
//! The solver works in three stages.
//!
//! 1. **Decomposition.** Every cycle lies inside one biconnected component
//!    (block), so the index is the sum over blocks and each block can be
//!    solved alone; bridges are never frustrated. Inside a block, degree-one
//!    and degree-two nodes are folded into their neighbours (a path of
//!    edges needs at most one frustrated edge: it acts as one edge), parallel
//!    edges merge (same sign: weights add; opposite signs: the lighter one is
//!    frustrated whatever the camps), and an edge at least as heavy as all
//!    the other edges of one of its ends together is contracted (it never
//!    needs to be frustrated). What is left is a small weighted graph.
//! 2. **Bounds.** An upper bound from local search (start from a spanning
//!    tree's camps, move single nodes while that helps, perturb and repeat);
//!    a lower bound from a packing of unbalanced cycles: with the best camps
//!    found, each frustrated edge is closed into a cycle by a shortest path of
//!    unfrustrated edges, and cycles sharing no edge (by capacity, for merged
//!    edges) each need a frustrated edge of their own.
//! 3. **Branch and bound** over the nodes' camps (exact mode), when the
//!    bounds differ: nodes in maximum-adjacency order, the bound being the
//!    cost of the edges among decided nodes, plus for each undecided node its
//!    cheaper camp against the decided ones, plus the cycle-packing bound of
//!    the undecided nodes' own subgraph (computed once per suffix of the
//!    order). When the search finishes, the best camps found are optimal.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use crate::balance::SignedGraph;
use crate::util::rng::SplitMix64;

/// How to compute the frustration index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum FrustrationMethod {
    /// Exact when every reduced block has at most
    /// [`FrustrationOptions::exact_limit`] edges, heuristic otherwise.
    #[default]
    Auto,
    /// Branch and bound to proven optimality (or until the time limit).
    Exact,
    /// Local search with a cycle-packing lower bound; no search.
    Heuristic,
}

/// Options for [`SignedGraph::frustration`].
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use stancegraph::{balance::FrustrationMethod, balance::FrustrationOptions};
///
/// let options = FrustrationOptions::new()
///     .with_method(FrustrationMethod::Exact)
///     .with_time_limit(Duration::from_secs(10));
/// assert_eq!(options.method, FrustrationMethod::Exact);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct FrustrationOptions {
    /// Exact, heuristic, or chosen by size.
    pub method: FrustrationMethod,
    /// Stop after this long (the local search and the exact search alike)
    /// and return the best camps found with the proven bounds, with
    /// [`Frustration::limit_reached`] set. `None`: no limit.
    pub time_limit: Option<Duration>,
    /// For [`FrustrationMethod::Auto`]: the largest reduced block (in edges)
    /// solved exactly. Default [`DEFAULT_EXACT_LIMIT`](Self::DEFAULT_EXACT_LIMIT)
    /// (the largest Correlates of War block has 1,237); set a time limit too,
    /// as hard graphs of that size exist.
    pub exact_limit: u64,
    /// Rounds of perturbation in the local search, per block (at least as
    /// many as the block has nodes). Default 40.
    pub rounds: usize,
    /// Seed of the local search's perturbations (the result is deterministic
    /// for a given seed, unless a time limit cuts the work short).
    pub seed: u64,
}

impl Default for FrustrationOptions {
    fn default() -> Self {
        FrustrationOptions {
            method: FrustrationMethod::Auto,
            time_limit: None,
            exact_limit: Self::DEFAULT_EXACT_LIMIT,
            rounds: 40,
            seed: 0x5eed,
        }
    }
}

impl FrustrationOptions {
    /// The default [`exact_limit`](Self::exact_limit): 2,500 edges.
    pub const DEFAULT_EXACT_LIMIT: u64 = 2_500;

    /// The defaults: automatic method, no time limit.
    pub fn new() -> Self {
        FrustrationOptions::default()
    }

    /// Sets the method.
    pub fn with_method(mut self, method: FrustrationMethod) -> Self {
        self.method = method;
        self
    }

    /// Sets [`exact_limit`](Self::exact_limit): the largest reduced block,
    /// in edges, that [`FrustrationMethod::Auto`] solves exactly.
    pub fn with_exact_limit(mut self, edges: u64) -> Self {
        self.exact_limit = edges;
        self
    }

    /// Sets a time limit for the exact search.
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.time_limit = Some(limit);
        self
    }

    /// Sets the rounds of perturbation of the local search.
    pub fn with_rounds(mut self, rounds: usize) -> Self {
        self.rounds = rounds;
        self
    }

    /// Sets the seed of the local search.
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }
}

/// The frustration index of a signed graph: its value, a proven lower
/// bound, the camps achieving the value and the frustrated edges.
///
/// `value == lower_bound` exactly when the result is proven optimal
/// ([`Frustration::exact`]).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Frustration {
    /// Frustrated edges of the camps found (an upper bound on the index).
    pub value: usize,
    /// A proven lower bound on the index.
    pub lower_bound: usize,
    /// Whether the value is proven optimal (`value == lower_bound`).
    pub exact: bool,
    /// The camps: the first holds the lowest-numbered node of each connected
    /// component. Node indices, ascending.
    pub camps: [Vec<usize>; 2],
    /// The edges frustrated by the camps (positive between camps, negative
    /// inside one), by index, ascending.
    pub frustrated_edges: Vec<usize>,
    /// The method that ran (never `Auto`).
    pub method: FrustrationMethod,
    /// Whether the time limit stopped the exact search.
    pub limit_reached: bool,
    /// Edges of the graph.
    pub edges: usize,
    /// Blocks (biconnected components with a cycle) solved.
    pub blocks: usize,
    /// Nodes and edges of the largest block after reduction.
    pub largest_block: (usize, usize),
    /// Branch-and-bound nodes explored.
    pub search_nodes: u64,
}

impl Frustration {
    /// The gap between the value and the lower bound (0 when exact).
    pub fn gap(&self) -> usize {
        self.value - self.lower_bound
    }

    /// The normalised frustration score 1 − 2L/m (signnet's
    /// `frustration`); 1 for a balanced graph or one without edges.
    pub fn score(&self) -> f64 {
        if self.edges == 0 {
            1.0
        } else {
            1.0 - 2.0 * self.value as f64 / self.edges as f64
        }
    }
}

/// A frustrated edge and the unbalanced cycle that shows why it is out of
/// place: the edge closed by a shortest path of unfrustrated edges. The
/// path's ends sit in the camps the rest of the cycle puts them in, so the
/// cycle has an odd number of negative edges.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Tension {
    /// The frustrated edge.
    pub edge: usize,
    /// The cycle's nodes, starting at one end of the edge and ending at the
    /// other (the edge closes it); empty when no path of unfrustrated edges
    /// joins the ends (then the edge is frustrated because of other
    /// frustrated edges).
    pub nodes: Vec<usize>,
    /// The cycle's edges along `nodes`, then the frustrated edge.
    pub edges: Vec<usize>,
}

impl Frustration {
    /// For every frustrated edge, the unbalanced cycle that explains it, in
    /// the order of [`Frustration::frustrated_edges`]. `graph` must be the
    /// graph this result was computed for.
    ///
    /// # Complexity
    ///
    /// A breadth-first search from both ends per frustrated edge, which
    /// meets in the middle: O(n + m) at worst, about 2·d^(L/2) nodes for a
    /// cycle of length L at average degree d.
    pub fn tensions(&self, graph: &SignedGraph) -> Vec<Tension> {
        let n = graph.nodes().len();
        let edges = graph.edges();
        let mut adjacency: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        let mut frustrated = vec![false; edges.len()];
        for &e in &self.frustrated_edges {
            if let Some(f) = frustrated.get_mut(e) {
                *f = true;
            }
        }
        for (i, e) in edges.iter().enumerate() {
            if !frustrated[i] {
                adjacency[e.a].push((e.b, i));
                adjacency[e.b].push((e.a, i));
            }
        }
        let mut search = MeetInMiddle::new(n);
        self.frustrated_edges
            .iter()
            .filter(|&&e| e < edges.len())
            .map(|&e| {
                let (a, b) = (edges[e].a, edges[e].b);
                let (nodes, mut path) = search.shortest_path(&adjacency, a, b).unwrap_or_default();
                if !nodes.is_empty() {
                    path.push(e);
                }
                Tension {
                    edge: e,
                    nodes,
                    edges: path,
                }
            })
            .collect()
    }
}

/// Shortest paths by breadth-first search from both ends at once, always
/// growing the smaller frontier by a whole layer; the marks are stamped per
/// search, so nothing is cleared between searches.
struct MeetInMiddle {
    stamp: usize,
    /// Per node and side: the search's stamp, the distance and the step
    /// (node, edge) back towards that side's end.
    mark: [Vec<usize>; 2],
    dist: [Vec<usize>; 2],
    via: [Vec<(usize, usize)>; 2],
}

impl MeetInMiddle {
    fn new(n: usize) -> MeetInMiddle {
        MeetInMiddle {
            stamp: 0,
            mark: [vec![0; n], vec![0; n]],
            dist: [vec![0; n], vec![0; n]],
            via: [vec![(0, 0); n], vec![(0, 0); n]],
        }
    }

    /// The nodes and edges of a shortest path from `a` to `b` in
    /// `adjacency`, or none.
    fn shortest_path(
        &mut self,
        adjacency: &[Vec<(usize, usize)>],
        a: usize,
        b: usize,
    ) -> Option<(Vec<usize>, Vec<usize>)> {
        self.stamp += 1;
        let stamp = self.stamp;
        let mut frontier = [vec![a], vec![b]];
        for (side, &end) in [a, b].iter().enumerate() {
            self.mark[side][end] = stamp;
            self.dist[side][end] = 0;
        }
        let mut meet: Option<(usize, usize)> = None; // (total length, node)
        while meet.is_none() && !frontier[0].is_empty() && !frontier[1].is_empty() {
            let side = usize::from(frontier[1].len() < frontier[0].len());
            let other = 1 - side;
            let mut next = Vec::new();
            for &x in &frontier[side] {
                for &(y, e) in &adjacency[x] {
                    if self.mark[side][y] == stamp {
                        continue;
                    }
                    self.mark[side][y] = stamp;
                    self.dist[side][y] = self.dist[side][x] + 1;
                    self.via[side][y] = (x, e);
                    next.push(y);
                    if self.mark[other][y] == stamp {
                        // Finish the layer: the shortest meeting wins, the
                        // first of equals.
                        let length = self.dist[side][y] + self.dist[other][y];
                        if meet.is_none_or(|(best, _)| length < best) {
                            meet = Some((length, y));
                        }
                    }
                }
            }
            frontier[side] = next;
        }
        let (_, middle) = meet?;
        let (mut nodes, mut edges) = (vec![middle], Vec::new());
        let mut at = middle;
        while at != a {
            let (p, e) = self.via[0][at];
            nodes.push(p);
            edges.push(e);
            at = p;
        }
        nodes.reverse();
        edges.reverse();
        let mut at = middle;
        while at != b {
            let (p, e) = self.via[1][at];
            nodes.push(p);
            edges.push(e);
            at = p;
        }
        Some((nodes, edges))
    }
}

impl SignedGraph {
    /// The frustration index: the fewest edges whose removal leaves the
    /// graph balanced, the camps that achieve it, and the frustrated edges,
    /// with a proven lower bound (equal to the value when exact).
    ///
    /// Every edge counts once, whatever its weight.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{balance::FrustrationOptions, balance::SignedGraph};
    ///
    /// // A triangle with one negative edge: one edge must go.
    /// let text = "source,target,sign\nA,B,1\nB,C,1\nA,C,-1\nC,D,-1\n";
    /// let g = &SignedGraph::read_edges(text, "t.csv")?[0];
    /// let f = g.frustration(&FrustrationOptions::new());
    /// assert_eq!((f.value, f.lower_bound), (1, 1));
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
        let n = self.nodes().len();
        let edges = self.edges();
        let deadline = options.time_limit.map(|d| Instant::now() + d);
        let blocks = blocks(self.adjacency());
        let mut side: Vec<Option<bool>> = vec![None; n];
        let mut lower = 0usize;
        let mut limit_reached = false;
        let mut search_nodes = 0u64;
        let mut largest = (0, 0);
        let mut solved = 0usize;
        let mut method_used = match options.method {
            FrustrationMethod::Heuristic => FrustrationMethod::Heuristic,
            _ => FrustrationMethod::Exact,
        };
        let mut block_sides: Vec<Vec<(usize, bool)>> = Vec::with_capacity(blocks.len());
        for block in &blocks {
            if block.len() < 2 {
                // A bridge: never frustrated; its ends are set when joined.
                let e = &edges[block[0]];
                block_sides.push(vec![(e.a, true), (e.b, e.sign > 0)]);
                continue;
            }
            solved += 1;
            let (reduced, fixed) = Reduced::build(block, edges);
            let size = (reduced.n, reduced.edges.len());
            if size.1 > largest.1 || (size.1 == largest.1 && size.0 > largest.0) {
                largest = size;
            }
            let exact = match options.method {
                FrustrationMethod::Exact => true,
                FrustrationMethod::Heuristic => false,
                FrustrationMethod::Auto => size.1 as u64 <= options.exact_limit,
            };
            if !exact {
                method_used = FrustrationMethod::Heuristic;
            }
            let outcome = reduced.solve(exact, options, deadline);
            lower += fixed + outcome.lower;
            limit_reached |= outcome.limit_reached;
            search_nodes += outcome.search_nodes;
            block_sides.push(reduced.expand(&outcome.side));
        }
        join_blocks(&mut side, &block_sides);
        // Canonical camps: per connected component, its lowest node first.
        let sides = canonical(n, edges, &side);
        let frustrated_edges: Vec<usize> = edges
            .iter()
            .enumerate()
            .filter(|(_, e)| (sides[e.a] == sides[e.b]) != (e.sign > 0))
            .map(|(i, _)| i)
            .collect();
        let value = frustrated_edges.len();
        let (first, second) = (0..n).partition(|&v| sides[v]);
        debug_assert!(lower <= value, "lower bound {lower} above value {value}");
        let lower_bound = lower.min(value);
        Frustration {
            value,
            lower_bound,
            exact: lower_bound == value,
            camps: [first, second],
            frustrated_edges,
            method: method_used,
            limit_reached,
            edges: edges.len(),
            blocks: solved,
            largest_block: largest,
            search_nodes,
        }
    }
}

/// Biconnected components as lists of edge indices (Hopcroft–Tarjan,
/// iterative), in a deterministic order.
fn blocks(adjacency: &[Vec<(usize, usize)>]) -> Vec<Vec<usize>> {
    let n = adjacency.len();
    let mut disc = vec![usize::MAX; n];
    let mut low = vec![0usize; n];
    let mut time = 0usize;
    let mut stack: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    // Frames: (node, parent edge, next adjacency position).
    let mut frames: Vec<(usize, usize, usize)> = Vec::new();
    for root in 0..n {
        if disc[root] != usize::MAX {
            continue;
        }
        disc[root] = time;
        low[root] = time;
        time += 1;
        frames.push((root, usize::MAX, 0));
        while let Some(frame) = frames.last_mut() {
            let (u, parent_edge, next) = *frame;
            if next < adjacency[u].len() {
                frame.2 += 1;
                let (v, e) = adjacency[u][next];
                if e == parent_edge {
                    continue;
                }
                if disc[v] == usize::MAX {
                    stack.push(e);
                    disc[v] = time;
                    low[v] = time;
                    time += 1;
                    frames.push((v, e, 0));
                } else if disc[v] < disc[u] {
                    stack.push(e);
                    low[u] = low[u].min(disc[v]);
                }
            } else {
                frames.pop();
                if let Some(&(p, _, _)) = frames.last() {
                    low[p] = low[p].min(low[u]);
                    if low[u] >= disc[p] {
                        let mut block = Vec::new();
                        while let Some(e) = stack.pop() {
                            block.push(e);
                            if e == parent_edge {
                                break;
                            }
                        }
                        block.sort_unstable();
                        out.push(block);
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out
}

/// Gives every node a side from the blocks' own sides, flipping each block
/// to agree at the cut node it shares with blocks already placed (the
/// block–cut tree is a tree, so there is exactly one such node).
fn join_blocks(side: &mut [Option<bool>], block_sides: &[Vec<(usize, bool)>]) {
    let n = side.len();
    let mut containing: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (b, list) in block_sides.iter().enumerate() {
        for &(v, _) in list {
            containing[v].push(b);
        }
    }
    let mut placed = vec![false; block_sides.len()];
    // A node's blocks are all placed once it has been scanned: scan it once
    // (a cut node in a million blocks must not be scanned a million times).
    let mut scanned = vec![false; n];
    for start in 0..block_sides.len() {
        if placed[start] {
            continue;
        }
        placed[start] = true;
        let mut queue = VecDeque::from([(start, false)]);
        while let Some((b, flip)) = queue.pop_front() {
            for &(v, s) in &block_sides[b] {
                let s = s != flip;
                if side[v].is_none() {
                    side[v] = Some(s);
                }
                if std::mem::replace(&mut scanned[v], true) {
                    continue;
                }
                for &other in &containing[v] {
                    if placed[other] {
                        continue;
                    }
                    placed[other] = true;
                    let theirs = block_sides[other]
                        .iter()
                        .find(|(w, _)| *w == v)
                        .map_or(s, |(_, t)| *t);
                    queue.push_back((other, theirs != s));
                }
            }
        }
    }
}

/// Per connected component, flips the sides so that its lowest node is in
/// the first camp; nodes without a side join the first camp.
fn canonical(n: usize, edges: &[crate::balance::SignedEdge], side: &[Option<bool>]) -> Vec<bool> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for e in edges {
        let (ra, rb) = (find(&mut parent, e.a), find(&mut parent, e.b));
        if ra != rb {
            // Keep the lower index as the root: it is the component's lowest node.
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            parent[hi] = lo;
        }
    }
    (0..n)
        .map(|v| {
            let root = find(&mut parent, v);
            let own = side[v].unwrap_or(true);
            let theirs = side[root].unwrap_or(true);
            own == theirs
        })
        .collect()
}

/// An edge of a reduced block: ends, whether negative, weight.
#[derive(Clone, Copy, Debug)]
struct WEdge {
    u: usize,
    v: usize,
    negative: bool,
    weight: u64,
}

/// How a folded node's side is recovered from its neighbours'.
#[derive(Clone, Copy, Debug)]
enum Fold {
    /// Same side as `other` (xor `negative`): a contracted or pendant edge.
    Follow {
        node: usize,
        other: usize,
        negative: bool,
    },
    /// The cheaper side between two neighbours.
    Between {
        node: usize,
        a: (usize, bool, u64),
        b: (usize, bool, u64),
    },
}

/// A block after reduction: local node numbers, weighted edges, and how to
/// expand a solution back to the block's original nodes.
struct Reduced {
    /// Original node of each local node.
    original: Vec<usize>,
    n: usize,
    edges: Vec<WEdge>,
    /// The folded nodes, in the order they were folded.
    folds: Vec<Fold>,
    /// For each local node: its index in the reduced graph, or none.
    kept: Vec<Option<usize>>,
}

struct Outcome {
    side: Vec<bool>,
    lower: usize,
    limit_reached: bool,
    search_nodes: u64,
}

impl Reduced {
    /// Reduces a block; returns it and the weight frustrated whatever the camps.
    fn build(block: &[usize], edges: &[crate::balance::SignedEdge]) -> (Reduced, usize) {
        let mut original: Vec<usize> = block
            .iter()
            .flat_map(|&e| [edges[e].a, edges[e].b])
            .collect();
        original.sort_unstable();
        original.dedup();
        let local = |v: usize| original.binary_search(&v).unwrap_or(0);
        let count = original.len();
        // Working multigraph: adjacency of edge ids; edges may die.
        let mut work: Vec<Option<WEdge>> = block
            .iter()
            .map(|&e| {
                Some(WEdge {
                    u: local(edges[e].a),
                    v: local(edges[e].b),
                    negative: edges[e].sign < 0,
                    weight: 1,
                })
            })
            .collect();
        let mut incident: Vec<Vec<usize>> = vec![Vec::new(); count];
        for (i, e) in work.iter().enumerate() {
            if let Some(e) = e {
                incident[e.u].push(i);
                incident[e.v].push(i);
            }
        }
        let mut alive = vec![true; count];
        let mut folds = Vec::new();
        let mut fixed = 0u64;
        // First in, first out: a hub queued again by each neighbour folded into
        // it is handled once per pass, not once per neighbour.
        let mut queue: VecDeque<usize> = (0..count).collect();
        let mut queued = vec![true; count];
        let other = |e: &WEdge, x: usize| if e.u == x { e.v } else { e.u };
        while let Some(x) = queue.pop_front() {
            queued[x] = false;
            if !alive[x] {
                continue;
            }
            // Merge parallel edges at x and drop dead ones.
            incident[x].retain(|&i| work[i].is_some());
            incident[x].sort_unstable_by_key(|&i| work[i].map(|e| (other(&e, x), i)));
            let mut k = 0;
            while k + 1 < incident[x].len() {
                let (i, j) = (incident[x][k], incident[x][k + 1]);
                let (Some(a), Some(b)) = (work[i], work[j]) else {
                    break;
                };
                if other(&a, x) != other(&b, x) {
                    k += 1;
                    continue;
                }
                let merged = if a.negative == b.negative {
                    Some(WEdge {
                        weight: a.weight + b.weight,
                        ..a
                    })
                } else {
                    fixed += a.weight.min(b.weight);
                    match a.weight.cmp(&b.weight) {
                        std::cmp::Ordering::Greater => Some(WEdge {
                            weight: a.weight - b.weight,
                            ..a
                        }),
                        std::cmp::Ordering::Less => Some(WEdge {
                            weight: b.weight - a.weight,
                            ..b
                        }),
                        std::cmp::Ordering::Equal => None,
                    }
                };
                work[j] = None;
                work[i] = merged;
                let y = other(&a, x);
                incident[x].remove(k + 1);
                if merged.is_none() {
                    incident[x].remove(k);
                }
                if !queued[y] {
                    queued[y] = true;
                    queue.push_back(y);
                }
            }
            let list: Vec<WEdge> = incident[x].iter().filter_map(|&i| work[i]).collect();
            let total: u64 = list.iter().map(|e| e.weight).sum();
            let heaviest = incident[x]
                .iter()
                .copied()
                .filter_map(|i| work[i].map(|e| (e.weight, i)))
                .max_by_key(|&(w, i)| (w, std::cmp::Reverse(i)));
            match list.len() {
                0 => {
                    alive[x] = false;
                    folds.push(Fold::Follow {
                        node: x,
                        other: x,
                        negative: false,
                    });
                }
                1 => {
                    let e = list[0];
                    let y = other(&e, x);
                    work[incident[x][0]] = None;
                    alive[x] = false;
                    folds.push(Fold::Follow {
                        node: x,
                        other: y,
                        negative: e.negative,
                    });
                    if !queued[y] {
                        queued[y] = true;
                        queue.push_back(y);
                    }
                }
                2 => {
                    let (i, j) = (incident[x][0], incident[x][1]);
                    let (a, b) = (list[0], list[1]);
                    let (ya, yb) = (other(&a, x), other(&b, x));
                    work[i] = None;
                    work[j] = None;
                    alive[x] = false;
                    folds.push(Fold::Between {
                        node: x,
                        a: (ya, a.negative, a.weight),
                        b: (yb, b.negative, b.weight),
                    });
                    let e = WEdge {
                        u: ya,
                        v: yb,
                        negative: a.negative != b.negative,
                        weight: a.weight.min(b.weight),
                    };
                    if ya == yb {
                        // A loop: frustrated exactly when negative.
                        if e.negative {
                            fixed += e.weight;
                        }
                    } else {
                        work.push(Some(e));
                        let id = work.len() - 1;
                        incident[ya].push(id);
                        incident[yb].push(id);
                    }
                    for y in [ya, yb] {
                        if !queued[y] {
                            queued[y] = true;
                            queue.push_back(y);
                        }
                    }
                }
                _ => {
                    // An edge heavier than all others at x is never frustrated:
                    // contract x into its other end.
                    if let Some((w, i)) = heaviest
                        && 2 * w >= total
                        && let Some(e) = work[i]
                    {
                        let y = other(&e, x);
                        work[i] = None;
                        alive[x] = false;
                        folds.push(Fold::Follow {
                            node: x,
                            other: y,
                            negative: e.negative,
                        });
                        let moved: Vec<usize> = incident[x].clone();
                        for id in moved {
                            if let Some(mut f) = work[id] {
                                // Re-attach to y, with the sign seen from y.
                                if f.u == x {
                                    f.u = y;
                                } else {
                                    f.v = y;
                                }
                                f.negative ^= e.negative;
                                if f.u == f.v {
                                    if f.negative {
                                        fixed += f.weight;
                                    }
                                    work[id] = None;
                                } else {
                                    work[id] = Some(f);
                                    incident[y].push(id);
                                    let z = other(&f, y);
                                    if !queued[z] {
                                        queued[z] = true;
                                        queue.push_back(z);
                                    }
                                }
                            }
                        }
                        if !queued[y] {
                            queued[y] = true;
                            queue.push_back(y);
                        }
                    }
                }
            }
        }
        // Renumber the survivors.
        let mut kept = vec![None; count];
        let mut n = 0;
        for x in 0..count {
            if alive[x] {
                kept[x] = Some(n);
                n += 1;
            }
        }
        let mut reduced_edges: Vec<WEdge> = work
            .into_iter()
            .flatten()
            .filter_map(|e| {
                Some(WEdge {
                    u: kept[e.u]?,
                    v: kept[e.v]?,
                    ..e
                })
            })
            .collect();
        reduced_edges.sort_unstable_by_key(|e| (e.u.min(e.v), e.u.max(e.v), e.negative, e.weight));
        let fixed = usize::try_from(fixed).unwrap_or(usize::MAX);
        (
            Reduced {
                original,
                n,
                edges: reduced_edges,
                folds,
                kept,
            },
            fixed,
        )
    }

    /// Solves the reduced graph.
    fn solve(
        &self,
        exact: bool,
        options: &FrustrationOptions,
        deadline: Option<Instant>,
    ) -> Outcome {
        let graph = WGraph::new(self.n, &self.edges);
        let mut rng = SplitMix64(options.seed);
        let (side, cut) = graph.local_search(options.rounds, &mut rng, deadline);
        let upper = graph.cost(&side);
        let lower = graph.packing(&side, None, !exact);
        if !exact || lower >= upper {
            return Outcome {
                side,
                lower: to_usize(lower.min(upper)),
                limit_reached: cut && lower < upper,
                search_nodes: 0,
            };
        }
        let mut search = Search::new(&graph, side, upper, deadline);
        search.run();
        let lower = if search.limit_reached {
            lower
        } else {
            search.upper
        };
        Outcome {
            side: search.best,
            lower: to_usize(lower),
            limit_reached: search.limit_reached,
            search_nodes: search.explored,
        }
    }

    /// The sides of the block's original nodes, from the reduced solution.
    fn expand(&self, side: &[bool]) -> Vec<(usize, bool)> {
        let mut local: Vec<bool> = self
            .kept
            .iter()
            .map(|k| k.and_then(|r| side.get(r).copied()).unwrap_or(true))
            .collect();
        for fold in self.folds.iter().rev() {
            match *fold {
                Fold::Follow {
                    node,
                    other,
                    negative,
                } => local[node] = local[other] != negative,
                Fold::Between { node, a, b } => {
                    let cost = |s: bool| {
                        let f = |(y, neg, w): (usize, bool, u64)| {
                            if (s == local[y]) == neg { w } else { 0 }
                        };
                        f(a) + f(b)
                    };
                    local[node] = cost(true) <= cost(false);
                }
            }
        }
        self.original
            .iter()
            .zip(local)
            .map(|(&v, s)| (v, s))
            .collect()
    }
}

fn to_usize(x: u64) -> usize {
    usize::try_from(x).unwrap_or(usize::MAX)
}

/// A weighted signed graph in compressed adjacency form.
struct WGraph<'a> {
    n: usize,
    edges: &'a [WEdge],
    start: Vec<usize>,
    /// (neighbour, edge) pairs, grouped by node.
    list: Vec<(usize, usize)>,
}

impl<'a> WGraph<'a> {
    fn new(n: usize, edges: &'a [WEdge]) -> WGraph<'a> {
        let mut degree = vec![0usize; n + 1];
        for e in edges {
            degree[e.u] += 1;
            degree[e.v] += 1;
        }
        let mut start = vec![0usize; n + 1];
        for v in 0..n {
            start[v + 1] = start[v] + degree[v];
        }
        let mut fill = start.clone();
        let mut list = vec![(0, 0); start[n]];
        for (i, e) in edges.iter().enumerate() {
            list[fill[e.u]] = (e.v, i);
            fill[e.u] += 1;
            list[fill[e.v]] = (e.u, i);
            fill[e.v] += 1;
        }
        WGraph {
            n,
            edges,
            start,
            list,
        }
    }

    fn around(&self, v: usize) -> &[(usize, usize)] {
        &self.list[self.start[v]..self.start[v + 1]]
    }

    fn frustrated(&self, e: usize, side: &[bool]) -> bool {
        let e = &self.edges[e];
        (side[e.u] == side[e.v]) == e.negative
    }

    fn cost(&self, side: &[bool]) -> u64 {
        (0..self.edges.len())
            .filter(|&e| self.frustrated(e, side))
            .map(|e| self.edges[e].weight)
            .sum()
    }

    /// Sides from a breadth-first spanning tree rooted at `root`, visiting
    /// neighbours in a shuffled order when `rng` is given.
    fn tree_sides(&self, root: usize, rng: Option<&mut SplitMix64>) -> Vec<bool> {
        let mut side: Vec<Option<bool>> = vec![None; self.n];
        let mut order: Vec<usize> = (0..self.n).collect();
        if let Some(rng) = rng {
            rng.shuffle(&mut order);
        }
        let roots = std::iter::once(root).chain(order);
        for r in roots {
            if r >= self.n || side[r].is_some() {
                continue;
            }
            side[r] = Some(true);
            let mut queue = VecDeque::from([r]);
            while let Some(u) = queue.pop_front() {
                let su = side[u].unwrap_or(true);
                for &(v, e) in self.around(u) {
                    if side[v].is_none() {
                        side[v] = Some(su != self.edges[e].negative);
                        queue.push_back(v);
                    }
                }
            }
        }
        side.into_iter().map(|s| s.unwrap_or(true)).collect()
    }

    /// What moving `v` to the other camp saves.
    fn gain(&self, v: usize, side: &[bool]) -> i64 {
        self.gain_within(v, side, None)
    }

    /// What moving `v` saves on its edges to the nodes in `within` (all
    /// nodes when none).
    fn gain_within(&self, v: usize, side: &[bool], within: Option<&[bool]>) -> i64 {
        self.around(v)
            .iter()
            .filter(|&&(u, _)| within.is_none_or(|w| w[u]))
            .map(|&(_, e)| {
                let w = self.edges[e].weight as i64;
                if self.frustrated(e, side) { w } else { -w }
            })
            .sum()
    }

    /// Iterated local search: descend from a spanning tree's camps, then
    /// repeatedly flip a random node and part of its neighbourhood and
    /// descend again, keeping the result when it is no worse. Rounds are
    /// local (their cost is the moves they make), so there are at least as
    /// many as nodes; on graphs up to 20,000 nodes every eighth of the first
    /// `rounds` rounds starts afresh from a shuffled spanning tree instead.
    /// Also says whether the deadline cut it short.
    fn local_search(
        &self,
        rounds: usize,
        rng: &mut SplitMix64,
        deadline: Option<Instant>,
    ) -> (Vec<bool>, bool) {
        if self.n == 0 {
            return (Vec::new(), false);
        }
        let mut cut = false;
        let root = (0..self.n)
            .max_by_key(|&v| (self.around(v).len(), std::cmp::Reverse(v)))
            .unwrap_or(0);
        let mut climb = Climb::new(self, self.tree_sides(root, None));
        // Buffers reused by every round.
        let mut touched: Vec<usize> = Vec::new();
        let mut queue: Vec<usize> = (0..self.n).collect();
        climb.descend(&mut queue);
        let mut best = climb.side.clone();
        let mut best_cost = climb.cost;
        let restarts = self.n <= 20_000;
        for round in 0..rounds.max(self.n) {
            if best_cost == 0 {
                break;
            }
            if round % 256 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                cut = true;
                break;
            }
            if restarts && round < rounds && round % 8 == 7 {
                let r = rng.below(self.n);
                let mut fresh = Climb::new(self, self.tree_sides(r, Some(rng)));
                queue.extend(0..self.n);
                fresh.descend(&mut queue);
                if fresh.cost < best_cost {
                    best_cost = fresh.cost;
                    best.clone_from(&fresh.side);
                    climb = fresh;
                }
                continue;
            }
            climb.log.clear();
            let v = rng.below(self.n);
            touched.clear();
            touched.push(v);
            climb.flip(v);
            for &(u, _) in self.around(v) {
                if rng.next().is_multiple_of(2) {
                    climb.flip(u);
                    touched.push(u);
                }
            }
            queue.clear();
            queue.extend_from_slice(&touched);
            for &t in &touched {
                queue.extend(self.around(t).iter().map(|&(u, _)| u));
            }
            climb.descend(&mut queue);
            if climb.cost <= best_cost {
                best_cost = climb.cost;
                for &x in &climb.log {
                    best[x] = !best[x];
                }
            } else {
                let log = std::mem::take(&mut climb.log);
                for &x in log.iter().rev() {
                    climb.flip(x);
                }
            }
        }
        (best, cut)
    }

    /// A lower bound: a packing of unbalanced cycles sharing no edge
    /// capacity, each closing a frustrated edge of `side` by a path of
    /// unfrustrated edges. Only nodes with `within[v]` take part when given.
    /// `short_only` limits the cycles to five edges (cheap on large graphs;
    /// then `within` must be `None`).
    fn packing(&self, side: &[bool], within: Option<&[bool]>, short_only: bool) -> u64 {
        let inside = |v: usize| within.is_none_or(|w| w[v]);
        let mut capacity: Vec<u64> = self.edges.iter().map(|e| e.weight).collect();
        let mut frustrated: Vec<usize> = (0..self.edges.len())
            .filter(|&e| {
                let x = &self.edges[e];
                inside(x.u) && inside(x.v) && self.frustrated(e, side)
            })
            .collect();
        let mut total = 0u64;
        if short_only {
            return self.short_packing(side, &mut capacity, &frustrated);
        }
        // Shortest cycles first: rounds of growing path length.
        let mut seen = vec![usize::MAX; self.n];
        let mut via: Vec<(usize, usize)> = vec![(usize::MAX, usize::MAX); self.n];
        let mut stamp = 0usize;
        let mut queue = VecDeque::new();
        let mut limit = 2usize;
        while !frustrated.is_empty() {
            let mut next_round = Vec::new();
            for &f in &frustrated {
                while capacity[f] > 0 {
                    let x = self.edges[f];
                    // Breadth-first search from x.u to x.v over unfrustrated edges.
                    stamp += 1;
                    seen[x.u] = stamp;
                    queue.clear();
                    queue.push_back((x.u, 0usize));
                    let mut found = false;
                    while let Some((a, depth)) = queue.pop_front() {
                        if depth >= limit {
                            break;
                        }
                        for &(b, e) in self.around(a) {
                            if seen[b] == stamp
                                || capacity[e] == 0
                                || !inside(b)
                                || self.frustrated(e, side)
                            {
                                continue;
                            }
                            seen[b] = stamp;
                            via[b] = (a, e);
                            if b == x.v {
                                found = true;
                                break;
                            }
                            queue.push_back((b, depth + 1));
                        }
                        if found {
                            break;
                        }
                    }
                    if !found {
                        break;
                    }
                    let mut delta = capacity[f];
                    let mut at = x.v;
                    while at != x.u {
                        let (p, e) = via[at];
                        delta = delta.min(capacity[e]);
                        at = p;
                    }
                    let mut at = x.v;
                    while at != x.u {
                        let (p, e) = via[at];
                        capacity[e] -= delta;
                        at = p;
                    }
                    capacity[f] -= delta;
                    total += delta;
                }
                if capacity[f] > 0 {
                    next_round.push(f);
                }
            }
            if limit >= self.n {
                break;
            }
            frustrated = next_round;
            limit = if limit < 4 { limit + 1 } else { self.n };
        }
        total
    }
}

/// Camps under local search, with each node's gain (what moving it saves)
/// and the cost kept up to date move by move.
struct Climb<'g, 'a> {
    graph: &'g WGraph<'a>,
    side: Vec<bool>,
    gain: Vec<i64>,
    cost: i64,
    /// The nodes moved since the log was last cleared, in order.
    log: Vec<usize>,
}

impl<'g, 'a> Climb<'g, 'a> {
    fn new(graph: &'g WGraph<'a>, side: Vec<bool>) -> Climb<'g, 'a> {
        let gain = (0..graph.n).map(|v| graph.gain(v, &side)).collect();
        let cost = i64::try_from(graph.cost(&side)).unwrap_or(i64::MAX);
        Climb {
            graph,
            side,
            gain,
            cost,
            log: Vec::new(),
        }
    }

    fn flip(&mut self, v: usize) {
        self.cost -= self.gain[v];
        self.side[v] = !self.side[v];
        self.gain[v] = -self.gain[v];
        for &(u, e) in self.graph.around(v) {
            let w = self.graph.edges[e].weight as i64;
            self.gain[u] += if self.graph.frustrated(e, &self.side) {
                2 * w
            } else {
                -2 * w
            };
        }
        self.log.push(v);
    }

    /// Moves nodes of the queue (and those their moves make worth moving)
    /// while a move lowers the cost.
    fn descend(&mut self, queue: &mut Vec<usize>) {
        while let Some(v) = queue.pop() {
            if self.gain[v] <= 0 {
                continue;
            }
            self.flip(v);
            for &(u, _) in self.graph.around(v) {
                if self.gain[u] > 0 {
                    queue.push(u);
                }
            }
        }
    }
}

impl WGraph<'_> {
    /// The packing of [`WGraph::packing`] restricted to cycles of at most
    /// five edges, found by meeting in the middle: the unfrustrated
    /// neighbourhood of one end (up to two steps) is marked, then the other
    /// end's is searched for a mark. A first pass takes triangles only, so
    /// that they get the capacity first. O(d²) per frustrated edge for
    /// average degree d.
    fn short_packing(&self, side: &[bool], capacity: &mut [u64], frustrated: &[usize]) -> u64 {
        // Capacity left on unfrustrated edges (frustrated ones count as closed).
        let mut open: Vec<u64> = capacity
            .iter()
            .enumerate()
            .map(|(e, &c)| if self.frustrated(e, side) { 0 } else { c })
            .collect();
        let mut mark = vec![0u32; self.n];
        // Per marked node: (parent node, edge) towards the marking end.
        let mut via: Vec<(usize, usize)> = vec![(0, 0); self.n];
        let mut stamp = 0u32;
        let mut total = 0u64;
        let (mut layer, mut next, mut path) = (Vec::new(), Vec::new(), Vec::new());
        for depth in [1usize, 2] {
            for &f in frustrated {
                if capacity[f] == 0 {
                    continue;
                }
                let x = self.edges[f];
                let (u, v) = (x.u, x.v);
                stamp = stamp.wrapping_add(1);
                if stamp == 0 {
                    mark.fill(0);
                    stamp = 1;
                }
                // Mark up to `depth` steps from v, never through u.
                layer.clear();
                layer.push(v);
                mark[v] = stamp;
                for _ in 0..depth {
                    next.clear();
                    for &a in &layer {
                        for &(b, e) in self.around(a) {
                            if b != u && mark[b] != stamp && open[e] > 0 {
                                mark[b] = stamp;
                                via[b] = (a, e);
                                next.push(b);
                            }
                        }
                    }
                    std::mem::swap(&mut layer, &mut next);
                }
                // Search up to `depth` steps from u for a marked node; u's
                // own neighbours first (shorter cycles).
                let mut meet = None;
                'search: for hop in 0..depth {
                    for &(a, e1) in self.around(u) {
                        if a == v || open[e1] == 0 {
                            continue;
                        }
                        if hop == 0 {
                            if mark[a] == stamp {
                                meet = Some((a, None, e1));
                                break 'search;
                            }
                            continue;
                        }
                        if mark[a] == stamp {
                            continue;
                        }
                        for &(b, e2) in self.around(a) {
                            if b != u && b != v && open[e2] > 0 && mark[b] == stamp {
                                meet = Some((b, Some((a, e2)), e1));
                                break 'search;
                            }
                        }
                    }
                }
                let Some((z, middle, first)) = meet else {
                    continue;
                };
                // The cycle: u –first– (a –e2–) z, then z … v by the marks, then f.
                path.clear();
                path.push(first);
                if let Some((_, e2)) = middle {
                    path.push(e2);
                }
                let mut at = z;
                while at != v {
                    let (p, e) = via[at];
                    path.push(e);
                    at = p;
                }
                let delta = path.iter().map(|&e| open[e]).fold(capacity[f], u64::min);
                for &e in &path {
                    open[e] -= delta;
                    capacity[e] -= delta;
                }
                capacity[f] -= delta;
                total += delta;
            }
        }
        total
    }
}

/// Depth-first branch and bound over the nodes' camps.
struct Search<'g, 'a> {
    graph: &'g WGraph<'a>,
    order: Vec<usize>,
    /// Lower bound of the subgraph on order[k..], per k.
    suffix: Vec<u64>,
    side: Vec<bool>,
    assigned: Vec<bool>,
    /// Per node: weight frustrated against decided nodes if it joins the
    /// first camp / the second camp.
    cost_true: Vec<u64>,
    cost_false: Vec<u64>,
    best: Vec<bool>,
    upper: u64,
    explored: u64,
    deadline: Option<Instant>,
    limit_reached: bool,
}

impl<'g, 'a> Search<'g, 'a> {
    fn new(
        graph: &'g WGraph<'a>,
        best: Vec<bool>,
        upper: u64,
        deadline: Option<Instant>,
    ) -> Search<'g, 'a> {
        let n = graph.n;
        // Maximum-adjacency order from the heaviest node.
        let mut order = Vec::with_capacity(n);
        let mut weight_to = vec![0u64; n];
        let mut taken = vec![false; n];
        let degree: Vec<u64> = (0..n)
            .map(|v| {
                graph
                    .around(v)
                    .iter()
                    .map(|&(_, e)| graph.edges[e].weight)
                    .sum()
            })
            .collect();
        for _ in 0..n {
            let next = (0..n)
                .filter(|&v| !taken[v])
                .max_by_key(|&v| (weight_to[v], degree[v], std::cmp::Reverse(v)))
                .unwrap_or(0);
            taken[next] = true;
            order.push(next);
            for &(u, e) in graph.around(next) {
                weight_to[u] += graph.edges[e].weight;
            }
        }
        // Lower bounds of the suffix subgraphs.
        let mut suffix = vec![0u64; n + 1];
        let mut within = vec![false; n];
        for k in (0..n).rev() {
            within[order[k]] = true;
            if n - k < 3 {
                continue;
            }
            if deadline.is_some_and(|d| Instant::now() >= d) {
                // Out of time: a subgraph's bound holds for any larger one.
                suffix[k] = suffix[k + 1];
                continue;
            }
            // Camps for the suffix: the incumbent's, improved on the subgraph.
            let mut side = best.clone();
            sub_descend(graph, &mut side, &within);
            suffix[k] = graph
                .packing(&side, Some(&within), false)
                .max(suffix[k + 1]);
        }
        Search {
            graph,
            order,
            suffix,
            side: vec![true; n],
            assigned: vec![false; n],
            cost_true: vec![0; n],
            cost_false: vec![0; n],
            best,
            upper,
            explored: 0,
            deadline,
            limit_reached: false,
        }
    }

    fn run(&mut self) {
        // The first node's camp is free (flipping every camp changes nothing).
        let first = self.order[0];
        self.assign(first, true);
        let min_sum = (0..self.graph.n)
            .filter(|&v| !self.assigned[v])
            .map(|v| self.cost_true[v].min(self.cost_false[v]))
            .sum();
        self.descend(1, 0, min_sum);
    }

    /// Decides node `v`; returns the weight it adds among decided nodes.
    fn assign(&mut self, v: usize, s: bool) -> u64 {
        self.side[v] = s;
        self.assigned[v] = true;
        self.shift(v, s, true);
        if s {
            self.cost_true[v]
        } else {
            self.cost_false[v]
        }
    }

    fn unassign(&mut self, v: usize) {
        self.assigned[v] = false;
        self.shift(v, self.side[v], false);
    }

    /// Adds (or takes back) the costs that `v` in camp `s` puts on its
    /// undecided neighbours: a neighbour frustrates a negative edge in the
    /// same camp, a positive one in the other.
    fn shift(&mut self, v: usize, s: bool, add: bool) {
        for &(u, e) in self.graph.around(v) {
            if self.assigned[u] {
                continue;
            }
            let x = &self.graph.edges[e];
            let cost = if s == x.negative {
                &mut self.cost_true[u]
            } else {
                &mut self.cost_false[u]
            };
            if add {
                *cost += x.weight;
            } else {
                *cost -= x.weight;
            }
        }
    }

    /// Explores decisions of order[depth..], with `fixed` the weight
    /// frustrated among decided nodes and `min_sum` the sum over undecided
    /// nodes of their cheaper camp's cost against decided ones.
    fn descend(&mut self, depth: usize, fixed: u64, min_sum: u64) {
        self.explored += 1;
        if self.explored % 1024 == 1 && self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.limit_reached = true;
        }
        if self.limit_reached {
            return;
        }
        let n = self.graph.n;
        if depth == n {
            if fixed < self.upper {
                self.upper = fixed;
                self.best.clone_from(&self.side);
            }
            return;
        }
        let v = self.order[depth];
        let (ct, cf) = (self.cost_true[v], self.cost_false[v]);
        // Try the cheaper camp first; on a tie, the incumbent's.
        let first = if ct != cf { ct < cf } else { self.best[v] };
        for s in [first, !first] {
            let own = if s { ct } else { cf };
            // Update the undecided neighbours' costs and the sum of minima.
            let mut sum = min_sum - ct.min(cf);
            for &(u, _) in self.graph.around(v) {
                if !self.assigned[u] {
                    sum -= self.cost_true[u].min(self.cost_false[u]);
                }
            }
            self.assign(v, s);
            for &(u, _) in self.graph.around(v) {
                if !self.assigned[u] {
                    sum += self.cost_true[u].min(self.cost_false[u]);
                }
            }
            let fixed_now = fixed + own;
            let bound = fixed_now + sum + self.suffix[depth + 1];
            if bound < self.upper {
                self.descend(depth + 1, fixed_now, sum);
            }
            self.unassign(v);
            if self.limit_reached {
                return;
            }
        }
    }
}

/// Local descent restricted to the nodes in `within` (others keep their side
/// and do not count).
fn sub_descend(graph: &WGraph<'_>, side: &mut [bool], within: &[bool]) {
    let mut improved = true;
    while improved {
        improved = false;
        for v in 0..graph.n {
            if within[v] && graph.gain_within(v, side, Some(within)) > 0 {
                side[v] = !side[v];
                improved = true;
            }
        }
    }
}
