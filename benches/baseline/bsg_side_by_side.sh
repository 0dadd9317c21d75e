#!/usr/bin/env bash
# Side by side: the exact frustration index in stancegraph (`stancegraph balance FILE --edges
# --exact --time-limit S --format json --no-significance`) and in `bsg`, the Balanced Subgraph
# solver of Hüffner, Betzler & Niedermeier (data reduction and iterative compression; GitHub
# falk-hueffner/balanced-subgraph), with the same time limit, on the same simple graphs (issue 16).
#
# bsg is GPL and is never part of this project: build it yourself outside the tree, as its README
# says, and pass the binary with --bsg or $BSG. bsg has no time limit of its own: it is
# killed at the limit and then counts as unsolved; when it finishes, its answer is optimal.
# stancegraph is given the limit (--time-limit) and killed only if it overruns it by a grace
# period (the greater of 10 s and a quarter of the limit).
#
# Instances (--sets, comma-separated; default all four):
#   bsg     every *.signed-graph of bsg's data/ directory (--bsg-data or $BSG_DATA)
#   signed  the graphs of the shared data directory (--signed or $SIGNED_DATA; default
#           ../shared/data/signed next to the repository): highland_tribes, slovene_parties_1994,
#           supreme_court_2000_01, yeast_signed, macrophage_signed, egfr_signed,
#           bitcoin_alpha_ratings, bitcoin_otc_ratings, wikipedia_elections_votes
#   cow     the Correlates of War windows of cow_signed_networks.csv in that directory
#           (--cow-windows all, or a comma-separated list such as 46-49,96-99; default all)
#   random  planted camps, benches/common::signed(N, M, NOISE, SEED), one per --random
#           N:M:NOISE:SEED (repeatable; default 100:300:0.1:7 200:600:0.1:7 400:1200:0.1:7
#           1000:3000:0.02:7 1000:10000:0.02:7 2000:20000:0.01:7)
# Every graph is made simple first, as ../shared/data/signed/README.md defines it: per unordered
# pair the sign of the sum of its signs, zero sums and self-loops dropped (bsg's multigraph
# values, yeast 41 and macrophage 374, count parallel edges and are not these). A graph identical
# to one already listed (bsg's yeast/macrophage/EGFR and the shared copies) runs once.
#
# Checks: where both prove optimality the values must agree; where only bsg finishes, its value
# must lie within stancegraph's [lower bound, value]; stancegraph's camps must frustrate exactly
# the edges it reports; deleting the edges bsg prints must leave the graph balanced. Any failure
# is printed as a DISAGREE/INVALID line and the script exits with 1 at the end.
#
# Usage: benches/baseline/bsg_side_by_side.sh --bsg PATH [--bsg-data DIR] [--signed DIR]
#          [--sets LIST] [--time-limit S] [--cow-windows LIST] [--random N:M:NOISE:SEED]...
#          [--only REGEX] [--skip REGEX] [--prune bsg|stancegraph|both] [--bsg-args ARGS]
#          [--out DIR]
#        benches/baseline/bsg_side_by_side.sh --summary TABLE.tsv...
# --only/--skip keep/drop instances whose name matches the (Python) regex. --prune TOOL: once
# TOOL ran out of time on an instance, it is not run on instances of the same family (bsg's g*,
# the CoW windows, each noise level of the random graphs) with at least as many edges; those show
# `skip` and count as unsolved (an inference, not a run). --bsg-args passes options to bsg (e.g.
# -d). --out keeps the instances (CSV and bsg format), every output and table.tsv there (default:
# a temporary directory, removed). --summary prints the totals of the table.tsv files of several
# runs together (for a comparison run in parts) and runs nothing.
# Times are wall clock of the whole process (read, solve, write) and its CPU time (user + sys).
# Needs python3. Honours CARGO_TARGET_DIR; $STANCEGRAPH names a built binary instead of building.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
convert=$here/bsg_convert.py

