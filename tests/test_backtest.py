"""Backtests end to end on DuckDB: labels, leakage, the synthetic world, JSON, CLI and the guide."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import ibis
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from leadscore.backtest import BacktestResult, cutoff_grid, run_backtest
from leadscore.backtest.run import (
    DEFAULT_CONVERSIONS,
    _compiled_once,
    execute_many,
    label_snapshots,
    labelled_expr,
    normalise_outcomes,
    rule_infos,
)
from leadscore.cli import init
from leadscore.cli.backtest import backtest, report
from leadscore.demo.world import EVENTS_SCHEMA, World, WorldConfig, generate_world
from leadscore.errors import ConfigError, DataError
from leadscore.project import Project
from leadscore.scaffold import PROJECT_TEMPLATE, preset_text

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "backtest.md"
CUTOFF = datetime(2026, 3, 15)
HORIZON = timedelta(days=30)


def _cli() -> typer.Typer:
    """The commands this module tests, on their own app (independent of registration)."""
    app = typer.Typer()
    app.command()(init)
    app.command()(backtest)
    app.command()(report)
    return app


runner = CliRunner()


def _write_project(directory: Path, tables: dict[str, pa.Table], model: str) -> Project:
    data = directory / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table, data / f"{name}.parquet")
    (directory / "leadscore.yaml").write_text(
        PROJECT_TEMPLATE.format(name=directory.name).replace("path: leadscore.duckdb",
                                                             "path: ':memory:'"), "utf-8")
    (directory / "model.yaml").write_text(model, "utf-8")
    return Project.load(directory)


def _tables(world: World) -> dict[str, pa.Table]:
    return {"people": world.people, "accounts": world.accounts, "events": world.events,
            "outcomes": world.outcomes}


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(WorldConfig(people=3_000, seed=5))


@pytest.fixture(scope="module")
def project(world, tmp_path_factory) -> Project:
    proj = _write_project(tmp_path_factory.mktemp("bt"), _tables(world), preset_text("product-led"))
    yield proj
    proj.close()


@pytest.fixture(scope="module")
def result(project) -> BacktestResult:
    return run_backtest(project)


# ---- the synthetic world --------------------------------------------------------------------


def test_product_led_pqls_convert_at_least_twice_the_rest(result):
    pql = result.status("PQL")
    assert pql is not None and pql.n > 100 and pql.converted > 20
    assert pql.lift >= 2.0, f"PQL lift {pql.lift:.2f}"
    assert pql.precision >= 2 * pql.rest_rate
    assert result.auc > 0.7
    assert result.top_vs_bottom.ratio >= 2
    assert 0.03 <= pql.rate <= 0.25
    verdicts = {v.key: v for v in result.verdicts}
    assert verdicts["status_lift:PQL"].level == "good"
    assert "PQL" in verdicts["status_rate:PQL"].message


def test_default_grid_is_eight_weekly_cutoffs_inside_the_data(result, world):
    s = result.settings
    assert len(s.cutoffs) == 8
    assert [b - a for a, b in zip(s.cutoffs, s.cutoffs[1:], strict=False)] == [
        timedelta(days=7)] * 7
    assert s.cutoffs[-1] + s.horizon <= world.end
    assert s.cutoffs[-1].time() == datetime.min.time()
    assert s.conversions == ("opportunity_created", "converted", "closed_won")
    assert s.score_scale == 150  # product-led: fit 0-50 + behavior 0-100
    assert result.run.warnings == ()
    assert result.run.data_until < world.end


def test_result_is_internally_consistent(result):
    p = result.population
    assert p.snapshots == sum(c.n for c in result.cutoffs) == sum(b.n for b in result.bands)
    assert p.converted == sum(c.converted for c in result.cutoffs)
    assert p.excluded_converted == sum(c.excluded_converted for c in result.cutoffs)
    assert sum(d.n for d in result.deciles) == p.snapshots
    assert sum(h.n for h in result.histogram) == p.snapshots
    assert result.calibration[0].at_or_above_n == p.snapshots
    assert result.gains[-1].share_of_conversions == pytest.approx(1.0)
    pql = result.status("PQL")
    assert pql.n + pql.rest_n == p.snapshots
    assert sum(c.status_counts["PQL"] for c in result.cutoffs) == pql.n
    assert [r.column for r in result.rules][:2] == ["fit__company_size", "fit__industry"]
    competitor = next(r for r in result.rules if r.rule_id == "competitor")
    assert competitor.rate_fired == 0  # competitors never buy in the demo world
    assert pql.days_to_conversion_median is not None and pql.timed_conversions > 0
    rates = [b.rate for b in result.bands if b.n >= 30]
    assert rates == sorted(rates)


def test_json_round_trip(result, tmp_path):
    text = result.to_json()
    data = json.loads(text)
    assert data["version"] == 1
    assert data["settings"]["every"] == "7d" and data["settings"]["horizon"] == "30d"
    assert isinstance(data["settings"]["cutoffs"][0], str)
    assert "NaN" not in text and "Infinity" not in text
    back = BacktestResult.from_json(text)
    assert back == result
    assert back.to_json() == text
    assert back.metrics() == result.metrics()
    assert back.status("PQL") == result.status("PQL") and back.status("nope") is None
    newer = dict(data, version=99)
    with pytest.raises(ValueError, match="newer"):
        BacktestResult.from_dict(newer)


def _sorted(table: pa.Table) -> pa.Table:
    return table.sort_by([("cutoff", "ascending"), ("person_id", "ascending")])


def test_the_engine_runs_one_compiled_expression_per_cutoff(project):
    """Labels come from the same compiled expression as `score`, bound to each cutoff, and the
    compile-once path gives the rows `engine.execute` gives."""
    compiled = project.compiled()
    outcomes = normalise_outcomes(project.engine.read("outcomes",
                                                      project.config.sources.outcomes))
    cutoffs = [CUTOFF - timedelta(days=7), CUTOFF]
    columns = [r.column for r in rule_infos(project.loaded.model)]
    labelled = _sorted(label_snapshots(project.engine, compiled, outcomes, cutoffs,
                                       horizon=HORIZON, columns=columns).table)
    for cutoff in cutoffs:
        lab = labelled.filter(pc.equal(labelled["cutoff"], pa.scalar(cutoff, pa.timestamp("us"))))
        scores = project.score(as_of=cutoff).table.sort_by("person_id")
        assert lab["person_id"].to_pylist() == scores["person_id"].to_pylist()
        assert lab["total"].to_pylist() == pytest.approx(scores["total"].to_pylist())
        assert lab["status"].to_pylist() == scores["status"].to_pylist()

    horizon_end = ibis.param("timestamp")
    expr = labelled_expr(compiled, outcomes, horizon_end, conversions=DEFAULT_CONVERSIONS,
                         won_outcome="closed_won", columns=columns)
    bindings = [{compiled.as_of.param: c, horizon_end: c + HORIZON} for c in cutoffs]
    assert _compiled_once(project.engine, expr, list(bindings[0])) is not None  # DuckDB: fast
    fast = _sorted(pa.concat_tables(execute_many(project.engine, expr, bindings)))
    slow = _sorted(pa.concat_tables([project.engine.execute(expr, b) for b in bindings]))
    assert fast.schema == slow.schema and fast.num_rows == slow.num_rows
    for name in fast.column_names:
        if pa.types.is_floating(fast[name].type):
            assert fast[name].to_pylist() == pytest.approx(slow[name].to_pylist()), name
        else:
            assert fast[name].equals(slow[name]), name


# ---- point in time: nothing after a cutoff changes it ---------------------------------------


def _later(world: World, cutoff: datetime) -> dict[str, pa.Table]:
    """The world plus a lot of activity and outcomes after ``cutoff`` (+ horizon for outcomes)."""
    people = world.people
    ids = people["person_id"].to_pylist()
    n = len(ids)
    events = []
    for k, name in enumerate(["checkout_started", "teammate_invited", "teammate_invited",
                              "integration_connected", "pricing_page_viewed", "login",
                              "core_feature_used", "plan_downgraded"]):
        for offset in (timedelta(seconds=1), timedelta(hours=5 + k), timedelta(days=40)):
            events.append({"event_id": f"X{k}-{offset.total_seconds():.0f}-{{i}}",
                           "event": name, "ts": cutoff + offset})
    rows = [{**e, "event_id": e["event_id"].format(i=i), "person_id": pid}
            for i, pid in enumerate(ids[::3]) for e in events]
    newcomers = [f"N{i:05d}" for i in range(200)]
    rows += [{"event_id": f"N{i}", "person_id": pid, "event": "checkout_started",
              "ts": cutoff + timedelta(days=2)} for i, pid in enumerate(newcomers)]
    extra_events = pa.Table.from_pylist(rows, schema=EVENTS_SCHEMA)
    new_people = pa.Table.from_pylist(
        [{"person_id": pid, "account_id": people["account_id"][0].as_py(),
          "email": f"{pid.lower()}@newco.com", "title": "VP Sales",
          "created_at": cutoff + timedelta(days=1), "plan": "trial", "country": "US"}
         for pid in newcomers], schema=people.schema)
    late = cutoff + HORIZON + timedelta(seconds=1)
    extra_outcomes = pa.Table.from_pylist(
        [{"person_id": pid, "account_id": None, "outcome": outcome, "ts": late + timedelta(days=d),
          "amount": None}
         for pid in ids[: n // 2] + newcomers for d, outcome in enumerate(
             ["opportunity_created", "closed_won", "converted"])]
        # account-level outcomes after the horizon as well
        + [{"person_id": None, "account_id": aid, "outcome": "converted", "ts": late,
            "amount": None} for aid in world.accounts["account_id"].to_pylist()[:50]],
        schema=world.outcomes.schema)
    return {"people": pa.concat_tables([people, new_people]), "accounts": world.accounts,
            "events": pa.concat_tables([world.events, extra_events]),
            "outcomes": pa.concat_tables([world.outcomes, extra_outcomes])}


def _one_cutoff(project: Project) -> BacktestResult:
    return run_backtest(project, start=CUTOFF, end=CUTOFF, horizon=HORIZON)


@pytest.fixture(scope="module")
def before(project) -> BacktestResult:
    """The world's backtest at CUTOFF alone, as the reference for the leakage tests."""
    return _one_cutoff(project)


