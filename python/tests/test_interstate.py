"""Dyadic panels of interstate relations: read_interstate and InterstatePanel.

Oracles: the fixture files (a cut of ATOP, GML MID and COW in tests/data/interstate) read row by
row with the csv module; the files the example and the command write, byte for byte; the
frustration index by brute force over every 2-colouring of each year's graph.
"""

import csv
import itertools
from collections import defaultdict
from pathlib import Path

import pytest

import stancegraph as sg

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "interstate"
ALLIANCES = DATA / "atop_alliance_dyad_year.csv"
DISPUTES = DATA / "gml_mid_directed_dispute_year.csv"
STATES = DATA / "cow_states.csv"

ALLIES_COLUMNS = ["ccode1", "ccode2", "name1", "name2", "year", "disputes"]
BALANCE_COLUMNS = [
    "year", "states", "positive", "negative", "ambivalent", "frustration", "lower_bound", "exact",
]


@pytest.fixture(scope="module")
def panel():
    return sg.read_interstate(ALLIANCES, DISPUTES, states=STATES)


def pair(row):
    a, b = int(row["ccode1"]), int(row["ccode2"])
    return int(row["year"]), min(a, b), max(a, b)


def oracle():
    """Allied pair-years and the disputes of each pair-year, from the csv module."""
    with open(ALLIANCES, newline="") as f:
        allied = {pair(r) for r in csv.DictReader(f)}
    disputes = defaultdict(set)
    with open(DISPUTES, newline="") as f:
        for r in csv.DictReader(f):
            disputes[pair(r)].add(int(r["dispnum"]))
    return allied, disputes


def test_years_and_graphs(panel):
    allied, disputes = oracle()
    assert panel.years == sorted({y for y, _, _ in allied | set(disputes)})
    assert len(panel) == 12
    assert "12 years with a tie, 1926–1983" in repr(panel)
    g = panel.graph(1974)
    assert isinstance(g, sg.SignedGraph)
    assert panel.states(1974) == sorted({c for y, a, b in allied | set(disputes) if y == 1974 for c in (a, b)})
    assert "GRC" in g.nodes and "TUR" in g.nodes
    assert panel.name(350) == "Greece" and panel.name(999) is None
    with pytest.raises(KeyError, match="no ties in 1950"):
        panel.graph(1950)


def test_allies_in_conflict_match_the_files(panel):
    allied, disputes = oracle()
    frame = panel.allies_in_conflict()
    assert list(frame.columns) == ALLIES_COLUMNS
    expected = sorted(k for k in allied if k in disputes)
    got = [(r.year, r.ccode1, r.ccode2) for r in frame.itertuples()]
    assert got == expected
    for r in frame.itertuples():
        assert r.disputes == sorted(disputes[(r.year, r.ccode1, r.ccode2)])
    greece_turkey = frame[(frame.ccode1 == 350) & (frame.ccode2 == 640)]
    assert list(greece_turkey.year) == [1974, 1975, 1976, 1978, 1981, 1982, 1983]
    assert set(greece_turkey.name1) == {"Greece"} and set(greece_turkey.name2) == {"Turkey"}


def brute_force(g):
    nodes = list(g.nodes)
    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[a], index[b], s) for a, b, s in g.edges]
    best = len(edges)
    for camps in itertools.product([0, 1], repeat=len(nodes) - 1):
        side = (0,) + camps
        best = min(best, sum((side[a] == side[b]) != (s > 0) for a, b, s in edges))
    return best


def test_balance_by_year_is_proven_and_matches_brute_force(panel):
    allied, disputes = oracle()
    frame = panel.balance_by_year()
    assert list(frame.columns) == BALANCE_COLUMNS
    assert list(frame.year) == panel.years
    assert frame.exact.all()
    assert (frame.frustration == frame.lower_bound).all()
    for r in frame.itertuples():
        pos = {k for k in allied if k[0] == r.year}
        neg = {k for k in disputes if k[0] == r.year}
        assert (r.positive, r.negative, r.ambivalent) == (len(pos), len(neg), len(pos & neg))
        assert r.frustration == brute_force(panel.graph(r.year))
    assert panel.balance_by_year(threads=1).equals(frame)


def test_write_gives_the_commands_bytes(panel, tmp_path):
    summary = panel.write(tmp_path)
    assert summary.startswith("Allies in militarized disputes: 23 pair-years of 9 pairs.")
    assert summary == panel.summary()
    written = (tmp_path / "allies_in_conflict.csv").read_text()
    assert written.splitlines()[0] == ",".join(ALLIES_COLUMNS)
    assert "\n350,640,Greece,Turkey,1974,1292;1293;2173\n" in written
    balance = (tmp_path / "balance_by_year.csv").read_text()
    assert balance.splitlines()[0] == ",".join(BALANCE_COLUMNS)
    assert balance.splitlines()[-1] == "1983,9,18,8,3,5,5,true"
    panel.write(tmp_path, format="json")
    import json

    rows = json.loads((tmp_path / "allies_in_conflict.json").read_text())
    assert len(rows) == 23 and rows[3]["disputes"] == [1292, 1293, 2173]
    with pytest.raises(ValueError, match="format"):
        panel.write(tmp_path, format="xml")
    assert panel.write(tmp_path, top=1) == panel.summary(1) != summary


def test_the_panel_as_one_edge_list_reads_back_as_every_years_graph(panel, tmp_path):
    panel.write(tmp_path)
    edges = panel.to_edges()
    assert (tmp_path / "signed_networks.csv").read_text() == edges
    assert edges.startswith("source,target,sign,weight,period\n")
    graphs = sg.SignedGraph.read_edges(tmp_path / "signed_networks.csv")
    assert list(graphs) == [str(y) for y in panel.years]
    frame = panel.balance_by_year()
    for r in frame.itertuples():
        g, original = graphs[str(r.year)], panel.graph(r.year)
        assert sorted(g.nodes) == sorted(original.nodes)
        assert len(g.edges) == len(original.edges)
        assert g.frustration().value == r.frustration


def test_bad_rows_name_file_line_and_field(tmp_path):
    alliances = tmp_path / "a.csv"
    alliances.write_text("ccode1,ccode2,year\n2,20,1990\n2,x,1990\n3,3,1991\n")
    disputes = tmp_path / "d.csv"
    disputes.write_text("dispnum,ccode1,year\n")
    with pytest.raises(sg.ValidationError) as info:
        sg.read_interstate(alliances, disputes)
    problems = info.value.problems
    assert [(Path(p["file"]).name, p["line"], p["field"]) for p in problems] == [
        ("a.csv", 3, "ccode2"),
        ("a.csv", 4, "ccode2"),
        ("d.csv", None, "ccode2"),
    ]
    assert "a state paired with itself" in problems[1]["message"]
    with pytest.raises(FileNotFoundError):
        sg.read_interstate(tmp_path / "missing.csv", disputes)


def test_without_state_names_states_are_labelled_by_code(tmp_path):
    panel = sg.read_interstate(ALLIANCES, DISPUTES)
    assert "350" in panel.graph(1974).nodes
    frame = panel.allies_in_conflict()
    assert frame.name1.isna().all()
    assert "state 350 and state 640" in panel.summary()
