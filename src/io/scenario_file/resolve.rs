//! Turns scenario records into a valid [`Scenario`], collecting every problem.
//!
//! The [`Resolver`] takes records as the parser produces them. Positions, by
//! far the most numerous records, are resolved one at a time as they stream
//! in whenever the actors and issues they refer to have already been read (as
//! in every file stancegraph writes), so a file of a million positions is
//! never held twice in memory. Positions that come first are kept raw until
//! the end.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::Format;

use super::raw::{
    FieldKey, Lenient, RawActor, RawCondition, RawIssue, RawMembership, RawPosition, RawRelation,
    RawSource, Record,
};
use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::model::scenario::{KeyMap, free_key, register_key, relation_problem, span_problem};
use crate::util::keyword::KeywordError;
use crate::util::suggest::{Suggester, closest};
use crate::{
    Actor, ActorId, ActorKind, Condition, Date, Firmness, Issue, IssueId, Membership, Position,
    PositionId, Relation, RelationKind, Scenario, Source, Stance,
};

/// A record being checked: cheap to make, turned into a [`RecordRef`] only
/// when there is a problem to report.
#[derive(Clone, Copy)]
struct Rec<'a> {
    section: Section,
    index: usize,
    key: Option<&'a str>,
    line: Option<u64>,
}

impl<'a> Rec<'a> {
    fn new(section: Section, index: usize, key: Option<&'a str>, line: Option<u64>) -> Self {
        Rec {
            section,
            index,
            key,
            line,
        }
    }

    fn to_ref(self) -> RecordRef {
        match self.section {
            Section::Scenario => RecordRef::top(),
            section => RecordRef::new(section, self.index, self.key),
        }
    }
}

const TOP: Rec<'static> = Rec {
    section: Section::Scenario,
    index: 0,
    key: None,
    line: None,
};

/// Collects problems.
struct Problems {
    list: Vec<Problem>,
    suggester: Suggester,
}

impl Problems {
    fn add(&mut self, record: Rec<'_>, field: impl Into<Option<String>>, kind: ProblemKind) {
        let mut problem = Problem::new(record.to_ref(), field, kind);
        problem.line = record.line;
        self.list.push(problem);
    }

    fn unknown_fields<T: Record>(&mut self, record: Rec<'_>, prefix: &str, unknown: &[String]) {
        for key in unknown {
            let suggestion = closest(key, T::FIELDS.iter().copied()).map(str::to_owned);
            self.add(
                record,
                format!("{prefix}{key}"),
                ProblemKind::UnknownField { suggestion },
            );
        }
    }

    fn required<T>(&mut self, record: Rec<'_>, field: &str, value: Option<T>) -> Option<T> {
        if value.is_none() {
            self.add(record, field.to_owned(), ProblemKind::MissingField);
        }
        value
    }

