"""Executable documentation: every example in docs/model-reference.md and docs/project.md runs.

Conventions (a *marker* is a one-line HTML comment, ``<!-- key: value; key: value -->``, on the
nearest non-blank line before a ```yaml fence or a markdown table; it does not render):

docs/model-reference.md
  * A ```yaml block whose first line that is not a comment starts with ``name:`` is a complete
    model and must load with :func:`leadscore.spec.loader.load_model_text`, without warnings.
  * Any other ```yaml block must carry ``<!-- fragment: PATH -->``. The block is embedded into
    :data:`HOST`, a small valid model, before loading: ``PATH`` is a dotted place
    (``behavior.rules``, ``fit.rules``, ``behavior.velocity``, ``behavior.decay``, ``metrics``,
    ``lists``, ``statuses``, ``tiers``, ``total``, ``fit``, ``behavior``) whose value the block
    replaces, or ``top``: each top-level key of the block replaces the host's. Fragments may use
    what the host defines: lists ``personal_email_domains`` and ``competitor_domains``; metrics
    ``active_days_7d``, ``seats_added_14d`` and ``high_intent_7d``; fit rule ``company_size``;
    behavior rules ``onboarding``, ``invites`` and ``integration``.
  * Add ``; invalid: LS201`` (comma-separated codes) to a marker when the block must be rejected:
    loading raises :class:`SpecError` whose error codes are exactly those. ``; warning: LS205``
    means it loads and the warnings are exactly those.
  * Worked examples: ``<!-- example: NAME; model -->`` before a complete-model block (or the
    standalone ``<!-- example: NAME; model: preset product-led -->``), ``<!-- example: NAME;
    as_of: 2024-03-10 12:00 -->``, ``<!-- example: NAME; table: people|accounts|events -->``
    before a markdown table of rows, and ``<!-- example: NAME; expect -->`` before a table whose
    first two columns are an output column and its value. The example is scored on DuckDB and
    every expected value is asserted. Cells: empty → missing, ``true``/``false`` → booleans,
    numbers → floats, ``YYYY-MM-DD HH:MM[:SS]`` → timestamps (UTC), backticks are stripped.
  * ``<!-- codes -->`` marks the diagnostics table: each row's example message must be exactly
    the message that :data:`TRIGGERS` produces for that code, and the table lists every code of
    :mod:`leadscore.spec.diagnostics`.

docs/project.md
  * Every ```yaml block parses as a complete project file (:class:`ProjectConfig`); the one marked
    ``<!-- crm-example -->`` is also scored end to end on CSV / JSON-lines files.

Both pages must mention every key of the pydantic models they document and every CLI option.
"""

from __future__ import annotations

import copy
import inspect
import json
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import typer.main
from pydantic import BaseModel
from ruamel.yaml import YAML
from typer.testing import CliRunner

from leadscore import config as config_module
from leadscore.cli import app, main
from leadscore.compile.assemble import compile_scores
from leadscore.compile.tables import ScoringTables
from leadscore.config import ProjectConfig
from leadscore.engines.capabilities import check_capabilities
from leadscore.engines.registry import capabilities
from leadscore.errors import SpecError
from leadscore.project import Project, utc_now
from leadscore.scaffold import preset_text
from leadscore.spec import diagnostics as diagnostics_module
from leadscore.spec import model as spec_model
from leadscore.spec.diagnostics import Diagnostic
from leadscore.spec.loader import load_model_text
from leadscore.spec.semantic import DataSchema, check_against_data

DOCS = Path(__file__).resolve().parents[1] / "docs"
REFERENCE = DOCS / "model-reference.md"
PROJECT = DOCS / "project.md"

# ---------------------------------------------------------------------------------------------
# Reading the markdown
# ---------------------------------------------------------------------------------------------

_MARKER = re.compile(r"^<!--\s*(.*?)\s*-->$")


@dataclass
class Item:
    """A ```yaml block, a markdown table or a standalone marker, with the marker before it."""

    kind: str  # "yaml" | "table" | "marker"
    line: int
    marker: dict[str, str] = field(default_factory=dict)
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"line {self.line}"


def _directives(text: str) -> dict[str, str]:
    out = {}
    for part in text.split(";"):
        key, _, value = part.partition(":")
        if key.strip():
            out[key.strip()] = value.strip()
    return out


