"""Benchmark `leadscore score` (product-led preset) against a hand-written DuckDB query, pandas
and the reference scorer, on synthetic worlds of 1M / 10M / 50M events.

    .venv/bin/python bench/score.py                          # 1M and 10M events, 2 runs each
    .venv/bin/python bench/score.py --events 1M,10M,50M --json bench/results/full.json
    .venv/bin/python bench/score.py --engines duckdb,postgres,spark   # + other leadscore engines

For each size the demo generator writes a world (about 50 events per person, cached under
bench/data/ and regenerated when the generator changes), then every implementation scores it as
of the world's end in a FRESH child process, one at a time, so a child's peak RSS (its VmHWM)
is the peak memory of one run. Implementations:

- sql: bench/handwritten.sql, one hand-written DuckDB query over the Parquet files — the floor;
- leadscore: what `leadscore score` does after start-up — load the project, validate against the
  data, compile, execute on DuckDB, top reasons, write the scores table;
- pandas: bench/pandas_impl.py, what a competent pandas user writes;
- oracle: leadscore.testing.reference, timed once on the 1M world and extrapolated linearly;
- leadscore[<engine>]: leadscore on another engine via leadscore.engines.registry (--engines).

Every output is checked equal to leadscore's (abs tolerance 1e-6 on fit/behavior/total, exact
on status/fit_tier/intent_tier/matrix). Each measurement runs --repeat times (default 2),
interleaved; the table keeps the best time and the lowest peak memory. See bench/README.md.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent
REPO = ROOT.parent
DATA = ROOT / "data"
RESULTS = ROOT / "results"
EVENTS_PER_PERSON = 50
ORACLE_EVENTS = 1_000_000
RESULT_COLUMNS = ["person_id", "fit", "behavior", "total", "status", "fit_tier", "intent_tier",
                  "matrix"]
NUMERIC = ("fit", "behavior", "total")
TOLERANCE = 1e-6
LABELS = {"sql": "hand-written SQL", "leadscore": "leadscore (duckdb)", "pandas": "pandas",
          "oracle": "reference scorer"}


# ============================================================================================
# Worlds
# ============================================================================================


def parse_size(text: str) -> int:
    """``1M`` → 1_000_000, ``500k`` → 500_000."""
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1], 1)
    return int(float(text.rstrip("km")) * scale)


def _generator_hash() -> str:
    source = (REPO / "src" / "leadscore" / "demo" / "world.py").read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]


def ensure_world(events: int) -> tuple[Path, str]:
    """Generate (once) a world with about ``events`` events; returns (project dir, as-of)."""
    from leadscore.demo.world import WorldConfig, write_world
    from leadscore.scaffold import preset_text

    people = max(1_000, events // EVENTS_PER_PERSON)
    config = WorldConfig(people=people, seed=11, events_per_person=EVENTS_PER_PERSON)
    directory = DATA / f"world_{events}"
    marker = directory / "done.json"
    stamp = {"config": repr(config), "generator": _generator_hash()}
    cached = json.loads(marker.read_text()) if marker.exists() else {}
    if {k: cached.get(k) for k in stamp} != stamp:
        log(f"generating the {events:,}-event world ({people:,} people) ...")
        for stale in (RESULTS / f"world_{events}").glob("*.parquet"):
            stale.unlink()  # outputs scored on the previous world
        started = time.perf_counter()
        write_world(config, directory / "data")
        marker.write_text(json.dumps({**stamp, "seconds": time.perf_counter() - started}))
    (directory / "leadscore.yaml").write_text(
        "name: bench\nmodel: model.yaml\nengine: {type: duckdb, path: ':memory:'}\n"
        "sources:\n  people: {path: data/people.parquet}\n"
        "  accounts: {path: data/accounts.parquet}\n  events: {path: data/events.parquet}\n")
    (directory / "model.yaml").write_text(preset_text("product-led"))
    return directory, config.end.isoformat()


def engine_project(directory: Path, name: str, fragment: dict) -> Path:
    """A copy of the bench project file for another engine (``fragment`` overrides keys)."""
    from ruamel.yaml import YAML

    yaml = YAML()
    project = {"name": "bench", "model": "../model.yaml", "engine": {"type": name},
               "sources": {t: {"path": f"../data/{t}.parquet"}
                           for t in ("people", "accounts", "events")}}
    project.update(fragment)
    target = directory / f"engine_{name}"
    target.mkdir(exist_ok=True)
    with open(target / "leadscore.yaml", "w") as handle:
        yaml.dump(project, handle)
    return target


def registry_engines() -> tuple[bool, set[str] | None]:
    """(registry exists, engine names it lists — None when it cannot be listed)."""
    if importlib.util.find_spec("leadscore.engines.registry") is None:
        return False, None
    import leadscore.engines.registry as registry

    for attr in ("available", "names", "engine_names", "available_engines"):
        if callable(getattr(registry, attr, None)):
            return True, set(getattr(registry, attr)())
    for attr in ("ENGINES", "REGISTRY", "engines"):
        if isinstance(getattr(registry, attr, None), dict):
            return True, set(getattr(registry, attr))
    return True, None


# ============================================================================================
# Children: one implementation, one run, in a fresh process; prints one JSON line
# ============================================================================================


def peak_mb() -> float:
    """This process's peak RSS so far (VmHWM of its own address space).

    Not ``wait4``'s ``ru_maxrss``: Linux carries the pre-exec RSS high-water mark over ``exec``,
    and ``subprocess`` spawns with ``vfork``, so a child's ``ru_maxrss`` is at least the peak of
    the parent — this script, which generates worlds and compares outputs.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource  # not Linux: fall back on getrusage

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_leadscore(directory: str, as_of: str, out: str) -> dict:
    """``leadscore score`` without the process start-up: imports happen before the clock."""
    import ibis
    import pyarrow.parquet as pq

    # What the command line imports, and what Project imports lazily: start-up, not scoring.
    import leadscore.cli
    import leadscore.compile.assemble
    import leadscore.compile.reason_codes
    import leadscore.engines.duckdb
    import leadscore.explain.reasons
    from leadscore.project import Project

    # Ibis imports its DuckDB backend (duckdb, pandas, its converters) and sqlglot its dialect
    # on first use: run a one-row query now, without the data, so the clock sees no import.
    warm = ibis.duckdb.connect()
    warm.to_pyarrow(ibis.literal(1).name("a").as_table().filter(ibis._.a > 0))
    warm.disconnect()

    # `leadscore score` also records the run in the lifecycle store (when the engine has one):
    # timed apart, as its own phase, by wrapping the one function that does it.
    import leadscore.lifecycle as lifecycle

    recorded = {"seconds": 0.0}
    record_run = lifecycle.record_run

    def timed_record_run(*args, **kwargs):
        begun = time.perf_counter()
        try:
            return record_run(*args, **kwargs)
        finally:
            recorded["seconds"] += time.perf_counter() - begun

    lifecycle.record_run = timed_record_run
    leadscore.cli._OWN_PROCESS = True  # this child is one `leadscore score` (see cli.settle)

    when = datetime.fromisoformat(as_of)
    base = peak_mb()
    started = time.perf_counter()
    project = Project.load(directory)
    leadscore.cli.settle(project)  # as `leadscore score`: engine open, start-up objects frozen
    _ = project.event_names  # opens the sources; the data lookups of validation
    opened = time.perf_counter()
    result = project.score(as_of=when)  # validation, compile, execute, top reasons
    scored = time.perf_counter()
    project.write(result)  # the scores table, as `leadscore score` does
    result.status_counts()
    result.ranked(10)
    seconds = time.perf_counter() - started
    peak = peak_mb()
    pq.write_table(result.table.select(RESULT_COLUMNS), out)
    project.close()
    return {"seconds": seconds, "base_mb": base, "peak_mb": peak, "phases": {
        "open+validate": opened - started, "score": scored - opened,
        "compile+execute+reasons": result.seconds,
        "write": started + seconds - scored - recorded["seconds"],
        "lifecycle": recorded["seconds"]},
        "people": result.table.num_rows}


