"""Account scores: people roll-ups plus the account's own rubric (``docs/semantics.md`` §5).

An account is scored by the *same* compiler as a person: the ``accounts`` section of a model is
turned into a model of its own (:meth:`~leadscore.spec.model.AccountsSection.scoring_model`) and
compiled over pseudo tables in which

- the "people" are the accounts (``account_id`` renamed ``person_id``), so account fit rules read
  account columns and ``first`` windows start at the account's ``created_at``;
- the "events" are every person's events re-keyed to that person's ``account_id`` (or to the
  event's own ``account_id`` when the events carry one, which also brings in account-level
  events without a person, such as third-party intent), so account behavior rules, metrics,
  velocity and decay see the whole team's activity.

On top of that rubric come the roll-ups of the people's own scores (as of the same instant), the
account total (people + fit + behavior, weighted and clamped) and the account statuses, whose
conditions may also name ``people`` and the roll-up ids. Every piece is a column of one
expression, so ``explain --account`` reads the same query that scored the account.
"""

from __future__ import annotations

from dataclasses import dataclass

import ibis
import ibis.expr.types as ir

from leadscore.compile.asof import AsOf
from leadscore.compile.assemble import compile_scores
from leadscore.compile.expressions import clamp, compile_condition
from leadscore.compile.statuses import name_resolver, status_columns
from leadscore.compile.tables import ScoringTables, clean_string, normalise, normalise_events
from leadscore.errors import DataError
from leadscore.spec import model as m
from leadscore.spec.expressions import parse_expression
from leadscore.spec.fingerprint import logic_hash

ACCOUNT_RESULT_COLUMNS = ("account_id", "people", "fit", "behavior", "total", "status",
                          "fit_tier", "intent_tier", "score_date", "logic_hash")
"""The leading columns of an accounts table; roll-ups follow as ``r__<id>``."""

PERSON_COLUMNS = ("person_id", "account_id", "fit", "behavior", "total", "status")


@dataclass(frozen=True)
class CompiledAccountScores:
    """The compiled account expression; two as-of parameters are bound to the same instant."""

    expr: ir.Table
    as_ofs: tuple[AsOf, ...]
    model: m.ScoringModel
    account_model: m.ScoringModel
    logic_hash: str

    def params(self, as_of_value) -> dict:
        """Execution parameters binding every as-of parameter to ``as_of_value``."""
        return {a.param: as_of_value for a in self.as_ofs}


def _rollup_columns(people: ir.Table, rollups: dict[str, m.Rollup]) -> tuple[ir.Table, dict]:
    """Per-person helper columns and the per-account aggregates of each roll-up."""
    def resolve(name: str) -> ir.Value:
        return people.behavior if name == "engagement" else people[name]

    helpers: dict[str, ir.Value] = {}
    aggregates: dict[str, ir.Value] = {}
    for name, rollup in rollups.items():
        # A column, not a literal, even without `where`: aggregates need a per-row value.
        kept = (people.person_id.notnull() if rollup.where is None
                else compile_condition(parse_expression(rollup.where), resolve))
        column = f"r__{name}"
        if rollup.how == "count":
            aggregates[column] = ibis.ifelse(kept, 1, 0).sum().cast("float64")
            continue
        value = people[rollup.of].cast("float64")
        if rollup.how == "top_k":
            # Kept people first (a portable "NULLS LAST"), highest score first; ties do not
            # change a sum of the k highest.
            rank = ibis.row_number().over(ibis.window(
                group_by=people.account_id,
                order_by=[ibis.ifelse(kept, 0, 1), ibis.desc(value)]))
            helpers[f"rk__{name}"] = rank
            kept = kept & (rank < rollup.k)  # row_number() is 0-based in Ibis
            aggregates[column] = ibis.ifelse(kept, value, 0.0).sum()
        elif rollup.how == "sum":
            aggregates[column] = ibis.ifelse(kept, value, 0.0).sum()
        else:
            only = ibis.ifelse(kept, value, ibis.null("float64"))
            aggregates[column] = only.max() if rollup.how == "max" else only.mean()
    return people.mutate(**helpers) if helpers else people, aggregates


def _team_rollups(person_scores: ir.Table, spec: m.AccountsSection) -> ir.Table:
    """One row per account with a scored person: ``r__people`` and every ``r__<rollup>``."""
    rollups = {"people": spec.people, **spec.rollups}
    people = person_scores.select(*PERSON_COLUMNS).filter(
        person_scores.account_id.notnull())
    people, aggregates = _rollup_columns(people, rollups)
    return people.group_by(_key=people.account_id).aggregate(**aggregates)


