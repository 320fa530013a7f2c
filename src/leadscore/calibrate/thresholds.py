"""Status thresholds for a target status rate or a sales capacity, from quantiles on the engine.

A status condition is *tunable* when one of its ``and`` parts compares ``total``, ``fit`` or
``behavior`` with a number from below (``total >= 80 and fit >= 15 and behavior >= 40``, or
``total >= 75 and high_intent_7d >= 1``). Its **target** comparison is the first lower bound on
``total`` (else on ``behavior``, else on ``fit``); the other lower bounds are **floors**; other
parts (metrics, tiers, ``or``…) stay as written.

- A floor keeps its *share*: when the points change, ``fit >= 15`` becomes ``fit >= v`` with
  ``v`` the score that the same share of snapshots reaches under the new points (quantile
  matching), so "strong enough fit" means what it meant before.
- The target is set so that the status holds for the target share of lead snapshots: among the
  snapshots that pass the floors (and hold no earlier status: statuses are exclusive, the first
  true one wins), the threshold is the score of the ``rate × N``-th best one. When every
  condition involved is made of score comparisons, "passes the floors" is evaluated on the
  scores directly; otherwise the engine scores the snapshots again with the earlier statuses and
  the condition minus its target comparison as one more status.
- With a **capacity** (``N`` leads per period) the target is instead the lowest threshold at
  which at most ``N`` leads *enter* the status per period: a lead enters at a cutoff when it
  holds the status there and did not at its previous cutoff. For a threshold ``t`` that is
  ``prev < t ≤ cur`` (``cur``/``prev``: its score at this and the previous cutoff, NULL when the
  floors fail), so the count of entrants for every ``t`` is one cumulative sum over the
  values, from the top, of +1 at ``cur`` and −1 at ``min(prev, cur)``.

Everything is computed by the engine over the labelled snapshots; Python reads one row per
threshold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import ibis  # noqa: TID251 - thresholds are quantiles computed on the engine
import ibis.expr.types as ir  # noqa: TID251
import pyarrow as pa

from leadscore.spec import model as m
from leadscore.spec.expressions import (
    Binary,
    Literal,
    Name,
    conjuncts,
    parse_expression,
    to_text,
)

Execute = Callable[[ir.Table], pa.Table]
SCORES = ("total", "behavior", "fit")
_LOWER = (">=", ">")
_NUMBER = re.compile(r"\b(total|fit|behavior)\s*(>=|>|<=|<)\s*(-?\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class Comparison:
    """``score op value`` inside a status condition."""

    score: str
    op: str
    value: float


@dataclass(frozen=True)
class Condition:
    """A status condition split at its ``and``s.

    Attributes:
        parts: Per part, the comparison when it is ``total``/``fit``/``behavior`` against a
            number, else ``None`` (any other condition: a metric, a tier, an ``or``…).
        texts: Per part, its text.
    """

    parts: tuple[Comparison | None, ...]
    texts: tuple[str, ...]

    @property
    def comparisons(self) -> list[Comparison]:
        """The comparisons, in text order (their numbers are what :func:`rewrite` replaces)."""
        return [c for c in self.parts if c is not None]

    @property
    def simple(self) -> bool:
        """Whether every part is a comparison (evaluable on the scores alone)."""
        return all(c is not None for c in self.parts)

    def target(self) -> int | None:
        """Which comparison sets the status rate (an index into :attr:`comparisons`).

        The first lower bound on total, else on behavior, else on fit.
        """
        comps = self.comparisons
        for score in SCORES:
            for i, c in enumerate(comps):
                if c.score == score and c.op in _LOWER:
                    return i
        return None

    def without_target(self, values: Sequence[float]) -> str:
        """The condition without its target comparison, its comparisons set to ``values``."""
        index, k, out = self.target(), 0, []
        for part, text in zip(self.parts, self.texts, strict=True):
            if part is None:
                out.append(text)
                continue
            if k != index:
                out.append(f"{part.score} {part.op} {_fmt(values[k])}")
            k += 1
        return " and ".join(f"({t})" for t in out) if out else "total == total"


def _comparison(part: object) -> Comparison | None:
    if (isinstance(part, Binary) and part.op in (">=", ">", "<=", "<")
            and isinstance(part.left, Name) and part.left.name in SCORES
            and isinstance(part.right, Literal) and isinstance(part.right.value, int | float)
            and not isinstance(part.right.value, bool)):
        return Comparison(part.left.name, part.op, float(part.right.value))
    return None


def condition(when: str) -> Condition | None:
    """Split ``when``; ``None`` when its comparisons cannot be rewritten in its text.

    The text is rewritten number by number, so the comparisons must be found in it in the same
    order, and nowhere else (inside a function call, say).
    """
    split = conjuncts(parse_expression(when))
    cond = Condition(tuple(_comparison(p) for p in split), tuple(to_text(p) for p in split))
    found = [(s, op) for s, op, _ in _NUMBER.findall(when)]
    if found != [(c.score, c.op) for c in cond.comparisons]:
        return None
    return cond


def rewrite(when: str, values: Sequence[float]) -> str:
    """``when`` with the numbers of its comparisons replaced by ``values`` (in order)."""
    numbers = iter(values)

    def replace(match: re.Match[str]) -> str:  # only the number changes, not the spacing
        start = match.start(3) - match.start(0)
        return match.group(0)[:start] + _fmt(next(numbers))

    return _NUMBER.sub(replace, when)


def _fmt(value: float) -> str:
    return f"{value:g}"


def holds(t: ir.Table, parts: Sequence[Comparison], values: Sequence[float]) -> ir.BooleanValue:
    """Whether the condition (with ``values`` as its numbers) holds on a row of ``t``."""
    out: ir.BooleanValue = ibis.literal(True)
    for c, v in zip(parts, values, strict=True):
        col = t[c.score]
        out &= {">=": col >= v, ">": col > v, "<=": col <= v, "<": col < v}[c.op]
    return out


@dataclass(frozen=True)
class Goal:
    """What the status should deliver: a share of leads, or entrants per period.

    Attributes:
        rate: Target share of lead snapshots holding each status.
        capacity: Leads sales can take per ``per`` (overrides the rates).
        per: The capacity's period.
        rates: Per status name, a target share that overrides ``rate`` (an SQL rarer than an
            MQL).
    """

    rate: float = 0.10
    capacity: int | None = None
    per: timedelta = timedelta(days=7)
    rates: Mapping[str, float] = field(default_factory=dict)

    def rate_of(self, status: str) -> float:
        """The target share of ``status``."""
        return self.rates.get(status, self.rate)

    def describe(self, status: str | None = None) -> str:
        """``"a 10 % status rate"`` or ``"50 leads per 7d"``."""
        from leadscore.spec.durations import format_duration

        if self.capacity is not None:
            return f"{self.capacity} leads per {format_duration(self.per)}"
        rate = self.rate if status is None else self.rate_of(status)
        return f"a {100 * rate:g} % status rate"


def nth_best(t: ir.Table, mask: ir.BooleanValue, score: str, k: int,
             execute: Execute) -> tuple[float | None, int, float | None]:
    """The ``k``-th best ``score`` among rows where ``mask`` holds (1-based).

    Returns it (``None`` when fewer rows hold), the count of such rows and their lowest score.
    """
    f = t.filter(mask)
    f = f.mutate(_rn=ibis.row_number().over(ibis.window(order_by=[ibis.desc(f[score]),
                                                                  f.person_id, f.cutoff])))
    row = execute(f.aggregate(value=f[score].max(where=f._rn == k - 1), n=f.count(),
                              low=f[score].min())).to_pylist()[0]
    return row["value"], row["n"] or 0, row["low"]


def share(t: ir.Table, mask: ir.BooleanValue, execute: Execute) -> float | None:
    """The share of rows of ``t`` where ``mask`` holds."""
    row = execute(t.aggregate(n=t.count(), k=mask.cast("int64").sum())).to_pylist()[0]
    return (row["k"] or 0) / row["n"] if row["n"] else None


def capacity_threshold(t: ir.Table, mask: ir.BooleanValue, score: str, *, op: str,
                       allowed: float, first_cutoff: datetime,
                       execute: Execute) -> float | None:
    """The lowest threshold at which at most ``allowed`` leads enter the status.

    Entrants are counted over every cutoff after the first; no higher threshold may let more
    in either (the count is not monotonic in the threshold).
    """
    f = t.mutate(_cur=ibis.ifelse(mask, t[score].cast("float64"), ibis.null("float64")))
    w = ibis.window(group_by="person_id", order_by="cutoff")
    f = f.mutate(_prev=f._cur.lag().over(w))
    f = f.filter(f.cutoff > first_cutoff)
    low = ibis.ifelse(f._prev.notnull() & f._cur.notnull(), ibis.least(f._prev, f._cur),
                      ibis.null("float64"))
    plus = f.filter(f._cur.notnull()).select(v=f._cur, d=ibis.literal(1, "int64"))
    minus = f.mutate(_low=low).filter(ibis._._low.notnull()).select(
        v=ibis._._low, d=ibis.literal(-1, "int64"))
    per = plus.union(minus, distinct=False).group_by("v").agg(d=ibis._.d.sum())
    top = ibis.cumulative_window(order_by=ibis.desc(per.v))
    per = per.mutate(entrants=per.d.sum().over(top))
    # "≥ v" counts entrants at v; "> v" would count them above v: the next value down.
    per = per.mutate(worst=per.entrants.max().over(top))
    ok = per.filter(per.worst <= allowed)
    value = execute(ok.aggregate(v=ok.v.min())).to_pylist()[0]["v"]
    if value is None or op == ">=":
        return value
    below = per.filter(per.v < value)
    lower = execute(below.aggregate(v=below.v.max())).to_pylist()[0]["v"]
    return lower if lower is not None else value - 1


@dataclass(frozen=True)
class StatusPlan:
    """A status's condition, the numbers proposed for its comparisons, and notes.

    Attributes:
        status: The status as it was.
        condition: Its parts (``None``: it cannot be rewritten).
        values: The proposed numbers of its comparisons, in text order.
        target: Which comparison sets the rate (``None``: not tuned).
        note: Caveats.
    """

    status: m.Status
    condition: Condition | None
    values: tuple[float, ...] = ()
    target: int | None = None
    note: str | None = None

    @property
    def when(self) -> str:
        """The proposed condition text."""
        if self.condition is None or list(self.values) == [
                c.value for c in self.condition.comparisons]:
            return self.status.when
        return rewrite(self.status.when, self.values)


TARGET = "calibrate_target"
"""Status name of the relaxed condition when the engine finds the candidate leads."""
Relabel = Callable[[Sequence[m.Status]], ir.Table]
"""Scores the snapshots with the proposed points and these statuses (eligible rows only)."""


def suggest(statuses: Sequence[m.Status], old: ir.Table, new: ir.Table, goal: Goal, *,
            cutoffs: Sequence[datetime], every: timedelta, execute: Execute,
            unchanged: Collection[str] = (), relabel: Relabel | None = None) -> list[StatusPlan]:
    """Thresholds for every status (see the module docstring).

    When a condition (or an earlier status's) has parts other than score comparisons, the
    leads that pass them are found by scoring the snapshots again with ``relabel`` and a
    relaxed status after the earlier ones (the first true status wins); otherwise the
    comparisons are evaluated on ``new`` directly.

    Args:
        statuses: The model's statuses, in order.
        old: Eligible labelled snapshots scored with the current points.
        new: The same snapshots scored with the proposed points.
        goal: The target rate or capacity.
        cutoffs: The backtest's cutoffs (capacity counts entrants after the first).
        every: Step between cutoffs.
        execute: Runs an expression on the engine.
        unchanged: Scores (``fit``, ``behavior``, ``total``) the new points leave as they were:
            their floors stay exactly as written.
        relabel: Scores with other statuses (needed for conditions with other parts).
    """
    total_n = execute(new.aggregate(n=new.count())).to_pylist()[0]["n"] or 0
    plans: list[StatusPlan] = []
    for status in statuses:
        cond = condition(status.when)
        if cond is None:
            plans.append(StatusPlan(status, None, note=(
                f"its comparisons cannot be rewritten in place (`{status.when}`); tune it by "
                "hand")))
            continue
        comps = cond.comparisons
        index = cond.target()
        if index is None or total_n == 0:
            plans.append(StatusPlan(status, cond, tuple(c.value for c in comps), None, (
                "it compares no total, behavior or fit with a number from below; nothing to "
                "tune") if total_n else "no lead snapshots to measure"))
            continue
        values = [c.value for c in comps]
        for i, c in enumerate(comps):  # floors keep the share of snapshots they let through
            if i == index or c.op not in _LOWER or c.score in unchanged:
                continue
            kept = share(old, holds(old, [c], [c.value]), execute) or 0.0
            value, _, _ = nth_best(new, ibis.literal(True), c.score, max(round(kept * total_n), 1),
                                   execute)
            if value is not None:
                values[i] = float(round(value))
        target = comps[index]
        if cond.simple and all(p.condition is not None and p.condition.simple for p in plans):
            table = new
            others = [j for j in range(len(comps)) if j != index]
            mask = holds(new, [comps[j] for j in others], [values[j] for j in others])
            for prior in plans:
                assert prior.condition is not None
                mask &= ~holds(new, prior.condition.comparisons, prior.values)
        elif relabel is None:
            plans.append(StatusPlan(status, cond, tuple(c.value for c in comps), None,
                                    "its condition needs the engine to evaluate; tune it by "
                                    "hand"))
            continue
        else:  # the engine finds who passes everything but the target comparison
            earlier = [m.Status(name=p.status.name, when=p.when) for p in plans]
            table = relabel([*earlier, m.Status(name=TARGET, when=cond.without_target(values))])
            mask = table.status == TARGET
        note = None
        if goal.capacity is not None:
            periods = max(len(cutoffs) - 1, 1) * (every / goal.per)
            value = capacity_threshold(table, mask, target.score, op=target.op,
                                       allowed=goal.capacity * periods,
                                       first_cutoff=cutoffs[0], execute=execute)
            if value is None:
                note = "even the highest threshold lets more leads in than the capacity"
        else:
            k = max(round(goal.rate_of(status.name) * total_n), 1)
            value, n, low = nth_best(table, mask, target.score, k + (target.op == ">"), execute)
            if value is None and low is not None:
                note = (f"the other conditions let only {100 * n / total_n:.1f} % of snapshots "
                        "through, less than the target rate; the threshold is set to admit all "
                        "of them")
                value = low - (1 if target.op == ">" else 0)
        if value is not None:
            values[index] = float(round(value))
        # A threshold that could not be chosen stays as it was, and is not reported as tuned.
        plans.append(StatusPlan(status, cond, tuple(values),
                                index if value is not None else None, note))
    return plans
