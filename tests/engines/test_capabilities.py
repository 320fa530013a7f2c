"""Capabilities: what `leadscore validate` reports for a rule the engine cannot run (LS401).

No engine is opened here: capabilities are known without connecting.
"""

from __future__ import annotations

import re

import ibis
import pytest

from leadscore.compile.assemble import compile_scores
from leadscore.compile.portable import REGEX_FLAVOURS, regex_problems, translate_regex
from leadscore.compile.tables import ScoringTables
from leadscore.engines.base import DIALECT_CAPABILITIES, DUCKDB, POSTGRES, SNOWFLAKE, SPARK
from leadscore.engines.capabilities import (
    ID_COLUMN_PREFIXES,
    check_capabilities,
    engine_diagnostics,
)
from leadscore.engines.registry import ENGINES, capabilities, engine_class
from leadscore.errors import ConfigError
from leadscore.spec.loader import load_model_text

EVERY_KIND = """\
name: every-kind
metrics:
  {m}: {{event: login, window: 7d}}
fit:
  rules:
    - id: {f}
      field: title
      cases: [{{matches: '\\bvp\\b', points: 10}}]
behavior:
  rules:
    - id: {e}
      event: signup_done
      points: 10
      speed: {{within: 48h, multiplier: 1.5}}
    - id: {p}
      event: download
      per: 5
      cap: 10
    - id: {i}
      inactivity: {{event: login, every: 14d}}
      points: -5
    - id: {x}
      formula: {m} * 2
  velocity:
    - {{id: {v}, events: [login, download], min_count: 2, within: 1h, bonus: 5}}
  decay: {{method: half_life, half_life: 14d, by: event_age}}
"""
IDS = dict(m="metric_a", f="fit_a", e="event_a", p="per_a", i="idle_a", x="formula_a",
           v="burst_a")
KINDS = dict(m="metric", f="fit", e="behavior", p="behavior", i="behavior", x="behavior",
             v="velocity")


def _tables() -> ScoringTables:
    return ScoringTables(
        ibis.table({"person_id": "string", "title": "string", "created_at": "timestamp"},
                   name="people"),
        None,
        ibis.table({"person_id": "string", "event": "string", "ts": "timestamp"},
                   name="events"))


def _model(ids: dict[str, str]):
    return load_model_text(EVERY_KIND.format(**ids))


def test_id_column_prefixes_cover_the_compiler() -> None:
    columns = compile_scores(_tables(), _model(IDS).model).expr.columns
    for key, rule_id in IDS.items():
        derived = {c.removesuffix(rule_id) for c in columns if c.endswith("__" + rule_id)}
        assert derived, rule_id
        assert derived <= set(ID_COLUMN_PREFIXES[KINDS[key]]), (rule_id, derived)


@pytest.mark.parametrize("length", [54, 55, 60])
def test_identifier_length_check_agrees_with_the_compiled_columns(length: int) -> None:
    ids = {k: (v + "_" * 60)[:length] for k, v in IDS.items()}
    loaded = _model(ids)
    columns = compile_scores(_tables(), loaded.model).expr.columns
    too_long = {c for c in columns if len(c) > POSTGRES.max_identifier_length}
    reported = check_capabilities(loaded.model, POSTGRES)
    assert bool(too_long) == bool(reported)
    reported_ids = {d.message.split("'")[1] for d in reported}
    for column in too_long:
        assert any(column.endswith("__" + rule_id) for rule_id in reported_ids), column
    assert check_capabilities(loaded.model, DUCKDB) == []


def test_ls401_is_located_and_explained() -> None:
    text = EVERY_KIND.format(**IDS).replace("'\\bvp\\b'", "'(?i)vp'")
    loaded = load_model_text(text, file="model.yaml")
    diagnostics = engine_diagnostics(loaded, POSTGRES)
    assert [(d.code, d.severity, d.line) for d in diagnostics] == [("LS401", "error", 8)]
    diag = diagnostics[0]
    assert diag.path == ("fit", "rules", 0, "cases", 0, "matches")
    assert "inline flags" in diag.message and "engine 'postgres'" in diag.message
    assert diag.render().startswith("model.yaml:8:")
    assert engine_diagnostics(loaded, DUCKDB) == []
    assert engine_diagnostics(loaded, SPARK) == []


def test_presets_run_everywhere() -> None:
    from tests.scoring_helpers import PRESETS

    for path in PRESETS.glob("*.yaml"):
        model = load_model_text(path.read_text()).model
        for caps in DIALECT_CAPABILITIES.values():
            assert check_capabilities(model, caps) == [], (path.name, caps.name)


@pytest.mark.parametrize(("pattern", "flavour", "translated"), [
    (r"\bmanager\b", "postgres", r"\ymanager\y"),
    (r"\Bx", "postgres", r"\Yx"),
    (r"\bmanager\b", "re2", r"\bmanager\b"),
    (r"x\Z", "re2", r"x\z"),
    (r"x\Z", "postgres", r"x\Z"),
    (r"\.edu$|\.ac\.[a-z]{2}$", "posix_ere", r"(\.edu$|\.ac\.[a-z]{2}$)"),
    (r"(?:vp|chief)+?", "posix_ere", r"((vp|chief)+)"),
    (r"(?P<t>vp)", "java", r"(vp)"),
    (r"a{", "re2", r"a\{"),
    (r"[\b]\b", "postgres", r"[\b]\y"),  # inside brackets \b is a backspace everywhere
])
def test_translate_regex(pattern: str, flavour: str, translated: str) -> None:
    assert translate_regex(pattern, flavour) == translated


@pytest.mark.parametrize("pattern", [r"\bvp\b", r"^c[eo]o$", r"(?:a|b)c+?", r"(?P<n>x)y",
                                     r"\d+\s\w", r"a{2,3}b{"])
@pytest.mark.parametrize("subject", ["vp sales", "svp", "ceo", "a c", "bcc", "xy", "12 z",
                                     "aab{", "aaab{", "vp"])
def test_translation_keeps_the_meaning_where_python_can_check(pattern, subject) -> None:
    # Python's re runs the RE2 and Java translations too (same syntax for what we emit).
    expected = re.search(pattern, subject) is not None
    for flavour in ("re2", "java"):
        assert (re.search(translate_regex(pattern, flavour).replace(r"\z", r"\Z"), subject)
                is not None) == expected


def test_problems_per_flavour() -> None:
    assert regex_problems(r"(?i)vp", "re2") == []
    assert regex_problems(r"(?i)vp", "postgres") == ["inline flags such as (?i)"]
    assert regex_problems(r"a++", "java") == []
    assert "atomic" in regex_problems(r"a++", "re2")[0]
    assert regex_problems(r"\x41", "re2") == []
    assert regex_problems(r"\x41", "postgres")


def test_capabilities_agree_with_the_dialect_flavours() -> None:
    for caps in DIALECT_CAPABILITIES.values():
        assert REGEX_FLAVOURS[caps.sql_dialect] == caps.regex_flavour, caps.name
    assert SNOWFLAKE.executes is False and POSTGRES.executes


def test_registry_is_lazy_and_explains_missing_engines(monkeypatch) -> None:
    assert set(ENGINES) == {"duckdb", "postgres", "spark"}
    assert capabilities("postgres") is POSTGRES  # no driver import needed
    assert engine_class("duckdb").capabilities is DUCKDB
    with pytest.raises(ConfigError, match="unknown engine 'oracle'; available: duckdb"):
        engine_class("oracle")
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "psycopg" else real(name, *a))
    with pytest.raises(ConfigError, match=r"pip install 'leadscore\[postgres\]'"):
        engine_class("postgres")
