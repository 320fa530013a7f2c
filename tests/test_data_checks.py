"""Scoring refuses people or accounts whose id is on several rows, naming the ids."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from leadscore.errors import DataError
from leadscore.project import Project
from leadscore.scaffold import init_project

END = datetime(2026, 3, 1)


def _duplicate_first_row(path: Path, times: int = 1) -> str:
    table = pq.read_table(path)
    pq.write_table(pa.concat_tables([table] + [table.slice(0, 1)] * times), path)
    return table.column(0)[0].as_py()


@pytest.mark.parametrize(("source", "column"), [("people", "person_id"),
                                                ("accounts", "account_id")])
def test_duplicate_ids_are_refused_with_examples(tmp_path: Path, source: str,
                                                 column: str) -> None:
    init_project(tmp_path, people=30, end=END)
    repeated = _duplicate_first_row(tmp_path / "data" / f"{source}.parquet", times=2)
    project = Project.load(tmp_path)
    try:
        with pytest.raises(DataError) as error:
            project.score(as_of=END)
    finally:
        project.close()
    message = str(error.value)
    assert f"1 {column} value(s) appear on more than one row, e.g. '{repeated}' (3 rows)" in \
        message
    assert "deduplicate" in message and error.value.exit_code == 1


def test_unique_ids_score(tmp_path: Path) -> None:
    init_project(tmp_path, people=30, end=END)
    project = Project.load(tmp_path)
    try:
        assert project.score(as_of=END).table.num_rows == 30
    finally:
        project.close()
