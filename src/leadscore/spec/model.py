"""The scoring model as typed, immutable data (what a user declares in ``model.yaml``).

Pure data: no engine, no I/O. Shape checks live here (pydantic, ``extra="forbid"`` so a typo is
an error, not a silently ignored key); checks that need the whole model (unknown references,
ordering of thresholds, data columns) live in :mod:`leadscore.spec.semantic` so they can all be
reported at once. The full format is documented in ``docs/model-reference.md``.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_serializer,
    model_validator,
)

from leadscore.spec.durations import parse_duration
from leadscore.spec.expressions import ExpressionError, parse_expression


def _duration(value: Any) -> timedelta:
    if isinstance(value, timedelta):
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"expected a duration such as 14d, got {type(value).__name__}")
    if isinstance(value, int | float):
        raise ValueError(f"{value} has no unit; write e.g. {value}d or {value}h")
    return parse_duration(value)


Duration = Annotated[timedelta, BeforeValidator(_duration)]
"""A positive duration written as ``48h``, ``14d``, ``2w``…"""

RuleId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,59}$")]
"""Rule, metric and list ids: lower-case snake case, so they are valid column names everywhere."""


def _check_expression(text: str) -> str:
    try:
        parse_expression(text)
    except ExpressionError as exc:
        raise ValueError(
            f"invalid expression {text!r}: {exc} (at character {exc.column + 1})"
        ) from None
    return text


class SpecModel(BaseModel):
    """Base of every spec node: frozen, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


# --------------------------------------------------------------------------------------------
# Fit
# --------------------------------------------------------------------------------------------

Scalar = str | float | bool
# Constructs Python's `re` accepts but RE2 (DuckDB, BigQuery) and most warehouses reject.
_NOT_PORTABLE_REGEX = re.compile(r"\(\?<?[=!]|\\[1-9]")
MATCHERS = ("equals", "in", "not_in", "between", "min", "max", "contains", "matches", "exists",
            "in_list")


class Case(SpecModel):
    """One way an attribute can score: a matcher and the points it gives.

    Exactly one matcher per case, except that ``min`` and ``max`` may be combined. String
    matching ignores case and surrounding spaces unless the rule sets ``case_sensitive``.
    """

    points: float
    equals: Scalar | None = None
    in_: list[Scalar] | None = Field(None, alias="in", min_length=1)
    not_in: list[Scalar] | None = Field(None, min_length=1)
    between: tuple[float, float] | None = None
    min: float | None = None
    max: float | None = None
    contains: str | list[str] | None = None
    matches: str | None = None
    exists: bool | None = None
    in_list: str | None = None

    @model_validator(mode="after")
    def _one_matcher(self) -> Case:
        given = [m for m in MATCHERS if getattr(self, "in_" if m == "in" else m) is not None]
        if not given:
            raise ValueError(f"a case needs a matcher: one of {', '.join(MATCHERS)}")
        if len(given) > 1 and set(given) != {"min", "max"}:
            raise ValueError(
                f"a case has one matcher but this one has {', '.join(given)}; "
                "split it into several cases (the first matching case wins)"
            )
        if self.between is not None and self.between[0] > self.between[1]:
            raise ValueError(f"between: [{self.between[0]:g}, {self.between[1]:g}] is empty; "
                             "write the lower bound first")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min:g} is above max {self.max:g}; nothing can match")
        if self.matches is not None:
            try:
                re.compile(self.matches)
            except re.error as exc:
                raise ValueError(f"matches: invalid regular expression: {exc}") from None
            if _NOT_PORTABLE_REGEX.search(self.matches):
                raise ValueError("matches: look-arounds ((?=, (?!, (?<=, (?<!) and back-references "
                                 "(\\1) are not supported by the SQL engines (RE2 and others); "
                                 "split the case in two or use `contains`")
        return self

    @property
    def matcher(self) -> str:
        """The name of this case's matcher (``"range"`` for min/max)."""
        for m in MATCHERS:
            if getattr(self, "in_" if m == "in" else m) is not None:
                return "range" if m in ("min", "max") else m
        raise AssertionError("validated cases always have a matcher")


