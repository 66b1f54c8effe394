"""Events, themes and speakers from one editable taxonomy.

Assignment is by match terms counted in the Simplified text, and every
assignment keeps the terms that matched, so the site can say *why* an article
is filed under an event or theme, and an editor can fix a rule rather than a
result.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from zhcorpus.articles.outlets import FORMS, OUTLETS, Outlet, check_registry, make_registry, with_newsroom_forms
from zhcorpus.articles.outlets import Registry as Outlets
from zhcorpus.reading.readers import SeedError
from zhcorpus.editorial.schema import ID, ID_RULE, Day, IdMap, ListOf, Record, Text, Whole, fail, load, show
from zhcorpus.quotes.speakers import Registry

_DEFAULT_MIN_HITS = 2
_SPEECH_VERBS = "说|表示|指出|强调|认为|告诉|介绍|感慨|寄语|总结|评价|致辞"


@dataclass(frozen=True)
class Term:
    id: str
    zh_hans: str
    zh_hant: str
    en: str
    match: tuple[str, ...]
    min_hits: int = _DEFAULT_MIN_HITS
    parent: str | None = None
    # An event of one time and place: an article dated outside ``dates`` is not
    # filed under it, nor an undated one that prints none of its ``evidence`` (its
    # place, its ordinal), whatever bare term (中国—中亚峰会) matched. See holds_for.
    dates: tuple[dt.date | None, dt.date | None] = (None, None)
    evidence: tuple[str, ...] = ()
    terms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (lang, match terms) for English and Russian copy

    def match_in(self, lang: str) -> tuple[str, ...]:
        """The match terms of a language: Chinese ones for Chinese, the ``terms`` of the others."""
        return self.match if lang.startswith("zh") else next((t for each, t in self.terms if each == lang), ())


@dataclass(frozen=True)
class Taxonomy:
    topic: tuple[str, ...]
    outlets: dict[str, Outlet]
    events: dict[str, Term]
    themes: dict[str, Term]
    registry: Outlets = field(default_factory=Outlets)  # the outlets' forms, compiled
    topic_terms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (lang, topic terms) for English and Russian

    def topic_in(self, lang: str) -> tuple[str, ...]:
        return self.topic if lang.startswith("zh") else next((t for each, t in self.topic_terms if each == lang), ())

    def outlet_id(self, name: str) -> str | None:
        """The id of the outlet a name (in either script) or an id stands for."""
        return self.registry.outlet_id(name)


@dataclass
class Enrichment:
    on_topic: bool
    events: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    matched: dict[str, dict[str, list[str]]] = field(default_factory=dict)


_NAMES = {"zh_hans": Text(max_len=100), "zh_hant": Text(max_len=100), "en": Text(max_len=300)}
_MATCH = ListOf(Text(max_len=100), max_items=10_000)
# terms: {en: [...], ru: [...]}: what English and Russian copy prints for an event, theme or the topic.
_LANG_TERMS = Record({"en": _MATCH, "ru": _MATCH})
_TERM_FIELDS = {**_NAMES, "match": _MATCH, "terms": _LANG_TERMS, "min_hits": Whole(1, 10_000),
                "parent": Text(max_len=64, pattern=ID, rule=ID_RULE)}
_TERM = Record(_TERM_FIELDS, required=tuple(_NAMES))
_EVENT = Record({**_TERM_FIELDS, "dates": Record({"from": Day(), "to": Day()}), "evidence": _MATCH},
                required=tuple(_NAMES))
TAXONOMY = Record({
    "topic": Record({"match": _MATCH, "terms": _LANG_TERMS}),
    "forms": FORMS,
    "outlets": OUTLETS,
    "events": IdMap(_EVENT),
    "themes": IdMap(_TERM),
})


def load_taxonomy(path: Path, data: bytes | None = None) -> Taxonomy:
    """``data``: the file's bytes, when the caller has read them (build reads each input once).
    A taxonomy that does not fit TAXONOMY is a SeedError naming it: every article uses it."""
    if data is None:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise SeedError(path, "taxonomy file not found") from None
        except OSError as err:
            raise SeedError(path, f"cannot be read ({err.strerror or err})") from None
    tree: dict = load(path, data, TAXONOMY, "taxonomy", empty={})  # type: ignore[assignment]
    sections = {name: tree.get(name, {}) for name in ("events", "themes")}
    fail_on_unknown_parents(path, sections)
    check_registry(path, tree.get("outlets", {}))
    registry = make_registry(tree.get("outlets", {}), with_newsroom_forms(tree.get("forms", {})))
    return Taxonomy(
        topic=tuple(tree.get("topic", {}).get("match", ())),
        outlets=registry.outlets,
        events=_terms(sections["events"]),
        themes=_terms(sections["themes"]),
        registry=registry,
        topic_terms=_lang_terms(tree.get("topic", {})),
    )


def _lang_terms(spec: dict) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((lang, tuple(terms)) for lang, terms in spec.get("terms", {}).items())


def fail_on_unknown_parents(path: Path, sections: dict[str, dict[str, dict]]) -> None:
    """A parent is another entry of the same section: an article filed under a part
    of an event is filed under the event too, which must exist."""
    problems = [f"{name}.{term_id}.parent: {show(spec['parent'])} is not another id of {name}"
                for name, section in sections.items() for term_id, spec in section.items()
                if "parent" in spec and (spec["parent"] not in section or spec["parent"] == term_id)]
    if problems:
        fail(path, "taxonomy", problems)


def _terms(section: dict[str, dict]) -> dict[str, Term]:
    """Checked entries (TAXONOMY) -> terms."""
    return {term_id: Term(id=term_id, zh_hans=spec["zh_hans"], zh_hant=spec["zh_hant"], en=spec["en"],
                          match=tuple(spec.get("match", ())), min_hits=spec.get("min_hits", _DEFAULT_MIN_HITS),
                          parent=spec.get("parent"),
                          dates=(spec.get("dates", {}).get("from"), spec.get("dates", {}).get("to")),
                          evidence=tuple(spec.get("evidence", ())), terms=_lang_terms(spec))
            for term_id, spec in section.items()}


def enrich(title: str, text: str, taxonomy: Taxonomy, registry: Registry,
           speech_speaker: str = "", date: dt.date | None = None) -> Enrichment:
    haystack = f"{title}\n{text}"
    # No topic terms (no taxonomy yet, or none written): there is no topic to be off.
    result = Enrichment(on_topic=not taxonomy.topic or any(term in haystack for term in taxonomy.topic))
    for kind, section in (("events", taxonomy.events), ("themes", taxonomy.themes)):
        found: dict[str, list[str]] = {}
        for term in section.values():
            if not holds_for(term, section, haystack, date):
                continue
            hits = sorted({m for m in term.match if m in text or m in title})
            count = sum(text.count(m) for m in hits)
            if hits and (count >= term.min_hits or any(m in title for m in hits)):
                found[term.id] = hits
        for term_id in list(found):  # a part of an event implies the event
            parent = section[term_id].parent
            if parent and parent not in found:
                found[parent] = [f"{term_id}"]
        getattr(result, kind).extend(sorted(found))
        result.matched[kind] = {key: found[key] for key in sorted(found)}
    spoke: dict[str, list[str]] = {}
    for speaker_id, names in registry.names_longest_first:
        for name in names:
            if name == speech_speaker or name in haystack and _speaking(name).search(haystack):
                spoke.setdefault(speaker_id, []).append(name)
                break
    result.speakers = sorted(spoke)
    result.matched["speakers"] = {key: spoke[key] for key in sorted(spoke)}
    return result


def holds_for(term: Term, section: dict[str, Term], haystack: str, date: dt.date | None) -> bool:
    """Whether an article of this date and text can be filed under ``term`` at all: it
    is dated within the term's ``dates``, or, undated, prints some of its ``evidence``;
    the same holds for the event a part belongs to (a bilateral meeting of 2023 is no
    part of the summit of 2025)."""
    seen: set[str] = set()
    while term.id not in seen:
        seen.add(term.id)
        start, end = term.dates
        if date is not None and (start and date < start or end and date > end):
            return False
        if date is None and term.evidence and not any(word in haystack for word in term.evidence):
            return False
        if not term.parent or term.parent not in section:
            return True
        term = section[term.parent]
    return True


@lru_cache(maxsize=4096)
def _speaking(name: str) -> re.Pattern[str]:
    """``name`` followed, within the clause, by a speech verb."""
    return re.compile(re.escape(name) + rf"[^，。“”]{{0,12}}?(?:{_SPEECH_VERBS})")
