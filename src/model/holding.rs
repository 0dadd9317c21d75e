//! When a position holds: its date, its `until`, and later positions that supersede it.

use crate::{Date, PositionId, Scenario};

/// The days on which a position holds.
///
/// A position holds from its `date` until the earlier of its `until` and the
/// day before the next position (by date) of the same principal on the same
/// issue, which supersedes it. Bounds are inclusive; a missing bound is open.
/// Undated positions hold throughout: they neither supersede nor are
/// superseded. Positions of one principal on one issue dated the same day
/// hold together.
///
/// # Examples
///
/// ```
/// use stancegraph::Scenario;
///
/// let s = Scenario::from_yaml_str("
/// actors:
///   - {id: us, name: United States, kind: state}
///   - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
/// issues: [{id: freeze, name: NATO stops expanding eastward}]
/// positions:
///   - {id: before, actor: us, issue: freeze, stance: oppose, date: 2024-01-10}
///   - {id: after, actor: kellogg, issue: freeze, stance: support, date: 2025-05-29}
/// ")?;
/// let holdings = s.holdings();
/// let before = holdings[s.position_id("before").unwrap().index()];
/// assert_eq!(before.to.unwrap().to_string(), "2025-05-28");
/// assert_eq!(before.superseded_by, s.position_id("after"));
/// assert!(before.holds_on("2025-01-01".parse()?));
/// assert!(!before.holds_on("2025-05-29".parse()?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Holding {
    /// The first day (the position's date), or none if undated.
    pub from: Option<Date>,
    /// The last day, or none if the position still holds.
    pub to: Option<Date>,
    /// The position that ended this one, if one did (by the day its `until`
    /// would have ended it, at the latest).
    pub superseded_by: Option<PositionId>,
}

impl Holding {
    /// Whether the position holds on `date`.
    pub fn holds_on(&self, date: Date) -> bool {
        self.from.is_none_or(|from| from <= date) && self.to.is_none_or(|to| date <= to)
    }

    /// Whether two positions hold on at least one common day.
    pub fn overlaps(&self, other: &Holding) -> bool {
        let starts_before_other_ends = match (self.from, other.to) {
            (Some(from), Some(to)) => from <= to,
            _ => true,
        };
        let other_starts_before_end = match (other.from, self.to) {
            (Some(from), Some(to)) => from <= to,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_end
    }
}

/// [`Scenario::holdings`].
pub(crate) fn holdings(s: &Scenario) -> Vec<Holding> {
    let principals: Vec<_> = s.actors().map(|(id, _)| s.principal(id)).collect();
    let mut holdings: Vec<Holding> = s
        .positions()
        .map(|(_, p)| Holding {
            from: p.date(),
            to: p.until(),
            superseded_by: None,
        })
        .collect();
    // Dated positions by (principal, issue, date, id): each one's successor
    // is the first of the group with a later date.
    let mut dated: Vec<(crate::ActorId, crate::IssueId, Date, PositionId)> = s
        .positions()
        .filter_map(|(id, p)| {
            p.date()
                .map(|d| (principals[p.actor().index()], p.issue(), d, id))
        })
        .collect();
    dated.sort_unstable();
    let mut next_later: Option<(Date, PositionId)> = None;
    for i in (0..dated.len()).rev() {
        let (principal, issue, date, id) = dated[i];
        let same_group = |j: usize| {
            dated
                .get(j)
                .is_some_and(|x| x.0 == principal && x.1 == issue)
        };
        if !same_group(i + 1) {
            next_later = None;
        } else if dated[i + 1].2 > date {
            // The first position of the next later day.
            let day = dated[i + 1].2;
            let first = dated[i + 1..]
                .iter()
                .take_while(|x| x.0 == principal && x.1 == issue && x.2 == day)
                .map(|x| x.3)
                .min();
            next_later = first.map(|p| (day, p));
        }
        if let Some((day, successor)) = next_later {
            let end = day.previous_day();
            let h = &mut holdings[id.index()];
            if let Some(end) = end
                && h.to.is_none_or(|to| end <= to)
            {
                h.to = Some(end);
                h.superseded_by = Some(successor);
            }
        }
    }
    holdings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        Scenario::from_yaml_str(
            "
actors:
  - {id: us, name: United States, kind: state}
  - {id: trump, name: Donald Trump, kind: person, speaks_for: us}
  - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
  - {id: russia, name: Russia, kind: state}
issues: [{id: x, name: X}, {id: y, name: Y}]
positions:
  - {id: a, actor: us, issue: x, stance: oppose, date: 2024-01-10, until: 2024-03-01}
  - {id: b, actor: trump, issue: x, stance: support, date: 2025-05-29}
  - {id: c, actor: kellogg, issue: x, stance: support, date: 2025-05-29}
  - {id: d, actor: us, issue: x, stance: neutral, date: 2025-07-01}
  - {id: e, actor: russia, issue: x, stance: support, date: 2025-01-01}
  - {id: f, actor: us, issue: y, stance: support}
  - {id: g, actor: us, issue: y, stance: oppose, date: 2025-01-01}
",
        )
        .unwrap()
    }

    fn holding(s: &Scenario, key: &str) -> Holding {
        s.holdings()[s.position_id(key).unwrap().index()]
    }

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn an_earlier_until_is_kept_and_not_called_superseded() {
        let s = scenario();
        let a = holding(&s, "a");
        assert_eq!(a.to, Some(day("2024-03-01")));
        assert_eq!(a.superseded_by, None);
    }

    #[test]
    fn same_day_positions_of_one_principal_hold_together_until_the_next_day() {
        let s = scenario();
        let (b, c) = (holding(&s, "b"), holding(&s, "c"));
        assert_eq!(b.to, Some(day("2025-06-30")));
        assert_eq!(c.to, Some(day("2025-06-30")));
        assert_eq!(b.superseded_by, s.position_id("d"));
        assert!(b.overlaps(&c));
        assert_eq!(holding(&s, "d").to, None);
    }

    #[test]
    fn other_principals_and_undated_positions_are_untouched() {
        let s = scenario();
        assert_eq!(holding(&s, "e").to, None);
        let f = holding(&s, "f");
        assert_eq!((f.from, f.to, f.superseded_by), (None, None, None));
        assert!(f.holds_on(day("1900-01-01")) && f.overlaps(&holding(&s, "g")));
    }

    #[test]
    fn overlap_is_inclusive_and_symmetric() {
        let h = |from: &str, to: &str| Holding {
            from: Some(day(from)),
            to: Some(day(to)),
            superseded_by: None,
        };
        assert!(h("2025-01-01", "2025-01-10").overlaps(&h("2025-01-10", "2025-02-01")));
        assert!(h("2025-01-10", "2025-02-01").overlaps(&h("2025-01-01", "2025-01-10")));
        assert!(!h("2025-01-01", "2025-01-09").overlaps(&h("2025-01-10", "2025-02-01")));
    }
}
