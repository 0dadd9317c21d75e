"""The report of several signed graphs — the periods of an edge list — as
``stancegraph report --edges`` writes it (rendered by the Rust layer, with the GIL
released)."""

from __future__ import annotations

from . import _native

TYPE_CHECKING = False  # (as typing.TYPE_CHECKING, without importing typing)

if TYPE_CHECKING:  # (typing is not imported at run time: `import stancegraph` stays quick)
    from typing import Mapping, Optional, Sequence, Union

    from ._native import SignedGraph

    Graphs = Union[Sequence[SignedGraph], Mapping[str, SignedGraph]]


def report_html(
    graphs: "Graphs",
    *,
    title: Optional[str] = None,
    period: Optional[str] = None,
    max_nodes: Optional[int] = None,
    time_limit: Optional[float] = None,
    significance: bool = True,
    distinct_pairs: bool = False,
) -> str:
    """The self-contained HTML report of several signed graphs, as ``stancegraph report
    --edges`` writes it: an overview of every graph (period, nodes, ties, frustration
    index, proven or not), then for the one shown (``period``, default the last) the
    summary, the drawing, the structural balance, the ambivalent pairs and the most
    central nodes.

    ``graphs`` is a list of :class:`SignedGraph` (each with its
    :attr:`~SignedGraph.period`), or the dict of period to graph that
    :meth:`SignedGraph.read_edges` returns (its values, in order). The options are
    :meth:`EventNetworks.report_html`'s: ``title``; ``max_nodes`` (1–300, default 100);
    ``time_limit``, seconds for the shown graph's frustration search (default 10; the
    others share as many); ``significance``, the significance test (default on, up to
    10,000 ties); ``distinct_pairs``, each distinct signed pair counted once whatever its
    weight (:meth:`SignedGraph.distinct_pairs`, ``report --distinct-pairs``).

    Raises :class:`ValidationError` for an unknown ``period`` (naming it and the periods
    there are, in the library's words), an empty ``graphs`` or ``max_nodes`` over 300,
    and ``ValueError`` naming the argument for other bad values (``graphs`` that is not
    a list or dict of :class:`SignedGraph`, ``max_nodes=0``, a negative
    ``time_limit``).

    >>> import stancegraph
    >>> text = "source,target,sign,period\\nA,B,1,2018\\nA,B,-1,2019\\nB,C,1,2019\\n"
    >>> graphs = stancegraph.SignedGraph.read_edges(text)
    >>> page = stancegraph.report_html(graphs, title="Two years", period="2018")
    >>> "<strong>2018</strong> (shown)" in page
    True
    """
    if distinct_pairs:
        graphs = _distinct(graphs)
    return _native._graphs_report(graphs, False, significance, title, period, max_nodes, time_limit)


def report_svg(
    graphs: "Graphs",
    *,
    period: Optional[str] = None,
    max_nodes: Optional[int] = None,
    time_limit: Optional[float] = None,
    distinct_pairs: bool = False,
) -> str:
    """The drawing of one of several signed graphs (``period``, default the last)
    alone, as an SVG document (``stancegraph report --edges --format svg``): ``graphs``
    and the options as :func:`report_html`."""
    if distinct_pairs:
        graphs = _distinct(graphs)
    return _native._graphs_report(graphs, True, False, None, period, max_nodes, time_limit)


def _distinct(graphs: "Graphs") -> "Graphs":
    """``graphs`` with each distinct signed pair counted once; anything that is not a
    list or dict of graphs is left as it is, for the native layer to name."""
    if isinstance(graphs, (str, bytes, _native.SignedGraph)):
        return graphs
    values = graphs.values() if hasattr(graphs, "values") else graphs
    try:
        return [g.distinct_pairs() if isinstance(g, _native.SignedGraph) else g for g in values]
    except TypeError:  # not iterable: named by the native layer
        return graphs
