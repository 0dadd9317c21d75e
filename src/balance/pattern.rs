//! Generalised blockmodels: `k` blocks with a user-given pattern of
//! expected signs per pair of blocks (Doreian and Mrvar 2009, "Partitioning
//! signed social networks", *Social Networks* 31), e.g. mediators — a block
//! positive to two blocks that are hostile to each other.
//!
//! # Criterion
//!
//! Each pair of blocks (a block with itself too) is expected *positive*
//! (`+`: its negative ties are out of place), *negative* (`-`: its positive
//! ties are out of place) or *either* (`.`: nothing is out of place). The
//! criterion is `alpha · (negative ties in positive blocks) + (1 − alpha) ·
//! (positive ties in negative blocks)`, as for
//! [`SignedGraph::blockmodel`], which is the pattern `+` on the diagonal and
//! `-` elsewhere with unlabelled blocks. Here blocks are labelled: block `i`
//! is row `i` of the pattern, and every block has a member (when there are
//! at least `k` nodes).
//!
//! # Search
//!
//! Exhaustive over the `kⁿ` labellings, depth first with the criterion so
//! far as a bound, when `kⁿ` is at most the options' `exact_limit` (then the
//! result is proven optimal); otherwise local search — single-node moves to
//! the block that lowers the criterion most, each move O(k + degree) thanks
//! to per-node counts of ties into each block — from `restarts` seeded
//! random labellings.

use std::fmt;
use std::str::FromStr;

use crate::balance::{BlockmodelOptions, SignedGraph};
use crate::error::Problem;
use crate::util::rng::SplitMix64;
use crate::{Error, Result};

/// The sign a pair of blocks expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Expect {
    /// `+`: negative ties between (or inside) them are out of place.
    Positive,
    /// `-`: positive ties are out of place.
    Negative,
    /// `.`: any tie fits.
    Either,
}

/// A pattern of expected signs for `k` blocks: a symmetric `k × k` matrix
/// of [`Expect`].
///
/// Written as rows separated by `;` (or `/`), each row `k` characters among
/// `+`, `-` and `.`: `"+-;-+"` is structural balance with two camps,
/// `"+-+;-++;+++"` two hostile camps and a block of mediators friendly to
/// both.
///
/// ```
/// use stancegraph::balance::{BlockPattern, Expect};
///
/// let mediators: BlockPattern = "+-+;-++;+++".parse()?;
/// assert_eq!(mediators.k(), 3);
/// assert_eq!(mediators.expected(0, 1), Expect::Negative);
/// assert_eq!(mediators.to_string(), "+-+;-++;+++");
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BlockPattern {
    k: usize,
    cells: Vec<Expect>,
}

impl BlockPattern {
    /// The number of blocks.
    pub fn k(&self) -> usize {
        self.k
    }

    /// What the pair of blocks `(i, j)` expects.
    pub fn expected(&self, i: usize, j: usize) -> Expect {
        self.cells[i * self.k + j]
    }

    /// Structural balance with `k` camps: `+` on the diagonal, `-`
    /// elsewhere.
    pub fn balance(k: usize) -> BlockPattern {
        let cells = (0..k * k)
            .map(|c| {
                if c / k == c % k {
                    Expect::Positive
                } else {
                    Expect::Negative
                }
            })
            .collect();
        BlockPattern { k, cells }
    }
}

impl FromStr for BlockPattern {
    type Err = Error;

