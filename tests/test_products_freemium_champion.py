"""Multi-product models (§6), the freemium ceiling (§2.8) and champion movement (§1.1).

Each is checked against the reference scorer (Hypothesis where the inputs vary) and on the
seeds' own examples; explanations still add up.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from leadscore.compile.assemble import compile_scores
from leadscore.compile.tables import ScoringTables
from leadscore.project import Project
from leadscore.scaffold import init_project
from leadscore.spec.loader import load_model_text
from leadscore.spec.model import ScoringModel
from leadscore.spec.semantic import DataSchema, check_against_data
from leadscore.testing.reference import reference_score
from tests.strategies import Scenario, World, decay_spec, event_rule, scenarios, validate
from tests.test_engine_vs_reference import SETTINGS, _close, run_engine

T = datetime(2026, 3, 1)


@st.composite
def product_scenarios(draw) -> Scenario:
    """A random model whose behavior becomes product ``a``, plus a random product ``b``."""
    base = draw(scenarios())
    spec = dict(base.spec)
    behavior = spec.pop("behavior")
    second: dict[str, Any] = {"rules": [draw(event_rule(f"s{i}"))
                                        for i in range(draw(st.integers(1, 3)))]}
    decay = draw(decay_spec())
    if decay is not None:
        second["decay"] = decay
    if draw(st.booleans()):
        second["max"] = draw(st.sampled_from([20, 40]))
    spec["products"] = {"a": behavior, "b": second}
    if draw(st.booleans()):
        spec["cross_product"] = {"bonus": draw(st.sampled_from([10, 15])),
                                 "active_above": draw(st.sampled_from([0, 5]))}
    statuses = list(spec.get("statuses", []))
    if draw(st.booleans()):
        statuses.append({"name": "Both", "when": "a > 0 and b > 0"})
    spec["statuses"] = statuses
    return Scenario(validate(spec), spec, base.world, base.as_of)


@settings(max_examples=40, **SETTINGS)
@given(scenario=product_scenarios())
def test_products_engine_matches_reference(con, scenario: Scenario) -> None:
    world = scenario.world
    actual = run_engine(con, scenario.model, world, scenario.as_of)
    expected = reference_score(scenario.model, world.people, world.accounts, world.events,
                               scenario.as_of)
    assert set(actual) == set(expected)
    for person, ref in expected.items():
        row = actual[person]
        where = f"{person}\nmodel={scenario.spec!r}\nworld={world!r}\nas_of={scenario.as_of}"
        for column in ("fit", "behavior", "total"):
            assert _close(row[column], getattr(ref, column)), (column, row[column], where)
        assert (row["status"], row["fit_tier"], row["intent_tier"], row["matrix"]) == (
            ref.status, ref.fit_tier, ref.intent_tier, ref.matrix), where


MODEL = """\
name: two products
products:
  analytics:
    rules:
      - {id: dashboards, event: dashboard_created, per: 10, cap: 40}
  crm:
    rules:
      - {id: deals, event: deal_created, per: 15, cap: 45}
cross_product: {bonus: 15}
statuses:
  - {name: PQL, when: behavior >= 50}
"""


def test_behavior_is_the_best_product_not_the_sum(con) -> None:
    model = load_model_text(MODEL).model
    people = [{"person_id": p} for p in ("ana", "bo", "cy")]
    events = ([{"person_id": "ana", "event": "dashboard_created", "ts": T - timedelta(days=1)}]
              * 3 + [{"person_id": "ana", "event": "deal_created", "ts": T - timedelta(days=1)}]
              + [{"person_id": "bo", "event": "deal_created", "ts": T - timedelta(hours=h)}
                 for h in (1, 2, 3)]
              + [{"person_id": "cy", "event": "login", "ts": T - timedelta(days=1)}])
    rows = run_engine(con, model, World(people, [], events, "int"), T)
    # ana: analytics 30, crm 15 -> 30 + 15 (two active products) = 45; bo: crm 45 alone.
    assert {p: (r["product"], r["behavior"], r["status"]) for p, r in rows.items()} == {
        "ana": ("analytics", 45.0, None), "bo": ("crm", 45.0, None),
        "cy": ("analytics", 0.0, None)}
    # What each rule counted: the driving product's points, 0 for the other product's.
    assert (rows["ana"]["b__dashboards"], rows["ana"]["b__deals"]) == (30.0, 0.0)
    assert (rows["ana"]["pbr__deals"], rows["ana"]["cross_product"]) == (15.0, 15.0)


def test_product_explanation_adds_up(tmp_path) -> None:

    init_project(tmp_path, people=200, end=T)
    (tmp_path / "model.yaml").write_text("""\
