"""Whole-model checks that a single field cannot make: references, ordering, reachability.

:func:`check_model` needs only the model; :func:`check_against_data` also knows the columns and
event names of the data, so it can catch typos such as ``teammate_invite``.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from leadscore.spec import model as m
from leadscore.spec.diagnostics import Diagnostic, format_path
from leadscore.spec.expressions import Binary, Literal, Name, conjuncts, names_in, parse_expression

SCORE_NAMES = ("fit", "behavior", "engagement", "total")
"""Names every status condition may use (``engagement`` is an alias of ``behavior``)."""

DERIVED_PERSON_COLUMNS = ("email_domain",)


def _hint(name: str, known: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else None


def check_model(model: m.ScoringModel) -> list[Diagnostic]:
    """Every semantic problem of ``model`` (without positions; the loader adds them)."""
    out: list[Diagnostic] = []
    out += _duplicate_ids(model)
    out += _expressions(model)
    out += _references(model)
    out += _ordering(model)
    out += _reachability(model)
    if model.accounts is not None:
        out += _account_checks(model, model.accounts)
    out += _product_checks(model)
    return out


def _product_checks(model: m.ScoringModel) -> list[Diagnostic]:
    """Each product's rubric checked like a model's behavior; ids unique across products."""
    out: list[Diagnostic] = []
    seen: dict[str, tuple[str | int, ...]] = {
        **{r.id: ("fit", "rules", i, "id") for i, r in enumerate(model.fit.rules)},
        **{name: ("metrics", name) for name in model.metrics}}
    for product in model.products:
        if product in SCORE_NAMES or product in seen:
            out.append(Diagnostic("LS200", f"product id '{product}' is already a score, rule or "
                                  "metric", path=("products", product),
                                  hint="a product id names that product's behavior score"))
        seen.setdefault(product, ("products", product))
    for product, section in model.products.items():
        sub = model.product_model(product)
        own = _expressions(sub) + _references(sub) + _ordering(sub)
        out += [replace(d, path=("products", product, *d.path[1:])) for d in own
                if d.path[:1] == ("behavior",)]
        ids = ([(r.id, ("rules", i, "id")) for i, r in enumerate(section.rules)]
               + [(v.id, ("velocity", i, "id")) for i, v in enumerate(section.velocity)])
        out += _unique_ids([(rid, ("products", product, *path)) for rid, path in ids], seen,
                           reserved_hint="rename the rule",
                           hint="rule ids must be unique across all products")
    return out


def _unique_ids(candidates: list[tuple[str, tuple[str | int, ...]]],
                places: dict[str, tuple[str | int, ...]], *, reserved_hint: str,
                hint: str) -> list[Diagnostic]:
    """LS200 for each id that names a score or is already in ``places`` (which it extends)."""
    out = []
    for name, path in candidates:
        if name in SCORE_NAMES:
            out.append(Diagnostic("LS200", f"'{name}' is reserved for a score", path=path,
                                  hint=reserved_hint))
        elif name in places:
            out.append(Diagnostic("LS200", f"id '{name}' is already used at "
                                  f"{format_path(places[name])}", path=path, hint=hint))
        else:
            places[name] = path
    return out


def product_rule_ids(model: m.ScoringModel) -> list[str]:
    """Ids of every product's behavior and velocity rules, in model order."""
    return [r.id for section in model.products.values() for r in section.rules] + [
        v.id for section in model.products.values() for v in section.velocity]


PERSON_ROLLUP_NAMES = (*SCORE_NAMES, "status")
"""What a roll-up's ``where`` may name: a person's scores and status."""


