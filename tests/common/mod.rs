//! Fixtures shared by the integration tests. Two crates include this file:
//! `tests/it/main.rs` (as `crate::common`, for every capability module) and
//! `tests/browser.rs`; neither uses every fixture.
#![allow(dead_code)]

use proptest::prelude::*;
use stancegraph::{
    Scenario,
    balance::SignedGraph,
    discourse::{Level, NetworkMode, NetworkOptions, NetworkType},
    io::StatementsCsv,
};

/// The founding scenario, `examples/data/istanbul-talks.yaml`.
pub fn founding() -> Scenario {
    Scenario::load(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/istanbul-talks.yaml"
    ))
    .unwrap()
}

/// How the DNA sample's statements table is read: organisations as actors,
/// their people as speakers, the concept as the issue.
pub fn dna_statements() -> StatementsCsv {
    StatementsCsv::new("organization", "concept", "agreement")
        .speaker("person")
        .date("date")
        .quote("text")
        .source("document_title")
        .id("statement_id")
}

/// The DNA sample (`tests/data/dna_sample_statements.csv`).
pub fn dna_sample() -> Scenario {
    dna_statements()
        .read_str(
            include_str!("../data/dna_sample_statements.csv"),
            "dna_sample_statements.csv",
        )
        .unwrap()
}

/// A network of the given mode and type between organisations (DNA's
/// organisation network): each statement counts for the top of its
/// speaker's `speaks_for` chain.
pub fn organisations(mode: NetworkMode, kind: NetworkType) -> NetworkOptions {
    NetworkOptions::new(mode, kind).with_level(Level::Principal)
}

/// Every signed graph of an edge list (one per period).
pub fn read_graphs(text: &str, origin: &str) -> Vec<SignedGraph> {
    SignedGraph::read_edges(text, origin).unwrap()
}

/// The first (for a list without periods, the only) signed graph of an edge list.
pub fn read_graph(text: &str, origin: &str) -> SignedGraph {
    read_graphs(text, origin).remove(0)
}

/// Read's Gahuku–Gama tribes of the New Guinea highlands
/// (`tests/data/highland_tribes.csv`).
pub fn tribes() -> SignedGraph {
    read_graph(
        include_str!("../data/highland_tribes.csv"),
        "highland_tribes.csv",
    )
}

/// The one random signed graph of the property tests: `n` nodes (`n0`,
/// `n1`, …; isolated ones included) from `nodes`, and up to `max_edges`
/// distinct pairs with random signs, as `(n, [(a, b, positive)])` so that a
/// test can also rebuild it in another order. Build it with [`signed_graph`].
pub fn signed_plan(
    nodes: std::ops::RangeInclusive<usize>,
    max_edges: usize,
) -> impl Strategy<Value = (usize, Vec<(usize, usize, bool)>)> {
    nodes.prop_flat_map(move |n| {
        let pairs: Vec<(usize, usize)> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect();
        let count = pairs.len();
        (
            Just(n),
            proptest::sample::subsequence(pairs, 0..=count.min(max_edges)),
            proptest::collection::vec(any::<bool>(), count),
        )
            .prop_map(|(n, chosen, signs)| {
                let edges = chosen
                    .into_iter()
                    .zip(signs)
                    .map(|((a, b), s)| (a, b, s))
                    .collect();
                (n, edges)
            })
    })
}

/// The signed graph of a [`signed_plan`]: nodes `n0`…, edges in the order given.
pub fn signed_graph(n: usize, edges: &[(usize, usize, bool)]) -> SignedGraph {
    let nodes = (0..n).map(|i| format!("n{i}")).collect();
    let triples: Vec<(usize, usize, i8)> = edges
        .iter()
        .map(|&(a, b, s)| (a, b, if s { 1 } else { -1 }))
        .collect();
    SignedGraph::from_edges(nodes, &triples).unwrap()
}

/// A deterministic pseudo-random sequence for tests that need arbitrary but
/// reproducible values from a seed: Knuth's MMIX linear congruential
/// generator, yielding the high 31 bits of its state (the low bits of an
/// LCG are far from random). Not for anything but tests.
pub struct Lcg(u64);

impl Lcg {
    /// The sequence that starts from `seed`.
    pub fn new(seed: u64) -> Self {
        Lcg(seed)
    }

    /// The next value, in `0..2^31`.
    pub fn next_value(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    /// Shuffles `items` in place (Fisher–Yates, from the last item down).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.next_value() as usize % (i + 1);
            items.swap(i, j);
        }
    }
}

/// `items` shuffled in place by the [`Lcg`] sequence of `seed`: the same seed
/// always gives the same order.
pub fn shuffle<T>(items: &mut [T], seed: u64) {
    Lcg::new(seed).shuffle(items);
}

/// Runs the `stancegraph` binary with `args` and returns what it did.
#[cfg(feature = "cli")]
pub fn stancegraph(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_stancegraph"))
        .args(args)
        .output()
        .unwrap()
}

/// A fresh scratch directory for one test, `stancegraph-NAME-PID` under the
/// system's temporary directory (created if missing), removed with everything
/// in it when the guard is dropped — also when the test fails — so that runs
/// leave nothing behind in the temporary directory.
pub fn scratch_dir(name: &str) -> ScratchDir {
    let dir = std::env::temp_dir().join(format!("stancegraph-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    ScratchDir(dir)
}

/// A test's scratch directory (see [`scratch_dir`]); it reads as its path.
pub struct ScratchDir(std::path::PathBuf);

impl std::ops::Deref for ScratchDir {
    type Target = std::path::Path;
    fn deref(&self) -> &std::path::Path {
        &self.0
    }
}

impl AsRef<std::path::Path> for ScratchDir {
    fn as_ref(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        // Best effort: a directory already removed by the test is fine.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Whether an element of a page or drawing has `class` among its classes.
pub fn has_class(node: &roxmltree::Node<'_, '_>, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|w| w == class))
}

/// How many elements of a parsed page or drawing have `class`.
pub fn count_class(doc: &roxmltree::Document<'_>, class: &str) -> usize {
    doc.descendants().filter(|n| has_class(n, class)).count()
}

/// The frustration index by brute force: the least total weight out of place
/// over every 2-colouring (the first node's camp fixed), for ≤ 20 nodes.
pub fn brute_force_frustration(g: &SignedGraph) -> f64 {
    let n = g.nodes().len();
    (0u32..1 << n.saturating_sub(1))
        .map(|mask| {
            g.edges()
                .iter()
                .filter(|e| ((mask >> e.a & 1) == (mask >> e.b & 1)) != (e.sign > 0))
                .map(|e| e.weight)
                .sum::<f64>()
        })
        .fold(f64::INFINITY, f64::min)
}
