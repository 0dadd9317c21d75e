//! The HTML stance report on the founding scenario, the DNA sample and a
//! year of UN votes: well-formed, complete, self-contained, deterministic.

use crate::common;
use common::{count_class, dna_sample, founding, has_class};

use std::collections::HashMap;

use roxmltree::{Document, Node, ParsingOptions};
use stancegraph::{
    Scenario,
    contradiction::Severity,
    io::RollCallVotes,
    render::{DrawnAs, HtmlReport, HtmlReportOptions},
};

fn un_2019() -> Scenario {
    let votes = RollCallVotes::read_csv_str(
        include_str!("../data/un_votes_2019.csv"),
        "un_votes_2019.csv",
    )
    .unwrap();
    votes.to_scenario(&HashMap::new()).unwrap()
}

/// The page parsed as XML (it must be well-formed).
pub(crate) fn parse(html: &str) -> Document<'_> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(html, options).unwrap_or_else(|e| panic!("not well-formed: {e}"))
}

/// The text of an element and its descendants.
pub(crate) fn text_of(node: Node<'_, '_>) -> String {
    node.descendants()
        .filter(Node::is_text)
        .filter_map(|n| n.text())
        .collect()
}

/// No element loads or links anything outside the file.
fn assert_self_contained(doc: &Document<'_>, html: &str) {
    for node in doc.descendants().filter(Node::is_element) {
        let tag = node.tag_name().name();
        assert!(
            !matches!(
                tag,
                "script" | "link" | "img" | "iframe" | "object" | "embed" | "image" | "use"
            ),
            "<{tag}> in the report"
        );
        for attribute in node.attributes() {
            let value = attribute.value();
            assert!(
                !value.contains("://") && !value.trim_start().starts_with("//"),
                "<{tag} {}=\"{value}\"> refers outside the file",
                attribute.name()
            );
            if attribute.name() == "href" {
                assert!(value.starts_with('#'), "<{tag} href=\"{value}\">");
            }
        }
    }
    for style in doc.descendants().filter(|n| n.has_tag_name("style")) {
        let css = text_of(style);
        assert!(!css.contains("url(") && !css.contains("@import"), "{css}");
    }
    // Namespace declarations are names, not references; nothing else may
    // spell an address (quoted source URLs are escaped text, checked above).
    assert!(!html.contains("src="));
}

