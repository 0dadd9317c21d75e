//! One structural-balance analysis of a signed graph, explained: the balance
//! tests, the triangle census, walk balance, the frustration index with the
//! tension behind every out-of-place tie, and optionally a k-camp
//! blockmodel. Rendered as text (in words) or JSON.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::{
    Result, Scenario,
    balance::{
        Balance, BlockPattern, Blockmodel, BlockmodelOptions, EdgeEvidence, Frustration,
        FrustrationOptions, PatternFit, SignedGraph, Significance, SignificanceOptions, Tension,
        TriangleCensus, WeakBalance,
    },
    discourse::Polarization,
    util::number,
};

/// Walk balance needs the eigenvalues of dense n × n matrices: above this
/// many nodes it is left out (and said so).
pub const WALK_BALANCE_MAX_NODES: usize = 3_000;

/// What [`BalanceReport::new`] computes.
///
/// # Examples
///
/// ```
/// use stancegraph::balance::{BalanceOptions, BlockmodelOptions, FrustrationMethod, FrustrationOptions};
///
/// let options = BalanceOptions::new()
///     .with_frustration(FrustrationOptions::new().with_method(FrustrationMethod::Exact))
///     .with_blockmodel(BlockmodelOptions::new(3).with_alpha(0.5));
/// assert_eq!(options.blockmodel.map(|b| b.k), Some(3));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct BalanceOptions {
    /// How to compute the frustration index.
    pub frustration: FrustrationOptions,
    /// A k-camp blockmodel to fit, if any (the result is
    /// [`BalanceReport::blockmodel`]).
    pub blockmodel: Option<BlockmodelOptions>,
    /// Test significance against random sign arrangements, if asked for
    /// (the result is [`BalanceReport::significance`]).
    pub significance: Option<SignificanceOptions>,
    /// A generalised blockmodel to fit, if any, with its search options
    /// (the result is [`BalanceReport::pattern`]).
    pub pattern: Option<(BlockPattern, BlockmodelOptions)>,
}

impl BalanceOptions {
    /// Defaults: frustration by size (exact when affordable), no blockmodel.
    pub fn new() -> Self {
        BalanceOptions::default()
    }

    /// Sets the frustration options.
    pub fn with_frustration(mut self, options: FrustrationOptions) -> Self {
        self.frustration = options;
        self
    }

    /// Asks for a blockmodel (`BlockmodelOptions::new(k)` for `k` camps,
    /// `with_alpha` for the weight on negative ties inside camps).
    pub fn with_blockmodel(mut self, options: BlockmodelOptions) -> Self {
        self.blockmodel = Some(options);
        self
    }

    /// Asks for a generalised blockmodel of this pattern
    /// ([`SignedGraph::fit_pattern`], with `options`' `alpha`, `restarts`,
    /// `seed` and `exact_limit`).
    pub fn with_pattern(mut self, pattern: BlockPattern, options: BlockmodelOptions) -> Self {
        self.pattern = Some((pattern, options));
        self
    }

    /// Asks for the significance test ([`SignedGraph::significance`]).
    pub fn with_significance(mut self, options: SignificanceOptions) -> Self {
        self.significance = Some(options);
        self
    }
}

/// The structural balance of one signed graph, with everything needed to
/// explain it.
///
/// # Examples
///
/// ```
/// use stancegraph::{balance::{BalanceOptions, BalanceReport, SignedGraph}};
///
/// let text = "source,target,sign\nA,B,1\nB,C,1\nA,C,-1\nC,D,-1\n";
/// let g = &SignedGraph::read_edges(text, "t.csv")?[0];
/// let report = BalanceReport::new(g, &BalanceOptions::new())?;
/// assert!(!report.balance.is_balanced());
/// assert_eq!(report.frustration.value, 1.0);
/// let json = report.to_json(None);
/// assert_eq!(json["frustration"]["exact"], true);
/// assert!(report.explain(None).contains("Out-of-place ties (1;"));
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct BalanceReport<'g> {
    /// The graph analysed.
    pub graph: &'g SignedGraph,
    /// Strict balance: two camps or an unbalanced cycle.
    pub balance: Balance,
    /// Weak balance: k camps or a negative tie inside a positive component.
    pub weak: WeakBalance,
    /// The triangle census.
    pub triangles: TriangleCensus,
    /// Walk balance (Estrada); `None` above [`WALK_BALANCE_MAX_NODES`] nodes.
    pub walk_balance: Option<f64>,
    /// The frustration index, its bound and camps.
    pub frustration: Frustration,
    /// Per frustrated edge, the unbalanced cycle that explains it.
    pub tensions: Vec<Tension>,
    /// The k-camp blockmodel, when asked for.
    pub blockmodel: Option<Blockmodel>,
    /// DNA's polarization, when the caller adds it.
    pub polarization: Option<Polarization>,
    /// Triangle balance and the frustration index against random sign
    /// arrangements, when asked for.
    pub significance: Option<Significance>,
    /// The generalised blockmodel, when asked for.
    pub pattern: Option<PatternFit>,
    /// Whether any tie weighs other than 1 (then weights are shown).
    weighted: bool,
    /// The graph's ambivalent pairs (positive edge, negative edge).
    ambivalent: Vec<(usize, usize)>,
}

