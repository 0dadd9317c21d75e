//! The deals as JSON, in the shape the command line prints (keys sorted).

use serde_json::{Map, Value, json};

use super::{Cost, Deals, Obstacle};

fn cost(c: &Cost) -> Value {
    json!({"red_line": c.red_line, "firm": c.firm, "negotiable": c.negotiable})
}

impl Deals<'_> {
    /// The deals as JSON:
    /// `{"parties": [keys], "as_of": date|null, "claims": n, "feasible": b,
    /// "optimal": b, "complete": b, "deals": [{"cost": {"red_line", "firm",
    /// "negotiable"}, "weight", "concessions": [{"actor", "issue", "stance",
    /// "firmness", "positions": [keys], "claim"}], "by_party": {party:
    /// cost}}], "pareto": [indices], "proof": [...], "lower_bound"}`.
    pub fn to_json(&self) -> Value {
        let s = self.scenario;
        let deals: Vec<Value> = self
            .deals
            .iter()
            .map(|d| {
                let concessions: Vec<Value> = d
                    .concessions
                    .iter()
                    .map(|&c| {
                        let claim = &self.claims[c];
                        json!({
                            "claim": self.keys[c],
                            "actor": s.actor(claim.actor).key(),
                            "issue": s.issue(claim.issue).key(),
                            "stance": claim.stance.as_str(),
                            "firmness": claim.firmness.as_str(),
                            "positions": claim.positions.iter().map(|&p| s.position(p).key()).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                let by_party: Map<String, Value> = d
                    .by_party
                    .iter()
                    .map(|(a, c)| (s.actor(*a).key().to_owned(), cost(c)))
                    .collect();
                json!({
                    "cost": cost(&d.cost),
                    "weight": d.weight,
                    "concessions": concessions,
                    "by_party": by_party,
                })
            })
            .collect();
        let proof: Vec<Value> = self
            .proof
            .iter()
            .map(|o| match *o {
                Obstacle::Kept { claim } => json!({"kept": self.keys[claim]}),
                Obstacle::Protected { claim, position } => {
                    json!({"protected": self.keys[claim], "position": s.position(position).key()})
                }
                Obstacle::Required { issue, stance } => {
                    json!({"required": s.issue(issue).key(), "stance": stance.as_str()})
                }
            })
            .collect();
        json!({
            "parties": self.parties.iter().map(|&p| s.actor(p).key()).collect::<Vec<_>>(),
            "as_of": self.as_of.map(|d| d.to_string()),
            "claims": self.claims.len(),
            "feasible": self.feasible,
            "optimal": self.optimal,
            "complete": self.complete,
            "deals": deals,
            "pareto": self.pareto(),
            "proof": proof,
            "lower_bound": self.lower_bound.map(|b| u64::try_from(b).unwrap_or(u64::MAX)),
        })
    }
}
