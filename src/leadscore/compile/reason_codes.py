"""Every row's positive rule contributions, folded into one integer the engine computes.

The top reasons of a row depend only on which positive points each rule gave it, and in most
models each rule can only give a handful of values: a fit rule its cases' points, an
occurrence or tier rule its tiers' points (and those times a milestone ``speed``
multiplier), a ``per`` rule on a count its steps up to the cap, a velocity rule its bonus.
Then each rule's contribution is a small *case index* — 0 for nothing positive, ``i`` for its
``i``-th positive value — and the indexes of all rules fit one ``BIGINT``, each in its own
few bits. ``score`` fetches that one column instead of a ranking or every contribution: a
flat sum of small ``CASE`` expressions, which every SQL engine runs as is (no nested
projections for a planner to flatten), and a few hundred thousand distinct codes at most for
:mod:`leadscore.explain.reasons` to rank and word instead of a million rows.

Points that are continuous — a formula, a ``per`` rule on a sum, event-age decay, a velocity
multiplier — have no finite list; :func:`reason_codes` then returns ``None`` and ``score``
ranks as before. Each rule also keeps one last index for "positive, but none of the listed
values": it cannot happen while this module and the compiler agree, and if it ever does the
caller ranks again the slow way rather than word a reason wrongly.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir
import numpy as np

from leadscore.compile.portable import num
from leadscore.explain.reasons import contribution_columns
from leadscore.spec import model as m

CODE_COLUMN = "reason_code"
"""The column :func:`with_reason_code` adds."""

_WHOLE_MEASURES = ("count", "distinct", "distinct_days")
"""Measures that only take whole, non-negative numbers, so ``per`` points come in steps."""

_MAX_STEPS = 64
"""A ``per`` rule with more steps below its cap than this is treated as continuous."""

_CODE_BITS = 62
"""Bits a code may use (a signed 64-bit integer, with room)."""


@dataclass(frozen=True)
class ReasonCodes:
    """How one model's positive contributions fold into a code (see the module docstring).

    ``positions`` are 1-based positions in
    :func:`~leadscore.explain.reasons.contribution_columns`; ``values[i]`` are the positive
    points rule ``i`` can give, and its index sits at bit ``shifts[i]`` of the code.
    """

    positions: tuple[int, ...]
    columns: tuple[str, ...]
    values: tuple[tuple[float, ...], ...]
    shifts: tuple[int, ...]

    def weight(self, i: int) -> int:
        """Rule ``i``'s place value in the code."""
        return 1 << self.shifts[i]

    def index(self, i: int, codes: np.ndarray, out: np.ndarray | None = None) -> np.ndarray | None:
        """Rule ``i``'s index in each code (written to ``out`` when given).

        0 for nothing positive, ``k`` for ``values[i][k - 1]``; ``None`` when some code holds
        an unlisted value: its points are unknown here.
        """
        # Bit fields, not mixed radix: a shift and a mask are several times faster than an
        # integer division and a remainder, over a few hundred thousand codes.
        index = np.right_shift(codes, self.shifts[i], out=out)
        np.bitwise_and(index, (1 << _bits(self.values[i])) - 1, out=index)
        return None if index.max(initial=0) > len(self.values[i]) else index


def _bits(values: tuple[float, ...]) -> int:
    """Bits of a rule's index: 0 (nothing positive), 1…len(values), len(values) + 1 (unlisted)."""
    return (len(values) + 1).bit_length()


def _positive(values: list[float]) -> tuple[float, ...]:
    return tuple(sorted({float(v) for v in values if v > 0}))


def _fit_values(rule: m.FitRule) -> tuple[float, ...]:
    return _positive([c.points for c in rule.cases] + [rule.default]
                     + ([rule.missing] if rule.missing is not None else []))


def _champion_values(champion: m.Champion) -> tuple[float, ...]:
    # num(points) + (num(nps_bonus) or num(0)): the same double additions as the compiler's.
    return _positive([champion.points + 0.0, champion.points + champion.nps_bonus])


def _fading(values: tuple[float, ...] | None,
            decay: m.Decay | None) -> tuple[float, ...] | None:
    """``values`` under a section's decay.

    Decay by ``event_age`` makes positive points fade continuously with the age of the latest
    event: no list. A rule that never gives positive points stays so.
    """
    if values and decay is not None and decay.by == "event_age":
        return None
    return values


def _behavior_values(rule: m.BehaviorRule, decay: m.Decay | None) -> tuple[float, ...] | None:
    """Positive points a behavior rule can give: ``()`` none, ``None`` not a short list."""
    if isinstance(rule, m.InactivityRule):
        return ()
    if isinstance(rule, m.FormulaRule):
        # least(value, cap), then greatest(…, min), where the spec keeps min <= cap.
        return () if rule.cap is not None and rule.cap <= 0 else None
    if rule.per is not None:
        return _fading(_per_values(rule), decay)
    points = [t.points for t in rule.as_tiers()]
    if rule.speed is not None:
        points += [p * rule.speed.multiplier for p in points]
    return _fading(_positive(points), decay)