bsg=${BSG:-}
bsg_data=${BSG_DATA:-}
signed=${SIGNED_DATA:-$root/../shared/data/signed}
sets=bsg,signed,cow,random
limit=60
cow_windows=all
randoms=()
only=
skip=
prune=none
summary=()
bsg_args=
out=
while [ $# -gt 0 ]; do
  case "$1" in
    --bsg) bsg=$2; shift 2 ;;
    --bsg-data) bsg_data=$2; shift 2 ;;
    --signed) signed=$2; shift 2 ;;
    --sets) sets=$2; shift 2 ;;
    --time-limit) limit=$2; shift 2 ;;
    --cow-windows) cow_windows=$2; shift 2 ;;
    --random) randoms+=("$2"); shift 2 ;;
    --only) only=$2; shift 2 ;;
    --skip) skip=$2; shift 2 ;;
    --prune) prune=$2; shift 2 ;;
    --summary) shift; summary=("$@"); break ;;
    --bsg-args) bsg_args=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,47p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#randoms[@]} -gt 0 ] || randoms=(100:300:0.1:7 200:600:0.1:7 400:1200:0.1:7
                                    1000:3000:0.02:7 1000:10000:0.02:7 2000:20000:0.01:7)

command -v python3 > /dev/null || { echo "needs python3" >&2; exit 2; }

# The totals of one or more table.tsv files: instances both prove optimal (with their times and
# the ratio), and those only one of them, or neither, proves optimal.
summarize() {
  python3 - "$@" <<'PY'
import csv
import sys

rows = []
for path in sys.argv[1:]:
    with open(path, newline="") as f:
        rows += list(csv.DictReader(f, delimiter="\t"))
solved = {"sg": lambda r: r["sg_exact"] == "True", "bsg": lambda r: r["bsg_exact"] == "True"}
both = [r for r in rows if solved["sg"](r) and solved["bsg"](r)]
only_sg = [r["instance"] for r in rows if solved["sg"](r) and not solved["bsg"](r)]
only_bsg = [r["instance"] for r in rows if solved["bsg"](r) and not solved["sg"](r)]
neither = [r["instance"] for r in rows if not solved["sg"](r) and not solved["bsg"](r)]
if both:
    total = {k: sum(float(r[k]) for r in both)
             for k in ("sg_wall_s", "sg_cpu_s", "bsg_wall_s", "bsg_cpu_s")}
    same = all(r["sg_value"] == r["bsg_value"] for r in both)
    print(f"both prove optimal: {len(both)} of {len(rows)} instances, "
          f"{'the same values' if same else 'VALUES DIFFER'}")
    print(f"  stancegraph {total['sg_wall_s']:.2f} s wall, {total['sg_cpu_s']:.2f} s cpu; "
          f"bsg {total['bsg_wall_s']:.2f} s wall, {total['bsg_cpu_s']:.2f} s cpu; bsg / stancegraph "
          f"{total['bsg_wall_s'] / max(total['sg_wall_s'], 1e-9):.1f}x wall, "
          f"{total['bsg_cpu_s'] / max(total['sg_cpu_s'], 1e-9):.1f}x cpu")
else:
    print(f"no instance of {len(rows)} proven optimal by both")
print(f"only stancegraph proves optimal ({len(only_sg)}): {', '.join(only_sg) or '-'}")
print(f"only bsg proves optimal ({len(only_bsg)}): {', '.join(only_bsg) or '-'}")
print(f"neither ({len(neither)}; `skip` counts as unsolved): {', '.join(neither) or '-'}")
PY
}
if [ ${#summary[@]} -gt 0 ]; then
  for t in "${summary[@]}"; do [ -f "$t" ] || { echo "no table at $t" >&2; exit 2; }; done
  summarize "${summary[@]}"
  exit
fi
case "$prune" in none|bsg|stancegraph|both) ;; *) echo "--prune takes bsg, stancegraph or both" >&2; exit 2 ;; esac
[ -f "$convert" ] || { echo "no converter at $convert" >&2; exit 2; }
case "$limit" in ''|*[!0-9.]*) echo "--time-limit takes seconds, not '$limit'" >&2; exit 2 ;; esac
if [ -z "$bsg" ]; then
  echo "needs bsg: build it outside the project from falk-hueffner/balanced-subgraph" >&2
  echo "  (as its README says) and pass the binary with --bsg PATH or BSG=PATH" >&2
  exit 2
