"""YAML front matter: the bytes PyYAML writes, without PyYAML's per-node cost
when the values are simple.

Front matter is block YAML of a few shapes: strings, ints, booleans, None,
lists and nested mappings. Building PyYAML's node graph for 5,000 articles
took two seconds, most of the write stage. ``dump_front_matter`` writes the
common case directly and hands anything else to PyYAML, so a value is never
written in a form PyYAML would not choose: a string is written bare only when
every character is in a short list that no YAML syntax uses and YAML's own
resolver reads it back as a string. The tests hold both paths to the same
bytes, on every corpus article and on strings made to break the fast one.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml
from yaml.resolver import Resolver

# libyaml's dumper, four to five times faster than the pure-Python one (the fallback).
# The two write the same bytes except for characters beyond the Basic Multilingual
# Plane, which libyaml escapes: the direct writer leaves those to the dumper.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
YAML_OPTIONS = dict(allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False)

# Characters YAML gives no meaning to wherever a string holds them: Han (of the
# Basic Multilingual Plane: libyaml escapes the others), CJK and full-width
# punctuation, curly quotes, dashes, bullets (● ■), ASCII letters and digits.
# '-', '.', '_', '%' and single inner spaces mean something only first or last.
_SAFE_ANYWHERE = ("0-9A-Za-z\u00b7\u2010-\u2027\u2030-\u203e\u25a0-\u25ff\u3001-\u303f"
                  "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff5e")
_SAFE = re.compile(f"[{_SAFE_ANYWHERE}](?:[{_SAFE_ANYWHERE}._%-]| (?! |\\Z))*\\Z")
_STR = "tag:yaml.org,2002:str"
_resolve = Resolver().resolve


class _NotSimple(Exception):
    """A value the direct writer leaves to PyYAML."""


def dump_front_matter(front: dict) -> str:
    direct = direct_front_matter(front)
    return yaml_front_matter(front) if direct is None else direct


def direct_front_matter(front: dict) -> str | None:
    """``front`` as PyYAML writes it, if every value is simple; else None."""
    if not front:
        return None
    lines: list[str] = []
    try:
        _mapping(front, "", lines, {id(front)})
    except _NotSimple:
        return None
    return "".join(lines)


def yaml_front_matter(front: dict, dumper: type = DUMPER) -> str:
    """What PyYAML writes: the reference the direct writer is held to."""
    return yaml.dump(front, Dumper=dumper, **YAML_OPTIONS)


@lru_cache(maxsize=1 << 14)  # keys, ids and names recur in every article
def _string(value: str) -> str | None:
    """How PyYAML writes ``value``, if it is simple; else None."""
    if not _SAFE.match(value):
        return None
    # Resolved as something else ('2025-06-17' a date, 'yes' a boolean), YAML
    # needs it quoted; the safe characters hold no quote to double.
    return value if _resolve(yaml.ScalarNode, value, (True, False)) == _STR else f"'{value}'"


def _scalar(value) -> str:
    if isinstance(value, str):
        text = _string(value)
        if text is None:
            raise _NotSimple
        return text
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return str(value)
    raise _NotSimple


def _key(key) -> str:
    if not isinstance(key, str) or _scalar(key) != key:
        raise _NotSimple
    return key


def _mapping(mapping: dict, indent: str, lines: list[str], seen: set[int]) -> None:
    for key, value in mapping.items():
        key = _key(key)
        if isinstance(value, dict):
            _once(value, seen)
            if not value:
                lines.append(f"{indent}{key}: {{}}\n")
            else:
                lines.append(f"{indent}{key}:\n")
                _mapping(value, indent + "  ", lines, seen)
        elif isinstance(value, list):
            _once(value, seen)
            if not value:
                lines.append(f"{indent}{key}: []\n")
                continue
            lines.append(f"{indent}{key}:\n")
            for item in value:  # PyYAML writes a mapping's sequence without indenting it
                if isinstance(item, dict) and item:  # of scalars only: deeper is left to PyYAML
                    _once(item, seen)
                    entries = [f"{_key(k)}: {_scalar(v)}\n" for k, v in item.items()]
                    lines.append(f"{indent}- {entries[0]}")
                    lines.extend(f"{indent}  {entry}" for entry in entries[1:])
                elif isinstance(item, (dict, list)):
                    raise _NotSimple
                else:
                    lines.append(f"{indent}- {_scalar(item)}\n")
        else:
            lines.append(f"{indent}{key}: {_scalar(value)}\n")


def _once(container, seen: set[int]) -> None:
    """PyYAML writes a container met twice as an anchor and an alias: left to it."""
    if id(container) in seen:
        raise _NotSimple
    seen.add(id(container))
