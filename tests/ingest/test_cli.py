"""`leadscore ingest` and `leadscore quarantine` through Typer (registered as the lead will)."""

import json

import typer
from typer.testing import CliRunner

from leadscore.cli.ingest import ingest, quarantine_app
from tests.ingest.test_quarantine import BAD_SEGMENT

app = typer.Typer()
app.command()(ingest)
app.add_typer(quarantine_app, name="quarantine")
runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args), env={"COLUMNS": "200"})
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_ingest_list_replay(make_project, tmp_path):
    proj = make_project([BAD_SEGMENT], max_event_bytes=1024)
    # far-future threshold relative to *now*: the 2024 rows are in the past.
    first = invoke("ingest", "-p", str(proj.root))
    assert first.exit_code == 0, first.output
    assert "read 22 / loaded 5 / duplicates 0 / quarantined 17" in first.output
    assert "quarantined invalid_json: 2" in first.output
    second = invoke("ingest", "-p", str(proj.root))
    assert "read 0 / loaded 0" in second.output

    listed = invoke("quarantine", "list", "-p", str(proj.root), "--reason", "wrong_type:*",
                    "--limit", "0")
    assert listed.exit_code == 0
    for reason in ("wrong_type:userId", "wrong_type:properties", "wrong_type:timestamp"):
        assert reason in listed.output

    out = tmp_path / "fix.ndjson"
    as_json = invoke("quarantine", "list", "-p", str(proj.root), "--reason", "missing_event",
                     "--json", "--out", str(out))
    rows = [json.loads(line) for line in as_json.output.splitlines() if line.startswith("{")]
    assert {r["line"] for r in rows} == {14, 20}
    fixed = []
    for line in out.read_text().splitlines():
        record = json.loads(line)
        record["raw"]["event"] = "login"
        fixed.append(json.dumps(record))
    out.write_text("\n".join(fixed) + "\n")
    replayed = invoke("quarantine", "replay", "-p", str(proj.root), "--fixed", str(out))
    assert replayed.exit_code == 0, replayed.output
    assert "loaded 2" in replayed.output
    assert "missing_event" not in invoke("quarantine", "list", "-p", str(proj.root)).output
