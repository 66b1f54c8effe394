"""Command line: a thin layer over the pipeline, one function per command.

    zhcorpus init       starter editorial files (taxonomy, speakers) for a new corpus
    zhcorpus build      seeds/ -> corpus/
    zhcorpus generate   a synthetic corpus of N pages for benchmarks
    zhcorpus site       corpus/ + docs/ -> build/site-src/, for MkDocs or Zensical
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zhcorpus.build.pipeline import WorkerLost, build
from zhcorpus.corpus.ledger import format_ledger
from zhcorpus.editorial.schema import YEARS


def cmd_build(args: argparse.Namespace) -> int:
    progress = args.progress if args.progress is not None else (sys.stderr.isatty() and not args.quiet)
    result = build(args.seeds, args.corpus, cache=None if args.no_cache else args.cache, jobs=args.jobs,
                   progress=progress, year=args.year)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if not args.quiet and result.written:  # else the errors below say why nothing was
        print(format_ledger(result.ledgers))
        print(f"{len(result.articles)} articles written to {args.corpus} "
              f"({result.cached_pages} of {len(result.ledgers)} pages unchanged, from the cache)")
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    return 1 if result.errors else 0


def cmd_init(args: argparse.Namespace) -> int:
    from zhcorpus.editorial.starter import AlreadyThere, write_starters

    try:
        written = write_starters(args.seeds, force=args.force)
    except AlreadyThere as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error.filename or args.seeds}: cannot be written ({error.strerror or error})", file=sys.stderr)
        return 1
    print(f"wrote {', '.join(map(str, written))}: edit them, then zhcorpus build --seeds {args.seeds}")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    from zhcorpus.build.generate import CannotGenerate, generate_pages

    try:
        count = generate_pages(args.seeds, args.out, args.pages, seed=args.random_seed)
    except CannotGenerate as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{count} pages written to {args.out}")
    return 0


def cmd_site(args: argparse.Namespace) -> int:
    from zhcorpus.site import edition
    from zhcorpus.site.generate import SiteError, generate

    editions = (edition.HANS, edition.HANT) if args.edition == "both" else (args.edition,)
    try:
        stages = generate(args.out, args.config, editions, site_dir=args.site_dir)
    except (SiteError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for stage in stages:
        print(f"{stage.edition}: {stage.pages} pages, {stage.written} files written, {stage.removed} removed; "
              f"build with: mkdocs build -f {stage.config_file}")
    return 0


def _at_least(least: int):
    """An argparse type: an integer no smaller than ``least``, else argparse's one-line error."""
    def number(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"{value} is less than {least}")
        return value
    return number


def _year(text: str) -> int:
    if not text.isdigit() or not YEARS[0] <= int(text) <= YEARS[1]:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year from {YEARS[0]} to {YEARS[1]}")
    return int(text)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="zhcorpus", description=__doc__.splitlines()[0],
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = top.add_subparsers(dest="command", required=True)

    init_parser = commands.add_parser(
        "init", help="write starter taxonomy.yml and speakers.yml into the seeds folder",
        description="Write commented starter editorial files into SEEDS: taxonomy.yml (topic terms, "
                    "outlets, an example event and theme) and speakers.yml (an example speaker). "
                    "A corpus builds without them, but has no events or themes. Existing files are "
                    "left alone (exit status 1) unless --force is given.",
        epilog="example: zhcorpus init --seeds my-seeds")
    init_parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed pages (default: seeds)")
    init_parser.add_argument("--force", action="store_true", help="overwrite taxonomy.yml and speakers.yml if there")
    init_parser.set_defaults(handler=cmd_init)

    build_parser = commands.add_parser(
        "build", help="normalize every seed page into corpus/ (Markdown + articles.jsonl + ledger)",
        description="Read every file in SEEDS, write one Markdown file per article to CORPUS/articles, "
                    "CORPUS/articles.jsonl and CORPUS/ledger.json. Exit status 1 if any seed failed.",
        epilog="example: zhcorpus build --seeds seeds --corpus corpus")
    build_parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of seed pages (default: seeds)")
    build_parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="output folder (default: corpus)")
    build_parser.add_argument("--quiet", action="store_true", help="print only warnings and errors")
    build_parser.add_argument("--cache", type=Path, default=Path("build/zhcorpus-cache"),
                              help="cache of processed pages, so unchanged seeds are not redone "
                                   "(default: build/zhcorpus-cache)")
    build_parser.add_argument("--no-cache", action="store_true", help="process every seed afresh")
    build_parser.add_argument("--year", type=_year, default=None, metavar="YYYY",
                              help="the year of pages that print none (a sidecar's year: wins); "
                                   "without it their year-less datelines leave articles undated")
    build_parser.add_argument("--jobs", type=_at_least(1), default=None,
                              help="worker processes (default: one per core)")
    build_parser.add_argument("--progress", dest="progress", action="store_true", default=None,
                              help="show a progress bar (default: when stderr is a terminal)")
    build_parser.add_argument("--no-progress", dest="progress", action="store_false")
    build_parser.set_defaults(handler=cmd_build)

    generate_parser = commands.add_parser(
        "generate", help="make N synthetic seed pages from the real ones, for benchmarks",
        description="Recombine the paragraphs, headlines, datelines, bylines and layout problems of the "
                    "seed pages into N new pages, in both scripts.",
        epilog="example: zhcorpus generate --pages 1000 --out /tmp/seeds-1000")
    generate_parser.add_argument("--seeds", type=Path, default=Path("seeds"), help="real seed pages (default: seeds)")
    generate_parser.add_argument("--out", type=Path, required=True, help="folder to write the pages to")
    generate_parser.add_argument("--pages", type=_at_least(0), default=1000, help="how many pages (default: 1000)")
    generate_parser.add_argument("--random-seed", type=int, default=0, help="for reproducible output (default: 0)")
    generate_parser.set_defaults(handler=cmd_generate)

    site_parser = commands.add_parser(
        "site", help="write every page, each edition's mkdocs.yml and search index into a build folder",
        description="Generate the site's sources from the corpus, the editorial files and docs/: for each "
                    "edition OUT/<edition>/docs/ (hand-written and generated pages, search index) and its "
                    "configuration OUT/mkdocs.yml or OUT/mkdocs-hant.yml (docs_dir there, nav explicit). MkDocs or Zensical builds that "
                    "folder as it is. Only files whose bytes change are written.",
        epilog="example: zhcorpus site && mkdocs build --strict -f build/site-src/mkdocs.yml "
               "&& mkdocs build --strict -f build/site-src/mkdocs-hant.yml")
    site_parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"),
                             help="the site's configuration (default: mkdocs.yml)")
    site_parser.add_argument("--out", type=Path, default=Path("build/site-src"),
                             help="folder to write the editions to (default: build/site-src)")
    site_parser.add_argument("--site-dir", type=Path, default=None,
                             help="where the built site goes, the Traditional edition in its zh-Hant/ "
                                  "(default: the configuration's site_dir)")
    site_parser.add_argument("--edition", choices=("both", "zh-Hans", "zh-Hant"), default="both",
                             help="which edition to write (default: both)")
    site_parser.set_defaults(handler=cmd_site)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.handler(args)
    except WorkerLost as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
