//! Scenario files: YAML, JSON and TOML with one shape, read with precise
//! errors; a case folder of such files read as one scenario.
//!
//! Reading goes `raw` (records as written) → `seed` (the parser hands
//! records over as they are read) → `resolve` (references, keys, every
//! problem, `problems` naming each) → `quote_pass` (source files and quotes,
//! when reading files). `case` lists a folder's files; `write` is the way back.

mod case;
mod parse;
mod problems;
mod quote_pass;
mod raw;
mod resolve;
mod seed;
mod write;

use std::fmt;
use std::path::Path;

use crate::{Error, Result, Scenario};
use parse::parse;
use resolve::{Checks, Resolver};

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

/// How [`Scenario::load_with`] reads files.
///
/// # Examples
///
/// ```no_run
/// use stancegraph::{Scenario, io::LoadOptions};
///
/// // A draft: sources' files must exist, but quotes are not checked yet.
/// let draft = Scenario::load_with("cases/istanbul", &LoadOptions::default().with_quote_check(false))?;
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct LoadOptions {
    /// Whether every quote of a position whose source has a `file` must
    /// occur in that file's text (default: yes). See [`crate::io::quotes`].
    pub quote_check: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { quote_check: true }
    }
}

impl LoadOptions {
    /// Sets whether quotes are checked against their sources' texts.
    pub fn with_quote_check(mut self, check: bool) -> Self {
        self.quote_check = check;
        self
    }
}

impl Scenario {
    /// Reads and validates a scenario file, choosing the format by extension
    /// (`.yaml`, `.yml`, `.json`, `.toml`), or a case folder.
    ///
    /// **A case is a folder**: every `*.yaml`, `*.yml`, `*.json` and `*.toml`
    /// file under it, recursively, in byte order of its path relative to the
    /// folder; hidden files and folders (names starting with `.`) are
    /// skipped, other files ignored (source texts live beside them), and
    /// symbolic links to folders not followed. Each file has the ordinary
    /// scenario shape and they merge into one scenario: records keep reading
    /// order, references may cross files, `title` and `description` may each
    /// be given once, and a key defined twice is a problem naming both
    /// places. Every problem names its file, and
    /// [`Scenario::provenance`] tells which file each record came from.
    ///
    /// Sources with a `file` are checked: the file (relative to the
    /// scenario file declaring the source) must be readable and every quote
    /// citing the source must occur in it ([`crate::io::quotes`]); see
    /// [`Scenario::load_with`] to skip the quotes.
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when a file cannot be read, [`Error::UnknownFormat`]
    /// for other extensions, [`Error::EmptyCase`] for a folder without
    /// scenario files, [`Error::FeatureDisabled`] for TOML without the
    /// `toml` feature, [`Error::Syntax`] for malformed text (with line and
    /// column) and [`Error::Invalid`] listing every validation problem, each
    /// naming the record and field (and, in YAML and TOML, its line; in a
    /// case, its file).
    ///
    /// # Examples
    ///
    /// ```no_run
    /// let scenario = stancegraph::Scenario::load("examples/data/istanbul-talks.yaml")?;
    /// println!("{} positions", scenario.positions().len());
    /// let case = stancegraph::Scenario::load("examples/cases/istanbul")?;
    /// println!("{} files", case.provenance().files().len());
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Scenario> {
        Scenario::load_with(path, &LoadOptions::default())
    }

    /// Reads and validates a scenario file or case folder as
    /// [`Scenario::load`] does, with `options`.
    ///
    /// # Errors
    ///
    /// As [`Scenario::load`].
    pub fn load_with(path: impl AsRef<Path>, options: &LoadOptions) -> Result<Scenario> {
        let path = path.as_ref();
        if path.is_dir() {
            return case::load(path, checks(options));
        }
        let format = Format::from_path(path).ok_or_else(|| Error::UnknownFormat {
            path: path.to_owned(),
        })?;
        load_file(path, format, checks(options))
    }

    /// Reads and validates a scenario file in the given format, whatever its name.
    ///
    /// # Errors
    ///
    /// As [`Scenario::load`], without [`Error::UnknownFormat`].
    pub fn load_as(path: impl AsRef<Path>, format: Format) -> Result<Scenario> {
        load_file(path.as_ref(), format, checks(&LoadOptions::default()))
    }

    /// Parses and validates a scenario in `format` from bytes, naming `origin`
    /// (a file name, say) in errors. A leading UTF-8 byte-order mark is skipped.
    /// No file is read: sources' files and quotes are checked only by
    /// [`Scenario::load`].
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

fn checks(options: &LoadOptions) -> Checks {
    Checks {
        files: true,
        quotes: options.quote_check,
    }
}

fn load_file(path: &Path, format: Format, checks: Checks) -> Result<Scenario> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    let origin = path.display().to_string();
    let mut resolver = Resolver::new(checks, 1);
    parse::read_document(&mut resolver, &bytes, format, &origin, Some(path))?;
    parse::finish(resolver, &origin)
}
