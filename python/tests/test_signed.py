"""Signed graphs and structural balance from Python: SignedGraph built from
pandas, lists, the `balance --edges` CSV and scenarios; balance, triangles,
frustration, blockmodels and the balance report.

Oracles: the published figures of Read's Highland tribes (asserted by the
Rust tests in tests/it/balance.rs, frustration.rs and blockmodel.rs), the
frustration indices HiGHS proved optimal for the Correlates of War windows
(tests/data/cow_frustration_highs.csv), and, when the command-line program
is built, what `stancegraph balance` prints.
"""

import csv
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import stancegraph
from stancegraph import SignedGraph, ValidationError

pd = pytest.importorskip("pandas")

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
TRIBES = DATA / "highland_tribes.csv"
COW = DATA / "cow_signed_networks.csv"
ISTANBUL = ROOT / "examples" / "data" / "istanbul-talks.yaml"


# The command-line program, found as test_network finds it.
from test_network import CLI, needs_cli, run_cli  # noqa: E402,F401


@pytest.fixture(scope="module")
def tribes():
    return SignedGraph.from_pandas(pd.read_csv(TRIBES))


@pytest.fixture(scope="module")
def istanbul():
    return stancegraph.load(ISTANBUL)


def side(camps, node):
    return 0 if node in camps[0] else 1


# --- Highland tribes: the published figures --------------------------------------


def test_tribes_from_pandas(tribes):
    assert len(tribes) == 16
    assert len(tribes.edges) == 58
    assert sum(1 for _, _, s in tribes.edges if s > 0) == 29
    assert tribes.edges[0] == ("Gavev", "Kotun", 1)
    assert repr(tribes) == "<stancegraph.SignedGraph: 16 nodes, 58 ties (29 positive, 29 negative)>"
    assert tribes.period is None


def test_tribes_triangles_match_the_published_balance(tribes):
    t = tribes.triangles()
    assert t["+++"] + t["+--"] == 59
    assert t["total"] == 68
    assert abs(t["balance_ratio"] - 0.8676471) < 1e-7
    assert len(t["unbalanced"]) == t["++-"] + t["---"]
    edges = {frozenset((u, v)): s for u, v, s in tribes.edges}
    for a, b, c in t["unbalanced"]:
        signs = [edges[frozenset(p)] for p in [(a, b), (b, c), (a, c)]]
        assert signs.count(-1) % 2 == 1


def test_tribes_are_neither_balanced_nor_weakly_balanced(tribes):
    b = tribes.balance()
    assert b["balanced"] is False and b["camps"] is None
    cycle = b["cycle_edges"]
    assert len(cycle) == len(b["cycle"]) >= 3
    assert sum(1 for *_, s in cycle if s < 0) % 2 == 1
    w = tribes.weak_balance()
    assert w["balanced"] is False and w["negative_edge"][2] == -1
    assert abs(tribes.walk_balance() - 0.3575761) < 1e-7


def test_tribes_frustration_index_is_the_published_7(tribes):
    f = tribes.frustration()
    assert (f.value, f.lower_bound, f.edge_count) == (7, 7, 58)
    assert f.exact and f.gap == 0 and f.method == "exact" and not f.limit_reached
    assert abs(f.score - 0.7586207) < 1e-7
    camps = f.camps
    assert sorted(camps[0] + camps[1]) == sorted(tribes.nodes)
    assert set(camps[0]).isdisjoint(camps[1])
    assert len(f.frustrated_edges) == f.value
    # Exactly the frustrated edges are out of place between these camps.
    out_of_place = [
        (u, v, s) for u, v, s in tribes.edges if (s > 0) != (side(camps, u) == side(camps, v))
    ]
    assert sorted(out_of_place) == sorted(f.frustrated_edges)
    assert [t["edge"] for t in f.tensions] == f.frustrated_edges
    assert all(len(t["cycle"]) >= 3 for t in f.tensions)
    assert f.to_dict()["value"] == 7
    assert repr(f).startswith("<stancegraph.Frustration 7 of 58 ties (exact)")


