"""CSV / Parquet files and DuckDB / PostgreSQL tables, mapped with ``columns:``.

A CRM export has its own column names; ``columns: {canonical: "Source Column"}`` maps them, the
way ``sources:`` does for scoring. What each ``kind`` reads (canonical names):

=========  ===================================================================================
events     ``event_id`` (optional: derived from the row when unmapped), ``person_id``,
           ``anonymous_id``, ``event``, ``ts``, ``sent_at`` + ``received_at`` (Segment clock
           correction when both are mapped), ``account_id`` (a group edge), ``properties``
           (a JSON / struct column); other columns become properties
people     ``person_id``, ``email``, ``account_id``, ``created_at``, ``updated_at``; other
           columns become attributes (mapped ones under their canonical name)
accounts   ``account_id``, ``domain`` (or ``website``); other columns become attributes
outcomes   ``person_id`` and/or ``account_id``, ``outcome``, ``ts``, ``amount``,
           ``created_at`` (adds an ``opportunity_created`` outcome at that instant),
           ``outcome_id``
=========  ===================================================================================

CSV files are read as text (every column VARCHAR) so that a bad value is quarantined with its
line rather than failing the file; values are converted with ``try_cast``. ``line`` is the
data row number + 1 (the header is line 1).
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

import duckdb

from leadscore.config import IngestSourceConfig
from leadscore.errors import DataError
from leadscore.ingest.events import STAGE, Counts, Limits, load_stage, quarantine
from leadscore.ingest.store import ident, quote

SRC = "_ls_src"
RAW = "_ls_src_raw"
REQUIRED_IDS = {"people": ("person_id",), "accounts": ("account_id",),
                "outcomes": ("person_id", "account_id"), "events": ("person_id", "anonymous_id")}
"""Per kind, the id columns of which at least one must be mapped or present."""
CANONICAL = {
    "events": ("event_id", "person_id", "anonymous_id", "event", "ts", "sent_at", "received_at",
               "account_id", "properties"),
    "people": ("person_id", "email", "account_id", "created_at", "updated_at"),
    "accounts": ("account_id", "domain", "website"),
    "outcomes": ("outcome_id", "person_id", "account_id", "outcome", "ts", "amount",
                 "created_at"),
}


def read_file(con: duckdb.DuckDBPyConnection, source: IngestSourceConfig, path: Path) -> int:
    """(Re)create ``_ls_src`` (``_ls_file``, ``_ls_line`` + the file's columns); row count."""
    name = quote(str(path))
    if source.format == "csv":
        delim = (f", delim={quote(source.options.delimiter)}" if source.options.delimiter
                 else "")
        reader = f"read_csv({name}, all_varchar=true, header=true{delim})"
        first_line = 2
    else:
        reader = f"read_parquet({name})"
        first_line = 1
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {SRC} AS SELECT {name} AS _ls_file, "
                    f"row_number() OVER () + {first_line - 1} AS _ls_line, * FROM {reader}")
    except duckdb.Error as exc:
        raise DataError(f"cannot read {path} as {source.format}: {exc}. Check the file, or "
                        "`options.delimiter` for CSV", source=source.name) from exc
    return con.execute(f"SELECT count(*) FROM {SRC}").fetchone()[0]


def read_table(con: duckdb.DuckDBPyConnection, source: IngestSourceConfig) -> int:
    """(Re)create ``_ls_src`` from a DuckDB table (the project's database) or PostgreSQL."""
    if source.format == "postgres_table":
        return _read_postgres(con, source)
    table = source.table or ""
    exists = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? "
                         "OR schema_name || '.' || table_name = ?", [table, table]).fetchone()[0]
    if not exists:
        raise DataError(f"table '{table}' does not exist in the project's database; create it "
                        "or fix `table:`", source=source.name)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {SRC} AS SELECT {quote('table:' + table)} AS "
                f"_ls_file, row_number() OVER () AS _ls_line, * FROM {table}")
    return con.execute(f"SELECT count(*) FROM {SRC}").fetchone()[0]


