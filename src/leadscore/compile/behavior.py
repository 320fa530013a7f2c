"""Behavior rules → contribution columns, from the per-person aggregates.

Order of operations (the reference scorer follows the same steps):

1. each rule's points: tiers / occurrence (× milestone ``speed`` multiplier), ``per`` × measure
   within ``cap``, formula within ``[min, cap]``, inactivity penalty per full period;
2. ``group``: among rules sharing a group only the one with the most points counts (ties: the
   first in the model);
3. event-age decay (``decay.by: event_age``): positive points × 0.5^(age / half_life), age of
   the rule's latest matching event (``per`` rules weight each event by its own age);
4. velocity: a fixed bonus (event-age decayed by the burst's last event) or a multiplier on the
   points of the ``of`` rules;
5. ``rules_sum`` = Σ points, ``capped`` = min(rules_sum, max), ``raw`` = capped + velocity.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from leadscore.compile.asof import AsOf, epoch, seconds
from leadscore.compile.events import HALF
from leadscore.compile.expressions import compile_value
from leadscore.compile.portable import num
from leadscore.spec import model as m
from leadscore.spec.expressions import parse_expression

Columns = dict[str, ir.Value]


def _zero(value: ir.Value) -> ir.NumericValue:
    return value.cast("float64").fill_null(0.0)


def tier_points(tiers: list[m.Tier], measure: ir.NumericValue) -> ir.NumericValue:
    """Points of the highest tier whose ``min`` the measure reaches (0 when none)."""
    ordered = sorted(tiers, key=lambda t: t.min, reverse=True)
    return ibis.cases(*[(measure >= t.min, num(t.points)) for t in ordered], else_=num(0))


def _event_rule_points(rule: m.EventRule, t: ir.Table, as_of: AsOf) -> ir.NumericValue:
    measure = _zero(t[f"m__{rule.id}"])
    if rule.per is None:
        points = tier_points(rule.as_tiers(), measure)
        if rule.speed is not None:
            reached_fast = (t[f"first__{rule.id}"] - epoch(t.created_at)) < seconds(
                rule.speed.within)
            points = ibis.ifelse(reached_fast.fill_null(False),
                                 points * num(rule.speed.multiplier), points)
        return points
    return _per_points(rule, measure)


def _per_points(rule: m.EventRule, base: ir.NumericValue) -> ir.NumericValue:
    """``base × per`` within ``cap`` (for a negative ``per``, at least ``-cap``)."""
    assert rule.per is not None
    # num(): a bare literal is a DECIMAL to SQL, and DuckDB turns one of 17 significant digits
    # into a double that can differ from Python's in the last bit (the reason codes compare
    # these points with the values Python computes, compile/reason_codes.py).
    points = base * num(rule.per)
    if rule.cap is not None:
        points = (ibis.least(points, num(rule.cap)) if rule.per > 0
                  else ibis.greatest(points, num(-rule.cap)))
    return points


def _formula_points(rule: m.FormulaRule, t: ir.Table) -> ir.NumericValue:
    value = compile_value(parse_expression(rule.formula),
                          lambda name: _zero(t[f"m__{name}"])).cast("float64")
    if rule.cap is not None:
        value = ibis.least(value, rule.cap)
    if rule.min is not None:
        value = ibis.greatest(value, rule.min)
    return value.fill_null(0.0)


def _inactivity_points(rule: m.InactivityRule, t: ir.Table, as_of: AsOf) -> ir.NumericValue:
    last = t[f"act__{rule.id}"]
    created = epoch(t.created_at)
    # Inactive since the latest activity, or since sign-up when there was none (or it is later).
    since = ibis.greatest(last.fill_null(created), created.fill_null(last))
    periods = ((as_of.seconds - since) / seconds(rule.inactivity.every)).floor()
    # + 0.0 turns the -0.0 of "zero periods × negative points" into a plain 0.
    points = (periods.cast("float64") * rule.points).fill_null(0.0) + 0.0
    if rule.cap is not None:
        points = ibis.greatest(points, -rule.cap)
    return points


def rule_points(model: m.ScoringModel, t: ir.Table, as_of: AsOf) -> Columns:
    """``pts__<id>``: every behavior rule's points before groups and decay (step 1)."""
    out: Columns = {}
    for rule in model.behavior.rules:
        if isinstance(rule, m.EventRule):
            out[f"pts__{rule.id}"] = _event_rule_points(rule, t, as_of)
        elif isinstance(rule, m.FormulaRule):
            out[f"pts__{rule.id}"] = _formula_points(rule, t)
        else:
            out[f"pts__{rule.id}"] = _inactivity_points(rule, t, as_of)
    return out


