//! Why each frustrated edge is out of place: the unbalanced cycle that
//! closes it by a shortest path of unfrustrated edges
//! ([`Frustration::tensions`]), found by breadth-first search from both ends
//! at once.

use super::{Frustration, Tension};
use crate::balance::SignedGraph;

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