def test_events_and_outcomes_after_a_cutoff_leave_it_unchanged(project, world, before,
                                                               tmp_path):
    later = _write_project(tmp_path / "later", _later(world, CUTOFF), preset_text("product-led"))
    after = _one_cutoff(later)
    def count(proj: Project, name: str) -> int:
        table = getattr(proj.tables, name) if name != "outcomes" else proj.engine.read(
            "outcomes", proj.config.sources.outcomes)
        return proj.engine.execute(table.count().name("n").as_table()).column(0)[0].as_py()

    for name in ("people", "events", "outcomes"):  # the new data is really there
        assert count(later, name) > count(project, name)
    assert after.metrics() == before.metrics()
    # ... row by row too, rule contributions included
    columns = [r.column for r in rule_infos(project.loaded.model)]

    def rows(proj: Project) -> pa.Table:
        outcomes = normalise_outcomes(proj.engine.read("outcomes", proj.config.sources.outcomes))
        table = label_snapshots(proj.engine, proj.compiled(), outcomes, [CUTOFF],
                                horizon=HORIZON, columns=columns).table
        return table.take(pc.sort_indices(table, [("person_id", "ascending")]))

    assert rows(later).equals(rows(project))
    later.close()


def test_outcomes_inside_the_horizon_move_labels_only(world, before, tmp_path):
    tables = _tables(world)
    # Unconverted people at the cutoff who now convert a day after it.
    converted = set(pc.unique(world.outcomes["person_id"]).to_pylist())
    fresh = [p for p in world.people["person_id"].to_pylist() if p not in converted][:300]
    extra = pa.Table.from_pylist(
        [{"person_id": p, "account_id": None, "outcome": "opportunity_created",
          "ts": CUTOFF + timedelta(days=1), "amount": None} for p in fresh],
        schema=world.outcomes.schema)
    tables["outcomes"] = pa.concat_tables([world.outcomes, extra])
    moved = _one_cutoff(_write_project(tmp_path / "moved", tables, preset_text("product-led")))
    assert moved.population.snapshots == before.population.snapshots
    assert moved.population.converted > before.population.converted
    assert [c.status_counts for c in moved.cutoffs] == [c.status_counts for c in before.cutoffs]
    assert [(h.low, h.n) for h in moved.histogram] == [(h.low, h.n) for h in before.histogram]


