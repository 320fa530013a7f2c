"""The compiled SQL of both presets in every dialect, checked in as reviewable snapshots: the full
scoring query, and the reason code `score` adds to the lean one.

CI cannot reach Snowflake, BigQuery or Databricks, but rendering SQL needs no connection: any
change to the compiler shows up here as a diff of ``tests/snapshots/<preset>/<dialect>.sql``.
After an intended change, regenerate and review the diff::

    LEADSCORE_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_sql_snapshots.py
"""

from __future__ import annotations

import difflib
import os
import re
from datetime import datetime
from pathlib import Path

import ibis
import pyarrow as pa
import pytest

from leadscore.compile.assemble import compile_scores
from leadscore.compile.reason_codes import reason_codes, with_reason_code
from leadscore.compile.sql import compile_sql
from leadscore.compile.tables import ScoringTables
from leadscore.demo.world import ACCOUNTS_SCHEMA, EVENTS_SCHEMA, PEOPLE_SCHEMA
from tests.scoring_helpers import preset

SNAPSHOTS = Path(__file__).parent / "snapshots"
PRESETS = ("product-led", "sales-led")
DIALECTS = ("duckdb", "postgres", "snowflake", "bigquery", "databricks")
AS_OF = datetime(2026, 3, 1, 12, 0, 0)
UPDATE = os.environ.get("LEADSCORE_UPDATE_SNAPSHOTS") == "1"


def _table(schema: pa.Schema, name: str) -> ibis.Table:
    return ibis.table(ibis.Schema.from_pyarrow(schema), name=name)


def render(name: str, dialect: str) -> str:
    """The full scoring query (every per-rule column) of preset ``name`` in ``dialect``.

    Control characters other than newline and tab are written as ``\\xNN``.
    """
    tables = ScoringTables(_table(PEOPLE_SCHEMA, "people"), _table(ACCOUNTS_SCHEMA, "accounts"),
                           _table(EVENTS_SCHEMA, "events"))
    # The expression a DuckDB engine compiles (its burst form differs; see compile_scores).
    compiled = compile_scores(tables, preset(name), dialect=dialect)
    sql = compile_sql(compiled, dialect, AS_OF, detail=True).rstrip() + "\n"
    # TRIM's whitespace set holds raw \r, \v and \f; show them as escapes so the files stay
    # plain text (git and editors would otherwise rewrite or hide them).
    return re.sub(r"[\x00-\x08\x0b-\x1f]", lambda m: f"\\x{ord(m.group()):02x}", sql)


def render_reason_code(name: str, dialect: str) -> str:
    """The reason code `score` computes (compile/reason_codes.py) over the contributions."""
    model = preset(name)
    layout = reason_codes(model)
    assert layout is not None
    contributions = ibis.table({"person_id": "string",
                                **{column: "float64" for column in layout.columns}},
                               name="scores")
    return ibis.to_sql(with_reason_code(contributions, layout, ["person_id"]),
                       dialect=dialect).rstrip() + "\n"


def _check(path: Path, sql: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != sql:
            path.write_text(sql, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no snapshot {path.relative_to(SNAPSHOTS.parent)}; create it with "
                    "LEADSCORE_UPDATE_SNAPSHOTS=1", pytrace=False)
    expected = path.read_text(encoding="utf-8")
    if sql != expected:
        diff = list(difflib.unified_diff(expected.splitlines(), sql.splitlines(),
                                         f"{path.relative_to(SNAPSHOTS.parent)} (snapshot)",
                                         "compiled now", lineterm="", n=2))
        shown = "\n".join(diff[:300]) + (f"\n… {len(diff) - 300} more lines" if len(diff) > 300
                                         else "")
        pytest.fail(f"the compiled SQL changed; review, then regenerate with "
                    f"LEADSCORE_UPDATE_SNAPSHOTS=1:\n{shown}", pytrace=False)


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name", PRESETS)
def test_compiled_sql_matches_snapshot(name: str, dialect: str) -> None:
    _check(SNAPSHOTS / name / f"{dialect}.sql", render(name, dialect))


@pytest.mark.parametrize("dialect", DIALECTS)
@pytest.mark.parametrize("name", PRESETS)
def test_reason_code_sql_matches_snapshot(name: str, dialect: str) -> None:
    _check(SNAPSHOTS / name / f"reason-code.{dialect}.sql", render_reason_code(name, dialect))


def test_compiling_twice_gives_the_same_sql() -> None:
    assert render("product-led", "postgres") == render("product-led", "postgres")


def test_no_stale_snapshots() -> None:
    expected = {SNAPSHOTS / p / f"{kind}{d}.sql" for p in PRESETS for d in DIALECTS
                for kind in ("", "reason-code.")}
    stale = sorted(str(p.relative_to(SNAPSHOTS)) for p in SNAPSHOTS.rglob("*.sql")
                   if p not in expected)
    assert not stale, f"snapshots without a test (delete them): {stale}"


def test_dialect_regex_flavours_are_in_the_snapshots() -> None:
    # The word boundary of the presets' title rules, per dialect (docs/engines.md).
    assert "\\y(vp|vice president" in (SNAPSHOTS / "product-led" / "postgres.sql").read_text()
    assert "\\b(vp|vice president" in (SNAPSHOTS / "product-led" / "duckdb.sql").read_text()
    assert "'(\\\\b(vp|vice president" in (SNAPSHOTS / "product-led" / "snowflake.sql").read_text()


def test_cached_sql_is_the_rendered_sql_at_every_instant(tmp_path, monkeypatch) -> None:
    # The DuckDB engine caches the SQL text per expression and substitutes the as-of instant:
    # what it runs must be exactly what Ibis renders for that instant, from memory or disk.
    from leadscore.compile import sqlcache
    from leadscore.config import DuckDBEngineConfig
    from leadscore.engines.duckdb import DuckDBEngine

    monkeypatch.setenv("LEADSCORE_CACHE_DIR", str(tmp_path / "cache"))
    engine = DuckDBEngine(DuckDBEngineConfig(), root=tmp_path)
    try:
        for name, schema in (("people", PEOPLE_SCHEMA), ("accounts", ACCOUNTS_SCHEMA),
                             ("events", EVENTS_SCHEMA)):
            engine.con.create_table(f"src_{name}", schema=ibis.Schema.from_pyarrow(schema))
        tables = ScoringTables(*(engine.con.table(f"src_{n}")
                                 for n in ("people", "accounts", "events")))
        for detail in (False, True):
            compiled = compile_scores(tables, preset("product-led"), detail=detail)
            for as_of in (AS_OF, datetime(2026, 5, 5, 23, 59, 59, 250000)):
                params = compiled.params(as_of)
                expected = engine._render(compiled.expr, params)
                assert engine.sql(compiled.expr, params) == expected  # rendered, then cached
                sqlcache._MEMORY.clear()
                assert engine.sql(compiled.expr, params) == expected  # from the disk cache
        assert len(list((tmp_path / "cache").glob("*.sql"))) == 2
        again = compile_scores(tables, preset("product-led"), detail=False)
        assert sqlcache.fingerprint(again.expr) == sqlcache.fingerprint(
            compile_scores(tables, preset("product-led"), detail=False).expr)
        assert sqlcache.fingerprint(again.expr) != sqlcache.fingerprint(
            compile_scores(tables, preset("sales-led"), detail=False).expr)
    finally:
        engine.close()
