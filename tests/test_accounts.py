"""Account scores (docs/semantics.md §5): the engine agrees with the reference scorer.

Random person models from ``tests/strategies.py`` get a random ``accounts`` section — roll-ups
of every kind with and without conditions, an account fit rule, account behavior rules and
metrics over the team's events, weights, clamps and statuses naming roll-ups — and the compiled
account expression must give the reference's numbers, account by account. Plus the playbook's
examples: an account PQL at 120 when a person is one at 60, and three engaged contacts
escalating an account.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import ibis
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from leadscore.compile.accounts import compile_account_scores
from leadscore.compile.tables import ScoringTables
from leadscore.spec.loader import load_model_text
from leadscore.spec.model import ScoringModel
from leadscore.testing.reference import reference_account_scores
from tests.strategies import (
    EVENT_NAMES,
    Scenario,
    World,
    event_filter,
    event_rule,
    grid_times,
    scenarios,
    validate,
)
from tests.test_engine_vs_reference import (
    EVENTS_SCHEMA,
    PEOPLE_SCHEMA,
    SETTINGS,
    _accounts_schema,
    _close,
    _table,
)

T = datetime(2026, 3, 1)


# Events may carry their own account (account-level events have no person).
ACCOUNT_EVENTS_SCHEMA = EVENTS_SCHEMA.append(pa.field("account_id", pa.string()))


def run_accounts(con, model: ScoringModel, world: World, as_of: datetime) -> dict[str, dict]:
    tables = ScoringTables(ibis.memtable(_table(world.people, PEOPLE_SCHEMA)),
                           ibis.memtable(_table(world.accounts,
                                                _accounts_schema(world.employees_type))),
                           ibis.memtable(_table(world.events, ACCOUNT_EVENTS_SCHEMA)))
    compiled = compile_account_scores(tables, model)
    rows = con.to_pyarrow(compiled.expr, params=compiled.params(as_of)).to_pylist()
    out = {row["account_id"]: row for row in rows}
    assert len(out) == len(rows), "the engine returned an account twice"
    return out


ROLLUP_WHERES = [None, "behavior >= 10", "total > 0", "status == 'PQL'", "fit >= 5 or "
                 "engagement > 20", "not (total < 15)"]


@st.composite
def rollup(draw) -> dict:
    how = draw(st.sampled_from(["sum", "max", "mean", "count", "top_k"]))
    spec: dict[str, Any] = {"how": how}
    if how != "count":
        spec["of"] = draw(st.sampled_from(["fit", "behavior", "total"]))
    if how == "top_k":
        spec["k"] = draw(st.sampled_from([1, 2, 3]))
    where = draw(st.sampled_from(ROLLUP_WHERES))
    if where is not None:
        spec["where"] = where
    return spec


@st.composite
def account_scenarios(draw) -> Scenario:
    base = draw(scenarios())
    spec = dict(base.spec)
    rollups = {f"u{i}": draw(rollup()) for i in range(draw(st.sampled_from([0, 1, 2, 3])))}
    metrics = {f"am{i}": draw(event_filter()) for i in range(draw(st.sampled_from([0, 1])))}
    rules = [draw(event_rule(f"ar{i}")) for i in range(draw(st.sampled_from([0, 1, 2])))]
    if metrics:
        rules.append({"id": "arf", "formula": "am0 * 3", "cap": 20})
    accounts: dict[str, Any] = {"rollups": rollups, "metrics": metrics,
                                "behavior": {"rules": rules}}
    if draw(st.booleans()):
        accounts["people"] = draw(rollup())
    if draw(st.booleans()):
        accounts["fit"] = {"rules": [{"id": "size", "field": "employees", "cases": [
            {"between": [50, 500], "points": 15}, {"min": 501, "points": 5}], "missing": -2}]}
    if draw(st.booleans()):
        accounts["total"] = {"people_weight": draw(st.sampled_from([0.5, 1, 2])),
                             "fit_weight": draw(st.sampled_from([0, 1])),
                             **({"max": 120} if draw(st.booleans()) else {})}
    atoms = ["people >= {x}", "total > {x}", "behavior >= 1", "fit > 0"]
    atoms += [f"{name} >= {{y}}" for name in rollups] + [f"{name} > 0" for name in metrics]
    statuses = []
    for name in draw(st.lists(st.sampled_from(["PQA", "Escalate", "Watch"]), max_size=2,
                              unique=True)):
        atom = draw(st.sampled_from(atoms)).format(x=draw(st.sampled_from([0, 20, 60, 120])),
                                                   y=draw(st.sampled_from([1, 2, 30])))
        statuses.append({"name": name, "when": atom})
    accounts["statuses"] = statuses
    spec["accounts"] = accounts
    # Account-level events (no person; an intent feed), and person events tagged with an
    # account of their own, which wins over the person's.
    extra = [{"person_id": None, "account_id": draw(st.sampled_from(["a0", " a1 ", "a2", ""])),
              "event": draw(st.sampled_from(EVENT_NAMES)), "ts": draw(grid_times())}
             for _ in range(draw(st.integers(0, 4)))]
    events = [dict(e, account_id=draw(st.sampled_from([None, None, None, "a2"])))
              for e in base.world.events]
    world = World(base.world.people, base.world.accounts, events + extra,
                  base.world.employees_type)
    return Scenario(validate(spec), spec, world, base.as_of)


@settings(max_examples=60, **SETTINGS)
@given(scenario=account_scenarios())
def test_account_engine_matches_reference(con, scenario: Scenario) -> None:
    world = scenario.world
    actual = run_accounts(con, scenario.model, world, scenario.as_of)
    expected = reference_account_scores(scenario.model, world.people, world.accounts,
                                        world.events, scenario.as_of)
    assert set(actual) == set(expected), (sorted(actual), sorted(expected))
    for account_id, ref in expected.items():
        row = actual[account_id]
        where = f"{account_id}\nmodel={scenario.spec!r}\nworld={world!r}\nas_of={scenario.as_of}"
        for column in ("people", "fit", "behavior", "total"):
            assert _close(row[column], getattr(ref, column)), (column, row[column], where)
        for name, value in ref.rollups.items():
            assert _close(row[f"r__{name}"], value), (name, row[f"r__{name}"], value, where)
        assert (row["status"], row["fit_tier"], row["intent_tier"]) == (
            ref.status, ref.fit_tier, ref.intent_tier), where


PLAYBOOK = """\
name: feature-adoption accounts
behavior:
  rules:
    - {id: sso, event: sso_enabled, window: 14d, points: 25}
    - {id: api_key, event: api_key_created, points: 15}
    - {id: export, event: data_exported, points: 20}
