"""The lifecycle store: transitions over sequences of as-of runs, cooldown, idempotent re-runs,
out-of-order runs, and the SQL compared with a pure-Python oracle (Hypothesis)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pyarrow as pa
import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from leadscore import lifecycle
from leadscore.cli.lifecycle import history as history_command
from leadscore.cli.lifecycle import transitions as transitions_command
from leadscore.errors import (
    ConfigError,
    DataError,
    EngineError,
    NotFoundError,
    SpecError,
    UnsupportedFeatureError,
)
from leadscore.lifecycle.store import Connection, connect
from leadscore.project import Project, ScoreResult
from leadscore.spec.fingerprint import logic_hash
from leadscore.spec.loader import load_model_text

DAY = timedelta(days=1)
T0 = datetime(2026, 1, 1)
COOLDOWNS = {"MQL": timedelta(days=5), "SQL": timedelta(hours=36)}  # PQL: none

MODEL = """\
name: lifecycle-test
statuses:
  - {name: SQL, when: 'total >= 90', cooldown: 36h}
  - {name: PQL, when: 'total >= 80'}
  - {name: MQL, when: 'total >= 50', cooldown: 5d}
"""


def make_project(folder: Path, *, db: str = "lifecycle.duckdb", model: str = MODEL,
                 engine: str | None = None, output: str = "scores") -> Project:
    folder.mkdir(parents=True, exist_ok=True)
    engine = engine or f"{{type: duckdb, path: '{db}'}}"
    (folder / "leadscore.yaml").write_text(
        f"name: t\nengine: {engine}\n"
        f"sources:\n  people: {{path: people.csv}}\noutput: {{table: {output}}}\n",
        encoding="utf-8")
    (folder / "model.yaml").write_text(model, encoding="utf-8")
    (folder / "people.csv").write_text("person_id\na\n", encoding="utf-8")
    return Project.load(folder)


def result_for(project: Project, as_of: datetime, statuses: dict[str, str | None]) -> ScoreResult:
    """Scores whose statuses are given (the lifecycle only reads ids, scores and statuses)."""
    ids = sorted(statuses)
    table = pa.table({
        "person_id": pa.array(ids, pa.string()),
        "fit": pa.array([10.0] * len(ids), pa.float64()),
        "behavior": pa.array([float(i) for i in range(len(ids))], pa.float64()),
        "total": pa.array([10.0 + i for i in range(len(ids))], pa.float64()),
        "status": pa.array([statuses[i] for i in ids], pa.string()),
    })
    model = project.loaded.model
    return ScoreResult(table, as_of, logic_hash(model), model.name, 0.0)


def record(project: Project, as_of: datetime, statuses: dict[str, str | None], *,
           written: bool = False):
    """Record a run; ``written``: from the output table, written first (as Project.write)."""
    result = result_for(project, as_of, statuses)
    if not written:
        return lifecycle.record_run(project, result)
    table = project.config.output.table
    project.engine.write_table(table, result.table)
    return lifecycle.record_run(project, result, table=table)


def moves(project: Project, **filters) -> list[tuple]:
    return [(r["as_of"], r["entity_id"], r["kind"], r["status"])
            for r in lifecycle.transitions(project, **filters).to_pylist()]


@pytest.fixture
def project(tmp_path: Path):
    proj = make_project(tmp_path / "p")
    yield proj
    proj.close()


# ---------------------------------------------------------------------------------------------
# The oracle: the lifecycle rules of docs/semantics.md §4, one entity at a time, in plain Python.
# ---------------------------------------------------------------------------------------------


def oracle(runs: dict[datetime, dict[str, str | None]],
           cooldowns: dict[str, timedelta]) -> tuple[list[tuple], dict[tuple, str | None]]:
    """Transitions and lifecycle statuses for runs applied in as-of order."""
    current: dict[str, str | None] = {}
    last_exit: dict[tuple[str, str], datetime] = {}
    out, lifecycle_status = [], {}
    for t in sorted(runs):
        scored = runs[t]
        for e in sorted(set(scored) | {e for e, s in current.items() if s is not None}):
            raw, prev = scored.get(e), current.get(e)
            if raw is None or raw == prev:
                new = raw
            elif (e, raw) in last_exit and raw in cooldowns \
                    and t - last_exit[(e, raw)] < cooldowns[raw]:
                new = None  # held back by the cooldown
            else:
                new = raw
            if prev != new:
                if prev is not None:
                    out.append((t, e, "exited", prev))
                    last_exit[(e, prev)] = t
                if new is not None:
                    out.append((t, e, "entered", new))
            current[e] = new
            if e in scored:
                lifecycle_status[(t, e)] = new
    return out, lifecycle_status


# ---------------------------------------------------------------------------------------------
# Sequences of runs
# ---------------------------------------------------------------------------------------------


def test_entered_and_exited_with_status_dates(project: Project) -> None:
    first = record(project, T0, {"a": "MQL", "b": None})
    assert (first.entered, first.exited, first.replaced) == (1, 0, False)
    record(project, T0 + DAY, {"a": "PQL", "b": "MQL"})
    record(project, T0 + 2 * DAY, {"a": None, "b": "MQL"})
    assert moves(project) == [
        (T0, "a", "entered", "MQL"),
        (T0 + DAY, "a", "exited", "MQL"), (T0 + DAY, "a", "entered", "PQL"),
        (T0 + DAY, "b", "entered", "MQL"),
        (T0 + 2 * DAY, "a", "exited", "PQL"),
    ]
    # previous/new status on each row say where the entity came from and went to
    rows = lifecycle.transitions(project, since=T0 + DAY, until=T0 + DAY).to_pylist()
    assert [(r["kind"], r["previous_status"], r["new_status"]) for r in rows] == [
        ("exited", "MQL", "PQL"), ("entered", "MQL", "PQL"), ("entered", None, "MQL")]
    dates = {r["entity_id"]: r for r in lifecycle.status_dates(project).to_pylist()}
    assert dates["a"] == {"entity_id": "a", "current_status": None, "sql_date": None,
                          "pql_date": T0 + DAY, "mql_date": T0}
    assert dates["b"]["current_status"] == "MQL" and dates["b"]["mql_date"] == T0 + DAY
    assert moves(project, status="PQL") == [(T0 + DAY, "a", "entered", "PQL"),
                                            (T0 + 2 * DAY, "a", "exited", "PQL")]
    assert moves(project, since=T0 + 2 * DAY) == [(T0 + 2 * DAY, "a", "exited", "PQL")]


def test_cooldown_holds_back_re_entry_until_it_has_passed(project: Project) -> None:
    record(project, T0, {"a": "MQL", "b": "PQL"})
    record(project, T0 + DAY, {"a": None, "b": None})           # both exit at day 1
    held = record(project, T0 + 3 * DAY, {"a": "MQL", "b": "PQL"})
    # MQL has a 5-day cooldown: a re-qualifies 2 days after exiting and is held back;
    # PQL has none: b re-enters at once.
    assert (held.entered, held.held_back) == (1, 1)
    hist = lifecycle.history(project, "a").to_pylist()
    assert [(r["status"], r["lifecycle_status"]) for r in hist] == [
        ("MQL", "MQL"), (None, None), ("MQL", None)]
    record(project, T0 + 6 * DAY - timedelta(seconds=1), {"a": "MQL", "b": "PQL"})  # still held
    record(project, T0 + 6 * DAY, {"a": "MQL", "b": "PQL"})      # exactly 5 days: enters
    assert moves(project, entity_id="a") == [
        (T0, "a", "entered", "MQL"), (T0 + DAY, "a", "exited", "MQL"),
        (T0 + 6 * DAY, "a", "entered", "MQL")]
    state = {r["entity_id"]: r for r in lifecycle.status_dates(project).to_pylist()}
    assert state["a"]["mql_date"] == T0 + 6 * DAY  # the re-MQL date, not the first MQL date


def test_a_held_back_entity_drops_its_previous_status(project: Project) -> None:
    # MQL → SQL exits MQL; falling back to MQL within MQL's cooldown is a re-MQL: held back,
    # so the entity exits SQL and holds no lifecycle status until the cooldown has passed.
    record(project, T0, {"a": "MQL"})
    record(project, T0 + DAY, {"a": "SQL"})
    summary = record(project, T0 + 2 * DAY, {"a": "MQL"})
    assert summary.held_back == 1
    assert moves(project, since=T0 + 2 * DAY) == [(T0 + 2 * DAY, "a", "exited", "SQL")]
    record(project, T0 + 7 * DAY, {"a": "MQL"})
    assert moves(project, since=T0 + 3 * DAY) == [(T0 + 7 * DAY, "a", "entered", "MQL")]


def test_re_running_an_as_of_is_idempotent(project: Project) -> None:
    record(project, T0, {"a": "MQL", "b": None})
    record(project, T0 + DAY, {"a": None, "b": "PQL"})
    before = lifecycle.transitions(project)
    again = record(project, T0 + DAY, {"a": None, "b": "PQL"})
    assert again.replaced and (again.entered, again.exited) == (1, 1)
    assert lifecycle.transitions(project).equals(before)
    assert lifecycle.runs(project).num_rows == 2
    assert lifecycle.history(project, "b").num_rows == 2
    # re-running with different data replaces the run: its old transitions are gone
    record(project, T0 + DAY, {"a": "MQL", "b": None})
    assert moves(project) == [(T0, "a", "entered", "MQL")]


def test_an_earlier_as_of_is_inserted_and_later_runs_are_replayed(tmp_path: Path) -> None:
    runs = {T0: {"a": "MQL"}, T0 + DAY: {"a": None}, T0 + 3 * DAY: {"a": "MQL"},
            T0 + 8 * DAY: {"a": "MQL"}}
    in_order = make_project(tmp_path / "in-order")
    shuffled = make_project(tmp_path / "shuffled")
    try:
        for t in sorted(runs):
            record(in_order, t, runs[t])
        for t in (T0 + 8 * DAY, T0 + 3 * DAY, T0, T0 + DAY):
            summary = record(shuffled, t, runs[t])
        assert summary.replayed == [T0 + 3 * DAY, T0 + 8 * DAY]
        assert moves(shuffled) == moves(in_order) == [
            (T0, "a", "entered", "MQL"), (T0 + DAY, "a", "exited", "MQL"),
            (T0 + 8 * DAY, "a", "entered", "MQL")]  # day 3 was within the cooldown
        assert lifecycle.status_dates(shuffled).equals(lifecycle.status_dates(in_order))
    finally:
        in_order.close()
        shuffled.close()


def test_a_model_change_is_recorded_as_the_cause(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    proj = make_project(folder)
    record(proj, T0, {"a": "MQL"})
    record(proj, T0 + DAY, {"a": None})
    proj.close()
    (folder / "model.yaml").write_text(MODEL.replace("cooldown: 5d", "cooldown: 1d"), "utf-8")
    proj = Project.load(folder)
    try:
        summary = record(proj, T0 + 3 * DAY, {"a": "MQL"})  # 2 days > the new 1-day cooldown
        assert summary.model_changed and summary.entered == 1
        causes = [(r["kind"], r["cause"]) for r in lifecycle.transitions(proj).to_pylist()]
        assert causes == [("entered", "data"), ("exited", "data"), ("entered", "model_change")]
        assert [json.loads(r["cooldowns"])["MQL"] for r in lifecycle.runs(proj).to_pylist()] \
            == [5 * 86400, 5 * 86400, 86400]
    finally:
        proj.close()


def test_the_store_persists_in_the_database_file(tmp_path: Path) -> None:
    proj = make_project(tmp_path / "p")
    record(proj, T0, {"a": "MQL"})
    proj.close()
    reopened = Project.load(tmp_path / "p")
    try:
        assert moves(reopened) == [(T0, "a", "entered", "MQL")]
        assert set(connect(reopened.engine).tables()) >= {
            "scores_runs", "scores_history", "scores_transitions", "scores_state"}
    finally:
        reopened.close()


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


def test_reading_before_anything_is_recorded_says_what_to_do(project: Project) -> None:
    with pytest.raises(NotFoundError, match="nothing has been recorded yet; run `leadscore score"):
        lifecycle.transitions(project)


def test_bad_input_is_refused(project: Project) -> None:
    other = result_for(project, T0, {"a": "MQL"})
    other.logic_hash = "0123456789abcdef"
    with pytest.raises(ConfigError, match="come from logic 0123456789abcdef"):
        lifecycle.record_run(project, other)
    dup = result_for(project, T0, {"a": "MQL"})
    dup.table = pa.concat_tables([dup.table, dup.table])
    with pytest.raises(DataError, match="repeat some person_id"):
        lifecycle.record_run(project, dup)
    with pytest.raises(ConfigError, match="entity type 'lead'"):
        lifecycle.record_run(project, result_for(project, T0, {"a": "MQL"}), entity_type="lead")
    with pytest.raises(NotFoundError, match="table 'nowhere' is not in the engine's database"):
        lifecycle.record_run(project, result_for(project, T0, {"a": "MQL"}), table="nowhere")
    record(project, T0, {"a": "MQL"})
    with pytest.raises(ConfigError, match=r"--until .* is before --since"):
        lifecycle.transitions(project, since=T0 + DAY, until=T0)
    with pytest.raises(NotFoundError, match="person 'zz' is in no recorded run"):
        lifecycle.history(project, "zz")


def test_a_failed_run_leaves_the_store_unchanged(project: Project, monkeypatch) -> None:
    record(project, T0, {"a": "MQL"})
    before = lifecycle.transitions(project)

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(lifecycle, "rebuild_state", broken)
    with pytest.raises(RuntimeError):
        record(project, T0 + DAY, {"a": None})
    monkeypatch.undo()
    assert lifecycle.transitions(project).equals(before)
    assert lifecycle.runs(project).num_rows == 1


def test_other_engines_are_refused_clearly() -> None:
    class Elsewhere:
        name = "spark"

    assert not lifecycle.supports(Elsewhere())
    with pytest.raises(UnsupportedFeatureError,
                       match="runs on duckdb and postgres, not on 'spark'"):
        connect(Elsewhere())


# ---------------------------------------------------------------------------------------------
# The model key
# ---------------------------------------------------------------------------------------------


def test_cooldown_is_a_duration_and_part_of_the_logic_hash() -> None:
    plain = "name: m\nstatuses:\n  - {name: MQL, when: 'fit >= 5'}\n"
    with_cd = plain.replace("'fit >= 5'", "'fit >= 5', cooldown: 30d")
    base, cooled = load_model_text(plain).model, load_model_text(with_cd).model
    assert cooled.statuses[0].cooldown == timedelta(days=30)
    assert base.statuses[0].cooldown is None
    # no cooldown: the model dumps (and hashes) exactly as before the key existed
    assert "cooldown" not in base.model_dump()["statuses"][0]
    assert logic_hash(base) != logic_hash(cooled)
    assert logic_hash(cooled) != logic_hash(load_model_text(with_cd.replace("30d", "2w")).model)
    with pytest.raises(SpecError) as caught:
        load_model_text(plain.replace("'fit >= 5'", "'fit >= 5', cooldown: 30"))
    assert [d.code for d in caught.value.diagnostics] == ["LS103"]
    assert "30 has no unit; write e.g. 30d" in str(caught.value)


# ---------------------------------------------------------------------------------------------
# SQL vs the oracle over random sequences of runs (re-runs and out-of-order included)
# ---------------------------------------------------------------------------------------------

STATUS = st.sampled_from([None, "SQL", "PQL", "MQL"])
RUN = st.tuples(st.integers(0, 30),  # as-of in 12-hour steps: 36h / 5d cooldowns bite
                st.dictionaries(st.sampled_from(["a", "b", "c"]), STATUS, max_size=3))


def state_of(moves_: list[tuple]) -> dict[tuple, tuple]:
    """The state table's rows derived from transitions (as_of, entity, kind, status)."""
    state: dict[tuple, list] = {}
    for as_of, entity, kind, status in sorted(moves_):
        row = state.setdefault((entity, status), [None, None, None, 0])
        if kind == "entered":
            row[0] = row[0] or as_of
            row[1] = as_of
            row[3] += 1
        else:
            row[2] = as_of
    return {key: (*row, row[1] is not None and (row[2] is None or row[1] > row[2]))
            for key, row in state.items()}


