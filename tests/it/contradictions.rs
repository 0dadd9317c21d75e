//! The contradiction engine: the founding scenario, every kind on hand-built
//! scenarios, and a brute-force oracle on random small scenarios.

use crate::common;
use std::collections::BTreeSet;

use proptest::prelude::*;
use stancegraph::{
    Actor, ActorId, ActorKind, Condition, Date, Firmness, Issue, Membership, Position, Relation,
    RelationKind, Scenario, Stance,
    contradiction::ContradictionKind as Kind,
    contradiction::{CheckOptions, Severity, Step},
};

/// Each contradiction as (kind, sorted position keys).
fn found(s: &Scenario, options: &CheckOptions) -> Vec<(Kind, Vec<String>)> {
    s.contradictions(options)
        .iter()
        .map(|c| {
            let mut keys: Vec<String> = c
                .positions
                .iter()
                .map(|&p| s.position(p).key().to_owned())
                .collect();
            keys.sort();
            (c.kind, keys)
        })
        .collect()
}

fn check(yaml: &str) -> Vec<(Kind, Vec<String>)> {
    let s = Scenario::from_yaml_str(yaml).unwrap();
    found(&s, &CheckOptions::default())
}

fn keys(list: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|s| s.to_string()).collect();
    v.sort();
    v
}

