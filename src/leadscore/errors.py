"""The one exception tree of leadscore.

Every error a user can cause is a :class:`LeadScoreError`; the CLI prints its message (no
traceback unless ``--debug``) and exits with its ``exit_code``; the HTTP service maps
``http_status``.

::

    LeadScoreError                     exit 1
    ├── SpecError (diagnostics)        exit 1 / HTTP 422   the model YAML is invalid
    ├── ConfigError (location)         exit 1              the project file or a CLI option is wrong
    ├── DataError (source, location)   exit 1              a data source is missing or malformed
    ├── UnsupportedFeatureError        exit 1 / HTTP 422   the engine cannot run a rule
    ├── NotFoundError                  exit 4 / HTTP 404   an unknown person id, file, …
    └── EngineError                    exit 3 / HTTP 502   the engine failed while running valid SQL
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leadscore.spec.diagnostics import Diagnostic


class LeadScoreError(Exception):
    """Base class of every error leadscore raises on purpose."""

    exit_code = 1
    http_status = 400


class SpecError(LeadScoreError):
    """The scoring model is invalid; ``diagnostics`` holds every problem found."""

    http_status = 422

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        errors = [d for d in self.diagnostics if d.severity == "error"]
        lines = [d.render() for d in errors] or [d.render() for d in self.diagnostics]
        super().__init__(
            "\n".join(lines) + f"\n{len(errors)} error(s): fix them and run `leadscore validate`"
        )


class ConfigError(LeadScoreError):
    """The project file (``leadscore.yaml``) or a command-line option is wrong."""

    def __init__(self, message: str, *, location: str | None = None) -> None:
        self.location = location
        super().__init__(f"{location}: {message}" if location else message)


class DataError(LeadScoreError):
    """A data source is missing, unreadable or lacks a required column."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        super().__init__(f"source '{source}': {message}" if source else message)


class UnsupportedFeatureError(LeadScoreError):
    """The chosen engine cannot run a rule of the model."""

    http_status = 422


class NotFoundError(LeadScoreError):
    """Something the user named (a person, a file) does not exist."""

    exit_code = 4
    http_status = 404


class EngineError(LeadScoreError):
    """The engine failed while executing a query that leadscore built."""

    exit_code = 3
    http_status = 502
