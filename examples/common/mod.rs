//! Code shared by the UN examples (`un_votes`, `report`); each uses part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use stancegraph::Date;

/// One UN General Assembly roll call, as `un_roll_calls.csv` describes it.
pub struct RollCall {
    /// When it was held.
    pub date: Date,
    /// The resolution (`unres`), such as `A/RES/74/7`.
    pub resolution: String,
    /// The short description.
    pub short: String,
}

/// The roll calls of `year` in `un_roll_calls.csv` (columns `rcid` and
/// `date`; `unres` and `short` when present), by id. Errors name the file, the record and the field.
pub fn read_roll_calls(path: &Path, year: i32) -> Result<BTreeMap<u64, RollCall>, String> {
    let mut reader =
        csv::Reader::from_path(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let headers = reader
        .headers()
        .map_err(|e| format!("{}: {e}", path.display()))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{}: no `{name}` column", path.display()))
    };
    let (rcid, date) = (column("rcid")?, column("date")?);
    // The descriptions are optional: without them the names stay empty.
    let (unres, short) = (column("unres").ok(), column("short").ok());
    let mut calls = BTreeMap::new();
    for (row, record) in reader.records().enumerate() {
        let record = record.map_err(|e| format!("{}: {e}", path.display()))?;
        let at = |field: usize, name: &str| {
            record
                .get(field)
                .ok_or_else(|| format!("{}: record {}: no `{name}`", path.display(), row + 2))
        };
        let day: Date = at(date, "date")?
            .parse()
            .map_err(|e| format!("{}: record {}, field `date`: {e}", path.display(), row + 2))?;
        if day.year() != year {
            continue;
        }
        let id: u64 = at(rcid, "rcid")?.parse().map_err(|_| {
            format!(
                "{}: record {}, field `rcid`: not a number",
                path.display(),
                row + 2
            )
        })?;
        calls.insert(
            id,
            RollCall {
                date: day,
                resolution: unres
                    .and_then(|f| record.get(f))
                    .unwrap_or_default()
                    .to_owned(),
                short: short
                    .and_then(|f| record.get(f))
                    .unwrap_or_default()
                    .to_owned(),
            },
        );
    }
    Ok(calls)
}
