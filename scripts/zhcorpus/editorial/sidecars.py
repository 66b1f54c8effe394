"""Optional sidecars: ``seeds/<seed>.yml`` states what the page text cannot.

A sidecar may say which outlet printed a page, its year and date, and, for an
article picked by the first characters of its body (``match``), a title, kind
or date. It never carries article text or boundaries that the text shows.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from zhcorpus.reading.readers import input_bytes
from zhcorpus.language.detect import LANGS
from zhcorpus.language.han import HAN_RANGES
from zhcorpus.editorial.schema import ID, ID_CHARS, YEARS, Day, Flag, ListOf, OneOf, Record, Text, Whole, load

# Every kind the build gives, and the one only a sidecar can (commentary).
ARTICLE_KINDS = ("speech", "report", "commentary", "reporters-notes", "interview", "roundup", "feature",
                 "photo", "briefing")

# An outlet is named by its taxonomy id (xinhua) or by its name as printed (新华社).
# Either way the id that reaches the slug is ASCII (see articles.outlet_id): no
# path, no markup, no upper case can come through here.
OUTLET = re.compile(f"{ID.pattern}|[{HAN_RANGES}·]{{1,32}}")

# A page's or article's language, when the text misleads the detector (language/detect.py).
LANG = OneOf(LANGS)

SIDECAR = Record({
    "source": Text(max_len=64, pattern=OUTLET, rule=f"an outlet's id ({ID_CHARS}) or its name in Han characters"),
    "year": Whole(*YEARS),
    "date": Day(),
    "articles": ListOf(Record({
        "match": Text(max_len=200),
        "title": Text(max_len=200),
        "title_en": Text(max_len=300),
        "kind": OneOf(ARTICLE_KINDS),
        "date": Day(),
        "on_topic": Flag(),
        "lang": LANG,
    }, required=("match",)), max_items=1000),
    "lang": LANG,
})


@dataclass(frozen=True)
class ArticleNote:
    match: str
    title: str | None = None
    title_en: str | None = None
    kind: str | None = None
    date: dt.date | None = None
    on_topic: bool | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Sidecar:
    source: str | None = None
    year: int | None = None
    date: dt.date | None = None
    articles: tuple[ArticleNote, ...] = field(default_factory=tuple)
    lang: str | None = None

    def note_for(self, first_text: str) -> ArticleNote | None:
        for note in self.articles:
            if first_text.startswith(note.match) or note.match in first_text[: len(note.match) + 40]:
                return note
        return None


def sidecar_path(seed: Path) -> Path:
    return seed.with_suffix(".yml")


def sidecar_bytes(seed: Path) -> bytes:
    """The bytes of the seed's sidecar; b"" when it has none."""
    return input_bytes(sidecar_path(seed), missing=b"")


def read_sidecar(seed: Path, raw: bytes | None = None) -> Sidecar:
    """``raw``: the sidecar's bytes (sidecar_bytes) when the caller has read them.
    A sidecar that does not fit SIDECAR is a SeedError naming it: its seed is left
    out, the others build."""
    raw = sidecar_bytes(seed) if raw is None else raw
    if not raw:
        return Sidecar()
    data: dict = load(sidecar_path(seed), raw, SIDECAR, "sidecar", empty={})  # type: ignore[assignment]
    return Sidecar(
        lang=data.get("lang"),
        source=data.get("source"),
        year=data.get("year"),
        date=data.get("date"),
        articles=tuple(ArticleNote(**entry) for entry in data.get("articles", ())),
    )
