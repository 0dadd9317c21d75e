//! Dyadic panels of interstate relations: the readers' rules and problems,
//! allies in conflict, balance by year against brute force, on hand-made
//! tables and on the cut of ATOP, GML MID and COW in `tests/data/interstate`.

use stancegraph::Error;
use stancegraph::balance::{FrustrationOptions, SignedGraph};
use stancegraph::interstate::{
    Alliances, Disputes, Dyad, InterstatePanel, InterstateSummary, StateNames, TableFormat,
    YearBalanceOptions, output_files,
};

use crate::common::{Lcg, brute_force_frustration, scratch_dir, shuffle};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/interstate");

fn fixture(name: &str) -> String {
    format!("{DATA}/{name}")
}

/// The panel of the cut of the shared files.
fn fixture_panel() -> InterstatePanel {
    InterstatePanel::from_paths(
        fixture("atop_alliance_dyad_year.csv"),
        fixture("gml_mid_directed_dispute_year.csv"),
        Some(fixture("cow_states.csv")),
    )
    .unwrap()
}

/// The fixture files as `--alliances A --disputes D --states S --out DIR`.
fn fixture_args(out: &std::path::Path) -> Vec<String> {
    let mut args = Vec::new();
    for (flag, name) in [
        ("--alliances", "atop_alliance_dyad_year.csv"),
        ("--disputes", "gml_mid_directed_dispute_year.csv"),
        ("--states", "cow_states.csv"),
    ] {
        args.extend([flag.to_owned(), fixture(name)]);
    }
    args.extend(["--out".to_owned(), out.display().to_string()]);
    args
}

fn panel(alliances: &str, disputes: &str, states: &str) -> InterstatePanel {
    InterstatePanel::new(
        Alliances::from_reader(alliances.as_bytes(), "a.csv").unwrap(),
        Disputes::from_reader(disputes.as_bytes(), "d.csv").unwrap(),
        StateNames::from_reader(states.as_bytes(), "s.csv").unwrap(),
    )
}

const STATES: &str = "stateabb,ccode,statenme\nUSA,2,United States of America\nGRC,350,Greece\nTUR,640,Turkey\nCYP,352,Cyprus\n";

#[test]
fn pairs_are_unordered_with_the_lower_code_first() {
    let p = panel(
        "ccode1,ccode2,year\n640,350,1974\n350,640,1974\n",
        "dispnum,ccode1,ccode2,year\n9,640,350,1974\n",
        STATES,
    );
    assert_eq!(p.allied(1974), [Dyad::new(350, 640).unwrap()]);
    let allies = p.allies_in_conflict();
    assert_eq!(allies.len(), 1);
    assert_eq!((allies[0].ccode1, allies[0].ccode2), (350, 640));
    assert_eq!(allies[0].name1.as_deref(), Some("Greece"));
    assert_eq!(
        allies.to_csv(),
        "ccode1,ccode2,name1,name2,year,disputes\n350,640,Greece,Turkey,1974,9\n"
    );
}

#[test]
fn any_alliance_row_counts_whatever_its_pledges() {
    // All five pledge columns 0, as 170 ATOP rows are: still an alliance.
    let p = panel(
        "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n220,325,1927,0,0,0,0,0\n",
        "dispnum,ccode1,ccode2,year\n1672,220,325,1927\n",
        "stateabb,ccode,statenme\n",
    );
    assert_eq!(p.allies_in_conflict().len(), 1);
    // In the fixture: France and Italy in 1927, all pledges 0 in ATOP.
    let fixture = fixture_panel().allies_in_conflict();
    let france_italy = fixture
        .iter()
        .find(|a| (a.ccode1, a.ccode2, a.year) == (220, 325, 1927))
        .unwrap();
    assert_eq!(france_italy.disputes, [1671, 1672]);
}

