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

# --- signed graphs (src/signed.rs) ---

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

# Scenario.from_statements belongs in `class Scenario` (scenario section), which this file's
# readers section does not own; its stub, to be moved there:
#
#     @classmethod
#     def from_statements(
#         cls,
#         data: Any,  # a pandas DataFrame, a pyarrow Table or a mapping of column -> values
#         actor: str = "actor",
#         issue: str = "issue",
#         stance: str = "stance",
#         date: Optional[str] = None,
#         speaker: Optional[str] = None,
#         quote: Optional[str] = None,
#         source: Optional[str] = None,
#         id: Optional[str] = None,
#         stance_map: Optional[Mapping[Any, StanceName]] = None,
#         skip_bad_rows: bool = False,
#         *,
#         actor_kind: ActorKindName = "organization",
#     ) -> Scenario: ...

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

# --- end ---
