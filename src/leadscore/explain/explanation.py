"""Why a person has their score, read from the compiled query's per-rule columns.

Nothing here scores anything: every number comes from the same row the scorer produced
(``fit__<rule>``, ``b__<rule>``, ``m__<rule>``, ``cond__…``), so an explanation can never drift
from the score. The ledger adds up exactly: rule points, then each adjustment (clamp, cap,
velocity, decay) as its own signed line.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from leadscore.spec import model as m
from leadscore.spec.durations import format_duration
from leadscore.spec.expressions import Name, conjuncts, names_in, parse_expression, to_text

CASE_MISSING = -2  # fitcase__ value when the rule's `missing` points applied


@dataclass(frozen=True)
class RuleLine:
    """One rule's contribution and the evidence behind it."""

    id: str
    label: str
    points: float
    fired: bool
    detail: str
    evidence: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Adjustment:
    """A signed step between the rule points and a score (clamp, cap, velocity, decay)."""

    name: str
    points: float
    detail: str


@dataclass(frozen=True)
class ConditionLine:
    """One part of a status condition and whether it held."""

    text: str
    holds: bool


@dataclass(frozen=True)
class StatusLine:
    """A status, whether it applies, and each of its conditions."""

    name: str
    holds: bool
    chosen: bool
    conditions: list[ConditionLine]


