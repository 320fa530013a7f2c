"""Top reasons: the reason code (compile/reason_codes.py) and the ranking the engine computes
(compile/reason_ranks.py), and the ranking of the contribution columns in NumPy
(explain/reasons.py), all equal a naive per-row sort."""

from __future__ import annotations

from unittest import mock

import ibis
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from leadscore.compile.reason_codes import CODE_COLUMN, reason_codes, with_reason_code
from leadscore.compile.reason_ranks import rank_columns, with_reason_ranks
from leadscore.explain import reasons
from leadscore.explain.reasons import contribution_columns, reasons_from_codes, top_reasons
from leadscore.spec.loader import load_model_text

# Points as the engine produces them: whole, halves, decayed fractions, ties, exact halves of
# the first decimal (rounding), large values.
POINTS = st.sampled_from([0.0, 0.0, 1.0, 2.0, 2.25, 2.35, 5.0, 7.5, 10.0, 10.0, 15.0, 0.05,
                          33.333333, 1e6, -5.0, -10.0, -30.0])


@st.composite
def rules_and_rows(draw):
    """A model of fit rules (each with its own possible points) and rows drawn from them."""
    n_rules = draw(st.integers(0, 6))
    rules = [sorted(set(draw(st.lists(POINTS, min_size=1, max_size=4))))
             for _ in range(n_rules)]
    defaults = [draw(st.sampled_from([0.0, -2.0, 1.0])) for _ in rules]
    lines = ["name: reasons", "fit:", "  rules:"] if rules else ["name: reasons"]
    for i, (points, default) in enumerate(zip(rules, defaults, strict=True)):
        lines.append(f"    - {{id: r{i}, label: 'Rule {i}', field: title, default: {default}, "
                     "cases: [" + ", ".join(f"{{equals: 'v{j}', points: {p}}}"
                                           for j, p in enumerate(points)) + "]}")
    model = load_model_text("\n".join(lines) + "\n").model
    n_rows = draw(st.integers(0, 25))
    rows = [[draw(st.sampled_from([*points, default, None]))
             for points, default in zip(rules, defaults, strict=True)] for _ in range(n_rows)]
    return model, rows


def naive(model, row: dict) -> str:
    """The definition: positive contributions, largest first, ties in model order, top 3."""
    ranked = sorted(((-(row[c] or 0.0), i, label) for i, (c, label)
                     in enumerate(contribution_columns(model)) if (row[c] or 0.0) > 0))
    return "; ".join(f"{label} +{format_points(-v)}" for v, _, label in ranked[:3])


def format_points(value: float) -> str:
    text = str(pa.compute.round(pa.scalar(value), 1).as_py())
    return text[:-2] if text.endswith(".0") else text


@settings(max_examples=80, deadline=None)
@given(rules_and_rows())
def test_engine_and_numpy_rankings_equal_the_definition(case) -> None:
    model, rows = case
    columns = [c for c, _ in contribution_columns(model)]
    data = pa.table({"person_id": pa.array([f"p{i:03d}" for i in range(len(rows))]),
                     **{c: pa.array([r[k] for r in rows], pa.float64())
                        for k, c in enumerate(columns)}})
    expected = [naive(model, row) for row in data.to_pylist()]
    assert top_reasons(model, data).to_pylist() == expected
    with mock.patch.object(reasons, "_PACKED_LIMIT", 0):  # the unpacked path: continuous points
        assert top_reasons(model, data).to_pylist() == expected
    ranked = with_reason_ranks(ibis.memtable(data), model, ["person_id"])
    assert ranked.columns == ("person_id", *rank_columns())
    con = ibis.duckdb.connect()
    from_engine = con.to_pyarrow(ranked.order_by("person_id"))
    assert top_reasons(model, from_engine).to_pylist() == expected
    layout = reason_codes(model)  # fit rules only: None when none can give positive points
    if layout is not None:
        coded = con.to_pyarrow(with_reason_code(ibis.memtable(data), layout, ["person_id"])
                               .order_by("person_id"))
        assert reasons_from_codes(model, layout, coded[CODE_COLUMN]).to_pylist() == expected


def test_penalties_are_left_out_of_the_ranking() -> None:
    model = load_model_text(
        "name: m\nfit:\n  rules:\n"
        "    - {id: good, field: title, cases: [{equals: a, points: 5}]}\n"
        "    - {id: bad, field: title, cases: [{equals: b, points: -30}]}\n").model
    sql = ibis.to_sql(with_reason_ranks(ibis.table({"fit__good": "float64",
                                                    "fit__bad": "float64"}, name="t"),
                                        model, []), dialect="duckdb")
    assert "fit__good" in sql and "fit__bad" not in sql
