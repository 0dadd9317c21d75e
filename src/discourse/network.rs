//! Discourse networks: actor × issue, actor × actor and issue × issue
//! matrices computed as Discourse Network Analyzer (DNA) defines them.
//!
//! This module chooses the positions that count (date range, filters, level,
//! duplicates), labels the entities and picks the mode; the matrix kernel
//! (`matrix`) computes the values.

use std::collections::HashMap;

use crate::discourse::matrix::{self, Entry, NetworkType, Normalization};
use crate::util::keyword::keyword_enum;
use crate::{ActorId, Date, Error, IssueId, PositionId, Result, Scenario, Stance};

keyword_enum! {
    /// Which network to build.
    NetworkMode, "network mode" {
        /// `actor`: the one-mode actor × actor network.
        Actor => "actor",
        /// `issue`: the one-mode issue × issue (concept) network.
        Issue => "issue",
        /// `affiliation`: the two-mode actor × issue network.
        Affiliation => "affiliation",
    }
}

keyword_enum! {
    /// Whom a position counts for in a network.
    Level, "level" {
        /// `actor`: the speaker as written.
        Actor => "actor",
        /// `principal`: the top of the speaker's `speaks_for` chain (DNA's
        /// organisation network when persons speak for organisations).
        Principal => "principal",
        /// `bloc`: each bloc the principal belongs to on the position's date
        /// (the principal itself when it belongs to none).
        Bloc => "bloc",
    }
}

keyword_enum! {
    /// Which repeated positions count. A position is a repeat of an earlier
    /// one with the same actor (at the network's level), issue and stance in
    /// the same period; repeats are dropped.
    Duplicates, "duplicates" {
        /// `include`: every position counts.
        Include => "include",
        /// `document`: once per source document (the position's source).
        Document => "document",
        /// `week`: once per ISO calendar week (of that year).
        Week => "week",
        /// `month`: once per calendar month of that year.
        Month => "month",
        /// `year`: once per calendar year.
        Year => "year",
        /// `acrossrange`: once in the whole date range.
        AcrossRange => "acrossrange",
    }
}

/// What network to compute and from which positions.
///
/// # Examples
///
/// ```
/// use stancegraph::{discourse::{Level, NetworkMode, NetworkOptions, NetworkType, Normalization}};
///
/// let options = NetworkOptions::new(NetworkMode::Actor, NetworkType::Congruence)
///     .with_normalization(Normalization::Average)
///     .with_level(Level::Principal);
/// assert_eq!(options.level, Level::Principal);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NetworkOptions {
    /// One-mode actor or issue network, or the two-mode affiliation network.
    pub mode: NetworkMode,
    /// How positions turn into values.
    pub kind: NetworkType,
    /// How values are normalised.
    pub normalization: Normalization,
    /// Whom positions count for.
    pub level: Level,
    /// Only positions dated on or after this day (undated ones are then left out).
    pub from: Option<Date>,
    /// Only positions dated on or before this day (undated ones are then left out).
    pub to: Option<Date>,
    /// Only these actors (keys at the network's level); empty: all.
    pub include_actors: Vec<String>,
    /// Never these actors (keys at the network's level).
    pub exclude_actors: Vec<String>,
    /// Only these issues (keys); empty: all.
    pub include_issues: Vec<String>,
    /// Never these issues (keys).
    pub exclude_issues: Vec<String>,
    /// Which repeated positions count.
    pub duplicates: Duplicates,
}

impl NetworkOptions {
    /// A network of `mode` and `kind`, unnormalised, at the actor level,
    /// over all positions.
    pub fn new(mode: NetworkMode, kind: NetworkType) -> Self {
        NetworkOptions {
            mode,
            kind,
            normalization: Normalization::None,
            level: Level::Actor,
            from: None,
            to: None,
            include_actors: Vec::new(),
            exclude_actors: Vec::new(),
            include_issues: Vec::new(),
            exclude_issues: Vec::new(),
            duplicates: Duplicates::Include,
        }
    }

    /// Sets [`NetworkOptions::normalization`].
    pub fn with_normalization(mut self, normalization: Normalization) -> Self {
        self.normalization = normalization;
        self
    }

    /// Sets [`NetworkOptions::level`].
    pub fn with_level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    /// Sets [`NetworkOptions::duplicates`].
    pub fn with_duplicates(mut self, duplicates: Duplicates) -> Self {
        self.duplicates = duplicates;
        self
    }

