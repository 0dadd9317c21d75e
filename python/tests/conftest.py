"""Shared fixtures: the repository's own data (no ../shared needed)."""

import pathlib

import pytest

import stancegraph

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data"
FOUNDING = EXAMPLES / "data" / "istanbul-talks.yaml"
CASE = EXAMPLES / "cases" / "istanbul"


@pytest.fixture(scope="session")
def founding():
    """The founding scenario: the Istanbul talks report, typed."""
    return stancegraph.load(FOUNDING)


SMALL = """
title: Small
actors:
  - {id: us, name: United States, kind: state, member_of: [nato]}
  - {id: nato, name: NATO, kind: alliance}
  - {id: russia, name: Russia, kind: state}
  - {id: kellogg, name: Keith Kellogg, kind: person, speaks_for: us}
issues:
  - {id: freeze, name: NATO stops expanding eastward}
  - {id: join, name: Ukraine joins NATO}
relations:
  - {kind: excludes, issues: [freeze, join]}
positions:
  - {id: kf, actor: kellogg, issue: freeze, stance: support, firmness: negotiable, date: 2025-05-29,
     quote: "That's one of the issues that Russia will bring up"}
  - {id: rf, actor: russia, issue: freeze, stance: support, firmness: red_line, date: 2025-05-29}
  - {id: nj, actor: nato, issue: join, stance: support, firmness: red_line, date: 2025-05-30}
"""


@pytest.fixture()
def small():
    """A small scenario with one member-bloc contradiction and one deadlock."""
    return stancegraph.Scenario.from_yaml(SMALL)