def _read_postgres(con: duckdb.DuckDBPyConnection, source: IngestSourceConfig) -> int:
    """Copy a PostgreSQL table out with ``COPY … TO STDOUT (FORMAT csv)`` and read the CSV.

    DuckDB's ``postgres`` extension would need a download; psycopg streams the server's own
    CSV instead (no per-row Python: the bytes go straight to a temporary file).
    """
    try:
        import psycopg
        from psycopg import sql
    except ImportError as exc:  # pragma: no cover - psycopg ships with leadscore[postgres]
        raise DataError("reading a PostgreSQL table needs psycopg: pip install "
                        "'leadscore[postgres]'", source=source.name) from exc
    parts = (source.table or "").split(".")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "table.csv"
        try:
            with psycopg.connect(source.options.dsn or "", connect_timeout=10) as pg, \
                    pg.cursor() as cur, out.open("wb") as handle:
                query = sql.SQL("COPY (SELECT * FROM {}) TO STDOUT (FORMAT csv, HEADER true)"
                                ).format(sql.Identifier(*parts))
                with cur.copy(query) as copy:
                    for chunk in copy:
                        handle.write(chunk)
        except psycopg.Error as exc:
            raise DataError(f"cannot read PostgreSQL table '{source.table}': "
                            f"{str(exc).strip()}; check `options.dsn` and `table:`",
                            source=source.name) from exc
        with out.open(newline="", encoding="utf-8") as handle:
            header = next(csv.reader(handle), None)
        if not header:
            raise DataError(f"PostgreSQL table '{source.table}' returned no header",
                            source=source.name)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {SRC} AS SELECT "
                    f"{quote('postgres:' + (source.table or ''))} AS _ls_file, "
                    "row_number() OVER () AS _ls_line, * FROM "
                    f"read_csv({quote(str(out))}, all_varchar=true, header=true)")
    return con.execute(f"SELECT count(*) FROM {SRC}").fetchone()[0]


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str]:
    rows = con.execute(f"DESCRIBE {relation}").fetchall()
    return {r[0]: r[1] for r in rows if r[0] not in ("_ls_file", "_ls_line")}


def _mapping(source: IngestSourceConfig, available: dict[str, str]) -> dict[str, str]:
    """Canonical name → source column, checked against the data."""
    missing = [c for c in source.columns.values() if c not in available]
    if missing:
        raise DataError(f"`columns:` maps from {', '.join(map(repr, missing))}, not in the data; "
                        f"it has {', '.join(map(repr, available))}", source=source.name)
    mapped_from = set(source.columns.values())
    clashes = [(canonical, src) for canonical, src in source.columns.items()
               if canonical != src and canonical.lower() in
               {c.lower() for c in available if c not in mapped_from}]
    if clashes:
        canonical, src = clashes[0]
        raise DataError(f"`columns:` maps {src!r} to {canonical!r}, but the data already has a "
                        f"column {canonical!r}; map that column too, or rename one of them in "
                        "the export", source=source.name)
    mapping = dict(source.columns)
    for canonical in CANONICAL[source.kind]:
        if canonical not in mapping and canonical in available:
            mapping[canonical] = canonical
    needed = REQUIRED_IDS[source.kind]
    if not any(key in mapping for key in needed):
        raise DataError(f"no {' or '.join(needed)} column: map one with `columns:` (e.g. "
                        f"`columns: {{{needed[0]}: Record ID}}`); the data has "
                        f"{', '.join(map(repr, available))}", source=source.name)
    return mapping


def _text(mapping: dict[str, str], name: str) -> str:
    if name not in mapping:
        return "NULL::VARCHAR"
    return f"nullif(trim(CAST({ident(mapping[name])} AS VARCHAR)), '')"


def _ts(mapping: dict[str, str], name: str, fmt: str | None) -> str:
    if name not in mapping:
        return "NULL::TIMESTAMP"
    text = _text(mapping, name)
    if fmt:
        return f"CAST(try_strptime({text}, {quote(fmt)}) AS TIMESTAMP)"
    return f"CAST(try_cast({text} AS TIMESTAMPTZ) AS TIMESTAMP)"


