"""User mistakes at ingest end in a clear DataError, and replay never quarantines a row twice."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from leadscore.config import load_config
from leadscore.errors import DataError
from leadscore.ingest.run import ingest, replay

PROJECT = """\
engine: {{type: duckdb, path: leadscore.duckdb}}
ingest:
  sources:
    - {{name: crm, format: {fmt}, kind: people, path: {path}, columns: {columns}}}
"""


def _project(root: Path, fmt: str, path: str, columns: str) -> Path:
    (root / "leadscore.yaml").write_text(PROJECT.format(fmt=fmt, path=path, columns=columns))
    return root / "leadscore.yaml"


def test_non_utf8_event_file_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "bad.ndjson").write_bytes(b'{"type": "track", "event": "\xff\xfe"}\n')
    (tmp_path / "leadscore.yaml").write_text(
        "engine: {type: duckdb, path: leadscore.duckdb}\ningest:\n  sources:\n"
        "    - {name: web, format: segment, path: bad.ndjson}\n")
    with pytest.raises(DataError, match=r"cannot read .*bad\.ndjson as lines of text"):
        ingest(load_config(tmp_path / "leadscore.yaml"), tmp_path)


def test_mapping_onto_an_existing_column_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("Id,industry,Industry Name\n1,a,b\n")
    config = _project(tmp_path, "csv", "people.csv",
                      "{person_id: Id, industry: Industry Name}")
    with pytest.raises(DataError, match="maps 'Industry Name' to 'industry', but the data "
                                        "already has a column 'industry'"):
        ingest(load_config(config), tmp_path)


def test_unmapped_id_is_a_data_error(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("Id,Email\n1,a@acme.io\n")
    config = _project(tmp_path, "csv", "people.csv", "{email: Email}")
    with pytest.raises(DataError, match="no person_id column: map one with `columns:`"):
        ingest(load_config(config), tmp_path)


def test_replay_of_still_bad_parquet_rows_keeps_one_row_each(tmp_path: Path) -> None:
    table = pa.table({"Id": pa.array([1, None, None], pa.int64()),
                      "Seats": pa.array([3, 4, 5], pa.int64())})
    pq.write_table(table, tmp_path / "people.parquet")
    config = load_config(_project(tmp_path, "parquet", "people.parquet", "{person_id: Id}"))
    ingest(config, tmp_path)

    def quarantined() -> int:
        con = duckdb.connect(str(tmp_path / "leadscore.duckdb"))
        try:
            return con.execute("SELECT count(*) FROM ls_quarantine").fetchone()[0]
        finally:
            con.close()

    assert quarantined() == 2
    replay(config, tmp_path)
    replay(config, tmp_path)
    assert quarantined() == 2
