"""Model diffs: two model versions on the same data and history, judged before shipping.

>>> result = diff_models(project, Path("model.yaml"), Path("b.yaml"))  # doctest: +SKIP
>>> result.changed, result.metric("auc").delta                        # doctest: +SKIP

- :mod:`~leadscore.diff.run`: :func:`diff_models`;
- :mod:`~leadscore.diff.metrics`: backtest metrics side by side (shared with calibration);
- :mod:`~leadscore.diff.rules`: rule-level differences of two parsed models;
- :mod:`~leadscore.diff.result`: :class:`DiffResult` (JSON in and out).
"""

from leadscore.diff.result import DiffResult
from leadscore.diff.run import diff_models

__all__ = ["DiffResult", "diff_models"]
