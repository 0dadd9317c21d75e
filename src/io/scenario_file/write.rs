//! The scenario as written to files: a documented stand-in, never internals.

use serde::Serialize;

use crate::{Condition, Date, Scenario, Source};

#[derive(Serialize)]
pub(crate) struct OutScenario<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    actors: Vec<OutActor<'a>>,
    issues: Vec<OutIssue<'a>>,
    relations: Vec<OutRelation<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<OutSource<'a>>,
    positions: Vec<OutPosition<'a>>,
}

#[derive(Serialize)]
struct OutActor<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    member_of: Vec<OutMembership<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaks_for: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum OutMembership<'a> {
    Plain(&'a str),
    Dated {
        actor: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        since: Option<Date>,
        #[serde(skip_serializing_if = "Option::is_none")]
        until: Option<Date>,
    },
}

#[derive(Serialize)]
struct OutIssue<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
}

#[derive(Serialize)]
struct OutRelation<'a> {
    kind: &'static str,
    issues: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct OutPosition<'a> {
    id: &'a str,
    actor: &'a str,
    issue: &'a str,
    stance: &'static str,
    firmness: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    condition: Option<OutCondition<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    until: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<OutCited<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum OutCondition<'a> {
    Issue(&'a str),
    Text { text: &'a str },
}

/// A position's source: a declared source's key, or the document inline.
#[derive(Serialize)]
#[serde(untagged)]
enum OutCited<'a> {
    Key(&'a str),
    Inline(OutSource<'a>),
}

#[derive(Serialize)]
struct OutSource<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
}

impl<'a> OutSource<'a> {
    fn new(src: &'a Source) -> Self {
        OutSource {
            id: src.key(),
            title: src.title(),
            publisher: src.publisher(),
            url: src.url(),
            date: src.date(),
            file: src.file().map(|f| f.to_string_lossy().into_owned()),
        }
    }
}

impl<'a> OutScenario<'a> {
    pub(crate) fn new(s: &'a Scenario) -> Self {
        let actor_key = |id: crate::ActorId| s.actor(id).key();
        let issue_key = |id: crate::IssueId| s.issue(id).key();
        OutScenario {
            title: s.title(),
            description: s.description(),
            actors: s
                .actors
                .iter()
                .map(|a| OutActor {
                    id: &a.key,
                    name: &a.name,
                    kind: a.kind.as_str(),
                    aliases: &a.aliases,
                    member_of: a
                        .member_of
                        .iter()
                        .map(|m| match (m.since(), m.until()) {
                            (None, None) => OutMembership::Plain(actor_key(m.bloc())),
                            (since, until) => OutMembership::Dated {
                                actor: actor_key(m.bloc()),
                                since,
                                until,
                            },
                        })
                        .collect(),
                    speaks_for: a.speaks_for.map(actor_key),
                    role: a.role.as_deref(),
                })
                .collect(),
            issues: s
                .issues
                .iter()
                .map(|x| OutIssue {
                    id: &x.key,
                    name: &x.name,
                    description: x.description.as_deref(),
                    tags: &x.tags,
                })
                .collect(),
            relations: s
                .relations
                .iter()
                .map(|r| OutRelation {
                    kind: r.kind.as_str(),
                    issues: r.issues.iter().map(|&i| issue_key(i)).collect(),
                    note: r.note.as_deref(),
                })
                .collect(),
            sources: s.sources().map(OutSource::new).collect(),
            positions: s
                .positions
                .iter()
                .map(|p| OutPosition {
                    id: p.key(),
                    actor: actor_key(p.actor),
                    issue: issue_key(p.issue),
                    stance: p.stance.as_str(),
                    firmness: p.firmness.as_str(),
                    condition: p.condition.as_ref().map(|c| match c {
                        Condition::Issue(i) => OutCondition::Issue(issue_key(*i)),
                        Condition::Text(text) => OutCondition::Text { text },
                    }),
                    date: p.date,
                    until: p.until,
                    source: p.source.as_deref().map(|src| match src.key() {
                        Some(key) => OutCited::Key(key),
                        None => OutCited::Inline(OutSource::new(src)),
                    }),
                    quote: p.quote.as_deref(),
                    note: p.note.as_deref(),
                })
                .collect(),
        }
    }
}
