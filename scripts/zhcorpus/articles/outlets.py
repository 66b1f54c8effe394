"""The outlet registry: which outlet printed an article, read from its furniture.

``taxonomy.yml`` lists each outlet (``outlets:``) with its names and the forms
of its datelines, bylines, credits, mastheads and other furniture, and the forms
every newsroom prints (``forms:``). This module checks them, compiles each form
(formpatterns: either script, either width of a mark) and reads printed lines: what a dateline or byline says
(outlet, place, month and day, names), which outlet a masthead names, where the
dateline and byline that open a paragraph end. It never looks for a name in
running text: a credit (图源：新华社) or a report (据新华社报道) names no
article's outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Callable, Iterable

from zhcorpus.articles import dates
from zhcorpus.articles.formpatterns import FORM_TEXT, PLACEHOLDERS, Form, compile_form, fold
from zhcorpus.reading.furniture import is_masthead, masthead_names
from zhcorpus.editorial.schema import Either, IdMap, ListOf, OneOf, Record, Text, fail, load, show

ROLES = ("datelines", "bylines", "credits", "mastheads", "furniture")

_FORM = Text(max_len=200, pattern=FORM_TEXT,
             rule="a form: text with the placeholders " + ", ".join(f"{{{p}}}" for p in PLACEHOLDERS))
_FORMS = ListOf(Either((_FORM, Record({"form": _FORM, "seen": Text(max_len=1000)}, required=("form",)))),
                max_items=1000)
_REGION = Text(max_len=8, pattern=re.compile("[A-Z]{2}"), rule="a region code, ISO 3166-1 alpha-2 (HK)")
_NAMES = {"zh_hans": Text(max_len=100), "zh_hant": Text(max_len=100), "en": Text(max_len=300)}
_NAME_LIST = ListOf(Text(max_len=100), max_items=100)
# The outlet's name as English and Russian copy prints it (in a dateline's credit, a masthead).
PRINT_NAMES = Record({"en": _NAME_LIST, "ru": _NAME_LIST})
OUTLET = Record({**_NAMES, "names": _NAME_LIST, "match": _NAME_LIST, "print_names": PRINT_NAMES, "region": _REGION,
                 "kind": OneOf(("agency", "paper", "web", "broadcaster")),
                 **{role: _FORMS for role in ROLES}, "notes": Text(max_len=2000)}, required=tuple(_NAMES))
OUTLETS = IdMap(OUTLET)
FORMS = Record({role: _FORMS for role in ROLES})

_BULLETS = "●■◆▲▶ \t　"  # marks a byline line may open with (●香港文匯報記者 …)

# Words around names in a byline: a writer's role (kept reading names after it),
# another role (its names are not writers': photographers, editors, producers).
WRITER_ROLES = ("特约记者", "特派记者", "驻站记者", "见习记者", "实习记者", "记者", "实习生", "通讯员", "特派员",
                "编译", "作者", "撰文", "撰稿", "文")
OTHER_ROLES = ("摄影记者", "摄影", "摄像", "图片编辑", "责任编辑", "编辑", "责编", "校对", "监制", "统筹", "录音",
               "剪辑", "制作", "出品", "策划", "设计", "主编")



@dataclass(frozen=True)
class Outlet:
    id: str
    zh_hans: str
    zh_hant: str
    en: str
    names: tuple[str, ...]
    region: str | None = None
    kind: str | None = None
    print_names: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (lang, names): see PRINT_NAMES


@dataclass(frozen=True)
class Mark:
    """One piece of furniture as printed, and what it says."""

    role: str                    # datelines, bylines, credits, mastheads, furniture
    text: str                    # the printed span
    outlet: str | None = None    # the registered outlet it names
    unregistered: str = ""       # an outlet-like name ({source}) the registry does not know
    own: bool = False            # 本报: the page's own outlet
    place: str = ""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    names: tuple[str, ...] = ()  # {name}/{names} fields as printed
    glued: tuple[str, ...] = ()  # a name printed against a place: 趙一凡北京


@dataclass
class Registry:
    """The outlets and every form, compiled; what the build reads furniture with."""

    outlets: dict[str, Outlet] = field(default_factory=dict)
    forms: dict[str, list[Form]] = field(default_factory=dict)
    _by_name: dict[str, str] = field(default_factory=dict)
    _any: dict[str, re.Pattern[str]] = field(default_factory=dict)

    def outlet_id(self, name: str) -> str | None:
        """The id of the outlet a name (in either script) or id stands for."""
        if name in self.outlets:
            return name
        return self._by_name.get(_name_key(name))

    def read(self, role: str, text: str) -> Mark | None:
        """``text``, whole, as one form of ``role``; the first form that reads it all
        (registered outlets' own forms come first)."""
        text = text.strip().lstrip(_BULLETS)
        folded = fold(text)
        if not text or role not in self._any or not self._any[role].fullmatch(folded):
            return None
        return next((self._mark(form, match, text) for form in self.forms[role]
                     if (match := form.pattern.fullmatch(folded))), None)

    def read_line(self, text: str) -> Mark | None:
        """A whole line that is a dateline or byline (塔什干，2025年6月18日（UzA）), or a
        furniture line (no sentence) holding a byline between spaces (2025-06-17 14:22
        聯合報／ 記者廖文彬／即時報導; 作者：林若溪 来源：…)."""
        if len(text) > dates.FURNITURE_MAX:
            return None
        if (mark := self.read("datelines", text)) is not None:
            return mark
        if (mark := self.read("bylines", text)) is not None:
            return mark if separated(mark) else None
        if not dates.is_furniture_shaped(text) or self.read("credits", text):
            return None  # 新华社记者 严振宇 摄: a photo's credit, not the report's byline
        for start in [0] + [m.end() for m in re.finditer(r"\s+", text)]:
            found = self._prefix("bylines", text, start, lambda form: form.has_role, bounded=True)
            if found and separated(found[0]):
                return found[0]
        return None

    def lead(self, text: str) -> tuple[list[Mark], int]:
        """The dateline and byline opening a paragraph, and where its own text begins:
        新华社阿斯塔纳6月17日电（记者 甲 乙）当地时间… -> two marks and the offset of 当地时间.
        A byline here closes in a bracket (（记者 甲）, 【…记者 甲】), or after a dateline
        ends at a colon (【大公報訊】記者甲北京報道：); unbracketed, 记者甲 would take
        the opening words of a report (记者从…获悉) for a name. A dateline form that
        holds the byline too (本报讯（记者 {names}）) is read as the two."""
        whole = self._prefix("datelines", text, 0)
        plain = self._prefix("datelines", text, 0, lambda form: not form.has_names)
        marks: list[Mark] = []
        at = 0
        if plain is not None:
            marks, at = [plain[0]], plain[1]
            if byline := self._lead_byline(text, at, dated=True):
                marks.append(byline[0])
                at = byline[1]
        if whole is not None and whole[1] > at:
            marks, at = [whole[0]], whole[1]
        if not marks:
            if byline := self._lead_byline(text, 0, dated=False):
                marks, at = [byline[0]], byline[1]
            else:
                return [], 0
        return marks, at + len(re.match(r"[\s：:／/—]*", text[at:]).group(0))

    def _lead_byline(self, text: str, start: int, dated: bool) -> tuple[Mark, int] | None:
        start += len(re.match(r"\s*", text[start:]).group(0))
        found = self._prefix("bylines", text, start, lambda form: form.bracketed and (form.has_role or dated))
        if found is not None and (dated or separated(found[0])):
            return found
        if dated:  # 【大公報訊】記者趙一凡北京報道： / 大公网6月18日讯 综合报道：
            found = self._prefix("bylines", text, start, lambda form: not form.bracketed)
            if found is not None and re.match(r"\s*[：:]", text[found[1]:]):
                return found
        return None

    def masthead(self, text: str) -> str | None:
        """The outlet a masthead line names (人民网 >> 国际; 2025年6月17日 星期二 人民日报 3)."""
        if not dates.is_furniture_shaped(text):
            return None
        mark = self.read("mastheads", text)
        if mark is not None:
            return mark.outlet
        if is_masthead(text):  # the name alone: 俄罗斯卫星通讯社, 乌兹别克斯坦国家通讯社（UzA）
            return next(filter(None, map(self.outlet_id, masthead_names(text))), None)
        return None

    def _prefix(self, role: str, text: str, start: int, allowed: Callable[[Form], bool] = lambda form: True,
                bounded: bool = False) -> tuple[Mark, int] | None:
        """The longest form of ``role`` read at ``start`` (the first of equal length: registered
        outlets' own forms come first); ``bounded``: one that ends at a space or the end."""
        folded = fold(text)
        if role not in self._any or not self._any[role].match(folded, start):
            return None
        best: tuple[Mark, int] | None = None
        for form in self.forms.get(role, ()):
            pattern = form.bounded if bounded else form.pattern
            if allowed(form) and (match := pattern.match(folded, start)) and match.end() > start:
                if best is None or match.end() > best[1]:
                    best = (self._mark(form, match, text), match.end())
        return best

    def _mark(self, form: Form, match: re.Match[str], text: str) -> Mark:
        """What a form's match says; every value as printed (``text``: the forms read the
        text folded to one script, character for character)."""
        values: dict[str, list[str]] = {}
        for group, placeholder in form.fields:
            if match.group(group) is not None:
                values.setdefault(placeholder, []).append(text[match.start(group):match.end(group)])
        outlet = next((self.outlet_id(v) for v in values.get("outlet", []) if self.outlet_id(v)), None)
        unregistered = next(iter(values.get("source", [])), "")
        if outlet is None and unregistered:
            outlet = self.outlet_id(unregistered)
            unregistered = "" if outlet else unregistered
        year = month = day = None
        if values.get("date"):
            if (printed := dates.full_date(values["date"][0])) is not None:
                year, month, day = printed.year, printed.month, printed.day
        if values.get("month"):
            month = dates.number(values["month"][0])
        if values.get("day"):
            day = dates.number(values["day"][0])
        return Mark(role=form.role, text=text[match.start():match.end()], outlet=outlet, unregistered=unregistered,
                    own=bool(values.get("own")), place=(values.get("place") or [""])[-1],
                    year=year, month=month, day=day,
                    names=tuple(values.get("name", []) + values.get("names", [])),
                    glued=tuple(values.get("nameplace", [])))


def byline_names(marks: Iterable[Mark], is_word: Callable[[str], bool]) -> list[str]:
    """The writers' names in datelines and bylines, in order, each once: role words
    dropped (实习生, 环球时报记者), names after another role (摄像丨…, 编辑 …) and
    photographers (李慕白摄) left out, a place printed against a name cut off."""
    names: list[str] = []
    for mark in marks:
        if mark.role not in ("datelines", "bylines"):
            continue
        found = [name for value in mark.names for name in split_names(value)]
        found += [split_name_place(value, is_word) for value in mark.glued]
        names.extend(name for name in found if name and name not in names)
    return names


_SEPARATORS = re.compile(r"[\s、，,／/|｜丨]+")
_ROLE_PREFIX = re.compile("^(?:.{0,12}?(?:" + "|".join(WRITER_ROLES[:-1]) + "))")


def split_names(value: str) -> list[str]:
    """One {names} field -> the names in it: 何思远 实习生 王欣然 -> 何思远, 王欣然."""
    names: list[str] = []
    writing = True
    for token in _SEPARATORS.split(value.strip()):
        simple = fold(token)
        if not token:
            continue
        if _is_role(simple, OTHER_ROLES):
            writing = False
            continue
        if _is_role(simple, WRITER_ROLES) or simple in ("综合报道", "报道", "报导"):
            writing = True
            continue
        if simple.endswith(("报道", "报导")):  # 北京报道: a place, and the end of the byline
            continue
        if (cut := _ROLE_PREFIX.match(simple)) and len(simple) - cut.end() >= 2:
            token, writing = token[cut.end():], True  # 本報記者韓立宇
        if writing and not token.endswith(("摄", "攝")) and _is_name(token):
            names.append(token)
    return names


def _is_role(token: str, roles: tuple[str, ...]) -> bool:
    """实习生, 环球时报记者: a role, or an outlet's; a one-character role (文) only alone:
    郑雅文 is a name."""
    return any(token == role or len(role) > 1 and token.endswith(role) for role in roles)


_SEPARATION = re.compile(r"[\s：:／/丨｜]")


def separated(mark: Mark) -> bool:
    """A byline sets its names apart from its role (记者 甲, 作者：甲, 记者丨甲) unless it
    names its outlet: （记者手记） and 记者手记 are a kicker."""
    return bool(mark.outlet or mark.own) or bool(_SEPARATION.search(mark.text))


def split_name_place(value: str, is_word: Callable[[str], bool]) -> str:
    """趙一凡北京 -> 趙一凡: a Chinese name is two or three characters, and what
    follows it is a place when it is a word of its own (is_word, in Simplified)."""
    if "·" in value or len(value) <= 3:
        return value
    for size in (3, 2):
        rest = value[size:]
        if len(rest) >= 2 and is_word(fold(rest)):
            return value[:size]
    return value if len(value) == 4 else value[:3]


def _is_name(token: str) -> bool:
    """Two to four characters for most Chinese names, up to six for some (古丽巴哈尔);
    a transliterated name is parted by a dot (阿依达娜·索尔坦)."""
    if "·" in token or "・" in token:
        return 3 <= len(token) <= 24
    return 2 <= len(token) <= 6


# --- compiling forms -----------------------------------------------------------


@lru_cache(maxsize=1)
def newsroom_forms_bytes() -> bytes:
    """data/forms.yml: the forms every newsroom prints, the registry's defaults. Its bytes
    key the build cache beside taxonomy.yml's (see build)."""
    return (files("zhcorpus") / "data" / "forms.yml").read_bytes()


@lru_cache(maxsize=1)
def newsroom_forms() -> dict[str, list]:
    return load("zhcorpus/data/forms.yml", newsroom_forms_bytes(), FORMS, "list of forms", empty={})  # type: ignore[return-value]


def with_newsroom_forms(forms: dict[str, list]) -> dict[str, list]:
    """A taxonomy's ``forms:`` and, after them, the forms every newsroom prints."""
    defaults = newsroom_forms()
    return {role: [*forms.get(role, ()), *defaults.get(role, ())] for role in ROLES}


def make_registry(outlets: dict[str, dict], forms: dict[str, list]) -> Registry:
    """Checked ``outlets:`` and ``forms:`` sections -> the registry, every form compiled.
    A form's {outlet} stands for its own outlet's names; in ``forms:``, any outlet's."""
    registry = Registry()
    for outlet_id, spec in outlets.items():
        names = _names_of(spec)
        registry.outlets[outlet_id] = Outlet(outlet_id, spec["zh_hans"], spec["zh_hant"], spec["en"], names,
                                             spec.get("region"), spec.get("kind"),
                                             tuple((lang, tuple(names)) for lang, names in spec.get("print_names", {}).items()))
        for name in names:
            registry._by_name.setdefault(_name_key(name), outlet_id)
    every_name = sorted({n for o in registry.outlets.values() for n in o.names}, key=len, reverse=True)
    for role in ROLES:
        compiled: list[Form] = []
        seen: set[str] = set()
        for outlet_id, spec in outlets.items():
            for form in spec.get(role, ()):
                compiled.append(compile_form(role, _form_text(form), registry.outlets[outlet_id].names))
        compiled += [compile_form(role, _form_text(form), every_name) for form in forms.get(role, ())]
        registry.forms[role] = [f for f in compiled if not (f.source in seen or seen.add(f.source))]
        if registry.forms[role]:
            registry._any[role] = re.compile("|".join(f"(?:{f.loose})" for f in registry.forms[role]))
    return registry


def check_registry(path: Path | str, outlets: dict[str, dict]) -> None:
    """What the shape alone cannot say: a masthead names its outlet ({outlet}), and a
    name stands for one outlet only (in either script)."""
    problems = []
    owner: dict[str, str] = {}
    for outlet_id, spec in outlets.items():
        for i, form in enumerate(spec.get("mastheads", ())):
            if "{outlet}" not in _form_text(form):
                problems.append(f"outlets.{outlet_id}.mastheads[{i}]: {show(_form_text(form))} does not hold "
                                "{outlet}: a masthead names the outlet whose page it is")
        for name in _names_of(spec):
            other = owner.setdefault(_name_key(name), outlet_id)
            if other != outlet_id:
                problems.append(f"outlets.{outlet_id}: the name {show(name)} is also {other}'s")
    if problems:
        fail(path, "taxonomy", problems)


def _names_of(spec: dict) -> tuple[str, ...]:
    names = [spec["zh_hans"], spec["zh_hant"], *spec.get("names", ()), *spec.get("match", ())]
    return tuple(dict.fromkeys(n for n in names if n))


def _form_text(form: str | dict) -> str:
    return form["form"] if isinstance(form, dict) else form


def _name_key(name: str) -> str:
    """A name as looked up: folded, no spaces (聯合報, on.cc東網)."""
    return re.sub(r"\s+", "", fold(name))
