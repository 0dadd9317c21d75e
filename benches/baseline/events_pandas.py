"""The pandas way to aggregate ICEWS events to country dyads by month, as an analyst would write
it: read_csv with usecols (the C parser), drop missing sides and self-dyads, groupby. Writes the
same CSV as `stancegraph events FILE --window month` (source,target,period,events,goldstein,
sorted by period, source, target) so that the two outputs can be compared.

Usage: python3 benches/baseline/events_pandas.py EVENTS.tab OUT.csv"""

import sys

import pandas as pd


def main():
    path, out = sys.argv[1], sys.argv[2]
    df = pd.read_csv(
        path,
        sep="\t",
        usecols=["Event Date", "Source Country", "Target Country", "Intensity"],
        dtype={"Event Date": str, "Source Country": str, "Target Country": str, "Intensity": float},
        na_values=["NA"],
        keep_default_na=False,
    )
    df = df.dropna(subset=["Source Country", "Target Country"])
    df = df[df["Source Country"] != df["Target Country"]]
    df["period"] = df["Event Date"].str[:7]
    g = (
        df.groupby(["period", "Source Country", "Target Country"], sort=True)["Intensity"]
        .agg(events="size", goldstein="sum")
        .reset_index()
        .rename(columns={"Source Country": "source", "Target Country": "target"})
    )
    g["goldstein"] = g["goldstein"].round(6)
    g[["source", "target", "period", "events", "goldstein"]].to_csv(out, index=False)


if __name__ == "__main__":
    main()
