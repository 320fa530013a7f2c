"""A leadscore project: project file + model + data + engine, behind a small API.

The CLI and (later) the HTTP service are thin shells over this class; there is no SQL here.

>>> project = Project.load("my-project")                       # doctest: +SKIP
>>> result = project.score(as_of=datetime(2026, 3, 1))         # doctest: +SKIP
>>> project.explain("P0000042", as_of=datetime(2026, 3, 1))    # doctest: +SKIP
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from leadscore.config import PROJECT_FILE, ProjectConfig, load_config
from leadscore.engines.capabilities import engine_diagnostics
from leadscore.engines.registry import capabilities
from leadscore.errors import DataError, LeadScoreError, NotFoundError, SpecError
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
    accounts: pa.Table | None = None
    """Account scores (``account_id``, ``people``, roll-ups, fit, behavior, total, status…)
    when the model has an ``accounts`` section."""
    unique_ids: bool = False
    """``Project.score`` checked that ``table`` has one row per ``person_id`` (recording the
    run then skips checking it again)."""

    def ranked(self, limit: int = 10, status: str | None = None) -> list[dict]:
        """The top ``limit`` rows by total (optionally only one status)."""
        table = self.table
        if status is not None:
            table = table.filter(pc.equal(table["status"], status))
        keys = [("total", "descending"), ("person_id", "ascending")]
        # The top rows without sorting them all (person ids are unique: no ties to break),
        # sliced out one by one: Arrow's `take` on chunked columns joins their chunks first,
        # a copy of every column (0.05 s at a million people).
        chosen = pc.select_k_unstable(table.select([k for k, _ in keys]),
                                      k=min(limit, table.num_rows), sort_keys=keys)
        if len(chosen) == 0:
            return []
        top = pa.concat_tables([table.slice(i, 1) for i in chosen.to_pylist()])
        return top.take(pc.sort_indices(top, sort_keys=keys)).to_pylist()

    def status_counts(self) -> dict[str, int]:
        """How many people hold each status (``None`` = no status)."""
        counts = pc.value_counts(self.table["status"]).to_pylist()
        return {item["values"]: item["counts"] for item in counts}


def _with_people(reasons: pa.Array, people: pa.ChunkedArray, weight: float) -> pa.Array:
    """Account top reasons: the weighted people score first, then the account's own rules."""
    reasons = reasons.dictionary_decode() if pa.types.is_dictionary(reasons.type) else reasons
    points = pc.multiply(pc.cast(people, pa.float64()), weight)
    text = pc.binary_join_element_wise(
        "people ", pc.if_else(pc.greater_equal(points, 0), "+", ""),
        pc.cast(pc.round(points, 1), pa.string()), "")
    text = pc.if_else(pc.equal(points, 0), pa.scalar(None, pa.string()), text)
    # "; " only between two present parts. (Not binary_join's null_handling="skip": pyarrow
    # drops rows where every part is NULL with it.)
    both = pc.binary_join_element_wise(text, reasons, "; ")
    return pc.fill_null(pc.if_else(pc.equal(reasons, ""), text, both), reasons)


