//! Graph queries on the founding scenario (examples/data/istanbul-talks.yaml).

use crate::common;
use stancegraph::{
    Firmness, Scenario, Stance, StanceGraph,
    stance::{Attribution, Edge, GraphOptions, Node, Overview, TieKind},
};

fn id(s: &Scenario, key: &str) -> stancegraph::ActorId {
    s.actor_id(key).unwrap_or_else(|| panic!("no actor {key}"))
}

#[test]
fn the_founding_scenario_encodes_the_report() {
    let s = common::founding();
    let keys: Vec<&str> = s.actors().map(|(_, a)| a.key()).collect();
    for key in [
        "us", "russia", "ukraine", "nato", "czechia", "uk", "france", "germany", "georgia",
        "moldova", "trump", "putin", "kellogg", "rutte", "pavel", "yermak", "umerov",
    ] {
        assert!(keys.contains(&key), "missing actor {key}");
    }
    assert_eq!(s.principal(id(&s, "kellogg")), id(&s, "us"));
    assert_eq!(s.principal(id(&s, "rutte")), id(&s, "nato"));
    assert_eq!(
        s.actor(id(&s, "kellogg")).role(),
        Some("Special Envoy for Ukraine and Russia")
    );
    let members: Vec<&str> = s
        .members(id(&s, "nato"))
        .map(|a| s.actor(a).key())
        .collect();
    assert_eq!(members, ["us", "uk", "france", "germany", "czechia"]);
    let on_1990: Vec<&str> = s
        .members_on(id(&s, "nato"), "1990-01-01".parse().unwrap())
        .map(|a| s.actor(a).key())
        .collect();
    assert_eq!(on_1990, ["us", "uk", "france", "germany"]);
    let spokespeople: Vec<&str> = s
        .spokespeople(id(&s, "ukraine"))
        .map(|a| s.actor(a).key())
        .collect();
    assert_eq!(spokespeople, ["yermak", "umerov"]);

    // Every position carries its quote, date and source.
    for (_, p) in s.positions() {
        assert!(p.quote().is_some_and(|q| !q.is_empty()), "{}", p.key());
        assert!(p.date().is_some(), "{}", p.key());
        assert!(
            p.source().and_then(|src| src.title()).is_some(),
            "{}",
            p.key()
        );
    }
    // The statements the report quotes verbatim.
    let rutte = s.position(s.position_id("rutte-ukraine-nato").unwrap());
    assert_eq!(
        rutte.quote(),
        Some("We will not compromise on Ukraine’s right to join NATO")
    );
    assert_eq!(rutte.firmness(), Firmness::RedLine);
    let kellogg = s.position(s.position_id("kellogg-freeze").unwrap());
    assert_eq!(kellogg.firmness(), Firmness::Negotiable);
    assert_eq!(
        kellogg.condition(),
        Some(&stancegraph::Condition::Issue(
            s.issue_id("full-ceasefire").unwrap()
        ))
    );
    // An assessment is not a stance.
    assert_eq!(
        s.position(s.position_id("pavel-ukraine-nato").unwrap())
            .stance(),
        Stance::Neutral
    );
    // Silence is not a stance.
    assert_eq!(
        s.positions()
            .filter(|(_, p)| p.actor() == id(&s, "yermak"))
            .count(),
        0
    );
}

#[test]
fn camps_on_ukraines_membership() {
    let s = common::founding();
    let g = StanceGraph::new(&s);
    let camps = g.camps(s.issue_id("ukraine-joins-nato").unwrap());
    let keys = |stance| {
        camps
            .of(stance)
            .iter()
            .map(|m| s.actor(m.actor).key())
            .collect::<Vec<_>>()
    };
    assert_eq!(keys(Stance::Support), ["rutte"]);
    assert_eq!(keys(Stance::Oppose), ["russia"]);
    assert_eq!(keys(Stance::Neutral), ["pavel"]);
    assert_eq!(camps.support[0].firmness, Firmness::RedLine);

    let freeze = g.camps(s.issue_id("freeze-expansion").unwrap());
    let supporters: Vec<(&str, bool)> = freeze
        .support
        .iter()
        .map(|m| (s.actor(m.actor).key(), m.conditional))
        .collect();
    assert_eq!(
        supporters,
        [("russia", false), ("trump", true), ("kellogg", true)]
    );
}

