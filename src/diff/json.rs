//! The JSON shape of a diff, built from the domain types (see
//! [`ScenarioDiff::to_json`]).

use serde_json::{Value, json};

use crate::contradiction::json::contradiction;
use crate::diff::{DiffMode, ScenarioDiff, TieChange};

/// The document `ScenarioDiff::to_json` writes.
pub(crate) fn json(d: &ScenarioDiff<'_>) -> Value {
    let (older, newer) = (d.older(), d.newer());
    let p = &d.positions;
    let added: Vec<&str> = p.added.iter().map(|&id| newer.position(id).key()).collect();
    let removed: Vec<&str> = p
        .removed
        .iter()
        .map(|&id| older.position(id).key())
        .collect();
    let changed: Vec<&str> = p
        .changed
        .iter()
        .map(|c| newer.position(c.after).key())
        .collect();
    let changes: Vec<Value> = p
        .changed
        .iter()
        .map(|c| {
            let fields: Vec<Value> = c
                .fields
                .iter()
                .map(|f| json!({"field": f.field.as_str(), "before": f.before, "after": f.after}))
                .collect();
            json!({"id": newer.position(c.after).key(), "fields": fields})
        })
        .collect();
    let c = &d.contradictions;
    let t = &d.ties;
    let (mode, as_of, from, to) = match d.mode() {
        DiffMode::Versions { as_of } => ("versions", as_of, None, None),
        DiffMode::Dates { from, to } => ("dates", None, Some(from), Some(to)),
    };
    let day = |d: Option<crate::Date>| d.map(|d| d.to_string());
    json!({
        "mode": mode,
        "as_of": day(as_of),
        "from": day(from),
        "to": day(to),
        "positions": {
            "added": added,
            "removed": removed,
            "changed": changed,
            "changes": changes,
        },
        "contradictions": {
            "new": c.new.iter().map(contradiction).collect::<Vec<_>>(),
            "resolved": c.resolved.iter().map(contradiction).collect::<Vec<_>>(),
        },
        "ties": {
            "formed": t.formed.iter().map(tie).collect::<Vec<_>>(),
            "broken": t.broken.iter().map(tie).collect::<Vec<_>>(),
            "changed": t.changed.iter().map(tie).collect::<Vec<_>>(),
        },
        "summary": {
            "empty": d.is_empty(),
            "positions": {"added": p.added.len(), "removed": p.removed.len(), "changed": p.changed.len()},
            "contradictions": {"new": c.new.len(), "resolved": c.resolved.len()},
            "ties": {"formed": t.formed.len(), "broken": t.broken.len(), "changed": t.changed.len()},
        },
    })
}

fn tie(t: &TieChange<'_>) -> Value {
    json!({
        "actors": t.actors,
        "kind": t.kind.to_string(),
        "weight_before": t.weight_before,
        "weight_after": t.weight_after,
        "issues_before": t.issues_before,
        "issues_after": t.issues_after,
    })
}
