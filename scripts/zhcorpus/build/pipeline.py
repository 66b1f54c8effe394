"""The corpus pipeline: seeds -> read -> layout -> (per page, in parallel) columns,
segment, convert, enrich, ledger, quotes -> merge quotes -> write.

Like Pelican, everything is read and checked before anything is written: a
bad seed is reported in one line and left out, the others still build, and
the ledger must balance for every seed that is written. Unchanged seeds come
from the cache; pages are processed on every core. One build at a time holds a
corpus folder (writers.corpus_lock).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import signal
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from zhcorpus.build import collector
from zhcorpus.build.cache import Entry, PageCache, editorial_fingerprint, page_key
from zhcorpus.reading.columns import Reference
from zhcorpus.language.convert import to_simplified
from zhcorpus.articles.enrich import Taxonomy, load_taxonomy
from zhcorpus.articles.outlets import newsroom_forms_bytes
from zhcorpus.files import tables_kept_in
from zhcorpus.reading.layout import TEXT, page_blocks
from zhcorpus.corpus.ledger import SeedLedger
from zhcorpus.articles.metadata import unique_slugs
from zhcorpus.build.pagework import Page, PageResult, process_page
from zhcorpus.build.progress import counted
from zhcorpus.quotes.quotebook import collect as collect_quotes
from zhcorpus.reading.readers import EmptySeed, SeedError, input_bytes, link_problem, name_problem, read_seed, shown
from zhcorpus.language.segmenter import Segmenter
from zhcorpus.editorial.sidecars import read_sidecar, sidecar_bytes
from zhcorpus.quotes.speakers import Registry, load_registry, registry_from_data, registry_to_data
from zhcorpus.corpus.writers import Article, CorpusBusy, corpus_lock, write_corpus

_REFERENCE_LIMIT = 2_000_000  # characters of corpus text used to judge column joins
WRITTEN = ".written.kept"  # in the page cache folder: see writers.write_corpus
_PARALLEL_FROM = 24           # below this many pages, worker start-up costs more than it saves
_INDEX_FROM = 40              # pages to process from which the reference is indexed, not scanned


@dataclass
class BuildResult:
    articles: list[Article] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    registry: Registry | None = None
    ledgers: list[SeedLedger] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: Counter[str] = field(default_factory=Counter)   # time per stage, for benchmarks
    cached_pages: int = 0  # pages whose cached result was used
    laid_out_pages: int = 0  # pages read and laid out (a cached page is not, unless its joins changed)
    written: bool = False  # the corpus was written, whole

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started


class WorkerLost(Exception):
    """A worker process ended without its result (killed, out of memory) or sent one
    that could not be read back: the build stops with this line, never waits for ever."""


def seed_paths(seeds: Path, result: BuildResult) -> list[Path]:
    """Every file in the seeds folder except YAML (sidecars and editorial data) and dotfiles.
    Refused, each with one line in ``result``: a name no line can show (an error: the
    seed is meant to build), a link that leads nowhere or out of the folder (a warning:
    its target is not a seed of this folder, see readers.link_problem)."""
    paths = []
    for path in sorted(seeds.iterdir()):
        if path.suffix in (".yml", ".yaml") or path.name.startswith("."):
            continue
        if problem := name_problem(path.name):
            result.errors.append(f"{shown(str(path))}: {problem}")
        elif problem := link_problem(path):
            result.warnings.append(f"{path}: {problem}, skipped")
        elif path.is_file():
            paths.append(path)
    return paths


def _read_one(path: Path, data: bytes, sidecar: bytes, packed: bool = False
              ) -> tuple[Page | bytes, list[tuple[str, int]]] | SeedError:
    """A seed decoded and laid out, with its share of the reference: converted here,
    in the worker, because converting every page in the parent held up all of them.
    ``packed``: the page pickled, for a worker process; see _process_index."""
    try:
        seed = read_seed(path, data)
        page = Page(seed, read_sidecar(path, sidecar), page_blocks(seed.text))
        return (pickle.dumps(page, pickle.HIGHEST_PROTOCOL) if packed else page), reference_part(page)
    except SeedError as error:
        return error


# Worker state, inherited through fork: the pages and the shared reference are
# large and read-only, so workers get them without pickling.
_WORK: dict = {}
_NOT_FOR_WORKERS: list[int] = []  # descriptors a worker closes first (the corpus lock)


def _process_index(index: int) -> PageResult:
    work = _WORK
    page = work["pages"][index]
    # Read in one worker and processed in another, a page travels as the bytes the
    # first pickled: the parent, which only passes it on, does not unpickle 60 MB
    # of pages (5,000 articles) one after the other while the workers wait.
    if isinstance(page, bytes):
        page = pickle.loads(page)
    return process_page(page, work["reference"], work["taxonomy"], work["registry"], work["segmenter"], work["year"])


def reference_part(page: Page) -> list[tuple[str, int]]:
    """A page's share of the reference: (Simplified text, printed length) per text block."""
    return [(to_simplified(block.text), len(block.text)) for block in page.blocks if block.kind == TEXT]


