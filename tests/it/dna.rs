//! Reading Discourse Network Analyzer databases (feature `dna`).

use crate::common;
use common::organisations;

use stancegraph::{
    Error,
    discourse::{Duplicates, ExportFormat, NetworkMode, NetworkType, Normalization},
    io::read_dna,
};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/dna_sample.dna");

#[test]
fn the_sample_database_gives_dnas_figures() {
    let s = read_dna(SAMPLE).unwrap();
    assert_eq!(s.positions().len(), 40);
    let two_mode = s
        .network(&organisations(
            NetworkMode::Affiliation,
            NetworkType::Ignore,
        ))
        .unwrap();
    assert_eq!(
        (
            two_mode.row_labels().len(),
            two_mode.column_labels().len(),
            two_mode.sum()
        ),
        (7, 6, 40.0)
    );
    let one_mode = s
        .network(&organisations(NetworkMode::Actor, NetworkType::Ignore))
        .unwrap();
    assert_eq!(one_mode.sum(), 276.0);
    let epa = one_mode
        .row_labels()
        .iter()
        .position(|r| r == "Environmental Protection Agency")
        .unwrap();
    assert_eq!(&one_mode.row(epa)[..2], [10.0, 2.0]);
    let average = s
        .network(
            &organisations(NetworkMode::Actor, NetworkType::Congruence)
                .with_normalization(Normalization::Average),
        )
        .unwrap();
    assert_eq!(average.sum().round(), 26.0);
    let document = s
        .network(
            &organisations(NetworkMode::Affiliation, NetworkType::Ignore)
                .with_duplicates(Duplicates::Document),
        )
        .unwrap();
    assert_eq!(document.position_count(), 23);
}

#[test]
fn the_database_and_its_csv_export_agree() {
    let from_db = read_dna(SAMPLE).unwrap();
    let from_csv = common::dna_statements()
        .read_str(
            include_str!("../data/dna_sample_statements.csv"),
            "statements.csv",
        )
        .unwrap();
    for (mode, kind) in [
        (NetworkMode::Actor, NetworkType::Subtract),
        (NetworkMode::Issue, NetworkType::Congruence),
        (NetworkMode::Affiliation, NetworkType::Combine),
    ] {
        let a = from_db
            .network(&organisations(mode, kind))
            .unwrap()
            .export(ExportFormat::Csv);
        let b = from_csv
            .network(&organisations(mode, kind))
            .unwrap()
            .export(ExportFormat::Csv);
        assert_eq!(a, b, "{mode} {kind}");
    }
    // Same statements, dates and quotes (the coded passages, cut by DNA's offsets).
    for (_, p) in from_db.positions() {
        let q = from_csv.position(from_csv.position_id(p.key()).unwrap());
        assert_eq!(
            (p.date(), p.stance()),
            (q.date(), q.stance()),
            "statement {}",
            p.key()
        );
        assert_eq!(p.quote(), q.quote(), "statement {}", p.key());
    }
}

#[test]
fn broken_and_foreign_files_are_clear_errors() {
    let dir = common::scratch_dir("dna");

    assert!(matches!(
        read_dna(dir.join("missing.dna")),
        Err(Error::Io { .. })
    ));

    let text = dir.join("text.dna");
    std::fs::write(
        &text,
        "this is not a database, just text with a .dna name\n",
    )
    .unwrap();
    let err = read_dna(&text).unwrap_err();
    assert!(matches!(err, Error::Database { .. }), "{err:?}");
    assert!(
        err.to_string().starts_with(&text.display().to_string()),
        "{err}"
    );

    let bytes = std::fs::read(SAMPLE).unwrap();
    let truncated = dir.join("truncated.dna");
    std::fs::write(&truncated, &bytes[..bytes.len() / 3]).unwrap();
    assert!(matches!(read_dna(&truncated), Err(Error::Database { .. })));

    let other = dir.join("other.dna");
    let db = rusqlite::Connection::open(&other).unwrap();
    db.execute_batch("CREATE TABLE DOCUMENTS(ID INTEGER PRIMARY KEY);")
        .unwrap();
    drop(db);
    let err = read_dna(&other).unwrap_err();
    assert!(
        err.to_string()
            .contains("not a DNA database: table STATEMENTS is missing"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
