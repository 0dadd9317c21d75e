//! Property tests: random valid scenarios survive every format unchanged and a
//! split into a case folder of many files, and
//! a randomly broken reference is rejected with an error naming its record.

use proptest::prelude::*;
use stancegraph::{
    Actor, ActorKind, Condition, Date, Firmness, Issue, Membership, Position, Relation,
    RelationKind, Scenario, Section, Source, Stance, io::Format,
};

/// Text that stresses quoting: YAML keywords, numbers, punctuation, unicode.
fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,10}",
        "\\PC{1,16}",
        Just("yes".to_owned()),
        Just("null".to_owned()),
        Just("~".to_owned()),
        Just("123".to_owned()),
        Just("1e3".to_owned()),
        Just("- dash".to_owned()),
        Just("a: b".to_owned()),
        Just("#hash".to_owned()),
        Just("'quoted' \"both\"".to_owned()),
        Just("line\nbreak\ttab".to_owned()),
        Just("Україна".to_owned()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    tricky_text().prop_map(|t| {
        let t = t.trim().to_owned();
        if t.is_empty() { "k".to_owned() } else { t }
    })
}

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn kind<T: Copy + std::fmt::Debug + 'static>(all: &'static [T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all)
}

/// Key, name, kind, aliases, role.
type ActorPlan = (String, String, ActorKind, Vec<String>, Option<String>);

#[derive(Debug, Clone)]
struct Plan {
    title: Option<String>,
    actors: Vec<ActorPlan>,
    memberships: Vec<(usize, usize, Option<Date>, Option<Date>)>,
    speaks_for: Vec<(usize, usize, ())>,
    issues: Vec<(String, String, Option<String>, Vec<String>)>,
    relations: Vec<(RelationKind, Vec<usize>, Option<String>)>,
    positions: Vec<PositionPlan>,
}

#[derive(Debug, Clone)]
struct PositionPlan {
    key: Option<String>,
    actor: usize,
    issue: usize,
    stance: Stance,
    firmness: Firmness,
    condition: Option<Result<usize, String>>,
    date: Option<Date>,
    days: Option<u32>,
    source: Option<(Option<String>, Option<String>, Option<String>)>,
    quote: Option<String>,
    note: Option<String>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (1usize..7, 1usize..6).prop_flat_map(|(n_actors, n_issues)| {
        let actor = (
            key(),
            tricky_text(),
            kind(ActorKind::ALL),
            // Aliases are names like keys (no surrounding white space).
            prop::collection::vec(key(), 0..2),
            prop::option::of(tricky_text()),
        );
        let issue = (
            key(),
            tricky_text(),
            prop::option::of(tricky_text()),
            prop::collection::vec(tricky_text(), 0..3),
        );
        let position = (
            (
                prop::option::of(key()),
                0..n_actors,
                0..n_issues,
                kind(Stance::ALL),
                kind(Firmness::ALL),
            ),
            prop::option::of(prop_oneof![
                (0..n_issues).prop_map(Ok),
                tricky_text().prop_map(Err)
            ]),
            (prop::option::of(date()), prop::option::of(0u32..400)),
            prop::option::of((
                prop::option::of(tricky_text()),
                prop::option::of(tricky_text()),
                prop::option::of(tricky_text()),
            )),
            (
                prop::option::of(tricky_text()),
                prop::option::of(tricky_text()),
            ),
        )
            .prop_map(
                |(
                    (key, actor, issue, stance, firmness),
                    condition,
                    (date, days),
                    source,
                    (quote, note),
                )| {
                    PositionPlan {
                        key,
                        actor,
                        issue,
                        stance,
                        firmness,
                        condition,
                        date,
                        days,
                        source,
                        quote,
                        note,
                    }
                },
            );
        (
            prop::option::of(tricky_text()),
            prop::collection::vec(actor, n_actors),
            prop::collection::vec(
                (
                    0..n_actors,
                    0..n_actors,
                    prop::option::of(date()),
                    prop::option::of(date()),
                ),
                0..5,
            ),
            prop::collection::vec((0..n_actors, 0..n_actors, Just(())), 0..4),
            prop::collection::vec(issue, n_issues),
            prop::collection::vec(
                (
                    kind(RelationKind::ALL),
                    prop::collection::vec(0..n_issues, 2..5),
                    prop::option::of(tricky_text()),
                ),
                0..4,
            ),
            prop::collection::vec(position, 0..12),
        )
            .prop_map(
                |(title, actors, memberships, speaks_for, issues, relations, positions)| Plan {
                    title,
                    actors,
                    memberships,
                    speaks_for,
                    issues,
                    relations,
                    positions,
                },
            )
    })
}

