"""stancegraph.spark side by side with Spark SQL, in local mode (issue 18's figures).

Usage (the stancegraph package, pyspark, pyarrow and pandas<3 installed; Java 17):

    python3 benches/baseline/events_generate.py 1000000 /tmp/events_1m.tab
    python3 benches/baseline/spark_events.py /tmp/events_1m.tab [--cores 1,2] [--repeat 3]

For each core count, a fresh local[N] session (loopback only) reads the ICEWS file once,
keeps the five columns an aggregation by country dyad and month needs in memory
(`cache`, 8 partitions), and times, best of --repeat, each written to Spark's `noop`
sink so that the whole job runs:

- boundary: `mapInArrow` with a Python function that only receives the batches — what
  crossing the JVM–Python Arrow boundary costs before any aggregation;
- stancegraph: `stancegraph.spark.event_ties(df, window="month")` — the Rust kernel per
  partition, Spark's sum of the partial tables per dyad and month, the sort;
- spark_sql: the same table in Spark SQL as an analyst writes it — missing sides and
  self-dyads dropped, `groupBy(source, target, substring(date, 1, 7)).agg(count, sum,
  sum(when(quad…)))`, sign, sort — checked equal to stancegraph's (Goldstein sums to 1e-6:
  Spark sums doubles, stancegraph exact millionths).

Then, without Spark, the kernel through the Arrow boundary in one Python process: the same
columns as pyarrow batches of 10,000 rows fed to the partition kernel — events per second
on one core, and the share spent copying Arrow buffers. And the driver side: collecting
the (cached) ties and building one SignedGraph per month (`signed_graphs`).

Prints a JSON line per measurement and a Markdown table at the end.
"""

import argparse
import json
import subprocess
import sys
import time

COLUMNS = ["Event Date", "Source Country", "Target Country", "CAMEO Code", "Intensity"]


def session(cores):
    # The same loopback-only local session as the tests and the example; the 1M-event
    # tables want 8 shuffle partitions and a 4 GB driver.
    from stancegraph.spark import local_session

    return local_session(
        cores,
        app_name="stancegraph spark bench",
        config={"spark.sql.shuffle.partitions": "8", "spark.driver.memory": "4g"},
    )


