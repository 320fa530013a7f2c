"""Diagnostics: one problem in a model file, with where it is and how to fix it.

Codes are stable so tests, CI and users can rely on them:

====== ==========================================================================
LS001  the file is not valid YAML
LS002  a key appears twice in the same mapping
LS003  the file is not a mapping of sections
LS100  unknown key (usually a typo)
LS101  a required key is missing
LS102  a value has the wrong type
LS103  a value is invalid (bad duration, bad expression, impossible range, …)
LS200  two rules, metrics or statuses share an id
LS201  an expression names something that does not exist
LS202  a velocity `of` names an unknown rule
LS203  `in_list` names an unknown list
LS204  tier bands or thresholds are not ordered
LS205  a status condition can never be true with the model's clamps (warning)
LS206  a clamp's min is above its max
LS300  an event name does not occur in the data
LS301  a column does not exist in the data
LS401  the configured engine cannot run a rule (regex syntax, identifier length)
====== ==========================================================================
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


def format_path(path: tuple[str | int, ...]) -> str:
    """Render a YAML path: ``("behavior", "rules", 1, "event")`` → ``behavior.rules[1].event``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a model, located by file, line, column and YAML path."""

    code: str
    message: str
    severity: Severity = "error"
    path: tuple[str | int, ...] = ()
    file: str | None = None
    line: int | None = None
    column: int | None = None
    hint: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def location(self) -> str:
        """``file:line:column`` as far as known."""
        parts = [self.file or "<model>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def render(self) -> str:
        """One or two lines for the terminal."""
        where = format_path(self.path)
        text = f"{self.location}  {self.severity} {self.code}  {where}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text

    def to_dict(self) -> dict[str, object]:
        """JSON-friendly form (``leadscore validate --json``)."""
        data = asdict(self)
        data["path"] = format_path(self.path)
        data.pop("extra")
        return data


def render_all(diagnostics: list[Diagnostic], *, as_json: bool = False) -> str:
    """Render diagnostics sorted by position, with a closing count line."""
    ordered = sorted(diagnostics, key=lambda d: (d.file or "", d.line or 0, d.column or 0))
    if as_json:
        return json.dumps([d.to_dict() for d in ordered], indent=2)
    errors = sum(d.severity == "error" for d in ordered)
    warnings = len(ordered) - errors
    lines = [d.render() for d in ordered]
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)
