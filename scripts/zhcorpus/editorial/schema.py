"""Editorial YAML checked against a declared shape before anything is built from it.

Sidecars, ``taxonomy.yml`` and ``speakers.yml`` are written by people, and their
values reach file paths, URLs, pages and the build's logic. Each file is checked
whole, once, where it is read: types, ranges, real dates, the characters of ids,
booleans that are YAML's true or false (not the string "no"), no key the program
does not know. A file that does not fit is one ``SeedError`` line naming the file,
and every problem in it as the key's path and its value:

    seeds/p1.yml: not a valid sidecar: articles[2].date: '2025-13-45' is not a real date (YYYY-MM-DD)

A shape is a tree of the small specs below (Text, Whole, Flag, Day, OneOf, ListOf,
Record, IdMap, Either); :func:`conform` is the one validator, and returns the data as the
program uses it (a Day gives a ``datetime.date``).
"""

from __future__ import annotations

import datetime as dt
import re
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

import yaml

from zhcorpus.reading.readers import SeedError

# Anything that becomes part of a file name or URL: a slug's outlet, an event,
# theme or speaker page. No separator, no dot, no upper case, so no '..' and no
# name that differs from another only in case (URLs are case-sensitive, file
# systems not always).
ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
ID_CHARS = "a-z, 0-9 and '-', at most 64 characters, not starting with '-'"
ID_RULE = f"an ASCII id ({ID_CHARS})"

YEARS = (1800, 2200)  # a newspaper page's year: a typo (20025, 225) is caught, any real one passes

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHOWN_PROBLEMS = 8   # a file with more problems than this is listed in part: the line stays readable
_SHOWN_VALUE = 60     # characters of a value shown in a message


@dataclass(frozen=True)
class Text:
    """One line of text, not blank, with no control character; ``pattern`` (fullmatch)
    when the text has a form, ``rule`` saying that form in the message."""

    max_len: int = 200
    pattern: re.Pattern[str] | None = None
    rule: str = ""


@dataclass(frozen=True)
class Whole:
    """An integer from ``low`` to ``high``; not a bool, a float or a numeral in quotes."""

    low: int
    high: int


@dataclass(frozen=True)
class Flag:
    """YAML's true or false: "no", "false" in quotes, 0 or 1 are not booleans."""


@dataclass(frozen=True)
class Day:
    """A real calendar date, YYYY-MM-DD, its year within YEARS."""


@dataclass(frozen=True)
class OneOf:
    choices: tuple[str, ...]


@dataclass(frozen=True)
class ListOf:
    item: "Spec"
    max_items: int = 10_000


@dataclass(frozen=True)
class Record:
    """A mapping with these keys and no other; ``required`` must be there and not null.
    An optional key given as null (``title:``) counts as not given."""

    fields: dict[str, "Spec"]
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class IdMap:
    """A mapping from ids (see ID) to values of one shape: taxonomy sections."""

    value: "Spec"
    max_items: int = 10_000


@dataclass(frozen=True)
class Either:
    """One of a few shapes, told apart by the value's YAML type: an outlet's form
    is its text, or a mapping with the text and where it was seen. A value of
    none of their types is one problem naming them all."""

    options: tuple["Spec", ...]


Spec = Union[Text, Whole, Flag, Day, OneOf, ListOf, Record, IdMap, Either]


@dataclass
class _Problems:
    lines: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.lines.append(f"{where or 'the file'}: {message}")


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxstring, _REPR.maxother = 2, 4, 4, _SHOWN_VALUE, _SHOWN_VALUE


def show(value: object) -> str:
    """A value as the editor wrote it, on one line and short. Never all of a list or
    mapping: YAML's aliases can make one of 9^9 items from a few lines of text."""
    text = _REPR.repr(value) if isinstance(value, (list, dict)) else repr(value)
    return text if len(text) <= _SHOWN_VALUE else text[: _SHOWN_VALUE - 3] + "..."


def _kind_of(value: object) -> str:
    return {dict: "a mapping", list: "a list", bool: "a boolean", int: "a number", float: "a number",
            type(None): "empty (null)", str: "text", bytes: "binary data"}.get(type(value), f"a {type(value).__name__}")


def conform(spec: Spec, value: object, where: str, problems: _Problems) -> object:
    """``value`` checked against ``spec``; problems are added, under ``where`` (the
    key's path), and the value is returned as the program uses it."""
    match spec:
        case Text(max_len=max_len, pattern=pattern, rule=rule):
            if not isinstance(value, str):
                quote = " (to mean it as text, put it in quotes)" if isinstance(value, (int, float)) else ""
                problems.add(where, f"{show(value)} is {_kind_of(value)}, not text{quote}")
            elif not value.strip():
                problems.add(where, "is blank")
            elif _CONTROL.search(value):
                problems.add(where, f"{show(value)} holds a control character (a line break?)")
            elif len(value) > max_len:
                problems.add(where, f"{show(value)} is longer than {max_len} characters")
            elif pattern is not None and not pattern.fullmatch(value):
                problems.add(where, f"{show(value)} is not {rule}")
            return value
        case Whole(low=low, high=high):
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                problems.add(where, f"{show(value)} is not a whole number from {low} to {high}")
            return value
        case Flag():
            if not isinstance(value, bool):
                problems.add(where, f"{show(value)} is not true or false (write them bare, not in quotes)")
            return value
        case Day():
            return _day(value, where, problems)
        case OneOf(choices=choices):
            if value not in choices or not isinstance(value, str):
                problems.add(where, f"{show(value)} is not one of {', '.join(choices)}")
            return value
        case ListOf(item=item, max_items=max_items):
            if not _sized(value, list, "a list", max_items, where, problems):
                return value
            return [conform(item, each, f"{where}[{i}]", problems) for i, each in enumerate(value)]
        case Record(fields=fields, required=required):
            return _record(fields, required, value, where, problems)
        case Either(options=options):
            for option in options:
                if isinstance(value, _TYPE_OF.get(type(option), object)):
                    return conform(option, value, where, problems)
            problems.add(where, f"{show(value)} is {_kind_of(value)}, not " + " or ".join(map(_noun, options)))
            return value
        case IdMap(value=item, max_items=max_items):
            if not _sized(value, dict, "a mapping of ids", max_items, where, problems):
                return value
            out = {}
            for key, each in value.items():
                if not isinstance(key, str) or not ID.fullmatch(key):
                    problems.add(_key(where, key), f"the id {show(key)} is not {ID_RULE}")
                    continue
                out[key] = conform(item, each, _key(where, key), problems)
            return out
    raise TypeError(f"not a spec: {spec!r}")  # a programming error, not an input one


