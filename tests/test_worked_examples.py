"""The seeds' worked examples, exactly, on the real engine (DuckDB)."""

from datetime import datetime, timedelta

import pytest

from tests.scoring_helpers import model_from, preset, score

T = datetime(2026, 3, 10, 12, 0)


def vp_marketing_events(signup: datetime) -> list[dict]:
    """The methodology's lead: onboarding, core feature 5x in week 1, Salesforce integration,
    2 invites, logged-in pricing view; 6+ key actions inside 48 hours; all in the last 7 days."""
    h = lambda hours: signup + timedelta(hours=hours)  # noqa: E731
    events = [{"event": "onboarding_progress", "ts": h(1), "progress": 1.0},
              {"event": "onboarding_completed", "ts": h(1)}]
    events += [{"event": "core_feature_used", "ts": h(2 + i)} for i in range(5)]
    events += [{"event": "integration_connected", "ts": h(8)},
               {"event": "teammate_invited", "ts": h(9)},
               {"event": "teammate_invited", "ts": h(10)},
               {"event": "pricing_page_viewed", "ts": h(72), "logged_in": True,
                "duration_s": 80.0}]
    return [{"person_id": "vp", **e} for e in events]


def test_vp_marketing_is_a_pql_with_fit_50_behavior_100_total_150():
    signup = T - timedelta(days=5)
    rows = score(
        preset("product-led"), T,
        people=[{"person_id": "vp", "account_id": "A1", "email": "jane@acme-analytics.com",
                 "title": "VP Marketing", "created_at": signup}],
        accounts=[{"account_id": "A1", "employees": 120, "industry": "SaaS",
                   "tech_stack": "salesforce", "country": "US"}],
        events=vp_marketing_events(signup))
    vp = rows["vp"]
    assert (vp["fit"], vp["behavior"], vp["total"], vp["status"]) == (50, 100, 150, "PQL")
    assert {k: vp[f"fit__{k}"] for k in ("company_size", "industry", "seniority", "tech_stack",
                                          "geography")} == {
        "company_size": 15, "industry": 10, "seniority": 10, "tech_stack": 8, "geography": 7}
    assert {k: vp[f"b__{k}"] for k in ("onboarding", "core_feature", "integration", "invites",
                                        "pricing_logged_in")} == {
        "onboarding": 15, "core_feature": 20, "integration": 15, "invites": 15,
        "pricing_logged_in": 10}
    assert vp["v__burst"] == 25
    assert vp["behavior_decayed"] == vp["behavior_raw"] == 100  # no decay: all within 7 days
    assert (vp["fit_tier"], vp["intent_tier"], vp["matrix"]) == ("strong", "high", "A1")


DECAY_MODEL = """
name: decay-example
behavior:
  rules:
    - {id: activity, event: used, per: 1}
  decay: {method: linear, every: 30d, points: 10, floor: 5}
"""


@pytest.mark.parametrize(("days", "expected"), [(75, 50), (0, 70), (29, 70), (30, 60),
                                                (200, 10), (400, 5)])
def test_linear_decay_raw_70_ten_points_per_30_days_floor_5(days, expected):
    last = T - timedelta(days=days)
    events = [{"person_id": "p", "event": "used", "ts": last - timedelta(seconds=i)}
              for i in range(70)]
    rows = score(model_from(DECAY_MODEL), T,
                 people=[{"person_id": "p", "created_at": last - timedelta(days=1)}],
                 events=events)
    assert rows["p"]["behavior_raw"] == 70
    assert rows["p"]["behavior"] == pytest.approx(expected)


VELOCITY_MODEL = """
name: velocity-example
behavior:
  rules:
    - {id: invites, event: teammate_invited, points: 15}
    - {id: integration, event: integration_connected, points: 15}
  velocity:
    - {id: burst, events: [teammate_invited, integration_connected], min_count: 2,
       within: 48h, multiplier: 0.5, of: [invites, integration]}
"""


def test_velocity_multiplier_30_times_half_is_plus_15():
    events = [{"person_id": "p", "event": "teammate_invited", "ts": T - timedelta(hours=30)},
              {"person_id": "p", "event": "integration_connected", "ts": T - timedelta(hours=1)}]
    rows = score(model_from(VELOCITY_MODEL), T, people=[{"person_id": "p"}], events=events)
    assert rows["p"]["v__burst"] == 15
    assert rows["p"]["behavior"] == 45