#[test]
fn dispute_numbers_are_sorted_and_each_given_once() {
    let p = panel(
        "ccode1,ccode2,year\n2,20,1990\n",
        "dispnum,ccode1,ccode2,year\n30,2,20,1990\n4,20,2,1990\n30,20,2,1990\n4,2,20,1990\n200,2,20,1990\n",
        "stateabb,ccode,statenme\n",
    );
    assert_eq!(p.disputed(1990)[0].disputes, [4, 30, 200]);
    assert_eq!(p.allies_in_conflict()[0].disputes, [4, 30, 200]);
    assert!(
        p.allies_in_conflict()
            .to_csv()
            .ends_with(",,1990,4;30;200\n")
    );
}

#[test]
fn a_pair_allied_and_in_a_dispute_is_one_ambivalent_pair() {
    // 1974: Greece–Turkey allied and in two disputes, USA allied to both,
    // Cyprus–Turkey in a dispute only.
    let p = panel(
        "ccode1,ccode2,year\n350,640,1974\n2,350,1974\n2,640,1974\n",
        "dispnum,ccode1,ccode2,year\n1,350,640,1974\n2,640,350,1974\n3,352,640,1974\n",
        STATES,
    );
    let g = p.graph(1974).unwrap();
    assert_eq!(g.nodes(), ["USA", "GRC", "CYP", "TUR"]);
    assert_eq!(p.states(1974), [2, 350, 352, 640]);
    assert_eq!(g.period(), Some("1974"));
    // Two disputes of a pair are one negative tie of weight 1.
    assert_eq!(g.edges().len(), 5);
    assert!(g.edges().iter().all(|e| e.weight == 1.0));
    assert_eq!(g.ambivalent_pairs().len(), 1);
    let y = &p.balance_by_year(&YearBalanceOptions::new())[0];
    assert_eq!(
        (y.year, y.states, y.positive, y.negative, y.ambivalent),
        (1974, 4, 3, 2, 1)
    );
    assert_eq!((y.frustration, y.lower_bound, y.exact), (1.0, 1.0, true));
}

#[test]
fn years_without_ties_are_absent() {
    let p = panel(
        "ccode1,ccode2,year\n2,20,1990\n2,20,1993\n",
        "dispnum,ccode1,ccode2,year\n5,2,20,1995\n",
        "stateabb,ccode,statenme\n",
    );
    assert_eq!(p.years(), [1990, 1993, 1995]);
    assert!(p.graph(1991).is_none());
    assert!(p.allied(1991).is_empty() && p.disputed(1991).is_empty());
    let balance = p.balance_by_year(&YearBalanceOptions::new());
    let years: Vec<i32> = balance.iter().map(|y| y.year).collect();
    assert_eq!(years, [1990, 1993, 1995]);
    assert!(p.year_balance(1991, &YearBalanceOptions::new()).is_none());
    // An unnamed state is labelled by its code, its name left empty.
    assert_eq!(p.graph(1995).unwrap().nodes(), ["2", "20"]);
}

#[test]
fn columns_are_found_by_name_and_others_ignored() {
    let a = Alliances::from_reader(
        "note,year,ccode2,x,ccode1\nhi,1990,20,,2\n".as_bytes(),
        "a.csv",
    )
    .unwrap();
    assert_eq!((a.rows(), a.len()), (1, 1));
    // A whole number written with a zero fraction counts.
    let d = Disputes::from_reader(
        "year,ccode1,ccode2,dispnum\n1990.0,2,20,7\n".as_bytes(),
        "d.csv",
    )
    .unwrap();
    assert_eq!(d.len(), 1);
}

/// The problems' texts, one per line, as the error displays them.
fn problems(e: &Error) -> Vec<String> {
    e.to_string().lines().map(str::to_owned).collect()
}

