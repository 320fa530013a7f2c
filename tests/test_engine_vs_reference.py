"""The compiled engine agrees with the reference scorer on random models and event logs.

Also checks properties that hold for any model: events after the as-of instant change nothing,
row order changes nothing, and decay by inactivity never raises behavior above its undecayed
value nor pushes it below the floor.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

import ibis
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leadscore.compile.assemble import compile_scores
from leadscore.compile.reason_codes import CODE_COLUMN, reason_codes, with_reason_code
from leadscore.compile.reason_ranks import with_reason_ranks
from leadscore.compile.tables import ScoringTables
from leadscore.explain.reasons import reasons_from_codes, top_reasons
from leadscore.spec.model import ScoringModel
from leadscore.testing.reference import ReferenceScore, reference_score
from tests.strategies import Scenario, World, future_events, scenarios

TOLERANCE = 1e-6
SCORE_COLUMNS = ("fit", "behavior", "total", "behavior_raw")
LABEL_COLUMNS = ("status", "fit_tier", "intent_tier", "matrix")

SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                      HealthCheck.data_too_large])


# --------------------------------------------------------------------------------------------
# Running the engine
# --------------------------------------------------------------------------------------------

EMPLOYEES_TYPES = {"int": pa.int64(), "float": pa.float64(), "str": pa.string()}
PEOPLE_SCHEMA = pa.schema([("person_id", pa.string()), ("account_id", pa.string()),
                           ("email", pa.string()), ("title", pa.string()),
                           ("created_at", pa.timestamp("us")), ("seats", pa.float64())])
EVENTS_SCHEMA = pa.schema([("person_id", pa.string()), ("event", pa.string()),
                           ("ts", pa.timestamp("us")), ("logged_in", pa.bool_()),
                           ("duration_s", pa.float64()), ("feature", pa.string()),
                           ("flag", pa.string())])


def _table(rows: list[dict], schema: pa.Schema) -> pa.Table:
    return pa.table({f.name: pa.array([r.get(f.name) for r in rows], f.type) for f in schema},
                    schema=schema)


def _accounts_schema(employees_type: str) -> pa.Schema:
    return pa.schema([("account_id", pa.string()),
                      ("employees", EMPLOYEES_TYPES[employees_type]),
                      ("industry", pa.string()), ("country", pa.string())])


def _tables(world: World, events: list[dict] | None = None) -> ScoringTables:
    return ScoringTables(
        ibis.memtable(_table(world.people, PEOPLE_SCHEMA)),
        ibis.memtable(_table(world.accounts, _accounts_schema(world.employees_type))),
        ibis.memtable(_table(world.events if events is None else events, EVENTS_SCHEMA)),
    )


def run_engine(con, model: ScoringModel, world: World, as_of: datetime,
               events: list[dict] | None = None) -> dict[str, dict]:
    """Score ``world`` with the compiled engine; rows keyed by ``person_id``."""
    compiled = compile_scores(_tables(world, events), model)
    rows = con.to_pyarrow(compiled.expr, params=compiled.params(as_of)).to_pylist()
    out = {row["person_id"]: row for row in rows}
    assert len(out) == len(rows), "the engine returned a person twice"
    return out


# --------------------------------------------------------------------------------------------
# Comparing
# --------------------------------------------------------------------------------------------


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, abs_tol=TOLERANCE, rel_tol=1e-9)


def expected_row(model: ScoringModel, score: ReferenceScore) -> dict:
    """The reference score in the engine's column names."""
    row = {"fit": score.fit, "behavior": score.behavior, "total": score.total,
           "behavior_raw": score.behavior_raw, "status": score.status,
           "fit_tier": score.fit_tier, "intent_tier": score.intent_tier, "matrix": score.matrix}
    row.update({f"fit__{k}": v for k, v in score.fit_points.items()})
    row.update({f"b__{k}": v for k, v in score.behavior_points.items()})
    row.update({f"v__{k}": v for k, v in score.velocity_points.items()})
    return row


