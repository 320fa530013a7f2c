"""The reference scorer alone reproduces the worked examples of the seeds and semantics.md."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from leadscore.spec.loader import load_model
from leadscore.spec.model import ScoringModel
from leadscore.testing.reference import reference_score

PRESET = Path(__file__).resolve().parents[1] / "src" / "leadscore" / "presets" / "product-led.yaml"
T = datetime(2024, 3, 10, 12, 0, 0)


@pytest.fixture(scope="module")
def product_led() -> ScoringModel:
    return load_model(PRESET).model


def _vp_marketing_world() -> tuple[list[dict], list[dict], list[dict]]:
    """The seeds' PQL example: a VP Marketing at a 120-employee US SaaS company on Salesforce."""
    created = T - timedelta(days=5)
    people = [{"person_id": "p1", "account_id": "a1", "email": "jane@acme.io",
               "title": "VP Marketing", "created_at": created}]
    accounts = [{"account_id": "a1", "employees": 120, "industry": "SaaS", "country": "US",
                 "tech_stack": "Salesforce, Slack"}]
    events: list[dict] = []

    def add(name: str, at: datetime, **props) -> None:
        events.append({"person_id": "p1", "event": name, "ts": at, **props})

    start = created + timedelta(hours=1)
    add("onboarding_progress", start, progress=0.5)
    add("onboarding_progress", start + timedelta(minutes=20), progress=1.0)
    add("onboarding_completed", start + timedelta(minutes=21))
    for i in range(5):  # core feature x5 in week 1
        add("core_feature_used", start + timedelta(hours=2 + i), feature="dashboards")
    add("integration_connected", start + timedelta(hours=8), integration_type="crm")
    add("teammate_invited", start + timedelta(hours=9))
    add("teammate_invited", start + timedelta(hours=10))
    add("pricing_page_viewed", start + timedelta(hours=11), logged_in=True, duration_s=95.0)
    return people, accounts, events


def test_pql_worked_example(product_led: ScoringModel) -> None:
    people, accounts, events = _vp_marketing_world()
    score = reference_score(product_led, people, accounts, events, T)["p1"]

    assert score.fit_points == {"company_size": 15, "industry": 10, "seniority": 10,
                                "tech_stack": 8, "geography": 7, "competitor": 0,
                                "personal_email": 0, "student": 0}
    assert score.fit == 50
    assert score.behavior_points["onboarding"] == 15
    assert score.behavior_points["core_feature"] == 20
    assert score.behavior_points["integration"] == 15
    assert score.behavior_points["invites"] == 15
    assert score.behavior_points["pricing_logged_in"] == 10
    assert score.behavior_points["pricing_anonymous"] == 0  # the group's other alternative
    assert score.behavior_points["inactive"] == 0  # no `login` yet, 5 days since sign-up < 14d
    assert score.velocity_points == {"burst": 25}  # 6+ key actions within 48 h
    assert score.behavior_raw == 100  # 75 rule points (under max 100) + 25 burst
    assert score.behavior == 100  # 4.5 days inactive: no decay period yet
    assert score.total == 150
    assert score.status == "PQL"
    assert (score.fit_tier, score.intent_tier, score.matrix) == ("strong", "high", "A1")


def test_pql_worked_example_ignores_future_and_unknown_events(product_led: ScoringModel) -> None:
    people, accounts, events = _vp_marketing_world()
    events = [*events,
              {"person_id": "p1", "event": "checkout_started", "ts": T + timedelta(seconds=1)},
              {"person_id": "ghost", "event": "checkout_started", "ts": T - timedelta(days=1)}]
    score = reference_score(product_led, people, accounts, events, T)
    assert set(score) == {"p1"}
    assert score["p1"].behavior_points["checkout"] == 0
    assert score["p1"].total == 150


def test_person_created_after_as_of_is_not_scored(product_led: ScoringModel) -> None:
    people = [{"person_id": "early", "created_at": T - timedelta(days=1)},
              {"person_id": "late", "created_at": T + timedelta(seconds=1)},
              {"person_id": "unknown", "created_at": None},
              {"person_id": "exact", "created_at": T}]
    assert set(reference_score(product_led, people, [], [], T)) == {"early", "unknown", "exact"}


def _decay_model(**behavior) -> ScoringModel:
    return ScoringModel.model_validate({
        "name": "decay",
        "behavior": {
            "rules": [{"id": "login", "event": "login", "per": 10}],
            "decay": {"method": "linear", "every": "30d", "points": 10, "floor": 5},
            **behavior,
        },
    })


def test_linear_decay_worked_example() -> None:
    # raw 70, linear 10 points every 30 days, 75 days inactive, floor 5: 70 - 10 x 2 = 50.
    model = _decay_model()
    last = T - timedelta(days=75)
    people = [{"person_id": "p", "created_at": last - timedelta(days=10)}]
    events = [{"person_id": "p", "event": "login", "ts": last - timedelta(hours=h)}
              for h in range(7)]
    score = reference_score(model, people, [], events, T)["p"]
    assert score.behavior_points == {"login": 70}
    assert score.behavior_raw == 70
    assert score.behavior == 50


@pytest.mark.parametrize(("days", "expected"), [(0, 70), (29, 70), (30, 60), (59, 60),
                                                (60, 50), (200, 10), (400, 5)])
