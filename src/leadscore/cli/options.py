"""Options and parsers shared by the commands (one definition, the same help everywhere)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from leadscore.errors import ConfigError

ProjectOption = Annotated[Path, typer.Option("--project", "-p", envvar="LEADSCORE_PROJECT",
                                             help="Project folder (with leadscore.yaml).")]
ModelOption = Annotated[Path | None, typer.Option("--model", "-m",
                                                  help="Model file (default: from the project).")]
AsOfOption = Annotated[datetime | None, typer.Option(
    "--as-of", help="Score as of this UTC instant, e.g. 2026-03-01 or 2026-03-01T12:00 "
    "(default: now).")]


def parse_instant(text: str | None, option: str) -> datetime | None:
    """``text`` as a naive UTC instant (an ISO offset is converted); ``None`` stays ``None``.

    Raises:
        ConfigError: the text is not an ISO date or time; the message names ``option``.
    """
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ConfigError(f"{option} '{text}' is not a date or time; write e.g. 2026-03-01 or "
                          "2026-03-01T12:00 (UTC)") from None
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value
