"""Deals: the cheapest sets of withdrawn claims, with the verdict and proof."""

import datetime
import json
import pickle

import pytest

import stancegraph


def test_founding_deals(founding):
    deals = founding.deals()
    assert isinstance(deals, list) and isinstance(deals, stancegraph.Deals)
    assert deals.feasible and deals.optimal and deals.complete
    assert len(deals) == 2
    first = deals[0]
    assert isinstance(first, stancegraph.Deal)
    assert first.cost == {"red_line": 1, "firm": 0, "negotiable": 0}
    assert [c["actor"] for c in first.concessions] == ["nato"]
    assert first.concessions[0]["positions"] == ["rutte-ukraine-nato"]
    assert first.by_party == {"nato": {"red_line": 1, "firm": 0, "negotiable": 0}}
    assert first.parties == ["nato"]
    assert deals.parties == ["us", "uk", "france", "germany", "nato", "russia", "ukraine"]
    assert str(deals).startswith("Deals among United States")
    assert repr(deals) == "<stancegraph.Deals: 2 deals, optimal>"


def test_kept_parties_prove_no_deal(founding):
    deals = founding.deals(keep=["nato", "russia"])
    assert len(deals) == 0 and not deals.feasible
    assert {"kept": "nato:ukraine-joins-nato:support"} in deals.proof
    assert "No deal exists" in deals.explain()


def test_options(founding):
    only_russia = founding.deals(keep="nato")
    assert all(set(d.by_party) <= {"russia", "us", "uk", "france", "germany", "ukraine"}
               for d in only_russia)
    required = founding.deals(require={"ukraine-joins-nato": "support"})
    assert all(c["actor"] != "nato" for d in required for c in d.concessions)
    assert founding.deals(require=[("ukraine-joins-nato", "support")]).to_json() == \
        required.to_json()
    assert len(founding.deals(max=1)) == 1
    assert founding.deals(as_of="2025-05-29").as_of == datetime.date(2025, 5, 29)
    flat = founding.deals(weights=(1, 1, 1))
    assert flat.feasible and [d.weight for d in flat] == sorted(d.weight for d in flat)
    assert [d.weight for d in founding.deals()] == sorted(d.weight for d in founding.deals())
    assert founding.deals(time_limit=5.0).complete


def test_errors(founding):
    with pytest.raises(stancegraph.ValidationError) as caught:
        founding.deals(parties=["us", "nobody"])
    [problem] = caught.value.problems
    assert (problem["record"], problem["field"]) == ("options", "parties[1]")
    with pytest.raises(ValueError, match="require"):
        founding.deals(require={"ukraine-joins-nato": "perhaps"})
    with pytest.raises(ValueError, match="time_limit"):
        founding.deals(time_limit=-1.0)


def test_json_and_wcnf(founding):
    deals = founding.deals()
    data = json.loads(deals.to_json())
    assert data == deals.to_dict()
    assert [d.to_dict() for d in deals] == data["deals"]
    assert data["claims"] == deals.claims == 16
    wcnf = deals.to_wcnf()
    assert any(line.startswith("h ") or line.startswith("p wcnf") for line in wcnf.splitlines())


def test_a_time_limit_stops_a_large_search():
    """A negotiation far too large to finish in 0.05 s comes back with the best deal proven
    so far, a lower bound, and says it stopped."""
    issues = [{"id": f"i{k}", "name": f"I{k}"} for k in range(300)]
    relations = [{"kind": "excludes", "issues": [f"i{k}", f"i{(k * 7 + 3) % 300}"]}
                 for k in range(300) if k != (k * 7 + 3) % 300]
    actors = [{"id": f"p{a}", "name": f"P{a}", "kind": "state"} for a in range(30)]
    positions = [{"actor": f"p{a}", "issue": f"i{(a * 37 + k * 11) % 300}", "stance": "support",
                  "firmness": ["negotiable", "firm", "red_line"][(a + k) % 3]}
                 for a in range(30) for k in range(20)]
    s = stancegraph.Scenario.from_dict({"actors": actors, "issues": issues,
                                        "relations": relations, "positions": positions})
    stopped = s.deals(time_limit=0.05, max=1)
    assert stopped.feasible and len(stopped) == 1
    if not stopped.optimal:  # (a very fast machine may prove it: then it is optimal)
        assert not stopped.complete
        assert stopped.lower_bound is not None and stopped.lower_bound <= stopped[0].weight
    far = s.deals(time_limit=float("inf"), max=1)
    assert far.optimal and far.lower_bound is None
    with pytest.raises(ValueError, match="time_limit"):
        s.deals(time_limit=float("nan"))
    # A limit too far away to be a deadline is no limit, not a crash.
    assert len(s.deals(time_limit=1e19, max=1)) == 1


def test_deals_pickle_as_a_list(founding):
    deals = founding.deals()
    again = pickle.loads(pickle.dumps(deals))
    assert again == list(deals) and again[0].cost == deals[0].cost


def test_counts_are_checked(founding):
    with pytest.raises(ValueError, match="max: must be at least 1, got -1"):
        founding.deals(max=-1)
    with pytest.raises(ValueError, match="weights"):
        founding.deals(weights=(-1, 1, 1))