def test_linear_decay_periods_and_floor(days: int, expected: float) -> None:
    model = _decay_model()
    people = [{"person_id": "p", "created_at": None}]
    events = [{"person_id": "p", "event": "login", "ts": T - timedelta(days=days)}
              for _ in range(7)]
    assert reference_score(model, people, [], events, T)["p"].behavior == expected


def test_decay_never_touches_a_score_at_or_below_the_floor() -> None:
    model = _decay_model()
    people = [{"person_id": "p", "created_at": None}]
    events = [{"person_id": "p", "event": "login", "ts": T - timedelta(days=300)}]
    score = reference_score(model, people, [], events, T)["p"]
    assert score.behavior_raw == 10
    assert score.behavior == 5
    model = _decay_model(rules=[{"id": "login", "event": "login", "per": 3}])
    score = reference_score(model, people, [], events, T)["p"]
    assert (score.behavior_raw, score.behavior) == (3, 3)


def test_velocity_multiplier_worked_example() -> None:
    # Rules earning 30 points, velocity multiplier 0.5 of them: +15.
    model = ScoringModel.model_validate({
        "name": "velocity",
        "behavior": {
            "rules": [{"id": "invite", "event": "invite", "points": 20},
                      {"id": "export", "event": "export", "points": 10},
                      {"id": "login", "event": "login", "points": 3}],
            "velocity": [{"id": "rush", "events": ["invite", "export"], "min_count": 2,
                          "within": "1h", "multiplier": 0.5, "of": ["invite", "export"]}],
        },
    })
    people = [{"person_id": "p", "created_at": T - timedelta(days=2)}]
    events = [{"person_id": "p", "event": "invite", "ts": T - timedelta(minutes=50)},
              {"person_id": "p", "event": "export", "ts": T - timedelta(minutes=10)},
              {"person_id": "p", "event": "login", "ts": T - timedelta(minutes=5)}]
    score = reference_score(model, people, [], events, T)["p"]
    assert score.velocity_points == {"rush": 15}
    assert score.behavior == 20 + 10 + 3 + 15
    # The same two events 1 h apart are not "shorter than within": no multiplier.
    events[0] = {**events[0], "ts": T - timedelta(minutes=70)}
    score = reference_score(model, people, [], events, T)["p"]
    assert score.velocity_points == {"rush": 0}
    assert score.behavior == 33


def test_groups_event_age_decay_and_per_event_weights() -> None:
    model = ScoringModel.model_validate({
        "name": "age",
        "behavior": {
            "rules": [
                {"id": "a", "event": "pricing", "points": 10, "group": "g"},
                {"id": "b", "event": "pricing", "where": "logged_in", "points": 10, "group": "g"},
                {"id": "c", "event": "login", "per": 4, "cap": 6},
                {"id": "neg", "event": "export", "points": -5},
            ],
            "decay": {"method": "half_life", "half_life": "1d", "by": "event_age"},
        },
    })
    people = [{"person_id": "p", "created_at": None}]
    events = [{"person_id": "p", "event": "pricing", "ts": T - timedelta(days=1),
               "logged_in": True},
              {"person_id": "p", "event": "login", "ts": T - timedelta(days=1)},
              {"person_id": "p", "event": "login", "ts": T - timedelta(days=2)},
              {"person_id": "p", "event": "export", "ts": T - timedelta(days=3)}]
    score = reference_score(model, people, [], events, T)["p"]
    # Tie in the group: the rule listed first wins, then decays by the age of its last event.
    assert score.behavior_points["a"] == 5
    assert score.behavior_points["b"] == 0
    # per x sum of weights (0.5 + 0.25) = 3, under the cap of 6.
    assert score.behavior_points["c"] == 3
    assert score.behavior_points["neg"] == -5  # negative points never decay
    assert score.behavior == 3


def test_fit_matchers_on_messy_text() -> None:
    model = ScoringModel.model_validate({
        "name": "fit",
        "lists": {"free": ["Gmail.com"]},
        "fit": {"rules": [
            {"id": "size", "field": "account.employees",
             "cases": [{"between": [50, 500], "points": 15}], "missing": -1, "default": -2},
            {"id": "email", "field": "email_domain",
             "cases": [{"in_list": "free", "points": -15}]},
            {"id": "title", "field": "title", "missing": 0, "default": 2,
             "cases": [{"matches": r"\bvp\b", "points": 10}]},
            {"id": "industry", "field": "industry",  # falls back to the account column
             "cases": [{"not_in": ["retail"], "points": 3}]},
        ]},
    })
    people = [
        {"person_id": "p1", "account_id": "a1", "email": "X@GMAIL.com", "title": "  VP Sales "},
        {"person_id": "p2", "account_id": "a2", "email": None, "title": "   "},
        {"person_id": "p3", "account_id": None, "email": "y@acme.io", "title": "svp"},
    ]
    accounts = [{"account_id": "a1", "employees": " 120 ", "industry": " SaaS"},
                {"account_id": "a2", "employees": "n/a", "industry": ""}]
    scores = reference_score(model, people, accounts, [], T)
    assert scores["p1"].fit_points == {"size": 15, "email": -15, "title": 10, "industry": 3}
    assert scores["p2"].fit_points == {"size": -2, "email": 0, "title": 0, "industry": 0}
    assert scores["p3"].fit_points == {"size": -1, "email": 0, "title": 2, "industry": 0}