name: analytics and collaboration
fit:
  rules:
    - {id: size, field: account.employees, cases: [{between: [50, 500], points: 15}]}
products:
  analytics:
    rules:
      - {id: core, event: core_feature_used, per: 2, cap: 30}
      - {id: reports, event: report_generated, per: 3, cap: 15}
  collaboration:
    rules:
      - {id: invites, event: teammate_invited, per: 10, cap: 30}
    decay: {method: half_life, half_life: 14d, by: event_age}
cross_product: {bonus: 10, active_above: 5}
statuses:
  - {name: PQL, when: total >= 50}
""")
    project = Project.load(tmp_path)
    try:
        result = project.score(as_of=T)
        best = result.ranked(1)[0]
        explanation = project.explain(best["person_id"], as_of=T)
    finally:
        project.close()
    counted = sum(line.points for line in explanation.behavior_rules)
    counted += sum(a.points for a in explanation.behavior_adjustments)
    assert math.isclose(counted, explanation.behavior, abs_tol=1e-9)
    assert any(a.name.startswith("product:") for a in explanation.behavior_adjustments)
    assert all(line.label.startswith("[") for line in explanation.behavior_rules)


def test_freemium_ceiling_caps_long_free_users_and_explains_it(tmp_path) -> None:
    """The seeds: free for more than 90 days and no upgrade signal -> behavior at most 40."""


    days = timedelta(days=1)
    people = [{"person_id": "old", "plan": "Free", "created_at": T - 120 * days},
              {"person_id": "new", "plan": "free", "created_at": T - 30 * days},
              {"person_id": "shopping", "plan": "free", "created_at": T - 200 * days},
              {"person_id": "paying", "plan": "pro", "created_at": T - 200 * days}]
    events = [{"person_id": p["person_id"], "event": "core_feature_used", "ts": T - k * days}
              for p in people for k in range(1, 13)]
    events.append({"person_id": "shopping", "event": "pricing_page_viewed", "ts": T - 2 * days})
    (tmp_path / "data").mkdir()
    pq.write_table(pa.Table.from_pylist(people), tmp_path / "data" / "people.parquet")
    pq.write_table(pa.Table.from_pylist(events), tmp_path / "data" / "events.parquet")
    (tmp_path / "leadscore.yaml").write_text(
        "sources:\n  people: {path: data/people.parquet}\n  events: {path: data/events.parquet}\n")
    (tmp_path / "model.yaml").write_text("""\
name: freemium
metrics:
  upgrade_signals_30d: {event: [pricing_page_viewed, checkout_started], window: 30d}
behavior:
  rules:
    - {id: core, event: core_feature_used, per: 5, cap: 60}
  freemium: {field: plan, free: [free], after: 90d, unless: upgrade_signals_30d, max: 40}
