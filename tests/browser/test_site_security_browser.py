"""The hostile site of tests/test_site_security.py in Chromium.

Every page of both editions, the 404 page and the search page with hostile
queries, each with a dialog listener: a payload that ran would open an alert,
or leave an element or attribute behind.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from test_site_security import HEADLINE, PAYLOADS, SITE_NAME, build_hostile_site

pytestmark = pytest.mark.browser
PREFIX = "/zhcorpus/"

# Event handlers on any element, img src=x, a script that calls alert.
INJECTED = """() => {
  const found = [];
  for (const e of document.querySelectorAll("*"))
    for (const a of e.attributes) if (a.name.startsWith("on")) found.push(`<${e.localName} ${a.name}>`);
  for (const e of document.querySelectorAll('img[src="x"]')) found.push("<img src=x>");
  for (const s of document.scripts) if (s.textContent.includes("alert(")) found.push("<script>alert");
  return found;
}"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, serve_folder):
    site = build_hostile_site(tmp_path_factory.mktemp("hostile-browser"))
    with serve_folder(site, PREFIX) as url:
        yield site, url


@pytest.fixture
def dialogs(page):
    """Messages of every dialog the page opens (each dismissed)."""
    opened: list[str] = []
    page.on("dialog", lambda dialog: (opened.append(dialog.message), dialog.dismiss()))
    return opened


def _site_name(url: str) -> str:
    return SITE_NAME.replace("语", "語") if "/zh-Hant/" in url else SITE_NAME


def test_no_payload_runs_on_any_page(page, hostile, dialogs):
    site, base = hostile
    paths = sorted(str(p.relative_to(site).parent) for p in site.rglob("index.html"))
    urls = [base + ("" if path == "." else path + "/") for path in paths] + [base + "no-such-page/"]
    assert len(urls) > 40
    problems = {}
    for url in urls:
        shown = len(dialogs)
        page.goto(url, wait_until="load")
        page.wait_for_timeout(50)  # an onerror of a broken image fires around load
        found = page.evaluate(INJECTED)
        title = page.title()
        if dialogs[shown:] or found or not (title == _site_name(url) or title.endswith(" - " + _site_name(url))):
            problems[url] = {"dialogs": dialogs[shown:], "injected": found, "title": title}
    assert problems == {}


def test_article_pages_show_the_headline_as_text(page, hostile, dialogs):
    site, base = hostile
    slug = next(p.parent.name for p in site.glob("articles/*fenghui*/index.html"))
    page.goto(f"{base}articles/{slug}/")
    assert page.title() == f"{HEADLINE} - {SITE_NAME}"
    assert page.locator("h1").first.inner_text().startswith(HEADLINE)
    assert dialogs == []


@pytest.mark.parametrize("query", [*PAYLOADS, "onerror"])
def test_search_with_a_hostile_query(page, hostile, dialogs, query):
    site, base = hostile
    page.goto(f"{base}search/?q={quote(query)}")
    page.wait_for_function("q => document.getElementById('zh-search').dataset.query === q", arg=query)
    assert page.locator(".zs-input").input_value() == query
    assert page.locator(".zh-header-search__input").input_value() == query
    if query == "onerror":  # found in titles: shown as text
        assert HEADLINE in page.locator(".zs-results").inner_text()
    assert page.evaluate(INJECTED) == []
    assert dialogs == []
