"""The model templates of the intent-data playbook: each scores its sample as documented.

For every template preset with a sample data set (``presets/samples/<name>.yaml``):

- ``leadscore init --preset <name>`` writes a project that validates and scores;
- the engine's scores of the sample equal the sample's ``expect`` block and the reference
  scorer's, person by person;
- the template's guide (``docs/templates/<name>.md``) shows the same outcome table;
- and the same for accounts, for templates with an ``accounts`` section.
"""

from __future__ import annotations

import math
import re
from datetime import datetime
from pathlib import Path

import pytest

from leadscore.compile.reason_codes import CODE_COLUMN, reason_codes
from leadscore.explain.reasons import reasons_from_codes, top_reasons
from leadscore.project import Project
from leadscore.samples import load_sample, sample_names
from leadscore.scaffold import init_project, preset_names
from leadscore.testing.reference import reference_account_scores, reference_score

END = datetime(2026, 3, 1, 12, 0)
DOCS = Path(__file__).resolve().parents[1] / "docs" / "templates"
TEMPLATES = sample_names()


def test_every_template_is_a_preset_with_a_guide() -> None:
    assert len(TEMPLATES) >= 6
    assert set(TEMPLATES) <= set(preset_names())
    assert sorted(p.stem for p in DOCS.glob("*.md") if p.stem != "index") == TEMPLATES


@pytest.fixture(scope="module", params=TEMPLATES)
def scored(request, tmp_path_factory) -> tuple[str, Project, dict[str, dict]]:
    name = request.param
    directory = tmp_path_factory.mktemp(name)
    init_project(directory, preset=name, end=END)
    project = Project.load(directory)
    assert not [d for d in project.validate() if d.severity == "error"]
    result = project.score(as_of=END)
    rows = {row["person_id"]: row for row in result.table.to_pylist()}
    accounts = ({} if result.accounts is None else
                {row["account_id"]: row for row in result.accounts.to_pylist()})
    yield name, project, rows, accounts
    project.close()


def _same(expected, actual) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return actual is not None and math.isclose(actual, expected, abs_tol=0.05)
    return expected == actual


def test_sample_scores_as_expected(scored) -> None:
    name, _, rows, accounts = scored
    sample = load_sample(name)
    assert set(sample.expect_accounts) == set(accounts)
    for account, expected in sample.expect_accounts.items():
        for column, value in expected.items():
            assert _same(value, accounts[account][column]), (name, account, column)
    assert set(sample.expect) == set(rows), "every sample person has an expectation"
    for person, expected in sample.expect.items():
        for column, value in expected.items():
            assert _same(value, rows[person][column]), (name, person, column, rows[person][column])


def test_engine_agrees_with_the_reference(scored) -> None:
    name, project, rows, accounts = scored
    tables = load_sample(name).rows(END)
    if project.loaded.model.accounts is not None:
        expected = reference_account_scores(project.loaded.model, tables["people"],
                                            tables["accounts"], tables["events"], END)
        assert set(expected) == set(accounts)
        for account, score in expected.items():
            for column in ("people", "fit", "behavior", "total"):
                assert math.isclose(accounts[account][column], getattr(score, column),
                                    abs_tol=1e-6), (account, column)
            assert accounts[account]["status"] == score.status, account
    reference = reference_score(project.loaded.model, tables["people"], tables["accounts"],
                                tables["events"], END)
    for person, score in reference.items():
        row = rows[person]
        for column in ("fit", "behavior", "total"):
            assert math.isclose(row[column], getattr(score, column), abs_tol=1e-6), (person, column)
        assert (row["status"], row["intent_tier"]) == (score.status, score.intent_tier), person


def test_reasons_equal_the_ranking_of_every_contribution(scored) -> None:
    # `score` words the reasons from a reason code or the engine's ranking
    # (compile/reason_codes.py, compile/reason_ranks.py); explain ranks every contribution.
    _, project, rows, _ = scored
    compiled = project.compiled()
    table = project.engine.execute(compiled.expr, compiled.params(END))
    explained = top_reasons(project.loaded.model, table).to_pylist()
    for person, reasons in zip(table["person_id"].to_pylist(), explained, strict=True):
        assert rows[person]["reasons"] == reasons, person
    # And the code lists every positive point the compiler gave (else score fell back).
    layout = reason_codes(project.loaded.model)
    if layout is not None:
        _, expr = project.scoring_query()
        coded = project.engine.execute(expr, compiled.params(END))
        assert reasons_from_codes(project.loaded.model, layout, coded[CODE_COLUMN]) is not None


def _outcome_table(page: Path, marker: str = "<!-- outcome -->") -> list[dict[str, str]]:
    text = page.read_text(encoding="utf-8")
    if marker not in text:
        return []
    block = text.split(marker, 1)[1].strip().splitlines()
    lines = [line for line in block[: next((i for i, line in enumerate(block)
                                            if not line.startswith("|")), len(block))]]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return [dict(zip(header, (c.strip().strip("`") for c in line.strip("|").split("|")),
                     strict=True)) for line in lines[2:]]


def test_guide_shows_the_outcome(scored) -> None:
    name, _, rows, accounts = scored
    page = DOCS / f"{name}.md"
    text = page.read_text(encoding="utf-8")
    assert f"leadscore init acme --preset {name}" in text
    tables = [("person", _outcome_table(page), rows)]
    if accounts:
        tables.append(("account", _outcome_table(page, "<!-- outcome: accounts -->"), accounts))
    for key, table, actual_rows in tables:
        assert {row[key] for row in table} == set(actual_rows), (name, key)
        for row in table:
            actual = actual_rows[row[key]]
            for column, shown in row.items():
                if column == key:
                    continue
                value = actual[column]
                if isinstance(value, float):
                    assert shown == f"{value:.1f}", (name, row[key], column, value)
                else:
                    assert shown == ("—" if value is None else str(value)), (name, row, column)


def test_template_headers_cite_the_playbook() -> None:
    for name in TEMPLATES:
        text = (Path(__file__).resolve().parents[1] / "src" / "leadscore" / "presets" /
                f"{name}.yaml").read_text(encoding="utf-8")
        assert re.match(r"# Template \d of the intent-data playbook", text), name
        assert f"docs/templates/{name}.md" in text, name
