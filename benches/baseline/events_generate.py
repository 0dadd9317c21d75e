"""Writes N events in the ICEWS .tab format: the ICEWS sample (tests/data) repeated, each
repetition shifted by one more month (its days clamped to 28 so that every date exists) and its
Event IDs renumbered, so that the month windows grow with N as real data's do.

Usage: python3 benches/baseline/events_generate.py N OUT|-   (- writes to stdout)
The 1M-event file is about 260 MB; it is generated, never committed."""

import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[2] / "tests" / "data" / "icews_events_2018-06-01_02.tab"


def main():
    n = int(sys.argv[1])
    out = sys.stdout if sys.argv[2] == "-" else open(sys.argv[2], "w", encoding="utf-8", newline="")
    header, *rows = SAMPLE.read_text(encoding="utf-8").splitlines()
    parts = [row.split("\t", 2) for row in rows]  # id, date, rest
    out.write(header + "\n")
    written, rep = 0, 0
    while written < n:
        year, month = 2018 + (5 + rep) // 12, (5 + rep) % 12 + 1
        chunk = []
        for i, (_, date, rest) in enumerate(parts[: n - written]):
            day = min(int(date[8:10]), 28)
            chunk.append(f"{written + i + 1}\t{year:04}-{month:02}-{day:02}\t{rest}\n")
        out.write("".join(chunk))
        written += len(chunk)
        rep += 1
    out.flush()


if __name__ == "__main__":
    main()
