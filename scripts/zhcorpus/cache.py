"""Content-hash cache: an unchanged seed is not processed again.

A page's result depends on its own bytes and sidecar, on the editorial files
(taxonomy, speakers), on this code, and on the other pages only through the
join evidence its column linking looked up. The key covers the first four;
the recorded lookups (fragment -> found?) cover the last: the entry is reused
only if every lookup still gives the same answer against today's corpus.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

_FORMAT = 1


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Any change to the pipeline's code invalidates every entry."""
    digest = hashlib.sha256(str(_FORMAT).encode())
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def page_key(seed_sha256: str, sidecar_bytes: bytes, editorial: str) -> str:
    digest = hashlib.sha256()
    for part in (seed_sha256.encode(), sidecar_bytes, editorial.encode(), code_fingerprint().encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def editorial_fingerprint(*paths: Path) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.read_bytes() if path.exists() else b"<absent>")
    return digest.hexdigest()


class PageCache:
    def __init__(self, folder: Path | None):
        self.folder = folder
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def _path(self, seed_name: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{seed_name}.pickle"

    def load(self, seed_name: str, key: str, still_true: Callable[[dict[str, bool]], bool]) -> Any | None:
        if self.folder is None or not self._path(seed_name).exists():
            return None
        try:
            stored_key, lookups, value = pickle.loads(self._path(seed_name).read_bytes())
        except Exception:  # a truncated or foreign file is a miss, not an error
            return None
        if stored_key != key or not still_true(lookups):
            return None
        return value

    def store(self, seed_name: str, key: str, lookups: dict[str, bool], value: Any) -> None:
        if self.folder is None:
            return
        temporary = self._path(seed_name).with_suffix(".tmp")
        temporary.write_bytes(pickle.dumps((key, lookups, value), protocol=pickle.HIGHEST_PROTOCOL))
        temporary.replace(self._path(seed_name))

    def prune(self, keep: set[str]) -> None:
        if self.folder is None:
            return
        for path in self.folder.glob("*.pickle"):
            if path.stem not in keep:
                path.unlink()
