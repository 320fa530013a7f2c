"""``leadscore backtest`` and ``leadscore report``: thin shells over the backtest and report APIs.

Register them on the root app (``leadscore.cli``)::

    from leadscore.cli.backtest import backtest, report
    app.command()(backtest)
    app.command()(report)
"""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape

from leadscore.cli.options import ModelOption, ProjectOption, parse_instant
from leadscore.errors import ConfigError, NotFoundError

if TYPE_CHECKING:
    from leadscore.backtest.result import BacktestResult
    from leadscore.project import Project

console = Console()
err = Console(stderr=True)

_LEVEL_STYLE = {"good": "green", "warning": "yellow", "bad": "red", "info": "dim"}
_LEVEL_MARK = {"good": "✓", "warning": "!", "bad": "✕", "info": "·"}

FromOption = Annotated[str | None, typer.Option(
    "--from", help="First cutoff, UTC (e.g. 2026-02-01). Default: 7 steps before --to.")]
ToOption = Annotated[str | None, typer.Option(
    "--to", help="Last cutoff, UTC. Default: the last midnight whose whole horizon is in the "
    "data.")]
EveryOption = Annotated[str, typer.Option("--every", help="Step between cutoffs (7d, 1w, 1d…).")]
HorizonOption = Annotated[str, typer.Option(
    "--horizon", help="A conversion within this long after a cutoff counts (30d…).")]
ConversionOption = Annotated[list[str] | None, typer.Option(
    "--conversion", help="Outcome that counts as a conversion; repeat or comma-separate. "
    "Default: opportunity_created, converted, closed_won.")]
WonOption = Annotated[str, typer.Option("--won", help="The closed-won outcome name.")]


def _parse_duration(text: str, option: str) -> timedelta:
    from leadscore.spec.durations import parse_duration

    try:
        return parse_duration(text)
    except (ValueError, OverflowError) as exc:
        raise ConfigError(f"{option}: {exc}") from None


def _conversions(values: list[str] | None) -> tuple[str, ...]:
    from leadscore.backtest.run import DEFAULT_CONVERSIONS

    if not values:
        return DEFAULT_CONVERSIONS
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def history_options(start: str | None, end: str | None, every: str, horizon: str,
                    conversion: list[str] | None, won: str) -> dict:
    """The backtest window options (``--from`` … ``--won``), each checked.

    As keyword arguments of ``run_backtest``, ``calibrate_project`` and ``diff_models``.
    """
    return {"start": parse_instant(start, "--from"), "end": parse_instant(end, "--to"),
            "every": _parse_duration(every, "--every"),
            "horizon": _parse_duration(horizon, "--horizon"),
            "conversions": _conversions(conversion), "won_outcome": won}


def _run(project: Project, start: str | None, end: str | None, every: str, horizon: str,
         conversion: list[str] | None, won: str) -> BacktestResult:
    from leadscore.backtest.run import run_backtest

    return run_backtest(project, **history_options(start, end, every, horizon, conversion, won))


def _open(project: Path, model: Path | None) -> Project:
    from leadscore.project import Project

    return Project.load(project, model=model)


def _out_path(given: Path | None, project: Project, default: str) -> Path:
    return given if given is not None else project.root / "out" / default


def print_summary(result: BacktestResult, out: Console = console) -> None:
    """The plain-word summary and the verdicts of a backtest, for a terminal."""
    for line in result.summary():
        out.print(line, highlight=False, markup=False)  # model names are free text
    for verdict in result.verdicts:
        style = _LEVEL_STYLE[verdict.level]
        out.print(f"[{style}]{_LEVEL_MARK[verdict.level]} {escape(verdict.title)}[/]: "
                  f"{escape(verdict.message)}",
                  highlight=False)
    for warning in result.run.warnings:
        out.print(f"[yellow]Caveat:[/] {warning}", highlight=False)


