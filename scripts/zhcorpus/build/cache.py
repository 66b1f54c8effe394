"""Content-hash cache: an unchanged seed is not processed again.

A page's result depends on its own bytes and sidecar, on the editorial files
(taxonomy, speakers), on this code, and on the other pages only through the
join evidence its column linking looked up. The key covers the first four;
the recorded lookups (fragment -> found?) cover the last: the entry is reused
only if every lookup still gives the same answer against today's corpus.
An entry also keeps the page's share of that corpus text (its reference
part), so an unchanged seed is not even laid out again.

Entries are data, not code: JSON through cachecodec, which makes only the
classes named in ``_entry_codec``, sealed with their digest (files.seal). An
entry changed by one byte, undecodable, of another seed or key, or of another
shape is a miss: the page is built again, and the build says nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from zhcorpus.cachecodec import Codec, CodecError
from zhcorpus.files import clear_leftovers, code_fingerprint, keep, read_kept, seal, write_atomically


REFERENCE = "reference.kept"  # the last build's reference texts, by seed name
_ENTRY = ".page"  # an entry's file: a digest of its seed's name, then this
_FORMER = ("*.pickle", "*.marshal")  # what this folder held before (entries, write memo, reference)


@dataclass
class Entry:
    lookups: dict[str, bool]  # join evidence consulted: fragment -> found in the corpus?
    value: Any  # the PageResult
    reference: list  # the page's reference part (build.reference_part)


@lru_cache(maxsize=1)
def _entry_codec() -> Codec:
    """Everything a PageResult holds, and nothing else. Imported here, not at the top:
    pagework imports most of the pipeline, and writers this module."""
    from zhcorpus.corpus.ledger import SeedLedger
    from zhcorpus.build.pagework import PageResult
    from zhcorpus.quotes.direct import Quote
    from zhcorpus.corpus.writers import Article, Paragraph

    return Codec(Entry, PageResult, Article, Paragraph, Quote, SeedLedger)


def _is_entry(entry: Any) -> bool:
    from zhcorpus.build.pagework import PageResult

    return (isinstance(entry, Entry) and isinstance(entry.value, PageResult)
            and isinstance(entry.lookups, dict) and isinstance(entry.reference, list))




def page_key(seed_sha256: str, sidecar_bytes: bytes, editorial: str) -> str:
    digest = hashlib.sha256()
    for part in (seed_sha256.encode(), sidecar_bytes, editorial.encode(), code_fingerprint().encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def editorial_fingerprint(*contents: bytes | None) -> str:
    """The editorial files' bytes (None: absent), as read for the build, not read again:
    a file saved between two reads would key entries made with its old text."""
    digest = hashlib.sha256()
    for data in contents:
        digest.update(b"<absent>" if data is None else hashlib.sha256(data).digest())
    return digest.hexdigest()


class PageCache:
    """Entries by seed name. Like every file kept between builds, the cache never fails
    a build: a folder that cannot be made or written is left unused, and ``problem``
    says why (the build reports it as a warning). Opening it clears what builds cut
    short left there (files.clear_leftovers)."""

    def __init__(self, folder: Path | None):
        self.folder, self.problem = folder, None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                self._give_up(error)
            clear_leftovers(self.folder, former=_FORMER)

    def _give_up(self, error: OSError) -> None:
        self.problem = f"{self.folder}: cache not usable ({error.strerror or error}), building without it"
        self.folder = None

    def _path(self, seed_name: str) -> Path:
        """Named by a digest of the seed's name: any name the seeds folder holds fits,
        where the name itself and a suffix could pass the file system's limit."""
        assert self.folder is not None
        return self.folder / (_name_digest(seed_name) + _ENTRY)

    def load(self, seed_name: str, key: str) -> Entry | None:
        """The entry made under ``key``; the caller checks its lookups still hold."""
        if self.folder is None:
            return None
        record = read_kept(self._path(seed_name), _entry_codec())  # None: missing, changed or undecodable
        if not isinstance(record, dict) or record.keys() != {"seed", "key", "entry"}:
            return None
        if record["seed"] != seed_name or record["key"] != key or not _is_entry(record["entry"]):
            return None
        return record["entry"]

    def store(self, seed_name: str, key: str, entry: Entry) -> None:
        if self.folder is None:
            return
        try:
            data = _entry_codec().encode({"seed": seed_name, "key": key, "entry": entry})
        except CodecError:  # a value the codec does not know: this page is built every time
            return
        try:
            write_atomically(self._path(seed_name), seal(data))
        except OSError as error:  # full disk, read-only folder: the build goes on without a cache
            self._give_up(error)

    def load_reference(self) -> dict[str, list[str]] | None:
        """The last build's reference texts by seed name (build._still_true), if kept."""
        data = read_kept(self.folder / REFERENCE) if self.folder is not None else None
        return data if isinstance(data, dict) else None

    def store_reference(self, texts: dict[str, list[str]]) -> None:
        keep(self.folder / REFERENCE if self.folder is not None else None, texts)

    def drop_reference(self) -> None:
        if self.folder is not None:
            (self.folder / REFERENCE).unlink(missing_ok=True)

    def prune(self, keep: set[str]) -> None:
        """Remove the entries of every seed not named in ``keep``."""
        if self.folder is None:
            return
        kept = {self._path(name).name for name in keep}
        try:
            for path in self.folder.glob("*" + _ENTRY):
                if path.name not in kept:
                    path.unlink(missing_ok=True)
        except OSError as error:
            self._give_up(error)


def _name_digest(seed_name: str) -> str:
    # surrogatepass: a name that is not UTF-8 on disk (os.fsdecode) holds lone surrogates.
    return hashlib.sha256(seed_name.encode("utf-8", "surrogatepass")).hexdigest()[:32]
