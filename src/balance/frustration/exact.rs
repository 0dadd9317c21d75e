//! Stage 3 of the frustration index: branch and bound over the nodes'
//! camps of a reduced block, when the bounds differ. Nodes are decided in
//! maximum-adjacency order; the bound is the cost of the edges among decided
//! nodes, plus for each undecided node its cheaper camp against the decided
//! ones, plus the cycle-packing bound of the undecided nodes' own subgraph
//! (computed once per suffix of the order). When the search finishes, the
//! best camps found are optimal; a deadline stops it with the best so far.

use std::time::Instant;

use super::weighted::WGraph;

/// Depth-first branch and bound over the nodes' camps.
pub(super) struct Search<'g, 'a> {
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
    pub(super) best: Vec<bool>,
    pub(super) upper: u64,
    pub(super) explored: u64,
    deadline: Option<Instant>,
    pub(super) limit_reached: bool,
    /// A proven lower bound of the whole graph: the search stops as soon as
    /// the incumbent meets it.
    floor: u64,
    /// Branch-and-bound nodes allowed (the guided heuristic's budget).
    budget: u64,
    /// Whether the budget stopped the search.
    pub(super) exhausted: bool,
    /// Per node: the stamp of the last neighbourhood scan that counted it.
    mark: Vec<u64>,
    stamp: u64,
}

impl<'g, 'a> Search<'g, 'a> {
    pub(super) fn new(
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
            floor: 0,
            budget: u64::MAX,
            exhausted: false,
            mark: vec![0; n],
            stamp: 0,
        }
    }

    /// Stops the search once the incumbent costs no more than `floor`, a
    /// proven lower bound.
    pub(super) fn with_floor(mut self, floor: u64) -> Self {
        self.floor = floor;
        self
    }

    /// Stops the search after `nodes` branch-and-bound nodes.
    pub(super) fn with_budget(mut self, nodes: u64) -> Self {
        self.budget = nodes;
        self
    }

    /// Whether the search ended with the incumbent proven optimal.
    pub(super) fn proven(&self) -> bool {
        !self.limit_reached && (!self.exhausted || self.upper <= self.floor)
    }

    pub(super) fn run(&mut self) {
        if self.upper <= self.floor {
            return;
        }
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
        if self.explored >= self.budget {
            self.exhausted = true;
        }
        if self.limit_reached || self.exhausted || self.upper <= self.floor {
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
            // Update the undecided neighbours' costs and the sum of minima
            // (each neighbour once, however many edges join it to v).
            let mut sum = min_sum - ct.min(cf);
            self.stamp += 1;
            for &(u, _) in self.graph.around(v) {
                if !self.assigned[u] && self.mark[u] != self.stamp {
                    self.mark[u] = self.stamp;
                    sum -= self.cost_true[u].min(self.cost_false[u]);
                }
            }
            self.assign(v, s);
            self.stamp += 1;
            for &(u, _) in self.graph.around(v) {
                if !self.assigned[u] && self.mark[u] != self.stamp {
                    self.mark[u] = self.stamp;
                    sum += self.cost_true[u].min(self.cost_false[u]);
                }
            }
            let fixed_now = fixed + own;
            let bound = fixed_now + sum + self.suffix[depth + 1];
            if bound < self.upper {
                self.descend(depth + 1, fixed_now, sum);
            }
            self.unassign(v);
            if self.limit_reached || self.exhausted || self.upper <= self.floor {
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