    fn keyword<T: FromStr<Err = KeywordError> + Copy>(
        &mut self,
        record: Rec<'_>,
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

    fn date(&mut self, record: Rec<'_>, field: &str, value: Option<Lenient<Date>>) -> Option<Date> {
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
        record: Rec<'_>,
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
        record: Rec<'_>,
        field: impl FnOnce() -> String,
        target: Section,
        key: &str,
        keys: &KeyMap<Id>,
    ) -> Option<Id> {
        if let Some(&id) = keys.get(key) {
            return Some(id);
        }
        let suggestion = self.suggester.suggest(key, keys.keys().map(String::as_str));
        self.add(
            record,
            field(),
            ProblemKind::UnknownReference {
                target,
                key: key.to_owned(),
                suggestion,
            },
        );
        None
    }

    /// An actor named by its id or one of its aliases.
    fn actor_reference(
        &mut self,
        record: Rec<'_>,
        field: impl FnOnce() -> String,
        key: &str,
        s: &Scenario,
    ) -> Option<ActorId> {
        // Ids first: most references use them, and most scenarios have no
        // aliases; `reference` reports a name that is neither.
        if let Some(&id) = s.actor_keys.get(key) {
            return Some(id);
        }
        if let Some(&id) = s.actor_aliases.get(key) {
            return Some(id);
        }
        self.reference(record, field, Section::Actors, key, &s.actor_keys)
    }

    /// Registers `key` for the record, reporting invalid and duplicate keys.
    fn key<Id: Copy>(
        &mut self,
        record: Rec<'_>,
        key: &str,
        id: Id,
        keys: &mut KeyMap<Id>,
        index_of: fn(Id) -> usize,
    ) {
        if let Err(kind) = register_key(keys, key, id, record.section, index_of) {
            self.add(record, "id".to_owned(), kind);
        }
    }
}

/// Builds a scenario from records as they are parsed.
pub(crate) struct Resolver {
    p: Problems,
    s: Scenario,
    actors_read: bool,
    issues_read: bool,
    relations: Vec<(RawRelation, Option<u64>)>,
    /// Positions read before the actors and issues they need.
    pending: Vec<(RawPosition, Option<u64>)>,
    /// The line of each actor record, for problems found after reading them.
    actor_lines: Vec<Option<u64>>,
    /// Line starts of the text, for formats that report byte offsets.
    line_starts: Vec<usize>,
    /// Positions seen so far (resolved, pending or rejected).
    positions_seen: usize,
}

impl Resolver {
    /// A resolver for a document in `format`; `text` is needed to turn the
    /// byte offsets some formats report into lines.
    pub(crate) fn new(format: Format, text: &str) -> Self {
        let line_starts = match format {
            Format::Toml => std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            _ => Vec::new(),
        };
        Resolver {
            actor_lines: Vec::new(),
            line_starts,
            p: Problems {
                list: Vec::new(),
                suggester: Suggester::new(),
            },
            s: Scenario::default(),
            actors_read: false,
            issues_read: false,
            relations: Vec::new(),
            pending: Vec::new(),
            positions_seen: 0,
        }
    }

    /// Validates what was read and returns the scenario, or every problem in
    /// file order.
    pub(crate) fn finish(mut self) -> Result<Scenario, Vec<Problem>> {
        // Actors and issues may be absent from the file.
        self.actors_read = true;
        self.issues_read = true;
        for (actor, link, path) in self.s.link_cycles() {
            let line = self.actor_lines.get(actor.index()).copied().flatten();
            let record = Rec::new(
                Section::Actors,
                actor.index(),
                Some(self.s.actor(actor).key()),
                line,
            );
            self.p
                .add(record, link.to_owned(), ProblemKind::Cycle { link, path });
        }
        for (i, (raw, line)) in std::mem::take(&mut self.relations).into_iter().enumerate() {
            self.relation(i, raw, line);
        }
        let pending = std::mem::take(&mut self.pending);
        let first = self.positions_seen - pending.len();
        for (n, (raw, line)) in pending.into_iter().enumerate() {
            self.resolve_position(first + n, raw, line);
        }
        if !self.p.list.is_empty() {
            // Checks run in passes; report in file order.
            self.p
                .list
                .sort_by_key(|problem| (problem.record.section, problem.record.index));
            return Err(self.p.list);
        }
        self.assign_keys();
        Ok(self.s)
    }

    fn actors(&mut self, raw: Vec<(RawActor, Option<u64>)>) {
        self.actors_read = true;
        let mut links = Vec::with_capacity(raw.len());
        for (i, (a, line)) in raw.into_iter().enumerate() {
            self.actor_lines.push(line);
            let id_text = a.id.clone();
            let record = Rec::new(Section::Actors, i, id_text.as_deref(), line);
            self.p.unknown_fields::<RawActor>(record, "", &a.unknown);
            if let Some(key) = &a.id {
                let id = ActorId::from_index(i as u32);
                self.p
                    .key(record, key, id, &mut self.s.actor_keys, ActorId::index);
            }
            let key = self.p.required(record, "id", a.id).unwrap_or_default();
            let name = self.p.required(record, "name", a.name).unwrap_or_default();
            let kind = self
                .p
                .required(record, "kind", a.kind)
                .and_then(|k| self.p.keyword(record, "kind", k))
                .unwrap_or(ActorKind::Other);
            let mut actor = Actor::new(key, name, kind);
            actor.aliases = a.aliases.unwrap_or_default();
            actor.role = a.role;
            self.s.actors.push(actor);
            links.push((a.member_of.unwrap_or_default(), a.speaks_for));
        }
        self.actor_aliases();
        // Links may point forward, so they are resolved once every actor is known.
        for (i, (member_of, speaks_for)) in links.into_iter().enumerate() {
            self.actor_links(i, member_of, speaks_for);
        }
    }