def test_the_leakage_check_is_sensitive_to_events_before_the_cutoff(world, before, tmp_path):
    """Control: the same kind of change *before* the cutoff does change the result."""
    tables = _tables(world)
    ids = world.people.filter(pc.less(world.people["created_at"], pa.scalar(
        CUTOFF - timedelta(days=3), pa.timestamp("us"))))["person_id"].to_pylist()[::4]
    rows = [{"event_id": f"B{i}-{k}", "person_id": pid, "event": name,
             "ts": CUTOFF - timedelta(hours=2 + k)}
            for i, pid in enumerate(ids)
            for k, name in enumerate(["checkout_started", "teammate_invited",
                                      "teammate_invited", "integration_connected"])]
    tables["events"] = pa.concat_tables([world.events,
                                         pa.Table.from_pylist(rows, schema=EVENTS_SCHEMA)])
    earlier = _one_cutoff(_write_project(tmp_path / "earlier", tables,
                                         preset_text("product-led")))
    assert earlier.status("PQL").n > before.status("PQL").n
    assert earlier.metrics() != before.metrics()


# ---- labels on a hand-made history ----------------------------------------------------------

TINY_MODEL = """\
name: tiny
fit:
  rules:
    - id: size
      field: account.employees
      cases: [{min: 100, points: 50}]
behavior:
  rules:
    - id: invites
      event: teammate_invited
      points: 30
statuses:
  - name: PQL
    when: total >= 80
"""


