//! Stage 2b, continued: the cycle packing of `bounds`, improved by
//! rerouting.
//!
//! With the best camps fixed, the packing of `bounds` is a routing problem:
//! each frustrated edge `f = ab` is a demand of `w_f` units between `a` and
//! `b`, each unit routed along a path of unfrustrated edges (closing an
//! unbalanced cycle with `f`), no edge carrying more than its weight. The
//! greedy routing of `bounds` leaves demands unrouted when the short paths
//! they need are taken. Here an unrouted demand looks for a path that is
//! blocked by one full edge only: the two searches, from `a` and from `b`
//! over edges with capacity left, meet across a full edge `xy` (the nearest
//! such edges are tried first); a route through `xy` is ripped up, the
//! demand routed through the freed edge, and the ripped route's demand
//! routed again by any path left, or, when none is left, by ripping up a
//! route in turn (to a given depth of levels). The change is kept when
//! more units are routed than before, undone otherwise; passes repeat while
//! they gain. On Wikipedia's elections (a block of 97,528 edges) the greedy
//! routes 14,748 of 14,868 frustrated edges, one level 14,852, two levels
//! 14,867. Sources: rip-up and reroute for edge-disjoint paths (as in VLSI
//! routing), the augmenting paths of integral flows.
//!
//! **Guarantee.** Every route is a path of unfrustrated edges joining the
//! ends of its frustrated edge, so with it an unbalanced cycle; no edge
//! carries more than its weight; each unit routed needs a frustrated unit of
//! weight of its own in any camps. The total routed is a lower bound on the
//! index for any positive integer weights, whatever the camps used.

use std::collections::VecDeque;
use std::time::Instant;

use super::weighted::WGraph;

const NONE: usize = usize::MAX;

/// Full edges tried per unrouted demand and pass.
const CANDIDATES: usize = 24;

/// A path of unfrustrated edges carrying `amount` units of the demand of
/// frustrated edge `demand`.
struct Route {
    demand: usize,
    edges: Vec<usize>,
    amount: u64,
    alive: bool,
}

/// What a change did, to undo it.
enum Step {
    Added(usize),
    Removed(usize),
}

/// The routing: capacity left per edge, demand left per frustrated edge.
struct Routing<'g, 'a> {
    graph: &'g WGraph<'a>,
    frustrated: Vec<bool>,
    /// Capacity left on unfrustrated edges; 0 on frustrated ones.
    open: Vec<u64>,
    /// Demand left per frustrated edge; 0 on unfrustrated ones.
    left: Vec<u64>,
    routes: Vec<Route>,
    /// Per edge: the live routes through it.
    users: Vec<Vec<usize>>,
    total: u64,
    /// Breadth-first search from each end: per node its parent edge, and
    /// stamps of the nodes reached.
    parent: [Vec<usize>; 2],
    reached: [Vec<u32>; 2],
    stamp: u32,
    queue: VecDeque<usize>,
    /// Adjacency entries scanned by the searches so far, and the most
    /// they may scan.
    work: u64,
    budget: u64,
}

impl<'g, 'a> Routing<'g, 'a> {
    fn new(graph: &'g WGraph<'a>, side: &[bool]) -> Routing<'g, 'a> {
        let m = graph.edges.len();
        let frustrated: Vec<bool> = (0..m).map(|e| graph.frustrated(e, side)).collect();
        let weight = |e: usize| graph.edges[e].weight;
        Routing {
            graph,
            open: (0..m)
                .map(|e| if frustrated[e] { 0 } else { weight(e) })
                .collect(),
            left: (0..m)
                .map(|e| if frustrated[e] { weight(e) } else { 0 })
                .collect(),
            frustrated,
            routes: Vec::new(),
            users: vec![Vec::new(); m],
            total: 0,
            parent: [vec![NONE; graph.n], vec![NONE; graph.n]],
            reached: [vec![0; graph.n], vec![0; graph.n]],
            stamp: 0,
            queue: VecDeque::new(),
            work: 0,
            budget: u64::MAX,
        }
    }

