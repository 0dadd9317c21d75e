//! A case folder: the scenario files under a folder, in a fixed order, read
//! into one scenario.
//!
//! The order is the byte order of each file's path relative to the folder
//! (with `/` between names), whatever order the file system lists them in,
//! so a case loads to the same scenario, with the same ids, on every machine.

use std::path::{Path, PathBuf};

use super::Format;
use super::parse::{finish, read_document};
use super::resolve::{Checks, Resolver};
use crate::{Error, Result, Scenario};

/// Reads every scenario file under `folder` as one scenario.
pub(super) fn load(folder: &Path, checks: Checks) -> Result<Scenario> {
    let files = case_files(folder)?;
    if files.is_empty() {
        return Err(Error::EmptyCase {
            path: folder.to_owned(),
        });
    }
    let mut resolver = Resolver::new(checks, files.len());
    for (_, path) in &files {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        // `case_files` keeps only names with a format's extension.
        let format = Format::from_path(path).unwrap_or(Format::Yaml);
        read_document(
            &mut resolver,
            &bytes,
            format,
            &path.display().to_string(),
            Some(path),
        )?;
    }
    let mut scenario = finish(resolver, &folder.display().to_string())?;
    scenario.provenance.set_case_folder(folder.to_owned());
    Ok(scenario)
}

/// The scenario files under `folder`, recursively, as (relative name with
/// `/` separators, path), in byte order of the relative name. Hidden files
/// and folders are skipped; links to files are followed, links to folders
/// are not (they could loop).
pub(crate) fn case_files(folder: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut found = Vec::new();
    let mut stack = vec![(String::new(), folder.to_owned())];
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Io { path, source }
    };
    while let Some((prefix, dir)) = stack.pop() {
        for entry in std::fs::read_dir(&dir).map_err(io(&dir))? {
            let entry = entry.map_err(io(&dir))?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(io(&path))?;
            let relative = format!("{prefix}{name}");
            if kind.is_dir() {
                stack.push((format!("{relative}/"), path));
            } else if Format::from_path(&path).is_some()
                && (kind.is_file() || std::fs::metadata(&path).is_ok_and(|m| m.is_file()))
            {
                found.push((relative, path));
            }
        }
    }
    found.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    Ok(found)
}
