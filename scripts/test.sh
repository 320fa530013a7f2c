#!/usr/bin/env bash
# Set up (if needed) and run the linter and the default test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests bench
.venv/bin/python -m pytest -q -m "not slow" "$@"