# The YAML type of the values a spec takes, for Either to pick the option a value is meant for.
_TYPE_OF: dict[type, type | tuple[type, ...]] = {Text: str, Whole: int, Flag: bool, Day: str, OneOf: str,
                                                 ListOf: list, Record: dict, IdMap: dict}


def _noun(spec: Spec) -> str:
    """What a spec takes, in a message: text, a list, a mapping with keys ...."""
    if isinstance(spec, Record):
        return f"a mapping with keys {', '.join(spec.fields)}"
    return {Text: "text", Whole: "a whole number", Flag: "true or false", Day: "a date", OneOf: "text",
            ListOf: "a list", IdMap: "a mapping of ids"}.get(type(spec), "another shape")


def _sized(value: object, kind: type, noun: str, max_items: int, where: str, problems: _Problems) -> bool:
    """Whether ``value`` is a ``kind`` of at most ``max_items``; says what it is if not."""
    if not isinstance(value, kind):
        problems.add(where, f"{show(value)} is {_kind_of(value)}, not {noun}")
        return False
    if len(value) > max_items:  # type: ignore[arg-type]
        problems.add(where, f"has {len(value)} items, more than {max_items}")  # type: ignore[arg-type]
        return False
    return True


def _key(where: str, key: object) -> str:
    return f"{where}.{key}" if where else str(key)


def _record(fields: dict[str, Spec], required: tuple[str, ...], value: object, where: str,
            problems: _Problems) -> object:
    if not isinstance(value, dict):
        problems.add(where, f"{show(value)} is {_kind_of(value)}, not a mapping with keys {', '.join(fields)}")
        return value
    out = {}
    for key, each in value.items():
        if key not in fields:
            problems.add(_key(where, key), f"unknown key (known: {', '.join(fields)})")
        elif each is None:
            if key in required:
                problems.add(_key(where, key), "is empty, and it is required")
        else:
            out[key] = conform(fields[key], each, _key(where, key), problems)
    for key in required:
        if key not in value:
            problems.add(_key(where, key), "is missing, and it is required")
    return out


def _day(value: object, where: str, problems: _Problems) -> dt.date | None:
    # The loader keeps dates as written (see _Loader): a date is checked here, once.
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) and _ISO_DAY.fullmatch(value) else None
    except ValueError:  # 2025-13-45, 2025-02-30
        day = None
    if day is None:
        problems.add(where, f"{show(value)} is not a real date (YYYY-MM-DD)")
    elif not YEARS[0] <= day.year <= YEARS[1]:
        problems.add(where, f"{show(value)} is not a date from {YEARS[0]} to {YEARS[1]}")
        day = None
    return day


def checked(path: Path | str, spec: Spec, data: object, what: str) -> object:
    """``data`` as the program uses it, or SeedError(path, every problem on one line);
    ``what``: the kind of file, for the message (taxonomy)."""
    problems = _Problems()
    clean = conform(spec, data, "", problems)
    if problems.lines:
        fail(path, what, problems.lines)
    return clean


def fail(path: Path | str, what: str, problems: list[str]) -> None:
    """One line naming the file, its kind and each problem (``key: value is not …``)."""
    shown = problems[:_SHOWN_PROBLEMS]
    more = len(problems) - len(shown)
    raise SeedError(path, f"not a valid {what}: " + "; ".join(shown) + (f"; and {more} more" if more else ""))


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML that keeps dates as written, for Day to check (PyYAML's own reading of
    2025-13-45 is a ValueError out of the parser), and refuses a key given twice in one
    mapping (PyYAML keeps the last one silently: a taxonomy entry would vanish)."""

    def construct_mapping(self, node, deep=False):  # noqa: ANN001 (PyYAML's signature)
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                if key_node.value in seen:
                    raise yaml.constructor.ConstructorError(None, None, f"key {key_node.value!r} is given twice",
                                                            key_node.start_mark)
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load(path: Path | str, raw: bytes, spec: Spec, what: str, *, empty: object = None) -> object:
    """A YAML file's bytes -> its data, checked against ``spec``. Bytes that are not
    UTF-8, YAML that does not parse and values that do not fit are each a SeedError
    naming the file, in one line. ``empty``: what a file with no content holds."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SeedError(path, f"not UTF-8 (byte {err.start})") from None
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as err:
        raise SeedError(path, f"not valid YAML: {_yaml_problem(err)}") from None
    except RecursionError:
        raise SeedError(path, "not valid YAML: nested too deeply") from None
    return checked(path, spec, empty if data is None else data, what)


def _yaml_problem(err: yaml.YAMLError) -> str:
    if isinstance(err, yaml.MarkedYAMLError) and err.problem:
        mark = err.problem_mark
        return f"{err.problem} (line {mark.line + 1}, column {mark.column + 1})" if mark else err.problem
    return str(err).splitlines()[0] if str(err) else type(err).__name__
