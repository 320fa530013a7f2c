"""Model linter: warnings where a valid model departs from the seeds' scoring benchmarks.

A model can load without errors and still be a poor scoring model: too few or too many criteria,
fit outweighing product behavior, no negative scoring, no decay, email opens worth as much as a
checkout. :func:`lint_model` reports those as ``warning`` diagnostics with stable ``LS5xx`` codes,
placed at ``file:line:column`` like every other diagnostic (``docs/lint.md`` explains each code)::

    from leadscore.lint import lint_model
    from leadscore.spec.loader import load_model

    for diagnostic in lint_model(load_model("model.yaml")):
        print(diagnostic.render())

====== ==========================================================================================
LS501  number of scoring criteria outside the healthy 15-25 (< 10 too simple, > 25 too many)
LS502  behavior vs fit share of the maximum total outside the motion's benchmark
LS503  no negative scoring (or no negative fit disqualifier such as competitors, personal email)
LS504  no decay, or a decay interval that does not match ``sales_cycle``
LS505  a low-intent (awareness) action can give more than 10 points
LS506  a fit rule reads a time-based field (fit never decays; recency belongs in behavior)
LS507  a protected attribute or an obvious proxy is used as a scoring input
LS508  one data source, or one behavior rule, can contribute too much of the score
LS509  a rule's points are unbounded (``per`` without ``cap``, formula without ``cap``)
====== ==========================================================================================

Maximum points are computed the way the engine scores (see ``docs/semantics.md``): a fit rule's
maximum is its best case (or ``default``/``missing``), clamped by ``fit.max``; an event rule's is
its highest tier (x a milestone ``speed`` multiplier), ``cap`` for ``per`` rules and ``cap`` for
formulas (otherwise unbounded); among rules sharing a ``group`` only the best counts; the sum is
clamped by ``behavior.max``, and velocity bonuses count only when ``behavior.max`` is not set (the
methodology's "~100, excluding velocity"). The total is ``fit_weight x fit + behavior_weight x
behavior`` before any ``total.max`` clamp.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta

from leadscore.spec import model as m
from leadscore.spec.diagnostics import Diagnostic
from leadscore.spec.durations import format_duration
from leadscore.spec.expressions import names_in, parse_expression
from leadscore.spec.loader import LoadedModel
from leadscore.spec.semantic import rule_ids

__all__ = [
    "AWARENESS_EVENTS",
    "LINT_CODES",
    "Maxima",
    "behavior_rule_max",
    "fit_rule_max",
    "lint_model",
    "lint_spec",
    "maxima",
    "protected_attribute",
    "velocity_max",
]

Path = tuple[str | int, ...]
INF = math.inf

LINT_CODES: dict[str, str] = {
    "LS501": "number of scoring criteria outside the healthy 15-25",
    "LS502": "behavior vs fit share of the maximum total outside the motion's benchmark",
    "LS503": "no negative scoring",
    "LS504": "decay missing or not matched to the sales cycle",
    "LS505": "low-intent (awareness) action can give more than 10 points",
    "LS506": "fit rule depends on time",
    "LS507": "protected attribute or proxy used as a scoring input",
    "LS508": "one data source or one rule dominates the score",
    "LS509": "rule with unbounded points",
}
"""Every lint code and what it flags (all lint diagnostics are warnings)."""

METHODOLOGY = "methodology seed"
SALES_LED = "sales-led playbook seed"
GOVERNANCE = "intent-data seed, governance"

# LS501 — "How many scoring criteria in the model?" (methodology, quick reference thresholds).
CRITERIA_TOO_FEW = 10
CRITERIA_HEALTHY = (15, 25)
CRITERIA_TOO_MANY = 35

# LS502 — "Scoring weight distribution" (methodology) and the sales-led weighting.
PLG_BEHAVIOR_TYPICAL = (0.60, 0.70)
PLG_BEHAVIOR_ACCEPTED = (0.50, 0.80)
SALES_LED_FIT_ACCEPTED = (0.30, 0.70)
ANY_BEHAVIOR_ACCEPTED = (0.30, 0.80)  # motion not declared: the union of both motions' ranges

# LS505 — "cap awareness-stage behaviors at 5-10 points" (sales-led playbook).
AWARENESS_CAP = 10.0

# LS508 — "limit the influence any single data source can have" (intent-data seed, governance).
SOURCE_SHARE_LIMIT = 0.60
RULE_SHARE_LIMIT = 0.35
DEFAULT_FIT_SOURCE = "firmographic"
DEFAULT_BEHAVIOR_SOURCE = "product"


@dataclass(frozen=True)
class _CycleBand:
    """One row of the methodology's "Sales cycle length" decision table."""

    cycle_from: float  # days, inclusive
    cycle_to: float  # days, exclusive
    recommended: str
    accepted: tuple[float, float]  # decay interval in days, inclusive


