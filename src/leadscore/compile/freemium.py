"""The freemium ceiling (``behavior.freemium``, ``docs/semantics.md`` §2.8).

A free user who has been on the free plan for a long time and shows no upgrade signal keeps
using the product without buying: their activity alone should not make them look sales-ready,
so their behavior is capped (the seeds: free for more than 90 days, no upgrade signal → at most
40). The plan test reuses the fit matcher ``in``, so it reads text as fit rules do.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from leadscore.compile.asof import AsOf, epoch, seconds
from leadscore.compile.fit import fit_contribution
from leadscore.spec import model as m
from leadscore.spec.semantic import DataSchema


def freemium_applies(model: m.ScoringModel, t: ir.Table, schema: DataSchema,
                     as_of: AsOf) -> ir.BooleanValue | None:
    """Where the ceiling applies at the as-of instant (``None`` without a ceiling)."""
    ceiling = model.behavior.freemium
    if ceiling is None:
        return None
    plan = m.FitRule.model_validate({"id": "freemium_plan", "field": ceiling.field,
                                     "cases": [{"in": ceiling.free, "points": 1}]})
    on_free = fit_contribution(plan, t, schema, model.lists) == 1
    # Signed up at least `after` before T; without a sign-up date the tenure is unknown.
    tenured = epoch(t.created_at) <= as_of.seconds - seconds(ceiling.after)
    applies = on_free & tenured.fill_null(False)
    if ceiling.unless is not None:
        signal = t[f"m__{ceiling.unless}"].cast("float64").fill_null(0.0)
        applies = applies & (signal == 0)
    return ibis.ifelse(applies, True, False)
