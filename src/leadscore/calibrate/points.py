"""Turn learned rule weights into transparent point values, within the model's budgets.

Each rule's weight comes from a logistic regression on "did the rule fire" indicators: a
log-odds ratio. Points are made proportional to it, on one scale ``k`` (points per unit of
log-odds) shared by every rule, so the total stays a sum the model can explain::

    new mean points of rule r  =  k × β_r / weight of its section in the total

A rule's point values (cases, tiers, ``default``/``missing``, ``per``/``cap``, a velocity
``bonus``) are all multiplied by the same factor ``new mean / old mean``: a tier ladder keeps
its shape. ``k`` is the largest scale at which the rules' best cases still fit the section's
budget, after rounding. The budget is ``fit.max`` / ``behavior.max`` — or the current sum of the
rules' best cases when that is larger (a model written with headroom above its max keeps it, and
the rules that keep their points never squeeze the others to nothing) or there is no max.
Values are rounded to whole points, or to multiples of 5 when every value of the rule already
is one (unless that would merge them, below 10 points), and never rounded to zero.

A rule is left unchanged, with the reason, when it fired too rarely (or for nearly everyone)
to learn from, when the data disagrees with the sign its author gave it (that is reported,
never silently flipped), or when its points are not plain values (formula rules, velocity
multipliers, rules mixing positive and negative values).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from leadscore.spec import model as m

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Knob:
    """One point value a rule declares, and where it is in the YAML."""

    path: Path_
    value: float
    kind: str = "points"
    """``points`` (a point value), ``per`` (points per unit) or ``cap`` (an absolute cap)."""


@dataclass(frozen=True)
class RuleKnobs:
    """The point values of one rule, or why it has none that calibration can scale.

    Attributes:
        column: The score-table column (``fit__size``, ``b__invites``, ``v__burst``).
        rule_id: The rule id.
        section: ``fit`` or ``behavior`` (velocity counts in behavior).
        knobs: The values to scale.
        reason: Why the rule cannot be scaled (``None`` when it can).
    """

    column: str
    rule_id: str
    section: str
    knobs: tuple[Knob, ...]
    reason: str | None = None

    @property
    def sign(self) -> int:
        """+1 or -1: the sign of every value of the rule (0 when none is non-zero)."""
        values = [k.value for k in self.knobs if k.kind != "cap" and k.value != 0]
        return 0 if not values else (1 if values[0] > 0 else -1)

    @property
    def best(self) -> float | None:
        """The most points the rule can give (``None``: unbounded, a ``per`` rule without cap)."""
        caps = [k.value for k in self.knobs if k.kind == "cap"]
        if any(k.kind == "per" for k in self.knobs):
            return caps[0] if caps else None
        return max([k.value for k in self.knobs if k.kind == "points"] + [0.0])

    @property
    def on_grid_of_5(self) -> bool:
        """Whether every point value is a multiple of 5 (the author's 5-point grid)."""
        values = [k.value for k in self.knobs if k.value != 0]
        return bool(values) and all(v % 5 == 0 for v in values)


def rule_knobs(model: m.ScoringModel) -> list[RuleKnobs]:
    """Every rule's point values, in the order of :func:`leadscore.backtest.run.rule_infos`."""
    out: list[RuleKnobs] = []
    for i, rule in enumerate(model.fit.rules):
        base: Path_ = ("fit", "rules", i)
        knobs = [Knob((*base, "cases", j, "points"), c.points) for j, c in enumerate(rule.cases)]
        if rule.default:
            knobs.append(Knob((*base, "default"), rule.default))
        if rule.missing:
            knobs.append(Knob((*base, "missing"), rule.missing))
        out.append(_checked(RuleKnobs(f"fit__{rule.id}", rule.id, "fit", tuple(knobs))))
    for i, rule in enumerate(model.behavior.rules):
        base = ("behavior", "rules", i)
        column = f"b__{rule.id}"
        if isinstance(rule, m.FormulaRule):
            out.append(RuleKnobs(column, rule.id, "behavior", (), "its points come from a "
                                 "formula; edit the formula to change them"))
            continue
        if isinstance(rule, m.InactivityRule):
            knobs = [Knob((*base, "points"), rule.points)]
        elif rule.tiers is not None:
            knobs = [Knob((*base, "tiers", j, "points"), t.points)
                     for j, t in enumerate(rule.tiers)]
        elif rule.per is not None:
            knobs = [Knob((*base, "per"), rule.per, "per")]
        else:
            knobs = [Knob((*base, "points"), float(rule.points or 0))]
        if rule.cap is not None:
            knobs.append(Knob((*base, "cap"), rule.cap, "cap"))
        out.append(_checked(RuleKnobs(column, rule.id, "behavior", tuple(knobs))))
    for i, velocity in enumerate(model.behavior.velocity):
        column = f"v__{velocity.id}"
        if velocity.bonus is None:
            out.append(RuleKnobs(column, velocity.id, "behavior", (), "a velocity multiplier "
                                 "scales other rules' points; it is not a point value"))
            continue
        out.append(_checked(RuleKnobs(column, velocity.id, "behavior",
                                      (Knob(("behavior", "velocity", i, "bonus"),
                                            velocity.bonus),))))
    return out


def _checked(rule: RuleKnobs) -> RuleKnobs:
    signs = {k.value > 0 for k in rule.knobs if k.kind != "cap" and k.value != 0}
    if len(signs) > 1:
        return RuleKnobs(rule.column, rule.rule_id, rule.section, rule.knobs,
                         "it mixes positive and negative points; split it into two rules to "
                         "calibrate them")
    if not signs:
        return RuleKnobs(rule.column, rule.rule_id, rule.section, rule.knobs,
                         "it gives no points")
    return rule


@dataclass(frozen=True)
class RuleEvidence:
    """What the data says about one rule (coverage from the backtest, weight from the fit)."""

    fired: int
    fired_converted: int
    expected: float
    coverage: float | None
    mean_points: float | None
    coefficient: float | None


@dataclass(frozen=True)
class Scaled:
    """The outcome for one rule: new values, or the reason it keeps its points."""

    rule: RuleKnobs
    values: tuple[tuple[Knob, float], ...] = ()
    reason: str | None = None
    conflict: bool = False
    factor: float | None = None


@dataclass(frozen=True)
class Limits:
    """When a rule is too thin to learn from.

    Attributes:
        min_coverage: Fired for fewer than this share of snapshots: unchanged.
        max_coverage: Fired for more than this share: nearly constant, unchanged.
        min_expected: Fewer conversions *expected* where it fired (its snapshots × the base
            rate) than this: unchanged. Expected, not observed: a good disqualifier rightly
            sees almost none.
    """

    min_coverage: float = 0.01
    max_coverage: float = 0.99
    min_expected: float = 10.0


def _round(value: float, step: int) -> float:
    """Round to ``step`` (half away from zero), never to 0 for a non-zero value."""
    if value == 0:
        return 0.0
    rounded = math.floor(abs(value) / step + 0.5) * step
    return math.copysign(max(rounded, step), value)


def _scale_values(rule: RuleKnobs, factor: float) -> tuple[tuple[Knob, float], ...]:
    # A 5-point grid is kept while it can still tell the values apart; below 10 points it
    # would collapse a tier ladder (8 and 15 would both become 5), so whole points are used.
    largest = max((abs(k.value * factor) for k in rule.knobs), default=0.0)
    step = 5 if rule.on_grid_of_5 and largest >= 10 else 1
    out = []
    for knob in rule.knobs:
        raw = knob.value * factor
        if knob.kind == "per":  # points per unit: a finer grid (0.5) keeps small rates useful
            new = math.copysign(max(round(abs(raw) * 2) / 2, 0.5), raw)
        else:
            new = _round(raw, step)
        out.append((knob, float(new)))
    return tuple(out)


def scale_points(model: m.ScoringModel, rules: Sequence[RuleKnobs],
                 evidence: Mapping[str, RuleEvidence],
                 limits: Limits = Limits()) -> list[Scaled]:
    """New point values for every rule (see the module docstring for the method).

    Args:
        model: The model (section weights and budgets).
        rules: Every rule's values (:func:`rule_knobs`).
        evidence: Per rule column, its coverage and learned coefficient.
        limits: When a rule is too thin to learn from.
    """
    decided: dict[str, Scaled] = {}
    for rule in rules:
        ev = evidence.get(rule.column)
        reason = rule.reason
        conflict = False
        if reason is None and (ev is None or not ev.fired or not ev.mean_points):
            reason = "it never fired in the backtest"
        elif reason is None and (ev.coverage or 0) < limits.min_coverage:
            reason = (f"it fired for only {100 * (ev.coverage or 0):.1f} % of snapshots (below "
                      f"{100 * limits.min_coverage:g} %): too little to learn from")
        elif reason is None and (ev.coverage or 0) > limits.max_coverage:
            reason = (f"it fired for {100 * (ev.coverage or 0):.1f} % of snapshots: nearly "
                      "everyone, so the data cannot tell its effect apart")
        elif reason is None and (ev.expected < limits.min_expected or ev.coefficient is None):
            reason = (f"it fired for {ev.fired:,} snapshots, where {ev.expected:.1f} conversions "
                      f"would be expected at the base rate (below {limits.min_expected:g}): too "
                      "few to learn from")
        elif reason is None and ev.coefficient * rule.sign <= 0:
            conflict = True
            direction = "lower" if rule.sign > 0 else "higher"
            reason = (f"the data points the other way: leads where it fired converted "
                      f"{direction} once the other rules are accounted for (weight "
                      f"{ev.coefficient:+.2f}). Its sign is yours to decide; review the rule")
        if reason is not None:
            decided[rule.column] = Scaled(rule, reason=reason, conflict=conflict)
    changing = [r for r in rules if r.column not in decided]
    weights = {"fit": model.total.fit_weight or 1.0, "behavior": model.total.behavior_weight or 1.0}

    def factors(k: float) -> dict[str, float]:
        out = {}
        for r in changing:
            ev = evidence[r.column]
            assert ev.coefficient is not None and ev.mean_points
            out[r.column] = k * ev.coefficient / weights[r.section] / ev.mean_points
        return out

    budgets = _budgets(model, rules)
    k = _largest_scale(changing, evidence, budgets, decided, weights)
    if not k > 0:  # cannot happen with the budgets above; never turn rules into zeros
        for r in changing:
            decided[r.column] = Scaled(r, reason="no room left in the section's budget")
        return [decided[r.column] for r in rules]
    # Rounding can push a section a little over its budget: shrink k until it fits.
    for _ in range(50):
        scaled = {r.column: _scale_values(r, f) for r, f in
                  zip(changing, factors(k).values(), strict=True)}
        if all(_section_best(rules, decided, scaled, section) <= budget + 1e-9
               for section, budget in budgets.items()):
            break
        k *= 0.97
    fs = factors(k)
    for r in changing:
        decided[r.column] = Scaled(r, values=scaled[r.column], factor=fs[r.column])
    return [decided[r.column] for r in rules]


def _budgets(model: m.ScoringModel, rules: Sequence[RuleKnobs]) -> dict[str, float]:
    """Per section, the most points its rules may add up to at best."""
    out = {}
    for section, declared in (("fit", model.fit.max), ("behavior", model.behavior.max)):
        members = [r for r in rules if r.section == section and not r.column.startswith("v__")]
        current = sum(r.best or 0.0 for r in members)
        out[section] = max(float(declared), current) if declared is not None else current
    return out


def _best_after(rule: RuleKnobs, values: tuple[tuple[Knob, float], ...] | None) -> float:
    if values is None:
        return rule.best or 0.0
    new = RuleKnobs(rule.column, rule.rule_id, rule.section,
                    tuple(Knob(k.path, v, k.kind) for k, v in values))
    return new.best or 0.0


def _section_best(rules: Sequence[RuleKnobs], decided: Mapping[str, Scaled],
                  scaled: Mapping[str, tuple[tuple[Knob, float], ...]], section: str) -> float:
    # Velocity bonuses come on top of the behavior maximum by design: not in the budget.
    return sum(_best_after(r, scaled.get(r.column)) for r in rules
               if r.section == section and not r.column.startswith("v__"))


def _largest_scale(changing: Sequence[RuleKnobs], evidence: Mapping[str, RuleEvidence],
                   budgets: Mapping[str, float], decided: Mapping[str, Scaled],
                   weights: Mapping[str, float]) -> float:
    """The largest ``k`` at which every section's best case fits its budget (before rounding)."""
    k = math.inf
    for section, budget in budgets.items():
        fixed = sum(s.rule.best or 0.0 for s in decided.values()
                    if s.rule.section == section and not s.rule.column.startswith("v__"))
        per_k = 0.0  # best points of the section's changing rules per unit of k
        for r in changing:
            if r.section != section or r.column.startswith("v__") or r.sign < 0:
                continue
            ev = evidence[r.column]
            assert ev.coefficient is not None and ev.mean_points
            best = r.best if r.best is not None else ev.mean_points
            per_k += ev.coefficient / weights[section] / ev.mean_points * best
        if per_k > 0:
            k = min(k, max(budget - fixed, 0.0) / per_k)
    if not math.isfinite(k):  # only penalties change: keep their overall size
        total = sum(abs(evidence[r.column].coefficient or 0) for r in changing)
        size = sum(abs(evidence[r.column].mean_points or 0) for r in changing)
        k = size / total if total else 1.0
    return k
