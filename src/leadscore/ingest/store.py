"""The ingest store: canonical ``ls_*`` tables in the project's DuckDB database.

=====================  ===========================================================================
``ls_events``          one row per event id (track / page / screen calls and their equivalents)
``ls_identities``      identity edges: identify / alias / link (``anonymous_id → user_id``) and
                       group (``user_id → group_id``), each with the instant it was observed
``ls_people_records``  every person record seen (CRM rows, identify traits), kept for rebuilds
``ls_account_records`` every account record seen (CRM rows, group traits)
``ls_people``          rebuilt after each ingest: one row per person, merged by email
``ls_person_ids``      rebuilt: every known user / record id → its merged ``person_id``
``ls_accounts``        rebuilt: one row per account
``ls_outcomes``        outcomes (opportunity created, closed won / lost …), de-duplicated
``ls_quarantine``      rows that could not be loaded, with source, file, line and reason
``ls_ingest_files``    every file read (size, mtime, sha256, counts): incremental re-runs
=====================  ===========================================================================
"""

from __future__ import annotations

import duckdb

from leadscore.sqltext import ident, text_literal  # noqa: F401 - re-exported

TYPES = {"string": "VARCHAR", "integer": "BIGINT", "double": "DOUBLE", "boolean": "BOOLEAN",
         "timestamp": "TIMESTAMP"}
"""Property types of ``ingest.properties`` → DuckDB column types."""

DDL = """
CREATE SEQUENCE IF NOT EXISTS ls_quarantine_seq;
CREATE TABLE IF NOT EXISTS ls_events (
    event_id VARCHAR, person_id VARCHAR, user_id VARCHAR, anonymous_id VARCHAR,
    event VARCHAR, ts TIMESTAMP, type VARCHAR, name VARCHAR, properties JSON,
    source VARCHAR, file VARCHAR, line BIGINT, loaded_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS ls_identities (
    event_id VARCHAR, kind VARCHAR, anonymous_id VARCHAR, user_id VARCHAR, raw_user_id VARCHAR,
    group_id VARCHAR, ts TIMESTAMP, source VARCHAR, file VARCHAR, line BIGINT);
CREATE TABLE IF NOT EXISTS ls_people_records (
    record_hash VARCHAR, source VARCHAR, record_id VARCHAR, email VARCHAR, account_id VARCHAR,
    created_at TIMESTAMP, ts TIMESTAMP, attrs JSON, file VARCHAR, line BIGINT);
CREATE TABLE IF NOT EXISTS ls_account_records (
    record_hash VARCHAR, source VARCHAR, account_id VARCHAR, domain VARCHAR, ts TIMESTAMP,
    attrs JSON, file VARCHAR, line BIGINT);
CREATE TABLE IF NOT EXISTS ls_outcomes (
    outcome_key VARCHAR, person_id VARCHAR, source_person_id VARCHAR, account_id VARCHAR,
    outcome VARCHAR, ts TIMESTAMP, amount DOUBLE, source VARCHAR, file VARCHAR, line BIGINT);
CREATE TABLE IF NOT EXISTS ls_quarantine (
    id BIGINT DEFAULT nextval('ls_quarantine_seq'), source VARCHAR, format VARCHAR,
    file VARCHAR, line BIGINT, item INTEGER, reason VARCHAR, raw VARCHAR,
    quarantined_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS ls_ingest_files (
    source VARCHAR, file VARCHAR, size BIGINT, mtime DOUBLE, sha256 VARCHAR, rows_read BIGINT,
    loaded BIGINT, duplicates BIGINT, quarantined BIGINT, ingested_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS ls_person_ids (alias_id VARCHAR, person_id VARCHAR);
"""


def connect(path: str) -> duckdb.DuckDBPyConnection:
    """Open the store (a DuckDB file or ``:memory:``), in UTC, with every table created."""
    con = duckdb.connect(path)
    con.execute("SET TimeZone = 'UTC'")
    con.execute(DDL)
    return con


def ensure_properties(con: duckdb.DuckDBPyConnection, properties: dict[str, str]) -> list[str]:
    """Add a typed ``ls_events`` column per promoted property; back-fill new ones.

    Returns the names of the columns added now.
    """
    existing = {r[0] for r in con.execute(
        "SELECT column_name FROM duckdb_columns() WHERE table_name = 'ls_events'").fetchall()}
    added = []
    for name, kind in properties.items():
        if name in existing:
            continue
        sql_type = TYPES[kind]
        con.execute(f'ALTER TABLE ls_events ADD COLUMN "{name}" {sql_type}')
        value = cast_sql(json_text("properties", name), kind)
        con.execute(f'UPDATE ls_events SET "{name}" = {value} '
                    f"WHERE {json_text('properties', name)} IS NOT NULL")
        added.append(name)
    return added


def json_text(column: str, key: str) -> str:
    """SQL: the text of ``column.key`` (a JSON object column), NULL when absent or null."""
    path = "$." + '"' + key.replace('"', '\\"') + '"'
    return f"json_extract_string({column}, {quote(path)})"


def cast_sql(expr: str, kind: str) -> str:
    """SQL: ``expr`` (text) as a property type, NULL when it does not convert."""
    if kind == "timestamp":
        return f"CAST(try_cast({expr} AS TIMESTAMPTZ) AS TIMESTAMP)"
    if kind == "boolean":
        return (f"CASE lower({expr}) WHEN 'true' THEN true WHEN 'false' THEN false "
                f"WHEN '1' THEN true WHEN '0' THEN false END")
    return f"try_cast({expr} AS {TYPES[kind]})"


quote = text_literal
"""A SQL string literal (ingest's SQL is built as text; see :mod:`leadscore.sqltext`)."""
