//! Turns a raw scenario file into a valid [`Scenario`], collecting every problem.

use std::collections::HashMap;
use std::str::FromStr;

use super::raw::{
    Lenient, RawActor, RawCondition, RawIssue, RawMembership, RawPosition, RawRelation,
    RawScenario, RawSource, Record,
};
use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::keyword::KeywordError;
use crate::scenario::{free_key, key_problem, relation_problem, span_problem};
use crate::suggest::{Suggester, closest};
use crate::{
    Actor, ActorId, ActorKind, Condition, Date, Firmness, Issue, IssueId, Membership, Position,
    PositionId, Relation, RelationKind, Scenario, Source, Stance,
};

/// Collects problems for one record at a time.
struct Problems {
    list: Vec<Problem>,
    suggester: Suggester,
}

impl Problems {
    fn add(&mut self, record: &RecordRef, field: impl Into<Option<String>>, kind: ProblemKind) {
        self.list.push(Problem::new(record.clone(), field, kind));
    }

    fn unknown_fields<T: Record>(&mut self, record: &RecordRef, prefix: &str, unknown: &[String]) {
        for key in unknown {
            let suggestion = closest(key, T::FIELDS.iter().copied()).map(str::to_owned);
            self.add(
                record,
                format!("{prefix}{key}"),
                ProblemKind::UnknownField { suggestion },
            );
        }
    }

