"""The HTML report and the notebook display."""

import html

import pytest

import stancegraph

from conftest import DATA


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
