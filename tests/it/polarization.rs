//! Polarization (DNA's Q): the DNA sample's figure, a hand-computed example,
//! exhaustive against local search, relabelling, and errors.

use crate::common;
use common::dna_sample;

use proptest::prelude::*;
use stancegraph::{
    Error, Scenario,
    discourse::{
        Level, NetworkMode, NetworkOptions, NetworkPair, NetworkType, Polarization,
        PolarizationOptions,
    },
};

fn organisations() -> PolarizationOptions {
    PolarizationOptions::default().with_level(Level::Principal)
}

/// DNA's test value: `dna_polarization(timeWindow = "no", normalizeScores =
/// TRUE)` on the sample's organisation × concept network, qualifier agreement.
const DNA_Q: f64 = 0.5342493;

fn check_sample(p: &Polarization) {
    assert!((p.q - DNA_Q).abs() < 1e-6, "{p}");
    assert_eq!(
        p.clusters,
        [
            vec![
                "Alliance to Save Energy",
                "National Petrochemical & Refiners Association",
                "Senate",
                "U.S. Public Interest Research Group",
            ],
            vec![
                "Energy and Environmental Analysis, Inc.",
                "Environmental Protection Agency",
                "Sierra Club",
            ],
        ]
    );
}

#[test]
fn the_dna_sample_has_dnas_polarization() {
    let s = dna_sample();
    let p = s.polarization(&organisations()).unwrap();
    assert!(p.exact);
    check_sample(&p);
    // The same networks DNA's test suite checks (average congruence sums to 26).
    assert_eq!(p.congruence_norm.round(), 26.0);
    assert!((p.score - p.q * 2.0 * (p.congruence_norm + p.conflict_norm) / 2.0).abs() < 1e-9);

    // The local search finds the same split.
    let local = s
        .polarization(&organisations().with_exact_limit(0))
        .unwrap();
    assert!(!local.exact);
    check_sample(&local);

    // From the two networks built by hand.
    let net = |kind| {
        s.network(
            &NetworkOptions::new(NetworkMode::Actor, kind)
                .with_normalization(stancegraph::discourse::Normalization::Average)
                .with_level(Level::Principal),
        )
        .unwrap()
    };
    let pair =
        NetworkPair::from_networks(&net(NetworkType::Congruence), &net(NetworkType::Conflict))
            .unwrap();
    assert_eq!(pair.polarization(&organisations()), p);
    let first: Vec<&str> = p.clusters[0].iter().map(String::as_str).collect();
    let again = pair.polarization_of_split(&first).unwrap();
    assert_eq!(again.q, p.q);
}

#[cfg(feature = "dna")]
#[test]
fn the_dna_database_gives_the_same_polarization() {
    let s = stancegraph::io::read_dna(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/dna_sample.dna"
    ))
    .unwrap();
    let p = s.polarization(&organisations()).unwrap();
    check_sample(&p);
    assert_eq!(p, dna_sample().polarization(&organisations()).unwrap());
}

#[test]
fn a_date_range_narrows_the_networks() {
    let s = dna_sample();
    let from = "2005-02-01".parse().ok();
    let p = s
        .polarization(&organisations().with_range(from, None))
        .unwrap();
    let whole = s.polarization(&organisations()).unwrap();
    let actors = |p: &Polarization| p.clusters[0].len() + p.clusters[1].len();
    assert!(actors(&p) < actors(&whole), "{p}");
    assert!((0.0..=1.0).contains(&p.q));
}

/// Two perfect camps {a, b} and {c, d}: congruence 1 inside, conflict 1
/// across. ‖C‖₁ = 4, ‖F‖₁ = 8.
fn perfect_camps() -> NetworkPair {
    NetworkPair::new(
        ["a", "b", "c", "d"].map(String::from).to_vec(),
        vec![
            0., 1., 0., 0., //
            1., 0., 0., 0., //
            0., 0., 0., 1., //
            0., 0., 1., 0.,
        ],
        vec![
            0., 0., 1., 1., //
            0., 0., 1., 1., //
            1., 1., 0., 0., //
            1., 1., 0., 0.,
        ],
    )
    .unwrap()
}

