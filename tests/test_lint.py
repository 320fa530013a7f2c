"""The model linter: each LS5xx check fires on a broken model, not on its fixed version."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from leadscore.lint import (
    AWARENESS_EVENTS,
    LINT_CODES,
    behavior_rule_max,
    fit_rule_max,
    lint_model,
    lint_spec,
    maxima,
    protected_attribute,
    velocity_max,
)
from leadscore.spec import model as m
from leadscore.spec.diagnostics import Diagnostic
from leadscore.spec.loader import load_model, load_model_text

ROOT = Path(__file__).resolve().parents[1]
PRESET = ROOT / "src" / "leadscore" / "presets" / "product-led.yaml"
DOC = ROOT / "docs" / "lint.md"

# A lint-clean product-led model: 18 criteria, fit 0-50 and behavior 0-100 (66.7% behavior),
# negative fit and behavior rules, 30-day decay for a 30-day cycle, logins capped at 10, no
# source above 60% (pricing, checkout and email are tagged apart from product usage).
HEALTHY = r"""
name: healthy
motion: product-led
sales_cycle: 30d
lists:
  competitor_domains: [rival.io]
  personal_domains: [gmail.com, yahoo.com]
metrics:
  seats_14d: {event: seat_added, window: 14d}
fit:
  max: 50
  rules:
    - id: company_size
      field: account.employees
      cases:
        - {between: [50, 500], points: 15}
        - {between: [25, 49], points: 8}
    - id: industry
      field: account.industry
      cases: [{in: [SaaS, Software], points: 10}]
    - id: seniority
      field: title
      cases: [{matches: '\bvp\b|director', points: 10}]
    - id: tech_stack
      field: account.tech_stack
      cases: [{contains: salesforce, points: 8}]
    - id: geography
      field: account.country
      cases: [{in: [US, CA], points: 7}]
    - {id: competitor, field: email_domain, cases: [{in_list: competitor_domains, points: -30}]}
    - {id: personal_email, field: email_domain, cases: [{in_list: personal_domains, points: -15}]}
    # more fit rules
behavior:
  max: 100
  rules:
    - id: onboarding
      event: onboarding_completed
      points: 15
    - id: core_feature
      event: core_feature_used
      window: {first: 14d}
      min: 3
      points: 20
      intent: high
    - id: integration
      event: integration_connected
      points: 15
    - id: invites
      event: teammate_invited
      tiers:
        - {min: 1, points: 10}
        - {min: 2, points: 15}
    - id: pricing
      source: web
      event: pricing_page_viewed
      where: logged_in
      points: 10
    - id: checkout
      source: billing
      event: checkout_started
      points: 15
    - id: export
      event: data_exported
      points: 5
    - id: logins
      event: login
      window: {first: 7d}
      tiers:
        - {min: 1, points: 2}
        - {min: 5, points: 10}
      intent: low
    - {id: inactive, inactivity: {event: login, every: 14d}, points: -10}
    - {id: unsubscribed, source: email, event: email_unsubscribed, points: -5}
    # more behavior rules
  velocity:
    - id: burst
      events: [core_feature_used, teammate_invited, pricing_page_viewed]
      min_count: 5
      within: 48h
      bonus: 25
  decay: {method: linear, every: 30d, points: 10, floor: 5}
statuses:
  - name: PQL
    when: total >= 80 and fit >= 15 and behavior >= 40
"""


def lint(text: str) -> list[Diagnostic]:
    return lint_model(load_model_text(text))


def codes(text: str) -> set[str]:
    return {d.code for d in lint(text)}


def only(text: str, code: str) -> list[Diagnostic]:
    return [d for d in lint(text) if d.code == code]


def line_of(text: str, snippet: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line containing ``snippet``."""
    hits = [n for n, line in enumerate(text.splitlines(), start=1) if snippet in line]
    assert len(hits) >= occurrence, f"{snippet!r} not in the model text"
    return hits[occurrence - 1]


