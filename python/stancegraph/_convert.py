"""Python values to the file shape's JSON, for `Scenario.from_dict` and friends."""

import datetime
import json
import math
from typing import Any


def _default(value: Any) -> Any:
    if isinstance(value, datetime.datetime) or type(value).__name__ == "Timestamp":
        if (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0):
            raise TypeError(f"a date is a day, not a time of day: {value!r}")
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if type(value).__name__ == "datetime64":
        return str(value)[:10]
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item) and type(value).__module__ == "numpy":
        return item()
    raise TypeError(f"{type(value).__name__} is not a value of a scenario: {value!r}")


def _check(value: Any, path: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{path or 'the value'}: {value} is not a value of a scenario")
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{path or 'the dict'}: keys are text, got {key!r}")
            _check(item, f"{path}.{key}" if path else key)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _check(item, f"{path}[{i}]")


def dumps(data: Any) -> str:
    """`data` as JSON text; dates as ISO days; NaN and foreign objects refused."""
    if not isinstance(data, dict):
        raise TypeError(f"expected a dict of the scenario file's shape, got {type(data).__name__}")
    _check(data, "")
    return json.dumps(data, default=_default, allow_nan=False)
