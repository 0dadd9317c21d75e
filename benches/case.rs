//! A case folder against one file: the same million positions read from
//! 10,000 files of a case and from one JSON file, both from disk.
//!
//! `cargo bench --bench case` — see BENCHMARKS.md for recorded figures.
//! The files are written once under `target/bench-data/`. The size can be
//! set with `STANCEGRAPH_BENCH_CASE=POSITIONS,FILES` (default
//! `1000000,10000`).

use std::path::{Path, PathBuf};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stancegraph::Scenario;

mod common;

/// The size: positions, and files their statements are split into.
fn size() -> (usize, usize) {
    std::env::var("STANCEGRAPH_BENCH_CASE")
        .ok()
        .and_then(|v| {
            let (p, f) = v.split_once(',')?;
            Some((p.trim().parse().ok()?, f.trim().parse().ok()?))
        })
        .unwrap_or((common::LARGE, 10_000))
}

/// Writes the scenario of `positions` positions as one JSON file and as a
/// case folder: `actors.json`, `issues.json` (with the relations) and the
/// positions in `files - 2` statement files of equal size, in 100
/// sub-folders, named so that byte order is the positions' order.
pub fn write_both(positions: usize, files: usize) -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(format!("case-{positions}-{files}"));
    let (single, case) = (root.join("single.json"), root.join("case"));
    if root.join("done").exists() {
        return (single, case);
    }
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&case).unwrap();
    let text = common::json(positions);
    std::fs::write(&single, &text).unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let take = |doc: &mut serde_json::Value, key: &str| doc[key].take();
    let actors =
        serde_json::json!({"title": doc["title"].take(), "actors": take(&mut doc, "actors")});
    std::fs::write(case.join("actors.json"), actors.to_string()).unwrap();
    let issues = serde_json::json!({"issues": take(&mut doc, "issues"), "relations": take(&mut doc, "relations")});
    std::fs::write(case.join("issues.json"), issues.to_string()).unwrap();
    let all = match take(&mut doc, "positions") {
        serde_json::Value::Array(all) => all,
        _ => Vec::new(),
    };
    let statement_files = files.saturating_sub(2).max(1);
    let per_file = all.len().div_ceil(statement_files).max(1);
    let per_folder = statement_files.div_ceil(100).max(1);
    for (n, chunk) in all.chunks(per_file).enumerate() {
        let folder = case.join(format!("statements/{:03}", n / per_folder));
        std::fs::create_dir_all(&folder).unwrap();
        let file = folder.join(format!("{n:06}.json"));
        std::fs::write(file, serde_json::json!({"positions": chunk}).to_string()).unwrap();
    }
    std::fs::write(root.join("done"), "").unwrap();
    (single, case)
}

fn case(c: &mut Criterion) {
    let (positions, files) = size();
    let (single, folder) = write_both(positions, files);
    // The two are the same scenario (byte order of the files is the
    // positions' order).
    let (a, b) = (
        Scenario::load(&single).unwrap(),
        Scenario::load(&folder).unwrap(),
    );
    assert!(a == b, "the case folder differs from the single file");
    println!("case of {} files", b.provenance().files().len());
    drop((a, b));

    let mut group = c.benchmark_group("case");
    group.sample_size(10);
    group.throughput(Throughput::Elements(positions as u64));
    group.bench_with_input(
        BenchmarkId::new("one_json_file", positions),
        &single,
        |b, path| b.iter(|| Scenario::load(path).unwrap().positions().len()),
    );
    group.bench_with_input(
        BenchmarkId::new(format!("case_of_{files}_files"), positions),
        &folder,
        |b, path| b.iter(|| Scenario::load(path).unwrap().positions().len()),
    );
    group.finish();
}

criterion_group!(benches, case);
criterion_main!(benches);
