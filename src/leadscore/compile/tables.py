"""The canonical input tables, normalised once before any rule sees them.

Real exports are messy: ids arrive as integers, timestamps as strings, titles as empty strings.
Normalising here (cast ids to strings, parse timestamps, blank strings → NULL in attributes)
means every rule can assume clean types. See ``docs/data-model.md``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from leadscore.errors import DataError
from leadscore.spec.semantic import DataSchema

ACCOUNT_PREFIX = "account__"


@dataclass(frozen=True)
class ScoringTables:
    """People (required), accounts and events as Ibis tables in canonical shape.

    ``identities`` (optional, ``anonymous_id, user_id, ts``) resolves anonymous events to people
    point-in-time; see :mod:`leadscore.compile.identity`.
    """

    people: ir.Table
    accounts: ir.Table | None = None
    events: ir.Table | None = None
    identities: ir.Table | None = None

    def schema(self, event_names: frozenset[str] | None = None) -> DataSchema:
        """Column names (and optionally event names) for data-aware validation."""
        return DataSchema(
            people=frozenset(self.people.columns),
            accounts=frozenset(self.accounts.columns) if self.accounts is not None else frozenset(),
            events=frozenset(self.events.columns) if self.events is not None else frozenset(),
            event_names=event_names,
        )


def _require(table: ir.Table, name: str, columns: tuple[str, ...]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DataError(
            f"missing required column(s) {', '.join(missing)}; it has {', '.join(table.columns)}. "
            "Map your column names with `columns:` in leadscore.yaml", source=name)


def as_timestamp(value: ir.Value) -> ir.TimestampValue:
    """A column as a naive timestamp (zone-aware values as UTC wall time; text parsed)."""
    dtype = value.type()
    if dtype.is_timestamp():
        # Zone-aware columns are compared as UTC wall time, the same as naive ones.
        return value.cast("timestamp") if dtype.timezone else value
    if dtype.is_date():
        return value.cast("timestamp")
    return value.cast("string").cast("timestamp")


def clean_string(value: ir.Value) -> ir.StringValue:
    """Text trimmed, with blank text as NULL (a blank id or attribute is missing)."""
    # NULLIF trims once; CASE WHEN TRIM(x) = '' THEN NULL ELSE TRIM(x) END trimmed twice
    # (engines do not share the two TRIMs), on every text column of every person.
    return value.cast("string").strip().nullif("")


def normalise_people(people: ir.Table) -> ir.Table:
    """Canonical people: string ids, timestamp ``created_at``, derived ``email_domain``."""
    _require(people, "people", ("person_id",))
    columns: dict[str, ir.Value] = {"person_id": people.person_id.cast("string")}
    columns["account_id"] = (clean_string(people.account_id) if "account_id" in people.columns
                             else ibis.null("string"))
    columns["created_at"] = (as_timestamp(people.created_at) if "created_at" in people.columns
                             else ibis.null("timestamp"))
    if derives_email_domain(people.columns):
        # No match extracts '' on some engines: an email without a domain has a missing domain.
        # The domain stops at whitespace, \v included (RE2's \s leaves it out), so it needs no
        # TRIM afterwards: DuckDB's TRIM costs as much as the REGEXP_EXTRACT itself.
        domain = people.email.cast("string").re_extract(r"@([^@\s\v]+)[\s\v]*$", 1).lower()
        columns["email_domain"] = domain.nullif("")  # one REGEXP_EXTRACT per row, not two
    for name in people.columns:
        if name not in columns:
            col = people[name]
            columns[name] = clean_string(col) if col.type().is_string() else col
    return people.select(**columns).filter(ibis._.person_id.notnull())


def derives_email_domain(people_columns: Collection[str]) -> bool:
    """Whether :func:`normalise_people` derives a trimmed, lower-cased ``email_domain``.

    It does from an ``email`` column, for people without an ``email_domain`` of their own.
    """
    return "email" in people_columns and "email_domain" not in people_columns


def arrives_trimmed(column: str) -> bool:
    """Whether a normalised people or accounts column has no surrounding whitespace already.

    Every column but the ids (cast to text, kept as they are to join): text is trimmed by
    :func:`clean_string`, and other types print without it.
    """
    return column not in ("person_id", ACCOUNT_PREFIX + "account_id")


def arrives_lower_cased(column: str, people_columns: Collection[str]) -> bool:
    """Whether a normalised people or accounts column is lower-cased already.

    Only the derived ``email_domain`` is (see :func:`derives_email_domain`).
    """
    return column == "email_domain" and derives_email_domain(people_columns)


def normalise_accounts(accounts: ir.Table) -> ir.Table:
    """Canonical accounts with every column prefixed ``account__`` (joined onto people)."""
    _require(accounts, "accounts", ("account_id",))
    columns: dict[str, ir.Value] = {}
    for name in accounts.columns:
        col = accounts[name]
        if name == "account_id":
            col = col.cast("string")
        elif col.type().is_string():
            col = clean_string(col)
        columns[ACCOUNT_PREFIX + name] = col
    return accounts.select(**columns)


def normalise_events(events: ir.Table) -> ir.Table:
    """Canonical events: string ``person_id`` and ``event``, timestamp ``ts``."""
    _require(events, "events", ("person_id", "event", "ts"))
    columns: dict[str, ir.Value] = {
        "person_id": events.person_id.cast("string"),
        "event": events.event.cast("string"),
        "ts": as_timestamp(events.ts),
    }
    for name in events.columns:
        if name not in columns:
            columns[name] = events[name]
    return events.select(**columns).filter(
        ibis._.person_id.notnull(), ibis._.event.notnull(), ibis._.ts.notnull())


def normalise(tables: ScoringTables, as_of: ir.TimestampScalar | None = None) -> ScoringTables:
    """All tables in canonical shape (see :func:`normalise_people` and friends).

    With ``identities`` and ``as_of`` (the scoring parameter), anonymous events are first
    attributed to people through identity edges observed at or before ``as_of``
    (:func:`leadscore.compile.identity.resolve`); without ``as_of`` they stay anonymous.
    """
    events = tables.events
    if events is not None and tables.identities is not None and as_of is not None:
        from leadscore.compile.identity import IDENTITY_COLUMNS, resolve

        _require(tables.identities, "identities", IDENTITY_COLUMNS)
        events = resolve(events, tables.identities, as_of)
    return ScoringTables(
        people=normalise_people(tables.people),
        accounts=normalise_accounts(tables.accounts) if tables.accounts is not None else None,
        events=normalise_events(events) if events is not None else None,
        identities=tables.identities,
    )