def has_repeated_ids(ids: pa.ChunkedArray | pa.Array, engine=None) -> bool:
    """Whether some (non-NULL) id is on several rows.

    Counted by DuckDB, in parallel: Arrow's ``count_distinct`` takes three times as long at a
    million ids. On ``engine``'s connection when it is DuckDB's: a fresh database costs ~0.1 s
    to start, as much as the count.
    """
    import duckdb

    own = getattr(engine, "name", None) != "duckdb"
    con = duckdb.connect() if own else engine.con.con
    con.register("_leadscore_ids", pa.table({"id": ids}))
    try:
        return bool(con.sql("SELECT COUNT(id) > COUNT(DISTINCT id) FROM _leadscore_ids")
                    .fetchone()[0])
    finally:
        con.unregister("_leadscore_ids")
        if own:
            con.close()


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

    def with_model(self, model_path: str | Path) -> Project:
        """This project with another model file, sharing the open engine and its tables.

        For comparing models on the same data (``diff``, ``calibrate``). Close only ``self``:
        the returned project borrows its engine.
        """
        other = Project(self.root, self.config, model_path=Path(model_path))
        for shared in ("engine", "tables"):
            # cached_property values live in __dict__: hand over the computed ones. Not
            # event_names: which names validation looks up depends on the model.
            other.__dict__[shared] = getattr(self, shared)
        return other

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
            identities=(read("identities", sources.identities) if sources.identities
                        else None),
        )

    @cached_property
    def event_names(self) -> frozenset[str]:
        """Event names in the data, as many as validation needs (read once per project).

        The names the model reads that occur in the data; every distinct name when one of them
        does not, for the did-you-mean hints (see :class:`~leadscore.spec.semantic.DataSchema`).
        """
        from leadscore.compile.checks import distinct_events, events_found
        from leadscore.spec.semantic import events_read

        events = self.tables.events
        if events is None or "event" not in events.columns:
            return frozenset()
        wanted = sorted(events_read(self.loaded.model))
        if not wanted:
            return frozenset()
        found = self.engine.execute(events_found(events, wanted))
        present = frozenset(found.column(0).to_pylist())
        if len(present) == len(wanted):
            return present
        names = self.engine.execute(distinct_events(events))
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

    @cached_property
    def _unique_ids(self) -> bool:
        """People and accounts checked to have one row per id, once per project."""
        self._check_unique_ids()
        return True

    def _check_unique_ids(self) -> None:
        """Refuse people or accounts whose id is on several rows (see compile/checks.py)."""
        from leadscore.compile.checks import duplicate_ids

        for check in duplicate_ids(self.tables):
            examples = self.engine.execute(check.examples).to_pylist()
            if not examples:
                continue
            count = self.engine.execute(check.count.as_table()).column(0)[0].as_py()
            shown = ", ".join(f"'{r['id']}' ({r['rows']} rows)" for r in examples)
            raise DataError(
                f"{count} {check.column} value(s) appear on more than one row, e.g. {shown}; "
                f"each of the {check.source} must be one row: deduplicate the export (keep the "
                f"latest record) or map a unique id column with `columns:` in leadscore.yaml",
                source=check.source)

    def compiled(self, person_ids: list[str] | None = None, *, detail: bool = True,
                 dialect: str | None = None):
        """The compiled scoring expression over this project's tables.

        ``detail=False`` is the lean form ``score`` runs (results and rule contributions);
        ``dialect`` defaults to the engine's (see
        :func:`~leadscore.compile.assemble.compile_scores`).
        """
        from leadscore.compile.assemble import compile_scores

        return compile_scores(self.tables, self.loaded.model, person_ids=person_ids,
                              detail=detail, dialect=dialect)

    @cached_property
    def _reason_codes(self):
        """The model's reason-code layout (:mod:`leadscore.compile.reason_codes`) or ``None``."""
        from leadscore.compile.reason_codes import reason_codes

        return reason_codes(self.loaded.model)

    def scoring_query(self, *, codes: bool = True):
        """(compiled scores, the expression :meth:`score` runs).

        The lean expression, reduced to :data:`~leadscore.compile.assemble.RESULT_COLUMNS`
        plus what the top reasons need, in the narrowest form the model allows:

        - one reason code per row (:mod:`leadscore.compile.reason_codes`) when every rule's
          positive points are a short list (most models), on every engine;
        - else, on DuckDB, the top reasons ranked in the query
          (:mod:`leadscore.compile.reason_ranks`); PostgreSQL flattens that ranking's nested
          projections into one expression that grows exponentially with the rounds (the
          server ran out of memory at a million events), and Spark's optimizer collapses
          projections the same way, so elsewhere
        - every rule contribution, ranked in NumPy.

        ``codes=False`` skips the first form (the fallback when a code turns out unreadable).
        """
        from leadscore.compile.assemble import RESULT_COLUMNS
        from leadscore.compile.reason_codes import with_reason_code
        from leadscore.compile.reason_ranks import with_reason_ranks

        compiled = self.compiled(detail=False)
        layout = self._reason_codes if codes else None
        if layout is not None:
            return compiled, with_reason_code(compiled.expr, layout, list(RESULT_COLUMNS))
        if self.engine.dialect != "duckdb":
            return compiled, compiled.expr
        return compiled, with_reason_ranks(compiled.expr, self.loaded.model,
                                           list(RESULT_COLUMNS))

    def score(self, as_of: datetime | None = None) -> ScoreResult:
        """Score every person as of ``as_of`` (default: now)."""
        from leadscore.compile.assemble import RESULT_COLUMNS
        from leadscore.compile.reason_codes import CODE_COLUMN
        from leadscore.explain.reasons import reasons_from_codes, top_reasons

        warnings = self._checked
        as_of = to_utc_naive(as_of or utc_now())
        started = time.perf_counter()
        compiled, expr = self.scoring_query()
        model = self.loaded.model
        data = self.engine.execute(expr, compiled.params(as_of))
        reasons = None
        if CODE_COLUMN in data.column_names:  # the layout exists: scoring_query used it
            reasons = reasons_from_codes(model, self._reason_codes, data[CODE_COLUMN])
            if reasons is None:
                # A rule gave positive points reason_codes does not list (a disagreement with
                # the compiler, which tests guard against): rank them the slow way instead of
                # wording a wrong reason. The first result goes before the second is fetched.
                del data
                compiled, expr = self.scoring_query(codes=False)
                data = self.engine.execute(expr, compiled.params(as_of))
        if has_repeated_ids(data["person_id"], self.engine):
            # A person or an account on several rows repeats people in the scores. Checked on
            # the result, one pass over a million ids, rather than on both sources up front
            # (twice the time); the sources are searched only to name the ids in the error.
            self._check_unique_ids()
            raise LeadScoreError("the scores repeat some person_id although people and "
                                 "accounts have one row per id; please report this as a bug")
        if reasons is None:
            reasons = top_reasons(model, data)
        table = data.select(list(RESULT_COLUMNS)).append_column("reasons", reasons)
        del data
        accounts = self._score_accounts(as_of) if model.accounts is not None else None
        return ScoreResult(table, as_of, compiled.logic_hash, model.name,
                           time.perf_counter() - started, warnings, accounts, unique_ids=True)

    def compiled_accounts(self, account_ids: list[str] | None = None):
        """The compiled account expression (the model must have an ``accounts`` section)."""
        from leadscore.compile.accounts import compile_account_scores

        return compile_account_scores(self.tables, self.loaded.model, account_ids=account_ids,
                                      dialect=self.engine.dialect)

    def _score_accounts(self, as_of: datetime) -> pa.Table:
        from leadscore.compile.accounts import ACCOUNT_RESULT_COLUMNS
        from leadscore.explain.reasons import top_reasons

        compiled = self.compiled_accounts()
        data = self.engine.execute(compiled.expr, compiled.params(as_of))
        rollups = [f"r__{name}" for name in compiled.model.accounts.rollups]
        reasons = _with_people(top_reasons(compiled.account_model, data), data["people"],
                               compiled.model.accounts.total.people_weight)
        return data.select([*ACCOUNT_RESULT_COLUMNS, *rollups]).append_column("reasons",
                                                                              reasons)

    def write(self, result: ScoreResult, out: str | Path | None = None) -> list[str]:
        """Write scores to the output table and file(s); returns where they went."""
        written = []
        accounts_table = f"{self.config.output.table}_accounts"
        self.engine.write_table(self.config.output.table, result.table)
        written.append(f"table {self.config.output.table}")
        for target in [self.config.output.path, out]:
            if target:
                path = Path(target)
                path = path if path.is_absolute() else (Path.cwd() / path if target == out
                                                        else self.root / path)
                self.engine.write_file(path, result.table)
                written.append(str(path))
                if result.accounts is not None:
                    accounts_path = path.with_name(f"{path.stem}_accounts{path.suffix}")
                    self.engine.write_file(accounts_path, result.accounts)
                    written.append(str(accounts_path))
        if result.accounts is not None:
            self.engine.write_table(accounts_table, result.accounts)
            written.append(f"table {accounts_table}")
        # Record the run in the lifecycle store (history, transitions, status dates); engines
        # without a store yet (PostgreSQL, Spark) just write the scores.
        from leadscore import lifecycle

        if lifecycle.supports(self.engine):
            runs = [("person", "person_id", result, self.config.output.table)]
            if result.accounts is not None:
                runs.append(("account", "account_id", replace(result, table=result.accounts,
                                                                unique_ids=False),
                             accounts_table))
            for entity_type, id_column, scores, table in runs:
                # Read from the table just written: nothing is loaded into the database twice.
                summary = lifecycle.record_run(self, scores, entity_type=entity_type,
                                               id_column=id_column, table=table)
                held = (f", {summary.held_back} held back by cooldown" if summary.held_back
                        else "")
                plural = "people" if entity_type == "person" else f"{entity_type}s"
                written.append(f"lifecycle run {summary.run_id} of {plural} "
                               f"({summary.entered} entered, {summary.exited} exited{held})")
        return written

    def explain(self, person_id: str, as_of: datetime | None = None):
        """Explain one person's score (raises :class:`NotFoundError` for an unknown id)."""
        from leadscore.explain.explanation import explain_products_row, explain_row
        from leadscore.explain.reasons import top_reasons

        _ = self._checked, self._unique_ids
        as_of = to_utc_naive(as_of or utc_now())
        compiled = self.compiled(person_ids=[str(person_id)])
        data = self.engine.execute(compiled.expr, compiled.params(as_of))
        if data.num_rows == 0:
            raise NotFoundError(f"no person '{person_id}' is scored as of {as_of:%Y-%m-%d %H:%M} "
                                "(unknown id, or created after that instant)")
        reasons = top_reasons(self.loaded.model, data)[0].as_py()
        if self.loaded.model.products:
            return explain_products_row(self.loaded.model, data.to_pylist()[0], reasons)
        return explain_row(self.loaded.model, data.to_pylist()[0], reasons)

    def explain_account(self, account_id: str, as_of: datetime | None = None):
        """Explain one account's score (raises :class:`NotFoundError` for an unknown id)."""
        from leadscore.explain.explanation import explain_account_row
        from leadscore.explain.reasons import top_reasons

        _ = self._checked, self._unique_ids
        model = self.loaded.model
        if model.accounts is None:
            raise NotFoundError("the model has no `accounts:` section, so accounts are not "
                                "scored; see docs/model-reference.md#accounts")
        as_of = to_utc_naive(as_of or utc_now())
        compiled = self.compiled_accounts(account_ids=[str(account_id)])
        data = self.engine.execute(compiled.expr, compiled.params(as_of))
        if data.num_rows == 0:
            raise NotFoundError(f"no account '{account_id}' is scored as of "
                                f"{as_of:%Y-%m-%d %H:%M} (unknown id, or created after that "
                                "instant)")
        reasons = _with_people(top_reasons(compiled.account_model, data), data["people"],
                               model.accounts.total.people_weight)[0].as_py()
        return explain_account_row(model.accounts, compiled.account_model,
                                   data.to_pylist()[0], reasons)

    def compile_sql(self, dialect: str, as_of: datetime | None = None) -> str:
        """The SQL the model becomes in ``dialect``, with ``as_of`` inlined."""
        from leadscore.compile.sql import DIALECTS, compile_sql

        compiled = self.compiled(dialect=DIALECTS.get(dialect, dialect))
        return compile_sql(compiled, dialect, to_utc_naive(as_of or utc_now()))

    def close(self) -> None:
        """Close the engine connection if it was opened."""
        if "engine" in self.__dict__:
            self.engine.close()

