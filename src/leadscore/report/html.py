"""Render a :class:`~leadscore.backtest.result.BacktestResult` as one self-contained HTML page.

The page is a *view* of the result (DESIGN §4.13): it never queries an engine and never
recomputes a metric; it only formats the numbers the backtest computed and draws them as inline
SVG (:mod:`leadscore.report.charts`). Styles are inline, there is no external asset, font, script
library or network request, so the file can be mailed, archived in CI or opened offline.

>>> result = BacktestResult.from_json(Path("backtest.json").read_text())  # doctest: +SKIP
>>> write_report(result, "out/report.html")                               # doctest: +SKIP
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

import leadscore
from leadscore.backtest.result import BacktestResult, StatusMetrics, Verdict, num, pct, times
from leadscore.report import charts
from leadscore.spec.durations import format_duration

SECTIONS = ("summary", "health", "bands", "deciles", "gains", "distribution", "statuses",
            "volume", "rules", "calibration", "method")
"""The ``id`` of every section of the page, in order (tests check each one renders)."""

_LEVEL_COLOR = {"good": charts.GOOD, "warning": charts.WARNING, "bad": charts.BAD,
                "info": charts.MUTED}
_LEVEL_ICON = {"good": "✓", "warning": "!", "bad": "✕", "info": "i"}


def _env() -> Environment:
    env = Environment(loader=PackageLoader("leadscore.report", "templates"),
                      autoescape=select_autoescape(("html", "j2")), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters |= {"pct": pct, "times": times, "num": num, "int": lambda v: f"{v:,}",
                    "days": lambda v: "n/a" if v is None else f"{v:.1f} d",
                    "date": lambda v: _day(v) if v else "n/a"}
    return env


def _day(value: datetime) -> str:
    return f"{value.day} {value:%b %Y}"


def _date_range(result: BacktestResult) -> str:
    s = result.settings
    first, last = s.cutoffs[0], s.cutoffs[-1]
    if first == last:
        return _day(first)
    if first.year == last.year:
        return f"{first.day} {first:%b} – {_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def _cadence(result: BacktestResult) -> str:
    every = format_duration(result.settings.every)
    return {"7d": "weekly", "1d": "daily", "14d": "fortnightly", "30d": "monthly"}.get(
        every, f"every {every}")


def _verdict_level(verdicts: tuple[Verdict, ...], key: str) -> str:
    return next((v.level for v in verdicts if v.key == key), "info")


def _kpis(result: BacktestResult) -> list[dict[str, Any]]:
    v = result.verdicts
    out = [{"label": "AUC", "value": num(result.auc, 2), "level": _verdict_level(v, "auc"),
            "note": "chance that a buyer outscores a non-buyer (0.5 = coin flip)"}]
    for st in result.statuses[:2]:
        out.append({"label": f"{st.status} lift", "value": times(st.lift),
                    "level": _verdict_level(v, f"status_lift:{st.status}"),
                    "note": f"{st.status}s convert at {pct(st.precision)} vs "
                            f"{pct(st.rest_rate)} for the rest"})
        out.append({"label": f"{st.status} rate", "value": pct(st.rate),
                    "level": _verdict_level(v, f"status_rate:{st.status}"),
                    "note": "of leads; the seeds call 5–15 % healthy"})
    tb = result.top_vs_bottom
    out.append({"label": "Top 20 % vs bottom 80 %", "value": times(tb.ratio),
                "level": _verdict_level(v, "top_vs_bottom"),
                "note": f"{pct(tb.top_rate)} vs {pct(tb.bottom_rate)} conversion; 2×+ wanted"})
    won = result.won_top_quartile
    out.append({"label": "Closed-won in top 25 %", "value": pct(won.share, 0),
                "level": _verdict_level(v, "won_top_quartile"),
                "note": f"of {won.won:,} closed-won deals"})
    return out


def _status_rows(result: BacktestResult) -> list[dict[str, Any]]:
    rows = []
    for st in result.statuses:
        rate_level = _verdict_level(result.verdicts, f"status_rate:{st.status}")
        rows.append({"m": st, "rate_level": rate_level,
                     "rate_color": _LEVEL_COLOR[rate_level],
                     "timing": _timing(st)})
    return rows


def _timing(st: StatusMetrics) -> str:
    if st.days_to_conversion_median is None:
        return "n/a"
    return (f"{st.days_to_conversion_median:.1f} days (middle half "
            f"{st.days_to_conversion_p25:.1f}–{st.days_to_conversion_p75:.1f}; "
            f"{st.timed_conversions:,} conversions)")


def _charts(result: BacktestResult) -> dict[str, Markup]:
    base = result.population.conversion_rate or 0.0
    out: dict[str, Markup] = {}
    bands = result.bands
    out["bands"] = Markup(charts.bar_chart(
        [b.label for b in bands], [b.rate for b in bands],
        title="Conversion rate by score band (0–100 scale)",
        reference=(base, f"all leads {charts.percent(base)}"),
        ranges=[(b.expected_low, b.expected_high) for b in bands]
        if any(b.expected is not None for b in bands) else None))
    out["deciles"] = Markup(charts.bar_chart(
        [b.label.replace(" %", "%") for b in result.deciles],
        [b.rate for b in result.deciles], title="Conversion rate by score decile",
        reference=(base, f"all leads {charts.percent(base)}"), width=1000, height=260,
        color=charts.ACCENT))
    xs = [0.0] + [g.share_of_leads for g in result.gains]
    gains = [0.0] + [g.share_of_conversions for g in result.gains]
    out["gains"] = Markup(charts.line_chart(
        xs, [("model", gains, charts.PRIMARY)], title="Cumulative gains: share of conversions "
        "reached by calling the top-scored leads first", diagonal=True, y_max=1.0))
    lift_points = [(g.share_of_leads, g.lift) for g in result.gains if g.share_of_leads >= 0.05]
    out["lift"] = Markup(charts.line_chart(
        [x for x, _ in lift_points], [("lift", [y for _, y in lift_points], charts.ACCENT)],
        title="Lift: conversion of the top-scored share over the average", y_fmt=charts.multiple,
        baseline=(1.0, "average")))
    hist = result.histogram
    out["distribution"] = Markup(charts.stacked_bars(
        [f"{h.low:g}" for h in hist],
        [("did not convert", [h.n - h.converted for h in hist], charts.SOFT),
         ("converted", [h.converted for h in hist], charts.ACCENT)],
        title="Distribution of total scores at the cutoffs",
        label_every=max(1, len(hist) // 15)))
    cut = result.cutoffs
    labels = [f"{c.cutoff.day} {c.cutoff:%b}" for c in cut]
    names = [s.status for s in result.statuses]
    palette = charts.PALETTE
    out["volume"] = Markup(charts.stacked_bars(
        labels, [(name, [c.status_counts.get(name, 0) for c in cut], palette[i % len(palette)])
                 for i, name in enumerate(names)] or [("leads", [c.n for c in cut], charts.SOFT)],
        title="Leads holding each status at each cutoff", width=520, height=280))
    rb = result.settings.rate_bands
    out["rates"] = Markup(charts.line_chart(
        list(range(len(cut))),
        [(name, [(c.status_counts.get(name, 0) / c.n) if c.n else None for c in cut],
          palette[i % len(palette)]) for i, name in enumerate(names)]
        + [("conversion rate", [c.rate for c in cut], charts.MUTED)],
        title="Status rate and conversion rate at each cutoff", x_labels=labels,
        band=(rb.healthy_low, rb.healthy_high,
              f"healthy {charts.percent(rb.healthy_low)}–{charts.percent(rb.healthy_high)}"),
        markers=True))
    rules = sorted(result.rules, key=lambda r: (r.lift is None, -(r.lift or 0)))
    if rules:
        out["rules"] = Markup(charts.hbar_chart(
            [f"{r.label} ({r.kind})" for r in rules], [r.lift for r in rules],
            notes=[f"fires for {pct(r.coverage)}" for r in rules],
            title="Conversion lift when each rule gives points", reference=(1.0, "no lift")))
    return out


def render_report(result: BacktestResult, *, title: str | None = None) -> str:
    """The report page as HTML text.

    Args:
        result: The backtest to render.
        title: Page title (default: ``"Lead scoring backtest — <model>"``).
    """
    settings = result.settings
    context = {
        "r": result,
        "s": settings,
        "title": title or f"Lead scoring backtest — {result.run.model_name}",
        "date_range": _date_range(result),
        "cadence": _cadence(result),
        "every": format_duration(settings.every),
        "horizon": format_duration(settings.horizon),
        "kpis": _kpis(result),
        "verdicts": result.verdicts,
        "level_color": _LEVEL_COLOR,
        "level_icon": _LEVEL_ICON,
        "charts": _charts(result),
        "statuses": _status_rows(result),
        "rules": sorted(result.rules, key=lambda r: (r.lift is None, -(r.lift or 0))),
        "generated": result.run.created_at,
        "version": getattr(leadscore, "__version__", None) or _package_version(),
        "sections": SECTIONS,
        # Meters scale to the best bucket with enough leads to trust (not a bucket of 2).
        "max_rate": max([c.rate or 0 for c in result.calibration if c.n >= 30] + [1e-9]),
    }
    return _env().get_template("report.html.j2").render(**context)


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("leadscore")
    except PackageNotFoundError:
        return "dev"


def write_report(result: BacktestResult, path: str | Path, *, title: str | None = None) -> Path:
    """Render ``result`` and write it to ``path`` (folders are created); returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(result, title=title), encoding="utf-8")
    return path
