"""Every generated page: src_uri -> Markdown, for the hook to add to MkDocs."""

from __future__ import annotations

from typing import Any

from .articlepage import article_page
from .pages import Catalogue, article_path, index_entry, index_listing
from .quotepages import much_reported, quote_sources_pages, quotes_pages
from .settings import INDEX_KINDS
from .speakerpage import speaker_index, speaker_page


def all_pages(cat: Catalogue, site_url: str | None) -> dict[str, str]:
    pages = {article_path(a): article_page(cat, a, site_url) for a in cat.articles}
    for kind in INDEX_KINDS:
        if not cat.groups(kind):  # see empty_indexes
            continue
        pages[f"{kind.url}/index.md"] = speaker_index(cat) if kind.key == "speakers" else index_listing(cat, kind)
        for ident, articles in cat.groups(kind).items():
            if kind.key == "speakers":
                pages.update(speaker_page(cat, ident, articles))
            else:
                pages.update(index_entry(cat, kind, ident, articles))
    pages.update(quotes_pages(cat))
    for quote in much_reported(cat):
        pages.update(quote_sources_pages(cat, quote))
    return pages


def empty_indexes(cat: Catalogue) -> set[str]:
    """The listings of index families with no entry (a corpus built without a taxonomy
    has no events or themes): not made, and left out of the nav and the home page,
    rather than pages that say there is nothing."""
    return {f"{kind.url}/index.md" for kind in INDEX_KINDS if not cat.groups(kind)}


def nav_without(nav: list[Any], src_uris: set[str]) -> list[Any]:
    """mkdocs.yml's ``nav`` without the entries for ``src_uris``, and without a section
    left empty: MkDocs' strict build fails on a nav entry whose page does not exist."""
    kept = []
    for item in nav:
        title, value = next(iter(item.items())) if isinstance(item, dict) else (None, item)
        if isinstance(value, list):
            inner = nav_without(value, src_uris)
            if inner:
                kept.append({title: inner})
        elif value not in src_uris:
            kept.append(item)
    return kept
