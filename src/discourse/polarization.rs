//! Polarization as Discourse Network Analyzer (DNA) defines it: the quality
//! Q of a split of the actors into two camps, judged on the congruence and
//! conflict networks, maximised over balanced splits.

use std::fmt;

use crate::error::{Problem, ProblemKind, RecordRef, Section};
use crate::util::rng::SplitMix64;
use crate::{
    Date, Error, Result,
    discourse::{
        Duplicates, Level, Network, NetworkMode, NetworkOptions, NetworkType, Normalization,
    },
};

/// How polarization is computed: which networks (for
/// [`Scenario::polarization`](crate::Scenario::polarization)) and how the best split is searched for.
///
/// The network fields (`level`, `from`, `to`, `duplicates`) are what
/// [`Scenario::polarization`](crate::Scenario::polarization) builds its two networks with; the search fields
/// (`exact_limit`, `restarts`, `seed`) apply wherever Q is maximised.
///
/// # Examples
///
/// ```
/// use stancegraph::{discourse::{Level, PolarizationOptions}};
///
/// let options = PolarizationOptions::new()
///     .with_level(Level::Principal)
///     .with_exact_limit(0) // always the local search
///     .with_restarts(8);
/// assert_eq!(options.restarts, 8);
/// assert_eq!(PolarizationOptions::default().exact_limit,
///            PolarizationOptions::DEFAULT_EXACT_LIMIT);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PolarizationOptions {
    /// Whom positions count for ([`Level::Principal`] gives DNA's
    /// organisation network when persons speak for organisations).
    pub level: Level,
    /// Only positions dated on or after this day (undated ones are then left out).
    pub from: Option<Date>,
    /// Only positions dated on or before this day (undated ones are then left out).
    pub to: Option<Date>,
    /// Which repeated positions count (DNA's default: all of them).
    pub duplicates: Duplicates,
    /// Search every balanced split when there are at most this many;
    /// otherwise run the local search.
    pub exact_limit: u64,
    /// How many random starting splits the local search climbs from (at
    /// least one is always run).
    pub restarts: usize,
    /// The seed of the local search's starting splits: same seed, same result.
    pub seed: u64,
}

impl PolarizationOptions {
    /// The default [`exact_limit`](Self::exact_limit): two million
    /// splits (every balanced split of up to 24 actors).
    pub const DEFAULT_EXACT_LIMIT: u64 = 2_000_000;
    /// The default [`restarts`](Self::restarts).
    pub const DEFAULT_RESTARTS: usize = 32;
    /// The default [`seed`](Self::seed).
    pub const DEFAULT_SEED: u64 = 0x5EED_D1A5_C0DE_2024;

    /// Actor level, all dates, every position, the default search.
    pub fn new() -> Self {
        PolarizationOptions {
            level: Level::Actor,
            from: None,
            to: None,
            duplicates: Duplicates::Include,
            exact_limit: Self::DEFAULT_EXACT_LIMIT,
            restarts: Self::DEFAULT_RESTARTS,
            seed: Self::DEFAULT_SEED,
        }
    }

    /// Sets [`PolarizationOptions::level`].
    pub fn with_level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    /// Sets the date range (both bounds inclusive).
    pub fn with_range(mut self, from: Option<Date>, to: Option<Date>) -> Self {
        self.from = from;
        self.to = to;
        self
    }

    /// Sets [`PolarizationOptions::duplicates`].
    pub fn with_duplicates(mut self, duplicates: Duplicates) -> Self {
        self.duplicates = duplicates;
        self
    }

    /// Sets [`PolarizationOptions::exact_limit`].
    pub fn with_exact_limit(mut self, limit: u64) -> Self {
        self.exact_limit = limit;
        self
    }

    /// Sets [`PolarizationOptions::restarts`].
    pub fn with_restarts(mut self, restarts: usize) -> Self {
        self.restarts = restarts;
        self
    }

    /// Sets [`PolarizationOptions::seed`].
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    pub(crate) fn network(&self, kind: NetworkType) -> NetworkOptions {
        NetworkOptions::new(NetworkMode::Actor, kind)
            .with_normalization(Normalization::Average)
            .with_level(self.level)
            .with_range(self.from, self.to)
            .with_duplicates(self.duplicates)
    }
}

