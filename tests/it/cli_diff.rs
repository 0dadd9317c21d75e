//! `stancegraph diff`: both modes as text and JSON (exit 0), and every way
//! to misuse it or feed it bad input (exit 2, naming the problem).

use std::path::Path;

use crate::common::{self, stancegraph};

/// The older version: NATO's red line and the US position before the offer.
fn old_version() -> String {
    format!(
        "{}positions:
  - {{id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line, date: 2025-05-01}}
  - {{id: us-before, actor: us, issue: freeze, stance: oppose, date: 2024-01-10}}
",
        crate::diff::ACTORS
    )
}

/// The newer version: Kellogg's offer reverses the US position, Russia
/// takes the other side.
fn new_version() -> String {
    format!(
        "{}  - {{id: offer, actor: kellogg, issue: freeze, stance: support, date: 2025-05-29,
     quote: \"That's one of the issues that Russia will bring up\"}}
  - {{id: moscow, actor: russia, issue: freeze, stance: oppose, date: 2025-05-30}}
",
        old_version()
    )
}

/// Two versions (and a broken file) written to a scratch folder.
struct Files {
    dir: common::ScratchDir,
}

impl Files {
    fn new(name: &str) -> Self {
        let dir = common::scratch_dir(name);
        std::fs::write(dir.join("old.yaml"), old_version()).unwrap();
        std::fs::write(dir.join("new.yaml"), new_version()).unwrap();
        std::fs::write(
            dir.join("bad.yaml"),
            "actors: [{id: a, name: A, kind: stat}]\n",
        )
        .unwrap();
        Files { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.join(name).to_str().unwrap().to_owned()
    }
}

/// Asserts that `text` contains each of `parts`.
fn has(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "missing {part:?} in\n{text}");
    }
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = stancegraph(args);
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn two_versions_as_a_changelog() {
    let files = Files::new("cli-diff-text");
    let (code, stdout, stderr) = run(&["diff", &files.path("old.yaml"), &files.path("new.yaml")]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("Changes from the older version to the newer one\n"),
        "{stdout}"
    );
    has(
        &stdout,
        &[
            "Positions: 2 added, 0 removed, 0 changed",
            "+ offer: United States, through Keith Kellogg, supports",
            "Who reversed: 1",
            "United States moved from oppose to support",
            "New contradictions: 1",
            "That's one of the issues that Russia will bring up",
            "+ Russia and United States are now in conflict",
        ],
    );
    // The same file twice: no change, still exit 0.
    let (code, stdout, _) = run(&["diff", &files.path("old.yaml"), &files.path("old.yaml")]);
    assert_eq!(code, Some(0));
    assert_eq!(
        stdout,
        "Changes from the older version to the newer one: none.\n"
    );
}

#[test]
fn two_versions_as_of_a_day_as_json() {
    let files = Files::new("cli-diff-json");
    let (code, stdout, stderr) = run(&[
        "diff",
        &files.path("old.yaml"),
        &files.path("new.yaml"),
        "--as-of",
        "2025-05-29",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["mode"], "versions");
    assert_eq!(json["as_of"], "2025-05-29");
    // Russia's position is dated the day after.
    assert_eq!(json["positions"]["added"], serde_json::json!(["offer"]));
    assert_eq!(
        json["positions"]["removed"],
        serde_json::json!(["us-before"])
    );
    assert_eq!(
        json["contradictions"]["new"].as_array().unwrap().len(),
        2,
        "{json:#}"
    );
    assert!(json["ties"]["formed"].as_array().unwrap().is_empty());
}

#[test]
fn one_case_between_two_days() {
    let files = Files::new("cli-diff-dates");
    let new = files.path("new.yaml");
    let (code, stdout, stderr) = run(&["diff", &new, "--from", "2025-05-15", "--to", "2025-06-01"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("Changes from 2025-05-15 to 2025-06-01\n"),
        "{stdout}"
    );
    has(
        &stdout,
        &[
            "Positions: 2 added, 1 removed, 0 changed",
            "- us-before: United States opposes",
        ],
    );
    let (code, stdout, _) = run(&[
        "diff",
        &new,
        "--from",
        "2025-05-15",
        "--to",
        "2025-06-01",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        (json["from"].as_str(), json["to"].as_str()),
        (Some("2025-05-15"), Some("2025-06-01"))
    );
    assert_eq!(
        json["positions"]["removed"],
        serde_json::json!(["us-before"])
    );
    assert_eq!(
        json["ties"]["formed"][0]["actors"],
        serde_json::json!(["russia", "us"])
    );
}

fn fails_with(args: &[&str], message: &str) {
    let (code, stdout, stderr) = run(args);
    assert_eq!(code, Some(2), "{args:?}: {stdout}{stderr}");
    assert!(stdout.is_empty(), "{args:?}: {stdout}");
    assert!(
        stderr.contains(message),
        "{args:?}: expected `{message}` in {stderr}"
    );
}

#[test]
fn bad_usage_and_bad_input_exit_2_naming_the_problem() {
    let files = Files::new("cli-diff-errors");
    let (old, new, bad) = (
        files.path("old.yaml"),
        files.path("new.yaml"),
        files.path("bad.yaml"),
    );
    fails_with(
        &["diff", &old],
        "give two versions (OLD NEW), or one CASE with --from and --to",
    );
    fails_with(
        &[
            "diff",
            &old,
            &new,
            "--from",
            "2025-01-01",
            "--to",
            "2025-02-01",
        ],
        "not both",
    );
    fails_with(&["diff", &old, "--from", "2025-01-01"], "--to");
    fails_with(&["diff", &old, "--to", "2025-01-01"], "--from");
    fails_with(
        &["diff", &old, "--from", "2025-02-01", "--to", "2025-01-01"],
        "--from 2025-02-01 is after --to 2025-01-01",
    );
    fails_with(
        &[
            "diff",
            &old,
            "--as-of",
            "2025-01-01",
            "--from",
            "2025-01-01",
            "--to",
            "2025-02-01",
        ],
        "--as-of",
    );
    fails_with(&["diff", &old, &new, "--as-of", "2025-02-30"], "2025-02-30");
    fails_with(&["diff", &old, &new, "--format", "html"], "html");
    fails_with(&["diff"], "<OLD>");
    let missing = files.path("missing.yaml");
    fails_with(&["diff", &old, &missing], "missing.yaml");
    // Both inputs invalid: both named, in one report.
    let (code, _, stderr) = run(&["diff", &bad, &missing]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("bad.yaml") && stderr.contains("unknown actor kind `stat`"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.yaml"), "{stderr}");
    fails_with(
        &["diff", &bad, "--from", "2025-01-01", "--to", "2025-02-01"],
        "bad.yaml",
    );
    assert!(Path::new(&old).exists());
}
