"""The forms of the outlet registry as patterns: placeholders, either script, either width.

A form (taxonomy.yml: ``{outlet}{place}{month}月{day}日电``, ``（记者 {names}）``) is a
literal with placeholders. It is compiled to a pattern on text *folded* to one
script and case, character for character (電 -> 电, 臺 -> 台, A -> a), so one
pattern reads Simplified and Traditional pages and every span it finds is the
span as printed. Marks of two widths are one class (（ and (, ： and :).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Iterable

import opencc

from zhcorpus.articles import dates
from zhcorpus.language.han import HAN_RANGES

# Placeholders a form may hold (see the head of taxonomy.yml), as patterns.
_NAME_CHARS = f"{HAN_RANGES}·・"
PLACEHOLDERS = {
    "outlet": None,  # the outlet's names: made per form
    "source": f"[{HAN_RANGES}]{{1,8}}?(?:社|报|報|网|網|台|新闻|新聞|客户端|客戶端)",
    "own": "本[报報网網台刊]",
    "place": f"[{_NAME_CHARS}]{{1,12}}?",
    "month": dates.NUMBER,
    "day": dates.NUMBER,
    "date": dates.FULL_DATE,
    "time": dates.TIME,
    "weekday": dates.WEEKDAY,
    "name": f"[{_NAME_CHARS}]{{2,16}}",
    "names": f"[{_NAME_CHARS}]{{2,16}}(?:[ \\t\u3000、，,]+[{_NAME_CHARS}]{{2,16}})*",
    "page": f"(?:[A-Za-z]?[0-9０-９]{{1,3}}|第?\\s*[0-9０-９{dates.CHINESE}]+\\s*版)",
    "roc": "1[01][0-9][01][0-9][0-3][0-9]",
    "any": "[^\n<]*?",  # not markup: a line with <script> is no breadcrumb, whatever its >
}
_HAN_RUNS = {"name", "names", "place"}
# A name printed against a place (記者趙一凡北京報道): one field, split by split_name_place.
_NAME_PLACE = f"[{_NAME_CHARS}]{{3,20}}?"
# The placeholders that are a class of all Han characters, as patterns that take at least
# what they do, in as many characters at most, and cost nothing to compile: a role's
# forms together, loose, say quickly whether any of them can read a text at all.
_LOOSE = {"source": ".{2,12}?", "place": ".{1,12}?", "name": ".{2,16}", "names": ".{2,80}?", "nameplace": ".{3,20}?",
          "any": ".*?"}
FORM_TEXT = re.compile(r"(?:[^{}]|\{(?:" + "|".join(PLACEHOLDERS) + r")\})+")

# Equivalent marks: a form written with one is read with any.
_SAME_MARKS = ["（(", "）)", "【[", "】]", "〔[", "〕]", "：:", "／/", "｜|丨", "，,", "·・•", ">＞", "—－-–―"]
_MARK_CLASS = {mark: "[" + re.escape(group) + "]" for group in _SAME_MARKS for mark in group}
OPENING = "（(【[〔"


@dataclass
class Form:
    role: str
    text: str
    source: str                           # the pattern, on folded text
    loose: str                            # a pattern matching at least what it does, quick to compile
    fields: tuple[tuple[str, str], ...]   # (group, placeholder)
    bracketed: bool                       # opens with a bracket: can close a lead
    has_role: bool                        # names a role (记者, 作者…), not names alone
    has_names: bool                       # holds {name} or {names}: a dateline with its byline

    # Compiled when first tried: a name or place is a class of all Han characters, slow to
    # compile, and most forms are only ever tried on what their role's loose pattern let by.
    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(self.source)

    @cached_property
    def bounded(self) -> re.Pattern[str]:
        """The form ending at a space or the end of the text."""
        return re.compile(f"(?:{self.source})(?=\\s|$)")


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def compile_form(role: str, text: str, outlet_names: Iterable[str]) -> Form:
    parts: list[str] = []
    loose: list[str] = []
    fields: list[tuple[str, str]] = []
    pieces = _PLACEHOLDER.split(text)
    # split() alternates literal, placeholder, literal...: odd positions are placeholders.
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        if i % 2 == 0:
            if piece.isspace() and 0 < i < len(pieces) - 1 and {pieces[i - 1], pieces[i + 1]} <= _HAN_RUNS:
                parts.append(r"\s+")  # between two names or places ({names} {place}) a space is what parts them
                loose.append(r"\s+")
            else:
                parts.extend(_literal(c) for c in piece)
                loose.extend(_literal(c) for c in piece)
            i += 1
            continue
        name = piece
        if name in ("name", "names") and i + 2 < len(pieces) and pieces[i + 1] == "" and pieces[i + 2] == "place":
            group = f"g{len(fields)}"
            fields.append((group, "nameplace"))
            parts.append(f"(?P<{group}>{_NAME_PLACE})")
            loose.append(_LOOSE["nameplace"])
            i += 3
            continue
        group = f"g{len(fields)}"
        fields.append((group, name))
        pattern = _outlet_pattern(tuple(outlet_names)) if name == "outlet" else PLACEHOLDERS[name]
        parts.append(f"(?P<{group}>{pattern})")
        loose.append(_LOOSE.get(name, f"(?:{pattern})"))
        i += 1
    stripped = text.lstrip()
    return Form(role=role, text=text, source=_joined(parts), loose=_joined(loose), fields=tuple(fields),
                 has_names=any(p in ("name", "names", "nameplace") for _, p in fields),
                 bracketed=bool(stripped) and stripped[0] in OPENING,
                 has_role=any(r in fold(text) for r in ("记者", "作者", "撰文", "编译", "特派员", "文／", "文/",
                                                              "报道", "报导")))


def _joined(parts: list[str]) -> str:
    """A form's parts as one pattern, allowing spaces between any two (6月 17日, as PDFs give it)."""
    return r"\s*".join(p for p in parts if p).replace(r"\s*\s+\s*", r"\s+")


@lru_cache(maxsize=None)
def _outlet_pattern(names: tuple[str, ...]) -> str:
    patterns = dict.fromkeys(re.escape(fold(name)) for name in sorted(set(names), key=len, reverse=True))
    return "|".join(sorted(patterns, key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=None)
def _literal(char: str) -> str:
    """One character of a form as a pattern on folded text: any width of a mark."""
    if char.isspace():
        return ""
    if char in _MARK_CLASS:
        return _MARK_CLASS[char]
    return re.escape(fold(char))


@lru_cache(maxsize=None)
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


class _Folding(dict):
    """Character (ordinal) -> the one character the forms are read in: its Simplified
    form (電 -> 电, 臺 -> 台), a Latin letter in lower case. Made once per character,
    and always one character, so a match's span in folded text is its span as printed."""

    def __missing__(self, ordinal: int) -> str:
        char = chr(ordinal)
        folded = char.lower() if char.isascii() else char
        for config in ("hk2s", "tw2s", "t2s"):
            converted = _opencc(config).convert(char)
            if len(converted) == 1 and converted != char:
                folded = converted
                break
        self[ordinal] = folded
        return folded


_FOLDING = _Folding()


def fold(text: str) -> str:
    """Text in the one script and case the forms are compiled in, character for character."""
    return text.translate(_FOLDING)


