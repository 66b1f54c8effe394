"""Per-page descriptions, head tags, hreflang alternates and sitemap dates:
the pure functions (tables) and the real `mkdocs build --strict` of both editions."""

from __future__ import annotations

import html as htmllib
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from zhcorpus.site import webmeta
from zhcorpus.site.buildrun import build_site, inputs_for_tests
from zhcorpus.site.corpus import load_articles

HANT = "zh-Hant"
SITE_URL = "https://pages.example.test/zhcorpus/"  # a sub-path, as GitHub Pages serves a project

TRIM = [
    # (text, limit, expected)
    ("短句。", 120, "短句。"),  # fits: whole, untouched
    ("第一句。第二句很长很长。", 8, "第一句。"),  # cut at the last sentence end within the limit
    ("他说：“好。”然后走了很久很久。", 8, "他说：“好。”"),  # a closing quote stays with its sentence
    ("问号？感叹！分号；后面", 9, "问号？感叹！分号；"),
    ("没有句末标点的很长的一段话", 6, "没有句末标…"),  # no sentence end: cut, marked with …
    ("a" * 120, 120, "a" * 120),  # exactly the limit: whole
]


@pytest.mark.parametrize("text, limit, expected", TRIM)
def test_trim_ends_at_a_sentence_within_the_limit(text, limit, expected):
    assert webmeta.trim(text, limit) == expected
    assert len(webmeta.trim(text, limit)) <= limit


FIRST_PARAGRAPH = [
    ("应邀请\\*出席\n{: #p1 }\n\n第二段\n{: #p2 }\n", "应邀请*出席"),  # escapes undone, anchor dropped
    ("## 小标题 {: #s1 }\n\n正文 &lt;b&gt; &#124;\n{: #p1 }\n", "正文 <b> |"),  # a heading is no lead
    ("# 关于\n\n见[如何引用](cite.md)与**说明**。\n", "见如何引用与说明。"),  # links become their labels
    ("# 只有标题\n", ""),
]


@pytest.mark.parametrize("markdown, expected", FIRST_PARAGRAPH)
def test_first_paragraph_is_the_text_a_reader_sees(markdown, expected):
    assert webmeta.first_paragraph(markdown) == expected


ALTERNATES = [
    # (site_url, edition, page url) -> zh-Hans, zh-Hant
    (SITE_URL, "zh-Hans", "articles/a/", SITE_URL + "articles/a/", SITE_URL + "zh-Hant/articles/a/"),
    (SITE_URL + "zh-Hant/", "zh-Hant", "articles/a/", SITE_URL + "articles/a/", SITE_URL + "zh-Hant/articles/a/"),
    ("https://h.test/zhcorpus", "zh-Hans", "", "https://h.test/zhcorpus/", "https://h.test/zhcorpus/zh-Hant/"),
    # A Simplified site whose own path merely ends in zh-Hant keeps it.
    ("https://h.test/zh-Hant/", "zh-Hans", "", "https://h.test/zh-Hant/", "https://h.test/zh-Hant/zh-Hant/"),
]


@pytest.mark.parametrize("site_url, ed, page_url, hans, hant", ALTERNATES)
def test_alternates_name_both_editions_and_default_to_simplified(site_url, ed, page_url, hans, hant):
    assert webmeta.alternates(site_url, ed, page_url) == [("zh-Hans", hans), ("zh-Hant", hant), ("x-default", hans)]


def test_a_further_page_of_a_listing_has_its_own_description_and_the_first_pages_date():
    facts = {"events/x.md": webmeta.PageFacts("按事件·X：共 120 篇，最新一篇：甲。", "2025-06-17", name="按事件·X"),
             "quotes/index.md": webmeta.PageFacts("引语", "2025-06-18")}
    # Not the count or the newest title: the further page shows neither (a dirty build renders it only when it changes).
    assert webmeta.facts_for(facts, "events/x-p2.md") == webmeta.PageFacts("按事件·X（第 2 页）", "2025-06-17")
    assert webmeta.facts_for(facts, "quotes/page-3.md").description == "引语（第 3 页）"
    assert webmeta.facts_for(facts, "about.md") is None
    assert webmeta.lastmod(facts, "about.md") is None  # a hand-written page: no date made up


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ZHCORPUS_SITE_URL", SITE_URL)
        result = build_site(tmp_path_factory.mktemp("webmeta") / "site", **inputs_for_tests())
    assert result.returncode == 0, result.log
    assert result.warnings == []
    return result


