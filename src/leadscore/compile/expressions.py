"""Turn parsed model expressions into Ibis expressions.

Names are resolved by a caller-supplied function, so the same code compiles status conditions
(names are score columns), formulas (metric columns) and event filters (event columns).
"""

from __future__ import annotations

from collections.abc import Callable

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir

from leadscore.compile.portable import num
from leadscore.spec.expressions import Binary, Call, Expr, Literal, Name, Unary

Resolver = Callable[[str], ir.Value]

_TRUTHY_STRINGS = ("true", "t", "yes", "y", "1")


def compile_value(expr: Expr, resolve: Resolver) -> ir.Value:
    """Compile ``expr`` as a value (number, string or boolean)."""
    if isinstance(expr, Literal):
        return ibis.literal(expr.value)
    if isinstance(expr, Name):
        return resolve(expr.name)
    if isinstance(expr, Unary):
        if expr.op == "not":
            return ~truth(compile_value(expr.operand, resolve))
        return -_number(compile_value(expr.operand, resolve))
    if isinstance(expr, Binary):
        if expr.op in ("and", "or"):
            left = truth(compile_value(expr.left, resolve))
            right = truth(compile_value(expr.right, resolve))
            return (left & right) if expr.op == "and" else (left | right)
        left, right = compile_value(expr.left, resolve), compile_value(expr.right, resolve)
        if expr.op in ("+", "-", "*", "/"):
            left, right = _number(left), _number(right)
            if expr.op == "+":
                return left + right
            if expr.op == "-":
                return left - right
            if expr.op == "*":
                return left * right
            # x / 0 is 0: a ratio over an empty window means "no activity", not an error. A
            # missing x stays missing (three-valued logic), so NULL / 0 is NULL, not 0.
            zero = ibis.ifelse(left.isnull(), ibis.null("float64"), ibis.literal(0.0))
            return ibis.ifelse(right == 0, zero, left / right)
        left, right = _integral(left, right), _integral(right, left)
        return {
            "<": left.__lt__, "<=": left.__le__, ">": left.__gt__, ">=": left.__ge__,
            "==": left.__eq__, "!=": left.__ne__,
        }[expr.op](right)
    if isinstance(expr, Call):
        args = [_number(compile_value(a, resolve)) for a in expr.args]
        if expr.function == "abs":
            return args[0].abs()
        combine = ibis.least if expr.function == "min" else ibis.greatest
        # GREATEST/LEAST skip NULLs on DuckDB, PostgreSQL and Spark but not on Snowflake or
        # BigQuery; spell out the semantics' rule (a missing argument makes min/max missing).
        missing = [a.isnull() for a in args if not _is_constant(a)]
        if not missing:
            return combine(*args)
        return ibis.ifelse(ibis.or_(*missing), ibis.null("float64"), combine(*args))
    raise TypeError(f"unknown expression node {expr!r}")


def truth(value: ir.Value) -> ir.BooleanValue:
    """The truth value of ``value``, NULL staying NULL (SQL three-valued logic).

    Messy event properties are read leniently: numbers are true when non-zero, text when it
    spells true/t/yes/y/1 (any case, surrounding spaces ignored).
    """
    dtype = value.type()
    if dtype.is_boolean():
        return value
    if dtype.is_numeric():
        return value != 0
    if dtype.is_string():
        return value.strip().lower().isin(_TRUTHY_STRINGS)
    if dtype.is_null():
        return ibis.null("boolean")
    return value.notnull()


def compile_condition(expr: Expr, resolve: Resolver) -> ir.BooleanValue:
    """Compile ``expr`` as a condition: three-valued inside, a NULL outcome counts as false.

    As in SQL, ``not logged_in`` is NULL — so false — when ``logged_in`` is missing.
    """
    return truth(compile_value(expr, resolve)).fill_null(False)


def _integral(value: ir.Value, other: ir.Value) -> ir.Value:
    """A whole-number float literal compared with an integer column, as an integer literal.

    ``features_used >= 3`` is read as ``>= 3.0``, which DuckDB types as DECIMAL and then
    casts the integer column to DECIMAL on every row (50M casts in the event pass); an
    integer literal compares the same values exactly, without the cast.
    """
    op = value.op()
    if (isinstance(op, ops.Literal) and isinstance(op.value, float) and op.value.is_integer()
            and other.type().is_integer()):
        return ibis.literal(int(op.value))
    return value


def _is_constant(value: ir.Value) -> bool:
    op = value.op()
    return isinstance(op, ops.Literal) or (isinstance(op, ops.Cast)
                                            and isinstance(op.arg, ops.Literal))


def _number(value: ir.Value) -> ir.NumericValue:
    # Everything arithmetic runs in float64 so integer columns never truncate a ratio.
    op = value.op()
    if isinstance(op, ops.Literal) and isinstance(op.value, float):
        # A cast of a float literal is a no-op to Ibis, which writes `2.5`: NUMERIC/DECIMAL to
        # PostgreSQL and Spark, so `formula: "2.5 * 2"` would not be a double there.
        return num(op.value)
    return value.cast("float64")


def clamp(value: ir.NumericValue, low: float | None, high: float | None) -> ir.NumericValue:
    """``value`` held within ``[low, high]`` (either bound may be absent)."""
    if high is not None:
        value = ibis.least(value, high)
    if low is not None:
        value = ibis.greatest(value, low)
    return value
