"""Who agrees with whom: ties, camps, the overview, and what-if."""

import pytest

import stancegraph


def test_ties_by_principal(founding):
    ties = founding.ties(attribution="principal")
    assert repr(ties) == "<stancegraph.Ties: 14 agreement, 1 conflict>"
    us_russia = ties.between("us", "russia", "agreement")
    assert us_russia["weight"] == 2
    assert us_russia["explanation"].startswith(
        'United States and Russia agree: both support "NATO stops expanding eastward')
    freeze = us_russia["issues"][0]
    assert freeze["positions_a"] == ["kellogg-freeze", "trump-freeze"]
    assert ties.between("russia", "us", "agreement") == us_russia
    assert ties.between("us", "russia", "conflict") is None
    [conflict] = [t for t in ties if t["kind"] == "conflict"]
    assert {conflict["a"], conflict["b"]} == {"nato", "russia"}


def test_ties_by_speaker_do_not_join_kellogg_to_the_us(founding):
    ties = founding.ties(attribution="speaker")
    assert ties.between("kellogg", "russia", "agreement") is not None
    # Putin, not Russia, spoke on the ceasefire: as written, the US and Russia share nothing.
    assert ties.between("us", "russia", "agreement") is None
    assert ties.between("us", "putin", "agreement")["weight"] == 1


def test_ties_to_pandas(founding):
    pytest.importorskip("pandas")
    frame = founding.ties(attribution="principal").to_pandas()
    assert list(frame.columns) == ["a", "b", "kind", "weight", "issues", "explanation"]
    assert len(frame) == 15
    assert frame["kind"].value_counts().to_dict() == {"agreement": 14, "conflict": 1}


def test_camps(founding):
    camps = founding.camps("freeze-expansion", attribution="principal")
    assert [m["actor"] for m in camps["support"]] == ["us", "russia"]
    assert camps["support"][0] == {"actor": "us", "positions": ["kellogg-freeze", "trump-freeze"],
                                   "firmness": "negotiable", "conditional": True}
    assert camps["oppose"] == [] and camps["neutral"] == []
    with pytest.raises(KeyError):
        founding.camps("nothing")
    with pytest.raises(ValueError, match="attribution"):
        founding.camps("freeze-expansion", attribution="bloc-ish")


def test_overview(founding):
    text = founding.overview()
    assert text.startswith("Istanbul ceasefire talks (June 2025)\n17 actors, 6 issues")


def test_what_if(founding):
    hypothetical = founding.with_positions([
        {"actor": "us", "issue": "ukraine-joins-nato", "stance": "oppose", "date": "2025-06-01"}])
    assert len(hypothetical.positions) == 19
    change = hypothetical.what_if(founding)
    assert [c["kind"] for c in change["created"]] == ["member_vs_bloc"]
    assert change["created"][0]["positions"] == ["rutte-ukraine-nato", "us:ukraine-joins-nato"]
    assert change["resolved"] == []
    assert founding.what_if(hypothetical)["resolved"] == change["created"]
    with pytest.raises(stancegraph.ValidationError) as caught:
        founding.with_positions([{"actor": "usa", "issue": "ukraine-joins-nato",
                                  "stance": "oppose"}])
    assert caught.value.problems[0]["record"] == "positions[18]"
