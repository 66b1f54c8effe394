"""Issue 16 item 6 in Chromium: copying a citation, under the /zhcorpus/ sub-path.

The site is built without a site address (ZHCORPUS_SITE_URL unset), as the
browser tests' conftest builds it: the citations say so instead of citing
example.github.io. The access date is the browser's today; the anchor is the
paragraph the reader arrived at or chose."""

from __future__ import annotations

import json
from urllib.parse import urljoin, urlsplit

import pytest
import rispy

from zhcorpus.site.buildrun import inputs_for_tests

pytestmark = pytest.mark.browser

XI_SPEECH = "2025-06-17-xinhua-hongyang-zhongguo-zhongya-jingshen-tuidong-diqu"


@pytest.fixture(autouse=True)
def _seed_corpus():
    if "fixtures" in str(inputs_for_tests()["corpus"]):
        pytest.skip("needs the seed corpus (Xi's keynote)")


@pytest.fixture
def clipboard(browser_context, base_url):
    parts = urlsplit(base_url)
    browser_context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"{parts.scheme}://{parts.netloc}")
    yield
    browser_context.clear_permissions()


def _today(page) -> str:
    return page.evaluate("(() => { const d = new Date(); const p = n => String(n).padStart(2, '0');"
                         " return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()); })()")


def test_copy_a_paragraph_citation_with_the_keyboard(page, base_url, clipboard):
    page.goto(urljoin(base_url, f"articles/{XI_SPEECH}/#p17"))
    scope = page.locator("#zh-cite-scope")
    assert scope.input_value() == "p17"  # arrived at ¶17: that paragraph is cited
    button = page.locator('button[data-cite-copy="gbt"]')
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelector('.zh-cite-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("习近平. 弘扬“中国—中亚精神” 推动地区合作高质量发展[N/OL]. 新华社, 2025-06-17[")
    assert f"[{_today(page)}]" in copied
    assert copied.endswith(f"articles/{XI_SPEECH}/#p17.")
    assert "本站未设置网址" in copied and "example.github.io" not in copied
    assert "已复制" in page.locator(".zh-cite-status").inner_text()


def test_choose_the_whole_article_and_copy_ris_and_csl(page, base_url, clipboard):
    page.goto(urljoin(base_url, f"articles/{XI_SPEECH}/#p17"))
    page.locator("#zh-cite-scope").select_option("")
    page.locator('button[data-cite-copy="ris"]').click()
    page.wait_for_function("document.querySelector('.zh-cite-status').textContent.includes('RIS')")
    [entry] = rispy.loads(page.evaluate("navigator.clipboard.readText()"))
    assert entry["authors"] == ["习近平"] and entry["access_date"] == _today(page).replace("-", "/")
    assert entry["notes"][0].endswith(f"articles/{XI_SPEECH}/")  # no anchor: the whole article
    page.locator("#zh-cite-scope").select_option("p14")
    page.locator('button[data-cite-copy="csl"]').click()
    page.wait_for_function("document.querySelector('.zh-cite-status').textContent.includes('CSL')")
    [item] = json.loads(page.evaluate("navigator.clipboard.readText()"))
    year, month, day = (int(x) for x in _today(page).split("-"))
    assert item["accessed"] == {"date-parts": [[year, month, day]]}
    assert item["note"].endswith(f"articles/{XI_SPEECH}/#p14") and item["author"] == [{"literal": "习近平"}]


def test_meta_tags_in_the_head(page, base_url):
    page.goto(urljoin(base_url, f"articles/{XI_SPEECH}/"))
    content = lambda name: page.locator(f'head meta[name="{name}"]').first.get_attribute("content")  # noqa: E731
    assert content("citation_author") == "习近平"
    assert content("citation_publication_date") == "2025/06/17"
    assert content("citation_title") == "弘扬“中国—中亚精神” 推动地区合作高质量发展"
    assert page.locator('head meta[name="citation_public_url"]').count() == 0  # no real address in this build
    page.goto(urljoin(base_url, f"zh-Hant/articles/{XI_SPEECH}/"))
    assert content("citation_author") == "習近平" and content("citation_language") == "zh-Hant"


def test_citations_wrap_on_a_phone(page, base_url):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(urljoin(base_url, f"articles/{XI_SPEECH}/"))
    assert page.locator(".zh-cite-text").count() == 5
    overflow = page.evaluate("""() => [...document.querySelectorAll('.zh-cite-text, .zh-cite select')]
        .filter(el => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth + 1)
        .map(el => el.outerHTML.slice(0, 80))""")
    assert overflow == []
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
