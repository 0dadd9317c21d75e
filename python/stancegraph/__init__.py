"""stancegraph: compare the stances of political actors.

Who agrees with whom, who is in conflict, which positions cannot all hold
together, and what it would take for a deal: a fast Rust core
(https://github.com/stancegraph) with a thin Python layer.

>>> import stancegraph
>>> s = stancegraph.Scenario.from_yaml('''
... actors:
...   - {id: us, name: United States, kind: state, member_of: [nato]}
...   - {id: nato, name: NATO, kind: alliance}
... issues:
...   - {id: freeze, name: NATO stops expanding eastward}
...   - {id: join, name: Ukraine joins NATO}
... relations:
...   - {kind: excludes, issues: [freeze, join]}
... positions:
...   - {actor: us, issue: freeze, stance: support}
...   - {actor: nato, issue: join, stance: support, firmness: red_line}
... ''')
>>> [c.kind for c in s.contradictions()]
['member_vs_bloc']
"""

from ._errors import ValidationError
from ._results import Deal, Deals
from ._reports import report_html, report_svg
from ._native import *  # noqa: F401,F403  (every class and function of the Rust layer)
from ._native import __version__
from . import _native

__all__ = sorted(
    ["Deal", "Deals", "ValidationError", "__version__", "report_html", "report_svg"]
    + [name for name in dir(_native) if not name.startswith("_")]
)
