//! The report's "What changed since D" section (`HtmlReportOptions::since`,
//! `stancegraph report --since`): what it lists, that it follows the diff
//! between the two days, and that it is absent without `since`.

use roxmltree::Document;
use stancegraph::{
    Error, Scenario,
    diff::DiffOptions,
    render::{HtmlReport, HtmlReportOptions},
};

use crate::common::{self, count_class, has_class};
use crate::report::{parse, text_of};

/// NATO's red line; the US first opposes the freeze and Ukraine joining
/// (until 20 May), then offers the freeze through its envoy; Russia opposes
/// the freeze the next day.
fn case() -> String {
    format!(
        "{}positions:
  - {{id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line, date: 2025-05-01}}
  - {{id: us-before, actor: us, issue: freeze, stance: oppose, date: 2024-01-10}}
  - {{id: us-join, actor: us, issue: join, stance: oppose, date: 2025-01-01, until: 2025-05-20}}
  - {{id: offer, actor: kellogg, issue: freeze, stance: support, date: 2025-05-29,
     quote: \"That's one of the issues that Russia will bring up\"}}
  - {{id: moscow, actor: russia, issue: freeze, stance: oppose, date: 2025-05-30}}
",
        crate::diff::ACTORS
    )
}

fn scenario() -> Scenario {
    Scenario::from_yaml_str(&case()).unwrap()
}

fn since(day: &str) -> HtmlReportOptions {
    HtmlReportOptions::new().with_since(day.parse().unwrap())
}

fn changes<'a>(doc: &'a Document<'a>) -> Option<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .find(|n| n.has_tag_name("section") && n.attribute("id") == Some("changes"))
}

#[test]
fn the_section_lists_what_the_diff_between_the_two_days_finds() {
    let s = scenario();
    let html = HtmlReport::with_options(&s, since("2025-05-10"))
        .unwrap()
        .render_html();
    let doc = parse(&html);
    let section = changes(&doc).expect("a changes section");
    let text = text_of(section);
    assert!(text.contains("What changed since 2025-05-10"), "{text}");
    // To the latest day a position was dated: 2025-05-30.
    let d = s.diff_dates(
        "2025-05-10".parse().unwrap(),
        "2025-05-30".parse().unwrap(),
        &DiffOptions::default(),
    );
    assert_eq!((d.positions.added.len(), d.positions.removed.len()), (2, 2));
    assert_eq!(
        (d.contradictions.new.len(), d.contradictions.resolved.len()),
        (2, 1)
    );
    for expected in [
        "From 2025-05-10 to 2025-05-30: 2 positions taken and 2 no longer holding; 2 contradictions appeared and 1 went away",
        "Who reversed (1)",
        "United States reversed its stance on “NATO stops expanding eastward”.",
        "“That's one of the issues that Russia will bring up”",
        "Contradictions that appeared (1)",
        "Contradictions that went away (1)",
        "Positions taken (2)",
        "Positions no longer holding (2)",
        "Russia – United States",
        "formed: 0 → 1",
        "NATO – United States",
        "broken: 1 → 0",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // One card per contradiction that appeared or went away, inside the section.
    let cards = section
        .descendants()
        .filter(|n| has_class(n, "card") && has_class(n, "change"))
        .count();
    assert_eq!(cards, 2);
    assert!(html.contains("<a href=\"#changes\">Changes since 2025-05-10</a>"));
    // The contradiction cards of the report itself are unchanged in number.
    let plain = HtmlReport::new(&s).unwrap().render_html();
    assert_eq!(
        count_class(&parse(&plain), "card"),
        count_class(&doc, "card") - cards
    );
}

#[test]
fn without_since_there_is_no_section_and_nothing_changed_says_so() {
    let s = scenario();
    let html = HtmlReport::new(&s).unwrap().render_html();
    assert!(changes(&parse(&html)).is_none());
    assert!(!html.contains("#changes"));
    let html = HtmlReport::with_options(&s, since("2025-05-30"))
        .unwrap()
        .render_html();
    let doc = parse(&html);
    assert!(text_of(changes(&doc).unwrap()).contains("Nothing changed."));
}

#[test]
fn since_runs_to_as_of_and_may_not_pass_it() {
    let s = scenario();
    let options = since("2025-05-10").with_as_of("2025-05-29".parse().unwrap());
    let html = HtmlReport::with_options(&s, options).unwrap().render_html();
    let doc = parse(&html);
    let text = text_of(changes(&doc).unwrap());
    // Russia's position of 30 May is not yet taken.
    assert!(
        text.contains("From 2025-05-10 to 2025-05-29: 1 position taken"),
        "{text}"
    );
    let late = since("2025-06-01").with_as_of("2025-05-29".parse().unwrap());
    match HtmlReport::with_options(&s, late) {
        Err(Error::InvalidOptions { problems }) => {
            assert!(problems[0].to_string().contains("since"), "{}", problems[0]);
        }
        other => panic!("expected invalid options, got {:?}", other.map(|_| ())),
    }
}

#[cfg(feature = "cli")]
#[test]
fn report_since_writes_the_section_and_a_bad_since_exits_2() {
    let dir = common::scratch_dir("report-since");
    let input = dir.join("case.yaml");
    std::fs::write(&input, case()).unwrap();
    let output = dir.join("report.html");
    let out = common::stancegraph(&[
        "report",
        input.to_str().unwrap(),
        "--since",
        "2025-05-10",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&output).unwrap();
    assert!(text_of(changes(&parse(&html)).unwrap()).contains("Who reversed (1)"));
    let bad = common::stancegraph(&[
        "report",
        input.to_str().unwrap(),
        "--since",
        "2025-06-01",
        "--as-of",
        "2025-05-29",
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("since"));
    std::fs::remove_dir_all(&dir).unwrap();
}
