//! `stancegraph deals`: text, the JSON contract, the WCNF file, and the
//! exit codes (0 / 2).

use crate::common::{scratch_dir, stancegraph};

const FOUNDING: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/istanbul-talks.yaml"
);

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn deals_as_text_and_as_json_with_the_contracts_keys() {
    let out = stancegraph(&["deals", FOUNDING, "--parties", "us,nato,russia"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Deals among United States, NATO and Russia as of 2025-05-29 (9 claims):\n1. Cost: 1 red line.\n"), "{stdout}");

    let out = stancegraph(&[
        "deals",
        FOUNDING,
        "--parties",
        "us,nato,russia",
        "--keep",
        "nato",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "parties", "as_of", "claims", "feasible", "optimal", "complete", "deals",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["parties"], serde_json::json!(["us", "nato", "russia"]));
    assert_eq!(json["as_of"], "2025-05-29");
    assert_eq!(json["claims"], 9);
    assert_eq!(
        (
            json["feasible"].clone(),
            json["optimal"].clone(),
            json["complete"].clone()
        ),
        (true.into(), true.into(), true.into())
    );
    let deal = &json["deals"][0];
    assert_eq!(
        deal["cost"],
        serde_json::json!({"red_line": 2, "firm": 0, "negotiable": 1})
    );
    assert_eq!(
        deal["by_party"]["russia"],
        serde_json::json!({"red_line": 2, "firm": 0, "negotiable": 0})
    );
    let offer = &deal["concessions"][2];
    assert_eq!(offer["actor"], "us");
    assert_eq!(offer["issue"], "freeze-expansion");
    assert_eq!(offer["stance"], "support");
    assert_eq!(offer["firmness"], "negotiable");
    assert_eq!(
        offer["positions"],
        serde_json::json!(["kellogg-freeze", "trump-freeze"])
    );
}

#[test]
fn require_max_and_the_wcnf_file() {
    let dir = scratch_dir("cli-deals");
    let wcnf = dir.join("deals.wcnf");
    let out = stancegraph(&[
        "deals",
        FOUNDING,
        "--require",
        "full-ceasefire=oppose",
        "--max",
        "1",
        "--format",
        "json",
        "--wcnf",
        wcnf.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["deals"].as_array().unwrap().len(), 1);
    assert_eq!(json["complete"], false);
    let written = std::fs::read_to_string(&wcnf).unwrap();
    assert!(
        written.lines().any(|l| l.starts_with("p wcnf 6 ")),
        "{written}"
    );
    // The required outcome is a hard unit clause: not full-ceasefire (var 5).
    let top = written
        .lines()
        .find(|l| l.starts_with("p wcnf"))
        .unwrap()
        .split_whitespace()
        .last()
        .unwrap()
        .to_owned();
    assert!(
        written.lines().any(|l| l == format!("{top} -5 0")),
        "{written}"
    );
}

#[test]
fn bad_options_exit_2_naming_the_problem() {
    for (args, expected) in [
        (
            vec!["deals", FOUNDING, "--parties", "usa-typo"],
            "unknown actor `usa-typo`",
        ),
        (
            vec!["deals", FOUNDING, "--protect", "no-such-position"],
            "unknown position `no-such-position`",
        ),
        (
            vec!["deals", FOUNDING, "--require", "full-ceasefire"],
            "is not ISSUE=support|oppose",
        ),
        (
            vec!["deals", FOUNDING, "--require", "ceasefire=support"],
            "unknown issue `ceasefire`",
        ),
        (vec!["deals", FOUNDING, "--max", "0"], "0"),
        (vec!["deals", "/nonexistent.yaml"], "/nonexistent.yaml"),
    ] {
        let out = stancegraph(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // No deal is not an error: it exits 0 with the proof.
    let out = stancegraph(&[
        "deals",
        FOUNDING,
        "--parties",
        "us,nato,russia",
        "--keep",
        "nato",
        "--keep",
        "russia",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).contains("No deal exists"));
}
