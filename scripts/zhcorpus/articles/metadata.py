"""Front-matter facts derived from a draft: date, bylines, kind, slug.

Each is a small rule over what the page printed, with the sidecar as the
override for what the page cannot tell.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from pypinyin import lazy_pinyin

from zhcorpus.articles import dates
from zhcorpus.articles.outlets import Mark
from zhcorpus.reading.segment import Draft
from zhcorpus.editorial.sidecars import ArticleNote, Sidecar

_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class PageDates:
    """What dates an article from what the page prints: the year its datelines leave
    out (the sidecar's, the page's own date's, or ``zhcorpus build --year``), the
    date the page prints as its own (a header, a web page's time line), and the one
    date every dated dateline of the page gives, when they agree."""

    year: int | None = None
    printed: dt.date | None = None
    datelines: dt.date | None = None


def page_year(sidecar: Sidecar, printed: dt.date | None, given: int | None) -> int | None:
    """The page's year: its sidecar's, else the one it prints, else the one the build was given."""
    if sidecar.year:
        return sidecar.year
    if sidecar.date:
        return sidecar.date.year
    if printed:
        return printed.year
    return given


def dateline_date(mark: Mark | None, dateline: str, year: int | None,
                  reference: dt.date | None) -> dt.date | None:
    """新华社阿斯塔纳6月17日电 in the page's year; 台北16日電 (the day only) in the month of
    the page's own date (``reference``); 塔什干，2025年6月18日（UzA） as printed."""
    if mark is not None and mark.year:
        return dates.real_date(mark.year, mark.month, mark.day)
    month, day = (mark.month, mark.day) if mark is not None else (None, None)
    if day is None and (match := _MONTH_DAY.search(dateline)):
        month, day = int(match.group(1)), int(match.group(2))
    if day is None:
        return None
    if month is None:
        return dates.day_in_month_of(day, reference) if reference else None
    return dates.with_year(year, month, day, reference) if year else None


def article_date(from_dateline: dt.date | None, note: ArticleNote | None, own: dt.date | None,
                 sidecar: Sidecar, page: PageDates) -> tuple[dt.date | None, str]:
    """The article's date and where it came from, in this order: its dateline, the
    sidecar's note for it, the date it prints as its own, the sidecar's page date, the
    date the page prints, the date all the page's datelines agree on. Never a date the
    text mentions (将于7月1日, 6月3日摄): with none of these, no date."""
    for found, basis in ((from_dateline, "dateline"), (note.date if note else None, "sidecar"),
                         (own, "printed"), (sidecar.date, "sidecar"), (page.printed, "printed"),
                         (page.datelines, "page")):
        if found is not None:
            return found, basis
    return None, "unknown"


_BYLINE_NAMES = re.compile(r"(?:记者|記者|主席|总统|總統|总理|總理|部长|部長|外长|外長)((?:\s+[\u4e00-\u9fff·]{2,5})+)")
_BYLINE_TAIL = re.compile(r"^(?:\S{0,4}(?:报道|報道)|摄|攝)$")


def byline_names(bylines: Iterable[str]) -> list[str]:
    names: list[str] = []
    for byline in bylines:
        match = _BYLINE_NAMES.search(byline)
        if not match:
            continue
        for name in match.group(1).split():
            if not _BYLINE_TAIL.match(name) and name not in names:
                names.append(name)
    return names


# Ordered: the first rule that holds names the kind.
_KIND_RULES: tuple[tuple[str, object], ...] = (
    ("speech", lambda d: re.search(r"发言|讲话|致辞|演讲|發言|講話|致辭|演講", d.subtitle)
        or any(re.search(r"(主席|总统|總統)\s+\S+$", b) for b in d.bylines)),
    # A photo's only credit is its photographer's; a report may print a photo credit too.
    ("photo", lambda d: not d.dateline and bool(d.bylines) and all(re.search(r"[摄攝]$", b) for b in d.bylines)),
    ("reporters-notes", lambda d: d.kicker in ("记者手记", "記者手記")),
    ("interview", lambda d: re.search(r"解读|解讀|专访|專訪", d.kicker)),
    ("roundup", lambda d: sum(1 for role, _, _ in d.body if role == "item") >= 3),
    ("feature", lambda d: re.search(r"纪行|紀行|特写|特寫|侧记|側記", d.subtitle)),
    ("briefing", lambda d: re.search(r"王毅[谈談]", d.title)),
)


def article_kind(draft: Draft, note: ArticleNote | None) -> str:
    if note and note.kind:
        return note.kind
    for kind, rule in _KIND_RULES:
        if rule(draft):  # type: ignore[operator]
            return kind
    return "report"


@lru_cache(maxsize=65536)
def ascii_pinyin(word: str) -> str:
    """A title word (or an outlet's name) in toneless pinyin, ASCII only; words recur across titles."""
    syllables = "".join(lazy_pinyin(word, errors=lambda chars: chars))
    return re.sub(r"[^a-z0-9]+", "", syllables.lower())


def slug_for(date: dt.date | None, source_id: str, title_words: list[str]) -> str:
    """<date>-<outlet>-<pinyin words of the title>: ASCII, stable and readable."""
    words = []
    for word in title_words:
        ascii_word = ascii_pinyin(word)
        if ascii_word:
            words.append(ascii_word)
    tail = ""
    for word in words:
        if len(tail) + len(word) + 1 > 48:
            break
        tail = f"{tail}-{word}" if tail else word
    prefix = date.isoformat() if date else "undated"
    return f"{prefix}-{source_id}-{tail or 'untitled'}"


def unique_slugs(articles: list[tuple[str, str]]) -> list[str]:
    """(seed name, slug) of each article, in page order -> slugs that are all different.

    Articles of one date, outlet and title (twins) share a slug. The first, in seed
    order, keeps it; each other adds a tag of its own seed's name, and the k-th twin
    in its seed (counting one that kept the slug) adds k too, from 2. So when a seed
    changes, the only article of another seed that can be renamed is the twin that
    comes first once a first twin has come or gone, and a URL is never handed to
    another article. Numbering twins across the corpus (-2, -3...) had renamed every
    later twin. A slug that is already some article's gets the next number."""
    order = sorted(range(len(articles)), key=lambda i: articles[i][0])  # stable: page order kept
    twins: dict[str, list[int]] = defaultdict(list)
    for i in order:
        twins[articles[i][1]].append(i)
    slugs = [slug for _, slug in articles]
    taken = set(twins)
    for base in sorted(twins):
        in_seed: dict[str, int] = defaultdict(int)
        for n, i in enumerate(twins[base]):
            seed = articles[i][0]
            in_seed[seed] += 1
            if n == 0:
                continue
            tag = f"{base}-{hashlib.sha1(seed.encode('utf-8')).hexdigest()[:6]}"
            number = in_seed[seed]
            candidate = tag if number == 1 else f"{tag}-{number}"
            while candidate in taken:
                number += 1
                candidate = f"{tag}-{number}"
            taken.add(candidate)
            slugs[i] = candidate
    return slugs
