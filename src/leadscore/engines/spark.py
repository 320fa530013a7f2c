"""Spark through PySpark and Ibis (``pip install 'leadscore[spark]'``; needs Java 17+).

``master`` picks the cluster (``local[*]`` runs in-process); ``config`` entries are passed to
the ``SparkSession`` builder. File sources are read by Spark itself (globs and directories
work, CSV types are inferred by Spark); ``table:`` sources are tables of Spark's catalog.
Results are written with ``saveAsTable`` (under ``spark.sql.warehouse.dir``, by default
``spark-warehouse/`` next to ``leadscore.yaml``); files are written by the driver.
"""

from __future__ import annotations

import shutil
from functools import cached_property
from pathlib import Path
from urllib.parse import urlparse

import ibis
import ibis.expr.types as ir
import pyarrow as pa

from leadscore.compile.portable import for_dialect
from leadscore.config import DuckDBEngineConfig, SourceConfig, SparkEngineConfig
from leadscore.engines.base import SPARK, rename_columns
from leadscore.errors import DataError, EngineError

DEFAULTS = {
    "spark.ui.showConsoleProgress": "false",  # progress bars would garble the CLI's output
    "spark.sql.session.timeZone": "UTC",      # naive timestamps are UTC (docs/data-model.md)
}


class SparkEngine:
    """Runs compiled models on Spark (local mode or a cluster)."""

    name = "spark"
    dialect = "pyspark"
    capabilities = SPARK

    def __init__(self, config: SparkEngineConfig, *, root: Path) -> None:
        from pyspark.sql import SparkSession

        self.root = root
        builder = SparkSession.builder.master(config.master).appName("leadscore")
        settings = {**DEFAULTS, "spark.sql.warehouse.dir": str(root / "spark-warehouse")}
        if config.master.startswith("local"):
            # In-process Spark talks to itself only: keep it on loopback, whatever the hostname.
            settings.update({"spark.driver.host": "127.0.0.1",
                             "spark.driver.bindAddress": "127.0.0.1"})
        settings.update(config.config)
        for key, value in settings.items():
            builder = builder.config(key, str(value).lower() if isinstance(value, bool)
                                     else str(value))
        try:
            session = builder.getOrCreate()
        except Exception as exc:  # no Java, bad master URL, …
            raise EngineError(f"cannot start Spark (master {config.master}): {exc}") from exc
        session.sparkContext.setLogLevel("ERROR")
        self.session = session
        self.con = ibis.pyspark.connect(session)

    @cached_property
    def _files(self):
        """An in-memory DuckDB engine that writes result files from the driver."""
        from leadscore.engines.duckdb import DuckDBEngine

        return DuckDBEngine(DuckDBEngineConfig(), root=self.root)

    def read(self, name: str, source: SourceConfig) -> ir.Table:
        """Open a source as a table, with its columns renamed to canonical names."""
        if source.table is not None:
            tables = self.con.list_tables()
            if source.table not in tables:
                raise DataError(f"table '{source.table}' does not exist in Spark's catalog; "
                                f"tables: {', '.join(tables) or 'none'}", source=name)
            return rename_columns(name, self.con.table(source.table), source.columns)
        pattern = source.path or ""
        path = pattern if Path(pattern).is_absolute() else str(self.root / pattern)
        if not any(ch in path for ch in "*?[") and not Path(path).exists():
            raise DataError(f"file {path} does not exist", source=name)
        fmt = source.file_format()
        table_name = f"leadscore_src_{name}"
        try:
            if fmt == "parquet":
                table = self.con.read_parquet(path, table_name=table_name)
            elif fmt == "csv":
                table = self.con.read_csv(path, table_name=table_name)
            else:  # ndjson is Spark's default JSON; a .json document needs multiLine
                table = self.con.read_json(path, table_name=table_name,
                                           multiLine=fmt == "json")
        except Exception as exc:
            raise DataError(f"cannot read {path} as {fmt}: {exc}", source=name) from exc
        return rename_columns(name, table, source.columns)

    def execute(self, expr: ir.Expr, params: dict | None = None) -> pa.Table:
        """Run an expression and return an Arrow table."""
        try:
            return self.con.to_pyarrow(for_dialect(expr, self.dialect), params=params)
        except Exception as exc:
            raise EngineError(f"Spark failed to run the compiled model: {exc}") from exc

    def write_table(self, name: str, data: pa.Table) -> None:
        """Create or replace a table in Spark's catalog from Arrow data."""
        from ibis.backends.pyspark.datatypes import PySparkSchema  # needs pyspark

        if name not in self.con.list_tables():
            # Spark's default catalog lives in the session: a new session (the next
            # `leadscore score`) does not know the table an earlier one saved, but its folder
            # is still in the warehouse, and saveAsTable then fails (LOCATION_ALREADY_EXISTS).
            # That folder is the managed location of this very table, being replaced.
            warehouse = self.con._session.conf.get("spark.sql.warehouse.dir")
            location = Path(urlparse(warehouse).path) / name.lower()
            if urlparse(warehouse).scheme in ("", "file") and location.is_dir():
                shutil.rmtree(location)
        # Straight from Arrow (PySpark 4), not Ibis's create_table: that goes through pandas,
        # where a missing text becomes the float NaN, which Spark then stored as the text
        # 'NaN' (a person with no status had status 'NaN'); and it took twice as long. The
        # column types are Ibis's, as before (a naive timestamp is a TIMESTAMP).
        plain = data.cast(pa.schema([
            field.with_type(field.type.value_type) if pa.types.is_dictionary(field.type) else field
            for field in data.schema]))
        schema = PySparkSchema.from_ibis(ibis.Schema.from_pyarrow(plain.schema))
        self.session.createDataFrame(plain, schema=schema).write.mode("overwrite").saveAsTable(name)

    def write_file(self, path: Path, data: pa.Table) -> None:
        """Write Arrow data as Parquet, CSV or NDJSON on the driver."""
        self._files.write_file(path, data)

    def close(self) -> None:
        """Stop the Spark session."""
        if "_files" in self.__dict__:
            self._files.close()
        self.con.disconnect()