def _account_checks(model: m.ScoringModel, accounts: m.AccountsSection) -> list[Diagnostic]:
    """The account rubric's own checks, with paths under ``accounts``."""
    sub = accounts.scoring_model(model)
    facts = {"people", *accounts.rollups}
    out = _duplicate_ids(sub) + _expressions(sub, facts) + _references(sub) + _ordering(sub)
    taken = set(SCORE_NAMES) | set(sub.metrics) | set(rule_ids(sub)) | {"people"}
    for name in accounts.rollups:
        if name in taken:
            out.append(Diagnostic("LS200", f"roll-up id '{name}' is already a score, metric or "
                                  "rule of the accounts section", path=("rollups", name),
                                  hint="roll-up ids must differ from account rule and metric ids"))
    rollups = [(("people",), accounts.people)] + [(("rollups", name), r)
                                                  for name, r in accounts.rollups.items()]
    for path, rollup in rollups:
        if rollup.where is None:
            continue
        for name in names_in(parse_expression(rollup.where)):
            if name.name not in PERSON_ROLLUP_NAMES:
                out.append(Diagnostic(
                    "LS201", f"roll-up condition uses unknown name '{name.name}'",
                    path=(*path, "where"), hint=_hint(name.name, PERSON_ROLLUP_NAMES)
                    or f"a roll-up condition may use {', '.join(PERSON_ROLLUP_NAMES)}"))
    clamp = accounts.total
    if clamp.min is not None and clamp.max is not None and clamp.min > clamp.max:
        out.append(Diagnostic("LS206", f"min {clamp.min:g} is above max {clamp.max:g}",
                              path=("total", "min"), hint="swap them"))
    return _under_accounts(out)


