"""How each vendor's JSON maps onto one normalised message, as DuckDB SQL.

A format lists the JSON paths it reads; :meth:`EventFormat.steps` extracts them all with one
multi-path ``json_extract_string`` / ``json_type`` call per row (one parse, not one per field)
and the format's expressions build the normalised columns of :data:`NORMALISED` from them.
The vendor modules (:mod:`.segment`, :mod:`.amplitude`, :mod:`.mixpanel`, :mod:`.posthog`) only
declare paths and expressions; validation and loading are shared (:mod:`.events`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from leadscore.ingest.store import quote

NORMALISED = ("call_type", "event_id", "user_id", "anonymous_id", "event", "name", "group_id",
              "previous_id", "ts_text", "ts", "properties", "traits", "type_error")
"""Columns every format produces (plus ``file, line, item, raw, nbytes, valid``)."""

CALL_TYPES = ("track", "page", "screen", "identify", "group", "alias")

STRINGISH = ("VARCHAR", "BIGINT", "UBIGINT")
"""JSON types accepted for ids: a string, or an integer (taken as its decimal text)."""


@dataclass
class Paths:
    """The JSON paths a format reads, as indexes into the extracted lists."""

    scalars: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)

    def s(self, path: str) -> str:
        """SQL: the text at ``path`` (blank → NULL)."""
        if path not in self.scalars:
            self.scalars.append(path)
        return f"nullif(trim(_s[{self.scalars.index(path) + 1}]), '')"

    def t(self, path: str) -> str:
        """SQL: the JSON type at ``path`` (NULL when absent or null)."""
        if path not in self.types:
            self.types.append(path)
        return f"nullif(_t[{self.types.index(path) + 2}], 'NULL')"

    def ts(self, expr: str) -> str:
        """A column holding ``expr`` (SQL over :meth:`s`) as a timestamp, computed once."""
        if expr not in self.times:
            self.times.append(expr)
        return f"_ts{self.times.index(expr) + 1}"

    def o(self, path: str) -> str:
        """SQL: the JSON value at ``path`` (objects, arrays)."""
        if path not in self.objects:
            self.objects.append(path)
        return f"_o[{self.objects.index(path) + 1}]"


def wrong_type(checks: list[tuple[str, str, tuple[str, ...]]], p: Paths) -> str:
    """SQL naming the first field whose JSON type is not allowed (``wrong_type:<field>``)."""
    whens = [f"WHEN {p.t(path)} NOT IN ({', '.join(quote(t) for t in allowed)}) "
             f"THEN {quote('wrong_type:' + label)}" for label, path, allowed in checks]
    return "CASE " + " ".join(whens) + " END" if whens else "NULL::VARCHAR"


def parse_ts(text: str) -> str:
    """SQL: ISO-8601 text (with or without zone; naive = UTC) → naive UTC TIMESTAMP or NULL."""
    return f"CAST(try_cast({text} AS TIMESTAMPTZ) AS TIMESTAMP)"


def epoch_ts(number: str) -> str:
    """SQL: epoch seconds (or milliseconds, when > 1e11) → naive UTC TIMESTAMP or NULL."""
    value = f"try_cast({number} AS DOUBLE)"
    return (f"CAST(to_timestamp(CASE WHEN {value} > 1e11 THEN {value} / 1000 ELSE {value} END)"
            " AS TIMESTAMP)")


@dataclass(frozen=True)
class EventFormat:
    """A vendor format: a name, a doc URL, and its normalised columns as SQL over ``Paths``."""

    name: str
    doc: str
    columns: Callable[[Paths], dict[str, str]]
    batch_key: str | None = None

    def steps(self, relation: str) -> list[tuple[str, str]]:
        """Temp tables to materialise in order, the last being the normalised messages.

        ``relation`` has ``file, line, item, raw, nbytes`` (``raw`` NULL for an oversized row,
        which is not parsed). The result has ``file, line, item, nbytes, valid`` and
        :data:`NORMALISED` (not ``raw``: only quarantined rows need it, joined back by
        line). Each level is materialised because DuckDB inlines subquery projections: without
        it every ``_s[i]`` would re-parse the JSON.
        """
        paths = Paths()
        exprs = self.columns(paths)
        missing = [c for c in NORMALISED if c not in exprs]
        assert not missing, f"format {self.name} lacks {missing}"

        def listed(items: list[str]) -> str:
            return "[" + ", ".join(quote(p) for p in items) + "]"

        # One parse per list; `try` turns invalid JSON into NULL lists (→ invalid_json), and the
        # type of `$` says whether the message is an object.
        types = ["$", *paths.types]
        extract = ", ".join(
            [f"try(json_type(raw, {listed(types)})) AS _t",
             f"try(json_extract_string(raw, {listed(paths.scalars)})) AS _s"]
            + ([f"try(json_extract(raw, {listed(paths.objects)})) AS _o"] if paths.objects
               else []))
        times = "".join(f", {t} AS _ts{i + 1}" for i, t in enumerate(paths.times))
        cols = ",\n  ".join(f"{exprs[c]} AS {c}" for c in NORMALISED)
        keys = "file, line, item, nbytes"
        lists = "_s, _t" + (", _o" if paths.objects else "")
        return [
            ("_ls_x1", f"SELECT {keys}, {extract} FROM {relation}"),
            ("_ls_x2", f"SELECT {keys}, coalesce(_t[1] = 'OBJECT', false) AS valid, "
                       f"{lists}{times} FROM _ls_x1"),
            ("_ls_x3", f"SELECT {keys}, valid,\n  {cols}\nFROM _ls_x2"),
        ]