fi
[ -x "$bsg" ] && [ -f "$bsg" ] || { echo "bsg is not an executable file: $bsg" >&2; exit 2; }
# A triangle with one negative edge: bsg -s prints `n m k seconds n'` with k = 1.
k=$(printf '1 2 0\n2 3 0\n3 1 1\n' | "$bsg" -s 2> /dev/null | awk '{print $3}') || true
[ "$k" = 1 ] || { echo "$bsg does not answer as bsg (k = 1 on an unbalanced triangle)" >&2; exit 2; }

want() { case ",$sets," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }
for s in ${sets//,/ }; do
  case "$s" in bsg|signed|cow|random) ;; *) echo "unknown set $s in --sets" >&2; exit 2 ;; esac
done
if want bsg; then
  [ -n "$bsg_data" ] || { echo "set bsg: pass bsg's data/ directory with --bsg-data or BSG_DATA" >&2; exit 2; }
  compgen -G "$bsg_data/*.signed-graph" > /dev/null \
    || { echo "set bsg: no *.signed-graph files in $bsg_data" >&2; exit 2; }
fi
if want signed || want cow; then
  [ -d "$signed" ] || { echo "no shared signed data at $signed (pass --signed DIR or SIGNED_DATA)" >&2; exit 2; }
fi
signed_files=(highland_tribes slovene_parties_1994 supreme_court_2000_01 yeast_signed
              macrophage_signed egfr_signed bitcoin_alpha_ratings bitcoin_otc_ratings
              wikipedia_elections_votes)
if want signed; then
  for f in "${signed_files[@]}"; do
    [ -f "$signed/$f.csv" ] || { echo "set signed: missing $signed/$f.csv" >&2; exit 2; }
  done
fi
if want cow; then
  [ -f "$signed/cow_signed_networks.csv" ] || { echo "set cow: missing $signed/cow_signed_networks.csv" >&2; exit 2; }
fi

if [ -n "${STANCEGRAPH:-}" ]; then
  stancegraph=$STANCEGRAPH
