//! `Scenario::diff` and `Scenario::diff_dates`: each change the issue lists
//! on hand-built cases (supersession, `until`, a reversal, a resolved
//! member–bloc contradiction, a formed conflict tie), the JSON keys of the
//! contract, and an oracle on random scenarios: the diff equals two full
//! checks and two whole stance graphs compared by key, and a scenario
//! compared with itself has no change.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use serde_json::json;
use stancegraph::{
    Date, Firmness, Scenario, Stance, StanceGraph,
    contradiction::{CheckOptions, ContradictionKind},
    diff::{DiffMode, DiffOptions, PositionField, ScenarioDiff},
    stance::{Attribution, GraphOptions, TieKind},
};

use crate::common;
use crate::contradictions::{Small, build, small, year};

fn day(text: &str) -> Date {
    text.parse().unwrap()
}

fn yaml(text: &str) -> Scenario {
    Scenario::from_yaml_str(text).unwrap()
}

/// The actors, issues and relation of the hand-built cases (also those of
/// `cli_diff.rs`).
pub(crate) const ACTORS: &str = "
actors:
  - {id: nato, name: NATO, kind: alliance}
  - {id: us, name: United States, kind: state, member_of: [nato]}
  - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
  - {id: russia, name: Russia, kind: state}
issues:
  - {id: freeze, name: NATO stops expanding eastward}
  - {id: join, name: Ukraine joins NATO}
relations:
  - {kind: excludes, issues: [freeze, join]}
";

/// The case with these positions.
fn case(positions: &str) -> Scenario {
    yaml(&format!("{ACTORS}positions:\n{positions}"))
}

fn keys(s: &Scenario, ids: &[stancegraph::PositionId]) -> Vec<String> {
    ids.iter()
        .map(|&p| s.position(p).key().to_owned())
        .collect()
}

/// One contradiction's identity: its kind and sorted position keys.
fn one(kind: ContradictionKind, keys: &[&str]) -> Vec<(ContradictionKind, Vec<String>)> {
    vec![(kind, keys.iter().map(|k| k.to_string()).collect())]
}

