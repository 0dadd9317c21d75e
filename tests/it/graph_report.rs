//! The HTML report of signed networks (`GraphReport`) on the ICEWS sample
//! aggregated per day, the Slovene parties' weighted edge list and the COW
//! alliance networks: well-formed, self-contained, the drawing and the
//! balance analysis of the period shown, every period in the overview,
//! deterministic, and options checked.

use roxmltree::Node;
use stancegraph::{
    Error,
    balance::{FrustrationOptions, SignedGraph},
    events::{AggregateOptions, ReadOptions, Window, aggregate_file},
    render::{GraphReport, GraphReportOptions},
};

use crate::common::count_class;
use crate::report::{parse, text_of};

const SAMPLE: &str = "tests/data/icews_events_2018-06-01_02.tab";

/// The ICEWS sample's country networks, one per day (two days).
fn icews_days() -> Vec<SignedGraph> {
    let options = AggregateOptions::default().with_window(Window::Day);
    aggregate_file(SAMPLE, &ReadOptions::default(), &options)
        .unwrap()
        .graphs()
}

fn slovene() -> Vec<SignedGraph> {
    SignedGraph::read_edges(
        include_str!("../data/slovene_parties_1994.csv"),
        "slovene_parties_1994.csv",
    )
    .unwrap()
}

/// `x` as the reports write numbers (whole numbers without a fraction).
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// The text of the section with this id.
fn section_text(doc: &roxmltree::Document<'_>, id: &str) -> String {
    let node = doc
        .descendants()
        .find(|n| n.tag_name().name() == "section" && n.attribute("id") == Some(id))
        .unwrap_or_else(|| panic!("no section #{id}"));
    text_of(node)
}

#[test]
fn an_events_network_is_drawn_and_explained_like_any_other() {
    let graphs = icews_days();
    assert_eq!(graphs.len(), 2);
    let report = GraphReport::new(&graphs).unwrap();
    let shown = report.shown();
    assert_eq!(
        shown.period(),
        Some("2018-06-02"),
        "the last period by default"
    );
    let html = report.render_html();
    let doc = parse(&html);

    // Self-contained: nothing loaded, no script.
    for node in doc.descendants().filter(Node::is_element) {
        let tag = node.tag_name().name();
        assert!(
            !matches!(tag, "script" | "link" | "img" | "iframe"),
            "<{tag}>"
        );
    }

    // The drawing: every node of the period (fewer than the limit), its ties.
    assert_eq!(html.matches("<svg").count(), 1);
    assert_eq!(count_class(&doc, "node"), shown.nodes().len());
    assert_eq!(count_class(&doc, "link"), shown.edges().len());
    assert!(html.contains("stroke-dasharray"), "negative ties dashed");
    assert!(html.contains("the two camps of the frustration index"));

    // The frustration index is the library's, in explain's words.
    let f = shown.frustration(&GraphReportOptions::new().frustration);
    assert!(f.exact);
    let balance = section_text(&doc, "balance");
    assert!(
        balance.contains(&format!(
            "Frustration index: {} (exact, proven optimal)",
            number(f.value)
        )),
        "{balance}"
    );
    assert_eq!(report.balance().frustration.value, f.value);
    // Every frustrated tie is listed with its weight.
    for &e in &f.frustrated_edges {
        let x = shown.edges()[e];
        let line = format!(
            "{} -- {}: {}",
            shown.nodes()[x.a],
            shown.nodes()[x.b],
            if x.sign > 0 {
                "positive tie between the camps"
            } else {
                "negative tie inside a camp"
            }
        );
        assert!(balance.contains(&line), "{line}");
        assert!(balance.contains(&format!("(weight {})", number(x.weight))));
    }
    assert!(balance.contains("Triangles: "));
    assert!(balance.contains("with the signs shuffled"), "significance");

    // Every explain line is on the page but the period and the ambivalent
    // pairs, which have their own places.
    let explained = report.balance().explain(None);
    for line in explained.lines().map(str::trim) {
        if line.starts_with("Period ")
            || line.starts_with("Ambivalent pairs (")
            || line.contains(" -- ") && line.contains(": positive ") && line.contains(", negative ")
        {
            continue;
        }
        assert!(balance.contains(line), "missing: {line}");
    }

    // The ambivalent pairs, each with both weights.
    let pairs = shown.ambivalent_pairs();
    assert!(!pairs.is_empty());
    let ambivalent = section_text(&doc, "ambivalent");
    for (p, n) in pairs {
        let (pe, ne) = (shown.edges()[p], shown.edges()[n]);
        let row = format!(
            "{} — {}{}{}",
            shown.nodes()[pe.a],
            shown.nodes()[pe.b],
            number(pe.weight),
            number(ne.weight)
        );
        assert!(ambivalent.contains(&row), "{row} in {ambivalent}");
    }

    // The overview has both days, the shown one marked; the other's
    // frustration is its own.
    let periods = section_text(&doc, "periods");
    assert!(periods.contains("2018-06-01") && periods.contains("2018-06-02 (shown)"));
    let first = graphs[0].frustration(&GraphReportOptions::new().frustration);
    assert_eq!(report.overview()[0].frustration, first.value);
    assert_eq!(report.overview()[0].nodes, graphs[0].nodes().len());

    // The centrality table: the top node by PN index first.
    let centrality = section_text(&doc, "centrality");
    let c = shown.centrality();
    let pn = c.pn_index.unwrap();
    let top = (0..pn.len())
        .max_by(|&a, &b| pn[a].total_cmp(&pn[b]).then(b.cmp(&a)))
        .unwrap();
    assert!(centrality.contains(&shown.nodes()[top]));

    // The same graphs give the same bytes.
    assert_eq!(html, GraphReport::new(&graphs).unwrap().render_html());
    let again = icews_days();
    assert_eq!(
        report.render_svg(),
        GraphReport::new(&again).unwrap().render_svg()
    );
}

