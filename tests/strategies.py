"""Hypothesis strategies: small random worlds (people, accounts, events) and valid models.

Everything is drawn from small vocabularies and a coarse time grid so that the interesting cases
(ties, window boundaries, bursts, blank attributes, NULL properties) come up often. Models are
built as plain dicts and validated with ``ScoringModel.model_validate``; the generator only
produces valid models (unique ids, valid references, tiers ascending, bands descending).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from leadscore.spec.model import EventRule, InactivityRule, ScoringModel
from leadscore.spec.semantic import check_model

T0 = datetime(2024, 1, 1)
DAYS = 60
EVENT_NAMES = ("login", "invite", "pricing", "export", "key_a", "key_b")
PROPERTY_COLUMNS = ("logged_in", "duration_s", "feature", "flag")

# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------

TITLES = ["VP Marketing", "  vp marketing ", "Head of Growth", "Engineering Manager", "manager",
          "CEO", "Founder & CEO", "intern", "", "   ", None]
INDUSTRIES = ["SaaS", "saas ", "Software", "Fintech", "Retail", "", None]
COUNTRIES = ["US", "us", " CA", "DE", "GB ", "", None]
EMAILS = ["jane@Gmail.com", "x@acme.io", "y@uni.edu", "z@Sub.Acme.IO", "b@rivalscore.io",
          " c@yahoo.com ", None, "", "  ", "x@", "nobody"]
# Thousands separators read as numbers only in groups of three ("1,200"); "12,5" is missing.
EMPLOYEES = {
    "int": [None, 0, 10, 49, 50, 120, 500, 501, 1000, 5000],
    "float": [None, 0.0, 49.5, 50.0, 120.0, 500.0, 1000.0],
    "str": [None, "", "  ", " 120 ", "50", "49", "1000", "n/a", "12.5", "500.0", "-3",
            "1,200", "12,5", "1,000,000.5"],
}
SEATS = [None, 0.0, 3.0, 12.5, 100.0]
ACCOUNT_IDS = ["a0", "a1", "a2"]

SECOND_OF_DAY = st.one_of(st.sampled_from([0, 60, 3600, 43200, 86399]),
                          st.integers(0, 86399))


@dataclass
class World:
    """The data of one example: canonical rows and the type of ``employees``."""

    people: list[dict]
    accounts: list[dict]
    events: list[dict]
    employees_type: str


@dataclass
class Scenario:
    """A model, a world, an as-of instant and extra as-of instants (``views``)."""

    model: ScoringModel
    spec: dict
    world: World
    as_of: datetime
    views: list[datetime] = field(default_factory=list)

    def expanded(self) -> World:
        """The world plus one time-shifted copy of it per extra as-of in ``views``.

        Copy ``k`` renames person ``p`` to ``p~k`` and shifts every timestamp by
        ``as_of - views[k]``, so scoring the expanded world at ``as_of`` also scores the
        original people as they were at each view. The engine and the reference both see the
        same expanded world, so this is only a way to test more instants per engine run.
        """
        return expand(self.world, self.as_of, self.views)


def expand(world: World, as_of: datetime, views: list[datetime]) -> World:
    """See :meth:`Scenario.expanded`."""
    people = list(world.people)
    events = list(world.events)
    for k, view in enumerate(views, start=1):
        shift = as_of - view

        def moved(at: datetime | None, shift: timedelta = shift) -> datetime | None:
            return None if at is None else at + shift

        people += [{**p, "person_id": f"{p['person_id']}~{k}",
                    "created_at": moved(p["created_at"])} for p in world.people]
        events += [{**e, "person_id": f"{e['person_id']}~{k}", "ts": moved(e["ts"])}
                   for e in world.events]
    return World(people, world.accounts, events, world.employees_type)


def grid_times(first_day: int = 0, last_day: int = DAYS - 1) -> st.SearchStrategy[datetime]:
    """Whole-second instants on a coarse grid (to hit boundaries), sometimes anywhere."""
    return st.builds(lambda d, s: T0 + timedelta(days=d, seconds=s),
                     st.integers(first_day, last_day), SECOND_OF_DAY)


@st.composite
def people_rows(draw, min_size: int = 1, max_size: int = 6) -> list[dict]:
    """People with messy titles and emails (``created_at`` is filled in by :func:`worlds`)."""
    n = draw(st.sampled_from(range(min_size, max_size + 1)))
    rows = []
    for i in range(n):
        rows.append({
            "person_id": f"p{i}",
            "account_id": draw(st.sampled_from([*ACCOUNT_IDS, None, "a_missing"])),
            "email": draw(st.sampled_from(EMAILS)),
            "title": draw(st.sampled_from(TITLES)),
            "created_at": None,  # set by `worlds` relative to the person's events
            "seats": draw(st.sampled_from(SEATS)),
        })
    return rows


@st.composite
def account_rows(draw, employees_type: str) -> list[dict]:
    """Accounts a0-a2 (some absent), with employees typed as ``employees_type``."""
    ids = draw(st.lists(st.sampled_from(ACCOUNT_IDS), unique=True, max_size=3))
    return [{
        "account_id": account_id,
        "employees": draw(st.sampled_from(EMPLOYEES[employees_type])),
        "industry": draw(st.sampled_from(INDUSTRIES)),
        "country": draw(st.sampled_from(COUNTRIES)),
    } for account_id in sorted(ids)]


def event_row(person_ids: list[str], times: st.SearchStrategy[datetime]) -> st.SearchStrategy:
    """One event row of a known (or, rarely, unknown) person."""
    return st.fixed_dictionaries({
        "person_id": st.sampled_from([*person_ids, *person_ids, "ghost"]),
        "event": st.sampled_from(EVENT_NAMES),
        "ts": times,
        **PROPERTIES,
    })


PROPERTIES = {
    "logged_in": st.sampled_from([True, False, None]),
    # -20: a refund or a correction; a negative `per` on its sum gives positive points.
    "duration_s": st.sampled_from([None, 0.0, 5.0, 30.0, 60.0, 61.5, 300.0, -20.0]),
    "feature": st.sampled_from([None, "a", "b", "c"]),
    "flag": st.sampled_from([None, "yes", " TRUE ", "t", "Y", "1", "0", "no", "", "maybe"]),
}
# Offsets of the events of one session from its start: bursts, exact boundaries, spread.
SESSION_OFFSETS = [0, 0, 1, 60, 600, 1800, 3599, 3600, 7200, 21600, 86400, 3 * 86400]
# How long before their first session people signed up.
SIGN_UP_LEADS = [0, 1, 3600, 86400, 2 * 86400, 7 * 86400, 14 * 86400, 30 * 86400]


def spans(base: list[int], durations: list[timedelta]) -> st.SearchStrategy[int]:
    """Seconds from ``base``, or often one of the model's ``durations`` give or take a second."""
    exact = sorted({int(d.total_seconds()) + n for d in durations for n in (-1, 0, 0, 1)})
    if not exact:
        return st.sampled_from(base)
    return st.one_of(st.sampled_from(base), st.sampled_from(exact))


