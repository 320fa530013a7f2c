"""``diff_models``: two models on the same data and history, before a change ships.

- **Status changes**: both models score every person at one as-of instant, in one engine query
  joining the two scorings on ``person_id``; the engine counts people per (status in A, status in
  B) and returns the top movers.
- **Metric deltas**: both are backtested on the same cutoffs with the same labels (one
  :class:`~leadscore.backtest.run.BacktestPlan`).
- **Rule differences**: from the parsed models (:mod:`leadscore.diff.rules`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import ibis  # noqa: TID251 - the two scorings are joined on the engine

from leadscore.backtest.run import (
    DEFAULT_CONVERSIONS,
    DEFAULT_EVERY,
    DEFAULT_HORIZON,
    DEFAULT_WON,
    plan_backtest,
    rule_infos,
)
from leadscore.diff.metrics import metric_deltas
from leadscore.diff.result import DiffResult, Mover, StatusMove
from leadscore.diff.rules import rule_diffs
from leadscore.errors import ConfigError, NotFoundError, SpecError

if TYPE_CHECKING:
    from leadscore.project import Project


def diff_models(
    project: Project,
    model_a: Path,
    model_b: Path,
    *,
    as_of: datetime | None = None,
    top: int = 10,
    start: datetime | None = None,
    end: datetime | None = None,
    every: timedelta = DEFAULT_EVERY,
    horizon: timedelta = DEFAULT_HORIZON,
    conversions: Sequence[str] = DEFAULT_CONVERSIONS,
    won_outcome: str = DEFAULT_WON,
) -> DiffResult:
    """Compare model files ``model_a`` (current) and ``model_b`` (candidate) on the project data.

    Args:
        project: The project whose data, outcomes and engine are used (its own model is not).
        model_a: The current model file.
        model_b: The candidate model file.
        as_of: When to score both for the status changes (default: the end of the data).
        top: How many people who change status to list.
        start: First cutoff (default: as for a backtest).
        end: Last possible cutoff (default: as for a backtest).
        every: Step between cutoffs.
        horizon: How long after a cutoff a conversion still counts.
        conversions: Outcome names that count as a conversion.
        won_outcome: The closed-won outcome name.

    Raises:
        NotFoundError: a model file does not exist.
        SpecError: a model is invalid (or does not fit the data).
        ConfigError: bad options or no outcomes.
    """
    started = time.perf_counter()
    if top < 0:
        raise ConfigError(f"--top must be 0 or more, got {top}")
    for path in (model_a, model_b):
        if not Path(path).exists():
            raise NotFoundError(f"no model file at {path}")
    pa_, pb_ = project.with_model(model_a), project.with_model(model_b)
    plan = plan_backtest(pa_, start=start, end=end, every=every, horizon=horizon,
                         conversions=conversions, won_outcome=won_outcome)
    errors = [d for d in pb_.validate(with_data=True) if d.severity == "error"]
    if errors:
        raise SpecError(errors)
    ma, mb = pa_.loaded.model, pb_.loaded.model
    ca, cb = pa_.compiled(), pb_.compiled()
    results = []
    for model, compiled in ((ma, ca), (mb, cb)):
        labelled = plan.label(compiled, [r.column for r in rule_infos(model)])
        results.append(plan.measure(model, compiled.logic_hash, labelled))
    backtest_a, backtest_b = results

    instant = as_of or plan.data_until or plan.end
    a = ca.expr.select(person_id=ca.expr.person_id, total_a=ca.expr.total.cast("float64"),
                       status_a=ca.expr.status)
    b = cb.expr.select(_pid=cb.expr.person_id, total_b=cb.expr.total.cast("float64"),
                       status_b=cb.expr.status)
    joined = a.join(b, a.person_id == b._pid).drop("_pid")
    params = ca.params(instant) | cb.params(instant)
    engine = project.engine
    matrix = engine.execute(joined.group_by(["status_a", "status_b"]).agg(n=joined.count()),
                            params).to_pylist()
    moved = joined.filter(~joined.status_a.identical_to(joined.status_b))
    movers = engine.execute(moved.order_by([ibis.desc((moved.total_b - moved.total_a).abs()),
                                            moved.person_id]).limit(top), params).to_pylist()
    moves = tuple(sorted((StatusMove(r["status_a"], r["status_b"], r["n"]) for r in matrix),
                         key=lambda s: (s.from_status is None, str(s.from_status),
                                        s.to_status is None, str(s.to_status))))
    return DiffResult(
        model_a=str(model_a), model_b=str(model_b), name_a=ma.name, name_b=mb.name,
        as_of=instant, people=sum(s.n for s in moves),
        changed=sum(s.n for s in moves if s.from_status != s.to_status), moves=moves,
        movers=tuple(Mover(r["person_id"], r["status_a"], r["status_b"], r["total_a"],
                           r["total_b"]) for r in movers),
        metrics=metric_deltas(backtest_a, backtest_b), rules=rule_diffs(ma, mb),
        backtest_a=backtest_a, backtest_b=backtest_b,
        seconds=round(time.perf_counter() - started, 3))
