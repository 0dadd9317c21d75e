//! Actors: states, alliances, organisations and the people who speak for them.

use crate::util::keyword::keyword_enum;
use crate::{ActorId, Date};

keyword_enum! {
    /// What sort of actor an [`Actor`] is.
    ///
    /// The kind is descriptive: membership and attribution are set explicitly
    /// with `member_of` and `speaks_for`, whatever the kind.
    ActorKind, "actor kind" {
        /// A sovereign state (`state`).
        State => "state",
        /// An alliance or bloc of states (`alliance`), e.g. NATO.
        Alliance => "alliance",
        /// An organisation: party, ministry, NGO, company (`organization`).
        Organization => "organization",
        /// A natural person (`person`), usually speaking for another actor.
        Person => "person",
        /// An informal group or movement (`group`).
        Group => "group",
        /// Anything else (`other`).
        Other => "other",
    }
}

/// An actor's membership of a bloc, optionally bounded in time.
///
/// Both bounds are inclusive; a missing bound is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub(crate) bloc: ActorId,
    pub(crate) since: Option<Date>,
    pub(crate) until: Option<Date>,
}

impl Membership {
    /// Membership of `bloc` without time bounds.
    pub fn new(bloc: ActorId) -> Self {
        Membership {
            bloc,
            since: None,
            until: None,
        }
    }

    /// Sets the first day of membership.
    pub fn with_since(mut self, since: Date) -> Self {
        self.since = Some(since);
        self
    }

    /// Sets the last day of membership.
    pub fn with_until(mut self, until: Date) -> Self {
        self.until = Some(until);
        self
    }

    /// The bloc the actor belongs to.
    pub fn bloc(&self) -> ActorId {
        self.bloc
    }

    /// The first day of membership, if known.
    pub fn since(&self) -> Option<Date> {
        self.since
    }

    /// The last day of membership, if it ended.
    pub fn until(&self) -> Option<Date> {
        self.until
    }

    /// Whether the membership holds on `date` (bounds inclusive).
    pub fn holds_on(&self, date: Date) -> bool {
        self.since.is_none_or(|s| s <= date) && self.until.is_none_or(|u| date <= u)
    }
}

/// Someone or something that takes positions: a state, an alliance, an
/// organisation, or a person speaking for one of them.
///
/// Build one with [`Actor::new`] and the `with_*` methods, then add it with
/// [`Scenario::add_actor`](crate::Scenario::add_actor). Links to other actors
/// are set through the scenario, which checks them:
/// [`add_membership`](crate::Scenario::add_membership) and
/// [`set_speaks_for`](crate::Scenario::set_speaks_for).
///
/// # Examples
///
/// ```
/// use stancegraph::{Actor, ActorKind};
///
/// let rutte = Actor::new("rutte", "Mark Rutte", ActorKind::Person)
///     .with_alias("Rutte")
///     .with_role("NATO Secretary General");
/// assert_eq!(rutte.key(), "rutte");
/// assert_eq!(rutte.aliases(), ["Rutte"]);
/// assert_eq!(rutte.role(), Some("NATO Secretary General"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) kind: ActorKind,
    pub(crate) aliases: Vec<String>,
    pub(crate) member_of: Vec<Membership>,
    pub(crate) speaks_for: Option<ActorId>,
    pub(crate) role: Option<String>,
}

impl Actor {
    /// An actor with its key (the file's `id`), display name and kind.
    pub fn new(key: impl Into<String>, name: impl Into<String>, kind: ActorKind) -> Self {
        Actor {
            key: key.into(),
            name: name.into(),
            kind,
            aliases: Vec::new(),
            member_of: Vec::new(),
            speaks_for: None,
            role: None,
        }
    }

    /// Adds another name the actor is known by.
    pub fn with_alias(mut self, alias: impl Into<String>) -> Self {
        self.aliases.push(alias.into());
        self
    }

    /// Sets the role in which the actor speaks, e.g. `NATO Secretary General`.
    pub fn with_role(mut self, role: impl Into<String>) -> Self {
        self.role = Some(role.into());
        self
    }

    /// The key that identifies the actor in files (`id`).
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The display name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The kind of actor.
    pub fn kind(&self) -> ActorKind {
        self.kind
    }

    /// Other names, in file order.
    pub fn aliases(&self) -> &[String] {
        &self.aliases
    }

    /// The blocs this actor belongs to, in file order.
    pub fn memberships(&self) -> &[Membership] {
        &self.member_of
    }

    /// The actor this one speaks for (an envoy's state, a secretary general's
    /// alliance), if any.
    pub fn speaks_for(&self) -> Option<ActorId> {
        self.speaks_for
    }

    /// The role in which the actor speaks, e.g. `Special Envoy for Ukraine and Russia`.
    pub fn role(&self) -> Option<&str> {
        self.role.as_deref()
    }
}