def stored_state(con: Connection, store: str = "scores") -> dict[tuple, tuple]:
    rows = con.query("SELECT entity_id, status, first_entered_at, last_entered_at, "
                     f'last_exited_at, times_entered, is_current FROM "{store}_state" '
                     "WHERE entity_type = 'person'").to_pylist()
    assert len(rows) == len({(r["entity_id"], r["status"]) for r in rows})
    return {(r["entity_id"], r["status"]): (r["first_entered_at"], r["last_entered_at"],
                                            r["last_exited_at"], r["times_entered"],
                                            r["is_current"]) for r in rows}


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def memory_project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """A store in an in-memory DuckDB, and one in the test PostgreSQL server."""
    folder = tmp_path_factory.mktemp(f"hypothesis-{request.param}")
    if request.param == "duckdb":
        proj = make_project(folder, db=":memory:")
    else:
        proj = _postgres_project(folder)
    yield proj
    if request.param == "postgres":
        con = connect(proj.engine)
        for table in con.tables():
            if table.startswith(f"{proj.config.output.table}_"):
                con.execute(f'DROP TABLE "{table}"')
    proj.close()


def _postgres_project(folder: Path) -> Project:
    from tests.engines.conftest import IN_CI, postgres_config

    config = postgres_config()
    engine = (f"{{type: postgres, host: '{config.host}', port: {config.port}, "
              f"user: '{config.user}', database: '{config.database}'"
              + (f", password: '{config.password.get_secret_value()}'" if config.password
                 else "") + "}")
    # Its own output table: the server's database is shared by every test.
    proj = make_project(folder, engine=engine, output=f"lc_{os.getpid()}")
    try:
        _ = proj.engine
    except Exception as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is not available: {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL is not available: {exc}")
    return proj


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(RUN, st.booleans()), min_size=1, max_size=6))
def test_sql_transitions_match_the_oracle(memory_project: Project, sequence) -> None:
    proj = memory_project
    con = connect(proj.engine)
    store = proj.config.output.table
    for table in con.tables() & {f"{store}_{s}" for s in ("runs", "history", "transitions",
                                                          "state")}:
        con.execute(f'DELETE FROM "{table}"')  # a fresh store per example, one connection
    recorded: dict[datetime, dict[str, str | None]] = {}
    for (step, statuses), written in sequence:
        as_of = T0 + step * timedelta(hours=12)
        record(proj, as_of, statuses, written=written)  # from Arrow, or from the scores table
        recorded[as_of] = statuses  # a re-run of an as-of replaces it
    expected, lifecycle_status = oracle(recorded, COOLDOWNS)
    assert moves(proj) == sorted(expected, key=lambda m: (m[0], m[1], m[2] != "exited"))
    # The state is rebuilt only for the entities a run touched: it must still equal the state
    # of every transition ever recorded.
    assert stored_state(con, store) == state_of(expected)
    for e in ("a", "b", "c"):
        if any(e in s for s in recorded.values()):
            got = {(r["as_of"], e): r["lifecycle_status"]
                   for r in lifecycle.history(proj, e).to_pylist()}
            assert got == {k: v for k, v in lifecycle_status.items() if k[1] == e}


