//! Doreian–Mrvar blockmodels of signed graphs: the k camps that leave the
//! least total weight of ties out of place. The method, its source and its
//! cost are documented on the public entry point, [`SignedGraph::blockmodel`].
//!
//! The searches count weights in exact integer units ([`Units`]): the
//! per-camp tallies, the effects of moves and swaps and the bound of the
//! exhaustive search are sums of units, so ties between partitions are exact
//! and nothing drifts; the result converts them back to weights.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::fmt;

use crate::error::Problem;
use crate::util::number::text;
use crate::util::rng::SplitMix64;
use crate::{
    Error, Result,
    balance::{SignedGraph, Units},
};

/// Options for [`SignedGraph::blockmodel`]: how many camps, how to weigh the
/// two kinds of misplaced tie, and how hard to search.
///
/// # Examples
///
/// ```
/// use stancegraph::balance::BlockmodelOptions;
///
/// let options = BlockmodelOptions::new(3).with_alpha(0.4).with_seed(7);
/// assert_eq!((options.k, options.restarts), (3, BlockmodelOptions::DEFAULT_RESTARTS));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct BlockmodelOptions {
    /// The number of camps (at least 1). Every camp of the result has a
    /// member; a graph with fewer nodes than `k` gets one camp per node.
    pub k: usize,
    /// How much negative ties inside a camp count, from 0 to 1; positive
    /// ties between camps count `1 − alpha`. 0.5 counts both alike.
    pub alpha: f64,
    /// How many random starting partitions the local search tries (at
    /// least 1).
    pub restarts: usize,
    /// The seed of the random starting partitions: the same graph, options
    /// and seed always give the same result.
    pub seed: u64,
    /// The exhaustive search, which proves the result optimal, runs when
    /// there are at most this many partitions of the nodes into `k` camps;
    /// 0 turns it off.
    pub exact_limit: u64,
}

impl BlockmodelOptions {
    /// The default [`alpha`](BlockmodelOptions::alpha): both kinds of
    /// misplaced tie count alike.
    pub const DEFAULT_ALPHA: f64 = 0.5;
    /// The default number of [`restarts`](BlockmodelOptions::restarts).
    pub const DEFAULT_RESTARTS: usize = 50;
    /// The default [`seed`](BlockmodelOptions::seed).
    pub const DEFAULT_SEED: u64 = 0x5eed_cafe;
    /// The default [`exact_limit`](BlockmodelOptions::exact_limit):
    /// ten million partitions: up to 24 nodes into 2 camps, 16 into 3 or 13
    /// into 4. The bound prunes most of them; dense random graphs of those
    /// sizes take about a tenth of a second in a release build.
    pub const DEFAULT_EXACT_LIMIT: u64 = 10_000_000;

    /// `k` camps, with the defaults for everything else.
    pub fn new(k: usize) -> Self {
        BlockmodelOptions {
            k,
            alpha: Self::DEFAULT_ALPHA,
            restarts: Self::DEFAULT_RESTARTS,
            seed: Self::DEFAULT_SEED,
            exact_limit: Self::DEFAULT_EXACT_LIMIT,
        }
    }

    /// Sets [`BlockmodelOptions::alpha`].
    pub fn with_alpha(mut self, alpha: f64) -> Self {
        self.alpha = alpha;
        self
    }

    /// Sets [`BlockmodelOptions::restarts`].
    pub fn with_restarts(mut self, restarts: usize) -> Self {
        self.restarts = restarts;
        self
    }

    /// Sets [`BlockmodelOptions::seed`].
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Sets [`BlockmodelOptions::exact_limit`].
    pub fn with_exact_limit(mut self, limit: u64) -> Self {
        self.exact_limit = limit;
        self
    }

    /// Every option out of range, each named.
    fn check(&self) -> Result<()> {
        let mut problems = Vec::new();
        let mut bad = |field: &str, reason: &'static str| {
            problems.push(Problem::option(field, reason));
        };
        if self.k == 0 {
            bad("k", "a blockmodel needs at least one camp");
        }
        if !(0.0..=1.0).contains(&self.alpha) {
            bad(
                "alpha",
                "must be a number from 0 to 1 (the weight of negative ties inside camps)",
            );
        }
        if self.restarts == 0 {
            bad("restarts", "the local search needs at least one start");
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Error::InvalidOptions { problems })
        }
    }
}

