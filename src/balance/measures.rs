//! The balance measures of a signed graph, and their results: the strict
//! balance test ([`Balance`]: two camps, or an unbalanced cycle), the weak
//! (k-camp) balance test of Davis ([`WeakBalance`]: camps, or a negative
//! edge inside a positive component with the path closing it), walk balance
//! (Estrada) and the triangle census ([`TriangleCensus`]).
//!
//! Strict balance is a breadth-first search putting the ends of positive
//! edges in the same camp and of negative edges in opposite camps; a
//! conflict closes a cycle in the search tree with an odd number of negative
//! edges. Weak balance takes the components of the positive edges as the
//! camps. Walk balance compares the closed walks of the signed adjacency
//! matrix with those of its absolute value through their eigenvalues. The
//! census orients each edge from lower to higher (degree, index) and
//! intersects out-neighbour lists. The public entry points, with their
//! complexity, are [`SignedGraph`]'s methods.

use std::collections::{HashMap, VecDeque};

use crate::balance::SignedGraph;

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
///
/// Triangles are counted, not weighed. In a multigraph every choice of one
/// tie per side is a triangle: a triangle with an ambivalent side counts
/// once with each of its two ties.
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
    /// The node triples with an unbalanced triangle (`++-` or `---`), as
    /// sorted triples, in order, each once.
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

/// The strict balance test: see [`SignedGraph::balance`].
pub(crate) fn balance(graph: &SignedGraph) -> Balance {
    let n = graph.nodes().len();
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
            for &(v, e) in &graph.adjacency()[u] {
                let want = match graph.edges()[e].sign {
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
                        return unbalanced_cycle(graph, u, v, e, &parent, &depth);
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
    graph: &SignedGraph,
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
        let other = if graph.edges()[edge].a == at {
            graph.edges()[edge].b
        } else {
            graph.edges()[edge].a
        };
        nodes.push(other);
        at = other;
    }
    let mut down: Vec<usize> = Vec::new();
    let mut at_v = start_v;
    let mut path_v = vec![start_v];
    for &edge in &up_v {
        let other = if graph.edges()[edge].a == at_v {
            graph.edges()[edge].b
        } else {
            graph.edges()[edge].a
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

/// The weak balance test: see [`SignedGraph::weak_balance`].
pub(crate) fn weak_balance(graph: &SignedGraph) -> WeakBalance {
    let n = graph.nodes().len();
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
            for &(v, e) in &graph.adjacency()[u] {
                if graph.edges()[e].sign > 0 && component[v] == usize::MAX {
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
    let inside = graph
        .edges()
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

/// Walk balance: see [`SignedGraph::walk_balance`].
pub(crate) fn walk_balance(graph: &SignedGraph) -> f64 {
    let n = graph.nodes().len();
    if n == 0 {
        return 1.0;
    }
    // Entries count ties (weights do not enter); an ambivalent pair is +1 and
    // −1 at once: 0 in A, 2 in |A|.
    let mut signed = nalgebra::DMatrix::<f64>::zeros(n, n);
    let mut absolute = nalgebra::DMatrix::<f64>::zeros(n, n);
    for e in graph.edges() {
        let s = f64::from(e.sign);
        signed[(e.a, e.b)] += s;
        signed[(e.b, e.a)] += s;
        absolute[(e.a, e.b)] += 1.0;
        absolute[(e.b, e.a)] += 1.0;
    }
    // exp(λ) can overflow for dense graphs: scale both sums by exp(−λmax(|A|)),
    // which is the largest eigenvalue of either matrix (Perron–Frobenius).
    let lambda_signed = signed.symmetric_eigenvalues();
    let lambda_absolute = absolute.symmetric_eigenvalues();
    let top = lambda_absolute
        .iter()
        .copied()
        .fold(f64::NEG_INFINITY, f64::max);
    let sum = |values: &nalgebra::DVector<f64>| values.iter().map(|l| (l - top).exp()).sum::<f64>();
    sum(&lambda_signed) / sum(&lambda_absolute)
}

/// The triangle census: see [`SignedGraph::triangles`].
pub(crate) fn triangles(graph: &SignedGraph) -> TriangleCensus {
    let n = graph.nodes().len();
    let rank = |v: usize| (graph.adjacency()[v].len(), v);
    let mut out: Vec<Vec<(usize, i8)>> = vec![Vec::new(); n];
    for e in graph.edges() {
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
                    // A common neighbour w; with an ambivalent pair, a side has
                    // two ties, and every choice of one tie per side counts.
                    let w = a[i].0;
                    let (i_end, j_end) = (run_end(a, i), run_end(b, j));
                    let mut unbalanced = false;
                    for &(_, s_uw) in &a[i..i_end] {
                        for &(_, s_vw) in &b[j..j_end] {
                            let negatives = [s_uv, s_uw, s_vw].iter().filter(|&&s| s < 0).count();
                            match negatives {
                                0 => census.ppp += 1,
                                1 => census.ppn += 1,
                                2 => census.pnn += 1,
                                _ => census.nnn += 1,
                            }
                            unbalanced |= negatives % 2 == 1;
                        }
                    }
                    if unbalanced {
                        let mut t = [u, v, w];
                        t.sort_unstable();
                        census.unbalanced.push(t);
                    }
                    i = i_end;
                    j = j_end;
                }
            }
        }
    }
    census.unbalanced.sort_unstable();
    // A triple reached through both ties of an ambivalent pair u–v is listed once.
    census.unbalanced.dedup();
    census
}

/// The end of the run of entries for the same neighbour as `list[i]`, in a
/// list sorted by neighbour (a multigraph's pair can have two entries).
pub(crate) fn run_end<T>(list: &[(usize, T)], i: usize) -> usize {
    let mut end = i + 1;
    while end < list.len() && list[end].0 == list[i].0 {
        end += 1;
    }
    end
}
