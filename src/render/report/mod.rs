//! The stance report: one self-contained HTML file with the drawn actor
//! network, the contradictions, the camps per issue, the timeline and the
//! structural balance of a scenario.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::time::Duration;

use crate::render::drawing::{
    AGREEMENT_COLOUR, CAMP_COLOURS, CONFLICT_COLOUR, Drawing, LinkKind, LinkSpec, NodeSpec, Shape,
};
use crate::util::escape::escape_display as escape;
use crate::util::words::{
    capitalize, condition as condition_words, firmness as firmness_words, join_names, plural,
    quoted, shorten, thousands, verb,
};
use crate::{
    ActorId, ActorKind, Contradiction, Contradictions, Date, Firmness, PositionId, Result,
    Scenario, Stance, StanceGraph, balance::BalanceReport, balance::FrustrationOptions,
    balance::SignedGraph, contradiction::CheckOptions, contradiction::ContradictionKind,
    contradiction::Severity, contradiction::Step, stance::Attribution, stance::GraphOptions,
    stance::TieKind,
};

/// What a [`HtmlReport`] shows and how far it goes.
///
/// # Examples
///
/// ```
/// use stancegraph::render::HtmlReportOptions;
///
/// let options = HtmlReportOptions::new().with_as_of("2025-06-01".parse()?).with_max_actors(40);
/// assert_eq!(options.max_actors, 40);
/// # Ok::<(), stancegraph::DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct HtmlReportOptions {
    /// Show the positions that hold on this day (camps, ties, balance,
    /// contradictions) and the timeline up to it; `None` shows every time.
    pub as_of: Option<Date>,
    /// Draw at most this many actors one by one (default 60, at most
    /// [`HtmlReportOptions::MOST_ACTORS`]): beyond, the spokespeople are folded
    /// into whom they speak for, and beyond that the principals are drawn as
    /// groups of actors that take the same sides.
    pub max_actors: usize,
    /// How many groups to draw when the actors are aggregated (default 12,
    /// at most [`HtmlReportOptions::MOST_GROUPS`]). Above 600 principals the
    /// 600 most active are clustered into `groups − 1` groups and the rest
    /// form one more, labelled as not clustered.
    pub groups: usize,
    /// At most this many contradiction cards (default 200); the rest are
    /// counted.
    pub max_cards: usize,
    /// At most this many positions listed in the timeline (default 1,500);
    /// every principal keeps its summary line.
    pub max_timeline: usize,
    /// How to compute the frustration index of the balance summary
    /// (default: automatic, with a 10-second limit).
    pub frustration: FrustrationOptions,
    /// The title to show when the scenario has none (imported tables and
    /// databases have none), such as the file's name.
    pub title: Option<String>,
}

impl HtmlReportOptions {
    /// The largest [`HtmlReportOptions::max_actors`] accepted.
    pub const MOST_ACTORS: usize = 200;
    /// The largest [`HtmlReportOptions::groups`] accepted.
    pub const MOST_GROUPS: usize = 100;
    /// The most agreement and conflict ties drawn one by one (the heaviest);
    /// the drawing's description counts the rest.
    pub const MOST_TIES: usize = 2_000;

    /// The defaults.
    pub fn new() -> Self {
        HtmlReportOptions::default()
    }

    /// Sets [`HtmlReportOptions::as_of`].
    pub fn with_as_of(mut self, date: Date) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Sets [`HtmlReportOptions::max_actors`].
    pub fn with_max_actors(mut self, max: usize) -> Self {
        self.max_actors = max;
        self
    }

    /// Sets [`HtmlReportOptions::groups`].
    pub fn with_groups(mut self, groups: usize) -> Self {
        self.groups = groups;
        self
    }

    /// Sets [`HtmlReportOptions::title`].
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets [`HtmlReportOptions::frustration`].
    pub fn with_frustration(mut self, options: FrustrationOptions) -> Self {
        self.frustration = options;
        self
    }
}

impl Default for HtmlReportOptions {
    fn default() -> Self {
        HtmlReportOptions {
            as_of: None,
            max_actors: 60,
            groups: 12,
            max_cards: 200,
            max_timeline: 1_500,
            frustration: FrustrationOptions::new().with_time_limit(Duration::from_secs(10)),
            title: None,
        }
    }
}

/// How the actors are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DrawnAs {
    /// Every actor, spokespeople included, one node each.
    Actors,
    /// Every principal (spokespeople folded into whom they speak for).
    Principals,
    /// Groups of principals that take the same sides (average-linkage
    /// clustering on net agreement).
    Groups,
}

/// A stance report of one scenario, rendered as a self-contained HTML page
/// ([`HtmlReport::render_html`]) or just its network drawing
/// ([`HtmlReport::render_svg`]).
///
/// The page has a header (title, counts, date span), the key findings, the
/// **actor network** drawn as SVG (shape and colour by kind, agreement and
/// conflict ties styled apart by colour and dash, thickness by weight,
/// contradictions as dotted purple links with rings on the actors involved,
/// the two camps of the balance analysis shaded), the **contradictions**
/// most severe first, each a card with its explanation, quotes, speakers,
/// dates, sources and reasoning, the **camps per issue** with firmness (red
/// lines marked in words, not only in colour), a **timeline** of dated
/// positions per principal with reversals marked, and the **structural
/// balance** summary (balanced or not, the frustration index, the camps and
/// every out-of-place tie with the cycle that explains it). Every node and
/// tie carries a `<title>` tooltip with the positions behind it.
///
/// The file loads nothing: no scripts, fonts, images or style sheets from
/// anywhere, and no JavaScript at all; source addresses are printed, not
/// linked. It is well-formed XML as well as HTML, and the same scenario
/// gives the same bytes.
///
/// Ties and camps count positions for whom they are said (an envoy's words
/// as their state's: [`Attribution::Principal`]).
///
/// # Examples
///
/// ```
/// use stancegraph::{render::HtmlReport, Scenario};
///
/// let scenario = Scenario::load("examples/data/istanbul-talks.yaml")?;
/// let html = HtmlReport::new(&scenario)?.render_html();
/// assert!(html.starts_with("<!DOCTYPE html>"));
/// assert!(html.contains("We will not compromise on Ukraine’s right to join NATO"));
/// assert_eq!(html.matches("<article class=\"card").count(), 4);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Debug)]
pub struct HtmlReport<'s> {
    scenario: &'s Scenario,
    options: HtmlReportOptions,
    graph: StanceGraph<'s>,
    contradictions: Contradictions<'s>,
    signed: SignedGraph,
}

/// What the drawing groups under each node.
struct Nodes {
    drawn_as: DrawnAs,
    /// Per node, its actors (a principal first, then its spokespeople).
    members: Vec<Vec<ActorId>>,
    /// Per actor, its node.
    node_of: Vec<usize>,
    /// The group of principals left out of the clustering (above 600), if any.
    unclustered: Option<usize>,
    /// Per principal, the positions it took itself or through its
    /// spokespeople (empty when every actor is drawn).
    activity: Vec<usize>,
}

