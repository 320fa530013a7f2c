"""The engine conformance kit: does an engine score exactly like DuckDB and the reference?

``tests/engines/test_conformance.py`` runs it over DuckDB, PostgreSQL and Spark; a plugin
engine runs the same checks from its own test suite::

    from leadscore.testing.conformance import check_engine

    def test_my_engine_conforms(tmp_path):
        engine = MyEngine(MyEngineConfig(...), root=tmp_path)
        assert check_engine(engine, tmp_path) == []

Data goes into an engine the way users' data does: written as Parquet files and opened with
``engine.read(name, SourceConfig(path=...))``. The compiled expression is the one every engine
runs (:func:`leadscore.compile.assemble.compile_scores`); only ``engine.execute`` differs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from leadscore.compile.assemble import compile_scores
from leadscore.compile.tables import ScoringTables
from leadscore.config import DuckDBEngineConfig, SourceConfig
from leadscore.spec.model import ScoringModel
from leadscore.testing.reference import ReferenceScore, reference_score

TOLERANCE = 1e-6
"""Absolute tolerance for numbers (engines may sum doubles in a different order)."""

SCORE_COLUMNS = ("fit", "behavior", "total", "behavior_raw")
LABEL_COLUMNS = ("status", "fit_tier", "intent_tier", "matrix")
PRESETS = ("product-led", "sales-led")

Rows = dict[str, dict[str, Any]]


def write_sources(directory: Path, tables: dict[str, pa.Table]) -> dict[str, SourceConfig]:
    """Write ``{"people": …, "accounts": …, "events": …}`` as Parquet; their source configs."""
    directory.mkdir(parents=True, exist_ok=True)
    sources = {}
    for name, table in tables.items():
        path = directory / f"{name}.parquet"
        pq.write_table(table, path)
        sources[name] = SourceConfig(path=str(path))
    return sources


def open_tables(engine: Any, sources: dict[str, SourceConfig], *,
                suffix: str = "") -> ScoringTables:
    """The engine's tables for the written sources.

    Engines name what they load after the source (DuckDB's ``src_people``), so reading other
    data under the same name replaces it; a ``suffix`` keeps two worlds apart.
    """
    return ScoringTables(**{name: engine.read(name + suffix, source)
                            for name, source in sources.items()})


def score_rows(engine: Any, model: ScoringModel, tables: ScoringTables, as_of: datetime, *,
               detail: bool = True) -> Rows:
    """Every person's full row (all result and per-rule columns), keyed by ``person_id``."""
    compiled = compile_scores(tables, model)
    expr = compiled.expr if detail else compiled.expr.select(*SCORE_COLUMNS, "person_id")
    rows = engine.execute(expr, compiled.params(as_of)).to_pylist()
    out = {row["person_id"]: row for row in rows}
    if len(out) != len(rows):
        raise AssertionError(f"engine {engine.name} returned a person twice")
    return out


def expected_row(score: ReferenceScore) -> dict[str, Any]:
    """A reference score in the engine's column names."""
    row: dict[str, Any] = {"fit": score.fit, "behavior": score.behavior, "total": score.total,
                           "behavior_raw": score.behavior_raw, "status": score.status,
                           "fit_tier": score.fit_tier, "intent_tier": score.intent_tier,
                           "matrix": score.matrix}
    row.update({f"fit__{k}": v for k, v in score.fit_points.items()})
    row.update({f"b__{k}": v for k, v in score.behavior_points.items()})
    row.update({f"v__{k}": v for k, v in score.velocity_points.items()})
    return row


def reference_rows(model: ScoringModel, tables: dict[str, pa.Table | list[dict]],
                   as_of: datetime) -> Rows:
    """The oracle's rows for the same data (Arrow tables or lists of dicts)."""
    def rows(name: str) -> list[dict]:
        value = tables.get(name)
        if value is None:
            return []
        return value.to_pylist() if isinstance(value, pa.Table) else value

    scores = reference_score(model, rows("people"), rows("accounts"), rows("events"), as_of)
    return {pid: expected_row(s) for pid, s in scores.items()}


def reference_columns(model: ScoringModel) -> list[str]:
    """The columns the reference scorer computes: results and every rule's points."""
    return [*SCORE_COLUMNS, *LABEL_COLUMNS, *(f"fit__{r.id}" for r in model.fit.rules),
            *(f"b__{r.id}" for r in model.behavior.rules),
            *(f"v__{v.id}" for v in model.behavior.velocity)]


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool) or isinstance(a, str) or isinstance(b, str):
        return a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=TOLERANCE)
    return a == b


def differences(actual: Rows, expected: Rows, columns: Iterable[str] | None = None) -> list:
    """Every ``(person, column, actual, expected)`` that differs (numbers within 1e-6).

    ``columns=None`` compares every column of ``expected``.
    """
    if set(actual) != set(expected):
        missing, extra = sorted(set(expected) - set(actual)), sorted(set(actual) - set(expected))
        return [("people scored", f"missing {missing[:5]}", f"unexpected {extra[:5]}")]
    wanted = list(columns) if columns is not None else None
    out = []
    for person_id in sorted(expected):
        want = expected[person_id]
        for column in wanted or list(want):
            a = actual[person_id].get(column, "<no column>")
            if not _same(a, want.get(column)):
                out.append((person_id, column, a, want.get(column)))
    return out


def demo_instants(start: datetime, end: datetime) -> list[datetime]:
    """Three as-of instants over a demo world: early, middle (mid-day) and its very end."""
    days = (end - start).days
    return [start + timedelta(days=days // 4, hours=12, seconds=1),
            start + timedelta(days=days * 2 // 3),
            end - timedelta(seconds=1)]


def check_engine(engine: Any, directory: Path, *, people: int = 300,
                 presets: Iterable[str] = PRESETS) -> list[str]:
    """Score both presets over a demo world at three instants; describe every difference.

    The engine is compared with DuckDB on every column of the score table and with the
    reference scorer on scores, labels and rule points. An empty list means it conforms.
    """
    from leadscore.demo.world import WorldConfig, generate_world
    from leadscore.engines.duckdb import DuckDBEngine
    from leadscore.spec.loader import load_model

    world = generate_world(WorldConfig(people=people))
    data = {"people": world.people, "accounts": world.accounts, "events": world.events}
    sources = write_sources(directory / "conformance-world", data)
    duckdb = DuckDBEngine(DuckDBEngineConfig(), root=directory)
    problems = []
    try:
        theirs, ours = open_tables(engine, sources), open_tables(duckdb, sources)
        presets_dir = Path(__file__).parent.parent / "presets"
        for preset in presets:
            model = load_model(presets_dir / f"{preset}.yaml").model
            for as_of in demo_instants(world.config.start, world.end):
                actual = score_rows(engine, model, theirs, as_of)
                for against, expected, columns in (
                        ("duckdb", score_rows(duckdb, model, ours, as_of), None),
                        ("reference", reference_rows(model, data, as_of),
                         reference_columns(model))):
                    diff = differences(actual, expected, columns)
                    if diff:
                        problems.append(f"{preset} as of {as_of:%Y-%m-%d %H:%M:%S}: {len(diff)} "
                                        f"difference(s) with {against}, e.g. {diff[:5]}")
    finally:
        duckdb.close()
    return problems
