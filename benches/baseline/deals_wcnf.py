#!/usr/bin/env python3
"""An independent WCNF encoding of a scenario's cheapest-deal problem (issue
14), for timing RC2 without stancegraph and for cross-checking the file
that `stancegraph deals FILE --wcnf OUT` writes.

Reads a JSON scenario file (as `scale generate-negotiation` writes it) and
writes, in the 2022 WCNF format, the encoding documented in deals_rc2.py for
the default deal options (every party at the table, nothing kept, protected
or required, as of the latest date of any position):

- a claim is (principal, issue, stance) for a non-neutral position that
  holds on that day: its `until` (if any) is not before the day and no
  position of the same principal on the same issue is dated later; an
  actor's principal follows `speaks_for` to its end; the claim's firmness
  is the firmest of its positions;
- one variable per issue (1-based, in file order); hard clauses for the
  relations; one soft unit clause per claim (support: v, oppose: -v)
  weighted red_line * B^2 + firm * B + negotiable, B = claims + 1.

Only the standard library is needed. Conditions are ignored (assumed met).

Usage: deals_wcnf.py SCENARIO.json OUT.wcnf
Prints the numbers of variables, hard clauses and claims on stderr.
"""
import json
import sys

FIRMNESS = {"negotiable": 0, "firm": 1, "red_line": 2}


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    with open(sys.argv[1]) as f:
        s = json.load(f)
    speaks_for = {a["id"]: a.get("speaks_for") for a in s.get("actors", [])}

    def principal(actor):
        seen = set()
        while speaks_for.get(actor) and actor not in seen:
            seen.add(actor)
            actor = speaks_for[actor]
        return actor

    var = {issue["id"]: i + 1 for i, issue in enumerate(s.get("issues", []))}
    hard = []
    for r in s.get("relations", []):
        v = [var[i] for i in r["issues"]]
        kind = r["kind"]
        if kind == "excludes":
            hard.append([-v[0], -v[1]])
        elif kind == "implies":
            hard.append([-v[0], v[1]])
        elif kind == "equivalent":
            hard += [[-v[0], v[1]], [v[0], -v[1]]]
        elif kind == "incompatible":
            hard.append([-x for x in v])
        else:
            raise SystemExit(f"relation kind {kind!r} is not encoded here")

    positions = s.get("positions", [])
    dates = [p["date"] for p in positions if p.get("date")]
    as_of = max(dates) if dates else None
    # ISO dates compare as strings. The latest date per (principal, issue):
    # positions dated before it are superseded.
    latest = {}
    for p in positions:
        key = (principal(p["actor"]), p["issue"])
        if p.get("date") and p["date"] > latest.get(key, ""):
            latest[key] = p["date"]
    claims = {}
    for p in positions:
        if p["stance"] == "neutral":
            continue
        key = (principal(p["actor"]), p["issue"])
        if as_of is not None and p.get("until") and p["until"] < as_of:
            continue
        if p.get("date") and p["date"] < latest[key]:
            continue
        claim = key + (p["stance"],)
        firm = FIRMNESS[p.get("firmness", "firm")]
        claims[claim] = max(claims.get(claim, 0), firm)

    b = len(claims) + 1
    weight = [1, b, b * b]
    with open(sys.argv[2], "w") as out:
        out.write(f"c cheapest deal of {sys.argv[1]} as of {as_of}: {len(var)} issues, "
                  f"{len(hard)} hard clauses, {len(claims)} claims\n")
        for clause in hard:
            out.write("h " + " ".join(map(str, clause)) + " 0\n")
        for (party, issue, stance), firm in sorted(claims.items()):
            v = var[issue] if stance == "support" else -var[issue]
            out.write(f"{weight[firm]} {v} 0\n")
    print(f"{len(var)} variables, {len(hard)} hard clauses, {len(claims)} claims",
          file=sys.stderr)


if __name__ == "__main__":
    main()
