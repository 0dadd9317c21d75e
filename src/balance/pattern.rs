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
//! criterion is `alpha · N + (1 − alpha) · P`, with N the total weight of
//! the negative ties in positive blocks and P that of the positive ties in
//! negative blocks, as for [`SignedGraph::blockmodel`], which is the pattern
//! `+` on the diagonal and `-` elsewhere with unlabelled blocks. Every edge
//! counts on its own: of an ambivalent pair (tied with both signs) one side
//! is out of place unless its pair of blocks expects either sign. Here
//! blocks are labelled: block `i` is row `i` of the pattern, and every block
//! has a member (when there are at least `k` nodes).
//!
//! # Search
//!
//! Exhaustive over the `kⁿ` labellings, depth first with the criterion so
//! far as a bound, when `kⁿ` is at most the options' `exact_limit` (then the
//! result is proven optimal); otherwise local search — single-node moves to
//! the block that lowers the criterion most, each move O(k + degree) thanks
//! to per-node totals of ties into each block — from `restarts` seeded
//! random labellings. Both add weights up as exact integer units
//! ([`Units`]) and convert back to weights only in the result.

use std::fmt;
use std::str::FromStr;

use crate::balance::{BlockmodelOptions, SignedGraph, Units};
use crate::error::Problem;
use crate::util::number::{json, text};
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
    /// How much negative ties in positive blocks count (positive ties in
    /// negative blocks count `1 − alpha`).
    pub alpha: f64,
    /// Per node, its block (the pattern's row).
    pub block_of: Vec<usize>,
    /// The nodes of each block, in node order.
    pub blocks: Vec<Vec<usize>>,
    /// The total weight of the negative ties in pairs of blocks expected
    /// positive (their number when every tie weighs 1).
    pub negative_in_positive: f64,
    /// The total weight of the positive ties in pairs of blocks expected
    /// negative (their number when every tie weighs 1).
    pub positive_in_negative: f64,
    /// The out-of-place ties (edge indices, in order).
    pub misplaced: Vec<usize>,
    /// Whether every labelling was tried on weights counted exactly (the
    /// criterion is then optimal; see
    /// [`WEIGHT_DECIMALS`](crate::balance::WEIGHT_DECIMALS)).
    pub exact: bool,
}

impl PatternFit {
    /// The criterion: `alpha · negative_in_positive + (1 − alpha) ·
    /// positive_in_negative` (total weights).
    pub fn criterion(&self) -> f64 {
        self.alpha * self.negative_in_positive + (1.0 - self.alpha) * self.positive_in_negative
    }

