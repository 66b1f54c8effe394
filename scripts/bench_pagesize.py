#!/usr/bin/env python3
"""Benchmark one big page: build time per MB for one seed of 1, 2, 4 and 8 MB,
against the per-MB time of a generated corpus of 1,000 ordinary pages.

The cost of a page must grow with its size, not its square (issue 20): each row
should be within 2x the corpus's per-MB time. A big page is real seed text (the
five seeds: articles, quotes, commas, hard wraps, the Traditional page) repeated
up to the size, in three shapes: ``lines`` keeps the seeds' lines; ``one-line``
has no newline at all (the worst case reported: one block, one paragraph);
``wrapped`` is that text hard-wrapped at 15 characters, a narrow column.

    python scripts/bench_pagesize.py                          # 1, 2, 4, 8 MB, every shape
    python scripts/bench_pagesize.py --page-sizes 1,2 --shapes one-line --pages 0
    python scripts/bench_pagesize.py --profile 1 --shapes one-line   # cProfile, top functions

Every build runs in a fresh process (no cache, one job per core), under ``--timeout``
seconds. A 1 MB page pays the start-up a corpus pays once (jieba, OpenCC's tables,
patterns): about 0.4 s, which is why the small rows are the dearest per MB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
MB = 1_000_000
SHAPES = ("one-line", "lines", "wrapped")
WRAP = 15  # characters a line in ``wrapped``, as on the narrow-column page 004


def big_page(seeds: Path, size: int, shape: str) -> str:
    """Real seed text repeated to ``size`` bytes of UTF-8 (cut at a character)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    if shape != "lines":
        texts = [t.replace("\n", "") for t in texts]
    unit = ("" if shape != "lines" else "\n\n").join(texts)
    data = (unit * (size // len(unit.encode("utf-8")) + 1)).encode("utf-8")[:size]
    text = data.decode("utf-8", errors="ignore")
    if shape == "wrapped":  # a narrow column: every line full, so one paragraph from end to end
        text = "\n".join(text[i:i + WRAP] for i in range(0, len(text), WRAP))
    return text


def write_page_seeds(seeds: Path, folder: Path, size: int, shape: str) -> None:
    for name in ("taxonomy.yml", "speakers.yml"):
        (folder / name).write_bytes((seeds / name).read_bytes())
    (folder / "page.txt").write_text(big_page(seeds, size, shape), encoding="utf-8")
    (folder / "page.yml").write_text("source: xinhua\nyear: 2025\n", encoding="utf-8")


def measure(seeds: Path, profile: bool) -> dict:
    from zhcorpus.build.pipeline import build

    size = sum(p.stat().st_size for p in seeds.glob("*.txt"))
    with tempfile.TemporaryDirectory() as corpus:
        if profile:
            import cProfile
            import io
            import pstats

            profiler = cProfile.Profile()
            started = time.perf_counter()
            result = profiler.runcall(build, seeds, Path(corpus))
            seconds = time.perf_counter() - started
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(40)
            print(out.getvalue(), file=sys.stderr)
        else:
            started = time.perf_counter()
            result = build(seeds, Path(corpus))
            seconds = time.perf_counter() - started
    return {"bytes": size, "seconds": seconds, "articles": len(result.articles), "errors": result.errors,
            "stages": dict(result.seconds)}


def run_in_child(seeds: Path, timeout: float, profile: bool = False) -> dict | None:
    command = [sys.executable, __file__, "--measure", str(seeds)] + (["--profile-child"] if profile else [])
    try:
        out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if profile:
        print(out.stderr)
    return json.loads(out.stdout.splitlines()[-1])


def row(label: str, m: dict | None, per_mb: float | None, timeout: float) -> None:
    if m is None:
        print(f"{label:<22} did not finish in {timeout:.0f} s")
        return
    cost = m["seconds"] / (m["bytes"] / MB)
    ratio = f"  {cost / per_mb:.2f}x the corpus{' (over 2x)' if cost > 2 * per_mb else ''}" if per_mb else ""
    stages = "  ".join(f"{n} {s:.2f}" for n, s in sorted(m["stages"].items(), key=lambda kv: -kv[1])[:4])
    print(f"{label:<22} {m['bytes'] / MB:6.2f} MB  {m['seconds']:7.2f} s  {cost:6.2f} s/MB{ratio}"
          f"  articles {m['articles']}  ({stages})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page-sizes", default="1,2,4,8", help="sizes of the one page, in MB (comma-separated)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="one-line, lines or both")
    parser.add_argument("--pages", type=int, default=1000, help="generated pages to compare with (0: none)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a build counts as not finishing")
    parser.add_argument("--profile", type=float, help="profile one page of this many MB instead")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.profile_child)))
        return
    seeds = ROOT / "seeds"
    shapes = args.shapes.split(",")
    if args.profile:
        for shape in shapes:
            with tempfile.TemporaryDirectory() as folder:
                write_page_seeds(seeds, Path(folder), int(args.profile * MB), shape)
                row(f"{shape} (profiled)", run_in_child(Path(folder), args.timeout, profile=True), None, args.timeout)
        return
    per_mb = None
    if args.pages:
        from zhcorpus.build.generate import generate_pages

        with tempfile.TemporaryDirectory() as folder:
            generate_pages(seeds, Path(folder), args.pages, seed=1)
            corpus = run_in_child(Path(folder), args.timeout)
        if corpus:
            per_mb = corpus["seconds"] / (corpus["bytes"] / MB)
        row(f"{args.pages} generated pages", corpus, None, args.timeout)
    for shape in shapes:
        for size in (float(s) for s in args.page_sizes.split(",")):
            with tempfile.TemporaryDirectory() as folder:
                write_page_seeds(seeds, Path(folder), int(size * MB), shape)
                row(f"1 page, {shape}", run_in_child(Path(folder), args.timeout), per_mb, args.timeout)


if __name__ == "__main__":
    main()
