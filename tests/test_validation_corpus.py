"""Every broken model in fixtures/models/invalid gives exactly the diagnostics its header expects.

Each fixture starts with one or more lines ``# expect: CODE LINE:COL text`` — the diagnostic code,
its 1-based position, and a fragment of its message.
"""

import re
from pathlib import Path

import pytest

from leadscore.errors import SpecError
from leadscore.spec.loader import load_model, load_model_text

CORPUS = Path(__file__).parent / "fixtures" / "models" / "invalid"
EXPECT = re.compile(r"^# expect: (LS\d{3}) (\d+):(\d+) (.+)$")


def _expected(path: Path) -> list[tuple[str, int, int, str]]:
    out = []
    for line in path.read_text().splitlines():
        match = EXPECT.match(line)
        if match:
            code, row, col, text = match.groups()
            out.append((code, int(row), int(col), text.strip()))
    return out


CASES = sorted(CORPUS.glob("*.yaml"))


def test_corpus_is_not_empty():
    assert len(CASES) >= 20


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_broken_model_reports_expected_diagnostics(path):
    expected = _expected(path)
    assert expected, f"{path.name} has no '# expect:' header"
    with pytest.raises(SpecError) as info:
        load_model(path)
    errors = [d for d in info.value.diagnostics if d.severity == "error"]
    got = [(d.code, d.line, d.column, d.message) for d in errors]
    assert len(errors) == len(expected), got
    for code, row, col, text in expected:
        assert any(d.code == code and d.line == row and d.column == col and text in d.message
                   for d in errors), f"missing {code} {row}:{col} {text!r}; got {got}"
    for diag in errors:
        assert diag.file == str(path)
        rendered = diag.render()
        assert rendered.startswith(f"{path}:{diag.line}:{diag.column}")
        assert "Traceback" not in rendered


def test_unknown_key_hint_suggests_the_right_key():
    with pytest.raises(SpecError) as info:
        load_model(CORPUS / "unknown_key.yaml")
    (diag,) = [d for d in info.value.diagnostics if d.code == "LS100"]
    assert "did you mean 'field'?" in diag.hint


def test_presets_are_valid():
    for name in ("product-led", "sales-led"):
        loaded = load_model(Path("src/leadscore/presets") / f"{name}.yaml")
        assert not [d for d in loaded.diagnostics if d.severity == "error"]


def test_unreachable_status_is_a_warning_not_an_error():
    loaded = load_model_text(
        "name: x\nfit: {max: 50, rules: []}\nstatuses:\n  - {name: PQL, when: fit >= 60}\n")
    (diag,) = loaded.diagnostics
    assert (diag.code, diag.severity, diag.line) == ("LS205", "warning", 4)
