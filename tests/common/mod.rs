//! Fixtures shared by the integration tests (each test file that needs one
//! declares `mod common;`; not every file uses every fixture).
#![allow(dead_code)]

use stancegraph::{Scenario, io::StatementsCsv};

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
