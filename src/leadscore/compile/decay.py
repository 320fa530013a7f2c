"""Decay of the behavior score by inactivity, with a floor, then the behavior ``min`` clamp.

``inactive`` is the time since the latest activity event (or sign-up when there was none),
less the ``grace`` period. With ``raw`` the behavior before decay:

- linear:    decayed = raw − points × floor(inactive / every)
- percent:   decayed = raw × (1 − percent/100) ^ floor(inactive / every)
- half_life: decayed = raw × 0.5 ^ (inactive / half_life)

The floor only ever holds a score up: when ``raw > floor`` the result is
``max(decayed, floor)``; a raw score at or below the floor is left alone, so decay never raises
a score. Worked example (methodology seed): raw 70, 10 points per 30 days, 75 days inactive,
floor 5 → 70 − 10 × 2 = 50.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from leadscore.compile.asof import AsOf, epoch, seconds
from leadscore.compile.events import HALF
from leadscore.spec import model as m

DAY = 86400.0


def decay_columns(model: m.ScoringModel, t: ir.Table, as_of: AsOf,
                  ceiling: ir.BooleanValue | None = None) -> dict[str, ir.Value]:
    """``inactive_days``, ``decay_periods``, ``behavior_decayed`` and the final ``behavior``.

    ``ceiling`` (:func:`leadscore.compile.freemium.freemium_applies`) caps the decayed score
    at the freemium ``max`` where it is true (``freemium``, ``behavior_ceiled``), before ``min``.
    """
    behavior = model.behavior
    decay = behavior.decay
    raw = t.behavior_raw
    out: dict[str, ir.Value] = {}
    if decay is None or decay.by == "event_age":
        decayed = raw
    else:
        created = epoch(t.created_at)
        last = epoch(t.last_activity)
        since = ibis.greatest(last.fill_null(created), created.fill_null(last))
        inactive = ibis.greatest(as_of.seconds - since, 0.0)
        out["inactive_days"] = inactive / DAY
        effective = inactive
        if decay.grace is not None:
            effective = ibis.greatest(inactive - seconds(decay.grace), 0.0)
        if decay.method == "half_life":
            assert decay.half_life is not None
            periods = effective / seconds(decay.half_life)
            candidate = raw * ibis.literal(HALF).pow(periods)
        else:
            assert decay.every is not None
            periods = (effective / seconds(decay.every)).floor().cast("float64")
            if decay.method == "linear":
                candidate = raw - periods * decay.points
            else:
                candidate = raw * ibis.literal(1 - (decay.percent or 0) / 100).pow(periods)
        out["decay_periods"] = periods.fill_null(0.0)
        floor = float(decay.floor)
        decayed = ibis.ifelse(raw > floor, ibis.greatest(candidate, floor), raw)
        # No activity and no sign-up date: nothing to measure inactivity from, so no decay.
        decayed = decayed.fill_null(raw)
    out["behavior_decayed"] = decayed
    if ceiling is not None and behavior.freemium is not None:
        out["freemium"] = ceiling
        decayed = ibis.ifelse(ceiling, ibis.least(decayed, behavior.freemium.max), decayed)
        out["behavior_ceiled"] = decayed
    out["behavior"] = ibis.greatest(decayed, behavior.min) if behavior.min is not None else decayed
    return out
