"""Where the lifecycle lives: four tables next to the scores table, and the SQL that fills them.

All the logic is set-wise SQL over whole runs (one statement per step, never a Python loop over
rows). The statements use only portable SQL (``CASE``, ``FULL OUTER JOIN``, ``UPDATE … FROM``,
``EXTRACT(EPOCH FROM …)``), the same on DuckDB and PostgreSQL. What differs —
loading Arrow, temporary tables, fetching Arrow — is inside a :class:`Connection` per engine
(DuckDB and PostgreSQL).

Tables, for ``output.table = scores``:

``scores_runs``         one row per recorded run: entity type, run id, as-of, logic hash, the
                        statuses' cooldowns (seconds, JSON) and the entity count.
``scores_history``      one row per entity per run: scores, the model's ``status`` and the
                        ``lifecycle_status`` after cooldowns.
``scores_transitions``  ``entered`` / ``exited`` events at the run's ``as_of``.
``scores_state``        per entity and status: first/last entered, last exited, entries, current
                        (rebuilt from the transitions, after each run, for the entities it touched).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import pyarrow as pa

from leadscore.errors import EngineError, UnsupportedFeatureError
from leadscore.sqltext import ident, text_literal

SUFFIXES = ("runs", "history", "transitions", "state")

_DDL = {
    "runs": """
        entity_type VARCHAR NOT NULL, run_id VARCHAR NOT NULL, as_of TIMESTAMP NOT NULL,
        logic_hash VARCHAR, model_name VARCHAR, cooldowns VARCHAR, entities BIGINT,
        recorded_at TIMESTAMP""",
    "history": """
        run_id VARCHAR NOT NULL, as_of TIMESTAMP NOT NULL, entity_type VARCHAR NOT NULL,
        entity_id VARCHAR NOT NULL, fit DOUBLE PRECISION, behavior DOUBLE PRECISION,
        total DOUBLE PRECISION, status VARCHAR, lifecycle_status VARCHAR, logic_hash VARCHAR,
        scored_at TIMESTAMP""",
    "transitions": """
        entity_type VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, status VARCHAR NOT NULL,
        kind VARCHAR NOT NULL, as_of TIMESTAMP NOT NULL, run_id VARCHAR NOT NULL,
        previous_status VARCHAR, new_status VARCHAR, total DOUBLE PRECISION, cause VARCHAR""",
    "state": """
        entity_type VARCHAR NOT NULL, entity_id VARCHAR NOT NULL, status VARCHAR NOT NULL,
        first_entered_at TIMESTAMP, last_entered_at TIMESTAMP, last_exited_at TIMESTAMP,
        times_entered BIGINT, is_current BOOLEAN""",
}


class Connection:
    """The few things the store needs from a database: run SQL, query Arrow, load Arrow.

    One implementation per engine (:func:`connect`); everything else in this module is
    portable SQL.
    """

    def execute(self, sql: str) -> None:
        """Run one statement."""
        raise NotImplementedError

    def query(self, sql: str) -> pa.Table:
        """Run a query and return its rows as Arrow."""
        raise NotImplementedError

    def scalar(self, sql: str):
        """The first value of the first row (``None`` when there is no row)."""
        raise NotImplementedError

    @contextmanager
    def scanning(self, name: str, data: pa.Table) -> Iterator[None]:
        """Arrow data queryable as ``name`` while the block runs."""
        raise NotImplementedError
        yield  # pragma: no cover

    def temp_table_as(self, name: str, select: str) -> None:
        """(Re)create temporary table ``name`` from a query."""
        raise NotImplementedError

    @contextmanager
    def recording(self) -> Iterator[None]:
        """The connection set up for recording a run while the block runs (as it is, here)."""
        yield

    @contextmanager
    def viewing(self, name: str, select: str) -> Iterator[None]:
        """The query ``select`` queryable as ``name`` while the block runs (a temporary view)."""
        self.execute(f"CREATE TEMP VIEW {name} AS {select}")
        try:
            yield
        finally:
            self.execute(f"DROP VIEW IF EXISTS {name}")

    def tables(self) -> set[str]:
        """Names of the tables in the current schema."""
        rows = self.query("SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = current_schema()")
        return set(rows.column("table_name").to_pylist())


class DuckDBConnection(Connection):
    """The store in the DuckDB engine's database."""

    def __init__(self, engine) -> None:
        # The native DuckDB connection under Ibis: transactions and Arrow in/out without copies.
        self.raw = engine.con.con

    def execute(self, sql: str) -> None:
        """Run one statement."""
        self.raw.execute(sql)

    def query(self, sql: str) -> pa.Table:
        """Run a query and return its rows as Arrow."""
        return self.raw.sql(sql).to_arrow_table()

    def scalar(self, sql: str):
        """The first value of the first row (``None`` when there is no row)."""
        # Fetch all rows: DuckDB refuses further work on a connection with a half-read result.
        rows = self.raw.execute(sql).fetchall()
        return rows[0][0] if rows else None

    @contextmanager
    def scanning(self, name: str, data: pa.Table) -> Iterator[None]:
        """Arrow data queryable as ``name`` while the block runs (scanned in place, no copy)."""
        self.raw.register(name, data)
        try:
            yield
        finally:
            self.raw.unregister(name)

    def temp_table_as(self, name: str, select: str) -> None:
        """(Re)create temporary table ``name`` from a query."""
        self.raw.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {select}")

    @contextmanager
    def recording(self) -> Iterator[None]:
        """Insertion order kept while the block runs.

        The DuckDB engine runs without it (scores have no order). But without it every
        ``INSERT … SELECT`` takes DuckDB's parallel insert path, which cost a first run of a
        million people 0.1 s more (0.38 s against 0.27 s), most of it in rebuilding the state
        from 160,000 transitions.
        """
        before = self.scalar("SELECT current_setting('preserve_insertion_order')")
        self.execute("SET preserve_insertion_order = true")
        try:
            yield
        finally:
            self.execute(f"SET preserve_insertion_order = {'true' if before else 'false'}")


