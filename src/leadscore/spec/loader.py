"""Load ``model.yaml`` into a :class:`ScoringModel`, keeping line/column for every value.

Loading never stops at the first problem: YAML errors, shape errors from pydantic (re-worded,
with did-you-mean hints) and semantic errors are all collected as :class:`Diagnostic` objects
that carry ``file:line:column``.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

from leadscore.errors import SpecError
from leadscore.spec import model as m
from leadscore.spec.diagnostics import Diagnostic
from leadscore.spec.semantic import check_model

Path_ = tuple[str | int, ...]
# Tags of the behavior-rule union appear in pydantic error locations; they are not YAML keys.
_UNION_TAGS = {"event", "formula", "inactivity"}
# Positions of values are stored under the key path plus this marker.
VALUE = "\0value"
# Codes about a value (point at the value); the others are about a key (point at the key).
_VALUE_CODES = {"LS200", "LS102", "LS103", "LS201", "LS202", "LS203", "LS204", "LS206",
                "LS300", "LS301"}


@dataclass
class LoadedModel:
    """A parsed model with its source text positions (for later data-aware diagnostics)."""

    model: m.ScoringModel
    file: str
    positions: dict[Path_, tuple[int, int]]
    diagnostics: list[Diagnostic]

    def locate(self, path: Path_, *, value: bool = True) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value (or key) at ``path``, or of its parent."""
        return _locate(self.positions, path, value=value)


