//! `check`: the contradictions of each input file (the positions that
//! cannot all hold together, most severe first), filtered by kind and
//! severity, as text or JSON; `--deny` turns a finding into exit code 1.
//!
//! With several files the JSON is `{"files": [{"file": ..., ...report}]}`,
//! built from the reports' JSON values. Every input is read before anything
//! is printed: if one is invalid, all problems are reported and nothing else.
//!
//! Library API: [`stancegraph::Scenario::contradictions`] with
//! [`stancegraph::contradiction::CheckOptions`]; the text is the
//! [`stancegraph::Contradictions`] `Display`, the JSON its `to_json`.

use std::process::ExitCode;

use serde_json::Value;
use stancegraph::{
    Date, contradiction::CheckOptions, contradiction::ContradictionKind, contradiction::Severity,
};

use super::OutputFormat;
use crate::error::CliError;
use crate::input::{self, InputsArgs};
use crate::output;

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    inputs: InputsArgs,
    /// `text` for people, `json` for machines.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    format: OutputFormat,
    /// Consider only the positions that hold on this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    as_of: Option<Date>,
    /// Report only these kinds (repeatable): self_contradiction,
    /// member_vs_bloc, between_allies, deadlock, reversal.
    #[arg(long = "kind", value_name = "KIND")]
    kinds: Vec<ContradictionKind>,
    /// Report only contradictions at least this severe: critical, high, medium.
    #[arg(long, value_name = "SEVERITY")]
    min_severity: Option<Severity>,
    /// Exit with 1 if a contradiction at least this severe is reported.
    #[arg(long, value_name = "SEVERITY")]
    deny: Option<Severity>,
    /// Report at most this many contradictions per group (kind,
    /// principals, clause); the rest are counted.
    #[arg(long, value_name = "N", default_value_t = CheckOptions::DEFAULT_MAX_PER_GROUP,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..))]
    max_per_group: usize,
}

pub fn exec(args: &Args) -> Result<ExitCode, CliError> {
    let mut options = CheckOptions::default().with_max_per_group(args.max_per_group);
    options.as_of = args.as_of;
    let mut scenarios = Vec::new();
    input::load_all(&args.inputs, |file, input| {
        scenarios.push((file, input.scenario));
        Ok(())
    })?;
    let mut denied = false;
    let mut documents = Vec::new();
    let mut text = String::new();
    for (file, scenario) in &scenarios {
        let mut found = scenario.contradictions(&options);
        found.retain(|c| {
            (args.kinds.is_empty() || args.kinds.contains(&c.kind))
                && args.min_severity.is_none_or(|min| c.severity <= min)
        });
        denied |= args
            .deny
            .is_some_and(|deny| found.iter().any(|c| c.severity <= deny));
        match args.format {
            OutputFormat::Json => documents.push((file, found.to_json())),
            OutputFormat::Text => text.push_str(&format!("{}: {found}", file.display())),
        }
    }
    output::emit(match args.format {
        OutputFormat::Text => text,
        // One file: the report itself; several: {"files": [{"file": ..., report...}]}.
        OutputFormat::Json if documents.len() == 1 => output::json(&documents[0].1),
        OutputFormat::Json => {
            let files = documents
                .into_iter()
                .map(|(file, report)| with_file(file.display().to_string(), report))
                .collect();
            output::json(&serde_json::json!({ "files": Value::Array(files) }))
        }
    })?;
    Ok(if denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// One entry of the several-files document: the report's own fields and
/// `file`. A report is always a JSON object; were it ever something else it
/// would be kept whole under `report` rather than dropped.
fn with_file(file: String, report: Value) -> Value {
    let mut entry = match report {
        Value::Object(fields) => fields,
        other => serde_json::Map::from_iter([("report".to_owned(), other)]),
    };
    entry.insert("file".to_owned(), Value::String(file));
    Value::Object(entry)
}