impl Default for PolarizationOptions {
    fn default() -> Self {
        Self::new()
    }
}

/// A congruence and a conflict network over the same actors: what
/// polarization is computed on.
///
/// Both are n × n matrices, row-major, rows and columns in the order of the
/// labels. The diagonal is ignored (DNA's one-mode networks have none).
/// Matrices need not be symmetric: every ordered pair i ≠ j counts.
///
/// # Examples
///
/// ```
/// use stancegraph::discourse::NetworkPair;
///
/// // a and b agree, c and d agree, the two pairs are in conflict.
/// let pair = NetworkPair::new(
///     vec!["a".into(), "b".into(), "c".into(), "d".into()],
///     vec![0., 1., 0., 0.,
///          1., 0., 0., 0.,
///          0., 0., 0., 1.,
///          0., 0., 1., 0.],
///     vec![0., 0., 1., 1.,
///          0., 0., 1., 1.,
///          1., 1., 0., 0.,
///          1., 1., 0., 0.],
/// )?;
/// // The camps themselves: every cell deviates by 1/2 from DNA's expectation.
/// assert_eq!(pair.polarization_of_split(&["a", "b"])?.q, 0.25);
/// // DNA's Q counts deviations either way, so the crosswise split scores higher.
/// let best = pair.polarization(&Default::default());
/// assert_eq!(best.clusters, [vec!["a", "c"], vec!["b", "d"]]);
/// assert!((best.q - 7.0 / 12.0).abs() < 1e-12);
/// assert!(best.exact);
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkPair {
    labels: Vec<String>,
    congruence: Vec<f64>,
    conflict: Vec<f64>,
}

fn problem(field: &str, reason: &'static str) -> Error {
    Error::invalid(Problem::new(
        RecordRef::top(),
        Some(field.to_owned()),
        ProblemKind::Invalid { reason },
    ))
}