    /// The fit in words: the pattern, the criterion, each block's members
    /// and the out-of-place ties.
    pub fn explain(&self, graph: &SignedGraph) -> String {
        let name = |v: usize| graph.nodes().get(v).map_or("?", String::as_str);
        let (negative, positive) = (
            text(self.negative_in_positive),
            text(self.positive_in_negative),
        );
        let ties = if graph.is_weighted() {
            format!(
                "negative ties in positive blocks of total weight {negative}, positive ties in negative blocks of total weight {positive}"
            )
        } else {
            format!(
                "{negative} negative tie{} in positive blocks, {positive} positive tie{} in negative blocks",
                if self.negative_in_positive == 1.0 {
                    ""
                } else {
                    "s"
                },
                if self.positive_in_negative == 1.0 {
                    ""
                } else {
                    "s"
                },
            )
        };
        let mut out = format!(
            "Blockmodel of pattern {} ({} block{}): criterion {} ({ties}, alpha {}), {}\n",
            self.pattern,
            self.pattern.k(),
            if self.pattern.k() == 1 { "" } else { "s" },
            self.criterion(),
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
    /// `negative_in_positive`, `positive_in_negative` (total weights), `exact`,
    /// `blocks` (lists of node names) and `misplaced` (`source`, `target`,
    /// `sign`).
    pub fn to_json(&self, graph: &SignedGraph) -> serde_json::Value {
        let name = |v: usize| graph.nodes().get(v).cloned().unwrap_or_default();
        serde_json::json!({
            "pattern": self.pattern.to_string(),
            "alpha": self.alpha,
            "criterion": self.criterion(),
            "negative_in_positive": json(self.negative_in_positive),
            "positive_in_negative": json(self.positive_in_negative),
            "exact": self.exact,
            "blocks": self.blocks.iter().map(|b| b.iter().map(|&v| name(v)).collect::<Vec<_>>()).collect::<Vec<_>>(),
            "misplaced": self.misplaced.iter().map(|&e| {
                let edge = graph.edges()[e];
                serde_json::json!({"source": name(edge.a), "target": name(edge.b), "sign": edge.sign})
            }).collect::<Vec<_>>(),
        })
    }
}

/// Totals of out-of-place ties, in units: (negative ties in positive
/// blocks, positive ties in negative blocks).
type Totals = (u64, u64);

/// The search's view of the graph: per node its ties, with their signs and
/// weights in units.
struct Search<'a> {
    pattern: &'a BlockPattern,
    alpha: f64,
    /// Per node: (neighbour, positive tie?, units); an ambivalent pair gives
    /// two entries, one per sign.
    neighbours: Vec<Vec<(usize, bool, u64)>>,
    /// How much lower a criterion must be to count as lower, in units: a
    /// millionth of a millionth of a weight of 1.
    tolerance: f64,
}

impl Search<'_> {
    /// The criterion of these totals. Searches compare labellings by this
    /// value, always computed this way from the labelling's totals, so that
    /// an improvement is a decrease of one function of the labelling and the
    /// local search cannot cycle on rounding.
    fn score(&self, (negative, positive): Totals) -> f64 {
        self.alpha * negative as f64 + (1.0 - self.alpha) * positive as f64
    }

    /// What a tie of sign `positive` and `w` units between blocks `b` and
    /// `c` adds to the totals.
    fn misplaced(&self, b: usize, c: usize, positive: bool, w: u64) -> Totals {
        match (self.pattern.expected(b, c), positive) {
            (Expect::Positive, false) => (w, 0),
            (Expect::Negative, true) => (0, w),
            _ => (0, 0),
        }
    }

    /// The totals of a labelling.
    fn totals(&self, label: &[usize]) -> Totals {
        let mut sum = (0, 0);
        for (v, list) in self.neighbours.iter().enumerate() {
            for &(u, positive, w) in list.iter().filter(|&&(u, _, _)| u > v) {
                let (n, p) = self.misplaced(label[v], label[u], positive, w);
                sum = (sum.0 + n, sum.1 + p);
            }
        }
        sum
    }