    /// Registers every actor's aliases once every actor's id is known, so
    /// that an alias clashing with another actor's id or alias is reported on
    /// the alias, naming the other actor, whichever comes first in the file.
    fn actor_aliases(&mut self) {
        for i in 0..self.s.actors.len() {
            let id = ActorId::from_index(i as u32);
            let line = self.actor_lines.get(i).copied().flatten();
            let key = self.s.actors[i].key.clone();
            for j in 0..self.s.actors[i].aliases.len() {
                let alias = self.s.actors[i].aliases[j].clone();
                if let Err(kind) = self.s.register_alias(&alias, id, &key) {
                    let record = Rec::new(
                        Section::Actors,
                        i,
                        Some(key.as_str()).filter(|k| !k.is_empty()),
                        line,
                    );
                    self.p.add(record, format!("aliases[{j}]"), kind);
                }
            }
        }
    }

    fn actor_links(
        &mut self,
        i: usize,
        raw_member_of: Vec<RawMembership>,
        speaks_for: Option<String>,
    ) {
        let (p, s) = (&mut self.p, &mut self.s);
        let line = self.actor_lines.get(i).copied().flatten();
        let record = Rec::new(
            Section::Actors,
            i,
            Some(s.actors[i].key.as_str()).filter(|k| !k.is_empty()),
            line,
        );
        let mut member_of = Vec::with_capacity(raw_member_of.len());
        for (m, raw) in raw_member_of.into_iter().enumerate() {
            let prefix = format!("member_of[{m}].");
            p.unknown_fields::<RawMembership>(record, &prefix, &raw.unknown);
            let bloc = p
                .required(record, &format!("{prefix}actor"), raw.actor)
                .and_then(|key| p.actor_reference(record, || format!("member_of[{m}]"), &key, s));
            let since = p.date(record, &format!("{prefix}since"), raw.since);
            let until = p.date(record, &format!("{prefix}until"), raw.until);
            p.span(record, &prefix, ("since", since), ("until", until));
            if let Some(bloc) = bloc {
                member_of.push(Membership { bloc, since, until });
            }
        }
        let speaks_for = speaks_for
            .and_then(|key| p.actor_reference(record, || "speaks_for".to_owned(), &key, s));
        let actor = &mut s.actors[i];
        actor.member_of = member_of;
        actor.speaks_for = speaks_for;
    }

    fn issues(&mut self, raw: Vec<(RawIssue, Option<u64>)>) {
        self.issues_read = true;
        for (i, (x, line)) in raw.into_iter().enumerate() {
            let id_text = x.id.clone();
            let record = Rec::new(Section::Issues, i, id_text.as_deref(), line);
            self.p.unknown_fields::<RawIssue>(record, "", &x.unknown);
            if let Some(key) = &x.id {
                let id = IssueId::from_index(i as u32);
                self.p
                    .key(record, key, id, &mut self.s.issue_keys, IssueId::index);
            }
            let key = self.p.required(record, "id", x.id).unwrap_or_default();
            let name = self.p.required(record, "name", x.name).unwrap_or_default();
            self.s.issues.push(Issue {
                key,
                name,
                description: x.description,
                tags: x.tags.unwrap_or_default(),
            });
        }
    }

