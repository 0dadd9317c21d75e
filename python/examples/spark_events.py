"""Event data and roll calls aggregated inside Apache Spark by stancegraph's kernels.

Local mode on a laptop (two cores, loopback only), from the repository root:

    pip install "./python[spark]"          # PySpark, pyarrow, pandas<3; Java 17 needed
    python python/examples/spark_events.py [EVENTS.tab] [VOTES.csv]

Without arguments it reads the ICEWS sample and the UN votes of 2019 in tests/data.
On a cluster the code is the same: take the session you have
(``SparkSession.builder.getOrCreate()`` on Databricks/EMR) instead of
``sgs.local_session()`` below, read your events from where they live (Parquet, Delta,
CSV), and install the stancegraph wheel and pyarrow on every worker — it holds a compiled extension, so
``--py-files`` will not do: a cluster library, the workers' image, or a packed
environment shipped with ``spark.archives``.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
events_path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "data" / "icews_events_2018-06-01_02.tab"
votes_path = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "tests" / "data" / "un_votes_2019.csv"
for path in (events_path, votes_path):
    if not path.is_file():
        sys.exit(f"spark_events.py: no such file: {path}")

import stancegraph.spark as sgs  # noqa: E402

# Local mode on two cores, on loopback only; the workers run this same Python.
spark = sgs.local_session(2, app_name="stancegraph example")

# 1. Events: an ICEWS .tab read by Spark (tab-separated, no quoting), aggregated per
#    pair of countries and day by the Rust kernel in every partition, summed by Spark.
events = spark.read.csv(str(events_path), sep="\t", header=True, quote="").repartition(4)
ties = sgs.event_ties(events, level="country", window="day", directed=False)
print(f"{events.count()} events -> {ties.count()} dyad-days")
ties.orderBy(ties.events.desc()).show(5, truncate=False)

# 2. The small result on the driver: one weighted signed graph per day, and how far
#    each day is from two hostile camps (the frustration index, with its proof).
for period, graph in sgs.signed_graphs(ties).items():
    f = graph.frustration()
    status = "proven" if f.exact else f"bound {f.lower_bound:g}"
    print(f"{period}: {graph} — frustration {f.value:g} ({status})")

# 3. Roll calls: pairwise agreement of UN members, partitioned by roll call.
votes = spark.read.csv(str(votes_path), header=True)
pairs = sgs.vote_agreement(votes, partitions=4)
pairs = pairs.withColumn("agreement", pairs.identical / pairs.shared)
print("Most often opposed pairs:")
pairs.orderBy(pairs.opposed.desc(), "country1", "country2").show(5, truncate=False)

spark.stop()