fn identities(list: &[stancegraph::Contradiction<'_>]) -> Vec<(ContradictionKind, Vec<String>)> {
    list.iter()
        .map(|c| {
            let s = c.scenario();
            let mut k: Vec<String> = c
                .positions
                .iter()
                .map(|&p| s.position(p).key().to_owned())
                .collect();
            k.sort();
            (c.kind, k)
        })
        .collect()
}

#[test]
fn a_resolved_member_bloc_contradiction_carries_its_quotes() {
    let old = case(
        "  - {id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line}
  - {id: offer, actor: kellogg, issue: freeze, stance: support, firmness: negotiable,
     quote: \"That's one of the issues that Russia will bring up\"}
",
    );
    let new = case(
        "  - {id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line}
  - {id: offer, actor: kellogg, issue: freeze, stance: oppose, firmness: negotiable,
     quote: \"That's one of the issues that Russia will bring up\"}
",
    );
    let d = old.diff(&new, &DiffOptions::default());
    assert!(d.contradictions.new.is_empty());
    assert_eq!(
        identities(&d.contradictions.resolved),
        one(ContradictionKind::MemberVsBloc, &["nato-join", "offer"])
    );
    let resolved = &d.contradictions.resolved[0];
    assert!(std::ptr::eq(resolved.scenario(), &old));
    assert!(
        resolved
            .to_string()
            .contains("That's one of the issues that Russia will bring up")
    );
    // The changed position says which field moved, before and after.
    assert_eq!(d.positions.changed.len(), 1);
    let change = &d.positions.changed[0];
    assert_eq!(change.fields.len(), 1);
    assert_eq!(change.fields[0].field, PositionField::Stance);
    assert_eq!(change.fields[0].before.as_deref(), Some("support"));
    assert_eq!(change.fields[0].after.as_deref(), Some("oppose"));
    let text = d.to_string();
    assert!(text.contains("offer: stance support → oppose"), "{text}");
    assert!(text.contains("Resolved contradictions: 1"), "{text}");
    assert!(text.contains("member–bloc contradiction"), "{text}");
}

#[test]
fn a_formed_conflict_tie_counts_a_spokesperson_for_its_principal() {
    let old = case("  - {id: offer, actor: kellogg, issue: freeze, stance: support}\n");
    let new = case(
        "  - {id: offer, actor: kellogg, issue: freeze, stance: support}
  - {id: moscow, actor: russia, issue: freeze, stance: oppose, quote: No}
",
    );
    let d = old.diff(&new, &DiffOptions::default());
    assert_eq!(keys(&new, &d.positions.added), ["moscow"]);
    assert!(d.positions.removed.is_empty() && d.positions.changed.is_empty());
    assert_eq!(d.ties.formed.len(), 1);
    let tie = &d.ties.formed[0];
    assert_eq!(tie.actors, ["russia", "us"]);
    assert_eq!(tie.kind, TieKind::Conflict);
    assert_eq!((tie.weight_before, tie.weight_after), (0, 1));
    assert_eq!(tie.issues_after, ["freeze"]);
    assert!(d.ties.broken.is_empty() && d.ties.changed.is_empty());
    let text = d.to_string();
    assert!(
        text.contains(
            "+ Russia and United States are now in conflict on 1 issue: “NATO stops expanding eastward”"
        ),
        "{text}"
    );
    // The reverse diff breaks it.
    let back = new.diff(&old, &DiffOptions::default());
    assert_eq!(back.ties.broken.len(), 1);
    assert_eq!(keys(&new, &back.positions.removed), ["moscow"]);
}

#[test]
fn a_tie_changes_weight_when_an_issue_is_added() {
    let old = case(
        "  - {actor: us, issue: freeze, stance: support}
  - {actor: russia, issue: freeze, stance: support}
",
    );
    let new = case(
        "  - {actor: us, issue: freeze, stance: support}
  - {actor: russia, issue: freeze, stance: support}
  - {actor: us, issue: join, stance: oppose}
  - {actor: russia, issue: join, stance: oppose}
",
    );
    let d = old.diff(&new, &DiffOptions::default());
    assert_eq!(d.ties.changed.len(), 1);
    let tie = &d.ties.changed[0];
    assert_eq!(
        (tie.kind, tie.weight_before, tie.weight_after),
        (TieKind::Agreement, 1, 2)
    );
    assert_eq!(tie.issues_before, ["freeze"]);
    assert_eq!(tie.issues_after, ["freeze", "join"]);
}

#[test]
fn between_dates_supersession_moves_a_position_and_a_reversal_is_new_in_its_window() {
    let s = case(
        "  - {id: early, actor: us, issue: freeze, stance: oppose, date: 2024-01-10}
  - {id: later, actor: kellogg, issue: freeze, stance: support, date: 2025-05-29,
     quote: \"That's one of the issues that Russia will bring up\"}
",
    );
    let options = DiffOptions::default();
    let d = s.diff_dates(day("2025-01-01"), day("2025-06-01"), &options);
    assert_eq!(
        d.mode(),
        DiffMode::Dates {
            from: day("2025-01-01"),
            to: day("2025-06-01")
        }
    );
    assert_eq!(keys(&s, &d.positions.added), ["later"]);
    assert_eq!(keys(&s, &d.positions.removed), ["early"]);
    assert!(d.positions.changed.is_empty());
    assert_eq!(
        identities(&d.contradictions.new),
        one(ContradictionKind::Reversal, &["early", "later"])
    );
    let text = d.to_string();
    assert!(
        text.starts_with("Changes from 2025-01-01 to 2025-06-01\n"),
        "{text}"
    );
    assert!(
        text.contains("United States moved from oppose to support on “NATO stops expanding eastward” on 2025-05-29, through Keith Kellogg: “That's one of the issues that Russia will bring up”"),
        "{text}"
    );
    // The reversal's later position is on or before the earlier day: not new.
    let after = s.diff_dates(day("2025-05-29"), day("2025-07-01"), &options);
    assert!(after.contradictions.new.is_empty());
    // ... or after the later day: not yet.
    let before = s.diff_dates(day("2024-02-01"), day("2025-05-28"), &options);
    assert!(before.contradictions.is_empty());
    assert!(before.is_empty(), "{before}");
    // On its day exactly it counts.
    let on = s.diff_dates(day("2025-05-28"), day("2025-05-29"), &options);
    assert_eq!(on.contradictions.new.len(), 1);
}

#[test]
fn between_dates_until_ends_a_position_and_resolves_its_contradiction() {
    let s = case(
        "  - {id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line}
  - {id: offer, actor: us, issue: freeze, stance: support, date: 2025-05-01, until: 2025-05-31}
",
    );
    let d = s.diff_dates(
        day("2025-05-15"),
        day("2025-06-15"),
        &DiffOptions::default(),
    );
    assert_eq!(keys(&s, &d.positions.removed), ["offer"]);
    assert!(d.positions.added.is_empty());
    assert_eq!(
        identities(&d.contradictions.resolved),
        one(ContradictionKind::MemberVsBloc, &["nato-join", "offer"])
    );
    // Between versions, setting `until` is a change of that field.
    let open = case(
        "  - {id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line}
  - {id: offer, actor: us, issue: freeze, stance: support, date: 2025-05-01}
",
    );
    let v = open.diff(&s, &DiffOptions::default());
    assert_eq!(v.positions.changed.len(), 1);
    let field = &v.positions.changed[0].fields[0];
    assert_eq!(field.field, PositionField::Until);
    assert_eq!(
        (field.before.as_deref(), field.after.as_deref()),
        (None, Some("2025-05-31"))
    );
    // Full histories: the contradiction exists in both versions.
    assert!(v.contradictions.is_empty());
    // As of a day after `until`, it is resolved and the position removed.
    let late = open.diff(&s, &DiffOptions::default().with_as_of(day("2025-06-15")));
    assert_eq!(late.contradictions.resolved.len(), 1);
    assert_eq!(keys(&open, &late.positions.removed), ["offer"]);
    assert!(late.positions.changed.is_empty());
}

#[test]
fn versions_as_of_a_day_see_supersession() {
    let old = case("  - {id: a, actor: us, issue: freeze, stance: oppose, date: 2024-01-10}\n");
    let new = case(
        "  - {id: a, actor: us, issue: freeze, stance: oppose, date: 2024-01-10}
  - {id: b, actor: kellogg, issue: freeze, stance: support, date: 2025-05-29}
",
    );
    let d = old.diff(&new, &DiffOptions::default().with_as_of(day("2025-06-01")));
    assert_eq!(
        d.mode(),
        DiffMode::Versions {
            as_of: Some(day("2025-06-01"))
        }
    );
    assert_eq!(keys(&new, &d.positions.added), ["b"]);
    assert_eq!(keys(&old, &d.positions.removed), ["a"]);
    assert_eq!(
        identities(&d.contradictions.new)[0].0,
        ContradictionKind::Reversal
    );
    // Over the full histories, `a` is still there.
    let full = old.diff(&new, &DiffOptions::default());
    assert!(full.positions.removed.is_empty());
}

#[test]
fn the_json_has_the_contracts_keys() {
    let old = case(
        "  - {id: offer, actor: kellogg, issue: freeze, stance: support}
  - {id: gone, actor: us, issue: join, stance: oppose}
  - {id: nato-join, actor: nato, issue: join, stance: oppose, firmness: red_line}
",
    );
    let new = case(
        "  - {id: offer, actor: kellogg, issue: freeze, stance: support, firmness: red_line}
  - {id: moscow, actor: russia, issue: freeze, stance: oppose}
  - {id: nato-join, actor: nato, issue: join, stance: support, firmness: red_line}
",
    );
    let json = old.diff(&new, &DiffOptions::default()).to_json();
    assert_eq!(json["positions"]["added"], json!(["moscow"]));
    assert_eq!(json["positions"]["removed"], json!(["gone"]));
    assert_eq!(json["positions"]["changed"], json!(["nato-join", "offer"]));
    assert_eq!(
        json["positions"]["changes"][1],
        json!({"id": "offer", "fields": [{"field": "firmness", "before": "firm", "after": "red_line"}]})
    );
    let c = &json["contradictions"]["new"][0];
    for key in ["kind", "severity", "actors", "positions", "explanation"] {
        assert!(!c[key].is_null(), "{key} missing in {c}");
    }
    assert_eq!(c["kind"], "member_vs_bloc");
    assert_eq!(c["positions"], json!(["nato-join", "offer"]));
    assert_eq!(c["severity"], "critical");
    assert!(json["contradictions"]["resolved"].is_array());
    let formed = &json["ties"]["formed"];
    assert!(
        formed
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["actors"] == json!(["russia", "us"])
                && t["kind"] == "conflict"
                && t["weight_before"] == 0
                && t["weight_after"] == 1)
    );
    assert!(json["ties"]["broken"].is_array() && json["ties"]["changed"].is_array());
    // NATO and the US both opposed `join`; now NATO supports it, and the US is silent.
    assert_eq!(
        json["ties"]["broken"],
        json!([{"actors": ["nato", "us"], "kind": "agreement", "weight_before": 1, "weight_after": 0,
                "issues_before": ["join"], "issues_after": []}])
    );
}

#[test]
fn the_founding_scenario_compared_with_itself_has_no_change() {
    let s = common::founding();
    let copy = common::founding();
    let d = s.diff(&copy, &DiffOptions::default());
    assert!(d.is_empty(), "{d}");
    assert_eq!(
        d.to_string(),
        "Changes from the older version to the newer one: none.\n"
    );
    assert!(
        s.diff_dates(
            day("2025-05-29"),
            day("2025-05-29"),
            &DiffOptions::default()
        )
        .is_empty()
    );
    assert_eq!(d.to_json()["summary"]["empty"], true);
}

#[test]
fn renamed_actors_and_reordered_records_are_not_changes() {
    let old = yaml(
        "
actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
issues: [{id: x, name: X}, {id: y, name: Y}]
positions:
  - {id: p1, actor: a, issue: x, stance: support}
  - {id: p2, actor: b, issue: y, stance: oppose}
",
    );
    let new = yaml(
        "
actors: [{id: b, name: Bee, kind: state}, {id: a, name: Aye, kind: state}]
issues: [{id: y, name: Y}, {id: x, name: Ex}]
positions:
  - {id: p2, actor: b, issue: y, stance: oppose}
  - {id: p1, actor: a, issue: x, stance: support}
",
    );
    assert!(old.diff(&new, &DiffOptions::default()).is_empty());
}

// The oracle: the diff against two full checks and two whole graphs, on
// the contradiction engine's small random scenarios.

#[derive(Clone, Debug)]
enum Edit {
    Drop,
    Flip,
    Firmness(Firmness),
    Date(Option<u32>),
}

/// A plan, its edited copy (edits, up to two added positions, maybe a new
/// membership so that the structure differs) with the copy's positions to
/// build (a dropped one is left out, so no key is reused), shuffled.
fn versions() -> impl Strategy<Value = (Small, (Small, Vec<usize>))> {
    small().prop_flat_map(|p| {
        let n_positions = p.positions.len();
        let edit = prop_oneof![
            Just(Edit::Drop),
            Just(Edit::Flip),
            prop::sample::select(Firmness::ALL.to_vec()).prop_map(Edit::Firmness),
            prop::option::of(0u32..6).prop_map(Edit::Date),
        ];
        let added = (0..n_positions, 0..p.issues, prop::bool::ANY);
        (
            Just(p.clone()),
            prop::collection::vec((0..n_positions, edit), 0..=3),
            prop::collection::vec(added, 0..=2),
            prop::bool::weighted(0.2),
            any::<u64>(),
        )
            .prop_map(move |(old, edits, added, restructure, seed)| {
                let mut new = old.clone();
                let mut order: BTreeSet<usize> = (0..n_positions).collect();
                for (i, edit) in edits {
                    let p = &mut new.positions[i];
                    match edit {
                        Edit::Drop => {
                            order.remove(&i);
                        }
                        Edit::Flip => p.2 = p.2.opposite(),
                        Edit::Firmness(f) => p.3 = f,
                        Edit::Date(d) => p.4 = d,
                    }
                }
                // An added position: an existing one's actor on another issue,
                // on the other side or neutral.
                for (like, issue, oppose) in added {
                    let mut p = new.positions[like];
                    p.1 = issue;
                    p.2 = if oppose {
                        Stance::Oppose
                    } else {
                        Stance::Neutral
                    };
                    order.insert(new.positions.len());
                    new.positions.push(p);
                }
                if restructure && new.actors.len() > 1 {
                    new.actors[1].2.push((0, None, None));
                }
                let mut order: Vec<usize> = order.into_iter().collect();
                common::shuffle(&mut order, seed);
                (old, (new, order))
            })
    })
}

type Identity = (ContradictionKind, Vec<String>);

fn full_check(s: &Scenario, as_of: Option<Date>) -> BTreeSet<Identity> {
    let mut options = CheckOptions::default().with_max_per_group(usize::MAX);
    options.as_of = as_of;
    identities(&s.contradictions(&options).into_vec())
        .into_iter()
        .collect()
}

/// Every tie at the principal level, by sorted actor keys and kind.
fn whole_ties(s: &Scenario, as_of: Option<Date>) -> BTreeMap<(String, String, TieKind), u32> {
    let mut options = GraphOptions::default().with_attribution(Attribution::Principal);
    options.as_of = as_of;
    let g = StanceGraph::with_options(s, options);
    g.ties()
        .map(|t| {
            let (a, b) = (s.actor(t.a).key().to_owned(), s.actor(t.b).key().to_owned());
            ((a.clone().min(b.clone()), a.max(b), t.kind), t.weight)
        })
        .collect()
}

fn expected_ties(
    before: &BTreeMap<(String, String, TieKind), u32>,
    after: &BTreeMap<(String, String, TieKind), u32>,
) -> BTreeMap<(String, String, TieKind), (u32, u32)> {
    before
        .keys()
        .chain(after.keys())
        .filter_map(|k| {
            let (x, y) = (
                before.get(k).copied().unwrap_or(0),
                after.get(k).copied().unwrap_or(0),
            );
            (x != y).then(|| (k.clone(), (x, y)))
        })
        .collect()
}

fn reported_ties(d: &ScenarioDiff<'_>) -> BTreeMap<(String, String, TieKind), (u32, u32)> {
    let t = &d.ties;
    for list in [&t.formed, &t.broken, &t.changed] {
        // Sorted by actors' keys, then kind, and each key pair sorted.
        assert!(
            list.windows(2)
                .all(|w| (w[0].actors, w[0].kind) < (w[1].actors, w[1].kind))
        );
        assert!(list.iter().all(|x| x.actors[0] < x.actors[1]));
    }
    let all: Vec<_> = t.formed.iter().chain(&t.broken).chain(&t.changed).collect();
    for x in &t.formed {
        assert_eq!(x.weight_before, 0);
        assert_eq!(x.weight_after as usize, x.issues_after.len());
    }
    for x in &t.broken {
        assert_eq!(x.weight_after, 0);
        assert_eq!(x.weight_before as usize, x.issues_before.len());
    }
    all.iter()
        .map(|x| {
            (
                (x.actors[0].to_owned(), x.actors[1].to_owned(), x.kind),
                (x.weight_before, x.weight_after),
            )
        })
        .collect()
}

fn set_difference(a: &BTreeSet<Identity>, b: &BTreeSet<Identity>) -> BTreeSet<Identity> {
    a.difference(b).cloned().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn versions_match_two_full_checks_and_two_whole_graphs(
        (old_plan, (new_plan, order)) in versions(),
        as_of in prop::option::of(0u32..7),
    ) {
        let old = build(&old_plan, &(0..old_plan.positions.len()).collect::<Vec<_>>(), "");
        let new = build(&new_plan, &order, "");
        let as_of = as_of.map(|y| Date::new(2000 + y as i32, 6, 1).unwrap());
        let mut options = DiffOptions::default();
        options.as_of = as_of;
        let d = old.diff(&new, &options);
        let (before, after) = (full_check(&old, as_of), full_check(&new, as_of));
        let new_found: BTreeSet<Identity> = identities(&d.contradictions.new).into_iter().collect();
        let resolved: BTreeSet<Identity> = identities(&d.contradictions.resolved).into_iter().collect();
        prop_assert_eq!(&new_found, &set_difference(&after, &before));
        prop_assert_eq!(&resolved, &set_difference(&before, &after));
        prop_assert_eq!(
            reported_ties(&d),
            expected_ties(&whole_ties(&old, as_of), &whole_ties(&new, as_of))
        );
        // Positions by key (full histories, or holding on the day).
        let holds = |s: &Scenario| -> BTreeMap<String, bool> {
            let h = s.holdings();
            s.positions()
                .map(|(id, p)| (p.key().to_owned(), as_of.is_none_or(|day| h[id.index()].holds_on(day))))
                .collect()
        };
        let (o, n) = (holds(&old), holds(&new));
        let added: Vec<String> = n.iter().filter(|&(k, &h)| h && !o.get(k).copied().unwrap_or(false)).map(|(k, _)| k.clone()).collect();
        let removed: Vec<String> = o.iter().filter(|&(k, &h)| h && !n.get(k).copied().unwrap_or(false)).map(|(k, _)| k.clone()).collect();
        prop_assert_eq!(keys(&new, &d.positions.added), added);
        prop_assert_eq!(keys(&old, &d.positions.removed), removed);
        for c in &d.positions.changed {
            prop_assert_eq!(old.position(c.before).key(), new.position(c.after).key());
            prop_assert!(!c.fields.is_empty());
        }
        // A scenario compared with itself (or a copy) has no change.
        prop_assert!(old.diff(&old, &options).is_empty());
        prop_assert!(new.diff(&build(&new_plan, &order, ""), &options).is_empty());
    }

    #[test]
    fn dates_match_two_full_checks_and_two_whole_graphs(
        plan in small(),
        from in 0u32..7,
        to in 0u32..7,
    ) {
        let s = build(&plan, &(0..plan.positions.len()).collect::<Vec<_>>(), "");
        let (from, to) = (year(from.min(to)), year(from.max(to)));
        let d = s.diff_dates(from, to, &DiffOptions::default());
        let (before, after) = (full_check(&s, Some(from)), full_check(&s, Some(to)));
        let new_found: BTreeSet<Identity> = identities(&d.contradictions.new).into_iter().collect();
        let resolved: BTreeSet<Identity> = identities(&d.contradictions.resolved).into_iter().collect();
        prop_assert_eq!(&new_found, &set_difference(&after, &before));
        prop_assert_eq!(&resolved, &set_difference(&before, &after));
        prop_assert_eq!(
            reported_ties(&d),
            expected_ties(&whole_ties(&s, Some(from)), &whole_ties(&s, Some(to)))
        );
        // A reversal is new exactly when its later position is dated in (from, to].
        for c in d.contradictions.new.iter().filter(|c| c.kind == ContradictionKind::Reversal) {
            let later = c.until.unwrap();
            prop_assert!(from < later && later <= to);
        }
        prop_assert!(s.diff_dates(from, from, &DiffOptions::default()).is_empty());
    }
}
