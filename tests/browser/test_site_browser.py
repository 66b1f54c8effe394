"""The built site in a real Chromium: navigation, tabs, search, links, a11y."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from zhcorpus.site.buildrun import REPO, inputs_for_tests
from zhcorpus.site.corpus import load_articles

pytestmark = pytest.mark.browser

# README images are refreshed with ZHCORPUS_SCREENSHOTS=docs/assets/screenshots;
# ordinary runs write to build/ so the working tree stays clean.
SCREENSHOTS = REPO / os.environ.get("ZHCORPUS_SCREENSHOTS", "build/screenshots")
INDEXES = ("按事件", "按人物", "按主题", "按媒体", "按日期")
AXE_CANDIDATES = (
    REPO / "build" / "npm" / "node_modules" / "axe-core" / "axe.min.js",
    REPO / "node_modules" / "axe-core" / "axe.min.js",
)


@pytest.fixture(scope="module")
def articles():
    return load_articles(Path(inputs_for_tests()["corpus"]) / "articles")


def _shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_home(page, base_url):
    page.goto(base_url)
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert "第二届中国—中亚峰会" in page.locator("h1").inner_text()
    for day in ("2025-06-15", "2025-06-16", "2025-06-17", "2025-06-18"):
        assert page.locator(f"#day-{day}").is_visible()
    _shot(page, "home")


@pytest.mark.parametrize("index", INDEXES)
def test_reach_an_article_through_each_index(page, base_url, index):
    page.goto(base_url)
    page.locator(".md-content").get_by_role("link", name=index, exact=True).click()
    page.wait_for_url(re.compile(r"/zhcorpus/\w+/$"))
    page.locator(".md-content li a").first.click()  # one event/speaker/... page
    # Speaker pages list quotes (links to a paragraph, #pN) before articles.
    page.locator(".md-content li a[href*='articles/']:not([href*='#'])").first.click()
    page.wait_for_url(re.compile(r"/zhcorpus/articles/[a-z0-9-]+/$"))
    assert page.locator("#p1").is_visible()
    assert page.locator(".zh-plink[href='#p1']").is_visible()


def test_speaker_page(page, base_url, articles):
    speaker = next(s for a in articles for s in a.speakers if s == "tokayev") if any(
        "tokayev" in a.speakers for a in articles) else articles[0].speakers[0]
    page.goto(urljoin(base_url, f"speakers/{speaker}/"))
    assert page.locator(".md-content a[href*='articles/']").count() >= 1
    _shot(page, "speaker")


# Phrases of a Tokayev quote (real corpus, fixtures).
QUOTE_PHRASES = ("中亚—中国框架将成为一个建设性", "中亚与中国的伙伴关系正迈向新的高度")


@pytest.fixture(scope="module")
def quotes():
    from zhcorpus.site.quotedata import load_quotes

    return load_quotes(Path(inputs_for_tests()["corpus"]) / "quotes.jsonl")


def _hant(text):
    from zhcorpus.language.convert import to_hong_kong

    return to_hong_kong(text)


def _wait_results(page, query):
    page.wait_for_function(
        "q => { const r = document.querySelector('#zh-search'); return r && r.dataset.query === q && r.dataset.state === 'ready'; }",
        arg=query, timeout=15000)
    return page.eval_on_selector_all(".zs-results a", "els => els.map(e => e.href)")


def _search(page, base_url, query):
    """Type into the header field on the home page; Enter opens the search page."""
    page.goto(base_url)
    page.locator(".zh-header-search__input").fill(query)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q="))
    return _wait_results(page, query)


def _first_result(page):
    return page.locator(".zs-group").first.locator("a").evaluate_all("els => els.map(e => e.href)")


def _found_quote(quotes):
    found = [(q, p) for q in quotes for p in QUOTE_PHRASES if p in q.text]
    if not found:
        pytest.skip("no known quote phrase in this corpus")
    return found[0]


def test_search_for_a_quote_lands_on_it(page, base_url, quotes):
    quote, phrase = _found_quote(quotes)
    _search(page, base_url, phrase)
    first = _first_result(page)
    quotes_root = urlsplit(urljoin(base_url, "quotes/")).path  # quotes/ or quotes/page-N/
    on_quote_entry = any(path.startswith(quotes_root) and anchor == quote.id
                         for path, anchor in ((urlsplit(h).path, urlsplit(h).fragment) for h in first))
    paragraphs = {(urlsplit(urljoin(base_url, f"articles/{s.slug}/")).path, s.anchor) for s in quote.sources}
    targets = {(urlsplit(h).path, urlsplit(h).fragment) for h in first}
    assert on_quote_entry or targets & paragraphs, first
    # A quote result links to the paragraph that prints it (issue 16), marked on arrival.
    source = quote.sources[0]
    page.locator(f".zs-results li.zs-quote a.zs-snippet[href$='articles/{source.slug}/#{source.anchor}']").first.click()
    page.wait_for_url(re.compile(rf"/zhcorpus/articles/{source.slug}/#{source.anchor}$"))
    assert page.locator(f"#{source.anchor}.zh-arrived").is_visible()


def test_traditional_query_finds_the_same(page, base_url, quotes):
    quote, phrase = _found_quote(quotes)
    simplified = _search(page, base_url, phrase)
    assert _hant(phrase) != phrase
    assert _search(page, base_url, _hant(phrase)) == simplified
    # A phrase in corner quotes is one exact phrase, in either script.
    assert _search(page, base_url, "「中國—中亞精神」") == _search(page, base_url, "中国—中亚精神")
    assert page.locator(".zs-results mark").count() >= 1


def test_english_name_finds_chinese(page, base_url, quotes):
    hrefs = _search(page, base_url, "Tokayev")
    assert hrefs, "no result for Tokayev"
    marks = set(page.eval_on_selector_all(".zs-results mark", "els => els.map(e => e.textContent)"))
    assert "托卡耶夫" in marks, marks
    said = [q for q in quotes if q.speaker_id == "tokayev"]
    if said:
        # A quote result links to the paragraph that prints it (issue 16).
        assert any(h.endswith(f"articles/{q.slug}/#{q.anchor}") for q in said for h in hrefs), hrefs


def test_speaker_page_shows_his_quote(page, base_url, quotes):
    said = [q for q in quotes if q.speaker_id == "tokayev"]
    if not said:
        pytest.skip("no Tokayev quote in this corpus")
    page.goto(urljoin(base_url, "speakers/tokayev/"))
    assert "Kassym-Jomart Tokayev" in page.locator(".md-content").inner_text()
    text = page.locator(f"#{said[0].id}").inner_text()
    assert said[0].text[:10] in text
    source = said[0].sources[0]
    page.locator(f".md-content a[href$='articles/{source.slug}/#{source.anchor}']").first.click()
    page.wait_for_url(re.compile(rf"/articles/{source.slug}/#{source.anchor}$"))
    assert page.locator(f"#{source.anchor}").is_visible()


def test_original_tab_on_traditional_article(page, base_url, articles):
    hant = next(a for a in articles if a.script_original == "zh-Hant" and a.original)
    page.goto(urljoin(base_url, f"articles/{hant.slug}/"))
    assert page.locator("#p1").is_visible()
    assert not page.locator("#orig-p1").is_visible()
    page.locator(".tabbed-labels label", has_text="原文").click()
    assert page.locator("#orig-p1").is_visible()
    first = hant.original["paragraphs"][0]["text"]
    assert page.locator("#orig-p1").inner_text().startswith(first[:10])
    _shot(page, "article-original")
    page.locator(".tabbed-labels label", has_text="简体").click()
    page.wait_for_timeout(400)  # let Material's tab indicator finish moving
    _shot(page, "article")


@pytest.mark.parametrize("query", ["托卡耶夫", "阿斯塔纳宣言"])
def test_chinese_search(page, base_url, articles, query):
    expected = {f"articles/{a.slug}/" for a in articles if query in a.body or query in a.title}
    assert expected, f"no article mentions {query}"
    hrefs = _search(page, base_url, query)
    paths = {urlsplit(h).path for h in hrefs}
    assert any(p.endswith(e) for p in paths for e in expected), paths
    # Every result links to a page of this site, most to an exact paragraph or quote.
    assert all(h.startswith(base_url) for h in hrefs)
    assert any(re.search(r"#(p\d+|q-[0-9a-z]+)$", h) for h in hrefs)
    if query == "托卡耶夫":
        _shot(page, "search")


# --- the Traditional edition ----------------------------------------------------


def test_switch_editions_and_stay_on_the_page(page, base_url, articles):
    slug = articles[0].slug
    page.goto(urljoin(base_url, f"articles/{slug}/"))
    page.locator(".zh-edition a[lang='zh-Hant']").click()
    page.wait_for_url(urljoin(base_url, f"zh-Hant/articles/{slug}/"))
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    assert page.locator("#p1").is_visible()
    page.locator(".zh-edition a[lang='zh-Hans']").click()
    page.wait_for_url(urljoin(base_url, f"articles/{slug}/"))
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.goto(urljoin(base_url, "zh-Hant/"))
    page.locator(".zh-edition a[lang='zh-Hans']").click()
    page.wait_for_url(base_url)


def test_hong_kong_article_as_printed_in_traditional(page, base_url, articles):
    hk = next(a for a in articles if a.script_original == "zh-Hant" and a.original)
    page.goto(urljoin(base_url, f"zh-Hant/articles/{hk.slug}/"))
    first = hk.original["paragraphs"][0]
    assert page.locator(f"#{first['anchor']}").inner_text().startswith(first["text"][:10])
    _shot(page, "article-hant")


def test_search_in_the_traditional_edition(page, base_url, quotes):
    quote, phrase = _found_quote(quotes)
    page.goto(urljoin(base_url, "zh-Hant/"))
    page.locator(".zh-header-search__input").fill(phrase)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/zh-Hant/search/\?q="))
    hrefs = _wait_results(page, phrase)
    assert hrefs and all(h.startswith(urljoin(base_url, "zh-Hant/")) for h in hrefs), hrefs
    snippets = page.locator(".zs-snippet").all_inner_texts()
    assert any(_hant(phrase) in s.replace("…", "") for s in snippets), snippets
    # The search UI speaks Traditional here too.
    assert "條結果" in page.locator(".zs-status").inner_text()
    assert page.locator(".zs-filters summary").inner_text() == "篩選"
    page.locator(f".zs-results li.zs-quote a.zs-snippet[href$='articles/{quote.slug}/#{quote.anchor}']").first.click()
    page.wait_for_url(re.compile(rf"/zhcorpus/zh-Hant/articles/{quote.slug}/#{quote.anchor}$"))
    assert page.locator("html").get_attribute("lang") == "zh-Hant"


DOWNLOADS = (".jsonl", ".csv")


def test_crawl_every_page_same_host_no_broken_links(page, base_url, built_site):
    origin = urlsplit(base_url).netloc
    requests, failures = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    seen, queue = set(), [base_url]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        if urlsplit(url).path.endswith(DOWNLOADS):
            # A data file (数据下载) starts a download, not a page: fetched, not visited.
            response = page.request.get(url)
            if response.status >= 400:
                failures.append(f"{response.status} {url}")
            continue
        page.goto(url)
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            target = urldefrag(href)[0]
            if urlsplit(target).netloc == origin and target.startswith(base_url) and target not in seen:
                queue.append(target)
    pages = len(list(built_site.rglob("index.html")))
    assert len(seen) >= pages, (len(seen), pages)
    assert failures == []
    foreign = [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != origin]
    assert foreign == []


def test_404_page_under_sub_path(page, base_url):
    response = page.goto(urljoin(base_url, "no/such/page/"))
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    # The stylesheet loaded from /zhcorpus/ (a styled header means CSS applied).
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.locator("a.zh-home-link").click()
    page.wait_for_url(base_url)
    assert page.locator("#day-2025-06-17").count() == 1


def test_a_missing_traditional_page_searches_the_traditional_edition(page, base_url):
    # GitHub Pages (and the test server) answer with the root, Simplified 404.html;
    # under zh-Hant/ it hands over to the Traditional one, keeping the address.
    missing = urljoin(base_url, "zh-Hant/no/such/page/")
    page.goto(missing)
    page.wait_for_function("document.documentElement.lang === 'zh-Hant' && document.readyState === 'complete'")
    assert page.url == missing
    assert page.locator("h1").inner_text() == "404：頁面不存在"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    _search_from_404(page, urljoin(base_url, "zh-Hant/"), "搜尋語料", "搜尋", "zh-Hant")
    assert page.locator(".zs-results li").count() >= 1
    page.go_back()  # one entry for the missing page, not two (the hand-over replaces)
    page.wait_for_function("document.documentElement.lang === 'zh-Hant' && document.readyState === 'complete'")
    assert page.url == missing


def _search_from_404(page, edition_url, box, button, lang):
    """Type a name into the 404 page's own search box: it lands on that edition's search."""
    content = page.locator(".md-content")
    content.get_by_role("searchbox", name=box, exact=True).fill("托卡耶夫")
    content.get_by_role("button", name=button, exact=True).click()
    page.wait_for_url(urljoin(edition_url, "search/?q=") + "*")
    page.wait_for_function("document.querySelector('#zh-search').dataset.query === '托卡耶夫'")
    assert page.locator("html").get_attribute("lang") == lang


def test_a_missing_simplified_page_searches_the_simplified_edition(page, base_url):
    page.goto(urljoin(base_url, "no/such/page/"))
    _search_from_404(page, base_url, "搜索语料", "搜索", "zh-Hans")


@pytest.fixture(scope="module")
def axe_source():
    path = next((p for p in AXE_CANDIDATES if p.is_file()), None)
    if path is None:
        pytest.skip("axe-core not installed: npm install --prefix build/npm axe-core")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("where", [
    "", "articles/{slug}/", "speakers/", "speakers/tokayev/", "quotes/", "search/?q=托卡耶夫",
    "search/?q=中国&mode=quote&said=xi-jinping", "articles/{slug}/#p3",
    "zh-Hant/", "zh-Hant/articles/{slug}/", "zh-Hant/search/?q=Tokayev",
    "no/such/page/", "zh-Hant/no/such/page/",
])
def test_no_serious_accessibility_violations(page, base_url, articles, axe_source, where):
    page.goto(urljoin(base_url, where.format(slug=articles[0].slug)))
    if where.startswith("zh-Hant/no/"):  # the root 404 hands over to the Traditional one
        page.wait_for_function("document.documentElement.lang === 'zh-Hant' && document.readyState === 'complete'")
    if "search/" in where:
        page.wait_for_function("document.querySelector('#zh-search').dataset.query !== undefined")
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document)")
    bad = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == [], json.dumps(bad, ensure_ascii=False, indent=1)
