"""The README's quick start stays true: two commands, and CI runs the test one."""

import re
from pathlib import Path

ROOT = Path(__file__).parent.parent


def quick_start_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    section = text.split("## Quick start", 1)[1].split("## ", 1)[0]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_quick_start_is_two_commands_demo_then_tests():
    assert quick_start_commands() == ["bash scripts/demo.sh", "bash scripts/test.sh"]
    for command in quick_start_commands():
        assert (ROOT / command.split()[1]).exists()


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "bash scripts/test.sh" in ci


def test_readme_model_example_is_valid():
    from leadscore.spec.loader import load_model_text

    text = (ROOT / "README.md").read_text()
    (block,) = re.findall(r"```yaml\n(.*?)```", text, re.S)
    model = load_model_text(block).model
    assert model.statuses[0].name == "PQL"
