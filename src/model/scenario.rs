//! The scenario: every actor, issue, relation and position of one analysis,
//! built record by record with every reference checked, and the helpers the
//! file resolver shares with it (key maps, key and relation problems, cycle
//! detection in `member_of` and `speaks_for` links).

use std::collections::HashMap;
use std::sync::Arc;

pub(crate) use super::keys::{
    KeyMap, ambiguous, free_key, key_problem, register_key, relation_problem, span_problem,
};
use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::{
    Actor, ActorId, Condition, Error, Issue, IssueId, Membership, Position, PositionId, Provenance,
    Relation, RelationId, Result, Source,
};

/// Everything known about one situation: actors, issues, the relations between
/// issues, and the positions actors took.
///
/// A scenario is always valid: every reference points to an existing item,
/// keys are unique, no actor is (transitively) a member of itself or speaks
/// for itself, relations have the right number of distinct issues and no
/// position ends before it starts. Build one from a file with
/// [`Scenario::load`] (or [`from_yaml_str`](Scenario::from_yaml_str),
/// [`from_json_str`](Scenario::from_json_str)), or in code with
/// [`Scenario::new`] and the `add_*` methods, which check each addition.
///
/// Items keep the order in which they were added; every iterator yields them
/// in that order, so output is deterministic.
///
/// # Examples
///
/// ```
/// use stancegraph::{Actor, ActorKind, Issue, Membership, Position, Scenario, Stance};
///
/// let mut s = Scenario::new().with_title("Istanbul ceasefire talks");
/// let nato = s.add_actor(Actor::new("nato", "NATO", ActorKind::Alliance))?;
/// let us = s.add_actor(Actor::new("us", "United States", ActorKind::State))?;
/// let kellogg = s.add_actor(
///     Actor::new("kellogg", "Keith Kellogg", ActorKind::Person)
///         .with_role("Special Envoy for Ukraine and Russia"),
/// )?;
/// s.add_membership(us, Membership::new(nato))?;
/// s.set_speaks_for(kellogg, us)?;
/// let freeze = s.add_issue(Issue::new("freeze-expansion", "NATO stops expanding eastward"))?;
/// s.add_position(Position::new(kellogg, freeze, Stance::Support))?;
///
/// assert_eq!(s.principal(kellogg), us);
/// assert_eq!(s.members(nato).collect::<Vec<_>>(), [us]);
/// // A person cannot speak for someone who speaks for them.
/// assert!(s.set_speaks_for(us, kellogg).is_err());
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Scenario {
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) actors: Vec<Actor>,
    pub(crate) issues: Vec<Issue>,
    pub(crate) relations: Vec<Relation>,
    pub(crate) positions: Vec<Position>,
    /// The documents declared in the `sources` list, shared with the
    /// positions that cite them.
    pub(crate) sources: Vec<Arc<Source>>,
    pub(crate) source_keys: KeyMap<u32>,
    /// The file each record was read from (not part of the value).
    pub(crate) provenance: Provenance,
    pub(crate) actor_keys: KeyMap<ActorId>,
    /// Every actor's aliases (never equal to another actor's key or alias).
    pub(crate) actor_aliases: KeyMap<ActorId>,
    pub(crate) issue_keys: KeyMap<IssueId>,
    pub(crate) position_keys: KeyMap<PositionId>,
    /// For each actor and issue, the suffix to try first for the next
    /// assigned key (a cache: not part of the scenario's value).
    pub(crate) next_suffix: HashMap<(ActorId, IssueId), u32, foldhash::fast::RandomState>,
}

/// Two scenarios are equal when they hold the same items in the same order,
/// wherever they were read from.
impl PartialEq for Scenario {
    fn eq(&self, other: &Self) -> bool {
        self.title == other.title
            && self.description == other.description
            && self.actors == other.actors
            && self.issues == other.issues
            && self.relations == other.relations
            && self.sources == other.sources
            && self.positions == other.positions
    }
}

impl Eq for Scenario {}

