"""Dates as English and Russian pages print them: in datelines (June 17, Nov. 21, 2017,
17 июня), web date lines (Updated: 2025-06-17 09:12, 18-Jun-2025, 17.06.2025, 17 июня
2025). A date with no year takes the page's; a date that is not real is none."""

from __future__ import annotations

import datetime as dt
import re

from zhcorpus.articles.dates import real_date

_EN = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
     ("nov", "november"), ("dec", "december")], start=1) for name in names}
_RU = {name: number for number, name in enumerate(
    ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
     "ноября", "декабря"], start=1)}

_MONTH_WORD = r"([A-Za-zА-Яа-яЁё]+)\.?"
_FORMS = [
    # (pattern, order of (year, month, day) groups)
    (re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(20\d\d)\b"), ("d", "m", "y")),
    (re.compile(rf"\b(\d{{1,2}})-{_MONTH_WORD}-(20\d\d)\b"), ("d", "m", "y")),
    (re.compile(rf"\b{_MONTH_WORD} (\d{{1,2}})(?:, (20\d\d))?\b"), ("m", "d", "y")),
    (re.compile(rf"\b(\d{{1,2}}) {_MONTH_WORD}(?: (20\d\d))?"), ("d", "m", "y")),
]


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return _EN.get(word) or _RU.get(word)


def latin_date(text: str, year: int | None = None) -> dt.date | None:
    """The first date ``text`` prints, in ``year`` when it prints none; None if there is no
    date, no year for it, or it is not a real day."""
    for pattern, order in _FORMS:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups()))
            month = int(parts["m"]) if parts["m"].isdigit() else month_number(parts["m"])
            if month is None:
                continue
            found_year = int(parts["y"]) if parts.get("y") else year
            if found_year is None:
                return None
            return real_date(found_year, month, int(parts["d"]))
    return None


def printed_year(text: str) -> int | None:
    """The year of the first full date a text prints (for a page's year)."""
    found = latin_date(text)
    return found.year if found else None
