#!/usr/bin/env python3
"""Signed graphs between stancegraph's edge-list CSV and the text format of the `bsg` solver
(Hüffner, Betzler & Niedermeier, falk-hueffner/balanced-subgraph), for
benches/baseline/bsg_side_by_side.sh. Standard library only; nothing of bsg is used or copied.

Both tools get the same *simple* undirected graph: per unordered pair, the sign of the sum of the
signs given for it; pairs summing to zero and self-loops are dropped (the rule of
../shared/data/signed/README.md). `bsg` itself would count parallel edges (its multigraph values,
yeast 41 and macrophage 374, are not those of the simple graphs), and stancegraph's reader rejects
a pair given twice with opposite signs, so neither file is handed over as shipped.

bsg's format (from its README): one edge a line, `u v [label]`, `#` starts a comment; label 0 asks
for equal camps (a positive edge), 1 or none for different camps (a negative edge); vertex names of
letters, digits and `_`.

Usage:
  bsg_convert.py from-bsg GRAPH OUT.csv        bsg file -> simple `source,target,sign` CSV
  bsg_convert.py simplify CSV OUT.csv [--period P]
        any of the shared CSVs (header `source,target,sign[,weight][,period]`, or no header:
        `a,b,rating` as the Bitcoin and Wikipedia files; BOM and CRLF allowed) -> simple CSV;
        with a period column, --period picks one (required then)
  bsg_convert.py periods CSV                   the periods of a CSV with a `period` column
  bsg_convert.py to-bsg CSV OUT.graph          simple CSV -> bsg file (nodes renamed 0..n-1)
  bsg_convert.py random NODES EDGES NOISE SEED OUT.csv
        planted camps, uniformly random pairs, NOISE of the signs flipped: the same graph as
        benches/common::signed(NODES, EDGES, NOISE, SEED) (SplitMix64), nodes n0, n1, ...
  bsg_convert.py check-cut CSV.bsg-graph DELETED
        checks that deleting the edges bsg printed (its output without -s) leaves the graph
        balanced; prints how many it deleted
Every command exits with 2 and a message on stderr when its input is missing or malformed.
"""

import csv
import io
import sys

MASK = (1 << 64) - 1


def die(message):
    sys.stderr.write(f"bsg_convert.py: {message}\n")
    sys.exit(2)


def read_text(path):
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            return f.read()
    except OSError as e:
        die(f"cannot read {path}: {e.strerror}")


def simple(triples):
    """(a, b, ±1) rows -> {(a, b): ±1} with a < b by first appearance, zero sums and loops dropped.

    Pairs keep the orientation and order of their first row, so the output is deterministic."""
    total = {}
    first = {}
    for a, b, s in triples:
        if a == b:
            continue
        key = (a, b) if (b, a) not in first else (b, a)
        first.setdefault(key, len(first))
        total[key] = total.get(key, 0) + s
    return [(a, b, 1 if t > 0 else -1) for (a, b), t in
            sorted(total.items(), key=lambda kv: first[kv[0]]) if t != 0]


def write_csv(path, edges):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "target", "sign"])
        w.writerows(edges)


def read_bsg(path, text=None, allow_empty=False):
    """bsg's format -> (u, v, ±1) rows; `text` instead of reading `path` when given."""
    rows = []
    text = read_text(path) if text is None else text
    for lineno, line in enumerate(text.splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) == 2:
            fields.append("1")
        if len(fields) != 3 or fields[2] not in ("0", "1"):
            die(f"{path}:{lineno}: not `u v [0|1]`: {line!r}")
        rows.append((fields[0], fields[1], 1 if fields[2] == "0" else -1))
    if not rows and not allow_empty:
        die(f"{path}: no edges")
    return rows


def sign_of(text, where):
    try:
        v = float(text)
    except ValueError:
        die(f"{where}: sign {text!r} is not a number")
    if v != v or v == 0:
        die(f"{where}: sign {text!r} is zero or not a number")
    return 1 if v > 0 else -1


def read_signed_csv(path, period=None):
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        die(f"{path}: empty")
    head = [h.strip() for h in rows[0]]
    if "source" in head and "target" in head and "sign" in head:
        s, t, g = head.index("source"), head.index("target"), head.index("sign")
        p = head.index("period") if "period" in head else None
        body = rows[1:]
        start = 2
    else:  # no header: a,b,rating (the Bitcoin and Wikipedia files)
        s, t, g, p = 0, 1, 2, None
        body = rows
        start = 1
    if p is not None and period is None:
        die(f"{path} has a period column: pass --period (see `periods`)")
    if p is None and period is not None:
        die(f"{path} has no period column")
    out = []
    for i, r in enumerate(body, start):
        if not r or all(not c.strip() for c in r):
            continue
        if len(r) <= max(s, t, g, p if p is not None else 0):
            die(f"{path}:{i}: too few columns")
        if p is not None and r[p].strip() != period:
            continue
        out.append((r[s].strip(), r[t].strip(), sign_of(r[g].strip(), f"{path}:{i}")))
    if not out:
        die(f"{path}: no edges" + (f" in period {period!r}" if period is not None else ""))
    return out


