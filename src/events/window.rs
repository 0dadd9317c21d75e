//! Time windows: which period(s) an event's day falls in, as sortable
//! integer keys, and the keys' labels.
//!
//! Algorithm: a day is numbered from 1970-01-01 (Howard Hinnant's
//! `days_from_civil`); a month is `year·12 + month − 1`; an ISO week is
//! `iso_year·100 + week` (ISO 8601: weeks start on Monday, week 1 holds the
//! year's first Thursday, so 2018-12-31 is in 2019-W01 — jiff computes it);
//! a sliding window of `length` days every `step` days from `origin` is
//! numbered `k` when it starts `k·step` days after the origin, and a day is
//! in every window whose span holds it. Keys sort as the periods do.

use crate::Date;

/// How events are grouped in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Window {
    /// One period, `all`.
    All,
    /// Calendar days, `YYYY-MM-DD`.
    Day,
    /// ISO 8601 weeks, `YYYY-Www` (the ISO week-numbering year).
    Week,
    /// Calendar months, `YYYY-MM`.
    Month,
    /// Calendar years, `YYYY`.
    Year,
    /// Windows of `length` days starting every `step` days from `origin`
    /// (they overlap when `step < length`), labelled `first/last` day.
    Sliding {
        /// Days per window (at least 1).
        length: u32,
        /// Days between window starts (at least 1).
        step: u32,
        /// The first day of window 0; windows before it exist too.
        origin: Date,
    },
}

impl Window {
    /// The names [`Window::parse`] reads: `all`, `day`, `week`, `month`,
    /// `year`, and `LENGTH/STEP` (days, e.g. `30/7`) for sliding windows.
    pub const NAMES: &'static str =
        "all, day, week, month, year, or LENGTH/STEP in days (e.g. 30/7)";

    /// Reads a window by name: `all`, `day`, `week`, `month`, `year`, or
    /// `LENGTH/STEP` for sliding windows of LENGTH days every STEP days from
    /// 1970-01-05 (a Monday, so that 7-day steps start on Mondays).
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::events::Window;
    ///
    /// assert_eq!(Window::parse("month"), Some(Window::Month));
    /// assert!(matches!(Window::parse("30/7"), Some(Window::Sliding { length: 30, step: 7, .. })));
    /// assert_eq!(Window::parse("30/0"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Window> {
        Some(match text.trim().to_ascii_lowercase().as_str() {
            "all" => Window::All,
            "day" => Window::Day,
            "week" => Window::Week,
            "month" => Window::Month,
            "year" => Window::Year,
            other => {
                let (l, s) = other.split_once('/')?;
                let (length, step) = (l.trim().parse().ok()?, s.trim().parse().ok()?);
                Window::sliding(length, step)?
            }
        })
    }

    /// Sliding windows of `length` days every `step` days from 1970-01-05
    /// (a Monday); none when either is 0.
    pub fn sliding(length: u32, step: u32) -> Option<Window> {
        let origin = Date::new(1970, 1, 5).ok()?;
        (length > 0 && step > 0).then_some(Window::Sliding {
            length,
            step,
            origin,
        })
    }

    /// Whether periods need the events' dates.
    pub fn needs_dates(self) -> bool {
        self != Window::All
    }

    /// The keys of the periods `date` falls in, in increasing order.
    pub(crate) fn keys(self, date: Date, out: &mut Vec<i64>) {
        out.clear();
        match self {
            Window::All => out.push(0),
            Window::Day => out.push(day_number(date)),
            Window::Week => {
                let w = date.to_jiff().iso_week_date();
                out.push(i64::from(w.year()) * 100 + i64::from(w.week()));
            }
            Window::Month => out.push(i64::from(date.year()) * 12 + i64::from(date.month()) - 1),
            Window::Year => out.push(i64::from(date.year())),
            Window::Sliding {
                length,
                step,
                origin,
            } => {
                let d = day_number(date) - day_number(origin);
                let (length, step) = (i64::from(length), i64::from(step));
                // Windows k with k·step ≤ d < k·step + length.
                let last = d.div_euclid(step);
                let first = (d - length + 1 + step - 1).div_euclid(step);
                out.extend(first..=last);
            }
        }
    }

    /// The label of a period key: `all`, `YYYY-MM-DD`, `YYYY-Www`, `YYYY-MM`,
    /// `YYYY`, or `YYYY-MM-DD/YYYY-MM-DD` for a sliding window.
    pub(crate) fn label(self, key: i64) -> String {
        match self {
            Window::All => "all".to_owned(),
            Window::Day => day_label(key),
            Window::Week => format!("{:04}-W{:02}", key.div_euclid(100), key.rem_euclid(100)),
            Window::Month => format!("{:04}-{:02}", key.div_euclid(12), key.rem_euclid(12) + 1),
            Window::Year => format!("{key:04}"),
            Window::Sliding {
                length,
                step,
                origin,
            } => {
                let start = day_number(origin) + key * i64::from(step);
                format!(
                    "{}/{}",
                    day_label(start),
                    day_label(start + i64::from(length) - 1)
                )
            }
        }
    }
}

