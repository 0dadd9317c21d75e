//! Generalised blockmodels: the exact search and the local search against a
//! brute force over every labelling, structural balance patterns against
//! the Doreian–Mrvar blockmodel, mediators found, patterns parsed and
//! refused.

use stancegraph::balance::{BlockPattern, BlockmodelOptions, Expect, SignedGraph};

use crate::common::{Lcg, read_graph, tribes};

fn random_graph(n: usize, rng: &mut Lcg) -> SignedGraph {
    let mut edges = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            match rng.next_value() % 3 {
                0 => edges.push((a, b, 1)),
                1 => edges.push((a, b, -1)),
                _ => {}
            }
        }
    }
    SignedGraph::from_edges((0..n).map(|i| format!("v{i}")).collect(), &edges).unwrap()
}

fn random_pattern(k: usize, rng: &mut Lcg) -> BlockPattern {
    let mut cells = vec!['.'; k * k];
    for i in 0..k {
        for j in i..k {
            let c = ['+', '-', '.'][(rng.next_value() % 3) as usize];
            cells[i * k + j] = c;
            cells[j * k + i] = c;
        }
    }
    let rows: Vec<String> = cells.chunks(k).map(|r| r.iter().collect()).collect();
    rows.join(";").parse().unwrap()
}

/// The least criterion over every labelling with every block used.
fn brute_force(g: &SignedGraph, p: &BlockPattern, alpha: f64) -> f64 {
    let (n, k) = (g.nodes().len(), p.k());
    let mut best = f64::INFINITY;
    let mut label = vec![0usize; n];
    for code in 0..k.pow(n as u32) {
        let mut c = code;
        for l in label.iter_mut() {
            *l = c % k;
            c /= k;
        }
        if n >= k && (0..k).any(|b| !label.contains(&b)) {
            continue;
        }
        let mut score = 0.0;
        for e in g.edges() {
            score += match (p.expected(label[e.a], label[e.b]), e.sign > 0) {
                (Expect::Positive, false) => alpha,
                (Expect::Negative, true) => 1.0 - alpha,
                _ => 0.0,
            };
        }
        best = best.min(score);
    }
    best
}

#[test]
fn exact_and_local_search_against_brute_force() {
    let mut rng = Lcg::new(2026);
    for round in 0..40 {
        let n = 4 + round % 4;
        let k = 2 + round % 2;
        let g = random_graph(n, &mut rng);
        let p = random_pattern(k, &mut rng);
        let alpha = [0.5, 0.3, 0.8][round % 3];
        let expected = brute_force(&g, &p, alpha);
        let options = BlockmodelOptions::new(k).with_alpha(alpha);
        let exact = g.fit_pattern(&p, &options).unwrap();
        assert!(exact.exact);
        assert!(
            (exact.criterion() - expected).abs() < 1e-9,
            "round {round}: {p}"
        );
        // Every block has a member, and the counts are the misplaced ties.
        assert!(exact.blocks.iter().all(|b| !b.is_empty()));
        assert_eq!(
            exact.misplaced.len(),
            exact.negative_in_positive + exact.positive_in_negative
        );
        // The local search alone (no exhaustive search) never does better
        // than the optimum, and on graphs this small it finds it.
        let local = g
            .fit_pattern(&p, &options.with_exact_limit(0).with_restarts(30))
            .unwrap();
        assert!(!local.exact);
        assert!(local.criterion() >= expected - 1e-9);
        assert!(
            (local.criterion() - expected).abs() < 1e-9,
            "round {round}: local {p}"
        );
    }
}

#[test]
fn structural_balance_patterns_equal_the_blockmodel() {
    let g = tribes();
    for k in 2..=3 {
        let blockmodel = g.blockmodel(&BlockmodelOptions::new(k)).unwrap();
        let fit = g
            .fit_pattern(&BlockPattern::balance(k), &BlockmodelOptions::new(k))
            .unwrap();
        assert!(
            (fit.criterion() - blockmodel.criterion()).abs() < 1e-9,
            "k={k}: pattern {} vs blockmodel {}",
            fit.criterion(),
            blockmodel.criterion()
        );
    }
}

