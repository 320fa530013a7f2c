"""Write a proposed model: the user's YAML with only some values changed, each one commented.

The text is parsed round-trip with ruamel (through :func:`leadscore.spec.loader.load_model_text`,
which records the line and column of every value), and each changed value is replaced *in
place*, token for token: everything else — comments, key order, quoting, flow style, how long
lists wrap — stays byte for byte as the user wrote it (re-emitting the document would re-wrap
flow lists and move comments). Each line with a changed value gets an end-of-line comment such as
``# was 10; calibrate 2026-11-30: lift 3.1x, coverage 12%``; several changes on one line share it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from leadscore.errors import SpecError
from leadscore.spec.diagnostics import Diagnostic
from leadscore.spec.loader import VALUE, _parse_yaml, load_model_text

Path_ = tuple[str | int, ...]

_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PLAIN = re.compile(r"[^#\n]*?(?=\s+#|\s*$)")


@dataclass(frozen=True)
class Edit:
    """Set the value at ``path`` to ``value`` and say why in ``comment``."""

    path: Path_
    value: float | str
    comment: str


def _render(value: float | str, quote: str | None) -> str:
    if isinstance(value, float):
        return f"{int(value)}" if value.is_integer() else f"{value:g}"
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote == '"':
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return value


def _token(line: str, start: int, value: float | str, where: str, file: str) -> tuple[int, str]:
    """The end of the scalar starting at ``start`` and its quote character (or ``None``)."""
    rest = line[start:]
    if isinstance(value, float):
        match = _NUMBER.match(rest)
    elif rest[:1] in ("'", '"'):
        q = rest[0]
        match = re.match(r"'(?:[^']|'')*'" if q == "'" else r'"(?:[^"\\]|\\.)*"', rest)
    else:
        match = _PLAIN.match(rest)
    if match is None or not match.group(0):
        raise SpecError([Diagnostic("LS001", f"cannot rewrite the value of {where} in place",
                                    file=file, hint="write it on one line")])
    return start + match.end(), rest[:1] if rest[:1] in ("'", '"') else ""


def apply_edits(text: str, edits: Sequence[Edit], *, file: str = "model.yaml") -> str:
    """The YAML ``text`` with every edit applied in place and commented.

    Raises:
        SpecError: the text is not a valid model, or a path is not in it.
    """
    positions = load_model_text(text, file=file).positions
    lines = text.split("\n")
    by_line: dict[int, list[tuple[int, Edit]]] = {}
    for edit in edits:
        where = ".".join(map(str, edit.path))
        at = positions.get((*(str(p) if isinstance(p, str) else p for p in edit.path), VALUE))
        if at is None:  # a sequence item has its own position, without the value marker
            at = positions.get(tuple(edit.path))
        if at is None:
            raise SpecError([Diagnostic("LS001", f"cannot find {where} in the model file",
                                        file=file)])
        line, column = at
        by_line.setdefault(line - 1, []).append((column - 1, edit))
    for index, items in by_line.items():
        line = lines[index]
        # Right to left, so earlier columns stay valid.
        for column, edit in sorted(items, key=lambda item: item[0], reverse=True):
            end, quote = _token(line, column, edit.value, ".".join(map(str, edit.path)), file)
            if isinstance(edit.value, str) and not quote and (
                    ": " in edit.value or " #" in edit.value or edit.value[:1] in "'\"{[&*!|>%@`"):
                quote = "'"
            line = line[:column] + _render(edit.value, quote or None) + line[end:]
        comments = "; ".join(edit.comment for _, edit in sorted(items, key=lambda i: i[0]))
        lines[index] = f"{line.rstrip()}  # {comments}"
    out = "\n".join(lines)
    _check(out, edits, file)
    return out


def _check(text: str, edits: Sequence[Edit], file: str) -> None:
    """Every edited value reads back as written (a multi-line scalar would not)."""
    data, _, diagnostics = _parse_yaml(text, file)
    for edit in edits:
        node = data
        for part in edit.path:
            node = None if node is None else node[part]
        expected = edit.value
        if diagnostics or (node != expected if isinstance(expected, str)
                           else not isinstance(node, int | float) or float(node) != expected):
            where = ".".join(map(str, edit.path))
            raise SpecError([Diagnostic("LS001", f"the value of {where} could not be rewritten "
                                        "in place", file=file,
                                        hint="write it on a single line, then calibrate again")])
