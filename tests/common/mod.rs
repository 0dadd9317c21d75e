//! Fixtures shared by the integration tests (each test file that needs one
//! declares `mod common;`; not every file uses every fixture).
#![allow(dead_code)]

use proptest::prelude::*;
use stancegraph::{Scenario, balance::SignedGraph, io::StatementsCsv};

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
