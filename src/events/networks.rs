//! The result of an aggregation: the table of dyads per period
//! ([`EventNetworks`], [`DyadPeriod`]), its CSV, JSON and edge-list shapes,
//! and one [`SignedGraph`] per period.
//!
//! The sign of a dyad is that of its net score (the Goldstein sum): above
//! zero +1, below −1, exactly zero no tie (the row stays in the table with
//! sign 0, but gives no edge). A graph's edge weighs |Goldstein sum|; in a
//! directed aggregation A→B and B→A are two ties of the undirected signed
//! graph, which add up when their signs agree and make an ambivalent pair
//! when they do not (the multigraph semantics of [`SignedGraph`]).

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Value, json};

use crate::balance::{SignedEdge, SignedGraph};
use crate::events::aggregate::{Cell, SCORE_UNITS};
use crate::events::{AggregateOptions, EventCounts, QuadClass};
use crate::util::escape::write_csv_field;

/// Events per quad class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct QuadCounts {
    /// Verbal cooperation (CAMEO roots 01–05).
    pub verbal_cooperation: u64,
    /// Material cooperation (06–08).
    pub material_cooperation: u64,
    /// Verbal conflict (09–13).
    pub verbal_conflict: u64,
    /// Material conflict (14–20).
    pub material_conflict: u64,
}

impl QuadCounts {
    /// The count of one class.
    pub fn get(&self, quad: QuadClass) -> u64 {
        match quad {
            QuadClass::VerbalCooperation => self.verbal_cooperation,
            QuadClass::MaterialCooperation => self.material_cooperation,
            QuadClass::VerbalConflict => self.verbal_conflict,
            QuadClass::MaterialConflict => self.material_conflict,
        }
    }

    /// The counts of the four classes, in the order of the fields.
    pub fn new(
        verbal_cooperation: u64,
        material_cooperation: u64,
        verbal_conflict: u64,
        material_conflict: u64,
    ) -> Self {
        QuadCounts {
            verbal_cooperation,
            material_cooperation,
            verbal_conflict,
            material_conflict,
        }
    }

    /// The events counted in some class.
    pub fn total(&self) -> u64 {
        self.verbal_cooperation
            .saturating_add(self.material_cooperation)
            .saturating_add(self.verbal_conflict)
            .saturating_add(self.material_conflict)
    }

    fn from_array(a: [u64; 4]) -> Self {
        QuadCounts {
            verbal_cooperation: a[0],
            material_cooperation: a[1],
            verbal_conflict: a[2],
            material_conflict: a[3],
        }
    }
}

/// One dyad in one period: the events from `source` to `target` (or
/// between them, undirected: `source` < `target` by name).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct DyadPeriod {
    /// The source (country or actor).
    pub source: String,
    /// The target.
    pub target: String,
    /// The period's label: `all`, `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`,
    /// `YYYY`, or `first/last` day of a sliding window.
    pub period: String,
    /// The number of events.
    pub events: u64,
    /// The sum of their Goldstein scores (exact to millionths).
    pub goldstein: f64,
    /// Their counts per quad class (events without a code count in none).
    pub quad: QuadCounts,
    /// The sign of the net score: +1, −1, or 0 (no tie).
    pub sign: i8,
    /// The Goldstein sum in millionths, exact (`goldstein` is this / 10⁶).
    units: i128,
}

impl DyadPeriod {
    /// A row made elsewhere (a saved table, a Spark job's result): the
    /// sign is that of `goldstein`, which is kept to millionths.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::events::{DyadPeriod, QuadCounts};
    ///
    /// let row = DyadPeriod::new("PRK", "USA", "2018-06", 2, -1.5, QuadCounts::new(1, 0, 1, 0));
    /// assert_eq!((row.sign, row.goldstein_millionths()), (-1, -1_500_000));
    /// ```
    pub fn new(
        source: &str,
        target: &str,
        period: &str,
        events: u64,
        goldstein: f64,
        quad: QuadCounts,
    ) -> DyadPeriod {
        let units = if goldstein.is_finite() {
            (goldstein * SCORE_UNITS).round() as i128
        } else {
            0
        };
        DyadPeriod {
            source: source.to_owned(),
            target: target.to_owned(),
            period: period.to_owned(),
            events,
            goldstein: if goldstein.is_finite() {
                units as f64 / SCORE_UNITS
            } else {
                goldstein
            },
            quad,
            sign: sign_of(units),
            units,
        }
    }

