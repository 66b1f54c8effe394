"""Search as a journalist uses it (issue 16): who said it, where, and a state that holds.

Quote mode and the "said by" filter, quote results with their source, arrival at
a paragraph (#pN, #orig-pN) in both editions, the 简/繁 switcher, the address
keeping the search, normalized queries (dashes) and no search while an input
method composes. The truth for "said by" is corpus/quotes.jsonl itself.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from zhcorpus.site.buildrun import inputs_for_tests

pytestmark = pytest.mark.browser

ROOT = "#zh-search"


@pytest.fixture(scope="module")
def quotes() -> list[dict]:
    path = Path(inputs_for_tests()["corpus"]) / "quotes.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _open(page, base_url, where: str) -> None:
    page.goto(urljoin(base_url, where))
    if "?" in where:
        _settled(page)
    else:  # nothing to search: ready is all there is to wait for
        page.wait_for_function(f"document.querySelector('{ROOT}').dataset.state === 'ready'")


def _settled(page) -> None:
    page.wait_for_function(f"document.querySelector('{ROOT}').dataset.state === 'ready'"
                           f" && document.querySelector('{ROOT}').dataset.query !== undefined")


def _quote_results(page) -> list[dict]:
    return page.eval_on_selector_all(".zs-results li.zs-quote", """items => items.map(li => ({
        said: li.dataset.said, href: li.querySelector('a.zs-snippet').href,
        meta: li.querySelector('.zs-quote-meta').textContent,
        others: Array.from(li.querySelectorAll('.zs-others a')).map(a => a.href)}))""")


def _hrefs(page) -> list[str]:
    return page.eval_on_selector_all(".zs-results a", "links => links.map(a => a.href)")


def _where(href: str) -> tuple[str, str]:
    """(slug, anchor) of an article paragraph link."""
    parts = urlsplit(href)
    return parts.path.rstrip("/").rsplit("/", 1)[-1], parts.fragment


@pytest.mark.parametrize("query", ["", "中国", "合作"])
def test_said_by_lists_only_that_speakers_quotes(page, base_url, quotes, query):
    said = {(q["slug"], q["anchor"]) for q in quotes if q.get("speaker_id") == "xi-jinping"}
    _open(page, base_url, f"search/?mode=quote&said=xi-jinping&q={query}")
    results = _quote_results(page)
    assert results, "Xi Jinping has quotes in the corpus"
    assert page.locator(".zs-results > li:not(.zs-quote)").count() == 0  # quote mode: quotes only
    for r in results:
        assert r["said"] == "xi-jinping", r
        assert _where(r["href"]) in said, r  # the exact paragraph of one of his quotes
        assert re.search(r"#p\d+$", r["href"]), r["href"]


def test_quote_result_shows_source_and_other_reports(page, base_url, quotes):
    quote = next(q for q in quotes if len(q["sources"]) > 1)
    _open(page, base_url, f"search/?mode=quote&q={quote['text'][:12]}")
    results = _quote_results(page)
    assert results
    first = results[0]
    here = next(s for s in quote["sources"] if (s["slug"], s["anchor"]) == (quote["slug"], quote["anchor"]))
    for part in (here["outlet"], here["title"], here["date"]):
        assert part in first["meta"], (part, first["meta"])
    others = {(s["slug"], s["anchor"]) for s in quote["sources"]} - {(quote["slug"], quote["anchor"])}
    assert {_where(h) for h in first["others"]} == others


def test_unattributed_quote_says_so(page, base_url, quotes):
    quote = next(q for q in quotes if not q.get("speaker"))
    _open(page, base_url, f"search/?mode=quote&q={quote['text'][:10]}")
    item = page.locator(".zs-results li.zs-quote").first
    assert "未署名引语" in item.locator(".zs-quote-meta").inner_text()


def test_filter_without_query_lists_newest_first(page, base_url):
    _open(page, base_url, "search/?mode=quote&said=xi-jinping")
    dates = page.eval_on_selector_all(".zs-results li.zs-quote .zs-quote-meta",
                                      "ps => ps.map(p => (p.textContent.match(/\\d{4}-\\d{2}-\\d{2}/) || [''])[0])")
    assert len(dates) >= 2 and all(dates)
    assert dates == sorted(dates, reverse=True)


def test_the_address_keeps_the_search_through_reload_and_back(page, base_url):
    _open(page, base_url, "search/")
    page.locator(".zs-mode input").check()
    page.locator(".zs-filters summary").click()
    page.wait_for_function("document.querySelectorAll('select[data-facet=said] option').length > 1")
    page.locator("select[data-facet=said]").select_option("xi-jinping")
    page.wait_for_function("new URLSearchParams(location.search).get('said') === 'xi-jinping'")
    _settled(page)
    first_page = len(_hrefs(page))
    page.locator(".zs-more").click()  # Xi Jinping has more quotes than one page shows
    page.wait_for_function("new URLSearchParams(location.search).get('n') === '2'")
    _settled(page)
    shown = _hrefs(page)
    assert len(shown) > first_page
    assert parse_qs(urlsplit(page.url).query) == {"mode": ["quote"], "said": ["xi-jinping"], "n": ["2"]}
    page.reload()
    _settled(page)
    assert page.locator("select[data-facet=said]").input_value() == "xi-jinping"
    assert page.locator(".zs-mode input").is_checked()
    assert _hrefs(page) == shown
    # Away to a result and back: the same list, not the first page.
    page.locator(".zs-results a.zs-snippet").first.click()
    page.wait_for_url(re.compile(r"/articles/"))
    page.go_back()
    _settled(page)
    assert _hrefs(page) == shown
    # A query joins the filters in the address, and the tab says what was searched.
    page.locator(".zs-input").fill("中国")
    page.wait_for_function("new URLSearchParams(location.search).get('q') === '中国'")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["中国"], "mode": ["quote"], "said": ["xi-jinping"]}
    assert page.title().startswith("中国")


def test_labels_are_visible(page, base_url):
    _open(page, base_url, "search/?q=峰会")
    page.locator(".zs-filters summary").click()
    for facet in ("from", "to", "said", "speaker"):
        label = page.locator(f"label:has([data-facet={facet}])")
        assert label.count() == 1 and label.locator("span").is_visible() and label.inner_text().strip()


@pytest.mark.parametrize("variant", ["中国-中亚", "中国－中亚", "中国–中亚", "中国―中亚", "中国中亚"])
def test_every_dash_variant_finds_the_same(page, base_url, variant):
    _open(page, base_url, "search/?q=中国—中亚")
    printed = _hrefs(page)
    assert printed
    _open(page, base_url, f"search/?q={variant}")
    assert _hrefs(page) == printed
    assert page.locator(".zs-results mark").count() >= 1


def test_run_together_finds_the_dashed_phrase(page, base_url):
    _open(page, base_url, "search/?q=中国中亚精神")
    texts = page.eval_on_selector_all(".zs-results mark", "ms => ms.map(m => m.textContent)")
    assert "中国—中亚精神" in texts


def test_no_search_while_an_input_method_composes(page, base_url):
    _open(page, base_url, "search/")
    page.evaluate(f"""() => {{ window.zsAnswers = 0;
        document.querySelector('{ROOT}').addEventListener('zs-results', () => window.zsAnswers++); }}""")
    page.locator(".zs-input").focus()
    cdp = page.context.new_cdp_session(page)
    for typed in ("t", "tu", "tuo", "tuok", "tuoka"):
        cdp.send("Input.imeSetComposition", {"text": typed, "selectionStart": len(typed), "selectionEnd": len(typed)})
    page.wait_for_timeout(600)
    assert page.locator(".zs-input").input_value() == "tuoka"
    assert page.evaluate("window.zsAnswers") == 0
    assert "q=" not in page.url
    cdp.send("Input.insertText", {"text": "托卡耶夫"})  # the input method commits
    page.wait_for_function("window.zsAnswers > 0")
    _settled(page)
    assert parse_qs(urlsplit(page.url).query)["q"] == ["托卡耶夫"]
    assert page.locator(".zs-results li").count() > 0


def _printed_hk_article(built_site: Path) -> str:
    return next(p.parent.name for p in sorted((built_site / "articles").glob("*/index.html"))
                if 'id="orig-p2"' in p.read_text(encoding="utf-8"))


@pytest.mark.parametrize("edition", ["", "zh-Hant/"])
def test_orig_anchor_opens_the_original_tab_and_marks_it(page, base_url, built_site, edition):
    slug = _printed_hk_article(built_site)
    page.goto(urljoin(base_url, f"{edition}articles/{slug}/#orig-p2"))
    target = page.locator("#orig-p2" if not edition else "#p2")
    target.wait_for(state="visible")
    page.wait_for_function("document.querySelector('.zh-arrived') !== null")
    assert "zh-arrived" in target.get_attribute("class")
    box, height = target.bounding_box(), page.viewport_size["height"]
    assert 0 <= box["y"] < height


def _luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_arrival_and_match_highlights_have_aa_contrast(page, base_url, built_site):
    slug = sorted(p.name for p in (built_site / "articles").iterdir() if p.name.startswith("20"))[0]
    page.goto(urljoin(base_url, f"articles/{slug}/#p3"))
    style = page.eval_on_selector("#p3", "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert style[1] not in ("rgba(0, 0, 0, 0)", "transparent")
    assert _contrast(*style) >= 4.5, style
    assert page.evaluate("document.querySelector('#p3').getBoundingClientRect().top") >= 0
    _open(page, base_url, "search/?q=峰会")
    mark = page.eval_on_selector(".zs-results mark", "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert _contrast(*mark) >= 4.5, mark


def test_switcher_keeps_the_paragraph_and_the_query(page, base_url, built_site):
    slug = sorted(p.name for p in (built_site / "articles").iterdir() if p.name.startswith("20"))[0]
    page.goto(urljoin(base_url, f"articles/{slug}/#p3"))
    page.locator(".zh-edition__link[lang=zh-Hant]").click()
    page.wait_for_url(re.compile(rf"/zhcorpus/zh-Hant/articles/{slug}/#p3$"))
    page.locator(".zh-edition__link[lang=zh-Hans]").click()
    page.wait_for_url(re.compile(rf"/zhcorpus/articles/{slug}/#p3$"))
    _open(page, base_url, "search/?q=峰会&mode=quote")
    page.locator(".zh-edition__link[lang=zh-Hant]").click()
    page.wait_for_url(re.compile(r"/zhcorpus/zh-Hant/search/\?"))
    assert parse_qs(urlsplit(page.url).query) == {"q": ["峰会"], "mode": ["quote"]}
    _settled(page)
    assert page.locator(".zs-results li.zs-quote").count() > 0


@pytest.mark.parametrize("name, chinese", [("Xi", "习近平"), ("Tokaev", "托卡耶夫"), ("Mirziyoev", "米尔济约耶夫"),
                                           ("Astana", "阿斯塔纳")])
def test_english_spellings_and_places(page, base_url, name, chinese):
    _open(page, base_url, f"search/?q={name}")
    marks = page.eval_on_selector_all(".zs-results mark", "ms => ms.map(m => m.textContent)")
    assert marks and marks[0] == chinese, marks[:5]


def test_a_quote_entry_is_marked_on_arrival(page, base_url, built_site):
    html = (built_site / "quotes" / "page-2" / "index.html").read_text(encoding="utf-8")
    quote_id = re.findall(r'<h3 id="(q-[0-9a-f]+)"', html)[2]
    page.goto(urljoin(base_url, f"quotes/page-2/#{quote_id}"))
    page.wait_for_function("document.querySelector('.zh-arrived') !== null")
    marked = page.eval_on_selector_all(".zh-arrived", "els => els.map(e => e.id || e.tagName)")
    assert marked[0] == quote_id and len(marked) >= 2  # the heading and its entry, not the neighbours
    assert quote_id not in marked[1:]
    style = page.eval_on_selector(f"#{quote_id}", "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    assert _contrast(*style) >= 4.5, style
