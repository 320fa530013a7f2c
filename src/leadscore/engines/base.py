"""What an engine is: a small protocol, plus the capabilities that set engines apart.

An engine connects, reads the canonical sources as Ibis tables, executes the ONE compiled
scoring expression with the as-of bound, and writes results. It never decides what a score
is: :mod:`leadscore.compile` builds the expression and Ibis renders it in the engine's dialect.

What differs between engines *below* Ibis (regular-expression flavour, identifier length, …) is
described by :class:`Capabilities`, so that ``leadscore validate`` can report a model the
configured engine cannot run before any SQL is sent (see
:mod:`leadscore.engines.capabilities`), instead of ``if engine == "postgres":`` branches.

A third-party engine is a class with this shape, registered under the entry-point group
``leadscore.engines`` (see :mod:`leadscore.engines.registry`)::

    class MyEngine:
        name = "myengine"
        capabilities = Capabilities(name="myengine", sql_dialect="trino", regex_flavour="java")

        def __init__(self, config, *, root): ...
        def read(self, name, source): ...          # -> ibis Table with canonical column names
        def execute(self, expr, params=None): ...  # -> pyarrow.Table
        def write_table(self, name, data): ...
        def write_file(self, path, data): ...
        def close(self): ...
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pyarrow as pa

    from leadscore.config import SourceConfig


@dataclass(frozen=True)
class Capabilities:
    r"""What an engine (or a SQL dialect we only render) can and cannot do.

    Attributes:
        name: The engine or dialect name (``postgres``).
        sql_dialect: The Ibis/sqlglot dialect its SQL is rendered in.
        regex_flavour: How it reads regular expressions: ``re2`` (DuckDB, BigQuery),
            ``postgres`` (ARE), ``java`` (Spark, Databricks), ``posix_ere`` (Snowflake).
            ``matches:`` patterns are translated to it (:mod:`leadscore.compile.portable`).
        supports_regex_word_boundary: Whether ``\b`` can be expressed (as ``\y`` on
            PostgreSQL); ``False`` would make validate reject ``\b``.
        max_identifier_length: Longest column name it keeps intact (PostgreSQL truncates at
            63 bytes); ``None`` when there is no practical limit.
        executes: ``False`` for dialects leadscore renders (``compile --dialect``) but does
            not connect to.
        reads_files_natively: Whether file sources are read by the engine itself (DuckDB,
            Spark); otherwise leadscore reads them and loads them as tables (PostgreSQL).
        notes: Differences worth knowing that need no check (shown in docs and errors).
    """

    name: str
    sql_dialect: str
    regex_flavour: str
    supports_regex_word_boundary: bool = True
    max_identifier_length: int | None = None
    executes: bool = True
    reads_files_natively: bool = True
    notes: tuple[str, ...] = ()


DUCKDB = Capabilities("duckdb", "duckdb", "re2")
POSTGRES = Capabilities(
    "postgres", "postgres", "postgres", max_identifier_length=63, reads_files_natively=False,
    notes=("file sources are read by leadscore and loaded as temporary tables",
           r"\b in matches: is translated to \y (PostgreSQL's word boundary)"))
SPARK = Capabilities(
    "spark", "pyspark", "java",
    notes=("CSV/JSON column types are inferred by Spark, not DuckDB",))
SNOWFLAKE = Capabilities(
    "snowflake", "snowflake", "posix_ere", max_identifier_length=255, executes=False,
    notes=("(?:…) and lazy quantifiers in matches: are rewritten for POSIX ERE",))
BIGQUERY = Capabilities("bigquery", "bigquery", "re2", max_identifier_length=300,
                        executes=False)
DATABRICKS = Capabilities("databricks", "databricks", "java", max_identifier_length=255,
                          executes=False)

DIALECT_CAPABILITIES = {c.name: c for c in (DUCKDB, POSTGRES, SPARK, SNOWFLAKE, BIGQUERY,
                                            DATABRICKS)}
"""Capabilities of every built-in engine and every ``compile --dialect`` target."""


@runtime_checkable
class Engine(Protocol):
    """The engine protocol (see the module docstring for an example).

    Constructed as ``EngineClass(config, root=project_folder)`` where ``config`` is the
    ``engine:`` section of ``leadscore.yaml``.
    """

    name: str
    capabilities: Capabilities

    def read(self, name: str, source: SourceConfig) -> ir.Table:
        """Open source ``name`` as a table with canonical column names (``columns:`` applied).

        Raises:
            DataError: the file or table does not exist or cannot be read.
        """
        ...

    def execute(self, expr: ir.Expr, params: dict[Any, Any] | None = None) -> pa.Table:
        """Run an expression (``params`` binds the as-of) and return Arrow data.

        Implementations pass ``expr`` through
        :func:`leadscore.compile.portable.for_dialect` first.

        Raises:
            EngineError: the engine failed.
        """
        ...

    def write_table(self, name: str, data: pa.Table) -> None:
        """Create or replace table ``name`` in the engine's database."""
        ...

    def write_file(self, path: Path, data: pa.Table) -> None:
        """Write ``data`` to ``path`` (``.parquet``, ``.csv`` or ``.ndjson``)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def rename_columns(name: str, table: ir.Table, columns: dict[str, str]) -> ir.Table:
    """Apply a source's ``columns:`` mapping (canonical name → column in the data).

    Raises:
        DataError: a mapped column is not in the data (the message lists what is).
    """
    from leadscore.errors import DataError

    if not columns:
        return table
    missing = [src for src in columns.values() if src not in table.columns]
    if missing:
        raise DataError(f"`columns:` maps from {', '.join(map(repr, missing))}, not in the "
                        f"data; it has {', '.join(map(repr, table.columns))}", source=name)
    return table.rename({canonical: src for canonical, src in columns.items()})