    fn relation(&mut self, i: usize, raw: RawRelation, line: Option<u64>) {
        let (p, s) = (&mut self.p, &mut self.s);
        let record = Rec::new(Section::Relations, i, None, line);
        p.unknown_fields::<RawRelation>(record, "", &raw.unknown);
        let kind = p
            .required(record, "kind", raw.kind)
            .and_then(|k| p.keyword::<RelationKind>(record, "kind", k));
        let Some(keys) = p.required(record, "issues", raw.issues) else {
            return;
        };
        let issues: Vec<IssueId> = keys
            .iter()
            .enumerate()
            .filter_map(|(k, key)| {
                p.reference(
                    record,
                    || format!("issues[{k}]"),
                    Section::Issues,
                    key,
                    &s.issue_keys,
                )
            })
            .collect();
        let Some(kind) = kind else { return };
        // Check the keys as written, so that an unknown issue does not hide
        // a wrong count or a repetition.
        if let Some(problem) = relation_problem(kind, &keys) {
            p.add(record, "issues".to_owned(), problem);
        }
        s.relations.push(Relation {
            kind,
            issues,
            note: raw.note,
        });
    }

    fn position(&mut self, raw: RawPosition, line: Option<u64>) {
        let index = self.positions_seen;
        self.positions_seen += 1;
        if self.actors_read && self.issues_read {
            self.resolve_position(index, raw, line);
        } else {
            self.pending.push((raw, line));
        }
    }

    fn resolve_position(&mut self, i: usize, raw: RawPosition, line: Option<u64>) {
        let (p, s) = (&mut self.p, &mut self.s);
        let record = Rec::new(Section::Positions, i, raw.id.as_deref(), line);
        p.unknown_fields::<RawPosition>(record, "", &raw.unknown);
        if let Some(key) = &raw.id {
            let id = PositionId::from_index(i as u32);
            p.key(record, key, id, &mut s.position_keys, PositionId::index);
        }
        let actor = p
            .required(record, "actor", raw.actor)
            .and_then(|k| p.actor_reference(record, || "actor".to_owned(), &k, s));
        let issue = p.required(record, "issue", raw.issue).and_then(|k| {
            p.reference(
                record,
                || "issue".to_owned(),
                Section::Issues,
                &k,
                &s.issue_keys,
            )
        });
        let stance = p
            .required(record, "stance", raw.stance)
            .and_then(|v| p.keyword::<Stance>(record, "stance", v));
        let firmness = match raw.firmness {
            Some(v) => p.keyword::<Firmness>(record, "firmness", v),
            None => Some(Firmness::default()),
        };
        let condition = raw.condition.and_then(|c| condition(p, s, record, *c));
        let date = p.date(record, "date", raw.date);
        let until = p.date(record, "until", raw.until);
        p.span(record, "", ("date", date), ("until", until));
        let source = raw.source.map(|src| {
            p.unknown_fields::<RawSource>(record, "source.", &src.unknown);
            Box::new(Source {
                title: src.title,
                publisher: src.publisher,
                url: src.url,
            })
        });
        if let (Some(actor), Some(issue), Some(stance), Some(firmness)) =
            (actor, issue, stance, firmness)
            && p.list.is_empty()
        {
            s.positions.push(Position {
                key: raw.id,
                actor,
                issue,
                stance,
                firmness,
                condition,
                date,
                until,
                source,
                quote: raw.quote,
                note: raw.note,
            });
        }
    }

