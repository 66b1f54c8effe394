"""The search page of a built site whose index was tampered with, in Chromium.

A copy of the built site is changed on disk and served. A manifest of another
format stops the search with a clear error. A chunk whose links leave the site
(another scheme, another host, an absolute URL or path, ../ out of the site)
fails its query with a clear error, and none of them becomes a link.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
PREFIX = "/zhcorpus/"
QUERY = "峰会"  # in titles and paragraphs of every chunk of the seeds' site

LINKS_LEAVING_THE_SITE = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",  # browsers drop tabs and newlines from URLs
    " javascript:alert(1)",   # ... and leading blanks
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/articles/",
    "https://evil.example/articles/",
    "\\\\evil.example/articles/",  # read as //
    "/zhcorpus/articles/",        # absolute, even on this host
    "../../outside/",
    "%2e%2e/%2e%2e/outside/",
]


def _tamper_links(search: Path, link: str) -> None:
    for chunk in search.glob("chunks/*.json"):
        data = json.loads(chunk.read_text(encoding="utf-8"))
        data["pages"] = [[link, title] for _, title in data["pages"]]
        chunk.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _tamper_manifest(search: Path, key: str, value) -> None:
    manifest = json.loads((search / "manifest.json").read_text(encoding="utf-8"))
    if value is None:
        del manifest[key]
    else:
        manifest[key] = value
    (search / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


@pytest.fixture
def tampered(built_site, tmp_path, serve_folder):
    """Copy the site, let the test change its search/, serve it: yields (search dir, open)."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)

    def open_search(page, query: str) -> dict:
        dialogs = []
        page.set_default_timeout(10_000)  # a page answers in well under a second
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        with serve_folder(site, PREFIX) as url:
            page.goto(f"{url}search/?q={query}")
            page.wait_for_function("q => { const root = document.getElementById('zh-search');"
                                   " return root.dataset.state === 'error' || root.dataset.query === q; }", arg=query)
            return {"state": page.locator("#zh-search").get_attribute("data-state"),
                    "status": page.locator(".zs-status").inner_text(),
                    "hrefs": page.eval_on_selector_all(".zs-results a", "as => as.map(a => a.href)"),
                    "base": url, "dialogs": dialogs}

    return site / "search", open_search


def test_an_untouched_copy_searches(page, tampered):
    _, open_search = tampered
    shown = open_search(page, QUERY)
    assert shown["state"] == "ready" and shown["hrefs"]
    assert all(h.startswith(shown["base"]) for h in shown["hrefs"])


@pytest.mark.parametrize("link", LINKS_LEAVING_THE_SITE)
def test_a_link_leaving_the_site_is_an_error_never_a_link(page, tampered, link):
    search, open_search = tampered
    _tamper_links(search, link)
    shown = open_search(page, QUERY)
    assert shown["state"] == "error"
    assert "is not a link inside this site" in shown["status"] and "search/chunks/" in shown["status"]
    assert shown["hrefs"] == [] and shown["dialogs"] == []


@pytest.mark.parametrize("key, value, says", [
    ("format", 2, "format 2, this page reads format 1"),
    ("format", "1", 'format "1", this page reads format 1'),
    ("format", None, "format missing"),
    ("version", "../../x", 'version "../../x" is not hex'),
])
def test_a_manifest_of_another_format_is_a_clear_error(page, tampered, key, value, says):
    search, open_search = tampered
    _tamper_manifest(search, key, value)
    shown = open_search(page, QUERY)
    assert shown["state"] == "error"
    assert "search/manifest.json" in shown["status"] and says in shown["status"]
    assert shown["hrefs"] == []