    fn from_str(text: &str) -> Result<BlockPattern> {
        let bad = |reason: &'static str| Error::InvalidOptions {
            problems: vec![Problem::option("pattern", reason)],
        };
        let rows: Vec<&str> = text
            .split([';', '/'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .collect();
        let k = rows.len();
        if k == 0 {
            return Err(bad("is empty; write rows of +, - and . separated by ;"));
        }
        let mut cells = Vec::with_capacity(k * k);
        for row in &rows {
            let cs: Vec<char> = row.chars().filter(|c| !c.is_whitespace()).collect();
            if cs.len() != k {
                return Err(bad(
                    "must be square: k rows of k signs each (+, - or .), separated by ;",
                ));
            }
            for c in cs {
                cells.push(match c {
                    '+' => Expect::Positive,
                    '-' => Expect::Negative,
                    '.' | '?' | '*' => Expect::Either,
                    _ => return Err(bad("has a sign other than +, - and .")),
                });
            }
        }
        let pattern = BlockPattern { k, cells };
        let symmetric =
            (0..k).all(|i| (0..k).all(|j| pattern.expected(i, j) == pattern.expected(j, i)));
        if !symmetric {
            return Err(bad(
                "must be symmetric: ties are undirected, so blocks i and j expect what j and i do",
            ));
        }
        Ok(pattern)
    }
}

impl fmt::Display for BlockPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for i in 0..self.k {
            if i > 0 {
                f.write_str(";")?;
            }
            for j in 0..self.k {
                f.write_str(match self.expected(i, j) {
                    Expect::Positive => "+",
                    Expect::Negative => "-",
                    Expect::Either => ".",
                })?;
            }
        }
        Ok(())
    }
}

/// The best labelling of the nodes into a [`BlockPattern`]'s blocks found
/// by [`SignedGraph::fit_pattern`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct PatternFit {
    /// The pattern fitted.
    pub pattern: BlockPattern,
    /// The weight of a negative tie in a positive block (a positive tie in
    /// a negative block weighs `1 − alpha`).
    pub alpha: f64,
    /// Per node, its block (the pattern's row).
    pub block_of: Vec<usize>,
    /// The nodes of each block, in node order.
    pub blocks: Vec<Vec<usize>>,
    /// Negative ties in pairs of blocks expected positive.
    pub negative_in_positive: usize,
    /// Positive ties in pairs of blocks expected negative.
    pub positive_in_negative: usize,
    /// The out-of-place ties (edge indices, in order).
    pub misplaced: Vec<usize>,
    /// Whether every labelling was tried (the criterion is then optimal).
    pub exact: bool,
}

impl PatternFit {
    /// The criterion: `alpha · negative_in_positive + (1 − alpha) ·
    /// positive_in_negative`.
    pub fn criterion(&self) -> f64 {
        self.alpha * self.negative_in_positive as f64
            + (1.0 - self.alpha) * self.positive_in_negative as f64
    }

    /// The fit in words: the pattern, the criterion, each block's members
    /// and the out-of-place ties.
    pub fn explain(&self, graph: &SignedGraph) -> String {
        let name = |v: usize| graph.nodes().get(v).map_or("?", String::as_str);
        let mut out = format!(
            "Blockmodel of pattern {} ({} block{}): criterion {} ({} negative tie{} in positive blocks, {} positive tie{} in negative blocks, alpha {}), {}\n",
            self.pattern,
            self.pattern.k(),
            if self.pattern.k() == 1 { "" } else { "s" },
            self.criterion(),
            self.negative_in_positive,
            if self.negative_in_positive == 1 {
                ""
            } else {
                "s"
            },
            self.positive_in_negative,
            if self.positive_in_negative == 1 {
                ""
            } else {
                "s"
            },
            self.alpha,
            if self.exact {
                "proven optimal (every labelling tried)"
            } else {
                "by local search (not proven optimal)"
            }
        );
        for (i, block) in self.blocks.iter().enumerate() {
            let members: Vec<&str> = block.iter().map(|&v| name(v)).collect();
            out.push_str(&format!("  Block {}: {}\n", i + 1, members.join(", ")));
        }
        for &e in &self.misplaced {
            let edge = graph.edges()[e];
            out.push_str(&format!(
                "  misplaced: {} -- {} ({}, blocks {} and {})\n",
                name(edge.a),
                name(edge.b),
                if edge.sign > 0 {
                    "positive"
                } else {
                    "negative"
                },
                self.block_of[edge.a] + 1,
                self.block_of[edge.b] + 1
            ));
        }
        out
    }

