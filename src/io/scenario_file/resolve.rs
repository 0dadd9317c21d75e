//! Turns scenario records into a valid [`Scenario`], collecting every problem.
//!
//! The [`Resolver`] takes the documents of a scenario one after another (one
//! file, or every file of a case folder in order) and their records as the
//! parser produces them. Records append to the scenario's lists in reading
//! order, so the ids of a case are those of its files concatenated.
//!
//! Positions, by far the most numerous records, are resolved one at a time
//! as they stream in whenever every record they name (actor, issue, source,
//! condition issue) has already been read, as in every file stancegraph
//! writes and in a case whose actors and issues come first, so a million
//! positions are never held twice in memory. A position that names a record
//! not read yet is kept raw, and so is every position after it (ids follow
//! reading order), until all documents are read. Links between actors and
//! aliases are resolved once every actor is known, and references may cross
//! files.
//!
//! Every problem names its record by its index in its own file's list, its
//! line (YAML, TOML) and its file; a key defined twice names both places.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Format;
use super::problems::{Place, Problems, Rec, Target};
use super::quote_pass::{PositionQuote, QuotePass};
use super::raw::{
    RawActor, RawCondition, RawIssue, RawMembership, RawPosition, RawRelation, RawSource,
};
use crate::error::{ProblemKind, Section};
use crate::model::scenario::{free_key, relation_problem};
use crate::util::suggest::closest;
use crate::{
    Actor, ActorId, ActorKind, Condition, Firmness, Issue, IssueId, Membership, Position,
    PositionId, Relation, RelationKind, Scenario, Source, Stance,
};

/// How many records of each list had been read when a document began.
#[derive(Clone, Copy, Default)]
struct Counts {
    actors: usize,
    issues: usize,
    relations: usize,
    sources: usize,
    positions: usize,
}

/// A position kept raw until every document is read.
struct Pending {
    raw: RawPosition,
    place: Place,
    id: usize,
}

/// What the resolver checks beyond the records themselves.
#[derive(Clone, Copy, Default)]
pub(crate) struct Checks {
    /// Source text files must exist (the scenario was read from files).
    pub(crate) files: bool,
    /// Quotes must occur in their source's text file.
    pub(crate) quotes: bool,
}

/// Builds a scenario from the records of one or more documents.
pub(crate) struct Resolver {
    p: Problems,
    s: Scenario,
    checks: Checks,
    /// Whether the whole scenario is one document: once it has read its
    /// actors and issues, no more can come.
    single: bool,
    actors_complete: bool,
    issues_complete: bool,
    relations: Vec<(RawRelation, Place)>,
    /// Each actor's `member_of` and `speaks_for`, resolved at the end.
    links: Vec<(Vec<RawMembership>, Option<String>)>,
    pending: Vec<Pending>,
    /// Whether a position is pending: every later one waits too.
    waiting: bool,
    actor_places: Vec<Place>,
    issue_places: Vec<Place>,
    source_places: Vec<Place>,
    /// The line of each position (0: unknown) and, per document, its first
    /// position: enough to place any position without a `Place` each.
    position_lines: Vec<u32>,
    document_starts: Vec<(usize, u32)>,
    /// Line starts of the text, for formats that report byte offsets.
    pub(crate) line_starts: Vec<usize>,
    positions_seen: usize,
    /// The document being read: its number, folder and first records.
    file: u32,
    start: Counts,
    title_from: Option<u32>,
    description_from: Option<u32>,
    quotes: Vec<PositionQuote>,
    /// The text files of sources given inline, with the position naming each.
    inline_files: Vec<(PathBuf, Target)>,
    /// Whether aliases are registered (once every actor is known).
    aliases_done: bool,
}

