"""Side-by-side metrics of two backtests over the same history (before/after, A/B)."""

from __future__ import annotations

from dataclasses import dataclass

from leadscore.backtest.result import BacktestResult, num, pct, times


@dataclass(frozen=True)
class MetricDelta:
    """One metric of two backtests.

    Attributes:
        key: Stable identifier (``auc``, ``status_rate:PQL``, …).
        label: What it is, in words.
        a: The first model's value (the current one, "before").
        b: The second model's value (the candidate, "after").
        delta: ``b - a`` (``None`` when either is undefined).
        unit: ``ratio`` (AUC), ``share`` (a rate, shown in %) or ``times`` (a lift).
    """

    key: str
    label: str
    a: float | None
    b: float | None
    delta: float | None
    unit: str

    def render(self, value: float | None) -> str:
        """A value of this metric as text (``0.78``, ``9.8 %``, ``3.1×``)."""
        if self.unit == "share":
            return pct(value)
        if self.unit == "times":
            return times(value)
        return num(value, 3)

    def render_delta(self) -> str:
        """The change as text (``+0.012``, ``+1.2 pts``, ``+0.4×``)."""
        if self.delta is None:
            return "n/a"
        if self.unit == "share":
            return f"{100 * self.delta:+.1f} pts"
        if self.unit == "times":
            return f"{self.delta:+.1f}×"
        return f"{self.delta:+.3f}"

    def line(self) -> str:
        """One row of a terminal table: label, both values and the change, aligned."""
        return (f"  {self.label:<32}{self.render(self.a):>10} {self.render(self.b):>10} "
                f"{self.render_delta():>11}")


def _delta(key: str, label: str, a: float | None, b: float | None, unit: str) -> MetricDelta:
    return MetricDelta(key, label, a, b, None if a is None or b is None else b - a, unit)


def metric_deltas(a: BacktestResult, b: BacktestResult) -> tuple[MetricDelta, ...]:
    """The headline metrics of two backtests side by side.

    AUC, top 20 % vs bottom 80 %, closed-won in the top quartile, and per status (of either
    model) its rate, precision, recall and lift.
    """
    out = [_delta("auc", "AUC", a.auc, b.auc, "ratio"),
           _delta("top_vs_bottom", "top 20 % vs bottom 80 %", a.top_vs_bottom.ratio,
                  b.top_vs_bottom.ratio, "times"),
           _delta("won_top_quartile", "closed-won in the top quartile",
                  a.won_top_quartile.share, b.won_top_quartile.share, "share")]
    names = [s.status for s in a.statuses] + [s.status for s in b.statuses
                                              if a.status(s.status) is None]
    for name in names:
        sa, sb = a.status(name), b.status(name)
        for field, words, unit in (("rate", "rate", "share"), ("precision", "precision", "share"),
                                   ("recall", "recall", "share"), ("lift", "lift", "times")):
            out.append(_delta(f"status_{field}:{name}", f"{name} {words}",
                              getattr(sa, field) if sa else None,
                              getattr(sb, field) if sb else None, unit))
    return tuple(out)