def edit(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur exactly once"
    return text.replace(old, new)


def drop(text: str, *ids: str) -> str:
    """Remove the one-line rules whose id is in ``ids``."""
    keep = [line for line in text.splitlines()
            if not any(f"{{id: {rule_id}," in line for rule_id in ids)]
    return "\n".join(keep) + "\n"


def add_behavior(text: str, *rules: str) -> str:
    block = "".join(f"    - {rule}\n" for rule in rules)
    return edit(text, "    # more behavior rules\n", block)


def add_fit(text: str, *rules: str) -> str:
    block = "".join(f"    - {rule}\n" for rule in rules)
    return edit(text, "    # more fit rules\n", block)


def filler(n: int) -> list[str]:
    """``n`` small, distinct behavior rules (1 point each, their own source)."""
    return [f"{{id: extra_{k}, source: web, event: feature_{k}_used, points: 1}}" for k in range(n)]


# --------------------------------------------------------------------------------------------
# The baseline and the preset
# --------------------------------------------------------------------------------------------


def test_healthy_model_is_lint_clean():
    assert lint(HEALTHY) == []


def test_every_diagnostic_is_a_located_lint_warning():
    broken = add_behavior(drop(HEALTHY, "competitor", "personal_email", "inactive",
                               "unsubscribed"),
                          "{id: opens, event: email_opened, per: 2}")
    diags = lint(broken)
    assert {d.code for d in diags} >= {"LS503", "LS505", "LS508", "LS509"}
    for d in diags:
        assert d.severity == "warning"
        assert d.code in LINT_CODES
        assert d.file == "model.yaml" and d.line is not None and d.column is not None
        assert d.hint and "seed" in d.hint
    assert [(d.line, d.column) for d in diags] == sorted((d.line, d.column) for d in diags)


def test_lint_spec_gives_the_same_warnings_without_positions():
    broken = drop(HEALTHY, "competitor", "personal_email", "inactive", "unsubscribed")
    loaded = load_model_text(broken)
    placed = lint_model(loaded)
    bare = lint_spec(loaded.model)
    assert sorted((d.code, d.path, d.message) for d in bare) == sorted(
        (d.code, d.path, d.message) for d in placed)
    assert all(d.line is None for d in bare)


def test_product_led_preset_only_warns_about_its_product_source():
    # The preset follows the methodology seed's rubric: fit 0-50, behavior 0-100 (66.7% of the
    # total), and all its behavior rules are untagged, so they count as one source, "product".
    # Product usage alone can fill the whole behavior score (118 raw points under a 100 cap),
    # i.e. 66.7% of the maximum total: over the governance seed's single-source limit (60%).
    # This is a real finding about the preset, reported rather than silenced.
    loaded = load_model(PRESET)
    diags = lint_model(loaded)
    assert [d.code for d in diags] == ["LS508"]
    (diag,) = diags
    assert diag.extra == {"source": "product", "share": "0.6667"}
    assert "66.7% of the maximum total (100 of 150)" in diag.message
    text = PRESET.read_text()
    assert diag.line == line_of(text, "- id: onboarding")


def test_preset_maxima_follow_the_methodology_rubric():
    model = load_model(PRESET).model
    mx = maxima(model)
    assert (mx.fit, mx.behavior, mx.total) == (50, 100, 150)
    # without behavior.max: every rule's best (the pricing group counts its best member once:
    # 15+20+15+15+10+15+8+5+10+5 = 118) plus the +25 burst
    text = edit(PRESET.read_text(), "  min: 0\n  max: 100\n", "  min: 0\n")
    assert maxima(load_model_text(text).model).behavior == 118 + 25


# --------------------------------------------------------------------------------------------
# Maximum points
# --------------------------------------------------------------------------------------------


def _event(**kw: object) -> m.EventRule:
    return m.EventRule.model_validate({"id": "r", "event": "e", **kw})


def test_rule_maxima():
    assert behavior_rule_max(_event(points=15)) == 15
    assert behavior_rule_max(_event(tiers=[{"min": 1, "points": 10}, {"min": 2, "points": 15}])) \
        == 15
    assert behavior_rule_max(_event(points=10, speed={"within": "48h", "multiplier": 1.5})) == 15
    assert behavior_rule_max(_event(per=3, cap=12)) == 12
    assert behavior_rule_max(_event(per=3)) == math.inf
    assert behavior_rule_max(_event(per=-1)) == 0
    assert behavior_rule_max(_event(points=-5)) == 0
    formula = m.FormulaRule(id="f", formula="dau * 20", cap=25)
    assert behavior_rule_max(formula) == 25
    assert behavior_rule_max(m.FormulaRule(id="f", formula="dau * 20")) == math.inf
    inactive = m.InactivityRule.model_validate(
        {"id": "i", "inactivity": {"every": "14d"}, "points": -10})
    assert behavior_rule_max(inactive) == 0
    fit = m.FitRule.model_validate({"id": "t", "field": "title",
                                    "cases": [{"equals": "vp", "points": 10}], "default": 2,
                                    "missing": 12})
    assert fit_rule_max(fit) == 12
    negative = m.FitRule.model_validate({"id": "c", "field": "email_domain",
                                         "cases": [{"equals": "x.io", "points": -30}]})
    assert fit_rule_max(negative) == 0


def test_velocity_counts_only_without_behavior_max():
    base = load_model_text(HEALTHY).model
    assert maxima(base).behavior == 100  # 105 raw, clamped; the +25 burst is not counted
    uncapped = load_model_text(edit(HEALTHY, "  max: 100\n", "")).model
    assert maxima(uncapped).behavior == 105 + 25
    multiplier = m.Velocity(id="v", events=["a", "b"], min_count=2, within="48h",
                            multiplier=0.5, of=["core_feature", "invites"])
    assert velocity_max(multiplier, base) == (20 + 15) * 0.5


def test_weights_and_fit_clamp_enter_the_maxima():
    text = edit(HEALTHY, "statuses:", "total: {fit_weight: 2, behavior_weight: 0.5}\nstatuses:")
    mx = maxima(load_model_text(text).model)
    assert (mx.weighted_fit, mx.weighted_behavior, mx.total) == (100, 50, 150)
    clamped = maxima(load_model_text(edit(HEALTHY, "  max: 50", "  max: 30")).model)
    assert clamped.fit == 30


# --------------------------------------------------------------------------------------------
# LS501 criteria count
# --------------------------------------------------------------------------------------------

SMALL = """
name: small
motion: product-led
fit:
  max: 50
  rules:
    - {id: size, field: account.employees, cases: [{between: [50, 500], points: 25}]}
    - {id: industry, field: account.industry, cases: [{equals: SaaS, points: 25}]}
    - {id: competitor, field: email_domain, cases: [{equals: rival.io, points: -30}]}
behavior:
  max: 100
  rules:
    - {id: a, event: a_done, points: 20}
    - {id: b, event: b_done, points: 20}
    - {id: c, event: c_done, points: 20}
    - {id: d, event: d_done, points: 20}
    - {id: e, event: e_done, points: 20}
    - {id: f, event: f_done, points: 20}
  decay: {method: linear, every: 30d, points: 10}
"""


def test_ls501_too_simple():
    (diag,) = only(SMALL, "LS501")
    assert "9 scoring criteria (fit 3, behavior 6, velocity 0)" in diag.message
    assert "too simple" in diag.message
    assert diag.extra["count"] == "9"
    assert diag.line == line_of(SMALL, "  rules:", 2)  # the larger section: behavior
    fixed = edit(SMALL, "  decay:", "    - {id: g, event: g_done, points: 20}\n  decay:")
    assert only(fixed, "LS501") == []


@pytest.mark.parametrize(("extra", "verdict"), [
    (0, None), (7, None), (8, "warning band"), (17, "warning band"), (18, "overcomplicated"),
])
def test_ls501_bands(extra: int, verdict: str | None):
    text = add_behavior(HEALTHY, *filler(extra))
    diags = only(text, "LS501")
    if verdict is None:
        assert diags == []
    else:
        (diag,) = diags
        assert f"{18 + extra} scoring criteria" in diag.message and verdict in diag.message
        assert diag.line == line_of(text, "  rules:", 2)


# --------------------------------------------------------------------------------------------
# LS502 behavior weight vs fit
# --------------------------------------------------------------------------------------------


def test_ls502_product_led_behavior_too_low():
    text = edit(HEALTHY, "statuses:", "total: {fit_weight: 3}\nstatuses:")
    (diag,) = only(text, "LS502")
    assert "behavior can make 40% of the maximum total" in diag.message
    assert "between 50% and 80%" in diag.message
    assert "60-70%" in diag.hint
    assert diag.line == line_of(text, "total:")
    assert only(HEALTHY, "LS502") == []


def test_ls502_product_led_behavior_too_high():
    text = edit(HEALTHY, "  max: 50", "  max: 10")
    (diag,) = only(text, "LS502")
    assert "behavior can make 90.9% of the maximum total (behavior 100, fit 10)" in diag.message
    assert diag.line == line_of(text, "  max: 100")


def test_ls502_sales_led_uses_the_fit_share():
    sales = edit(HEALTHY, "motion: product-led", "motion: sales-led")
    assert only(sales, "LS502") == []  # fit 33.3%
    heavy = edit(sales, "statuses:", "total: {behavior_weight: 3}\nstatuses:")
    (diag,) = only(heavy, "LS502")
    assert "fit can make 14.3% of the maximum total" in diag.message
    assert "sales-led" in diag.hint


def test_ls502_without_motion_uses_the_union_of_both_ranges():
    text = edit(HEALTHY, "motion: product-led\n", "")
    assert only(text, "LS502") == []
    heavy = edit(text, "statuses:", "total: {fit_weight: 0.1}\nstatuses:")
    (diag,) = only(heavy, "LS502")
    assert "motion not set" in diag.message and "`motion:`" in diag.hint


# --------------------------------------------------------------------------------------------
# LS503 negative scoring
# --------------------------------------------------------------------------------------------


def test_ls503_no_negative_scoring_at_all():
    text = drop(HEALTHY, "competitor", "personal_email", "inactive", "unsubscribed")
    (diag,) = only(text, "LS503")
    assert "no rule subtracts points" in diag.message
    assert "competitors and personal emails should subtract" in diag.hint
    assert diag.line == line_of(text, "  rules:", 1)
    assert only(HEALTHY, "LS503") == []


def test_ls503_no_fit_disqualifier():
    text = drop(HEALTHY, "competitor", "personal_email")
    (diag,) = only(text, "LS503")
    assert "none of the 5 fit rules subtracts points" in diag.message


def test_ls503_negative_default_counts():
    text = drop(HEALTHY, "competitor", "personal_email")
    text = edit(text, "cases: [{in: [US, CA], points: 7}]",
                "cases: [{in: [US, CA], points: 7}]\n      default: -5")
    assert only(text, "LS503") == []


# --------------------------------------------------------------------------------------------
# LS504 decay
# --------------------------------------------------------------------------------------------


def test_ls504_decay_missing():
    text = edit(HEALTHY, "  decay: {method: linear, every: 30d, points: 10, floor: 5}\n", "")
    (diag,) = only(text, "LS504")
    assert "no decay" in diag.message
    assert "30-day intervals" in diag.hint
    assert diag.line == line_of(text, "behavior:")
    assert only(HEALTHY, "LS504") == []


def test_ls504_seven_day_half_life_on_a_45_day_cycle():
    text = edit(HEALTHY, "sales_cycle: 30d", "sales_cycle: 45d")
    text = edit(text, "{method: linear, every: 30d, points: 10, floor: 5}",
                "\n    method: half_life\n    half_life: 7d")
    (diag,) = only(text, "LS504")
    assert "half-life 7d is too aggressive for a 45d sales cycle" in diag.message
    assert "30-day" in diag.message and "accepted 14-45 days" in diag.message
    assert diag.line == line_of(text, "half_life: 7d")
    fixed = edit(text, "half_life: 7d", "half_life: 30d")
    assert only(fixed, "LS504") == []


@pytest.mark.parametrize(("cycle", "every", "verdict"), [
    ("14d", "14d", None), ("14d", "30d", "too slow"), ("14d", "5d", "too aggressive"),
    ("30d", "30d", None), ("60d", "14d", None), ("60d", "90d", "too slow"),
    ("120d", "60d", None), ("120d", "90d", None), ("120d", "30d", "too aggressive"),
])
def test_ls504_interval_matches_the_cycle(cycle: str, every: str, verdict: str | None):
    text = edit(HEALTHY, "sales_cycle: 30d", f"sales_cycle: {cycle}")
    text = edit(text, "every: 30d, points: 10", f"every: {every}, points: 10")
    diags = only(text, "LS504")
    if verdict is None:
        assert diags == []
    else:
        (diag,) = diags
        assert verdict in diag.message
        assert diag.path == ("behavior", "decay", "every")
        assert diag.line == line_of(text, "  decay:")


def test_ls504_without_sales_cycle_only_requires_decay():
    text = edit(HEALTHY, "sales_cycle: 30d\n", "")
    text = edit(text, "every: 30d, points: 10", "every: 3d, points: 10")
    assert only(text, "LS504") == []


# --------------------------------------------------------------------------------------------
# LS505 low-intent actions
# --------------------------------------------------------------------------------------------


def test_ls505_low_intent_tier_above_ten():
    text = edit(HEALTHY, "{min: 5, points: 10}", "{min: 5, points: 15}")
    (diag,) = only(text, "LS505")
    assert "rule 'logins' (awareness event login) can give up to 15 points" in diag.message
    assert "5-10 points" in diag.hint
    assert diag.line == line_of(text, "{min: 5, points: 15}")
    assert only(HEALTHY, "LS505") == []


def test_ls505_intent_tag_alone():
    text = add_behavior(HEALTHY, "{id: help, event: help_opened, points: 12, intent: low}")
    (diag,) = only(text, "LS505")
    assert "tagged `intent: low`" in diag.message
    assert diag.line == line_of(text, "id: help,")


def test_ls505_awareness_event_names_are_normalised():
    text = add_behavior(HEALTHY, "{id: opens, event: [Email Opened, demo_requested], "
                                 "per: 2, cap: 20}")
    (diag,) = only(text, "LS505")
    assert "Email Opened" in diag.message and "up to 20 points" in diag.message
    fixed = edit(text, "cap: 20", "cap: 8")
    assert only(fixed, "LS505") == []


def test_ls505_unbounded_low_intent():
    text = add_behavior(HEALTHY, "{id: blog, event: blog_visited, per: 1}")
    (diag,) = only(text, "LS505")
    assert "unbounded points" in diag.message


def test_ls505_formula_tagged_low():
    text = add_behavior(HEALTHY, "{id: seats, formula: seats_14d * 2, intent: low, cap: 30}")
    (diag,) = only(text, "LS505")
    assert diag.path[-1] == "cap"


def test_awareness_list_has_the_seed_examples():
    for name in ("email_opened", "email_clicked", "blog_visited", "page_viewed",
                 "content_downloaded", "webinar_registered", "login"):
        assert name in AWARENESS_EVENTS
    assert "pricing_page_viewed" not in AWARENESS_EVENTS


# --------------------------------------------------------------------------------------------
# LS506 time-based fit rules
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["signup_date", "account.created_at", "last_seen",
                                   "days_since_signup", "lastLoginTime"])