# ---------------------------------------------------------------------------------------------
# End to end on a real scored project, and the CLI
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory):
    from leadscore.scaffold import init_project

    folder = tmp_path_factory.mktemp("lifecycle") / "acme"
    init_project(folder, people=120)
    proj = Project.load(folder)
    end = datetime.fromisoformat(proj.engine.con.con.execute(
        f"SELECT CAST(MAX(ts) AS VARCHAR) FROM read_parquet('{folder}/data/events.parquet')"
    ).fetchone()[0]).replace(microsecond=0)
    as_ofs = [end - timedelta(days=d) for d in (42, 28, 14, 0)]
    results = []
    for as_of in as_ofs:
        result = proj.score(as_of=as_of)
        proj.write(result)
        lifecycle.record_run(proj, result)
        results.append(result)
    proj.close()
    return folder, results


def test_recorded_runs_of_a_scored_project_match_the_oracle(scored) -> None:
    folder, results = scored
    proj = Project.load(folder)
    try:
        cooldowns = {s.name: s.cooldown for s in proj.loaded.model.statuses if s.cooldown}
        runs = {r.as_of: dict(zip(r.table["person_id"].to_pylist(),
                                  r.table["status"].to_pylist(), strict=True)) for r in results}
        expected, _ = oracle(runs, cooldowns)
        assert expected, "the sample world should produce transitions"
        assert moves(proj) == sorted(expected, key=lambda m: (m[0], m[1], m[2] != "exited"))
        assert lifecycle.runs(proj)["entities"].to_pylist() == [r.table.num_rows
                                                               for r in results]
    finally:
        proj.close()