    fn add(&mut self, demand: usize, edges: Vec<usize>, amount: u64) -> usize {
        let id = self.routes.len();
        for &e in &edges {
            self.open[e] -= amount;
            self.users[e].push(id);
        }
        self.left[demand] -= amount;
        self.total += amount;
        self.routes.push(Route {
            demand,
            edges,
            amount,
            alive: true,
        });
        id
    }

    fn remove(&mut self, id: usize) {
        let route = &mut self.routes[id];
        route.alive = false;
        let amount = route.amount;
        for &e in &route.edges {
            self.open[e] += amount;
            if let Some(at) = self.users[e].iter().position(|&r| r == id) {
                self.users[e].swap_remove(at);
            }
        }
        self.left[route.demand] += amount;
        self.total -= amount;
    }

    fn revive(&mut self, id: usize) {
        let route = &mut self.routes[id];
        route.alive = true;
        let amount = route.amount;
        for &e in &route.edges {
            self.open[e] -= amount;
            self.users[e].push(id);
        }
        self.left[route.demand] -= amount;
        self.total += amount;
    }

    /// Undoes the steps logged after `mark`.
    fn undo(&mut self, log: &mut Vec<Step>, mark: usize) {
        while log.len() > mark
            && let Some(step) = log.pop()
        {
            match step {
                Step::Added(id) => {
                    self.remove(id);
                    // Routes are appended: a route added and undone is
                    // the last one and can go.
                    if id + 1 == self.routes.len() {
                        self.routes.pop();
                    }
                }
                Step::Removed(id) => self.revive(id),
            }
        }
    }

    /// Breadth-first search `which` (0 or 1) from `root` over edges with
    /// capacity left, at most `depth` edges deep; stops early on reaching
    /// `target`. Returns whether it did.
    fn search(&mut self, which: usize, root: usize, target: usize, depth: usize) -> bool {
        if which == 0 {
            self.stamp = self.stamp.wrapping_add(1);
            if self.stamp == 0 {
                self.reached[0].fill(0);
                self.reached[1].fill(0);
                self.stamp = 1;
            }
        }
        let stamp = self.stamp;
        let graph = self.graph;
        self.reached[which][root] = stamp;
        self.parent[which][root] = NONE;
        self.queue.clear();
        self.queue.push_back(root);
        let mut level_end = root;
        let mut level = 0usize;
        while let Some(x) = self.queue.pop_front() {
            if self.work >= self.budget {
                // A partial search tree is still a tree of paths.
                break;
            }
            self.work += graph.around(x).len() as u64;
            for &(y, e) in graph.around(x) {
                if self.open[e] == 0 || self.reached[which][y] == stamp {
                    continue;
                }
                self.reached[which][y] = stamp;
                self.parent[which][y] = e;
                if y == target {
                    return true;
                }
                self.queue.push_back(y);
            }
            if x == level_end {
                level += 1;
                if level >= depth {
                    break;
                }
                match self.queue.back() {
                    Some(&last) => level_end = last,
                    None => break,
                }
            }
        }
        false
    }

    /// The edges from `x` back to the root of search `which`.
    fn trace(&self, which: usize, mut x: usize, path: &mut Vec<usize>) {
        while self.parent[which][x] != NONE {
            let e = self.parent[which][x];
            path.push(e);
            let edge = &self.graph.edges[e];
            x = if edge.u == x { edge.v } else { edge.u };
        }
    }

    /// Routes what it can of `demand` by paths of capacity left, at most
    /// `depth` edges long, logging what it adds.
    fn route(&mut self, demand: usize, depth: usize, log: &mut Vec<Step>) {
        let edge = self.graph.edges[demand];
        while self.left[demand] > 0 && self.search(0, edge.u, edge.v, depth) {
            let mut path = Vec::new();
            self.trace(0, edge.v, &mut path);
            let amount = path
                .iter()
                .map(|&e| self.open[e])
                .fold(self.left[demand], u64::min);
            let id = self.add(demand, path, amount);
            log.push(Step::Added(id));
        }
    }