def _cells(line: str) -> list[str]:
    parts = re.split(r"(?<!\\)\|", line.strip())[1:-1]
    return [p.strip().replace("\\|", "|") for p in parts]


def parse_markdown(path: Path) -> list[Item]:
    lines = path.read_text(encoding="utf-8").splitlines()
    items: list[Item] = []
    previous: dict[str, str] | None = None  # marker on the nearest non-blank line
    i = 0
    while i < len(lines):
        stripped = lines[i].strip()
        if stripped.startswith("<!--") and not stripped.endswith("-->"):
            while i < len(lines) and "-->" not in lines[i]:  # a multi-line comment
                i += 1
            i += 1
            previous = None
            continue
        if not stripped:
            i += 1
            continue
        marker = _MARKER.match(stripped)
        if marker:
            previous = _directives(marker.group(1))
            items.append(Item("marker", i + 1, previous))
            i += 1
            continue
        if stripped.startswith("```"):
            language = stripped[3:].strip()
            start = i + 1
            i += 1
            while not lines[i].strip().startswith("```"):
                i += 1
            if language == "yaml":
                items.append(Item("yaml", start, previous or {}, "\n".join(lines[start:i]) + "\n"))
            i += 1
            previous = None
            continue
        if stripped.startswith("|"):
            start = i + 1
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            assert len(rows) >= 2 and set("".join(rows[1])) <= set("-: "), f"table at {start}"
            items.append(Item("table", start, previous or {}, rows=[rows[0], *rows[2:]]))
            previous = None
            continue
        previous = None
        i += 1
    return items


REFERENCE_ITEMS = parse_markdown(REFERENCE)
PROJECT_ITEMS = parse_markdown(PROJECT)


def _is_complete(text: str) -> bool:
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line.startswith("name:")
    return False


def _codes(value: str | None) -> set[str]:
    return {c.strip() for c in (value or "").split(",") if c.strip()}


# ---------------------------------------------------------------------------------------------
# model-reference.md: every yaml block
# ---------------------------------------------------------------------------------------------

HOST: dict[str, Any] = {
    "name": "fragment-host",
    "lists": {"personal_email_domains": ["gmail.com", "yahoo.com"],
              "competitor_domains": ["rivalscore.io"]},
    "metrics": {
        "active_days_7d": {"event": "login", "window": "7d", "measure": "distinct_days"},
        "seats_added_14d": {"event": "seat_added", "window": "14d"},
        "high_intent_7d": {"event": ["pricing_page_viewed", "demo_requested"], "window": "7d"},
    },
    "fit": {"rules": [{"id": "company_size", "field": "account.employees",
                       "cases": [{"between": [50, 500], "points": 50}]}]},
    "behavior": {"rules": [
        {"id": "onboarding", "event": "onboarding_completed", "points": 15},
        {"id": "invites", "event": "teammate_invited", "tiers": [{"min": 1, "points": 10}]},
        {"id": "integration", "event": "integration_connected", "points": 15},
    ]},
}
"""The model a fragment is embedded into (valid on its own, no warnings)."""


def embed(fragment: Any, place: str) -> dict[str, Any]:
    data = copy.deepcopy(HOST)
    if place == "top":
        assert isinstance(fragment, dict), "a `top` fragment is a mapping of sections"
        data.update(fragment)
        return data
    *parents, last = place.split(".")
    node = data
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = fragment
    return data


def _dump(data: Any) -> str:
    from io import StringIO

    out = StringIO()
    YAML(typ="safe").dump(data, out)
    return out.getvalue()


def _load(text: str) -> tuple[set[str], set[str]]:
    """(error codes, warning codes) of loading ``text``."""
    try:
        loaded = load_model_text(text)
    except SpecError as exc:
        return ({d.code for d in exc.diagnostics if d.severity == "error"},
                {d.code for d in exc.diagnostics if d.severity == "warning"})
    return set(), {d.code for d in loaded.diagnostics}


YAML_BLOCKS = [item for item in REFERENCE_ITEMS if item.kind == "yaml"]


def test_the_reference_has_examples() -> None:
    assert len(YAML_BLOCKS) >= 20
    assert sum("fragment" not in b.marker for b in YAML_BLOCKS) >= 3


