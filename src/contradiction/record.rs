//! Contradictions: sets of positions that cannot all hold, with their explanation.

use std::fmt;

use crate::util::keyword::keyword_enum;
use crate::util::words::{capitalize, join_names};
use crate::{
    ActorId, Condition, Date, Firmness, IssueId, PositionId, RelationId, RelationKind, Scenario,
};

keyword_enum! {
    /// What kind of contradiction a [`Contradiction`] is. The keywords are
    /// part of the JSON output.
    ///
    /// Ordered as listed; results are sorted by severity, then kind.
    ContradictionKind, "contradiction kind" {
        /// `self_contradiction`: one principal's positions (directly or
        /// through its spokespeople) cannot all hold.
        SelfContradiction => "self_contradiction",
        /// `member_vs_bloc`: positions of a bloc and of one or more of its
        /// members (at that time) cannot all hold, and the set needs both.
        MemberVsBloc => "member_vs_bloc",
        /// `between_allies`: principals that are all members of a common bloc
        /// at that time hold positions that cannot all hold together.
        BetweenAllies => "between_allies",
        /// `deadlock`: principals that are not allies each hold a red line,
        /// and the red lines cannot all hold: no deal unless one moves.
        Deadlock => "deadlock",
        /// `reversal`: a principal's later position on an issue opposes its
        /// earlier one (superseded, not simultaneous).
        Reversal => "reversal",
    }
}

keyword_enum! {
    /// How grave a [`Contradiction`] is, from most to least.
    ///
    /// `critical` when a red line is involved; `high` when every position
    /// is firm; `medium` when a negotiable position is involved and no red
    /// line. A reversal is ranked by the firmness of the position abandoned.
    Severity, "severity" {
        /// `critical`: a red line is involved (or, for a reversal, abandoned).
        Critical => "critical",
        /// `high`: every position involved is firm.
        High => "high",
        /// `medium`: a negotiable position is involved and no red line.
        Medium => "medium",
    }
}

impl Severity {
    /// The severity of a set of positions with these firmnesses.
    pub fn of(firmness: impl IntoIterator<Item = Firmness>) -> Severity {
        let mut severity = Severity::High;
        for f in firmness {
            match f {
                Firmness::RedLine => return Severity::Critical,
                Firmness::Negotiable => severity = Severity::Medium,
                Firmness::Firm => {}
            }
        }
        severity
    }
}

/// One step of the reasoning that makes a set of positions contradictory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Step {
    /// A position taken (its speaker, stance, firmness, date and quote are on
    /// the position).
    Position(PositionId),
    /// A speaker's words count for whom they speak for.
    SpeaksFor {
        /// The speaker.
        speaker: ActorId,
        /// Whom the speaker speaks for (one link of the chain).
        principal: ActorId,
    },
    /// A member belongs to a bloc at the time of the contradiction.
    Membership {
        /// The member.
        member: ActorId,
        /// The bloc.
        bloc: ActorId,
        /// The index of the membership in [`Actor::memberships`](crate::Actor::memberships).
        index: usize,
    },
    /// An `implies` or `equivalent` relation carries one issue to another.
    Implies {
        /// The relation used.
        relation: RelationId,
        /// The issue it starts from.
        from: IssueId,
        /// The issue it leads to.
        to: IssueId,
    },
    /// An `excludes` or `incompatible` relation forbids these issues from
    /// all holding.
    Excludes {
        /// The relation violated.
        relation: RelationId,
    },
    /// A position opposes an issue that the other positions make hold.
    Opposes {
        /// The opposing position.
        position: PositionId,
        /// The issue it opposes.
        issue: IssueId,
    },
    /// A later position of the same principal on the same issue took the
    /// opposite side.
    Supersedes {
        /// The earlier position.
        earlier: PositionId,
        /// The later one.
        later: PositionId,
    },
}