impl NetworkPair {
    /// A pair from labels and two row-major n × n matrices.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when there are fewer than two actors, labels
    /// repeat, a matrix is not n × n, or a cell is not a finite number.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::discourse::NetworkPair;
    ///
    /// let err = NetworkPair::new(vec!["a".into(), "b".into()], vec![0.0; 4], vec![0.0; 3])
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("one row and one column per actor"));
    /// ```
    pub fn new(labels: Vec<String>, congruence: Vec<f64>, conflict: Vec<f64>) -> Result<Self> {
        let n = labels.len();
        if n < 2 {
            return Err(problem("actors", "polarization needs at least two actors"));
        }
        let mut sorted: Vec<&String> = labels.iter().collect();
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[0] == w[1]) {
            return Err(problem("actors", "actor labels must be distinct"));
        }
        for (field, matrix) in [("congruence", &congruence), ("conflict", &conflict)] {
            if n.checked_mul(n) != Some(matrix.len()) {
                return Err(problem(
                    field,
                    "the matrix must have one row and one column per actor (n × n cells, row-major)",
                ));
            }
            if matrix.iter().any(|v| !v.is_finite()) {
                return Err(problem(field, "matrix cells must be finite numbers"));
            }
        }
        Ok(NetworkPair {
            labels,
            congruence,
            conflict,
        })
    }

    /// The pair of two computed one-mode networks, e.g. DNA's
    /// average-normalised congruence and conflict networks.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when a network is two-mode, the two have different
    /// actors (or the same in another order), or fewer than two actors.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{Scenario, discourse::{NetworkMode, NetworkOptions, NetworkPair, NetworkType}};
    ///
    /// let s = Scenario::from_yaml_str("
    /// actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state},
    ///          {id: c, name: C, kind: state}]
    /// issues: [{id: x, name: X}]
    /// positions:
    ///   - {actor: a, issue: x, stance: support}
    ///   - {actor: b, issue: x, stance: support}
    ///   - {actor: c, issue: x, stance: oppose}
    /// ")?;
    /// let net = |kind| s.network(&NetworkOptions::new(NetworkMode::Actor, kind));
    /// let pair = NetworkPair::from_networks(&net(NetworkType::Congruence)?,
    ///                                       &net(NetworkType::Conflict)?)?;
    /// assert_eq!(pair.labels(), ["a", "b", "c"]);
    /// let p = pair.polarization_of_split(&["a", "b"])?;
    /// assert_eq!((p.congruence_norm, p.conflict_norm), (2.0, 4.0));
    /// assert_eq!((p.within_congruence, p.between_conflict), (2.0, 4.0));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_networks(congruence: &Network, conflict: &Network) -> Result<Self> {
        for (field, network) in [("congruence", congruence), ("conflict", conflict)] {
            if !network.is_one_mode() {
                return Err(problem(
                    field,
                    "polarization needs one-mode (actor or issue) networks",
                ));
            }
        }
        if congruence.row_labels() != conflict.row_labels() {
            return Err(problem(
                "conflict",
                "the congruence and conflict networks must have the same actors in the same order",
            ));
        }
        NetworkPair::new(
            congruence.row_labels().to_vec(),
            congruence.values.clone(),
            conflict.values.clone(),
        )
    }

    /// The actor labels, in matrix order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Q of one split: `first` (labels) against all other actors. The split
    /// need not be balanced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidOptions`] when a label is unknown, or one side is empty.
    ///
    /// # Complexity
    ///
    /// O(n²).
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::discourse::NetworkPair;
    ///
    /// let pair = NetworkPair::new(
    ///     vec!["a".into(), "b".into(), "c".into(), "d".into()],
    ///     vec![0., 1., 0., 0.,  1., 0., 0., 0.,  0., 0., 0., 1.,  0., 0., 1., 0.],
    ///     vec![0., 0., 1., 1.,  0., 0., 1., 1.,  1., 1., 0., 0.,  1., 1., 0., 0.],
    /// )?;
    /// let camps = pair.polarization_of_split(&["a", "b"])?;
    /// assert_eq!(camps.clusters, [vec!["a", "b"], vec!["c", "d"]]);
    /// assert_eq!((camps.within_congruence, camps.between_conflict), (4.0, 8.0));
    /// assert_eq!(camps.q, 0.25);
    /// // Unbalanced splits are scored too.
    /// assert_eq!(pair.polarization_of_split(&["d"])?.clusters[1], ["d"]);
    /// assert!(pair.polarization_of_split(&["a", "e"]).is_err());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn polarization_of_split(&self, first: &[&str]) -> Result<Polarization> {
        let mut in_first = vec![false; self.labels.len()];
        for &key in first {
            let Some(i) = self.labels.iter().position(|l| l == key) else {
                return Err(Error::InvalidOptions {
                    problems: vec![Problem::new(
                        RecordRef::whole(Section::Options),
                        Some("split".to_owned()),
                        ProblemKind::UnknownReference {
                            target: Section::Actors,
                            key: key.to_owned(),
                            suggestion: None,
                        },
                    )],
                });
            };
            in_first[i] = true;
        }
        if in_first.iter().all(|&x| x) || !in_first.iter().any(|&x| x) {
            return Err(Error::invalid_option(
                "split",
                "a split needs at least one actor on each side",
            ));
        }
        Ok(self.evaluate(&in_first, true))
    }

    /// The balanced split with the highest Q: the camps' sizes differ by at
    /// most one. Every balanced split is tried when there are at most
    /// `options.exact_limit` of them ([`Polarization::exact`]);
    /// otherwise a swap local search climbs from `options.restarts` random
    /// balanced splits (seeded by `options.seed`) and the best peak wins.
    /// Only the search fields of `options` are used.
    ///
    /// Ties go to the split found first; when both networks are empty every
    /// split has Q = 0.
    ///
    /// # Complexity
    ///
    /// Exhaustive: O(S · n) for S = C(n − 1, n/2 − 1) balanced splits (n
    /// even) or C(n, ⌊n/2⌋) (n odd); 24 actors give 1,352,078. Local search:
    /// O(n²) per swap, for each restart.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{discourse::{NetworkPair, PolarizationOptions}};
    ///
    /// let n = 7;
    /// let cell = |i: usize, j: usize| if i == j { 0.0 } else { ((i * 7 + j * 3) % 5) as f64 / 4.0 };
    /// let congruence = (0..n * n).map(|k| cell(k / n, k % n)).collect();
    /// let conflict = (0..n * n).map(|k| cell(k % n, k / n + 1)).collect();
    /// let labels = (0..n).map(|i| format!("actor{i}")).collect();
    /// let pair = NetworkPair::new(labels, congruence, conflict)?;
    /// let exact = pair.polarization(&PolarizationOptions::default());
    /// let local = pair.polarization(&PolarizationOptions::default().with_exact_limit(0));
    /// assert!(exact.exact && !local.exact);
    /// assert_eq!(exact.clusters[0].len() + exact.clusters[1].len(), 7);
    /// assert!((exact.q - local.q).abs() < 1e-12);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn polarization(&self, options: &PolarizationOptions) -> Polarization {
        let n = self.labels.len();
        let weights = Weights::new(self);
        let exact = balanced_splits(n, options.exact_limit) <= options.exact_limit;
        let in_first = if exact {
            exhaustive(&weights)
        } else {
            let mut rng = SplitMix64(options.seed);
            let mut best: Option<(f64, Vec<bool>)> = None;
            for _ in 0..options.restarts.max(1) {
                let start = random_split(n, &mut rng);
                let peak = climb(&weights, start);
                let deviation = self.deviation(&peak);
                if best.as_ref().is_none_or(|(d, _)| deviation > *d) {
                    best = Some((deviation, peak));
                }
            }
            best.map(|(_, split)| split).unwrap_or_default()
        };
        self.evaluate(&in_first, exact)
    }

    fn c(&self, i: usize, j: usize) -> f64 {
        self.congruence[i * self.labels.len() + j]
    }

    fn f(&self, i: usize, j: usize) -> f64 {
        self.conflict[i * self.labels.len() + j]
    }

    /// ‖C‖₁ and ‖F‖₁ off the diagonal.
    fn norms(&self) -> (f64, f64) {
        let n = self.labels.len();
        let (mut c, mut f) = (0.0, 0.0);
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                c += self.c(i, j).abs();
                f += self.f(i, j).abs();
            }
        }
        (c, f)
    }

    /// The sum of absolute deviations (DNA's `absdiff`) of a split.
    fn deviation(&self, in_first: &[bool]) -> f64 {
        let n = self.labels.len();
        let e = Expected::new(self, in_first);
        let mut sum = 0.0;
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                let (c, f) = (self.c(i, j), self.f(i, j));
                sum += if in_first[i] == in_first[j] {
                    (c - e.congruence[usize::from(!in_first[i])]).abs() + f.abs()
                } else {
                    c.abs() + (f - e.conflict).abs()
                };
            }
        }
        sum
    }

    /// The full account of one split.
    fn evaluate(&self, in_first: &[bool], exact: bool) -> Polarization {
        let n = self.labels.len();
        let (congruence_norm, conflict_norm) = self.norms();
        let deviation = self.deviation(in_first);
        let e = Expected::new(self, in_first);
        let (mut within_congruence, mut between_congruence) = (0.0, 0.0);
        let (mut within_conflict, mut between_conflict) = (0.0, 0.0);
        for i in 0..n {
            for j in (0..n).filter(|&j| j != i) {
                if in_first[i] == in_first[j] {
                    within_congruence += self.c(i, j);
                    within_conflict += self.f(i, j);
                } else {
                    between_congruence += self.c(i, j);
                    between_conflict += self.f(i, j);
                }
            }
        }
        // Canonical order: the camp of the first label (byte order) first.
        let lead = (0..n)
            .min_by(|&a, &b| self.labels[a].cmp(&self.labels[b]))
            .unwrap_or(0);
        let side = in_first.get(lead).copied().unwrap_or(true);
        let camp = |wanted: bool| {
            let mut v: Vec<String> = (0..n)
                .filter(|&i| in_first[i] == wanted)
                .map(|i| self.labels[i].clone())
                .collect();
            v.sort_unstable();
            v
        };
        let index = |wanted: bool| usize::from(!wanted);
        let total = congruence_norm + conflict_norm;
        Polarization {
            q: if total > 0.0 {
                deviation / (2.0 * total)
            } else {
                0.0
            },
            score: deviation / 2.0,
            clusters: [camp(side), camp(!side)],
            exact,
            congruence_norm,
            conflict_norm,
            expected_congruence: [e.congruence[index(side)], e.congruence[index(!side)]],
            expected_conflict: e.conflict,
            within_congruence,
            between_congruence,
            within_conflict,
            between_conflict,
        }
    }
}

