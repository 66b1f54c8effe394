"""Every generated page: src_uri -> Markdown, for the hook to add to MkDocs."""

from __future__ import annotations

from .articlepage import article_page
from .pages import Catalogue, article_path, index_entry, index_listing
from .quotepages import much_reported, quote_sources_pages, quotes_pages
from .settings import INDEX_KINDS
from .speakerpage import speaker_page


def all_pages(cat: Catalogue, site_url: str | None) -> dict[str, str]:
    pages = {article_path(a): article_page(cat, a, site_url) for a in cat.articles}
    for kind in INDEX_KINDS:
        pages[f"{kind.url}/index.md"] = index_listing(cat, kind)
        for ident, articles in cat.groups(kind).items():
            if kind.key == "speakers":
                pages.update(speaker_page(cat, ident, articles))
            else:
                pages.update(index_entry(cat, kind, ident, articles))
    pages.update(quotes_pages(cat))
    for quote in much_reported(cat):
        pages.update(quote_sources_pages(cat, quote))
    return pages