impl Scenario {
    /// An empty scenario.
    pub fn new() -> Self {
        Scenario::default()
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// The title, if any.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The description, if any.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Where the records were read from (see [`Provenance`]).
    pub fn provenance(&self) -> &Provenance {
        &self.provenance
    }

    // ---- construction -------------------------------------------------------

    /// Adds an actor and returns its id.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when the key is empty, has surrounding white space,
    /// or is already used by another actor, or when the actor already has
    /// memberships or a `speaks_for` link (an actor taken from another
    /// scenario): add those with [`add_membership`](Self::add_membership) and
    /// [`set_speaks_for`](Self::set_speaks_for).
    pub fn add_actor(&mut self, actor: Actor) -> Result<ActorId> {
        let id = ActorId::from_index(next_index(self.actors.len())?);
        let record = RecordRef::new(Section::Actors, id.index(), Some(&actor.key));
        // Links carry ids, which only mean something in the scenario that
        // issued them (an actor cloned from another scenario has foreign ones).
        let link = if !actor.member_of.is_empty() {
            Some("member_of")
        } else if actor.speaks_for.is_some() {
            Some("speaks_for")
        } else {
            None
        };
        if let Some(field) = link {
            return Err(Error::invalid(Problem::new(
                record,
                field.to_owned(),
                ProblemKind::Invalid {
                    reason: "links to other actors are added with add_membership and set_speaks_for",
                },
            )));
        }
        if let Some(&other) = self.actor_aliases.get(&actor.key) {
            return Err(Error::invalid(Problem::new(
                record,
                "id".to_owned(),
                ambiguous(&actor.key, self.actor_ref(other)),
            )));
        }
        register_key(
            &mut self.actor_keys,
            &actor.key,
            id,
            Section::Actors,
            ActorId::index,
        )
        .map_err(|kind| Error::invalid(Problem::new(record.clone(), "id".to_owned(), kind)))?;
        let problems: Vec<Problem> = (actor.aliases.iter().enumerate())
            .filter_map(|(i, alias)| {
                let kind = self.register_alias(alias, id, &actor.key).err()?;
                Some(Problem::new(record.clone(), format!("aliases[{i}]"), kind))
            })
            .collect();
        if !problems.is_empty() {
            // Nothing half-added: the actor's names go with it.
            self.actor_aliases.retain(|_, owner| *owner != id);
            self.actor_keys.remove(&actor.key);
            return Err(Error::Invalid {
                origin: String::new(),
                problems,
            });
        }
        self.actors.push(actor);
        Ok(id)
    }

    /// Adds an issue and returns its id.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when the key is empty, has surrounding white space,
    /// or is already used by another issue.
    pub fn add_issue(&mut self, issue: Issue) -> Result<IssueId> {
        let id = IssueId::from_index(next_index(self.issues.len())?);
        let record = RecordRef::new(Section::Issues, id.index(), Some(&issue.key));
        register_key(
            &mut self.issue_keys,
            &issue.key,
            id,
            Section::Issues,
            IssueId::index,
        )
        .map_err(|kind| Error::invalid(Problem::new(record, "id".to_owned(), kind)))?;
        self.issues.push(issue);
        Ok(id)
    }

    /// Makes `actor` a member of the bloc named in `membership`.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when either id is not from this scenario, the
    /// membership ends before it starts, or the bloc is (transitively) a member
    /// of `actor`, which would make `actor` a member of itself.
    pub fn add_membership(&mut self, actor: ActorId, membership: Membership) -> Result<()> {
        self.check_actor(actor)?;
        self.check_actor(membership.bloc)?;
        let record = self.actor_record(actor);
        let field = format!("member_of[{}]", self.actors[actor.index()].member_of.len());
        if let Some(kind) = span_problem(("since", membership.since), ("until", membership.until)) {
            return Err(Error::invalid(Problem::new(record, field, kind)));
        }
        self.actors[actor.index()].member_of.push(membership);
        if let Some(path) = self.membership_cycle_from(actor) {
            self.actors[actor.index()].member_of.pop();
            return Err(Error::invalid(Problem::new(
                record,
                field,
                ProblemKind::Cycle {
                    link: "member_of",
                    path,
                },
            )));
        }
        Ok(())
    }

    /// Records that `speaker` speaks for `principal` (the role, if any, is the
    /// speaker's own: [`Actor::with_role`]).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when either id is not from this scenario or the
    /// link would close a cycle (`principal` speaks, directly or through
    /// others, for `speaker`).
    pub fn set_speaks_for(&mut self, speaker: ActorId, principal: ActorId) -> Result<()> {
        self.check_actor(speaker)?;
        self.check_actor(principal)?;
        let previous = self.actors[speaker.index()].speaks_for.replace(principal);
        if let Some(path) = self.speaks_for_cycle_from(speaker) {
            self.actors[speaker.index()].speaks_for = previous;
            return Err(Error::invalid(Problem::new(
                self.actor_record(speaker),
                "speaks_for".to_owned(),
                ProblemKind::Cycle {
                    link: "speaks_for",
                    path,
                },
            )));
        }
        Ok(())
    }

    /// Adds a relation between issues and returns its id.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when an issue id is not from this scenario, the
    /// relation has the wrong number of issues for its kind, or names an issue
    /// twice.
    pub fn add_relation(&mut self, relation: Relation) -> Result<RelationId> {
        let id = RelationId::from_index(next_index(self.relations.len())?);
        for &issue in &relation.issues {
            self.check_issue(issue)?;
        }
        let record = RecordRef::new(Section::Relations, id.index(), None);
        let keys: Vec<&str> = relation
            .issues
            .iter()
            .map(|i| self.issues[i.index()].key.as_str())
            .collect();
        if let Some(kind) = relation_problem(relation.kind, &keys) {
            return Err(Error::invalid(Problem::new(
                record,
                "issues".to_owned(),
                kind,
            )));
        }
        self.relations.push(relation);
        Ok(id)
    }

    /// Declares a source that positions can cite by its key (the `sources`
    /// list of a scenario file).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when the source has no key, or its key is invalid
    /// or taken.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Actor, ActorKind, Issue, Position, Scenario, Source, Stance};
    ///
    /// let mut s = Scenario::new();
    /// s.add_source(Source::new().with_key("moscow-times").with_title("US Offers to Freeze NATO Expansion"))?;
    /// let rutte = s.add_actor(Actor::new("rutte", "Mark Rutte", ActorKind::Person))?;
    /// let join = s.add_issue(Issue::new("join", "Ukraine joins NATO"))?;
    /// let cited = s.source("moscow-times").unwrap().clone();
    /// let p = s.add_position(Position::new(rutte, join, Stance::Support).with_source(cited))?;
    /// assert_eq!(s.position(p).source().and_then(|x| x.key()), Some("moscow-times"));
    /// assert!(s.add_source(Source::new().with_title("no key")).is_err());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn add_source(&mut self, source: Source) -> Result<()> {
        let index = next_index(self.sources.len())?;
        let record = RecordRef::new(Section::Sources, index as usize, source.key());
        let Some(key) = source.key.as_deref() else {
            return Err(Error::invalid(Problem::new(
                record,
                "id".to_owned(),
                ProblemKind::MissingField,
            )));
        };
        register_key(&mut self.source_keys, key, index, Section::Sources, |i| {
            i as usize
        })
        .map_err(|kind| Error::invalid(Problem::new(record, "id".to_owned(), kind)))?;
        self.sources.push(Arc::new(source));
        Ok(())
    }

