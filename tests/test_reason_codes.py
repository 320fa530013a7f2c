"""Reason codes (compile/reason_codes.py): which points each rule kind lists, and `score`'s use of
them — equal to ranking every contribution, and a safe fallback when a code is unreadable.

That the listed values are all the compiler can give is checked on random models and event
logs in tests/test_engine_vs_reference.py, and on every engine in tests/engines.
"""

from __future__ import annotations

from datetime import datetime
from unittest import mock

import ibis
import numpy as np
import pyarrow as pa
import pytest

from leadscore.compile import reason_codes as codes_module
from leadscore.compile.reason_codes import (
    CODE_COLUMN,
    ReasonCodes,
    candidate_values,
    reason_codes,
    with_reason_code,
)
from leadscore.explain.reasons import reasons_from_codes, top_reasons
from leadscore.project import Project
from leadscore.scaffold import init_project
from leadscore.spec.loader import load_model_text

END = datetime(2026, 3, 1, 12, 0)


def _values(text: str) -> list:
    return candidate_values(load_model_text(text).model)


def test_fit_rules_list_their_positive_cases_default_and_missing() -> None:
    assert _values("""
name: m
fit:
  rules:
    - {id: a, field: title, default: 2, missing: 1, cases: [{equals: x, points: 7.5},
       {equals: y, points: -5}, {equals: z, points: 7.5}]}
    - {id: b, field: title, cases: [{equals: x, points: -30}]}
""") == [(1.0, 2.0, 7.5), ()]


def test_champion_lists_its_points_with_and_without_the_nps_bonus() -> None:
    assert _values("""
name: m
fit:
  champion: {link: linkedin, points: 40, nps_bonus: 10}
""") == [(40.0, 50.0)]


def test_behavior_rules_list_tiers_speed_and_count_steps() -> None:
    assert _values("""
name: m
behavior:
  rules:
    - {id: tiers, event: a, tiers: [{min: 1, points: 4}, {min: 3, points: 9}]}
    - {id: fast, event: b, points: 10, speed: {within: 7d, multiplier: 1.5}}
    - {id: steps, event: c, per: 2, cap: 5}
    - {id: days, event: c, measure: distinct_days, per: 3, cap: 9}
    - {id: penalty, event: d, points: -5}
    - {id: idle, inactivity: {event: a, every: 14d}, points: -10}
  velocity:
    - {id: burst, events: [a, b], min_count: 3, within: 48h, bonus: 25}
""") == [(4.0, 9.0), (10.0, 15.0), (2.0, 4.0, 5.0), (3.0, 6.0, 9.0), (), (), (25.0,)]


@pytest.mark.parametrize("rule", [
    "{id: r, formula: 'logins_7d * 2', cap: 10}",
    "{id: r, event: a, measure: {sum: seats}, per: 1, cap: 10}",
    "{id: r, event: a, per: 1}",
    "{id: r, event: a, per: 1, cap: 1000}",
])
def test_continuous_behavior_points_have_no_list(rule: str) -> None:
    model = load_model_text(f"""
name: m
metrics:
  logins_7d: {{event: login, window: 7d}}
behavior:
  rules:
    - {rule}
""").model
    assert candidate_values(model) == [None]
    assert reason_codes(model) is None


def test_event_age_decay_and_velocity_multipliers_have_no_list() -> None:
    model = load_model_text("""
name: m
behavior:
  rules:
    - {id: r, event: a, points: 10}
  velocity:
    - {id: v, events: [a], min_count: 2, within: 1d, multiplier: 2, of: [r]}
""").model
    assert candidate_values(model) == [(10.0,), None]
    decayed = load_model_text("""
name: m
behavior:
  rules:
    - {id: r, event: a, points: 10}
  decay: {method: half_life, by: event_age, half_life: 30d}
""").model
    assert candidate_values(decayed) == [None]


def test_product_rules_follow_their_own_sections_decay() -> None:
    model = load_model_text("""
name: m
products:
  alpha:
    rules:
      - {id: a, event: a_used, points: 10}
  beta:
    rules:
      - {id: b, event: b_used, points: 10}
    decay: {method: half_life, by: event_age, half_life: 30d}
""").model
    assert candidate_values(model) == [(10.0,), None]


def test_a_code_too_wide_for_64_bits_falls_back() -> None:
    rules = "\n".join(f"    - {{id: r{i}, event: e{i}, tiers: ["
                      + ", ".join(f"{{min: {k}, points: {k}}}" for k in range(1, 31)) + "]}"
                      for i in range(14))
    assert reason_codes(load_model_text(f"name: m\nbehavior:\n  rules:\n{rules}\n").model) is None


def test_an_index_refuses_an_unlisted_value() -> None:
    # Rule a: 2 bits (0, 5, unlisted); rule b: 2 bits (0, 2, 4, unlisted), from bit 2.
    layout = ReasonCodes(positions=(1, 2), columns=("fit__a", "fit__b"),
                         values=((5.0,), (2.0, 4.0)), shifts=(0, 2))
    codes = np.array([0b0000, 0b0001, 0b0100, 0b0101, 0b1000, 0b1001])
    assert layout.index(0, codes).tolist() == [0, 1, 0, 1, 0, 1]
    assert layout.index(1, codes).tolist() == [0, 0, 1, 1, 2, 2]
    assert layout.index(0, np.array([0, 0b0010])) is None  # rule a: "positive, but not 5"
    assert layout.index(1, np.array([0b1100])) is None  # rule b: "positive, neither 2 nor 4"


