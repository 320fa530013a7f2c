"""Lifecycle: score history, status transitions and status dates across scoring runs.

Every recorded run (one as-of) keeps one history row per entity and turns the change of each
entity's status since the previous run into ``entered`` / ``exited`` transitions, with
re-entry held back by the status's ``cooldown`` (re-MQL logic). The precise rules are in
``docs/semantics.md`` (section 4) and the guide is ``docs/lifecycle.md``.

>>> result = project.score(as_of=datetime(2026, 3, 1))     # doctest: +SKIP
>>> record_run(project, result)                             # doctest: +SKIP
RunSummary(run_id='r20260301T000000', entered=41, exited=3, …)
>>> transitions(project, since=datetime(2026, 3, 1))       # doctest: +SKIP

Runs are keyed by (entity type, as-of): recording the same as-of again replaces that run, and an
as-of earlier than runs already recorded is inserted in order and the transitions of every later
run are recomputed (replayed from their stored history), so the store always equals what
recording the runs in as-of order would give.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from leadscore.errors import ConfigError, DataError, NotFoundError
from leadscore.lifecycle.store import (
    SUPPORTED_ENGINES,
    Connection,
    Tables,
    apply,
    connect,
    cooldowns_json,
    decide,
    ensure,
    history_scores,
    insert_history,
    lit,
    quote,
    rebuild_state,
)

if TYPE_CHECKING:
    from leadscore.project import Project, ScoreResult

__all__ = ["ENTITY_TYPES", "RunSummary", "history", "record_run", "run_id_for", "runs",
           "status_dates", "supports", "transitions"]

ENTITY_TYPES = ("person", "account")
"""Entity types of the store: people, and accounts of a model with an ``accounts`` section."""

_SCORE_COLUMNS = ("fit", "behavior", "total", "status")


@dataclass(frozen=True)
class RunSummary:
    """What recording one run did.

    Attributes:
        run_id: ``r`` + the as-of as ``YYYYMMDDTHHMMSS`` (one run per entity type and as-of).
        as_of: The run's as-of instant (naive UTC).
        entity_type: ``person`` (``account`` later).
        entities: History rows written for this run.
        entered: ``entered`` transitions of this run.
        exited: ``exited`` transitions of this run.
        held_back: Entities whose model status was held back by a cooldown in this run.
        replaced: Whether a run with this as-of existed and was replaced.
        replayed: As-ofs of later runs whose transitions were recomputed (out-of-order run).
        model_changed: Whether the logic hash differs from the previous run's.
    """

    run_id: str
    as_of: datetime
    entity_type: str
    entities: int
    entered: int
    exited: int
    held_back: int
    replaced: bool
    replayed: list[datetime] = field(default_factory=list)
    model_changed: bool = False


def supports(engine) -> bool:
    """Whether the lifecycle store can live in this engine's database (DuckDB, PostgreSQL)."""
    return getattr(engine, "name", None) in SUPPORTED_ENGINES


def run_id_for(as_of: datetime) -> str:
    """The run id of an as-of: deterministic, so re-running an as-of finds its run."""
    return f"r{as_of:%Y%m%dT%H%M%S}"


def entity_statuses(model, entity_type: str) -> list:
    """The statuses (with their cooldowns) that apply to ``entity_type`` in ``model``."""
    if entity_type == "account":
        return list(model.accounts.statuses) if model.accounts is not None else []
    return list(model.statuses)


def _check_entity_type(entity_type: str) -> None:
    if entity_type not in ENTITY_TYPES:
        raise ConfigError(f"entity type '{entity_type}' is not one of {', '.join(ENTITY_TYPES)}")


def _checked_scores(result: ScoreResult, id_column: str) -> pa.Table:
    """``result.table``, refused when it lacks a score column or an id."""
    table = result.table
    missing = [c for c in (id_column, *_SCORE_COLUMNS) if c not in table.column_names]
    if missing:
        raise DataError(f"the scores to record lack column(s) {', '.join(missing)}; record the "
                        "result of Project.score()")
    ids = table[id_column]
    if ids.null_count:
        raise DataError(f"{ids.null_count} score row(s) have no {id_column}; every recorded "
                        "entity needs an id")
    return table