#[test]
fn every_bad_row_is_named_with_its_file_line_and_field() {
    let text = "ccode1,ccode2,year,atop_defense\n2,20,1990,1\n2,x,1990,1\n,20,1990,1\n3,3,1991,1\n2,20,NA,1\n2,20\n\"2,20,1990,1\n";
    let e = Alliances::from_reader(text.as_bytes(), "atop.csv").unwrap_err();
    let lines = problems(&e);
    assert_eq!(
        lines[..5],
        [
            "atop.csv:3: rows[2], field `ccode2`: not a COW state code (a whole number, 0 or more)",
            "atop.csv:4: rows[3], field `ccode1`: missing required field",
            "atop.csv:5: rows[4], field `ccode2`: a state paired with itself",
            "atop.csv:6: rows[5], field `year`: missing required field",
            "atop.csv:7: rows[6]: the row has fewer fields than the header",
        ]
    );
    assert_eq!(lines.len(), 6, "{lines:?}"); // and the unclosed quote
    assert!(lines[5].starts_with("atop.csv:8: rows[7]"), "{lines:?}");
    for p in e.problems() {
        assert_eq!(p.file.as_deref(), Some(std::path::Path::new("atop.csv")));
        assert!(p.line.is_some());
    }

    let e = Disputes::from_reader(
        "dispnum,ccode1,ccode2,year\n-1,2,20,1990\n1,2,20,19x0\n".as_bytes(),
        "mid.csv",
    )
    .unwrap_err();
    assert_eq!(
        problems(&e),
        [
            "mid.csv:2: rows[1], field `dispnum`: not a dispute number (a whole number, 0 or more)",
            "mid.csv:3: rows[2], field `year`: not a year (a whole number)",
        ]
    );

    let e = StateNames::from_reader(
        "stateabb,ccode,statenme\nGRC,350,Greece\nGRC,351,Greece\nGRE,350,Greece\n,2,USA\n\
         640,2,USA\n"
            .as_bytes(),
        "cow.csv",
    )
    .unwrap_err();
    assert_eq!(
        problems(&e),
        [
            "cow.csv:3: rows[2], field `stateabb`: an earlier row gives this abbreviation to another code",
            "cow.csv:4: rows[3], field `ccode`: an earlier row names this code differently",
            "cow.csv:5: rows[4], field `stateabb`: missing required field",
            "cow.csv:6: rows[5], field `stateabb`: a number: the graphs label a state without a \
             name by its code",
        ]
    );

    let e = Disputes::from_reader("ccode1,ccode2,year\n".as_bytes(), "mid.csv").unwrap_err();
    assert_eq!(
        problems(&e),
        ["mid.csv: header, field `dispnum`: no such column in the header"]
    );
}

#[test]
fn reading_the_files_names_every_bad_file_and_a_missing_one() {
    let dir = scratch_dir("interstate-bad");
    let (a, d) = (dir.join("a.csv"), dir.join("d.csv"));
    std::fs::write(&a, "ccode1,ccode2,year\n2,2,1990\n").unwrap();
    std::fs::write(&d, "dispnum,ccode1,ccode2,year\n1,2,20,x\n").unwrap();
    let e = InterstatePanel::from_paths(&a, &d, None::<&str>).unwrap_err();
    let lines = problems(&e);
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with(&format!("{}:2: ", a.display())),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(&format!("{}:2: ", d.display())),
        "{lines:?}"
    );
    let missing = dir.join("missing.csv");
    let e = InterstatePanel::from_paths(&a, &d, Some(&missing)).unwrap_err();
    assert!(
        matches!(e, Error::Io { ref path, .. } if *path == missing),
        "{e}"
    );
}

#[test]
fn the_panel_does_not_depend_on_the_order_of_rows() {
    let read = |name: &str| std::fs::read_to_string(fixture(name)).unwrap();
    let shuffled = |text: &str, seed: u64| {
        let mut lines: Vec<&str> = text.lines().collect();
        shuffle(&mut lines[1..], seed);
        lines.join("\n") + "\n"
    };
    let (a, d) = (
        read("atop_alliance_dyad_year.csv"),
        read("gml_mid_directed_dispute_year.csv"),
    );
    let states = read("cow_states.csv");
    let original = panel(&a, &d, &states);
    let again = panel(&shuffled(&a, 1), &shuffled(&d, 2), &shuffled(&states, 3));
    assert_eq!(original, again);
    assert_eq!(
        original.balance_by_year(&YearBalanceOptions::new().with_threads(1)),
        again.balance_by_year(&YearBalanceOptions::new().with_threads(3))
    );
}

