"""What a backtest found, as plain frozen data: :class:`BacktestResult`.

A result is data first (DESIGN §4.13): it serialises to JSON and back without loss
(:meth:`BacktestResult.to_json` / :meth:`BacktestResult.from_json`), the HTML report only renders
it, CI can diff it, and later tools (calibration, model diffs, monitoring) read the same object.
Every number in it was computed on the engine (:mod:`leadscore.backtest.metrics`); this module
only holds the numbers and turns them into plain-word verdicts against the seeds' benchmarks.

Undefined numbers (a rate of an empty group, a lift over a group that never converts) are
``None``, never NaN, so the JSON stays standard.

>>> result = BacktestResult.from_json(path.read_text())       # doctest: +SKIP
>>> result.status("PQL").lift                                  # doctest: +SKIP
3.4
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from leadscore.spec.durations import format_duration, parse_duration

SCHEMA_VERSION = 1
"""Version of the JSON layout; bumped when a field changes meaning or is removed."""

Level = Literal["good", "warning", "bad", "info"]


# --------------------------------------------------------------------------------------------
# Settings and benchmarks
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusRateBands:
    """The seeds' verdict bands for the share of leads holding a status.

    Product-led methodology, "what % of leads should reach PQL status?": 5–15 % healthy,
    15–25 % a warning, above 25 % too loose, below 3 % too tight.
    """

    healthy_low: float = 0.05
    healthy_high: float = 0.15
    tight_below: float = 0.03
    loose_above: float = 0.25


@dataclass(frozen=True)
class BacktestSettings:
    """How a backtest was run; enough to run it again.

    Attributes:
        start: The first cutoff (naive UTC).
        end: No cutoff is later than this.
        every: Step between cutoffs.
        horizon: A lead counts as converted when a conversion outcome happens in
            ``(cutoff, cutoff + horizon]``.
        cutoffs: Every cutoff, in order.
        conversions: Outcome names that count as a conversion.
        won_outcome: The outcome name of a closed-won deal.
        score_scale: The total that maps to 100 on the playbook's 0–100 band scale (the
            model's maximum total).
        band_edges: Upper edges of the playbook bands on the 0–100 scale (the last band is
            open-ended: velocity can push a total past the model's maximum).
        bucket_width: Width, in total points, of the calibration table's buckets.
        histogram_width: Width, in total points, of the score distribution's bins.
        rate_bands: Verdict bands for status rates.
    """

    start: datetime
    end: datetime
    every: timedelta
    horizon: timedelta
    cutoffs: tuple[datetime, ...]
    conversions: tuple[str, ...]
    won_outcome: str
    score_scale: float
    band_edges: tuple[float, ...] = (25.0, 50.0, 75.0)
    bucket_width: float = 10.0
    histogram_width: float = 5.0
    rate_bands: StatusRateBands = field(default_factory=StatusRateBands)


# --------------------------------------------------------------------------------------------
# Metric rows
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Population:
    """Who was backtested, pooled over every cutoff.

    A *snapshot* is one lead at one cutoff: a lead that stays unconverted over four weekly
    cutoffs is four snapshots, each scored and labelled point-in-time.

    Attributes:
        snapshots: Lead snapshots scored and not yet converted at their cutoff.
        people: Distinct people among them.
        converted: Snapshots whose lead converted within the horizon.
        conversion_rate: ``converted / snapshots`` (the base rate).
        excluded_converted: Snapshots left out because the lead had already converted.
        won: People with a closed-won deal inside the horizon of one of their snapshots.
    """

    snapshots: int
    people: int
    converted: int
    conversion_rate: float | None
    excluded_converted: int
    won: int


@dataclass(frozen=True)
class BandRow:
    """Conversion of one score band.

    Attributes:
        label: ``"0–25"``-style label on the 0–100 scale, or ``"top 10%"`` for deciles.
        low: Lower edge (exclusive, except the first band) on the 0–100 scale; for deciles the
            lowest total in the decile.
        high: Upper edge (inclusive) on the 0–100 scale; ``None`` for an open last band; for
            deciles the highest total in the decile.
        n: Snapshots in the band.
        converted: Of them, converted within the horizon.
        rate: ``converted / n``.
        lift: ``rate`` over the base rate.
        expected: The playbook's expectation for the band, in words (``"< 5 %"``).
        expected_low: Lower end of the expected rate, when there is one.
        expected_high: Upper end of the expected rate, when there is one.
    """

    label: str
    low: float | None
    high: float | None
    n: int
    converted: int
    rate: float | None
    lift: float | None = None
    expected: str | None = None
    expected_low: float | None = None
    expected_high: float | None = None

    @property
    def meets_expectation(self) -> bool | None:
        """Whether the rate is inside the playbook's range (``None`` without one)."""
        if self.rate is None or (self.expected_low is None and self.expected_high is None):
            return None
        low_ok = self.expected_low is None or self.rate >= self.expected_low
        high_ok = self.expected_high is None or self.rate <= self.expected_high
        return low_ok and high_ok


@dataclass(frozen=True)
class Verdict:
    """One health check in plain words.

    Attributes:
        key: Stable identifier (``"auc"``, ``"status_rate:PQL"``, …) for tools.
        level: ``good``, ``warning``, ``bad`` or ``info``.
        title: A short headline (``"PQL rate is healthy"``).
        message: One or two sentences a VP can read: the number, the benchmark, what to do.
    """

    key: str
    level: Level
    title: str
    message: str


@dataclass(frozen=True)
class StatusMetrics:
    """How one status did against its complement (every other lead snapshot).

    Attributes:
        status: The status name.
        n: Snapshots holding the status.
        rate: Share of snapshots holding it (the status rate).
        converted: Of them, converted within the horizon.
        precision: ``converted / n``: the status's conversion rate.
        recall: Share of all conversions that held the status.
        rest_n: Snapshots without the status.
        rest_converted: Of them, converted.
        rest_rate: Their conversion rate.
        lift: ``precision / rest_rate``: the seeds' "PQL conversion lift".
        days_to_conversion_median: Median days from status to conversion (measured from the
            first cutoff at which the lead held the status, so at most ``every`` late).
        days_to_conversion_p25: 25th percentile of the same.
        days_to_conversion_p75: 75th percentile of the same.
        timed_conversions: How many conversions those days are measured on.
    """

    status: str
    n: int
    rate: float | None
    converted: int
    precision: float | None
    recall: float | None
    rest_n: int
    rest_converted: int
    rest_rate: float | None
    lift: float | None
    days_to_conversion_median: float | None = None
    days_to_conversion_p25: float | None = None
    days_to_conversion_p75: float | None = None
    timed_conversions: int = 0


@dataclass(frozen=True)
class TopBottom:
    """Conversion of the top-scored share of leads against the rest (per cutoff, pooled).

    Attributes:
        top_share: The share that counts as "top" (0.2: the seeds' top 20 % vs bottom 80 %).
        top_n: Snapshots in the top share.
        top_converted: Of them, converted.
        top_rate: Their conversion rate.
        bottom_n: Snapshots in the rest.
        bottom_converted: Of them, converted.
        bottom_rate: Their conversion rate.
        ratio: ``top_rate / bottom_rate``; the seeds want 2× or more.
    """

    top_share: float
    top_n: int
    top_converted: int
    top_rate: float | None
    bottom_n: int
    bottom_converted: int
    bottom_rate: float | None
    ratio: float | None


@dataclass(frozen=True)
class WonConcentration:
    """Where closed-won deals ranked at the last cutoff before they converted.

    Attributes:
        top_share: The top share of the score distribution (0.25: the top quartile).
        won: Closed-won deals (people) inside the horizon.
        won_in_top: Of them, in the top share of scores at that cutoff.
        share: ``won_in_top / won``; the sales-led playbook wants closed-won deals in the top
            quartile.
    """

    top_share: float
    won: int
    won_in_top: int
    share: float | None


@dataclass(frozen=True)
class GainsPoint:
    """One point of the cumulative gains curve.

    Call the top ``share_of_leads`` of leads (by score, at each cutoff) and you reach
    ``share_of_conversions`` of the conversions.

    Attributes:
        share_of_leads: Top share of leads contacted, in (0, 1].
        share_of_conversions: Share of conversions among them.
        lift: ``share_of_conversions / share_of_leads``.
    """

    share_of_leads: float
    share_of_conversions: float | None
    lift: float | None


@dataclass(frozen=True)
class CalibrationRow:
    """Conversion of one bucket of the total score, and of everything at or above it.

    Attributes:
        low: Bucket start (inclusive), in total points.
        high: Bucket end (exclusive).
        n: Snapshots in the bucket.
        converted: Of them, converted.
        rate: Their conversion rate.
        at_or_above_n: Snapshots with a total of ``low`` or more.
        at_or_above_rate: Their conversion rate: what a threshold at ``low`` would deliver.
    """

    low: float
    high: float
    n: int
    converted: int
    rate: float | None
    at_or_above_n: int
    at_or_above_rate: float | None


@dataclass(frozen=True)
class HistogramBin:
    """One bin of the score distribution.

    Attributes:
        low: Bin start (inclusive), in total points.
        high: Bin end (exclusive).
        n: Snapshots in the bin.
        converted: Of them, converted.
    """

    low: float
    high: float
    n: int
    converted: int


@dataclass(frozen=True)
class RuleContribution:
    """How one rule relates to conversion.

    Attributes:
        column: The score table column (``fit__company_size``, ``b__invites``, ``v__burst``).
        rule_id: The rule id in the model.
        kind: ``fit``, ``behavior`` or ``velocity``.
        label: The rule's label (or id).
        fired: Snapshots where the rule gave non-zero points.
        coverage: ``fired / snapshots``.
        mean_points: Average points where it fired.
        rate_fired: Conversion rate where it fired.
        rate_not_fired: Conversion rate where it did not.
        lift: ``rate_fired / rate_not_fired``.
    """

    column: str
    rule_id: str
    kind: str
    label: str
    fired: int
    coverage: float | None
    mean_points: float | None
    rate_fired: float | None
    rate_not_fired: float | None
    lift: float | None


@dataclass(frozen=True)
class CutoffRow:
    """One cutoff of the grid.

    Attributes:
        cutoff: The instant scored (naive UTC).
        scored: People scored at the cutoff (created at or before it).
        excluded_converted: Of them, already converted, so left out.
        n: Lead snapshots backtested at this cutoff.
        converted: Of them, converted within the horizon.
        rate: Their conversion rate.
        auc: AUC of the total score at this cutoff.
        status_counts: Snapshots per status (every status of the model, 0 included).
    """

    cutoff: datetime
    scored: int
    excluded_converted: int
    n: int
    converted: int
    rate: float | None
    auc: float | None
    status_counts: dict[str, int]


@dataclass(frozen=True)
class RunInfo:
    """Facts about the run that are not results (they may differ between identical runs).

    Attributes:
        model_name: The model's ``name``.
        logic_hash: The model's logic fingerprint.
        engine: The engine that ran it.
        created_at: When the backtest ran (UTC).
        seconds: How long it took.
        data_until: The latest outcome in the data, used to warn about censored horizons.
        warnings: Plain-word caveats (horizons past the end of the data, few conversions).
    """

    model_name: str
    logic_hash: str
    engine: str
    created_at: datetime
    seconds: float
    data_until: datetime | None = None
    warnings: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# The result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BacktestResult:
    """Everything a backtest measured, pooled over its cutoffs, plus the per-cutoff series.

    Attributes:
        settings: How it was run.
        population: Who was backtested.
        auc: AUC of the total score over every snapshot (Mann–Whitney; 0.5 = a coin flip).
        bands: Conversion by the playbook's score bands (0–25, 26–50, 51–75, 76–100).
        deciles: Conversion by score decile at each cutoff, top decile first.
        statuses: Per status of the model, in model order.
        top_vs_bottom: Top 20 % vs bottom 80 %.
        won_top_quartile: Share of closed-won deals that scored in the top quartile.
        gains: The cumulative gains curve at each percentile.
        calibration: Conversion by total-score bucket and at or above each bucket.
        histogram: The score distribution.
        rules: Per-rule coverage and conversion lift, in model order.
        cutoffs: The per-cutoff series (volume over time, AUC over time).
        verdicts: Health checks in plain words.
        run: Facts about the run.
        version: JSON layout version.
    """

    settings: BacktestSettings
    population: Population
    auc: float | None
    bands: tuple[BandRow, ...]
    deciles: tuple[BandRow, ...]
    statuses: tuple[StatusMetrics, ...]
    top_vs_bottom: TopBottom
    won_top_quartile: WonConcentration
    gains: tuple[GainsPoint, ...]
    calibration: tuple[CalibrationRow, ...]
    histogram: tuple[HistogramBin, ...]
    rules: tuple[RuleContribution, ...]
    cutoffs: tuple[CutoffRow, ...]
    verdicts: tuple[Verdict, ...]
    run: RunInfo
    version: int = SCHEMA_VERSION

    def status(self, name: str) -> StatusMetrics | None:
        """The metrics of status ``name`` (``None`` if the model has no such status)."""
        return next((s for s in self.statuses if s.status == name), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (datetimes as ISO text, durations as ``7d``, no NaN)."""
        return _dump(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The result as JSON text; :meth:`from_json` reads it back to an equal result."""
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False, allow_nan=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BacktestResult:
        """Rebuild a result from :meth:`to_dict` output."""
        version = data.get("version", SCHEMA_VERSION)
        if version > SCHEMA_VERSION:
            raise ValueError(f"backtest JSON version {version} is newer than this leadscore "
                             f"understands ({SCHEMA_VERSION}); upgrade leadscore")
        return _load(cls, data)

    @classmethod
    def from_json(cls, text: str) -> BacktestResult:
        """Rebuild a result from :meth:`to_json` output."""
        return cls.from_dict(json.loads(text))

    def metrics(self) -> dict[str, Any]:
        """Everything but :attr:`run`: equal for two runs over the same visible history."""
        data = self.to_dict()
        data.pop("run")
        return data

    def summary(self) -> list[str]:
        """A few plain lines for a terminal."""
        s, p = self.settings, self.population
        lines = [
            f"Backtest of {self.run.model_name}: {len(s.cutoffs)} cutoffs from "
            f"{s.start:%Y-%m-%d} to {s.cutoffs[-1]:%Y-%m-%d} every "
            f"{format_duration(s.every)}, horizon {format_duration(s.horizon)}.",
            f"{p.snapshots:,} lead snapshots ({p.people:,} people), {p.converted:,} converted "
            f"({pct(p.conversion_rate)}); AUC {num(self.auc, 3)}.",
        ]
        for st in self.statuses:
            lines.append(f"{st.status}: {pct(st.rate)} of leads, converts at {pct(st.precision)}"
                         f" vs {pct(st.rest_rate)} for the rest (lift {times(st.lift)}), "
                         f"recall {pct(st.recall)}.")
        tb = self.top_vs_bottom
        lines.append(f"Top 20 % convert at {pct(tb.top_rate)} vs {pct(tb.bottom_rate)} for the "
                     f"bottom 80 % ({times(tb.ratio)}).")
        return lines


# --------------------------------------------------------------------------------------------
# Formatting helpers (shared with the report)
# --------------------------------------------------------------------------------------------


def pct(value: float | None, digits: int = 1) -> str:
    """``0.0823`` → ``"8.2 %"``; ``None`` → ``"n/a"``."""
    return "n/a" if value is None else f"{100 * value:.{digits}f} %"


def times(value: float | None) -> str:
    """``3.41`` → ``"3.4×"``; ``None`` → ``"n/a"``."""
    return "n/a" if value is None else f"{value:.1f}×"


def num(value: float | None, digits: int = 1) -> str:
    """A number with ``digits`` decimals, or ``"n/a"``."""
    return "n/a" if value is None else f"{value:.{digits}f}"


# --------------------------------------------------------------------------------------------
# Verdicts in plain words
# --------------------------------------------------------------------------------------------

#: The seeds' conversion benchmarks by status name: (too loose below, too tight above, words).
STATUS_CONVERSION_BENCHMARKS: dict[str, tuple[float, float, str]] = {
    "PQL": (0.15, 0.40, "15 % is low, 25–30 % typical, above 40 % the definition is too tight"),
    "MQL": (0.05, 0.20, "5 % is low, 10–13 % typical, 20 % high"),
}


def status_rate_verdict(status: str, rate: float | None, bands: StatusRateBands) -> Verdict:
    """The seeds' verdict on the share of leads holding ``status``."""
    key = f"status_rate:{status}"
    if rate is None:
        return Verdict(key, "info", f"No {status} rate", "No leads were backtested.")
    healthy = f"{100 * bands.healthy_low:g}–{pct(bands.healthy_high, 0)}"
    said = f"{pct(rate)} of leads were {status}s."
    if rate < bands.tight_below:
        return Verdict(key, "bad", f"{status} definition is too tight",
                       f"{said} Below {pct(bands.tight_below, 0)} is too tight (healthy is "
                       f"{healthy}): good leads are being missed. Lower the threshold or the "
                       "behavior floor.")
    if rate > bands.loose_above:
        return Verdict(key, "bad", f"{status} definition is too loose",
                       f"{said} Above {pct(bands.loose_above, 0)} is too loose (healthy is "
                       f"{healthy}): sales will be flooded. Raise the threshold or add negative "
                       "scoring.")
    if rate < bands.healthy_low:
        return Verdict(key, "warning", f"{status} rate is on the tight side",
                       f"{said} The healthy range is {healthy}; watch that good leads are not "
                       "missed.")
    if rate > bands.healthy_high:
        return Verdict(key, "warning", f"{status} rate is on the loose side",
                       f"{said} The healthy range is {healthy}; between "
                       f"{pct(bands.healthy_high, 0)} and {pct(bands.loose_above, 0)} deserves a "
                       "look at sales capacity.")
    return Verdict(key, "good", f"{status} rate is healthy",
                   f"{said} That is inside the seeds' healthy range of {healthy}.")


def status_lift_verdict(st: StatusMetrics) -> Verdict:
    """Do leads with the status convert at 2× or more the rate of the rest?"""
    key = f"status_lift:{st.status}"
    if st.lift is None:
        return Verdict(key, "info", f"{st.status} lift is not measurable",
                       f"{st.status}s: {st.n:,} snapshots, {st.converted:,} conversions; the "
                       "rest never converted or nobody held the status.")
    said = (f"{st.status}s converted at {pct(st.precision)} against {pct(st.rest_rate)} for "
            f"every other lead: {times(st.lift)} the rate.")
    if st.lift >= 2:
        return Verdict(key, "good", f"{st.status}s convert at {times(st.lift)} the rest",
                       f"{said} The seeds expect 2–3× (5× at best) from a model whose signals "
                       "predict buying.")
    if st.lift >= 1.5:
        return Verdict(key, "warning", f"{st.status} lift is modest ({times(st.lift)})",
                       f"{said} The seeds expect 2–3×; revisit which signals the status "
                       "requires.")
    return Verdict(key, "bad", f"{st.status} barely beats the rest ({times(st.lift)})",
                   f"{said} Below 1.5× the status is not capturing buying intent; rework the "
                   "rules before shipping.")


def status_conversion_verdict(st: StatusMetrics) -> Verdict | None:
    """The seeds' status-to-opportunity benchmark, for the statuses the seeds name."""
    bench = STATUS_CONVERSION_BENCHMARKS.get(st.status)
    if bench is None or st.precision is None:
        return None
    low, high, words = bench
    key = f"status_conversion:{st.status}"
    said = f"{pct(st.precision)} of {st.status}s converted within the horizon (seeds: {words})."
    if st.precision < low:
        return Verdict(key, "warning", f"Few {st.status}s convert",
                       f"{said} The definition may be too loose, or the horizon too short for "
                       "your sales cycle.")
    if st.precision > high:
        return Verdict(key, "warning", f"{st.status}s convert very often",
                       f"{said} The definition may be too tight: good leads below it are "
                       "missed. Loosening the behavior floor by 10–15 points is the seeds' "
                       "advice.")
    return Verdict(key, "good", f"{st.status} conversion is in the seeds' range", said)


def auc_verdict(auc: float | None) -> Verdict:
    """How well the total score ranks converters above the rest."""
    if auc is None:
        return Verdict("auc", "info", "AUC not measurable",
                       "Nobody (or everybody) converted, so ranking quality cannot be measured.")
    said = (f"A lead who converted outscored one who did not {pct(auc, 0)} of the time "
            f"(AUC {auc:.2f}; 0.5 is a coin flip).")
    if auc >= 0.75:
        return Verdict("auc", "good", "The score ranks buyers well", said)
    if auc >= 0.65:
        return Verdict("auc", "warning", "The score ranks buyers fairly", f"{said} Above 0.75 "
                       "is a strong model; look at the rule table for signals that do not "
                       "help.")
    return Verdict("auc", "bad", "The score barely ranks buyers", f"{said} Below 0.65 the "
                   "score is a weak guide for sales; revisit the behavior rules.")


def top_bottom_verdict(tb: TopBottom) -> Verdict:
    """The seeds' key validation: the top 20 % convert at 2× or more the bottom 80 %."""
    top = pct(tb.top_share, 0)
    bottom = pct(1 - tb.top_share, 0)
    if tb.ratio is None:
        return Verdict("top_vs_bottom", "info", f"Top {top} vs bottom {bottom} not measurable",
                       "The bottom group never converted, or a group is empty.")
    said = (f"The top {top} of leads by score converted at {pct(tb.top_rate)}, the bottom "
            f"{bottom} at {pct(tb.bottom_rate)}: {times(tb.ratio)}.")
    if tb.ratio >= 2:
        return Verdict("top_vs_bottom", "good", f"Top {top} convert at {times(tb.ratio)} the "
                       "rest", f"{said} The seeds' validation asks for 2× or more.")
    if tb.ratio >= 1.5:
        return Verdict("top_vs_bottom", "warning", f"Top {top} only {times(tb.ratio)} the rest",
                       f"{said} The seeds' validation asks for 2× or more.")
    return Verdict("top_vs_bottom", "bad", f"Top {top} hardly beat the rest",
                   f"{said} The seeds' validation asks for 2× or more; below 1.5× the signals "
                   "are not predictive.")


def won_verdict(won: WonConcentration) -> Verdict:
    """The sales-led playbook: closed-won deals should score in the top quartile."""
    top = pct(won.top_share, 0)
    if not won.won or won.share is None:
        return Verdict("won_top_quartile", "info", "No closed-won deals in the horizon",
                       "No lead closed won within the horizon of a cutoff; a longer horizon "
                       "(--horizon) measures where deals scored.")
    said = (f"{pct(won.share, 0)} of the {won.won:,} closed-won deals scored in the top {top} "
            "at the last cutoff before they converted.")
    if won.share >= 0.5:
        return Verdict("won_top_quartile", "good", f"Closed-won deals score in the top {top}",
                       f"{said} The playbook's validation: closed-won deals should score in the "
                       "top quartile.")
    if won.share >= won.top_share:
        return Verdict("won_top_quartile", "warning", "Closed-won deals are spread out",
                       f"{said} Fewer than half is better than chance but the playbook wants "
                       "them in the top quartile: adjust criteria weights.")
    return Verdict("won_top_quartile", "bad", "Closed-won deals do not score high",
                   f"{said} That is no better than chance; criteria weights need adjustment.")


def bands_verdict(bands: Sequence[BandRow], min_n: int = 30) -> Verdict:
    """Conversion should rise band by band (bands with fewer than ``min_n`` are ignored)."""
    seen = [b for b in bands if b.n >= min_n and b.rate is not None]
    if len(seen) < 2:
        return Verdict("bands", "info", "Too few leads per band",
                       f"Fewer than two score bands hold {min_n}+ lead snapshots.")
    dips = [(a, b) for a, b in itertools.pairwise(seen)
            if b.rate is not None and a.rate is not None and b.rate < a.rate]
    rates = ", ".join(f"{b.label}: {pct(b.rate)}" for b in seen)
    if dips:
        a, b = dips[0]
        return Verdict("bands", "warning", "Conversion does not rise with every band",
                       f"Band {b.label} converts at {pct(b.rate)}, less than {a.label} at "
                       f"{pct(a.rate)} ({rates}). Points in that range are not separating "
                       "buyers; check the rule table.")
    return Verdict("bands", "good", "Conversion rises with the score",
                   f"Every higher band converts better: {rates}.")


def build_verdicts(*, auc: float | None, statuses: Sequence[StatusMetrics],
                   top_vs_bottom: TopBottom, won: WonConcentration, bands: Sequence[BandRow],
                   rate_bands: StatusRateBands) -> tuple[Verdict, ...]:
    """Every verdict, most important first."""
    out: list[Verdict] = [auc_verdict(auc)]
    for st in statuses:
        out.append(status_lift_verdict(st))
        out.append(status_rate_verdict(st.status, st.rate, rate_bands))
        conversion = status_conversion_verdict(st)
        if conversion is not None:
            out.append(conversion)
    out += [top_bottom_verdict(top_vs_bottom), won_verdict(won), bands_verdict(bands)]
    return tuple(out)


# --------------------------------------------------------------------------------------------
# JSON (de)serialisation of the dataclasses above
# --------------------------------------------------------------------------------------------


def _dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, timedelta):
        return format_duration(value)
    if isinstance(value, tuple | list):
        return [_dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _dump(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _load(tp: Any, value: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return None if value is None else _load(args[0], value)
    if origin is Literal:
        return value
    if origin is tuple:
        args = typing.get_args(tp)
        return tuple(_load(args[0], v) for v in value)
    if origin is dict:
        _, value_type = typing.get_args(tp)
        return {k: _load(value_type, v) for k, v in value.items()}
    if dataclasses.is_dataclass(tp):
        hints = typing.get_type_hints(tp)
        known = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _load(hints[k], v) for k, v in value.items() if k in known})
    if tp is datetime:
        return datetime.fromisoformat(value)
    if tp is timedelta:
        return parse_duration(value)
    if tp is float:
        return None if value is None else float(value)
    return value