/// DNA's expected values for a split: congruence per camp (indexed 0 for
/// the `true` side, 1 for the other) and conflict between the camps.
struct Expected {
    congruence: [f64; 2],
    conflict: f64,
}

impl Expected {
    fn new(pair: &NetworkPair, in_first: &[bool]) -> Self {
        let first = in_first.iter().filter(|&&x| x).count();
        Self::for_sizes(pair, [first, in_first.len() - first])
    }

    fn for_sizes(pair: &NetworkPair, sizes: [usize; 2]) -> Self {
        let (congruence_norm, conflict_norm) = pair.norms();
        let n = (sizes[0] + sizes[1]) as f64;
        let dyads = |k: usize| (sizes[k] * sizes[k].saturating_sub(1)) as f64;
        let within = dyads(0) + dyads(1);
        let between = n * (n - 1.0) - within;
        // DNA weighs the mean by the camp's share of within-camp dyads (and
        // by the share of one direction of between-camp dyads), so these are
        // below the plain means; kept as DNA has them.
        let expected = |k: usize| {
            if within > 0.0 {
                dyads(k) / within * (congruence_norm / within)
            } else {
                0.0
            }
        };
        let conflict = if between > 0.0 {
            (sizes[0] * sizes[1]) as f64 / between * (conflict_norm / between)
        } else {
            0.0
        };
        Expected {
            congruence: [expected(0), expected(1)],
            conflict,
        }
    }
}

