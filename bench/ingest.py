"""Ingest throughput: Segment events from NDJSON and from Parquet, rows per second.

    .venv/bin/python bench/ingest.py --rows 1000000            # default: 1M
    .venv/bin/python bench/ingest.py --rows 10000000 --files 10

Generates Segment track calls (the shape of an S3 / warehouse export: messageId, userId or
anonymousId, event, properties, context, originalTimestamp / sentAt / receivedAt, so every row
goes through the clock-skew correction) with DuckDB, split over ``--files`` files, with 0.1 %
rows missing their messageId (quarantined) and 0.2 % duplicated ids, then times
``leadscore.ingest.run.ingest`` into a fresh store: once from NDJSON (format: segment) and once
from Parquet (format: parquet, kind: events, the warehouse columns mapped). Generation is not
timed. Prints rows/s and the counts (which must add up).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
from ruamel.yaml import YAML

from leadscore.config import load_config
from leadscore.ingest.run import ingest

EVENTS = ["login", "core_feature_used", "teammate_invited", "pricing_page_viewed",
          "report_generated", "integration_connected", "session_ended"]


def generate(folder: Path, rows: int, files: int) -> None:
    """Write ``rows`` Segment messages as NDJSON and as Parquet, ``files`` files each."""
    (folder / "ndjson").mkdir(parents=True)
    (folder / "parquet").mkdir()
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    per = -(-rows // files)
    names = "[" + ", ".join(f"'{e}'" for e in EVENTS) + "]"
    for f in range(files):
        lo, hi = f * per, min(rows, (f + 1) * per)
        select = f"""
SELECT 'track' AS type,
       CASE WHEN i % 1000 = 7 THEN NULL
            WHEN i % 500 = 3 THEN 'msg-' || (i - 1) ELSE 'msg-' || i END AS messageId,
       CASE WHEN i % 4 = 0 THEN NULL ELSE 'user-' || (i % 200000) END AS userId,
       'anon-' || (i % 300000) AS anonymousId,
       {names}[(i % {len(EVENTS)}) + 1] AS event,
       {{'duration_s': (i % 600)::DOUBLE, 'plan': CASE WHEN i % 3 = 0 THEN 'pro' ELSE 'free' END,
         'path': '/app/page/' || (i % 50)}} AS properties,
       {{'library': {{'name': 'analytics.js', 'version': '4.1.0'}}, 'ip': '203.0.113.7',
         'locale': 'en-US'}} AS context,
       TIMESTAMP '2024-01-01' + to_seconds(i * 3) AS originalTimestamp,
       TIMESTAMP '2024-01-01' + to_seconds(i * 3 + 2) AS sentAt,
       TIMESTAMP '2024-01-01' + to_seconds(i * 3 + 1) AS receivedAt
FROM range({lo}, {hi}) t(i)"""
        con.execute(f"COPY ({select}) TO '{folder}/ndjson/part-{f:03d}.ndjson' "
                    "(FORMAT json, TIMESTAMPFORMAT '%Y-%m-%dT%H:%M:%S.%gZ')")
        con.execute(f"COPY ({select}) TO '{folder}/parquet/part-{f:03d}.parquet' "
                    "(FORMAT parquet)")
    con.close()


def project(folder: Path, kind: str, threads: int | None) -> Path:
    """A project reading the generated files in one format."""
    root = folder / f"project-{kind}"
    root.mkdir()
    engine = {"path": "store.duckdb"}
    if threads:
        engine["threads"] = threads
    if kind == "ndjson":
        source = {"name": "segment", "format": "segment", "path": str(folder / "ndjson/*")}
    else:
        source = {"name": "warehouse", "format": "parquet", "kind": "events",
                  "path": str(folder / "parquet/*"),
                  "columns": {"event_id": "messageId", "person_id": "userId",
                              "anonymous_id": "anonymousId", "event": "event",
                              "ts": "originalTimestamp", "sent_at": "sentAt",
                              "received_at": "receivedAt", "properties": "properties"}}
    data = {"engine": engine, "ingest": {"properties": {"duration_s": "double"},
                                         "sources": [source]}}
    with (root / "leadscore.yaml").open("w") as out:
        YAML().dump(data, out)
    return root


def run(root: Path, rows: int, label: str) -> None:
    config = load_config(root / "leadscore.yaml")
    started = time.perf_counter()
    report = ingest(config, root)
    seconds = time.perf_counter() - started
    total = report.total
    assert total.read == rows, (total.read, rows)
    assert total.read == total.loaded + total.duplicates + total.quarantined_total
    print(f"{label:<8} {rows:>12,} rows in {seconds:7.1f} s = {rows / seconds:>10,.0f} rows/s   "
          f"(loaded {total.loaded:,}, duplicates {total.duplicates:,}, quarantined "
          f"{dict(total.quarantined)})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--files", type=int, default=0,
                        help="files per format (default: one per million rows)")
    parser.add_argument("--threads", type=int, default=None, help="DuckDB threads")
    parser.add_argument("--only", choices=["ndjson", "parquet"], default=None)
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: temp)")
    args = parser.parse_args()
    files = args.files or max(1, args.rows // 1_000_000)
    folder = args.dir or Path(tempfile.mkdtemp(prefix="leadscore-ingest-bench-"))
    try:
        started = time.perf_counter()
        generate(folder, args.rows, files)
        size = sum(p.stat().st_size for p in (folder / "ndjson").iterdir())
        print(f"generated {args.rows:,} Segment messages in {files} file(s) per format "
              f"({size / 1e9:.2f} GB NDJSON) in {time.perf_counter() - started:.0f} s; "
              f"{os.cpu_count()} CPUs", flush=True)
        for kind in ("ndjson", "parquet"):
            if args.only in (None, kind):
                run(project(folder, kind, args.threads), args.rows, kind)
    finally:
        if args.dir is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