def test_tribes_heuristic_and_time_limit(tribes):
    h = tribes.frustration(exact=False)
    assert h.method == "heuristic"
    assert h.lower_bound <= 7 <= h.value
    assert len(h.frustrated_edges) == h.value
    e = tribes.frustration(exact=True, time_limit=30)
    assert e.exact and e.value == 7
    with pytest.raises(ValueError, match="^time_limit: "):
        tribes.frustration(time_limit=-1)
    with pytest.raises(ValueError, match="^time_limit: "):
        tribes.frustration(time_limit=float("nan"))
    # More seconds than a clock can count is no limit, as `inf` (and as
    # `--time-limit 1e300`).
    for limit in (float("inf"), 1e300):
        assert tribes.frustration(time_limit=limit).exact


def test_tribes_blockmodels(tribes):
    two = tribes.blockmodel(2)
    assert two.exact and two.criterion == 3.5
    assert (two.negative_inside, two.positive_between) == (7, 0)
    assert len(two.misplaced) == 7
    assert two.camps[0] == ["Gavev", "Kotun", "Nagad", "Gama"]
    three = tribes.blockmodel(k=3, alpha=0.5)
    assert three.exact
    assert three.camps == [
        ["Gavev", "Kotun", "Nagad", "Gama"],
        ["Ove", "Alika", "Gahuk", "Asaro", "Masil", "Ukudz", "Geham"],
        ["Nagam", "Notoh", "Kohik", "Seuve", "Uheto"],
    ]
    assert three.positive_between == 2 and three.negative_inside == 0
    assert set(three.membership) == set(tribes.nodes)
    assert all(name in three.camps[c] for name, c in three.membership.items())
    assert str(three).startswith("3 camps, criterion 1 ")
    with pytest.raises(ValidationError, match="alpha") as e:
        tribes.blockmodel(2, alpha=1.5)
    assert e.value.problems[0]["field"] == "alpha"
    with pytest.raises(ValidationError, match="at least one camp"):
        tribes.blockmodel(0)


def test_tribes_report(tribes):
    r = tribes.report(camps=3)
    assert not r.balanced and not r.weakly_balanced
    assert abs(r.walk_balance - 0.3575761) < 1e-7
    assert r.frustration.value == 7 and r.blockmodel.k == 3 and r.polarization is None
    assert r.triangles["total"] == 68
    text = r.explain()
    assert text == str(r) == tribes.explain(camps=3)
    assert "Frustration index: 7 (exact, proven optimal)" in text
    doc = r.to_dict()
    # The report has the significance test (as the CLI's text); the JSON view not unless asked.
    assert doc == tribes.to_dict(camps=3, significance=True)
    assert {k: v for k, v in doc.items() if k != "significance"} == tribes.to_dict(camps=3)
    assert (doc["nodes"], doc["edges"], doc["balanced"]) == (16, 58, False)
    assert doc["frustration"]["value"] == 7 and doc["blockmodel"]["k"] == 3
    assert tribes.report().blockmodel is None


# --- the ways in -----------------------------------------------------------------


def test_the_three_readers_agree(tribes):
    rows = list(csv.DictReader(open(TRIBES, newline="", encoding="utf-8")))
    from_list = SignedGraph.from_edges([(r["source"], r["target"], int(r["sign"])) for r in rows])
    from_path = SignedGraph.read_edges(TRIBES)
    from_text = SignedGraph.read_edges(TRIBES.read_text(encoding="utf-8"))
    for g in [from_list, from_path, from_text]:
        assert g.nodes == tribes.nodes
        assert g.edges == tribes.edges
        assert g.frustration().value == 7