    /// The Goldstein sum in millionths, exactly as summed: partial sums of
    /// the same dyad and period from different parts of the input add up
    /// to the whole's (what a Spark job's combining step sums). If
    /// `goldstein` has been changed since, its value rounded to millionths.
    pub fn goldstein_millionths(&self) -> i128 {
        if self.units as f64 / SCORE_UNITS == self.goldstein || !self.goldstein.is_finite() {
            self.units
        } else {
            (self.goldstein * SCORE_UNITS).round() as i128
        }
    }
}

/// Two rows are equal when their fields and their Goldstein millionths are.
impl PartialEq for DyadPeriod {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.source,
            &self.target,
            &self.period,
            self.events,
            self.goldstein,
            self.quad,
            self.sign,
        ) == (
            &other.source,
            &other.target,
            &other.period,
            other.events,
            other.goldstein,
            other.quad,
            other.sign,
        ) && self.goldstein_millionths() == other.goldstein_millionths()
    }
}

fn sign_of(units: i128) -> i8 {
    match units {
        u if u > 0 => 1,
        u if u < 0 => -1,
        _ => 0,
    }
}

/// Event data aggregated to dyads per period: the table (every dyad and
/// period with at least one event, sorted by period, then source, then
/// target, names in byte order), what was read and dropped, and the signed
/// graph of each period.
///
/// Made by [`EventAggregator::finish`](crate::events::EventAggregator::finish)
/// or [`aggregate_file`](crate::events::aggregate_file).
#[derive(Clone, Debug)]
pub struct EventNetworks {
    options: AggregateOptions,
    rows: Vec<DyadPeriod>,
    counts: EventCounts,
}

/// The CSV header: the five required columns, then the quad classes and the sign.
pub const CSV_HEADER: &str = "source,target,period,events,goldstein,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,sign";

impl EventNetworks {
    pub(crate) fn new(
        options: AggregateOptions,
        names: Vec<String>,
        cells: Vec<((u32, u32, i64), Cell)>,
        counts: EventCounts,
    ) -> Self {
        let mut labels: Option<(i64, String)> = None;
        let rows = cells
            .into_iter()
            .map(|((s, t, key), cell)| {
                let period = match &labels {
                    Some((k, l)) if *k == key => l.clone(),
                    _ => {
                        let l = options.window.label(key);
                        labels = Some((key, l.clone()));
                        l
                    }
                };
                DyadPeriod {
                    source: names[s as usize].clone(),
                    target: names[t as usize].clone(),
                    period,
                    events: cell.events,
                    goldstein: cell.units as f64 / SCORE_UNITS,
                    quad: QuadCounts::from_array(cell.quad),
                    sign: sign_of(cell.units),
                    units: cell.units,
                }
            })
            .collect();
        EventNetworks {
            options,
            rows,
            counts,
        }
    }

