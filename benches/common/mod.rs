//! Synthetic scenarios for benchmarks, shared by `benches/` and `examples/scale.rs`.
//!
//! The shape follows coded discourse data: actors talk within topics, so an
//! issue is taken up by tens of actors, not by everyone. For P positions:
//! P/100 actors and P/50 issues in P/10,000 topics (at least one); a fifth
//! of the actors are people speaking for an organisation of their topic;
//! states belong to one of five alliances; one relation per ten issues.
//! Stances are 45% support, 45% oppose, 10% neutral; a quarter of the
//! positions carry a source, all a date and a short quote.

#![allow(dead_code)]

use stancegraph::{
    Actor, ActorKind, Condition, Date, Firmness, Issue, Membership, Position, Relation,
    RelationKind, Scenario, Source, Stance,
};

/// Sizes used by the benches.
pub const SMALL: usize = 1_000;
/// Sizes used by the benches.
pub const MEDIUM: usize = 100_000;
/// Sizes used by the benches.
pub const LARGE: usize = 1_000_000;

/// A small deterministic generator (SplitMix64): same seed, same scenario.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A valid scenario with `positions` positions.
pub fn scenario(positions: usize) -> Scenario {
    let mut rng = Rng::new(0x5eed);
    let n_actors = (positions / 100).max(10);
    let n_issues = (positions / 50).max(5);
    let n_topics = (positions / 10_000).max(1);
    let mut s =
        Scenario::new().with_title(format!("synthetic scenario with {positions} positions"));

    let mut alliances = Vec::new();
    for a in 0..5 {
        alliances.push(
            s.add_actor(Actor::new(
                format!("alliance-{a}"),
                format!("Alliance {a}"),
                ActorKind::Alliance,
            ))
            .unwrap(),
        );
    }
    let mut actors = Vec::with_capacity(n_actors);
    for i in 0..n_actors {
        let kind = match i % 5 {
            0 => ActorKind::Person,
            1 | 2 => ActorKind::State,
            _ => ActorKind::Organization,
        };
        let mut actor = Actor::new(format!("actor-{i}"), format!("Actor number {i}"), kind);
        if kind == ActorKind::Person {
            actor = actor.with_role("spokesperson");
        }
        let id = s.add_actor(actor).unwrap();
        if kind == ActorKind::State {
            let since = Date::new(1950 + (i % 60) as i32, 1 + (i % 12) as u32, 1).unwrap();
            s.add_membership(id, Membership::new(alliances[i % 5]).with_since(since))
                .unwrap();
        }
        actors.push(id);
    }
    // People speak for the organisation listed right after them.
    for i in (0..n_actors.saturating_sub(4)).step_by(5) {
        s.set_speaks_for(actors[i], actors[i + 3]).unwrap();
    }
    let mut issues = Vec::with_capacity(n_issues);
    for j in 0..n_issues {
        let issue = Issue::new(
            format!("issue-{j}"),
            format!("Proposition number {j} holds"),
        )
        .with_tag(format!("topic-{}", j % n_topics));
        issues.push(s.add_issue(issue).unwrap());
    }
    // Topic t holds actors and issues whose index is t modulo the topic count.
    let per_topic = |n: usize, t: usize, rng: &mut Rng| {
        let count = n.div_ceil(n_topics);
        let k = rng.below(count);
        (k * n_topics + t).min(n - 1)
    };
    for r in 0..n_issues / 10 {
        let t = r % n_topics;
        let a = per_topic(n_issues, t, &mut rng);
        let b = per_topic(n_issues, t, &mut rng);
        if a != b {
            let kind = if r % 2 == 0 {
                RelationKind::Excludes
            } else {
                RelationKind::Implies
            };
            s.add_relation(Relation::new(kind, [issues[a], issues[b]]))
                .unwrap();
        }
    }
    for p in 0..positions {
        let t = rng.below(n_topics);
        let actor = actors[per_topic(n_actors, t, &mut rng)];
        let issue = issues[per_topic(n_issues, t, &mut rng)];
        let stance = match rng.below(20) {
            0..=8 => Stance::Support,
            9..=17 => Stance::Oppose,
            _ => Stance::Neutral,
        };
        let firmness = match rng.below(10) {
            0 => Firmness::RedLine,
            1..=3 => Firmness::Negotiable,
            _ => Firmness::Firm,
        };
        let date = Date::new(
            2000 + rng.below(26) as i32,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        )
        .unwrap();
        let mut position = Position::new(actor, issue, stance)
            .with_firmness(firmness)
            .with_date(date)
            .with_quote(format!(
                "We stand by our position on proposition {} (statement {p}).",
                issue.index()
            ));
        if p % 4 == 0 {
            position = position.with_source(
                Source::new()
                    .with_title(format!("HtmlReport {}", p / 4))
                    .with_publisher("Synthetic Wire"),
            );
        }
        if p % 50 == 0 {
            position =
                position.with_condition(Condition::Issue(issues[per_topic(n_issues, t, &mut rng)]));
        }
        s.add_position(position).unwrap();
    }
    s
}

