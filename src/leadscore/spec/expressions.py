"""A small, safe expression language for conditions and formulas.

Used by status conditions (``total >= 80 and fit >= 15``), formula rules
(``active_days_7d / 7 * 20 + 2 * seats_added_14d``) and event filters
(``logged_in and duration_s >= 60``).

The text is parsed with Python's :mod:`ast` (so precedence is the familiar one) and then
converted, node by node, into the frozen dataclasses below. Anything outside the whitelist —
attribute access, subscripts, lambdas, comprehensions, unknown functions — is rejected with the
column where it starts. Nothing is ever passed to ``eval``: the compiler turns these nodes into
engine expressions and the reference scorer interprets them directly.

Grammar, informally::

    expr    := expr or expr | expr and expr | not expr
             | arith (< | <= | > | >= | == | !=) arith ...
    arith   := arith (+ | - | * | /) arith | -arith | ( expr ) | call | name | number | 'string'
             | true | false
    call    := min(expr, ...) | max(expr, ...) | abs(expr)

Division by zero yields 0 (a formula over an empty window must not fail or go null).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

FUNCTIONS = {"min": (2, None), "max": (2, None), "abs": (1, 1)}

_BINARY = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}
_COMPARE = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}


class ExpressionError(ValueError):
    """The expression text is invalid; ``column`` is the 0-based offset of the culprit."""

    def __init__(self, message: str, column: int = 0) -> None:
        super().__init__(message)
        self.column = column


@dataclass(frozen=True)
class Expr:
    """Base class of expression nodes."""


@dataclass(frozen=True)
class Literal(Expr):
    """A number, string or boolean constant."""

    value: float | str | bool


@dataclass(frozen=True)
class Name(Expr):
    """A reference to a score, metric, rule or column by name."""

    name: str
    column: int = 0


@dataclass(frozen=True)
class Unary(Expr):
    """``-x`` or ``not x``."""

    op: str
    operand: Expr


@dataclass(frozen=True)
class Binary(Expr):
    """Arithmetic (``+ - * /``), comparison (``< <= > >= == !=``) or logic (``and or``)."""

    op: str
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Call(Expr):
    """A whitelisted function call: ``min``, ``max`` or ``abs``."""

    function: str
    args: tuple[Expr, ...]


def parse_expression(text: str) -> Expr:
    """Parse expression text into a node tree.

    Raises:
        ExpressionError: the text is not a valid expression; the message says why.
    """
    source = str(text).strip()
    if not source:
        raise ExpressionError("the expression is empty")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        raise ExpressionError(f"invalid syntax: {exc.msg}", max((exc.offset or 1) - 1, 0)) from None
    return _convert(tree.body)


def _convert(node: ast.AST) -> Expr:
    col = getattr(node, "col_offset", 0)
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool | str):
            return Literal(node.value)
        if isinstance(node.value, int | float):
            return Literal(float(node.value))
        raise ExpressionError(f"unsupported constant {node.value!r}", col)
    if isinstance(node, ast.Name):
        if node.id in ("true", "True"):
            return Literal(True)
        if node.id in ("false", "False"):
            return Literal(False)
        return Name(node.id, col)
    if isinstance(node, ast.UnaryOp):
        if isinstance(node.op, ast.USub):
            return Unary("-", _convert(node.operand))
        if isinstance(node.op, ast.UAdd):
            return _convert(node.operand)
        if isinstance(node.op, ast.Not):
            return Unary("not", _convert(node.operand))
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return Binary(_BINARY[type(node.op)], _convert(node.left), _convert(node.right))
    if isinstance(node, ast.BoolOp):
        op = "and" if isinstance(node.op, ast.And) else "or"
        values = [_convert(v) for v in node.values]
        result = values[0]
        for value in values[1:]:
            result = Binary(op, result, value)
        return result
    if isinstance(node, ast.Compare):
        # a < b <= c  means  (a < b) and (b <= c), as in Python.
        left = _convert(node.left)
        parts: list[Expr] = []
        for op, comparator in zip(node.ops, node.comparators, strict=True):
            if type(op) not in _COMPARE:
                raise ExpressionError("only < <= > >= == != comparisons are allowed", col)
            right = _convert(comparator)
            parts.append(Binary(_COMPARE[type(op)], left, right))
            left = right
        result = parts[0]
        for part in parts[1:]:
            result = Binary("and", result, part)
        return result
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name not in FUNCTIONS or node.keywords:
            known = ", ".join(sorted(FUNCTIONS))
            what = f"function '{name}'" if name else f"'{ast.unparse(node.func)}'"
            raise ExpressionError(f"{what} is not allowed; the functions are {known}", col)
        low, high = FUNCTIONS[name]
        if len(node.args) < low or (high is not None and len(node.args) > high):
            count = f"{low}{'+' if high is None else ''}"
            raise ExpressionError(f"{name}() takes {count} argument(s)", col)
        return Call(name, tuple(_convert(a) for a in node.args))
    raise ExpressionError(f"'{ast.unparse(node)}' is not allowed in an expression", col)


def names_in(expr: Expr) -> list[Name]:
    """Every :class:`Name` referenced by ``expr``, in reading order."""
    if isinstance(expr, Name):
        return [expr]
    if isinstance(expr, Unary):
        return names_in(expr.operand)
    if isinstance(expr, Binary):
        return names_in(expr.left) + names_in(expr.right)
    if isinstance(expr, Call):
        return [n for a in expr.args for n in names_in(a)]
    return []


def conjuncts(expr: Expr) -> list[Expr]:
    """Split ``a and b and c`` into ``[a, b, c]`` (for per-condition explanations)."""
    if isinstance(expr, Binary) and expr.op == "and":
        return conjuncts(expr.left) + conjuncts(expr.right)
    return [expr]


def to_text(expr: Expr) -> str:
    """Render a node tree back to readable expression text."""
    if isinstance(expr, Literal):
        if isinstance(expr.value, bool):
            return "true" if expr.value else "false"
        if isinstance(expr.value, str):
            return repr(expr.value)
        return f"{expr.value:g}"
    if isinstance(expr, Name):
        return expr.name
    if isinstance(expr, Unary):
        return f"not {to_text(expr.operand)}" if expr.op == "not" else f"-{to_text(expr.operand)}"
    if isinstance(expr, Binary):
        return f"{_wrap(expr.left)} {expr.op} {_wrap(expr.right)}"
    if isinstance(expr, Call):
        return f"{expr.function}({', '.join(to_text(a) for a in expr.args)})"
    raise TypeError(expr)


def _wrap(expr: Expr) -> str:
    text = to_text(expr)
    # Parenthesise every nested binary node: always correct, never ambiguous to a reader.
    return f"({text})" if isinstance(expr, Binary) else text
