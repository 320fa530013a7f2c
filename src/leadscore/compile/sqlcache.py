"""Compiled SQL text, cached per expression, with the as-of instant substituted at run time.

Turning the scoring expression into SQL (Ibis's rewrites, then sqlglot) costs 0.3–0.5 s on
every run: as much as scoring a million events. The SQL only changes when the expression does,
so it is cached under a fingerprint of the expression itself — every operation and literal,
the tables' names and schemas — plus the versions of the libraries that render it. A change to
the model, the data's columns or leadscore's compiler yields another fingerprint, never a
stale query.

Parameters (the as-of instant) are rendered as a sentinel value that cannot occur in a model,
and the sentinel's SQL text is replaced with the actual value's on each run, so one cached text
serves every instant; the value is still inlined as a literal (DuckDB folds constants such as
``EPOCH(T) - 2592000`` once instead of per row, which a prepared-statement parameter would not
allow).

The cache lives in memory and on disk (``$LEADSCORE_CACHE_DIR``, default
``$XDG_CACHE_HOME/leadscore`` or ``~/.cache/leadscore``; ``LEADSCORE_CACHE_DIR=off`` disables
the disk part). A cache file that cannot be read or written is simply ignored.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import ibis.expr.operations as ops
import ibis.expr.types as ir
from ibis.backends import BaseBackend

SENTINEL = datetime(1901, 2, 3, 4, 5, 6, 789012)
"""The value a timestamp parameter is rendered with in cached SQL."""

FORMAT = "1"
"""Bumped when the cache's own format changes."""

KEEP = 64
"""Files kept in the disk cache (least recently used go first)."""

_MEMORY: dict[str, str] = {}


class _Digest(str):
    """A child node's fingerprint (kept apart from string literals)."""


def _stable(value: Any) -> str:
    if isinstance(value, _Digest):
        return "#" + value
    if isinstance(value, tuple | list):
        return "(" + ",".join(_stable(v) for v in value) + ")"
    if isinstance(value, dict):  # FrozenDict of selections, fields, schemas
        return "{" + ",".join(f"{k!r}:{_stable(v)}" for k, v in value.items()) + "}"
    if isinstance(value, BaseBackend):
        return f"<backend {value.name}>"  # which connection does not change the SQL
    text = f"{type(value).__name__}:{value!r}"
    if " at 0x" in text:  # an object without a value repr (a lambda argument's data shape)
        return f"{type(value).__module__}.{type(value).__qualname__}"
    return text


def fingerprint(expr: ir.Expr) -> str:
    """A digest of the whole expression graph, stable across processes.

    Every node contributes its type and arguments; a parameter's identity (a per-process
    counter) does not, since parameters are bound by value at run time.
    """
    def digest(node: ops.Node, _results: dict, **kwargs: Any) -> _Digest:
        parts = [type(node).__module__, type(node).__qualname__]
        for name, value in kwargs.items():
            if name == "counter" and isinstance(node, ops.ScalarParameter):
                continue
            parts.append(f"{name}={_stable(value)}")
        return _Digest(hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest())

    op = expr.op()
    return str(op.map(digest)[op])


def _versions() -> str:
    out = []
    for package in ("leadscore", "ibis-framework", "sqlglot", "duckdb"):
        try:
            out.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            out.append(f"{package}=?")
    return ";".join(out)


def _directory() -> Path | None:
    configured = os.environ.get("LEADSCORE_CACHE_DIR")
    if configured is not None:
        return None if configured.lower() in ("", "off", "0", "false") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "leadscore"


def _prune(directory: Path) -> None:
    """Keep the :data:`KEEP` most recently used files (explanations and tests add many)."""
    files = sorted(directory.glob("*.sql"), key=lambda f: f.stat().st_mtime, reverse=True)
    for stale in files[KEEP:]:
        stale.unlink(missing_ok=True)


def cached_sql(expr: ir.Expr, params: dict | None, dialect: str,
               render: Callable[[ir.Expr, dict | None], str],
               literal: Callable[[Any, Any], str], *, salt: str = "") -> str:
    """``render(expr, params)``, from the cache when the same expression was rendered before.

    Args:
        expr: the expression to run.
        params: ``{parameter: value}``; only timestamp parameters are supported by the cache
            (anything else renders directly).
        dialect: the dialect ``render`` writes (part of the key).
        render: renders an expression with bound parameters to SQL text.
        literal: renders one value of a parameter's type as SQL text, as ``render`` would
            inline it (``literal(value, dtype)``).
        salt: anything else the rendered text depends on (e.g. a digest of the code that
            post-processes it).
    """
    params = params or {}
    if not all(p.type().is_timestamp() for p in params):
        return render(expr, params)
    key_text = f"{FORMAT}|{salt}|{dialect}|{_versions()}|{fingerprint(expr)}|{len(params)}"
    key = hashlib.blake2b(key_text.encode(), digest_size=20).hexdigest()
    text = _MEMORY.get(key)
    directory = _directory()
    file = directory / f"{dialect}-{key}.sql" if directory is not None else None
    if text is None and file is not None:
        try:
            # Bytes, not text mode: TRIM's whitespace set holds a raw \r, which universal
            # newlines would read back as \n.
            text = file.read_bytes().decode("utf-8")
            os.utime(file)  # recently used: kept by _prune
        except OSError:
            text = None
    if text is None:
        text = render(expr, {p: SENTINEL for p in params})
        if file is not None:
            try:
                file.parent.mkdir(parents=True, exist_ok=True)
                partial = file.with_suffix(f".{os.getpid()}.tmp")
                partial.write_bytes(text.encode("utf-8"))
                os.replace(partial, file)
                _prune(file.parent)
            except OSError:
                pass
    _MEMORY[key] = text
    if params:
        # Every parameter has the same sentinel, so this only works for one value at a time:
        # all timestamp parameters of a scoring expression are the one as-of instant.
        values = {v for v in params.values()}
        if len(values) != 1:
            return render(expr, params)
        dtype = next(iter(params)).type()
        sentinel = literal(SENTINEL, dtype)
        if sentinel not in text:
            return render(expr, params)
        text = text.replace(sentinel, literal(values.pop(), dtype))
    return text
