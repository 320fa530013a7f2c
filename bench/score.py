"""Benchmark `leadscore score` with the product-led preset on synthetic worlds.

    .venv/bin/python bench/score.py                    # 1M and 10M events
    .venv/bin/python bench/score.py --events 1M,10M,50M

For each size the demo generator writes a world (cached under bench/data/), then a fresh child
process loads the project and scores it as of the world's end. Each child runs alone, so its
peak RSS (from wait4) is the peak memory of one scoring run. Reported:

- score s: Project.score() inside the child (validation against the data, compile, execute on
  DuckDB, top reasons) — what a user waits for after start-up;
- wall s: the whole child process, Python start-up and imports included;
- events/s: events / score s; peak MB: the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DATA = ROOT / "data"
EVENTS_PER_PERSON = 50


def parse_size(text: str) -> int:
    """``1M`` → 1_000_000, ``500k`` → 500_000."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * scale)


def ensure_world(events: int) -> tuple[Path, str]:
    """Generate (once) a world with about ``events`` events; returns (project dir, as-of)."""
    from leadscore.demo.world import WorldConfig, write_world
    from leadscore.scaffold import preset_text

    people = max(1_000, events // EVENTS_PER_PERSON)
    config = WorldConfig(people=people, seed=11, events_per_person=EVENTS_PER_PERSON)
    directory = DATA / f"world_{events}"
    marker = directory / "done.json"
    if not marker.exists():
        started = time.perf_counter()
        write_world(config, directory / "data")
        marker.write_text(json.dumps({"seconds": time.perf_counter() - started}))
    (directory / "leadscore.yaml").write_text(
        "name: bench\nmodel: model.yaml\nengine: {type: duckdb, path: ':memory:'}\n"
        "sources:\n  people: {path: data/people.parquet}\n"
        "  accounts: {path: data/accounts.parquet}\n  events: {path: data/events.parquet}\n")
    (directory / "model.yaml").write_text(preset_text("product-led"))
    return directory, config.end.isoformat()


def child(directory: str, as_of: str) -> None:
    """Score one project and print timings as JSON (runs in a fresh process)."""
    from datetime import datetime

    from leadscore.project import Project

    project = Project.load(directory)
    events = project.engine.execute(project.tables.events.count().as_table()).column(0)[0]
    started = time.perf_counter()
    result = project.score(as_of=datetime.fromisoformat(as_of))
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "people": result.table.num_rows,
                      "events": events.as_py(), "pqls": result.status_counts().get("PQL", 0)}))


def run_child(directory: Path, as_of: str) -> dict:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(directory), as_of],
                            stdout=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    output = proc.stdout.read() if proc.stdout else ""
    if status != 0:
        raise SystemExit(f"scoring child failed with status {status}")
    data = json.loads(output.strip().splitlines()[-1])
    data.update(wall=wall, peak_mb=usage.ru_maxrss / 1024)
    return data


def main() -> None:
    """Run the benchmark and print a table."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", default="1M,10M", help="comma-separated sizes (1M,10M,50M)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per size (best is kept)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    print(f"cores: {os.cpu_count()}  python: {sys.version.split()[0]}")
    print(f"{'events':>12} {'people':>9} {'score s':>8} {'wall s':>7} {'events/s':>12} "
          f"{'peak MB':>8} {'PQL %':>6}")
    for size in [parse_size(s) for s in args.events.split(",")]:
        directory, as_of = ensure_world(size)
        runs = [run_child(directory, as_of) for _ in range(args.repeat)]
        best = min(runs, key=lambda r: r["seconds"])
        rate = best["events"] / best["seconds"]
        print(f"{best['events']:>12,} {best['people']:>9,} {best['seconds']:>8.2f} "
              f"{best['wall']:>7.2f} {rate:>12,.0f} {best['peak_mb']:>8.0f} "
              f"{100 * best['pqls'] / best['people']:>6.1f}", flush=True)


if __name__ == "__main__":
    main()