# The seed recommends 14-day decay for < 30-day cycles, 30-day decay for 30-90 days and 60-90-day
# decay for 90+ days. The accepted ranges give each recommendation room (roughly half to one and a
# half times it) so that only an interval that belongs to another kind of cycle is flagged: a 7-day
# half-life on a 45-day cycle (the seed's own "too aggressive" example) is, 14 days on 30 is not
# (the seed's product-led column allows "14-30 day decay on product usage").
CYCLE_BANDS = (
    _CycleBand(0, 30, "14-day", (7, 21)),
    _CycleBand(30, 90, "30-day", (14, 45)),
    _CycleBand(90, INF, "60-90-day", (45, 135)),
)

AWARENESS_EVENTS = frozenset({
    "email_opened", "email_open", "email_clicked", "email_click", "email_link_clicked",
    "newsletter_opened", "blog_visited", "blog_viewed", "blog_post_viewed", "page_viewed",
    "page_view", "pageview", "page", "content_downloaded", "ebook_downloaded",
    "whitepaper_downloaded", "webinar_registered", "webinar_attended", "login", "logged_in",
    "signed_in", "user_logged_in", "session_started", "help_article_viewed", "social_engaged",
    "ad_clicked",
})
"""Awareness-stage events (compared after lower-casing and turning spaces, dots and dashes into
``_``, so Segment's ``Email Opened`` matches). The seeds call them "proof of curiosity": email
opens and clicks, blog visits, page views, content downloads, webinars, logins."""

# LS507 — "Remove protected attributes (and proxies) from scoring inputs" (governance).
# Token → what it reveals. Fields are split into lower-case words (snake_case, camelCase, dots).
_PROTECTED_WORDS = {
    "age": "age", "ages": "age", "dob": "birth date (age)", "birthday": "birth date (age)",
    "birthdate": "birth date (age)", "birth": "birth date (age)",
    "graduation": "graduation year (proxy for age)", "gender": "gender", "sex": "sex",
    "pronoun": "pronouns (proxy for gender)", "pronouns": "pronouns (proxy for gender)",
    "salutation": "salutation (proxy for gender and marital status)",
    "honorific": "honorific (proxy for gender and marital status)",
    "maiden": "maiden name (proxy for gender and marital status)",
    "race": "race", "racial": "race", "ethnicity": "ethnicity", "ethnic": "ethnicity",
    "religion": "religion", "religious": "religion", "nationality": "nationality",
    "citizenship": "citizenship (nationality)", "marital": "marital status",
    "disability": "disability", "disabled": "disability", "handicap": "disability",
    "pregnancy": "pregnancy", "pregnant": "pregnancy", "maternity": "pregnancy",
    "veteran": "veteran status", "caste": "caste", "genetic": "genetic information",
}
_PROTECTED_PAIRS = {
    ("sexual", "orientation"): "sexual orientation", ("national", "origin"): "national origin",
    ("grad", "year"): "graduation year (proxy for age)", ("skin", "color"): "race",
    ("skin", "colour"): "race",
}
# Words that describe the company, not a person, on `account.*` fields (company age is fine).
_ACCOUNT_SAFE_WORDS = frozenset({"age", "ages"})


# --------------------------------------------------------------------------------------------
# Maximum points
# --------------------------------------------------------------------------------------------


def fit_rule_max(rule: m.FitRule) -> float:
    """Most points ``rule`` can give (its best case, ``default`` or ``missing``; at least 0)."""
    values = [c.points for c in rule.cases] + [rule.default]
    if rule.missing is not None:
        values.append(rule.missing)
    return max([0.0, *values])


def _fit_rule_negative(rule: m.FitRule) -> bool:
    values = [c.points for c in rule.cases] + [rule.default]
    if rule.missing is not None:
        values.append(rule.missing)
    return min(values) < 0


def behavior_rule_max(rule: m.EventRule | m.FormulaRule | m.InactivityRule) -> float:
    """Most points a behavior rule can give, ``math.inf`` when unbounded (at least 0).

    Tiers and occurrence give their highest points (x a milestone ``speed`` multiplier); ``per``
    rules give at most ``cap`` (unbounded without one); formulas give at most ``cap``
    (unbounded without one); inactivity penalties never give points.
    """
    if isinstance(rule, m.InactivityRule):
        return 0.0
    if isinstance(rule, m.FormulaRule):
        return INF if rule.cap is None else max(rule.cap, 0.0)
    if rule.per is not None:
        if rule.per <= 0:
            return 0.0
        return INF if rule.cap is None else rule.cap
    best = max(t.points for t in rule.as_tiers())
    if rule.speed is not None and best > 0:
        best *= rule.speed.multiplier
    return max(best, 0.0)