def child_sql(directory: str, as_of: str, out: str) -> dict:
    """The hand-written query on DuckDB, with the settings leadscore's engine uses."""
    import duckdb
    import pyarrow.parquet as pq

    sys.path.insert(0, str(ROOT))
    from handwritten import SETTINGS, render

    base = peak_mb()
    started = time.perf_counter()
    con = duckdb.connect(config=SETTINGS)
    sql = render(Path(directory) / "data", datetime.fromisoformat(as_of))
    table = con.sql(sql).to_arrow_table()
    seconds = time.perf_counter() - started
    peak = peak_mb()
    pq.write_table(table, out)
    return {"seconds": seconds, "base_mb": base, "peak_mb": peak, "people": table.num_rows}


def child_pandas(directory: str, as_of: str, out: str) -> dict:
    """bench/pandas_impl.py."""
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    sys.path.insert(0, str(ROOT))
    from pandas_impl import score

    base = peak_mb()
    started = time.perf_counter()
    frame = score(Path(directory) / "data", datetime.fromisoformat(as_of))
    seconds = time.perf_counter() - started
    peak = peak_mb()
    frame.to_parquet(out, index=False)
    return {"seconds": seconds, "base_mb": base, "peak_mb": peak, "people": len(frame)}


def child_oracle(directory: str, as_of: str, out: str, sample: str) -> dict:
    """The reference scorer on ``sample`` people (0 = all) of a world, one call per person.

    ``reference_score`` filters the whole event list for every person, so ONE call on a world
    costs people × events; called per person with that person's events and account it does the
    same arithmetic in linear time. Load (Parquet → dicts) is timed with the scoring.
    """
    from collections import defaultdict

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from leadscore.spec.loader import load_model
    from leadscore.testing.reference import reference_score

    data = Path(directory) / "data"
    model = load_model(Path(directory) / "model.yaml").model
    when = datetime.fromisoformat(as_of)
    people = pq.read_table(data / "people.parquet")
    wanted = int(sample)
    if 0 < wanted < people.num_rows:
        ids = sorted(random.Random(5).sample(people.column("person_id").to_pylist(), wanted))
        people = people.filter(pc.is_in(people.column("person_id"), pa.array(ids)))
    ids = people.column("person_id")
    base = peak_mb()
    started = time.perf_counter()
    events = pq.read_table(data / "events.parquet")
    if people.num_rows < pq.ParquetFile(data / "people.parquet").metadata.num_rows:
        events = events.filter(pc.is_in(events.column("person_id"), ids))
    by_person: dict[str, list[dict]] = defaultdict(list)
    for event in events.to_pylist():
        by_person[event["person_id"]].append(event)
    n_events = events.num_rows
    del events
    accounts = {a["account_id"]: a for a in pq.read_table(data / "accounts.parquet").to_pylist()}
    rows = people.to_pylist()
    loaded = time.perf_counter()
    scores = {}
    for person in rows:
        account = accounts.get(person["account_id"])
        scores.update(reference_score(model, [person], [account] if account else [],
                                      by_person.get(person["person_id"], []), when))
    seconds = time.perf_counter() - started
    peak = peak_mb()
    table = pa.table({c: [getattr(s, c) for s in scores.values()] for c in RESULT_COLUMNS})
    pq.write_table(table, out)
    return {"seconds": seconds, "base_mb": base, "peak_mb": peak, "people": len(scores),
            "events": n_events,
            "phases": {"load": loaded - started, "score": started + seconds - loaded}}


