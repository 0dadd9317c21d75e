#!/usr/bin/env python3
"""Baseline for issue 5: the frustration index of each signed graph in an edge
list, by the standard integer linear programme solved with scipy's `milp`
(HiGHS).

Model (Aref, Mason & Wilson 2018): a binary x_i per node (its camp) and a
binary f_ij per edge (frustrated or not); minimise sum f_ij subject to
  positive edge:  f_ij >= x_i - x_j   and  f_ij >= x_j - x_i
  negative edge:  f_ij >= x_i + x_j - 1 and  f_ij >= 1 - x_i - x_j
A result counts only when HiGHS reports it optimal (status 0).

Usage: frustration_milp.py EDGES.csv [OUT.csv]
EDGES.csv has columns source,target,sign and optionally period (one graph per
period, in order of first appearance). Prints period,nodes,edges,frustration,
seconds per graph and the total time; OUT.csv (optional) gets the same rows.
"""
import csv
import sys
import time

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix


def read_graphs(path):
    graphs = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            period = row.get("period", "")
            graphs.setdefault(period, []).append(
                (row["source"], row["target"], int(float(row["sign"])))
            )
    return graphs


def frustration(edges):
    names = sorted({n for a, b, _ in edges for n in (a, b)})
    index = {n: i for i, n in enumerate(names)}
    n, m = len(names), len(edges)
    rows, cols, vals, lo = [], [], [], []
    r = 0
    for k, (a, b, s) in enumerate(edges):
        i, j, f = index[a], index[b], n + k
        if s > 0:
            # f - x_i + x_j >= 0 ; f + x_i - x_j >= 0
            for si in (-1, 1):
                rows += [r, r, r]; cols += [f, i, j]; vals += [1, si, -si]; lo.append(0); r += 1
        else:
            # f - x_i - x_j >= -1 ; f + x_i + x_j >= 1
            rows += [r, r, r]; cols += [f, i, j]; vals += [1, -1, -1]; lo.append(-1); r += 1
            rows += [r, r, r]; cols += [f, i, j]; vals += [1, 1, 1]; lo.append(1); r += 1
    a = coo_matrix((vals, (rows, cols)), shape=(r, n + m)).tocsr()
    c = np.concatenate([np.zeros(n), np.ones(m)])
    res = milp(
        c,
        constraints=LinearConstraint(a, np.array(lo, dtype=float), np.inf),
        integrality=np.ones(n + m),
        bounds=Bounds(0, 1),
    )
    if res.status != 0:
        raise SystemExit(f"HiGHS did not prove optimality: {res.message}")
    return n, m, int(round(res.fun))


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    graphs = read_graphs(sys.argv[1])
    out = [("period", "nodes", "edges", "frustration", "seconds")]
    total = time.perf_counter()
    for period, edges in graphs.items():
        t = time.perf_counter()
        n, m, value = frustration(edges)
        out.append((period, n, m, value, f"{time.perf_counter() - t:.4f}"))
        print(",".join(map(str, out[-1])), flush=True)
    print(f"total seconds: {time.perf_counter() - total:.3f}", file=sys.stderr)
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w", newline="") as f:
            csv.writer(f, lineterminator="\n").writerows(out)


if __name__ == "__main__":
    main()