def _behavior_rule_negative(rule: m.EventRule | m.FormulaRule | m.InactivityRule) -> bool:
    if isinstance(rule, m.InactivityRule):
        return True
    if isinstance(rule, m.FormulaRule):
        return any(v is not None and v < 0 for v in (rule.min, rule.cap))
    if rule.per is not None:
        return rule.per < 0
    return any(t.points < 0 for t in rule.as_tiers())


def _behavior_rules_sum(rules: Iterable[m.EventRule | m.FormulaRule | m.InactivityRule]) -> float:
    """Σ maxima of ``rules``, where rules sharing a ``group`` count only their best member."""
    total = 0.0
    groups: dict[str, float] = {}
    for rule in rules:
        best = behavior_rule_max(rule)
        if rule.group is None:
            total += best
        else:
            groups[rule.group] = max(groups.get(rule.group, 0.0), best)
    return total + sum(groups.values())


def velocity_max(velocity: m.Velocity, model: m.ScoringModel) -> float:
    """Largest bonus of a velocity rule: its ``bonus``, or ``multiplier`` x its ``of`` rules."""
    if velocity.bonus is not None:
        return max(velocity.bonus, 0.0)
    of = set(velocity.of or [])
    base = _behavior_rules_sum(r for r in model.behavior.rules if r.id in of)
    return base * (velocity.multiplier or 0.0)


def _clamp(value: float, upper: float | None) -> float:
    return value if upper is None else min(value, max(upper, 0.0))


@dataclass(frozen=True)
class Maxima:
    """Maximum positive points of a model (or of part of one, e.g. one data source)."""

    fit: float
    behavior: float
    fit_weight: float = 1.0
    behavior_weight: float = 1.0

    @property
    def weighted_fit(self) -> float:
        """``fit_weight x fit``."""
        return self.fit_weight * self.fit

    @property
    def weighted_behavior(self) -> float:
        """``behavior_weight x behavior`` (0 when the weight is 0, even if unbounded)."""
        return 0.0 if self.behavior_weight == 0 else self.behavior_weight * self.behavior

    @property
    def total(self) -> float:
        """Maximum total: weighted fit plus weighted behavior (before ``total.max``)."""
        return self.weighted_fit + self.weighted_behavior


def maxima(model: m.ScoringModel, *, sources: set[str] | None = None) -> Maxima:
    """Maximum positive fit, behavior and total of ``model``.

    Args:
        model: The scoring model.
        sources: Only count rules from these data sources: a rule's ``source`` tag
            (lower-cased), else ``firmographic`` for fit rules and ``product`` for behavior
            rules and velocity. ``None`` counts every rule.

    Returns:
        The maxima; ``behavior`` is ``math.inf`` when a rule is unbounded and ``behavior.max`` is
        not set. Section clamps (``fit.max``, ``behavior.max``) apply to the subset too, since a
        source cannot give more than its section can hold.
    """
    def keep(rule: m.FitRule | m.EventRule | m.FormulaRule | m.InactivityRule) -> bool:
        return sources is None or _source_of(rule) in sources

    fit = _clamp(sum(fit_rule_max(r) for r in model.fit.rules if keep(r)), model.fit.max)
    behavior = _behavior_rules_sum(r for r in model.behavior.rules if keep(r))
    if model.behavior.max is not None:
        behavior = _clamp(behavior, model.behavior.max)
    elif sources is None or DEFAULT_BEHAVIOR_SOURCE in sources:
        behavior += sum(velocity_max(v, model) for v in model.behavior.velocity)
    return Maxima(fit, behavior, model.total.fit_weight, model.total.behavior_weight)


def _source_of(rule: m.FitRule | m.EventRule | m.FormulaRule | m.InactivityRule) -> str:
    if rule.source:
        return rule.source.strip().lower()
    return DEFAULT_FIT_SOURCE if isinstance(rule, m.FitRule) else DEFAULT_BEHAVIOR_SOURCE


# --------------------------------------------------------------------------------------------
# Entry points
# --------------------------------------------------------------------------------------------