/// The scenario as JSON text.
pub fn json(positions: usize) -> String {
    scenario(positions)
        .to_string_as(stancegraph::io::Format::Json)
        .unwrap()
}

/// Sizes for the contradiction benches.
pub const CHECK_SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// A scenario shaped for the contradiction engine: 100,000 actors in 100
/// blocs, 10,000 issues in 1,000 topics of ten, 30,000 relations within
/// topics, and `positions` positions.
///
/// Relations are drawn consistent with a hidden "state of the world" (a
/// truth value per issue), so the relations can all hold. Each bloc has a
/// line: the world with 5% of issues flipped. Members follow their bloc's
/// line 90% of the time, defect 7%, stay neutral 3%; 5% of positions are red
/// lines, 25% negotiable. Actors talk about three topics each. A tenth of the
/// actors are people speaking for a state; a twentieth of the states belong
/// to a second bloc.
pub fn contested(positions: usize) -> Scenario {
    contested_with(positions, |_, position| vec![position])
}

/// Two versions of [`contested`]`(positions)` whose positions are keyed
/// `p0`, `p1`, …: the newer one differs in 1% of the positions, a quarter
/// each flipped to the other side, dropped, turned into red lines, or
/// followed by a reversal dated 2026 (a new position `pN-new`).
pub fn contested_versions(positions: usize) -> (Scenario, Scenario) {
    let keyed = |p: usize, position: Position| position.with_key(format!("p{p}"));
    let older = contested_with(positions, |p, position| vec![keyed(p, position)]);
    let newer = contested_with(positions, |p, position| {
        let position = keyed(p, position);
        if p % 100 != 37 {
            return vec![position];
        }
        let remade = |stance: Stance, firmness: Firmness| {
            let mut q = Position::new(position.actor(), position.issue(), stance)
                .with_firmness(firmness)
                .with_key(position.key());
            if let Some(day) = position.date() {
                q = q.with_date(day);
            }
            q
        };
        match (p / 100) % 4 {
            0 => vec![remade(position.stance().opposite(), position.firmness())],
            1 => Vec::new(),
            2 => vec![remade(position.stance(), Firmness::RedLine)],
            _ => {
                let reversal = Position::new(
                    position.actor(),
                    position.issue(),
                    position.stance().opposite(),
                )
                .with_date(Date::new(2026, 1, 1).unwrap())
                .with_key(format!("p{p}-new"));
                vec![position, reversal]
            }
        }
    });
    (older, newer)
}