@pytest.mark.parametrize("block", YAML_BLOCKS, ids=[b.where for b in YAML_BLOCKS])
def test_reference_yaml_block(block: Item) -> None:
    marker = block.marker
    if "fragment" in marker:
        fragment = YAML(typ="safe").load(block.text)
        text = _dump(embed(fragment, marker["fragment"]))
    else:
        assert _is_complete(block.text), (
            f"{REFERENCE.name} {block.where}: a yaml block must be a complete model (start with "
            "`name:`) or carry a `<!-- fragment: PATH -->` marker")
        text = block.text
    errors, warnings = _load(text)
    expected_errors = _codes(marker.get("invalid"))
    expected_warnings = _codes(marker.get("warning"))
    assert errors == expected_errors, (
        f"{block.where}: errors {errors}, documented {expected_errors}")
    if not expected_errors:
        assert warnings == expected_warnings, f"{block.where}: warnings {warnings}"


def test_invalid_examples_carry_their_diagnostics() -> None:
    """The documented invalid examples, checked through SpecError.diagnostics directly."""
    invalid = [b for b in YAML_BLOCKS if "invalid" in b.marker]
    assert len(invalid) >= 2
    for block in invalid:
        fragment = YAML(typ="safe").load(block.text)
        with pytest.raises(SpecError) as caught:
            load_model_text(_dump(embed(fragment, block.marker["fragment"])))
        diagnostics = caught.value.diagnostics
        assert {d.code for d in diagnostics} == _codes(block.marker["invalid"])
        assert all(d.line is not None and d.message and d.path for d in diagnostics)


# ---------------------------------------------------------------------------------------------
# model-reference.md: worked examples, scored on DuckDB
# ---------------------------------------------------------------------------------------------

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?$")
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def cell(text: str) -> Any:
    text = text.strip().strip("`")
    if text == "":
        return None
    if text in ("true", "false"):
        return text == "true"
    if _NUMBER.match(text):
        return float(text)
    if _TIMESTAMP.match(text):
        return datetime.fromisoformat(text)
    return text


@dataclass
class Example:
    model_text: str | None = None
    preset: str | None = None
    as_of: datetime | None = None
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    expect: dict[str, Any] = field(default_factory=dict)


def collect_examples(items: list[Item]) -> dict[str, Example]:
    examples: dict[str, Example] = {}
    for item in items:
        marker = item.marker
        name = marker.get("example")
        if not name or (item.kind == "marker" and not ({"as_of", "model"} & set(marker))):
            continue
        example = examples.setdefault(name, Example())
        if item.kind == "yaml" and "model" in marker:
            example.model_text = item.text
        elif item.kind == "marker" and marker.get("model", "").startswith("preset "):
            example.preset = marker["model"].removeprefix("preset ").strip()
        elif item.kind == "marker" and "as_of" in marker:
            example.as_of = datetime.fromisoformat(marker["as_of"])
        elif item.kind == "table" and "table" in marker:
            header = [cell(h) for h in item.rows[0]]
            example.tables[marker["table"]] = [
                dict(zip(header, (cell(c) for c in row), strict=True)) for row in item.rows[1:]]
        elif item.kind == "table" and "expect" in marker:
            for row in item.rows[1:]:
                example.expect[str(cell(row[0]))] = cell(row[1])
    return examples


EXAMPLES = collect_examples(REFERENCE_ITEMS)


def score_example(example: Example) -> dict[str, Any]:
    text = example.model_text if example.model_text is not None else preset_text(example.preset)
    model = load_model_text(text).model
    tables = {name: ibis.memtable(pa.Table.from_pylist(rows))
              for name, rows in example.tables.items()}
    compiled = compile_scores(ScoringTables(people=tables["people"],
                                            accounts=tables.get("accounts"),
                                            events=tables.get("events")), model)
    rows = ibis.duckdb.connect().to_pyarrow(
        compiled.expr, params=compiled.params(example.as_of)).to_pylist()
    assert len(rows) == 1
    return rows[0]