@pytest.fixture
def tiny(tmp_path) -> Project:
    c = datetime(2026, 3, 1)
    people = pa.table({
        "person_id": ["P1", "P2", "P3", "P4", "P5", "P6", "P7"],
        "account_id": ["A1", "A1", "A1", "A2", "A2", "A3", "A1"],
        "created_at": [datetime(2026, 1, 1)] * 6 + [datetime(2026, 3, 5)],
    })
    accounts = pa.table({"account_id": ["A1", "A2", "A3"], "employees": [200, 10, 10]})
    events = pa.table({"person_id": ["P1", "P2"], "event": ["teammate_invited"] * 2,
                       "ts": [datetime(2026, 2, 1), datetime(2026, 3, 2)]})
    outcomes = pa.table({
        "person_id": ["P3", "P1", "P5", "P2", "P4", None, "P1", "P7"],
        "account_id": [None, None, None, None, None, "A3", None, None],
        "outcome": ["opportunity_created", "converted", "converted", "opportunity_created",
                    "closed_lost", "converted", "closed_won", "converted"],
        "ts": [c, c + timedelta(days=10), c + HORIZON, c + HORIZON + timedelta(seconds=1),
               c + timedelta(days=9), c + timedelta(days=4), c + timedelta(days=19),
               c + timedelta(days=6)],
    })
    return _write_project(tmp_path, {"people": people, "accounts": accounts, "events": events,
                                     "outcomes": outcomes}, TINY_MODEL)


