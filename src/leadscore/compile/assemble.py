"""Assemble the whole model into ONE Ibis expression: a row per person with every score.

The same expression carries the per-rule columns that explanations read, so an explanation is
never a second implementation that could drift from the score. Column groups:

- identity and results: ``person_id``, ``account_id``, ``fit``, ``behavior``, ``total``,
  ``status``, ``fit_tier``, ``intent_tier``, ``matrix``, ``score_date``, ``logic_hash``;
- fit: ``fit__<rule>`` points, ``fit_rules`` (Σ before clamping);
- behavior: ``m__/last__/…`` evidence (see :mod:`leadscore.compile.events`), ``pts__`` → ``grp__``
  → ``b__<rule>`` points, ``v__<velocity>`` bonuses, ``behavior_rules`` → ``behavior_capped`` →
  ``behavior_raw`` → decay columns → ``behavior``;
- statuses: ``cond__<i>__<j>`` per condition part and ``is__<i>`` per status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from leadscore.compile import behavior as bh
from leadscore.compile.asof import AsOf
from leadscore.compile.champion import champion_points
from leadscore.compile.decay import decay_columns
from leadscore.compile.events import event_aggregates, prepare_events, velocity_table
from leadscore.compile.expressions import clamp
from leadscore.compile.fit import (
    FIT_INPUT_PREFIX,
    field_value,
    field_value_column,
    fit_case_index,
    fit_contribution,
    fit_inputs,
)
from leadscore.compile.freemium import freemium_applies
from leadscore.compile.portable import num
from leadscore.compile.statuses import status_columns, tier_columns
from leadscore.compile.tables import ACCOUNT_PREFIX, ScoringTables, normalise
from leadscore.errors import DataError
from leadscore.explain.reasons import contribution_columns as labelled_contributions
from leadscore.spec import model as m
from leadscore.spec.fingerprint import logic_hash
from leadscore.spec.semantic import DataSchema

RESULT_COLUMNS = ("person_id", "account_id", "fit", "behavior", "total", "status", "fit_tier",
                  "intent_tier", "matrix", "score_date", "logic_hash")
"""The columns of a scores table, in order."""


@dataclass(frozen=True)
class CompiledScores:
    """The compiled scoring expression and the as-of parameter to bind when executing it."""

    expr: ir.Table
    as_of: AsOf
    model: m.ScoringModel
    logic_hash: str

    def params(self, as_of_value) -> dict:
        """Execution parameters binding the as-of instant."""
        return {self.as_of.param: as_of_value}


def _attach(t: ir.Table, per_person: ir.Table) -> ir.Table:
    """Left-join a per-person table onto ``t`` by ``person_id``, keeping one key column."""
    right = per_person.rename(_key="person_id")
    return t.left_join(right, t.person_id == right._key).drop("_key")


def _backend_name(tables: ScoringTables) -> str | None:
    """The name of the backend the tables are bound to (``None`` when unbound)."""
    try:
        return ibis.get_backend(tables.people).name
    except ibis.common.exceptions.IbisError:
        return None


def _needs_events(model: m.ScoringModel) -> bool:
    return bool(model.behavior.rules or model.behavior.velocity or model.metrics)


def contribution_columns(model: m.ScoringModel) -> list[str]:
    """Every rule's final contribution column, in model order (what top reasons rank).

    The names come from :func:`leadscore.explain.reasons.contribution_columns`, whose order
    the reason ranking's positions index: one list, so the two cannot drift apart.
    """
    return [column for column, _ in labelled_contributions(model)]


def compile_scores(
    tables: ScoringTables,
    model: m.ScoringModel,
    *,
    person_ids: Sequence[str] | None = None,
    detail: bool = True,
    dialect: str | None = None,
) -> CompiledScores:
    """Compile ``model`` over ``tables`` into one expression with an unbound as-of parameter.

    Args:
        tables: the raw canonical tables (normalised here).
        model: a validated scoring model.
        person_ids: restrict scoring to these people (explanations); ``None`` scores everyone.
        detail: every per-rule column (explanations, backtests, ``compile``). ``False`` gives
            the lean form ``score`` runs: :data:`RESULT_COLUMNS` plus the rule contributions
            (:func:`contribution_columns`), built by the same functions, only without the
            evidence-only columns (``fitcase__``, ``fv__``, ``last__`` …). Why a lean form at
            all: DuckDB rewrites long ``IN`` lists into joins before it prunes unused columns,
            so the evidence columns cost real work even when the final SELECT drops them.
        dialect: the SQL dialect the expression will run in (default: the tables' backend;
            portable SQL for unbound tables). It only picks between equivalent forms: on
            DuckDB the velocity burst comes from the aggregation pass
            (:func:`~leadscore.compile.events.burst_from_lists`), elsewhere from a window.
    """
    if model.products:
        # One rubric per product, combined (compile/products.py): each is a model of its own.
        from leadscore.compile.products import compile_products

        return compile_products(tables, model, person_ids=person_ids, detail=detail,
                                dialect=dialect)
    if dialect is None:
        dialect = _backend_name(tables)
    burst_lists = dialect == "duckdb"
    raw_schema: DataSchema = tables.schema()
    as_of = AsOf.new()
    # Anonymous events become people only through identities observed by the as-of instant.
    tables = normalise(tables, as_of.param)
    people = tables.people.filter(
        tables.people.created_at.isnull() | (tables.people.created_at <= as_of.param))
    events = tables.events
    if person_ids is not None:
        people = people.filter(people.person_id.isin(list(person_ids)))
        if events is not None:
            events = events.filter(events.person_id.isin(list(person_ids)))

    profile, accounts, inputs = fit_inputs(model.fit.rules, people, tables.accounts,
                                           raw_schema)
    if accounts is not None:
        profile = profile.left_join(accounts, profile.account_id == accounts[
            ACCOUNT_PREFIX + "account_id"]).drop(ACCOUNT_PREFIX + "account_id")
    fit_points = {f"fit__{r.id}": fit_contribution(r, profile, raw_schema, model.lists, inputs)
                  for r in model.fit.rules}
    fit_evidence = {}
    for rule in model.fit.rules if detail else []:
        fit_evidence[f"fitcase__{rule.id}"] = fit_case_index(rule, profile, raw_schema,
                                                             model.lists, inputs)
        fit_evidence[field_value_column(rule)] = field_value(rule, profile, raw_schema)
    t = profile.mutate(**fit_points, **fit_evidence) if fit_points else profile
    if model.fit.champion is not None:
        t = _attach(t, champion_points(model.fit.champion, people))
        t = t.mutate(fit__champion=t.fit__champion.fill_null(num(0)))
        fit_points["fit__champion"] = t.fit__champion
    fit_sum = sum((t[k] for k in fit_points), num(0))
    t = t.mutate(fit_rules=fit_sum, fit=clamp(fit_sum, model.fit.min, model.fit.max))

    if _needs_events(model):
        if events is None:
            raise DataError("the model has behavior rules or metrics but the project has no "
                            "events source; add `events:` under `sources:` in leadscore.yaml",
                            source="events")
        visible = prepare_events(events, people, model, as_of)
        t = _attach(t, event_aggregates(visible, model, as_of, detail=detail,
                                        burst_lists=burst_lists))
        for velocity in model.behavior.velocity if not burst_lists else []:
            t = _attach(t, velocity_table(visible, velocity, model, as_of))

    t = t.mutate(**bh.rule_points(model, t, as_of))
    t = t.mutate(**bh.grouped_points(model, t))
    t = t.mutate(**bh.decayed_points(model, t, as_of))
    if model.behavior.velocity:
        t = t.mutate(**bh.velocity_points(model, t, as_of))
    if model.behavior.decay is not None and model.behavior.decay.by == "inactivity" and \
            "last_activity" not in t.columns:
        t = t.mutate(last_activity=ibis.null("timestamp"))
    t = t.mutate(**bh.raw_behavior(model, t))
    ceiling = freemium_applies(model, t, raw_schema, as_of)
    t = t.mutate(**decay_columns(model, t, as_of, ceiling))
    total = model.total.fit_weight * t.fit + model.total.behavior_weight * t.behavior
    t = t.mutate(total=clamp(total, model.total.min, model.total.max))
    t = t.mutate(**status_columns(model, t))
    fingerprint = logic_hash(model)
    t = t.mutate(**tier_columns(model, t), score_date=as_of.param,
                 logic_hash=ibis.literal(fingerprint))
    extra = ([c for c in t.columns if c not in RESULT_COLUMNS
              and not c.startswith(FIT_INPUT_PREFIX)] if detail
             else contribution_columns(model))
    return CompiledScores(t.select(*RESULT_COLUMNS, *extra), as_of, model, fingerprint)