impl Resolver {
    /// A resolver for `documents` documents (1 for a file or a text).
    pub(crate) fn new(checks: Checks, documents: usize) -> Self {
        Resolver {
            p: Problems::new(),
            s: Scenario::default(),
            checks,
            single: documents <= 1,
            actors_complete: false,
            issues_complete: false,
            relations: Vec::new(),
            links: Vec::new(),
            pending: Vec::new(),
            waiting: false,
            actor_places: Vec::new(),
            issue_places: Vec::new(),
            source_places: Vec::new(),
            position_lines: Vec::new(),
            document_starts: Vec::new(),
            line_starts: Vec::new(),
            positions_seen: 0,
            file: 0,
            start: Counts::default(),
            title_from: None,
            description_from: None,
            quotes: Vec::new(),
            inline_files: Vec::new(),
            aliases_done: false,
        }
    }

    fn counts(&self) -> Counts {
        Counts {
            actors: self.s.actors.len(),
            issues: self.s.issues.len(),
            relations: self.relations.len(),
            sources: self.s.sources.len(),
            positions: self.positions_seen,
        }
    }

    /// Starts a document in `format`; `text` is needed to turn the byte
    /// offsets some formats report into lines. `path` is its file, if any:
    /// problems then name it, and relative source files are read beside it.
    pub(crate) fn begin(&mut self, format: Format, text: &str, path: Option<&Path>) {
        self.file = self.p.files.len() as u32;
        self.p.files.push(path.map(Path::to_owned));
        if let Some(path) = path {
            self.s.provenance.add_file(path.to_owned());
        }
        self.line_starts = match format {
            Format::Toml => std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            _ => Vec::new(),
        };
        self.start = self.counts();
        self.document_starts.push((self.positions_seen, self.file));
    }

    /// Ends the document begun last, recording where its records came from.
    pub(crate) fn end(&mut self) {
        if self.p.files.last().is_some_and(Option::is_some) {
            let (start, end, file) = (self.start, self.counts(), self.file);
            let prov = &mut self.s.provenance;
            prov.record(Section::Actors, start.actors, end.actors, file);
            prov.record(Section::Issues, start.issues, end.issues, file);
            prov.record(Section::Relations, start.relations, end.relations, file);
            prov.record(Section::Sources, start.sources, end.sources, file);
            prov.record(Section::Positions, start.positions, end.positions, file);
        }
        self.line_starts = Vec::new();
    }

    /// Validates what was read and returns the scenario, or every problem in
    /// file order.
    pub(crate) fn finish(mut self) -> Result<Scenario, Vec<crate::Problem>> {
        self.actors_complete = true;
        self.issues_complete = true;
        if !self.aliases_done {
            self.actor_aliases();
        }
        for (i, (member_of, speaks_for)) in std::mem::take(&mut self.links).into_iter().enumerate()
        {
            self.actor_links(i, member_of, speaks_for);
        }
        for (actor, link, path) in self.s.link_cycles() {
            let record = self.actor_places[actor.index()]
                .rec(Section::Actors, Some(self.s.actor(actor).key()));
            self.p
                .add(record, link.to_owned(), ProblemKind::Cycle { link, path });
        }
        for (raw, place) in std::mem::take(&mut self.relations) {
            self.resolve_relation(raw, place);
        }
        for pending in std::mem::take(&mut self.pending) {
            self.resolve_position(pending.id, pending.raw, pending.place);
        }
        if self.checks.files {
            self.check_files();
        }
        if !self.p.is_empty() {
            return Err(self.p.into_sorted());
        }
        self.assign_keys();
        Ok(self.s)
    }