/// [`contested`], with each generated position passed through `edit`
/// (given its number) and the positions it returns added instead.
fn contested_with(
    positions: usize,
    mut edit: impl FnMut(usize, Position) -> Vec<Position>,
) -> Scenario {
    const ACTORS: usize = 100_000;
    const BLOCS: usize = 100;
    const ISSUES: usize = 10_000;
    const TOPIC: usize = 10;
    const RELATIONS: usize = 30_000;
    let mut rng = Rng::new(0xc0ffee);
    let mut s =
        Scenario::new().with_title(format!("contested scenario with {positions} positions"));
    let blocs = add_blocs(&mut s, BLOCS);
    let mut actors = Vec::with_capacity(ACTORS);
    let mut home = Vec::with_capacity(ACTORS);
    for i in 0..ACTORS {
        let person = i % 10 == 9;
        let kind = if person {
            ActorKind::Person
        } else {
            ActorKind::State
        };
        let id = s
            .add_actor(Actor::new(format!("actor-{i}"), format!("Actor {i}"), kind))
            .unwrap();
        let bloc = rng.below(BLOCS);
        if person {
            // Speaks for the state just before it, and follows its line.
            s.set_speaks_for(id, actors[i - 1]).unwrap();
            home.push(home[i - 1]);
        } else {
            let since = Date::new(1990 + rng.below(20) as i32, 1, 1).unwrap();
            s.add_membership(id, Membership::new(blocs[bloc]).with_since(since))
                .unwrap();
            if rng.below(20) == 0 {
                s.add_membership(id, Membership::new(blocs[(bloc + 1) % BLOCS]))
                    .unwrap();
            }
            home.push(bloc);
        }
        actors.push(id);
    }
    let issues: Vec<_> = (0..ISSUES)
        .map(|j| {
            s.add_issue(Issue::new(
                format!("issue-{j}"),
                format!("Proposition {j} holds"),
            ))
            .unwrap()
        })
        .collect();
    let world: Vec<bool> = (0..ISSUES).map(|_| rng.below(2) == 0).collect();
    let mut made = 0;
    while made < RELATIONS {
        let topic = rng.below(ISSUES / TOPIC) * TOPIC;
        let a = topic + rng.below(TOPIC);
        let b = topic + rng.below(TOPIC);
        let c = topic + rng.below(TOPIC);
        let (wa, wb, wc) = (world[a], world[b], world[c]);
        let relation = match rng.below(20) {
            0..=7 if !wa || wb => Relation::new(RelationKind::Implies, [issues[a], issues[b]]),
            8..=15 if !(wa && wb) => Relation::new(RelationKind::Excludes, [issues[a], issues[b]]),
            16 if wa == wb => Relation::new(RelationKind::Equivalent, [issues[a], issues[b]]),
            17..=19 if !(wa && wb && wc) => Relation::new(
                RelationKind::Incompatible,
                [issues[a], issues[b], issues[c]],
            ),
            _ => continue,
        };
        if s.add_relation(relation).is_ok() {
            made += 1;
        }
    }
    let lines: Vec<Vec<bool>> = (0..BLOCS)
        .map(|_| {
            world
                .iter()
                .map(|&w| if rng.below(20) == 0 { !w } else { w })
                .collect()
        })
        .collect();
    let topics_of = |actor: usize| {
        let mut r = Rng::new(actor as u64 * 7919 + 17);
        [
            r.below(ISSUES / TOPIC),
            r.below(ISSUES / TOPIC),
            r.below(ISSUES / TOPIC),
        ]
    };
    for p in 0..positions {
        // Blocs speak too, a little more than their members.
        let (actor, line) = if p % 200 == 0 {
            let b = rng.below(BLOCS);
            (blocs[b], &lines[b])
        } else {
            let i = rng.below(ACTORS);
            (actors[i], &lines[home[i]])
        };
        let topic = topics_of(actor.index())[rng.below(3)];
        let issue = topic * TOPIC + rng.below(TOPIC);
        let follows = match rng.below(100) {
            0..=89 => Some(line[issue]),
            90..=96 => Some(!line[issue]),
            _ => None,
        };
        let stance = match follows {
            Some(true) => Stance::Support,
            Some(false) => Stance::Oppose,
            None => Stance::Neutral,
        };
        let firmness = match rng.below(20) {
            0 => Firmness::RedLine,
            1..=5 => Firmness::Negotiable,
            _ => Firmness::Firm,
        };
        let date = Date::new(
            2015 + rng.below(11) as i32,
            1 + rng.below(12) as u32,
            1 + rng.below(28) as u32,
        )
        .unwrap();
        let position = Position::new(actor, issues[issue], stance)
            .with_firmness(firmness)
            .with_date(date);
        for position in edit(p, position) {
            s.add_position(position).unwrap();
        }
    }
    s
}

/// A discourse scenario for network benchmarks: 2,000 actors and 5,000
/// issues in 20 topics (an actor speaks on its topic's issues), with
/// `positions` positions; stances 45% support, 45% oppose, 10% neutral.
/// Actors and issues stay fixed so that the matrix size does too.
pub fn discourse(positions: usize) -> Scenario {
    const ACTORS: usize = 2_000;
    const ISSUES: usize = 5_000;
    const TOPICS: usize = 20;
    let mut rng = Rng::new(0xd15c);
    let mut s = Scenario::new();
    let actors: Vec<_> = (0..ACTORS)
        .map(|i| {
            s.add_actor(Actor::new(
                format!("actor-{i:04}"),
                format!("Actor {i}"),
                ActorKind::Organization,
            ))
            .unwrap()
        })
        .collect();
    let issues: Vec<_> = (0..ISSUES)
        .map(|j| {
            s.add_issue(Issue::new(
                format!("issue-{j:04}"),
                format!("Proposition {j}"),
            ))
            .unwrap()
        })
        .collect();
    for _ in 0..positions {
        let topic = rng.below(TOPICS);
        let actor = topic + TOPICS * rng.below(ACTORS / TOPICS);
        let issue = topic + TOPICS * rng.below(ISSUES / TOPICS);
        let stance = match rng.below(20) {
            0..=8 => Stance::Support,
            9..=17 => Stance::Oppose,
            _ => Stance::Neutral,
        };
        s.add_position(Position::new(actors[actor], issues[issue], stance))
            .unwrap();
    }
    s
}

