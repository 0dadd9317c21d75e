//! Signed edge lists in CSV: columns `source`, `target` and `sign`,
//! optional `weight` and `period`, read into one [`SignedGraph`] per period
//! (the public entry point is [`SignedGraph::read_edges`]). Rows repeating a
//! pair add up per sign; a pair with both signs keeps an edge of each. Every
//! bad row is reported with its line and column, not just the first.
//!
//! Written back by [`SignedGraph::write_edges`]: one row per edge, so that
//! reading what was written gives the same periods, ties, signs and weights
//! (weights in the shortest text that reads back to the same number); nodes
//! without a tie are not in an edge list.

use std::collections::HashMap;
use std::io::Write;

use crate::balance::{SignedEdge, SignedGraph};
use crate::error::{Problem, ProblemKind};
use crate::util::escape::write_csv_field;
use crate::{Error, Result};

/// The rows of one period as they are read; a [`SignedGraph`] once all are.
#[derive(Default)]
struct Period {
    period: Option<String>,
    nodes: Vec<String>,
    edges: Vec<SignedEdge>,
}

/// Reads an edge list CSV: see [`SignedGraph::read_edges`].
pub(crate) fn read_edges(text: &str, origin: &str) -> Result<Vec<SignedGraph>> {
    let invalid = |problems: Vec<Problem>| Error::Invalid {
        origin: origin.to_owned(),
        problems,
    };
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|_| invalid(vec![crate::io::table_problem::unreadable_header()]))?
        .clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let [source, target, sign] =
        crate::io::table_problem::find_columns(&headers, ["source", "target", "sign"])
            .map_err(invalid)?;
    let mut problems = Vec::new();
    let (weight, period) = (column("weight"), column("period"));

    let mut graphs: Vec<Period> = Vec::new();
    let mut by_period: HashMap<String, usize> = HashMap::new();
    let mut node_index: Vec<HashMap<String, usize>> = Vec::new();
    let mut pairs: Vec<HashMap<(usize, usize, i8), usize>> = Vec::new();
    // Per period, the total weight so far: it must stay finite.
    let mut totals: Vec<f64> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 1;
        let mut bad = |line: Option<u64>, field: &str, reason: &'static str| {
            let column = Some(field).filter(|f| !f.is_empty());
            problems.push(crate::io::table_problem::row_problem(
                row,
                line,
                column,
                ProblemKind::Invalid { reason },
            ));
        };
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                bad(
                    e.position().map(|p| p.line()),
                    "",
                    "the row cannot be read as CSV",
                );
                continue;
            }
        };
        let line = record.position().map(|p| p.line());
        let get = |c: usize| record.get(c).unwrap_or_default().trim();
        let value: Option<f64> = get(sign)
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite() && *v != 0.0);
        let Some(value) = value else {
            bad(line, "sign", "not a non-zero number");
            continue;
        };
        // A weight is a magnitude; a signed one (as Pajek writes them) must
        // agree with the sign.
        let w = match weight.map(get) {
            None | Some("") => 1.0,
            Some(text) => match text.parse::<f64>() {
                Ok(w) if w.is_finite() && w != 0.0 && (w > 0.0 || value < 0.0) => w.abs(),
                Ok(w) if w < 0.0 && w.is_finite() => {
                    bad(line, "weight", "a negative weight on a positive tie");
                    continue;
                }
                _ => {
                    bad(line, "weight", "not a positive finite number");
                    continue;
                }
            },
        };
        let (a_name, b_name) = (get(source), get(target));
        if a_name.is_empty() || b_name.is_empty() {
            bad(
                line,
                if a_name.is_empty() {
                    "source"
                } else {
                    "target"
                },
                "empty node name",
            );
            continue;
        }
        if a_name == b_name {
            bad(line, "target", "a node tied to itself");
            continue;
        }
        let key = period.map(get).unwrap_or_default().to_owned();
        let g = *by_period.entry(key.clone()).or_insert_with(|| {
            graphs.push(Period {
                period: period.map(|_| key.clone()),
                ..Period::default()
            });
            node_index.push(HashMap::new());
            pairs.push(HashMap::new());
            totals.push(0.0);
            graphs.len() - 1
        });
        let graph = &mut graphs[g];
        let mut node = |name: &str| {
            *node_index[g].entry(name.to_owned()).or_insert_with(|| {
                graph.nodes.push(name.to_owned());
                graph.nodes.len() - 1
            })
        };
        let (a, b) = (node(a_name), node(b_name));
        let s: i8 = if value > 0.0 { 1 } else { -1 };
        totals[g] += w;
        if !totals[g].is_finite() {
            bad(line, "weight", "the weights add up past the largest number");
            continue;
        }
        match pairs[g].entry((a.min(b), a.max(b), s)) {
            // The same tie again (A,B then B,A, say): one edge, weights added.
            std::collections::hash_map::Entry::Occupied(e) => graph.edges[*e.get()].weight += w,
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(graph.edges.len());
                graph.edges.push(SignedEdge {
                    a,
                    b,
                    sign: s,
                    weight: w,
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(invalid(problems));
    }
    Ok(graphs
        .into_iter()
        .map(|g| SignedGraph::from_edge_list(g.period, g.nodes, g.edges))
        .collect())
}

/// Writes `graphs` as one edge list: see [`SignedGraph::write_edges`].
pub(crate) fn write_edges(graphs: &[SignedGraph], mut out: impl Write) -> std::io::Result<()> {
    if let Some(reason) = unwritable(graphs) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            reason,
        ));
    }
    let periods = graphs.iter().any(|g| g.period().is_some());
    out.write_all(if periods {
        b"source,target,sign,weight,period\n"
    } else {
        b"source,target,sign,weight\n"
    })?;
    for g in graphs {
        let nodes = g.nodes();
        for e in g.edges() {
            write_csv_field(&mut out, &nodes[e.a])?;
            out.write_all(b",")?;
            write_csv_field(&mut out, &nodes[e.b])?;
            write!(out, ",{},{}", e.sign, crate::util::number::text(e.weight))?;
            if periods {
                out.write_all(b",")?;
                write_csv_field(&mut out, g.period().unwrap_or_default())?;
            }
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// Why `graphs` would not read back as themselves from an edge list, if they
/// would not: several graphs without distinct periods, a period or a tied
/// node's name that reading would trim, an empty name, two tied nodes of one
/// name.
fn unwritable(graphs: &[SignedGraph]) -> Option<String> {
    let place = |i: usize, g: &SignedGraph| match g.period() {
        Some(p) => format!("graph {i} (period `{p}`)"),
        None => format!("graph {i}"),
    };
    let mut periods = std::collections::HashSet::new();
    for (i, g) in graphs.iter().enumerate() {
        match g.period() {
            None if graphs.len() > 1 => {
                return Some(format!(
                    "{}: several graphs need a period each to be told apart",
                    place(i, g)
                ));
            }
            Some(p) if p.trim() != p => {
                return Some(format!(
                    "{}: the period has spaces around it, which reading trims",
                    place(i, g)
                ));
            }
            Some(p) if !periods.insert(p) => {
                return Some(format!(
                    "{}: another graph has the same period",
                    place(i, g)
                ));
            }
            _ => {}
        }
        let mut tied = vec![false; g.nodes().len()];
        for e in g.edges() {
            tied[e.a] = true;
            tied[e.b] = true;
        }
        let mut names = std::collections::HashSet::new();
        for (name, _) in g.nodes().iter().zip(&tied).filter(|(_, t)| **t) {
            let problem = if name.trim().is_empty() {
                "is empty"
            } else if name.trim() != name {
                "has spaces around it, which reading trims"
            } else if !names.insert(name.as_str()) {
                "names two nodes"
            } else {
                continue;
            };
            return Some(format!("{}: the node name `{name}` {problem}", place(i, g)));
        }
    }
    None
}