impl<'s> HtmlReport<'s> {
    /// The report of `scenario` with default options.
    ///
    /// # Errors
    ///
    /// None with the defaults; see [`HtmlReport::with_options`].
    pub fn new(scenario: &'s Scenario) -> Result<HtmlReport<'s>> {
        HtmlReport::with_options(scenario, HtmlReportOptions::default())
    }

    /// The report of `scenario`: builds the stance graph, finds the
    /// contradictions and the signed graph of actors and issues. The balance
    /// analysis and the layout run when rendering.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidOptions`] when `max_actors` or `groups` is zero.
    pub fn with_options(
        scenario: &'s Scenario,
        options: HtmlReportOptions,
    ) -> Result<HtmlReport<'s>> {
        let mut problems = Vec::new();
        for (field, value, most, reason) in [
            (
                "max_actors",
                options.max_actors,
                HtmlReportOptions::MOST_ACTORS,
                "must be between 1 and 200: more nodes than that are no longer legible (and the layout is cubic)",
            ),
            (
                "groups",
                options.groups,
                HtmlReportOptions::MOST_GROUPS,
                "must be between 1 and 100",
            ),
        ] {
            if value == 0 || value > most {
                problems.push(crate::Problem::option(field, reason));
            }
        }
        if !problems.is_empty() {
            return Err(crate::Error::InvalidOptions { problems });
        }
        let mut graph_options = GraphOptions::default().with_attribution(Attribution::Principal);
        let mut check = CheckOptions::default();
        if let Some(day) = options.as_of {
            graph_options = graph_options.with_as_of(day);
            check = check.with_as_of(day);
        }
        let graph = StanceGraph::with_options(scenario, graph_options);
        let contradictions = scenario.contradictions(&check);
        let signed = SignedGraph::from_actors_and_issues(&graph);
        Ok(HtmlReport {
            scenario,
            options,
            graph,
            contradictions,
            signed,
        })
    }

