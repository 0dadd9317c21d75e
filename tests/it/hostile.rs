//! Hostile input: every file in `tests/hostile/` makes the `stancegraph`
//! binary exit with code 2 and a message naming the file and the place, in
//! a few seconds, without a panic.

use crate::common::{self, stancegraph};
use std::path::Path;
use std::time::{Duration, Instant};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");

/// How long one run may take (a debug build on a slow machine included).
const LIMIT: Duration = Duration::from_secs(10);

/// Runs the binary, checks exit code 2, the time, that it did not panic, and
/// returns stderr.
fn refused(args: &[&str]) -> String {
    refused_within(args, LIMIT)
}

fn refused_within(args: &[&str], limit: Duration) -> String {
    let start = Instant::now();
    let out = stancegraph(args);
    let took = start.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(took < limit, "{args:?} took {took:?}");
    stderr
}

fn path(name: &str) -> String {
    format!("{DIR}/{name}")
}

/// (subcommand and flags, file, what stderr must contain after the file name).
const CASES: &[(&[&str], &str, &str)] = &[
    (
        &["validate"],
        "billion_laughs.yaml",
        ":6:14: the document expands past its limit",
    ),
    (
        &["validate"],
        "deep_nesting.yaml",
        ":1:264: recursion limit exceeded",
    ),
    (
        &["validate"],
        "deep_nesting.json",
        ":1:12: invalid type: sequence, expected an actor",
    ),
    (
        &["validate"],
        "deep_nesting.toml",
        ":1:90: cannot recurse further",
    ),
    (
        &["validate"],
        "duplicate_key.yaml",
        ":5:5: duplicate mapping key: name",
    ),
    (
        &["validate"],
        "duplicate_key.json",
        ":1:73: duplicate field `kind` in an actor (at actors[0])",
    ),
    (
        &["validate"],
        "invalid_utf8.yaml",
        ":2:28: the file is not valid UTF-8",
    ),
    (
        &["validate"],
        "nul_byte.yaml",
        ":2:26: unexpected character",
    ),
    (&["validate"], "empty.yaml", ": the file is empty"),
    (
        &["validate"],
        "impossible_date.yaml",
        ":6: positions[0], field `date`: invalid date `2025-02-30`: day 30 does not exist in 2025-02",
    ),
    (
        &["validate"],
        "date_out_of_range.json",
        ": positions[0], field `date`: invalid date `99999-01-01`",
    ),
    (
        &["validate"],
        "speaks_for_cycle.yaml",
        ":2: actors[0] (a), field `speaks_for`: `speaks_for` cycle: a -> b -> a",
    ),
    (
        &["network"],
        "unknown_stance.csv",
        ":3: rows[2], field `stance`: `maybe` is not in the mapping (support=support",
    ),
    (
        &["network"],
        "ragged.csv",
        ":3: rows[2]: the row has a different number of fields than the header",
    ),
    (
        &["network"],
        "unterminated_quote.csv",
        ":2: rows[1]: the row has a different number of fields than the header (an unclosed quote",
    ),
    (
        &["network"],
        "missing_column.csv",
        ": header, field `issue`: no such column in the header",
    ),
    (
        &["balance", "--edges"],
        "nan_sign_edges.csv",
        ":2: rows[1], field `sign`: not a non-zero number",
    ),
    (
        &["balance", "--edges"],
        "self_loop_edges.csv",
        ":2: rows[1], field `target`: a node tied to itself",
    ),
    #[cfg(feature = "dna")]
    (
        &["network"],
        "not_sqlite.dna",
        ": not a readable SQLite database: file is not a database",
    ),
    #[cfg(feature = "dna")]
    (
        &["network"],
        "truncated.dna",
        ": not a readable SQLite database",
    ),
    #[cfg(feature = "dna")]
    (
        &["network"],
        "other_schema.dna",
        ": not a DNA database: table DOCUMENTS is missing",
    ),
];

#[test]
fn every_hostile_file_is_refused_with_its_place() {
    for (command, file, expected) in CASES {
        let full = path(file);
        let mut args = command.to_vec();
        args.push(&full);
        let stderr = refused(&args);
        let wanted = format!("{full}{expected}");
        assert!(
            stderr.contains(&wanted),
            "{file}: wanted {wanted:?}, got {stderr}"
        );
    }
}

/// Every subcommand reads its input through one detector: the hostile
/// tables and databases `network` refuses, `validate`, `show` and `check`
/// refuse with the same message.
#[test]
fn every_subcommand_refuses_hostile_tables_alike() {
    for (command, file, expected) in CASES {
        if command != &["network"] {
            continue;
        }
        let full = path(file);
        let wanted = format!("{full}{expected}");
        for other in ["validate", "show", "check"] {
            let stderr = refused(&[other, &full]);
            assert!(
                stderr.contains(&wanted),
                "{other} {file}: wanted {wanted:?}, got {stderr}"
            );
        }
    }
}

#[test]
fn every_file_in_the_folder_has_a_case() {
    for entry in std::fs::read_dir(DIR).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name == "README.md" {
            continue;
        }
        assert!(
            CASES.iter().any(|(_, file, _)| *file == name) || !cfg!(feature = "dna"),
            "{name} has no case"
        );
    }
}

#[test]
fn missing_files_directories_and_the_other_sign_of_a_pair_are_refused() {
    let stderr = refused(&["validate", "/nonexistent/scenario.yaml"]);
    assert!(
        stderr.contains("/nonexistent/scenario.yaml: No such file or directory"),
        "{stderr}"
    );
    let dir = std::env::temp_dir().join(format!("stancegraph-hostile-{}.yaml", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let stderr = refused(&["validate", dir.to_str().unwrap()]);
    assert!(stderr.contains(dir.to_str().unwrap()), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
    let stderr = refused(&["network", "/nonexistent/statements.csv"]);
    assert!(stderr.contains("/nonexistent/statements.csv"), "{stderr}");
}

/// A million actors with the same id: every duplicate is reported (none is
/// silently dropped), quickly, naming each record.
#[test]
fn a_million_duplicate_ids_are_each_reported() {
    let dir = common::scratch_dir("dup");
    let file = dir.join("dup.json");
    let mut text = String::from("{\"actors\": [");
    for i in 0..1_000_000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str("{\"id\":\"x\",\"name\":\"X\",\"kind\":\"state\"}");
    }
    text.push_str("]}");
    std::fs::write(&file, text).unwrap();
    // 2 s in a release build (BENCHMARKS.md); a debug build is slower.
    let stderr = refused_within(
        &["validate", file.to_str().unwrap()],
        Duration::from_secs(90),
    );
    assert_eq!(stderr.lines().count(), 999_999, "one line per duplicate");
    assert!(
        stderr.lines().last().unwrap().ends_with(
            "dup.json: actors[999999] (x), field `id`: duplicate id `x`, first used by actors[0] (x)"
        ),
        "{}",
        stderr.lines().last().unwrap()
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(Path::new(DIR).is_dir());
}

/// `--skip-bad-rows` imports the good rows and names every skipped one, with
/// the count; without it the same file is refused.
#[test]
fn skipping_bad_rows_reports_each_one() {
    let file = path("unknown_stance.csv");
    refused(&["network", &file]);
    let out = stancegraph(&["network", &file, "--skip-bad-rows", "--format", "json"]);
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("{file}: skipped 1 bad row:\n")),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "  {file}:3: rows[2], field `stance`: `maybe` is not in the mapping"
        )),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rows"], serde_json::json!(["us"]));
}
