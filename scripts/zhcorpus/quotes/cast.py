"""The people one article names, found before its quotes are read.

The registry knows the people the editors entered; an article also names people
nobody entered (a driver, a scholar, a student). They are found here, once per
article, so that every pattern of quotes/direct.py sees them as it sees registry names:
as the subject of a reporting clause, as the antecedent of 他/她, as the same
person under a short form (阿依古丽·萨肯 … 阿依古丽说). A name is taken only
where quotes/personnames.py recognizes one:

- a dotted transliteration, anywhere outside quotes;
- a name right after a title word (助理研究员刘畅, 出租车司机叶尔兰);
- a bare name opening a clause that reports speech (孔令宇坦言), or labelling an
  answer (刘畅：…).

A found name the registry knows (托卡叶夫 sounds like 托卡耶夫; 沙夫卡特·米尔济约耶夫
ends with 米尔济约耶夫) is another printed form of that person; any other becomes an
article-local speaker whose id starts with LOCAL, with the parts of a dotted name
printed alone as its aliases. Those ids never leave quotes/direct.py: the quote carries
the name, and the build's registry gets the person from quotes/quotebook.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, Iterable

from zhcorpus.quotes.personnames import (
    Person, Words, dotted, dotted_names, name_opening, normal_dots, parts, people_after_titles, role_before,
)
from zhcorpus.quotes.speakers import Registry, Speaker, resolve_person
from zhcorpus.quotes.speechverbs import verb_in

LOCAL = "~"  # the id of an article-local speaker: "~" + the name in full
_CLAUSE = re.compile(r"[^，。！？；：,!?;:“”＿\s]+")
_LABEL = re.compile(r"^([^：:，。？！“”\s]{2,24})[：:]")
# After a reporter's name: a byline or a photo credit, not a person of the story.
_BYLINE_AFTER = ("摄", "报道", "电", "发自", "／", "/", "、", "）", ")")


def _found_in(text: str, words: Words, common: frozenset[str], known: Callable[[str], bool]) -> list[Person]:
    """Every name the paragraph prints (quotes already blanked), in order."""
    found: list[Person] = []
    spans = dotted_names(text)
    starts = [start for start, _ in spans]

    def in_dotted(position: int) -> bool:  # spans are in order and never overlap
        i = bisect_right(starts, position) - 1
        return i >= 0 and position < spans[i][1]

    for start, end in spans:
        role, organization = role_before(words, start) if words.boundary(start) else (None, None)
        found.append(Person(normal_dots(text[start:end]), start, end, role, organization))
    for person in people_after_titles(words, common):
        byline = person.role and person.role.endswith("记者") and text.startswith(_BYLINE_AFTER, person.end)
        if not in_dotted(person.start) and not byline:
            found.append(person)
    for clause in _CLAUSE.finditer(text):
        piece = clause.group()
        label = clause.start() == 0 and _LABEL.match(text)
        if not (label or verb_in(piece)) or in_dotted(clause.start()):
            continue
        person = name_opening(Words(piece, words_of(words, clause.start(), clause.end())), common, known)
        if person:
            found.append(Person(person.name, clause.start(), clause.start() + len(person.name)))
    return sorted(found, key=lambda p: p.start)


def words_of(words: Words, start: int, end: int) -> list[tuple[str, str]]:
    """The tagged words of words.text[start:end]; a word cut by the edges is cut too."""
    out, at = [], 0
    n = words.index.get(start)
    if n is None:  # the clause does not start on a word boundary: tag it from the words around
        return [(words.text[start:end], "x")]
    at = start
    while n < len(words.tokens) and at < end:
        word, tag = words.tokens[n]
        out.append((word[:end - at], tag))
        at += len(word)
        n += 1
    return out


def article_registry(paragraphs: Iterable[Words], registry: Registry, common: frozenset[str] = frozenset()
                     ) -> Registry:
    """``registry`` with the people these paragraphs (quotes blanked, cut and tagged) name
    that it does not know, and the other printed forms of people it knows."""
    people: list[Person] = []
    names: set[str] = set()

    def known(name: str) -> bool:
        return name in names or name in registry.alias_index or any(name in parts(n) for n in names if dotted(n))

    for words in paragraphs:
        for person in _found_in(words.text, words, common, known):
            people.append(person)
            names.add(person.name)
    return registry.with_people(*_speakers(people, registry)) if people else registry


def _speakers(people: list[Person], registry: Registry) -> tuple[list[Speaker], list[tuple[str, str]]]:
    """Local speakers and (alias, id) pairs for the people found, in order of appearance."""
    also: dict[str, str] = {}
    firsts: dict[str, Person] = {}
    for person in people:
        if person.name in registry.alias_index or person.name in also:
            continue
        speaker_id = resolve_person(person.name, registry) or _by_part(person.name, registry)
        if speaker_id:
            also[person.name] = speaker_id
        elif person.name not in firsts or (person.role and not firsts[person.name].role):
            firsts[person.name] = person if person.name not in firsts else Person(
                person.name, firsts[person.name].start, firsts[person.name].end, person.role, person.organization)
    full = [name for name in firsts if dotted(name)]
    owners: dict[str, set[str]] = {}
    for name in full:
        for part in parts(name):
            if len(part) >= 2 and part not in registry.alias_index:
                owners.setdefault(part, set()).add(name)
    local: list[Speaker] = []
    for name, person in firsts.items():
        if not dotted(name) and len(owners.get(name, ())) == 1:
            continue  # printed alone, and in full elsewhere in the article: an alias
        short = tuple(p for p in parts(name) if len(owners.get(p, ())) == 1) if dotted(name) else ()
        local.append(Speaker(id=LOCAL + name, zh_hans=name, zh_hant=name, en=None, aliases=(name, *short),
                             role=person.role, organization=person.organization))
    return local, sorted(also.items())


def _by_part(name: str, registry: Registry) -> str | None:
    """沙夫卡特·米尔济约耶夫 is the registry's 米尔济约耶夫: a dotted name one of whose parts
    is a person's alias, unless the registry knows that person under another full name."""
    if not dotted(name):
        return None
    ids = {registry.alias_index.get(part) for part in parts(name)} - {None}
    if len(ids) != 1:
        return None
    (speaker_id,) = ids
    speaker = registry.get(speaker_id)
    if speaker is None or speaker.kind != "person" or (dotted(speaker.zh_hans) and speaker.zh_hans != name):
        return None
    return speaker_id


def is_local(speaker_id: str | None) -> bool:
    return bool(speaker_id) and speaker_id.startswith(LOCAL)