#[test]
fn ties_between_speakers_carry_their_positions() {
    let s = common::founding();
    let g = StanceGraph::new(&s);
    let tie = g
        .conflict_between(id(&s, "rutte"), id(&s, "russia"))
        .unwrap();
    assert_eq!(tie.weight(), 1);
    assert_eq!(
        tie.issues[0].issue,
        s.issue_id("ukraine-joins-nato").unwrap()
    );
    assert_eq!(
        tie.issues[0].positions_a,
        [s.position_id("rutte-ukraine-nato").unwrap()]
    );
    assert_eq!(
        tie.issues[0].positions_b,
        [s.position_id("russia-ukraine-nato").unwrap()]
    );
    assert_eq!(
        tie.to_string(),
        "Mark Rutte and Russia are in conflict: Mark Rutte supports and Russia opposes \"Ukraine becomes a member of NATO\""
    );
    assert!(
        g.agreement_between(id(&s, "rutte"), id(&s, "russia"))
            .is_none()
    );

    let agree = g
        .agreement_between(id(&s, "kellogg"), id(&s, "russia"))
        .unwrap();
    assert_eq!(agree.issues[0].stance_a, Stance::Support);
    // Neutral positions make no tie.
    assert!(g.ties_of(id(&s, "pavel")).next().is_none());
    assert!(
        g.tie(id(&s, "us"), id(&s, "us"), TieKind::Agreement)
            .is_none()
    );
}

#[test]
fn principal_attribution_folds_speakers_into_states_and_blocs() {
    let s = common::founding();
    let g = StanceGraph::with_options(
        &s,
        GraphOptions::default().with_attribution(Attribution::Principal),
    );
    let (us, russia, nato) = (id(&s, "us"), id(&s, "russia"), id(&s, "nato"));
    let tie = g.agreement_between(us, russia).unwrap();
    let issues: Vec<&str> = tie.issues.iter().map(|x| s.issue(x.issue).key()).collect();
    assert_eq!(issues, ["freeze-expansion", "full-ceasefire"]);
    // Kellogg and Trump both speak for the US: both positions are evidence.
    let freeze = &tie.issues[0];
    let speakers: Vec<&str> = freeze
        .positions_a
        .iter()
        .map(|&p| s.actor(s.position(p).actor()).key())
        .collect();
    assert_eq!(speakers, ["kellogg", "trump"]);
    assert!(g.conflict_between(nato, russia).is_some());
    // Spokespeople have no positions of their own at this level.
    assert_eq!(g.positions_of(id(&s, "kellogg")).len(), 0);
    assert_eq!(g.positions_of(us).len(), 4);
}

#[test]
fn ties_are_ordered_and_match_the_petgraph_edges() {
    let s = common::founding();
    let g = StanceGraph::new(&s);
    let ties: Vec<_> = g.ties().collect();
    let mut sorted = ties.clone();
    sorted.sort();
    assert_eq!(ties, sorted);
    let graph = g.petgraph();
    assert_eq!(graph.node_count(), s.actors().len() + s.issues().len());
    let tie_edges: Vec<(Node, Node, Edge)> = graph
        .edge_indices()
        .filter_map(|e| {
            let (x, y) = graph.edge_endpoints(e)?;
            matches!(graph[e], Edge::Agreement(_) | Edge::Conflict(_))
                .then(|| (graph[x], graph[y], graph[e]))
        })
        .collect();
    assert_eq!(tie_edges.len(), ties.len());
    for (t, (x, y, e)) in ties.iter().zip(&tie_edges) {
        assert_eq!((*x, *y), (Node::Actor(t.a), Node::Actor(t.b)));
        let expected = match t.kind {
            TieKind::Agreement => Edge::Agreement(t.weight),
            TieKind::Conflict => Edge::Conflict(t.weight),
        };
        assert_eq!(*e, expected);
        // Every summary has the evidence to back it.
        let tie = g.tie(t.a, t.b, t.kind).unwrap();
        assert_eq!(tie.weight(), t.weight as usize);
    }
    let stance_edges = graph
        .edge_weights()
        .filter(|e| matches!(e, Edge::Stance(_)))
        .count();
    assert_eq!(stance_edges, s.positions().len());
    let relation_edges = graph
        .edge_weights()
        .filter(|e| matches!(e, Edge::Relation(_)))
        .count();
    assert_eq!(relation_edges, 4);
}

