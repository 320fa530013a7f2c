"""Segment Spec messages: track, identify, group, page, screen and alias, single or batched.

The shape is Segment's (the HTTP tracking API, S3 / warehouse exports):

* common fields: https://www.twilio.com/docs/segment/connections/spec/common
  (``messageId``, ``type``, ``userId``, ``anonymousId``, ``timestamp``, ``originalTimestamp``,
  ``sentAt``, ``receivedAt``, ``context``);
* calls: https://www.twilio.com/docs/segment/connections/spec/track (``event``, ``properties``),
  …/spec/identify (``traits``), …/spec/group (``groupId``, ``traits``), …/spec/page and
  …/spec/screen (``name``), …/spec/alias (``previousId``);
* batches: https://www.twilio.com/docs/segment/connections/sources/catalog/libraries/server/http-api
  (``{"batch": [...], "sentAt": ..., "context": ...}``).

``messageId`` is the event id. The event time corrects the client clock the way Segment does:
with ``sentAt`` and ``receivedAt`` present, ``ts = receivedAt − (sentAt − originalTimestamp)``
(``timestamp`` stands in for ``originalTimestamp`` when that is absent, as in API calls);
otherwise ``ts = timestamp``, else ``originalTimestamp``, else ``receivedAt``.
"""

from __future__ import annotations

from leadscore.ingest.formats import STRINGISH, EventFormat, Paths, parse_ts, wrong_type


def columns(p: Paths) -> dict[str, str]:
    """Normalised columns of a Segment message."""
    client_text = f"coalesce({p.s('$.originalTimestamp')}, {p.s('$.timestamp')})"
    client = p.ts(parse_ts(client_text))
    sent, received = p.ts(parse_ts(p.s("$.sentAt"))), p.ts(parse_ts(p.s("$.receivedAt")))
    corrected = f"{received} - ({sent} - {client})"
    plain = p.ts(parse_ts(f"coalesce({p.s('$.timestamp')}, {p.s('$.originalTimestamp')}, "
                          f"{p.s('$.receivedAt')})"))
    ts = (f"CASE WHEN {client} IS NOT NULL AND {sent} IS NOT NULL AND {received} IS NOT NULL "
          f"THEN {corrected} ELSE {plain} END")
    checks = [("type", "$.type", ("VARCHAR",)), ("messageId", "$.messageId", STRINGISH),
              ("userId", "$.userId", STRINGISH), ("anonymousId", "$.anonymousId", STRINGISH),
              ("event", "$.event", ("VARCHAR",)), ("name", "$.name", ("VARCHAR",)),
              ("groupId", "$.groupId", STRINGISH), ("previousId", "$.previousId", STRINGISH),
              ("timestamp", "$.timestamp", ("VARCHAR",)),
              ("originalTimestamp", "$.originalTimestamp", ("VARCHAR",)),
              ("sentAt", "$.sentAt", ("VARCHAR",)), ("receivedAt", "$.receivedAt", ("VARCHAR",)),
              ("properties", "$.properties", ("OBJECT",)), ("traits", "$.traits", ("OBJECT",)),
              ("context", "$.context", ("OBJECT",))]
    return {
        "call_type": f"lower({p.s('$.type')})",
        "event_id": p.s("$.messageId"),
        "user_id": p.s("$.userId"),
        "anonymous_id": p.s("$.anonymousId"),
        "event": p.s("$.event"),
        "name": p.s("$.name"),
        "group_id": p.s("$.groupId"),
        "previous_id": p.s("$.previousId"),
        "ts_text": (f"coalesce({p.s('$.timestamp')}, {p.s('$.originalTimestamp')}, "
                    f"{p.s('$.receivedAt')})"),
        "ts": ts,
        "properties": p.o("$.properties"),
        "traits": f"coalesce({p.o('$.traits')}, {p.o('$.context.traits')})",
        "type_error": wrong_type(checks, p),
    }


SEGMENT = EventFormat("segment", "https://www.twilio.com/docs/segment/connections/spec/common",
                      columns, batch_key="batch")
