"""The readers: statements (CSV file and tables in memory), DNA databases and roll-call votes.

Oracles: the statements CSV read row by row with the csv module; the rDNA reference figures
(tests/data/SOURCE.md) recomputed from the positions; the agreement counts by brute force over
the votes file; the matrices' CSV rendered here from those counts.
"""

import csv
import datetime
import functools
import warnings
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

import stancegraph as sg

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
STATEMENTS = DATA / "dna_sample_statements.csv"
DNA = DATA / "dna_sample.dna"
VOTES_SAMPLE = DATA / "un_votes_sample.csv"
VOTES_2019 = DATA / "un_votes_2019.csv"
ROLL_CALLS_2019 = DATA / "un_roll_calls_2019.csv"
FULL_VOTES = ROOT.parent / "shared" / "data" / "unvotes" / "un_votes.csv"

# The columns of the DNA sample's CSV export, as the Rust tests read them (tests/common/mod.rs).
DNA_COLUMNS = dict(
    actor="organization",
    issue="concept",
    stance="agreement",
    date="date",
    speaker="person",
    quote="text",
    source="document_title",
    id="statement_id",
)


def rows_of(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def position_tuples(scenario):
    return [
        (p.id, p.actor, p.principal, p.issue, p.stance, p.date, p.quote, p.source)
        for p in scenario.positions
    ]


# --------------------------------------------------------------------------- statements


def test_statements_file_holds_every_row_as_the_csv_says():
    s = sg.read_statements(STATEMENTS, **DNA_COLUMNS)
    rows = rows_of(STATEMENTS)
    assert len(s.positions) == len(rows) == 40
    by_key = {p.id: p for p in s.positions}
    for row in rows:
        p = by_key[row["statement_id"]]
        assert p.actor == row["person"]
        assert p.principal == row["organization"]
        assert p.issue == row["concept"]
        assert p.stance == {"1": "support", "0": "oppose"}[row["agreement"]]
        assert p.date == datetime.date.fromisoformat(row["date"][:10])
        assert p.quote == row["text"].strip()
        assert p.source == row["document_title"]
    assert {a.id for a in s.actors} >= {r["organization"] for r in rows}


def test_a_dataframe_a_pyarrow_table_and_a_dict_give_the_files_scenario():
    pd = pytest.importorskip("pandas")
    from_file = sg.read_statements(STATEMENTS, **DNA_COLUMNS)
    frame = pd.read_csv(STATEMENTS)
    assert frame["agreement"].dtype.kind == "i"  # stances as integers
    frame["date"] = pd.to_datetime(frame["date"])  # datetime64
    assert sg.Scenario.from_statements(frame, **DNA_COLUMNS) == from_file
    # Dates as datetime.date objects, and as ISO texts.
    as_dates = frame.assign(date=frame["date"].dt.date)
    assert sg.Scenario.from_statements(as_dates, **DNA_COLUMNS) == from_file
    columns = {k: [r[k] for r in rows_of(STATEMENTS)] for k in rows_of(STATEMENTS)[0]}
    assert sg.Scenario.from_statements(columns, **DNA_COLUMNS) == from_file
    assert position_tuples(sg.Scenario.from_statements(columns, **DNA_COLUMNS)) == position_tuples(
        from_file
    )
    pa_csv = pytest.importorskip("pyarrow.csv")
    table = pa_csv.read_csv(STATEMENTS)  # dates as timestamps, agreement as int64
    assert str(table.schema.field("date").type).startswith("timestamp")
    assert sg.Scenario.from_statements(table, **DNA_COLUMNS) == from_file


def test_table_cells_missing_values_and_floats():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "actor": ["us", "ru", "nato"],
            "issue": ["freeze", "freeze", "join"],
            "stance": [1.0, 0.0, np.nan],  # a float column because of the NaN
            "date": pd.to_datetime(["2022-03-01", None, "2022-03-03"]),
        }
    )
    with pytest.raises(sg.ValidationError) as e:
        sg.Scenario.from_statements(frame, date="date")
    assert [(p["record"], p["field"], p["line"]) for p in e.value.problems] == [
        ("rows[3]", "stance", None)
    ]
    s = sg.Scenario.from_statements(frame.iloc[:2], date="date")
    assert [(p.actor, p.stance, p.date) for p in s.positions] == [
        ("us", "support", datetime.date(2022, 3, 1)),
        ("ru", "oppose", None),  # NaT: no date
    ]