@dataclass
class _Context:
    model: m.ScoringModel
    positions: dict[Path, tuple[int, int]] | None = None

    def present(self, path: Path) -> bool:
        """Whether ``path`` is written in the model (so a warning can point at it).

        With file positions this is whether the file has it; without (a model built in Python),
        whether every step of the path was set explicitly.
        """
        if self.positions is not None:
            return path in self.positions
        node: object = self.model
        for part in path:
            if isinstance(part, int):
                if not isinstance(node, list) or part >= len(node):
                    return False
                node = node[part]
            elif isinstance(node, dict):
                if part not in node:
                    return False
                node = node[part]
            else:
                attr = "in_" if part == "in" else part
                if not isinstance(node, m.SpecModel) or attr not in node.model_fields_set:
                    return False
                node = getattr(node, attr)
        return True

    def first_present(self, *paths: Path) -> Path:
        """The first of ``paths`` written in the file, else the last one."""
        return next((p for p in paths if self.present(p)), paths[-1])


def lint_model(loaded: LoadedModel) -> list[Diagnostic]:
    """Lint a loaded model against the seeds' best practices.

    Args:
        loaded: A model from :func:`leadscore.spec.loader.load_model` (or ``load_model_text``).

    Returns:
        ``warning`` diagnostics with ``LS5xx`` codes, each placed at ``file:line:column`` of
        the value it is about, sorted by position. An empty list means the model follows every
        benchmark the linter knows.
    """
    out = []
    for diag in _run(_Context(loaded.model, loaded.positions)):
        # A warning about a setting points at its value (`per: 3` -> `3`); one about a section,
        # a list or a rule points at its key or list item.
        leaf = bool(diag.path) and isinstance(diag.path[-1], str) \
            and diag.path[-1] not in _CONTAINER_KEYS
        line, col = loaded.locate(diag.path, value=leaf)
        out.append(Diagnostic(diag.code, diag.message, diag.severity, diag.path, loaded.file,
                              line, col, diag.hint, diag.extra))
    return sorted(out, key=lambda d: (d.line or 0, d.column or 0, d.code))


_CONTAINER_KEYS = frozenset({"fit", "behavior", "total", "rules", "velocity"})


def lint_spec(model: m.ScoringModel) -> list[Diagnostic]:
    """Lint a model built in Python (no file positions; paths only).

    Args:
        model: The scoring model.

    Returns:
        The same warnings as :func:`lint_model`, without ``file``, ``line`` and ``column``.
    """
    return _run(_Context(model))


def _run(ctx: _Context) -> list[Diagnostic]:
    checks: list[Callable[[_Context], list[Diagnostic]]] = [
        _criteria_count, _behavior_weight, _negative_scoring, _decay, _low_intent,
        _time_based_fit, _protected_attributes, _dominant_source, _unbounded_rules,
    ]
    return [d for check in checks for d in check(ctx)]


def _warn(code: str, message: str, path: Path, hint: str, **extra: object) -> Diagnostic:
    return Diagnostic(code, message, "warning", path, hint=hint,
                      extra={k: _num(v) if isinstance(v, float | int) else str(v)
                             for k, v in extra.items()})


def _num(value: float) -> str:
    return "unbounded" if math.isinf(value) else f"{value:g}"


def _weight(weight: float) -> str:
    return "" if weight == 1 else f" x weight {weight:g}"


def _pct(share: float) -> str:
    return f"{share * 100:.1f}".removesuffix(".0") + "%"


def _days(delta: timedelta) -> float:
    return delta.total_seconds() / 86400


# --------------------------------------------------------------------------------------------
# LS501 criteria count
# --------------------------------------------------------------------------------------------


def _criteria_count(ctx: _Context) -> list[Diagnostic]:
    model = ctx.model
    fit, behavior = len(model.fit.rules), len(model.behavior.rules)
    velocity = len(model.behavior.velocity)
    count = len(rule_ids(model))
    if count < CRITERIA_TOO_FEW:
        verdict = f"fewer than {CRITERIA_TOO_FEW} is too simple to separate good leads"
        hint = ("add the signals the seed lists (company size, industry, seniority, activation "
                "milestones, high-intent actions, negative disqualifiers) toward the healthy "
                f"{CRITERIA_HEALTHY[0]}-{CRITERIA_HEALTHY[1]}; a deliberate 5-8-criteria start "
                f"while you have < 6 months of conversion data is fine ({METHODOLOGY})")
    elif count > CRITERIA_TOO_MANY:
        verdict = f"more than {CRITERIA_TOO_MANY} is overcomplicated"
        hint = ("merge rules that measure the same thing (count tiers, `group:`) and drop the ones "
                "without conversion lift, down to the healthy "
                f"{CRITERIA_HEALTHY[0]}-{CRITERIA_HEALTHY[1]} ({METHODOLOGY})")
    elif count > CRITERIA_HEALTHY[1]:
        verdict = (f"{CRITERIA_HEALTHY[1] + 1}-{CRITERIA_TOO_MANY} is the warning band "
                   f"(healthy: {CRITERIA_HEALTHY[0]}-{CRITERIA_HEALTHY[1]})")
        hint = ("merge overlapping rules (count tiers, `group:`) or drop low-lift ones to get back "
                f"to {CRITERIA_HEALTHY[0]}-{CRITERIA_HEALTHY[1]} ({METHODOLOGY})")
    else:
        return []
    sizes = {("fit", "rules"): fit, ("behavior", "rules"): behavior,
             ("behavior", "velocity"): velocity}
    path = max(sizes, key=lambda p: sizes[p]) if count else ("name",)
    return [_warn("LS501", f"the model has {count} scoring criteria (fit {fit}, behavior "
                  f"{behavior}, velocity {velocity}); {verdict}", path, hint, count=count)]


