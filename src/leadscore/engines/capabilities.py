"""Can the configured engine run this model? Checked before any SQL is sent (``LS401``).

Ibis renders one expression in every dialect, but a few things differ below it: the regular
expression flavour and how long an identifier may be. :func:`check_capabilities` walks the
model (no data, no connection) and returns a diagnostic for each rule the engine described by a
:class:`~leadscore.engines.base.Capabilities` cannot run, so ``leadscore validate`` says so
with the rule's file, line and column instead of the engine failing mid-query::

    model.yaml:40:21  error LS401  fit.rules[2].cases[1].matches: regular expression uses
    inline flags such as (?i), which engine 'postgres' (postgres regular expressions) does
    not support
        hint: rewrite the pattern without it (see docs/engines.md#regular-expressions), or
        score on an engine that supports it

The one-line hook in ``Project.validate``::

    diagnostics += engine_diagnostics(self.loaded, capabilities(self.config.engine.type))
"""

from __future__ import annotations

import re

from leadscore.compile.portable import regex_problems
from leadscore.engines.base import Capabilities
from leadscore.spec import model as m
from leadscore.spec.diagnostics import Diagnostic
from leadscore.spec.loader import LoadedModel

CODE = "LS401"

# The per-rule columns the compiler derives from ids (leadscore.compile.*), longest prefix per
# kind of id; tests/engines/test_capabilities.py checks this against a compiled model.
ID_COLUMN_PREFIXES = {
    "fit": ("fit__", "fitcase__", "fv__"),
    "behavior": ("m__", "last__", "first__", "wm__", "act__", "pts__", "grp__", "b__"),
    "metric": ("m__", "last__"),
    "velocity": ("vf__", "vend__", "v__"),
    # A product's own aggregates are suffixed: behavior_decayed__p__<product> is the longest.
    "product": ("behavior_decayed__p__", "pb__"),
}

_WORD_BOUNDARY = re.compile(r"(?<!\\)(?:\\\\)*\\[bB]")


def _ids(model: m.ScoringModel):
    for i, rule in enumerate(model.fit.rules):
        yield ("fit", "rules", i, "id"), rule.id, "fit"
    for i, rule in enumerate(model.behavior.rules):
        yield ("behavior", "rules", i, "id"), rule.id, "behavior"
    for name in model.metrics:
        yield ("metrics", name), name, "metric"
    for i, velocity in enumerate(model.behavior.velocity):
        yield ("behavior", "velocity", i, "id"), velocity.id, "velocity"
    for product, section in model.products.items():
        yield ("products", product), product, "product"
        # Product rules also get pbr__/pv__ columns (compile/products.py), no longer than these.
        for i, rule in enumerate(section.rules):
            yield ("products", product, "rules", i, "id"), rule.id, "behavior"
        for i, velocity in enumerate(section.velocity):
            yield ("products", product, "velocity", i, "id"), velocity.id, "velocity"


def check_capabilities(model: m.ScoringModel, caps: Capabilities) -> list[Diagnostic]:
    """Every rule of ``model`` that the engine described by ``caps`` cannot run (unlocated)."""
    out: list[Diagnostic] = []
    engine = f"engine '{caps.name}'"
    for i, rule in enumerate(model.fit.rules):
        for j, case in enumerate(rule.cases):
            if case.matches is None:
                continue
            path = ("fit", "rules", i, "cases", j, "matches")
            problems = regex_problems(case.matches, caps.regex_flavour)
            if not caps.supports_regex_word_boundary and _WORD_BOUNDARY.search(case.matches):
                problems.append("word boundaries (\\b, \\B)")
            for problem in problems:
                out.append(Diagnostic(
                    CODE, f"regular expression uses {problem}, which {engine} "
                    f"({caps.regex_flavour} regular expressions) does not support", path=path,
                    hint="rewrite the pattern without it (see docs/engines.md#regular-"
                         "expressions), or score on an engine that supports it"))
    limit = caps.max_identifier_length
    if limit is not None:
        for path, name, kind in _ids(model):
            column = max((prefix + name for prefix in ID_COLUMN_PREFIXES[kind]), key=len)
            if len(column.encode()) > limit:
                keep = limit - (len(column) - len(name))
                out.append(Diagnostic(
                    CODE, f"id '{name}' becomes the column '{column}' ({len(column)} "
                    f"characters), longer than the {limit} that {engine} keeps", path=path,
                    hint=f"shorten the id to {keep} characters or fewer"))
    return out


def engine_diagnostics(loaded: LoadedModel, caps: Capabilities) -> list[Diagnostic]:
    """:func:`check_capabilities` for a loaded model, located by file, line and column."""
    out = []
    for diag in check_capabilities(loaded.model, caps):
        line, column = loaded.locate(diag.path)
        out.append(Diagnostic(diag.code, diag.message, diag.severity, diag.path, loaded.file,
                              line, column, diag.hint))
    return out