def _attrs(mapping: dict[str, str], available: dict[str, str], fixed: tuple[str, ...]) -> str:
    """JSON object of every column that is not one of the kind's fixed columns."""
    renamed = {src: canonical for canonical, src in mapping.items()}
    used = {mapping[c] for c in fixed if c in mapping}
    parts = [f"{ident(renamed.get(col, col))} := {ident(col)}" for col in available
             if col not in used]
    return f"to_json(struct_pack({', '.join(parts)}))" if parts else "'{}'::JSON"


def _raw_view(con: duckdb.DuckDBPyConnection, available: dict[str, str]) -> None:
    row = ", ".join(f"{ident(c)} := {ident(c)}" for c in available)
    con.execute(f"CREATE OR REPLACE TEMP VIEW {RAW} AS SELECT _ls_file AS file, _ls_line AS line, "
                f"NULL::INTEGER AS item, CAST(to_json(struct_pack({row})) AS VARCHAR) AS raw "
                f"FROM {SRC}")


def load(con: duckdb.DuckDBPyConnection, source: IngestSourceConfig, limits: Limits,
         raw: str | None = None) -> Counts:
    """Validate ``_ls_src`` and load it into the store as ``source.kind``; returns the counts.

    ``raw`` is a relation ``(file, line, item, raw)`` holding each row's original text, for a
    replay (re-serialising the re-read columns would not give back the quarantined text, and
    a row still bad would be quarantined a second time); by default it is built from the data.
    """
    available = _columns(con, SRC)
    mapping = _mapping(source, available)
    if raw is None:
        _raw_view(con, available)
        raw = RAW
    if source.kind == "events":
        return _events(con, source, mapping, available, limits, raw)
    return _records(con, source, mapping, available, limits, raw)


def _events(con, source, mapping, available, limits, raw) -> Counts:
    fmt = source.options.timestamp_format
    person, anon, event = (_text(mapping, "person_id"), _text(mapping, "anonymous_id"),
                           _text(mapping, "event"))
    client, sent, received = (_ts(mapping, "ts", fmt), _ts(mapping, "sent_at", fmt),
                              _ts(mapping, "received_at", fmt))
    ts = (f"CASE WHEN {sent} IS NOT NULL AND {received} IS NOT NULL "
          f"THEN {received} - ({sent} - {client}) ELSE {client} END"
          if "sent_at" in mapping and "received_at" in mapping else client)
    if "properties" in mapping:
        col = ident(mapping["properties"])
        props = (f"CASE WHEN json_valid(CAST({col} AS VARCHAR)) THEN CAST({col} AS JSON) END"
                 if available[mapping["properties"]] == "VARCHAR" else f"to_json({col})")
    else:
        props = _attrs(mapping, available, CANONICAL["events"])
    event_id = (_text(mapping, "event_id") if "event_id" in mapping else
                f"md5(concat_ws('|', {quote(source.name)}, {person}, {anon}, {event}, "
                f"CAST({client} AS VARCHAR), CAST({props} AS VARCHAR)))")
    type_error = "NULL::VARCHAR"
    if "properties" in mapping and available[mapping["properties"]] == "VARCHAR":
        type_error = (f"CASE WHEN {_text(mapping, 'properties')} IS NOT NULL AND {props} IS NULL "
                      "THEN 'wrong_type:properties' END")
    con.execute(f"""
CREATE OR REPLACE TEMP TABLE _ls_x3 AS
SELECT _ls_file AS file, _ls_line AS line, NULL::INTEGER AS item, 0 AS nbytes, true AS valid,
       'track' AS call_type, {event_id} AS event_id, {person} AS user_id,
       {anon} AS anonymous_id, {event} AS event, NULL::VARCHAR AS name,
       {_text(mapping, 'account_id')} AS group_id, NULL::VARCHAR AS previous_id,
       {_text(mapping, 'ts')} AS ts_text, {ts} AS ts, {props} AS properties,
       NULL::JSON AS traits, {type_error} AS type_error
FROM {SRC}""")
    from leadscore.ingest.events import reason_sql

    con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGE} AS SELECT *, {reason_sql(limits)} AS reason "
                "FROM _ls_x3")
    con.execute("DROP TABLE _ls_x3")
    return load_stage(con, source.name, source.format, limits, raw)


