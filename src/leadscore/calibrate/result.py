"""What calibration found and proposes, as plain frozen data: :class:`CalibrationResult`.

Like :class:`~leadscore.backtest.result.BacktestResult` it serialises to JSON and back
(:meth:`CalibrationResult.to_json` / :meth:`CalibrationResult.from_json`) and holds the
before/after backtests in full.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from leadscore.backtest.result import BacktestResult, _dump, _load, pct, times
from leadscore.diff.metrics import MetricDelta

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ValueChange:
    """One value of the model file that calibration changed.

    Attributes:
        path: Where it is (``fit.rules[0].cases[1].points``, ``statuses[0].when``).
        old: The value before.
        new: The proposed value.
    """

    path: str
    old: Any
    new: Any


@dataclass(frozen=True)
class RuleCalibration:
    """The evidence on one rule and what calibration did with it.

    Attributes:
        column: Score-table column (``fit__company_size``, ``b__invites``, ``v__burst``).
        rule_id: The rule id.
        kind: ``fit``, ``behavior`` or ``velocity``.
        label: The rule's label (or id).
        fired: Lead snapshots where it gave points.
        coverage: Their share of all lead snapshots.
        rate_fired: Conversion rate where it fired.
        rate_not: Conversion rate where it did not.
        lift: ``rate_fired / rate_not``.
        mean_points: Average points where it fired, before.
        coefficient: Learned log-odds weight of "fired" (``None``: not learned).
        action: ``changed``, ``unchanged``, or ``conflict`` (the data disagrees with its sign).
        reason: Why it was left unchanged.
        changes: The values changed.
    """

    column: str
    rule_id: str
    kind: str
    label: str
    fired: int
    coverage: float | None
    rate_fired: float | None
    rate_not: float | None
    lift: float | None
    mean_points: float | None
    coefficient: float | None
    action: Literal["changed", "unchanged", "conflict"]
    reason: str | None = None
    changes: tuple[ValueChange, ...] = ()


@dataclass(frozen=True)
class StatusCalibration:
    """A status's condition before and after, and the share of leads it holds.

    Attributes:
        status: The status name.
        old_when: The condition before.
        new_when: The proposed condition (equal when not tuned).
        tuned: Whether its thresholds could be computed.
        rate_before: Share of lead snapshots holding it with the current model.
        rate_after: The same with the proposed model.
        note: Caveats (why it was not tuned, a target it could not reach…).
    """

    status: str
    old_when: str
    new_when: str
    tuned: bool
    rate_before: float | None
    rate_after: float | None
    note: str | None = None


@dataclass(frozen=True)
class LearnedWeights:
    """The logistic regression behind the points.

    Attributes:
        intercept: Log-odds of converting when no rule fired.
        l2: Penalty strength (``1 / C`` in scikit-learn terms).
        patterns: Distinct fired-rule patterns (rows of the fit).
        snapshots: Lead snapshots they stand for.
        iterations: Newton steps taken.
        converged: Whether the fit converged.
    """

    intercept: float
    l2: float
    patterns: int
    snapshots: int
    iterations: int
    converged: bool


@dataclass(frozen=True)
class CalibrationResult:
    """Everything ``leadscore calibrate`` found and proposes.

    Attributes:
        model_name: The calibrated model's name.
        source: The model file read.
        proposed: The proposed model file written.
        day: The day of the calibration (in every comment of the proposed file).
        target_rate: Target share of leads per status (when no capacity was given).
        status_rates: Per status, a target share that overrode ``target_rate``.
        capacity: Target leads entering a status per ``per`` (overrides the rate).
        per: The capacity's period.
        weights: The regression behind the points.
        rules: Per rule: evidence and changes, in model order.
        statuses: Per status: conditions and rates.
        before: The backtest of the current model.
        after: The backtest of the proposed model, on the same cutoffs and labels.
        comparison: Metrics side by side.
        warnings: Reasons not to ship the proposal as is (it ranks worse, the fit did not
            converge…).
        version: JSON layout version.
    """

    model_name: str
    source: str
    proposed: str
    day: date
    target_rate: float | None
    status_rates: dict[str, float]
    capacity: int | None
    per: timedelta | None
    weights: LearnedWeights
    rules: tuple[RuleCalibration, ...]
    statuses: tuple[StatusCalibration, ...]
    before: BacktestResult
    after: BacktestResult
    comparison: tuple[MetricDelta, ...]
    warnings: tuple[str, ...] = ()
    version: int = SCHEMA_VERSION

    @property
    def changes(self) -> tuple[ValueChange, ...]:
        """Every value changed, rules first, then status conditions."""
        out = [c for r in self.rules for c in r.changes]
        out += [ValueChange(f"statuses[{i}].when", s.old_when, s.new_when)
                for i, s in enumerate(self.statuses) if s.new_when != s.old_when]
        return tuple(out)

    def rule(self, rule_id: str) -> RuleCalibration | None:
        """The entry of one rule, by id."""
        return next((r for r in self.rules if r.rule_id == rule_id), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (no NaN; dates as ISO text, durations as ``7d``)."""
        data = _dump(self)
        data["day"] = self.day.isoformat()
        return data

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as JSON text; :meth:`from_json` reads it back to an equal result."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CalibrationResult:
        """Rebuild a result from :meth:`to_dict` output."""
        if data.get("version", SCHEMA_VERSION) > SCHEMA_VERSION:
            raise ValueError("calibration JSON is newer than this leadscore; upgrade it")
        data = dict(data)
        day = date.fromisoformat(data.pop("day"))
        before = BacktestResult.from_dict(data.pop("before"))
        after = BacktestResult.from_dict(data.pop("after"))
        rest = _load(_Shell, data)
        return cls(day=day, before=before, after=after, **{
            k: getattr(rest, k) for k in _Shell.__dataclass_fields__})

    @classmethod
    def from_json(cls, text: str) -> CalibrationResult:
        """Rebuild a result from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def summary(self) -> list[str]:
        """Plain lines for a terminal: what changed and the metrics before and after."""
        changed = [r for r in self.rules if r.action == "changed"]
        lines = [f"Calibrated {self.model_name} on {len(self.before.settings.cutoffs)} cutoffs "
                 f"({self.before.population.snapshots:,} lead snapshots, "
                 f"{self.before.population.converted:,} conversions): {len(changed)} of "
                 f"{len(self.rules)} rules re-pointed, {len(self.changes)} values changed."]
        for r in self.rules:
            head = (f"{r.rule_id}: coverage {pct(r.coverage)}, lift {times(r.lift)}, "
                    f"weight {'n/a' if r.coefficient is None else f'{r.coefficient:+.2f}'}")
            if r.changes:
                moves = ", ".join(f"{_short(c.old)}→{_short(c.new)}" for c in r.changes)
                lines.append(f"  {head}: {moves}")
            else:
                lines.append(f"  {head}: unchanged ({r.reason})" if r.reason else f"  {head}")
        for s in self.statuses:
            if s.new_when != s.old_when:
                lines.append(f"  {s.status}: `{s.old_when}` → `{s.new_when}` (rate "
                             f"{pct(s.rate_before)} → {pct(s.rate_after)})")
            if s.note:
                lines.append(f"  {s.status}: {s.note}")
        lines.append("Metric                              before      after      change")
        lines += [d.line() for d in self.comparison]
        lines += [f"Caveat: {w}" for w in self.warnings]
        lines.append(f"Proposed model: {self.proposed}")
        return lines


def _short(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float | int) else str(value)


@dataclass(frozen=True)
class _Shell:
    """The fields of :class:`CalibrationResult` that the generic loader reads."""

    model_name: str
    source: str
    proposed: str
    target_rate: float | None
    status_rates: dict[str, float]
    capacity: int | None
    per: timedelta | None
    weights: LearnedWeights
    rules: tuple[RuleCalibration, ...]
    statuses: tuple[StatusCalibration, ...]
    comparison: tuple[MetricDelta, ...]
    warnings: tuple[str, ...] = ()
    version: int = SCHEMA_VERSION
