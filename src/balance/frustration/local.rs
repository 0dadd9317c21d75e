//! Stage 2a of the frustration index: the upper bound, by iterated local
//! search on a reduced block. Start from a spanning tree's camps, move
//! single nodes while that helps, perturb a node and part of its
//! neighbourhood and repeat, keeping the result when it is no worse; on
//! graphs up to 20,000 nodes some rounds restart from a shuffled spanning
//! tree. Deterministic for a given seed unless a deadline cuts it short.

use std::collections::VecDeque;
use std::time::Instant;

use super::weighted::WGraph;
use crate::util::rng::SplitMix64;

impl WGraph<'_> {
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

    /// Iterated local search: descend from a spanning tree's camps, then
    /// repeatedly flip a random node and part of its neighbourhood and
    /// descend again, keeping the result when it is no worse. Rounds are
    /// local (their cost is the moves they make), so there are at least as
    /// many as nodes; on graphs up to 20,000 nodes every eighth of the first
    /// `rounds` rounds starts afresh from a shuffled spanning tree instead.
    /// Also says whether the deadline cut it short.
    pub(super) fn local_search(
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
}

impl WGraph<'_> {
    /// `side` after single-node moves while one lowers the cost.
    pub(super) fn polish(&self, side: Vec<bool>) -> Vec<bool> {
        let mut climb = Climb::new(self, side);
        let mut queue: Vec<usize> = (0..self.n).collect();
        climb.descend(&mut queue);
        climb.side
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
