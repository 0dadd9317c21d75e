//! "Did you mean" hints for misspelled keys and keywords.

/// The candidate closest to `word` by edit distance, if it is close enough to
/// be a plausible typo (at most a third of the longer word's length, at least 1).
pub(crate) fn closest<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let len = word.chars().count();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let limit = (len.max(candidate.chars().count()) / 3).max(1);
        let d = distance(word, candidate, limit);
        // Ties go to the alphabetically first candidate, so the hint does not
        // depend on the order candidates come in (hash maps have none).
        if d <= limit && best.is_none_or(|(bd, bc)| (d, candidate) < (bd, bc)) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// Edit distance counting an insertion, deletion, substitution or swap of
/// two neighbouring characters as one edit (optimal string alignment), giving
/// up early (returning `limit + 1`) once it must exceed `limit`.
pub(crate) fn distance(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 0..a.len() {
        row[0] = i + 1;
        let mut row_min = row[0];
        for j in 0..b.len() {
            let cost = usize::from(a[i] != b[j]);
            let mut d = (prev[j] + cost).min(prev[j + 1] + 1).min(row[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                d = d.min(before[j - 1] + 1);
            }
            row[j + 1] = d;
            row_min = row_min.min(d);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Looks up close keys for many misspellings without letting a file with a
/// million bad references cost a million full scans: once the budget of
/// comparisons is spent, no more hints are given.
pub(crate) struct Suggester {
    budget: usize,
}

impl Suggester {
    /// Comparisons allowed in total for one validation run.
    const BUDGET: usize = 2_000_000;

    pub(crate) fn new() -> Self {
        Suggester {
            budget: Self::BUDGET,
        }
    }

    pub(crate) fn suggest<'a, I>(&mut self, word: &str, candidates: I) -> Option<String>
    where
        I: ExactSizeIterator<Item = &'a str>,
    {
        if candidates.len() > self.budget {
            self.budget = 0;
            return None;
        }
        self.budget -= candidates.len();
        closest(word, candidates).map(str::to_owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_only_plausible_typos() {
        let keys = ["kellogg", "rutte", "pavel"];
        assert_eq!(closest("kelog", keys), Some("kellogg"));
        assert_eq!(closest("rute", keys), Some("rutte"));
        assert_eq!(closest("putin", keys), None);
        assert_eq!(closest("nmae", ["name", "kind"]), Some("name"));
        assert_eq!(closest("titel", ["title", "url"]), Some("title"));
        assert_eq!(
            closest("suport", ["support", "oppose", "neutral"]),
            Some("support")
        );
    }

    #[test]
    fn budget_stops_hints() {
        let mut s = Suggester { budget: 3 };
        assert_eq!(
            s.suggest("ab", ["abc", "x"].into_iter()),
            Some("abc".into())
        );
        assert_eq!(s.suggest("ab", ["abc", "x"].into_iter()), None);
    }
}
