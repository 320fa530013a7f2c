"""L2-regularised logistic regression by Newton's method (IRLS), in NumPy.

Calibration learns one weight per rule from "did the rule fire" indicators. There are few
features (one per rule, a few dozen at most), so a dense Newton step is cheap and exact, and
a small, tested solver here keeps scikit-learn out of the runtime dependencies.

The rows may be **weighted**: calibration groups the snapshots on the engine by their pattern of
fired rules and hands over one row per pattern with ``weight`` = snapshots and ``y`` = the share
that converted. The weighted log-likelihood of those rows equals the per-snapshot one exactly,
so the fit is the same as on the raw snapshots, with thousands of rows instead of millions.

The objective matches scikit-learn's ``LogisticRegression(C=1/l2)`` (``l2`` penalty, intercept
not penalised, ``sample_weight``)::

    minimise  Σ_i w_i · logloss(y_i, sigmoid(b + x_i·β))  +  (l2 / 2) · ‖β‖²
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from leadscore.errors import DataError


@dataclass(frozen=True)
class LogisticFit:
    """A fitted logistic regression.

    Attributes:
        intercept: The intercept (log-odds when no feature is on).
        coef: One coefficient per feature (log-odds ratio of the feature being on).
        iterations: Newton steps taken.
        converged: Whether the step size fell below the tolerance.
    """

    intercept: float
    coef: tuple[float, ...]
    iterations: int
    converged: bool

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """The probability of the positive class for each row of ``x``."""
        return _sigmoid(self.intercept + np.asarray(x, dtype=float) @ np.asarray(self.coef))


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # overflow-free logistic


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray | None = None, *,
                 l2: float = 1.0, max_iter: int = 100, tol: float = 1e-10) -> LogisticFit:
    """Fit ``P(y=1) = sigmoid(b + x·β)`` with an L2 penalty on ``β`` (not on ``b``).

    Args:
        x: Features, shape ``(n, k)``.
        y: Targets in ``[0, 1]`` (a share of positives for grouped rows), shape ``(n,)``.
        weight: Row weights (snapshots per group); default 1.
        l2: Penalty strength (``1 / C`` in scikit-learn terms); must be positive, which also
            keeps the Newton system solvable when a feature is constant or always converts.
        max_iter: Newton steps at most.
        tol: Stop when the largest parameter change is below this.

    Raises:
        DataError: no rows, shapes disagree, or the targets are outside ``[0, 1]``.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if x.ndim != 2 or y.shape != (x.shape[0],):
        raise DataError(f"features of shape {x.shape} and targets of shape {y.shape} disagree")
    w = np.ones_like(y) if weight is None else np.asarray(weight, dtype=float)
    if x.shape[0] == 0 or w.sum() <= 0:
        raise DataError("there are no labelled snapshots to learn from")
    if np.any((y < 0) | (y > 1)) or np.any(w < 0):
        raise DataError("targets must be in [0, 1] and weights non-negative")
    if l2 <= 0:
        raise ValueError("l2 must be positive")
    n, k = x.shape
    design = np.hstack([np.ones((n, 1)), x])
    penalty = np.full(k + 1, l2)
    penalty[0] = 0.0  # the intercept is not penalised (as in scikit-learn)
    # Start from the base rate: the intercept-only optimum, so the first step is small.
    base = float(np.clip((w * y).sum() / w.sum(), 1e-9, 1 - 1e-9))
    theta = np.zeros(k + 1)
    theta[0] = np.log(base / (1 - base))
    converged = False
    iteration = 0
    for iteration in range(1, max_iter + 1):  # noqa: B007 - reported in the result
        p = _sigmoid(design @ theta)
        gradient = design.T @ (w * (p - y)) + penalty * theta
        hessian = (design * (w * p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        # A tiny ridge on the intercept keeps the system solvable when every row is all-0 or
        # all-1 in y (the optimum is then at ±∞ and the step only grows slowly).
        hessian[0, 0] += 1e-12
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.max(np.abs(step)) < tol:
            converged = True
            break
    return LogisticFit(float(theta[0]), tuple(float(c) for c in theta[1:]), iteration,
                       converged)