#[test]
fn the_founding_scenario_has_exactly_the_analysts_contradictions() {
    let s = common::founding();
    let all = s.contradictions(&CheckOptions::default());
    let listed: Vec<(Kind, Vec<String>)> = found(&s, &CheckOptions::default());
    assert_eq!(
        listed,
        [
            (
                Kind::MemberVsBloc,
                keys(&["kellogg-freeze", "rutte-ukraine-nato"])
            ),
            (
                Kind::MemberVsBloc,
                keys(&["rutte-ukraine-nato", "trump-freeze"])
            ),
            (
                Kind::Deadlock,
                keys(&["russia-freeze", "rutte-ukraine-nato"])
            ),
            (
                Kind::Deadlock,
                keys(&["russia-ukraine-nato", "rutte-ukraine-nato"])
            ),
        ]
    );
    let headline = all.iter().next().unwrap();
    assert_eq!(headline.severity, Severity::Critical);
    assert!(headline.conditional());
    let (us, nato) = (s.actor_id("us").unwrap(), s.actor_id("nato").unwrap());
    assert_eq!(headline.principals, {
        let mut p = vec![us, nato];
        p.sort();
        p
    });
    assert_eq!(headline.bloc, Some(nato));
    assert_eq!(headline.from.unwrap().to_string(), "2025-05-29");
    let text = headline.to_string();
    for expected in [
        "Critical member–bloc contradiction (United States and NATO; assuming “A full ceasefire in the war in Ukraine”",
        "Keith Kellogg",
        "Mark Rutte",
        "That’s one of the issues that Russia will bring up",
        "We will not compromise on Ukraine’s right to join NATO",
        "United States is a member of NATO since 1949-04-04",
        "“NATO stops expanding eastward (Ukraine, Georgia, Moldova)” excludes “Ukraine becomes a member of NATO”",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    // The reasoning chain: positions, attributions, membership, relation.
    let kellogg = s.actor_id("kellogg").unwrap();
    assert!(headline.reasoning.contains(&Step::SpeaksFor {
        speaker: kellogg,
        principal: us
    }));
    assert!(headline.reasoning.iter().any(|step| matches!(step, Step::Membership { member, bloc, .. } if *member == us && *bloc == nato)));
    assert!(matches!(
        headline.reasoning.last(),
        Some(Step::Excludes { .. })
    ));
    // Opposition between parties who are neither allies nor both at red lines is not here.
    let russia = s.actor_id("russia").unwrap();
    assert!(
        all.iter()
            .all(|c| !(c.principals.contains(&us) && c.principals.contains(&russia)))
    );
}

const ALLIANCE: &str = "
actors:
  - {id: bloc, name: The Bloc, kind: alliance}
  - {id: a, name: State A, kind: state, member_of: [{actor: bloc, since: 2000-01-01, until: 2020-12-31}]}
  - {id: b, name: State B, kind: state, member_of: [bloc]}
  - {id: c, name: State C, kind: state}
  - {id: envoy, name: Envoy, kind: person, speaks_for: deputy}
  - {id: deputy, name: Deputy, kind: person, speaks_for: a}
issues:
  - {id: x, name: X}
  - {id: y, name: Y}
  - {id: z, name: Z}
  - {id: w, name: W}
";

#[test]
fn self_contradiction_through_a_chain_of_spokespeople() {
    let found = check(&format!(
        "{ALLIANCE}relations: [{{kind: excludes, issues: [x, y]}}]
positions:
  - {{id: p1, actor: envoy, issue: x, stance: support, date: 2010-01-01}}
  - {{id: p2, actor: a, issue: y, stance: support, date: 2010-06-01}}
"
    ));
    assert_eq!(found, [(Kind::SelfContradiction, keys(&["p1", "p2"]))]);
}

#[test]
fn transitive_implies_and_equivalent_chains() {
    // x implies y, y is equivalent to z, z excludes w.
    let found = check(&format!(
        "{ALLIANCE}relations:
  - {{kind: implies, issues: [x, y]}}
  - {{kind: equivalent, issues: [y, z]}}
  - {{kind: excludes, issues: [z, w]}}
positions:
  - {{id: px, actor: b, issue: x, stance: support}}
  - {{id: pw, actor: bloc, issue: w, stance: support}}
  - {{id: py, actor: bloc, issue: y, stance: oppose}}
"
    ));
    assert_eq!(
        found,
        [
            (Kind::MemberVsBloc, keys(&["pw", "px"])),
            (Kind::MemberVsBloc, keys(&["px", "py"]))
        ]
    );
    let s = Scenario::from_yaml_str(&format!(
        "{ALLIANCE}relations:
  - {{kind: implies, issues: [x, y]}}
  - {{kind: equivalent, issues: [y, z]}}
  - {{kind: excludes, issues: [z, w]}}
positions:
  - {{id: px, actor: b, issue: x, stance: support}}
  - {{id: pw, actor: bloc, issue: w, stance: support}}
"
    ))
    .unwrap();
    let all = s.contradictions(&CheckOptions::default());
    let c = all.iter().next().unwrap();
    let implied: Vec<Step> = c
        .reasoning
        .iter()
        .copied()
        .filter(|s| matches!(s, Step::Implies { .. }))
        .collect();
    assert_eq!(implied.len(), 2, "x ⇒ y ⇔ z: {:?}", c.reasoning);
    assert_eq!(c.issues.len(), 4);
    assert!(c.to_string().contains("“Y” is equivalent to “Z”"), "{c}");
}

#[test]
fn a_trilemma_needs_all_three() {
    let found = check(&format!(
        "{ALLIANCE}relations: [{{kind: incompatible, issues: [x, y, z]}}]
positions:
  - {{id: px, actor: a, issue: x, stance: support, date: 2010-01-01}}
  - {{id: py, actor: b, issue: y, stance: support}}
  - {{id: pz, actor: b, issue: z, stance: support}}
"
    ));
    // Each pair can hold; all three cannot.
    assert_eq!(found, [(Kind::BetweenAllies, keys(&["px", "py", "pz"]))]);
}

#[test]
fn membership_that_ends_or_has_not_begun_makes_no_allies() {
    let yaml = |date: &str, until: &str| {
        format!(
            "{ALLIANCE}relations: [{{kind: excludes, issues: [x, y]}}]
positions:
  - {{id: pa, actor: a, issue: x, stance: support, firmness: negotiable, date: {date}, until: {until}}}
  - {{id: pb, actor: b, issue: y, stance: support, date: {date}}}
"
        )
    };
    assert_eq!(
        check(&yaml("2010-01-01", "2010-12-31")),
        [(Kind::BetweenAllies, keys(&["pa", "pb"]))]
    );
    // A left the bloc at the end of 2020: from then on it is mere conflict.
    assert_eq!(check(&yaml("2021-06-01", "2021-12-31")), []);
    // Before A joined in 2000 too; but a position that still holds then clashes.
    assert_eq!(check(&yaml("1999-06-01", "1999-12-31")), []);
    let s = Scenario::from_yaml_str(&yaml("1999-06-01", "2000-03-01")).unwrap();
    let c = s
        .contradictions(&CheckOptions::default())
        .into_vec()
        .remove(0);
    assert_eq!(c.kind, Kind::BetweenAllies);
    assert_eq!(
        (c.from.unwrap().to_string(), c.until.unwrap().to_string()),
        ("2000-01-01".into(), "2000-03-01".into())
    );
}

#[test]
fn deadlock_needs_red_lines_on_both_sides() {
    let yaml = |firmness: &str| {
        format!(
            "{ALLIANCE}positions:
  - {{id: pc, actor: c, issue: x, stance: support, firmness: red_line}}
  - {{id: pb, actor: b, issue: x, stance: oppose, firmness: {firmness}}}
"
        )
    };
    assert_eq!(
        check(&yaml("red_line")),
        [(Kind::Deadlock, keys(&["pb", "pc"]))]
    );
    assert_eq!(check(&yaml("firm")), []);
}

#[test]
fn supersession_makes_a_reversal_not_a_contradiction() {
    let s = Scenario::from_yaml_str(&format!(
        "{ALLIANCE}positions:
  - {{id: old, actor: deputy, issue: x, stance: support, firmness: red_line, date: 2010-01-01}}
  - {{id: new, actor: a, issue: x, stance: oppose, date: 2012-01-01}}
  - {{id: ally, actor: b, issue: x, stance: support, date: 2011-01-01}}
"
    ))
    .unwrap();
    let all = found(&s, &CheckOptions::default());
    assert_eq!(
        all,
        [
            (Kind::Reversal, keys(&["new", "old"])),
            (Kind::BetweenAllies, keys(&["ally", "new"])),
        ]
    );
    let reversal = s
        .contradictions(&CheckOptions::default())
        .into_vec()
        .remove(0);
    assert_eq!(
        reversal.severity,
        Severity::Critical,
        "a red line was abandoned"
    );
    assert_eq!(
        (
            reversal.from.unwrap().to_string(),
            reversal.until.unwrap().to_string()
        ),
        ("2010-01-01".into(), "2012-01-01".into())
    );
    // As of 2011 the reversal has not happened and A still agrees with B.
    let in_2011 = found(
        &s,
        &CheckOptions::default().with_as_of("2011-06-01".parse().unwrap()),
    );
    assert_eq!(in_2011, []);
    let in_2013 = found(
        &s,
        &CheckOptions::default().with_as_of("2013-06-01".parse().unwrap()),
    );
    assert_eq!(
        in_2013,
        [
            (Kind::Reversal, keys(&["new", "old"])),
            (Kind::BetweenAllies, keys(&["ally", "new"]))
        ]
    );
}

#[test]
fn a_reversal_through_a_neutral_stance_is_still_a_reversal() {
    let found = check(&format!(
        "{ALLIANCE}positions:
  - {{id: for, actor: c, issue: x, stance: support, date: 2010-01-01}}
  - {{id: unsure, actor: c, issue: x, stance: neutral, date: 2011-01-01}}
  - {{id: against, actor: c, issue: x, stance: oppose, date: 2012-01-01}}
"
    ));
    assert_eq!(found, [(Kind::Reversal, keys(&["against", "for"]))]);
}

#[test]
fn an_impossible_issue_contradicts_itself() {
    let found = check(&format!(
        "{ALLIANCE}relations:
  - {{kind: implies, issues: [x, y]}}
  - {{kind: excludes, issues: [x, y]}}
positions:
  - {{id: px, actor: c, issue: x, stance: support}}
  - {{id: py, actor: b, issue: y, stance: support}}
"
    ));
    assert_eq!(found, [(Kind::SelfContradiction, keys(&["px"]))]);
}

#[test]
fn the_cap_is_reported_not_silent() {
    let mut yaml =
        format!("{ALLIANCE}relations: [{{kind: excludes, issues: [x, y]}}]\npositions:\n");
    yaml.push_str("  - {id: pb, actor: b, issue: y, stance: support}\n");
    for i in 0..5 {
        yaml.push_str(&format!(
            "  - {{id: pa{i}, actor: a, issue: x, stance: support, firmness: {}, date: 2010-01-0{}}}\n",
            // The last one is a red line: it must survive the cap.
            if i == 4 { "red_line" } else { "negotiable" },
            i + 1
        ));
    }
    let s = Scenario::from_yaml_str(&yaml).unwrap();
    // Supersession leaves one position of A holding at a time: five pairs, one per period.
    let all = s.contradictions(&CheckOptions::default().with_max_per_group(2));
    assert_eq!(all.len(), 2);
    let cut = &all.truncated()[0];
    assert_eq!(
        (cut.kind, cut.found, cut.reported),
        (Kind::BetweenAllies, 5, 2)
    );
    assert_eq!(cut.relation, Some(stancegraph::RelationId::from_index(0)));
    // The most severe are kept: the red line first, then by position id.
    let kept: Vec<(Severity, Vec<String>)> = all
        .iter()
        .map(|c| {
            (
                c.severity,
                c.positions
                    .iter()
                    .map(|&p| s.position(p).key().to_owned())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        kept,
        [
            (Severity::Critical, vec!["pb".to_owned(), "pa4".to_owned()]),
            (Severity::Medium, vec!["pb".to_owned(), "pa0".to_owned()]),
        ]
    );
    assert!(
        s.contradictions(&CheckOptions::default())
            .truncated()
            .is_empty()
    );
}

// ---- brute-force oracle --------------------------------------------------------------

/// Kind, whom it speaks for, memberships (bloc, since, until).
type SmallActor = (
    ActorKind,
    Option<usize>,
    Vec<(usize, Option<u32>, Option<u32>)>,
);
/// Actor, issue, stance, firmness, date, years until `until`, conditional.
pub(crate) type SmallPosition = (
    usize,
    usize,
    Stance,
    Firmness,
    Option<u32>,
    Option<u32>,
    bool,
);

/// A small random scenario (also edited into a second version by the
/// diff's oracle, `tests/it/diff.rs`).
#[derive(Debug, Clone)]
pub(crate) struct Small {
    pub(crate) actors: Vec<SmallActor>,
    pub(crate) issues: usize,
    pub(crate) relations: Vec<(RelationKind, Vec<usize>)>,
    pub(crate) positions: Vec<SmallPosition>,
}

pub(crate) fn year(y: u32) -> Date {
    Date::new(2000 + y as i32, 1, 1).unwrap()
}

pub(crate) fn small() -> impl Strategy<Value = Small> {
    (2usize..=5, 2usize..=8).prop_flat_map(|(n_actors, n_issues)| {
        let actor = |i: usize| {
            (
                prop::sample::select(vec![
                    ActorKind::State,
                    ActorKind::Alliance,
                    ActorKind::Person,
                ]),
                prop::option::weighted(0.3, 0..i.max(1)),
                prop::collection::vec(
                    (
                        0..i.max(1),
                        prop::option::of(0u32..6),
                        prop::option::of(0u32..6),
                    ),
                    0..=(i.min(2)),
                ),
            )
        };
        let actors: Vec<_> = (0..n_actors).map(actor).collect();
        let relation = (
            prop::sample::select(RelationKind::ALL.to_vec()),
            prop::sample::subsequence((0..n_issues).collect::<Vec<_>>(), 2..=n_issues.min(4)),
        );
        let position = (
            0..n_actors,
            0..n_issues,
            prop::sample::select(Stance::ALL.to_vec()),
            prop::sample::select(Firmness::ALL.to_vec()),
            prop::option::of(0u32..6),
            prop::option::weighted(0.2, 0u32..4),
            prop::bool::weighted(0.2),
        );
        (
            actors,
            Just(n_issues),
            prop::collection::vec(relation, 0..=5),
            prop::collection::vec(position, 1..=7),
        )
            .prop_map(|(actors, issues, relations, positions)| Small {
                actors,
                issues,
                relations,
                positions,
            })
    })
}

/// The scenario of `plan` with its positions `order` (indices, in that
/// order; others are left out), keyed `{prefix}p{index}`.
pub(crate) fn build(plan: &Small, order: &[usize], prefix: &str) -> Scenario {
    let mut s = Scenario::new();
    let ids: Vec<ActorId> = plan
        .actors
        .iter()
        .enumerate()
        .map(|(i, (kind, _, _))| {
            s.add_actor(Actor::new(format!("{prefix}a{i}"), format!("A{i}"), *kind))
                .unwrap()
        })
        .collect();
    for (i, (_, speaks_for, memberships)) in plan.actors.iter().enumerate() {
        if let Some(to) = speaks_for.filter(|&to| to < i) {
            s.set_speaks_for(ids[i], ids[to]).unwrap();
        }
        for &(bloc, since, until) in memberships {
            if bloc >= i {
                continue;
            }
            let mut m = Membership::new(ids[bloc]);
            if let Some(y) = since {
                m = m.with_since(year(y));
            }
            if let Some(y) = until.filter(|&u| since.is_none_or(|s| s <= u)) {
                m = m.with_until(year(y));
            }
            s.add_membership(ids[i], m).unwrap();
        }
    }
    let issues: Vec<_> = (0..plan.issues)
        .map(|j| {
            s.add_issue(Issue::new(format!("{prefix}i{j}"), format!("I{j}")))
                .unwrap()
        })
        .collect();
    for (kind, members) in &plan.relations {
        let members: Vec<_> = if *kind == RelationKind::Incompatible {
            members.clone()
        } else {
            members[..2].to_vec()
        };
        s.add_relation(Relation::new(*kind, members.iter().map(|&j| issues[j])))
            .unwrap();
    }
    for &k in order {
        let (actor, issue, stance, firmness, date, span, conditional) = plan.positions[k];
        let mut p = Position::new(ids[actor], issues[issue], stance)
            .with_firmness(firmness)
            .with_key(format!("{prefix}p{k}"));
        if let Some(y) = date {
            p = p.with_date(year(y));
            if let Some(extra) = span {
                p = p.with_until(year(y + extra));
            }
        }
        if conditional {
            p = p.with_condition(Condition::Issue(issues[0]));
        }
        s.add_position(p).unwrap();
    }
    s
}

/// Whether the literals can all hold under the relations, by trying every assignment.
fn satisfiable(s: &Scenario, literals: &[(usize, bool)]) -> bool {
    let n = s.issues().len();
    (0u32..1 << n).any(|bits| {
        let holds = |i: stancegraph::IssueId| bits & (1 << i.index()) != 0;
        literals.iter().all(|&(i, v)| (bits & (1 << i) != 0) == v)
            && s.relations().all(|(_, r)| {
                let is = r.issues();
                match r.kind() {
                    RelationKind::Implies => !holds(is[0]) || holds(is[1]),
                    RelationKind::Excludes => !(holds(is[0]) && holds(is[1])),
                    RelationKind::Equivalent => holds(is[0]) == holds(is[1]),
                    _ => !is.iter().all(|&i| holds(i)),
                }
            })
    })
}

/// The oracle's kind for a minimal unsatisfiable set, by the documented rule.
fn oracle_kind(
    s: &Scenario,
    set: &[usize],
    from: Option<Date>,
    until: Option<Date>,
) -> Option<Kind> {
    let positions: Vec<_> = s.positions().map(|(_, p)| p).collect();
    let mut principals: Vec<ActorId> = set
        .iter()
        .map(|&i| s.principal(positions[i].actor()))
        .collect();
    principals.sort();
    principals.dedup();
    if principals.len() == 1 {
        return Some(Kind::SelfContradiction);
    }
    // Candidate days: every bound in sight.
    // The days on which all are members form intervals whose bounds are
    // membership or span bounds, so checking those days is enough; with no
    // bound at all, any day will do.
    let mut bounds: Vec<Date> = [from, until].into_iter().flatten().collect();
    for (_, a) in s.actors() {
        for m in a.memberships() {
            bounds.extend([m.since(), m.until()].into_iter().flatten());
        }
    }
    let in_span = |d: &Date| from.is_none_or(|f| f <= *d) && until.is_none_or(|u| *d <= u);
    let mut days: Vec<Option<Date>> = bounds.into_iter().filter(in_span).map(Some).collect();
    if days.is_empty() {
        days.push(None);
    }
    let member_on = |a: ActorId, bloc: ActorId, day: Option<Date>| {
        s.actor(a).memberships().iter().any(|m| {
            m.bloc() == bloc
                && match day {
                    Some(d) => m.holds_on(d),
                    // No bounded day in the span: a membership must overlap it.
                    None => {
                        m.since().is_none_or(|x| until.is_none_or(|u| x <= u))
                            && m.until().is_none_or(|x| from.is_none_or(|f| f <= x))
                    }
                }
        })
    };
    let all_members = |members: &[ActorId], bloc: ActorId| {
        days.iter()
            .any(|&d| members.iter().all(|&a| member_on(a, bloc, d)))
    };
    for &bloc in &principals {
        let members: Vec<ActorId> = principals.iter().copied().filter(|&a| a != bloc).collect();
        if all_members(&members, bloc) {
            return Some(Kind::MemberVsBloc);
        }
    }
    for m in s.actor(principals[0]).memberships() {
        if all_members(&principals, m.bloc()) {
            return Some(Kind::BetweenAllies);
        }
    }
    if set
        .iter()
        .all(|&i| positions[i].firmness() == Firmness::RedLine)
    {
        return Some(Kind::Deadlock);
    }
    None
}

/// Every reportable minimal contradictory set (and reversal), by brute force.
fn oracle(s: &Scenario, as_of: Option<Date>) -> BTreeSet<(Kind, Vec<String>)> {
    let positions: Vec<_> = s.positions().map(|(_, p)| p).collect();
    let holdings = s.holdings();
    let literal = |i: usize| match positions[i].stance() {
        Stance::Support => Some((positions[i].issue().index(), true)),
        Stance::Oppose => Some((positions[i].issue().index(), false)),
        Stance::Neutral => None,
    };
    let holds = |i: usize| as_of.is_none_or(|day| holdings[i].holds_on(day));
    let asserting: Vec<usize> = (0..positions.len())
        .filter(|&i| literal(i).is_some() && holds(i))
        .collect();
    let unsat = |set: &[usize]| {
        !satisfiable(
            s,
            &set.iter().filter_map(|&i| literal(i)).collect::<Vec<_>>(),
        )
    };
    let mut out = BTreeSet::new();
    for mask in 1u32..1 << asserting.len() {
        let set: Vec<usize> = (0..asserting.len())
            .filter(|b| mask & (1 << b) != 0)
            .map(|b| asserting[b])
            .collect();
        let mut from = set.iter().filter_map(|&i| holdings[i].from).max();
        let mut until = set.iter().filter_map(|&i| holdings[i].to).min();
        if matches!((from, until), (Some(a), Some(b)) if a > b) || !unsat(&set) {
            continue;
        }
        if as_of.is_some() {
            (from, until) = (as_of, as_of);
        }
        let minimal = (0..set.len()).all(|skip| {
            let rest: Vec<usize> = set
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != skip)
                .map(|(_, &i)| i)
                .collect();
            !unsat(&rest)
        });
        if !minimal {
            continue;
        }
        if let Some(kind) = oracle_kind(s, &set, from, until) {
            let mut keys: Vec<String> =
                set.iter().map(|&i| positions[i].key().to_owned()).collect();
            keys.sort();
            out.insert((kind, keys));
        }
    }
    // Reversals: a principal's next dated non-neutral stance on the issue is the opposite one.
    for p in &positions {
        let (Some(d), true) = (p.date(), p.stance() != Stance::Neutral) else {
            continue;
        };
        let principal = s.principal(p.actor());
        let same = |q: &&&Position| {
            q.issue() == p.issue()
                && s.principal(q.actor()) == principal
                && q.stance() != Stance::Neutral
        };
        let Some(next_day) = positions
            .iter()
            .filter(same)
            .filter_map(|q| q.date())
            .filter(|&e| e > d)
            .min()
        else {
            continue;
        };
        if as_of.is_some_and(|day| next_day > day) {
            continue;
        }
        for q in positions
            .iter()
            .filter(same)
            .filter(|q| q.date() == Some(next_day) && q.stance() == p.stance().opposite())
        {
            let mut keys = vec![p.key().to_owned(), q.key().to_owned()];
            keys.sort();
            out.insert((Kind::Reversal, keys));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_engine_finds_exactly_what_brute_force_finds(plan in small(), as_of in prop::option::of(0u32..7)) {
        let order: Vec<usize> = (0..plan.positions.len()).collect();
        let s = build(&plan, &order, "");
        let as_of = as_of.map(|y| Date::new(2000 + y as i32, 6, 1).unwrap());
        let mut options = CheckOptions::default().with_max_per_group(usize::MAX);
        options.as_of = as_of;
        let engine: BTreeSet<(Kind, Vec<String>)> = found(&s, &options).into_iter().collect();
        let expected = oracle(&s, as_of);
        prop_assert_eq!(&engine, &expected, "as of {:?}\n{}", as_of, s.to_string_as(stancegraph::io::Format::Yaml).unwrap());
        let holdings = s.holdings();
        for c in &s.contradictions(&options) {
            prop_assert_eq!(c.conditional(), c.positions.iter().any(|&p| s.position(p).condition().is_some()));
            if c.kind == Kind::Reversal {
                continue;
            }
            // Severity follows the documented rule.
            let sev = Severity::of(c.positions.iter().map(|&p| s.position(p).firmness()));
            prop_assert_eq!(c.severity, sev);
            // The reported span lies within every position's holding.
            for &p in &c.positions {
                let h = holdings[p.index()];
                if let Some(f) = c.from {
                    prop_assert!(h.holds_on(f), "{} not held on {}", s.position(p).key(), f);
                }
                if let Some(u) = c.until {
                    prop_assert!(h.holds_on(u), "{} not held on {}", s.position(p).key(), u);
                }
            }
        }
    }

    #[test]
    fn results_do_not_depend_on_input_order_or_names(plan in small(), seed in any::<u64>()) {
        let mut order: Vec<usize> = (0..plan.positions.len()).collect();
        let original = build(&plan, &order, "");
        common::shuffle(&mut order, seed);
        let shuffled = build(&plan, &order, "renamed-");
        let options = CheckOptions::default().with_max_per_group(usize::MAX);
        let a: BTreeSet<_> = found(&original, &options).into_iter().collect();
        let b: BTreeSet<_> = found(&shuffled, &options)
            .into_iter()
            .map(|(k, keys)| (k, { let mut v: Vec<String> = keys.iter().map(|k| k.trim_start_matches("renamed-").to_owned()).collect(); v.sort(); v }))
            .collect();
        prop_assert_eq!(a, b);
        // The same input gives the same output, in the same order.
        prop_assert_eq!(found(&original, &options), found(&build(&plan, &(0..plan.positions.len()).collect::<Vec<_>>(), ""), &options));
    }
}

#[test]
fn what_if_the_us_made_the_freeze_a_red_line() {
    let s = common::founding();
    let us = s.actor_id("us").unwrap();
    let freeze = s.issue_id("freeze-expansion").unwrap();
    let offer = Position::new(us, freeze, Stance::Support)
        .with_key("us-freeze-red-line")
        .with_firmness(Firmness::RedLine)
        .with_date("2025-06-02".parse().unwrap());
    let hypothetical = s.with_hypothetical([offer]).unwrap();
    // On 10 June the formal offer has superseded the envoys' remarks.
    let options = CheckOptions::default().with_as_of("2025-06-10".parse().unwrap());
    let diff = hypothetical.what_if(&s, &options);
    let describe = |list: &[stancegraph::Contradiction<'_>]| {
        list.iter()
            .map(|c| {
                let mut keys: Vec<String> = c
                    .positions
                    .iter()
                    .map(|&p| hypothetical.position(p).key().to_owned())
                    .collect();
                keys.sort();
                (c.kind, c.severity, keys)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        describe(&diff.created),
        [(
            Kind::MemberVsBloc,
            Severity::Critical,
            keys(&["rutte-ukraine-nato", "us-freeze-red-line"])
        )]
    );
    assert_eq!(
        describe(&diff.resolved),
        [
            (
                Kind::MemberVsBloc,
                Severity::Critical,
                keys(&["kellogg-freeze", "rutte-ukraine-nato"])
            ),
            (
                Kind::MemberVsBloc,
                Severity::Critical,
                keys(&["rutte-ukraine-nato", "trump-freeze"])
            ),
        ]
    );
    assert!(
        !diff.created[0].conditional(),
        "the formal offer has no condition"
    );
}
