"""The reference scorer: ``docs/semantics.md`` written again as plain, naive Python.

This module is the test oracle of the engine. It deliberately shares no code with
:mod:`leadscore.compile`: it loops over dicts, recomputes everything for every person and never
tries to be fast. Each step cites the section of ``docs/semantics.md`` it implements, so a
disagreement between the engine and this module can be settled by reading the document.

Rows are plain dicts keyed by the canonical column names of ``docs/data-model.md``; timestamps
are naive :class:`~datetime.datetime` values in UTC. Expressions (``where``, formulas, status
conditions) are parsed with :func:`leadscore.spec.expressions.parse_expression` and interpreted
here node by node, with SQL's three-valued logic (``None`` is NULL); nothing is ever ``eval``-ed.

Where ``docs/semantics.md`` is silent, this module reads it as follows (each point is marked at
its place in the code):

- ``equals``/``in`` compare as numbers only when the column is numeric *and* the model value is
  a number (the precise wording of ``model-reference.md``); model values are trimmed too.
- ``number(v)`` of text accepts plain decimal notation (``" 120 "``, ``"12.5"``, ``"1e3"``) and
  thousands separators in groups of three (``"1,000"``), not ``inf``/``nan``/``0x10``/``1_000``
  or a decimal comma (``"12,5"``).
- ``email_domain`` of an email without ``@`` is missing, like a blank one.
- ``NULL / 0`` is NULL (a missing value stays missing); ``min``/``max`` of a NULL is NULL.
- ``speed`` compares ``earliest - created_at < within``, so an event before sign-up counts.
- Under ``decay.by: event_age`` a rule with positive points but no matching event (a tier with
  ``min <= 0``) has no age; it fades to 0.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from leadscore.spec import model as m
from leadscore.spec.expressions import Binary, Call, Expr, Literal, Name, Unary, parse_expression


@dataclass(frozen=True)
class ReferenceScore:
    """Every score of one person at one as-of instant, with the points of each rule.

    Attributes:
        person_id: The person scored.
        fit: Fit score after clamping (section 1).
        behavior: Behavior score after decay and ``behavior.min`` (section 2.7).
        total: Weighted, clamped total (section 3).
        status: Name of the first status whose condition is true, else ``None``.
        fit_tier: Name of the fit band, else ``None``.
        intent_tier: Name of the intent band, else ``None``.
        matrix: Fit letter + intent number (``"A1"``), else ``None``.
        fit_points: Fit rule id -> points of that rule.
        behavior_points: Behavior rule id -> final points (after groups and event-age decay).
        velocity_points: Velocity rule id -> points it gives (bonus or multiplier).
        behavior_raw: Behavior before inactivity decay (section 2.6).
    """

    person_id: str
    fit: float
    behavior: float
    total: float
    status: str | None
    fit_tier: str | None
    intent_tier: str | None
    matrix: str | None
    fit_points: dict[str, float]
    behavior_points: dict[str, float]
    velocity_points: dict[str, float]
    behavior_raw: float


# ============================================================================================
# Small helpers
# ============================================================================================

_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_GROUPED = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def _seconds(delta) -> float:
    return delta.total_seconds()


def _is_missing(value: Any) -> bool:
    # §0: blank strings in people/account attributes are missing values.
    return value is None or (isinstance(value, str) and value.strip() == "")


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _numeric_columns(rows: list[dict]) -> set[str]:
    """Columns whose present values are all numbers (the "numeric column" of §1 `equals`)."""
    seen: dict[str, bool] = {}
    for row in rows:
        for key, value in row.items():
            if value is None:
                seen.setdefault(key, True)
                continue
            seen[key] = seen.get(key, True) and _is_number(value)
    return {key for key, numeric in seen.items() if numeric}


def _to_number(value: Any) -> float | None:
    """``number(v)`` of §1: a number, numeric text, or missing."""
    if _is_missing(value):
        return None
    if _is_number(value):
        return float(value)
    if isinstance(value, bool):
        return None
    text = str(value).strip()
    if _NUMBER.match(text):
        return float(text)
    if _GROUPED.match(text):  # thousands separators, "1,200"
        return float(text.replace(",", ""))
    return None


def _to_text(value: Any, case_sensitive: bool) -> str:
    """``trim(v)``, lower-cased unless ``case_sensitive`` (§1)."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    text = text.strip()
    return text if case_sensitive else text.lower()