def _included(parts: dict[int, list[tuple[str, int]]]) -> dict[int, list[str]]:
    """Each page's texts that the reference holds: pages in order, up to _REFERENCE_LIMIT."""
    included, size = {}, 0
    for index, part in sorted(parts.items()):
        texts = []
        for text, length in part:
            if size < _REFERENCE_LIMIT:
                texts.append(text)
                size += length
        included[index] = texts
    return included


def _changed_text(last: dict[str, list[str]] | None, now: dict[str, list[str]]) -> tuple[str | None, str]:
    """The reference text of the seeds whose share changed since the last build, as it was
    and as it is (as it was: None when there is no record of the last build)."""
    if last is None:
        return None, "\x00".join(t for texts in now.values() for t in texts)
    changed = sorted(n for n in last.keys() | now.keys() if last.get(n) != now.get(n))
    return ("\x00".join(t for n in changed for t in last.get(n, [])),
            "\x00".join(t for n in changed for t in now.get(n, [])))


def _still_true(lookups: dict[str, bool], reference: Reference, before: str | None, after: str) -> bool:
    """Would each lookup give the same answer today? ``before`` and ``after`` are the
    reference texts of the pages that changed since the last build (None: unknown).
    A fragment in neither gives the old answer: the rest of the reference is the same.
    This holds because every cached entry was checked against the snapshot's text: a
    build drops the snapshot before it stores an entry, and writes it once all are stored."""
    for fragment, found in lookups.items():
        if fragment in after:
            now = True
        elif before is None or fragment in before:
            now = fragment in reference
        else:
            now = found
        if now != found:
            return False
    return True


# What a corpus built without each editorial file lacks: a first run, on a new seeds
# folder, builds and says so, rather than failing.
_WITHOUT = {
    "taxonomy.yml": "the corpus has no events or themes, its outlets are named only by sidecars",
    "speakers.yml": "no speaker is known by name, only those the quotes' attribution finds",
}


def _missing_editorial(seeds: Path, editorial: list[bytes | None]) -> list[str]:
    """One warning per absent editorial file (``editorial``: their bytes, as read)."""
    return [f"{seeds / name}: not found, so {lacks} (zhcorpus init writes a starter file)"
            for (name, lacks), data in zip(_WITHOUT.items(), editorial) if data is None]


def _load_taxonomy(path: Path, data: bytes | None) -> Taxonomy:
    if data is None:  # no taxonomy: nothing to file articles under yet, every article on topic
        return Taxonomy(topic=(), outlets={}, events={}, themes={})
    return load_taxonomy(path, data)  # a taxonomy that does not fit is a SeedError naming it


def _load_speakers(path: Path, data: bytes | None) -> Registry:
    if data is None:  # no registry: nobody is known by name yet
        return registry_from_data({"speakers": []})
    return load_registry(path, data)  # a registry that does not fit is a SeedError naming it


def _optional_bytes(path: Path) -> bytes | None:
    """An editorial file's bytes, None if there is none (the caller says what that means).
    A link to nothing is not "none": input_bytes refuses it."""
    return input_bytes(path) if path.exists() or path.is_symlink() else None


def _parallel(jobs: int, count: int) -> bool:
    return jobs > 1 and count >= _PARALLEL_FROM


def _map(function, indices: list[int], jobs: int, label: str, progress: bool) -> list:
    if not _parallel(jobs, len(indices)):
        return list(counted(map(function, indices), len(indices), label, progress))
    # The workers inherit the paused cycle collector (build runs in collector.paused()),
    # so none walks, and so copies, the whole heap it shares with the parent.
    # Not multiprocessing.Pool: it waits for ever for the result of a worker that died,
    # or whose result its thread could not unpickle; an executor calls its pool broken.
    # Ctrl-C is the build's to handle: it stops handing out pages, waits for the few in
    # hand and is raised. A worker killed by it could break the pool while the build
    # cancels, which Python 3.11's executor does not survive (it waits for ever): so the
    # workers are forked (by the first submit, in map) with Ctrl-C blocked, and ignore it.
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start)
    try:
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            results = pool.map(function, indices, chunksize=8)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a Ctrl-C that came meanwhile is raised here
        return list(counted(results, len(indices), label, progress))
    except BrokenProcessPool as error:
        raise WorkerLost(_why(error, label)) from error
    finally:
        pool.shutdown(cancel_futures=True)  # after an error or Ctrl-C: the pages not yet handed out