def _scores(table: pa.Table, id_column: str) -> pa.Table:
    """The run's scores as the store reads them (``entity_id``, ``fit`` … ``status``)."""
    return pa.table({
        "entity_id": pc.cast(table[id_column], pa.string()),
        "fit": pc.cast(table["fit"], pa.float64()),
        "behavior": pc.cast(table["behavior"], pa.float64()),
        "total": pc.cast(table["total"], pa.float64()),
        "status": pc.cast(table["status"], pa.string()),
    })


def _scores_of_table(table: str, id_column: str) -> str:
    """:func:`_scores` as a query of an engine table holding the scores."""
    return (f"SELECT CAST({quote(id_column)} AS VARCHAR) AS entity_id, "
            "CAST(fit AS DOUBLE PRECISION) AS fit, CAST(behavior AS DOUBLE PRECISION) AS behavior, "
            "CAST(total AS DOUBLE PRECISION) AS total, CAST(status AS VARCHAR) AS status "
            f"FROM {quote(table)}")


def record_run(project: Project, result: ScoreResult, *, entity_type: str = "person",
               id_column: str = "person_id", table: str | None = None) -> RunSummary:
    """Record a scoring run: history rows, transitions since the previous run, state.

    Args:
        project: The project whose engine database holds the store (tables named after
            ``output.table``: ``_runs``, ``_history``, ``_transitions``, ``_state``).
        result: Scores from :meth:`Project.score` with the project's current model (its
            cooldowns apply to this run).
        entity_type: ``person``, or ``account`` for account scores (their statuses apply).
        id_column: The entity id column of ``result.table``.
        table: A table of the engine's database that holds ``result.table`` as it is (the one
            :meth:`Project.write` has just written): the run is read from it, in place,
            instead of being loaded into the database again.

    Returns:
        What the run recorded; see :class:`RunSummary`.

    Raises:
        ConfigError: ``result`` was scored with another model than the project's.
        DataError: the scores lack columns or repeat an id.
        UnsupportedFeatureError: the engine has no lifecycle store (Spark).
    """
    from leadscore.project import has_repeated_ids
    from leadscore.spec.fingerprint import logic_hash

    _check_entity_type(entity_type)
    model = project.loaded.model
    if result.logic_hash != logic_hash(model):
        raise ConfigError(
            f"these scores come from logic {result.logic_hash} but the project's model "
            f"{project.model_path.name} is logic {logic_hash(model)}; record scores produced "
            "by this project's Project.score() so the cooldowns match the model")
    con = connect(project.engine)
    if table is not None and table not in con.tables():
        raise NotFoundError(f"table '{table}' is not in the engine's database; pass the table "
                            "Project.write wrote these scores to, or leave `table` out to "
                            "record them from the result itself")
    t = ensure(con, project.config.output.table)
    as_of = result.as_of
    run_id = run_id_for(as_of)
    cooldowns = {s.name: s.cooldown.total_seconds()
                 for s in entity_statuses(model, entity_type) if s.cooldown}
    scores = _checked_scores(result, id_column)
    checked = result.unique_ids and id_column == "person_id"  # by Project.score
    if not checked and has_repeated_ids(scores[id_column], project.engine):
        raise DataError(f"the scores repeat some {id_column}; one row per entity is recorded")
    # The scores are read where they are: the table they were written to, or else the Arrow
    # data (DuckDB scans it in place; PostgreSQL needs it loaded into a temporary table).
    reading = (con.viewing("_ls_scores", _scores_of_table(table, id_column)) if table
               else con.scanning("_ls_scores", _scores(scores, id_column)))
    with reading, con.recording():
        return _record(con, t, result, entity_type, run_id, cooldowns, scores.num_rows)


