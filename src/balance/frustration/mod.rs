//! The frustration index: the least total weight of edges whose removal (or
//! sign change) leaves a signed graph balanced — the fewest edges when every
//! weight is 1 — with the camps that achieve it and a proven lower bound.
//!
//! Weights enter as exact integer units (`balance::weights`: whole weights
//! as they are, decimals scaled by a power of ten, at most six places); the
//! stages below work on integers, and the value and bound are converted back
//! once. Parallel edges of a multigraph are parallel edges here too: an
//! ambivalent pair merges into its heavier side, its lighter side counted
//! as frustrated whatever the camps (the reduction's rule below).
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
//!    edges) each need a frustrated edge of their own; the packing is then
//!    improved by rip-up and reroute (a cycle of the packing gives way to
//!    two). When a gap is left, complementary slackness adds a unit: camps
//!    that frustrate an edge the packing leaves spare cost at least one
//!    more than the packing, the others are the camps of the (much
//!    smaller) graph with the spare edges contracted, solved by the whole
//!    solver. When the two still differ, the much stronger bound of the linear relaxation: a *fractional*
//!    packing of unbalanced cycles (the dual of the cycle-covering
//!    relaxation), solved by the simplex method with column generation and
//!    certified from its cycles alone, then rounded up (a dense basis
//!    inverse on reduced blocks of at most 2,500 edges; above, an inverse
//!    over the tight edges only, in heuristic mode only under a time limit,
//!    stopping once it proves the best value found); and camps guided by it
//!    (the edges it never needs are contracted, the small remainder
//!    searched), often the optimum itself.
//! 3. **Branch and bound** over the nodes' camps (exact mode), when the
//!    bounds still differ: nodes in maximum-adjacency order, the bound being
//!    the cost of the edges among decided nodes, plus for each undecided node
//!    its cheaper camp against the decided ones, plus the cycle-packing bound
//!    of the undecided nodes' own subgraph (computed once per suffix of the
//!    order). It stops as soon as the incumbent meets the proven (LP) bound.
//!    When the search finishes, the best camps found are optimal.
//!
//! Sources: biconnected components by Hopcroft and Tarjan's algorithm
//! (iterative); the cycle-covering relaxation of the max-cut view and its
//! separation by shortest paths in the double cover (Barahona and Mahjoub);
//! column generation (Dantzig and Wolfe); rip-up and reroute (VLSI
//! routing); complementary slackness as in reduced-cost fixing; the
//! normalised score is signnet's
//! `frustration`. Every bound holds for arbitrary positive integer weights.
//!
//! The stages live in their own files: `decompose` (blocks, reduction, and
//! joining the blocks' camps again), `local` (the local search), `bounds`
//! (the cycle-packing lower bound), `reroute` (the packing improved by
//! rerouting), `slackness` (one more unit by complementary slackness), `lp`
//! (the LP bound), `tight` (the LP bound on large blocks), `guided` (camps
//! from the LP) and `exact` (the branch and bound), all
//! on the weighted graph of a reduced block (`weighted`); `tension` explains
//! each frustrated edge by an unbalanced cycle. This file holds the public
//! types and the driver that runs the stages block by block.

mod bounds;
mod decompose;
mod exact;
mod guided;
mod local;
mod lp;
mod reroute;
mod slackness;
mod tension;
mod tight;
mod weighted;

use std::time::{Duration, Instant};

use crate::balance::{SignedEdge, SignedGraph, Units};
use crate::util::rng::SplitMix64;

use decompose::{Reduced, blocks, canonical, join_blocks};
use exact::Search;
use weighted::WGraph;

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
    /// Local search with a cycle-packing lower bound (and the LP bound with
    /// its guided camps: on reduced blocks of at most 2,500 edges always, on
    /// larger ones when a time limit is set); no exhaustive search.
    Heuristic,
}

/// Options for [`SignedGraph::frustration`].
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use stancegraph::{balance::{FrustrationMethod, FrustrationOptions}};
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
    /// The heuristic's value only: the local search, then only the greedy
    /// packing's bound (no rerouting, no LP). For the significance test's
    /// shuffles, which need values, not proofs.
    pub(crate) value_only: bool,
}

impl Default for FrustrationOptions {
    fn default() -> Self {
        FrustrationOptions {
            method: FrustrationMethod::Auto,
            time_limit: None,
            exact_limit: Self::DEFAULT_EXACT_LIMIT,
            rounds: Self::DEFAULT_ROUNDS,
            seed: Self::DEFAULT_SEED,
            value_only: false,
        }
    }
}

