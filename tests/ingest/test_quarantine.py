"""A malformed-input corpus: every bad row is quarantined with its reason, every good row loads."""

import json

import pytest

from leadscore.errors import DataError
from leadscore.ingest import quarantine, store
from leadscore.ingest.reasons import is_known

EXPECTED = {  # line → reason, for fixtures/malformed/segment.ndjson
    (2, None): "invalid_json", (4, None): "invalid_json", (5, None): "oversized",
    (6, None): "unknown_type", (7, None): "unknown_type", (8, None): "missing_id",
    (9, None): "wrong_type:userId", (10, None): "wrong_type:properties",
    (11, None): "wrong_type:timestamp", (12, None): "wrong_type:properties.duration_s",
    (13, None): "missing_user", (14, None): "missing_event", (15, None): "missing_group_id",
    (16, None): "missing_previous_id", (17, None): "missing_timestamp",
    (18, None): "unparseable_timestamp", (19, None): "timestamp_in_future",
    (20, 1): "missing_event",
}
BAD_SEGMENT = {"name": "bad", "format": "segment", "path": "malformed/segment.ndjson"}
BAD_CONTACTS = {"name": "contacts", "format": "csv", "kind": "people",
                "path": "malformed/contacts.csv",
                "columns": {"person_id": "Record ID", "email": "Email", "title": "Job Title",
                            "created_at": "Create Date"}}
BAD_OUTCOMES = {"name": "outcomes", "format": "csv", "kind": "outcomes",
                "path": "malformed/outcomes.csv",
                "columns": {"person_id": "person", "outcome": "what", "ts": "when",
                            "amount": "value"}}


@pytest.fixture
def bad(make_project):
    proj = make_project([BAD_SEGMENT, BAD_CONTACTS, BAD_OUTCOMES], max_event_bytes=1024)
    proj.report = proj.ingest()
    return proj


def test_each_bad_row_has_its_reason(bad):
    rows = bad.sql("SELECT line, item, reason FROM ls_quarantine WHERE source = 'bad'")
    assert {(line, item): reason for line, item, reason in rows} == EXPECTED
    assert all(is_known(reason) for *_, reason in rows)
    segment = next(s for s in bad.report.sources if s.name == "bad").counts
    assert segment.read == 22 and segment.loaded == 4 and segment.duplicates == 0
    assert sum(segment.quarantined.values()) == len(EXPECTED)
    assert sorted(r[0] for r in bad.sql("SELECT event_id FROM ls_events")) == \
        ["ok-1", "ok-2", "ok-3", "ok-4"]


def test_raw_text_is_kept(bad):
    raw = bad.one("SELECT raw FROM ls_quarantine WHERE line = 2 AND source = 'bad'")
    assert raw.startswith('{"type": "track", "messageId": "bad-1"') and not raw.endswith("}")
    item = json.loads(bad.one("SELECT raw FROM ls_quarantine WHERE line = 20"))
    assert item["messageId"] == "bad-17"


def test_tabular_reasons(bad):
    people = bad.sql("SELECT line, reason FROM ls_quarantine WHERE source = 'contacts' "
                     "ORDER BY line")
    assert people == [(3, "missing_id"), (4, "unparseable_timestamp")]
    assert bad.one("SELECT count(*) FROM ls_people_records") == 2
    outcomes = bad.sql("SELECT line, reason FROM ls_quarantine WHERE source = 'outcomes' "
                       "ORDER BY line")
    assert outcomes == [(3, "missing_user"), (4, "missing_outcome"), (5, "missing_timestamp"),
                        (6, "unparseable_timestamp"), (7, "timestamp_in_future"),
                        (8, "wrong_type:amount")]
    assert sorted(bad.sql("SELECT outcome, amount FROM ls_outcomes")) == \
        [("closed_won", 1000.0), ("converted", None)]


def test_nothing_dropped(bad):
    for source in bad.report.sources:
        c = source.counts
        assert c.read == c.loaded + c.duplicates + sum(c.quarantined.values()), source


def test_reingest_does_not_quarantine_twice(bad):
    before = bad.one("SELECT count(*) FROM ls_quarantine")
    (bad.root / "malformed" / "segment.ndjson").touch()  # new mtime, same content: skipped
    again = bad.ingest()
    assert again.total.read == 0
    assert bad.one("SELECT count(*) FROM ls_quarantine") == before


def test_replay_fixed_rows(bad, tmp_path):
    con = store.connect(str(bad.root / "store.duckdb"))
    try:
        exported = tmp_path / "fix.ndjson"
        assert quarantine.export(con, exported, reason="missing_event", source="bad") == 2
    finally:
        con.close()
    records = [json.loads(line) for line in exported.read_text().splitlines()]
    fixes = []
    for record in records:
        if record["line"] == 14:
            record["raw"]["event"] = "login"             # fixed
        else:
            record["raw"]["event"] = {"not": "a name"}   # still wrong
        fixes.append(json.dumps(record))
    exported.write_text("\n".join(fixes) + "\n")
    report = bad.replay(fixed=exported)
    assert report.total.loaded == 1
    assert report.total.quarantined == {"wrong_type:event": 1}
    assert bad.one("SELECT event FROM ls_events WHERE event_id = 'bad-11'") == "login"
    left = bad.sql("SELECT line, item, reason FROM ls_quarantine WHERE line IN (14, 20)")
    assert left == [(20, 1, "wrong_type:event")]


def test_replay_after_config_change(bad):
    # Raise the size limit: the oversized row now passes on replay; the others stay.
    bad.data["ingest"]["max_event_bytes"] = 65536
    bad.write()
    report = bad.replay(reason="oversized")
    assert report.total.loaded == 1
    assert bad.one("SELECT count(*) FROM ls_quarantine WHERE reason = 'oversized'") == 0
    assert bad.one("SELECT count(*) FROM ls_events WHERE event_id = 'bad-2'") == 1
    assert bad.one("SELECT count(*) FROM ls_quarantine") == len(EXPECTED) - 1 + 2 + 6


def test_replay_tabular(bad, tmp_path):
    con = store.connect(str(bad.root / "store.duckdb"))
    try:
        quarantine.export(con, tmp_path / "fix.ndjson", source="outcomes",
                          reason="wrong_type:amount")
    finally:
        con.close()
    record = json.loads((tmp_path / "fix.ndjson").read_text())
    record["raw"]["value"] = "2500"
    (tmp_path / "fix.ndjson").write_text(json.dumps(record) + "\n")
    assert bad.replay(fixed=tmp_path / "fix.ndjson").total.loaded == 1
    assert bad.one("SELECT amount FROM ls_outcomes WHERE ts = '2024-03-02'") == 2500.0


def test_replay_rejects_unknown_ids(bad, tmp_path):
    (tmp_path / "fix.ndjson").write_text('{"id": 99999, "raw": {}}\n')
    with pytest.raises(DataError, match="99999"):
        bad.replay(fixed=tmp_path / "fix.ndjson")
    (tmp_path / "fix.ndjson").write_text('{"raw": {}}\n')
    with pytest.raises(DataError, match=r"fix\.ndjson:1"):
        bad.replay(fixed=tmp_path / "fix.ndjson")
