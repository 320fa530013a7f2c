"""Point-in-time primitives, written once.

Every rule sees the world as of one instant ``T``, an Ibis parameter bound at execution time, so
one compiled plan serves "now", a backtest grid of dates and the live service:

- an event counts only if ``ts <= T``;
- ``last: w`` windows are half-open: ``T - w < ts <= T``;
- ``first: w`` windows run from sign-up: ``created_at <= ts < created_at + w`` (and ``ts <= T``);
- a person exists from ``created_at`` on (people without ``created_at`` always exist).

Durations are compared as epoch seconds (portable across engines, one-second resolution or
better), while the main ``ts <= T`` filter stays on the timestamp so engines can prune files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import ibis
import ibis.expr.types as ir

from leadscore.spec.model import Window


@dataclass(frozen=True)
class AsOf:
    """The as-of parameter and its epoch-seconds form."""

    param: ir.TimestampScalar

    @classmethod
    def new(cls) -> AsOf:
        """A fresh, unbound as-of parameter."""
        return cls(ibis.param("timestamp").name("as_of"))

    @property
    def seconds(self) -> ir.NumericScalar:
        """``T`` as epoch seconds (float)."""
        return self.param.epoch_seconds().cast("float64")


def epoch(ts: ir.TimestampValue) -> ir.NumericValue:
    """A timestamp column as epoch seconds (float)."""
    return ts.epoch_seconds().cast("float64")


def seconds(delta: timedelta) -> float:
    """A duration as seconds."""
    return delta.total_seconds()


def in_window(
    window: Window | None,
    ts_s: ir.NumericValue,
    created_s: ir.NumericValue | None,
    as_of: AsOf,
    lookback: timedelta | None,
) -> ir.BooleanValue:
    """Whether an event (already known to be ``<= T``) falls in ``window``.

    The model's ``lookback`` (if any) bounds all rule history, windows included.
    """
    condition = ibis.literal(True)
    if lookback is not None:
        condition = ts_s > as_of.seconds - seconds(lookback)
    if window is None:
        return condition
    if window.first is not None:
        assert created_s is not None, "first-windows need created_at joined onto events"
        return condition & (ts_s >= created_s) & (ts_s < created_s + seconds(window.first))
    assert window.last is not None
    return condition & (ts_s > as_of.seconds - seconds(window.last))
