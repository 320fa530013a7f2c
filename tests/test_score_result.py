"""ScoreResult's summaries: the top rows and the status counts, against plain sorting."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from leadscore.project import ScoreResult

ROWS = st.lists(st.tuples(st.integers(0, 5), st.sampled_from(["PQL", "MQL", None])),
                max_size=40)


def _result(rows: list[tuple[int, str | None]], pieces: int) -> ScoreResult:
    table = pa.table({"person_id": [f"p{i:03d}" for i in range(len(rows))],
                      "total": [float(total) for total, _ in rows],
                      "status": pa.array([status for _, status in rows], pa.string()),
                      "reasons": pa.array([f"r{total}" for total, _ in rows]).dictionary_encode()})
    size = max(1, -(-len(rows) // pieces))  # chunked columns, as DuckDB returns them
    return ScoreResult(pa.Table.from_batches(table.to_batches(max_chunksize=size), table.schema),
                       datetime(2026, 1, 1), "h", "m", 0.0)


@settings(max_examples=60, deadline=None)
@given(ROWS, st.integers(1, 4), st.integers(0, 12), st.sampled_from([None, "PQL"]))
def test_ranked_is_the_head_of_a_full_sort(rows, pieces, limit, status) -> None:
    result = _result(rows, pieces)
    expected = sorted((r for r in result.table.to_pylist()
                       if status is None or r["status"] == status),
                      key=lambda r: (-r["total"], r["person_id"]))[:limit]
    assert result.ranked(limit, status=status) == expected


def test_status_counts() -> None:
    result = _result([(1, "PQL"), (2, None), (3, "PQL")], pieces=2)
    assert result.status_counts() == {"PQL": 2, None: 1}