/// Builds a valid scenario from the plan, skipping whatever the plan got
/// wrong (duplicate keys, cycles, bad arities): validity is the point.
fn build(plan: &Plan) -> Scenario {
    let mut s = Scenario::new();
    if let Some(t) = &plan.title {
        s = s.with_title(t.clone());
    }
    let mut actors = Vec::new();
    for (i, (k, name, kind, aliases, role)) in plan.actors.iter().enumerate() {
        let mut a = Actor::new(k.clone(), name.clone(), *kind);
        if let Some(role) = role {
            a = a.with_role(role.clone());
        }
        for alias in aliases {
            a = a.with_alias(alias.clone());
        }
        let id = s
            .add_actor(a)
            .or_else(|_| s.add_actor(Actor::new(format!("{k}_{i}"), name.clone(), *kind)))
            .unwrap();
        actors.push(id);
    }
    for &(a, b, since, until) in &plan.memberships {
        let mut m = Membership::new(actors[b]);
        if let Some(d) = since {
            m = m.with_since(d);
        }
        if let Some(d) = until {
            m = m.with_until(d);
        }
        let _ = s.add_membership(actors[a], m);
    }
    for (a, b, _) in &plan.speaks_for {
        let _ = s.set_speaks_for(actors[*a], actors[*b]);
    }
    let mut issues = Vec::new();
    for (i, (k, name, description, tags)) in plan.issues.iter().enumerate() {
        let mut x = Issue::new(k.clone(), name.clone());
        if let Some(d) = description {
            x = x.with_description(d.clone());
        }
        for t in tags {
            x = x.with_tag(t.clone());
        }
        let id = s
            .add_issue(x.clone())
            .or_else(|_| s.add_issue(Issue::new(format!("{k}_{i}"), name.clone())))
            .unwrap();
        issues.push(id);
    }
    for (kind, members, note) in &plan.relations {
        let mut r = Relation::new(*kind, members.iter().map(|&i| issues[i]));
        if let Some(n) = note {
            r = r.with_note(n.clone());
        }
        let _ = s.add_relation(r);
    }
    for p in &plan.positions {
        let mut position =
            Position::new(actors[p.actor], issues[p.issue], p.stance).with_firmness(p.firmness);
        if let Some(k) = &p.key {
            position = position.with_key(k.clone());
        }
        match &p.condition {
            Some(Ok(i)) => position = position.with_condition(Condition::Issue(issues[*i])),
            Some(Err(text)) => position = position.with_condition(Condition::Text(text.clone())),
            None => {}
        }
        if let Some(d) = p.date {
            position = position.with_date(d);
            if let Some(days) = p.days {
                let until = d
                    .to_jiff()
                    .checked_add(jiff::Span::new().days(days as i64))
                    .ok();
                if let Some(until) = until.and_then(|u| Date::try_from(u).ok()) {
                    position = position.with_until(until);
                }
            }
        }
        if let Some((title, publisher, url)) = &p.source {
            let mut src = Source::new();
            if let Some(t) = title {
                src = src.with_title(t.clone());
            }
            if let Some(t) = publisher {
                src = src.with_publisher(t.clone());
            }
            if let Some(t) = url {
                src = src.with_url(t.clone());
            }
            // Every other titled source is declared once and cited by key.
            if title.is_some() && s.positions().len().is_multiple_of(2) {
                let key = format!("source-{}", s.sources().len());
                src = src.with_key(key.clone());
                if s.add_source(src.clone()).is_err() {
                    src = s.source(&key).unwrap().clone();
                }
            }
            position = position.with_source(src);
        }
        if let Some(q) = &p.quote {
            position = position.with_quote(q.clone());
        }
        if let Some(n) = &p.note {
            position = position.with_note(n.clone());
        }
        if s.add_position(position.clone()).is_err() {
            let _ = s.add_position(position.with_key(format!("fallback-{}", s.positions().len())));
        }
    }
    s
}

fn formats() -> Vec<Format> {
    let mut f = vec![Format::Yaml, Format::Json];
    if cfg!(feature = "toml") {
        f.push(Format::Toml);
    }
    f
}

