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

from .readers import input_bytes
from .schema import ID, ID_RULE, ListOf, OneOf, Record, Text, checked, fail, load

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

    # Derived once per registry (cached_property writes the instance __dict__,
    # which a frozen dataclass allows): every quote and mention looks them up.
    @cached_property
    def by_id(self) -> dict[str, Speaker]:
        return {s.id: s for s in self.speakers}

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
        """Longest alias first, so 哈萨克斯坦总统托卡耶夫 wins over 托卡耶夫."""
        aliases = sorted(self.alias_index, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, aliases))) if aliases else None

    @cached_property
    def alias_index(self) -> dict[str, str]:
        """alias -> id; zh_hans and zh_hant count as aliases too."""
        index: dict[str, str] = {}
        for s in self.speakers:
            for alias in (s.zh_hans, s.zh_hant, *s.aliases):
                if alias:
                    index.setdefault(alias, s.id)
        return index


SPEAKER = Record({
    "id": Text(max_len=64, pattern=ID, rule=ID_RULE),
    "zh_hans": Text(max_len=100),
    "zh_hant": Text(max_len=100),
    "en": Text(max_len=300),
    "aliases": ListOf(Text(max_len=100), max_items=1000),
    "role": Text(max_len=300),
    "country": Text(max_len=64, pattern=re.compile("[A-Z]{2}"), rule="a country code, ISO 3166-1 alpha-2 (KZ)"),
    "kind": OneOf(KINDS),
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
        rows.append({"id": s.id, "zh_hans": s.zh_hans, "zh_hant": s.zh_hant, "en": s.en,
                     "aliases": list(s.aliases), "role": s.role, "country": s.country, "kind": s.kind})
    return {"speakers": rows}


def dump_registry(registry: Registry, path: Path | str) -> None:
    text = yaml.safe_dump(registry_to_data(registry), allow_unicode=True, sort_keys=False, width=200)
    Path(path).write_text(text, encoding="utf-8")


def find_mentions(text: str, registry: Registry) -> list[Mention]:
    """Every registry name printed in ``text``, left to right, never overlapping."""
    pattern = registry.alias_pattern
    if pattern is None:
        return []
    index = registry.alias_index
    return [Mention(m.start(), m.end(), m.group(), index[m.group()]) for m in pattern.finditer(text)]


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
    """True for 各方, 一名地区观察家, 专家…: printed speakers that identify no one."""
    return name in _GENERIC_NAMES or name.startswith(_GENERIC_PREFIXES)


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

    core = name.split("·")[-1]
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


def extend(registry: Registry, names: Iterable[str]) -> tuple[Registry, list[Speaker]]:
    """Add speakers found by extraction that the registry does not know yet.

    Returns the new registry and the speakers added. Names that already resolve,
    and generic subjects (各方, 一位学者), are skipped: they are either known or
    nobody. New entries are kind 'person' with the printed name as only alias;
    a human should review them before they go into ``seeds/speakers.yml``.
    """
    from .convert import to_hong_kong

    added: list[Speaker] = []
    current = registry
    for name in names:
        if not name or is_generic_name(name) or resolve(name, current):
            continue
        new_id = ascii_id(name, current.by_id)
        speaker = Speaker(id=new_id, zh_hans=name, zh_hant=to_hong_kong(name), en=None, aliases=(name,))
        added.append(speaker)
        current = replace(current, speakers=current.speakers + (speaker,))
    return current, added


def unknown_speaker_names(quotes: Iterable) -> list[str]:
    """Printed names of quoted speakers the registry does not know, in order,
    once each, generic subjects left out: the input for :func:`extend`."""
    names: list[str] = []
    for q in quotes:
        name = q.speaker_name
        if name and not q.speaker_id and not is_generic_name(name) and name not in names:
            names.append(name)
    return names