def test_signs_in_every_spelling():
    g = SignedGraph.from_edges(
        [("a", "b", "+"), ("b", "c", "negative"), ("c", "d", "positive"), ("d", "e", "-"),
         ("e", "f", -2.5), ("f", "g", "+1"), ("g", "h", 3)]
    )
    assert [s for *_, s in g.edges] == [1, -1, 1, -1, -1, 1, 1]
    df = pd.DataFrame({"from": ["x", "y"], "to": ["y", "z"], "tie": ["+", "-"]})
    h = SignedGraph.from_pandas(df, source="from", target="to", sign="tie")
    assert h.edges == [("x", "y", 1), ("y", "z", -1)]


def test_nodes_keep_their_order_and_isolated_ones():
    g = SignedGraph.from_edges([("b", "c", 1)], nodes=["a", "b", "c", "lonely"])
    assert g.nodes == ["a", "b", "c", "lonely"] and len(g) == 4
    f = g.frustration()
    assert sorted(f.camps[0] + f.camps[1]) == ["a", "b", "c", "lonely"]


def test_whole_numbers_are_node_names():
    df = pd.DataFrame({"source": [1, 2], "target": [2, 3], "sign": [1, -1]})
    g = SignedGraph.from_pandas(df)
    assert g.nodes == ["1", "2", "3"]


def test_bad_signs_name_every_row_and_the_field():
    df = pd.DataFrame({"source": ["a", "b", "c", "d"], "target": ["b", "c", "d", "e"], "sign": [1, "maybe", 0, None]})
    with pytest.raises(ValidationError) as e:
        SignedGraph.from_pandas(df)
    problems = e.value.problems
    assert [(p["record"], p["field"]) for p in problems] == [("rows[2]", "sign"), ("rows[3]", "sign"), ("rows[4]", "sign")]
    assert "not a sign: 'maybe'" in problems[0]["message"]
    assert str(e.value).splitlines()[0].startswith("frame: rows[2], field `sign`: not a sign")
    with pytest.raises(ValidationError, match=r"edges: rows\[1\], field `sign`"):
        SignedGraph.from_edges([("a", "b", True)])


def test_missing_column_is_named():
    df = pd.DataFrame({"source": ["a"], "target": ["b"], "polarity": [1]})
    with pytest.raises(ValidationError, match="no column `sign` in the frame") as e:
        SignedGraph.from_pandas(df)
    assert e.value.problems[0]["field"] == "sign" and e.value.problems[0]["record"] == "header"
    with pytest.raises(ValidationError, match="`tie`"):
        SignedGraph.from_pandas(df, sign="tie")


def test_weighted_multigraphs_from_pandas_and_edges():
    df = pd.DataFrame(
        {
            "source": ["USA", "Iraq", "USA", "Iraq", "USA"],
            "target": ["Iraq", "USA", "Iraq", "Iran", "Iran"],
            "sign": [1, 1, -1, -1, -1],
            "weight": [2.0, 1.0, None, 2.0, 0.5],
        }
    )
    g = SignedGraph.from_pandas(df, weight="weight")
    assert g.edges == [("USA", "Iraq", 1), ("USA", "Iraq", -1), ("Iraq", "Iran", -1), ("USA", "Iran", -1)]
    assert g.weights == [3.0, 1.0, 2.0, 0.5]
    assert g.total_weight == 6.5 and g.is_weighted
    assert g.ambivalent_pairs() == [("USA", "Iraq", 3.0, 1.0)]
    f = g.frustration()
    # USA and Iraq together (their dispute, 1, is out of place), Iran against both.
    assert f.exact and f.value == 1 and f.total_weight == 6.5
    assert f.frustrated_edges == [("USA", "Iraq", -1)]
    same = SignedGraph.from_edges([(a, b, s, w) for a, b, s, w in df.itertuples(index=False)])
    assert same.weights == g.weights
    d = g.distinct_pairs()
    assert d.weights == [1.0] * 4 and not d.is_weighted and d.frustration().value == 1
    report = g.to_dict()
    assert report["ambivalent_pairs"] == [{"source": "USA", "target": "Iraq", "positive": 3, "negative": 1}]
    assert "Ambivalent pairs (1;" in g.explain()