def _under_accounts(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [replace(d, path=("accounts", *d.path)) for d in diagnostics]


def rule_ids(model: m.ScoringModel) -> list[str]:
    """Ids of every fit rule, behavior rule and velocity rule, in model order."""
    return ([r.id for r in model.fit.rules] + [r.id for r in model.behavior.rules]
            + [v.id for v in model.behavior.velocity])


def _duplicate_ids(model: m.ScoringModel) -> list[Diagnostic]:
    candidates = (
        [(r.id, ("fit", "rules", i, "id")) for i, r in enumerate(model.fit.rules)]
        + [(r.id, ("behavior", "rules", i, "id")) for i, r in enumerate(model.behavior.rules)]
        + [(v.id, ("behavior", "velocity", i, "id")) for i, v in enumerate(model.behavior.velocity)]
        + [(name, ("metrics", name)) for name in model.metrics]
    )
    if model.fit.champion is not None:
        # The champion's points are the column fit__champion.
        candidates.append(("champion", ("fit", "champion")))
    out = _unique_ids(candidates, {}, reserved_hint="rename the rule or metric",
                      hint="rule, metric and velocity ids must be unique")
    counts = Counter(s.name for s in model.statuses)
    for i, status in enumerate(model.statuses):
        if counts[status.name] > 1:
            out.append(Diagnostic("LS200", f"status '{status.name}' is defined "
                                  f"{counts[status.name]} times", path=("statuses", i, "name"),
                                  hint="status names must be unique; merge the conditions with or"))
    return out


def _expressions(model: m.ScoringModel, facts: Iterable[str] = ()) -> list[Diagnostic]:
    out = []
    metrics = set(model.metrics)
    status_names = (set(SCORE_NAMES) | metrics | set(rule_ids(model)) | set(facts)
                    | set(model.products) | set(product_rule_ids(model))
                    | ({"champion"} if model.fit.champion is not None else set()))
    for i, status in enumerate(model.statuses):
        for name in names_in(parse_expression(status.when)):
            if name.name not in status_names:
                out.append(Diagnostic(
                    "LS201", f"condition uses unknown name '{name.name}'",
                    path=("statuses", i, "when"),
                    hint=_hint(name.name, status_names)
                    or f"a condition may use {', '.join(SCORE_NAMES)}, metric names and rule ids"))
    freemium = model.behavior.freemium
    if freemium is not None and freemium.unless is not None and freemium.unless not in metrics:
        out.append(Diagnostic("LS201", f"freemium ceiling uses unknown metric "
                              f"'{freemium.unless}'", path=("behavior", "freemium", "unless"),
                              hint=_hint(freemium.unless, metrics)
                              or "define the upgrade signal under `metrics:`"))
    for i, rule in enumerate(model.behavior.rules):
        if isinstance(rule, m.FormulaRule):
            for name in names_in(parse_expression(rule.formula)):
                if name.name not in metrics:
                    out.append(Diagnostic(
                        "LS201", f"formula uses unknown metric '{name.name}'",
                        path=("behavior", "rules", i, "formula"),
                        hint=_hint(name.name, metrics)
                        or "define it under `metrics:` (event, window, measure)"))
    return out


def _references(model: m.ScoringModel) -> list[Diagnostic]:
    out = []
    behavior_ids = [r.id for r in model.behavior.rules]
    for i, velocity in enumerate(model.behavior.velocity):
        for j, rid in enumerate(velocity.of or []):
            if rid not in behavior_ids:
                out.append(Diagnostic("LS202", f"velocity multiplies unknown rule '{rid}'",
                                      path=("behavior", "velocity", i, "of", j),
                                      hint=_hint(rid, behavior_ids)
                                      or "`of` lists behavior rule ids"))
    for i, rule in enumerate(model.fit.rules):
        for j, case in enumerate(rule.cases):
            if case.in_list is not None and case.in_list not in model.lists:
                out.append(Diagnostic("LS203", f"unknown list '{case.in_list}'",
                                      path=("fit", "rules", i, "cases", j, "in_list"),
                                      hint=_hint(case.in_list, model.lists)
                                      or "define it under `lists:` at the top of the model"))
    return out


def _ordering(model: m.ScoringModel) -> list[Diagnostic]:
    out = []
    for section in ("fit", "behavior", "total"):
        clamp = getattr(model, section)
        if clamp.min is not None and clamp.max is not None and clamp.min > clamp.max:
            out.append(Diagnostic("LS206", f"min {clamp.min:g} is above max {clamp.max:g}",
                                  path=(section, "min"), hint="swap them"))
    for i, rule in enumerate(model.behavior.rules):
        if isinstance(rule, m.FormulaRule) and None not in (rule.min, rule.cap) and \
                rule.min > rule.cap:  # type: ignore[operator]
            out.append(Diagnostic("LS206", f"min {rule.min:g} is above cap {rule.cap:g}",
                                  path=("behavior", "rules", i, "min")))
    decay = model.behavior.decay
    if decay is not None and model.behavior.min is not None and decay.floor < model.behavior.min:
        out.append(Diagnostic("LS204", f"decay floor {decay.floor:g} is below behavior min "
                              f"{model.behavior.min:g} and has no effect", severity="warning",
                              path=("behavior", "decay", "floor")))
    if model.tiers is not None:
        for kind in ("fit", "intent"):
            bands = getattr(model.tiers, kind)
            for j, band in enumerate(bands):
                if band.min is None and j != len(bands) - 1:
                    out.append(Diagnostic(
                        "LS204", f"band '{band.name}' has no min but is not the last band",
                        path=("tiers", kind, j), hint="only the last band may omit min"))
            mins = [b.min for b in bands if b.min is not None]
            if mins != sorted(mins, reverse=True) or len(set(mins)) != len(mins):
                out.append(Diagnostic(
                    "LS204", f"{kind} tier bands must go down strictly by min, got {mins}",
                    path=("tiers", kind), hint="list the highest band first"))
    return out


def score_upper_bounds(model: m.ScoringModel) -> dict[str, float | None]:
    """Largest reachable fit, behavior and total (``None`` when unbounded or unknown)."""
    fit_up: float | None = sum(max([c.points for c in r.cases] + [r.default, r.missing or 0])
                               for r in model.fit.rules)
    if model.fit.max is not None:
        fit_up = min(fit_up, model.fit.max) if fit_up is not None else model.fit.max
    behavior_up: float | None = None
    if model.behavior.max is not None:
        bonus = 0.0
        for velocity in model.behavior.velocity:
            if velocity.bonus is not None:
                bonus += max(velocity.bonus, 0)
            else:
                bonus = float("inf")
        behavior_up = model.behavior.max + bonus if bonus != float("inf") else None
    total_up = None
    if fit_up is not None and behavior_up is not None:
        total_up = model.total.fit_weight * fit_up + model.total.behavior_weight * behavior_up
    if model.total.max is not None:
        total_up = model.total.max if total_up is None else min(total_up, model.total.max)
    return {"fit": fit_up, "behavior": behavior_up, "engagement": behavior_up, "total": total_up}


def _reachability(model: m.ScoringModel) -> list[Diagnostic]:
    out = []
    bounds = score_upper_bounds(model)
    for i, status in enumerate(model.statuses):
        for atom in conjuncts(parse_expression(status.when)):
            if not (isinstance(atom, Binary) and isinstance(atom.left, Name)
                    and isinstance(atom.right, Literal) and atom.op in (">=", ">")):
                continue
            upper = bounds.get(atom.left.name)
            threshold = atom.right.value
            if upper is None or isinstance(threshold, bool | str):
                continue
            if threshold > upper or (atom.op == ">" and threshold >= upper):
                out.append(Diagnostic(
                    "LS205", f"'{atom.left.name} {atom.op} {threshold:g}' can never be true: "
                    f"{atom.left.name} is at most {upper:g}", severity="warning",
                    path=("statuses", i, "when"),
                    hint=f"lower the threshold or raise {atom.left.name}'s max"))
    return out


# --------------------------------------------------------------------------------------------
# Against data
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DataSchema:
    """What the data offers: column names per table and the event names seen.

    ``event_names`` must hold every name of :func:`events_read` that occurs in the data, and
    every distinct name when one of them does not (the did-you-mean hints pick from it);
    ``None`` skips the event-name checks.
    """

    people: frozenset[str]
    accounts: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()
    event_names: frozenset[str] | None = None


def resolve_field(name: str, schema: DataSchema | None) -> tuple[str, str] | None:
    """Where a fit rule's ``field`` lives: ``("person"|"account", column)`` or ``None``.

    ``account.employees`` is an account column; a bare name is a person column (or the derived
    ``email_domain``), falling back to an account column of that name.
    """
    if name.startswith("account."):
        column = name.removeprefix("account.")
        return ("account", column) if schema is None or column in schema.accounts else None
    if schema is None or name in schema.people or name in DERIVED_PERSON_COLUMNS:
        return ("person", name)
    if name in schema.accounts:
        return ("account", name)
    return None


def check_against_data(model: m.ScoringModel, schema: DataSchema) -> list[Diagnostic]:
    """Problems that only show with the data: unknown attributes, columns and event names."""
    out = []
    person_fields = sorted(schema.people | set(DERIVED_PERSON_COLUMNS))
    account_fields = [f"account.{c}" for c in sorted(schema.accounts)]
    for i, rule in enumerate(model.fit.rules):
        if resolve_field(rule.field, schema) is None:
            out.append(Diagnostic("LS301", f"attribute '{rule.field}' is not in the data",
                                  path=("fit", "rules", i, "field"),
                                  hint=_hint(rule.field, person_fields + account_fields)
                                  or f"people columns: {', '.join(person_fields)}"))
    champion = model.fit.champion
    if champion is not None:
        needed = [champion.link, champion.power_user, *([champion.nps] if champion.nps else [])]
        for key, column in zip(("link", "power_user", "nps"), needed, strict=False):
            if column not in schema.people:
                out.append(Diagnostic("LS301", f"people column '{column}' is not in the data",
                                      path=("fit", "champion", key),
                                      hint=_hint(column, sorted(schema.people))
                                      or "champion movement reads people columns"))
        if not {"email", "email_domain"} & schema.people:
            # The move is told by the company domain of the two records' emails.
            out.append(Diagnostic("LS301", "champion movement compares email domains, but the "
                                  "people have no `email` (or `email_domain`) column",
                                  path=("fit", "champion"),
                                  hint="map the email column with `columns:` in leadscore.yaml"))
    freemium = model.behavior.freemium
    if freemium is not None and resolve_field(freemium.field, schema) is None:
        out.append(Diagnostic("LS301", f"attribute '{freemium.field}' is not in the data",
                              path=("behavior", "freemium", "field"),
                              hint=_hint(freemium.field, person_fields + account_fields)
                              or f"people columns: {', '.join(person_fields)}"))
    filters: list[tuple[tuple[str | int, ...], m.EventFilter]] = [
        (("behavior", "rules", i), r) for i, r in enumerate(model.behavior.rules)
        if isinstance(r, m.EventRule)
    ] + [(("metrics", name), metric) for name, metric in model.metrics.items()]
    out += [d for names, path in event_lists(model) for d in _check_events(names, path, schema)]
    for path, flt in filters:
        if flt.where is not None:
            for name in names_in(parse_expression(flt.where)):
                if name.name not in schema.events:
                    out.append(Diagnostic("LS301", f"filter uses '{name.name}', which is not an "
                                          "events column (read as empty)", severity="warning",
                                          path=(*path, "where"),
                                          hint=_hint(name.name, schema.events)))
        if flt.measure.column is not None and flt.measure.column not in schema.events:
            out.append(Diagnostic("LS301", f"measure column '{flt.measure.column}' is not an "
                                  "events column (read as empty)", severity="warning",
                                  path=(*path, "measure"),
                                  hint=_hint(flt.measure.column, schema.events)))
    for product in model.products:
        out += [replace(d, path=("products", product, *d.path[1:]))
                for d in check_against_data(model.product_model(product), schema)
                if d.path[:1] == ("behavior",)]
    if model.accounts is not None:
        # The account rubric reads account columns as its own attributes, and the same events.
        account_schema = DataSchema(people=schema.accounts,
                                    events=schema.events | {"member_id"},
                                    event_names=schema.event_names)
        out += _under_accounts(check_against_data(model.accounts.scoring_model(model),
                                                  account_schema))
    return out


def event_lists(model: m.ScoringModel) -> Iterator[tuple[list[str], tuple[str | int, ...]]]:
    """Every list of event names ``model``'s own sections read, with its path in the model.

    Event rules, metrics, velocity and inactivity rules that name their events; an inactivity
    rule without ``event`` reads every event (and there is nothing to look up).
    """
    for i, rule in enumerate(model.behavior.rules):
        if isinstance(rule, m.EventRule):
            yield rule.events, ("behavior", "rules", i, "event")
    for name, metric in model.metrics.items():
        yield metric.events, ("metrics", name, "event")
    for i, velocity in enumerate(model.behavior.velocity):
        yield velocity.events, ("behavior", "velocity", i, "events")
    for i, rule in enumerate(model.behavior.rules):
        if isinstance(rule, m.InactivityRule) and rule.inactivity.events:
            yield rule.inactivity.events, ("behavior", "rules", i, "inactivity", "event")


def events_read(model: m.ScoringModel) -> frozenset[str]:
    """Every event name :func:`check_against_data` looks up (products and accounts included).

    Validation asks the data only whether these occur, a few rows each, and reads all distinct
    names (a scan of every event) only when one of them is missing and needs a hint.
    """
    models = [model, *(model.product_model(p) for p in model.products)]
    if model.accounts is not None:
        models.append(model.accounts.scoring_model(model))
    return frozenset(name for each in models for names, _ in event_lists(each) for name in names)


def _check_events(names: list[str], path: tuple[str | int, ...],
                  schema: DataSchema) -> list[Diagnostic]:
    if schema.event_names is None:
        return []
    out = []
    absent = []
    for name in names:
        if name in schema.event_names:
            continue
        close = _hint(name, schema.event_names)
        if close:
            # A near-miss is almost certainly a typo (the rule would silently never fire).
            out.append(Diagnostic("LS300", f"event '{name}' does not occur in the data",
                                  path=path, hint=close))
        else:
            absent.append(name)
    if absent:
        # An entirely new name may be an event not instrumented yet: warn, once per rule.
        listed = ", ".join(f"'{n}'" for n in absent)
        out.append(Diagnostic(
            "LS300", f"event{'s' if len(absent) > 1 else ''} {listed} "
            f"do{'es' if len(absent) == 1 else ''} not occur in the data", severity="warning",
            path=path, hint="this part of the model will not fire until the events are tracked"))
    return out
