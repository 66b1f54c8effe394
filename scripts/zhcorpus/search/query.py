"""Reference client: the algorithm of static/search-worker.js, in Python.

Tests and the benchmark use it to check results against the truth and to
count the bytes a browser would fetch; the worker must stay in step.
"""

from __future__ import annotations

import base64
import bisect
import json
import re
from pathlib import Path
from typing import Callable

from . import codec

RESULTS_PER_PAGE = 10  # shown at once (search-ui.js); "more" continues. Each costs a chunk fetch.
MIN_ROUND = 8  # candidates verified per round trip, at least
MAX_ROUND = 2 * RESULTS_PER_PAGE  # and at most
# Chunk bytes one search may fetch to verify candidates; past it the answer is
# "at least N" and the UI offers more. Keeps a later query within ~100 KB.
BUDGET = 40_000
_TERM = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)')


def round_size(missing: int, verified: int, found: int) -> int:
    """Candidates to verify in the next round trip, when ``missing`` results are still
    to show and ``found`` of the ``verified`` so far held the text.

    As many as are missing: all of them when every candidate holds the text, as
    it nearly always does (and always, for an exact query). When some failed,
    the same share is expected to fail again, so the round is larger by it: one
    more round trip costs more time than a few more chunks. At least MIN_ROUND,
    so a query whose candidates often fail does not trickle. Grown by failures to
    at most MAX_ROUND, so one round cannot fetch far past the budget."""
    grown = missing if found >= verified else -(-missing * verified // max(found, 1))
    return max(missing, MIN_ROUND, min(grown, MAX_ROUND))


def drop_implied(alternatives: list[str]) -> list[str]:
    """An alternative that contains another adds no document to their union
    (阿斯塔纳宣言 already finds every ...与阿斯塔纳宣言), only shards to fetch."""
    return [a for a in alternatives if not any(b != a and b in a for b in alternatives)]


class Searcher:
    def __init__(self, fetch: Callable[[str], bytes]):
        self._fetch = fetch
        self.bytes = 0
        self._cache: dict[str, bytes] = {}
        m = json.loads(self.get("manifest.json"))
        self.manifest = m
        pairs = m["fold"]
        self._fold = {ord(pairs[i]): pairs[i + 1] for i in range(0, len(pairs), 2)}
        for c in range(0xFF01, 0xFF5F):
            self._fold[c] = chr(c - 0xFEE0).lower()
        for c in range(ord("A"), ord("Z") + 1):
            self._fold[c] = chr(c).lower()
        for c in "\u3000\t\n\r\xa0":
            self._fold[ord(c)] = " "
        self._drop = {ord(c): None for c in m.get("ignore", "")}
        starts = codec.decode_ids(base64.b64decode(m["chunks"]))
        self._chunk_starts = starts
        # Documents an in-place update left out of id order (update.py): id -> (anchor, position).
        placed = codec.decode_varints(base64.b64decode(m.get("placed", "")))
        self._placed: dict[int, tuple[int, int]] = {}
        for n in range(0, len(placed), 2):
            doc_id, anchor = placed[n], placed[n + 1] - 1
            previous = self._placed.get(placed[n - 2]) if n else None
            after = previous[1] + 1 if previous and previous[0] == anchor else 1
            self._placed[doc_id] = (anchor, after)

    @classmethod
    def from_dir(cls, out_dir: Path) -> "Searcher":
        return cls(lambda path: (Path(out_dir) / path).read_bytes())

    def get(self, path: str) -> bytes:
        if path not in self._cache:
            data = self._fetch(path)
            self.bytes += len(data)
            self._cache[path] = data
        return self._cache[path]

    def fold(self, text: str) -> str:
        return text.translate(self._fold)

    def key(self, text: str) -> str:
        """Folded text as matching compares it: without the dashes it ignores (fold.squeeze)."""
        return self.fold(text).translate(self._drop)

    def parse(self, query: str) -> list[list[str]]:
        """Query -> terms, each a list of alternatives; a document needs every term."""
        q = re.sub(r" +", " ", self.fold(query)).strip()
        aliases = self.manifest["aliases"]
        if q in aliases:  # a whole English name, spaces and all
            return [drop_implied(sorted({self.key(a) for a in aliases[q]} | {self.key(q)}))]
        terms = []
        for m in _TERM.finditer(q):
            quoted = next((g for g in m.groups()[:3] if g is not None), None)
            if quoted is not None:
                if quoted.strip():
                    terms.append([quoted.strip()])
            else:
                word = m.group(4)
                terms.append(sorted(set(aliases[word]) | {word}) if word in aliases else [word])
        # Compared as indexed: a term that was only dashes is no term.
        terms = [sorted({self.key(a) for a in t} - {"", " "}) for t in terms]
        return [drop_implied([a.strip() for a in t]) for t in terms if t]

    def postings(self, gram: str) -> list[int] | None:
        shard = codec.fnv1a(gram) % self.manifest["shards"]
        name = f"shards/{shard:0{self.manifest['shardWidth']}x}.bin"
        try:
            data = self.get(name)
        except FileNotFoundError:  # an empty shard is not written
            return []
        entry = codec.decode_shard(data).get(gram)
        return codec.decode_postings(*entry) if entry else []

    @staticmethod
    def grams(term: str) -> list[str]:
        """Every bigram of the term (a character alone is its own gram), all fetched in
        one round trip. Fetching the bigrams at even offsets first and the others only
        when candidates were many took up to three rounds: the slowest part of a long
        phrase's first query. The extra shards cost a few KB and spare chunks."""
        if len(term) == 1:
            return [term]
        return sorted({term[i:i + 2] for i in range(len(term) - 1)})

    def candidates(self, terms: list[list[str]]) -> tuple[list[int], bool]:
        result, exact = None, True
        for alternatives in terms:
            union: set[int] = set()
            for alt in alternatives:
                ids = None
                for gram in self.grams(alt):
                    got = set(self.postings(gram))
                    ids = got if ids is None else ids & got
                union |= ids or set()
                exact = exact and len(alt) <= 2
            result = union if result is None else result & union
        return self.ranked(result or ()), exact

    def ranked(self, ids) -> list[int]:
        """Ids in rank order: id order, but for the documents an update placed."""
        return sorted(ids, key=lambda i: self._placed.get(i, (i, 0)))

    def chunk_of(self, doc_id: int) -> int:
        return bisect.bisect_right(self._chunk_starts, doc_id) - 1

    def doc(self, doc_id: int) -> dict | None:
        """None for a document an update removed (its row is null; no posting should hold it)."""
        n = self.chunk_of(doc_id)
        chunk = json.loads(self.get(f"chunks/{n}.json"))
        row = chunk["docs"][doc_id - self._chunk_starts[n]]
        if row is None:
            return None
        kind, page, anchor, text = row[:4]
        url, title = chunk["pages"][page]
        doc = {"id": doc_id, "kind": ("page", "quote", "section")[kind], "title": title,
               "url": f"{url}#{anchor}" if anchor else url, "text": text}
        if len(row) > 4:  # a quote's speaker, outlet, date and other reports (documents.quote_meta)
            doc["meta"] = row[4]
        return doc

    def search(self, query: str, limit: int | None = RESULTS_PER_PAGE, budget: int | None = BUDGET) -> list[dict]:
        """Documents containing every term, best first; ``limit=None`` verifies all.

        Verifies in rank order, as many candidates at a time as results are
        missing, and stops once it
        has ``limit`` hits or has fetched ``budget`` chunk bytes (no cap when
        ``limit`` or ``budget`` is None);
        ``self.complete`` says whether every candidate was verified.
        """
        self.complete, self.rounds = True, 0  # rounds: chunk fetches in sequence (latency)
        budget = None if limit is None else budget
        terms = self.parse(query)
        if not terms:
            return []
        ids, exact = self.candidates(terms)
        if exact and limit is None:
            return [{"id": i} for i in ids]  # postings are the answer; no text needed
        hits, i, spent, done = [], 0, 0, 0
        while i < len(ids) and (limit is None or len(hits) < limit) and (budget is None or spent < budget):
            batch = ids[i:] if limit is None else ids[i:i + round_size(limit - len(hits), done, len(hits))]
            i += len(batch)
            self.rounds += 1
            before = self.bytes
            docs = [doc for doc in (self.doc(d) for d in batch) if doc is not None]
            spent += self.bytes - before
            for doc in docs:
                if limit is not None and len(hits) >= limit:
                    break
                done += 1
                folded = self.key(doc["text"])
                if exact or all(any(alt in folded for alt in alts) for alts in terms):
                    hits.append(doc)
        self.complete = exact or done == len(ids)
        return hits
