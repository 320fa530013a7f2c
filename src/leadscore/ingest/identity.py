"""Rebuild people, accounts and the person-id map from everything ingested so far.

Run after every ingest (set-based SQL, no per-row Python):

1. **Person ids.** Every id seen — CRM record ids, identified user ids of events and identity
   edges — is a person record. Records with the same email (trimmed, lower-cased) are **one
   person**: their ``person_id`` is the id seen first (ties: the smallest). ``ls_person_ids``
   maps every id to its person; ``ls_events.person_id``, ``ls_identities.user_id`` and
   ``ls_outcomes.person_id`` are re-pointed through it.
2. **People.** One row per person: the latest non-missing value of every attribute across the
   person's records, the earliest ``created_at`` (or, without one, the first time the person
   was seen), ``email`` and ``email_domain``.
3. **Accounts.** One row per account id from CRM rows and group calls (latest attributes, a
   normalised ``domain``).
4. **Person → account**, first that applies: an explicit account id (CRM ``account_id``
   column, ``account_id`` trait), the latest group call, the account whose ``domain`` is the
   person's email domain, else that company domain itself (so colleagues roll up together).
   Personal email domains (:mod:`.domains`) never make an account.

Anonymous ids are *not* merged here: that is point-in-time and happens at scoring
(:mod:`leadscore.compile.identity`).
"""

from __future__ import annotations

import duckdb

from leadscore.ingest.domains import domain_sql, email_domain_sql
from leadscore.ingest.store import ident, quote

FIXED_PEOPLE = ("person_id", "email", "email_domain", "account_id", "created_at")
FIXED_ACCOUNTS = ("account_id", "domain")


def rebuild(con: duckdb.DuckDBPyConnection, personal: frozenset[str]) -> None:
    """Recompute ``ls_person_ids``, ``ls_people`` and ``ls_accounts``; re-point person ids."""
    con.execute("CREATE OR REPLACE TEMP TABLE _ls_personal AS SELECT unnest(?) AS domain",
                [sorted(personal)])
    _person_ids(con)
    _accounts(con)
    _people(con)


