"""The files the web reads beside the pages: feeds, downloads and the data page.

The hook's only link to feeds.py, downloads.py and webmeta.py: it calls
:func:`pages` (Markdown, rendered like every generated page), :func:`static`
(bytes, copied as they are) and :func:`page_facts`. The downloads are the corpus,
the same in both editions, so only the Simplified edition carries them; the
Traditional data page links to that one copy.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import downloads, edition, feeds, webmeta
from .pages import Catalogue
from .settings import Settings

DATA_PAGE = f"{downloads.DATA_URL}/index.md"
_PACKAGE_README = Path(__file__).resolve().parents[3] / "README.md"


def _readme(config_dir: Path) -> str:
    """The README whose front-matter table the data page's schema comes from."""
    for path in (config_dir / "README.md", _PACKAGE_README):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


def _read(path: Path) -> bytes:
    return path.read_bytes() if path.is_file() else b""


def data_files(cat: Catalogue, conf: Settings, config_dir: Path) -> dict[str, bytes]:
    """Made once per build (the data page and the copies both need them)."""
    return cat.derived("downloads", lambda: downloads.data_files(
        _read(conf.corpus_dir / "articles.jsonl"), _read(conf.quotes_file), _readme(config_dir)))


def pages(cat: Catalogue, conf: Settings, config_dir: Path) -> dict[str, str]:
    """src_uri -> Markdown: the data page."""
    prefix = "" if cat.edition == edition.HANS else "../../" + downloads.DATA_URL + "/"
    return {DATA_PAGE: downloads.data_page(data_files(cat, conf, config_dir), _readme(config_dir), prefix)}


def static(cat: Catalogue, conf: Settings, config_dir: Path, site_url: str, site_name: str) -> dict[str, bytes]:
    """Site-relative path -> bytes: the edition's feeds, and the downloads in the Simplified one."""
    out = feeds.feed_files(cat, site_url, str(site_name))
    if cat.edition == edition.HANS:
        out.update(data_files(cat, conf, config_dir))
    return out


def page_facts(cat: Catalogue, site_description: str) -> dict[str, webmeta.PageFacts]:
    # The data page is not here: its description is its own first paragraph, made
    # from the data files it lists (webmeta.hand_written_facts).
    return webmeta.page_facts(cat, str(site_description))


# Material's bundle fetches sitemap.xml beside the address of every <link rel=alternate>
# (for its language selector, which we do not use: the 简/繁 switcher is our own).
# Our hreflang and feed links point at pages and feeds, so each page view asked for
# 3 missing files (<page>/sitemap.xml), from the absolute site_url's host. The
# selector is narrowed to links nothing on the site carries. Idempotent (a dirty
# build keeps the patched bundle); tests/browser's crawl fails if Material renames it.
# Material 9.6 reads [rel=alternate] only inside the sitemap it fetched for its selector: nothing
# to narrow there. The minified function's name changes between releases: any name is read.
_ALTERNATES_FETCHED = re.compile(r'\b(\w+)\("link\[rel=alternate\]"\)')
_NONE_FETCHED = r'\1("link[rel=alternate][data-zh-material-alternate]")'


def without_alternate_fetches(script: str) -> str:
    return _ALTERNATES_FETCHED.sub(_NONE_FETCHED, script)