#[test]
fn hand_computed_four_actors() {
    let pair = perfect_camps();
    // Split {a, b} | {c, d}: W = 4 within pairs, B = 8 between.
    // E₁ = E₂ = (2/4)·(4/4) = 1/2; E_F = (4/8)·(8/8) = 1/2.
    // Within: 4 × (|1 − ½| + 0) = 2; between: 8 × (0 + |1 − ½|) = 4.
    // Q = 6 / (2 · 12) = 1/4.
    let camps = pair.polarization_of_split(&["a", "b"]).unwrap();
    assert_eq!(camps.q, 0.25);
    assert_eq!(camps.score, 3.0);
    assert_eq!((camps.congruence_norm, camps.conflict_norm), (4.0, 8.0));
    assert_eq!(camps.expected_congruence, [0.5, 0.5]);
    assert_eq!(camps.expected_conflict, 0.5);
    assert_eq!(
        (camps.within_congruence, camps.between_congruence),
        (4.0, 0.0)
    );
    assert_eq!((camps.within_conflict, camps.between_conflict), (0.0, 8.0));

    // Split {a, c} | {b, d}: within 4 × (|0 − ½| + 1) = 6; between, the
    // agreeing pairs 4 × (1 + ½) = 6 and the others 4 × ½ = 2. Q = 14/24.
    let cross = pair.polarization_of_split(&["a", "c"]).unwrap();
    assert!((cross.q - 14.0 / 24.0).abs() < 1e-15);

    // DNA's Q counts deviations in either direction: the crosswise splits win.
    let best = pair.polarization(&PolarizationOptions::default());
    assert!(best.exact);
    assert_eq!(best.q, cross.q);
    assert_eq!(best.clusters, [vec!["a", "c"], vec!["b", "d"]]);
    assert_eq!(
        best.to_string(),
        "polarization Q = 0.5833 (best of all balanced splits): a, c | b, d"
    );
}

#[test]
fn hand_computed_unbalanced_split_of_three() {
    // a and b agree (2 each way); c is in conflict with both (1 each way).
    let pair = NetworkPair::new(
        ["a", "b", "c"].map(String::from).to_vec(),
        vec![0., 2., 0., 2., 0., 0., 0., 0., 0.],
        vec![0., 0., 1., 0., 0., 1., 1., 1., 0.],
    )
    .unwrap();
    // {a, b} | {c}: W = 2, B = 4; E = (2/2)·(4/2) = 2 and 0; E_F = (2/4)·(4/4) = ½.
    // Within 2 × 0; between 4 × ½ = 2. Q = 2 / 16.
    let p = pair.polarization_of_split(&["c"]).unwrap();
    assert_eq!(p.q, 0.125);
    assert_eq!(p.clusters, [vec!["a", "b"], vec!["c"]]);
    assert_eq!(p.expected_congruence, [2.0, 0.0]);
}

#[test]
fn empty_networks_have_zero_polarization() {
    let pair = NetworkPair::new(
        ["x", "y", "z"].map(String::from).to_vec(),
        vec![0.0; 9],
        vec![0.0; 9],
    )
    .unwrap();
    for limit in [0, u64::MAX] {
        let p = pair.polarization(&PolarizationOptions::default().with_exact_limit(limit));
        assert_eq!(p.q, 0.0);
        assert_eq!(p.clusters[0].len() + p.clusters[1].len(), 3);
    }
}

#[test]
fn large_networks_use_the_local_search_deterministically() {
    let n = 30;
    let pair = random_pair(n, 42);
    let options = PolarizationOptions::default().with_restarts(4);
    let p = pair.polarization(&options);
    assert!(!p.exact);
    assert_eq!(p.clusters[0].len().abs_diff(p.clusters[1].len()), 0);
    assert_eq!(p, pair.polarization(&options));
    // 25 actors have 5,200,300 balanced splits: above the default limit.
    assert!(!random_pair(25, 1).polarization(&options).exact);
    assert!(random_pair(24, 1).polarization(&options).exact);
}

