"""Turn parsed model expressions into Ibis expressions.

Names are resolved by a caller-supplied function, so the same code compiles status conditions
(names are score columns), formulas (metric columns) and event filters (event columns).
"""

from __future__ import annotations

from collections.abc import Callable

import ibis
import ibis.expr.types as ir

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
            return ~compile_condition(expr.operand, resolve)
        return -_number(compile_value(expr.operand, resolve))
    if isinstance(expr, Binary):
        if expr.op in ("and", "or"):
            left = compile_condition(expr.left, resolve)
            right = compile_condition(expr.right, resolve)
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
            # x / 0 is 0: a ratio over an empty window means "no activity", not an error.
            return ibis.ifelse(right == 0, ibis.literal(0.0), left / right)
        return {
            "<": left.__lt__, "<=": left.__le__, ">": left.__gt__, ">=": left.__ge__,
            "==": left.__eq__, "!=": left.__ne__,
        }[expr.op](right)
    if isinstance(expr, Call):
        args = [_number(compile_value(a, resolve)) for a in expr.args]
        if expr.function == "abs":
            return args[0].abs()
        combine = ibis.least if expr.function == "min" else ibis.greatest
        return combine(*args)
    raise TypeError(f"unknown expression node {expr!r}")


def compile_condition(expr: Expr, resolve: Resolver) -> ir.BooleanValue:
    """Compile ``expr`` as a condition; a NULL outcome counts as false.

    A bare non-boolean name is read leniently, the way messy event properties need it: numbers
    are true when non-zero, strings when they spell yes/true/1.
    """
    value = compile_value(expr, resolve)
    dtype = value.type()
    if dtype.is_boolean():
        condition = value
    elif dtype.is_numeric():
        condition = value != 0
    elif dtype.is_string():
        condition = value.strip().lower().isin(_TRUTHY_STRINGS)
    else:
        condition = value.notnull()
    return condition.fill_null(False)


def _number(value: ir.Value) -> ir.NumericValue:
    # Everything arithmetic runs in float64 so integer columns never truncate a ratio.
    return value.cast("float64")
