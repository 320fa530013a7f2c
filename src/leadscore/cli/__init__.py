"""The ``leadscore`` command line: a thin shell over :class:`leadscore.project.Project`.

Every command parses options, calls the project, and prints. A :class:`LeadScoreError` becomes
one clear message and its exit code; ``--debug`` (or ``LEADSCORE_DEBUG=1``) shows the traceback.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from leadscore.cli.backtest import backtest, report
from leadscore.cli.calibrate import calibrate, diff
from leadscore.cli.ingest import ingest, quarantine_app
from leadscore.cli.lifecycle import history, transitions
from leadscore.cli.options import AsOfOption, ModelOption, ProjectOption
from leadscore.errors import LeadScoreError, SpecError

app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode="rich",
                  help="Lead scoring as code: fit, behavior, decay, velocity and statuses.")
console = Console()
err = Console(stderr=True)
_OWN_PROCESS = False  # set by main(): the command runs as its own process


def _project(path: Path, model: Path | None = None):
    from leadscore.project import Project

    return Project.load(path, model=model)


def settle(project) -> None:
    """Open ``project``'s engine, then freeze the objects alive so far (``gc.freeze``).

    Opening the engine imports Ibis, DuckDB, pyarrow and pandas: several hundred thousand
    objects that live as long as the process. Compiling a model allocates enough to set off a
    full garbage collection, which would walk every one of them (0.075 s of `leadscore score`
    on the product-led preset); frozen, they are skipped. Only when the command is its own
    process (:func:`main`): an in-process caller keeps its collector as it is.
    """
    _ = project.engine
    if _OWN_PROCESS:
        gc.freeze()


def _print_diagnostics(diagnostics, *, as_json: bool = False) -> None:
    from leadscore.spec.diagnostics import render_all

    if as_json:
        console.print_json(render_all(diagnostics, as_json=True))
    else:
        text = render_all(diagnostics)
        for line in text.splitlines():
            style = "red" if " error " in line else ("yellow" if " warning " in line else "")
            console.print(line, style=style, markup=False, highlight=False)


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Folder to create the project in.")],
    preset: Annotated[str, typer.Option(
        help="Model preset: product-led, sales-led, or a template (feature-adoption, "
        "activation-milestones, consumption-intensity, integration-depth, pricing-intent, "
        "seat-growth, third-party-intent, champion-movement, time-decay-blend).")] = "product-led",
    people: Annotated[int, typer.Option(
        help="People in the synthetic sample (product-led, sales-led).")] = 500,
    force: Annotated[bool, typer.Option(help="Overwrite an existing project.")] = False,
) -> None:
    """Create a project from a preset, with a sample data set ready to score."""
    from leadscore.scaffold import init_project

    files = init_project(directory, preset=preset, people=people, force=force)
    console.print(f"Created a [bold]{preset}[/] project in {directory}:")
    for file in files:
        console.print(f"  {file}")
    console.print(f"Next: cd {directory} && leadscore validate && leadscore score")


@app.command()
def validate(
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Diagnostics as JSON.")] = False,
    no_data: Annotated[bool, typer.Option("--no-data", help="Skip checks against the data.")]
    = False,
) -> None:
    """Check the model (and its fit with the data); list every problem at once."""
    proj = _project(project, model)
    try:
        diagnostics = proj.validate(with_data=not no_data)
    except SpecError as exc:
        _print_diagnostics(exc.diagnostics, as_json=as_json)
        raise typer.Exit(1) from None
    _print_diagnostics(diagnostics, as_json=as_json)
    if any(d.severity == "error" for d in diagnostics):
        raise typer.Exit(1)
    if not as_json:
        console.print(f"[green]{proj.model_path.name} is valid.[/]")


@app.command()
def lint(
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Warnings as JSON.")] = False,
    strict: Annotated[bool, typer.Option(help="Exit 1 when there are warnings.")] = False,
) -> None:
    """Check the model against the seeds' lead-scoring best practices."""
    from leadscore.lint import lint_model

    proj = _project(project, model)
    warnings = lint_model(proj.loaded)
    _print_diagnostics(warnings, as_json=as_json)
    if strict and warnings:
        raise typer.Exit(1)


