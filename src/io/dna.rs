//! Importing Discourse Network Analyzer databases (`.dna`, SQLite).

use std::collections::HashMap;
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{ActorKind, Date, Error, Issue, Position, Result, Scenario, Source, Stance};

/// Reads the statements of type "DNA Statement" of a Discourse Network
/// Analyzer database (DNA 3 schema) into a [`Scenario`]: each organisation
/// an actor, each person an actor speaking for their organisation (one
/// actor per organisation for a person coded for several), each
/// concept an issue, `agreement` 1 → support and 0 → oppose, the document's
/// date as the position's date, the coded passage as its quote, the
/// document's title as its source, and the statement id as its key.
///
/// The file is opened read-only. With `--level principal` (or
/// [`Level::Principal`](crate::discourse::Level::Principal)) networks are DNA's
/// organisation networks.
///
/// # Errors
///
/// [`Error::Io`] when the file does not exist; [`Error::Database`] when it is
/// not an SQLite database, is corrupted, or lacks the DNA tables and
/// variables (naming what is missing).
///
/// # Examples
///
/// ```no_run
/// let scenario = stancegraph::io::read_dna("sample.dna")?;
/// println!("{} statements", scenario.positions().len());
/// # Ok::<(), stancegraph::Error>(())
/// ```
pub fn read_dna(path: impl AsRef<Path>) -> Result<Scenario> {
    read_dna_with_progress(path, &mut |_| {})
}

