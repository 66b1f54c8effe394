"""The real `mkdocs build --strict`, checked file by file (no browser)."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from zhcorpus.site.buildrun import FIXTURES, REPO, build_site, inputs_for_tests
from zhcorpus.site.corpus import load_articles

URL = re.compile(r"https?://[A-Za-z0-9.-]+[^\s\"'<>)`]*")
A_HREF = re.compile(r"<a\b[^>]*\bhref=\"(https?://[^\"]+)\"")
# Hosts that appear in Material's vendored JS/CSS but are never requested:
# the SVG namespace is an identifier, the rest are licence notices, source
# comments, or GitHub API calls made only when repo_url is set (it is not).
INERT_IN_ASSETS = {"www.w3.org", "fontawesome.com", "api.github.com", "bit.ly"}


def _site_url_host() -> str:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    default = re.search(r'site_url: !ENV \[\w+, "([^"]+)"\]', text).group(1)
    return urlsplit(default).hostname


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build_site(tmp_path_factory.mktemp("site") / "site", **inputs_for_tests())
    assert result.returncode == 0, result.log
    return result


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """Always the hand-made fixtures: they hold the escaping traps."""
    inputs = inputs_for_tests() if "fixtures" in str(inputs_for_tests()["corpus"]) else {
        "corpus": FIXTURES / "corpus",
        "taxonomy": FIXTURES / "seeds" / "taxonomy.yml",
        "speakers": FIXTURES / "seeds" / "speakers.yml",
    }
    result = build_site(tmp_path_factory.mktemp("fixture-site") / "site", **inputs)
    assert result.returncode == 0, result.log
    return result


def _html(site) -> list[Path]:
    return sorted(site.site_dir.rglob("*.html"))


def test_strict_build_has_no_warnings(site):
    assert site.warnings == []


def test_every_page_declares_simplified_chinese(site):
    pages = _html(site)
    assert site.site_dir / "404.html" in pages
    for page in pages:
        head = page.read_text(encoding="utf-8")[:300]
        assert '<html lang="zh-Hans"' in head, page


def test_no_reference_to_another_host(site):
    own = _site_url_host()
    offenders = []
    for path in site.site_dir.rglob("*"):
        if path.suffix not in (".html", ".css", ".js"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        links = set(A_HREF.findall(text)) if path.suffix == ".html" else set()
        for url in URL.findall(text):
            host = urlsplit(url).hostname
            if host == own or url in links:
                continue
            if host == "www.w3.org" or (path.suffix != ".html" and host in INERT_IN_ASSETS):
                continue
            # Licence/source comments in vendored files are text, not requests.
            if path.suffix != ".html" and _in_comment(text, url):
                continue
            offenders.append(f"{path.relative_to(site.site_dir)}: {url}")
    assert offenders == []


def _in_comment(text: str, url: str) -> bool:
    stripped = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    stripped = re.sub(r"(?m)^\s*//.*$|(?<=[;{}\s])//[^\n\"'`]*$", "", stripped)
    return url not in stripped


def test_material_cdn_loaders_are_neutralised(site):
    for js in (site.site_dir / "assets" / "javascripts").glob("*.js"):
        assert "unpkg.com" not in js.read_text(encoding="utf-8")


def test_nav_lists_no_article(site):
    # about/ links to no article itself, so any article link there is nav.
    about = (site.site_dir / "about" / "index.html").read_text(encoding="utf-8")
    assert "articles/" not in about
    for index in ("events", "speakers", "themes", "outlets", "dates"):
        assert f'href="../{index}/"' in about


def test_every_article_has_a_page_with_anchors_and_citation(site):
    corpus = inputs_for_tests()["corpus"]
    articles = load_articles(Path(corpus) / "articles")
    assert articles
    for article in articles:
        page = site.site_dir / "articles" / article.slug / "index.html"
        html = page.read_text(encoding="utf-8")
        assert 'id="p1"' in html and 'class="zh-plink" href="#p1"' in html
        assert "引用本文" in html and f"zhcorpus/articles/{article.slug}/" in html
        for family in ("events", "speakers", "themes"):
            for ident in getattr(article, family):
                assert f'href="../../{family}/{ident}/"' in html
        if article.script_original == "zh-Hant" and article.original:
            assert ">简体</label>" in html and ">原文</label>" in html
            assert 'id="orig-p1"' in html


def test_index_urls_are_ascii(site):
    for page in _html(site):
        rel = page.relative_to(site.site_dir).as_posix()
        assert rel.isascii(), rel


def test_search_keeps_names_whole(site):
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]  # the regex escape, as JS reads it
    assert index["config"]["lang"] == ["zh"]
    text = "\u200b".join(d["title"] + "\u200b" + d["text"] for d in index["docs"])
    for name in ("托卡耶夫", "米尔济约耶夫", "阿斯塔纳宣言"):
        if name in text:
            assert f"\u200b{name}\u200b" in text, name


def test_404_works_under_the_sub_path(site):
    html = (site.site_dir / "404.html").read_text(encoding="utf-8")
    assert 'href="/zhcorpus/assets/stylesheets/' in html
    assert 'href="/zhcorpus/" class="zh-home-link"' in html


def test_source_text_never_becomes_markup(fixture_site):
    html = (fixture_site.site_dir / "articles" / "2025-06-16-xinhua-huiju-gongjin-liliang" / "index.html").read_text(
        encoding="utf-8"
    )
    article = html.split("<article")[1].split("</article>")[0]
    # Shown as the characters themselves...
    assert "<script> 标签、星号 *强调* 与竖线 | 分隔符" in htmllib.unescape(article)
    assert "记者手记 <b>*丝路*</b> | 新篇" in htmllib.unescape(article)  # front-matter subtitle
    # ...and never as elements.
    assert "<script>" not in article and "<b>" not in article and "<em>" not in article
    hant = next((fixture_site.site_dir / "articles").glob("*wenweipo*")) / "index.html"
    original = hant.read_text(encoding="utf-8").split('id="orig-p3"')[1].split("</p>")[0]
    assert "原文中的 <i>標記</i> 與 *星號* | 均應照錄" in htmllib.unescape(original)
    assert "<i>" not in original and "<em>" not in original


def test_names_fall_back_to_ids(fixture_site):
    # wang-yi is missing from the fixture speakers file on purpose.
    html = (fixture_site.site_dir / "speakers" / "wang-yi" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>wang-yi<", html)


def test_home_timeline_and_counts(fixture_site):
    html = (fixture_site.site_dir / "index.html").read_text(encoding="utf-8")
    for day in ("2025-06-15", "2025-06-16", "2025-06-17", "2025-06-18"):
        assert f'id="day-{day}"' in html
    assert "语料共收录 <strong>5</strong> 篇文章" in html
    for name in ("习近平", "托卡耶夫", "扎帕罗夫", "拉赫蒙", "别尔德穆哈梅多夫", "米尔济约耶夫"):
        assert name in html
    assert "dates/2025-06-20/" in html  # a date outside the summit week


def test_jieba_dictionary_keeps_bare_names_not_titled_forms():
    from zhcorpus.site import jiebadict
    from zhcorpus.site.names import load_names

    inputs = inputs_for_tests()
    names = load_names(
        inputs["taxonomy"] or REPO / "seeds" / "taxonomy.yml",
        inputs["speakers"] or REPO / "seeds" / "speakers.yml",
    )
    words = jiebadict.words(load_articles(Path(inputs["corpus"]) / "articles"), names)
    assert "托卡耶夫" in words and "米尔济约耶夫" in words and "阿斯塔纳宣言" in words
    assert not any(w.startswith("托卡耶夫") and w != "托卡耶夫" for w in words)
    assert all(re.search(r"[\u3400-\u9fff]", w) for w in words)


# --- quotes ---------------------------------------------------------------------

def _quotes(corpus) -> list:
    from zhcorpus.site.quotedata import load_quotes

    return load_quotes(Path(corpus) / "quotes.jsonl")


def _article_html(site, rel: str) -> str:
    html = (site.site_dir / rel / "index.html").read_text(encoding="utf-8")
    return html.split("<article")[1].split("</article>")[0]


def test_quotes_page_has_one_heading_per_quote(site):
    quotes = _quotes(inputs_for_tests()["corpus"])
    assert quotes
    html = _article_html(site, "quotes")
    assert re.findall(r'<h3 id="(q-[0-9a-z]+)"', html).count(quotes[0].id) == 1
    assert sorted(re.findall(r'<h3 id="(q-[0-9a-z]+)"', html)) == sorted(q.id for q in quotes)
    # Each quote is its own search entry, holding the quote's words.
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = {d["location"]: d for d in index["docs"]}
    for quote in quotes:
        entry = entries[f"quotes/#{quote.id}"]
        assert htmllib.unescape(entry["text"]).replace("\u200b", "").find(quote.text[:8]) >= 0, quote.id
        assert len(entry["title"].replace("\u200b", "")) <= 40


def test_speaker_pages_list_exactly_their_quotes(site):
    quotes = _quotes(inputs_for_tests()["corpus"])
    unattributed = {q.id for q in quotes if q.speaker_id is None}
    for page in (site.site_dir / "speakers").glob("*/index.html"):
        ident = page.parent.name
        html = _article_html(site, f"speakers/{ident}")
        own = {q.id for q in quotes if q.speaker_id == ident}
        assert set(re.findall(r'id="(q-[0-9a-z]+)"', html)) == own, ident
        assert not unattributed & set(re.findall(r"q-[0-9a-z]+", html)), ident
        for quote in (q for q in quotes if q.speaker_id == ident):
            for source in quote.sources:
                assert f'href="../../articles/{source.slug}/#{source.anchor}"' in html
        if own:  # quotes above the article list
            assert html.index('id="quotes"') < html.index('id="articles"')


def test_unattributed_quotes_are_never_under_a_person(fixture_site):
    html = _article_html(fixture_site, "quotes")
    unattributed = html.split('id="unattributed"')[1]
    assert 'id="q-0c33unatt3"' in unattributed and "未署名" in unattributed
    for page in (fixture_site.site_dir / "speakers").rglob("index.html"):
        assert "q-0c33unatt3" not in page.read_text(encoding="utf-8"), page


def test_quote_text_never_becomes_markup(fixture_site):
    trap = "<script>alert(1)</script> 不是脚本，*星号*、[链接](javascript:alert(1)) 与 | 竖线 {: #p1 } 都只是文字"
    html = _article_html(fixture_site, "quotes")
    assert f"“{trap}”" in htmllib.unescape(html)
    assert "<script>" not in html and "<em>" not in html and 'href="javascript' not in html
    assert html.count('id="p1"') == 0
    article = _article_html(fixture_site, "articles/2025-06-16-xinhua-huiju-gongjin-liliang")
    assert 'href="../../quotes/#q-0c33unatt3"' in article and "<script>" not in article


def test_speaker_identity_kind_and_wording(fixture_site):
    muhriddin = htmllib.unescape(_article_html(fixture_site, "speakers/muhriddin"))
    assert "西罗吉丁·穆赫里丁" in muhriddin  # only in corpus/speakers.yml, not the seeds
    assert "Sirojiddin Muhriddin · 塔吉克斯坦外交部长 · 塔吉克斯坦" in muhriddin
    assert "群体" in _article_html(fixture_site, "speakers/central-asian-leaders")
    assert "群体" not in _article_html(fixture_site, "speakers/tokayev")
    xi = htmllib.unescape(_article_html(fixture_site, "speakers/xi-jinping"))
    assert "措辞不同" in xi and "携手构建更紧密的中国—中亚命运共同体" in xi
    assert 'href="../../articles/2025-06-18-wenweipo-wang-yi-tan-xi-zhuxi-zhongya-xing/#p2"' in xi


def test_article_shows_pull_quotes_continuation_and_its_quotes(fixture_site):
    html = htmllib.unescape(_article_html(fixture_site, "articles/2025-06-16-xinhua-huiju-gongjin-liliang"))
    assert "版面摘句" in html and "一种精神，指引携手前行的方向。" in html
    assert 'id="quotes"' in html and 'href="#quotes"' in html
    assert 'href="../../quotes/#q-0d44muhri4"' in html and 'href="#p2"' in html


def test_events_nest_under_their_parent(fixture_site):
    html = _article_html(fixture_site, "events")
    summit = html.split('href="summit-2025/"')[1].split("</li>")[0]
    assert "<ul>" in summit and 'href="astana-declaration/"' in summit
    child = _article_html(fixture_site, "events/astana-declaration")
    assert 'href="../summit-2025/"' in child


def test_dotted_names_are_searchable(fixture_site):
    from zhcorpus.site import jiebadict
    from zhcorpus.site.names import load_names

    names = load_names(
        FIXTURES / "seeds" / "taxonomy.yml", FIXTURES / "seeds" / "speakers.yml", FIXTURES / "corpus" / "speakers.yml"
    )
    words = jiebadict.words(load_articles(FIXTURES / "corpus" / "articles"), names)
    assert "西罗吉丁" in words and "穆赫里丁" in words
    index = json.loads((fixture_site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "·" in re.sub(r"\\u00b7", "·", index["config"]["separator"])  # queries cut where jieba's input is cut
    text = "\u200b".join(d["title"] + "\u200b" + d["text"] for d in index["docs"])
    assert "\u200b西罗吉丁\u200b" in text and "\u200b穆赫里丁\u200b" in text