/// A signed graph of `nodes` nodes and `edges` distinct random ties: every
/// node is planted in one of two camps, and each tie follows the camps
/// (positive inside, negative between) except for a `noise` share whose sign
/// is flipped. Same arguments, same graph.
pub fn signed(
    nodes: usize,
    edges: usize,
    noise: f64,
    seed: u64,
) -> stancegraph::balance::SignedGraph {
    let mut rng = Rng::new(seed);
    let camp: Vec<bool> = (0..nodes).map(|_| rng.next().is_multiple_of(2)).collect();
    let mut seen = std::collections::HashSet::with_capacity(edges);
    let mut triples = Vec::with_capacity(edges);
    let threshold = (noise * u64::MAX as f64) as u64;
    while triples.len() < edges.min(nodes * nodes.saturating_sub(1) / 2) {
        let a = (rng.next() % nodes as u64) as usize;
        let b = (rng.next() % nodes as u64) as usize;
        if a == b || !seen.insert((a.min(b), a.max(b))) {
            continue;
        }
        let follows = camp[a] == camp[b];
        let flipped = rng.next() < threshold;
        let sign = if follows != flipped { 1 } else { -1 };
        triples.push((a, b, sign));
    }
    let names = (0..nodes).map(|i| format!("n{i}")).collect();
    stancegraph::balance::SignedGraph::from_edges(names, &triples)
        .expect("generated edges are valid")
}

/// Adds `n` blocs, `bloc-0`, `bloc-1`, …, and returns their ids.
fn add_blocs(s: &mut Scenario, n: usize) -> Vec<stancegraph::ActorId> {
    (0..n)
        .map(|b| {
            s.add_actor(Actor::new(
                format!("bloc-{b}"),
                format!("Bloc {b}"),
                ActorKind::Alliance,
            ))
            .unwrap()
        })
        .collect()
}

/// Issues per topic in [`negotiation`].
pub const NEGOTIATION_TOPIC: usize = 10;