class FitRule(SpecModel):
    """Points from one attribute of the person or their account; the first matching case wins."""

    id: RuleId
    label: str | None = None
    description: str | None = None
    source: str | None = None
    field: str = Field(min_length=1)
    cases: list[Case] = Field(min_length=1)
    default: float = 0
    missing: float | None = None
    case_sensitive: bool = False


class Champion(SpecModel):
    """Champion movement: a known power user who signs up again from a new company domain.

    ``link`` is a people column that identifies the same human across companies (a LinkedIn
    URL, a personal email). A person gets ``points`` when an earlier record with the same link
    and another ``email_domain`` was a power user (``power_user`` is true there), and
    ``nps_bonus`` more when such a record's ``nps`` is at least ``nps_min``.
    """

    link: str
    power_user: str = "power_user"
    nps: str | None = None
    points: float = 40
    nps_bonus: float = 10
    nps_min: float = 9
    label: str | None = None


class FitSection(SpecModel):
    """Fit score: attribute rules, clamped to ``[min, max]``. Fit never decays."""

    min: float | None = None
    max: float | None = None
    rules: list[FitRule] = Field(default_factory=list)
    champion: Champion | None = None

    @model_serializer(mode="wrap")
    def _omit_absent_champion(self, handler: Any) -> Any:
        # Dumps as before champions existed when unset: logic hashes stay valid.
        data = handler(self)
        if isinstance(data, dict) and data.get("champion") is None:
            data.pop("champion", None)
        return data


# --------------------------------------------------------------------------------------------
# Behavior
# --------------------------------------------------------------------------------------------


class Window(SpecModel):
    """Which events count: the ``last`` span before as-of, or the ``first`` span after sign-up."""

    last: Duration | None = None
    first: Duration | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # `window: 14d` is the common case and means the last 14 days.
        return {"last": value} if isinstance(value, str | int | float) else value

    @model_validator(mode="after")
    def _exactly_one(self) -> Window:
        if (self.last is None) == (self.first is None):
            raise ValueError("a window is either `last: 14d` (before as-of) or `first: 7d` "
                             "(after sign-up), not both or neither")
        return self


class Measure(SpecModel):
    """What is measured over the matching events (default: how many there are)."""

    kind: Literal["count", "distinct_days", "distinct", "sum", "max"] = "count"
    column: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: Any) -> Any:
        # `measure: distinct_days` or `measure: {distinct: feature}` read better than kind/column.
        if isinstance(value, str):
            return {"kind": value}
        if isinstance(value, dict) and len(value) == 1 and "kind" not in value:
            ((kind, column),) = value.items()
            return {"kind": kind, "column": column}
        return value

    @model_validator(mode="after")
    def _column_when_needed(self) -> Measure:
        needs = self.kind in ("distinct", "sum", "max")
        if needs and not self.column:
            example = f"{{{self.kind}: duration_s}}"
            raise ValueError(f"measure '{self.kind}' needs a column, e.g. {example}")
        if not needs and self.column:
            raise ValueError(f"measure '{self.kind}' takes no column")
        return self


class Tier(SpecModel):
    """``points`` once the measure reaches ``min``."""

    min: float
    points: float


class Speed(SpecModel):
    """Milestone speed multiplier: points × ``multiplier`` when first reached ``within`` sign-up."""

    within: Duration
    multiplier: float = Field(gt=0)


class EventFilter(SpecModel):
    """The events a rule or metric looks at: names, an optional filter and a window."""

    event: str | list[str]
    where: str | None = None
    window: Window | None = None
    measure: Measure = Field(default_factory=Measure)

    @field_validator("where")
    @classmethod
    def _where_parses(cls, value: str | None) -> str | None:
        return None if value is None else _check_expression(value)

    @field_validator("event")
    @classmethod
    def _events_not_empty(cls, value: str | list[str]) -> str | list[str]:
        names = [value] if isinstance(value, str) else value
        if not names or any(not str(n).strip() for n in names):
            raise ValueError("event needs at least one non-empty event name")
        return value

    @property
    def events(self) -> list[str]:
        """The event names as a list."""
        return [self.event] if isinstance(self.event, str) else list(self.event)


