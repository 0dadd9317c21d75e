//! Scenario files: YAML, JSON and TOML with one shape, read with precise errors.

mod raw;
mod resolve;
mod write;

use std::fmt;
use std::path::Path;

use crate::{Error, Result, Scenario};
use resolve::{Resolver, ScenarioSeed};
use serde::de::DeserializeSeed;

/// A file format for scenarios. All formats share one shape (see the
/// [crate documentation](crate#the-scenario-file-format)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// YAML 1.2 (`.yaml`, `.yml`).
    Yaml,
    /// JSON (`.json`).
    Json,
    /// TOML (`.toml`); needs the `toml` cargo feature (on by default).
    Toml,
}

impl Format {
    /// The format a file name's extension names, if any (case-insensitive).
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::io::Format;
    ///
    /// assert_eq!(Format::from_path("talks.YML"), Some(Format::Yaml));
    /// assert_eq!(Format::from_path("talks.txt"), None);
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Option<Format> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "yaml" | "yml" => Some(Format::Yaml),
            "json" => Some(Format::Json),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Yaml => "YAML",
            Format::Json => "JSON",
            Format::Toml => "TOML",
        })
    }
}

const INPUT: &str = "<input>";

impl Scenario {
    /// Reads and validates a scenario file, choosing the format by extension
    /// (`.yaml`, `.yml`, `.json`, `.toml`).
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the file cannot be read, [`Error::UnknownFormat`]
    /// for other extensions, [`Error::FeatureDisabled`] for TOML without the
    /// `toml` feature, [`Error::Syntax`] for malformed text (with line and
    /// column) and [`Error::Invalid`] listing every validation problem, each
    /// naming the record and field (and, in YAML and TOML, its line).
    ///
    /// # Examples
    ///
    /// ```no_run
    /// let scenario = stancegraph::Scenario::load("examples/data/istanbul-talks.yaml")?;
    /// println!("{} positions", scenario.positions().len());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Scenario> {
        let path = path.as_ref();
        let format = Format::from_path(path).ok_or_else(|| Error::UnknownFormat {
            path: path.to_owned(),
        })?;
        Scenario::load_as(path, format)
    }

    /// Reads and validates a scenario file in the given format, whatever its name.
    ///
    /// # Errors
    ///
    /// As [`Scenario::load`], without [`Error::UnknownFormat`].
    pub fn load_as(path: impl AsRef<Path>, format: Format) -> Result<Scenario> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })?;
        parse(&bytes, format, &path.display().to_string())
    }

    /// Parses and validates a scenario in `format` from bytes, naming `origin`
    /// (a file name, say) in errors. A leading UTF-8 byte-order mark is skipped.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] for text that is not UTF-8 or not well-formed,
    /// [`Error::Invalid`] listing every validation problem.
    pub fn from_slice_as(bytes: &[u8], format: Format, origin: &str) -> Result<Scenario> {
        parse(bytes, format, origin)
    }

    /// Parses and validates a YAML scenario.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] with line and column for malformed YAML,
    /// [`Error::Invalid`] listing every validation problem.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::Scenario;
    ///
    /// let yaml = "
    /// actors:
    ///   - {id: rutte, name: Mark Rutte, kind: person}
    /// issues:
    ///   - {id: join, name: Ukraine joins NATO}
    /// positions:
    ///   - {actor: rutte, issue: join, stance: support, firmness: red_line}
    /// ";
    /// let scenario = Scenario::from_yaml_str(yaml)?;
    /// assert_eq!(scenario.positions().len(), 1);
    ///
    /// let err = Scenario::from_yaml_str(&yaml.replace("stance: support", "stance: suport")).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "<input>:7: positions[0], field `stance`: unknown stance `suport`; \
    ///      expected one of: support, oppose, neutral; did you mean `support`?"
    /// );
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_yaml_str(text: &str) -> Result<Scenario> {
        parse(text.as_bytes(), Format::Yaml, INPUT)
    }

    /// Parses and validates a JSON scenario.
    ///
    /// # Errors
    ///
    /// [`Error::Syntax`] with line, column and path for malformed JSON,
    /// [`Error::Invalid`] listing every validation problem.
    ///
    /// # Examples
    ///
    /// ```
    /// let json = r#"{"actors": [{"id": "us", "name": "United States", "kind": "state",
    ///                            "member_of": ["nato"]}]}"#;
    /// let err = stancegraph::Scenario::from_json_str(json).unwrap_err();
    /// assert_eq!(err.to_string(), "<input>: actors[0] (us), field `member_of[0]`: unknown actor `nato`");
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn from_json_str(text: &str) -> Result<Scenario> {
        parse(text.as_bytes(), Format::Json, INPUT)
    }

    /// Parses and validates a TOML scenario (arrays of tables `[[actors]]`, …).
    ///
    /// # Errors
    ///
    /// [`Error::FeatureDisabled`] without the `toml` feature,
    /// [`Error::Syntax`] with line and column for malformed TOML,
    /// [`Error::Invalid`] listing every validation problem.
    pub fn from_toml_str(text: &str) -> Result<Scenario> {
        parse(text.as_bytes(), Format::Toml, INPUT)
    }

    /// Writes the scenario as text in `format`. Reading the text back gives
    /// an equal scenario. Every position is written with its key, assigned or not.
    ///
    /// # Errors
    ///
    /// [`Error::FeatureDisabled`] for TOML without the `toml` feature;
    /// [`Error::Write`] if the serializer fails.
    ///
    /// # Examples
    ///
    /// ```
    /// use stancegraph::{io::Format, Scenario};
    ///
    /// let s = Scenario::from_yaml_str("actors: [{id: nato, name: NATO, kind: alliance}]")?;
    /// let json = s.to_string_as(Format::Json)?;
    /// assert_eq!(Scenario::from_json_str(&json)?, s);
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn to_string_as(&self, format: Format) -> Result<String> {
        let out = write::OutScenario::new(self);
        let fail = |message: String| Error::Write { format, message };
        match format {
            Format::Yaml => serde_saphyr::to_string(&out).map_err(|e| fail(e.to_string())),
            Format::Json => serde_json::to_string_pretty(&out)
                .map(|mut s| {
                    s.push('\n');
                    s
                })
                .map_err(|e| fail(e.to_string())),
            #[cfg(feature = "toml")]
            Format::Toml => toml::to_string(&out).map_err(|e| fail(e.to_string())),
            #[cfg(not(feature = "toml"))]
            Format::Toml => Err(Error::FeatureDisabled {
                format,
                feature: "toml",
            }),
        }
    }

    /// Writes the scenario to a file, choosing the format by extension.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownFormat`], [`Error::Io`], or as [`Scenario::to_string_as`].
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let format = Format::from_path(path).ok_or_else(|| Error::UnknownFormat {
            path: path.to_owned(),
        })?;
        let text = self.to_string_as(format)?;
        std::fs::write(path, text).map_err(|source| Error::Io {
            path: path.to_owned(),
            source,
        })
    }
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

fn parse(bytes: &[u8], format: Format, origin: &str) -> Result<Scenario> {
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
    let mut resolver = Resolver::new(format, text);
    match format {
        Format::Yaml => parse_yaml(text, origin, &mut resolver)?,
        Format::Json => parse_json(text, origin, &mut resolver)?,
        Format::Toml => parse_toml(text, origin, &mut resolver)?,
    }
    resolver.finish().map_err(|problems| Error::Invalid {
        origin: origin.to_owned(),
        problems,
    })
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
            let mut scratch = Resolver::new(Format::Json, text);
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