# --------------------------------------------------------------------------------------------
# LS502 behavior weight vs fit
# --------------------------------------------------------------------------------------------


def _behavior_weight(ctx: _Context) -> list[Diagnostic]:
    model = ctx.model
    mx = maxima(model)
    if mx.total <= 0 or (math.isinf(mx.weighted_behavior) and math.isinf(mx.weighted_fit)):
        return []
    behavior_share = 1.0 if math.isinf(mx.weighted_behavior) else mx.weighted_behavior / mx.total
    fit_share = 1.0 - behavior_share
    amounts = (f"behavior {_num(mx.behavior)}{_weight(mx.behavior_weight)}, fit "
               f"{_num(mx.fit)}{_weight(mx.fit_weight)}")
    if model.motion == "sales-led":
        low, high = SALES_LED_FIT_ACCEPTED
        if low <= fit_share <= high:
            return []
        message = (f"fit can make {_pct(fit_share)} of the maximum total ({amounts}); a sales-led "
                   f"model keeps fit between {low:.0%} and {high:.0%}")
        hint = (f"the {METHODOLOGY} weights traditional (sales-led) MQL scoring 60-70% "
                "marketing engagement and 30-40% fit; "
                + ("raise fit points or fit_weight" if fit_share < low
                   else "add engagement rules or raise behavior_weight"))
        too_much_behavior = fit_share < low
    else:
        plg = model.motion == "product-led"
        low, high = PLG_BEHAVIOR_ACCEPTED if plg else ANY_BEHAVIOR_ACCEPTED
        if low <= behavior_share <= high:
            return []
        kind = "product-led model" if plg else "model (motion not set)"
        message = (f"behavior can make {_pct(behavior_share)} of the maximum total ({amounts}); a "
                   f"{kind} keeps behavior between {low:.0%} and {high:.0%}")
        typical = "-".join(f"{t * 100:.0f}" for t in PLG_BEHAVIOR_TYPICAL)
        hint = (f"the {METHODOLOGY} puts product behavior at {typical}% of the total and fit at "
                "30-40% (fit 0-50, behavior 0-100); "
                + ("lower behavior.max or behavior_weight, or add fit rules"
                   if behavior_share > high else "raise behavior.max or behavior_weight"))
        if model.motion is None:
            hint += "; set `motion:` to check against your motion's benchmark"
        too_much_behavior = behavior_share > high
    if ctx.present(("total", "behavior_weight")) or ctx.present(("total", "fit_weight")):
        path: Path = ("total",)
    elif too_much_behavior:
        path = ctx.first_present(("behavior", "max"), ("behavior",))
    else:
        path = ctx.first_present(("fit", "max"), ("fit",))
    return [_warn("LS502", message, path, hint, behavior_share=round(behavior_share, 4),
                  fit_max=mx.fit, behavior_max=mx.behavior)]


# --------------------------------------------------------------------------------------------
# LS503 negative scoring
# --------------------------------------------------------------------------------------------


def _negative_scoring(ctx: _Context) -> list[Diagnostic]:
    model = ctx.model
    fit_negative = any(_fit_rule_negative(r) for r in model.fit.rules)
    behavior_negative = any(_behavior_rule_negative(r) for r in model.behavior.rules)
    hint = ("add fit disqualifiers, e.g. `field: email_domain` with `in_list: competitor_domains` "
            "(-30) and personal email domains (-15), and negative behavior such as "
            f"unsubscribed (-5); the {METHODOLOGY} puts negative scoring at 10-15% of the total "
            "possible and says that at minimum competitors and personal emails should subtract")
    if not fit_negative and not behavior_negative:
        path = ctx.first_present(("fit", "rules"), ("fit",), ("behavior", "rules"), ())
        return [_warn("LS503", "no rule subtracts points: no fit case, default or missing value "
                      "and no behavior rule is negative", path, hint)]
    if not fit_negative and model.fit.rules:
        return [_warn("LS503", f"none of the {len(model.fit.rules)} fit rules subtracts points, so "
                      "competitors and personal email addresses score like prospects",
                      ctx.first_present(("fit", "rules"), ("fit",)), hint)]
    return []