impl<'g> BalanceReport<'g> {
    /// Analyses `graph`.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidOptions`] for bad blockmodel options.
    pub fn new(graph: &'g SignedGraph, options: &BalanceOptions) -> Result<BalanceReport<'g>> {
        let blockmodel = match &options.blockmodel {
            Some(o) => Some(graph.blockmodel(o)?),
            None => None,
        };
        let mut report = BalanceReport::without_blockmodel(graph, &options.frustration);
        report.blockmodel = blockmodel;
        report.significance = options.significance.as_ref().map(|o| graph.significance(o));
        if let Some((pattern, fit)) = &options.pattern {
            report.pattern = Some(graph.fit_pattern(pattern, fit)?);
        }
        Ok(report)
    }

    /// The analysis without a blockmodel, which cannot fail.
    pub(crate) fn without_blockmodel(
        graph: &'g SignedGraph,
        frustration: &FrustrationOptions,
    ) -> BalanceReport<'g> {
        let frustration = graph.frustration(frustration);
        let tensions = frustration.tensions(graph);
        BalanceReport {
            graph,
            balance: graph.balance(),
            weak: graph.weak_balance(),
            triangles: graph.triangles(),
            walk_balance: (graph.nodes().len() <= WALK_BALANCE_MAX_NODES)
                .then(|| graph.walk_balance()),
            frustration,
            tensions,
            blockmodel: None,
            polarization: None,
            significance: None,
            pattern: None,
            weighted: graph.is_weighted(),
            ambivalent: graph.ambivalent_pairs(),
        }
    }

    /// Adds DNA's polarization score (computed on the networks the graph
    /// came from) to the report.
    pub fn with_polarization(mut self, polarization: Polarization) -> Self {
        self.polarization = Some(polarization);
        self
    }

    fn label(&self, v: usize) -> &str {
        self.graph.nodes().get(v).map_or("?", String::as_str)
    }

    fn labels(&self, nodes: &[usize]) -> Vec<&str> {
        nodes.iter().map(|&v| self.label(v)).collect()
    }

    fn edge_json(&self, e: usize, scenario: Option<&Scenario>) -> Value {
        let edge = self.graph.edges()[e];
        let mut value = json!({
            "source": self.label(edge.a),
            "target": self.label(edge.b),
            "sign": edge.sign,
        });
        if self.weighted {
            value["weight"] = number::json(edge.weight);
        }
        if let Some(evidence) = self.graph.evidence(e) {
            value["evidence"] =
                Value::from(self.evidence_lines(edge.a, edge.b, evidence, scenario));
        }
        value
    }