#[test]
fn the_founding_report_is_well_formed_complete_and_self_contained() {
    let scenario = founding();
    let report = HtmlReport::new(&scenario).unwrap();
    let html = report.render_html();
    let doc = parse(&html);
    assert_self_contained(&doc, &html);
    assert_eq!(report.drawn_as(), DrawnAs::Actors);

    // The header.
    let title = doc.descendants().find(|n| n.has_tag_name("h1")).unwrap();
    assert_eq!(text_of(title), "Istanbul ceasefire talks (June 2025)");
    let counts = doc.descendants().find(|n| has_class(n, "counts")).unwrap();
    assert_eq!(
        text_of(counts),
        "17 actors · 6 issues · 4 relations · 18 positions · positions dated 2025-05-29"
    );

    // Every actor is a node of the drawing, with its name as the label.
    let network = doc
        .descendants()
        .find(|n| n.has_tag_name("svg") && n.attribute("id") == Some("network-svg"))
        .unwrap();
    let labels: Vec<String> = network
        .descendants()
        .filter(|n| has_class(n, "node"))
        .map(|n| text_of(n.children().find(|c| c.has_tag_name("text")).unwrap()))
        .collect();
    assert_eq!(labels.len(), scenario.actors().len());
    for (_, actor) in scenario.actors() {
        assert!(
            labels.iter().any(|l| l == actor.name()),
            "{} not drawn",
            actor.name()
        );
    }
    // Agreement, conflict and contradiction ties are drawn apart.
    let found = report.contradictions();
    assert_eq!(
        network
            .descendants()
            .filter(|n| has_class(n, "agreement"))
            .count(),
        14
    );
    assert_eq!(
        network
            .descendants()
            .filter(|n| has_class(n, "conflict"))
            .count(),
        1
    );
    assert_eq!(
        network
            .descendants()
            .filter(|n| has_class(n, "contradiction"))
            .count(),
        2,
        "United States–NATO and NATO–Russia"
    );

    // Every contradiction is a card, most severe first, with its quotes,
    // speakers, dates, source and reasoning.
    let cards: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("article") && has_class(n, "card"))
        .collect();
    assert_eq!(cards.len(), found.len());
    assert_eq!(cards.len(), 4);
    for (card, c) in cards.iter().zip(found.iter()) {
        assert!(has_class(card, c.severity.as_str()));
        assert_eq!(card.attribute("data-kind"), Some(c.kind.as_str()));
        let text = text_of(*card);
        for &p in &c.positions {
            let position = scenario.position(p);
            assert!(
                text.contains(position.quote().unwrap()),
                "quote of {}",
                position.key()
            );
            assert!(text.contains(scenario.actor(position.actor()).name()));
        }
        assert!(text.contains("2025-05-29"));
        assert!(text.contains("US Offers to Freeze NATO Expansion in Bid to End Ukraine War"));
        for step in &c.reasoning {
            if !matches!(step, stancegraph::contradiction::Step::Position(_)) {
                assert!(text.contains(&c.describe(step)), "{}", c.describe(step));
            }
        }
    }
    assert!(found.iter().all(|c| c.severity == Severity::Critical));
    let first = text_of(cards[0]);
    assert!(first.contains(
        "United States is a member of NATO, yet its position and NATO's cannot both hold."
    ));
    assert!(first.contains("We will not compromise on Ukraine’s right to join NATO"));

    // Camps per issue: red lines marked in words.
    let camps = doc
        .descendants()
        .find(|n| n.has_tag_name("table") && has_class(n, "camps"))
        .unwrap();
    assert_eq!(
        camps.descendants().filter(|n| n.has_tag_name("tr")).count(),
        1 + scenario.issues().len()
    );
    let red_lines: Vec<String> = camps
        .descendants()
        .filter(|n| has_class(n, "red-line"))
        .map(text_of)
        .collect();
    assert_eq!(
        red_lines,
        ["Russia red line", "NATO red line", "Russia red line"]
    );

    // Balance: not balanced, one tie out of place, on the cycle through
    // the United States, the freeze, Ukraine's membership and NATO.
    let balance = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("balance"))
        .unwrap();
    let text = text_of(balance);
    assert!(
        text.contains(
            "Not balanced. Frustration index 1: 1 tie out of place (proven the least weight possible)"
        ),
        "{text}"
    );
    assert!(text.contains("Out-of-place ties (1)"));
    assert!(text.contains("United States → “NATO stops expanding eastward (Ukraine, Georgia, Moldova)” → “Ukraine becomes a member of NATO” → NATO"), "{text}");

    // Tooltips on ties carry the positions behind them.
    let conflict = network
        .descendants()
        .find(|n| has_class(n, "conflict"))
        .unwrap();
    let tip = text_of(
        conflict
            .children()
            .find(|c| c.has_tag_name("title"))
            .unwrap(),
    );
    assert!(tip.starts_with("NATO and Russia are in conflict"), "{tip}");
    assert!(
        tip.contains(
            "Mark Rutte, 2025-05-29: supports “Ukraine becomes a member of NATO” (red line)"
        ),
        "{tip}"
    );

    // Accessible: the drawing has a title and a description.
    assert_eq!(
        network.attribute("aria-labelledby"),
        Some("network-svg-title network-svg-desc")
    );
}

#[test]
fn the_same_scenario_gives_the_same_bytes() {
    let a = founding();
    let b = founding();
    assert_eq!(
        HtmlReport::new(&a).unwrap().render_html(),
        HtmlReport::new(&b).unwrap().render_html()
    );
    let s = dna_sample();
    assert_eq!(
        HtmlReport::new(&s).unwrap().render_svg(),
        HtmlReport::new(&s).unwrap().render_svg()
    );
}

#[test]
fn the_dna_sample_report_names_every_actor_and_its_contradiction() {
    let scenario = dna_sample();
    let report = HtmlReport::new(&scenario).unwrap();
    let html = report.render_html();
    let doc = parse(&html);
    assert_self_contained(&doc, &html);
    assert_eq!(report.drawn_as(), DrawnAs::Actors);
    assert_eq!(count_class(&doc, "node"), 14);
    for (_, actor) in scenario.actors() {
        assert!(
            html.contains(&stancegraph_escape(actor.name())),
            "{}",
            actor.name()
        );
    }
    let cards = count_class(&doc, "card");
    assert_eq!(cards, report.contradictions().len());
    assert_eq!(cards, 1);
    // The timeline spans several days, so it is drawn as well as listed.
    assert!(doc.descendants().any(|n| has_class(&n, "strip")));
    let counts = doc.descendants().find(|n| has_class(n, "counts")).unwrap();
    assert!(text_of(counts).ends_with("positions dated 2005-01-26 to 2005-02-16"));
}