# --------------------------------------------------------------------------------------------
# LS504 decay
# --------------------------------------------------------------------------------------------


def _decay(ctx: _Context) -> list[Diagnostic]:
    model = ctx.model
    decay = model.behavior.decay
    if not any(behavior_rule_max(r) > 0 for r in model.behavior.rules):
        return []  # nothing positive to decay
    if decay is None:
        hint = ("add `behavior.decay`, e.g. `{method: linear, every: 30d, points: 10, floor: 5}` "
                f"(the {METHODOLOGY}: static scoring without decay is the second most common "
                f"failure; the {SALES_LED}: 25% per month)")
        if model.sales_cycle is not None:
            band = _band(_days(model.sales_cycle))
            hint += (f"; for a {format_duration(model.sales_cycle)} sales cycle use "
                     f"{band.recommended} intervals")
        return [_warn("LS504", "behavior has no decay: points earned months ago count as much as "
                      "yesterday's", ctx.first_present(("behavior",), ()),
                      hint)]
    if model.sales_cycle is None:
        return []
    half_life = decay.method == "half_life"
    interval = decay.half_life if half_life else decay.every
    key, what = ("half_life", "half-life") if half_life else ("every", "interval")
    if interval is None:  # the spec requires it; nothing to compare without it
        return []
    cycle, days = _days(model.sales_cycle), _days(interval)
    band = _band(cycle)
    low, high = band.accepted
    if low <= days <= high:
        return []
    pace = "too aggressive" if days < low else "too slow"
    cycle_text = (f"< {band.cycle_to:g}" if band.cycle_from == 0 else
                  f"{band.cycle_from:g}+" if math.isinf(band.cycle_to) else
                  f"{band.cycle_from:g}-{band.cycle_to:g}")
    message = (f"decay {what} {format_duration(interval)} is {pace} for a "
               f"{format_duration(model.sales_cycle)} sales cycle: the seed recommends "
               f"{band.recommended} decay for {cycle_text}-day cycles (accepted {low:g}-{high:g} "
               "days)")
    hint = (f"set `{key}` to about {band.recommended.split('-')[0]}d; the {METHODOLOGY} matches "
            "decay to the sales cycle (< 30 days: 14-day intervals, 30-90: 30-day, 90+: 60-90-day) "
            "and warns that a 7-day half-life zeroes a 45-day cycle's leads before sales reaches "
            "them")
    return [_warn("LS504", message, ("behavior", "decay", key), hint, interval_days=days,
                  cycle_days=cycle)]


def _band(cycle_days: float) -> _CycleBand:
    return next(b for b in CYCLE_BANDS if b.cycle_from <= cycle_days < b.cycle_to)


# --------------------------------------------------------------------------------------------
# LS505 low-intent actions
# --------------------------------------------------------------------------------------------


def _event_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", name.strip().lower()).strip("_")


def _low_intent(ctx: _Context) -> list[Diagnostic]:
    out = []
    for i, rule in enumerate(ctx.model.behavior.rules):
        if isinstance(rule, m.InactivityRule):
            continue
        awareness = []
        if isinstance(rule, m.EventRule):
            awareness = [e for e in rule.events if _event_key(e) in AWARENESS_EVENTS]
        if rule.intent != "low" and not awareness:
            continue
        best = behavior_rule_max(rule)
        if best <= AWARENESS_CAP:
            continue
        why = (f"awareness event{'s' if len(awareness) > 1 else ''} {', '.join(awareness)}"
               if awareness else "tagged `intent: low`")
        amount = "unbounded points (no cap)" if math.isinf(best) else f"up to {best:g} points"
        out.append(_warn(
            "LS505", f"rule '{rule.id}' ({why}) can give {amount}; low-intent actions should "
            f"give at most {AWARENESS_CAP:g}",
            ("behavior", "rules", i, *_points_key(rule)),
            f"lower it to 5-10 points (a `cap:`, or smaller points/tiers) and keep 20+ points for "
            f"high-intent actions ({SALES_LED}: cap awareness-stage behaviors at 5-10 points; "
            "over-scoring email opens and blog visits inflates scores)",
            rule=rule.id, max_points=best))
    return out


