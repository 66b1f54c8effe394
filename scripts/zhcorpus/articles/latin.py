"""English and Russian drafts -> articles, with the same front matter as Chinese ones.

The outlet comes from the dateline's credit ((Xinhua), /ТАСС/), a byline's
(By Li Wei | China Daily), a credit line (Source: Kazinform) or the page's
masthead, each read through the registry's ``print_names``; the date from the
dateline, else the date line the article prints, else the page's. Events,
themes, speakers and the topic test use each language's terms (``terms:`` in
the taxonomy, ``names:`` in the speaker registry), so an English or Russian
report lands on the same ids as a Chinese one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from zhcorpus.articles.enrich import Enrichment, Taxonomy, holds_for
from zhcorpus.articles.latindates import latin_date
from zhcorpus.articles.metadata import article_kind, slug_for
from zhcorpus.editorial.sidecars import Sidecar
from zhcorpus.language.translit import to_latin
from zhcorpus.quotes.latin import VERBS, name_pattern, names_longest_first
from zhcorpus.quotes.speakers import Registry
from zhcorpus.reading.latin import BODY, BYLINE, DATE, MASTHEAD, Unit, find_dateline
from zhcorpus.reading.readers import Seed
from zhcorpus.reading.segment import Draft
from zhcorpus.corpus.writers import Article, Paragraph


@dataclass(frozen=True)
class LatinPage:
    seed: Seed
    sidecar: Sidecar
    lang: str
    masthead: str | None      # outlet id of the page's masthead
    printed: dt.date | None   # the first date the page prints on a line of its own
    year: int | None


def print_name_index(taxonomy: Taxonomy) -> dict[str, str]:
    """Every printed name of an outlet, English and Russian, and its id and English name,
    case-folded -> outlet id."""
    index: dict[str, str] = {}
    for outlet in taxonomy.outlets.values():
        for _, names in outlet.print_names:
            for name in names:
                index.setdefault(name.casefold(), outlet.id)
        if outlet.en:
            index.setdefault(outlet.en.casefold(), outlet.id)
    return index


def outlet_named(text: str, index: dict[str, str]) -> str | None:
    """The outlet a credit or byline names: the longest registered name in it, as a whole word."""
    folded = text.casefold()
    for name in sorted(index, key=len, reverse=True):
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
            return index[name]
    return None


def page_facts(units: list[Unit], index: dict[str, str], sidecar: Sidecar, year: int | None
               ) -> tuple[str | None, dt.date | None, int | None]:
    """(masthead outlet, printed date, year) of a Latin page."""
    masthead = next((index.get(u.note) for u in units if u.kind == MASTHEAD), None)
    header = units[:next((i for i, u in enumerate(units) if u.kind == BODY), len(units))]
    printed = next((d for u in header if u.kind in (DATE, BYLINE) and (d := latin_date(u.text))), None)
    known_year = sidecar.year or (sidecar.date.year if sidecar.date else None) or (printed.year if printed else year)
    return masthead, printed, known_year


def make_latin_article(page: LatinPage, draft: Draft, taxonomy: Taxonomy, speakers: Registry,
                       warnings: list[str] | None = None) -> Article:
    index = print_name_index(taxonomy)
    first_text = next((text for _, text, _ in draft.body), draft.title)
    note = page.sidecar.note_for(first_text)
    title, title_basis = draft.title, "text"
    if not title:
        title, title_basis = _first_words(first_text), "first-words"
    if note and note.title:
        title, title_basis = note.title, "sidecar"
    date, date_basis = _date(page, draft, note)
    source_id = _outlet(page, draft, index)
    outlet = taxonomy.outlets.get(source_id) if source_id else None
    body = _paragraphs(draft)
    body_text = "\n".join(p.text for p in body)
    names = byline_names(draft.bylines)
    kind = article_kind(draft, note)
    found = enrich_latin(title, body_text, page.lang, taxonomy, speakers, date)
    if warnings is not None:
        where = f"{page.seed.name}: article “{title}”"
        if source_id is None and taxonomy.outlets:
            warnings.append(f"{where}: outlet not identified: no dateline, byline, credit or masthead names "
                            "an outlet of taxonomy.yml (its print_names; a sidecar's source: can name it)")
        if date is None:
            warnings.append(f"{where}: undated: neither it nor its page prints a date (a sidecar's date: can give it)")
    front: dict = {
        "title": title,
        **({"title_printed": draft.title} if title_basis == "sidecar" and draft.title else {}),
        "subtitle": draft.subtitle or None,
        "slug": slug_for(date, source_id or "unknown", re.findall(r"\w+", to_latin(title).lower())),
        # As for a Chinese article: the outlet's Chinese name, so that one outlet is one source in every language.
        "source": outlet.zh_hans if outlet else page.sidecar.source or source_id,
        "source_id": source_id,
        "seed": page.seed.name,
        "seed_sha256": page.seed.sha256,
        "date": date.isoformat() if date else None,
        "date_basis": date_basis,
        "dateline": draft.dateline or None,
        "byline": names,
        "byline_text": " / ".join(draft.bylines) or None,
        "kind": kind,
        "script_original": page.lang,
        "lang": page.lang,
        "on_topic": note.on_topic if note and note.on_topic is not None else found.on_topic,
        "events": found.events,
        "speakers": found.speakers,
        "themes": found.themes,
        "matched": found.matched,
        "kicker": draft.kicker or None,
        "pull_quotes": list(draft.pull_quotes),
        "captions": list(draft.captions),
        "continued_from": draft.continued_from or None,
        "truncated_in_print": [],
        "title_basis": title_basis,
        "title_en": note.title_en if note and note.title_en else (title if page.lang == "en" else None),
        "delivered": draft.dateplace or None,
        "paragraphs": sum(1 for p in body if p.role != "h"),
    }
    return Article(front=front, body=tuple(body))


def _first_words(text: str) -> str:
    words = text.split()
    return " ".join(words[:8]) + ("…" if len(words) > 8 else "")


def _paragraphs(draft: Draft) -> list[Paragraph]:
    paragraphs, counts = [], Counter()
    for role, text, lead in draft.body:
        prefix = "s" if role == "h" else "p"
        counts[prefix] += 1
        paragraphs.append(Paragraph(role, f"{prefix}{counts[prefix]}", text, lead))
    return paragraphs


def _date(page: LatinPage, draft: Draft, note) -> tuple[dt.date | None, str]:
    """Dateline, sidecar note, the article's own date line or byline, sidecar page date, page's date."""
    match = find_dateline(draft.dateline + " x") if draft.dateline else None
    from_dateline = latin_date(match.group("date"), page.year) if match and match.groupdict().get("date") else None
    own = next((d for text, why in draft.dropped if why.startswith("page furniture (date")
                and (d := latin_date(text))), None) or next((d for b in draft.bylines if (d := latin_date(b))), None)
    for found, basis in ((from_dateline, "dateline"), (note.date if note else None, "sidecar"), (own, "printed"),
                         (page.sidecar.date, "sidecar"), (page.printed, "printed")):
        if found is not None:
            return found, basis
    return None, "unknown"


def _outlet(page: LatinPage, draft: Draft, index: dict[str, str]) -> str | None:
    """The dateline's credit, a byline's outlet, a credit line, the sidecar's, the masthead's."""
    match = find_dateline(draft.dateline + " x") if draft.dateline else None
    credit = match.group("credit") if match and match.groupdict().get("credit") else None
    credits = [t for t, why in draft.dropped if why.startswith("credit")]
    for text in ([credit] if credit else []) + draft.bylines + credits:
        if found := outlet_named(text, index):
            return found
    if page.sidecar.source:
        return index.get(page.sidecar.source.casefold(), page.sidecar.source)
    return page.masthead


_BY = re.compile(r"^(?:By|Автор|Текст|Автор материала)\s*[:—–-]?\s*", re.IGNORECASE)


def byline_names(bylines: list[str]) -> list[str]:
    """The writers a byline names: By Li Wei and Aigerim Sadykova in Astana | China Daily
    -> [Li Wei, Aigerim Sadykova]."""
    names: list[str] = []
    for line in bylines:
        text = _BY.sub("", line).split("|")[0]
        text = re.sub(r"\s+(?:in|from|в)\s+[A-ZА-ЯЁ][\w'’-]*(?: [A-Z][\w'’-]*)?(?=\s+and\s|\s+и\s|\s*,|\s*$)", "", text)
        for name in re.split(r",\s*|\s+and\s+|\s+и\s+", text):
            name = name.strip(" .")
            if name and name not in names and len(name.split()) <= 4:
                names.append(name)
    return names


def enrich_latin(title: str, text: str, lang: str, taxonomy: Taxonomy, registry: Registry,
                 date: dt.date | None) -> Enrichment:
    """enrich() for English and Russian copy: terms matched case-blind as whole words (Russian:
    with case endings), speakers by their names in the language near a speech verb."""
    haystack = f"{title}\n{text}"
    topic = taxonomy.topic_in(lang)
    result = Enrichment(on_topic=not taxonomy.topic or any(_found(t, haystack, lang) for t in topic))
    for kind, section in (("events", taxonomy.events), ("themes", taxonomy.themes)):
        found: dict[str, list[str]] = {}
        for term in section.values():
            terms = term.match_in(lang)
            if not terms or not holds_for(term, section, haystack, date):
                continue
            hits = sorted({m for m in terms if _found(m, haystack, lang)})
            count = sum(len(_pattern(m, lang).findall(text)) for m in hits)
            if hits and (count >= term.min_hits or any(_found(m, title, lang) for m in hits)):
                found[term.id] = hits
        for term_id in list(found):
            parent = section[term_id].parent
            if parent and parent not in found:
                found[parent] = [term_id]
        getattr(result, kind).extend(sorted(found))
        result.matched[kind] = {key: found[key] for key in sorted(found)}
    spoke: dict[str, list[str]] = {}
    for speaker_id, names in names_longest_first(registry, lang):
        for name in names:
            pattern = name_pattern(name, lang)
            if any(re.search(VERBS[lang], haystack[max(0, m.start() - 80): m.end() + 80])
                   for m in pattern.finditer(haystack)):
                spoke.setdefault(speaker_id, []).append(name)
                break
    result.speakers = sorted(spoke)
    result.matched["speakers"] = {key: spoke[key] for key in sorted(spoke)}
    return result


def _pattern(term: str, lang: str) -> re.Pattern[str]:
    ending = r"[а-яё]{0,5}" if lang == "ru" else r"(?:s|es)?"
    return re.compile(rf"(?<!\w){re.escape(term)}{ending}(?!\w)", re.IGNORECASE)


def _found(term: str, text: str, lang: str) -> bool:
    return bool(_pattern(term, lang).search(text))
