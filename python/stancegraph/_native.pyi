# Type stubs of the Rust extension `stancegraph._native` (re-exported by
# `stancegraph`). One section per file of python/src/; keep them in step.
from __future__ import annotations

import datetime
import os
from typing import Any, Iterator, Literal, Mapping, Optional, Sequence, Union, overload

import numpy as np
import numpy.typing as npt

DateLike = Union[str, datetime.date]
PathLike = Union[str, "os.PathLike[str]"]

__version__: str

# --- scenario (src/scenario.rs) ---

# --- records (src/records.rs) ---

# --- contradictions (src/contradictions.rs) ---

# --- deals (src/deals.rs) ---

# --- diff (src/diff.rs) ---

# --- report (src/report.rs) ---

# --- network (src/network.rs) ---

NetworkMode = Literal["actor", "issue", "affiliation"]
NetworkTypeName = Literal["ignore", "congruence", "conflict", "subtract", "combine"]
ExportFormatName = Literal["csv", "graphml", "dot", "json", "edges", "svg"]
Keys = Union[str, Sequence[str], None]

# The methods network.rs adds to Scenario (a base of the scenario section's
# `class Scenario`).
class _ScenarioNetwork:
    def network(
        self,
        mode: NetworkMode = "actor",
        type: NetworkTypeName = "ignore",
        *,
        normalize: str = "none",
        level: Literal["actor", "principal", "bloc"] = "actor",
        duplicates: Literal["include", "document", "week", "month", "year", "acrossrange"] = "include",
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        include_actors: Keys = None,
        exclude_actors: Keys = None,
        include_issues: Keys = None,
        exclude_issues: Keys = None,
    ) -> Network: ...
    def network_windows(
        self,
        window_days: int,
        step_days: int,
        mode: NetworkMode = "actor",
        type: NetworkTypeName = "ignore",
        *,
        normalize: str = "none",
        level: Literal["actor", "principal", "bloc"] = "actor",
        duplicates: Literal["include", "document", "week", "month", "year", "acrossrange"] = "include",
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        include_actors: Keys = None,
        exclude_actors: Keys = None,
        include_issues: Keys = None,
        exclude_issues: Keys = None,
    ) -> list[Network]: ...
    def polarization(
        self,
        *,
        level: Literal["actor", "principal", "bloc"] = "actor",
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
        duplicates: str = "include",
        exact_limit: Optional[int] = None,
        restarts: Optional[int] = None,
        seed: Optional[int] = None,
    ) -> Polarization: ...

class Network:
    mode: str
    type: str
    normalization: str
    level: str
    duplicates: str
    is_one_mode: bool
    row_labels: list[str]
    column_labels: list[str]
    labels: list[str]
    row_names: list[str]
    column_names: list[str]
    shape: tuple[int, int]
    matrix: npt.NDArray[np.float64]
    sum: float
    non_zero_count: int
    position_count: int
    span: tuple[Optional[datetime.date], Optional[datetime.date]]
    def value(self, row: str, column: str) -> float: ...
    def edges(self) -> list[tuple[str, str, float]]: ...
    def to_pandas(self) -> Any: ...  # pandas.DataFrame
    def to_networkx(self) -> Any: ...  # networkx.Graph
    def export(self, format: ExportFormatName = "csv", *, verbatim: bool = False) -> str: ...
    def save(self, path: PathLike, format: Optional[ExportFormatName] = None, *, verbatim: bool = False) -> None: ...
    def to_json(self) -> dict[str, Any]: ...
    def _repr_svg_(self) -> str: ...
    def __len__(self) -> int: ...

class Polarization:
    q: float
    score: float
    clusters: tuple[list[str], list[str]]
    exact: bool
    congruence_norm: float
    conflict_norm: float
    expected_congruence: tuple[float, float]
    expected_conflict: float
    within_congruence: float
    between_congruence: float
    within_conflict: float
    between_conflict: float
    def to_dict(self) -> dict[str, Any]: ...