/// The best partition into camps found by [`SignedGraph::blockmodel`], with
/// the ties it leaves out of place.
///
/// Camps list node indices, each sorted, ordered by their lowest member.
/// Of equally good partitions (all of them when the search was exhaustive,
/// else those the local search reached) the one whose node-by-node camp
/// numbers come first in lexicographic order is kept, so the output is
/// deterministic.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Blockmodel {
    /// The number of camps asked for ([`BlockmodelOptions::k`]); there are
    /// fewer only when the graph has fewer nodes.
    pub k: usize,
    /// How much negative ties inside a camp count ([`BlockmodelOptions::alpha`]).
    pub alpha: f64,
    /// The total weight of the negative ties inside a camp (their number
    /// when every tie weighs 1).
    pub negative_inside: f64,
    /// The total weight of the positive ties between camps (their number
    /// when every tie weighs 1).
    pub positive_between: f64,
    /// The camps: node indices, each sorted, ordered by lowest member.
    pub camps: Vec<Vec<usize>>,
    /// The camp of each node (an index into [`camps`](Blockmodel::camps)),
    /// by node index.
    pub membership: Vec<usize>,
    /// The out-of-place ties (negative inside a camp, positive between
    /// camps), as ascending edge indices.
    pub misplaced: Vec<usize>,
    /// Whether the partition is proven optimal: there was only one, or the
    /// exhaustive search ran (on weights it could count exactly: see
    /// [`WEIGHT_DECIMALS`](crate::balance::WEIGHT_DECIMALS)).
    pub exact: bool,
    /// How many random starts the local search made (0 when there was only
    /// one partition to take).
    pub restarts: usize,
    /// Whether some tie weighs other than 1: the totals are then weights,
    /// not numbers of ties, and [`Display`](fmt::Display) says so.
    weighted: bool,
}

impl Blockmodel {
    /// The criterion: `alpha · negative_inside + (1 − alpha) · positive_between`
    /// (total weights); 0 when every tie is in place.
    pub fn criterion(&self) -> f64 {
        self.alpha * self.negative_inside + (1.0 - self.alpha) * self.positive_between
    }

    /// The camp (an index into [`camps`](Blockmodel::camps)) of a node;
    /// `None` for a node not in the graph.
    pub fn camp_of(&self, node: usize) -> Option<usize> {
        self.membership.get(node).copied()
    }
}

impl fmt::Display for Blockmodel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let camps = self.camps.len();
        let (negative, positive) = (text(self.negative_inside), text(self.positive_between));
        let ties = if self.weighted {
            format!(
                "negative ties inside of total weight {negative}, positive ties between of total weight {positive}"
            )
        } else {
            format!(
                "{negative} negative tie{} inside, {positive} positive tie{} between",
                if self.negative_inside == 1.0 { "" } else { "s" },
                if self.positive_between == 1.0 {
                    ""
                } else {
                    "s"
                },
            )
        };
        write!(
            f,
            "{camps} camp{}, criterion {} ({ties}, alpha {}), {}",
            if camps == 1 { "" } else { "s" },
            self.criterion(),
            self.alpha,
            if self.exact {
                "proven optimal"
            } else {
                "best of the random starts"
            }
        )
    }
}

/// The criterion of a partition with these totals (in units). Searches
/// compare partitions by this value, always computed this way, so that a
/// strict decrease is a strict decrease of one function of the partition and
/// the local search cannot cycle on rounding. Units are a fixed multiple of
/// weights, so the order of partitions is that of their weighted criteria.
fn criterion(alpha: f64, negative_inside: u64, positive_between: u64) -> f64 {
    alpha * negative_inside as f64 + (1.0 - alpha) * positive_between as f64
}

