"""What ``leadscore diff`` found, as plain frozen data: :class:`DiffResult` (JSON in and out)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from leadscore.backtest.result import BacktestResult, _dump, _load, num
from leadscore.diff.metrics import MetricDelta
from leadscore.diff.rules import RuleDiff

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class StatusMove:
    """How many people hold ``from_status`` under model A and ``to_status`` under B.

    ``None`` is no status.
    """

    from_status: str | None
    to_status: str | None
    n: int


@dataclass(frozen=True)
class Mover:
    """One person whose status differs between the models, with both totals."""

    person_id: str
    status_a: str | None
    status_b: str | None
    total_a: float | None
    total_b: float | None


@dataclass(frozen=True)
class DiffResult:
    """Two models on the same data and history.

    Attributes:
        model_a: The current model file.
        model_b: The candidate model file.
        name_a: Model A's name.
        name_b: Model B's name.
        as_of: When both scored everyone for the status changes.
        people: People scored.
        changed: Of them, with a different status under B.
        moves: People per (status under A, status under B), every pair that occurs.
        movers: The people who change status, largest change of total first.
        metrics: Backtest metrics side by side (``a``: model A, ``b``: model B).
        rules: Rule-level differences (added, removed, changed values).
        backtest_a: Model A's backtest.
        backtest_b: Model B's backtest, on the same cutoffs and labels.
        seconds: Wall time.
        version: JSON layout version.
    """

    model_a: str
    model_b: str
    name_a: str
    name_b: str
    as_of: datetime
    people: int
    changed: int
    moves: tuple[StatusMove, ...]
    movers: tuple[Mover, ...]
    metrics: tuple[MetricDelta, ...]
    rules: tuple[RuleDiff, ...]
    backtest_a: BacktestResult
    backtest_b: BacktestResult
    seconds: float = 0.0
    version: int = SCHEMA_VERSION

    def moved(self, from_status: str | None, to_status: str | None) -> int:
        """People with ``from_status`` under A and ``to_status`` under B."""
        return sum(s.n for s in self.moves
                   if s.from_status == from_status and s.to_status == to_status)

    def metric(self, key: str) -> MetricDelta | None:
        """One metric delta by key (``auc``, ``status_rate:PQL``…)."""
        return next((d for d in self.metrics if d.key == key), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return _dump(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as JSON text; :meth:`from_json` reads it back to an equal result."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DiffResult:
        """Rebuild a result from :meth:`to_dict` output."""
        if data.get("version", SCHEMA_VERSION) > SCHEMA_VERSION:
            raise ValueError("diff JSON is newer than this leadscore; upgrade it")
        return _load(cls, data)

    @classmethod
    def from_json(cls, text: str) -> DiffResult:
        """Rebuild a result from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def summary(self) -> list[str]:
        """Plain lines for a terminal."""
        share = f" ({100 * self.changed / self.people:.1f} %)" if self.people else ""
        lines = [f"{self.name_a} ({self.model_a}) → {self.name_b} ({self.model_b}), scored as of "
                 f"{self.as_of:%Y-%m-%d %H:%M}: {self.changed:,} of {self.people:,} people "
                 f"change status{share}."]
        for s in self.moves:
            if s.from_status != s.to_status:
                lines.append(f"  {s.from_status or '(none)'} → {s.to_status or '(none)'}: "
                             f"{s.n:,}")
        if self.movers:
            lines.append("Largest movers:")
            for p in self.movers:
                lines.append(f"  {p.person_id}: {p.status_a or '(none)'} ({num(p.total_a)}) → "
                             f"{p.status_b or '(none)'} ({num(p.total_b)})")
        lines.append(f"Backtest on {len(self.backtest_a.settings.cutoffs)} cutoffs:"
                     "                 A          B     change")
        lines += [d.line() for d in self.metrics]
        if not self.rules:
            lines.append("The models declare the same rules and settings.")
        for r in self.rules:
            lines.append(f"  {r.section} {r.name}: {r.change}")
            lines += [f"    {d}" for d in r.details]
        return lines
