"""The exception stancegraph raises for input that is not valid."""

from __future__ import annotations

TYPE_CHECKING = False  # (as typing.TYPE_CHECKING, without importing typing)

if TYPE_CHECKING:  # (typing is not imported at run time: `import stancegraph` stays quick)
    from typing import Any, Dict, List, Optional, Sequence


class ValidationError(ValueError):
    """The input is well-formed but not valid, or not well-formed at all.

    Raised for a scenario, a statements table, an edge list or options of an
    analysis with problems. The message lists every problem, one per line,
    each naming the file, the record and the field; ``problems`` has them as
    dicts with the keys ``file``, ``record``, ``field``, ``line`` and
    ``message`` (``None`` where the format does not tell), and ``section``,
    ``index``, ``key`` and ``text`` (the whole line as the message shows it).

    >>> import stancegraph
    >>> try:
    ...     stancegraph.Scenario.from_yaml("positions: [{actor: x, issue: y, stance: support}]")
    ... except stancegraph.ValidationError as e:
    ...     print(e.problems[0]["record"], e.problems[0]["field"])
    positions[0] actor
    """

    problems: List[Dict[str, Any]]

    def __init__(self, message: str, problems: Optional[Sequence[Dict[str, Any]]] = None):
        super().__init__(message)
        self.problems = list(problems or [])

    def __reduce__(self):  # keeps the problems when pickled (multiprocessing)
        return (type(self), (str(self), self.problems))