/// A set of positions that cannot all hold, with why.
///
/// A contradiction is a normal result, not an error. It carries everything
/// needed to explain it: the principals and positions involved, the common
/// time, and the reasoning chain. Its `Display` is a paragraph with the quotes.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Contradiction<'s> {
    pub(crate) scenario: &'s Scenario,
    /// What kind of contradiction it is.
    pub kind: ContradictionKind,
    /// How grave it is.
    pub severity: Severity,
    /// The principals involved, by id.
    pub principals: Vec<ActorId>,
    /// The positions, by id. Drop any one and the rest can hold (except for
    /// reversals, which are two positions at different times).
    pub positions: Vec<PositionId>,
    /// The issues involved: those of the positions and those the relations
    /// pass through, by id.
    pub issues: Vec<IssueId>,
    /// The first day all the positions hold (and the alliance, if any,
    /// exists); none if unbounded. For a reversal, the earlier position's date.
    pub from: Option<Date>,
    /// The last such day; none if unbounded. For a reversal, the later
    /// position's date.
    pub until: Option<Date>,
    /// The reasoning chain, in reading order.
    pub reasoning: Vec<Step>,
    /// The bloc that makes the principals allies, for `member_vs_bloc` and
    /// `between_allies`.
    pub bloc: Option<ActorId>,
}

impl Contradiction<'_> {
    /// Whether a condition had to be assumed met: some position involved
    /// holds only on a condition.
    pub fn conditional(&self) -> bool {
        self.conditions().next().is_some()
    }

    /// The conditions assumed met, with the position that states each.
    pub fn conditions(&self) -> impl Iterator<Item = (PositionId, &Condition)> + '_ {
        self.positions
            .iter()
            .filter_map(|&p| self.scenario.position(p).condition().map(|c| (p, c)))
    }

    /// The scenario the contradiction was found in.
    pub fn scenario(&self) -> &Scenario {
        self.scenario
    }

    /// One reasoning step as a sentence fragment.
    pub fn describe(&self, step: &Step) -> String {
        let s = self.scenario;
        let name = |a: ActorId| s.actor(a).name();
        let issue = |i: IssueId| format!("“{}”", s.issue(i).name());
        match *step {
            Step::Position(p) => describe_position(s, p),
            Step::SpeaksFor { speaker, principal } => {
                let role = s
                    .actor(speaker)
                    .role()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default();
                format!("{}{role} speaks for {}", name(speaker), name(principal))
            }
            Step::Membership {
                member,
                bloc,
                index,
            } => {
                let m = s.actor(member).memberships().get(index);
                let since = m
                    .and_then(|m| m.since())
                    .map(|d| format!(" since {d}"))
                    .unwrap_or_default();
                let until = m
                    .and_then(|m| m.until())
                    .map(|d| format!(" until {d}"))
                    .unwrap_or_default();
                format!(
                    "{} is a member of {}{since}{until}",
                    name(member),
                    name(bloc)
                )
            }
            Step::Implies { relation, from, to } => {
                let r = s.relation(relation);
                let verb = match r.kind() {
                    RelationKind::Equivalent => "is equivalent to",
                    _ => "implies",
                };
                format!("{} {verb} {}{}", issue(from), issue(to), note(r.note()))
            }
            Step::Excludes { relation } => {
                let r = s.relation(relation);
                let names: Vec<String> = r.issues().iter().map(|&i| issue(i)).collect();
                match r.kind() {
                    RelationKind::Excludes => {
                        format!(
                            "{} excludes {}{}",
                            names[0],
                            names[1..].join(", "),
                            note(r.note())
                        )
                    }
                    _ => format!(
                        "{} cannot all hold together{}",
                        names.join(", "),
                        note(r.note())
                    ),
                }
            }
            Step::Opposes { position, issue: x } => {
                let p = s.position(position);
                format!("{} opposes {}", name(p.actor()), issue(x))
            }
            Step::Supersedes { earlier, later } => {
                let (e, l) = (s.position(earlier), s.position(later));
                format!(
                    "on {} {} moved from {} to {}",
                    l.date().map(|d| d.to_string()).unwrap_or_default(),
                    name(s.principal(l.actor())),
                    e.stance(),
                    l.stance()
                )
            }
        }
    }
}

fn note(note: Option<&str>) -> String {
    note.map(|n| format!(" ({})", n.trim_end_matches('.')))
        .unwrap_or_default()
}

