"""How `score` plans the passes over the events, from the event counts validation reads.

A model that decays by inactivity over every event reads each person's latest event of any
kind; when the events its rules name are a small share of all events, the latest event comes
from a pass of its own and the rules' pass reads the named events only. The scores are the same
either way (tests/test_engine_vs_reference.py checks both plans against the reference scorer).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow.compute as pc
import pytest

from leadscore.compile.events import named_events
from leadscore.project import EVERY_EVENT_APART_BELOW, Project
from leadscore.scaffold import init_project

END = datetime(2026, 3, 1)


@pytest.fixture()
def project(tmp_path: Path):
    init_project(tmp_path, people=150, end=END)
    project = Project.load(tmp_path)
    yield project
    project.close()


def test_event_counts_are_the_rows_per_name(project: Project) -> None:
    events = project.engine.execute(project.tables.events.select("event"))
    expected = {row["values"]: row["counts"]
                for row in pc.value_counts(events["event"]).to_pylist()}
    assert project.event_counts == expected
    assert project.event_names == frozenset(expected)


def test_every_event_is_read_apart_below_the_named_share(project: Project) -> None:
    named = set(named_events(project.loaded.model))
    assert named, "the product-led preset names its events"
    unnamed = {"page_viewed": 0}

    def plan(named_rows: int, other_rows: int) -> bool:
        project.__dict__["event_counts"] = {**{n: named_rows for n in named},
                                            **{e: other_rows for e in unnamed}}
        return project._every_event_apart

    share = EVERY_EVENT_APART_BELOW
    total_named = len(named)
    # named / (named + other) just under and just over the threshold
    assert plan(1_000, round(total_named * 1_000 * (1 / (share - 0.01) - 1)))
    assert not plan(1_000, round(total_named * 1_000 * (1 / (share + 0.01) - 1)))
    assert not plan(1_000, 0)


def test_both_plans_give_the_same_scores(project: Project) -> None:
    results = []
    for apart in (False, True):
        compiled = project.compiled(detail=False, every_event_apart=apart)
        data = project.engine.execute(compiled.expr, compiled.params(END))
        results.append(data.sort_by("person_id").to_pylist())
    assert results[0] == results[1]
    assert len(results[0]) == 150