class PostgresConnection(Connection):
    """The store in the PostgreSQL engine's database (its configured schema)."""

    def __init__(self, engine) -> None:
        self.engine = engine
        # psycopg's connection under Ibis, in autocommit mode: BEGIN/COMMIT are explicit.
        self.raw = engine.con.con

    @contextmanager
    def _run(self, sql: str) -> Iterator:
        """A cursor that has run ``sql``; a server refusal becomes a clear EngineError."""
        import psycopg

        try:
            with self.raw.cursor() as cursor:
                cursor.execute(sql)
                yield cursor
        except psycopg.Error as exc:
            statement = " ".join(sql.split()[:4])
            raise EngineError(f"PostgreSQL refused a lifecycle statement ({statement} …): "
                              f"{str(exc).strip()}; the engine's user needs to create and "
                              "change tables in the configured schema") from exc

    def execute(self, sql: str) -> None:
        """Run one statement."""
        with self._run(sql):
            pass

    def query(self, sql: str) -> pa.Table:
        """Run a query and return its rows as Arrow."""
        with self._run(sql) as cursor:
            names = [column.name for column in cursor.description]
            rows = cursor.fetchall()
        columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
        return pa.table({name: pa.array(values, None if rows else pa.null())
                         for name, values in zip(names, columns, strict=True)})

    def scalar(self, sql: str):
        """The first value of the first row (``None`` when there is no row)."""
        with self._run(sql) as cursor:
            row = cursor.fetchone()
        return row[0] if row else None

    @contextmanager
    def scanning(self, name: str, data: pa.Table) -> Iterator[None]:
        """Arrow data queryable as ``name``: a temporary table loaded with ``COPY``."""
        self.engine.load_table(name, data, temp=True)
        try:
            yield
        finally:
            self.execute(f"DROP TABLE IF EXISTS {name}")

    def temp_table_as(self, name: str, select: str) -> None:
        """(Re)create temporary table ``name`` from a query."""
        self.execute(f"DROP TABLE IF EXISTS {name}")
        self.execute(f"CREATE TEMP TABLE {name} AS {select}")


_CONNECTIONS = {"duckdb": DuckDBConnection, "postgres": PostgresConnection}
SUPPORTED_ENGINES = frozenset(_CONNECTIONS)


def connect(engine) -> Connection:
    """The store's connection to ``engine``'s database.

    Raises:
        UnsupportedFeatureError: the engine has no lifecycle store (Spark).
    """
    kind = _CONNECTIONS.get(getattr(engine, "name", None))
    if kind is None:
        raise UnsupportedFeatureError(
            f"the lifecycle store (score history and transitions) runs on "
            f"{' and '.join(sorted(_CONNECTIONS))}, not on '{getattr(engine, 'name', engine)}'; "
            "score on one of them to keep history and transitions")
    return kind(engine)


quote = ident
"""A double-quoted SQL identifier (see :mod:`leadscore.sqltext`)."""


