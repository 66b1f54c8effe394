"""Issue 16 item 6: citations of an article, a paragraph and a quote, in five formats,
each read back by a library that knows the format (rispy, bibtexparser) or checked
against its schema (CSL-JSON, tests/data/csl-data.json, no download)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from zhcorpus.site.citations import (NO_SITE_URL, RENDER, Work, as_html, as_text, authors_of,
                                     site_address)

SCHEMA = json.loads((Path(__file__).parent / "data" / "csl-data.json").read_text(encoding="utf-8"))
ACCESSED = dt.date(2026, 12, 4)
SITE = "https://corpus.example.org/zhcorpus/"


def work(**changes) -> Work:
    fields = dict(title="弘扬“中国—中亚精神” 推动地区合作高质量发展", authors=("习近平",), corporate=None,
                  outlet="新华社", date="2025-06-17", path="articles/2025-06-17-xinhua-hongyang/",
                  site_url=SITE, key="2025-06-17-xinhua-hongyang", kind="speech")
    fields.update(changes)
    return Work(**fields)


SPEECH = work()
NO_BYLINE = work(title="习近平会见吉尔吉斯斯坦总统扎帕罗夫", authors=(), corporate="新华社", kind="report")
SEVERAL = work(title="合作之路越走越宽广", authors=("韩梁", "赵嫣", "张继业", "李奥"), kind="report")
HANT = work(title="弘揚“中國—中亞精神” 推動地區合作高質量發展", authors=("習近平",), outlet="新華社",
            site_url=SITE + "zh-Hant/", language="zh-Hant")
TRAPS = work(title='标题含{括号}、"引号"、\\反斜杠、%与#与&', authors=("A {B}",), kind="report")
NO_URL = work(site_url=None)
UNKNOWN = work(authors=(), corporate=None, outlet=None, date=None, kind="report", title="无名之文")
PAGED = work(page="第3版", kind="report", authors=("韩梁",))
WORKS = {"speech": SPEECH, "no-byline": NO_BYLINE, "several": SEVERAL, "hant": HANT, "traps": TRAPS,
         "no-url": NO_URL, "unknown": UNKNOWN, "paged": PAGED}


def text(fmt: str, w: Work, anchor: str = "") -> str:
    return as_text(RENDER[fmt](w), ACCESSED, anchor)


def test_gbt_7714():
    assert text("gbt", SPEECH, "p17") == (
        "习近平. 弘扬“中国—中亚精神” 推动地区合作高质量发展[N/OL]. 新华社, 2025-06-17[2026-12-04]. "
        f"{SITE}articles/2025-06-17-xinhua-hongyang/#p17.")
    assert text("gbt", NO_BYLINE).startswith("新华社. 习近平会见吉尔吉斯斯坦总统扎帕罗夫[N/OL]. 新华社, 2025-06-17[")
    assert text("gbt", SEVERAL).startswith("韩梁, 赵嫣, 张继业, 等. 合作之路越走越宽广[N/OL].")
    assert text("gbt", PAGED).startswith("韩梁. 弘扬“中国—中亚精神” 推动地区合作高质量发展[N/OL]. 新华社, 2025-06-17(第3版)[2026-12-04]")
    assert text("gbt", UNKNOWN) == (
        f"无名之文[N/OL]. [出版者不详], [出版日期不详][2026-12-04]. {SITE}articles/2025-06-17-xinhua-hongyang/.")
    assert text("gbt", HANT).startswith("習近平. 弘揚“中國—中亞精神”")


def test_apa_7():
    assert text("apa", SPEECH) == (
        "习近平. (2025, June 17). 弘扬“中国—中亚精神” 推动地区合作高质量发展 [讲话]. 新华社. "
        f"Retrieved December 4, 2026, from {SITE}articles/2025-06-17-xinhua-hongyang/")
    # the outlet as author is not repeated as the site name
    assert text("apa", NO_BYLINE).startswith("新华社. (2025, June 17). 习近平会见吉尔吉斯斯坦总统扎帕罗夫. Retrieved")
    assert text("apa", SEVERAL).startswith("韩梁, 赵嫣, 张继业, & 李奥. (2025, June 17).")
    # no author: the title takes its place; no date: n.d.
    assert text("apa", UNKNOWN).startswith("无名之文. (n.d.). Retrieved")


@pytest.mark.parametrize("name", sorted(WORKS))
def test_bibtex_parses_back_with_every_field(name):
    w = WORKS[name]
    library = bibtexparser.parse_string(text("bibtex", w, "p3"), append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks
    [entry] = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert entry.key == w.key and entry.entry_type == "article"
    assert fields["title"] == w.title
    names = list(w.authors) or ([w.corporate] if w.corporate else [])
    if names:
        assert [n.strip("{}") for n in fields["author"].split(" and ")] == [n.replace("{", "").replace("}", "") for n in names] or name == "traps"
    else:
        assert "author" not in fields
    assert fields["urldate"] == "2026-12-04"
    if w.site_url:
        assert fields["url"] == w.site_url + w.path + "#p3"
    else:
        assert fields["note"] == NO_SITE_URL + w.path + "#p3" and "url" not in fields
    assert fields["language"] == w.language


def test_bibtex_braces_in_a_title_cannot_end_the_field():
    raw = text("bibtex", TRAPS)
    assert r"\{括号\}" in raw and r"\textbackslash{}" in raw and r"\%与\#与\&" in raw
    library = bibtexparser.parse_string(raw)  # without decoding: still one entry, nothing left over
    assert len(library.entries) == 1 and not library.failed_blocks


@pytest.mark.parametrize("name", sorted(WORKS))
def test_ris_parses_back(name):
    w = WORKS[name]
    [entry] = rispy.loads(text("ris", w, "p3"))
    assert entry["type_of_reference"] == "NEWS"
    assert entry["title"] == w.title
    assert entry.get("authors", []) == (list(w.authors) or ([w.corporate] if w.corporate else []))
    assert entry["access_date"] == "2026/12/04"
    if w.site_url:
        assert entry["urls"] == [w.site_url + w.path + "#p3"]
    else:
        assert "urls" not in entry and entry["notes"] == [NO_SITE_URL + w.path + "#p3"]
    if w.date:
        assert entry["date"] == w.date.replace("-", "/")
    if w.page:
        assert entry["start_page"] == w.page


@pytest.mark.parametrize("name", sorted(WORKS))
@pytest.mark.parametrize("anchor", ["", "p3"])
def test_csl_json_is_valid_against_the_schema(name, anchor):
    w = WORKS[name]
    data = json.loads(text("csl", w, anchor))
    jsonschema.validate(data, SCHEMA)
    [item] = data
    assert item["title"] == w.title and item["language"] == w.language
    assert item["accessed"] == {"date-parts": [[2026, 12, 4]]}
    where = w.site_url + w.path if w.site_url else None
    assert item.get("URL") == (where and where + (f"#{anchor}" if anchor else ""))
    assert item["type"] == ("speech" if w.kind == "speech" else "article-newspaper")


def test_csl_json_schema_rejects_what_it_should():
    """The shipped schema is the real one: a field it does not know fails."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "article-newspaper", "publication": "新华社"}], SCHEMA)


