"""The embedded default engine: DuckDB through Ibis.

An engine module is deliberately small: open a connection, read sources as Ibis tables, execute
a compiled expression with the as-of bound, and write results. Everything about *what* a score
is lives in :mod:`leadscore.compile`.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
import sqlglot.expressions as sge
from ibis.backends.duckdb.converter import DuckDBPyArrowData

from leadscore.compile.portable import for_dialect
from leadscore.compile.sqlcache import cached_sql
from leadscore.config import DuckDBEngineConfig, SourceConfig
from leadscore.engines.base import DUCKDB, rename_columns
from leadscore.errors import DataError, EngineError

# What this module does to the rendered SQL is part of the cached text (NOT MATERIALIZED).
_SOURCE_DIGEST = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()


def _arrow(relation: Any, kind: str) -> Any:
    """``to_arrow_<kind>`` (DuckDB 2) or ``fetch_arrow_<kind>`` (DuckDB 1, deprecated in 2)."""
    return getattr(relation, f"to_arrow_{kind}", None) or getattr(relation, f"fetch_arrow_{kind}")


class DuckDBEngine:
    """Runs compiled models on DuckDB (in memory or in a database file)."""

    name = "duckdb"
    dialect = "duckdb"
    capabilities = DUCKDB

    def __init__(self, config: DuckDBEngineConfig, *, root: Path) -> None:
        path = config.path
        if path != ":memory:" and not Path(path).is_absolute():
            path = str(root / path)
        # Scores have no order of their own (rankings sort explicitly), and keeping the rows of a
        # million-row join or aggregate in scan order costs DuckDB a final ordered collection:
        # without it the scoring query at 50M events runs ~3 % faster (bench/README.md).
        kwargs: dict[str, Any] = {"preserve_insertion_order": False}
        if config.threads:
            kwargs["threads"] = config.threads
        if config.memory_limit:
            kwargs["memory_limit"] = config.memory_limit
        self.root = root
        self.con = ibis.duckdb.connect(path, **kwargs)

    def read(self, name: str, source: SourceConfig) -> ir.Table:
        """Open a source as a table, with its columns renamed to canonical names."""
        if source.table is not None:
            if source.table not in self.con.list_tables():
                raise DataError(f"table '{source.table}' does not exist in the database; "
                                f"tables: {', '.join(self.con.list_tables()) or 'none'}",
                                source=name)
            table = self.con.table(source.table)
        else:
            table = self._read_file(name, source)
        return self._rename(name, table, source.columns)

    def _read_file(self, name: str, source: SourceConfig) -> ir.Table:
        pattern = source.path or ""
        path = pattern if Path(pattern).is_absolute() else str(self.root / pattern)
        if not any(ch in path for ch in "*?[") and not Path(path).exists():
            raise DataError(f"file {path} does not exist", source=name)
        fmt = source.file_format()
        table_name = f"src_{name}"
        try:
            if fmt == "parquet":
                return self.con.read_parquet(path, table_name=table_name)
            if fmt == "csv":
                return self.con.read_csv(path, table_name=table_name)
            return self.con.read_json(path, table_name=table_name)
        except Exception as exc:  # DuckDB raises many types for unreadable files
            raise DataError(f"cannot read {path} as {fmt}: {exc}", source=name) from exc

    _rename = staticmethod(rename_columns)

    def sql(self, expr: ir.Expr, params: dict | None = None) -> str:
        """The SQL :meth:`execute` runs for ``expr`` (``params`` inlined).

        Rendering costs 0.3-0.5 s for a scoring query, so the text is cached per expression
        (:mod:`leadscore.compile.sqlcache`) and only the as-of literal changes between runs.
        """
        return cached_sql(expr, params, self.dialect, self._render, self._literal,
                          salt=_SOURCE_DIGEST)

    def _literal(self, value: Any, dtype: Any) -> str:
        query = self.con.compiler.to_sqlglot(ibis.literal(value, type=dtype).name("v").as_table())
        return query.expressions[0].unalias().sql(dialect=self.con.dialect)

    def _render(self, expr: ir.Expr, params: dict | None) -> str:
        query = self.con.compiler.to_sqlglot(for_dialect(expr, self.dialect).as_table(),
                                             params=params)
        # Ibis turns a relation read twice into a CTE, and DuckDB materialises a CTE with more
        # than one consumer: for the visible events that was the whole 50M-row relation
        # (~3.8 GB) held in memory. Re-reading a scan is cheaper than holding it, so every CTE
        # is inlined (NOT MATERIALIZED); the scoring query itself has none on DuckDB.
        for cte in query.find_all(sge.CTE):
            cte.set("materialized", False)
        return query.sql(dialect=self.con.dialect, copy=False)

    def execute(self, expr: ir.Expr, params: dict | None = None) -> pa.Table:
        """Run an expression and return an Arrow table."""
        try:
            self.con._run_pre_execute_hooks(expr)  # registers in-memory tables it reads
            relation = self.con.con.sql(self.sql(expr, params))
            table = _arrow(relation, "table")()
            return expr.__pyarrow_result__(table, data_mapper=DuckDBPyArrowData)
        except Exception as exc:
            raise EngineError(f"DuckDB failed to run the compiled model: {exc}") from exc

    def write_table(self, name: str, data: pa.Table) -> None:
        """Create or replace a table in the engine's database from Arrow data."""
        raw = self.con.con
        raw.register("_leadscore_in", data)
        try:
            raw.execute(f'CREATE OR REPLACE TABLE "{name}" AS SELECT * FROM _leadscore_in')
        finally:
            raw.unregister("_leadscore_in")

    def write_file(self, path: Path, data: pa.Table) -> None:
        """Write Arrow data as Parquet, CSV or NDJSON depending on the file extension."""
        formats = {".parquet": "PARQUET", ".pq": "PARQUET", ".csv": "CSV", ".ndjson": "JSON",
                   ".jsonl": "JSON", ".json": "JSON"}
        fmt = formats.get(path.suffix.lower())
        if fmt is None:
            raise DataError(f"cannot write '{path}': use .parquet, .csv or .ndjson")
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = self.con.con  # the native DuckDB connection: COPY writes in C++, no row loop
        raw.register("_leadscore_out", data)
        try:
            target = str(path).replace("'", "''")
            raw.execute(f"COPY (SELECT * FROM _leadscore_out) TO '{target}' (FORMAT {fmt})")
        finally:
            raw.unregister("_leadscore_out")

    def close(self) -> None:
        """Release the connection."""
        self.con.disconnect()
