"""stancegraph inside Apache Spark (local mode, two cores, loopback only):
`event_ties` equals the single-machine `aggregate_events` (the command line's table)
row for row on the ICEWS sample and on a generated million events split into many
partitions; `vote_agreement` equals `read_votes(...).agreement_matrices()` on the full UN
votes file; neither depends on the number or order of partitions; bad rows fail the job
naming partition, row and column.

Skipped, with the reason, only when PySpark or Java is missing — unless
STANCEGRAPH_REQUIRE_SPARK=1 (CI sets it), which makes a missing one a failure."""

import datetime
import hashlib
import lzma
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import stancegraph as sg
import stancegraph.spark  # noqa: F401  (sg.spark)

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
SAMPLE = DATA / "icews_events_2018-06-01_02.tab"
UN_VOTES_XZ = DATA / "un_votes.csv.xz"
UN_VOTES_SHA256 = "e77ec504be20f918fe5e01247fa8fa27145d7326cab53416567e73659ff55c05"
REQUIRED = os.environ.get("STANCEGRAPH_REQUIRE_SPARK") == "1"


def _unavailable():
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "PySpark is not installed (pip install 'stancegraph[spark]')"
    java = shutil.which("java") or (
        Path(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else None
    )
    if not java or subprocess.run([str(java), "-version"], capture_output=True).returncode != 0:
        return "Java is missing (PySpark needs a JVM: install Java 17 or set JAVA_HOME)"
    return None


@pytest.fixture(scope="module")
def spark():
    reason = _unavailable()
    if reason:
        if REQUIRED:
            pytest.fail(f"STANCEGRAPH_REQUIRE_SPARK=1 but {reason}")
        pytest.skip(reason)
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = sg.spark.local_session(
        2,
        app_name="stancegraph-tests",
        config={"spark.sql.execution.arrow.pyspark.enabled": "true"},
    )
    # On loopback only, as local_session promises.
    conf = session.conf
    assert conf.get("spark.driver.host") == conf.get("spark.driver.bindAddress") == "127.0.0.1"
    assert conf.get("spark.sql.shuffle.partitions") == "4"
    assert conf.get("spark.sql.execution.arrow.pyspark.enabled") == "true"
    yield session
    session.stop()


@pytest.fixture(scope="module")
def icews(spark):
    # ICEWS .tab: tab-separated, unquoted; empty cells become nulls (missing, as NA is).
    return spark.read.csv(str(SAMPLE), sep="\t", header=True, quote="")


def frame_of(ties):
    return ties.toPandas().reset_index(drop=True)


def assert_same_table(spark_frame, networks):
    reference = networks.to_pandas().reset_index(drop=True)
    assert list(spark_frame.columns) == list(reference.columns)
    assert len(spark_frame) == len(reference)
    for column in reference.columns:
        left, right = spark_frame[column].tolist(), reference[column].tolist()
        assert left == right, f"column {column} differs"


def shuffled(df, partitions, seed=7):
    from pyspark.sql import functions as F

    return df.orderBy(F.rand(seed)).repartition(partitions)


@pytest.mark.parametrize(
    "level, window, directed, partitions",
    [
        ("country", "all", True, 1),
        ("country", "day", True, 3),
        ("country", "week", False, 8),
        ("actor", "all", False, 5),
        ("actor", "month", True, 2),
        ("country", "3/1", True, 4),
    ],
)
def test_icews_sample_equals_the_single_machine_table(icews, level, window, directed, partitions):
    ties = sg.spark.event_ties(
        shuffled(icews, partitions), level=level, window=window, directed=directed
    )
    expected = sg.aggregate_events(SAMPLE, level=level, window=window, directed=directed)
    assert_same_table(frame_of(ties), expected)


def test_the_samples_published_facts(icews):
    frame = frame_of(sg.spark.event_ties(icews))
    assert len(frame) == 417
    top = frame.sort_values("events", ascending=False).head(2)
    assert list(zip(top["source"], top["target"], top["events"])) == [
        ("United States", "North Korea", 181),
        ("North Korea", "United States", 131),
    ]
    assert list(frame.columns[:5]) == ["source", "target", "period", "events", "goldstein"]


def test_the_result_is_the_command_lines_csv(icews):
    frame = frame_of(sg.spark.event_ties(icews, window="week"))
    expected = sg.aggregate_events(SAMPLE, window="week").to_csv()
    # The CLI writes whole Goldstein sums as integers: compare as numbers, row for row.
    import pandas as pd
    from io import StringIO

    cli = pd.read_csv(StringIO(expected), keep_default_na=False)
    assert frame["goldstein"].tolist() == cli["goldstein"].astype(float).tolist()
    assert frame[["source", "target", "period"]].values.tolist() == cli[
        ["source", "target", "period"]
    ].astype(str).values.tolist()


def million_events(seed=18):
    """A million ICEWS-like events: 40 countries, two years of days, CAMEO codes with
    leading zeros, a third without a score (the code book's weight), some missing
    sides and self-dyads; every value as text so both paths read the same cells."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    n = 1_000_000
    countries = np.array([f"Country {i:02d}" for i in range(40)] + [""], dtype=object)
    source = countries[np.minimum(rng.integers(0, 41, n), 40)]
    target = countries[rng.integers(0, 41, n)]
    days = np.datetime64("2018-01-01") + rng.integers(0, 730, n).astype("timedelta64[D]")
    codes = np.array(
        ["010", "036", "042", "043", "057", "0211", "061", "111", "120", "138", "173", "190", "1823"],
        dtype=object,
    )
    code = codes[rng.integers(0, len(codes), n)]
    score = np.round(rng.uniform(-10, 10, n), 1).astype(str).astype(object)
    score[rng.random(n) < 0.33] = "NA"
    return pd.DataFrame(
        {
            "source": source,
            "target": target,
            "source_country": source,
            "target_country": target,
            "date": days.astype(str).astype(object),
            "code": code,
            "score": score,
        }
    )


@pytest.fixture(scope="module")
def million(spark, tmp_path_factory):
    frame = million_events()
    path = tmp_path_factory.mktemp("events") / "million.csv"
    frame.to_csv(path, index=False)
    df = spark.createDataFrame(frame).repartition(16).cache()
    assert df.count() == 1_000_000
    yield path, df
    df.unpersist()


COLUMNS = {
    "source": "source",
    "target": "target",
    "source_country": "source_country",
    "target_country": "target_country",
    "date": "date",
    "code": "code",
    "score": "score",
}


def test_a_million_events_in_sixteen_partitions_equal_the_single_machine(million):
    path, df = million
    expected = sg.aggregate_events(path, window="month", format="delimited")
    assert expected.counts["read"] == 1_000_000
    ties = sg.spark.event_ties(df, window="month", columns=COLUMNS)
    assert_same_table(frame_of(ties), expected)


def test_partitioning_does_not_change_the_result(million):
    path, df = million
    expected = sg.aggregate_events(path, window="year", directed=False, format="delimited")
    for partitions in (1, 7):
        ties = sg.spark.event_ties(
            shuffled(df, partitions, seed=partitions),
            window="year",
            directed=False,
            columns=COLUMNS,
        )
        assert_same_table(frame_of(ties), expected)


def test_gdelt_columns_and_types(spark):
    # GDELT: integer days (SQLDATE), numeric scores, its own column names.
    rows = [
        ("USA", "PRK", 20180601, "036", 4.0),
        ("PRK", "USA", 20180602, "173", None),
        ("USA", "PRK", 20180612, "057", 8.0),
        ("USA", None, 20180612, "057", 8.0),
    ]
    df = spark.createDataFrame(
        rows, "Actor1CountryCode string, Actor2CountryCode string, SQLDATE int, EventCode string, GoldsteinScale double"
    )
    columns = {
        "source_country": "Actor1CountryCode",
        "target_country": "Actor2CountryCode",
        "date": "SQLDATE",
        "code": "EventCode",
        "score": "GoldsteinScale",
    }
    frame = frame_of(sg.spark.event_ties(df, window="week", columns=columns))
    assert frame[["source", "target", "period", "events", "goldstein"]].values.tolist() == [
        ["PRK", "USA", "2018-W22", 1, -5.0],
        ["USA", "PRK", "2018-W22", 1, 4.0],
        ["USA", "PRK", "2018-W24", 1, 8.0],
    ]
    # Spark dates work as well as text and integers.
    dated = df.withColumn("day", df.SQLDATE.cast("string")).selectExpr(
        "*", "to_date(day, 'yyyyMMdd') AS when"
    )
    again = frame_of(sg.spark.event_ties(dated, window="week", columns={**columns, "date": "when"}))
    assert again.values.tolist() == frame.values.tolist()


def test_signed_graphs_and_networks_on_the_driver(icews):
    ties = sg.spark.event_ties(icews, window="day")
    graphs = sg.spark.signed_graphs(ties)
    expected = sg.aggregate_events(SAMPLE, window="day")
    assert list(graphs) == expected.periods == ["2018-06-01", "2018-06-02"]
    for g, e in zip(graphs.values(), expected.graphs()):
        assert (g.nodes, g.edges, g.weights) == (e.nodes, e.edges, e.weights)
        assert g.frustration().value == e.frustration().value
    one = sg.spark.signed_graphs(ties, period="2018-06-02")
    assert list(one) == ["2018-06-02"]
    networks = sg.spark.event_networks(ties)
    assert networks.to_csv() == expected.to_csv()
    assert networks.to_json() != "" and len(networks) == len(expected)


def test_bad_rows_fail_the_job_naming_partition_row_and_column(spark):
    rows = [("USA", "PRK", "2018-06-01", "036"), ("USA", "PRK", "2018-06-01", "73")]
    df = spark.createDataFrame(rows, "src string, dst string, day string, cameo string").coalesce(1)
    columns = {"source_country": "src", "target_country": "dst", "date": "day", "code": "cameo"}
    with pytest.raises(Exception) as info:
        sg.spark.event_ties(df, columns=columns).collect()
    text = str(info.value)
    assert "Spark partition 0" in text and "rows[2]" in text and "cameo" in text, text
    assert "leading zero lost" in text, text


def test_bad_arguments_are_named_before_any_job(icews):
    with pytest.raises(ValueError, match="level"):
        sg.spark.event_ties(icews, level="state")
    with pytest.raises(ValueError, match="window"):
        sg.spark.event_ties(icews, window="fortnight")
    with pytest.raises(ValueError, match="unknown roles"):
        sg.spark.event_ties(icews, columns={"actor": "Source Name"})
    with pytest.raises(ValueError, match="date"):
        sg.spark.event_ties(icews.drop("Event Date"), window="month")
    with pytest.raises(ValueError, match="no column"):
        sg.spark.vote_agreement(icews)


@pytest.fixture(scope="module")
def un_votes(tmp_path_factory):
    path = tmp_path_factory.mktemp("un") / "un_votes.csv"
    data = lzma.decompress(UN_VOTES_XZ.read_bytes())
    assert hashlib.sha256(data).hexdigest() == UN_VOTES_SHA256
    path.write_bytes(data)
    return path


def test_vote_agreement_equals_the_matrices_on_the_full_un_votes(spark, un_votes):
    df = spark.read.csv(str(un_votes), header=True, inferSchema=False)
    pairs = sg.spark.vote_agreement(df, partitions=6).toPandas()
    votes = sg.read_votes(un_votes)
    assert len(votes) == 869_937
    names, shared, identical, opposed = votes.agreement_matrices()
    index = {name: i for i, name in enumerate(names)}
    expected = [
        (names[a], names[b], int(shared[a, b]), int(identical[a, b]), int(opposed[a, b]))
        for a in range(len(names))
        for b in range(a + 1, len(names))
        if shared[a, b] > 0
    ]
    got = list(pairs.itertuples(index=False, name=None))
    assert got == expected
    assert len(got) > 15_000 and all(index[a] < index[b] for a, b, *_ in got)


def test_vote_agreement_does_not_depend_on_partitions(spark):
    path = DATA / "un_votes_2019.csv"
    df = spark.read.csv(str(path), header=True)
    one = sg.spark.vote_agreement(df, partitions=1).toPandas()
    many = sg.spark.vote_agreement(shuffled(df, 5), partitions=11).toPandas()
    assert one.values.tolist() == many.values.tolist()
    names, shared, _, _ = sg.read_votes(path).agreement_matrices()
    assert int(one["shared"].sum()) == int(shared.sum()) // 2


def test_a_second_vote_in_a_roll_call_is_named(spark):
    rows = [(3, "Canada", "no"), (3, "Canada", "yes"), (4, "Canada", "maybe")]
    df = spark.createDataFrame(rows, "roll int, member string, cast string")
    with pytest.raises(Exception) as info:
        sg.spark.vote_agreement(df, rcid="roll", country="member", vote="cast", partitions=1).collect()
    text = str(info.value)
    assert "Spark partition" in text and "cast" in text and "maybe" in text, text


def test_a_timestamp_is_read_by_its_day(spark):
    df = spark.createDataFrame(
        [("USA", "PRK", datetime.datetime(2018, 6, 1, 12, 0), 1.0)],
        "s string, t string, at timestamp, g double",
    )
    columns = {"source_country": "s", "target_country": "t", "date": "at", "score": "g"}
    frame = frame_of(sg.spark.event_ties(df, window="day", columns=columns))
    assert frame[["source", "period", "goldstein"]].values.tolist() == [["USA", "2018-06-01", 1.0]]


def test_the_example_runs(spark):
    # Its own session in a fresh process (ours stays up: both are local and loopback).
    example = ROOT / "python" / "examples" / "spark_events.py"
    done = subprocess.run(
        [sys.executable, str(example)], capture_output=True, text=True, timeout=600, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "3705 events -> 336 dyad-days" in done.stdout
    assert "2018-06-02:" in done.stdout and "(proven)" in done.stdout
    assert "Most often opposed pairs:" in done.stdout and "United States" in done.stdout


def test_roll_call_ids_written_differently_meet_in_one_partition(spark):
    # " 3", "03" and "+3" are roll call 3, as read_votes reads them: the counts must
    # not depend on the partitions, and a second vote must be seen.
    rows = [("3", "Canada", "yes"), (" 3", "France", "yes"), ("03", "Germany", "no"), ("+3", "Japan", "yes")]
    df = spark.createDataFrame(rows, "rcid string, country string, vote string")
    for partitions in (1, 2, 8):
        pairs = sg.spark.vote_agreement(df, partitions=partitions).toPandas()
        assert len(pairs) == 6 and set(pairs["shared"]) == {1}, partitions
    twice = spark.createDataFrame(
        [("3", "Canada", "yes"), ("03", "Canada", "no"), ("3", "France", "yes")],
        "rcid string, country string, vote string",
    )
    with pytest.raises(Exception, match="second vote"):
        sg.spark.vote_agreement(twice, partitions=8).collect()


def test_goldstein_sums_beyond_64_bits_of_millionths(spark, tmp_path):
    # 10,000 events of score 1e9: 1e13 Goldstein points, 1e19 millionths.
    path = tmp_path / "big.csv"
    path.write_text("source,target,score\n" + "USA,PRK,1e9\n" * 10_000)
    expected = sg.aggregate_events(path, level="actor", format="delimited")
    df = spark.read.csv(str(path), header=True).repartition(4)
    ties = sg.spark.event_ties(df, level="actor", columns={"source": "source", "target": "target", "score": "score"})
    assert_same_table(frame_of(ties), expected)
    assert frame_of(ties)["goldstein"].tolist() == [1e13]


def test_mapped_columns_must_exist_and_match_regardless_of_case(icews):
    with pytest.raises(ValueError, match="goldstien"):
        sg.spark.event_ties(icews, columns={"score": "goldstien"})
    lowered = icews.withColumnRenamed("Intensity", "intensity")
    assert_same_table(frame_of(sg.spark.event_ties(lowered)), sg.aggregate_events(SAMPLE))


def test_period_arguments(icews):
    ties = sg.spark.event_ties(icews, window="day")
    with pytest.raises(ValueError, match="2018-06-01, 2018-06-02") as caught:
        sg.spark.signed_graphs(ties, period="2019-01-01")
    # The library's words (SignedGraph::find_period), as read_edges and the CLI say them.
    assert str(caught.value) == "period: no period `2019-01-01` (its periods: 2018-06-01, 2018-06-02)"
    with pytest.raises(ValueError) as caught:
        sg.spark.event_networks(ties, period=["2018-06-02", "2030-01-01", "2029-01-01"])
    assert str(caught.value).startswith("period: no period `2030-01-01` (its periods: ")
    with pytest.raises(ValueError, match="period"):
        sg.spark.signed_graphs(ties, period=2018)
    both = sg.spark.signed_graphs(ties, period=["2018-06-02", "2018-06-01"])
    assert list(both) == ["2018-06-01", "2018-06-02"]


def test_a_column_name_with_a_backtick(spark):
    df = spark.createDataFrame([("USA", "PRK", 2.0)], "`from` string, `to` string, `go``ld` double")
    columns = {"source_country": "from", "target_country": "to", "score": "go`ld"}
    frame = frame_of(sg.spark.event_ties(df, columns=columns))
    assert frame["goldstein"].tolist() == [2.0]


@pytest.mark.parametrize("count", [0, 1, 10, 11, 23])
def test_an_unknown_period_is_named_in_the_librarys_words(count):
    # No Spark needed: the driver's text against the native reader's, for any number of
    # periods (none; up to ten listed; then "and N more").
    periods = [f"{2000 + i}" for i in range(count)]
    text = "source,target,sign,period\n" + "".join(f"A,B,1,{p}\n" for p in periods)
    if not periods:
        text = "source,target,sign\nA,B,1\n"
    with pytest.raises(ValueError) as caught:
        sg.SignedGraph.read_edges(text, period="1999")
    assert str(caught.value) == "period: " + sg.spark._unknown_period("1999", periods)


def test_window_is_read_as_the_library_reads_it(icews):
    assert [sg._native._window_name(w) for w in (" All", "DAY", "Week ", " 30 / 7 ")] == [
        "all", "day", "week", "30/7"
    ]
    with pytest.raises(ValueError, match="^window: expected all, day, week, month, year"):
        sg._native._window_name("fortnight")
    # " All" needs no date column (the raw text once demanded one) and is kept as "all".
    ties = sg.spark.event_ties(icews.drop("Event Date"), window=" All")
    assert ties.schema["source"].metadata["stancegraph"]["window"] == "all"
    assert_same_table(frame_of(ties), sg.aggregate_events(SAMPLE))
    days = sg.spark.event_ties(icews, window="Day")
    assert days.schema["source"].metadata["stancegraph"]["window"] == "day"
    assert list(sg.spark.signed_graphs(days)) == ["2018-06-01", "2018-06-02"]
