//! Loading scenario files: every validation class names its record and field.

use crate::common;
use stancegraph::{Error, ProblemKind, Scenario, Section, io::Format};

const BASE: &str = "
actors:
  - {id: us, name: United States, kind: state, member_of: [nato]}
  - {id: nato, name: NATO, kind: alliance}
  - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
issues:
  - {id: freeze, name: NATO stops expanding eastward}
  - {id: join, name: Ukraine joins NATO}
  - {id: ceasefire, name: A full ceasefire}
relations:
  - {kind: excludes, issues: [freeze, join]}
positions:
  - {id: kf, actor: kellogg, issue: freeze, stance: support, condition: ceasefire, date: 2025-05-29}
";

/// The problems of a YAML scenario, one line each (without the origin).
fn problems(yaml: &str) -> Vec<String> {
    match Scenario::from_yaml_str(yaml) {
        Ok(_) => panic!("expected the scenario to be rejected:\n{yaml}"),
        Err(e) => {
            assert!(
                !e.problems().is_empty(),
                "expected validation problems, got: {e}"
            );
            e.problems().iter().map(ToString::to_string).collect()
        }
    }
}

fn one_problem(yaml: &str) -> String {
    let p = problems(yaml);
    assert_eq!(p.len(), 1, "{p:#?}");
    p.into_iter().next().unwrap()
}

#[test]
fn the_base_scenario_is_valid() {
    let s = Scenario::from_yaml_str(BASE).unwrap();
    assert_eq!(s.actors().len(), 3);
    assert_eq!(
        s.position(s.position_id("kf").unwrap())
            .date()
            .unwrap()
            .to_string(),
        "2025-05-29"
    );
}

#[test]
fn unknown_actor_reference_names_record_field_and_suggestion() {
    let p = one_problem(&BASE.replace("actor: kellogg", "actor: kelog"));
    assert_eq!(
        p,
        "positions[0] (kf), field `actor`: unknown actor `kelog`; did you mean `kellogg`?"
    );
}

#[test]
fn unknown_issue_references_everywhere() {
    let p = problems(
        &BASE
            .replace("issue: freeze,", "issue: freze,")
            .replace("[freeze, join]", "[freeze, joins]")
            .replace("condition: ceasefire", "condition: {issue: ceasfire}"),
    );
    assert_eq!(
        p,
        [
            "relations[0], field `issues[1]`: unknown issue `joins`; did you mean `join`?",
            "positions[0] (kf), field `issue`: unknown issue `freze`; did you mean `freeze`?",
            "positions[0] (kf), field `condition.issue`: unknown issue `ceasfire`; did you mean `ceasefire`?",
        ]
    );
}

#[test]
fn unknown_membership_and_speaker_references() {
    let p = problems(
        &BASE
            .replace("[nato]", "[natoo]")
            .replace("speaks_for: us", "speaks_for: usa"),
    );
    assert_eq!(
        p,
        [
            "actors[0] (us), field `member_of[0]`: unknown actor `natoo`; did you mean `nato`?",
            "actors[2] (kellogg), field `speaks_for`: unknown actor `usa`; did you mean `us`?",
        ]
    );
}

#[test]
fn duplicate_ids_in_each_list() {
    let yaml = BASE
        .replace(
            "  - {id: nato, name: NATO, kind: alliance}",
            "  - {id: nato, name: NATO, kind: alliance}\n  - {id: us, name: Again, kind: state}",
        )
        .replace(
            "  - {id: ceasefire, name: A full ceasefire}",
            "  - {id: join, name: Again}",
        )
        .replace("condition: ceasefire, ", "")
        + "  - {id: kf, actor: us, issue: join, stance: oppose}\n";
    assert_eq!(
        problems(&yaml),
        [
            "actors[2] (us), field `id`: duplicate id `us`, first used by actors[0] (us) at line 3",
            "issues[2] (join), field `id`: duplicate id `join`, first used by issues[1] (join) at line 9",
            "positions[1] (kf), field `id`: duplicate id `kf`, first used by positions[0] (kf) at line 14",
        ]
    );
}