def test_labels_exclusion_horizon_edges_and_account_outcomes(tiny):
    c = datetime(2026, 3, 1)
    outcomes = normalise_outcomes(tiny.engine.read("outcomes", tiny.config.sources.outcomes))
    labelled = label_snapshots(tiny.engine, tiny.compiled(), outcomes, [c], horizon=HORIZON)
    rows = {r["person_id"]: r for r in labelled.table.to_pylist()}
    assert sorted(rows) == ["P1", "P2", "P3", "P4", "P5", "P6"]  # P7 signs up after c
    assert {p for p, r in rows.items() if not r["eligible"]} == {"P3"}  # converted AT c
    assert {p for p, r in rows.items() if r["converted"]} == {"P1", "P5", "P6"}
    assert rows["P1"]["converted_at"] == c + timedelta(days=10)  # the first conversion
    assert rows["P5"]["converted_at"] == c + HORIZON  # the horizon's end counts
    assert rows["P2"]["converted_at"] is None  # one second later does not
    assert rows["P6"]["converted_at"] == c + timedelta(days=4)  # its account converted
    assert {p for p, r in rows.items() if r["won"]} == {"P1"}
    assert rows["P1"]["status"] == "PQL" and rows["P2"]["status"] is None  # P2's invite is later
    result = run_backtest(tiny, start=c, end=c, horizon=HORIZON)
    assert result.population.snapshots == 5 and result.population.excluded_converted == 1
    assert result.status("PQL").precision == 1.0
    assert result.status("PQL").recall == pytest.approx(1 / 3)
    assert any("noisy" in w for w in result.run.warnings)


def test_configurable_conversions(tiny):
    c = datetime(2026, 3, 1)
    result = run_backtest(tiny, start=c, end=c, horizon=HORIZON, conversions=["closed_won"])
    # P3's opportunity no longer counts: P3 is a lead, and only P1 converts (closed won).
    assert result.population.snapshots == 6 and result.population.converted == 1
    with pytest.raises(DataError, match="none of the conversion outcomes"):
        run_backtest(tiny, conversions=["paid"])


def test_bad_grids_and_missing_outcomes(tiny, tmp_path):
    assert cutoff_grid(datetime(2026, 1, 1), datetime(2026, 1, 15), timedelta(days=7)) == (
        datetime(2026, 1, 1), datetime(2026, 1, 8), datetime(2026, 1, 15))
    assert len(cutoff_grid(datetime(2026, 1, 1), datetime(2026, 1, 14), timedelta(days=7))) == 2
    with pytest.raises(ConfigError, match="before --from"):
        cutoff_grid(datetime(2026, 2, 1), datetime(2026, 1, 1), timedelta(days=7))
    with pytest.raises(ConfigError, match="at most"):
        cutoff_grid(datetime(2000, 1, 1), datetime(2026, 1, 1), timedelta(days=1))
    with pytest.raises(ConfigError, match="horizon"):
        run_backtest(tiny, horizon=timedelta(0))
    shutil.copytree(tiny.root, tmp_path / "no-outcomes")
    yaml = tmp_path / "no-outcomes" / "leadscore.yaml"
    yaml.write_text(re.sub(r"\n  outcomes:.*", "", yaml.read_text()))
    with pytest.raises(ConfigError, match="needs outcomes"):
        run_backtest(Project.load(tmp_path / "no-outcomes"))


# ---- the commands ---------------------------------------------------------------------------