    /// One rip-up-and-reroute attempt for an unrouted `demand`: true when
    /// it routed more in all (its steps then stay in the log; otherwise
    /// they are undone). A ripped route's demand that cannot be routed
    /// again may itself rip up a route, `levels` deep.
    fn augment(&mut self, demand: usize, levels: usize, log: &mut Vec<Step>) -> bool {
        let edge = self.graph.edges[demand];
        let (a, b) = (edge.u, edge.v);
        let before = self.total;
        let mark = log.len();
        if self.search(0, a, b, usize::MAX) {
            self.route(demand, usize::MAX, log);
            return self.total > before;
        }
        self.search(1, b, a, usize::MAX);
        let stamp = self.stamp;
        // Full edges joining the two searches, shortest detour first.
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (e, x) in self.graph.edges.iter().enumerate() {
            if self.open[e] > 0 || self.frustrated[e] || self.users[e].is_empty() {
                continue;
            }
            if self.reached[0][x.u] == stamp && self.reached[1][x.v] == stamp {
                candidates.push((e, x.u, x.v));
            } else if self.reached[0][x.v] == stamp && self.reached[1][x.u] == stamp {
                candidates.push((e, x.v, x.u));
            }
        }
        if candidates.is_empty() {
            return false;
        }
        let depth = |which: usize, mut x: usize| {
            let mut d = 0usize;
            while self.parent[which][x] != NONE {
                let e = self.graph.edges[self.parent[which][x]];
                x = if e.u == x { e.v } else { e.u };
                d += 1;
            }
            d
        };
        let mut scored: Vec<(usize, usize, usize, usize)> = candidates
            .iter()
            .map(|&(e, x, y)| (depth(0, x) + depth(1, y), e, x, y))
            .collect();
        scored.sort_unstable();
        scored.truncate(CANDIDATES);
        // The two searches' trees are overwritten by the rerouting: keep
        // each candidate's path now.
        let paths: Vec<(usize, Vec<usize>)> = scored
            .iter()
            .map(|&(_, e, x, y)| {
                let mut path = Vec::new();
                self.trace(0, x, &mut path);
                path.reverse();
                path.push(e);
                self.trace(1, y, &mut path);
                (e, simple(self.graph, a, path))
            })
            .collect();
        for (full, path) in paths {
            let Some(&ripped) = self.users[full].first() else {
                continue;
            };
            let other = self.routes[ripped].demand;
            self.remove(ripped);
            log.push(Step::Removed(ripped));
            let amount = path
                .iter()
                .map(|&e| self.open[e])
                .fold(self.left[demand], u64::min);
            if amount > 0 {
                let id = self.add(demand, path, amount);
                log.push(Step::Added(id));
                self.route(other, usize::MAX, log);
                self.route(demand, usize::MAX, log);
                if self.total <= before && levels > 1 && self.left[other] > 0 {
                    self.augment(other, levels - 1, log);
                }
            }
            if self.total > before {
                return true;
            }
            self.undo(log, mark);
        }
        false
    }
}

/// What rerouting gives: the bound, and per edge whether it has capacity
/// left (unused by the packing, or a frustrated edge not fully routed).
pub(super) struct Rerouted {
    pub(super) lower: u64,
    pub(super) spare: Vec<bool>,
    pub(super) cut: bool,
}

impl Routing<'_, '_> {
    fn outcome(&self, cut: bool) -> Rerouted {
        Rerouted {
            lower: self.total,
            spare: (0..self.open.len())
                .map(|e| self.open[e] > 0 || self.left[e] > 0)
                .collect(),
            cut,
        }
    }
}

/// The path `path` (edges, from `start`) with its closed detours cut out:
/// a simple path between the same ends over a subset of its edges.
fn simple(graph: &WGraph<'_>, start: usize, path: Vec<usize>) -> Vec<usize> {
    let mut nodes = vec![start];
    let mut kept: Vec<usize> = Vec::with_capacity(path.len());
    for e in path {
        let x = *nodes.last().unwrap_or(&start);
        let edge = &graph.edges[e];
        let y = if edge.u == x { edge.v } else { edge.u };
        if let Some(at) = nodes.iter().position(|&z| z == y) {
            nodes.truncate(at + 1);
            kept.truncate(at);
        } else {
            nodes.push(y);
            kept.push(e);
        }
    }
    kept
}