class EventRule(EventFilter):
    """Points from events: occurrence (``points``), count ``tiers`` or ``per`` unit with a cap."""

    kind: Literal["event"] = "event"
    id: RuleId
    label: str | None = None
    description: str | None = None
    source: str | None = None
    group: RuleId | None = None
    points: float | None = None
    min: float = 1
    tiers: list[Tier] | None = Field(None, min_length=1)
    per: float | None = None
    cap: float | None = Field(None, ge=0)
    speed: Speed | None = None
    intent: Literal["high", "medium", "low"] | None = None

    @model_validator(mode="after")
    def _one_scoring(self) -> EventRule:
        given = [k for k in ("points", "tiers", "per") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("an event rule scores with exactly one of `points` (occurrence), "
                             "`tiers` (count tiers) or `per` (points per occurrence, with `cap`)"
                             + (f"; this one has {', '.join(given)}" if given else ""))
        if "min" in self.model_fields_set and self.points is None:
            raise ValueError("`min` goes with `points` (the count needed to score); tiers carry "
                             "their own min, and `per` rules score every occurrence")
        if self.cap is not None and self.per is None:
            raise ValueError("`cap` limits `per` rules; for points or tiers the points are fixed")
        if self.tiers is not None:
            mins = [t.min for t in self.tiers]
            if mins != sorted(mins) or len(set(mins)) != len(mins):
                raise ValueError(f"tiers must go up strictly by min, got mins {mins}")
        if self.speed is not None and (self.points is None or self.min != 1
                                       or self.measure.kind != "count"):
            raise ValueError("`speed` applies to milestone rules: `points` on a count with min 1")
        return self

    def as_tiers(self) -> list[Tier]:
        """``points``/``min`` as a single tier, or the tiers as written."""
        if self.tiers is not None:
            return list(self.tiers)
        assert self.points is not None
        return [Tier(min=self.min, points=self.points)]


class FormulaRule(SpecModel):
    """Points from an expression over named metrics, clamped to ``[min, cap]``."""

    kind: Literal["formula"] = "formula"
    id: RuleId
    label: str | None = None
    description: str | None = None
    source: str | None = None
    group: RuleId | None = None
    formula: str
    cap: float | None = None
    min: float | None = None
    intent: Literal["high", "medium", "low"] | None = None

    @field_validator("formula")
    @classmethod
    def _formula_parses(cls, value: str) -> str:
        return _check_expression(value)


class Inactivity(SpecModel):
    """Which events keep a person active, and the length of one inactive period."""

    event: str | list[str] | None = None
    every: Duration

    @property
    def events(self) -> list[str] | None:
        """The activity event names, or ``None`` for any event."""
        if self.event is None:
            return None
        return [self.event] if isinstance(self.event, str) else list(self.event)


class InactivityRule(SpecModel):
    """``points`` (negative) per full period without activity since the last one (or sign-up)."""

    kind: Literal["inactivity"] = "inactivity"
    id: RuleId
    label: str | None = None
    description: str | None = None
    source: str | None = None
    group: RuleId | None = None
    inactivity: Inactivity
    points: float = Field(lt=0)
    cap: float | None = Field(None, gt=0)
    intent: Literal["high", "medium", "low"] | None = None


def _rule_kind(value: Any) -> str:
    if isinstance(value, dict):
        if "formula" in value:
            return "formula"
        if "inactivity" in value:
            return "inactivity"
        return "event"
    return getattr(value, "kind", "event")


BehaviorRule = Annotated[
    Annotated[EventRule, Tag("event")]
    | Annotated[FormulaRule, Tag("formula")]
    | Annotated[InactivityRule, Tag("inactivity")],
    Discriminator(_rule_kind),
]


class Metric(EventFilter):
    """A named measure over events, usable in formulas and status conditions."""

    description: str | None = None


class Velocity(SpecModel):
    """Bonus for ``min_count`` key events inside any span shorter than ``within``. Counts once."""

    id: RuleId
    label: str | None = None
    description: str | None = None
    events: list[str] = Field(min_length=1)
    min_count: int = Field(ge=2)
    within: Duration
    window: Duration | None = None
    bonus: float | None = None
    multiplier: float | None = Field(None, gt=0)
    of: list[RuleId] | None = None

    @model_validator(mode="after")
    def _bonus_or_multiplier(self) -> Velocity:
        if (self.bonus is None) == (self.multiplier is None):
            raise ValueError("velocity gives either a fixed `bonus` or a `multiplier` "
                             "(with `of`: the rules whose points it multiplies)")
        if self.multiplier is not None and not self.of:
            raise ValueError("a velocity `multiplier` needs `of`: the rule ids whose points it "
                             "multiplies, e.g. of: [onboarding, invites]")
        if self.bonus is not None and self.of:
            raise ValueError("`of` only applies to a velocity `multiplier`")
        return self


class Decay(SpecModel):
    """How behavior fades: ``linear``, ``percent`` or ``half_life``, never below ``floor``."""

    method: Literal["linear", "percent", "half_life"]
    every: Duration | None = None
    points: float | None = Field(None, gt=0)
    percent: float | None = Field(None, gt=0, le=100)
    half_life: Duration | None = None
    by: Literal["inactivity", "event_age"] = "inactivity"
    grace: Duration | None = None
    floor: float = 0
    activity: list[str] | None = None

    @model_validator(mode="after")
    def _parameters(self) -> Decay:
        need = {"linear": ("every", "points"), "percent": ("every", "percent"),
                "half_life": ("half_life",)}[self.method]
        missing = [k for k in need if getattr(self, k) is None]
        if missing:
            example = {"linear": "every: 30d, points: 10", "percent": "every: 30d, percent: 25",
                       "half_life": "half_life: 14d"}[self.method]
            raise ValueError(f"{self.method} decay needs {', '.join(missing)} (e.g. {example})")
        extra = [k for k in ("every", "points", "percent", "half_life")
                 if k not in need and getattr(self, k) is not None]
        if extra:
            raise ValueError(f"{', '.join(extra)} do(es) not apply to {self.method} decay")
        if self.by == "event_age" and self.method != "half_life":
            raise ValueError("`by: event_age` decays each event's points and needs "
                             "method: half_life")
        if self.by == "event_age":
            ignored = [k for k in ("grace", "floor", "activity") if k in self.model_fields_set]
            if ignored:
                verb = "applies" if len(ignored) == 1 else "apply"
                raise ValueError(f"{', '.join(ignored)} {verb} to decay by inactivity only; "
                                 "decay by event_age fades each rule's points by its own events")
        return self


class Freemium(SpecModel):
    """The freemium ceiling: a long-time free user without an upgrade signal is capped.

    It applies at ``T`` when ``field`` (a person or ``account.`` attribute) is one of ``free``
    (compared as text, like a fit rule's ``in``), the person signed up at least ``after``
    before ``T``, and the metric ``unless`` (when given) is 0; behavior is then at most ``max``.
    """

    field: str = "plan"
    free: list[str] = Field(default_factory=lambda: ["free"], min_length=1)
    after: Duration = Field(default_factory=lambda: timedelta(days=90))
    unless: RuleId | None = None
    max: float = 40
    description: str | None = None


class BehaviorSection(SpecModel):
    """Behavioral score: event rules, velocity, decay, clamped to ``[min, max]``.

    ``max`` caps the rule points; a velocity bonus is added on top (the seeds let a burst push
    behavior past the maximum until it decays), then decay, then ``min``.
    """

    min: float | None = None
    max: float | None = None
    lookback: Duration | None = None
    rules: list[BehaviorRule] = Field(default_factory=list)
    velocity: list[Velocity] = Field(default_factory=list)
    decay: Decay | None = None
    freemium: Freemium | None = None

    @model_serializer(mode="wrap")
    def _omit_absent_freemium(self, handler: Any) -> Any:
        # Dumps as before the ceiling existed when it is unset: logic hashes stay valid.
        data = handler(self)
        if isinstance(data, dict) and data.get("freemium") is None:
            data.pop("freemium", None)
        return data


class TotalSection(SpecModel):
    """Total = ``fit_weight`` × fit + ``behavior_weight`` × behavior, clamped to ``[min, max]``."""

    fit_weight: float = 1
    behavior_weight: float = 1
    min: float | None = None
    max: float | None = None


class Status(SpecModel):
    """A named condition; statuses are tried in order and the first true one is the status.

    ``cooldown`` only matters to the lifecycle store (:mod:`leadscore.lifecycle`): after a
    person exits the status, re-qualifying for it within the cooldown is held back (no
    ``entered`` transition, no lifecycle status) until the cooldown has passed (re-MQL logic).
    """

    name: str = Field(min_length=1, pattern=r"^[A-Za-z][A-Za-z0-9_ -]{0,39}$")
    when: str
    description: str | None = None
    cooldown: Duration | None = None

    @field_validator("when")
    @classmethod
    def _when_parses(cls, value: str) -> str:
        return _check_expression(value)

    @model_serializer(mode="wrap")
    def _omit_unset_cooldown(self, handler: Any) -> Any:
        # A model without cooldowns dumps exactly as before cooldown existed, so its logic hash
        # (spec/fingerprint.py hashes the dump) and every recorded score history stay valid;
        # setting or changing a cooldown does change the hash.
        data = handler(self)
        if isinstance(data, dict) and data.get("cooldown") is None:
            data.pop("cooldown", None)
        return data


class Band(SpecModel):
    """A tier band: ``name`` when the score is at least ``min`` (no ``min``: everything else)."""

    name: str = Field(min_length=1)
    min: float | None = None


class TiersSection(SpecModel):
    """Fit and intent tiers, highest first; the matrix cell is letter (fit) + number (intent)."""

    fit: list[Band] = Field(default_factory=list, max_length=26)
    intent: list[Band] = Field(default_factory=list)
    matrix: bool = True


class CrossProduct(SpecModel):
    """A bonus when a person is active in several products (multi-product models)."""

    bonus: float
    min_products: int = Field(2, ge=2)
    active_above: float = 0
    description: str | None = None


class Rollup(SpecModel):
    """How the scores of an account's people roll up to one number of the account.

    ``sum``/``max``/``mean`` of a person score (``of``), ``top_k`` (the sum of the ``k`` highest)
    or ``count`` (how many people); ``where`` keeps only the people for whom a condition over
    ``fit``, ``behavior``, ``engagement``, ``total`` and ``status`` is true.
    """

    how: Literal["sum", "max", "mean", "count", "top_k"] = "sum"
    of: Literal["fit", "behavior", "total"] | None = None
    k: int | None = Field(None, ge=1)
    where: str | None = None
    description: str | None = None

    @field_validator("where")
    @classmethod
    def _where_parses(cls, value: str | None) -> str | None:
        return None if value is None else _check_expression(value)

    @model_validator(mode="after")
    def _consistent(self) -> Rollup:
        if self.how == "count" and self.of is not None:
            raise ValueError("`count` counts people and takes no `of`; use `how: sum` to add "
                             "up a score")
        if self.how != "count" and self.of is None:
            raise ValueError(f"`how: {self.how}` needs `of: fit|behavior|total`")
        if (self.how == "top_k") != (self.k is not None):
            raise ValueError("`k` goes with `how: top_k` (and top_k needs k)")
        return self


class AccountTotal(SpecModel):
    """Account total = people, fit and behavior, weighted, clamped to ``[min, max]``."""

    people_weight: float = 1
    fit_weight: float = 1
    behavior_weight: float = 1
    min: float | None = None
    max: float | None = None


def _default_people() -> Rollup:
    return Rollup(how="sum", of="total")


class AccountsSection(SpecModel):
    """Account scoring: people roll-ups, account fit and behavior, account statuses.

    The account's fit rules read account columns (``field: employees``); its behavior rules and
    metrics see the events of all of the account's people, with windows anchored to the same
    as-of instant (``first`` windows to the account's ``created_at``).
    """

    people: Rollup = Field(default_factory=_default_people)
    rollups: dict[RuleId, Rollup] = Field(default_factory=dict)
    metrics: dict[RuleId, Metric] = Field(default_factory=dict)
    fit: FitSection = Field(default_factory=FitSection)
    behavior: BehaviorSection = Field(default_factory=BehaviorSection)
    total: AccountTotal = Field(default_factory=AccountTotal)
    statuses: list[Status] = Field(default_factory=list)
    tiers: TiersSection | None = None

    def scoring_model(self, parent: ScoringModel) -> ScoringModel:
        """The account rubric as a model of its own (lists shared with ``parent``).

        Its total and statuses are not used as such: the account total adds the people score
        and account statuses may name roll-ups (see :mod:`leadscore.compile.accounts`).
        """
        return ScoringModel(name=f"{parent.name} (accounts)", lists=parent.lists,
                            metrics=self.metrics, fit=self.fit, behavior=self.behavior,
                            total=TotalSection(fit_weight=self.total.fit_weight,
                                               behavior_weight=self.total.behavior_weight),
                            statuses=self.statuses, tiers=self.tiers)


class ScoringModel(SpecModel):
    """A complete scoring model, as loaded from ``model.yaml``."""

    name: str = Field(min_length=1)
    description: str | None = None
    version: str | int | float | None = None
    sales_cycle: Duration | None = None
    motion: Literal["product-led", "sales-led"] | None = None
    lists: dict[RuleId, list[str]] = Field(default_factory=dict)
    metrics: dict[RuleId, Metric] = Field(default_factory=dict)
    fit: FitSection = Field(default_factory=FitSection)
    behavior: BehaviorSection = Field(default_factory=BehaviorSection)
    total: TotalSection = Field(default_factory=TotalSection)
    statuses: list[Status] = Field(default_factory=list)
    tiers: TiersSection | None = None
    accounts: AccountsSection | None = None
    products: dict[RuleId, BehaviorSection] = Field(default_factory=dict)
    cross_product: CrossProduct | None = None

    @model_validator(mode="after")
    def _products_replace_behavior(self) -> ScoringModel:
        if self.products and self.behavior != BehaviorSection():
            raise ValueError("a model with `products` scores behavior per product: move "
                             "everything under `behavior` (rules, velocity, decay, clamps) "
                             "into each product")
        if self.cross_product is not None and not self.products:
            raise ValueError("`cross_product` needs `products` (one behavior rubric each)")
        return self

    @model_serializer(mode="wrap")
    def _omit_absent_sections(self, handler: Any) -> Any:
        # A model without accounts or products dumps exactly as before they existed, so its
        # logic hash (spec/fingerprint.py hashes the dump) and recorded histories stay valid.
        data = handler(self)
        if isinstance(data, dict):
            for key in ("accounts", "cross_product"):
                if data.get(key) is None:
                    data.pop(key, None)
            if not data.get("products"):
                data.pop("products", None)
        return data

    def all_behavior_rules(self) -> list[BehaviorRule]:
        """The behavior rules, and every product's (in model order)."""
        return list(self.behavior.rules) + [r for section in self.products.values()
                                            for r in section.rules]

    def all_velocity(self) -> list[Velocity]:
        """The velocity rules, and every product's (in model order)."""
        return list(self.behavior.velocity) + [v for section in self.products.values()
                                               for v in section.velocity]

    def product_model(self, product: str) -> ScoringModel:
        """Product ``product``'s rubric as a model of its own (metrics and lists shared)."""
        return ScoringModel(name=f"{self.name} ({product})", lists=self.lists,
                            metrics=self.metrics, behavior=self.products[product])