def compared_columns(model: ScoringModel) -> list[str]:
    """Result columns and the points of every rule."""
    return [*SCORE_COLUMNS, *LABEL_COLUMNS, *(f"fit__{r.id}" for r in model.fit.rules),
            *(f"b__{r.id}" for r in model.behavior.rules),
            *(f"v__{v.id}" for v in model.behavior.velocity)]


def differences(model: ScoringModel, actual: dict[str, dict], expected: dict[str, dict]) -> list:
    """Every (person, column, actual, expected) that differs; numbers within 1e-6 are equal."""
    if set(actual) != set(expected):
        return [("people scored", sorted(actual), sorted(expected))]
    out = []
    for person_id in sorted(expected):
        for column in compared_columns(model):
            a, e = actual[person_id].get(column), expected[person_id].get(column)
            if column in LABEL_COLUMNS:
                same = a == e
            else:
                same = _close(None if a is None else float(a), None if e is None else float(e))
            if not same:
                out.append((person_id, column, a, e))
    return out


def describe(scenario: Scenario) -> str:
    world = scenario.world
    return (f"as_of={scenario.as_of!r} views={scenario.views!r} (person p~k is p seen at "
            f"views[k-1])\nmodel={scenario.spec!r}\npeople={world.people!r}\n"
            f"accounts={world.accounts!r} (employees {world.employees_type})\n"
            f"events={world.events!r}")


def reference_rows(scenario: Scenario, world: World | None = None,
                   events: list[dict] | None = None) -> dict[str, dict]:
    world = scenario.world if world is None else world
    scores = reference_score(scenario.model, world.people, world.accounts,
                             world.events if events is None else events, scenario.as_of)
    return {pid: expected_row(scenario.model, s) for pid, s in scores.items()}


def check_decay_bounds(model: ScoringModel, rows: dict[str, dict], who: str) -> None:
    """Decay by inactivity never raises behavior above raw and never crosses the floor (2.7)."""
    decay = model.behavior.decay
    if decay is None or decay.by != "inactivity":
        return
    low = model.behavior.min
    for person_id, row in rows.items():
        raw, behavior = row["behavior_raw"], row["behavior"]
        ceiling = raw if low is None else max(raw, low)
        assert behavior <= ceiling + TOLERANCE, (who, person_id, raw, behavior)
        if raw > decay.floor:
            assert behavior >= decay.floor - TOLERANCE, (who, person_id, raw, behavior)
        else:
            assert math.isclose(behavior, ceiling, abs_tol=TOLERANCE), (who, person_id, raw,
                                                                        behavior)


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


@settings(max_examples=90, **SETTINGS)
@given(scenario=scenarios(max_views=10, max_worlds=3))
def test_engine_matches_reference(con, scenario: Scenario) -> None:
    # One engine run scores the world at as_of and at every view (time-shifted copies).
    world = scenario.expanded()
    actual = run_engine(con, scenario.model, world, scenario.as_of)
    expected = reference_rows(scenario, world)
    diff = differences(scenario.model, actual, expected)
    assert not diff, f"{diff}\n{describe(scenario)}"
    check_decay_bounds(scenario.model, expected, "reference")
    check_decay_bounds(scenario.model, actual, "engine")


@settings(max_examples=40, **SETTINGS)
@given(scenario=scenarios(max_views=3, max_worlds=2))
def test_reasons_from_the_query_equal_the_numpy_ranking(con, scenario: Scenario) -> None:
    # `score` has the engine fold each row's contributions into a reason code
    # (compile/reason_codes.py) or, for continuous points, rank them in the query
    # (compile/reason_ranks.py); explain and backtest rank the contribution columns in NumPy.
    # All must give the same text.
    tables, as_of, model = _tables(scenario.expanded()), scenario.as_of, scenario.model
    full = compile_scores(tables, model)
    lean = compile_scores(tables, model, detail=False)
    by_numpy = con.to_pyarrow(full.expr, params=full.params(as_of))
    by_query = con.to_pyarrow(with_reason_ranks(lean.expr, model, ["person_id"]),
                              params=lean.params(as_of))

    def reasons(table, text):
        return dict(zip(table["person_id"].to_pylist(), text.to_pylist(), strict=True))

    expected = reasons(by_numpy, top_reasons(model, by_numpy))
    assert reasons(by_query, top_reasons(model, by_query)) == expected, describe(scenario)
    layout = reason_codes(model)
    if layout is not None:
        coded = con.to_pyarrow(with_reason_code(lean.expr, layout, ["person_id"]),
                               params=lean.params(as_of))
        # Every positive point the compiler gave is one the layout lists (decoding fails on
        # any other), so the code's reasons are the real ones.
        text = reasons_from_codes(model, layout, coded[CODE_COLUMN])
        assert text is not None, describe(scenario)
        assert reasons(coded, text) == expected, describe(scenario)


