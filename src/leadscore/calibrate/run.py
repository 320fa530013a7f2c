"""``calibrate_project``: learn points and thresholds from a project's history, propose a model.

The steps, each on the same backtest plan (cutoffs, outcomes, labels):

1. backtest the current model, keeping every rule column: the "before" result, whose rule
   table is each rule's coverage and lift (fired vs not fired);
2. group the lead snapshots by fired-rule pattern on the engine and fit an L2 logistic
   regression on the indicators (:mod:`~leadscore.calibrate.learn`);
3. turn the weights into points within the budgets (:mod:`~leadscore.calibrate.points`);
4. score the history with the new points and set the status thresholds for the goal
   (:mod:`~leadscore.calibrate.thresholds`);
5. write the proposed YAML beside the original, every changed value commented
   (:mod:`~leadscore.calibrate.propose`), load and validate it, and backtest it: the "after".
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from leadscore.backtest.metrics import eligible
from leadscore.backtest.result import pct
from leadscore.backtest.run import (
    DEFAULT_CONVERSIONS,
    DEFAULT_EVERY,
    DEFAULT_HORIZON,
    DEFAULT_WON,
    plan_backtest,
    rule_infos,
)
from leadscore.calibrate.coverage import fired_patterns
from leadscore.calibrate.learn import fit_logistic
from leadscore.calibrate.points import Limits, RuleEvidence, rule_knobs, scale_points
from leadscore.calibrate.propose import Edit, apply_edits
from leadscore.calibrate.result import (
    CalibrationResult,
    LearnedWeights,
    RuleCalibration,
    StatusCalibration,
    ValueChange,
)
from leadscore.calibrate.thresholds import Goal, suggest
from leadscore.compile.assemble import compile_scores
from leadscore.diff.metrics import metric_deltas
from leadscore.errors import ConfigError, SpecError
from leadscore.spec import model as m
from leadscore.spec.loader import load_model_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from leadscore.project import Project


@dataclass(frozen=True)
class Options:
    """How to learn.

    Attributes:
        goal: The status target: a rate or a capacity.
        l2: L2 penalty of the regression (``1 / C`` in scikit-learn terms).
        limits: When a rule is too thin to learn from.
        day: The date written in the comments (default: today, UTC).
    """

    goal: Goal = field(default_factory=Goal)
    l2: float = 1.0
    limits: Limits = field(default_factory=Limits)
    day: date | None = None


def proposed_path(model_path: Path) -> Path:
    """``model.yaml`` → ``model.calibrated.yaml`` beside it."""
    return model_path.with_name(f"{model_path.stem}.calibrated{model_path.suffix or '.yaml'}")


def _dotted(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def calibrate_project(
    project: Project,
    *,
    out: Path | None = None,
    options: Options = Options(),
    start: datetime | None = None,
    end: datetime | None = None,
    every: timedelta = DEFAULT_EVERY,
    horizon: timedelta = DEFAULT_HORIZON,
    conversions: Sequence[str] = DEFAULT_CONVERSIONS,
    won_outcome: str = DEFAULT_WON,
) -> CalibrationResult:
    """Calibrate the project's model on its history and write the proposed model.

    Args:
        project: The project (model, data with ``outcomes``, engine).
        out: Where to write the proposed model (default: ``<model>.calibrated.yaml`` beside it).
        options: Goal, penalty, limits, date.
        start: First cutoff (default: as for a backtest).
        end: Last possible cutoff (default: as for a backtest).
        every: Step between cutoffs.
        horizon: How long after a cutoff a conversion still counts.
        conversions: Outcome names that count as a conversion.
        won_outcome: The closed-won outcome name.

    Raises:
        ConfigError: bad options, no outcomes, or ``out`` is the model file itself.
        DataError: the outcomes are unusable.
        SpecError: the model (or, which would be a bug, the proposed model) is invalid.
    """
    started = time.perf_counter()
    goal = options.goal
    if goal.capacity is None and not 0 < goal.rate < 1:
        raise ConfigError(f"--target-rate must be between 0 and 1 (e.g. 0.1 for 10 %), got "
                          f"{goal.rate:g}")
    names = [s.name for s in project.loaded.model.statuses]
    for name, rate in goal.rates.items():
        if name not in names:
            raise ConfigError(f"--status-rate names status '{name}', which the model does not "
                              f"have; its statuses are {', '.join(names) or 'none'}")
        if not 0 < rate < 1:
            raise ConfigError(f"--status-rate {name}={rate:g}: the rate must be between 0 and "
                              "1 (e.g. 0.03 for 3 %)")
    if goal.capacity is not None and (goal.capacity <= 0 or goal.per <= timedelta(0)):
        raise ConfigError("--capacity must be a positive number of leads and --per a positive "
                          "duration such as 7d")
    if options.l2 <= 0:
        raise ConfigError(f"--l2 must be positive, got {options.l2:g}")
    source = project.model_path
    out = out if out is not None else proposed_path(source)
    if out.resolve() == source.resolve():
        raise ConfigError(f"--out {out} is the model file itself; calibration never overwrites "
                          "it: choose another file")
    day = options.day or datetime.now(UTC).date()

    plan = plan_backtest(project, start=start, end=end, every=every, horizon=horizon,
                         conversions=conversions, won_outcome=won_outcome)
    engine = project.engine

    def execute(expr):
        return engine.execute(expr)

    model = project.loaded.model
    compiled = project.compiled()
    infos = rule_infos(model)
    labelled = plan.label(compiled, [r.column for r in infos])
    before = plan.measure(model, compiled.logic_hash, labelled)

    # Learn only from rules that fired for some but not all snapshots: a constant column has
    # no effect to estimate.
    stats = {r.column: r for r in before.rules}
    snapshots = before.population.snapshots
    learnable = [c for c, r in stats.items() if 0 < r.fired < snapshots]
    patterns = fired_patterns(labelled.to_ibis(), learnable, execute)
    fit = fit_logistic(patterns.x, patterns.rate, patterns.n, l2=options.l2)
    coefficient = dict(zip(learnable, fit.coef, strict=True))
    evidence = {
        c: RuleEvidence(fired=r.fired,
                        fired_converted=round(r.fired * (r.rate_fired or 0.0)),
                        expected=r.fired * (before.population.conversion_rate or 0.0),
                        coverage=r.coverage, mean_points=r.mean_points,
                        coefficient=coefficient.get(c))
        for c, r in stats.items()}

    knobs = rule_knobs(model)
    scaled = scale_points(model, knobs, evidence, options.limits)
    edits: list[Edit] = []
    rule_rows: list[RuleCalibration] = []
    for info, s in zip(infos, scaled, strict=True):
        r = stats[info.column]
        changes = []
        for knob, new in s.values:
            if new == knob.value:
                continue
            lift = "n/a" if r.lift is None else f"{r.lift:.1f}x"
            coverage = "n/a" if r.coverage is None else f"{100 * r.coverage:.0f}%"
            edits.append(Edit(knob.path, new, f"was {knob.value:g}; calibrate {day}: lift "
                              f"{lift}, coverage {coverage}"))
            changes.append(ValueChange(_dotted(knob.path), knob.value, new))
        action = "conflict" if s.conflict else ("changed" if changes else "unchanged")
        reason = s.reason
        if s.reason is None and not changes:
            reason = "the learned points round to the current ones"
        rule_rows.append(RuleCalibration(
            info.column, info.rule_id, info.kind, info.label, r.fired, r.coverage,
            r.rate_fired, r.rate_not_fired, r.lift, r.mean_points,
            evidence[info.column].coefficient, action, reason, tuple(changes)))

    text = source.read_text(encoding="utf-8")
    points_model = load_model_text(apply_edits(text, edits, file=str(source)),
                                   file=str(out)).model
    rescored = plan.label(compile_scores(project.tables, points_model))
    moved = {"fit" if r.kind == "fit" else "behavior" for r in rule_rows if r.changes}
    unchanged = {"fit", "behavior"} - moved | (set() if moved else {"total"})

    def relabel(statuses: Sequence[m.Status]):
        # Conditions on metrics or tiers are evaluated by the engine: score again with them.
        variant = points_model.model_copy(update={"statuses": list(statuses)})
        return eligible(plan.label(compile_scores(project.tables, variant)).to_ibis())

    plans = suggest(model.statuses, eligible(labelled.to_ibis()),
                    eligible(rescored.to_ibis()), goal, cutoffs=plan.cutoffs, every=plan.every,
                    execute=execute, unchanged=unchanged, relabel=relabel)
    for i, sp in enumerate(plans):
        new_when = sp.when
        if new_when != sp.status.when:
            edits.append(Edit(("statuses", i, "when"), new_when,
                              f"was `{sp.status.when}`; calibrate {day}: for "
                              f"{goal.describe(sp.status.name)}"))

    proposed_text = apply_edits(text, edits, file=str(source))
    loaded = load_model_text(proposed_text, file=str(out))  # raises SpecError if invalid
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(proposed_text, encoding="utf-8")
    errors = [d for d in project.with_model(out).validate(with_data=True)
              if d.severity == "error"]
    if errors:
        raise SpecError(errors)
    new_model = loaded.model
    new_compiled = compile_scores(project.tables, new_model)
    after = plan.measure(new_model, new_compiled.logic_hash,
                         plan.label(new_compiled, [r.column for r in rule_infos(new_model)]),
                         started=started)

    warnings = []
    if before.auc is not None and after.auc is not None and after.auc < before.auc:
        warnings.append(f"the proposed model ranks buyers worse on this history (AUC "
                        f"{before.auc:.3f} → {after.auc:.3f}); do not ship it as is: review the "
                        "conflicts and the rules it changed most")
    if not fit.converged:
        warnings.append(f"the regression did not converge in {fit.iterations} steps; raise --l2")
    if any(r.changes for r in rule_rows):
        for sp in plans:
            if sp.target is None:
                b = after.status(sp.status.name)
                a = before.status(sp.status.name)
                warnings.append(
                    f"{sp.status.name} keeps its condition although the points changed: its "
                    f"rate went from {pct(a.rate if a else None)} to "
                    f"{pct(b.rate if b else None)}; adjust its thresholds by hand")
    warnings += [f"after: {w}" for w in after.run.warnings]
    status_rows = []
    for sp, new_status in zip(plans, new_model.statuses, strict=True):
        a, b = before.status(sp.status.name), after.status(new_status.name)
        status_rows.append(StatusCalibration(
            sp.status.name, sp.status.when, new_status.when, sp.target is not None,
            a.rate if a else None,
            b.rate if b else None, sp.note))
    return CalibrationResult(
        model_name=model.name, source=str(source), proposed=str(out), day=day,
        target_rate=None if goal.capacity is not None else goal.rate,
        status_rates=dict(goal.rates) if goal.capacity is None else {}, capacity=goal.capacity,
        per=goal.per if goal.capacity is not None else None,
        weights=LearnedWeights(fit.intercept, options.l2, int(patterns.x.shape[0]),
                               int(patterns.n.sum()), fit.iterations, fit.converged),
        rules=tuple(rule_rows), statuses=tuple(status_rows), before=before, after=after,
        comparison=metric_deltas(before, after), warnings=tuple(warnings))