""")
    project = Project.load(tmp_path)
    try:
        rows = {r["person_id"]: r["behavior"] for r in project.score(as_of=T).table.to_pylist()}
        explanation = project.explain("old", as_of=T)
    finally:
        project.close()
    assert rows == {"old": 40.0, "new": 60.0, "shopping": 60.0, "paying": 60.0}
    ceiling = [a for a in explanation.behavior_adjustments if a.name == "freemium"]
    assert [a.points for a in ceiling] == [-20.0]
    total = sum(line.points for line in explanation.behavior_rules) + sum(
        a.points for a in explanation.behavior_adjustments)
    assert math.isclose(total, explanation.behavior)


CHAMPION_MODEL = {"name": "champions", "fit": {"max": 45, "champion": {
    "link": "linkedin", "power_user": "power_user", "nps": "nps", "label": "Champion"}}}


@st.composite
def champion_people(draw) -> list[dict]:
    count = draw(st.integers(1, 7))
    return [{"person_id": f"p{i}",
             "email": draw(st.sampled_from(["a@acme.io", "b@beta.io", "c@Acme.IO ", "d@gmail.com",
                                            None, "nobody"])),
             "linkedin": draw(st.sampled_from(["in/ana", " IN/ana", "in/bo", "", None])),
             "power_user": draw(st.sampled_from([True, False, None])),
             "nps": draw(st.sampled_from([None, 8.0, 9.0, 10.0])),
             "created_at": draw(st.sampled_from([None, *(T - timedelta(days=d)
                                                          for d in (1, 5, 5, 30, 400))]))}
            for i in range(count)]


@settings(max_examples=60, **SETTINGS)
@given(people=champion_people())
def test_champion_movement_matches_reference(con, people: list[dict]) -> None:


    model = ScoringModel.model_validate(CHAMPION_MODEL)
    schema = pa.schema([("person_id", pa.string()), ("email", pa.string()),
                        ("linkedin", pa.string()), ("power_user", pa.bool_()),
                        ("nps", pa.float64()), ("created_at", pa.timestamp("us"))])
    table = pa.Table.from_pylist(people, schema=schema)
    compiled = compile_scores(ScoringTables(ibis.memtable(table)), model)
    rows = {r["person_id"]: r for r in
            con.to_pyarrow(compiled.expr, params=compiled.params(T)).to_pylist()}
    expected = reference_score(model, people, [], [], T)
    assert {p: (r["fit__champion"], r["fit"]) for p, r in rows.items()} == {
        p: (s.fit_points["champion"], s.fit) for p, s in expected.items()}, people


def test_champion_movement_from_the_seed(con) -> None:
    """+40 for an alumnus signing up from a new company domain, +10 with a prior NPS of 9+."""


    days = timedelta(days=1)
    people = [
        {"person_id": "ana-old", "email": "ana@acme.io", "linkedin": "in/ana",
         "power_user": True, "nps": 10.0, "created_at": T - 400 * days},
        {"person_id": "ana-new", "email": "ana@newco.io", "linkedin": "in/ana",
         "power_user": False, "nps": None, "created_at": T - 2 * days},
        {"person_id": "bo-old", "email": "bo@acme.io", "linkedin": "in/bo",
         "power_user": True, "nps": 6.0, "created_at": T - 300 * days},
        {"person_id": "bo-new", "email": "bo@other.io", "linkedin": "in/bo",
         "power_user": False, "nps": None, "created_at": T - 1 * days},
        {"person_id": "cy-old", "email": "cy@acme.io", "linkedin": "in/cy",
         "power_user": False, "nps": 10.0, "created_at": T - 300 * days},
        {"person_id": "cy-new", "email": "cy@other.io", "linkedin": "in/cy",
         "power_user": False, "nps": None, "created_at": T - 1 * days},
    ]
    model = ScoringModel.model_validate({"name": "c", "fit": {"champion": {
        "link": "linkedin", "nps": "nps"}}})
    compiled = compile_scores(ScoringTables(ibis.memtable(pa.Table.from_pylist(people))), model)
    rows = {r["person_id"]: r["fit"] for r in
            con.to_pyarrow(compiled.expr, params=compiled.params(T)).to_pylist()}
    assert rows == {"ana-old": 0, "ana-new": 50, "bo-old": 0, "bo-new": 40, "cy-old": 0,
                    "cy-new": 0}


def test_champion_columns_are_checked_against_the_data() -> None:

    model = ScoringModel.model_validate(CHAMPION_MODEL)
    found = check_against_data(model, DataSchema(people=frozenset({"person_id", "linkedin"})))
    assert sorted((d.code, d.path[-1], d.severity) for d in found) == [
        ("LS301", "champion", "error"), ("LS301", "nps", "error"),
        ("LS301", "power_user", "error")]
    complete = DataSchema(people=frozenset({"person_id", "linkedin", "power_user", "nps",
                                            "email"}))
    assert check_against_data(model, complete) == []