def _cli() -> typer.Typer:
    app = typer.Typer()
    app.command()(transitions_command)
    app.command()(history_command)
    return app


def test_cli_transitions_and_history(scored) -> None:
    folder, results = scored
    runner = CliRunner()
    since = results[-1].as_of.isoformat()
    out = runner.invoke(_cli(), ["transitions", "-p", str(folder), "--since", since, "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert rows and {r["as_of"] for r in rows} == {since}
    entered = [r for r in rows if r["kind"] == "entered"]
    status = entered[0]["status"]
    out = runner.invoke(_cli(), ["transitions", "-p", str(folder), "--status", status,
                                 "--entity", "person", "--until", since])
    assert out.exit_code == 0, out.output
    assert "transition(s)" in out.output and status in out.output
    person = entered[0]["entity_id"]
    scored_runs = sum(person in r.table["person_id"].to_pylist() for r in results)
    out = runner.invoke(_cli(), ["history", person, "-p", str(folder)], env={"COLUMNS": "200"})
    assert out.exit_code == 0, out.output
    assert f"entered {status}" in out.output and f"{scored_runs} run(s)" in out.output
    out = runner.invoke(_cli(), ["history", person, "-p", str(folder), "--json"])
    rows = json.loads(out.output)
    assert len(rows) == scored_runs and rows[-1]["lifecycle_status"] == status
    out = runner.invoke(_cli(), ["transitions", "-p", str(folder), "--since", "yesterday"])
    assert isinstance(out.exception, ConfigError)


def test_a_replayed_run_keeps_the_cooldowns_it_was_recorded_with(tmp_path: Path) -> None:
    folder = tmp_path / "p"
    proj = make_project(folder)  # MQL cooldown 5d
    record(proj, T0, {"a": "MQL"})
    record(proj, T0 + 3 * DAY, {"a": "MQL"})
    proj.close()
    (folder / "model.yaml").write_text(MODEL.replace("cooldown: 5d", "cooldown: 1d"), "utf-8")
    proj = Project.load(folder)
    try:
        summary = record(proj, T0 + DAY, {"a": None})  # a backfill under the 1-day model
        assert summary.replayed == [T0 + 3 * DAY]
        # day 3 was recorded with the 5-day cooldown: 2 days after the exit it is held back
        assert moves(proj) == [(T0, "a", "entered", "MQL"), (T0 + DAY, "a", "exited", "MQL")]
        assert [r["lifecycle_status"] for r in lifecycle.history(proj, "a").to_pylist()] == [
            "MQL", None, None]
    finally:
        proj.close()


def test_a_refused_postgres_statement_is_a_clear_error(tmp_path: Path) -> None:
    proj = _postgres_project(tmp_path / "pg")
    try:
        con = connect(proj.engine)
        assert con.query("SELECT 1 AS one WHERE FALSE").column_names == ["one"]
        assert con.query("SELECT 1 AS one, 'a' AS two").to_pylist() == [{"one": 1, "two": "a"}]
        with pytest.raises(EngineError, match=r"PostgreSQL refused a lifecycle statement "
                                              r"\(SELECT \* FROM no_such_table …\)"):
            con.query("SELECT * FROM no_such_table")
    finally:
        proj.close()
