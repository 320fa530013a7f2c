"""The HTML report, rendered by a real headless Chromium (Debian's ``chromium`` package).

Chromium runs as a subprocess with networking off. ``--dump-dom`` returns the DOM after the
page's inline self-check script ran (it counts the SVG charts that have a laid-out box and
marks), and ``--enable-logging=stderr`` prints every console message as a ``CONSOLE`` line, so
"no console errors" means no such line at all. A screenshot of the whole page is kept as a CI
artefact in ``test-artifacts/report.png``.

Without Chromium the browser tests skip locally; under ``CI=true`` they fail (``.ci/run``
installs it with ``scripts/ci-browser.sh``).
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import ibis
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from leadscore.backtest import BacktestResult, run_backtest
from leadscore.backtest.metrics import measure
from leadscore.backtest.result import BacktestSettings, RunInfo
from leadscore.demo.world import WorldConfig, generate_world
from leadscore.project import Project
from leadscore.report import SECTIONS, render_report, write_report
from leadscore.scaffold import PROJECT_TEMPLATE, preset_text

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
WIDTH = 1280


def _find_chromium() -> str | None:
    for name in (os.environ.get("LEADSCORE_CHROMIUM"), "chromium", "chromium-browser",
                 "google-chrome", "google-chrome-stable"):
        if name and (path := shutil.which(name)):
            return path
    return None


@pytest.fixture(scope="module")
def chromium() -> str:
    path = _find_chromium()
    if path is None:
        message = ("headless Chromium is not installed: run `bash scripts/ci-browser.sh` "
                   "(Debian's chromium package)")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


def _browse(chromium: str, url: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--disable-extensions", "--hide-scrollbars",
               f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args, url]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def _console(stderr: str) -> list[str]:
    """Console messages and failed loads that Chromium logged."""
    return [line for line in stderr.splitlines()
            if ":CONSOLE" in line or "CONSOLE(" in line or "net::ERR" in line
            or "Failed to load resource" in line]


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> BacktestResult:
    world = generate_world(WorldConfig(people=2_000, seed=3))
    root = tmp_path_factory.mktemp("report-project")
    (root / "data").mkdir()
    for name in ("people", "accounts", "events", "outcomes"):
        pq.write_table(getattr(world, name), root / "data" / f"{name}.parquet")
    (root / "leadscore.yaml").write_text(PROJECT_TEMPLATE.format(name="report").replace(
        "path: leadscore.duckdb", "path: ':memory:'"), "utf-8")
    (root / "model.yaml").write_text(preset_text("product-led"), "utf-8")
    project = Project.load(root)
    try:
        return run_backtest(project)
    finally:
        project.close()


@pytest.fixture(scope="module")
def page(result, tmp_path_factory) -> Path:
    return write_report(result, tmp_path_factory.mktemp("report") / "report.html")


# ---- without a browser ------------------------------------------------------------------------


def test_report_is_self_contained(page):
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", html, re.I), "a URL in the page"
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html, re.I)
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"url\(", html, re.I)  # no CSS-loaded fonts or images
    for section in SECTIONS:
        assert f'id="{section}"' in html, section
    assert html.count('<svg class="chart"') >= 8


def test_report_shows_the_numbers_of_the_result(result, page):
    html = page.read_text(encoding="utf-8")
    pql = result.status("PQL")
    assert f"{pql.lift:.1f}×" in html
    assert f"{100 * pql.rate:.1f} %" in html
    assert f"{result.auc:.2f}" in html
    for verdict in result.verdicts:
        assert verdict.title.replace("'", "&#39;") in html
    for band in result.bands:
        assert f"<td>{band.label}</td>" in html


def test_report_escapes_text_and_renders_degenerate_results(result):
    hostile = replace(result, run=replace(result.run, model_name="<script>alert(1)</script>"))
    html = render_report(hostile)
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html

    # Nobody converts and the model has no statuses or rules: every section still renders.
    cutoff = datetime(2026, 3, 1)
    table = pa.table({"cutoff": [cutoff] * 3, "person_id": ["a", "b", "c"],
                      "fit": [1.0, 2.0, 3.0], "behavior": [0.0] * 3, "total": [1.0, 2.0, 3.0],
                      "status": pa.array([None] * 3, pa.string()), "eligible": [True] * 3,
                      "converted": [False] * 3,
                      "converted_at": pa.array([None] * 3, pa.timestamp("us")),
                      "won": [False] * 3})
    settings = BacktestSettings(cutoff, cutoff, timedelta(days=7), timedelta(days=30), (cutoff,),
                                ("converted",), "closed_won", 100.0)
    con = ibis.duckdb.connect()
    empty = measure(ibis.memtable(table), con.to_pyarrow, settings=settings, statuses=[],
                    rules=[], run=RunInfo("empty", "0" * 16, "duckdb", cutoff, 0.0))
    assert empty.auc is None and empty.population.converted == 0
    html = render_report(empty)
    for section in SECTIONS:
        assert f'id="{section}"' in html, section
    assert "The model defines no statuses." in html
    assert BacktestResult.from_json(empty.to_json()) == empty


# ---- in Chromium ----------------------------------------------------------------------------


def test_report_renders_in_headless_chromium(chromium, page, tmp_path):
    url = page.resolve().as_uri()
    dom = _browse(chromium, url, tmp_path / "profile", f"--window-size={WIDTH},900",
                  "--dump-dom")
    assert _console(dom.stderr) == [], "console messages or failed loads"
    body = re.search(r"<body([^>]*)>", dom.stdout)
    assert body, dom.stdout[:500]
    attrs = dict(re.findall(r'(data-[\w-]+)="([^"]*)"', body.group(1)))
    charts = int(attrs["data-charts"])
    assert charts >= 8
    assert int(attrs["data-charts-drawn"]) == charts, "a chart has no size or no marks"
    for section in SECTIONS:
        assert re.search(rf'id="{section}"', dom.stdout), section
    assert "Model health" in dom.stdout and "Conversion by score band" in dom.stdout

    height = min(max(int(attrs["data-height"]), 900), 16_000)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    done = _browse(chromium, url, tmp_path / "profile2", f"--window-size={WIDTH},{height}",
                   f"--screenshot={shot}")
    assert _console(done.stderr) == []
    assert shot.exists() and shot.stat().st_size > 50_000
    assert _png_size(shot) == (WIDTH, height)


def test_the_browser_check_catches_console_errors(chromium, tmp_path):
    """Control: the same harness sees a console error, an exception and a blocked load."""
    bad = tmp_path / "bad.html"
    bad.write_text("<html><body><img src='https://example.invalid/x.png'>"
                   "<script>console.error('boom'); missing();</script></body></html>")
    done = _browse(chromium, bad.resolve().as_uri(), tmp_path / "profile", "--dump-dom")
    messages = "\n".join(_console(done.stderr))
    assert "boom" in messages
    assert "missing" in messages