def test_ls506_time_based_fit_field(field: str):
    text = add_fit(HEALTHY, f"{{id: recent, field: {field}, cases: [{{exists: true, points: 5}}]}}")
    (diag,) = only(text, "LS506")
    assert f"reads '{field}'" in diag.message and "never decays" in diag.message
    assert diag.line == line_of(text, "id: recent,")
    assert diag.path == ("fit", "rules", 7, "field")


@pytest.mark.parametrize("field", ["last_name", "account.employees", "title", "account.status"])
def test_ls506_ignores_stable_fields(field: str):
    text = add_fit(HEALTHY, f"{{id: other, field: {field}, cases: [{{exists: true, points: 1}}]}}")
    assert only(text, "LS506") == []


# --------------------------------------------------------------------------------------------
# LS507 protected attributes
# --------------------------------------------------------------------------------------------


def test_ls507_protected_fit_field():
    text = add_fit(HEALTHY, "{id: gender, field: gender, cases: [{equals: f, points: 2}]}")
    (diag,) = only(text, "LS507")
    assert "fit rule 'gender' uses 'gender'" in diag.message
    assert "protected attributes" in diag.hint
    assert diag.line == line_of(text, "id: gender,")
    assert only(HEALTHY, "LS507") == []


def test_ls507_where_filter_and_measure_column():
    text = add_behavior(HEALTHY, "{id: seniors, event: login, where: age >= 50, points: 2}")
    text = edit(text, "  seats_14d: {event: seat_added, window: 14d}",
                "  seats_14d: {event: seat_added, window: 14d, measure: {distinct: ethnicity}}")
    diags = only(text, "LS507")
    assert {d.extra["column"] for d in diags} == {"age", "ethnicity"}
    by_column = {d.extra["column"]: d for d in diags}
    assert by_column["age"].path[-1] == "where"
    assert by_column["age"].line == line_of(text, "id: seniors,")
    assert by_column["ethnicity"].line == line_of(text, "seats_14d:")
    assert "metric 'seats_14d'" in by_column["ethnicity"].message


