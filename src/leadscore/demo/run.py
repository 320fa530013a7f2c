"""``leadscore demo``: a synthetic world, scored end to end on the embedded engine."""

from __future__ import annotations

import time
from pathlib import Path

from rich.console import Console

from leadscore.config import PROJECT_FILE
from leadscore.demo.world import WorldConfig, write_world
from leadscore.scaffold import PROJECT_TEMPLATE, preset_text


def run_demo(directory: Path, *, people: int, seed: int, top: int, console: Console) -> Path:
    """Generate a world into ``directory``, score it, print top PQLs, backtest and report.

    Scores as of the world's last instant, then backtests the model on the world's history and
    writes ``out/backtest.json`` and ``out/report.html``.

    Returns the project folder, which stays usable: ``leadscore explain ID -p DIR --as-of …``.
    """
    from leadscore.cli import _ranked_table
    from leadscore.project import Project

    directory.mkdir(parents=True, exist_ok=True)
    config = WorldConfig(people=people, seed=seed)
    started = time.perf_counter()
    write_world(config, directory / "data")
    (directory / PROJECT_FILE).write_text(PROJECT_TEMPLATE.format(name="leadscore-demo"), "utf-8")
    (directory / "model.yaml").write_text(preset_text("product-led"), "utf-8")
    generated = time.perf_counter() - started
    project = Project.load(directory)
    events = project.engine.execute(project.tables.events.count().as_table()).column(0)[0]
    console.print(
        f"Generated a product-led SaaS world: [bold]{people:,}[/] people, "
        f"[bold]{events.as_py():,}[/] events over {config.days} days "
        f"(seed {seed}) in {generated:.1f}s → {directory / 'data'}"
    )
    as_of = config.end
    result = project.score(as_of=as_of)
    written = project.write(result)
    n = result.table.num_rows
    pqls = result.status_counts().get("PQL", 0)
    console.print(
        f"Scored {n:,} people as of {as_of:%Y-%m-%d %H:%M} UTC in "
        f"{result.seconds:.2f}s: [bold]{pqls:,} PQLs[/] ({pqls / max(n, 1):.1%} of "
        "people; the seeds call 5–15 % healthy)."
    )
    console.print(_ranked_table(result.ranked(top, status="PQL"), f"Top {top} PQLs"))
    best = result.ranked(1, status="PQL")
    console.print("Written to: " + ", ".join(written))
    if best:
        console.print(
            f"Explain one: [bold]leadscore explain {best[0]['person_id']} -p "
            f"{directory} --as-of '{as_of:%Y-%m-%d %H:%M}'[/]"
        )
    from leadscore.cli.backtest import backtest_and_report

    backtest_and_report(project, directory / "out", console)
    project.close()
    return directory