/// The Doreian–Mrvar blockmodel of `graph`: see [`SignedGraph::blockmodel`],
/// the public entry point, for what it computes and how.
pub(crate) fn blockmodel(graph: &SignedGraph, options: &BlockmodelOptions) -> Result<Blockmodel> {
    options.check()?;
    let units = Units::of(graph.edges());
    let search = Search::new(graph, &units, options);
    let (n, k) = (search.n, search.k);
    let (labels, restarts, exact) = if k <= 1 || k == n {
        // One partition only: everyone together, or everyone alone.
        let labels = if k == n { (0..n).collect() } else { vec![0; n] };
        (labels, 0, true)
    } else {
        let mut best = search.local_search(options.restarts, options.seed);
        let exact = partitions(n, k) <= options.exact_limit;
        if exact {
            best = search.exhaustive(best);
        }
        (best.labels, options.restarts, exact)
    };
    // A search on rounded weights proves nothing about the real ones.
    let exact = exact && (units.lossless || k <= 1 || k == n);
    Ok(assemble(graph, &units, options, labels, restarts, exact))
}

/// The result for a canonical labelling, counted afresh from the edges.
fn assemble(
    graph: &SignedGraph,
    units: &Units,
    options: &BlockmodelOptions,
    camp_of: Vec<usize>,
    restarts: usize,
    exact: bool,
) -> Blockmodel {
    let camp_count = camp_of.iter().map(|&c| c + 1).max().unwrap_or(0);
    let mut camps = vec![Vec::new(); camp_count];
    for (v, &c) in camp_of.iter().enumerate() {
        camps[c].push(v);
    }
    let edges = graph.edges();
    let misplaced: Vec<usize> = (0..edges.len())
        .filter(|&i| (camp_of[edges[i].a] == camp_of[edges[i].b]) != (edges[i].sign > 0))
        .collect();
    let of_sign = |positive: bool| {
        misplaced
            .iter()
            .copied()
            .filter(move |&i| (edges[i].sign > 0) == positive)
    };
    Blockmodel {
        k: options.k,
        alpha: options.alpha,
        negative_inside: units.weight_of(of_sign(false)),
        positive_between: units.weight_of(of_sign(true)),
        camps,
        membership: camp_of,
        misplaced,
        exact,
        restarts,
        weighted: graph.is_weighted(),
    }
}

/// The number of partitions of `n` nodes into exactly `k` non-empty camps
/// (the Stirling number of the second kind), saturating.
fn partitions(n: usize, k: usize) -> u64 {
    // row[j] = S(i, j) for the current i.
    let mut row = vec![0u64; k + 1];
    row[0] = 1;
    for _ in 0..n {
        for j in (1..=k).rev() {
            row[j] = (j as u64).saturating_mul(row[j]).saturating_add(row[j - 1]);
        }
        row[0] = 0;
    }
    row[k]
}

/// A partition found by a search, canonically labelled (camps numbered by
/// their lowest member), with its totals in units.
#[derive(Clone, Debug)]
struct Found {
    labels: Vec<usize>,
    negative_inside: u64,
    positive_between: u64,
}

/// What the searches share: the graph as adjacency lists and the options.
struct Search {
    n: usize,
    /// The number of camps of the result: `min(k, n)`.
    k: usize,
    alpha: f64,
    /// Per node: (neighbour, positive tie?, units), sorted by neighbour; an
    /// ambivalent pair has two entries, one per sign, next to each other.
    adjacency: Vec<Vec<(usize, bool, u64)>>,
    /// Every tie once: its ends, whether it is positive, and its units.
    ties: Vec<(usize, usize, bool, u64)>,
}

impl Search {
    fn new(graph: &SignedGraph, units: &Units, options: &BlockmodelOptions) -> Search {
        let n = graph.nodes().len();
        let mut adjacency = vec![Vec::new(); n];
        for (e, &w) in graph.edges().iter().zip(&units.units) {
            adjacency[e.a].push((e.b, e.sign > 0, w));
            adjacency[e.b].push((e.a, e.sign > 0, w));
        }
        for list in &mut adjacency {
            list.sort_unstable();
        }
        Search {
            n,
            k: options.k.min(n),
            alpha: options.alpha,
            adjacency,
            ties: graph
                .edges()
                .iter()
                .zip(&units.units)
                .map(|(e, &w)| (e.a, e.b, e.sign > 0, w))
                .collect(),
        }
    }

    fn score(&self, negative_inside: u64, positive_between: u64) -> f64 {
        criterion(self.alpha, negative_inside, positive_between)
    }

