"""Contradictions: the founding case, filters, the shapes (objects, pandas, JSON)."""

import datetime
import json
import threading

import pytest

import stancegraph


def test_founding_contradictions(founding):
    found = founding.contradictions()
    assert len(found) == 4
    assert [c.kind for c in found] == ["member_vs_bloc", "member_vs_bloc", "deadlock", "deadlock"]
    assert {c.severity for c in found} == {"critical"}
    offer = found[0]
    assert offer.conditional is True
    assert offer.actors == ["nato", "us"]
    assert offer.positions == ["kellogg-freeze", "rutte-ukraine-nato"]
    assert offer.issues == ["freeze-expansion", "ukraine-joins-nato"]
    assert offer.bloc == "nato"
    assert offer.start == datetime.date(2025, 5, 29) and offer.end is None
    assert "United States is a member of NATO since 1949-04-04" in offer.explanation
    assert str(offer) == offer.explanation
    steps = [s["step"] for s in offer.reasoning]
    assert steps.count("position") == 2 and steps.count("speaks_for") == 2
    assert "membership" in steps and "excludes" in steps
    assert offer.reasoning[0]["quote"].startswith("“That’s one of the issues")
    assert offer.conditions == [{"position": "kellogg-freeze", "issue": "full-ceasefire",
                                 "text": None}]


def test_filters(founding):
    assert [c.kind for c in founding.contradictions(kinds="deadlock")] == ["deadlock"] * 2
    assert len(founding.contradictions(kinds=["deadlock", "member_vs_bloc"])) == 4
    assert len(founding.contradictions(min_severity="critical")) == 4
    assert len(founding.contradictions(as_of="2025-05-01")) == 0
    assert len(founding.contradictions(as_of=datetime.date(2025, 6, 2))) == 4
    assert len(founding.contradictions(max_per_group=1)) < 4
    capped = founding.contradictions(max_per_group=1)
    assert capped.truncated and capped.truncated[0]["found"] > capped.truncated[0]["reported"]
    assert capped.summary == capped.to_dict()["summary"]


def test_bad_arguments_name_themselves(founding):
    with pytest.raises(ValueError, match=r"kinds: .*deadlok.*self_contradiction"):
        founding.contradictions(kinds="deadlok")
    with pytest.raises(ValueError, match=r"min_severity: .*severe"):
        founding.contradictions(min_severity="severe")
    with pytest.raises(ValueError, match=r"as_of: .*2025-13-01"):
        founding.contradictions(as_of="2025-13-01")
    with pytest.raises(ValueError, match="as_of: expected a date"):
        founding.contradictions(as_of=3.5)
    with pytest.raises(ValueError, match="max_per_group"):
        founding.contradictions(max_per_group=0)


def test_sequence_protocol(founding):
    found = founding.contradictions()
    assert [c.positions for c in found[1:3]] == [found[1].positions, found[2].positions]
    assert found[-1].kind == "deadlock"
    with pytest.raises(IndexError):
        found[4]
    assert repr(found) == "<stancegraph.Contradictions: 4 contradictions>"
    assert str(found).startswith("4 contradictions\n\nmember vs bloc (2)")


def test_json_is_the_clis(founding):
    found = founding.contradictions()
    text = found.to_json()
    assert text.endswith("}\n")
    data = json.loads(text)
    assert data == found.to_dict()
    assert data["summary"] == found.summary
    assert found.summary["by_kind"] == {"deadlock": 2, "member_vs_bloc": 2}
    assert [found[i].to_dict() for i in range(4)] == data["contradictions"]


def test_to_pandas(founding):
    pd = pytest.importorskip("pandas")
    frame = founding.contradictions().to_pandas()
    assert list(frame.columns[:7]) == ["kind", "severity", "conditional", "actors", "positions",
                                       "issues", "explanation"]
    assert list(frame.columns[7:]) == ["bloc", "start", "end"]
    assert len(frame) == 4
    assert frame["conditional"].tolist() == [True, True, False, False]
    assert frame["actors"][0] == ["nato", "us"]
    assert frame["start"][0] == pd.Timestamp("2025-05-29")
    assert frame["kind"].value_counts().to_dict() == {"member_vs_bloc": 2, "deadlock": 2}


def test_results_outlive_their_scenario():
    found = stancegraph.Scenario.from_yaml("""
actors: [{id: a, name: A, kind: state}]
issues: [{id: x, name: X}, {id: y, name: Y}]
relations: [{kind: excludes, issues: [x, y]}]
positions:
  - {actor: a, issue: x, stance: support}
  - {actor: a, issue: y, stance: support}
""").contradictions()
    first = found[0]
    del found
    import gc

    gc.collect()
    assert first.kind == "self_contradiction"
    assert "These cannot all hold" in first.explanation


