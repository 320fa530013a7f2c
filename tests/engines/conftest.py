"""The ``engine`` fixture: every engine the conformance suite runs on, and its marker rules.

- ``duckdb`` always runs.
- ``postgres`` connects to ``LEADSCORE_PG_DSN`` (default
  ``postgresql://postgres@127.0.0.1:5432/postgres``; ``scripts/ci-services.sh`` starts one).
- ``spark`` runs PySpark in local mode (about a minute for the whole suite, most of it the JVM
  start and Spark's query planning).

An engine that cannot be opened (server down, extra not installed, no Java) is skipped with the
reason, except under ``CI=true``, where that is a failure: CI must test every engine.
``LEADSCORE_ENGINES=duckdb,postgres`` restricts the run to some engines.

Expected failures must explain themselves (Ibis's discipline): ``@pytest.mark.notyet(["spark"],
raises=SomeError, reason="…")`` marks a test as failing on those engines, and both ``raises=``
and ``reason=`` are required, on ``notyet`` and on plain ``xfail`` alike. With
``xfail_strict``, an engine that starts passing forces the marker's removal.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from leadscore.config import DuckDBEngineConfig, PostgresEngineConfig, SparkEngineConfig
from leadscore.engines.registry import open_engine

ALL_ENGINES = ("duckdb", "postgres", "spark")
DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _selected() -> list[str]:
    wanted = os.environ.get("LEADSCORE_ENGINES")
    if not wanted:
        return list(ALL_ENGINES)
    names = [n.strip() for n in wanted.split(",") if n.strip()]
    unknown = set(names) - set(ALL_ENGINES)
    if unknown:
        raise pytest.UsageError(f"LEADSCORE_ENGINES names unknown engines {sorted(unknown)}")
    return names


def postgres_config() -> PostgresEngineConfig:
    """The PostgreSQL engine config for ``LEADSCORE_PG_DSN``."""
    url = urlparse(os.environ.get("LEADSCORE_PG_DSN", DEFAULT_DSN))
    return PostgresEngineConfig(
        type="postgres", host=url.hostname or "127.0.0.1", port=url.port or 5432,
        user=unquote(url.username or "postgres"),
        password=unquote(url.password) if url.password else None,
        database=url.path.lstrip("/") or "postgres")


def engine_config(name: str):
    """The config each engine is opened with in tests."""
    if name == "postgres":
        return postgres_config()
    if name == "spark":
        return SparkEngineConfig(type="spark", master="local[2]", config={
            "spark.sql.shuffle.partitions": 2, "spark.ui.enabled": False,
            "spark.driver.memory": "1g"})
    return DuckDBEngineConfig()


def pytest_configure(config: pytest.Config) -> None:
    # PySpark 4.0 and Ibis 12 call pandas APIs that pandas 3 deprecates, once per column.
    for message in ("The copy keyword is deprecated", "The 'future.infer_string' option"):
        config.addinivalue_line("filterwarnings", f"ignore:{message}")
    config.addinivalue_line(
        "markers", "notyet(engines, *, raises, reason): the test fails on these engines for "
        "a stated reason (both keywords required)")


def _check_explained(item: pytest.Item, mark: pytest.Mark) -> None:
    missing = [k for k in ("raises", "reason") if not mark.kwargs.get(k)]
    if missing:
        raise pytest.UsageError(f"{item.nodeid}: @pytest.mark.{mark.name} needs "
                                f"{' and '.join(f'{k}=' for k in missing)}: an expected failure "
                                "must name the exception and explain itself")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here not in Path(str(item.fspath)).parents:
            continue
        for mark in item.iter_markers("xfail"):
            _check_explained(item, mark)
        engine = getattr(item, "callspec", None) and item.callspec.params.get("engine")
        for mark in item.iter_markers("notyet"):
            _check_explained(item, mark)
            engines = mark.args[0] if mark.args else mark.kwargs.get("engines", ())
            if engine in engines:
                item.add_marker(pytest.mark.xfail(raises=mark.kwargs["raises"], strict=True,
                                                  reason=f"{engine}: {mark.kwargs['reason']}"))


@pytest.fixture(scope="session", params=_selected())
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """An open engine (one per engine for the whole session)."""
    name = request.param
    root = tmp_path_factory.mktemp(f"engine-{name}")
    try:
        opened = open_engine(engine_config(name), root=root)
    except Exception as exc:
        message = f"engine {name} is not available: {exc}"
        if name == "postgres":
            message += " (start one with `bash scripts/ci-services.sh`, or set LEADSCORE_PG_DSN)"
        if IN_CI:
            pytest.fail(f"{message}; under CI=true every engine must run", pytrace=False)
        pytest.skip(message)
    yield opened
    opened.close()
