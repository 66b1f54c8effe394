"""The one jieba tokenizer of the code base.

jieba's module-level functions share a global tokenizer that any import can
mutate (add_word, load_userdict). We own an explicit ``jieba.Tokenizer``
instead, built once with the words our corpus needs, so segmentation does not
depend on what other code did to jieba.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import logging
import os
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from zhcorpus.files import kept_table, table_key


def _backend() -> str:
    """rjieba (Rust, same dictionary and algorithm, tested to give identical
    tokens) when installed, unless ZHCORPUS_SEGMENTER=jieba asks for jieba."""
    if os.environ.get("ZHCORPUS_SEGMENTER", "") == "jieba":
        return "jieba"
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return "jieba"
    return "rjieba"


class Segmenter:
    def __init__(self, user_words: Iterable[str] = (), backend: str | None = None):
        self.backend = backend or _backend()
        self._user_words = sorted(set(user_words))
        self._tagger = None  # jieba's part-of-speech tokenizer over ours, made when first asked
        if self.backend == "rjieba":
            import rjieba

            self._tokenizer = rjieba.Jieba()  # an instance of its own, never the module's global
            for word in self._user_words:
                self._tokenizer.add_word(word, _USER_WORD_FREQUENCY, None)
        else:
            import jieba  # here, not at the top: importing it costs ~0.3 s (pkg_resources)

            jieba.setLogLevel(logging.WARNING)  # not "Building prefix dict..." on every start
            self._tokenizer = jieba.Tokenizer()
            for word in self._user_words:
                self._tokenizer.add_word(word, freq=_USER_WORD_FREQUENCY)

    def cut(self, text: str) -> list[str]:
        if self.backend == "rjieba":
            return self._tokenizer.cut(text, False)
        return list(self._tokenizer.cut(text, HMM=False))

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Words with jieba's part-of-speech tags, as ``cut`` splits them (no HMM). The two
        backends agree: a run of ASCII digits is 'm' (a numeral; jieba's Python tagger says
        'eng'), a user word without a tag is 'x' (rjieba says '')."""
        if self.backend == "rjieba":
            pairs = self._tokenizer.tag(text, False)
        else:
            if self._tagger is None:
                import jieba.posseg

                self._tagger = jieba.posseg.POSTokenizer(self._tokenizer)
            pairs = [(pair.word, pair.flag) for pair in self._tagger.cut(text, HMM=False)]
        return [(word, "m" if word.isascii() and word.isdigit() else tag or "x") for word, tag in pairs]

    def cut_for_search(self, text: str) -> list[str]:
        if self.backend == "rjieba":
            return self._tokenizer.cut_for_search(text, False)
        return list(self._tokenizer.cut_for_search(text, HMM=False))

    def __getstate__(self) -> dict:  # tokenizers do not pickle; rebuild them in the worker
        return {"backend": self.backend, "user_words": self._user_words}

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["user_words"], state["backend"])


# High enough that a user word wins over jieba's splits of transliterated names.
_USER_WORD_FREQUENCY = 2_000_000


def jieba_dictionary_path() -> Path:
    """jieba's word list, found without importing jieba: the site build and a corpus
    build with rjieba read it, and importing jieba takes longer than reading it."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ImportError("jieba is not installed")
    return Path(spec.origin).with_name("dict.txt")


def jieba_version() -> str:
    return importlib.metadata.version("jieba")


# Below this jieba frequency a word is rare enough (国本: 40) that a join
# forming it by accident says nothing; 动荡 (666) and 国际 (24601) are common.
COMMON_WORD_FREQUENCY = 500


# A line of jieba's word list is "word frequency tag". Lines of words of two or more
# characters whose frequency has the threshold's digits or more are found in C over
# the whole file, and only those are compared: reading all 349,046 lines in Python
# took 0.15 s in every worker process.
_CANDIDATE_LINE = re.compile(rf"^([^ \n]{{2,}}) 0*([1-9][0-9]{{{len(str(COMMON_WORD_FREQUENCY)) - 1},}})(?= |$)",
                             re.MULTILINE)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """jieba's words of COMMON_WORD_FREQUENCY or more: read from its word list in 0.08 s
    in every process that builds a page, so kept between builds."""
    key = table_key(jieba_version(), COMMON_WORD_FREQUENCY, _CANDIDATE_LINE.pattern, _read_common_words)
    return kept_table("common-words", key, _read_common_words)


def _read_common_words() -> frozenset[str]:
    text = jieba_dictionary_path().read_text(encoding="utf-8")
    return frozenset(word for word, frequency in _CANDIDATE_LINE.findall(text)
                     if int(frequency) >= COMMON_WORD_FREQUENCY)


@lru_cache(maxsize=1)
def dictionary_char_frequencies() -> dict[str, int]:
    counts: Counter[str] = Counter()
    with jieba_dictionary_path().open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.split(" ")
            if len(parts) >= 2 and parts[1].isdigit():
                for char in parts[0]:
                    counts[char] += int(parts[1])
    return dict(counts)
