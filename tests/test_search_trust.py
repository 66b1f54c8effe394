"""Search a journalist can trust (issue 16), on the reference client (query.py):
queries compared as the text is indexed (dashes), quotes carrying who said them
and where, and English spellings, family names and places as aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhcorpus.search import build_index, corpus_documents
from zhcorpus.search.documents import OTHER_REPORTS, load_names, name_aliases
from zhcorpus.search.index import chunk_starts
from zhcorpus.search.query import Searcher

REPO = Path(__file__).resolve().parents[1]
DOCS = [
    {"id": "a", "url": "articles/a/#p1", "title": "a", "kind": "section", "text": "弘扬中国—中亚精神，携手前行。"},
    {"id": "b", "url": "articles/b/#p1", "title": "b", "kind": "section", "text": "中国－中亚合作论坛开幕。"},
    {"id": "c", "url": "articles/c/#p1", "title": "c", "kind": "section", "text": "中国中亚班列开行。"},
    {"id": "d", "url": "articles/d/#p1", "title": "d", "kind": "section", "text": "中国和中亚国家。"},
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    out = tmp_path_factory.mktemp("index")
    build_index(DOCS, out)
    return Searcher.from_dir(out)


def urls(searcher, query):
    return sorted(searcher.doc(h["id"])["url"] if "url" not in h else h["url"]
                  for h in searcher.search(query, limit=None))


@pytest.mark.parametrize("query", ["中国—中亚", "中国-中亚", "中国－中亚", "中国–中亚", "中国―中亚", "中国中亚",
                                   "中國—中亞", "中国‐中亚"])
def test_every_dash_variant_finds_the_same(searcher, query):
    assert urls(searcher, query) == ["articles/a/#p1", "articles/b/#p1", "articles/c/#p1"]


@pytest.mark.parametrize("query, expected", [
    ("中国中亚精神", ["articles/a/#p1"]),   # run together finds the dashed phrase
    ("中国—中亚精神", ["articles/a/#p1"]),
    ("中国 中亚", ["articles/a/#p1", "articles/b/#p1", "articles/c/#p1", "articles/d/#p1"]),  # two words
    ("——", []),                             # only dashes: no term, no result
    ("中国和中亚", ["articles/d/#p1"]),      # left alone: 和 is not a dash
])
def test_dashes_are_ignored_and_nothing_else(searcher, query, expected):
    assert urls(searcher, query) == expected


ARTICLE = {"slug": "s", "title": "标题", "source": "新华社", "source_id": "xinhua", "date": "2025-06-17",
           "speakers": ["xi-jinping", "tokayev"], "body": "正文。 {: #p1 }\n\n另一段。 {: #p2 }\n"}


def _quote(qid, speaker, speaker_id, others=()):
    sources = [{"slug": "s", "anchor": "p1", "outlet": "新华社", "date": "2025-06-17", "title": "标题"}, *others]
    return {"id": qid, "slug": "s", "anchor": "p1", "speaker": speaker, "speaker_id": speaker_id, "role": "主席",
            "text": "原话。", "sources": sources}


def test_a_quote_is_said_by_its_speaker_and_links_to_its_paragraph():
    other = {"slug": "t", "anchor": "p4", "outlet": "文汇报", "date": "", "title": "另一篇"}
    quotes = [_quote("q-1", "习近平", "xi-jinping", [other]), _quote("q-2", None, None)]
    docs = {d["id"]: d for d in corpus_documents([ARTICLE], quotes)}
    said, unsaid = docs["quotes/#q-1"], docs["quotes/#q-2"]
    assert said["url"] == "articles/s/#p1" and said["title"] == "标题"
    assert said["filters"]["said"] == ["xi-jinping"] and said["filters"]["kind"] == ["quote"]
    # "mentions" stays the article's people; "said by" is the quote's speaker alone.
    assert said["filters"]["speaker"] == ["xi-jinping", "tokayev"]
    assert said["meta"] == {"speaker": "习近平", "said": "xi-jinping", "role": "主席", "outlet": "新华社",
                            "date": "2025-06-17", "others": [["文汇报", "", "另一篇", "articles/t/#p4"]]}
    assert unsaid["filters"]["said"] == [] and unsaid["meta"]["speaker"] == ""
    paragraph = docs["articles/s/#p1"]
    assert paragraph["filters"]["said"] == [] and paragraph["filters"]["kind"] == []


@pytest.fixture(scope="module")
def aliases():
    return name_aliases(load_names(REPO / "seeds" / "taxonomy.yml", REPO / "seeds" / "speakers.yml"))


@pytest.mark.parametrize("english, chinese", [
    ("xi", ["习近平"]),                   # a family name alone, short as it is
    ("jinping", ["习近平"]),
    ("tokayev", ["托卡耶夫"]),
    ("tokaev", ["托卡耶夫"]),             # common spellings (speakers.yml aliases)
    ("mirziyoev", ["米尔济约耶夫"]),
    ("mirziyoyev", ["米尔济约耶夫"]),
    ("astana", ["阿斯塔纳"]),             # the city, not the treaty whose English name has the word
    ("xi jinping", ["习近平"]),
])
def test_english_names(aliases, english, chinese):
    assert aliases[english] == chinese


def test_a_quote_result_carries_its_source(tmp_path):
    build_index(corpus_documents([ARTICLE], [_quote("q-1", "习近平", "xi-jinping")]), tmp_path)
    hits = [h for h in Searcher.from_dir(tmp_path).search("原话") if h["kind"] == "quote"]
    assert [h["meta"]["speaker"] for h in hits] == ["习近平"] and hits[0]["url"] == "articles/s/#p1"


def test_a_much_reported_quote_lists_a_few_reports_and_links_to_the_rest():
    others = [{"slug": f"t{n}", "anchor": "p1", "outlet": "报", "date": "", "title": "题"} for n in range(OTHER_REPORTS + 3)]
    docs = corpus_documents([ARTICLE], [_quote("q-1", "习近平", "xi-jinping", others)], lambda q: f"quotes/page-2/#{q}")
    meta = docs[-1]["meta"]
    assert len(meta["others"]) == OTHER_REPORTS and meta["more"] == 3 and meta["entry"] == "quotes/page-2/#q-1"
    few = corpus_documents([ARTICLE], [_quote("q-1", "习近平", "xi-jinping", others[:OTHER_REPORTS])])[-1]["meta"]
    assert len(few["others"]) == OTHER_REPORTS and "more" not in few and "entry" not in few


def test_chunks_count_a_quotes_meta_in_their_size():
    quote = _quote("q-1", "习近平", "xi-jinping", [{"slug": f"t{n}", "anchor": "p1", "outlet": "报" * 40, "date": "",
                                                   "title": "题" * 60} for n in range(OTHER_REPORTS)])
    docs = corpus_documents([ARTICLE], [quote, quote | {"id": "q-2"}, quote | {"id": "q-3"}])
    quotes = [d for d in docs if d["kind"] == "quote"]
    assert len(chunk_starts(quotes, 512)) == 3  # each over 512 bytes with its reports: a chunk each
