//! Robustness: arbitrary bytes and well-formed but wrong documents never
//! panic, and every error names a place inside the input (a line within the
//! text, or a record that exists in it).

use proptest::prelude::*;
use stancegraph::{
    Error, Scenario,
    balance::SignedGraph,
    io::{Format, RollCallVotes, StatementsCsv},
};

/// Checks that an error from reading `text` points inside it.
fn located(error: &Error, text: &[u8]) -> Result<(), TestCaseError> {
    // YAML counts a lone carriage return as a line break too (`\r\n` is
    // one break): count lines the way the most generous reader does.
    let breaks = text
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && text.get(i + 1) != Some(&b'\n')))
        .count();
    let lines = breaks as u64 + 1;
    match error {
        Error::Syntax { line, .. } => {
            if let Some(line) = line {
                prop_assert!(
                    *line >= 1 && *line <= lines,
                    "line {line} of {lines}: {error}"
                );
            }
        }
        Error::Invalid { problems, .. } => {
            prop_assert!(!problems.is_empty(), "{error}");
            for p in problems {
                if let Some(line) = p.line {
                    prop_assert!(
                        line >= 1 && line <= lines,
                        "line {line} of {lines}: {error}"
                    );
                }
            }
        }
        other => prop_assert!(false, "unexpected error kind: {other}"),
    }
    Ok(())
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Yaml), Just(Format::Json), Just(Format::Toml)]
}

/// Bytes that look a little like the formats, so that the parsers get past
/// their first byte: fragments of valid documents, shuffled and cut.
fn noisy() -> impl Strategy<Value = Vec<u8>> {
    let fragments = prop_oneof![
        Just(b"actors:\n".to_vec()),
        Just(b"  - {id: us, name: US, kind: state}\n".to_vec()),
        Just(b"{\"actors\": [".to_vec()),
        Just(b"{\"id\": \"x\", \"name\": \"X\", \"kind\": \"state\"}".to_vec()),
        Just(b"[[positions]]\nactor = \"us\"\nissue = \"x\"\nstance = \"support\"\n".to_vec()),
        Just(b"issues: [{id: x, name: X}]\n".to_vec()),
        Just(b"positions: [{actor: us, issue: x, stance: support, date: 2025-02-30}]\n".to_vec()),
        Just(b"&a [*a]\n".to_vec()),
        Just(b"]}\"\n\x00\xff\xfe".to_vec()),
        proptest::collection::vec(any::<u8>(), 0..16),
    ];
    proptest::collection::vec(fragments, 0..12).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn scenario_readers_never_panic(bytes in noisy(), format in format()) {
        if let Err(e) = Scenario::from_slice_as(&bytes, format, "noise") {
            located(&e, &bytes)?;
        }
    }

    #[test]
    fn scenario_readers_take_raw_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256), format in format()) {
        if let Err(e) = Scenario::from_slice_as(&bytes, format, "bytes") {
            located(&e, &bytes)?;
        }
    }

    #[test]
    fn table_readers_never_panic(
        rows in proptest::collection::vec(
            proptest::collection::vec("[a-z0-9\"=+ ,\\n-]{0,6}", 0..6), 0..8),
        header in prop_oneof![
            Just("actor,issue,stance"),
            Just("source,target,sign,weight,period"),
            Just("rcid,country,country_code,vote"),
            Just("actor,stance"),
        ],
    ) {
        let mut text = format!("{header}\n");
        for row in &rows {
            text.push_str(&row.join(","));
            text.push('\n');
        }
        if let Err(e) = StatementsCsv::new("actor", "issue", "stance").read_str(&text, "s.csv") {
            located(&e, text.as_bytes())?;
        }
        match SignedGraph::read_edges(&text, "e.csv") {
            Ok(graphs) => {
                for g in &graphs {
                    let f = g.frustration(&stancegraph::balance::FrustrationOptions::new());
                    prop_assert!(f.lower_bound <= f.value);
                }
            }
            Err(e) => located(&e, text.as_bytes())?,
        }
        if let Err(e) = RollCallVotes::read_csv_str(&text, "v.csv") {
            located(&e, text.as_bytes())?;
        }
    }

    /// A valid document with one value replaced by a value of the wrong
    /// kind: the error names the record it is in.
    #[test]
    fn a_wrong_value_is_named_by_its_record(
        record in 0usize..3,
        field in 0usize..4,
        wrong in prop_oneof![
            Just(serde_json::json!(null)),
            Just(serde_json::json!(17)),
            Just(serde_json::json!(-1.5e300)),
            Just(serde_json::json!(true)),
            Just(serde_json::json!("")),
            Just(serde_json::json!("zzz")),
            Just(serde_json::json!([1, 2])),
            Just(serde_json::json!({"x": 1})),
        ],
    ) {
        let mut doc = serde_json::json!({
            "actors": [
                {"id": "us", "name": "US", "kind": "state"},
                {"id": "nato", "name": "NATO", "kind": "alliance"},
                {"id": "k", "name": "K", "kind": "person"}
            ],
            "issues": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}, {"id": "c", "name": "C"}],
            "positions": [
                {"actor": "us", "issue": "a", "stance": "support", "date": "2025-05-29"},
                {"actor": "nato", "issue": "b", "stance": "oppose", "date": "2025-05-29"},
                {"actor": "k", "issue": "c", "stance": "neutral", "date": "2025-05-29"}
            ]
        });
        let keys = ["actor", "issue", "stance", "date"];
        doc["positions"][record][keys[field]] = wrong.clone();
        let text = doc.to_string();
        match Scenario::from_json_str(&text) {
            // Some replacements are still valid (an absent date is allowed).
            Ok(_) => prop_assert!(field == 3 && wrong.is_null()),
            Err(e) => {
                located(&e, text.as_bytes())?;
                let message = e.to_string();
                prop_assert!(
                    message.contains(&format!("positions[{record}]")),
                    "{message}"
                );
            }
        }
    }
}

/// A byte-order mark and Windows line ends are accepted in every format and
/// change nothing.
#[test]
fn a_byte_order_mark_and_crlf_line_ends_change_nothing() {
    let plain = [
        (
            Format::Yaml,
            "actors:\n  - {id: us, name: \"U\\nS\", kind: state}\nissues:\n  - {id: x, name: X}\n",
        ),
        (
            Format::Json,
            "{\"actors\": [{\"id\": \"us\", \"name\": \"U\\nS\", \"kind\": \"state\"}],\n \"issues\": [{\"id\": \"x\", \"name\": \"X\"}]}\n",
        ),
        (
            Format::Toml,
            "[[actors]]\nid = \"us\"\nname = \"U\\nS\"\nkind = \"state\"\n[[issues]]\nid = \"x\"\nname = \"X\"\n",
        ),
    ];
    for (format, text) in plain {
        let expected = Scenario::from_slice_as(text.as_bytes(), format, "plain").unwrap();
        let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
        let read = Scenario::from_slice_as(windows.as_bytes(), format, "windows")
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(read, expected, "{format:?}");
    }
}