    /// The JSON document: counts, balance, triangles, walk balance,
    /// frustration (value, exact, lower bound, camps, frustrated edges with
    /// their tension cycles and evidence), and the blockmodel and
    /// polarization when present. `scenario` (the one the graph came from)
    /// turns evidence into quotes.
    pub fn to_json(&self, scenario: Option<&Scenario>) -> Value {
        let g = self.graph;
        let positive = g.edges().iter().filter(|e| e.sign > 0).count();
        let t = &self.triangles;
        let f = &self.frustration;
        let frustrated: Vec<Value> = self
            .tensions
            .iter()
            .map(|tension| {
                let mut value = self.edge_json(tension.edge, scenario);
                value["cycle"] = json!(self.labels(&tension.nodes));
                value
            })
            .collect();
        let witness = match &self.balance {
            Balance::Balanced { .. } => Value::Null,
            Balance::Unbalanced { cycle, edges } => json!({
                "nodes": self.labels(cycle),
                "edges": edges.iter().map(|&e| self.edge_json(e, scenario)).collect::<Vec<_>>(),
            }),
        };
        let mut doc = json!({
            "period": g.period(),
            "nodes": g.nodes().len(),
            "edges": g.edges().len(),
            "positive_edges": positive,
            "negative_edges": g.edges().len() - positive,
            "balanced": self.balance.is_balanced(),
            "unbalanced_cycle": witness,
            "weakly_balanced": self.weak.is_balanced(),
            "triangles": {"+++": t.ppp, "++-": t.ppn, "+--": t.pnn, "---": t.nnn},
            "triangle_balance": t.balance_ratio(),
            "walk_balance": self.walk_balance,
            "frustration": {
                "value": number::json(f.value),
                "exact": f.exact,
                "lower_bound": number::json(f.lower_bound),
                "gap": number::json(f.gap()),
                "method": match f.method {
                    crate::balance::FrustrationMethod::Heuristic => "heuristic",
                    _ => "exact",
                },
                "limit_reached": f.limit_reached,
                "score": f.score(),
                "camps": [self.labels(&f.camps[0]), self.labels(&f.camps[1])],
                "frustrated_edges": frustrated,
                "search_nodes": f.search_nodes,
            },
        });
        if self.weighted {
            doc["total_weight"] = number::json(g.total_weight());
            doc["frustration"]["total_weight"] = number::json(f.total_weight);
        }
        if !self.ambivalent.is_empty() {
            doc["ambivalent_pairs"] = self
                .ambivalent
                .iter()
                .map(|&(p, n)| {
                    let (pe, ne) = (g.edges()[p], g.edges()[n]);
                    json!({
                        "source": self.label(pe.a),
                        "target": self.label(pe.b),
                        "positive": number::json(pe.weight),
                        "negative": number::json(ne.weight),
                    })
                })
                .collect();
        }
        if let Some(b) = &self.blockmodel {
            doc["blockmodel"] = json!({
                "k": b.k,
                "alpha": b.alpha,
                "criterion": b.criterion(),
                "negative_inside": crate::util::number::json(b.negative_inside),
                "positive_between": crate::util::number::json(b.positive_between),
                "exact": b.exact,
                "camps": b.camps.iter().map(|c| self.labels(c)).collect::<Vec<_>>(),
                "misplaced": b.misplaced.iter().map(|&e| self.edge_json(e, scenario)).collect::<Vec<_>>(),
            });
        }
        if let Some(p) = &self.polarization {
            doc["polarization"] = json!({
                "q": p.q,
                "exact": p.exact,
                "clusters": p.clusters,
            });
        }
        if let Some(s) = &self.significance {
            doc["significance"] = s.to_json();
        }
        if let Some(fit) = &self.pattern {
            doc["pattern_blockmodel"] = fit.to_json(self.graph);
        }
        doc
    }

