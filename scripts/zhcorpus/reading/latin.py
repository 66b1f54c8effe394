"""English and Russian pages -> article drafts (the Chinese reader's Draft).

Latin and Cyrillic copy is read by its own rules, not the Chinese ones: words
are separated by spaces, so a hard wrap is undone WITH a space, and a hyphen at
a line's end is a word split (co-/operation) unless the page shows it is a
compound (China-/Central, people-to-/people, из-/за). A paragraph is a run of
lines between blank lines on a hard-wrapped page, and a line on a page that is
not wrapped (a web page, one line per paragraph).

What a line is, in the order asked: page furniture (share widgets, related
links, copyright), a masthead (an outlet's printed name alone), a byline
(``By …``, ``Автор: …``), a date line (``Updated: 2025-06-17``), a headline
(short, no sentence end, followed by its byline or dateline), or text. A
paragraph that opens with a dateline (``ASTANA, June 17 (Xinhua) --``,
``АСТАНА, 17 июня. /Kazinform/ –``) opens its article's body; the dateline is
lifted into the draft. A headline followed by a byline, dateline or date line
opens the next article; one inside a body is a section heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zhcorpus.reading.segment import Draft

_MONTHS_EN = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_MONTHS_RU = (r"(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)")
_DASH = r"(?:--|—|–|-)"
_CAPS_PLACE = r"[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,3}"
_TITLE_PLACE = r"[A-Z][a-z'’\-]+(?: [A-Z][a-z'’\-]+){0,2}"
_RU_PLACE = r"[А-ЯЁ][А-ЯЁа-яё\-]+(?: [А-ЯЁ][А-ЯЁа-яё\-]+){0,2}"

# Each dateline form: place, an optional date, the credit naming the outlet, then the dash or stop.
DATELINES = [
    # ASTANA, June 17 (Xinhua) -- / ALMATY (Reuters) - / BISHKEK, Kyrgyzstan, June 17 (AKIpress) -
    re.compile(rf"^(?P<place>{_CAPS_PLACE})(?:, (?P<country>[A-Z][a-z]+))?(?:, (?P<date>{_MONTHS_EN} \d{{1,2}}(?:, \d{{4}})?))?"
               rf"\s*\((?P<credit>[^()]{{2,40}})\)\s*{_DASH}\s+"),
    # ASTANA, June 17. KAZINFORM - / ASTANA – (The Astana Times: place and dash only)
    re.compile(rf"^(?P<place>{_CAPS_PLACE})(?:, (?P<date>{_MONTHS_EN} \d{{1,2}}(?:, \d{{4}})?)\.)?"
               rf"(?:\s+(?P<credit>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?))?\s*{_DASH}\s+"),
    # Bishkek, Nov. 21, 2017. /Kabar/.  /  Bishkek, Jan. 19, 2018 / Kabar /.
    re.compile(rf"^(?P<place>{_TITLE_PLACE}|{_CAPS_PLACE}), (?P<date>{_MONTHS_EN} \d{{1,2}}(?:, \d{{4}})?)\.?"
               rf"\s*/\s*(?P<credit>[^/]{{2,30}}?)\s*/\s*(?:\.|{_DASH})?\s*"),
    # АСТАНА, 17 июня. /Kazinform/ –  /  АСТАНА, 17 июня. /ТАСС/.  /  Бишкек, 17 июня 2025 /Кабар/.
    re.compile(rf"^(?P<place>{_RU_PLACE}), (?P<date>\d{{1,2}} {_MONTHS_RU}(?: \d{{4}}(?: года)?)?)\.?"
               rf"\s*/\s*(?P<credit>[^/]{{2,30}}?)\s*/\s*(?:\.|{_DASH})?\s*"),
]

_BYLINE = [re.compile(r"^By\s+(?P<names>[A-Z][^.!?]{1,120})$"),
           re.compile(r"^(?:Автор|Текст|Автор материала)\s*[:—–-]\s*(?P<names>[А-ЯЁA-Z][^.!?]{1,120})$")]

_DATE_PARTS = [rf"\b20\d\d-\d\d-\d\d\b", rf"\b\d{{1,2}}-{_MONTHS_EN}-20\d\d\b", rf"\b{_MONTHS_EN} \d{{1,2}}, 20\d\d\b",
               rf"\b\d{{1,2}} {_MONTHS_EN} 20\d\d\b", r"\b\d{1,2}\.\d{1,2}\.20\d\d\b", rf"\b\d{{1,2}} {_MONTHS_RU} 20\d\d\b"]
_DATE_LINE = re.compile("|".join(_DATE_PARTS))
_DATE_LINE_MAX = 70

_FURNITURE = re.compile(
    r"^(?:share\b.*|print|e-?mail|facebook|twitter|telegram|whatsapp|linkedin|x|vk|"
    r"related(?: news| stories| articles)?:?.*|read (?:more|also):?.*|also read:?.*|more:?|"
    r"editor:.*|editors?'s? note:?.*|tags?:.*|keywords?:.*|photo:.*|photo credit:?.*|"
    r"copyright.*|©.*|all rights reserved.*|follow us.*|subscribe.*|advertisement|back to top|top|"
    r"most (?:read|popular|viewed).*|home(?: [>»/|].*)?|the post .* appeared first on .*|"
    r"поделиться.*|читайте также:?.*|читайте по теме:?.*|редактор:.*|теги:.*|фото:.*|"
    r"все права защищены.*|подписывайтесь.*|реклама|главная(?: [>»/|].*)?|"
    r"\(?source: ?(?P<credit>[^()]{2,40})\)?|\(?источник: ?(?P<credit_ru>[^()]{2,40})\)?)$",
    re.IGNORECASE)
_BREADCRUMB = re.compile(r"^[\w .&'’-]{1,30}(?:\s*[>»|]\s*[\w .&'’-]{1,30}){1,5}$")

_SENTENCE_END = tuple(".!?;:…,")
_QUOTE_END = tuple("\"”»’'")
_HEADLINE_MAX = 160
_HEADLINE_WORDS = 26
_HEADLINE_LOOKAHEAD = 3

# The first part of a hyphenated compound, English and Russian, when the page does not show it whole.
_COMPOUND_LEFT = {"long", "short", "high", "low", "well", "win", "self", "state", "one", "two", "three", "four",
                  "five", "ten", "year", "cross", "large", "small", "full", "non", "ex", "top", "world", "far", "wide",
                  "eco", "mid", "kazakh", "chinese", "sino", "кое", "из", "во", "по"}
_COMPOUND_RIGHT = {"то", "либо", "нибудь", "ка", "таки", "за", "под"}

BODY, HEAD, BYLINE, DATE, FURNITURE, MASTHEAD, CREDIT = "body", "head", "byline", "date", "furniture", "masthead", "credit"


@dataclass(frozen=True)
class Unit:
    """A paragraph or line as the page gives it, its wraps undone, and what it is."""

    text: str
    kind: str
    note: str = ""   # a byline's names, a credit's outlet


def wrap_width(lines: list[str]) -> int | None:
    """The width a page is hard-wrapped at, or None: the length that most lines reach within
    a few characters (at least three lines, and half the page's long lines), no more than
    a printed column or a terminal's. A web page's one-line paragraphs vary too much."""
    lengths = [len(line) for line in lines if len(line.strip()) >= 30]
    best, width = 0, None
    for length in sorted(set(lengths)):
        near = sum(1 for each in lengths if length - 12 <= each <= length)
        if near >= best:
            best, width = near, length
    if width is None or width > 100 or best < 3 or best * 2 < len(lengths):
        return None
    return width


def join_wrapped_latin(left: str, right: str, page: str) -> str:
    """Two lines of one paragraph as one: with a space between words; a hyphen at the
    end of ``left`` dropped for a real word split (co-/operation -> cooperation) and
    kept, with no space, for a compound (China-/Central, people-to-/people,
    кое-/какой, long-/term), or one the page prints whole elsewhere."""
    left, right = left.rstrip(), right.lstrip()
    if not left.endswith("-") or left.endswith("--") or len(left) < 2 or not left[-2].isalpha():
        return f"{left} {right}" if left and right else left + right
    head = re.search(r"[\w-]+-$", left)
    tail = re.match(r"[\w-]+", right)
    if not head or not tail:
        return left + right
    first, second = head.group(0)[:-1], tail.group(0)
    if (second[:1].isupper() or second[:1].isdigit() or "-" in first or "-" in second
            or first.lower() in _COMPOUND_LEFT or second.lower() in _COMPOUND_RIGHT
            or f"{first}-{second}".lower() in page.lower().replace("-\n", "")):
        if f"{first}{second}".lower() not in page.lower():
            return left + right
    return left[:-1] + right


def page_paragraphs(text: str) -> list[str]:
    """The page's paragraphs: on a hard-wrapped page, runs of lines between blank lines
    (a short line ends its paragraph); otherwise each non-blank line."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    width = wrap_width(lines)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if width is None:
            paragraphs.append(stripped)
            continue
        current = join_wrapped_latin(current, stripped, text) if current else stripped
        if len(line) < width - 20:  # a short line ends its paragraph
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def find_dateline(text: str) -> re.Match[str] | None:
    """The dateline a paragraph opens with, if it opens with one."""
    for pattern in DATELINES:
        match = pattern.match(text)
        if match and match.end() < len(text):
            return match
    return None


def classify(text: str, mastheads: frozenset[str]) -> Unit:
    """What one paragraph of a Latin or Cyrillic page is (see the module's docstring)."""
    folded = text.strip().lower()
    if folded in mastheads:
        return Unit(text, MASTHEAD, folded)
    furniture = _FURNITURE.match(text.strip())
    if furniture:
        credit = furniture.group("credit") or furniture.group("credit_ru")
        return Unit(text, CREDIT, credit.strip()) if credit else Unit(text, FURNITURE)
    if _BREADCRUMB.match(text) and not find_dateline(text):
        return Unit(text, FURNITURE)
    for pattern in _BYLINE:
        if match := pattern.match(text.strip()):
            return Unit(text, BYLINE, match.group("names").strip())
    if len(text) <= _DATE_LINE_MAX and _DATE_LINE.search(text) and len(_DATE_LINE.sub("", text).split()) <= 4:
        return Unit(text, DATE)
    if is_headline_like(text):
        return Unit(text, HEAD)
    return Unit(text, BODY)


def is_headline_like(text: str) -> bool:
    """Short, a few words, opening with a capital, digit or quotation mark, ending with no
    sentence mark (a closing quotation mark counts only if no sentence ends inside)."""
    text = text.strip()
    if not text or len(text) > _HEADLINE_MAX or len(text.split()) > _HEADLINE_WORDS or find_dateline(text):
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«'‘"):
        return False
    if text.endswith(_QUOTE_END):
        return not re.search(r"[.!?][\"”»’']?\s+\S", text[:-1])
    return not text.endswith(_SENTENCE_END)


def page_units(text: str, mastheads: frozenset[str] = frozenset()) -> list[Unit]:
    return [classify(paragraph, mastheads) for paragraph in page_paragraphs(text)]


def _opens_article(units: list[Unit], i: int) -> bool:
    """A headline opens an article when its byline, dateline or date line follows it."""
    for unit in units[i + 1: i + 1 + _HEADLINE_LOOKAHEAD]:
        if unit.kind in (BYLINE, DATE) or unit.kind == BODY and find_dateline(unit.text):
            return True
        if unit.kind == HEAD:
            continue
        if unit.kind == BODY:
            return False
    return False


def latin_drafts(text: str, mastheads: frozenset[str] = frozenset()) -> tuple[list[Draft], list[Unit]]:
    """The page's articles, as drafts; and its units, for the page's facts (masthead, date)."""
    units = page_units(text, mastheads)
    drafts: list[Draft] = []
    draft: Draft | None = None
    dropped: list[tuple[str, str]] = []   # furniture before the first article
    for i, unit in enumerate(units):
        dateline = find_dateline(unit.text) if unit.kind == BODY else None
        starts = (draft is None and unit.kind in (HEAD, BODY, BYLINE)
                  or draft is not None and draft.body and (unit.kind == HEAD and _opens_article(units, i)
                                                           or dateline is not None and draft.opened))
        if draft is not None and not draft.body and unit.kind == HEAD and draft.title and _opens_article(units, i):
            # The heads read so far were the page's header (a site name, a section), not this article's.
            draft.dropped.extend((text, "page furniture (page header)") for text in (draft.title, draft.subtitle) if text)
            draft.title = draft.subtitle = ""
        if starts:
            draft = Draft(start_line=i)
            draft.dropped.extend(dropped)
            dropped = []
            drafts.append(draft)
        if draft is None:
            dropped.append((unit.text, f"page furniture ({unit.kind})"))
            continue
        _read_unit(draft, unit, dateline, deck_possible=_precedes_opening(units, i))
    if draft is not None:
        draft.dropped.extend(dropped)
    return drafts, units


def _precedes_opening(units: list[Unit], i: int) -> bool:
    """Whether a byline, date line or dateline comes next (so a sentence here is a deck)."""
    following = units[i + 1: i + 3]
    return any(u.kind in (BYLINE, DATE) or u.kind == BODY and find_dateline(u.text) for u in following)


def _read_unit(draft: Draft, unit: Unit, dateline: re.Match[str] | None, deck_possible: bool = False) -> None:
    if unit.kind == HEAD:
        if draft.body:
            draft.body.append(("h", unit.text, ""))
        elif not draft.title:
            draft.title = unit.text
        elif not draft.subtitle:
            draft.subtitle = unit.text
        else:
            draft.body.append(("h", unit.text, ""))
    elif unit.kind == BYLINE:
        draft.bylines.append(unit.text)
    elif unit.kind == BODY:
        if dateline is not None and not draft.opened:
            draft.dateline = dateline.group(0).strip()
            draft.opened = True
            draft.body.append(("p", unit.text[dateline.end():].strip(), ""))
        elif not draft.body and not draft.opened and draft.title and not draft.subtitle and deck_possible \
                and _is_deck(unit.text):
            draft.subtitle = unit.text
        else:
            draft.body.append(("p", unit.text, ""))
    else:
        why = {DATE: "page furniture (date line)", CREDIT: f"credit ({unit.note})",
               MASTHEAD: f"masthead ({unit.note})"}.get(unit.kind, "page furniture")
        draft.dropped.append((unit.text, why))


def _is_deck(text: str) -> bool:
    """A deck under a headline: one or two sentences, shorter than a body paragraph."""
    return len(text) <= 260 and len(re.findall(r"[.!?](?:\s|$)", text)) <= 2
