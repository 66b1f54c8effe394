"""Files kept between builds: tables made from OpenCC's and jieba's data, read back."""

import pytest

from zhcorpus import files
from zhcorpus.language.convert import _script_only_chars, _script_only_patterns
from zhcorpus.language.segmenter import _read_common_words, common_words


@pytest.fixture
def folder(tmp_path):
    with files.tables_kept_in(tmp_path):
        yield tmp_path


def test_a_table_is_made_once_then_read_back(folder):
    made = []
    assert files.kept_table("t", "k1", lambda: made.append(1) or ("甲", frozenset({"乙"}))) == ("甲", frozenset({"乙"}))
    assert files.kept_table("t", "k1", lambda: made.append(1) or "other") == ("甲", frozenset({"乙"}))
    assert made == [1]
    assert files.kept_table("t", "k2", lambda: "new key") == "new key"  # a new key: made anew
    assert sorted(p.name for p in folder.iterdir()) == ["t-k1.kept", "t-k2.kept"]


def test_a_broken_table_file_is_made_again_not_an_error(folder):
    (folder / "t-k.kept").write_bytes(b"\x00 torn")
    assert files.kept_table("t", "k", lambda: [1, 2]) == [1, 2]
    assert files.read_kept(folder / "t-k.kept") == [1, 2]


def test_without_a_folder_nothing_is_kept(tmp_path):
    with files.tables_kept_in(tmp_path):
        with files.tables_kept_in(None):
            assert files.kept_table("t", "k", lambda: 7) == 7
        assert files.kept_table("t", "k", lambda: 8) == 8  # the outer folder again
    assert files.kept_table("t", "k", lambda: 9) == 9    # and none after it
    assert [p.name for p in tmp_path.iterdir()] == ["t-k.kept"]


def test_a_build_keeps_its_tables_in_its_cache_folder_only_while_it_runs(root, tmp_path):
    from zhcorpus.build.pipeline import build

    _script_only_patterns.cache_clear()
    common_words.cache_clear()
    try:
        build(root / "seeds", tmp_path / "corpus", cache=tmp_path / "cache", jobs=1)
        assert sorted(p.name.split("-")[0] for p in (tmp_path / "cache").glob("*.kept")) == ["common", "script"]
        assert files._TABLES == []
    finally:
        _script_only_patterns.cache_clear()
        common_words.cache_clear()


def test_the_kept_tables_are_what_the_libraries_give(folder):
    _script_only_patterns.cache_clear()
    common_words.cache_clear()
    try:
        traditional, simplified = _script_only_patterns()
        assert traditional.pattern == f"[{_script_only_chars()[0]}]" and simplified.pattern == f"[{_script_only_chars()[1]}]"
        assert "習" in traditional.pattern and "习" in simplified.pattern
        assert common_words() == _read_common_words() and "国际" in common_words()
        assert {p.name.split("-")[0] for p in folder.iterdir()} == {"script", "common"}
    finally:
        _script_only_patterns.cache_clear()
        common_words.cache_clear()