@app.command()
def score(
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    as_of: AsOfOption = None,
    out: Annotated[Path | None, typer.Option(help="Also write scores here (.parquet, .csv, "
                                             ".ndjson).")] = None,
    top: Annotated[int, typer.Option(help="How many top leads to print.")] = 10,
) -> None:
    """Score every person and write the scores table."""
    proj = _project(project, model)
    settle(proj)
    result = proj.score(as_of=as_of)
    for warning in result.warnings:
        err.print(warning.render(), style="yellow", markup=False, highlight=False)
    written = proj.write(result, out)
    counts = result.status_counts()
    n = result.table.num_rows
    summary = ", ".join(f"{k}: {v} ({v / n:.1%})" for k, v in sorted(
        counts.items(), key=lambda kv: (kv[0] is None, str(kv[0]))) if k is not None) or "none"
    console.print(f"Scored [bold]{n}[/] people as of {result.as_of:%Y-%m-%d %H:%M} UTC with "
                  f"model [bold]{result.model_name}[/] (logic {result.logic_hash}) in "
                  f"{result.seconds:.2f}s. Statuses: {summary}")
    console.print(_ranked_table(result.ranked(top), f"Top {top} by total"))
    if result.accounts is not None:
        _print_accounts(result.accounts, top)
    console.print("Written to: " + ", ".join(written))


def _print_accounts(accounts, top: int) -> None:
    import pyarrow.compute as pc

    rows = accounts.take(pc.sort_indices(accounts, sort_keys=[("total", "descending"), (
        "account_id", "ascending")])[:top]).to_pylist()
    statuses = pc.value_counts(accounts["status"]).to_pylist()
    summary = ", ".join(f"{s['values']}: {s['counts']}" for s in statuses
                        if s["values"] is not None) or "none"
    console.print(f"Scored [bold]{accounts.num_rows}[/] accounts. Statuses: {summary}")
    table = Table(title=f"Top {top} accounts by total", title_justify="left")
    for column in ("account", "people", "fit", "behavior", "total", "status", "top reasons"):
        table.add_column(column, justify="right" if column in (
            "people", "fit", "behavior", "total") else "left", overflow="fold")
    for row in rows:
        table.add_row(row["account_id"], f"{row['people']:.1f}", f"{row['fit']:.0f}",
                      f"{row['behavior']:.1f}", f"{row['total']:.1f}", row["status"] or "",
                      row["reasons"])
    console.print(table)


def _ranked_table(rows: list[dict], title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("person", "fit", "behavior", "total", "status", "matrix", "top reasons"):
        table.add_column(column, justify="right" if column in ("fit", "behavior", "total")
                         else "left", overflow="fold")
    for row in rows:
        table.add_row(row["person_id"], f"{row['fit']:.0f}", f"{row['behavior']:.1f}",
                      f"{row['total']:.1f}", row["status"] or "", row["matrix"] or "",
                      row["reasons"])
    return table


@app.command()
def explain(
    person_id: Annotated[str, typer.Argument(
        metavar="ID", help="The person (or, with --account, the account) to explain.")],
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    as_of: AsOfOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    account: Annotated[bool, typer.Option("--account", help="ID is an account: explain its "
                                          "roll-ups, rules and statuses.")] = False,
) -> None:
    """Explain one person's (or account's) score: every rule, decay, clamps and statuses."""
    from leadscore.explain.render import render_explanation

    proj = _project(project, model)
    explanation = (proj.explain_account(person_id, as_of=as_of) if account
                   else proj.explain(person_id, as_of=as_of))
    if as_json:
        sys.stdout.write(json.dumps(explanation.to_dict(), indent=2, default=str) + "\n")
    else:
        console.print(render_explanation(explanation))


@app.command("compile")
def compile_(
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    dialect: Annotated[str, typer.Option(help="duckdb, postgres, snowflake, bigquery, spark or "
                                         "databricks.")] = "duckdb",
    as_of: AsOfOption = None,
) -> None:
    """Print the SQL the model compiles to."""
    sys.stdout.write(_project(project, model).compile_sql(dialect, as_of) + "\n")


@app.command()
def demo(
    directory: Annotated[Path, typer.Option("--dir", help="Where to write the demo project.")]
    = Path("leadscore-demo"),
    people: Annotated[int, typer.Option(help="People in the synthetic world.")] = 20_000,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic world.")] = 7,
    top: Annotated[int, typer.Option(help="How many top PQLs to print.")] = 10,
) -> None:
    """Generate a synthetic product-led SaaS world, score it and show the top PQLs."""
    from leadscore.demo.run import run_demo

    run_demo(directory, people=people, seed=seed, top=top, console=console)


app.command()(backtest)
app.command()(report)
app.command()(ingest)
app.add_typer(quarantine_app, name="quarantine")
app.command()(calibrate)
app.command()(diff)
app.command()(transitions)
app.command()(history)


def main() -> None:
    """Entry point: run the app with one error handler for every leadscore error."""
    global _OWN_PROCESS
    _OWN_PROCESS = True
    debug = "--debug" in sys.argv or os.environ.get("LEADSCORE_DEBUG") == "1"
    if "--debug" in sys.argv:
        sys.argv.remove("--debug")
    try:
        app()  # standalone: usage errors print and exit by themselves
    except LeadScoreError as exc:
        if debug:
            raise
        err.print(Text.assemble(("Error: ", "bold red"), str(exc)), highlight=False)
        raise SystemExit(exc.exit_code) from None
