#!/usr/bin/env bash
# Side by side, in one run: the cheapest deal of a generated negotiation in stancegraph
# (`stancegraph deals FILE --max 1 --format json`) and in PySAT's RC2 on the same problem as
# weighted MaxSAT (benches/baseline/deals_rc2.py on the WCNF file stancegraph writes with --wcnf).
#
# Builds `stancegraph` (release, --features cli) and the scale example, generates the negotiation
# (`scale generate-negotiation PARTIES ISSUES CROSS`), runs stancegraph once with --wcnf to write
# the WCNF file (not timed), then times ROUNDS rounds of both whole processes alternately (who
# goes first alternates too): stancegraph without --wcnf (load + claims + search + JSON) against
# python deals_rc2.py (interpreter start + PySAT import + parse + solve). Every round checks that
# stancegraph's optimal weighted cost (JSON field `weight`) equals RC2's `cost`. Prints medians and
# the ratio RC2 / stancegraph.
#
# Usage: benches/baseline/deals_side_by_side.sh [--max N] [--rounds R] [--stratified]
#                                               [PARTIES [ISSUES [CROSS]]]
#        benches/baseline/deals_side_by_side.sh --wcnf FILE [--expect COST] [--max N] [--rounds R]
#                                               [--stratified]
# Defaults: 200 parties, 4000 issues, cross 0.0, --max 1, 5 rounds. --max 10 times the ten
# cheapest deals (RC2 enumerates ten distinct sets of concessions); the cheapest must agree, the
# rest are printed side by side. --stratified runs RC2Stratified instead of RC2. --wcnf times RC2
# alone on a given WCNF file (checked against --expect when given), without stancegraph.
# Needs: the venv of benches/baseline/deals_rc2.py (see its header). Honours CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

max=1
rounds=5
stratified=
wcnf=
expect=
positional=()
while [ $# -gt 0 ]; do
  case "$1" in
    --max) max=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --stratified) stratified=--stratified; shift ;;
    --wcnf) wcnf=$2; shift 2 ;;
    --expect) expect=$2; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) positional+=("$1"); shift ;;
  esac
done
parties=${positional[0]:-200}
issues=${positional[1]:-4000}
cross=${positional[2]:-0.0}
case "$max$rounds" in *[!0-9]*) echo "--max and --rounds take whole numbers" >&2; exit 2 ;; esac
[ "$max" -ge 1 ] && [ "$rounds" -ge 1 ] || { echo "--max and --rounds must be at least 1" >&2; exit 2; }

py=benches/baseline/.venv/bin/python
if ! "$py" -c "import pysat" 2>/dev/null; then
  echo "needs PySAT in benches/baseline/.venv:" >&2
  echo "  python3 -m venv benches/baseline/.venv" >&2
  echo "  benches/baseline/.venv/bin/pip install -r benches/baseline/requirements-deals.txt" >&2
  exit 2
fi
rc2=("$py" benches/baseline/deals_rc2.py)
[ -n "$stratified" ] && rc2+=("$stratified")
[ "$max" -gt 1 ] && rc2+=(--enumerate "$max")

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if [ -n "$wcnf" ]; then
  [ -f "$wcnf" ] || { echo "no WCNF file at $wcnf" >&2; exit 2; }
  rust=()
  rc2+=("$wcnf")
else
  target=${CARGO_TARGET_DIR:-target}
  cargo build --release --quiet --features cli --bin stancegraph --example scale
  stancegraph=$target/release/stancegraph
  if ! "$stancegraph" deals --help > /dev/null 2>&1; then
    echo "$stancegraph has no \`deals\` subcommand yet (issue 14); try --wcnf FILE for RC2 alone" >&2
    exit 2
  fi
  scenario=$out/negotiation.json
  "$target/release/examples/scale" generate-negotiation "$parties" "$issues" "$cross" "$scenario"
  rust=("$stancegraph" deals "$scenario" --max "$max" --format json)
  # The WCNF file is written once, outside the timed runs.
  "${rust[@]}" --wcnf "$out/deals.wcnf" > "$out/first.json"
  echo "WCNF: $(grep -c ' 0$' "$out/deals.wcnf") clauses in $(du -h "$out/deals.wcnf" | cut -f1)"
  rc2+=("$out/deals.wcnf")
fi

"$py" - "$rounds" "$max" "$expect" "${#rust[@]}" "${rust[@]}" "${rc2[@]}" <<'PY'
import json
import statistics
import subprocess
import sys
import time

rounds, max_deals, expect = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
n_rust = int(sys.argv[4])
rust, rc2 = sys.argv[5:5 + n_rust], sys.argv[5 + n_rust:]


def run(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return seconds, done.stdout


def weights(text):
    """The `weight` of each deal in stancegraph's JSON, cheapest first."""
    doc = json.loads(text)
    deals = doc.get("deals", doc) if isinstance(doc, dict) else doc
    if isinstance(deals, dict):
        deals = [deals]
    try:
        return [int(d["weight"]) for d in deals]
    except (TypeError, KeyError, ValueError):
        keys = list(doc) if isinstance(doc, dict) else type(doc).__name__
        sys.exit(f"no deals with a `weight` in stancegraph's JSON (top level: {keys})")


def costs(text):
    doc = json.loads(text)
    return doc.get("costs", [doc["cost"]]), doc["seconds"]


times = {"stancegraph": [], "rc2": []}
solve = []
for r in range(rounds):
    order = ["stancegraph", "rc2"] if r % 2 == 0 else ["rc2", "stancegraph"]
    found = {}
    for name in order:
        if name == "stancegraph" and not rust:
            continue
        seconds, stdout = run(rust if name == "stancegraph" else rc2)
        times[name].append(seconds)
        found[name] = stdout
    theirs, solve_seconds = costs(found["rc2"])
    solve.append(solve_seconds)
    if expect and theirs[0] != int(expect):
        sys.exit(f"round {r + 1}: RC2's optimum {theirs[0]} is not the expected {expect}")
    if rust:
        ours = weights(found["stancegraph"])
        if not ours or ours[0] != theirs[0]:
            sys.exit(f"round {r + 1}: stancegraph's cheapest deal weighs {ours[:1]}, "
                     f"RC2's optimum is {theirs[0]}")
        if r == 0 and ours != theirs:
            print(f"note: the {max_deals} cheapest differ after the first:\n"
                  f"  stancegraph {ours}\n  RC2         {theirs}")

print(f"optimum {theirs[0]}" + (f"; {len(theirs)} cheapest: {theirs}" if max_deals > 1 else ""))
what = "the cheapest deal" if max_deals == 1 else f"the {max_deals} cheapest deals"


def line(name, values):
    return (f"{name:<12} median {statistics.median(values):8.3f} s "
            f"(min {min(values):.3f}, max {max(values):.3f}, {len(values)} runs)")


print(f"end to end, {what}:")
if rust:
    print(line("stancegraph", times["stancegraph"]))
print(line("RC2", times["rc2"]))
print(line("RC2 solving", solve))
if rust:
    ratio = statistics.median(times["rc2"]) / statistics.median(times["stancegraph"])
    print(f"RC2 / stancegraph = {ratio:.2f}x")
PY
