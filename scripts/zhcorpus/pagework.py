"""One seed page through the per-page stages: columns -> segment -> articles -> ledger -> quotes.

Pages are independent here (the cross-page part, the join evidence, is a
read-only ``Reference``), so this runs in worker processes, and its result is
what the cache stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .articles import PageContext, make_article, written_texts
from .columns import Reference, link_continuations, reading_chains
from .enrich import Taxonomy
from .ledger import SeedLedger, account
from .layout import Block
from .metadata import dateline_date, mentioned_dates, page_year
from .quotebook import article_quotes
from .quotes import Quote
from .readers import Seed
from .segment import Draft, assemble
from .segmenter import Segmenter
from .sidecars import Sidecar
from .speakers import Registry
from .writers import Article


@dataclass
class Page:
    seed: Seed
    sidecar: Sidecar
    blocks: list[Block]


@dataclass
class PageResult:
    seed: str
    articles: list[Article]
    quotes: list[list[Quote]]               # per article, in article order
    ledger: SeedLedger
    lookups: dict[str, bool] = field(default_factory=dict)   # join evidence consulted


class RecordingReference:
    """Delegates to the shared reference and remembers what was asked."""

    def __init__(self, reference: Reference):
        self.reference = reference
        self.lookups: dict[str, bool] = {}

    def __contains__(self, fragment: str) -> bool:
        found = fragment in self.reference
        self.lookups[fragment] = found
        return found


def process_page(page: Page, reference: Reference, taxonomy: Taxonomy, registry: Registry,
                 segmenter: Segmenter) -> PageResult:
    recording = RecordingReference(reference)
    context, drafts = page_drafts(page, recording)  # type: ignore[arg-type]
    articles = [make_article(context, draft, taxonomy, registry, segmenter) for draft in drafts]
    ledger = page_ledger(page.seed, articles, drafts)
    quotes = [article_quotes(article, registry, segmenter) for article in articles]
    return PageResult(page.seed.name, articles, quotes, ledger, recording.lookups)


def page_drafts(page: Page, reference: Reference) -> tuple[PageContext, list[Draft]]:
    """The page's articles as printed (drafts), and what each needs to know of the page."""
    links = link_continuations(page.blocks, reference)
    drafts = assemble(page.blocks, reading_chains(page.blocks, links), links)
    year = page_year((b.text for b in page.blocks), page.sidecar)
    page_dates = [d for d in (dateline_date(dr.dateline, year) for dr in drafts) if d]
    if year and not page_dates:  # no dated dateline: the latest date the page reports
        page_dates = mentioned_dates(page.seed.text, year)
    return PageContext(page.seed, page.sidecar, year, page_dates), drafts


def page_ledger(seed: Seed, articles: list[Article], drafts: list[Draft]) -> SeedLedger:
    """The seed's Han characters against what its articles write (front matter and
    body, see articles.written_texts) and what was dropped on purpose."""
    written = [written_texts(article, draft) for article, draft in zip(articles, drafts, strict=True)]
    return account(seed.name, seed.text,
                   (text for body, _ in written for text in body),
                   (text for _, front in written for text in front),
                   (item for draft in drafts for item in draft.dropped))
