"""Files the build writes: only when their bytes change, whole or not at all;
and the small caches kept between builds, which never fail a build.

Every stage that keeps something between builds (page cache, write memo,
front-matter memo, search state, converted texts, fold table, mirrored pages)
writes through here, so a half-written file is never read back and a cache
that cannot be read or written only costs the time it was meant to save.

A kept file is data, never code (JSON through cachecodec), sealed with the
sha256 of its bytes: a file changed by one byte, by a disk or by a hand, is
not read back but made again, like a missing one.
"""

from __future__ import annotations

import hashlib
import inspect
import os
import time
from contextlib import contextmanager, suppress
from fnmatch import fnmatchcase
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

from zhcorpus.cachecodec import Codec, CodecError

T = TypeVar("T")
PLAIN = Codec()  # what keep() keeps: plain data, tuples, sets, bytes and dates, no classes of ours
_SEAL = b"zhcorpus-kept 1 sha256:"


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


STALE_AFTER = 3600  # seconds: no write takes this long, so a temporary this old is left over
KEPT_SUFFIXES = (".kept", ".page")  # what keep() writes, and cache.PageCache its entries
# Kept files of earlier versions, never read again, by where they were kept.
FORMER_KEPT = ("common-words-*.marshal", "script-only-chars-*.marshal", "front-matter-*.marshal",
                 "search-state-*.marshal", "s2hk-search-*.marshal", "fold-table-*.json")


def clear_leftovers(folder: Path | None, former: tuple[str, ...] = FORMER_KEPT) -> None:
    """Remove from ``folder`` what no running build will finish or read: the temporaries
    of kept files (write_atomically) whose process is gone (``kill -9``, a power cut) or
    that are older than any write takes (their pid now another process's), and kept
    files of the ``former`` kinds. A live build's temporaries stay, and so does any file
    that is not ours: the folder is the user's choice. Best effort, like every kept file."""
    if folder is None:
        return
    try:
        paths = list(Path(folder).iterdir())
    except OSError:
        return
    for path in paths:
        try:
            if _is_leftover(path, former):
                path.unlink(missing_ok=True)
        except OSError:  # gone meanwhile, or not ours to remove: left as it is
            continue


def _is_leftover(path: Path, former: tuple[str, ...]) -> bool:
    if _matches(path.name, former):
        return True
    target, _, pid = path.name.removesuffix(".tmp").rpartition(".")
    if not path.name.endswith(".tmp") or not pid.isdigit():
        return False
    if not (target.endswith(KEPT_SUFFIXES) or _matches(target, former)):
        return False  # a temporary, but not of a file we keep
    return not _alive(int(pid)) or path.stat().st_mtime < time.time() - STALE_AFTER


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatchcase(name, pattern) for pattern in patterns)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except (OverflowError, ValueError):  # not a pid at all
        return False
    return True


def stamp(path: Path) -> list[int]:
    """[size, mtime in ns] of a file as it is now; [] if there is none."""
    try:
        stat = path.stat()
    except OSError:
        return []
    return [stat.st_size, stat.st_mtime_ns]


def seal(payload: bytes) -> bytes:
    """``payload`` after a line that holds its digest, which ``unseal`` checks."""
    return _SEAL + hashlib.sha256(payload).hexdigest().encode("ascii") + b"\n" + payload


def unseal(data: bytes) -> bytes | None:
    """The payload ``seal`` wrapped in ``data``; None if any byte of it changed since."""
    head, newline, payload = data.partition(b"\n")
    if not newline or not head.startswith(_SEAL):
        return None
    return payload if head[len(_SEAL):] == hashlib.sha256(payload).hexdigest().encode("ascii") else None


def read_kept(path: Path | None, codec: Codec = PLAIN) -> Any:
    """What ``keep`` wrote to ``path``, or None if it is missing, unreadable or changed."""
    if path is None:
        return None
    try:
        payload = unseal(path.read_bytes())
        return None if payload is None else codec.decode(payload)
    except (OSError, CodecError):
        return None


def keep(path: Path | None, value: Any, newest: tuple[str, int] | None = None) -> None:
    """Keep data (never code: see cachecodec) for the next build, sealed by its digest.
    Best effort: what cannot be written is removed, so the next build works it out
    again. ``newest`` = (glob, n): of the files in ``path``'s folder matching the glob,
    only the n newest stay (one per site or corpus folder, and tests make many)."""
    if path is None:
        return
    try:
        write_atomically(path, seal(PLAIN.encode(value)))
        if newest is not None:
            pattern, count = newest
            files = sorted(path.parent.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
            for old in files[count:]:
                old.unlink(missing_ok=True)
    except (OSError, CodecError):  # CodecError: a value the codec cannot keep
        with suppress(OSError):  # a folder that is a file: nothing there to remove
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
    clear_leftovers(folder)  # a build starts: what one cut short left here goes
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
    path = _TABLES[0] / f"{name}-{key}.kept" if _TABLES else None
    value = read_kept(path)
    if value is None:
        value = make()
        keep(path, value)
    return value


# Bumped when what the build keeps changes shape; with the code, it keys every kept entry.
KEPT_FORMAT = 3


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Any change to the pipeline's code invalidates every entry.

    The pipeline is the whole package but the site and its search, which read the corpus and
    never shape what the build keeps."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(str(KEPT_FORMAT).encode())
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] not in ("site", "search"):
            digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()
