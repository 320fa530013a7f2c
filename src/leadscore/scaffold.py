"""``leadscore init``: write a ready-to-run project from a preset.

A project folder gets ``leadscore.yaml`` (sources, engine, output), ``model.yaml`` (the preset)
and ``data/`` whose history ends at the moment of ``init``, so ``leadscore validate``, ``score``
and ``explain`` work inside it at once: a small synthetic world for the ``product-led`` and
``sales-led`` presets, and the template's own sample (:mod:`leadscore.samples`) for a template.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path

from leadscore.config import PROJECT_FILE
from leadscore.errors import ConfigError
from leadscore.samples import load_sample, sample_names

SAMPLE_PEOPLE = 500
SAMPLE_DAYS = 90


def preset_names() -> list[str]:
    """Names of the bundled presets (``product-led``, ``sales-led``, …)."""
    folder = resources.files("leadscore") / "presets"
    return sorted(p.name.removesuffix(".yaml") for p in folder.iterdir()
                  if p.name.endswith(".yaml"))


def preset_text(name: str) -> str:
    """The YAML text of a bundled preset."""
    if name not in preset_names():
        raise ConfigError(f"unknown preset '{name}'; presets: {', '.join(preset_names())}")
    return (resources.files("leadscore") / "presets" / f"{name}.yaml").read_text("utf-8")


PROJECT_TEMPLATE = """\
# leadscore project file. Reference: docs/project.md
name: {name}
model: model.yaml
engine:
  type: duckdb
  path: leadscore.duckdb
sources:
  people: {{path: data/people.parquet}}
  accounts: {{path: data/accounts.parquet}}
  events: {{path: data/events.parquet}}
  outcomes: {{path: data/outcomes.parquet}}
output:
  table: scores
  path: out/scores.parquet
"""


def init_project(directory: Path, *, preset: str = "product-led", people: int = SAMPLE_PEOPLE,
                 seed: int = 7, end: datetime | None = None, force: bool = False) -> list[Path]:
    """Write a project into ``directory``; returns the files written.

    Args:
        directory: target folder (created when missing).
        preset: the model preset to start from.
        people: size of the sample world.
        seed: seed of the sample world.
        end: end of the sample history (default: now, so scoring "now" is meaningful).
        force: overwrite an existing project file.
    """
    from leadscore.demo.world import WorldConfig, write_world
    from leadscore.project import utc_now

    text = preset_text(preset)
    directory.mkdir(parents=True, exist_ok=True)
    project_file = directory / PROJECT_FILE
    if project_file.exists() and not force:
        raise ConfigError(f"{project_file} already exists; use --force to overwrite it")
    end = end or utc_now()
    name = directory.resolve().name
    (directory / "model.yaml").write_text(text, "utf-8")
    if preset in sample_names():
        # A template comes with its own small data set showing its documented outcome.
        data = load_sample(preset).write(directory / "data", end.replace(microsecond=0))
        project_file.write_text(project_text(name, sorted(data)), "utf-8")
    else:
        start = (end - timedelta(days=SAMPLE_DAYS)).replace(microsecond=0)
        config = WorldConfig(people=people, seed=seed, start=start, days=SAMPLE_DAYS)
        data = write_world(config, directory / "data")
        project_file.write_text(PROJECT_TEMPLATE.format(name=name), "utf-8")
    return [project_file, directory / "model.yaml", *data.values()]


def project_text(name: str, sources: list[str]) -> str:
    """A project file like :data:`PROJECT_TEMPLATE` with only the given Parquet ``sources``."""
    lines = PROJECT_TEMPLATE.format(name=name).splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("  ") or "{path: data/" not in
                   line or line.split(":")[0].strip() in sources)