@st.composite
def sessions(draw, person_id: str, durations: list[timedelta] = ()) -> list[dict]:
    """The events of one person: a few sessions, each a burst of events near one instant."""
    offsets = spans(SESSION_OFFSETS, list(durations))
    events = []
    for _ in range(draw(st.sampled_from([0, 1, 2, 3, 3, 4]))):
        start = draw(grid_times(0, 45))
        for _ in range(draw(st.sampled_from([1, 2, 3, 4, 6, 8]))):
            events.append({
                "person_id": person_id,
                "event": draw(st.sampled_from(EVENT_NAMES)),
                "ts": start + timedelta(seconds=draw(offsets)),
                **{k: draw(v) for k, v in PROPERTIES.items()},
            })
    return events


@st.composite
def worlds(draw, employees_type: str | None = None,
           durations: list[timedelta] = ()) -> World:
    """People, accounts and an event log of bursty sessions over ~60 days.

    ``durations`` (the model's windows and periods) are used as gaps between events and as
    sign-up leads, so that events fall exactly on window and period boundaries.
    """
    if employees_type is None:
        employees_type = draw(st.sampled_from(sorted(EMPLOYEES)))
    people = draw(people_rows(1, 4))
    accounts = draw(account_rows(employees_type))
    leads = spans(SIGN_UP_LEADS, list(durations))
    events: list[dict] = []
    for person in people:
        own = draw(sessions(person["person_id"], durations))
        events += own
        # created_at: missing, shortly before an early event, or anywhere on the grid.
        how = draw(st.sampled_from(["none", "before", "before", "before", "grid"]))
        if how == "none":
            person["created_at"] = None
        elif how == "before" and own:
            # Usually before all of their events, sometimes before only some of them.
            anchor = draw(st.sampled_from(sorted(e["ts"] for e in own)[:3]))
            person["created_at"] = anchor - timedelta(seconds=draw(leads))
        else:
            person["created_at"] = draw(grid_times(-10, DAYS - 1))
    if draw(st.integers(0, 4)) == 0:
        events += draw(sessions("ghost", durations))  # events of a person not in the people table
    # Interleave the people's events (row order must not matter anyway).
    order = draw(st.permutations(range(len(events))))
    return World(people, accounts, [events[i] for i in order], employees_type)