    fn required<T>(&mut self, record: &RecordRef, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.add(record, field.to_owned(), ProblemKind::MissingField);
        }
        value
    }

    fn keyword<T: FromStr<Err = KeywordError> + Copy>(
        &mut self,
        record: &RecordRef,
        field: &str,
        value: Lenient<T>,
    ) -> Option<T> {
        match value {
            Lenient::Valid(v) => Some(v),
            Lenient::Invalid(text) => {
                if let Err(error) = text.parse::<T>() {
                    let suggestion =
                        closest(&text, error.allowed.iter().copied()).map(str::to_owned);
                    self.add(
                        record,
                        field.to_owned(),
                        ProblemKind::UnknownValue { error, suggestion },
                    );
                }
                None
            }
        }
    }

    fn date(
        &mut self,
        record: &RecordRef,
        field: &str,
        value: Option<Lenient<Date>>,
    ) -> Option<Date> {
        match value? {
            Lenient::Valid(d) => Some(d),
            Lenient::Invalid(text) => {
                if let Err(e) = text.parse::<Date>() {
                    self.add(record, field.to_owned(), ProblemKind::InvalidDate(e));
                }
                None
            }
        }
    }

    fn span(
        &mut self,
        record: &RecordRef,
        prefix: &str,
        start: (&'static str, Option<Date>),
        end: (&'static str, Option<Date>),
    ) {
        if let Some(kind) = span_problem(start, end) {
            self.add(record, format!("{prefix}{}", end.0), kind);
        }
    }

    fn reference<Id: Copy>(
        &mut self,
        record: &RecordRef,
        field: String,
        target: Section,
        key: &str,
        keys: &HashMap<String, Id>,
    ) -> Option<Id> {
        if let Some(&id) = keys.get(key) {
            return Some(id);
        }
        let suggestion = self.suggester.suggest(key, keys.keys().map(String::as_str));
        self.add(
            record,
            field,
            ProblemKind::UnknownReference {
                target,
                key: key.to_owned(),
                suggestion,
            },
        );
        None
    }

    /// Registers `key` for the record at `index`, reporting invalid and
    /// duplicate keys. Returns whether the key was registered.
    fn key<Id: Copy>(
        &mut self,
        record: &RecordRef,
        section: Section,
        key: &str,
        id: Id,
        keys: &mut HashMap<String, Id>,
        index_of: impl Fn(Id) -> usize,
    ) -> bool {
        if let Some(kind) = key_problem(key) {
            self.add(record, "id".to_owned(), kind);
            return false;
        }
        if let Some(&first) = keys.get(key) {
            self.add(
                record,
                "id".to_owned(),
                ProblemKind::DuplicateKey {
                    key: key.to_owned(),
                    first: RecordRef::new(section, index_of(first), Some(key)),
                },
            );
            return false;
        }
        keys.insert(key.to_owned(), id);
        true
    }
}

/// Validates `raw` and builds the scenario, or returns every problem found.
pub(crate) fn resolve(raw: RawScenario) -> Result<Scenario, Vec<Problem>> {
    let mut p = Problems {
        list: Vec::new(),
        suggester: Suggester::new(),
    };
    let top = RecordRef::top();
    p.unknown_fields::<RawScenario>(&top, "", &raw.unknown);

    let mut scenario = Scenario {
        title: raw.title,
        description: raw.description,
        ..Scenario::default()
    };

    let raw_actors = raw.actors.unwrap_or_default();
    let mut links = Vec::with_capacity(raw_actors.len());
    for (i, a) in raw_actors.into_iter().enumerate() {
        let (actor, link) = actor(&mut p, &mut scenario, i, a);
        scenario.actors.push(actor);
        links.push(link);
    }

    for (i, x) in raw.issues.unwrap_or_default().into_iter().enumerate() {
        let issue = issue(&mut p, &mut scenario, i, x);
        scenario.issues.push(issue);
    }

    for (i, link) in links.into_iter().enumerate() {
        actor_links(&mut p, &mut scenario, i, link);
    }
    cycles(&mut p, &scenario);

    for (i, r) in raw.relations.unwrap_or_default().into_iter().enumerate() {
        if let Some(relation) = relation(&mut p, &scenario, i, r) {
            scenario.relations.push(relation);
        }
    }

    positions(&mut p, &mut scenario, raw.positions.unwrap_or_default());

    if p.list.is_empty() {
        Ok(scenario)
    } else {
        // Checks run in passes; report in file order.
        p.list.sort_by_key(|problem| (problem.record.section, problem.record.index));
        Err(p.list)
    }
}

struct ActorLinks {
    record: RecordRef,
    member_of: Vec<RawMembership>,
    speaks_for: Option<String>,
    role: Option<String>,
}

fn actor(p: &mut Problems, s: &mut Scenario, i: usize, raw: RawActor) -> (Actor, ActorLinks) {
    let record = RecordRef::new(Section::Actors, i, raw.id.as_deref());
    p.unknown_fields::<RawActor>(&record, "", &raw.unknown);
    let id = ActorId::from_index(i as u32);
    let key = p
        .required(&record, "id", raw.id.clone())
        .unwrap_or_default();
    if raw.id.is_some() {
        p.key(
            &record,
            Section::Actors,
            &key,
            id,
            &mut s.actor_keys,
            ActorId::index,
        );
    }
    let name = p.required(&record, "name", raw.name).unwrap_or_default();
    let kind = p
        .required(&record, "kind", raw.kind)
        .and_then(|k| p.keyword(&record, "kind", k))
        .unwrap_or(ActorKind::Other);
    let mut actor = Actor::new(key, name, kind);
    actor.aliases = raw.aliases.unwrap_or_default();
    let links = ActorLinks {
        record,
        member_of: raw.member_of.unwrap_or_default(),
        speaks_for: raw.speaks_for,
        role: raw.role,
    };
    (actor, links)
}

fn actor_links(p: &mut Problems, s: &mut Scenario, i: usize, links: ActorLinks) {
    let record = links.record;
    let mut member_of = Vec::with_capacity(links.member_of.len());
    for (m, raw) in links.member_of.into_iter().enumerate() {
        let prefix = format!("member_of[{m}].");
        p.unknown_fields::<RawMembership>(&record, &prefix, &raw.unknown);
        let bloc = p
            .required(&record, &format!("{prefix}actor"), raw.actor)
            .and_then(|key| {
                p.reference(
                    &record,
                    format!("member_of[{m}]"),
                    Section::Actors,
                    &key,
                    &s.actor_keys,
                )
            });
        let since = p.date(&record, &format!("{prefix}since"), raw.since);
        let until = p.date(&record, &format!("{prefix}until"), raw.until);
        p.span(&record, &prefix, ("since", since), ("until", until));
        if let Some(bloc) = bloc {
            member_of.push(Membership { bloc, since, until });
        }
    }
    let speaks_for = links.speaks_for.and_then(|key| {
        p.reference(
            &record,
            "speaks_for".to_owned(),
            Section::Actors,
            &key,
            &s.actor_keys,
        )
    });
    let actor = &mut s.actors[i];
    actor.member_of = member_of;
    actor.speaks_for = speaks_for;
    actor.role = links.role;
}

fn cycles(p: &mut Problems, s: &Scenario) {
    for (actor, link, path) in s.link_cycles() {
        let record = RecordRef::new(Section::Actors, actor.index(), Some(s.actor(actor).key()));
        p.add(&record, link.to_owned(), ProblemKind::Cycle { link, path });
    }
}

fn issue(p: &mut Problems, s: &mut Scenario, i: usize, raw: RawIssue) -> Issue {
    let record = RecordRef::new(Section::Issues, i, raw.id.as_deref());
    p.unknown_fields::<RawIssue>(&record, "", &raw.unknown);
    let key = p
        .required(&record, "id", raw.id.clone())
        .unwrap_or_default();
    if raw.id.is_some() {
        p.key(
            &record,
            Section::Issues,
            &key,
            IssueId::from_index(i as u32),
            &mut s.issue_keys,
            IssueId::index,
        );
    }
    let name = p.required(&record, "name", raw.name).unwrap_or_default();
    Issue {
        key,
        name,
        description: raw.description,
        tags: raw.tags.unwrap_or_default(),
    }
}

fn relation(p: &mut Problems, s: &Scenario, i: usize, raw: RawRelation) -> Option<Relation> {
    let record = RecordRef::new(Section::Relations, i, None);
    p.unknown_fields::<RawRelation>(&record, "", &raw.unknown);
    let kind = p
        .required(&record, "kind", raw.kind)
        .and_then(|k| p.keyword::<RelationKind>(&record, "kind", k));
    let keys = p
        .required(&record, "issues", raw.issues)
        .unwrap_or_default();
    let mut issues = Vec::with_capacity(keys.len());
    for (k, key) in keys.iter().enumerate() {
        if let Some(id) = p.reference(
            &record,
            format!("issues[{k}]"),
            Section::Issues,
            key,
            &s.issue_keys,
        ) {
            issues.push(id);
        }
    }
    let relation = Relation {
        kind: kind?,
        issues,
        note: raw.note,
    };
    if relation.issues.len() == keys.len()
        && let Some(problem) = relation_problem(&relation, |id| s.issue(id).key().to_owned())
    {
        p.add(&record, "issues".to_owned(), problem);
    }
    Some(relation)
}

fn positions(p: &mut Problems, s: &mut Scenario, raw: Vec<RawPosition>) {
    // Explicit keys first, so that assigned keys never take one a later
    // position names for itself.
    for (i, r) in raw.iter().enumerate() {
        if let Some(key) = &r.id {
            let record = RecordRef::new(Section::Positions, i, Some(key));
            p.key(
                &record,
                Section::Positions,
                key,
                PositionId::from_index(i as u32),
                &mut s.position_keys,
                PositionId::index,
            );
        }
    }
    let mut next_suffix: HashMap<(ActorId, IssueId), u32> = HashMap::new();
    s.positions.reserve(raw.len());
    for (i, r) in raw.into_iter().enumerate() {
        let Some(mut position) = position(p, s, i, r) else {
            continue;
        };
        if position.key.is_none() {
            let base = s.generated_key_base(&position);
            let n = next_suffix
                .entry((position.actor, position.issue))
                .or_insert(1);
            let (key, next) = free_key(&base, *n, &s.position_keys);
            *n = next;
            s.position_keys
                .insert(key.clone(), PositionId::from_index(i as u32));
            position.key = Some(key);
        }
        s.positions.push(position);
    }
}

fn position(p: &mut Problems, s: &Scenario, i: usize, raw: RawPosition) -> Option<Position> {
    let record = RecordRef::new(Section::Positions, i, raw.id.as_deref());
    p.unknown_fields::<RawPosition>(&record, "", &raw.unknown);
    let actor = p.required(&record, "actor", raw.actor).and_then(|k| {
        p.reference(
            &record,
            "actor".to_owned(),
            Section::Actors,
            &k,
            &s.actor_keys,
        )
    });
    let issue = p.required(&record, "issue", raw.issue).and_then(|k| {
        p.reference(
            &record,
            "issue".to_owned(),
            Section::Issues,
            &k,
            &s.issue_keys,
        )
    });
    let stance = p
        .required(&record, "stance", raw.stance)
        .and_then(|v| p.keyword::<Stance>(&record, "stance", v));
    let firmness = match raw.firmness {
        Some(v) => p.keyword::<Firmness>(&record, "firmness", v),
        None => Some(Firmness::default()),
    };
    let condition = raw.condition.and_then(|c| condition(p, s, &record, c));
    let date = p.date(&record, "date", raw.date);
    let until = p.date(&record, "until", raw.until);
    p.span(&record, "", ("date", date), ("until", until));
    let source = raw.source.map(|src| source(p, &record, src));
    Some(Position {
        key: raw.id,
        actor: actor?,
        issue: issue?,
        stance: stance?,
        firmness: firmness?,
        condition,
        date,
        until,
        source: source.map(Box::new),
        quote: raw.quote,
        note: raw.note,
    })
}

fn condition(
    p: &mut Problems,
    s: &Scenario,
    record: &RecordRef,
    raw: RawCondition,
) -> Option<Condition> {
    p.unknown_fields::<RawCondition>(record, "condition.", &raw.unknown);
    match (raw.bare, raw.issue, raw.text) {
        (Some(word), None, None) => {
            if let Some(&id) = s.issue_keys.get(&word) {
                Some(Condition::Issue(id))
            } else if word.contains(char::is_whitespace) {
                Some(Condition::Text(word))
            } else {
                // A single word that is no issue key is far more likely a
                // misspelt key than a condition in words.
                let suggestion = p
                    .suggester
                    .suggest(&word, s.issue_keys.keys().map(String::as_str));
                p.add(
                    record,
                    "condition".to_owned(),
                    ProblemKind::UnknownCondition {
                        key: word,
                        suggestion,
                    },
                );
                None
            }
        }
        (None, Some(key), None) => p
            .reference(
                record,
                "condition.issue".to_owned(),
                Section::Issues,
                &key,
                &s.issue_keys,
            )
            .map(Condition::Issue),
        (None, None, Some(text)) => Some(Condition::Text(text)),
        (None, Some(_), Some(_)) => {
            p.add(
                record,
                "condition".to_owned(),
                ProblemKind::Invalid {
                    reason: "give either `issue` or `text`, not both",
                },
            );
            None
        }
        _ => {
            p.add(record, "condition".to_owned(), ProblemKind::MissingField);
            None
        }
    }
}

fn source(p: &mut Problems, record: &RecordRef, raw: RawSource) -> Source {
    p.unknown_fields::<RawSource>(record, "source.", &raw.unknown);
    Source {
        title: raw.title,
        publisher: raw.publisher,
        url: raw.url,
    }
}
