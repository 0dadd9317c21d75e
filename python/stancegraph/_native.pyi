# Type stubs of the Rust extension `stancegraph._native` (re-exported by
# `stancegraph`). One section per file of python/src/; keep them in step.
from __future__ import annotations

import datetime
import os
from typing import Any, Iterator, Literal, Mapping, Optional, Sequence, Tuple, Union, overload

import numpy as np
import numpy.typing as npt

DateLike = Union[str, datetime.date]
PathLike = Union[str, "os.PathLike[str]"]

__version__: str

# --- scenario (src/scenario.rs) ---
def load(path: PathLike, *, quote_check: bool = True) -> Scenario:
    """Reads a scenario file (.yaml, .yml, .json, .toml) or a case folder of them."""
    ...

class Scenario:
    """A validated scenario: actors, issues, relations, sources and positions."""

    @classmethod
    def load(cls, path: PathLike, *, quote_check: bool = True) -> Scenario: ...
    @classmethod
    def from_yaml(cls, text: str) -> Scenario: ...
    @classmethod
    def from_json(cls, text: str) -> Scenario: ...
    @classmethod
    def from_toml(cls, text: str) -> Scenario: ...
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Scenario: ...
    def dumps(self, format: Literal["yaml", "json", "toml"] = "yaml") -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    def save(self, path: PathLike) -> None: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def description(self) -> Optional[str]: ...
    @property
    def actors(self) -> Actors: ...
    @property
    def issues(self) -> Issues: ...
    @property
    def relations(self) -> Relations: ...
    @property
    def positions(self) -> Positions: ...
    @property
    def sources(self) -> Sources: ...
    @property
    def files(self) -> list[str]: ...
    # contradictions (src/contradictions.rs)
    def contradictions(
        self,
        as_of: Optional[DateLike] = None,
        kinds: Union[None, str, Sequence[str]] = None,
        min_severity: Optional[Literal["critical", "high", "medium"]] = None,
        *,
        max_per_group: int = 100,
    ) -> Contradictions: ...
    # deals (src/deals.rs)
    def deals(
        self,
        parties: Union[None, str, Sequence[str]] = None,
        keep: Union[None, str, Sequence[str]] = None,
        protect: Union[None, str, Sequence[str]] = None,
        require: Union[None, Mapping[str, str], Sequence[tuple[str, str]]] = None,
        as_of: Optional[DateLike] = None,
        max: int = 10,
        *,
        weights: Optional[tuple[int, int, int]] = None,
        time_limit: Optional[float] = None,
    ) -> Deals: ...
    # diff (src/diff.rs)
    def diff(
        self,
        other: Optional[Scenario] = None,
        *,
        as_of: Optional[DateLike] = None,
        from_: Optional[DateLike] = None,
        to: Optional[DateLike] = None,
    ) -> ScenarioDiff: ...
    # report (src/report.rs)
    def report_html(
        self,
        *,
        as_of: Optional[DateLike] = None,
        since: Optional[DateLike] = None,
        title: Optional[str] = None,
        max_actors: Optional[int] = None,
        groups: Optional[int] = None,
        deals: Optional[int] = None,
        max_cards: Optional[int] = None,
        max_timeline: Optional[int] = None,
    ) -> str: ...
    def report_svg(
        self,
        *,
        as_of: Optional[DateLike] = None,
        max_actors: Optional[int] = None,
        groups: Optional[int] = None,
    ) -> str: ...
    def _repr_html_(self) -> str: ...
    # stance (src/stance.rs)
    def ties(
        self, attribution: Literal["speaker", "principal"] = "speaker", as_of: Optional[DateLike] = None
    ) -> Ties: ...
    def camps(
        self,
        issue: str,
        attribution: Literal["speaker", "principal"] = "speaker",
        as_of: Optional[DateLike] = None,
    ) -> dict[str, list[dict[str, Any]]]: ...
    def overview(
        self, attribution: Literal["speaker", "principal"] = "speaker", as_of: Optional[DateLike] = None
    ) -> str: ...
    def with_positions(self, positions: Sequence[Mapping[str, Any]]) -> Scenario: ...
    def what_if(self, baseline: Scenario, as_of: Optional[DateLike] = None) -> dict[str, list[dict[str, Any]]]: ...
    # network (src/network.rs)
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
    # signed graphs (src/signed.rs)
    def signed_graph(
        self,
        graph: Literal["stances", "actors"] = "stances",
        *,
        attribution: Literal["principal", "speaker"] = "principal",
        as_of: Optional[DateLike] = None,
        ties: Literal["net", "both"] = "net",
    ) -> SignedGraph: ...
    # readers (src/readers.rs)
    @classmethod
    def from_statements(
        cls,
        data: Any,  # a pandas DataFrame, a pyarrow Table or a mapping of column -> values
        actor: str = "actor",
        issue: str = "issue",
        stance: str = "stance",
        date: Optional[str] = None,
        speaker: Optional[str] = None,
        quote: Optional[str] = None,
        source: Optional[str] = None,
        id: Optional[str] = None,
        stance_map: Optional[Mapping[Any, StanceName]] = None,
        skip_bad_rows: bool = False,
        *,
        actor_kind: ActorKindName = "organization",
    ) -> Scenario: ...