def test_cli_backtest_and_report(project, tiny, tmp_path):
    app = _cli()
    out = tmp_path / "bt.json"
    got = runner.invoke(app, ["backtest", "-p", str(project.root), "--from", "2026-03-01",
                              "--to", "2026-03-15", "--every", "1w", "--horizon", "30d",
                              "--out", str(out), "--conversion", "opportunity_created,converted",
                              "--report", str(tmp_path / "r.html")])
    assert got.exit_code == 0, got.output
    assert "PQL:" in got.output and "AUC" in got.output and str(out) in got.output
    result = BacktestResult.from_json(out.read_text())
    assert result.settings.cutoffs == (datetime(2026, 3, 1), datetime(2026, 3, 8),
                                       datetime(2026, 3, 15))
    assert result.settings.conversions == ("opportunity_created", "converted")
    assert (tmp_path / "r.html").read_text().startswith("<!DOCTYPE html>")

    as_json = runner.invoke(app, ["backtest", "-p", str(tiny.root), "--from", "2026-03-01",
                                  "--to", "2026-03-01", "--out", str(tmp_path / "x.json"),
                                  "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["settings"]["start"] == "2026-03-01T00:00:00"

    rendered = runner.invoke(app, ["report", str(out)])
    assert rendered.exit_code == 0 and (tmp_path / "bt.html").exists()
    html = runner.invoke(app, ["report", "-p", str(tiny.root), "--from", "2026-03-01",
                               "--to", "2026-03-01", "--out", str(tmp_path / "direct.html"),
                               "--title", "Q1 model review"])
    assert html.exit_code == 0
    assert "<title>Q1 model review</title>" in (tmp_path / "direct.html").read_text()


def test_cli_errors(project, tmp_path):
    app = _cli()
    bad = runner.invoke(app, ["backtest", "-p", str(project.root), "--every", "weekly"])
    assert isinstance(bad.exception, ConfigError) and "--every" in str(bad.exception)
    bad = runner.invoke(app, ["backtest", "-p", str(project.root), "--from", "March"])
    assert isinstance(bad.exception, ConfigError) and "--from" in str(bad.exception)
    missing = runner.invoke(app, ["report", str(tmp_path / "none.json")])
    assert missing.exception is not None and "no backtest result" in str(missing.exception)
    (tmp_path / "junk.json").write_text('{"hello": 1}')
    junk = runner.invoke(app, ["report", str(tmp_path / "junk.json")])
    assert isinstance(junk.exception, ConfigError)


def test_cli_strict_fails_on_a_red_verdict(tiny, tmp_path):
    # A model whose status nobody reaches: "too tight" is a red verdict.
    model = tiny.root / "model.yaml"
    model.write_text(TINY_MODEL.replace("total >= 80", "total >= 500"))
    got = runner.invoke(_cli(), ["backtest", "-p", str(tiny.root), "--from", "2026-03-01",
                                 "--to", "2026-03-01", "--strict", "--out",
                                 str(tmp_path / "s.json")])
    assert got.exit_code == 1, got.output
    assert "too tight" in got.output


def test_rate_verdict_bands():
    from leadscore.backtest.result import StatusRateBands, status_rate_verdict

    bands = StatusRateBands()
    levels = {rate: status_rate_verdict("PQL", rate, bands).level
              for rate in (0.01, 0.04, 0.10, 0.20, 0.30)}
    assert levels == {0.01: "bad", 0.04: "warning", 0.10: "good", 0.20: "warning", 0.30: "bad"}
    assert "too loose" in status_rate_verdict("PQL", 0.30, bands).title
    assert "too tight" in status_rate_verdict("PQL", 0.01, bands).title


# ---- the guide: every example runs ----------------------------------------------------------


def _blocks(text: str) -> list[tuple[str, str]]:
    return re.findall(r"```(console|python)\n(.*?)```", text, re.S)


def test_guide_examples_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")
    app = _cli()
    namespace: dict = {}
    blocks = _blocks(GUIDE.read_text(encoding="utf-8"))
    assert [kind for kind, _ in blocks].count("python") >= 2
    for kind, code in blocks:
        if kind == "console":
            for line in code.splitlines():
                if not line.startswith("$ leadscore "):
                    continue
                args = line.removeprefix("$ leadscore ").split("#")[0].split()
                got = runner.invoke(app, args)
                assert got.exit_code == 0, f"{line}\n{got.output}\n{got.exception!r}"
        else:
            exec(compile(code, str(GUIDE), "exec"), namespace)
    assert (tmp_path / "acme" / "out" / "backtest.json").exists()
    assert (tmp_path / "acme" / "out" / "backtest.html").exists()


def test_guide_names_every_verdict_and_option():
    text = GUIDE.read_text(encoding="utf-8")
    for option in ("--from", "--to", "--every", "--horizon", "--conversion", "--won", "--out",
                   "--report", "--json", "--strict", "--title"):
        assert option in text, option
    for words in ("5–15 %", "25 %", "3 %", "top 20 %", "top quartile", "AUC", "lift"):
        assert words in text, words


def test_replace_keeps_results_frozen(result):
    with pytest.raises(AttributeError):
        result.auc = 1.0  # type: ignore[misc]
    assert replace(result, auc=0.5).auc == 0.5