def test_dates_of_every_kind_read_alike():
    pd = pytest.importorskip("pandas")
    pa = pytest.importorskip("pyarrow")
    rng = np.random.default_rng(1)
    # Days from 1701 to 2243 (leap days, centuries, before 1970), with times of day.
    days = rng.integers(-98_000, 100_000, 3000).tolist() + [-1, 0, 59, 11_016, 10_956]
    times = np.array(days, dtype="datetime64[D]") + rng.integers(0, 86_400, len(days)).astype(
        "timedelta64[s]"
    )
    expected = [datetime.date(1970, 1, 1) + datetime.timedelta(days=d) for d in days]
    n = len(days)
    base = {"actor": [f"a{i}" for i in range(n)], "issue": ["x"] * n, "stance": ["yes"] * n}
    tables = {
        "iso texts": dict(base, date=[d.isoformat() for d in expected]),
        "datetime.date": dict(base, date=expected),
        "datetime64[s]": pd.DataFrame(dict(base, date=times.astype("datetime64[s]"))),
        "datetime64[ns]": pd.DataFrame(dict(base, date=times.astype("datetime64[ns]"))),
        "Timestamps": dict(base, date=list(pd.to_datetime(times))),
        "arrow date32": pa.table(dict(base, date=pa.array(expected, pa.date32()))),
        "arrow timestamp": pa.table(dict(base, date=pa.array(times.astype("datetime64[us]")))),
    }
    for what, table in tables.items():
        s = sg.Scenario.from_statements(table, date="date")
        assert [p.date for p in s.positions] == expected, what
    # Missing dates: no date.
    gaps = pd.DataFrame(dict(actor=["a", "b"], issue=["x", "x"], stance=["yes", "no"],
                             date=pd.to_datetime(["2020-02-29", None])))
    for table in (gaps, pa.Table.from_pandas(gaps), {k: gaps[k].tolist() for k in gaps}):
        s = sg.Scenario.from_statements(table, date="date")
        assert [p.date for p in s.positions] == [datetime.date(2020, 2, 29), None]


def test_stance_map_and_actor_kind(tmp_path):
    path = tmp_path / "votes.csv"
    path.write_text("who,motion,said\nGreens,tax,PRO\nCoal Union,tax,contra\nGreens,coal,meh\n")
    s = sg.read_statements(
        path,
        actor="who",
        issue="motion",
        stance="said",
        stance_map={"pro": "support", "contra": "oppose", "meh": "neutral"},
        actor_kind="group",
    )
    assert [(p.actor, p.issue, p.stance) for p in s.positions] == [
        ("Greens", "tax", "support"),
        ("Coal Union", "tax", "oppose"),
        ("Greens", "coal", "neutral"),
    ]
    assert {a.kind for a in s.actors} == {"group"}
    same = sg.Scenario.from_statements(
        {"who": ["Greens", "Coal Union", "Greens"], "motion": ["tax", "tax", "coal"],
         "said": ["PRO", "contra", "meh"]},
        actor="who", issue="motion", stance="said",
        stance_map={"pro": "support", "contra": "oppose", "meh": "neutral"}, actor_kind="group",
    )
    assert position_tuples(same) == position_tuples(s)
    with pytest.raises(ValueError, match="stance_map"):
        sg.read_statements(path, actor="who", issue="motion", stance="said", stance_map={"pro": "maybe"})
    with pytest.raises(ValueError, match="stance_map"):
        sg.read_statements(path, actor="who", issue="motion", stance="said", stance_map=["pro"])
    with pytest.raises(ValueError, match="actor_kind"):
        sg.read_statements(path, actor="who", issue="motion", stance="said", actor_kind="planet")


BAD = (
    "actor,issue,stance,date\n"
    "us,freeze,support,2022-03-01\n"
    "ru,freeze,maybe,2022-03-02\n"
    ",join,oppose,2022-03-03\n"
    "nato,join,support,2022-13-01\n"
    "ua,join,support,\n"
)
BAD_PROBLEMS = [("rows[2]", "stance", 3), ("rows[3]", "actor", 4), ("rows[4]", "date", 5)]