def _spec_text(value: Any, case_sensitive: bool) -> str:
    """A value written in the model, trimmed and lower-cased unless ``case_sensitive`` (§1).

    model-reference.md: values, list entries and ``contains`` needles are trimmed and
    lower-cased too. A number is the text it was written as: ``120`` (read as the float 120.0)
    is ``"120"``.
    """
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = text.strip()
    return text if case_sensitive else text.lower()


# ============================================================================================
# Expressions: SQL three-valued logic, None is NULL
# ============================================================================================


_TRUE_TEXT = {"true", "t", "yes", "y", "1"}


def _truth(value: Any) -> bool | None:
    """A value read as a condition (§2.1): lenient for bare names, ``None`` when unknown.

    A boolean as is, a number is true when non-zero, text is true when it reads ``true``,
    ``t``, ``yes``, ``y`` or ``1`` (trimmed, any case); a missing value is unknown.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if _is_number(value):
        return value != 0
    return str(value).strip().lower() in _TRUE_TEXT


def _condition(node: Expr, lookup: Callable[[str], Any]) -> bool | None:
    """Evaluate ``node`` as a condition: true, false or unknown (``None``)."""
    return _truth(_evaluate(node, lookup))


def _evaluate(node: Expr, lookup: Callable[[str], Any]) -> Any:
    """Interpret an expression node; a NULL operand makes the result NULL (Kleene and/or)."""
    if isinstance(node, Literal):
        return node.value
    if isinstance(node, Name):
        return lookup(node.name)
    if isinstance(node, Unary):
        if node.op == "not":
            # `not unknown` is unknown; a bare name operand is read as a condition.
            value = _condition(node.operand, lookup)
            return None if value is None else not value
        value = _evaluate(node.operand, lookup)
        return None if value is None else -value
    if isinstance(node, Binary):
        if node.op in ("and", "or"):
            # Kleene's logic: unknown and false = false, unknown or true = true.
            left = _condition(node.left, lookup)
            right = _condition(node.right, lookup)
            if node.op == "and":
                if left is False or right is False:
                    return False
                return None if left is None or right is None else True
            if left is True or right is True:
                return True
            return None if left is None or right is None else False
        left = _evaluate(node.left, lookup)
        right = _evaluate(node.right, lookup)
        if left is None or right is None:
            return None
        if node.op == "+":
            return left + right
        if node.op == "-":
            return left - right
        if node.op == "*":
            return left * right
        if node.op == "/":
            # division by zero yields 0 (a missing left side returned None above).
            return 0.0 if right == 0 else left / right
        if node.op == "<":
            return left < right
        if node.op == "<=":
            return left <= right
        if node.op == ">":
            return left > right
        if node.op == ">=":
            return left >= right
        if node.op == "==":
            return left == right
        if node.op == "!=":
            return left != right
        raise ValueError(f"unknown operator {node.op}")
    if isinstance(node, Call):
        args = [_evaluate(a, lookup) for a in node.args]
        if any(a is None for a in args):
            return None
        if node.function == "min":
            return min(args)
        if node.function == "max":
            return max(args)
        if node.function == "abs":
            return abs(args[0])
        raise ValueError(f"unknown function {node.function}")
    raise TypeError(f"not an expression node: {node!r}")


# ============================================================================================
# §1 Fit
# ============================================================================================


def _equal(value: Any, expected: Any, numeric: bool, case_sensitive: bool) -> bool:
    """`equals` of §1: as numbers when the column is numeric, else as text.

    model-reference.md makes it precise: as numbers when the column is numeric *and* the
    value written in the model is a number; otherwise both sides are compared as text (the
    text of a number column value is how the engine prints it: ``120`` or ``120.0``).
    """
    if numeric and _is_number(expected):
        number = _to_number(value)
        return number is not None and number == float(expected)
    return _to_text(value, case_sensitive) == _spec_text(expected, case_sensitive)


def _case_matches(case: m.Case, value: Any, numeric: bool, case_sensitive: bool,
                  lists: dict[str, list[str]]) -> bool:
    """Whether one case of a fit rule matches the attribute value (§1 matcher table)."""
    present = not _is_missing(value)
    if case.exists is not None:
        return present == case.exists
    # Missing `v` never matches, except `exists: false`.
    if not present:
        return False
    if case.equals is not None:
        return _equal(value, case.equals, numeric, case_sensitive)
    if case.in_ is not None:
        return any(_equal(value, x, numeric, case_sensitive) for x in case.in_)
    if case.not_in is not None:
        return not any(_equal(value, x, numeric, case_sensitive) for x in case.not_in)
    if case.between is not None:
        number = _to_number(value)
        low, high = case.between
        return number is not None and low <= number <= high
    if case.min is not None or case.max is not None:
        number = _to_number(value)
        if number is None:
            return False
        if case.min is not None and not number >= case.min:
            return False
        return not (case.max is not None and not number <= case.max)
    if case.contains is not None:
        needles = [case.contains] if isinstance(case.contains, str) else case.contains
        text = _to_text(value, case_sensitive)
        return any(_spec_text(needle, case_sensitive) in text for needle in needles)
    if case.matches is not None:
        # Regular expressions are applied to the (lower-cased unless case_sensitive) trimmed text.
        return re.search(case.matches, _to_text(value, case_sensitive)) is not None
    if case.in_list is not None:
        return any(_equal(value, x, numeric, case_sensitive) for x in lists[case.in_list])
    raise AssertionError("validated cases always have a matcher")


def _email_domain(email: Any) -> str | None:
    """Derived ``email_domain``: lower-cased text after the last ``@`` of ``email`` (§1)."""
    if _is_missing(email):
        return None
    text = str(email)
    if "@" not in text:
        return None
    return text.rsplit("@", 1)[1].lower()


def _fit_value(field: str, person: dict, account: dict | None, person_columns: set[str],
               people_numeric: set[str], accounts_numeric: set[str]) -> tuple[Any, bool]:
    """The attribute ``v`` of a fit rule and whether its column is numeric (§1)."""
    if field.startswith("account."):
        column = field.removeprefix("account.")
        value = None if account is None else account.get(column)
        return value, column in accounts_numeric
    if field == "email_domain":
        return _email_domain(person.get("email")), False
    if field in person_columns:
        return person.get(field), field in people_numeric
    # A bare name that is not a person column falls back to the account column.
    value = None if account is None else account.get(field)
    return value, field in accounts_numeric


def _fit_rule_points(rule: m.FitRule, value: Any, numeric: bool,
                     lists: dict[str, list[str]]) -> float:
    """Points of one fit rule (§1, steps 1-3)."""
    # 1. Missing value and `missing` set.
    if _is_missing(value) and rule.missing is not None:
        return float(rule.missing)
    # 2. The first case that matches.
    for case in rule.cases:
        if _case_matches(case, value, numeric, rule.case_sensitive, lists):
            return float(case.points)
    # 3. Otherwise the default.
    return float(rule.default)


def _clamp(value: float, low: float | None, high: float | None) -> float:
    if high is not None and value > high:
        value = high
    if low is not None and value < low:
        value = low
    return value


# ============================================================================================
# §2.1 Matching events and measures
# ============================================================================================


def _filter_matches(flt: m.EventFilter, event: dict, created_at: datetime | None,
                    as_of: datetime, lookback) -> bool:
    """Whether a visible event matches a rule or metric (§2.1)."""
    if event["event"] not in flt.events:
        return False
    if flt.where is not None:
        condition = parse_expression(flt.where)
        # A condition that ends unknown is false; unknown columns read as empty (NULL).
        if _condition(condition, lambda name: event.get(name)) is not True:
            return False
    if flt.window is not None:
        if flt.window.last is not None:
            # T - w < ts <= T (ts <= T holds for every visible event).
            if not as_of - flt.window.last < event["ts"]:
                return False
        else:
            # created_at <= ts < created_at + w; never matches without created_at.
            if created_at is None:
                return False
            if not created_at <= event["ts"] < created_at + flt.window.first:
                return False
    # behavior.lookback applies to every rule and metric.
    return not (lookback is not None and not as_of - lookback < event["ts"])


def _measure(measure: m.Measure, events: list[dict]) -> float:
    """The measure over the matching events; 0 when there are none (§2.1)."""
    if measure.kind == "count":
        return float(len(events))
    if measure.kind == "distinct_days":
        return float(len({e["ts"].date() for e in events}))
    values = [e.get(measure.column) for e in events]
    values = [v for v in values if v is not None]
    if measure.kind == "distinct":
        return float(len(set(values)))
    if not values:
        return 0.0
    if measure.kind == "sum":
        return float(sum(values))
    if measure.kind == "max":
        return float(max(values))
    raise AssertionError(measure.kind)


# ============================================================================================
# §2.2 Points of each rule
# ============================================================================================


def _event_rule_points(rule: m.EventRule, matched: list[dict],
                       created_at: datetime | None) -> float:
    """Points of an event rule before groups and decay (§2.2)."""
    value = _measure(rule.measure, matched)
    if rule.per is not None:
        points = value * rule.per
        if rule.cap is not None:
            points = min(points, rule.cap) if rule.per >= 0 else max(points, -rule.cap)
        return points
    # points / tiers: the highest tier whose min <= measure, else 0.
    points = 0.0
    best_min = None
    for tier in rule.as_tiers():
        if tier.min <= value and (best_min is None or tier.min > best_min):
            best_min = tier.min
            points = float(tier.points)
    # speed: the earliest matching event is less than W after created_at.
    if rule.speed is not None and matched and created_at is not None:
        earliest = min(e["ts"] for e in matched)
        if earliest - created_at < rule.speed.within:
            points = points * rule.speed.multiplier
    return points


def _inactivity_points(rule: m.InactivityRule, visible: list[dict], created_at: datetime | None,
                       as_of: datetime) -> float:
    """``points × floor((T - since) / every)``, at least ``-cap`` (§2.2 inactivity)."""
    names = rule.inactivity.events
    candidates = [e["ts"] for e in visible if names is None or e["event"] in names]
    if created_at is not None:
        candidates.append(created_at)
    if not candidates:
        return 0.0
    since = max(candidates)
    periods = math.floor(_seconds(as_of - since) / _seconds(rule.inactivity.every))
    points = rule.points * periods
    if rule.cap is not None:
        points = max(points, -rule.cap)
    return float(points)


def _half(age_seconds: float, half_life) -> float:
    return 0.5 ** (age_seconds / _seconds(half_life))


# ============================================================================================
# The whole score of one person
# ============================================================================================


def _score_person(model: m.ScoringModel, person: dict, account: dict | None, visible: list[dict],
                  as_of: datetime, person_columns: set[str], people_numeric: set[str],
                  accounts_numeric: set[str], champion: float | None = None) -> ReferenceScore:
    created_at = person.get("created_at")
    behavior_spec = model.behavior
    lookback = behavior_spec.lookback
    decay = behavior_spec.decay

    # ---- §1 Fit -----------------------------------------------------------------------------
    fit_points: dict[str, float] = {}
    for rule in model.fit.rules:
        value, numeric = _fit_value(rule.field, person, account, person_columns,
                                    people_numeric, accounts_numeric)
        fit_points[rule.id] = _fit_rule_points(rule, value, numeric, model.lists)
    if champion is not None:
        fit_points["champion"] = champion
    fit = _clamp(sum(fit_points.values()), model.fit.min, model.fit.max)

    # ---- §2.1 Metrics ----------------------------------------------------------------------
    metrics: dict[str, float] = {}
    for name, metric in model.metrics.items():
        matched = [e for e in visible if _filter_matches(metric, e, created_at, as_of, lookback)]
        metrics[name] = _measure(metric.measure, matched)

    # ---- §2.2 Points of each rule -----------------------------------------------------------
    points: dict[str, float] = {}
    matched_by_rule: dict[str, list[dict]] = {}
    for rule in behavior_spec.rules:
        if isinstance(rule, m.EventRule):
            matched = [e for e in visible if _filter_matches(rule, e, created_at, as_of, lookback)]
            matched_by_rule[rule.id] = matched
            points[rule.id] = _event_rule_points(rule, matched, created_at)
        elif isinstance(rule, m.FormulaRule):
            # A metric with no events is 0; division by 0 gives 0.
            value = float(_evaluate(parse_expression(rule.formula), lambda n: metrics[n]))
            if rule.cap is not None:
                value = min(value, rule.cap)
            if rule.min is not None:
                value = max(value, rule.min)
            points[rule.id] = value
        else:
            points[rule.id] = _inactivity_points(rule, visible, created_at, as_of)

    # ---- §2.3 Groups: only the rule with the most points counts; ties go to the first ------
    winners: dict[str, str] = {}
    for rule in behavior_spec.rules:
        if rule.group is None:
            continue
        best = winners.get(rule.group)
        if best is None or points[rule.id] > points[best]:
            winners[rule.group] = rule.id
    for rule in behavior_spec.rules:
        if rule.group is not None and winners[rule.group] != rule.id:
            points[rule.id] = 0.0

    # ---- §2.4 Decay by event age -----------------------------------------------------------
    event_age = decay is not None and decay.by == "event_age"
    if event_age:
        for rule in behavior_spec.rules:
            if not isinstance(rule, m.EventRule) or not points[rule.id] > 0:
                continue
            matched = matched_by_rule[rule.id]
            if rule.per is not None and rule.measure.kind in ("count", "sum"):
                # Each matching event weighted by its own age, then the cap.
                total = 0.0
                for e in matched:
                    weight = _half(_seconds(as_of - e["ts"]), decay.half_life)
                    if rule.measure.kind == "count":
                        total += weight
                    elif e.get(rule.measure.column) is not None:
                        total += weight * e[rule.measure.column]
                value = rule.per * total
                if rule.cap is not None:
                    value = min(value, rule.cap)
                points[rule.id] = value
            elif not matched:
                # Positive points without any matching event (a tier with min <= 0): the
                # document defines no age; read it as infinitely old, so the points fade to 0.
                points[rule.id] = 0.0
            else:
                latest = max(e["ts"] for e in matched)
                points[rule.id] = points[rule.id] * _half(_seconds(as_of - latest),
                                                          decay.half_life)

    # ---- §2.5 Velocity ---------------------------------------------------------------------
    velocity_points: dict[str, float] = {}
    for velocity in behavior_spec.velocity:
        times = []
        for e in visible:
            if e["event"] not in velocity.events:
                continue
            if lookback is not None and not as_of - lookback < e["ts"]:
                continue
            if velocity.window is not None and not as_of - velocity.window < e["ts"]:
                continue
            times.append(e["ts"])
        times.sort()
        burst_end = None  # last event of the latest qualifying burst
        k = velocity.min_count
        for i in range(len(times) - k + 1):
            if times[i + k - 1] - times[i] < velocity.within:
                burst_end = times[i + k - 1]
        if burst_end is None:
            velocity_points[velocity.id] = 0.0
        elif velocity.bonus is not None:
            bonus = float(velocity.bonus)
            if event_age:
                bonus = bonus * _half(_seconds(as_of - burst_end), decay.half_life)
            velocity_points[velocity.id] = bonus
        else:
            assert velocity.multiplier is not None and velocity.of is not None
            velocity_points[velocity.id] = velocity.multiplier * sum(points[r] for r in velocity.of)

    # ---- §2.6 Raw behavior -----------------------------------------------------------------
    rules_sum = sum(points.values())
    capped = rules_sum if behavior_spec.max is None else min(rules_sum, behavior_spec.max)
    raw = capped + sum(velocity_points.values())

    # ---- §2.7 Decay by inactivity ----------------------------------------------------------
    decayed = raw
    if decay is not None and decay.by == "inactivity":
        candidates = [e["ts"] for e in visible
                      if decay.activity is None or e["event"] in decay.activity]
        if created_at is not None:
            candidates.append(created_at)
        if candidates:
            last = max(candidates)
            grace = 0.0 if decay.grace is None else _seconds(decay.grace)
            inactive = max(0.0, _seconds(as_of - last) - grace)
            if decay.method == "linear":
                value = raw - decay.points * math.floor(inactive / _seconds(decay.every))
            elif decay.method == "percent":
                value = raw * (1 - decay.percent / 100) ** math.floor(
                    inactive / _seconds(decay.every))
            else:
                value = raw * _half(inactive, decay.half_life)
            # The floor: never raises a score, never touches one already at or below it.
            decayed = max(value, decay.floor) if raw > decay.floor else raw
    # ---- §2.8 Freemium ceiling -------------------------------------------------------------
    ceiling = behavior_spec.freemium
    if ceiling is not None:
        plan_rule = m.FitRule.model_validate({"id": "plan", "field": ceiling.field,
                                              "cases": [{"in": ceiling.free, "points": 1}]})
        value, numeric = _fit_value(ceiling.field, person, account, person_columns,
                                    people_numeric, accounts_numeric)
        on_free = _fit_rule_points(plan_rule, value, numeric, model.lists) == 1
        tenured = created_at is not None and created_at <= as_of - ceiling.after
        quiet = ceiling.unless is None or metrics[ceiling.unless] == 0
        if on_free and tenured and quiet:
            decayed = min(decayed, ceiling.max)
    behavior = decayed if behavior_spec.min is None else max(decayed, behavior_spec.min)

    # ---- §3 Total, statuses, tiers ---------------------------------------------------------
    total = _clamp(model.total.fit_weight * fit + model.total.behavior_weight * behavior,
                   model.total.min, model.total.max)

    names: dict[str, float] = {"fit": fit, "behavior": behavior, "engagement": behavior,
                               "total": total}
    names.update(metrics)
    names.update(fit_points)
    names.update(points)
    names.update(velocity_points)
    status = None
    for candidate in model.statuses:
        # Three-valued, as in §2.1: the first condition that is true.
        if _condition(parse_expression(candidate.when), lambda n: names[n]) is True:
            status = candidate.name
            break

    fit_tier = intent_tier = matrix = None
    if model.tiers is not None:
        fit_index = _band(model.tiers.fit, fit)
        intent_index = _band(model.tiers.intent, behavior)
        if fit_index is not None:
            fit_tier = model.tiers.fit[fit_index].name
        if intent_index is not None:
            intent_tier = model.tiers.intent[intent_index].name
        if model.tiers.matrix and fit_index is not None and intent_index is not None:
            matrix = f"{chr(ord('A') + fit_index)}{intent_index + 1}"

    return ReferenceScore(
        person_id=person["person_id"], fit=fit, behavior=behavior, total=total, status=status,
        fit_tier=fit_tier, intent_tier=intent_tier, matrix=matrix, fit_points=fit_points,
        behavior_points=points, velocity_points=velocity_points, behavior_raw=raw,
    )


def _band(bands: list[m.Band], score: float) -> int | None:
    """Index of the first band (highest first) whose ``min <= score``; no ``min``: any (§3)."""
    for index, band in enumerate(bands):
        if band.min is None or score >= band.min:
            return index
    return None


def reference_score(model: m.ScoringModel, people: list[dict], accounts: list[dict],
                    events: list[dict], as_of: datetime) -> dict[str, ReferenceScore]:
    """Score every person visible at ``as_of`` exactly as ``docs/semantics.md`` defines it.

    Args:
        model: The validated scoring model.
        people: People rows (``person_id``, optional ``account_id``, ``email``, ``title``,
            ``created_at`` and any other attribute).
        accounts: Account rows (``account_id`` and firmographic attributes).
        events: Event rows (``person_id``, ``event``, ``ts`` and property columns).
        as_of: The instant ``T``, a naive UTC datetime.

    Returns:
        The score of each person scored at ``as_of``, keyed by ``person_id``.
    """
    if model.products:
        return _reference_products(model, people, accounts, events, as_of)
    person_columns: set[str] = set()
    for person in people:
        person_columns.update(person)
    people_numeric = _numeric_columns(people)
    accounts_numeric = _numeric_columns(accounts)
    accounts_by_id = {a["account_id"]: a for a in accounts if a.get("account_id") is not None}

    scores: dict[str, ReferenceScore] = {}
    for person in people:
        created_at = person.get("created_at")
        # §0: scored if created_at <= T or created_at is missing.
        if created_at is not None and created_at > as_of:
            continue
        # §0: an event counts only if ts <= T; events of unknown people never reach here.
        visible = [e for e in events
                   if e["person_id"] == person["person_id"] and e["ts"] <= as_of]
        account_id = person.get("account_id")
        account = None if _is_missing(account_id) else accounts_by_id.get(account_id)
        scores[person["person_id"]] = _score_person(
            model, person, account, visible, as_of, person_columns, people_numeric,
            accounts_numeric, _champion_points(model, person, people, as_of))
    return scores


def _champion_points(model: m.ScoringModel, person: dict, people: list[dict],
                     as_of: datetime) -> float | None:
    """§1.1: points of the champion movement for ``person`` (``None`` without a champion)."""
    champion = model.fit.champion
    if champion is None:
        return None

    def link(row: dict) -> str | None:
        value = row.get(champion.link)
        return None if _is_missing(value) else str(value).strip().lower()

    def domain(row: dict) -> str | None:
        value = _email_domain(row.get("email"))
        return None if value is None or not value.strip() else value.strip()

    mine, created, here = link(person), person.get("created_at"), domain(person)
    earlier = [q for q in people
               if mine is not None and created is not None and link(q) == mine
               and q.get("created_at") is not None and q["created_at"] < created
               and here is not None and domain(q) is not None and domain(q) != here
               and _truth(q.get(champion.power_user)) is True]
    if not earlier:
        return 0.0
    high = champion.nps is not None and any(
        (n := _to_number(q.get(champion.nps))) is not None and n >= champion.nps_min
        for q in earlier)
    return float(champion.points + (champion.nps_bonus if high else 0))


# ============================================================================================
# §5 Accounts
# ============================================================================================


@dataclass(frozen=True)
class ReferenceAccountScore:
    """Every score of one account at one as-of instant (``docs/semantics.md`` §5).

    Attributes:
        account_id: The account scored.
        people: The people roll-up (``accounts.people``).
        rollups: Roll-up id -> value.
        fit: Account fit (its own rules on account attributes), clamped.
        behavior: Account behavior (its own rules over its people's events).
        total: ``people_weight × people + fit_weight × fit + behavior_weight × behavior``,
            clamped.
        status: First true account status, else ``None``.
        fit_tier: Fit band of the account fit, else ``None``.
        intent_tier: Intent band of the account behavior, else ``None``.
        fit_points: Account fit rule id -> points.
        behavior_points: Account behavior rule id -> points.
    """

    account_id: str
    people: float
    rollups: dict[str, float]
    fit: float
    behavior: float
    total: float
    status: str | None
    fit_tier: str | None
    intent_tier: str | None
    fit_points: dict[str, float]
    behavior_points: dict[str, float]


def _rollup_value(rollup: m.Rollup, members: list[ReferenceScore]) -> float:
    """One roll-up over the scored people of an account; 0 when no one is kept (§5)."""
    kept = []
    for score in members:
        names = {"fit": score.fit, "behavior": score.behavior, "engagement": score.behavior,
                 "total": score.total, "status": score.status}
        if rollup.where is None or _condition(parse_expression(rollup.where),
                                              lambda n, names=names: names[n]) is True:
            kept.append(score)
    if rollup.how == "count":
        return float(len(kept))
    values = [getattr(score, rollup.of) for score in kept]
    if not values:
        return 0.0
    if rollup.how == "sum":
        return float(sum(values))
    if rollup.how == "max":
        return float(max(values))
    if rollup.how == "mean":
        return float(sum(values) / len(values))
    return float(sum(sorted(values, reverse=True)[: rollup.k]))


def reference_account_scores(model: m.ScoringModel, people: list[dict], accounts: list[dict],
                             events: list[dict],
                             as_of: datetime) -> dict[str, ReferenceAccountScore]:
    """Score every account visible at ``as_of`` as ``docs/semantics.md`` §5 defines it.

    The account rubric is scored like a person whose attributes are the account's columns and
    whose events are the events of every person with that ``account_id``; its people are the
    persons scored at ``as_of`` (§0) that belong to it.
    """
    spec = model.accounts
    assert spec is not None, "the model has no accounts section"
    persons = reference_score(model, people, accounts, events, as_of)
    account_of = {p["person_id"]: p.get("account_id") for p in people}
    members: dict[str, list[ReferenceScore]] = {}
    for person_id, score in persons.items():
        account_id = account_of.get(person_id)
        if not _is_missing(account_id):
            members.setdefault(str(account_id).strip(), []).append(score)
    account_events = []
    for event in events:
        # The event's own account_id wins; else its person's account (§5).
        account_id = event.get("account_id")
        if _is_missing(account_id):
            person_id = event.get("person_id")
            account_id = None if _is_missing(person_id) else account_of.get(person_id)
        if not _is_missing(account_id):
            account_events.append({**event, "person_id": str(account_id).strip(),
                                   "member_id": event.get("person_id")})
    as_people = [{**{k: v for k, v in a.items() if k != "account_id"},
                  "person_id": a["account_id"]}
                 for a in accounts if not _is_missing(a.get("account_id"))]
    sub = spec.scoring_model(model)
    # The rubric's own statuses may name roll-ups: they are evaluated below, not here.
    sub_scores = reference_score(sub.model_copy(update={"statuses": []}), as_people, [],
                                 account_events, as_of)

    out: dict[str, ReferenceAccountScore] = {}
    for account_id, score in sub_scores.items():
        team = members.get(account_id, [])
        people_value = _rollup_value(spec.people, team)
        rollups = {name: _rollup_value(r, team) for name, r in spec.rollups.items()}
        total = _clamp(spec.total.people_weight * people_value + spec.total.fit_weight * score.fit
                       + spec.total.behavior_weight * score.behavior,
                       spec.total.min, spec.total.max)
        visible = [e for e in account_events if e["person_id"] == account_id
                   and e["ts"] <= as_of]
        created_at = next((a.get("created_at") for a in as_people
                           if a["person_id"] == account_id), None)
        metrics = {name: _measure(metric.measure, [
            e for e in visible if _filter_matches(metric, e, created_at, as_of,
                                                  sub.behavior.lookback)])
            for name, metric in sub.metrics.items()}
        names: dict[str, Any] = {"fit": score.fit, "behavior": score.behavior,
                                 "engagement": score.behavior, "total": total,
                                 "people": people_value, **rollups, **metrics,
                                 **score.fit_points, **score.behavior_points,
                                 **score.velocity_points}
        status = None
        for candidate in spec.statuses:
            if _condition(parse_expression(candidate.when), names.__getitem__) is True:
                status = candidate.name
                break
        out[account_id] = ReferenceAccountScore(
            account_id=account_id, people=people_value, rollups=rollups, fit=score.fit,
            behavior=score.behavior, total=total, status=status, fit_tier=score.fit_tier,
            intent_tier=score.intent_tier, fit_points=score.fit_points,
            behavior_points=score.behavior_points)
    return out


# ============================================================================================
# §6 Multi-product
# ============================================================================================


def _reference_products(model: m.ScoringModel, people: list[dict], accounts: list[dict],
                        events: list[dict], as_of: datetime) -> dict[str, ReferenceScore]:
    """§6: behavior is the best product's score plus the cross-product bonus."""
    base = reference_score(model.model_copy(update={"products": {}, "cross_product": None,
                                                    "statuses": [], "tiers": None}),
                           people, accounts, events, as_of)
    per_product = {p: reference_score(model.product_model(p), people, accounts, events, as_of)
                   for p in model.products}
    created = {person["person_id"]: person.get("created_at") for person in people}
    cross = model.cross_product
    out: dict[str, ReferenceScore] = {}
    for person_id, score in base.items():
        products = {p: scores[person_id] for p, scores in per_product.items()}
        behaviors = {p: ps.behavior for p, ps in products.items()}
        behavior = max(behaviors.values())
        active = sum(1 for b in behaviors.values() if cross is not None and b > cross.active_above)
        if cross is not None and active >= cross.min_products:
            behavior += cross.bonus
        total = _clamp(model.total.fit_weight * score.fit + model.total.behavior_weight * behavior,
                       model.total.min, model.total.max)
        visible = [e for e in events if e["person_id"] == person_id and e["ts"] <= as_of]
        metrics = {name: _measure(metric.measure, [
            e for e in visible if _filter_matches(metric, e, created[person_id], as_of, None)])
            for name, metric in model.metrics.items()}
        names: dict[str, Any] = {"fit": score.fit, "behavior": behavior, "engagement": behavior,
                                 "total": total, **metrics, **score.fit_points, **behaviors}
        for ps in products.values():
            names.update(ps.behavior_points)
            names.update(ps.velocity_points)
        status = None
        for candidate in model.statuses:
            if _condition(parse_expression(candidate.when), names.__getitem__) is True:
                status = candidate.name
                break
        fit_tier = intent_tier = matrix = None
        if model.tiers is not None:
            fit_index = _band(model.tiers.fit, score.fit)
            intent_index = _band(model.tiers.intent, behavior)
            fit_tier = None if fit_index is None else model.tiers.fit[fit_index].name
            intent_tier = None if intent_index is None else model.tiers.intent[intent_index].name
            if model.tiers.matrix and fit_index is not None and intent_index is not None:
                matrix = f"{chr(ord('A') + fit_index)}{intent_index + 1}"
        points = {rid: v for ps in products.values() for rid, v in ps.behavior_points.items()}
        velocity = {vid: v for ps in products.values() for vid, v in ps.velocity_points.items()}
        out[person_id] = ReferenceScore(
            person_id=person_id, fit=score.fit, behavior=behavior, total=total, status=status,
            fit_tier=fit_tier, intent_tier=intent_tier, matrix=matrix,
            fit_points=score.fit_points, behavior_points=points, velocity_points=velocity,
            behavior_raw=behavior)
    return out
