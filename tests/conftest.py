from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory) -> Path:
    """The five seeds built once into a temporary corpus."""
    from zhcorpus.build import build

    corpus = tmp_path_factory.mktemp("corpus")
    result = build(ROOT / "seeds", corpus)
    assert not result.errors, result.errors
    return corpus