/// Deviations per unordered pair for balanced splits, whose camp sizes are
/// fixed: camp A has ⌈n/2⌉ actors, camp B ⌊n/2⌋.
struct Weights<'a> {
    pair: &'a NetworkPair,
    expected: Expected,
}

impl<'a> Weights<'a> {
    fn new(pair: &'a NetworkPair) -> Self {
        let n = pair.labels.len();
        Weights {
            pair,
            expected: Expected::for_sizes(pair, [n.div_ceil(2), n / 2]),
        }
    }

    fn n(&self) -> usize {
        self.pair.labels.len()
    }

    /// Both directions of pair {i, j}: its deviation when both are in A,
    /// both in B, or in different camps.
    fn pair(&self, i: usize, j: usize) -> (f64, f64, f64) {
        let p = self.pair;
        let (cij, cji, fij, fji) = (p.c(i, j), p.c(j, i), p.f(i, j), p.f(j, i));
        let conflict = fij.abs() + fji.abs();
        let within = |e: f64| (cij - e).abs() + (cji - e).abs() + conflict;
        let e = &self.expected;
        (
            within(e.congruence[0]),
            within(e.congruence[1]),
            cij.abs() + cji.abs() + (fij - e.conflict).abs() + (fji - e.conflict).abs(),
        )
    }
}

/// How many balanced splits n actors have, or more than `limit` (counting
/// stops there).
fn balanced_splits(n: usize, limit: u64) -> u64 {
    // n even: C(n − 1, n/2 − 1) (the first actor's camp fixed); odd: C(n, ⌊n/2⌋).
    let (top, k) = if n.is_multiple_of(2) {
        (n.saturating_sub(1), (n / 2).saturating_sub(1))
    } else {
        (n, n / 2)
    };
    let mut count: u128 = 1;
    for i in 0..k {
        // Exact at every step: the product of i + 1 consecutive numbers is
        // divisible by (i + 1)!.
        count = count * (top - i) as u128 / (i + 1) as u128;
        if count > u128::from(limit) {
            return limit.saturating_add(1);
        }
    }
    u64::try_from(count).unwrap_or(u64::MAX)
}

