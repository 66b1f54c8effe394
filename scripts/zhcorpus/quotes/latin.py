"""Direct quotations in English and Russian copy, and who said them.

English quotes "…", “…” and '…' (the last only at a word's edge, never an
apostrophe); Russian «…» and „…“ (and "…" as web copy types it). A quotation is
attributed by the patterns of its language, tried in order:

    "…," Xi said. / "…," said Xi. / Xi said: "…" / "…," according to Xi.
    «…», — заявил Токаев. / Токаев отметил: «…» / По словам Токаева, «…»

A pronoun (he, she, он, она) is the person the paragraph or the one before
named last. As with Chinese, a quotation with no speaker in the pattern is not
a quotation (a slogan, a title, a scare quote): short quotes of under four
words with no attribution are refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhcorpus.quotes.direct import Quote
from zhcorpus.quotes.speakers import Registry

VERBS = {
    "en": r"(?:said|says|told|stressed|noted|added|emphasized|emphasised|stated|remarked|explained|underlined|"
          r"underscored|pointed out|wrote|declared|urged|recalled|observed)",
    "ru": r"(?:сказал[аи]?|заявил[аи]?|отметил[аи]?|подчеркнул[аи]?|добавил[аи]?|сообщил[аи]?|рассказал[аи]?|"
          r"пояснил[аи]?|указал[аи]?|констатировал[аи]?|говорит|считает|уверен[аы]?)",
}
_PAIRS = {"en": [("“", "”"), ('"', '"'), ("‘", "’")], "ru": [("«", "»"), ("„", "“"), ('"', '"')]}
_PRONOUNS = {"en": {"he", "she"}, "ru": {"он", "она"}}
_NAME = {"en": r"(?:[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,3})",
         "ru": r"(?:[А-ЯЁ][а-яё.-]*(?: [А-ЯЁ][а-яё.-]*){0,3})"}
_MIN_WORDS = 4
# "…," the Kazakh President said: the person of that office named before, as a pronoun would be.
_ROLE_NOUNS = r"(?:president|minister|leader|chairman|head of state|premier|spokesperson|spokesman)"
# Words of office before a name (Deputy Minister Bolot Asanov): not part of the name.
_TITLES = re.compile(r"^(?:(?:President|Vice|Deputy|Prime|Foreign|Minister|Chairman|Ambassador|Director|Professor|"
                     r"Dr\.?|Mr\.?|Ms\.?|Mrs\.?|General|Secretary|Spokesperson|Governor|Mayor|Chief|Head|Chinese|"
                     r"Kazakh|Kyrgyz|Uzbek|Tajik|Turkmen|Президент|Председатель|Министр|Заместитель|Глава|Посол|"
                     r"Премьер-министр|Губернатор|Аким|Мэр)\s+)+")
_ROLE_WORDS = {"en": r"(?:[a-z][\w'-]* ){0,6}", "ru": r"(?:[а-яё][а-яё-]* ){0,6}"}


@dataclass(frozen=True)
class Span:
    start: int   # first quoted character
    end: int     # the closing mark


def quote_spans(text: str, lang: str) -> list[Span]:
    """Each quotation's content in ``text``, outermost only, left to right."""
    spans: list[Span] = []
    taken_until = -1
    candidates = []
    for opening, closing in _PAIRS.get(lang, []):
        if opening == closing == '"':
            pattern = r'(?<![\w])"([^"]+)"'
        elif opening == "‘":
            pattern = r"(?<![\w])‘([^‘’]+?)’(?!\w)"
        else:
            pattern = re.escape(opening) + "([^" + re.escape(opening + closing) + "]+)" + re.escape(closing)
        candidates += [Span(m.start(1), m.end(1)) for m in re.finditer(pattern, text)]
    for span in sorted(candidates, key=lambda s: (s.start, -s.end)):
        if span.start > taken_until:
            spans.append(span)
            taken_until = span.end
    return spans


def _after_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """What follows a quotation's closing mark and names its speaker."""
    verb, name, role = VERBS[lang], _NAME[lang], _ROLE_WORDS[lang]
    if lang == "ru":
        return [("after-verb", re.compile(rf"^[,.!?…]?\s*[—–-]+\s*{verb}\s+(?P<who>{role}{name}|он|она)")),
                ("after-name", re.compile(rf"^[,.!?…]?\s*[—–-]+\s*(?P<who>{name}|он|она)\s+{verb}")),
                ("according", re.compile(rf"^[,.]?\s*[—–-]*\s*по словам\s+(?P<who>{name})"))]
    return [("name-verb", re.compile(rf"^[,.!?…]?\s*(?P<who>{name}|he|she)\s+(?:\w+ly\s+)?{verb}\b")),
            ("role-verb", re.compile(rf"^[,.!?…]?\s*the (?:[\w-]+ ){{0,3}}?(?P<who>{_ROLE_NOUNS})\s+{verb}\b", re.I)),
            ("verb-name", re.compile(rf"^[,.!?…]?\s*{verb}\s+(?P<who>{role}{name}|he|she)\b")),
            ("according", re.compile(rf"^[,.]?\s*according to\s+(?P<who>{role}{name})"))]