def test_bad_weights_are_named_by_row():
    with pytest.raises(ValidationError) as e:
        SignedGraph.from_edges([("a", "b", 1, 0), ("b", "c", 1, -2), ("c", "d", -1, "x"), ("d", "e", -1, -3)])
    rows = [(p["record"], p["field"]) for p in e.value.problems]
    assert rows == [("rows[1]", "weight"), ("rows[2]", "weight"), ("rows[3]", "weight")]
    assert "a negative weight on a positive tie" in str(e.value)
    df = pd.DataFrame({"source": ["a"], "target": ["b"], "sign": [1]})
    with pytest.raises(ValidationError, match="no column `w` in the frame"):
        SignedGraph.from_pandas(df, weight="w")


def test_ambivalent_pairs_survive_networkx():
    nx = pytest.importorskip("networkx")
    g = SignedGraph.from_edges([("a", "b", 1), ("a", "b", -1), ("b", "c", 1)])
    x = g.to_networkx()
    assert isinstance(x, nx.MultiGraph) and x.number_of_edges() == 3
    assert type(SignedGraph.from_edges([("a", "b", 1)]).to_networkx()) is nx.Graph


def test_the_librarys_own_row_problems_keep_their_messages():
    with pytest.raises(ValidationError, match=r"rows\[1\].*a node tied to itself"):
        SignedGraph.from_edges([("a", "a", -1)])
    with pytest.raises(ValidationError, match="missing node name"):
        SignedGraph.from_pandas(pd.DataFrame({"source": ["a", None], "target": ["b", "c"], "sign": [1, 1]}))


def test_read_edges_errors():
    with pytest.raises(FileNotFoundError):
        SignedGraph.read_edges(DATA / "no_such_edges.csv")
    with pytest.raises(ValidationError, match="sign"):
        SignedGraph.read_edges("source,target\na,b\n")
    with pytest.raises(ValidationError, match=r"<input>:3: rows\[2\], field `sign`"):
        SignedGraph.read_edges("source,target,sign\na,b,1\nb,c,zero\n")


def test_periods_give_a_dict_and_match_highs():
    graphs = SignedGraph.read_edges(COW)
    assert isinstance(graphs, dict) and len(graphs) == 51
    assert list(graphs)[0] == "46-49"
    highs = {r["period"]: r for r in csv.DictReader(open(DATA / "cow_frustration_highs.csv", newline=""))}
    assert set(highs) == set(graphs)
    # Frustration runs with the GIL released: the windows in parallel.
    picked = list(graphs)

    def solve(period):
        return period, graphs[period].frustration(exact=True)

    with ThreadPoolExecutor(max_workers=2) as pool:
        for period, f in pool.map(solve, picked):
            g, h = graphs[period], highs[period]
            assert (len(g), len(g.edges)) == (int(h["nodes"]), int(h["edges"]))
            assert f.exact and f.value == int(h["frustration"]), period
            assert g.period == period
    one = SignedGraph.read_edges(COW, period="46-49")
    assert one.period == "46-49" and one.edges == graphs["46-49"].edges
    with pytest.raises(ValueError, match="^period: no period `2030-33`") as caught:
        SignedGraph.read_edges(COW, period="2030-33")
    # The library's text (SignedGraph::find_period), as `balance --period` says it.
    listed = ", ".join(list(graphs)[:10])
    assert str(caught.value) == f"period: no period `2030-33` (its periods: {listed} and 41 more)"
    with pytest.raises(ValueError) as caught:
        SignedGraph.read_edges(TRIBES, period="1954")
    assert str(caught.value) == "period: no period `1954` (it has no periods)"
    two = "source,target,sign,period\nA,B,1,2018\nA,B,-1,2019\n"
    with pytest.raises(ValueError) as caught:
        SignedGraph.read_edges(two, period="2020")
    assert str(caught.value) == "period: no period `2020` (its periods: 2018, 2019)"


