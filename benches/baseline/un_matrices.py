"""The UN votes reference job in pandas + numpy, for comparison with stancegraph.

All votes -> for every pair of countries, the roll calls both voted in, voted identically and voted
yes-against-no, as three CSV matrices (header row of country names in byte order, the same names
down the first column, integer counts, zero diagonal) -- the same output as

    cargo run --release --example un_votes -- --votes VOTES --matrices OUT_DIR

Done the fastest way an analyst would: indicator matrices and BLAS matrix products.

Usage: python3 un_matrices.py VOTES_CSV OUT_DIR
"""

import os
import sys

import numpy as np
import pandas as pd


def main(votes_csv: str, out_dir: str) -> None:
    # Namibia's country code is "NA": keep it as text.
    votes = pd.read_csv(votes_csv, keep_default_na=False, dtype={"rcid": np.int64, "country": str, "vote": str})
    countries = sorted(votes["country"].unique(), key=lambda s: s.encode("utf-8"))
    country_index = pd.Index(countries)
    rows = country_index.get_indexer(votes["country"])
    rcids, cols = np.unique(votes["rcid"].to_numpy(), return_inverse=True)
    n, m = len(countries), len(rcids)

    def indicator(kind: str) -> np.ndarray:
        mask = (votes["vote"] == kind).to_numpy()
        x = np.zeros((n, m), dtype=np.float32)
        x[rows[mask], cols[mask]] = 1.0
        return x

    yes, no, abstain = indicator("yes"), indicator("no"), indicator("abstain")
    voted = yes + no + abstain
    matrices = {
        "shared.csv": voted @ voted.T,
        "identical.csv": yes @ yes.T + no @ no.T + abstain @ abstain.T,
        "opposed.csv": yes @ no.T + no @ yes.T,
    }
    os.makedirs(out_dir, exist_ok=True)
    for name, matrix in matrices.items():
        counts = np.rint(matrix).astype(np.int64)
        np.fill_diagonal(counts, 0)
        pd.DataFrame(counts, index=countries, columns=countries).to_csv(os.path.join(out_dir, name))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