    /// The table from its rows made elsewhere — a Spark job's combined
    /// partial aggregates, a saved table — checked and sorted as
    /// [`EventAggregator::finish`](crate::events::EventAggregator::finish)
    /// sorts (by period, source, target; names in byte order), so that the
    /// graphs, CSV and JSON are those of one aggregation of the same events.
    /// `counts` says what was read and dropped, when known.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`](crate::Error::Invalid) (origin `origin`) naming
    /// every bad row (its number from 1, in the order given) and field: an
    /// empty source, target or period, a self-dyad, an undirected row whose
    /// source does not come before its target, no events, a Goldstein sum
    /// that is not finite, more events in the quad classes than in all, a
    /// dyad and period given twice.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::events::{AggregateOptions, DyadPeriod, EventCounts, EventNetworks, QuadCounts};
    ///
    /// let rows = vec![
    ///     DyadPeriod::new("USA", "PRK", "all", 1, 3.4, QuadCounts::new(1, 0, 0, 0)),
    ///     DyadPeriod::new("PRK", "USA", "all", 2, -8.0, QuadCounts::new(0, 0, 1, 1)),
    /// ];
    /// let networks = EventNetworks::from_rows(AggregateOptions::default(), rows, EventCounts::default(), "spark")?;
    /// assert_eq!(networks.rows()[0].source, "PRK"); // sorted
    /// assert_eq!(networks.graphs()[0].ambivalent_pairs().len(), 1);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_rows(
        options: AggregateOptions,
        rows: Vec<DyadPeriod>,
        counts: EventCounts,
        origin: &str,
    ) -> crate::Result<EventNetworks> {
        use crate::error::ProblemKind;
        use crate::io::table_problem::row_problem;
        let mut problems = Vec::new();
        let mut bad = |row: usize, field: &str, reason: &'static str| {
            if problems.len() < crate::events::MAX_LISTED_PROBLEMS {
                problems.push(row_problem(
                    row,
                    None,
                    Some(field),
                    ProblemKind::Invalid { reason },
                ));
            }
        };
        let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            let n = i + 1;
            if r.source.is_empty() {
                bad(n, "source", "empty");
            }
            if r.target.is_empty() {
                bad(n, "target", "empty");
            }
            if r.period.is_empty() {
                bad(n, "period", "empty");
            }
            if r.source == r.target {
                bad(
                    n,
                    "target",
                    "the same as the source: self-dyads are not ties",
                );
            } else if !options.directed && r.source > r.target {
                bad(
                    n,
                    "source",
                    "after the target: an undirected dyad is named in name order",
                );
            }
            if r.events == 0 {
                bad(n, "events", "no events: a row stands for at least one");
            }
            if !r.goldstein.is_finite() {
                bad(n, "goldstein", "not a finite number");
            }
            if r.quad.total() > r.events {
                bad(
                    n,
                    "events",
                    "fewer than the events counted in the quad classes",
                );
            }
            if r.goldstein.is_finite() && r.sign != sign_of(r.goldstein_millionths()) {
                bad(n, "sign", "not the sign of the Goldstein sum");
            }
            if seen.insert((&r.source, &r.target, &r.period), n).is_some() {
                bad(n, "period", "this dyad and period are given twice");
            }
        }
        drop(seen);
        if !problems.is_empty() {
            return Err(crate::Error::Invalid {
                origin: origin.to_owned(),
                problems,
            });
        }
        let mut rows = rows;
        rows.sort_unstable_by(|a, b| {
            (&a.period, &a.source, &a.target).cmp(&(&b.period, &b.source, &b.target))
        });
        Ok(EventNetworks {
            options,
            rows,
            counts,
        })
    }

    /// The options the events were aggregated with.
    pub fn options(&self) -> AggregateOptions {
        self.options
    }

    /// Every dyad and period with at least one event, sorted by period,
    /// source and target.
    pub fn rows(&self) -> &[DyadPeriod] {
        &self.rows
    }

    /// What was read, aggregated and dropped.
    pub fn counts(&self) -> EventCounts {
        self.counts
    }

    /// The periods with at least one dyad, in order.
    pub fn periods(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in &self.rows {
            if out.last() != Some(&r.period.as_str()) {
                out.push(&r.period);
            }
        }
        out
    }

    /// One signed graph per period (in order), its nodes the countries or
    /// actors with a tie that period (sorted by name), an edge per dyad with
    /// a non-zero net score, weighing |Goldstein sum|. Directed dyads are
    /// two ties of the undirected graph: same signs add up, opposite signs
    /// make an [ambivalent pair](SignedGraph::ambivalent_pairs).
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::events::{AggregateOptions, Event, EventAggregator};
    ///
    /// let mut agg = EventAggregator::new(AggregateOptions::default());
    /// agg.add(&Event::new("A", "B", None, 3.0));
    /// agg.add(&Event::new("B", "A", None, -1.0));
    /// agg.add(&Event::new("B", "C", None, -2.0));
    /// let graphs = agg.finish().graphs();
    /// assert_eq!(graphs.len(), 1);
    /// let g = &graphs[0];
    /// assert_eq!((g.period(), g.nodes().len(), g.edges().len()), (Some("all"), 3, 3));
    /// assert_eq!(g.ambivalent_pairs().len(), 1);
    /// ```
    pub fn graphs(&self) -> Vec<SignedGraph> {
        let mut out = Vec::new();
        let mut start = 0;
        while start < self.rows.len() {
            let period = &self.rows[start].period;
            let end = self.rows[start..]
                .iter()
                .position(|r| &r.period != period)
                .map_or(self.rows.len(), |n| start + n);
            out.push(graph_of(period, &self.rows[start..end]));
            start = end;
        }
        out
    }

    /// Writes the table as CSV: [`CSV_HEADER`], one line per row.
    ///
    /// # Errors
    ///
    /// When `out` cannot be written.
    pub fn write_csv(&self, mut out: impl Write) -> std::io::Result<()> {
        writeln!(out, "{CSV_HEADER}")?;
        for r in &self.rows {
            write_csv_field(&mut out, &r.source)?;
            out.write_all(b",")?;
            write_csv_field(&mut out, &r.target)?;
            let q = r.quad;
            writeln!(
                out,
                ",{},{},{},{},{},{},{},{}",
                r.period,
                r.events,
                crate::util::number::text(r.goldstein),
                q.verbal_cooperation,
                q.material_cooperation,
                q.verbal_conflict,
                q.material_conflict,
                r.sign
            )?;
        }
        Ok(())
    }

    /// Writes the dyads with a tie as an edge list that
    /// [`SignedGraph::read_edges`] (and `stancegraph balance --edges`)
    /// reads: `source,target,sign,weight,period`.
    ///
    /// # Errors
    ///
    /// When `out` cannot be written.
    pub fn write_edges(&self, mut out: impl Write) -> std::io::Result<()> {
        writeln!(out, "source,target,sign,weight,period")?;
        for r in self.rows.iter().filter(|r| r.sign != 0) {
            write_csv_field(&mut out, &r.source)?;
            out.write_all(b",")?;
            write_csv_field(&mut out, &r.target)?;
            writeln!(
                out,
                ",{},{},{}",
                r.sign,
                crate::util::number::text(r.goldstein.abs()),
                r.period
            )?;
        }
        Ok(())
    }

    /// The table and the counts as JSON: `{"level", "window", "directed",
    /// "counts": {...}, "dyads": [{source, target, period, events,
    /// goldstein, quad: {...}, sign}]}`.
    pub fn to_json(&self) -> Value {
        let dyads: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                json!({
                    "source": r.source,
                    "target": r.target,
                    "period": r.period,
                    "events": r.events,
                    "goldstein": crate::util::number::json(r.goldstein),
                    "quad": {
                        "verbal_cooperation": r.quad.verbal_cooperation,
                        "material_cooperation": r.quad.material_cooperation,
                        "verbal_conflict": r.quad.verbal_conflict,
                        "material_conflict": r.quad.material_conflict,
                    },
                    "sign": r.sign,
                })
            })
            .collect();
        let c = self.counts;
        json!({
            "level": self.options.level.as_str(),
            "window": self.options.window.to_string(),
            "directed": self.options.directed,
            "counts": {
                "read": c.read,
                "aggregated": c.aggregated,
                "self_dyads": c.self_dyads,
                "missing_side": c.missing_side,
                "missing_date": c.missing_date,
            },
            "dyads": dyads,
        })
    }
}

