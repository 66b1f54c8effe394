"""Unattributed quotes whose exact words are in a speech of the corpus.

A report often prints a line of a speech without naming who said it (the
speech is named a paragraph earlier, or not at all). When the corpus holds that
speech (an article of kind ``speech`` whose byline is its one speaker), the
words are the speaker's: the quote gets that speaker and the basis (the
speech's slug and paragraph) so a reader can check it.

Never a guess: the words must occur in one paragraph of the speech exactly, after
the quote book's normalization (punctuation set aside), be long enough not to be
a stock phrase, and lie outside the words the speech itself quotes from others
(a proverb Xi cites stays the proverb's). A report dated before the speech is
not of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from zhcorpus.corpus.writers import Article
from zhcorpus.quotes.direct import Quote
from zhcorpus.quotes.speakers import Registry, resolve

MIN_SPEECH_MATCH = 10  # normalized characters: shorter runs (构建人类命运共同体) are stock phrases
_GAP = "\x00"  # stands for words the speech quotes from others: no match runs across it


@dataclass(frozen=True)
class SpeechParagraph:
    """One paragraph of a speech, normalized, with others' words cut out."""

    slug: str
    anchor: str
    date: str
    speaker_id: str
    speaker_name: str
    words: str


def speech_paragraphs(found: list[tuple[Article, list[Quote]]], registry: Registry, normalized
                      ) -> list[SpeechParagraph]:
    """The paragraphs of every speech whose speaker the registry knows, in slug order."""
    out = []
    for article, quotes in sorted(found, key=lambda pair: pair[0].slug):
        byline = article.front.get("byline") or []
        if article.front.get("kind") != "speech" or len(byline) != 1:
            continue
        speaker = resolve(byline[0], registry)
        if not speaker:
            continue
        borrowed = [normalized(q.text) for q in quotes if q.speaker_id != speaker]
        for paragraph in article.body:
            if paragraph.role not in ("p", "item"):
                continue
            words = normalized(paragraph.text)
            for other in sorted(borrowed, key=len, reverse=True):
                if other:
                    words = words.replace(other, _GAP)
            out.append(SpeechParagraph(article.slug, paragraph.anchor, article.front.get("date") or "",
                                       speaker, byline[0], words))
    return out


def speech_source(quote: Quote, date: str, speeches: list[SpeechParagraph], normalized
                  ) -> SpeechParagraph | None:
    """The first speech paragraph holding the quote's exact words, or None; None
    too when speeches of two speakers hold them (whose words they are is then a guess).
    Only a quote nobody is named for: a described speaker (一名观察家) said it too."""
    if quote.speaker_id or quote.speaker_name:
        return None
    words = normalized(quote.text)
    if len(words) < MIN_SPEECH_MATCH:
        return None
    found = [speech for speech in speeches
             if not (date and speech.date and date < speech.date) and words in speech.words]
    if len({speech.speaker_id for speech in found}) != 1:
        return None
    return found[0]


def attributed_to(quote: Quote, speech: SpeechParagraph, registry: Registry) -> Quote:
    """The quote given the speech's speaker, with the role the registry holds."""
    person = next((s for s in registry.speakers if s.id == speech.speaker_id), None)
    return replace(quote, speaker_name=speech.speaker_name, speaker_id=speech.speaker_id,
                   role=person.role if person else None, country=person.country if person else None,
                   pattern="speech")
