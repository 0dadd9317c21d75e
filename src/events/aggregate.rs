//! The aggregation kernel: events into per-dyad, per-period tallies
//! ([`EventAggregator`]), mergeable across chunks.
//!
//! Algorithm: actor names are interned (one hash lookup per side); each
//! event adds to the tally of its (source, target, period) cell in a hash
//! map: the number of events, the score summed **exactly** as an integer of
//! millionths (so the sum is the same in any order — floating-point sums
//! are not), and the count per quad class. Cells are always kept directed;
//! an undirected aggregation folds (a, b) and (b, a) together when the
//! result is built, ordering the pair by name. Self-dyads (both sides the
//! same actor, or country), events with a missing side and, for windows
//! other than `all`, events without a date are dropped and counted.
//!
//! Guarantees: [`EventAggregator::merge`] of partial aggregates gives the
//! very result of aggregating all the events at once, whatever their order
//! and however they were split (tested by property); cost O(1) expected per
//! event and window it falls in, memory O(actors + cells), not O(events).

use std::collections::HashMap;
use std::io::BufRead;

use crate::events::{Event, EventNetworks, EventReader, Window};
use crate::{Error, Result};

/// Scores are summed in these units (millionths), exactly.
pub(crate) const SCORE_UNITS: f64 = 1e6;

/// Which names make the network's nodes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ActorLevel {
    /// The events' country columns (ICEWS `Source Country`, PLOVER `code`).
    #[default]
    Country,
    /// The actors' names (ICEWS `Source Name`, PLOVER `actorText`).
    Actor,
}

impl ActorLevel {
    /// `country` or `actor`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorLevel::Country => "country",
            ActorLevel::Actor => "actor",
        }
    }
}

/// How events are aggregated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct AggregateOptions {
    /// Countries or actors as nodes; default countries.
    pub level: ActorLevel,
    /// The periods; default [`Window::All`].
    pub window: Window,
    /// Whether A→B and B→A are different dyads; default true.
    pub directed: bool,
}

impl Default for AggregateOptions {
    fn default() -> Self {
        AggregateOptions {
            level: ActorLevel::Country,
            window: Window::All,
            directed: true,
        }
    }
}

impl AggregateOptions {
    /// These options at `level`.
    pub fn with_level(mut self, level: ActorLevel) -> Self {
        self.level = level;
        self
    }

    /// These options with `window`.
    pub fn with_window(mut self, window: Window) -> Self {
        self.window = window;
        self
    }

    /// These options, directed or not.
    pub fn with_directed(mut self, directed: bool) -> Self {
        self.directed = directed;
        self
    }
}

/// The tally of one dyad in one period.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    pub(crate) events: u64,
    /// The score sum in millionths.
    pub(crate) units: i128,
    pub(crate) quad: [u64; 4],
}

impl Cell {
    fn add(&mut self, other: &Cell) {
        self.events += other.events;
        self.units += other.units;
        for (a, b) in self.quad.iter_mut().zip(other.quad) {
            *a += b;
        }
    }
}

/// What was read and what was dropped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventCounts {
    /// Events seen (good rows; a PLOVER record gives one per source–target pair).
    pub read: u64,
    /// Events aggregated into a dyad.
    pub aggregated: u64,
    /// Events dropped because both sides are the same node.
    pub self_dyads: u64,
    /// Events dropped because a side (at the chosen level) is missing.
    pub missing_side: u64,
    /// Events dropped because the window needs a date and they have none.
    pub missing_date: u64,
}

impl EventCounts {
    fn add(&mut self, other: &EventCounts) {
        self.read += other.read;
        self.aggregated += other.aggregated;
        self.self_dyads += other.self_dyads;
        self.missing_side += other.missing_side;
        self.missing_date += other.missing_date;
    }
}

impl std::fmt::Display for EventCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} events read, {} aggregated; dropped: {} self-dyads, {} with a missing side, {} without a date",
            self.read, self.aggregated, self.self_dyads, self.missing_side, self.missing_date
        )
    }
}

/// Events aggregated to dyads per period, as they come: add events one by
/// one ([`add`](Self::add)) or from a reader ([`add_reader`](Self::add_reader)),
/// merge partial aggregates ([`merge`](Self::merge)), then
/// [`finish`](Self::finish) into [`EventNetworks`].
///
/// A partial aggregate is a monoid value: merging the aggregates of any
/// split of the events, in any order, gives the aggregate of all of them,
/// bit for bit (scores are summed exactly in millionths).
///
/// # Examples
///
/// ```
/// use stancegraph::events::{AggregateOptions, Event, EventAggregator, Window};
///
/// let options = AggregateOptions::default().with_window(Window::Month);
/// let d = |s: &str| s.parse().ok();
/// let (mut a, mut b) = (EventAggregator::new(options), EventAggregator::new(options));
/// a.add(&Event::new("USA", "PRK", d("2018-06-01"), 4.0));
/// b.add(&Event::new("USA", "PRK", d("2018-06-12"), -10.0));
/// b.add(&Event::new("USA", "USA", d("2018-06-12"), 1.0)); // a self-dyad
/// a.merge(b)?;
/// let networks = a.finish();
/// let row = &networks.rows()[0];
/// assert_eq!((row.period.as_str(), row.events, row.goldstein, row.sign), ("2018-06", 2, -6.0, -1));
/// assert_eq!(networks.counts().self_dyads, 1);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct EventAggregator {
    options: AggregateOptions,
    names: Vec<Box<str>>,
    index: HashMap<Box<str>, u32, foldhash::fast::FixedState>,
    cells: HashMap<(u32, u32, i64), Cell, foldhash::fast::FixedState>,
    counts: EventCounts,
    keys: Vec<i64>,
    /// The last date seen, whose period keys `keys` holds (events come
    /// sorted by date: most need no new computation).
    last: Option<crate::Date>,
}

