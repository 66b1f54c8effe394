"""Optional sidecars: ``seeds/<seed>.yml`` states what the page text cannot.

A sidecar may say which outlet printed a page, its year and date, and, for an
article picked by the first characters of its body (``match``), a title, kind
or date. It never carries article text or boundaries that the text shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .readers import SeedError, input_bytes, load_yaml

_PAGE_KEYS = {"source", "year", "date", "articles"}
_ARTICLE_KEYS = {"match", "title", "title_en", "kind", "date", "on_topic"}


@dataclass(frozen=True)
class ArticleNote:
    match: str
    title: str | None = None
    title_en: str | None = None
    kind: str | None = None
    date: dt.date | None = None
    on_topic: bool | None = None


@dataclass(frozen=True)
class Sidecar:
    source: str | None = None
    year: int | None = None
    date: dt.date | None = None
    articles: tuple[ArticleNote, ...] = field(default_factory=tuple)

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
    """``raw``: the sidecar's bytes (sidecar_bytes) when the caller has read them."""
    path = sidecar_path(seed)
    raw = sidecar_bytes(seed) if raw is None else raw
    if not raw:
        return Sidecar()
    try:
        data = load_yaml(raw.decode("utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise SeedError(path, f"not valid YAML: {str(err).splitlines()[0]}") from None
    if not isinstance(data, dict) or not set(data) <= _PAGE_KEYS:
        raise SeedError(path, f"expected a mapping with keys from {sorted(_PAGE_KEYS)}")
    notes = []
    for entry in data.get("articles") or []:
        if not isinstance(entry, dict) or "match" not in entry or not set(entry) <= _ARTICLE_KEYS:
            raise SeedError(path, f"each article needs 'match' and keys from {sorted(_ARTICLE_KEYS)}")
        notes.append(ArticleNote(**{**entry, "date": _date(entry.get("date"), path)}))
    return Sidecar(
        source=data.get("source"),
        year=data.get("year"),
        date=_date(data.get("date"), path),
        articles=tuple(notes),
    )


def _date(value: object, path: Path) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value  # type: ignore[return-value]
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SeedError(path, f"date {value!r} is not YYYY-MM-DD") from None
