//! How to look for contradictions: which day to check, and how many
//! contradictions to report per group before the rest are only counted.

use crate::Date;

/// How to look for contradictions.
///
/// # Examples
///
/// ```
/// use stancegraph::contradiction::CheckOptions;
///
/// let options = CheckOptions::default().with_as_of("2025-06-01".parse()?).with_max_per_group(10);
/// assert_eq!(options.max_per_group, 10);
/// # Ok::<(), stancegraph::DateError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Consider only the positions that hold on this day; `None` (the
    /// default) considers every time, and sets must still share a day.
    pub as_of: Option<Date>,
    /// At most this many contradictions are reported per group (same kind,
    /// same principals, same clause): the most severe, then by position ids.
    /// The rest are counted in [`Contradictions::truncated`](crate::Contradictions::truncated). Default
    /// [`CheckOptions::DEFAULT_MAX_PER_GROUP`].
    pub max_per_group: usize,
}

impl CheckOptions {
    /// The default cap per group.
    pub const DEFAULT_MAX_PER_GROUP: usize = 100;

    /// Sets [`CheckOptions::as_of`].
    pub fn with_as_of(mut self, date: Date) -> Self {
        self.as_of = Some(date);
        self
    }

    /// Sets [`CheckOptions::max_per_group`].
    pub fn with_max_per_group(mut self, max: usize) -> Self {
        self.max_per_group = max;
        self
    }
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            as_of: None,
            max_per_group: Self::DEFAULT_MAX_PER_GROUP,
        }
    }
}
