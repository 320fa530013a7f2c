"""Small hand-written sample data sets that come with the model templates.

Each template preset (``presets/<name>.yaml``) has a sample in ``presets/samples/<name>.yaml``:
a handful of people and events written to show the template's documented outcome, and the
scores they must get. Times are written as offsets back from the end of the history, so the
same sample can end "now" (``leadscore init``) or at a fixed instant (tests)::

    description: Who becomes a PQL under the feature-adoption template, and why.
    people:
      - {person_id: ana, email: ana@northwind.io, title: Head of Data, created: 30d}
    events:
      - {person: ana, event: integration_connected, ago: 3d, integration_type: sso}
    expect:
      ana: {status: PQL, behavior: 59.6}

``created`` and ``ago`` are durations (``3d``, ``12h``) before the end. ``expect`` maps a
person to the values its row must have when scored as of the end (numbers to 0.1), and
``expect_accounts`` an account to its row of the accounts table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from ruamel.yaml import YAML

from leadscore.errors import ConfigError
from leadscore.spec.durations import parse_duration

_FOLDER = "presets/samples"
_EVENT_KEYS = ("person", "event", "ago")


@dataclass(frozen=True)
class Sample:
    """A template's sample data, with times relative to the end of its history."""

    name: str
    description: str
    people: list[dict[str, Any]]
    events: list[dict[str, Any]]
    accounts: list[dict[str, Any]] = field(default_factory=list)
    expect: dict[str, dict[str, Any]] = field(default_factory=dict)
    expect_accounts: dict[str, dict[str, Any]] = field(default_factory=dict)

    def rows(self, end: datetime) -> dict[str, list[dict[str, Any]]]:
        """The canonical tables (``people``, ``accounts``, ``events``) ending at ``end``."""
        people = []
        for person in self.people:
            row = {k: v for k, v in person.items() if k != "created"}
            row["created_at"] = end - self._offset(person.get("created"), "created", person)
            people.append(row)
        events = []
        for i, event in enumerate(self.events, start=1):
            # An event without `person` is an account-level event (it carries account_id).
            person = event.get("person")
            row = {"event_id": f"{self.name}-{i}",
                   "person_id": None if person is None else str(person),
                   "event": event["event"], "ts": end - self._offset(event.get("ago"), "ago",
                                                                     event)}
            row.update({k: v for k, v in event.items() if k not in _EVENT_KEYS})
            events.append(row)
        return {"people": people, "accounts": list(self.accounts), "events": events}

    def write(self, directory: Path, end: datetime) -> dict[str, Path]:
        """Write the tables ending at ``end`` as Parquet files; returns name → path."""
        directory.mkdir(parents=True, exist_ok=True)
        paths = {}
        for name, rows in self.rows(end).items():
            if not rows:
                continue
            path = directory / f"{name}.parquet"
            pq.write_table(_table(rows), path)
            paths[name] = path
        return paths

    def _offset(self, text: Any, key: str, row: dict[str, Any]):
        if text is None:
            raise ConfigError(f"sample '{self.name}': {row} has no `{key}:` (a duration before "
                              "the end of the history, e.g. 3d)")
        try:
            return parse_duration(str(text))
        except ValueError as exc:
            raise ConfigError(f"sample '{self.name}': `{key}: {text}` in {row}: {exc}") from None


def _table(rows: list[dict[str, Any]]) -> pa.Table:
    # Rows may carry different property columns: every row gets every column (missing → null).
    columns = list(dict.fromkeys(key for row in rows for key in row))
    return pa.Table.from_pylist([{c: row.get(c) for c in columns} for row in rows])


def sample_names() -> list[str]:
    """Presets that come with a sample data set."""
    folder = resources.files("leadscore") / _FOLDER
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir()
                  if p.name.endswith(".yaml"))


def load_sample(name: str) -> Sample:
    """The sample data set of preset ``name``.

    Raises:
        ConfigError: the preset has no sample, or the sample file is malformed.
    """
    if name not in sample_names():
        raise ConfigError(f"preset '{name}' has no sample data set; samples: "
                          f"{', '.join(sample_names())}")
    text = (resources.files("leadscore") / _FOLDER / f"{name}.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text) or {}
    unknown = set(data) - {"description", "people", "accounts", "events", "expect",
                           "expect_accounts"}
    if unknown:
        raise ConfigError(f"sample '{name}': unknown keys {sorted(unknown)}")
    return Sample(name=name, description=str(data.get("description", "")),
                  people=list(data.get("people") or []), events=list(data.get("events") or []),
                  accounts=list(data.get("accounts") or []),
                  expect={str(k): dict(v) for k, v in (data.get("expect") or {}).items()},
                  expect_accounts={str(k): dict(v)
                                   for k, v in (data.get("expect_accounts") or {}).items()})
