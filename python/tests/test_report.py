"""The HTML report and the notebook display."""

import html
import re

import pytest

import stancegraph

from conftest import DATA
from test_network import needs_cli, run_cli


def test_report_html(founding):
    page = founding.report_html()
    assert page.startswith("<!DOCTYPE html>")
    assert "Istanbul ceasefire talks (June 2025)" in page
    assert "Keith Kellogg" in page
    assert "What a deal would take" in page
    assert "What a deal would take" not in founding.report_html(deals=0)
    since = founding.report_html(since="2025-05-01")
    assert "What changed since" in since


def test_notebook_display_is_the_report_in_an_iframe(founding):
    shown = founding._repr_html_()
    assert shown.startswith("<iframe srcdoc=\"")
    inner = shown[len("<iframe srcdoc=\""):shown.index("\" style=")]
    assert '"' not in inner and "<" not in inner
    assert html.unescape(inner) == founding.report_html()


def test_report_svg(founding):
    drawing = founding.report_svg()
    assert drawing.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    assert drawing.rstrip().endswith("</svg>")


def test_report_options_are_checked(founding):
    with pytest.raises(ValueError, match="max_actors: must be at least 1, got 0"):
        founding.report_html(max_actors=0)
    with pytest.raises(ValueError, match="max_actors: must be at least 1, got -1"):
        founding.report_html(max_actors=-1)
    with pytest.raises(stancegraph.ValidationError) as caught:
        founding.report_html(max_actors=500)
    assert caught.value.problems[0]["field"] == "max_actors"
    with pytest.raises(stancegraph.ValidationError):
        founding.report_html(as_of="2025-05-01", since="2025-06-01")


# --- the report of signed networks: an edge list, aggregated events ---

SAMPLE = DATA / "icews_events_2018-06-01_02.tab"


def test_events_report_shows_every_period_and_the_last_in_full():
    networks = stancegraph.aggregate_events(SAMPLE, window="day")
    page = networks.report_html(title="ICEWS sample")
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>ICEWS sample — signed network report</title>" in page
    assert "<strong>2018-06-02</strong> (shown)" in page
    last = networks.graphs()[-1]
    value = last.frustration().value
    assert f"Frustration index: {value:g} (exact, proven optimal)" in page
    for source, target, _, _ in last.ambivalent_pairs():
        assert f"{html.escape(source)} — {html.escape(target)}" in page
    assert page == networks.report_html(title="ICEWS sample"), "the same bytes"
    first = networks.report_svg(period="2018-06-01", max_nodes=10)
    assert first.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    assert "Signed network, 2018-06-01" in first
    assert first.count('<g class="node ') == 10


def test_signed_graph_report_of_an_edge_list():
    graph = stancegraph.SignedGraph.read_edges(DATA / "slovene_parties_1994.csv")
    page = graph.report_html(significance=False, time_limit=5)
    assert "Total weight" in page
    assert "with the signs shuffled" not in page
    assert "<svg" in page and "</svg>" in graph.report_svg()


def test_signed_report_options_are_checked():
    networks = stancegraph.aggregate_events(SAMPLE, window="day")
    with pytest.raises(stancegraph.ValidationError) as caught:
        networks.report_html(period="2019-01-01")
    assert caught.value.problems[0]["field"] == "period"
    with pytest.raises(ValueError, match="max_nodes"):
        networks.report_html(max_nodes=0)
    with pytest.raises(stancegraph.ValidationError) as caught:
        networks.report_svg(max_nodes=500)
    assert caught.value.problems[0]["field"] == "max_nodes"
    with pytest.raises(ValueError, match="time_limit"):
        networks.report_html(time_limit=-1)


# --- the report of several signed graphs: an edge list's periods ---

COW = DATA / "cow_signed_networks.csv"


@pytest.fixture(scope="module")
def cow():
    """The Correlates of War windows: a dict of 51 periods to signed graphs."""
    return stancegraph.SignedGraph.read_edges(COW)


def overview_rows(page):
    """The overview's rows as (period cell, nodes, ties)."""
    table = page[page.index('<table class="periods">'):]
    table = table[:table.index("</table>")]
    return re.findall(r'<th scope="row">(.*?)</th><td>([\d,]+)</td><td>([\d,]+)</td>', table)


