"""docs/lifecycle.md is executable: its worked example is recorded and asserted, its Python runs.

Markers (one-line HTML comments before a block or table): ``<!-- lifecycle-example: model -->``
before the model, ``runs`` before a table of ``as_of`` and one column per person (cells: status
or empty), ``transitions`` before the expected transitions (``as_of | entity_id | kind |
status``) and ``status_dates`` before the expected :func:`leadscore.lifecycle.status_dates`.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from datetime import datetime
from pathlib import Path

import pyarrow as pa
import pytest

from leadscore import lifecycle
from leadscore.project import Project, ScoreResult
from leadscore.spec.fingerprint import logic_hash

PAGE = Path(__file__).parent.parent / "docs" / "lifecycle.md"
TEXT = PAGE.read_text(encoding="utf-8")


def _after_marker(name: str) -> str:
    match = re.search(rf"<!-- lifecycle-example: {name} -->\n(.*?)(?:\n\n|\Z)", TEXT, re.S)
    assert match, f"docs/lifecycle.md has no <!-- lifecycle-example: {name} --> block"
    return match.group(1)


def _table(name: str) -> list[dict[str, str | None]]:
    lines = [line for line in _after_marker(name).splitlines() if line.startswith("|")]
    rows = [[c.strip() or None for c in line.strip().strip("|").split("|")] for line in lines]
    header, body = rows[0], rows[2:]  # rows[1] is the |---| line
    return [dict(zip(header, row, strict=True)) for row in body]


def _instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def test_the_worked_example_records_as_documented(tmp_path: Path) -> None:
    model = _after_marker("model").removeprefix("```yaml\n").removesuffix("\n```")
    (tmp_path / "model.yaml").write_text(model + "\n", encoding="utf-8")
    (tmp_path / "leadscore.yaml").write_text(
        "name: doc\nengine: {type: duckdb, path: ':memory:'}\n"
        "sources:\n  people: {path: people.csv}\n", encoding="utf-8")
    (tmp_path / "people.csv").write_text("person_id\nana\n", encoding="utf-8")
    project = Project.load(tmp_path)
    try:
        model_obj = project.loaded.model
        assert any(s.cooldown for s in model_obj.statuses), "the example shows a cooldown"
        runs = _table("runs")
        for run in runs:
            people = [k for k in run if k != "as_of"]
            table = pa.table({"person_id": people, "fit": [0.0] * len(people),
                              "behavior": [0.0] * len(people), "total": [0.0] * len(people),
                              "status": pa.array([run[p] for p in people], pa.string())})
            lifecycle.record_run(project, ScoreResult(table, _instant(run["as_of"]),
                                                      logic_hash(model_obj), model_obj.name, 0))
        assert len({r["as_of"] for r in runs}) < len(runs), "the example shows a re-run"
        got = [{"as_of": r["as_of"], "entity_id": r["entity_id"], "kind": r["kind"],
                "status": r["status"]} for r in lifecycle.transitions(project).to_pylist()]
        expected = [{**r, "as_of": _instant(r["as_of"])} for r in _table("transitions")]
        assert got == expected
        dates = lifecycle.status_dates(project).to_pylist()
        expected_dates = [{k: (_instant(v) if k.endswith("_date") else v) for k, v in r.items()}
                          for r in _table("status_dates")]
        assert dates == expected_dates
    finally:
        project.close()


def test_the_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = re.findall(r"```python\n(.*?)```", TEXT, re.S)
    assert len(blocks) == 1
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()) as out:
        exec(compile(blocks[0], str(PAGE), "exec"), namespace)  # our own page
    assert out.getvalue().count("entered,") == 3
    assert namespace["again"].replaced
    assert "entity_id" in namespace["dates"].column_names
    assert os.path.exists("acme/leadscore.duckdb")
