#!/usr/bin/env bash
# Side by side, in one run: the UN votes reference job in stancegraph and in pandas + numpy
# (benches/baseline/un_matrices.py). Checks that both write identical matrices, times whole
# processes alternately with hyperfine, and measures each one's peak memory.
#
# Usage: benches/baseline/compare.sh [VOTES_CSV] [RUNS]
# Needs: numpy and pandas (pip install numpy pandas), hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/../.."
votes=${1:-../shared/data/unvotes/un_votes.csv}
runs=${2:-15}
[ -f "$votes" ] || { echo "no votes file at $votes (pass its path)" >&2; exit 2; }
python3 -c "import numpy, pandas" 2>/dev/null || { echo "needs numpy and pandas: pip install numpy pandas" >&2; exit 2; }
command -v hyperfine > /dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet --example un_votes
out=$(mktemp -d)
rust="./target/release/examples/un_votes --votes $votes --matrices $out/rust"
numpy="python3 benches/baseline/un_matrices.py $votes $out/numpy"
$rust > /dev/null
$numpy
for f in shared.csv identical.csv opposed.csv; do
  cmp -s "$out/rust/$f" "$out/numpy/$f" || { echo "outputs differ: $f" >&2; exit 1; }
done
echo "outputs identical (shared.csv, identical.csv, opposed.csv)"
hyperfine -N --warmup 2 --runs "$runs" -n stancegraph "$rust" -n pandas+numpy "$numpy"
for name in rust numpy; do
  cmd=${!name}
  /usr/bin/time -f "$name peak memory: %M KiB" $cmd > /dev/null
done
rm -rf "$out"