impl std::fmt::Display for Window {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Window::All => f.write_str("all"),
            Window::Day => f.write_str("day"),
            Window::Week => f.write_str("week"),
            Window::Month => f.write_str("month"),
            Window::Year => f.write_str("year"),
            Window::Sliding { length, step, .. } => write!(f, "{length}/{step}"),
        }
    }
}

/// Days since 1970-01-01 (negative before).
fn day_number(date: Date) -> i64 {
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day numbered `z` since 1970-01-01, as `YYYY-MM-DD`.
fn day_label(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn labels(w: Window, d: &str) -> Vec<String> {
        let mut keys = Vec::new();
        w.keys(date(d), &mut keys);
        keys.into_iter().map(|k| w.label(k)).collect()
    }

    #[test]
    fn calendar_windows() {
        assert_eq!(labels(Window::All, "2018-06-01"), ["all"]);
        assert_eq!(labels(Window::Day, "2018-06-01"), ["2018-06-01"]);
        assert_eq!(labels(Window::Day, "1969-12-31"), ["1969-12-31"]);
        assert_eq!(labels(Window::Day, "2000-02-29"), ["2000-02-29"]);
        assert_eq!(labels(Window::Month, "2018-12-31"), ["2018-12"]);
        assert_eq!(labels(Window::Year, "2018-12-31"), ["2018"]);
        // ISO weeks at year boundaries.
        assert_eq!(labels(Window::Week, "2018-12-31"), ["2019-W01"]);
        assert_eq!(labels(Window::Week, "2021-01-03"), ["2020-W53"]);
        assert_eq!(labels(Window::Week, "2021-01-04"), ["2021-W01"]);
        assert_eq!(labels(Window::Week, "2018-06-01"), ["2018-W22"]);
    }

    #[test]
    fn day_numbers_round_trip() {
        for z in -719_000..2_900_000i64 {
            if z % 997 != 0 {
                continue;
            }
            let d: Date = day_label(z).parse().unwrap();
            assert_eq!(day_number(d), z);
        }
        assert_eq!(day_number(date("1970-01-01")), 0);
    }

    #[test]
    fn sliding_windows_overlap() {
        let w = Window::sliding(14, 7).unwrap();
        // 1970-01-05 is a Monday: windows start on Mondays.
        assert_eq!(
            labels(w, "2018-06-01"),
            ["2018-05-21/2018-06-03", "2018-05-28/2018-06-10"]
        );
        let w = Window::sliding(1, 1).unwrap();
        assert_eq!(labels(w, "2018-06-01"), ["2018-06-01/2018-06-01"]);
        let w = Window::sliding(3, 5).unwrap();
        // Gaps: some days are in no window.
        let counts: Vec<usize> = (1..=10)
            .map(|d| labels(w, &format!("2018-06-{d:02}")).len())
            .collect();
        assert_eq!(counts.iter().sum::<usize>(), 6);
        assert_eq!(Window::parse("0/7"), None);
        assert_eq!(Window::parse("x"), None);
    }
}
