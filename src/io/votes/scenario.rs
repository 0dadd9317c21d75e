//! Roll-call votes as a [`Scenario`]: countries as states (their codes as
//! aliases), roll calls as issues (`rc-<id>`), votes as positions (yes →
//! support, no → oppose, abstain → neutral), dated where a date is given, so
//! that everything else stancegraph does applies to them.

use std::collections::HashMap;

use super::RollCallVotes;
use crate::{Actor, ActorKind, Date, Issue, Position, Result, Scenario};

impl RollCallVotes {
    /// The votes as a scenario: countries as states, roll calls as issues
    /// (`rc-<id>`), votes as positions (yes → support, no → oppose, abstain →
    /// neutral), dated with `dates` where given.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::Error::Invalid) if two countries share a name
    /// or a country code (the code becomes the actor's alias), or a roll call
    /// id repeats (none of this happens in the UN data set).
    pub fn to_scenario(&self, dates: &HashMap<u64, Date>) -> Result<Scenario> {
        let mut s = Scenario::new();
        let mut actors = Vec::with_capacity(self.countries.len());
        for (name, code) in self.countries.iter().zip(&self.codes) {
            let mut actor = Actor::new(name.clone(), name.clone(), ActorKind::State);
            if !code.is_empty() {
                actor = actor.with_alias(code.clone());
            }
            actors.push(s.add_actor(actor)?);
        }
        let mut issues = Vec::with_capacity(self.roll_calls.len());
        for id in &self.roll_calls {
            issues.push(s.add_issue(Issue::new(format!("rc-{id}"), format!("UN roll call {id}")))?);
        }
        for &(c, r, v) in &self.votes {
            let mut p = Position::new(actors[c as usize], issues[r as usize], v.stance());
            if let Some(d) = dates.get(&self.roll_calls[r as usize]) {
                p = p.with_date(*d);
            }
            s.add_position(p)?;
        }
        Ok(s)
    }
}