def periods(path):
    rows = list(csv.reader(io.StringIO(read_text(path))))
    head = [h.strip() for h in rows[0]] if rows else []
    if "period" not in head:
        die(f"{path} has no period column")
    p = head.index("period")
    seen = []
    for r in rows[1:]:
        if len(r) > p and r[p].strip() not in seen:
            seen.append(r[p].strip())
    return seen


def read_simple_csv(path):
    rows = read_signed_csv(path)
    pairs = set()
    for a, b, _ in rows:
        if a == b or (a, b) in pairs or (b, a) in pairs:
            die(f"{path} is not a simple graph ({a}, {b}): run `simplify` first")
        pairs.add((a, b))
    return rows


def to_bsg(path, out):
    rows = read_simple_csv(path)
    index = {}
    for a, b, _ in rows:
        index.setdefault(a, len(index))
        index.setdefault(b, len(index))
    with open(out, "w") as f:
        f.write(f"# {len(index)} nodes, {len(rows)} edges, from {path}\n")
        for a, b, sgn in rows:
            f.write(f"{index[a]} {index[b]} {0 if sgn > 0 else 1}\n")


def splitmix(state):
    state = (state + 0x9E3779B97F4A7C15) & MASK
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return state, z ^ (z >> 31)


def planted(nodes, edges, noise, seed):
    """benches/common::signed, step for step."""
    state = seed & MASK
    camp = []
    for _ in range(nodes):
        state, x = splitmix(state)
        camp.append(x % 2 == 0)
    # (noise * u64::MAX as f64) as u64: a float product, truncated and saturated.
    threshold = min(max(int(noise * float(MASK)), 0), MASK)
    seen = set()
    out = []
    while len(out) < min(edges, nodes * max(nodes - 1, 0) // 2):
        state, x = splitmix(state)
        a = x % nodes
        state, x = splitmix(state)
        b = x % nodes
        if a == b or (min(a, b), max(a, b)) in seen:
            continue
        seen.add((min(a, b), max(a, b)))
        state, x = splitmix(state)
        follows, flipped = camp[a] == camp[b], x < threshold
        out.append((f"n{a}", f"n{b}", 1 if follows != flipped else -1))
    return out


def unbalanced_after_deleting(rows, deleted):
    """None when deleting `deleted` (rows, as many times as listed) from `rows` leaves a balanced
    graph; otherwise why not (an edge it deletes that is not there, or an unbalanced edge)."""
    remove = {}
    for a, b, s in deleted:
        remove[(a, b, s)] = remove.get((a, b, s), 0) + 1
    adj = {}
    for a, b, s in rows:
        key = (a, b, s) if remove.get((a, b, s), 0) > 0 else (b, a, s)
        if remove.get(key, 0) > 0:
            remove[key] -= 1
            continue
        adj.setdefault(a, []).append((b, s))
        adj.setdefault(b, []).append((a, s))
    left = [k for k, c in remove.items() if c > 0]
    if left:
        return f"deletes an edge the graph does not have: {left[0]}"
    side = {}
    for start in adj:
        if start in side:
            continue
        side[start] = 1
        stack = [start]
        while stack:
            v = stack.pop()
            for w, s in adj[v]:
                want = side[v] * s
                if w not in side:
                    side[w] = want
                    stack.append(w)
                elif side[w] != want:
                    return f"still unbalanced at the edge {v}-{w}"
    return None


def check_cut(graph_path, deleted_path):
    rows = read_bsg(graph_path)
    deleted = read_bsg(deleted_path, allow_empty=True)
    why = unbalanced_after_deleting(rows, deleted)
    if why:
        die(f"deleting the {len(deleted)} edges of {deleted_path} from {graph_path}: {why}")
    print(len(deleted))


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return
    cmd, args = argv[0], argv[1:]
    if cmd == "from-bsg" and len(args) == 2:
        write_csv(args[1], simple(read_bsg(args[0])))
    elif cmd == "simplify" and len(args) in (2, 4):
        period = None
        if len(args) == 4:
            if args[2] != "--period":
                die("usage: simplify CSV OUT.csv [--period P]")
            period = args[3]
        write_csv(args[1], simple(read_signed_csv(args[0], period)))
    elif cmd == "periods" and len(args) == 1:
        print("\n".join(periods(args[0])))
    elif cmd == "to-bsg" and len(args) == 2:
        to_bsg(args[0], args[1])
    elif cmd == "random" and len(args) == 5:
        try:
            n, m, noise, seed = int(args[0]), int(args[1]), float(args[2]), int(args[3])
        except ValueError:
            die("usage: random NODES EDGES NOISE SEED OUT.csv")
        if n < 2 or m < 1 or not 0 <= noise <= 1 or seed < 0:
            die("random: NODES >= 2, EDGES >= 1, 0 <= NOISE <= 1, SEED >= 0")
        write_csv(args[4], planted(n, m, noise, seed))
    elif cmd == "check-cut" and len(args) == 2:
        check_cut(args[0], args[1])
    else:
        die(f"bad command line: {' '.join(argv)} (see --help)")


if __name__ == "__main__":
    main(sys.argv[1:])
