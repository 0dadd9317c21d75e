//! Groups of principals for the report's drawing: average-linkage
//! clustering on net agreement ((agreements − conflicts) / (agreements +
//! conflicts) per pair), merging the two groups of highest mean similarity
//! until at most [`HtmlReportOptions::groups`](super::HtmlReportOptions::groups)
//! remain. The most active principals are clustered (at most 600); any
//! others form one last group. Ties are broken by order, so the same
//! scenario gives the same groups.

use super::HtmlReport;
use crate::{ActorId, stance::TieKind};

impl HtmlReport<'_> {
    /// Average-linkage clustering of principals on net agreement
    /// ((agreements − conflicts) / (agreements + conflicts) per pair) into
    /// at most `groups` groups. The most active principals are clustered
    /// (at most 600); any others form one last group.
    /// Returns the groups, and the first member of the group left out of the
    /// clustering, if any.
    pub(crate) fn cluster(
        &self,
        principals: &[ActorId],
        activity: &[usize],
    ) -> (Vec<Vec<ActorId>>, Option<ActorId>) {
        const MOST: usize = 600;
        let s = self.scenario;
        let mut chosen: Vec<ActorId> = principals.to_vec();
        let mut rest = Vec::new();
        if chosen.len() > MOST {
            chosen.sort_by_key(|a| (std::cmp::Reverse(activity[a.index()]), *a));
            rest = chosen.split_off(MOST);
            chosen.sort_unstable();
            rest.sort_unstable();
        }
        let p = chosen.len();
        let mut slot = vec![usize::MAX; s.actors().len()];
        for (i, a) in chosen.iter().enumerate() {
            slot[a.index()] = i;
        }
        let mut agree = vec![0.0f64; p * p];
        let mut conflict = vec![0.0f64; p * p];
        for t in self.graph.ties() {
            let (i, j) = (slot[t.a.index()], slot[t.b.index()]);
            if i == usize::MAX || j == usize::MAX || i == j {
                continue;
            }
            let cell = match t.kind {
                TieKind::Agreement => &mut agree,
                TieKind::Conflict => &mut conflict,
            };
            cell[i * p + j] += f64::from(t.weight);
            cell[j * p + i] += f64::from(t.weight);
        }
        // Sums of similarity between clusters, and the clusters' members.
        let mut sum: Vec<f64> = (0..p * p)
            .map(|k| {
                let total = agree[k] + conflict[k];
                if total > 0.0 {
                    (agree[k] - conflict[k]) / total
                } else {
                    0.0
                }
            })
            .collect();
        let mut clusters: Vec<Option<Vec<usize>>> = (0..p).map(|i| Some(vec![i])).collect();
        let mut alive = p;
        let target = self.options.groups.max(1) - usize::from(!rest.is_empty());
        while alive > target.max(1) {
            let mut best: Option<(f64, usize, usize)> = None;
            for u in 0..p {
                let Some(cu) = &clusters[u] else { continue };
                for v in u + 1..p {
                    let Some(cv) = &clusters[v] else { continue };
                    let mean = sum[u * p + v] / (cu.len() * cv.len()) as f64;
                    if best.is_none_or(|(m, _, _)| mean > m) {
                        best = Some((mean, u, v));
                    }
                }
            }
            let Some((_, u, v)) = best else { break };
            let Some(moved) = clusters[v].take() else {
                break;
            };
            if let Some(cu) = clusters[u].as_mut() {
                cu.extend(moved);
            }
            for w in 0..p {
                let merged = sum[u * p + w] + sum[v * p + w];
                sum[u * p + w] = merged;
                sum[w * p + u] = merged;
            }
            alive -= 1;
        }
        let mut groups: Vec<Vec<ActorId>> = clusters
            .into_iter()
            .flatten()
            .map(|c| {
                let mut g: Vec<ActorId> = c.into_iter().map(|i| chosen[i]).collect();
                g.sort_unstable();
                g
            })
            .collect();
        let rest_first = rest.first().copied();
        if !rest.is_empty() {
            groups.push(rest);
        }
        groups.sort_unstable();
        (groups, rest_first)
    }
}