else
  [ -f "$root/Cargo.toml" ] || { echo "not inside the repository: set STANCEGRAPH to a built binary" >&2; exit 2; }
  (cd "$root" && cargo build --release --quiet --features cli --bin stancegraph)
  stancegraph=${CARGO_TARGET_DIR:-$root/target}/release/stancegraph
  case "$stancegraph" in /*) ;; *) stancegraph=$root/$stancegraph ;; esac
fi
[ -x "$stancegraph" ] || { echo "no stancegraph binary at $stancegraph" >&2; exit 2; }

if [ -n "$out" ]; then
  mkdir -p "$out"
  work=$(cd "$out" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work/instances" "$work/runs"
manifest=$work/manifest.tsv
: > "$manifest"
# name, family, source file: converted below; the family is for --prune.
if want signed; then
  for f in "${signed_files[@]}"; do
    python3 "$convert" simplify "$signed/$f.csv" "$work/instances/$f.csv"
    printf '%s\t%s\t%s\n' "$f" "$f" "$signed/$f.csv" >> "$manifest"
  done
fi
if want cow; then
  if [ "$cow_windows" = all ]; then
    mapfile -t windows < <(python3 "$convert" periods "$signed/cow_signed_networks.csv")
  else
    IFS=, read -r -a windows <<< "$cow_windows"
  fi
  for w in "${windows[@]}"; do
    python3 "$convert" simplify "$signed/cow_signed_networks.csv" "$work/instances/cow_$w.csv" --period "$w"
    printf '%s\t%s\t%s\n' "cow_$w" cow "$signed/cow_signed_networks.csv" >> "$manifest"
  done
fi
if want bsg; then
  for g in "$bsg_data"/*.signed-graph; do
    name=bsg_$(basename "$g" .signed-graph)
    family=$name
    case "$name" in bsg_g[0-9]*_[0-9]*) family=bsg_g ;; esac
    python3 "$convert" from-bsg "$g" "$work/instances/$name.csv"
    printf '%s\t%s\t%s\n' "$name" "$family" "$g" >> "$manifest"
  done
fi
if want random; then
  for spec in "${randoms[@]}"; do
    IFS=: read -r n m noise seed <<< "$spec"
    [ -n "${seed:-}" ] || { echo "--random takes N:M:NOISE:SEED, not $spec" >&2; exit 2; }
    name=random_${n}_${m}_${noise}_${seed}
    python3 "$convert" random "$n" "$m" "$noise" "$seed" "$work/instances/$name.csv"
    printf '%s\t%s\t%s\n' "$name" "random_$noise" generated >> "$manifest"
  done
fi

set +e
python3 - "$here" "$work" "$stancegraph" "$bsg" "$limit" "$prune" "$only" "$skip" "$bsg_args" \
  "$([ -n "$out" ] && echo 1 || echo 0)" <<'PY'
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time

here, work, stancegraph, bsg, limit, prune, only, skip, bsg_args, keep = sys.argv[1:]
sys.path.insert(0, here)
sys.dont_write_bytecode = True
import bsg_convert as conv  # noqa: E402

limit = float(limit)
prune = {"none": (), "bsg": ("bsg",), "stancegraph": ("stancegraph",),
         "both": ("bsg", "stancegraph")}[prune]
grace = max(10.0, limit / 4)
bsg_cmd = [bsg] + shlex.split(bsg_args)


def run(cmd, stdin_path, stdout_path, kill_after):
    """Runs cmd; returns (wall s, cpu s, exit status or None if killed at kill_after)."""
    with open(stdin_path) as fin, open(stdout_path, "w") as fout, \
            open(stdout_path + ".err", "w") as ferr:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=ferr,
                                start_new_session=True)
        killed = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - start > kill_after:
                os.killpg(proc.pid, signal.SIGKILL)
                killed = True
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = 0  # reaped by wait4
    cpu = usage.ru_utime + usage.ru_stime
    return wall, cpu, None if killed else os.waitstatus_to_exitcode(status)


instances = []
for line in open(os.path.join(work, "manifest.tsv")):
    name, family, source = line.rstrip("\n").split("\t")
    if only and not re.search(only, name):
        continue
    if skip and re.search(skip, name):
        continue
    csv_path = os.path.join(work, "instances", name + ".csv")
    rows = conv.read_simple_csv(csv_path)
    nodes = len({v for a, b, _ in rows for v in (a, b)})
    canon = frozenset((min(a, b), max(a, b), s) for a, b, s in rows)
    instances.append(dict(name=name, family=family, csv=csv_path, rows=rows, nodes=nodes,
                          edges=len(rows), canon=canon))

seen = {}
problems = []
results = []
timed_out = {"stancegraph": {}, "bsg": {}}  # family -> fewest edges of a timeout
head = (f"{'instance':<28} {'nodes':>6} {'edges':>7} | {'sg value':>8} {'bound':>6} {'exact':>5} "
        f"{'wall s':>7} {'cpu s':>7} | {'bsg value':>9} {'exact':>5} {'wall s':>7} {'cpu s':>7}")
print(f"time limit {limit:g} s each; stancegraph {stancegraph}; bsg {' '.join(bsg_cmd)}")
print(head)
print("-" * len(head))
for inst in instances:
    name = inst["name"]
    if inst["canon"] in seen:
        print(f"{name:<28} the same graph as {seen[inst['canon']]}: not run again")
        continue
    seen[inst["canon"]] = name
    graph = os.path.join(work, "instances", name + ".graph")
    conv.to_bsg(inst["csv"], graph)
    rec = dict(name=name, nodes=inst["nodes"], edges=inst["edges"])

    def pruned(tool):
        smaller = timed_out[tool].get(inst["family"])
        return tool in prune and smaller is not None and smaller <= inst["edges"]

    # stancegraph
    out = os.path.join(work, "runs", name + ".stancegraph.json")
    if pruned("stancegraph"):
        rec["sg"] = None
    else:
        cmd = [stancegraph, "balance", inst["csv"], "--edges", "--exact", "--time-limit",
               f"{limit:g}", "--format", "json", "--no-significance"]
        wall, cpu, code = run(cmd, os.devnull, out, limit + grace)
        sg = dict(wall=wall, cpu=cpu, value=None, bound=None, exact=False, status=code)
        if code == 0:
            f = json.load(open(out))["frustration"]
            sg.update(value=f["value"], bound=f["lower_bound"], exact=bool(f["exact"]))
            camp = {v: i for i, c in enumerate(f["camps"]) for v in c}
            missing = [v for a, b, _ in inst["rows"] for v in (a, b) if v not in camp]
            frustrated = sum((camp[a] == camp[b]) != (s > 0) for a, b, s in inst["rows"]
                             if a in camp and b in camp)
            if missing or frustrated != f["value"] or f["lower_bound"] > f["value"]:
                problems.append(f"INVALID {name}: stancegraph reports {f['value']} (bound "
                                f"{f['lower_bound']}) but its camps frustrate {frustrated} edges"
                                + (f", node {missing[0]} in no camp" if missing else ""))
        elif code is not None:
            problems.append(f"FAILED {name}: stancegraph exited with {code}, see {out}.err")
        if not sg["exact"]:
            fam = timed_out["stancegraph"]
            fam[inst["family"]] = min(fam.get(inst["family"], inst["edges"]), inst["edges"])
        rec["sg"] = sg

    # bsg
    out = os.path.join(work, "runs", name + ".bsg.out")
    if pruned("bsg"):
        rec["bsg"] = None
    else:
        wall, cpu, code = run(bsg_cmd, graph, out, limit)
        b = dict(wall=wall, cpu=cpu, value=None, exact=False, status=code)
        if code == 0:
            deleted = conv.read_bsg(out, allow_empty=True)
            why = conv.unbalanced_after_deleting(conv.read_bsg(graph), deleted)
            if why:
                problems.append(f"INVALID {name}: bsg's {len(deleted)} deleted edges: {why}")
            b.update(value=len(deleted), exact=True)
        elif code is not None:
            problems.append(f"FAILED {name}: bsg exited with {code}, see {out}.err")
        if not b["exact"]:
            fam = timed_out["bsg"]
            fam[inst["family"]] = min(fam.get(inst["family"], inst["edges"]), inst["edges"])
        rec["bsg"] = b

    sg, b = rec["sg"], rec["bsg"]
    if sg and b and sg["exact"] and b["exact"] and sg["value"] != b["value"]:
        problems.append(f"DISAGREE {name}: stancegraph proves {sg['value']}, bsg {b['value']}")
    elif sg and b and b["exact"] and sg["value"] is not None and not \
            sg["bound"] <= b["value"] <= sg["value"]:
        problems.append(f"DISAGREE {name}: bsg's optimum {b['value']} is outside stancegraph's "
                        f"[{sg['bound']}, {sg['value']}]")

    def cell(x, fmt="{}"):
        return "—" if x is None else fmt.format(x)

    if sg is None:
        left = f"{'skip':>8} {'':>6} {'':>5} {'':>7} {'':>7}"
    else:
        left = (f"{cell(sg['value']):>8} {cell(sg['bound']):>6} {'yes' if sg['exact'] else 'no':>5} "
                f"{sg['wall']:>7.2f} {sg['cpu']:>7.2f}")
    if b is None:
        right = f"{'skip':>9} {'':>5} {'':>7} {'':>7}"
    else:
        right = (f"{cell(b['value']):>9} {'yes' if b['exact'] else 'no':>5} "
                 f"{b['wall']:>7.2f} {b['cpu']:>7.2f}")
    print(f"{name:<28} {inst['nodes']:>6} {inst['edges']:>7} | {left} | {right}", flush=True)
    results.append(rec)

with open(os.path.join(work, "table.tsv"), "w") as t:
    t.write("instance\tnodes\tedges\tsg_value\tsg_lower_bound\tsg_exact\tsg_wall_s\tsg_cpu_s\t"
            "bsg_value\tbsg_exact\tbsg_wall_s\tbsg_cpu_s\n")
    for r in results:
        sg, b = r["sg"] or {}, r["bsg"] or {}
        t.write("\t".join(str(x) for x in (
            r["name"], r["nodes"], r["edges"], sg.get("value", "skip"), sg.get("bound", ""),
            sg.get("exact", ""), f"{sg['wall']:.3f}" if sg else "", f"{sg['cpu']:.3f}" if sg else "",
            b.get("value", "skip"), b.get("exact", ""), f"{b['wall']:.3f}" if b else "",
            f"{b['cpu']:.3f}" if b else "")) + "\n")

print()
if keep == "1":
    print(f"table: {os.path.join(work, 'table.tsv')}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
status=$?
set -e
[ -f "$work/table.tsv" ] && summarize "$work/table.tsv"
[ "$status" -eq 0 ] || echo "FAILED: see the DISAGREE/INVALID/FAILED lines above the totals" >&2
exit $status