def _worker_start() -> None:
    """Ctrl-C is left to the build (see _map), and the corpus lock too: a worker left
    behind by a build killed with -9 (blocked on its queue for ever) would keep every
    later build out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # first: a Ctrl-C pending since the fork is dropped
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for descriptor in _NOT_FOR_WORKERS:
        os.close(descriptor)


def _why(error: BrokenProcessPool, label: str) -> str:
    """One line for a broken pool: the worker's own last line when it sent one."""
    lines = [line.strip() for line in str(error.__cause__ or "").splitlines() if line.strip(" '\"")]
    if lines:  # the result came, and could not be read back
        return f"a worker's result could not be read back while {label} pages ({lines[-1]})"
    return f"a worker process ended without its result while {label} pages (killed? out of memory?)"


def _write_index(index: int) -> tuple[bool, str]:
    return _WORK["write"](_WORK["articles"][index])


def _read_index(index: int):
    return _read_one(_WORK["paths"][index], _WORK["seed_bytes"][index], _WORK["sidecar_bytes"][index],
                     _WORK["packed"])


@collector.paused()
def build(seeds: Path, corpus: Path, *, write: bool = True, cache: Path | None = None,
          jobs: int | None = None, progress: bool = False, year: int | None = None) -> BuildResult:
    """Everything that goes wrong with the input or the output is one line in the
    result's errors or warnings; a worker that dies raises WorkerLost. ``year``: the
    year of the pages that print none and whose sidecar gives none."""
    if not seeds.is_dir():
        return BuildResult(errors=[f"{seeds}: {'not a folder' if seeds.exists() else 'no such folder'}"])
    # The cache folder also keeps tables made from OpenCC's and jieba's data (convert, segmenter).
    with tables_kept_in(cache), ExitStack() as held:
        return _build(seeds, corpus, write=write, cache=cache, jobs=jobs, progress=progress, held=held, year=year)


def _hold(corpus: Path, held: ExitStack, result: BuildResult) -> bool:
    """Take the corpus lock (writers.corpus_lock) until ``held`` closes; False, with
    the reason in ``result``, when another build has it or the folder cannot be made."""
    try:
        lock = held.enter_context(corpus_lock(corpus))
    except (CorpusBusy, OSError) as error:
        result.errors.append(_write_problem(error, corpus))
        return False
    _NOT_FOR_WORKERS[:] = [lock.descriptor]
    held.callback(_NOT_FOR_WORKERS.clear)
    if lock.problem:
        result.warnings.append(lock.problem)
    return True


def _write_problem(error: Exception, corpus: Path) -> str:
    """One line for what stopped the corpus from being written: a read-only folder,
    a full disk, a file where a folder should be, another build."""
    if isinstance(error, OSError):
        return f"{error.filename or corpus}: cannot be written ({error.strerror or error})"
    return str(error)