@dataclass(frozen=True)
class Explanation:
    """Everything that made a person's score at one instant."""

    person_id: str
    account_id: str | None
    as_of: str
    logic_hash: str
    fit: float
    behavior: float
    total: float
    status: str | None
    fit_tier: str | None
    intent_tier: str | None
    matrix: str | None
    fit_rules: list[RuleLine]
    fit_adjustments: list[Adjustment]
    behavior_rules: list[RuleLine]
    behavior_adjustments: list[Adjustment]
    total_adjustments: list[Adjustment]
    statuses: list[StatusLine]
    top_reasons: str
    entity: str = "person"
    people: float | None = None
    rollups: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dictionary."""
        return asdict(self)


def _num(value: Any) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return 0.0
    return float(value) + 0.0  # + 0.0 turns -0.0 into 0.0


def _when(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        if isinstance(value, float) and math.isnan(value):
            return None
        return datetime.utcfromtimestamp(value).isoformat(sep=" ")
    return str(value)


def _case_text(case: m.Case) -> str:
    matcher = case.matcher
    if matcher == "range":
        parts = [f">= {case.min:g}" if case.min is not None else "",
                 f"<= {case.max:g}" if case.max is not None else ""]
        return " and ".join(p for p in parts if p)
    if matcher == "between":
        low, high = case.between or (0, 0)
        return f"between {low:g} and {high:g}"
    value = getattr(case, "in_" if matcher == "in" else matcher)
    return f"{matcher} {value}"


def _fit_line(rule: m.FitRule, row: dict[str, Any], field_value: Any) -> RuleLine:
    points = _num(row[f"fit__{rule.id}"])
    index = row.get(f"fitcase__{rule.id}")
    shown = "missing" if field_value is None else repr(field_value)
    if index is not None and index >= 0:
        detail = f"{rule.field} = {shown} matched {_case_text(rule.cases[int(index)])}"
    elif index == CASE_MISSING:
        detail = f"{rule.field} is missing"
    else:
        detail = f"{rule.field} = {shown} matched no case (default {rule.default:g})"
    return RuleLine(rule.id, rule.label or rule.id, points, points != 0 or (
        index is not None and index >= 0), detail, {"value": field_value})


def _window_text(flt: m.EventFilter, lookback) -> str:
    if flt.window is not None and flt.window.first is not None:
        return f"in the first {format_duration(flt.window.first)} after sign-up"
    if flt.window is not None and flt.window.last is not None:
        return f"in the last {format_duration(flt.window.last)}"
    return f"in the last {format_duration(lookback)}" if lookback else "ever"


def _measure_text(measure: m.Measure) -> str:
    return {"count": "count", "distinct_days": "active days"}.get(
        measure.kind, f"{measure.kind} of {measure.column}")


def _event_line(rule: m.EventRule, row: dict[str, Any], model: m.ScoringModel) -> RuleLine:
    final = _num(row[f"b__{rule.id}"])
    before_group = _num(row[f"pts__{rule.id}"])
    grouped = _num(row[f"grp__{rule.id}"])
    value = _num(row.get(f"m__{rule.id}"))
    last = _when(row.get(f"last__{rule.id}"))
    events = ", ".join(rule.events) + (f" where {rule.where}" if rule.where else "")
    window = _window_text(rule, model.behavior.lookback)
    evidence = {"measure": _measure_text(rule.measure), "value": value, "window": window,
                "last_occurrence": last}
    if rule.per is not None:
        detail = f"{_measure_text(rule.measure)} {value:g} × {rule.per:g}"
        if rule.cap is not None:
            detail += f" (cap {rule.cap:g})"
    else:
        reached = [t for t in rule.as_tiers() if value >= t.min]
        if reached:
            tier = max(reached, key=lambda t: t.min)
            detail = f"{_measure_text(rule.measure)} {value:g} >= {tier.min:g}"
        else:
            lowest = min(t.min for t in rule.as_tiers())
            detail = f"{_measure_text(rule.measure)} {value:g} < {lowest:g} needed"
        if rule.speed is not None and before_group != 0:
            detail += f" (speed × {rule.speed.multiplier:g} if within "
            detail += f"{format_duration(rule.speed.within)} of sign-up)"
    detail = f"{events} {window}: {detail}"
    if before_group != grouped:
        detail += f"; superseded in group '{rule.group}'"
    if grouped != final:
        detail += f"; event-age decay {grouped:g} → {final:g}"
    if last:
        detail += f"; last {last}"
    return RuleLine(rule.id, rule.label or rule.id, final, before_group != 0, detail, evidence)


def _behavior_line(rule: m.BehaviorRule, row: dict[str, Any], model: m.ScoringModel) -> RuleLine:
    if isinstance(rule, m.EventRule):
        return _event_line(rule, row, model)
    final = _num(row[f"b__{rule.id}"])
    if isinstance(rule, m.FormulaRule):
        names = {n.name for n in _names(rule.formula)}
        values = {n: _num(row.get(f"m__{n}")) for n in sorted(names)}
        shown = ", ".join(f"{k} = {v:g}" for k, v in values.items())
        detail = f"{rule.formula} with {shown}"
        return RuleLine(rule.id, rule.label or rule.id, final, final != 0, detail, values)
    every = format_duration(rule.inactivity.every)
    since = _when(row.get(f"act__{rule.id}"))
    detail = (f"{rule.points:g} per {every} without "
              f"{', '.join(rule.inactivity.events or ['any event'])}"
              f"; last {since or 'never (counting from sign-up)'}")
    return RuleLine(rule.id, rule.label or rule.id, final, final != 0, detail,
                    {"last_activity": since})


def _names(text: str) -> list[Name]:
    return names_in(parse_expression(text))


def _adjust(name: str, before: float, after: float, detail: str) -> list[Adjustment]:
    delta = after - before
    return [Adjustment(name, delta, detail)] if abs(delta) > 1e-12 else []


def _decay_adjustments(model: m.ScoringModel, row: dict[str, Any]) -> list[Adjustment]:
    decay = model.behavior.decay
    raw, decayed = _num(row["behavior_raw"]), _num(row["behavior_decayed"])
    if decay is None or decay.by == "event_age":
        return []
    days = _num(row.get("inactive_days"))
    periods = _num(row.get("decay_periods"))
    if decay.method == "linear":
        every = format_duration(decay.every)
        formula = f"{raw:g} − {decay.points:g} × {periods:g} period(s) of {every}"
    elif decay.method == "percent":
        formula = (f"{raw:g} × (1 − {decay.percent:g}%)^{periods:g} period(s) of "
                   f"{format_duration(decay.every)}")
    else:
        formula = f"{raw:g} × 0.5^({periods:.3g} half-lives of {format_duration(decay.half_life)})"
    detail = f"{days:.1f} days inactive: {formula}, floor {decay.floor:g} → {decayed:g}"
    if raw <= decay.floor:
        detail = (f"{days:.1f} days inactive, but raw {raw:g} is at or below the floor "
                  f"{decay.floor:g}")
    return [Adjustment("decay", decayed - raw, detail)] if abs(decayed - raw) > 1e-12 else [
        Adjustment("decay", 0.0, detail)]


def explain_row(model: m.ScoringModel, row: dict[str, Any], top_reasons: str) -> Explanation:
    """Build the explanation of one scored row (all columns of the compiled query)."""
    fit_rules = [_fit_line(r, row, row.get(f"fv__{r.id}")) for r in model.fit.rules]
    champion = model.fit.champion
    if champion is not None:
        points = _num(row["fit__champion"])
        detail = (f"an earlier record with the same {champion.link} at another company domain "
                  f"was a power user: +{champion.points:g}"
                  + (f", +{champion.nps_bonus:g} for an NPS of {champion.nps_min:g}+"
                     if points > champion.points else "")
                  if points else f"no earlier power-user record with the same {champion.link} "
                  "at another company domain")
        fit_rules.append(RuleLine("champion", champion.label or "Champion movement", points,
                                  points != 0, detail))
    fit_sum = _num(row["fit_rules"])
    fit = _num(row["fit"])
    fit_adj = _adjust("clamp", fit_sum, fit, f"fit clamped to [{model.fit.min}, {model.fit.max}]")

    behavior_rules = [_behavior_line(r, row, model) for r in model.behavior.rules]
    adjustments: list[Adjustment] = []
    rules_sum, capped = _num(row["behavior_rules"]), _num(row["behavior_capped"])
    adjustments += _adjust("cap", rules_sum, capped, f"rule points capped at {model.behavior.max}")
    for velocity in model.behavior.velocity:
        bonus = _num(row[f"v__{velocity.id}"])
        fired = bool(row.get(f"vf__{velocity.id}"))
        how = (f"+{velocity.bonus:g}" if velocity.bonus is not None
               else f"× {velocity.multiplier:g} of {', '.join(velocity.of or [])}")
        detail = (f"{velocity.min_count}+ of {', '.join(velocity.events)} within "
                  f"{format_duration(velocity.within)}: "
                  + (f"burst ending {_when(row.get(f'vend__{velocity.id}'))} ({how})" if fired
                     else "no burst"))
        adjustments.append(Adjustment(f"velocity:{velocity.id}", bonus, detail))
    adjustments += _decay_adjustments(model, row)
    behavior = _num(row["behavior"])
    before_min = _num(row["behavior_decayed"])
    ceiling = model.behavior.freemium
    if ceiling is not None and "behavior_ceiled" in row:
        capped_free = _num(row["behavior_ceiled"])
        adjustments += _adjust("freemium", before_min, capped_free,
                               f"freemium ceiling: {ceiling.field} is one of {ceiling.free} for "
                               f"{format_duration(ceiling.after)}+"
                               + (f" and no {ceiling.unless}" if ceiling.unless else "")
                               + f", so at most {ceiling.max:g}")
        before_min = capped_free
    adjustments += _adjust("min", before_min, behavior,
                           f"behavior held at its min {model.behavior.min}")

    total = _num(row["total"])
    weighted = model.total.fit_weight * fit + model.total.behavior_weight * behavior
    total_adj = _adjust("clamp", weighted, total,
                        f"total clamped to [{model.total.min}, {model.total.max}]")

    statuses = []
    chosen = row.get("status")
    for i, status in enumerate(model.statuses):
        parts = conjuncts(parse_expression(status.when))
        conditions = [ConditionLine(to_text(p), bool(row[f"cond__{i}__{j}"]))
                      for j, p in enumerate(parts)]
        statuses.append(StatusLine(status.name, bool(row[f"is__{i}"]), status.name == chosen,
                                   conditions))
    return Explanation(
        person_id=str(row["person_id"]), account_id=row.get("account_id"),
        as_of=str(row["score_date"]), logic_hash=str(row["logic_hash"]), fit=fit,
        behavior=behavior, total=total, status=chosen, fit_tier=row.get("fit_tier"),
        intent_tier=row.get("intent_tier"), matrix=row.get("matrix"), fit_rules=fit_rules,
        fit_adjustments=fit_adj, behavior_rules=behavior_rules,
        behavior_adjustments=adjustments, total_adjustments=total_adj, statuses=statuses,
        top_reasons=top_reasons)


def explain_account_row(spec: m.AccountsSection, account_model: m.ScoringModel,
                        row: dict[str, Any], top_reasons: str) -> Explanation:
    """The explanation of one account row of the compiled account query.

    The account's own rubric is explained like a person's; its total adds the people roll-up
    (weighted) before the clamp, and the roll-ups the statuses may name are listed.
    """
    base = explain_row(account_model, {**row, "person_id": row["account_id"],
                                       "account_id": None}, top_reasons)
    people = _num(row["people"])
    weights = spec.total
    rollup = spec.people
    how = (f"{rollup.how}" + (f" {rollup.k}" if rollup.k else "")
           + (f" of {rollup.of}" if rollup.of else " (count)") + " over the account's people"
           + (f" where {rollup.where}" if rollup.where else ""))
    weighted = (weights.people_weight * people + weights.fit_weight * base.fit
                + weights.behavior_weight * base.behavior)
    adjustments = [Adjustment("people", weights.people_weight * people,
                              f"people score {people:.4g} = {how}"
                              + (f", × {weights.people_weight:g}"
                                 if weights.people_weight != 1 else ""))]
    adjustments += _adjust("clamp", weighted, base.total,
                           f"total clamped to [{weights.min}, {weights.max}]")
    rollups = {name: _num(row[f"r__{name}"]) for name in spec.rollups}
    return replace(base, entity="account", people=people, rollups=rollups,
                   total_adjustments=adjustments)


def _product_row(row: dict[str, Any], product: str) -> dict[str, Any]:
    """The columns of one product's rubric under the names its own model uses."""
    suffix = f"__p__{product}"
    out = dict(row)
    for column, value in row.items():
        if column.endswith(suffix):
            out[column.removesuffix(suffix)] = value
        elif column.startswith("pbr__"):
            out["b__" + column.removeprefix("pbr__")] = value
        elif column.startswith("pv__"):
            out["v__" + column.removeprefix("pv__")] = value
    return out