    /// Orders by criterion, then by labels: the better partition is `Less`.
    fn compare(&self, a: &Found, b: &Found) -> Ordering {
        let (sa, sb) = (
            self.score(a.negative_inside, a.positive_between),
            self.score(b.negative_inside, b.positive_between),
        );
        sa.total_cmp(&sb).then_with(|| a.labels.cmp(&b.labels))
    }

    /// The best local optimum over `restarts` random starts.
    fn local_search(&self, restarts: usize, seed: u64) -> Found {
        let mut rng = SplitMix64(seed);
        let descend = |rng: &mut SplitMix64| {
            let mut state = State::new(self, self.random_start(rng));
            state.descend();
            state.into_found()
        };
        let mut best = descend(&mut rng);
        for _ in 1..restarts {
            let found = descend(&mut rng);
            if self.compare(&found, &best) == Ordering::Less {
                best = found;
            }
        }
        best
    }

    /// A uniformly shuffled assignment with every camp non-empty: the first
    /// `k` nodes of a random order open the camps, the rest pick one at random.
    fn random_start(&self, rng: &mut SplitMix64) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.n).collect();
        rng.shuffle(&mut order);
        let mut labels = vec![0; self.n];
        for (i, &v) in order.iter().enumerate() {
            labels[v] = if i < self.k { i } else { rng.below(self.k) };
        }
        labels
    }

    /// Branch and bound over all partitions into exactly `k` camps, in
    /// lexicographic order of their canonical labels, starting from the
    /// local search's best as the bound.
    fn exhaustive(&self, incumbent: Found) -> Found {
        let mut walk = Exhaustive {
            search: self,
            labels: vec![0; self.n],
            bound: self.score(incumbent.negative_inside, incumbent.positive_between),
            best: incumbent,
            reached: false,
        };
        walk.visit(0, 0, 0, 0);
        walk.best
    }
}

/// The state of one branch-and-bound walk.
struct Exhaustive<'s> {
    search: &'s Search,
    /// Camps of the nodes placed so far.
    labels: Vec<usize>,
    best: Found,
    bound: f64,
    /// Whether the walk has reached a partition as good as the best: any
    /// later one with the same criterion comes after it in lexicographic
    /// order, so ties no longer need exploring.
    reached: bool,
}

impl Exhaustive<'_> {
    /// Places node `i`, with `used` camps opened and the totals (in units)
    /// of the misplaced ties among the nodes placed so far.
    fn visit(&mut self, i: usize, used: usize, negative_inside: u64, positive_between: u64) {
        let s = self.search;
        // Totals only grow as nodes are placed (every tie weighs at least one
        // unit), and the criterion is monotone in them (also in floating
        // point), so this bound is safe.
        let score = s.score(negative_inside, positive_between);
        if score > self.bound || (self.reached && score >= self.bound) {
            return;
        }
        if i == s.n {
            let better = score < self.bound || self.labels < self.best.labels;
            if better {
                self.best = Found {
                    labels: self.labels.clone(),
                    negative_inside,
                    positive_between,
                };
                self.bound = score;
            }
            self.reached = true;
            return;
        }
        // After node i, n − i − 1 nodes remain to open the camps still empty.
        let must_open = s.k - used > s.n - i - 1;
        let first = if must_open { used } else { 0 };
        let last = used.min(s.k - 1);
        for c in first..=last {
            let (mut dn, mut dp) = (0, 0);
            for &(j, positive, w) in &s.adjacency[i] {
                if j >= i {
                    break;
                }
                let inside = self.labels[j] == c;
                if inside && !positive {
                    dn += w;
                } else if !inside && positive {
                    dp += w;
                }
            }
            self.labels[i] = c;
            self.visit(
                i + 1,
                used.max(c + 1),
                negative_inside + dn,
                positive_between + dp,
            );
        }
    }
}

/// A partition under local search, with per node and camp the units of
/// its positive and negative ties there, so that a move's or a swap's effect
/// costs O(1).
struct State<'s> {
    search: &'s Search,
    labels: Vec<usize>,
    sizes: Vec<usize>,
    /// `positive[v * k + c]`: units of `v`'s positive ties into camp `c`.
    positive: Vec<u64>,
    /// `negative[v * k + c]`: units of `v`'s negative ties into camp `c`.
    negative: Vec<u64>,
    negative_inside: u64,
    positive_between: u64,
}

