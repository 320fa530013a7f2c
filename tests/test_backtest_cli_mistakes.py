"""User mistakes around `leadscore backtest` / `report` end in clear errors, not tracebacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadscore.cli.backtest import _parse_duration, report
from leadscore.errors import ConfigError, NotFoundError


def test_report_of_a_folder_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="no backtest result at"):
        report(result_file=tmp_path)


def test_report_of_json_that_is_not_a_result_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "backtest.json"
    path.write_text("[1]")
    with pytest.raises(ConfigError, match="is not a backtest result written by"):
        report(result_file=path)


def test_an_absurd_duration_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="--horizon"):
        _parse_duration("9999999999d", "--horizon")


def test_a_horizon_longer_than_history_is_a_config_error(tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    from leadscore.backtest.run import plan_backtest
    from leadscore.project import Project
    from leadscore.scaffold import init_project

    init_project(tmp_path, people=30, end=datetime(2026, 3, 1))
    project = Project.load(tmp_path)
    try:
        with pytest.raises(ConfigError, match="reaches before year 1"):
            plan_backtest(project, horizon=timedelta(days=999_999))
    finally:
        project.close()
