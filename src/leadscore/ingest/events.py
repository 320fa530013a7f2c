"""Validate normalised messages and load them: events, identity edges, traits, quarantine.

One SQL pass classifies every message with a ``reason`` (NULL = good; the vocabulary is in
:mod:`.reasons`), materialised once as ``_ls_stage``. From there, set-based inserts:

* good track / page / screen messages → ``ls_events``, **one row per event id**: duplicates
  inside the batch and ids already stored (from any file or source) are counted, not loaded;
* good identify / alias / group messages → ``ls_identities`` (same de-duplication), their
  traits → ``ls_people_records`` / ``ls_account_records``;
* any message carrying both a user id and an anonymous id also records a ``link`` edge;
* bad messages → ``ls_quarantine`` with source, file, line, item, reason and raw text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import duckdb

from leadscore.ingest.formats import CALL_TYPES, EventFormat
from leadscore.ingest.store import cast_sql, ident, json_text, quote

STAGE = "_ls_stage"


@dataclass
class Counts:
    """What one batch of input did: read, loaded, duplicates, quarantined by reason."""

    read: int = 0
    loaded: int = 0
    duplicates: int = 0
    quarantined: dict[str, int] = field(default_factory=dict)

    def add(self, other: Counts) -> None:
        """Accumulate ``other`` into this."""
        self.read += other.read
        self.loaded += other.loaded
        self.duplicates += other.duplicates
        for reason, n in other.quarantined.items():
            self.quarantined[reason] = self.quarantined.get(reason, 0) + n

    @property
    def quarantined_total(self) -> int:
        """All quarantined rows."""
        return sum(self.quarantined.values())


@dataclass(frozen=True)
class Limits:
    """Validation settings of one ingest run."""

    now: datetime
    max_future_s: float
    max_bytes: int
    properties: dict[str, str]


def reason_sql(limits: Limits) -> str:
    """The CASE expression giving each normalised message its quarantine reason (or NULL)."""
    future = (f"TIMESTAMP '{limits.now:%Y-%m-%d %H:%M:%S}' "
              f"+ INTERVAL {int(limits.max_future_s)} SECOND")
    types = ", ".join(quote(t) for t in CALL_TYPES)
    props = " ".join(
        f"WHEN {json_text('properties', name)} IS NOT NULL AND "
        f"{cast_sql(json_text('properties', name), kind)} IS NULL "
        f"THEN {quote('wrong_type:properties.' + name)}"
        for name, kind in limits.properties.items())
    return f"""CASE
    WHEN nbytes > {limits.max_bytes} THEN 'oversized'
    WHEN NOT valid THEN 'invalid_json'
    WHEN call_type IS NULL OR call_type NOT IN ({types}) THEN 'unknown_type'
    WHEN type_error IS NOT NULL THEN type_error
    WHEN event_id IS NULL THEN 'missing_id'
    WHEN user_id IS NULL AND anonymous_id IS NULL THEN 'missing_user'
    WHEN call_type = 'track' AND event IS NULL THEN 'missing_event'
    WHEN call_type = 'group' AND group_id IS NULL THEN 'missing_group_id'
    WHEN call_type = 'alias' AND previous_id IS NULL THEN 'missing_previous_id'
    WHEN ts_text IS NULL THEN 'missing_timestamp'
    WHEN ts IS NULL THEN 'unparseable_timestamp'
    WHEN ts > {future} THEN 'timestamp_in_future'
    {props}
  END"""


def stage(con: duckdb.DuckDBPyConnection, fmt: EventFormat, messages: str, limits: Limits) -> None:
    """Normalise and classify ``messages`` into ``_ls_stage`` (one pass over the JSON)."""
    # Oversized rows are not parsed at all: their text is replaced by NULL before extraction.
    guarded = (f"(SELECT file, line, item, nbytes, "
               f"CASE WHEN nbytes > {limits.max_bytes} THEN NULL ELSE raw END AS raw "
               f"FROM {messages})")
    steps = fmt.steps(guarded)
    for table, sql in steps:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS {sql}")
    con.execute(f"CREATE OR REPLACE TEMP TABLE {STAGE} AS SELECT *, {reason_sql(limits)} AS reason "
                f"FROM {steps[-1][0]}")
    for table, _ in steps:
        con.execute(f"DROP TABLE {table}")


def load_stage(con: duckdb.DuckDBPyConnection, source: str, fmt_name: str, limits: Limits,
               messages: str) -> Counts:
    """Move ``_ls_stage`` into the store; returns the counts."""
    now = f"TIMESTAMP '{limits.now:%Y-%m-%d %H:%M:%S}'"
    src = quote(source)
    read = con.execute(f"SELECT count(*) FROM {STAGE}").fetchone()[0]
    reasons = dict(con.execute(f"SELECT reason, count(*) FROM {STAGE} WHERE reason IS NOT NULL "
                               "GROUP BY reason").fetchall())
    if reasons:
        quarantine(con, source, fmt_name, now, messages)
    good = f"SELECT * FROM {STAGE} WHERE reason IS NULL"
    repeated = con.execute(f"SELECT count(*) - count(DISTINCT event_id) FROM ({good})"
                           ).fetchone()[0]
    firsts = (f"SELECT * FROM ({good}) QUALIFY row_number() OVER "
              "(PARTITION BY event_id ORDER BY file, line, item NULLS FIRST) = 1"
              if repeated else good)
    fresh = (f"SELECT f.* FROM ({firsts}) f WHERE NOT EXISTS "
             "(SELECT 1 FROM ls_events e WHERE e.event_id = f.event_id) AND NOT EXISTS "
             "(SELECT 1 FROM ls_identities i WHERE i.event_id = f.event_id)")
    con.execute(f"CREATE OR REPLACE TEMP TABLE _ls_fresh AS {fresh}")
    loaded = con.execute("SELECT count(*) FROM _ls_fresh").fetchone()[0]
    props = "".join(f", {cast_sql(json_text('properties', n), k)}" for n, k in
                    limits.properties.items())
    prop_cols = "".join(f", {ident(n)}" for n in limits.properties)
    person = "coalesce(m.person_id, f.user_id)"
    con.execute(f"""