@st.composite
def as_of_instants(draw, world: World, durations: list[timedelta] | None = None,
                   boundary: bool = False) -> datetime:
    """An as-of inside or around the event range, sometimes exactly an event's timestamp.

    With ``durations`` (the model's windows, periods…), sometimes an event's timestamp plus one
    of them, give or take a second: exactly on the boundaries of windows and periods.
    """
    instants = [e["ts"] for e in world.events] + [p["created_at"] for p in world.people
                                                  if p["created_at"] is not None]
    if not instants:
        return draw(grid_times(-1, DAYS + 2))
    how = draw(st.sampled_from(["grid", "instant", "instant", "after", "after", "after"]
                               + (["boundary"] * (6 if boundary else 2) if durations else [])))
    if how == "grid":
        return draw(grid_times(-1, DAYS + 2))
    if how == "instant":
        return draw(st.sampled_from(instants))
    if how == "boundary":
        assert durations
        nudge = timedelta(seconds=draw(st.sampled_from([-1, 0, 0, 1])))
        return draw(st.sampled_from(instants)) + draw(st.sampled_from(durations)) + nudge
    lag = draw(st.sampled_from([0, 1, 3600, 86400, 36 * 3600, 3 * 86400, 7 * 86400,
                                14 * 86400, 15 * 86400, 31 * 86400, 75 * 86400]))
    base = draw(st.sampled_from(sorted(instants)[-3:]))
    return base + timedelta(seconds=lag)


# --------------------------------------------------------------------------------------------
# Models
# --------------------------------------------------------------------------------------------

LISTS = {"personal": ["gmail.com", "Yahoo.com"],
         "targets": ["saas", "Software", "us", "vp marketing"],
         "big": ["SaaS", "US", "Head of Growth"]}

TEXT_FIELDS = {
    "title": dict(equals=["vp marketing", "VP Marketing", "manager", "ceo"],
                  contains=["vp", "manager", "head", "Head of", "ceo", "VP"],
                  matches=[r"\b(vp|head of|chief|ceo|founder)\b", r"manager$", r"^vp", r"^VP",
                           r"[0-9]"]),
    "account.industry": dict(equals=["saas", "SaaS", "software", "retail"],
                             contains=["saas", "soft", "tech", "SaaS"],
                             matches=[r"^saas$", r"soft|tech", r"^S"]),
    "industry": dict(equals=["saas", "SaaS", "software", "retail"],
                     contains=["saas", "soft", "tech"], matches=[r"^saas$", r"soft|tech"]),
    "account.country": dict(equals=["us", "US", "ca", "de"], contains=["u", "US"],
                            matches=[r"^(us|ca)$", r"^[a-z]{2}$", r"^US$"]),
    "email_domain": dict(equals=["gmail.com", "acme.io", "Gmail.com", "yahoo.com"],
                         contains=["acme", "mail", ".edu"],
                         matches=[r"\.edu$", r"^(gmail|yahoo)\.com$", r"acme"]),
}
NUMBERS = [0, 10, 49, 49.5, 50, 120, 500, 501, 1000]
POINTS = st.sampled_from([-15, -5, -1, 0, 2, 5, 8, 10, 15, 20])


