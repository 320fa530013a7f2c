"""``leadscore transitions`` and ``leadscore history``: read the lifecycle store.

Register them on the root app (``leadscore.cli``)::

    from leadscore.cli.lifecycle import history, transitions
    app.command()(transitions)
    app.command()(history)
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import pyarrow as pa
import typer
from rich.console import Console
from rich.table import Table

from leadscore.cli.options import ProjectOption, parse_instant

console = Console()

EntityOption = Annotated[str | None, typer.Option(
    "--entity", help="Only this entity type: person or account (default: all).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print a JSON list instead of a table.")]


def _open(path: Path):
    from leadscore.project import Project

    return Project.load(path)


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _print_json(table: pa.Table) -> None:
    sys.stdout.write(json.dumps(table.to_pylist(), indent=2, default=_json_default) + "\n")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def transitions(
    project: ProjectOption = Path("."),
    since: Annotated[str | None, typer.Option(
        "--since", help="Only transitions at or after this UTC instant (e.g. 2026-03-01).")]
    = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="Only transitions at or before this UTC instant.")] = None,
    status: Annotated[str | None, typer.Option(
        "--status", help="Only transitions into or out of this status (e.g. MQL).")] = None,
    entity: EntityOption = None,
    as_json: JsonOption = False,
) -> None:
    """List status transitions (entered / exited) recorded by `leadscore score` runs."""
    from leadscore import lifecycle

    proj = _open(project)
    try:
        rows = lifecycle.transitions(proj, since=parse_instant(since, "--since"),
                                     until=parse_instant(until, "--until"), status=status,
                                     entity_type=entity)
    finally:
        proj.close()
    if as_json:
        _print_json(rows)
        return
    table = Table(title=f"{rows.num_rows} transition(s)", title_justify="left")
    for column in ("as of", "entity", "id", "kind", "status", "from → to", "total", "cause"):
        table.add_column(column, justify="right" if column == "total" else "left")
    for row in rows.to_pylist():
        table.add_row(_cell(row["as_of"]), row["entity_type"], row["entity_id"], row["kind"],
                      row["status"], f"{row['previous_status'] or '–'} → "
                      f"{row['new_status'] or '–'}", _cell(row["total"]), row["cause"])
    console.print(table)


def history(
    entity_id: Annotated[str, typer.Argument(help="The person (or account) id.")],
    project: ProjectOption = Path("."),
    entity: Annotated[str, typer.Option(
        "--entity", help="Entity type of the id: person or account.")] = "person",
    as_json: JsonOption = False,
) -> None:
    """Show one entity's recorded score history: one row per run, with its transitions."""
    from leadscore import lifecycle

    proj = _open(project)
    try:
        rows = lifecycle.history(proj, entity_id, entity_type=entity)
        moves = lifecycle.transitions(proj, entity_type=entity, entity_id=entity_id)
    finally:
        proj.close()
    if as_json:
        _print_json(rows)
        return
    changes: dict[str, list[str]] = {}
    for move in moves.to_pylist():
        changes.setdefault(move["run_id"], []).append(f"{move['kind']} {move['status']}")
    table = Table(title=f"{entity} {entity_id}: {rows.num_rows} run(s)", title_justify="left")
    for column in ("as of", "fit", "behavior", "total", "status", "lifecycle", "transitions",
                   "logic"):
        table.add_column(column, justify="right" if column in ("fit", "behavior", "total")
                         else "left")
    for row in rows.to_pylist():
        table.add_row(_cell(row["as_of"]), _cell(row["fit"]), _cell(row["behavior"]),
                      _cell(row["total"]), row["status"] or "", row["lifecycle_status"] or "",
                      ", ".join(changes.get(row["run_id"], [])), row["logic_hash"])
    console.print(table)