/// Every balanced split, as the set S of one camp: for n even, the camp of
/// actor 0 (the other camp is its mirror); for n odd, the smaller camp B.
/// With x the indicator of S, the deviation is a quadratic form
/// const + Σ_{i∈S} h_i + Σ_{i<j∈S} M_ij, so a depth-first walk over the
/// combinations adds one actor in O(n).
fn exhaustive(w: &Weights) -> Vec<bool> {
    let n = w.n();
    // S's camp and the other camp's (0 = A, 1 = B), and |S|.
    let (s_camp, size) = if n.is_multiple_of(2) {
        (0, n / 2)
    } else {
        (1, n / 2)
    };
    let t_camp = 1 - s_camp;
    let pick = |t: (f64, f64, f64), camp: usize| if camp == 0 { t.0 } else { t.1 };
    let mut h = vec![0.0; n];
    let mut m = vec![0.0; n * n];
    for i in 0..n {
        for j in (0..n).filter(|&j| j != i) {
            let t = w.pair(i, j);
            h[i] += t.2 - pick(t, t_camp);
            m[i * n + j] = pick(t, s_camp) + pick(t, t_camp) - 2.0 * t.2;
        }
    }
    let mut walk = Walk {
        n,
        size,
        h: &h,
        m: &m,
        set: Vec::with_capacity(size),
        partial: vec![vec![0.0; n]; size + 1],
        best: f64::NEG_INFINITY,
        best_set: Vec::new(),
    };
    if n.is_multiple_of(2) {
        walk.set.push(0);
        walk.partial[1].copy_from_slice(&m[..n]);
        walk.go(1, 1, h[0]);
    } else {
        walk.go(0, 0, 0.0);
    }
    let mut in_first = vec![false; n];
    for &i in &walk.best_set {
        in_first[i] = true;
    }
    // S is camp B for odd n: flip so that `true` is the larger camp A.
    if s_camp == 1 {
        for x in &mut in_first {
            *x = !*x;
        }
    }
    in_first
}

struct Walk<'a> {
    n: usize,
    size: usize,
    h: &'a [f64],
    m: &'a [f64],
    set: Vec<usize>,
    /// `partial[d][v]`: Σ M_uv over the first d members u of the set.
    partial: Vec<Vec<f64>>,
    best: f64,
    best_set: Vec<usize>,
}

impl Walk<'_> {
    fn go(&mut self, start: usize, depth: usize, value: f64) {
        if depth == self.size {
            if value > self.best {
                self.best = value;
                self.best_set.clone_from(&self.set);
            }
            return;
        }
        let remaining = self.size - depth;
        for v in start..=(self.n - remaining) {
            let next = value + self.h[v] + self.partial[depth][v];
            if remaining == 1 {
                if next > self.best {
                    self.best = next;
                    self.best_set.clone_from(&self.set);
                    self.best_set.push(v);
                }
                continue;
            }
            let (done, rest) = self.partial.split_at_mut(depth + 1);
            let (from, to) = (&done[depth], &mut rest[0]);
            for u in v + 1..self.n {
                to[u] = from[u] + self.m[v * self.n + u];
            }
            self.set.push(v);
            self.go(v + 1, depth + 1, next);
            self.set.pop();
        }
    }
}

/// A balanced split drawn uniformly: `true` for camp A (⌈n/2⌉ actors).
fn random_split(n: usize, rng: &mut SplitMix64) -> Vec<bool> {
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut in_a = vec![false; n];
    for &i in &order[..n.div_ceil(2)] {
        in_a[i] = true;
    }
    in_a
}

