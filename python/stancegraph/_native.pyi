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

# --- end ---
