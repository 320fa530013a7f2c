"""docs/ingest.md runs: its project files parse, its worked example ingests as printed."""

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from leadscore.config import ProjectConfig
from leadscore.ingest.reasons import REASONS
from tests.ingest.test_cli import app

PAGE = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"
FENCE = re.compile(r"(?:<!--\s*(?P<marker>[^>]*?)\s*-->\n)?```(?P<lang>\w*)\n(?P<body>.*?)```",
                   re.S)


def table_after(marker: str) -> list[list[str]]:
    """Body rows of the markdown table right after ``<!-- marker -->``."""
    lines = PAGE.read_text(encoding="utf-8").split(f"\n<!-- {marker} -->\n", 1)[1].strip()
    rows = []
    for line in lines.splitlines():
        if not line.startswith("|"):
            break
        rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows[2:]


def blocks() -> list[tuple[str, str, str]]:
    """(marker, language, body) of every fenced block."""
    text = PAGE.read_text(encoding="utf-8")
    return [(m["marker"] or "", m["lang"], m["body"]) for m in FENCE.finditer(text)]


def test_every_yaml_block_is_a_project_file():
    yaml_blocks = [body for _, lang, body in blocks() if lang == "yaml"]
    assert len(yaml_blocks) >= 2
    for body in yaml_blocks:
        ProjectConfig.model_validate(YAML(typ="safe").load(body))


def test_worked_example(tmp_path):
    expected_output = None
    for marker, _, body in blocks():
        if marker.startswith("file:"):
            target = tmp_path / marker.removeprefix("file:").strip()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body)
        elif marker == "ingest-example":
            (tmp_path / "leadscore.yaml").write_text(body)
        elif marker == "expect-output":
            expected_output = body.strip()
    quarantine_rows = [tuple(row) for row in table_after("expect-quarantine")]
    result = CliRunner().invoke(app, ["ingest", "-p", str(tmp_path)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for line in expected_output.splitlines():
        assert line.strip() in result.output
    import duckdb

    con = duckdb.connect(str(tmp_path / "leadscore.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT source, line, reason FROM ls_quarantine ORDER BY line"
                           ).fetchall()
        assert [(s, str(n), r) for s, n, r in rows] == quarantine_rows
        people = dict(con.execute("SELECT person_id, account_id FROM ls_people").fetchall())
        assert people == {"101": "acme", "102": None}
        assert con.execute("SELECT ts FROM ls_events WHERE event_id = 'm-4'").fetchone()[0] \
            .isoformat() == "2024-03-01T09:30:01"
        assert con.execute("SELECT user_id FROM ls_identities WHERE event_id = 'm-2'"
                           ).fetchone()[0] == "101"
    finally:
        con.close()


def test_reasons_table_is_the_vocabulary():
    documented = [row[0].strip("`") for row in table_after("reasons")]
    assert documented == list(REASONS)


@pytest.mark.parametrize("key", ["max_future", "max_event_bytes", "personal_domains",
                                 "properties", "delimiter", "timestamp_format",
                                 "outcome_values", "dsn"])
def test_keys_documented(key):
    assert f"`{key}`" in PAGE.read_text(encoding="utf-8") or \
        f".{key}`" in PAGE.read_text(encoding="utf-8")
