#!/usr/bin/env bash
# Install what the browser tests (tests/browser) need, each only when it is missing:
#   - Debian's chromium (the tests drive /usr/bin/chromium; Playwright's own browser download
#     is never used), with apt-get when we are root, otherwise one clear line saying how;
#   - the Python playwright package in the virtual environment (its wheel carries its driver);
#   - axe-core from tests/browser/package-lock.json, with npm ci.
# Usage: scripts/browser-deps.sh [VENV_PYTHON]   (default: .venv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-.venv/bin/python}"
missing=()

command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=("chromium")
command -v npm >/dev/null 2>&1 || missing+=("npm")

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages for the browser tests: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "The browser tests need these Debian packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install ${missing[*]}" >&2
    echo "(without chromium the browser tests are skipped, saying so)" >&2
  fi
fi

if [ ! -x "$python" ]; then
  echo "No Python at $python: create the virtual environment first (make test does)." >&2
  exit 1
fi
if ! "$python" -c 'import playwright.sync_api' 2>/dev/null; then
  echo "Installing the Python playwright package (not its browsers: the tests use chromium)"
  "$python" -m pip install --quiet playwright
fi

if [ ! -f tests/browser/node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "Installing axe-core for the browser tests (npm ci in tests/browser)"
    (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error)
  else
    echo "npm is missing: the accessibility test cannot load axe-core." >&2
    exit 1
  fi
fi
