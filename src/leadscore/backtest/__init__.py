"""Backtests: score history point-in-time, label what followed, measure the model.

>>> from leadscore.backtest import run_backtest                          # doctest: +SKIP
>>> result = run_backtest(project, every=timedelta(days=7))            # doctest: +SKIP
>>> result.status("PQL").lift, result.auc                               # doctest: +SKIP

- :mod:`leadscore.backtest.run`: the cutoff grid, labelling, :func:`run_backtest`;
- :mod:`leadscore.backtest.metrics`: every metric as an Ibis expression run on the engine;
- :mod:`leadscore.backtest.result`: :class:`BacktestResult` (JSON in and out) and the verdicts.
"""

from leadscore.backtest.result import BacktestResult, StatusRateBands, Verdict
from leadscore.backtest.run import (
    DEFAULT_CONVERSIONS,
    LabelledSnapshots,
    cutoff_grid,
    label_snapshots,
    run_backtest,
)

__all__ = [
    "DEFAULT_CONVERSIONS",
    "BacktestResult",
    "LabelledSnapshots",
    "StatusRateBands",
    "Verdict",
    "cutoff_grid",
    "label_snapshots",
    "run_backtest",
]