@pytest.mark.parametrize(("name", "account", "expected"), [
    ("gender", False, "gender"), ("date_of_birth", False, "birth date (age)"),
    ("graduation_year", False, "graduation year (proxy for age)"),
    ("sexual_orientation", False, "sexual orientation"), ("maritalStatus", False,
                                                          "marital status"),
    ("account.age", True, None), ("age", False, "age"), ("usage", False, None),
    ("message", False, None), ("page_orientation", False, None),
    ("account.country", True, None), ("nationality", False, "nationality"),
])
def test_protected_attribute_words(name: str, account: bool, expected: str | None):
    assert protected_attribute(name, account=account) == expected


# --------------------------------------------------------------------------------------------
# LS508 one source or one rule dominating
# --------------------------------------------------------------------------------------------


def test_ls508_untagged_behavior_is_one_source():
    text = edit(HEALTHY, "      source: web\n", "")
    text = edit(text, "      source: billing\n", "")
    (diag,) = only(text, "LS508")
    assert "data source 'product' (untagged behavior rules count as 'product')" in diag.message
    assert "66.7% of the maximum total (100 of 150)" in diag.message
    assert diag.line == line_of(text, "- id: onboarding")
    assert only(HEALTHY, "LS508") == []


def test_ls508_tagged_source_points_at_its_tag():
    text = edit(HEALTHY, "      event: checkout_started\n      points: 15\n",
                "      event: checkout_started\n      points: 100\n")
    (diag,) = [d for d in only(text, "LS508") if d.extra.get("source") == "billing"]
    assert "data source 'billing' can contribute 66.7% of the maximum total" in diag.message
    assert diag.line == line_of(text, "source: billing")