@st.composite
def fit_case(draw, kind: str, pools: dict | None) -> dict:
    """One case of a fit rule whose matcher fits the attribute's kind."""
    points = draw(POINTS)
    if kind in ("num", "numstr"):
        matcher = draw(st.sampled_from(["between", "min", "max", "range", "equals", "in",
                                        "not_in", "exists"]))
        # Mostly the column's own type; sometimes the other (compared as text then).
        if draw(st.integers(0, 3)) == 0:
            kind_of_value = "numstr" if kind == "num" else "num"
        else:
            kind_of_value = kind
        as_value = (lambda x: float(x)) if kind_of_value == "num" else (lambda x: str(x))
        if matcher == "between":
            lo, hi = sorted(draw(st.lists(st.sampled_from(NUMBERS), min_size=2, max_size=2)))
            return {"between": [lo, hi], "points": points}
        if matcher in ("min", "max"):
            return {matcher: draw(st.sampled_from(NUMBERS)), "points": points}
        if matcher == "range":
            lo, hi = sorted(draw(st.lists(st.sampled_from(NUMBERS), min_size=2, max_size=2)))
            return {"min": lo, "max": hi, "points": points}
        if matcher == "equals":
            return {"equals": as_value(draw(st.sampled_from(NUMBERS))), "points": points}
        if matcher in ("in", "not_in"):
            values = draw(st.lists(st.sampled_from(NUMBERS), min_size=1, max_size=3, unique=True))
            return {matcher: [as_value(v) for v in values], "points": points}
        return {"exists": draw(st.booleans()), "points": points}
    assert pools is not None
    matcher = draw(st.sampled_from(["equals", "in", "not_in", "contains", "contains_any",
                                    "matches", "exists", "in_list"]))
    if matcher == "equals":
        return {"equals": draw(st.sampled_from(pools["equals"])), "points": points}
    if matcher in ("in", "not_in"):
        values = draw(st.lists(st.sampled_from(pools["equals"]), min_size=1, max_size=3,
                               unique=True))
        return {matcher: values, "points": points}
    if matcher == "contains":
        return {"contains": draw(st.sampled_from(pools["contains"])), "points": points}
    if matcher == "contains_any":
        needles = draw(st.lists(st.sampled_from(pools["contains"]), min_size=1, max_size=2,
                                unique=True))
        return {"contains": needles, "points": points}
    if matcher == "matches":
        return {"matches": draw(st.sampled_from(pools["matches"])), "points": points}
    if matcher == "in_list":
        return {"in_list": draw(st.sampled_from(sorted(LISTS))), "points": points}
    return {"exists": draw(st.booleans()), "points": points}


@st.composite
def fit_rule(draw, rule_id: str, employees_type: str) -> dict:
    """A fit rule over a person, account, fallback or derived attribute."""
    numeric_kind = "num" if employees_type in ("int", "float") else "numstr"
    field_name = draw(st.sampled_from([*TEXT_FIELDS, "account.employees", "employees", "seats"]))
    if field_name in ("account.employees", "employees"):
        kind, pools = numeric_kind, None
    elif field_name == "seats":
        kind, pools = "num", None
    else:
        kind, pools = "text", TEXT_FIELDS[field_name]
    rule: dict[str, Any] = {
        "id": rule_id, "field": field_name,
        "cases": draw(st.lists(fit_case(kind, pools), min_size=1, max_size=3)),
    }
    if draw(st.booleans()):
        rule["default"] = draw(POINTS)
    if draw(st.booleans()):
        rule["missing"] = draw(POINTS)
    if kind == "text" and draw(st.integers(0, 3)) == 0:
        rule["case_sensitive"] = True
    return rule


