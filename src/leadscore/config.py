"""The project file, ``leadscore.yaml``: where the model, the data and the output live.

Example::

    name: acme
    model: model.yaml
    engine: {type: duckdb, path: leadscore.duckdb}
    sources:
      people:   {path: data/people.parquet}
      accounts: {path: data/accounts.csv}
      events:   {path: data/events/*.parquet}
      outcomes: {path: data/outcomes.parquet}
      # a CRM export with its own column names:
      # people: {path: hubspot_contacts.csv, columns: {person_id: "Record ID", email: "Email"}}
    output: {table: scores, path: out/scores.parquet}
    # or bring raw exports in with `leadscore ingest` (docs/ingest.md); without `sources:` the
    # scoring then reads the ingested tables (ls_people, ls_accounts, ls_events, …):
    # ingest:
    #   sources:
    #     - {name: web, format: segment, path: data/segment/*.ndjson}

Relative paths are relative to the project file's folder.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    SecretStr,
    Tag,
    ValidationError,
    field_validator,
    model_validator,
)
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from leadscore.errors import ConfigError
from leadscore.spec.durations import parse_duration

PROJECT_FILE = "leadscore.yaml"
FORMATS = ("parquet", "csv", "ndjson", "json")


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceConfig(_Config):
    """One canonical table: a file (glob allowed) or a table in the engine's database."""

    path: str | None = None
    table: str | None = None
    format: Literal["parquet", "csv", "ndjson", "json"] | None = None
    columns: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _path_or_table(self) -> SourceConfig:
        if (self.path is None) == (self.table is None):
            raise ValueError("a source is either `path:` (a file) or `table:` (a database table)")
        return self

    def file_format(self) -> str:
        """The file format, from ``format`` or the file extension."""
        if self.format:
            return self.format
        suffix = Path(self.path or "").suffix.lower().lstrip(".")
        fmt = {"parquet": "parquet", "pq": "parquet", "csv": "csv", "tsv": "csv",
               "ndjson": "ndjson", "jsonl": "ndjson", "json": "json"}.get(suffix)
        if fmt is None:
            raise ConfigError(f"cannot tell the format of '{self.path}'; add `format:` "
                              f"({', '.join(FORMATS)})")
        return fmt


class SourcesConfig(_Config):
    """The canonical tables; only ``people`` is required."""

    people: SourceConfig
    accounts: SourceConfig | None = None
    events: SourceConfig | None = None
    outcomes: SourceConfig | None = None
    identities: SourceConfig | None = None


INGESTED_SOURCES = {
    "people": {"table": "ls_people"},
    "accounts": {"table": "ls_accounts"},
    "events": {"table": "ls_events"},
    "outcomes": {"table": "ls_outcomes"},
    "identities": {"table": "ls_identities"},
}
"""What ``sources:`` means when it is absent and ``ingest:`` is present: the ingested tables."""

INGEST_FORMATS = ("segment", "amplitude", "mixpanel", "posthog", "csv", "parquet",
                  "duckdb_table", "postgres_table")
EVENT_FORMATS = ("segment", "amplitude", "mixpanel", "posthog")
PROPERTY_TYPES = ("string", "integer", "double", "boolean", "timestamp")


def _duration_value(value: object) -> object:
    if isinstance(value, str):
        return parse_duration(value)
    return value


class IngestOptions(_Config):
    """Per-source reading options of an ``ingest:`` source."""

    delimiter: str | None = Field(None, min_length=1, max_length=4)
    timestamp_format: str | None = None
    outcome_values: dict[str, str] = Field(default_factory=dict)
    dsn: str | None = None

    @field_validator("dsn", mode="before")
    @classmethod
    def _expand_dsn(cls, value: object) -> object:
        return expand_env(value) if isinstance(value, str) else value


class IngestSourceConfig(_Config):
    """One source of ``leadscore ingest``: vendor event exports, CRM files or tables."""

    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_-]*$")
    format: Literal["segment", "amplitude", "mixpanel", "posthog", "csv", "parquet",
                    "duckdb_table", "postgres_table"]
    path: str | None = None
    table: str | None = None
    kind: Literal["events", "people", "accounts", "outcomes"] = "events"
    columns: dict[str, str] = Field(default_factory=dict)
    options: IngestOptions = Field(default_factory=IngestOptions)

    @model_validator(mode="after")
    def _where(self) -> IngestSourceConfig:
        if self.format in ("duckdb_table", "postgres_table"):
            if not self.table:
                raise ValueError(f"a `{self.format}` source needs `table:`")
            if self.format == "postgres_table" and not self.options.dsn:
                raise ValueError("a `postgres_table` source needs `options.dsn:` "
                                 "(e.g. postgresql://user@host:5432/db, ${VAR} expands)")
        elif not self.path:
            raise ValueError(f"a `{self.format}` source needs `path:` (a file or a glob)")
        if self.format in EVENT_FORMATS and self.kind != "events":
            raise ValueError(f"`{self.format}` exports are events; drop `kind: {self.kind}`")
        return self


