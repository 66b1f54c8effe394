"""Change a built index in place: only the shards and chunks an edit touches.

A full build numbers documents in rank order, so one added paragraph shifts
every later id and rewrites nearly every file (~24,000 at 5,000 articles).
An update instead keeps each document's id (documents are known by their
``id`` field), gives new documents ids after the last one, and leaves the ids
of removed ones unused. Only the grams of added, removed and changed texts
are touched, so a one-article edit rewrites a few hundred small files.

Rank order survives as follows. Of the kept documents, the longest run whose
ids still rise in the new rank order stays "in place"; every other document
is listed in the manifest as ``placed``: [id, anchor + 1, ...] in rank order,
where the anchor is the in-place id just before it. A client sorts candidates
by (anchor, position after it), in-place ids by (id, 0): the order of a full
build. When placed and removed documents pass ``SLACK`` of the index, an
update declines and the caller rebuilds in full, which compacts the ids.

Results are those of a full build of the same documents (tests hold the two
to the same answers); the bytes differ, because the ids do.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import defaultdict
from pathlib import Path

from . import codec, state
from .fold import fold
from zhcorpus.files import write_if_changed
from .index import chunk_blob, chunk_starts, facets_blob, finish, grams_of, manifest_for, rank_order, shard_path

SLACK = 0.05  # placed + removed documents, as a share of all ids, before a full rebuild


class Declined(Exception):
    """The index must be rebuilt in full; the message says why."""


def rising_run(ids: list[int]) -> set[int]:
    """The longest strictly increasing subsequence of ``ids`` (patience sorting, n log n)."""
    tail_values: list[int] = []  # [k]: the smallest last value of a rising run of length k + 1
    tail_at: list[int] = []  # [k]: where in ids that value is
    before = [-1] * len(ids)
    for i, value in enumerate(ids):
        k = bisect.bisect_left(tail_values, value)
        if k:
            before[i] = tail_at[k - 1]
        if k == len(tail_values):
            tail_values.append(value)
            tail_at.append(i)
        else:
            tail_values[k], tail_at[k] = value, i
    run, i = set(), tail_at[-1] if tail_at else -1
    while i >= 0:
        run.add(ids[i])
        i = before[i]
    return run


def _numbered(ranked: list[dict], old: list[dict | None]) -> tuple[list[int], list[int]]:
    """-> (id of each ranked document, placed pairs [id, anchor + 1, ...])."""
    if len({doc["id"] for doc in ranked}) != len(ranked):
        raise Declined("two documents have one id")
    old_id = {doc["id"]: i for i, doc in enumerate(old) if doc is not None}
    known = [old_id.get(doc["id"]) for doc in ranked]
    in_place = rising_run([i for i in known if i is not None])
    ids, placed, anchor, next_id = [], [], -1, len(old)
    for i in known:
        if i is None:
            i, next_id = next_id, next_id + 1
        if i in in_place:
            anchor = i
        else:
            placed += [i, anchor + 1]
        ids.append(i)
    return ids, placed


def update_index(documents: list[dict], out_dir: Path, state_file: Path, aliases: dict[str, list[str]] | None = None,
                 labels: dict[str, dict[str, str]] | None = None, chunk_bytes: int = 512,
                 slack: float = SLACK) -> dict:
    """Bring the index in ``out_dir`` up to ``documents``. Raises Declined when it must be
    rebuilt in full: no state to trust, or more than ``slack`` of the ids would be out of
    place or unused."""
    out_dir = Path(out_dir)
    st = state.load(state_file, out_dir)
    if st is None:
        raise Declined("no saved state for this index, or the index changed since")
    ranked = rank_order(documents)
    ids, placed = _numbered(ranked, st.docs)
    size = max(len(st.docs), max(ids, default=-1) + 1)  # new documents were numbered from len(st.docs)
    docs: list[dict | None] = [None] * size
    for i, doc in zip(ids, ranked):
        docs[i] = doc
    removed = sum(1 for doc in docs if doc is None)
    if len(placed) // 2 + removed > slack * size:
        raise Declined(f"{len(placed) // 2} documents out of place and {removed} removed, of {size}")

    adds: dict[str, set[int]] = defaultdict(set)
    drops: dict[str, set[int]] = defaultdict(set)
    touched: set[int] = set()  # ids whose chunk row changes
    chars = set(st.chars)
    for i, doc in enumerate(docs):
        before = st.docs[i] if i < len(st.docs) else None
        if doc == before:
            continue
        touched.add(i)
        old_text = before["text"] if before else None
        new_text = doc["text"] if doc else None
        if old_text == new_text:
            continue
        old_grams = grams_of(fold(old_text)) if old_text is not None else set()
        folded = fold(new_text) if new_text is not None else ""
        chars.update(folded)
        new_grams = grams_of(folded)
        for gram in old_grams - new_grams:
            drops[gram].add(i)
        for gram in new_grams - old_grams:
            adds[gram].add(i)

    starts = st.starts + chunk_starts(docs[len(st.docs):], chunk_bytes, first=len(st.docs))
    facets = facets_blob(docs, labels or {})
    layout = dict(docs=size, shards=st.shards, width=st.width, starts=starts, chars=chars, aliases=aliases,
                  placed=placed)
    if not touched:
        # Nothing to write: keep the version, so browsers keep the files they have cached.
        facets_file = out_dir / "facets.json"
        if manifest_for(**layout) == {k: v for k, v in st.manifest.items() if k != "version"} \
                and facets_file.is_file() and facets_file.read_bytes() == facets:
            return st.manifest
    # Files change from here on: an update cut short must not be continued from this
    # state (its new ids may already sit in some shards), so the next build is a full one.
    state_file.unlink(missing_ok=True)
    digest = hashlib.sha256(st.version.encode())
    by_shard: dict[int, set[str]] = defaultdict(set)
    for gram in adds.keys() | drops.keys():
        by_shard[codec.fnv1a(gram) % st.shards].add(gram)
    for n, grams in sorted(by_shard.items()):
        path = shard_path(out_dir, n, st.width)
        records = {r[0]: r for r in codec.decode_records(path.read_bytes())} if path.exists() else {}
        for gram in grams:
            have = set(codec.decode_postings(*records[gram][2:])) if gram in records else set()
            now = sorted((have - drops[gram]) | adds[gram])
            if now:
                records[gram] = (gram, len(now), *codec.encode_postings(now, size))
            else:
                records.pop(gram, None)
        data = codec.encode_shard([records[g] for g in sorted(records)])
        digest.update(f"shard {n}".encode() + data)
        if data:
            write_if_changed(path, data)
        else:
            path.unlink(missing_ok=True)  # the client reads a missing shard as empty

    chunks = {bisect.bisect_right(starts, i) - 1 for i in touched}
    for n in sorted(chunks):
        blob = chunk_blob(docs[starts[n]:starts[n + 1] if n + 1 < len(starts) else size])
        digest.update(f"chunk {n}".encode() + blob)
        write_if_changed(out_dir / "chunks" / f"{n}.json", blob)
    digest.update(facets)
    write_if_changed(out_dir / "facets.json", facets)
    manifest = finish(out_dir, digest, **layout)
    state.save(state_file, state.State(version=manifest["version"], docs=docs, shards=st.shards, width=st.width,
                                       starts=starts, chars=chars))
    return manifest