/// Steepest ascent by swaps of one actor of A with one of B (which keeps
/// the split balanced), until no swap improves the deviation.
fn climb(w: &Weights, mut in_a: Vec<bool>) -> Vec<bool> {
    /// Swaps between recomputing the sums from scratch, so that rounding
    /// errors of the running updates stay negligible.
    const REFRESH: usize = 64;
    let n = w.n();
    let (c, f) = w.pair.norms();
    let tolerance = 1e-12 * (c + f);
    if tolerance == 0.0 {
        return in_a;
    }
    // Per actor: its pair deviations summed over A (as if within A, and as
    // if across) and over B (within B, across).
    let (mut a_in, mut b_in) = (vec![0.0; n], vec![0.0; n]);
    let (mut a_across, mut b_across) = (vec![0.0; n], vec![0.0; n]);
    let mut gain = vec![0.0; n];
    // Safety net only: every accepted swap improves the deviation.
    for swaps in 0..n.saturating_mul(n).saturating_add(100) {
        if swaps % REFRESH == 0 {
            for i in 0..n {
                (a_in[i], b_in[i], a_across[i], b_across[i]) = (0.0, 0.0, 0.0, 0.0);
                for j in (0..n).filter(|&j| j != i) {
                    let (wa, wb, x) = w.pair(i, j);
                    if in_a[j] {
                        a_in[i] += wa;
                        a_across[i] += x;
                    } else {
                        b_in[i] += wb;
                        b_across[i] += x;
                    }
                }
            }
        }
        // The gain of moving i to the other camp, its swap partner aside.
        for i in 0..n {
            gain[i] = if in_a[i] {
                b_in[i] + a_across[i] - a_in[i] - b_across[i]
            } else {
                a_in[i] + b_across[i] - b_in[i] - a_across[i]
            };
        }
        let mut best = (tolerance, None);
        for i in (0..n).filter(|&i| in_a[i]) {
            for j in (0..n).filter(|&j| !in_a[j]) {
                let (wa, wb, x) = w.pair(i, j);
                let delta = gain[i] + gain[j] - wa - wb + 2.0 * x;
                if delta > best.0 {
                    best = (delta, Some((i, j)));
                }
            }
        }
        let Some((i, j)) = best.1 else { break };
        in_a[i] = false;
        in_a[j] = true;
        // i leaves A for B, j leaves B for A.
        let zero = (0.0, 0.0, 0.0);
        for l in 0..n {
            let (ia, ib, ix) = if l == i { zero } else { w.pair(l, i) };
            let (ja, jb, jx) = if l == j { zero } else { w.pair(l, j) };
            a_in[l] += ja - ia;
            b_in[l] += ib - jb;
            a_across[l] += jx - ix;
            b_across[l] += ix - jx;
        }
    }
    in_a
}

/// The polarization of a split into two camps, as Discourse Network
/// Analyzer computes it, and what it is made of.
///
/// For congruence C and conflict F over n actors (diagonal ignored), camps
/// of sizes n₁ and n₂, W = n₁(n₁ − 1) + n₂(n₂ − 1) ordered within-camp pairs
/// and B = n(n − 1) − W between-camp pairs:
///
/// - expected congruence in camp k: Eₖ = (nₖ(nₖ − 1) / W) · (‖C‖₁ / W);
/// - expected conflict between camps: E_F = (n₁n₂ / B) · (‖F‖₁ / B);
/// - Q = [Σ_within (|cᵢⱼ − Eₖ| + |fᵢⱼ|) + Σ_between (|cᵢⱼ| + |fᵢⱼ − E_F|)]
///   / (2 (‖C‖₁ + ‖F‖₁)),
///
/// sums over ordered pairs i ≠ j, ‖·‖₁ the sum of absolute cells. Q is 0
/// when both networks are empty. DNA's `dna_polarization(normalizeScores =
/// TRUE)` reports this Q for its best split; [`score`](Self::score) is its
/// unnormalised score.
///
/// Deviations count in either direction, and conflict within camps and
/// congruence between them count as deviations too, so Q rewards splits
/// that cut through agreeing pairs as well as splits along them: for two
/// perfect camps {a, b} and {c, d} (congruence inside, conflict across) the
/// camps score Q = 1/4 and the crosswise split {a, c} | {b, d} scores 7/12,
/// the maximum. This is DNA's definition as its code computes it
/// (`Polarization.java`, `qualityAbsdiff`, DNA 3), kept for comparability
/// with DNA's figures; [`NetworkPair::polarization_of_split`] scores any
/// other split.
///
/// # Examples
///
/// ```
/// use stancegraph::discourse::NetworkPair;
///
/// let pair = NetworkPair::new(
///     vec!["a".into(), "b".into(), "c".into()],
///     vec![0., 2., 0.,  2., 0., 0.,  0., 0., 0.],
///     vec![0., 0., 1.,  0., 0., 1.,  1., 1., 0.],
/// )?;
/// let p = pair.polarization_of_split(&["a", "b"])?;
/// // ‖C‖₁ = 4, ‖F‖₁ = 4; E₁ = (2/2)·(4/2) = 2, E₂ = 0, E_F = (2/4)·(4/4) = 0.5:
/// // within 2 × |2 − 2|, between 4 × |1 − 0.5|, so Q = 2 / 16.
/// assert_eq!(p.q, 0.125);
/// assert_eq!(p.expected_congruence, [2.0, 0.0]);
/// // The best balanced splits tie: a | b, c and b | a, c, each with within
/// // 2 × (|0 − 2| + 1), between 2 × (2 + 0.5) + 2 × 0.5, so Q = 12 / 16.
/// // The first found wins.
/// let best = pair.polarization(&Default::default());
/// assert_eq!(best.q, 0.75);
/// assert_eq!(best.to_string(), "polarization Q = 0.7500 (best of all balanced splits): a | b, c");
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Polarization {
    /// Q, between 0 and 1: higher is more polarised.
    pub q: f64,
    /// The unnormalised score: the deviations summed, halved (each pair's
    /// congruence and conflict both count).
    pub score: f64,
    /// The two camps' labels, each sorted (byte order); the camp of the
    /// first label comes first.
    pub clusters: [Vec<String>; 2],
    /// Whether every balanced split was tried, so that no balanced split has
    /// a higher Q (false: the local search's best).
    pub exact: bool,
    /// ‖C‖₁: the sum of absolute congruence cells.
    pub congruence_norm: f64,
    /// ‖F‖₁: the sum of absolute conflict cells.
    pub conflict_norm: f64,
    /// Eₖ: the congruence expected between two members of each camp
    /// (parallel to `clusters`).
    pub expected_congruence: [f64; 2],
    /// E_F: the conflict expected between members of different camps.
    pub expected_conflict: f64,
    /// Congruence within camps (cells summed over ordered pairs).
    pub within_congruence: f64,
    /// Congruence between camps.
    pub between_congruence: f64,
    /// Conflict within camps.
    pub within_conflict: f64,
    /// Conflict between camps.
    pub between_conflict: f64,
}

