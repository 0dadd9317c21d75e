"""The UN votes reference job from Python, through the stancegraph package.

All votes -> for every pair of countries, the roll calls both voted in, voted identically and voted
yes-against-no, as three CSV matrices (shared.csv, identical.csv, opposed.csv), byte for byte what

    cargo run --release --example un_votes -- --votes VOTES --matrices OUT_DIR

writes (and benches/baseline/un_matrices.py, the pandas + numpy baseline).

    python3 python_votes.py VOTES_CSV OUT_DIR               # read_votes(...).agreement_matrices(),
                                                            # the arrays written as CSV here
    python3 python_votes.py VOTES_CSV OUT_DIR --via write   # read_votes(...).write_matrices(OUT_DIR)
    python3 python_votes.py VOTES_CSV OUT_DIR --timings 20  # the job's steps timed in-process
                                                            # (median of 20 runs each), with the
                                                            # imports timed separately

Needs the stancegraph package (cd python && maturin develop --release) and numpy; with --via write
numpy is not imported at all.
"""

import os
import statistics
import sys
import time

_t0 = time.perf_counter()
import stancegraph  # noqa: E402  (timed; it does not import numpy: agreement_matrices() does)

_t1 = time.perf_counter()

NAMES = ("shared.csv", "identical.csv", "opposed.csv")


def label(text: str) -> str:
    """A name as the Rust example writes it: safe for spreadsheets, quoted where CSV needs it."""
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    if any(c in text for c in ',"\n\r'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def write_matrices(out_dir: str, names: list, matrices: list) -> None:
    """The matrices as CSV: a header row of the labels after an empty cell, one row per label."""
    labels = [label(n) for n in names]
    # Counts are small integers: one text per value, looked up (twice as fast as str() per cell).
    top = max((int(m.max()) for m in matrices if m.size), default=0)
    text = [str(i) for i in range(top + 1)].__getitem__
    os.makedirs(out_dir, exist_ok=True)
    for name, matrix in zip(NAMES, matrices):
        lines = ["," + ",".join(labels)]
        for row_label, row in zip(labels, matrix.tolist()):
            lines.append(row_label + "," + ",".join(map(text, row)))
        with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(lines))
            f.write("\n")


def job_arrays(votes_csv: str, out_dir: str) -> None:
    names, shared, identical, opposed = stancegraph.read_votes(votes_csv).agreement_matrices()
    write_matrices(out_dir, names, (shared, identical, opposed))


def job_write(votes_csv: str, out_dir: str) -> None:
    stancegraph.read_votes(votes_csv).write_matrices(out_dir)


def median_ms(f, runs: int) -> str:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return f"{1000 * statistics.median(times):7.1f} ms (min {1000 * min(times):.1f})"


def timings(votes_csv: str, out_dir: str, runs: int) -> None:
    print(f"import stancegraph     {1000 * (_t1 - _t0):7.1f} ms (once)")
    start = time.perf_counter()
    import numpy  # noqa: F401  (what agreement_matrices() imports the first time)

    print(f"import numpy           {1000 * (time.perf_counter() - start):7.1f} ms (once)")
    votes = stancegraph.read_votes(votes_csv)
    names, *matrices = votes.agreement_matrices()
    print(f"{votes!r}, median of {runs} runs:")
    print("read_votes             " + median_ms(lambda: stancegraph.read_votes(votes_csv), runs))
    print("agreement_matrices()   " + median_ms(votes.agreement_matrices, runs))

    print("arrays written as CSV  " + median_ms(lambda: write_matrices(out_dir, names, matrices), runs))
    print("write_matrices(dir)    " + median_ms(lambda: votes.write_matrices(out_dir), runs))
    print("job, arrays            " + median_ms(lambda: job_arrays(votes_csv, out_dir), runs))
    print("job, write_matrices    " + median_ms(lambda: job_write(votes_csv, out_dir), runs))


def main(argv: list) -> int:
    args = list(argv)
    via, runs = "arrays", 0
    if "--via" in args:
        i = args.index("--via")
        via = args[i + 1] if i + 1 < len(args) else ""
        del args[i : i + 2]
    if "--timings" in args:
        i = args.index("--timings")
        runs = int(args[i + 1]) if i + 1 < len(args) else 20
        del args[i : i + 2]
    if len(args) != 2 or via not in ("arrays", "write"):
        print(__doc__, file=sys.stderr)
        return 2
    votes_csv, out_dir = args
    if not os.path.isfile(votes_csv):
        print(f"no votes file at {votes_csv} (pass its path: un_votes.csv of the shared unvotes data)",
              file=sys.stderr)
        return 2
    if runs:
        timings(votes_csv, out_dir, runs)
    elif via == "arrays":
        job_arrays(votes_csv, out_dir)
    else:
        job_write(votes_csv, out_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
