//! Political event data — machine-coded "who did what to whom" — read and
//! aggregated into signed networks per period.
//!
//! Event datasets (ICEWS, GDELT, POLECAT) code millions of news reports as
//! events: a source actor, a target actor, a day, an event code (CAMEO, or a
//! PLOVER type) and a score on Goldstein's conflict–cooperation scale (−10
//! to +10). Summed per pair of actors and period, they are cooperation and
//! conflict ties over time: signed networks for [`balance`](crate::balance).
//!
//! - Reading ([`EventReader`]): ICEWS `.tab`, a delimited table with named
//!   columns ([`EventColumns`]), PLOVER JSON records; streaming, memory
//!   bounded by the longest row, every bad row named by file, line and
//!   field ([`Event`], [`EventFormat`], [`ReadOptions`]).
//! - Columnar sources ([`EventFields`], [`Event::read_fields`]): one
//!   row's text cells (a data frame, an Arrow batch, a Spark partition) read
//!   by the same rules, every bad field named by column and row.
//! - Codes ([`CodeBook`]): CAMEO codes to Goldstein weights and
//!   [`QuadClass`]es, PLOVER types through the CAMEO→PLOVER table;
//!   compiled in, or loaded.
//! - Aggregation ([`EventAggregator`], [`AggregateOptions`]): per dyad
//!   (directed or not) of countries or actors ([`ActorLevel`]) and per
//!   period ([`Window`]: all, day, ISO week, month, year, sliding), the
//!   number of events, the Goldstein sum and the counts per quad class;
//!   self-dyads and events missing a side dropped and counted
//!   ([`EventCounts`]). Partial aggregates merge exactly, in any order.
//! - The result ([`EventNetworks`], [`DyadPeriod`]): a sorted table (CSV,
//!   JSON, an edge list for `balance --edges`) and one weighted
//!   [`SignedGraph`](crate::balance::SignedGraph) per period.
//!
//! ```
//! use stancegraph::events::{AggregateOptions, EventAggregator, EventReader, Window};
//!
//! let tab = "Event ID\tEvent Date\tSource Name\tSource Country\tCAMEO Code\tIntensity\tTarget Name\tTarget Country\n\
//!            1\t2018-06-01\tDonald Trump\tUnited States\t036\t4\tKim Jong-Un\tNorth Korea\n\
//!            2\t2018-06-02\tKim Jong-Un\tNorth Korea\t173\t-5\tMike Pompeo\tUnited States\n\
//!            3\t2018-06-02\tKim Jong-Un\tNorth Korea\t010\t0\tNA\tNA\n";
//! let mut reader = EventReader::icews(tab.as_bytes(), "sample.tab")?;
//! let mut agg = EventAggregator::new(AggregateOptions::default().with_directed(false));
//! agg.add_reader(&mut reader)?;
//! let networks = agg.finish();
//! let row = &networks.rows()[0];
//! assert_eq!((row.source.as_str(), row.target.as_str()), ("North Korea", "United States"));
//! assert_eq!((row.events, row.goldstein, row.sign), (2, -1.0, -1));
//! assert_eq!(networks.counts().missing_side, 1);
//! let mut csv = Vec::new();
//! networks.write_csv(&mut csv)?;
//! assert!(String::from_utf8_lossy(&csv).contains("\nNorth Korea,United States,all,2,-1,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod aggregate;
mod codes;
mod delimited;
mod event;
mod fields;
mod icews;
mod networks;
mod parallel;
mod plover;
mod reader;
mod window;

use std::path::Path;

pub use aggregate::{ActorLevel, AggregateOptions, EventAggregator, EventCounts};
pub use codes::{CodeBook, PloverScore, QuadClass};
pub use delimited::EventColumns;
pub use event::Event;
pub use fields::EventFields;
pub use networks::{CSV_HEADER, DyadPeriod, EventNetworks, QuadCounts};
pub use reader::{EventFormat, EventReader, Events, MAX_LISTED_PROBLEMS, ReadOptions};
pub use window::Window;

use crate::Result;

/// Reads an event file ([`EventReader::open`]) and aggregates it.
///
/// # Errors
///
/// As [`EventReader::open`] and [`EventAggregator::add_reader`]: every bad
/// row is listed.
///
/// # Complexity
///
/// One pass over the file; memory O(actors + dyad-periods). An ICEWS file
/// of 16 MB or more is read in two halves on two threads (split at a line
/// start) whose partial aggregates are merged; bad rows are numbered as
/// one pass would number them.
///
/// # Examples
///
/// ```no_run
/// use stancegraph::events::{AggregateOptions, ReadOptions, Window, aggregate_file};
///
/// let options = AggregateOptions::default().with_window(Window::Month);
/// let networks = aggregate_file("events.tab", &ReadOptions::default(), &options)?;
/// for g in networks.graphs() {
///     println!("{}: {} ties", g.period().unwrap_or("all"), g.edges().len());
/// }
/// # Ok::<(), stancegraph::Error>(())
/// ```
pub fn aggregate_file(
    path: impl AsRef<Path>,
    read: &ReadOptions,
    options: &AggregateOptions,
) -> Result<EventNetworks> {
    let path = path.as_ref();
    if let Some(networks) = parallel::aggregate_icews_in_two(path, read, options)? {
        return Ok(networks);
    }
    let mut reader = EventReader::open(path, read)?;
    let mut agg = EventAggregator::new(*options);
    agg.add_reader(&mut reader)?;
    Ok(agg.finish())
}
