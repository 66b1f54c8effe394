"""The real `mkdocs build --strict`, checked file by file (no browser)."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from zhcorpus.site.buildrun import FIXTURES, REPO, build_site, inputs_for_tests
from zhcorpus.site.corpus import load_articles
from zhcorpus.site.quotepages import QUOTES_PER_PAGE

HANT = "zh-Hant"  # the Traditional edition's folder in the built site

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


def test_a_build_on_a_terminal_shows_progress_with_counts(site, tmp_path):
    pages = len(_html(site)) - len(list(site.site_dir.glob(f"{HANT}/**/*.html"))) - 1  # 404.html is a template
    shown = build_site(tmp_path / "site", **inputs_for_tests(), terminal=True)
    assert shown.returncode == 0, shown.log
    for label in ("Markdown", "pages", "search index"):
        assert f"{label}:" in shown.log
    assert f"/{pages} " in shown.log and "page/s" in shown.log and "search index: 00:0" in shown.log
    assert "page/s" not in site.log  # not on a terminal: no bar in logs


def _in_hant(site, page: Path) -> bool:
    return page.relative_to(site.site_dir).parts[0] == HANT


def test_every_page_declares_its_edition(site):
    pages = _html(site)
    assert site.site_dir / "404.html" in pages
    assert site.site_dir / HANT / "index.html" in pages
    for page in pages:
        head = page.read_text(encoding="utf-8")[:300]
        lang = "zh-Hant" if _in_hant(site, page) else "zh-Hans"
        assert f'<html lang="{lang}"' in head, page


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
        # The citations to copy (tests/test_citations.py has the formats): this build has no
        # real address, so they say so and give the path instead of example.github.io.
        (gbt,) = re.findall(r'<pre class="zh-cite-text"[^>]*aria-labelledby="zh-cite-gbt">(.*?)</pre>', html, re.S)
        gbt = htmllib.unescape(re.sub(r"<[^>]+>", "", gbt))
        assert "本站未设置网址" in gbt and f"articles/{article.slug}/" in gbt and "example.github.io" not in gbt
        assert (article.date or "[出版日期不详]") in gbt  # an undated article says so
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


def _search_docs(site_dir: Path) -> dict[str, str]:
    """url -> text of every document in our search index (its chunks); quotes, which
    link to the paragraph that prints them, as "quote:url" -> their texts, a line each."""
    docs = {}
    for chunk in sorted((site_dir / "search" / "chunks").glob("*.json")):
        data = json.loads(chunk.read_text(encoding="utf-8"))
        for kind, page, anchor, text, *_meta in data["docs"]:
            url = data["pages"][page][0]
            url = f"{url}#{anchor}" if anchor else url
            if kind == 1:
                docs[f"quote:{url}"] = (docs[f"quote:{url}"] + "\n" if f"quote:{url}" in docs else "") + text
            else:
                docs[url] = text
    return docs


def test_our_search_index_replaces_materials(site):
    for root in (site.site_dir, site.site_dir / HANT):
        search = root / "search"
        for name in ("manifest.json", "facets.json", "search-ui.js", "search-worker.js", "search.css", "index.html"):
            assert (search / name).is_file(), search / name
        assert not (search / "search_index.json").exists()  # Material's plugin is off
        assert not (search / "demo.html").exists()
        assert list((root / "assets" / "javascripts").glob("lunr/**/*.js")) == []
    manifest = json.loads((site.site_dir / "search" / "manifest.json").read_text(encoding="utf-8"))
    assert "tokayev" in manifest["aliases"]  # English names find Chinese text
    docs = _search_docs(site.site_dir)
    articles = load_articles(Path(inputs_for_tests()["corpus"]) / "articles")
    assert all(f"articles/{a.slug}/" in docs for a in articles)
    assert any(url.endswith("#p1") for url in docs)


def test_search_page_mounts_our_engine(site):
    for root in (site.site_dir, site.site_dir / HANT):
        html = (root / "search" / "index.html").read_text(encoding="utf-8")
        assert 'id="zh-search"' in html
        assert '<script type="module" src="../assets/zhcorpus-search.js"' in html
        assert 'href="../search/search.css"' in html or 'href="search.css"' in html
        js = (root / "assets" / "zhcorpus-search.js").read_text(encoding="utf-8")
        assert 'from "../search/search-ui.js"' in js


def test_header_search_goes_to_the_search_page(site):
    for page in _html(site):
        html = page.read_text(encoding="utf-8")
        form = re.search(r'<form class="zh-header-search"[^>]*action="([^"]+)"', html)
        assert form, page
        assert 'name="q"' in html
        target = (page.parent / form.group(1)).resolve() if not form.group(1).startswith("/") else None
        if target is not None:  # 404 pages use an absolute path under the sub-path
            assert (target / "index.html").is_file(), (page, form.group(1))
            edition_root = site.site_dir / HANT if _in_hant(site, page) else site.site_dir
            assert target == (edition_root / "search").resolve(), page


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


# --- quotes ---------------------------------------------------------------------

def _quotes(corpus) -> list:
    from zhcorpus.site.quotedata import load_quotes

    return load_quotes(Path(corpus) / "quotes.jsonl")


def _article_html(site, rel: str) -> str:
    html = (site.site_dir / rel / "index.html").read_text(encoding="utf-8")
    return html.split("<article")[1].split("</article>")[0]


def _quote_pages(site) -> dict[str, str]:
    """quotes/ and quotes/page-N/: URL -> article HTML, in page order."""
    found = {"quotes/": _article_html(site, "quotes")}
    number = 2
    while (site.site_dir / "quotes" / f"page-{number}" / "index.html").exists():
        found[f"quotes/page-{number}/"] = _article_html(site, f"quotes/page-{number}")
        number += 1
    return found


def test_quotes_pages_have_one_heading_per_quote(site):
    quotes = _quotes(inputs_for_tests()["corpus"])
    assert quotes
    pages = _quote_pages(site)
    headings = {url: re.findall(r'<h3 id="(q-[0-9a-z]+)"', html) for url, html in pages.items()}
    assert sorted(h for found in headings.values() for h in found) == sorted(q.id for q in quotes)
    assert all(len(found) <= QUOTES_PER_PAGE for found in headings.values())
    # Each quote is its own search document, linking to the paragraph that prints it (issue 16).
    docs = _search_docs(site.site_dir)
    for quote in quotes:
        assert quote.text[:8] in docs[f"quote:articles/{quote.slug}/#{quote.anchor}"], quote.id


def test_every_speaker_link_on_the_quotes_pages_reaches_their_quotes(site):
    pages = _quote_pages(site)
    for url, html in pages.items():
        for target, anchor in re.findall(r'href="([^"#]*)#(speaker-[a-z0-9-]+|unattributed)"', html):
            where = urljoin(f"https://x/{url}", target).removeprefix("https://x/")
            assert f'id="{anchor}"' in pages[where], (url, target, anchor)


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


def test_dotted_names_are_found_whole(fixture_site):
    # Substring search needs no word segmentation: the full dotted name and each
    # part are in one document, and a query is matched character by character.
    docs = _search_docs(fixture_site.site_dir)
    assert any("西罗吉丁·穆赫里丁" in text for text in docs.values())


# --- the Traditional edition (zh-Hant/) -------------------------------------------


def _text(html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


def test_traditional_edition_is_in_traditional(site):
    hans = _article_html(site, "about")
    hant = _article_html(site, f"{HANT}/about")
    assert "语料" in _text(hans) and "语料" not in _text(hant) and "語料" in _text(hant)
    home = (site.site_dir / HANT / "index.html").read_text(encoding="utf-8")
    assert "<title>" in home and "報道" in home.split("<title>")[1].split("</title>")[0]
    assert "报道" not in _text(home.split("<article")[1].split("</article>")[0])
    # Nav titles come from mkdocs.yml and are converted too.
    assert "按事件" in home and "關於語料" in home and "关于语料" not in home


def test_traditional_edition_links_and_cites_itself(site):
    corpus = inputs_for_tests()["corpus"]
    article = load_articles(Path(corpus) / "articles")[0]
    html = (site.site_dir / HANT / "articles" / article.slug / "index.html").read_text(encoding="utf-8")
    assert f"zhcorpus/{HANT}/articles/{article.slug}/" in html  # canonical and citation


def test_hong_kong_article_is_shown_as_printed_in_traditional(fixture_site):
    from zhcorpus.language.convert import to_hong_kong

    articles = load_articles(FIXTURES / "corpus" / "articles")
    hk = next(a for a in articles if a.script_original == "zh-Hant" and a.original)
    body = _article_html(fixture_site, f"{HANT}/articles/{hk.slug}")
    text = htmllib.unescape(body)
    assert hk.original["title"] in _text(body.split("</h1>")[0])
    for para in hk.original["paragraphs"]:
        printed = para["text"]
        if para["anchor"].startswith("p"):
            shown = body.split(f'id="{para["anchor"]}"')[1].split("</p>")[0]
            assert printed in htmllib.unescape(shown), para["anchor"]
    assert ">原文</label>" not in body  # no tabs: the printed text is the text
    # The Simplified edition keeps its tabs with the printed text in 原文.
    assert ">原文</label>" in _article_html(fixture_site, f"articles/{hk.slug}")
    assert "\ue000" not in text and "\ue001" not in text
    assert to_hong_kong(hk.body[:0]) == ""  # sanity: converter importable


def test_no_page_keeps_conversion_markers(site):
    for page in _html(site):
        text = page.read_text(encoding="utf-8")
        assert "\ue000" not in text and "\ue001" not in text, page


_SWITCH = re.compile(r'<a href="([^"]+)" class="zh-edition__link" lang="(zh-Han[st])"')


def test_edition_switcher_links_resolve_to_the_same_page(site):
    for page in _html(site):
        if page.name == "404.html":
            continue
        links = dict((lang, href) for href, lang in _SWITCH.findall(page.read_text(encoding="utf-8")))
        assert set(links) == {"zh-Hans", "zh-Hant"}, page
        rel = page.relative_to(site.site_dir)
        if _in_hant(site, page):
            rel = rel.relative_to(HANT)
        for lang, href in links.items():
            target = (page.parent / href).resolve() / "index.html"
            root = site.site_dir / HANT if lang == "zh-Hant" else site.site_dir
            assert target == (root / rel).resolve(), (page, lang, href)
            assert target.is_file(), (page, href)


def test_traditional_search_index_has_traditional_snippets(fixture_site):
    from zhcorpus.language.convert import to_hong_kong
    from zhcorpus.site.quotedata import load_quotes

    hans, hant = _search_docs(fixture_site.site_dir), _search_docs(fixture_site.site_dir / HANT)
    assert set(hans) == set(hant)  # same documents, same (relative) links
    quote = next(q for q in load_quotes(FIXTURES / "corpus" / "quotes.jsonl") if q.speaker_id == "tokayev")
    assert to_hong_kong(quote.text[:10]) in hant[f"quote:articles/{quote.slug}/#{quote.anchor}"]
    hk = next(a for a in load_articles(FIXTURES / "corpus" / "articles") if a.script_original == "zh-Hant")
    assert hant[f"articles/{hk.slug}/#p1"] == hk.original["paragraphs"][0]["text"]
    labels = json.loads((fixture_site.site_dir / HANT / "search" / "facets.json").read_text(encoding="utf-8"))
    assert "Tokayev" in labels["values"]["speaker"]["tokayev"]["label"]


def test_front_matter_memo_reads_the_same_articles(tmp_path):
    import shutil

    corpus = tmp_path / "articles"
    shutil.copytree(FIXTURES / "corpus" / "articles", corpus)
    plain = load_articles(corpus)
    cache = tmp_path / "cache"
    assert load_articles(corpus, cache) == plain  # read with YAML, memo written
    (memo,) = cache.glob("front-matter-*.kept")
    assert load_articles(corpus, cache) == plain  # from the memo
    edited = corpus / f"{plain[0].slug}.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace(f"title: {plain[0].title}", "title: 改过的标题", 1),
                      encoding="utf-8")
    again = load_articles(corpus, cache)
    assert [a.title for a in again if a.slug == plain[0].slug] == ["改过的标题"]
    memo.write_bytes(b"\x00 not a kept file")
    assert load_articles(corpus, cache) == again  # a broken memo is read anew, not an error


@pytest.mark.parametrize("field, value", [("slug", "文章"), ("events", "[峰会]"), ("themes", "[a b]")])
def test_an_id_that_is_not_ascii_is_an_error_naming_the_file_memo_or_not(tmp_path, field, value):
    import re
    import shutil

    from zhcorpus.site.corpus import CorpusError

    corpus, cache = tmp_path / "articles", tmp_path / "cache"
    shutil.copytree(FIXTURES / "corpus" / "articles", corpus)
    load_articles(corpus, cache)  # every front-matter in the memo, as checked
    edited = sorted(corpus.glob("*.md"))[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(re.sub(rf"^{field}:.*$", f"{field}: {value}", text, count=1, flags=re.M), encoding="utf-8")
    for _ in range(2):  # the second time, the memo of the first must not let it through
        with pytest.raises(CorpusError, match=rf"{re.escape(edited.name)}: id .* is not ASCII"):
            load_articles(corpus, cache)
    with pytest.raises(CorpusError, match="is not ASCII"):
        load_articles(corpus)


def test_traditional_search_texts_are_converted_once_across_builds(tmp_path):
    from zhcorpus import files
    from zhcorpus.site import edition
    from zhcorpus.site.searchindex import _Converted

    texts = ["习近平同中亚五国元首会谈", "发展振兴之路", "干部干净"]
    first = _Converted(tmp_path)
    assert [first(t) for t in texts] == [edition.text(t, edition.HANT) for t in texts]
    first.save()
    (kept,) = tmp_path.glob("s2hk-search-*.kept")
    second = _Converted(tmp_path)
    assert second(texts[1]) == edition.text(texts[1], edition.HANT)
    second.save()
    assert files.read_kept(kept) == {texts[1]: edition.text(texts[1], edition.HANT)}  # only what was used
    kept.write_bytes(b"\x00broken")
    assert _Converted(tmp_path)(texts[0]) == edition.text(texts[0], edition.HANT)


# What the corpus format says (README): the regex the reader used before split_front_matter.
_FRONT_MATTER_SPEC = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)(.*)\Z", re.S)


@pytest.mark.parametrize("text, parts", [
    ("---\ntitle: 甲\n---\n\n正文\n", ("title: 甲", "\n正文\n")),
    ("---  \r\ntitle: 甲\r\n--- \t\r\n正文", ("title: 甲", "正文")),
    ("---\ntitle: 甲\n---", ("title: 甲", "")),                       # nothing after the closing line
    ("---\n\n---\n正文", ("", "正文")),                                # empty YAML
    ("---\na: 1\n----\nb: 2\n---\n正文", ("a: 1\n----\nb: 2", "正文")),  # ---- is not a closing line
    ("---\na: 1\n--- x\n---\n", ("a: 1\n--- x", "")),
    ("---\na: 1\n---\nb\n---\n", ("a: 1", "b\n---\n")),                # the first closing line ends it
    ("---\ra: 1\n---\n", None),                                         # a lone CR ends no line
    ("title: 甲\n---\n", None),
    ("---\ntitle: 甲\n", None),                                          # never closed
    ("", None),
])
def test_front_matter_is_split_where_the_format_says(text, parts):
    from zhcorpus.site.corpus import split_front_matter

    assert split_front_matter(text) == parts
    spec = _FRONT_MATTER_SPEC.match(text)
    assert (spec.groups() if spec else None) == parts


def test_front_matter_split_agrees_with_the_format_on_every_fixture_and_on_random_text():
    import random

    from zhcorpus.site.corpus import split_front_matter

    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "corpus" / "articles").glob("*.md"))]
    rng = random.Random(7)
    pieces = ["-", "---", "\n", "\r", "\r\n", " ", "\t", "a", "甲", "\n---", "\r\n---"]
    texts += [rng.choice(["", "---", "---\n", "--- \r\n"]) + "".join(rng.choices(pieces, k=rng.randrange(30)))
              for _ in range(20_000)]
    found = 0
    for text in texts:
        spec = _FRONT_MATTER_SPEC.match(text)
        assert split_front_matter(text) == (spec.groups() if spec else None), repr(text)
        found += spec is not None
    assert found > 5_000  # the random texts exercise front-matter, not only its absence
