"""A deterministic synthetic product-led B2B SaaS world.

The world has the four canonical tables of ``docs/data-model.md`` (people, accounts, events,
outcomes) and a causal story that a fit + behaviour scoring model can recover:

1. Accounts get firmographics (employees, industry, country, tech stack); people join accounts
   with Zipf-like skew (a few accounts hold many people) and get an email, a messy job title, a
   sign-up time and a plan. ``plan`` is the plan chosen at sign-up and is deliberately not
   updated on conversion, so it cannot leak outcomes into a backtest.
2. Each person gets a hidden **intent** in (0, 1): a logistic function of how well they fit the
   ideal customer profile (the product-led rubric: 50-500 employees, SaaS, VP/Director, a CRM /
   Segment stack, US), an account-level effect shared by colleagues and personal noise.
3. Intent drives behaviour: how often they come back and how fast they drift away (activity
   decays exponentially after sign-up), how deep they go in the funnel (onboarding -> core
   feature -> integration -> invites -> pricing -> checkout) and whether they have a burst of
   5+ key actions within 48 hours. Marketing touches depend mostly on a separate "content
   affinity", so marketing-heavy people are *not* automatically buyers.
4. Outcomes (``opportunity_created``, ``converted``, ``closed_won``, ``closed_lost``) are drawn
   from intent **and** the behaviour that was actually observed, and are timed after it.
   Competitors never buy; students and personal-email sign-ups rarely do.

Everything is vectorised with numpy. Randomness is split into independent streams with
:class:`numpy.random.SeedSequence`: one for the population (accounts and people) and one per
fixed-size block of people for their events and outcomes. Because the blocks do not depend on
how the output is chunked, :func:`write_world` (chunked, bounded memory) and
:func:`generate_world` (in memory) produce the same rows for the same :class:`WorldConfig`.

Time is simulated in whole seconds (the scoring arithmetic has one-second resolution) and
stored as naive UTC ``timestamp('us')``. Every timestamp lies in ``[start, end)``; events are
never before the person's ``created_at``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from leadscore.errors import ConfigError

__all__ = [
    "ACCOUNTS_SCHEMA",
    "COMPETITOR_DOMAINS",
    "EMAIL_MIX",
    "EVENTS_SCHEMA",
    "EVENT_NAMES",
    "KEY_ACTIONS",
    "MARKETING_EVENTS",
    "OUTCOMES_SCHEMA",
    "OUTCOME_NAMES",
    "PEOPLE_SCHEMA",
    "PERSONAL_EMAIL_DOMAINS",
    "STUDENT_EMAIL_DOMAINS",
    "World",
    "WorldConfig",
    "generate_world",
    "write_world",
]

# --------------------------------------------------------------------------------------------
# Vocabulary (public: tests, docs and the CLI refer to it)
# --------------------------------------------------------------------------------------------

#: Every event name the demo world emits, in the order of ``docs/data-model.md``.
EVENT_NAMES: tuple[str, ...] = (
    "login",
    "onboarding_progress",
    "onboarding_completed",
    "core_feature_used",
    "integration_connected",
    "teammate_invited",
    "pricing_page_viewed",
    "checkout_started",
    "premium_feature_used",
    "data_exported",
    "report_generated",
    "session_ended",
    "email_unsubscribed",
    "plan_downgraded",
    "demo_requested",
    "webinar_attended",
    "content_downloaded",
    "email_opened",
    "email_clicked",
    "blog_visited",
    "contact_sales_submitted",
)

#: The "key actions" of the product-led velocity rule (5+ of them within 48 h is a burst).
KEY_ACTIONS: tuple[str, ...] = (
    "onboarding_completed",
    "core_feature_used",
    "integration_connected",
    "teammate_invited",
    "pricing_page_viewed",
    "checkout_started",
)

#: Marketing touches (an MQL-style model scores these; they carry little buying signal here).
MARKETING_EVENTS: tuple[str, ...] = (
    "demo_requested",
    "webinar_attended",
    "content_downloaded",
    "email_opened",
    "email_clicked",
    "blog_visited",
    "contact_sales_submitted",
)

#: Outcome kinds the demo world produces.
OUTCOME_NAMES: tuple[str, ...] = ("opportunity_created", "converted", "closed_won", "closed_lost")

#: Free-mail domains used for ~12% of sign-ups (all are in the product-led preset's list).
PERSONAL_EMAIL_DOMAINS: tuple[str, ...] = (
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "icloud.com",
    "proton.me",
)
#: Competitor domains used for ~1% of sign-ups (they explore the product but never buy).
COMPETITOR_DOMAINS: tuple[str, ...] = ("rivalscore.io", "leadrival.com", "scorehub.com")
#: University domains used for ~2% of sign-ups (students).
STUDENT_EMAIL_DOMAINS: tuple[str, ...] = (
    "stanford.edu",
    "mit.edu",
    "umich.edu",
    "berkeley.edu",
    "nyu.edu",
    "utexas.edu",
    "gatech.edu",
    "cmu.edu",
    "ucla.edu",
    "uw.edu",
)
#: Share of each email kind among people that have an email (~0.5% have none).
EMAIL_MIX: dict[str, float] = {"work": 0.85, "personal": 0.12, "competitor": 0.01, "student": 0.02}

INDUSTRIES: tuple[str, ...] = (
    "SaaS",
    "Software",
    "Technology",
    "Fintech",
    "Marketing",
    "E-commerce",
    "Healthcare",
    "Education",
    "Manufacturing",
    "Retail",
)
COUNTRIES: tuple[str, ...] = (
    "US", "CA", "GB", "DE", "FR", "NL", "IN", "BR", "AU", "ES", "SE", "IE", "SG", "JP",
)  # fmt: skip
#: Tools that can appear in ``accounts.tech_stack`` (semicolon-separated, in this order).
TECH_TOOLS: tuple[str, ...] = (
    "salesforce", "hubspot", "segment", "snowflake", "slack", "zendesk", "intercom", "stripe",
    "jira", "marketo",
)  # fmt: skip
INTEGRATION_TYPES: tuple[str, ...] = ("crm", "sso", "storage", "slack", "other")
CORE_FEATURES: tuple[str, ...] = ("dashboards", "charts", "alerts")
PREMIUM_FEATURES: tuple[str, ...] = (
    "sso", "audit_log", "advanced_permissions", "scheduled_reports", "api_access",
)  # fmt: skip
PLANS: tuple[str, ...] = ("free", "trial", "paid")

_INDUSTRY_W = (0.22, 0.14, 0.12, 0.08, 0.08, 0.08, 0.08, 0.06, 0.07, 0.07)
_COUNTRY_W = (0.42, 0.07, 0.09, 0.07, 0.05, 0.03, 0.07, 0.04, 0.04, 0.03, 0.03, 0.02, 0.02, 0.02)
_PERSONAL_W = (0.45, 0.15, 0.14, 0.10, 0.10, 0.06)
# salesforce / hubspot are alternatives (an account has one CRM or none); the rest are
# independent draws with these probabilities.
_CRM_W = (0.32, 0.28, 0.40)
_OTHER_TOOL_P = (0.22, 0.15, 0.60, 0.15, 0.12, 0.20, 0.30, 0.06)
_TLDS = (".com", ".io", ".ai", ".co")
_TLD_W = (0.75, 0.15, 0.05, 0.05)
_INTEGRATION_W_NON_CRM = (0.25, 0.25, 0.30, 0.20)  # sso, storage, slack, other

# Title groups: (seniority points of the product-led rubric, messy real-world spellings).
_TITLE_GROUPS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (10, ("CEO", "Founder", "Co-Founder & CEO", "CTO", "CMO", "Chief Revenue Officer", "founder")),
    (10, ("VP Marketing", "vp of sales", "VP, Growth", "Vice President of Marketing",
          "SVP Sales", "VP Revenue Operations", "V.P. Sales", " VP Marketing ")),
    (10, ("Director, Growth", "Director of Marketing", "Sr. Director, Demand Generation",
          "director of revops", "Marketing Director", "DIRECTOR OF SALES OPERATIONS")),
    (10, ("Head of RevOps", "Head of Growth", "head of marketing", "Head of Sales Ops")),
    (6, ("Marketing Manager", "Growth Manager", "Sales Ops Manager", "Product Manager",
         "marketing ops manager", "Demand Gen Manager")),
    (2, ("Software Engineer", "Data Analyst", "Marketing Specialist", "SDR", "Account Executive",
         "Growth Marketer", "analyst", "Sales Development Rep", "Designer", "Intern")),
    (2, ("Consultant", "Freelancer", "Owner", "n/a", "-")),
    (2, ("Student", "PhD Candidate", "MBA Student", "student")),
    (0, ("",)),
)  # fmt: skip
# P(title group) for non-students / students; the last entry is "no title" (null).
_TITLE_W = (0.05, 0.07, 0.09, 0.04, 0.22, 0.37, 0.06, 0.01, 0.04, 0.05)
_TITLE_W_STUDENT = (0.0, 0.0, 0.0, 0.0, 0.0, 0.10, 0.05, 0.80, 0.0, 0.05)

_NAME_PREFIXES = (
    "Acme", "Nova", "Blue", "Bright", "Cloud", "Data", "Apex", "Vertex", "Pixel", "Quantum",
    "Lumen", "Orbit", "Pulse", "Summit", "Atlas", "Echo", "Harbor", "Iron", "Maple", "North",
    "Ocean", "Pine", "Rapid", "Silver", "Stellar", "Terra", "Urban", "Vivid", "Wave", "Zen",
    "Crimson", "Golden", "Granite", "Helix", "Keystone", "Lattice", "Meridian", "Nimbus",
    "Polar", "Sparrow",
)  # fmt: skip
_NAME_SUFFIXES = (
    "Labs", "Systems", "Analytics", "Software", "Health", "Pay", "Commerce", "Learning",
    "Works", "AI", "Cloud", "Group",
)  # fmt: skip
_FIRST_NAMES = (
    "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william",
    "elizabeth", "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah",
    "charles", "karen", "daniel", "nancy", "matthew", "lisa", "anthony", "betty", "mark",
    "sandra", "paul", "ashley", "steven", "emily", "andrew", "donna", "kevin", "michelle",
    "brian", "carol", "george", "amanda", "priya", "wei", "lucas", "sofia", "mateo", "chloe",
    "noah", "emma", "liam", "olivia", "arjun", "ana", "yuki", "lena", "omar", "fatima", "ivan",
    "elena", "tom", "nina",
)  # fmt: skip
_LAST_NAMES = (
    "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez",
    "martinez", "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor",
    "moore", "jackson", "martin", "lee", "perez", "thompson", "white", "harris", "sanchez",
    "clark", "ramirez", "lewis", "robinson", "walker", "young", "allen", "king", "wright",
    "scott", "torres", "nguyen", "hill", "flores", "green", "adams", "nelson", "baker", "hall",
    "rivera", "campbell", "mitchell", "carter", "roberts", "patel", "kim", "chen", "wang",
    "singh", "kumar", "muller", "schmidt", "dubois", "rossi", "silva", "santos", "costa",
    "jansen", "berg", "novak", "kowalski", "ivanov", "tanaka", "sato", "cohen", "murphy",
    "kelly", "obrien", "walsh", "fischer", "weber", "meyer", "wagner", "becker",
)  # fmt: skip

# --------------------------------------------------------------------------------------------
# Schemas
# --------------------------------------------------------------------------------------------

_TS = pa.timestamp("us")

ACCOUNTS_SCHEMA = pa.schema(
    [
        ("account_id", pa.string()),
        ("name", pa.string()),
        ("domain", pa.string()),
        ("employees", pa.int64()),
        ("industry", pa.string()),
        ("country", pa.string()),
        ("tech_stack", pa.string()),
    ]
)
PEOPLE_SCHEMA = pa.schema(
    [
        ("person_id", pa.string()),
        ("account_id", pa.string()),
        ("email", pa.string()),
        ("title", pa.string()),
        ("created_at", _TS),
        ("plan", pa.string()),
        ("country", pa.string()),
    ]
)
EVENTS_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("person_id", pa.string()),
        ("event", pa.string()),
        ("ts", _TS),
        ("progress", pa.float64()),
        ("feature", pa.string()),
        ("integration_type", pa.string()),
        ("logged_in", pa.bool_()),
        ("duration_s", pa.float64()),
        ("features_used", pa.int64()),
    ]
)
OUTCOMES_SCHEMA = pa.schema(
    [
        ("person_id", pa.string()),
        ("account_id", pa.string()),
        ("outcome", pa.string()),
        ("ts", _TS),
        ("amount", pa.float64()),
    ]
)

# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------

_EPOCH = datetime(1970, 1, 1)
_DAY = 86_400
_HOUR = 3_600
# People per random stream. Fixed (never derived from chunk sizes) so that the rows do not
# depend on how the output is chunked. 1024 keeps per-block numpy calls big enough to be cheap.
_BLOCK = 1024
# Upper bound on people per chunk: bounds the compact numpy buffers of a chunk (~30 bytes
# per event) whatever chunk_people a caller asks for.
_MAX_CHUNK_PEOPLE = 1 << 20
_EVENT_ID_DIGITS = 10
# events_per_person at which product behaviour is tuned (see _Population.build).
_REFERENCE_EVENTS = 25.0


@dataclass(frozen=True)
class WorldConfig:
    """Parameters of a synthetic world; equal configs generate identical worlds.

    Attributes:
        people: Number of people (1k .. 1M+). Accounts are about ``people / 4``.
        seed: Seed of every random draw (a non-negative int).
        start: First instant of history (naive UTC; an aware datetime is converted to UTC).
            Sign-ups are spread over ``[start, start + days)``, more of them late.
        days: Length of the history in days.
        events_per_person: Target mean number of events per person. Product sessions scale
            with its square root and marketing touches absorb the rest, so funnel rates,
            outcomes and the PQL share stay close to those of the default 25. Targets below
            ~8 are floored by the funnel milestones.
    """

    people: int = 5_000
    seed: int = 7
    start: datetime = datetime(2026, 1, 5)
    days: int = 120
    events_per_person: float = 25

    def __post_init__(self) -> None:
        if self.people < 1:
            raise ConfigError(f"demo world needs at least 1 person, got {self.people}")
        if self.days < 1:
            raise ConfigError(f"demo world needs at least 1 day of history, got {self.days}")
        if self.seed < 0:
            raise ConfigError(f"demo world seed must be >= 0, got {self.seed}")
        if not self.events_per_person >= 0:
            raise ConfigError(f"events_per_person must be >= 0, got {self.events_per_person}")
        if self.start.tzinfo is not None:
            naive = self.start.astimezone(UTC).replace(tzinfo=None)
            object.__setattr__(self, "start", naive)

    @property
    def end(self) -> datetime:
        """Exclusive end of history: every generated timestamp is strictly before it."""
        return self.start + timedelta(days=self.days)


@dataclass(frozen=True)
class World:
    """A generated world: the four canonical tables plus the config that made them.

    Attributes:
        people: One row per person (``PEOPLE_SCHEMA``).
        accounts: One row per account (``ACCOUNTS_SCHEMA``).
        events: One row per event (``EVENTS_SCHEMA``), grouped by person, time-ordered within
            a person.
        outcomes: Opportunities, conversions and closed deals (``OUTCOMES_SCHEMA``).
        config: The configuration that generated the world.
    """

    people: pa.Table
    accounts: pa.Table
    events: pa.Table
    outcomes: pa.Table
    config: WorldConfig

    @property
    def end(self) -> datetime:
        """The end of generated history (exclusive): every timestamp is strictly before it."""
        return self.config.end


def generate_world(config: WorldConfig) -> World:
    """Generate a whole world in memory.

    Args:
        config: What to generate.

    Returns:
        The world. Its tables equal what :func:`write_world` writes for the same config.
    """
    pop = _Population.build(config)
    event_parts: list[pa.Table] = []
    outcome_parts: list[pa.Table] = []
    for chunk in _iter_chunks(pop, _blocks_per_chunk(200_000)):
        event_parts.extend(chunk.event_tables())
        outcome_parts.append(chunk.outcomes)
    return World(
        people=pop.people_table(),
        accounts=pop.accounts_table(),
        events=_concat(event_parts, EVENTS_SCHEMA),
        outcomes=_concat(outcome_parts, OUTCOMES_SCHEMA),
        config=config,
    )


def write_world(
    config: WorldConfig, directory: Path, *, chunk_people: int = 200_000
) -> dict[str, Path]:
    """Generate a world and write it as Parquet files, streaming the events.

    Events and outcomes are generated ``chunk_people`` people at a time and appended to
    ``events.parquet`` in row groups of at most 2**20 events, so peak memory is bounded by
    the chunk, not by the world: 1M people / 50M events peak at about 1.5 GB. The rows are
    the same as :func:`generate_world` returns for the same config, whatever the chunk size
    (the files differ only in how rows are split into row groups).

    Args:
        config: What to generate.
        directory: Output directory (created if missing); existing files are overwritten.
        chunk_people: People per chunk; rounded up to a multiple of 1024 and capped at 2**20.

    Returns:
        ``{"people": ..., "accounts": ..., "events": ..., "outcomes": ...}`` -> file paths.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    paths = {
        name: directory / f"{name}.parquet" for name in ("people", "accounts", "events", "outcomes")
    }
    pop = _Population.build(config)
    pq.write_table(pop.accounts_table(), paths["accounts"], compression="zstd")
    pq.write_table(pop.people_table(), paths["people"], compression="zstd")
    outcome_parts: list[pa.Table] = []
    with pq.ParquetWriter(
        paths["events"],
        EVENTS_SCHEMA,
        compression="zstd",
        # event_id is unique: a dictionary page would only be built and thrown away.
        use_dictionary=[name for name in EVENTS_SCHEMA.names if name != "event_id"],
    ) as writer:
        for chunk in _iter_chunks(pop, _blocks_per_chunk(chunk_people)):
            for events in chunk.event_tables():
                writer.write_table(events)
            outcome_parts.append(chunk.outcomes)
    pq.write_table(_concat(outcome_parts, OUTCOMES_SCHEMA), paths["outcomes"], compression="zstd")
    return paths


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def _rng(seed: int, *key: int) -> np.random.Generator:
    # SeedSequence spawn keys give statistically independent streams per (purpose, block).
    return np.random.default_rng(np.random.SeedSequence(seed, spawn_key=key))


