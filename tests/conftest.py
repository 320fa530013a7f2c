"""Suite-wide fixtures: a private compiled-SQL cache (never ~/.cache) and a DuckDB connection."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_sql_cache(tmp_path_factory: pytest.TempPathFactory):
    """Keep the SQL cache of the test run out of the user's home (and fresh every run)."""
    previous = os.environ.get("LEADSCORE_CACHE_DIR")
    os.environ["LEADSCORE_CACHE_DIR"] = str(tmp_path_factory.mktemp("sql-cache"))
    yield
    if previous is None:
        os.environ.pop("LEADSCORE_CACHE_DIR", None)
    else:
        os.environ["LEADSCORE_CACHE_DIR"] = previous


@pytest.fixture(scope="module")
def con():
    """An in-memory DuckDB connection through Ibis, shared by a module's tests."""
    import ibis

    connection = ibis.duckdb.connect()
    yield connection
    connection.disconnect()
