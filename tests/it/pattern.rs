//! Generalised blockmodels: the exact search and the local search against a
//! brute force over every labelling (also on weighted multigraphs with
//! ambivalent pairs), structural balance patterns against the Doreian–Mrvar
//! blockmodel (also on the weighted Slovene parties), mediators found,
//! patterns parsed and refused.

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

/// A weighted multigraph: per pair of nodes up to three rows of random sign
/// and a weight of two decimals (0.01 to 5), so that pairs repeat, add up
/// and some are tied with both signs.
fn random_multigraph(n: usize, rng: &mut Lcg) -> SignedGraph {
    let mut ties = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            for _ in 0..rng.next_value() % 4 {
                let sign = if rng.next_value() < 1 << 30 { 1 } else { -1 };
                let weight = (1 + rng.next_value() % 500) as f64 / 100.0;
                ties.push((a, b, sign, weight));
            }
        }
    }
    SignedGraph::from_weighted_edges((0..n).map(|i| format!("v{i}")).collect(), &ties).unwrap()
}

/// Whether two totals of weights agree, up to the rounding of adding the
/// weights in another order.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
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

/// The least criterion over every labelling with every block used, adding
/// up the weights of the misplaced ties.
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
                (Expect::Positive, false) => alpha * e.weight,
                (Expect::Negative, true) => (1.0 - alpha) * e.weight,
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
            exact.misplaced.len() as f64,
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
fn weighted_multigraphs_against_brute_force() {
    let mut rng = Lcg::new(1994);
    let (mut ambivalent, mut misses) = (0, 0);
    for round in 0..40 {
        let n = 3 + round % 6;
        let k = 2 + round % 2;
        let g = random_multigraph(n, &mut rng);
        ambivalent += g.ambivalent_pairs().len();
        let p = random_pattern(k, &mut rng);
        let alpha = [0.5, 0.3, 0.8, 1.0][round % 4];
        let expected = brute_force(&g, &p, alpha);
        let options = BlockmodelOptions::new(k).with_alpha(alpha);
        let exact = g.fit_pattern(&p, &options).unwrap();
        assert!(exact.exact);
        assert!(
            close(exact.criterion(), expected),
            "round {round}: {p}: {} against {expected}",
            exact.criterion()
        );
        // The misplaced ties are those the blocks leave out of place, and
        // their weights the totals.
        let (mut negative, mut positive) = (0.0, 0.0);
        for (i, e) in g.edges().iter().enumerate() {
            let out = match (
                p.expected(exact.block_of[e.a], exact.block_of[e.b]),
                e.sign > 0,
            ) {
                (Expect::Positive, false) => {
                    negative += e.weight;
                    true
                }
                (Expect::Negative, true) => {
                    positive += e.weight;
                    true
                }
                _ => false,
            };
            assert_eq!(exact.misplaced.contains(&i), out, "round {round}");
        }
        assert!(close(exact.negative_in_positive, negative), "round {round}");
        assert!(close(exact.positive_in_negative, positive), "round {round}");
        let local = g
            .fit_pattern(&p, &options.with_exact_limit(0).with_restarts(30))
            .unwrap();
        assert!(!local.exact);
        assert!(local.criterion() >= expected - 1e-9);
        misses += usize::from(!close(local.criterion(), expected));
    }
    assert!(ambivalent > 20, "the graphs have ambivalent pairs");
    // Single-node moves from 30 random starts can stall in a local optimum
    // (rounds 3 and 5 here; with 200 starts none does): that is what the
    // exhaustive search is for.
    assert!(misses <= 2, "the local search missed {misses} of 40 optima");
}

#[test]
fn ambivalent_pairs_count_both_sides() {
    // A and B allied (2) and at odds (0.5): one side is out of place, except
    // in a pair of blocks that expects either sign.
    let g = read_graph(
        "source,target,sign,weight\nA,B,1,2\nA,B,-1,0.5\nB,C,-1,1\n",
        "ambivalent.csv",
    );
    let fit = g
        .fit_pattern(&BlockPattern::balance(2), &BlockmodelOptions::new(2))
        .unwrap();
    assert_eq!(
        (fit.negative_in_positive, fit.positive_in_negative),
        (0.5, 0.0)
    );
    assert_eq!(fit.misplaced, [1]);
    assert_eq!(fit.criterion(), 0.25);
    let text = fit.explain(&g);
    assert!(
        text.starts_with("Blockmodel of pattern +-;-+ (2 blocks): criterion 0.25 (negative ties in positive blocks of total weight 0.5, positive ties in negative blocks of total weight 0, alpha 0.5)"),
        "{text}"
    );
    let json = fit.to_json(&g);
    assert_eq!(json["negative_in_positive"], serde_json::json!(0.5));
    assert_eq!(json["positive_in_negative"].to_string(), "0");
    let either = g
        .fit_pattern(&"..;.-".parse().unwrap(), &BlockmodelOptions::new(2))
        .unwrap();
    assert_eq!(either.criterion(), 0.0);
}

#[test]
fn weighted_slovene_parties_against_brute_force() {
    // The weights −25…+25 read as magnitudes.
    let g = read_graph(
        include_str!("../data/slovene_parties_1994.csv"),
        "slovene_parties_1994.csv",
    );
    assert!(g.is_weighted());
    let mut rng = Lcg::new(10);
    for k in 2..=3 {
        let blockmodel = g.blockmodel(&BlockmodelOptions::new(k)).unwrap();
        let fit = g
            .fit_pattern(&BlockPattern::balance(k), &BlockmodelOptions::new(k))
            .unwrap();
        assert!(fit.exact);
        assert!(close(fit.criterion(), blockmodel.criterion()), "k = {k}");
        assert!(close(
            fit.criterion(),
            brute_force(&g, &BlockPattern::balance(k), 0.5)
        ));
        let p = random_pattern(k, &mut rng);
        let fit = g.fit_pattern(&p, &BlockmodelOptions::new(k)).unwrap();
        assert!(close(fit.criterion(), brute_force(&g, &p, 0.5)), "{p}");
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
