#!/usr/bin/env python3
"""Scale benchmark: the five seeds and generated corpora of ~1,000 and ~5,000 articles.

For each corpus it prints the corpus build (time per stage, total, Han
characters per second, peak memory), the site build (time, pages, total and
largest page, peak memory), the rebuild after changing one seed (median of three; corpus with its cache, then
``mkdocs build --dirty``), and, as the
floor, the bare OpenCC conversion plus word segmentation of the same text.

    python scripts/bench_scale.py                      # seeds, 1,000 and 5,000 articles
    python scripts/bench_scale.py --articles 1000      # a quicker run

Each measurement runs in a fresh process, so peak memory is that step's own.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

ARTICLES_PER_PAGE = 2.5  # what the generator averages
EDITS = 3  # one-seed rebuilds measured, each after editing another seed


def child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return json.loads(out.stdout.splitlines()[-1])


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def measure_corpus(seeds: Path, corpus: Path, cache: Path) -> dict:
    from zhcorpus.build.pipeline import build
    from zhcorpus.language.han import count_han

    started = time.perf_counter()
    result = build(seeds, corpus, cache=cache, jobs=None)
    seconds = time.perf_counter() - started
    han = sum(count_han(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt"))
    return {"seconds": seconds, "stages": dict(result.seconds), "articles": len(result.articles),
            "quotes": len(result.quotes), "errors": len(result.errors), "cached": result.cached_pages,
            "han": han, "peak_mb": peak_mb()}


def measure_site(corpus: Path, site: Path, dirty: bool) -> dict:
    from zhcorpus.site.buildrun import build_site
    from zhcorpus.site.sources import MKDOCS_DIRTY_WARNING

    speakers = corpus / "speakers.yml"
    # A dirty build is not --strict: MkDocs itself warns that it is dirty.
    result = build_site(site, corpus, None, speakers if speakers.exists() else None, strict=not dirty, dirty=dirty)
    if result.returncode != 0:
        raise SystemExit(result.log[-3000:])
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html"]
    largest = max(pages, key=lambda p: p.stat().st_size)
    return {"seconds": result.seconds, "pages": len(pages), "bytes": sum(p.stat().st_size for p in files),
            "largest": largest.stat().st_size, "largest_page": str(largest.relative_to(site)),
            "warnings": len([w for w in result.warnings if MKDOCS_DIRTY_WARNING not in w]), "peak_mb": peak_mb()}


def measure_floor(seeds: Path) -> dict:
    """Bare OpenCC conversion and word segmentation of the same text: the floor."""
    from zhcorpus.language.convert import to_simplified
    from zhcorpus.language.segmenter import Segmenter

    text = "".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    segmenter = Segmenter()
    segmenter.cut("预热")
    started = time.perf_counter()
    converted = to_simplified(text)
    middle = time.perf_counter()
    segmenter.cut(converted)
    done = time.perf_counter()
    return {"convert": middle - started, "segment": done - middle, "total": done - started,
            "segmenter": segmenter.backend, "chars": len(text)}


def run(label: str, source: Path, work: Path) -> None:
    seeds, corpus, cache = work / "seeds", work / "corpus", work / "cache"
    shutil.copytree(source, seeds)
    full = child("--corpus", str(seeds), str(corpus), str(cache))
    site = child("--site", str(corpus), str(work / "site"))
    floor = child("--floor", str(seeds))
    # One seed changed in place (a paragraph added), rebuilt with the cache, then the
    # site with `mkdocs build --dirty` (only pages whose Markdown changed): three times,
    # a different seed each time, and the median kept (one sample is noisy here).
    edits = []
    for seed in sorted(seeds.glob("*.txt"))[:EDITS]:
        seed.write_text(seed.read_text(encoding="utf-8") + "\n\n新增一段：合作之路越走越宽广。\n", encoding="utf-8")
        edits.append((child("--corpus", str(seeds), str(corpus), str(cache)),
                      child("--site", str(corpus), str(work / "site"), "--dirty")))
    rebuild, resite = sorted(edits, key=lambda e: e[0]["seconds"] + e[1]["seconds"])[len(edits) // 2]
    stages = "  ".join(f"{k} {v:.2f}" for k, v in sorted(full["stages"].items(), key=lambda kv: -kv[1]))
    rebuild_stages = "  ".join(f"{k} {v:.2f}" for k, v in sorted(rebuild["stages"].items(), key=lambda kv: -kv[1]))
    print(f"\n== {label}: {full['articles']} articles, {full['quotes']} quotes, {full['han']:,} Han characters "
          f"(errors {full['errors']})")
    print(f"corpus build   {full['seconds']:7.2f} s   {full['han'] / full['seconds']:,.0f} Han chars/s   "
          f"peak {full['peak_mb']:.0f} MB")
    print(f"  stages (s)   {stages}")
    print(f"floor          {floor['total']:7.2f} s   (OpenCC {floor['convert']:.2f} s + {floor['segmenter']} "
          f"{floor['segment']:.2f} s)   corpus/floor = {full['seconds'] / max(floor['total'], 1e-9):.1f}x")
    print(f"site build     {site['seconds']:7.2f} s   {site['pages']} pages   {site['bytes'] / 1e6:.1f} MB   "
          f"largest {site['largest'] / 1e3:.0f} KB ({site['largest_page']})   peak {site['peak_mb']:.0f} MB   "
          f"warnings {site['warnings']}")
    whole = full["seconds"] + site["seconds"]
    print(f"whole build    {whole:7.2f} s")
    again = rebuild["seconds"] + resite["seconds"]
    print(f"one-seed edit  {again:7.2f} s = {again / whole:.0%} of the whole build (median of {len(edits)} edits: "
          + ", ".join(f"{c['seconds'] + d['seconds']:.2f}" for c, d in edits) + f" s): corpus {rebuild['seconds']:.2f} s "
          f"({rebuild['cached']} of {rebuild['cached'] + 1} pages from the cache), site --dirty {resite['seconds']:.2f} s")
    print(f"  stages (s)   {rebuild_stages}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--corpus", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--site", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--dirty", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--floor", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.corpus:
        print(json.dumps(measure_corpus(*map(Path, args.corpus))))
        return
    if args.site:
        print(json.dumps(measure_site(Path(args.site[0]), Path(args.site[1]), args.dirty)))
        return
    if args.floor:
        print(json.dumps(measure_floor(Path(args.floor))))
        return
    from zhcorpus.build.generate import generate_pages

    with tempfile.TemporaryDirectory() as folder:
        run("5 seeds", ROOT / "seeds", Path(folder))
    for articles in args.articles:
        with tempfile.TemporaryDirectory() as folder:
            seeds = Path(folder) / "generated"
            generate_pages(ROOT / "seeds", seeds, round(articles / ARTICLES_PER_PAGE), seed=1)
            run(f"~{articles} articles", seeds, Path(folder))


if __name__ == "__main__":
    main()