CHILDREN = {"leadscore": child_leadscore, "sql": child_sql, "pandas": child_pandas,
            "oracle": child_oracle}


SQL_CACHE = {"dir": RESULTS / "sql-cache"}
"""Where leadscore children cache their compiled SQL (``--cold-sql``: a new folder per run)."""


def run_child(kind: str, *args: str) -> dict:
    """Run one child; returns its JSON plus wall seconds and peak RSS (or an ``error``)."""
    load = os.getloadavg()[0]
    # Files, not pipes: nothing is read until the child exits (engines such as Spark log a lot).
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err, \
            tempfile.TemporaryDirectory() as fresh:
        cache = fresh if SQL_CACHE.get("cold") else str(SQL_CACHE["dir"])
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, __file__, "--child", kind, *map(str, args)],
                                stdout=out, stderr=err, text=True,
                                env={**os.environ, "LEADSCORE_CACHE_DIR": cache})
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = status  # reaped by wait4; keeps Popen from waiting again
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        output, errors = out.read(), err.read()
    if status != 0:
        tail = errors.strip().splitlines()[-1:] or ["no output"]
        code = os.waitstatus_to_exitcode(status)
        return {"error": f"exit status {code}: {tail[0]}", "wall": wall, "load": load}
    data = json.loads(output.strip().splitlines()[-1])
    data.update(wall=wall, load=load, cpu_s=usage.ru_utime + usage.ru_stime,
                wait4_maxrss_mb=usage.ru_maxrss / 1024)
    return data


# ============================================================================================
# Checks
# ============================================================================================


