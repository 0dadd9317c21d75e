"""Discourse networks from Python: Scenario.network, network_windows,
polarization, and the Network result.

Oracles: the figures DNA's own test suite asserts on its sample (which the
Rust tests in tests/it/networks.rs assert too), and, when the command-line
program is built, the very bytes `stancegraph network` writes.
"""

import csv
import datetime
import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

import stancegraph
from stancegraph import Network, Scenario, ValidationError

ROOT = Path(__file__).resolve().parents[2]
ISTANBUL = ROOT / "examples" / "data" / "istanbul-talks.yaml"
DNA_CSV = ROOT / "tests" / "data" / "dna_sample_statements.csv"
EPA = "Environmental Protection Agency"


def cli():
    """The `stancegraph` program, if built (STANCEGRAPH_CLI, the target
    directories, or the PATH); None otherwise."""
    candidates = [os.environ.get("STANCEGRAPH_CLI")]
    for target in [os.environ.get("CARGO_TARGET_DIR"), ROOT / "target"]:
        if target:
            candidates += [Path(target) / "debug" / "stancegraph", Path(target) / "release" / "stancegraph"]
    candidates.append(shutil.which("stancegraph"))
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return str(c)
    return None


CLI = cli()
needs_cli = pytest.mark.skipif(
    CLI is None,
    reason="the stancegraph program is not built (cargo build --features cli; or set STANCEGRAPH_CLI)",
)


def run_cli(*args):
    out = subprocess.run([CLI, *map(str, args)], capture_output=True, check=True)
    return out.stdout.decode("utf-8")