/// Writes `s` as a case folder of `cuts.len() + 1` files: each list is cut
/// into consecutive chunks at the given fractions, chunk `i` going to file
/// `i` (so that reading order keeps every list's order); the files sit at
/// assorted depths, named so that byte order is file order.
fn write_split(s: &Scenario, dir: &std::path::Path, cuts: &[f64], title_in: usize) {
    let doc: serde_json::Value =
        serde_json::from_str(&s.to_string_as(Format::Json).unwrap()).unwrap();
    let n = cuts.len() + 1;
    let mut files = vec![serde_json::Map::new(); n];
    for list in ["actors", "issues", "relations", "sources", "positions"] {
        let items = doc
            .get(list)
            .and_then(|v| v.as_array())
            .cloned()
            .unwrap_or_default();
        let mut bounds: Vec<usize> = cuts
            .iter()
            .map(|c| (c * items.len() as f64) as usize)
            .collect();
        bounds.sort_unstable();
        let mut start = 0;
        for (i, end) in bounds.into_iter().chain([items.len()]).enumerate() {
            files[i].insert(
                list.to_owned(),
                serde_json::Value::Array(items[start..end].to_vec()),
            );
            start = end;
        }
    }
    for key in ["title", "description"] {
        if let Some(v) = doc.get(key) {
            files[title_in % n].insert(key.to_owned(), v.clone());
        }
    }
    for (i, file) in files.into_iter().enumerate() {
        // 0/f00.json, 1/1/f01.json, ...: byte order of the paths is file order.
        let mut path = dir.to_owned();
        for _ in 0..=(i % 3) {
            path.push(format!("{i}"));
        }
        std::fs::create_dir_all(&path).unwrap();
        path.push(format!("f{i:02}.json"));
        std::fs::write(path, serde_json::Value::Object(file).to_string()).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn a_scenario_split_across_files_loads_as_the_same_scenario(
        plan in plan(),
        cuts in prop::collection::vec(0.0f64..1.0, 0..5),
        title_in in 0usize..6,
        case in any::<u32>(),
    ) {
        let s = build(&plan);
        let dir = crate::common::scratch_dir(&format!("split-{case}"));
        let _ = std::fs::remove_dir_all(&dir);
        write_split(&s, &dir, &cuts, title_in);
        let back = Scenario::load(&dir);
        prop_assert!(back.is_ok(), "{}", back.unwrap_err());
        let back = back.unwrap();
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(back.provenance().files().len(), cuts.len() + 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn scenarios_survive_every_format(plan in plan()) {
        let s = build(&plan);
        for format in formats() {
            let text = s.to_string_as(format).unwrap();
            let back = Scenario::from_slice_as(text.as_bytes(), format, "roundtrip");
            prop_assert!(back.is_ok(), "{format}: {}\n{text}", back.unwrap_err());
            prop_assert_eq!(&back.unwrap(), &s, "{}:\n{}", format, text);
        }
    }

    #[test]
    fn a_broken_reference_is_rejected_naming_its_record(plan in plan(), pick in any::<prop::sample::Index>()) {
        let s = build(&plan);
        let mut doc: serde_json::Value = serde_json::from_str(&s.to_string_as(Format::Json).unwrap()).unwrap();
        // Every reference in the document: (section, index, field, pointer).
        let mut refs: Vec<(Section, usize, String, String)> = Vec::new();
        for (i, a) in doc["actors"].as_array().unwrap().iter().enumerate() {
            if a.get("speaks_for").is_some() {
                refs.push((Section::Actors, i, "speaks_for".into(), format!("/actors/{i}/speaks_for")));
            }
            for (m, member) in a.get("member_of").and_then(|m| m.as_array()).into_iter().flatten().enumerate() {
                let pointer = if member.is_string() { format!("/actors/{i}/member_of/{m}") } else { format!("/actors/{i}/member_of/{m}/actor") };
                refs.push((Section::Actors, i, format!("member_of[{m}]"), pointer));
            }
        }
        for (i, r) in doc["relations"].as_array().unwrap().iter().enumerate() {
            for k in 0..r["issues"].as_array().unwrap().len() {
                refs.push((Section::Relations, i, format!("issues[{k}]"), format!("/relations/{i}/issues/{k}")));
            }
        }
        for i in 0..doc["positions"].as_array().unwrap().len() {
            refs.push((Section::Positions, i, "actor".into(), format!("/positions/{i}/actor")));
            refs.push((Section::Positions, i, "issue".into(), format!("/positions/{i}/issue")));
        }
        prop_assume!(!refs.is_empty());
        let (section, index, field, pointer) = pick.get(&refs).clone();
        *doc.pointer_mut(&pointer).unwrap() = serde_json::Value::String("\u{2603} no such thing".into());
        let err = Scenario::from_json_str(&doc.to_string()).unwrap_err();
        let problems = err.problems();
        prop_assert_eq!(problems.len(), 1, "{}", err);
        prop_assert_eq!(problems[0].record.section, section);
        prop_assert_eq!(problems[0].record.index, Some(index));
        prop_assert_eq!(problems[0].field.as_deref(), Some(field.as_str()));
        prop_assert!(err.to_string().contains("\u{2603} no such thing"), "{}", err);
    }
}