impl<'s> State<'s> {
    fn new(search: &'s Search, labels: Vec<usize>) -> State<'s> {
        let k = search.k;
        let mut state = State {
            search,
            sizes: vec![0; k],
            positive: vec![0; search.n * k],
            negative: vec![0; search.n * k],
            labels,
            negative_inside: 0,
            positive_between: 0,
        };
        for v in 0..search.n {
            state.sizes[state.labels[v]] += 1;
            for &(u, positive, w) in &search.adjacency[v] {
                let c = state.labels[u];
                if positive {
                    state.positive[v * k + c] += w;
                } else {
                    state.negative[v * k + c] += w;
                }
            }
        }
        for &(a, b, positive, w) in &search.ties {
            let inside = state.labels[a] == state.labels[b];
            match (inside, positive) {
                (true, false) => state.negative_inside += w,
                (false, true) => state.positive_between += w,
                _ => {}
            }
        }
        state
    }

    /// The units of the positive and of the negative tie between `a` and
    /// `b` (0 for a sign without a tie): an ambivalent pair has both.
    fn tie(&self, a: usize, b: usize) -> (u64, u64) {
        let list = &self.search.adjacency[a];
        let first = list.partition_point(|&(u, _, _)| u < b);
        list[first..].iter().take_while(|&&(u, _, _)| u == b).fold(
            (0, 0),
            |(p, n), &(_, positive, w)| {
                if positive { (p + w, n) } else { (p, n + w) }
            },
        )
    }

    fn score(&self) -> f64 {
        self.search
            .score(self.negative_inside, self.positive_between)
    }

    /// The totals after moving `v` to camp `to`.
    fn after_move(&self, v: usize, to: usize) -> (u64, u64) {
        let k = self.search.k;
        let from = self.labels[v];
        let (row, f, t) = (v * k, from, to);
        let n = self.negative_inside + self.negative[row + t] - self.negative[row + f];
        let p = self.positive_between + self.positive[row + f] - self.positive[row + t];
        (n, p)
    }

    /// The totals after swapping `u` and `v`, in different camps.
    fn after_swap(&self, u: usize, v: usize) -> (u64, u64) {
        let k = self.search.k;
        let (cu, cv) = (self.labels[u], self.labels[v]);
        let (ru, rv) = (u * k, v * k);
        // Each end counted the other as joining or leaving its camp; ties
        // between them (one of each sign for an ambivalent pair) stay
        // between camps. Subtractions come last: no partial sum underflows.
        let (positive, negative) = self.tie(u, v);
        let (tie_negative, tie_positive) = (2 * negative, 2 * positive);
        let n = self.negative_inside + self.negative[ru + cv] + self.negative[rv + cu]
            - self.negative[ru + cu]
            - self.negative[rv + cv]
            - tie_negative;
        let p =
            self.positive_between + self.positive[ru + cu] + self.positive[rv + cv] + tie_positive
                - self.positive[ru + cv]
                - self.positive[rv + cu];
        (n, p)
    }

    fn apply_move(&mut self, v: usize, to: usize) {
        let k = self.search.k;
        let from = self.labels[v];
        (self.negative_inside, self.positive_between) = self.after_move(v, to);
        for &(u, positive, w) in &self.search.adjacency[v] {
            let table = if positive {
                &mut self.positive
            } else {
                &mut self.negative
            };
            table[u * k + from] -= w;
            table[u * k + to] += w;
        }
        self.labels[v] = to;
        self.sizes[from] -= 1;
        self.sizes[to] += 1;
    }

    /// The change of the criterion if `v` moved to camp `to`.
    fn move_delta(&self, v: usize, to: usize) -> f64 {
        let row = v * self.search.k;
        let from = self.labels[v];
        let dn = self.negative[row + to] as f64 - self.negative[row + from] as f64;
        let dp = self.positive[row + from] as f64 - self.positive[row + to] as f64;
        self.search.alpha * dn + (1.0 - self.search.alpha) * dp
    }

    /// Improves the partition while one of these lowers the criterion, in
    /// this order: the best move of each node, a swap, the dissolution of a
    /// camp, a Fiduccia–Mattheyses pass.
    fn descend(&mut self) {
        loop {
            let mut moved = false;
            for v in 0..self.search.n {
                moved |= self.best_move(v);
            }
            if !moved && !self.improving_swap() && !self.improving_dissolve() && !self.refine() {
                return;
            }
        }
    }

    /// Moves `v` to the camp where it lowers the criterion most, if any
    /// (the lowest such camp on a tie); never empties a camp.
    fn best_move(&mut self, v: usize) -> bool {
        let from = self.labels[v];
        if self.sizes[from] == 1 {
            return false;
        }
        let mut best = (self.score(), None);
        for to in (0..self.search.k).filter(|&c| c != from) {
            let (n, p) = self.after_move(v, to);
            let score = self.search.score(n, p);
            if score < best.0 {
                best = (score, Some(to));
            }
        }
        match best.1 {
            Some(to) => {
                self.apply_move(v, to);
                true
            }
            None => false,
        }
    }

    /// Makes the first swap that lowers the criterion, if any. When no move
    /// improves, a swap of two untied nodes changes the criterion by the sum
    /// of their two moves, so it can improve only if one of the moves was
    /// barred for emptying a camp: only swaps across a tie or out of a
    /// one-node camp are tried.
    fn improving_swap(&mut self) -> bool {
        let current = self.score();
        let search = self.search;
        let across_ties = search.ties.iter().map(|&(a, b, _, _)| (a, b));
        // The singletons (at most k) are collected first; the pairs out of
        // them are generated lazily.
        let singletons: Vec<usize> = (0..search.n)
            .filter(|&u| self.sizes[self.labels[u]] == 1)
            .collect();
        let out_of_singletons = singletons
            .into_iter()
            .flat_map(|u| (0..search.n).map(move |v| (u, v)));
        for (u, v) in across_ties.chain(out_of_singletons) {
            if self.labels[u] == self.labels[v] {
                continue;
            }
            let (n, p) = self.after_swap(u, v);
            if search.score(n, p) < current {
                let (cu, cv) = (self.labels[u], self.labels[v]);
                self.apply_move(u, cv);
                self.apply_move(v, cu);
                return true;
            }
        }
        false
    }

    /// Dissolves the first camp whose dissolution lowers the criterion, if
    /// any: its members go to their best other camps one by one, and the
    /// node whose move there costs least founds it anew.
    fn improving_dissolve(&mut self) -> bool {
        let start = self.score();
        for c in 0..self.search.k {
            let members: Vec<usize> = (0..self.search.n)
                .filter(|&v| self.labels[v] == c)
                .collect();
            let mut moves = Vec::with_capacity(members.len() + 1);
            for &v in &members {
                if let Some((_, t)) = self.cheapest_target(v) {
                    moves.push((v, c));
                    self.apply_move(v, t);
                }
            }
            let founder = (0..self.search.n)
                .filter(|&v| self.sizes[self.labels[v]] > 1)
                .map(|v| (Change(self.move_delta(v, c)), v))
                .min();
            if let Some((_, v)) = founder {
                moves.push((v, self.labels[v]));
                self.apply_move(v, c);
            }
            if self.score() < start && self.sizes[c] > 0 {
                return true;
            }
            for &(v, from) in moves.iter().rev() {
                self.apply_move(v, from);
            }
        }
        false
    }

    /// The best camp for `v` to move to and the change, even if for the
    /// worse; `None` if `v` is alone in its camp.
    fn best_target(&self, v: usize) -> Option<(Change, usize)> {
        if self.sizes[self.labels[v]] == 1 {
            return None;
        }
        self.cheapest_target(v)
    }

    /// The camp other than its own where moving `v` costs least (the lowest
    /// on a tie), and the change; `None` with a single camp.
    fn cheapest_target(&self, v: usize) -> Option<(Change, usize)> {
        let from = self.labels[v];
        (0..self.search.k)
            .filter(|&c| c != from)
            .map(|to| (Change(self.move_delta(v, to)), to))
            .min()
    }

    /// A Fiduccia–Mattheyses pass, to climb out of a local optimum: move
    /// every node once, each time the one whose move costs least (even if it
    /// raises the criterion), then keep the best partition seen on the way.
    /// Whether that is better than the start.
    ///
    /// O((n + m)·(k + log n)): after a move only its node's neighbours
    /// change their best moves; stale entries of the queue are skipped.
    fn refine(&mut self) -> bool {
        let search = self.search;
        let start = self.score();
        let mut locked = vec![false; search.n];
        let mut version = vec![0usize; search.n];
        let mut queue = BinaryHeap::new();
        for v in 0..search.n {
            if let Some((change, _)) = self.best_target(v) {
                queue.push(Reverse((change, v, 0)));
            }
        }
        let mut moves = Vec::new();
        let (mut best, mut best_len) = (start, 0);
        while let Some(Reverse((_, v, seen))) = queue.pop() {
            if locked[v] || seen != version[v] {
                continue;
            }
            // Its camp may have shrunk to one node since.
            let Some((_, to)) = self.best_target(v) else {
                continue;
            };
            moves.push((v, self.labels[v]));
            self.apply_move(v, to);
            locked[v] = true;
            let score = self.score();
            if score < best {
                (best, best_len) = (score, moves.len());
            }
            for &(u, _, _) in &search.adjacency[v] {
                if !locked[u] {
                    version[u] += 1;
                    if let Some((change, _)) = self.best_target(u) {
                        queue.push(Reverse((change, u, version[u])));
                    }
                }
            }
        }
        for &(v, from) in moves[best_len..].iter().rev() {
            self.apply_move(v, from);
        }
        best_len > 0
    }

    /// The partition, camps renumbered by lowest member.
    fn into_found(self) -> Found {
        let mut renumber = vec![usize::MAX; self.search.k];
        let mut next = 0;
        let labels = self
            .labels
            .iter()
            .map(|&c| {
                if renumber[c] == usize::MAX {
                    renumber[c] = next;
                    next += 1;
                }
                renumber[c]
            })
            .collect();
        Found {
            labels,
            negative_inside: self.negative_inside,
            positive_between: self.positive_between,
        }
    }
}

/// A change of the criterion, ordered totally (the values are never NaN).
#[derive(Clone, Copy, Debug)]
struct Change(f64);

impl PartialEq for Change {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Change {}

impl PartialOrd for Change {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Change {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_are_stirling_numbers() {
        assert_eq!(partitions(0, 0), 1);
        assert_eq!(partitions(4, 2), 7);
        assert_eq!(partitions(10, 3), 9330);
        assert_eq!(partitions(16, 3), 7_141_686);
        assert_eq!(partitions(200, 3), u64::MAX);
    }