def _now(limits: Limits) -> str:
    return f"TIMESTAMP '{limits.now:%Y-%m-%d %H:%M:%S}'"


def _future(limits: Limits) -> str:
    return f"{_now(limits)} + INTERVAL {int(limits.max_future_s)} SECOND"


def _records(con, source, mapping, available, limits, raw) -> Counts:
    fmt = source.options.timestamp_format
    kind, src, now = source.kind, quote(source.name), _now(limits)
    fixed = CANONICAL[kind]
    attrs = _attrs(mapping, available, fixed)
    if kind == "people":
        created = _ts(mapping, "created_at", fmt)
        select = (f"{_text(mapping, 'person_id')} AS record_id, {_text(mapping, 'email')} AS email,"
                  f" {_text(mapping, 'account_id')} AS account_id, {created} AS created_at, "
                  f"coalesce({_ts(mapping, 'updated_at', fmt)}, {now}) AS ts, {attrs} AS attrs, "
                  f"{_text(mapping, 'created_at')} AS created_text")
        reason = ("CASE WHEN record_id IS NULL THEN 'missing_id' "
                  "WHEN created_text IS NOT NULL AND created_at IS NULL "
                  "THEN 'unparseable_timestamp' END")
    elif kind == "accounts":
        domain = _text(mapping, "domain") if "domain" in mapping else _text(mapping, "website")
        select = (f"{_text(mapping, 'account_id')} AS account_id, {domain} AS domain, "
                  f"{now} AS ts, {attrs} AS attrs")
        reason = "CASE WHEN account_id IS NULL THEN 'missing_id' END"
    else:
        select, reason = _outcome_sql(source, mapping, limits)
    con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGE} AS SELECT *, {reason} AS reason FROM "
                f"(SELECT _ls_file AS file, _ls_line AS line, NULL::INTEGER AS item, {select} "
                f"FROM {SRC})")
    read = con.execute(f"SELECT count(*) FROM {STAGE}").fetchone()[0]
    reasons = dict(con.execute(f"SELECT reason, count(*) FROM {STAGE} WHERE reason IS NOT NULL "
                               "GROUP BY reason").fetchall())
    if reasons:
        quarantine(con, source.name, source.format, now, raw)
    before = _count(con, kind)
    good = f"(SELECT * FROM {STAGE} WHERE reason IS NULL)"
    if kind == "people":
        con.execute(f"""
INSERT INTO ls_people_records
SELECT DISTINCT ON (h) h, {src}, record_id, email, account_id, created_at, ts, attrs, file, line
FROM (SELECT *, md5(concat_ws('|', {src}, record_id, email, account_id,
                              CAST(created_at AS VARCHAR), CAST(attrs AS VARCHAR))) AS h
      FROM {good}) g
WHERE NOT EXISTS (SELECT 1 FROM ls_people_records r WHERE r.record_hash = g.h)""")
    elif kind == "accounts":
        con.execute(f"""
INSERT INTO ls_account_records
SELECT DISTINCT ON (h) h, {src}, account_id, domain, ts, attrs, file, line
FROM (SELECT *, md5(concat_ws('|', {src}, account_id, domain, CAST(attrs AS VARCHAR))) AS h
      FROM {good}) g
WHERE NOT EXISTS (SELECT 1 FROM ls_account_records r WHERE r.record_hash = g.h)""")
    else:
        rows = (f"SELECT outcome_id, person_id, account_id, outcome, ts, amount, file, line "
                f"FROM {good} WHERE emits_stage UNION ALL SELECT outcome_id, person_id, "
                f"account_id, 'opportunity_created', created_at, NULL, file, line FROM {good} "
                "WHERE created_at IS NOT NULL AND outcome IS DISTINCT FROM 'opportunity_created'")
        key = ("md5(concat_ws('|', coalesce(outcome_id, ''), coalesce(person_id, ''), "
               "coalesce(account_id, ''), outcome, CAST(ts AS VARCHAR)))")
        con.execute(f"""
INSERT INTO ls_outcomes
SELECT DISTINCT ON (k) k, coalesce(m.person_id, o.person_id), o.person_id, o.account_id,
       o.outcome, o.ts, o.amount, {src}, o.file, o.line
FROM (SELECT *, {key} AS k FROM ({rows})) o
LEFT JOIN ls_person_ids m ON m.alias_id = o.person_id
WHERE NOT EXISTS (SELECT 1 FROM ls_outcomes x WHERE x.outcome_key = o.k)""")
    loaded = _count(con, kind) - before
    bad = sum(reasons.values())
    if kind == "outcomes":
        good_rows = read - bad
        return Counts(read, min(loaded, good_rows), max(good_rows - loaded, 0), reasons)
    return Counts(read, loaded, read - bad - loaded, reasons)


