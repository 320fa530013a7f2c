"""Looking at and fixing quarantined rows (``ls_quarantine``).

``leadscore quarantine list`` shows rows (filter by reason / source) and can export them as
JSON lines, ``{"id": …, "source": …, "file": …, "line": …, "reason": …, "raw": …}``, where
``raw`` is the original message (an object when it was valid JSON, else the text). Fix ``raw``
in that file and ``leadscore quarantine replay --fixed FILE`` re-validates exactly those rows
(:func:`leadscore.ingest.run.replay`). Without ``--fixed``, replay re-validates the stored
rows as they are — useful after changing the project file (a column mapping, a limit).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow as pa

from leadscore.errors import DataError
from leadscore.ingest.store import quote


def where(reason: str | None = None, source: str | None = None,
          ids: list[int] | None = None) -> str:
    """SQL filter on ``ls_quarantine``."""
    parts = ["true"]
    if reason:
        parts.append(f"reason = {quote(reason)}" if not reason.endswith("*") else
                     f"reason LIKE {quote(reason[:-1] + '%')}")
    if source:
        parts.append(f"source = {quote(source)}")
    if ids is not None:
        parts.append(f"id IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})")
    return " AND ".join(parts)


def summary(con: duckdb.DuckDBPyConnection, reason: str | None = None,
            source: str | None = None) -> list[tuple[str, str, int]]:
    """``(source, reason, rows)`` for every group of quarantined rows."""
    return con.execute(f"SELECT source, reason, count(*) FROM ls_quarantine "
                       f"WHERE {where(reason, source)} GROUP BY ALL ORDER BY 1, 2").fetchall()


def rows(con: duckdb.DuckDBPyConnection, reason: str | None = None, source: str | None = None,
         limit: int | None = 50) -> list[dict]:
    """Quarantined rows, oldest first, as dicts (``raw`` as text)."""
    cap = f" LIMIT {int(limit)}" if limit else ""
    cur = con.execute(f"SELECT id, source, format, file, line, item, reason, raw, quarantined_at "
                      f"FROM ls_quarantine WHERE {where(reason, source)} ORDER BY id{cap}")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def export(con: duckdb.DuckDBPyConnection, path: Path, reason: str | None = None,
           source: str | None = None) -> int:
    """Write the selected rows as JSON lines for fixing; returns how many."""
    selected = rows(con, reason, source, limit=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for row in selected:
            try:
                raw = json.loads(row["raw"]) if row["raw"] is not None else None
            except ValueError:
                raw = row["raw"]
            record = {k: row[k] for k in ("id", "source", "file", "line", "item", "reason")}
            out.write(json.dumps({**record, "raw": raw}, ensure_ascii=False) + "\n")
    return len(selected)


def apply_fixes(con: duckdb.DuckDBPyConnection, path: Path) -> list[int]:
    """Replace ``raw`` of the rows named in a fixed export; returns their ids.

    Raises:
        DataError: the file is unreadable, a line lacks ``id``/``raw``, or an id is unknown.
    """
    if not path.exists():
        raise DataError(f"no file {path}; export rows with `leadscore quarantine list --out "
                        f"{path.name}`, fix them, then replay it")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read {path}: {exc}; pass the JSON-lines file written by "
                        "`leadscore quarantine list --out`") from None
    fixes: dict[int, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            ident = int(record["id"])
            raw = record["raw"]
        except (ValueError, KeyError, TypeError) as exc:
            raise DataError(f"{path}:{number}: expected a JSON object with `id` and `raw` "
                            f"({exc.__class__.__name__}: {exc})") from None
        fixes[ident] = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False)
    known = {r[0] for r in con.execute(
        f"SELECT id FROM ls_quarantine WHERE {where(ids=list(fixes))}").fetchall()}
    unknown = sorted(set(fixes) - known)
    if unknown:
        raise DataError(f"{path}: quarantine id(s) {', '.join(map(str, unknown[:10]))} are not "
                        "in quarantine (already replayed?); see `leadscore quarantine list`")
    # One set-wise UPDATE from the fixes as a relation, not one statement per row.
    fixed = pa.table({"id": pa.array(list(fixes), pa.int64()),
                      "raw": pa.array(list(fixes.values()), pa.string())})
    con.register("_ls_fixes", fixed)
    try:
        con.execute("UPDATE ls_quarantine SET raw = f.raw FROM _ls_fixes f "
                    "WHERE ls_quarantine.id = f.id")
    finally:
        con.unregister("_ls_fixes")
    return sorted(fixes)
