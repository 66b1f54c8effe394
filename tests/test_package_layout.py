"""The package's folders are stages, and their imports run one way.

A cycle between two folders means neither can be read, tested or replaced alone; the
site and search read the corpus and must never shape it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "zhcorpus"
STAGES = ("language", "reading", "articles", "quotes", "corpus", "site", "search", "editorial", "build")


def unit_of(path: Path, package: Path) -> str:
    """The folder a module belongs to, or its own name for a top-level module."""
    parts = path.relative_to(package).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def imported_modules(path: Path, package: Path) -> set[str]:
    """Every zhcorpus module ``path`` imports, relative imports made absolute."""
    parts = ["zhcorpus", *path.relative_to(package).parts[:-1]]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = parts[:len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names = [f"{module}.{alias.name}" for alias in node.names]
            found.update([module, *names] if module == "zhcorpus" else [module])
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m.startswith("zhcorpus.")}


def unit_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        me = unit_of(path, package)
        others = {m.split(".")[1] for m in imported_modules(path, package)} - {me}
        graph.setdefault(me, set()).update(others)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Pairs (a, b) where a reaches b and b reaches a."""
    def reach(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen
    reached = {unit: reach(unit) for unit in graph}
    return sorted((a, b) for a in graph for b in reached[a] if a < b and a in reached.get(b, ()))


def test_every_stage_is_a_folder():
    assert all((PACKAGE / stage / "__init__.py").is_file() for stage in STAGES)


def test_no_two_folders_import_each_other():
    assert cycles(unit_graph()) == []


@pytest.mark.parametrize("stage", ["language", "reading", "articles", "quotes", "corpus", "editorial", "build"])
def test_the_corpus_pipeline_never_imports_the_site(stage):
    assert not unit_graph()[stage] & {"site", "search", "cli"}


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    for name, body in {"a/__init__.py": "", "a/x.py": "from zhcorpus.b.y import f\n",
                       "b/__init__.py": "", "b/y.py": "from ..a import x\n", "c.py": "from zhcorpus import a\n"}.items():
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(body)
    graph = unit_graph(tmp_path)
    assert graph == {"a": {"b"}, "b": {"a"}, "c": {"a"}}
    assert cycles(graph) == [("a", "b")]


def test_benchmarks_are_not_shipped():
    assert not any(p.name == "benchmark" for p in PACKAGE.rglob("*") if p.is_dir())
