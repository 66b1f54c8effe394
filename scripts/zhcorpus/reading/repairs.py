"""Small repairs for what PDF extraction broke, in the manner of ftfy's fixes.

Each repair is a pure ``str -> str`` function named for what it repairs, with
a docstring saying why. ``REPAIRS`` is the ordered pipeline. A repair must
never change what the source *says*: typos, odd wording and source errors
stay as printed. Full-width punctuation and “” quotes carry meaning in
Chinese and are never touched except as stated here.
"""

from __future__ import annotations

import re
import unicodedata

from zhcorpus.language.han import HAN, HAN_RANGES

# Characters that make a neighbouring half-width mark "inside Chinese text".
CJK_CONTEXT = HAN_RANGES + r"\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026"


def normalize_nfc(text: str) -> str:
    """One code point sequence per character, so search and counts agree."""
    return unicodedata.normalize("NFC", text)


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def remove_zero_width(text: str) -> str:
    """Zero-width spaces/joiners and soft hyphens are invisible PDF debris that
    break phrase search and character counts."""
    return _ZERO_WIDTH.sub("", text)


_SPACE_HAN_DIGIT = re.compile(rf"(?<=[{HAN_RANGES}])[ \u00a0\u3000]+(?=\d)|(?<=\d)[ \u00a0\u3000]+(?=[{HAN_RANGES}])")


def remove_spaces_between_han_and_digits(text: str) -> str:
    """'2100 多年前', '6月 16日': justified columns pad numbers with spaces that
    were never in the copy. Spaces between two Han characters (headline decks,
    bylines) and between Latin words are left alone."""
    # The pattern opens with a lookbehind, so it is tried at every position of every
    # line; most lines hold no space at all, which a substring test finds in C.
    if " " not in text and "\u00a0" not in text and "\u3000" not in text:
        return text
    return _SPACE_HAN_DIGIT.sub("", text)


_HALF_TO_FULL = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；"}
_ANY_HALF_PUNCT = re.compile("[,?!:;]")
_HALF_PUNCT = re.compile(
    rf"(?<=[{CJK_CONTEXT}])([,?!:;])|([,?!:;])(?=[{CJK_CONTEXT}])"
)


def fullwidth_punctuation_in_chinese(text: str) -> str:
    """Half-width , ? ! : ; next to Chinese text become full-width.

    Some wire copy is typed with ASCII punctuation; in Chinese text it sets
    badly and splits differently in search. Between digits or Latin letters
    (1,000 / 10:30 / http:) it is left as it is.
    """
    if not _ANY_HALF_PUNCT.search(text):  # most lines have none (see the repair above)
        return text
    return _HALF_PUNCT.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], text)


_ASCII_PARENS = re.compile(r"\(([^()\n]*)\)")


def fullwidth_parentheses_in_chinese(text: str) -> str:
    """(6月3日摄,无人机照片) -> （6月3日摄，无人机照片）: a parenthesis pair
    holding Chinese, or glued to Chinese, is a Chinese parenthesis. A pair
    around Latin text between Latin words stays half-width."""

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        inside = match.group(1)
        if HAN.search(inside) or HAN.match(before) or HAN.match(after):
            return f"（{fullwidth_punctuation_in_chinese(inside)}）"
        return match.group(0)

    return _ASCII_PARENS.sub(replace, text)


_CHINA_CENTRAL_ASIA = re.compile(r"(中[国國])\s*[－—–‐‑-]\s*(中[亚亞])|(中[亚亞])\s*[－—–‐‑-]\s*(中[国國])")


def unify_china_central_asia_dash(text: str) -> str:
    """中国－中亚 (full-width hyphen) and 中国—中亚 (em dash) name one thing;
    written two ways, a search for one misses the other. The em dash is what
    most of the copy uses."""

    def replace(match: re.Match[str]) -> str:
        left, right = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        return f"{left}—{right}"

    return _CHINA_CENTRAL_ASIA.sub(replace, text)


def strip_edge_whitespace(text: str) -> str:
    """Indents and trailing spaces are layout, not text."""
    return text.strip(" \t\u3000\u00a0")


REPAIRS = (
    normalize_nfc,
    remove_zero_width,
    strip_edge_whitespace,
    remove_spaces_between_han_and_digits,
    fullwidth_parentheses_in_chinese,
    fullwidth_punctuation_in_chinese,
    unify_china_central_asia_dash,
)


def repair(text: str) -> str:
    for fix in REPAIRS:
        text = fix(text)
    return text


_ASCII_WORD_END = re.compile(r"[A-Za-z0-9]$")
_ASCII_WORD_START = re.compile(r"^[A-Za-z0-9]")


def join_wrapped(first: str, second: str) -> str:
    """Rejoin a line cut by the column wrap.

    Chinese has no spaces between words, so the newline between two wide
    characters is dropped; between two Latin words it was a space.
    """
    first = first.rstrip()
    second = second.lstrip()
    # The last character only: searching all of ``first`` for $ made a long paragraph,
    # joined a line at a time, cost its length squared.
    if _ASCII_WORD_END.search(first[-1:]) and _ASCII_WORD_START.search(second):
        if first[-1].isdigit() and second[0].isdigit():
            return first + second
        return f"{first} {second}"
    return first + second