def lit(value) -> str:
    """A SQL literal for text, timestamps, numbers and ``None``."""
    if value is None:
        return "NULL"
    if isinstance(value, datetime):
        return f"TIMESTAMP '{value:%Y-%m-%d %H:%M:%S.%f}'"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    return text_literal(str(value))


@dataclass(frozen=True)
class Tables:
    """The quoted names of the four lifecycle tables of one scores table."""

    runs: str
    history: str
    transitions: str
    state: str

    @classmethod
    def of(cls, output_table: str) -> Tables:
        """The tables beside ``output_table`` (``scores`` → ``scores_runs`` …)."""
        return cls(*(quote(f"{output_table}_{suffix}") for suffix in SUFFIXES))


def ensure(con: Connection, output_table: str) -> Tables:
    """Create the lifecycle tables when missing."""
    names = Tables.of(output_table)
    for suffix in SUFFIXES:
        con.execute(f"CREATE TABLE IF NOT EXISTS {getattr(names, suffix)} ({_DDL[suffix]})")
    return names


def cooldown_cte(cooldowns: dict[str, float]) -> str:
    """A ``cd(status, seconds)`` CTE body of the statuses that have a cooldown."""
    if not cooldowns:
        return ("SELECT CAST(NULL AS VARCHAR) AS status, "
                "CAST(NULL AS DOUBLE PRECISION) AS seconds WHERE 1 = 0")
    return " UNION ALL ".join(f"SELECT {lit(name)} AS status, {float(sec)!r} AS seconds"
                              for name, sec in sorted(cooldowns.items()))


def decide(con: Connection, t: Tables, *, entity_type: str, as_of: datetime,
           cooldowns: dict[str, float], scores: str) -> None:
    """Compute temp table ``_ls_eff``: each entity's previous and new lifecycle status in a run.

    ``scores`` is a query of the run's scores (``entity_id``, ``status``, ``total``). The
    previous status is the state as of the last transition *before* ``as_of`` (so a run being
    replayed never sees its own or later transitions). An entity of the run whose model status
    differs from its previous status takes the new status unless the status has a cooldown and
    the entity exited it less than the cooldown ago: then it is held back (lifecycle status
    NULL). An entity that holds a status but is missing from the run (no longer scored) exits it.

    Only entities with a model status or a previous status are kept: for every other one the
    lifecycle status is NULL and nothing moves, and at a million scored people they are most
    of the run (the table stays the size of the status holders, not of the run).
    """
    et, at = lit(entity_type), lit(as_of)
    con.temp_table_as("_ls_eff", f"""
        WITH cd AS ({cooldown_cte(cooldowns)}),
        st AS (
            SELECT entity_id, status,
                   MAX(CASE WHEN kind = 'entered' THEN as_of END) AS last_entered_at,
                   MAX(CASE WHEN kind = 'exited' THEN as_of END) AS last_exited_at
            FROM {t.transitions}
            WHERE entity_type = {et} AND as_of < {at}
            GROUP BY entity_id, status),
        prev AS (
            SELECT entity_id, status FROM st
            WHERE last_entered_at IS NOT NULL
              AND (last_exited_at IS NULL OR last_entered_at > last_exited_at)),
        joined AS (
            SELECT COALESCE(c.entity_id, p.entity_id) AS entity_id, c.status AS model_status,
                   c.total AS total, p.status AS previous_status
            FROM ({scores}) c FULL OUTER JOIN prev p ON c.entity_id = p.entity_id
            WHERE c.status IS NOT NULL OR p.status IS NOT NULL)
        SELECT j.entity_id, j.model_status, j.total, j.previous_status,
               CASE
                 WHEN j.model_status IS NULL THEN NULL
                 WHEN j.model_status = j.previous_status THEN j.model_status
                 WHEN s.last_exited_at IS NOT NULL AND cd.seconds IS NOT NULL
                      AND EXTRACT(EPOCH FROM {at}) - EXTRACT(EPOCH FROM s.last_exited_at)
                          < cd.seconds
                   THEN NULL
                 ELSE j.model_status
               END AS new_status
        FROM joined j
        LEFT JOIN st s ON s.entity_id = j.entity_id AND s.status = j.model_status
        LEFT JOIN cd ON cd.status = j.model_status""")


def history_scores(t: Tables, *, entity_type: str, run_id: str) -> str:
    """The ``scores`` query of :func:`decide` for a run already in the history table."""
    return (f"SELECT entity_id, status, total FROM {t.history} "
            f"WHERE entity_type = {lit(entity_type)} AND run_id = {lit(run_id)}")


