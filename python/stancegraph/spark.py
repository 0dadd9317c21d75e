"""stancegraph inside Apache Spark: event data and roll calls aggregated where they live.

The raw input (hundreds of millions of GDELT or ICEWS events, decades of roll calls)
stays in Spark; each partition is aggregated by stancegraph's Rust kernels through
Arrow (``mapInArrow``), the engine sums the partial results per key, and the small
result comes back to the driver for the analyses (balance, reports, contradictions).

- :func:`event_ties`: events to the table of ``stancegraph events`` — ``source,
  target, period, events, goldstein`` then the quad-class counts and the sign — per
  dyad and period, equal row for row to the single-machine result.
- :func:`vote_agreement`: roll-call votes to the pair counts of the UN reference job
  (``country1, country2, shared, identical, opposed``).
- :func:`signed_graphs` and :func:`event_networks`: the ties collected on the driver
  as one :class:`~stancegraph.SignedGraph` per period, or as
  :class:`~stancegraph.EventNetworks`.

Why the results are exact and do not depend on the partitions: a partition's
aggregate is a sum per dyad and period (events, the Goldstein score in exact integer
millionths, quad counts), and sums of integers combine in any order; a roll call's
votes are kept in one partition (repartitioned by roll call), and its pair counts add
up across roll calls. Every event row is read by the library's rules (``NA`` and empty
are missing, ``YYYY-MM-DD`` or GDELT ``YYYYMMDD`` days, CAMEO codes with their leading
zeros or PLOVER types, the score or else the code book's Goldstein weight); a bad row
fails the job with a :class:`~stancegraph.ValidationError` naming the partition, the
row within it and the column.

PySpark is an optional dependency (``pip install stancegraph[spark]``); the workers
need the stancegraph wheel and pyarrow installed. The functions take DataFrames of the
session you have (a cluster's, or :func:`local_session` for local mode on a laptop, on
loopback only).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, Optional, Union

from . import _native

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow
    from pyspark.sql import DataFrame

    from ._native import EventNetworks, SignedGraph

__all__ = [
    "ICEWS_COLUMNS",
    "TIES_SCHEMA",
    "VOTES_SCHEMA",
    "event_networks",
    "event_ties",
    "local_session",
    "signed_graphs",
    "vote_agreement",
]

#: The default column of each role: ICEWS's names (as ``spark.read.csv`` of a
#: ``.tab`` file with a header gives them).
ICEWS_COLUMNS: Dict[str, str] = {
    "source": "Source Name",
    "source_country": "Source Country",
    "target": "Target Name",
    "target_country": "Target Country",
    "date": "Event Date",
    "code": "CAMEO Code",
    "score": "Intensity",
}

_ROLES = ("source", "source_country", "target", "target_country", "date", "code", "score")

#: The columns of :func:`event_ties`' result (Spark DDL).
TIES_SCHEMA = (
    "source string, target string, period string, events long, goldstein double, "
    "verbal_cooperation long, material_cooperation long, verbal_conflict long, "
    "material_conflict long, sign int"
)

#: The columns of :func:`vote_agreement`'s result (Spark DDL).
VOTES_SCHEMA = "country1 string, country2 string, shared long, identical long, opposed long"

_PARTIAL_TIES = (
    "source string, target string, period string, events long, millionths decimal(38,0), "
    "verbal_cooperation long, material_cooperation long, verbal_conflict long, "
    "material_conflict long"
)
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
_META = "stancegraph"


def local_session(
    cores: int = 2, *, app_name: str = "stancegraph", config: Optional[Mapping[str, str]] = None
) -> "Any":
    """A Spark session in local mode on ``cores`` cores, on loopback only: the driver
    bound to 127.0.0.1 (``SPARK_LOCAL_IP`` set to it unless already set), the workers
    running this Python (``PYSPARK_PYTHON``, unless set), no web UI, no progress bars,
    ``2 * cores`` shuffle partitions and only errors logged. ``config`` adds or
    overrides settings (``{"spark.driver.memory": "4g"}``). On a cluster, take the
    session you have instead."""
    import os
    import sys

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    _pyspark()  # PySpark is there, or an ImportError saying how to install it
    from pyspark.sql import SparkSession
    settings = {
        "spark.driver.host": "127.0.0.1",
        "spark.driver.bindAddress": "127.0.0.1",
        "spark.ui.enabled": "false",
        "spark.ui.showConsoleProgress": "false",
        "spark.sql.shuffle.partitions": str(2 * cores),
        **(config or {}),
    }
    builder = SparkSession.builder.master(f"local[{cores}]").appName(app_name)
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def _pyspark():
    try:
        from pyspark.sql import functions
    except ImportError as e:  # pragma: no cover - exercised without pyspark only
        raise ImportError(
            "stancegraph.spark needs PySpark: pip install 'stancegraph[spark]'"
        ) from e
    return functions


def _strings(array: "pyarrow.Array") -> tuple:
    """An Arrow string column as the kernels take it: its buffers as bytes."""
    import pyarrow as pa

    if isinstance(array, pa.ChunkedArray):  # pragma: no cover - batches hold plain arrays
        array = array.combine_chunks()
    if pa.types.is_dictionary(array.type) or not (
        pa.types.is_string(array.type) or pa.types.is_large_string(array.type)
    ):
        array = array.cast(pa.string())
    validity, offsets, data = array.buffers()[:3]
    return (
        validity.to_pybytes() if validity is not None and array.null_count else None,
        offsets.to_pybytes(),
        data.to_pybytes() if data is not None else b"",
        array.offset,
        len(array),
        pa.types.is_large_string(array.type),
    )


def _string_array(n: int, buffers: tuple) -> "pyarrow.Array":
    import pyarrow as pa

    offsets, data = buffers
    return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data)])


def _int64_array(n: int, data: bytes) -> "pyarrow.Array":
    import pyarrow as pa

    return pa.Array.from_buffers(pa.int64(), n, [None, pa.py_buffer(data)])


def _decimal_array(n: int, data: bytes) -> "pyarrow.Array":
    import pyarrow as pa

    return pa.Array.from_buffers(pa.decimal128(38, 0), n, [None, pa.py_buffer(data)])


def _quoted(name: str) -> str:
    """A column name as Spark SQL quotes it (backticks doubled inside)."""
    return "`" + name.replace("`", "``") + "`"


def _resolve(columns: List[str], name: str) -> Optional[str]:
    """The DataFrame's column for ``name``: the same name, else the one column whose
    name differs only in case (Spark resolves names regardless of case by default)."""
    if name in columns:
        return name
    folded = [c for c in columns if c.lower() == name.lower()]
    return folded[0] if len(folded) == 1 else None


def _partition_id() -> int:
    from pyspark import TaskContext

    context = TaskContext.get()
    return context.partitionId() if context is not None else 0


def _event_kernel(level: str, window: str, directed: bool, names: List[str], present: List[bool]):
    """The function ``mapInArrow`` runs on every partition of the events."""

    def kernel(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        partition = _native._EventPartition(level, window, directed, names, _partition_id())
        for batch in batches:
            columns = []
            for role, has in zip(_ROLES, present):
                columns.append(_strings(batch.column(role)) if has else None)
            partition.add(columns)
        n, source, target, period, events, millionths, *quads = partition.finish()
        arrays = [
            _string_array(n, source),
            _string_array(n, target),
            _string_array(n, period),
            _int64_array(n, events),
            _decimal_array(n, millionths),
        ] + [_int64_array(n, q) for q in quads]
        names_out = ["source", "target", "period", "events", "millionths", *_QUADS]
        yield pa.RecordBatch.from_arrays(arrays, names=names_out)

    return kernel


def _partial_ties(
    df: "DataFrame",
    level: str,
    window: str,
    directed: bool,
    columns: Optional[Mapping[str, str]],
) -> "DataFrame":
    """The partial tables of :func:`event_ties`: every partition aggregated by the
    kernel, before Spark sums them (one row per dyad and period a partition saw)."""
    F = _pyspark()
    window = _native._window_name(window)  # " All" is all, as the library reads it
    _native._EventPartition(level, window, directed, list(_ROLES), 0)  # checks the options now
    mapping = dict(ICEWS_COLUMNS)
    given = dict(columns or {})
    unknown = sorted(set(given) - set(_ROLES))
    if unknown:
        raise ValueError(f"columns: unknown roles {unknown}; the roles are {', '.join(_ROLES)}")
    mapping.update(given)
    have = list(df.columns)
    found = {role: _resolve(have, mapping[role]) for role in _ROLES}
    # A column named in columns= must exist: a typo would silently drop a role.
    absent = [f"{role} ({given[role]!r})" for role in given if found[role] is None]
    if absent:
        raise ValueError(
            "event_ties: columns= names columns the DataFrame does not have: "
            + ", ".join(absent) + f"; its columns: {sorted(have)}"
        )
    present = [found[role] is not None for role in _ROLES]
    needed = ["source_country", "target_country"] if level == "country" else ["source", "target"]
    if window != "all":
        needed.append("date")
    missing = [f"{role} ({mapping[role]!r})" for role in needed if found[role] is None]
    if not (present[_ROLES.index("code")] or present[_ROLES.index("score")]):
        missing.append(f"code ({mapping['code']!r}) or score ({mapping['score']!r})")
    if missing:
        raise ValueError(
            "event_ties: the DataFrame has no column for " + ", ".join(missing)
            + f"; its columns: {sorted(have)} (map roles to columns with columns=)"
        )
    types = dict(df.dtypes)

    def text(role):
        name = found[role]
        column = F.col(_quoted(name))
        if role == "date" and types[name].startswith("timestamp"):
            column = F.to_date(column)  # its day in the session's time zone
        return column.cast("string").alias(role)

    selected = df.select(*[text(role) for role, has in zip(_ROLES, present) if has])
    names = [found[role] or mapping[role] for role in _ROLES]
    partial = selected.mapInArrow(
        _event_kernel(level, window, directed, names, present), _PARTIAL_TIES
    )
    return partial


def event_ties(
    df: "DataFrame",
    level: str = "country",
    window: str = "all",
    directed: bool = True,
    columns: Optional[Mapping[str, str]] = None,
) -> "DataFrame":
    """The events of a Spark DataFrame aggregated per dyad and period, as ``stancegraph
    events`` aggregates a file.

    ``df`` holds one event per row, with ICEWS's column names by default
    (:data:`ICEWS_COLUMNS`); ``columns`` maps roles — ``source``, ``source_country``,
    ``target``, ``target_country``, ``date``, ``code``, ``score`` — to other names
    (e.g. GDELT's ``{"source_country": "Actor1CountryCode", ..., "date": "SQLDATE",
    "code": "EventCode", "score": "GoldsteinScale"}``). The columns of the chosen level
    (countries or names) are required, a ``date`` too unless ``window="all"``, and a
    ``code`` or a ``score``; the others are used when present. Any column type works:
    values are read as their text (a Spark ``date`` as ``YYYY-MM-DD``, a timestamp by
    its day in the session's time zone, an integer ``20180601`` as GDELT's day).

    ``level`` is ``"country"`` or ``"actor"``; ``window`` is ``all``, ``day``, ``week``
    (ISO), ``month``, ``year`` or ``"LENGTH/STEP"`` sliding windows, read as the library
    reads them (any case, spaces trimmed: ``" All"`` is ``all``); ``directed=False``
    folds A→B and B→A into one dyad named in name order.

    Returns a DataFrame (:data:`TIES_SCHEMA`): ``source, target, period, events,
    goldstein`` then ``verbal_cooperation, material_cooperation, verbal_conflict,
    material_conflict, sign``, sorted by period, source and target — row for row the
    command line's CSV for the same events. Each partition is aggregated by the Rust
    kernel; the partial tables are summed per dyad and period by Spark (Goldstein sums
    in exact integer millionths, as 38-digit decimals, so the result does not depend on
    the partitioning). Column names are matched as Spark matches them, regardless of
    case; a column named in ``columns`` that the DataFrame lacks is an error.
    The options are kept in the ``source`` column's metadata for
    :func:`signed_graphs`.

    The job fails with :class:`~stancegraph.ValidationError` (inside Spark's
    exception) naming the partition, the row and the column of every bad value.
    """
    F = _pyspark()
    window = _native._window_name(window)  # the metadata keeps the library's spelling
    partial = _partial_ties(df, level, window, directed, columns)
    combined = partial.groupBy("source", "target", "period").agg(
        F.sum("events").alias("events"),
        F.sum("millionths").alias("millionths"),
        *[F.sum(q).alias(q) for q in _QUADS],
    )
    overflow = F.raise_error(
        F.concat(
            F.lit("stancegraph: the Goldstein sum of "),
            F.col("source"),
            F.lit(" -> "),
            F.col("target"),
            F.lit(" in "),
            F.col("period"),
            F.lit(" is beyond what 38 digits of millionths carry"),
        )
    )
    goldstein = F.when(F.col("millionths").isNull(), overflow).otherwise(
        F.col("millionths").cast("double") / F.lit(1e6)
    )
    meta = {_META: {"level": level, "window": window, "directed": directed}}
    return combined.select(
        F.col("source").alias("source", metadata=meta),
        "target",
        "period",
        "events",
        goldstein.cast("double").alias("goldstein"),
        *_QUADS,
        F.signum(F.col("millionths").cast("double")).cast("int").alias("sign"),
    ).orderBy("period", "source", "target")


def _vote_kernel(names: List[str]):
    def kernel(batches: Iterator["pyarrow.RecordBatch"]) -> Iterator["pyarrow.RecordBatch"]:
        import pyarrow as pa

        received = list(batches)
        if not received:
            return
        table = pa.Table.from_batches(received).combine_chunks()
        if table.num_rows == 0:
            return
        rcid, country, vote = (_strings(table.column(c).chunk(0)) for c in ("rcid", "country", "vote"))
        n, first, second, shared, identical, opposed = _native._vote_partition(
            rcid, country, vote, names, _partition_id()
        )
        yield pa.RecordBatch.from_arrays(
            [
                _string_array(n, first),
                _string_array(n, second),
                _int64_array(n, shared),
                _int64_array(n, identical),
                _int64_array(n, opposed),
            ],
            names=["country1", "country2", "shared", "identical", "opposed"],
        )

    return kernel


def vote_agreement(
    df: "DataFrame",
    rcid: str = "rcid",
    country: str = "country",
    vote: str = "vote",
    partitions: Optional[int] = None,
) -> "DataFrame":
    """Pairwise agreement of roll-call votes (the UN reference job) computed in Spark.

    ``df`` holds one vote per row: the roll call's id (a whole number), the voter
    (``country``) and the vote (``yes``, ``no`` or ``abstain``). The votes are
    repartitioned by roll call (``partitions`` of them; default the session's
    ``spark.sql.shuffle.partitions``), each partition is counted by the bit-set kernel of
    :meth:`Votes.agreement_matrices <stancegraph.Votes.agreement_matrices>`, and the
    counts are summed per pair.

    Returns a DataFrame (:data:`VOTES_SCHEMA`) with one row per pair of countries that
    voted in at least one roll call together, ``country1`` before ``country2`` in name
    order, sorted: ``shared`` (roll calls both voted in), ``identical`` (the same vote)
    and ``opposed`` (yes against no) — the entries of ``agreement_matrices()`` above
    the diagonal that are not zero.

    A bad row, or a second vote of a country in one roll call, fails the job with a
    :class:`~stancegraph.ValidationError` naming the partition, the row and the column.
    """
    F = _pyspark()
    have = set(df.columns)
    resolved = [_resolve(list(df.columns), c) for c in (rcid, country, vote)]
    missing = [c for c, r in zip((rcid, country, vote), resolved) if r is None]
    if missing:
        raise ValueError(
            f"vote_agreement: the DataFrame has no column {missing}; its columns: {sorted(have)}"
        )
    if partitions is not None and (not isinstance(partitions, int) or partitions < 1):
        raise ValueError(f"partitions: expected a positive whole number, got {partitions!r}")
    selected = df.select(
        *[
            F.col(_quoted(str(name))).cast("string").alias(alias)
            for name, alias in zip(resolved, ("rcid", "country", "vote"))
        ]
    )
    # Partitioned by the roll call's number, not its text: " 3", "03" and "+3" are the
    # roll call the kernel reads as 3, and must meet in one partition.
    key = F.expr("try_cast(trim(rcid) AS DECIMAL(20,0))").alias("_roll_call")
    keyed = selected.select("rcid", "country", "vote", key)
    by_roll_call = (
        keyed.repartition(partitions, "_roll_call")
        if partitions is not None
        else keyed.repartition("_roll_call")
    )
    partial = by_roll_call.mapInArrow(_vote_kernel([str(r) for r in resolved]), VOTES_SCHEMA)
    return (
        partial.groupBy("country1", "country2")
        .agg(*[F.sum(c).alias(c) for c in ("shared", "identical", "opposed")])
        .orderBy("country1", "country2")
    )


def _options(ties: "DataFrame", level, window, directed):
    meta = {}
    try:
        meta = ties.schema["source"].metadata.get(_META, {})
    except (KeyError, AttributeError):  # pragma: no cover - a ties table made elsewhere
        meta = {}
    return (
        level if level is not None else meta.get("level", "country"),
        window if window is not None else meta.get("window", "all"),
        directed if directed is not None else meta.get("directed", True),
    )


def _unknown_period(period: str, periods: List[str]) -> str:
    """The library's text for a period none of ``periods`` is (``SignedGraph::find_period``):
    ``no period `P` (its periods: A, B, C)``, the first ten listed then `` and N more``,
    or ``no period `P` (it has no periods)``."""
    if not periods:
        return f"no period `{period}` (it has no periods)"
    listed = ", ".join(periods[:10])
    more = f" and {len(periods) - 10} more" if len(periods) > 10 else ""
    return f"no period `{period}` (its periods: {listed}{more})"


def _collect(ties: "DataFrame", names: List[str]) -> Dict[str, list]:
    ties = ties.select(*names)
    if hasattr(ties, "toArrow"):  # Spark 4: straight to Arrow
        table = ties.toArrow()
        return {name: table.column(name).to_pylist() for name in names}
    rows = ties.collect()
    return {name: [row[name] for row in rows] for name in names}


def event_networks(
    ties: "DataFrame",
    period: Union[None, str, Iterable[str]] = None,
    *,
    level: Optional[str] = None,
    window: Optional[str] = None,
    directed: Optional[bool] = None,
) -> "EventNetworks":
    """The ties of :func:`event_ties` (only ``period``, one or several, when given)
    collected on the driver as :class:`~stancegraph.EventNetworks` — the table, its
    CSV/JSON/edge list and graphs, as :func:`~stancegraph.aggregate_events` gives them.

    The options are those :func:`event_ties` used (kept in the DataFrame's metadata);
    ``level``, ``window`` and ``directed`` override them for a table made otherwise.
    The counts of events read and dropped are not known on the driver (all zero).
    Raises :class:`~stancegraph.ValidationError` naming bad rows (a self-dyad, no
    events, a dyad and period twice…), and ``ValueError`` for a ``period`` without ties,
    in the library's words: ``period: no period `P` (its periods: A, B, …)`` (the first
    unknown one named, the first ten periods listed and how many more).
    """
    F = _pyspark()
    level, window, directed = _options(ties, level, window, directed)
    every = ties
    wanted: Optional[List[str]] = None
    if period is not None:
        if isinstance(period, str):
            wanted = [period]
        elif isinstance(period, Iterable) and all(isinstance(p, str) for p in period):
            wanted = list(period)
        else:
            raise ValueError(
                f"period: expected a period's label (e.g. '2018-06') or a list of them, got {period!r}"
            )
        ties = ties.where(F.col("period").isin(wanted))
    names = ["source", "target", "period", "events", "goldstein", *_QUADS]
    c = _collect(ties, names)
    if wanted is not None:
        found = set(c["period"])
        unknown = [p for p in wanted if p not in found]
        if unknown:
            periods = [r[0] for r in every.select("period").distinct().orderBy("period").collect()]
            raise ValueError("period: " + _unknown_period(unknown[0], periods))
    return _native._event_networks(
        c["source"],
        c["target"],
        c["period"],
        c["events"],
        c["goldstein"],
        [c[q] for q in _QUADS],
        level,
        window,
        directed,
    )


def signed_graphs(
    ties: "DataFrame",
    period: Union[None, str, Iterable[str]] = None,
    **options: Any,
) -> Dict[str, "SignedGraph"]:
    """The ties of :func:`event_ties` collected on the driver as one weighted
    :class:`~stancegraph.SignedGraph` per period (only ``period``, one or several, when
    given): ``{period: graph}`` in period order. A dyad's edge has the sign of its net
    Goldstein score and weighs its absolute value; in a directed table A→B and B→A of
    the same sign make one edge (their weights add up), of opposite signs an ambivalent
    pair (both edges). ``options`` as in :func:`event_networks`.
    """
    networks = event_networks(ties, period, **options)
    return {graph.period or "all": graph for graph in networks.graphs()}