    /// The source declared with `key`.
    pub fn source(&self, key: &str) -> Option<&Source> {
        let &index = self.source_keys.get(key)?;
        Some(&self.sources[index as usize])
    }

    /// Every declared source, in order (sources given inline on a position
    /// are not listed).
    pub fn sources(&self) -> impl ExactSizeIterator<Item = &Source> + '_ {
        self.sources.iter().map(|s| &**s)
    }

    /// Adds a position and returns its id. A position without a key gets
    /// `actor:issue` (or `actor:issue:2`, `:3`, … when taken).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when the actor, issue or condition issue is not from
    /// this scenario, `until` is before `date`, the key is invalid or taken,
    /// or the source has a key but is not the declared source of that key
    /// (see [`add_source`](Self::add_source)).
    pub fn add_position(&mut self, position: Position) -> Result<PositionId> {
        let id = PositionId::from_index(next_index(self.positions.len())?);
        self.check_actor(position.actor)?;
        self.check_issue(position.issue)?;
        if let Some(Condition::Issue(issue)) = &position.condition {
            self.check_issue(*issue)?;
        }
        let record = RecordRef::new(Section::Positions, id.index(), position.key.as_deref());
        let mut position = position;
        if let Some(cited) = &position.source
            && let Some(key) = cited.key.clone()
        {
            // A cited source is the declared one, shared, not a copy.
            let kind = match self.source_keys.get(&key) {
                Some(&i) if *self.sources[i as usize] == **cited => None,
                Some(_) => Some(ProblemKind::Invalid {
                    reason: "the source differs from the declared source of its key",
                }),
                None => Some(ProblemKind::UnknownReference {
                    target: Section::Sources,
                    key: key.clone(),
                    suggestion: None,
                }),
            };
            if let Some(kind) = kind {
                return Err(Error::invalid(Problem::new(
                    record,
                    "source".to_owned(),
                    kind,
                )));
            }
            position.source = Some(Arc::clone(&self.sources[self.source_keys[&key] as usize]));
        }
        if let Some(kind) = span_problem(("date", position.date), ("until", position.until)) {
            return Err(Error::invalid(Problem::new(
                record,
                "until".to_owned(),
                kind,
            )));
        }
        match &position.key {
            Some(key) => register_key(
                &mut self.position_keys,
                key,
                id,
                Section::Positions,
                PositionId::index,
            )
            .map_err(|kind| Error::invalid(Problem::new(record, "id".to_owned(), kind)))?,
            None => {
                let base = self.generated_key_base(&position);
                // Start after the last suffix given to this pair, so that
                // many positions of one pair cost no repeated probing.
                let pair = (position.actor, position.issue);
                let start = self.next_suffix.get(&pair).copied().unwrap_or(1);
                let (key, next) = free_key(&base, start, &self.position_keys);
                self.next_suffix.insert(pair, next);
                self.position_keys.insert(key.clone(), id);
                position.key = Some(key);
            }
        }
        self.positions.push(position);
        Ok(id)
    }

    pub(crate) fn generated_key_base(&self, position: &Position) -> String {
        format!(
            "{}:{}",
            self.actors[position.actor.index()].key,
            self.issues[position.issue.index()].key
        )
    }

    // ---- access ---------------------------------------------------------------

    /// The actor with `id`.
    ///
    /// # Panics
    ///
    /// When `id` is not from this scenario; see [`get_actor`](Self::get_actor).
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.index()]
    }

    /// The actor with `id`, or `None` when the id is not from this scenario.
    pub fn get_actor(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id.index())
    }

    /// The issue with `id`.
    ///
    /// # Panics
    ///
    /// When `id` is not from this scenario; see [`get_issue`](Self::get_issue).
    pub fn issue(&self, id: IssueId) -> &Issue {
        &self.issues[id.index()]
    }

    /// The issue with `id`, or `None` when the id is not from this scenario.
    pub fn get_issue(&self, id: IssueId) -> Option<&Issue> {
        self.issues.get(id.index())
    }

    /// The relation with `id`.
    ///
    /// # Panics
    ///
    /// When `id` is not from this scenario.
    pub fn relation(&self, id: RelationId) -> &Relation {
        &self.relations[id.index()]
    }

    /// The position with `id`.
    ///
    /// # Panics
    ///
    /// When `id` is not from this scenario; see [`get_position`](Self::get_position).
    pub fn position(&self, id: PositionId) -> &Position {
        &self.positions[id.index()]
    }

    /// The position with `id`, or `None` when the id is not from this scenario.
    pub fn get_position(&self, id: PositionId) -> Option<&Position> {
        self.positions.get(id.index())
    }

    /// The id of the actor whose key is `key`, or failing that, whose
    /// aliases include `key` (no two actors answer to the same name).
    ///
    /// # Examples
    ///
    /// ```
    /// let s = stancegraph::Scenario::from_yaml_str(
    ///     "actors: [{id: us, name: United States, kind: state, aliases: [USA]}]",
    /// )?;
    /// assert_eq!(s.actor_id("USA"), s.actor_id("us"));
    /// assert_eq!(s.actor_id("usa"), None);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn actor_id(&self, key: &str) -> Option<ActorId> {
        self.actor_keys
            .get(key)
            .or_else(|| self.actor_aliases.get(key))
            .copied()
    }

    /// The record of an actor already added, for problem reports.
    pub(crate) fn actor_ref(&self, id: ActorId) -> RecordRef {
        RecordRef::new(
            Section::Actors,
            id.index(),
            self.actors.get(id.index()).map(|a| a.key.as_str()),
        )
    }

    /// Lets actor `id` (whose key is `key`) answer to `alias`, or says why it
    /// cannot: not a usable key, or another actor's key or alias already. An
    /// alias equal to the actor's own key is no new name and is not stored.
    pub(crate) fn register_alias(
        &mut self,
        alias: &str,
        id: ActorId,
        key: &str,
    ) -> Result<(), ProblemKind> {
        if alias == key {
            return Ok(());
        }
        if let Some(kind) = key_problem(alias) {
            return Err(kind);
        }
        let taken = (self.actor_keys.get(alias))
            .or_else(|| self.actor_aliases.get(alias))
            .copied()
            .filter(|&other| other != id);
        if let Some(other) = taken {
            return Err(ambiguous(alias, self.actor_ref(other)));
        }
        self.actor_aliases.insert(alias.to_owned(), id);
        Ok(())
    }

    /// The id of the issue whose key is `key`.
    pub fn issue_id(&self, key: &str) -> Option<IssueId> {
        self.issue_keys.get(key).copied()
    }

    /// The id of the position whose key is `key`.
    pub fn position_id(&self, key: &str) -> Option<PositionId> {
        self.position_keys.get(key).copied()
    }

    /// Every actor with its id, in order.
    pub fn actors(&self) -> impl ExactSizeIterator<Item = (ActorId, &Actor)> + '_ {
        self.actors
            .iter()
            .enumerate()
            .map(|(i, a)| (ActorId::from_index(i as u32), a))
    }

    /// Every issue with its id, in order.
    pub fn issues(&self) -> impl ExactSizeIterator<Item = (IssueId, &Issue)> + '_ {
        self.issues
            .iter()
            .enumerate()
            .map(|(i, x)| (IssueId::from_index(i as u32), x))
    }

    /// Every relation with its id, in order.
    pub fn relations(&self) -> impl ExactSizeIterator<Item = (RelationId, &Relation)> + '_ {
        self.relations
            .iter()
            .enumerate()
            .map(|(i, r)| (RelationId::from_index(i as u32), r))
    }

    /// Every position with its id, in order.
    pub fn positions(&self) -> impl ExactSizeIterator<Item = (PositionId, &Position)> + '_ {
        self.positions
            .iter()
            .enumerate()
            .map(|(i, p)| (PositionId::from_index(i as u32), p))
    }

    /// The relations that involve `issue`, in order.
    ///
    /// # Complexity
    ///
    /// O(total size of all relations).
    pub fn relations_of(&self, issue: IssueId) -> impl Iterator<Item = (RelationId, &Relation)> {
        self.relations()
            .filter(move |(_, r)| r.issues.contains(&issue))
    }

    // ---- links ------------------------------------------------------------------

    /// The actor at the top of `actor`'s `speaks_for` chain: the state an envoy
    /// speaks for, the alliance a secretary general speaks for. An actor that
    /// speaks for nobody is its own principal.
    ///
    /// # Complexity
    ///
    /// O(length of the chain).
    pub fn principal(&self, actor: ActorId) -> ActorId {
        let mut current = actor;
        // Scenarios are acyclic, so the chain ends; the bound only guards
        // against misuse of ids from another scenario.
        for _ in 0..=self.actors.len() {
            match self.actors.get(current.index()).and_then(|a| a.speaks_for) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    /// The chain of actors `actor` speaks for, nearest first (empty for an
    /// actor that speaks for nobody).
    pub fn speaks_for_chain(&self, actor: ActorId) -> Vec<ActorId> {
        let mut chain = Vec::new();
        let mut current = actor;
        while let Some(next) = self.get_actor(current).and_then(|a| a.speaks_for) {
            if chain.len() > self.actors.len() {
                break;
            }
            chain.push(next);
            current = next;
        }
        chain
    }

    /// The actors that speak directly for `principal`, in order.
    pub fn spokespeople(&self, principal: ActorId) -> impl Iterator<Item = ActorId> + '_ {
        self.actors()
            .filter(move |(_, a)| a.speaks_for == Some(principal))
            .map(|(id, _)| id)
    }

    /// The direct members of `bloc` (at any time), in order.
    ///
    /// # Complexity
    ///
    /// O(number of memberships in the scenario).
    pub fn members(&self, bloc: ActorId) -> impl Iterator<Item = ActorId> + '_ {
        self.actors()
            .filter(move |(_, a)| a.member_of.iter().any(|m| m.bloc == bloc))
            .map(|(id, _)| id)
    }

    /// The direct members of `bloc` on `date`, in order.
    pub fn members_on(
        &self,
        bloc: ActorId,
        date: crate::Date,
    ) -> impl Iterator<Item = ActorId> + '_ {
        self.actors()
            .filter(move |(_, a)| {
                a.member_of
                    .iter()
                    .any(|m| m.bloc == bloc && m.holds_on(date))
            })
            .map(|(id, _)| id)
    }

    // ---- checks -------------------------------------------------------------------

    fn check_actor(&self, id: ActorId) -> Result<()> {
        check_id(id.index(), self.actors.len(), Section::Actors, id)
    }

    fn check_issue(&self, id: IssueId) -> Result<()> {
        check_id(id.index(), self.issues.len(), Section::Issues, id)
    }

    fn actor_record(&self, id: ActorId) -> RecordRef {
        RecordRef::new(
            Section::Actors,
            id.index(),
            Some(&self.actors[id.index()].key),
        )
    }

    /// Every `speaks_for` and `member_of` cycle, each once, at its
    /// lowest-numbered actor, with the actor keys along it.
    ///
    /// # Complexity
    ///
    /// O(actors + memberships).
    pub(crate) fn link_cycles(&self) -> Vec<(ActorId, &'static str, Vec<String>)> {
        let key = |a: ActorId| self.actors[a.index()].key.clone();
        let mut found = Vec::new();

        // speaks_for: each actor has at most one outgoing link, so a walk
        // from every unvisited actor finds each cycle exactly once.
        const NEW: u8 = 0;
        const ON_PATH: u8 = 1;
        const DONE: u8 = 2;
        let mut state = vec![NEW; self.actors.len()];
        for (start, _) in self.actors() {
            let mut path = Vec::new();
            let mut current = Some(start);
            while let Some(a) = current {
                match state[a.index()] {
                    NEW => {
                        state[a.index()] = ON_PATH;
                        path.push(a);
                        current = self.actors[a.index()].speaks_for;
                    }
                    ON_PATH => {
                        let at = path.iter().position(|&x| x == a).unwrap_or(0);
                        let cycle = &path[at..];
                        let first = cycle
                            .iter()
                            .enumerate()
                            .min_by_key(|(_, x)| **x)
                            .map_or(0, |(i, _)| i);
                        let mut keys: Vec<String> = cycle[first..]
                            .iter()
                            .chain(&cycle[..first])
                            .map(|&x| key(x))
                            .collect();
                        keys.push(key(cycle[first]));
                        found.push((cycle[first], "speaks_for", keys));
                        break;
                    }
                    _ => break,
                }
            }
            for a in path {
                state[a.index()] = DONE;
            }
        }

        // member_of: strongly connected components hold the cycles; report
        // one cycle per component (a self-membership is a component too).
        let mut graph: petgraph::graph::DiGraph<(), ()> =
            petgraph::graph::DiGraph::with_capacity(self.actors.len(), 0);
        for _ in &self.actors {
            graph.add_node(());
        }
        for (id, actor) in self.actors() {
            for m in &actor.member_of {
                graph.add_edge(
                    petgraph::graph::NodeIndex::new(id.index()),
                    petgraph::graph::NodeIndex::new(m.bloc.index()),
                    (),
                );
            }
        }
        let mut components: Vec<Vec<ActorId>> = petgraph::algo::tarjan_scc(&graph)
            .into_iter()
            .map(|c| {
                let mut c: Vec<ActorId> = c
                    .into_iter()
                    .map(|n| ActorId::from_index(n.index() as u32))
                    .collect();
                c.sort_unstable();
                c
            })
            .filter(|c| {
                c.len() > 1
                    || self.actors[c[0].index()]
                        .member_of
                        .iter()
                        .any(|m| m.bloc == c[0])
            })
            .collect();
        components.sort_unstable();
        for component in components {
            if let Some(path) = self.membership_cycle_from(component[0]) {
                found.push((component[0], "member_of", path));
            }
        }
        found.sort_by_key(|(actor, link, _)| (*actor, *link));
        found
    }

    /// A `speaks_for` cycle through `start`, as actor keys, if there is one.
    pub(crate) fn speaks_for_cycle_from(&self, start: ActorId) -> Option<Vec<String>> {
        let mut path = vec![start];
        let mut current = start;
        while let Some(next) = self.actors[current.index()].speaks_for {
            if let Some(at) = path.iter().position(|&a| a == next) {
                let mut cycle: Vec<String> = path[at..]
                    .iter()
                    .map(|a| self.actors[a.index()].key.clone())
                    .collect();
                cycle.push(self.actors[next.index()].key.clone());
                return Some(cycle);
            }
            path.push(next);
            current = next;
        }
        None
    }

    /// A `member_of` cycle through `start`, as actor keys, if there is one.
    pub(crate) fn membership_cycle_from(&self, start: ActorId) -> Option<Vec<String>> {
        // Depth-first search for a path from one of start's blocs back to start.
        let mut parent: HashMap<ActorId, ActorId> = HashMap::new();
        let mut stack: Vec<ActorId> = vec![start];
        while let Some(current) = stack.pop() {
            for m in &self.actors[current.index()].member_of {
                if m.bloc == start {
                    let mut path = vec![current];
                    let mut at = current;
                    while at != start {
                        at = parent[&at];
                        path.push(at);
                    }
                    path.reverse();
                    let mut keys: Vec<String> = path
                        .iter()
                        .map(|a| self.actors[a.index()].key.clone())
                        .collect();
                    keys.push(self.actors[start.index()].key.clone());
                    return Some(keys);
                }
                if m.bloc != current && !parent.contains_key(&m.bloc) {
                    parent.insert(m.bloc, current);
                    stack.push(m.bloc);
                }
            }
        }
        None
    }

    /// When each position holds, indexed by position (`holdings()[id.index()]`).
    ///
    /// See [`Holding`](crate::Holding) for the rule.
    ///
    /// # Complexity
    ///
    /// O(P log P) for P positions.
    pub fn holdings(&self) -> Vec<crate::Holding> {
        crate::model::holding::holdings(self)
    }
}

