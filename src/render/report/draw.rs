//! The drawing of the report's actor network: one node per actor,
//! principal or group (shape and colour by kind), agreement and conflict
//! ties (the heaviest [`HtmlReportOptions::MOST_TIES`] when actors are
//! drawn; net ties between groups otherwise), memberships and speaks-for
//! links, contradictions as links between the principals involved with
//! rings on the actors, and the two camps of the balance analysis shaded.
//! Every node and tie carries a tooltip with the positions behind it. The
//! layout and the SVG are `render::drawing`'s.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::text::kind_words;
use super::view::Nodes;
use super::{DrawnAs, HtmlReport, HtmlReportOptions};
use crate::render::drawing::{Drawing, LinkKind, LinkSpec, NodeSpec, Shape};
use crate::util::words::{capitalize, plural, shorten, thousands};
use crate::{
    ActorId, ActorKind, PositionId, balance::BalanceReport, contradiction::ContradictionKind,
    stance::TieKind,
};

impl HtmlReport<'_> {
    /// The drawing of the network.
    pub(crate) fn drawing(&self, nodes: &Nodes, balance: &BalanceReport<'_>) -> Drawing {
        let s = self.scenario;
        let frustration = &balance.frustration;
        let mut camp_of_actor: Vec<Option<usize>> = vec![None; s.actors().len()];
        for (camp, members) in frustration.camps.iter().enumerate() {
            for &v in members {
                if v < s.actors().len() && self.signed.degree(v) > 0 {
                    camp_of_actor[v] = Some(camp);
                }
            }
        }
        // Contradictions: which nodes and pairs of nodes they touch.
        let mut marked = vec![false; nodes.members.len()];
        let mut contradiction_pairs: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
        for (k, c) in self.contradictions.iter().enumerate() {
            let mut touched: BTreeSet<usize> = c
                .principals
                .iter()
                .map(|a| nodes.node_of[a.index()])
                .collect();
            for &p in &c.positions {
                touched.insert(nodes.node_of[s.position(p).actor().index()]);
            }
            for &node in &touched {
                marked[node] = true;
            }
            let principal_nodes: BTreeSet<usize> = c
                .principals
                .iter()
                .map(|a| nodes.node_of[a.index()])
                .collect();
            let list: Vec<usize> = principal_nodes.into_iter().collect();
            for (i, &u) in list.iter().enumerate() {
                for &v in &list[i + 1..] {
                    contradiction_pairs.entry((u, v)).or_default().push(k);
                }
            }
        }
        let mut specs = Vec::with_capacity(nodes.members.len());
        for (node, members) in nodes.members.iter().enumerate() {
            let spec = match nodes.drawn_as {
                DrawnAs::Actors | DrawnAs::Principals => {
                    let id = members[0];
                    let actor = s.actor(id);
                    let (shape, colour) = kind_style(actor.kind());
                    let radius = match actor.kind() {
                        ActorKind::Person => 6.5,
                        ActorKind::Alliance | ActorKind::Organization => 11.0,
                        _ => 9.5,
                    };
                    NodeSpec {
                        label: actor.name().to_owned(),
                        kind: actor.kind().as_str().to_owned(),
                        shape,
                        colour,
                        radius,
                        tooltip: self.actor_tooltip(id, camp_of_actor[s.principal(id).index()]),
                        camp: if actor.speaks_for().is_some() {
                            None
                        } else {
                            camp_of_actor[id.index()]
                        },
                        marked: marked[node],
                    }
                }
                DrawnAs::Groups => {
                    let principals: Vec<ActorId> = members
                        .iter()
                        .copied()
                        .filter(|&a| s.actor(a).speaks_for().is_none())
                        .collect();
                    let mut by_activity = principals.clone();
                    by_activity.sort_by_key(|a| (std::cmp::Reverse(nodes.activity[a.index()]), *a));
                    let names: Vec<&str> = by_activity.iter().map(|&a| s.actor(a).name()).collect();
                    let label = match names.as_slice() {
                        _ if nodes.unclustered == Some(node) => {
                            format!("{} others", thousands(names.len()))
                        }
                        [] => "(empty)".to_owned(),
                        [one] => (*one).to_owned(),
                        [a, b] => format!("{a}, {b}"),
                        [a, rest @ ..] => format!("{a} +{}", rest.len()),
                    };
                    let mut camps = [0usize; 2];
                    for a in &principals {
                        if let Some(c) = camp_of_actor[a.index()] {
                            camps[c] += 1;
                        }
                    }
                    let camp = match camps {
                        [0, 0] => None,
                        [a, b] if a >= b => Some(0),
                        _ => Some(1),
                    };
                    let mut kinds: Vec<ActorKind> =
                        principals.iter().map(|&a| s.actor(a).kind()).collect();
                    kinds.sort_unstable();
                    kinds.dedup();
                    let (shape, colour) = match kinds.as_slice() {
                        [one] => kind_style(*one),
                        _ => (Shape::Circle, "#5e5e5e"),
                    };
                    let mut tooltip = format!(
                        "{}: {}",
                        if nodes.unclustered == Some(node) {
                            format!(
                                "Other actors, not clustered (the {} least active)",
                                thousands(principals.len())
                            )
                        } else if principals.len() == 1 {
                            "One actor, unlike every group".to_owned()
                        } else {
                            format!(
                                "A group of {} actors that take the same sides",
                                thousands(principals.len())
                            )
                        },
                        names
                            .iter()
                            .take(40)
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    if names.len() > 40 {
                        let _ = write!(tooltip, " and {} more", names.len() - 40);
                    }
                    if let Some(c) = camp {
                        let _ = write!(tooltip, "\nMostly in camp {}", c + 1);
                    }
                    NodeSpec {
                        label,
                        kind: "group".to_owned(),
                        shape,
                        colour,
                        radius: (6.0 + 2.0 * (principals.len() as f64).sqrt()).min(26.0),
                        tooltip,
                        camp,
                        marked: marked[node],
                    }
                }
            };
            specs.push(spec);
        }
        let mut links = Vec::new();
        // Structure: memberships and speaks-for, when actors are drawn.
        if nodes.drawn_as != DrawnAs::Groups {
            for (id, actor) in s.actors() {
                for m in actor.memberships() {
                    if self.options.as_of.is_some_and(|d| !m.holds_on(d)) {
                        continue;
                    }
                    let (u, v) = (nodes.node_of[id.index()], nodes.node_of[m.bloc().index()]);
                    if u != v {
                        links.push(LinkSpec {
                            a: u,
                            b: v,
                            kind: LinkKind::Membership,
                            weight: 1.0,
                            tooltip: format!(
                                "{} is a member of {}",
                                actor.name(),
                                s.actor(m.bloc()).name()
                            ),
                            label: None,
                        });
                    }
                }
                if let Some(p) = actor.speaks_for() {
                    let (u, v) = (nodes.node_of[id.index()], nodes.node_of[p.index()]);
                    if u != v {
                        let role = actor.role().map(|r| format!(" ({r})")).unwrap_or_default();
                        links.push(LinkSpec {
                            a: u,
                            b: v,
                            kind: LinkKind::SpeaksFor,
                            weight: 1.0,
                            tooltip: format!(
                                "{}{role} speaks for {}",
                                actor.name(),
                                s.actor(p).name()
                            ),
                            label: None,
                        });
                    }
                }
            }
        }
        // Agreement and conflict.
        let mut sums: BTreeMap<(usize, usize), [u64; 2]> = BTreeMap::new();
        let mut drawn_ties = Vec::new();
        for t in self.graph.ties() {
            let (u, v) = (nodes.node_of[t.a.index()], nodes.node_of[t.b.index()]);
            if u == v {
                continue;
            }
            let entry = sums.entry((u.min(v), u.max(v))).or_default();
            entry[usize::from(t.kind == TieKind::Conflict)] += u64::from(t.weight);
            if nodes.drawn_as != DrawnAs::Groups {
                drawn_ties.push(t);
            }
        }
        // The heaviest ties, at most MOST_TIES of them, in graph order.
        let hidden_ties = drawn_ties
            .len()
            .saturating_sub(HtmlReportOptions::MOST_TIES);
        if hidden_ties > 0 {
            drawn_ties.sort_by_key(|t| (std::cmp::Reverse(t.weight), t.a, t.b, t.kind));
            drawn_ties.truncate(HtmlReportOptions::MOST_TIES);
            drawn_ties.sort_unstable();
        }
        for t in drawn_ties {
            links.push(LinkSpec {
                a: nodes.node_of[t.a.index()],
                b: nodes.node_of[t.b.index()],
                kind: match t.kind {
                    TieKind::Agreement => LinkKind::Agreement,
                    TieKind::Conflict => LinkKind::Conflict,
                },
                weight: f64::from(t.weight),
                tooltip: self.tie_tooltip(t.a, t.b, t.kind),
                label: None,
            });
        }
        if nodes.drawn_as == DrawnAs::Groups {
            let size: Vec<f64> = nodes
                .members
                .iter()
                .map(|m| {
                    m.iter()
                        .filter(|&&a| s.actor(a).speaks_for().is_none())
                        .count()
                        .max(1) as f64
                })
                .collect();
            let nets: Vec<((usize, usize), f64, [u64; 2])> = sums
                .iter()
                .map(|(&(u, v), &[a, c])| {
                    ((u, v), (a as f64 - c as f64) / (size[u] * size[v]), [a, c])
                })
                .collect();
            let strongest = nets.iter().map(|n| n.1.abs()).fold(0.0_f64, f64::max);
            // Every net conflict, and each group's three strongest net
            // agreements: all pairs of groups would hide the picture.
            let mut top: Vec<Vec<f64>> = vec![Vec::new(); nodes.members.len()];
            for &((u, v), net, _) in &nets {
                if net > 0.0 {
                    top[u].push(net);
                    top[v].push(net);
                }
            }
            let third: Vec<f64> = top
                .iter_mut()
                .map(|list| {
                    list.sort_by(|a, b| b.total_cmp(a));
                    list.get(2)
                        .or(list.last())
                        .copied()
                        .unwrap_or(f64::INFINITY)
                })
                .collect();
            for ((u, v), net, [a, c]) in nets {
                if net == 0.0 || (net > 0.0 && net < third[u] && net < third[v]) {
                    continue;
                }
                links.push(LinkSpec {
                    a: u,
                    b: v,
                    kind: if net > 0.0 { LinkKind::Agreement } else { LinkKind::Conflict },
                    weight: 1.0 + 9.0 * net.abs() / strongest,
                    tooltip: format!(
                        "{} and {}: {a} agreements and {c} conflicts between their members (issue by issue, pair by pair); net {:+.1} per pair",
                        specs[u].label, specs[v].label, net
                    ),
                    label: None,
                });
            }
        }
        // Contradictions between principals, most severe first, at most 40 pairs.
        let mut pairs: Vec<((usize, usize), Vec<usize>)> =
            contradiction_pairs.into_iter().collect();
        pairs.sort_by_key(|(pair, list)| (list.first().copied(), *pair));
        let labelled = pairs.len() <= 8;
        for ((u, v), list) in pairs.into_iter().take(40) {
            let first = &self.contradictions.iter().as_slice()[list[0]];
            let mut tooltip = format!(
                "{} {}: {}",
                capitalize(first.severity.as_str()),
                kind_words(first.kind),
                self.verdict(first)
            );
            if list.len() > 1 {
                let _ = write!(
                    tooltip,
                    " ({} contradictions between them in all)",
                    list.len()
                );
            }
            links.push(LinkSpec {
                a: u,
                b: v,
                kind: LinkKind::Contradiction,
                weight: list.len() as f64,
                tooltip,
                label: labelled.then(|| {
                    let short = match first.kind {
                        ContradictionKind::MemberVsBloc => "member vs bloc",
                        kind => kind_words(kind),
                    };
                    let mut text = format!("{}: {short}", first.severity.as_str());
                    if list.len() > 1 {
                        let _ = write!(text, " ×{}", list.len());
                    }
                    text
                }),
            });
        }
        let ties = self.graph.ties().len();
        let camps_shown = specs.iter().any(|n| n.camp.is_some());
        let mut description = format!(
            "{} drawn as {} nodes ({}); {} agreement and conflict ties between actors{}; {} contradiction links. \
             Agreement is a solid green line, conflict a dashed red line, a contradiction a dotted purple line; \
             thicker lines stand for more issues.",
            plural(s.actors().len(), "actor"),
            thousands(specs.len()),
            match nodes.drawn_as {
                DrawnAs::Actors => "one per actor",
                DrawnAs::Principals =>
                    "one per principal; spokespeople folded into whom they speak for",
                DrawnAs::Groups => "groups of actors that take the same sides",
            },
            thousands(ties),
            if hidden_ties > 0 {
                format!(
                    " (the {} heaviest drawn, {} lighter ones left out)",
                    thousands(HtmlReportOptions::MOST_TIES),
                    thousands(hidden_ties)
                )
            } else {
                String::new()
            },
            links
                .iter()
                .filter(|l| l.kind == LinkKind::Contradiction)
                .count()
        );
        if camps_shown {
            description
                .push_str(" Shaded areas are the two camps of the structural balance analysis.");
        }
        Drawing {
            title: format!("Actor network: {}", self.title()),
            description,
            nodes: specs,
            links,
            camp_names: camps_shown.then(|| ["camp 1".to_owned(), "camp 2".to_owned()]),
        }
    }

    pub(crate) fn actor_tooltip(&self, id: ActorId, camp: Option<usize>) -> String {
        let s = self.scenario;
        let actor = s.actor(id);
        let mut text = format!("{} ({})", actor.name(), actor.kind());
        if let Some(p) = actor.speaks_for() {
            let role = actor.role().map(|r| format!(" as {r}")).unwrap_or_default();
            let _ = write!(text, "\nSpeaks for {}{role}", s.actor(p).name());
        }
        for m in actor
            .memberships()
            .iter()
            .filter(|m| self.options.as_of.is_none_or(|d| m.holds_on(d)))
        {
            let _ = write!(text, "\nMember of {}", s.actor(m.bloc()).name());
            if let Some(since) = m.since() {
                let _ = write!(text, " since {since}");
            }
        }
        let speakers: Vec<&str> = s.spokespeople(id).map(|a| s.actor(a).name()).collect();
        if !speakers.is_empty() {
            let _ = write!(text, "\nSpoken for by {}", speakers.join(", "));
        }
        let own: Vec<PositionId> = s
            .positions()
            .filter(|(_, p)| p.actor() == id && self.visible(p))
            .map(|(pid, _)| pid)
            .collect();
        if !own.is_empty() {
            let _ = write!(text, "\n{}:", plural(own.len(), "position"));
            for &p in own.iter().take(8) {
                let _ = write!(text, "\n• {}", self.position_line(p));
            }
            if own.len() > 8 {
                let _ = write!(text, "\n• … and {} more", own.len() - 8);
            }
        }
        if let Some(c) = camp {
            let _ = write!(text, "\nCamp {} of the balance analysis", c + 1);
        }
        text
    }

    /// A tie's sentence, then the positions behind it with their quotes.
    pub(crate) fn tie_tooltip(&self, a: ActorId, b: ActorId, kind: TieKind) -> String {
        let Some(tie) = self.graph.tie(a, b, kind) else {
            return String::new();
        };
        // The sentence names at most five issues; the positions, eight.
        let s = self.scenario;
        let (na, nb) = (
            shorten(s.actor(tie.a).name(), 120),
            shorten(s.actor(tie.b).name(), 120),
        );
        let mut text = match kind {
            TieKind::Agreement => format!("{na} and {nb} agree: "),
            TieKind::Conflict => format!("{na} and {nb} are in conflict: "),
        };
        for (i, x) in tie.issues.iter().take(5).enumerate() {
            if i > 0 {
                text.push_str("; ");
            }
            let issue = shorten(s.issue(x.issue).name(), 80);
            let _ = match kind {
                TieKind::Agreement => write!(text, "both {} “{issue}”", x.stance_a),
                TieKind::Conflict => write!(
                    text,
                    "{na} {}s and {nb} {}s “{issue}”",
                    x.stance_a, x.stance_b
                ),
            };
        }
        if tie.issues.len() > 5 {
            let _ = write!(text, "; and {} more", thousands(tie.issues.len() - 5));
        }
        let mut lines = 0;
        for x in &tie.issues {
            for &p in x.positions_a.iter().chain(&x.positions_b) {
                if lines == 4 {
                    let _ = write!(text, "\n• …");
                    return text;
                }
                let _ = write!(text, "\n• {}", self.position_line(p));
                lines += 1;
            }
        }
        text
    }
}

fn kind_style(kind: ActorKind) -> (Shape, &'static str) {
    match kind {
        ActorKind::State => (Shape::Circle, "#2166ac"),
        ActorKind::Alliance => (Shape::Hexagon, "#b35806"),
        ActorKind::Organization => (Shape::Square, "#35978f"),
        ActorKind::Person => (Shape::Diamond, "#5e5e5e"),
        ActorKind::Group => (Shape::Triangle, "#8c510a"),
        _ => (Shape::Circle, "#737373"),
    }
}