def test_threads_share_a_scenario(founding):
    """The check releases the GIL; threads on one scenario agree."""
    results = []

    def check():
        results.append(founding.contradictions().to_json())

    threads = [threading.Thread(target=check) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and len(set(results)) == 1


def test_oracle_self_contradictions_on_chains():
    """A chain x0 implies x1 implies … xn with support for x0 and opposition to xk:
    exactly one self-contradiction per opposed issue, naming both positions."""
    n = 6
    issues = [{"id": f"x{i}", "name": f"X{i}"} for i in range(n)]
    relations = [{"kind": "implies", "issues": [f"x{i}", f"x{i + 1}"]} for i in range(n - 1)]
    positions = [{"id": "p0", "actor": "a", "issue": "x0", "stance": "support"}]
    positions += [{"id": f"o{k}", "actor": "a", "issue": f"x{k}", "stance": "oppose"}
                  for k in (2, 5)]
    s = stancegraph.Scenario.from_dict({
        "actors": [{"id": "a", "name": "A", "kind": "state"}],
        "issues": issues, "relations": relations, "positions": positions})
    found = s.contradictions()
    assert sorted(tuple(c.positions) for c in found) == [("o2", "p0"), ("o5", "p0")]
    assert all(c.kind == "self_contradiction" for c in found)
    implies = [step for step in found[0].reasoning if step["step"] == "implies"]
    assert len(implies) in (2, 5)


MIXED = """
actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}, {id: c, name: C, kind: state}]
issues: [{id: x, name: X}, {id: y, name: Y}, {id: z, name: Z}]
relations: [{kind: excludes, issues: [x, y]}, {kind: excludes, issues: [y, z]}]
positions:
  - {id: ax, actor: a, issue: x, stance: support, firmness: red_line}
  - {id: ay, actor: a, issue: y, stance: support, firmness: firm}
  - {id: bz, actor: b, issue: z, stance: support, firmness: negotiable}
  - {id: by, actor: b, issue: y, stance: support, firmness: firm}
  - {id: cx, actor: c, issue: x, stance: support, firmness: firm}
  - {id: cy, actor: c, issue: y, stance: support, firmness: firm}
"""


def test_min_severity_on_mixed_severities():
    s = stancegraph.Scenario.from_yaml(MIXED)
    every = s.contradictions()
    severities = sorted(c.severity for c in every)
    assert severities == ["critical", "high", "medium"]
    assert [c.severity for c in s.contradictions(min_severity="critical")] == ["critical"]
    assert sorted(c.severity for c in s.contradictions(min_severity="high")) == [
        "critical", "high"]
    assert len(s.contradictions(min_severity="medium")) == 3
    assert len(s.contradictions(min_severity="HIGH")) == 2  # keywords in any case


def test_the_check_releases_the_gil():
    """While a long check runs in a thread, Python code keeps running."""
    positions = [{"actor": f"a{i % 400}", "issue": f"x{i % 97}",
                  "stance": "support" if i % 3 else "oppose"} for i in range(60_000)]
    s = stancegraph.Scenario.from_dict({
        "actors": [{"id": f"a{i}", "name": f"A{i}", "kind": "state"} for i in range(400)],
        "issues": [{"id": f"x{i}", "name": f"X{i}"} for i in range(97)],
        "relations": [{"kind": "excludes", "issues": [f"x{i}", f"x{i + 1}"]} for i in range(96)],
        "positions": positions})
    ticks = []
    done = threading.Event()

    def check():
        for _ in range(3):
            s.contradictions()
        done.set()

    worker = threading.Thread(target=check)
    start = __import__("time").perf_counter()
    worker.start()
    while not done.is_set():
        ticks.append(1)
        __import__("time").sleep(0.001)
    worker.join()
    elapsed = __import__("time").perf_counter() - start
    # Held GIL: the loop could not run until the check ended (a handful of ticks at most).
    assert elapsed < 0.05 or len(ticks) >= 10, (elapsed, len(ticks))


def test_hostile_arguments():
    s = stancegraph.Scenario.from_yaml(MIXED)
    found = s.contradictions()
    with pytest.raises(IndexError):
        found[2 ** 70]
    with pytest.raises(TypeError):
        found[True]
    with pytest.raises(ValueError, match="max_per_group: must be at least 1, got -1"):
        s.contradictions(max_per_group=-1)
    with pytest.raises(ValueError, match="as_of"):
        s.contradictions(as_of=float("nan"))
    np = pytest.importorskip("numpy")
    assert len(s.contradictions(as_of=np.datetime64("2030-01-01"))) == 3
    pd = pytest.importorskip("pandas")
    assert len(s.contradictions(as_of=pd.Timestamp("2030-01-01"))) == 3
    with pytest.raises(ValueError, match="as_of"):
        s.contradictions(as_of=pd.NaT)


def test_items_compare_within_their_check(founding):
    found = founding.contradictions()
    assert found[0] == found[0] and found[0] != found[1]
    assert found[3] in found and len(set(found)) == 4
    assert founding.contradictions()[0] != found[0]  # another check's
