#!/usr/bin/env python3
"""Build the site once and print how big and how slow it is.

    python scripts/bench_site.py [--corpus DIR] [--taxonomy FILE] [--speakers FILE]

Numbers: build time (whole `mkdocs build --strict`, wall clock), page count
(HTML files), total bytes of the built site, and the largest page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # scripts/ -> zhcorpus

from zhcorpus.site.buildrun import build_site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--taxonomy", type=Path)
    parser.add_argument("--speakers", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = build_site(Path(tmp) / "site", args.corpus, args.taxonomy, args.speakers)
        if result.returncode != 0:
            print(result.log, file=sys.stderr)
            return result.returncode
        files = [p for p in result.site_dir.rglob("*") if p.is_file()]
        pages = [p for p in files if p.suffix == ".html"]
        largest = max(pages, key=lambda p: p.stat().st_size)
        print(f"build time:    {result.seconds:.2f} s")
        print(f"pages:         {len(pages)}")
        print(f"total bytes:   {sum(p.stat().st_size for p in files)}")
        print(f"largest page:  {largest.stat().st_size} bytes ({largest.relative_to(result.site_dir)})")
        print(f"warnings:      {len(result.warnings)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
