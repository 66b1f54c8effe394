"""What the build keeps between runs, as JSON: data that can only name what we allow.

A pickle in the cache folder ran code as it was read, and marshal may build code
objects (and is not meant for data it did not write). JSON builds only strings,
numbers, lists and dicts; everything else we keep is an object with a tag (``"$"``)
from a fixed list: tuples, sets, frozensets, bytes, dates, Counters, dicts whose keys
are not all plain strings, and the dataclasses a ``Codec`` is given, field by field
as ``dataclasses.fields`` lists them (a new field needs no change here). A tag not on
the list, a dataclass with other fields, anything else unexpected: ``CodecError``,
which the caller treats as a miss. Nothing is ever imported by a name from a file.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from collections import Counter
from typing import Any, Callable

TAG = "$"


class CodecError(ValueError):
    """A value this codec cannot keep, or bytes it did not write."""


def _items(value: dict) -> list:
    return list(value.items())


def _sorted(values) -> list:
    """A set's members in a stable order where they have one: same data, same bytes."""
    try:
        return sorted(values)
    except TypeError:
        return list(values)


# Tag -> (type, how its members are listed, how the type is made from them).
# Members are listed as "items", encoded like any other value.
_BUILTIN: dict[str, tuple[type, Callable[[Any], list], Callable[[list], Any]]] = {
    "tuple": (tuple, list, tuple),
    "set": (set, _sorted, set),
    "frozenset": (frozenset, _sorted, frozenset),
    "dict": (dict, _items, lambda pairs: {key: value for key, value in pairs}),
    "Counter": (Counter, _items, lambda pairs: Counter({key: value for key, value in pairs})),
    "bytes": (bytes, lambda b: [b.hex()], lambda hexes: bytes.fromhex(hexes[0])),
    "date": (datetime.date, lambda d: [d.isoformat()], lambda isos: datetime.date.fromisoformat(isos[0])),
}
_PLAIN = frozenset((str, int, float, bool, type(None)))


class Codec:
    """Values to bytes and back, knowing the dataclasses in ``classes`` by name."""

    def __init__(self, *classes: type):
        self._classes = {cls.__name__: cls for cls in classes}
        self._fields = {cls: tuple(f.name for f in dataclasses.fields(cls) if f.init) for cls in classes}
        self._keys = {cls.__name__: {TAG, *self._fields[cls]} for cls in classes}  # what an encoded one holds
        self._tags = {kind: tag for tag, (kind, _, _) in _BUILTIN.items()}
        self._tags.update({cls: cls.__name__ for cls in classes})

    def encode(self, value: Any) -> bytes:
        try:
            plain = self._plain(value)
        except RecursionError:
            raise CodecError("a value nested too deep to keep") from None
        # surrogatepass: a lone surrogate is still a str Python can hold; keep it as it is.
        return json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")

    def decode(self, data: bytes) -> Any:
        try:
            return json.loads(data.decode("utf-8", "surrogatepass"), object_hook=self._revive)
        except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            raise CodecError(str(error)) from None

    def _plain(self, value: Any) -> Any:
        """``value`` as what JSON writes: lists, dicts with string keys, tagged objects."""
        kind = type(value)  # exact types: a subclass (Counter, defaultdict) is not its base
        if kind in _PLAIN:
            return value
        # Most members are strings: taken as they are, without a call (a first build stores 20 MB).
        if kind is list:
            return [member if type(member) is str else self._plain(member) for member in value]
        if kind is dict and TAG not in value and all(type(key) is str for key in value):
            return {key: member if type(member) is str else self._plain(member) for key, member in value.items()}
        tag = self._tags.get(kind)
        if tag is None:
            raise CodecError(f"cannot keep a {kind.__module__}.{kind.__qualname__}")
        if tag in _BUILTIN:
            return {TAG: tag, "items": self._plain(_BUILTIN[tag][1](value))}
        return {TAG: tag, **{name: self._plain(getattr(value, name)) for name in self._fields[kind]}}

    def _revive(self, obj: dict) -> Any:
        """A JSON object as read: a plain dict, or the value its tag names."""
        if TAG not in obj:
            return obj
        tag = obj[TAG]
        if type(tag) is not str:
            raise CodecError(f"a tag that is not a name: {tag!r}")
        if tag in _BUILTIN:
            items = obj.get("items")
            if len(obj) != 2 or type(items) is not list:
                raise CodecError(f"a {tag} without its items")
            try:
                return _BUILTIN[tag][2](items)
            except (TypeError, ValueError, IndexError) as error:  # unhashable members, bad hex or dates
                raise CodecError(f"a {tag} that cannot be made: {error}") from None
        cls = self._classes.get(tag)
        if cls is None:
            raise CodecError(f"unknown tag {tag!r}")
        if obj.keys() != self._keys[tag]:
            raise CodecError(f"a {tag} with fields {sorted(obj)}, not {sorted(self._keys[tag])}")
        del obj[TAG]
        return cls(**obj)
