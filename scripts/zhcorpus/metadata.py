"""Front-matter facts derived from a draft: date, bylines, kind, slug.

Each is a small rule over what the page printed, with the sidecar as the
override for what the page cannot tell.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from functools import lru_cache
from typing import Iterable

from pypinyin import lazy_pinyin

from .segment import Draft
from .sidecars import ArticleNote, Sidecar

_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_FULL_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def dateline_date(dateline: str, year: int | None) -> dt.date | None:
    match = _MONTH_DAY.search(dateline)
    if not match or year is None:
        return None
    return _safe_date(year, int(match.group(1)), int(match.group(2)))


def page_year(texts: Iterable[str], sidecar: Sidecar) -> int | None:
    """The year datelines leave out: the sidecar's, else a full date printed on the page."""
    if sidecar.year:
        return sidecar.year
    if sidecar.date:
        return sidecar.date.year
    years = sorted({int(m.group(1)) for text in texts for m in _FULL_DATE.finditer(text)})
    return years[-1] if years else None


def article_date(draft: Draft, note: ArticleNote | None, sidecar: Sidecar,
                 page_dates: list[dt.date], year: int | None) -> tuple[dt.date | None, str]:
    if (found := dateline_date(draft.dateline, year)) is not None:
        return found, "dateline"
    if note and note.date:
        return note.date, "sidecar"
    if sidecar.date:
        return sidecar.date, "sidecar"
    if year and (mentioned := mentioned_dates(" ".join(text for _, text, _ in draft.body), year)):
        return max(mentioned), "mentioned"
    if page_dates:
        return max(page_dates), "page"
    return None, "unknown"


_DATE_RANGE = re.compile(r"(\d{1,2})月(\d{1,2})日(?:[至到—－-](\d{1,2})日)?")


def mentioned_dates(text: str, year: int) -> list[dt.date]:
    """Dates an undated article reports (6月18日, 6月16日至18日: the range's end)."""
    found = []
    for match in _DATE_RANGE.finditer(text):
        day = int(match.group(3) or match.group(2))
        if (date := _safe_date(year, int(match.group(1)), day)) is not None:
            found.append(date)
    return found


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


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
    ("photo", lambda d: any(re.search(r"[摄攝]$", b) for b in d.bylines)),
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