impl FrustrationOptions {
    /// The default [`exact_limit`](Self::exact_limit): 2,500 edges.
    pub const DEFAULT_EXACT_LIMIT: u64 = 2_500;
    /// The default [`rounds`](Self::rounds) of perturbation: 40.
    pub const DEFAULT_ROUNDS: usize = 40;
    /// The default [`seed`](Self::seed) of the local search.
    pub const DEFAULT_SEED: u64 = 0x5eed;

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

/// The frustration index of a signed graph: its value (the total weight of
/// the frustrated edges; their number when every weight is 1), a proven
/// lower bound, the camps achieving the value and the frustrated edges.
///
/// `value == lower_bound` exactly when the result is proven optimal
/// ([`Frustration::exact`]). Weights with at most
/// [`WEIGHT_DECIMALS`](crate::balance::WEIGHT_DECIMALS) decimal places (and
/// not too far apart in size) count exactly; others are rounded for the
/// search, the value is still the real weight of the camps found, and the
/// result is then not claimed exact (the bound allows for the rounding).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Frustration {
    /// The total weight of the edges the camps found frustrate (an upper
    /// bound on the index); on an unweighted graph, their number.
    pub value: f64,
    /// A proven lower bound on the index.
    pub lower_bound: f64,
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
    pub edge_count: usize,
    /// The total weight of the edges (`edge_count` when every weight is 1).
    pub total_weight: f64,
    /// Blocks (biconnected components with a cycle) solved.
    pub block_count: usize,
    /// Nodes and edges of the largest block after reduction.
    pub largest_block: (usize, usize),
    /// Branch-and-bound nodes explored.
    pub search_nodes: u64,
}

impl Frustration {
    /// The gap between the value and the lower bound (0 when exact).
    pub fn gap(&self) -> f64 {
        self.value - self.lower_bound
    }