pub(crate) fn describe_position(s: &Scenario, id: PositionId) -> String {
    let p = s.position(id);
    let speaker = s.actor(p.actor());
    let principal = s.principal(p.actor());
    let who = if principal == p.actor() {
        speaker.name().to_owned()
    } else {
        format!("{}, through {},", s.actor(principal).name(), speaker.name())
    };
    let verb = crate::model::words::verb(p.stance());
    let mut details = vec![match p.firmness() {
        Firmness::RedLine => "a red line".to_owned(),
        other => other.as_str().to_owned(),
    }];
    match p.condition() {
        Some(Condition::Issue(c)) => details.push(format!("if “{}”", s.issue(*c).name())),
        Some(Condition::Text(t)) => details.push(format!("if {t}")),
        None => {}
    }
    if let Some(d) = p.date() {
        details.push(d.to_string());
    }
    let mut text = format!(
        "{who} {verb} “{}” ({})",
        s.issue(p.issue()).name(),
        details.join(", ")
    );
    if let Some(q) = p.quote() {
        text.push_str(&format!(": “{}”", q.trim_matches(['“', '”', '"'])));
    }
    let title = p.source().and_then(|src| src.title());
    // In a case folder, where the position was coded is part of its proof.
    match (title, s.provenance().position_in_case(id)) {
        (Some(title), None) => text.push_str(&format!(" [{title}]")),
        (Some(title), Some(file)) => {
            text.push_str(&format!(" [{title}; coded in {}]", file.display()))
        }
        (None, Some(file)) => text.push_str(&format!(" [coded in {}]", file.display())),
        (None, None) => {}
    }
    text
}

/// The kind as a noun: "member–bloc contradiction", "deadlock", ….
pub(crate) fn kind_noun(kind: ContradictionKind) -> &'static str {
    match kind {
        ContradictionKind::SelfContradiction => "self-contradiction",
        ContradictionKind::MemberVsBloc => "member–bloc contradiction",
        ContradictionKind::BetweenAllies => "contradiction between allies",
        ContradictionKind::Deadlock => "deadlock",
        ContradictionKind::Reversal => "reversal",
    }
}

impl fmt::Display for Contradiction<'_> {
    /// A paragraph: the verdict, each position with its quote, then the
    /// reasoning that makes them clash.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.scenario;
        let names: Vec<&str> = self.principals.iter().map(|&a| s.actor(a).name()).collect();
        let kind = kind_noun(self.kind);
        write!(
            f,
            "{} {kind} ({}",
            capitalize(self.severity.as_str()),
            join_names(&names)
        )?;
        let mut conditions: Vec<String> = self
            .conditions()
            .map(|(_, c)| crate::model::words::condition(s, c))
            .collect();
        conditions.dedup();
        if !conditions.is_empty() {
            write!(f, "; assuming {}", conditions.join(" and "))?;
        }
        match (self.from, self.until) {
            (Some(a), Some(b)) if a == b => write!(f, "; on {a}")?,
            (Some(a), Some(b)) => write!(f, "; {a} to {b}")?,
            (Some(a), None) => write!(f, "; from {a}")?,
            (None, Some(b)) => write!(f, "; until {b}")?,
            (None, None) => {}
        }
        f.write_str(")")?;
        f.write_str(": ")?;
        let positions: Vec<String> = self
            .reasoning
            .iter()
            .filter(|step| matches!(step, Step::Position(_)))
            .map(|step| self.describe(step))
            .collect();
        f.write_str(&positions.join("; while "))?;
        f.write_str(". ")?;
        let because: Vec<String> = self
            .reasoning
            .iter()
            .filter(|step| !matches!(step, Step::Position(_)))
            .map(|step| self.describe(step))
            .collect();
        let verdict = match self.kind {
            ContradictionKind::Reversal => "The later position reverses the earlier one",
            _ => "These cannot all hold",
        };
        if because.is_empty() {
            write!(f, "{verdict}.")
        } else {
            write!(f, "{verdict}: {}.", because.join("; "))
        }
    }
}