@settings(max_examples=20, **SETTINGS)
@given(scenario=scenarios(), data=st.data())
def test_events_after_as_of_change_nothing(con, scenario: Scenario, data) -> None:
    later = data.draw(future_events(scenario.world, scenario.as_of), label="future events")
    events = scenario.world.events + later
    before = run_engine(con, scenario.model, scenario.world, scenario.as_of)
    after = run_engine(con, scenario.model, scenario.world, scenario.as_of, events)
    diff = differences(scenario.model, after, before)
    assert not diff, f"{diff}\nlater={later!r}\n{describe(scenario)}"
    # The oracle obeys the same rule.
    assert reference_rows(scenario, events=events) == reference_rows(scenario)


@settings(max_examples=20, **SETTINGS)
@given(scenario=scenarios(), seed=st.integers(0, 2**32 - 1))
def test_row_order_changes_nothing(con, scenario: Scenario, seed: int) -> None:
    rng = random.Random(seed)
    world = scenario.world
    shuffled = World(rng.sample(world.people, len(world.people)),
                     rng.sample(world.accounts, len(world.accounts)),
                     rng.sample(world.events, len(world.events)), world.employees_type)
    before = run_engine(con, scenario.model, world, scenario.as_of)
    after = run_engine(con, scenario.model, shuffled, scenario.as_of)
    diff = differences(scenario.model, after, before)
    assert not diff, f"{diff}\nshuffled people={shuffled.people!r}\n{describe(scenario)}"
    oracle = reference_score(scenario.model, shuffled.people, shuffled.accounts, shuffled.events,
                             scenario.as_of)
    assert differences(scenario.model,
                       {p: expected_row(scenario.model, s) for p, s in oracle.items()},
                       reference_rows(scenario)) == []


# --------------------------------------------------------------------------------------------
# Exact boundaries: each case at the boundary, one second before and one second after
# --------------------------------------------------------------------------------------------

T = datetime(2024, 3, 10, 12, 0, 0)
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)
SECOND = timedelta(seconds=1)


def _ev(name: str, ts: datetime, **props) -> dict:
    return {"event": name, "ts": ts, **props}