INSERT INTO ls_events (event_id, person_id, user_id, anonymous_id, event, ts, type, name,
                       properties, source, file, line, loaded_at{prop_cols})
SELECT f.event_id, {person}, f.user_id, f.anonymous_id,
       CASE WHEN f.call_type = 'track' THEN f.event ELSE f.call_type END, f.ts, f.call_type,
       f.name, f.properties, {src}, f.file, f.line, {now}{props}
FROM _ls_fresh f LEFT JOIN ls_person_ids m ON m.alias_id = f.user_id
WHERE f.call_type IN ('track', 'page', 'screen')""")
    _identities(con, src, person)
    _traits(con, src)
    total_dupes = read - sum(reasons.values()) - loaded
    con.execute("DROP TABLE IF EXISTS _ls_fresh")
    return Counts(read, loaded, total_dupes, reasons)


def _identities(con: duckdb.DuckDBPyConnection, src: str, person: str) -> None:
    """Record identity edges.

    Each identify / alias / group call is an edge, plus the *first* sighting of each
    (anonymous id, user id) pair on other messages and the *last* of each (user, group) pair.
    Events that carry both ids link them, but one edge per pair is enough (and per-event edges
    would double the store): the earliest observation is what point-in-time resolution needs;
    for groups, the latest is what account assignment uses.
    """
    cols = "(event_id, kind, anonymous_id, user_id, raw_user_id, group_id, ts, source, file, line)"
    con.execute(f"""
INSERT INTO ls_identities {cols}
SELECT f.event_id, f.call_type,
       CASE WHEN f.call_type = 'alias' THEN f.previous_id ELSE f.anonymous_id END,
       {person}, f.user_id, f.group_id, f.ts, {src}, f.file, f.line
FROM _ls_fresh f LEFT JOIN ls_person_ids m ON m.alias_id = f.user_id
WHERE f.call_type IN ('identify', 'alias', 'group')""")
    con.execute(f"""
INSERT INTO ls_identities {cols}
SELECT l.event_id, 'link', l.anonymous_id, {person.replace('f.', 'l.')}, l.user_id, NULL, l.ts,
       {src}, l.file, l.line
FROM (SELECT anonymous_id, user_id, min(ts) AS ts, arg_min(event_id, ts) AS event_id,
             arg_min(file, ts) AS file, arg_min(line, ts) AS line
      FROM _ls_fresh WHERE call_type IN ('track', 'page', 'screen')
        AND anonymous_id IS NOT NULL AND user_id IS NOT NULL GROUP BY ALL) l
