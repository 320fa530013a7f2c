"""Engine names → classes, imported only when used.

Built-in engines are listed in :data:`ENGINES` as ``"module:Class"`` strings, so importing
leadscore never imports a database driver. Plugins add engines through the entry-point group
``leadscore.engines``::

    # a plugin's pyproject.toml
    [project.entry-points."leadscore.engines"]
    trino = "leadscore_trino:TrinoEngine"

and are selected with ``engine: {type: trino, options: {...}}`` in ``leadscore.yaml``.
"""

from __future__ import annotations

import importlib
import importlib.util
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from leadscore.engines.base import DIALECT_CAPABILITIES, Capabilities, Engine
from leadscore.errors import ConfigError

ENTRY_POINT_GROUP = "leadscore.engines"

ENGINES = {
    "duckdb": "leadscore.engines.duckdb:DuckDBEngine",
    "postgres": "leadscore.engines.postgres:PostgresEngine",
    "spark": "leadscore.engines.spark:SparkEngine",
}
"""Built-in engines."""

EXTRAS = {"postgres": ("postgres", ("psycopg",)), "spark": ("spark", ("pyspark",))}
"""Engine → (the pip extra that installs it, the modules it needs)."""


def _plugins() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}


def available() -> dict[str, str]:
    """Every engine name → ``"module:Class"`` (built-ins, then plugins)."""
    return {**ENGINES, **{k: v for k, v in _plugins().items() if k not in ENGINES}}


def _missing_extra(name: str) -> None:
    extra, modules = EXTRAS.get(name, (None, ()))
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        raise ConfigError(f"engine '{name}' needs extra dependencies ({', '.join(missing)} "
                          f"is not installed): pip install 'leadscore[{extra}]'")


def engine_class(name: str) -> type:
    """The class of engine ``name``.

    Raises:
        ConfigError: unknown engine, or its optional dependencies are not installed.
    """
    engines = available()
    if name not in engines:
        raise ConfigError(f"unknown engine '{name}'; available: {', '.join(engines)} (plugins "
                          f"register more under the entry-point group '{ENTRY_POINT_GROUP}')")
    _missing_extra(name)
    module_name, _, class_name = engines[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise ConfigError(f"engine '{name}' cannot be imported from {module_name}: {exc}") \
            from exc
    return getattr(module, class_name)


def capabilities(name: str) -> Capabilities:
    """What engine (or ``compile --dialect`` target) ``name`` supports, without connecting.

    Built-ins need none of their optional dependencies for this; a plugin is imported.
    """
    if name in DIALECT_CAPABILITIES:
        return DIALECT_CAPABILITIES[name]
    return engine_class(name).capabilities


def open_engine(config: Any, *, root: Path) -> Engine:
    """Open the engine that ``config`` (the ``engine:`` section of ``leadscore.yaml``) names."""
    return engine_class(config.type)(config, root=root)