def _build(seeds: Path, corpus: Path, *, write: bool, cache: Path | None, jobs: int | None,
           progress: bool, held: ExitStack, year: int | None = None) -> BuildResult:
    result = BuildResult()
    jobs = jobs or os.cpu_count() or 1
    try:
        # Each read once: parsed, and keying the cache, from the same bytes.
        editorial = [_optional_bytes(seeds / name) for name in ("taxonomy.yml", "speakers.yml")]
        taxonomy = _load_taxonomy(seeds / "taxonomy.yml", editorial[0])
        registry = _load_speakers(seeds / "speakers.yml", editorial[1])
    except SeedError as error:  # every seed's: nothing is built, no corpus folder made
        result.errors.append(str(error))
        return result
    result.warnings.extend(_missing_editorial(seeds, editorial))
    # Held from before the first seed is read: a second build is refused at once.
    if write and not _hold(corpus, held, result):
        return result

    # One cache folder per seeds folder: entries are named by seed file.
    page_cache = PageCache(cache / hashlib.sha1(str(seeds.resolve()).encode()).hexdigest()[:12] if cache else None)
    with result.stage("read+layout"):
        paths, inputs = [], []
        try:
            listed = seed_paths(seeds, result)
        except OSError as error:
            result.errors.append(f"{seeds}: cannot be read ({error.strerror or error})")
            listed = []
        for path in listed:
            try:
                inputs.append((input_bytes(path), sidecar_bytes(path)))
                paths.append(path)
            except SeedError as error:  # unreadable: reported, and the other seeds still build
                result.errors.append(str(error))
        # A seed with a cache entry for its bytes is not decoded or laid out (its
        # entry holds its reference part), unless its join evidence changed. The
        # bytes read for the key are the ones the workers decode: each file is read once.
        _WORK.clear()
        _WORK.update(paths=paths, seed_bytes=[data for data, _ in inputs],
                     sidecar_bytes=[sidecar for _, sidecar in inputs])
        fingerprint = editorial_fingerprint(*editorial, newsroom_forms_bytes(),  # the registry's default forms
                                            str(year).encode() if year else None)
        keys = [page_key(hashlib.sha256(data).hexdigest(), sidecar, fingerprint)
                for data, sidecar in zip(_WORK["seed_bytes"], _WORK["sidecar_bytes"])]
        entries = [page_cache.load(path.name, key) for path, key in zip(paths, keys)]
        parts = {i: entry.reference for i, entry in enumerate(entries) if entry is not None}
        pages = _read_pages([i for i, entry in enumerate(entries) if entry is None], jobs, progress, result, parts)
    with result.stage("reference"):
        included = _included(parts)
        reference = Reference("\x00".join(text for _, texts in sorted(included.items()) for text in texts))
        now = {paths[i].name: texts for i, texts in included.items()}
        before, after = _changed_text(page_cache.load_reference(), now)
        if before is None:  # every lookup of every cached page is checked: index first
            reference.index()

    with result.stage("pages"):
        results: dict[int, PageResult] = {}
        for i, entry in enumerate(entries):
            if entry is not None and _still_true(entry.lookups, reference, before, after):
                results[i] = entry.value
        stale = [i for i, entry in enumerate(entries) if entry is not None and i not in results]
        pages.update(_read_pages(stale, jobs, progress, result, parts))
        todo = sorted(pages)
        result.cached_pages, result.laid_out_pages = len(results), len(pages)
        if len(todo) >= _INDEX_FROM:
            reference.index()
        # Slugs are URLs: cut with jieba's own dictionary only. Not loaded when nothing is to do.
        _WORK.update(pages=pages, reference=reference, taxonomy=taxonomy, registry=registry, year=year,
                     segmenter=Segmenter() if todo else None)
        # Entries stored from here on were checked against today's text, not the snapshot's:
        # a build cut short must leave no snapshot, so the next one checks every lookup.
        page_cache.drop_reference()
        for index, done in zip(todo, _map(_process_index, todo, jobs, "building", progress)):
            results[index] = done
            page_cache.store(paths[index].name, keys[index], Entry(done.lookups, done, parts[index]))
        page_cache.prune({paths[i].name for i in results})
        page_cache.store_reference(now)
        _WORK.clear()
    if page_cache.problem:
        result.warnings.append(page_cache.problem)

    found: list[tuple[Article, list]] = []
    for _, page_result in sorted(results.items()):
        result.ledgers.append(page_result.ledger)
        result.warnings.extend(page_result.warnings)
        if not page_result.ledger.balanced:
            ledger = page_result.ledger
            result.errors.append(f"{ledger.seed}: {sum(ledger.unaccounted.values())} Han characters unaccounted, "
                                 f"{sum(ledger.duplicated.values())} duplicated (see corpus ledger)")
            continue
        found.extend(zip(page_result.articles, page_result.quotes))
    result.articles = [article for article, _ in found]
    slugs = unique_slugs([(article.front["seed"], article.front["slug"]) for article in result.articles])
    for article, slug in zip(result.articles, slugs):
        article.front["slug"] = slug

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

            try:
                write_corpus(corpus, result.articles, [ledger.as_dict() for ledger in result.ledgers],
                             result.quotes, registry_to_data(result.registry) if result.registry is not None else None,
                             mapper=parallel,
                             memo_file=page_cache.folder / WRITTEN if page_cache.folder else None)
                result.written = True
            except OSError as error:  # a full disk, a read-only folder: raised here or in a worker
                result.errors.append(_write_problem(error, corpus))
            _WORK.clear()
    return result


def _read_pages(indices: list[int], jobs: int, progress: bool, result: BuildResult,
                parts: dict[int, list[tuple[str, int]]]) -> dict[int, Page | bytes]:
    """Read and lay out the seeds at ``indices`` of _WORK["paths"]; their reference
    parts go to ``parts``, errors to ``result``."""
    pages: dict[int, Page | bytes] = {}
    _WORK["packed"] = _parallel(jobs, len(indices))
    for index, read in zip(indices, _map(_read_index, indices, jobs, "reading", progress)):
        if isinstance(read, EmptySeed):
            result.warnings.append(str(read))
        elif isinstance(read, SeedError):
            result.errors.append(str(read))
        else:
            pages[index], parts[index] = read  # a stale cached page's part is the same again
    return pages