def _account_tables(tables: ScoringTables, as_of: AsOf) -> ScoringTables:
    """Accounts as "people" and their people's events re-keyed to the account."""
    if tables.accounts is None:
        raise DataError("the model has an `accounts:` section but the project has no accounts "
                        "source; add `accounts:` under `sources:` in leadscore.yaml",
                        source="accounts")
    canonical = normalise(tables, as_of.param)
    accounts = tables.accounts
    if "account_id" not in accounts.columns:
        raise DataError("missing required column account_id; map it with `columns:` in "
                        "leadscore.yaml", source="accounts")
    as_people = accounts.rename(person_id="account_id")
    events = None
    if canonical.events is not None:
        owners = canonical.people.select(_pid=canonical.people.person_id,
                                         _aid=canonical.people.account_id)
        joined = canonical.events.left_join(owners, canonical.events.person_id == owners._pid)
        account = joined._aid
        if "account_id" in joined.columns:
            # An event's own account_id wins over its person's account.
            account = clean_string(joined.account_id).coalesce(joined._aid)
        # member_id keeps who did it, so account metrics can count people ({distinct: member_id}).
        events = joined.mutate(member_id=joined.person_id, person_id=account).filter(
            ibis._.person_id.notnull()).drop("_pid", "_aid")
        if "account_id" in tables.events.columns:
            # Account-level events (intent feeds, billing) have an account but no person.
            raw = tables.events
            own = clean_string(raw.account_id)
            account_only = normalise_events(
                raw.filter(raw.person_id.isnull() & own.notnull()).mutate(person_id=own)
            ).mutate(member_id=ibis.null("string"))
            shared = [c for c in events.columns if c in account_only.columns]
            events = events.select(*shared).union(account_only.select(*shared))
    return ScoringTables(people=as_people, events=events)


def compile_account_scores(tables: ScoringTables, model: m.ScoringModel, *,
                           account_ids: list[str] | None = None,
                           dialect: str | None = None) -> CompiledAccountScores:
    """Compile the account scores of ``model`` (which must have an ``accounts`` section).

    Args:
        tables: the raw canonical tables (people, accounts, events).
        model: a validated model with ``accounts``.
        account_ids: restrict to these accounts (explanations).
        dialect: as for :func:`~leadscore.compile.assemble.compile_scores`.
    """
    spec = model.accounts
    if spec is None:
        raise DataError("the model has no `accounts:` section, so there are no account scores")
    people = compile_scores(tables, model, detail=False, dialect=dialect)
    account_model = spec.scoring_model(model)
    rubric = compile_scores(_account_tables(tables, people.as_of),
                            account_model.model_copy(update={"statuses": []}),
                            person_ids=account_ids, dialect=dialect)
    t = rubric.expr.drop("status", "matrix", "account_id").rename(account_id="person_id")
    team = _team_rollups(people.expr, spec)
    t = t.left_join(team, t.account_id == team._key).drop("_key")
    # An account without scored people rolls up to 0 (sum, max, mean, count alike).
    rollup_names = ["people", *spec.rollups]
    t = t.mutate(**{f"r__{n}": t[f"r__{n}"].fill_null(0.0) for n in rollup_names})
    t = t.mutate(people=t.r__people).drop("r__people")
    total = (spec.total.people_weight * t.people + spec.total.fit_weight * t.fit
             + spec.total.behavior_weight * t.behavior)
    t = t.mutate(total=clamp(total, spec.total.min, spec.total.max))
    base = name_resolver(account_model, t)
    facts = {"people": t.people, **{n: t[f"r__{n}"] for n in spec.rollups}}

    def resolve(name: str) -> ir.Value:
        return facts[name] if name in facts else base(name)

    t = t.mutate(**status_columns(account_model, t, resolve=resolve))
    fingerprint = logic_hash(model)
    t = t.mutate(logic_hash=ibis.literal(fingerprint))
    leading = [*ACCOUNT_RESULT_COLUMNS, *(f"r__{n}" for n in spec.rollups)]
    rest = [c for c in t.columns if c not in leading]
    return CompiledAccountScores(t.select(*leading, *rest), (people.as_of, rubric.as_of), model,
                                 account_model, fingerprint)
