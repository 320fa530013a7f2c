"""PostHog events export (JSON lines of PostHog events).

Shape: https://posthog.com/docs/data/events and https://posthog.com/docs/api/capture : ``uuid``
(the event id), ``event``, ``distinct_id``, ``timestamp`` (ISO 8601), ``properties`` with
``$groups`` (``{"company": "acme"}``), ``$set`` (person properties) and, on ``$identify``
events, ``$anon_distinct_id``.

``distinct_id`` is the person unless ``properties.$is_identified`` is ``false`` (then it is an
anonymous id). A ``$identify`` event links ``$anon_distinct_id`` to ``distinct_id``.
"""

from __future__ import annotations

from leadscore.ingest.formats import STRINGISH, EventFormat, Paths, parse_ts, wrong_type


def columns(p: Paths) -> dict[str, str]:
    """Normalised columns of a PostHog event."""
    v0 = p.o('$."$set"')
    v1 = p.o('$.properties."$set"')
    v2 = p.s('$.properties."$anon_distinct_id"')
    v3 = p.s('$.properties."$groups".account')
    v4 = p.s('$.properties."$groups".company')
    v5 = p.s('$.properties."$is_identified"')
    event, distinct = p.s("$.event"), p.s("$.distinct_id")
    anonymous = f"{v5} = 'false'"
    identify = f"{event} = '$identify'"
    checks = [("uuid", "$.uuid", ("VARCHAR",)), ("event", "$.event", ("VARCHAR",)),
              ("distinct_id", "$.distinct_id", STRINGISH),
              ("timestamp", "$.timestamp", ("VARCHAR",)),
              ("properties", "$.properties", ("OBJECT",))]
    return {
        "call_type": f"CASE WHEN {identify} THEN 'identify' WHEN {event} IS NULL THEN NULL "
                     "ELSE 'track' END",
        "event_id": p.s("$.uuid"),
        "user_id": f"CASE WHEN {anonymous} AND NOT coalesce({identify}, false) THEN NULL "
                   f"ELSE {distinct} END",
        "anonymous_id": f"CASE WHEN {identify} THEN {v2} "
                        f"WHEN {anonymous} THEN {distinct} END",
        "event": event,
        "name": "NULL::VARCHAR",
        "group_id": (f"coalesce({v4}, "
                     f"{v3})"),
        "previous_id": "NULL::VARCHAR",
        "ts_text": p.s("$.timestamp"),
        "ts": p.ts(parse_ts(p.s("$.timestamp"))),
        "properties": p.o("$.properties"),
        "traits": f"coalesce({v1}, {v0})",
        "type_error": wrong_type(checks, p),
    }


POSTHOG = EventFormat("posthog", "https://posthog.com/docs/data/events", columns)
