"""Scenarios: loading (files, case folders, text, dicts), the records, errors."""

import datetime
import json

import pytest

import stancegraph
from conftest import CASE, FOUNDING, SMALL


def test_founding_scenario_loads_with_its_records(founding):
    assert founding.title == "Istanbul ceasefire talks (June 2025)"
    assert (len(founding.actors), len(founding.issues), len(founding.relations),
            len(founding.positions)) == (17, 6, 4, 18)
    us = founding.actors["us"]
    assert (us.name, us.kind) == ("United States", "state")
    assert "nato" in us.member_of
    kellogg = founding.actors["kellogg"]
    assert kellogg.speaks_for == "us"
    position = founding.positions["kellogg-freeze"]
    assert (position.actor, position.principal, position.stance, position.firmness) == (
        "kellogg", "us", "support", "negotiable")
    assert position.date == datetime.date(2025, 5, 29)
    assert position.condition == "full-ceasefire"
    assert "Russia will bring up" in position.quote
    assert founding.files == [str(FOUNDING)]


def test_sequences_index_like_python(founding):
    actors = founding.actors
    assert actors[-1].id == list(actors)[-1].id
    assert [a.id for a in actors][:2] == [actors[0].id, actors[1].id]
    assert "us" in actors and "nobody" not in actors and 3 not in actors
    with pytest.raises(IndexError):
        actors[len(actors)]
    with pytest.raises(KeyError, match="nobody"):
        actors["nobody"]
    with pytest.raises(TypeError):
        actors[1.5]
    assert repr(actors) == "<stancegraph.Actors: 17 actors>"
    relation = founding.relations[0]
    assert relation.kind in {"implies", "excludes", "equivalent", "incompatible"}
    assert all(i in founding.issues for i in relation.issues)


def test_to_pandas_tables(founding):
    pd = pytest.importorskip("pandas")
    positions = founding.positions.to_pandas()
    assert list(positions.columns) == ["id", "actor", "principal", "issue", "stance", "firmness",
                                       "condition", "date", "until", "source", "quote", "note",
                                       "file"]
    assert len(positions) == 18
    assert pd.api.types.is_datetime64_any_dtype(positions["date"])
    row = positions.set_index("id").loc["kellogg-freeze"]
    assert (row["principal"], row["stance"]) == ("us", "support")
    assert row["date"] == pd.Timestamp("2025-05-29")
    actors = founding.actors.to_pandas()
    assert list(actors.columns[:4]) == ["id", "name", "kind", "aliases"]
    assert actors.set_index("id").loc["us", "member_of"] == ["nato"]
    assert len(founding.issues.to_pandas()) == 6
    assert list(founding.relations.to_pandas().columns) == ["kind", "issues", "note"]


def test_case_folder_is_the_single_file(founding):
    case = stancegraph.load(CASE)
    assert len(case.files) == 4
    assert [p.id for p in case.positions] == [p.id for p in founding.positions]
    assert [(c.kind, c.positions) for c in case.contradictions()] == [
        (c.kind, c.positions) for c in founding.contradictions()]
    # Explanations name the file a position was coded in.
    assert "coded in statements-2025-05-29.yaml" in case.contradictions()[0].explanation
    assert case.positions["kellogg-freeze"].file.endswith("statements-2025-05-29.yaml")
    assert [s.id for s in case.sources] == ["report"]


def test_text_and_dict_round_trips(small):
    for fmt, reader in [("yaml", stancegraph.Scenario.from_yaml),
                        ("json", stancegraph.Scenario.from_json),
                        ("toml", stancegraph.Scenario.from_toml)]:
        assert reader(small.dumps(fmt)) == small
    data = small.to_dict()
    assert data["positions"][0]["actor"] == "kellogg"
    assert stancegraph.Scenario.from_dict(data) == small
    # Dates as datetime.date objects are accepted.
    data["positions"][0]["date"] = datetime.date(2025, 5, 29)
    assert stancegraph.Scenario.from_dict(data) == small
    with pytest.raises(ValueError, match="format"):
        small.dumps("xml")


def test_save_and_load(tmp_path, small):
    path = tmp_path / "small.json"
    small.save(path)
    assert json.loads(path.read_text())["title"] == "Small"
    assert stancegraph.load(str(path)) == small
    assert stancegraph.Scenario.load(path) == small


def test_validation_error_names_file_record_and_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SMALL.replace("actor: russia,", "actor: rusia,"))
    with pytest.raises(stancegraph.ValidationError) as caught:
        stancegraph.load(bad)
    error = caught.value
    assert isinstance(error, ValueError)
    [problem] = error.problems
    assert problem["file"] == str(bad)
    assert problem["record"] == "positions[1] (rf)"
    assert problem["field"] == "actor"
    assert problem["line"] == 16
    assert "unknown actor `rusia`" in problem["message"]
    assert "did you mean `russia`" in problem["message"]
    assert str(error).startswith(f"{bad}:16: positions[1] (rf), field `actor`")
    assert {"file", "record", "field", "line", "message"} <= set(problem)


