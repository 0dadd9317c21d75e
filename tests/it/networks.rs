//! Discourse networks on the DNA sample: the figures DNA's own test suite asserts.

use crate::common;
use common::{dna_sample, organisations};

use stancegraph::{
    Scenario,
    discourse::{Duplicates, Level, NetworkMode, NetworkOptions, NetworkType, Normalization},
    io::StatementsCsv,
};

#[test]
fn the_sample_imports_every_statement() {
    let s = dna_sample();
    assert_eq!(s.positions().len(), 40);
    assert_eq!(s.issues().len(), 6);
    let persons = s.actors().filter(|(_, a)| a.speaks_for().is_some()).count();
    assert_eq!((s.actors().len() - persons, persons), (7, 7));
    let first = s.position(s.position_id("1").unwrap());
    assert_eq!(first.date().unwrap().to_string(), "2005-01-26");
    assert!(
        first
            .quote()
            .unwrap()
            .starts_with("At the gas prices we are forecasting")
    );
}

#[test]
fn two_mode_ignore_is_7_by_6_with_sum_40() {
    let s = dna_sample();
    let n = s
        .network(&organisations(
            NetworkMode::Affiliation,
            NetworkType::Ignore,
        ))
        .unwrap();
    assert_eq!((n.row_labels().len(), n.column_labels().len()), (7, 6));
    assert_eq!(n.sum(), 40.0);
    assert_eq!(n.non_zero_count(), 22);
}

#[test]
fn one_mode_ignore_is_7_by_7_with_sum_276_and_the_epa_row() {
    let s = dna_sample();
    let n = s
        .network(&organisations(NetworkMode::Actor, NetworkType::Ignore))
        .unwrap();
    assert_eq!((n.row_labels().len(), n.column_labels().len()), (7, 7));
    assert_eq!(n.sum(), 276.0);
    let epa = n
        .row_labels()
        .iter()
        .position(|r| r == "Environmental Protection Agency")
        .unwrap();
    assert_eq!(&n.row(epa)[..2], [10.0, 2.0]);
    assert_eq!(
        n.column_labels()[..2],
        [
            "Alliance to Save Energy",
            "Energy and Environmental Analysis, Inc."
        ]
    );
    // 21 dyads: each counted in both triangles.
    assert_eq!(n.non_zero_count(), 42);
    assert!((0..7).all(|i| n.get(i, i) == 0.0));
}

#[test]
fn congruence_with_average_normalisation_sums_to_26() {
    let s = dna_sample();
    let options = organisations(NetworkMode::Actor, NetworkType::Congruence)
        .with_normalization(Normalization::Average);
    let n = s.network(&options).unwrap();
    assert_eq!(n.sum().round(), 26.0);
}

#[test]
fn duplicates_per_document_keep_23_statements() {
    let s = dna_sample();
    let options = organisations(NetworkMode::Affiliation, NetworkType::Ignore)
        .with_duplicates(Duplicates::Document);
    let n = s.network(&options).unwrap();
    assert_eq!(n.position_count(), 23);
    assert_eq!(n.sum(), 23.0);
}

#[test]
fn congruence_and_conflict_add_up_to_ignore_for_binary_stances() {
    let s = dna_sample();
    let get = |kind| s.network(&organisations(NetworkMode::Actor, kind)).unwrap();
    let (ignore, congruence, conflict, subtract) = (
        get(NetworkType::Ignore),
        get(NetworkType::Congruence),
        get(NetworkType::Conflict),
        get(NetworkType::Subtract),
    );
    for r in 0..7 {
        for c in 0..7 {
            assert_eq!(congruence.get(r, c) + conflict.get(r, c), ignore.get(r, c));
            assert_eq!(
                congruence.get(r, c) - conflict.get(r, c),
                subtract.get(r, c)
            );
        }
    }
}

