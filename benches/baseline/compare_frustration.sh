#!/usr/bin/env bash
# Side by side, in one run: the exact frustration index of all 51 Correlates of War windows in
# stancegraph (`stancegraph balance --edges --exact`, which also runs the balance tests, triangle
# census and walk balance) and in scipy's milp / HiGHS on the standard integer programme
# (benches/baseline/frustration_milp.py). Checks that both prove the same 51 values optimal, then
# times both whole processes alternately with hyperfine.
#
# Usage: benches/baseline/compare_frustration.sh [EDGES_CSV] [RUNS]
# Needs: scipy and numpy (pip install scipy numpy), hyperfine (apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/../.."
edges=${1:-tests/data/cow_signed_networks.csv}
runs=${2:-3}
[ -f "$edges" ] || { echo "no edge list at $edges (pass its path)" >&2; exit 2; }
python3 -c "import scipy, numpy" 2>/dev/null || { echo "needs scipy and numpy: pip install scipy numpy" >&2; exit 2; }
command -v hyperfine > /dev/null || { echo "needs hyperfine: apt-get install hyperfine" >&2; exit 2; }
cargo build --release --quiet --features cli --bin stancegraph
out=$(mktemp -d)
rust="./target/release/stancegraph balance --edges $edges --exact --format json"
scipy="python3 benches/baseline/frustration_milp.py $edges $out/highs.csv"
$rust > "$out/rust.json"
$scipy > /dev/null 2>&1
python3 - "$out/rust.json" "$out/highs.csv" <<'PY'
import csv, json, sys
ours = json.load(open(sys.argv[1]))
ours = ours if isinstance(ours, list) else [ours]
theirs = list(csv.DictReader(open(sys.argv[2])))
assert len(ours) == len(theirs), (len(ours), len(theirs))
for o, t in zip(ours, theirs):
    assert (o["period"] or "") == t["period"], (o["period"], t["period"])
    assert o["frustration"]["exact"], o["period"]
    assert o["frustration"]["value"] == int(t["frustration"]), (o["period"], o["frustration"]["value"], t["frustration"])
print(f"both prove the same {len(ours)} frustration indices optimal "
      f"(sum {sum(o['frustration']['value'] for o in ours)}); HiGHS solve time "
      f"{sum(float(t['seconds']) for t in theirs):.1f} s")
PY
hyperfine -N --runs "$runs" -n stancegraph "$rust" -n scipy-milp-highs "$scipy"
rm -rf "$out"