def load_model(path: str | Path) -> LoadedModel:
    """Load and validate a model file.

    Raises:
        SpecError: the file has errors; every diagnostic is attached.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError([Diagnostic("LS001", f"model file {path} does not exist", file=str(path),
                                    hint="create it with `leadscore init` or fix `model:` in "
                                         "leadscore.yaml")]) from None
    return load_model_text(text, file=str(path))


def load_model_text(text: str, *, file: str = "model.yaml") -> LoadedModel:
    """Parse and validate model YAML text (see :func:`load_model`)."""
    data, positions, diagnostics = _parse_yaml(text, file)
    if diagnostics:
        raise SpecError(diagnostics)
    try:
        model = m.ScoringModel.model_validate(data)
    except ValidationError as exc:
        raise SpecError(_pydantic_diagnostics(exc, data, positions, file)) from None
    diagnostics = [_place(d, positions, file) for d in check_model(model)]
    if any(d.severity == "error" for d in diagnostics):
        raise SpecError(diagnostics)
    return LoadedModel(model, file, positions, diagnostics)


# --------------------------------------------------------------------------------------------


def _parse_yaml(text: str, file: str) -> tuple[Any, dict[Path_, tuple[int, int]], list[Diagnostic]]:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    try:
        raw = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "?"
        return None, {}, [Diagnostic(
            "LS002", f"key '{key}' appears twice in the same mapping", file=file,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            hint="YAML keeps only one of them; delete or merge the duplicate")]
    except MarkedYAMLError as exc:
        mark = exc.problem_mark
        return None, {}, [Diagnostic(
            "LS001", f"not valid YAML: {exc.problem}", file=file,
            line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None,
            hint="check indentation and quoting on this line (quote strings containing ': ')")]
    if not isinstance(raw, CommentedMap):
        return None, {}, [Diagnostic("LS003", "the model must be a mapping with name, fit, "
                                     "behavior, statuses…", file=file, line=1, column=1,
                                     hint="start from `leadscore init` or docs/model-reference.md")]
    positions: dict[Path_, tuple[int, int]] = {(): (1, 1)}
    return _plain(raw, (), positions), positions, []


def _plain(node: Any, path: Path_, positions: dict[Path_, tuple[int, int]]) -> Any:
    """Convert ruamel containers to plain dict/list, recording (line, col) of every key/item."""
    if isinstance(node, CommentedMap):
        out = {}
        for key in node:
            line, col = node.lc.key(key)
            positions[(*path, str(key))] = (line + 1, col + 1)
            line, col = node.lc.value(key)
            positions[(*path, str(key), VALUE)] = (line + 1, col + 1)
            out[str(key)] = _plain(node[key], (*path, str(key)), positions)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, item in enumerate(node):
            line, col = node.lc.item(index)
            positions[(*path, index)] = (line + 1, col + 1)
            items.append(_plain(item, (*path, index), positions))
        return items
    # ruamel wraps scalars to keep their formatting; hand plain values to validation so no
    # internal type name (ScalarFloat…) ever reaches a user.
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def _locate(positions: dict[Path_, tuple[int, int]], path: Path_, *,
            value: bool = False) -> tuple[int | None, int | None]:
    """Position of ``path`` (its value when ``value`` and known), else of its nearest parent."""
    for end in range(len(path), -1, -1):
        if value and (*path[:end], VALUE) in positions:
            return positions[(*path[:end], VALUE)]
        if path[:end] in positions:
            return positions[path[:end]]
    return None, None


def _place(diag: Diagnostic, positions: dict[Path_, tuple[int, int]], file: str) -> Diagnostic:
    line, col = _locate(positions, diag.path, value=diag.code in _VALUE_CODES)
    return Diagnostic(diag.code, diag.message, diag.severity, diag.path, file, line, col,
                      diag.hint, diag.extra)


def _yaml_path(loc: tuple[Any, ...]) -> Path_:
    """Map a pydantic error location onto the YAML path (drop the union tag, restore aliases)."""
    path: list[str | int] = []
    for index, part in enumerate(loc):
        # pydantic puts the behavior-rule union tag right after the rule's index:
        # ("behavior", "rules", 0, "event", "window") means rules[0].window.
        if index == 3 and loc[:2] == ("behavior", "rules") and part in _UNION_TAGS:
            continue
        path.append("in" if part == "in_" else part)
    return tuple(path)


_TAGGED = {"event": m.EventRule, "formula": m.FormulaRule, "inactivity": m.InactivityRule}


def _unwrap(annotation: Any) -> Any:
    """Strip ``Annotated[...]`` and ``X | None`` down to the interesting type."""
    while True:
        if get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
            continue
        if get_origin(annotation) in (Union, UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
        return annotation


def _step(annotation: Any, part: str | int) -> Any:
    """The annotation one level below ``annotation`` along ``part`` of an error location."""
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if origin is list:
        return get_args(annotation)[0] if isinstance(part, int) else None
    if origin is dict:
        return get_args(annotation)[1]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(str(part))
        return field.annotation if field is not None else None
    if origin in (Union, UnionType):
        return _TAGGED.get(str(part))
    return None


def _allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    """Keys allowed in the mapping that holds the last element of a pydantic error location."""
    annotation: Any = m.ScoringModel
    for part in loc[:-1]:
        annotation = _step(annotation, part)
        if annotation is None:
            return []
    cls = _unwrap(annotation)
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        return []
    return [f.alias or name for name, f in cls.model_fields.items() if name != "kind"]


def _pydantic_diagnostics(exc: ValidationError, data: Any, positions: dict[Path_, tuple[int, int]],
                          file: str) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple[Path_, str]] = set()
    for error in exc.errors(include_url=False):
        path = _yaml_path(tuple(error["loc"]))
        kind = error["type"]
        message = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
        hint = None
        if kind == "extra_forbidden":
            code = "LS100"
            key = str(path[-1])
            known = _allowed_keys(tuple(error["loc"]))
            close = difflib.get_close_matches(key, known, n=1)
            message = f"unknown key '{key}'"
            hint = (f"did you mean '{close[0]}'?" if close else "") + (
                f" Allowed keys here: {', '.join(known)}" if known else "")
            hint = hint.strip() or None
        elif kind == "missing":
            code = "LS101"
            message = f"'{path[-1]}' is required"
            hint = "see docs/model-reference.md for this section's keys"
        elif kind.endswith(("_type", "_parsing")) or kind in ("model_type", "model_attributes_type",
                                                "list_type", "dict_type", "union_tag_invalid"):
            code = "LS102"
            got = error.get("input")
            message = f"{message} (got {type(got).__name__}: {str(got)[:40]!r})"
        elif kind == "string_pattern_mismatch":
            code = "LS103"
            message = f"{error.get('input')!r} is not a valid id"
            hint = "ids are lower-case snake case: letters, digits and _, starting with a letter"
        else:
            code = "LS103"
        if (path, message) in seen:
            continue
        seen.add((path, message))
        line, col = _locate(positions, path, value=code in _VALUE_CODES)
        out.append(Diagnostic(code, message, "error", path, file, line, col, hint))
    return out
