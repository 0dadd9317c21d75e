//! Actor aliases: any actor reference may use one; a name two actors would
//! answer to is an error naming both.

use stancegraph::{
    Actor, ActorKind, Error, ProblemKind, Scenario, Section, contradiction::CheckOptions,
};

/// The founding clash written with ids, and with every actor reference an alias.
const BY_ID: &str = "
actors:
  - {id: us, name: United States, kind: state, aliases: [USA, United States], member_of: [nato]}
  - {id: nato, name: NATO, kind: alliance, aliases: [North Atlantic Treaty Organization]}
  - {id: kellogg, name: Keith Kellogg, kind: person, aliases: [Kellogg], speaks_for: us}
  - {id: rutte, name: Mark Rutte, kind: person, speaks_for: nato}
issues:
  - {id: freeze, name: NATO stops expanding eastward}
  - {id: join, name: Ukraine joins NATO}
relations:
  - {kind: excludes, issues: [freeze, join]}
positions:
  - {id: kf, actor: kellogg, issue: freeze, stance: support, date: 2025-05-29}
  - {id: rj, actor: rutte, issue: join, stance: support, firmness: red_line, date: 2025-05-29}
";

fn by_alias() -> String {
    BY_ID
        .replace(
            "member_of: [nato]",
            "member_of: [North Atlantic Treaty Organization]",
        )
        .replace("speaks_for: us}", "speaks_for: USA}")
        .replace("actor: kellogg,", "actor: Kellogg,")
}

fn problems(yaml: &str) -> Vec<String> {
    match Scenario::from_yaml_str(yaml) {
        Ok(_) => panic!("expected the scenario to be rejected:\n{yaml}"),
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn references_by_alias_resolve_to_the_actor() {
    let ids = Scenario::from_yaml_str(BY_ID).unwrap();
    let aliases = Scenario::from_yaml_str(&by_alias()).unwrap();
    // The same scenario: the references became ids.
    assert_eq!(ids, aliases);
    let us = aliases.actor_id("us").unwrap();
    let kellogg = aliases.actor_id("kellogg").unwrap();
    assert_eq!(aliases.actor(kellogg).speaks_for(), Some(us));
    let kf = aliases.position_id("kf").unwrap();
    assert_eq!(aliases.position(kf).actor(), kellogg);
    let found = |s: &Scenario| {
        s.contradictions(&CheckOptions::default())
            .iter()
            .map(|c| c.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(found(&ids), found(&aliases));
    assert_eq!(found(&aliases).len(), 1);
    // Written back, references are ids and aliases stay aliases.
    let text = aliases.to_string_as(stancegraph::io::Format::Yaml).unwrap();
    assert_eq!(Scenario::from_yaml_str(&text).unwrap(), ids);
}

#[test]
fn actor_id_finds_an_actor_by_alias() {
    let s = Scenario::from_yaml_str(BY_ID).unwrap();
    assert_eq!(s.actor_id("USA"), s.actor_id("us"));
    assert_eq!(s.actor_id("United States"), s.actor_id("us"));
    assert_eq!(s.actor_id("Kellogg"), s.actor_id("kellogg"));
    assert_eq!(s.actor_id("usa"), None, "aliases are case-sensitive");
}

#[test]
fn an_alias_that_is_another_actors_id_names_both_actors() {
    // Whichever comes first in the file, the problem is on the alias.
    let later = BY_ID.replace("aliases: [Kellogg]", "aliases: [Kellogg, rutte]");
    assert_eq!(
        problems(&later),
        [
            "actors[2] (kellogg), field `aliases[1]`: `rutte` would name two actors: actors[3] (rutte) already answers to it"
        ]
    );
    let earlier = BY_ID.replace("aliases: [USA, United States]", "aliases: [USA, kellogg]");
    assert_eq!(
        problems(&earlier),
        [
            "actors[0] (us), field `aliases[1]`: `kellogg` would name two actors: actors[2] (kellogg) already answers to it"
        ]
    );
}

#[test]
fn an_alias_of_two_actors_is_ambiguous() {
    let yaml = BY_ID.replace(
        "{id: rutte, name: Mark Rutte, kind: person,",
        "{id: rutte, name: Mark Rutte, kind: person, aliases: [USA],",
    );
    let e = Scenario::from_yaml_str(&yaml).unwrap_err();
    assert!(matches!(e, Error::Invalid { .. }));
    let [p] = e.problems() else { panic!("{e}") };
    assert_eq!(p.record.section, Section::Actors);
    assert_eq!(p.record.key.as_deref(), Some("rutte"));
    assert_eq!(p.field.as_deref(), Some("aliases[0]"));
    match &p.kind {
        ProblemKind::AmbiguousAlias { name, other } => {
            assert_eq!(name, "USA");
            assert_eq!(other.key.as_deref(), Some("us"));
        }
        other => panic!("{other:?}"),
    }
    assert!(p.line.is_some(), "YAML problems carry their line");
}

#[test]
fn an_alias_equal_to_the_actors_own_id_is_harmless_and_empty_ones_are_not() {
    let own = BY_ID.replace("aliases: [Kellogg]", "aliases: [Kellogg, kellogg]");
    assert!(Scenario::from_yaml_str(&own).is_ok());
    let empty = BY_ID.replace("aliases: [Kellogg]", "aliases: [\" Kellogg\"]");
    let p = problems(&empty);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].starts_with("actors[2] (kellogg), field `aliases[0]`"),
        "{p:?}"
    );
}

#[test]
fn unknown_names_still_get_a_did_you_mean_hint() {
    let yaml = BY_ID.replace("actor: kellogg,", "actor: kelog,");
    assert_eq!(
        problems(&yaml),
        ["positions[0] (kf), field `actor`: unknown actor `kelog`; did you mean `kellogg`?"]
    );
}

#[test]
fn add_actor_checks_aliases_and_keys_against_every_name() {
    let mut s = Scenario::new();
    s.add_actor(Actor::new("us", "United States", ActorKind::State).with_alias("USA"))
        .unwrap();
    let e = s
        .add_actor(Actor::new("uk", "United Kingdom", ActorKind::State).with_alias("USA"))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "actors[1] (uk), field `aliases[0]`: `USA` would name two actors: actors[0] (us) already answers to it"
    );
    let e = s
        .add_actor(Actor::new("USA", "Again", ActorKind::State))
        .unwrap_err();
    assert_eq!(e.problems()[0].field.as_deref(), Some("id"));
    assert!(
        e.to_string()
            .contains("actors[0] (us) already answers to it"),
        "{e}"
    );
    let e = s
        .add_actor(Actor::new("gb", "Britain", ActorKind::State).with_alias("us"))
        .unwrap_err();
    assert!(e.to_string().contains("`us` would name two actors"), "{e}");
    // Nothing half-added: the failed actors left no names behind.
    let uk = s
        .add_actor(Actor::new("uk", "United Kingdom", ActorKind::State).with_alias("UK"))
        .unwrap();
    assert_eq!(s.actor_id("UK"), Some(uk));
    assert_eq!(s.actors().len(), 2);
}