WHERES = ["logged_in", "not logged_in", "duration_s >= 30", "logged_in and duration_s > 10",
          "not logged_in or duration_s < 60", "feature == 'a'", "feature != 'b'",
          "duration_s / 2 >= 15", "abs(duration_s - 60) < 30", "logged_in == true",
          "-duration_s < -5", "(feature == 'a' or feature == 'c') and not (duration_s > 100)",
          "duration_s * 2 + 1 > 61", "logged_in != false and feature == 'b'", "flag",
          "not flag", "flag and logged_in", "duration_s", "not duration_s", "feature or flag",
          "flag == 'yes'", "0 < duration_s <= 60"]
WINDOWS = [None, None, None, None, "7d", {"last": "14d"}, {"last": "36h"}, {"first": "7d"},
           {"first": "14d"}, {"first": "30d"}]
MEASURES = ["count", "count", "count", "distinct_days", {"distinct": "feature"},
            {"sum": "duration_s"}, {"max": "duration_s"}, {"distinct": "logged_in"}]


def _is_quantity(measure: Any) -> bool:
    return isinstance(measure, dict) and ("sum" in measure or "max" in measure)


@st.composite
def event_filter(draw) -> dict:
    """Event names, an optional ``where``, window and measure (shared by rules and metrics)."""
    names = draw(st.lists(st.sampled_from(EVENT_NAMES), min_size=1, max_size=4, unique=True))
    out: dict[str, Any] = {"event": names[0] if len(names) == 1 and draw(st.booleans())
                           else names}
    if draw(st.integers(0, 2)) == 0:
        out["where"] = draw(st.sampled_from(WHERES))
    window = draw(st.sampled_from(WINDOWS))
    if window is not None:
        out["window"] = window
    measure = draw(st.sampled_from(MEASURES))
    if measure != "count" or draw(st.booleans()):
        out["measure"] = measure
    return out


@st.composite
def event_rule(draw, rule_id: str) -> dict:
    """An event rule scored by ``points`` (with ``min``, maybe ``speed``), ``tiers`` or ``per``."""
    rule = {"id": rule_id, **draw(event_filter())}
    measure = rule.get("measure", "count")
    quantity = _is_quantity(measure)
    scoring = draw(st.sampled_from(["points", "tiers", "per"]))
    if scoring == "points":
        rule["points"] = draw(POINTS)
        rule_min = draw(st.sampled_from([1, 30, 60.5, 200] if quantity else [1, 1, 2, 3]))
        if rule_min != 1 or draw(st.booleans()):
            rule["min"] = rule_min
        if rule_min == 1 and measure == "count" and draw(st.booleans()):
            rule["speed"] = {"within": draw(st.sampled_from(["1d", "7d", "14d"])),
                             "multiplier": draw(st.sampled_from([0.5, 1.5, 2]))}
    elif scoring == "tiers":
        pool = [1, 30, 60, 100, 300] if quantity else [1, 2, 3, 4, 5]
        mins = sorted(draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True)))
        rule["tiers"] = [{"min": m, "points": draw(POINTS)} for m in mins]
    else:
        rule["per"] = draw(st.sampled_from([-0.1, 0.1, 0.25] if quantity
                                           else [-3, -1, 0.5, 1, 2, 5]))
        cap = draw(st.sampled_from([None, 5, 10, 20]))
        if cap is not None:
            rule["cap"] = cap
    return rule


FORMULAS = ["{a} * 2", "{a} / {b} * 10", "min({a}, 3) * 5 - {b}", "abs({a} - {b}) + 1",
            "({a} + {b}) / 2", "-{a}", "max({a}, {b}) - 2", "{a} * {a} / 4", "{a} / 0 + 1"]


@st.composite
def formula_rule(draw, rule_id: str, metrics: list[str]) -> dict:
    """A formula over metrics, clamped by ``cap``/``min`` sometimes."""
    template = draw(st.sampled_from(FORMULAS))
    rule: dict[str, Any] = {"id": rule_id, "formula": template.format(
        a=draw(st.sampled_from(metrics)), b=draw(st.sampled_from(metrics)))}
    cap = draw(st.sampled_from([None, 10, 25]))
    low = draw(st.sampled_from([None, 0, -5]))
    if cap is not None:
        rule["cap"] = cap
    if low is not None:
        rule["min"] = low
    return rule


