"""Results built from the Rust layer's output: the deal finder's."""

from __future__ import annotations

import datetime
TYPE_CHECKING = False  # (as typing.TYPE_CHECKING, without importing typing)

if TYPE_CHECKING:  # (typing is not imported at run time: `import stancegraph` stays quick)
    from typing import Any, Dict, List, Optional


class Deal:
    """One deal: the claims to withdraw, and what it costs each party.

    ``cost`` counts the concessions by firmness (``{"red_line": 0, "firm": 1,
    "negotiable": 2}``); ``weight`` is that cost as one number under the
    search's weights; ``concessions`` lists the withdrawn claims (dicts
    ``claim``, ``actor``, ``issue``, ``stance``, ``firmness``, ``positions``);
    ``by_party`` maps each conceding party to its own cost.
    """

    __slots__ = ("cost", "weight", "concessions", "by_party")

    cost: Dict[str, int]
    weight: int
    concessions: List[Dict[str, Any]]
    by_party: Dict[str, Dict[str, int]]

    def __init__(self, cost: Dict[str, int], weight: int,
                 concessions: Optional[List[Dict[str, Any]]] = None,
                 by_party: Optional[Dict[str, Dict[str, int]]] = None):
        self.cost = cost
        self.weight = weight
        self.concessions = list(concessions or [])
        self.by_party = dict(by_party or {})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Deal):
            return NotImplemented
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (f"Deal(cost={self.cost!r}, weight={self.weight!r}, "
                f"concessions={self.concessions!r}, by_party={self.by_party!r})")

    def __reduce__(self):
        return (Deal, (self.cost, self.weight, self.concessions, self.by_party))

    @property
    def parties(self) -> List[str]:
        """The parties that concede something, as keys."""
        return list(self.by_party)

    def to_dict(self) -> Dict[str, Any]:
        """The deal in the shape of one entry of ``Deals.to_json()``'s ``deals``."""
        return {
            "cost": dict(self.cost),
            "weight": self.weight,
            "concessions": [dict(c) for c in self.concessions],
            "by_party": {k: dict(v) for k, v in self.by_party.items()},
        }


class Deals(list):  # a list of Deal
    """The cheapest deals, cheapest first: a ``list`` of :class:`Deal`.

    It also carries the search's verdict: ``feasible`` (does any deal
    exist?), ``optimal`` (is the first deal proven the cheapest? false only
    when the time limit stopped the search first), ``complete`` (is every
    minimal deal listed: neither ``max`` nor the time limit cut the list?),
    ``proof``
    (when no deal exists: the kept parties, protected positions and required
    outcomes that block every deal), ``lower_bound`` (when stopped early),
    ``parties``, ``as_of``, ``claims`` (how many claims were at the table)
    and ``pareto`` (the indices of the deals no other beats for every
    party). ``str()`` is the text ``stancegraph deals`` prints;
    :meth:`to_json` its JSON; :meth:`to_wcnf` the MaxSAT encoding.
    """

    feasible: bool
    optimal: bool
    complete: bool
    proof: List[Dict[str, Any]]
    lower_bound: Optional[int]
    parties: List[str]
    as_of: Optional[datetime.date]
    claims: int
    pareto: List[int]
    _search: Any
    _data: Dict[str, Any]

    @classmethod
    def _from_search(cls, search: Any) -> "Deals":
        import json  # (imported when needed: `import stancegraph` stays quick)

        data = json.loads(search.to_json())
        deals = cls(
            Deal(
                cost=d["cost"],
                weight=d["weight"],
                concessions=d["concessions"],
                by_party=d["by_party"],
            )
            for d in data["deals"]
        )
        deals._search = search
        deals._data = data
        for key in ("feasible", "optimal", "complete", "proof", "lower_bound",
                    "parties", "claims", "pareto"):
            setattr(deals, key, data[key])
        as_of = data["as_of"]
        deals.as_of = datetime.date.fromisoformat(as_of) if as_of else None
        return deals

    def __reduce__(self):
        # Pickles as a plain list of deals with the verdict; the library's
        # text, JSON and WCNF need the search and are not kept.
        return (list, (list(self),))

    def to_json(self) -> str:
        """The JSON ``stancegraph deals --format json`` prints (the same bytes)."""
        return self._search.to_json()

    def to_dict(self) -> Dict[str, Any]:
        """The JSON shape as Python values."""
        import json

        return json.loads(self._search.to_json())

    def explain(self) -> str:
        """The text ``stancegraph deals`` prints."""
        return self._search.explain()

    def to_wcnf(self) -> str:
        """The weighted MaxSAT encoding (WCNF) of the search."""
        return self._search.to_wcnf()

    def __str__(self) -> str:
        return self.explain()

    def __repr__(self) -> str:
        state = "optimal" if self.optimal else ("no deal" if not self.feasible else "best found")
        return f"<stancegraph.Deals: {len(self)} deal{'s' if len(self) != 1 else ''}, {state}>"
