"""Render a compiled model as SQL for a warehouse dialect (``leadscore compile``).

No connection is needed: Ibis compiles the same expression the engine runs into each dialect,
so what you read is what a warehouse would execute.
"""

from __future__ import annotations

from datetime import datetime

import ibis

from leadscore.compile.assemble import RESULT_COLUMNS, CompiledScores
from leadscore.compile.portable import for_dialect
from leadscore.errors import ConfigError, UnsupportedFeatureError

DIALECTS = {"duckdb": "duckdb", "postgres": "postgres", "snowflake": "snowflake",
            "bigquery": "bigquery", "spark": "databricks", "databricks": "databricks"}
"""Our dialect names → Ibis compiler names.

``spark`` renders Spark SQL through Ibis's Databricks compiler: Ibis's PySpark compiler needs a
live session to compile, and the Spark SQL text is the same for what the model uses.
"""


def compile_sql(compiled: CompiledScores, dialect: str, as_of: datetime, *,
                detail: bool = False) -> str:
    """SQL text for ``dialect`` with the as-of instant inlined.

    Args:
        compiled: the compiled model.
        dialect: one of :data:`DIALECTS`.
        as_of: the instant to inline for the as-of parameter.
        detail: include the per-rule explanation columns, not only the scores.
    """
    if dialect not in DIALECTS:
        raise ConfigError(f"unknown dialect '{dialect}'; choose one of {', '.join(DIALECTS)}")
    expr = compiled.expr if detail else compiled.expr.select(*RESULT_COLUMNS)
    # Regular expressions are written in Python's syntax; each dialect gets its own flavour.
    expr = for_dialect(expr, DIALECTS[dialect])
    try:
        return ibis.to_sql(expr, dialect=DIALECTS[dialect], params=compiled.params(as_of))
    except Exception as exc:  # an Ibis compiler without a translation for some operation
        raise UnsupportedFeatureError(
            f"the model uses an operation the {dialect} compiler cannot translate: {exc}"
        ) from exc
