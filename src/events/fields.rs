//! Events from columnar text: one row's fields handed over one by one, as a
//! data frame, an Arrow batch or a Spark partition holds them, and read by
//! the same rules as the file readers.
//!
//! [`EventFields`] borrows the text of one row's cells (`None`: the source
//! has no such column, or the cell is null); [`Event::read_fields`] fills an
//! [`Event`] from them with the shared rules of every reader — empty and
//! `NA` are missing, `YYYY-MM-DD` or GDELT's `YYYYMMDD` days, CAMEO codes
//! (leading zeros kept) or PLOVER types, the score or else the code book's
//! weight — and names every bad field by the column it came from and the
//! row's number. So a Spark job's partitions (see the Python package's
//! `stancegraph.spark`) aggregate exactly as `stancegraph events` does on
//! the same events.

use crate::error::Problem;
use crate::events::event::{FieldNames, RawFields, fill};
use crate::events::{CodeBook, Event, EventColumns};

/// The text fields of one event row of a columnar source; `None` for a
/// column the source does not have or a null cell (both count as missing,
/// as do an empty cell and `NA`).
///
/// # Examples
///
/// ```
/// use stancegraph::events::{CodeBook, Event, EventColumns, EventFields};
///
/// let fields = EventFields::new()
///     .with_source(Some("Kim Jong-Un"))
///     .with_source_country(Some("North Korea"))
///     .with_target(Some("Mike Pompeo"))
///     .with_target_country(Some("United States"))
///     .with_date(Some("20180602"))
///     .with_code(Some("173"));
/// let mut event = Event::default();
/// event.read_fields(&fields, &EventColumns::icews(), CodeBook::builtin(), 1)
///     .map_err(|p| p[0].to_string())?;
/// assert_eq!(event.date, "2018-06-02".parse().ok());
/// assert_eq!(event.score, -5.0); // CAMEO 173's Goldstein weight
///
/// let bad = EventFields::new().with_source(Some("a")).with_target(Some("b")).with_code(Some("73"));
/// let problems = event.read_fields(&bad, &EventColumns::icews(), CodeBook::builtin(), 7).unwrap_err();
/// assert!(problems[0].to_string().contains("CAMEO Code"));
/// # Ok::<(), String>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventFields<'a> {
    /// The source actor's name.
    pub source: Option<&'a str>,
    /// The source actor's country.
    pub source_country: Option<&'a str>,
    /// The target actor's name.
    pub target: Option<&'a str>,
    /// The target actor's country.
    pub target_country: Option<&'a str>,
    /// The day: `YYYY-MM-DD` or `YYYYMMDD`.
    pub date: Option<&'a str>,
    /// A CAMEO code or PLOVER type.
    pub code: Option<&'a str>,
    /// The Goldstein score, as text.
    pub score: Option<&'a str>,
}

impl<'a> EventFields<'a> {
    /// No field at all.
    pub fn new() -> Self {
        EventFields::default()
    }

    /// With the source actor's name.
    pub fn with_source(mut self, value: Option<&'a str>) -> Self {
        self.source = value;
        self
    }

    /// With the source actor's country.
    pub fn with_source_country(mut self, value: Option<&'a str>) -> Self {
        self.source_country = value;
        self
    }

    /// With the target actor's name.
    pub fn with_target(mut self, value: Option<&'a str>) -> Self {
        self.target = value;
        self
    }

    /// With the target actor's country.
    pub fn with_target_country(mut self, value: Option<&'a str>) -> Self {
        self.target_country = value;
        self
    }

    /// With the day.
    pub fn with_date(mut self, value: Option<&'a str>) -> Self {
        self.date = value;
        self
    }

    /// With the event code.
    pub fn with_code(mut self, value: Option<&'a str>) -> Self {
        self.code = value;
        self
    }

    /// With the score.
    pub fn with_score(mut self, value: Option<&'a str>) -> Self {
        self.score = value;
        self
    }
}

