"""What crossing the Python boundary costs on the 1M-position contradiction check.

Times, in one process, `stancegraph.load(FILE)` and `scenario.contradictions()` (and
reading the result: `len`, the summary, the first explanation), and runs the Rust
example `scale check FILE` (the same two library calls, timed inside Rust) alternately
with it, RUNS times each. Prints each run and the best and median ratios
Python / Rust for the load, the check and both together.

    cargo run --release --example scale -- generate-contested 1000000 /tmp/c1m.json
    cargo build --release --example scale
    python python/benchmarks/check_boundary.py /tmp/c1m.json 5

Needs the package installed in release mode (`pip install ./python`, or
`maturin develop --release` in python/).
"""

import pathlib
import re
import statistics
import subprocess
import sys
import time

import stancegraph

ROOT = pathlib.Path(__file__).resolve().parents[2]


def python_run(path):
    start = time.perf_counter()
    scenario = stancegraph.load(path)
    loaded = time.perf_counter()
    found = scenario.contradictions()
    checked = time.perf_counter()
    n, summary = len(found), found.summary
    first = found[0].explanation if n else ""
    read = time.perf_counter()
    return loaded - start, checked - loaded, read - checked, n, summary, first


def rust_run(path, binary):
    out = subprocess.run([binary, "check", path], check=True, capture_output=True, text=True).stdout
    match = re.search(r"load ([0-9.]+) s, check ([0-9.]+) s", out)
    if not match:
        sys.exit(f"unexpected output of {binary}: {out}")
    count = int(re.search(r"-> (\d+) contradictions", out).group(1))
    return float(match.group(1)), float(match.group(2)), count


def main():
    if len(sys.argv) < 2 or not pathlib.Path(sys.argv[1]).exists():
        sys.exit(__doc__)
    path, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
    binary = ROOT / "target" / "release" / "examples" / "scale"
    if not binary.exists():
        sys.exit(f"no {binary}: cargo build --release --example scale")
    rows = []
    for i in range(runs):
        r_load, r_check, r_n = rust_run(path, str(binary))
        p_load, p_check, p_read, p_n, _, _ = python_run(path)
        if p_n != r_n:
            sys.exit(f"Python found {p_n} contradictions, Rust {r_n}")
        rows.append((r_load, r_check, p_load, p_check, p_read))
        print(f"run {i + 1}: rust load {r_load:.3f} s check {r_check:.3f} s | "
              f"python load {p_load:.3f} s check {p_check:.3f} s read {p_read * 1000:.1f} ms "
              f"({p_n} contradictions)")
    for name, r, p in [("load", 0, 2), ("check", 1, 3)]:
        ratios = [row[p] / row[r] for row in rows]
        print(f"{name}: python/rust median {statistics.median(ratios):.3f}, "
              f"best-of-{runs} {min(row[p] for row in rows) / min(row[r] for row in rows):.3f}")
    total = [(row[2] + row[3] + row[4]) / (row[0] + row[1]) for row in rows]
    print(f"load+check(+read): python/rust median {statistics.median(total):.3f}")


if __name__ == "__main__":
    main()