def _outcome_sql(source: IngestSourceConfig, mapping: dict[str, str], limits: Limits,
                 ) -> tuple[str, str]:
    """Columns and reason of an outcomes row.

    Outcome names are normalised (``Closed Won`` → ``closed_won``) unless
    ``options.outcome_values`` maps them. With ``created_at`` mapped (an opportunities export),
    every row is an ``opportunity_created`` at that instant, and its stage is an outcome at
    ``ts`` only when closed (``closed_won`` / ``closed_lost``) or mapped by ``outcome_values``:
    an open opportunity's close date is only a forecast.
    """
    fmt = source.options.timestamp_format
    values = source.options.outcome_values
    text = _text(mapping, "outcome")
    normal = f"lower(trim(regexp_replace({text}, '[^A-Za-z0-9]+', '_', 'g'), '_'))"
    mapped = " ".join(f"WHEN {quote(k)} THEN {quote(v)}" for k, v in values.items())
    outcome = f"CASE {text} {mapped} ELSE {normal} END" if mapped else normal
    opportunities = "created_at" in mapping
    listed = ", ".join(quote(k) for k in values) or "NULL"
    emits = (f"({outcome} IN ('closed_won', 'closed_lost') OR {text} IN ({listed}))"
             if opportunities else "true")
    amount_text = _text(mapping, "amount")
    select = (f"{_text(mapping, 'outcome_id')} AS outcome_id, "
              f"{_text(mapping, 'person_id')} AS person_id, "
              f"{_text(mapping, 'account_id')} AS account_id, {outcome} AS outcome, "
              f"coalesce({emits}, false) AS emits_stage, "
              f"{_text(mapping, 'ts')} AS ts_text, {_ts(mapping, 'ts', fmt)} AS ts, "
              f"{amount_text} AS amount_text, try_cast({amount_text} AS DOUBLE) AS amount, "
              f"{_text(mapping, 'created_at')} AS created_text, "
              f"{_ts(mapping, 'created_at', fmt)} AS created_at")
    created = ("WHEN created_text IS NULL THEN 'missing_timestamp' "
               "WHEN created_at IS NULL THEN 'unparseable_timestamp' "
               f"WHEN created_at > {_future(limits)} THEN 'timestamp_in_future' "
               if opportunities else "")
    reason = (f"CASE WHEN person_id IS NULL AND account_id IS NULL THEN 'missing_user' "
              f"WHEN outcome IS NULL OR outcome = '' THEN 'missing_outcome' {created}"
              f"WHEN emits_stage AND ts_text IS NULL THEN 'missing_timestamp' "
              f"WHEN emits_stage AND ts IS NULL THEN 'unparseable_timestamp' "
              f"WHEN emits_stage AND ts > {_future(limits)} THEN 'timestamp_in_future' "
              f"WHEN amount_text IS NOT NULL AND amount IS NULL THEN 'wrong_type:amount' END")
    return select, reason


def _count(con: duckdb.DuckDBPyConnection, kind: str) -> int:
    table = {"people": "ls_people_records", "accounts": "ls_account_records",
             "outcomes": "ls_outcomes"}[kind]
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]



