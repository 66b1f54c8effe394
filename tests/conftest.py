import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory) -> Path:
    """The five seeds built once into a temporary corpus."""
    from zhcorpus.build.pipeline import build

    corpus = tmp_path_factory.mktemp("corpus")
    result = build(ROOT / "seeds", corpus)
    assert not result.errors, result.errors
    return corpus


@pytest.fixture
def page_seeds(tmp_path) -> Path:
    """A seeds folder with the shipped editorial files (the taxonomy holds the outlet
    registry) and no page yet."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for name in ("taxonomy.yml", "speakers.yml"):
        shutil.copy(ROOT / "seeds" / name, folder)
    return folder


@pytest.fixture
def build_pages(capsys):
    """`zhcorpus build` of a test's pages: (exit status, stderr lines, the articles written)."""
    from zhcorpus.cli import main

    def run(seeds: Path, corpus: Path, *options: str) -> tuple[int, list[str], list[dict]]:
        status = main(["build", "--seeds", str(seeds), "--corpus", str(corpus), "--no-cache", "--quiet", *options])
        _, err = capsys.readouterr()
        lines = (corpus / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        return status, err.splitlines(), [json.loads(line) for line in lines]
    return run
