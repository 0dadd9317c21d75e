//! The report's view of the actors: what each node of the drawing stands
//! for.
//!
//! Up to [`HtmlReportOptions::max_actors`](super::HtmlReportOptions::max_actors)
//! actors, every actor is a node; beyond, the spokespeople are folded into
//! whom they speak for, and beyond that the principals are drawn as groups
//! of actors that take the same sides (see `cluster`). Deterministic: the
//! same scenario and options give the same nodes.

use super::{DrawnAs, HtmlReport};
use crate::ActorId;

/// What the drawing groups under each node.
pub(crate) struct Nodes {
    pub(crate) drawn_as: DrawnAs,
    /// Per node, its actors (a principal first, then its spokespeople).
    pub(crate) members: Vec<Vec<ActorId>>,
    /// Per actor, its node.
    pub(crate) node_of: Vec<usize>,
    /// The group of principals left out of the clustering (above 600), if any.
    pub(crate) unclustered: Option<usize>,
    /// Per principal, the positions it took itself or through its
    /// spokespeople (empty when every actor is drawn).
    pub(crate) activity: Vec<usize>,
}

impl HtmlReport<'_> {
    /// Decides what each node of the drawing stands for.
    pub(crate) fn nodes(&self) -> Nodes {
        let s = self.scenario;
        let n = s.actors().len();
        if n <= self.options.max_actors {
            return Nodes {
                drawn_as: DrawnAs::Actors,
                members: s.actors().map(|(id, _)| vec![id]).collect(),
                node_of: (0..n).collect(),
                unclustered: None,
                activity: Vec::new(),
            };
        }
        let principals: Vec<ActorId> = s
            .actors()
            .filter(|(_, a)| a.speaks_for().is_none())
            .map(|(id, _)| id)
            .collect();
        let mut activity = vec![0usize; n];
        for (_, p) in s.positions() {
            activity[s.principal(p.actor()).index()] += 1;
        }
        let (groups, rest) = if principals.len() <= self.options.max_actors {
            (principals.iter().map(|&p| vec![p]).collect(), None)
        } else {
            self.cluster(&principals, &activity)
        };
        let unclustered =
            rest.and_then(|first| groups.iter().position(|g| g.first() == Some(&first)));
        let drawn_as = if principals.len() <= self.options.max_actors {
            DrawnAs::Principals
        } else {
            DrawnAs::Groups
        };
        let mut node_of = vec![0; n];
        let mut members = groups;
        for (node, group) in members.iter().enumerate() {
            for &a in group {
                node_of[a.index()] = node;
            }
        }
        for (id, actor) in s.actors() {
            if actor.speaks_for().is_some() {
                let node = node_of[s.principal(id).index()];
                node_of[id.index()] = node;
                members[node].push(id);
            }
        }
        Nodes {
            drawn_as,
            members,
            node_of,
            unclustered,
            activity,
        }
    }
}