fn invalid(err: Error) -> String {
    assert!(matches!(err, Error::Invalid { .. }), "{err:?}");
    err.to_string()
}

/// An error in the options (here, the split asked for), not in the data.
fn invalid_option(err: Error) -> String {
    assert!(matches!(err, Error::InvalidOptions { .. }), "{err:?}");
    assert_eq!(err.problems().len(), 1, "{err:?}");
    err.to_string()
}

#[test]
fn errors_say_what_is_wrong() {
    let labels = |n: usize| (0..n).map(|i| format!("a{i}")).collect::<Vec<_>>();
    let msg = invalid(NetworkPair::new(labels(1), vec![0.0], vec![0.0]).unwrap_err());
    assert!(msg.contains("at least two actors"), "{msg}");
    let msg = invalid(
        NetworkPair::new(vec!["a".into(), "a".into()], vec![0.0; 4], vec![0.0; 4]).unwrap_err(),
    );
    assert!(msg.contains("distinct"), "{msg}");
    let msg = invalid(NetworkPair::new(labels(2), vec![0.0; 4], vec![0.0; 5]).unwrap_err());
    assert!(
        msg.contains("field `conflict`") && msg.contains("one row and one column per actor"),
        "{msg}"
    );
    let msg = invalid(
        NetworkPair::new(labels(2), vec![0.0, f64::NAN, 0.0, 0.0], vec![0.0; 4]).unwrap_err(),
    );
    assert!(
        msg.contains("field `congruence`") && msg.contains("finite"),
        "{msg}"
    );

    // Networks over different actors.
    let s = dna_sample();
    let org = |kind| {
        s.network(&NetworkOptions::new(NetworkMode::Actor, kind).with_level(Level::Principal))
            .unwrap()
    };
    let person = s
        .network(&NetworkOptions::new(
            NetworkMode::Actor,
            NetworkType::Conflict,
        ))
        .unwrap();
    let msg =
        invalid(NetworkPair::from_networks(&org(NetworkType::Congruence), &person).unwrap_err());
    assert!(msg.contains("same actors"), "{msg}");
    let two_mode = s
        .network(&NetworkOptions::new(
            NetworkMode::Affiliation,
            NetworkType::Ignore,
        ))
        .unwrap();
    let msg =
        invalid(NetworkPair::from_networks(&two_mode, &org(NetworkType::Conflict)).unwrap_err());
    assert!(msg.contains("one-mode"), "{msg}");

    // A scenario with one speaker.
    let lonely = Scenario::from_yaml_str(
        "
actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
issues: [{id: x, name: X}]
positions: [{actor: a, issue: x, stance: support}]
",
    )
    .unwrap();
    let msg = invalid(
        lonely
            .polarization(&PolarizationOptions::default())
            .unwrap_err(),
    );
    assert!(msg.contains("at least two actors"), "{msg}");

    // Splits.
    let pair = perfect_camps();
    let msg = invalid_option(pair.polarization_of_split(&["a", "zz"]).unwrap_err());
    assert!(
        msg.starts_with("options, field `split`") && msg.contains("unknown actor `zz`"),
        "{msg}"
    );
    for side in [&[][..], &["a", "b", "c", "d"][..]] {
        let msg = invalid_option(pair.polarization_of_split(side).unwrap_err());
        assert!(msg.contains("at least one actor on each side"), "{msg}");
    }
}

fn random_pair(n: usize, seed: u64) -> NetworkPair {
    let mut lcg = common::Lcg::new(seed);
    let mut next = move || (lcg.next_value() % 9) as f64 / 4.0;
    let c = (0..n * n).map(|_| next()).collect();
    let f = (0..n * n).map(|_| next()).collect();
    NetworkPair::new((0..n).map(|i| format!("n{i:02}")).collect(), c, f).unwrap()
}

