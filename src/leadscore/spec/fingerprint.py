"""Fingerprints of a model: ``logic_hash`` changes when scores can change, ``meta_hash`` otherwise.

Every score row carries the logic hash, so a score can always be traced to the exact logic that
produced it, while editing a label or a description does not invalidate history.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from leadscore.spec.model import ScoringModel

# Keys that document or classify a model but never change a number or a status.
_META_TOP = frozenset({"name", "version", "description", "sales_cycle", "motion"})
_META_ITEM = frozenset({"label", "description", "intent", "source"})


def _strip_items(items: list[Any]) -> list[Any]:
    """Drop documentation keys from rules, velocity rules and statuses (and only there)."""
    return [{k: v for k, v in item.items() if k not in _META_ITEM} for item in items]


def _logic(data: dict[str, Any]) -> dict[str, Any]:
    logic = {k: v for k, v in data.items() if k not in _META_TOP}
    logic["fit"] = {**logic["fit"], "rules": _strip_items(logic["fit"]["rules"])}
    behavior = logic["behavior"]
    logic["behavior"] = {**behavior, "rules": _strip_items(behavior["rules"]),
                         "velocity": _strip_items(behavior["velocity"])}
    logic["statuses"] = _strip_items(logic["statuses"])
    logic["metrics"] = {name: {k: v for k, v in metric.items() if k != "description"}
                        for name, metric in logic["metrics"].items()}
    return logic


def _digest(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def logic_hash(model: ScoringModel) -> str:
    """Hash of everything that affects scores, statuses and tiers."""
    return _digest(_logic(model.model_dump(mode="json", by_alias=True)))


def meta_hash(model: ScoringModel) -> str:
    """Hash of the whole model, documentation included."""
    return _digest(model.model_dump(mode="json", by_alias=True))