def best(run, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def spark_sql(df):
    from pyspark.sql import functions as F

    src, dst = F.col("Source Country"), F.col("Target Country")
    root = F.substring(F.col("CAMEO Code"), 1, 2).cast("int")
    quad = lambda lo, hi: F.sum(F.when((root >= lo) & (root <= hi), 1).otherwise(0))  # noqa: E731
    return (
        df.where(src.isNotNull() & dst.isNotNull() & (src != dst))
        .groupBy(
            src.alias("source"), dst.alias("target"), F.substring("Event Date", 1, 7).alias("period")
        )
        .agg(
            F.count(F.lit(1)).alias("events"),
            F.sum(F.col("Intensity").cast("double")).alias("goldstein"),
            quad(1, 5).alias("verbal_cooperation"),
            quad(6, 8).alias("material_cooperation"),
            quad(9, 13).alias("verbal_conflict"),
            quad(14, 20).alias("material_conflict"),
        )
        .withColumn("sign", F.signum("goldstein").cast("int"))
        .orderBy("period", "source", "target")
    )


def child(path, cores, repeat):
    import stancegraph.spark as sgs

    spark = session(cores)
    df = (
        spark.read.csv(path, sep="\t", header=True, quote="", nullValue="NA")
        .select(*[f"`{c}`" for c in COLUMNS])
        .repartition(8)
        .cache()
    )
    n = df.count()
    noop = lambda frame: frame.write.format("noop").mode("overwrite").save()  # noqa: E731

    def receive(batches):
        import pyarrow as pa

        rows = 0
        for b in batches:
            rows += b.num_rows
        yield pa.RecordBatch.from_pydict({"rows": [rows]})

    out = {"cores": cores, "events": n}
    out["scan"] = best(lambda: noop(df), repeat)
    out["boundary"] = best(lambda: noop(df.mapInArrow(receive, "rows long")), repeat)
    ties = sgs.event_ties(df, window="month")
    out["stancegraph"] = best(lambda: noop(ties), repeat)
    sql = spark_sql(df)
    out["spark_sql"] = best(lambda: noop(sql), repeat)
    # The partial tables the partitions hand to the shuffle.
    partial = sgs._partial_ties(df, "country", "month", True, None)
    out["partial_rows"] = partial.count()
    # The whole job from the file, read each time (what a job on stored data does).
    def from_file(make):
        frame = spark.read.csv(path, sep="\t", header=True, quote="", nullValue="NA").select(
            *[f"`{c}`" for c in COLUMNS]
        )
        noop(make(frame))

    out["file_stancegraph"] = best(lambda: from_file(lambda f: sgs.event_ties(f, window="month")), repeat)
    out["file_spark_sql"] = best(lambda: from_file(spark_sql), repeat)
    # The two tables agree (Goldstein to 1e-6).
    a, b = ties.toPandas(), sql.toPandas()
    same = len(a) == len(b) and all(
        a[c].tolist() == b[c].tolist() for c in a.columns if c != "goldstein"
    ) and (abs(a["goldstein"] - b["goldstein"]) < 1e-6).all()
    out["same_table"] = bool(same)
    out["dyad_months"] = len(a)
    # The driver's side: collecting the (cached) ties and making a graph per month.
    ties = ties.cache()
    ties.count()
    start = time.perf_counter()
    graphs = sgs.signed_graphs(ties)
    out["driver_signed_graphs"] = time.perf_counter() - start
    out["periods"] = len(graphs)
    spark.stop()
    print(json.dumps(out), flush=True)


def kernel_alone(path, repeat):
    """The partition kernel through the Arrow boundary, without Spark, on one core."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    from stancegraph import _native
    from stancegraph.spark import ICEWS_COLUMNS, _ROLES, _strings

    table = pacsv.read_csv(
        path,
        parse_options=pacsv.ParseOptions(delimiter="\t", quote_char=False),
        convert_options=pacsv.ConvertOptions(
            include_columns=COLUMNS, column_types={c: pa.string() for c in COLUMNS}
        ),
    )
    role_of = {v: k for k, v in ICEWS_COLUMNS.items()}
    table = table.rename_columns([role_of[c] for c in table.column_names])
    batches = table.to_batches(max_chunksize=10_000)
    present = [r in table.column_names for r in _ROLES]
    names = [ICEWS_COLUMNS[r] for r in _ROLES]

    def copy_only():
        for b in batches:
            for r, has in zip(_ROLES, present):
                if has:
                    _strings(b.column(r))

    def whole():
        p = _native._EventPartition("country", "month", True, names, 0)
        for b in batches:
            p.add([_strings(b.column(r)) if has else None for r, has in zip(_ROLES, present)])
        p.finish()

    t_whole, t_copy = best(whole, repeat), best(copy_only, repeat)
    out = {
        "kernel_alone_events": table.num_rows,
        "kernel_seconds": t_whole,
        "copy_seconds": t_copy,
        "events_per_second_per_core": table.num_rows / t_whole,
    }
    print(json.dumps(out), flush=True)
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("events")
    parser.add_argument("--cores", default="1,2")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        child(args.events, args.child, args.repeat)
        return
    rows = []
    for cores in [int(c) for c in args.cores.split(",")]:
        done = subprocess.run(
            [sys.executable, __file__, args.events, "--child", str(cores), "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            sys.exit(done.stderr[-4000:])
        line = done.stdout.strip().splitlines()[-1]
        print(line, flush=True)
        rows.append(json.loads(line))
    k = kernel_alone(args.events, args.repeat)
    print()
    print("| cores | events | scan (cached), s | boundary only, s | stancegraph event_ties, s | Spark SQL groupBy, s | SQL / stancegraph | from the file: stancegraph, s | from the file: Spark SQL, s | same table |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(
            f"| {r['cores']} | {r['events']:,} | {r['scan']:.2f} | {r['boundary']:.2f} | {r['stancegraph']:.2f} | "
            f"{r['spark_sql']:.2f} | {r['spark_sql'] / r['stancegraph']:.2f}× | {r['file_stancegraph']:.2f} | "
            f"{r['file_spark_sql']:.2f} | {r['same_table']} |"
        )
    print()
    for r in rows:
        agg = r["spark_sql"] - r["scan"]
        print(
            f"{r['cores']} core(s): Spark SQL's aggregation beyond the scan {agg:.2f} s "
            f"= {r['events'] / agg / r['cores'] / 1e6:.2f} M events/s per core; "
            f"partial rows shuffled by event_ties: {r['partial_rows']:,}"
        )
    print(
        f"kernel alone (one core, batches of 10,000): {k['kernel_alone_events']:,} events in "
        f"{k['kernel_seconds']:.3f} s = {k['events_per_second_per_core'] / 1e6:.2f} M events/s; "
        f"copying Arrow buffers {k['copy_seconds']:.3f} s ({100 * k['copy_seconds'] / k['kernel_seconds']:.0f}%)"
    )
    for r in rows:
        print(f"driver, {r['cores']} core(s): signed_graphs of {r['dyad_months']:,} ties / {r['periods']} months in {r['driver_signed_graphs']:.2f} s")


if __name__ == "__main__":
    main()
