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
_META_KEYS = frozenset({"label", "description", "intent", "source", "sales_cycle", "motion"})
_META_TOP = frozenset({"name", "version"})


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in _META_KEYS}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _digest(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def logic_hash(model: ScoringModel) -> str:
    """Hash of everything that affects scores, statuses and tiers."""
    data = model.model_dump(mode="json", by_alias=True)
    return _digest(_strip({k: v for k, v in data.items() if k not in _META_TOP}))


def meta_hash(model: ScoringModel) -> str:
    """Hash of the whole model, documentation included."""
    return _digest(model.model_dump(mode="json", by_alias=True))
