"""``leadscore ingest`` and ``leadscore quarantine list|replay``.

Registered in :mod:`leadscore.cli` with::

    from leadscore.cli.ingest import ingest, quarantine_app
    app.command()(ingest)
    app.add_typer(quarantine_app, name="quarantine")
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from leadscore.cli.options import ProjectOption

console = Console()


PROGRESS_MIN_BYTES = 16 * 1024 * 1024
"""Show a progress bar when the files to read add up to at least this much."""


def _project(path: Path):
    from leadscore.project import Project

    return Project.load(path)


def _print_report(report, title: str) -> None:
    table = Table(title=title, title_justify="left")
    for column in ("source", "files", "skipped", "read", "loaded", "duplicates", "quarantined"):
        table.add_column(column, justify="left" if column == "source" else "right")
    for source in report.sources:
        c = source.counts
        table.add_row(source.name, str(source.files), str(source.skipped), f"{c.read:,}",
                      f"{c.loaded:,}", f"{c.duplicates:,}", f"{c.quarantined_total:,}")
    console.print(table)
    total = report.total
    console.print(f"read {total.read:,} / loaded {total.loaded:,} / duplicates "
                  f"{total.duplicates:,} / quarantined {total.quarantined_total:,} in "
                  f"{report.seconds:.2f}s", highlight=False)
    for reason, n in sorted(total.quarantined.items()):
        console.print(f"  quarantined {reason}: {n:,}", highlight=False, markup=False)
    for source in report.sources:
        if source.note:
            console.print(f"[yellow]{source.name}: {source.note}[/]")
    if total.quarantined_total:
        console.print("See them with `leadscore quarantine list`; fix and replay with "
                      "`leadscore quarantine replay`.", markup=False)


def ingest(
    project: ProjectOption = Path("."),
    source: Annotated[list[str] | None, typer.Option(
        "--source", "-s", help="Only this ingest source (repeat for several).")] = None,
    progress: Annotated[bool, typer.Option(
        "--progress/--no-progress", help="Progress bar on long reads (default: on for a "
        "terminal).")] = True,
) -> None:
    """Load the project's `ingest:` sources into its database; quarantine bad rows."""
    from leadscore.ingest.run import ingest as run_ingest

    proj = _project(project)
    show = progress and console.is_terminal
    if not show:
        report = run_ingest(proj.config, proj.root, only=source or None)
    else:
        with Progress(TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
                      TimeRemainingColumn(), console=console, transient=True) as bar:
            task = bar.add_task("ingest", total=None, visible=False)

            def update(description: str, done: int, total: int) -> None:
                bar.update(task, description=description, completed=done, total=total,
                           visible=total >= PROGRESS_MIN_BYTES)

            report = run_ingest(proj.config, proj.root, only=source or None, progress=update)
    _print_report(report, "Ingested")


quarantine_app = typer.Typer(no_args_is_help=True, add_completion=False,
                             help="Rows ingest could not load: list, export, fix and replay.")


@quarantine_app.command("list")
def list_(
    project: ProjectOption = Path("."),
    reason: Annotated[str | None, typer.Option(
        help="Only this reason, e.g. invalid_json or wrong_type:* (a trailing * matches a "
        "prefix).")] = None,
    source: Annotated[str | None, typer.Option(help="Only this ingest source.")] = None,
    limit: Annotated[int, typer.Option(help="How many rows to show (0 = all).")] = 20,
    out: Annotated[Path | None, typer.Option(
        help="Also export the selected rows as JSON lines, to fix and replay.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the rows as JSON lines.")]
    = False,
) -> None:
    """Show quarantined rows: counts by source and reason, then the rows themselves."""
    from leadscore.ingest import quarantine, store
    from leadscore.ingest.run import database_path

    proj = _project(project)
    con = store.connect(database_path(proj.config, proj.root))
    try:
        rows = quarantine.rows(con, reason, source, limit=limit or None)
        if as_json:
            for row in rows:
                typer.echo(json.dumps(row, default=str))
        else:
            groups = quarantine.summary(con, reason, source)
            table = Table(title="Quarantine", title_justify="left")
            for column in ("source", "reason", "rows"):
                table.add_column(column, justify="right" if column == "rows" else "left")
            for name, why, n in groups:
                table.add_row(name, why, f"{n:,}")
            console.print(table)
            detail = Table(show_header=True)
            for column in ("id", "source", "file:line", "reason", "raw"):
                detail.add_column(column, overflow="fold")
            for row in rows:
                where = f"{Path(row['file']).name}:{row['line']}" + (
                    f"[{row['item']}]" if row["item"] is not None else "")
                raw = (row["raw"] or "")[:120]
                detail.add_row(str(row["id"]), row["source"], where, row["reason"], raw)
            if rows:
                console.print(detail)
            elif not groups:
                console.print("Quarantine is empty.")
        if out is not None:
            n = quarantine.export(con, out, reason, source)
            console.print(f"Exported {n} row(s) to {out}; fix `raw` there, then run "
                          f"`leadscore quarantine replay --fixed {out}`.", markup=False)
    finally:
        con.close()


@quarantine_app.command()
def replay(
    project: ProjectOption = Path("."),
    fixed: Annotated[Path | None, typer.Option(
        help="JSON lines exported by `quarantine list --out`, with `raw` corrected: replay "
        "exactly those rows.")] = None,
    reason: Annotated[str | None, typer.Option(help="Only rows with this reason.")] = None,
    source: Annotated[str | None, typer.Option(help="Only rows of this ingest source.")]
    = None,
) -> None:
    """Re-validate quarantined rows; load the ones now valid, keep the rest."""
    from leadscore.ingest.run import replay as run_replay

    proj = _project(project)
    report = run_replay(proj.config, proj.root, fixed=fixed, reason=reason, source=source)
    _print_report(report, "Replayed")
