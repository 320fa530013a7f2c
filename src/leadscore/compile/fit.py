"""Fit rules → one contribution column per rule (points; the first matching case wins).

Semantics (mirrored by :mod:`leadscore.testing.reference`):

- blank strings are missing values; a missing value scores ``missing`` when the rule sets it,
  otherwise it can only match ``exists: false`` and falls back to ``default``;
- string matchers compare trimmed, lower-cased text unless ``case_sensitive``;
- numeric matchers (``between``, ``min``, ``max``, numeric ``equals``/``in``) compare numbers;
  ``between`` is inclusive at both ends.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from leadscore.compile.portable import num
from leadscore.compile.tables import ACCOUNT_PREFIX
from leadscore.errors import DataError
from leadscore.spec import model as m
from leadscore.spec.semantic import DataSchema, resolve_field


def field_column(profile: ir.Table, name: str, schema: DataSchema) -> ir.Value:
    """The profile column behind a fit rule's ``field``."""
    where = resolve_field(name, schema)
    if where is None:
        raise DataError(f"fit attribute '{name}' is not a column of people"
                        + (" or accounts" if schema.accounts else " (and there is no accounts "
                           "source)") + "; run `leadscore validate` to see every such problem",
                        source="people")
    kind, column = where
    return profile[ACCOUNT_PREFIX + column if kind == "account" else column]


def _text(value: ir.Value, case_sensitive: bool) -> ir.StringValue:
    text = value.cast("string").strip()
    return text if case_sensitive else text.lower()


def _norm(literal: object, case_sensitive: bool) -> str:
    if isinstance(literal, bool):
        text = "true" if literal else "false"
    elif isinstance(literal, float) and literal.is_integer():
        text = str(int(literal))
    else:
        text = str(literal).strip()
    return text if case_sensitive else text.lower()


NUMBER_PATTERN = r"^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$"
"""Text that reads as a number (the reference scorer's grammar; portable to every flavour)."""
GROUPED_NUMBER_PATTERN = r"^[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]*)?$"
"""A number with thousands separators, ``1,200`` or ``-12,000.5``."""


def _numeric(value: ir.Value) -> ir.NumericValue:
    dtype = value.type()
    if dtype.is_numeric():
        return value.cast("float64")
    if dtype.is_boolean():
        return value.cast("float64")
    # Messy exports carry numbers as text ("120", " 45 ", "1,200"). Commas count only as
    # thousands separators in groups of three: a decimal comma ("12,5") is missing, not 125.
    text = value.cast("string").strip()
    # Why not TRY_CAST: Ibis compiles it to a plain CAST on PostgreSQL (an error on "n/a"), and
    # engines disagree on what parses ("inf", "NaN", "1e3 "): guard the cast with one grammar.
    readable = text.re_search(NUMBER_PATTERN) | text.re_search(GROUPED_NUMBER_PATTERN)
    return ibis.ifelse(readable, text.replace(",", "").cast("float64"), ibis.null("float64"))


def case_condition(case: m.Case, value: ir.Value, case_sensitive: bool,
                   lists: dict[str, list[str]]) -> ir.BooleanValue:
    """Whether ``value`` satisfies ``case`` (NULL never matches, except ``exists: false``)."""
    numeric_column = value.type().is_numeric()
    matcher = case.matcher
    if matcher == "exists":
        return value.notnull() if case.exists else value.isnull()
    if matcher == "between":
        low, high = case.between  # type: ignore[misc]
        return _numeric(value).between(low, high)
    if matcher == "range":
        number = _numeric(value)
        condition = ibis.literal(True)
        if case.min is not None:
            condition = condition & (number >= case.min)
        if case.max is not None:
            condition = condition & (number <= case.max)
        return condition
    if matcher in ("equals", "in", "not_in"):
        values = [case.equals] if matcher == "equals" else (case.in_ or case.not_in or [])
        if numeric_column and all(isinstance(v, float) and not isinstance(v, bool) for v in values):
            hit = _numeric(value).isin(values)
        elif value.type().is_boolean() and all(isinstance(v, bool) for v in values):
            hit = value.isin(values)
        else:
            hit = _text(value, case_sensitive).isin([_norm(v, case_sensitive) for v in values])
        return (~hit & value.notnull()) if matcher == "not_in" else hit
    if matcher == "in_list":
        members = [_norm(v, case_sensitive) for v in lists[case.in_list or ""]]
        return _text(value, case_sensitive).isin(members)
    if matcher == "contains":
        needles = [case.contains] if isinstance(case.contains, str) else list(case.contains or [])
        text = _text(value, case_sensitive)
        condition = ibis.literal(False)
        for needle in needles:
            condition = condition | text.contains(_norm(needle, case_sensitive))
        return condition
    if matcher == "matches":
        return _text(value, case_sensitive).re_search(case.matches or "")
    raise AssertionError(f"unhandled matcher {matcher}")


def fit_contribution(rule: m.FitRule, profile: ir.Table, schema: DataSchema,
                     lists: dict[str, list[str]]) -> ir.NumericValue:
    """Points of one fit rule for every person."""
    value = field_column(profile, rule.field, schema)
    # num(): a CASE of bare literals would be NUMERIC/DECIMAL on PostgreSQL and Spark.
    cases = ibis.cases(
        *[(case_condition(c, value, rule.case_sensitive, lists).fill_null(False),
           num(c.points)) for c in rule.cases],
        else_=num(rule.default),
    )
    if rule.missing is not None:
        return ibis.ifelse(value.isnull(), num(rule.missing), cases)
    return cases


def fit_case_index(rule: m.FitRule, profile: ir.Table, schema: DataSchema,
                   lists: dict[str, list[str]]) -> ir.IntegerValue:
    """Which case matched (0-based), -1 for the default, -2 for ``missing`` (explanations)."""
    value = field_column(profile, rule.field, schema)
    index = ibis.cases(
        *[(case_condition(c, value, rule.case_sensitive, lists).fill_null(False),
           ibis.literal(i)) for i, c in enumerate(rule.cases)],
        else_=ibis.literal(-1),
    )
    if rule.missing is not None:
        return ibis.ifelse(value.isnull(), ibis.literal(-2), index)
    return index


def field_value_column(rule: m.FitRule) -> str:
    """Name of the column holding the rule's attribute value as text (explanations)."""
    return f"fv__{rule.id}"


def field_value(rule: m.FitRule, profile: ir.Table, schema: DataSchema) -> ir.StringValue:
    """The rule's attribute value as text, for explanations."""
    return field_column(profile, rule.field, schema).cast("string")
