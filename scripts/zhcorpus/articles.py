"""Article drafts -> articles: convert the script, derive metadata, enrich.

A draft is what the page printed, in its own script; an article is what the
corpus publishes: Simplified text with front-matter, the printed original
kept alongside for Traditional sources.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from .convert import detect_script, to_simplified
from .enrich import Taxonomy, enrich
from .metadata import article_date, article_kind, ascii_pinyin, byline_names, slug_for
from .readers import Seed
from .schema import ID
from .segment import Draft
from .segmenter import Segmenter
from .sidecars import Sidecar
from .speakers import Registry
from .writers import Article, Paragraph


@dataclass(frozen=True)
class PageContext:
    """What the article stage needs to know about the page an article is on."""

    seed: Seed
    sidecar: Sidecar
    year: int | None
    page_dates: list[dt.date]


def body_texts(draft: Draft) -> list[str]:
    return [text for _, text, _ in draft.body] + [lead for _, _, lead in draft.body if lead]


def front_texts(draft: Draft) -> list[str]:
    return [draft.title, draft.subtitle, draft.kicker, draft.dateline, draft.dateplace, draft.continued_from,
            *draft.bylines, *draft.captions, *draft.pull_quotes]


def make_article(page: PageContext, draft: Draft, taxonomy: Taxonomy, speakers: Registry,
                 segmenter: Segmenter) -> Article:
    first_text = next((text for _, text, _ in draft.body), draft.title)
    note = page.sidecar.note_for(first_text)
    script = detect_script(" ".join([draft.title, *(body_texts(draft))]))
    convert = to_simplified if script == "zh-Hant" else (lambda text: text)
    title_basis = "text"
    title = convert(draft.title)
    if not title:
        title, title_basis = _first_phrase(draft, convert), "first-words"
    if note and note.title:
        title, title_basis = note.title, "sidecar"
    date, date_basis = article_date(draft, note, page.sidecar, page.page_dates, page.year)
    named = page.sidecar.source
    source_id = outlet_id(named, taxonomy) if named else _outlet_from_text(page, taxonomy)
    outlet = taxonomy.outlets.get(source_id)
    body = _paragraphs(draft, convert)
    body_text = "\n".join(p.text for p in body)
    names = [convert(n) for n in byline_names(draft.bylines)]
    kind = article_kind(draft, note)
    found = enrich(title, body_text, taxonomy, speakers, speech_speaker=names[0] if kind == "speech" and names else "")
    front: dict = {
        "title": title,
        "subtitle": convert(draft.subtitle) or None,
        "slug": slug_for(date, source_id, segmenter.cut(title)),
        "source": outlet.zh_hans if outlet else (named if named and not ID.fullmatch(named) else source_id),
        "source_id": source_id,
        "seed": page.seed.name,
        "seed_sha256": page.seed.sha256,
        "date": date.isoformat() if date else None,
        "date_basis": date_basis,
        "dateline": convert(draft.dateline) or None,
        "byline": names,
        "byline_text": convert(" / ".join(draft.bylines)) or None,
        "kind": kind,
        "script_original": script,
        "on_topic": note.on_topic if note and note.on_topic is not None else found.on_topic,
        "events": found.events,
        "speakers": found.speakers,
        "themes": found.themes,
        "matched": found.matched,
        "kicker": convert(draft.kicker) or None,
        "pull_quotes": [convert(q) for q in draft.pull_quotes],
        "captions": [convert(c) for c in draft.captions],
        "continued_from": convert(draft.continued_from) or None,
        "truncated_in_print": [body_anchor for body_anchor in _truncated_anchors(draft, body)],
        "title_basis": title_basis,
        "title_en": note.title_en if note and note.title_en else None,
        "delivered": convert(draft.dateplace) or None,
        "paragraphs": sum(1 for p in body if p.role != "h"),
    }
    if script == "zh-Hant":
        front["original"] = {
            "title": draft.title,
            "subtitle": draft.subtitle or None,
            "paragraphs": [{"anchor": p.anchor, "text": original}
                           for p, original in zip(body, _original_texts(draft))],
        }
    return Article(front=front, body=tuple(body))


def _first_phrase(draft: Draft, convert) -> str:
    """A headless item (a photo caption) is titled by its first words, as printed."""
    first = next((text for _, text, _ in draft.body), "")
    return convert(re.split(r"[，。！？；：（(]", first, maxsplit=1)[0][:30])


def _paragraphs(draft: Draft, convert) -> list[Paragraph]:
    paragraphs, counts = [], Counter()
    for role, text, lead in draft.body:
        prefix = "s" if role == "h" else "p"
        counts[prefix] += 1
        paragraphs.append(Paragraph(role, f"{prefix}{counts[prefix]}", convert(text), convert(lead)))
    return paragraphs


def _original_texts(draft: Draft) -> list[str]:
    return [f"{lead}：{text}" if lead else text for _, text, lead in draft.body]


def _truncated_anchors(draft: Draft, body: list[Paragraph]) -> list[str]:
    return [body[position].anchor for position in draft.truncated]


def _outlet_from_text(page: PageContext, taxonomy: Taxonomy) -> str:
    simplified = to_simplified(page.seed.text)
    counts = {oid: sum(simplified.count(m) for m in outlet.match) for oid, outlet in taxonomy.outlets.items()}
    best = max(sorted(counts), key=lambda oid: counts[oid]) if counts else "unknown"
    return best if counts.get(best) else "unknown"


def outlet_id(name: str, taxonomy: Taxonomy) -> str:
    """The id of the outlet a sidecar names (its ``source``), which goes into every
    slug of the page: the taxonomy's id for an id or name it knows (xinhua, 新华社);
    an id it does not know, as given; an unknown name in pinyin (人民日报 ->
    renminribao). Always ASCII [a-z0-9-], whatever the name: the schema lets through
    nothing else, and a name pinyin cannot spell still gets an id of its own."""
    known = taxonomy.outlet_id(name)
    if known is not None:
        return known
    if ID.fullmatch(name):
        return name
    spelled = ascii_pinyin(name)[:64]
    return spelled if ID.fullmatch(spelled) else "outlet-" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]

