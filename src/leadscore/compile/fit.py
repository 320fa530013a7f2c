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

from leadscore.compile.portable import num, one_of
from leadscore.compile.tables import ACCOUNT_PREFIX, arrives_lower_cased, arrives_trimmed
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


def _text(value: ir.Value, case_sensitive: bool, *, trimmed: bool = False) -> ir.StringValue:
    text = value.cast("string")
    if not trimmed:  # TRIM is DuckDB's costliest string function here: ~0.1 s per 1M values
        text = text.strip()
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


def as_number(value: ir.Value) -> ir.NumericValue:
    """``number(v)`` of §1: numbers as they are, text read as a number, else NULL."""
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


FIT_INPUT_PREFIX = "fin__"
"""Columns holding a fit field's normalised text or number (see :func:`fit_inputs`)."""


def _forms(rule: m.FitRule, value_type) -> set[str]:
    """The normalised forms of the rule's field its cases read: lower, text, number."""
    text_form = "text" if rule.case_sensitive else "lower"
    forms = set()
    for case in rule.cases:
        matcher = case.matcher
        if matcher in ("between", "range"):
            forms.add("number")
        elif matcher in ("in_list", "contains", "matches"):
            forms.add(text_form)
        elif matcher in ("equals", "in", "not_in"):
            values = ([case.equals] if matcher == "equals"
                      else (case.in_ or case.not_in or []))
            if value_type.is_numeric() and all(isinstance(v, float) and not isinstance(v, bool)
                                               for v in values):
                forms.add("number")
            elif not (value_type.is_boolean() and all(isinstance(v, bool) for v in values)):
                forms.add(text_form)
    if value_type.is_numeric():
        forms.discard("number")  # a plain CAST: nothing to compute once
    return forms


def _form(value: ir.Value, form: str, *, trimmed: bool = False) -> ir.Value:
    return as_number(value) if form == "number" else _text(value, form == "text",
                                                           trimmed=trimmed)


def fit_inputs(rules: list[m.FitRule], people: ir.Table, accounts: ir.Table | None,
               schema: DataSchema) -> tuple[ir.Table, ir.Table | None, dict]:
    """``people`` and ``accounts`` with each fit field's normalised forms as ``fin__<n>``.

    Why: every case of a rule compares the same ``LOWER(TRIM(CAST(x AS TEXT)))`` (or parsed
    number), and Ibis inlines a column defined in the SELECT just below instead of
    referencing it, while DuckDB does not factor common subexpressions out of ``CASE``
    branches: the text was normalised once per case (~1 s of CPU at 1M people). Computed in
    the tables *before* they are joined, the forms are real columns that the cases reference.

    A field that normalisation left in the form already (trimmed text; the derived, lower-cased
    ``email_domain``) is read as it is, with no ``fin__`` column.

    Returns:
        (people, accounts, ``{(field, form): column}``) for :func:`fit_contribution`.
    """
    names: dict[tuple[str, str], str] = {}
    added: dict[str, dict[str, ir.Value]] = {"person": {}, "account": {}}
    for rule in rules:
        where = resolve_field(rule.field, schema)
        if where is None:
            continue  # field_column raises the error when the rule is compiled
        kind, column = where
        table = accounts if kind == "account" else people
        in_table = ACCOUNT_PREFIX + column if kind == "account" else column
        if table is None or in_table not in table.columns:
            continue  # likewise: a clear error from field_column, not one from Ibis here
        source = table[in_table]
        # What normalisation already did is not redone: the engine does not skip a TRIM or
        # LOWER of clean text, it makes another pass over every person.
        trimmed = arrives_trimmed(in_table)
        lower_cased = arrives_lower_cased(in_table, schema.people)
        for form in sorted(_forms(rule, source.type())):
            if (rule.field, form) in names:
                continue
            if (form != "number" and source.type().is_string() and trimmed
                    and (form == "text" or lower_cased)):
                # Already in this form: the cases read the column itself (a new column would
                # be its definition again, inlined by Ibis and computed twice).
                names[rule.field, form] = in_table
                continue
            name = f"{FIT_INPUT_PREFIX}{len(names)}"
            names[rule.field, form] = name
            added[kind][name] = _form(source, form, trimmed=trimmed)
    if added["person"]:
        people = people.mutate(**added["person"])
    if added["account"] and accounts is not None:
        accounts = accounts.mutate(**added["account"])
    return people, accounts, names