    /// Sets the date range (both bounds inclusive).
    pub fn with_range(mut self, from: Option<Date>, to: Option<Date>) -> Self {
        self.from = from;
        self.to = to;
        self
    }

    fn check(&self) -> Result<()> {
        use NetworkType as T;
        use Normalization as N;
        let two_mode = self.mode == NetworkMode::Affiliation;
        let type_ok = match self.kind {
            T::Ignore | T::Subtract => true,
            T::Congruence | T::Conflict => !two_mode,
            T::Combine => two_mode,
        };
        let normalization_ok = match self.normalization {
            N::None => true,
            N::Activity | N::Prominence => two_mode,
            _ => !two_mode,
        };
        let reason = if !type_ok {
            "this type does not apply to this mode: one-mode networks take ignore, congruence, conflict or subtract; affiliation takes ignore, subtract or combine"
        } else if !normalization_ok {
            "this normalization does not apply to this mode: activity and prominence are for affiliation networks, the others for one-mode networks"
        } else {
            return Ok(());
        };
        Err(Error::invalid_option("network", reason))
    }
}

/// A computed network: a labelled matrix.
///
/// Rows and columns are labelled with keys, sorted in byte order (DNA's
/// order); only actors and issues with a counted position appear. Cells are
/// `f64` (normalised values are fractional); counts are whole numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub(crate) options: NetworkOptions,
    pub(crate) rows: Vec<String>,
    pub(crate) row_names: Vec<String>,
    pub(crate) columns: Vec<String>,
    pub(crate) column_names: Vec<String>,
    pub(crate) values: Vec<f64>,
    pub(crate) positions: usize,
    pub(crate) span: (Option<Date>, Option<Date>),
}

impl Network {
    /// The largest network [`Scenario::network`] builds, in cells (rows × columns).
    pub const MAX_CELLS: usize = 1 << 28;

    /// The options it was computed with.
    pub fn options(&self) -> &NetworkOptions {
        &self.options
    }

    /// Row labels (keys); [`row`](Self::row) gives a row's values.
    pub fn row_labels(&self) -> &[String] {
        &self.rows
    }

    /// Row display names, parallel to [`row_labels`](Self::row_labels).
    pub fn row_names(&self) -> &[String] {
        &self.row_names
    }

    /// Column labels (keys).
    pub fn column_labels(&self) -> &[String] {
        &self.columns
    }

    /// Column display names, parallel to [`column_labels`](Self::column_labels).
    pub fn column_names(&self) -> &[String] {
        &self.column_names
    }

    /// Whether rows and columns are the same entities.
    pub fn is_one_mode(&self) -> bool {
        self.options.mode != NetworkMode::Affiliation
    }

    /// The value at row `r`, column `c`.
    ///
    /// # Panics
    ///
    /// When out of range.
    pub fn get(&self, r: usize, c: usize) -> f64 {
        self.values[r * self.columns.len() + c]
    }

    /// The value between two labels, if both exist.
    pub fn value(&self, row: &str, column: &str) -> Option<f64> {
        let r = self.rows.iter().position(|x| x == row)?;
        let c = self.columns.iter().position(|x| x == column)?;
        Some(self.get(r, c))
    }

    /// Row `r`.
    pub fn row(&self, r: usize) -> &[f64] {
        let n = self.columns.len();
        &self.values[r * n..(r + 1) * n]
    }

    /// The sum of all cells.
    pub fn sum(&self) -> f64 {
        self.values.iter().sum()
    }

    /// The number of non-zero cells.
    pub fn non_zero_count(&self) -> usize {
        self.values.iter().filter(|v| **v != 0.0).count()
    }

    /// How many positions were counted (after filters and duplicates).
    pub fn position_count(&self) -> usize {
        self.positions
    }

    /// The date range the network covers, if it was limited.
    pub fn span(&self) -> (Option<Date>, Option<Date>) {
        self.span
    }
}