def _record(con: Connection, t: Tables, result: ScoreResult, entity_type: str, run_id: str,
            cooldowns: dict[str, float], entities: int) -> RunSummary:
    """:func:`record_run` inside one transaction, the run's scores registered as _ls_scores."""
    as_of = result.as_of
    et, at = lit(entity_type), lit(as_of)
    # Entities whose transitions this run removes or adds: only their state is rebuilt.
    touched = (f"SELECT entity_id FROM {t.transitions} WHERE entity_type = {et} "
               f"AND as_of >= {at}")
    con.execute("BEGIN TRANSACTION")
    try:
        replaced = bool(con.scalar(
            f"SELECT COUNT(*) FROM {t.runs} WHERE entity_type = {et} AND as_of = {at}"))
        con.execute(f"DELETE FROM {t.runs} WHERE entity_type = {et} AND as_of = {at}")
        con.execute(f"DELETE FROM {t.history} WHERE entity_type = {et} AND as_of = {at}")
        now = datetime.now(UTC).replace(tzinfo=None)
        con.execute(f"""
            INSERT INTO {t.runs} VALUES ({et}, {lit(run_id)}, {at}, {lit(result.logic_hash)},
                {lit(result.model_name)}, {lit(cooldowns_json(cooldowns))}, {entities},
                {lit(now)})""")
        con.temp_table_as("_ls_touched", touched)
        # Transitions from this as-of on are recomputed, in as-of order: normally that is just
        # this run; for an out-of-order run it is also every later run (from stored history).
        con.execute(f"DELETE FROM {t.transitions} WHERE entity_type = {et} AND as_of >= {at}")
        previous_hash = con.scalar(
            f"SELECT logic_hash FROM {t.runs} WHERE entity_type = {et} AND as_of < {at} "
            "ORDER BY as_of DESC LIMIT 1")
        replay = con.query(
            f"SELECT run_id, as_of, logic_hash, cooldowns FROM {t.runs} "
            f"WHERE entity_type = {et} AND as_of >= {at} ORDER BY as_of").to_pylist()
        model_changed = False
        held_back = 0
        for run in replay:
            changed = previous_hash is not None and run["logic_hash"] != previous_hash
            this_run = run["run_id"] == run_id
            source = ("SELECT entity_id, status, total FROM _ls_scores" if this_run else
                      history_scores(t, entity_type=entity_type, run_id=run["run_id"]))
            decide(con, t, entity_type=entity_type, as_of=run["as_of"],
                   cooldowns=json.loads(run["cooldowns"] or "{}"), scores=source)
            if this_run:
                held_back = insert_history(con, t, entity_type=entity_type, run_id=run_id,
                                           as_of=as_of, logic_hash=result.logic_hash,
                                           scored_at=now, scores="_ls_scores")
                model_changed = changed
            apply(con, t, entity_type=entity_type, run_id=run["run_id"], as_of=run["as_of"],
                  cause="model_change" if changed else "data", update_history=not this_run)
            previous_hash = run["logic_hash"]
        con.execute(f"INSERT INTO _ls_touched {touched}")
        rebuild_state(con, t, entity_type=entity_type,
                      entities="SELECT entity_id FROM _ls_touched")
        counts = {r["kind"]: r["n"] for r in con.query(
            f"SELECT kind, COUNT(*) AS n FROM {t.transitions} WHERE entity_type = {et} "
            f"AND run_id = {lit(run_id)} GROUP BY kind").to_pylist()}
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute("DROP TABLE IF EXISTS _ls_eff")
        con.execute("DROP TABLE IF EXISTS _ls_touched")
    return RunSummary(run_id, as_of, entity_type, int(entities), int(counts.get("entered", 0)),
                      int(counts.get("exited", 0)), int(held_back), replaced,
                      [r["as_of"] for r in replay if r["run_id"] != run_id], model_changed)


# -- reading the store -----------------------------------------------------------------------


