"""Files loaded into PostgreSQL (and results written to it) with COPY keep every value:
NULL apart from empty text, quotes, commas and newlines in text, timestamps to the microsecond,
zone-aware instants, dates, booleans, integers, floats and dictionary-encoded text."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from leadscore.config import SourceConfig
from leadscore.engines.registry import open_engine
from tests.engines.conftest import IN_CI, postgres_config

TEXT = ["plain", "", None, 'quote " and, comma', "line\nbreak", "ünïcode ✓", "\\N", "  padded "]
ROWS = pa.table({
    "person_id": pa.array([f"p{i}" for i in range(len(TEXT))]),
    "text": pa.array(TEXT, pa.string()),
    "ts": pa.array([datetime(2026, 1, 5, 10, 0, 0, 123456), None, datetime(1999, 12, 31),
                    datetime(2026, 3, 1, 23, 59, 59), None, datetime(2026, 1, 1), None,
                    datetime(2030, 6, 30, 12)], pa.timestamp("us")),
    "at": pa.array([datetime(2026, 1, 5, 9, tzinfo=UTC)] * len(TEXT), pa.timestamp("us", "UTC")),
    "day": pa.array([date(2026, 1, 5), None] * (len(TEXT) // 2), pa.date32()),
    "flag": pa.array([True, False, None, True, False, None, True, False]),
    "n": pa.array([0, -1, None, 2**40, 7, 8, 9, 10], pa.int64()),
    "x": pa.array([0.1, -2.5, None, 1e300, 1 / 3, 0.0, 15.0, 7.25]),
    "label": pa.array(["a", "b", "a", None, "b", "a", "a", "b"]).dictionary_encode(),
})


@pytest.fixture(scope="module")
def postgres(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("pg-load")
    try:
        engine = open_engine(postgres_config(), root=root)
    except Exception as exc:
        if IN_CI or os.environ.get("LEADSCORE_ENGINES", "").count("postgres"):
            pytest.fail(f"PostgreSQL is not available: {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL is not available: {exc}")
    yield engine, root
    engine.close()


def _expected() -> list[dict]:
    rows = ROWS.to_pylist()
    for row in rows:  # PostgreSQL reads an instant back in UTC
        row["at"] = row["at"].astimezone(UTC)
    return rows


def _back(engine, name: str) -> list[dict]:
    rows = engine.execute(engine.con.table(name).order_by("person_id")).to_pylist()
    for row in rows:
        if row["at"] is not None:
            row["at"] = row["at"].astimezone(UTC)
    return rows


def test_a_file_source_is_loaded_value_for_value(postgres) -> None:
    engine, root = postgres
    pq.write_table(ROWS, Path(root) / "rows.parquet")
    table = engine.read("people", SourceConfig(path="rows.parquet"))
    assert set(table.columns) >= set(ROWS.column_names)
    assert _back(engine, "leadscore_src_people") == _expected()


def test_results_are_written_value_for_value(postgres) -> None:
    engine, _ = postgres
    engine.write_table("leadscore_test_written", ROWS)
    engine.write_table("leadscore_test_written", ROWS.slice(0, 3))  # replaced, not appended
    assert _back(engine, "leadscore_test_written") == _expected()[:3]
    engine.write_table("leadscore_test_written", ROWS.slice(0, 0))
    assert engine.execute(engine.con.table("leadscore_test_written")).num_rows == 0
    with engine.con.begin() as cursor:  # the server is shared by every test run
        cursor.execute('DROP TABLE "leadscore_test_written"')
