"""One seed page through the per-page stages: columns -> segment -> articles -> ledger -> quotes.

Pages are independent here (the cross-page part, the join evidence, is a
read-only ``Reference``), so this runs in worker processes, and its result is
what the cache stores.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zhcorpus.articles.finish import PageContext, make_article, written_texts
from zhcorpus.reading.columns import Reference, link_continuations, reading_chains
from zhcorpus.articles.datelines import draft_marks, lift_lead, page_facts
from zhcorpus.articles.enrich import Taxonomy
from zhcorpus.corpus.ledger import SeedLedger, account
from zhcorpus.reading.layout import Block
from zhcorpus.articles.metadata import PageDates, dateline_date, page_year
from zhcorpus.articles.outlets import Registry as Outlets
from zhcorpus.quotes.quotebook import article_quotes
from zhcorpus.quotes.direct import Quote
from zhcorpus.reading.readers import Seed
from zhcorpus.reading.segment import Draft, assemble
from zhcorpus.language.segmenter import Segmenter
from zhcorpus.editorial.sidecars import Sidecar
from zhcorpus.quotes.speakers import Registry
from zhcorpus.corpus.writers import Article
from zhcorpus.articles.latin import LatinPage, make_latin_article, print_name_index
from zhcorpus.articles.latin import page_facts as latin_page_facts
from zhcorpus.language.detect import detect_lang, is_chinese
from zhcorpus.quotes.latin import latin_quotes
from zhcorpus.reading.latin import latin_drafts


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
    warnings: list[str] = field(default_factory=list)        # an article with no outlet or no date


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
                 segmenter: Segmenter, year: int | None = None) -> PageResult:
    """``year``: the year of a page that prints none (``zhcorpus build --year``)."""
    lang = page_lang(page)
    if not is_chinese(lang):
        return process_latin_page(page, lang, taxonomy, registry, year)
    recording = RecordingReference(reference)
    context, drafts = page_drafts(page, recording, taxonomy.registry, year)  # type: ignore[arg-type]
    warnings: list[str] = []
    articles = [make_article(context, draft, taxonomy, registry, segmenter, warnings) for draft in drafts]
    ledger = page_ledger(page.seed, articles, drafts)
    quotes = [article_quotes(article, registry, segmenter) for article in articles]
    return PageResult(page.seed.name, articles, quotes, ledger, recording.lookups, warnings)


def page_lang(page: Page) -> str:
    """The page's language: its sidecar's ``lang``, else the one its text is written in."""
    return page.sidecar.lang or detect_lang(page.seed.text)


def process_latin_page(page: Page, lang: str, taxonomy: Taxonomy, registry: Registry,
                       year: int | None = None) -> PageResult:
    """An English or Russian page: read by reading/latin, its quotes by quotes/latin."""
    index = print_name_index(taxonomy)
    drafts, units = latin_drafts(page.seed.text, frozenset(index))
    masthead, printed, known_year = latin_page_facts(units, index, page.sidecar, year)
    context = LatinPage(page.seed, page.sidecar, lang, masthead, printed, known_year)
    warnings: list[str] = []
    articles = [make_latin_article(context, draft, taxonomy, registry, warnings) for draft in drafts]
    ledger = page_ledger(page.seed, articles, drafts)
    quotes = [latin_quotes([(p.anchor, p.text) for p in a.body if p.role == "p"], lang, registry) for a in articles]
    return PageResult(page.seed.name, articles, quotes, ledger, {}, warnings)


def page_drafts(page: Page, reference: Reference, outlets: Outlets | None = None,
                year: int | None = None) -> tuple[PageContext, list[Draft]]:
    """The page's articles as printed (drafts), and what each needs to know of the page:
    with the outlet registry, the dateline and byline that open an article lifted
    into its fields, and the page's masthead and printed date read."""
    outlets = outlets or Outlets()
    links = link_continuations(page.blocks, reference)
    drafts = assemble(page.blocks, reading_chains(page.blocks, links), links)
    for draft in drafts:
        lift_lead(draft, outlets)
    facts = page_facts(page.blocks, outlets)
    known_year = page_year(page.sidecar, facts.printed, year)
    reference_date = facts.printed or page.sidecar.date
    dated = {d for d in (dateline_date(draft_marks(dr, outlets)[0], dr.dateline, known_year, reference_date)
                         for dr in drafts) if d}
    dates = PageDates(known_year, facts.printed, dated.pop() if len(dated) == 1 else None)
    return PageContext(page.seed, page.sidecar, dates, facts.masthead), drafts


def page_ledger(seed: Seed, articles: list[Article], drafts: list[Draft]) -> SeedLedger:
    """The seed's Han characters against what its articles write (front matter and
    body, see articles.written_texts) and what was dropped on purpose."""
    written = [written_texts(article, draft) for article, draft in zip(articles, drafts, strict=True)]
    return account(seed.name, seed.text,
                   (text for body, _ in written for text in body),
                   (text for _, front in written for text in front),
                   (item for draft in drafts for item in draft.dropped))
