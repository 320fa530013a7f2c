"""Durations written in model files: ``90s``, ``30m``, ``48h``, ``14d``, ``2w``."""

from __future__ import annotations

import re
from datetime import timedelta

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_PATTERN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw])\s*$")

DURATION_HINT = "write a number and a unit: s, m, h, d or w (e.g. 48h, 14d, 2w)"


def parse_duration(text: str) -> timedelta:
    """Parse ``"14d"``-style text into a :class:`~datetime.timedelta`.

    Raises:
        ValueError: the text is not a positive duration; the message says how to write one.
    """
    match = _PATTERN.match(str(text))
    if not match:
        raise ValueError(f"'{text}' is not a duration; {DURATION_HINT}")
    value = float(match.group(1)) * _UNITS[match.group(2)]
    if value <= 0:
        raise ValueError(f"'{text}' must be longer than zero")
    return timedelta(seconds=value)


def format_duration(delta: timedelta) -> str:
    """Render a timedelta in the largest unit that divides it exactly (``1209600 s`` → ``2w``)."""
    seconds = delta.total_seconds()
    for unit in ("d", "h", "m"):
        size = _UNITS[unit]
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
