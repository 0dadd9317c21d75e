//! Event data: the readers (ICEWS, delimited, PLOVER) on hand-made files
//! for every rule — missing sides, `NA`, self-dyads, leading zeros, quad
//! classes, windows at month and ISO-week boundaries, bad rows named by
//! line and field — the ICEWS sample's published facts, and the property
//! that aggregation is the same whatever the order of the events and
//! however they are split into merged chunks.

use proptest::prelude::*;

use crate::common;
use stancegraph::Error;
use stancegraph::balance::SignedGraph;
use stancegraph::events::{
    ActorLevel, AggregateOptions, Event, EventAggregator, EventColumns, EventFormat, EventNetworks,
    EventReader, QuadClass, ReadOptions, Window, aggregate_file,
};

const SAMPLE: &str = "tests/data/icews_events_2018-06-01_02.tab";
const PLOVER: &str = "tests/data/plover_gsr_cameo.json";

const HEADER: &str = "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID";

/// An ICEWS file from rows `date, source name, source country, code,
/// intensity, target name, target country`.
fn icews(rows: &[[&str; 7]]) -> String {
    let mut text = format!("{HEADER}\n");
    for (i, r) in rows.iter().enumerate() {
        text.push_str(&format!(
            "{}\t{}\t{}\tGov\t{}\tText\t{}\t{}\t{}\tGov\t{}\t9\n",
            i + 1,
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6]
        ));
    }
    text
}

fn aggregate(text: &str, options: AggregateOptions) -> Result<EventNetworks, Error> {
    let mut reader = EventReader::icews(text.as_bytes(), "t.tab")?;
    let mut agg = EventAggregator::new(options);
    agg.add_reader(&mut reader)?;
    Ok(agg.finish())
}

fn table(n: &EventNetworks) -> Vec<(String, String, String, u64, f64, i8)> {
    n.rows()
        .iter()
        .map(|r| {
            (
                r.source.clone(),
                r.target.clone(),
                r.period.clone(),
                r.events,
                r.goldstein,
                r.sign,
            )
        })
        .collect()
}

