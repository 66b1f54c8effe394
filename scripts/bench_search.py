"""Benchmark the search engine on generated corpora of ~1,000 and ~5,000 articles.

For each size: generate + build a corpus, build the index, make >= 200 queries
from the document text (single characters, 2-4 character words, 5-10
character phrases, sub-words inside longer words, quoted phrases with
punctuation, absent strings, English names), each in Simplified and in
Traditional (OpenCC s2hk). Truth is a plain substring test on the unfolded
Simplified text. Reports recall/precision per query type (full verification,
Python reference client), whether both scripts give identical results and
bytes fetched (first query in a fresh client, then a later different query,
first RESULTS_PER_PAGE = 10 results, as the UI shows) by the Python model of the worker.

Then the same articles become one MkDocs + Material site, indexed by
Material's search plugin (lang zh, jieba) and by Pagefind (extended, zh),
and every query in both scripts runs in headless Chromium through Material's
own search worker, Pagefind's JS API and our UI: page-level recall/precision,
bytes sent by the server, latency (benchmarks).

    python scripts/bench_search.py [--quick] [--pages 400,2000] [--work /tmp/bench-search]

--quick: ~1,000 articles only and fewer queries (a few minutes).
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import jieba
import opencc

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from zhcorpus.search import build_index, load_names, name_aliases, read_corpus  # noqa: E402
from benchmarks import compare  # noqa: E402
from benchmarks.compare import pct  # noqa: E402
from zhcorpus.search.index import rank_order  # noqa: E402
from zhcorpus.search.query import RESULTS_PER_PAGE, Searcher  # noqa: E402

HAN = lambda s: all("\u4e00" <= c <= "\u9fff" for c in s)  # noqa: E731
PER_TYPE = 30


def corpus_for(pages: int, work: Path) -> Path:
    seeds, corpus = work / f"seeds-{pages}", work / f"corpus-{pages}"
    if not (corpus / "articles.jsonl").is_file():
        # This interpreter's zhcorpus, whether or not its scripts folder is on PATH.
        cli = [sys.executable, "-m", "zhcorpus.cli"]
        subprocess.run([*cli, "generate", "--pages", str(pages), "--out", str(seeds)], check=True)
        subprocess.run([*cli, "build", "--quiet", "--seeds", str(seeds), "--corpus", str(corpus)], check=True)
    return corpus


def make_queries(docs: list[dict], aliases: dict, rng: random.Random,
                 per_type: int = PER_TYPE) -> list[tuple[str, str, list[str]]]:
    """-> [(type, simplified query, Simplified terms that define the truth)]."""
    texts = [d["text"] for d in docs if d["kind"] == "section" and len(d["text"]) > 40]
    out, seen = [], set()

    def add(kind, query, alts):
        if query not in seen:
            seen.add(query)
            out.append((kind, query, alts))
    jieba.setLogLevel(60)
    while min(sum(1 for k, *_ in out if k == t) for t in ("char", "word", "phrase", "subword", "quoted")) < per_type:
        text = rng.choice(texts)
        words = [w for w in jieba.lcut(text) if HAN(w)]
        if not words:
            continue
        c = rng.choice(rng.choice(words))
        add("char", c, [c])
        short = [w for w in words if 2 <= len(w) <= 4]
        if short:
            w = rng.choice(short)
            add("word", w, [w])
        long = [w for w in words if len(w) >= 4]
        if long:
            w = rng.choice(long)
            n = rng.randint(2, len(w) - 1)
            i = rng.randint(1, len(w) - n) if len(w) - n >= 1 else 0
            add("subword", w[i:i + n], [w[i:i + n]])
        i = rng.randrange(0, len(text) - 10)
        n = rng.randint(5, 10)
        if HAN(text[i:i + n]):
            add("phrase", text[i:i + n], [text[i:i + n]])
        seg = text[i:i + n]
        if " " not in seg and '"' not in seg and not HAN(seg):
            add("quoted", f'"{seg}"', [seg])
    chars = sorted({c for t in texts[:200] for c in t if HAN(c)})
    for _ in range(per_type):
        q = "".join(rng.choice(chars) for _ in range(4))
        add("absent", q, [q])
    for key in rng.sample(sorted(k for k in aliases if " " not in k and k.isascii()), 2 * per_type // 3):
        add("english", key.title(), sorted(set(aliases[key]) | {key}))
    return out


def truth(texts: list[str], lowered: list[str], alts: list[str]) -> list[int]:
    return [i for i, (t, low) in enumerate(zip(texts, lowered)) if any(a in (low if a.isascii() else t) for a in alts)]


def accuracy(index: Path, docs: list[dict], queries) -> tuple[dict, int, int]:
    s2hk = opencc.OpenCC("s2hk")
    texts = [d["text"] for d in rank_order(docs)]
    lowered = [t.lower() for t in texts]
    searcher = Searcher.from_dir(index)
    stats: dict[str, list] = {}
    same = total = 0
    for kind, query, alts in queries:
        want = set(truth(texts, lowered, alts))
        got = {h["id"] for h in searcher.search(query, limit=None)}
        trad = {h["id"] for h in searcher.search(s2hk.convert(query), limit=None)}
        same += got == trad
        total += 1
        for script, res in (("zh-Hans", got), ("zh-Hant", trad)):
            row = stats.setdefault(kind, [0, 0, 0, 0])  # true positives, results, truth, queries
            row[0] += len(res & want)
            row[1] += len(res)
            row[2] += len(want)
            row[3] += 1
    return stats, same, total


def fetched_bytes(index: Path, queries, rng) -> tuple[list[int], list[int]]:
    first, later = [], []
    sample = rng.sample(queries, min(200, len(queries)))
    for (_, q1, _), (_, q2, _) in zip(sample[::2], sample[1::2]):
        s = Searcher.from_dir(index)
        s.search(q1, limit=RESULTS_PER_PAGE)
        first.append(s.bytes)
        before = s.bytes
        s.search(q2, limit=RESULTS_PER_PAGE)
        later.append(s.bytes - before)
    return first, later


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", default="400,2000", help="generated pages per corpus (400 ≈ 1,000 articles)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/bench-search"))
    ap.add_argument("--quick", action="store_true", help="~1,000 articles, 12 queries per type")
    ap.add_argument("--no-browser", action="store_true", help="our engine in the Python model only")
    args = ap.parse_args()
    if args.quick:
        args.pages = "400"
    names = load_names(ROOT / "seeds/taxonomy.yml", ROOT / "seeds/speakers.yml")
    aliases = name_aliases(names)
    for pages in [int(p) for p in args.pages.split(",")]:
        rng = random.Random(pages)
        corpus = corpus_for(pages, args.work)
        articles = sum(1 for _ in (corpus / "articles.jsonl").open(encoding="utf-8"))
        docs = read_corpus(corpus)
        index = args.work / f"site-{pages}" / "search"
        t0 = time.time()
        build_index(docs, index, aliases=aliases)
        build_s = time.time() - t0
        size = sum(p.stat().st_size for p in index.rglob("*") if p.is_file())
        queries = make_queries(docs, aliases, rng, per_type=12 if args.quick else PER_TYPE)
        stats, same, total = accuracy(index, docs, queries)
        first, later = fetched_bytes(index, queries, rng)
        print(f"\n## {articles} articles, {len(docs)} documents, index {size / 1e6:.1f} MB, built in {build_s:.1f} s")
        print("\n### Ours, by document (paragraph, title, quote), Python reference client, full verification")
        print(f"{len(queries)} queries × 2 scripts; identical results for both scripts: {same}/{total}")
        print("| type | runs | recall | precision | results | truth |")
        print("|---|---|---|---|---|---|")
        for kind, (tp, res, want, n) in stats.items():
            print(f"| {kind} | {n} | {tp / want if want else 1:.4f} | {tp / res if res else 1:.4f} | {res} | {want} |")
        print(f"bytes, first query (incl. manifest): median {statistics.median(first) / 1e3:.0f} KB, "
              f"p95 {pct(first, 95) / 1e3:.0f} KB, max {max(first) / 1e3:.0f} KB")
        print(f"bytes, later query: median {statistics.median(later) / 1e3:.0f} KB, "
              f"p95 {pct(later, 95) / 1e3:.0f} KB, max {max(later) / 1e3:.0f} KB")
        if not args.no_browser:
            print("\n### Material vs Pagefind vs ours, by page, headless Chromium")
            compare.run(docs, queries, args.work / f"cmp-{pages}", aliases, rng)
    return 0


if __name__ == "__main__":
    sys.exit(main())
