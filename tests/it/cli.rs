//! The `stancegraph` command line (built with `--features cli`).

use std::process::Command;

use crate::common::{self, stancegraph};

const FOUNDING: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/istanbul-talks.yaml"
);

#[test]
fn validate_accepts_the_founding_scenario() {
    let out = stancegraph(&["validate", FOUNDING]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.ends_with("ok: 17 actors, 6 issues, 4 relations, 18 positions\n"),
        "{stdout}"
    );
}

#[test]
fn validate_reports_every_problem_and_exits_2() {
    let dir = common::scratch_dir("cli");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"actors": [{"id": "us", "name": "US", "kind": "stat"}],
            "issues": [{"id": "x", "name": "X"}],
            "positions": [{"actor": "uss", "issue": "x", "stance": "support"}]}"#,
    )
    .unwrap();
    let out = stancegraph(&["validate", FOUNDING, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].ends_with("bad.json: actors[0] (us), field `kind`: unknown actor kind `stat`; expected one of: state, alliance, organization, person, group, other; did you mean `state`?"), "{stderr}");
    assert!(
        lines[1].ends_with(
            "bad.json: positions[0], field `actor`: unknown actor `uss`; did you mean `us`?"
        ),
        "{stderr}"
    );
    // The valid file is still summarised.
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("istanbul-talks.yaml: ok")
    );

    let missing = stancegraph(&["validate", dir.join("missing.yaml").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .contains("missing.yaml")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn show_prints_the_overview() {
    let out = stancegraph(&["show", FOUNDING]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("Istanbul ceasefire talks (June 2025)\n"),
        "{stdout}"
    );
    // By default an envoy's words count for the state he speaks for.
    assert!(stdout.contains("conflict   nato — russia"), "{stdout}");
    let by_speaker = stdout_of(&["show", "--attribution", "speaker", FOUNDING]);
    assert!(
        by_speaker.contains("conflict   russia — rutte"),
        "{by_speaker}"
    );
}

/// The stdout of a successful run.
fn stdout_of(args: &[&str]) -> String {
    let out = stancegraph(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn attribution_has_one_default_and_the_old_flags_still_work() {
    let principal = stdout_of(&["show", "--attribution", "principal", FOUNDING]);
    assert_eq!(stdout_of(&["show", FOUNDING]), principal);
    assert_eq!(stdout_of(&["show", "--by-principal", FOUNDING]), principal);
    assert_ne!(
        stdout_of(&["show", "--attribution", "speaker", FOUNDING]),
        principal
    );

    let balance = |flags: &[&str]| {
        stdout_of(
            &[
                &["balance", "--graph", "actors", "--format", "json"],
                flags,
                &[FOUNDING],
            ]
            .concat(),
        )
    };
    let speaker = balance(&["--attribution", "speaker"]);
    assert_eq!(balance(&["--by-speaker"]), speaker);
    assert_eq!(balance(&[]), balance(&["--attribution", "principal"]));
    assert_ne!(balance(&[]), speaker);
    // DNA's polarization follows: Kellogg is clustered apart from the
    // United States only when positions count for speakers.
    let clustered = |json: &str| {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        v["polarization"]["clusters"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|c| c.as_array().unwrap().iter().cloned())
            .any(|a| a == "kellogg")
    };
    assert!(clustered(&speaker));
    assert!(!clustered(&balance(&[])));

    // An alias and the flag together are a usage error; so is a bad value.
    for args in [
        &[
            "show",
            "--by-principal",
            "--attribution",
            "speaker",
            FOUNDING,
        ][..],
        &[
            "balance",
            "--by-speaker",
            "--attribution",
            "principal",
            FOUNDING,
        ],
        &["show", "--attribution", "envoy", FOUNDING],
    ] {
        assert_eq!(stancegraph(args).status.code(), Some(2), "{args:?}");
    }
    // The aliases are kept for scripts, not advertised.
    for command in ["show", "balance"] {
        let help = stdout_of(&[command, "--help"]);
        assert!(help.contains("--attribution"), "{help}");
        assert!(!help.contains("--by-"), "{help}");
    }
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        &["--help"][..],
        &["validate", "--help"],
        &["show", "--help"],
        &["check", "--help"],
        &["network", "--help"],
        &["balance", "--help"],
        &["report", "--help"],
    ] {
        let out = stancegraph(args);
        assert!(out.status.success(), "{args:?}");
        assert!(
            String::from_utf8(out.stdout).unwrap().contains("Usage"),
            "{args:?}"
        );
    }
    assert_eq!(stancegraph(&["validate"]).status.code(), Some(2));
}

#[test]
fn show_as_of_restricts_to_positions_holding_that_day() {
    let out = stancegraph(&["show", "--as-of", "2025-01-01", FOUNDING]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Camps and ties count the positions that hold on 2025-01-01"),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("Agreement and conflict\n  (none)\n"),
        "{stdout}"
    );

    let bad = stancegraph(&["show", "--as-of", "2025-02-30", FOUNDING]);
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8(bad.stderr).unwrap();
    assert!(
        stderr.contains("invalid date `2025-02-30`: day 30 does not exist in 2025-02"),
        "{stderr}"
    );
}

#[test]
fn check_prints_the_contradictions_grouped_with_quotes() {
    let out = stancegraph(&["check", FOUNDING]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("istanbul-talks.yaml: 4 contradictions"),
        "{stdout}"
    );
    assert!(
        stdout.contains("member vs bloc (2)") && stdout.contains("deadlock (2)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("We will not compromise on Ukraine’s right to join NATO"),
        "{stdout}"
    );
}

#[test]
fn check_json_has_the_documented_shape() {
    let out = stancegraph(&["check", "--format", "json", FOUNDING]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &json["contradictions"][0];
    assert_eq!(first["kind"], "member_vs_bloc");
    assert_eq!(first["severity"], "critical");
    assert_eq!(first["conditional"], true);
    assert_eq!(first["actors"], serde_json::json!(["nato", "us"]));
    assert_eq!(
        first["positions"],
        serde_json::json!(["kellogg-freeze", "rutte-ukraine-nato"])
    );
    assert_eq!(
        first["issues"],
        serde_json::json!(["freeze-expansion", "ukraine-joins-nato"])
    );
    assert_eq!(first["from"], "2025-05-29");
    assert!(first["until"].is_null());
    assert!(
        first["explanation"]
            .as_str()
            .unwrap()
            .contains("Keith Kellogg")
    );
    let steps: Vec<&str> = first["reasoning"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(
        steps,
        [
            "position",
            "speaks_for",
            "position",
            "speaks_for",
            "membership",
            "excludes"
        ]
    );
    assert_eq!(json["summary"]["contradictions"], 4);
    assert_eq!(
        json["summary"]["by_kind"],
        serde_json::json!({"deadlock": 2, "member_vs_bloc": 2})
    );
}

#[test]
fn check_filters_and_deny_set_the_exit_code() {
    let out = stancegraph(&["check", "--format", "json", "--kind", "deadlock", FOUNDING]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["summary"]["by_kind"],
        serde_json::json!({"deadlock": 2})
    );
    assert_eq!(out.status.code(), Some(0));

    assert_eq!(
        stancegraph(&["check", "--deny", "critical", FOUNDING])
            .status
            .code(),
        Some(1)
    );
    let none_before = stancegraph(&[
        "check",
        "--deny",
        "medium",
        "--as-of",
        "2025-01-01",
        FOUNDING,
    ]);
    assert_eq!(
        none_before.status.code(),
        Some(0),
        "nothing holds before the report"
    );
    let filtered = stancegraph(&[
        "check", "--deny", "critical", "--kind", "reversal", FOUNDING,
    ]);
    assert_eq!(
        filtered.status.code(),
        Some(0),
        "deny applies to what is reported"
    );

    let bad = stancegraph(&["check", "--kind", "feud", FOUNDING]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("expected one of")
    );
}

#[test]
fn check_rejects_invalid_input_with_exit_2() {
    let dir = common::scratch_dir("cli-check");
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "actors: [{id: a, name: A, kind: stat}]\n").unwrap();
    let out = stancegraph(&["check", FOUNDING, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("unknown actor kind `stat`")
    );
    assert!(out.stdout.is_empty(), "no report when an input is invalid");
    std::fs::remove_dir_all(&dir).unwrap();
}

const DNA_CSV: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/dna_sample_statements.csv"
);

#[test]
fn network_reads_a_statements_csv_and_writes_dnas_matrix() {
    let out = stancegraph(&[
        "network",
        DNA_CSV,
        "--actor-col",
        "organization",
        "--issue-col",
        "concept",
        "--stance-col",
        "agreement",
        "--speaker-col",
        "person",
        "--level",
        "principal",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let epa = csv
        .lines()
        .find(|l| l.starts_with("Environmental Protection Agency"))
        .unwrap();
    assert!(
        epa.starts_with("Environmental Protection Agency,10,2,"),
        "{epa}"
    );
}

#[test]
fn network_formats_windows_and_errors() {
    let dir = common::scratch_dir("cli-network");
    let graphml = dir.join("n.graphml");
    let out = stancegraph(&[
        "network",
        FOUNDING,
        "--type",
        "subtract",
        "--normalize",
        "dna-cosine",
        "--level",
        "principal",
        "--format",
        "graphml",
        "-o",
        graphml.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    roxmltree::Document::parse(&std::fs::read_to_string(&graphml).unwrap()).unwrap();

    let windows = dir.join("windows");
    let out = stancegraph(&[
        "network",
        DNA_CSV,
        "--actor-col",
        "organization",
        "--issue-col",
        "concept",
        "--stance-col",
        "agreement",
        "--date-col",
        "date",
        "--mode",
        "affiliation",
        "--window-days",
        "7",
        "--step-days",
        "7",
        "-o",
        windows.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&windows).unwrap().count(), 4);

    let bad = stancegraph(&[
        "network",
        FOUNDING,
        "--mode",
        "affiliation",
        "--type",
        "congruence",
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("does not apply to this mode")
    );
    let bad_map = stancegraph(&["network", DNA_CSV, "--stance-map", "maybe=perhaps"]);
    assert_eq!(bad_map.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(feature = "dna")]
#[test]
fn network_reads_a_dna_database() {
    let dna = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dna_sample.dna");
    let out = stancegraph(&["network", dna, "--level", "principal", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 7);
    let sum: f64 = json["matrix"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap())
        .map(|v| v.as_f64().unwrap())
        .sum();
    assert_eq!(sum, 276.0);
}

#[test]
fn network_filters_actors_and_issues() {
    let out = stancegraph(&[
        "network",
        FOUNDING,
        "--level",
        "principal",
        "--exclude-actor",
        "russia",
        "--include-issue",
        "full-ceasefire",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["rows"],
        serde_json::json!(["france", "germany", "uk", "us"])
    );
}

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");

#[test]
fn balance_names_the_founding_tension_with_its_quotes() {
    let out = stancegraph(&["balance", FOUNDING]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Not balanced"), "{text}");
    assert!(
        text.contains("Frustration index: 1 (exact, proven optimal)"),
        "{text}"
    );
    // The one out-of-place tie lies on the cycle US - freeze - Ukraine's
    // membership - NATO, told with the statements behind each tie.
    let tension = text
        .lines()
        .skip_while(|l| !l.starts_with("Out-of-place ties (1;"))
        .collect::<Vec<_>>()
        .join("\n");
    for needle in [
        "us",
        "nato",
        "freeze-expansion",
        "ukraine-joins-nato",
        "relation: excludes freeze-expansion, ukraine-joins-nato",
        "us and nato: one is a member of the other",
        "rutte supports ukraine-joins-nato",
        "kellogg supports freeze-expansion",
        "\u{201c}We will not compromise on Ukraine\u{2019}s right to join NATO",
    ] {
        assert!(tension.contains(needle), "missing {needle:?} in\n{tension}");
    }
}

#[test]
fn balance_json_has_the_documented_fields() {
    let v = json_of(&[
        "balance",
        "--edges",
        &format!("{DATA}/highland_tribes.csv"),
        "--camps",
        "3",
        "--format",
        "json",
    ]);
    assert_eq!(v["nodes"], 16);
    assert_eq!(v["edges"], 58);
    assert_eq!(v["balanced"], false);
    assert_eq!(
        v["triangles"]["+++"].as_u64().unwrap() + v["triangles"]["+--"].as_u64().unwrap(),
        59
    );
    assert!((v["triangle_balance"].as_f64().unwrap() - 0.8676471).abs() < 1e-7);
    assert!((v["walk_balance"].as_f64().unwrap() - 0.3575761).abs() < 1e-7);
    let f = &v["frustration"];
    assert_eq!(
        (
            f["value"].as_u64(),
            f["exact"].as_bool(),
            f["lower_bound"].as_u64()
        ),
        (Some(7), Some(true), Some(7))
    );
    assert_eq!(f["frustrated_edges"].as_array().unwrap().len(), 7);
    assert_eq!(f["camps"].as_array().unwrap().len(), 2);
    for e in f["frustrated_edges"].as_array().unwrap() {
        assert!(e["cycle"].as_array().unwrap().len() >= 3, "{e}");
    }
    assert_eq!(v["blockmodel"]["k"], 3);
    assert!(v["blockmodel"]["criterion"].is_number());
}

#[test]
fn balance_runs_every_period_or_one_and_rejects_bad_input() {
    let cow = format!("{DATA}/cow_signed_networks.csv");
    let v = json_of(&["balance", "--edges", &cow, "--format", "json"]);
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 51);
    assert!(all.iter().all(|r| r["frustration"]["exact"] == true));
    assert_eq!(all[0]["period"], "46-49");
    assert_eq!(all[0]["frustration"]["value"], 17);

    let one = stancegraph(&[
        "balance",
        "--edges",
        &cow,
        "--period",
        "96-99",
        "--heuristic",
    ]);
    assert!(one.status.success());
    let text = String::from_utf8(one.stdout).unwrap();
    assert!(text.starts_with("Period 96-99\n"), "{text}");
    assert!(text.contains("Frustration index: "), "{text}");

    fails_with(
        &["balance", "--edges", &cow, "--period", "2030-33"],
        "cow_signed_networks.csv: --period: no period `2030-33` (its periods: 46-49, 47-50, \
         48-51, 49-52, 50-53, 51-54, 52-55, 53-56, 54-57, 55-58 and 41 more)",
    );
    fails_with(
        &["balance", "--edges", &cow, "--camps", "2", "--alpha", "1.5"],
        "alpha",
    );
    fails_with(
        &["balance", "--edges", "/nonexistent/edges.csv"],
        "/nonexistent/edges.csv",
    );
    // `--time-limit inf` is no limit at all (as Python's `float("inf")`),
    // whatever the default: the period is proven; every command that takes
    // a time limit reads it alike and names a bad one.
    let within = |limit: &str| {
        json_of(&[
            "balance",
            "--edges",
            &cow,
            "--period",
            "90-93",
            "--time-limit",
            limit,
            "--format",
            "json",
        ])
    };
    let proven = within("inf");
    assert_eq!(proven["frustration"]["value"], 44);
    assert_eq!(proven["frustration"]["exact"], true);
    // More seconds than a clock can count is no limit too.
    assert_eq!(within("1e300"), proven);
    for command in [
        &["balance", "--edges", &cow][..],
        &["report", &cow, "--edges"][..],
        &["deals", FOUNDING][..],
    ] {
        let mut args = command.to_vec();
        args.extend(["--time-limit", "soon"]);
        fails_with(
            &args,
            "`soon` is not a number of seconds (or `inf`: no limit)",
        );
    }
}

#[test]
fn balance_edges_rejects_the_options_it_would_ignore() {
    // An edge list is already a signed graph: how to read a table or build
    // a graph from a file cannot apply, so saying it is a usage error.
    let cow = format!("{DATA}/cow_signed_networks.csv");
    let mut given = vec![
        vec!["--graph", "actors"],
        vec!["--attribution", "speaker"],
        vec!["--by-speaker"],
        vec!["--as-of", "1990-01-01"],
    ];
    // Every CSV flag, as `balance --help` lists them (each is documented
    // "CSV input: ..."), so that a new one cannot be forgotten.
    let help = stdout_of(&["balance", "--help"]);
    let lines: Vec<&str> = help.lines().map(str::trim).collect();
    let csv_flags: Vec<Vec<&str>> = lines
        .windows(2)
        .filter(|w| w[1].starts_with("CSV input:"))
        .map(|w| {
            let mut words = w[0].split_whitespace();
            let flag = words.next().unwrap();
            // A value that suits both a column name and a stance map.
            match words.next() {
                Some(_) => vec![flag, "yes=support"],
                None => vec![flag],
            }
        })
        .collect();
    assert_eq!(csv_flags.len(), 10, "{help}");
    given.extend(csv_flags);
    for flag in &given {
        let args = [&["balance", "--edges", &cow][..], flag].concat();
        fails_with(
            &args,
            &format!("'--edges' cannot be used with '{}", flag[0]),
        );
    }
    // What does apply to an edge list is still accepted.
    assert!(
        stdout_of(&[
            "balance",
            "--edges",
            &cow,
            "--period",
            "96-99",
            "--camps",
            "2",
            "--alpha",
            "0.4",
            "--heuristic"
        ])
        .starts_with("Period 96-99\n")
    );
}

/// Runs the program expecting success and JSON on stdout.
fn json_of(args: &[&str]) -> serde_json::Value {
    let out = stancegraph(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Runs the program expecting exit code 2 and `needle` in its stderr.
fn fails_with(args: &[&str], needle: &str) {
    let out = stancegraph(args);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert!(stderr.contains(needle), "{args:?}: {stderr}");
}

#[test]
fn balance_of_a_statements_table_adds_dnas_polarization() {
    let v = json_of(&[
        "balance",
        DNA_CSV,
        "--actor-col",
        "organization",
        "--speaker-col",
        "person",
        "--issue-col",
        "concept",
        "--stance-col",
        "agreement",
        "--format",
        "json",
    ]);
    assert!(
        (v["polarization"]["q"].as_f64().unwrap() - 0.5342493).abs() < 1e-6,
        "{v}"
    );
    assert_eq!(v["polarization"]["exact"], true);
}

/// The DNA sample table's columns, as `network`, `balance` and `report` take them.
const DNA_COLUMNS: [&str; 6] = [
    "--actor-col",
    "organization",
    "--issue-col",
    "concept",
    "--stance-col",
    "agreement",
];

#[test]
fn report_writes_a_self_contained_page_or_the_drawing() {
    let dir = common::scratch_dir("cli-report");
    let html = dir.join("founding.html");
    let out = stancegraph(&["report", FOUNDING, "-o", html.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .ends_with("founding.html (17 actors, 4 contradictions)\n")
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<article class=\"card").count(), 4);

    // A statements table, as of a day, drawn alone; the file name is the title.
    let svg = dir.join("dna.svg");
    let out = stancegraph(
        &[
            &["report", DNA_CSV],
            &DNA_COLUMNS[..],
            &[
                "--as-of",
                "2005-02-01",
                "--format",
                "svg",
                "-o",
                svg.to_str().unwrap(),
            ],
        ]
        .concat(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let drawing = std::fs::read_to_string(&svg).unwrap();
    assert!(
        drawing.contains(
            "<title id=\"network-title\">Actor network: dna_sample_statements.csv</title>"
        )
    );
    roxmltree::Document::parse(&drawing).unwrap();

    fails_with(&["report", "/nonexistent/x.yaml"], "/nonexistent/x.yaml");
    fails_with(&["report", FOUNDING, "--groups", "0"], "--groups");
    fails_with(
        &["report", FOUNDING, "-o", "/nonexistent/dir/r.html"],
        "/nonexistent/dir/r.html",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_draws_an_edge_list_or_an_events_file() {
    let dir = common::scratch_dir("cli-report-network");
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
    let events = format!("{data}icews_events_2018-06-01_02.tab");
    let edges = format!("{data}cow_signed_networks.csv");
    let html = dir.join("events.html");
    let html = html.to_str().unwrap();
    let args = [
        "report",
        &events,
        "--events",
        "--window",
        "day",
        "--undirected",
        "-o",
        html,
    ];
    let out = stancegraph(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains(" ties in period 2018-06-02; 2 periods)\n"),
        "{stderr}"
    );
    let page = std::fs::read_to_string(html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<h1>icews_events_2018-06-01_02.tab</h1>"));
    assert!(page.contains("Frustration index: "));
    assert!(page.contains("<section id=\"periods\""));
    // The same file again gives the same bytes.
    let again = dir.join("again.html");
    let mut args2 = args;
    args2[7] = again.to_str().unwrap();
    assert!(stancegraph(&args2).status.success());
    assert_eq!(std::fs::read(again).unwrap(), page.as_bytes());

    // An edge list, one period of many, drawn alone.
    let svg = dir.join("cow.svg");
    let out = stancegraph(&[
        "report",
        &edges,
        "--edges",
        "--period",
        "46-49",
        "--max-nodes",
        "20",
        "--no-significance",
        "--format",
        "svg",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let drawing = std::fs::read_to_string(&svg).unwrap();
    assert!(drawing.contains("<title id=\"network-title\">Signed network, 46-49</title>"));
    roxmltree::Document::parse(&drawing).unwrap();

    // Flags that make no sense together, or without --edges/--events.
    fails_with(&["report", &edges, "--edges", "--events"], "--events");
    fails_with(
        &["report", &edges, "--edges", "--as-of", "2020-01-01"],
        "--as-of",
    );
    fails_with(
        &["report", &edges, "--edges", "--window", "day"],
        "--window",
    );
    fails_with(&["report", &events, "--level", "actor"], "--events");
    fails_with(&["report", FOUNDING, "--period", "2020"], "--edges");
    fails_with(
        &["report", &edges, "--edges", "--max-nodes", "0"],
        "--max-nodes",
    );
    fails_with(
        &["report", &edges, "--edges", "--period", "zz"],
        "no period `zz`",
    );
    // An event table of other column names is read with `events`' flags
    // (`--source-col` and `--date-col` name the events' columns with
    // `--events`): the same periods, summary and balance as the edge list
    // that `events --format edges` writes with those flags.
    std::fs::create_dir_all(dir.join("ev")).unwrap();
    let table = dir.join("ev/ties.txt");
    std::fs::write(
        &table,
        "Actor1;Actor2;Day;Code;Score\nUSA;RUS;20250529;036;4\nRUS;UKR;20250530;190;-10\n\
         USA;UKR;20250530;050;3.5\nRUS;USA;20250601;111;-2\nUKR;RUS;20250601;190;-10\n\
         USA;RUS;20250601;036;4\n",
    )
    .unwrap();
    let table = table.to_str().unwrap();
    let columns = [
        "--delimiter",
        ";",
        "--source-col",
        "Actor1",
        "--target-col",
        "Actor2",
        "--date-col",
        "Day",
        "--code-col",
        "Code",
        "--score-col",
        "Score",
    ];
    let aggregation = ["--level", "actor", "--window", "day"];
    let listed = dir.join("listed.csv");
    let mut args = vec![
        "events",
        table,
        "--format",
        "edges",
        "-o",
        listed.to_str().unwrap(),
    ];
    args.extend(columns);
    args.extend(aggregation);
    assert!(stancegraph(&args).status.success());
    let from_events = dir.join("from_events.html");
    let mut args = vec![
        "report",
        table,
        "--events",
        "-o",
        from_events.to_str().unwrap(),
    ];
    args.extend(columns);
    args.extend(aggregation);
    let out = stancegraph(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_edges = dir.join("from_edges.html");
    let out = stancegraph(&[
        "report",
        listed.to_str().unwrap(),
        "--edges",
        "-o",
        from_edges.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let section = |page: &str, id: &str| {
        let start = page.find(&format!("<section id=\"{id}\"")).unwrap();
        page[start..start + page[start..].find("</section>").unwrap()].to_owned()
    };
    let (a, b) = (
        std::fs::read_to_string(&from_events).unwrap(),
        std::fs::read_to_string(&from_edges).unwrap(),
    );
    for id in ["periods", "summary", "balance"] {
        assert_eq!(section(&a, id), section(&b, id), "{id}");
    }
    assert!(section(&a, "periods").contains("2025-05-30"));
    // The event table's flags need --events; the columns are an edge list's
    // own.
    fails_with(&["report", table, "--delimiter", ";"], "--events");
    // Each flag named alone (not every flag of its kind).
    for (flag, value) in [
        ("--score-col", "x"),
        ("--date-col", "x"),
        ("--delimiter", ";"),
        ("--window", "day"),
    ] {
        let out = stancegraph(&["report", &edges, "--edges", flag, value]);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!("'--edges' cannot be used with '{flag} <")),
            "{stderr}"
        );
        // --edges twice (the error, the usage), the flag, --help.
        assert_eq!(stderr.matches("--").count(), 4, "{stderr}");
    }
    // Weights, or each distinct pair once (as `balance --distinct-pairs`);
    // `--time-limit inf` is no limit.
    let weighted = dir.join("weighted.csv");
    std::fs::write(
        &weighted,
        "source,target,sign,weight\nA,B,1,3\nB,C,-1,2\nA,C,1,1.5\nA,B,1,1\n",
    )
    .unwrap();
    let weighted = weighted.to_str().unwrap();
    for (flags, total) in [
        (&["--time-limit", "inf"][..], Some("Total weight 7.5")),
        (&["--distinct-pairs"][..], None),
    ] {
        let page = dir.join("weighted.html");
        let mut args = vec!["report", weighted, "--edges", "-o", page.to_str().unwrap()];
        args.extend(flags);
        let out = stancegraph(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let page = std::fs::read_to_string(&page).unwrap();
        assert!(page.contains("3 nodes, 3 ties (2 positive, 1 negative)"));
        match total {
            Some(total) => assert!(page.contains(total), "{flags:?}"),
            // Every weight 1: no total weight to show.
            None => assert!(!page.contains("Total weight"), "{flags:?}"),
        }
    }
    // Bad input is named: file, line, field.
    let bad = dir.join("bad.csv");
    std::fs::write(&bad, "source,target,sign\nA,B,1\nB,C,x\n").unwrap();
    fails_with(
        &["report", bad.to_str().unwrap(), "--edges"],
        "bad.csv:3: rows[2], field `sign`",
    );
    let bad = dir.join("bad.tab");
    let sample = std::fs::read_to_string(&events).unwrap();
    let mut lines = sample.lines();
    let header = lines.next().unwrap();
    let row = lines
        .next()
        .unwrap()
        .replacen("2018-06-01", "2018-13-01", 1);
    std::fs::write(&bad, format!("{header}\n{row}\n")).unwrap();
    fails_with(
        &["report", bad.to_str().unwrap(), "--events"],
        "bad.tab:2: rows[1], field `Event Date`",
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn network_draws_svg() {
    let out = stancegraph(
        &[
            &["network", DNA_CSV],
            &DNA_COLUMNS[..],
            &["--type", "subtract", "--format", "svg"],
        ]
        .concat(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let count = |class: &str| common::count_class(&doc, class);
    assert_eq!(count("node"), 7, "the sample's seven organisations");
    assert!(count("conflict") > 0 && count("agreement") > 0);
    assert_eq!(count("camp"), 2, "both camps shaded");
}

#[test]
fn validate_show_and_check_read_a_statements_table() {
    let summary = stdout_of(&[&["validate", DNA_CSV][..], &DNA_COLUMNS].concat());
    assert!(
        summary.ends_with(
            "dna_sample_statements.csv: ok: 7 actors, 6 issues, 0 relations, 40 positions\n"
        ),
        "{summary}"
    );
    let overview = stdout_of(&[&["show", DNA_CSV][..], &DNA_COLUMNS].concat());
    assert!(
        overview.contains("7 actors, 6 issues, 0 relations, 40 positions"),
        "{overview}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        &[&["check", "--format", "json", DNA_CSV][..], &DNA_COLUMNS].concat(),
    ))
    .unwrap();
    assert!(json["summary"]["contradictions"].is_u64(), "{json}");
    let text = stdout_of(&[&["check", DNA_CSV][..], &DNA_COLUMNS].concat());
    assert!(text.starts_with(&format!("{DNA_CSV}: ")), "{text}");

    // Without the columns the table is refused the same way `network` refuses it.
    for command in ["validate", "show", "check"] {
        fails_with(
            &[command, DNA_CSV],
            "field `actor`: no such column in the header",
        );
    }
}

#[cfg(feature = "dna")]
#[test]
fn validate_show_and_check_read_a_dna_database() {
    let dna = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dna_sample.dna");
    let summary = stdout_of(&["validate", dna]);
    assert!(
        summary.ends_with("dna_sample.dna: ok: 14 actors, 6 issues, 0 relations, 40 positions\n"),
        "{summary}"
    );
    let overview = stdout_of(&["show", dna]);
    assert!(
        overview.contains("14 actors, 6 issues, 0 relations, 40 positions"),
        "{overview}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["check", "--format", "json", dna])).unwrap();
    assert!(json["summary"]["contradictions"].is_u64(), "{json}");
}

#[test]
fn check_of_several_files_names_each_in_json() {
    let out = stancegraph(
        &[
            &["check", "--format", "json", FOUNDING, DNA_CSV][..],
            &DNA_COLUMNS,
        ]
        .concat(),
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["file"], FOUNDING);
    assert_eq!(files[1]["file"], DNA_CSV);
    // Each entry is the file's own report, with its name added.
    let alone: serde_json::Value =
        serde_json::from_str(&stdout_of(&["check", "--format", "json", FOUNDING])).unwrap();
    let mut first = files[0].clone();
    first.as_object_mut().unwrap().remove("file");
    assert_eq!(first, alone);
    assert_eq!(files[0]["summary"]["contradictions"], 4);

    // --deny applies across files; an invalid file among them is exit 2.
    let denied = stancegraph(
        &[
            &[
                "check", "--format", "json", "--deny", "critical", DNA_CSV, FOUNDING,
            ][..],
            &DNA_COLUMNS,
        ]
        .concat(),
    );
    assert_eq!(denied.status.code(), Some(1));
    let missing = stancegraph(&[
        "check",
        "--format",
        "json",
        FOUNDING,
        "/nonexistent/a.yaml",
        "/nonexistent/b.csv",
    ]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(missing.stdout.is_empty());
    let stderr = String::from_utf8(missing.stderr).unwrap();
    assert!(
        stderr.contains("/nonexistent/a.yaml") && stderr.contains("/nonexistent/b.csv"),
        "every invalid file is reported: {stderr}"
    );
}

/// A reader that stops early ends the output quietly with 0; any other write
/// error is 1, with the reason on stderr.
#[test]
fn a_closed_pipe_is_quiet_and_a_failed_write_is_1() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_stancegraph"))
        .args(["show", FOUNDING])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Closed before the program has read its input, let alone written.
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    if let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") {
        let out = Command::new(env!("CARGO_BIN_EXE_stancegraph"))
            .args(["show", FOUNDING])
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(
            String::from_utf8(out.stderr)
                .unwrap()
                .starts_with("stancegraph: cannot write the output: "),
        );
    }
}