def _person_ids(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
CREATE OR REPLACE TEMP TABLE _ls_ids AS
WITH seen AS (
    SELECT record_id AS id, lower(trim(email)) AS email, ts, created_at FROM ls_people_records
    UNION ALL SELECT user_id, NULL, min(ts), NULL FROM ls_events
        WHERE user_id IS NOT NULL GROUP BY user_id
    UNION ALL SELECT raw_user_id, NULL, min(ts), NULL FROM ls_identities
        WHERE raw_user_id IS NOT NULL GROUP BY raw_user_id),
ids AS (
    SELECT id, arg_max(email, ts) FILTER (WHERE email IS NOT NULL AND email <> '') AS email,
           min(coalesce(created_at, ts)) AS first_seen
    FROM seen WHERE id IS NOT NULL GROUP BY id)
SELECT id, email, first_seen,
       coalesce('e:' || email, 'i:' || id) AS grp FROM ids""")
    con.execute("""
CREATE OR REPLACE TABLE ls_person_ids AS
SELECT id AS alias_id,
       first_value(id) OVER (PARTITION BY grp ORDER BY first_seen NULLS LAST, id) AS person_id
FROM _ls_ids""")
    moved = "(SELECT * FROM ls_person_ids WHERE alias_id <> person_id)"
    con.execute(f"""UPDATE ls_events SET person_id = m.person_id FROM {moved} m
                   WHERE ls_events.user_id = m.alias_id
                     AND ls_events.person_id IS DISTINCT FROM m.person_id""")
    con.execute("""UPDATE ls_events SET person_id = user_id
                   WHERE person_id IS DISTINCT FROM user_id AND user_id IS NOT NULL
                     AND user_id NOT IN (SELECT alias_id FROM ls_person_ids
                                         WHERE alias_id <> person_id)""")
    _remap(con, "ls_identities", "user_id", "raw_user_id")
    _remap(con, "ls_outcomes", "person_id", "source_person_id")


def _remap(con: duckdb.DuckDBPyConnection, table: str, column: str, raw: str) -> None:
    """Set ``column`` to the merged person of the id in ``raw`` (itself when not merged)."""
    con.execute(f"""UPDATE {table} SET {column} = coalesce(m.person_id, {raw})
                    FROM (SELECT t.rowid AS r, m.person_id FROM {table} t
                          LEFT JOIN ls_person_ids m ON m.alias_id = t.{raw}) m
                    WHERE {table}.rowid = m.r
                      AND {table}.{column} IS DISTINCT FROM coalesce(m.person_id, {raw})""")


def _attribute_columns(con: duckdb.DuckDBPyConnection, records: str,
                       fixed: tuple[str, ...]) -> list[str]:
    """``arg_max`` per attribute key, cast to the narrowest type all its values fit."""
    keys = [r[0] for r in con.execute(
        f"SELECT DISTINCT unnest(json_keys(attrs)) AS k FROM {records} "
        "WHERE attrs IS NOT NULL ORDER BY k").fetchall()]
    # DuckDB column names are case-insensitive: "Industry" and "industry" are one column,
    # valued from whichever key a record has (the first spelling names it).
    groups: dict[str, list[str]] = {}
    for key in keys:
        if key.lower() not in {f.lower() for f in fixed} and not key.startswith("_ls_"):
            groups.setdefault(key.lower(), []).append(key)
    columns = []
    for spellings in groups.values():
        paths = [quote("$." + '"' + k.replace('"', '\\"') + '"') for k in spellings]
        texts = [f"nullif(trim(json_extract_string(attrs, {p})), '')" for p in paths]
        value = texts[0] if len(texts) == 1 else f"coalesce({', '.join(texts)})"
        kind = _infer(con, records, value)
        typed = f"try_cast({value} AS {kind})" if kind != "VARCHAR" else value
        if kind == "BOOLEAN":
            typed = f"CASE lower({value}) WHEN 'true' THEN true WHEN 'false' THEN false END"
        columns.append(f"arg_max({typed}, ts) FILTER (WHERE {value} IS NOT NULL) "
                       f"AS {ident(spellings[0])}")
    return columns


def _infer(con: duckdb.DuckDBPyConnection, records: str, value: str) -> str:
    n, ints, nums, bools, times = con.execute(
        f"SELECT count({value}), count(try_cast({value} AS BIGINT)), "
        f"count(try_cast({value} AS DOUBLE)), "
        f"count(*) FILTER (WHERE lower({value}) IN ('true', 'false')), "
        f"count(*) FILTER (WHERE {value} LIKE '____-__-__%' "
        f"AND try_cast({value} AS TIMESTAMPTZ) IS NOT NULL) FROM {records}").fetchone()
    if n == 0:
        return "VARCHAR"
    for count, kind in ((ints, "BIGINT"), (nums, "DOUBLE"), (bools, "BOOLEAN"),
                        (times, "TIMESTAMP")):
        if count == n:
            return kind
    return "VARCHAR"


def _accounts(con: duckdb.DuckDBPyConnection) -> None:
    attrs = _attribute_columns(con, "ls_account_records", FIXED_ACCOUNTS)
    extra = "".join(", " + c for c in attrs)
    con.execute(f"""
CREATE OR REPLACE TABLE ls_accounts AS
SELECT account_id,
       arg_max({domain_sql('domain')}, ts) FILTER (WHERE {domain_sql('domain')} IS NOT NULL)
           AS domain{extra}
FROM ls_account_records WHERE account_id IS NOT NULL GROUP BY account_id""")


def _people(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
CREATE OR REPLACE TEMP TABLE _ls_precords AS
SELECT m.person_id, r.email, r.account_id, r.created_at, r.ts, r.attrs
FROM ls_people_records r JOIN ls_person_ids m ON m.alias_id = r.record_id""")
    attrs = _attribute_columns(con, "_ls_precords", FIXED_PEOPLE)
    extra = "".join(", " + c for c in attrs)
    con.execute(f"""
CREATE OR REPLACE TEMP TABLE _ls_pattrs AS
SELECT person_id,
       arg_max(email, ts) FILTER (WHERE nullif(trim(email), '') IS NOT NULL) AS email,
       arg_max(account_id, ts) FILTER (WHERE nullif(trim(account_id), '') IS NOT NULL)
           AS explicit_account,
       min(created_at) AS created_at{extra}
FROM _ls_precords GROUP BY person_id""")
    con.execute("""
CREATE OR REPLACE TEMP TABLE _ls_groups AS
SELECT user_id AS person_id, arg_max(group_id, ts) AS group_id
FROM ls_identities WHERE kind = 'group' AND user_id IS NOT NULL GROUP BY user_id""")
    first_seen = ("(SELECT m.person_id, min(i.first_seen) AS first_seen FROM _ls_ids i "
                  "JOIN ls_person_ids m ON m.alias_id = i.id GROUP BY m.person_id)")
    domain = email_domain_sql("a.email")
    company = f"CASE WHEN {domain} NOT IN (SELECT domain FROM _ls_personal) THEN {domain} END"
    by_domain = ("(SELECT domain, min(account_id) AS account_id FROM ls_accounts "
                 "WHERE domain IS NOT NULL GROUP BY domain)")
    attr_names = [c.rsplit(" AS ", 1)[1] for c in attrs]
    con.execute(f"""
CREATE OR REPLACE TABLE ls_people AS
SELECT p.person_id, a.email, {domain} AS email_domain,
       coalesce(a.explicit_account, g.group_id, d.account_id, {company}) AS account_id,
       coalesce(a.created_at, p.first_seen) AS created_at
       {''.join(', a.' + n for n in attr_names)}
FROM {first_seen} p
LEFT JOIN _ls_pattrs a ON a.person_id = p.person_id
LEFT JOIN _ls_groups g ON g.person_id = p.person_id
LEFT JOIN {by_domain} d ON d.domain = {company}
ORDER BY p.person_id""")