def grouped_points(model: m.ScoringModel, t: ir.Table) -> Columns:
    """``grp__<id>``: points after ``group`` resolution (step 2)."""
    rules = model.behavior.rules
    out: Columns = {}
    groups: dict[str, list[str]] = {}
    for rule in rules:
        if rule.group is not None:
            groups.setdefault(rule.group, []).append(rule.id)
    for rule in rules:
        points = t[f"pts__{rule.id}"]
        if rule.group is None or len(groups[rule.group]) == 1:
            out[f"grp__{rule.id}"] = points
            continue
        members = groups[rule.group]
        best = ibis.greatest(*[t[f"pts__{rid}"] for rid in members])
        earlier = members[: members.index(rule.id)]
        wins = points == best
        for rid in earlier:
            wins = wins & (t[f"pts__{rid}"] != best)
        out[f"grp__{rule.id}"] = ibis.ifelse(wins, points, 0.0)
    return out


def _age_factor(last_ts_s: ir.NumericValue, decay: m.Decay, as_of: AsOf) -> ir.NumericValue:
    assert decay.half_life is not None
    return ibis.literal(HALF).pow((as_of.seconds - last_ts_s) / seconds(decay.half_life))


def decayed_points(model: m.ScoringModel, t: ir.Table, as_of: AsOf) -> Columns:
    """``b__<id>``: the final points of each behavior rule (step 3)."""
    decay = model.behavior.decay
    out: Columns = {}
    for rule in model.behavior.rules:
        points = t[f"grp__{rule.id}"]
        if decay is not None and decay.by == "event_age" and isinstance(rule, m.EventRule):
            if f"wm__{rule.id}" in t.columns:
                # `per` rules weight each event by its own age (Σ weights computed per event).
                decayed = _per_points(rule, _zero(t[f"wm__{rule.id}"]))
            else:
                factor = _age_factor(epoch(t[f"last__{rule.id}"]), decay, as_of)
                decayed = points * factor.fill_null(0.0)
            # Only positive points fade; penalties and rules that lost their group stay as they are.
            points = ibis.ifelse(points > 0, decayed, points)
        out[f"b__{rule.id}"] = points
    return out


def velocity_points(model: m.ScoringModel, t: ir.Table, as_of: AsOf) -> Columns:
    """``v__<id>``: each velocity rule's bonus (step 4)."""
    decay = model.behavior.decay
    out: Columns = {}
    for velocity in model.behavior.velocity:
        fired = t[f"vf__{velocity.id}"].fill_null(False)
        if velocity.bonus is not None:
            bonus: ir.NumericValue = num(velocity.bonus)
            if decay is not None and decay.by == "event_age":
                bonus = bonus * _age_factor(t[f"vend__{velocity.id}"], decay, as_of)
        else:
            base = sum((t[f"b__{rid}"] for rid in velocity.of or []), num(0))
            bonus = base * velocity.multiplier
        out[f"v__{velocity.id}"] = ibis.ifelse(fired, bonus, 0.0).fill_null(0.0)
    return out


def raw_behavior(model: m.ScoringModel, t: ir.Table) -> Columns:
    """``behavior_rules``, ``behavior_capped`` and ``behavior_raw`` (step 5)."""
    behavior = model.behavior
    rules_sum = sum((t[f"b__{r.id}"] for r in behavior.rules), num(0))
    capped = ibis.least(rules_sum, behavior.max) if behavior.max is not None else rules_sum
    velocity = sum((t[f"v__{v.id}"] for v in behavior.velocity), num(0))
    return {"behavior_rules": rules_sum, "behavior_capped": capped,
            "behavior_raw": capped + velocity}
