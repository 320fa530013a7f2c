"""``leadscore ingest`` and ``leadscore quarantine replay``: the orchestration.

Each file is loaded in its own transaction (all of it or nothing) and recorded in
``ls_ingest_files`` with its size, mtime and sha256: a re-run skips a file already loaded
(same path, size and mtime, or the same content under any name), so nothing loads twice and
new files append. Table sources are re-read each run; event ids, record hashes and outcome
keys make that idempotent. After loading, people / accounts / person ids are rebuilt
(:mod:`.identity`).
"""

from __future__ import annotations

import glob
import hashlib
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from leadscore.config import EVENT_FORMATS, IngestConfig, IngestSourceConfig, ProjectConfig
from leadscore.errors import ConfigError, DataError
from leadscore.ingest import identity, lines, quarantine, store, tabular
from leadscore.ingest.amplitude import AMPLITUDE
from leadscore.ingest.domains import personal_domains
from leadscore.ingest.events import Counts, Limits, load_stage, stage
from leadscore.ingest.formats import EventFormat
from leadscore.ingest.mixpanel import MIXPANEL
from leadscore.ingest.posthog import POSTHOG
from leadscore.ingest.segment import SEGMENT
from leadscore.project import utc_now

FORMATS: dict[str, EventFormat] = {f.name: f for f in (SEGMENT, AMPLITUDE, MIXPANEL, POSTHOG)}

Progress = Callable[[str, int, int], None]
"""``progress(description, bytes_done_now, bytes_total)`` — called before and after each file."""


@dataclass
class SourceReport:
    """What ingest did for one source."""

    name: str
    files: int = 0
    skipped: int = 0
    counts: Counts = field(default_factory=Counts)
    note: str | None = None


@dataclass
class IngestReport:
    """What one ``leadscore ingest`` (or replay) did, per source and in total."""

    sources: list[SourceReport]
    seconds: float

    @property
    def total(self) -> Counts:
        """Counts summed over the sources."""
        total = Counts()
        for source in self.sources:
            total.add(source.counts)
        return total


def database_path(config: ProjectConfig, root: Path) -> str:
    """The DuckDB database ingest writes to (``engine.path``).

    Raises:
        ConfigError: the engine is not DuckDB, or its database is in memory.
    """
    engine = config.engine
    if engine.type != "duckdb":
        raise ConfigError(f"`leadscore ingest` writes to a DuckDB database, but engine.type is "
                          f"'{engine.type}'; ingest with a DuckDB project and copy the ls_* tables,"
                          " or score the warehouse tables directly with `sources:`",
                          location="engine.type")
    path = engine.path  # type: ignore[union-attr]
    if path == ":memory:":
        raise ConfigError("engine.path is ':memory:', so ingested data would vanish when the "
                          "command ends; set `engine: {path: leadscore.duckdb}`",
                          location="engine.path")
    return path if Path(path).is_absolute() else str(root / path)


def _ingest_config(config: ProjectConfig) -> IngestConfig:
    if config.ingest is None or not config.ingest.sources:
        raise ConfigError("the project file has no `ingest:` sources; add e.g.\n"
                          "ingest:\n  sources:\n    - {name: web, format: segment, path: "
                          "data/segment/*.ndjson}\n(see docs/ingest.md)", location="ingest")
    return config.ingest


def limits_for(ingest: IngestConfig, now: datetime) -> Limits:
    """Validation settings from the ``ingest:`` section."""
    return Limits(now, ingest.max_future.total_seconds(), ingest.max_event_bytes,
                  dict(ingest.properties))


