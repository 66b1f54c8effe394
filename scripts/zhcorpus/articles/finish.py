"""Article drafts -> articles: convert the script, derive metadata, enrich.

A draft is what the page printed, in its own script; an article is what the
corpus publishes: Simplified text with front-matter, the printed original
kept alongside for Traditional sources.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import zip_longest

from zhcorpus.language.convert import detect_script, to_simplified
from zhcorpus.articles.enrich import Taxonomy, enrich
from zhcorpus.articles.datelines import draft_marks, draft_printed_date
from zhcorpus.articles.metadata import PageDates, article_date, article_kind, ascii_pinyin, byline_names, dateline_date, slug_for
from zhcorpus.articles.outlets import Mark
from zhcorpus.articles.outlets import byline_names as registered_names
from zhcorpus.reading.readers import Seed
from zhcorpus.editorial.schema import ID
from zhcorpus.reading.segment import Draft
from zhcorpus.language.segmenter import Segmenter
from zhcorpus.editorial.sidecars import Sidecar
from zhcorpus.quotes.speakers import Registry
from zhcorpus.corpus.writers import Article, Paragraph


@dataclass(frozen=True)
class PageContext:
    """What the article stage needs to know about the page an article is on."""

    seed: Seed
    sidecar: Sidecar
    dates: PageDates = PageDates()
    masthead: str | None = None   # the outlet the page's masthead names


def body_texts(draft: Draft) -> list[str]:
    return [text for _, text, _ in draft.body] + [lead for _, _, lead in draft.body if lead]


def make_article(page: PageContext, draft: Draft, taxonomy: Taxonomy, speakers: Registry,
                 segmenter: Segmenter, warnings: list[str] | None = None) -> Article:
    """``warnings`` gets a line for an article with no outlet or no date, naming page and article."""
    first_text = next((text for _, text, _ in draft.body), draft.title)
    note = page.sidecar.note_for(first_text)
    script = detect_script(" ".join([draft.title, *(body_texts(draft))]))
    convert = _converter(script)
    title_basis = "text"
    title = printed_title = convert(draft.title)
    if not title:
        title, title_basis = _first_phrase(draft, convert), "first-words"
    if note and note.title:
        title, title_basis = note.title, "sidecar"
    dateline, bylines = draft_marks(draft, taxonomy.registry)
    own = draft_printed_date(draft)
    from_dateline = dateline_date(dateline, draft.dateline, page.dates.year, own or page.dates.printed or page.sidecar.date)
    date, date_basis = article_date(from_dateline, note, own, page.sidecar, page.dates)
    source_id, unidentified = _outlet(page, [m for m in (dateline, *bylines.values()) if m], taxonomy)
    named = page.sidecar.source
    outlet = taxonomy.outlets.get(source_id) if source_id else None
    body = _paragraphs(draft, convert)
    body_text = "\n".join(p.text for p in body)
    names = [convert(n) for n in _writers(draft, dateline, bylines, segmenter)]
    kind = article_kind(draft, note)
    found = enrich(title, body_text, taxonomy, speakers, speech_speaker=names[0] if kind == "speech" and names else "",
                   date=date)
    if warnings is not None:
        where = f"{page.seed.name}: article “{title}”"
        if source_id is None and taxonomy.outlets:  # with no registry at all, the build warned once already
            warnings.append(f"{where}: outlet not identified: {unidentified}")
        if date is None:
            warnings.append(f"{where}: undated: {_why_undated(draft, dateline)}")
    front: dict = {
        "title": title,
        # A headline the sidecar replaced is kept: the printed text is never lost.
        **({"title_printed": printed_title} if title_basis == "sidecar" and printed_title else {}),
        "subtitle": convert(draft.subtitle) or None,
        "slug": slug_for(date, source_id or "unknown", segmenter.cut(title)),
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
        "lang": note.lang if note and note.lang else script,
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


def _outlet(page: PageContext, marks: list[Mark], taxonomy: Taxonomy) -> tuple[str | None, str]:
    """The outlet an article's dateline or byline names (本报: the page's own), else the
    page's: as its sidecar names it, else its masthead. Never a name in the text. With
    none, (None, why) for the warning."""
    for mark in marks:
        if mark.outlet:
            return mark.outlet, ""
    if page.sidecar.source:
        return outlet_id(page.sidecar.source, taxonomy), ""
    unregistered = next((m for m in marks if m.unregistered), None)
    if unregistered is not None:
        return None, (f"its {unregistered.role[:-1]} {unregistered.text} names {unregistered.unregistered}, "
                      "not an outlet of taxonomy.yml (add it there, or a sidecar's source: can name it)")
    if page.masthead:
        return page.masthead, ""
    if any(m.own for m in marks):
        return None, "本报 on a page whose masthead names no outlet of taxonomy.yml (a sidecar's source: can)"
    return None, "no dateline, byline or masthead names an outlet of taxonomy.yml (a sidecar's source: can)"


def _why_undated(draft: Draft, dateline: Mark | None) -> str:
    if dateline is not None and dateline.day is not None and dateline.month is None:
        return (f"its dateline {draft.dateline} gives the day only, and the page prints no date "
                "(a sidecar's date: can give it)")
    if dateline.day is not None if dateline else re.search(r"[0-9０-９一二三四五六七八九十]日", draft.dateline):
        return (f"no year for its dateline {draft.dateline} "
                "(zhcorpus build --year, or a sidecar's year:, can give it)")
    return "neither it nor its page prints a date (a sidecar's date: can give it)"


_PHOTO_CREDIT = re.compile(r"[摄攝]\s*[）)]?$")


def _writers(draft: Draft, dateline: Mark | None, bylines: dict[str, Mark], segmenter: Segmenter) -> list[str]:
    """The writers' names, in the order printed: from the registry's forms, and from a
    byline none of them reads (中华人民共和国主席 习近平) as before. A photographer's
    credit (本报记者 李慕白摄) names a writer only of a photo that has no other byline."""
    def is_word(text: str) -> bool:
        return segmenter.cut(text) == [text]

    photo = not draft.dateline and all(_PHOTO_CREDIT.search(text) for text in draft.bylines)
    names = registered_names([dateline] if dateline else [], is_word)
    for text in draft.bylines:
        if _PHOTO_CREDIT.search(text) and not photo:
            continue
        found = registered_names([bylines[text]], is_word) if text in bylines else byline_names([text])
        names.extend(name for name in found if name not in names)
    return names


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


def _identity(text: str) -> str:
    return text


# A Traditional article's texts are converted once to write and once more to check
# what was written (written_texts): the second time comes from here.
_to_simplified = lru_cache(maxsize=1024)(to_simplified)


def _converter(script: str):
    return _to_simplified if script == "zh-Hant" else _identity


def _printed_front(draft: Draft) -> list[tuple[str, str | list[str]]]:
    """Each front-matter field that holds printed text, and the draft text it holds
    (converted, for a Traditional article). The title is the printed headline: a
    sidecar's title is the editor's, and ``title_printed`` then keeps the headline."""
    return [("title", draft.title), ("subtitle", draft.subtitle), ("kicker", draft.kicker),
            ("dateline", draft.dateline), ("delivered", draft.dateplace), ("continued_from", draft.continued_from),
            ("byline_text", " / ".join(draft.bylines)), ("captions", draft.captions),
            ("pull_quotes", draft.pull_quotes)]


def written_texts(article: Article, draft: Draft) -> tuple[list[str], list[str]]:
    """(body, front-matter) texts the article writes, for the ledger, in the script
    as printed: a written text that is its draft text (converted, for a Traditional
    article) counts as that printed text; one that is not, or is missing, counts as
    what it is, so a printed text that does not reach the file shows up as
    unaccounted, and one written altered as the characters it lost or gained."""
    convert = _converter(article.front.get("script_original", "zh-Hans"))
    front: list[str] = []
    for name, printed in _printed_front(draft):
        written = _headline(article.front) if name == "title" else article.front.get(name)
        pairs = zip_longest(printed, written or []) if isinstance(printed, list) else [(printed, written)]
        front.extend(_counted(convert, was, now) for was, now in pairs)
    body: list[str] = []
    for printed_paragraph, paragraph in zip_longest(draft.body, article.body):
        _, text, lead = printed_paragraph or ("", "", "")
        body.append(_counted(convert, text, paragraph.text if paragraph else None))
        body.append(_counted(convert, lead, paragraph.lead if paragraph else None))
    return body, front


def _headline(front: dict) -> str | None:
    """The printed headline as written: ``title`` unless the title is the sidecar's or
    the body's first words (then there is none, or ``title_printed`` holds it)."""
    if "title_printed" in front:
        return front["title_printed"]
    return front.get("title") if front.get("title_basis") == "text" else None


def _counted(convert, printed: str | None, written: str | None) -> str:
    return printed if printed and written == convert(printed) else (written or "")
