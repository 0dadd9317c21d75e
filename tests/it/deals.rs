//! The deal finder: the founding scenario's answers, each constraint, the
//! proof when no deal exists, and a brute-force oracle on random scenarios.

use proptest::prelude::*;
use stancegraph::{
    Firmness, Scenario, Stance,
    deal::{Cost, DealOptions, Deals, Obstacle, Weights},
};

use crate::common::founding;

fn cost(red_line: u32, firm: u32, negotiable: u32) -> Cost {
    Cost {
        red_line,
        firm,
        negotiable,
    }
}

/// Each deal as its concessions' keys.
fn listed(deals: &Deals<'_>) -> Vec<Vec<String>> {
    deals
        .deals
        .iter()
        .map(|d| {
            d.concessions
                .iter()
                .map(|&c| deals.claim_key(c).to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn the_founding_scenario_among_the_us_nato_and_russia() {
    let s = founding();
    let table = DealOptions::default().with_parties(["us", "nato", "russia"]);
    let deals = s.deals(&table).unwrap();
    assert!(deals.is_feasible() && deals.is_optimal() && deals.is_complete());
    // The cheapest way out: NATO drops one red line (Ukraine's membership).
    assert_eq!(deals.deals[0].cost, cost(1, 0, 0));
    assert_eq!(listed(&deals)[0], ["nato:ukraine-joins-nato:support"]);
    // Otherwise Russia drops two red lines and the US withdraws its offer.
    assert_eq!(deals.deals[1].cost, cost(2, 0, 1));
    assert_eq!(
        listed(&deals)[1],
        [
            "russia:freeze-expansion:support",
            "russia:ukraine-joins-nato:oppose",
            "us:freeze-expansion:support"
        ]
    );
    assert_eq!(deals.deals.len(), 2);
    // The US offer is backed by both its spokespeople.
    let us = s.actor_id("us").unwrap();
    let offer = deals
        .claims
        .iter()
        .find(|c| c.actor == us && c.issue == s.issue_id("freeze-expansion").unwrap())
        .unwrap();
    let keys: Vec<&str> = offer
        .positions
        .iter()
        .map(|&p| s.position(p).key())
        .collect();
    assert_eq!(keys, ["kellogg-freeze", "trump-freeze"]);
    assert_eq!(offer.firmness, Firmness::Negotiable);
    // Per party, and neither deal beats the other for every party.
    assert_eq!(
        deals.party_cost(&deals.deals[0], s.actor_id("nato").unwrap()),
        cost(1, 0, 0)
    );
    assert_eq!(deals.party_cost(&deals.deals[1], us), cost(0, 0, 1));
    assert_eq!(deals.pareto(), [0, 1]);
    let text = deals.to_string();
    assert!(
        text.contains("NATO must drop its red line supporting “Ukraine becomes a member of NATO”"),
        "{text}"
    );
    assert!(text.contains(
        "Mark Rutte, 2025-05-29: “We will not compromise on Ukraine’s right to join NATO”"
    ));

    // If NATO keeps its red line, what is left is the second deal.
    let kept = s.deals(&table.clone().with_keep("nato")).unwrap();
    assert_eq!(listed(&kept), [listed(&deals)[1].clone()]);
}

#[test]
fn every_party_and_a_required_ceasefire() {
    let s = founding();
    let all = s.deals(&DealOptions::default()).unwrap();
    // Every principal with a claim: Czechia's only position is neutral.
    assert_eq!(all.parties.len(), 7, "{:?}", all.parties);
    assert!(!all.parties.contains(&s.actor_id("czechia").unwrap()));
    assert_eq!(all.deals[0].cost, cost(1, 0, 0));
    // A full ceasefire must hold: every party that speaks of it supports
    // it, so that changes nothing here.
    let ceasefire = s
        .deals(&DealOptions::default().with_require("full-ceasefire", Stance::Support))
        .unwrap();
    assert_eq!(listed(&ceasefire), listed(&all));
    // Requiring no ceasefire makes every party's ceasefire claim and the
    // memorandum (which implies it) concessions in every deal.
    let none = s
        .deals(&DealOptions::default().with_require("full-ceasefire", Stance::Oppose))
        .unwrap();
    assert!(none.is_feasible());
    for deal in listed(&none) {
        assert!(
            deal.iter().any(|k| k == "us:full-ceasefire:support"),
            "{deal:?}"
        );
        assert!(
            deal.iter().any(|k| k == "ukraine:memorandum:support"),
            "{deal:?}"
        );
    }
}

#[test]
fn an_infeasible_keep_comes_with_its_proof() {
    let s = founding();
    let options = DealOptions::default()
        .with_parties(["us", "nato", "russia"])
        .with_keep("nato")
        .with_keep("russia");
    let deals = s.deals(&options).unwrap();
    assert!(!deals.is_feasible());
    assert!(deals.deals.is_empty());
    // NATO's red line on membership against Russia's on the freeze (which
    // excludes it), or against Russia's opposition: a minimal pair.
    assert_eq!(deals.proof.len(), 2, "{:?}", deals.proof);
    let keys: Vec<&str> = deals
        .proof
        .iter()
        .map(|o| match *o {
            Obstacle::Kept { claim } => deals.claim_key(claim),
            _ => panic!("{o:?}"),
        })
        .collect();
    assert!(
        keys.contains(&"nato:ukraine-joins-nato:support"),
        "{keys:?}"
    );
    let text = deals.to_string();
    assert!(text.contains("No deal exists"), "{text}");
    let json = deals.to_json();
    assert_eq!(json["feasible"], false);
    assert_eq!(json["deals"], serde_json::json!([]));

    // Protecting a position fixes its claim; requiring an outcome fixes the issue.
    let protected = s
        .deals(
            &DealOptions::default()
                .with_parties(["us", "nato", "russia"])
                .with_protect("rutte-ukraine-nato"),
        )
        .unwrap();
    assert_eq!(protected.deals[0].cost, cost(2, 0, 1));
    let required = s
        .deals(
            &DealOptions::default()
                .with_parties(["us", "nato", "russia"])
                .with_keep("nato")
                .with_require("freeze-expansion", Stance::Support),
        )
        .unwrap();
    assert!(!required.is_feasible());
    assert!(required.proof.iter().any(|o| matches!(
        o,
        Obstacle::Required {
            stance: Stance::Support,
            ..
        }
    )));
}

#[test]
fn bad_options_are_named() {
    let s = founding();
    let err = s
        .deals(
            &DealOptions::default()
                .with_parties(["usa-typo"])
                .with_protect("nothing")
                .with_max(0),
        )
        .unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("options, field `parties[0]`: unknown actor `usa-typo`"),
        "{text}"
    );
    assert!(
        text.contains("field `protect[0]`: unknown position `nothing`"),
        "{text}"
    );
    assert!(text.contains("field `max`: must be at least 1"), "{text}");
    // Spokespeople stand for their principals, aliases name actors.
    let deals = s
        .deals(&DealOptions::default().with_parties(["kellogg", "rutte", "Moscow"]))
        .unwrap();
    let parties: Vec<&str> = deals.parties.iter().map(|&p| s.actor(p).key()).collect();
    assert_eq!(parties, ["us", "nato", "russia"]);
}

const DATED: &str = "
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
  - {id: b-envoy, name: B's envoy, kind: person, speaks_for: b}
issues:
  - {id: x, name: X}
  - {id: y, name: Y}
relations:
  - {kind: excludes, issues: [x, y]}
positions:
  - {id: a-x, actor: a, issue: x, stance: support, firmness: firm, date: 2025-01-01}
  - {id: b-y, actor: b-envoy, issue: y, stance: support, firmness: firm, date: 2025-01-01}
  - {id: b-y-later, actor: b, issue: y, stance: oppose, firmness: negotiable, date: 2025-03-01}
  - {id: undated, actor: a, issue: y, stance: oppose, firmness: negotiable}
";

#[test]
fn undated_superseded_and_spoken_positions() {
    let s = Scenario::from_yaml_str(DATED).unwrap();
    // As of February: B (through its envoy) backs y against A's x; A's
    // undated opposition to y always holds.
    let feb = s
        .deals(&DealOptions::default().with_as_of("2025-02-01".parse().unwrap()))
        .unwrap();
    assert_eq!(
        listed(&feb),
        [
            vec!["b:y:support".to_owned()],
            vec!["a:x:support".to_owned(), "a:y:oppose".to_owned()]
        ]
    );
    assert_eq!(feb.deals[0].cost, cost(0, 1, 0));
    // By default the latest date: B's later opposition superseded its support.
    let now = s.deals(&DealOptions::default()).unwrap();
    assert_eq!(now.as_of, Some("2025-03-01".parse().unwrap()));
    assert_eq!(listed(&now), [Vec::<String>::new()]);
    assert!(now.deals[0].concessions.is_empty() && now.is_complete());
    assert!(now.to_string().contains("Nothing to concede"));
}

#[test]
fn ties_in_cost_are_ordered_by_fewer_concessions_then_keys_and_weights_reprice() {
    let s = Scenario::from_yaml_str(
        "
actors:
  - {id: a, name: A, kind: state}
  - {id: b, name: B, kind: state}
  - {id: c, name: C, kind: state}
issues:
  - {id: x, name: X}
positions:
  - {actor: c, issue: x, stance: oppose, firmness: firm}
  - {actor: a, issue: x, stance: support, firmness: negotiable}
  - {actor: b, issue: x, stance: support, firmness: negotiable}
",
    )
    .unwrap();
    let deals = s.deals(&DealOptions::default()).unwrap();
    assert_eq!(
        listed(&deals),
        [
            vec!["a:x:support".to_owned(), "b:x:support".to_owned()],
            vec!["c:x:oppose".to_owned()]
        ]
    );
    // Priced so that a firm claim costs three negotiable ones, C concedes.
    let weighted = s
        .deals(&DealOptions::default().with_weights(Weights::new(10, 3, 1)))
        .unwrap();
    assert_eq!(listed(&weighted)[0], ["a:x:support", "b:x:support"]);
    let weighted = s
        .deals(&DealOptions::default().with_weights(Weights::new(10, 1, 1)))
        .unwrap();
    assert_eq!(listed(&weighted)[0], ["c:x:oppose"]);
    // Capped at one: the list says more exist.
    let one = s.deals(&DealOptions::default().with_max(1)).unwrap();
    assert_eq!(one.deals.len(), 1);
    assert!(!one.is_complete() && one.is_optimal());
}

#[test]
fn the_wcnf_encoding_has_a_variable_per_issue_and_a_soft_clause_per_claim() {
    let s = founding();
    let deals = s
        .deals(
            &DealOptions::default()
                .with_parties(["us", "nato", "russia"])
                .with_keep("nato"),
        )
        .unwrap();
    let wcnf = deals.to_wcnf();
    let header = wcnf.lines().find(|l| l.starts_with("p wcnf")).unwrap();
    let fields: Vec<u64> = header
        .split_whitespace()
        .skip(2)
        .map(|x| x.parse().unwrap())
        .collect();
    // 6 issues; 4 relation clauses + 1 kept claim (hard) + 9 claims (soft).
    assert_eq!(&fields[..2], [6, 14]);
    let soft: u64 = wcnf
        .lines()
        .filter(|l| !l.starts_with('c') && !l.starts_with('p'))
        .map(|l| l.split_whitespace().next().unwrap().parse::<u64>().unwrap())
        .filter(|&w| w != fields[2])
        .sum();
    assert_eq!(soft + 1, fields[2]);
    assert_eq!(deals.deals[0].weight, 2 * 100 + 1);
}

#[test]
fn a_time_limit_returns_a_minimal_deal_and_a_proven_bound() {
    let s = founding();
    let options = DealOptions::default()
        .with_parties(["us", "nato", "russia"])
        .with_exhaustive_issues(0)
        .with_time_limit(std::time::Duration::ZERO);
    let deals = s.deals(&options).unwrap();
    assert!(!deals.is_optimal() && !deals.is_complete());
    assert_eq!(deals.deals.len(), 1);
    let w: u32 = deals.deals[0].concessions.iter().map(|&c| 1 << c).sum();
    assert!(holds(&s, &deals, w));
    for &c in &deals.deals[0].concessions {
        assert!(!holds(&s, &deals, w & !(1 << c)));
    }
    // The bound is proven: no deal is cheaper than it.
    assert!(deals.lower_bound.unwrap() <= 100);
    assert!(deals.to_string().contains("not proven the cheapest"));
}

// ---- the oracle ---------------------------------------------------------------

/// A random small scenario: up to 8 issues, relations among them, up to 14
/// undated positions by a few actors (one with a spokesperson).
fn scenario_text() -> impl Strategy<Value = String> {
    (2usize..=8).prop_flat_map(|n| {
        let relation = (0..4u8, prop::collection::vec(0..n, 3));
        let position = (0..5usize, 0..n, 0..3u8, 0..3u8);
        (
            Just(n),
            prop::collection::vec(relation, 0..6),
            prop::collection::vec(position, 1..=14),
        )
    })
    .prop_map(|(n, relations, positions)| {
        let mut text = String::from("actors:\n");
        for a in 0..4 {
            text += &format!("  - {{id: p{a}, name: P{a}, kind: state}}\n");
        }
        text += "  - {id: envoy, name: Envoy, kind: person, speaks_for: p0}\n";
        text += "issues:\n";
        for i in 0..n {
            text += &format!("  - {{id: i{i}, name: I{i}}}\n");
        }
        text += "relations:\n";
        for (kind, issues) in relations {
            let (kind, count) = match kind {
                0 => ("implies", 2),
                1 => ("excludes", 2),
                2 => ("equivalent", 2),
                _ => ("incompatible", 3),
            };
            let mut chosen: Vec<usize> = Vec::new();
            for i in issues {
                if !chosen.contains(&i) {
                    chosen.push(i);
                }
            }
            if chosen.len() < count {
                continue;
            }
            let list: Vec<String> = chosen[..count].iter().map(|i| format!("i{i}")).collect();
            text += &format!("  - {{kind: {kind}, issues: [{}]}}\n", list.join(", "));
        }
        text += "positions:\n";
        for (actor, issue, stance, firmness) in positions {
            let actor = if actor == 4 { "envoy".to_owned() } else { format!("p{actor}") };
            let stance = ["support", "oppose", "neutral"][stance as usize];
            let firmness = ["negotiable", "firm", "red_line"][firmness as usize];
            text += &format!("  - {{actor: {actor}, issue: i{issue}, stance: {stance}, firmness: {firmness}}}\n");
        }
        text
    })
}

/// Whether the claims not in `withdrawn` (a bit set) hold together with the
/// relations and the fixed claims, by trying every outcome.
fn holds(s: &Scenario, deals: &Deals<'_>, withdrawn: u32) -> bool {
    let n = s.issues().len();
    'outcome: for outcome in 0u32..(1 << n) {
        let value = |i: stancegraph::IssueId| outcome >> i.index() & 1 == 1;
        for (_, r) in s.relations() {
            let v: Vec<bool> = r.issues().iter().map(|&i| value(i)).collect();
            let ok = match r.kind() {
                stancegraph::RelationKind::Implies => !v[0] || v[1],
                stancegraph::RelationKind::Excludes => !(v[0] && v[1]),
                stancegraph::RelationKind::Equivalent => v[0] == v[1],
                _ => !v.iter().all(|&x| x),
            };
            if !ok {
                continue 'outcome;
            }
        }
        for (c, claim) in deals.claims.iter().enumerate() {
            if withdrawn >> c & 1 == 0 && value(claim.issue) != (claim.stance == Stance::Support) {
                continue 'outcome;
            }
        }
        return true;
    }
    false
}

/// Every minimal deal by brute force over all subsets of claims, cheapest
/// first, then fewer, then by keys.
fn oracle(s: &Scenario, deals: &Deals<'_>) -> Vec<(Cost, Vec<String>)> {
    let m = deals.claims.len();
    let correction: Vec<bool> = (0u32..(1 << m)).map(|w| holds(s, deals, w)).collect();
    let mut minimal = Vec::new();
    for w in 0u32..(1 << m) {
        if !correction[w as usize]
            || (0..m).any(|c| w >> c & 1 == 1 && correction[(w & !(1 << c)) as usize])
        {
            continue;
        }
        let mut c = cost(0, 0, 0);
        let mut keys = Vec::new();
        for k in 0..m {
            if w >> k & 1 == 1 {
                match deals.claims[k].firmness {
                    Firmness::RedLine => c.red_line += 1,
                    Firmness::Firm => c.firm += 1,
                    Firmness::Negotiable => c.negotiable += 1,
                }
                keys.push(deals.claim_key(k).to_owned());
            }
        }
        minimal.push((c, keys));
    }
    minimal.sort_by(|a, b| (a.0, a.1.len(), &a.1).cmp(&(b.0, b.1.len(), &b.1)));
    minimal
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn deals_match_a_brute_force_oracle(text in scenario_text()) {
        let s = Scenario::from_yaml_str(&text).unwrap();
        for exhaustive in [DealOptions::DEFAULT_EXHAUSTIVE_ISSUES, 0] {
            let deals = s.deals(&DealOptions::default().with_max(100_000).with_exhaustive_issues(exhaustive)).unwrap();
            prop_assert!(deals.is_complete() && deals.is_optimal() && deals.is_feasible());
            let expected = oracle(&s, &deals);
            let got: Vec<(Cost, Vec<String>)> = deals.deals.iter().zip(listed(&deals)).map(|(d, k)| (d.cost, k)).collect();
            // The empty deal is listed when everything holds.
            let expected = if expected.is_empty() { vec![(cost(0, 0, 0), Vec::new())] } else { expected };
            prop_assert_eq!(&got, &expected, "exhaustive up to {} issues\n{}", exhaustive, text);
            // Every deal re-checked: the rest holds, and putting back any
            // concession breaks it.
            for d in &deals.deals {
                let w: u32 = d.concessions.iter().map(|&c| 1 << c).sum();
                prop_assert!(holds(&s, &deals, w));
                for &c in &d.concessions {
                    prop_assert!(!holds(&s, &deals, w & !(1 << c)));
                }
            }
            // Capped lists are the prefix of the full one.
            let three = s.deals(&DealOptions::default().with_max(3).with_exhaustive_issues(exhaustive)).unwrap();
            prop_assert_eq!(listed(&three), listed(&deals)[..deals.deals.len().min(3)].to_vec());
        }
    }

    #[test]
    fn deals_do_not_depend_on_the_order_or_names_of_records(text in scenario_text(), seed in any::<u64>()) {
        let s = Scenario::from_yaml_str(&text).unwrap();
        // Positions and relations in another order.
        let (head, positions) = text.split_once("positions:\n").unwrap();
        let (top, relations) = head.split_once("relations:\n").unwrap();
        let mut p: Vec<&str> = positions.lines().collect();
        let mut r: Vec<&str> = relations.lines().collect();
        crate::common::shuffle(&mut p, seed);
        crate::common::shuffle(&mut r, seed ^ 1);
        let shuffled = format!("{top}relations:\n{}\npositions:\n{}\n", r.join("\n"), p.join("\n"));
        let t = Scenario::from_yaml_str(&shuffled).unwrap();
        let options = DealOptions::default().with_max(20);
        let (a, b) = (s.deals(&options).unwrap(), t.deals(&options).unwrap());
        prop_assert_eq!(listed(&a), listed(&b));
        let costs = |d: &Deals<'_>| d.deals.iter().map(|x| (x.cost, x.weight)).collect::<Vec<_>>();
        prop_assert_eq!(costs(&a), costs(&b));
        // Renamed (keys keep their order): the same deals under the new names.
        let renamed: String = text
            .lines()
            .map(|line| {
                let line = line
                    .replace("{id: p", "{id: q")
                    .replace("actor: p", "actor: q")
                    .replace("speaks_for: p", "speaks_for: q")
                    .replace("{id: i", "{id: x")
                    .replace("issue: i", "issue: x");
                match line.split_once("issues: [") {
                    Some((head, list)) => {
                        format!("{head}issues: [{}", list.replace('i', "x"))
                    }
                    None => line,
                }
            })
            .map(|line| line + "\n")
            .collect();
        let r = Scenario::from_yaml_str(&renamed).unwrap();
        let c = r.deals(&options).unwrap();
        let back: Vec<Vec<String>> = listed(&c)
            .into_iter()
            .map(|deal| deal.into_iter().map(|k| k.replacen('q', "p", 1).replace(":x", ":i")).collect())
            .collect();
        prop_assert_eq!(back, listed(&a));
        prop_assert_eq!(costs(&c), costs(&a));
    }
}

#[test]
fn the_report_shows_what_a_deal_would_take() {
    use stancegraph::render::{HtmlReport, HtmlReportOptions};
    let s = founding();
    let html = HtmlReport::new(&s).unwrap().render_html();
    let doc = crate::report::parse(&html);
    let section = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("deals"))
        .unwrap();
    let deals: Vec<_> = section
        .descendants()
        .filter(|n| n.has_tag_name("article"))
        .collect();
    assert_eq!(deals.len(), 2);
    let first: String = deals[0].descendants().filter_map(|n| n.text()).collect();
    assert!(
        first.contains("Deal 1: 1 red line")
            && first.contains("NATO")
            && first.contains("We will not compromise"),
        "{first}"
    );
    let none = HtmlReport::with_options(&s, HtmlReportOptions::new().with_deals(0))
        .unwrap()
        .render_html();
    assert!(!none.contains("id=\"deals\""));
}

#[test]
fn a_hypothetical_position_opens_and_closes_deals() {
    let s = founding();
    let nato = s.actor_id("rutte").unwrap();
    let join = s.issue_id("ukraine-joins-nato").unwrap();
    // What if Rutte softened NATO's position to a negotiable one on 1 June?
    let softer = s
        .with_hypothetical([stancegraph::Position::new(nato, join, Stance::Support)
            .with_firmness(Firmness::Negotiable)
            .with_date("2025-06-01".parse().unwrap())
            .with_key("rutte-softer")])
        .unwrap();
    let options = DealOptions::default().with_parties(["us", "nato", "russia"]);
    let w = softer.deals_what_if(&s, &options).unwrap();
    assert_eq!(w.after.deals[0].cost, cost(0, 0, 1));
    assert_eq!(listed(&w.after)[0], ["nato:ukraine-joins-nato:support"]);
    assert_eq!(w.opened, [0]);
    assert_eq!(w.closed, [0]);
    assert!(w.to_string().starts_with("The cheapest deal costs 1 negotiable claim (before: 1 red line); 1 deal opened, 1 closed."), "{w}");
}

#[test]
fn the_report_cuts_long_deals_short_and_counts_the_rest() {
    use stancegraph::render::HtmlReport;
    let mut yaml = String::from("actors:\n");
    for a in 0..41 {
        yaml += &format!("  - {{id: a{a:02}, name: A{a:02}, kind: state}}\n");
    }
    yaml += "issues:\n  - {id: x, name: X}\npositions:\n";
    for a in 0..41 {
        let stance = if a < 20 { "support" } else { "oppose" };
        yaml += &format!("  - {{actor: a{a:02}, issue: x, stance: {stance}}}\n");
    }
    let s = Scenario::from_yaml_str(&yaml).unwrap();
    let deals = s.deals(&DealOptions::default()).unwrap();
    assert_eq!(deals.deals[0].by_party.len(), 20);
    let html = HtmlReport::new(&s).unwrap().render_html();
    assert!(html.contains("and 8 more parties conceding"), "{html}");
}

#[test]
fn a_time_limit_too_far_away_is_no_limit() {
    // `Instant::now() + 1e19 s` overflows; the search must treat it as no limit.
    let s = founding();
    let far = std::time::Duration::from_secs_f64(1e19);
    let deals = s
        .deals(&DealOptions::default().with_time_limit(far))
        .unwrap();
    assert!(deals.is_optimal() && deals.is_complete());
    assert_eq!(deals.deals.len(), 2);
}
