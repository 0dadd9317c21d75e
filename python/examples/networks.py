"""Discourse networks and signed graphs from Python, on the built-in
scenario and Read's Highland tribes. Run from the repository root:

    python python/examples/networks.py
"""

from pathlib import Path

import stancegraph
from stancegraph import SignedGraph

ROOT = Path(__file__).resolve().parents[2]

s = stancegraph.load(ROOT / "examples" / "data" / "istanbul-talks.yaml")

# DNA's organisation network: congruence between principals, average-normalised.
n = s.network("actor", "congruence", normalize="average", level="principal")
print(n)
print(n.to_pandas().round(2))
print(n.export("edges"))
print(s.polarization(level="principal"))

# The scenario as a signed graph of actors and issues: the one tie out of place.
g = s.signed_graph()
f = g.frustration()
print(g, f"frustration {f.value:g}", "exact" if f.exact else "", f.frustrated_edges)

# An edge list: the Highland tribes (frustration index 7, published).
tribes = SignedGraph.read_edges(ROOT / "tests" / "data" / "highland_tribes.csv")
print(tribes.explain(camps=3))