impl EventAggregator {
    /// An empty aggregate.
    pub fn new(options: AggregateOptions) -> Self {
        EventAggregator {
            options,
            names: Vec::new(),
            index: HashMap::default(),
            cells: HashMap::default(),
            counts: EventCounts::default(),
            keys: Vec::new(),
            last: None,
        }
    }

    /// The options.
    pub fn options(&self) -> AggregateOptions {
        self.options
    }

    /// What was read and dropped so far.
    pub fn counts(&self) -> EventCounts {
        self.counts
    }

    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.into());
        self.index.insert(name.into(), i);
        i
    }

    /// Adds one event (dropped and counted if a self-dyad, missing a side,
    /// or undated when the window needs a date).
    ///
    /// # Complexity
    ///
    /// O(1) expected per period the event falls in.
    pub fn add(&mut self, event: &Event) {
        self.counts.read += 1;
        let (source, target) = match self.options.level {
            ActorLevel::Country => (&event.source_country, &event.target_country),
            ActorLevel::Actor => (&event.source, &event.target),
        };
        if source.is_empty() || target.is_empty() {
            self.counts.missing_side += 1;
            return;
        }
        if source == target {
            self.counts.self_dyads += 1;
            return;
        }
        let window = self.options.window;
        if window == Window::All {
            if self.keys.len() != 1 {
                self.keys = vec![0];
            }
        } else {
            let Some(date) = event.date else {
                self.counts.missing_date += 1;
                return;
            };
            if self.last != Some(date) {
                window.keys(date, &mut self.keys);
                self.last = Some(date);
            }
        }
        self.counts.aggregated += 1;
        let (s, t) = (self.intern(source), self.intern(target));
        let units = (event.score * SCORE_UNITS).round() as i128;
        for &key in &self.keys {
            let cell = self.cells.entry((s, t, key)).or_default();
            cell.events += 1;
            cell.units += units;
            if let Some(q) = event.quad {
                cell.quad[q.index()] += 1;
            }
        }
    }

    /// Adds every event of a reader ([`EventReader::for_each`]). Bad rows
    /// are collected: when there is any, the error lists them all (up to
    /// [`MAX_LISTED_PROBLEMS`](crate::events::MAX_LISTED_PROBLEMS), then a
    /// count of the rest) after the whole input has been read.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] listing every bad row; [`Error::Io`] when the
    /// input cannot be read; [`Error::InvalidOptions`] for the country level
    /// on a table without country columns.
    pub fn add_reader<R: BufRead>(&mut self, reader: &mut EventReader<R>) -> Result<()> {
        if self.options.level == ActorLevel::Country && !reader.has_countries() {
            return Err(Error::invalid_option(
                "level",
                "the country level needs country columns (`source_country`, `target_country`); use the actor level",
            ));
        }
        reader.for_each(|event| self.add(event)).map(|_| ())
    }

    /// Adds another partial aggregate to this one.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOptions`] when the two were made with different options.
    pub fn merge(&mut self, other: EventAggregator) -> Result<()> {
        if other.options != self.options {
            return Err(Error::invalid_option(
                "options",
                "partial aggregates made with different options cannot be merged",
            ));
        }
        let map: Vec<u32> = other.names.iter().map(|n| self.intern(n)).collect();
        self.cells.reserve(other.cells.len());
        for ((s, t, key), cell) in other.cells {
            self.cells
                .entry((map[s as usize], map[t as usize], key))
                .or_default()
                .add(&cell);
        }
        self.counts.add(&other.counts);
        Ok(())
    }

    /// The result: every dyad and period with at least one event, sorted.
    pub fn finish(self) -> EventNetworks {
        let directed = self.options.directed;
        let names = self.names;
        // Rank names by byte order, so that ids compare as names do.
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        let mut rank = vec![0u32; names.len()];
        for (r, &i) in order.iter().enumerate() {
            rank[i as usize] = r as u32;
        }
        let mut cells: HashMap<(u32, u32, i64), Cell, foldhash::fast::FixedState> =
            HashMap::default();
        if directed {
            cells = self
                .cells
                .into_iter()
                .map(|((s, t, k), c)| ((rank[s as usize], rank[t as usize], k), c))
                .collect();
        } else {
            for ((s, t, k), c) in self.cells {
                let (a, b) = (rank[s as usize], rank[t as usize]);
                cells.entry((a.min(b), a.max(b), k)).or_default().add(&c);
            }
        }
        let mut sorted: Vec<((u32, u32, i64), Cell)> = cells.into_iter().collect();
        sorted.sort_unstable_by_key(|&((s, t, k), _)| (k, s, t));
        let sorted_names: Vec<String> = order
            .iter()
            .map(|&i| names[i as usize].to_string())
            .collect();
        EventNetworks::new(self.options, sorted_names, sorted, self.counts)
    }
}

#[cfg(test)]
mod tests {
    use crate::events::QuadClass;

    #[test]
    fn quad_index_matches_order() {
        for (i, q) in QuadClass::ALL.iter().enumerate() {
            assert_eq!(q.index(), i);
        }
    }
}
