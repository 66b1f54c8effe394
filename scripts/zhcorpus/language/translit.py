"""Cyrillic in Latin letters, for ids and slugs (a Russian headline's slug, a new speaker's id).

A plain table (close to the Russian passport system, ICAO 9303), not a reading aid:
ids and slugs only need to be ASCII, stable and recognisable. Other text passes as is.
"""

from __future__ import annotations

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia", "қ": "q", "ғ": "g", "ү": "u", "ұ": "u", "ң": "ng", "ө": "o", "һ": "h",
    "і": "i", "ә": "a",
}
_TRANSLATION = str.maketrans({**_TABLE, **{k.upper(): v.capitalize() for k, v in _TABLE.items()}})


def to_latin(text: str) -> str:
    """``text`` with every Cyrillic letter in Latin letters (Токаев -> Tokaev)."""
    return text.translate(_TRANSLATION)
