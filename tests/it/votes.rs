//! Roll-call votes: reading, the pairwise agreement counts against brute force, and the
//! full UN data when the shared folder is there.

use std::collections::HashMap;

use stancegraph::{
    discourse::{NetworkMode, NetworkOptions, NetworkType},
    io::{RollCallVotes, Vote},
};

fn sample() -> RollCallVotes {
    RollCallVotes::read_csv_str(
        include_str!("../data/un_votes_sample.csv"),
        "un_votes_sample.csv",
    )
    .unwrap()
}

#[test]
fn reads_every_vote_and_keeps_namibias_code() {
    let v = sample();
    assert_eq!(v.len(), 2005);
    let namibia = v.countries().iter().position(|c| c == "Namibia").unwrap();
    assert_eq!(v.codes()[namibia], "NA");
    let mut sorted = v.countries().to_vec();
    sorted.sort();
    assert_eq!(sorted, v.countries(), "countries in byte order");
}

#[test]
fn agreement_matches_brute_force() {
    let v = sample();
    let mut by: HashMap<(usize, usize), Vote> = HashMap::new();
    for (c, r, vote) in v.votes() {
        by.insert((c, r), vote);
    }
    let m = v.agreement();
    let n = v.countries().len();
    for a in 0..n {
        for b in 0..n {
            let (mut shared, mut identical, mut opposed) = (0, 0, 0);
            if a != b {
                for r in 0..v.roll_calls().len() {
                    if let (Some(x), Some(y)) = (by.get(&(a, r)), by.get(&(b, r))) {
                        shared += 1;
                        identical += u32::from(x == y);
                        opposed += u32::from(matches!(
                            (x, y),
                            (Vote::Yes, Vote::No) | (Vote::No, Vote::Yes)
                        ));
                    }
                }
            }
            assert_eq!(
                (m.shared(a, b), m.identical(a, b), m.opposed(a, b)),
                (shared, identical, opposed)
            );
        }
    }
}

#[test]
fn the_scenario_view_agrees_with_the_network_kernel() {
    let v = sample();
    let s = v.to_scenario(&HashMap::new()).unwrap();
    assert_eq!(s.positions().len(), v.len());
    let m = v.agreement();
    // Without neutral positions among a pair's shared votes, congruence is the count
    // of identical votes; in general, ignore counts the shared roll calls.
    let ignore = s
        .network(&NetworkOptions::new(
            NetworkMode::Actor,
            NetworkType::Ignore,
        ))
        .unwrap();
    for (a, name_a) in v.countries().iter().enumerate() {
        for (b, name_b) in v.countries().iter().enumerate() {
            assert_eq!(
                ignore.value(name_a, name_b).unwrap_or(0.0),
                f64::from(m.shared(a, b))
            );
        }
    }
}

#[test]
fn bad_rows_name_their_line() {
    let csv = "rcid,country,country_code,vote\n3,United States,US,yes\nx,Canada,CA,maybe\n4,Cuba\n";
    let err = RollCallVotes::read_csv_str(csv, "v.csv").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("v.csv:3: rows[2], field `rcid`: not a whole number"),
        "{text}"
    );
    assert!(
        text.contains("v.csv:3: rows[2], field `vote`: `maybe` is not in the mapping"),
        "{text}"
    );
    assert!(text.contains("v.csv:4: rows[3]"), "{text}");
    let missing = RollCallVotes::read_csv_str("rcid,country\n", "v.csv").unwrap_err();
    assert!(
        missing.to_string().contains("field `vote`: no such column"),
        "{missing}"
    );
}

/// The published figures, on the full data when the project's shared folder is beside the
/// repository (as in CI); skipped, saying so, elsewhere.
#[test]
fn the_full_un_data_has_the_published_counts() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/unvotes/un_votes.csv"
    );
    if !std::path::Path::new(path).exists() {
        eprintln!("skipped: {path} is not here");
        return;
    }
    let v = RollCallVotes::read_csv(path).unwrap();
    assert_eq!(
        (v.len(), v.roll_calls().len(), v.countries().len()),
        (869_937, 6_202, 200)
    );
}

#[test]
fn extra_fields_and_repeated_votes_are_errors() {
    let extra = "rcid,country,country_code,vote\n3,United States,US,yes,surplus\n";
    assert!(
        RollCallVotes::read_csv_str(extra, "v.csv")
            .unwrap_err()
            .to_string()
            .contains("rows[1]")
    );
    let twice = "rcid,country,country_code,vote\n3,Cuba,CU,yes\n3,Cuba,CU,no\n";
    let err = RollCallVotes::read_csv_str(twice, "v.csv").unwrap_err();
    assert!(
        err.to_string()
            .contains("field `Cuba in roll call 3`: a second vote"),
        "{err}"
    );
}

#[test]
fn retaining_roll_calls_drops_them_and_their_votes() {
    let mut votes = RollCallVotes::read_csv_str(
        "rcid,country,country_code,vote\n1,A,AA,yes\n2,A,AA,no\n2,B,BB,yes\n3,B,BB,abstain\n",
        "t.csv",
    )
    .unwrap();
    votes.retain_roll_calls(|id| id != 2);
    assert_eq!(votes.roll_calls(), [1, 3]);
    assert_eq!(votes.countries(), ["A", "B"]);
    let kept: Vec<(usize, usize)> = votes.votes().map(|(c, r, _)| (c, r)).collect();
    assert_eq!(kept, [(0, 0), (1, 1)]);
    let s = votes.to_scenario(&HashMap::new()).unwrap();
    assert_eq!(s.issues().len(), 2);
    assert_eq!(s.positions().len(), 2);
}
