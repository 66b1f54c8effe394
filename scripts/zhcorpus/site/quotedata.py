"""Read ``corpus/quotes.jsonl``: one quote per line, with every article reporting it.

The format is written by ``zhcorpus.quotes.quotebook``; this module only parses it.
Ids, slugs and anchors become URLs and HTML ids, so they are held to ASCII
here; the texts are plain source text and are escaped wherever they are shown.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .corpus import CorpusError
from .settings import NO_OUTLET

_QUOTE_ID = re.compile(r"^q-[0-9a-z]+$")
_SLUG = re.compile(r"^[a-z0-9-]+$")
_ANCHOR = re.compile(r"^[ps][0-9]+$")
_SPEAKER_ID = re.compile(r"^[a-z0-9_-]+$")


@dataclass(frozen=True)
class Source:
    """One article's report of a quote: where it is and how it was worded."""

    slug: str
    anchor: str
    title: str
    outlet: str
    date: str
    text: str
    speaker: str | None
    verb: str | None


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    speaker: str | None  # the name as printed
    speaker_id: str | None  # None: unattributed, never shown under a person
    role: str | None
    country: str | None
    slug: str  # the main report
    anchor: str
    verb: str | None
    wording_differs: bool
    sources: tuple[Source, ...]
    # (slug, anchor) of the speech paragraph whose words these are, when no report
    # named the speaker and the speech did (attributed_by: speech)
    speech_basis: tuple[str, str] | None = None


def _opt(value) -> str | None:
    return None if value is None or value == "" else str(value)


def _check(pattern: re.Pattern, value: str, what: str, where: str) -> str:
    if not pattern.match(value):
        raise CorpusError(f"{where}: {what} {value!r} is not ASCII [a-z0-9-]")
    return value


def _source(raw: dict, where: str) -> Source:
    return Source(
        slug=_check(_SLUG, str(raw["slug"]), "slug", where),
        anchor=_check(_ANCHOR, str(raw["anchor"]), "anchor", where),
        title=str(raw.get("title") or ""),
        outlet=str(raw.get("outlet") or NO_OUTLET),
        date=str(raw.get("date") or ""),
        text=str(raw.get("text") or ""),
        speaker=_opt(raw.get("speaker")),
        verb=_opt(raw.get("verb")),
    )


def _speech_basis(raw: dict, where: str) -> tuple[str, str] | None:
    if raw.get("attributed_by") != "speech":
        return None
    basis = raw["basis"]
    return (_check(_SLUG, str(basis["slug"]), "basis slug", where),
            _check(_ANCHOR, str(basis["anchor"]), "basis anchor", where))


def parse_quote(raw: dict, where: str) -> Quote:
    try:
        speaker_id = _opt(raw.get("speaker_id"))
        return Quote(
            id=_check(_QUOTE_ID, str(raw["id"]), "id", where),
            text=str(raw["text"]),
            speaker=_opt(raw.get("speaker")),
            speaker_id=speaker_id and _check(_SPEAKER_ID, speaker_id, "speaker_id", where),
            role=_opt(raw.get("role")),
            country=_opt(raw.get("country")),
            slug=_check(_SLUG, str(raw["slug"]), "slug", where),
            anchor=_check(_ANCHOR, str(raw["anchor"]), "anchor", where),
            verb=_opt(raw.get("verb")),
            wording_differs=bool(raw.get("wording_differs")),
            sources=tuple(_source(s, where) for s in raw.get("sources") or []),
            speech_basis=_speech_basis(raw, where),
        )
    except (KeyError, TypeError) as exc:
        raise CorpusError(f"{where}: quote without field {exc}") from None


def load_quotes(path: Path) -> list[Quote]:
    """Every quote, in file order (the build sorts them by id); none if no file.

    A corpus built before quotes existed simply has no quotes page content.
    """
    if not path.is_file():
        return []
    quotes = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            quotes.append(parse_quote(json.loads(line), f"{path}:{number}"))
    return quotes
