"""The folder `zhcorpus site` writes builds with Zensical as with MkDocs + Material.

Zensical runs no MkDocs hooks, so everything a reader follows must come from
the generated folder: the same pages in both editions, every internal link and anchor resolving,
and our search index files, byte for byte. What only the hooks add to the HTML
(paragraph ¶ links, <html lang>, ...) is listed in the README as a difference.

Needs the [zensical] extra, which scripts/test.sh installs (the run at the lowest
dependency versions does not: there it skips).
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from zhcorpus.site.buildrun import FIXTURES, build_staged

pytest.importorskip("zensical", reason="the [zensical] extra is not installed")

INPUTS = (FIXTURES / "corpus", FIXTURES / "seeds" / "taxonomy.yml", FIXTURES / "seeds" / "speakers.yml")
HREF = re.compile(r'<a\b[^>]*?\bhref="([^"]*)"')
ID = re.compile(r'\bid="([^"]+)"')


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("parity")
    out = {}
    for builder in ("mkdocs", "zensical"):
        # Zensical wants the site inside the configuration's folder.
        result = build_staged(root / builder / "site", *INPUTS, out_dir=root / builder, builder=builder)
        assert result.returncode == 0, result.log
        out[builder] = result.site_dir
    return out


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}


def _internal_links(site: Path, page: str) -> set[tuple[str, str]]:
    """(target page, anchor) of every link into the site, as paths inside it."""
    base = "https://example.github.io/zhcorpus/"  # mkdocs.yml's default site_url; zh-Hant/ below it
    here = urljoin(base, page)
    out = set()
    for href in HREF.findall((site / page).read_text(encoding="utf-8")):
        target = urlsplit(urljoin(here, htmllib.unescape(href)))
        if target.scheme not in ("http", "https") or target.netloc != "example.github.io":
            continue
        path = unquote(target.path)
        if not path.startswith("/zhcorpus/"):
            continue
        path = path[len("/zhcorpus/"):]
        if path == "" or path.endswith("/"):
            path += "index.html"
        out.add((path, target.fragment))
    return out


def test_the_same_pages(sites):
    assert _pages(sites["mkdocs"]) == _pages(sites["zensical"])


def test_every_link_and_anchor_resolves_in_both(sites):
    for builder, site in sites.items():
        broken = []
        for page in sorted(_pages(site)):
            for target, anchor in _internal_links(site, page):
                path = site / target
                if not path.is_file():
                    broken.append(f"{page} -> {target}")
                elif anchor and anchor not in ID.findall(path.read_text(encoding="utf-8")):
                    broken.append(f"{page} -> {target}#{anchor}")
        assert broken == [], builder


def test_the_same_links_between_pages(sites):
    """Every page links to the same other pages and anchors in both. Links to
    itself are left out: MkDocs' hooks add the paragraph ¶ links, Zensical not."""
    for page in sorted(_pages(sites["mkdocs"])):
        ours, theirs = (
            {link for link in _internal_links(site, page) if link[0] != page and link[0] != "index.html"}
            for site in (sites["mkdocs"], sites["zensical"]))
        assert ours == theirs, page


def test_our_search_index_is_there_and_identical(sites):
    def files(site: Path) -> dict[str, bytes]:
        return {p.relative_to(site).as_posix(): p.read_bytes()
                for folder in (site / "search", site / "zh-Hant" / "search")
                for p in folder.rglob("*") if p.is_file() and p.name != "index.html"}

    ours, theirs = files(sites["mkdocs"]), files(sites["zensical"])
    assert {"search/manifest.json", "zh-Hant/search/manifest.json"} <= ours.keys()
    assert ours == theirs
