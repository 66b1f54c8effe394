"""Who speaks: a registry of people, groups and outlets quoted in the corpus.

The registry (``seeds/speakers.yml``) maps every printed form of a name to one
ASCII id, so that 托卡耶夫, 托卡耶夫总统 and 哈萨克斯坦总统托卡耶夫 are one
person, and so are the transliteration variants 西罗吉金·穆赫里丁 and
西罗吉丁·穆赫里丁. Everything here is pure except :func:`load_registry` and
:func:`dump_registry`, which read and write the YAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import Iterable

import yaml

from zhcorpus.reading.readers import input_bytes
from zhcorpus.editorial.schema import ID, ID_RULE, ListOf, OneOf, Record, Text, checked, fail, load

KINDS = ("person", "group", "media")


@dataclass(frozen=True)
class Speaker:
    id: str
    zh_hans: str
    zh_hant: str
    en: str | None
    aliases: tuple[str, ...]
    role: str | None = None
    country: str | None = None
    kind: str = "person"
    organization: str | None = None  # where the role is held, when printed apart from it
    # Printed names per language other than Chinese, as (lang, names): Tokayev, Токаев.
    # Kept apart from ``aliases``, which the Chinese readers match in Han text.
    names: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def names_in(self, lang: str) -> tuple[str, ...]:
        return next((names for each, names in self.names if each == lang), ())


@dataclass(frozen=True)
class Mention:
    """A printed name found in text: [start, end) and the speaker it names."""

    start: int
    end: int
    printed: str
    speaker_id: str


@dataclass(frozen=True)
class Registry:
    speakers: tuple[Speaker, ...]
    # An article's own people (quotes/direct.py) over the build's registry: ``parent`` is the
    # registry, ``speakers`` the people the article names that it does not know, and
    # ``also`` more printed forms (alias, id) of people here or in the parent (托卡叶夫
    # for tokayev). Never written out: their quotes go to ``extend`` by name.
    parent: Registry | None = None
    also: tuple[tuple[str, str], ...] = ()

    def with_people(self, speakers: Iterable[Speaker], also: Iterable[tuple[str, str]] = ()) -> Registry:
        return Registry(tuple(speakers), self, tuple(also))

    # Derived once per registry (cached_property writes the instance __dict__,
    # which a frozen dataclass allows): every quote and mention looks them up.
    @cached_property
    def by_id(self) -> dict[str, Speaker]:
        own = {s.id: s for s in self.speakers}
        return {**self.parent.by_id, **own} if self.parent else own

    def get(self, speaker_id: str | None) -> Speaker | None:
        return self.by_id.get(speaker_id) if speaker_id else None

    def is_person(self, speaker_id: str | None) -> bool:
        speaker = self.get(speaker_id)
        return speaker is not None and speaker.kind == "person"

    @cached_property
    def names_longest_first(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Per speaker, in registry order: its id and its names (zh_hans and aliases),
        longest first, then by name, so that which name is recorded for a speaker does
        not depend on set order. Derived once: enrichment asks for it per article."""
        return tuple((s.id, tuple(sorted({s.zh_hans, *s.aliases}, key=lambda n: (-len(n), n))))
                     for s in self.speakers)

    @cached_property
    def alias_pattern(self) -> re.Pattern[str] | None:
        """Longest alias first, so 哈萨克斯坦总统托卡耶夫 wins over 托卡耶夫. Of an
        article's registry, only its own names (the parent's pattern finds the rest)."""
        aliases = sorted(self._own_aliases, key=lambda a: (-len(a), a))
        return re.compile("|".join(map(re.escape, aliases))) if aliases else None

    @cached_property
    def _own_aliases(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for s in self.speakers:
            for alias in (s.zh_hans, s.zh_hant, *s.aliases):
                if alias:
                    index.setdefault(alias, s.id)
        for alias, speaker_id in self.also:
            index.setdefault(alias, speaker_id)
        return index

    @cached_property
    def alias_index(self) -> dict[str, str]:
        """alias -> id; zh_hans and zh_hant count as aliases too."""
        if self.parent is None:
            return self._own_aliases
        return {**self._own_aliases, **self.parent.alias_index}  # the registry's reading wins

    @cached_property
    def sounds(self) -> dict[str, str]:
        """Toneless pinyin -> id, for the transliterated names of persons (托卡耶夫 and
        托卡叶夫 sound the same): one printed form of a foreign name is one person
        whichever homophone a paper writes. A sound two people share is left out."""
        from zhcorpus.quotes.personnames import is_transliteration, parts

        owners: dict[str, set[str]] = {}
        for alias, speaker_id in self.alias_index.items():
            if self.is_person(speaker_id) and len(alias) >= 3 and all(map(is_transliteration, parts(alias))):
                owners.setdefault(sound(alias), set()).add(speaker_id)
        return {key: ids.pop() for key, ids in owners.items() if len(ids) == 1}


SPEAKER = Record({
    "id": Text(max_len=64, pattern=ID, rule=ID_RULE),
    "zh_hans": Text(max_len=100),
    "zh_hant": Text(max_len=100),
    "en": Text(max_len=300),
    "aliases": ListOf(Text(max_len=100), max_items=1000),
    "role": Text(max_len=300),
    "country": Text(max_len=64, pattern=re.compile("[A-Z]{2}"), rule="a country code, ISO 3166-1 alpha-2 (KZ)"),
    "kind": OneOf(KINDS),
    "organization": Text(max_len=300),
    # names: {en: [Tokayev, Kassym-Jomart Tokayev], ru: [Токаев]}: how English and Russian copy prints them.
    "names": Record({lang: ListOf(Text(max_len=100), max_items=100) for lang in ("en", "ru")}),
}, required=("id", "zh_hans"))
REGISTRY = Record({"speakers": ListOf(SPEAKER, max_items=100_000)})


def speaker_from_dict(row: dict) -> Speaker:
    """A checked entry (SPEAKER) -> a speaker."""
    return Speaker(
        id=row["id"],
        zh_hans=row["zh_hans"],
        zh_hant=row.get("zh_hant") or row["zh_hans"],
        en=row.get("en"),
        aliases=tuple(row.get("aliases") or ()),
        role=row.get("role"),
        country=row.get("country"),
        kind=row.get("kind", "person"),
        organization=row.get("organization"),
        names=tuple((lang, tuple(names)) for lang, names in (row.get("names") or {}).items()),
    )


def registry_from_data(data: dict, path: Path | str = "speakers") -> Registry:
    """Build a registry from parsed YAML, checked against REGISTRY (a SeedError naming
    ``path``); duplicate ids or aliases are errors too, because one printed name must
    never silently name two people."""
    data = checked(path, REGISTRY, data, "speaker registry")  # type: ignore[assignment]
    speakers = tuple(speaker_from_dict(row) for row in data.get("speakers", []))
    problems: list[str] = []
    seen_ids: set[str] = set()
    owner: dict[str, str] = {}
    for n, s in enumerate(speakers):
        if s.id in seen_ids:
            problems.append(f"speakers[{n}].id: duplicate speaker id {s.id!r}")
        seen_ids.add(s.id)
        for alias in sorted({s.zh_hans, s.zh_hant, *s.aliases}):
            if owner.setdefault(alias, s.id) != s.id:
                problems.append(f"speakers[{n}]: alias {alias!r} names both {owner[alias]} and {s.id}")
        for lang, names in s.names:
            for name in names:
                if owner.setdefault(f"{lang}:{name.casefold()}", s.id) != s.id:
                    problems.append(f"speakers[{n}].names.{lang}: {name!r} names both "
                                    f"{owner[f'{lang}:{name.casefold()}']} and {s.id}")
    if problems:
        fail(path, "speaker registry", problems)
    return Registry(speakers)


def load_registry(path: Path | str, data: bytes | None = None) -> Registry:
    """``data``: the file's bytes, when the caller has read them (build reads each input once).
    A registry that cannot be read or does not fit is a SeedError naming the file."""
    raw = input_bytes(Path(path)) if data is None else data
    return registry_from_data(load(path, raw, REGISTRY, "speaker registry", empty={}), path)  # type: ignore[arg-type]


def registry_to_data(registry: Registry) -> dict:
    rows = []
    for s in registry.speakers:
        row = {"id": s.id, "zh_hans": s.zh_hans, "zh_hant": s.zh_hant, "en": s.en,
               "aliases": list(s.aliases), "role": s.role, "country": s.country, "kind": s.kind}
        if s.organization:  # printed apart from the role only by people the build found
            row["organization"] = s.organization
        rows.append(row)
    return {"speakers": rows}


def dump_registry(registry: Registry, path: Path | str) -> None:
    text = yaml.safe_dump(registry_to_data(registry), allow_unicode=True, sort_keys=False, width=200)
    Path(path).write_text(text, encoding="utf-8")


def find_mentions(text: str, registry: Registry) -> list[Mention]:
    """Every registry name printed in ``text``, left to right, never overlapping; of
    two that overlap, the one that starts first, then the longer (as one pattern of
    all names, longest first, would find them)."""
    pattern = registry.alias_pattern
    index = registry._own_aliases
    own = [Mention(m.start(), m.end(), m.group(), index[m.group()]) for m in pattern.finditer(text)] if pattern else []
    if registry.parent is None:
        return own
    merged: list[Mention] = []
    for m in sorted(find_mentions(text, registry.parent) + own, key=lambda m: (m.start, -m.end)):
        if not merged or m.start >= merged[-1].end:
            merged.append(m)
    return merged


def sound(name: str) -> str:
    """A name's toneless pinyin, syllables joined, the dots of a transliteration kept."""
    from pypinyin import lazy_pinyin

    return "·".join("".join(lazy_pinyin(part)) for part in re.split("[·・‧•･．]", name))


def resolve(name: str | None, registry: Registry) -> str | None:
    """The id a printed name refers to, or None.

    Exact aliases first; otherwise the name may carry a title, an employer or a
    country around a known alias (乌兹别克斯坦总统米尔济约耶夫, 托卡耶夫总统).
    If the names inside belong to more than one speaker, it is ambiguous: None.
    """
    if not name:
        return None
    if name in registry.alias_index:
        return registry.alias_index[name]
    ids = {m.speaker_id for m in find_mentions(name, registry)}
    return ids.pop() if len(ids) == 1 else None


# Subjects that say who spoke without naming anyone: the text does not say who.
_GENERIC_PREFIXES = ("一名", "一位", "一些", "有的", "有人", "某", "多位", "不少", "许多", "多名")
_GENERIC_NAMES = frozenset(
    "各方 双方 六国 中方 外方 专家 记者 人们 大家 外界 他 她 他们 她们 我们 我 你 有关人士 业内人士 分析人士".split()
)


def is_generic_name(name: str) -> bool:
    """True for 各方, 一名地区观察家, 专家, 一家旅行社负责人…: printed speakers that identify no one."""
    from zhcorpus.quotes.personnames import GENERIC_OPENINGS

    return name in _GENERIC_NAMES or name.startswith(_GENERIC_PREFIXES) or name.startswith(GENERIC_OPENINGS)


_PREPOSITIONS = re.compile(r"(?:这样|如此|这般|对此|在|对|向|接受|也|还|曾|则)")


def printed_name(head: str) -> str | None:
    """An unregistered speaker's name from the words before a reporting verb,
    without 在…/对…/这样 phrases (张建国在接受采访时 -> 张建国). None when what
    is left does not look like a name."""
    cut = _PREPOSITIONS.search(head, 2)
    name = head[:cut.start()] if cut else head
    if "的" in name:
        name = name.rsplit("的", 1)[1]
    if not 2 <= len(name) <= 20 or re.search(r"[0-9“”‘’＿，。]", name):
        return None
    return name


def ascii_id(name: str, taken: Iterable[str] = ()) -> str:
    """Deterministic ASCII id from a Chinese name: pinyin syllables joined by '-'.

    For transliterated foreign names (given·family) the family name alone is
    used, as the hand-written ids do (古尔米拉·穆赫塔罗娃 -> mu-he-ta-luo-wa). Clashes get
    -2, -3… in order, so the same input always yields the same ids.
    """
    from pypinyin import lazy_pinyin

    from zhcorpus.language.han import HAN
    from zhcorpus.language.translit import to_latin

    core = name.split("·")[-1]
    if not HAN.search(core):  # Ruslan Temirov, Бакыт Осмонов: one part per word
        core = to_latin(core)
        syllables = re.findall(r"[a-z0-9]+", core.lower())
    else:
        syllables = [re.sub(r"[^a-z0-9]", "", p.lower()) for p in lazy_pinyin(core)]
    # At most 56 characters, so that with a clash number it is still an id the
    # registry's schema takes (ID) when an editor copies it into seeds/speakers.yml.
    base = ("-".join(s for s in syllables if s) or "speaker")[:56].rstrip("-")
    taken = set(taken)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


@dataclass(frozen=True)
class Found:
    """A person an article names that the registry does not know: the name as the
    article gives it in full, the other forms it prints (阿依古丽 for 阿依古丽·萨肯),
    and the role and organization printed before it."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    organization: str | None = None


def resolve_person(name: str, registry: Registry) -> str | None:
    """The id of a bare name (no title around it): an exact alias, or a transliteration
    that sounds like exactly one person's (托卡叶夫 -> tokayev). No search inside the
    name: 阿依古丽·卡里莫娃 is not the 阿依古丽 some other article quoted."""
    if name in registry.alias_index:
        return registry.alias_index[name]
    from zhcorpus.quotes.personnames import is_transliteration, parts

    if len(name) >= 3 and all(map(is_transliteration, parts(name))):
        return registry.sounds.get(sound(name))
    return None


def extend(registry: Registry, names: Iterable[str | Found]) -> tuple[Registry, list[Speaker]]:
    """Add speakers found by extraction that the registry does not know yet.

    Returns the new registry and the speakers added. Names that already resolve,
    and generic subjects (各方, 一位学者), are skipped: they are either known or
    nobody. A plain string may carry a title around a known name (托卡耶夫总统);
    a ``Found`` is a bare name, resolved as one (resolve_person). One new person
    printed two ways is one speaker: a name that is another new name's alias (the
    family name of a transliteration, printed alone in another article) joins it;
    an alias two new people share names neither. New entries are kind 'person';
    a human should review them before they go into ``seeds/speakers.yml``.
    """
    from zhcorpus.language.convert import to_hong_kong

    found: dict[str, Found] = {}
    for given in names:
        entry = given if isinstance(given, Found) else Found(given)
        name = entry.name
        if not name or is_generic_name(name):
            continue
        if resolve_person(name, registry) if isinstance(given, Found) else resolve(name, registry):
            continue
        if name in found:  # the same person again: more printed forms, a role if the first had none
            first = found[name]
            found[name] = replace(first, aliases=tuple(dict.fromkeys(first.aliases + entry.aliases)),
                                  role=first.role or entry.role, organization=first.organization or entry.organization)
        else:
            found[name] = entry
    claims: dict[str, set[str]] = {}
    for name, entry in found.items():
        for alias in _lasting_aliases(name, entry.aliases):
            if alias != name and alias not in registry.alias_index:
                claims.setdefault(alias, set()).add(name)
    owner = {alias: names.pop() for alias, names in claims.items() if len(names) == 1}
    added: list[Speaker] = []
    current = registry
    for name, entry in found.items():
        if name in owner and owner[name] != name:  # printed alone here, in full elsewhere
            continue
        new_id = ascii_id(name, current.by_id)
        aliases = (name, *(a for a in entry.aliases if owner.get(a) == name))
        speaker = Speaker(id=new_id, zh_hans=name, zh_hant=to_hong_kong(name), en=None, aliases=aliases,
                          role=entry.role, organization=entry.organization)
        added.append(speaker)
        current = replace(current, speakers=current.speakers + (speaker,))
    return current, added


def _lasting_aliases(name: str, aliases: Iterable[str]) -> list[str]:
    """The forms of a new person's name that name them across the corpus: of a dotted
    transliteration, the family name (the last part), as the registry's own entries have
    it. A given name (阿依古丽) names them only in the article that printed the full name."""
    from zhcorpus.quotes.personnames import dotted, parts

    last = parts(name)[-1] if dotted(name) else None
    return [alias for alias in aliases if alias == last]


def unknown_speakers(quotes: Iterable) -> list[Found]:
    """The people quoted whom the registry does not know, in order, once each (with
    every form of their name the articles printed): the input for :func:`extend`."""
    found: dict[str, Found] = {}
    for q in quotes:
        name = q.speaker_name
        if not name or q.speaker_id or is_generic_name(name) or getattr(q, "pattern", "").startswith("refused"):
            continue
        entry = Found(name, tuple(getattr(q, "speaker_aliases", ())), q.role, getattr(q, "organization", None))
        first = found.setdefault(name, entry)
        if first is not entry:
            found[name] = replace(first, aliases=tuple(dict.fromkeys(first.aliases + entry.aliases)),
                                  role=first.role or entry.role, organization=first.organization or entry.organization)
    return list(found.values())


def unknown_speaker_names(quotes: Iterable) -> list[str]:
    """Printed names of quoted speakers the registry does not know, in order,
    once each, generic subjects left out."""
    return [found.name for found in unknown_speakers(quotes)]
