//! Balance by year: per year with a tie, the states, the allied, disputed
//! and ambivalent pairs, and the weighted frustration index of the year's
//! signed graph — exact, with its proven lower bound — as records, CSV and
//! JSON. Years are solved in parallel, each on its own.

use std::fmt;
use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::{Value, json};

use crate::balance::{FrustrationMethod, FrustrationOptions};
use crate::interstate::InterstatePanel;
use crate::interstate::panel::PanelYear;
use crate::util::number;
use crate::util::words::{plural, real};

/// Options of [`InterstatePanel::balance_by_year`].
///
/// # Examples
///
/// ```
/// use std::time::Duration;
/// use stancegraph::balance::FrustrationMethod;
/// use stancegraph::interstate::YearBalanceOptions;
///
/// let options = YearBalanceOptions::new().with_time_limit(Duration::from_secs(5)).with_threads(1);
/// assert_eq!(options.frustration.method, FrustrationMethod::Exact);
/// assert_eq!(options.threads, 1);
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct YearBalanceOptions {
    /// How each year's frustration index is computed: by default
    /// [`FrustrationMethod::Exact`] without a time limit, so that every
    /// year's index is proven.
    pub frustration: FrustrationOptions,
    /// Years solved at once; 0 (the default) for every core.
    pub threads: usize,
}

impl Default for YearBalanceOptions {
    fn default() -> Self {
        YearBalanceOptions {
            frustration: FrustrationOptions::new().with_method(FrustrationMethod::Exact),
            threads: 0,
        }
    }
}

impl YearBalanceOptions {
    /// The defaults: exact frustration indices, no time limit, every core.
    pub fn new() -> Self {
        YearBalanceOptions::default()
    }

    /// Sets the options of each year's frustration index.
    pub fn with_frustration(mut self, options: FrustrationOptions) -> Self {
        self.frustration = options;
        self
    }

    /// Stops each year's exact search after `limit`: that year's index may
    /// then be unproven ([`YearBalance::exact`] false, its
    /// [`lower_bound`](YearBalance::lower_bound) below it).
    pub fn with_time_limit(mut self, limit: Duration) -> Self {
        self.frustration.time_limit = Some(limit);
        self
    }

    /// Sets the number of years solved at once (0: every core).
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads;
        self
    }
}

/// The structural balance of one year of an [`InterstatePanel`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct YearBalance {
    /// The year.
    pub year: i32,
    /// The states with a tie (the graph's nodes).
    pub states: usize,
    /// The pairs allied (ambivalent ones included): the positive ties.
    pub positive: usize,
    /// The pairs in a dispute (ambivalent ones included): the negative ties.
    pub negative: usize,
    /// The pairs both allied and in a dispute.
    pub ambivalent: usize,
    /// The frustration index: the fewest ties whose removal leaves the
    /// year's graph balanced (every tie weighs 1, an ambivalent pair being
    /// one positive and one negative tie) — the value of the best camps
    /// found, an upper bound when not [`exact`](Self::exact).
    pub frustration: f64,
    /// A proven lower bound on the index (equal to it when exact).
    pub lower_bound: f64,
    /// Whether the index is proven optimal.
    pub exact: bool,
}

impl YearBalance {
    /// The share of the ties out of place: frustration / (positive + negative);
    /// 0 for a year without ties.
    pub fn frustrated_share(&self) -> f64 {
        let ties = self.positive + self.negative;
        if ties == 0 {
            0.0
        } else {
            self.frustration / ties as f64
        }
    }
}

impl fmt::Display for YearBalance {
    /// `1976: 142 states, 1,203 allied pairs, 14 pairs in a dispute, 2
    /// ambivalent; frustration index 9 (exact)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}, {}, {} in a dispute, {} ambivalent; frustration index {} ({})",
            self.year,
            plural(self.states, "state"),
            plural(self.positive, "allied pair"),
            plural(self.negative, "pair"),
            self.ambivalent,
            real(self.frustration),
            if self.exact {
                "exact".to_owned()
            } else {
                format!("not proven: at least {}", real(self.lower_bound))
            }
        )
    }
}