def _before_patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """What precedes a quotation's opening mark and names its speaker."""
    verb, name = VERBS[lang], _NAME[lang]
    if lang == "ru":
        return [("before-colon", re.compile(rf"(?P<who>{name}|[Оо]н|[Оо]на)\s+(?:\S+\s+){{0,3}}?{verb}[^.!?«»]{{0,60}}:\s*$")),
                ("according-before", re.compile(rf"[Пп]о словам\s+(?P<who>{name})[^.!?«»]{{0,40}},\s*$"))]
    return [("before-colon", re.compile(rf"(?P<who>{name}|[Hh]e|[Ss]he)\s+(?:\w+ly\s+)?{verb}[^.!?\"“”]{{0,60}}[:,]\s*$")),
            ("according-before", re.compile(rf"[Aa]ccording to\s+(?P<who>{name})[^.!?\"“”]{{0,40}},\s*$"))]


def latin_quotes(paragraphs: list[tuple[str, str]], lang: str, registry: Registry) -> list[Quote]:
    """Every attributed quotation of an article's paragraphs ((anchor, text), in order)."""
    quotes: list[Quote] = []
    last_person: tuple[str, str | None] | None = None   # (name, id) named last
    for anchor, text in paragraphs:
        previous: Span | None = None   # the paragraph's last attributed quotation
        for span in quote_spans(text, lang):
            content = text[span.start:span.end]
            found = _attribution(text, span, lang)
            if found is None and previous is not None and last_person is not None \
                    and _continues(text[previous.end + 1:span.start - 1]):
                found = ("continued", "he" if lang == "en" else "он")
            if found is None:
                continue
            pattern, who = found
            if who.lower() in _PRONOUNS.get(lang, set()) or pattern == "role-verb":
                named_here = last_named(text[:span.start], lang, registry)
                if named_here is None and last_person is None:
                    continue
                name, speaker_id = named_here or last_person
            else:
                name, speaker_id = speaker_of(who, lang, registry)
            if len(content.split()) < _MIN_WORDS and pattern != "before-colon":
                continue
            speaker = registry.get(speaker_id)
            quotes.append(Quote(text=content.strip(), speaker_name=name, speaker_id=speaker_id,
                                role=speaker.role if speaker else None, country=speaker.country if speaker else None,
                                anchor=anchor, verb=None, start=span.start, end=span.end, pattern=f"{lang}:{pattern}"))
            last_person = (name, speaker_id)
            previous = span
        named = last_named(text, lang, registry)
        if named is not None:
            last_person = named
    return quotes


def _continues(between: str) -> bool:
    """The words between two quotations are only their speaker's attribution (", said X, the
    team's captain."): the second quotation goes on in the same voice."""
    return len(between) <= 80 and bool(re.search(r"[.!?]\s*$", between)) and not re.search(r"[.!?]\s+\S", between.strip()[:-1])


def _attribution(text: str, span: Span, lang: str) -> tuple[str, str] | None:
    after = text[span.end + 1:]
    for name, pattern in _after_patterns(lang):
        if match := pattern.match(after):
            return name, match.group("who")
    before = text[:span.start - 1]
    for name, pattern in _before_patterns(lang):
        if match := pattern.search(before):
            return name, match.group("who")
    return None


def speaker_of(printed: str, lang: str, registry: Registry) -> tuple[str, str | None]:
    """(the speaker's name as printed, bare of the role words before it; their id when the
    registry knows one of their names in this language, else None)."""
    for speaker_id, names in names_longest_first(registry, lang):
        for name in names:
            if name_pattern(name, lang).search(printed):
                return name, speaker_id
    printed = _TITLES.sub("", printed.rstrip(".")) or printed
    bare = re.search(_NAME[lang] + "$", printed)
    return (bare.group(0) if bare else printed).rstrip("."), None


def last_named(text: str, lang: str, registry: Registry) -> tuple[str, str | None] | None:
    """The registry person a paragraph names last, for a pronoun in the next."""
    best: tuple[int, str, str] | None = None
    for speaker_id, names in names_longest_first(registry, lang):
        for name in names:
            for match in name_pattern(name, lang).finditer(text):
                if best is None or match.start() > best[0]:
                    best = (match.start(), name, speaker_id)
    return (best[1], best[2]) if best else None


def names_longest_first(registry: Registry, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    """Per person of the registry, the names English or Russian copy prints, longest first."""
    rows = []
    current: Registry | None = registry
    while current is not None:
        for speaker in current.speakers:
            names = speaker.names_in(lang)
            if names:
                rows.append((speaker.id, tuple(sorted(names, key=lambda n: (-len(n), n)))))
        current = current.parent
    return rows


def name_pattern(name: str, lang: str) -> re.Pattern[str]:
    """A name as a whole word; in Russian with its case endings (Токаева, Токаеву, Токаевым)."""
    ending = r"[а-яё]{0,3}" if lang == "ru" else ""
    return re.compile(rf"(?<!\w){re.escape(name)}{ending}(?!\w)", re.IGNORECASE if lang != "ru" else 0)