def test_the_methodology_examples_are_documented() -> None:
    assert set(EXAMPLES) == {"vp", "decay", "velocity"}
    vp, decay, velocity = EXAMPLES["vp"], EXAMPLES["decay"], EXAMPLES["velocity"]
    assert vp.preset == "product-led"
    assert {k: vp.expect[k] for k in ("fit", "behavior", "total", "status")} == {
        "fit": 50, "behavior": 100, "total": 150, "status": "PQL"}
    assert {k: decay.expect[k] for k in ("behavior_raw", "inactive_days", "behavior")} == {
        "behavior_raw": 70, "inactive_days": 75, "behavior": 50}
    assert "floor: 5" in (decay.model_text or "")
    assert velocity.expect["v__rush"] == 15
    assert "multiplier: 0.5" in (velocity.model_text or "")


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_worked_example_scores_as_documented(name: str) -> None:
    example = EXAMPLES[name]
    assert example.as_of is not None and "people" in example.tables and example.expect
    row = score_example(example)
    for column, expected in example.expect.items():
        assert column in row, f"{name}: no output column {column}"
        if isinstance(expected, float):
            assert row[column] == pytest.approx(expected, abs=1e-9), f"{name}: {column}"
        else:
            assert row[column] == expected, f"{name}: {column}"


# ---------------------------------------------------------------------------------------------
# model-reference.md: the diagnostics table
# ---------------------------------------------------------------------------------------------


def _raised(text: str) -> list[Diagnostic]:
    try:
        return list(load_model_text(text).diagnostics)
    except SpecError as exc:
        return exc.diagnostics


def _data_checks() -> list[Diagnostic]:
    model = load_model_text(
        "name: x\n"
        "fit:\n  rules:\n"
        "    - {id: size, field: account.employes, cases: [{min: 50, points: 15}]}\n"
        "behavior:\n  rules:\n"
        "    - {id: invites, event: teammate_invite, points: 10}\n").model
    schema = DataSchema(people=frozenset({"person_id", "title"}),
                        accounts=frozenset({"account_id", "employees"}),
                        events=frozenset({"person_id", "event", "ts"}),
                        event_names=frozenset({"teammate_invited"}))
    return check_against_data(model, schema)


TRIGGERS = {
    "LS001": lambda: _raised("name: x\nfit:\n  rules:\n    - id: size\n      label: Size: n\n"),
    "LS002": lambda: _raised("name: x\nfit: {}\nfit: {}\n"),
    "LS003": lambda: _raised("just a string\n"),
    "LS100": lambda: _raised(
        "name: x\nbehavior:\n  rules:\n    - {id: invites, event: teammate_invited, pionts: 10}\n"),
    "LS101": lambda: _raised(
        "name: x\nfit:\n  rules:\n    - {id: size, cases: [{between: [50, 500], points: 15}]}\n"),
    "LS102": lambda: _raised("name: x\nbehavior:\n  max: lots\n"),
    "LS103": lambda: _raised(
        "name: x\nbehavior:\n  rules:\n    - {id: logins, event: login, window: 14, points: 5}\n"),
    "LS200": lambda: _raised(
        "name: x\nbehavior:\n  rules:\n"
        "    - {id: pricing, event: pricing_page_viewed, points: 10}\n"
        "    - {id: pricing, event: checkout_started, points: 15}\n"),
    "LS201": lambda: _raised("name: x\nstatuses:\n  - {name: PQL, when: 'totl >= 80'}\n"),
    "LS202": lambda: _raised(
        "name: x\nbehavior:\n  rules:\n    - {id: invites, event: teammate_invited, points: 10}\n"
        "  velocity:\n    - {id: rush, events: [teammate_invited], min_count: 2, within: 1h,"
        " multiplier: 0.5, of: [invite]}\n"),
    "LS203": lambda: _raised(
        "name: x\nfit:\n  rules:\n    - {id: personal, field: email_domain,"
        " cases: [{in_list: free_mail, points: -15}]}\n"),
    "LS204": lambda: _raised(
        "name: x\ntiers:\n  fit: [{name: weak, min: 0}, {name: strong, min: 35}]\n"),
    "LS205": lambda: _raised(
        "name: x\nfit:\n  max: 50\n  rules:\n"
        "    - {id: size, field: account.employees, cases: [{min: 50, points: 60}]}\n"
        "statuses:\n  - {name: PQL, when: 'fit >= 60'}\n"),
    "LS206": lambda: _raised("name: x\nfit: {min: 50, max: 0}\n"),
    "LS300": _data_checks,
    "LS301": _data_checks,
    "LS401": lambda: check_capabilities(load_model_text(
        "name: x\nfit:\n  rules:\n    - {id: vp, field: title,"
        " cases: [{matches: '(?i)vp', points: 10}]}\n").model, capabilities("postgres")),
}


