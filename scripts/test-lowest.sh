#!/usr/bin/env bash
# The test suite again, with every direct dependency at the lowest version pyproject.toml
# allows, so its floors stay honest (CI runs this after scripts/test.sh).
# Usage: bash scripts/test-lowest.sh [pytest args]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test.sh --collect-only -q >/dev/null  # Chromium, fonts, npm tools: as for the newest
python3 -m venv .venv-lowest
.venv-lowest/bin/python -m pip install -q --upgrade pip uv
# uv resolves the lowest allowed version of each direct dependency (pip cannot).
.venv-lowest/bin/uv pip install -q --python .venv-lowest/bin/python --resolution lowest-direct -e '.[test]'
.venv-lowest/bin/python -m pip list 2>/dev/null | grep -i -E '^(mkdocs|mkdocs-material|markdown|pymdown-extensions|jinja2|opencc|jieba|pyyaml|pypinyin|tqdm|playwright|pytest) '
exec .venv-lowest/bin/python -m pytest "$@"
