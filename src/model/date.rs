//! Calendar dates (`YYYY-MM-DD`) as scenario files write them.

use std::fmt;
use std::str::FromStr;

/// A calendar day in the proleptic Gregorian calendar, written `YYYY-MM-DD`.
///
/// Positions and memberships are dated to the day. Parsing is
/// strict: exactly four digits for the year, two for the month and two for the
/// day, and the day must exist (`2025-02-30` is rejected).
///
/// # Examples
///
/// ```
/// use stancegraph::Date;
///
/// let talks: Date = "2025-06-02".parse()?;
/// assert_eq!(talks.to_string(), "2025-06-02");
/// assert!(talks > Date::new(2025, 5, 29)?);
/// assert!("2025-02-30".parse::<Date>().is_err());
/// # Ok::<(), stancegraph::DateError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

/// Why a text is not a valid [`Date`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid date `{text}`: {reason}")]
pub struct DateError {
    text: String,
    reason: String,
}

impl DateError {
    pub(crate) fn new(text: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            reason: reason.into(),
        }
    }

    /// The rejected text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Why it was rejected, e.g. `day 30 does not exist in 2025-02`.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl Date {
    /// The date `year`-`month`-`day`.
    ///
    /// # Errors
    ///
    /// When the day does not exist, or the year is outside 1..=9999.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let text = || format!("{year:04}-{month:02}-{day:02}");
        if !(1..=9999).contains(&year) {
            return Err(DateError::new(text(), "year must be between 0001 and 9999"));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::new(text(), "month must be between 01 and 12"));
        }
        // The ranges above make these conversions lossless.
        let (y, m, d) = (year as i16, month as i8, day.min(99) as i8);
        jiff::civil::Date::new(y, m, d).map(Date).map_err(|_| {
            DateError::new(
                text(),
                format!("day {day} does not exist in {year:04}-{month:02}"),
            )
        })
    }

    /// The year (1..=9999).
    pub fn year(self) -> i32 {
        i32::from(self.0.year())
    }

    /// The month (1..=12).
    pub fn month(self) -> u32 {
        self.0.month() as u32
    }

    /// The day of the month (1..=31).
    pub fn day(self) -> u32 {
        self.0.day() as u32
    }

    /// The day before, if it is still in year 1 or later.
    pub fn previous_day(self) -> Option<Date> {
        self.0.yesterday().ok().and_then(|d| Date::try_from(d).ok())
    }

    /// The underlying [`jiff`] date, for calendar arithmetic.
    pub fn to_jiff(self) -> jiff::civil::Date {
        self.0
    }
}

impl TryFrom<jiff::civil::Date> for Date {
    type Error = DateError;

    /// Accepts the dates a scenario file can hold: years 1 to 9999.
    fn try_from(date: jiff::civil::Date) -> Result<Self, DateError> {
        Date::new(
            i32::from(date.year()),
            date.month() as u32,
            date.day() as u32,
        )
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, DateError> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(DateError::new(text, "expected YYYY-MM-DD"));
        }
        let number = |range: std::ops::Range<usize>| {
            bytes[range]
                .iter()
                .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
        };
        let year = number(0..4) as i32;
        Date::new(year, number(5..7), number(8..10)).map_err(|e| DateError::new(text, e.reason))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d: Date = "1949-04-04".parse().unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (1949, 4, 4));
        assert_eq!(d.to_string(), "1949-04-04");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        let e = "2025-02-30".parse::<Date>().unwrap_err();
        assert_eq!(e.reason(), "day 30 does not exist in 2025-02");
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2023-02-29".parse::<Date>().is_err());
        for bad in [
            "2025-13-01",
            "0000-01-01",
            "2025-5-29",
            "20250529",
            "",
            "2025-05-29T00:00",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert_eq!(
            "2025-00-10".parse::<Date>().unwrap_err().to_string(),
            "invalid date `2025-00-10`: month must be between 01 and 12"
        );
    }
}