#[test]
fn the_fixture_has_greece_and_turkey_allied_and_fighting() {
    let p = fixture_panel();
    let allies = p.allies_in_conflict();
    let gr_tr: Vec<i32> = allies
        .iter()
        .filter(|a| (a.ccode1, a.ccode2) == (350, 640))
        .map(|a| a.year)
        .collect();
    assert_eq!(gr_tr, [1974, 1975, 1976, 1978, 1981, 1982, 1983]);
    assert_eq!(
        allies[3].to_string(),
        "Greece (350) and Turkey (640), allies in 1974, in disputes 1292, 1293 and 2173"
    );
    // Deterministic order: years ascending, then pairs.
    let keys: Vec<(i32, u32, u32)> = allies
        .iter()
        .map(|a| (a.year, a.ccode1, a.ccode2))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    assert!(allies.iter().all(|a| a.ccode1 < a.ccode2));
    let summary =
        InterstateSummary::new(&allies, &p.balance_by_year(&YearBalanceOptions::new()), 2);
    assert_eq!(
        summary.most_often[1].to_string(),
        "Greece and Turkey (350–640): 7 years between 1974 and 1983, 8 disputes"
    );
}

#[test]
fn every_year_of_the_fixture_is_proven_and_matches_brute_force() {
    let p = fixture_panel();
    let balance = p.balance_by_year(&YearBalanceOptions::new());
    assert_eq!(balance.len(), 12);
    assert!(balance.all_exact());
    for y in &balance {
        let g = p.graph(y.year).unwrap();
        assert_eq!(y.frustration, brute_force_frustration(&g), "{}", y.year);
        assert_eq!(y.lower_bound, y.frustration);
        assert_eq!(y.states, g.nodes().len());
        assert_eq!(y.positive + y.negative, g.edges().len());
    }
    assert_eq!(
        balance.to_csv().lines().nth(12).unwrap(),
        "1983,9,18,8,3,5,5,true"
    );
}

#[test]
fn random_panels_match_brute_force() {
    let mut rng = Lcg::new(17);
    for round in 0..40 {
        let (mut a, mut d) = (
            String::from("ccode1,ccode2,year\n"),
            String::from("dispnum,ccode1,ccode2,year\n"),
        );
        for _ in 0..rng.next_value() % 40 {
            let (x, y) = (rng.next_value() % 9, rng.next_value() % 9);
            let year = 2000 + rng.next_value() % 3;
            if x != y {
                if rng.next_value().is_multiple_of(3) {
                    d.push_str(&format!("{},{x},{y},{year}\n", rng.next_value() % 5));
                } else {
                    a.push_str(&format!("{x},{y},{year}\n"));
                }
            }
        }
        let p = panel(&a, &d, "stateabb,ccode,statenme\n");
        let balance = p.balance_by_year(&YearBalanceOptions::new());
        assert_eq!(balance.len(), p.years().len());
        for y in &balance {
            let g = p.graph(y.year).unwrap();
            assert_eq!(y.frustration, brute_force_frustration(&g), "round {round}");
            assert!(y.exact);
            let both = p
                .allies_in_conflict()
                .iter()
                .filter(|r| r.year == y.year)
                .count();
            assert_eq!(y.ambivalent, both, "round {round}");
        }
    }
}

