"""Tests of the synthetic demo world (leadscore.demo.world)."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from leadscore.demo.world import (
    COMPETITOR_DOMAINS,
    EMAIL_MIX,
    EVENT_NAMES,
    KEY_ACTIONS,
    MARKETING_EVENTS,
    OUTCOME_NAMES,
    PERSONAL_EMAIL_DOMAINS,
    TECH_TOOLS,
    World,
    WorldConfig,
    generate_world,
    write_world,
)
from leadscore.errors import ConfigError

TS = pa.timestamp("us")
PEOPLE = 4_000


@pytest.fixture(scope="module")
def world() -> World:
    return generate_world(WorldConfig(people=PEOPLE, seed=11))


def _index(ids: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """P0000123 -> 122 (person ids are sequential from P0000001)."""
    return pc.cast(pc.utf8_slice_codeunits(ids, 1), pa.int64()).to_numpy() - 1


def _seconds(ts: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return pc.cast(ts, pa.int64()).to_numpy() // 1_000_000


def _names(column: pa.ChunkedArray) -> np.ndarray:
    return column.to_numpy(zero_copy_only=False)


def _positive(world: World) -> np.ndarray:
    """Per person: has an opportunity or a self-serve conversion."""
    out = world.outcomes
    won = pc.is_in(out["outcome"], pa.array(["opportunity_created", "converted"]))
    positive = np.zeros(world.people.num_rows, dtype=bool)
    positive[_index(out.filter(won)["person_id"])] = True
    return positive


def _did(world: World, event: str) -> np.ndarray:
    did = np.zeros(world.people.num_rows, dtype=bool)
    ev = world.events
    did[_index(ev.filter(pc.equal(ev["event"], event))["person_id"])] = True
    return did


# ---- schema (docs/data-model.md) ------------------------------------------------------------


def test_schemas_follow_the_data_model(world: World) -> None:
    s = pa.string()
    assert world.people.schema == pa.schema(
        [("person_id", s), ("account_id", s), ("email", s), ("title", s),
         ("created_at", TS), ("plan", s), ("country", s)]
    )  # fmt: skip
    assert world.accounts.schema == pa.schema(
        [("account_id", s), ("name", s), ("domain", s), ("employees", pa.int64()),
         ("industry", s), ("country", s), ("tech_stack", s)]
    )  # fmt: skip
    assert world.events.schema == pa.schema(
        [("event_id", s), ("person_id", s), ("event", s), ("ts", TS), ("progress", pa.float64()),
         ("feature", s), ("integration_type", s), ("logged_in", pa.bool_()),
         ("duration_s", pa.float64()), ("features_used", pa.int64())]
    )  # fmt: skip
    assert world.outcomes.schema == pa.schema(
        [("person_id", s), ("account_id", s), ("outcome", s), ("ts", TS), ("amount", pa.float64())]
    )


def test_every_documented_event_occurs_and_nothing_else(world: World) -> None:
    assert set(pc.unique(world.events["event"]).to_pylist()) == set(EVENT_NAMES)
    assert set(MARKETING_EVENTS) <= set(EVENT_NAMES)
    assert set(KEY_ACTIONS) <= set(EVENT_NAMES)
    assert set(pc.unique(world.outcomes["outcome"]).to_pylist()) == set(OUTCOME_NAMES)


@pytest.mark.parametrize(
    ("column", "events"),
    [
        ("progress", {"onboarding_progress"}),
        ("feature", {"core_feature_used", "premium_feature_used"}),
        ("integration_type", {"integration_connected"}),
        ("logged_in", {"pricing_page_viewed"}),
        ("duration_s", {"pricing_page_viewed"}),
        ("features_used", {"session_ended"}),
    ],
)
def test_property_columns_are_null_where_they_do_not_apply(
    world: World, column: str, events: set[str]
) -> None:
    ev = world.events
    applies = pc.is_in(ev["event"], pa.array(sorted(events))).to_numpy(zero_copy_only=False)
    valid = pc.is_valid(ev[column]).to_numpy(zero_copy_only=False)
    assert (valid == applies).all()


def test_property_values(world: World) -> None:
    ev = world.events
    progress = pc.drop_null(ev["progress"]).to_numpy()
    assert ((progress > 0) & (progress <= 1)).all() and (progress == 1.0).any()
    assert set(pc.unique(pc.drop_null(ev["integration_type"])).to_pylist()) == {
        "crm", "sso", "storage", "slack", "other"
    }  # fmt: skip
    core = ev.filter(pc.equal(ev["event"], "core_feature_used"))
    assert "dashboards" in core["feature"].to_pylist()
    assert pc.min(ev["duration_s"]).as_py() > 0
    assert pc.min(ev["features_used"]).as_py() >= 0
    assert pc.max(ev["features_used"]).as_py() >= 3  # the session-depth rule can fire
    logged = pc.drop_null(ev["logged_in"]).to_numpy(zero_copy_only=False)
    assert 0.3 < logged.mean() < 0.95  # both logged-in and anonymous pricing views


def test_ids_are_unique_and_well_formed(world: World) -> None:
    ev = world.events
    assert pc.count_distinct(ev["event_id"]).as_py() == ev.num_rows
    assert pc.all(pc.match_substring_regex(ev["event_id"], r"^E\d{10}$")).as_py()
    people = world.people
    assert pc.all(pc.match_substring_regex(people["person_id"], r"^P\d{7}$")).as_py()
    assert pc.count_distinct(people["person_id"]).as_py() == people.num_rows
    accounts = world.accounts
    assert pc.all(pc.match_substring_regex(accounts["account_id"], r"^A\d{6}$")).as_py()
    assert pc.count_distinct(accounts["domain"]).as_py() == accounts.num_rows
    assert accounts.num_rows == PEOPLE // 4
    # every referenced account exists
    known = set(accounts["account_id"].to_pylist())
    assert set(pc.drop_null(people["account_id"]).to_pylist()) <= known


# ---- determinism and chunking ---------------------------------------------------------------


def _tables(w: World) -> dict[str, pa.Table]:
    return {"people": w.people, "accounts": w.accounts, "events": w.events, "outcomes": w.outcomes}


def test_same_config_same_world_other_seed_other_world() -> None:
    config = WorldConfig(people=1_500, seed=3, events_per_person=12)
    a, b = generate_world(config), generate_world(config)
    for name, table in _tables(a).items():
        assert table.equals(_tables(b)[name]), name
    other = generate_world(WorldConfig(people=1_500, seed=4, events_per_person=12))
    assert not other.events.equals(a.events)
    assert not other.people.equals(a.people)


def test_chunked_write_equals_in_memory_world(tmp_path) -> None:
    config = WorldConfig(people=2_600, seed=5, events_per_person=15)
    # 1024-people chunks: three chunks, the last one partial.
    paths = write_world(config, tmp_path / "a", chunk_people=1_000)
    assert set(paths) == {"people", "accounts", "events", "outcomes"}
    assert pq.ParquetFile(paths["events"]).metadata.num_row_groups == 3
    expected = _tables(generate_world(config))
    for name, path in paths.items():
        table = pq.read_table(path)
        assert table.schema == expected[name].schema, name
        assert table.equals(expected[name]), name
    # the files themselves are reproducible byte for byte
    again = write_world(config, tmp_path / "b", chunk_people=1_000)
    for name, path in paths.items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert digest == hashlib.sha256(again[name].read_bytes()).hexdigest(), name


# ---- time ---------------------------------------------------------------------------------


def test_everything_happens_inside_history_and_after_sign_up(world: World) -> None:
    start = datetime(2026, 1, 5)
    assert world.end == start + timedelta(days=120)
    start_s = int((start - datetime(1970, 1, 1)).total_seconds())
    end_s = start_s + 120 * 86_400
    created = _seconds(world.people["created_at"])
    assert created.min() >= start_s and created.max() < end_s
    for table in (world.events, world.outcomes):
        ts = _seconds(table["ts"])
        assert (ts >= created[_index(table["person_id"])]).all()
        assert (ts < end_s).all()
    # more recent sign-ups are more likely
    assert (created >= start_s + 60 * 86_400).mean() > 0.55


def test_outcomes_follow_their_opportunity(world: World) -> None:
    out = world.outcomes
    first_opp: dict[str, datetime] = {}
    for row in out.filter(pc.equal(out["outcome"], "opportunity_created")).to_pylist():
        first_opp.setdefault(row["person_id"], row["ts"])
    closed = out.filter(pc.is_in(out["outcome"], pa.array(["closed_won", "closed_lost"])))
    assert closed.num_rows > 0
    for row in closed.to_pylist():
        assert row["ts"] > first_opp[row["person_id"]]
    amount_valid = pc.is_valid(out["amount"]).to_numpy(zero_copy_only=False)
    assert (amount_valid == (_names(out["outcome"]) == "closed_won")).all()
    assert pc.min(out["amount"]).as_py() > 0
    # outcomes carry the person's account
    accounts = dict(zip(world.people["person_id"].to_pylist(),
                        world.people["account_id"].to_pylist(), strict=True))  # fmt: skip
    for row in out.slice(0, 200).to_pylist():
        assert row["account_id"] == accounts[row["person_id"]]


# ---- the shape of the world -----------------------------------------------------------------


def test_email_mix(world: World) -> None:
    domains = pc.utf8_lower(pc.split_pattern(world.people["email"], "@").combine_chunks().flatten())
    domains = domains.to_numpy(zero_copy_only=False)[1::2]
    n = world.people.num_rows
    personal = np.isin(domains, PERSONAL_EMAIL_DOMAINS).mean()
    competitor = np.isin(domains, COMPETITOR_DOMAINS).sum() / n
    student = np.char.endswith(domains.astype(str), ".edu").sum() / n
    assert abs(personal - EMAIL_MIX["personal"]) < 0.025
    assert 0.002 < competitor < 0.025
    assert abs(student - EMAIL_MIX["student"]) < 0.012
    assert world.people["email"].null_count > 0  # some people have no email
    # a few emails need lower-casing before their domain matches
    assert pc.any(pc.match_substring_regex(world.people["email"], "[A-Z]")).as_py()
    assert pc.count_distinct(world.people["email"]).as_py() == n - world.people["email"].null_count


def test_people_and_accounts_attributes(world: World) -> None:
    people, accounts = world.people, world.accounts
    assert 0.01 < people["account_id"].null_count / people.num_rows < 0.06
    assert set(pc.unique(people["plan"]).to_pylist()) == {"free", "trial", "paid"}
    titles = set(people["title"].to_pylist())
    assert {None, "", "VP Marketing", "vp of sales", "Director, Growth", "CEO"} <= titles
    assert 0.02 < accounts["employees"].null_count / accounts.num_rows < 0.09
    employees = pc.drop_null(accounts["employees"]).to_numpy()
    assert (employees >= 1).all() and 0.3 < ((employees >= 50) & (employees <= 500)).mean() < 0.7
    assert "SaaS" in accounts["industry"].to_pylist()
    stacks = pc.drop_null(accounts["tech_stack"]).to_pylist()
    tools = {t for stack in stacks for t in stack.split(";") if t}
    assert tools <= set(TECH_TOOLS) and {"salesforce", "segment"} <= tools
    assert "" in stacks and accounts["tech_stack"].null_count > 0
    assert people["country"].value_counts().to_pylist()  # non-empty
    # Zipf-ish account sizes: a few accounts hold many people
    sizes = pc.value_counts(pc.drop_null(people["account_id"])).field("counts").to_numpy()
    assert sizes.max() >= 20 * np.median(sizes)


def test_event_volume_and_skew(world: World) -> None:
    per_person = np.bincount(_index(world.events["person_id"]), minlength=PEOPLE)
    assert 22 < per_person.mean() < 28  # events_per_person = 25
    assert per_person.max() > 15 * np.median(per_person)  # a few very active people
    bigger = generate_world(WorldConfig(people=1_000, events_per_person=50))
    assert 45 < bigger.events.num_rows / 1_000 < 55


def test_activity_decays(world: World) -> None:
    ev = world.events
    logins = ev.filter(pc.equal(ev["event"], "login"))
    last = np.zeros(PEOPLE, dtype=np.int64)
    np.maximum.at(last, _index(logins["person_id"]), _seconds(logins["ts"]))
    created = _seconds(world.people["created_at"])
    end_s = int((world.end - datetime(1970, 1, 1)).total_seconds())
    old = created < end_s - 45 * 86_400
    inactive = end_s - last[old] > 14 * 86_400
    assert 0.5 < inactive.mean() < 0.97  # many, not all, drift away after a few weeks


def test_outcomes_follow_product_behaviour(world: World) -> None:
    positive = _positive(world)
    assert 0.04 < positive.mean() < 0.14
    opps = world.outcomes.filter(pc.equal(world.outcomes["outcome"], "opportunity_created"))
    assert 0.04 < opps.num_rows / PEOPLE < 0.12
    engaged = _did(world, "teammate_invited") & _did(world, "integration_connected")
    assert engaged.sum() > 50
    assert positive[engaged].mean() >= 2 * positive[~engaged].mean()
    # competitors explore the product but never buy
    emails = pc.fill_null(pc.utf8_lower(world.people["email"]), "")
    competitor = np.zeros(PEOPLE, dtype=bool)
    for domain in COMPETITOR_DOMAINS:
        competitor |= pc.ends_with(emails, "@" + domain).to_numpy(zero_copy_only=False)
    assert competitor.any() and not positive[competitor].any()
    # marketing-only engagement is weak evidence compared with product milestones
    checkout = _did(world, "checkout_started")
    assert positive[checkout].mean() > 3 * positive[~checkout].mean()


def _bursts(world: World, *, hours: int = 48, actions: int = 5) -> np.ndarray:
    ev = world.events
    key = ev.filter(pc.is_in(ev["event"], pa.array(KEY_ACTIONS)))
    p, t = _index(key["person_id"]), _seconds(key["ts"])
    order = np.lexsort((t, p))
    p, t = p[order], t[order]
    k = actions - 1
    hit = (p[k:] == p[:-k]) & (t[k:] - t[:-k] <= hours * 3600)
    return np.unique(p[:-k][hit])


def test_bursts_of_key_actions() -> None:
    small = generate_world(WorldConfig(people=2_000))
    bursting = _bursts(small)
    assert 10 < len(bursting) < 0.3 * 2_000
    positive = _positive(small)
    assert positive[bursting].mean() > 2 * positive.mean()


# ---- config -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs", [{"people": 0}, {"days": 0}, {"seed": -1}, {"events_per_person": -1.0}]
)
def test_invalid_config_is_a_config_error(kwargs: dict) -> None:
    with pytest.raises(ConfigError):
        WorldConfig(**kwargs)


def test_aware_start_is_normalised_to_naive_utc() -> None:
    aware = datetime(2026, 1, 5, 1, 0, tzinfo=timezone(timedelta(hours=1)))
    config = WorldConfig(people=10, start=aware)
    assert config.start == datetime(2026, 1, 5) and config.start.tzinfo is None
    w = generate_world(config)
    assert pc.min(w.people["created_at"]).as_py() >= datetime(2026, 1, 5)