    /// Gives keyless positions `actor:issue` keys, after every explicit key is
    /// known, so that an assigned key never takes one a later position names.
    fn assign_keys(&mut self) {
        let s = &mut self.s;
        let mut next_suffix: HashMap<(ActorId, IssueId), u32> = HashMap::new();
        for i in 0..s.positions.len() {
            if s.positions[i].key.is_some() {
                continue;
            }
            let base = s.generated_key_base(&s.positions[i]);
            let position = &s.positions[i];
            let n = next_suffix
                .entry((position.actor, position.issue))
                .or_insert(1);
            let (key, next) = free_key(&base, *n, &s.position_keys);
            *n = next;
            s.position_keys
                .insert(key.clone(), PositionId::from_index(i as u32));
            s.positions[i].key = Some(key);
        }
    }
}

fn condition(
    p: &mut Problems,
    s: &Scenario,
    record: Rec<'_>,
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
                || "condition.issue".to_owned(),
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

// ---- deserialization driving the resolver ------------------------------------------

const TOP_FIELDS: &[&str] = &[
    "title",
    "description",
    "actors",
    "issues",
    "relations",
    "positions",
];

/// Deserializes a whole scenario document into the resolver.
pub(crate) struct ScenarioSeed<'r> {
    pub(crate) resolver: &'r mut Resolver,
    pub(crate) format: Format,
}

impl<'de> DeserializeSeed<'de> for ScenarioSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ScenarioSeed<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a scenario (a mapping with keys {})",
            TOP_FIELDS.join(", ")
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let ScenarioSeed {
            resolver: r,
            format,
        } = self;
        let mut seen = 0u32;
        let mut unknown = Vec::new();
        while let Some(key) = map.next_key_seed(FieldKey(TOP_FIELDS))? {
            let Some(i) = key.known() else {
                map.next_value::<IgnoredAny>()?;
                unknown.extend(key.unknown());
                continue;
            };
            if seen & (1 << i) != 0 {
                return Err(de::Error::custom(format_args!(
                    "duplicate field `{}` in a scenario",
                    TOP_FIELDS[i]
                )));
            }
            seen |= 1 << i;
            // The resolver takes records as they are read, so its line index
            // is moved out of it for the while.
            let line_starts = std::mem::take(&mut r.line_starts);
            let result = match i {
                0 => map.next_value().map(|title| r.s.title = title),
                1 => map.next_value().map(|d| r.s.description = d),
                2 => {
                    let mut actors = Vec::new();
                    let read =
                        map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                            actors.push((x, line))
                        }));
                    read.map(|()| r.actors(actors))
                }
                3 => {
                    let mut issues = Vec::new();
                    let read =
                        map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                            issues.push((x, line))
                        }));
                    read.map(|()| r.issues(issues))
                }
                4 => map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                    r.relations.push((x, line))
                })),
                _ => map.next_value_seed(ListSeed::new(format, &line_starts, |x, line| {
                    r.position(x, line)
                })),
            };
            r.line_starts = line_starts;
            result?;
        }
        for key in unknown {
            let suggestion = closest(&key, TOP_FIELDS.iter().copied()).map(str::to_owned);
            r.p.add(TOP, key, ProblemKind::UnknownField { suggestion });
        }
        Ok(())
    }
}

/// Reads a list of records (or null), handing each, with the line where it
/// starts if the format reports one, to `sink`.
struct ListSeed<'a, T, F> {
    format: Format,
    // Only TOML reports byte offsets rather than lines.
    #[cfg_attr(not(feature = "toml"), allow(dead_code))]
    line_starts: &'a [usize],
    sink: F,
    record: PhantomData<fn() -> T>,
}

impl<'a, T, F> ListSeed<'a, T, F> {
    fn new(format: Format, line_starts: &'a [usize], sink: F) -> Self {
        ListSeed {
            format,
            line_starts,
            sink,
            record: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T, Option<u64>)> DeserializeSeed<'de>
    for ListSeed<'_, T, F>
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T: Deserialize<'de>, F: FnMut(T, Option<u64>)> Visitor<'de> for ListSeed<'_, T, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list")
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<(), A::Error> {
        match self.format {
            Format::Yaml => {
                while let Some(item) = seq.next_element::<serde_saphyr::Spanned<T>>()? {
                    (self.sink)(item.value, Some(item.referenced.line()));
                }
            }
            #[cfg(feature = "toml")]
            Format::Toml => {
                while let Some(item) = seq.next_element::<toml::Spanned<T>>()? {
                    let offset = item.span().start;
                    let line = self.line_starts.partition_point(|&start| start <= offset) as u64;
                    (self.sink)(item.into_inner(), Some(line));
                }
            }
            _ => {
                while let Some(item) = seq.next_element::<T>()? {
                    (self.sink)(item, None);
                }
            }
        }
        Ok(())
    }
}
