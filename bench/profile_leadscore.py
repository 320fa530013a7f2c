"""Where leadscore's time and memory go, next to the hand-written query (a diagnostic, not a bench).

    .venv/bin/python bench/profile_leadscore.py 10M
    .venv/bin/python bench/profile_leadscore.py 10M --explain
    .venv/bin/python bench/profile_leadscore.py 10M --sql > leadscore.sql

The world is bench/score.py's (generated if missing). Without flags it times, in one process,
each step `Project.score()` takes (validation scan, compile to the lean Ibis expression, SQL
generation — rendered, then from the SQL cache —, DuckDB execution streamed in pieces, top
reasons) and then runs the SAME generated SQL directly on DuckDB, and the hand-written query,
each in a fresh child process so peak memory is per query. `--explain` prints DuckDB's profile
(operators, rows, bytes, thread time) of the generated query and of the hand-written one.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
from handwritten import SETTINGS  # noqa: E402  (the engine's DuckDB settings, for both queries)


def peak_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def generated_sql(directory: Path, as_of: datetime) -> str:
    """The SQL `Project.score()` executes on DuckDB: the lean expression (results plus the
    reason code), as the DuckDB engine renders it."""
    from leadscore.project import Project

    project = Project.load(directory)
    compiled, expr = project.scoring_query()
    return project.engine.sql(expr, compiled.params(as_of))


def views(directory: Path) -> str:
    """The views leadscore's DuckDB engine creates for the Parquet sources."""
    return "".join(f"CREATE VIEW src_{t} AS SELECT * FROM read_parquet("
                   f"'{directory / 'data' / f'{t}.parquet'}');\n"
                   for t in ("people", "accounts", "events"))


def steps(directory: Path, as_of: datetime) -> None:
    """Time each step of Project.score() in this process."""
    from leadscore.compile.reason_codes import CODE_COLUMN, reason_codes
    from leadscore.explain.reasons import reasons_from_codes, top_reasons
    from leadscore.project import Project, has_repeated_ids

    clock = time.perf_counter
    t0 = clock()
    project = Project.load(directory)
    _ = project.tables
    t1 = clock()
    _ = project.event_names
    t2 = clock()
    _ = project._checked
    t3 = clock()
    compiled, expr = project.scoring_query()
    t4 = clock()
    engine = project.engine
    params = compiled.params(as_of)
    sql = engine._render(expr, params)  # what a cache miss costs
    t5 = clock()
    engine.sql(expr, params)  # cache lookup (fingerprint + as-of substitution)
    t6 = clock()
    data = engine.execute(expr, params)
    rows = data.num_rows
    t7 = clock()
    has_repeated_ids(data["person_id"], engine)
    t7b = clock()
    model = project.loaded.model
    if CODE_COLUMN in data.column_names:
        reasons_from_codes(model, reason_codes(model), data[CODE_COLUMN])
    else:
        top_reasons(model, data)
    t8 = clock()
    steps = [("load project, open sources", t1 - t0),
             ("validation: the model's event names in the data", t2 - t1),
             ("validation: model vs data", t3 - t2),
             ("compile model → lean Ibis expression + reason code", t4 - t3),
             ("Ibis → SQL (sqlglot), a cache miss", t5 - t4), ("SQL from the cache", t6 - t5),
             ("DuckDB (scores and reason codes), to Arrow", t7 - t6),
             ("repeated person ids, counted on the scores", t7b - t7),
             ("top reasons text (per distinct combination)", t8 - t7b)]
    for label, seconds in steps:
        print(f"  {label:<62} {seconds:7.3f} s")
    print(f"  {'total (the cache miss not counted)':<62} {t8 - t0 - (t5 - t4):7.3f} s   (peak "
          f"RSS {peak_mb():,.0f} MB; {rows:,} rows; SQL {len(sql):,} characters)")


def run_query(directory: str, sql_file: str) -> None:
    """Child: run one SQL file on a fresh DuckDB; print seconds and peak RSS."""
    import duckdb

    base = peak_mb()
    con = duckdb.connect(config=SETTINGS)
    sql = Path(sql_file).read_text()
    con.execute(views(Path(directory)))
    started = time.perf_counter()
    table = con.sql(sql).to_arrow_table()
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb(), "base_mb": base,
                      "rows": table.num_rows}))


