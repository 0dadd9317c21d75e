//! Signed multigraphs with weights: rows repeating a pair add up per sign, a
//! pair with both signs keeps both edges (ambivalent), and the frustration
//! index minimises total weight — checked against brute force over every
//! 2-colouring of random weighted multigraphs, on the shared gene-regulatory
//! multigraphs' published values, and for byte-identity with the simple
//! unweighted graphs of before.

use stancegraph::balance::{
    Balance, BalanceOptions, BalanceReport, FrustrationMethod, FrustrationOptions, SignedGraph,
    WeakBalance,
};

use crate::common::{self, Lcg};

use crate::common::brute_force_frustration as brute_force;

/// A random edge list of up to `n` nodes: rows with weights of up to two
/// decimals (or none), pairs repeated with the same and the other sign.
fn random_rows(rng: &mut Lcg, n: u64) -> String {
    let mut text = String::from("source,target,sign,weight\n");
    let rows = 1 + rng.next_value() % (n * 3);
    for _ in 0..rows {
        let a = rng.next_value() % n;
        let b = (a + 1 + rng.next_value() % (n - 1)) % n;
        let sign = if rng.next_value().is_multiple_of(2) {
            1
        } else {
            -1
        };
        let weight = match rng.next_value() % 4 {
            0 => String::new(),
            1 => format!("{}", 1 + rng.next_value() % 5),
            _ => format!("{}.{:02}", rng.next_value() % 4, 1 + rng.next_value() % 99),
        };
        text.push_str(&format!("n{a},n{b},{sign},{weight}\n"));
    }
    text
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn weighted_multigraphs_match_brute_force() {
    let mut rng = Lcg::new(16);
    let mut ambivalent = 0;
    for case in 0..400 {
        let n = 2 + rng.next_value() % 11;
        let text = random_rows(&mut rng, n);
        let g = &SignedGraph::read_edges(&text, "random.csv").unwrap()[0];
        ambivalent += g.ambivalent_pairs().len();
        let optimum = brute_force(g);
        let f = g.frustration(&FrustrationOptions::new().with_method(FrustrationMethod::Exact));
        assert!(f.exact, "case {case}:\n{text}");
        assert!(
            close(f.value, optimum),
            "case {case}: {} != {optimum}\n{text}",
            f.value
        );
        // The value is the weight of the edges the camps frustrate.
        let side = |v: usize| f.camps[0].contains(&v);
        let frustrated: Vec<usize> = (0..g.edges().len())
            .filter(|&i| {
                let e = g.edges()[i];
                (side(e.a) == side(e.b)) != (e.sign > 0)
            })
            .collect();
        assert_eq!(frustrated, f.frustrated_edges, "case {case}");
        let h = g.frustration(&FrustrationOptions::new().with_method(FrustrationMethod::Heuristic));
        assert!(
            h.lower_bound <= optimum + 1e-9 && optimum <= h.value + 1e-9,
            "case {case}: {} ≤ {optimum} ≤ {}",
            h.lower_bound,
            h.value
        );
        // signnet's convention: every distinct signed pair once.
        let distinct = g.distinct_pairs();
        let d = distinct.frustration(&FrustrationOptions::new());
        assert_eq!(d.value, brute_force(&distinct), "case {case}");
        assert_eq!(d.value.fract(), 0.0);
    }
    assert!(ambivalent > 100, "too few ambivalent pairs: {ambivalent}");
}

#[test]
fn repeated_rows_add_up_per_sign_and_both_signs_stay() {
    let text =
        "source,target,sign,weight\nA,B,1,2\nB,A,1,0.5\nA,B,-1,\nB,C,-3,1.5\nC,A,1,\nA,B,-1,1\n";
    let g = &SignedGraph::read_edges(text, "ties.csv").unwrap()[0];
    let edges: Vec<(usize, usize, i8, f64)> = g
        .edges()
        .iter()
        .map(|e| (e.a, e.b, e.sign, e.weight))
        .collect();
    assert_eq!(
        edges,
        [
            (0, 1, 1, 2.5),
            (0, 1, -1, 2.0),
            (1, 2, -1, 1.5),
            (2, 0, 1, 1.0)
        ]
    );
    assert_eq!(g.ambivalent_pairs(), [(0, 1)]);
    assert!(g.has_ambivalent_pairs() && g.is_weighted());
    assert_eq!(g.total_weight(), 7.0);
    // A and B together lose the dispute (2) and then one more tie of the
    // unbalanced triangle A–B+, B–C−, C–A+ (1): 3. Apart, they lose only the
    // alliance (2.5), and C sides with A: 2.5.
    let f = g.frustration(&FrustrationOptions::new());
    assert_eq!((f.value, f.lower_bound, f.exact), (2.5, 2.5, true));
    assert_eq!(f.frustrated_edges, [0]);
    assert!((f.score() - (1.0 - 5.0 / 7.0)).abs() < 1e-12);
    // The same from index triples.
    let nodes = ["A", "B", "C"].map(String::from).to_vec();
    let same = SignedGraph::from_weighted_edges(
        nodes,
        &[
            (0, 1, 1, 2.0),
            (1, 0, 1, 0.5),
            (0, 1, -1, 1.0),
            (1, 2, -1, 1.5),
            (2, 0, 1, 1.0),
            (0, 1, -1, 1.0),
        ],
    )
    .unwrap();
    assert_eq!(same.edges(), g.edges());
    let err = SignedGraph::from_weighted_edges(vec!["A".into(), "B".into()], &[(0, 1, 1, 0.0)])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("the weight is not a positive finite number"),
        "{err}"
    );
}

