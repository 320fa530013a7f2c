"""Small, dependency-free SVG charts for the report.

Each function returns one ``<svg class="chart">`` element as text: fixed ``viewBox``, scaled by
CSS, every label escaped, a ``<title>`` on every mark so hovering shows the exact number. There
is no JavaScript and nothing is fetched, so the page renders the same offline, in a mail client's
preview or printed to PDF.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

INK = "#1f2937"
MUTED = "#6b7280"
GRID = "#e5e7eb"
PRIMARY = "#4f46e5"
ACCENT = "#0d9488"
SOFT = "#c7d2fe"
GOOD = "#16a34a"
WARNING = "#d97706"
BAD = "#dc2626"
PALETTE = (PRIMARY, ACCENT, "#db2777", "#ea580c", "#0284c7", "#65a30d")

Format = Callable[[float], str]

_FONT = "font-family:inherit"


def percent(value: float) -> str:
    """``0.123`` → ``12%``, ``0.0234`` → ``2.3%``, ``0.05`` → ``5%``."""
    v = round(100 * value, 1)
    if abs(v) >= 10 or v == int(v):
        return f"{v:.0f}%"
    return f"{v:.1f}%"


def multiple(value: float) -> str:
    """``2.345`` → ``2.3×``."""
    return f"{value:.1f}×"


def plain(value: float) -> str:
    """A number without needless decimals."""
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.1f}"


def nice_ticks(high: float, count: int = 5, low: float = 0.0) -> list[float]:
    """Round tick values from ``low`` up to at least ``high``."""
    span = max(high - low, 1e-9)
    raw = span / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = []
    value = math.floor(low / step) * step
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        if value >= high:
            break
        value += step
    return ticks


@dataclass(frozen=True)
class _Frame:
    """Plot area inside an SVG of ``width`` × ``height``."""

    width: int
    height: int
    left: int = 56
    right: int = 16
    top: int = 16
    bottom: int = 40

    @property
    def plot_w(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_h(self) -> float:
        return self.height - self.top - self.bottom

    def y(self, value: float, high: float, low: float = 0.0) -> float:
        span = (high - low) or 1.0
        return self.top + self.plot_h * (1 - (value - low) / span)

    def x(self, value: float, high: float, low: float = 0.0) -> float:
        span = (high - low) or 1.0
        return self.left + self.plot_w * (value - low) / span


def _svg(frame: _Frame, label: str, body: list[str]) -> str:
    return (f'<svg class="chart" viewBox="0 0 {frame.width} {frame.height}" role="img" '
            f'aria-label="{escape(label)}" '
            f'preserveAspectRatio="xMidYMid meet" style="{_FONT}">'
            f"<title>{escape(label)}</title>" + "".join(body) + "</svg>")


def _text(x: float, y: float, text: str, *, anchor: str = "middle", size: int = 11,
          color: str = MUTED, weight: str = "normal", extra: str = "") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{color}" font-weight="{weight}"{extra}>{escape(text)}</text>')


def _y_axis(frame: _Frame, ticks: Sequence[float], fmt: Format, low: float = 0.0) -> list[str]:
    high = ticks[-1]
    out = []
    for tick in ticks:
        y = frame.y(tick, high, low)
        out.append(f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" '
                   f'y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')
        out.append(_text(frame.left - 8, y + 4, fmt(tick), anchor="end"))
    return out


def _legend(frame: _Frame, items: Sequence[tuple[str, str]]) -> list[str]:
    """Legend entries along the bottom; a color of ``none`` draws the text alone."""
    out = []
    x = frame.left
    y = frame.height - 8
    for name, color in items:
        if color != "none":
            out.append(f'<rect x="{x}" y="{y - 9}" width="10" height="10" rx="2" '
                       f'fill="{color}"/>')
            x += 14
        out.append(_text(x, y, name, anchor="start"))
        x += 16 + 6.5 * len(name)
    return out


def bar_chart(labels: Sequence[str], values: Sequence[float | None], *, fmt: Format = percent,
              axis_fmt: Format | None = None, title: str, color: str = PRIMARY,
              reference: tuple[float, str] | None = None,
              ranges: Sequence[tuple[float | None, float | None]] | None = None,
              width: int = 520, height: int = 260) -> str:
    """Vertical bars with a value label on each; optional reference line and expected ranges.

    Args:
        labels: One label per bar (x axis).
        values: Bar heights (``None`` draws no bar).
        fmt: Formats a value label.
        axis_fmt: Formats the y axis (default ``fmt``).
        title: Accessible title.
        color: Bar color.
        reference: ``(value, label)`` of a dashed horizontal line (e.g. the base rate).
        ranges: Per bar, an expected ``(low, high)`` range drawn behind it (open ends allowed).
        width: SVG width.
        height: SVG height.
    """
    frame = _Frame(width, height, bottom=44 if ranges else 32)
    top = max([v for v in values if v is not None] + [reference[0] if reference else 0]
              + [r for rng in (ranges or []) for r in rng if r is not None] + [1e-9])
    ticks = nice_ticks(top * 1.1)
    high = ticks[-1]
    body = _y_axis(frame, ticks, axis_fmt or fmt)
    n = max(len(labels), 1)
    slot = frame.plot_w / n
    bar_w = min(56.0, slot * 0.62)
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        cx = frame.left + slot * (i + 0.5)
        if ranges and i < len(ranges):
            lo, hi = ranges[i]
            y_hi = frame.y(hi if hi is not None else high, high)
            y_lo = frame.y(lo if lo is not None else 0.0, high)
            expected = (f"{fmt(lo) if lo is not None else '0'}–{fmt(hi)}" if hi is not None
                        else f"{fmt(lo or 0)}+")
            body.append(f'<rect class="expected" x="{cx - slot * 0.45:.1f}" y="{y_hi:.1f}" '
                        f'width="{slot * 0.9:.1f}" height="{max(y_lo - y_hi, 1):.1f}" '
                        f'fill="{GOOD}" fill-opacity="0.10" stroke="{GOOD}" '
                        f'stroke-opacity="0.35" stroke-dasharray="3 3">'
                        f"<title>{escape(f'Playbook expects {expected}')}</title></rect>")
        if value is not None:
            y = frame.y(value, high)
            body.append(f'<rect class="bar" x="{cx - bar_w / 2:.1f}" y="{y:.1f}" '
                        f'width="{bar_w:.1f}" height="{max(frame.top + frame.plot_h - y, 0):.1f}"'
                        f' rx="3" fill="{color}"><title>{escape(f"{label}: {fmt(value)}")}'
                        f"</title></rect>")
            body.append(_text(cx, y - 5, fmt(value), color=INK, weight="600"))
        body.append(_text(cx, frame.top + frame.plot_h + 16, label, color=INK))
    legend = []
    if reference is not None:
        y = frame.y(reference[0], high)
        body.append(f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" '
                    f'y2="{y:.1f}" stroke="{INK}" stroke-dasharray="5 4" stroke-width="1.2">'
                    f"<title>{escape(reference[1])}</title></line>")
        legend.append((f"- - {reference[1]}", "none"))
    if ranges:
        legend.insert(0, ("playbook expectation", "#bbf7d0"))
    if legend:
        body += _legend(frame, legend)
    return _svg(frame, title, body)


def stacked_bars(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]], *,
                 title: str, fmt: Format = plain, label_every: int = 1, width: int = 1000,
                 height: int = 280) -> str:
    """Bars stacked from several series (e.g. converted on top of not converted).

    Args:
        labels: x labels, one per bar.
        series: ``(name, values, color)``, drawn bottom to top.
        title: Accessible title.
        fmt: Formats the axis and tooltips.
        label_every: Draw every n-th x label (dense histograms).
        width: SVG width.
        height: SVG height.
    """
    frame = _Frame(width, height, bottom=48)
    totals = [sum(s[1][i] for s in series) for i in range(len(labels))]
    ticks = nice_ticks(max([*totals, 1]) * 1.05)
    high = ticks[-1]
    body = _y_axis(frame, ticks, fmt)
    n = max(len(labels), 1)
    slot = frame.plot_w / n
    bar_w = max(slot * 0.8, 1.0)
    for i, label in enumerate(labels):
        x = frame.left + slot * i + (slot - bar_w) / 2
        base = 0.0
        parts = []
        for name, values, color in series:
            value = values[i]
            if value:
                y0, y1 = frame.y(base, high), frame.y(base + value, high)
                parts.append(f'<rect x="{x:.1f}" y="{y1:.1f}" width="{bar_w:.1f}" '
                             f'height="{max(y0 - y1, 0.5):.1f}" fill="{color}">'
                             f"<title>{escape(f'{label} — {name}: {fmt(value)}')}</title></rect>")
            base += value
        body.append('<g class="bar">' + "".join(parts) + "</g>")
        if i % label_every == 0:
            body.append(_text(x + bar_w / 2, frame.top + frame.plot_h + 15, label))
    body += _legend(frame, [(name, color) for name, _, color in series])
    return _svg(frame, title, body)


def line_chart(xs: Sequence[float], series: Sequence[tuple[str, Sequence[float | None], str]], *,
               title: str, x_fmt: Format = percent, y_fmt: Format = percent,
               x_labels: Sequence[str] | None = None, y_max: float | None = None,
               diagonal: bool = False, band: tuple[float, float, str] | None = None,
               baseline: tuple[float, str] | None = None, markers: bool = False,
               width: int = 520, height: int = 280) -> str:
    """Lines over a numeric x axis.

    Args:
        xs: x values (shared by every series).
        series: ``(name, values, color)``; ``None`` values break the line.
        title: Accessible title.
        x_fmt: Formats x ticks.
        y_fmt: Formats y ticks and tooltips.
        x_labels: Labels at each x instead of numeric ticks (time series).
        y_max: Top of the y axis (default: from the data).
        diagonal: Draw the ``y = x`` line (a random model on a gains chart).
        band: ``(low, high, label)``: a shaded horizontal band (a healthy range).
        baseline: ``(value, label)``: a dashed horizontal line.
        markers: Draw a dot at each point.
        width: SVG width.
        height: SVG height.
    """
    frame = _Frame(width, height, bottom=52)
    values = [v for _, vs, _ in series for v in vs if v is not None]
    extra = [band[1] if band else 0.0, baseline[0] if baseline else 0.0, 1e-9]
    top = y_max if y_max is not None else max([*values, *extra])
    ticks = nice_ticks(top if y_max is not None else top * 1.1)
    high = ticks[-1]
    x_lo, x_hi = (min(xs), max(xs)) if xs else (0.0, 1.0)
    if diagonal:
        x_lo = 0.0
    body = _y_axis(frame, ticks, y_fmt)
    if band is not None:
        y_top, y_bottom = frame.y(band[1], high), frame.y(band[0], high)
        body.append(f'<rect class="band" x="{frame.left}" y="{y_top:.1f}" '
                    f'width="{frame.plot_w:.1f}" height="{max(y_bottom - y_top, 1):.1f}" '
                    f'fill="{GOOD}" fill-opacity="0.10"><title>{escape(band[2])}</title></rect>')
        body.append(_text(frame.width - frame.right - 4, y_top + 12, band[2], anchor="end",
                          color=GOOD))
    if baseline is not None:
        y = frame.y(baseline[0], high)
        body.append(f'<line x1="{frame.left}" x2="{frame.width - frame.right}" y1="{y:.1f}" '
                    f'y2="{y:.1f}" stroke="{INK}" stroke-dasharray="5 4" stroke-width="1.2"/>')
        body.append(_text(frame.width - frame.right, y - 5, baseline[1], anchor="end",
                          color=INK))
    if x_labels is not None:
        step = max(1, math.ceil(len(x_labels) / 10))
        for i, (x, label) in enumerate(zip(xs, x_labels, strict=True)):
            if i % step == 0:
                body.append(_text(frame.x(x, x_hi, x_lo), frame.top + frame.plot_h + 16, label))
    else:
        for tick in nice_ticks(x_hi, 5, x_lo):
            if tick <= x_hi + 1e-9:
                body.append(_text(frame.x(tick, x_hi, x_lo), frame.top + frame.plot_h + 16,
                                  x_fmt(tick)))
    if diagonal:
        body.append(f'<line class="diagonal" x1="{frame.x(0, x_hi, x_lo):.1f}" '
                    f'y1="{frame.y(0, high):.1f}" x2="{frame.x(x_hi, x_hi, x_lo):.1f}" '
                    f'y2="{frame.y(min(x_hi, high), high):.1f}" stroke="{MUTED}" '
                    f'stroke-dasharray="5 4" stroke-width="1.2"/>')
    legend = []
    for name, vs, color in series:
        runs: list[list[str]] = [[]]
        dots = []
        for x, v in zip(xs, vs, strict=True):
            if v is None:
                runs.append([])
                continue
            px, py = frame.x(x, x_hi, x_lo), frame.y(v, high)
            runs[-1].append(f"{px:.1f},{py:.1f}")
            if markers:
                dots.append(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{color}">'
                            f"<title>{escape(f'{name}: {y_fmt(v)}')}</title></circle>")
        for run in runs:
            if run:
                body.append(f'<polyline class="line" points="{" ".join(run)}" fill="none" '
                            f'stroke="{color}" stroke-width="2.4" stroke-linejoin="round"/>')
        body += dots
        legend.append((name, color))
    if diagonal:
        legend.append(("random order", MUTED))
    body += _legend(frame, legend)
    return _svg(frame, title, body)


def hbar_chart(labels: Sequence[str], values: Sequence[float | None], *, title: str,
               notes: Sequence[str] | None = None, fmt: Format = multiple,
               reference: tuple[float, str] | None = None, width: int = 1000,
               row: int = 24) -> str:
    """Horizontal bars, one per row (rules), with a note at the right of each.

    Args:
        labels: Row labels.
        values: Bar lengths (``None``: no bar, "n/a").
        title: Accessible title.
        notes: Text after each bar (coverage, …).
        fmt: Formats values.
        reference: ``(value, label)`` of a vertical dashed line (lift 1×).
        width: SVG width.
        row: Row height.
    """
    left = 260
    frame = _Frame(width, row * len(labels) + 40, left=left, right=200, top=8, bottom=32)
    top = max([v for v in values if v is not None] + [reference[0] if reference else 0, 1e-9])
    ticks = nice_ticks(top * 1.05)
    high = ticks[-1]
    body = []
    for tick in ticks:
        x = frame.x(tick, high)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{frame.top}" '
                    f'y2="{frame.top + frame.plot_h:.1f}" stroke="{GRID}"/>')
        body.append(_text(x, frame.top + frame.plot_h + 16, fmt(tick)))
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = frame.top + i * row
        short = label if len(label) <= 40 else label[:39] + "…"
        body.append(_text(left - 8, y + row * 0.68, short, anchor="end", color=INK))
        if value is not None:
            color = ACCENT if reference is None or value >= reference[0] else BAD
            x1 = frame.x(value, high)
            body.append(f'<rect class="bar" x="{left}" y="{y + 4}" '
                        f'width="{max(x1 - left, 1):.1f}" height="{row - 8}" rx="2" '
                        f'fill="{color}"><title>{escape(f"{label}: {fmt(value)}")}</title></rect>')
            text = fmt(value)
        else:
            text = "n/a"
        note = f"{text}  {notes[i]}" if notes else text
        body.append(_text(frame.width - frame.right + 8, y + row * 0.68, note, anchor="start",
                          color=INK))
    if reference is not None:
        x = frame.x(reference[0], high)
        body.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{frame.top}" '
                    f'y2="{frame.top + frame.plot_h:.1f}" stroke="{INK}" '
                    f'stroke-dasharray="5 4"/>')
        body.append(_text(x + 4, frame.top + frame.plot_h + 30, reference[1], anchor="start",
                          color=INK))
    return _svg(frame, title, body)
