"""Run a backtest: score history point-in-time on a grid of cutoffs and label what followed.

For each cutoff ``c`` of the grid the *same* compiled scoring expression is executed with its
as-of parameter bound to ``c`` (scoring is never re-implemented here), so a snapshot sees only
people created by ``c`` and events at or before ``c``. Its label comes from the outcomes:

- a person is **excluded** at ``c`` when a conversion outcome happened at or before ``c``
  (they are customers or opportunities already, not leads);
- the rest are **converted** when a conversion outcome happened in ``(c, c + horizon]``, and
  **won** when a closed-won outcome did.

Outcomes with no ``person_id`` but an ``account_id`` count for every person of that account.
Which outcomes count as a conversion is configurable (default: opportunity created, converted,
closed won).

The labelled snapshots of every cutoff are one table (:class:`LabelledSnapshots`), and
:mod:`leadscore.backtest.metrics` computes every metric over it on the engine. Later tools
reuse the two steps: a model diff labels the same cutoffs with two models and joins them on
``(cutoff, person_id)``; calibration labels with every rule column and measures per rule.

>>> result = run_backtest(project, every=timedelta(days=7))   # doctest: +SKIP
>>> Path("backtest.json").write_text(result.to_json())       # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import ibis  # noqa: TID251 - labels are joined on the engine, in the same query as the scores
import ibis.expr.types as ir  # noqa: TID251
import pyarrow as pa

from leadscore.backtest.metrics import LABELLED_COLUMNS, RuleInfo, measure
from leadscore.backtest.result import (
    BacktestResult,
    BacktestSettings,
    RunInfo,
    StatusRateBands,
)
from leadscore.compile.tables import as_timestamp
from leadscore.errors import ConfigError, DataError, EngineError, SpecError
from leadscore.spec import model as m
from leadscore.spec.durations import format_duration

if TYPE_CHECKING:

    from leadscore.compile.assemble import CompiledScores
    from leadscore.project import Project

DEFAULT_CONVERSIONS: tuple[str, ...] = ("opportunity_created", "converted", "closed_won")
"""Outcomes that count as a conversion unless told otherwise."""
DEFAULT_WON = "closed_won"
"""The outcome of a closed-won deal."""
DEFAULT_EVERY = timedelta(days=7)
DEFAULT_HORIZON = timedelta(days=30)
DEFAULT_CUTOFFS = 8
"""Cutoffs of the default grid (when ``start`` is not given)."""
MAX_CUTOFFS = 520
MIN_CONVERSIONS = 30
"""Below this many conversions the result carries a warning that it is noisy."""

_SCORE_COLUMNS = ("person_id", "account_id", "fit", "behavior", "total", "status")


# --------------------------------------------------------------------------------------------
# Grid and inputs
# --------------------------------------------------------------------------------------------


def _naive_utc(value: datetime) -> datetime:
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


def cutoff_grid(start: datetime, end: datetime, every: timedelta) -> tuple[datetime, ...]:
    """``start, start + every, …`` up to and including ``end`` (naive UTC).

    Raises:
        ConfigError: ``end`` is before ``start``, ``every`` is not positive, or the grid would
            have more than :data:`MAX_CUTOFFS` cutoffs.
    """
    start, end = _naive_utc(start), _naive_utc(end)
    if every <= timedelta(0):
        raise ConfigError("--every must be a positive duration such as 7d")
    if end < start:
        raise ConfigError(f"--to ({end:%Y-%m-%d %H:%M}) is before --from "
                          f"({start:%Y-%m-%d %H:%M})")
    count = int((end - start) / every) + 1
    if count > MAX_CUTOFFS:
        raise ConfigError(f"{count} cutoffs from {start:%Y-%m-%d} to {end:%Y-%m-%d} every "
                          f"{format_duration(every)}; use a longer --every (at most "
                          f"{MAX_CUTOFFS} cutoffs)")
    return tuple(start + i * every for i in range(count))


def score_scale(model: m.ScoringModel) -> float:
    """The total that maps to 100 on the playbook's 0–100 band scale: the model's maximum."""
    if model.total.max is not None:
        return float(model.total.max)
    if model.fit.max is not None and model.behavior.max is not None:
        scale = (model.total.fit_weight * model.fit.max
                 + model.total.behavior_weight * model.behavior.max)
        if scale > 0:
            return float(scale)
    return 100.0


def _nice_width(raw: float) -> float:
    for width in (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000):
        if width >= raw:
            return float(width)
    return float(round(raw))


def _id(table: ir.Table, name: str) -> ir.StringValue:
    if name not in table.columns:
        return ibis.null("string")
    text = table[name].cast("string").strip()
    return ibis.ifelse(text == "", ibis.null("string"), text)


def normalise_outcomes(outcomes: ir.Table) -> ir.Table:
    """Canonical outcomes: text ``person_id`` / ``account_id`` / ``outcome``, timestamp ``ts``.

    Raises:
        DataError: a required column is missing.
    """
    missing = [c for c in ("outcome", "ts") if c not in outcomes.columns]
    if not {"person_id", "account_id"} & set(outcomes.columns):
        missing.append("person_id (or account_id)")
    if missing:
        raise DataError(f"missing required column(s) {', '.join(missing)}; it has "
                        f"{', '.join(outcomes.columns)}. Map your column names with `columns:` "
                        "in leadscore.yaml", source="outcomes")
    return outcomes.select(person_id=_id(outcomes, "person_id"),
                           account_id=_id(outcomes, "account_id"),
                           outcome=outcomes.outcome.cast("string").strip(),
                           ts=as_timestamp(outcomes.ts)).filter(ibis._.ts.notnull())


def rule_infos(model: m.ScoringModel) -> tuple[RuleInfo, ...]:
    """The rule contribution columns of ``model``, in model order."""
    return (tuple(RuleInfo(f"fit__{r.id}", r.id, "fit", r.label or r.id)
                  for r in model.fit.rules)
            + tuple(RuleInfo(f"b__{r.id}", r.id, "behavior", r.label or r.id)
                    for r in model.all_behavior_rules())
            + tuple(RuleInfo(f"v__{v.id}", v.id, "velocity", v.label or v.id)
                    for v in model.all_velocity()))


# --------------------------------------------------------------------------------------------
# Labelling
# --------------------------------------------------------------------------------------------


def _outcome_facts(outcomes: ir.Table, key: str, as_of: ir.Scalar, horizon_end: ir.Scalar,
                   conversions: Sequence[str], won_outcome: str) -> ir.Table:
    """Per ``key``: converted by the cutoff?, first conversion and first win in the horizon.

    Outcomes after the horizon are never read.
    """
    o = outcomes.filter(outcomes[key].notnull(), outcomes.ts <= horizon_end)
    if key == "account_id":  # account-level outcomes are the ones without a person
        o = o.filter(o.person_id.isnull())
    is_conversion = o.outcome.isin(list(conversions))
    after = o.ts > as_of
    return o.group_by(_key=o[key]).agg(
        _prior=(is_conversion & ~after).any(),
        _converted_at=o.ts.min(where=is_conversion & after),
        _won_at=o.ts.min(where=(o.outcome == won_outcome) & after),
    )


def _earliest(a: ir.TimestampValue, b: ir.TimestampValue) -> ir.TimestampValue:
    # LEAST of a NULL is NULL on some engines (Snowflake, BigQuery): coalesce around it.
    return ibis.coalesce(ibis.least(a, b), a, b)


def labelled_expr(compiled: CompiledScores, outcomes: ir.Table, horizon_end: ir.Scalar, *,
                  conversions: Sequence[str], won_outcome: str,
                  columns: Sequence[str] = ()) -> ir.Table:
    """The labelled snapshot table at the (unbound) as-of of ``compiled``.

    Bind ``compiled.as_of.param`` to the cutoff and ``horizon_end`` to ``cutoff + horizon``.

    Args:
        compiled: The compiled scoring expression (its as-of parameter is reused).
        outcomes: Normalised outcomes (:func:`normalise_outcomes`).
        horizon_end: A timestamp parameter for the end of the horizon.
        conversions: Outcome names that count as a conversion.
        won_outcome: The closed-won outcome name.
        columns: Extra score-table columns to keep (rule contributions, …).
    """
    as_of = compiled.as_of.param
    s = compiled.expr.select(*_SCORE_COLUMNS, *columns)
    person = _outcome_facts(outcomes, "person_id", as_of, horizon_end, conversions, won_outcome)
    s = s.left_join(person, s.person_id == person._key).drop("_key")
    account = _outcome_facts(outcomes, "account_id", as_of, horizon_end, conversions,
                             won_outcome).rename(_a_key="_key", _a_prior="_prior",
                                                 _a_converted_at="_converted_at",
                                                 _a_won_at="_won_at")
    # Account-level outcomes (no person_id) count for every person of the account.
    account = account.filter(account._a_key.notnull())
    s = s.left_join(account, s.account_id == account._a_key).drop("_a_key")
    prior = s._prior.fill_null(False) | s._a_prior.fill_null(False)
    converted_at = _earliest(s._converted_at, s._a_converted_at)
    won_at = _earliest(s._won_at, s._a_won_at)
    eligible = ~prior
    return s.select(
        cutoff=as_of.cast("timestamp"),
        person_id=s.person_id,
        fit=s.fit.cast("float64"),
        behavior=s.behavior.cast("float64"),
        total=s.total.cast("float64"),
        status=s.status,
        eligible=eligible,
        converted=eligible & converted_at.notnull(),
        converted_at=converted_at,
        won=eligible & won_at.notnull(),
        **{c: s[c] for c in columns},
    )


@dataclass(frozen=True)
class LabelledSnapshots:
    """Every scored person at every cutoff, with the labels (see :data:`LABELLED_COLUMNS`).

    Attributes:
        table: One row per (cutoff, scored person); ``eligible`` is false for people already
            converted at the cutoff.
        cutoffs: The cutoffs, in order.
        horizon: The labelling horizon.
        conversions: Outcome names counted as a conversion.
        won_outcome: The closed-won outcome name.
        columns: Extra columns kept (rule contributions).
    """

    table: pa.Table
    cutoffs: tuple[datetime, ...]
    horizon: timedelta
    conversions: tuple[str, ...]
    won_outcome: str
    columns: tuple[str, ...] = ()

    def to_ibis(self) -> ir.Table:
        """The snapshots as an Ibis table that the engine computes metrics on."""
        return ibis.memtable(self.table)


def label_snapshots(engine: Any, compiled: CompiledScores, outcomes: ir.Table,
                    cutoffs: Sequence[datetime], *, horizon: timedelta,
                    conversions: Sequence[str] = DEFAULT_CONVERSIONS,
                    won_outcome: str = DEFAULT_WON,
                    columns: Sequence[str] = ()) -> LabelledSnapshots:
    """Score and label every cutoff: one engine query per cutoff, same compiled expression.

    Args:
        engine: Runs expressions (``execute(expr, params) -> pyarrow.Table``).
        compiled: The compiled scoring expression.
        outcomes: Normalised outcomes (:func:`normalise_outcomes`).
        cutoffs: The instants to score at (naive UTC).
        horizon: How long after a cutoff a conversion still counts.
        conversions: Outcome names that count as a conversion.
        won_outcome: The closed-won outcome name.
        columns: Extra score-table columns to keep.
    """
    horizon_end = ibis.param("timestamp").name("horizon_end")
    expr = labelled_expr(compiled, outcomes, horizon_end, conversions=conversions,
                         won_outcome=won_outcome, columns=columns)
    bindings = [{compiled.as_of.param: c, horizon_end: c + horizon} for c in cutoffs]
    parts = execute_many(engine, expr, bindings)
    table = pa.concat_tables(parts) if parts else expr.schema().to_pyarrow().empty_table()
    return LabelledSnapshots(table, tuple(cutoffs), horizon, tuple(conversions), won_outcome,
                             tuple(columns))


def execute_many(engine: Any, expr: ir.Table, bindings: Sequence[dict]) -> list[pa.Table]:
    """Run ``expr`` once per parameter binding (one cutoff each) and return the results.

    Binding a parameter is cheap for the engine, but Ibis compiles the whole scoring expression
    again on every ``execute``: about half a second for a realistic model, where DuckDB then
    needs a fraction of that. So:

    - an engine that offers ``execute_many(expr, bindings)`` does it its own way;
    - an engine that can run SQL text (``execute_sql``, or DuckDB's connection) gets the
      expression compiled **once**, exactly as ``execute`` would (through
      :func:`~leadscore.compile.portable.for_dialect`), with sentinel instants bound; each
      binding then replaces the sentinels' SQL rendering with its own instants' rendering, made
      by the same compiler, so the text matches exactly. If any sentinel text would be left
      behind, this path is not used;
    - otherwise every binding is a plain ``engine.execute(expr, binding)``.
    """
    many = getattr(engine, "execute_many", None)
    if callable(many):
        return list(many(expr, bindings))
    if len(bindings) > 1:
        fast = _compiled_once(engine, expr, list(bindings[0]))
        if fast is not None:
            return [fast(binding) for binding in bindings]
    return [engine.execute(expr, binding) for binding in bindings]


# Instants that no real data uses: the query is compiled once with them bound, and each binding
# then substitutes its own instants for their SQL rendering (see execute_many). The year
# must not occur anywhere else in the compiled SQL (checked).
_SENTINEL = datetime(1901, 2, 3, 4, 5, 6)


def _sql_runner(engine: Any) -> Callable[[str], pa.Table] | None:
    run = getattr(engine, "execute_sql", None)
    if callable(run):
        return run
    raw = getattr(getattr(engine, "con", None), "con", None)
    if getattr(engine, "name", None) != "duckdb" or not hasattr(raw, "sql"):
        return None

    def run_duckdb(sql: str) -> pa.Table:
        relation = raw.sql(sql)
        if hasattr(relation, "to_arrow_table"):
            return relation.to_arrow_table()
        return relation.arrow()  # DuckDB before 1.4

    return run_duckdb


def _compiled_once(engine: Any, expr: ir.Table,
                   params: list) -> Callable[[dict], pa.Table] | None:
    run_sql = _sql_runner(engine)
    compiler = getattr(getattr(engine, "con", None), "compiler", None)
    if run_sql is None or compiler is None:
        return None
    from ibis.expr import operations as ops  # noqa: TID251

    from leadscore.compile.portable import for_dialect

    if expr.op().find(ops.InMemoryTable):  # memtables are registered by execute(): skip
        return None
    dialect = getattr(getattr(engine, "capabilities", None), "sql_dialect", None) or getattr(
        engine, "dialect", "duckdb")

    def literal(value: datetime) -> str:
        select = compiler.to_sqlglot(ibis.literal(value, type="timestamp").name("v").as_table())
        return select.expressions[0].this.sql(dialect=compiler.dialect)

    sentinels = {param: _SENTINEL + timedelta(seconds=i) for i, param in enumerate(params)}
    try:
        tree = compiler.to_sqlglot(for_dialect(expr, dialect), params=sentinels)
        sql = tree.sql(dialect=compiler.dialect)
        marks = {param: literal(value) for param, value in sentinels.items()}
    except Exception:  # an unusual backend: the plain path still works
        return None
    # Every trace of the sentinels must be inside a mark, or a binding would be half-applied.
    year = str(_SENTINEL.year)
    if any(sql.count(mark) == 0 for mark in marks.values()) or sql.count(year) != sum(
            sql.count(mark) * mark.count(year) for mark in marks.values()):
        return None
    schema = expr.schema().to_pyarrow()

    def execute(binding: dict) -> pa.Table:
        text = sql
        for param, mark in marks.items():
            text = text.replace(mark, literal(binding[param]))
        try:
            return run_sql(text).cast(schema)
        except Exception as exc:
            raise EngineError(f"{getattr(engine, 'name', 'the engine')} failed to run the "
                              f"backtest query: {exc}") from exc

    return execute


# --------------------------------------------------------------------------------------------
# The whole backtest of a project
# --------------------------------------------------------------------------------------------


def _scalar(engine: Any, expr: ir.Scalar) -> Any:
    return engine.execute(expr.name("value").as_table()).column(0)[0].as_py()


@dataclass(frozen=True)
class BacktestPlan:
    """What every backtest of one project over one history shares (see :func:`plan_backtest`).

    Calibration and model diffs label several models with one plan, so every model sees the
    same cutoffs, the same outcomes and the same labels.

    Attributes:
        engine: The project's engine.
        outcomes: Normalised outcomes (:func:`normalise_outcomes`).
        cutoffs: The cutoff grid.
        end: The end of the grid as asked (or defaulted).
        every: Step between cutoffs.
        horizon: How long after a cutoff a conversion still counts.
        conversions: Outcome names that count as a conversion.
        won_outcome: The closed-won outcome name.
        data_until: The last outcome or event instant in the data.
    """

    engine: Any
    outcomes: ir.Table
    cutoffs: tuple[datetime, ...]
    end: datetime
    every: timedelta
    horizon: timedelta
    conversions: tuple[str, ...]
    won_outcome: str
    data_until: datetime | None

    def label(self, compiled: CompiledScores, columns: Sequence[str] = ()) -> LabelledSnapshots:
        """Score and label every cutoff of the plan with ``compiled``."""
        return label_snapshots(self.engine, compiled, self.outcomes, self.cutoffs,
                               horizon=self.horizon, conversions=self.conversions,
                               won_outcome=self.won_outcome, columns=columns)

    def measure(self, model: m.ScoringModel, logic_hash: str, labelled: LabelledSnapshots, *,
                rate_bands: StatusRateBands | None = None,
                started: float | None = None) -> BacktestResult:
        """Every metric of ``model`` over its labelled snapshots (see :func:`run_backtest`)."""
        started = time.perf_counter() if started is None else started
        engine = self.engine
        rules = [r for r in rule_infos(model) if r.column in labelled.columns]
        scale = score_scale(model)
        settings = BacktestSettings(
            start=self.cutoffs[0], end=self.end, every=self.every, horizon=self.horizon,
            cutoffs=self.cutoffs, conversions=self.conversions, won_outcome=self.won_outcome,
            score_scale=scale, bucket_width=_nice_width(scale / 15),
            histogram_width=_nice_width(scale / 30), rate_bands=rate_bands or StatusRateBands())
        run = RunInfo(model_name=model.name, logic_hash=logic_hash,
                      engine=getattr(engine, "name", type(engine).__name__),
                      created_at=datetime.now(UTC).replace(tzinfo=None, microsecond=0),
                      seconds=0.0, data_until=self.data_until)
        result = measure(labelled.to_ibis(), lambda expr: engine.execute(expr),
                         settings=settings, statuses=[s.name for s in model.statuses],
                         rules=rules, run=run)
        warnings = _warnings(result, self.data_until)
        return replace(result, run=replace(run, seconds=round(time.perf_counter() - started, 3),
                                           warnings=warnings))


def plan_backtest(
    project: Project,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    every: timedelta = DEFAULT_EVERY,
    horizon: timedelta = DEFAULT_HORIZON,
    conversions: Sequence[str] = DEFAULT_CONVERSIONS,
    won_outcome: str = DEFAULT_WON,
) -> BacktestPlan:
    """Check the inputs of a backtest and choose its cutoff grid.

    The arguments are those of :func:`run_backtest`.

    Raises:
        ConfigError: no ``outcomes`` source, or a bad grid.
        DataError: the outcomes lack a column, or hold none of the conversion outcomes.
        SpecError: the model is invalid.
    """
    if horizon <= timedelta(0):
        raise ConfigError("--horizon must be a positive duration such as 30d")
    conversions = tuple(dict.fromkeys(c.strip() for c in conversions if c.strip()))
    if not conversions:
        raise ConfigError("name at least one outcome that counts as a conversion")
    source = project.config.sources.outcomes
    if source is None:
        raise ConfigError("a backtest needs outcomes: add `outcomes: {path: ...}` under "
                          "`sources:` in leadscore.yaml (columns person_id, outcome, ts; see "
                          "docs/data-model.md)", location=str(project.root / "leadscore.yaml"))
    errors = [d for d in project.validate(with_data=True) if d.severity == "error"]
    if errors:
        raise SpecError(errors)
    engine = project.engine
    outcomes = normalise_outcomes(engine.read("outcomes", source))

    names = set(engine.execute(outcomes.select("outcome").distinct()).column(0).to_pylist())
    if not names & set(conversions):
        raise DataError(f"none of the conversion outcomes ({', '.join(conversions)}) occur in "
                        f"the data; it has {', '.join(sorted(map(str, names))) or 'no rows'}. "
                        "Choose them with --conversion", source="outcomes")

    until = _scalar(engine, outcomes.ts.max())
    events = project.tables.events
    if events is not None and "ts" in events.columns:
        last_event = _scalar(engine, as_timestamp(events.ts).max())
        if last_event is not None and (until is None or last_event > until):
            until = last_event
    if end is None and until is None:
        raise DataError("the outcomes table is empty; there is nothing to backtest",
                        source="outcomes")
    try:
        if end is None:
            end = (until - horizon).replace(hour=0, minute=0, second=0, microsecond=0)
        end = _naive_utc(end)
        if start is None:
            start = end - (DEFAULT_CUTOFFS - 1) * every
    except OverflowError:
        raise ConfigError(f"the horizon ({format_duration(horizon)}) or step "
                          f"({format_duration(every)}) reaches before year 1; use durations "
                          "shorter than the data's history") from None
    cutoffs = cutoff_grid(start, end, every)
    return BacktestPlan(engine, outcomes, cutoffs, end, every, horizon, conversions,
                        won_outcome, until)


def run_backtest(
    project: Project,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    every: timedelta = DEFAULT_EVERY,
    horizon: timedelta = DEFAULT_HORIZON,
    conversions: Sequence[str] = DEFAULT_CONVERSIONS,
    won_outcome: str = DEFAULT_WON,
    rate_bands: StatusRateBands | None = None,
) -> BacktestResult:
    """Backtest the project's model on its own history.

    Args:
        project: The project (model, data sources incl. ``outcomes``, engine).
        start: First cutoff (default: ``end`` minus 7 steps, so 8 cutoffs).
        end: Last possible cutoff (default: the last instant whose whole horizon is inside the
            data, at midnight).
        every: Step between cutoffs.
        horizon: How long after a cutoff a conversion still counts.
        conversions: Outcome names that count as a conversion.
        won_outcome: The closed-won outcome name.
        rate_bands: Verdict bands for status rates (default: the seeds' 5–15 % healthy).

    Raises:
        ConfigError: no ``outcomes`` source, or a bad grid.
        DataError: the outcomes lack a column, or hold none of the conversion outcomes.
        SpecError: the model is invalid.
    """
    started = time.perf_counter()
    plan = plan_backtest(project, start=start, end=end, every=every, horizon=horizon,
                         conversions=conversions, won_outcome=won_outcome)
    model = project.loaded.model
    compiled = project.compiled()
    labelled = plan.label(compiled, [r.column for r in rule_infos(model)])
    return plan.measure(model, compiled.logic_hash, labelled, rate_bands=rate_bands,
                        started=started)


def _warnings(result: BacktestResult, until: datetime | None) -> tuple[str, ...]:
    out = []
    s = result.settings
    if until is not None:
        late = [c for c in s.cutoffs if c + s.horizon > until]
        if late:
            out.append(f"{len(late)} of {len(s.cutoffs)} cutoffs (from {late[0]:%Y-%m-%d}) have "
                       f"a {format_duration(s.horizon)} horizon that runs past the end of the "
                       f"data ({until:%Y-%m-%d %H:%M}): their conversions are undercounted. "
                       "End the grid earlier (--to) or shorten --horizon.")
    if result.population.converted < MIN_CONVERSIONS:
        out.append(f"Only {result.population.converted} conversions were observed: the rates "
                   "and lifts in this backtest are noisy. Use more cutoffs or a longer horizon.")
    if result.population.snapshots == 0:
        out.append("No lead was scored at any cutoff: the grid is before the first sign-up.")
    return tuple(out)


__all__ = [
    "DEFAULT_CONVERSIONS",
    "DEFAULT_EVERY",
    "DEFAULT_HORIZON",
    "DEFAULT_WON",
    "LABELLED_COLUMNS",
    "BacktestPlan",
    "LabelledSnapshots",
    "cutoff_grid",
    "execute_many",
    "label_snapshots",
    "labelled_expr",
    "normalise_outcomes",
    "plan_backtest",
    "rule_infos",
    "run_backtest",
    "score_scale",
]
