"""Model diffs: status moves against two independent scorings, metric deltas, rule differences."""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from leadscore.cli.calibrate import diff
from leadscore.demo.world import WorldConfig, generate_world
from leadscore.diff import DiffResult, diff_models
from leadscore.diff.metrics import metric_deltas
from leadscore.diff.rules import rule_diffs
from leadscore.errors import NotFoundError, SpecError
from leadscore.project import Project
from leadscore.scaffold import PROJECT_TEMPLATE, preset_text
from leadscore.spec.loader import load_model_text

runner = CliRunner()
AS_OF = datetime(2026, 4, 1)
PRESET = preset_text("product-led")


def candidate_text() -> str:
    """The preset with a stricter PQL, a bigger company-size bonus, one rule gone, one new."""
    text = PRESET.replace("total >= 80 and", "total >= 95 and")
    text = text.replace("{between: [50, 500], points: 15}", "{between: [50, 500], points: 25}")
    start = text.index("    - id: student")
    end = text.index("\nmetrics:")
    text = text[:start] + text[end:]
    return text.replace("  velocity:\n", "    - id: webinar\n      event: webinar_attended\n"
                        "      points: 5\n  velocity:\n")


def _app() -> typer.Typer:
    app = typer.Typer()
    app.command()(diff)
    app.command("noop")(lambda: None)  # a second command keeps `diff` a named subcommand
    return app


def test_rule_differences_from_the_parsed_models():
    a = load_model_text(PRESET).model
    b = load_model_text(candidate_text().replace("  max: 50\n", "  max: 60\n", 1)).model
    found = {(d.section, d.name): d for d in rule_diffs(a, b)}
    assert found[("fit", "company_size")].change == "changed"
    assert found[("fit", "company_size")].details == ("cases[0].points: 15 → 25",)
    assert found[("fit", "student")].change == "removed"
    assert found[("behavior", "webinar")].change == "added"
    assert found[("status", "PQL")].details == (
        "when: total >= 80 and fit >= 15 and behavior >= 40 → "
        "total >= 95 and fit >= 15 and behavior >= 40",)
    assert found[("model", "fit.max")].details == ("fit.max: 50 → 60",)
    assert len(found) == 5
    assert rule_diffs(a, a) == ()


@pytest.fixture(scope="module")
def world_dir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("diff")
    world = generate_world(WorldConfig(people=2_000, seed=11))
    (directory / "data").mkdir()
    for name in ("people", "accounts", "events", "outcomes"):
        pq.write_table(getattr(world, name), directory / "data" / f"{name}.parquet")
    (directory / "leadscore.yaml").write_text(
        PROJECT_TEMPLATE.format(name="d").replace("path: leadscore.duckdb", "path: ':memory:'"))
    (directory / "model.yaml").write_text(PRESET)
    (directory / "candidate.yaml").write_text(candidate_text())
    return directory


@pytest.fixture(scope="module")
def result(world_dir) -> DiffResult:
    got = runner.invoke(_app(), ["diff", str(world_dir / "model.yaml"),
                                 str(world_dir / "candidate.yaml"), "-p", str(world_dir),
                                 "--as-of", AS_OF.isoformat(), "--top", "7", "--json"])
    assert got.exit_code == 0, got.output
    return DiffResult.from_json(got.output)


def _scores(world_dir: Path, model: str) -> dict[str, tuple[str | None, float]]:
    project = Project.load(world_dir, model=world_dir / model)
    try:
        rows = project.score(as_of=AS_OF).table.select(["person_id", "status", "total"])
    finally:
        project.close()
    return {r["person_id"]: (r["status"], r["total"]) for r in rows.to_pylist()}


def test_status_moves_match_two_independent_scorings(result, world_dir):
    a, b = _scores(world_dir, "model.yaml"), _scores(world_dir, "candidate.yaml")
    assert set(a) == set(b)
    expected = Counter((a[p][0], b[p][0]) for p in a)
    assert {(s.from_status, s.to_status): s.n for s in result.moves} == dict(expected)
    assert result.people == len(a)
    assert result.changed == sum(n for (x, y), n in expected.items() if x != y) > 0
    assert result.moved("PQL", None) > 0, "a stricter PQL drops some PQLs"
    assert result.as_of == AS_OF
    # The movers: people who change status, largest change of total first, totals as scored.
    assert 0 < len(result.movers) <= 7
    gaps = [abs(p.total_b - p.total_a) for p in result.movers]
    assert gaps == sorted(gaps, reverse=True)
    for p in result.movers:
        assert p.status_a != p.status_b
        assert (p.status_a, p.total_a) == a[p.person_id]
        assert (p.status_b, p.total_b) == b[p.person_id]


def test_metric_deltas_compare_backtests_on_the_same_history(result):
    ba, bb = result.backtest_a, result.backtest_b
    assert ba.settings.cutoffs == bb.settings.cutoffs
    assert ba.population == bb.population
    auc = result.metric("auc")
    assert (auc.a, auc.b) == (ba.auc, bb.auc)
    assert auc.delta == pytest.approx(bb.auc - ba.auc)
    rate = result.metric("status_rate:PQL")
    assert rate.b < rate.a, "a higher threshold is rarer"
    assert rate.render_delta().endswith("pts")
    assert all(d.delta == 0 for d in metric_deltas(ba, ba) if d.delta is not None)
    assert {(r.section, r.name) for r in result.rules} >= {("fit", "student"),
                                                          ("behavior", "webinar")}


def test_json_and_summary(result):
    assert DiffResult.from_json(result.to_json()) == result
    data = json.loads(result.to_json())
    assert data["as_of"] == AS_OF.isoformat() and data["version"] == 1
    text = "\n".join(result.summary())
    assert "change status" in text and "PQL → (none)" in text
    assert "cases[0].points: 15 → 25" in text


def test_errors(world_dir, tmp_path):
    with pytest.raises(NotFoundError, match="no model file"):
        diff_models(Project.load(world_dir), world_dir / "model.yaml", tmp_path / "none.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text(PRESET.replace("field: account.employees", "field: account.headcount_x"))
    got = runner.invoke(_app(), ["diff", str(world_dir / "model.yaml"), str(bad), "-p",
                                 str(world_dir)])
    assert got.exit_code != 0 and isinstance(got.exception, SpecError)
    assert "headcount_x" in str(got.exception)
    got = runner.invoke(_app(), ["diff", str(world_dir / "model.yaml"), str(bad), "-p",
                                 str(world_dir), "--top", "-1"])
    assert "--top must be 0 or more" in str(got.exception)
