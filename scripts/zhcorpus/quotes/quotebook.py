"""Quotes across the corpus: one entry per utterance, with every article that reported it.

``quotes.extract_quotes`` finds quotations in one article. Here the same words
reported by several articles or outlets (after script conversion) become one
quote with all its sources, so a reader sees who reported it and where the
wording differs. Two reports are the same utterance when their text matches
once punctuation is set aside, or one contains the other (a longer excerpt),
and they do not name different speakers; or when one speaker's two reports
share a long run of words (the wording differs around it).

A quote no report names a speaker for, whose exact words are a speech's in
the corpus, is that speaker's (``quotes.speeches``), recorded as
``attributed_by: speech`` with the speech paragraph it was found in.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from zhcorpus.quotes.direct import Quote, extract_quotes
from zhcorpus.language.segmenter import Segmenter
from zhcorpus.quotes.speakers import Registry, extend, resolve, unknown_speakers
from zhcorpus.quotes.speeches import SpeechParagraph, attributed_to, speech_paragraphs, speech_source
from zhcorpus.corpus.writers import Article

_PUNCTUATION = re.compile(r"[\s\u3000-\u303f\uff00-\uffef“”‘’—…·]")
_MIN_CONTAINED = 12  # a shorter quote inside a longer one may be a coincidence
_MIN_SHARED_RUN = 16  # one speaker, sixteen characters in common: one utterance


@dataclass(frozen=True)
class Reported:
    """One article's report of a quote."""

    quote: Quote
    slug: str
    title: str
    outlet: str
    date: str
    lang: str = "zh-Hans"
    speech: SpeechParagraph | None = None  # the speech paragraph the speaker was found from


def normalized(text: str) -> str:
    return _PUNCTUATION.sub("", text)


def article_quotes(article: Article, registry: Registry, segmenter: Segmenter | None = None) -> list[Quote]:
    """``segmenter``: the build's, whose tags tell names from titles (one is made if none)."""
    paragraphs = [(p.anchor, p.text) for p in article.body if p.role in ("p", "item")]
    speech_speaker = None
    if article.front["kind"] == "speech" and article.front["byline"]:
        speech_speaker = resolve(article.front["byline"][0], registry)
    return extract_quotes(paragraphs, article_kind=article.front["kind"], speaker_of_speech=speech_speaker,
                          registry=registry, tag=segmenter.tag if segmenter else None)


def collect(found: list[tuple[Article, list[Quote]]], registry: Registry
            ) -> tuple[list[dict], Registry, dict[str, list[str]]]:
    """All quotes of the corpus (each article with the quotes found in it),
    merged; the registry extended with new speakers; and, per article slug,
    the ids of the speakers quoted in it."""
    reports = []
    for article, quotes in sorted(found, key=lambda pair: pair[0].slug):
        for quote in quotes:
            reports.append(Reported(quote, article.slug, article.front["title"],
                                    article.front["source"], article.front["date"] or "",
                                    article.front.get("lang", "zh-Hans")))
    registry, _ = extend(registry, unknown_speakers(r.quote for r in reports))
    reports = [_with_speaker_id(r, registry) for r in reports]
    speeches = speech_paragraphs(found, registry, normalized)
    reports = [_with_speech_speaker(r, speeches, registry) for r in reports]
    quoted: dict[str, list[str]] = {}
    for report in reports:
        if report.quote.speaker_id and report.quote.speaker_id not in quoted.setdefault(report.slug, []):
            quoted[report.slug].append(report.quote.speaker_id)
    return _unique_ids([_entry(group) for group in _group(reports)]), registry, quoted


def _with_speaker_id(report: Reported, registry: Registry) -> Reported:
    quote = report.quote
    if quote.speaker_id or not quote.speaker_name or quote.pattern.startswith("refused"):  # 一位网友: nobody
        return report
    return replace(report, quote=replace(quote, speaker_id=resolve(quote.speaker_name, registry)))


def _with_speech_speaker(report: Reported, speeches: list[SpeechParagraph], registry: Registry) -> Reported:
    speech = speech_source(report.quote, report.date, speeches, normalized)
    if speech is None or speech.slug == report.slug:
        return report
    return replace(report, quote=attributed_to(report.quote, speech, registry), speech=speech)