LEFT JOIN ls_person_ids m ON m.alias_id = l.user_id
WHERE NOT EXISTS (SELECT 1 FROM ls_identities i WHERE i.kind IN ('link', 'identify')
                  AND i.anonymous_id = l.anonymous_id AND i.raw_user_id = l.user_id
                  AND i.ts <= l.ts)""")
    con.execute(f"""
INSERT INTO ls_identities {cols}
SELECT g.event_id, 'group', g.anonymous_id, {person.replace('f.', 'g.')}, g.user_id, g.group_id,
       g.ts, {src}, g.file, g.line
FROM (SELECT user_id, group_id, max(ts) AS ts, arg_max(event_id, ts) AS event_id,
             arg_max(anonymous_id, ts) AS anonymous_id, arg_max(file, ts) AS file,
             arg_max(line, ts) AS line
      FROM _ls_fresh WHERE call_type IN ('track', 'page', 'screen') AND group_id IS NOT NULL
      GROUP BY user_id, group_id) g
LEFT JOIN ls_person_ids m ON m.alias_id = g.user_id""")


def _traits(con: duckdb.DuckDBPyConnection, src: str) -> None:
    """Identify traits become person records; group traits become account records."""
    email = "json_extract_string(f.traits, '$.email')"
    created = ("CAST(try_cast(coalesce(json_extract_string(f.traits, '$.created_at'), "
               "json_extract_string(f.traits, '$.createdAt')) AS TIMESTAMPTZ) AS TIMESTAMP)")
    account = ("coalesce(json_extract_string(f.traits, '$.account_id'), "
               "json_extract_string(f.traits, '$.accountId'), "
               "json_extract_string(f.traits, '$.company.id'))")
    con.execute(f"""
INSERT INTO ls_people_records
SELECT md5(concat_ws('|', {src}, f.user_id, CAST(f.traits AS VARCHAR), CAST(f.ts AS VARCHAR))),
       {src}, f.user_id, {email}, {account}, {created}, f.ts,
       json_merge_patch(f.traits, '{{"email": null, "created_at": null, "createdAt": null, '
                                  '"account_id": null, "accountId": null}}'),
       f.file, f.line
FROM _ls_fresh f
WHERE f.call_type = 'identify' AND f.user_id IS NOT NULL AND f.traits IS NOT NULL""")
    domain = ("coalesce(json_extract_string(f.traits, '$.domain'), "
              "json_extract_string(f.traits, '$.website'))")
    con.execute(f"""
INSERT INTO ls_account_records
SELECT md5(concat_ws('|', {src}, f.group_id, CAST(f.traits AS VARCHAR), CAST(f.ts AS VARCHAR))),
       {src}, f.group_id, {domain}, f.ts,
       json_merge_patch(f.traits, '{{"domain": null, "website": null}}'), f.file, f.line
FROM _ls_fresh f
WHERE f.call_type = 'group' AND f.traits IS NOT NULL""")


def quarantine(con: duckdb.DuckDBPyConnection, source: str, fmt_name: str, now: str,
               messages: str) -> None:
    """Copy the bad rows of ``_ls_stage`` (raw text from ``messages``) into ``ls_quarantine``.

    A row already quarantined (same source, file, line, item and raw text) is not added again.
    """
    # Plain equi-joins (item -1 outside batches) so DuckDB hash-joins instead of looping.
    con.execute(f"""
CREATE OR REPLACE TEMP TABLE _ls_bad AS
SELECT b.file, b.line, b.item, b.reason, m.raw
FROM (SELECT file, line, item, reason FROM {STAGE} WHERE reason IS NOT NULL) b
JOIN {messages} m ON m.file = b.file AND m.line = b.line
                 AND coalesce(m.item, -1) = coalesce(b.item, -1)""")
    con.execute(f"""
INSERT INTO ls_quarantine (source, format, file, line, item, reason, raw, quarantined_at)
SELECT {quote(source)}, {quote(fmt_name)}, s.file, s.line, s.item, s.reason, s.raw, {now}
FROM _ls_bad s
WHERE NOT EXISTS (
    SELECT 1 FROM ls_quarantine q
    WHERE q.source = {quote(source)} AND q.file = s.file AND q.line = s.line
      AND coalesce(q.item, -1) = coalesce(s.item, -1) AND q.raw = s.raw)""")
    con.execute("DROP TABLE _ls_bad")
