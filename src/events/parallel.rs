//! A large ICEWS file read in two halves on two threads, their partial
//! aggregates merged — the mergeable aggregation at work.
//!
//! Algorithm: the header is read; the data are split at the first line
//! start after the middle byte; each half is read by its own reader over
//! its byte range of the file and aggregated; the second half's bad rows,
//! numbered from its start, are shifted by the first half's lines and rows,
//! so that the error is the one a single pass gives.
//!
//! Guarantees: the result equals the sequential one (merging is exact);
//! memory stays bounded (each half streams through its own buffer).

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use crate::events::icews::{IcewsColumns, is_icews_header};
use crate::events::reader::Problems;
use crate::events::{
    AggregateOptions, EventAggregator, EventFormat, EventNetworks, EventReader, ReadOptions,
};
use crate::{Error, Result};

/// Files smaller than this are read in one pass.
const MIN_BYTES: u64 = 16 << 20;

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// The aggregate of an ICEWS file of at least [`MIN_BYTES`] read in two
/// halves; `None` for any other input (the caller reads it in one pass).
pub(crate) fn aggregate_icews_in_two(
    path: &Path,
    read: &ReadOptions,
    options: &AggregateOptions,
) -> Result<Option<EventNetworks>> {
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(None);
    };
    let len = meta.len();
    if !meta.is_file() || len < MIN_BYTES || read.format.is_some_and(|f| f != EventFormat::Icews) {
        return Ok(None);
    }
    let origin = path.display().to_string();
    let mut head = BufReader::new(File::open(path).map_err(io(path))?);
    let mut header = Vec::new();
    head.read_until(b'\n', &mut header).map_err(io(path))?;
    if !is_icews_header(&header) && EventFormat::from_path(path) != EventFormat::Icews {
        return Ok(None);
    }
    let Ok(columns) = IcewsColumns::from_header(&header) else {
        return Ok(None); // the one-pass reader names the missing columns
    };
    let start = header.len() as u64;
    // The first line start at or after the middle of the data.
    let middle = start + (len - start) / 2;
    let mut probe = BufReader::new(File::open(path).map_err(io(path))?);
    probe
        .seek(SeekFrom::Start(middle.saturating_sub(1)))
        .map_err(io(path))?;
    let mut skipped = Vec::new();
    let split =
        middle.saturating_sub(1) + probe.read_until(b'\n', &mut skipped).map_err(io(path))? as u64;
    if split >= len {
        return Ok(None);
    }
    let part =
        |from: u64, to: u64, line: u64| -> Result<EventReader<BufReader<std::io::Take<File>>>> {
            let mut file = File::open(path).map_err(io(path))?;
            file.seek(SeekFrom::Start(from)).map_err(io(path))?;
            let reader = BufReader::with_capacity(1 << 16, file.take(to - from));
            let r = EventReader::icews_part(reader, &origin, columns.clone(), line);
            Ok(match &read.codes {
                Some(codes) => r.with_codes(codes.clone()),
                None => r,
            })
        };
    let (mut first, mut second) = (part(start, split, 1)?, part(split, len, 0)?);
    let run = |reader: &mut EventReader<_>| {
        let mut agg = EventAggregator::new(*options);
        let mut problems = Problems::default();
        let done = reader.for_each_collecting(|e| agg.add(e), &mut problems);
        (agg, problems, done)
    };
    let (one, two) = std::thread::scope(|scope| {
        let handle = scope.spawn(|| run(&mut second));
        (run(&mut first), handle.join())
    });
    let Ok(two) = two else {
        return Ok(None); // a panic cannot happen; read in one pass then
    };
    let (mut agg, mut problems, done) = one;
    done?;
    let (agg2, problems2, done2) = two;
    done2?;
    // The first half counts the header as line 1.
    let (lines, rows) = (first.lines(), first.rows());
    problems.extend(problems2.listed.into_iter().map(|mut p| {
        p.line = p.line.map(|l| l + lines);
        if let Some(i) = &mut p.record.index {
            *i += rows;
        }
        p
    }));
    problems.unlisted += problems2.unlisted;
    problems.into_result(&origin)?;
    agg.merge(agg2)?;
    Ok(Some(agg.finish()))
}