def bad_table():
    rows = list(csv.DictReader(BAD.splitlines()))
    return {k: [r[k] for r in rows] for k in rows[0]}


def test_bad_rows_name_their_row_line_and_column(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(BAD)
    with pytest.raises(sg.ValidationError) as e:
        sg.read_statements(path, date="date")
    got = [(p["record"], p["field"], p["line"]) for p in e.value.problems]
    assert got == BAD_PROBLEMS
    assert all(p["file"] == str(path) for p in e.value.problems)
    assert f"{path}:3: rows[2], field `stance`: `maybe` is not in the mapping" in str(e.value)
    # The same rows in memory: the same rows and columns, no line.
    with pytest.raises(sg.ValidationError) as e:
        sg.Scenario.from_statements(bad_table(), date="date")
    got = [(p["record"], p["field"], p["line"]) for p in e.value.problems]
    assert got == [(r, f, None) for r, f, _ in BAD_PROBLEMS]
    assert "<columns>: rows[4], field `date`" in str(e.value)


def test_skipped_rows_come_as_a_warning_naming_each(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text(BAD)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        s = sg.read_statements(path, date="date", skip_bad_rows=True)
    assert [(p.actor, p.issue) for p in s.positions] == [("us", "freeze"), ("ua", "join")]
    assert len(caught) == 1
    w = caught[0]
    assert issubclass(w.category, sg.SkippedRowsWarning)
    assert issubclass(w.category, UserWarning)
    assert w.filename == __file__  # points at the caller
    text = str(w.message)
    assert text.startswith(f"{path}: skipped 3 bad rows (2 kept):")
    for record, field, line in BAD_PROBLEMS:
        assert f"{path}:{line}: {record}, field `{field}`" in text
    assert [(p["record"], p["field"], p["line"]) for p in w.message.problems] == BAD_PROBLEMS
    # In memory too; and a warning filter can make it an error.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t = sg.Scenario.from_statements(bad_table(), date="date", skip_bad_rows=True)
    assert position_tuples(t) == position_tuples(s)
    assert [p["record"] for p in caught[0].message.problems] == ["rows[2]", "rows[3]", "rows[4]"]
    with warnings.catch_warnings():
        warnings.simplefilter("error", sg.SkippedRowsWarning)
        with pytest.raises(sg.SkippedRowsWarning):
            sg.read_statements(path, date="date", skip_bad_rows=True)
    # Good input warns of nothing.
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sg.read_statements(STATEMENTS, skip_bad_rows=True, **DNA_COLUMNS)


def test_a_missing_column_fails_even_when_skipping(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("actor,issue,position\nus,freeze,support\n")
    for read in (
        lambda **kw: sg.read_statements(path, **kw),
        lambda **kw: sg.Scenario.from_statements(
            {"actor": ["us"], "issue": ["freeze"], "position": ["support"]}, **kw
        ),
    ):
        with pytest.raises(sg.ValidationError) as e:
            read(skip_bad_rows=True, date="day")
        assert [(p["record"], p["field"]) for p in e.value.problems] == [
            ("header", "stance"),
            ("header", "day"),
        ]


def test_bad_tables_are_value_errors_naming_the_argument():
    with pytest.raises(ValueError, match="data: column `issue` has 1 values, `actor` has 2"):
        sg.Scenario.from_statements({"actor": ["a", "b"], "issue": ["x"], "stance": ["yes", "no"]})
    with pytest.raises(ValueError, match="data: expected a pandas DataFrame"):
        sg.Scenario.from_statements([("a", "x", "yes")])
    with pytest.raises(ValueError, match=r"rows\[2\], column `issue`"):
        sg.Scenario.from_statements({"actor": ["a", "b"], "issue": ["x", "\ud800"], "stance": ["yes", "no"]})
    with pytest.raises(FileNotFoundError):
        sg.read_statements(DATA / "no-such-file.csv")


# --------------------------------------------------------------------------- DNA


def test_the_dna_sample_gives_rdnas_figures():
    s = sg.read_dna(DNA)
    positions = list(s.positions)
    assert len(positions) == 40
    # Two-mode organisation x concept network (qualifier ignored): 7 x 6, 40 statements.
    count = Counter((p.principal, p.issue) for p in positions)
    organisations = sorted({p.principal for p in positions})
    concepts = sorted({p.issue for p in positions})
    assert (len(organisations), len(concepts), sum(count.values())) == (7, 6, 40)
    # One-mode organisation network (ignore): sum over concepts of the product of counts.
    weight = {
        (a, b): sum(count[a, j] * count[b, j] for j in concepts)
        for a in organisations
        for b in organisations
        if a != b
    }
    assert sum(weight.values()) == 276
    epa = "Environmental Protection Agency"
    assert [weight[epa, b] for b in organisations if b != epa][:2] == [10, 2]
    # Duplicates once per document: 23 distinct statements.
    assert len({(p.principal, p.issue, p.stance, p.source) for p in positions}) == 23


def test_the_dna_database_and_its_csv_export_agree():
    from_db = {p.id: p for p in sg.read_dna(DNA).positions}
    from_csv = {p.id: p for p in sg.read_statements(STATEMENTS, **DNA_COLUMNS).positions}
    assert from_db.keys() == from_csv.keys()
    for key, p in from_db.items():
        q = from_csv[key]
        assert (p.actor, p.principal, p.issue, p.stance, p.date, p.quote, p.source) == (
            q.actor, q.principal, q.issue, q.stance, q.date, q.quote, q.source
        ), key


def test_dna_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        sg.read_dna(tmp_path / "missing.dna")
    text = tmp_path / "text.dna"
    text.write_text("this is not a database, just text with a .dna name\n")
    with pytest.raises(ValueError) as e:
        sg.read_dna(text)
    assert str(e.value).startswith(str(text))


# --------------------------------------------------------------------------- votes


@functools.lru_cache(maxsize=None)
def brute_force(path, keep=None):
    """Names in byte order and the three count matrices, by brute force over the file."""
    rows = [r for r in rows_of(path) if keep is None or int(r["rcid"]) in keep]
    names = sorted({r["country"] for r in rows_of(path)}, key=lambda s: s.encode())
    by = {}
    for r in rows:
        by.setdefault(r["country"], {})[r["rcid"]] = r["vote"]
    n = len(names)
    shared, identical, opposed = (np.zeros((n, n), dtype=np.int64) for _ in range(3))
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            if i == j:
                continue
            va, vb = by.get(a, {}), by.get(b, {})
            for rc in va.keys() & vb.keys():
                shared[i, j] += 1
                identical[i, j] += va[rc] == vb[rc]
                opposed[i, j] += {va[rc], vb[rc]} == {"yes", "no"}
    return names, shared, identical, opposed


@pytest.mark.parametrize("path", [VOTES_SAMPLE, VOTES_2019], ids=["sample", "2019"])
def test_agreement_matrices_equal_brute_force(path):
    votes = sg.read_votes(path)
    names, shared, identical, opposed = votes.agreement_matrices()
    expected = brute_force(path)
    assert names == expected[0] == votes.countries
    for got, want in zip((shared, identical, opposed), expected[1:]):
        assert got.dtype.kind == "u" and got.shape == (len(names), len(names))
        np.testing.assert_array_equal(got, want)
        assert got.flags.writeable
    assert len(votes) == len(rows_of(path))


def test_the_sample_reads_every_vote_and_keeps_namibias_code():
    votes = sg.read_votes(VOTES_SAMPLE)
    assert len(votes) == 2005
    assert votes.codes[votes.countries.index("Namibia")] == "NA"
    rows = rows_of(VOTES_SAMPLE)
    assert dict(zip(votes.countries, votes.codes)) == {r["country"]: r["country_code"] for r in rows}
    assert votes.roll_calls == list(dict.fromkeys(int(r["rcid"]) for r in rows))
    assert repr(votes) == "<stancegraph.Votes: 2005 votes, 46 roll calls, 55 countries>"
    assert sg.Votes.read_csv(VOTES_SAMPLE).countries == votes.countries


def rendered(names, matrix):
    """A matrix as the Rust example writes it (no name here needs quoting or escaping)."""
    lines = ["," + ",".join(names)]
    lines += [name + "," + ",".join(str(v) for v in row) for name, row in zip(names, matrix.tolist())]
    return "\n".join(lines) + "\n"


def test_write_matrices_writes_the_examples_csv(tmp_path):
    votes = sg.read_votes(VOTES_2019)
    names, *expected = brute_force(VOTES_2019)
    votes.write_matrices(tmp_path / "out")
    for name, matrix in zip(("shared.csv", "identical.csv", "opposed.csv"), expected):
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == rendered(names, matrix)


def test_select_keeps_the_roll_calls_asked_for_and_every_country():
    votes = sg.read_votes(VOTES_SAMPLE)
    keep = set(votes.roll_calls[5:20]) | {999_999}  # an id without votes is ignored
    selected = votes.select(sorted(keep))
    assert selected.roll_calls == votes.roll_calls[5:20]
    assert selected.countries == votes.countries
    assert len(selected) == sum(int(r["rcid"]) in keep for r in rows_of(VOTES_SAMPLE))
    _, *expected = brute_force(VOTES_SAMPLE, frozenset(keep))
    for got, want in zip(selected.agreement_matrices()[1:], expected):
        np.testing.assert_array_equal(got, want)
    assert len(votes) == 2005  # the original is unchanged
    with pytest.raises(ValueError, match="roll_calls"):
        votes.select(["x"])


def test_to_pandas_is_the_table_read():
    pd = pytest.importorskip("pandas")
    frame = sg.read_votes(VOTES_SAMPLE).to_pandas()
    expected = pd.read_csv(VOTES_SAMPLE, keep_default_na=False, dtype={"country_code": str})
    assert list(frame.columns) == ["rcid", "country", "country_code", "vote"]
    pd.testing.assert_frame_equal(frame, expected, check_dtype=False)


def test_to_scenario_dates_the_roll_calls():
    votes = sg.read_votes(VOTES_2019)
    dates = {int(r["rcid"]): r["date"] for r in rows_of(ROLL_CALLS_2019)}
    s = votes.to_scenario(dates)
    assert len(s.positions) == len(votes)
    assert len(s.issues) == len(votes.roll_calls) == 90
    assert len(s.actors) == 193
    stance = {"yes": "support", "no": "oppose", "abstain": "neutral"}
    expected = Counter((r["country"], "rc-" + r["rcid"], stance[r["vote"]]) for r in rows_of(VOTES_2019))
    assert Counter((p.actor, p.issue, p.stance) for p in s.positions) == expected
    assert {p.date for p in s.positions} == {datetime.date.fromisoformat(d) for d in dates.values()}
    assert votes.to_scenario().positions[0].date is None
    with pytest.raises(ValueError, match=r"dates\[9057\]"):
        votes.to_scenario({9057: "2019-02-30"})


def test_bad_votes_name_their_line_and_field(tmp_path):
    text = "rcid,country,country_code,vote\n3,United States,US,yes\nx,Canada,CA,maybe\n4,Cuba\n"
    with pytest.raises(sg.ValidationError) as e:
        sg.Votes.from_csv_text(text)
    got = [(p["record"], p["field"], p["line"]) for p in e.value.problems]
    assert ("rows[2]", "rcid", 3) in got and ("rows[2]", "vote", 3) in got
    assert any(r == "rows[3]" and line == 4 for r, _, line in got)
    path = tmp_path / "v.csv"
    path.write_text("rcid,country\n")
    with pytest.raises(sg.ValidationError, match="field `vote`: no such column"):
        sg.read_votes(path)
    with pytest.raises(FileNotFoundError):
        sg.read_votes(tmp_path / "missing.csv")


@pytest.mark.skipif(not FULL_VOTES.exists(), reason=f"{FULL_VOTES} is not here (the project's shared data)")
def test_the_full_un_data_has_the_published_counts():
    votes = sg.read_votes(FULL_VOTES)
    assert (len(votes), len(votes.roll_calls), len(votes.countries)) == (869_937, 6_202, 200)
    names, shared, identical, opposed = votes.agreement_matrices()
    assert (identical <= shared).all() and (opposed <= shared - identical).all()
    assert (shared == shared.T).all() and not shared.diagonal().any()
