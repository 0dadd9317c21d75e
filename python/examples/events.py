"""Event data from Python: an event file aggregated per dyad and period, the busiest
dyads, structural balance of the last period, and the report of every period.

    pip install ./python
    python python/examples/events.py [EVENTS] [--window day] [--level country] [--report PATH]

Without EVENTS it reads the ICEWS sample in tests/data (two days of June 2018). A larger
file works the same: a year of ICEWS ``.tab``, PLOVER ``.json`` records, or a delimited
table with the default column names (``source``, ``target``, ``date``, ``code``…). A file
that is missing or cannot be read is said on stderr, with exit code 2.
"""

import argparse
import pathlib
import sys

import stancegraph

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "data" / "icews_events_2018-06-01_02.tab"

parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
parser.add_argument("events", nargs="?", type=pathlib.Path, default=SAMPLE,
                    help="the event file (default: the ICEWS sample)")
parser.add_argument("--window", default="day",
                    help="all, day, week, month, year or LENGTH/STEP (default: day)")
parser.add_argument("--level", default="country", choices=["country", "actor"])
parser.add_argument("--report", type=pathlib.Path, metavar="PATH",
                    help="write the HTML report of every period here")
args = parser.parse_args()

if not args.events.is_file():
    print(f"events.py: no such file: {args.events}", file=sys.stderr)
    sys.exit(2)
try:
    networks = stancegraph.aggregate_events(args.events, level=args.level, window=args.window)
except (ValueError, OSError) as error:  # ValidationError is a ValueError: every bad row
    print(f"events.py: {error}", file=sys.stderr)
    sys.exit(2)

# What was read, and what was left out (a country's events with itself, a side missing,
# and, per day, week or month, the undated ones).
print(networks)
c = networks.counts
print(f"{c['read']:,} events read, {c['aggregated']:,} aggregated; left out: "
      f"{c['self_dyads']:,} within one {args.level}, {c['missing_side']:,} with a side "
      f"missing, {c['missing_date']:,} undated")

# The busiest dyads over every period: events and the net Goldstein score.
frame = networks.to_pandas()
busiest = (
    frame.groupby(["source", "target"], as_index=False)[["events", "goldstein"]].sum()
    .sort_values(["events", "source", "target"], ascending=[False, True, True])
    .head(5)
)
print("\nBusiest dyads:")
for row in busiest.itertuples(index=False):
    print(f"  {row.source} → {row.target}: {row.events:,} events, Goldstein {row.goldstein:+.1f}")

# Structural balance of the last period: the frustration index (the least total weight
# of ties out of place, whatever the two camps) and the balance report in words.
graphs = networks.graphs()
if not graphs:
    print("\nNo tie in any period: nothing to balance.")
    sys.exit(0)
last = graphs[-1]
f = last.frustration()
print(f"\nPeriod {last.period}: {last}")
print(f"frustration {f.value:g} ({'exact' if f.exact else f'at least {f.lower_bound:g}'}), "
      f"{len(f.frustrated_edges)} ties out of place")
print(last.explain(significance=False))

if args.report:
    args.report.write_text(networks.report_html(title=args.events.name), encoding="utf-8")
    print(f"wrote {args.report} ({len(graphs)} periods, {last.period} shown)")