/// n actors and two n × n matrices of small non-negative values (zeros
/// common, as in real networks); symmetric or not.
fn matrices() -> impl Strategy<Value = (usize, Vec<f64>, Vec<f64>)> {
    (2usize..=9, any::<bool>()).prop_flat_map(|(n, symmetric)| {
        let cell = prop_oneof![2 => Just(0.0), 3 => (0u8..=8).prop_map(|v| f64::from(v) / 4.0)];
        (
            Just(n),
            proptest::collection::vec(cell.clone(), n * n),
            proptest::collection::vec(cell, n * n),
        )
            .prop_map(move |(n, mut c, mut f)| {
                if symmetric {
                    for i in 0..n {
                        for j in 0..i {
                            c[j * n + i] = c[i * n + j];
                            f[j * n + i] = f[i * n + j];
                        }
                    }
                }
                (n, c, f)
            })
    })
}

/// Every balanced split's first camp, as labels (brute force).
fn balanced_splits(labels: &[String]) -> Vec<Vec<&str>> {
    let n = labels.len();
    (0u32..1 << n)
        .filter(|m| m.count_ones() as usize == n.div_ceil(2))
        .map(|m| {
            (0..n)
                .filter(|i| m & (1 << i) != 0)
                .map(|i| labels[i].as_str())
                .collect()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn exhaustive_and_local_search_agree((n, c, f) in matrices()) {
        let labels: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
        let pair = NetworkPair::new(labels.clone(), c, f).unwrap();
        let exact = pair.polarization(&PolarizationOptions::default());
        let local = pair.polarization(&PolarizationOptions::default().with_exact_limit(0));
        prop_assert!(exact.exact && !local.exact);
        prop_assert!((exact.q - local.q).abs() < 1e-9, "{} vs {}", exact, local);
        prop_assert!((0.0..=1.0).contains(&exact.q));
        // Both results are balanced, and no balanced split beats the exhaustive one.
        for p in [&exact, &local] {
            prop_assert!(p.clusters[0].len().abs_diff(p.clusters[1].len()) <= 1);
        }
        for split in balanced_splits(&labels) {
            let q = pair.polarization_of_split(&split).unwrap().q;
            prop_assert!(q <= exact.q + 1e-9, "{split:?} has {q} > {}", exact.q);
        }
    }

    #[test]
    fn q_is_invariant_under_relabelling(
        (n, c, f) in matrices(),
        seed in any::<u64>(),
        cut in 1usize..8,
    ) {
        let labels: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
        let pair = NetworkPair::new(labels.clone(), c.clone(), f.clone()).unwrap();
        // A permutation: actor i of the original is row perm[i] of the copy,
        // under a new name.
        let mut perm: Vec<usize> = (0..n).collect();
        common::shuffle(&mut perm, seed);
        let renamed = |i: usize| format!("w{}", (n - i) * 7);
        let mut labels2 = vec![String::new(); n];
        let (mut c2, mut f2) = (vec![0.0; n * n], vec![0.0; n * n]);
        for i in 0..n {
            labels2[perm[i]] = renamed(i);
            for j in 0..n {
                c2[perm[i] * n + perm[j]] = c[i * n + j];
                f2[perm[i] * n + perm[j]] = f[i * n + j];
            }
        }
        let pair2 = NetworkPair::new(labels2, c2, f2).unwrap();

        let a = pair.polarization(&PolarizationOptions::default());
        let b = pair2.polarization(&PolarizationOptions::default());
        prop_assert!((a.q - b.q).abs() < 1e-9, "{} vs {}", a, b);

        // The same split scores the same under both names.
        let cut = cut.min(n - 1);
        let first: Vec<&str> = labels[..cut].iter().map(String::as_str).collect();
        let first2: Vec<String> = (0..cut).map(renamed).collect();
        let first2: Vec<&str> = first2.iter().map(String::as_str).collect();
        let x = pair.polarization_of_split(&first).unwrap();
        let y = pair2.polarization_of_split(&first2).unwrap();
        prop_assert!((x.q - y.q).abs() < 1e-12);
        prop_assert!((x.within_congruence - y.within_congruence).abs() < 1e-9);
        prop_assert!((x.between_conflict - y.between_conflict).abs() < 1e-9);
    }
}