# --- signed graphs (src/signed.rs) ---

Sign = Union[int, float, str]
Edge = tuple[str, str, int]

# The method signed.rs adds to Scenario (a base of the scenario section's
# `class Scenario`).
class _ScenarioSigned:
    def signed_graph(
        self,
        graph: Literal["stances", "actors"] = "stances",
        *,
        attribution: Literal["principal", "speaker"] = "principal",
        as_of: Optional[DateLike] = None,
    ) -> SignedGraph: ...

class SignedGraph:
    @classmethod
    def from_pandas(
        cls,
        df: Any,
        source: str = "source",
        target: str = "target",
        sign: str = "sign",
        weight: None = None,
        *,
        nodes: Optional[Sequence[str]] = None,
    ) -> SignedGraph: ...
    @classmethod
    def from_edges(
        cls, edges: Sequence[tuple[Union[str, int], Union[str, int], Sign]], *, nodes: Optional[Sequence[str]] = None
    ) -> SignedGraph: ...
    @overload
    @classmethod
    def read_edges(cls, source: PathLike, *, period: str) -> SignedGraph: ...
    @overload
    @classmethod
    def read_edges(cls, source: PathLike, *, period: None = None) -> Union[SignedGraph, dict[str, SignedGraph]]: ...
    period: Optional[str]
    nodes: list[str]
    edges: list[Edge]
    def balance(self) -> dict[str, Any]: ...
    def weak_balance(self) -> dict[str, Any]: ...
    def triangles(self) -> dict[str, Any]: ...
    def walk_balance(self) -> float: ...
    def frustration(
        self,
        exact: Optional[bool] = None,
        time_limit: Optional[float] = None,
        *,
        exact_limit: Optional[int] = None,
        rounds: Optional[int] = None,
        seed: Optional[int] = None,
    ) -> Frustration: ...
    def blockmodel(
        self,
        k: int = 2,
        alpha: float = 0.5,
        *,
        restarts: Optional[int] = None,
        seed: Optional[int] = None,
        exact_limit: Optional[int] = None,
    ) -> Blockmodel: ...
    def report(
        self, *, exact: Optional[bool] = None, time_limit: Optional[float] = None, camps: Optional[int] = None, alpha: float = 0.5
    ) -> BalanceReport: ...
    def explain(
        self, *, exact: Optional[bool] = None, time_limit: Optional[float] = None, camps: Optional[int] = None, alpha: float = 0.5
    ) -> str: ...
    def to_json(
        self, *, exact: Optional[bool] = None, time_limit: Optional[float] = None, camps: Optional[int] = None, alpha: float = 0.5
    ) -> dict[str, Any]: ...
    def to_pandas(self) -> Any: ...  # pandas.DataFrame: source, target, sign, weight
    def to_networkx(self) -> Any: ...  # networkx.Graph, edge attributes sign and weight
    def __len__(self) -> int: ...

class Frustration:
    value: int
    lower_bound: int
    exact: bool
    gap: int
    score: float
    method: Literal["exact", "heuristic"]
    limit_reached: bool
    edge_count: int
    block_count: int
    largest_block: tuple[int, int]
    search_nodes: int
    camps: tuple[list[str], list[str]]
    frustrated_edges: list[Edge]
    tensions: list[dict[str, Any]]
    def to_dict(self) -> dict[str, Any]: ...

class Blockmodel:
    k: int
    alpha: float
    criterion: float
    negative_inside: int
    positive_between: int
    camps: list[list[str]]
    membership: dict[str, int]
    misplaced: list[Edge]
    exact: bool
    restarts: int

class BalanceReport:
    balanced: bool
    weakly_balanced: bool
    walk_balance: Optional[float]
    triangles: dict[str, Any]
    frustration: Frustration
    blockmodel: Optional[Blockmodel]
    polarization: Optional[Polarization]
    def explain(self) -> str: ...
    def to_json(self) -> dict[str, Any]: ...

# --- readers (src/readers.rs) ---

# --- end ---
