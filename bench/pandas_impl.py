"""The product-led preset written in pandas, the way a competent analyst would write it.

Straightforward on purpose: read the Parquet files, filter, merge, one boolean column per rule,
``groupby().sum()`` / ``max()``, and ``shift`` within each person's key events for the velocity
burst. No chunking, no categorical tricks, no numba — this is the baseline a user would compare
leadscore against. It implements ``docs/semantics.md`` for ``presets/product-led.yaml`` only;
bench/score.py checks its output equals leadscore's.

    .venv/bin/python bench/pandas_impl.py bench/data/world_1000000/data 2026-05-05T00:00:00
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd

PERSONAL = {"gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "outlook.com", "hotmail.com",
            "live.com", "msn.com", "icloud.com", "me.com", "aol.com", "proton.me",
            "protonmail.com", "gmx.com", "gmx.de", "web.de", "mail.com", "yandex.com", "zoho.com",
            "qq.com", "163.com"}
COMPETITORS = {"rivalscore.io", "leadrival.com", "scorehub.com"}
SENIOR = r"\b(?:vp|vice president|director|head of|chief|c[etmorf]o|founder|owner|president)\b"
KEY_ACTIONS = ["onboarding_completed", "core_feature_used", "integration_connected",
               "teammate_invited", "pricing_page_viewed", "checkout_started"]
DAY = pd.Timedelta(days=1)


def _text(column: pd.Series) -> pd.Series:
    """Trimmed, lower-cased text; blank strings are missing."""
    text = column.str.strip().str.lower()
    return text.where(text != "")


def fit_scores(people: pd.DataFrame, accounts: pd.DataFrame) -> pd.Series:
    """Fit points per person (index: person_id), clamped to [0, 50]."""
    df = people.merge(accounts.rename(columns=lambda c: f"a_{c}"), how="left",
                      left_on="account_id", right_on="a_account_id")
    points = pd.Series(0.0, index=df.index)

    employees = df["a_employees"]
    points += np.select([employees.between(50, 500),
                         employees.between(25, 49) | employees.between(501, 1000)], [15, 8], 0)

    industry = _text(df["a_industry"])
    points += np.select([industry.isin(["saas", "software", "technology"]),
                         industry.isin(["fintech", "marketing", "e-commerce"])], [10, 5], 0)

    title = _text(df["title"])
    senior = title.str.contains(SENIOR, regex=True, na=False)
    manager = title.str.contains(r"\bmanager\b", regex=True, na=False)
    points += np.select([title.isna(), senior, manager], [0, 10, 6], 2)

    stack = _text(df["a_tech_stack"]).fillna("")
    points += np.select([stack.str.contains("salesforce") | stack.str.contains("hubspot"),
                         stack.str.contains("segment") | stack.str.contains("snowflake")
                         | stack.str.contains("slack")], [8, 4], 0)

    country = _text(df["a_country"])
    points += np.select([country.isin(["us", "ca"]),
                         country.isin(["gb", "ie", "de", "fr", "nl", "se", "dk", "au"])], [7, 4], 0)

    domain = df["email"].str.extract(r"@([^@\s]+)\s*$", expand=False).str.lower()
    points += np.where(domain.isin(COMPETITORS), -30, 0)
    points += np.where(domain.isin(PERSONAL), -15, 0)
    points += np.where(domain.str.contains(r"\.edu$|\.ac\.[a-z]{2}$", regex=True, na=False), -10, 0)

    return pd.Series(points.clip(0, 50).to_numpy(), index=df["person_id"].to_numpy())


def score(data: Path, as_of: datetime) -> pd.DataFrame:
    """person_id, fit, behavior, total, status, fit_tier, intent_tier, matrix."""
    T = pd.Timestamp(as_of)
    people = pd.read_parquet(data / "people.parquet")
    accounts = pd.read_parquet(data / "accounts.parquet")
    events = pd.read_parquet(data / "events.parquet", columns=[
        "person_id", "event", "ts", "progress", "logged_in", "features_used"])

    account_id = people["account_id"].str.strip()
    people["account_id"] = account_id.where(account_id != "")
    people = people[people["person_id"].notna()
                    & (people["created_at"].isna() | (people["created_at"] <= T))]
    fit = fit_scores(people, accounts)

    # Visible events of scored people, with the sign-up time for first-N-days windows.
    events = events[events["ts"] <= T]
    events = events.merge(people[["person_id", "created_at"]], on="person_id")
    name, ts = events["event"], events["ts"]
    since_signup = ts - events["created_at"]

    def first(days: int) -> pd.Series:
        return (since_signup >= pd.Timedelta(0)) & (since_signup < days * DAY)

    flags = pd.DataFrame({
        "person_id": events["person_id"],
        "core_feature": (name == "core_feature_used") & first(14),
        "integration": name == "integration_connected",
        "invites": name == "teammate_invited",
        "pricing_in": (name == "pricing_page_viewed") & events["logged_in"].eq(True),
        "pricing_anon": (name == "pricing_page_viewed") & events["logged_in"].eq(False),
        "checkout": name == "checkout_started",
        "premium": name == "premium_feature_used",
        "export": name.isin(["data_exported", "report_generated"]),
        "logins_week_one": (name == "login") & first(7),
        "deep_sessions": (name == "session_ended") & (events["features_used"] >= 3),
        "unsubscribed": name == "email_unsubscribed",
        "downgraded": name == "plan_downgraded",
    })
    counts = flags.groupby("person_id").sum()
    onboarding = events[name == "onboarding_progress"].groupby("person_id")["progress"].max()
    last_login = events[name == "login"].groupby("person_id")["ts"].max()
    last_event = events.groupby("person_id")["ts"].max()

    # Velocity: 5 key actions within 48 hours <=> the 4th next key action is < 48 h later.
    key = events.loc[name.isin(KEY_ACTIONS), ["person_id", "ts"]].sort_values(["person_id", "ts"])
    ahead = key.groupby("person_id")["ts"].shift(-4)
    burst_people = key.loc[(ahead - key["ts"]) < pd.Timedelta(hours=48), "person_id"].unique()

    df = people[["person_id", "created_at"]].set_index("person_id")
    df["fit"] = fit
    df = df.join(counts).join(onboarding.rename("onboarding")).join(
        last_login.rename("last_login")).join(last_event.rename("last_event"))
    df[counts.columns] = df[counts.columns].fillna(0)
    onboard = df["onboarding"].fillna(0)

    rules = (np.select([onboard >= 1.0, onboard >= 0.5], [15, 8], 0)
             + np.where(df["core_feature"] >= 3, 20, 0)
             + np.where(df["integration"] >= 1, 15, 0)
             + np.select([df["invites"] >= 2, df["invites"] >= 1], [15, 10], 0)
             + np.select([df["pricing_in"] >= 1, df["pricing_anon"] >= 1], [10, 3], 0)
             + np.where(df["checkout"] >= 1, 15, 0)
             + np.where(df["premium"] >= 1, 8, 0)
             + np.where(df["export"] >= 1, 5, 0)
             + np.select([df["logins_week_one"] >= 5, df["logins_week_one"] >= 3,
                          df["logins_week_one"] >= 1], [10, 5, 2], 0)
             + np.where(df["deep_sessions"] >= 1, 5, 0)
             + np.where(df["unsubscribed"] >= 1, -5, 0)
             + np.where(df["downgraded"] >= 1, -8, 0))
    # Inactivity: -10 per full 14 days since the last login (or sign-up, whichever is later).
    since = df[["last_login", "created_at"]].max(axis=1)
    periods = np.floor((T - since).dt.total_seconds() / (14 * 86400)).fillna(0)
    rules = rules - 10 * periods

    raw = np.minimum(rules, 100) + np.where(df.index.isin(burst_people), 25, 0)

    # Linear decay: -10 per full 30 days since the last event (or sign-up), floor 5, min 0.
    last = df[["last_event", "created_at"]].max(axis=1)
    inactive = (T - last).dt.total_seconds().clip(lower=0)
    decayed = raw - 10 * np.floor(inactive / (30 * 86400)).fillna(0)
    behavior = np.where(raw > 5, np.maximum(decayed, 5), raw)
    behavior = np.maximum(behavior, 0.0)

    out = pd.DataFrame({"person_id": df.index, "fit": df["fit"].to_numpy(dtype=float),
                        "behavior": np.asarray(behavior, dtype=float)})
    out["total"] = out["fit"] + out["behavior"]
    out["status"] = np.where((out["total"] >= 80) & (out["fit"] >= 15) & (out["behavior"] >= 40),
                             "PQL", None)
    fit_band = np.select([out["fit"] >= 35, out["fit"] >= 20], [0, 1], 2)
    intent_band = np.select([out["behavior"] >= 60, out["behavior"] >= 30], [0, 1], 2)
    out["fit_tier"] = np.array(["strong", "moderate", "weak"])[fit_band]
    out["intent_tier"] = np.array(["high", "medium", "low"])[intent_band]
    out["matrix"] = np.array(["A", "B", "C"])[fit_band] + (intent_band + 1).astype(str)
    return out


if __name__ == "__main__":
    result = score(Path(sys.argv[1]), datetime.fromisoformat(sys.argv[2]))
    print(result.head(10).to_string())
