"""The search client in real Chromium: a small index served under a sub-path.

Served by its own 127.0.0.1 server (not the site build), so this checks the
engine alone: both scripts, an English name, a filter, links to the exact
paragraph, and no request to any other host.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from zhcorpus.search import build_index

pytestmark = pytest.mark.browser
PREFIX = "/sub/path/"

DOCS = [
    {"id": "a", "url": "articles/a/", "title": "国家统计局发布数据", "text": "国家统计局发布数据", "kind": "page",
     "filters": {"speaker": [], "event": [], "theme": ["trade"], "outlet": ["xinhua"], "date": "2025-06-01"}},
    {"id": "a1", "url": "articles/a/#p1", "title": "国家统计局发布数据", "text": "国家统计局今天发布了五月的经济数据。",
     "kind": "section", "filters": {"speaker": [], "event": [], "theme": ["trade"], "outlet": ["xinhua"], "date": "2025-06-01"}},
    {"id": "b1", "url": "articles/b/#p3", "title": "峰会开幕", "text": "托卡耶夫总统在阿斯塔纳会见习近平。",
     "kind": "section", "filters": {"speaker": ["tokayev"], "event": ["summit"], "theme": [], "outlet": ["wenweipo"], "date": "2025-06-17"}},
    {"id": "q1", "url": "quotes/#q-1", "title": "托卡耶夫", "text": "托卡耶夫：中国是哈萨克斯坦可靠的朋友。", "kind": "quote",
     "filters": {"speaker": ["tokayev"], "event": ["summit"], "theme": [], "outlet": [], "date": "2025-06-17"}},
]


@pytest.fixture(scope="module")
def search_url(tmp_path_factory, serve_folder):
    site = tmp_path_factory.mktemp("search-site")
    build_index(DOCS, site / "search", aliases={"kassym-jomart tokayev": ["托卡耶夫"], "tokayev": ["托卡耶夫"]},
                labels={"speaker": {"tokayev": "托卡耶夫"}})
    with serve_folder(site, PREFIX) as url:
        yield f"{url}search/demo.html"


def _search(page, query):
    page.fill(".zs-input", query)
    page.wait_for_function("q => document.querySelector('.zs').dataset.query === q", arg=query, timeout=10_000)
    return [a.get_attribute("href") for a in page.query_selector_all(".zs-snippet, .zs-title")]


@pytest.mark.parametrize("query, expected, absent", [
    ("统计局", ["articles/a/#p1"], ["articles/b/"]),          # sub-word of 国家统计局
    ("統計局", ["articles/a/#p1"], ["articles/b/"]),          # Traditional query, Simplified text
    ("計", ["articles/a/#p1"], []),                            # single character
    ("Tokayev", ["articles/b/#p3", "quotes/#q-1"], ["articles/a/"]),  # English name
    ("可靠的朋友", ["quotes/#q-1"], ["articles/b/"]),
    ('"会见习近平"', ["articles/b/#p3"], ["quotes/#q-1"]),     # phrase
    ("统计局发布了五月", [], ["articles/a/#p1"]),               # no false positive
])
def test_queries(page, search_url, query, expected, absent):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(search_url)
    hrefs = _search(page, query)
    for url in expected:
        assert any(h.endswith(PREFIX + url) for h in hrefs), (url, hrefs)
    for url in absent:
        assert not any(h.endswith(PREFIX + url) for h in hrefs), (url, hrefs)
    hosts = {urlsplit(u).netloc for u in requests}
    assert hosts == {urlsplit(search_url).netloc}, hosts


def test_highlight_and_both_scripts_equal(page, search_url):
    page.goto(search_url)
    simplified = _search(page, "国家统计局")
    marks = [m.inner_text() for m in page.query_selector_all(".zs mark")]
    assert "国家统计局" in marks
    assert _search(page, "國家統計局") == simplified


def test_filter_by_speaker(page, search_url):
    page.goto(search_url)
    page.click(".zs-filters summary")
    page.wait_for_selector("select[data-facet=speaker] option[value=tokayev]", state="attached")
    page.select_option("select[data-facet=speaker]", "tokayev")
    hrefs = _search(page, "中国")
    assert hrefs and all("quotes/#q-1" in h or "articles/b/" in h for h in hrefs), hrefs


MANY = [{"id": f"d{i}", "url": f"articles/a{i}/#p1", "title": f"标题{i}", "kind": "section",
         "text": f"第{i}段：双方合作深化，" + "各领域交流持续推进。" * 8} for i in range(60)]


@pytest.fixture(scope="module")
def many_url(tmp_path_factory, serve_folder):
    site = tmp_path_factory.mktemp("search-many")
    build_index(MANY, site / "search")
    with serve_folder(site, PREFIX) as url:
        yield f"{url}search/demo.html"


def test_more_button_continues_the_search(page, many_url):
    page.goto(many_url)
    first = _search(page, "合作深化")  # 4 characters: verified against the text, 10 at a time
    assert len(first) == 20  # 10 paragraphs, each with its title link
    for shown in range(20, 70, 10):
        assert page.is_visible(".zs-more")
        page.click(".zs-more")
        page.wait_for_function(f"document.querySelectorAll('.zs-snippet').length === {shown}")
    assert page.is_hidden(".zs-more")
    assert page.inner_text(".zs-status") == "60 条结果"


def _dated(n: int, day: int) -> list[dict]:
    filters = {"speaker": [], "event": [], "theme": [], "outlet": [], "date": f"2025-06-{day:02d}"}
    return [{"id": f"a{n}", "url": f"articles/a{n}/", "title": f"标题{n}", "text": f"标题{n}", "kind": "page",
             "filters": filters},
            {"id": f"a{n}p1", "url": f"articles/a{n}/#p1", "title": f"标题{n}", "kind": "section",
             "text": f"第{n}篇：双方合作深化。", "filters": filters}]


@pytest.fixture(scope="module")
def updated_url(tmp_path_factory, serve_folder):
    """An index updated in place: new articles dated between old ones are out of id order."""
    from zhcorpus.search import update_index

    site = tmp_path_factory.mktemp("search-updated")
    docs = [d for n in range(12) for d in _dated(n, 1 + 2 * n)]
    build_index(docs, site / "search", state_file=site / "state")
    docs += [d for n in range(12, 15) for d in _dated(n, 2 + 6 * (n - 12))]
    assert update_index(docs, site / "search", site / "state", slack=1.0)["placed"]
    build_index(docs, site / "fresh")
    with serve_folder(site, PREFIX) as url:
        yield site, f"{url}search/demo.html"


def test_updated_index_ranks_like_the_reference_client(page, updated_url):
    from zhcorpus.search.query import Searcher

    site, url = updated_url
    page.goto(url)
    hrefs = [h for h in _search(page, "合作深化") if "#p1" in h]
    expected = [h["url"] for h in Searcher.from_dir(site / "search").search("合作深化")]
    assert [h.split(PREFIX, 1)[1] for h in hrefs] == expected
    fresh = [h["url"] for h in Searcher.from_dir(site / "fresh").search("合作深化")]
    placed = {f"articles/a{n}/#p1" for n in (12, 13, 14)}
    assert expected == fresh and len(fresh) == 10 and placed & set(fresh)  # a full build's order: newest first


def test_worker_verifies_the_candidates_its_python_model_does(page, tmp_path_factory, serve_folder):
    """合作深 is a candidate wherever 合作 and 作深 both occur, a hit only where the three
    stand together: one candidate in two fails, so rounds grow by the share that failed
    (query.py round_size). The worker must fetch exactly the chunks its model does."""
    from zhcorpus.search.query import Searcher

    site = tmp_path_factory.mktemp("search-rounds")
    docs = [{"id": f"d{i}", "url": f"articles/a{i}/#p1", "title": f"标题{i}", "kind": "section",
             "text": f"第{i}段，合作深化交流。" if i % 2 else f"第{i}段，合作交流，工作深入。"} for i in range(60)]
    build_index(docs, site / "search", chunk_bytes=1)  # a chunk per document: a fetch per candidate
    fetched: list[str] = []
    model = Searcher(lambda path: fetched.append(path) or (site / "search" / path).read_bytes())
    expected = [h["url"] for h in model.search("合作深")]
    assert model.rounds > 1 and len(expected) == 10
    requested: list[str] = []
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    with serve_folder(site, PREFIX) as url:
        page.goto(f"{url}search/demo.html")
        hrefs = _search(page, "合作深")
    chunks = sorted(path.split("/search/", 1)[1] for path in requested if "/search/chunks/" in path)
    assert chunks == sorted(path for path in fetched if path.startswith("chunks/"))
    assert [h.split(PREFIX, 1)[1] for h in hrefs if "#p1" in h] == expected