/// As [`read_dna`], reporting progress in statements read (about every 1%
/// of them, and once at the end) — for a progress bar.
///
/// # Errors
///
/// As [`read_dna`].
pub fn read_dna_with_progress(
    path: impl AsRef<Path>,
    progress: &mut dyn FnMut(crate::io::Progress),
) -> Result<Scenario> {
    let path = path.as_ref();
    let origin = path.display().to_string();
    std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let fail = |message: String| Error::Database {
        origin: origin.clone(),
        message,
    };
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| fail(format!("cannot open as an SQLite database: {e}")))?;
    for table in [
        "DOCUMENTS",
        "STATEMENTS",
        "STATEMENTTYPES",
        "VARIABLES",
        "ENTITIES",
        "DATASHORTTEXT",
        "DATABOOLEAN",
    ] {
        let found: i64 = db
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
                [table],
                |r| r.get(0),
            )
            .map_err(|e| fail(format!("not a readable SQLite database: {e}")))?;
        if found == 0 {
            return Err(fail(format!(
                "not a DNA database: table {table} is missing"
            )));
        }
    }
    let variable = |name: &str| -> Result<i64> {
        db.query_row(
            "SELECT v.ID FROM VARIABLES v JOIN STATEMENTTYPES t ON t.ID = v.StatementTypeId \
             WHERE t.Label = 'DNA Statement' AND v.Variable = ?1",
            [name],
            |r| r.get(0),
        )
        .map_err(|_| {
            fail(format!(
                "the statement type `DNA Statement` has no variable `{name}`"
            ))
        })
    };
    let (person, organization, concept, agreement) = (
        variable("person")?,
        variable("organization")?,
        variable("concept")?,
        variable("agreement")?,
    );

    // Documents: date (Unix seconds, UTC), title, text.
    let mut documents: HashMap<i64, (i64, String, Vec<u16>)> = HashMap::new();
    {
        let mut rows = db
            .prepare("SELECT ID, Date, Title, Text FROM DOCUMENTS")
            .map_err(|e| fail(e.to_string()))?;
        let mut rows = rows.query([]).map_err(|e| fail(e.to_string()))?;
        while let Some(row) = rows.next().map_err(|e| fail(e.to_string()))? {
            let get = |e: rusqlite::Error| fail(format!("DOCUMENTS: {e}"));
            let id: i64 = row.get(0).map_err(get)?;
            let text: String = row.get(3).map_err(get)?;
            // DNA's offsets are Java string indices: UTF-16 code units.
            documents.insert(
                id,
                (
                    row.get(1).map_err(get)?,
                    row.get(2).map_err(get)?,
                    text.encode_utf16().collect(),
                ),
            );
        }
    }
    let sql = "SELECT s.ID, s.DocumentId, s.Start, s.Stop, \
        (SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity WHERE d.StatementId = s.ID AND d.VariableId = ?1), \
        (SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity WHERE d.StatementId = s.ID AND d.VariableId = ?2), \
        (SELECT e.Value FROM DATASHORTTEXT d JOIN ENTITIES e ON e.ID = d.Entity WHERE d.StatementId = s.ID AND d.VariableId = ?3), \
        (SELECT b.Value FROM DATABOOLEAN b WHERE b.StatementId = s.ID AND b.VariableId = ?4) \
        FROM STATEMENTS s JOIN STATEMENTTYPES t ON t.ID = s.StatementTypeId \
        WHERE t.Label = 'DNA Statement' ORDER BY s.ID";
    let total: i64 = db
        .query_row(
            "SELECT count(*) FROM STATEMENTS s JOIN STATEMENTTYPES t ON t.ID = s.StatementTypeId \
             WHERE t.Label = 'DNA Statement'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| fail(e.to_string()))?;
    let total = total.max(0) as u64;
    let step = (total / 100).max(1);
    let mut done = 0u64;
    let mut statement = db.prepare(sql).map_err(|e| fail(e.to_string()))?;
    let mut rows = statement
        .query([person, organization, concept, agreement])
        .map_err(|e| fail(e.to_string()))?;
    let mut scenario = Scenario::new();
    let mut actors = crate::io::statements::ImportedActors::default();
    while let Some(row) = rows.next().map_err(|e| fail(e.to_string()))? {
        done += 1;
        if done.is_multiple_of(step) {
            progress(crate::io::Progress { done, total });
        }
        let get = |e: rusqlite::Error| fail(format!("STATEMENTS: {e}"));
        let id: i64 = row.get(0).map_err(get)?;
        let document: i64 = row.get(1).map_err(get)?;
        let (start, stop): (i64, i64) = (row.get(2).map_err(get)?, row.get(3).map_err(get)?);
        let person: Option<String> = row.get(4).map_err(get)?;
        let organization: Option<String> = row.get(5).map_err(get)?;
        let concept: Option<String> = row.get(6).map_err(get)?;
        let agreement: Option<i64> = row.get(7).map_err(get)?;
        let here = |what: &str| fail(format!("statement {id}: {what}"));
        let Some((seconds, title, text)) = documents.get(&document) else {
            return Err(here("its document does not exist"));
        };
        let organization = organization
            .filter(|o| !o.trim().is_empty())
            .ok_or_else(|| here("no organization"))?;
        let concept = concept
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| here("no concept"))?;
        let stance = match agreement {
            Some(1) => Stance::Support,
            Some(0) => Stance::Oppose,
            other => return Err(here(&format!("agreement is {other:?}, expected 0 or 1"))),
        };
        let date = jiff::Timestamp::from_second(*seconds)
            .ok()
            .map(|t| jiff::tz::TimeZone::UTC.to_datetime(t).date())
            .and_then(|d| Date::try_from(d).ok())
            .ok_or_else(|| here(&format!("document date {seconds} is out of range")))?;
        let quote = usize::try_from(start)
            .ok()
            .zip(usize::try_from(stop).ok())
            .and_then(|(a, b)| text.get(a..b))
            .map(String::from_utf16_lossy)
            .ok_or_else(|| here(&format!("offsets {start}..{stop} lie outside its document")))?;
        let org_id =
            actors.organisation(&mut scenario, organization.trim(), ActorKind::Organization)?;
        let speaker = match person.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            None => org_id,
            Some(person) => actors.person(&mut scenario, person, org_id)?,
        };
        let issue = match scenario.issue_id(concept.trim()) {
            Some(x) => x,
            None => scenario.add_issue(Issue::new(concept.trim(), concept.trim()))?,
        };
        scenario.add_position(
            Position::new(speaker, issue, stance)
                .with_key(id.to_string())
                .with_date(date)
                .with_quote(quote.trim())
                .with_source(Source::new().with_title(title.clone())),
        )?;
    }
    progress(crate::io::Progress { done: total, total });
    Ok(scenario)
}
