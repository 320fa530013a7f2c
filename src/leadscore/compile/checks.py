"""Data checks that need the engine: ids that must identify one row; event names in the data.

A CRM export with a person twice would score that person twice (and an account twice would
duplicate every one of its people through the join), so scoring refuses such data with the ids
to fix instead of picking a row silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from leadscore.compile.tables import ACCOUNT_PREFIX, ScoringTables, normalise


@dataclass(frozen=True)
class DuplicateCheck:
    """Repeated ids of one source: ``count`` is a scalar, ``examples`` the first few ids."""

    source: str
    column: str
    count: ir.Scalar
    examples: ir.Table


def duplicate_ids(tables: ScoringTables, examples: int = 5) -> list[DuplicateCheck]:
    """Expressions finding ids that appear on more than one row of people and accounts."""
    canonical = normalise(tables)
    keys = [("people", canonical.people, "person_id")]
    if canonical.accounts is not None:
        keys.append(("accounts", canonical.accounts, ACCOUNT_PREFIX + "account_id"))
    out = []
    for source, table, column in keys:
        repeated = table.filter(table[column].notnull()).group_by(id=table[column]).aggregate(
            rows=ibis._.count()).filter(ibis._.rows > 1)
        out.append(DuplicateCheck(source, column.removeprefix(ACCOUNT_PREFIX), repeated.count(),
                                  repeated.order_by("id").limit(examples)))
    return out


def events_found(events: ir.Table, names: list[str]) -> ir.Table:
    """Column ``event``: each of ``names`` that occurs in ``events``, once.

    One ``LIMIT 1`` lookup per name: the scan stops at a name's first event, so asking about a
    model's names costs milliseconds where the distinct names of 50M events cost reading them
    all (:func:`distinct_events`).
    """
    name = events.event.cast("string")
    return ibis.union(*(events.filter(name == wanted).select(event=name).limit(1)
                        for wanted in names))


def distinct_events(events: ir.Table) -> ir.Table:
    """Column ``event``: every distinct event name in ``events`` (NULL included)."""
    return events.select(event=events.event.cast("string")).distinct()