fn graph_of(period: &str, rows: &[DyadPeriod]) -> SignedGraph {
    let mut names: Vec<&str> = rows
        .iter()
        .filter(|r| r.sign != 0)
        .flat_map(|r| [r.source.as_str(), r.target.as_str()])
        .collect();
    names.sort_unstable();
    names.dedup();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let mut edges: Vec<SignedEdge> = Vec::new();
    // Weights summed in exact millionths (A→B and B→A of one sign add up).
    let mut units: Vec<i128> = Vec::new();
    let mut seen: HashMap<(usize, usize, i8), usize> = HashMap::new();
    for r in rows.iter().filter(|r| r.sign != 0) {
        let (Some(&a), Some(&b)) = (index.get(r.source.as_str()), index.get(r.target.as_str()))
        else {
            continue;
        };
        match seen.entry((a.min(b), a.max(b), r.sign)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let i = *e.get();
                units[i] += r.goldstein_millionths().abs();
                edges[i].weight = units[i] as f64 / SCORE_UNITS;
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(edges.len());
                let u = r.goldstein_millionths().abs();
                units.push(u);
                edges.push(SignedEdge {
                    a,
                    b,
                    sign: r.sign,
                    weight: u as f64 / SCORE_UNITS,
                });
            }
        }
    }
    SignedGraph::from_edge_list(
        Some(period.to_owned()),
        names.into_iter().map(str::to_owned).collect(),
        edges,
    )
}
