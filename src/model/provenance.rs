//! Provenance: which file each record of a scenario was read from.
//!
//! A case folder is read file by file in a fixed order, and every list of
//! the scenario grows by appending, so the records one file contributes to a
//! list form one run of consecutive indices. Provenance keeps, per list, one
//! `(start, end, file)` run per file: a few bytes per file, not per record,
//! and a lookup is a binary search. Records added in code after loading have
//! no file.

use std::path::{Path, PathBuf};

use crate::error::Section;
use crate::{ActorId, IssueId, PositionId, RelationId};

/// Where the records of a scenario were read: the files, in reading order,
/// and the file of each actor, issue, relation, source and position.
///
/// A scenario read with [`Scenario::load`](crate::Scenario::load) from one
/// file has that file; from a case folder, every scenario file under it;
/// built in code or parsed from text, none. Provenance is not part of a
/// scenario's value: two scenarios with the same records are equal wherever
/// they were read.
///
/// # Examples
///
/// ```no_run
/// let s = stancegraph::Scenario::load("examples/cases/istanbul")?;
/// let (id, _) = s.positions().next().unwrap();
/// println!("read from {}", s.provenance().position_file(id).unwrap().display());
/// # Ok::<(), stancegraph::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Provenance {
    files: Vec<PathBuf>,
    runs: [Runs; 5],
    case_folder: Option<PathBuf>,
}

/// Runs of consecutive record indices read from one file, in index order.
#[derive(Clone, Debug, Default)]
struct Runs(Vec<(u32, u32, u32)>);

impl Runs {
    fn file_of(&self, index: usize) -> Option<u32> {
        let index = u32::try_from(index).ok()?;
        let after = self.0.partition_point(|&(start, _, _)| start <= index);
        let &(_, end, file) = self.0[..after].last()?;
        (index < end).then_some(file)
    }

    fn record(&mut self, start: usize, end: usize, file: u32) {
        if start >= end {
            return;
        }
        let (start, end) = (start as u32, end as u32);
        match self.0.last_mut() {
            Some(last) if last.1 == start && last.2 == file => last.1 = end,
            _ => self.0.push((start, end, file)),
        }
    }
}

fn slot(section: Section) -> Option<usize> {
    Some(match section {
        Section::Actors => 0,
        Section::Issues => 1,
        Section::Relations => 2,
        Section::Sources => 3,
        Section::Positions => 4,
        _ => return None,
    })
}

impl Provenance {
    /// The files read, in reading order (for a case folder: byte order of
    /// their paths relative to the folder), each as the path it was read at.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The folder, when the scenario was read from a case folder.
    pub fn case_folder(&self) -> Option<&Path> {
        self.case_folder.as_deref()
    }

    /// The file a position was read from, relative to the case folder, when
    /// the scenario was read from one: how explanations and reports name it.
    ///
    /// # Examples
    ///
    /// ```no_run
    /// let s = stancegraph::Scenario::load("examples/cases/istanbul")?;
    /// let id = s.position_id("kellogg-freeze").unwrap();
    /// assert_eq!(s.provenance().position_in_case(id).unwrap().to_str(), Some("statements-2025-05-29.yaml"));
    /// # Ok::<(), stancegraph::Error>(())
    /// ```
    pub fn position_in_case(&self, position: PositionId) -> Option<&Path> {
        let file = self.position_file(position)?;
        file.strip_prefix(self.case_folder.as_deref()?).ok()
    }

    /// The file the actor was read from.
    pub fn actor_file(&self, actor: ActorId) -> Option<&Path> {
        self.file(Section::Actors, actor.index())
    }

    /// The file the issue was read from.
    pub fn issue_file(&self, issue: IssueId) -> Option<&Path> {
        self.file(Section::Issues, issue.index())
    }

    /// The file the relation was read from.
    pub fn relation_file(&self, relation: RelationId) -> Option<&Path> {
        self.file(Section::Relations, relation.index())
    }

    /// The file the position was read from.
    pub fn position_file(&self, position: PositionId) -> Option<&Path> {
        self.file(Section::Positions, position.index())
    }

    /// The file that declared the `index`-th source of
    /// [`Scenario::sources`](crate::Scenario::sources).
    pub fn source_file(&self, index: usize) -> Option<&Path> {
        self.file(Section::Sources, index)
    }

    /// The file of the `index`-th record of `section`.
    pub(crate) fn file(&self, section: Section, index: usize) -> Option<&Path> {
        let file = self.runs[slot(section)?].file_of(index)?;
        self.files.get(file as usize).map(PathBuf::as_path)
    }

    /// Marks the scenario as read from the case folder `folder`.
    pub(crate) fn set_case_folder(&mut self, folder: PathBuf) {
        self.case_folder = Some(folder);
    }

    /// Adds a file; its number for [`Provenance::record`].
    pub(crate) fn add_file(&mut self, path: PathBuf) -> u32 {
        self.files.push(path);
        (self.files.len() - 1) as u32
    }

    /// Records that records `start..end` of `section` came from `file`.
    pub(crate) fn record(&mut self, section: Section, start: usize, end: usize, file: u32) {
        if let Some(slot) = slot(section) {
            self.runs[slot].record(start, end, file);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_find_the_file_of_each_index_and_none_outside() {
        let mut p = Provenance::default();
        let a = p.add_file("a.yaml".into());
        let b = p.add_file("b.yaml".into());
        p.record(Section::Positions, 0, 3, a);
        p.record(Section::Positions, 3, 3, b); // empty: nothing recorded
        p.record(Section::Positions, 3, 5, b);
        p.record(Section::Positions, 5, 6, b); // merged with the run before
        let file = |i| {
            p.position_file(PositionId::from_index(i))
                .map(Path::to_owned)
        };
        assert_eq!(file(0), Some("a.yaml".into()));
        assert_eq!(file(2), Some("a.yaml".into()));
        assert_eq!(file(3), Some("b.yaml".into()));
        assert_eq!(file(5), Some("b.yaml".into()));
        assert_eq!(file(6), None);
        assert_eq!(p.actor_file(ActorId::from_index(0)), None);
        assert_eq!(p.runs[4].0.len(), 2);
    }
}