fn csv_of(n: &EventNetworks) -> String {
    let mut out = Vec::new();
    n.write_csv(&mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn missing_sides_self_dyads_and_na_are_dropped_and_counted() {
    let text = icews(&[
        [
            "2018-06-01",
            "Trump",
            "United States",
            "036",
            "4",
            "Kim",
            "North Korea",
        ],
        [
            "2018-06-01",
            "Trump",
            "United States",
            "010",
            "0",
            "NA",
            "NA",
        ],
        ["2018-06-01", "NA", "NA", "010", "0", "Kim", "North Korea"],
        [
            "2018-06-01",
            "Trump",
            "United States",
            "042",
            "1.9",
            "Pence",
            "United States",
        ],
        [
            "2018-06-01",
            "Kim",
            "North Korea",
            "173",
            "-5",
            "Trump",
            "United States",
        ],
        ["2018-06-01", "Moon", "", "040", "1", "Kim", "North Korea"],
    ]);
    let n = aggregate(&text, AggregateOptions::default()).unwrap();
    let c = n.counts();
    assert_eq!(
        (
            c.read,
            c.aggregated,
            c.self_dyads,
            c.missing_side,
            c.missing_date
        ),
        (6, 2, 1, 3, 0)
    );
    assert_eq!(
        table(&n),
        [
            (
                "North Korea".into(),
                "United States".into(),
                "all".into(),
                1,
                -5.0,
                -1
            ),
            (
                "United States".into(),
                "North Korea".into(),
                "all".into(),
                1,
                4.0,
                1
            ),
        ]
    );
    // At the actor level, Trump → Pence is a dyad and Moon has a side.
    let n = aggregate(
        &text,
        AggregateOptions::default().with_level(ActorLevel::Actor),
    )
    .unwrap();
    let c = n.counts();
    assert_eq!((c.aggregated, c.self_dyads, c.missing_side), (4, 0, 2));
    assert_eq!(
        n.rows()
            .iter()
            .map(|r| r.source.as_str())
            .collect::<Vec<_>>(),
        ["Kim", "Moon", "Trump", "Trump"]
    );
}

#[test]
fn leading_zeros_and_quad_classes() {
    let text = icews(&[
        ["2018-06-01", "a", "A", "010", "NA", "b", "B"], // verbal cooperation, score from the book (0)
        ["2018-06-01", "a", "A", "0211", "NA", "b", "B"], // verbal cooperation, 3.4
        ["2018-06-01", "a", "A", "061", "6.4", "b", "B"], // material cooperation
        ["2018-06-01", "a", "A", "112", "-2", "b", "B"], // verbal conflict
        ["2018-06-01", "a", "A", "190", "-10", "b", "B"], // material conflict
        ["2018-06-01", "a", "A", "20", "-10", "b", "B"], // material conflict (root)
    ]);
    let n = aggregate(&text, AggregateOptions::default()).unwrap();
    let r = &n.rows()[0];
    assert_eq!(r.events, 6);
    assert_eq!(
        [
            QuadClass::VerbalCooperation,
            QuadClass::MaterialCooperation,
            QuadClass::VerbalConflict,
            QuadClass::MaterialConflict
        ]
        .map(|q| r.quad.get(q)),
        [2, 1, 1, 2]
    );
    assert!((r.goldstein - (0.0 + 3.4 + 6.4 - 2.0 - 10.0 - 10.0)).abs() < 1e-9);
    assert_eq!(r.sign, -1);
    // A code that lost its leading zero ("40" for "040") is an error, named.
    let bad = icews(&[["2018-06-01", "a", "A", "40", "1", "b", "B"]]);
    let e = aggregate(&bad, AggregateOptions::default()).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("t.tab:2: rows[1], field `CAMEO Code`: not a CAMEO code"),
        "{e}"
    );
}

#[test]
fn every_bad_row_is_named_with_line_and_field() {
    let mut text = icews(&[
        ["2018-06-01", "a", "A", "036", "4", "b", "B"],
        ["2018-13-01", "a", "A", "036", "4", "b", "B"],
        ["2018-06-01", "a", "A", "036", "four", "b", "B"],
        ["2018-06-01", "a", "A", "999", "NA", "b", "B"],
    ]);
    text.push_str("5\t2018-06-01\tshort row\n");
    text.push('\n');
    text.push_str(&icews(&[["2018-06-02", "a", "A", "036", "4", "b", "B"]])[HEADER.len() + 1..]);
    let e = aggregate(&text, AggregateOptions::default()).unwrap_err();
    let problems = e.problems();
    let lines: Vec<(Option<u64>, Option<&str>)> = problems
        .iter()
        .map(|p| (p.line, p.field.as_deref()))
        .collect();
    assert_eq!(
        lines,
        [
            (Some(3), Some("Event Date")),
            (Some(4), Some("Intensity")),
            (Some(5), Some("CAMEO Code")),
            (Some(6), None),
        ],
        "{e}"
    );
    let text = e.to_string();
    assert!(
        text.contains("t.tab:3: rows[2], field `Event Date`: invalid date `2018-13-01`"),
        "{text}"
    );
    assert!(
        text.contains("t.tab:6: rows[5]: not the header's number of tab-separated fields"),
        "{text}"
    );
    // A missing column is named too.
    let e = aggregate(
        "Event ID\tEvent Date\tSource Name\n",
        AggregateOptions::default(),
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .contains("field `CAMEO Code`: no such column in the header"),
        "{e}"
    );
}

#[test]
fn windows_at_month_and_iso_week_boundaries() {
    let text = icews(&[
        ["2018-12-30", "a", "A", "036", "1", "b", "B"], // Sunday: 2018-W52, 2018-12
        ["2018-12-31", "a", "A", "036", "2", "b", "B"], // Monday: 2019-W01, 2018-12
        ["2019-01-01", "a", "A", "036", "4", "b", "B"], // 2019-W01, 2019-01
        ["2019-01-31", "a", "A", "036", "8", "b", "B"], // 2019-W05, 2019-01
        ["2019-02-01", "a", "A", "036", "16", "b", "B"], // 2019-W05, 2019-02
        ["NA", "a", "A", "036", "32", "b", "B"],
    ]);
    let by = |window: Window| {
        let n = aggregate(&text, AggregateOptions::default().with_window(window)).unwrap();
        let periods: Vec<(String, f64)> = n
            .rows()
            .iter()
            .map(|r| (r.period.clone(), r.goldstein))
            .collect();
        (periods, n.counts().missing_date)
    };
    let p = |v: &[(&str, f64)]| {
        v.iter()
            .map(|&(a, b)| (a.to_owned(), b))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by(Window::Week),
        (
            p(&[("2018-W52", 1.0), ("2019-W01", 6.0), ("2019-W05", 24.0)]),
            1
        )
    );
    assert_eq!(
        by(Window::Month),
        (
            p(&[("2018-12", 3.0), ("2019-01", 12.0), ("2019-02", 16.0)]),
            1
        )
    );
    assert_eq!(by(Window::Year), (p(&[("2018", 3.0), ("2019", 28.0)]), 1));
    assert_eq!(by(Window::Day).0.len(), 5);
    assert_eq!(by(Window::Day).0[1], ("2018-12-31".to_owned(), 2.0));
    // `all` needs no date: the undated event counts.
    assert_eq!(by(Window::All), (p(&[("all", 63.0)]), 0));
    // Sliding windows of 7 days every 7 days from a Monday are the ISO weeks.
    let (sliding, _) = by(Window::sliding(7, 7).unwrap());
    assert_eq!(
        sliding.iter().map(|s| s.1).collect::<Vec<_>>(),
        [1.0, 6.0, 24.0]
    );
    assert_eq!(sliding[1].0, "2018-12-31/2019-01-06");
    // Overlapping windows count an event in each.
    let (sliding, _) = by(Window::sliding(14, 7).unwrap());
    assert_eq!(sliding.iter().map(|s| s.1).sum::<f64>(), 2.0 * 31.0);
}

#[test]
fn undirected_dyads_fold_both_ways() {
    let text = icews(&[
        ["2018-06-01", "a", "B", "036", "4", "b", "A"],
        ["2018-06-01", "a", "A", "173", "-5", "b", "B"],
        ["2018-06-01", "a", "C", "036", "1", "b", "A"],
    ]);
    let n = aggregate(&text, AggregateOptions::default().with_directed(false)).unwrap();
    assert_eq!(
        table(&n),
        [
            ("A".into(), "B".into(), "all".into(), 2, -1.0, -1),
            ("A".into(), "C".into(), "all".into(), 1, 1.0, 1),
        ]
    );
    // Directed, A–B is an ambivalent pair of the signed graph.
    let n = aggregate(&text, AggregateOptions::default()).unwrap();
    let g = &n.graphs()[0];
    assert_eq!(g.ambivalent_pairs().len(), 1);
    assert_eq!(g.nodes(), ["A", "B", "C"]);
}

#[test]
fn a_zero_net_score_is_no_tie() {
    let text = icews(&[
        ["2018-06-01", "a", "A", "036", "4", "b", "B"],
        ["2018-06-01", "a", "A", "173", "-4", "b", "B"],
        ["2018-06-01", "a", "A", "036", "0.1", "b", "C"],
    ]);
    let n = aggregate(&text, AggregateOptions::default()).unwrap();
    assert_eq!(n.rows().len(), 2);
    assert_eq!(n.rows()[0].sign, 0);
    let g = &n.graphs()[0];
    assert_eq!((g.nodes().len(), g.edges().len()), (2, 1));
    // The edge list leaves it out and reads back as the same graph.
    let mut edges = Vec::new();
    n.write_edges(&mut edges).unwrap();
    let edges = String::from_utf8(edges).unwrap();
    assert_eq!(edges, "source,target,sign,weight,period\nA,C,1,0.1,all\n");
    let back = SignedGraph::read_edges(&edges, "e.csv").unwrap();
    assert_eq!(back[0].edges()[0].weight, 0.1);
}

#[test]
fn the_icews_sample_gives_its_published_facts() {
    let options = AggregateOptions::default();
    let n = aggregate_file(SAMPLE, &ReadOptions::default(), &options).unwrap();
    let c = n.counts();
    assert_eq!(c.read, 3705);
    assert_eq!(
        (c.aggregated, c.self_dyads, c.missing_side),
        (1741, 1596, 368)
    );
    let mut top: Vec<_> = n.rows().iter().collect();
    top.sort_by(|a, b| b.events.cmp(&a.events).then(a.source.cmp(&b.source)));
    let pair =
        |r: &&stancegraph::events::DyadPeriod| (r.source.clone(), r.target.clone(), r.events);
    assert_eq!(
        pair(&top[0]),
        ("United States".into(), "North Korea".into(), 181)
    );
    assert_eq!(
        pair(&top[1]),
        ("North Korea".into(), "United States".into(), 131)
    );
    assert_eq!(top[0].goldstein, 497.0);
    assert_eq!(top[1].goldstein, 374.3);
    assert_eq!(n.rows().len(), 417);
    // SOURCE.md's 2,098 "events between two different countries" compares the
    // country columns as written, `NA` included: the 1,741 aggregated plus
    // the 357 with exactly one side `NA`.
    let one_na = c.missing_side - 11;
    assert_eq!(c.aggregated + one_na, 2098);
    // Signs: 310 cooperative dyads, 80 conflictual, 27 at exactly zero.
    let signs = |s: i8| n.rows().iter().filter(|r| r.sign == s).count();
    assert_eq!((signs(1), signs(-1), signs(0)), (310, 80, 27));
    // US → North Korea by quad class.
    let us = top[0];
    assert_eq!(
        (
            us.quad.verbal_cooperation,
            us.quad.material_cooperation,
            us.quad.verbal_conflict,
            us.quad.material_conflict
        ),
        (176, 1, 4, 0)
    );
    // By day, undirected, actors.
    let by_day = aggregate_file(
        SAMPLE,
        &ReadOptions::default(),
        &options.with_window(Window::Day),
    )
    .unwrap();
    assert_eq!(by_day.periods(), ["2018-06-01", "2018-06-02"]);
    assert_eq!(by_day.rows().len(), 502);
    let undirected = aggregate_file(
        SAMPLE,
        &ReadOptions::default(),
        &options.with_directed(false),
    )
    .unwrap();
    assert_eq!(undirected.rows().len(), 273);
    let nk = undirected
        .rows()
        .iter()
        .find(|r| r.source == "North Korea" && r.target == "United States")
        .unwrap();
    assert_eq!((nk.events, nk.goldstein), (312, 871.3));
    let actors = aggregate_file(
        SAMPLE,
        &ReadOptions::default(),
        &options.with_level(ActorLevel::Actor),
    )
    .unwrap();
    assert_eq!(
        (actors.rows().len(), actors.counts().missing_side),
        (2138, 0)
    );
    // The CSV starts with the required columns.
    assert!(csv_of(&n).starts_with("source,target,period,events,goldstein,"));
}

#[test]
fn delimited_tables_with_named_columns() {
    let text = "who;whom;when;cameo;goldstein;c1;c2\n\
                Trump;Kim;2018-06-01;036;;USA;PRK\n\
                Kim;Trump;2018-06-02;;-2.5;PRK;USA\n\
                \"Moon; Jae-in\";Kim;2018-06-02;AGREE;NA;KOR;PRK\n";
    let columns = {
        let mut c = EventColumns::default();
        c.delimiter = Some(b';');
        c.source = "who".into();
        c.target = "whom".into();
        c.date = "when".into();
        c.code = "cameo".into();
        c.score = "goldstein".into();
        c.source_country = "c1".into();
        c.target_country = "c2".into();
        c
    };
    // GDELT's days, YYYYMMDD, read as YYYY-MM-DD; a bad one is named.
    let gdelt = "source,target,date,score\na,b,20181231,1\nb,a,20180230,1\n";
    let mut reader =
        EventReader::delimited(gdelt.as_bytes(), "g.csv", &EventColumns::default()).unwrap();
    let read: Vec<Result<Event, Error>> = reader.events().collect();
    let first = read[0].as_ref().unwrap();
    assert_eq!(
        first.date.map(|d| d.to_string()).as_deref(),
        Some("2018-12-31")
    );
    let e = read[1].as_ref().unwrap_err().to_string();
    assert!(e.contains("g.csv:3") && e.contains("`date`"), "{e}");
    let mut reader = EventReader::delimited(text.as_bytes(), "t.csv", &columns).unwrap();
    assert!(reader.has_countries());
    let events: Vec<Event> = reader.events().collect::<Result<_, _>>().unwrap();
    assert_eq!(events.len(), 3);
    assert_eq!(
        (events[0].score, events[0].quad),
        (4.0, Some(QuadClass::VerbalCooperation))
    );
    assert_eq!((events[1].score, events[1].quad), (-2.5, None));
    assert_eq!(events[2].source, "Moon; Jae-in");
    assert_eq!(events[2].quad, Some(QuadClass::VerbalCooperation));
    // Neither a code nor a score column: the header is at fault.
    let e = EventReader::delimited(
        "source,target\n".as_bytes(),
        "t.csv",
        &EventColumns::default(),
    )
    .err()
    .unwrap();
    assert!(
        e.to_string().contains("needs a code or a score column"),
        "{e}"
    );
    // The country level needs country columns.
    let mut reader = EventReader::delimited(
        "source,target,score\na,b,1\n".as_bytes(),
        "t.csv",
        &EventColumns::default(),
    )
    .unwrap();
    let mut agg = EventAggregator::new(AggregateOptions::default());
    assert!(matches!(
        agg.add_reader(&mut reader),
        Err(Error::InvalidOptions { .. })
    ));
    // Bad rows name the line, quoted fields included.
    let text = "source,target,score\n\"a\nb\",c,1\nd,e,x\nf,g\n";
    let mut reader =
        EventReader::delimited(text.as_bytes(), "t.csv", &EventColumns::default()).unwrap();
    let mut agg = EventAggregator::new(AggregateOptions::default().with_level(ActorLevel::Actor));
    let e = agg.add_reader(&mut reader).unwrap_err();
    let lines: Vec<Option<u64>> = e.problems().iter().map(|p| p.line).collect();
    assert_eq!(lines, [Some(4), Some(5)], "{e}");
}

#[test]
fn plover_records() {
    let json = r#"[
      {"id": "DOC", "event": "DOCUMENT", "comment": "not an event"},
      {"id": "r1", "date": "2000-01-01", "event": "AGREE",
       "source": [{"actorText": "Hungary", "code": "HUN"}, {"actorText": "Romania", "code": "ROU"}],
       "target": [{"actorText": "Tokyo", "code": "JPN"}]},
      {"id": "r2", "date": "2000-01-02", "event": "ASSAULT", "source": [{"actorText": "X", "code": "HUN"}], "target": ""},
      {"id": "r3", "date": "2000-01-02", "event": "SING", "source": [], "target": []},
      {"id": "r4", "date": "2000-02-30", "event": "FIGHT"}
    ]"#;
    let mut reader = EventReader::plover(json.as_bytes(), "p.json");
    let mut agg = EventAggregator::new(AggregateOptions::default());
    let e = agg.add_reader(&mut reader).unwrap_err();
    assert_eq!(reader.documents(), 1);
    let named: Vec<(Option<u64>, Option<&str>, Option<&str>)> = e
        .problems()
        .iter()
        .map(|p| (p.line, p.field.as_deref(), p.record.key.as_deref()))
        .collect();
    assert_eq!(
        named,
        [
            (Some(7), Some("event"), Some("r3")),
            (Some(8), Some("date"), Some("r4"))
        ],
        "{e}"
    );
    let n = agg.finish();
    assert_eq!(n.counts().read, 3);
    assert_eq!(n.counts().missing_side, 1);
    assert_eq!(
        n.rows()
            .iter()
            .map(|r| (r.source.as_str(), r.target.as_str()))
            .collect::<Vec<_>>(),
        [("HUN", "JPN"), ("ROU", "JPN")]
    );
    // JSON Lines work too.
    let lines = "{\"event\": \"AGREE\", \"source\": {\"code\": \"A\"}, \"target\": {\"code\": \"B\"}}\n{\"event\": \"THREATEN\", \"source\": {\"code\": \"B\"}, \"target\": {\"code\": \"A\"}}\n";
    let mut reader = EventReader::plover(lines.as_bytes(), "p.jsonl");
    let events: Vec<Event> = reader.events().collect::<Result<_, _>>().unwrap();
    assert_eq!(events.len(), 2);
    assert!(events[0].score > 0.0 && events[1].score < 0.0);
}

