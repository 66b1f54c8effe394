"""What an index keeps between builds so that it can be updated in place.

Saved next to the build cache, never published: the documents by id (their
text gives the grams to take out of the postings when a document changes),
the shard and chunk layout, and the characters the fold table covers. Kept
with files.keep (plain data, sealed by its digest; a changed file, or one from
other code, is simply not used), and valid only for the index whose manifest
carries the same ``version``: anything else, and the caller rebuilds.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from zhcorpus.files import keep, read_kept

FORMAT = 1
KEEP = 16  # state files kept in one cache folder (each site folder and edition has one), newest first
# The code that decides every byte of the index: state from other code is not used.
_CODE = ("index.py", "update.py", "codec.py", "fold.py", "state.py")


@dataclass
class State:
    version: str  # the manifest version of the index this describes
    docs: list[dict | None]  # by id; None where a document was removed
    shards: int
    width: int
    starts: list[int]  # first id of each chunk
    chars: set[str] = field(default_factory=set)
    manifest: dict = field(default_factory=dict)  # as published, when loaded (its version is ``version``)


def _code_digest() -> str:
    from .fold import table_key

    here = Path(__file__).parent
    # The fold decides which grams a text has: another OpenCC or jieba folds differently,
    # and an update could not take out the grams the old fold put in.
    digest = hashlib.sha256(f"{FORMAT} {sys.version_info[:2]} {table_key()}".encode())
    for name in _CODE:
        digest.update((here / name).read_bytes())
    for asset in sorted((here / "static").glob("*")):  # the client ships with the index
        digest.update(asset.name.encode() + asset.read_bytes())
    return digest.hexdigest()


def file_for(cache_dir: Path, out_dir: Path) -> Path:
    """One state file per index folder (each edition has its own index)."""
    key = hashlib.sha256(str(Path(out_dir).resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / f"search-state-{key}.kept"


def save(path: Path, st: State) -> None:
    """Best effort: an index that cannot keep its state is rebuilt next time."""
    data = {"code": _code_digest(), "version": st.version, "docs": st.docs, "shards": st.shards,
            "width": st.width, "starts": st.starts, "chars": "".join(sorted(st.chars))}
    keep(path, data, newest=("search-state-*.kept", KEEP))


def load(path: Path, out_dir: Path) -> State | None:
    """The state of the index in ``out_dir``, or None if it cannot be trusted."""
    data = read_kept(Path(path))
    try:
        published = json.loads((Path(out_dir) / "manifest.json").read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("code") != _code_digest():
        return None
    if published.get("version") != data.get("version"):
        return None  # the index was rebuilt or removed without this state
    return State(version=data["version"], docs=data["docs"], shards=data["shards"], width=data["width"],
                 starts=data["starts"], chars=set(data["chars"]), manifest=published)
