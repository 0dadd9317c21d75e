"""The HTML report and the notebook display."""

import html

import pytest

import stancegraph


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
