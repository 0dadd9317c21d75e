//! Interstate relations year by year: which allies fought each other, and
//! how balanced the system of alliances and militarized disputes was.
//!
//! Reads ATOP alliance dyad-years, GML MID directed dispute-years and COW
//! state names (the samples in `../shared/data/interstate_alliances_disputes/`,
//! or the cut of them in `tests/data/interstate/`), builds one signed graph
//! per year (allied +1, in a dispute −1, both an ambivalent pair) and writes
//!
//! - `DIR/allies_in_conflict.csv`: `ccode1,ccode2,name1,name2,year,disputes`,
//!   one row per pair allied and in a dispute in a year;
//! - `DIR/balance_by_year.csv`:
//!   `year,states,positive,negative,ambivalent,frustration,lower_bound,exact`,
//!   the exact frustration index of every year with a tie;
//! - `DIR/signed_networks.csv`: `source,target,sign,weight,period`, every
//!   year's signed graph as one edge list (the period is the year), which
//!   `stancegraph report --edges` draws and `balance --edges` reads;
//!
//! (the files of `stancegraph interstate`, by
//! [`output_files`](stancegraph::interstate::output_files)), then prints a summary: the pairs most often allied and fighting, the
//! years least balanced.
//!
//! ```text
//! D=../shared/data/interstate_alliances_disputes
//! cargo run --release --example interstate -- --alliances $D/atop_alliance_dyad_year.csv \
//!     --disputes $D/gml_mid_directed_dispute_year.csv --states $D/cow_states.csv --out out/
//! ```
//!
//! Exits with 2 (naming the file) when an input is missing or invalid, or
//! the output cannot be written.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use stancegraph::interstate::{
    InterstatePanel, InterstateSummary, TableFormat, YearBalanceOptions, output_files,
};

const USAGE: &str =
    "usage: interstate --alliances A.csv --disputes D.csv [--states S.csv] --out DIR";

/// The command line: `--name value` pairs.
struct Args {
    alliances: PathBuf,
    disputes: PathBuf,
    states: Option<PathBuf>,
    out: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let (mut alliances, mut disputes, mut states, mut out) = (None, None, None, None);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let slot = match flag.as_str() {
            "--alliances" => &mut alliances,
            "--disputes" => &mut disputes,
            "--states" => &mut states,
            "--out" => &mut out,
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        };
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value\n{USAGE}"))?;
        *slot = Some(PathBuf::from(value));
    }
    match (alliances, disputes, out) {
        (Some(alliances), Some(disputes), Some(out)) => Ok(Args {
            alliances,
            disputes,
            states,
            out,
        }),
        _ => Err(USAGE.to_owned()),
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let start = Instant::now();
    let panel = InterstatePanel::from_paths(&args.alliances, &args.disputes, args.states.as_ref())
        .map_err(|e| e.to_string())?;
    let read = start.elapsed();
    let allies = panel.allies_in_conflict();
    let balance = panel.balance_by_year(&YearBalanceOptions::new());
    let solved = start.elapsed() - read;
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let files = output_files(&panel, &allies, &balance, TableFormat::Csv);
    for (name, text) in &files {
        let path = args.out.join(name);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    print!("{}", InterstateSummary::new(&allies, &balance, 5));
    println!(
        "Read in {:.2} s, solved {} years in {:.2} s; wrote allies_in_conflict.csv, \
         balance_by_year.csv and signed_networks.csv to {}.",
        read.as_secs_f64(),
        balance.len(),
        solved.as_secs_f64(),
        args.out.display()
    );
    Ok(())
}