/// A negotiation for the deal finder (issue 14): `parties` principals, each
/// with up to two spokespeople, `issues` issues in topics of ten, about 6.5
/// relations per topic and about ten positions per issue, all dated 2025.
/// `negotiation(200, 4_000, 0.0)` has 2,600 relations, about 41,600
/// positions and, on the last day, about 35,000 claims, two issues in five
/// contested (a claim on each side).
///
/// - **Parties.** `party-000`, … are states (three in four) and
///   organisations; `max(2, parties / 25)` blocs (`bloc-0`, …: alliances
///   that make no statements) have three parties in five as members (a
///   twentieth of those are in a second bloc too). Each party has 0–2
///   spokespeople (`party-007-voice-1`, who `speaks_for` it); a party with
///   spokespeople makes 40% of its statements through them.
/// - **Issues and relations.** Issue `issue-0042` is in topic 4 (tag
///   `topic-004`). A hidden truth value per issue (the "world") makes every
///   relation hold, so a deal always exists. Relations are 40% `implies`,
///   35% `excludes`, 10% `equivalent` and 15% `incompatible` (three
///   issues). A fraction `cross` of them link an issue of their topic to
///   issues of other, random topics instead (0.0: each topic is a part of
///   its own; 0.2: a part of about 1,000 issues; 1.0: one component of
///   about 2,400 of the 4,000 issues).
/// - **Camps.** In each topic 14 parties (a tenth of the parties when that
///   is more) take part, split into two camps (three in 30% of topics); a
///   bloc's members share a camp 85% of the time. Camp 0's line is the
///   world; each other camp's line flips a fifth of the topic's issues. A
///   party follows its camp's line 90% of the time, takes the other side
///   2% and stays neutral 8%.
/// - **Positions.** 8–12 distinct parties of the topic speak on each issue;
///   firmness is 15% red line, 55% firm, 30% negotiable; dates are random
///   days of 2025. 4% of the statements are superseded in the second half
///   of the year by the same party (withdrawn to neutral 40% of the time,
///   made negotiable 30%, reversed 20%, made a red line 10%), and 3% carry
///   an `until` before the year ends. Positions have ids `p0`, `p1`, … in
///   scenario order.
///
/// Same arguments, same scenario. The number of positions does not grow
/// with `parties`: more parties spread the same claims more thinly.
pub fn negotiation(parties: usize, issues: usize, cross: f64) -> Scenario {
    const TOPIC: usize = NEGOTIATION_TOPIC;
    let mut rng = Rng::new(0xdea1_2025);
    let mut s = Scenario::new().with_title(format!(
        "negotiation: {parties} parties, {issues} issues, {:.0}% of relations across topics",
        cross * 100.0
    ));
    let n_blocs = (parties / 25).max(2);
    let blocs = add_blocs(&mut s, n_blocs);
    let mut voices = Vec::with_capacity(parties);
    let mut home = Vec::with_capacity(parties);
    for i in 0..parties {
        let kind = if i % 4 == 3 {
            ActorKind::Organization
        } else {
            ActorKind::State
        };
        let party = s
            .add_actor(Actor::new(
                format!("party-{i:03}"),
                format!("Party {i}"),
                kind,
            ))
            .unwrap();
        home.push(if rng.below(5) < 3 {
            let b = rng.below(n_blocs);
            let since = Date::new(1990 + rng.below(30) as i32, 1, 1).unwrap();
            s.add_membership(party, Membership::new(blocs[b]).with_since(since))
                .unwrap();
            if rng.below(20) == 0 {
                s.add_membership(party, Membership::new(blocs[(b + 1) % n_blocs]))
                    .unwrap();
            }
            Some(b)
        } else {
            None
        });
        voices.push(vec![party]);
    }
    for (i, speakers) in voices.iter_mut().enumerate() {
        for k in 0..rng.below(3) {
            let role = if k == 0 {
                "head of delegation"
            } else {
                "spokesperson"
            };
            let voice = s
                .add_actor(
                    Actor::new(
                        format!("party-{i:03}-voice-{k}"),
                        format!("Voice {k} of party {i}"),
                        ActorKind::Person,
                    )
                    .with_role(role),
                )
                .unwrap();
            s.set_speaks_for(voice, speakers[0]).unwrap();
            speakers.push(voice);
        }
    }

    let n_topics = issues.div_ceil(TOPIC);
    let ids: Vec<_> = (0..issues)
        .map(|j| {
            s.add_issue(
                Issue::new(format!("issue-{j:04}"), format!("Proposal {j} is adopted"))
                    .with_tag(format!("topic-{:03}", j / TOPIC)),
            )
            .unwrap()
        })
        .collect();
    let world: Vec<bool> = (0..issues).map(|_| rng.below(2) == 0).collect();

    // About 6.5 relations per topic, spread evenly over the topics (none
    // among fewer than three issues, too few to draw every kind from).
    let relations = if issues < 3 {
        0
    } else {
        (issues * 13).div_ceil(20)
    };
    let crossing = (cross.clamp(0.0, 1.0) * u64::MAX as f64) as u64;
    for r in 0..relations {
        let topic = r * n_topics / relations.max(1);
        let own = topic * TOPIC..((topic + 1) * TOPIC).min(issues);
        let across = n_topics > 1 && rng.next() < crossing;
        loop {
            let kind = match rng.below(20) {
                0..=7 => RelationKind::Implies,
                8..=14 => RelationKind::Excludes,
                15..=16 => RelationKind::Equivalent,
                _ => RelationKind::Incompatible,
            };
            let arity = if kind == RelationKind::Incompatible {
                3
            } else {
                2
            };
            let pick_own = |rng: &mut Rng| own.start + rng.below(own.len());
            let pick = |rng: &mut Rng| {
                if across || own.len() < arity {
                    // Any issue of another topic (or anywhere, if the
                    // topic is too small for the relation).
                    loop {
                        let j = rng.below(issues);
                        if !across || !own.contains(&j) {
                            break j;
                        }
                    }
                } else {
                    pick_own(rng)
                }
            };
            let a = pick_own(&mut rng);
            let b = pick(&mut rng);
            let c = pick(&mut rng);
            let (wa, wb, wc) = (world[a], world[b], world[c]);
            let relation = match kind {
                RelationKind::Implies if !wa || wb => Relation::new(kind, [ids[a], ids[b]]),
                RelationKind::Excludes if !(wa && wb) => Relation::new(kind, [ids[a], ids[b]]),
                RelationKind::Equivalent if wa == wb => Relation::new(kind, [ids[a], ids[b]]),
                RelationKind::Incompatible if !(wa && wb && wc) => {
                    Relation::new(kind, [ids[a], ids[b], ids[c]])
                }
                _ => continue,
            };
            // Repeated issues are refused; draw again.
            if s.add_relation(relation).is_ok() {
                break;
            }
        }
    }

    let engaged = (parties / 10).max(14).min(parties);
    let mut order: Vec<usize> = (0..parties).collect();
    let mut made = 0usize;
    let mut add = |s: &mut Scenario, position: Position| {
        s.add_position(position.with_key(format!("p{made}")))
            .unwrap();
        made += 1;
    };
    let firmness = |rng: &mut Rng| match rng.below(20) {
        0..=2 => Firmness::RedLine,
        3..=13 => Firmness::Firm,
        _ => Firmness::Negotiable,
    };
    let day = |rng: &mut Rng, months: std::ops::RangeInclusive<usize>| {
        let month = months.start() + rng.below(months.end() - months.start() + 1);
        Date::new(2025, month as u32, 1 + rng.below(28) as u32).unwrap()
    };
    for topic in 0..n_topics {
        let own = topic * TOPIC..((topic + 1) * TOPIC).min(issues);
        let camps = if rng.below(10) < 7 { 2 } else { 3 };
        let bloc_camp: Vec<usize> = (0..n_blocs).map(|_| rng.below(camps)).collect();
        let lines: Vec<Vec<bool>> = (0..camps)
            .map(|camp| {
                own.clone()
                    .map(|j| world[j] != (camp > 0 && rng.below(5) == 0))
                    .collect()
            })
            .collect();
        // The first `engaged` of a shuffle take part in this topic.
        for k in 0..engaged {
            let pick = k + rng.below(parties - k);
            order.swap(k, pick);
        }
        let members: Vec<(usize, usize)> = order[..engaged]
            .iter()
            .map(|&party| {
                let camp = match home[party] {
                    Some(b) if rng.below(20) < 17 => bloc_camp[b],
                    _ => rng.below(camps),
                };
                (party, camp)
            })
            .collect();
        let mut speakers = members.clone();
        for j in own.clone() {
            let count = (8 + rng.below(5)).min(speakers.len());
            for k in 0..count {
                let pick = k + rng.below(speakers.len() - k);
                speakers.swap(k, pick);
                let (party, camp) = speakers[k];
                let voice = |rng: &mut Rng| {
                    let v = &voices[party];
                    if v.len() > 1 && rng.below(10) < 4 {
                        v[1 + rng.below(v.len() - 1)]
                    } else {
                        v[0]
                    }
                };
                let line = lines[camp][j - own.start];
                let stance = match rng.below(100) {
                    0..=89 if line => Stance::Support,
                    0..=89 => Stance::Oppose,
                    90..=91 if line => Stance::Oppose,
                    90..=91 => Stance::Support,
                    _ => Stance::Neutral,
                };
                let base = Position::new(voice(&mut rng), ids[j], stance)
                    .with_firmness(firmness(&mut rng));
                match rng.below(100) {
                    0..=3 => {
                        // Superseded later in the year by the same party.
                        add(&mut s, base.with_date(day(&mut rng, 1..=6)));
                        let (stance, firm) = match rng.below(10) {
                            0..=1 => (stance.opposite(), firmness(&mut rng)),
                            2..=4 => (stance, Firmness::Negotiable),
                            5 => (stance, Firmness::RedLine),
                            _ => (Stance::Neutral, Firmness::Negotiable),
                        };
                        let later = Position::new(voice(&mut rng), ids[j], stance)
                            .with_firmness(firm)
                            .with_date(day(&mut rng, 7..=12));
                        add(&mut s, later);
                    }
                    4..=6 => {
                        let from = day(&mut rng, 1..=9);
                        let until = day(&mut rng, from.month() as usize + 1..=11);
                        add(&mut s, base.with_date(from).with_until(until));
                    }
                    _ => add(&mut s, base.with_date(day(&mut rng, 1..=12))),
                }
            }
        }
    }
    s
}
