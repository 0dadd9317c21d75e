//! Case folders: many files read as one scenario, sources as records with
//! their texts, quotes checked against them, and provenance.

use std::path::{Path, PathBuf};

use stancegraph::{
    Error, ProblemKind, Scenario, Section, contradiction::CheckOptions, io::LoadOptions,
};

use crate::common::{ScratchDir, founding, scratch_dir};

fn istanbul_case() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cases/istanbul")
}

/// A fresh case folder holding `files` (relative path, text).
fn case(name: &str, files: &[(&str, &str)]) -> ScratchDir {
    let dir = scratch_dir(&format!("case-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn problems(err: &Error) -> Vec<String> {
    err.to_string().lines().map(str::to_owned).collect()
}

const ACTORS: &str = "
actors:
  - {id: nato, name: NATO, kind: alliance}
  - {id: us, name: United States, kind: state, aliases: [USA], member_of: [nato]}
  - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
";

const ISSUES: &str = "
issues:
  - {id: freeze, name: NATO stops expanding eastward}
  - {id: join, name: Ukraine joins NATO}
relations:
  - {kind: excludes, issues: [freeze, join]}
";

#[test]
fn the_istanbul_case_gives_exactly_the_contradictions_of_the_single_file() {
    let single = founding();
    let case = Scenario::load(istanbul_case()).unwrap();
    // The same records: actors, issues, relations, and positions by key.
    assert_eq!(case.title(), single.title());
    let keys = |s: &Scenario| {
        s.positions()
            .map(|(_, p)| p.key().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(&case), keys(&single));
    for ((_, a), (_, b)) in case.positions().zip(single.positions()) {
        assert_eq!(
            (a.actor(), a.issue(), a.stance()),
            (b.actor(), b.issue(), b.stance())
        );
        assert_eq!((a.quote(), a.date()), (b.quote(), b.date()));
        assert_eq!(
            a.source().and_then(|s| s.title()),
            b.source().and_then(|s| s.title())
        );
    }
    let options = CheckOptions::default();
    let (from_case, from_file) = (
        case.contradictions(&options),
        single.contradictions(&options),
    );
    let summary = |found: &stancegraph::Contradictions<'_>| {
        found
            .iter()
            .map(|c| {
                let mut ids: Vec<&str> = c
                    .positions
                    .iter()
                    .map(|&p| c.scenario().position(p).key())
                    .collect();
                ids.sort_unstable();
                (c.kind, c.severity, ids.join(" "))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(summary(&from_case), summary(&from_file));
    assert_eq!(from_case.len(), 4);
    // The explanations are the same, naming the file each position was coded in.
    assert_eq!(
        from_case
            .explain()
            .to_string()
            .replace("; coded in statements-2025-05-29.yaml]", "]"),
        from_file.explain().to_string()
    );
    // Every quote cites the report and was verified against its text.
    let report = case.source("report").unwrap();
    assert!(
        report
            .text_path()
            .unwrap()
            .ends_with("sources/nato-freeze-article.txt")
    );
    assert!(
        case.positions()
            .all(|(_, p)| p.source() == Some(report) && p.quote().is_some())
    );
}

#[test]
fn provenance_names_each_records_file() {
    let case = Scenario::load(istanbul_case()).unwrap();
    let names: Vec<String> = case
        .provenance()
        .files()
        .iter()
        .map(|f| {
            f.strip_prefix(istanbul_case())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "actors.yaml",
            "issues.yaml",
            "sources/report.yaml",
            "statements-2025-05-29.yaml"
        ]
    );
    let p = case.provenance();
    let rutte = case.actor_id("rutte").unwrap();
    assert!(p.actor_file(rutte).unwrap().ends_with("actors.yaml"));
    let join = case.issue_id("ukraine-joins-nato").unwrap();
    assert!(p.issue_file(join).unwrap().ends_with("issues.yaml"));
    assert!(p.source_file(0).unwrap().ends_with("sources/report.yaml"));
    let kellogg = case.position_id("kellogg-freeze").unwrap();
    assert_eq!(
        p.position_in_case(kellogg),
        Some(Path::new("statements-2025-05-29.yaml"))
    );
    // The single file knows its one file, and is no case.
    let single = Scenario::load(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/istanbul-talks.yaml"),
    )
    .unwrap();
    assert_eq!(single.provenance().files().len(), 1);
    assert_eq!(single.provenance().position_in_case(kellogg), None);
    // Parsed from text: no file.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/istanbul-talks.yaml"),
    )
    .unwrap();
    assert!(
        Scenario::from_yaml_str(&text)
            .unwrap()
            .provenance()
            .files()
            .is_empty()
    );
}

#[test]
fn references_cross_files_in_both_directions() {
    // Positions come first in byte order and name actors, issues and a
    // source declared in later files; an actor links forward to a bloc.
    let dir = case(
        "cross",
        &[
            (
                "0-statements.yaml",
                "positions:\n  - {id: k, actor: kellogg, issue: freeze, stance: support, source: memo}\n  - {id: n, actor: nato, issue: join, stance: support, firmness: red_line}\n",
            ),
            ("1-actors.yaml", ACTORS),
            ("2-issues.yaml", ISSUES),
            (
                "3-sources.yaml",
                "sources:\n  - {id: memo, title: A memo, date: 2025-05-29}\n",
            ),
        ],
    );
    let s = Scenario::load(&dir).unwrap();
    assert_eq!(s.positions().len(), 2);
    let k = s.position(s.position_id("k").unwrap());
    assert_eq!(s.principal(k.actor()), s.actor_id("us").unwrap());
    assert_eq!(k.source().unwrap().title(), Some("A memo"));
    assert_eq!(
        k.source().unwrap().date(),
        Some("2025-05-29".parse().unwrap())
    );
    let found = s.contradictions(&CheckOptions::default());
    assert_eq!(found.len(), 1, "{}", found.explain());
}

#[test]
fn a_key_defined_in_two_files_names_both_places() {
    let dir = case(
        "dup",
        &[
            ("a.yaml", ACTORS),
            (
                "b/more.yaml",
                "actors:\n  - {id: russia, name: Russia, kind: state}\n  - {id: us, name: Again, kind: state}\n",
            ),
            (
                "c.yaml",
                &format!(
                    "{ISSUES}positions:\n  - {{id: p, actor: us, issue: join, stance: support}}\n"
                ),
            ),
            (
                "d.yaml",
                "positions:\n  - {id: q, actor: us, issue: join, stance: oppose}\n  - {id: p, actor: us, issue: freeze, stance: oppose}\n",
            ),
        ],
    );
    let err = Scenario::load(&dir).unwrap_err();
    let a = dir.join("a.yaml").display().to_string();
    let c = dir.join("c.yaml").display().to_string();
    assert_eq!(
        problems(&err),
        [
            format!(
                "{}:3: actors[1] (us), field `id`: duplicate id `us`, first used by actors[1] (us) at {a}:4",
                dir.join("b/more.yaml").display()
            ),
            format!(
                "{}:3: positions[1] (p), field `id`: duplicate id `p`, first used by positions[0] (p) at {c}:8",
                dir.join("d.yaml").display()
            ),
        ]
    );
    // The problems carry their file, the first place its file and line.
    let first = &err.problems()[0];
    assert_eq!(
        first.file.as_deref(),
        Some(dir.join("b/more.yaml").as_path())
    );
    match &first.kind {
        ProblemKind::DuplicateKey {
            first_file,
            first_line,
            ..
        } => {
            assert_eq!(first_file.as_deref(), Some(dir.join("a.yaml").as_path()));
            assert_eq!(*first_line, Some(4));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn title_and_description_may_be_given_once() {
    let dir = case(
        "title",
        &[
            (
                "a.yaml",
                "title: The talks\ndescription: Once\nactors: []\n",
            ),
            ("b.yaml", "title: Again\n"),
        ],
    );
    let err = Scenario::load(&dir).unwrap_err();
    assert_eq!(
        problems(&err),
        [format!(
            "{}: scenario, field `title`: given twice: first in {}",
            dir.join("b.yaml").display(),
            dir.join("a.yaml").display()
        )]
    );
    std::fs::write(dir.join("b.yaml"), "positions: []\n").unwrap();
    assert_eq!(Scenario::load(&dir).unwrap().title(), Some("The talks"));
}

#[test]
fn files_are_read_in_byte_order_of_their_paths_whatever_the_file_system_says() {
    // Byte order: upper case before lower case, `-` before `.` before `/`.
    let names = [
        "B.yaml",
        "a-b.yaml",
        "a.yaml",
        "a/b.yaml",
        "a/c/d.json",
        "b.toml",
    ];
    let actor = |i: usize| format!("actors:\n  - {{id: a{i}, name: A{i}, kind: state}}\n");
    let toml = |i: usize| format!("[[actors]]\nid = \"a{i}\"\nname = \"A{i}\"\nkind = \"state\"\n");
    let json = |i: usize| {
        format!("{{\"actors\": [{{\"id\": \"a{i}\", \"name\": \"A{i}\", \"kind\": \"state\"}}]}}")
    };
    let mut loaded = Vec::new();
    for (round, order) in [[0, 1, 2, 3, 4, 5], [5, 3, 1, 4, 0, 2], [2, 4, 5, 0, 3, 1]]
        .iter()
        .enumerate()
    {
        // Files created in different orders, each naming its actor by its
        // rank in byte order.
        let dir = scratch_dir(&format!("case-order-{round}"));
        let _ = std::fs::remove_dir_all(&dir);
        for &i in order {
            let path = dir.join(names[i]);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let text = match names[i].rsplit('.').next() {
                Some("toml") => toml(i),
                Some("json") => json(i),
                _ => actor(i),
            };
            std::fs::write(path, text).unwrap();
        }
        let s = Scenario::load(&dir).unwrap();
        let keys: Vec<&str> = s.actors().map(|(_, a)| a.key()).collect();
        assert_eq!(keys, ["a0", "a1", "a2", "a3", "a4", "a5"]);
        loaded.push(s);
    }
    assert!(loaded.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn hidden_files_and_other_files_are_skipped() {
    let dir = case(
        "hidden",
        &[
            ("actors.yaml", ACTORS),
            (
                ".draft.yaml",
                "actors: [{id: hidden, name: H, kind: state}]\n",
            ),
            (".git/config.yaml", "this: [is not a scenario\n"),
            (
                "notes/.old/x.yaml",
                "actors: [{id: old, name: O, kind: state}]\n",
            ),
            ("sources/report.txt", "The report's text."),
            ("README.md", "# A case\n"),
        ],
    );
    let s = Scenario::load(&dir).unwrap();
    assert_eq!(s.actors().len(), 3);
    assert_eq!(s.provenance().files().len(), 1);
    #[cfg(unix)]
    {
        // A link to a folder is not followed (it could loop); a link to a file is.
        std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
        std::fs::write(dir.join("issues.yml.real"), ISSUES).unwrap();
        std::os::unix::fs::symlink(dir.join("issues.yml.real"), dir.join("issues.yml")).unwrap();
        let s = Scenario::load(&dir).unwrap();
        assert_eq!((s.actors().len(), s.issues().len()), (3, 2));
    }
}

#[test]
fn an_empty_folder_is_an_error_naming_it() {
    let dir = case("empty", &[("notes.txt", "nothing here")]);
    let err = Scenario::load(&dir).unwrap_err();
    assert!(matches!(err, Error::EmptyCase { .. }));
    assert!(err.to_string().starts_with(&format!(
        "{}: the folder holds no scenario file",
        dir.display()
    )));
}

#[test]
fn every_problem_names_its_file_and_line() {
    let dir = case(
        "problems",
        &[
            ("actors.yaml", ACTORS),
            ("issues.yaml", ISSUES),
            (
                "z/late.yaml",
                "positions:\n  - {id: a, actor: kelog, issue: freeze, stance: support}\n  - {id: b, actor: us, issue: frieze, stance: suport}\n",
            ),
        ],
    );
    let err = Scenario::load(&dir).unwrap_err();
    let late = dir.join("z/late.yaml").display().to_string();
    assert_eq!(
        problems(&err),
        [
            format!(
                "{late}:2: positions[0] (a), field `actor`: unknown actor `kelog`; did you mean `kellogg`?"
            ),
            format!(
                "{late}:3: positions[1] (b), field `issue`: unknown issue `frieze`; did you mean `freeze`?"
            ),
            format!(
                "{late}:3: positions[1] (b), field `stance`: unknown stance `suport`; expected one of: support, oppose, neutral; did you mean `support`?"
            ),
        ]
    );
    // A syntax error stops at its file, with line and column.
    std::fs::write(dir.join("issues.yaml"), "issues: [\n").unwrap();
    let err = Scenario::load(&dir).unwrap_err();
    assert!(matches!(err, Error::Syntax { .. }));
    assert!(
        err.to_string()
            .starts_with(&format!("{}:", dir.join("issues.yaml").display())),
        "{err}"
    );
}

#[test]
fn aliases_resolve_across_files() {
    let dir = case(
        "aliases",
        &[
            (
                "a.yaml",
                "positions:\n  - {id: p, actor: USA, issue: join, stance: oppose}\n",
            ),
            ("b.yaml", ACTORS),
            ("c.yaml", ISSUES),
            (
                "d.yaml",
                "actors:\n  - {id: usa-bis, name: Another, kind: state, aliases: [USA]}\n",
            ),
        ],
    );
    let err = Scenario::load(&dir).unwrap_err();
    assert_eq!(
        problems(&err),
        [format!(
            "{}:2: actors[0] (usa-bis), field `aliases[0]`: `USA` would name two actors: actors[1] (us) already answers to it",
            dir.join("d.yaml").display()
        )]
    );
    std::fs::remove_file(dir.join("d.yaml")).unwrap();
    let s = Scenario::load(&dir).unwrap();
    assert_eq!(
        s.position(s.position_id("p").unwrap()).actor(),
        s.actor_id("us").unwrap()
    );
}

const TEXT: &str = "Kellogg said: \u{201c}That\u{2019}s one of the issues that Russia will bring up.\u{201d}\n\
                    NATO\u{2019}s Mark Rutte said membership is irreversible \u{2013} full stop.";

#[test]
fn sources_are_records_with_files_beside_their_declaration() {
    let dir = case(
        "sources",
        &[
            ("actors.yaml", ACTORS),
            ("issues.yaml", ISSUES),
            (
                "sources/index.yaml",
                "sources:\n  - {id: report, title: The report, publisher: A paper, url: 'https://example.org/r', date: 2025-05-29, file: texts/report.txt}\n",
            ),
            ("sources/texts/report.txt", TEXT),
            (
                "statements.yaml",
                "positions:\n  - {id: k, actor: kellogg, issue: freeze, stance: support, source: report, quote: \"That's one of the issues that Russia will bring up.\"}\n  - {id: n, actor: nato, issue: join, stance: support, source: {title: Inline, file: sources/texts/report.txt}, quote: \"membership is irreversible - full stop\"}\n",
            ),
        ],
    );
    let s = Scenario::load(&dir).unwrap();
    let report = s.source("report").unwrap();
    assert_eq!(report.file(), Some(Path::new("texts/report.txt")));
    assert_eq!(
        report.text_path(),
        Some(dir.join("sources/texts/report.txt").as_path())
    );
    assert_eq!(report.publisher(), Some("A paper"));
    let n = s.position(s.position_id("n").unwrap());
    assert_eq!(n.source().unwrap().key(), None);
    assert_eq!(
        n.source().unwrap().text_path(),
        Some(dir.join("sources/texts/report.txt").as_path())
    );
    // Written back, a declared source is listed once and cited by its key.
    let yaml = s.to_string_as(stancegraph::io::Format::Yaml).unwrap();
    assert!(yaml.contains("sources:\n- id: report"), "{yaml}");
    assert!(yaml.contains("source: report"), "{yaml}");
    assert_eq!(Scenario::from_yaml_str(&yaml).unwrap(), s);
}

#[test]
fn source_problems_name_the_record_and_field() {
    let dir = case(
        "source-problems",
        &[
            ("actors.yaml", ACTORS),
            ("issues.yaml", ISSUES),
            (
                "sources.yaml",
                "sources:\n  - {id: report, title: The report, file: missing.txt}\n  - {title: No id}\n  - just-a-name\n",
            ),
            (
                "statements.yaml",
                "positions:\n  - {id: k, actor: kellogg, issue: freeze, stance: support, source: reprot}\n  - {id: n, actor: nato, issue: join, stance: support, source: {id: x, title: Inline}}\n",
            ),
        ],
    );
    let err = Scenario::load(&dir).unwrap_err();
    let lines = problems(&err);
    let sources = dir.join("sources.yaml").display().to_string();
    let statements = dir.join("statements.yaml").display().to_string();
    assert_eq!(lines.len(), 5, "{err}");
    assert!(
        lines[0].starts_with(&format!(
            "{sources}:2: sources[0] (report), field `file`: cannot read `{}`: ",
            dir.join("missing.txt").display()
        )),
        "{}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        format!("{sources}:3: sources[1], field `id`: missing required field")
    );
    assert_eq!(
        lines[2],
        format!(
            "{sources}:4: sources[2] (just-a-name): a source is a mapping with keys id, title, publisher, url, date, file"
        )
    );
    assert_eq!(
        lines[3],
        format!(
            "{statements}:2: positions[0] (k), field `source`: unknown source `reprot`; did you mean `report`?"
        )
    );
    assert!(lines[4].starts_with(&format!("{statements}:3: positions[1] (n), field `source.id`: a source given on a position has no id")));
    assert_eq!(err.problems()[0].record.section, Section::Sources);
}

#[test]
fn a_quote_not_in_its_source_is_a_problem_with_the_closest_passage() {
    let dir = case(
        "quotes",
        &[
            ("actors.yaml", ACTORS),
            ("issues.yaml", ISSUES),
            (
                "sources.yaml",
                "sources:\n  - {id: report, title: The report, file: report.txt}\n",
            ),
            ("report.txt", TEXT),
            (
                "statements.yaml",
                "positions:\n  - {id: k, actor: kellogg, issue: freeze, stance: support, source: report, quote: \"That's one of the issues that Russia will brung up.\"}\n",
            ),
        ],
    );
    let err = Scenario::load(&dir).unwrap_err();
    let problem = &err.problems()[0];
    assert_eq!(
        (problem.record.key.as_deref(), problem.field.as_deref()),
        (Some("k"), Some("quote"))
    );
    assert_eq!(
        problem.file.as_deref(),
        Some(dir.join("statements.yaml").as_path())
    );
    match &problem.kind {
        ProblemKind::QuoteNotFound { closest, file, .. } => {
            assert_eq!(file, &dir.join("report.txt"));
            assert!(
                closest
                    .as_deref()
                    .is_some_and(|c| c.contains("will bring up")),
                "{err}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A draft skips the quotes, not the files.
    let draft = LoadOptions::default().with_quote_check(false);
    assert!(Scenario::load_with(&dir, &draft).is_ok());
    std::fs::remove_file(dir.join("report.txt")).unwrap();
    let err = Scenario::load_with(&dir, &draft).unwrap_err();
    assert!(
        matches!(err.problems()[0].kind, ProblemKind::UnreadableFile { .. }),
        "{err}"
    );
    // Parsed from text, no file is read.
    let text = std::fs::read_to_string(dir.join("sources.yaml")).unwrap();
    assert!(Scenario::from_yaml_str(&text).is_ok());
}
