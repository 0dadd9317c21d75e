//! Tables: statements CSV, signed edge lists, UN roll-call votes. The first
//! byte picks the reader; valid tables are analysed.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use stancegraph::{balance::{BalanceOptions, BalanceReport, FrustrationOptions, SignedGraph}, contradiction::CheckOptions, io::{RollCallVotes, StatementsCsv}};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    match selector % 3 {
        0 => {
            let csv = StatementsCsv::new("actor", "issue", "stance")
                .speaker("speaker")
                .date("date")
                .quote("quote");
            if let Ok(scenario) = csv.read_str(text, "fuzz.csv") {
                let _ = scenario.contradictions(&CheckOptions::default()).len();
            }
        }
        1 => {
            if let Ok(graphs) = SignedGraph::read_edges(text, "fuzz.csv") {
                let options = BalanceOptions::new()
                    .with_frustration(
                        FrustrationOptions::new().with_time_limit(Duration::from_millis(50)),
                    )
                    .with_camps(3, 0.3);
                for g in &graphs {
                    if let Ok(report) = BalanceReport::new(g, &options) {
                        let f = &report.frustration;
                        assert!(f.lower_bound <= f.value);
                        let _ = report.to_json(None);
                    }
                }
            }
        }
        _ => {
            if let Ok(votes) = RollCallVotes::read_csv_str(text, "fuzz.csv") {
                let _ = votes.agreement();
            }
        }
    }
});
