"""Helpers for the ingest tests: a project folder per test, ingested with a fixed clock.

Fixture files under ``fixtures/`` are hand-written from each vendor's documented shape; the
doc URLs are in ``fixtures/README.md`` and in each format module's docstring.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from ruamel.yaml import YAML

from leadscore.config import load_config
from leadscore.ingest.run import ingest, replay

FIXTURES = Path(__file__).parent / "fixtures"
NOW = datetime(2024, 4, 1, 12, 0)

CRM = [
    {"name": "contacts", "format": "csv", "kind": "people", "path": "crm/hubspot-contacts.csv",
     "columns": {"person_id": "Record ID", "email": "Email", "title": "Job Title",
                 "created_at": "Create Date", "account_id": "Associated Company ID"}},
    {"name": "companies", "format": "csv", "kind": "accounts",
     "path": "crm/hubspot-companies.csv",
     "columns": {"account_id": "Record ID", "domain": "Company Domain Name",
                 "employees": "Number of Employees"}},
    {"name": "opportunities", "format": "csv", "kind": "outcomes",
     "path": "crm/salesforce-opportunities.csv",
     "columns": {"outcome_id": "Opportunity ID", "person_id": "Contact ID",
                 "account_id": "Account ID", "outcome": "Stage", "created_at": "Created Date",
                 "ts": "Close Date", "amount": "Amount"}},
]
SEGMENT = {"name": "web", "format": "segment", "path": "segment/*"}


class Proj:
    """A project folder with copied fixtures, a ``leadscore.yaml`` and its store."""

    def __init__(self, root: Path, sources: list[dict], **ingest_extra) -> None:
        self.root = root
        shutil.copytree(FIXTURES, root, dirs_exist_ok=True)
        self.data = {"name": "ingest-test", "engine": {"path": "store.duckdb"},
                     "ingest": {"properties": {"duration_s": "double", "logged_in": "boolean"},
                                "sources": sources, **ingest_extra}}
        self.write()

    def write(self) -> None:
        """(Re)write leadscore.yaml from ``self.data``."""
        with (self.root / "leadscore.yaml").open("w") as out:
            YAML().dump(self.data, out)

    @property
    def config(self):
        return load_config(self.root / "leadscore.yaml")

    def ingest(self, now: datetime = NOW, **kwargs):
        return ingest(self.config, self.root, now=now, **kwargs)

    def replay(self, now: datetime = NOW, **kwargs):
        return replay(self.config, self.root, now=now, **kwargs)

    def sql(self, query: str, params: list | None = None) -> list[tuple]:
        con = duckdb.connect(str(self.root / "store.duckdb"), read_only=True)
        try:
            return con.execute(query, params or []).fetchall()
        finally:
            con.close()

    def one(self, query: str, params: list | None = None):
        rows = self.sql(query, params)
        assert len(rows) == 1, rows
        return rows[0][0] if len(rows[0]) == 1 else rows[0]


@pytest.fixture
def make_project(tmp_path):
    def make(sources: list[dict], **extra) -> Proj:
        return Proj(tmp_path / "project", sources, **extra)
    return make


@pytest.fixture(scope="module")
def segment_project(tmp_path_factory) -> Proj:
    """The Segment fixtures ingested once (read-only use)."""
    proj = Proj(tmp_path_factory.mktemp("seg") / "project", [SEGMENT])
    proj.report = proj.ingest()
    return proj


@pytest.fixture(scope="module")
def crm_project(tmp_path_factory) -> Proj:
    """Segment + CRM fixtures ingested once (read-only use)."""
    proj = Proj(tmp_path_factory.mktemp("crm") / "project", [SEGMENT, *CRM])
    proj.report = proj.ingest()
    return proj
