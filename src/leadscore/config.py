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

Relative paths are relative to the project file's folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from leadscore.errors import ConfigError

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


class EngineConfig(_Config):
    """Which engine runs the compiled model (``duckdb`` embedded by default)."""

    type: Literal["duckdb"] = "duckdb"
    path: str = ":memory:"
    threads: int | None = Field(None, ge=1)
    memory_limit: str | None = None


class OutputConfig(_Config):
    """Where ``leadscore score`` writes: a table in the engine and optionally a file."""

    table: str = Field("scores", pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    path: str | None = None


class ProjectConfig(_Config):
    """The parsed ``leadscore.yaml``."""

    name: str = "leadscore"
    model: str = "model.yaml"
    engine: EngineConfig = Field(default_factory=EngineConfig)
    sources: SourcesConfig
    output: OutputConfig = Field(default_factory=OutputConfig)


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
            where = ".".join(str(p) for p in error["loc"]) or "(top level)"
            message = str(error["msg"]).removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "unknown key"
            problems.append(f"  {where}: {message}")
        raise ConfigError("invalid project file:\n" + "\n".join(problems),
                          location=str(path)) from None
