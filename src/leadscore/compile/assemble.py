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
from leadscore.compile.decay import decay_columns
from leadscore.compile.events import event_aggregates, prepare_events, velocity_table
from leadscore.compile.fit import (
    field_value,
    field_value_column,
    fit_case_index,
    fit_contribution,
)
from leadscore.compile.portable import num
from leadscore.compile.statuses import status_columns, tier_columns
from leadscore.compile.tables import ACCOUNT_PREFIX, ScoringTables, normalise
from leadscore.errors import DataError
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


def _clamp(value: ir.NumericValue, low: float | None, high: float | None) -> ir.NumericValue:
    if high is not None:
        value = ibis.least(value, high)
    if low is not None:
        value = ibis.greatest(value, low)
    return value


def _attach(t: ir.Table, per_person: ir.Table) -> ir.Table:
    """Left-join a per-person table onto ``t`` by ``person_id``, keeping one key column."""
    right = per_person.rename(_key="person_id")
    return t.left_join(right, t.person_id == right._key).drop("_key")


def _needs_events(model: m.ScoringModel) -> bool:
    return bool(model.behavior.rules or model.behavior.velocity or model.metrics)


def compile_scores(
    tables: ScoringTables,
    model: m.ScoringModel,
    *,
    person_ids: Sequence[str] | None = None,
) -> CompiledScores:
    """Compile ``model`` over ``tables`` into one expression with an unbound as-of parameter.

    Args:
        tables: the raw canonical tables (normalised here).
        model: a validated scoring model.
        person_ids: restrict scoring to these people (explanations); ``None`` scores everyone.
    """
    raw_schema: DataSchema = tables.schema()
    tables = normalise(tables)
    as_of = AsOf.new()
    people = tables.people.filter(
        tables.people.created_at.isnull() | (tables.people.created_at <= as_of.param))
    events = tables.events
    if person_ids is not None:
        people = people.filter(people.person_id.isin(list(person_ids)))
        if events is not None:
            events = events.filter(events.person_id.isin(list(person_ids)))

    profile = people
    if tables.accounts is not None:
        accounts = tables.accounts
        profile = people.left_join(accounts, people.account_id == accounts[
            ACCOUNT_PREFIX + "account_id"]).drop(ACCOUNT_PREFIX + "account_id")
    fit_points = {f"fit__{r.id}": fit_contribution(r, profile, raw_schema, model.lists)
                  for r in model.fit.rules}
    fit_evidence = {}
    for rule in model.fit.rules:
        fit_evidence[f"fitcase__{rule.id}"] = fit_case_index(rule, profile, raw_schema,
                                                             model.lists)
        fit_evidence[field_value_column(rule)] = field_value(rule, profile, raw_schema)
    t = profile.mutate(**fit_points, **fit_evidence) if fit_points else profile
    fit_sum = sum((t[k] for k in fit_points), num(0))
    t = t.mutate(fit_rules=fit_sum, fit=_clamp(fit_sum, model.fit.min, model.fit.max))

    if _needs_events(model):
        if events is None:
            raise DataError("the model has behavior rules or metrics but the project has no "
                            "events source; add `events:` under `sources:` in leadscore.yaml",
                            source="events")
        visible = prepare_events(events, people, model, as_of)
        t = _attach(t, event_aggregates(visible, model, as_of))
        for velocity in model.behavior.velocity:
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
    t = t.mutate(**decay_columns(model, t, as_of))
    total = model.total.fit_weight * t.fit + model.total.behavior_weight * t.behavior
    t = t.mutate(total=_clamp(total, model.total.min, model.total.max))
    t = t.mutate(**status_columns(model, t))
    fingerprint = logic_hash(model)
    t = t.mutate(**tier_columns(model, t), score_date=as_of.param,
                 logic_hash=ibis.literal(fingerprint))
    detail = [c for c in t.columns if c not in RESULT_COLUMNS]
    return CompiledScores(t.select(*RESULT_COLUMNS, *detail), as_of, model, fingerprint)