# --- out -------------------------------------------------------------------------


def test_to_pandas_and_networkx(tribes):
    nx = pytest.importorskip("networkx")
    df = tribes.to_pandas()
    assert list(df.columns) == ["source", "target", "sign", "weight"]
    assert len(df) == 58 and set(df["sign"]) == {1, -1} and (df["weight"] == 1).all()
    assert list(df.itertuples(index=False, name=None))[0] == ("Gavev", "Kotun", 1, 1.0)
    g = tribes.to_networkx()
    assert isinstance(g, nx.Graph)
    assert list(g.nodes) == tribes.nodes and g.number_of_edges() == 58
    assert g.edges["Gavev", "Kotun"]["sign"] == 1 and g.edges["Gavev", "Ove"]["sign"] == -1
    assert sum(1 for *_, d in g.edges(data=True) if d["sign"] < 0) == 29
    back = SignedGraph.from_edges([(u, v, d["sign"]) for u, v, d in g.edges(data=True)])
    assert back.frustration().value == 7


# --- scenarios -------------------------------------------------------------------


def test_scenario_stances_graph_has_the_founding_tension(istanbul):
    g = istanbul.signed_graph()
    assert not g.balance()["balanced"]
    f = g.frustration()
    assert f.value == 1 and f.exact
    text = g.explain()
    assert "Frustration index: 1 (exact, proven optimal)" in text
    tension = text[text.index("Out-of-place ties (1;"):]
    for needle in [
        "relation: excludes freeze-expansion, ukraine-joins-nato",
        "us and nato: one is a member of the other",
        "kellogg supports freeze-expansion",
        "\u201cWe will not compromise on Ukraine\u2019s right to join NATO",
    ]:
        assert needle in tension, needle
    types = {d.get("type") for _, d in g.to_networkx().nodes(data=True)}
    assert types == {"actor", "issue"}


def test_scenario_actor_graph_and_options(istanbul):
    g = istanbul.signed_graph("actors")
    assert "freeze-expansion" not in g.nodes and "us" in g.nodes
    r = g.report()
    assert r.polarization is not None and 0 <= r.polarization.q <= 1
    assert r.to_dict()["polarization"]["q"] == r.polarization.q
    speaker = istanbul.signed_graph("actors", attribution="speaker")
    # Kellogg's support for the freeze agrees with Russia's as his own
    # (speaker) or as the United States' (principal).
    assert ("russia", "kellogg", 1) in speaker.edges and ("russia", "kellogg", 1) not in g.edges
    assert ("us", "russia", 1) in g.edges and ("us", "russia", 1) not in speaker.edges
    early = istanbul.signed_graph(as_of="2025-01-01")
    assert len(early.edges) < len(istanbul.signed_graph().edges)
    with pytest.raises(ValueError, match="^graph: "):
        istanbul.signed_graph("issues")
    with pytest.raises(ValueError, match="^attribution: "):
        istanbul.signed_graph(attribution="bloc")


# --- what the command line prints ------------------------------------------------


@needs_cli
def test_scenario_report_equals_the_command_line(istanbul):
    assert istanbul.signed_graph().explain() == run_cli("balance", ISTANBUL)
    assert istanbul.signed_graph("actors").explain() == run_cli("balance", ISTANBUL, "--graph", "actors")
    expected = json.loads(run_cli("balance", ISTANBUL, "--graph", "actors", "--attribution", "speaker", "--format", "json"))
    assert istanbul.signed_graph("actors", attribution="speaker").to_dict() == expected