def _group(reports: list[Reported]) -> list[list[Reported]]:
    """Union the reports of one utterance; deterministic given sorted input."""
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    keys = [normalized(r.quote.text) for r in reports]
    # Reports with the same words and the same speaker always join; join them
    # first and compare one representative of each, so a quote reported a
    # thousand times is compared once, not a thousand times over.
    first_of: dict[tuple[str, str | None], int] = {}
    for index, key in enumerate(keys):
        first = first_of.setdefault((key, reports[index].quote.speaker_id), index)
        if first != index:
            parent[find(index)] = find(first)
    representatives = sorted(first_of.values())
    # Only quotes sharing a 12-character shingle can contain one another:
    # index the shingles instead of comparing every pair.
    shingles: dict[str, list[int]] = {}
    for index in representatives:
        key = keys[index]
        for start in range(max(len(key) - _MIN_CONTAINED + 1, 1)):
            shingles.setdefault(key[start:start + _MIN_CONTAINED], []).append(index)
    for j in representatives:
        key = keys[j]
        for i in sorted(set(shingles.get(key[:_MIN_CONTAINED], ()))):
            if i == j or not (keys[i] == key or (len(key) >= _MIN_CONTAINED and key in keys[i])):
                continue
            if len({reports[i].quote.speaker_id, reports[j].quote.speaker_id} - {None}) <= 1:
                parent[find(j)] = find(i)
    # The same speaker's words reported in different wording: a long shared run.
    runs: dict[tuple[str, str], int] = {}
    for index in representatives:
        key, speaker = keys[index], reports[index].quote.speaker_id
        if speaker:
            for start in range(len(key) - _MIN_SHARED_RUN + 1):
                first = runs.setdefault((speaker, key[start:start + _MIN_SHARED_RUN]), index)
                if first != index:
                    parent[find(index)] = find(first)
    groups: dict[int, list[Reported]] = {}
    for index, report in enumerate(reports):
        groups.setdefault(find(index), []).append(report)
    return list(groups.values())


def _quote_id(text: str, speaker_id: str | None = None) -> str:
    key = normalized(text) if speaker_id is None else f"{normalized(text)}\x1f{speaker_id}"
    return "q-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _unique_ids(entries: list[dict]) -> list[dict]:
    """The same words given to two different speakers stay two quotes, so they
    need two ids (pages and links find a quote by its id): those take the
    speaker into their id. Every other id is the hash of the words alone."""
    taken = Counter(entry["id"] for entry in entries)
    for entry in entries:
        if taken[entry["id"]] > 1:
            entry["id"] = _quote_id(entry["text"], entry["speaker_id"] or "")
    ids = [entry["id"] for entry in entries]
    assert len(set(ids)) == len(ids), "two quotes with the same words and the same speaker"
    return entries


def _entry(group: list[Reported]) -> dict:
    # The canonical wording is the fullest report; the others are listed as sources.
    main = max(group, key=lambda r: (len(normalized(r.quote.text)), r.quote.speaker_id is not None, r.slug))
    # A speaker printed in a report comes before one found through a speech.
    attributed = next((r for r in group if r.quote.speaker_id and not r.speech),
                      next((r for r in group if r.quote.speaker_id), main))
    quote = main.quote
    return {
        "id": _quote_id(quote.text),
        "text": quote.text,
        "lang": main.lang,
        "speaker": attributed.quote.speaker_name,
        "speaker_id": attributed.quote.speaker_id,
        "role": attributed.quote.role,
        **({"organization": attributed.quote.organization} if attributed.quote.organization else {}),
        "country": attributed.quote.country,
        "slug": main.slug,
        "anchor": quote.anchor,
        "verb": attributed.quote.verb,
        **({"attributed_by": "speech", "basis": {"slug": attributed.speech.slug, "anchor": attributed.speech.anchor}}
           if attributed.speech else {}),
        "wording_differs": len({r.quote.text for r in group}) > 1,
        "sources": [
            {"slug": r.slug, "anchor": r.quote.anchor, "title": r.title, "outlet": r.outlet, "date": r.date,
             "text": r.quote.text, "speaker": None if r.speech else r.quote.speaker_name, "verb": r.quote.verb}
            for r in sorted(group, key=lambda r: (r.date, r.slug, r.quote.anchor))
        ],
    }