    /// Checks that source files exist and, if asked, that quotes occur in
    /// them, reporting on the source or position that names the file.
    fn check_files(&mut self) {
        let mut pass = QuotePass::default();
        for (i, source) in self.s.sources.iter().enumerate() {
            if let Some(path) = source.text_path() {
                let place = self.source_places[i];
                pass.need(
                    path,
                    place.rec(Section::Sources, source.key()).owned("file"),
                );
            }
        }
        for (path, target) in std::mem::take(&mut self.inline_files) {
            pass.need(&path, target);
        }
        let jobs = std::mem::take(&mut self.quotes);
        let (starts, lines) = (&self.document_starts, &self.position_lines);
        let problems = pass.run(&jobs, self.checks.quotes, |job| {
            let key = job.key.as_deref();
            place_of(starts, lines, job.id)
                .rec(Section::Positions, key)
                .owned("quote")
        });
        for (target, kind) in problems {
            self.p.add_target(&target, kind);
        }
    }

    // ---- top level ---------------------------------------------------------------

    pub(crate) fn title(&mut self, title: Option<String>) {
        if let Some(title) = title {
            if let Some(first) = self.given_twice(self.title_from) {
                self.p.add(Rec::top(self.file), "title".to_owned(), first);
            } else {
                self.s.title = Some(title);
                self.title_from = Some(self.file);
            }
        }
    }

    pub(crate) fn description(&mut self, description: Option<String>) {
        if let Some(description) = description {
            if let Some(first) = self.given_twice(self.description_from) {
                self.p
                    .add(Rec::top(self.file), "description".to_owned(), first);
            } else {
                self.s.description = Some(description);
                self.description_from = Some(self.file);
            }
        }
    }

    fn given_twice(&self, first: Option<u32>) -> Option<ProblemKind> {
        let first = first?;
        let first_file = self.p.files.get(first as usize).cloned().flatten();
        Some(ProblemKind::GivenTwice {
            first_file: first_file.unwrap_or_default(),
        })
    }

    pub(crate) fn unknown_top_fields(&mut self, unknown: Vec<String>, fields: &[&str]) {
        for key in unknown {
            let suggestion = closest(&key, fields.iter().copied()).map(str::to_owned);
            self.p.add(
                Rec::top(self.file),
                key,
                ProblemKind::UnknownField { suggestion },
            );
        }
    }

    // ---- actors and issues ------------------------------------------------------

