"""Files the build writes: only when their bytes change, whole or not at all;
and the small caches kept between builds, which never fail a build.

Every stage that keeps something between builds (page cache, write memo,
front-matter memo, search state, converted texts, fold table, mirrored pages)
writes through here, so a half-written file is never read back and a cache
that cannot be read or written only costs the time it was meant to save.
"""

from __future__ import annotations

import hashlib
import inspect
import marshal
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")


def write_if_changed(path: Path, content: str | bytes) -> bool:
    """Unchanged files keep their mtime, so MkDocs' dirty reload and rsync stay quiet."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def write_atomically(path: Path, data: bytes) -> None:
    """Whole or not at all: another process (the other edition) may be reading ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def stamp(path: Path) -> list[int]:
    """[size, mtime in ns] of a file as it is now; [] if there is none."""
    try:
        stat = path.stat()
    except OSError:
        return []
    return [stat.st_size, stat.st_mtime_ns]


def read_kept(path: Path | None) -> Any:
    """What ``keep`` wrote to ``path``, or None if it is missing or unreadable."""
    if path is None:
        return None
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def keep(path: Path | None, value: Any, newest: tuple[str, int] | None = None) -> None:
    """Keep plain data (marshal: no code runs on reading it back) for the next build.
    Best effort: what cannot be written is removed, so the next build works it out
    again. ``newest`` = (glob, n): of the files in ``path``'s folder matching the glob,
    only the n newest stay (one per site or corpus folder, and tests make many)."""
    if path is None:
        return
    try:
        write_atomically(path, marshal.dumps(value))
        if newest is not None:
            pattern, count = newest
            files = sorted(path.parent.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in files[count:]:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):  # ValueError: a value marshal cannot keep
        path.unlink(missing_ok=True)


class KeptMemo:
    """A memo kept between builds by key; each build keeps what it used, nothing older."""

    def __init__(self, path: Path | None, newest: tuple[str, int] | None = None):
        self.path, self._newest = path, newest
        old = read_kept(path)
        self._old: dict = old if isinstance(old, dict) else {}
        self._now: dict = {}

    def get(self, key: Any) -> Any:
        value = self._now.get(key)
        if value is None:
            value = self._old.get(key)
            if value is not None:
                self._now[key] = value
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        self._now[key] = value

    def save(self) -> None:
        if self._now.keys() != self._old.keys():
            keep(self.path, self._now, self._newest)


_TABLES: list[Path] = []  # set by tables_kept_in()


@contextmanager
def tables_kept_in(folder: Path | None) -> Iterator[None]:
    """Where ``kept_table`` keeps what it makes, inside (None: nowhere, made anew)."""
    before = _TABLES[:]
    _TABLES[:] = [Path(folder)] if folder is not None else []
    try:
        yield
    finally:
        _TABLES[:] = before


def table_key(*depends_on: object) -> str:
    """A kept table's key: what it depends on, each library version or constant as
    text and each function that makes it by its source, so an upgrade or an edit
    names a new table."""
    text = "\n".join(inspect.getsource(part) if callable(part) else str(part) for part in depends_on)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def kept_table(name: str, key: str, make: Callable[[], T]) -> T:
    """``make()``, plain data that depends on nothing but ``key`` (library versions, the
    code that makes it): read back from the folder of tables_kept_in when it is there,
    made and kept there when not. Like every kept file, never an error."""
    path = _TABLES[0] / f"{name}-{key}.marshal" if _TABLES else None
    value = read_kept(path)
    if value is None:
        value = make()
        keep(path, value)
    return value