    /// The fit as JSON: `pattern`, `alpha`, `criterion`,
    /// `negative_in_positive`, `positive_in_negative`, `exact`, `blocks`
    /// (lists of node names) and `misplaced` (`source`, `target`, `sign`).
    pub fn to_json(&self, graph: &SignedGraph) -> serde_json::Value {
        let name = |v: usize| graph.nodes().get(v).cloned().unwrap_or_default();
        serde_json::json!({
            "pattern": self.pattern.to_string(),
            "alpha": self.alpha,
            "criterion": self.criterion(),
            "negative_in_positive": self.negative_in_positive,
            "positive_in_negative": self.positive_in_negative,
            "exact": self.exact,
            "blocks": self.blocks.iter().map(|b| b.iter().map(|&v| name(v)).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "misplaced": self.misplaced.iter().map(|&e| {
                let edge = graph.edges()[e];
                serde_json::json!({"source": name(edge.a), "target": name(edge.b), "sign": edge.sign})
            }).collect::<Vec<_>>(),
        })
    }
}

/// The search's view of the graph: per node its neighbours and signs.
struct Search<'a> {
    pattern: &'a BlockPattern,
    alpha: f64,
    neighbours: Vec<Vec<(usize, bool)>>,
}

impl Search<'_> {
    /// The penalty of one tie of sign `positive` between blocks `b` and `c`.
    fn penalty(&self, b: usize, c: usize, positive: bool) -> f64 {
        match (self.pattern.expected(b, c), positive) {
            (Expect::Positive, false) => self.alpha,
            (Expect::Negative, true) => 1.0 - self.alpha,
            _ => 0.0,
        }
    }

    /// The criterion of a labelling.
    fn total(&self, label: &[usize]) -> f64 {
        let mut sum = 0.0;
        for (v, list) in self.neighbours.iter().enumerate() {
            for &(u, positive) in list.iter().filter(|&&(u, _)| u > v) {
                sum += self.penalty(label[v], label[u], positive);
            }
        }
        sum
    }

    /// Local search from `restarts` random labellings.
    // A move of node v reads and writes v's label, its block's size and its
    // neighbours' counts: indexing by v says that best.
    #[allow(clippy::needless_range_loop)]
    fn local(&self, n: usize, restarts: usize, seed: u64) -> Vec<usize> {
        let k = self.pattern.k();
        let mut rng = SplitMix64(seed);
        let mut best: Option<(f64, Vec<usize>)> = None;
        for _ in 0..restarts.max(1) {
            let mut label: Vec<usize> = (0..n).map(|v| v % k).collect();
            rng.shuffle(&mut label);
            let mut size = vec![0usize; k];
            label.iter().for_each(|&b| size[b] += 1);
            // count[v·k + c]: v's (positive, negative) ties into block c.
            let mut count = vec![(0u32, 0u32); n * k];
            for (v, list) in self.neighbours.iter().enumerate() {
                for &(u, positive) in list {
                    let slot = &mut count[v * k + label[u]];
                    if positive {
                        slot.0 += 1;
                    } else {
                        slot.1 += 1;
                    }
                }
            }
            let cost = |count: &[(u32, u32)], v: usize, b: usize| -> f64 {
                (0..k)
                    .map(|c| {
                        let (p, q) = count[v * k + c];
                        self.penalty(b, c, true) * f64::from(p)
                            + self.penalty(b, c, false) * f64::from(q)
                    })
                    .sum()
            };
            loop {
                let mut improved = false;
                for v in 0..n {
                    let from = label[v];
                    if size[from] == 1 && n >= k {
                        continue; // every block keeps a member
                    }
                    let here = cost(&count, v, from);
                    let (to, there) = (0..k)
                        .map(|b| (b, cost(&count, v, b)))
                        .min_by(|x, y| x.1.total_cmp(&y.1).then(x.0.cmp(&y.0)))
                        .unwrap_or((from, here));
                    if there < here - 1e-12 {
                        label[v] = to;
                        size[from] -= 1;
                        size[to] += 1;
                        for &(u, positive) in &self.neighbours[v] {
                            let (old, new) = (u * k + from, u * k + to);
                            if positive {
                                count[old].0 -= 1;
                                count[new].0 += 1;
                            } else {
                                count[old].1 -= 1;
                                count[new].1 += 1;
                            }
                        }
                        improved = true;
                    }
                }
                if !improved {
                    break;
                }
            }
            let score = self.total(&label);
            if best.as_ref().is_none_or(|(b, _)| score < b - 1e-12) {
                best = Some((score, label));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    /// Every labelling, depth first, pruned by the criterion so far.
    fn exhaustive(&self, n: usize, incumbent: Vec<usize>) -> Vec<usize> {
        let k = self.pattern.k();
        let mut best_score = self.total(&incumbent);
        let mut best = incumbent;
        let mut label = vec![0usize; n];
        let mut size = vec![0usize; k];
        self.visit(0, 0.0, &mut label, &mut size, &mut best_score, &mut best);
        best
    }

    fn visit(
        &self,
        v: usize,
        so_far: f64,
        label: &mut Vec<usize>,
        size: &mut Vec<usize>,
        best_score: &mut f64,
        best: &mut Vec<usize>,
    ) {
        let (n, k) = (label.len(), self.pattern.k());
        if so_far >= *best_score - 1e-12 {
            return;
        }
        let empty = size.iter().filter(|&&s| s == 0).count();
        if n >= k && empty > n - v {
            return; // too few nodes left to fill every block
        }
        if v == n {
            *best_score = so_far;
            best.clone_from(label);
            return;
        }
        for b in 0..k {
            let added: f64 = self.neighbours[v]
                .iter()
                .filter(|&&(u, _)| u < v)
                .map(|&(u, positive)| self.penalty(b, label[u], positive))
                .sum();
            label[v] = b;
            size[b] += 1;
            self.visit(v + 1, so_far + added, label, size, best_score, best);
            size[b] -= 1;
        }
    }
}

/// [`SignedGraph::fit_pattern`].
pub(crate) fn fit_pattern(
    graph: &SignedGraph,
    pattern: &BlockPattern,
    options: &BlockmodelOptions,
) -> Result<PatternFit> {
    if !(0.0..=1.0).contains(&options.alpha) {
        return Err(Error::InvalidOptions {
            problems: vec![Problem::option(
                "alpha",
                "must be a number from 0 to 1 (the weight of negative ties in positive blocks)",
            )],
        });
    }
    let n = graph.nodes().len();
    let k = pattern.k();
    let mut neighbours = vec![Vec::new(); n];
    for e in graph.edges() {
        neighbours[e.a].push((e.b, e.sign > 0));
        neighbours[e.b].push((e.a, e.sign > 0));
    }
    let search = Search {
        pattern,
        alpha: options.alpha,
        neighbours,
    };
    let labellings = (k as f64).powi(i32::try_from(n).unwrap_or(i32::MAX));
    let exact = labellings <= options.exact_limit as f64;
    let local = search.local(n, options.restarts, options.seed);
    let block_of = if exact {
        search.exhaustive(n, local)
    } else {
        local
    };
    let mut blocks = vec![Vec::new(); k];
    for (v, &b) in block_of.iter().enumerate() {
        blocks[b].push(v);
    }
    let (mut negative_in_positive, mut positive_in_negative) = (0, 0);
    let mut misplaced = Vec::new();
    for (i, e) in graph.edges().iter().enumerate() {
        match (pattern.expected(block_of[e.a], block_of[e.b]), e.sign > 0) {
            (Expect::Positive, false) => {
                negative_in_positive += 1;
                misplaced.push(i);
            }
            (Expect::Negative, true) => {
                positive_in_negative += 1;
                misplaced.push(i);
            }
            _ => {}
        }
    }
    Ok(PatternFit {
        pattern: pattern.clone(),
        alpha: options.alpha,
        block_of,
        blocks,
        negative_in_positive,
        positive_in_negative,
        misplaced,
        exact,
    })
}