def _meta(page: Path, attr: str, name: str) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [htmllib.unescape(m) for m in re.findall(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', text)]


def _article_pages(root: Path) -> list[Path]:
    return sorted((root / "articles").glob("*/index.html"))


@pytest.mark.parametrize("edition_dir", ["", HANT])
def test_every_article_page_has_a_description_of_its_own(site, edition_dir):
    pages = _article_pages(site.site_dir / edition_dir)
    assert pages
    described = {page: _meta(page, "name", "description") for page in pages}
    assert all(len(d) == 1 and d[0] for d in described.values())
    shared = [d for d, n in Counter(d[0] for d in described.values()).items() if n > 1]
    assert shared == []
    for page, (description,) in described.items():
        assert len(description) <= webmeta.DESCRIPTION_MAX
        assert _meta(page, "property", "og:description") == [description]


def test_an_article_description_is_its_lead(site):
    corpus = inputs_for_tests()["corpus"]
    for article in load_articles(corpus / "articles"):
        page = site.site_dir / "articles" / article.slug / "index.html"
        description = _meta(page, "name", "description")[0]
        lead = webmeta.first_paragraph(article.body)
        assert description == webmeta.trim(lead) and lead.startswith(description.rstrip("…"))
        assert _meta(page, "property", "og:type") == ["article"]
        assert _meta(page, "property", "article:published_time") == ([article.date] if article.date else [])


@pytest.mark.parametrize("edition_dir, locale", [("", "zh_CN"), (HANT, "zh_HK")])
def test_open_graph_and_twitter_tags(site, edition_dir, locale):
    home = site.site_dir / edition_dir / "index.html"
    assert _meta(home, "property", "og:type") == ["website"]
    assert _meta(home, "property", "og:locale") == [locale]
    assert _meta(home, "property", "og:url") == [SITE_URL + (f"{edition_dir}/" if edition_dir else "")]
    assert _meta(home, "name", "twitter:card") == ["summary"]
    for page in site.site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "og:image" not in text and "twitter:image" not in text  # no image on another host
        if page.name != "404.html":
            assert _meta(page, "property", "og:title") and _meta(page, "property", "og:description")


def _site_file(site, url: str) -> Path:
    assert url.startswith(SITE_URL), url
    path = urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
    return site.site_dir / path / "index.html" if not path or path.endswith("/") else site.site_dir / path


def test_hreflang_pairs_resolve_to_pages_of_the_built_site(site):
    pages = [p for p in site.site_dir.rglob("index.html")]
    assert len(pages) > 40
    for page in pages:
        links = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">',
                                page.read_text(encoding="utf-8")))
        assert set(links) == {"zh-Hans", "zh-Hant", "x-default"}, page
        assert links["x-default"] == links["zh-Hans"]
        assert _site_file(site, links["zh-Hans"]).is_file() and _site_file(site, links["zh-Hant"]).is_file()
        # The page is one of its own pair.
        own = page.relative_to(site.site_dir).parent.as_posix()
        assert SITE_URL + (own + "/" if own != "." else "") in (links["zh-Hans"], links["zh-Hant"])


def _sitemap(path: Path) -> dict[str, str | None]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(path).getroot()
    return {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns) for u in root.findall("s:url", ns)}


@pytest.mark.parametrize("edition_dir", ["", HANT])
def test_sitemap_dates_are_article_dates(site, edition_dir):
    base = SITE_URL + (f"{edition_dir}/" if edition_dir else "")
    dates = _sitemap(site.site_dir / edition_dir / "sitemap.xml")
    articles = load_articles(inputs_for_tests()["corpus"] / "articles")
    for article in articles:
        assert dates[f"{base}articles/{article.slug}/"] == (article.date or None)
    newest = max(a.date for a in articles if a.date)
    assert dates[base] == newest  # the home page lists the newest article
    assert dates[base + "about/"] is None  # hand-written: nothing in the corpus dates it
    for kind in ("events", "speakers", "themes", "outlets", "dates"):
        assert dates[f"{base}{kind}/"] == newest
    for day in {a.date for a in articles if a.date}:
        assert dates[f"{base}dates/{day}/"] == day
    build_days = {d for d in dates.values() if d and d > newest}
    assert build_days == set()  # no build time anywhere


def test_the_hostile_fixtures_build_and_their_head_tags_stay_text(tmp_path):
    """tests/fixtures: headlines with markup, a speaker quoted in no article (a page
    with no article to date it or to make a feed of)."""
    from zhcorpus.site.buildrun import FIXTURES

    result = build_site(tmp_path / "site", corpus=FIXTURES / "corpus", taxonomy=FIXTURES / "seeds" / "taxonomy.yml",
                        speakers=FIXTURES / "seeds" / "speakers.yml")
    assert result.returncode == 0, result.log
    assert result.warnings == []
    for page in result.site_dir.rglob("*.html"):
        head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
        for tag in re.findall(r"<meta (?:name|property)=\"(?:og:|twitter:|description|article:)[^>]*>", head):
            assert re.fullmatch(r'<meta (name|property)="[^"]*" content="[^"<>]*">', tag), (page, tag)
    for feed in result.site_dir.rglob("feeds/**/*.xml"):
        ET.parse(feed)  # well-formed, whatever the titles hold


def test_material_fetches_no_sitemap_beside_our_alternate_links(site):
    """Material's bundle fetched <href>/sitemap.xml for every <link rel=alternate>: three
    missing files per page view, from site_url's host (tests/browser's crawl sees them)."""
    from zhcorpus.site import webfiles

    for edition_dir in ("", HANT):
        bundles = list((site.site_dir / edition_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
        assert len(bundles) == 1
        text = bundles[0].read_text(encoding="utf-8")
        # whatever the minifier named the function (M in Material 9.8), no link is fetched from
        assert not re.search(r'\w\("link\[rel=alternate\]"\)', text)
        assert webfiles.without_alternate_fetches(text) == text  # a dirty build patches nothing twice


@pytest.mark.parametrize("bundle, patched", [
    ('e.pipe(b(()=>M("link[rel=alternate]")),m(', 'e.pipe(b(()=>M("link[rel=alternate][data-zh-material-alternate]")),m('),
    ('b(()=>Qx("link[rel=alternate]"))', 'b(()=>Qx("link[rel=alternate][data-zh-material-alternate]"))'),
    # Material 9.6 reads alternates only inside the sitemap it parsed: left alone
    ('for(let a of P("[rel=alternate]",o))', 'for(let a of P("[rel=alternate]",o))'),
])
def test_the_alternate_fetch_is_narrowed_whatever_its_minified_name(bundle, patched):
    from zhcorpus.site import webfiles

    assert webfiles.without_alternate_fetches(bundle) == patched
    assert webfiles.without_alternate_fetches(patched) == patched