#[test]
fn the_example_writes_both_tables_and_a_summary() {
    let dir = scratch_dir("interstate-example");
    let args = fixture_args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = crate::examples::cargo_example("interstate", &args);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p = fixture_panel();
    let allies = p.allies_in_conflict();
    let balance = p.balance_by_year(&YearBalanceOptions::new());
    let written = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    for (name, text) in output_files(&p, &allies, &balance, TableFormat::Csv) {
        assert_eq!(written(&name), text, "{name}");
    }
    assert_eq!(written("allies_in_conflict.csv"), allies.to_csv());
    assert_eq!(written("balance_by_year.csv"), balance.to_csv());
    assert!(
        written("allies_in_conflict.csv").contains("\n350,640,Greece,Turkey,1974,1292;1293;2173\n")
    );
    assert!(stdout.starts_with(&InterstateSummary::new(&allies, &balance, 5).to_string()));
    assert!(stdout.contains("Allies in militarized disputes: 23 pair-years of 9 pairs."));

    let out = crate::examples::cargo_example(
        "interstate",
        &[
            "--alliances",
            "no/such/atop.csv",
            "--disputes",
            "d.csv",
            "--out",
            "x",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("no/such/atop.csv"), "{stderr}");
}

#[cfg(feature = "cli")]
#[test]
fn the_command_writes_the_same_tables_as_csv_or_json() {
    let dir = scratch_dir("interstate-cli");
    let p = fixture_panel();
    let allies = p.allies_in_conflict();
    let balance = p.balance_by_year(&YearBalanceOptions::new());
    // One thread or every core, a limit of `inf` or none: the same tables.
    for (format, threads, limit) in [("csv", "1", "inf"), ("json", "0", "inf"), ("csv", "2", "")] {
        let mut args = vec!["interstate".to_owned()];
        args.extend(fixture_args(&dir));
        args.extend(["--format".to_owned(), format.to_owned()]);
        args.extend(["--threads".to_owned(), threads.to_owned()]);
        if !limit.is_empty() {
            args.extend(["--time-limit".to_owned(), limit.to_owned()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = crate::common::stancegraph(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            InterstateSummary::new(&allies, &balance, 5).to_string()
        );
        let written = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
        let table_format = if format == "csv" {
            TableFormat::Csv
        } else {
            TableFormat::Json
        };
        for (name, text) in output_files(&p, &allies, &balance, table_format) {
            assert_eq!(written(&name), text, "{name}");
        }
        if format == "csv" {
            assert_eq!(written("allies_in_conflict.csv"), allies.to_csv());
            assert_eq!(written("balance_by_year.csv"), balance.to_csv());
        } else {
            assert_eq!(
                written("allies_in_conflict.json"),
                format!("{:#}\n", allies.to_json())
            );
            assert_eq!(
                written("balance_by_year.json"),
                format!("{:#}\n", balance.to_json())
            );
        }
    }
    let out = crate::common::stancegraph(&[
        "interstate",
        "--alliances",
        "no/such/atop.csv",
        "--disputes",
        &fixture("gml_mid_directed_dispute_year.csv"),
        "--out",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("no/such/atop.csv")
    );
    let out = crate::common::stancegraph(&[
        "interstate",
        "--alliances",
        "a.csv",
        "--disputes",
        "d.csv",
        "--out",
        "x",
        "--time-limit",
        "soon",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("`soon` is not a number of seconds")
    );
}

/// The panel as one edge list (`signed_networks.csv`): each year's graph read
/// back has the year's ties, and its frustration index is the year's in
/// `balance_by_year` — what `balance --edges` and `report --edges` then see.
#[test]
fn the_edge_list_of_the_panel_reads_back_as_every_years_graph() {
    let p = fixture_panel();
    let balance = p.balance_by_year(&YearBalanceOptions::new());
    let allies = p.allies_in_conflict();
    let files = output_files(&p, &allies, &balance, TableFormat::Csv);
    let (name, text) = &files[2];
    assert_eq!(name, "signed_networks.csv");
    assert!(text.starts_with("source,target,sign,weight,period\n"));
    let graphs = SignedGraph::read_edges(text, name).unwrap();
    let years = p.years();
    assert_eq!(graphs.len(), years.len());
    assert_eq!(graphs.len(), balance.len());
    for ((g, year), row) in graphs.iter().zip(&years).zip(balance.iter()) {
        assert_eq!(g.period(), Some(year.to_string().as_str()));
        let original = p.graph(*year).unwrap();
        assert_eq!(g.edges().len(), original.edges().len(), "{year}");
        assert_eq!(g.nodes().len(), original.nodes().len(), "{year}");
        assert_eq!(
            g.ambivalent_pairs().len(),
            original.ambivalent_pairs().len()
        );
        let f = g.frustration(&FrustrationOptions::new());
        assert!(f.exact && row.exact, "{year}");
        assert_eq!(f.value, row.frustration, "{year}");
        assert_eq!(row.year, *year);
    }
}
