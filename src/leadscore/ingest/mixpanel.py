"""Mixpanel raw event export (JSON lines: ``{"event": …, "properties": {…}}``).

Shape: https://docs.mixpanel.com/docs/export-methods (Raw Event Export API,
https://developer.mixpanel.com/reference/export): ``event``, ``properties.time`` (epoch
**seconds**; values above 1e11 are taken as milliseconds, as with ``time_in_ms``),
``properties.distinct_id``, ``properties.$insert_id`` (the event id), and under simplified ID
merge ``properties.$device_id`` / ``properties.$user_id``.

The person is ``$user_id`` when present; an event with only ``$device_id`` is anonymous
(``distinct_id`` otherwise). A ``$identify`` event links ``$anon_distinct_id`` to
``$identified_id`` (or ``distinct_id``).
"""

from __future__ import annotations

from leadscore.ingest.formats import STRINGISH, EventFormat, Paths, epoch_ts, wrong_type


def columns(p: Paths) -> dict[str, str]:
    """Normalised columns of a Mixpanel export event."""
    v0 = p.s('$.properties."$anon_distinct_id"')
    v1 = p.s('$.properties."$identified_id"')
    event = p.s("$.event")
    user_id, device_id = p.s('$.properties."$user_id"'), p.s('$.properties."$device_id"')
    distinct = p.s("$.properties.distinct_id")
    identify = f"{event} = '$identify'"
    checks = [("event", "$.event", ("VARCHAR",)), ("properties", "$.properties", ("OBJECT",)),
              ("properties.time", "$.properties.time", ("BIGINT", "UBIGINT", "DOUBLE")),
              ("properties.distinct_id", "$.properties.distinct_id", STRINGISH),
              ("properties.$insert_id", '$.properties."$insert_id"', STRINGISH)]
    return {
        "call_type": f"CASE WHEN {identify} THEN 'identify' WHEN {event} IS NULL THEN NULL "
                     "ELSE 'track' END",
        "event_id": p.s('$.properties."$insert_id"'),
        "user_id": (f"CASE WHEN {identify} THEN coalesce({v1},"
                    f" {distinct}) WHEN {user_id} IS NOT NULL THEN {user_id} "
                    f"WHEN {device_id} IS NOT NULL THEN NULL ELSE {distinct} END"),
        "anonymous_id": (f"CASE WHEN {identify} THEN {v0} "
                         f"ELSE coalesce({device_id}, CASE WHEN {user_id} IS NULL "
                         f"AND {device_id} IS NOT NULL THEN {distinct} END) END"),
        "event": event,
        "name": "NULL::VARCHAR",
        "group_id": "NULL::VARCHAR",
        "previous_id": "NULL::VARCHAR",
        "ts_text": p.s("$.properties.time"),
        "ts": p.ts(epoch_ts(p.s("$.properties.time"))),
        "properties": p.o("$.properties"),
        "traits": "NULL::JSON",
        "type_error": wrong_type(checks, p),
    }


MIXPANEL = EventFormat("mixpanel", "https://docs.mixpanel.com/docs/export-methods", columns)