def test_every_problem_is_listed():
    with pytest.raises(stancegraph.ValidationError) as caught:
        stancegraph.Scenario.from_yaml(
            "positions: [{actor: x, issue: y, stance: suport}]")
    fields = [p["field"] for p in caught.value.problems]
    assert fields == ["actor", "issue", "stance"]
    assert "did you mean `support`" in caught.value.problems[2]["message"]


def test_syntax_errors_are_validation_errors_with_a_line():
    with pytest.raises(stancegraph.ValidationError) as caught:
        stancegraph.Scenario.from_json('{"actors": [}')
    [problem] = caught.value.problems
    assert problem["line"] == 1
    assert problem["record"] is None


def test_pickled_validation_error_keeps_its_problems():
    import pickle

    with pytest.raises(stancegraph.ValidationError) as caught:
        stancegraph.Scenario.from_yaml("actors: [{id: a, name: A, kind: nation}]")
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.problems == caught.value.problems and str(again) == str(caught.value)


def test_os_and_value_errors(tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        stancegraph.load(tmp_path / "missing.yaml")
    assert caught.value.filename == str(tmp_path / "missing.yaml")
    (tmp_path / "notes.txt").write_text("hello")
    with pytest.raises(ValueError, match="cannot tell the format"):
        stancegraph.load(tmp_path / "notes.txt")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ValueError, match="holds no scenario file"):
        stancegraph.load(empty)


def test_quotes_are_checked_against_their_source_text(tmp_path):
    (tmp_path / "article.txt").write_text("Kellogg said: “That’s one of the issues.”\n")
    case = tmp_path / "case.yaml"
    case.write_text("""
sources: [{id: art, title: Article, file: article.txt}]
actors: [{id: k, name: Kellogg, kind: person}]
issues: [{id: f, name: Freeze}]
positions:
  - {actor: k, issue: f, stance: support, source: art, quote: "That's one of the issues"}
  - {actor: k, issue: f, stance: support, source: art, quote: "We never said that", date: 2025-01-01}
""")
    with pytest.raises(stancegraph.ValidationError) as caught:
        stancegraph.load(case)
    [problem] = caught.value.problems
    assert (problem["record"], problem["field"]) == ("positions[1]", "quote")
    draft = stancegraph.load(case, quote_check=False)
    assert len(draft.positions) == 2


def test_repr(founding):
    assert repr(founding) == ("<stancegraph.Scenario \"Istanbul ceasefire talks (June 2025)\": "
                              "17 actors, 6 issues, 4 relations, 18 positions>")
    assert repr(founding.positions["kellogg-freeze"]).startswith("<Position kellogg-freeze")


def test_from_dict_converts_dates_and_refuses_what_is_not_a_value():
    import pickle

    base = {"actors": [{"id": "a", "name": "A", "kind": "state"}],
            "issues": [{"id": "x", "name": "X"}],
            "positions": [{"actor": "a", "issue": "x", "stance": "support",
                           "date": datetime.datetime(2025, 5, 29)}]}
    s = stancegraph.Scenario.from_dict(base)
    assert s.positions[0].date == datetime.date(2025, 5, 29)
    pd = pytest.importorskip("pandas")
    base["positions"][0]["date"] = pd.Timestamp("2025-05-29")
    assert stancegraph.Scenario.from_dict(base) == s
    base["positions"][0]["date"] = datetime.datetime(2025, 5, 29, 13, 30)
    with pytest.raises(TypeError, match="a day, not a time of day"):
        stancegraph.Scenario.from_dict(base)
    base["positions"][0]["date"] = "2025-05-29"
    base["actors"][0]["id"] = object()
    with pytest.raises(TypeError, match="not a value of a scenario"):
        stancegraph.Scenario.from_dict(base)
    base["actors"][0]["id"] = float("nan")
    with pytest.raises(ValueError, match=r"actors\[0\]\.id: nan"):
        stancegraph.Scenario.from_dict(base)
    with pytest.raises(TypeError, match="expected a dict"):
        stancegraph.Scenario.from_dict([1, 2])
    assert pickle.loads(pickle.dumps(s)) == s


def test_overview_is_the_show_command(founding):
    text = founding.overview()
    assert text.startswith("Istanbul ceasefire talks (June 2025)\n17 actors, 6 issues")
    assert founding.overview(attribution="speaker") != text


def test_records_compare_as_the_same_record(founding):
    assert founding.actors[0] == founding.actors["us"] or founding.actors[0].id != "us"
    assert founding.actors["us"] == founding.actors["us"]
    assert founding.actors["us"] != founding.actors["nato"]
    assert founding.positions[0] in list(founding.positions)
    assert len({founding.issues[0], founding.issues[0], founding.issues[1]}) == 2
    other = stancegraph.load(FOUNDING)
    assert other.actors["us"] != founding.actors["us"]  # another scenario's record
