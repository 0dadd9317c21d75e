#!/usr/bin/env bash
# Side by side, in one run: the UN votes reference job in Rust (the un_votes example), from Python
# through the stancegraph package (benches/baseline/python_votes.py: read_votes(...)
# .agreement_matrices(), the arrays written as CSV; and read_votes(...).write_matrices(dir), which
# needs no numpy), and in pandas + numpy
# (benches/baseline/un_matrices.py). Checks that all three write byte-identical matrices, times
# whole processes alternately with hyperfine (with Python's own start-up, bare and with numpy
# imported, timed beside them), measures each one's peak memory, then times the job's steps
# inside one Python process (python_votes.py --timings).
#
# Usage: benches/baseline/compare_python.sh [VOTES_CSV] [RUNS]
# Needs: a Python (PYTHON, default python3) with numpy, pandas and the stancegraph package built
# for speed (cd python && maturin develop --release), and hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/../.."
votes=${1:-../shared/data/unvotes/un_votes.csv}
runs=${2:-15}
py=${PYTHON:-python3}
[ -f "$votes" ] || { echo "no votes file at $votes (pass its path: un_votes.csv of the shared unvotes data)" >&2; exit 2; }
"$py" -c "import numpy, pandas" 2>/dev/null || { echo "$py needs numpy and pandas: pip install numpy pandas" >&2; exit 2; }
"$py" -c "import stancegraph" 2>/dev/null || { echo "$py needs the stancegraph package: cd python && maturin develop --release" >&2; exit 2; }
command -v hyperfine > /dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet --example un_votes
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rust="${CARGO_TARGET_DIR:-target}/release/examples/un_votes --votes $votes --matrices $out/rust"
python="$py benches/baseline/python_votes.py $votes $out/python"
python_write="$py benches/baseline/python_votes.py $votes $out/python_write --via write"
numpy="$py benches/baseline/un_matrices.py $votes $out/numpy"
$rust > /dev/null
$python
$python_write
$numpy
for f in shared.csv identical.csv opposed.csv; do
  cmp -s "$out/rust/$f" "$out/python/$f" || { echo "outputs differ: $f (Rust, Python package)" >&2; exit 1; }
  cmp -s "$out/rust/$f" "$out/python_write/$f" || { echo "outputs differ: $f (Rust, Python write_matrices)" >&2; exit 1; }
  cmp -s "$out/rust/$f" "$out/numpy/$f" || { echo "outputs differ: $f (Rust, pandas + numpy)" >&2; exit 1; }
done
echo "outputs identical (shared.csv, identical.csv, opposed.csv)"
hyperfine -N --warmup 2 --runs "$runs" \
  -n rust "$rust" \
  -n python-stancegraph "$python" \
  -n python-stancegraph-write "$python_write" \
  -n pandas+numpy "$numpy" \
  -n python-startup "$py -c pass" \
  -n python-import-stancegraph "$py -c 'import stancegraph'" \
  -n python-import-numpy "$py -c 'import numpy'"
for name in rust python python_write numpy; do
  cmd=${!name}
  /usr/bin/time -f "$name peak memory: %M KiB" $cmd > /dev/null
done
echo "in-process (one Python process; median of $runs runs each):"
$py benches/baseline/python_votes.py "$votes" "$out/inprocess" --timings "$runs"