def backtest_and_report(project: Project, out_dir: Path, out: Console = console) -> Path:
    """Backtest ``project`` with the defaults, write its JSON and report, print where.

    Writes ``backtest.json`` and ``report.html`` into ``out_dir``, prints a one-line summary
    and the report's path, and returns that path. ``leadscore demo`` ends with this.
    """
    from leadscore.backtest.result import pct, times
    from leadscore.backtest.run import run_backtest
    from leadscore.report import write_report

    result = run_backtest(project)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "backtest.json").write_text(result.to_json(), encoding="utf-8")
    path = write_report(result, out_dir / "report.html").resolve()
    s = result.settings
    line = (f"Backtest over {len(s.cutoffs)} cutoffs ({s.cutoffs[0]:%Y-%m-%d} to "
            f"{s.cutoffs[-1]:%Y-%m-%d}, {s.horizon.days}-day horizon): AUC "
            f"{'n/a' if result.auc is None else f'{result.auc:.2f}'}")
    for st in result.statuses:
        line += (f"; {st.status}s convert at {times(st.lift)} the rest ({pct(st.precision)} vs "
                 f"{pct(st.rest_rate)})")
    out.print(line + ".", highlight=False, markup=False)
    out.print(f"Report: [bold]{escape(str(path))}[/]", highlight=False)
    return path


def backtest(
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    start: FromOption = None,
    end: ToOption = None,
    every: EveryOption = "7d",
    horizon: HorizonOption = "30d",
    conversion: ConversionOption = None,
    won: WonOption = "closed_won",
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the result JSON (default: out/backtest.json in the "
        "project).")] = None,
    report_path: Annotated[Path | None, typer.Option(
        "--report", help="Also write the HTML report here.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result JSON instead of "
                                          "the summary.")] = False,
    strict: Annotated[bool, typer.Option(
        help="Exit 1 when a health check fails (a red verdict).")] = False,
) -> None:
    """Backtest the model: score history point-in-time and measure how it predicted conversions.

    Conversion by band, lift, AUC, precision/recall per status, and health verdicts.
    """
    proj = _open(project, model)
    try:
        result = _run(proj, start, end, every, horizon, conversion, won)
    finally:
        proj.close()
    path = _out_path(out, proj, "backtest.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(result.to_json(), encoding="utf-8")
    if as_json:
        sys.stdout.write(result.to_json() + "\n")
    else:
        print_summary(result)
        console.print(f"Written to: {path}", highlight=False)
    if report_path is not None:
        from leadscore.report import write_report

        written = write_report(result, report_path)
        (err if as_json else console).print(f"Report: {written.resolve()}", highlight=False)
    if strict and any(v.level == "bad" for v in result.verdicts):
        raise typer.Exit(1)


def report(
    result_file: Annotated[Path | None, typer.Argument(
        metavar="BACKTEST_JSON", help="A result written by `leadscore backtest`; without it, "
        "a backtest is run with the options below.")] = None,
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    start: FromOption = None,
    end: ToOption = None,
    every: EveryOption = "7d",
    horizon: HorizonOption = "30d",
    conversion: ConversionOption = None,
    won: WonOption = "closed_won",
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the HTML (default: next to BACKTEST_JSON, else "
        "out/report.html in the project).")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Page title.")] = None,
) -> None:
    """Write the backtest report: one self-contained HTML page (charts, verdicts, tables)."""
    from leadscore.backtest.result import BacktestResult
    from leadscore.report import write_report

    if result_file is not None:
        if not result_file.is_file():
            raise NotFoundError(f"no backtest result at {result_file}; run `leadscore backtest` "
                                "first or omit the file to run one now")
        try:
            result = BacktestResult.from_json(result_file.read_text(encoding="utf-8"))
        except (ValueError, TypeError, KeyError, AttributeError, OSError) as exc:
            raise ConfigError(f"{result_file} is not a backtest result written by `leadscore "
                              f"backtest`: {exc}") from None
        path = out if out is not None else result_file.with_suffix(".html")
    else:
        proj = _open(project, model)
        try:
            result = _run(proj, start, end, every, horizon, conversion, won)
        finally:
            proj.close()
        path = _out_path(out, proj, "report.html")
    written = write_report(result, path, title=title)
    console.print(f"Report: {written.resolve()}", highlight=False)
