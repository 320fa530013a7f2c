"""Small helpers to score hand-written rows on a real in-memory DuckDB."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import ibis
import pyarrow as pa

from leadscore.compile.assemble import compile_scores
from leadscore.compile.tables import ScoringTables
from leadscore.spec.loader import load_model, load_model_text
from leadscore.spec.model import ScoringModel

PRESETS = Path(__file__).parent.parent / "src" / "leadscore" / "presets"
_CON = ibis.duckdb.connect()


def preset(name: str) -> ScoringModel:
    return load_model(PRESETS / f"{name}.yaml").model


def model_from(text: str) -> ScoringModel:
    return load_model_text(text).model


def arrow(rows: list[dict], types: dict[str, pa.DataType] | None = None) -> pa.Table:
    """Rows → Arrow table; columns missing from a row are null; types inferred unless given."""
    columns = sorted({k for row in rows for k in row})
    types = types or {}
    return pa.table({c: pa.array([r.get(c) for r in rows], type=types.get(c)) for c in columns})


def score(model: ScoringModel, as_of: datetime, people: list[dict], *,
          accounts: list[dict] | None = None, events: list[dict] | None = None,
          event_types: dict[str, pa.DataType] | None = None) -> dict[str, dict]:
    """Score rows with the compiled model; returns person_id → full result row."""
    tables = ScoringTables(
        people=ibis.memtable(arrow(people)),
        accounts=ibis.memtable(arrow(accounts)) if accounts else None,
        events=ibis.memtable(arrow(events, event_types)) if events is not None else None,
    )
    compiled = compile_scores(tables, model)
    rows = _CON.to_pyarrow(compiled.expr, params=compiled.params(as_of)).to_pylist()
    return {row["person_id"]: row for row in rows}