/// [`Scenario::network`].
pub(crate) fn network(s: &Scenario, options: &NetworkOptions) -> Result<Network> {
    options.check()?;
    let counted = counted_positions(s, options);
    // The matrix is dense: refuse one that cannot fit, rather than abort.
    let distinct = |key: fn(&(ActorId, IssueId, Stance, PositionId)) -> usize| {
        let mut v: Vec<usize> = counted.iter().map(key).collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let (actors, issues) = (distinct(|c| c.0.index()), distinct(|c| c.1.index()));
    let cells = match options.mode {
        NetworkMode::Actor => actors.saturating_mul(actors),
        NetworkMode::Issue => issues.saturating_mul(issues),
        NetworkMode::Affiliation => actors.saturating_mul(issues),
    };
    if cells > Network::MAX_CELLS {
        return Err(Error::invalid_option(
            "network",
            "the network would have more than 2^28 cells (2 GiB per matrix): filter the actors or issues, or aggregate with level bloc",
        ));
    }
    Ok(build_network(s, options, &counted))
}

/// [`Scenario::network_windows`].
pub(crate) fn network_windows(
    s: &Scenario,
    options: &NetworkOptions,
    width_days: u32,
    step_days: u32,
) -> Result<Vec<Network>> {
    options.check()?;
    if width_days == 0 || step_days == 0 {
        return Err(Error::invalid_option(
            "window",
            "window width and step must be at least one day",
        ));
    }
    // Windows span the dated positions the options keep.
    let dates: Vec<Date> = counted_positions(s, options)
        .iter()
        .filter_map(|&(_, _, _, id)| s.position(id).date())
        .collect();
    let (Some(&first), Some(&last)) = (dates.iter().min(), dates.iter().max()) else {
        return Ok(Vec::new());
    };
    let mut windows = Vec::new();
    let mut start = first.to_jiff();
    while start <= last.to_jiff() {
        let end = start
            .checked_add(jiff::Span::new().days(i64::from(width_days) - 1))
            .unwrap_or(jiff::civil::Date::MAX);
        let (Ok(from), to) = (Date::try_from(start), Date::try_from(end).ok()) else {
            break;
        };
        let mut window = options.clone();
        window.from = Some(from);
        // A window never reaches past the range asked for.
        window.to = match (to, options.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        windows.push(network(s, &window)?);
        match start.checked_add(jiff::Span::new().days(i64::from(step_days))) {
            Ok(next) => start = next,
            Err(_) => break,
        }
    }
    Ok(windows)
}

/// The positions a network counts, after filters, levels and duplicates.
fn counted_positions(
    s: &Scenario,
    options: &NetworkOptions,
) -> Vec<(ActorId, IssueId, Stance, PositionId)> {
    let in_range = |d: Option<Date>| match (options.from, options.to, d) {
        (None, None, _) => true,
        (_, _, None) => false,
        (from, to, Some(d)) => from.is_none_or(|f| f <= d) && to.is_none_or(|t| d <= t),
    };
    let listed = |list: &[String], key: &str| list.iter().any(|k| k == key);
    let mut mapped = Vec::new();
    for (id, p) in s.positions() {
        if !in_range(p.date()) {
            continue;
        }
        let issue = s.issue(p.issue()).key();
        if (!options.include_issues.is_empty() && !listed(&options.include_issues, issue))
            || listed(&options.exclude_issues, issue)
        {
            continue;
        }
        let principal = s.principal(p.actor());
        let entities: Vec<ActorId> = match options.level {
            Level::Actor => vec![p.actor()],
            Level::Principal => vec![principal],
            Level::Bloc => {
                let blocs: Vec<ActorId> = s
                    .actor(principal)
                    .memberships()
                    .iter()
                    .filter(|m| p.date().is_none_or(|d| m.holds_on(d)))
                    .map(|m| m.bloc())
                    .collect();
                if blocs.is_empty() {
                    vec![principal]
                } else {
                    blocs
                }
            }
        };
        for entity in entities {
            let key = s.actor(entity).key();
            if (!options.include_actors.is_empty() && !listed(&options.include_actors, key))
                || listed(&options.exclude_actors, key)
            {
                continue;
            }
            mapped.push((entity, p.issue(), p.stance(), id));
        }
    }
    if options.duplicates == Duplicates::Include {
        return mapped;
    }
    // Keep the first (by date, then file order) of each repeat.
    mapped.sort_by_key(|&(_, _, _, id)| (s.position(id).date(), id));
    let mut seen: HashMap<(ActorId, IssueId, Stance, Bucket), (), foldhash::fast::RandomState> =
        HashMap::default();
    mapped.retain(|&(actor, issue, stance, id)| {
        let bucket = bucket(s, id, options.duplicates);
        seen.insert((actor, issue, stance, bucket), ()).is_none()
    });
    mapped
}

fn bucket(s: &Scenario, id: PositionId, duplicates: Duplicates) -> Bucket {
    let p = s.position(id);
    let date = p.date().map(|d| d.to_jiff());
    match duplicates {
        Duplicates::Include => Bucket::Position(id),
        Duplicates::Document => match p.source() {
            Some(src) => Bucket::Document(
                src.title().unwrap_or_default().to_owned(),
                src.publisher().unwrap_or_default().to_owned(),
                src.url().unwrap_or_default().to_owned(),
            ),
            // A position without a source is its own document.
            None => Bucket::Position(id),
        },
        Duplicates::Week => date.map_or(Bucket::Position(id), |d| {
            let week = d.iso_week_date();
            Bucket::Period(i32::from(week.year()), week.week() as u32)
        }),
        Duplicates::Month => date.map_or(Bucket::Position(id), |d| {
            Bucket::Period(i32::from(d.year()), d.month() as u32)
        }),
        Duplicates::Year => date.map_or(Bucket::Position(id), |d| {
            Bucket::Period(i32::from(d.year()), 0)
        }),
        Duplicates::AcrossRange => Bucket::All,
    }
}

fn build_network(
    s: &Scenario,
    options: &NetworkOptions,
    counted: &[(ActorId, IssueId, Stance, PositionId)],
) -> Network {
    // Entities, sorted by key.
    let mut actors: Vec<ActorId> = counted.iter().map(|c| c.0).collect();
    actors.sort_by(|a, b| s.actor(*a).key().cmp(s.actor(*b).key()));
    actors.dedup();
    let mut issues: Vec<IssueId> = counted.iter().map(|c| c.1).collect();
    issues.sort_by(|a, b| s.issue(*a).key().cmp(s.issue(*b).key()));
    issues.dedup();
    let actor_index: HashMap<ActorId, usize> =
        actors.iter().enumerate().map(|(i, &a)| (a, i)).collect();
    let issue_index: HashMap<IssueId, usize> =
        issues.iter().enumerate().map(|(i, &x)| (x, i)).collect();
    let neutral_present = counted.iter().any(|c| c.2 == Stance::Neutral);
    let level = |stance: Stance| match stance {
        Stance::Support => 0,
        Stance::Oppose => 1,
        Stance::Neutral => 2,
    };
    let entries: Vec<Entry> = counted
        .iter()
        .map(|&(a, x, stance, _)| Entry {
            actor: actor_index[&a],
            issue: issue_index[&x],
            level: level(stance),
        })
        .collect();
    let actor_labels = |list: &[ActorId]| -> (Vec<String>, Vec<String>) {
        (
            list.iter().map(|&a| s.actor(a).key().to_owned()).collect(),
            list.iter().map(|&a| s.actor(a).name().to_owned()).collect(),
        )
    };
    let issue_labels = |list: &[IssueId]| -> (Vec<String>, Vec<String>) {
        (
            list.iter().map(|&x| s.issue(x).key().to_owned()).collect(),
            list.iter().map(|&x| s.issue(x).name().to_owned()).collect(),
        )
    };
    let (actor_keys, actor_names) = actor_labels(&actors);
    let (issue_keys, issue_names) = issue_labels(&issues);
    let (rows, row_names, columns, column_names, values) = match options.mode {
        NetworkMode::Affiliation => {
            let values = matrix::two_mode(
                &entries,
                actors.len(),
                issues.len(),
                options.kind,
                options.normalization,
            );
            (actor_keys, actor_names, issue_keys, issue_names, values)
        }
        NetworkMode::Actor => {
            let values = matrix::one_mode(
                &entries,
                actors.len(),
                issues.len(),
                false,
                neutral_present,
                options.kind,
                options.normalization,
            );
            (
                actor_keys.clone(),
                actor_names.clone(),
                actor_keys,
                actor_names,
                values,
            )
        }
        NetworkMode::Issue => {
            let values = matrix::one_mode(
                &entries,
                actors.len(),
                issues.len(),
                true,
                neutral_present,
                options.kind,
                options.normalization,
            );
            (
                issue_keys.clone(),
                issue_names.clone(),
                issue_keys,
                issue_names,
                values,
            )
        }
    };
    Network {
        options: options.clone(),
        rows,
        row_names,
        columns,
        column_names,
        values,
        positions: counted.len(),
        span: (options.from, options.to),
    }
}

/// The period in which a repeated position counts once.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Bucket {
    Position(PositionId),
    Document(String, String, String),
    Period(i32, u32),
    All,
}