@pytest.mark.parametrize("fmt", sorted(RENDER))
def test_no_site_url_says_so_and_never_cites_the_placeholder(fmt):
    out = text(fmt, NO_URL, "p2")
    assert "本站未设置网址" in out and "example.github.io" not in out and "http" not in out


@pytest.mark.parametrize("site_url, address", [
    ("https://example.github.io/zhcorpus/", None),           # mkdocs.yml's default
    ("https://example.github.io/zhcorpus/zh-Hant/", None),    # the same, Traditional edition
    (None, None), ("", None),
    ("https://someone.github.io/zhcorpus", "https://someone.github.io/zhcorpus/"),
    ("https://corpus.example.org/zhcorpus/zh-Hant/", "https://corpus.example.org/zhcorpus/zh-Hant/"),
])
def test_site_address(site_url, address):
    assert site_address(site_url) == address


@pytest.mark.parametrize("kind, byline, outlet, expected", [
    ("speech", ["习近平"], "新华社", (("习近平",), None)),      # a speech: its speaker
    ("report", ["韩梁", "赵嫣"], "新华社", (("韩梁", "赵嫣"), None)),
    ("report", [], "新华社", ((), "新华社")),                  # no byline: the outlet
    ("report", [], None, ((), None)),                          # nothing known: nobody
])
def test_authors(kind, byline, outlet, expected):
    assert authors_of(kind, byline, outlet) == expected


def test_html_escapes_the_text_and_leaves_slots_to_the_script():
    out = as_html(RENDER["gbt"](work(title="<script>alert(1)</script>&")), "p4")
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;&amp;" in out
    assert '<span data-cite-accessed="iso">访问日期</span>' in out
    assert '<span data-cite-anchor="#">#p4</span>' in out


# ---- The built site: the real `mkdocs build`, with and without a site address ----

import html as htmllib  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402

from zhcorpus.site.buildrun import build_site, inputs_for_tests  # noqa: E402

REAL_URL = "https://corpus.example.org/zhcorpus/"
XI_SPEECH = "2025-06-17-xinhua-hongyang-zhongguo-zhongya-jingshen-tuidong-diqu"