    pub(crate) fn actors(&mut self, raw: Vec<(RawActor, Option<u64>)>) {
        for (j, (a, line)) in raw.into_iter().enumerate() {
            let i = self.s.actors.len();
            let place = Place {
                file: self.file,
                index: j,
                line,
            };
            self.actor_places.push(place);
            let id_text = a.id.clone();
            let record = place.rec(Section::Actors, id_text.as_deref());
            self.p.unknown_fields::<RawActor>(record, "", &a.unknown);
            if let Some(key) = &a.id {
                let places = &self.actor_places;
                self.p.key(
                    record,
                    key,
                    ActorId::from_index(i as u32),
                    &mut self.s.actor_keys,
                    ActorId::index,
                    |g| places[g],
                );
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
            self.links
                .push((a.member_of.unwrap_or_default(), a.speaks_for));
        }
        if self.single {
            // One document: every actor is known, so aliases can answer now.
            self.actors_complete = true;
            self.actor_aliases();
            self.aliases_done = true;
        }
    }

    /// Registers every actor's aliases once every actor's id is known, so
    /// that an alias clashing with another actor's id or alias is reported on
    /// the alias, naming the other actor, whichever comes first.
    fn actor_aliases(&mut self) {
        for i in 0..self.s.actors.len() {
            let id = ActorId::from_index(i as u32);
            let key = self.s.actors[i].key.clone();
            for j in 0..self.s.actors[i].aliases.len() {
                let alias = self.s.actors[i].aliases[j].clone();
                if let Err(mut kind) = self.s.register_alias(&alias, id, &key) {
                    if let ProblemKind::AmbiguousAlias { other, .. } = &mut kind
                        && let Some(index) = other.index
                    {
                        other.index = Some(self.actor_places[index].index);
                    }
                    let record = self.actor_places[i].rec(
                        Section::Actors,
                        Some(key.as_str()).filter(|k| !k.is_empty()),
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
        let record = self.actor_places[i].rec(
            Section::Actors,
            Some(s.actors[i].key.as_str()).filter(|k| !k.is_empty()),
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

    pub(crate) fn issues(&mut self, raw: Vec<(RawIssue, Option<u64>)>) {
        if self.single {
            self.issues_complete = true;
        }
        for (j, (x, line)) in raw.into_iter().enumerate() {
            let i = self.s.issues.len();
            let place = Place {
                file: self.file,
                index: j,
                line,
            };
            self.issue_places.push(place);
            let id_text = x.id.clone();
            let record = place.rec(Section::Issues, id_text.as_deref());
            self.p.unknown_fields::<RawIssue>(record, "", &x.unknown);
            if let Some(key) = &x.id {
                let places = &self.issue_places;
                self.p.key(
                    record,
                    key,
                    IssueId::from_index(i as u32),
                    &mut self.s.issue_keys,
                    IssueId::index,
                    |g| places[g],
                );
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

    // ---- relations and sources --------------------------------------------------

    /// Relations are resolved at the end: they may name issues of any file.
    pub(crate) fn relation(&mut self, raw: RawRelation, line: Option<u64>) {
        let place = Place {
            file: self.file,
            index: self.relations.len() - self.start.relations,
            line,
        };
        self.relations.push((raw, place));
    }

    fn resolve_relation(&mut self, raw: RawRelation, place: Place) {
        let (p, s) = (&mut self.p, &mut self.s);
        let record = place.rec(Section::Relations, None);
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

    pub(crate) fn sources(&mut self, raw: Vec<(RawSource, Option<u64>)>) {
        for (j, (x, line)) in raw.into_iter().enumerate() {
            let i = self.s.sources.len();
            let place = Place {
                file: self.file,
                index: j,
                line,
            };
            let id_text = x.id.clone().or_else(|| x.bare.clone());
            let record = place.rec(Section::Sources, id_text.as_deref());
            if x.bare.is_some() {
                self.p.add(
                    record,
                    None,
                    ProblemKind::Invalid {
                        reason: "a source is a mapping with keys id, title, publisher, url, \
                                 date, file",
                    },
                );
                continue;
            }
            self.source_places.push(place);
            if let Some(key) = &x.id {
                let places = &self.source_places;
                self.p.key(
                    record,
                    key,
                    i as u32,
                    &mut self.s.source_keys,
                    |i| i as usize,
                    |g| places[g],
                );
            }
            let key = self.p.required(record, "id", x.id.clone());
            let mut source = self.source_fields(record, "", x, self.file);
            source.key = key;
            self.s.sources.push(Arc::new(source));
        }
    }

    /// The fields every source has, reporting problems under `prefix`;
    /// `file` resolves against the folder of document `document`.
    fn source_fields(
        &mut self,
        record: Rec<'_>,
        prefix: &str,
        x: RawSource,
        document: u32,
    ) -> Source {
        self.p
            .unknown_fields::<RawSource>(record, prefix, &x.unknown);
        // The field's name is only needed for a problem: no allocation per
        // source on the way.
        let date = match x.date {
            None => None,
            some => self.p.date(record, &format!("{prefix}date"), some),
        };
        let text_path = x.file.as_deref().map(|file| {
            let folder = self.p.files.get(document as usize).cloned().flatten();
            match folder.as_deref().and_then(Path::parent) {
                Some(folder) => folder.join(file),
                None => PathBuf::from(file),
            }
        });
        Source {
            key: None,
            title: x.title,
            publisher: x.publisher,
            url: x.url,
            date,
            file: x.file.map(PathBuf::from),
            text_path,
        }
    }

    // ---- positions -----------------------------------------------------------------

    pub(crate) fn position(&mut self, raw: RawPosition, line: Option<u64>) {
        let id = self.positions_seen;
        self.positions_seen += 1;
        self.position_lines
            .push(line.map_or(0, |l| u32::try_from(l).unwrap_or(u32::MAX)));
        let place = Place {
            file: self.file,
            index: id - self.start.positions,
            line,
        };
        if !self.waiting && self.resolvable(&raw) {
            self.resolve_position(id, raw, place);
        } else {
            self.waiting = true;
            self.pending.push(Pending { raw, place, id });
        }
    }

    /// Whether every record the position names has been read (or can no
    /// longer come), so that resolving it now gives what resolving it at the
    /// end would.
    fn resolvable(&self, raw: &RawPosition) -> bool {
        let s = &self.s;
        let actor = |k: &str| self.actors_complete || s.actor_keys.contains_key(k);
        let issue = |k: &str| self.issues_complete || s.issue_keys.contains_key(k);
        raw.actor.as_deref().is_none_or(actor)
            && raw.issue.as_deref().is_none_or(issue)
            && raw.condition.as_deref().is_none_or(|c| {
                c.bare.as_deref().is_none_or(issue) && c.issue.as_deref().is_none_or(issue)
            })
            && raw.source.as_deref().is_none_or(|src| {
                src.bare
                    .as_deref()
                    .is_none_or(|k| s.source_keys.contains_key(k))
            })
    }

    fn resolve_position(&mut self, i: usize, raw: RawPosition, place: Place) {
        let record = place.rec(Section::Positions, raw.id.as_deref());
        self.p
            .unknown_fields::<RawPosition>(record, "", &raw.unknown);
        if let Some(key) = &raw.id {
            let (places, lines) = (&self.document_starts, &self.position_lines);
            self.p.key(
                record,
                key,
                PositionId::from_index(i as u32),
                &mut self.s.position_keys,
                PositionId::index,
                |g| place_of(places, lines, g),
            );
        }
        let source = raw
            .source
            .and_then(|src| self.position_source(record, *src, place.file));
        let (p, s) = (&mut self.p, &mut self.s);
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
        if let (Some(source), Some(quote)) = (&source, &raw.quote)
            && source.text_path.is_some()
            && self.checks.files
        {
            self.quotes.push(PositionQuote {
                id: i,
                key: raw.id.clone(),
                source: Arc::clone(source),
                quote: quote.clone(),
            });
        }
        if let (Some(actor), Some(issue), Some(stance), Some(firmness)) =
            (actor, issue, stance, firmness)
            && p.is_empty()
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

    /// A position's `source`: a declared source's id, or a document given inline.
    fn position_source(
        &mut self,
        record: Rec<'_>,
        raw: RawSource,
        document: u32,
    ) -> Option<Arc<Source>> {
        if let Some(key) = raw.bare {
            let found = self.s.source_keys.get(&key).copied();
            return match found {
                Some(i) => Some(Arc::clone(&self.s.sources[i as usize])),
                None => {
                    self.p.reference(
                        record,
                        || "source".to_owned(),
                        Section::Sources,
                        &key,
                        &self.s.source_keys,
                    );
                    None
                }
            };
        }
        if raw.id.is_some() {
            self.p.add(
                record,
                "source.id".to_owned(),
                ProblemKind::Invalid {
                    reason: "a source given on a position has no id; declare it under \
                             `sources` and give its id as the position's `source`",
                },
            );
        }
        let source = self.source_fields(record, "source.", raw, document);
        if let Some(path) = source.text_path.clone() {
            self.inline_files.push((path, record.owned("source.file")));
        }
        Some(Arc::new(source))
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

/// Where position `id` is, from the first position of each document and
/// every position's line.
fn place_of(document_starts: &[(usize, u32)], lines: &[u32], id: usize) -> Place {
    let after = document_starts.partition_point(|&(start, _)| start <= id);
    let (start, file) = document_starts[after.max(1) - 1];
    let line = lines.get(id).copied().unwrap_or(0);
    Place {
        file,
        index: id - start,
        line: (line > 0).then_some(u64::from(line)),
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