def _store(project: Project) -> tuple[Connection, Tables]:
    con = connect(project.engine)
    table = project.config.output.table
    missing = [f"{table}_{s}" for s in ("runs", "history", "transitions", "state")
               if f"{table}_{s}" not in con.tables()]
    if missing:
        where = project.config.engine.path if hasattr(project.config.engine, "path") else "the db"
        raise NotFoundError(
            f"no lifecycle store in {where} (missing {', '.join(missing)}): nothing has been "
            "recorded yet; run `leadscore score` (which records each run) first"
            + ("; with engine.path ':memory:' nothing persists between commands, set a "
               "database file" if where == ":memory:" else ""))
    return con, Tables.of(table)


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def transitions(project: Project, *, since: datetime | None = None,
                until: datetime | None = None, status: str | None = None,
                entity_type: str | None = None, entity_id: str | None = None) -> pa.Table:
    """Recorded transitions with ``since <= as_of <= until``, oldest first (exits before entries).

    Raises:
        NotFoundError: nothing has been recorded in the project's database yet.
    """
    if entity_type is not None:
        _check_entity_type(entity_type)
    if since is not None and until is not None and until < since:
        raise ConfigError(f"--until {until:%Y-%m-%d %H:%M} is before --since "
                          f"{since:%Y-%m-%d %H:%M}; nothing can match")
    con, t = _store(project)
    clauses = []
    if since is not None:
        clauses.append(f"as_of >= {lit(since)}")
    if until is not None:
        clauses.append(f"as_of <= {lit(until)}")
    if status is not None:
        clauses.append(f"status = {lit(status)}")
    if entity_type is not None:
        clauses.append(f"entity_type = {lit(entity_type)}")
    if entity_id is not None:
        clauses.append(f"entity_id = {lit(entity_id)}")
    return con.query(
        f"SELECT as_of, entity_type, entity_id, kind, status, previous_status, new_status, total, "
        f"cause, run_id FROM {t.transitions} {_where(clauses)} "
        "ORDER BY as_of, entity_type, entity_id, CASE kind WHEN 'exited' THEN 0 ELSE 1 END")


def history(project: Project, entity_id: str, *, entity_type: str = "person") -> pa.Table:
    """One entity's score history, one row per recorded run, oldest first.

    Raises:
        NotFoundError: nothing is recorded, or the entity is in no recorded run.
    """
    _check_entity_type(entity_type)
    con, t = _store(project)
    rows = con.query(
        f"SELECT as_of, run_id, fit, behavior, total, status, lifecycle_status, logic_hash, "
        f"scored_at FROM {t.history} WHERE entity_type = {lit(entity_type)} "
        f"AND entity_id = {lit(entity_id)} ORDER BY as_of")
    if rows.num_rows == 0:
        raise NotFoundError(f"{entity_type} '{entity_id}' is in no recorded run")
    return rows


def runs(project: Project, *, entity_type: str = "person") -> pa.Table:
    """The recorded runs, oldest first."""
    _check_entity_type(entity_type)
    con, t = _store(project)
    return con.query(f"SELECT run_id, as_of, logic_hash, model_name, cooldowns, entities, "
                     f"recorded_at FROM {t.runs} WHERE entity_type = {lit(entity_type)} "
                     "ORDER BY as_of")


def date_column(status: str) -> str:
    """The status-date column of a status (``MQL`` → ``mql_date``, ``Sales Ready`` → …)."""
    return re.sub(r"[^a-z0-9]+", "_", status.lower()).strip("_") + "_date"


def status_dates(project: Project, *, entity_type: str = "person") -> pa.Table:
    """The state pivoted for display and CRM sync: one row per entity.

    Columns: ``entity_id``, ``current_status`` (lifecycle status after the latest run) and, per
    model status, the instant it last entered it (``mql_date``, ``pql_date``, …; NULL when never).
    """
    _check_entity_type(entity_type)
    con, t = _store(project)
    names = [s.name for s in entity_statuses(project.loaded.model, entity_type)]
    recorded = con.query(f"SELECT DISTINCT status FROM {t.state} "
                         f"WHERE entity_type = {lit(entity_type)}")["status"].to_pylist()
    names += sorted(n for n in recorded if n not in names)  # statuses since removed from model
    pivots = "".join(
        f", MAX(CASE WHEN status = {lit(n)} THEN last_entered_at END) AS {quote(date_column(n))}"
        for n in names)
    return con.query(
        f"SELECT entity_id, MAX(CASE WHEN is_current THEN status END) AS current_status{pivots} "
        f"FROM {t.state} WHERE entity_type = {lit(entity_type)} "
        "GROUP BY entity_id ORDER BY entity_id")
