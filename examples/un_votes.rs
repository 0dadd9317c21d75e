//! UN General Assembly votes (Voeten et al.; the project's shared `unvotes` data).
//!
//! Agreement between countries in one year:
//!
//! ```text
//! cargo run --release --example un_votes -- --votes ../shared/data/unvotes/un_votes.csv \
//!     --roll-calls ../shared/data/unvotes/un_roll_calls.csv --year 2019 \
//!     --countries "United States,Russia,China,United Kingdom,France,Germany"
//! ```
//!
//! The reference job — three matrices over all 200 countries and all 6,202 roll calls:
//!
//! ```text
//! cargo run --release --example un_votes -- --votes ../shared/data/unvotes/un_votes.csv --matrices OUT_DIR
//! ```
//!
//! writes `shared.csv` (roll calls both voted in), `identical.csv` (same vote) and `opposed.csv`
//! (yes against no): a header row of country names in byte order, the same names down the first
//! column, integer counts, zero diagonal.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

use stancegraph::io::RollCallVotes;

mod common;

struct Args {
    votes: Option<PathBuf>,
    roll_calls: Option<PathBuf>,
    matrices: Option<PathBuf>,
    year: Option<i32>,
    countries: Vec<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        votes: None,
        roll_calls: None,
        matrices: None,
        year: None,
        countries: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--votes" => args.votes = Some(value()?.into()),
            "--roll-calls" => args.roll_calls = Some(value()?.into()),
            "--matrices" => args.matrices = Some(value()?.into()),
            "--year" => {
                args.year = Some(
                    value()?
                        .parse()
                        .map_err(|_| "--year takes a year".to_owned())?,
                )
            }
            "--countries" => {
                args.countries = value()?.split(',').map(|c| c.trim().to_owned()).collect()
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("un_votes: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(path) = &args.votes else {
        eprintln!(
            "un_votes: give the votes file with --votes PATH (un_votes.csv from the project's shared \
             unvotes data: columns rcid,country,country_code,vote)"
        );
        return ExitCode::from(2);
    };
    let mut votes = match RollCallVotes::read_csv(path) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Some(dir) = &args.matrices {
        if let Err(e) = votes.agreement().write_matrices(votes.countries(), dir) {
            eprintln!("un_votes: {e}");
            return ExitCode::from(2);
        }
        println!(
            "{} votes, {} roll calls, {} countries -> {}",
            votes.len(),
            votes.roll_calls().len(),
            votes.countries().len(),
            dir.display()
        );
        return ExitCode::SUCCESS;
    }

    println!(
        "{} votes, {} roll calls, {} countries",
        votes.len(),
        votes.roll_calls().len(),
        votes.countries().len()
    );
    if let Some(year) = args.year {
        let Some(roll_calls) = &args.roll_calls else {
            eprintln!(
                "un_votes: --year needs the roll calls file (--roll-calls un_roll_calls.csv) for the dates"
            );
            return ExitCode::from(2);
        };
        let in_year = match common::read_roll_calls(roll_calls, year) {
            Ok(calls) => calls,
            Err(e) => {
                eprintln!("un_votes: {e}");
                return ExitCode::from(2);
            }
        };
        votes.retain_roll_calls(|id| in_year.contains_key(&id));
        println!(
            "{year}: {} roll calls, {} votes",
            in_year.len(),
            votes.len()
        );
    }
    let m = votes.agreement();
    let index: HashMap<&str, usize> = votes
        .countries()
        .iter()
        .enumerate()
        .map(|(i, c)| (c.as_str(), i))
        .collect();
    for country in &args.countries {
        let Some(&a) = index.get(country.as_str()) else {
            eprintln!(
                "un_votes: no votes by `{country}` (names as in the data, e.g. `United States`)"
            );
            continue;
        };
        println!("\n{country}");
        for other in &args.countries {
            if let Some(&b) = index.get(other.as_str()).filter(|&&b| b != a) {
                let shared = m.shared(a, b);
                let pct = |n: u32| {
                    if shared == 0 {
                        0.0
                    } else {
                        100.0 * f64::from(n) / f64::from(shared)
                    }
                };
                println!(
                    "  with {other:<20} {shared:>4} shared, {:>5.1}% identical, {:>5.1}% opposed",
                    pct(m.identical(a, b)),
                    pct(m.opposed(a, b))
                );
            }
        }
        let mut partners: Vec<(f64, f64, usize)> = (0..votes.countries().len())
            .filter(|&b| b != a && m.shared(a, b) >= 10)
            .map(|b| {
                let shared = f64::from(m.shared(a, b));
                (
                    f64::from(m.identical(a, b)) / shared,
                    f64::from(m.opposed(a, b)) / shared,
                    b,
                )
            })
            .collect();
        partners.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.2.cmp(&y.2)));
        let names = |list: &[(f64, f64, usize)], pick: fn(&(f64, f64, usize)) -> f64| {
            list.iter()
                .take(5)
                .map(|p| format!("{} ({:.0}%)", votes.countries()[p.2], 100.0 * pick(p)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        println!("  most aligned: {}", names(&partners, |p| p.0));
        partners.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.2.cmp(&y.2)));
        println!("  most opposed: {}", names(&partners, |p| p.1));
    }
    ExitCode::SUCCESS
}
