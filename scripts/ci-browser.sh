#!/usr/bin/env bash
# Install headless Chromium (Debian's `chromium` package) for the report's browser test
# (tests/test_report_browser.py). Idempotent: does nothing when chromium is already there.
# Under CI=true that test fails, rather than skips, when chromium is missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
  echo "== chromium: $(command -v chromium || command -v chromium-browser)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
echo "== installing chromium (apt)"
$SUDO apt-get update -qq
# fonts-liberation gives the report Arial-metric text; apt also pulls it as a recommendation.
$SUDO apt-get install -y -qq chromium fonts-liberation >/dev/null
echo "== chromium: $(command -v chromium)"