# id -> (model, d -> (created_at, events of the person), column, values at d = -1 s, 0, +1 s).
# The expected values are read off docs/semantics.md; the engine and the reference must both
# give them.
BOUNDARIES = {
    "window_last_is_open_at_T_minus_w": (  # §2.1: T - w < ts
        {"behavior": {"rules": [{"id": "r", "event": "login", "window": "7d", "points": 10}]}},
        lambda d: (None, [_ev("login", T - 7 * DAY + d)]), "b__r", (0, 0, 10)),
    "window_first_is_half_open": (  # §2.1: created_at <= ts < created_at + w
        {"behavior": {"rules": [{"id": "r", "event": "login", "window": {"first": "7d"},
                                 "points": 10}]}},
        lambda d: (T - 10 * DAY, [_ev("login", T - 3 * DAY + d)]), "b__r", (10, 0, 0)),
    "window_first_starts_at_created_at": (
        {"behavior": {"rules": [{"id": "r", "event": "login", "window": {"first": "7d"},
                                 "points": 10}]}},
        lambda d: (T - 10 * DAY, [_ev("login", T - 10 * DAY + d)]), "b__r", (0, 10, 10)),
    "lookback_is_open": (  # §2.1: T - L < ts
        {"behavior": {"lookback": "30d", "rules": [{"id": "r", "event": "login", "points": 10}]}},
        lambda d: (None, [_ev("login", T - 30 * DAY + d)]), "b__r", (0, 0, 10)),
    "events_at_T_are_visible": (  # §0: ts <= T
        {"behavior": {"rules": [{"id": "r", "event": "login", "points": 10}]}},
        lambda d: (None, [_ev("login", T + d)]), "b__r", (10, 10, 0)),
    "velocity_window_is_open": (  # §2.5: within the last window
        {"behavior": {"velocity": [{"id": "v", "events": ["login"], "min_count": 2,
                                    "within": "2h", "window": "7d", "bonus": 10}]}},
        lambda d: (None, [_ev("login", T - 7 * DAY + d), _ev("login", T - 7 * DAY + d + HOUR)]),
        "v__v", (0, 0, 10)),
    "velocity_span_is_shorter_than_within": (  # §2.5: ts(e_last) - ts(e_first) < within
        {"behavior": {"velocity": [{"id": "v", "events": ["login", "invite"], "min_count": 2,
                                    "within": "1h", "bonus": 10}]}},
        lambda d: (None, [_ev("login", T - DAY), _ev("invite", T - DAY + HOUR + d)]),
        "v__v", (10, 0, 0)),
    "speed_is_less_than_within": (  # §2.2: earliest matching event less than W after sign-up
        {"behavior": {"rules": [{"id": "r", "event": "login", "points": 10,
                                 "speed": {"within": "1d", "multiplier": 2}}]}},
        lambda d: (T - 5 * DAY, [_ev("login", T - 4 * DAY + d)]), "b__r", (20, 10, 10)),
    "inactivity_counts_full_periods": (  # §2.2: floor((T - since) / P)
        {"behavior": {"rules": [{"id": "r", "inactivity": {"event": "login", "every": "7d"},
                                 "points": -5}]}},
        lambda d: (None, [_ev("login", T - 7 * DAY + d), _ev("invite", T - HOUR)]),
        "b__r", (-5, -5, 0)),
    "inactivity_since_created_at": (
        {"behavior": {"rules": [{"id": "r", "inactivity": {"every": "7d"}, "points": -5,
                                 "cap": 7}]}},
        lambda d: (T - 14 * DAY + d, []), "b__r", (-7, -7, -5)),
    "decay_grace_and_full_periods": (  # §2.7: floor((T - last - grace) / every)
        {"behavior": {"rules": [{"id": "r", "event": "login", "per": 10}],
                      "decay": {"method": "linear", "every": "7d", "points": 10,
                                "grace": "1d", "floor": 5}}},
        lambda d: (None, [_ev("login", T - 8 * DAY + d)] * 3), "behavior", (20, 20, 30)),
    "decay_activity_events_only": (  # §2.7: the latest event named in decay.activity
        {"behavior": {"rules": [{"id": "r", "event": "login", "per": 10}],
                      "decay": {"method": "percent", "every": "7d", "percent": 50,
                                "activity": ["login"]}}},
        lambda d: (None, [_ev("login", T - 14 * DAY + d)] * 4 + [_ev("invite", T)]),
        "behavior", (10, 10, 20)),
    "velocity_bonus_decays_by_its_latest_burst": (  # §2.5 under event-age decay
        {"behavior": {"velocity": [{"id": "v", "events": ["login"], "min_count": 2,
                                    "within": "1h", "bonus": 8}],
                      "decay": {"method": "half_life", "half_life": "2d", "by": "event_age"}}},
        lambda d: (None, [_ev("login", T - 6 * DAY), _ev("login", T - 6 * DAY + 60 * SECOND),
                          _ev("login", T - 2 * DAY - 60 * SECOND), _ev("login", T - 2 * DAY + d)]),
        "v__v", (8 * 0.5 ** ((2 * 86400 + 1) / (2 * 86400)), 4, 8 * 0.5 ** ((2 * 86400 - 1)
                                                                            / (2 * 86400)))),
}


