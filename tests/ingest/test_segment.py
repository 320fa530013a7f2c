"""Segment Spec messages: calls, batches, timestamps, promoted properties."""

from datetime import datetime


def test_counts(segment_project):
    total = segment_project.report.total
    # 12 messages in the NDJSON file (a batch line holds 2; the blank line is not a row),
    # 3 in the pretty-printed batch document, 2 in the late file.
    assert (total.read, total.loaded, total.duplicates, total.quarantined) == (17, 16, 1, {})


def test_clock_skew_correction(segment_project):
    # receivedAt − (sentAt − originalTimestamp) = 11:00:12 − 10 s: the client clock ran 1 h fast.
    assert segment_project.one("SELECT ts FROM ls_events WHERE event_id = 'seg-005'") == \
        datetime(2024, 3, 1, 11, 0, 2)


def test_calls_map_to_tables(segment_project):
    events = dict(segment_project.sql("SELECT event_id, event FROM ls_events"))
    assert events["seg-001"] == "page" and events["seg-007"] == "screen"
    assert events["seg-002"] == "content_downloaded"
    assert not {"seg-003", "seg-004", "seg-012"} & set(events)  # identify / group / alias
    kinds = dict(segment_project.sql("SELECT event_id, kind FROM ls_identities "
                                     "WHERE event_id LIKE 'seg-%'"))
    assert kinds["seg-003"] == "identify" and kinds["seg-004"] == "group"
    assert kinds["seg-012"] == "alias"


def test_batches_keep_line_and_item(segment_project):
    rows = segment_project.sql("SELECT event_id, line, name FROM ls_events "
                               "WHERE event_id IN ('seg-006', 'seg-007', 'seg-013') "
                               "ORDER BY event_id")
    assert rows == [("seg-006", 7, None), ("seg-007", 7, "Dashboard"), ("seg-013", 1, None)]


def test_promoted_properties(segment_project):
    rows = segment_project.sql("SELECT event_id, duration_s, logged_in FROM ls_events "
                               "WHERE duration_s IS NOT NULL ORDER BY event_id")
    assert rows == [("seg-001", 75.0, False), ("seg-007", 12.5, None), ("seg-013", 90.0, True)]