    /// The analysis in words: whether and how the graph splits into camps,
    /// who is in them, and each out-of-place tie with the cycle that makes
    /// it so (and, with `scenario`, the statements behind each tie).
    pub fn explain(&self, scenario: Option<&Scenario>) -> String {
        let g = self.graph;
        let mut out = String::new();
        let positive = g.edges().iter().filter(|e| e.sign > 0).count();
        if let Some(p) = g.period() {
            let _ = writeln!(out, "Period {p}");
        }
        let _ = writeln!(
            out,
            "Signed network: {} nodes, {} ties ({} positive, {} negative).",
            g.nodes().len(),
            g.edges().len(),
            positive,
            g.edges().len() - positive
        );
        if self.weighted {
            out.pop();
            let _ = writeln!(out, " Total weight {}.", number::text(g.total_weight()));
        }
        if !self.ambivalent.is_empty() {
            let _ = writeln!(
                out,
                "Ambivalent pairs ({}; tied both ways, so whatever the camps the lighter side is out of place):",
                self.ambivalent.len()
            );
            for &(p, n) in &self.ambivalent {
                let (pe, ne) = (g.edges()[p], g.edges()[n]);
                let _ = writeln!(
                    out,
                    "  {} -- {}: positive {}, negative {}",
                    self.label(pe.a),
                    self.label(pe.b),
                    number::text(pe.weight),
                    number::text(ne.weight)
                );
            }
        }
        match &self.balance {
            Balance::Balanced { first, second } => {
                let _ = writeln!(
                    out,
                    "Balanced: two camps hold every positive tie inside a camp and every negative tie between them.\n  Camp 1: {}\n  Camp 2: {}",
                    self.names(first),
                    self.names(second)
                );
            }
            Balance::Unbalanced { cycle, edges } => {
                let negatives = edges.iter().filter(|&&e| g.edges()[e].sign < 0).count();
                let _ = writeln!(
                    out,
                    "Not balanced: no two camps fit every tie. For example the cycle {} has {} negative tie{} (an odd number), so whichever camps are drawn one of its ties is out of place.",
                    self.cycle_text(cycle),
                    negatives,
                    if negatives == 1 { "" } else { "s" }
                );
            }
        }
        let _ = match &self.weak {
            WeakBalance::Balanced { camps } => writeln!(
                out,
                "Weakly balanced: {} (the groups joined by positive ties) {} no negative tie inside.",
                plural(camps.len(), "camp"),
                if camps.len() == 1 { "has" } else { "have" }
            ),
            WeakBalance::Unbalanced { negative, path, .. } => writeln!(
                out,
                "Not weakly balanced either: {} and {} are joined by positive ties ({}) yet tied negatively.",
                self.label(g.edges()[*negative].a),
                self.label(g.edges()[*negative].b),
                self.labels(path).join(" + ")
            ),
        };
        let t = &self.triangles;
        let _ = writeln!(
            out,
            "Triangles: {} (+++ {}, ++- {}, +-- {}, --- {}); {} balanced, ratio {:.7}.",
            t.total(),
            t.ppp,
            t.ppn,
            t.pnn,
            t.nnn,
            t.ppp + t.pnn,
            t.balance_ratio()
        );
        let _ = match self.walk_balance {
            Some(w) => writeln!(out, "Walk balance: {w:.7}."),
            None => writeln!(
                out,
                "Walk balance: not computed (more than {WALK_BALANCE_MAX_NODES} nodes)."
            ),
        };
        let f = &self.frustration;
        let label = if f.exact {
            "exact, proven optimal".to_owned()
        } else if f.limit_reached {
            format!(
                "stopped by the time limit: at least {}, gap {}",
                number::text(f.lower_bound),
                number::text(f.gap())
            )
        } else {
            format!(
                "heuristic: at least {}, gap {}",
                number::text(f.lower_bound),
                number::text(f.gap())
            )
        };
        let _ = writeln!(
            out,
            "Frustration index: {} ({label}); frustration score 1 - 2L/{} = {:.7}.",
            number::text(f.value),
            if self.weighted { "W" } else { "m" },
            f.score()
        );
        if f.value > 0.0 || !self.balance.is_balanced() {
            let _ = writeln!(
                out,
                "Best two camps ({} out of place):\n  Camp 1: {}\n  Camp 2: {}",
                if self.weighted {
                    "least weight"
                } else {
                    "fewest ties"
                },
                self.names(&f.camps[0]),
                self.names(&f.camps[1])
            );
        }
        if !self.tensions.is_empty() {
            let _ = writeln!(
                out,
                "Out-of-place ties ({}; the {} is proven when exact, but each could trade places with another tie of its cycle):",
                self.tensions.len(),
                if self.weighted {
                    "total weight"
                } else {
                    "count"
                }
            );
            for tension in &self.tensions {
                let e = g.edges()[tension.edge];
                let what = if e.sign > 0 {
                    "positive tie between the camps"
                } else {
                    "negative tie inside a camp"
                };
                let _ = write!(out, "  {} -- {}: {what}", self.label(e.a), self.label(e.b));
                if self.weighted {
                    let _ = write!(out, " (weight {})", number::text(e.weight));
                }
                if tension.nodes.is_empty() {
                    let _ = writeln!(out, ".");
                } else {
                    let _ = writeln!(
                        out,
                        "; unbalanced cycle {}.",
                        self.cycle_text(&tension.nodes)
                    );
                }
                if g.evidence(tension.edge).is_some() {
                    for &edge in &tension.edges {
                        let x = g.edges()[edge];
                        if let Some(ev) = g.evidence(edge) {
                            for line in self.evidence_lines(x.a, x.b, ev, scenario) {
                                let _ = writeln!(out, "      {line}");
                            }
                        }
                    }
                }
            }
        }
        if let Some(b) = &self.blockmodel {
            let (negative, positive) = (
                crate::util::number::text(b.negative_inside),
                crate::util::number::text(b.positive_between),
            );
            let ties = if g.is_weighted() {
                format!(
                    "negative ties inside camps of total weight {negative}, positive ties between of total weight {positive}"
                )
            } else {
                format!("{negative} negative ties inside camps, {positive} positive ties between")
            };
            let _ = writeln!(
                out,
                "Blockmodel, {}, alpha {}: criterion {} ({ties}){}.",
                plural(b.camps.len(), "camp"),
                b.alpha,
                b.criterion(),
                if b.exact { ", proven optimal" } else { "" }
            );
            for (i, camp) in b.camps.iter().enumerate() {
                let _ = writeln!(out, "  Camp {}: {}", i + 1, self.names(camp));
            }
            for &e in &b.misplaced {
                let x = g.edges()[e];
                let _ = writeln!(
                    out,
                    "  misplaced: {} -- {} ({})",
                    self.label(x.a),
                    self.label(x.b),
                    if x.sign > 0 {
                        "positive, between camps"
                    } else {
                        "negative, inside a camp"
                    }
                );
            }
        }
        if let Some(p) = &self.polarization {
            let _ = writeln!(
                out,
                "Polarization (DNA's Q over balanced splits{}): {:.7}\n  Cluster 1: {}\n  Cluster 2: {}",
                if p.exact {
                    ", exhaustive"
                } else {
                    ", local search"
                },
                p.q,
                p.clusters[0].join(", "),
                p.clusters[1].join(", ")
            );
        }
        if let Some(fit) = &self.pattern {
            out.push_str(&fit.explain(self.graph));
        }
        if let Some(s) = &self.significance {
            out.push_str(&s.explain());
        }
        out
    }

