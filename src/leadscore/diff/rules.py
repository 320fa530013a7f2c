"""Rule-level differences between two parsed models: added, removed and changed rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from leadscore.spec import model as m


@dataclass(frozen=True)
class RuleDiff:
    """One difference between the models.

    Attributes:
        section: ``fit``, ``behavior``, ``velocity``, ``status`` or ``model`` (anything else:
            budgets, weights, decay, tiers, lists, metrics).
        name: The rule id, status name, or setting path.
        change: ``added``, ``removed`` or ``changed``.
        details: For a change, one ``path: old → new`` line per value that differs.
    """

    section: str
    name: str
    change: Literal["added", "removed", "changed"]
    details: tuple[str, ...] = ()


def _flat(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            out |= _flat(item, f"{prefix}.{key}" if prefix else str(key))
        return out
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        out = {}
        for i, item in enumerate(value):
            out |= _flat(item, f"{prefix}[{i}]")
        return out
    return {prefix: value}


def _show(value: Any) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _details(a: Any, b: Any) -> tuple[str, ...]:
    fa, fb = _flat(a), _flat(b)
    return tuple(f"{key}: {_show(fa.get(key))} → {_show(fb.get(key))}"
                 for key in sorted(set(fa) | set(fb), key=lambda k: (k not in fa, k))
                 if fa.get(key) != fb.get(key))


def _dump(node: m.SpecModel) -> dict[str, Any]:
    return node.model_dump(mode="json", by_alias=True, exclude_none=True, exclude={"kind"}
                           if "kind" in type(node).model_fields else None)


def _keyed(section: str, a: dict[str, Any], b: dict[str, Any]) -> list[RuleDiff]:
    out = []
    for key in a:
        if key not in b:
            out.append(RuleDiff(section, key, "removed"))
        elif a[key] != b[key]:
            out.append(RuleDiff(section, key, "changed", _details(a[key], b[key])))
    out += [RuleDiff(section, key, "added") for key in b if key not in a]
    return out


def rule_diffs(a: m.ScoringModel, b: m.ScoringModel) -> tuple[RuleDiff, ...]:
    """Every difference from model ``a`` to model ``b``, rules first, in model order."""
    out = _keyed("fit", {r.id: _dump(r) for r in a.fit.rules},
                 {r.id: _dump(r) for r in b.fit.rules})
    out += _keyed("behavior", {r.id: _dump(r) for r in a.behavior.rules},
                  {r.id: _dump(r) for r in b.behavior.rules})
    out += _keyed("velocity", {v.id: _dump(v) for v in a.behavior.velocity},
                  {v.id: _dump(v) for v in b.behavior.velocity})
    out += _keyed("status", {s.name: _dump(s) for s in a.statuses},
                  {s.name: _dump(s) for s in b.statuses})
    order_a, order_b = [s.name for s in a.statuses], [s.name for s in b.statuses]
    if [n for n in order_a if n in order_b] != [n for n in order_b if n in order_a]:
        out.append(RuleDiff("status", "order", "changed",
                            (f"order: {', '.join(order_a)} → {', '.join(order_b)}",)))
    rest_a = a.model_dump(mode="json", by_alias=True, exclude_none=True,
                          exclude={"statuses": True, "fit": {"rules"},
                                   "behavior": {"rules", "velocity"}})
    rest_b = b.model_dump(mode="json", by_alias=True, exclude_none=True,
                          exclude={"statuses": True, "fit": {"rules"},
                                   "behavior": {"rules", "velocity"}})
    for line in _details(rest_a, rest_b):
        out.append(RuleDiff("model", line.split(":", 1)[0], "changed", (line,)))
    return tuple(out)
