"""Amplitude, Mixpanel and PostHog exports (fixtures hand-written from the vendors' docs)."""

from datetime import datetime

import pytest


@pytest.fixture(scope="module")
def vendors(tmp_path_factory):
    from tests.ingest.conftest import Proj

    proj = Proj(tmp_path_factory.mktemp("vendors") / "project", [
        {"name": "amp", "format": "amplitude", "path": "amplitude/*.jsonl"},
        {"name": "mp", "format": "mixpanel", "path": "mixpanel/*.jsonl"},
        {"name": "ph", "format": "posthog", "path": "posthog/*.jsonl"},
    ])
    proj.report = proj.ingest()
    return proj


def _counts(proj, name):
    return next(s for s in proj.report.sources if s.name == name).counts


def test_amplitude(vendors):
    counts = _counts(vendors, "amp")
    assert (counts.read, counts.loaded, counts.duplicates) == (4, 3, 1)  # $insert_id repeated
    rows = vendors.sql("SELECT event_id, person_id, anonymous_id, event, ts FROM ls_events "
                       "WHERE source = 'amp' ORDER BY event_id")
    assert rows == [
        ("amp-ins-1", "amp-user-1", "dev-1", "onboarding_completed",
         datetime(2024, 3, 1, 10, 15, 0, 123000)),
        ("amp-ins-2", None, "dev-2", "core_feature_used", datetime(2024, 3, 1, 11, 0)),
    ]
    # $identify without $insert_id falls back to uuid; it links dev-2 and carries traits.
    assert vendors.one("SELECT anonymous_id || '>' || user_id FROM ls_identities "
                       "WHERE source = 'amp' AND kind = 'identify'") == "dev-2>amp-user-2"
    assert vendors.one("SELECT group_id FROM ls_identities WHERE source = 'amp' AND "
                       "kind = 'group'") == "acme-co"
    assert vendors.one("SELECT title FROM ls_people WHERE person_id = 'amp-user-2'") == "CTO"


def test_mixpanel(vendors):
    rows = vendors.sql("SELECT event_id, person_id, anonymous_id, event, ts FROM ls_events "
                       "WHERE source = 'mp' ORDER BY event_id")
    assert rows == [
        ("mp-ins-1", "mp-user-1", "mp-dev-1", "Signed up", datetime(2024, 3, 1, 10, 0)),
        ("mp-ins-2", None, "mp-dev-2", "Viewed pricing", datetime(2024, 3, 1, 11, 0)),
        # `time` in milliseconds is recognised (> 1e11)
        ("mp-ins-4", "mp-user-2", None, "Invited teammate", datetime(2024, 3, 1, 13, 0)),
    ]
    assert vendors.one("SELECT anonymous_id || '>' || user_id FROM ls_identities "
                       "WHERE event_id = 'mp-ins-3'") == "mp-dev-2>mp-user-2"


def test_posthog(vendors):
    rows = vendors.sql("SELECT person_id, anonymous_id, event, ts FROM ls_events "
                       "WHERE source = 'ph' ORDER BY ts")
    assert rows == [
        # 09:20+01:00 converted to UTC
        ("ph-user-1", None, "integration_connected", datetime(2024, 3, 1, 8, 20)),
        (None, "ph-anon-1", "$pageview", datetime(2024, 3, 1, 9, 0)),
    ]
    assert vendors.one("SELECT anonymous_id FROM ls_identities WHERE source = 'ph' "
                       "AND kind = 'identify'") == "ph-anon-1"
    assert vendors.one("SELECT account_id FROM ls_people WHERE person_id = 'ph-user-1'") == \
        "hooli"
    assert vendors.one("SELECT email FROM ls_people WHERE person_id = 'ph-user-1'") == \
        "grace@hooli.com"
