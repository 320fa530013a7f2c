"""``leadscore calibrate`` and ``leadscore diff``: thin shells over the calibration and diff APIs.

Register them on the root app (``leadscore.cli``)::

    from leadscore.cli.calibrate import calibrate, diff
    app.command()(calibrate)
    app.command()(diff)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from leadscore.cli.backtest import (
    ConversionOption,
    EveryOption,
    FromOption,
    HorizonOption,
    ToOption,
    WonOption,
    _open,
    _parse_duration,
    history_options,
)
from leadscore.cli.options import ModelOption, ProjectOption, parse_instant
from leadscore.errors import ConfigError

console = Console()

JsonOption = Annotated[bool, typer.Option("--json", help="Print the result JSON instead of the "
                                          "summary.")]


def _status_rates(values: list[str]) -> dict[str, float]:
    rates = {}
    for value in values:
        for item in value.split(","):
            name, sep, rate = item.partition("=")
            try:
                if not sep or not name.strip():
                    raise ValueError
                rates[name.strip()] = float(rate)
            except ValueError:
                raise ConfigError(f"--status-rate '{item}' is not NAME=RATE; write e.g. "
                                  "SQL=0.03") from None
    return rates


def calibrate(
    project: ProjectOption = Path("."),
    model: ModelOption = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the proposed model (default: <model>.calibrated.yaml "
        "beside the model).")] = None,
    target_rate: Annotated[float, typer.Option(
        "--target-rate", help="Share of leads each status should hold (0.10 = 10 %).")] = 0.10,
    status_rate: Annotated[list[str] | None, typer.Option(
        "--status-rate", help="A target rate for one status, NAME=RATE (e.g. SQL=0.03); "
        "repeat for several. Others use --target-rate.")] = None,
    capacity: Annotated[int | None, typer.Option(
        "--capacity", help="Leads sales can take per --per; sets thresholds by how many leads "
        "enter each status instead of --target-rate.")] = None,
    per: Annotated[str, typer.Option("--per", help="The period of --capacity (7d…).")] = "7d",
    l2: Annotated[float, typer.Option(
        "--l2", help="L2 penalty of the regression (1/C in scikit-learn terms).")] = 1.0,
    min_coverage: Annotated[float, typer.Option(
        "--min-coverage", help="Leave rules that fire for less than this share of lead "
        "snapshots unchanged.")] = 0.01,
    start: FromOption = None,
    end: ToOption = None,
    every: EveryOption = "7d",
    horizon: HorizonOption = "30d",
    conversion: ConversionOption = None,
    won: WonOption = "closed_won",
    json_out: Annotated[Path | None, typer.Option(
        "--save", help="Also write the result JSON to this file.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Learn rule points and status thresholds from history; write a proposed model.

    Per-rule coverage and lift, points from a regularised logistic regression within the
    model's budgets, thresholds for a target status rate or sales capacity, and the backtest
    before and after.
    """
    from leadscore.calibrate import Goal, Options, calibrate_project
    from leadscore.calibrate.points import Limits

    if not 0 <= min_coverage < 1:
        raise ConfigError(f"--min-coverage must be between 0 and 1, got {min_coverage:g}")
    goal = Goal(rate=target_rate, capacity=capacity, per=_parse_duration(per, "--per"),
                rates=_status_rates(status_rate or []))
    options = Options(goal=goal, l2=l2, limits=Limits(min_coverage=min_coverage))
    proj = _open(project, model)
    try:
        result = calibrate_project(
            proj, out=out, options=options,
            **history_options(start, end, every, horizon, conversion, won))
    finally:
        proj.close()
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        json_out.write_text(result.to_json(), encoding="utf-8")
    if as_json:
        sys.stdout.write(result.to_json() + "\n")
        return
    for line in result.summary():
        console.print(line, highlight=False, markup=False)


def diff(
    model_a: Annotated[Path, typer.Argument(metavar="A.yaml", help="The current model file.")],
    model_b: Annotated[Path, typer.Argument(metavar="B.yaml", help="The candidate model file.")],
    project: ProjectOption = Path("."),
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="Score both models as of this UTC instant for the status changes "
        "(default: the end of the data).")] = None,
    top: Annotated[int, typer.Option("--top", help="How many people who change status to "
                                     "list.")] = 10,
    start: FromOption = None,
    end: ToOption = None,
    every: EveryOption = "7d",
    horizon: HorizonOption = "30d",
    conversion: ConversionOption = None,
    won: WonOption = "closed_won",
    as_json: JsonOption = False,
) -> None:
    """Compare two models on the same data and history: status changes, metric deltas, rules."""
    from leadscore.diff import diff_models

    proj = _open(project, None)
    try:
        result = diff_models(
            proj, model_a, model_b, as_of=parse_instant(as_of, "--as-of"), top=top,
            **history_options(start, end, every, horizon, conversion, won))
    finally:
        proj.close()
    if as_json:
        sys.stdout.write(result.to_json() + "\n")
        return
    for line in result.summary():
        console.print(line, highlight=False, markup=False)