#[test]
fn a_period_is_chosen_and_the_drawing_keeps_the_strongest_nodes() {
    let graphs = icews_days();
    let options = GraphReportOptions::new()
        .with_period("2018-06-01")
        .with_max_nodes(10)
        .with_significance(false);
    let report = GraphReport::with_options(&graphs, options).unwrap();
    assert_eq!(report.shown().period(), Some("2018-06-01"));
    let svg = report.render_svg();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(count_class(&doc, "node"), 10);
    assert!(
        svg.contains(&format!(
            "10 of {} nodes (the strongest, by the total weight of their ties)",
            graphs[0].nodes().len()
        )),
        "the description says so"
    );
    // The strongest node is drawn.
    let g = &graphs[0];
    let mut strength = vec![0.0; g.nodes().len()];
    for e in g.edges() {
        strength[e.a] += e.weight;
        strength[e.b] += e.weight;
    }
    let strongest = (0..strength.len())
        .max_by(|&a, &b| strength[a].total_cmp(&strength[b]).then(b.cmp(&a)))
        .unwrap();
    assert!(svg.contains(&format!("<title>{}:", g.nodes()[strongest])));
    let html = report.render_html();
    assert!(
        !html.contains("with the signs shuffled"),
        "significance off"
    );
}

#[test]
fn a_weighted_edge_list_shows_its_total_weight() {
    let graphs = slovene();
    let report = GraphReport::with_options(
        &graphs,
        GraphReportOptions::new().with_title("Slovene parties <1994>"),
    )
    .unwrap();
    let html = report.render_html();
    let doc = parse(&html);
    assert!(html.contains("<title>Slovene parties &lt;1994&gt; — signed network report</title>"));
    let g = &graphs[0];
    let summary = section_text(&doc, "summary");
    assert!(summary.contains(&format!("Total weight {}", number(g.total_weight()))));
    assert!(summary.contains("No ambivalent pair"));
    assert!(!html.contains("id=\"periods\""), "one graph: no overview");
    let f = g.frustration(
        &FrustrationOptions::new().with_time_limit(GraphReportOptions::DEFAULT_TIME_LIMIT),
    );
    assert!(
        section_text(&doc, "balance")
            .contains(&format!("Frustration index: {} (", number(f.value)))
    );
}

#[test]
fn many_periods_are_each_in_the_overview() {
    let graphs = SignedGraph::read_edges(
        include_str!("../data/cow_signed_networks.csv"),
        "cow_signed_networks.csv",
    )
    .unwrap();
    let report = GraphReport::with_options(
        &graphs,
        GraphReportOptions::new()
            .with_period("46-49")
            .with_significance(false),
    )
    .unwrap();
    assert_eq!(report.overview().len(), graphs.len());
    let html = report.render_html();
    let doc = parse(&html);
    let periods = doc
        .descendants()
        .find(|n| n.has_tag_name("table") && n.attribute("class") == Some("periods"))
        .unwrap();
    let rows = periods
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .count();
    assert_eq!(rows, graphs.len() + 1, "a header and a row per period");
    for (row, g) in report.overview().iter().zip(&graphs) {
        assert_eq!(row.period.as_deref(), g.period());
        assert_eq!(row.ties, g.edges().len());
    }
}

#[test]
fn bad_options_are_named() {
    let graphs = icews_days();
    let field_of = |e: Error| match e {
        Error::InvalidOptions { problems } => problems
            .iter()
            .filter_map(|p| p.field.clone())
            .collect::<Vec<_>>(),
        other => panic!("{other}"),
    };
    let unknown = GraphReport::with_options(&graphs, GraphReportOptions::new().with_period("2019"))
        .unwrap_err();
    // The text every layer gives, with the periods there are.
    let periods: Vec<String> = graphs
        .iter()
        .filter_map(|g| g.period().map(str::to_owned))
        .collect();
    assert!((2..=10).contains(&periods.len()), "{periods:?}");
    let expected = format!("no period `2019` (its periods: {})", periods.join(", "));
    assert_eq!(unknown.problems()[0].kind.to_string(), expected);
    assert!(unknown.to_string().contains(&expected), "{unknown}");
    assert_eq!(field_of(unknown), ["period"]);
    let no_periods = SignedGraph::read_edges("source,target,sign\nA,B,1\n", "t.csv").unwrap();
    assert_eq!(
        SignedGraph::find_period(&no_periods, "2019")
            .unwrap_err()
            .to_string(),
        "no period `2019` (it has no periods)"
    );
    let zero = GraphReport::with_options(&graphs, GraphReportOptions::new().with_max_nodes(0));
    assert_eq!(field_of(zero.unwrap_err()), ["max_nodes"]);
    let none = GraphReport::new(&[]);
    assert_eq!(field_of(none.unwrap_err()), ["graphs"]);
}
