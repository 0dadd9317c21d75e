//! Discourse Network Analyzer databases: arbitrary bytes written to a file
//! with a `.dna` name must be refused cleanly or read into a valid scenario.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::env::temp_dir().join(format!("stancegraph-fuzz-{}.dna", std::process::id()));
    if std::fs::write(&path, data).is_err() {
        return;
    }
    if let Ok(scenario) = stancegraph::io::read_dna(&path) {
        let _ = scenario.positions().len();
    }
    let _ = std::fs::remove_file(&path);
});
