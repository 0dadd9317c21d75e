#!/usr/bin/env python3
"""Baseline for issue 14: the cheapest deal by weighted MaxSAT, solved with
PySAT's RC2 on the WCNF file that `stancegraph deals FILE --wcnf OUT` writes.

The encoding (written by stancegraph): one variable per issue (1-based, in
scenario order); hard clauses for the relations (excludes a b: -a -b;
implies a b: -a b; equivalent: -a b and a -b; incompatible a b c:
-a -b -c) and for kept or protected claims and required outcomes; one soft
unit clause per claim (support: v, oppose: -v) weighted by the claim's cost,
red_line * B^2 + firm * B + negotiable with B = number of claims + 1. The
optimum is then the weighted cost of the cheapest deal.

Both WCNF dialects are read: the classic one (`p wcnf NV NC TOP`, a clause
is hard when its weight is at least TOP) and the 2022 one (no `p` line;
hard clauses start with `h`). PySAT's WCNF reader handles both.

Setup (once, from the repository root):

    python3 -m venv benches/baseline/.venv
    benches/baseline/.venv/bin/pip install -r benches/baseline/requirements-deals.txt

Usage:

    benches/baseline/.venv/bin/python benches/baseline/deals_rc2.py FILE.wcnf \\
        [--stratified] [--solver g3] [--enumerate N]

Prints one JSON object on stdout:

    {"cost": <optimum>, "seconds": <solve time>, "model_true": [true vars]}

`seconds` is the solve time alone (building RC2 and solving; reading the
file is `parse_seconds`). With --enumerate N the N cheapest deals are listed
cheapest first, each a different set of conceded claims (RC2 blocks each
minimal correction set it finds), and `costs` holds their costs; `cost` and
`model_true` are the first's. --stratified uses RC2Stratified (Boolean
lexicographic optimisation and stratification, suited to the lexicographic
weights; without clause hardening when enumerating). Exits with status 1 when the hard clauses cannot all hold (no
deal), 2 on bad usage or an unreadable file.
"""
import argparse
import json
import sys
import time


def main():
    parser = argparse.ArgumentParser(
        description="Cheapest deal by weighted MaxSAT (PySAT RC2) on a WCNF file."
    )
    parser.add_argument("wcnf", help="the WCNF file (classic or 2022 format)")
    parser.add_argument(
        "--stratified",
        action="store_true",
        help="use RC2Stratified (BLO + stratification) instead of RC2",
    )
    parser.add_argument(
        "--solver", default="g3", help="PySAT SAT solver name (default g3: Glucose 3)"
    )
    parser.add_argument(
        "--enumerate",
        type=int,
        default=1,
        metavar="N",
        help="list the N cheapest deals (distinct sets of concessions)",
    )
    args = parser.parse_args()
    if args.enumerate < 1:
        parser.error("--enumerate must be at least 1")

    # Imported here so that --help works without PySAT installed.
    from pysat.examples.rc2 import RC2, RC2Stratified
    from pysat.formula import WCNF

    start = time.perf_counter()
    try:
        formula = WCNF(from_file=args.wcnf)
    except (OSError, ValueError) as e:
        print(f"{args.wcnf}: {e}", file=sys.stderr)
        sys.exit(2)
    parsed = time.perf_counter()

    if not args.stratified:
        rc2 = RC2(formula, solver=args.solver)
    else:
        # Clause hardening prunes by the best cost found so far, which
        # would end an enumeration after its first deal.
        rc2 = RC2Stratified(formula, solver=args.solver, nohard=args.enumerate > 1)
    costs = []
    first = None
    with rc2:
        if args.enumerate == 1:
            model = rc2.compute()
            if model is not None:
                first = model
                costs.append(rc2.cost)
        else:
            # block=-1: each further deal must give back at least one of the
            # concessions of every deal listed before it.
            for model in rc2.enumerate(block=-1):
                if first is None:
                    first = model
                costs.append(rc2.cost)
                if len(costs) == args.enumerate:
                    break
    solved = time.perf_counter()

    if first is None:
        print(f"{args.wcnf}: the hard clauses cannot all hold: no deal", file=sys.stderr)
        sys.exit(1)
    out = {
        "cost": costs[0],
        "seconds": round(solved - parsed, 6),
        "parse_seconds": round(parsed - start, 6),
        "variables": formula.nv,
        "hard": len(formula.hard),
        "soft": len(formula.soft),
        "solver": ("RC2Stratified" if args.stratified else "RC2") + "/" + args.solver,
        "model_true": [v for v in first if v > 0],
    }
    if args.enumerate > 1:
        out["costs"] = costs
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
