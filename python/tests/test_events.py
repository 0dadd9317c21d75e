"""Event data from Python: `read_events` and `aggregate_events` give the library's
results (the ICEWS sample's published facts), as pandas and pyarrow tables, the
command line's CSV, JSON and edge list, and one `SignedGraph` per period; bad rows
raise `ValidationError` naming the line and field."""

import json
from pathlib import Path

import pytest

import stancegraph as sg

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE = DATA / "icews_events_2018-06-01_02.tab"
PLOVER = DATA / "plover_gsr_cameo.json"


def test_read_events_keeps_codes_as_text_and_na_missing():
    frame = sg.read_events(SAMPLE)
    assert len(frame) == 3705
    assert list(frame.columns) == [
        "source", "source_country", "target", "target_country", "date", "code", "score", "quad",
    ]
    assert frame["code"].iloc[0] == "040"  # the leading zero is kept
    assert (frame["source_country"] == "").sum() > 0  # NA is missing (empty), not the text NA
    assert str(frame["date"].dtype).startswith("datetime64")
    assert set(frame["quad"]) == {
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
    }


def test_aggregate_events_gives_the_samples_facts():
    n = sg.aggregate_events(SAMPLE)
    assert n.counts == {
        "read": 3705, "aggregated": 1741, "self_dyads": 1596, "missing_side": 368, "missing_date": 0,
    }
    frame = n.to_pandas()
    assert list(frame.columns[:5]) == ["source", "target", "period", "events", "goldstein"]
    assert len(frame) == len(n) == 417
    top = frame.sort_values("events", ascending=False).head(2)
    assert list(zip(top["source"], top["target"], top["events"])) == [
        ("United States", "North Korea", 181),
        ("North Korea", "United States", 131),
    ]
    assert n.periods == ["all"]
    assert "1741 aggregated" not in repr(n) and "417 dyad-periods" in repr(n)


def test_pandas_agrees_with_a_groupby():
    pd = pytest.importorskip("pandas")
    raw = pd.read_csv(SAMPLE, sep="\t", dtype=str, keep_default_na=False)
    raw = raw[(raw["Source Country"] != "NA") & (raw["Target Country"] != "NA")]
    raw = raw[raw["Source Country"] != raw["Target Country"]]
    raw["Intensity"] = raw["Intensity"].astype(float)
    expected = (
        raw.groupby(["Event Date", "Source Country", "Target Country"])["Intensity"]
        .agg(["size", "sum"])
        .reset_index()
    )
    n = sg.aggregate_events(SAMPLE, window="day").to_pandas()
    assert len(n) == len(expected)
    merged = n.merge(
        expected,
        left_on=["period", "source", "target"],
        right_on=["Event Date", "Source Country", "Target Country"],
    )
    assert len(merged) == len(n)
    assert (merged["events"] == merged["size"]).all()
    assert ((merged["goldstein"] - merged["sum"]).abs() < 1e-9).all()


def test_arrow_csv_json_and_edges_are_the_clis():
    pa = pytest.importorskip("pyarrow")
    n = sg.aggregate_events(SAMPLE, window="week", directed=False)
    table = n.to_arrow()
    assert isinstance(table, pa.Table)
    assert table.num_rows == len(n) == 273
    assert n.to_csv().startswith("source,target,period,events,goldstein,")
    assert "2018-W22" in n.to_csv()
    assert json.loads(n.to_json()) == n.to_dict()
    assert n.to_dict()["window"] == "week"
    graphs = sg.SignedGraph.read_edges(n.to_edges())
    assert list(graphs) == ["2018-W22"]
    assert len(graphs["2018-W22"].edges) == len(n.graphs()[0].edges)


def test_graphs_per_period():
    n = sg.aggregate_events(SAMPLE, window="day")
    graphs = n.graphs()
    assert [g.period for g in graphs] == ["2018-06-01", "2018-06-02"]
    assert all(isinstance(g, sg.SignedGraph) for g in graphs)
    assert all(g.is_weighted for g in graphs)
    # Directed A→B and B→A of opposite signs make ambivalent pairs.
    assert sum(len(g.ambivalent_pairs()) for g in graphs) > 0
    assert graphs[0].frustration().value >= 0


def test_plover_and_delimited_tables(tmp_path):
    n = sg.aggregate_events(PLOVER, level="actor")
    assert n.counts["read"] >= 322
    table = tmp_path / "events.csv"
    table.write_text("who;whom;cameo\nA;B;036\nB;A;173\nA;A;010\n")
    n = sg.aggregate_events(table, level="actor", delimiter=";", source="who", target="whom", code="cameo")
    assert n.counts["self_dyads"] == 1
    assert list(n.to_pandas()["sign"]) == [1, -1]  # A→B cooperates, B→A threatens
    frame = sg.read_events(table, delimiter=";", source="who", target="whom", code="cameo")
    assert list(frame["quad"]) == ["verbal_cooperation", "material_conflict", "verbal_cooperation"]


def test_bad_rows_and_bad_arguments(tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("source,target,date,score\na,b,2018-02-30,1\na,b,2018-01-01,x\n")
    with pytest.raises(sg.ValidationError) as e:
        sg.aggregate_events(table, level="actor")
    lines = [(p["line"], p["field"]) for p in e.value.problems]
    assert lines == [(2, "date"), (3, "score")]
    with pytest.raises(ValueError):
        sg.aggregate_events(SAMPLE, window="fortnight")
    with pytest.raises(ValueError):
        sg.aggregate_events(SAMPLE, level="state")
    with pytest.raises(ValueError):
        sg.aggregate_events(table)  # the country level needs country columns
    with pytest.raises(FileNotFoundError):
        sg.read_events(tmp_path / "missing.tab")


@pytest.mark.parametrize("tab", ["\\t", "tab", "\t"])
def test_delimiter_words_are_the_command_lines(tmp_path, tab):
    # A tab-separated table under a .txt name (not told from the name): `\t` (the two
    # characters) and `tab`, as `--delimiter` takes them, or the tab character itself.
    table = tmp_path / "events.txt"
    table.write_text("who\twhom\tcameo\nA\tB\t036\nB\tA\t173\nA\tC\t190\n")
    n = sg.aggregate_events(table, level="actor", delimiter=tab, source="who", target="whom",
                            code="cameo")
    assert n.to_pandas()[["source", "target", "sign"]].values.tolist() == [
        ["A", "B", 1], ["A", "C", -1], ["B", "A", -1],
    ]
    frame = sg.read_events(table, delimiter=tab, source="who", target="whom", code="cameo")
    assert list(frame["code"]) == ["036", "173", "190"]


@pytest.mark.parametrize("bad", ["", "ab", "TAB", "\\s", "é"])
def test_other_delimiters_are_refused_in_the_command_lines_words(bad):
    with pytest.raises(ValueError) as caught:
        sg.read_events(SAMPLE, delimiter=bad)
    assert str(caught.value) == "delimiter: expected one ASCII character, or \\t"