# --- records (src/records.rs) ---
class Actor:
    id: str
    name: str
    kind: str
    aliases: list[str]
    member_of: list[str]
    memberships: list[dict[str, Any]]
    speaks_for: Optional[str]
    role: Optional[str]
    file: Optional[str]

class Issue:
    id: str
    name: str
    description: Optional[str]
    tags: list[str]
    file: Optional[str]

class Relation:
    kind: str
    issues: list[str]
    note: Optional[str]

class Position:
    id: str
    actor: str
    principal: str
    issue: str
    stance: Literal["support", "oppose", "neutral"]
    firmness: Literal["negotiable", "firm", "red_line"]
    condition: Optional[str]
    date: Optional[datetime.date]
    until: Optional[datetime.date]
    source: Optional[str]
    quote: Optional[str]
    note: Optional[str]
    file: Optional[str]

class Source:
    id: Optional[str]
    title: Optional[str]
    publisher: Optional[str]
    url: Optional[str]
    date: Optional[datetime.date]
    file: Optional[str]

class Actors:
    """A read-only sequence of :class:`Actor` (indexable, iterable; not a list)."""

    def __len__(self) -> int: ...
    def __getitem__(self, key: Union[int, str]) -> Actor: ...
    def __contains__(self, key: object) -> bool: ...
    def __iter__(self) -> Iterator[Actor]: ...
    def to_pandas(self) -> Any: ...

class Issues:
    """A read-only sequence of :class:`Issue` (indexable, iterable; not a list)."""

    def __len__(self) -> int: ...
    def __getitem__(self, key: Union[int, str]) -> Issue: ...
    def __contains__(self, key: object) -> bool: ...
    def __iter__(self) -> Iterator[Issue]: ...
    def to_pandas(self) -> Any: ...

class Relations:
    """A read-only sequence of :class:`Relation` (indexable, iterable; not a list)."""

    def __len__(self) -> int: ...
    def __getitem__(self, key: int) -> Relation: ...
    def __iter__(self) -> Iterator[Relation]: ...
    def to_pandas(self) -> Any: ...

class Positions:
    """A read-only sequence of :class:`Position` (indexable, iterable; not a list)."""

    def __len__(self) -> int: ...
    def __getitem__(self, key: Union[int, str]) -> Position: ...
    def __contains__(self, key: object) -> bool: ...
    def __iter__(self) -> Iterator[Position]: ...
    def to_pandas(self) -> Any: ...

class Sources:
    """A read-only sequence of :class:`Source` (indexable, iterable; not a list)."""

    def __len__(self) -> int: ...
    def __getitem__(self, key: Union[int, str]) -> Source: ...
    def __contains__(self, key: object) -> bool: ...
    def __iter__(self) -> Iterator[Source]: ...
    def to_pandas(self) -> Any: ...

# --- contradictions (src/contradictions.rs) ---
class Contradiction:
    kind: Literal["self_contradiction", "member_vs_bloc", "between_allies", "deadlock", "reversal"]
    severity: Literal["critical", "high", "medium"]
    conditional: bool
    conditions: list[dict[str, Any]]
    actors: list[str]
    positions: list[str]
    issues: list[str]
    bloc: Optional[str]
    start: Optional[datetime.date]
    end: Optional[datetime.date]
    explanation: str
    reasoning: list[dict[str, Any]]
    def to_dict(self) -> dict[str, Any]: ...