def _per_values(rule: m.EventRule) -> tuple[float, ...] | None:
    """The steps of ``least(measure × per, cap)`` for a whole-number measure.

    ``per``, ``2 per``, … up to ``cap``; ``None`` for a sum or maximum of a column (whatever
    the sign of ``per``), no cap, or too many steps.
    """
    assert rule.per is not None
    if rule.per == 0:
        return ()
    if rule.measure.kind not in _WHOLE_MEASURES:
        # A sum or maximum of a column: continuous, and negative values times a negative
        # ``per`` are positive points (``cap`` only bounds the penalty).
        return None
    if rule.per < 0:
        return ()
    if rule.cap is None or rule.cap / rule.per > _MAX_STEPS:
        return None
    # The same double products as the compiler's ``measure * num(per)`` (measure a double).
    steps = [float(k) * rule.per for k in range(1, _MAX_STEPS + 1)]
    return _positive([p for p in steps if p < rule.cap] + [rule.cap])


def _velocity_values(velocity: m.Velocity, decay: m.Decay | None) -> tuple[float, ...] | None:
    if velocity.bonus is None:
        return None  # a multiplier of other rules' points
    return _fading(_positive([velocity.bonus]), decay)


def candidate_values(model: m.ScoringModel) -> list[tuple[float, ...] | None]:
    """Per :func:`contribution_columns` entry, the positive points it can give.

    A tuple lists them all (``()``: never positive, a penalty); ``None`` means positive
    points that are no short list (continuous). The one source for both the reason code and
    which rules the ranking considers (:func:`~leadscore.compile.reason_ranks.can_be_positive`).
    """
    sections = [model.behavior, *model.products.values()]
    behavior = [_behavior_values(rule, section.decay)
                for section in sections for rule in section.rules]
    velocity = [_velocity_values(v, section.decay)
                for section in sections for v in section.velocity]
    champion = [_champion_values(model.fit.champion)] if model.fit.champion else []
    return [_fit_values(r) for r in model.fit.rules] + champion + behavior + velocity


def reason_codes(model: m.ScoringModel) -> ReasonCodes | None:
    """The code layout of ``model``, or ``None``.

    ``None`` when a rule's points are continuous, when no rule can give positive points, or
    when the code would not fit 64 bits.
    """
    columns = [column for column, _ in contribution_columns(model)]
    values = candidate_values(model)
    if any(v is None for v in values):
        return None
    kept = [(p, c, v) for p, (c, v) in enumerate(zip(columns, values, strict=True), start=1)
            if v]
    if not kept:
        return None
    bits = [_bits(v) for _, _, v in kept]
    if sum(bits) > _CODE_BITS:
        return None
    shifts = [sum(bits[:i]) for i in range(len(kept))]
    return ReasonCodes(positions=tuple(p for p, _, _ in kept),
                       columns=tuple(c for _, c, _ in kept),
                       values=tuple(v for _, _, v in kept),  # type: ignore[misc]
                       shifts=tuple(shifts))


def with_reason_code(expr: ir.Table, codes: ReasonCodes, keep: list[str]) -> ir.Table:
    """``expr``'s ``keep`` columns plus :data:`CODE_COLUMN`.

    Each rule adds its index times its place value (so the code is a plain sum): equal to a
    listed value, that value's index; any other positive value, the "unlisted" index; zero,
    negative or NULL, 0.
    """
    def term(i: int) -> ir.IntegerValue:
        column, weight, values = expr[codes.columns[i]], codes.weight(i), codes.values[i]
        # CASE, not arithmetic on comparisons: DuckDB runs these nested CASEs ~2x faster than
        # summing casted comparisons (measured on a million rows, bench/README.md). The SQL
        # literals are bare, so the fields below bit 31 add up as INTEGER: safe, since the
        # fields are disjoint bits and their sum stays below 2^31; from bit 31 up the
        # literals, and so the sum, are BIGINT.
        index = ibis.cases(*[(column == num(value), ibis.literal(weight * slot, "int64"))
                             for slot, value in enumerate(values, start=1)],
                           else_=ibis.literal(weight * (len(values) + 1), "int64"))
        # Most rows get nothing from most rules: one comparison settles those (NULL too).
        return ibis.cases((column > 0, index), else_=ibis.literal(0, "int64"))

    code = term(0)
    for i in range(1, len(codes.columns)):
        code = code + term(i)
    return expr.select(*keep, **{CODE_COLUMN: code})