@st.composite
def inactivity_rule(draw, rule_id: str) -> dict:
    """A negative rule per full period without (some) activity."""
    inactivity: dict[str, Any] = {"every": draw(st.sampled_from(["1d", "7d", "14d"]))}
    event = draw(st.sampled_from([None, "login", ["login", "invite"]]))
    if event is not None:
        inactivity["event"] = event
    rule: dict[str, Any] = {"id": rule_id, "inactivity": inactivity,
                            "points": draw(st.sampled_from([-1, -5, -10]))}
    cap = draw(st.sampled_from([None, 5, 20]))
    if cap is not None:
        rule["cap"] = cap
    return rule


@st.composite
def velocity_rule(draw, rule_id: str, behavior_ids: list[str]) -> dict:
    """A burst of key events giving a ``bonus`` or a ``multiplier`` of some rules."""
    velocity: dict[str, Any] = {
        "id": rule_id,
        "events": draw(st.lists(st.sampled_from(EVENT_NAMES), min_size=1, max_size=4,
                                unique=True)),
        "min_count": draw(st.sampled_from([2, 2, 3, 4])),
        "within": draw(st.sampled_from(["1h", "6h", "1d", "3d"])),
    }
    window = draw(st.sampled_from([None, "7d", "30d"]))
    if window is not None:
        velocity["window"] = window
    if behavior_ids and draw(st.booleans()):
        velocity["multiplier"] = draw(st.sampled_from([0.5, 1, 2]))
        velocity["of"] = draw(st.lists(st.sampled_from(behavior_ids), min_size=1, max_size=3,
                                       unique=True))
    else:
        velocity["bonus"] = draw(st.sampled_from([5, 10, 25]))
    return velocity


@st.composite
def decay_spec(draw) -> dict | None:
    """No decay, or linear / percent / half-life by inactivity, or half-life by event age."""
    method = draw(st.sampled_from([None, "linear", "percent", "half_life", "event_age"]))
    if method is None:
        return None
    if method == "event_age":
        decay: dict[str, Any] = {"method": "half_life", "by": "event_age",
                                 "half_life": draw(st.sampled_from(["3d", "7d", "14d"]))}
        return decay
    decay = {"method": method}
    if method == "linear":
        decay["every"] = draw(st.sampled_from(["7d", "30d"]))
        decay["points"] = draw(st.sampled_from([5, 10]))
    elif method == "percent":
        decay["every"] = draw(st.sampled_from(["7d", "30d"]))
        decay["percent"] = draw(st.sampled_from([10, 25, 50, 100]))
    else:
        decay["half_life"] = draw(st.sampled_from(["7d", "14d"]))
    if draw(st.booleans()):
        decay["floor"] = draw(st.sampled_from([0, 5, 20]))
    if draw(st.booleans()):
        decay["grace"] = draw(st.sampled_from(["3d", "12h"]))
    activity = draw(st.sampled_from([None, ["login"], ["login", "pricing"]]))
    if activity is not None:
        decay["activity"] = activity
    return decay


STATUS_ATOMS = ["total >= {x}", "fit >= {y}", "behavior > {y}", "engagement >= {x}",
                "fit + behavior >= {x}", "{metric} >= {n}", "{rule} > 0", "{rule} < 0",
                "{velocity} > 0", "{fit_rule} != 0", "{rule}", "not {velocity}"]


@st.composite
def status_condition(draw, names: dict[str, list[str]]) -> str:
    """A condition over scores, metrics and rule ids, combined with and/or/not."""

    def needed(template: str) -> list[str]:
        return [k for k in ("metric", "rule", "velocity", "fit_rule") if "{" + k + "}" in template]

    usable = [t for t in STATUS_ATOMS if all(names[k] for k in needed(t))]

    def atom() -> str:
        template = draw(st.sampled_from(usable))
        values = {k: draw(st.sampled_from(names[k])) for k in needed(template)}
        return template.format(x=draw(st.sampled_from([0, 10, 25, 40, 80])),
                               y=draw(st.sampled_from([0, 5, 15, 30])),
                               n=draw(st.sampled_from([1, 2, 3])), **values)

    shape = draw(st.sampled_from(["one", "and", "or", "not", "mixed"]))
    if shape == "one":
        return atom()
    if shape == "and":
        return f"{atom()} and {atom()}"
    if shape == "or":
        return f"{atom()} or {atom()}"
    if shape == "not":
        return f"not ({atom()})"
    return f"({atom()} or {atom()}) and not {atom()}"