@needs_cli
def test_edge_list_report_equals_the_command_line():
    g = SignedGraph.read_edges(TRIBES)
    assert g.explain(camps=3) == run_cli("balance", "--edges", TRIBES, "--camps", "3")
    expected = json.loads(run_cli("balance", "--edges", TRIBES, "--camps", "2", "--alpha", "0.4", "--format", "json"))
    assert g.to_dict(camps=2, alpha=0.4) == expected
    one = SignedGraph.read_edges(COW, period="46-49")
    assert one.explain() == run_cli("balance", "--edges", COW, "--period", "46-49")


def test_integer_columns_with_gaps_and_one_str_of_nodes():
    pd = pytest.importorskip("pandas")
    # pandas makes an integer column with a gap float64: whole floats are the integers.
    frame = pd.DataFrame({"source": [1.0, 2.0], "target": [2, 3], "sign": [1, -1]})
    assert SignedGraph.from_pandas(frame).nodes == ["1", "2", "3"]
    gap = pd.DataFrame({"source": [1, 2, None], "target": [2, 3, 1], "sign": [1, -1, 1]})
    with pytest.raises(stancegraph.ValidationError) as caught:
        SignedGraph.from_pandas(gap)
    assert caught.value.problems[0]["message"] == "missing node name"
    assert (caught.value.problems[0]["record"], caught.value.problems[0]["field"]) == (
        "rows[3]", "source")
    with pytest.raises(ValueError, match="not one str"):
        SignedGraph.from_edges([("a", "b", 1)], nodes="abc")


def test_centrality():
    pd = pytest.importorskip("pandas")
    tribes = SignedGraph.read_edges(DATA / "highland_tribes.csv")
    c = tribes.centrality()
    assert c.nodes == tribes.nodes
    assert sum(c.positive_degree) + sum(c.negative_degree) == 2 * len(tribes.edges)
    assert all(x > 0 for x in c.pn_index) and c.pn_problem is None
    assert max(c.eigenvector) == 1.0 and c.eigenvalue is not None
    frame = c.to_pandas()
    assert list(frame.columns) == ["id", "positive_degree", "negative_degree", "pn_index",
                                   "eigenvector"]
    assert json.loads(c.to_json()) == c.to_dict()
    assert str(c).startswith("Signed centralities of 16 nodes (58 ties)")
    # A negative square: no eigenvalue dominates; said, not guessed.
    square = SignedGraph.from_edges([("a", "b", -1), ("b", "c", -1), ("c", "d", -1),
                                     ("d", "a", -1)])
    s = square.centrality()
    assert s.eigenvector is None and "no eigenvalue dominates" in s.eigenvector_problem
    assert frame.shape == (16, 5)
    assert square.centrality().to_pandas()["eigenvector"].isna().all()


@needs_cli
def test_centrality_is_the_clis():
    path = DATA / "highland_tribes.csv"
    tribes = SignedGraph.read_edges(path)
    assert tribes.centrality().to_json() == run_cli("centrality", path, "--edges", "--format",
                                                    "json")
    assert tribes.centrality().explain() == run_cli("centrality", path, "--edges")


def test_significance():
    tribes = SignedGraph.read_edges(DATA / "highland_tribes.csv")
    s = tribes.significance(samples=300, frustration_samples=20, seed=5)
    assert s.triangles["observed"] == tribes.triangles()["balance_ratio"]
    assert s.triangles["samples"] == 300 and s.frustration["samples"] == 20
    assert 0 < s.triangles["p_value"] <= 1 and s.frustration["seed"] == 5
    assert tribes.significance(samples=300, frustration_samples=20, seed=5).to_dict() == s.to_dict()
    assert json.loads(s.to_json()) == s.to_dict()
    assert "Triangle balance" in str(s)
    # A negative count is a ValueError naming it (as a bad --samples is named).
    with pytest.raises(ValueError, match="^samples: must be at least 0, got -1"):
        tribes.significance(samples=-1)
    with pytest.raises(ValueError, match="^frustration_samples: must be at least 0, got -2"):
        tribes.report(frustration_samples=-2)
    with pytest.raises(ValueError, match="^samples: "):
        tribes.explain(samples=-1, significance=False)
    # The report's text has it by default (as the CLI's), its JSON not unless asked.
    assert "with the signs shuffled" in tribes.explain()
    assert "with the signs shuffled" not in tribes.explain(significance=False)
    assert "significance" not in tribes.to_dict()
    assert "significance" in tribes.to_dict(significance=True)


