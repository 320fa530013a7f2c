"""Calibration: learn rule points and status thresholds from history, propose a model.

>>> result = calibrate_project(Project.load("acme"))            # doctest: +SKIP
>>> result.proposed, result.after.auc                           # doctest: +SKIP

- :mod:`~leadscore.calibrate.coverage`: per-rule evidence and fired-rule patterns (engine);
- :mod:`~leadscore.calibrate.learn`: L2 logistic regression (NumPy, Newton/IRLS);
- :mod:`~leadscore.calibrate.points`: weights → transparent points within the budgets;
- :mod:`~leadscore.calibrate.thresholds`: thresholds for a status rate or a capacity (engine);
- :mod:`~leadscore.calibrate.propose`: the commented, round-tripped YAML;
- :mod:`~leadscore.calibrate.run`: :func:`calibrate_project`, all of it;
- :mod:`~leadscore.calibrate.result`: :class:`CalibrationResult` (JSON in and out).
"""

from leadscore.calibrate.result import CalibrationResult
from leadscore.calibrate.run import Options, calibrate_project, proposed_path
from leadscore.calibrate.thresholds import Goal

__all__ = ["CalibrationResult", "Goal", "Options", "calibrate_project", "proposed_path"]