def ingest(config: ProjectConfig, root: Path, *, only: list[str] | None = None,
           progress: Progress | None = None, now: datetime | None = None,
           con: duckdb.DuckDBPyConnection | None = None) -> IngestReport:
    """Read every ``ingest:`` source (or those named in ``only``) into the store.

    Raises:
        ConfigError: no ``ingest:`` section, unknown names in ``only``, not a DuckDB engine.
        DataError: a file or table cannot be read at all (bad rows are quarantined instead).
    """
    settings = _ingest_config(config)
    names = [s.name for s in settings.sources]
    unknown = sorted(set(only or []) - set(names))
    if unknown:
        raise ConfigError(f"unknown source(s) {', '.join(unknown)}; the project has "
                          f"{', '.join(names)}", location="--source")
    sources = [s for s in settings.sources if not only or s.name in only]
    started = time.perf_counter()
    with _store(config, root, con) as con:
        limits = limits_for(settings, now or utc_now())
        store.ensure_properties(con, limits.properties)
        plan = [(s, _files(s, root)) for s in sources]
        total = sum(p.stat().st_size for _, files in plan for p in files)
        done = 0
        reports = []
        for source, files in plan:
            report = SourceReport(source.name)
            if source.format in ("duckdb_table", "postgres_table"):
                with _transaction(con):
                    tabular.read_table(con, source)
                    report.counts.add(tabular.load(con, source, limits))
                report.files = 1
            elif not files:
                report.note = f"no file matches {source.path}"
            for path in files:
                size = path.stat().st_size
                if progress:
                    progress(f"{source.name}: {path.name}", done, total)
                digest = _already_loaded(con, source.name, path)
                if digest is None:
                    report.skipped += 1
                else:
                    report.counts.add(_load_file(con, source, path, limits, digest))
                    report.files += 1
                done += size
                if progress:
                    progress(f"{source.name}: {path.name}", done, total)
            reports.append(report)
        with _transaction(con):
            identity.rebuild(con, personal_domains(settings.personal_domains))
        return IngestReport(reports, time.perf_counter() - started)


@contextmanager
def _store(config: ProjectConfig, root: Path,
           con: duckdb.DuckDBPyConnection | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """``con``, or the project's store opened for the block and closed after it."""
    if con is not None:
        yield con
        return
    opened = store.connect(database_path(config, root))
    try:
        yield opened
    finally:
        opened.close()


def _files(source: IngestSourceConfig, root: Path) -> list[Path]:
    if not source.path:
        return []
    pattern = source.path if Path(source.path).is_absolute() else str(root / source.path)
    return sorted(Path(p) for p in glob.glob(pattern, recursive=True) if Path(p).is_file())


class _transaction:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, kind, value, tb) -> None:
        self.con.execute("ROLLBACK" if kind else "COMMIT")