def compare(expected: Path, actual: Path, people: set[str] | None = None) -> str:
    """``"equal"`` or what differs between two score files (only ``people`` when given)."""
    import pyarrow.parquet as pq

    left = pq.read_table(expected, columns=RESULT_COLUMNS).to_pandas().set_index("person_id")
    right = pq.read_table(actual, columns=RESULT_COLUMNS).to_pandas().set_index("person_id")
    if people is not None:
        left = left[left.index.isin(people)]
    if set(left.index) != set(right.index):
        return (f"DIFFERENT people: {len(set(left.index) - set(right.index))} missing, "
                f"{len(set(right.index) - set(left.index))} extra")
    right = right.loc[left.index]
    problems = []
    for column in NUMERIC:
        bad = int(((left[column] - right[column]).abs() > TOLERANCE).sum())
        if bad:
            problems.append(f"{column} {bad}")
    for column in RESULT_COLUMNS[4:]:
        bad = int((left[column].fillna("\0") != right[column].fillna("\0")).sum())
        if bad:
            problems.append(f"{column} {bad}")
    return "equal" if not problems else "DIFFERENT rows: " + ", ".join(problems)


# ============================================================================================
# Main
# ============================================================================================


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def best_of(runs: list[dict]) -> dict | None:
    good = [r for r in runs if "error" not in r]
    if not good:
        return None
    best = dict(min(good, key=lambda r: r["seconds"]))
    best["peak_mb"] = min(r["peak_mb"] for r in good)
    best["wall"] = min(r["wall"] for r in good)
    return best


def fmt_row(events: int, people: int, label: str, row: dict | None, floor: dict | None,
            check: str, extrapolated: bool = False) -> str:
    head = f"{events:>12,} {people:>10,} {label:<22}"
    if row is None:
        return f"{head} {'—':>10}  {check}"
    star = "*" if extrapolated else " "
    wall = "—" if extrapolated else f"{row['wall']:.2f}"
    time_ratio = mem_ratio = "—"
    if floor:
        time_ratio = f"{row['seconds'] / floor['seconds']:.2f}×"
        mem_ratio = f"{row['peak_mb'] / floor['peak_mb']:.2f}×"
    return (f"{head} {row['seconds']:>9.2f}{star} {wall:>7} {events / row['seconds']:>12,.0f} "
            f"{row['peak_mb']:>8,.0f}{star} {row['base_mb']:>7,.0f} {time_ratio:>7} "
            f"{mem_ratio:>7}  {check}")


