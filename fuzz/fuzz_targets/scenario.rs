//! Scenario files in every format: parse; when valid, analyse everything
//! (graph, contradictions, networks, balance) and check that saving and
//! loading again gives the same scenario. The first byte picks the format.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use stancegraph::{Scenario, StanceGraph, stance::{Attribution, GraphOptions}, balance::{BalanceOptions, BalanceReport, FrustrationOptions, SignedGraph}, contradiction::CheckOptions, discourse::{ExportFormat, NetworkMode, NetworkOptions, NetworkType}, io::Format};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let format = match selector % 3 {
        0 => Format::Yaml,
        1 => Format::Json,
        _ => Format::Toml,
    };
    let Ok(scenario) = Scenario::from_slice_as(bytes, format, "fuzz") else {
        return;
    };
    // No silent loss: what is written reads back the same, in every format.
    for out in [Format::Yaml, Format::Json, Format::Toml] {
        let text = scenario
            .to_string_as(out)
            .expect("a valid scenario can be written");
        let again = Scenario::from_slice_as(text.as_bytes(), out, "again")
            .unwrap_or_else(|e| panic!("written {out:?} does not load: {e}\n{text}"));
        assert_eq!(scenario, again, "{out:?} round trip changed the scenario");
    }
    let options = GraphOptions::default().with_attribution(Attribution::Principal);
    let graph = StanceGraph::with_options(&scenario, options);
    let _ = graph.ties().count();
    let found = scenario.contradictions(&CheckOptions::default());
    let _ = found.to_json();
    if let Ok(network) = scenario.network(&NetworkOptions::new(
        NetworkMode::Actor,
        NetworkType::Subtract,
    )) {
        for f in [
            ExportFormat::Csv,
            ExportFormat::GraphMl,
            ExportFormat::Dot,
            ExportFormat::Json,
        ] {
            let _ = network.export(f);
        }
    }
    let signed = SignedGraph::from_actors_and_issues(&graph);
    let balance = BalanceOptions::new()
        .with_frustration(FrustrationOptions::new().with_time_limit(Duration::from_millis(50)))
        .with_camps(2, 0.5);
    if let Ok(report) = BalanceReport::new(&signed, &balance) {
        let _ = report.to_json(Some(&scenario));
        let _ = report.explain(Some(&scenario));
    }
});
