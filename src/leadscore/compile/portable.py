r"""What it takes for one compiled expression to mean the same on every SQL engine.

Two things differ between engines below the level Ibis abstracts, and both are handled here:

- **Float literals.** Ibis writes ``15.0`` for a float64 literal, which is ``DOUBLE`` in DuckDB's
  eyes only by luck: it is ``NUMERIC`` in PostgreSQL, ``DECIMAL(3,1)`` in Spark SQL and
  ``NUMBER(3,1)`` in Snowflake. A column made only of literals (a fit rule's ``CASE … THEN 15.0
  ELSE 0.0``) then comes back as a decimal that Ibis cannot even convert to the float64 it
  declared. :func:`num` writes ``CAST(15 AS DOUBLE)`` instead, in every dialect.
- **Regular expressions.** ``matches:`` patterns are written in Python's syntax (the reference
  scorer runs them with :mod:`re`), but each engine has its own flavour: ``\b`` is a word
  boundary in RE2 (DuckDB, BigQuery) and Java (Spark) but a *backspace* in PostgreSQL, where the
  word boundary is ``\y``; Snowflake speaks POSIX ERE (no ``(?:``, no lazy quantifiers). The
  compiled expression keeps the Python pattern; :func:`for_dialect` rewrites the patterns of an
  expression for one dialect just before it is compiled to SQL or executed, and
  :func:`regex_problems` lists what a flavour cannot express (``leadscore validate`` reports them).

Every ``matches:`` only asks *whether* the pattern occurs, so rewrites that change what a match
captures or how long it is (lazy → greedy, ``(?:`` → ``(``) are exact for our use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import ibis
import ibis.expr.operations as ops
import ibis.expr.types as ir

REGEX_FLAVOURS = {"duckdb": "re2", "bigquery": "re2", "postgres": "postgres",
                  "snowflake": "posix_ere", "databricks": "java", "spark": "java",
                  "pyspark": "java"}
"""SQL dialect → the regular-expression flavour its engine implements."""


def num(value: float) -> ir.FloatingValue:
    """A float64 literal that is a double in every dialect (``CAST(15 AS DOUBLE)``).

    Only needed where a column can be made of literals alone; ``x * 0.5`` or
    ``COALESCE(x, 0.0)`` are doubles anyway because ``x`` is.
    """
    value = float(value)
    # Integers print exactly; other values go through text, which every engine parses to the
    # nearest double, exactly as Python's repr round-trips.
    literal = ibis.literal(int(value)) if value.is_integer() else ibis.literal(repr(value))
    return literal.cast("float64")


def one_of(value: ir.Value, values: list) -> ir.BooleanValue:
    """``value IN (values)``, written ``value = v`` when there is one value.

    Same meaning (NULL stays NULL), but DuckDB evaluates a single-value ``IN`` as a list
    membership test, about 25 % slower than ``=`` inside the many ``FILTER`` clauses of the
    event aggregation.
    """
    if len(values) == 1:
        return value == values[0]
    return value.isin(values)


# --------------------------------------------------------------------------------------------
# Regular expressions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    kind: str   # "escape", "class", "group", "quantifier", "brace", "char"
    text: str


_QUANTIFIER = re.compile(r"[*+?]|\{\d+(?:,\d*)?\}")
_GROUP = re.compile(r"\((?:\?(?:P<\w+>|P=\w+|<\w+>|[:=!>#(]|<[=!]|[aiLmsux-]+[:)])?)?")


def _tokens(pattern: str) -> list[_Token]:
    """Split a (valid, Python) pattern into the tokens whose meaning differs between flavours."""
    out: list[_Token] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(_Token("escape", pattern[i:i + 2]))
            i += 2
        elif ch == "[":
            j = i + 1
            if j < len(pattern) and pattern[j] == "^":
                j += 1
            if j < len(pattern) and pattern[j] == "]":
                j += 1  # a leading ] is a literal
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(_Token("class", pattern[i:j + 1]))
            i = j + 1
        elif ch == "(":
            match = _GROUP.match(pattern, i)
            text = match.group(0) if match else "("
            out.append(_Token("group", text))
            i += len(text)
        else:
            match = _QUANTIFIER.match(pattern, i)
            if match:
                text = match.group(0)
                if pattern[match.end():match.end() + 1] in ("?", "+"):
                    text += pattern[match.end()]  # lazy (?) or possessive (+)
                out.append(_Token("quantifier", text))
                i += len(text)
            else:
                out.append(_Token("brace" if ch == "{" else "char", ch))
                i += 1
    return out


# Constructs Python accepts that some flavours cannot run, as (test, flavours lacking it, what).
_UNSUPPORTED: list[tuple[str, frozenset[str], str]] = [
    ("named_backref", frozenset({"re2", "postgres", "posix_ere", "java"}),
     "named back-references ((?P=name))"),
    ("atomic", frozenset({"re2", "postgres", "posix_ere"}),
     "atomic groups ((?>…)) and possessive quantifiers (*+, ++, ?+)"),
    ("conditional", frozenset({"re2", "postgres", "posix_ere", "java"}),
     "conditional groups ((?(1)…|…))"),
    ("comment", frozenset({"re2", "posix_ere", "java"}), "comments ((?#…))"),
    ("flags", frozenset({"postgres", "posix_ere"}), "inline flags such as (?i)"),
    # PostgreSQL reads \x41b as one code (any number of hex digits), POSIX ERE has none.
    ("numeric_escape", frozenset({"postgres", "posix_ere"}),
     "character codes (\\x41, \\u00e9, \\N{…}, \\0)"),
]


def _features(pattern: str) -> set[str]:
    found = set()
    for token in _tokens(pattern):
        text = token.text
        if token.kind == "group":
            if text.startswith("(?P="):
                found.add("named_backref")
            elif text == "(?>":
                found.add("atomic")
            elif text == "(?(":
                found.add("conditional")
            elif text == "(?#":
                found.add("comment")
            elif len(text) > 2 and text[2] not in ":=!<P>#(":
                found.add("flags")
        elif token.kind == "quantifier" and len(text) > 1 and text.endswith("+") and \
                text[-2] in "*+?}":
            found.add("atomic")
        elif token.kind in ("escape", "class") and re.search(r"\\(?:[xuUN0-7])", text):
            found.add("numeric_escape")
    return found


def regex_problems(pattern: str, flavour: str) -> list[str]:
    """What ``pattern`` uses that the ``flavour`` engine cannot run (empty: portable).

    Look-arounds and numeric back-references are rejected for every engine by the model itself
    (``LS103``); this covers the rest of Python's syntax, per flavour.
    """
    features = _features(pattern)
    return [what for name, lacking, what in _UNSUPPORTED if name in features and flavour in lacking]


def translate_regex(pattern: str, flavour: str) -> str:
    """``pattern`` (Python syntax) rewritten to mean the same in ``flavour`` for a search.

    Only constructs every flavour supports after translation are rewritten; the rest is left
    for :func:`regex_problems` to report. Bracket expressions are copied as they are.
    """
    if flavour == "python":
        return pattern
    out = []
    for token in _tokens(pattern):
        text = token.text
        if token.kind == "escape":
            if flavour == "postgres":
                # \b is backspace in PostgreSQL's ARE; its word boundaries are \y and \Y.
                text = {"\\b": "\\y", "\\B": "\\Y"}.get(text, text)
            elif flavour in ("re2", "java"):
                # Python's \Z is the very end; RE2 has no \Z and Java's allows a final newline.
                text = {"\\Z": "\\z"}.get(text, text)
            elif flavour == "posix_ere":
                text = {"\\A": "^", "\\Z": "$"}.get(text, text)
        elif token.kind == "brace":
            text = "\\{"  # a literal { in Python; an error or a bound elsewhere
        elif token.kind == "group" and text.startswith("(?P<"):
            text = "("  # names are Python's syntax only (Java: (?<n>), and unused in a search
        elif flavour == "posix_ere":
            if token.kind == "group" and text == "(?:":
                text = "("  # ERE has no non-capturing groups; captures do not matter here
            elif token.kind == "quantifier" and text.endswith("?") and len(text) > 1:
                text = text[:-1]  # ERE has no lazy quantifiers; a search does not need them
        out.append(text)
    translated = "".join(out)
    if flavour == "posix_ere":
        # Ibis compiles a Snowflake search as REGEXP_LIKE(x, '.*' || p || '.*'), a full match:
        # without a group, '.*a|b.*' would mean '(.*a)|(b.*)'.
        translated = f"({translated})"
    return translated


def for_dialect(expr: ir.Expr, dialect: str) -> ir.Expr:
    """``expr`` with every regular expression translated for ``dialect``.

    Returns the same object when nothing changes. Engines call this before executing, and
    :func:`leadscore.compile.sql.compile_sql` before rendering SQL.
    """
    flavour = REGEX_FLAVOURS.get(dialect, "python")

    def rewrite(node, kwargs):
        node = node.__recreate__(kwargs) if kwargs else node
        if isinstance(node, ops.RegexSearch) and isinstance(node.pattern, ops.Literal):
            pattern = translate_regex(node.pattern.value, flavour)
            if pattern != node.pattern.value:
                return node.copy(pattern=ops.Literal(pattern, node.pattern.dtype))
        return node

    op = expr.op()
    new = op.replace(rewrite, filter=ops.Node)
    return expr if new is op else new.to_expr()
