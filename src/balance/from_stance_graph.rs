//! Signed graphs from a stance graph: the signed actor network (agreements
//! against conflicts, plus memberships and speaks-for links), and the
//! signed graph of actors and issues together (positions, relations,
//! memberships and speaks-for links), in which a contradiction through a
//! relation shows as an unbalanced cycle. Per pair of nodes the sign is that
//! of the net, and a net of zero gives no edge ([`TieSigns::Net`]); or the
//! pair keeps a positive tie weighing what speaks for it and a negative one
//! weighing what speaks against it ([`TieSigns::Both`]: an ambivalent pair
//! when both are there). Every edge keeps its [`EdgeEvidence`].

use std::collections::HashMap;

use crate::balance::{EdgeEvidence, NodeOrigin, SignedGraph};

/// How a stance-derived signed graph signs a pair of nodes with evidence
/// both ways (an actor pair agreeing on some issues and in conflict on
/// others; an actor who supported and opposed an issue).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TieSigns {
    /// One tie per pair, the sign of the net (for minus against), weighing
    /// its absolute value; a net of zero gives no tie.
    #[default]
    Net,
    /// A positive tie weighing what speaks for the pair and a negative tie
    /// weighing what speaks against it: a pair with both is an ambivalent
    /// pair of the multigraph.
    Both,
}

/// Per pair of nodes: the evidence for (+) and against (−), and what it is.
pub(crate) type Tally = HashMap<(usize, usize), (u64, u64, EdgeEvidence)>;
use crate::stance::{Edge, Node};
use crate::{RelationKind, Stance, StanceGraph, stance::TieKind};

/// The signed actor network: see [`SignedGraph::from_actor_ties`].
pub(crate) fn actor_ties(graph: &StanceGraph<'_>, signs: TieSigns) -> SignedGraph {
    let s = graph.scenario();
    let mut net: Tally = HashMap::new();
    let pair = |a: usize, b: usize| (a.min(b), a.max(b));
    for t in graph.ties() {
        let entry = net.entry(pair(t.a.index(), t.b.index())).or_default();
        match t.kind {
            TieKind::Agreement => {
                entry.0 += u64::from(t.weight);
                entry.2.agreement_count += t.weight;
            }
            TieKind::Conflict => {
                entry.1 += u64::from(t.weight);
                entry.2.conflict_count += t.weight;
            }
        }
    }
    for (id, actor) in s.actors() {
        for m in actor.memberships() {
            if m.bloc() != id {
                let entry = net.entry(pair(id.index(), m.bloc().index())).or_default();
                if !entry.2.membership {
                    entry.0 += 1;
                    entry.2.membership = true;
                }
            }
        }
        if let Some(p) = actor.speaks_for() {
            let entry = net.entry(pair(id.index(), p.index())).or_default();
            entry.0 += 1;
            entry.2.speaks_for = true;
        }
    }
    let nodes = s.actors().map(|(_, a)| a.key().to_owned()).collect();
    let origins = s.actors().map(|(id, _)| NodeOrigin::Actor(id)).collect();
    SignedGraph::from_tally(nodes, origins, net, signs)
}

/// The signed graph of actors and issues: see
/// [`SignedGraph::from_actors_and_issues`].
pub(crate) fn actors_and_issues(graph: &StanceGraph<'_>, signs: TieSigns) -> SignedGraph {
    let s = graph.scenario();
    let actors = s.actors().len();
    let index = |node: Node| match node {
        Node::Actor(a) => a.index(),
        Node::Issue(i) => actors + i.index(),
    };
    let pg = graph.petgraph();
    let mut net: Tally = HashMap::new();
    let pair = |a: usize, b: usize| (a.min(b), a.max(b));
    for e in pg.edge_indices() {
        let Some((from, to)) = pg.edge_endpoints(e) else {
            continue;
        };
        let (a, b) = (index(pg[from]), index(pg[to]));
        // Agreement and conflict ties between actors are not part of
        // this graph: skip them before they cost a map entry each.
        if a == b || matches!(pg[e], Edge::Agreement(_) | Edge::Conflict(_)) {
            continue;
        }
        let entry = net.entry(pair(a, b)).or_default();
        match pg[e] {
            Edge::Stance(p) => {
                match s.position(p).stance() {
                    Stance::Support => entry.0 += 1,
                    Stance::Oppose => entry.1 += 1,
                    _ => {}
                }
                entry.2.positions.push(p);
            }
            Edge::Relation(r) => {
                match s.relation(r).kind() {
                    RelationKind::Implies | RelationKind::Equivalent => entry.0 += 1,
                    _ => entry.1 += 1,
                }
                entry.2.relations.push(r);
            }
            Edge::MemberOf(_) if !entry.2.membership => {
                entry.0 += 1;
                entry.2.membership = true;
            }
            Edge::SpeaksFor => {
                entry.0 += 1;
                entry.2.speaks_for = true;
            }
            _ => {}
        }
    }
    let nodes = s
        .actors()
        .map(|(_, a)| a.key().to_owned())
        .chain(s.issues().map(|(_, i)| i.key().to_owned()))
        .collect();
    let origins = s
        .actors()
        .map(|(id, _)| NodeOrigin::Actor(id))
        .chain(s.issues().map(|(id, _)| NodeOrigin::Issue(id)))
        .collect();
    SignedGraph::from_tally(nodes, origins, net, signs)
}
