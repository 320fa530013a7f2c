"""Point-in-time identity resolution: anonymous ids become people only once identified.

``leadscore ingest`` stores every identity edge it sees (Segment ``identify`` / ``alias``, an
Amplitude event carrying both ``device_id`` and ``user_id``, a PostHog ``$identify`` …) in
``ls_identities`` with the instant it was observed. Scoring as of ``T`` attributes an anonymous
event to a person only through edges observed at or before ``T``: an identify that happens after
``T`` does not exist yet as of ``T``, so a backtest never learns who an anonymous visitor was
from the future. Once identified (at or before ``T``), *all* of that anonymous id's events up to
``T`` count for the person, including the ones before the identify (that is the point of
identifying).

When an anonymous id was linked to several people, the latest link at or before ``T`` wins.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

IDENTITY_COLUMNS = ("anonymous_id", "user_id", "ts")
"""The columns :func:`resolve` needs in the identities table."""


def resolve(events: ir.Table, identities: ir.Table, as_of: ir.TimestampScalar) -> ir.Table:
    """Fill ``person_id`` of anonymous events from identity edges observed at or before ``as_of``.

    Args:
        events: canonical events; ``person_id`` may be NULL where only ``anonymous_id`` is known.
        identities: edges ``anonymous_id → user_id`` observed at ``ts`` (extra columns ignored).
        as_of: the as-of instant (the scoring parameter, or a literal).

    Returns:
        ``events`` with the same columns, ``person_id`` resolved where an edge applies.
    """
    if "anonymous_id" not in events.columns:
        return events
    edges = identities.filter(
        identities.anonymous_id.notnull(), identities.user_id.notnull(),
        identities.ts.cast("timestamp") <= as_of)
    latest = edges.group_by(_anon=edges.anonymous_id.cast("string")).aggregate(
        _resolved=edges.user_id.cast("string").argmax(edges.ts))
    joined = events.left_join(latest, events.anonymous_id.cast("string") == latest._anon)
    person = ibis.coalesce(joined.person_id.cast("string"), joined._resolved)
    return joined.mutate(person_id=person).select(*events.columns)