#[test]
fn membership_and_speaks_for_cycles() {
    let yaml = BASE
        .replace("kind: alliance}", "kind: alliance, member_of: [us]}")
        .replace(
            "kind: state, member_of",
            "kind: state, speaks_for: kellogg, member_of",
        );
    assert_eq!(
        problems(&yaml),
        [
            "actors[0] (us), field `member_of`: `member_of` cycle: us -> nato -> us",
            "actors[0] (us), field `speaks_for`: `speaks_for` cycle: us -> kellogg -> us",
        ]
    );
    let p = one_problem(&BASE.replace("kind: alliance}", "kind: alliance, member_of: [nato]}"));
    assert_eq!(
        p,
        "actors[1] (nato), field `member_of`: `member_of` cycle: nato -> nato"
    );
    let p = one_problem(&BASE.replace("speaks_for: us", "speaks_for: kellogg"));
    assert_eq!(
        p,
        "actors[2] (kellogg), field `speaks_for`: `speaks_for` cycle: kellogg -> kellogg"
    );
}

#[test]
fn relations_with_too_few_or_repeated_issues() {
    let p = one_problem(&BASE.replace(
        "{kind: excludes, issues: [freeze, join]}",
        "{kind: implies, issues: [freeze]}",
    ));
    assert_eq!(
        p,
        "relations[0], field `issues`: a `implies` relation needs exactly 2 issues, found 1"
    );
    let p = one_problem(&BASE.replace("[freeze, join]", "[freeze, freeze]"));
    assert_eq!(
        p,
        "relations[0], field `issues`: issue `freeze` appears more than once"
    );
    let p = one_problem(&BASE.replace(
        "{kind: excludes, issues: [freeze, join]}",
        "{kind: incompatible, issues: [join]}",
    ));
    assert_eq!(
        p,
        "relations[0], field `issues`: a `incompatible` relation needs at least 2 issues, found 1"
    );
    assert!(
        Scenario::from_yaml_str(&BASE.replace(
            "{kind: excludes, issues: [freeze, join]}",
            "{kind: incompatible, issues: [freeze, join, ceasefire]}"
        ))
        .is_ok()
    );
}

#[test]
fn unknown_enum_values_list_the_allowed_ones() {
    let p = problems(
        &BASE
            .replace("stance: support", "stance: suport, firmness: redline")
            .replace("kind: excludes", "kind: exclude")
            .replace("kind: person", "kind: human"),
    );
    assert_eq!(
        p,
        [
            "actors[2] (kellogg), field `kind`: unknown actor kind `human`; expected one of: state, alliance, organization, person, group, other",
            "relations[0], field `kind`: unknown relation kind `exclude`; expected one of: implies, excludes, equivalent, incompatible; did you mean `excludes`?",
            "positions[0] (kf), field `stance`: unknown stance `suport`; expected one of: support, oppose, neutral; did you mean `support`?",
            "positions[0] (kf), field `firmness`: unknown firmness `redline`; expected one of: negotiable, firm, red_line; did you mean `red_line`?",
        ]
    );
}

#[test]
fn invalid_and_impossible_dates() {
    let p = problems(
        &BASE
            .replace("date: 2025-05-29", "date: 2025-02-30, until: 29 May 2025")
            .replace(
                "member_of: [nato]",
                "member_of: [{actor: nato, since: 1949-13-04}]",
            ),
    );
    assert_eq!(
        p,
        [
            "actors[0] (us), field `member_of[0].since`: invalid date `1949-13-04`: month must be between 01 and 12",
            "positions[0] (kf), field `date`: invalid date `2025-02-30`: day 30 does not exist in 2025-02",
            "positions[0] (kf), field `until`: invalid date `29 May 2025`: expected YYYY-MM-DD",
        ]
    );
}

#[test]
fn until_before_date() {
    let p = one_problem(&BASE.replace("date: 2025-05-29", "date: 2025-05-29, until: 2025-05-28"));
    assert_eq!(
        p,
        "positions[0] (kf), field `until`: `until` 2025-05-28 is before `date` 2025-05-29"
    );
    let p = one_problem(&BASE.replace(
        "[nato]",
        "[{actor: nato, since: 1949-04-04, until: 1900-01-01}]",
    ));
    assert_eq!(
        p,
        "actors[0] (us), field `member_of[0].until`: `until` 1900-01-01 is before `since` 1949-04-04"
    );
}

#[test]
fn missing_required_fields() {
    let p = problems(
        &BASE
            .replace("{id: nato, name: NATO, kind: alliance}", "{id: nato}")
            .replace("stance: support, ", ""),
    );
    assert_eq!(
        p,
        [
            "actors[1] (nato), field `name`: missing required field",
            "actors[1] (nato), field `kind`: missing required field",
            "positions[0] (kf), field `stance`: missing required field",
        ]
    );
}