@pytest.mark.parametrize("case", sorted(BOUNDARIES))
def test_boundaries(con, case: str) -> None:
    spec, build, column, values = BOUNDARIES[case]
    model = ScoringModel.model_validate({"name": case, **spec})
    people, events = [], []
    for label, d in (("before", -SECOND), ("at", timedelta(0)), ("after", SECOND)):
        created_at, own = build(d)
        people.append({"person_id": label, "created_at": created_at})
        events += [{"person_id": label, **e} for e in own]
    world = World(people, [], events, "int")
    actual = run_engine(con, model, world, T)
    expected = {pid: expected_row(model, s)
                for pid, s in reference_score(model, people, [], events, T).items()}
    assert differences(model, actual, expected) == []
    got = tuple(expected[label][column] for label in ("before", "at", "after"))
    assert all(math.isclose(g, v, abs_tol=TOLERANCE) for g, v in zip(got, values, strict=True)), (
        got, values)


def test_people_created_at_T_are_scored(con) -> None:
    model = ScoringModel.model_validate({"name": "created"})
    people = [{"person_id": "before", "created_at": T - SECOND},
              {"person_id": "at", "created_at": T},
              {"person_id": "after", "created_at": T + SECOND},
              {"person_id": "unknown", "created_at": None}]
    actual = run_engine(con, model, World(people, [], [], "int"), T)
    assert set(actual) == set(reference_score(model, people, [], [], T)) == {"before", "at",
                                                                               "unknown"}


# --------------------------------------------------------------------------------------------
# Rarely drawn corners: engine == reference == the value read off docs/semantics.md
# --------------------------------------------------------------------------------------------

def _login(person: str, ago: timedelta, **props) -> dict:
    return {"person_id": person, "event": "login", "ts": T - ago, **props}


# id -> (behavior section, events, {person: {column: expected}}); people p, q, r have no
# created_at.
CORNERS = {
    "bare_names_read_leniently": (  # §2.1
        {"rules": [{"id": "flag", "event": "login", "per": 1, "where": "flag"},
                   {"id": "not_flag", "event": "login", "per": 1, "where": "not flag"},
                   {"id": "number", "event": "login", "per": 1, "where": "duration_s"}]},
        [_login("p", DAY, flag=" TRUE ", duration_s=-2.0), _login("p", DAY, flag="Y"),
         _login("p", DAY, flag="no", duration_s=0.0), _login("p", DAY, flag="", duration_s=3.0),
         _login("q", DAY, flag="1"), _login("q", DAY, flag="true1")],
        {"p": {"b__flag": 2, "b__not_flag": 2, "b__number": 2},
         "q": {"b__flag": 1, "b__not_flag": 1, "b__number": 0}}),
    "kleene_and_or": (  # §2.1: unknown and false = false, unknown or true = true
        {"rules": [{"id": "a", "event": "login", "per": 1, "where": "not (logged_in and false)"},
                   {"id": "o", "event": "login", "per": 1, "where": "logged_in or true"},
                   {"id": "u", "event": "login", "per": 1, "where": "logged_in or false"}]},
        [_login("p", DAY), _login("p", DAY, logged_in=False)],
        {"p": {"b__a": 2, "b__o": 2, "b__u": 0}}),
    "group_tie_goes_to_the_first_rule": (  # §2.3
        {"rules": [{"id": "a", "event": "login", "points": 10, "group": "g"},
                   {"id": "b", "event": "login", "points": 10, "group": "g"},
                   {"id": "c", "event": "login", "per": 4, "group": "g"}]},
        [_login("p", DAY), _login("q", DAY), _login("q", DAY), _login("q", DAY)],
        {"p": {"b__a": 10, "b__b": 0, "b__c": 0}, "q": {"b__a": 0, "b__b": 0, "b__c": 12}}),
    "event_age_weights_each_event_then_caps": (  # §2.4
        {"rules": [{"id": "c", "event": "login", "per": 8, "cap": 10},
                   {"id": "s", "event": "login", "per": 1, "measure": {"sum": "duration_s"}}],
         "decay": {"method": "half_life", "half_life": "1d", "by": "event_age"}},
        [_login("p", timedelta(0), duration_s=4.0), _login("p", DAY, duration_s=None),
         _login("q", DAY, duration_s=4.0), _login("q", 2 * DAY, duration_s=8.0)],
        {"p": {"b__c": 10, "b__s": 4}, "q": {"b__c": 6, "b__s": 4}}),
    "velocity_multiplier_after_groups_and_max": (  # §2.5, §2.6
        {"max": 12, "rules": [{"id": "a", "event": "login", "points": 10, "group": "g"},
                              {"id": "b", "event": "login", "points": 5, "group": "g"},
                              {"id": "c", "event": "login", "points": 4}],
         "velocity": [{"id": "v", "events": ["login"], "min_count": 2, "within": "1h",
                       "multiplier": 0.5, "of": ["a", "b", "c"]}]},
        [_login("p", DAY), _login("p", DAY - 60 * SECOND)],
        {"p": {"b__a": 10, "b__b": 0, "v__v": 7, "behavior_raw": 19, "behavior": 19}}),
    "percent_and_half_life_decay": (  # §2.7
        {"rules": [{"id": "r", "event": "login", "per": 40}],
         "decay": {"method": "half_life", "half_life": "10d", "grace": "5d", "floor": 15}},
        [_login("p", 15 * DAY), _login("q", 100 * DAY)],
        {"p": {"behavior_raw": 40, "behavior": 20}, "q": {"behavior_raw": 40, "behavior": 15}}),
}


