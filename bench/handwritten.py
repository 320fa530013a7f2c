"""Render and run bench/handwritten.sql, the hand-written DuckDB floor for the product-led preset.

    .venv/bin/python bench/handwritten.py bench/data/world_1000000/data 2026-05-05T00:00:00
    .venv/bin/python bench/handwritten.py DATA AS_OF --sql        # print the rendered SQL

The query reads the Parquet files directly; the as-of instant is inlined as a literal, as it is
in the SQL Ibis generates for leadscore.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parent / "handwritten.sql"

#: The settings leadscore's DuckDB engine opens its connection with (src/leadscore/engines/
#: duckdb.py): the floor runs on the same footing. Not imported from there, which would load
#: Ibis into the floor's process and its peak memory.
SETTINGS = {"preserve_insertion_order": False}


def render(data: Path, as_of: datetime) -> str:
    """The query with the Parquet paths of ``data`` and the as-of instant filled in."""
    sql = TEMPLATE.read_text("utf-8")
    values = {"as_of": as_of.strftime("%Y-%m-%d %H:%M:%S.%f")}
    for table in ("people", "accounts", "events"):
        values[table] = str((data / f"{table}.parquet").resolve()).replace("'", "''")
    for key, value in values.items():
        sql = sql.replace("{{" + key + "}}", value)
    return sql


def score(data: Path, as_of: datetime, con=None):
    """Run the query on DuckDB (all cores, :data:`SETTINGS`) and return an Arrow table."""
    import duckdb

    con = con or duckdb.connect(config=SETTINGS)
    return con.sql(render(data, as_of)).to_arrow_table()


if __name__ == "__main__":
    data, as_of = Path(sys.argv[1]), datetime.fromisoformat(sys.argv[2])
    if "--sql" in sys.argv:
        print(render(data, as_of))
    else:
        print(score(data, as_of).slice(0, 10).to_pandas().to_string())