#[test]
fn invalid_keys() {
    let p = problems(
        &BASE
            .replace("{id: join,", "{id: \"\",")
            .replace("[freeze, join]", "[freeze, ceasefire]"),
    );
    assert_eq!(p, ["issues[1], field `id`: invalid id ``: it is empty"]);
    let p = one_problem(&BASE.replace("{id: kf,", "{id: \" kf\","));
    assert_eq!(
        p,
        "positions[0] ( kf), field `id`: invalid id ` kf`: it starts or ends with white space"
    );
}

#[test]
fn unknown_keys_get_a_did_you_mean_hint() {
    let p = problems(
        &BASE
            .replace(
                "stance: support",
                "stance: support, qoute: \"x\", source: {titel: t}",
            )
            .replace("actors:", "titel: t\nactors:"),
    );
    assert_eq!(
        p,
        [
            "scenario, field `titel`: unknown field; did you mean `title`?",
            "positions[0] (kf), field `qoute`: unknown field; did you mean `quote`?",
            "positions[0] (kf), field `source.titel`: unknown field; did you mean `title`?",
        ]
    );
}

#[test]
fn a_bare_word_condition_must_be_an_issue() {
    let p = one_problem(&BASE.replace("condition: ceasefire", "condition: ceasfire"));
    assert_eq!(
        p,
        "positions[0] (kf), field `condition`: `ceasfire` is not an issue; did you mean `ceasefire`?; \
         write `{text: \"...\"}` for a condition in words"
    );
    let s = Scenario::from_yaml_str(
        &BASE.replace("condition: ceasefire", "condition: if the talks succeed"),
    )
    .unwrap();
    let kf = s.position(s.position_id("kf").unwrap());
    assert_eq!(
        kf.condition(),
        Some(&stancegraph::Condition::Text("if the talks succeed".into()))
    );
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let yaml = BASE
        .replace("kind: state", "kind: stat")
        .replace("speaks_for: us", "speaks_for: uss")
        .replace("stance: support", "stance: suport")
        .replace("date: 2025-05-29", "date: 2025-02-31");
    assert_eq!(problems(&yaml).len(), 4);
}

#[test]
fn problems_are_typed() {
    let err = Scenario::from_yaml_str(&BASE.replace("actor: kellogg", "actor: kelog")).unwrap_err();
    let problem = &err.problems()[0];
    assert_eq!(problem.record.section, Section::Positions);
    assert_eq!(problem.record.index, Some(0));
    assert_eq!(problem.field.as_deref(), Some("actor"));
    assert!(matches!(
        &problem.kind,
        ProblemKind::UnknownReference { key, suggestion: Some(s), .. } if key == "kelog" && s == "kellogg"
    ));
}

