"""The fixed vocabulary of quarantine reasons (``ls_quarantine.reason``).

Every row ``leadscore ingest`` cannot load gets exactly one reason: the first that applies, in
the order of :data:`REASONS`. ``wrong_type:<field>`` names the field, e.g.
``wrong_type:userId`` or ``wrong_type:properties.duration_s``.
"""

from __future__ import annotations

REASONS: dict[str, str] = {
    "oversized": "the row is larger than `ingest.max_event_bytes`",
    "invalid_json": "the line is not valid JSON, or not a JSON object",
    "unknown_type": "the call type is missing or not one of track, identify, group, page, "
                    "screen, alias",
    "wrong_type:<field>": "a field has the wrong JSON type (e.g. userId is an object) or a "
                          "value that does not convert (e.g. amount is not a number)",
    "missing_id": "no event id (Segment messageId, Amplitude $insert_id, Mixpanel $insert_id, "
                  "PostHog uuid) or no record id in a CRM row",
    "missing_user": "neither a user id nor an anonymous id (or, for outcomes, neither "
                    "person nor account)",
    "missing_event": "a track call without an event name",
    "missing_group_id": "a group call without groupId",
    "missing_previous_id": "an alias call without previousId",
    "missing_outcome": "an outcome row without an outcome name",
    "missing_timestamp": "no timestamp",
    "unparseable_timestamp": "a timestamp that does not parse",
    "timestamp_in_future": "a timestamp later than ingest time + `ingest.max_future`",
}
"""Reason → what it means, in the order the checks run."""


def is_known(reason: str) -> bool:
    """Whether ``reason`` belongs to the vocabulary (``wrong_type:`` takes any field)."""
    return reason in REASONS or reason.startswith("wrong_type:")