def sha256(path: Path) -> str:
    """The file's sha256 (streamed)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def _already_loaded(con: duckdb.DuckDBPyConnection, source: str, path: Path) -> str | None:
    """``None`` when the file was loaded before, else its sha256 (to record after loading)."""
    stat = path.stat()
    same = con.execute("SELECT count(*) FROM ls_ingest_files WHERE source = ? AND file = ? "
                       "AND size = ? AND mtime = ?",
                       [source, str(path), stat.st_size, stat.st_mtime]).fetchone()[0]
    if same:
        return None
    digest = sha256(path)
    seen = con.execute("SELECT count(*) FROM ls_ingest_files WHERE source = ? AND sha256 = ?",
                       [source, digest]).fetchone()[0]
    return None if seen else digest


def _load_file(con: duckdb.DuckDBPyConnection, source: IngestSourceConfig, path: Path,
               limits: Limits, digest: str) -> Counts:
    with _transaction(con):
        if source.format in EVENT_FORMATS:
            fmt = FORMATS[source.format]
            try:
                lines.load_lines(con, path)
            except duckdb.Error as exc:  # not text at all: invalid UTF-8, a corrupt archive
                raise DataError(f"cannot read {path} as lines of text: {exc}; convert it to "
                                "UTF-8 (e.g. iconv) or fix the archive and run ingest again",
                                source=source.name) from exc
            messages = lines.expand_messages(con, lines.LINES, fmt.batch_key)
            stage(con, fmt, messages, limits)
            counts = load_stage(con, source.name, source.format, limits,
                                lines.raw_source(messages))
        else:
            tabular.read_file(con, source, path)
            counts = tabular.load(con, source, limits)
        stat = path.stat()
        con.execute("INSERT INTO ls_ingest_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [source.name, str(path), stat.st_size, stat.st_mtime, digest,
                     counts.read, counts.loaded, counts.duplicates, counts.quarantined_total,
                     limits.now])
    return counts


def replay(config: ProjectConfig, root: Path, *, fixed: Path | None = None,
           reason: str | None = None, source: str | None = None, now: datetime | None = None,
           con: duckdb.DuckDBPyConnection | None = None) -> IngestReport:
    """Re-validate quarantined rows and load the ones that now pass.

    The rows are those in ``fixed`` (after applying its corrected ``raw``), or all that match
    ``reason`` / ``source``. Rows that pass are loaded (or counted as duplicates) and leave
    quarantine; rows still bad stay, with their new reason.

    Raises:
        DataError: ``fixed`` is malformed or names unknown ids; a row's source is no longer in
            the project file.
    """
    settings = _ingest_config(config)
    started = time.perf_counter()
    with _store(config, root, con) as con:
        limits = limits_for(settings, now or utc_now())
        store.ensure_properties(con, limits.properties)
        with _transaction(con):
            ids = quarantine.apply_fixes(con, fixed) if fixed else None
            selected = quarantine.where(reason, source, ids)
            by_source = [r[0] for r in con.execute(
                f"SELECT DISTINCT source FROM ls_quarantine WHERE {selected} ORDER BY 1"
            ).fetchall()]
            configured = {s.name: s for s in settings.sources}
            gone = [s for s in by_source if s not in configured]
            if gone:
                raise DataError(f"quarantined rows come from source(s) {', '.join(gone)}, no "
                                "longer in leadscore.yaml; add them back under `ingest.sources` "
                                "to replay, or pass --source")
            reports = [SourceReport(name, counts=_replay_source(
                con, configured[name], f"{selected} AND source = '{name}'", limits))
                for name in by_source]
            identity.rebuild(con, personal_domains(settings.personal_domains))
        return IngestReport(reports, time.perf_counter() - started)


def _replay_source(con: duckdb.DuckDBPyConnection, source: IngestSourceConfig, selected: str,
                   limits: Limits) -> Counts:
    con.execute(f"CREATE OR REPLACE TEMP TABLE _ls_replay AS SELECT * FROM ls_quarantine "
                f"WHERE {selected}")
    if source.format in EVENT_FORMATS:
        con.execute("CREATE OR REPLACE TEMP TABLE _ls_replay_msgs AS SELECT file, line, item, "
                    "raw, strlen(raw) AS nbytes FROM _ls_replay")
        stage(con, FORMATS[source.format], "_ls_replay_msgs", limits)
        counts = load_stage(con, source.name, source.format, limits, "_ls_replay_msgs")
    else:
        # Columns in the order of the original rows, so re-quarantined rows keep their raw text.
        keys: list[str] = []
        for (names,) in con.execute("SELECT DISTINCT json_keys(raw) FROM _ls_replay "
                                    "WHERE json_valid(raw)").fetchall():
            keys += [k for k in names if k not in keys]
        cols = "".join(f", json_extract_string(raw, {store.quote(_path(k))}) AS {store.ident(k)}"
                       for k in keys)
        con.execute(f"CREATE OR REPLACE TEMP TABLE {tabular.SRC} AS SELECT file AS _ls_file, "
                    f"line AS _ls_line{cols} FROM _ls_replay")
        counts = tabular.load(con, source, limits,
                              raw="(SELECT file, line, item, raw FROM _ls_replay)")
    # Rows that now pass (loaded or already present) leave quarantine; the others keep the
    # reason they have now.
    con.execute("""
DELETE FROM ls_quarantine WHERE id IN (
    SELECT r.id FROM _ls_replay r JOIN _ls_stage s
      ON s.file = r.file AND s.line = r.line AND s.item IS NOT DISTINCT FROM r.item
    WHERE s.reason IS NULL)""")
    con.execute("""
UPDATE ls_quarantine SET reason = s.reason FROM _ls_replay r JOIN _ls_stage s
  ON s.file = r.file AND s.line = r.line AND s.item IS NOT DISTINCT FROM r.item
WHERE ls_quarantine.id = r.id AND s.reason IS NOT NULL""")
    return counts


def _path(key: str) -> str:
    return "$." + '"' + key.replace('"', '\\"') + '"'