class Contradictions:
    """A read-only sequence of :class:`Contradiction` (indexable, sliceable, iterable)."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: int) -> Contradiction: ...
    @overload
    def __getitem__(self, key: slice) -> list[Contradiction]: ...
    def __iter__(self) -> Iterator[Contradiction]: ...
    def explain(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    @property
    def truncated(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

# --- deals (src/deals.rs) ---
class DealSearch:
    def to_json(self) -> str: ...
    def explain(self) -> str: ...
    def to_wcnf(self) -> str: ...

from ._results import Deals as Deals

# --- diff (src/diff.rs) ---
class ScenarioDiff:
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def positions(self) -> dict[str, Any]: ...
    @property
    def contradictions(self) -> dict[str, Any]: ...
    @property
    def ties(self) -> dict[str, Any]: ...
    @property
    def summary(self) -> dict[str, Any]: ...
    def explain(self) -> str: ...
    def __bool__(self) -> bool: ...

# --- report (src/report.rs) ---
# Scenario.report_html, Scenario.report_svg and Scenario._repr_html_: see Scenario above.

# --- stance (src/stance.rs) ---
class Ties:
    """A read-only sequence of tie dicts (indexable, iterable)."""

    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    def __iter__(self) -> Iterator[dict[str, Any]]: ...
    def between(self, a: str, b: str, kind: Literal["agreement", "conflict"]) -> Optional[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

# --- network (src/network.rs) ---

NetworkMode = Literal["actor", "issue", "affiliation"]
NetworkTypeName = Literal["ignore", "congruence", "conflict", "subtract", "combine"]
ExportFormatName = Literal["csv", "graphml", "dot", "json", "edges", "svg"]
Keys = Union[str, Sequence[str], None]

# The methods network.rs adds to Scenario (a base of the scenario section's
# `class Scenario`).
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
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
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
class SignedGraph:
    @classmethod
    def from_pandas(
        cls,
        df: Any,
        source: str = "source",
        target: str = "target",
        sign: str = "sign",
        weight: Optional[str] = None,
        *,
        nodes: Optional[Sequence[str]] = None,
    ) -> SignedGraph: ...
    @classmethod
    def from_edges(
        cls,
        edges: Sequence[
            Union[
                tuple[Union[str, int], Union[str, int], Sign],
                tuple[Union[str, int], Union[str, int], Sign, Union[float, str, None]],
            ]
        ],
        *,
        nodes: Optional[Sequence[str]] = None,
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
    weights: list[float]
    total_weight: float
    is_weighted: bool
    def ambivalent_pairs(self) -> list[tuple[str, str, float, float]]: ...
    def distinct_pairs(self) -> SignedGraph: ...
    def balance(self) -> dict[str, Any]: ...
    def weak_balance(self) -> dict[str, Any]: ...
    def triangles(self) -> dict[str, Any]: ...
    def walk_balance(self) -> float: ...
    def centrality(self) -> Centrality: ...
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
        self, *, exact: Optional[bool] = None, time_limit: Optional[float] = None, camps: Optional[int] = None, alpha: float = 0.5,
        significance: Optional[bool] = None, pattern: Optional[str] = None, samples: int = 1000,
        frustration_samples: int = 100, seed: int = 24301,
    ) -> BalanceReport: ...
    # explain, to_dict and to_json take report's keywords (significance default False for the two JSON forms).
    def explain(
        self, *, exact: Optional[bool] = None, time_limit: Optional[float] = None, camps: Optional[int] = None, alpha: float = 0.5,
        significance: Optional[bool] = None, pattern: Optional[str] = None, samples: int = 1000,
        frustration_samples: int = 100, seed: int = 24301,
    ) -> str: ...
    def to_dict(
        self, *, exact: Optional[bool] = None, time_limit: Optional[float] = None, camps: Optional[int] = None, alpha: float = 0.5,
        significance: bool = False, pattern: Optional[str] = None, samples: int = 1000,
        frustration_samples: int = 100, seed: int = 24301,
    ) -> dict[str, Any]: ...
    def to_json(
        self, *, exact: Optional[bool] = None, time_limit: Optional[float] = None, camps: Optional[int] = None, alpha: float = 0.5,
        significance: bool = False, pattern: Optional[str] = None, samples: int = 1000,
        frustration_samples: int = 100, seed: int = 24301,
    ) -> str: ...
    # report (src/report.rs): the signed network report of this graph.
    def report_html(
        self,
        *,
        title: Optional[str] = None,
        max_nodes: Optional[int] = None,
        time_limit: Optional[float] = None,
        significance: bool = True,
    ) -> str: ...
    def report_svg(self, *, max_nodes: Optional[int] = None, time_limit: Optional[float] = None) -> str: ...
    def significance(self, samples: int = 1000, frustration_samples: int = 100, seed: int = 24301) -> Significance: ...
    def fit_pattern(
        self, pattern: str, alpha: float = 0.5, *, restarts: Optional[int] = None, seed: Optional[int] = None,
        exact_limit: Optional[int] = None,
    ) -> PatternFit: ...
    def to_pandas(self) -> Any: ...  # pandas.DataFrame: source, target, sign, weight
    def to_networkx(self) -> Any: ...  # networkx.Graph (MultiGraph with ambivalent pairs), edge attributes sign and weight
    def __len__(self) -> int: ...

class Frustration:
    value: float
    lower_bound: float
    exact: bool
    gap: float
    score: float
    method: Literal["exact", "heuristic"]
    limit_reached: bool
    edge_count: int
    total_weight: float
    block_count: int
    largest_block: tuple[int, int]
    search_nodes: int
    camps: tuple[list[str], list[str]]
    frustrated_edges: list[Edge]
    tensions: list[dict[str, Any]]
    def to_dict(self) -> dict[str, Any]: ...

class Blockmodel:
    """Doreian–Mrvar camps; ``negative_inside`` and ``positive_between`` are total weights."""

    k: int
    alpha: float
    criterion: float
    negative_inside: float  # total weight of the negative ties inside a camp
    positive_between: float  # total weight of the positive ties between camps
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
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...

class PatternFit:
    """A generalised blockmodel: blocks of a pattern of expected signs."""

    pattern: str
    alpha: float
    criterion: float
    negative_in_positive: float  # total weight of the negative ties in positive blocks
    positive_in_negative: float  # total weight of the positive ties in negative blocks
    exact: bool
    blocks: list[list[str]]
    block_of: dict[str, int]
    misplaced: list[tuple[str, str, int]]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def explain(self) -> str: ...

class Significance:
    """Triangle balance and the frustration index against random sign arrangements."""

    triangles: Optional[dict[str, Any]]
    frustration: Optional[dict[str, Any]]
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def explain(self) -> str: ...

class Centrality:
    """Signed centralities of every node (lists in node order)."""

    nodes: list[str]
    positive_degree: list[float]
    negative_degree: list[float]
    pn_index: Optional[list[float]]
    pn_problem: Optional[str]
    eigenvector: Optional[list[float]]
    eigenvector_problem: Optional[str]
    eigenvalue: Optional[float]
    def to_pandas(self) -> Any: ...  # pandas.DataFrame: id, positive_degree, negative_degree, pn_index, eigenvector
    def to_dict(self) -> dict[str, Any]: ...
    def to_json(self) -> str: ...
    def explain(self) -> str: ...

# --- readers (src/readers.rs) ---

from collections.abc import Iterable

class SkippedRowsWarning(UserWarning):
    """Bad rows of a statements table were skipped (``skip_bad_rows=True``)."""

    problems: list[dict[str, Any]]

StanceName = Literal["support", "oppose", "neutral"]
ActorKindName = Literal["state", "alliance", "organization", "person", "group", "other"]

def read_statements(
    path: PathLike,
    actor: str = "actor",
    issue: str = "issue",
    stance: str = "stance",
    date: Optional[str] = None,
    speaker: Optional[str] = None,
    quote: Optional[str] = None,
    source: Optional[str] = None,
    id: Optional[str] = None,
    stance_map: Optional[Mapping[Any, StanceName]] = None,
    skip_bad_rows: bool = False,
    *,
    actor_kind: ActorKindName = "organization",
) -> Scenario: ...
def read_dna(path: PathLike) -> Scenario: ...
def read_votes(path: PathLike) -> Votes: ...

class Votes:
    """Roll-call votes: who voted how in which roll call."""

    @classmethod
    def read_csv(cls, path: PathLike) -> Votes: ...
    @classmethod
    def from_csv_text(cls, text: str) -> Votes: ...
    @property
    def countries(self) -> list[str]: ...
    @property
    def codes(self) -> list[str]: ...
    @property
    def roll_calls(self) -> list[int]: ...
    def __len__(self) -> int: ...
    def select(self, roll_calls: Iterable[int]) -> Votes: ...
    def agreement_matrices(
        self,
    ) -> tuple[
        list[str],
        npt.NDArray[np.uint32],
        npt.NDArray[np.uint32],
        npt.NDArray[np.uint32],
    ]: ...
    def write_matrices(self, directory: PathLike) -> None: ...
    def to_pandas(self) -> Any: ...  # pandas.DataFrame: rcid, country, country_code, vote
    def to_scenario(self, dates: Optional[Mapping[int, DateLike]] = None) -> Scenario: ...

# --- interstate (src/interstate.rs) ---

def read_interstate(
    alliances: PathLike, disputes: PathLike, states: Optional[PathLike] = None
) -> InterstatePanel:
    """Reads alliance and dispute dyad-years (and COW state names) into a panel."""
    ...

class InterstatePanel:
    """Per year, the pairs of states allied and the pairs in a militarized dispute."""

    @property
    def years(self) -> list[int]: ...
    def __len__(self) -> int: ...
    def graph(self, year: int) -> SignedGraph: ...
    def states(self, year: int) -> list[int]: ...
    def name(self, ccode: int) -> Optional[str]: ...
    def allies_in_conflict(
        self,
    ) -> Any: ...  # pandas.DataFrame: ccode1, ccode2, name1, name2, year, disputes
    def balance_by_year(
        self, *, time_limit: Optional[float] = None, threads: int = 0
    ) -> Any: ...  # pandas.DataFrame: year, states, positive, negative, ambivalent, frustration, lower_bound, exact
    def summary(
        self, top: int = 5, *, time_limit: Optional[float] = None, threads: int = 0
    ) -> str: ...
    def to_edges(self) -> str: ...
    def write(
        self,
        directory: PathLike,
        *,
        format: Literal["csv", "json"] = "csv",
        time_limit: Optional[float] = None,
        threads: int = 0,
        top: int = 5,
    ) -> str: ...
# --- events (src/events.rs) ---

EventFormatName = Literal["icews", "delimited", "plover"]
LevelName = Literal["country", "actor"]

def read_events(
    path: PathLike,
    *,
    format: Optional[EventFormatName] = None,
    delimiter: Optional[str] = None,
    source: str = "source",
    target: str = "target",
    source_country: str = "source_country",
    target_country: str = "target_country",
    date: str = "date",
    code: str = "code",
    score: str = "score",
) -> Any: ...  # pandas.DataFrame: source, source_country, target, target_country, date, code, score, quad
def aggregate_events(
    path: PathLike,
    *,
    level: LevelName = "country",
    window: str = "all",  # all | day | week | month | year | "LENGTH/STEP"
    directed: bool = True,
    format: Optional[EventFormatName] = None,
    delimiter: Optional[str] = None,
    source: str = "source",
    target: str = "target",
    source_country: str = "source_country",
    target_country: str = "target_country",
    date: str = "date",
    code: str = "code",
    score: str = "score",
) -> EventNetworks: ...

class EventNetworks:
    """Event data aggregated per dyad and period."""

    def to_pandas(self) -> Any: ...  # pandas.DataFrame: source, target, period, events, goldstein, quad counts, sign
    def to_arrow(self) -> Any: ...  # pyarrow.Table, the same columns
    def graphs(self) -> list[SignedGraph]: ...
    @property
    def periods(self) -> list[str]: ...
    @property
    def counts(self) -> dict[str, int]: ...
    def to_csv(self) -> str: ...
    def to_edges(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...
    # report (src/report.rs): every period in the overview, one shown in full.
    def report_html(
        self,
        *,
        title: Optional[str] = None,
        period: Optional[str] = None,
        max_nodes: Optional[int] = None,
        time_limit: Optional[float] = None,
        significance: bool = True,
    ) -> str: ...
    def report_svg(
        self, *, period: Optional[str] = None, max_nodes: Optional[int] = None, time_limit: Optional[float] = None,
    ) -> str: ...
    def __len__(self) -> int: ...

# report (src/report.rs): several signed graphs, behind report_html/report_svg (_reports.py).
def _graphs_report(
    graphs: Union[Sequence[SignedGraph], Mapping[str, SignedGraph]],
    svg: bool,
    significance: bool,
    title: Optional[str],
    period: Optional[str],
    max_nodes: Optional[int],
    time_limit: Optional[float],
) -> str: ...


# --- Spark kernels (src/spark.rs): private, called by stancegraph.spark ---

# An Arrow string column as its buffers: (validity or None, offsets, data, offset, length, large).
_ArrowStrings = Tuple[Optional[bytes], bytes, bytes, int, int, bool]

class _EventPartition:
    def __init__(
        self, level: str, window: str, directed: bool, names: Sequence[str], partition: int
    ) -> None: ...
    def add(self, columns: Sequence[Optional[_ArrowStrings]]) -> None: ...
    def finish(self) -> Tuple[Any, ...]: ...

def _vote_partition(
    rcid: _ArrowStrings,
    country: _ArrowStrings,
    vote: _ArrowStrings,
    names: Sequence[str],
    partition: int,
) -> Tuple[Any, ...]: ...
def _event_networks(
    source: Sequence[str],
    target: Sequence[str],
    period: Sequence[str],
    events: Sequence[int],
    goldstein: Sequence[float],
    quads: Sequence[Sequence[int]],
    level: str,
    window: str,
    directed: bool,
) -> EventNetworks: ...
def _window_name(window: str) -> str: ...

# --- end ---