def test_fit_pattern_finds_mediators():
    edges = [(f"c{a}", f"c{b}", 1 if (a < 3) == (b < 3) else -1)
             for a in range(6) for b in range(a + 1, 6)]
    edges += [(m, f"c{a}", 1) for m in ("m1", "m2") for a in range(6)] + [("m1", "m2", 1)]
    g = SignedGraph.from_edges(edges)
    fit = g.fit_pattern("+-+;-++;+++")
    assert fit.criterion == 0.0 and fit.exact
    assert fit.blocks[2] == ["m1", "m2"] and fit.block_of["m1"] == 2
    assert fit.misplaced == []
    assert json.loads(fit.to_json()) == fit.to_dict()
    assert str(fit).startswith("Blockmodel of pattern +-+;-++;+++ (3 blocks): criterion 0")
    # The balance pattern equals the Doreian–Mrvar blockmodel's criterion.
    tribes = SignedGraph.read_edges(DATA / "highland_tribes.csv")
    assert tribes.fit_pattern("+-;-+").criterion == pytest.approx(tribes.blockmodel(2).criterion)
    with pytest.raises(ValidationError, match="symmetric"):
        g.fit_pattern("+-;+-")
    with pytest.raises(ValueError, match="restarts"):
        g.fit_pattern("+-;-+", restarts=0)


def test_blockmodels_count_total_weight():
    # The Slovene parties of 1994: weights −25…+25, read as magnitudes.
    g = SignedGraph.read_edges(DATA / "slovene_parties_1994.csv")
    weight = {frozenset((s, t)): w for s, t, _, w in g.to_pandas().itertuples(index=False, name=None)}
    assert max(weight.values()) == 25.0
    for model in (g.blockmodel(2), g.blockmodel(3, alpha=0.3)):
        assert model.exact
        assert isinstance(model.negative_inside, float) and isinstance(model.positive_between, float)
        misplaced = sum(weight[frozenset((u, v))] for u, v, _ in model.misplaced)
        assert model.negative_inside + model.positive_between == misplaced
        assert model.criterion == pytest.approx(
            model.alpha * model.negative_inside + (1 - model.alpha) * model.positive_between)
    fit = g.fit_pattern("+-;-+")
    assert isinstance(fit.negative_in_positive, float) and isinstance(fit.positive_in_negative, float)
    assert fit.criterion == pytest.approx(g.blockmodel(2).criterion)
    assert fit.to_dict()["negative_in_positive"] == fit.negative_in_positive


@needs_cli
def test_balance_pattern_is_the_clis():
    path = DATA / "highland_tribes.csv"
    out = json.loads(run_cli("balance", path, "--edges", "--pattern", "+-+;-++;+++", "--format",
                             "json"))
    fit = SignedGraph.read_edges(path).fit_pattern("+-+;-++;+++")
    assert out["pattern_blockmodel"] == fit.to_dict()


