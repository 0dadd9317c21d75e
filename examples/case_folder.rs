//! A case that grows over time: the Istanbul talks as a folder of files
//! (actors, issues, the news report with its text, a statements file), read
//! as one scenario with every quote checked against the report.
//!
//! Run with `cargo run --example case_folder`, or pass a case folder (or a
//! scenario file) of your own: `cargo run --example case_folder -- path/to/case`.

use std::collections::BTreeMap;
use std::process::ExitCode;

use stancegraph::{Scenario, contradiction::CheckOptions};

fn main() -> ExitCode {
    let folder = std::env::args_os()
        .nth(1)
        .unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/examples/cases/istanbul").into());
    // Loading checks that every quote citing a source with a text file
    // occurs in that text (after normalising quotes, dashes and spaces).
    let scenario = match Scenario::load(&folder) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let root = std::path::Path::new(&folder);

    // Where each record came from.
    let files = scenario.provenance().files();
    println!("{} files, read in this order:", files.len());
    let mut per_file: BTreeMap<&std::path::Path, usize> = BTreeMap::new();
    for (id, _) in scenario.positions() {
        if let Some(file) = scenario.provenance().position_file(id) {
            *per_file.entry(file).or_default() += 1;
        }
    }
    for file in files {
        let shown = file.strip_prefix(root).unwrap_or(file);
        let positions = per_file.get(file.as_path()).copied().unwrap_or(0);
        println!("  {}  ({positions} positions)", shown.display());
    }
    for source in scenario.sources() {
        println!(
            "source `{}`: {} (text: {})",
            source.key().unwrap_or_default(),
            source.title().unwrap_or("untitled"),
            source
                .text_path()
                .map_or("none".into(), |p| p.display().to_string()),
        );
    }
    let quoted = scenario
        .positions()
        .filter(|(_, p)| p.quote().is_some() && p.source().and_then(|s| s.text_path()).is_some())
        .count();
    println!("{quoted} quotes verified against their sources' texts\n");

    // The same analysis as for a single file.
    let found = scenario.contradictions(&CheckOptions::default());
    print!("{}", found.explain());
    ExitCode::SUCCESS
}