def test_ls508_single_rule_share_of_behavior():
    text = edit(HEALTHY, "      points: 20\n", "      points: 40\n")
    diags = [d for d in only(text, "LS508") if d.extra.get("rule") == "core_feature"]
    (diag,) = diags
    assert "behavior rule 'core_feature' can contribute 40% of the maximum behavior score " \
           "(40 of 100)" in diag.message
    assert diag.line == line_of(text, "- id: core_feature")


def test_ls508_velocity_counts_as_a_single_rule():
    text = edit(HEALTHY, "bonus: 25", "bonus: 40")
    (diag,) = only(text, "LS508")
    assert "velocity 'burst' can contribute 40%" in diag.message


def test_ls508_uncapped_rule_fills_behavior_max():
    text = add_behavior(HEALTHY, "{id: seats, source: billing, event: seat_added, per: 3}")
    assert any(d.extra.get("rule") == "seats" for d in only(text, "LS508"))


# --------------------------------------------------------------------------------------------
# LS509 unbounded rules
# --------------------------------------------------------------------------------------------


def test_ls509_per_without_cap():
    text = add_behavior(HEALTHY, "{id: seats, source: web, event: seat_added,\n"
                                 "       per: 3}")
    (diag,) = only(text, "LS509")
    assert "rule 'seats' gives 3 per unit with no `cap`" in diag.message
    assert diag.line == line_of(text, "per: 3}")
    fixed = edit(text, "per: 3}", "per: 3, cap: 9}")
    assert only(fixed, "LS509") == []