statuses:
  - {name: PQL, when: behavior >= 60}
accounts:
  people: {how: sum, of: behavior}
  rollups:
    engaged: {how: count, where: "behavior >= 40"}
  statuses:
    - {name: Escalate, when: engaged >= 3}
    - {name: PQA, when: people >= 120}
"""


def _world(rows: dict[str, list[str]]) -> tuple[list, list, list]:
    people, events = [], []
    for person, names in rows.items():
        account = person.split("-")[0]
        people.append({"person_id": person, "account_id": account,
                       "created_at": T - timedelta(days=30)})
        events += [{"person_id": person, "event": name, "ts": T - timedelta(days=2)}
                   for name in names]
    accounts = [{"account_id": a} for a in sorted({p["account_id"] for p in people})]
    return people, accounts, events


def test_playbook_person_pql_60_account_pql_120(con) -> None:
    model = load_model_text(PLAYBOOK).model
    all_three = ["sso_enabled", "api_key_created", "data_exported"]
    people, accounts, events = _world({
        "acme-ana": all_three, "acme-bo": all_three,          # two PQLs: 60 + 60 = 120
        "beta-cy": all_three, "beta-di": ["sso_enabled"],     # 60 + 25 = 85
        "gamma-ed": ["sso_enabled", "api_key_created"],       # three engaged (40 each)
        "gamma-fa": ["sso_enabled", "api_key_created"],
        "gamma-gu": ["data_exported", "sso_enabled"],
    })
    world = World(people, [dict(a, employees=None, industry=None, country=None)
                           for a in accounts], events, "int")
    rows = run_accounts(con, model, world, T)
    assert {k: (v["people"], v["r__engaged"], v["status"]) for k, v in rows.items()} == {
        "acme": (120.0, 2.0, "PQA"), "beta": (85.0, 1.0, None),
        "gamma": (125.0, 3.0, "Escalate")}
    reference = reference_account_scores(model, people, accounts, events, T)
    assert {k: v.status for k, v in reference.items()} == {k: v["status"]
                                                          for k, v in rows.items()}


def test_events_after_as_of_change_no_account_score(con) -> None:
    model = load_model_text(PLAYBOOK).model
    people, accounts, events = _world({"acme-ana": ["sso_enabled", "api_key_created"]})
    world = World(people, [dict(a, employees=None, industry=None, country=None)
                           for a in accounts], events, "int")
    before = run_accounts(con, model, world, T)
    later = [*events, {"person_id": "acme-ana", "event": "data_exported",
                       "ts": T + timedelta(hours=1)}]
    after = run_accounts(con, model, World(people, world.accounts, later, "int"), T)
    assert before == after


def test_account_reasons_lead_with_the_weighted_people_score() -> None:
    import pyarrow as pa

    from leadscore.project import _with_people

    reasons = pa.array(["Seats +12", "", "", "Intent +20"])
    people = pa.chunked_array([[1.0, 0.0, 5.25, 0.0]])
    assert _with_people(reasons, people, -1).to_pylist() == [
        "people -1; Seats +12", "", "people -5.2", "Intent +20"]


def test_account_transitions_are_recorded(tmp_path) -> None:
    from leadscore import lifecycle
    from leadscore.project import Project
    from leadscore.scaffold import init_project

    init_project(tmp_path, preset="feature-adoption", end=T)
    project = Project.load(tmp_path)
    try:
        for as_of in (T, T + timedelta(days=30)):
            project.write(project.score(as_of=as_of))
        rows = lifecycle.transitions(project, entity_type="account").to_pylist()
        # Northwind's PQL people fade below 120 together within a month: it enters, then exits.
        assert [(r["entity_id"], r["kind"], r["status"], r["as_of"]) for r in rows] == [
            ("northwind", "entered", "PQL", T), ("northwind", "exited", "PQL",
                                                 T + timedelta(days=30))]
    finally:
        project.close()