fn next_index(len: usize) -> Result<u32> {
    u32::try_from(len).map_err(|_| {
        Error::invalid(Problem::new(
            RecordRef::top(),
            None,
            ProblemKind::InvalidKey {
                key: len.to_string(),
                reason: "a scenario holds at most 4,294,967,295 items of each kind",
            },
        ))
    })
}

fn check_id(index: usize, len: usize, target: Section, id: impl std::fmt::Display) -> Result<()> {
    if index < len {
        Ok(())
    } else {
        Err(Error::invalid(Problem::new(
            RecordRef::top(),
            None,
            ProblemKind::NoSuchId {
                target,
                id: id.to_string(),
            },
        )))
    }
}

/// Why `key` cannot be a key, if it cannot.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorKind, RelationKind, Stance};

    fn two_actors() -> (Scenario, ActorId, ActorId) {
        let mut s = Scenario::new();
        let a = s.add_actor(Actor::new("a", "A", ActorKind::State)).unwrap();
        let b = s
            .add_actor(Actor::new("b", "B", ActorKind::Alliance))
            .unwrap();
        (s, a, b)
    }

    #[test]
    fn duplicate_and_invalid_keys_are_rejected() {
        let (mut s, _, _) = two_actors();
        let e = s
            .add_actor(Actor::new("a", "again", ActorKind::State))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "actors[2] (a), field `id`: duplicate id `a`, first used by actors[0] (a)"
        );
        assert!(
            s.add_actor(Actor::new(" x", "X", ActorKind::State))
                .is_err()
        );
        assert!(s.add_issue(Issue::new("", "empty")).is_err());
        assert_eq!(s.actors().len(), 2);
    }

    #[test]
    fn membership_cycles_are_rejected_and_rolled_back() {
        let (mut s, a, b) = two_actors();
        s.add_membership(a, Membership::new(b)).unwrap();
        let e = s.add_membership(b, Membership::new(a)).unwrap_err();
        assert!(
            e.to_string().contains("`member_of` cycle: b -> a -> b"),
            "{e}"
        );
        assert!(s.actor(b).memberships().is_empty());
        assert!(s.add_membership(a, Membership::new(a)).is_err());
    }

    #[test]
    fn speaks_for_chains_lead_to_the_principal() {
        let (mut s, a, b) = two_actors();
        let c = s
            .add_actor(Actor::new("c", "C", ActorKind::Person))
            .unwrap();
        s.set_speaks_for(c, a).unwrap();
        s.set_speaks_for(a, b).unwrap();
        assert_eq!(s.principal(c), b);
        assert_eq!(s.speaks_for_chain(c), [a, b]);
        assert_eq!(s.spokespeople(a).collect::<Vec<_>>(), [c]);
        let e = s.set_speaks_for(b, c).unwrap_err();
        assert!(
            e.to_string()
                .contains("`speaks_for` cycle: b -> c -> a -> b"),
            "{e}"
        );
        assert_eq!(s.actor(b).speaks_for(), None);
    }

    #[test]
    fn positions_get_deterministic_keys() {
        let (mut s, a, _) = two_actors();
        let x = s.add_issue(Issue::new("x", "X")).unwrap();
        let p1 = s
            .add_position(Position::new(a, x, Stance::Support))
            .unwrap();
        let p2 = s.add_position(Position::new(a, x, Stance::Oppose)).unwrap();
        assert_eq!(s.position(p1).key(), "a:x");
        assert_eq!(s.position(p2).key(), "a:x:2");
        assert_eq!(s.position_id("a:x:2"), Some(p2));
        assert!(
            s.add_position(Position::new(a, x, Stance::Neutral).with_key("a:x"))
                .is_err()
        );
    }

    #[test]
    fn relations_need_enough_distinct_issues() {
        let mut s = Scenario::new();
        let x = s.add_issue(Issue::new("x", "X")).unwrap();
        let y = s.add_issue(Issue::new("y", "Y")).unwrap();
        assert!(
            s.add_relation(Relation::new(RelationKind::Implies, [x]))
                .is_err()
        );
        let e = s
            .add_relation(Relation::new(RelationKind::Incompatible, [x, y, x]))
            .unwrap_err();
        assert!(
            e.to_string().contains("issue `x` appears more than once"),
            "{e}"
        );
        assert!(
            s.add_relation(Relation::new(RelationKind::Incompatible, [x, y]))
                .is_ok()
        );
        let foreign = IssueId::from_index(9);
        assert!(
            s.add_relation(Relation::new(RelationKind::Excludes, [x, foreign]))
                .is_err()
        );
    }
}
