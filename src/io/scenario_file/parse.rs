//! Reading one scenario document into a [`Resolver`]: text checks (UTF-8,
//! byte-order mark, emptiness), then the format's parser, with syntax errors
//! located by line and column (and, for JSON, the path in the document).

use std::path::Path;

use serde::de::DeserializeSeed;

use super::Format;
use super::resolve::{Checks, Resolver};
use super::seed::ScenarioSeed;
use crate::{Error, Result, Scenario};

/// Parses one text as a whole scenario (no files are read).
pub(super) fn parse(bytes: &[u8], format: Format, origin: &str) -> Result<Scenario> {
    let mut resolver = Resolver::new(Checks::default(), 1);
    read_document(&mut resolver, bytes, format, origin, None)?;
    finish(resolver, origin)
}

/// Validates what `resolver` read; `origin` names the input in errors.
pub(super) fn finish(resolver: Resolver, origin: &str) -> Result<Scenario> {
    resolver.finish().map_err(|problems| Error::Invalid {
        origin: origin.to_owned(),
        problems,
    })
}

/// Reads one document into `resolver`; `path` is its file, if any.
pub(super) fn read_document(
    resolver: &mut Resolver,
    bytes: &[u8],
    format: Format,
    origin: &str,
    path: Option<&Path>,
) -> Result<()> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        syntax(
            format,
            origin,
            Some(line),
            Some(column),
            "the file is not valid UTF-8".to_owned(),
        )
    })?;
    if text.trim().is_empty() {
        return Err(syntax(
            format,
            origin,
            None,
            None,
            "the file is empty".to_owned(),
        ));
    }
    resolver.begin(format, text, path);
    match format {
        Format::Yaml => parse_yaml(text, origin, resolver)?,
        Format::Json => parse_json(text, origin, resolver)?,
        Format::Toml => parse_toml(text, origin, resolver)?,
    }
    resolver.end();
    Ok(())
}

fn syntax(
    format: Format,
    origin: &str,
    line: Option<u64>,
    column: Option<u64>,
    message: String,
) -> Error {
    Error::Syntax {
        origin: origin.to_owned(),
        format,
        line,
        column,
        path: None,
        message,
    }
}

/// Line and 1-based column of byte `offset` in `bytes`.
fn line_column(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, (offset - line_start) as u64 + 1)
}

/// YAML limits that grow with the input: a legitimate document has at most
/// about one node per byte, so only alias expansion ("billion laughs") can
/// exceed them, and the work and memory of a parse stay proportional to the
/// size of the file.
fn yaml_options(len: usize) -> serde_saphyr::Options {
    let budget = serde_saphyr::budget! {
        max_events: len.max(1_000_000),
        max_nodes: len.max(250_000),
        max_aliases: (len / 4).max(50_000),
        max_total_scalar_bytes: len.max(64 << 20),
        enforce_alias_anchor_ratio: false,
    };
    let mut alias_limits = serde_saphyr::options::AliasLimits::default();
    alias_limits.max_total_replayed_events = len.max(1_000_000);
    serde_saphyr::options! {
        budget: budget,
        alias_limits: alias_limits,
        duplicate_keys: serde_saphyr::options::DuplicateKeyPolicy::Error,
    }
}

fn parse_yaml(text: &str, origin: &str, resolver: &mut Resolver) -> Result<()> {
    let options = yaml_options(text.len());
    serde_saphyr::with_deserializer_from_str_with_options(text, options, |de| {
        ScenarioSeed {
            resolver,
            format: Format::Yaml,
        }
        .deserialize(de)
    })
    .map_err(|e| {
        let location = e.location();
        let message = e.render_with_options(serde_saphyr::render_options! {
            snippets: serde_saphyr::SnippetMode::Off,
        });
        syntax(
            Format::Yaml,
            origin,
            location.map(|l| l.line()),
            location.map(|l| l.column()),
            strip_location(&plain_yaml_message(&message)),
        )
    })
}

/// serde-saphyr's messages name its own settings; say what happened in the
/// file's terms instead.
fn plain_yaml_message(message: &str) -> String {
    let message = message.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
    match message.strip_prefix("budget breached: ") {
        Some(what) => {
            let limit: String = what
                .chars()
                .skip_while(|c| !c.is_ascii_digit())
                .take_while(char::is_ascii_digit)
                .collect();
            format!(
                "the document expands past its limit ({limit} {}): anchors and aliases that \
                 multiply (a \"billion laughs\" document) are refused; the limits grow with the \
                 file's size",
                what.split_whitespace()
                    .next()
                    .unwrap_or("nodes")
                    .to_lowercase()
            )
        }
        None => message,
    }
}

/// serde-saphyr prefixes or suffixes messages with their location, which
/// [`Error::Syntax`] carries on its own.
fn strip_location(message: &str) -> String {
    let mut m = message.trim();
    if let Some(rest) = m.strip_prefix("error: ") {
        m = rest;
    }
    if let Some(rest) = m.strip_prefix("line ")
        && let Some((_, after)) = rest.split_once(": ")
    {
        m = after;
    }
    let m = m.lines().next().unwrap_or(m);
    // A trailing " at line L, column C" repeats what the error carries.
    match m.rfind(" at line ") {
        Some(i)
            if m[i + 9..]
                .chars()
                .all(|c| c.is_ascii_digit() || ", column".contains(c)) =>
        {
            m[..i].to_owned()
        }
        _ => m.to_owned(),
    }
}

fn parse_json(text: &str, origin: &str, resolver: &mut Resolver) -> Result<()> {
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = ScenarioSeed {
        resolver,
        format: Format::Json,
    };
    let result = seed.deserialize(&mut de).and_then(|()| de.end());
    result.map_err(|e| {
        // Parse again, tracking the path, only when there is an error to explain.
        let path = {
            let mut scratch = Resolver::new(Checks::default(), 1);
            scratch.begin(Format::Json, text, None);
            let de = &mut serde_json::Deserializer::from_str(text);
            let mut track = serde_path_to_error::Track::new();
            let de = serde_path_to_error::Deserializer::new(de, &mut track);
            let seed = ScenarioSeed {
                resolver: &mut scratch,
                format: Format::Json,
            };
            match seed.deserialize(de) {
                Err(_) => Some(track.path().to_string()),
                Ok(()) => None,
            }
        };
        let message = e.to_string();
        let message = match message.rsplit_once(" at line ") {
            Some((m, _)) => m.to_owned(),
            None => message,
        };
        Error::Syntax {
            origin: origin.to_owned(),
            format: Format::Json,
            line: Some(e.line() as u64).filter(|&l| l > 0),
            column: Some(e.column() as u64).filter(|_| e.line() > 0),
            path,
            message,
        }
    })
}

#[cfg(feature = "toml")]
fn parse_toml(text: &str, origin: &str, resolver: &mut Resolver) -> Result<()> {
    let located = |e: toml::de::Error| {
        let (line, column) = match e.span() {
            Some(span) => {
                let (l, c) = line_column(text.as_bytes(), span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        syntax(Format::Toml, origin, line, column, e.message().to_owned())
    };
    let de = toml::Deserializer::parse(text).map_err(located)?;
    ScenarioSeed {
        resolver,
        format: Format::Toml,
    }
    .deserialize(de)
    .map_err(located)
}

#[cfg(not(feature = "toml"))]
fn parse_toml(_text: &str, _origin: &str, _resolver: &mut Resolver) -> Result<()> {
    Err(Error::FeatureDisabled {
        format: Format::Toml,
        feature: "toml",
    })
}