#[test]
fn malformed_yaml_gives_line_and_column() {
    let err = Scenario::from_yaml_str("actors:\n  - {id: us, name: [United States}\n").unwrap_err();
    match &err {
        Error::Syntax {
            line,
            column,
            format,
            ..
        } => {
            assert_eq!(*format, Format::Yaml);
            assert_eq!(*line, Some(2));
            assert!(column.is_some());
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(err.to_string().starts_with("<input>:2:"), "{err}");
}

#[test]
fn wrong_value_types_are_syntax_errors_with_location() {
    let err = Scenario::from_yaml_str("actors:\n  - id: [us]\n    name: US\n").unwrap_err();
    assert!(
        matches!(err, Error::Syntax { line: Some(2), .. }),
        "{err:?}"
    );

    let json = "{\"actors\": [\n  {\"id\": \"us\", \"name\": \"US\", \"kind\": 5}\n]}";
    let err = Scenario::from_json_str(json).unwrap_err();
    match &err {
        Error::Syntax { line, path, .. } => {
            assert_eq!(*line, Some(2));
            assert_eq!(path.as_deref(), Some("actors[0].kind"));
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(err.to_string().contains("(at actors[0].kind)"), "{err}");
}

#[test]
fn malformed_json_gives_line_and_column() {
    let err = Scenario::from_json_str("{\"actors\": [\n  {\"id\": \"us\",}\n]}").unwrap_err();
    assert!(
        matches!(
            err,
            Error::Syntax {
                line: Some(2),
                column: Some(_),
                ..
            }
        ),
        "{err:?}"
    );
    let err = Scenario::from_json_str("{} trailing").unwrap_err();
    assert!(
        matches!(err, Error::Syntax { line: Some(1), .. }),
        "{err:?}"
    );
}

#[test]
fn duplicate_keys_are_rejected_in_every_format() {
    let err = Scenario::from_json_str(
        r#"{"actors": [{"id": "us", "id": "uk", "name": "x", "kind": "state"}]}"#,
    )
    .unwrap_err();
    assert!(err.to_string().contains("duplicate field `id`"), "{err}");
    assert!(matches!(err, Error::Syntax { line: Some(1), .. }));
    let err = Scenario::from_json_str(r#"{"actors": [], "actors": []}"#).unwrap_err();
    assert!(
        err.to_string().contains("duplicate field `actors`"),
        "{err}"
    );
    let err = Scenario::from_yaml_str("actors: []\nactors: []\n").unwrap_err();
    assert!(
        matches!(err, Error::Syntax { line: Some(2), .. }),
        "{err:?}"
    );
}

#[test]
fn json_and_yaml_have_the_same_shape() {
    let yaml = Scenario::from_yaml_str(BASE).unwrap();
    let json = Scenario::from_json_str(&yaml.to_string_as(Format::Json).unwrap()).unwrap();
    assert_eq!(yaml, json);
    let handwritten = r#"{
      "actors": [{"id": "us", "name": "United States", "kind": "state",
                  "member_of": [{"actor": "nato", "since": "1949-04-04"}]},
                 {"id": "nato", "name": "NATO", "kind": "alliance"}],
      "issues": [{"id": "join", "name": "Ukraine joins NATO"}],
      "positions": [{"actor": "nato", "issue": "join", "stance": "support", "firmness": "red_line",
                     "condition": {"text": "when conditions are met"}}]
    }"#;
    let s = Scenario::from_json_str(handwritten).unwrap();
    assert_eq!(
        s.actor(s.actor_id("us").unwrap()).memberships()[0]
            .since()
            .unwrap()
            .to_string(),
        "1949-04-04"
    );
}

#[cfg(feature = "toml")]
#[test]
fn toml_reads_native_and_string_dates() {
    let toml = r#"
title = "TOML"
[[actors]]
id = "rutte"
name = "Mark Rutte"
kind = "person"
[[issues]]
id = "join"
name = "Ukraine joins NATO"
[[positions]]
actor = "rutte"
issue = "join"
stance = "support"
date = 2025-05-29
until = "2025-06-30"
"#;
    let s = Scenario::from_toml_str(toml).unwrap();
    let (_, p) = s.positions().next().unwrap();
    assert_eq!(p.date().unwrap().to_string(), "2025-05-29");
    assert_eq!(p.until().unwrap().to_string(), "2025-06-30");
    let err = Scenario::from_toml_str(&toml.replace("date = 2025-05-29", "date = 2025-02-30"))
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Syntax { line: Some(_), .. } | Error::Invalid { .. }
        ),
        "{err:?}"
    );
    let err = Scenario::from_toml_str(&toml.replace("stance = \"support\"", "stance = \"suport\""))
        .unwrap_err();
    assert_eq!(err.problems().len(), 1);
}

#[test]
fn byte_order_mark_crlf_and_encoding() {
    let with_bom = format!("\u{feff}{}", BASE.replace('\n', "\r\n"));
    assert!(Scenario::from_yaml_str(&with_bom).is_ok());
    let mut bytes = BASE.as_bytes().to_vec();
    bytes.insert(40, 0xff);
    let err = Scenario::from_slice_as(&bytes, Format::Yaml, "bad.yaml").unwrap_err();
    assert!(err.to_string().starts_with("bad.yaml:3:"), "{err}");
    assert!(err.to_string().contains("not valid UTF-8"), "{err}");
    let err = Scenario::from_slice_as(b"  \n", Format::Json, "empty.json").unwrap_err();
    assert_eq!(err.to_string(), "empty.json: the file is empty");
}

#[test]
fn files_name_themselves_in_errors() {
    let dir = common::scratch_dir("loading");
    let path = dir.join("talks.yaml");
    std::fs::write(&path, BASE.replace("actor: kellogg", "actor: kelog")).unwrap();
    let err = Scenario::load(&path).unwrap_err();
    assert!(
        err.to_string()
            // BASE starts with a newline, so the position is on line 13.
            .starts_with(&format!("{}:13: positions[0] (kf)", path.display())),
        "{err}"
    );

    let missing = dir.join("missing.yaml");
    assert!(matches!(Scenario::load(&missing), Err(Error::Io { .. })));
    assert!(matches!(
        Scenario::load(dir.join("talks.txt")),
        Err(Error::UnknownFormat { .. })
    ));
    assert!(matches!(
        Scenario::load_as(&dir, Format::Yaml),
        Err(Error::Io { .. })
    ));

    let saved = dir.join("saved.json");
    let s = Scenario::from_yaml_str(BASE).unwrap();
    s.save(&saved).unwrap();
    assert_eq!(Scenario::load(&saved).unwrap(), s);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn large_yaml_files_are_not_cut_off_by_parser_limits() {
    // 30,000 positions, with the source written once and aliased.
    let mut yaml = String::from(
        "actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]\nissues: [{id: x, name: X}]\npositions:\n",
    );
    yaml.push_str("  - {actor: a, issue: x, stance: support, source: &src {title: The report}}\n");
    for i in 1..30_000 {
        let actor = if i % 2 == 0 { "a" } else { "b" };
        yaml.push_str(&format!(
            "  - {{actor: {actor}, issue: x, stance: oppose, source: *src}}\n"
        ));
    }
    let s = Scenario::from_yaml_str(&yaml).unwrap();
    assert_eq!(s.positions().len(), 30_000);
    assert_eq!(
        s.position(s.position_id("b:x:2").unwrap())
            .source()
            .unwrap()
            .title(),
        Some("The report")
    );
}

#[test]
fn yaml_alias_bombs_are_refused_with_a_location() {
    let mut yaml = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        let prev = format!("*a{}", i - 1);
        yaml.push_str(&format!(
            "a{i}: &a{i} [{}]\n",
            [prev.as_str(); 10].join(", ")
        ));
    }
    yaml.push_str("title: *a8\n");
    let err = Scenario::from_yaml_str(&yaml).unwrap_err();
    assert!(
        matches!(err, Error::Syntax { line: Some(_), .. }),
        "{err:?}"
    );
}

#[test]
fn positions_may_come_before_the_actors_and_issues_they_name() {
    let json = r#"{
      "positions": [{"actor": "us", "issue": "x", "stance": "support"},
                    {"id": "us:x", "actor": "us", "issue": "x", "stance": "oppose"}],
      "issues": [{"id": "x", "name": "X"}],
      "actors": [{"id": "us", "name": "United States", "kind": "state"}]
    }"#;
    let s = Scenario::from_json_str(json).unwrap();
    // The explicit key wins; the keyless position gets the next free one.
    let keys: Vec<&str> = s.positions().map(|(_, p)| p.key()).collect();
    assert_eq!(keys, ["us:x:2", "us:x"]);
    let err = Scenario::from_json_str(&json.replace(
        "\"actor\": \"us\", \"issue\": \"x\", \"stance\": \"support\"",
        "\"actor\": \"uk\", \"issue\": \"x\", \"stance\": \"support\"",
    ))
    .unwrap_err();
    assert_eq!(
        err.problems()[0].to_string(),
        "positions[0], field `actor`: unknown actor `uk`; did you mean `us`?"
    );
}

#[test]
fn validation_problems_carry_the_record_line_in_yaml_and_toml() {
    let err =
        Scenario::from_yaml_str(&BASE.replace("speaks_for: us", "speaks_for: usa")).unwrap_err();
    assert_eq!(err.problems()[0].line, Some(5));
    assert!(
        err.to_string()
            .starts_with("<input>:5: actors[2] (kellogg), field `speaks_for`"),
        "{err}"
    );

    let json = Scenario::from_yaml_str(BASE)
        .unwrap()
        .to_string_as(Format::Json)
        .unwrap();
    let err =
        Scenario::from_json_str(&json.replace("\"actor\": \"kellogg\"", "\"actor\": \"kelog\""))
            .unwrap_err();
    assert_eq!(
        err.problems()[0].line,
        None,
        "JSON parsers report no positions for valid values"
    );

    #[cfg(feature = "toml")]
    {
        let toml = Scenario::from_yaml_str(BASE)
            .unwrap()
            .to_string_as(Format::Toml)
            .unwrap();
        let broken = toml.replace("actor = \"kellogg\"", "actor = \"kelog\"");
        let err = Scenario::from_toml_str(&broken).unwrap_err();
        let line = err.problems()[0].line.expect("TOML records have lines");
        let record_line = broken.lines().nth(line as usize - 1).unwrap();
        assert!(
            record_line.starts_with("[[positions]]") || record_line.starts_with("id = "),
            "{record_line:?} at {line}\n{broken}"
        );
    }
}
