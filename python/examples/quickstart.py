"""stancegraph from Python: the founding case in a few lines.

    pip install ./python[test]
    python python/examples/quickstart.py [SCENARIO_OR_CASE_FOLDER]

Loads the Istanbul talks report (or the scenario you give), prints its
contradictions with their explanations, the cheapest deals, what changed
over the week of the talks, and writes the HTML report next to it.
"""

import pathlib
import sys

import stancegraph

ROOT = pathlib.Path(__file__).resolve().parents[2]
path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "examples" / "data" / "istanbul-talks.yaml"

try:
    scenario = stancegraph.load(path)
except stancegraph.ValidationError as error:
    for problem in error.problems:
        print(f"{problem['file']}:{problem['line']}: {problem['record']}, "
              f"field {problem['field']}: {problem['message']}", file=sys.stderr)
    sys.exit(2)

print(scenario)
print(scenario.positions.to_pandas()[["actor", "principal", "issue", "stance", "firmness", "date"]])

found = scenario.contradictions()
print(f"\n{len(found)} contradictions")
print(found.to_pandas()[["kind", "severity", "conditional", "actors", "issues"]])
if len(found):
    first = found[0]
    print(f"\nThe first, step by step ({first.kind}, {first.severity}):")
    for step in first.reasoning:
        print(f"  - {step['step']}: {step['text']}")

deals = scenario.deals(max=3)
print(f"\n{deals.explain()}")

if scenario.positions.to_pandas()["date"].notna().any():
    dates = scenario.positions.to_pandas()["date"].dropna()
    first_day, last_day = dates.min().date(), dates.max().date()
    if first_day < last_day:
        print(scenario.diff(from_=first_day, to=last_day))

out = pathlib.Path("stancegraph-report.html")
out.write_text(scenario.report_html(), encoding="utf-8")
print(f"wrote {out} ({out.stat().st_size:,} bytes)")