impl EventColumns {
    /// ICEWS's column names (`Source Name`, `Source Country`, `Target
    /// Name`, `Target Country`, `Event Date`, `CAMEO Code`, `Intensity`),
    /// tab-delimited: the names a table of ICEWS events keeps when it is
    /// loaded elsewhere (pandas, Spark) and the names problems use for them.
    pub fn icews() -> EventColumns {
        let n = crate::events::icews::NAMES;
        EventColumns {
            delimiter: Some(b'\t'),
            source: n.source.into(),
            target: n.target.into(),
            source_country: n.source_country.into(),
            target_country: n.target_country.into(),
            date: n.date.into(),
            code: n.code.into(),
            score: n.score.into(),
        }
    }
}

impl Event {
    /// Fills this event from one row's text fields by the rules every
    /// reader applies (see the [module](crate::events) and
    /// [`EventReader`](crate::events::EventReader)); `columns` names the
    /// fields in problems, `row` numbers the row (from 1).
    ///
    /// # Errors
    ///
    /// Every bad field of the row, each naming its column and the row
    /// (then the event is not to be used): a date that is not a day, a code
    /// that is neither a CAMEO code nor a PLOVER type of `codes`, a score
    /// that is not a number between −10⁹ and 10⁹, a row with neither score
    /// nor code.
    pub fn read_fields(
        &mut self,
        fields: &EventFields<'_>,
        columns: &EventColumns,
        codes: &CodeBook,
        row: usize,
    ) -> Result<(), Vec<Problem>> {
        let raw = RawFields {
            source: fields.source,
            source_country: fields.source_country,
            target: fields.target,
            target_country: fields.target_country,
            date: fields.date,
            code: fields.code,
            score: fields.score,
        };
        let names = FieldNames {
            source: &columns.source,
            source_country: &columns.source_country,
            target: &columns.target,
            target_country: &columns.target_country,
            date: &columns.date,
            code: &columns.code,
            score: &columns.score,
        };
        fill(self, &raw, names, codes, (row, None), Vec::new())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same row as text in an ICEWS file and as fields gives the same event.
    #[test]
    fn fields_read_as_the_icews_reader_reads() {
        let tab = "Event ID\tEvent Date\tSource Name\tSource Country\tCAMEO Code\tIntensity\tTarget Name\tTarget Country\n\
                   1\t2018-06-01\tDonald Trump\tUnited States\t036\tNA\tKim Jong-Un\tNorth Korea\n";
        let mut reader = crate::events::EventReader::icews(tab.as_bytes(), "t.tab").unwrap();
        let mut from_file = Event::default();
        assert!(reader.read_event(&mut from_file).unwrap());
        let fields = EventFields::new()
            .with_source(Some("Donald Trump"))
            .with_source_country(Some("United States"))
            .with_target(Some("Kim Jong-Un"))
            .with_target_country(Some("North Korea"))
            .with_date(Some("2018-06-01"))
            .with_code(Some("036"))
            .with_score(Some("NA"));
        let mut from_fields = Event::default();
        from_fields
            .read_fields(&fields, &EventColumns::icews(), CodeBook::builtin(), 1)
            .unwrap();
        assert_eq!(from_file, from_fields);
    }

    #[test]
    fn every_bad_field_is_named_with_its_row() {
        let fields = EventFields::new()
            .with_source(Some("a"))
            .with_target(Some("b"))
            .with_date(Some("2018-13-01"))
            .with_score(Some("ten"));
        let columns = EventColumns {
            date: "when".into(),
            ..EventColumns::default()
        };
        let problems = Event::default()
            .read_fields(&fields, &columns, CodeBook::builtin(), 42)
            .unwrap_err();
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(
            text[0].contains("42") && text[0].contains("when"),
            "{text:?}"
        );
        assert!(text[1].contains("score"), "{text:?}");
    }
}
