"""Diff: two versions of a case, or one case between two days."""

import json

import pytest

import stancegraph
from conftest import SMALL


def test_two_versions(small):
    newer = stancegraph.Scenario.from_yaml(SMALL + """
  - {id: us-join, actor: us, issue: join, stance: oppose, date: 2025-06-01}
""")
    diff = small.diff(newer)
    assert bool(diff)
    assert diff.positions["added"] == ["us-join"]
    assert diff.summary["positions"] == {"added": 1, "removed": 0, "changed": 0}
    assert json.loads(diff.to_json()) == diff.to_dict()
    assert str(diff).splitlines()[0]
    assert not small.diff(small)
    back = newer.diff(small)
    assert back.positions["removed"] == ["us-join"]


def test_two_days(founding):
    diff = founding.diff(from_="2025-05-01", to="2025-06-01")
    assert diff.summary["positions"]["added"] == 18
    assert diff.summary["contradictions"] == {"new": 4, "resolved": 0}
    assert len(diff.contradictions["new"]) == 4
    assert repr(diff) == "<stancegraph.ScenarioDiff: Changes from 2025-05-01 to 2025-06-01>"
    assert not founding.diff(from_="2025-06-01", to="2025-06-02")


def test_bad_calls(small):
    with pytest.raises(TypeError, match="another version"):
        small.diff()
    with pytest.raises(TypeError, match="not both"):
        small.diff(small, from_="2025-01-01", to="2025-02-01")
    with pytest.raises(ValueError, match="from_: 2025-03-01 is after"):
        small.diff(from_="2025-03-01", to="2025-02-01")
