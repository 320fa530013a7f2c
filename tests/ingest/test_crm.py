"""CRM exports with their own column names: contacts, companies, opportunities; PostgreSQL."""

import os
from datetime import datetime

import pytest


def test_contacts_and_companies(crm_project):
    row = crm_project.one("SELECT email, title, created_at, \"Lifecycle Stage\", \"First Name\" "
                          "FROM ls_people WHERE person_id = 'C-200'")
    assert row == ("erin@globex.io", "CTO", datetime(2024, 2, 20, 14, 30),
                   "marketingqualifiedlead", "Erin")
    assert crm_project.sql("SELECT account_id, domain, employees, \"Company name\" "
                           "FROM ls_accounts WHERE account_id LIKE 'H-%' ORDER BY 1") == \
        [("H-1", "acme.com", 120, "Acme Inc"), ("H-2", "globex.io", 45, "Globex")]


def test_opportunities(crm_project):
    rows = crm_project.sql("SELECT person_id, account_id, outcome, ts, amount FROM ls_outcomes "
                           "ORDER BY person_id, ts")
    assert rows == [
        ("C-100", "H-1", "opportunity_created", datetime(2024, 3, 5), None),
        ("C-100", "H-1", "closed_won", datetime(2024, 3, 20), 12000.0),
        ("C-200", "H-2", "opportunity_created", datetime(2024, 3, 6), None),
        ("C-200", "H-2", "closed_lost", datetime(2024, 3, 25), 5000.5),
        # an open opportunity: its close date is a forecast, not an outcome
        ("C-300", None, "opportunity_created", datetime(2024, 3, 7), None),
    ]


def _dsn() -> str:
    return os.environ.get("LEADSCORE_PG_DSN", "postgresql://postgres@127.0.0.1:5432/postgres")


def test_postgres_table(make_project):
    psycopg = pytest.importorskip("psycopg")
    try:
        pg = psycopg.connect(_dsn(), connect_timeout=3, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL at {_dsn()}: {exc}")
    with pg:
        pg.execute("DROP TABLE IF EXISTS ingest_test_contacts")
        pg.execute("CREATE TABLE ingest_test_contacts (id text, email text, signed_up timestamptz)")
        pg.execute("INSERT INTO ingest_test_contacts VALUES ('P-1', 'pat@umbrella.com', "
                   "'2024-03-01 10:00+02'), (NULL, 'x@y.com', now())")
        try:
            proj = make_project([{"name": "pg", "format": "postgres_table", "kind": "people",
                                  "table": "ingest_test_contacts", "options": {"dsn": _dsn()},
                                  "columns": {"person_id": "id", "created_at": "signed_up"}}])
            report = proj.ingest()
        finally:
            pg.execute("DROP TABLE ingest_test_contacts")
    assert (report.total.loaded, report.total.quarantined) == (1, {"missing_id": 1})
    assert proj.one("SELECT created_at || ' ' || account_id FROM ls_people") == \
        "2024-03-01 08:00:00 umbrella.com"


def test_postgres_unreachable(make_project):
    from leadscore.errors import DataError

    proj = make_project([{"name": "pg", "format": "postgres_table", "kind": "people",
                          "table": "contacts",
                          "options": {"dsn": "postgresql://nobody@127.0.0.1:1/none"}}])
    with pytest.raises(DataError, match="source 'pg': cannot read PostgreSQL table 'contacts'"):
        proj.ingest()
