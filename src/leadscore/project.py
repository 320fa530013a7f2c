"""A leadscore project: project file + model + data + engine, behind a small API.

The CLI and (later) the HTTP service are thin shells over this class; there is no SQL here.

>>> project = Project.load("my-project")                       # doctest: +SKIP
>>> result = project.score(as_of=datetime(2026, 3, 1))         # doctest: +SKIP
>>> project.explain("P0000042", as_of=datetime(2026, 3, 1))    # doctest: +SKIP
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from leadscore.config import PROJECT_FILE, ProjectConfig, load_config
from leadscore.engines.capabilities import engine_diagnostics
from leadscore.engines.registry import capabilities
from leadscore.errors import NotFoundError, SpecError
from leadscore.spec.diagnostics import Diagnostic
from leadscore.spec.loader import LoadedModel, load_model
from leadscore.spec.semantic import check_against_data


def utc_now() -> datetime:
    """The current instant as a naive UTC datetime (the default as-of)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def to_utc_naive(value: datetime) -> datetime:
    """Naive UTC for any datetime (aware values are converted, naive ones taken as UTC)."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


@dataclass
class ScoreResult:
    """Scores of every person at one instant, as an Arrow table, plus run facts."""

    table: pa.Table
    as_of: datetime
    logic_hash: str
    model_name: str
    seconds: float
    warnings: list[Diagnostic] = field(default_factory=list)

    def ranked(self, limit: int = 10, status: str | None = None) -> list[dict]:
        """The top ``limit`` rows by total (optionally only one status)."""
        table = self.table
        if status is not None:
            table = table.filter(pc.equal(table["status"], status))
        order = pc.sort_indices(table, sort_keys=[("total", "descending"),
                                                  ("person_id", "ascending")])
        return table.take(order[:limit]).to_pylist()

    def status_counts(self) -> dict[str, int]:
        """How many people hold each status (``None`` = no status)."""
        counts = pc.value_counts(self.table["status"]).to_pylist()
        return {item["values"]: item["counts"] for item in counts}


class Project:
    """A project folder with ``leadscore.yaml``, a model file and data sources."""

    def __init__(self, root: Path, config: ProjectConfig, *, model_path: Path | None = None):
        self.root = root
        self.config = config
        self.model_path = model_path or (root / config.model)

    @classmethod
    def load(cls, path: str | Path = ".", *, model: str | Path | None = None) -> Project:
        """Open a project from its folder (or its ``leadscore.yaml``)."""
        path = Path(path)
        file = path if path.is_file() else path / PROJECT_FILE
        config = load_config(file)
        return cls(file.parent.resolve(), config,
                   model_path=Path(model).resolve() if model else None)

    # -- parts ----------------------------------------------------------------------------

    @cached_property
    def loaded(self) -> LoadedModel:
        """The validated model (raises :class:`SpecError` listing every problem)."""
        return load_model(self.model_path)

    @cached_property
    def engine(self):
        """The engine named in the project file (DuckDB by default)."""
        from leadscore.engines.registry import open_engine

        return open_engine(self.config.engine, root=self.root)

    @cached_property
    def tables(self):
        """The canonical tables read from the sources."""
        from leadscore.compile.tables import ScoringTables

        sources = self.config.sources
        read = self.engine.read
        return ScoringTables(
            people=read("people", sources.people),
            accounts=read("accounts", sources.accounts) if sources.accounts else None,
            events=read("events", sources.events) if sources.events else None,
        )

    @cached_property
    def event_names(self) -> frozenset[str]:
        """Distinct event names in the data (for validation; read once per project)."""
        events = self.tables.events
        if events is None or "event" not in events.columns:
            return frozenset()
        names = self.engine.execute(events.select(events.event.cast("string")).distinct())
        return frozenset(v for v in names.column(0).to_pylist() if v is not None)

    # -- commands -------------------------------------------------------------------------

    def validate(self, *, with_data: bool = True) -> list[Diagnostic]:
        """Every problem in the model, and against the data when ``with_data``.

        Model errors raise :class:`SpecError`; data checks are returned with the warnings.
        """
        diagnostics = list(self.loaded.diagnostics)
        if with_data:
            schema = self.tables.schema(self.event_names)
            for diag in check_against_data(self.loaded.model, schema):
                line, column = self.loaded.locate(diag.path)
                diagnostics.append(Diagnostic(diag.code, diag.message, diag.severity, diag.path,
                                              self.loaded.file, line, column, diag.hint))
        diagnostics += engine_diagnostics(self.loaded, capabilities(self.config.engine.type))
        return diagnostics

    @cached_property
    def _checked(self) -> list[Diagnostic]:
        """Validation against the data, once per project; raises on errors."""
        diagnostics = self.validate(with_data=True)
        errors = [d for d in diagnostics if d.severity == "error"]
        if errors:
            raise SpecError(errors)
        return diagnostics

    def compiled(self, person_ids: list[str] | None = None):
        """The compiled scoring expression over this project's tables."""
        from leadscore.compile.assemble import compile_scores

        return compile_scores(self.tables, self.loaded.model, person_ids=person_ids)

    def score(self, as_of: datetime | None = None) -> ScoreResult:
        """Score every person as of ``as_of`` (default: now)."""
        from leadscore.compile.assemble import RESULT_COLUMNS
        from leadscore.explain.reasons import contribution_columns, top_reasons

        warnings = self._checked
        as_of = to_utc_naive(as_of or utc_now())
        started = time.perf_counter()
        compiled = self.compiled()
        model = self.loaded.model
        wanted = list(RESULT_COLUMNS) + [c for c, _ in contribution_columns(model)]
        data = self.engine.execute(compiled.expr.select(*wanted), compiled.params(as_of))
        reasons = top_reasons(model, data)
        table = data.select(list(RESULT_COLUMNS)).append_column("reasons", reasons)
        return ScoreResult(table, as_of, compiled.logic_hash, model.name,
                           time.perf_counter() - started, warnings)

    def write(self, result: ScoreResult, out: str | Path | None = None) -> list[str]:
        """Write scores to the output table and file(s); returns where they went."""
        written = []
        self.engine.write_table(self.config.output.table, result.table)
        written.append(f"table {self.config.output.table}")
        for target in [self.config.output.path, out]:
            if target:
                path = Path(target)
                path = path if path.is_absolute() else (Path.cwd() / path if target == out
                                                        else self.root / path)
                self.engine.write_file(path, result.table)
                written.append(str(path))
        return written

    def explain(self, person_id: str, as_of: datetime | None = None):
        """Explain one person's score (raises :class:`NotFoundError` for an unknown id)."""
        from leadscore.explain.explanation import explain_row
        from leadscore.explain.reasons import top_reasons

        _ = self._checked
        as_of = to_utc_naive(as_of or utc_now())
        compiled = self.compiled(person_ids=[str(person_id)])
        data = self.engine.execute(compiled.expr, compiled.params(as_of))
        if data.num_rows == 0:
            raise NotFoundError(f"no person '{person_id}' is scored as of {as_of:%Y-%m-%d %H:%M} "
                                "(unknown id, or created after that instant)")
        reasons = top_reasons(self.loaded.model, data)[0].as_py()
        return explain_row(self.loaded.model, data.to_pylist()[0], reasons)

    def compile_sql(self, dialect: str, as_of: datetime | None = None) -> str:
        """The SQL the model becomes in ``dialect``, with ``as_of`` inlined."""
        from leadscore.compile.sql import compile_sql

        return compile_sql(self.compiled(), dialect, to_utc_naive(as_of or utc_now()))

    def close(self) -> None:
        """Close the engine connection if it was opened."""
        if "engine" in self.__dict__:
            self.engine.close()