@pytest.mark.parametrize("case", sorted(CORNERS))
def test_corners(con, case: str) -> None:
    behavior, events, expectations = CORNERS[case]
    model = ScoringModel.model_validate({"name": case, "behavior": behavior})
    people = [{"person_id": pid, "created_at": None} for pid in ("p", "q", "r")]
    actual = run_engine(con, model, World(people, [], events, "int"), T)
    expected = {pid: expected_row(model, s)
                for pid, s in reference_score(model, people, [], events, T).items()}
    assert differences(model, actual, expected) == []
    for pid, columns in expectations.items():
        for column, value in columns.items():
            assert math.isclose(expected[pid][column], value, abs_tol=TOLERANCE), (
                pid, column, expected[pid][column], value)


# --------------------------------------------------------------------------------------------
# Former disagreements between the engine and docs/semantics.md, kept as regression tests
# --------------------------------------------------------------------------------------------

EMAIL_DOMAIN_MODEL = {"fit": {"rules": [{"id": "domain", "field": "email_domain", "missing": -1,
                                         "cases": [{"not_in": ["gmail.com"], "points": 5}]}]}}


@pytest.mark.parametrize("email", ["", "   ", "x@", "nobody"])
def test_email_without_domain_is_missing(con, email: str) -> None:
    model = ScoringModel.model_validate({"name": "email", **EMAIL_DOMAIN_MODEL})
    people = [{"person_id": "p", "email": email}]
    actual = run_engine(con, model, World(people, [], [], "int"), T)
    assert reference_score(model, people, [], [], T)["p"].fit_points == {"domain": -1}
    assert actual["p"]["fit__domain"] == -1


def test_missing_value_divided_by_zero_stays_missing(con) -> None:
    model = ScoringModel.model_validate({"name": "div", "behavior": {"rules": [
        {"id": "r", "event": "login", "per": 1, "where": "duration_s / 0 == 0"}]}})
    people = [{"person_id": "p"}]
    events = [{"person_id": "p", "event": "login", "ts": T - DAY, "duration_s": None},
              {"person_id": "p", "event": "login", "ts": T - DAY, "duration_s": 7.0}]
    actual = run_engine(con, model, World(people, [], events, "int"), T)
    assert reference_score(model, people, [], events, T)["p"].behavior_points == {"r": 1}
    assert actual["p"]["b__r"] == 1
