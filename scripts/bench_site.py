#!/usr/bin/env python3
"""Build the site once and print how big and how slow it is.

    python scripts/bench_site.py [--corpus DIR] [--taxonomy FILE] [--speakers FILE] [--staged]

Numbers: build time (whole `mkdocs build --strict`, wall clock, both
editions: the main build runs the Traditional one), then for each edition
(Simplified at the root, Traditional under zh-Hant/): page count (HTML
files), total bytes, the largest page, and the bytes of its search index.
``--staged``: `zhcorpus site`, then `mkdocs build` on each edition's folder,
twice (the second run finds nothing changed).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ -> zhcorpus

from zhcorpus.site.buildrun import build_site, build_staged  # noqa: E402
from zhcorpus.site.edition import HANT_DIR  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--taxonomy", type=Path)
    parser.add_argument("--speakers", type=Path)
    parser.add_argument("--staged", action="store_true", help="zhcorpus site, then mkdocs on its folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = (args.corpus, args.taxonomy, args.speakers)
        if args.staged:
            result = build_staged(Path(tmp) / "src" / "site", *inputs, out_dir=Path(tmp) / "src")
            again = build_staged(Path(tmp) / "src" / "site", *inputs, out_dir=Path(tmp) / "src")
        else:
            result = build_site(Path(tmp) / "site", *inputs)
        if result.returncode != 0:
            print(result.log, file=sys.stderr)
            return result.returncode
        print(f"build time:    {result.seconds:.2f} s (both editions)")
        if args.staged:
            print(f"again:         {again.seconds:.2f} s (nothing changed: no file written)")
        total = 0
        for name, root in (("zh-Hans", result.site_dir), ("zh-Hant", result.site_dir / HANT_DIR)):
            total += _report(name, root, result.site_dir)
        print(f"total bytes:   {total} (both editions)")
        print(f"warnings:      {len(result.warnings)}")
    return 0


def _report(name: str, root: Path, site_dir: Path) -> int:
    """Print one edition's numbers; return its total bytes."""
    # The Simplified edition is the site root minus the Traditional folder.
    files = [p for p in root.rglob("*") if p.is_file() and not (root == site_dir and p.is_relative_to(site_dir / HANT_DIR))]
    pages = [p for p in files if p.suffix == ".html"]
    size = sum(p.stat().st_size for p in files)
    search = sum(p.stat().st_size for p in files if p.is_relative_to(root / "search") and p.suffix != ".html")
    largest = max(pages, key=lambda p: p.stat().st_size)
    print(f"[{name}]")
    print(f"  pages:         {len(pages)}")
    print(f"  total bytes:   {size}")
    print(f"  search index:  {search} bytes (search/, engine included)")
    print(f"  largest page:  {largest.stat().st_size} bytes ({largest.relative_to(site_dir)})")
    return size


if __name__ == "__main__":
    sys.exit(main())
