"""Issue 20: the cost of a page grows with its size, not with its square.

Timing on a shared machine proves little, so these tests count work: lines of
Python run (a trace function) plus the characters the code slices out of the
page's text, for a page and for the same page twice as long. Linear work doubles;
the code before the fix grew about four times (a 1 MB one-line page took 7 s,
5 MB 164 s). The pages are real seed text (articles, quotes, commas, the
Traditional page, hard wraps) repeated, as scripts/bench_pagesize.py builds them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from zhcorpus.build.pipeline import reference_part
from zhcorpus.reading.columns import Reference
from zhcorpus.articles.enrich import load_taxonomy
from zhcorpus.reading.layout import page_blocks
from zhcorpus.build.pagework import Page, process_page
from zhcorpus.reading.readers import Seed
from zhcorpus.language.segmenter import Segmenter
from zhcorpus.editorial.sidecars import Sidecar
from zhcorpus.quotes.speakers import load_registry

ROOT = Path(__file__).resolve().parents[1]
LINEAR = 2.5  # work on a page twice as long, over work on the page: 2 is linear, 4 quadratic


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def big_page(size: int, shape: str) -> str:
    return _load("bench_pagesize", ROOT / "scripts/bench_pagesize.py").big_page(ROOT / "seeds", size, shape)


class Text(str):
    """A page's text that counts the characters sliced out of it (a slice of the
    whole paragraph per quote was one of the quadratic costs)."""

    sliced = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        Text.sliced += len(piece)
        return piece


def work(call) -> int:
    """Lines of Python that ``call()`` runs, plus the characters it slices out of a Text."""
    lines = 0

    def trace(frame, event, arg):
        nonlocal lines
        if event == "line":
            lines += 1
        return trace

    Text.sliced = 0
    sys.settrace(trace)
    try:
        call()
    finally:
        sys.settrace(None)
    return lines + Text.sliced


@pytest.fixture(scope="module")
def registry():
    return load_registry(ROOT / "seeds/speakers.yml")


def _quotes_work(module, registry, size: int) -> int:
    text = Text(big_page(size, "one-line"))
    module.extract_quotes([("p1", big_page(10_000, "one-line"))], article_kind="report", registry=registry)  # warm up
    return work(lambda: module.extract_quotes([("p1", text)], article_kind="report", registry=registry))


def test_quotes_of_a_long_paragraph_cost_its_length(registry):
    import zhcorpus.quotes.direct

    small, large = (_quotes_work(zhcorpus.quotes.direct, registry, size) for size in (60_000, 120_000))
    assert large / small <= LINEAR, (small, large)


def test_the_counter_sees_the_quadratic_cost_of_the_code_before(registry):
    """The work counter is sharp enough: the spec (quotes/direct.py before issue 20) fails it."""
    spec = _load("quotes_as_first_written", ROOT / "tests/specs/quotes_as_first_written.py")
    small, large = (_quotes_work(spec, registry, size) for size in (60_000, 120_000))
    assert large / small > 3, (small, large)


@pytest.fixture(scope="module")
def page_tools(registry):
    return load_taxonomy(ROOT / "seeds/taxonomy.yml"), registry, Segmenter()


def _page_work(size: int, shape: str, tools) -> int:
    text = big_page(size, shape)
    page = Page(Seed("page.txt", "0" * 64, text, "utf-8"), Sidecar(source="xinhua", year=2025),
                page_blocks(text))
    reference = Reference("\x00".join(t for t, _ in reference_part(page))).index()
    process_page(page, reference, *tools)  # warm up: what is loaded once, the tables and patterns
    return work(lambda: process_page(page, reference, *tools))


@pytest.mark.parametrize("shape", ["one-line", "lines"])
def test_a_page_twice_as_long_costs_twice_as_much(shape, page_tools):
    small, large = (_page_work(size, shape, page_tools) for size in (500_000, 1_000_000))
    assert large / small <= LINEAR, (small, large)


class CountingReference(Reference):
    """The page's reference, counting the join strings looked up in it."""

    def __init__(self, text: str):
        super().__init__(text)
        self.lookups = 0

    def __contains__(self, fragment: str) -> bool:
        self.lookups += 1
        return super().__contains__(fragment)


def _join_lookups(size: int) -> int:
    from zhcorpus.reading.columns import link_continuations

    text = big_page(size, "lines")
    blocks = page_blocks(text)
    reference = CountingReference("\x00".join(t for t, _ in reference_part(Page(None, None, blocks)))).index()
    link_continuations(blocks, reference)
    return reference.lookups


def test_column_joins_looked_up_grow_with_the_page():
    """Every cut was scored against every candidate: 481k join checks on a 2 MB page."""
    small, large = _join_lookups(500_000), _join_lookups(1_000_000)
    assert large / small <= LINEAR, (small, large)


def _assembly_work(size: int) -> int:
    from zhcorpus.reading.columns import link_continuations, reading_chains
    from zhcorpus.reading.segment import assemble

    blocks = page_blocks(big_page(size, "lines"))
    links = link_continuations(blocks, Reference("\x00".join(t for t, _ in reference_part(Page(None, None, blocks)))))
    chains = reading_chains(blocks, links)
    return work(lambda: assemble(blocks, chains, links))


def test_assembling_articles_grows_with_the_page():
    """Every block read went through every lifted pull-quote, caption and QR notice."""
    small, large = _assembly_work(500_000), _assembly_work(1_000_000)
    assert large / small <= LINEAR, (small, large)


def test_a_long_hard_wrapped_paragraph_is_unwrapped_in_linear_time():
    """A narrow column whose lines are all full is one paragraph: each line was joined to
    all the paragraph before it and searched from its start (C code, which the work
    counter does not see, hence a clock: generous, the code before took 12 s, now 0.3 s)."""
    import time

    from zhcorpus.language.han import HAN

    text = "".join(c for c in big_page(2_000_000, "one-line") if HAN.match(c))[:400_000]
    lines = "\n".join(text[i:i + 15] for i in range(0, len(text), 15))
    started = time.process_time()
    blocks = page_blocks(lines)
    assert time.process_time() - started < 4
    assert [b.text for b in blocks] == [text]
