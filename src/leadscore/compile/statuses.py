"""Statuses (first true condition in priority order), tiers and the fit × intent matrix."""

from __future__ import annotations

import string
from collections.abc import Callable

import ibis
import ibis.expr.types as ir

from leadscore.compile.expressions import compile_condition
from leadscore.spec import model as m
from leadscore.spec.expressions import conjuncts, parse_expression

LETTERS = string.ascii_uppercase  # fit bands are at most 26 (validated)


def name_resolver(model: m.ScoringModel, t: ir.Table):
    """Resolve names in status conditions: scores, metrics and rule points."""
    fit_ids = {r.id for r in model.fit.rules} | ({"champion"} if model.fit.champion else set())
    behavior_ids = {r.id for r in model.behavior.rules}
    velocity_ids = {v.id for v in model.behavior.velocity}

    def resolve(name: str) -> ir.Value:
        if name == "engagement":
            return t.behavior
        if name in ("fit", "behavior", "total"):
            return t[name]
        if name in model.metrics:
            return t[f"m__{name}"].cast("float64").fill_null(0.0)
        if name in fit_ids:
            return t[f"fit__{name}"]
        if name in behavior_ids:
            return t[f"b__{name}"]
        if name in velocity_ids:
            return t[f"v__{name}"]
        raise KeyError(name)  # validation guarantees this cannot happen

    return resolve


def status_columns(model: m.ScoringModel, t: ir.Table,
                   resolve: Callable[[str], ir.Value] | None = None) -> dict[str, ir.Value]:
    """``cond__<i>__<j>`` per condition part, ``is__<i>`` per status, and ``status``.

    ``resolve`` maps the names of the conditions to columns (default: :func:`name_resolver`;
    account statuses add roll-ups).
    """
    resolve = resolve or name_resolver(model, t)
    out: dict[str, ir.Value] = {}
    branches = []
    for i, status in enumerate(model.statuses):
        parts = conjuncts(parse_expression(status.when))
        holds = ibis.literal(True)
        for j, part in enumerate(parts):
            condition = compile_condition(part, resolve)
            out[f"cond__{i}__{j}"] = condition
            holds = holds & condition
        out[f"is__{i}"] = holds
        branches.append((holds, ibis.literal(status.name)))
    out["status"] = (ibis.cases(*branches, else_=ibis.null("string")) if branches
                     else ibis.null("string"))
    return out


def _band(bands: list[m.Band], score: ir.NumericValue) -> tuple[ir.StringValue, ir.Value]:
    """(band name, band index) for ``score``; NULL when below every band with a min."""
    branches_name, branches_index = [], []
    fallback_name, fallback_index = ibis.null("string"), ibis.null("int64")
    for index, band in enumerate(bands):
        if band.min is None:
            fallback_name, fallback_index = ibis.literal(band.name), ibis.literal(index)
        else:
            branches_name.append((score >= band.min, ibis.literal(band.name)))
            branches_index.append((score >= band.min, ibis.literal(index)))
    if not branches_name:
        return fallback_name, fallback_index
    return (ibis.cases(*branches_name, else_=fallback_name),
            ibis.cases(*branches_index, else_=fallback_index))


def tier_columns(model: m.ScoringModel, t: ir.Table) -> dict[str, ir.Value]:
    """``fit_tier``, ``intent_tier`` and ``matrix`` (A1 = best fit, highest intent)."""
    tiers = model.tiers
    if tiers is None:
        return {"fit_tier": ibis.null("string"), "intent_tier": ibis.null("string"),
                "matrix": ibis.null("string")}
    fit_name, fit_index = _band(tiers.fit, t.fit) if tiers.fit else (ibis.null("string"),) * 2
    intent_name, intent_index = (_band(tiers.intent, t.behavior) if tiers.intent
                                 else (ibis.null("string"),) * 2)
    matrix = ibis.null("string")
    if tiers.matrix and tiers.fit and tiers.intent:
        letters = ibis.cases(*[(fit_index == i, ibis.literal(LETTERS[i]))
                               for i in range(len(tiers.fit))], else_=ibis.null("string"))
        matrix = letters.concat((intent_index + 1).cast("string"))
    return {"fit_tier": fit_name, "intent_tier": intent_name, "matrix": matrix}
