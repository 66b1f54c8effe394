"""The segmenter wrapper: an explicit tokenizer per configuration, rjieba a true drop-in."""

import json

import jieba
import pytest

from zhcorpus.language.segmenter import Segmenter, common_words


@pytest.fixture(scope="module")
def corpus_text(root):
    lines = (root / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    return "".join(json.loads(line)["title"] + json.loads(line)["body"] for line in lines)


@pytest.mark.parametrize("user_words", [(), ("托卡耶夫", "米尔济约耶夫", "阿斯塔纳宣言", "西罗吉丁·穆赫里丁")])
def test_rjieba_gives_jiebas_tokens(corpus_text, user_words):
    pytest.importorskip("rjieba", reason="rjieba is in the test extras")
    rust, python = Segmenter(user_words, backend="rjieba"), Segmenter(user_words, backend="jieba")
    assert rust.cut(corpus_text) == python.cut(corpus_text)
    assert rust.cut_for_search(corpus_text) == python.cut_for_search(corpus_text)
    assert rust.tag(corpus_text) == python.tag(corpus_text)  # part-of-speech tags too (names, quotes/direct.py)


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_tags_are_the_words_of_cut(backend):
    pytest.importorskip(backend)
    segmenter = Segmenter(backend=backend)
    text = "2025年6月17日，研究员周立新这样表示。"
    tagged = segmenter.tag(text)
    assert [word for word, _ in tagged] == segmenter.cut(text)
    assert dict(tagged)["2025"] == "m" and dict(tagged)["研究员"] == "n" and dict(tagged)["表示"] == "v"


@pytest.mark.parametrize("backend", ["jieba", "rjieba"])
def test_user_words_stay_whole_and_do_not_leak(backend):
    pytest.importorskip(backend)
    assert Segmenter(["米尔济约耶夫"], backend=backend).cut("会见米尔济约耶夫") == ["会见", "米尔济约耶夫"]
    # another instance, and jieba's global tokenizer, never see those words
    assert "米尔济约耶夫" not in Segmenter(backend=backend).cut("会见米尔济约耶夫")
    assert "米尔济约耶夫" not in jieba.lcut("会见米尔济约耶夫")


def test_segmenter_survives_pickling_for_workers():
    import pickle

    copy = pickle.loads(pickle.dumps(Segmenter(["米尔济约耶夫"], backend="jieba")))
    assert copy.cut("会见米尔济约耶夫") == ["会见", "米尔济约耶夫"]


def test_rare_words_are_not_join_evidence():
    words = common_words()
    assert "国际" in words and "组织" in words and "国本" not in words


def test_common_words_are_the_dictionary_lines_over_the_threshold():
    """The one regular expression reads jieba's word list as a line-by-line parse does."""
    from zhcorpus.language.segmenter import COMMON_WORD_FREQUENCY, jieba_dictionary_path

    expected = set()
    for line in jieba_dictionary_path().read_text(encoding="utf-8").splitlines():
        word, frequency, _ = line.split(" ")
        if len(word) >= 2 and int(frequency) >= COMMON_WORD_FREQUENCY:
            expected.add(word)
    assert common_words() == expected and len(expected) > 5000