#[test]
fn an_ambivalent_pair_is_an_unbalanced_two_cycle() {
    let g =
        &SignedGraph::read_edges("source,target,sign\nA,B,1\nA,B,-1\nB,C,1\n", "t.csv").unwrap()[0];
    match g.balance() {
        Balance::Unbalanced { cycle, edges } => {
            assert_eq!(cycle, [0, 1]);
            assert_eq!(edges, [0, 1]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        g.weak_balance(),
        WeakBalance::Unbalanced { negative: 1, .. }
    ));
    // A = 0 between A and B, |A| = 2: not walk-balanced.
    assert!(g.walk_balance() < 1.0);
    let f = g.frustration(&FrustrationOptions::new());
    assert_eq!((f.value, f.exact), (1.0, true));
}

#[test]
fn triangles_count_every_choice_of_tie() {
    // A–B ambivalent, B–C and A–C positive: +++ and ++- (the A–B dispute).
    let text = "source,target,sign\nA,B,1\nA,B,-1\nB,C,1\nA,C,1\n";
    let g = &SignedGraph::read_edges(text, "t.csv").unwrap()[0];
    let t = g.triangles();
    assert_eq!((t.ppp, t.ppn, t.pnn, t.nnn), (1, 1, 0, 0));
    assert_eq!(t.unbalanced, [[0, 1, 2]]);
    // Brute force on random multigraphs: every triple of ties on three
    // distinct pairs of three nodes.
    let mut rng = Lcg::new(3);
    for _ in 0..100 {
        let n = 3 + rng.next_value() % 6;
        let g = &SignedGraph::read_edges(&random_rows(&mut rng, n), "r.csv").unwrap()[0];
        let e = g.edges();
        let mut counts = [0usize; 4];
        for i in 0..e.len() {
            for j in i + 1..e.len() {
                for k in j + 1..e.len() {
                    let mut nodes = [e[i].a, e[i].b, e[j].a, e[j].b, e[k].a, e[k].b];
                    nodes.sort_unstable();
                    let pairs = |x: &stancegraph::balance::SignedEdge| (x.a.min(x.b), x.a.max(x.b));
                    let distinct_pairs = pairs(&e[i]) != pairs(&e[j])
                        && pairs(&e[j]) != pairs(&e[k])
                        && pairs(&e[i]) != pairs(&e[k]);
                    let triangle = nodes[0] == nodes[1]
                        && nodes[2] == nodes[3]
                        && nodes[4] == nodes[5]
                        && nodes[1] != nodes[2]
                        && nodes[3] != nodes[4];
                    if distinct_pairs && triangle {
                        let negatives = [e[i].sign, e[j].sign, e[k].sign]
                            .iter()
                            .filter(|&&s| s < 0)
                            .count();
                        counts[negatives] += 1;
                    }
                }
            }
        }
        let t = g.triangles();
        assert_eq!([t.ppp, t.ppn, t.pnn, t.nnn], counts);
    }
}

#[test]
fn the_gene_regulatory_multigraphs_give_the_published_values() {
    // Yeast: 41 counting parallel edges (bsg's test value), proven.
    let yeast = &common::read_graph(include_str!("../data/yeast_signed.csv"), "yeast.csv");
    assert_eq!((yeast.nodes().len(), yeast.edges().len()), (690, 1080));
    assert_eq!(yeast.ambivalent_pairs().len(), 1);
    let f = yeast.frustration(&FrustrationOptions::new());
    assert_eq!((f.value, f.exact), (41.0, true));
    // Macrophage: 374 counting parallel edges; its 1,582 rows are 1,427
    // edges (1,426 pairs, one of them ambivalent) of total weight 1,582.
    let macrophage = &common::read_graph(
        include_str!("../data/macrophage_signed.csv"),
        "macrophage.csv",
    );
    assert_eq!(macrophage.edges().len(), 1427);
    assert_eq!(macrophage.total_weight(), 1582.0);
    let f =
        macrophage.frustration(&FrustrationOptions::new().with_method(FrustrationMethod::Exact));
    assert_eq!((f.value, f.exact), (374.0, true));
}

#[test]
fn reports_list_ambivalent_pairs_and_weights() {
    let text =
        "source,target,sign,weight\nUSA,Iraq,1,3\nUSA,Iraq,-1,1\nIraq,Iran,-1,2\nUSA,Iran,-1,0.5\n";
    let g = &SignedGraph::read_edges(text, "ties.csv").unwrap()[0];
    let report = BalanceReport::new(g, &BalanceOptions::new()).unwrap();
    let json = report.to_json(None);
    assert_eq!(
        json["ambivalent_pairs"],
        serde_json::json!([{"source": "USA", "target": "Iraq", "positive": 3, "negative": 1}])
    );
    assert_eq!(json["total_weight"], 6.5);
    // USA and Iraq together (their dispute, 1, out of place), Iran against both.
    assert_eq!(json["frustration"]["value"], 1);
    assert_eq!(json["frustration"]["frustrated_edges"][0]["weight"], 1);
    let text = report.explain(None);
    assert!(text.contains("Total weight 6.5."), "{text}");
    assert!(
        text.contains("Ambivalent pairs (1; tied both ways"),
        "{text}"
    );
    assert!(
        text.contains("  USA -- Iraq: positive 3, negative 1"),
        "{text}"
    );
    assert!(
        text.contains("Frustration index: 1 (exact, proven optimal); frustration score 1 - 2L/W"),
        "{text}"
    );
    assert!(
        text.contains("USA -- Iraq: negative tie inside a camp (weight 1)"),
        "{text}"
    );
}

#[test]
fn simple_unweighted_reports_have_no_weights() {
    let g = &common::tribes();
    let report = BalanceReport::new(g, &BalanceOptions::new()).unwrap();
    let json = report.to_json(None).to_string();
    assert!(
        !json.contains("weight") && !json.contains("ambivalent"),
        "{json}"
    );
    assert!(json.contains("\"value\":7}"), "{json}");
    let text = report.explain(None);
    assert!(
        text.contains("Frustration index: 7 (exact, proven optimal); frustration score 1 - 2L/m"),
        "{text}"
    );
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_weighs_ties_unless_told_to_count_distinct_pairs() {
    let dir = common::scratch_dir("multigraph-cli");
    let file = dir.join("ties.csv");
    std::fs::write(
        &file,
        "source,target,sign,weight\nA,B,1,2\nB,A,1,1\nA,B,-1,1\nB,C,-1,0.5\nA,C,1,\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["balance", path, "--edges", "--format", "json"];
        args.extend_from_slice(extra);
        let out = common::stancegraph(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let weighted = run(&[]);
    assert_eq!(weighted["frustration"]["value"], 1.5);
    assert_eq!(weighted["ambivalent_pairs"][0]["positive"], 3);
    let distinct = run(&["--distinct-pairs"]);
    assert_eq!(distinct["frustration"]["value"], 1);
    assert!(distinct.get("total_weight").is_none());
    let out = common::stancegraph(&["centrality", path, "--edges", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["nodes"][0]["positive_degree"], 4.0);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stance_graphs_can_keep_both_signs_of_a_pair() {
    use stancegraph::{StanceGraph, balance::TieSigns};
    for scenario in [common::founding(), common::dna_sample()] {
        let graph = StanceGraph::new(&scenario);
        let net = SignedGraph::from_actor_ties(&graph);
        assert_eq!(
            SignedGraph::from_actor_ties_with(&graph, TieSigns::Net),
            net
        );
        let both = SignedGraph::from_actor_ties_with(&graph, TieSigns::Both);
        // Per pair: the net of the two signs is the net graph's tie.
        let mut pairs: std::collections::BTreeMap<(usize, usize), f64> = Default::default();
        for e in both.edges() {
            *pairs.entry((e.a, e.b)).or_default() += f64::from(e.sign) * e.weight;
        }
        pairs.retain(|_, w| *w != 0.0);
        let expected: std::collections::BTreeMap<(usize, usize), f64> = net
            .edges()
            .iter()
            .map(|e| ((e.a, e.b), f64::from(e.sign) * e.weight))
            .collect();
        assert_eq!(pairs, expected);
        for (p, n) in both.ambivalent_pairs() {
            let evidence = both.evidence(p).unwrap();
            assert!(evidence.agreement_count > 0 && evidence.conflict_count > 0);
            assert_eq!(both.edges()[n].weight, f64::from(evidence.conflict_count));
        }
        let issues = SignedGraph::from_actors_and_issues_with(&graph, TieSigns::Both);
        assert!(
            issues.total_weight() >= SignedGraph::from_actors_and_issues(&graph).total_weight()
        );
    }
    // The DNA sample has organisations agreeing on one concept and
    // disagreeing on another.
    let dna = common::dna_sample();
    let graph = StanceGraph::new(&dna);
    let both = SignedGraph::from_actor_ties_with(&graph, TieSigns::Both);
    assert!(!both.ambivalent_pairs().is_empty());
}

#[test]
fn weights_that_cannot_be_counted_exactly_are_never_claimed_exact() {
    // Found in review: a heavy tie elsewhere, tiny weights and large
    // numbers with decimals once gave wrong "proven" answers.
    let cases = [
        // (rows, optimum)
        (
            "A,B,1,0.45\nB,C,1,0.24\nA,C,-1,100\nB,D,1,0.24\nA,D,-1,100\nE,F,1,1e14\n",
            0.45,
        ),
        (
            "A,B,1,0.0000014\nB,C,1,0.0000001\nA,C,-1,1\nB,D,1,0.0000001\nA,D,-1,1\n",
            0.0000002,
        ),
        (
            "A,B,1,10000000000.4\nB,C,1,10000000000\nA,C,-1,100000000000\n",
            10_000_000_000.0,
        ),
    ];
    for (rows, optimum) in cases {
        let text = format!("source,target,sign,weight\n{rows}");
        let g = &SignedGraph::read_edges(&text, "w.csv").unwrap()[0];
        assert!((brute_force(g) - optimum).abs() <= 1e-9 * optimum, "{rows}");
        let f = g.frustration(&FrustrationOptions::new());
        // The value is the real weight of what the camps frustrate.
        let real: f64 = f
            .frustrated_edges
            .iter()
            .map(|&e| g.edges()[e].weight)
            .sum();
        assert_eq!(f.value, real, "{rows}");
        assert!(
            f.lower_bound <= optimum * (1.0 + 1e-12),
            "{rows}: bound {}",
            f.lower_bound
        );
        assert!(f.value >= optimum * (1.0 - 1e-12), "{rows}");
        if f.exact {
            assert!(
                (f.value - optimum).abs() <= 1e-9 * optimum,
                "{rows}: {}",
                f.value
            );
        }
        assert_eq!(f.total_weight, g.total_weight());
    }
    // Lossless weights are still proven: one decimal on a large number.
    let text =
        "source,target,sign,weight\nA,B,1,10000000000.4\nB,C,1,10000000000\nA,C,-1,100000000000\n";
    let f =
        SignedGraph::read_edges(text, "w.csv").unwrap()[0].frustration(&FrustrationOptions::new());
    assert_eq!((f.value, f.exact), (10_000_000_000.0, true));
}

#[test]
fn weights_adding_up_past_the_largest_number_are_refused() {
    let err = SignedGraph::read_edges(
        "source,target,sign,weight\nA,B,1,1e308\nB,A,1,1e308\nB,C,1,1\n",
        "inf.csv",
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains(
            "inf.csv:3: rows[2], field `weight`: the weights add up past the largest number"
        ),
        "{err}"
    );
    let nodes = ["a", "b", "c"].map(String::from).to_vec();
    let err = SignedGraph::from_weighted_edges(nodes, &[(0, 1, 1, 1e308), (1, 2, 1, 1e308)])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("rows[2]: the weights add up past the largest number"),
        "{err}"
    );
}

/// What `write_edges` writes reads back as the same graphs — periods, node
/// names (commas, quotes and all), ties, signs and weights to the bit — and
/// writing that again gives the same bytes.
#[test]
fn written_edge_lists_read_back_as_the_same_graphs() {
    let mut rng = Lcg::new(0x0ed9e5);
    for round in 0..200 {
        let mut text = String::from("source,target,sign,weight,period\n");
        let names = ["a", "b,c", "\"d\"", "e f", "Ünal", "g"];
        for _ in 0..1 + rng.next_value() % 25 {
            let a = (rng.next_value() % 6) as usize;
            let b = (a + 1 + (rng.next_value() % 5) as usize) % 6;
            let quote = |n: &str| {
                if n.contains([',', '"']) {
                    format!("\"{}\"", n.replace('"', "\"\""))
                } else {
                    n.to_owned()
                }
            };
            let sign = if rng.next_value().is_multiple_of(3) {
                -1
            } else {
                1
            };
            // Weights with up to 17 significant digits: read back to the bit.
            let weight = (1 + rng.next_value() % 1_000_000) as f64 / 7.0;
            let period = 1990 + rng.next_value() % 3;
            text.push_str(&format!(
                "{},{},{sign},{weight},{period}\n",
                quote(names[a]),
                quote(names[b])
            ));
        }
        let graphs = SignedGraph::read_edges(&text, "random.csv").unwrap();
        let mut written = Vec::new();
        SignedGraph::write_edges(&graphs, &mut written).unwrap();
        let written = String::from_utf8(written).unwrap();
        let again = SignedGraph::read_edges(&written, "written.csv").unwrap();
        assert_eq!(again.len(), graphs.len(), "round {round}");
        for (g, h) in graphs.iter().zip(&again) {
            assert_eq!(g.period(), h.period());
            let ties = |g: &SignedGraph| {
                let mut t: Vec<(String, String, i8, u64)> = g
                    .edges()
                    .iter()
                    .map(|e| {
                        let (a, b) = (&g.nodes()[e.a], &g.nodes()[e.b]);
                        let (a, b) = if a < b { (a, b) } else { (b, a) };
                        (a.clone(), b.clone(), e.sign, e.weight.to_bits())
                    })
                    .collect();
                t.sort();
                t
            };
            assert_eq!(ties(g), ties(h), "round {round}");
        }
        let mut twice = Vec::new();
        SignedGraph::write_edges(&again, &mut twice).unwrap();
        assert_eq!(String::from_utf8(twice).unwrap(), written, "round {round}");
    }
    // Without periods, no period column.
    let plain = SignedGraph::read_edges("source,target,sign\nA,B,1\nB,C,-1\n", "p.csv").unwrap();
    let mut written = Vec::new();
    SignedGraph::write_edges(&plain, &mut written).unwrap();
    assert_eq!(
        String::from_utf8(written).unwrap(),
        "source,target,sign,weight\nA,B,1,1\nB,C,-1,1\n"
    );
}

/// Graphs that would not read back as themselves are refused before
/// anything is written, naming the graph and why; the same graphs made
/// readable are written.
#[test]
fn graphs_that_would_not_read_back_are_refused_by_name() {
    let make = |names: &[&str]| {
        SignedGraph::from_weighted_edges(
            names.iter().map(|n| n.to_string()).collect(),
            &[(0, 1, 1, 1.0), (1, 2, -1, 2.5)],
        )
        .unwrap()
    };
    let refused = |graphs: &[SignedGraph]| {
        let mut out = Vec::new();
        let e = SignedGraph::write_edges(graphs, &mut out).unwrap_err();
        assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput);
        assert!(out.is_empty(), "nothing written");
        e.to_string()
    };
    assert_eq!(
        refused(&[make(&["a", "b", "a"])]),
        "graph 0: the node name `a` names two nodes"
    );
    assert_eq!(
        refused(&[make(&["a", " b", "c"])]),
        "graph 0: the node name ` b` has spaces around it, which reading trims"
    );
    assert_eq!(
        refused(&[make(&["a", "", "c"])]),
        "graph 0: the node name `` is empty"
    );
    assert_eq!(
        refused(&[make(&["a", "b", "c"]), make(&["a", "b", "c"])]),
        "graph 0: several graphs need a period each to be told apart"
    );
    // An isolated node is not written: its name does not matter.
    let isolated = SignedGraph::from_weighted_edges(
        vec!["a".into(), "b".into(), "a".into()],
        &[(0, 1, 1, 1.0)],
    )
    .unwrap();
    let mut out = Vec::new();
    SignedGraph::write_edges(&[isolated], &mut out).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "source,target,sign,weight\na,b,1,1\n"
    );
    // Periods: distinct and as reading gives them.
    let text = "source,target,sign,period\nA,B,1,1990\nA,B,1,1991\n";
    let mut graphs = SignedGraph::read_edges(text, "p.csv").unwrap();
    graphs.push(graphs[0].clone());
    assert_eq!(
        refused(&graphs),
        "graph 2 (period `1990`): another graph has the same period"
    );
}
