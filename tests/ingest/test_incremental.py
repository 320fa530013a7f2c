"""Incremental, idempotent ingest and de-duplication across files and sources."""

import shutil

from tests.ingest.conftest import CRM, SEGMENT


def test_reingest_loads_nothing_twice(make_project):
    proj = make_project([SEGMENT, *CRM])
    first = proj.ingest()
    tables = ("ls_events", "ls_identities", "ls_people", "ls_accounts", "ls_outcomes",
              "ls_people_records", "ls_account_records")
    before = {t: proj.one(f"SELECT count(*) FROM {t}") for t in tables}
    second = proj.ingest()
    assert first.total.loaded > 0
    assert second.total.read == 0 and second.total.loaded == 0
    assert all(s.skipped == s.files + s.skipped for s in second.sources)
    assert {t: proj.one(f"SELECT count(*) FROM {t}") for t in tables} == before


def test_new_files_append_and_copies_are_skipped(make_project):
    proj = make_project([SEGMENT])
    proj.ingest()
    events = proj.one("SELECT count(*) FROM ls_events")
    shutil.copy(proj.root / "segment" / "web-2024-03-10.ndjson",
                proj.root / "segment" / "copy-of-web.ndjson")       # same content
    (proj.root / "segment" / "web-2024-03-11.ndjson").write_text(
        '{"type": "track", "messageId": "seg-100", "userId": "u-3", "event": "login", '
        '"timestamp": "2024-03-11T09:00:00Z"}\n'
        '{"type": "track", "messageId": "seg-016", "userId": "u-3", "event": "demo_requested", '
        '"timestamp": "2024-03-10T09:05:00Z"}\n')
    report = proj.ingest()
    web = report.sources[0]
    assert (web.files, web.skipped) == (1, 4)
    assert (web.counts.read, web.counts.loaded, web.counts.duplicates) == (2, 1, 1)
    assert proj.one("SELECT count(*) FROM ls_events") == events + 1


def test_dedup_across_sources(make_project):
    # The same event ids arrive from the Segment export and from a warehouse CSV copy.
    proj = make_project([SEGMENT])
    (proj.root / "warehouse").mkdir()
    (proj.root / "warehouse" / "tracks.csv").write_text(
        "id,user_id,event,timestamp\n"
        "seg-013,u-3,pricing_page_viewed,2024-03-03T10:00:00Z\n"
        "seg-200,u-3,login,2024-03-12T10:00:00Z\n")
    proj.data["ingest"]["sources"].append(
        {"name": "warehouse", "format": "csv", "kind": "events", "path": "warehouse/*.csv",
         "columns": {"event_id": "id", "person_id": "user_id", "event": "event",
                     "ts": "timestamp"}})
    proj.write()
    report = proj.ingest()
    warehouse = next(s for s in report.sources if s.name == "warehouse").counts
    assert (warehouse.read, warehouse.loaded, warehouse.duplicates) == (2, 1, 1)
    assert proj.one("SELECT count(*) FROM ls_events WHERE event_id = 'seg-013'") == 1
    assert proj.one("SELECT source FROM ls_events WHERE event_id = 'seg-013'") == "web"


def test_table_sources_are_idempotent(make_project):
    import duckdb

    proj = make_project([])
    con = duckdb.connect(str(proj.root / "store.duckdb"))
    con.execute("CREATE TABLE crm_contacts AS SELECT * FROM (VALUES ('T-1', 't1@initech.com', "
                "'CEO'), ('T-2', NULL, 'Intern')) t(contact_id, email, title)")
    con.close()
    proj.data["ingest"]["sources"] = [
        {"name": "crm", "format": "duckdb_table", "kind": "people", "table": "crm_contacts",
         "columns": {"person_id": "contact_id"}}]
    proj.write()
    assert proj.ingest().total.loaded == 2
    again = proj.ingest().total
    assert (again.read, again.loaded, again.duplicates) == (2, 0, 2)
    assert proj.sql("SELECT person_id, title, account_id FROM ls_people ORDER BY 1") == \
        [("T-1", "CEO", "initech.com"), ("T-2", "Intern", None)]