    /// Local search from `restarts` random labellings.
    // A move of node v reads and writes v's label, its block's size and its
    // neighbours' tallies: indexing by v says that best.
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
            // tally[v·k + c]: units of v's (positive, negative) ties into block c.
            let mut tally = vec![(0u64, 0u64); n * k];
            for (v, list) in self.neighbours.iter().enumerate() {
                for &(u, positive, w) in list {
                    let slot = &mut tally[v * k + label[u]];
                    if positive {
                        slot.0 += w;
                    } else {
                        slot.1 += w;
                    }
                }
            }
            // The totals of v's ties were it in block b.
            let of = |tally: &[(u64, u64)], v: usize, b: usize| -> Totals {
                (0..k).fold((0, 0), |(n, p), c| {
                    let (positive, negative) = tally[v * k + c];
                    match self.pattern.expected(b, c) {
                        Expect::Positive => (n + negative, p),
                        Expect::Negative => (n, p + positive),
                        Expect::Either => (n, p),
                    }
                })
            };
            let mut total = self.totals(&label);
            loop {
                let mut improved = false;
                for v in 0..n {
                    let from = label[v];
                    if size[from] == 1 && n >= k {
                        continue; // every block keeps a member
                    }
                    // v's ties are part of the totals: the rest stays.
                    let here = of(&tally, v, from);
                    let rest = (total.0 - here.0, total.1 - here.1);
                    let (to, after, score) = (0..k)
                        .map(|b| {
                            let there = of(&tally, v, b);
                            let after = (rest.0 + there.0, rest.1 + there.1);
                            (b, after, self.score(after))
                        })
                        .min_by(|x, y| x.2.total_cmp(&y.2).then(x.0.cmp(&y.0)))
                        .unwrap_or((from, total, self.score(total)));
                    if score < self.score(total) - self.tolerance {
                        label[v] = to;
                        size[from] -= 1;
                        size[to] += 1;
                        total = after;
                        for &(u, positive, w) in &self.neighbours[v] {
                            let (old, new) = (u * k + from, u * k + to);
                            if positive {
                                tally[old].0 -= w;
                                tally[new].0 += w;
                            } else {
                                tally[old].1 -= w;
                                tally[new].1 += w;
                            }
                        }
                        improved = true;
                    }
                }
                if !improved {
                    break;
                }
            }
            let score = self.score(total);
            if best
                .as_ref()
                .is_none_or(|(b, _)| score < b - self.tolerance)
            {
                best = Some((score, label));
            }
        }
        best.map(|(_, l)| l).unwrap_or_default()
    }

    /// Every labelling, depth first, pruned by the criterion so far.
    fn exhaustive(&self, n: usize, incumbent: Vec<usize>) -> Vec<usize> {
        let k = self.pattern.k();
        let mut best_score = self.score(self.totals(&incumbent));
        let mut best = incumbent;
        let mut label = vec![0usize; n];
        let mut size = vec![0usize; k];
        self.visit(0, (0, 0), &mut label, &mut size, &mut best_score, &mut best);
        best
    }

    /// Places node `v`, with `so_far` the totals of the ties among the nodes
    /// placed so far. They only grow as nodes are placed, and the criterion
    /// is monotone in them (also in floating point), so the bound is safe.
    fn visit(
        &self,
        v: usize,
        so_far: Totals,
        label: &mut Vec<usize>,
        size: &mut Vec<usize>,
        best_score: &mut f64,
        best: &mut Vec<usize>,
    ) {
        let (n, k) = (label.len(), self.pattern.k());
        let score = self.score(so_far);
        if score >= *best_score - self.tolerance {
            return;
        }
        let empty = size.iter().filter(|&&s| s == 0).count();
        if n >= k && empty > n - v {
            return; // too few nodes left to fill every block
        }
        if v == n {
            *best_score = score;
            best.clone_from(label);
            return;
        }
        for b in 0..k {
            let added = self.neighbours[v].iter().filter(|&&(u, _, _)| u < v).fold(
                so_far,
                |(n, p), &(u, positive, w)| {
                    let (dn, dp) = self.misplaced(b, label[u], positive, w);
                    (n + dn, p + dp)
                },
            );
            label[v] = b;
            size[b] += 1;
            self.visit(v + 1, added, label, size, best_score, best);
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
    let units = Units::of(graph.edges());
    let mut neighbours = vec![Vec::new(); n];
    for (e, &w) in graph.edges().iter().zip(&units.units) {
        neighbours[e.a].push((e.b, e.sign > 0, w));
        neighbours[e.b].push((e.a, e.sign > 0, w));
    }
    let search = Search {
        pattern,
        alpha: options.alpha,
        neighbours,
        tolerance: 1e-12 * units.scale,
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
    let edges = graph.edges();
    let expected = |i: usize| {
        (
            pattern.expected(block_of[edges[i].a], block_of[edges[i].b]),
            edges[i].sign > 0,
        )
    };
    let misplaced: Vec<usize> = (0..edges.len())
        .filter(|&i| {
            matches!(
                expected(i),
                (Expect::Positive, false) | (Expect::Negative, true)
            )
        })
        .collect();
    let of_sign = |positive: bool| {
        misplaced
            .iter()
            .copied()
            .filter(move |&i| (edges[i].sign > 0) == positive)
    };
    Ok(PatternFit {
        pattern: pattern.clone(),
        alpha: options.alpha,
        negative_in_positive: units.weight_of(of_sign(false)),
        positive_in_negative: units.weight_of(of_sign(true)),
        block_of,
        blocks,
        misplaced,
        exact: exact && units.lossless,
    })
}
