"""docs/engines.md: its project files parse, and it names every engine and capability."""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML

from leadscore.config import ProjectConfig
from leadscore.engines.base import DIALECT_CAPABILITIES
from leadscore.engines.registry import ENGINES

PAGE = Path(__file__).parent.parent.parent / "docs" / "engines.md"


def test_every_yaml_block_is_a_project_file(monkeypatch) -> None:
    monkeypatch.setenv("LEADSCORE_PG_PASSWORD", "secret")  # the page reads it with ${…}
    blocks = re.findall(r"```yaml\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)
    assert len(blocks) >= 3
    types = set()
    for block in blocks:
        config = ProjectConfig.model_validate(YAML(typ="safe").load(block))
        types.add(config.engine.type)
        if config.engine.type == "postgres":
            assert config.engine.password.get_secret_value() == "secret"
    assert types == set(ENGINES)


def test_every_engine_and_dialect_is_documented() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for name in DIALECT_CAPABILITIES:
        assert name in text.lower(), name
    assert "LS401" in text
