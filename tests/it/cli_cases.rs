//! The command line on case folders: one summary per case, problems naming
//! their files, `--no-quote-check`, and the exit codes (0 / 2).

use std::path::{Path, PathBuf};

use crate::common::{ScratchDir, scratch_dir, stancegraph};

fn istanbul_case() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cases/istanbul")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A copy of the Istanbul case in a scratch folder, to break.
fn copy_of_istanbul(name: &str) -> ScratchDir {
    let dir = scratch_dir(&format!("cli-case-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    for file in [
        "actors.yaml",
        "issues.yaml",
        "sources/report.yaml",
        "sources/nato-freeze-article.txt",
        "statements-2025-05-29.yaml",
    ] {
        let to = dir.join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(istanbul_case().join(file), to).unwrap();
    }
    dir
}

#[test]
fn validate_prints_one_summary_for_a_case_and_exits_0() {
    let case = istanbul_case();
    let out = stancegraph(&["validate", case.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        format!(
            "{}: ok: case of 4 files, 17 actors, 6 issues, 4 relations, 18 positions, 1 source; \
             18 quotes verified\n",
            case.display()
        )
    );
}

#[test]
fn a_misquote_fails_validation_with_exit_2_unless_quotes_are_not_checked() {
    let dir = copy_of_istanbul("misquote");
    let statements = dir.join("statements-2025-05-29.yaml");
    let yaml = std::fs::read_to_string(&statements).unwrap();
    std::fs::write(
        &statements,
        yaml.replace("We will not compromise", "We will never compromise"),
    )
    .unwrap();
    let out = stancegraph(&["validate", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stdout).is_empty());
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("{}:", statements.display()))
            && err.contains("positions[7] (rutte-ukraine-nato), field `quote`")
            && err.contains("We will not compromise on Ukraine"),
        "{err}"
    );
    let out = stancegraph(&["validate", "--no-quote-check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).ends_with("; 18 quotes not checked (--no-quote-check)\n"));
    // Every subcommand reads cases, and takes the flag.
    let out = stancegraph(&["check", "--no-quote-check", dir.to_str().unwrap()]);
    assert!(text(&out.stdout).contains("coded in statements-2025-05-29.yaml"));
}

#[test]
fn a_missing_source_file_an_empty_folder_and_a_bad_file_exit_2() {
    let dir = copy_of_istanbul("missing");
    std::fs::remove_file(dir.join("sources/nato-freeze-article.txt")).unwrap();
    let out = stancegraph(&["validate", "--no-quote-check", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}:5: sources[0] (report), field `file`: cannot read `",
            dir.join("sources/report.yaml").display()
        )),
        "{err}"
    );

    let empty = scratch_dir("cli-case-empty");
    let out = stancegraph(&["validate", empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("the folder holds no scenario file"));

    let broken = copy_of_istanbul("broken");
    std::fs::write(broken.join("issues.yaml"), "issues: [\n").unwrap();
    let out = stancegraph(&["show", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with(&format!("{}:", broken.join("issues.yaml").display())));
}

#[test]
fn diff_compares_two_versions_of_a_case_folder() {
    let old = copy_of_istanbul("diff-old");
    let new = copy_of_istanbul("diff-new");
    // The next version: Rutte's red line is withdrawn.
    let statements = new.join("statements-2025-05-29.yaml");
    let yaml = std::fs::read_to_string(&statements).unwrap();
    let start = yaml.find("  - id: rutte-ukraine-nato").unwrap();
    let end = start + yaml[start..].find("  - id: pavel-ukraine-nato").unwrap();
    std::fs::write(&statements, format!("{}{}", &yaml[..start], &yaml[end..])).unwrap();
    let out = stancegraph(&[
        "diff",
        old.to_str().unwrap(),
        new.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["positions"]["removed"],
        serde_json::json!(["rutte-ukraine-nato"])
    );
    assert_eq!(json["contradictions"]["new"], serde_json::json!([]));
    assert_eq!(
        json["contradictions"]["resolved"].as_array().unwrap().len(),
        4
    );
    // A case diffed with itself says nothing changed.
    let out = stancegraph(&[
        "diff",
        old.to_str().unwrap(),
        old.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["positions"]["changed"], serde_json::json!([]));
    assert_eq!(json["ties"]["formed"], serde_json::json!([]));
}