#[test]
fn concept_networks_and_normalisations_are_bounded() {
    let s = dna_sample();
    let concepts = s
        .network(&organisations(NetworkMode::Issue, NetworkType::Congruence))
        .unwrap();
    assert_eq!(concepts.row_labels().len(), 6);
    for normalization in [
        Normalization::Jaccard,
        Normalization::Cosine,
        Normalization::DnaJaccard,
        Normalization::DnaCosine,
    ] {
        let n = s
            .network(
                &organisations(NetworkMode::Actor, NetworkType::Congruence)
                    .with_normalization(normalization),
            )
            .unwrap();
        assert!(
            n.row_labels()
                .iter()
                .enumerate()
                .all(|(r, _)| n.row(r).iter().all(|v| (0.0..=1.0).contains(v))),
            "{normalization}"
        );
    }
    let activity = s
        .network(
            &organisations(NetworkMode::Affiliation, NetworkType::Ignore)
                .with_normalization(Normalization::Activity),
        )
        .unwrap();
    for r in 0..activity.row_labels().len() {
        assert!((activity.row(r).iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
}

#[test]
fn combinations_that_do_not_apply_are_errors() {
    let s = dna_sample();
    assert!(
        s.network(&NetworkOptions::new(
            NetworkMode::Affiliation,
            NetworkType::Congruence
        ))
        .is_err()
    );
    assert!(
        s.network(&NetworkOptions::new(
            NetworkMode::Actor,
            NetworkType::Combine
        ))
        .is_err()
    );
    let err = s
        .network(
            &NetworkOptions::new(NetworkMode::Actor, NetworkType::Ignore)
                .with_normalization(Normalization::Activity),
        )
        .unwrap_err();
    assert!(
        matches!(err, stancegraph::Error::InvalidOptions { .. }),
        "{err:?}"
    );
    assert_eq!(
        err.problems()[0].record.section,
        stancegraph::Section::Options
    );
    assert!(
        err.to_string()
            .contains("activity and prominence are for affiliation networks"),
        "{err}"
    );
}

#[test]
fn time_windows_cover_the_range_in_order() {
    let s = dna_sample();
    let windows = s
        .network_windows(
            &organisations(NetworkMode::Affiliation, NetworkType::Ignore),
            7,
            7,
        )
        .unwrap();
    assert_eq!(
        windows.len(),
        4,
        "weeks starting 2005-01-26, 02-02, 02-09 and 02-16"
    );
    let total: f64 = windows.iter().map(|w| w.sum()).sum();
    assert_eq!(total, 40.0, "disjoint windows count every statement once");
    assert_eq!(windows[0].span().0.unwrap().to_string(), "2005-01-26");
}

#[test]
fn bad_rows_are_reported_with_their_lines() {
    let csv = "person,organization,concept,agreement,date\n\
               Ann,Greens,Tax,1,2020-01-02\n\
               Bob,Coal,Tax,maybe,2020-02-30\n\
               Ann,Coal,Tax,0,2020-01-03\n\
               Cid,Coal\n";
    let err = StatementsCsv::new("organization", "concept", "agreement")
        .speaker("person")
        .date("date")
        .read_str(csv, "s.csv")
        .unwrap_err();
    let lines: Vec<String> = err.to_string().lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with(
            "s.csv:3: rows[2], field `agreement`: `maybe` is not in the mapping (support=support"
        ),
        "{err}"
    );
    assert!(
        lines[1].starts_with("s.csv:3: rows[2], field `date`: invalid date `2020-02-30`"),
        "{err}"
    );
    assert!(
        lines[2].starts_with("s.csv:5: rows[4]: the row has a different number of fields"),
        "{err}"
    );
    let missing = StatementsCsv::new("org", "concept", "agreement")
        .read_str(csv, "s.csv")
        .unwrap_err();
    assert!(
        missing
            .to_string()
            .contains("field `org`: no such column in the header"),
        "{missing}"
    );
}

const NASTY: &str = r#"
actors:
  - {id: "Smith, \"Jr.\" & <Co>", name: "Smith & Co", kind: organization}
  - {id: "line\nbreak; 'quote'", name: "Line break", kind: organization}
  - {id: "=cmd()", name: "Formula", kind: organization}
issues: [{id: x, name: "X <tax>"}, {id: y, name: Y}]
positions:
  - {actor: "Smith, \"Jr.\" & <Co>", issue: x, stance: support}
  - {actor: "line\nbreak; 'quote'", issue: x, stance: oppose}
  - {actor: "=cmd()", issue: x, stance: support}
  - {actor: "=cmd()", issue: y, stance: support}
"#;

#[test]
fn exports_survive_hostile_names() {
    use stancegraph::discourse::ExportFormat;
    let s = Scenario::from_yaml_str(NASTY).unwrap();
    let n = s
        .network(&NetworkOptions::new(
            NetworkMode::Actor,
            NetworkType::Subtract,
        ))
        .unwrap();

    // CSV matrix: read it back with a CSV parser (labels verbatim; by
    // default `=cmd()` would be written `'=cmd()` for spreadsheets).
    let csv = n.export_with(
        ExportFormat::Csv,
        &stancegraph::discourse::ExportOptions::verbatim(),
    );
    assert!(n.export(ExportFormat::Csv).contains(",'=cmd()"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let header: Vec<&str> = records[0].iter().skip(1).collect();
    assert_eq!(
        header,
        n.column_labels()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    for (r, record) in records[1..].iter().enumerate() {
        assert_eq!(&record[0], n.row_labels()[r].as_str());
        let values: Vec<f64> = record.iter().skip(1).map(|v| v.parse().unwrap()).collect();
        assert_eq!(values, n.row(r));
    }

    // Edge list: signs and weights.
    let edges = n.export(ExportFormat::Edges);
    let mut reader = csv::Reader::from_reader(edges.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert!(
        rows.iter()
            .any(|r| r[3] == *"-1" && r.iter().any(|f| f.contains("line\nbreak")))
    );

    // GraphML: well-formed XML whose labels are the keys, exactly.
    let graphml = n.export(ExportFormat::GraphMl);
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let labels: Vec<&str> = doc
        .descendants()
        .filter(|d| d.has_tag_name("data") && d.attribute("key") == Some("label"))
        .filter_map(|d| d.text())
        .collect();
    assert_eq!(
        labels,
        n.row_labels()
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
    );
    let keys: Vec<(&str, &str)> = doc
        .descendants()
        .filter(|d| d.has_tag_name("key"))
        .map(|d| {
            (
                d.attribute("attr.name").unwrap(),
                d.attribute("attr.type").unwrap(),
            )
        })
        .collect();
    assert!(keys.contains(&("weight", "double")) && keys.contains(&("sign", "int")));
    assert_eq!(
        doc.descendants().filter(|d| d.has_tag_name("edge")).count(),
        3
    );

    // DOT: every label quoted and escaped; conflict dashed.
    let dot = n.export(ExportFormat::Dot);
    assert!(dot.contains(r#""Smith, \"Jr.\" & <Co>""#), "{dot}");
    assert!(dot.contains(r#""line\nbreak; 'quote'""#), "{dot}");
    assert!(
        dot.contains("style=dashed") && dot.contains("style=solid"),
        "{dot}"
    );

    // JSON: parses, and the matrix is the network's.
    let json: serde_json::Value = serde_json::from_str(&n.export(ExportFormat::Json)).unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), 3);
    assert_eq!(json["type"], "subtract");
}

#[test]
fn two_mode_graphml_has_actor_and_issue_nodes() {
    let s = dna_sample();
    let n = s
        .network(&organisations(
            NetworkMode::Affiliation,
            NetworkType::Ignore,
        ))
        .unwrap();
    let graphml = n.export(stancegraph::discourse::ExportFormat::GraphMl);
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let types: Vec<&str> = doc
        .descendants()
        .filter(|d| d.has_tag_name("data") && d.attribute("key") == Some("type"))
        .filter_map(|d| d.text())
        .collect();
    assert_eq!(types.iter().filter(|t| **t == "actor").count(), 7);
    assert_eq!(types.iter().filter(|t| **t == "issue").count(), 6);
    assert_eq!(
        doc.descendants().filter(|d| d.has_tag_name("edge")).count(),
        22
    );
}

#[test]
fn imports_report_progress_up_to_the_end() {
    let text = include_str!("../data/dna_sample_statements.csv");
    let mut seen = Vec::new();
    StatementsCsv::new("organization", "concept", "agreement")
        .speaker("person")
        .read_str_with_progress(text, "s.csv", &mut |p| seen.push((p.done, p.total)))
        .unwrap();
    assert!(!seen.is_empty());
    assert!(
        seen.windows(2).all(|w| w[0].0 <= w[1].0),
        "monotonic: {seen:?}"
    );
    assert_eq!(
        *seen.last().unwrap(),
        (text.len() as u64, text.len() as u64)
    );
}

#[test]
fn review_cases_true_similarities_signs_windows_and_activity() {
    use stancegraph::discourse::ExportFormat;
    let s = Scenario::from_yaml_str(
        "
actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
issues: [{id: x, name: X}, {id: y, name: Y}]
positions:
  - {actor: a, issue: x, stance: support, date: 2020-01-01}
  - {actor: a, issue: x, stance: oppose, date: 2020-01-02}
  - {actor: b, issue: x, stance: support, date: 2020-01-03}
  - {actor: b, issue: x, stance: oppose, date: 2020-01-04}
  - {actor: b, issue: y, stance: oppose, date: 2020-03-01}
",
    )
    .unwrap();
    let one = |kind, normalization| {
        s.network(&NetworkOptions::new(NetworkMode::Actor, kind).with_normalization(normalization))
            .unwrap()
    };
    // Stance vectors a = (x+:1, x−:1), b = (x+:1, x−:1, y−:1): cosine 2/√6, Jaccard 2/3,
    // whatever the type.
    for kind in [
        NetworkType::Ignore,
        NetworkType::Conflict,
        NetworkType::Congruence,
    ] {
        let cosine = one(kind, Normalization::Cosine).value("a", "b").unwrap();
        assert!(
            (cosine - 2.0 / 6f64.sqrt()).abs() < 1e-12,
            "{kind}: {cosine}"
        );
        let jaccard = one(kind, Normalization::Jaccard).value("a", "b").unwrap();
        assert!((jaccard - 2.0 / 3.0).abs() < 1e-12, "{kind}: {jaccard}");
    }
    // A conflict network's ties are negative in every export.
    let conflict = one(NetworkType::Conflict, Normalization::None);
    assert!(conflict.export(ExportFormat::Edges).contains(",-1\n"));
    assert!(conflict.export(ExportFormat::Dot).contains("style=dashed"));
    // Activity divides by positions, not by signed values.
    let subtract = s
        .network(
            &NetworkOptions::new(NetworkMode::Affiliation, NetworkType::Subtract)
                .with_normalization(Normalization::Activity),
        )
        .unwrap();
    assert_eq!(subtract.value("b", "y"), Some(-1.0 / 3.0));
    // Windows stop at the range's end.
    let options = NetworkOptions::new(NetworkMode::Affiliation, NetworkType::Ignore)
        .with_range(None, Some("2020-01-02".parse().unwrap()));
    let windows = s.network_windows(&options, 30, 30).unwrap();
    assert_eq!(windows.len(), 1);
    assert_eq!(windows[0].span().1.unwrap().to_string(), "2020-01-02");
    assert_eq!(windows[0].sum(), 2.0);
}

#[test]
fn carriage_returns_survive_graphml() {
    let s = Scenario::from_yaml_str(
        "
actors: [{id: \"a\\r\\nb\", name: A, kind: state}, {id: c, name: C, kind: state}]
issues: [{id: x, name: X}]
positions:
  - {actor: \"a\\r\\nb\", issue: x, stance: support}
  - {actor: c, issue: x, stance: support}
",
    )
    .unwrap();
    let n = s
        .network(&NetworkOptions::new(
            NetworkMode::Actor,
            NetworkType::Congruence,
        ))
        .unwrap();
    let graphml = n.export(stancegraph::discourse::ExportFormat::GraphMl);
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let first = doc
        .descendants()
        .find(|d| d.has_tag_name("data") && d.attribute("key") == Some("label"))
        .and_then(|d| d.text())
        .unwrap();
    assert_eq!(first, "a\r\nb");
}

#[test]
fn a_person_speaking_for_two_organisations_counts_for_each() {
    let csv = "person,organization,concept,agreement\n\
               Ann,Greens,Tax,1\n\
               Ann,Coal,Tax,0\n\
               Coal,Greens,Tax,1\n";
    let s = StatementsCsv::new("organization", "concept", "agreement")
        .speaker("person")
        .read_str(csv, "s.csv")
        .unwrap();
    let keys: Vec<&str> = s.actors().map(|(_, a)| a.key()).collect();
    assert_eq!(
        keys,
        ["Greens", "Ann", "Coal", "Ann (Coal)", "Coal (person)"]
    );
    let n = s
        .network(
            &NetworkOptions::new(NetworkMode::Affiliation, NetworkType::Subtract)
                .with_level(Level::Principal),
        )
        .unwrap();
    assert_eq!(
        (n.value("Greens", "Tax"), n.value("Coal", "Tax")),
        (Some(2.0), Some(-1.0))
    );
}

/// CSV exports neutralise labels a spreadsheet would run as formulas, unless
/// asked for verbatim labels; every other format escapes for its own syntax.
#[test]
fn csv_exports_are_safe_for_spreadsheets_by_default() {
    use stancegraph::{
        discourse::{ExportFormat, ExportOptions},
        io::StatementsCsv,
    };
    let text = "actor,issue,stance\n\"=HYPERLINK(\"\"http://x\"\")\",a,support\n+p,a,support\n-m,a,support\n@t,a,support\n\"\tt\",a,support\nok,a,support\n";
    let s = StatementsCsv::new("actor", "issue", "stance")
        .read_str(text, "inj.csv")
        .unwrap();
    let n = s
        .network(&NetworkOptions::new(
            NetworkMode::Actor,
            NetworkType::Congruence,
        ))
        .unwrap();
    for format in [ExportFormat::Csv, ExportFormat::Edges] {
        let out = n.export(format);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        for record in reader.records() {
            for cell in record.unwrap().iter() {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{format:?}: {cell:?} in\n{out}"
                );
            }
        }
        assert!(out.contains("'=HYPERLINK"), "{out}");
        assert!(out.contains("ok"), "{out}");
        let raw = n.export_with(format, &ExportOptions::verbatim());
        assert!(raw.contains("\"=HYPERLINK(\"\"http://x\"\")\""), "{raw}");
        assert!(!raw.contains("'="), "{raw}");
    }
    // Numbers are never touched: a conflict network's negative values stay.
    let signed = s
        .network(&NetworkOptions::new(
            NetworkMode::Actor,
            NetworkType::Subtract,
        ))
        .unwrap();
    assert!(!signed.export(ExportFormat::Csv).contains("'-1"));
}