def _codes_table() -> list[list[str]]:
    tables = [item for item in REFERENCE_ITEMS if item.kind == "table" and "codes" in item.marker]
    assert len(tables) == 1, "exactly one table is marked <!-- codes -->"
    return tables[0].rows[1:]


def test_every_diagnostic_code_is_documented() -> None:
    documented = [row[0].strip("`") for row in _codes_table()]
    defined = re.findall(r"^(LS\d{3})\s", inspect.getdoc(diagnostics_module) or "", re.MULTILINE)
    assert documented == defined


@pytest.mark.parametrize("row", _codes_table(), ids=lambda row: row[0].strip("`"))
def test_documented_diagnostic_message(row: list[str]) -> None:
    code, severity, message = row[0].strip("`"), row[1], row[3].strip("`")
    produced = [d for d in TRIGGERS[code]() if d.code == code]
    assert message in [d.message for d in produced], [d.message for d in produced]
    documented = {d.severity for d in produced if d.message == message}
    assert documented <= {s for s in ("error", "warning") if s in severity}


# ---------------------------------------------------------------------------------------------
# Every key and option is documented
# ---------------------------------------------------------------------------------------------


def _keys(module: Any) -> set[str]:
    keys = set()
    for _, cls in inspect.getmembers(module, inspect.isclass):
        if issubclass(cls, BaseModel) and cls.__module__ == module.__name__:
            for name, info in cls.model_fields.items():
                if name != "kind":
                    keys.add(info.alias or name)
    return keys


@pytest.mark.parametrize(("page", "module"), [(REFERENCE, spec_model), (PROJECT, config_module)],
                         ids=["model-reference", "project"])
def test_every_key_is_documented(page: Path, module: Any) -> None:
    text = page.read_text(encoding="utf-8")
    missing = sorted(k for k in _keys(module)
                     if not re.search(r"`(?:[\w.]+\.)?" + re.escape(k) + "`", text))
    assert not missing, f"{page.name} does not document {missing}"


def test_every_command_and_option_is_documented() -> None:
    text = PROJECT.read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"### `leadscore {name}`" in text
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in text, f"leadscore {name} {option} is not documented"


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    return {_slug(line.lstrip("#")) for line in page.read_text(encoding="utf-8").splitlines()
            if re.match(r"^#{1,6} ", line)}


@pytest.mark.parametrize("page", [REFERENCE, PROJECT], ids=lambda p: p.name)
def test_links_resolve(page: Path) -> None:
    links = re.findall(r"\]\(([\w.-]*\.md)?(?:#([\w-]+))?\)", page.read_text("utf-8"))
    assert len(links) >= 5
    for target, anchor in links:
        linked = DOCS / target if target else page
        assert linked.exists(), f"{page.name} links to missing {target}"
        if anchor:
            assert anchor in _anchors(linked), f"{page.name} links to {target}#{anchor}"


# ---------------------------------------------------------------------------------------------
# project.md
# ---------------------------------------------------------------------------------------------

PROJECT_BLOCKS = [item for item in PROJECT_ITEMS if item.kind == "yaml"]


def test_project_page_has_examples() -> None:
    assert len(PROJECT_BLOCKS) >= 3
    assert sum("crm-example" in b.marker for b in PROJECT_BLOCKS) == 1


@pytest.mark.parametrize("block", PROJECT_BLOCKS, ids=[b.where for b in PROJECT_BLOCKS])
def test_project_yaml_block(block: Item) -> None:
    ProjectConfig.model_validate(YAML(typ="safe").load(block.text))


CRM_MODEL = """\
name: crm
fit:
  rules:
    - {id: size, field: account.employees, cases: [{between: [50, 500], points: 15}]}
    - {id: seniority, field: title, cases: [{matches: '\\bvp\\b', points: 10}]}
    - {id: stage, field: lifecycle_stage, cases: [{equals: opportunity, points: 5}]}
    - {id: personal, field: email_domain, cases: [{in: [gmail.com], points: -15}]}
    - {id: region, field: account.country, cases: [{in: [US], points: 7}]}
behavior:
  rules:
    - {id: invites, event: teammate_invited, per: 10, cap: 20}
"""