@st.composite
def bands(draw, names: list[str]) -> list[dict]:
    """Tier bands, highest first, the last one sometimes without ``min``."""
    count = draw(st.integers(1, len(names)))
    mins = sorted(draw(st.lists(st.sampled_from([-10, 0, 10, 20, 35, 40, 60]), min_size=count,
                                max_size=count, unique=True)), reverse=True)
    out = [{"name": names[i], "min": mins[i]} for i in range(count)]
    if draw(st.booleans()):
        del out[-1]["min"]
    return out


@st.composite
def model_specs(draw, employees_type: str = "int") -> dict:
    """A random valid model, as the dict a user would write in ``model.yaml``."""
    spec: dict[str, Any] = {"name": "random", "lists": LISTS}

    # Fit.
    fit: dict[str, Any] = {"rules": [draw(fit_rule(f"f{i}", employees_type))
                                     for i in range(draw(st.sampled_from([0, 1, 2, 3, 4])))]}
    if draw(st.booleans()):
        fit["min"] = draw(st.sampled_from([0, -10]))
    if draw(st.booleans()):
        fit["max"] = draw(st.sampled_from([20, 50]))
    spec["fit"] = fit

    # Metrics.
    metrics = {f"m{i}": draw(event_filter()) for i in range(draw(st.sampled_from([0, 1, 2])))}
    if metrics:
        spec["metrics"] = metrics

    # Behavior rules.
    rules: list[dict] = []
    for i in range(draw(st.sampled_from([0, 1, 2, 3, 4, 5]))):
        kinds = ["event", "event", "event", "inactivity"] + (["formula"] if metrics else [])
        kind = draw(st.sampled_from(kinds))
        if kind == "event":
            rule = draw(event_rule(f"r{i}"))
        elif kind == "formula":
            rule = draw(formula_rule(f"r{i}", sorted(metrics)))
        else:
            rule = draw(inactivity_rule(f"r{i}"))
        group = draw(st.sampled_from([None, None, "g1", "g1", "g2"]))
        if group is not None:
            rule["group"] = group
        rules.append(rule)
    behavior: dict[str, Any] = {"rules": rules}
    rule_ids = [r["id"] for r in rules]
    velocity = [draw(velocity_rule(f"v{i}", rule_ids))
                for i in range(draw(st.sampled_from([0, 1, 1, 2])))]
    if velocity:
        behavior["velocity"] = velocity
    decay = draw(decay_spec())
    if decay is not None:
        behavior["decay"] = decay
    if draw(st.integers(0, 3)) == 0:
        freemium: dict[str, Any] = {
            "field": draw(st.sampled_from(["account.industry", "title", "account.country"])),
            "free": draw(st.sampled_from([["saas"], ["SaaS", "retail"], ["us"], ["manager"]])),
            "after": draw(st.sampled_from(["1d", "14d", "30d"])),
            "max": draw(st.sampled_from([5, 10, 20]))}
        if metrics and draw(st.booleans()):
            freemium["unless"] = draw(st.sampled_from(sorted(metrics)))
        behavior["freemium"] = freemium
    for key, options in (("min", [0, -5]), ("max", [30, 50, 100]), ("lookback", ["30d", "45d"])):
        if draw(st.integers(0, 2)) == 0:
            behavior[key] = draw(st.sampled_from(options))
    spec["behavior"] = behavior

    # Total.
    total: dict[str, Any] = {}
    if draw(st.booleans()):
        total["fit_weight"] = draw(st.sampled_from([0.5, 2]))
    if draw(st.booleans()):
        total["behavior_weight"] = draw(st.sampled_from([0.7, 1.5]))
    if draw(st.integers(0, 2)) == 0:
        total["min"] = 0
    if draw(st.integers(0, 2)) == 0:
        total["max"] = 100
    spec["total"] = total

    # Statuses and tiers.
    names = {"metric": sorted(metrics), "rule": rule_ids,
             "velocity": [v["id"] for v in velocity],
             "fit_rule": [r["id"] for r in fit["rules"]]}
    status_names = draw(st.lists(st.sampled_from(["PQL", "MQL", "Hot", "Cold lead"]),
                                 max_size=3, unique=True))
    spec["statuses"] = [{"name": n, "when": draw(status_condition(names))} for n in status_names]
    if draw(st.integers(0, 3)) > 0:
        spec["tiers"] = {"fit": draw(bands(["strong", "moderate", "weak"])),
                         "intent": draw(bands(["high", "medium", "low"])),
                         "matrix": draw(st.sampled_from([True, True, False]))}
    return spec