def _concat(tables: list[pa.Table], schema: pa.Schema) -> pa.Table:
    return pa.concat_tables(tables) if tables else schema.empty_table()


def _blocks_per_chunk(chunk_people: int) -> int:
    people = min(max(int(chunk_people), 1), _MAX_CHUNK_PEOPLE)
    return max(1, -(-people // _BLOCK))


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _fixed_ids(prefix: str, numbers: np.ndarray, digits: int) -> pa.Array:
    """Zero-padded ids (``P0000123``) built straight into an Arrow buffer (no Python strings)."""
    n = len(numbers)
    head = len(prefix)
    width = head + digits
    buf = np.empty((n, width), dtype=np.uint8)
    buf[:, :head] = np.frombuffer(prefix.encode("ascii"), dtype=np.uint8)
    rest = np.asarray(numbers, dtype=np.int64).copy()
    for col in range(width - 1, head - 1, -1):
        buf[:, col] = rest % 10 + 48
        rest //= 10
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    return pa.Array.from_buffers(
        pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(buf.reshape(-1))]
    )


def _take(vocab: tuple[str, ...] | list[str] | pa.Array, codes: np.ndarray) -> pa.Array:
    """Map integer codes onto a vocabulary; negative codes become nulls."""
    values = vocab if isinstance(vocab, pa.Array) else pa.array(list(vocab), pa.string())
    codes = np.asarray(codes)
    indices = pa.array(np.where(codes < 0, 0, codes).astype(np.int32), mask=codes < 0)
    return values.take(indices)


def _timestamps(start_us: int, seconds: np.ndarray) -> pa.Array:
    us = start_us + np.asarray(seconds, dtype=np.int64) * 1_000_000
    return pa.array(us, type=_TS)


def _group_starts(counts: np.ndarray) -> np.ndarray:
    return np.cumsum(counts) - counts


def _rank_in_group(counts: np.ndarray) -> np.ndarray:
    """0, 1, ... within each run of a repeated group (``np.repeat(idx, counts)`` order)."""
    total = int(counts.sum())
    return np.arange(total) - np.repeat(_group_starts(counts), counts)


def _trunc_exp(rng: np.random.Generator, scale: np.ndarray, limit: np.ndarray) -> np.ndarray:
    """Offsets from an exponential(scale) truncated to [0, limit), by inverse CDF.

    This is how activity decays: a person's sessions and milestones cluster shortly after
    sign-up and thin out on the scale of their personal ``tau``, but never pass ``end``.
    """
    u = rng.random(len(scale))
    return -scale * np.log1p(u * np.expm1(-limit / scale))


# --------------------------------------------------------------------------------------------
# Population: accounts, people and every per-person parameter of their behaviour
# --------------------------------------------------------------------------------------------


@dataclass
class _Population:
    config: WorldConfig
    start_us: int
    end_rel: int  # end of history, in seconds after start
    # accounts
    account_ids: pa.Array
    account_name: pa.Array
    account_domain: pa.Array
    employees: np.ndarray  # float, nan = unknown
    industry: np.ndarray  # code, -1 = null
    acc_country: np.ndarray
    tech_stack: pa.Array
    # people
    person_ids: pa.Array
    person_account_ids: pa.Array
    email: pa.Array
    title: pa.Array
    plan: np.ndarray
    country: np.ndarray
    created: np.ndarray  # seconds after start (int64)
    # hidden drivers, one value per person
    intent: np.ndarray
    fit: np.ndarray  # rubric points 0..50 before disqualifiers
    buy_opp: np.ndarray  # multiplier on the opportunity propensity
    buy_conv: np.ndarray  # multiplier on the self-serve conversion propensity
    person_employees: np.ndarray
    has_crm: np.ndarray
    tau: np.ndarray  # activity decay time scale, seconds
    extra_sessions: np.ndarray  # expected sessions after the first (already calibrated)
    session_s: np.ndarray  # mean session length, seconds
    mu_actions: np.ndarray  # (4, n): expected core / report / export / premium per session
    onb_p: np.ndarray
    onb_gap_s: np.ndarray
    int_p: np.ndarray
    int_extra: np.ndarray
    inv_p: np.ndarray
    inv_extra: np.ndarray
    pricing_mean: np.ndarray
    logged_p: np.ndarray
    checkout_p: np.ndarray
    unsub_p: np.ndarray
    downgrade_p: np.ndarray
    burst_p: np.ndarray
    mkt_per_day: np.ndarray  # (5, n): opened, clicked, blog, content, webinar (calibrated)
    demo_p: np.ndarray
    contact_p: np.ndarray

    @property
    def n(self) -> int:
        return len(self.created)

    @classmethod
    def build(cls, config: WorldConfig) -> _Population:
        rng = _rng(config.seed, 0)
        n = config.people
        n_acc = max(1, n // 4)
        start_us = round((config.start - _EPOCH).total_seconds() * 1_000_000)
        end_rel = config.days * _DAY

        # ---- accounts -------------------------------------------------------------------
        # Pareto weights: most accounts have one or two people, a few have hundreds.
        weight = rng.pareto(1.3, n_acc) + 1.0
        industry = rng.choice(len(INDUSTRIES), n_acc, p=_INDUSTRY_W)
        industry[rng.random(n_acc) < 0.05] = -1
        acc_country = rng.choice(len(COUNTRIES), n_acc, p=_COUNTRY_W)
        acc_country[rng.random(n_acc) < 0.03] = -1
        base_employees = np.exp(rng.normal(math.log(120), 1.5, n_acc))
        employees_unknown = rng.random(n_acc) < 0.05
        crm = rng.choice(3, n_acc, p=_CRM_W)  # 0 salesforce, 1 hubspot, 2 none
        others = rng.random((len(_OTHER_TOOL_P), n_acc)) < np.array(_OTHER_TOOL_P)[:, None]
        stack_mask = np.where(crm == 0, 1, 0) | np.where(crm == 1, 2, 0)
        for bit, row in enumerate(others, start=2):
            stack_mask |= row.astype(np.int64) << bit
        stack_null = rng.random(n_acc) < 0.05
        prefix = rng.integers(0, len(_NAME_PREFIXES), n_acc)
        suffix = rng.integers(0, len(_NAME_SUFFIXES), n_acc)
        tld = rng.choice(len(_TLDS), n_acc, p=_TLD_W)
        account_effect = rng.normal(0.0, 0.6, n_acc)

        # ---- people: sign-up time, account ---------------------------------------------
        # Sign-ups grow over the period (3x more per day at the end than at the start).
        growth = math.log(3.0) / end_rel
        u = np.sort(rng.random(n))  # sorted so that person ids follow sign-up order
        created = np.floor(np.log1p(u * math.expm1(growth * end_rel)) / growth).astype(np.int64)
        created = np.minimum(created, end_rel - 1)

        account = np.empty(n, dtype=np.int64)
        order = rng.permutation(n)
        seeded = min(n, n_acc)
        account[order[:seeded]] = np.arange(seeded)  # every account gets at least one person
        if n > seeded:
            account[order[seeded:]] = rng.choice(n_acc, n - seeded, p=weight / weight.sum())
        no_account = rng.random(n) < 0.03
        members = np.bincount(account[~no_account], minlength=n_acc)
        # A company with 300 sign-ups is not a 40-person company.
        employees = np.maximum(base_employees, members * rng.uniform(1.5, 5.0, n_acc)).round()
        employees[employees_unknown] = np.nan
        acc_of = np.where(no_account, -1, account)

        # ---- people: email ---------------------------------------------------------------
        kinds = list(EMAIL_MIX)
        kind = rng.choice(len(kinds), n, p=list(EMAIL_MIX.values()))
        work, personal, competitor, student = (kind == kinds.index(k) for k in kinds)
        # Domain codes: accounts first, then the fixed domain lists.
        off_personal = n_acc
        off_competitor = off_personal + len(PERSONAL_EMAIL_DOMAINS)
        off_student = off_competitor + len(COMPETITOR_DOMAINS)
        random_account = rng.integers(0, n_acc, n)  # account-less people with a work email
        domain_code = np.select(
            [work, personal, competitor],
            [
                np.where(acc_of >= 0, acc_of, random_account),
                off_personal + rng.choice(len(PERSONAL_EMAIL_DOMAINS), n, p=_PERSONAL_W),
                off_competitor + rng.integers(0, len(COMPETITOR_DOMAINS), n),
            ],
            off_student + rng.integers(0, len(STUDENT_EMAIL_DOMAINS), n),
        )
        first = rng.integers(0, len(_FIRST_NAMES), n)
        last = rng.integers(0, len(_LAST_NAMES), n)
        # Emails are unique: the first person with a given name at a domain gets the plain
        # first.last, later namesakes get their sequence number appended.
        key = (domain_code * len(_FIRST_NAMES) + first) * len(_LAST_NAMES) + last
        _, first_seen = np.unique(key, return_index=True)
        namesake = np.ones(n, dtype=bool)
        namesake[first_seen] = False
        email_null = rng.random(n) < 0.005
        messy_case = rng.random(n) < 0.02

        # ---- people: title, plan, country -----------------------------------------------
        groups = np.where(
            student,
            rng.choice(len(_TITLE_W_STUDENT), n, p=_TITLE_W_STUDENT),
            rng.choice(len(_TITLE_W), n, p=_TITLE_W),
        )
        group_sizes = np.array([len(g[1]) for g in _TITLE_GROUPS] + [1])
        group_offsets = np.concatenate([[0], np.cumsum(group_sizes)[:-1]])
        within = np.floor(rng.random(n) * group_sizes[groups]).astype(np.int64)
        title_code = np.where(groups == len(_TITLE_GROUPS), -1, group_offsets[groups] + within)
        seniority = np.array([g[0] for g in _TITLE_GROUPS] + [0])[groups]

        own_country = rng.choice(len(COUNTRIES), n, p=_COUNTRY_W)
        account_country = np.where(acc_of >= 0, acc_country[np.maximum(acc_of, 0)], -1)
        country = np.where(
            (account_country >= 0) & (rng.random(n) < 0.9), account_country, own_country
        )
        country[(account_country < 0) & (rng.random(n) < 0.1)] = -1

        # ---- hidden fit and intent -------------------------------------------------------
        known = acc_of >= 0
        acc_ix = np.maximum(acc_of, 0)
        emp = np.where(known, employees[acc_ix], np.nan)
        ind = np.where(known, industry[acc_ix], -1)
        mask = np.where(known & ~stack_null[acc_ix], stack_mask[acc_ix], 0)
        # The product-led fit rubric (0..50), so a rules model can find what drives intent.
        size_pts = np.where((emp >= 50) & (emp <= 500), 15,
                            np.where(((emp >= 25) & (emp < 50)) | ((emp > 500) & (emp <= 1000)),
                                     8, 0))  # fmt: skip
        ind_pts = np.where(np.isin(ind, [0, 1, 2]), 10, np.where(np.isin(ind, [3, 4, 5]), 5, 0))
        tech_pts = np.where(mask & 0b11, 8, np.where(mask & 0b11100, 4, 0))
        c = account_country  # the rubric looks at account.country
        geo_pts = np.where(np.isin(c, [0, 1]), 7, np.where(np.isin(c, [2, 3, 4, 5, 8, 10, 11]),
                                                           4, 0))  # fmt: skip
        fit = (size_pts + ind_pts + seniority + tech_pts + geo_pts).astype(np.float64)

        z = -1.7 + 0.06 * (fit - 25) + np.where(known, account_effect[acc_ix], 0.0)
        z += rng.normal(0.0, 1.0, n)
        z += np.where(competitor, 0.8, 0.0) - np.where(student, 0.3, 0.0)
        intent = _sigmoid(z)
        buy_opp = np.select([competitor, student, personal], [0.0, 0.1, 0.45], 1.0)

        plan_u = rng.random(n)
        plan = np.where(plan_u < 0.02 + 0.04 * intent, 2,
                        np.where(plan_u < 0.32 + 0.35 * intent, 1, 0))  # fmt: skip
        trial = plan == 1
        buy_conv = np.select([competitor, plan == 2, student, personal], [0.0, 0.0, 0.3, 0.9], 1.0)

        # ---- behaviour parameters ----------------------------------------------------------
        window_d = (end_rel - created) / _DAY
        sigma = 0.9  # heavy-tailed activity: a few people have very many events
        activity = np.exp(rng.normal(-(sigma**2) / 2, sigma, n))
        tau_d = np.clip(np.exp(rng.normal(np.log(4 + 30 * intent), 0.7)), 0.5, 400.0)
        sessions_per_day = (0.25 + 1.8 * intent) * activity
        extra_sessions = sessions_per_day * tau_d * -np.expm1(-window_d / tau_d)
        mu_actions = np.stack(
            [
                0.05 + 1.8 * intent**1.5,
                0.02 + 0.15 * intent,
                0.015 + 0.1 * intent,
                (0.01 + 0.12 * intent) * np.where(trial, 1.8, 1.0),
            ]
        )
        has_crm = (mask & 0b11) > 0
        onb_p = 0.1 + 0.6 * intent
        int_p = np.clip(0.02 + 0.55 * intent**1.5 + 0.08 * has_crm, 0.0, 0.95)
        int_extra = 0.5 * intent
        solo = ~known | personal | student
        inv_p = (0.03 + 0.5 * intent**1.3) * np.where(solo, 0.4, 1.0)
        inv_extra = 1.5 * intent
        pricing_mean = 0.1 + 2.0 * intent**2
        checkout_p = np.clip((0.01 + 0.3 * intent**2.5) * np.where(trial, 1.5, 1.0), 0.0, 0.9)
        unsub_p = 0.03 + 0.15 * (1 - intent)
        downgrade_p = np.where(trial, 0.05 + 0.35 * (1 - intent), 0.01 + 0.03 * (1 - intent))
        burst_p = 0.45 * intent**3
        junkie = rng.random(n) < 0.07  # content lovers: lots of marketing, no extra intent
        affinity = np.exp(rng.normal(-0.245, 0.7, n)) * np.where(junkie, 4.0, 1.0)
        mkt_rates = np.array([0.1, 0.02, 0.03, 0.005, 0.002])[:, None] * affinity
        demo_p = 0.01 + 0.06 * intent * fit / 50 + 0.05 * junkie
        contact_p = 0.005 + 0.05 * intent * fit / 50

        # Calibrate the volume so the mean hits events_per_person. The expected count of
        # every event kind is known here, so this is exact in expectation (up to the history
        # cut at `end`). Product behaviour is tuned at the reference volume (about 12% of
        # people qualify as PQL under the product-led preset); away from it, sessions move
        # only with the square root of the volume and marketing touches, which no product
        # rule scores, absorb the rest. So a 50-events benchmark world is not a world of
        # twice as many PQLs.
        per_session = 2.0 + mu_actions.sum(axis=0)  # login + session_ended + actions
        fixed = (
            per_session  # the sign-up session
            + onb_p * 5 + (1 - onb_p) * 1.5  # onboarding steps (+ completed)
            + int_p * (1 + int_extra) + inv_p * (1 + inv_extra) + pricing_mean
            + checkout_p * 1.3 + unsub_p + downgrade_p + burst_p * 8 + demo_p + contact_p
        ).sum()  # fmt: skip
        session_events = (extra_sessions * per_session).sum()
        # Emails stop at an unsubscribe, which falls uniformly in the window: half are lost.
        is_email = np.array([1.0, 1.0, 0.0, 0.0, 0.0])[:, None]  # opened, clicked
        kept = 1.0 - is_email * unsub_p / 2
        marketing_events = max((mkt_rates * kept * window_d).sum(), 1e-9)
        wanted = config.events_per_person * n - fixed
        reference = max(0.0, (_REFERENCE_EVENTS * n - fixed) / (session_events + marketing_events))
        session_scale = reference * math.sqrt(config.events_per_person / _REFERENCE_EVENTS)
        marketing_scale = (wanted - session_scale * session_events) / marketing_events
        if marketing_scale < 0:  # a very small world: only sessions left to trim
            marketing_scale = 0.0
            session_scale = max(0.0, wanted / max(session_events, 1e-9))

        # ---- string columns ------------------------------------------------------------------
        acc_digits = max(6, len(str(n_acc)))
        account_ids = _fixed_ids("A", np.arange(1, n_acc + 1), acc_digits)
        slug = [p.lower() for p in _NAME_PREFIXES]
        numbers = pc.cast(pa.array(np.arange(1, n_acc + 1)), pa.string())
        account_domain = pc.binary_join_element_wise(
            pc.binary_join_element_wise(_take(slug, prefix), numbers, "-"), _take(_TLDS, tld), ""
        )
        account_name = pc.binary_join_element_wise(
            _take(_NAME_PREFIXES, prefix), _take(_NAME_SUFFIXES, suffix), " "
        )
        # A tech stack is a set of tools: spell each distinct set once, then look it up.
        combos, combo_ix = np.unique(stack_mask, return_inverse=True)
        spelled = [";".join(t for b, t in enumerate(TECH_TOOLS) if m >> b & 1) for m in combos]
        tech_stack = _take(spelled, np.where(stack_null, -1, combo_ix))

        person_ids = _fixed_ids("P", np.arange(1, n + 1), max(7, len(str(n))))
        all_domains = pa.concat_arrays(
            [
                account_domain,
                pa.array(
                    list(PERSONAL_EMAIL_DOMAINS + COMPETITOR_DOMAINS + STUDENT_EMAIL_DOMAINS),
                    pa.string(),
                ),
            ]
        )
        local = pc.binary_join_element_wise(
            _take(_FIRST_NAMES, first), _take(_LAST_NAMES, last), "."
        )
        seq = pc.cast(pa.array(np.arange(1, n + 1)), pa.string())
        local = pc.binary_join_element_wise(local, pc.if_else(pa.array(namesake), seq, ""), "")
        email = pc.binary_join_element_wise(local, all_domains.take(domain_code), "@")
        # Some CRMs title-case what people type: "Jane.Doe@Acme-7.Com".
        email = pc.if_else(pa.array(messy_case), pc.utf8_title(email), email)
        email = pc.if_else(pa.array(email_null), pa.scalar(None, pa.string()), email)
        titles = [t for _, group in _TITLE_GROUPS for t in group]

        return cls(
            config=config,
            start_us=start_us,
            end_rel=end_rel,
            account_ids=account_ids,
            account_name=account_name,
            account_domain=account_domain,
            employees=employees,
            industry=industry,
            acc_country=acc_country,
            tech_stack=tech_stack,
            person_ids=person_ids,
            person_account_ids=_take(account_ids, acc_of),
            email=email,
            title=_take(titles, title_code),
            plan=plan,
            country=country,
            created=created,
            intent=intent,
            fit=fit,
            buy_opp=buy_opp,
            buy_conv=buy_conv,
            person_employees=emp,
            has_crm=has_crm,
            tau=tau_d * _DAY,
            extra_sessions=extra_sessions * session_scale,
            session_s=60 * (5 + 20 * intent),
            mu_actions=mu_actions,
            onb_p=onb_p,
            onb_gap_s=1800 * (1 + 20 * (1 - intent) ** 2),
            int_p=int_p,
            int_extra=int_extra,
            inv_p=inv_p,
            inv_extra=inv_extra,
            pricing_mean=pricing_mean,
            logged_p=0.4 + 0.55 * intent,
            checkout_p=checkout_p,
            unsub_p=unsub_p,
            downgrade_p=downgrade_p,
            burst_p=burst_p,
            mkt_per_day=mkt_rates * marketing_scale,
            demo_p=demo_p,
            contact_p=contact_p,
        )

    def accounts_table(self) -> pa.Table:
        employees = pa.array(
            np.nan_to_num(self.employees).astype(np.int64), mask=np.isnan(self.employees)
        )
        return pa.Table.from_arrays(
            [
                self.account_ids,
                self.account_name,
                self.account_domain,
                employees,
                _take(INDUSTRIES, self.industry),
                _take(COUNTRIES, self.acc_country),
                self.tech_stack,
            ],
            schema=ACCOUNTS_SCHEMA,
        )

    def people_table(self) -> pa.Table:
        return pa.Table.from_arrays(
            [
                self.person_ids,
                self.person_account_ids,
                self.email,
                self.title,
                _timestamps(self.start_us, self.created),
                _take(PLANS, self.plan),
                _take(COUNTRIES, self.country),
            ],
            schema=PEOPLE_SCHEMA,
        )


# --------------------------------------------------------------------------------------------
# Events and outcomes, one block of people at a time
# --------------------------------------------------------------------------------------------

_E = {name: code for code, name in enumerate(EVENT_NAMES)}
_FEATURES = CORE_FEATURES + PREMIUM_FEATURES
_CORE_W = (0.7, 0.2, 0.1)
_MARKETING_RATES = ("email_opened", "email_clicked", "blog_visited", "content_downloaded",
                    "webinar_attended")  # fmt: skip
# What a burst is made of (the preset's velocity events, onboarding aside).
_BURST_EVENTS = ("core_feature_used", "integration_connected", "teammate_invited",
                 "pricing_page_viewed", "checkout_started")  # fmt: skip
_BURST_W = (0.4, 0.1, 0.2, 0.2, 0.1)
_NONE = np.iinfo(np.int64).max  # "never happened" in per-person first-time arrays


class _Events:
    """Column buffers of one block; person indices are block-local.

    Properties are kept as small integer codes (-1 = null) rather than floats and strings:
    a chunk of 10M events then costs ~30 bytes per event before it becomes Arrow, which is
    what keeps :func:`write_world` within a few GB at 50M events.
    """

    def __init__(self) -> None:
        self.cols: dict[str, list[np.ndarray]] = {
            name: []
            for name in ("p", "t", "code", "step", "feature", "itype", "logged", "tenths",
                         "fused")
        }  # fmt: skip

    def add(
        self,
        code: int,
        p: np.ndarray,
        t: np.ndarray,
        *,
        step: np.ndarray | None = None,
        feature: np.ndarray | None = None,
        itype: np.ndarray | None = None,
        logged: np.ndarray | None = None,
        tenths: np.ndarray | None = None,
        fused: np.ndarray | None = None,
    ) -> None:
        n = len(p)
        if n == 0:
            return

        def col(values: np.ndarray | None, fill: float, dtype: type) -> np.ndarray:
            return np.full(n, fill, dtype) if values is None else np.asarray(values, dtype)

        c = self.cols
        c["p"].append(np.asarray(p, np.int32))
        c["t"].append(np.floor(t).astype(np.int64))
        c["code"].append(np.full(n, code, np.int8))
        c["step"].append(col(step, -1, np.int8))  # onboarding step 1..4 -> progress step / 4
        c["feature"].append(col(feature, -1, np.int8))
        c["itype"].append(col(itype, -1, np.int8))
        c["logged"].append(col(logged, -1, np.int8))
        c["tenths"].append(col(tenths, -1, np.int32))  # duration_s in tenths of a second
        c["fused"].append(col(fused, -1, np.int8))

    def finish(self, end_rel: int) -> dict[str, np.ndarray]:
        out = {name: np.concatenate(parts) for name, parts in self.cols.items()}
        # History is cut at `end`: a session that is still running has no session_ended yet,
        # a trial that ends after `end` has not been downgraded yet, and so on.
        keep = out["t"] < end_rel
        out = {name: values[keep] for name, values in out.items()}
        # Group by person, time-ordered within a person (generation order breaks ties).
        order = np.argsort((out["p"].astype(np.int64) << 40) | out["t"], kind="stable")
        return {name: values[order] for name, values in out.items()}


def _emit_core(ev: _Events, rng: np.random.Generator, p: np.ndarray, t: np.ndarray) -> None:
    feature = rng.choice(len(CORE_FEATURES), len(p), p=_CORE_W)
    ev.add(_E["core_feature_used"], p, t, feature=feature)


def _emit_integration(
    ev: _Events, rng: np.random.Generator, p: np.ndarray, t: np.ndarray, has_crm: np.ndarray
) -> None:
    # Accounts that run a CRM mostly connect it; everybody else picks among the rest.
    crm_share = np.where(has_crm[p], 0.55, 0.15)
    other = 1 + rng.choice(len(_INTEGRATION_W_NON_CRM), len(p), p=_INTEGRATION_W_NON_CRM)
    itype = np.where(rng.random(len(p)) < crm_share, 0, other)
    ev.add(_E["integration_connected"], p, t, itype=itype)


def _emit_pricing(
    ev: _Events,
    rng: np.random.Generator,
    p: np.ndarray,
    t: np.ndarray,
    logged_p: np.ndarray | None,
    intent: np.ndarray,
) -> None:
    logged = np.ones(len(p), bool) if logged_p is None else rng.random(len(p)) < logged_p[p]
    # Serious evaluators read the pricing page longer.
    tenths = np.rint(10 * np.exp(rng.normal(np.log(35) + 0.8 * intent[p], 0.9)))
    ev.add(_E["pricing_page_viewed"], p, t, logged=logged, tenths=np.minimum(tenths, 2**31 - 1))


def _first_time(ev: dict[str, np.ndarray], mask: np.ndarray, n: int) -> np.ndarray:
    """Per person, the earliest ``t`` among rows in ``mask`` (``_NONE`` if there is none)."""
    sel = np.flatnonzero(mask)
    people, first = np.unique(ev["p"][sel], return_index=True)  # rows are (p, t)-sorted
    out = np.full(n, _NONE, dtype=np.int64)
    out[people] = ev["t"][sel[first]]
    return out


def _simulate_block(
    pop: _Population, block: int
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Events and outcomes of people ``[block * _BLOCK, (block + 1) * _BLOCK)``."""
    rng = _rng(pop.config.seed, 1, block)
    lo = block * _BLOCK
    hi = min(lo + _BLOCK, pop.n)
    n = hi - lo
    s = slice(lo, hi)
    idx = np.arange(n)
    created = pop.created[s].astype(np.float64)
    window = pop.end_rel - created  # seconds of history left after sign-up (> 0)
    intent = pop.intent[s]
    tau = pop.tau[s]
    has_crm = pop.has_crm[s]
    ev = _Events()

    def person_times(p: np.ndarray, min_delay: float = 0.0, scale: np.ndarray = tau) -> np.ndarray:
        return created[p] + min_delay + _trunc_exp(rng, scale[p], window[p])

    # ---- sessions: the sign-up session plus a decaying stream of returns ----------------------
    sessions = 1 + rng.poisson(pop.extra_sessions[s])
    sp = np.repeat(idx, sessions)
    offset = _trunc_exp(rng, tau[sp], window[sp])
    offset[_group_starts(sessions)] = rng.uniform(0, 60, n)
    st = created[sp] + offset
    dur = 30 + rng.exponential(pop.session_s[s][sp])
    ev.add(_E["login"], sp, st)
    features_used = np.zeros(len(sp), dtype=np.int64)
    for row, name in enumerate(
        ("core_feature_used", "report_generated", "data_exported", "premium_feature_used")
    ):
        count = rng.poisson(pop.mu_actions[row, s][sp])
        features_used += count > 0
        k = np.repeat(np.arange(len(sp)), count)
        t = st[k] + rng.random(len(k)) * dur[k]
        if name == "core_feature_used":
            _emit_core(ev, rng, sp[k], t)
        elif name == "premium_feature_used":
            feature = len(CORE_FEATURES) + rng.integers(0, len(PREMIUM_FEATURES), len(k))
            ev.add(_E[name], sp[k], t, feature=feature)
        else:
            ev.add(_E[name], sp[k], t)
    # Settings, search, sharing...: features that have no event of their own.
    features_used += rng.poisson(0.1 + 0.8 * intent[sp])
    ev.add(_E["session_ended"], sp, st + dur, fused=np.minimum(features_used, 127))

    # ---- onboarding wizard: 4 steps, progress 0.25 .. 1.0 ------------------------------------
    complete = rng.random(n) < pop.onb_p[s]
    steps = np.where(complete, 4, rng.integers(0, 4, n))
    op = np.repeat(idx, steps)
    gaps = rng.exponential(pop.onb_gap_s[s][op])
    # Per-person running sum of the gaps: global cumsum minus the sum before the group.
    cum = np.cumsum(gaps)
    group_first = np.repeat(_group_starts(steps), steps)
    onb_t = created[op] + 60 + cum - (cum - gaps)[group_first]
    ev.add(_E["onboarding_progress"], op, onb_t, step=_rank_in_group(steps) + 1)
    done = np.flatnonzero(complete)
    ev.add(_E["onboarding_completed"], done, onb_t[np.cumsum(steps)[done] - 1] + 1)

    # ---- funnel milestones --------------------------------------------------------------------
    count = (rng.random(n) < pop.int_p[s]) * (1 + rng.poisson(pop.int_extra[s]))
    p = np.repeat(idx, count)
    _emit_integration(ev, rng, p, person_times(p, 300), has_crm)

    count = (rng.random(n) < pop.inv_p[s]) * (1 + rng.poisson(pop.inv_extra[s]))
    p = np.repeat(idx, count)
    ev.add(_E["teammate_invited"], p, person_times(p, 600))

    p = np.repeat(idx, rng.poisson(pop.pricing_mean[s]))
    _emit_pricing(ev, rng, p, person_times(p), pop.logged_p[s], intent)

    count = (rng.random(n) < pop.checkout_p[s]) * (1 + (rng.random(n) < 0.3))
    p = np.repeat(idx, count)
    ev.add(_E["checkout_started"], p, person_times(p, 900, 1.5 * tau))

    # ---- bursts: 5+ key actions within 48 h, mostly by high-intent people --------------------
    size = (rng.random(n) < pop.burst_p[s]) * (5 + rng.poisson(3, n))
    bp = np.repeat(idx, size)
    burst_start = person_times(idx, 120, np.minimum(tau, 5 * _DAY))
    bt = burst_start[bp] + rng.uniform(0, 40 * _HOUR, len(bp))
    kind = rng.choice(len(_BURST_EVENTS), len(bp), p=_BURST_W)
    for k, name in enumerate(_BURST_EVENTS):
        sel = kind == k
        if name == "core_feature_used":
            _emit_core(ev, rng, bp[sel], bt[sel])
        elif name == "integration_connected":
            _emit_integration(ev, rng, bp[sel], bt[sel], has_crm)
        elif name == "pricing_page_viewed":
            _emit_pricing(ev, rng, bp[sel], bt[sel], None, intent)
        else:
            ev.add(_E[name], bp[sel], bt[sel])

    # ---- negative signals -----------------------------------------------------------------------
    unsub = rng.random(n) < pop.unsub_p[s]
    unsub_t = np.where(unsub, created + rng.random(n) * window, np.inf)
    ev.add(_E["email_unsubscribed"], np.flatnonzero(unsub), unsub_t[unsub])
    down = np.flatnonzero(rng.random(n) < pop.downgrade_p[s])
    # Downgrades happen when the 14-day trial of premium features runs out.
    ev.add(_E["plan_downgraded"], down, created[down] + 14 * _DAY
           + rng.exponential(3 * _DAY, len(down)))  # fmt: skip

    # ---- marketing touches: spread over the whole history, independent of product decay --------
    for row, name in enumerate(_MARKETING_RATES):
        p = np.repeat(idx, rng.poisson(pop.mkt_per_day[row, s] * window / _DAY))
        t = created[p] + rng.random(len(p)) * window[p]
        if name.startswith("email_"):  # no more emails after an unsubscribe
            p, t = p[t < unsub_t[p]], t[t < unsub_t[p]]
        ev.add(_E[name], p, t)
    for name, prob in (("demo_requested", pop.demo_p), ("contact_sales_submitted", pop.contact_p)):
        p = np.flatnonzero(rng.random(n) < prob[s])
        ev.add(_E[name], p, person_times(p, 300))

    events = ev.finish(pop.end_rel)
    outcomes = _outcomes(pop, s, rng, events, created)
    events["p"] += lo
    outcomes["p"] += lo
    return events, outcomes


def _outcomes(
    pop: _Population,
    s: slice,
    rng: np.random.Generator,
    ev: dict[str, np.ndarray],
    created: np.ndarray,
) -> dict[str, np.ndarray]:
    """Outcomes driven by intent and by the behaviour actually observed (block-local ``p``)."""
    n = len(created)
    code = ev["code"]

    def first(name: str, extra: np.ndarray | None = None) -> np.ndarray:
        mask = code == _E[name]
        return _first_time(ev, mask if extra is None else mask & extra, n)

    t_onb = first("onboarding_completed")
    t_int = first("integration_connected")
    t_inv = first("teammate_invited")
    t_li = first("pricing_page_viewed", ev["logged"] == 1)
    t_chk = first("checkout_started")
    t_demo = first("demo_requested")
    t_contact = first("contact_sales_submitted")
    invites = np.bincount(ev["p"][code == _E["teammate_invited"]], minlength=n)
    unsub = first("email_unsubscribed") < _NONE
    down = first("plan_downgraded") < _NONE
    burst_p = pop.burst_p[s]
    intent = pop.intent[s]
    fit = pop.fit[s]

    def did(t: np.ndarray) -> np.ndarray:
        return (t < _NONE).astype(np.float64)

    # Product signals dominate; marketing (demo / contact) helps a little; negatives hurt.
    lin = (
        -4.6 + 2.0 * intent + 0.05 * (fit - 25)
        + 0.9 * did(t_onb) + 1.1 * did(t_int) + 0.8 * (invites >= 1) + 0.5 * (invites >= 2)
        + 0.6 * did(t_li) + 0.9 * did(t_chk) + 0.6 * did(t_demo) + 0.9 * did(t_contact)
        + 0.4 * (burst_p > 0.1) - 0.5 * unsub - 0.8 * down
    )  # fmt: skip
    opp = rng.random(n) < _sigmoid(lin) * pop.buy_opp[s]
    # The opportunity follows the last milestone the person reached (or sign-up).
    trigger = created.copy()
    for t in (t_onb, t_int, t_inv, t_li, t_chk, t_demo, t_contact):
        trigger = np.where(t < _NONE, np.maximum(trigger, t), trigger)
    opp_t = trigger + _HOUR + rng.exponential(3 * _DAY, n)

    lin_c = (
        -5.2 + 1.5 * intent + 2.5 * did(t_chk) + 0.7 * did(t_li) + 0.5 * did(t_int)
        + 0.5 * (invites >= 1) + 0.5 * (pop.plan[s] == 1)
    )  # fmt: skip
    conv = rng.random(n) < _sigmoid(lin_c) * pop.buy_conv[s]
    conv_from = np.where(t_chk < _NONE, t_chk, trigger)
    conv_t = conv_from + 300 + rng.exponential(_DAY, n)

    win_p = np.clip(0.15 + 0.35 * intent + 0.004 * fit, 0.0, 0.9)
    won = rng.random(n) < win_p
    close_t = opp_t + _DAY + rng.gamma(2.0, 10 * _DAY, n)
    emp = np.nan_to_num(np.clip(pop.person_employees[s], 5, 20_000), nan=60.0)
    amount = np.maximum(500.0, np.round(4000 * (emp / 100) ** 0.45
                                        * np.exp(rng.normal(0, 0.35, n)), -2))  # fmt: skip

    end = pop.end_rel
    opp &= opp_t < end
    closed = opp & (close_t < end)  # deals still open at `end` have no close yet
    conv &= conv_t < end
    parts = [
        (np.flatnonzero(opp), 0, opp_t, None),
        (np.flatnonzero(conv), 1, conv_t, None),
        (np.flatnonzero(closed & won), 2, close_t, amount),
        (np.flatnonzero(closed & ~won), 3, close_t, None),
    ]
    p = np.concatenate([q for q, *_ in parts])
    t = np.concatenate([tt[q] for q, _, tt, _ in parts]).astype(np.int64)
    kinds = np.concatenate([np.full(len(q), k, np.int8) for q, k, *_ in parts])
    amounts = np.concatenate(
        [np.full(len(q), np.nan) if a is None else a[q] for q, _, _, a in parts]
    )
    order = np.argsort((p << 40) | t, kind="stable")
    return {"p": p[order], "t": t[order], "code": kinds[order], "amount": amounts[order]}


_EVENT_NAMES_ARRAY = pa.array(list(EVENT_NAMES), pa.string())
_ROWS_PER_TABLE = 1 << 20  # Arrow tables (and Parquet row groups) of at most this many events


@dataclass
class _Chunk:
    """Simulated events (compact numpy columns) and outcomes of a run of blocks of people."""

    pop: _Population
    ev: dict[str, np.ndarray]
    first_event: int  # sequence number of the chunk's first event (its event_id)
    outcomes: pa.Table

    def event_tables(self) -> Iterator[pa.Table]:
        """The events as Arrow tables of at most ``_ROWS_PER_TABLE`` rows.

        Converting slice by slice keeps only one slice of strings alive at a time: the Arrow
        form of an event is ~4x bigger than its compact numpy form.
        """
        total = len(self.ev["p"])
        for lo in range(0, total, _ROWS_PER_TABLE):
            hi = min(total, lo + _ROWS_PER_TABLE)
            ev = {name: values[lo:hi] for name, values in self.ev.items()}
            step, tenths, fused = ev["step"], ev["tenths"], ev["fused"]
            first = self.first_event + lo
            yield pa.Table.from_arrays(
                [
                    _fixed_ids("E", np.arange(first, first + hi - lo), _EVENT_ID_DIGITS),
                    self.pop.person_ids.take(pa.array(ev["p"])),
                    _EVENT_NAMES_ARRAY.take(pa.array(ev["code"])),
                    _timestamps(self.pop.start_us, ev["t"]),
                    pa.array(np.maximum(step, 0) / 4, mask=step < 0),
                    _take(_FEATURES, ev["feature"]),
                    _take(INTEGRATION_TYPES, ev["itype"]),
                    pa.array(ev["logged"] == 1, mask=ev["logged"] < 0),
                    pa.array(np.maximum(tenths, 0) / 10, mask=tenths < 0),
                    pa.array(fused.astype(np.int64), mask=fused < 0),
                ],
                schema=EVENTS_SCHEMA,
            )


def _iter_chunks(pop: _Population, blocks_per_chunk: int) -> Iterator[_Chunk]:
    """Simulate the world ``blocks_per_chunk`` blocks of people at a time."""
    n_blocks = -(-pop.n // _BLOCK)
    next_event = 1
    for first_block in range(0, n_blocks, blocks_per_chunk):
        blocks = range(first_block, min(first_block + blocks_per_chunk, n_blocks))
        results = [_simulate_block(pop, b) for b in blocks]
        ev = {k: np.concatenate([r[0][k] for r in results]) for k in results[0][0]}
        out = {k: np.concatenate([r[1][k] for r in results]) for k in results[0][1]}
        del results  # free the per-block copies early
        m = len(ev["p"])
        if next_event + m > 10**_EVENT_ID_DIGITS:
            raise ConfigError("demo world too large: more than 10 billion events")
        op = pa.array(out["p"])
        outcomes = pa.Table.from_arrays(
            [
                pop.person_ids.take(op),
                pop.person_account_ids.take(op),
                _take(OUTCOME_NAMES, out["code"]),
                _timestamps(pop.start_us, out["t"]),
                pa.array(out["amount"], mask=np.isnan(out["amount"])),
            ],
            schema=OUTCOMES_SCHEMA,
        )
        yield _Chunk(pop, ev, next_event, outcomes)
        next_event += m
