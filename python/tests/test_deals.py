"""Deals: the cheapest sets of withdrawn claims, with the verdict and proof."""

import json

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
    assert founding.deals(as_of="2025-05-29").as_of == "2025-05-29"
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