# --------------------------------------------------------------------------------------------
# Project.score
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    directory = tmp_path_factory.mktemp("reason-codes")
    init_project(directory, preset="product-led", end=END)
    project = Project.load(directory)
    yield project
    project.close()


def _explained(project: Project) -> dict[str, str]:
    """Every person's reasons from all contribution columns, ranked in NumPy (explain's way)."""
    compiled = project.compiled()
    table = project.engine.execute(compiled.expr, compiled.params(END))
    return dict(zip(table["person_id"].to_pylist(),
                    top_reasons(project.loaded.model, table).to_pylist(), strict=True))


def _reasons(project: Project) -> dict[str, str]:
    table = project.score(as_of=END).table
    return dict(zip(table["person_id"].to_pylist(), table["reasons"].to_pylist(), strict=True))


def test_score_reads_the_code_and_words_every_reason_as_explain_does(project) -> None:
    _, expr = project.scoring_query()
    assert codes_module.CODE_COLUMN in expr.columns
    reasons = _reasons(project)
    assert sum(1 for text in reasons.values() if text.count(";") == 2) > 20
    assert reasons == _explained(project)


def test_an_unlisted_value_makes_score_rank_the_contributions_instead(project) -> None:
    # A layout missing a value the compiler gives (the disagreement tests guard against):
    # score must notice it and rank the contributions rather than word a wrong reason.
    real = reason_codes(project.loaded.model)
    assert real is not None
    widest = max(range(len(real.values)), key=lambda i: len(real.values[i]))
    values = list(real.values)
    values[widest] = values[widest][:-1]
    short = ReasonCodes(real.positions, real.columns, tuple(values), real.shifts)
    calls = []
    original = Project.scoring_query

    def spy(self, *, codes: bool = True):
        calls.append(codes)
        return original(self, codes=codes)

    with (mock.patch.dict(project.__dict__, {"_reason_codes": short}),
          mock.patch.object(Project, "scoring_query", spy)):
        reasons = _reasons(project)
    assert calls == [True, False]
    assert reasons == _explained(project)


def test_a_code_past_32_bits_adds_up_without_overflow() -> None:
    # 20 rules × 2 bits: the fields below bit 31 add up as INTEGER in SQL, the rest as BIGINT.
    rules = "\n".join(f"    - {{id: r{i}, field: title, cases: [{{equals: a, points: {i + 1}}}, "
                      f"{{equals: b, points: {i + 21}}}]}}" for i in range(20))
    model = load_model_text(f"name: m\nfit:\n  rules:\n{rules}\n").model
    layout = reason_codes(model)
    assert layout is not None and layout.shifts[-1] == 38
    rows = {"person_id": ["all-b", "all-a", "none"],
            **{f"fit__r{i}": [i + 21.0, i + 1.0, 0.0] for i in range(20)}}
    expr = with_reason_code(ibis.memtable(pa.table(rows)), layout, ["person_id"])
    coded = ibis.duckdb.connect().to_pyarrow(expr.order_by("person_id"))
    codes = coded[CODE_COLUMN].to_pylist()
    assert codes == [sum(1 << s for s in layout.shifts), sum(2 << s for s in layout.shifts), 0]
    text = reasons_from_codes(model, layout, coded[CODE_COLUMN]).to_pylist()
    assert text == ["r19 +20; r18 +19; r17 +18", "r19 +40; r18 +39; r17 +38", ""]


def test_a_negative_per_on_a_sum_can_give_positive_points() -> None:
    # -1 × a sum of -20 is +20 (`cap` only bounds the penalty): no list, and the ranking keeps
    # the rule as a candidate reason.
    from leadscore.compile.reason_ranks import can_be_positive

    model = load_model_text("""
name: m
behavior:
  rules:
    - {id: refunds, event: refund, measure: {sum: amount}, per: -1, cap: 50}
    - {id: errors, event: error, per: -1, cap: 5}
""").model
    assert candidate_values(model) == [None, ()]
    assert reason_codes(model) is None
    assert can_be_positive(model) == [True, False]


def test_penalties_stay_penalties_whatever_fades_or_caps_them() -> None:
    # `()`: never positive, so neither in the code nor among the ranking's candidates.
    from leadscore.compile.reason_ranks import can_be_positive

    model = load_model_text("""
name: m
metrics:
  errors_7d: {event: error, window: 7d}
behavior:
  rules:
    - {id: faded, event: a, points: 10}
    - {id: faded_penalty, event: b, points: -5}
    - {id: capped_formula, formula: 'errors_7d * -2', cap: 0}
    - {id: nothing_per, event: c, measure: {sum: amount}, per: 0}
  velocity:
    - {id: slow, events: [a], min_count: 2, within: 1d, bonus: -5}
  decay: {method: half_life, by: event_age, half_life: 30d}
""").model
    assert candidate_values(model) == [None, (), (), (), ()]
    assert can_be_positive(model) == [True, False, False, False, False]
