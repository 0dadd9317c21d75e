//! The examples run and print what the README promises.

use std::process::Command;

/// Runs an example with the features this test was built with, so that the
/// example reuses the build instead of compiling the library again.
pub(crate) fn cargo_example(name: &str, args: &[&str]) -> std::process::Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut features = Vec::new();
    if cfg!(feature = "toml") {
        features.push("toml");
    }
    if cfg!(feature = "cli") {
        features.push("cli");
    }
    if cfg!(feature = "dna") {
        features.push("dna");
    }
    Command::new(cargo)
        .args([
            "run",
            "--quiet",
            "--no-default-features",
            "--features",
            &features.join(","),
        ])
        .args(["--example", name, "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// What an example printed, once it has run successfully.
fn example_stdout(name: &str, args: &[&str]) -> String {
    let out = cargo_example(name, args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn istanbul_talks_prints_the_founding_scenario() {
    let stdout = example_stdout("istanbul_talks", &[]);
    for expected in [
        "Istanbul ceasefire talks (June 2025)",
        "kellogg  Keith Kellogg (person), speaks for us as Special Envoy for Ukraine and Russia",
        "support: russia (red line), trump (negotiable, if full-ceasefire), kellogg (negotiable, if full-ceasefire)",
        "neutral: pavel",
        "NATO and Russia are in conflict: NATO supports and Russia opposes \"Ukraine becomes a member of NATO\"",
        "United States and Russia agree: both support \"NATO stops expanding eastward (Ukraine, Georgia, Moldova)\"",
        "Contradictions (4)",
        "1. Critical member–bloc contradiction (United States and NATO; assuming “A full ceasefire in the war in Ukraine”",
        "Structural balance",
        "Frustration index: 1 (exact, proven optimal)",
        "relation: excludes freeze-expansion, ukraine-joins-nato",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn istanbul_talks_reports_a_bad_file_clearly() {
    let out = cargo_example("istanbul_talks", &["no/such/file.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("no/such/file.yaml"), "{stderr}");
}

#[test]
fn scale_fails_clearly_without_its_input() {
    let out = cargo_example("scale", &["load", "/nonexistent/stancegraph.json"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("/nonexistent/stancegraph.json") && stderr.contains("scale generate"),
        "{stderr}"
    );
}

/// The largest linked group of issues that `scale generate-negotiation` reports.
fn largest_group(stdout: &str) -> usize {
    let (_, rest) = stdout
        .split_once("largest linked group ")
        .unwrap_or_else(|| panic!("no largest linked group in\n{stdout}"));
    rest.split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn scale_generates_negotiations_that_load_the_same_each_time() {
    let dir = crate::common::scratch_dir("negotiation");
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let apart = example_stdout(
        "scale",
        &[
            "generate-negotiation",
            "30",
            "200",
            "0.0",
            &path("apart.json"),
        ],
    );
    let again = example_stdout(
        "scale",
        &[
            "generate-negotiation",
            "30",
            "200",
            "0.0",
            &path("again.json"),
        ],
    );
    let linked = example_stdout(
        "scale",
        &[
            "generate-negotiation",
            "30",
            "200",
            "1.0",
            &path("linked.json"),
        ],
    );
    for expected in [
        "30 parties",
        "2 blocs",
        "200 issues, 130 relations (0 across topics)",
    ] {
        assert!(apart.contains(expected), "missing {expected:?} in\n{apart}");
    }
    assert!(largest_group(&apart) <= 10, "{apart}");
    // Same sizes printed (the first line names the file, the last the times).
    let sizes = |out: &str| out.lines().skip(1).take(3).collect::<Vec<_>>().join("\n");
    assert_eq!(sizes(&apart), sizes(&again));
    assert!(linked.contains("(130 across topics)"), "{linked}");
    assert!(largest_group(&linked) > 50, "{linked}");
    assert_eq!(
        std::fs::read(path("apart.json")).unwrap(),
        std::fs::read(path("again.json")).unwrap()
    );
    let s = stancegraph::Scenario::load(path("apart.json")).unwrap();
    let n = s.positions().len();
    assert!((1_800..=2_400).contains(&n), "{n} positions for 200 issues");
    assert!(s.position_id("p0").is_some() && s.position_id(&format!("p{}", n - 1)).is_some());
    let spokespeople = s.actors().filter(|(_, a)| a.speaks_for().is_some()).count();
    let spoken = s
        .positions()
        .filter(|(_, p)| s.actor(p.actor()).speaks_for().is_some())
        .count();
    assert!(
        spokespeople > 0 && spoken > 0 && spoken < n / 2,
        "{spoken} of {n}"
    );
    let out = cargo_example(
        "scale",
        &[
            "generate-negotiation",
            "30",
            "200",
            "1.5",
            &path("bad.json"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn un_votes_fails_clearly_without_its_input() {
    let out = cargo_example("un_votes", &[]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("--votes PATH"), "{stderr}");
    let out = cargo_example("un_votes", &["--votes", "/nonexistent/un_votes.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("/nonexistent/un_votes.csv")
    );
}

#[test]
fn un_votes_writes_the_three_matrices() {
    // A folder that does not exist yet: the example makes it.
    let scratch = crate::common::scratch_dir("un");
    let dir = scratch.join("matrices");
    let votes = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/un_votes_sample.csv"
    );
    let out = cargo_example(
        "un_votes",
        &["--votes", votes, "--matrices", dir.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in ["shared.csv", "identical.csv", "opposed.csv"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let header = text.lines().next().unwrap();
        assert!(
            header.starts_with(",Afghanistan,Argentina,"),
            "{name}: {header}"
        );
    }
}

#[test]
fn signed_networks_reports_the_repository_copies_and_fails_clearly_without_a_folder() {
    let out = cargo_example(
        "signed_networks",
        &[concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "| highland_tribes | 16 | 58 (29/29) | no | 0.8676 | 0.3576 | 7 | 7 | yes | 0.7586 |",
        "| supreme_court_2000_01 | 35 | 232 (147/85) | no | 1.0000 | 0.0310 | 37 | 37 | yes | 0.6810 |",
        "| cow_signed_networks 96-99 | 151 | 1247 (1100/147) | no | 0.9368 | 0.3639 | 45 | 45 | yes |",
        // The Highland tribes in depth: Read's three alliances, proven; more
        // balanced than chance; the PN index.
        "Blockmodel, 3 camps, alpha 0.5: criterion 1 (0 negative ties inside camps, 2 positive \
         ties between), proven optimal.\n  Camp 1: Gavev, Kotun, Nagad, Gama\n",
        "(1000 shuffles, seed 24301): p = 0.0010 — more balanced than chance",
        "\nMasil          7          0     1.2236",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    let missing = cargo_example("signed_networks", &["/nonexistent/signed"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/signed: no such folder")
    );
}

#[test]
fn report_writes_the_three_reports() {
    // A folder that does not exist yet: the example makes it.
    let scratch = crate::common::scratch_dir("example-report");
    let out_dir = scratch.join("reports");
    let out = out_dir.to_str().unwrap();
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    let runs: [(&[&str], &str, &str); 3] = [
        (
            &[],
            "istanbul-talks",
            "17 actors drawn as Actors, 4 contradictions, 15 ties",
        ),
        (
            &["dna", &format!("{data}/dna_sample_statements.csv")],
            "dna-sample",
            "14 actors drawn as Actors, 1 contradictions",
        ),
        (
            &[
                "un",
                &format!("{data}/un_votes_2019.csv"),
                &format!("{data}/un_roll_calls_2019.csv"),
                "2019",
            ],
            "un-votes",
            "193 actors drawn as Groups, 0 contradictions",
        ),
    ];
    for (args, name, summary) in runs {
        let mut all: Vec<&str> = vec!["--out", out];
        all.extend_from_slice(args);
        let result = cargo_example("report", &all);
        assert!(
            result.status.success(),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        let stdout = String::from_utf8(result.stdout).unwrap();
        assert!(stdout.contains(summary), "{stdout}");
        let html = std::fs::read_to_string(out_dir.join(format!("{name}.html"))).unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(
            std::fs::read_to_string(out_dir.join(format!("{name}.svg")))
                .unwrap()
                .contains("<svg")
        );
    }
    // The UN issues are named by their resolution.
    let un = std::fs::read_to_string(out_dir.join("un-votes.html")).unwrap();
    assert!(un.contains("UN General Assembly roll-call votes, 2019"));
    assert!(un.contains("(A/RES/74/"));
    let _ = std::fs::remove_dir_all(&out_dir);

    let missing = cargo_example(
        "report",
        &[
            "un",
            "/nonexistent/votes.csv",
            "/nonexistent/rc.csv",
            "2019",
        ],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/rc.csv"));
    let usage = cargo_example("report", &["un"]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&usage.stderr)
            .contains("give the votes, the roll calls and a year")
    );
}

#[test]
fn diff_prints_the_changelog_of_the_offer() {
    let stdout = example_stdout("diff", &[]);
    for expected in [
        "Changes from the older version to the newer one, as of 2025-06-01\n",
        "  + kellogg-freeze: United States, through Keith Kellogg, supports",
        "United States moved from oppose to support on “NATO stops expanding eastward” on 2025-05-29",
        "Critical member–bloc contradiction (NATO and United States; on 2025-06-01)",
        "  + Russia and United States now agree on 1 issue",
        "Changes from 2025-05-25 to 2025-06-01\n",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn case_folder_reads_the_istanbul_case_and_fails_clearly_on_a_bad_folder() {
    let stdout = example_stdout("case_folder", &[]);
    assert!(
        stdout.starts_with("4 files, read in this order:\n  actors.yaml  (0 positions)\n"),
        "{stdout}"
    );
    assert!(stdout.contains("  statements-2025-05-29.yaml  (18 positions)\n"));
    assert!(stdout.contains("18 quotes verified against their sources' texts"));
    assert!(stdout.contains("4 contradictions"));
    let out = cargo_example("case_folder", &["/nonexistent/case"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/case"));
}

#[test]
fn multigraph_reads_repeated_and_ambivalent_ties_and_fails_clearly_without_a_file() {
    let out = cargo_example("multigraph", &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "678 nodes, 1582 rows → 1427 ties of total weight 1582; 1 pair(s) tied both ways",
        "  585 -- 470: positive 1, negative 1",
        "frustration index counting total weight: 374 (exact, proven optimal)",
        "frustration index counting distinct pairs: 333 (exact, proven optimal)",
    ] {
        assert!(stdout.contains(expected), "{expected}\n{stdout}");
    }
    let out = cargo_example("multigraph", &["no/such/edges.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/edges.csv: "));
}

#[test]
fn events_aggregates_the_icews_sample() {
    let stdout = example_stdout("events", &[]);
    for expected in [
        "3705 events read, 1741 aggregated; dropped: 1596 self-dyads, 368 with a missing side",
        "United States -> North Korea (2018-06-01)",
        "2018-06-02: ",
    ] {
        assert!(
            stdout.contains(expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
    let missing = cargo_example("events", &["/nonexistent/events.tab"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/events.tab"));

    // With --report, the same output and the HTML report of the networks.
    let dir = crate::common::scratch_dir("example-events-report");
    let page = dir.join("events.html");
    let with_report = example_stdout("events", &["--report", page.to_str().unwrap()]);
    assert!(with_report.starts_with(&stdout), "the usual output first");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<h1>icews_events_2018-06-01_02.tab</h1>"));
    assert!(html.contains("<strong>2018-06-02</strong> (shown)"));
    let _ = std::fs::remove_dir_all(&dir);
}