def explain(directory: Path, sql: str) -> None:
    """DuckDB's profile of one query: operator tree with rows, bytes and thread time."""
    import duckdb

    con = duckdb.connect(config=SETTINGS)
    con.execute(views(directory))
    with tempfile.NamedTemporaryFile(suffix=".json") as handle:
        con.execute("PRAGMA enable_profiling='json'")
        con.execute(f"PRAGMA profiling_output='{handle.name}'")
        started = time.perf_counter()
        con.sql(sql).to_arrow_table()
        seconds = time.perf_counter() - started
        con.execute("PRAGMA disable_profiling")
        profile = json.loads(Path(handle.name).read_text())
    # DuckDB 2 nests the query's figures under "query"/"system" and names operators
    # "type"/"timing"; DuckDB 1.x keeps them at the top with "operator_*" names.
    query = profile.get("query", profile)
    peak = profile.get("system", {}).get("peak_buffer_memory",
                                         profile.get("system_peak_buffer_memory", 0))
    print(f"  elapsed {seconds:.2f} s, CPU {query['cpu_time']:.2f} s, DuckDB peak "
          f"buffer memory {peak / 1e6:,.0f} MB")

    def walk(node: dict, depth: int) -> None:
        info = node.get("extra_info", {})
        kind = node.get("type", node.get("operator_type"))
        timing = node.get("timing", node.get("operator_timing", 0))
        rows = node.get("intermediate_rows", node.get("operator_cardinality", 0))
        detail = "; ".join(f"{k}: {str(info[k])[:70]}" for k in
                           ("CTE Name", "Materialized Consumers", "Join Type", "Conditions",
                            "Function", "Filters") if k in info)
        if kind != "PROJECTION" or timing > 0.05:
            print(f"  {'  ' * depth}{kind}  rows {rows:,}"
                  f"  {node.get('intermediate_size_bytes', 0) / 1e6:,.0f} MB"
                  f"  {timing:.2f} s  {detail}")
        for child in node.get("children", []):
            walk(child, depth + 1)

    for root in profile.get("operator", profile.get("children", [])):
        walk(root, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", nargs="?", default="10M",
                        help="world size, as in bench/score.py (1M, 10M, 50M; default 10M)")
    parser.add_argument("--explain", action="store_true", help="print DuckDB's profiles")
    parser.add_argument("--sql", action="store_true", help="print the generated SQL and exit")
    parser.add_argument("--query", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.query:
        run_query(*args.query)
        return
    from handwritten import render
    from score import ensure_world, parse_size

    directory, when = ensure_world(parse_size(args.events))
    as_of = datetime.fromisoformat(when)
    sql = generated_sql(directory, as_of)
    if args.sql:
        print(sql)
        return
    hand = render(directory / "data", as_of)
    if args.explain:
        print("== leadscore's generated SQL ==")
        explain(directory, sql)
        print("\n== hand-written SQL ==")
        explain(directory, hand)
        return
    print(f"Project.score() step by step ({directory.name}, as of {as_of:%Y-%m-%d %H:%M}):")
    steps(directory, as_of)
    print("\nThe SQL alone, fresh process each (best of 2):")
    with tempfile.TemporaryDirectory() as tmp:
        for label, text in [("generated SQL", sql), ("hand-written SQL", hand)]:
            file = Path(tmp) / "query.sql"
            file.write_text(text)
            runs = []
            for _ in range(2):
                out = subprocess.run([sys.executable, __file__, "--query", str(directory),
                                      str(file)], capture_output=True, text=True, check=True)
                runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
            seconds = min(r["seconds"] for r in runs)
            peak = min(r["peak_mb"] for r in runs)
            print(f"  {label:<50} {seconds:6.2f} s  peak RSS {peak:7,.0f} MB "
                  f"(after imports {runs[0]['base_mb']:,.0f} MB)")


if __name__ == "__main__":
    main()
