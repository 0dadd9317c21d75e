//! What changed between two versions of a case, and within one case between
//! two days.
//!
//! The two versions are written to a temporary folder and loaded from
//! there, as two checkouts of a case folder would be; then
//! `Scenario::diff` compares them and `Scenario::diff_dates` compares the
//! newer one with itself across the week of the offer.
//!
//! `cargo run --example diff`

use stancegraph::{Scenario, diff::DiffOptions};

const ACTORS: &str = "
actors:
  - {id: nato, name: NATO, kind: alliance}
  - {id: us, name: United States, kind: state, member_of: [{actor: nato, since: 1949-04-04}]}
  - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us,
     role: Special Envoy for Ukraine and Russia}
  - {id: russia, name: Russia, kind: state}
  - {id: rutte, name: Mark Rutte, kind: person, speaks_for: nato, role: NATO Secretary General}
issues:
  - {id: freeze, name: NATO stops expanding eastward}
  - {id: join, name: Ukraine joins NATO}
relations:
  - {kind: excludes, issues: [freeze, join]}
positions:
  - {id: rutte-join, actor: rutte, issue: join, stance: support, firmness: red_line, date: 2025-05-20,
     quote: Ukraine's path to NATO is irreversible}
  - {id: russia-freeze, actor: russia, issue: freeze, stance: support, firmness: red_line, date: 2024-06-14}
  - {id: us-freeze, actor: us, issue: freeze, stance: oppose, date: 2024-07-10}
";

/// The newer version adds Kellogg's offer, which reverses the US position.
const OFFER: &str = "  - {id: kellogg-freeze, actor: kellogg, issue: freeze, stance: support,
     firmness: negotiable, date: 2025-05-29,
     quote: \"That's one of the issues that Russia will bring up\"}
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::temp_dir().join(format!("stancegraph-diff-example-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let (old_path, new_path) = (dir.join("old.yaml"), dir.join("new.yaml"));
    std::fs::write(&old_path, ACTORS)?;
    std::fs::write(&new_path, format!("{ACTORS}{OFFER}"))?;
    let old = Scenario::load(&old_path)?;
    let new = Scenario::load(&new_path)?;
    std::fs::remove_dir_all(&dir)?;

    let options = DiffOptions::default().with_as_of("2025-06-01".parse()?);
    let versions = old.diff(&new, &options);
    println!("{versions}");

    let week = new.diff_dates(
        "2025-05-25".parse()?,
        "2025-06-01".parse()?,
        &DiffOptions::default(),
    );
    println!("{week}");
    println!(
        "As JSON: {} new contradictions (the reversal among them), {} tie formed",
        week.to_json()["contradictions"]["new"]
            .as_array()
            .map_or(0, Vec::len),
        week.ties.formed.len()
    );
    Ok(())
}