def oracle_check(leadscore_out: Path, oracle: dict) -> str:
    """The reference scorer's people compared with leadscore's scores of the same people."""
    import pyarrow.parquet as pq

    if not leadscore_out.exists():
        return "not checked: no leadscore output"
    people = set(pq.read_table(oracle["out"], columns=["person_id"]).column(0).to_pylist())
    return compare(leadscore_out, Path(oracle["out"]), people)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", default="1M,10M", help="comma-separated sizes (1M,10M,50M)")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs per implementation and size; the best is kept (default 2)")
    parser.add_argument("--only", default="sql,leadscore,pandas",
                        help="implementations to run (sql,leadscore,pandas)")
    parser.add_argument("--oracle-people", type=int, default=0,
                        help="people of the 1M world the reference scorer scores (0 = all)")
    parser.add_argument("--no-oracle", action="store_true", help="skip the reference scorer")
    parser.add_argument("--engines", default="duckdb",
                        help="leadscore engines, e.g. duckdb,postgres,spark (non-DuckDB engines "
                             "need leadscore.engines.registry)")
    parser.add_argument("--engine-config", action="append", default=[], metavar="NAME=FILE",
                        help="YAML overriding keys of the bench project file for engine NAME, "
                             "e.g. postgres=pg.yaml holding `engine: {type: postgres, ...}`")
    parser.add_argument("--engine-max-events", default="10M",
                        help="largest size run on non-DuckDB engines (default 10M)")
    parser.add_argument("--cold-sql", action="store_true",
                        help="leadscore renders its SQL on every run (default: from the SQL "
                             "cache, bench/results/sql-cache, as a repeated `leadscore score` "
                             "does; the first run of a size fills it)")
    parser.add_argument("--json", type=Path, help="also write every run and result here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child[0]](*args.child[1:])))
        return
    SQL_CACHE["cold"] = args.cold_sql

    from importlib.metadata import version

    sizes = [parse_size(s) for s in args.events.split(",")]
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    extra_engines = [e for e in engines if e != "duckdb"]
    if "duckdb" not in engines:
        only = [i for i in only if i != "leadscore"]
    configs = {}
    for item in args.engine_config:
        name, _, file = item.partition("=")
        from ruamel.yaml import YAML

        configs[name] = dict(YAML(typ="safe").load(Path(file).read_text()))
    if extra_engines:
        exists, known = registry_engines()
        if not exists:
            log(f"skipping engines {', '.join(extra_engines)}: leadscore.engines.registry does "
                "not exist yet")
            extra_engines = []
        elif known is not None:
            for name in [e for e in extra_engines if e not in known]:
                log(f"skipping engine {name}: leadscore.engines.registry lists only "
                    f"{', '.join(sorted(known))}")
            extra_engines = [e for e in extra_engines if e in known]
    engine_max = parse_size(args.engine_max_events)

    machine = {"cores": os.cpu_count(), "python": platform.python_version(),
               "duckdb": version("duckdb"), "ibis": version("ibis-framework"),
               "pandas": version("pandas"), "platform": platform.platform(),
               "started": datetime.now().isoformat(timespec="seconds"),
               "load_at_start": os.getloadavg()}
    log(f"cores: {machine['cores']}  duckdb {machine['duckdb']}  ibis {machine['ibis']}  "
        f"pandas {machine['pandas']}  load {machine['load_at_start'][0]:.2f}  "
        f"repeat {args.repeat}  SQL cache {'cold' if args.cold_sql else 'warm'}")
    machine["sql_cache"] = "cold" if args.cold_sql else "warm"
    report: dict = {"machine": machine, "repeat": args.repeat, "sizes": []}
    failed = False

    # ---- the reference scorer, once, on the 1M world ------------------------------------
    oracle = None
    if not args.no_oracle:
        directory, as_of = ensure_world(ORACLE_EVENTS)
        out = RESULTS / f"world_{ORACLE_EVENTS}"
        out.mkdir(parents=True, exist_ok=True)
        log(f"reference scorer on the 1M world ({args.oracle_people or 'all'} people) ...")
        (out / "oracle.parquet").unlink(missing_ok=True)
        oracle = run_child("oracle", directory, as_of, out / "oracle.parquet",
                           args.oracle_people)
        if "error" in oracle:
            log(f"  reference scorer failed: {oracle['error']}")
            failed = True
            oracle = None
        else:
            log(f"  {oracle['seconds']:.1f} s for {oracle['people']:,} people / "
                f"{oracle['events']:,} events, peak {oracle['peak_mb']:,.0f} MB")
            oracle["out"] = str(out / "oracle.parquet")
            report["oracle"] = oracle
            if ORACLE_EVENTS not in sizes or "leadscore" not in only:
                # Checked here against a fresh leadscore run; otherwise with the 1M size below.
                (out / "leadscore.parquet").unlink(missing_ok=True)
                run_child("leadscore", directory, as_of, out / "leadscore.parquet")
                oracle["check"] = oracle_check(out / "leadscore.parquet", oracle)
                log(f"  reference scorer vs leadscore: {oracle['check']}")
                failed |= oracle["check"] != "equal"

    # ---- every size ------------------------------------------------------------------------
    lines = []
    for size in sizes:
        directory, as_of = ensure_world(size)
        out = RESULTS / f"world_{size}"
        out.mkdir(parents=True, exist_ok=True)
        plan = [(impl, impl, (directory, as_of, out / f"{impl}.parquet")) for impl in only]
        if size <= engine_max:
            for name in extra_engines:
                project = engine_project(directory, name, configs.get(name, {}))
                plan.append((f"leadscore[{name}]", "leadscore",
                             (project, as_of, out / f"leadscore_{name}.parquet")))
        runs: dict[str, list[dict]] = {key: [] for key, _, _ in plan}
        for attempt in range(args.repeat):
            for key, kind, child_args in plan:
                log(f"{size:,} events: {key} run {attempt + 1}/{args.repeat} "
                    f"(load {os.getloadavg()[0]:.2f}) ...")
                Path(child_args[2]).unlink(missing_ok=True)
                result = run_child(kind, *child_args)
                if "error" in result:
                    log(f"  failed: {result['error']}")
                else:
                    log(f"  {result['seconds']:.2f} s, peak {result['peak_mb']:,.0f} MB")
                runs[key].append(result)
        best = {key: best_of(r) for key, r in runs.items()}
        events = pq_rows(directory / "data" / "events.parquet")
        people = next((b["people"] for b in best.values() if b), 0)
        checks = {}
        reference = out / "leadscore.parquet"
        for key, _, child_args in plan:
            if key == "leadscore" or best[key] is None:
                continue
            checks[key] = (compare(reference, child_args[2]) if reference.exists()
                           else "not checked: no leadscore output")
        if oracle is not None and size == ORACLE_EVENTS and "check" not in oracle:
            oracle["check"] = checks["oracle"] = oracle_check(reference, oracle)
        failed |= any(not c.startswith("equal") for c in checks.values())
        floor = best.get("sql")
        loads = [r["load"] for rs in runs.values() for r in rs]
        lines.append(f"{events:,} events / {people:,} people, as of {as_of}; load average "
                     f"{min(loads):.2f}–{max(loads):.2f} during the runs")
        for key, _, _ in plan:
            if best[key] is None:
                check = f"failed: {runs[key][-1]['error']}" if runs[key] else "not run"
            elif key == "leadscore":
                check = "the reference for the checks"
            elif checks.get(key) == "equal":
                check = "= leadscore"
            else:
                check = f"≠ leadscore: {checks.get(key)}"
            lines.append(fmt_row(events, people, LABELS.get(key, key), best[key], floor, check))
        if oracle is not None:
            scale = events / oracle["events"]
            row = dict(oracle)
            measured = size == ORACLE_EVENTS and not args.oracle_people
            if not measured:
                row["seconds"] = oracle["seconds"] * scale
                row["peak_mb"] = oracle["base_mb"] + (oracle["peak_mb"] - oracle["base_mb"]) * scale
            check = ""
            if size == ORACLE_EVENTS and "check" in oracle:
                check = ("= leadscore" if oracle["check"] == "equal" else
                         f"≠ leadscore ({oracle['check']})") + f" ({oracle['people']:,} people)"
            lines.append(fmt_row(events, people, LABELS["oracle"], row, floor, check,
                                 extrapolated=not measured))
        if best.get("leadscore") and best["leadscore"].get("phases"):
            phases = best["leadscore"]["phases"]
            lines.append(f"{'':>35} leadscore phases: " + ", ".join(
                f"{k} {v:.2f} s" for k, v in phases.items()))
        lines.append("")
        report["sizes"].append({"events": events, "people": people, "as_of": as_of,
                                "runs": runs, "best": best, "checks": checks})

    # ---- the table ---------------------------------------------------------------------------
    print(f"\ncores {machine['cores']}, DuckDB {machine['duckdb']} (preserve_insertion_order "
          f"off, as in leadscore's engine), Ibis {machine['ibis']}, pandas {machine['pandas']}; "
          f"best of {args.repeat} runs "
          f"(time and peak memory each), fresh process per run; leadscore's SQL cache "
          f"{machine['sql_cache']}")
    print(f"{'events':>12} {'people':>10} {'implementation':<22} {'time s':>10} {'wall s':>7} "
          f"{'events/s':>12} {'peak MB':>9} {'base MB':>7} {'time/SQL':>7} {'mem/SQL':>7}  check")
    print("\n".join(lines).rstrip())
    if oracle is not None:
        print("* extrapolated linearly in events from the reference scorer's run on the 1M "
              "world")
    if report["sizes"]:
        largest = report["sizes"][-1]
        best = largest["best"]
        if best.get("leadscore") and best.get("sql"):
            ls, sql = best["leadscore"], best["sql"]
            print(f"\ntargets at {largest['events']:,} events (the issue's targets are for 50M):")
            time_ratio = ls["seconds"] / sql["seconds"]
            mem_ratio = ls["peak_mb"] / sql["peak_mb"]
            print(f"  leadscore time   ≤ 1.20× hand-written SQL: {time_ratio:.2f}×  "
                  f"{verdict(time_ratio <= 1.2)}")
            recording = ls.get("phases", {}).get("lifecycle", 0.0)
            if recording:
                print(f"    (without the lifecycle recording, {recording:.2f} s of it: "
                      f"{(ls['seconds'] - recording) / sql['seconds']:.2f}×)")
            print(f"  leadscore memory ≤ 1.50× hand-written SQL: {mem_ratio:.2f}×  "
                  f"{verdict(mem_ratio <= 1.5)}")
            if best.get("pandas"):
                speedup = best["pandas"]["seconds"] / ls["seconds"]
                print(f"  leadscore ≥ 3× faster than pandas: {speedup:.2f}×  "
                      f"{verdict(speedup >= 3)}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, default=str))
        print(f"\nresults written to {args.json}")
    if failed:
        print("\nSOME OUTPUTS DIFFER FROM LEADSCORE'S — see the check column", file=sys.stderr)
        raise SystemExit(1)


def pq_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return pq.ParquetFile(path).metadata.num_rows


if __name__ == "__main__":
    main()
