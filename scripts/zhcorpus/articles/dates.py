"""Dates as pages print them: numbers in three scripts, dates with their year,
and the furniture lines that carry the date of a page or an article.

A page prints its own date in furniture: a print page's header (2025年6月18日
星期三 … A01), a web page's time line (2025-06-17 21:34:07 来源：央视网,
发布/2023年5月19日 18:40). Running text prints other dates (将于7月1日, 两年前,
6月3日摄): those are never a page's or an article's date, so a date is read only
from a line that holds no sentence.
"""

from __future__ import annotations

import datetime as dt
import re

from zhcorpus.editorial.schema import YEARS

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_CHINESE_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                   "八": 8, "九": 9}

DIGITS = "0-9０-９"
CHINESE = "〇○零一二三四五六七八九十"
# A month or a day as printed: 6, ６, 06, 六, 十七, 三十一.
NUMBER = f"(?:[{DIGITS}]{{1,2}}|[{CHINESE}]{{1,3}})"
# A date with its year: 2025-06-16, 2025/6/16, 2025.6.16, 2025年6月16日, ２０２５年６月１６日,
# 二〇二五年六月十六日; and day first, as European and Russian outlets' Chinese services print
# it: 19.06.2025, 18/06/2025. Not part of a longer number (a URL's 20250616123).
FULL_DATE = (f"(?<![{DIGITS}])(?:[{DIGITS}]{{4}}\\s*[-/.年]\\s*[{DIGITS}]{{1,2}}\\s*[-/.月]\\s*[{DIGITS}]{{1,2}}"
             f"(?:\\s*日)?|[{CHINESE}]{{4}}年[{CHINESE}]{{1,2}}月[{CHINESE}]{{1,3}}日"
             f"|[{DIGITS}]{{1,2}}\\s*[./]\\s*[{DIGITS}]{{1,2}}\\s*[./]\\s*[{DIGITS}]{{4}})(?![{DIGITS}])")
TIME = f"[{DIGITS}]{{1,2}}[:：][{DIGITS}]{{2}}(?:[:：][{DIGITS}]{{2}})?"
WEEKDAY = "(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]"

_FULL_DATE = re.compile(FULL_DATE)
_PARTS = re.compile(f"[{DIGITS}]+|[{CHINESE}]+")
# A line that holds a sentence (or a quotation, or a clause) is running text, not furniture.
_SENTENCE_MARKS = re.compile("[，,。！？；“”「」‘’『』]")
FURNITURE_MAX = 100


def number(text: str) -> int | None:
    """6, ６, 06, 六, 十七, 三十一, 二〇二五 -> the number; None for anything else."""
    text = text.strip().translate(_FULL_WIDTH)
    if text.isdigit():
        return int(text)
    if not text or any(c not in _CHINESE_DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:  # digit by digit, as years are printed: 二〇二五
        return int("".join(str(_CHINESE_DIGITS[c]) for c in text))
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (_CHINESE_DIGITS[tens] if tens else 1) * 10 + (_CHINESE_DIGITS[units] if units else 0)


def real_date(year: int | None, month: int | None, day: int | None) -> dt.date | None:
    if year is None or month is None or day is None or not YEARS[0] <= year <= YEARS[1]:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def full_date(text: str) -> dt.date | None:
    """A printed date with its year (FULL_DATE) -> the date, None if it is not a real one."""
    printed = _PARTS.findall(text)
    parts = [number(p) for p in printed]
    if len(parts) != 3:
        return None
    if len(printed[2]) == 4:  # day first: 19.06.2025
        return real_date(parts[2], parts[1], parts[0])
    return real_date(*parts)


def is_furniture_shaped(text: str) -> bool:
    """Short and holding no sentence, clause or quotation: a header, a time line, a byline."""
    return len(text) <= FURNITURE_MAX and not _SENTENCE_MARKS.search(text)


def printed_date(text: str) -> dt.date | None:
    """The date a furniture line prints (2025年6月18日 星期三 … A01; 2025-06-17 21:34:07
    来源：央视网); None for running text or a line with no date of its own."""
    if not is_furniture_shaped(_DATE_COMMA.sub(" ", text)):  # 19.06.2025, 16:48: a field, not a clause
        return None
    match = _FULL_DATE.search(text)
    if match is None or _RANGE.match(text[match.end():]):  # a range is not a page's date
        return None
    return full_date(match.group(0))


_DATE_COMMA = re.compile(f"(?<=[{DIGITS}]),\\s*(?=[{DIGITS}])")
# 6月16日至18日, 2025-06-16—06-18; not 18/06/2025 - 11:25, a date and its time.
_RANGE = re.compile(f"\\s*[至到—－~-](?!\\s*{TIME})")


_DATE_PARTS = re.compile(f"{FULL_DATE}|{TIME}|{WEEKDAY}")


def without_dates(text: str) -> str:
    """A furniture line without its dates, times and weekdays: what else it says."""
    return _DATE_PARTS.sub("", text)


def day_in_month_of(day: int, reference: dt.date) -> dt.date | None:
    """A dateline that prints the day only (台北16日電, 阿斯塔納十七日電) dates a report
    on the day of that number closest before the page's date: this month, or the
    last when the day is later than the page's."""
    year, month = reference.year, reference.month
    if day > reference.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return real_date(year, month, day)


def with_year(year: int, month: int, day: int, reference: dt.date | None) -> dt.date | None:
    """Month and day in a page's year; a date after the page's own (12月31日 on a page of
    2 January) is the year before's."""
    found = real_date(year, month, day)
    if found is not None and reference is not None and found > reference + dt.timedelta(days=1):
        return real_date(year - 1, month, day)
    return found
