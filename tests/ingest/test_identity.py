"""Identity resolution: anonymous → user (point-in-time), person → account, merge by email."""

from datetime import datetime

import ibis
import pytest

from leadscore.compile.identity import resolve
from leadscore.compile.tables import ScoringTables, normalise
from leadscore.ingest.domains import maintained_personal_domains


def _resolved(project, as_of: datetime) -> dict[str, str | None]:
    """Event id → person, resolved as of ``as_of`` with the compile-layer expression."""
    con = ibis.duckdb.connect(str(project.root / "store.duckdb"), read_only=True)
    try:
        events, identities = con.table("ls_events"), con.table("ls_identities")
        param = ibis.param("timestamp")
        expr = resolve(events, identities, param).select("event_id", "person_id")
        rows = con.to_pyarrow(expr, params={param: as_of}).to_pylist()
        return {r["event_id"]: r["person_id"] for r in rows}
    finally:
        con.disconnect()


def test_anonymous_events_merge_once_identified(segment_project):
    # a-1 browsed (09:00, 09:05), then identified as u-1 at 10:00 on 2024-03-01.
    before = _resolved(segment_project, datetime(2024, 3, 1, 9, 30))
    after = _resolved(segment_project, datetime(2024, 3, 1, 10, 0))
    assert before["seg-001"] is None and before["seg-002"] is None
    assert after["seg-001"] == "u-1" and after["seg-002"] == "u-1"


def test_late_identify_does_not_apply_before_it(segment_project):
    # a-2 read the blog on 03-03 and was identified as u-3 only on 03-10.
    assert _resolved(segment_project, datetime(2024, 3, 5))["seg-014"] is None
    assert _resolved(segment_project, datetime(2024, 3, 10, 9))["seg-014"] == "u-3"


def test_hook_in_normalise(segment_project):
    con = ibis.duckdb.connect(str(segment_project.root / "store.duckdb"), read_only=True)
    try:
        tables = ScoringTables(people=con.table("ls_people"), events=con.table("ls_events"),
                               identities=con.table("ls_identities"))
        param = ibis.param("timestamp")
        with_as_of = normalise(tables, param).events
        without = normalise(tables).events
        early = con.to_pyarrow(with_as_of, params={param: datetime(2024, 3, 5)})
        late = con.to_pyarrow(with_as_of, params={param: datetime(2024, 3, 11)})
        plain = con.to_pyarrow(without)
    finally:
        con.disconnect()
    assert "seg-014" not in early["event_id"].to_pylist()      # still anonymous
    assert "seg-014" in late["event_id"].to_pylist()
    assert "seg-001" not in plain["event_id"].to_pylist()      # no as-of: anonymous stays out


def test_person_to_account(segment_project):
    accounts = dict(segment_project.sql("SELECT person_id, account_id FROM ls_people"))
    assert accounts["u-1"] == "acc-acme"      # group call
    assert accounts["u-3"] == "acc-acme"      # email domain = the group's domain (normalised)
    assert accounts["u-5"] == "globex.io"     # company domain without an account record
    assert accounts["u-2"] is None            # bob@gmail.com: personal domain
    assert accounts["u-4"] is None            # dave@gmail.com: never grouped with bob


def test_personal_domain_list():
    listed = maintained_personal_domains()
    for domain in ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com",
                   "proton.me", "protonmail.com"):
        assert domain in listed


def test_project_personal_domains(make_project):
    proj = make_project([{"name": "web", "format": "segment", "path": "segment/*"}],
                        personal_domains=["globex.io"])
    proj.ingest()
    assert proj.one("SELECT account_id FROM ls_people WHERE person_id = 'u-5'") is None


def test_merge_by_email(crm_project):
    # HubSpot contact C-100 (alice@acme.com, created 02-15) and Segment user u-1
    # (Alice@Acme.com) are one person; the id seen first wins.
    assert crm_project.one("SELECT person_id FROM ls_person_ids WHERE alias_id = 'u-1'") == "C-100"
    assert crm_project.sql("SELECT DISTINCT person_id FROM ls_events WHERE user_id = 'u-1'") == \
        [("C-100",)]
    row = crm_project.one("SELECT count(*), any_value(title), any_value(account_id), "
                          "any_value(name) FROM ls_people WHERE email = 'alice@acme.com'")
    assert row == (1, "VP Marketing", "H-1", "Alice Smith")  # CRM account id wins
    assert crm_project.one("SELECT user_id FROM ls_identities WHERE event_id = 'seg-003'") == \
        "C-100"


@pytest.mark.parametrize(("person", "account"), [("C-200", "H-2"), ("C-300", None)])
def test_crm_accounts_by_domain(crm_project, person, account):
    # erin@globex.io → the HubSpot company whose domain is www.globex.io; heidi@hotmail.com → none
    assert crm_project.one("SELECT account_id FROM ls_people WHERE person_id = ?",
                           [person]) == account
