#!/usr/bin/env bash
# Set up (if needed) and run the end-to-end demo on the embedded engine (DuckDB).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/leadscore demo "$@"
