"""Backtest metrics as Ibis expressions over a labelled snapshot table, run on the engine.

Every function here takes the *labelled snapshot table* (see :data:`LABELLED_COLUMNS`; built by
:func:`leadscore.backtest.run.label_snapshots`) and returns an Ibis expression. Nothing loops
over rows in Python: the engine ranks, groups and sums, and Python only reads back a handful of
aggregate rows (one per band, status, decile, percentile, rule or cutoff).

The functions take the table already restricted to the leads being evaluated (``eligible``):
:func:`eligible` does that. They can be reused one by one (calibration and model diffs build on
them) or all at once through :func:`measure`, which assembles a
:class:`~leadscore.backtest.result.BacktestResult`.

Definitions (tests pin them against scikit-learn on fixed data):

- **AUC** is the Mann–Whitney statistic: the probability that a random converted snapshot
  outscores a random unconverted one, ties counting one half. It is computed from the score
  histogram of positives and negatives with one cumulative sum, so it equals
  ``sklearn.metrics.roc_auc_score`` exactly, ties included.
- **Ranks** are per cutoff, highest total first, ties broken by ``person_id`` so that deciles and
  the top 20 % are deterministic. ``rank0`` is 0-based; a snapshot is in the top share ``q`` when
  ``rank0 < q × n`` (n = snapshots at its cutoff). Deciles, the top 20 %, the top quartile and
  the gains curve all come from that one rank and are then pooled over cutoffs.
- **Precision / recall of a status** treat "holds the status" as the prediction and "converted
  within the horizon" as the truth (``sklearn.metrics.precision_score`` / ``recall_score``).
- **Lift** of a group is its conversion rate over the rate of everything outside it (for a
  status: over every other lead, as the seeds define "PQL conversion lift").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import ibis  # noqa: TID251 - the backtest runs its metrics on the engine, as Ibis expressions
import ibis.expr.types as ir  # noqa: TID251
import pyarrow as pa

from leadscore.backtest.result import (
    BacktestResult,
    BacktestSettings,
    BandRow,
    CalibrationRow,
    CutoffRow,
    GainsPoint,
    HistogramBin,
    Population,
    RuleContribution,
    RunInfo,
    StatusMetrics,
    TopBottom,
    WonConcentration,
    build_verdicts,
)

LABELLED_COLUMNS = ("cutoff", "person_id", "fit", "behavior", "total", "status", "eligible",
                    "converted", "converted_at", "won")
"""The columns every labelled snapshot table has (rule contribution columns may follow)."""

#: The playbook's expected conversion per band (sales-led playbook, "historical validation"):
#: (words, low, high) for 0–25, 26–50, 51–75 and 76–100.
PLAYBOOK_BAND_EXPECTATIONS: tuple[tuple[str, float | None, float | None], ...] = (
    ("< 5 %", None, 0.05),
    ("5–15 %", 0.05, 0.15),
    ("15–30 %", 0.15, 0.30),
    ("30 %+", 0.30, None),
)

Execute = Callable[[ir.Table], pa.Table]
"""Runs an expression on the engine and returns Arrow (e.g. ``engine.execute``)."""

_F = "float64"


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


def eligible(t: ir.Table) -> ir.Table:
    """The snapshots a backtest evaluates: scored and not yet converted at their cutoff."""
    return t.filter(t.eligible)


def _int(condition: ir.BooleanValue) -> ir.IntegerValue:
    return condition.cast("int64")


def _ratio(numerator: ir.NumericValue, denominator: ir.NumericValue) -> ir.FloatingValue:
    """``numerator / denominator``, NULL when the denominator is 0 or NULL."""
    return ibis.ifelse(denominator > 0, numerator.cast(_F) / denominator.cast(_F),
                       ibis.null(_F))


def ranked(t: ir.Table, score: str = "total") -> ir.Table:
    """Add ``rank0`` (0 = highest score at its cutoff) and ``cutoff_n`` (snapshots there)."""
    order = ibis.window(group_by="cutoff", order_by=[ibis.desc(t[score]), t.person_id])
    return t.mutate(rank0=ibis.row_number().over(order),
                    cutoff_n=t.count().over(ibis.window(group_by="cutoff")))


def in_top(t: ir.Table, share: float) -> ir.BooleanValue:
    """Whether a ranked snapshot is in the top ``share`` of its cutoff (integer arithmetic)."""
    parts = round(share * 10_000)
    return t.rank0 * 10_000 < parts * t.cutoff_n


def auc(t: ir.Table, *, score: str = "total", label: str = "converted",
        by: Sequence[str] = ()) -> ir.Table:
    """AUC of ``score`` for ``label`` (Mann–Whitney U over the score histogram), per ``by``.

    Returns a table with the ``by`` columns and ``positives``, ``negatives`` and ``auc`` (NULL
    when a class is empty).
    """
    by = list(by)
    y = t[label]
    hist = t.filter(t[score].notnull()).group_by([*by, score]).agg(
        pos=_int(y).sum(), neg=_int(~y).sum())
    below = ibis.cumulative_window(group_by=by or None, order_by=hist[score])
    hist = hist.mutate(neg_below=hist.neg.sum().over(below) - hist.neg)
    # U = Σ over score values: positives × (negatives strictly below + ½ negatives tied).
    u = (hist.pos.cast(_F) * (hist.neg_below.cast(_F) + 0.5 * hist.neg.cast(_F))).sum()
    positives, negatives = hist.pos.sum(), hist.neg.sum()
    metrics = {"positives": positives, "negatives": negatives,
               "auc": _ratio(u, positives.cast(_F) * negatives.cast(_F))}
    return hist.group_by(by).agg(**metrics) if by else hist.aggregate(**metrics)


def band_rates(t: ir.Table, *, scale: float, edges: Sequence[float],
               score: str = "total") -> ir.Table:
    """Snapshots and conversions per band of ``score`` on a 0–100 scale.

    ``score × 100 / scale`` falls in band 0 when ``<= edges[0]``, band ``i`` when
    ``<= edges[i]``, and in the last band (``len(edges)``) above the last edge.
    """
    scaled = t[score].cast(_F) * (100.0 / scale)
    band = ibis.cases(*[(scaled <= edge, i) for i, edge in enumerate(edges)],
                      else_=len(edges))
    t = t.mutate(band=band)
    per = t.group_by("band").agg(n=t.count(), converted=_int(t.converted).sum())
    return _with_rates(per).order_by("band")


def _with_rates(per: ir.Table) -> ir.Table:
    """Add ``rate`` (converted / n) and ``lift`` (rate over the rate of all groups together)."""
    base = _ratio(per.converted.sum().over(), per.n.sum().over())
    rate = _ratio(per.converted, per.n)
    return per.mutate(rate=rate, lift=_ratio(rate, base))


def deciles(r: ir.Table, *, score: str = "total") -> ir.Table:
    """Per decile (1 = the top 10 % at each cutoff): snapshots, conversions, score range."""
    r = r.mutate(decile=(r.rank0 * 10) // r.cutoff_n + 1)
    per = r.group_by("decile").agg(n=r.count(), converted=_int(r.converted).sum(),
                                   low=r[score].min(), high=r[score].max())
    return _with_rates(per).order_by("decile")


def top_vs_bottom(r: ir.Table, share: float = 0.2) -> ir.Table:
    """One row: snapshots and conversions in the top ``share`` and in the rest."""
    top = in_top(r, share)
    top_n, top_converted = _int(top).sum(), _int(top & r.converted).sum()
    bottom_n, bottom_converted = _int(~top).sum(), _int(~top & r.converted).sum()
    top_rate, bottom_rate = _ratio(top_converted, top_n), _ratio(bottom_converted, bottom_n)
    return r.aggregate(top_n=top_n, top_converted=top_converted, bottom_n=bottom_n,
                       bottom_converted=bottom_converted, top_rate=top_rate,
                       bottom_rate=bottom_rate, ratio=_ratio(top_rate, bottom_rate))


def won_concentration(r: ir.Table, share: float = 0.25) -> ir.Table:
    """One row: closed-won people, and how many of them ranked in the top ``share``.

    Each closed-won person is ranked at the last cutoff before they converted: their latest
    eligible snapshot with a win inside the horizon.
    """
    won = r.filter(r.won)
    latest = ibis.window(group_by="person_id", order_by=ibis.desc(won.cutoff))
    won = won.mutate(_k=ibis.row_number().over(latest))
    last = won.filter(won._k == 0)
    n, in_top_n = last.count(), _int(in_top(last, share)).sum()
    return last.aggregate(won=n, won_in_top=in_top_n, share=_ratio(in_top_n, n))


def gains(r: ir.Table, points: int = 100) -> ir.Table:
    """The cumulative gains curve, one row per percentile of rank.

    Percentile 1 is the top 1 % at each cutoff; each row has the share of snapshots and of
    conversions at or above it.
    """
    r = r.mutate(pctile=(r.rank0 * points) // r.cutoff_n + 1)
    per = r.group_by("pctile").agg(n=r.count(), converted=_int(r.converted).sum())
    upto = ibis.cumulative_window(order_by=per.pctile)
    per = per.mutate(
        share_of_leads=_ratio(per.n.sum().over(upto), per.n.sum().over()),
        share_of_conversions=_ratio(per.converted.sum().over(upto), per.converted.sum().over()),
    )
    return per.mutate(lift=_ratio(per.share_of_conversions, per.share_of_leads)).order_by(
        "pctile")


def buckets(t: ir.Table, width: float, *, score: str = "total") -> ir.Table:
    """Snapshots and conversions per ``width``-point bucket of ``score`` (``low`` inclusive).

    Each bucket also has the snapshots and conversions at or above it.
    """
    t = t.mutate(low=(t[score].cast(_F) / width).floor().cast(_F) * width)
    per = t.group_by("low").agg(n=t.count(), converted=_int(t.converted).sum())
    above = ibis.cumulative_window(order_by=ibis.desc(per.low))
    per = per.mutate(at_or_above_n=per.n.sum().over(above),
                     at_or_above_converted=per.converted.sum().over(above))
    return per.mutate(
        high=per.low + width, rate=_ratio(per.converted, per.n),
        at_or_above_rate=_ratio(per.at_or_above_converted, per.at_or_above_n)).order_by("low")


def status_table(t: ir.Table) -> ir.Table:
    """Per status held (NULL = none): snapshots, conversions, precision, recall, rest, lift."""
    per = t.group_by("status").agg(n=t.count(), converted=_int(t.converted).sum())
    all_n, all_converted = per.n.sum().over(), per.converted.sum().over()
    per = per.mutate(rest_n=all_n - per.n, rest_converted=all_converted - per.converted,
                     all_n=all_n, all_converted=all_converted)
    precision = _ratio(per.converted, per.n)
    rest_rate = _ratio(per.rest_converted, per.rest_n)
    return per.mutate(rate=_ratio(per.n, per.all_n), precision=precision,
                      recall=_ratio(per.converted, per.all_converted), rest_rate=rest_rate,
                      lift=_ratio(precision, rest_rate))


def days_to_conversion(t: ir.Table) -> ir.Table:
    """Per status: days from the first cutoff at which a lead held it to its conversion.

    Only leads that converted within that cutoff's horizon count; the result has their count
    and the 25th, 50th and 75th percentiles.
    """
    held = t.filter(t.status.notnull())
    first = ibis.window(group_by=["person_id", "status"], order_by=held.cutoff)
    held = held.mutate(_k=ibis.row_number().over(first))
    done = held.filter((held._k == 0) & held.converted)
    days = (done.converted_at.epoch_seconds() - done.cutoff.epoch_seconds()).cast(_F) / 86_400
    done = done.mutate(days=days)
    order = ibis.window(group_by="status", order_by=[done.days, done.person_id])
    done = done.mutate(_rn=ibis.row_number().over(order),
                       _cnt=done.count().over(ibis.window(group_by="status")))
    metrics: dict[str, ir.Scalar] = {"timed": done.count()}
    for name, q in (("p25", 0.25), ("median", 0.5), ("p75", 0.75)):
        metrics[name] = _quantile(done, q)
    return done.group_by("status").agg(**metrics)


def _quantile(t: ir.Table, q: float) -> ir.FloatingValue:
    """The ``q`` quantile of ``t.days`` per group, from a row number and the group size.

    Interpolated linearly like NumPy's default and SQL's ``percentile_cont``, from ``_rn`` and
    ``_cnt``: portable to engines without an exact quantile aggregate (BigQuery).
    """
    position = (t._cnt - 1).cast(_F) * q
    low, high = position.floor(), position.ceil()
    at_low = t.days.max(where=t._rn == low)
    at_high = t.days.max(where=t._rn == high)
    fraction = (position - low).max()
    return at_low + fraction * (at_high - at_low)


def rule_table(t: ir.Table, columns: Sequence[str]) -> ir.Table:
    """One row of per-rule aggregates.

    For each rule column ``c``: ``c__fired`` (non-zero points), ``c__coverage``, ``c__points``
    (mean points where fired), ``c__rate_fired``, ``c__rate_not`` and ``c__lift``.
    """
    n, converted = t.count(), _int(t.converted).sum()
    metrics: dict[str, ir.Scalar] = {}
    for column in columns:
        points = t[column].cast(_F).fill_null(0.0)
        fired = points != 0
        fired_n = _int(fired).sum()
        fired_converted = _int(fired & t.converted).sum()
        rate_fired = _ratio(fired_converted, fired_n)
        rate_not = _ratio(converted - fired_converted, n - fired_n)
        metrics |= {f"{column}__fired": fired_n,
                    f"{column}__coverage": _ratio(fired_n, n),
                    f"{column}__points": points.mean(where=fired),
                    f"{column}__rate_fired": rate_fired,
                    f"{column}__rate_not": rate_not,
                    f"{column}__lift": _ratio(rate_fired, rate_not)}
    return t.aggregate(**metrics)


def per_cutoff(t: ir.Table) -> ir.Table:
    """Per cutoff, over *all* scored snapshots: scored, excluded, evaluated, converted."""
    per = t.group_by("cutoff").agg(
        scored=t.count(), excluded_converted=_int(~t.eligible).sum(),
        n=_int(t.eligible).sum(), converted=_int(t.eligible & t.converted).sum(),
    )
    return per.mutate(rate=_ratio(per.converted, per.n)).order_by("cutoff")


def status_volume(t: ir.Table) -> ir.Table:
    """Snapshots per (cutoff, status)."""
    held = t.filter(t.status.notnull())
    return held.group_by(["cutoff", "status"]).agg(n=held.count())


def population(t: ir.Table) -> ir.Table:
    """One row: snapshots, people, conversions, closed-won people (all of ``t``)."""
    n, converted = t.count(), _int(t.converted).sum()
    return t.aggregate(snapshots=n, people=t.person_id.nunique(), converted=converted,
                       conversion_rate=_ratio(converted, n),
                       won=t.person_id.nunique(where=t.won))


# --------------------------------------------------------------------------------------------
# Everything at once
# --------------------------------------------------------------------------------------------


def _rows(execute: Execute, expr: ir.Table) -> list[dict[str, Any]]:
    return execute(expr).to_pylist()


def _band_label(low: float | None, high: float | None) -> str:
    if low is None:
        return f"0–{high:g}"
    if high is None:
        return f"{low + 1:g}–100"
    return f"{low + 1:g}–{high:g}"


@dataclasses.dataclass(frozen=True)
class RuleInfo:
    """A rule contribution column and what it is (from the model)."""

    column: str
    rule_id: str
    kind: str
    label: str


def measure(t: ir.Table, execute: Execute, *, settings: BacktestSettings,
            statuses: Sequence[str], rules: Sequence[RuleInfo], run: RunInfo) -> BacktestResult:
    """Compute every metric on the engine and assemble the result.

    ``t`` is a labelled snapshot table holding all scored snapshots (eligible or not).

    Args:
        t: Labelled snapshots (:data:`LABELLED_COLUMNS` plus the ``rules`` columns).
        execute: Runs an expression on the engine.
        settings: How the backtest was run (bands, widths, verdict bands).
        statuses: The model's status names, in model order.
        rules: The rule contribution columns to measure.
        run: Facts about the run.
    """
    ev = eligible(t)
    r = ranked(ev)

    pop = _rows(execute, population(ev))[0]
    cutoff_rows = _rows(execute, per_cutoff(t))
    snapshots, converted = pop["snapshots"] or 0, pop["converted"] or 0
    population_row = Population(
        snapshots=snapshots, people=pop["people"] or 0, converted=converted,
        conversion_rate=pop["conversion_rate"],
        excluded_converted=sum(row["excluded_converted"] for row in cutoff_rows),
        won=pop["won"] or 0)

    overall_auc = _rows(execute, auc(ev))[0]["auc"]

    got = {row["band"]: row for row in _rows(execute, band_rates(
        ev, scale=settings.score_scale, edges=settings.band_edges))}
    edges = list(settings.band_edges)
    playbook = tuple(edges) == (25.0, 50.0, 75.0)
    bands = []
    for i in range(len(edges) + 1):
        low = edges[i - 1] if i else None
        high = edges[i] if i < len(edges) else None
        row = got.get(i, {"n": 0, "converted": 0, "rate": None, "lift": None})
        expectation = PLAYBOOK_BAND_EXPECTATIONS[i] if playbook else (None, None, None)
        bands.append(BandRow(_band_label(low, high), low if low is not None else 0.0, high,
                             row["n"], row["converted"], row["rate"], row["lift"],
                             *expectation))

    decile_rows = []
    for row in _rows(execute, deciles(r)):
        d = row["decile"]
        label = "top 10 %" if d == 1 else f"{10 * (d - 1)}–{10 * d} %"
        decile_rows.append(BandRow(label, row["low"], row["high"], row["n"], row["converted"],
                                   row["rate"], row["lift"]))

    timing = {row["status"]: row for row in _rows(execute, days_to_conversion(ev))}
    by_status = {row["status"]: row for row in _rows(execute, status_table(ev))}
    status_rows = []
    for name in statuses:
        row = by_status.get(name)
        if row is None:
            status_rows.append(StatusMetrics(name, 0, 0.0 if snapshots else None, 0, None,
                                             0.0 if converted else None, snapshots, converted,
                                             population_row.conversion_rate, None))
            continue
        tm = timing.get(name, {})
        status_rows.append(StatusMetrics(
            status=name, n=row["n"], rate=row["rate"], converted=row["converted"],
            precision=row["precision"], recall=row["recall"], rest_n=row["rest_n"],
            rest_converted=row["rest_converted"], rest_rate=row["rest_rate"], lift=row["lift"],
            days_to_conversion_median=tm.get("median"), days_to_conversion_p25=tm.get("p25"),
            days_to_conversion_p75=tm.get("p75"), timed_conversions=tm.get("timed") or 0))

    tb = _rows(execute, top_vs_bottom(r, 0.2))[0]
    top_bottom = TopBottom(0.2, tb["top_n"] or 0, tb["top_converted"] or 0, tb["top_rate"],
                           tb["bottom_n"] or 0, tb["bottom_converted"] or 0, tb["bottom_rate"],
                           tb["ratio"])

    wq = _rows(execute, won_concentration(r, 0.25))[0]
    won = WonConcentration(0.25, wq["won"] or 0, wq["won_in_top"] or 0, wq["share"])

    gains_rows = [GainsPoint(row["share_of_leads"], row["share_of_conversions"], row["lift"])
                  for row in _rows(execute, gains(r))]

    calibration = [
        CalibrationRow(row["low"], row["high"], row["n"], row["converted"], row["rate"],
                       row["at_or_above_n"], row["at_or_above_rate"])
        for row in _rows(execute, buckets(ev, settings.bucket_width))]
    histogram = [HistogramBin(row["low"], row["high"], row["n"], row["converted"])
                 for row in _rows(execute, buckets(ev, settings.histogram_width))]

    rule_rows = []
    if rules:
        wide = _rows(execute, rule_table(ev, [rule.column for rule in rules]))[0]
        for rule in rules:
            c = rule.column
            rule_rows.append(RuleContribution(
                c, rule.rule_id, rule.kind, rule.label, wide[f"{c}__fired"] or 0,
                wide[f"{c}__coverage"], wide[f"{c}__points"], wide[f"{c}__rate_fired"],
                wide[f"{c}__rate_not"], wide[f"{c}__lift"]))

    auc_by_cutoff = {row["cutoff"]: row["auc"] for row in _rows(execute, auc(ev, by=["cutoff"]))}
    volume: dict[datetime, dict[str, int]] = {}
    for row in _rows(execute, status_volume(ev)):
        volume.setdefault(row["cutoff"], {})[row["status"]] = row["n"]
    counted = {row["cutoff"]: row for row in cutoff_rows}
    cutoffs = []
    for cutoff in settings.cutoffs:  # a cutoff before anyone signed up has no rows at all
        row = counted.get(cutoff, {"scored": 0, "excluded_converted": 0, "n": 0, "converted": 0,
                                   "rate": None})
        cutoffs.append(CutoffRow(
            cutoff, row["scored"], row["excluded_converted"], row["n"], row["converted"],
            row["rate"], auc_by_cutoff.get(cutoff),
            {name: volume.get(cutoff, {}).get(name, 0) for name in statuses}))

    verdicts = build_verdicts(auc=overall_auc, statuses=status_rows, top_vs_bottom=top_bottom,
                              won=won, bands=bands, rate_bands=settings.rate_bands)
    return BacktestResult(
        settings=settings, population=population_row, auc=overall_auc, bands=tuple(bands),
        deciles=tuple(decile_rows), statuses=tuple(status_rows), top_vs_bottom=top_bottom,
        won_top_quartile=won, gains=tuple(gains_rows), calibration=tuple(calibration),
        histogram=tuple(histogram), rules=tuple(rule_rows), cutoffs=tuple(cutoffs),
        verdicts=verdicts, run=run)
