"""Documents -> a static, sharded n-gram index the browser reads piece by piece.

Layout of ``out_dir`` (every file deterministic; same documents, same bytes):

- ``manifest.json``: counts, chunk boundaries, the client fold table, aliases.
- ``shards/XXX.bin``: postings of every character unigram and bigram of the
  folded text, grouped by hash of the gram. A query fetches only the shards
  of its own grams.
- ``chunks/N.json``: display text of consecutive documents, fetched only for
  candidates, to verify the exact substring and cut a snippet.
- ``facets.json``: filter values -> documents, fetched when a filter is used.
- the client: search-worker.js, search-ui.js, search.css.

Document ids follow rank order (titles, then quotes, then paragraphs grouped
by page, newest page first), so the client verifies candidates in id order
and can stop once it has enough results: no scores to fetch or sort. An
index updated in place (``update.py``) keeps its ids and lists the few
documents out of that order in the manifest (``placed``).
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from zhcorpus.files import write_if_changed
from . import codec, state
from .fold import IGNORED, client_table, fold, squeeze

KINDS = ("page", "quote", "section")
FACETS = ("speaker", "event", "theme", "outlet", "said", "kind")
STATIC = Path(__file__).with_name("static")


def rank_order(documents: list[dict]) -> list[dict]:
    def key(item):
        index, doc = item
        kind = KINDS.index(doc.get("kind", "section"))
        boost = 0.0 if kind == 2 else -float(doc.get("boost", 1.0))
        page = doc["url"].split("#", 1)[0]
        return (kind, boost, _neg(doc.get("filters", {}).get("date", "")), page, index)
    return [doc for _, doc in sorted(enumerate(documents), key=key)]


@lru_cache(maxsize=None)  # a corpus has few dates and many documents
def _neg(date: str) -> str:
    # Newest first without parsing: complement every character of the ISO date.
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else "\U0010ffff"


def grams_of(folded: str) -> set[str]:
    """Every character unigram and bigram of folded text (spaces are not grams), the
    dashes matching ignores left out (fold.squeeze), so 中国—中亚 has the gram 国中."""
    folded = squeeze(folded)
    grams = {c for c in folded if c != " "}
    grams.update(folded[i:i + 2] for i in range(len(folded) - 1) if folded[i:i + 2] != "  ")
    return grams


def to_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def shard_path(out_dir: Path, shard: int, width: int) -> Path:
    return out_dir / "shards" / f"{shard:0{width}x}.bin"


def chunk_starts(docs: list[dict], target: int, first: int = 0) -> list[int]:
    """Ids (from ``first``) where a chunk of about ``target`` bytes of text starts."""
    starts, size = [], target
    for i, doc in enumerate(docs, first):
        if size >= target:
            starts.append(i)
            size = 0
        size += len(doc["text"].encode("utf-8")) + 12 + (len(to_json(doc["meta"])) if doc.get("meta") else 0)
    return starts


def chunk_blob(docs: list[dict | None]) -> bytes:
    """One chunk: its pages once ([url, title]) and each document as
    [kind, page index, anchor, text] (a quote adds its ``meta``), so a page's title is not repeated for
    each of its paragraphs. A removed document (None) is null: its id is in
    no posting list any more, and its text is not published."""
    pages, rows = {}, []
    for doc in docs:
        if doc is None:
            rows.append(None)
            continue
        base, _, anchor = doc["url"].partition("#")
        page = pages.setdefault((base, doc.get("title", "")), len(pages))
        row = [KINDS.index(doc.get("kind", "section")), page, anchor, doc["text"]]
        rows.append(row + [doc["meta"]] if doc.get("meta") else row)
    return to_json({"pages": [list(p) for p in pages], "docs": rows})


def facets_blob(docs: list[dict | None], labels: dict) -> bytes:
    """Documents share filter rows (all of an article's documents have one)."""
    rows: dict[tuple, int] = {}
    row_of_doc = []
    for doc in docs:
        f = doc.get("filters", {}) if doc else {}
        key = (*(tuple(sorted(f.get(k) or [])) for k in FACETS), f.get("date", ""))
        row_of_doc.append(rows.setdefault(key, len(rows)))
    runs = []  # (row, run length) pairs: consecutive paragraphs share a row
    for row in row_of_doc:
        if runs and runs[-1][0] == row:
            runs[-1][1] += 1
        else:
            runs.append([row, 1])
    values: dict[str, dict[str, list[int]]] = {k: defaultdict(list) for k in FACETS}
    dates = []
    for key, row in rows.items():
        dates.append(key[-1])
        for facet, facet_values in zip(FACETS, key):
            for value in facet_values:
                values[facet][value].append(row)
    return to_json({
        "rows": codec.b64_varints([v for run in runs for v in run]),
        "dates": dates,
        "values": {facet: {v: {"label": str(labels.get(facet, {}).get(v) or v), "rows": codec.b64_ids(r)}
                           for v, r in sorted(vs.items())} for facet, vs in values.items()},
    })


def manifest_for(*, docs: int, shards: int, width: int, starts: list[int], chars: set[str],
                 aliases: dict[str, list[str]] | None, placed: list[int] = ()) -> dict:
    """The manifest without its version."""
    folded_aliases = {fold(k): sorted({fold(t) for t in v}) for k, v in sorted((aliases or {}).items())}
    manifest = {
        "format": 1, "docs": docs, "shards": shards, "shardWidth": width,
        "chunks": codec.b64_ids(starts), "fold": client_table(chars), "aliases": folded_aliases,
        "ignore": IGNORED,
    }
    if placed:  # [id, anchor + 1, ...]: see update.py
        manifest["placed"] = codec.b64_varints(placed)
    return manifest


def finish(out_dir: Path, digest, **layout) -> dict:
    """Write manifest.json (versioned by ``digest`` of every file written) and the client."""
    manifest = manifest_for(**layout)
    digest.update(to_json(manifest))
    manifest["version"] = digest.hexdigest()[:12]  # cache-buster for every other file
    write_if_changed(out_dir / "manifest.json", to_json(manifest))
    for asset in sorted(STATIC.glob("*")):
        if asset.is_file():
            write_if_changed(out_dir / asset.name, asset.read_bytes())
    return manifest


def build_index(documents: list[dict], out_dir: Path, aliases: dict[str, list[str]] | None = None,
                labels: dict[str, dict[str, str]] | None = None, shard_bytes: int = 1024,
                chunk_bytes: int = 512, state_file: Path | None = None) -> dict:
    """Write the index and client to ``out_dir``; return the manifest.

    Small pieces keep a later query near its own size: a query fetches one
    shard per bigram (~1 KB of other grams' postings each) and one chunk per
    shown result (about one paragraph), not 8 KB / 3 KB neighbourhoods. The
    cost is more files and a longer chunk table in the manifest (~20 KB at
    5,000 articles), paid once. With ``state_file``, what ``update_index``
    needs to change this index in place later is saved there.
    """
    out_dir = Path(out_dir)
    docs = rank_order(documents)
    postings: dict[str, list[int]] = defaultdict(list)
    chars: set[str] = set()
    for i, doc in enumerate(docs):
        text = fold(doc["text"])
        chars.update(text)
        for gram in grams_of(text):
            postings[gram].append(i)
    records = {}
    for gram, ids in postings.items():
        kind, payload = codec.encode_postings(ids, len(docs))
        records[gram] = (gram, len(ids), kind, payload)
    total = sum(len(r[3]) + 8 for r in records.values())
    shards = 1
    while shards < 16384 and total / shards > shard_bytes:
        shards *= 2
    by_shard: dict[int, list] = defaultdict(list)
    for gram in sorted(records):
        by_shard[codec.fnv1a(gram) % shards].append(records[gram])
    # Files change from here on: a state kept from an earlier index must not outlive a
    # rebuild cut short, or the next update would apply its ids to this index's files
    # (the old manifest, written last, would still vouch for it).
    if state_file is not None:
        state_file.unlink(missing_ok=True)
    for old in ("shards", "chunks"):
        shutil.rmtree(out_dir / old, ignore_errors=True)
    digest = hashlib.sha256()
    width = len(f"{shards - 1:x}")
    for n, entries in sorted(by_shard.items()):
        data = codec.encode_shard(entries)
        digest.update(data)
        write_if_changed(shard_path(out_dir, n, width), data)
    starts = chunk_starts(docs, chunk_bytes)
    for n, start in enumerate(starts):
        blob = chunk_blob(docs[start:starts[n + 1] if n + 1 < len(starts) else len(docs)])
        digest.update(blob)
        write_if_changed(out_dir / "chunks" / f"{n}.json", blob)
    facets = facets_blob(docs, labels or {})
    digest.update(facets)
    write_if_changed(out_dir / "facets.json", facets)
    manifest = finish(out_dir, digest, docs=len(docs), shards=shards, width=width, starts=starts, chars=chars,
                      aliases=aliases)
    if state_file is not None:
        state.save(state_file, state.State(version=manifest["version"], docs=docs, shards=shards, width=width,
                                           starts=starts, chars=chars))
    return manifest