/// Structural balance of every year with a tie
/// ([`InterstatePanel::balance_by_year`]), ascending: a slice of
/// [`YearBalance`] (it derefs to one), with its CSV and JSON.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BalanceByYear {
    years: Vec<YearBalance>,
}

impl Deref for BalanceByYear {
    type Target = [YearBalance];

    fn deref(&self) -> &[YearBalance] {
        &self.years
    }
}

impl<'a> IntoIterator for &'a BalanceByYear {
    type Item = &'a YearBalance;
    type IntoIter = std::slice::Iter<'a, YearBalance>;

    fn into_iter(self) -> Self::IntoIter {
        self.years.iter()
    }
}

impl BalanceByYear {
    /// The CSV columns, in order.
    pub const COLUMNS: [&'static str; 8] = [
        "year",
        "states",
        "positive",
        "negative",
        "ambivalent",
        "frustration",
        "lower_bound",
        "exact",
    ];

    /// Whether every year's frustration index is proven.
    pub fn all_exact(&self) -> bool {
        self.years.iter().all(|y| y.exact)
    }

    /// The years as CSV: a header
    /// `year,states,positive,negative,ambivalent,frustration,lower_bound,exact`
    /// and a row per year (`exact` is `true` or `false`; whole numbers
    /// without a fraction).
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::interstate::{Alliances, Disputes, InterstatePanel, StateNames, YearBalanceOptions};
    ///
    /// let alliances = Alliances::from_reader("ccode1,ccode2,year\n2,20,1990\n".as_bytes(), "a.csv")?;
    /// let disputes = Disputes::from_reader("dispnum,ccode1,ccode2,year\n7,2,20,1990\n".as_bytes(), "d.csv")?;
    /// let panel = InterstatePanel::new(alliances, disputes, StateNames::new());
    /// assert_eq!(panel.balance_by_year(&YearBalanceOptions::new()).to_csv(),
    ///     "year,states,positive,negative,ambivalent,frustration,lower_bound,exact\n1990,2,1,1,1,1,1,true\n");
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn to_csv(&self) -> String {
        let mut out = Self::COLUMNS.join(",");
        out.push('\n');
        for y in &self.years {
            out.push_str(&format!(
                "{},{},{},{},{},{},{},{}\n",
                y.year,
                y.states,
                y.positive,
                y.negative,
                y.ambivalent,
                number::text(y.frustration),
                number::text(y.lower_bound),
                y.exact
            ));
        }
        out
    }

    /// The years as a JSON array of objects with the CSV's keys.
    pub fn to_json(&self) -> Value {
        Value::Array(
            self.years
                .iter()
                .map(|y| {
                    json!({
                        "year": y.year,
                        "states": y.states,
                        "positive": y.positive,
                        "negative": y.negative,
                        "ambivalent": y.ambivalent,
                        "frustration": number::json(y.frustration),
                        "lower_bound": number::json(y.lower_bound),
                        "exact": y.exact,
                    })
                })
                .collect(),
        )
    }
}

/// The balance of one year.
pub(crate) fn year_balance(
    panel: &InterstatePanel,
    y: &PanelYear,
    options: &YearBalanceOptions,
) -> YearBalance {
    let graph = panel.graph_of(y);
    let f = graph.frustration(&options.frustration);
    YearBalance {
        year: y.year,
        states: graph.nodes().len(),
        positive: y.allied.len(),
        negative: y.disputed.len(),
        ambivalent: graph.ambivalent_pairs().len(),
        frustration: f.value,
        lower_bound: f.lower_bound,
        exact: f.exact,
    }
}

/// [`InterstatePanel::balance_by_year`]: the years shared out one at a time
/// to the threads (their costs differ widely), then put back in order.
pub(crate) fn balance_by_year(
    panel: &InterstatePanel,
    options: &YearBalanceOptions,
) -> BalanceByYear {
    let count = panel.years.len();
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
    .clamp(1, count.max(1));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(y) = panel.years.get(i) else {
                break;
            };
            done.push((i, year_balance(panel, y, options)));
        }
        done
    };
    let mut done: Vec<(usize, YearBalance)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for h in handles {
            match h.join() {
                Ok(part) => all.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    done.sort_unstable_by_key(|&(i, _)| i);
    BalanceByYear {
        years: done.into_iter().map(|(_, y)| y).collect(),
    }
}