def test_ls509_formula_without_cap():
    text = add_behavior(HEALTHY, "{id: seats, source: web, formula: seats_14d * 2}")
    (diag,) = only(text, "LS509")
    assert "formula rule 'seats' has no `cap`" in diag.message
    fixed = edit(text, "formula: seats_14d * 2}", "formula: seats_14d * 2, cap: 10}")
    assert only(fixed, "LS509") == []


def test_ls509_negative_per_is_stopped_by_behavior_min():
    penalty = "{id: dormant, source: web, event: seat_dormant, per: -1}"
    assert only(add_behavior(HEALTHY, penalty), "LS509")
    with_min = edit(HEALTHY, "  max: 100\n", "  max: 100\n  min: 0\n")
    assert only(add_behavior(with_min, penalty), "LS509") == []


def test_ls509_unbounded_behavior_skips_share_checks():
    text = edit(HEALTHY, "  max: 100\n", "")
    text = add_behavior(text, "{id: seats, source: web, event: seat_added, per: 3}")
    found = codes(text)
    assert "LS509" in found
    # behavior has no maximum: the share checks cannot measure it, LS502 reports it as 100%
    assert not [d for d in only(text, "LS508")]
    (weight,) = only(text, "LS502")
    assert "behavior unbounded" in weight.message


# --------------------------------------------------------------------------------------------
# docs/lint.md: every YAML example is a complete model that fires its section's code
# --------------------------------------------------------------------------------------------


def doc_examples() -> list[tuple[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    out = []
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        match = re.match(r"(LS5\d\d)\b", section)
        blocks = re.findall(r"^```yaml\n(.*?)^```", section, flags=re.M | re.S)
        if blocks:
            assert match, f"a YAML example outside an LS5xx section: {section[:40]!r}"
        out += [(match.group(1), block) for block in blocks] if match else []
    return out


def test_docs_cover_every_code():
    documented = {code for code, _ in doc_examples()}
    assert documented == set(LINT_CODES)
    text = DOC.read_text(encoding="utf-8")
    assert text.count("```yaml") == len(doc_examples())


@pytest.mark.parametrize(("code", "example"), doc_examples(),
                         ids=[f"{c}-{i}" for i, (c, _) in enumerate(doc_examples())])
def test_doc_example_fires_its_code(code: str, example: str):
    assert code in codes(example)