def _points_key(rule: m.EventRule | m.FormulaRule) -> Path:
    """Where a rule's maximum comes from: its cap, per, highest tier, points or formula."""
    if rule.cap is not None:
        return ("cap",)
    if isinstance(rule, m.FormulaRule):
        return ("formula",)
    if rule.per is not None:
        return ("per",)
    if rule.tiers is not None:
        best = max(range(len(rule.tiers)), key=lambda j: rule.tiers[j].points)  # type: ignore[index]
        return ("tiers", best)
    return ("points",)


# --------------------------------------------------------------------------------------------
# LS506 time-based fit rules
# --------------------------------------------------------------------------------------------


def _words(name: str) -> list[str]:
    """Lower-case words of a name: ``account.lastSeen_at`` → ``[account, last, seen, at]``."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return [w for w in re.split(r"[^a-z0-9]+", spaced.lower()) if w]


def _column_words(name: str) -> list[str]:
    """Words of a fit ``field`` without its ``account.`` prefix."""
    return _words(name.removeprefix("account."))


_TIME_WORDS = frozenset({"date", "datetime", "timestamp"})
_TIME_SUFFIXES = frozenset({"at", "time", "ts"})


def _is_time_based(name: str) -> bool:
    words = _column_words(name)
    if not words:
        return False
    return (bool(_TIME_WORDS & set(words)) or words[-1] in _TIME_SUFFIXES
            or (words[0] == "last" and words[1:2] != ["name"])
            or words[:2] in (["days", "since"], ["time", "since"])
            or words[-2:] == ["days", "ago"])


def _time_based_fit(ctx: _Context) -> list[Diagnostic]:
    out = []
    for i, rule in enumerate(ctx.model.fit.rules):
        if not _is_time_based(rule.field):
            continue
        out.append(_warn(
            "LS506", f"fit rule '{rule.id}' reads '{rule.field}', which looks time-based; fit "
            "never decays, so these points stay as the date ages",
            ("fit", "rules", i, "field"),
            "score the recent activity as a behavior rule with a `window:` (and let decay fade "
            f"it); keep fit for stable attributes such as size, industry and role ({METHODOLOGY}: "
            "fit scores should not decay -- only behavioral scores reflect time-sensitive intent)",
            rule=rule.id, field=rule.field))
    return out


# --------------------------------------------------------------------------------------------
# LS507 protected attributes
# --------------------------------------------------------------------------------------------


def protected_attribute(name: str, *, account: bool = False) -> str | None:
    """What protected attribute a column name reveals, or ``None``.

    Args:
        name: A column name (``date_of_birth``, ``account.industry``, ``genderIdentity``).
        account: The column describes a company, not a person (company age is fine).

    Returns:
        A short description such as ``"gender"`` or ``"graduation year (proxy for age)"``.
    """
    words = _column_words(name)
    for pair, what in _PROTECTED_PAIRS.items():
        if any(tuple(words[k:k + 2]) == pair for k in range(len(words) - 1)):
            return what
    for word in words:
        if account and word in _ACCOUNT_SAFE_WORDS:
            continue
        if word in _PROTECTED_WORDS:
            return _PROTECTED_WORDS[word]
    return None


def _protected_attributes(ctx: _Context) -> list[Diagnostic]:
    model = ctx.model
    uses: list[tuple[Path, str, str, bool]] = []  # path, what uses it, column, is account column
    for i, rule in enumerate(model.fit.rules):
        uses.append((("fit", "rules", i, "field"), f"fit rule '{rule.id}'", rule.field,
                     rule.field.startswith("account.")))
    filters: list[tuple[Path, str, m.EventFilter]] = [
        (("behavior", "rules", i), f"behavior rule '{r.id}'", r)
        for i, r in enumerate(model.behavior.rules) if isinstance(r, m.EventRule)
    ] + [(("metrics", name), f"metric '{name}'", metric) for name, metric in model.metrics.items()]
    for path, owner, flt in filters:
        if flt.where is not None:
            seen = []
            for name in names_in(parse_expression(flt.where)):
                if name.name not in seen:
                    seen.append(name.name)
                    uses.append(((*path, "where"), f"the filter of {owner}", name.name, False))
        if flt.measure.column is not None:
            uses.append(((*path, "measure"), f"the measure of {owner}", flt.measure.column, False))
    out = []
    for path, owner, column, account in uses:
        what = protected_attribute(column, account=account)
        if what is None:
            continue
        out.append(_warn(
            "LS507", f"{owner} uses '{column}', a protected attribute or proxy ({what})", path,
            "remove it from the scoring inputs; score the company and the behavior, not who the "
            f"person is ({GOVERNANCE}: remove protected attributes, and proxies, from scoring "
            "inputs)", column=column, attribute=what))
    return out


# --------------------------------------------------------------------------------------------
# LS508 one source or one rule dominating
# --------------------------------------------------------------------------------------------


def _dominant_source(ctx: _Context) -> list[Diagnostic]:
    model = ctx.model
    whole = maxima(model)
    out = []
    if 0 < whole.total < INF:
        places: dict[str, Path] = {}
        tagged: dict[str, bool] = {}
        for section, rules in (("fit", model.fit.rules), ("behavior", model.behavior.rules)):
            for i, rule in enumerate(rules):
                source = _source_of(rule)
                if source not in places:
                    tagged[source] = rule.source is not None
                    places[source] = (section, "rules", i, "source") if rule.source else (
                        section, "rules", i)
        for source, path in places.items():
            part = maxima(model, sources={source})
            share = part.total / whole.total
            if share <= SOURCE_SHARE_LIMIT:
                continue
            how = ("" if tagged[source] else
                   f" (untagged {'fit' if path[0] == 'fit' else 'behavior'} rules count as "
                   f"'{source}')")
            out.append(_warn(
                "LS508", f"data source '{source}'{how} can contribute {_pct(share)} of the maximum "
                f"total ({_num(part.total)} of {_num(whole.total)}); keep any single source at or "
                f"below {SOURCE_SHARE_LIMIT:.0%}", path,
                "tag rules with `source:` so each data source is counted on its own, and balance "
                "the points across sources (lower this source's points or raise the others') "
                f"({GOVERNANCE}: limit the influence any single data source can have on the "
                "overall score)", source=source, share=round(share, 4)))
    behavior_max = whole.behavior
    if not 0 < behavior_max < INF:
        return out
    ceiling = INF if model.behavior.max is None else max(model.behavior.max, 0.0)
    singles: list[tuple[Path, str, str, float]] = [
        (("behavior", "rules", i), r.id, f"behavior rule '{r.id}'", behavior_rule_max(r))
        for i, r in enumerate(model.behavior.rules)
    ] + [(("behavior", "velocity", i), v.id, f"velocity '{v.id}'", velocity_max(v, model))
         for i, v in enumerate(model.behavior.velocity)]
    for path, rid, what, best in singles:
        share = min(best, ceiling) / behavior_max
        if share <= RULE_SHARE_LIMIT:
            continue
        out.append(_warn(
            "LS508", f"{what} can contribute {_pct(share)} of the maximum behavior score "
            f"({_num(min(best, ceiling))} of {_num(behavior_max)}); keep a single rule at or below "
            f"{RULE_SHARE_LIMIT:.0%}", path,
            "lower its points or cap, or add other behavior signals: in the methodology seed's "
            "rubric the most predictive single action (core feature used 3+ times) is worth 20 "
            f"of 100 and the velocity bonus 25 ({GOVERNANCE}: limit the influence of any single "
            "input)", rule=rid, share=round(share, 4)))
    return out


# --------------------------------------------------------------------------------------------
# LS509 unbounded rules
# --------------------------------------------------------------------------------------------


def _unbounded_rules(ctx: _Context) -> list[Diagnostic]:
    model = ctx.model
    out = []
    clamp = ("behavior.max clamps the sum, but this one rule can still fill it on its own"
             if model.behavior.max is not None else "and behavior has no `max` either")
    for i, rule in enumerate(model.behavior.rules):
        if isinstance(rule, m.EventRule) and rule.per is not None and rule.cap is None:
            if rule.per < 0 and model.behavior.min is not None:
                continue  # a penalty without limit is stopped by behavior.min
            direction, why = (("give", clamp) if rule.per > 0
                              else ("subtract", "and behavior has no `min`"))
            out.append(_warn(
                "LS509", f"rule '{rule.id}' gives {rule.per:g} per unit with no `cap`: it can "
                f"{direction} any number of points ({why})",
                ("behavior", "rules", i, "per"),
                f"add `cap:` (e.g. cap: {abs(rule.per) * 5:g}) so heavy users do not drown every "
                f"other signal ({METHODOLOGY}: per-occurrence points with a cap; weight actions by "
                "their correlation with conversion, not by frequency alone)", rule=rule.id))
        elif isinstance(rule, m.FormulaRule) and rule.cap is None:
            out.append(_warn(
                "LS509", f"formula rule '{rule.id}' has no `cap`: '{rule.formula}' can give any "
                f"number of points ({clamp})", ("behavior", "rules", i, "formula"),
                "add `cap:` with the most points this signal deserves (the seeds' consumption "
                "model scores DAU/WAU x 20 + 2 x seats added; bound it like any other rule)",
                rule=rule.id))
    return out
