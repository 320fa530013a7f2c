"""The command line end to end on a real project folder (DuckDB file, Parquet sources)."""

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from leadscore.cli import app
from leadscore.project import Project
from leadscore.scaffold import init_project

AS_OF = datetime(2026, 3, 1, 12, 0)
runner = CliRunner()


@pytest.fixture(scope="module")
def project_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("proj")
    init_project(directory, preset="product-led", people=300, end=AS_OF)
    return directory


def run(*args: str):
    result = runner.invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def leadscore(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real entry point (error handling, exit codes) in a subprocess."""
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-c", "from leadscore.cli import main; main()", *args],
                          capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_validate_score_explain_compile(project_dir, tmp_path):
    assert run("validate", "-p", str(project_dir)).exit_code == 0
    out = tmp_path / "scores.csv"
    result = run("score", "-p", str(project_dir), "--as-of", "2026-03-01T12:00", "--out",
                 str(out))
    assert result.exit_code == 0, result.output
    assert "Scored 300 people" in result.output
    scores = pq.read_table(project_dir / "out" / "scores.parquet")
    assert scores.num_rows == 300
    assert scores.column_names == ["person_id", "account_id", "fit", "behavior", "total",
                                   "status", "fit_tier", "intent_tier", "matrix", "score_date",
                                   "logic_hash", "reasons"]
    assert out.read_text().startswith("person_id,account_id,fit,behavior")
    top = max(scores.to_pylist(), key=lambda r: r["total"])
    text = run("explain", top["person_id"], "-p", str(project_dir), "--as-of",
               "2026-03-01T12:00")
    assert text.exit_code == 0 and "Statuses" in text.output
    as_json = run("explain", top["person_id"], "-p", str(project_dir), "--as-of",
                  "2026-03-01T12:00", "--json")
    data = json.loads(as_json.output)
    assert data["total"] == pytest.approx(top["total"])
    assert data["top_reasons"] == top["reasons"]
    for dialect in ("duckdb", "postgres", "snowflake", "bigquery", "spark"):
        sql = run("compile", "-p", str(project_dir), "--dialect", dialect, "--as-of",
                  "2026-03-01")
        assert sql.exit_code == 0 and "SELECT" in sql.output.upper(), dialect


def test_lint_runs_on_the_project(project_dir):
    assert run("lint", "-p", str(project_dir)).exit_code == 0


def test_explanations_add_up_to_the_scores(project_dir):
    project = Project.load(project_dir)
    result = project.score(as_of=AS_OF)
    ids = [r["person_id"] for r in result.ranked(limit=300)][::30]
    for person_id in ids:
        exp = project.explain(person_id, as_of=AS_OF)
        fit = sum(r.points for r in exp.fit_rules) + sum(a.points for a in exp.fit_adjustments)
        behavior = (sum(r.points for r in exp.behavior_rules)
                    + sum(a.points for a in exp.behavior_adjustments))
        assert fit == pytest.approx(exp.fit, abs=1e-9)
        assert behavior == pytest.approx(exp.behavior, abs=1e-9)
        assert exp.fit + exp.behavior + sum(a.points for a in exp.total_adjustments) == \
            pytest.approx(exp.total, abs=1e-9)
        chosen = [s.name for s in exp.statuses if s.chosen]
        assert chosen == ([exp.status] if exp.status else [])
        for status in exp.statuses:
            assert status.holds == all(c.holds for c in status.conditions)
    project.close()


def test_user_errors_are_one_clear_line_and_an_exit_code(project_dir, tmp_path):
    missing = leadscore("score", "-p", str(tmp_path / "nope"))
    assert missing.returncode == 1
    assert "no project file" in missing.stderr and "Traceback" not in missing.stderr
    unknown = leadscore("explain", "NOBODY", "-p", str(project_dir), "--as-of", "2026-03-01")
    assert unknown.returncode == 4 and "no person 'NOBODY'" in unknown.stderr
    bad_dialect = leadscore("compile", "-p", str(project_dir), "--dialect", "oracle")
    assert bad_dialect.returncode == 1 and "unknown dialect" in bad_dialect.stderr


def test_a_typo_in_an_event_name_is_caught_against_the_data(project_dir, tmp_path):
    model = (project_dir / "model.yaml").read_text().replace(
        "event: teammate_invited", "event: teammate_invite")
    broken = tmp_path / "model.yaml"
    broken.write_text(model)
    result = leadscore("validate", "-p", str(project_dir), "--model", str(broken))
    assert result.returncode == 1
    assert "LS300" in result.stdout and "did you mean 'teammate_invited'" in result.stdout
    scoring = leadscore("score", "-p", str(project_dir), "--model", str(broken))
    assert scoring.returncode == 1 and "teammate_invite" in scoring.stderr


def test_init_refuses_to_overwrite(project_dir):
    result = leadscore("init", str(project_dir))
    assert result.returncode == 1 and "already exists" in result.stderr


def test_score_freezes_the_imported_objects_only_as_its_own_process(project_dir, monkeypatch):
    import gc

    import leadscore.cli

    frozen = gc.get_freeze_count()
    assert run("score", "-p", str(project_dir)).exit_code == 0  # in-process: left as it is
    assert gc.get_freeze_count() == frozen
    monkeypatch.setattr(leadscore.cli, "_OWN_PROCESS", True)
    project = Project.load(project_dir)
    try:
        leadscore.cli.settle(project)
        assert gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
        project.close()
    # As its own process, `leadscore score` runs with the start-up objects frozen.
    probe = subprocess.run(
        [sys.executable, "-c", "import atexit, gc, sys; atexit.register(lambda: print("
         "'frozen', gc.get_freeze_count(), file=sys.stderr)); import leadscore.cli as c; c.main()",
         "score", "-p", str(project_dir)], capture_output=True, text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    assert int(probe.stderr.split("frozen ")[-1]) > 100_000