    #[test]
    fn incremental_counts_match_a_recount() {
        let mut rng = SplitMix64(3);
        // A weighted multigraph: some pairs tied with both signs.
        let mut ties = Vec::new();
        for a in 0..9 {
            for b in a + 1..9 {
                for _ in 0..rng.below(3) {
                    let sign = if rng.below(2) == 0 { 1 } else { -1 };
                    ties.push((a, b, sign, (1 + rng.below(40)) as f64 / 4.0));
                }
            }
        }
        let nodes = (0..9).map(|v| format!("n{v}")).collect();
        let g = SignedGraph::from_weighted_edges(nodes, &ties).unwrap();
        assert!(g.has_ambivalent_pairs() && g.is_weighted());
        let units = Units::of(g.edges());
        let search = Search::new(&g, &units, &BlockmodelOptions::new(3));
        let recount = |labels: Vec<usize>| {
            let s = State::new(&search, labels);
            (s.negative_inside, s.positive_between)
        };
        for _ in 0..200 {
            let mut state = State::new(&search, search.random_start(&mut rng));
            let (u, v) = (rng.below(search.n), rng.below(search.n));
            let to = rng.below(search.k);
            let mut moved = state.labels.clone();
            moved[u] = to;
            assert_eq!(state.after_move(u, to), recount(moved));
            let (cu, cv) = (state.labels[u], state.labels[v]);
            if cu != cv {
                let mut swapped = state.labels.clone();
                swapped.swap(u, v);
                assert_eq!(state.after_swap(u, v), recount(swapped.clone()));
                state.apply_move(u, cv);
                state.apply_move(v, cu);
                let fresh = State::new(&search, swapped);
                assert_eq!(
                    (state.positive, state.negative, state.sizes),
                    (fresh.positive, fresh.negative, fresh.sizes)
                );
            }
        }
    }
}