def test_crm_example_scores_end_to_end(tmp_path: Path) -> None:
    block = next(b for b in PROJECT_BLOCKS if "crm-example" in b.marker)
    (tmp_path / "leadscore.yaml").write_text(block.text, encoding="utf-8")
    (tmp_path / "model.yaml").write_text(CRM_MODEL, encoding="utf-8")
    exports = tmp_path / "exports"
    (exports / "events").mkdir(parents=True)
    (exports / "hubspot-contacts.csv").write_text(
        "Record ID,Email,Job Title,Create Date,Associated Company ID,Lifecycle Stage\n"
        "101,jane@acme.io,VP Marketing,2024-02-20 09:00,201,opportunity\n"
        "102,joe@gmail.com,Analyst,2024-02-25 09:00,,lead\n", encoding="utf-8")
    (exports / "hubspot-companies.txt").write_text(
        "Record ID,Company name,Number of employees,Industry,Country/Region\n"
        "201,Acme,120,SaaS,US\n", encoding="utf-8")
    for day, times in (("2024-03-01", ["10:15:00"]), ("2024-03-02", ["08:00:00", "09:00:00"])):
        lines = [json.dumps({"user_id": "101", "event_type": "teammate_invited",
                             "event_time": f"{day}T{t}Z"}) for t in times]
        (exports / "events" / f"{day}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")

    project = Project.load(tmp_path)
    try:
        assert [d for d in project.validate() if d.severity == "error"] == []
        result = project.score(as_of=datetime(2024, 3, 10))
        written = project.write(result)
    finally:
        project.close()
    rows = {r["person_id"]: r for r in result.table.to_pylist()}
    assert rows["101"]["fit"] == 15 + 10 + 5 + 7
    assert rows["101"]["behavior"] == 20  # 3 invites x 10, capped at 20
    assert rows["102"]["fit"] == -15
    assert (tmp_path / "out" / "lead_scores.csv").exists()
    assert "table lead_scores" in written


# ---------------------------------------------------------------------------------------------
# The CLI, end to end
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cli_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "acme"
    result = CliRunner().invoke(app, ["init", str(folder), "--people", "200"])
    assert result.exit_code == 0, result.output
    return folder


def test_cli_init_validate_score_explain(cli_project: Path) -> None:
    runner = CliRunner()
    project = ["--project", str(cli_project)]
    as_of = utc_now().strftime("%Y-%m-%dT%H:%M:%S")

    result = runner.invoke(app, ["validate", *project])
    assert result.exit_code == 0, result.output
    assert "is valid" in result.output

    result = runner.invoke(app, ["score", *project, "--as-of", as_of, "--top", "3"])
    assert result.exit_code == 0, result.output
    scores = pq.read_table(cli_project / "out" / "scores.parquet")
    assert scores.num_rows > 0
    assert scores.column_names == ["person_id", "account_id", "fit", "behavior", "total",
                                   "status", "fit_tier", "intent_tier", "matrix", "score_date",
                                   "logic_hash", "reasons"]
    best = max(scores.to_pylist(), key=lambda r: (r["total"], r["person_id"]))

    result = runner.invoke(app, ["explain", best["person_id"], *project, "--as-of", as_of])
    assert result.exit_code == 0, result.output
    assert best["person_id"] in result.output

    result = runner.invoke(app, ["lint", *project])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["compile", *project, "--dialect", "postgres", "--as-of", as_of])
    assert result.exit_code == 0, result.output
    assert "SELECT" in result.output


def _exit_code(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["leadscore", *args])
    with pytest.raises(SystemExit) as caught:
        main()
    return caught.value.code or 0


def test_cli_exit_codes(cli_project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = ["--project", str(cli_project)]
    assert _exit_code(monkeypatch, "validate", *project, "--no-data") == 0
    assert _exit_code(monkeypatch, "explain", "nobody", *project) == 4
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nstatuses:\n  - {name: PQL, when: 'totl >= 80'}\n", "utf-8")
    assert _exit_code(monkeypatch, "validate", *project, "--model", str(bad)) == 1
    assert _exit_code(monkeypatch, "score", "--project", str(tmp_path)) == 1  # no project file
    assert _exit_code(monkeypatch, "score", *project, "--no-such-option") == 2