    /// The normalised frustration score 1 − 2L/W, W the total weight
    /// (signnet's `frustration`, 1 − 2L/m, when every weight is 1); 1 for a
    /// balanced graph or one without edges.
    pub fn score(&self) -> f64 {
        if self.edge_count == 0 || self.total_weight <= 0.0 {
            1.0
        } else {
            1.0 - 2.0 * self.value / self.total_weight
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

/// The frustration index of `graph`: see [`SignedGraph::frustration`], the
/// public entry point, for what it computes and at what cost.
pub(crate) fn frustration(graph: &SignedGraph, options: &FrustrationOptions) -> Frustration {
    let n = graph.nodes().len();
    let edges = graph.edges();
    // A limit too far away to be a day (1e19 s) is no limit, not an overflow.
    let deadline = options
        .time_limit
        .and_then(|d| Instant::now().checked_add(d));
    let units = Units::of(edges);
    let solved = solve_graph(n, edges, graph.adjacency(), &units.units, options, deadline);
    let sides = solved.sides;
    let frustrated_edges: Vec<usize> = edges
        .iter()
        .enumerate()
        .filter(|(_, e)| (sides[e.a] == sides[e.b]) != (e.sign > 0))
        .map(|(i, _)| i)
        .collect();
    let value: u64 = frustrated_edges.iter().map(|&e| units.units[e]).sum();
    let (first, second) = (0..n).partition(|&v| sides[v]);
    debug_assert!(
        solved.lower <= value,
        "lower bound {} above value {value}",
        solved.lower
    );
    let lower_bound = solved.lower.min(value);
    let weight = units.weight_of(frustrated_edges.iter().copied());
    Frustration {
        value: weight,
        // Rounded weights prove nothing about the real ones beyond the
        // rounding error: the bound is lowered by it, and never exact.
        lower_bound: units.lower_bound(lower_bound).min(weight),
        exact: lower_bound == value && units.lossless,
        camps: [first, second],
        frustrated_edges,
        method: solved.method,
        limit_reached: solved.limit_reached,
        edge_count: edges.len(),
        total_weight: graph.total_weight(),
        block_count: solved.blocks,
        largest_block: solved.largest,
        search_nodes: solved.search_nodes,
    }
}

/// What solving a whole graph gives: canonical camps, a proven lower bound
/// (in units) and how the search went.
struct Solved {
    sides: Vec<bool>,
    lower: u64,
    method: FrustrationMethod,
    limit_reached: bool,
    blocks: usize,
    largest: (usize, usize),
    search_nodes: u64,
}

/// Solves the graph of `n` nodes and `edges` (weighing `units`, with its
/// adjacency: per node, (neighbour, edge) sorted by neighbour) block by
/// block: the driver of the stages in the module header.
fn solve_graph(
    n: usize,
    edges: &[SignedEdge],
    adjacency: &[Vec<(usize, usize)>],
    units: &[u64],
    options: &FrustrationOptions,
    deadline: Option<Instant>,
) -> Solved {
    let blocks = blocks(adjacency);
    let mut side: Vec<Option<bool>> = vec![None; n];
    let mut lower = 0u64;
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
        let (reduced, fixed) = Reduced::build(block, edges, units);
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
    Solved {
        // Canonical camps: per connected component, its lowest node first.
        sides: canonical(n, edges, &side),
        lower,
        method: method_used,
        limit_reached,
        blocks: solved,
        largest,
        search_nodes,
    }
}

/// What solving one reduced block gives: the camps of its nodes, its proven
/// lower bound and how the search went.
struct Outcome {
    side: Vec<bool>,
    lower: u64,
    limit_reached: bool,
    search_nodes: u64,
}

impl Reduced {
    /// Solves the reduced graph.
    fn solve(
        &self,
        exact: bool,
        options: &FrustrationOptions,
        deadline: Option<Instant>,
    ) -> Outcome {
        let graph = WGraph::new(self.n, &self.edges);
        let mut rng = SplitMix64(options.seed);
        let (mut side, cut) = graph.local_search(options.rounds, &mut rng, deadline);
        let mut upper = graph.cost(&side);
        let mut lower = graph.packing(&side, None, !exact);
        let mut limit_reached = cut;
        let mut search_nodes = 0u64;
        if options.value_only && !exact {
            return Outcome {
                side,
                lower: lower.min(upper),
                limit_reached: limit_reached && lower < upper,
                search_nodes,
            };
        }
        if lower < upper {
            // Exact, or bounded by a deadline: reroute while it gains; a
            // heuristic without one stays O(m) here.
            let budget = if exact || deadline.is_some() {
                u64::MAX
            } else {
                REROUTE_WORK_PER_EDGE.saturating_mul(self.edges.len() as u64)
            };
            let routed = graph.rerouted_packing(&side, REROUTE_LEVELS, budget, deadline);
            limit_reached |= routed.cut;
            lower = lower.max(routed.lower);
            if lower < upper
                && let Some(closed) = slackness::close(&graph, &routed, exact, options, deadline)
            {
                lower = lower.max(closed.lower);
                limit_reached |= closed.limit_reached;
                search_nodes += closed.search_nodes;
                if let Some((cost, camps)) = closed.better
                    && cost < upper
                {
                    upper = cost;
                    side = camps;
                }
            }
        }
        if lower < upper
            && let Some(lp) = lp::lp_bound(&graph, deadline)
                // Above the dense simplex's size, the tight-basis one: in
                // heuristic mode only when a time limit bounds its work.
                .or_else(|| {
                    (exact || deadline.is_some())
                        .then(|| tight::tight_lp_bound(&graph, deadline, upper))
                        .flatten()
                })
        {
            lower = lower.max(lp.lower);
            if lower < upper
                && let Some(guided) = guided::guided_sides(
                    &graph,
                    &lp.price,
                    options.rounds,
                    options.seed,
                    GUIDED_NODES,
                    deadline,
                )
            {
                let guided = graph.polish(guided);
                let cost = graph.cost(&guided);
                if cost < upper {
                    upper = cost;
                    side = guided;
                }
            }
        }
        if !exact || lower >= upper {
            return Outcome {
                side,
                lower: lower.min(upper),
                limit_reached: limit_reached && lower < upper,
                search_nodes,
            };
        }
        let mut search = Search::new(&graph, side, upper, deadline).with_floor(lower);
        search.run();
        let lower = if search.proven() { search.upper } else { lower };
        Outcome {
            side: search.best,
            lower,
            limit_reached: search.limit_reached,
            search_nodes: search_nodes + search.explored,
        }
    }
}

/// How deep a rerouted demand may rip up routes in turn (`reroute`): two
/// levels take Wikipedia's packing from 14,852 to 14,867 in about 3 s,
/// three gain nothing more in 27 s.
const REROUTE_LEVELS: usize = 2;

/// The rerouting's work (adjacency entries scanned) per edge of the block
/// for a heuristic without a time limit. Wikipedia's block takes about
/// 6,700 per edge to reroute fully (3 s); 200 keeps a 10-million-edge graph
/// within a few seconds more than its local search.
const REROUTE_WORK_PER_EDGE: u64 = 200;

/// Branch-and-bound nodes for the LP-guided heuristic's contracted graph.
const GUIDED_NODES: u64 = 200_000;