#[test]
fn the_overview_is_deterministic_and_complete() {
    let s = common::founding();
    let text = Overview::new(&StanceGraph::new(&s)).to_string();
    assert_eq!(
        text,
        Overview::new(&StanceGraph::new(&common::founding())).to_string()
    );
    assert!(text.contains("17 actors, 6 issues, 4 relations, 18 positions, dated 2025-05-29"));
    assert!(text.contains(
        "kellogg  Keith Kellogg (person), speaks for us as Special Envoy for Ukraine and Russia"
    ));
    assert!(text.contains("support: russia (red line), trump (negotiable, if full-ceasefire), kellogg (negotiable, if full-ceasefire)"));
    assert!(text.contains("conflict   russia — rutte  (1 issue: ukraine-joins-nato)"));
}

#[test]
fn as_of_keeps_only_the_positions_that_hold_that_day() {
    let s = Scenario::from_yaml_str(
        "
actors:
  - {id: us, name: United States, kind: state}
  - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
  - {id: russia, name: Russia, kind: state}
issues: [{id: freeze, name: NATO stops expanding eastward}]
positions:
  - {actor: us, issue: freeze, stance: oppose, date: 2024-01-10}
  - {actor: kellogg, issue: freeze, stance: support, date: 2025-05-29}
  - {actor: russia, issue: freeze, stance: support, date: 2022-01-01}
",
    )
    .unwrap();
    let (us, russia) = (id(&s, "us"), id(&s, "russia"));
    let at = |day: &str| {
        StanceGraph::with_options(
            &s,
            GraphOptions::default()
                .with_attribution(Attribution::Principal)
                .with_as_of(day.parse().unwrap()),
        )
    };
    let in_2024 = at("2024-06-01");
    assert!(in_2024.conflict_between(us, russia).is_some());
    assert!(in_2024.agreement_between(us, russia).is_none());
    let in_2025 = at("2025-06-01");
    assert!(in_2025.agreement_between(us, russia).is_some());
    assert!(in_2025.conflict_between(us, russia).is_none());
    assert_eq!(in_2025.camps(s.issue_id("freeze").unwrap()).oppose.len(), 0);
    // Without a day, both of the US positions count.
    let always = StanceGraph::with_options(
        &s,
        GraphOptions::default().with_attribution(Attribution::Principal),
    );
    assert!(
        always.agreement_between(us, russia).is_some()
            && always.conflict_between(us, russia).is_some()
    );
    // Before anyone spoke, there is nothing.
    assert_eq!(at("2020-01-01").ties().len(), 0);
}

#[test]
fn every_tie_edge_explains_itself() {
    let s = common::founding();
    let g = StanceGraph::new(&s);
    let graph = g.petgraph();
    let mut explained = 0;
    for edge in graph.edge_indices() {
        match graph[edge] {
            Edge::Agreement(w) | Edge::Conflict(w) => {
                let tie = g.tie_of_edge(edge).unwrap();
                assert_eq!(tie.weight(), w as usize);
                explained += 1;
            }
            _ => assert!(g.tie_of_edge(edge).is_none()),
        }
    }
    assert_eq!(explained, g.ties().len());
}

#[test]
fn every_quote_of_the_founding_scenario_is_the_reports_own_words() {
    let article = include_str!("../data/nato-freeze-article.txt");
    let s = common::founding();
    for (_, p) in s.positions() {
        let quote = p.quote().unwrap();
        for part in quote.split("[…]") {
            assert!(
                article.contains(part.trim()),
                "{}: not in the report: {part:?}",
                p.key()
            );
        }
    }
}