def insert_history(con: Connection, t: Tables, *, entity_type: str, run_id: str,
                   as_of: datetime, logic_hash: str, scored_at: datetime, scores: str) -> int:
    """The run's history rows from ``scores``, with the lifecycle statuses of ``_ls_eff``.

    Returns how many entities a cooldown held back (model status, no lifecycle status).

    An entity's lifecycle status is its model status unless a cooldown held that back
    (:func:`decide`), so the rows are inserted with the model status and only the held-back
    ones, few or none, are updated: joining ``_ls_eff`` into the insert of a million rows cost
    DuckDB a third more, and updating them all afterwards as much again.
    """
    con.execute(f"""
        INSERT INTO {t.history}
        SELECT {lit(run_id)}, {lit(as_of)}, {lit(entity_type)}, entity_id, fit, behavior,
               total, status, status, {lit(logic_hash)}, {lit(scored_at)}
        FROM {scores}""")
    held_back = "FROM _ls_eff WHERE model_status IS NOT NULL AND new_status IS NULL"
    count = con.scalar(f"SELECT COUNT(*) {held_back}")
    if count:
        con.execute(f"""
            UPDATE {t.history} SET lifecycle_status = NULL
            WHERE entity_type = {lit(entity_type)} AND run_id = {lit(run_id)}
              AND entity_id IN (SELECT entity_id {held_back})""")
    return int(count)


def apply(con: Connection, t: Tables, *, entity_type: str, run_id: str, as_of: datetime,
          cause: str, update_history: bool = True) -> None:
    """Insert the run's transitions from ``_ls_eff``; store its lifecycle statuses.

    ``update_history=False`` when the history rows were inserted with them
    (:func:`insert_history`). Rows outside ``_ls_eff`` have no model status, and their stored
    lifecycle status is already NULL.
    """
    et, at, run = lit(entity_type), lit(as_of), lit(run_id)
    common = f"{et}, entity_id, {{status}}, {{kind}}, {at}, {run}, previous_status, new_status, " \
             f"total, {lit(cause)}"
    con.execute(f"""
        INSERT INTO {t.transitions}
        SELECT {common.format(status="previous_status", kind="'exited'")} FROM _ls_eff
        WHERE previous_status IS NOT NULL
          AND (new_status IS NULL OR new_status <> previous_status)""")
    con.execute(f"""
        INSERT INTO {t.transitions}
        SELECT {common.format(status="new_status", kind="'entered'")} FROM _ls_eff
        WHERE new_status IS NOT NULL
          AND (previous_status IS NULL OR previous_status <> new_status)""")
    if update_history:
        con.execute(f"""
            UPDATE {t.history} SET lifecycle_status = e.new_status
            FROM _ls_eff e
            WHERE {t.history}.entity_type = {et} AND {t.history}.run_id = {run}
              AND {t.history}.entity_id = e.entity_id""")


def rebuild_state(con: Connection, t: Tables, *, entity_type: str,
                  entities: str | None = None) -> None:
    """Recompute the state rows of one entity type from its transitions.

    ``entities`` (a query of ``entity_id``) limits the rebuild to those entities: the ones
    whose transitions a run added or removed. The state of every other entity is unchanged,
    so a run costs its own transitions, not the whole history's.
    """
    et = lit(entity_type)
    only = f" AND entity_id IN ({entities})" if entities is not None else ""
    con.execute(f"DELETE FROM {t.state} WHERE entity_type = {et}{only}")
    con.execute(f"""
        INSERT INTO {t.state}
        SELECT entity_type, entity_id, status, first_entered_at, last_entered_at,
               last_exited_at, times_entered,
               last_entered_at IS NOT NULL
                 AND (last_exited_at IS NULL OR last_entered_at > last_exited_at) AS is_current
        FROM (
            SELECT entity_type, entity_id, status,
                   MIN(CASE WHEN kind = 'entered' THEN as_of END) AS first_entered_at,
                   MAX(CASE WHEN kind = 'entered' THEN as_of END) AS last_entered_at,
                   MAX(CASE WHEN kind = 'exited' THEN as_of END) AS last_exited_at,
                   SUM(CASE WHEN kind = 'entered' THEN 1 ELSE 0 END) AS times_entered
            FROM {t.transitions}
            WHERE entity_type = {et}{only}
            GROUP BY entity_type, entity_id, status) agg""")


def cooldowns_json(cooldowns: dict[str, float]) -> str:
    """How a run stores its cooldowns (so a replay uses the cooldowns the run was recorded with)."""
    return json.dumps(cooldowns, sort_keys=True)