def dna_sample_dict():
    """DNA's sample statements as a scenario dict, read as the library's
    statements importer reads them in the Rust tests: organisations as
    actors, their people speaking for them, the concept as the issue,
    agreement 1/0 as support/oppose, the document as the source."""
    actors, issues, positions, persons = {}, {}, [], {}
    with open(DNA_CSV, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            org, person, concept = row["organization"], row["person"], row["concept"]
            actors.setdefault(org, {"id": org, "name": org, "kind": "organization"})
            persons.setdefault(person, {"id": person, "name": person, "kind": "person", "speaks_for": org})
            issues.setdefault(concept, {"id": concept, "name": concept})
            positions.append(
                {
                    "id": row["statement_id"],
                    "actor": person,
                    "issue": concept,
                    "stance": {"1": "support", "0": "oppose"}[row["agreement"]],
                    "date": row["date"][:10],
                    "quote": row["text"],
                    "source": {"title": row["document_title"]},
                }
            )
    return {
        "actors": list(actors.values()) + list(persons.values()),
        "issues": list(issues.values()),
        "positions": positions,
    }


@pytest.fixture(scope="module")
def istanbul():
    return stancegraph.load(ISTANBUL)


@pytest.fixture(scope="module")
def dna():
    s = Scenario.from_dict(dna_sample_dict())
    assert len(s.positions) == 40 and len(s.issues) == 6
    return s


# --- DNA's figures on its sample ---------------------------------------------


def test_two_mode_ignore_is_7_by_6_with_sum_40(dna):
    n = dna.network("affiliation", "ignore", level="principal")
    assert n.shape == (7, 6)
    assert n.matrix.shape == (7, 6)
    assert n.sum == 40 and n.matrix.sum() == 40
    assert n.non_zero_count == 22
    assert n.position_count == 40
    assert not n.is_one_mode


def test_one_mode_ignore_is_7_by_7_with_sum_276_and_the_epa_row(dna):
    n = dna.network(mode="actor", type="ignore", level="principal")
    m = n.matrix
    assert m.shape == (7, 7) and m.dtype == np.float64
    assert m.sum() == 276
    epa = n.row_labels.index(EPA)
    assert list(m[epa, :2]) == [10, 2]
    assert n.column_labels[:2] == ["Alliance to Save Energy", "Energy and Environmental Analysis, Inc."]
    assert np.count_nonzero(m) == 42
    assert (np.diag(m) == 0).all()
    assert (m == m.T).all()
    assert n.value(EPA, "Alliance to Save Energy") == 10


def test_congruence_with_average_normalisation_sums_to_26(dna):
    n = dna.network("actor", "congruence", normalize="average", level="principal")
    assert round(n.sum) == 26
    assert n.normalization == "average" and n.type == "congruence"


def test_duplicates_per_document_keep_23_statements(dna):
    n = dna.network("affiliation", "ignore", level="principal", duplicates="document")
    assert n.position_count == 23
    assert n.sum == 23


def test_congruence_and_conflict_add_up_to_ignore(dna):
    get = lambda t: dna.network("actor", t, level="principal").matrix  # noqa: E731
    ignore, congruence, conflict, subtract = map(get, ["ignore", "congruence", "conflict", "subtract"])
    assert (congruence + conflict == ignore).all()
    assert (congruence - conflict == subtract).all()


def test_normalisation_names_take_dashes_or_underscores(dna):
    a = dna.network("actor", "congruence", normalize="dna-jaccard", level="principal")
    b = dna.network("actor", "congruence", normalize="dna_jaccard", level="principal")
    assert a.normalization == b.normalization == "dna_jaccard"
    assert (a.matrix == b.matrix).all()
    assert 0 <= a.matrix.min() and a.matrix.max() <= 1


def test_time_windows_cover_the_range_in_order(dna):
    windows = dna.network_windows(7, 7, "affiliation", "ignore", level="principal")
    assert len(windows) == 4  # weeks starting 2005-01-26, 02-02, 02-09, 02-16
    assert all(isinstance(w, Network) for w in windows)
    assert sum(w.sum for w in windows) == 40
    assert windows[0].span[0] == datetime.date(2005, 1, 26)
    starts = [w.span[0] for w in windows]
    assert starts == sorted(starts)
    assert windows[1].span[0] - windows[0].span[0] == datetime.timedelta(days=7)
    with pytest.raises(ValidationError):
        dna.network_windows(0, 7)


def test_dates_filter_positions(dna):
    everything = dna.network("affiliation", level="principal")
    january = dna.network("affiliation", level="principal", from_="2005-01-01", to=datetime.date(2005, 1, 31))
    assert 0 < january.position_count < everything.position_count
    assert january.span == (datetime.date(2005, 1, 1), datetime.date(2005, 1, 31))


# --- the Network object ---------------------------------------------------------


def test_to_pandas_is_labelled_square_or_rectangular(dna):
    one = dna.network("actor", "subtract", level="principal")
    df = one.to_pandas()
    assert df.shape == (7, 7)
    assert list(df.index) == one.row_labels and list(df.columns) == one.column_labels
    assert (df.to_numpy() == one.matrix).all()
    assert df.loc[EPA, "Alliance to Save Energy"] == one.value(EPA, "Alliance to Save Energy")
    two = dna.network("affiliation", "subtract", level="principal").to_pandas()
    assert two.shape == (7, 6)
    assert set(two.columns) == {i.id for i in dna.issues}


def test_matrix_is_a_fresh_writable_array(istanbul):
    n = istanbul.network("actor", "congruence")
    m = n.matrix
    m[0, 0] = 99.0
    assert n.matrix[0, 0] == 0.0


def test_to_networkx_one_mode_has_weighted_edges(dna):
    nx = pytest.importorskip("networkx")
    n = dna.network("actor", "subtract", level="principal")
    g = n.to_networkx()
    assert list(g.nodes) == n.row_labels
    assert g.number_of_edges() == len(n.edges()) == np.count_nonzero(np.triu(n.matrix))
    back = nx.to_numpy_array(g, nodelist=n.row_labels, weight="weight")
    assert (back == n.matrix).all()
    for u, v, data in g.edges(data=True):
        assert data["sign"] == (1 if data["weight"] > 0 else -1)
    assert g.nodes[EPA]["type"] == "actor"


def test_to_networkx_affiliation_is_bipartite(dna):
    nx = pytest.importorskip("networkx")
    n = dna.network("affiliation", "ignore", level="principal")
    g = n.to_networkx()
    actors = {v for v, d in g.nodes(data=True) if d["bipartite"] == 0}
    issues = {v for v, d in g.nodes(data=True) if d["bipartite"] == 1}
    assert actors == set(n.row_labels) and issues == set(n.column_labels)
    assert nx.is_bipartite(g)
    assert g.number_of_edges() == n.non_zero_count == 22
    assert sum(d["weight"] for _, _, d in g.edges(data=True)) == 40


def test_to_json_is_the_exported_document(istanbul):
    n = istanbul.network("actor", "congruence", normalize="average", level="principal")
    doc = n.to_dict()
    assert doc == json.loads(n.export("json"))
    assert doc["rows"] == n.row_labels and doc["type"] == "congruence"
    assert np.allclose(np.array(doc["matrix"]), n.matrix)
    assert doc["positions"] == n.position_count


def test_repr_and_attributes(istanbul):
    n = istanbul.network("actor", "congruence", normalize="average", level="principal")
    text = repr(n)
    assert text.startswith("<stancegraph.Network actor × actor (congruence, average, level principal): 8×8")
    assert n.mode == "actor" and n.level == "principal" and n.duplicates == "include"
    assert len(n) == 8 and n.labels == n.row_labels
    assert n.row_names[n.row_labels.index("us")] == "United States"
    with pytest.raises(KeyError):
        n.value("us", "atlantis")


def test_exports_are_text_in_every_format(istanbul, tmp_path):
    n = istanbul.network("actor", "subtract", level="principal")
    assert n.export("csv").splitlines()[0] == "," + ",".join(n.column_labels)
    assert n.export("edges").startswith("source,target,weight,sign\n")
    assert n.export("graphml").startswith("<?xml")
    assert n.export("dot").lstrip().startswith("graph")
    assert "<svg" in n.export("svg") and n._repr_svg_() == n.export("svg")
    n.save(tmp_path / "n.graphml")
    assert (tmp_path / "n.graphml").read_text(encoding="utf-8") == n.export("graphml")
    with pytest.raises(ValueError, match="format"):
        n.export("xlsx")


def test_filters_include_and_exclude(istanbul):
    full = istanbul.network("actor", "ignore", level="principal")
    some = istanbul.network("actor", "ignore", level="principal", include_actors=["us", "nato", "russia"])
    assert set(some.row_labels) <= {"us", "nato", "russia"}
    without = istanbul.network("actor", "ignore", level="principal", exclude_actors="us")
    assert "us" in full.row_labels and "us" not in without.row_labels
    issues = istanbul.network("affiliation", include_issues=["freeze-expansion"])
    assert issues.column_labels == ["freeze-expansion"]
    assert "freeze-expansion" not in istanbul.network("affiliation", exclude_issues=["freeze-expansion"]).column_labels


def test_bad_options_name_the_argument(istanbul):
    with pytest.raises(ValueError, match="^mode: .*affiliation"):
        istanbul.network("network")
    with pytest.raises(ValueError, match="^normalize: "):
        istanbul.network(normalize="tanimoto")
    with pytest.raises(ValueError, match="^from_: "):
        istanbul.network(from_="2025-02-30")
    with pytest.raises(ValueError, match="^include_actors: "):
        istanbul.network(include_actors=[1, 2])
    # A type that does not apply to the mode: the library's own problem.
    with pytest.raises(ValidationError, match="does not apply to this mode") as e:
        istanbul.network("affiliation", "congruence")
    assert e.value.problems[0]["section"] == "options"
    with pytest.raises(ValidationError, match="normalization does not apply"):
        istanbul.network("actor", normalize="activity")


def test_polarization_of_the_actor_network(istanbul, dna):
    p = istanbul.polarization(level="principal")
    assert 0 <= p.q <= 1 and p.exact
    camps = p.clusters
    assert len(camps) == 2 and set(camps[0]).isdisjoint(camps[1])
    principals = istanbul.network("actor", level="principal").row_labels
    assert sorted(camps[0] + camps[1]) == sorted(principals)
    assert str(p).startswith(f"polarization Q = {p.q:.4f}")
    assert p.to_dict()["q"] == p.q
    q = dna.polarization(level="principal")
    assert len(q.clusters[0]) + len(q.clusters[1]) == 7


# --- byte for byte what the command line writes ---------------------------------


@needs_cli
@pytest.mark.parametrize("fmt", ["csv", "graphml", "dot", "json", "edges", "svg"])
@pytest.mark.parametrize(
    "options, flags",
    [
        ({}, []),
        (
            {"mode": "actor", "type": "congruence", "normalize": "average", "level": "principal"},
            ["--mode", "actor", "--type", "congruence", "--normalize", "average", "--level", "principal"],
        ),
        (
            {"mode": "affiliation", "type": "combine", "from_": "2025-05-01", "exclude_actors": ["us"]},
            ["--mode", "affiliation", "--type", "combine", "--from", "2025-05-01", "--exclude-actor", "us"],
        ),
        (
            {"mode": "issue", "type": "subtract", "normalize": "dna-cosine"},
            ["--mode", "issue", "--type", "subtract", "--normalize", "dna-cosine"],
        ),
    ],
)
def test_exports_equal_the_command_line(istanbul, options, flags, fmt):
    n = istanbul.network(**options)
    assert n.export(fmt) == run_cli("network", ISTANBUL, *flags, "--format", fmt)


@needs_cli
def test_dna_sample_csv_equals_the_command_line_on_the_statements(dna):
    # The command reads the statements table itself; the scenario here was
    # built from the same rows in Python: the matrices must agree.
    expected = run_cli(
        "network", DNA_CSV,
        "--actor-col", "organization", "--issue-col", "concept", "--stance-col", "agreement",
        "--speaker-col", "person", "--level", "principal",
    )
    assert dna.network(level="principal").export("csv") == expected
    assert expected.splitlines()[[l.split(",")[0] for l in expected.splitlines()].index(EPA)].startswith(f"{EPA},10,2,")


@needs_cli
def test_windows_equal_the_command_line(dna, tmp_path):
    scenario = tmp_path / "dna.json"
    scenario.write_text(dna.dumps("json"), encoding="utf-8")
    out = tmp_path / "windows"
    subprocess.run(
        [CLI, "network", scenario, "--mode", "affiliation", "--level", "principal",
         "--window-days", "7", "--step-days", "7", "-o", out],
        capture_output=True, check=True,
    )
    windows = dna.network_windows(7, 7, "affiliation", level="principal")
    for w in windows:
        name = f"window-{w.span[0]}-{w.span[1]}.csv"
        assert (out / name).read_text(encoding="utf-8") == w.export("csv")
    assert len(list(out.iterdir())) == len(windows)
