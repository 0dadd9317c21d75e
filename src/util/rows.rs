//! Compressed rows: many short lists in two flat vectors.

/// `items[offsets[r]..offsets[r + 1]]` is row `r`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rows<T> {
    pub(crate) offsets: Vec<usize>,
    pub(crate) items: Vec<T>,
}

impl<T> Rows<T> {
    pub(crate) fn from_parts(offsets: Vec<usize>, items: Vec<T>) -> Self {
        Rows { offsets, items }
    }

    /// Row `r`; empty for rows out of range.
    pub(crate) fn row(&self, r: usize) -> &[T] {
        match (self.offsets.get(r), self.offsets.get(r + 1)) {
            (Some(&start), Some(&end)) => &self.items[start..end],
            _ => &[],
        }
    }

    /// Groups `items`, already sorted by `key`, into `rows` rows.
    pub(crate) fn group(items: Vec<T>, rows: usize, key: impl Fn(&T) -> usize) -> Self {
        let mut offsets = vec![0; rows + 1];
        for item in &items {
            offsets[key(item) + 1] += 1;
        }
        for r in 0..rows {
            offsets[r + 1] += offsets[r];
        }
        Rows { offsets, items }
    }

    /// Rows from `(row, item)` pairs in any order; items keep their relative
    /// order within a row.
    pub(crate) fn from_pairs(rows: usize, pairs: impl IntoIterator<Item = (usize, T)>) -> Self {
        let mut pairs: Vec<(usize, T)> = pairs.into_iter().collect();
        pairs.sort_by_key(|(r, _)| *r);
        let mut offsets = vec![0; rows + 1];
        for (r, _) in &pairs {
            offsets[r + 1] += 1;
        }
        for r in 0..rows {
            offsets[r + 1] += offsets[r];
        }
        Rows {
            offsets,
            items: pairs.into_iter().map(|(_, item)| item).collect(),
        }
    }
}