def test_report_of_an_edge_lists_periods(cow):
    periods = list(cow)
    assert len(periods) == 51
    page = stancegraph.report_html(cow, title="Correlates of War", period="46-49",
                                   significance=False)
    assert page.startswith("<!DOCTYPE html>")
    assert "<title>Correlates of War — signed network report</title>" in page
    rows = overview_rows(page)
    assert [r[0] for r in rows] == ["<strong>46-49</strong> (shown)"] + periods[1:]
    for (_, nodes, ties), graph in zip(rows, cow.values()):
        assert (nodes, ties) == (f"{len(graph):,}", f"{len(graph.edges):,}")
    # A list of the graphs is the dict's values, in order: the same bytes.
    assert page == stancegraph.report_html(list(cow.values()), title="Correlates of War",
                                           period="46-49", significance=False)
    drawing = stancegraph.report_svg(cow, period="50-53", max_nodes=12)
    assert drawing.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')
    assert "Signed network, 50-53" in drawing
    assert drawing.count('<g class="node ') == 12


@needs_cli
def test_report_of_an_edge_list_equals_the_command_line(cow, tmp_path):
    out = tmp_path / "cow.html"
    run_cli("report", COW, "--edges", "--period", "46-49", "--no-significance", "-o", out)
    page = stancegraph.report_html(cow, title=COW.name, period="46-49", significance=False)
    assert page == out.read_text(encoding="utf-8")
    svg = tmp_path / "cow.svg"
    run_cli("report", COW, "--edges", "--max-nodes", "20", "--format", "svg", "-o", svg)
    assert stancegraph.report_svg(cow, max_nodes=20) == svg.read_text(encoding="utf-8")


WEIGHTED = "source,target,sign,weight,period\nA,B,1,3,1990\nB,C,-1,2,1990\nA,C,1,1.5,1991\nA,B,1,1,1991\n"


def test_report_of_graphs_counts_distinct_pairs_when_asked(tmp_path):
    graphs = stancegraph.SignedGraph.read_edges(WEIGHTED)
    page = stancegraph.report_html(graphs, distinct_pairs=True, significance=False)
    ones = [g.distinct_pairs() for g in graphs.values()]
    assert page == stancegraph.report_html(ones, significance=False)
    assert page != stancegraph.report_html(graphs, significance=False)
    assert "Total weight" not in page
    assert stancegraph.report_svg(graphs, distinct_pairs=True) == stancegraph.report_svg(ones)


@needs_cli
def test_distinct_pairs_equal_the_command_line(tmp_path):
    edges = tmp_path / "weighted.csv"
    edges.write_text(WEIGHTED, encoding="utf-8")
    out = tmp_path / "weighted.html"
    run_cli("report", edges, "--edges", "--distinct-pairs", "--no-significance", "-o", out)
    graphs = stancegraph.SignedGraph.read_edges(edges)
    page = stancegraph.report_html(graphs, title=edges.name, distinct_pairs=True, significance=False)
    assert page == out.read_text(encoding="utf-8")


def test_report_of_graphs_checks_its_arguments(cow):
    with pytest.raises(ValueError) as caught:
        stancegraph.report_html(cow, period="2030-33")
    listed = ", ".join(list(cow)[:10])
    # The library's text, as GraphReport::with_options words it (a ValidationError).
    assert str(caught.value) == (
        f"options, field `period`: no period `2030-33` (its periods: {listed} and 41 more)"
    )
    assert caught.value.problems[0]["field"] == "period"
    with pytest.raises(stancegraph.ValidationError) as caught:
        stancegraph.report_svg([])
    assert caught.value.problems[0]["field"] == "graphs"
    one = cow["46-49"]
    with pytest.raises(ValueError, match="^graphs: expected a list of SignedGraph.*got one SignedGraph"):
        stancegraph.report_html(one)
    with pytest.raises(ValueError, match="^graphs: .*got str$"):
        stancegraph.report_html("46-49")
    with pytest.raises(ValueError, match="^graphs: item 1 is a str, not a SignedGraph"):
        stancegraph.report_html([one, "50-53"])
    with pytest.raises(ValueError, match="^max_nodes: must be at least 1, got 0"):
        stancegraph.report_svg(cow, max_nodes=0)


def test_report_of_graphs_docstring_example_runs():
    import doctest

    from stancegraph import _reports

    result = doctest.testmod(_reports)
    assert (result.attempted, result.failed) == (5, 0)
    assert "report_html" in stancegraph.__all__ and "report_svg" in stancegraph.__all__
