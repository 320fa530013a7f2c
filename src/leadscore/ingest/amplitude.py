"""Amplitude Export API events (JSON lines, one event per line, UTC times).

Shape: https://amplitude.com/docs/apis/analytics/export (the export returns gzipped JSON lines),
event fields as in https://amplitude.com/docs/apis/analytics/http-v2 : ``$insert_id``
(``insert_id`` is accepted too; ``uuid`` stands in when neither is present), ``event_type``,
``user_id``, ``device_id``, ``event_time`` (``2024-03-01 10:15:00.123000``, UTC),
``event_properties``, ``user_properties``, ``groups`` (``{"company": "acme"}``).

``user_id`` is the person, ``device_id`` the anonymous id (an event carrying both links them);
an ``$identify`` event is an identify call.
"""

from __future__ import annotations

from leadscore.ingest.formats import STRINGISH, EventFormat, Paths, parse_ts, wrong_type


def columns(p: Paths) -> dict[str, str]:
    """Normalised columns of an Amplitude export event."""
    v0 = p.s('$."$insert_id"')
    event_type = p.s("$.event_type")
    checks = [("$insert_id", "$.\"$insert_id\"", ("VARCHAR",)),
              ("insert_id", "$.insert_id", ("VARCHAR",)),
              ("event_type", "$.event_type", ("VARCHAR",)),
              ("user_id", "$.user_id", STRINGISH), ("device_id", "$.device_id", STRINGISH),
              ("event_time", "$.event_time", ("VARCHAR",)),
              ("event_properties", "$.event_properties", ("OBJECT",)),
              ("user_properties", "$.user_properties", ("OBJECT",)),
              ("groups", "$.groups", ("OBJECT",))]
    # A group value is a name or a list of names (the first is taken).
    group = (f"coalesce({p.s('$.groups.company[0]')}, {p.s('$.groups.account[0]')}, "
             f"{p.s('$.groups.company')}, {p.s('$.groups.account')})")
    return {
        "call_type": f"CASE WHEN {event_type} = '$identify' THEN 'identify' "
                     f"WHEN {event_type} IS NULL THEN NULL ELSE 'track' END",
        "event_id": f"coalesce({v0}, {p.s('$.insert_id')}, {p.s('$.uuid')})",
        "user_id": p.s("$.user_id"),
        "anonymous_id": p.s("$.device_id"),
        "event": event_type,
        "name": "NULL::VARCHAR",
        "group_id": group,
        "previous_id": "NULL::VARCHAR",
        "ts_text": p.s("$.event_time"),
        "ts": p.ts(parse_ts(p.s("$.event_time"))),
        "properties": p.o("$.event_properties"),
        "traits": p.o("$.user_properties"),
        "type_error": wrong_type(checks, p),
    }


AMPLITUDE = EventFormat("amplitude", "https://amplitude.com/docs/apis/analytics/export", columns)