def test_velocity_needs_the_actions_inside_the_window():
    events = [{"person_id": "p", "event": "teammate_invited", "ts": T - timedelta(hours=60)},
              {"person_id": "p", "event": "integration_connected", "ts": T - timedelta(hours=1)}]
    rows = score(model_from(VELOCITY_MODEL), T, people=[{"person_id": "p"}], events=events)
    assert rows["p"]["v__burst"] == 0
    assert rows["p"]["behavior"] == 30


def test_sales_led_mql_and_sql():
    people = [
        {"person_id": "mql", "account_id": "A", "title": "Director of Marketing",
         "email": "a@acme.com"},
        {"person_id": "sql", "account_id": "A", "title": "VP Sales", "email": "b@acme.com"},
        {"person_id": "student", "account_id": "A", "title": "Student", "email": "c@uni.edu"},
    ]
    accounts = [{"account_id": "A", "industry": "SaaS", "employees": 200, "country": "US",
                 "tech_stack": "zendesk"}]
    events = [{"person_id": "mql", "event": "webinar_attended", "ts": T - timedelta(days=2)},
              {"person_id": "mql", "event": "content_downloaded", "ts": T - timedelta(days=3)},
              {"person_id": "mql", "event": "content_downloaded", "ts": T - timedelta(days=4)},
              {"person_id": "sql", "event": "demo_requested", "ts": T - timedelta(days=1)},
              {"person_id": "student", "event": "demo_requested", "ts": T - timedelta(days=1)}]
    rows = score(preset("sales-led"), T, people=people, accounts=accounts, events=events)
    assert rows["mql"]["fit"] == 20 + 25 + 20 + 15 and rows["mql"]["behavior"] == 25
    assert rows["mql"]["status"] == "MQL"
    assert rows["sql"]["total"] == 20 + 25 + 25 + 15 + 50 and rows["sql"]["status"] == "SQL"
    assert rows["student"]["fit"] == 0 and rows["student"]["status"] is None


def test_sales_led_decay_is_25_percent_per_month():
    events = [{"person_id": "p", "event": "demo_requested", "ts": T - timedelta(days=65)}]
    rows = score(preset("sales-led"), T,
                 people=[{"person_id": "p", "title": None, "email": None, "account_id": "A"}],
                 accounts=[{"account_id": "A", "industry": None, "employees": None,
                            "country": None, "tech_stack": None}], events=events)
    assert rows["p"]["behavior"] == pytest.approx(50 * 0.75 ** 2)


def test_a_fit_attribute_missing_from_the_data_is_a_clear_error():
    from leadscore.errors import DataError

    with pytest.raises(DataError, match=r"account\.industry"):
        score(preset("sales-led"), T, people=[{"person_id": "p"}])


def test_messy_attributes_are_normalised():
    model = model_from("""
name: messy
fit:
  rules:
    - id: size
      field: account.employees
      cases: [{between: [1000, 2000], points: 5}]
    - id: industry
      field: account.industry
      cases: [{in: [SaaS], points: 10}]
    - id: seniority
      field: title
      cases: [{contains: vp, points: 10}]
      default: 2
      missing: 0
""")
    rows = score(model, T, people=[
        {"person_id": "a", "account_id": "A", "title": "  VP Sales "},
        {"person_id": "b", "account_id": "B", "title": "   "},
        {"person_id": "c", "account_id": None, "title": "Engineer"},
    ], accounts=[{"account_id": "A", "employees": "1,200", "industry": " saas "},
                 {"account_id": "B", "employees": "n/a", "industry": ""}])
    assert (rows["a"]["fit__size"], rows["a"]["fit__industry"], rows["a"]["fit__seniority"]) == (
        5, 10, 10)
    assert (rows["b"]["fit__size"], rows["b"]["fit__industry"], rows["b"]["fit__seniority"]) == (
        0, 0, 0)  # "n/a", "" and blank titles are missing
    assert rows["c"]["fit__seniority"] == 2 and rows["c"]["fit"] == 2