    /// The contradictions the report shows, most severe first.
    pub fn contradictions(&self) -> &Contradictions<'s> {
        &self.contradictions
    }

    /// The stance graph behind the drawing (principal attribution).
    pub fn graph(&self) -> &StanceGraph<'s> {
        &self.graph
    }

    /// How the actors are drawn: one by one, as principals, or in groups
    /// (decided by [`HtmlReportOptions::max_actors`]).
    pub fn drawn_as(&self) -> DrawnAs {
        self.nodes().drawn_as
    }

    /// The network drawing alone, as a standalone SVG document.
    pub fn render_svg(&self) -> String {
        let balance = self.balance();
        let nodes = self.nodes();
        let drawing = self.drawing(&nodes, &balance);
        let mut svg = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.push_str(&drawing.svg("network"));
        svg
    }

    /// The whole report as one HTML page.
    pub fn render_html(&self) -> String {
        let balance = self.balance();
        let nodes = self.nodes();
        let drawing = self.drawing(&nodes, &balance);
        let title = self.title();
        let mut out = String::with_capacity(64 * 1024);
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
             <meta name=\"generator\" content=\"stancegraph {}\"/>\n<title>{} — stance report</title>\n\
             <style>{STYLE}</style>\n</head>\n<body>\n",
            env!("CARGO_PKG_VERSION"),
            escape(title)
        );
        self.write_header(&mut out, title);
        self.write_findings(&mut out, &balance, &nodes);
        out.push_str("<main>\n");
        self.write_network(&mut out, &drawing, &nodes);
        self.write_contradictions(&mut out);
        self.write_issues(&mut out);
        self.write_timeline(&mut out);
        self.write_balance(&mut out, &balance);
        out.push_str("</main>\n");
        let _ = write!(
            out,
            "<footer><p>Made by stancegraph {} from the scenario alone: the same scenario gives the same file. \
             This page loads nothing from the network and runs no script.</p></footer>\n</body>\n</html>\n",
            env!("CARGO_PKG_VERSION")
        );
        out
    }

    /// Whether a position is shown: with `as_of`, those dated up to that day
    /// (and the undated).
    fn visible(&self, p: &crate::Position) -> bool {
        self.options
            .as_of
            .is_none_or(|d| p.date().is_none_or(|pd| pd <= d))
    }

    fn title(&self) -> &str {
        self.scenario
            .title()
            .or(self.options.title.as_deref())
            .unwrap_or("Untitled scenario")
    }

    fn balance(&self) -> BalanceReport<'_> {
        BalanceReport::without_blockmodel(&self.signed, &self.options.frustration)
    }

    /// Decides what each node of the drawing stands for.
    fn nodes(&self) -> Nodes {
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

    /// Average-linkage clustering of principals on net agreement
    /// ((agreements − conflicts) / (agreements + conflicts) per pair) into
    /// at most `groups` groups. The most active principals are clustered
    /// (at most 600); any others form one last group.
    /// Returns the groups, and the first member of the group left out of the
    /// clustering, if any.
    fn cluster(
        &self,
        principals: &[ActorId],
        activity: &[usize],
    ) -> (Vec<Vec<ActorId>>, Option<ActorId>) {
        const MOST: usize = 600;
        let s = self.scenario;
        let mut chosen: Vec<ActorId> = principals.to_vec();
        let mut rest = Vec::new();
        if chosen.len() > MOST {
            chosen.sort_by_key(|a| (std::cmp::Reverse(activity[a.index()]), *a));
            rest = chosen.split_off(MOST);
            chosen.sort_unstable();
            rest.sort_unstable();
        }
        let p = chosen.len();
        let mut slot = vec![usize::MAX; s.actors().len()];
        for (i, a) in chosen.iter().enumerate() {
            slot[a.index()] = i;
        }
        let mut agree = vec![0.0f64; p * p];
        let mut conflict = vec![0.0f64; p * p];
        for t in self.graph.ties() {
            let (i, j) = (slot[t.a.index()], slot[t.b.index()]);
            if i == usize::MAX || j == usize::MAX || i == j {
                continue;
            }
            let cell = match t.kind {
                TieKind::Agreement => &mut agree,
                TieKind::Conflict => &mut conflict,
            };
            cell[i * p + j] += f64::from(t.weight);
            cell[j * p + i] += f64::from(t.weight);
        }
        // Sums of similarity between clusters, and the clusters' members.
        let mut sum: Vec<f64> = (0..p * p)
            .map(|k| {
                let total = agree[k] + conflict[k];
                if total > 0.0 {
                    (agree[k] - conflict[k]) / total
                } else {
                    0.0
                }
            })
            .collect();
        let mut clusters: Vec<Option<Vec<usize>>> = (0..p).map(|i| Some(vec![i])).collect();
        let mut alive = p;
        let target = self.options.groups.max(1) - usize::from(!rest.is_empty());
        while alive > target.max(1) {
            let mut best: Option<(f64, usize, usize)> = None;
            for u in 0..p {
                let Some(cu) = &clusters[u] else { continue };
                for v in u + 1..p {
                    let Some(cv) = &clusters[v] else { continue };
                    let mean = sum[u * p + v] / (cu.len() * cv.len()) as f64;
                    if best.is_none_or(|(m, _, _)| mean > m) {
                        best = Some((mean, u, v));
                    }
                }
            }
            let Some((_, u, v)) = best else { break };
            let Some(moved) = clusters[v].take() else {
                break;
            };
            if let Some(cu) = clusters[u].as_mut() {
                cu.extend(moved);
            }
            for w in 0..p {
                let merged = sum[u * p + w] + sum[v * p + w];
                sum[u * p + w] = merged;
                sum[w * p + u] = merged;
            }
            alive -= 1;
        }
        let mut groups: Vec<Vec<ActorId>> = clusters
            .into_iter()
            .flatten()
            .map(|c| {
                let mut g: Vec<ActorId> = c.into_iter().map(|i| chosen[i]).collect();
                g.sort_unstable();
                g
            })
            .collect();
        let rest_first = rest.first().copied();
        if !rest.is_empty() {
            groups.push(rest);
        }
        groups.sort_unstable();
        (groups, rest_first)
    }

    /// The drawing of the network.
    fn drawing(&self, nodes: &Nodes, balance: &BalanceReport<'_>) -> Drawing {
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

    fn actor_tooltip(&self, id: ActorId, camp: Option<usize>) -> String {
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
    fn tie_tooltip(&self, a: ActorId, b: ActorId, kind: TieKind) -> String {
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

    /// "Keith Kellogg, 2025-05-29: supports “…” (negotiable): “quote”".
    fn position_line(&self, id: PositionId) -> String {
        let s = self.scenario;
        let p = s.position(id);
        let mut line = shorten(s.actor(p.actor()).name(), 120);
        if let Some(d) = p.date() {
            let _ = write!(line, ", {d}");
        }
        let _ = write!(
            line,
            ": {} “{}”",
            verb(p.stance()),
            shorten(s.issue(p.issue()).name(), 80)
        );
        if p.firmness() != Firmness::Firm {
            let _ = write!(line, " ({})", firmness_words(p.firmness()));
        }
        if let Some(q) = p.quote() {
            let _ = write!(line, ": {}", quoted(&shorten(q, 160)));
        }
        line
    }

    /// One sentence saying who clashes with whom and why it matters.
    fn verdict(&self, c: &Contradiction<'_>) -> String {
        let s = self.scenario;
        let names: Vec<&str> = c.principals.iter().map(|&a| s.actor(a).name()).collect();
        let who = join_names(&names);
        let bloc = c.bloc.map(|b| s.actor(b).name()).unwrap_or("their bloc");
        match c.kind {
            ContradictionKind::SelfContradiction => {
                format!("{who} holds positions that cannot all hold together.")
            }
            ContradictionKind::MemberVsBloc => {
                let members: Vec<&str> = c
                    .principals
                    .iter()
                    .filter(|&&a| Some(a) != c.bloc)
                    .map(|&a| s.actor(a).name())
                    .collect();
                format!(
                    "{} is a member of {bloc}, yet its position and {bloc}'s cannot both hold.",
                    join_names(&members)
                )
            }
            ContradictionKind::BetweenAllies => {
                format!("{who}, allies in {bloc}, hold positions that cannot all hold together.")
            }
            ContradictionKind::Deadlock => format!(
                "{who} each hold a red line, and the red lines exclude each other: no deal unless one side moves."
            ),
            ContradictionKind::Reversal => {
                let issue = c
                    .positions
                    .first()
                    .map(|&p| s.issue(s.position(p).issue()).name())
                    .unwrap_or_default();
                format!("{who} reversed its stance on “{issue}”.")
            }
        }
    }

    fn write_header(&self, out: &mut String, title: &str) {
        let s = self.scenario;
        let _ = write!(out, "<header>\n<h1>{}</h1>\n", escape(title));
        if let Some(d) = s.description() {
            let _ = writeln!(out, "<p class=\"lead\">{}</p>", escape(d));
        }
        let dates: Vec<Date> = s.positions().filter_map(|(_, p)| p.date()).collect();
        let span = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if a == b => format!("positions dated {a}"),
            (Some(a), Some(b)) => format!("positions dated {a} to {b}"),
            _ if s.positions().len() == 0 => "no positions".to_owned(),
            _ => "positions undated".to_owned(),
        };
        let _ = write!(
            out,
            "<p class=\"counts\"><span>{}</span> · <span>{}</span> · <span>{}</span> · <span>{}</span> · <span>{span}</span>",
            plural(s.actors().len(), "actor"),
            plural(s.issues().len(), "issue"),
            plural(s.relations().len(), "relation"),
            plural(s.positions().len(), "position"),
        );
        if let Some(day) = self.options.as_of {
            let holding = s.holdings().iter().filter(|h| h.holds_on(day)).count();
            let _ = write!(
                out,
                " · <strong>as of {day}: {} hold{}</strong>",
                thousands(holding),
                if holding == 1 { "s" } else { "" }
            );
        }
        out.push_str("</p>\n<nav aria-label=\"Sections\"><a href=\"#network\">Network</a> <a href=\"#contradictions\">Contradictions</a> \
            <a href=\"#issues\">Camps per issue</a> <a href=\"#timeline\">Timeline</a> <a href=\"#balance\">Structural balance</a></nav>\n</header>\n");
    }

    fn write_findings(&self, out: &mut String, balance: &BalanceReport<'_>, nodes: &Nodes) {
        let s = self.scenario;
        out.push_str("<section id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Key findings</h2>\n<ul>\n");
        let found = &self.contradictions;
        if found.is_empty() {
            out.push_str("<li>No contradictions: the positions can all hold together.</li>\n");
        } else {
            let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
            for c in found {
                *by_severity.entry(c.severity).or_default() += 1;
            }
            let counts: Vec<String> = by_severity
                .iter()
                .map(|(sev, n)| format!("{} {}", thousands(*n), sev.as_str()))
                .collect();
            let first = &found.iter().as_slice()[0];
            let _ = writeln!(
                out,
                "<li><strong>{}</strong> ({}). The most severe: <a href=\"#c1\">{}</a></li>",
                plural(found.len(), "contradiction"),
                counts.join(", "),
                escape(&self.verdict(first))
            );
        }
        let mut conflicts: Vec<_> = self
            .graph
            .ties()
            .filter(|t| t.kind == TieKind::Conflict)
            .collect();
        conflicts.sort_by_key(|t| (std::cmp::Reverse(t.weight), t.a, t.b));
        if conflicts.is_empty() {
            out.push_str("<li>No two actors take opposite sides on any issue.</li>\n");
        } else {
            let top: Vec<String> = conflicts
                .iter()
                .take(3)
                .map(|t| {
                    format!(
                        "{} vs {} ({})",
                        s.actor(t.a).name(),
                        s.actor(t.b).name(),
                        plural(t.weight as usize, "issue")
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<li>{} of actors in conflict; the strongest: {}.</li>",
                plural(conflicts.len(), "pair"),
                escape(&top.join("; "))
            );
        }
        let f = &balance.frustration;
        let _ = writeln!(
            out,
            "<li>Structural balance: {}.</li>",
            if balance.balance.is_balanced() {
                "balanced — actors and issues split into two camps that fit every tie".to_owned()
            } else {
                format!(
                    "not balanced — {} out of place{}",
                    plural(f.value, "tie"),
                    if f.exact {
                        " (proven the fewest)"
                    } else {
                        " (at most; heuristic)"
                    }
                )
            }
        );
        if nodes.drawn_as != DrawnAs::Actors {
            let _ = writeln!(
                out,
                "<li>The drawing shows {} nodes for {}: {}.</li>",
                nodes.members.len(),
                plural(s.actors().len(), "actor"),
                match nodes.drawn_as {
                    DrawnAs::Principals => "spokespeople are folded into whom they speak for",
                    _ =>
                        "actors are grouped by how alike their sides are (average linkage on net agreement); every actor is listed below the drawing",
                }
            );
        }
        out.push_str("</ul>\n</section>\n");
    }

    fn write_network(&self, out: &mut String, drawing: &Drawing, nodes: &Nodes) {
        let s = self.scenario;
        out.push_str("<section id=\"network\" aria-labelledby=\"network-h\">\n<h2 id=\"network-h\">Who agrees, who is in conflict</h2>\n<figure>\n<div class=\"scroll\">");
        out.push_str(&drawing.svg("network-svg"));
        let _ = writeln!(
            out,
            "</div>\n<figcaption>{} Hover over a node or a tie for the positions behind it.</figcaption>\n</figure>",
            escape(&drawing.description)
        );
        if nodes.drawn_as == DrawnAs::Groups {
            out.push_str("<table class=\"groups\">\n<caption>The groups drawn, and their members</caption>\n<thead><tr><th scope=\"col\">Group</th><th scope=\"col\">Members</th></tr></thead>\n<tbody>\n");
            for (i, members) in nodes.members.iter().enumerate() {
                let names: Vec<String> = members
                    .iter()
                    .map(|&a| {
                        format!(
                            "<span class=\"member\">{}</span>",
                            escape(s.actor(a).name())
                        )
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td></tr>",
                    escape(&drawing.nodes[i].label),
                    names.join(", ")
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }

    fn write_contradictions(&self, out: &mut String) {
        let s = self.scenario;
        let found = &self.contradictions;
        let _ = writeln!(
            out,
            "<section id=\"contradictions\" aria-labelledby=\"contradictions-h\">\n<h2 id=\"contradictions-h\">Contradictions ({})</h2>",
            thousands(found.len())
        );
        if found.is_empty() {
            out.push_str("<p>None: no set of positions breaks a relation between issues, and no principal reversed itself.</p>\n");
        }
        for (k, c) in found.iter().take(self.options.max_cards).enumerate() {
            let severity = c.severity.as_str();
            let names: Vec<&str> = c.principals.iter().map(|&a| s.actor(a).name()).collect();
            let _ = write!(
                out,
                "<article class=\"card {severity}\" id=\"c{}\" data-kind=\"{}\">\n<h3><span class=\"badge {severity}\">{}</span> {}: {}</h3>\n",
                k + 1,
                c.kind.as_str(),
                capitalize(severity),
                capitalize(kind_words(c.kind)),
                escape(&join_names(&names))
            );
            let mut when = match (c.from, c.until) {
                (Some(a), Some(b)) if a == b => format!("On {a}"),
                (Some(a), Some(b)) => format!("From {a} to {b}"),
                (Some(a), None) => format!("From {a}"),
                (None, Some(b)) => format!("Until {b}"),
                (None, None) => "At any time".to_owned(),
            };
            let conditions: BTreeSet<String> = c
                .conditions()
                .map(|(_, condition)| condition_words(s, condition))
                .collect();
            if !conditions.is_empty() {
                let _ = write!(
                    when,
                    " · assuming {} (a condition one side set)",
                    conditions.into_iter().collect::<Vec<_>>().join(" and ")
                );
            }
            let _ = write!(
                out,
                "<p class=\"when\">{}</p>\n<p class=\"verdict\">{}</p>\n",
                escape(&when),
                escape(&self.verdict(c))
            );
            for &p in &c.positions {
                self.write_quote(out, p);
            }
            out.push_str("<details open=\"open\"><summary>Why these cannot all hold</summary>\n<ol class=\"reasoning\">\n");
            for step in &c.reasoning {
                if matches!(step, Step::Position(_)) {
                    continue;
                }
                let _ = writeln!(out, "<li>{}</li>", escape(&c.describe(step)));
            }
            out.push_str("</ol>\n</details>\n</article>\n");
        }
        if found.len() > self.options.max_cards {
            let _ = writeln!(
                out,
                "<p class=\"note\">{} more contradictions are not shown as cards (the report shows at most {}); `stancegraph check` lists them all.</p>",
                found.len() - self.options.max_cards,
                self.options.max_cards
            );
        }
        for t in found.truncated() {
            let actors: Vec<&str> = t.principals.iter().map(|&a| s.actor(a).name()).collect();
            let _ = writeln!(
                out,
                "<p class=\"note\">{} {} contradictions among {} were found and {} are reported.</p>",
                t.found,
                kind_words(t.kind),
                escape(&join_names(&actors)),
                t.reported
            );
        }
        out.push_str("</section>\n");
    }

    /// A position as a quotation with its speaker, stance, date and source.
    fn write_quote(&self, out: &mut String, id: PositionId) {
        let s = self.scenario;
        let p = s.position(id);
        let speaker = s.actor(p.actor());
        let principal = s.principal(p.actor());
        let firmness = p.firmness();
        let _ = write!(
            out,
            "<blockquote class=\"position {}\" data-position=\"p{}\">",
            firmness.as_str().replace('_', "-"),
            id.index()
        );
        match p.quote() {
            Some(q) => {
                let _ = write!(out, "<p>{}</p>", escape(&quoted(q)));
            }
            None => out.push_str("<p class=\"noquote\">(no quote recorded)</p>"),
        }
        let mut who = escape(speaker.name());
        if let Some(role) = speaker.role() {
            let _ = write!(who, ", {}", escape(role));
        }
        if principal != p.actor() {
            let _ = write!(who, ", for {}", escape(s.actor(principal).name()));
        }
        let _ = write!(
            out,
            "<footer>— {who} · {} “{}”",
            verb(p.stance()),
            escape(s.issue(p.issue()).name())
        );
        match firmness {
            Firmness::RedLine => out.push_str(" · <strong class=\"redline\">red line</strong>"),
            Firmness::Negotiable => out.push_str(" · negotiable"),
            Firmness::Firm => out.push_str(" · firm"),
        }
        if let Some(c) = p.condition() {
            let _ = write!(out, " · if {}", escape(&condition_words(s, c)));
        }
        if let Some(d) = p.date() {
            let _ = write!(out, " · <time datetime=\"{d}\">{d}</time>");
        }
        if let Some(source) = p.source() {
            let mut parts = Vec::new();
            if let Some(t) = source.title() {
                parts.push(format!("<cite>{}</cite>", escape(t)));
            }
            if let Some(publisher) = source.publisher() {
                parts.push(escape(publisher));
            }
            if let Some(url) = source.url() {
                parts.push(format!("<span class=\"url\">{}</span>", escape(url)));
            }
            if !parts.is_empty() {
                let _ = write!(out, " · source: {}", parts.join(", "));
            }
        }
        if let Some(note) = p.note() {
            let _ = write!(
                out,
                "<br/><span class=\"note\">Coder’s note: {}</span>",
                escape(note)
            );
        }
        out.push_str("</footer></blockquote>\n");
    }

    fn write_issues(&self, out: &mut String) {
        let s = self.scenario;
        // Names shown per camp before "and N more".
        let chips = if s.actors().len() <= self.options.max_actors {
            40
        } else {
            12
        };
        out.push_str("<section id=\"issues\" aria-labelledby=\"issues-h\">\n<h2 id=\"issues-h\">Camps per issue</h2>\n\
            <p class=\"help\">Who supports, opposes or takes no side on each issue, counting spokespeople for whom they speak. \
            <span class=\"chip red-line\">red line</span> positions are declared non-negotiable; \
            <span class=\"chip negotiable\">negotiable</span> ones are open to trade; a condition follows “if”.</p>\n");
        if s.issues().len() == 0 {
            out.push_str("<p>No issues.</p>\n");
        } else {
            out.push_str("<table class=\"camps\">\n<thead><tr><th scope=\"col\">Issue</th><th scope=\"col\">Support</th><th scope=\"col\">Oppose</th><th scope=\"col\">Neutral</th></tr></thead>\n<tbody>\n");
        }
        for (id, issue) in s.issues() {
            let camps = self.graph.camps(id);
            let _ = write!(
                out,
                "<tr id=\"issue-{}\"><th scope=\"row\">{}",
                id.index(),
                escape(issue.name())
            );
            for (_, r) in s.relations_of(id) {
                let others: Vec<String> = r
                    .issues()
                    .iter()
                    .filter(|&&i| i != id)
                    .map(|&i| format!("“{}”", s.issue(i).name()))
                    .collect();
                let verb = match r.kind() {
                    crate::RelationKind::Implies if r.issues().first() == Some(&id) => "implies",
                    crate::RelationKind::Implies => "follows from",
                    crate::RelationKind::Equivalent => "is equivalent to",
                    crate::RelationKind::Excludes => "excludes",
                    _ => "cannot all hold with",
                };
                let _ = write!(
                    out,
                    "<br/><small>{verb} {}</small>",
                    escape(&others.join(", "))
                );
            }
            out.push_str("</th>");
            for stance in [Stance::Support, Stance::Oppose, Stance::Neutral] {
                let members = camps.of(stance);
                out.push_str("<td>");
                for m in members.iter().take(chips) {
                    let class = m.firmness.as_str().replace('_', "-");
                    let _ = write!(
                        out,
                        "<span class=\"chip {class}\">{}",
                        escape(s.actor(m.actor).name())
                    );
                    match m.firmness {
                        Firmness::RedLine => out.push_str(" <strong>red line</strong>"),
                        Firmness::Negotiable => out.push_str(" <em>negotiable</em>"),
                        Firmness::Firm => {}
                    }
                    if m.conditional {
                        let conditions: BTreeSet<String> = m
                            .positions
                            .iter()
                            .filter_map(|&p| s.position(p).condition())
                            .map(|c| condition_words(s, c))
                            .collect();
                        let _ = write!(
                            out,
                            " <em>if {}</em>",
                            escape(&conditions.into_iter().collect::<Vec<_>>().join(" or "))
                        );
                    }
                    out.push_str("</span> ");
                }
                if members.len() > chips {
                    let rest: Vec<String> = members[chips..]
                        .iter()
                        .map(|m| escape(s.actor(m.actor).name()))
                        .collect();
                    let _ = write!(
                        out,
                        "<details><summary>and {} more</summary>{}</details>",
                        rest.len(),
                        rest.join(", ")
                    );
                }
                out.push_str("</td>");
            }
            out.push_str("</tr>\n");
        }
        if s.issues().len() > 0 {
            out.push_str("</tbody>\n</table>\n");
        }
        out.push_str("</section>\n");
    }

    fn write_timeline(&self, out: &mut String) {
        let s = self.scenario;
        let visible = |p: &crate::Position| self.visible(p);
        // Per principal, its positions by date (undated last), then id.
        let mut by_principal: BTreeMap<ActorId, Vec<PositionId>> = BTreeMap::new();
        for (id, p) in s.positions() {
            if visible(p) {
                by_principal
                    .entry(s.principal(p.actor()))
                    .or_default()
                    .push(id);
            }
        }
        for list in by_principal.values_mut() {
            list.sort_by_key(|&p| (s.position(p).date().is_none(), s.position(p).date(), p));
        }
        // The reversals are the reversal contradictions (later → earlier),
        // so the timeline and the cards agree.
        let mut reversed_by: BTreeMap<PositionId, PositionId> = BTreeMap::new();
        for c in self
            .contradictions
            .iter()
            .filter(|c| c.kind == ContradictionKind::Reversal)
        {
            if let [earlier, later] = c.positions[..]
                && visible(s.position(later))
            {
                reversed_by.insert(later, earlier);
            }
        }
        let total: usize = by_principal.values().map(Vec::len).sum();
        let _ = writeln!(
            out,
            "<section id=\"timeline\" aria-labelledby=\"timeline-h\">\n<h2 id=\"timeline-h\">Timeline of positions</h2>\n\
             <p class=\"help\">Dated positions per principal, oldest first; a later position on an issue replaces an earlier one. \
             <span class=\"reversal-mark\">↺ reversal</span> marks a move to the other side.{}</p>",
            if reversed_by.is_empty() {
                " No reversals."
            } else {
                ""
            }
        );
        self.write_timeline_strip(out, &by_principal, &reversed_by);
        let open = total <= 200;
        let mut listed = 0;
        out.push_str("<div class=\"timeline\">\n");
        for (principal, list) in &by_principal {
            let mut counts = [0usize; 3];
            for &p in list {
                counts[match s.position(p).stance() {
                    Stance::Support => 0,
                    Stance::Oppose => 1,
                    Stance::Neutral => 2,
                }] += 1;
            }
            let reversals = list.iter().filter(|p| reversed_by.contains_key(p)).count();
            let _ = write!(
                out,
                "<details class=\"actor-timeline\"{}><summary><strong>{}</strong>: {} ({} support, {} oppose, {} neutral){}</summary>\n<ol>\n",
                if open { " open=\"open\"" } else { "" },
                escape(s.actor(*principal).name()),
                plural(list.len(), "position"),
                counts[0],
                counts[1],
                counts[2],
                if reversals > 0 {
                    format!(
                        " · <span class=\"reversal-mark\">↺ {}</span>",
                        plural(reversals, "reversal")
                    )
                } else {
                    String::new()
                }
            );
            for &id in list {
                if listed >= self.options.max_timeline {
                    break;
                }
                listed += 1;
                let p = s.position(id);
                let class = if reversed_by.contains_key(&id) {
                    " class=\"reversal\""
                } else {
                    ""
                };
                let date = p
                    .date()
                    .map(|d| format!("<time datetime=\"{d}\">{d}</time>"))
                    .unwrap_or_else(|| "undated".to_owned());
                let mut speaker = String::new();
                if p.actor() != *principal {
                    speaker = format!(" (through {})", escape(s.actor(p.actor()).name()));
                }
                let _ = write!(
                    out,
                    "<li{class}>{date} · <span class=\"stance {}\">{}</span> “{}”{speaker}",
                    p.stance().as_str(),
                    verb(p.stance()),
                    escape(s.issue(p.issue()).name())
                );
                if p.firmness() == Firmness::RedLine {
                    out.push_str(" · <strong class=\"redline\">red line</strong>");
                } else if p.firmness() == Firmness::Negotiable {
                    out.push_str(" · negotiable");
                }
                if let Some(earlier) = reversed_by.get(&id) {
                    let e = s.position(*earlier);
                    let _ = write!(
                        out,
                        " · <span class=\"reversal-mark\">↺ reversal: {} before{}</span>",
                        verb(e.stance()),
                        e.date().map(|d| format!(", since {d}")).unwrap_or_default()
                    );
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n</details>\n");
        }
        out.push_str("</div>\n");
        if listed < total {
            let _ = writeln!(
                out,
                "<p class=\"note\">{} of {} positions are listed (at most {}); each principal’s summary line counts them all.</p>",
                listed, total, self.options.max_timeline
            );
        }
        out.push_str("</section>\n");
    }

    /// A small SVG: time across, one row per principal (at most 40, the most
    /// active), one mark per dated position; drawn when positions fall on at
    /// least two days.
    fn write_timeline_strip(
        &self,
        out: &mut String,
        by_principal: &BTreeMap<ActorId, Vec<PositionId>>,
        reversed_by: &BTreeMap<PositionId, PositionId>,
    ) {
        const ROWS: usize = 40;
        let s = self.scenario;
        let dates: BTreeSet<Date> = by_principal
            .values()
            .flatten()
            .filter_map(|&p| s.position(p).date())
            .collect();
        let (Some(&first), Some(&last)) = (dates.first(), dates.last()) else {
            return;
        };
        if first == last {
            return;
        }
        let mut rows: Vec<(&ActorId, &Vec<PositionId>)> = by_principal
            .iter()
            .filter(|(_, l)| l.iter().any(|&p| s.position(p).date().is_some()))
            .collect();
        rows.sort_by_key(|(a, l)| (std::cmp::Reverse(l.len()), **a));
        let hidden = rows.len().saturating_sub(ROWS);
        rows.truncate(ROWS);
        rows.sort_by_key(|(a, _)| **a);
        let (left, width, row) = (180.0, 960.0, 18.0);
        let height = 30.0 + row * rows.len() as f64 + 24.0;
        let days = days_between(first, last).max(1) as f64;
        // At most about 150 columns of marks: long spans are bucketed by as
        // many days as that takes, each mark at its bucket's first day.
        let bucket = (days_between(first, last) / 150 + 1).max(1);
        let x = |d: Date| {
            let day = days_between(first, d);
            left + (width - left - 20.0) * (day - day % bucket) as f64 / days
        };
        let _ = write!(
            out,
            "<figure class=\"strip\"><div class=\"scroll\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height:.0}\" width=\"{width}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"strip-title\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\
             <title id=\"strip-title\">Positions over time, {first} to {last}: one row per principal; up-triangles support, down-triangles oppose, circles neutral, purple rings reversals</title>\n\
             <rect width=\"{width}\" height=\"{height:.0}\" fill=\"#ffffff\"/>\n"
        );
        let axis_y = height - 16.0;
        let _ = write!(
            out,
            "<line x1=\"{left}\" y1=\"{axis_y:.1}\" x2=\"{:.1}\" y2=\"{axis_y:.1}\" stroke=\"#8c8c8c\"/><text x=\"{left}\" y=\"{:.1}\" fill=\"#1a1a1a\">{first}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1a1a1a\">{last}</text>",
            width - 20.0,
            axis_y + 13.0,
            width - 20.0,
            axis_y + 13.0
        );
        for (r, (principal, list)) in rows.iter().enumerate() {
            let y = 24.0 + row * r as f64;
            let _ = write!(
                out,
                "<g class=\"row\"><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1a1a1a\">{}</text><line x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"#e6e6e6\"/>",
                left - 8.0,
                y + 4.0,
                escape(&shorten(s.actor(**principal).name(), 26)),
                width - 20.0
            );
            // One mark per day and stance, its tooltip listing the positions
            // (at most five, then a count): a busy row stays small.
            let mut marks: BTreeMap<(i64, u8), Vec<PositionId>> = BTreeMap::new();
            for &p in list.iter() {
                let position = s.position(p);
                if let Some(d) = position.date() {
                    let order = match position.stance() {
                        Stance::Support => 0,
                        Stance::Oppose => 1,
                        Stance::Neutral => 2,
                    };
                    let day = days_between(first, d);
                    marks
                        .entry((day - day % bucket, order))
                        .or_default()
                        .push(p);
                }
            }
            for ids in marks.values() {
                let position = s.position(ids[0]);
                let Some(d) = position.date() else { continue };
                let cx = x(d);
                let mark = match position.stance() {
                    Stance::Support => format!(
                        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{AGREEMENT_COLOUR}\"/>",
                        cx,
                        y - 5.0,
                        cx - 5.0,
                        y + 4.0,
                        cx + 5.0,
                        y + 4.0
                    ),
                    Stance::Oppose => format!(
                        "<polygon points=\"{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{CONFLICT_COLOUR}\"/>",
                        cx,
                        y + 5.0,
                        cx - 5.0,
                        y - 4.0,
                        cx + 5.0,
                        y - 4.0
                    ),
                    Stance::Neutral => {
                        format!("<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"3.5\" fill=\"#8c8c8c\"/>")
                    }
                };
                let ring = if ids.iter().any(|p| reversed_by.contains_key(p)) {
                    format!(
                        "<circle cx=\"{cx:.1}\" cy=\"{y:.1}\" r=\"8\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
                        crate::render::drawing::CONTRADICTION_COLOUR
                    )
                } else {
                    String::new()
                };
                // One position in full; several as a count and their issues.
                let tip = if let [one] = ids[..] {
                    vec![self.position_line(one)]
                } else {
                    let mut names: Vec<String> = ids
                        .iter()
                        .take(3)
                        .map(|&p| {
                            format!("“{}”", shorten(s.issue(s.position(p).issue()).name(), 50))
                        })
                        .collect();
                    if ids.len() > 3 {
                        names.push(format!("and {} more", thousands(ids.len() - 3)));
                    }
                    let when = if bucket == 1 {
                        d.to_string()
                    } else {
                        format!("{bucket} days from {d}")
                    };
                    vec![format!(
                        "{}, {when}: {} {} issues: {}",
                        shorten(s.actor(**principal).name(), 120),
                        verb(position.stance()),
                        thousands(ids.len()),
                        names.join(", ")
                    )]
                };
                let _ = write!(
                    out,
                    "<g class=\"mark\"><title>{}</title>{mark}{ring}</g>",
                    escape(&tip.join("\n"))
                );
            }
            out.push_str("</g>\n");
        }
        out.push_str("</svg></div>");
        if hidden > 0 {
            let _ = write!(
                out,
                "<figcaption>The {ROWS} principals with the most positions; {} more are in the list below.</figcaption>",
                hidden
            );
        }
        out.push_str("</figure>\n");
    }

    fn write_balance(&self, out: &mut String, balance: &BalanceReport<'_>) {
        const TENSIONS: usize = 50;
        let g = &self.signed;
        let label = |v: usize| self.node_name(v);
        let f = &balance.frustration;
        out.push_str("<section id=\"balance\" aria-labelledby=\"balance-h\">\n<h2 id=\"balance-h\">Structural balance</h2>\n");
        let positive = g.edges().iter().filter(|e| e.sign > 0).count();
        let _ = writeln!(
            out,
            "<p class=\"help\">The signed graph of actors and issues: support (+) and opposition (−) from actors to issues, \
             relations between issues (implies +, excludes −), membership and speaking for (+). It is balanced when its nodes \
             split into two camps with every + inside a camp and every − between them. {} nodes, {} ties ({} positive, {} negative).</p>",
            thousands(g.nodes().len()),
            thousands(g.edges().len()),
            thousands(positive),
            thousands(g.edges().len() - positive)
        );
        let verdict = if balance.balance.is_balanced() {
            "<strong>Balanced.</strong> Two camps fit every tie.".to_owned()
        } else {
            let how = if f.exact {
                "proven the fewest possible".to_owned()
            } else if f.limit_reached {
                format!(
                    "the time limit stopped the search; at least {}",
                    thousands(f.lower_bound)
                )
            } else {
                format!("heuristic; at least {}", thousands(f.lower_bound))
            };
            format!(
                "<strong>Not balanced.</strong> Frustration index {}: {} out of place ({how}); frustration score 1 − 2L/m = {:.3}.",
                thousands(f.value),
                plural(f.value, "tie"),
                f.score()
            )
        };
        let _ = writeln!(out, "<p class=\"verdict\">{verdict}</p>");
        let t = &balance.triangles;
        if t.total() > 0 {
            let _ = writeln!(
                out,
                "<p>Triangles: {} of {} balanced (ratio {:.3}).</p>",
                t.ppp + t.pnn,
                t.total(),
                t.balance_ratio()
            );
        }
        out.push_str("<table class=\"balance-camps\">\n<thead><tr><th scope=\"col\">Camp</th><th scope=\"col\">Actors</th><th scope=\"col\">Issues</th></tr></thead>\n<tbody>\n");
        let actors = self.scenario.actors().len();
        for (i, camp) in f.camps.iter().enumerate() {
            let names = |issues: bool| {
                let list: Vec<String> = camp
                    .iter()
                    .filter(|&&v| (v >= actors) == issues && g.degree(v) > 0)
                    .map(|&v| escape(&label(v)))
                    .collect();
                if list.is_empty() {
                    "—".to_owned()
                } else {
                    list.join(", ")
                }
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\"><span class=\"swatch\" style=\"background:{}\"></span> Camp {}</th><td>{}</td><td>{}</td></tr>",
                CAMP_COLOURS[i],
                i + 1,
                names(false),
                names(true)
            );
        }
        out.push_str("</tbody>\n</table>\n");
        let isolated = (0..g.nodes().len()).filter(|&v| g.degree(v) == 0).count();
        if isolated > 0 {
            let _ = writeln!(
                out,
                "<p class=\"note\">{} without any tie belong to neither camp.</p>",
                plural(isolated, "node")
            );
        }
        if !balance.tensions.is_empty() {
            let _ = writeln!(
                out,
                "<h3>Out-of-place ties ({})</h3>\n<p class=\"help\">Each tie below contradicts the camps; the cycle shows why: it has an odd number of negative ties, so one of its ties must be out of place.</p>\n<ol class=\"tensions\">",
                thousands(balance.tensions.len())
            );
            for tension in balance.tensions.iter().take(TENSIONS) {
                let e = g.edges()[tension.edge];
                let what = if e.sign > 0 {
                    "a positive tie between the camps"
                } else {
                    "a negative tie inside a camp"
                };
                let _ = write!(
                    out,
                    "<li><strong>{} — {}</strong>: {what}",
                    escape(&label(e.a)),
                    escape(&label(e.b))
                );
                if !tension.nodes.is_empty() {
                    let mut cycle: Vec<String> = tension.nodes.iter().map(|&v| label(v)).collect();
                    cycle.push(label(tension.nodes[0]));
                    let _ = write!(out, ". Cycle: {}", escape(&cycle.join(" → ")));
                }
                let evidence = self.tension_evidence(&tension.edges);
                if !evidence.is_empty() {
                    let _ = write!(
                        out,
                        "<details{}><summary>What stands behind these ties ({})</summary><ul class=\"evidence\">",
                        if evidence.len() <= 6 {
                            " open=\"open\""
                        } else {
                            ""
                        },
                        evidence.len()
                    );
                    for line in evidence {
                        let _ = write!(out, "<li>{}</li>", escape(&line));
                    }
                    out.push_str("</ul></details>");
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
            if balance.tensions.len() > TENSIONS {
                let _ = writeln!(
                    out,
                    "<p class=\"note\">{} more out-of-place ties; `stancegraph balance` lists them all.</p>",
                    balance.tensions.len() - TENSIONS
                );
            }
        }
        out.push_str("</section>\n");
    }

    /// The name of a node of the signed graph: an actor's or an issue's.
    fn node_name(&self, v: usize) -> String {
        let s = self.scenario;
        match self.signed.origin(v) {
            Some(crate::balance::NodeOrigin::Actor(a)) => s.actor(a).name().to_owned(),
            Some(crate::balance::NodeOrigin::Issue(i)) => format!("“{}”", s.issue(i).name()),
            _ => self.signed.nodes().get(v).cloned().unwrap_or_default(),
        }
    }

    /// What stands behind the ties of a cycle, one line each.
    fn tension_evidence(&self, edges: &[usize]) -> Vec<String> {
        let s = self.scenario;
        let g = &self.signed;
        let mut lines = Vec::new();
        for &e in edges {
            let (Some(edge), Some(ev)) = (g.edges().get(e), g.evidence(e)) else {
                continue;
            };
            let (a, b) = (self.node_name(edge.a), self.node_name(edge.b));
            if ev.membership {
                lines.push(format!("{a} and {b}: one is a member of the other"));
            }
            if ev.speaks_for {
                lines.push(format!("{a} and {b}: one speaks for the other"));
            }
            for &p in &ev.positions {
                lines.push(self.position_line(p));
            }
            for &r in &ev.relations {
                let rel = s.relation(r);
                let names: Vec<String> = rel
                    .issues()
                    .iter()
                    .map(|&i| format!("“{}”", s.issue(i).name()))
                    .collect();
                let mut line = format!("{} {}", names.join(" "), rel.kind());
                if let [x, rest @ ..] = names.as_slice() {
                    line = format!("{x} {} {}", rel.kind(), rest.join(", "));
                }
                if let Some(note) = rel.note() {
                    let _ = write!(line, " ({note})");
                }
                lines.push(line);
            }
        }
        lines
    }
}

/// Whole days from `a` to `b`.
fn days_between(a: Date, b: Date) -> i64 {
    // Between civil dates the span's largest unit is days.
    a.to_jiff()
        .until(b.to_jiff())
        .map_or(0, |span| i64::from(span.get_days()))
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

fn kind_words(kind: ContradictionKind) -> &'static str {
    match kind {
        ContradictionKind::SelfContradiction => "self-contradiction",
        ContradictionKind::MemberVsBloc => "member against bloc",
        ContradictionKind::BetweenAllies => "between allies",
        ContradictionKind::Deadlock => "deadlock",
        ContradictionKind::Reversal => "reversal",
    }
}

/// The page's style: readable, high-contrast, printable; no web fonts.
const STYLE: &str = r#"
:root{--ink:#1a1a1a;--muted:#4d4d4d;--rule:#d0d0d0;--critical:#b2182b;--high:#b35806;--medium:#6b5d00;--bg:#ffffff}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1000px;padding:1rem 1.25rem 3rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
h1{font-size:1.8rem;margin:.5rem 0 .25rem}
h2{font-size:1.35rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--rule);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:.2rem 0 .4rem}
.lead{color:var(--muted);margin:.2rem 0}
.counts{color:var(--muted);font-size:.95rem}
nav a{margin-right:1rem;color:#08519c}
#findings ul{padding-left:1.2rem}
#findings{background:#f5f5f5;border-left:4px solid #2166ac;padding:.1rem 1rem .4rem;margin-top:1rem}
#findings h2{border:0;margin-top:.6rem}
.scroll{overflow-x:auto}
figure{margin:0}
figcaption{color:var(--muted);font-size:.9rem;margin-top:.3rem}
svg.network{max-width:100%;height:auto;border:1px solid var(--rule)}
.card{border:1px solid var(--rule);border-left:6px solid var(--medium);border-radius:4px;padding:.6rem .9rem;margin:.8rem 0;break-inside:avoid}
.card.critical{border-left-color:var(--critical)}
.card.high{border-left-color:var(--high)}
.badge{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;padding:.05rem .45rem;border-radius:3px;color:#fff;background:var(--medium)}
.badge.critical{background:var(--critical)}
.badge.high{background:var(--high)}
.when{color:var(--muted);margin:.1rem 0 .3rem;font-size:.92rem}
.verdict{font-weight:600;margin:.3rem 0 .5rem}
blockquote{margin:.5rem 0;padding:.3rem .8rem;border-left:3px solid var(--rule);background:#fafafa}
blockquote p{margin:0 0 .2rem;font-style:italic}
blockquote.red-line{border-left-color:var(--critical)}
blockquote footer{font-size:.88rem;color:var(--muted)}
.redline{color:var(--critical);text-transform:uppercase;font-size:.8rem;letter-spacing:.03em}
.url{word-break:break-all}
.note{color:var(--muted);font-size:.9rem}
.reasoning li{margin:.1rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.93rem}
th,td{border:1px solid var(--rule);padding:.35rem .5rem;vertical-align:top;text-align:left}
thead th{background:#f0f0f0}
caption{text-align:left;color:var(--muted);padding:.2rem 0}
.chip{display:inline-block;border:1px solid #bdbdbd;border-radius:999px;padding:0 .5rem;margin:.1rem 0;background:#fff;white-space:nowrap}
.chip.red-line{border:2px solid var(--critical);font-weight:700}
.chip.red-line strong{color:var(--critical);text-transform:uppercase;font-size:.75rem}
.chip.negotiable{border-style:dashed}
.chip em{color:var(--muted);font-size:.85rem}
.help{color:var(--muted);font-size:.92rem}
table.camps{table-layout:fixed}
table.camps th[scope=row]{width:34%}
table.camps td{width:22%}
table.camps th small{font-weight:400;color:var(--muted)}
.stance.support{color:#1b7837;font-weight:600}
.stance.oppose{color:#b2182b;font-weight:600}
.stance.neutral{color:var(--muted)}
.reversal{background:#f3e8f5}
.reversal-mark{color:#762a83;font-weight:700}
.timeline ol{margin:.2rem 0 .6rem}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:50%;opacity:.5;vertical-align:-2px}
.evidence{font-size:.9rem;color:var(--muted)}
body>footer{margin-top:2rem;color:var(--muted);font-size:.85rem}
@media print{h2,h3{break-after:avoid-page}nav{display:none}body{max-width:none;font-size:11pt}.card,tr,blockquote,figure{break-inside:avoid}a{color:inherit;text-decoration:none}#findings{background:none}}
"#;