def validate(spec: dict) -> ScoringModel:
    """Validate a model dict: shape (pydantic) and whole-model checks (no errors allowed)."""
    model = ScoringModel.model_validate(spec)
    errors = [d for d in check_model(model) if d.severity == "error"]
    assert not errors, errors
    return model


@st.composite
def scenarios(draw, max_views: int = 0, max_worlds: int = 1) -> Scenario:
    """A valid model, a world over its columns, an as-of instant and up to ``max_views`` more.

    With ``max_worlds > 1`` the world is the union of up to that many independent worlds
    (ids prefixed ``w<k>.``): more people and situations for one compiled model.
    """
    employees_type = draw(st.sampled_from(sorted(EMPLOYEES)))
    spec = draw(model_specs(employees_type))
    model = validate(spec)
    durations = model_durations(model)
    count = draw(st.sampled_from(range(1, max_worlds + 1)))
    world = merge([draw(worlds(employees_type, durations)) for _ in range(count)])
    as_of = draw(as_of_instants(world, durations))
    count = draw(st.sampled_from(sorted({0, max_views // 2, max_views})))
    views = [draw(as_of_instants(world, durations, boundary=True)) for _ in range(count)]
    return Scenario(model, spec, world, as_of, views)


def merge(parts: list[World]) -> World:
    """The union of independent worlds, their ids prefixed ``w<k>.`` (one world: unchanged)."""
    if len(parts) == 1:
        return parts[0]

    def prefixed(k: int, value: str | None) -> str | None:
        return None if value is None else f"w{k}.{value}"

    people, accounts, events = [], [], []
    for k, part in enumerate(parts):
        people += [{**p, "person_id": prefixed(k, p["person_id"]),
                    "account_id": prefixed(k, p["account_id"])} for p in part.people]
        accounts += [{**a, "account_id": prefixed(k, a["account_id"])} for a in part.accounts]
        events += [{**e, "person_id": prefixed(k, e["person_id"])} for e in part.events]
    return World(people, accounts, events, parts[0].employees_type)


def model_durations(model: ScoringModel) -> list[timedelta]:
    """Every duration of a model that a window or period boundary depends on."""
    out: list[timedelta | None] = [model.behavior.lookback]
    filters = [*model.metrics.values(),
               *(r for r in model.behavior.rules if isinstance(r, EventRule))]
    for flt in filters:
        if flt.window is not None:
            out += [flt.window.last, flt.window.first]
    for rule in model.behavior.rules:
        if isinstance(rule, InactivityRule):
            out.append(rule.inactivity.every)
        if isinstance(rule, EventRule) and rule.speed is not None:
            out.append(rule.speed.within)
    out += [v.window for v in model.behavior.velocity]
    out += [v.within for v in model.behavior.velocity]
    decay = model.behavior.decay
    if decay is not None:
        out += [decay.every, decay.half_life]
        if decay.every is not None and decay.grace is not None:
            out.append(decay.every + decay.grace)
    return sorted({d for d in out if d is not None})


@st.composite
def future_events(draw, world: World, as_of: datetime) -> list[dict]:
    """Events strictly after ``as_of`` (of known and unknown people)."""
    ids = [p["person_id"] for p in world.people]
    later = st.builds(lambda s: as_of + timedelta(seconds=s),
                      st.one_of(st.just(1), st.integers(1, 40 * 86400)))
    return draw(st.lists(event_row(ids, later), min_size=1, max_size=10))
