"""A jieba user dictionary so names and document titles stay one search token.

Material's search plugin cuts Han text with jieba before indexing; without help
jieba splits 米尔济约耶夫 or 阿斯塔纳宣言 into pieces, and a reader typing the
whole name finds nothing. The words are the Chinese names in the taxonomy and
speaker files (for speakers also alias spellings, but not titled forms) and
titles quoted in 《》 in the corpus. Only names, not the taxonomy's match terms:
a phrase such as 赴哈萨克斯坦 made one token would hide 哈萨克斯坦 inside it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .corpus import Article
from .names import Names

_HAN = re.compile(r"[\u3400-\u9fff]")
_QUOTED_TITLE = re.compile(r"《([^《》\n]{2,16})》")
# A dictionary line is "word [freq] [tag]" split on spaces, so a word may only
# hold characters that cannot confuse that (no whitespace, no markup escapes).
_WORD = re.compile(r"^[\u3400-\u9fff\u2014\uff0d·0-9A-Za-z]{2,24}$")
# Material hands jieba only runs of Han characters, so 西罗吉丁·穆赫里丁 reaches
# it as 西罗吉丁 and 穆赫里丁: each part must be a word of its own (the search
# separator cuts queries at the same dots).
_NAME_DOTS = re.compile(r"[·・‧•]")


def _minimal_forms(entry: dict) -> set[str]:
    """An entry's Chinese names minus titled forms of them.

    speakers.yml lists aliases such as 托卡耶夫总统 and 哈萨克斯坦总统托卡耶夫;
    as dictionary words they would swallow 托卡耶夫, and searching the bare name
    would miss those passages. Transliteration variants (no other name inside
    them) are kept.
    """
    forms: set[str] = set()

    def walk(value):
        if isinstance(value, str) and _HAN.search(value) and _WORD.match(value.strip()):
            forms.add(value.strip())
            # The parts of 西罗吉丁·穆赫里丁; the whole then drops out below as
            # a form containing another, which is right: jieba never sees it.
            forms.update(p for p in _NAME_DOTS.split(value.strip()) if len(p) >= 2)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(entry)
    return {f for f in forms if not any(o != f and o in f for o in forms)}


def words(articles: list[Article], names: Names) -> list[str]:
    found: set[str] = set()
    for entry in names.entries.get("speakers", {}).values():
        if isinstance(entry, dict):
            found |= _minimal_forms(entry)
    for family in ("events", "themes"):
        for entry in names.entries.get(family, {}).values():
            if isinstance(entry, dict):
                found.update(str(entry[k]) for k in ("zh_hans", "zh_hant") if entry.get(k))
    for article in articles:
        found.update(_QUOTED_TITLE.findall(article.title))
        found.update(_QUOTED_TITLE.findall(article.body))
    return sorted(w for w in found if _HAN.search(w) and _WORD.match(w))


def write(path: Path, entries: list[str]) -> Path:
    """Write one word per line; jieba then picks a frequency that keeps it whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{w}\n" for w in entries), encoding="utf-8")
    return path
