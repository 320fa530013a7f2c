"""Per-rule evidence from labelled snapshots, computed on the engine.

Coverage and lift of every rule (fired vs not fired) come from the backtest's own
:func:`leadscore.backtest.metrics.rule_table`. The learning data is one row per *pattern* of
fired rules: the engine groups the eligible snapshots by their indicators and counts snapshots
and conversions, so Python receives a few thousand aggregate rows, not every snapshot, and
the weighted fit on them equals the fit on the snapshots (see :mod:`leadscore.calibrate.learn`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ibis.expr.types as ir  # noqa: TID251 - calibration aggregates on the engine
import numpy as np
import pyarrow as pa

from leadscore.backtest.metrics import eligible


@dataclass(frozen=True)
class Patterns:
    """Snapshots grouped by which rules fired.

    Attributes:
        columns: The rule columns, one feature each.
        x: 0/1 indicators, shape ``(patterns, rules)``.
        n: Snapshots per pattern.
        converted: Conversions per pattern.
    """

    columns: tuple[str, ...]
    x: np.ndarray
    n: np.ndarray
    converted: np.ndarray

    @property
    def rate(self) -> np.ndarray:
        """Conversion rate per pattern (the regression target)."""
        return self.converted / np.maximum(self.n, 1)


def fired_patterns(t: ir.Table, columns: Sequence[str],
                   execute: Callable[[ir.Table], pa.Table]) -> Patterns:
    """Group the eligible snapshots of ``t`` by their fired-rule pattern, on the engine."""
    ev = eligible(t)
    names = [f"_x{i}" for i in range(len(columns))]
    flags = {name: (ev[c].cast("float64").fill_null(0.0) != 0).cast("int8")
             for name, c in zip(names, columns, strict=True)}
    flagged = ev.mutate(**flags)
    grouped = flagged.group_by(names).agg(
        n=flagged.count(), converted=flagged.converted.cast("int64").sum())
    table = execute(grouped)
    x = (np.column_stack([table.column(n).to_numpy(zero_copy_only=False) for n in names])
         if names else np.zeros((table.num_rows, 0)))
    return Patterns(tuple(columns), x.astype(float),
                    table.column("n").to_numpy(zero_copy_only=False).astype(float),
                    table.column("converted").to_numpy(zero_copy_only=False).astype(float))
