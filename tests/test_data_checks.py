"""Checks against the data: repeated ids are refused (naming the ids); event names are looked up
only as far as validation needs them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from leadscore.errors import DataError
from leadscore.project import Project
from leadscore.scaffold import init_project, preset_names, preset_text
from leadscore.spec.loader import load_model_text
from leadscore.spec.semantic import DataSchema, check_against_data, events_read

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


@pytest.mark.parametrize("preset", preset_names())
def test_events_read_are_exactly_the_names_validation_looks_up(preset: str) -> None:
    # Project.event_names asks the data only about events_read(model): a name validation looked
    # up outside that set would be reported missing although it occurs.
    model = load_model_text(preset_text(preset)).model
    read = events_read(model)

    def unknown_events(names: frozenset[str]) -> list[str]:
        schema = DataSchema(people=frozenset(), event_names=names)
        return [d.message for d in check_against_data(model, schema) if d.code == "LS300"]

    assert unknown_events(read) == []  # champion-movement reads no event at all
    for name in read:
        assert any(f"'{name}'" in message for message in unknown_events(read - {name})), name


def test_event_names_are_read_in_full_only_when_one_is_missing(tmp_path: Path) -> None:
    init_project(tmp_path, people=400, end=END)
    in_data = set(pq.read_table(tmp_path / "data" / "events.parquet")["event"].to_pylist())
    project = Project.load(tmp_path)
    try:
        read = events_read(project.loaded.model)
        assert read < in_data  # the demo world emits events the model does not read
        assert project.event_names == read
    finally:
        project.close()
    model = tmp_path / "model.yaml"
    model.write_text(model.read_text().replace("event: teammate_invited",
                                               "event: teammate_invite"))
    project = Project.load(tmp_path)
    try:
        assert project.event_names == in_data  # every name, for "did you mean"
        hints = [d.hint for d in project.validate() if d.code == "LS300"]
        assert hints == ["did you mean 'teammate_invited'?"]
    finally:
        project.close()
