#!/usr/bin/env bash
# Side by side, in one run: a million ICEWS-format events (the tests/data sample repeated with
# shifted months, ~260 MB, generated into a temporary folder by events_generate.py) aggregated
# to country dyads by month, by `stancegraph events FILE --window month` and by pandas
# (events_pandas.py: read_csv with usecols, the C parser, then groupby), whole processes timed
# alternately (RUNS each) with peak RSS; the two outputs compared (same dyads, periods, event
# counts and Goldstein sums). Then stancegraph's peak RSS on 10 million events read from a pipe
# (the generator writing to stdin: nothing on disk), by month and over all time, to show that
# memory grows with the output (dyad-periods), not with the input.
#
# Usage: benches/baseline/events_pandas.sh [N] [RUNS] [BIG]   (defaults 1000000, 3, 10000000)
# Needs: a Python (PYTHON, default python3) with pandas; /usr/bin/time (GNU time).
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
runs=${2:-3}
big=${3:-10000000}
py=${PYTHON:-python3}
"$py" -c "import pandas" 2>/dev/null || { echo "$py needs pandas: pip install pandas" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 2; }
cargo build --release --quiet --features cli --bin stancegraph
sg="${CARGO_TARGET_DIR:-target}/release/stancegraph"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$py" benches/baseline/events_generate.py "$n" "$out/events.tab"
echo "input: $n events, $(du -m "$out/events.tab" | cut -f1) MB"
cat "$out/events.tab" > /dev/null  # warm the page cache for both
for i in $(seq "$runs"); do
  /usr/bin/time -f "stancegraph %e s %M KB" "$sg" events "$out/events.tab" --window month -o "$out/sg.csv" 2>&1 | grep '^stancegraph' || true
  /usr/bin/time -f "pandas %e s %M KB" "$py" benches/baseline/events_pandas.py "$out/events.tab" "$out/pandas.csv" 2>&1 | grep '^pandas' || true
done | tee "$out/times.txt"
"$py" - "$out/sg.csv" "$out/pandas.csv" "$out/times.txt" <<'PY'
import sys
import pandas as pd
a = pd.read_csv(sys.argv[1], keep_default_na=False)
b = pd.read_csv(sys.argv[2], keep_default_na=False)
a = a[["source", "target", "period", "events", "goldstein"]]
assert list(a[["source", "target", "period"]].itertuples(index=False)) == list(
    b[["source", "target", "period"]].itertuples(index=False)), "different dyads or order"
assert (a["events"] == b["events"]).all(), "different event counts"
assert ((a["goldstein"] - b["goldstein"]).abs() < 1e-6).all(), "different Goldstein sums"
print(f"outputs agree: {len(a)} dyad-months")
times = {}
for line in open(sys.argv[3]):
    tool, secs, _, kb, _ = line.split()
    times.setdefault(tool, []).append((float(secs), int(kb)))
best = {t: min(v) for t, v in times.items()}
for t, (s, kb) in best.items():
    print(f"{t:12} best {s:6.2f} s  peak RSS {kb / 1024:7.1f} MB")
print(f"speed-up: {best['pandas'][0] / best['stancegraph'][0]:.1f}x")
PY
# Peak memory is O(dyad-periods), not O(events): with months shifted per repetition the output
# grows with N (10x the dyad-months at 10x the events); with --window all it does not.
for window in month all; do
  for count in "$n" "$big"; do
    echo "stancegraph on $count events from a pipe, --window $window (the time is the generator's):"
    "$py" benches/baseline/events_generate.py "$count" - |
      /usr/bin/time -f "  %e s, peak RSS %M KB" "$sg" events /dev/stdin --window "$window" -o "$out/big.csv"
  done
done