#[test]
fn the_plover_gold_standard_records_read() {
    let path = std::path::Path::new(PLOVER);
    assert_eq!(EventFormat::from_path(path), EventFormat::Plover);
    let mut reader = EventReader::open(path, &ReadOptions::default()).unwrap();
    let mut agg = EventAggregator::new(AggregateOptions::default());
    agg.add_reader(&mut reader).unwrap();
    assert_eq!((reader.rows(), reader.documents()), (323, 1));
    let n = agg.finish();
    let c = n.counts();
    assert!(c.read >= 322);
    assert_eq!(c.read, c.aggregated + c.self_dyads + c.missing_side);
    assert!(n.rows().iter().all(|r| r.quad.verbal_cooperation
        + r.quad.material_cooperation
        + r.quad.verbal_conflict
        + r.quad.material_conflict
        == r.events));
}

#[test]
fn reading_is_format_detected_and_files_named() {
    let e = EventReader::open("no/such/file.tab", &ReadOptions::default())
        .err()
        .unwrap();
    assert!(matches!(e, Error::Io { .. }));
    let reader = EventReader::open(SAMPLE, &ReadOptions::default()).unwrap();
    assert_eq!(reader.format(), EventFormat::Icews);
}

/// Random events over 5 countries and 60 days, with missing sides,
/// self-dyads and scores of one decimal (sums of which are not exact in f64).
fn random_events() -> impl Strategy<Value = Vec<Event>> {
    let event = (0..6usize, 0..6usize, 0..60u32, -100..=100i32, 0..25u8).prop_map(
        |(s, t, day, score, code)| {
            let names = ["A", "B", "C", "D", "E", ""];
            let date = if day < 31 {
                stancegraph::Date::new(2018, 12, day + 1).ok()
            } else {
                stancegraph::Date::new(2019, 1, day - 30).ok()
            };
            let e = Event::new(names[s], names[t], date, f64::from(score) / 10.0);
            match code {
                1..=20 => e.with_code(&format!("{code:02}")),
                _ => e,
            }
        },
    );
    prop::collection::vec(event, 0..80)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn aggregation_is_independent_of_order_and_chunks(
        events in random_events(),
        seed in any::<u64>(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
        window in prop::sample::select(vec![Window::All, Window::Day, Window::Week, Window::Month, Window::Year, Window::sliding(10, 3).unwrap()]),
        directed in any::<bool>(),
    ) {
        let options = AggregateOptions::default().with_window(window).with_directed(directed);
        let mut whole = EventAggregator::new(options);
        for e in &events {
            whole.add(e);
        }
        let whole = whole.finish();
        // Shuffle, split at random cuts, aggregate each chunk, merge in reverse.
        let mut shuffled = events.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(shuffled.len() + 1)).collect();
        bounds.push(0);
        bounds.push(shuffled.len());
        bounds.sort_unstable();
        let mut parts: Vec<EventAggregator> = bounds
            .windows(2)
            .map(|w| {
                let mut a = EventAggregator::new(options);
                for e in &shuffled[w[0]..w[1]] {
                    a.add(e);
                }
                a
            })
            .collect();
        let mut merged = parts.pop().unwrap();
        while let Some(p) = parts.pop() {
            merged.merge(p).unwrap();
        }
        let merged = merged.finish();
        prop_assert_eq!(merged.rows(), whole.rows());
        prop_assert_eq!(merged.counts(), whole.counts());
        prop_assert_eq!(csv_of(&merged), csv_of(&whole));
        // Every event is aggregated or counted as dropped.
        let c = whole.counts();
        prop_assert_eq!(c.read, events.len() as u64);
        prop_assert_eq!(c.read, c.aggregated + c.self_dyads + c.missing_side + c.missing_date);
        if window == Window::All || window == Window::Day {
            prop_assert_eq!(whole.rows().iter().map(|r| r.events).sum::<u64>(), c.aggregated);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// What a Spark job does: each chunk aggregated and finished into rows,
    /// the rows of all chunks summed per dyad and period (events, exact
    /// Goldstein millionths, quad counts), the sums made a table again.
    #[test]
    fn finished_chunks_summed_per_dyad_and_period_give_the_whole(
        events in random_events(),
        cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..6),
        window in prop::sample::select(vec![Window::All, Window::Week, Window::Month, Window::sliding(10, 3).unwrap()]),
        directed in any::<bool>(),
    ) {
        use std::collections::BTreeMap;
        use stancegraph::events::{DyadPeriod, EventCounts, QuadCounts};
        let options = AggregateOptions::default().with_window(window).with_directed(directed);
        let mut whole = EventAggregator::new(options);
        for e in &events {
            whole.add(e);
        }
        let whole = whole.finish();
        let mut bounds: Vec<usize> = cuts.iter().map(|c| c.index(events.len() + 1)).collect();
        bounds.push(0);
        bounds.push(events.len());
        bounds.sort_unstable();
        // A hash of the key decides nothing here: a BTreeMap in reverse
        // chunk order shows the order of the parts does not matter either.
        type Key = (String, String, String);
        let mut sums: BTreeMap<Key, (u64, i128, [u64; 4])> = BTreeMap::new();
        for w in bounds.windows(2).rev() {
            let mut a = EventAggregator::new(options);
            for e in &events[w[0]..w[1]] {
                a.add(e);
            }
            for r in a.finish().rows() {
                let s = sums.entry((r.source.clone(), r.target.clone(), r.period.clone())).or_default();
                s.0 += r.events;
                s.1 += r.goldstein_millionths();
                let q = [r.quad.verbal_cooperation, r.quad.material_cooperation, r.quad.verbal_conflict, r.quad.material_conflict];
                for (t, v) in s.2.iter_mut().zip(q) {
                    *t += v;
                }
            }
        }
        let rows: Vec<DyadPeriod> = sums
            .into_iter()
            .rev()
            .map(|((s, t, p), (n, units, q))| {
                DyadPeriod::new(&s, &t, &p, n, units as f64 / 1e6, QuadCounts::new(q[0], q[1], q[2], q[3]))
            })
            .collect();
        let combined = EventNetworks::from_rows(options, rows, EventCounts::default(), "parts").unwrap();
        prop_assert_eq!(combined.rows(), whole.rows());
        prop_assert_eq!(csv_of(&combined), csv_of(&whole));
        prop_assert_eq!(combined.graphs(), whole.graphs());
    }
}

#[test]
fn rows_from_elsewhere_are_checked_and_every_bad_one_named() {
    use stancegraph::events::{DyadPeriod, EventCounts, QuadCounts};
    let q = QuadCounts::new(1, 0, 0, 0);
    let rows = vec![
        DyadPeriod::new("A", "B", "2018-06", 1, 2.0, q),
        DyadPeriod::new("B", "A", "2018-06", 1, 2.0, q),
        DyadPeriod::new("A", "A", "2018-06", 1, 2.0, q),
        DyadPeriod::new("A", "C", "2018-06", 0, 2.0, QuadCounts::default()),
        DyadPeriod::new("A", "B", "2018-06", 3, f64::NAN, q),
    ];
    let undirected = AggregateOptions::default().with_directed(false);
    let err = EventNetworks::from_rows(undirected, rows, EventCounts::default(), "ties")
        .unwrap_err()
        .to_string();
    for needle in [
        "ties",
        "rows[2]",
        "after the target",
        "rows[3]",
        "self-dyads",
        "rows[4]",
        "no events",
        "rows[5]",
        "not a finite number",
        "given twice",
    ] {
        assert!(err.contains(needle), "{needle} not in {err}");
    }
    assert!(!err.contains("rows[1]"), "{err}");

    // A row whose public Goldstein sum was changed is read by that sum, in
    // the table and in the graph alike; a sign that disagrees is refused.
    let mut a = DyadPeriod::new("USA", "PRK", "all", 1, 1.0, q);
    a.goldstein = 7.0;
    assert_eq!(a.goldstein_millionths(), 7_000_000);
    assert_eq!(a, DyadPeriod::new("USA", "PRK", "all", 1, 7.0, q));
    let b = DyadPeriod::new("PRK", "USA", "all", 1, 2.0, q);
    let n = EventNetworks::from_rows(
        AggregateOptions::default(),
        vec![a.clone(), b],
        EventCounts::default(),
        "t",
    )
    .unwrap();
    assert_eq!(n.graphs()[0].edges()[0].weight, 9.0);
    a.goldstein = -7.0;
    let err = EventNetworks::from_rows(
        AggregateOptions::default(),
        vec![a],
        EventCounts::default(),
        "t",
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("not the sign of the Goldstein sum"), "{err}");
}

#[cfg(feature = "cli")]
mod cli {
    use crate::common::{scratch_dir, stancegraph};

    use super::SAMPLE;

    #[test]
    fn events_writes_the_table_and_an_edge_list_balance_reads() {
        let out = stancegraph(&["events", SAMPLE, "--window", "day"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let csv = String::from_utf8(out.stdout).unwrap();
        assert!(csv.starts_with("source,target,period,events,goldstein,"));
        assert!(
            csv.contains("\nUnited States,North Korea,2018-06-01,"),
            "{csv}"
        );
        assert_eq!(csv.lines().count(), 1 + 502);
        let note = String::from_utf8(out.stderr).unwrap();
        assert!(
            note.contains("1596 self-dyads, 368 with a missing side"),
            "{note}"
        );

        let dir = scratch_dir("events-cli");
        let edges = dir.join("edges.csv");
        let out = stancegraph(&[
            "events",
            SAMPLE,
            "--undirected",
            "--format",
            "edges",
            "-o",
            edges.to_str().unwrap(),
        ]);
        assert!(out.status.success());
        let out = stancegraph(&[
            "balance",
            "--edges",
            edges.to_str().unwrap(),
            "--format",
            "json",
            "--no-significance",
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );

        let out = stancegraph(&["events", SAMPLE, "--format", "json", "--level", "actor"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["counts"]["aggregated"], 3705);
        assert_eq!(json["dyads"].as_array().unwrap().len(), 2138);
    }

    #[test]
    fn events_names_bad_rows_and_bad_options() {
        let dir = scratch_dir("events-cli-bad");
        let file = dir.join("bad.csv");
        std::fs::write(
            &file,
            "source,target,date,score\na,b,2018-02-30,1\na,b,2018-01-01,x\n",
        )
        .unwrap();
        let out = stancegraph(&["events", file.to_str().unwrap(), "--level", "actor"]);
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("bad.csv:2: rows[1], field `date`"), "{err}");
        assert!(err.contains("bad.csv:3: rows[2], field `score`"), "{err}");
        let out = stancegraph(&["events", SAMPLE, "--window", "fortnight"]);
        assert_eq!(out.status.code(), Some(2));
    }
}

/// A large file (≥ 16 MB) is read in two halves on two threads: the result,
/// and every bad row's line and row number, are the one-pass reader's.
#[test]
fn a_large_file_read_in_two_halves_is_read_as_in_one_pass() {
    let sample = std::fs::read_to_string(SAMPLE).unwrap();
    let (header, body) = sample.split_once('\n').unwrap();
    let mut text = format!("{header}\n");
    for _ in 0..18 {
        text.push_str(body);
    }
    let dir = common::scratch_dir("events-halves");
    let one_pass = |path: &std::path::Path, options: &AggregateOptions| {
        let mut reader = EventReader::open(path, &ReadOptions::default())?;
        let mut agg = EventAggregator::new(*options);
        agg.add_reader(&mut reader)?;
        Ok::<_, Error>(agg.finish())
    };
    let good = dir.join("good.tab");
    std::fs::write(&good, &text).unwrap();
    assert!(text.len() > 16 << 20);
    let options = AggregateOptions::default()
        .with_window(Window::Day)
        .with_directed(false);
    let halves = aggregate_file(&good, &ReadOptions::default(), &options).unwrap();
    let single = one_pass(&good, &options).unwrap();
    assert_eq!(halves.rows(), single.rows());
    assert_eq!(halves.counts(), single.counts());
    assert_eq!(halves.counts().read, 18 * 3705);
    // Bad rows near the start, the middle and the end.
    let mut lines: Vec<&str> = text.lines().collect();
    let n = lines.len();
    let bad = "x\t2018-06-01\tshort";
    for i in [2, n / 2 - 1, n / 2, n / 2 + 1, n - 1] {
        lines[i] = bad;
    }
    let bad_file = dir.join("bad.tab");
    std::fs::write(&bad_file, lines.join("\n") + "\n").unwrap();
    let halves = aggregate_file(&bad_file, &ReadOptions::default(), &options).unwrap_err();
    let single = one_pass(&bad_file, &options).unwrap_err();
    assert_eq!(halves.to_string(), single.to_string());
    assert_eq!(halves.problems().len(), 5);
    assert_eq!(halves.problems()[4].line, Some(n as u64));
}

/// Lines across the reader's buffer fills, CRLF line ends and a last line
/// without a line break read as any other.
#[test]
fn lines_across_buffer_fills_read_alike() {
    let text = icews(&[
        ["2018-06-01", "a", "A", "036", "4", "b", "B"],
        ["2018-06-02", "Ünal", "Türkiye", "173", "-5", "b", "B"],
        ["2018-06-03", "a", "A", "190", "-10", "b", "C"],
    ]);
    let crlf = text.replace('\n', "\r\n");
    let unterminated = text.trim_end().to_owned();
    let read = |t: &str, capacity: usize| {
        let reader = std::io::BufReader::with_capacity(capacity, t.as_bytes());
        let mut r = EventReader::icews(reader, "t.tab").unwrap();
        r.events().collect::<Result<Vec<_>, _>>().unwrap()
    };
    let expected = read(&text, 1 << 16);
    assert_eq!(expected.len(), 3);
    assert_eq!(expected[1].source_country, "Türkiye");
    for capacity in [1, 2, 7, 64] {
        assert_eq!(read(&text, capacity), expected);
        assert_eq!(read(&crlf, capacity), expected);
        assert_eq!(read(&unterminated, capacity), expected);
    }
}