def _build(folder: Path, site_url: str | None) -> Path:
    saved = os.environ.pop("ZHCORPUS_SITE_URL", None)
    if site_url:
        os.environ["ZHCORPUS_SITE_URL"] = site_url
    try:
        result = build_site(folder / "site", **inputs_for_tests())
    finally:
        os.environ.pop("ZHCORPUS_SITE_URL", None)
        if saved is not None:
            os.environ["ZHCORPUS_SITE_URL"] = saved
    assert result.returncode == 0, result.log
    return result.site_dir


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("cite-real"), REAL_URL)


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("cite-bare"), None)


def _meta(page: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, content in re.findall(r'<meta name="(citation_[a-z_]+)" content="([^"]*)">', page):
        out.setdefault(name, []).append(htmllib.unescape(content))
    return out


def _citation(page: str, fmt: str) -> str:
    (raw,) = re.findall(rf'<pre class="zh-cite-text"[^>]*aria-labelledby="zh-cite-{fmt}">(.*?)</pre>', page, re.S)
    return htmllib.unescape(re.sub(r"<[^>]+>", "", raw))


def _article(site: Path, slug: str, hant: bool = False) -> str:
    return (site / ("zh-Hant" if hant else "") / "articles" / slug / "index.html").read_text(encoding="utf-8")


def _skip_without_corpus():
    if "fixtures" in str(inputs_for_tests()["corpus"]):
        pytest.skip("needs the seed corpus (Xi's keynote)")


def test_meta_tags_of_xis_speech(real_site):
    _skip_without_corpus()
    meta = _meta(_article(real_site, XI_SPEECH))
    assert meta["citation_title"] == ["弘扬“中国—中亚精神” 推动地区合作高质量发展"]
    assert meta["citation_author"] == ["习近平"]  # the speaker, not 新华社
    assert meta["citation_publication_date"] == ["2025/06/17"]
    assert meta["citation_journal_title"] == ["新华社"] and meta["citation_language"] == ["zh-Hans"]
    assert meta["citation_public_url"] == [f"{REAL_URL}articles/{XI_SPEECH}/"]
    assert _citation(_article(real_site, XI_SPEECH), "gbt").startswith("习近平. 弘扬“中国—中亚精神”")


def test_meta_tags_and_citations_of_the_traditional_edition(real_site):
    _skip_without_corpus()
    page = _article(real_site, XI_SPEECH, hant=True)
    meta = _meta(page)
    assert meta["citation_author"] == ["習近平"] and meta["citation_language"] == ["zh-Hant"]
    assert meta["citation_title"][0].startswith("弘揚")
    assert meta["citation_public_url"] == [f"{REAL_URL}zh-Hant/articles/{XI_SPEECH}/"]
    csl = json.loads(_citation(page, "csl").replace("訪問日期", "2026, 12, 4"))
    jsonschema.validate(csl, SCHEMA)
    assert csl[0]["language"] == "zh-Hant" and csl[0]["URL"] == f"{REAL_URL}zh-Hant/articles/{XI_SPEECH}/"


def test_every_article_has_meta_tags_and_five_citations(real_site):
    pages = sorted((real_site / "articles").glob("*/index.html"))
    assert pages
    for path in pages:
        page = path.read_text(encoding="utf-8")
        meta = _meta(page)
        assert meta["citation_title"] and meta["citation_author"] and meta["citation_public_url"]
        for fmt in RENDER:
            assert f'data-cite-copy="{fmt}"' in page
        [entry] = rispy.loads(_citation(page, "ris"))
        assert entry["urls"][0].startswith(REAL_URL + "articles/")
        library = bibtexparser.parse_string(_citation(page, "bibtex"))
        assert len(library.entries) == 1 and not library.failed_blocks


def test_a_build_without_a_site_address_says_so(bare_site):
    for path in sorted((bare_site / "articles").glob("*/index.html"))[:3]:
        page = path.read_text(encoding="utf-8")
        assert "citation_public_url" not in page and "本站未设置网址" in page
        for fmt in RENDER:
            assert "example.github.io" not in _citation(page, fmt)


def test_the_quotes_page_shows_the_speech_basis(real_site):
    _skip_without_corpus()
    pages = [p.read_text(encoding="utf-8") for p in sorted((real_site / "quotes").glob("**/index.html"))]
    notes = [m for page in pages for m in re.findall(r'<p class="zh-quote-basis"[^>]*>(.*?)</p>', page, re.S)]
    assert len(notes) == 3
    assert all(f'articles/{XI_SPEECH}/#p' in note and "据讲话全文" in note for note in notes)
