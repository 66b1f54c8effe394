"""Which language a text is written in: zh-Hans, zh-Hant, en or ru.

Judged by counting letters of each script, not by a threshold on one: a Chinese
page with an English headline line (or a Latin outlet name in a credit) has
far more Han characters than Latin letters per character of meaning, and an
English page quoting one Chinese name is still English. A Han character
carries about a word, so Han characters weigh as much as a whole Latin word
(five letters). Chinese is then told Simplified from Traditional as before.
"""

from __future__ import annotations

import re

from zhcorpus.language.convert import detect_script
from zhcorpus.language.han import HAN

LANGS = ("zh-Hans", "zh-Hant", "en", "ru")

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTERS_PER_HAN = 5


def script_counts(text: str) -> tuple[int, int, int]:
    """(Han characters, Latin letters, Cyrillic letters) of ``text``."""
    return len(HAN.findall(text)), len(_LATIN.findall(text)), len(_CYRILLIC.findall(text))


def detect_lang(text: str) -> str:
    """The language of ``text``; a text with no letters at all is taken as Chinese (zh-Hans),
    the corpus's own language, so nothing that read as Chinese before reads otherwise."""
    han, latin, cyrillic = script_counts(text)
    if han * _LETTERS_PER_HAN >= latin + cyrillic:
        return detect_script(text)
    return "ru" if cyrillic >= latin else "en"


def is_chinese(lang: str) -> bool:
    return lang.startswith("zh")