impl WGraph<'_> {
    /// The packing bound of `side`'s frustrated edges by routing: the
    /// greedy of shortest paths first, then rip-up-and-reroute passes
    /// `levels` deep while they gain, until the deadline or until the
    /// searches have scanned `budget` adjacency entries (the packing is
    /// valid wherever it stops). Also says whether the deadline cut it
    /// short.
    pub(super) fn rerouted_packing(
        &self,
        side: &[bool],
        levels: usize,
        budget: u64,
        deadline: Option<Instant>,
    ) -> Rerouted {
        let mut routing = Routing::new(self, side);
        routing.budget = budget;
        let cut = routing.pack(levels, deadline);
        routing.outcome(cut)
    }
}

impl Routing<'_, '_> {
    /// The greedy routing, then the rerouting passes `levels` deep (none
    /// for 0); true when the deadline cut them short.
    fn pack(&mut self, levels: usize, deadline: Option<Instant>) -> bool {
        let demands: Vec<usize> = (0..self.graph.edges.len())
            .filter(|&e| self.frustrated[e])
            .collect();
        let mut log = Vec::new();
        for depth in [2, 3, 4, usize::MAX] {
            for &f in &demands {
                self.route(f, depth, &mut log);
                log.clear();
            }
        }
        if levels == 0 {
            return false;
        }
        let out_of_time = || deadline.is_some_and(|d| Instant::now() >= d);
        loop {
            let before = self.total;
            for &f in &demands {
                if self.left[f] == 0 {
                    continue;
                }
                if self.work >= self.budget {
                    return false;
                }
                if out_of_time() {
                    return true;
                }
                self.augment(f, levels, &mut log);
                log.clear();
            }
            if self.total == before {
                return false;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::lp::tests::{brute_force, random_edges};
    use super::super::weighted::WGraph;
    use super::Routing;
    use crate::util::rng::SplitMix64;

    #[test]
    fn the_routes_close_unbalanced_cycles_within_the_weights_and_bound_the_optimum() {
        let mut rng = SplitMix64(1616);
        let mut gained = 0;
        for round in 0..300 {
            let n = 3 + round % 10;
            let m = n + rng.below(4 * n);
            let edges = random_edges(&mut rng, n, m);
            let graph = WGraph::new(n, &edges);
            let optimum = brute_force(&graph);
            let (side, _) = graph.local_search(4, &mut rng, None);
            let mut routing = Routing::new(&graph, &side);
            routing.pack(0, None);
            let greedy = routing.total;
            assert!(!routing.pack(2, None));
            gained += usize::from(routing.total > greedy);
            let mut load = vec![0u64; edges.len()];
            let mut total = 0;
            for route in routing.routes.iter().filter(|r| r.alive) {
                let f = edges[route.demand];
                assert!(graph.frustrated(route.demand, &side), "round {round}");
                // The path joins the demand's ends (either way), is simple
                // and unfrustrated: with the demand, an unbalanced cycle.
                let start = if route.edges.first().is_some_and(|&e| {
                    let x = edges[e];
                    x.u == f.u || x.v == f.u
                }) {
                    f.u
                } else {
                    f.v
                };
                let mut at = start;
                let mut seen = vec![at];
                for &e in &route.edges {
                    let x = edges[e];
                    assert!(x.u == at || x.v == at, "round {round}: not a path");
                    assert!(!graph.frustrated(e, &side), "round {round}");
                    at = if x.u == at { x.v } else { x.u };
                    assert!(!seen.contains(&at), "round {round}: not simple");
                    seen.push(at);
                    load[e] += route.amount;
                }
                assert_eq!(at, if start == f.u { f.v } else { f.u }, "round {round}");
                let odd = route.edges.iter().filter(|&&e| edges[e].negative).count() % 2;
                assert_eq!(odd == 1, !f.negative, "round {round}: balanced cycle");
                load[route.demand] += route.amount;
                total += route.amount;
            }
            assert_eq!(total, routing.total, "round {round}");
            for (e, x) in edges.iter().enumerate() {
                assert!(
                    load[e] <= x.weight,
                    "round {round}: edge {e} over its weight"
                );
            }
            assert!(total <= optimum, "round {round}: {total} > {optimum}");
        }
        assert!(gained > 0, "rerouting never gained");
    }
}