class _Field:
    """A rule's field value and its normalised forms (columns from :func:`fit_inputs`)."""

    def __init__(self, rule: m.FitRule, profile: ir.Table, value: ir.Value,
                 inputs: dict | None) -> None:
        self.rule, self.profile, self.value, self.inputs = rule, profile, value, inputs or {}

    def form(self, form: str) -> ir.Value:
        name = self.inputs.get((self.rule.field, form))
        return self.profile[name] if name is not None else _form(self.value, form)

    def text(self, case_sensitive: bool) -> ir.StringValue:
        return self.form("text" if case_sensitive else "lower")

    def number(self) -> ir.NumericValue:
        return self.form("number") if not self.value.type().is_numeric() else as_number(
            self.value)


def case_condition(case: m.Case, value: ir.Value, case_sensitive: bool,
                   lists: dict[str, list[str]], field: _Field | None = None) -> ir.BooleanValue:
    """Whether ``value`` satisfies ``case`` (NULL never matches, except ``exists: false``).

    ``field`` supplies the value's normalised forms when they were computed once
    (:func:`fit_inputs`); without it they are computed here.
    """
    text = field.text if field is not None else (lambda cs: _text(value, cs))
    number = field.number if field is not None else (lambda: as_number(value))
    numeric_column = value.type().is_numeric()
    matcher = case.matcher
    if matcher == "exists":
        return value.notnull() if case.exists else value.isnull()
    if matcher == "between":
        low, high = case.between  # type: ignore[misc]
        return number().between(low, high)
    if matcher == "range":
        parsed = number()
        condition = ibis.literal(True)
        if case.min is not None:
            condition = condition & (parsed >= case.min)
        if case.max is not None:
            condition = condition & (parsed <= case.max)
        return condition
    if matcher in ("equals", "in", "not_in"):
        values = [case.equals] if matcher == "equals" else (case.in_ or case.not_in or [])
        if numeric_column and all(isinstance(v, float) and not isinstance(v, bool) for v in values):
            hit = one_of(number(), values)
        elif value.type().is_boolean() and all(isinstance(v, bool) for v in values):
            hit = one_of(value, values)
        else:
            hit = one_of(text(case_sensitive), [_norm(v, case_sensitive) for v in values])
        return (~hit & value.notnull()) if matcher == "not_in" else hit
    if matcher == "in_list":
        members = [_norm(v, case_sensitive) for v in lists[case.in_list or ""]]
        return one_of(text(case_sensitive), members)
    if matcher == "contains":
        needles = [case.contains] if isinstance(case.contains, str) else list(case.contains or [])
        haystack = text(case_sensitive)
        condition = ibis.literal(False)
        for needle in needles:
            condition = condition | haystack.contains(_norm(needle, case_sensitive))
        return condition
    if matcher == "matches":
        return text(case_sensitive).re_search(case.matches or "")
    raise AssertionError(f"unhandled matcher {matcher}")


def fit_contribution(rule: m.FitRule, profile: ir.Table, schema: DataSchema,
                     lists: dict[str, list[str]], inputs: dict | None = None) -> ir.NumericValue:
    """Points of one fit rule for every person (``inputs``: from :func:`fit_inputs`)."""
    value = field_column(profile, rule.field, schema)
    field = _Field(rule, profile, value, inputs)
    # num(): a CASE of bare literals would be NUMERIC/DECIMAL on PostgreSQL and Spark. A NULL
    # condition (a missing value) falls through to the next case in SQL, as a false one does:
    # no COALESCE per case and person.
    cases = ibis.cases(
        *[(case_condition(c, value, rule.case_sensitive, lists, field), num(c.points))
          for c in rule.cases],
        else_=num(rule.default),
    )
    if rule.missing is not None:
        return ibis.ifelse(value.isnull(), num(rule.missing), cases)
    return cases


def fit_case_index(rule: m.FitRule, profile: ir.Table, schema: DataSchema,
                   lists: dict[str, list[str]], inputs: dict | None = None) -> ir.IntegerValue:
    """Which case matched (0-based), -1 for the default, -2 for ``missing`` (explanations)."""
    value = field_column(profile, rule.field, schema)
    field = _Field(rule, profile, value, inputs)
    index = ibis.cases(
        *[(case_condition(c, value, rule.case_sensitive, lists, field), ibis.literal(i))
          for i, c in enumerate(rule.cases)],
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