class IngestConfig(_Config):
    """The ``ingest:`` section: what ``leadscore ingest`` reads and how strictly."""

    sources: list[IngestSourceConfig] = Field(default_factory=list)
    max_future: Annotated[timedelta, Field(gt=timedelta(0))] = timedelta(days=1)
    max_event_bytes: int = Field(32 * 1024, ge=256)
    personal_domains: list[str] = Field(default_factory=list)
    properties: dict[str, Literal["string", "integer", "double", "boolean", "timestamp"]] = (
        Field(default_factory=dict))

    @field_validator("max_future", mode="before")
    @classmethod
    def _parse_max_future(cls, value: object) -> object:
        return _duration_value(value)

    @model_validator(mode="after")
    def _unique_names(self) -> IngestConfig:
        names = [s.name for s in self.sources]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"source names must be unique; repeated: {', '.join(dupes)}")
        bad = [p for p in self.properties if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p)]
        if bad:
            raise ValueError(f"property columns must be identifiers: {', '.join(bad)}")
        return self


class DuckDBEngineConfig(_Config):
    """The embedded default engine: ``{type: duckdb, path: leadscore.duckdb}``."""

    type: Literal["duckdb"] = "duckdb"
    path: str = ":memory:"
    threads: int | None = Field(None, ge=1)
    memory_limit: str | None = None


class PostgresEngineConfig(_Config):
    """A PostgreSQL server: ``{type: postgres, host: …, database: …}`` (``${VAR}`` expands)."""

    type: Literal["postgres"]
    host: str = "localhost"
    port: int = Field(5432, ge=1, le=65535)
    user: str = "postgres"
    password: SecretStr | None = None
    database: str = "postgres"
    schema_: str | None = Field(None, alias="schema")

    @field_validator("host", "user", "password", "database", "schema_", mode="before")
    @classmethod
    def _expand_env(cls, value: object) -> object:
        # `password: ${PGPASSWORD}` keeps secrets out of the project file.
        return expand_env(value) if isinstance(value, str) else value


class SparkEngineConfig(_Config):
    """Spark through PySpark: ``{type: spark, master: "local[*]", config: {…}}``."""

    type: Literal["spark"]
    master: str = "local[*]"
    config: dict[str, str | int | float | bool] = Field(default_factory=dict)


class PluginEngineConfig(_Config):
    """An engine from a plugin (entry point group ``leadscore.engines``), with its options."""

    type: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    options: dict[str, Any] = Field(default_factory=dict)


BUILTIN_ENGINES = ("duckdb", "postgres", "spark")


def _engine_tag(value: object) -> str:
    kind = value.get("type", "duckdb") if isinstance(value, dict) else getattr(value, "type",
                                                                               "duckdb")
    return kind if kind in BUILTIN_ENGINES else "plugin"


EngineConfig = Annotated[
    Annotated[DuckDBEngineConfig, Tag("duckdb")]
    | Annotated[PostgresEngineConfig, Tag("postgres")]
    | Annotated[SparkEngineConfig, Tag("spark")]
    | Annotated[PluginEngineConfig, Tag("plugin")],
    Discriminator(_engine_tag),
]
"""Which engine runs the compiled model, tagged by ``type:`` (``duckdb`` when omitted)."""

_ENV = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_env(text: str) -> str:
    """Replace ``${VAR}`` with the environment variable ``VAR``.

    Raises:
        ValueError: ``VAR`` is not set (an empty password is never what was meant).
    """
    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise ValueError(f"environment variable {name} is not set (used as ${{{name}}})")
        return os.environ[name]

    return _ENV.sub(value, text)


class OutputConfig(_Config):
    """Where ``leadscore score`` writes: a table in the engine and optionally a file."""

    table: str = Field("scores", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    path: str | None = None


class ProjectConfig(_Config):
    """The parsed ``leadscore.yaml``."""

    name: str = "leadscore"
    model: str = "model.yaml"
    engine: EngineConfig = Field(default_factory=DuckDBEngineConfig)
    sources: SourcesConfig
    output: OutputConfig = Field(default_factory=OutputConfig)
    ingest: IngestConfig | None = None

    @model_validator(mode="before")
    @classmethod
    def _default_sources(cls, data: object) -> object:
        # With `ingest:` and no `sources:`, scoring reads what `leadscore ingest` wrote.
        if isinstance(data, dict) and "sources" not in data and data.get("ingest") is not None:
            return {**data, "sources": INGESTED_SOURCES}
        return data


def load_config(path: Path) -> ProjectConfig:
    """Read and validate a project file.

    Raises:
        ConfigError: the file is missing, not YAML, or has wrong keys (all listed).
    """
    if not path.exists():
        raise ConfigError(f"no project file at {path}; create one with "
                          "`leadscore init DIR` or pass --project DIR", location=str(path))
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except YAMLError as exc:
        raise ConfigError(f"not valid YAML: {exc}", location=str(path)) from None
    try:
        return ProjectConfig.model_validate(data or {})
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            # Drop the union tag pydantic puts after `engine` (engine.postgres.host → engine.host).
            loc = [p for i, p in enumerate(error["loc"])
                   if not (i == 1 and error["loc"][0] == "engine"
                           and p in (*BUILTIN_ENGINES, "plugin"))]
            where = ".".join(str(p) for p in loc) or "(top level)"
            message = str(error["msg"]).removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(f"  {where}: {message}")
        raise ConfigError("invalid project file:\n" + "\n".join(problems),
                          location=str(path)) from None