    /// Node labels joined with commas, or "(nobody)".
    fn names(&self, nodes: &[usize]) -> String {
        if nodes.is_empty() {
            "(nobody)".to_owned()
        } else {
            self.labels(nodes).join(", ")
        }
    }

    fn cycle_text(&self, nodes: &[usize]) -> String {
        let mut parts = self.labels(nodes);
        if let Some(&first) = parts.first() {
            parts.push(first);
        }
        parts.join(" - ")
    }

    /// What stands behind the tie between `a` and `b`, one line each.
    fn evidence_lines(
        &self,
        a: usize,
        b: usize,
        evidence: &EdgeEvidence,
        scenario: Option<&Scenario>,
    ) -> Vec<String> {
        let mut lines = Vec::new();
        let (la, lb) = (self.label(a), self.label(b));
        if evidence.membership {
            lines.push(format!("{la} and {lb}: one is a member of the other"));
        }
        if evidence.speaks_for {
            lines.push(format!("{la} and {lb}: one speaks for the other"));
        }
        if evidence.agreement_count > 0 || evidence.conflict_count > 0 {
            lines.push(format!(
                "{la} and {lb}: agree on {} issue(s), in conflict on {}",
                evidence.agreement_count, evidence.conflict_count
            ));
        }
        let Some(s) = scenario else {
            lines.extend(
                evidence
                    .positions
                    .iter()
                    .map(|p| format!("position #{}", p.index())),
            );
            lines.extend(
                evidence
                    .relations
                    .iter()
                    .map(|r| format!("relation #{}", r.index())),
            );
            return lines;
        };
        for &p in &evidence.positions {
            let position = s.position(p);
            let verb = crate::model::words::verb(position.stance());
            let mut line = format!(
                "{} {verb} {} [{}]",
                s.actor(position.actor()).key(),
                s.issue(position.issue()).key(),
                position.key()
            );
            if let Some(d) = position.date() {
                let _ = write!(line, " on {d}");
            }
            if let Some(q) = position.quote() {
                let _ = write!(line, ": {}", crate::util::words::quoted(q));
            }
            lines.push(line);
        }
        for &r in &evidence.relations {
            let relation = s.relation(r);
            let issues: Vec<&str> = relation
                .issues()
                .iter()
                .map(|&i| s.issue(i).key())
                .collect();
            lines.push(format!(
                "relation: {} {}",
                relation.kind().as_str(),
                issues.join(", ")
            ));
        }
        lines
    }
}

/// "1 camp", "3 camps".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
