//! Stage 1 of the frustration index: decomposition and reduction.
//!
//! Every cycle lies inside one biconnected component (block), so the index
//! is the sum over blocks and each block can be solved alone; bridges are
//! never frustrated. Blocks are found by Hopcroft and Tarjan's algorithm
//! (iterative). Inside a block, degree-one and degree-two nodes are folded
//! into their neighbours (a path of edges needs at most one frustrated edge:
//! it acts as one edge), parallel edges merge (same sign: weights add;
//! opposite signs: the lighter one is frustrated whatever the camps), and an
//! edge at least as heavy as all the other edges of one of its ends together
//! is contracted (it never needs to be frustrated). What is left is a small
//! weighted graph ([`Reduced`]); its solution expands back to the block's
//! nodes through the folds, and the blocks' camps are joined at their cut
//! nodes and made canonical per connected component.

use std::collections::VecDeque;

use super::weighted::WEdge;

/// Biconnected components as lists of edge indices (Hopcroft–Tarjan,
/// iterative), in a deterministic order.
pub(super) fn blocks(adjacency: &[Vec<(usize, usize)>]) -> Vec<Vec<usize>> {
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
pub(super) fn join_blocks(side: &mut [Option<bool>], block_sides: &[Vec<(usize, bool)>]) {
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
pub(super) fn canonical(
    n: usize,
    edges: &[crate::balance::SignedEdge],
    side: &[Option<bool>],
) -> Vec<bool> {
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
pub(super) struct Reduced {
    /// Original node of each local node.
    original: Vec<usize>,
    pub(super) n: usize,
    pub(super) edges: Vec<WEdge>,
    /// The folded nodes, in the order they were folded.
    folds: Vec<Fold>,
    /// For each local node: its index in the reduced graph, or none.
    kept: Vec<Option<usize>>,
}

impl Reduced {
    /// Reduces a block whose edges weigh `units` (by edge index); returns it
    /// and the weight frustrated whatever the camps.
    pub(super) fn build(
        block: &[usize],
        edges: &[crate::balance::SignedEdge],
        units: &[u64],
    ) -> (Reduced, u64) {
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
                    weight: units[e],
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

    /// The sides of the block's original nodes, from the reduced solution.
    pub(super) fn expand(&self, side: &[bool]) -> Vec<(usize, bool)> {
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