#[test]
fn mediators_are_found() {
    // Two hostile camps of three, and two mediators friendly to everyone.
    let mut rows = String::from("source,target,sign\n");
    let camp = |v: usize| if v < 3 { 0 } else { 1 };
    for a in 0..6 {
        for b in a + 1..6 {
            let sign = if camp(a) == camp(b) { 1 } else { -1 };
            rows.push_str(&format!("c{a},c{b},{sign}\n"));
        }
        for m in ["m1", "m2"] {
            rows.push_str(&format!("{m},c{a},1\n"));
        }
    }
    rows.push_str("m1,m2,1\n");
    let g = read_graph(&rows, "mediators.csv");
    let fit = g
        .fit_pattern(&"+-+;-++;+++".parse().unwrap(), &BlockmodelOptions::new(3))
        .unwrap();
    assert_eq!(fit.criterion(), 0.0);
    let names = |b: &[usize]| b.iter().map(|&v| g.nodes()[v].clone()).collect::<Vec<_>>();
    assert_eq!(names(&fit.blocks[2]), ["m1", "m2"]);
    // Plain balance cannot place them without misplaced ties.
    let balance = g.blockmodel(&BlockmodelOptions::new(2)).unwrap();
    assert!(balance.criterion() > 0.0);
    let text = fit.explain(&g);
    assert!(text.starts_with("Blockmodel of pattern +-+;-++;+++ (3 blocks): criterion 0"));
    assert!(text.contains("  Block 3: m1, m2\n"));
    let json = fit.to_json(&g);
    assert_eq!(json["pattern"], "+-+;-++;+++");
    assert_eq!(json["blocks"][2], serde_json::json!(["m1", "m2"]));
}

#[test]
fn patterns_parse_and_bad_ones_are_refused() {
    let p: BlockPattern = " +- / -+ ".parse().unwrap();
    assert_eq!(p, BlockPattern::balance(2));
    assert_eq!(
        "+.;.-".parse::<BlockPattern>().unwrap().expected(0, 1),
        Expect::Either
    );
    for (bad, why) in [
        ("", "is empty"),
        ("+-;-", "must be square"),
        ("+-;++", "must be symmetric"),
        ("+x;x+", "other than +, - and ."),
    ] {
        let e = bad.parse::<BlockPattern>().unwrap_err();
        assert!(e.to_string().contains(why), "{bad}: {e}");
        assert_eq!(e.problems()[0].field.as_deref(), Some("pattern"));
    }
    let g = tribes();
    let e = g
        .fit_pattern(
            &BlockPattern::balance(2),
            &BlockmodelOptions::new(2).with_alpha(1.5),
        )
        .unwrap_err();
    assert!(e.to_string().contains("alpha"));
}

#[test]
fn the_balance_command_fits_a_pattern() {
    use crate::common::stancegraph;
    let tribes = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/highland_tribes.csv"
    );
    let out = stancegraph(&[
        "balance",
        tribes,
        "--edges",
        "--pattern",
        "+-;-+",
        "--format",
        "json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["pattern_blockmodel"]["pattern"], "+-;-+");
    assert!(
        json.get("blockmodel").is_none(),
        "a pattern alone fits no k-camp blockmodel"
    );
    let text = stancegraph(&[
        "balance",
        tribes,
        "--edges",
        "--pattern",
        "+-;-+",
        "--no-significance",
    ]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("Blockmodel of pattern +-;-+ (2 blocks)")
    );
    // --alpha needs a blockmodel to weigh; a bad pattern names itself.
    let alone = stancegraph(&["balance", tribes, "--edges", "--alpha", "0.3"]);
    assert_eq!(alone.status.code(), Some(2));
    let bad = stancegraph(&["balance", tribes, "--edges", "--pattern", "+-;+-"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("must be symmetric"));
}
