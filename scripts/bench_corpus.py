"""Benchmark the corpus build: time per stage, total, characters per second, peak memory.

Runs each corpus in a fresh process so peak memory is that build's alone.

    python scripts/bench_corpus.py                 # the five seeds and 1,000 generated pages
    python scripts/bench_corpus.py --pages 1000 5000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(seeds: Path) -> dict:
    from zhcorpus.build.pipeline import build
    from zhcorpus.language.han import count_han

    with tempfile.TemporaryDirectory() as corpus:
        started = time.perf_counter()
        result = build(seeds, Path(corpus))
        total = time.perf_counter() - started
        size = sum(p.stat().st_size for p in Path(corpus).rglob("*") if p.is_file())
    chars = sum(len(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt"))
    han = sum(count_han(p.read_text(encoding="utf-8")) for p in seeds.glob("*.txt"))
    return {
        "pages": len(list(seeds.glob("*.txt"))), "articles": len(result.articles), "errors": len(result.errors),
        "chars": chars, "han": han, "seconds": total, "stages": dict(result.seconds),
        "chars_per_second": chars / total, "corpus_bytes": size,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_in_child(seeds: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--measure", str(seeds)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def report(label: str, m: dict) -> None:
    stages = "  ".join(f"{name} {seconds:.2f}s" for name, seconds in sorted(m["stages"].items(), key=lambda kv: -kv[1]))
    print(f"{label:<16} pages {m['pages']:>5}  articles {m['articles']:>5}  errors {m['errors']}  "
          f"total {m['seconds']:.2f}s  {m['chars_per_second']:,.0f} chars/s  "
          f"corpus {m['corpus_bytes'] / 1e6:.1f} MB  peak {m['peak_rss_mb']:.0f} MB")
    print(f"{'':<16} {stages}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="*", default=[1000], help="generated corpus sizes")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    report("5 seeds", run_in_child(ROOT / "seeds"))
    from zhcorpus.build.generate import generate_pages

    for pages in args.pages:
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            generate_pages(ROOT / "seeds", Path(folder), pages, seed=1)
            print(f"(generated {pages} pages in {time.perf_counter() - started:.1f}s)")
            report(f"{pages} generated", run_in_child(Path(folder)))


if __name__ == "__main__":
    main()