#[test]
fn a_year_of_un_votes_is_drawn_as_groups_and_lists_every_country() {
    let scenario = un_2019();
    assert_eq!(scenario.actors().len(), 193);
    let report = HtmlReport::new(&scenario).unwrap();
    assert_eq!(report.drawn_as(), DrawnAs::Groups);
    let html = report.render_html();
    assert!(html.len() < 3_000_000, "{} bytes", html.len());
    let doc = parse(&html);
    assert_self_contained(&doc, &html);
    let nodes = count_class(&doc, "node");
    assert!((2..=12).contains(&nodes), "{nodes} groups");
    // Every country is named in the table of groups, exactly once.
    let groups = doc
        .descendants()
        .find(|n| n.has_tag_name("table") && has_class(n, "groups"))
        .unwrap();
    let members: Vec<String> = groups
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .skip(1)
        .flat_map(|row| {
            row.descendants()
                .filter(|n| has_class(n, "member"))
                .map(text_of)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(members.len(), 193);
    for (_, actor) in scenario.actors() {
        assert!(
            members.iter().any(|m| m == actor.name()),
            "{}",
            actor.name()
        );
    }
    // The United States and Israel vote against the majority.
    let us_group = groups
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .find(|row| text_of(*row).contains("United States"))
        .unwrap();
    assert!(text_of(us_group).contains("Israel"));
    assert_eq!(count_class(&doc, "card"), 0);
    assert!(html.contains("No contradictions"));
}

#[test]
fn fewer_actors_fold_spokespeople_then_group() {
    let scenario = founding();
    let principals =
        HtmlReport::with_options(&scenario, HtmlReportOptions::new().with_max_actors(12)).unwrap();
    assert_eq!(principals.drawn_as(), DrawnAs::Principals);
    let svg = principals.render_svg();
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(
        count_class(&doc, "node"),
        10,
        "the ten actors who speak for nobody"
    );
    assert!(!svg.contains("Keith Kellogg</text>"));

    let grouped = HtmlReport::with_options(
        &scenario,
        HtmlReportOptions::new().with_max_actors(5).with_groups(4),
    )
    .unwrap();
    assert_eq!(grouped.drawn_as(), DrawnAs::Groups);
    let html = grouped.render_html();
    assert_eq!(count_class(&parse(&html), "node"), 4);

    let bad = HtmlReport::with_options(
        &scenario,
        HtmlReportOptions::new().with_groups(0).with_max_actors(201),
    )
    .unwrap_err();
    assert!(matches!(bad, stancegraph::Error::InvalidOptions { .. }));
    assert_eq!(
        bad.to_string(),
        "options, field `max_actors`: must be between 1 and 200: more nodes than that are no longer legible (and the layout is cubic)\noptions, field `groups`: must be between 1 and 100"
    );
}

/// The x coordinates of the timeline strip's marks, in row order.
fn strip_marks(doc: &Document<'_>) -> Vec<f64> {
    doc.descendants()
        .filter(|n| has_class(n, "mark"))
        .map(|g| {
            let shape = g
                .children()
                .find(|c| c.is_element() && !c.has_tag_name("title"))
                .unwrap();
            match shape.attribute("cx") {
                Some(cx) => cx.parse().unwrap(),
                None => {
                    let first = shape
                        .attribute("points")
                        .unwrap()
                        .split(' ')
                        .next()
                        .unwrap();
                    first.split(',').next().unwrap().parse().unwrap()
                }
            }
        })
        .collect()
}

#[test]
fn the_timeline_strip_places_marks_by_date_one_per_day_and_stance() {
    let scenario = Scenario::from_yaml_str(
        "
actors: [{id: a, name: Alpha, kind: state}]
issues: [{id: x, name: X}, {id: y, name: Y}]
positions:
  - {actor: a, issue: x, stance: support, date: 2025-01-01}
  - {actor: a, issue: y, stance: support, date: 2025-01-05}
  - {actor: a, issue: x, stance: oppose, date: 2025-01-05}
  - {actor: a, issue: y, stance: oppose, date: 2025-01-10}
",
    )
    .unwrap();
    let html = HtmlReport::new(&scenario).unwrap().render_html();
    let doc = parse(&html);
    let xs = strip_marks(&doc);
    assert_eq!(xs.len(), 4, "{xs:?}");
    // 2025-01-01 at the left end, 2025-01-10 at the right, the 5th at 4/9.
    let (left, right) = (180.0, 940.0);
    assert_eq!(xs[0], left);
    assert!(
        (xs[1] - (left + (right - left) * 4.0 / 9.0)).abs() < 0.2,
        "{xs:?}"
    );
    assert!(
        (xs[1] - xs[2]).abs() < 0.2,
        "same day, other stance: {xs:?}"
    );
    assert_eq!(xs[3], right);
    // Both of 2025-01-05's reversals carry a ring.
    let rings = doc
        .descendants()
        .filter(|n| has_class(n, "mark"))
        .filter(|g| {
            g.children().filter(|c| c.has_tag_name("circle")).count() == 1
                && g.children().any(|c| c.has_tag_name("polygon"))
        })
        .count();
    assert_eq!(rings, 2);
}

#[test]
fn reversals_follow_the_cards_even_when_until_ends_the_earlier_position() {
    let scenario = Scenario::from_yaml_str(
        "
actors: [{id: a, name: Alpha, kind: state}]
issues: [{id: x, name: X}]
positions:
  - {actor: a, issue: x, stance: support, date: 2025-01-01, until: 2025-01-15}
  - {actor: a, issue: x, stance: oppose, date: 2025-02-01}
",
    )
    .unwrap();
    let report = HtmlReport::new(&scenario).unwrap();
    let cards = report
        .contradictions()
        .iter()
        .filter(|c| c.kind == stancegraph::contradiction::ContradictionKind::Reversal)
        .count();
    let html = report.render_html();
    let doc = parse(&html);
    let marked = doc
        .descendants()
        .filter(|n| n.has_tag_name("li") && has_class(n, "reversal"))
        .count();
    assert_eq!(marked, cards);
    assert_eq!(marked, 1);
}

#[test]
fn as_of_hides_later_positions_from_tooltips_too() {
    let scenario = Scenario::from_yaml_str(
        "
actors: [{id: a, name: Alpha, kind: state}, {id: b, name: Beta, kind: state}]
issues: [{id: x, name: X}]
positions:
  - {actor: a, issue: x, stance: support, date: 2025-01-01, quote: early words}
  - {actor: b, issue: x, stance: oppose, date: 2025-01-01}
  - {actor: a, issue: x, stance: oppose, date: 2025-02-01, quote: later words}
",
    )
    .unwrap();
    let options = HtmlReportOptions::new().with_as_of("2025-01-10".parse().unwrap());
    let html = HtmlReport::with_options(&scenario, options)
        .unwrap()
        .render_html();
    assert!(html.contains("early words"));
    assert!(!html.contains("later words"), "a later quote leaked");
    let doc = parse(&html);
    let counts = doc.descendants().find(|n| has_class(n, "counts")).unwrap();
    assert!(
        text_of(counts).ends_with("as of 2025-01-10: 2 hold"),
        "{}",
        text_of(counts)
    );
}

#[test]
fn names_cannot_reverse_the_text_and_keys_cannot_spell_addresses() {
    let scenario = Scenario::from_yaml_str(
        "
actors: [{id: http, name: \"Beta\\u202E\", kind: state}, {id: a, name: אלפא, kind: state}]
issues: [{id: //x, name: X}]
positions:
  - {actor: http, issue: //x, stance: support}
  - {actor: a, issue: //x, stance: oppose}
",
    )
    .unwrap();
    let html = HtmlReport::new(&scenario).unwrap().render_html();
    let doc = parse(&html);
    assert_self_contained(&doc, &html);
    assert!(!html.contains('\u{202e}'));
    assert!(html.contains("Beta\u{fffd}"));
    assert!(
        html.contains("אלפא"),
        "right-to-left names stay as they are"
    );
}

#[test]
fn a_dense_network_draws_its_heaviest_ties_and_says_how_many_are_left_out() {
    // 80 actors (drawn one by one with max_actors 80) on 30 issues, every
    // pair tied: 3,160 pairs, some both agreeing and in conflict.
    let mut yaml = String::from("actors:\n");
    for i in 0..80 {
        yaml.push_str(&format!(
            "  - {{id: a{i}, name: Ministry of Foreign Affairs of Country {i}, kind: state}}\n"
        ));
    }
    yaml.push_str("issues:\n");
    for j in 0..30 {
        yaml.push_str(&format!("  - {{id: i{j}, name: Issue {j}}}\n"));
    }
    yaml.push_str("positions:\n");
    for i in 0..80 {
        for j in 0..30 {
            let stance = if (i * 7 + j * 3) % 5 == 0 {
                "oppose"
            } else {
                "support"
            };
            yaml.push_str(&format!(
                "  - {{actor: a{i}, issue: i{j}, stance: {stance}}}\n"
            ));
        }
    }
    let scenario = Scenario::from_yaml_str(&yaml).unwrap();
    let report =
        HtmlReport::with_options(&scenario, HtmlReportOptions::new().with_max_actors(80)).unwrap();
    assert_eq!(report.drawn_as(), DrawnAs::Actors);
    let ties = report.graph().ties().len();
    assert!(ties > HtmlReportOptions::MOST_TIES);
    let html = report.render_html();
    let doc = parse(&html);
    let drawn = doc
        .descendants()
        .filter(|n| has_class(n, "agreement") || has_class(n, "conflict"))
        .filter(|n| has_class(n, "link"))
        .count();
    assert_eq!(drawn, HtmlReportOptions::MOST_TIES);
    assert!(html.contains("lighter ones left out"));
    // Labels are cut in the middle, so the countries stay apart.
    assert!(
        html.contains(">Ministry of For…Country 17</text>"),
        "labels"
    );
    assert!(html.len() < 8_000_000, "{} bytes", html.len());
}

#[test]
fn hostile_names_and_quotes_are_escaped() {
    let scenario = Scenario::from_yaml_str(
        r#"
title: "<script>alert(1)</script> & co"
actors:
  - {id: a, name: "A <b>bold</b> & \"quoted\"", kind: state}
  - {id: b, name: "B'); DROP TABLE", kind: state}
issues:
  - {id: x, name: "x < y && y > z"}
positions:
  - {actor: a, issue: x, stance: support, quote: "</blockquote><script>evil()</script>",
     source: {title: "t", url: "javascript:alert(1)"}}
  - {actor: b, issue: x, stance: oppose, firmness: red_line}
"#,
    )
    .unwrap();
    let html = HtmlReport::new(&scenario).unwrap().render_html();
    let doc = parse(&html);
    assert!(
        !doc.descendants()
            .any(|n| n.has_tag_name("script") || n.has_tag_name("b"))
    );
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(!html.contains("href=\"javascript"));
}

#[test]
fn reversals_are_cards_and_marked_in_the_timeline() {
    let scenario = Scenario::from_yaml_str(
        "
title: A change of mind
actors: [{id: a, name: Alpha, kind: state}, {id: b, name: Beta, kind: state}]
issues: [{id: x, name: Sanctions are lifted}]
positions:
  - {actor: a, issue: x, stance: oppose, date: 2024-01-10, quote: never}
  - {actor: a, issue: x, stance: support, date: 2024-06-01, quote: now yes}
  - {actor: b, issue: x, stance: oppose, date: 2024-03-01}
",
    )
    .unwrap();
    let report = HtmlReport::new(&scenario).unwrap();
    let html = report.render_html();
    let doc = parse(&html);
    let cards: Vec<_> = doc.descendants().filter(|n| has_class(n, "card")).collect();
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].attribute("data-kind"), Some("reversal"));
    assert!(text_of(cards[0]).contains("Alpha reversed its stance on “Sanctions are lifted”."));
    let reversed: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("li") && has_class(n, "reversal"))
        .map(text_of)
        .collect();
    assert_eq!(
        reversed,
        [
            "2024-06-01 · supports “Sanctions are lifted” · ↺ reversal: opposes before, since 2024-01-10"
        ]
    );
    // Positions on three days: the strip is drawn, with a ring on the reversal.
    assert!(doc.descendants().any(|n| has_class(&n, "strip")));
    // As of a day before the reversal, it is not shown.
    let earlier = HtmlReport::with_options(
        &scenario,
        HtmlReportOptions::new().with_as_of("2024-03-01".parse().unwrap()),
    )
    .unwrap();
    let html = earlier.render_html();
    assert!(html.contains("as of 2024-03-01"));
    assert!(!html.contains("↺ reversal:"));
}

#[test]
fn the_standalone_svg_is_an_svg_document() {
    let scenario = founding();
    let svg = HtmlReport::new(&scenario).unwrap().render_svg();
    assert!(svg.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
    ));
    let doc = Document::parse(&svg).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    assert_eq!(count_class(&doc, "node"), 17);
    assert!(doc.descendants().any(|n| n.has_tag_name("title")));
}

/// How the report writes a name in HTML text.
fn stancegraph_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}