def explain_products_row(model: m.ScoringModel, row: dict[str, Any],
                         top_reasons: str) -> Explanation:
    """The explanation of a multi-product row: every product's ledger, the best one counting.

    The rules of the product that drove behavior keep their points; the others' lines show
    their points within their product but count 0, so the ledger still adds up to the score.
    """
    base = explain_row(model.model_copy(update={"products": {}, "cross_product": None}),
                       row, top_reasons)
    driver = row["product"]
    lines: list[RuleLine] = []
    adjustments: list[Adjustment] = []
    for product in model.products:
        own = explain_row(model.product_model(product), _product_row(row, product), "")
        if product == driver:
            lines += [replace(line, label=f"[{product}] {line.label}")
                      for line in own.behavior_rules]
            adjustments += own.behavior_adjustments
        else:
            lines += [replace(line, label=f"[{product}] {line.label}", points=0.0,
                              detail=f"{line.detail}; {line.points:g} within {product}, which "
                              f"did not drive behavior") for line in own.behavior_rules]
    scores = ", ".join(f"{p} {_num(row[f'pb__{p}']):.4g}" for p in model.products)
    adjustments.append(Adjustment(f"product:{driver}", 0.0,
                                  f"behavior comes from {driver}, the best of {scores}"))
    bonus = _num(row["cross_product"])
    cross = model.cross_product
    if cross is not None:
        adjustments.append(Adjustment(
            "cross-product", bonus,
            f"+{cross.bonus:g} with {cross.min_products}+ products above "
            f"{cross.active_above:g}" + ("" if bonus else ": not reached")))
    return replace(base, behavior_rules=lines, behavior_adjustments=adjustments)
