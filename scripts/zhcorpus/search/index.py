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
and can stop once it has enough results: no scores to fetch or sort.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import defaultdict
from pathlib import Path

from . import codec
from .fold import client_table, fold

KINDS = ("page", "quote", "section")
FACETS = ("speaker", "event", "theme", "outlet")
STATIC = Path(__file__).with_name("static")


def rank_order(documents: list[dict]) -> list[dict]:
    def key(item):
        index, doc = item
        kind = KINDS.index(doc.get("kind", "section"))
        boost = 0.0 if kind == 2 else -float(doc.get("boost", 1.0))
        page = doc["url"].split("#", 1)[0]
        return (kind, boost, _neg(doc.get("filters", {}).get("date", "")), page, index)
    return [doc for _, doc in sorted(enumerate(documents), key=key)]


def _neg(date: str) -> str:
    # Newest first without parsing: complement every character of the ISO date.
    return "".join(chr(0x10FFFF - ord(c)) for c in date) if date else "\U0010ffff"


def _grams(text: str) -> set[str]:
    grams = {c for c in text if c != " "}
    grams.update(text[i:i + 2] for i in range(len(text) - 1) if text[i:i + 2] != "  ")
    return grams


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _chunks(docs: list[dict], target: int) -> tuple[list[int], list[bytes]]:
    """Consecutive documents -> JSON chunks of about ``target`` bytes.

    A chunk lists its pages once ([url, title]) and each document as
    [kind, page index, anchor, text], so a page's title is not repeated
    for each of its paragraphs.
    """
    starts, blobs, pages, rows, size = [], [], {}, [], 0

    def flush():
        nonlocal pages, rows, size
        if rows:
            blobs.append(_json({"pages": [list(p) for p in pages], "docs": rows}))
        pages, rows, size = {}, [], 0

    for i, doc in enumerate(docs):
        if size >= target:
            flush()
        if not rows:
            starts.append(i)
        base, _, anchor = doc["url"].partition("#")
        page = pages.setdefault((base, doc.get("title", "")), len(pages))
        rows.append([KINDS.index(doc.get("kind", "section")), page, anchor, doc["text"]])
        size += len(doc["text"].encode("utf-8")) + 12
    flush()
    return starts, blobs


def _facets(docs: list[dict], labels: dict) -> dict:
    """Documents share filter rows (all of an article's documents have one)."""
    rows, row_of_doc = {}, []
    for doc in docs:
        f = doc.get("filters", {})
        key = json.dumps({k: sorted(f.get(k) or []) for k in FACETS} | {"date": f.get("date", "")}, sort_keys=True)
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
        f = json.loads(key)
        dates.append(f["date"])
        for facet in FACETS:
            for value in f[facet]:
                values[facet][value].append(row)
    return {
        "rows": codec.b64_varints([v for run in runs for v in run]),
        "dates": dates,
        "values": {facet: {v: {"label": str(labels.get(facet, {}).get(v) or v), "rows": codec.b64_ids(r)}
                           for v, r in sorted(vs.items())} for facet, vs in values.items()},
    }


def build_index(documents: list[dict], out_dir: Path, aliases: dict[str, list[str]] | None = None,
                labels: dict[str, dict[str, str]] | None = None, shard_bytes: int = 1024,
                chunk_bytes: int = 512) -> dict:
    """Write the index and client to ``out_dir``; return the manifest.

    Small pieces keep a later query near its own size: a query fetches one
    shard per bigram (~1 KB of other grams' postings each) and one chunk per
    shown result (about one paragraph), not 8 KB / 3 KB neighbourhoods. The
    cost is more files and a longer chunk table in the manifest (~20 KB at
    5,000 articles), paid once.
    """
    out_dir = Path(out_dir)
    docs = rank_order(documents)
    postings: dict[str, list[int]] = defaultdict(list)
    chars: set[str] = set()
    for i, doc in enumerate(docs):
        text = fold(doc["text"])
        chars.update(text)
        for gram in _grams(text):
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
    for old in ("shards", "chunks"):
        shutil.rmtree(out_dir / old, ignore_errors=True)
    digest = hashlib.sha256()
    width = len(f"{shards - 1:x}")
    for n, entries in sorted(by_shard.items()):
        data = codec.encode_shard(entries)
        digest.update(data)
        _write(out_dir / "shards" / f"{n:0{width}x}.bin", data)
    starts, blobs = _chunks(docs, chunk_bytes)
    for n, blob in enumerate(blobs):
        digest.update(blob)
        _write(out_dir / "chunks" / f"{n}.json", blob)
    facets = _json(_facets(docs, labels or {}))
    digest.update(facets)
    _write(out_dir / "facets.json", facets)
    folded_aliases = {fold(k): sorted({fold(t) for t in v}) for k, v in sorted((aliases or {}).items())}
    manifest = {
        "format": 1, "docs": len(docs), "shards": shards, "shardWidth": width,
        "chunks": codec.b64_ids(starts), "fold": client_table(chars), "aliases": folded_aliases,
    }
    digest.update(_json(manifest))
    manifest["version"] = digest.hexdigest()[:12]  # cache-buster for every other file
    _write(out_dir / "manifest.json", _json(manifest))
    for asset in sorted(STATIC.glob("*")):
        if asset.is_file():
            _write(out_dir / asset.name, asset.read_bytes())
    return manifest