def test_report_takes_the_balance_commands_pattern_and_shuffles(tribes):
    pattern = "+-+;-++;+++"
    doc = tribes.to_dict(pattern=pattern, alpha=0.4)
    assert doc["pattern_blockmodel"] == tribes.fit_pattern(pattern, alpha=0.4).to_dict()
    assert "pattern_blockmodel" not in tribes.to_dict()
    shuffled = tribes.report(samples=300, frustration_samples=20, seed=5)
    expected = tribes.significance(samples=300, frustration_samples=20, seed=5)
    assert shuffled.to_dict()["significance"] == expected.to_dict()
    assert "300 shuffles, seed 5" in shuffled.explain()
    assert "(1000 shuffles, seed" in tribes.explain()
    # The shuffles' options count only with the test, as the command's flags.
    assert tribes.to_json(samples=300) == tribes.to_json()
    assert json.loads(tribes.to_json(significance=True, samples=50, seed=9))["significance"] == (
        tribes.significance(samples=50, seed=9).to_dict()
    )
    with pytest.raises(ValidationError, match="symmetric"):
        tribes.explain(pattern="+-;+-")
    with pytest.raises(TypeError, match="campz"):
        tribes.to_dict(campz=3)


@needs_cli
def test_report_options_are_the_balance_commands():
    flags = ["--pattern", "+-+;-++;+++", "--alpha", "0.4", "--samples", "200",
             "--frustration-samples", "30", "--seed", "11"]
    g = SignedGraph.read_edges(TRIBES)
    options = dict(pattern="+-+;-++;+++", alpha=0.4, samples=200, frustration_samples=30, seed=11)
    assert g.explain(**options) == run_cli("balance", "--edges", TRIBES, *flags)
    expected = json.loads(run_cli("balance", "--edges", TRIBES, *flags, "--significance", "--format", "json"))
    assert g.to_dict(significance=True, **options) == expected


def test_scenario_ties_both_ways_are_ambivalent(istanbul):
    frame = pd.DataFrame(
        {
            "actor": ["a", "b", "a", "b", "a", "b"],
            "issue": ["x", "x", "y", "y", "z", "z"],
            "stance": ["support", "support", "support", "oppose", "oppose", "oppose"],
        }
    )
    s = stancegraph.Scenario.from_statements(frame)
    net = s.signed_graph("actors")
    both = s.signed_graph("actors", ties="both")
    assert net.edges == [("a", "b", 1)] and net.weights == [1.0]
    assert both.ambivalent_pairs() == [("a", "b", 2.0, 1.0)]
    assert both.frustration().value == 1
    assert "Ambivalent pairs (1;" in both.explain()
    assert not istanbul.signed_graph("actors", ties="both").ambivalent_pairs()
    with pytest.raises(ValueError, match="^ties: unknown ties `sometimes`"):
        istanbul.signed_graph(ties="sometimes")


def test_weights_survive_a_pandas_round_trip_and_bad_ones_are_named():
    np = pytest.importorskip("numpy")
    g = SignedGraph.from_edges([("a", "b", 1, 2.5), ("b", "c", -1, 3), ("a", "c", 1, 0.5), ("a", "b", -1)])
    back = SignedGraph.from_pandas(g.to_pandas())
    assert back.weights == g.weights == [2.5, 3.0, 0.5, 1.0]
    # Missing weights (None, NaN, pandas NA) weigh 1, as an empty cell does.
    df = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"], "sign": [1, -1], "w": [float("nan"), None]})
    assert SignedGraph.from_pandas(df, weight="w").weights == [1.0, 1.0]
    nullable = pd.DataFrame({"source": ["a"], "target": ["b"], "sign": [1], "w": pd.array([pd.NA], dtype="Float64")})
    assert SignedGraph.from_pandas(nullable, weight="w").weights == [1.0]
    with pytest.raises(ValidationError, match="rows\\[1\\], field `weight`"):
        SignedGraph.from_edges([("a", "b", 1, "nan")])
    with pytest.raises(ValidationError, match="a bool"):
        SignedGraph.from_edges([("a", "b", 1, np.True_)])
    with pytest.raises(ValidationError, match="the weights add up past the largest number"):
        SignedGraph.from_edges([("a", "b", 1, 1e308), ("b", "a", 1, 1e308)])
    assert "of weight 7 (4 ties)" in repr(g.frustration())