impl fmt::Display for Polarization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let how = if self.exact {
            "best of all balanced splits"
        } else {
            "local search"
        };
        write!(
            f,
            "polarization Q = {:.4} ({how}): {} | {}",
            self.q,
            self.clusters[0].join(", "),
            self.clusters[1].join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(n: usize, seed: u64) -> NetworkPair {
        let mut rng = SplitMix64(seed);
        let mut cell = || (rng.next() % 5) as f64 / 4.0;
        let c = (0..n * n).map(|_| cell()).collect();
        let f = (0..n * n).map(|_| cell()).collect();
        NetworkPair::new((0..n).map(|i| format!("{i:02}")).collect(), c, f).unwrap()
    }

    #[test]
    fn swap_gains_match_recomputed_deviations() {
        for n in [4, 5, 8, 9] {
            let p = pair(n, n as u64);
            let w = Weights::new(&p);
            let mut rng = SplitMix64(7);
            let split = random_split(n, &mut rng);
            let peak = climb(&w, split.clone());
            assert!(p.deviation(&peak) >= p.deviation(&split) - 1e-9);
            assert_eq!(peak.iter().filter(|&&x| x).count(), n.div_ceil(2));
            // A peak: no swap improves it.
            for i in (0..n).filter(|&i| peak[i]) {
                for j in (0..n).filter(|&j| !peak[j]) {
                    let mut s = peak.clone();
                    s.swap(i, j);
                    assert!(p.deviation(&s) <= p.deviation(&peak) + 1e-9);
                }
            }
        }
    }

    #[test]
    fn the_walk_finds_the_brute_force_maximum() {
        for n in 2..=9 {
            let p = pair(n, 100 + n as u64);
            let found = p.deviation(&exhaustive(&Weights::new(&p)));
            let mut best = f64::NEG_INFINITY;
            for mask in 0u32..(1 << n) {
                if mask.count_ones() as usize != n.div_ceil(2) {
                    continue;
                }
                let split: Vec<bool> = (0..n).map(|i| mask & (1 << i) != 0).collect();
                best = best.max(p.deviation(&split));
            }
            assert!((found - best).abs() < 1e-9, "n = {n}: {found} vs {best}");
        }
    }

    #[test]
    fn balanced_split_counts() {
        assert_eq!(balanced_splits(2, 100), 1);
        assert_eq!(balanced_splits(3, 100), 3);
        assert_eq!(balanced_splits(4, 100), 3);
        assert_eq!(balanced_splits(7, 100), 35);
        assert_eq!(balanced_splits(24, u64::MAX), 1_352_078);
        assert_eq!(balanced_splits(25, 2_000_000), 2_000_001);
        assert_eq!(balanced_splits(1000, 10), 11);
    }
}
