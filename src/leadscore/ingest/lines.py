"""Reading event files as numbered lines, so that a bad line is quarantined, never skipped.

DuckDB's JSON reader either fails on the first malformed line or, with ``ignore_errors``,
drops it silently — neither is acceptable here. Instead each file is read as *text lines* by
DuckDB's parallel CSV scanner (one VARCHAR column, a delimiter that JSON text never contains
unescaped, no quoting), which keeps file order, reads ``.gz`` transparently and numbers lines
with ``row_number()``; each line is then parsed with ``json_valid`` / ``json_extract``.
(Reading whole files with ``read_text`` and splitting them was ~300x slower on 1M lines.)

A ``.json`` file whose first line is not a complete JSON value is one pretty-printed document
(an array of messages, or a Segment ``{"batch": [...]}``) and is read whole, as line 1.
Blank lines are not rows and are not counted.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from leadscore.ingest.store import quote

LINES = "_ls_lines"
MESSAGES = "_ls_messages"
RAW_LINES = f"(SELECT file, line, NULL::INTEGER AS item, raw FROM {LINES})"
"""The raw text of plain (unbatched) messages, straight from the lines: joining bad rows back
to it is ~25x faster than through the messages view, which trims every line."""


def drop(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop a temporary table or view called ``name``, whichever it is."""
    views = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = ? AND temporary",
                        [name]).fetchone()[0]
    con.execute(f"DROP {'VIEW' if views else 'TABLE'} IF EXISTS {name}")


def is_document(path: Path) -> bool:
    """Whether a ``.json`` file is one (pretty-printed) document rather than JSON lines."""
    if path.suffix.lower() != ".json":
        return False
    with path.open("rb") as handle:
        first = handle.readline(1 << 20).strip()
    if not first:
        return True
    try:
        json.loads(first)
    except ValueError:
        return True
    return False


def load_lines(con: duckdb.DuckDBPyConnection, path: Path) -> int:
    """(Re)create ``_ls_lines(file, line, raw)`` from one file; returns the number of lines."""
    name = quote(str(path))
    if is_document(path):
        source = f"SELECT {name} AS file, 1::BIGINT AS line, content AS raw FROM read_text({name})"
    else:
        source = (f"SELECT {name} AS file, row_number() OVER () AS line, line AS raw "
                  f"FROM read_csv({name}, columns={{'line': 'VARCHAR'}}, delim='\\x1f', "
                  "quote='', escape='', header=false, auto_detect=false, strict_mode=false, "
                  "max_line_size=1073741824)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {LINES} AS {source}")
    return con.execute(f"SELECT count(*) FROM {LINES}").fetchone()[0]


def raw_source(messages: str) -> str:
    """Where quarantine reads the raw text of bad messages (see :data:`RAW_LINES`)."""
    return RAW_LINES if messages == MESSAGES_VIEW else messages


MESSAGES_VIEW = "_ls_messages_v"


def expand_messages(con: duckdb.DuckDBPyConnection, lines: str, batch_key: str | None) -> str:
    """Messages ``(file, line, item, raw, nbytes)`` from numbered lines; returns the relation.

    A line holding a JSON array, or (Segment) an object with a ``batch`` array, becomes one
    message per element (``item`` = its index from 0; the batch's ``sentAt`` and ``context``
    apply to elements without their own). Whether a message is a JSON object is decided when it
    is parsed (:meth:`~leadscore.ingest.formats.EventFormat.steps`). Files without such lines
    (the bulk case) skip the expansion: the messages are a view over the lines.
    """
    drop(con, MESSAGES)
    drop(con, MESSAGES_VIEW)
    batch = quote(f"$.{batch_key}") if batch_key else None
    plain = (f"SELECT file, line, NULL::INTEGER AS item, raw, strlen(raw) AS nbytes "
             f"FROM {lines} WHERE raw IS NOT NULL AND trim(raw) <> ''")
    marker = "ltrim(raw) LIKE '[%'" + (f" OR raw LIKE '%\"{batch_key}\"%'" if batch_key else "")
    if not con.execute(f"SELECT count(*) FROM {lines} WHERE {marker}").fetchone()[0]:
        con.execute(f"CREATE TEMP VIEW {MESSAGES_VIEW} AS {plain}")
        return MESSAGES_VIEW
    container = ("CASE WHEN _kind = 'ARRAY' THEN CAST(raw AS JSON[]) "
                 + (f"WHEN _kind = 'OBJECT' AND json_type(raw, {batch}) = 'ARRAY' "
                    f"THEN CAST(json_extract(raw, {batch}) AS JSON[]) " if batch else "")
                 + "END")
    merged = ("CASE WHEN _kind = 'OBJECT' THEN json_merge_patch(json_object("
              "'sentAt', json_extract(raw, '$.sentAt'), 'context', json_extract(raw, '$.context')),"
              " {e}) ELSE {e} END") if batch else "{e}"
    con.execute(f"""
CREATE TEMP TABLE {MESSAGES} AS
WITH typed AS (
    SELECT file, line, raw, CASE WHEN json_valid(raw) THEN json_type(raw) END AS _kind
    FROM {lines} WHERE raw IS NOT NULL AND trim(raw) <> ''),
split AS (SELECT *, {container} AS _items FROM typed)
SELECT file, line, NULL::INTEGER AS item, raw, strlen(raw) AS nbytes
FROM split WHERE _items IS NULL
UNION ALL
SELECT file, line, CAST(_i - 1 AS INTEGER) AS item, _m AS raw, strlen(_m) AS nbytes
FROM (SELECT file, line, _i, CAST({merged.format(e='_items[_i]')} AS VARCHAR) AS _m
      FROM (SELECT *, generate_subscripts(_items, 1) AS _i FROM split WHERE _items IS NOT NULL))
""")
    return MESSAGES
