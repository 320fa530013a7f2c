"""Every engine writes a scores table value for value: NULL text stays NULL (not 'NaN'), empty
text stays empty, dictionary-encoded text (the reasons) is plain text, timestamps keep the
microsecond, and a second write replaces the table."""

from __future__ import annotations

from datetime import datetime

import pyarrow as pa

SCORES = pa.table({
    "person_id": pa.array(["p1", "p2", "p3", "p4"]),
    "status": pa.array(["PQL", None, "", None], pa.string()),
    "total": pa.array([81.5, 0.0, None, -10.0]),
    "score_date": pa.array([datetime(2026, 5, 5, 0, 0, 0, 123456)] * 4, pa.timestamp("us")),
    "reasons": pa.array(["Invited teammates +15", "", None, "Invited teammates +15"]
                        ).dictionary_encode(),
})


def _back(engine, name: str) -> list[dict]:
    return engine.execute(engine.con.table(name).order_by("person_id")).to_pylist()


def _drop(engine, name: str) -> None:
    # Not Ibis's drop_table: with the sqlglot Ibis 12 gets here it renders no table name.
    if engine.name == "postgres":
        with engine.con.begin() as cursor:  # the server is shared by every test run
            cursor.execute(f'DROP TABLE IF EXISTS "{name}"')
    elif engine.name == "spark":
        engine.session.sql(f"DROP TABLE IF EXISTS {name}")
    else:
        engine.con.raw_sql(f'DROP TABLE IF EXISTS "{name}"')


def test_scores_are_written_value_for_value(engine) -> None:
    name = "leadscore_test_scores_written"
    try:
        engine.write_table(name, SCORES)
        expected = SCORES.cast(SCORES.schema.set(4, pa.field("reasons", pa.string()))).to_pylist()
        assert _back(engine, name) == expected
        engine.write_table(name, SCORES.slice(1, 2))  # replaced, not appended
        assert _back(engine, name) == expected[1:3]
    finally:
        _drop(engine, name)
