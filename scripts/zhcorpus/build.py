"""The corpus pipeline: seeds -> read -> layout -> (per page, in parallel) columns,
segment, convert, enrich, ledger, quotes -> merge quotes -> write.

Like Pelican, everything is read and checked before anything is written: a
bad seed is reported in one line and left out, the others still build, and
the ledger must balance for every seed that is written. Unchanged seeds come
from the cache; pages are processed on every core.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .cache import PageCache, editorial_fingerprint, page_key
from .columns import Reference
from .convert import to_simplified
from .enrich import Taxonomy, load_taxonomy
from .layout import TEXT, page_blocks
from .ledger import SeedLedger
from .pagework import Page, PageResult, process_page
from .quotebook import collect as collect_quotes
from .readers import EmptySeed, SeedError, read_seed
from .segmenter import Segmenter
from .sidecars import read_sidecar, sidecar_path
from .speakers import Registry, load_registry, registry_from_data
from .writers import Article, write_corpus

_REFERENCE_LIMIT = 2_000_000  # characters of corpus text used to judge column joins
_PARALLEL_FROM = 24           # below this many pages, worker start-up costs more than it saves


@dataclass
class BuildResult:
    articles: list[Article] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    registry: Registry | None = None
    ledgers: list[SeedLedger] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: Counter[str] = field(default_factory=Counter)   # time per stage, for benchmarks
    cached_pages: int = 0

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started


def seed_paths(seeds: Path) -> list[Path]:
    """Every file in the seeds folder except YAML (sidecars and editorial data) and dotfiles."""
    return sorted(p for p in seeds.iterdir() if p.is_file() and p.suffix not in (".yml", ".yaml")
                  and not p.name.startswith("."))


def _read_one(path: Path) -> Page | SeedError:
    try:
        seed = read_seed(path)
        return Page(seed, read_sidecar(path), page_blocks(seed.text))
    except SeedError as error:
        return error


# Worker state, inherited through fork: the pages and the shared reference are
# large and read-only, so workers get them without pickling.
_WORK: dict = {}


def _process_index(index: int) -> PageResult:
    work = _WORK
    return process_page(work["pages"][index], work["reference"], work["taxonomy"], work["registry"],
                        work["segmenter"])


def _reference_text(pages: list[Page]) -> str:
    texts, size = [], 0
    for page in pages:
        for block in page.blocks:
            if block.kind == TEXT and size < _REFERENCE_LIMIT:
                texts.append(to_simplified(block.text))
                size += len(block.text)
    return "\x00".join(texts)


def _load_speakers(path: Path) -> Registry:
    if not path.exists():
        return registry_from_data({"speakers": []})
    try:
        return load_registry(path)
    except (ValueError, KeyError, TypeError) as err:
        raise SeedError(path, f"not a valid speaker registry: {err}") from None
    except Exception as err:  # yaml.YAMLError and friends: still one line for the user
        raise SeedError(path, f"not valid YAML: {str(err).splitlines()[0]}") from None


def _progress(items: Iterable, total: int, label: str, enabled: bool) -> Iterable:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=label, unit="page", file=sys.stderr, leave=False, mininterval=0.5)


def _map(function, indices: list[int], jobs: int, label: str, progress: bool) -> list:
    if jobs <= 1 or len(indices) < _PARALLEL_FROM:
        return list(_progress(map(function, indices), len(indices), label, progress))
    # Freeze what exists before the fork: otherwise every worker's garbage
    # collector walks (and so copies) the parent's whole heap.
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return list(_progress(pool.imap(function, indices, chunksize=8), len(indices), label, progress))
    finally:
        gc.unfreeze()


def _write_index(index: int) -> tuple[bool, str]:
    return _WORK["write"](_WORK["articles"][index])


def _read_index(index: int):
    return _read_one(_WORK["paths"][index])


def build(seeds: Path, corpus: Path, *, write: bool = True, cache: Path | None = None,
          jobs: int | None = None, progress: bool = False) -> BuildResult:
    result = BuildResult()
    jobs = jobs or os.cpu_count() or 1
    try:
        taxonomy = load_taxonomy(seeds / "taxonomy.yml")
        registry = _load_speakers(seeds / "speakers.yml")
    except SeedError as error:
        result.errors.append(str(error))
        return result
    editorial = editorial_fingerprint(seeds / "taxonomy.yml", seeds / "speakers.yml")

    paths = seed_paths(seeds)
    with result.stage("read+layout"):
        _WORK.clear()
        _WORK["paths"] = paths
        pages: list[Page] = []
        for read in _map(_read_index, list(range(len(paths))), jobs, "reading", progress):
            if isinstance(read, EmptySeed):
                result.warnings.append(str(read))
            elif isinstance(read, SeedError):
                result.errors.append(str(read))
            else:
                pages.append(read)
    with result.stage("reference"):
        reference = Reference(_reference_text(pages))

    with result.stage("pages"):
        # One cache folder per seeds folder: entries are named by seed file.
        page_cache = PageCache(cache / hashlib.sha1(str(seeds.resolve()).encode()).hexdigest()[:12] if cache else None)
        keys = [page_key(p.seed.sha256, _sidecar_bytes(seeds, p), editorial) for p in pages]
        results: list[PageResult | None] = [
            page_cache.load(p.seed.name, key, lambda lookups: all((f in reference) == found
                                                                   for f, found in lookups.items()))
            for p, key in zip(pages, keys)]
        todo = [i for i, cached in enumerate(results) if cached is None]
        result.cached_pages = len(pages) - len(todo)
        _WORK.update(pages=pages, reference=reference, taxonomy=taxonomy, registry=registry,
                     segmenter=Segmenter())  # slugs are URLs: cut with jieba's own dictionary only
        for index, done in zip(todo, _map(_process_index, todo, jobs, "building", progress)):
            results[index] = done
            page_cache.store(pages[index].seed.name, keys[index], done.lookups, done)
        page_cache.prune({p.seed.name for p in pages})
        _WORK.clear()

    found: list[tuple[Article, list]] = []
    for page_result in results:
        assert page_result is not None
        result.ledgers.append(page_result.ledger)
        if not page_result.ledger.balanced:
            ledger = page_result.ledger
            result.errors.append(f"{ledger.seed}: {sum(ledger.unaccounted.values())} Han characters unaccounted, "
                                 f"{sum(ledger.duplicated.values())} duplicated (see corpus ledger)")
            continue
        found.extend(zip(page_result.articles, page_result.quotes))
    result.articles = [article for article, _ in found]
    _make_slugs_unique(result.articles)

    with result.stage("quotes"):
        result.quotes, result.registry, quoted = collect_quotes(found, registry)
        counts = Counter(s["slug"] for q in result.quotes for s in q["sources"])
        for article in result.articles:
            article.front["speakers"] = sorted(set(article.front["speakers"]) | set(quoted.get(article.slug, ())))
            article.front["quotes"] = counts[article.slug]
    if write:
        with result.stage("write"):
            def parallel(write, articles):
                _WORK.update(write=write, articles=articles)
                return _map(_write_index, list(range(len(articles))), jobs, "writing", progress)

            write_corpus(corpus, result.articles, [ledger.as_dict() for ledger in result.ledgers],
                         result.quotes, result.registry, mapper=parallel)
            _WORK.clear()
    return result


def _sidecar_bytes(seeds: Path, page: Page) -> bytes:
    path = sidecar_path(seeds / page.seed.name)
    return path.read_bytes() if path.exists() else b""


def _make_slugs_unique(articles: list[Article]) -> None:
    seen: Counter[str] = Counter()
    for article in sorted(articles, key=lambda a: (a.front["seed"], a.front["slug"])):
        base = article.front["slug"]
        seen[base] += 1
        if seen[base] > 1:
            article.front["slug"] = f"{base}-{seen[base]}"
